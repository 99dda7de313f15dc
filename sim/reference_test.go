package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/champ-dev/champ/points"
)

// referenceTitleOdds is a deliberately plain simulation of the same model:
// its own generator (math/rand/v2 PCG), float sorting, and the title
// decided by appending the simulated results to the season and computing
// the standings with points.Drivers — the code that matches the official
// tables.
func referenceTitleOdds(s *points.Season, after, sims int, seed uint64) map[string]float64 {
	c, _ := compile(s, after, nil)
	fit := FitSeason(s, after, DefaultOptions())
	r := rand.New(rand.NewPCG(seed, 99))
	type drv struct {
		id         string
		team       string
		logW, sd   float64
		alpha, bet float64
	}
	var field []drv
	for _, id := range c.field {
		i := fit.Index(id)
		k := 1 - fit.Regress // future strengths pulled toward the field
		field = append(field, drv{id, s.DriverTeam(id, after), k * math.Log(fit.Strength[i]), k * fit.LogSD[i], fit.DNFAlpha[i], fit.DNFBeta[i]})
	}
	wins := map[string]float64{}
	for range sims {
		rate := make([]float64, len(field))
		dnf := make([]float64, len(field))
		for i, d := range field {
			rate[i] = math.Exp(d.logW + d.sd*r.NormFloat64())
			dnf[i] = distuv.Beta{Alpha: d.alpha, Beta: d.bet, Src: r}.Rand()
		}
		season := *s
		season.Results = append([]points.Result(nil), s.Results...)
		season.Rounds = append([]points.Round(nil), s.Rounds...)
		for ri := range season.Rounds {
			rd := &season.Rounds[ri]
			if rd.Number <= after {
				continue
			}
			rd.Completed = true
			kinds := []points.SessionKind{points.Race}
			if rd.Sprint {
				kinds = append(kinds, points.Sprint)
			}
			for _, kind := range kinds {
				type run struct {
					i int
					t float64
				}
				var fin []run
				retired := map[int]bool{}
				for i := range field {
					if r.Float64() < dnf[i] {
						retired[i] = true
						continue
					}
					fin = append(fin, run{i, r.ExpFloat64() / rate[i]})
				}
				sort.Slice(fin, func(a, b int) bool { return fin[a].t < fin[b].t })
				// Fastest lap: a finisher, with probability proportional to strength.
				fl := -1
				if len(fin) > 0 {
					total := 0.0
					for _, f := range fin {
						total += rate[f.i]
					}
					u := r.Float64() * total
					for _, f := range fin {
						u -= rate[f.i]
						fl = f.i
						if u < 0 {
							break
						}
					}
				}
				for pos, f := range fin {
					d := field[f.i]
					season.Results = append(season.Results, points.Result{Round: rd.Number, Session: kind, Driver: d.id, Team: d.team,
						Car: d.id, Position: pos + 1, FastestLap: f.i == fl})
				}
				for i := range retired {
					d := field[i]
					season.Results = append(season.Results, points.Result{Round: rd.Number, Session: kind, Driver: d.id, Team: d.team, Car: d.id, Status: points.DNF})
				}
			}
		}
		st := points.Drivers(&season, len(season.Rounds))
		if len(st) < 2 || points.Compare(&st[0], &st[1]) != 0 {
			wins[st[0].ID]++
		}
	}
	for k := range wins {
		wins[k] /= float64(sims)
	}
	return wins
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
			res := points.Result{Round: r, Driver: d, Team: "team-" + string(rune('a'+i/2)), Car: d, Position: pos + 1}
			if r == 2 && pos == n-1 {
				res.Position, res.Status = 0, points.DNF
			}
			s.Results = append(s.Results, res)
		}
	}
	return s
}

// The optimized engine and the plain reference agree on title odds within
// 4 standard errors of their difference, on seasons that take the kernel
// (20 drivers, sprints and the fastest-lap point), the generic fast path
// (8 drivers) and the full path (dropped scores).
func TestEngineMatchesReference(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, tc := range []struct {
		name string
		s    *points.Season
	}{
		{"8 drivers, f1-2024, 4 rounds to go with 2 sprints", referenceSeason(t, "f1-2024", 8, 3, 7, 5, 7)},
		{"20 drivers, f1-2024, 5 rounds to go with a sprint", referenceSeason(t, "f1-2024", 20, 3, 8, 6)},
		{"12 drivers, f1-1988 (best 11), 6 rounds to go", referenceSeason(t, "f1-1988", 12, 10, 16)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			after := tc.s.LastCompleted()
			const refSims = 6000
			ref := referenceTitleOdds(tc.s, after, refSims, 5)
			p, err := Project(tc.s, after, Config{Sims: 200_000, Seed: 5})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range p.Drivers {
				want := ref[e.ID]
				pool := (e.TitleProb*float64(p.Sims) + want*refSims) / float64(p.Sims+refSims)
				se := math.Sqrt(pool * (1 - pool) * (1/float64(p.Sims) + 1/float64(refSims)))
				t.Logf("%s: engine %.4f, reference %.4f", e.ID, e.TitleProb, want)
				if math.Abs(e.TitleProb-want) > 4*se+1e-9 {
					t.Errorf("%s: engine %.4f, reference %.4f (4 SE = %.4f)", e.ID, e.TitleProb, want, 4*se)
				}
			}
		})
	}
}
