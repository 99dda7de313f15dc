package model

import (
	"math"
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
	if got, want := absenceRate(2, 4, 1), 2.0/(4+absencePrior); got != want {
		t.Errorf("absenceRate(2, 4, 1) = %v, want %v", got, want)
	}
	for _, scale := range []float64{0, -1, math.NaN()} {
		if got := absenceRate(2, 4, scale); got != 0 {
			t.Errorf("absenceRate at scale %v = %v, want 0", scale, got)
		}
	}
	if got := absenceRate(900, 900, 5); got != 0.5 {
		t.Errorf("absenceRate capped = %v, want 0.5", got)
	}
}

// A one-off entry in the front half (the Indianapolis 500's) is no
// front-runner of the field; a shared drive is one place; rounds may come
// in any order, and a round number given twice is read once.
func TestAbsencesOneOffsAndSharedDrives(t *testing.T) {
	s := &points.Season{Name: "one-offs"}
	for _, r := range []int{3, 1, 2, 2} {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: true, Multiplier: 1, Distance: 1})
	}
	add := func(round int, driver string, pos int) {
		s.Results = append(s.Results, points.Result{Round: round, Driver: driver, Position: pos})
	}
	for _, d := range []string{"a", "b", "c", "d"} {
		add(1, d, int(d[0]-'a')+1)
	}
	add(2, "indy", 1) // a one-off, first
	add(2, "a", 2)
	add(2, "a2", 2) // a shared drive: place 2 once
	add(2, "b", 3)
	add(2, "c", 4)
	add(2, "d", 5)
	for _, d := range []string{"b", "c", "d"} { // a misses round 3, and so does the one-off
		add(3, d, int(d[0]-'a'))
	}
	// Round 1 to 2: front a, b (both start round 2). Round 2 to 3: places
	// 1..5, front half 1..3: indy (not in round 1: no front-runner), a and
	// a2 (a2 not in round 1 either), b: a missed.
	if missed, front := absences(s, 3); missed != 1 || front != 4 {
		t.Errorf("%v missed of %v, want 1 of 4", missed, front)
	}
}
