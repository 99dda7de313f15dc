package points

import (
	"fmt"
	"slices"
	"testing"
)

// The exact maths against brute force: on tiny seasons of every preset
// family, every outcome of the remaining sessions (each driver classified
// in any order or not classified, and every bonus to any driver who can
// earn it) is enumerated and scored by the standings, and the results
// must agree with BestCase, CanWin, Decided, BestPosition and
// WorstPosition. A rule the exact maths reads differently from the
// standings fails here.

// tinySeason invents a season of drivers a, b, c (a and b team-mates in
// team t1, c in t2, each with his own car and t1's and t2's makes) under
// a system: done completed rounds, left to run, sprints and qualifying
// where the system has them.
// tinyPrivateer is the privateer car of the tiny seasons (it matters only
// where a championship ranks works or privateer cars apart).
const tinyPrivateer = "c"

func tinySeason(t *testing.T, system string, done, left int, qualifying bool) *Season {
	t.Helper()
	sys, err := Lookup(system)
	if err != nil {
		t.Fatal(err)
	}
	s := &Season{Name: "tiny " + system, System: sys}
	drivers := []string{"a", "b", "c"}
	team := map[string]string{"a": "t1", "b": "t1", "c": "t2"}
	for r := 1; r <= done+left; r++ {
		rd := Round{Number: r, Completed: r <= done, Multiplier: 1, Distance: 1, Sprint: len(sys.Sprint) > 0 && r == done+1}
		for name := range sys.Tables {
			if r == done+left {
				rd.Table = name // an alternative table at the last round
			}
		}
		for name := range sys.Qualifying {
			if r == done+1 && qualifying {
				rd.Qualifying = name
			}
		}
		s.Rounds = append(s.Rounds, rd)
	}
	for r := 1; r <= done; r++ {
		for i := range drivers {
			d := drivers[(i+r)%3] // the order rotates: the title stays open
			res := Result{Round: r, Driver: d, Team: team[d], Make: "m-" + team[d], Car: d, Position: i + 1, Privateer: d == tinyPrivateer}
			if r == 1 && i == 0 {
				res.Pole, res.LedLap, res.MostLapsLed, res.FastestLap = true, true, true, true
			}
			if r == 2 && i == 2 {
				res.Position, res.Status = 0, DNF
			}
			s.Results = append(s.Results, res)
		}
	}
	return s
}

// outcomes lists every result of one session for the drivers: each
// classified in any order or not at all, and each bonus the session awards
// to any of them (the fastest lap to a classified driver, or to none).
func outcomes(ps *PlanSession, drivers []string, team map[string]string) [][]Result {
	awarded := map[BonusKind]bool{}
	for _, sc := range ps.Scores {
		for _, a := range sc.Awards {
			awarded[a.Kind] = true
		}
	}
	var orders [][]string // classified drivers, in order; the rest not classified
	var rec func(cur []string)
	rec = func(cur []string) {
		orders = append(orders, slices.Clone(cur))
		for _, d := range drivers {
			if !slices.Contains(cur, d) {
				rec(append(cur, d))
			}
		}
	}
	rec(nil)
	var out [][]Result
	for _, order := range orders {
		if ps.Kind == Qualifying && len(order) != len(drivers) {
			continue // every car has a qualifying place
		}
		base := make([]Result, 0, len(drivers))
		for _, d := range drivers {
			r := Result{Round: ps.Round.Number, Session: ps.Kind, Driver: d, Team: team[d], Make: "m-" + team[d], Car: d, Status: DNF, Privateer: d == tinyPrivateer}
			if i := slices.Index(order, d); i >= 0 {
				r.Position, r.Status = i+1, Classified
			}
			base = append(base, r)
		}
		// Bonuses: the fastest lap to none or a classified driver, pole to
		// anyone, led a lap to any subset, most laps led to none or anyone.
		flOpts, poleOpts, mostOpts, ledOpts := []int{-1}, []int{-1}, []int{-1}, []int{0}
		if awarded[FastestLap] {
			for i, r := range base {
				if r.Classified() {
					flOpts = append(flOpts, i)
				}
			}
		}
		if awarded[Pole] {
			poleOpts = []int{0, 1, 2}
		}
		if awarded[MostLapsLed] {
			mostOpts = []int{-1, 0, 1, 2}
		}
		if awarded[LedLap] {
			ledOpts = []int{0, 1, 2, 3, 4, 5, 6, 7}
		}
		for _, fl := range flOpts {
			for _, pole := range poleOpts {
				for _, most := range mostOpts {
					for _, led := range ledOpts {
						rs := slices.Clone(base)
						for i := range rs {
							rs[i].FastestLap, rs[i].Pole, rs[i].MostLapsLed, rs[i].LedLap = i == fl, i == pole, i == most, led>>i&1 == 1
						}
						out = append(out, rs)
					}
				}
			}
		}
	}
	return out
}

// finals is what brute force finds for each entry of a championship:
// its most final points, whether it can be champion alone, and its best
// and worst final positions.
type finals struct {
	max         float64
	champion    bool
	best, worst int
	everDecided bool // some outcome is not a title for the leader: false means decided
}

func bruteForce(t *testing.T, s *Season, n int, champ string) map[string]*finals {
	t.Helper()
	drivers := []string{"a", "b", "c"}
	team := map[string]string{"a": "t1", "b": "t1", "c": "t2"}
	plan := NewPlan(s)
	rest := plan.Remaining(n)
	var base []Result
	for _, r := range s.Results {
		if r.Round <= n {
			base = append(base, r)
		}
	}
	done := *s
	done.Rounds = slices.Clone(s.Rounds)
	for i := range done.Rounds {
		done.Rounds[i].Completed = true
	}
	out := map[string]*finals{}
	leader := Standings(s, champ, n)[0].ID
	var rec func(k int, results []Result)
	count := 0
	rec = func(k int, results []Result) {
		if k == len(rest) {
			count++
			done.Results = results
			st := Standings(&done, champ, len(s.Rounds))
			for i := range st {
				f := out[st[i].ID]
				if f == nil {
					f = &finals{max: st[i].Points, best: 1 << 30}
					out[st[i].ID] = f
				}
				f.max = max(f.max, st[i].Points)
				pos := 1
				for j := range st {
					if j != i && Compare(&st[j], &st[i]) < 0 {
						pos++
					}
				}
				f.best, f.worst = min(f.best, pos), max(f.worst, pos)
			}
			if len(st) > 0 && (len(st) < 2 || Compare(&st[0], &st[1]) < 0) {
				out[st[0].ID].champion = true
				if st[0].ID != leader {
					out[leader].everDecided = true
				}
			} else {
				out[leader].everDecided = true
			}
			return
		}
		for _, o := range outcomes(&rest[k], drivers, team) {
			rec(k+1, append(slices.Clone(results), o...))
		}
	}
	rec(0, base)
	t.Logf("%s, %s: %d outcomes", s.Name, champ, count)
	return out
}

func TestExactMatchesBruteForce(t *testing.T) {
	if testing.Short() {
		t.Skip("enumerates thousands of outcomes per case")
	}
	cases := []struct {
		system      string
		done, left  int
		champs      []string
		description string
	}{
		{"f1-1950", 4, 2, []string{"drivers"}, "best 4 results, shared fastest lap"},
		{"f1-1961", 2, 2, []string{"drivers", "teams"}, "teams' own table, best car only"},
		{"f1-1988", 12, 2, []string{"drivers", "teams"}, "best 11"},
		{"f1-2014", 2, 2, []string{"drivers", "teams"}, "double points at the final"},
		{"f1-2021", 2, 1, []string{"drivers", "teams"}, "a 3-2-1 sprint and the fastest lap in the top 10"},
		{"f1-2024", 2, 1, []string{"drivers", "teams"}, "sprint and fastest lap"},
		{"indycar-2016", 2, 1, []string{"drivers", "entrants"}, "33 places, qualifying 42..., double final, pole, led, most laps led"},
		{"indycar-2024", 2, 1, []string{"drivers", "entrants"}, "an ordinary race: pole, led a lap, most laps led"},
		{"formula-e", 2, 2, []string{"drivers", "teams"}, "pole 3, fastest lap in the top 10"},
		{"motogp", 2, 1, []string{"drivers", "teams", "constructors"}, "sprint, best bike of each make"},
		{"wec-hypercar-2024", 2, 2, []string{"drivers", "manufacturers", "teams"}, "pole, an alternative table at the last round, works and privateer cars ranked apart"},
		{"wec-hypercar-2025", 2, 1, []string{"manufacturers"}, "a make's best two cars"},
	}
	for _, c := range cases {
		for _, champ := range c.champs {
			t.Run(fmt.Sprintf("%s/%s", c.system, champ), func(t *testing.T) {
				s := tinySeason(t, c.system, c.done, c.left, c.system != "indycar-2024")
				n := c.done
				bf := bruteForce(t, s, n, champ)
				st := Standings(s, champ, n)
				decided, _ := Decided(s, n, champ)
				if want := !bf[st[0].ID].everDecided; decided != want {
					t.Errorf("Decided %v, brute force %v", decided, want)
				}
				for i := range st {
					e := &st[i]
					f := bf[e.ID]
					if b := BestCase(s, n, *e, champ); !near(b.Points, f.max) {
						t.Errorf("%s: best case %v points, brute force %v", e.ID, b.Points, f.max)
					}
					if got := CanWin(s, n, st, e.ID, champ); got != f.champion {
						t.Errorf("%s: can win %v, brute force %v", e.ID, got, f.champion)
					}
					if got := BestPosition(s, n, st, e.ID, champ); got != f.best {
						t.Errorf("%s: best position %d, brute force %d", e.ID, got, f.best)
					}
					lo, hi := WorstPosition(s, n, st, e.ID, champ)
					if lo > f.worst || hi < f.worst || lo == hi && lo != f.worst {
						t.Errorf("%s: worst position %d..%d, brute force %d", e.ID, lo, hi, f.worst)
					}
				}
			})
		}
	}
}

// crewOutcomes lists every result of one session for the cars of crews
// (each car classified in any order or not at all, the pole to any car
// or none), one row per crew member.
func crewOutcomes(ps *PlanSession, crews map[string][]string, cars []string) [][]Result {
	var orders [][]string
	var rec func(cur []string)
	rec = func(cur []string) {
		orders = append(orders, slices.Clone(cur))
		for _, c := range cars {
			if !slices.Contains(cur, c) {
				rec(append(cur, c))
			}
		}
	}
	rec(nil)
	var out [][]Result
	for _, order := range orders {
		for pole := -1; pole < len(cars); pole++ {
			var rs []Result
			for ci, car := range cars {
				for _, d := range crews[car] {
					r := Result{Round: ps.Round.Number, Session: ps.Kind, Driver: d, Team: "t" + car, Make: "m" + car, Car: car, Status: DNF, Pole: ci == pole}
					if i := slices.Index(order, car); i >= 0 {
						r.Position, r.Status = i+1, Classified
					}
					rs = append(rs, r)
				}
			}
			out = append(out, rs)
		}
	}
	return out
}

// With crews the exact maths agrees with an enumeration of every outcome:
// a crew's drivers share every result, crew-mates level at the top are
// co-champions, and a crew-mate who misses the round left (a2) can fall
// behind.
func TestCrewsExactMatchesBruteForce(t *testing.T) {
	sys, err := Lookup("wec-hypercar-2024")
	if err != nil {
		t.Fatal(err)
	}
	for _, left := range []int{1, 2} {
		done := 2
		s := &Season{Name: "crews", System: sys}
		for r := 1; r <= done+left; r++ {
			s.Rounds = append(s.Rounds, Round{Number: r, Completed: r <= done, Multiplier: 1, Distance: 1})
		}
		crews := map[string][]string{"1": {"a1", "a2"}, "2": {"b1"}, "3": {"c1", "c2"}}
		cars := []string{"1", "2", "3"}
		for r := 1; r <= done; r++ {
			for ci, car := range cars {
				for _, d := range crews[car] {
					s.Results = append(s.Results, Result{Round: r, Driver: d, Team: "t" + car, Make: "m" + car, Car: car, Position: (ci+r)%3 + 1})
				}
			}
		}
		later := map[string][]string{"1": {"a1"}, "2": {"b1"}, "3": {"c1", "c2"}} // a2 sits the last round out
		s.Crews = []Crew{{Round: done + left, Car: "1", Drivers: later["1"]}}
		plan := NewPlan(s)
		rest := plan.Remaining(done)
		st := Standings(s, DriversChampionship, done)
		type fin struct {
			max          float64
			champion     bool
			best, worst  int
			leaderBeaten bool
		}
		out := map[string]*fin{}
		mates := func(a, b string) bool {
			for _, ds := range crews {
				if slices.Contains(ds, a) && slices.Contains(ds, b) {
					return true
				}
			}
			return false
		}
		full := *s
		full.Rounds = slices.Clone(s.Rounds)
		for i := range full.Rounds {
			full.Rounds[i].Completed = true
		}
		leader := st[0].ID
		var rec func(k int, results []Result)
		rec = func(k int, results []Result) {
			if k == len(rest) {
				full.Results = results
				fs := Standings(&full, DriversChampionship, len(s.Rounds))
				for i := range fs {
					f := out[fs[i].ID]
					if f == nil {
						f = &fin{max: fs[i].Points, best: 1 << 30}
						out[fs[i].ID] = f
					}
					f.max = max(f.max, fs[i].Points)
					pos := 1
					for j := range fs {
						if j != i && Compare(&fs[j], &fs[i]) < 0 {
							pos++
						}
					}
					f.best, f.worst = min(f.best, pos), max(f.worst, pos)
				}
				// Champions: the leader of the final table and any
				// crew-mate level with him; a level rival makes no one
				// champion.
				top := []string{fs[0].ID}
				shared := true
				for j := 1; j < len(fs) && Compare(&fs[0], &fs[j]) == 0; j++ {
					top = append(top, fs[j].ID)
					shared = shared && mates(fs[0].ID, fs[j].ID)
				}
				if shared {
					for _, id := range top {
						out[id].champion = true
					}
				}
				if !shared || !slices.Contains(top, leader) {
					out[leader].leaderBeaten = true
				}
				return
			}
			crewNow := crews
			if rest[k].Round.Number == done+left {
				crewNow = later
			}
			for _, o := range crewOutcomes(&rest[k], crewNow, cars) {
				rec(k+1, append(slices.Clone(results), o...))
			}
		}
		rec(0, slices.Clone(s.Results))
		decided, _ := Decided(s, done, DriversChampionship)
		if want := !out[leader].leaderBeaten; decided != want {
			t.Errorf("%d left: decided %v, brute force %v", left, decided, want)
		}
		for i := range st {
			e := &st[i]
			f := out[e.ID]
			if b := BestCase(s, done, *e, DriversChampionship); !near(b.Points, f.max) {
				t.Errorf("%d left, %s: best case %v, brute force %v", left, e.ID, b.Points, f.max)
			}
			if got := CanWin(s, done, st, e.ID, DriversChampionship); got != f.champion {
				t.Errorf("%d left, %s: can win %v, brute force %v", left, e.ID, got, f.champion)
			}
			if got := BestPosition(s, done, st, e.ID, DriversChampionship); got != f.best {
				t.Errorf("%d left, %s: best position %d, brute force %d", left, e.ID, got, f.best)
			}
			lo, hi := WorstPosition(s, done, st, e.ID, DriversChampionship)
			if lo > f.worst || hi < f.worst || lo == hi && lo != f.worst {
				t.Errorf("%d left, %s: worst position %d..%d, brute force %d", left, e.ID, lo, hi, f.worst)
			}
		}
	}
}

// A rival out of every car at the last round cannot take a place there:
// m (75, crew of car 1) can fall behind at most one of r1 (51) and r2 (50),
// who must both win round 4 to pass him.
func TestCrewsWorstPositionAbsentRivals(t *testing.T) {
	sys, err := Lookup("wec-hypercar-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &Season{Name: "absent", System: sys}
	for n := 1; n <= 5; n++ {
		s.Rounds = append(s.Rounds, Round{Number: n, Completed: n <= 3, Multiplier: 1, Distance: 1})
	}
	place := map[int]map[string]int{1: {"1": 1, "2": 2, "3": 3, "4": 4}, 2: {"1": 1, "2": 2, "3": 3, "4": 4}, 3: {"1": 1, "3": 2, "2": 3, "4": 4}}
	crew := map[string][]string{"1": {"m", "m2"}, "2": {"r1"}, "3": {"r2"}, "4": {"f"}}
	for n := 1; n <= 3; n++ {
		for car, ds := range crew {
			for _, d := range ds {
				s.Results = append(s.Results, Result{Round: n, Driver: d, Car: car, Make: "k" + car, Team: "t" + car, Position: place[n][car], Pole: car == "3" && n <= 2})
			}
		}
	}
	s.Crews = []Crew{{Round: 5, Car: "2", Drivers: []string{"x1"}}, {Round: 5, Car: "3", Drivers: []string{"x2"}}}
	st := Standings(s, DriversChampionship, 3)
	pts := map[string]float64{}
	for _, e := range st {
		pts[e.ID] = e.Points
	}
	if pts["m"] != 75 || pts["r1"] != 51 || pts["r2"] != 50 {
		t.Fatalf("standings %v", pts)
	}
	lo, hi := WorstPosition(s, 3, st, "m", DriversChampionship)
	if lo > 2 || hi < 2 {
		t.Errorf("m's worst position %d..%d, the truth 2", lo, hi)
	}
}
