package model

import (
	"math"
	"testing"

	"github.com/champ-dev/champ/points"
)

// With team pooling a driver who never finished takes his team-mate's
// form, not the field's; without it, the field's. The horizon's drift
// widens the strength uncertainty with the rounds left.
func TestTeamPoolAndDrift(t *testing.T) {
	sys, err := points.Lookup("f1-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "pool", System: sys}
	for r := 1; r <= 10; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= 4, Multiplier: 1, Distance: 1})
	}
	for r := 1; r <= 4; r++ {
		for i, d := range []string{"fast", "mid1", "mid2", "slow1", "slow2"} {
			team := map[string]string{"fast": "red", "mid1": "blue", "mid2": "blue", "slow1": "grey", "slow2": "grey"}[d]
			s.Results = append(s.Results, points.Result{Round: r, Driver: d, Team: team, Position: i + 1})
		}
		s.Results = append(s.Results, points.Result{Round: r, Driver: "mate", Team: "red", Status: points.DNF})
	}
	o := DefaultOptions()
	o.Drift = 0
	o.Prior = 2 // weak enough for four rounds to show the mechanics
	plain := FitSeason(s, 4, o)
	o.TeamPool = 0.75
	pooled := FitSeason(s, 4, o)
	mate, fast := plain.Index("mate"), plain.Index("fast")
	if math.Abs(math.Log(plain.Strength[mate])) > 0.05 {
		t.Errorf("without pooling the retired team-mate has strength %v, want the field's 1", plain.Strength[mate])
	}
	if pooled.Strength[mate] < 2 || pooled.Strength[mate] > pooled.Strength[fast] {
		t.Errorf("pooled, the retired team-mate has %v (the winner %v), want well above the field", pooled.Strength[mate], pooled.Strength[fast])
	}
	o = DefaultOptions()
	o.Drift, o.Prior = 0.2, 2
	drifted := FitSeason(s, 4, o)
	for i := range drifted.LogSD {
		want := math.Sqrt(plain.LogSD[i]*plain.LogSD[i] + 0.04*6/3)
		if math.Abs(drifted.LogSD[i]-want) > 1e-12 {
			t.Errorf("driver %s: sd %v with drift, want %v", drifted.Drivers[i], drifted.LogSD[i], want)
		}
	}
}

// A driver who wins four races and is classified last in a fifth (a late
// retirement) keeps a winner's strength when the fit allows incidents:
// the fifth result counts as a retirement instead. A midfield result in
// its usual place is never an incident.
func TestIncidents(t *testing.T) {
	s, field := lastPlaceSeason(t, 5)
	o := DefaultOptions()
	o.HalfLife, o.Incident = 0, 0
	o.Prior = 2 // weak enough for five rounds to show the mechanics
	plain := FitSeason(s, 5, o)
	o.Incident = 0.1
	robust := FitSeason(s, 5, o)
	fast, b := plain.Index("fast"), plain.Index("b")
	if robust.Strength[fast] < 1.5*plain.Strength[fast] {
		t.Errorf("fast driver's strength %v with incidents, %v without: want the last place discounted", robust.Strength[fast], plain.Strength[fast])
	}
	if robust.Strength[fast] < robust.Strength[b] {
		t.Errorf("fast driver %v behind b %v with incidents", robust.Strength[fast], robust.Strength[b])
	}
	// The retirement rates: the incident is the fast driver's one
	// retirement; nobody else has any.
	if got := robust.DNFAlpha[fast] - robust.DNFAlpha[b]; math.Abs(got-1) > 1e-9 {
		t.Errorf("fast driver has %v retirements more than b, want 1 (the incident)", got)
	}
	for _, d := range field[1:] {
		if i := robust.Index(d); robust.DNFAlpha[i] != robust.DNFAlpha[b] {
			t.Errorf("%s: a result in its usual place was taken for an incident", d)
		}
	}
}

// lastPlaceSeason is a season of the given rounds, all completed, whose
// field finishes in the same order every time but the last, where "fast",
// the winner of the others, is classified last. It returns the field too.
func lastPlaceSeason(t *testing.T, rounds int) (*points.Season, []string) {
	t.Helper()
	sys, err := points.Lookup("f1-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "incidents", System: sys}
	field := []string{"fast", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	for r := 1; r <= rounds; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: true, Multiplier: 1, Distance: 1})
		order := field
		if r == rounds {
			order = append(append([]string{}, field[1:]...), "fast")
		}
		for i, d := range order {
			s.Results = append(s.Results, points.Result{Round: r, Driver: d, Team: d, Position: i + 1})
		}
	}
	return s, field
}

// Incidents are judged under the race the simulation runs: the fitted
// strengths to the power Sharpness. Under a strong prior the fitted
// order is flat, so the winner of nine races classified last in the tenth
// looks like form at Sharpness 1 and like an incident at the default.
func TestIncidentsJudgedSharpened(t *testing.T) {
	const rounds = 10
	s, _ := lastPlaceSeason(t, rounds)
	for _, c := range []struct {
		sharpness float64
		incident  bool
	}{{1, false}, {DefaultOptions().Sharpness, true}} {
		o := DefaultOptions()
		o.HalfLife, o.Sharpness, o.Prior = 0, c.sharpness, 32 // a strong prior: a flat fitted order
		f := FitSeason(s, rounds, o)
		fast, b := f.Index("fast"), f.Index("b")
		if got := f.DNFAlpha[fast] > f.DNFAlpha[b]; got != c.incident {
			t.Errorf("sharpness %v: the fast driver's last place taken for an incident: %v, want %v", c.sharpness, got, c.incident)
		}
	}
}

// Form carries over: fitted on a season where "fast" won every race, the
// next season's prior puts him ahead before he has raced, and a newcomer
// in his team starts from the team's form; with Carry 0 both start level.
func TestCarry(t *testing.T) {
	sys, err := points.Lookup("f1-2024")
	if err != nil {
		t.Fatal(err)
	}
	season := func(rounds, done int, order []string, team map[string]string) *points.Season {
		s := &points.Season{Name: "carry", System: sys}
		for r := 1; r <= rounds; r++ {
			s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= done, Multiplier: 1, Distance: 1})
			if r > done {
				continue
			}
			for i, d := range order {
				s.Results = append(s.Results, points.Result{Round: r, Driver: d, Team: team[d], Position: i + 1})
			}
		}
		return s
	}
	teams := map[string]string{"fast": "red", "b": "blue", "c": "grey", "d": "grey", "rookie": "red", "e": "blue"}
	prev := season(6, 6, []string{"fast", "b", "c", "d"}, teams)
	o := DefaultOptions()
	o.Carry = 1
	from := CarryOver(prev, o)
	if from.Driver["fast"] <= from.Driver["b"] || from.Team["red"] != from.Driver["fast"] {
		t.Fatalf("carried %v, want fast ahead of b and red's form his", from)
	}
	// One round run, the field in reverse: fast and the rookie last.
	cur := season(10, 1, []string{"e", "d", "c", "b", "rookie", "fast"}, teams)
	carried := FitSeasonFrom(cur, 1, o, from)
	level := FitSeasonFrom(cur, 1, o, nil)
	fast, rookie, e := carried.Index("fast"), carried.Index("rookie"), carried.Index("e")
	if carried.Strength[fast] <= level.Strength[fast] || carried.Strength[rookie] <= level.Strength[rookie] {
		t.Errorf("with form carried fast %v and the rookie %v, without %v and %v: want both higher",
			carried.Strength[fast], carried.Strength[rookie], level.Strength[fast], level.Strength[rookie])
	}
	if level.Strength[e] <= level.Strength[fast] {
		t.Errorf("without form carried, e (the winner) %v is not ahead of fast %v", level.Strength[e], level.Strength[fast])
	}
	o.Carry = 0
	if got := FitSeasonFrom(cur, 1, o, from); got.Strength[fast] != level.Strength[fast] {
		t.Errorf("Carry 0 still carries: %v, want %v", got.Strength[fast], level.Strength[fast])
	}
}

// A driver who changes teams brings his edge over his team-mates and
// takes his new car's form: c, the faster of grey's slow pair, moves to
// red, the fast team, and red's slower driver to grey; each starts from
// his new team's form plus his own edge, and in a team new to the series
// from the field's plus his edge. A newcomer takes his team's form.
func TestCarryMover(t *testing.T) {
	sys, err := points.Lookup("f1-2024")
	if err != nil {
		t.Fatal(err)
	}
	prev := &points.Season{Name: "before", System: sys}
	team := map[string]string{"fast": "red", "second": "red", "c": "grey", "d": "grey"}
	for r := 1; r <= 6; r++ {
		prev.Rounds = append(prev.Rounds, points.Round{Number: r, Completed: true, Multiplier: 1, Distance: 1})
		for i, d := range []string{"fast", "second", "c", "d"} {
			prev.Results = append(prev.Results, points.Result{Round: r, Driver: d, Team: team[d], Position: i + 1})
		}
	}
	from := CarryOver(prev, DefaultOptions())
	red, grey := from.Team["red"], from.Team["grey"]
	if red <= grey || from.Edge["c"] <= 0 || from.Edge["second"] >= 0 {
		t.Fatalf("carried teams red %v, grey %v, edges c %v, second %v: want red ahead, c ahead of d, second behind fast",
			red, grey, from.Edge["c"], from.Edge["second"])
	}
	const eps = 1e-12
	for _, c := range []struct {
		driver, team string
		want         float64
	}{
		{"fast", "red", from.Driver["fast"]}, // stays: his own form
		{"c", "red", red + from.Edge["c"]},
		{"second", "grey", grey + from.Edge["second"]},
		{"c", "new-team", from.Edge["c"]},
		{"rookie", "red", red},
		{"rookie", "new-team", 0},
	} {
		if got := from.form(c.driver, c.team, nil); math.Abs(got-c.want) > eps {
			t.Errorf("%s in %s brings %v, want %v", c.driver, c.team, got, c.want)
		}
	}
	// A renamed team carries its form through the ids it raced under.
	if got, want := from.form("c", "crimson", []string{"red"}), red+from.Edge["c"]; math.Abs(got-want) > eps {
		t.Errorf("c in red renamed crimson brings %v, want %v", got, want)
	}
	if got, want := from.form("rookie", "silver", []string{"red", "grey", "gone"}), (red+grey)/2; math.Abs(got-want) > eps {
		t.Errorf("a rookie in a team formerly red and grey brings %v, want their mean %v", got, want)
	}
	if got, ok := from.dnf("crimson", []string{"red"}); !ok || got != from.DNF["red"] {
		t.Errorf("red renamed crimson carries a retirement rate of %v (%v), want red's %v", got, ok, from.DNF["red"])
	}
	if got := from.form("c", "red", nil); got <= from.Driver["c"] {
		t.Errorf("c in the faster car brings %v, no more than his old car's %v", got, from.Driver["c"])
	}
	// A driver who stays in a team that raced under several ids, or who
	// drives for no team now, keeps his own form.
	for _, team := range []string{"grey-ford", ""} {
		if got := from.form("c", team, []string{"red", "grey"}); got != from.Driver["c"] {
			t.Errorf("c staying in %q (formerly red and grey) brings %v, want his own %v", team, got, from.Driver["c"])
		}
	}
	// A driver with no team the season before keeps his own form.
	solo := &Carried{Driver: map[string]float64{"x": 0.7}, Team: map[string]float64{"red": 2}}
	if got := solo.form("x", "red", nil); got != 0.7 {
		t.Errorf("a driver with no team before brings %v, want his own 0.7", got)
	}
}

// The prior is worth the same number of races to every driver: its
// weight on a driver is his own information per session. A winner, who
// takes part in one stage of each race, learns less from a race than a
// driver who fights through the field, so a flat prior pulled him back
// hardest; the unit-information prior does not.
func TestUnitInformationPrior(t *testing.T) {
	// Three equal drivers: the first stage gives each p(1-p) = 2/9, the
	// second the two left 1/4 more.
	ob := observation{order: []int{0, 1, 2}, classified: 3, weight: 1}
	info, n := sessionInfo(3, []observation{ob}, []float64{1, 1, 1})
	for d, want := range []float64{2.0 / 9, 2.0/9 + 0.25, 2.0/9 + 0.25} {
		if math.Abs(info[d]-want) > 1e-12 || n[d] != 1 {
			t.Errorf("driver %d: information %v in %v sessions, want %v in 1", d, info[d], n[d], want)
		}
	}
	// A winner of every race against a field that shuffles behind him.
	const m, races, prior = 8, 6, 4.0
	var obs []observation
	for r := range races {
		order := []int{0}
		for i := range m - 1 {
			order = append(order, 1+(i+r)%(m-1))
		}
		obs = append(obs, observation{order: order, classified: m, weight: 1})
	}
	base, teams := make([]float64, m), make([]int, m)
	unit, _, _ := fitPL(m, obs, prior, base, teams, 0)
	flatB := make([]float64, m)
	for d := range flatB {
		flatB[d] = prior
	}
	flat, _, _ := fitGamma(m, obs, flatB, base, teams, 0, nil)
	if gap, flatGap := math.Log(unit[0]/unit[1]), math.Log(flat[0]/flat[1]); gap < 1.5*flatGap {
		t.Errorf("the winner's log-strength lead is %.3f with the unit-information prior, %.3f with a flat one: want it pulled back far less", gap, flatGap)
	}
}

// A session with one driver classified makes no choice among drivers: it
// tells nothing of his strength and must not give him a prior of no
// weight (whose MAP strength, with no wins, was 0/0). Found by
// FuzzPipeline: one race, the winner classified and two retirements.
func TestOneClassifiedSession(t *testing.T) {
	sys, err := points.Lookup("f1-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "one", System: sys, Rounds: []points.Round{{Number: 1, Completed: true, Multiplier: 1, Distance: 1}, {Number: 2, Multiplier: 1, Distance: 1}}}
	s.Results = []points.Result{{Round: 1, Driver: "a", Position: 1}, {Round: 1, Driver: "b", Status: points.DNF}, {Round: 1, Driver: "c", Status: points.DNF}}
	f := FitSeason(s, 1, DefaultOptions())
	for i, id := range f.Drivers {
		if w, sd := f.Strength[i], f.LogSD[i]; !(w > 0) || math.IsInf(w, 0) || !(sd > 0) || math.IsInf(sd, 0) {
			t.Errorf("%s: strength %v, sd %v: want finite and positive", id, w, sd)
		}
	}
}

// Retirement rates by team: with DNFTeam 1 team-mates share their car's
// record, with 0 each has his own; with DNFCarry 1 the prior is centred on
// the team's rate of the season before, so a team that failed every race
// then starts the season less reliable than one that never failed.
func TestRetirementsByTeam(t *testing.T) {
	sys, err := points.Lookup("f1-2024")
	if err != nil {
		t.Fatal(err)
	}
	teams := map[string]string{"a": "red", "b": "red", "c": "blue", "d": "blue"}
	season := func(rounds, done int, retired map[string]bool) *points.Season {
		s := &points.Season{Name: "dnf", System: sys}
		for r := 1; r <= rounds; r++ {
			s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= done, Multiplier: 1, Distance: 1})
			if r > done {
				continue
			}
			pos := 1
			for _, d := range []string{"a", "b", "c", "d"} {
				res := points.Result{Round: r, Driver: d, Team: teams[d]}
				if retired[d] {
					res.Status = points.DNF
				} else {
					res.Position, pos = pos, pos+1
				}
				s.Results = append(s.Results, res)
			}
		}
		return s
	}
	o := DefaultOptions()
	o.DNFPrior, o.HalfLife, o.DNFTeam, o.DNFCarry = 10, 0, 0, 0
	cur := season(20, 10, map[string]bool{"a": true})
	own := FitSeason(cur, 10, o)
	o.DNFTeam = 1
	pooled := FitSeason(cur, 10, o)
	a, b := own.Index("a"), own.Index("b")
	if own.DNF(a) <= own.DNF(b) {
		t.Errorf("by driver, a (retired every race) %v is no likelier to retire than b %v", own.DNF(a), own.DNF(b))
	}
	if pooled.DNF(a) != pooled.DNF(b) || pooled.DNF(b) <= own.DNF(b) {
		t.Errorf("by team, a %v and b %v: want equal, and b above his own %v", pooled.DNF(a), pooled.DNF(b), own.DNF(b))
	}
	// Blue failed every race of the season before; now nobody has failed.
	o.DNFTeam, o.Carry, o.DNFCarry = 0, 0, 1
	from := CarryOver(season(10, 10, map[string]bool{"c": true, "d": true}), o)
	if from.DNF["blue"] <= from.DNF["red"] {
		t.Fatalf("carried retirement rates %v: want blue's above red's", from.DNF)
	}
	next := season(20, 2, nil)
	carried := FitSeasonFrom(next, 2, o, from)
	c := carried.Index("c")
	if carried.DNF(c) <= carried.DNF(a) {
		t.Errorf("with the rates carried, c %v is no likelier to retire than a %v", carried.DNF(c), carried.DNF(a))
	}
	o.DNFCarry = 0
	if level := FitSeasonFrom(next, 2, o, from); level.DNF(c) != level.DNF(a) {
		t.Errorf("DNFCarry 0 still carries: c %v, a %v", level.DNF(c), level.DNF(a))
	}
}
