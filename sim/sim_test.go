package sim

import (
	"github.com/champ-dev/champ/sim/internal/race"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/champ-dev/champ/points"
)

// tiny builds a season of the given drivers (in one team each) with one
// completed race in the given order and `left` races still to run.
func tiny(t *testing.T, system string, order []string, left int) *points.Season {
	t.Helper()
	sys, err := points.Lookup(system)
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "tiny", System: sys}
	for r := 1; r <= 1+left; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r == 1, Multiplier: 1, Distance: 1})
	}
	for i, d := range order {
		s.Results = append(s.Results, points.Result{Round: 1, Driver: d, Team: "team-" + d, Car: d, Position: i + 1})
	}
	return s
}

// exactTitle enumerates every pair of orders of the remaining races under
// the uniform model and returns each driver's title probability (a tie on
// points and countback counts for no one).
func exactTitle(t *testing.T, s *points.Season, left int) map[string]float64 {
	t.Helper()
	var drivers []string
	for _, r := range s.Results {
		drivers = append(drivers, r.Driver)
	}
	perms := permutations(len(drivers))
	probs := map[string]float64{}
	total := 0
	var rec func(round int, results []points.Result)
	rec = func(round int, results []points.Result) {
		if round > 1+left {
			c := *s
			c.Results = results
			for i := range c.Rounds {
				c.Rounds[i].Completed = true
			}
			c.Rounds = append([]points.Round(nil), c.Rounds...)
			for i := range c.Rounds {
				c.Rounds[i].Completed = true
			}
			st := points.Drivers(&c, 1+left)
			total++
			if len(st) < 2 || points.Compare(&st[0], &st[1]) != 0 {
				probs[st[0].ID]++
			}
			return
		}
		holders := 1
		if s.System.Bonus(points.FastestLap) != nil {
			holders = len(drivers) // the uniform model gives the fastest lap to any finisher
		}
		for _, p := range perms {
			for h := range holders {
				rs := append([]points.Result(nil), results...)
				for pos, i := range p {
					rs = append(rs, points.Result{Round: round, Driver: drivers[i], Team: "team-" + drivers[i], Car: drivers[i], Position: pos + 1,
						FastestLap: holders > 1 && pos == h})
				}
				rec(round+1, rs)
			}
		}
	}
	rec(2, s.Results)
	for k := range probs {
		probs[k] /= float64(total)
	}
	return probs
}

func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

func TestUniformMatchesEnumeration(t *testing.T) {
	cases := []struct {
		system string
		order  []string
		left   int
	}{
		{"f1-2025", []string{"a", "b"}, 1},
		{"f1-2025", []string{"a", "b", "c"}, 1},
		{"f1-2025", []string{"a", "b", "c"}, 2},
		{"f1-1988", []string{"a", "b", "c"}, 2},
		{"f1-2024", []string{"a", "b", "c"}, 1}, // with the fastest-lap point
		{"f1-2024", []string{"a", "b", "c"}, 2},
	}
	for _, c := range cases {
		s := tiny(t, c.system, c.order, c.left)
		want := exactTitle(t, s, c.left)
		p, err := Project(s, 1, Config{Model: ModelUniform, Sims: 200_000, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Drivers {
			// Within 4 standard errors of the exact answer (and exact at 0 and 1).
			se := math.Sqrt(want[e.ID] * (1 - want[e.ID]) / float64(p.Sims))
			if math.Abs(e.TitleProb-want[e.ID]) > 4*se+1e-12 {
				t.Errorf("%s %v +%d: %s title %.4f, exact %.4f (4 SE = %.4f)", c.system, c.order, c.left, e.ID, e.TitleProb, want[e.ID], 4*se)
			}
		}
	}
}

func TestNothingLeft(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b", "c"}, 0)
	p, err := Project(s, 1, Config{Sims: 5000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if p.Drivers[0].ID != "a" || p.Drivers[0].TitleProb != 1 || p.Drivers[1].TitleProb != 0 {
		t.Errorf("a completed season: %+v", p.Drivers)
	}
	if p.Races != 0 || p.Tables[0].Left != 0 {
		t.Errorf("left: %d races, %v points", p.Races, p.Tables[0].Left)
	}
}

func TestInvariants(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}, 2)
	// l cannot reach a's 25 points with two races left? 0 + 2*26 = 52 >= 25: give
	// a bigger lead by adding completed rounds for a.
	p, err := Project(s, 1, Config{Sims: 40_000, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	sum := float64(p.Tables[0].Ties) / float64(p.Sims)
	for _, e := range p.Drivers {
		sum += e.TitleProb
		ps := 0.0
		for _, q := range e.Positions {
			ps += q
		}
		if math.Abs(ps-1) > 1e-12 {
			t.Errorf("%s: position probabilities sum to %v", e.ID, ps)
		}
		if e.P5 > e.P50 || e.P50 > e.P95 || e.Mean < e.Points || e.P95 > e.MaxPoints {
			t.Errorf("%s: percentiles %v %v %v mean %v max %v", e.ID, e.P5, e.P50, e.P95, e.Mean, e.MaxPoints)
		}
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("title probabilities and ties sum to %v", sum)
	}
	// A driver who cannot reach the leader's points never wins.
	long := tiny(t, "f1-2024", []string{"a", "b"}, 1)
	long.Rounds = append(long.Rounds[:1], points.Round{Number: 2, Completed: true, Multiplier: 1, Distance: 1}, points.Round{Number: 3, Multiplier: 1, Distance: 1})
	long.Results = append(long.Results, points.Result{Round: 2, Driver: "a", Team: "team-a", Car: "a", Position: 1},
		points.Result{Round: 2, Driver: "b", Team: "team-b", Car: "b", Position: 20})
	p, err = Project(long, 2, Config{Sims: 20_000, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Drivers {
		if e.ID == "b" && (e.TitleProb != 0 || !e.Eliminated(50)) {
			t.Errorf("b (18 points, 25 left) against a's 50: title %v, max %v", e.TitleProb, e.MaxPoints)
		}
	}
}

func TestWorkersGiveIdenticalResults(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b", "c", "d", "e"}, 3)
	var first *Projection
	for _, w := range []int{1, 2, 3, 8} {
		p, err := Project(s, 1, Config{Sims: 3*BlockSize + 17, Seed: 5, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = p
		} else if !reflect.DeepEqual(first.Drivers, p.Drivers) || !reflect.DeepEqual(first.Tables, p.Tables) {
			t.Errorf("%d workers differ from 1", w)
		}
	}
}

func TestPrecisionStopsEarly(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b", "c"}, 2)
	p, err := Project(s, 1, Config{Sims: 10_000_000, Seed: 1, Precision: 0.005})
	if err != nil {
		t.Fatal(err)
	}
	if p.Sims >= 10_000_000 || p.Sims%BlockSize != 0 {
		t.Errorf("ran %d seasons", p.Sims)
	}
	for _, e := range p.Drivers {
		if e.TitleSE >= 0.005 {
			t.Errorf("%s: SE %v", e.ID, e.TitleSE)
		}
	}
}

// Fitting recovers known strengths from simulated Plackett–Luce races.
func TestFitRecoversStrengths(t *testing.T) {
	truth := []float64{4, 2, 1, 1, 0.5, 0.25}
	ids := []string{"a", "b", "c", "d", "e", "f"}
	r := rand.New(rand.NewPCG(1, 2))
	sys, _ := points.Lookup("f1-2024")
	s := &points.Season{System: sys}
	const races = 400
	for rd := 1; rd <= races; rd++ {
		s.Rounds = append(s.Rounds, points.Round{Number: rd, Completed: true, Multiplier: 1, Distance: 1})
		times := make([]float64, len(truth))
		idx := []int{0, 1, 2, 3, 4, 5}
		for i, w := range truth {
			times[i] = r.ExpFloat64() / w
		}
		sortBy(idx, times)
		for pos, i := range idx {
			s.Results = append(s.Results, points.Result{Round: rd, Driver: ids[i], Position: pos + 1})
		}
	}
	f := FitSeason(s, races, Options{HalfLife: 0, Prior: 0.01, DNFPrior: 1, Uncertainty: 1})
	// Compare log-strengths relative to the geometric mean.
	norm := func(ws []float64) []float64 {
		g := 0.0
		for _, w := range ws {
			g += math.Log(w)
		}
		g /= float64(len(ws))
		out := make([]float64, len(ws))
		for i, w := range ws {
			out[i] = math.Log(w) - g
		}
		return out
	}
	got, want := norm(f.Strength), norm(truth)
	for i := range ids {
		j := f.Index(ids[i])
		if math.Abs(got[j]-want[i]) > 4*f.LogSD[j]+0.05 {
			t.Errorf("%s: log-strength %.3f, truth %.3f (sd %.3f)", ids[i], got[j], want[i], f.LogSD[j])
		}
	}
}

func sortBy(idx []int, key []float64) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && key[idx[j-1]] > key[idx[j]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}

// A driver with one start, or a perfect record, gets a finite strength;
// uncertainty shrinks as rounds accumulate.
func TestFitEdgeCases(t *testing.T) {
	sys, _ := points.Lookup("f1-2024")
	s := &points.Season{System: sys}
	for rd := 1; rd <= 20; rd++ {
		s.Rounds = append(s.Rounds, points.Round{Number: rd, Completed: true, Multiplier: 1, Distance: 1})
		s.Results = append(s.Results, points.Result{Round: rd, Driver: "perfect", Position: 1},
			points.Result{Round: rd, Driver: "other", Position: 2}, points.Result{Round: rd, Driver: "third", Status: points.DNF})
	}
	s.Results = append(s.Results, points.Result{Round: 20, Driver: "rookie", Position: 3})
	f := FitSeason(s, 20, DefaultOptions())
	for i, id := range f.Drivers {
		if w := f.Strength[i]; math.IsInf(w, 0) || math.IsNaN(w) || w <= 0 || math.IsNaN(f.LogSD[i]) {
			t.Errorf("%s: strength %v sd %v", id, w, f.LogSD[i])
		}
	}
	if f.Strength[f.Index("perfect")] <= f.Strength[f.Index("other")] {
		t.Error("the perfect record should be the strongest")
	}
	// By default a driver's retirement rate weighs the field's (a third
	// here) as 35 starts against his own record: well above it for one who
	// always retired, short of certain; with a prior of 1000 starts it
	// stays near the field's.
	if d := f.DNF(f.Index("third")); d < 0.45 || d > 0.6 {
		t.Errorf("always retired, default prior: DNF %v, want about half", d)
	}
	strong := DefaultOptions()
	strong.DNFPrior = 1000
	if d := FitSeason(s, 20, strong).DNF(f.Index("third")); d <= 1.0/3 || d > 0.4 {
		t.Errorf("always retired, prior of 1000 starts: DNF %v, want just above the field's 1/3", d)
	}
	early := FitSeason(s, 3, DefaultOptions())
	if early.LogSD[early.Index("other")] <= f.LogSD[f.Index("other")] {
		t.Errorf("sd after 3 rounds %v should exceed sd after 20 %v", early.LogSD[early.Index("other")], f.LogSD[f.Index("other")])
	}
}

// The kernel and the full path give identical projections with what the
// kernel now takes: driver changes, fixed results (places, ranges,
// retirements, the fastest lap and the by-place bonuses), IndyCar's
// qualifying points and by-place bonuses, Formula E's reassigned fastest
// lap, for every model, with and without the vector code.
func TestKernelMatchesFullPath(t *testing.T) {
	f1 := referenceSeason(t, "f1-2024", 20, 3, 8, 6)
	indy := referenceSeason(t, "indycar-2024", 12, 3, 7)
	indy.Rounds[4].Qualifying = "indy500"
	fe := referenceSeason(t, "formula-e", 12, 3, 6)
	entries := []points.Entry{
		{Round: 5, Until: 6, Driver: "u", Name: "Una Sub", Team: "team-a", Replaces: "a", Source: "e:1"},
		{Round: 4, Driver: "c", Team: "team-j", Replaces: "s", Source: "e:2"},
	}
	fix := func(r int, d string, kind points.FixKind, pos int) points.Fix {
		return points.Fix{Round: r, Session: points.Race, Driver: d, Kind: kind, Position: pos, From: pos, Source: "t"}
	}
	f1Fixes := []points.Fix{fix(4, "a", points.FixPosition, 3), fix(4, "b", points.FixDNF, 0), fix(6, "c", points.FixRange, 5),
		{Round: 6, Session: points.Sprint, Driver: "d", Kind: points.FixPosition, Position: 1, Source: "t"},
		{Round: 7, Driver: "e", Kind: points.FixPosition, Position: 2, FastestLap: true, Source: "t"}}
	indyFixes := []points.Fix{{Round: 4, Driver: "a", Kind: points.FixBonus, Pole: true, MostLapsLed: true, Source: "t"},
		{Round: 4, Driver: "k", Kind: points.FixPosition, Position: 1, LedLap: true, Source: "t"},
		{Round: 5, Session: points.Qualifying, Driver: "b", Kind: points.FixPosition, Position: 1, Source: "t"},
		fix(6, "c", points.FixDNF, 0)}
	for _, tc := range []struct {
		name string
		s    *points.Season
		cfg  Config
	}{
		{"f1 entries", f1, Config{Entries: entries}},
		{"f1 fixes", f1, Config{Fixes: f1Fixes}},
		{"f1 entries and fixes", f1, Config{Entries: entries, Fixes: []points.Fix{fix(5, "u", points.FixDNF, 0), fix(6, "c", points.FixPosition, 1)}}},
		{"indycar", indy, Config{}},
		{"indycar fixes", indy, Config{Fixes: indyFixes}},
		{"formula-e", fe, Config{}},
	} {
		for _, model := range ModelNames {
			for _, vec := range []bool{false, true} {
				if vec && !race.UseVec {
					continue
				}
				cfg := tc.cfg
				cfg.Model, cfg.Sims, cfg.Seed, cfg.Workers = model, 2*BlockSize+5, 11, 2
				after := tc.s.LastCompleted()
				was := race.UseVec
				race.UseVec = vec
				fast := projectWith(t, &fullPathOnly, false, tc.s, after, cfg)
				full := projectWith(t, &fullPathOnly, true, tc.s, after, cfg)
				race.UseVec = was
				if !reflect.DeepEqual(fast, full) {
					t.Errorf("%s, %s, vector code %v: the kernel differs from the full path", tc.name, model, vec)
				}
			}
		}
	}
}

// The fast path and the full path give identical projections: the fast
// path draws the same numbers and replays the seasons it cannot settle.
func TestFastPathMatchesFullPath(t *testing.T) {
	seasons := []*points.Season{
		tiny(t, "f1-2024", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}, 4),
		tiny(t, "f1-2025", []string{"a", "b", "c"}, 2),
		referenceSeason(t, "f1-2024", 20, 3, 8, 6), // the kernel's pruned networks
		referenceSeason(t, "f1-1961", 12, 3, 6),    // best car only: the fast path's own loop
		referenceSeason(t, "motogp", 12, 3, 6, 4),  // constructors by best bike, sprints
	}
	for _, s := range seasons {
		for _, model := range ModelNames {
			cfg := Config{Model: model, Sims: 2*BlockSize + 5, Seed: 11, Workers: 2}
			after := s.LastCompleted()
			fast := projectWith(t, &fullPathOnly, false, s, after, cfg)
			full := projectWith(t, &fullPathOnly, true, s, after, cfg)
			if !reflect.DeepEqual(fast, full) {
				t.Errorf("%s, %d drivers: the fast path differs from the full path", model, len(s.Results))
			}
		}
	}
}

// Entries level in the kernel's keys (backmarkers who never score, level
// on every place the keys count) are settled from the places past the
// keys (the tails, or the log of the places the first pass kept), not
// replayed on the full path, and the projection is the full path's
// exactly: with and without the vector code and the tails, with driver
// changes, with fixed results and with IndyCar's bonuses drawn by place.
func TestKernelSettlesLevelKeys(t *testing.T) {
	f1 := referenceSeason(t, "f1-2024", 20, 3, 24, 6, 12) // 24 rounds: the keys count 9 places
	indy := referenceSeason(t, "indycar-2024", 20, 3, 17) // pole and laps-led bonuses by place
	fixes := []points.Fix{{Round: 5, Session: points.Race, Driver: "c", Kind: points.FixPosition, Position: 12, Source: "t"}}
	entries := []points.Entry{{Round: 8, Until: 9, Driver: "u", Name: "Una Sub", Team: "team-a", Replaces: "a", Source: "e:1"}}
	for _, tc := range []struct {
		s   *points.Season
		cfg Config
	}{{f1, Config{}}, {f1, Config{Fixes: fixes}}, {f1, Config{Entries: entries}}, {indy, Config{}}} {
		s, cfg := tc.s, tc.cfg
		for _, mode := range []struct{ vec, tails bool }{{false, false}, {false, true}, {true, false}, {true, true}} {
			vec := mode.vec
			if vec && !race.UseVec {
				continue
			}
			was, wasTails := race.UseVec, noTails
			race.UseVec, noTails = vec, !mode.tails
			cfg.Options = DefaultOptions()
			cfg.Sims, cfg.Seed, cfg.Workers = 2*BlockSize+5, 11, 2
			x, err := NewSimulator(s, 3, Config{Options: cfg.Options, Fixes: cfg.Fixes, Entries: cfg.Entries, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			if x.t.kern == nil {
				t.Fatal("the season does not run on the kernel")
			}
			for range 2000 {
				x.Season()
			}
			settled := x.t.fast.settled
			for _, b := range x.t.boards {
				settled += b.tailRuns
			}
			if settled == 0 {
				t.Errorf("%s, vector code %v, tails %v, %d fixes, %d entries: no season settled from the log or the tails (%d replayed)", s.Name, vec, mode.tails, len(cfg.Fixes), len(cfg.Entries), x.Replayed())
			}
			fast := projectWith(t, &fullPathOnly, false, s, 3, cfg)
			full := projectWith(t, &fullPathOnly, true, s, 3, cfg)
			race.UseVec, noTails = was, wasTails
			if !reflect.DeepEqual(fast, full) {
				t.Errorf("%s, vector code %v, tails %v, %d fixes, %d entries: the kernel differs from the full path", s.Name, vec, mode.tails, len(cfg.Fixes), len(cfg.Entries))
			}
		}
	}
}

// The fastest lap goes to a classified driver in proportion to strength.
func TestFastestLapByStrength(t *testing.T) {
	m := &PlackettLuce{logW: []float64{0, math.Log(2), math.Log(3), math.Log(4)}, sd: []float64{0, 0, 0, 0},
		alpha: []float64{1e-9, 1e-9, 1e-9, 1e-9}, bet: []float64{1, 1, 1, 1}}
	m.tables()
	s := m.NewSampler().(*plSampler)
	g := NewGen(1, 1)
	s.Begin(g)
	s.mask = 1 << 3 // the strongest retired: the others 1:2:3
	counts := make([]float64, 4)
	const n = 600_000
	for range n {
		counts[s.FastestLap(g)]++
	}
	for d, want := range []float64{1.0 / 6, 2.0 / 6, 3.0 / 6, 0} {
		se := math.Sqrt(want * (1 - want) / n)
		if math.Abs(counts[d]/n-want) > 4*se+1e-12 {
			t.Errorf("driver %d: %.4f, want %.4f", d, counts[d]/n, want)
		}
	}
}

// Team-mates share TeamShare of each season's strength draw: with 0.81
// their log-strengths correlate at 0.81, a driver of another team not at
// all, and each keeps his spread.
func TestTeamShare(t *testing.T) {
	f := &Fit{Drivers: []string{"a", "b", "c"}, Strength: []float64{1, 1, 1}, LogSD: []float64{0.5, 0.5, 0.5},
		DNFAlpha: []float64{1, 1, 1}, DNFBeta: []float64{9, 9, 9}, Sharpness: 1, TeamShare: 0.81,
		Team: map[string]string{"a": "red", "b": "red", "c": "blue"}}
	m := NewPlackettLuce(f, f.Drivers)
	s := m.NewSampler().(*plSampler)
	g := NewGen(1, 2)
	const n = 200_000
	var sum, sq [3]float64
	var ab, ac float64
	for range n {
		s.Begin(g)
		var x [3]float64
		for d := range x {
			x[d] = -math.Log(s.inv[d])
			sum[d] += x[d]
			sq[d] += x[d] * x[d]
		}
		ab += x[0] * x[1]
		ac += x[0] * x[2]
	}
	sd := func(d int) float64 { return math.Sqrt(sq[d]/n - sum[d]*sum[d]/n/n) }
	corr := func(xy float64, a, b int) float64 { return (xy/n - sum[a]*sum[b]/n/n) / (sd(a) * sd(b)) }
	if r := corr(ab, 0, 1); math.Abs(r-0.81) > 0.01 {
		t.Errorf("team-mates' log-strengths correlate at %.3f, want 0.81", r)
	}
	if r := corr(ac, 0, 2); math.Abs(r) > 0.01 {
		t.Errorf("rivals' log-strengths correlate at %.3f, want 0", r)
	}
	for d := range 3 {
		if math.Abs(sd(d)-0.5) > 0.01 {
			t.Errorf("driver %d: spread %.3f, want 0.5", d, sd(d))
		}
	}
}

// An absence scores as a retirement: with retirements almost never and
// Absence 0.3, three sessions in ten end without a place for each driver,
// on the vector network, the scalar one and the large field alike.
func TestAbsenceRetires(t *testing.T) {
	for _, n := range []int{3, 12, 70} {
		f := &Fit{Sharpness: 1, Absence: 0.3}
		for d := range n {
			f.Drivers = append(f.Drivers, "d"+strconv.Itoa(100+d))
			f.Strength, f.LogSD = append(f.Strength, 1), append(f.LogSD, 0)
			f.DNFAlpha, f.DNFBeta = append(f.DNFAlpha, 1e-6), append(f.DNFBeta, 1e6)
		}
		s := NewPlackettLuce(f, f.Drivers).NewSampler()
		g := NewGen(3, 4)
		out := make([]int, n)
		const sessions = 20_000
		retired := 0
		for range sessions {
			s.Begin(g)
			retired += n - s.Order(g, out)
		}
		want := 0.3
		got := float64(retired) / float64(sessions*n)
		if se := math.Sqrt(want * (1 - want) / float64(sessions*n)); math.Abs(got-want) > 5*se {
			t.Errorf("field of %d: %.4f of starts retired, want %.2f", n, got, want)
		}
	}
}

// A fastest lap among classified drivers who hold almost none of the
// strength (a dominant driver retired) ends quickly: each driver's
// fastest-lap strength is at least a thousandth of the strongest's
// median, and within that the draw is in proportion to strength.
func TestFastestLapFloor(t *testing.T) {
	for _, tc := range []struct {
		w    []float64 // strengths; the last, dominant, retires
		want float64   // driver 0's share of the fastest laps
	}{
		{[]float64{20, 60, 1e4}, 0.25},    // above the floor (10): 1:3
		{[]float64{1e-4, 3e-4, 1e4}, 0.5}, // both at the floor: level
	} {
		m := &PlackettLuce{logW: []float64{math.Log(tc.w[0]), math.Log(tc.w[1]), math.Log(tc.w[2])}, sd: []float64{0, 0, 0},
			alpha: []float64{1e-9, 1e-9, 1e-9}, bet: []float64{1, 1, 1}}
		m.tables()
		s := m.NewSampler().(*plSampler)
		g := NewGen(1, 1)
		s.Begin(g)
		s.mask = 1 << 2
		counts := make([]float64, 3)
		const n = 20_000
		for range n {
			counts[s.fastestLapMask(g)]++
		}
		if se := math.Sqrt(tc.want * (1 - tc.want) / n); math.Abs(counts[0]/n-tc.want) > 4*se || counts[2] != 0 {
			t.Errorf("strengths %v: fastest laps %v of %d, want driver 0 %.2f of them, driver 2 none", tc.w, counts, n, tc.want)
		}
	}
}

// projectWith runs Project with a switch of the engine (fullPathOnly,
// race.UseVec) set to v, and puts the switch back.
func projectWith(t *testing.T, sw *bool, v bool, s *points.Season, after int, cfg Config) *Projection {
	t.Helper()
	was := *sw
	*sw = v
	defer func() { *sw = was }()
	p, err := Project(s, after, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Simulating a season allocates nothing, on the fast path and the full.
func TestSeasonDoesNotAllocate(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b", "c", "d", "e", "f", "g", "h"}, 5)
	for _, full := range []bool{false, true} {
		fullPathOnly = full
		x, err := NewSimulator(s, 1, Config{Seed: 1})
		fullPathOnly = false
		if err != nil {
			t.Fatal(err)
		}
		x.Season()
		if n := testing.AllocsPerRun(200, x.Season); n != 0 {
			t.Errorf("full path %v: %v allocations per season", full, n)
		}
	}
}

// Progress is reported from one goroutine and ends with the seasons run.
func TestProgress(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b", "c"}, 3)
	var calls [][2]int
	p, err := Project(s, 1, Config{Sims: 5 * BlockSize, Seed: 1, Workers: 2, Progress: func(done, total int) {
		calls = append(calls, [2]int{done, total})
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{p.Sims, p.Sims} {
		t.Errorf("progress calls %v, want the last to be {%d %d}", calls, p.Sims, p.Sims)
	}
}

// Crews race as one car: crew-mates with the same results are
// co-champions with the same odds, a crew-mate who misses a round left
// (the crews list) ends below his crew-mates, and a privateer gives way in
// the manufacturers' championship and alone makes the World Cup.
func TestCrews(t *testing.T) {
	sys, err := points.Lookup("wec-hypercar-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "crews", System: sys}
	for r := 1; r <= 4; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= 2, Multiplier: 1, Distance: 1})
	}
	for r := 1; r <= 2; r++ {
		for _, x := range []points.Result{
			{Driver: "a1", Car: "1", Make: "m1", Position: r}, {Driver: "a2", Car: "1", Make: "m1", Position: r},
			{Driver: "b1", Car: "2", Make: "m2", Position: 3 - r}, {Driver: "b2", Car: "2", Make: "m2", Position: 3 - r},
			{Driver: "c1", Car: "3", Make: "m1", Position: 3, Privateer: true},
		} {
			x.Round = r
			s.Results = append(s.Results, x)
		}
	}
	s.Crews = []points.Crew{{Round: 3, Car: "1", Drivers: []string{"a1"}}}
	p, err := Project(s, 2, Config{Sims: 20000, Seed: 3, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	d := map[string]Entry{}
	for _, e := range p.Tables[0].Entries {
		d[e.ID] = e
	}
	if d["b1"].Titles != d["b2"].Titles || d["b1"].Titles == 0 || d["b1"].Mean != d["b2"].Mean {
		t.Errorf("crew-mates b1 and b2: titles %d and %d, means %v and %v; want the same, above 0", d["b1"].Titles, d["b2"].Titles, d["b1"].Mean, d["b2"].Mean)
	}
	if d["a1"].Mean <= d["a2"].Mean || d["a1"].Titles < d["a2"].Titles {
		t.Errorf("a1 races every round left, a2 misses one: means %v and %v, titles %d and %d", d["a1"].Mean, d["a2"].Mean, d["a1"].Titles, d["a2"].Titles)
	}
	// Every season has one crew's champions, or a tie between cars that
	// the countback cannot break (no one's title); a1 is champion whenever
	// a2 is.
	if got := d["b1"].Titles + d["a1"].Titles + d["c1"].Titles + p.Tables[0].Ties; got != p.Sims || d["a2"].Titles > d["a1"].Titles {
		t.Errorf("titles a1 %d a2 %d b1 %d c1 %d and %d ties: %d seasons, want %d", d["a1"].Titles, d["a2"].Titles, d["b1"].Titles, d["c1"].Titles, p.Tables[0].Ties, got, p.Sims)
	}
	for _, tb := range p.Tables {
		for _, e := range tb.Entries {
			if e.P95 > e.MaxPoints+1e-9 {
				t.Errorf("%s %s: P95 %v above the most it can reach, %v", tb.Championship.ID, e.ID, e.P95, e.MaxPoints)
			}
		}
	}
	var makes, cup []string
	for _, e := range p.Tables[1].Entries {
		makes = append(makes, e.ID)
	}
	for _, e := range p.Tables[2].Entries {
		cup = append(cup, e.ID)
	}
	if len(makes) != 2 || len(cup) != 1 || cup[0] != "3" {
		t.Errorf("manufacturers %v (want m1, m2), World Cup %v (want car 3 alone)", makes, cup)
	}
	// The privateer gives way: a make's works car scores the win whenever
	// it is the first works car home, so m1 and m2 share the 25 of every
	// race (plus the pole).
	for _, e := range p.Tables[1].Entries {
		if e.MaxPoints > e.Points+2*26+1e-9 {
			t.Errorf("manufacturer %s can reach %v from %v with two races left", e.ID, e.MaxPoints, e.Points)
		}
	}
}

// crewSeason builds an endurance season of cars with crews: 16 cars of
// five makes (two works cars each, the rest privateers), crews of one to
// three drivers, three rounds run and four to run, a crew change in the
// crews list and a driver who sits a round out.
func crewSeason(t *testing.T, seed uint64) *points.Season {
	t.Helper()
	sys, err := points.Lookup("wec-hypercar-2024")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 1))
	s := &points.Season{Name: "crews", System: sys}
	for n := 1; n <= 7; n++ {
		rd := points.Round{Number: n, Completed: n <= 3, Multiplier: 1, Distance: 1}
		if n == 5 {
			rd.Table = "le-mans"
		}
		s.Rounds = append(s.Rounds, rd)
	}
	const cars = 16
	crew := map[int][]string{}
	for c := range cars {
		for d := range 1 + c%3 {
			crew[c] = append(crew[c], string(rune('a'+c))+strconv.Itoa(d))
		}
	}
	for n := 1; n <= 3; n++ {
		order := r.Perm(cars)
		for pos, c := range order {
			x := points.Result{Round: n, Car: strconv.Itoa(c), Make: "m" + strconv.Itoa(c%5), Team: "t" + strconv.Itoa(c), Privateer: c >= 10, Position: pos + 1}
			if r.IntN(8) == 0 {
				x.Position, x.Status = 0, points.DNF
			}
			x.Pole = pos == 0
			for i, d := range crew[c] {
				if n == 2 && c == 2 && i == 0 {
					continue // sits round 2 out
				}
				x.Driver = d
				s.Results = append(s.Results, x)
			}
		}
	}
	s.Crews = []points.Crew{{Round: 6, Car: "5", Drivers: []string{"f0", "zz"}}}
	return s
}

// Races of crews on the fast path (segments folded into the drivers'
// keys, best-car manufacturers, privateers giving way, places past the
// keys settled from a log) give the full path's numbers exactly.
func TestCrewsFastPathMatchesFullPath(t *testing.T) {
	for seed := range uint64(6) {
		s := crewSeason(t, seed)
		for _, model := range ModelNames {
			for _, fixes := range [][]points.Fix{nil, {{Round: 4, Session: points.Race, Driver: "5", Kind: points.FixPosition, Position: 1, Source: "test"}}} {
				cfg := Config{Model: model, Sims: 2*BlockSize + 5, Seed: 7, Workers: 2, Fixes: fixes}
				fast := projectWith(t, &fullPathOnly, false, s, 3, cfg)
				full := projectWith(t, &fullPathOnly, true, s, 3, cfg)
				if !reflect.DeepEqual(fast, full) {
					for k := range fast.Tables {
						for i := range fast.Tables[k].Entries {
							if a, b := fast.Tables[k].Entries[i], full.Tables[k].Entries[i]; !reflect.DeepEqual(a, b) {
								t.Logf("%s %s: fast %+v\nfull %+v", fast.Tables[k].Championship.ID, a.ID, a, b)
								break
							}
						}
					}
					t.Fatalf("seed %d, %s, %d fixes: the fast path differs from the full path", seed, model, len(fixes))
				}
			}
		}
	}
}

// Keys that hold every place leave nothing past them to settle a run of
// entries level at the top: co-champions if all are the leader's
// crew-mates, else a tie for the full path, even where the first two are
// crew-mates and the third is not.
func TestSettleLevelAtTopWithoutPlacesPast(t *testing.T) {
	for _, c := range []struct {
		group []int
		a, z  int
		want  bool
	}{
		{[]int{0, 0, 1}, 0, 3, false}, // a crew of two and another car
		{[]int{0, 0, 0}, 0, 3, true},  // one crew of three
		{[]int{0, 1, -1}, 0, 2, false},
		{[]int{0, 1, 1}, 1, 3, true}, // level below the top: any order
	} {
		b := &board{keyPlaces: 4, places: 4, order: []int{0, 1, 2}, levelGroup: c.group}
		if got := b.settle(c.a, c.z); got != c.want {
			t.Errorf("groups %v, run %d..%d: settle %v, want %v", c.group, c.a, c.z, got, c.want)
		}
	}
}

// The kernel's tails order a run of level keys without a log: highest
// tail first, the entry order among equal tails; equal tails that do not
// hold every place need the log, and at the top they are a tie.
func TestSettleTails(t *testing.T) {
	for _, c := range []struct {
		tail  []uint64
		full  bool
		a, z  int
		order []int // after, where settled
		ok    bool
	}{
		{[]uint64{1, 3, 2}, false, 0, 3, []int{1, 2, 0}, true},
		{[]uint64{9, 1, 3, 2}, false, 1, 4, []int{0, 2, 3, 1}, true},
		{[]uint64{9, 2, 2}, false, 1, 3, nil, false},          // the log must look past the tails
		{[]uint64{9, 2, 2}, true, 1, 3, []int{0, 1, 2}, true}, // level on everything below the top
		{[]uint64{2, 2, 1}, true, 0, 3, nil, false},           // at the top: a tie
		{[]uint64{3, 2, 2}, true, 0, 3, []int{0, 1, 2}, true},
	} {
		b := &board{tail: c.tail, tailFull: c.full, order: []int{0, 1, 2, 3}[:len(c.tail)]}
		if got := b.settle(c.a, c.z); got != c.ok {
			t.Errorf("tails %v, full %v, run %d..%d: settle %v, want %v", c.tail, c.full, c.a, c.z, got, c.ok)
		} else if got && !reflect.DeepEqual(b.order, c.order) {
			t.Errorf("tails %v, run %d..%d: order %v, want %v", c.tail, c.a, c.z, b.order, c.order)
		}
	}
}
