package sim

import (
	"math"
	"math/rand/v2"
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
	c, _ := compile(s, after)
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

// The optimized engine and the plain reference agree on title odds within
// 4 standard errors of their difference.
func TestEngineMatchesReference(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	// A small season with sprints and the fastest-lap point: 8 drivers in 4
	// teams, 3 rounds run, 4 to go (2 with sprints).
	sys, _ := points.Lookup("f1-2024")
	s := &points.Season{Name: "ref", System: sys}
	for r := 1; r <= 7; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= 3, Multiplier: 1, Distance: 1, Sprint: r == 5 || r == 7})
	}
	orders := [][]string{{"a", "b", "c", "d", "e", "f", "g", "h"}, {"b", "a", "d", "c", "f", "e", "h", "g"}, {"a", "c", "b", "e", "d", "g", "f", "h"}}
	for r, order := range orders {
		for pos, d := range order {
			res := points.Result{Round: r + 1, Driver: d, Team: "team-" + string(rune('a'+int(d[0]-'a')/2)), Car: d, Position: pos + 1}
			if r == 1 && d == "h" {
				res.Position, res.Status = 0, points.DNF
			}
			s.Results = append(s.Results, res)
		}
	}
	const refSims = 6000
	ref := referenceTitleOdds(s, 3, refSims, 5)
	p, err := Project(s, 3, Config{Sims: 200_000, Seed: 5})
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
}
