package main

import (
	"testing"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/sim"
)

// Every built-in season runs its default number of seasons: the budget
// that shortens a default run only binds on seasons far larger than any
// real one.
func TestBudgetFitsRealSeasons(t *testing.T) {
	var most, mostTL int64
	for _, name := range data.Embedded() {
		s, err := data.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		// From the first round, the most a projection has left to draw.
		if d := sim.Draws(s, 1); d > most {
			most = d
		}
		last := s.LastCompleted()
		if d := sim.TimelineDraws(s, last); d > mostTL {
			mostTL = d
		}
		if n := sim.BudgetSims(sim.DefaultSims, sim.Draws(s, 1), sim.DrawBudget, 1000); n != sim.DefaultSims {
			t.Errorf("%s: project from round 1 runs %d seasons by default, not %d", name, n, sim.DefaultSims)
		}
		if n := sim.BudgetSims(timelineSims, sim.TimelineDraws(s, last), sim.TimelineBudget, 100); n != timelineSims {
			t.Errorf("%s: timeline runs %d seasons a round by default, not %d", name, n, timelineSims)
		}
	}
	t.Logf("most finishes a season: project %d (budget %d a run), timeline %d (budget %d)", most, sim.DrawBudget/sim.DefaultSims, mostTL, sim.TimelineBudget/timelineSims)
}
