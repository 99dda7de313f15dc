package model

import (
	"testing"

	"github.com/champ-dev/champ/points"
)

// Absences count the front half of each race that did not start the
// next: a missing row, a non-starter and a non-qualifier alike. A round
// that counts for one championship only (the Indianapolis 500 of the
// 1950s) and rounds after n are left out.
func TestAbsences(t *testing.T) {
	s := &points.Season{Name: "absences"}
	for r := 1; r <= 5; r++ {
		rd := points.Round{Number: r, Completed: true, Multiplier: 1, Distance: 1}
		if r == 2 {
			rd.Counts = points.CountsDriver
		}
		s.Rounds = append(s.Rounds, rd)
	}
	add := func(round int, driver string, pos int, st points.Status) {
		s.Results = append(s.Results, points.Result{Round: round, Driver: driver, Position: pos, Status: st})
	}
	add(1, "a", 1, points.Classified) // front
	add(1, "b", 2, points.Classified) // front
	add(1, "c", 3, points.Classified)
	add(1, "d", 4, points.Classified)
	add(2, "x", 1, points.Classified) // the one-off round: skipped
	add(3, "b", 1, points.Classified) // a missed round 3; front: b, c
	add(3, "c", 2, points.Classified)
	add(3, "d", 3, points.Classified)
	add(3, "e", 0, points.DNF)
	add(4, "b", 0, points.DNF)
	add(4, "c", 0, points.DNQ) // c missed round 4; nobody classified
	add(5, "b", 1, points.Classified)
	add(5, "c", 0, points.DNS)
	for _, c := range []struct {
		n             int
		missed, front float64
	}{{1, 0, 0}, {3, 1, 2}, {4, 2, 4}, {5, 2, 4}} {
		missed, front := absences(s, c.n)
		if missed != c.missed || front != c.front {
			t.Errorf("after round %d: %v missed of %v, want %v of %v", c.n, missed, front, c.missed, c.front)
		}
	}
	if got := absenceRate(2, 4, 1); got != 0.4 {
		t.Errorf("absenceRate(2, 4, 1) = %v, want 0.4", got)
	}
	if got := absenceRate(2, 4, 0); got != 0 {
		t.Errorf("absenceRate off = %v, want 0", got)
	}
	if got := absenceRate(9, 9, 5); got != 0.5 {
		t.Errorf("absenceRate capped = %v, want 0.5", got)
	}
}
