package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim/model"
)

// referenceOdds is a deliberately plain simulation of the same model:
// its own generator (math/rand/v2 PCG), float sorting, every bonus drawn
// by the model's rules written out again (the fastest lap in proportion to
// strength before the sharpening among the classified, redrawn into the
// top where the rules reassign it; pole, led a lap and most laps led by
// finishing place with the fitted propensities), and the titles decided by appending the
// simulated results to the season and computing the standings with
// points.Standings — the code that matches the official tables. It
// returns each championship's title odds by entry.
func referenceOdds(s *points.Season, after, sims int, seed uint64) map[string]map[string]float64 {
	c, _ := compile(s, after, nil)
	fit := FitSeason(s, after, DefaultOptions())
	bm := model.FitBonuses(c.plan, after)
	r := rand.New(rand.NewPCG(seed, 99))
	type drv struct {
		id         string
		team, make string
		car        string
		logW, sd   float64
		alpha, bet float64
	}
	var field []drv
	for _, id := range c.field {
		i := fit.Index(id)
		k := fit.Sharpness // the simulation's scale of the log-strengths
		var last points.Result
		for _, res := range s.Results {
			if res.Driver == id && res.Round <= after {
				last = res
			}
		}
		field = append(field, drv{id, last.Team, last.Make, last.Car, k * math.Log(fit.Strength[i]), k * fit.LogSD[i], fit.DNFAlpha[i], fit.DNFBeta[i]})
	}
	sys := s.System
	wins := map[string]map[string]float64{}
	for _, ch := range sys.Championships {
		wins[ch.ID] = map[string]float64{}
	}
	plan := points.NewPlan(s)
	for range sims {
		rate := make([]float64, len(field))
		flRate := make([]float64, len(field)) // the fastest lap's: before the sharpening
		dnf := make([]float64, len(field))
		car := map[string]float64{} // each team's share of the draw, one normal per team
		for _, d := range field {
			if _, ok := car[d.team]; !ok {
				car[d.team] = r.NormFloat64()
			}
		}
		share := fit.TeamShare
		for i, d := range field {
			x := d.logW + d.sd*(math.Sqrt(1-share)*r.NormFloat64()+math.Sqrt(share)*car[d.team])
			rate[i], flRate[i] = math.Exp(x), math.Exp(x/max(fit.Sharpness, 1))
			dnf[i] = distuv.Beta{Alpha: d.alpha, Beta: d.bet, Src: r}.Rand()
			dnf[i] += (1 - dnf[i]) * fit.Absence // a race missed scores as a retirement
		}
		season := *s
		season.Results = append([]points.Result(nil), s.Results...)
		season.Rounds = append([]points.Round(nil), s.Rounds...)
		for i := range season.Rounds {
			season.Rounds[i].Completed = true
		}
		for _, ps := range plan.Remaining(after) {
			awarded := map[points.BonusKind]*points.Award{}
			for k := range ps.Scores {
				for a := range ps.Scores[k].Awards {
					awarded[ps.Scores[k].Awards[a].Kind] = &ps.Scores[k].Awards[a]
				}
			}
			type run struct {
				i int
				t float64
			}
			var fin []run
			var retired []int
			for i := range field {
				if r.Float64() < dnf[i] {
					retired = append(retired, i)
					continue
				}
				fin = append(fin, run{i, r.ExpFloat64() / rate[i]})
			}
			sort.Slice(fin, func(a, b int) bool { return fin[a].t < fin[b].t })
			order := make([]int, 0, len(field)) // classified, then retired in field order
			for _, f := range fin {
				order = append(order, f.i)
			}
			order = append(order, retired...)
			flags := map[int]*points.Result{}
			res := make([]points.Result, len(field))
			for p, i := range order {
				d := field[i]
				res[i] = points.Result{Round: ps.Round.Number, Session: ps.Kind, Driver: d.id, Team: d.team, Make: d.make, Car: d.car, Status: points.DNF}
				if p < len(fin) {
					res[i].Position, res[i].Status = p+1, points.Classified
				}
				flags[i] = &res[i]
			}
			if len(fin) > 0 {
				if a := awarded[points.FastestLap]; a != nil {
					pick := func() int {
						total := 0.0
						for _, f := range fin {
							total += flRate[f.i]
						}
						u := r.Float64() * total
						for _, f := range fin {
							if u -= flRate[f.i]; u < 0 {
								return f.i
							}
						}
						return fin[len(fin)-1].i
					}
					fl := pick()
					for try := 0; a.Reassign && a.Top > 0 && res[fl].Position > a.Top && try < 10000; try++ {
						fl = pick()
					}
					flags[fl].FastestLap = true
				}
				if awarded[points.Pole] != nil {
					w := make([]float64, len(order))
					for p := range order {
						w[p] = math.Exp(-bm.Lambda * float64(p))
					}
					flags[order[choose(r, w)]].Pole = true
				}
				if awarded[points.LedLap] != nil || awarded[points.MostLapsLed] != nil {
					var leaders []int
					for p, i := range order {
						if r.Float64() < 1/(1+math.Exp(-(bm.A-bm.B*math.Log1p(float64(p))))) {
							leaders = append(leaders, p)
							flags[i].LedLap = true
						}
					}
					if len(leaders) == 0 {
						leaders = []int{0}
						flags[order[0]].LedLap = true
					}
					if awarded[points.MostLapsLed] != nil {
						w := make([]float64, len(leaders))
						for k, p := range leaders {
							w[k] = math.Exp(-bm.Mu * float64(p))
						}
						flags[order[leaders[choose(r, w)]]].MostLapsLed = true
					}
				}
			}
			season.Results = append(season.Results, res...)
		}
		for _, ch := range sys.Championships {
			st := points.Standings(&season, ch.ID, len(season.Rounds))
			if len(st) > 0 && (len(st) < 2 || points.Compare(&st[0], &st[1]) != 0) {
				wins[ch.ID][st[0].ID]++
			}
		}
	}
	for _, m := range wins {
		for k := range m {
			m[k] /= float64(sims)
		}
	}
	return wins
}

// choose draws an index with probability proportional to its weight.
func choose(r *rand.Rand, w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	u := r.Float64() * total
	for i, x := range w {
		if u -= x; u < 0 {
			return i
		}
	}
	return len(w) - 1
}

// referenceSeason invents a season of n drivers in pairs of team-mates
// under a preset: `done` rounds run, `rounds` in all, sprints at the
// given rounds. Finishing orders rotate so that the title is open.
func referenceSeason(t *testing.T, system string, n, done, rounds int, sprints ...int) *points.Season {
	t.Helper()
	sys, err := points.Lookup(system)
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "ref-" + system, System: sys}
	for r := 1; r <= rounds; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= done, Multiplier: 1, Distance: 1, Sprint: slices.Contains(sprints, r)})
	}
	for r := 1; r <= done; r++ {
		for pos := range n {
			// The strongest few swap places round by round.
			i := pos
			if pos < 3 {
				i = (pos + r) % 3
			}
			d := string(rune('a' + i))
			res := points.Result{Round: r, Driver: d, Team: "team-" + string(rune('a'+i/2)), Make: "make-" + string(rune('a'+i/4)), Car: d, Position: pos + 1}
			if r == 2 && pos == n-1 {
				res.Position, res.Status = 0, points.DNF
			}
			if r == 3 && pos == 1 {
				// A front-runner of round 2 who does not start: the
				// model's absences are drawn too.
				res.Position, res.Status = 0, points.DNS
			}
			// Bonuses where the system awards them: pole and the most
			// laps to a front runner, a led lap for the first few.
			res.FastestLap = pos == r%3
			res.Pole = pos == (r+1)%3
			res.LedLap = pos < 1+r%3
			res.MostLapsLed = pos == r%2
			s.Results = append(s.Results, res)
		}
	}
	return s
}

// The optimized engine and the plain reference agree on every
// championship's title odds within 4 standard errors of their difference,
// for every preset family: seasons that take the kernel (20 drivers,
// sprints and the fastest-lap point), the generic fast path (8 drivers),
// the full path (dropped scores, best-bike constructors), IndyCar's
// qualifying points and by-place bonuses, Formula E's pole and reassigned
// fastest lap, WEC's alternative tables.
func TestEngineMatchesReference(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	indy := referenceSeason(t, "indycar-2024", 12, 3, 6)
	indy.Rounds[3].Qualifying = "indy500"
	wec := referenceSeason(t, "wec-hypercar", 10, 2, 5)
	wec.Rounds[4].Table = "le-mans"
	for _, tc := range []struct {
		name string
		s    *points.Season
	}{
		{"8 drivers, f1-2024, 4 rounds to go with 2 sprints", referenceSeason(t, "f1-2024", 8, 3, 7, 5, 7)},
		{"20 drivers, f1-2024, 5 rounds to go with a sprint", referenceSeason(t, "f1-2024", 20, 3, 8, 6)},
		{"12 drivers, f1-1988 (best 11), 6 rounds to go", referenceSeason(t, "f1-1988", 12, 10, 16)},
		{"12 drivers, indycar-2024, qualifying points at round 4, 3 races to go", indy},
		{"10 drivers, formula-e, 3 races to go", referenceSeason(t, "formula-e", 10, 3, 6)},
		{"10 riders, motogp, 3 weekends with sprints to go", referenceSeason(t, "motogp", 10, 3, 6, 4, 5, 6)},
		{"10 cars, wec-hypercar, Le Mans table at the last of 3 to go", wec},
	} {
		t.Run(tc.name, func(t *testing.T) {
			after := tc.s.LastCompleted()
			const refSims = 6000
			ref := referenceOdds(tc.s, after, refSims, 5)
			p, err := Project(tc.s, after, Config{Sims: 200_000, Seed: 5})
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range p.Tables {
				for _, e := range tb.Entries {
					want := ref[tb.Championship.ID][e.ID]
					pool := (e.TitleProb*float64(p.Sims) + want*refSims) / float64(p.Sims+refSims)
					se := math.Sqrt(pool * (1 - pool) * (1/float64(p.Sims) + 1/float64(refSims)))
					t.Logf("%s %s: engine %.4f, reference %.4f", tb.Championship.ID, e.ID, e.TitleProb, want)
					// Two of the reference's seasons of slack: at odds near 0
					// the normal approximation of the counts is poor.
					if math.Abs(e.TitleProb-want) > 4*se+2.0/refSims {
						t.Errorf("%s %s: engine %.4f, reference %.4f (4 SE = %.4f)", tb.Championship.ID, e.ID, e.TitleProb, want, 4*se)
					}
				}
			}
		})
	}
}
