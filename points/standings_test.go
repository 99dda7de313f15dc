package points

import (
	"math"
	"testing"
)

// season builds a small invented season: rows are "round session driver
// team car position [flags]" with position a number or a status.
func season(sys *System, rounds []Round, results []Result) *Season {
	for i := range rounds {
		rounds[i].Number = i + 1
		rounds[i].Completed = true
		if rounds[i].Multiplier == 0 {
			rounds[i].Multiplier = 1
		}
		if rounds[i].Distance == 0 {
			rounds[i].Distance = 1
		}
	}
	return &Season{Name: "test", System: sys, Rounds: rounds, Results: results}
}

func race(round int, driver, team string, pos int) Result {
	return Result{Round: round, Session: Race, Driver: driver, Team: team, Car: driver, Position: pos}
}

func f1(t *testing.T, year int) *System {
	t.Helper()
	s, err := F1(year)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func pointsOf(st []Standing) map[string]float64 {
	m := map[string]float64{}
	for _, s := range st {
		m[s.ID] = s.Points
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCountback(t *testing.T) {
	// a: a win and a retirement (25); b: 3rd and 5th (15+10 = 25).
	s := season(f1(t, 2024), make([]Round, 2), []Result{
		race(1, "a", "x", 1), race(1, "b", "y", 3),
		race(2, "b", "y", 5), {Round: 2, Driver: "a", Team: "x", Status: DNF},
	})
	st := Drivers(s, 2)
	if st[0].ID != "a" || !near(st[0].Points, 25) || !near(st[1].Points, 25) || st[1].Tied {
		t.Fatalf("a should lead b on wins at 25 points each: %+v", st)
	}
	// Two wins each and nothing else: a full tie is reported as such.
	full := season(f1(t, 2024), make([]Round, 2), []Result{
		race(1, "a", "x", 1), race(1, "b", "y", 2), race(2, "b", "y", 1), race(2, "a", "x", 2),
	})
	st = Drivers(full, 2)
	if !st[1].Tied || st[0].Tied {
		t.Errorf("a full tie should mark the second entry Tied: %+v", st)
	}
	// Countback reaches past the scoring places: c's 11th beats d's 12th.
	deep := season(f1(t, 2024), make([]Round, 2), []Result{
		race(1, "c", "x", 10), race(1, "d", "y", 12), race(2, "d", "y", 10), race(2, "c", "x", 11),
	})
	st = Drivers(deep, 2)
	if st[0].ID != "c" || st[0].Tied || st[1].Tied {
		t.Errorf("c should lead d on countback (11th vs 12th): %+v", st)
	}
}

func TestDroppedScores(t *testing.T) {
	sys := f1(t, 1988) // best 11
	var rounds []Round
	var res []Result
	for r := 1; r <= 14; r++ {
		rounds = append(rounds, Round{})
		res = append(res, race(r, "p", "x", 1)) // 14 wins: 126 scored, 99 counted
		res = append(res, race(r, "s", "y", 2))
	}
	st := Drivers(season(sys, rounds, res), 14)
	if !near(st[0].Points, 99) || !near(st[0].Scored, 126) || !near(st[0].Dropped(), 27) {
		t.Errorf("best 11 of 14 wins: got counted %v scored %v", st[0].Points, st[0].Scored)
	}
	// Split halves (1979: best 4 of rounds 1-7, best 4 of 8-15).
	sys = f1(t, 1979)
	rounds, res = nil, nil
	for r := 1; r <= 15; r++ {
		rounds = append(rounds, Round{})
		res = append(res, race(r, "p", "x", 1))
	}
	st = Drivers(season(sys, rounds, res), 15)
	if !near(st[0].Points, 72) {
		t.Errorf("1979 halves: 8 counted wins = 72, got %v", st[0].Points)
	}
}

func TestShortenedRaces(t *testing.T) {
	half := season(f1(t, 2021), []Round{{Distance: 3.0 / 44}}, []Result{race(1, "v", "x", 1), race(1, "r", "y", 2)})
	if p := pointsOf(Drivers(half, 1)); !near(p["v"], 12.5) || !near(p["r"], 9) {
		t.Errorf("2021 Belgium half points: %v", p)
	}
	for _, c := range []struct {
		distance float64
		win      float64
	}{{0.2, 6}, {0.4, 13}, {0.6, 19}, {0.8, 25}, {1, 25}} {
		s := season(f1(t, 2024), []Round{{Distance: c.distance}}, []Result{race(1, "v", "x", 1)})
		if p := pointsOf(Drivers(s, 1)); !near(p["v"], c.win) {
			t.Errorf("2024 tiers at %.0f%%: winner %v, want %v", 100*c.distance, p["v"], c.win)
		}
	}
}

func TestFastestLap(t *testing.T) {
	fl := func(r Result) Result { r.FastestLap = true; return r }
	// 2024: top 10 only.
	s := season(f1(t, 2024), []Round{{}}, []Result{race(1, "a", "x", 1), fl(race(1, "b", "y", 11))})
	if p := pointsOf(Drivers(s, 1)); !near(p["b"], 0) {
		t.Errorf("fastest lap outside the top 10 scored %v", p["b"])
	}
	s = season(f1(t, 2024), []Round{{}}, []Result{fl(race(1, "a", "x", 1))})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 26) {
		t.Errorf("winner with fastest lap: %v, want 26", p["a"])
	}
	// 2025: no fastest-lap point.
	s = season(f1(t, 2025), []Round{{}}, []Result{fl(race(1, "a", "x", 1))})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 25) {
		t.Errorf("2025 fastest lap: %v, want 25", p["a"])
	}
	// 1954: shared by several on the same time, even a retirement.
	dnf := Result{Round: 1, Driver: "c", Team: "z", Car: "c", Status: DNF, FastestLap: true}
	s = season(f1(t, 1954), []Round{{}}, []Result{fl(race(1, "a", "x", 1)), fl(race(1, "b", "y", 2)), dnf})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 8+1.0/3) || !near(p["c"], 1.0/3) {
		t.Errorf("1954 shared fastest lap: %v", p)
	}
	// The teams' championship takes the point from 2019, not in 1958.
	s = season(f1(t, 2024), []Round{{}}, []Result{fl(race(1, "a", "x", 1))})
	if p := pointsOf(Teams(s, 1)); !near(p["x"], 26) {
		t.Errorf("2024 team fastest lap: %v", p)
	}
	s = season(f1(t, 1958), []Round{{}}, []Result{fl(race(1, "a", "x", 1))})
	if p := pointsOf(Teams(s, 1)); !near(p["x"], 8) {
		t.Errorf("1958 team fastest lap: %v, want 8", p)
	}
}

func TestSprintsAndDoublePoints(t *testing.T) {
	sprint := func(round int, d, team string, pos int) Result {
		r := race(round, d, team, pos)
		r.Session = Sprint
		return r
	}
	s := season(f1(t, 2021), []Round{{Sprint: true}}, []Result{sprint(1, "a", "x", 1), race(1, "a", "x", 2)})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 21) {
		t.Errorf("2021 sprint win + 2nd: %v, want 21", p["a"])
	}
	s = season(f1(t, 2024), []Round{{Sprint: true}}, []Result{sprint(1, "a", "x", 1), race(1, "a", "x", 2)})
	st := Drivers(s, 1)
	if !near(st[0].Points, 26) || st[0].Wins != 0 {
		t.Errorf("2024 sprint win + 2nd: %v points, %d wins (sprint wins are not wins)", st[0].Points, st[0].Wins)
	}
	s = season(f1(t, 2014), make([]Round, 2), []Result{race(1, "a", "x", 1), race(2, "a", "x", 1)})
	if p := pointsOf(Drivers(s, 2)); !near(p["a"], 75) {
		t.Errorf("2014 double points final: %v, want 75", p["a"])
	}
}

func TestSharedDrivesAndClasses(t *testing.T) {
	shared := func(d string) Result { r := race(1, d, "x", 2); r.Car = "7"; return r }
	s := season(f1(t, 1955), []Round{{}}, []Result{race(1, "w", "y", 1), shared("a"), shared("b"), shared("c")})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 2) || !near(p["c"], 2) {
		t.Errorf("1955 three drivers sharing 2nd: %v, want 2 each", p)
	}
	s = season(f1(t, 1960), []Round{{}}, []Result{race(1, "w", "y", 1), shared("a"), shared("b")})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 0) {
		t.Errorf("1960 shared drive scored %v", p["a"])
	}
	// A Formula 2 car ahead: the F1 car behind scores from its place.
	f2 := race(1, "f2", "z", 2)
	f2.Counts = CountsOther
	s = season(f1(t, 1969), []Round{{}}, []Result{race(1, "w", "y", 1), f2, race(1, "b", "x", 3)})
	if p := pointsOf(Drivers(s, 1)); !near(p["b"], 6) || !near(p["f2"], 0) {
		t.Errorf("1969 F2 car in 2nd: %v", p)
	}
	// An ineligible car keeps its place.
	no := race(1, "n", "z", 2)
	no.Counts = CountsNone
	s = season(f1(t, 1984), []Round{{}}, []Result{race(1, "w", "y", 1), no, race(1, "b", "x", 3)})
	if p := pointsOf(Drivers(s, 1)); !near(p["b"], 4) || !near(p["n"], 0) {
		t.Errorf("1984 ineligible car in 2nd: %v", p)
	}
}

func TestTeamsBestCarOnly(t *testing.T) {
	s := season(f1(t, 1970), []Round{{}}, []Result{race(1, "a", "x", 1), race(1, "b", "x", 2), race(1, "c", "y", 3)})
	if p := pointsOf(Teams(s, 1)); !near(p["x"], 9) || !near(p["y"], 4) {
		t.Errorf("1970 best car only: %v", p)
	}
	s = season(f1(t, 1979), []Round{{}}, []Result{race(1, "a", "x", 1), race(1, "b", "x", 2)})
	if p := pointsOf(Teams(s, 1)); !near(p["x"], 15) {
		t.Errorf("1979 every car: %v", p)
	}
	s = season(f1(t, 1957), []Round{{}}, []Result{race(1, "a", "x", 1)})
	if Teams(s, 1) != nil {
		t.Error("no constructors' championship before 1958")
	}
	// The Indianapolis 500 counted for drivers only.
	s = season(f1(t, 1958), []Round{{Counts: CountsDriver}}, []Result{race(1, "a", "x", 1)})
	if p := pointsOf(Teams(s, 1)); p["x"] != 0 {
		t.Errorf("Indianapolis scored for the team: %v", p)
	}
}

func TestExclusionsAndPenalties(t *testing.T) {
	s := season(f1(t, 1997), []Round{{}}, []Result{race(1, "m", "x", 1), race(1, "j", "y", 2)})
	s.Exclusions = []Exclusion{{Championship: DriversChampionship, ID: "m", KeepPoints: true, Reason: "r"}}
	st := Drivers(s, 1)
	if st[0].ID != "j" || st[0].Position != 1 || st[1].ID != "m" || !st[1].Excluded || st[1].Position != 0 || !near(st[1].Points, 10) {
		t.Errorf("1997 exclusion: %+v", st)
	}
	s.Penalties = []Penalty{{Championship: TeamsChampionship, ID: "y", Round: 1, Points: 4}}
	if p := pointsOf(Teams(s, 1)); !near(p["y"], 2) {
		t.Errorf("penalty: %v", p)
	}
}

func TestAfter(t *testing.T) {
	s := season(f1(t, 2024), make([]Round, 3), []Result{race(1, "a", "x", 1), race(2, "a", "x", 1), race(3, "b", "y", 1)})
	c, err := s.After(2)
	if err != nil {
		t.Fatal(err)
	}
	if c.LastCompleted() != 2 || len(c.Results) != 2 || c.Rounds[2].Completed || !s.Rounds[2].Completed {
		t.Errorf("After(2): %+v", c.Rounds)
	}
	if _, err := s.After(4); err == nil {
		t.Error("After(4) of a 3-round season should fail")
	}
}

func TestLookup(t *testing.T) {
	for _, id := range []string{"f1", "f1-1950", "f1-2026", "motogp", "indycar", "formula-e", "wec-hypercar"} {
		if _, err := Lookup(id); err != nil {
			t.Errorf("Lookup(%q): %v", id, err)
		}
	}
	for _, id := range []string{"f1-1949", "f1-2027", "nascar", ""} {
		if _, err := Lookup(id); err == nil {
			t.Errorf("Lookup(%q) should fail", id)
		}
	}
	if eras := F1Eras(); len(eras) < 10 || eras[0].From != 1950 || eras[len(eras)-1].To != 2026 {
		t.Errorf("F1Eras: %d eras", len(eras))
	}
}

func TestOtherSeries(t *testing.T) {
	moto, _ := Lookup("motogp")
	s := season(moto, []Round{{Sprint: true}}, []Result{
		{Round: 1, Session: Sprint, Driver: "a", Team: "x", Position: 1},
		{Round: 1, Session: Race, Driver: "a", Team: "x", Position: 1},
	})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 37) {
		t.Errorf("MotoGP weekend maximum: %v, want 37", p["a"])
	}
	indy, _ := Lookup("indycar")
	s = season(indy, []Round{{Multiplier: 2}}, []Result{
		{Round: 1, Driver: "a", Team: "x", Position: 1, Pole: true, LedLap: true, MostLapsLed: true},
		{Round: 1, Driver: "b", Team: "y", Position: 33},
	})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 104) || !near(p["b"], 10) {
		t.Errorf("Indianapolis 500 double points (bonuses not doubled): %v", p)
	}
	wec, _ := Lookup("wec-hypercar")
	s = season(wec, []Round{{Table: "le-mans"}}, []Result{{Round: 1, Driver: "a", Team: "x", Position: 1}})
	if p := pointsOf(Drivers(s, 1)); !near(p["a"], 50) {
		t.Errorf("Le Mans win: %v", p)
	}
}

// The WEC rules on an invented Le Mans: a guest crew wins (it scores for
// nobody and everyone behind moves up), a privateer is second on the road
// (it gives way to the works cars in the manufacturers' ranking and is
// alone in the World Cup), a make's second car holds its place, and the
// pole flagged on one crew row reaches the whole crew once.
func TestWECRules(t *testing.T) {
	wec, err := Lookup("wec-hypercar-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := season(wec, []Round{{Table: "le-mans"}}, []Result{
		{Round: 1, Driver: "g1", Car: "311", Make: "cadillac", Position: 1, Counts: CountsOther},
		{Round: 1, Driver: "g2", Car: "311", Make: "cadillac", Position: 1, Counts: CountsOther},
		{Round: 1, Driver: "p1", Car: "12", Make: "porsche", Position: 2, Privateer: true},
		{Round: 1, Driver: "p2", Car: "12", Make: "porsche", Position: 2, Privateer: true},
		{Round: 1, Driver: "f1", Car: "50", Make: "ferrari", Position: 3, Pole: true},
		{Round: 1, Driver: "f2", Car: "50", Make: "ferrari", Position: 3},
		{Round: 1, Driver: "f3", Car: "51", Make: "ferrari", Position: 4},
		{Round: 1, Driver: "t1", Car: "7", Make: "toyota", Position: 5},
		{Round: 1, Driver: "t2", Car: "8", Make: "toyota", Status: DNF},
	})
	drivers := pointsOf(Drivers(s, 1))
	for id, want := range map[string]float64{"p1": 50, "p2": 50, "f1": 37, "f2": 37, "f3": 30, "t1": 24, "t2": 0} {
		if !near(drivers[id], want) {
			t.Errorf("drivers: %s %v, want %v (all: %v)", id, drivers[id], want, drivers)
		}
	}
	if _, ok := drivers["g1"]; ok {
		t.Errorf("a guest has a drivers' standing: %v", drivers)
	}
	// Works cars re-ranked: #50 first (50 + pole), #51 second holds its
	// place without scoring, #7 third (30).
	makes := pointsOf(Standings(s, "manufacturers", 1))
	for id, want := range map[string]float64{"ferrari": 51, "toyota": 30} {
		if !near(makes[id], want) {
			t.Errorf("manufacturers: %s %v, want %v (all: %v)", id, makes[id], want, makes)
		}
	}
	if _, ok := makes["porsche"]; ok {
		t.Errorf("a privateer scored for its make: %v", makes)
	}
	cup := pointsOf(Standings(s, TeamsChampionship, 1))
	if len(cup) != 1 || !near(cup["12"], 50) {
		t.Errorf("World Cup: %v, want car 12 alone on 50", cup)
	}
}
