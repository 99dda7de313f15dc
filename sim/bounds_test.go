package sim

import (
	"math"
	"testing"

	"github.com/champ-dev/champ/points"
)

// The simulator against the exact maths: on small seasons of every preset
// family no simulated final total leaves the exact bounds (from the
// current points to the best case), the best case is reached, the
// simulator's own bound is the exact maths' best case, and an entry the
// exact maths rules out never wins.
func TestSimulationWithinExactBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	indy := referenceSeason(t, "indycar-2016", 4, 3, 5)
	indy.Rounds[3].Qualifying, indy.Rounds[3].Multiplier = "indy500", 2
	wec := referenceSeason(t, "wec-hypercar", 4, 3, 5)
	wec.Rounds[4].Table = "le-mans"
	for _, tc := range []struct {
		name string
		s    *points.Season
	}{
		{"f1-2024, a sprint weekend", referenceSeason(t, "f1-2024", 4, 3, 4, 4)},
		{"f1-1988, best 11", referenceSeason(t, "f1-1988", 4, 11, 12)},
		{"f1-1961, best car only", referenceSeason(t, "f1-1961", 4, 3, 4)},
		{"indycar-2016, double points and qualifying at the 500, a double finale", indy},
		{"indycar-2024, pole, led a lap, most laps led", referenceSeason(t, "indycar-2024", 4, 3, 4)},
		{"formula-e", referenceSeason(t, "formula-e", 4, 3, 4)},
		{"motogp, sprint and constructors", referenceSeason(t, "motogp", 4, 3, 4, 4)},
		{"wec-hypercar, Le Mans table", wec},
		{"wec-hypercar-2024, crews, a privateer, a crew change", smallCrews(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			after := s.LastCompleted()
			p, err := Project(s, after, Config{Sims: 300_000, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range p.Tables {
				id := tb.Championship.ID
				st := points.Standings(s, id, after)
				for _, e := range tb.Entries {
					var cur points.Standing
					for _, x := range st {
						if x.ID == e.ID {
							cur = x
						}
					}
					best := points.BestCase(s, after, cur, id).Points
					if math.Abs(e.MaxPoints-best) > 1e-9 {
						t.Errorf("%s %s: the simulator's bound %v, the exact best case %v", id, e.ID, e.MaxPoints, best)
					}
					lo, hi := math.Inf(1), math.Inf(-1)
					for i, g := range e.Gains {
						if g > 0 {
							x := e.Points + float64(i)*p.Step
							lo, hi = math.Min(lo, x), math.Max(hi, x)
						}
					}
					if lo < e.Points-1e-9 || hi > best+1e-9 {
						t.Errorf("%s %s: simulated %v to %v, outside the exact %v to %v", id, e.ID, lo, hi, e.Points, best)
					}
					if e.Active && math.Abs(hi-best) > 1e-9 {
						t.Errorf("%s %s: best simulated %v, never the exact best case %v", id, e.ID, hi, best)
					}
					if !points.CanWin(s, after, st, e.ID, id) && e.TitleProb != 0 {
						t.Errorf("%s %s: cannot win, yet %v", id, e.ID, e.TitleProb)
					}
				}
			}
		})
	}
}

// smallCrews is a season of four cars with crews (one a privateer), two
// rounds run and two left, a crew-mate out of the last one.
func smallCrews(t *testing.T) *points.Season {
	t.Helper()
	sys, err := points.Lookup("wec-hypercar-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "small crews", System: sys}
	for n := 1; n <= 4; n++ {
		s.Rounds = append(s.Rounds, points.Round{Number: n, Completed: n <= 2, Multiplier: 1, Distance: 1})
	}
	crews := [][]string{{"a1", "a2"}, {"b1"}, {"c1", "c2", "c3"}, {"d1", "d2"}}
	for n := 1; n <= 2; n++ {
		for c, crew := range crews {
			for _, d := range crew {
				s.Results = append(s.Results, points.Result{Round: n, Driver: d, Car: string(rune('1' + c)), Make: "m" + string(rune('a'+c%2)),
					Team: "t" + string(rune('a'+c)), Privateer: c == 3, Position: (c+n)%4 + 1, Pole: (c+n)%4 == 0})
			}
		}
	}
	s.Crews = []points.Crew{{Round: 4, Car: "1", Drivers: []string{"a1"}}}
	return s
}
