package sim

import (
	"fmt"
	"math"
	"testing"

	"github.com/champ-dev/champ/points"
)

// fuzzSeason builds a small season from bytes: a points system, 2 to 6
// drivers in 2 or 3 teams, 2 to 6 rounds of which some are run (a sprint
// now and then), each run session a permutation with a retirement or two,
// and a fix on the first round still to run.
func fuzzSeason(b []byte) (*points.Season, int, []points.Fix, bool) {
	next := func() int {
		if len(b) == 0 {
			return 0
		}
		x := int(b[0])
		b = b[1:]
		return x
	}
	systems := []string{"f1-2024", "f1-1988", "f1-1961", "indycar-2024", "motogp", "formula-e"}
	sys, err := points.Lookup(systems[next()%len(systems)])
	if err != nil {
		return nil, 0, nil, false
	}
	nd, nr := 2+next()%5, 2+next()%5
	done := 1 + next()%(nr-1)
	s := &points.Season{ID: "fuzz", Name: "Fuzz", System: sys}
	for r := 1; r <= nr; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Name: fmt.Sprint("R", r), Completed: r <= done,
			Sprint: sys.Sprint != nil && next()%3 == 0, Multiplier: 1, Distance: 1})
	}
	for r := 1; r <= done; r++ {
		kinds := []points.SessionKind{points.Race}
		if s.Rounds[r-1].Sprint {
			kinds = append(kinds, points.Sprint)
		}
		for _, k := range kinds {
			order := make([]int, nd)
			for i := range order {
				order[i] = i
			}
			for i := nd - 1; i > 0; i-- {
				j := next() % (i + 1)
				order[i], order[j] = order[j], order[i]
			}
			pos := 1
			for _, d := range order {
				res := points.Result{Round: r, Session: k, Driver: fmt.Sprint("d", d), Team: fmt.Sprint("t", d%3)}
				if next()%7 == 0 {
					res.Status = points.DNF
				} else {
					res.Position = pos
					pos++
				}
				s.Results = append(s.Results, res)
			}
		}
	}
	for d := range nd {
		s.Drivers = append(s.Drivers, points.Driver{ID: fmt.Sprint("d", d), Name: fmt.Sprint("D", d)})
	}
	for t := range min(nd, 3) {
		s.Teams = append(s.Teams, points.Team{ID: fmt.Sprint("t", t), Name: fmt.Sprint("T", t)})
	}
	var fixes []points.Fix
	if done < nr && next()%2 == 0 {
		fixes = append(fixes, points.Fix{Round: done + 1, Session: points.Race, Driver: fmt.Sprint("d", next()%nd), Kind: points.FixPosition, Position: 1, Source: "fuzz"})
	}
	return s, done, fixes, true
}

// FuzzPipeline runs standings, the exact maths, a projection and a
// what-if on small seasons built from the input, and checks what must
// hold whatever the season: no panic, title odds that sum to one, an
// entry the exact maths eliminates never champion, and every simulated
// total within the exact bounds. go test runs the seeds; for longer:
//
//	go test ./sim -run '^$' -fuzz FuzzPipeline -fuzztime 10m
func FuzzPipeline(f *testing.F) {
	for _, seed := range [][]byte{{0, 3, 4, 2}, {1, 5, 5, 3, 9, 9, 9}, {3, 2, 2, 1}, {4, 4, 3, 1, 0, 0, 1}, {2, 1, 4, 3, 7, 7, 7, 7, 1, 1}} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, after, fixes, ok := fuzzSeason(b)
		if !ok {
			return
		}
		cfg := Config{Sims: 500, Seed: 1, Workers: 1}
		p, err := Project(s, after, cfg)
		if err != nil {
			t.Fatalf("project: %v", err)
		}
		check(t, s, after, p)
		if len(fixes) > 0 {
			if err := points.CheckFixes(s, after, fixes); err != nil {
				return
			}
			cfg.Fixes = fixes
			q, err := Project(s, after, cfg)
			if err != nil {
				t.Fatalf("what-if: %v", err)
			}
			check(t, s, after, q)
		}
	})
}

func check(t *testing.T, s *points.Season, after int, p *Projection) {
	t.Helper()
	for _, tb := range p.Tables {
		id := tb.Championship.ID
		st := points.Standings(s, id, after)
		sum := 0.0
		for _, e := range tb.Entries {
			sum += e.TitleProb
			var cur *points.Standing
			for i := range st {
				if st[i].ID == e.ID {
					cur = &st[i]
				}
			}
			if cur == nil {
				continue
			}
			if !points.CanWin(s, after, st, e.ID, id) && e.TitleProb != 0 {
				t.Errorf("%s %s: eliminated by the exact maths, champion in %v of the seasons", id, e.ID, e.TitleProb)
			}
			best := points.BestCase(s, after, *cur, id).Points
			for i, g := range e.Gains {
				if x := e.Points + float64(i)*p.Step; g > 0 && (x < cur.Points-1e-9 || x > best+p.Step+1e-9) {
					t.Errorf("%s %s: a simulated total %v outside the exact bounds [%v, %v]", id, e.ID, x, cur.Points, best)
				}
			}
		}
		ties := float64(tb.Ties) / float64(p.Sims)
		if len(tb.Entries) > 0 && math.Abs(sum+ties-1) > 1e-9 && !coChampions(tb) {
			t.Errorf("%s: title odds sum to %v (ties %v)", id, sum, ties)
		}
	}
}

// coChampions reports whether a table can crown crew-mates together (their
// odds then sum past one); the fuzzed seasons have no crews.
func coChampions(tb Table) bool {
	for _, e := range tb.Entries {
		if len(e.Crew) > 1 {
			return true
		}
	}
	return false
}
