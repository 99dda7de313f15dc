package sim

import (
	"testing"

	"github.com/champ-dev/champ/points"
)

func benchSeason(b *testing.B) *points.Season {
	sys, _ := points.Lookup("f1-2024")
	s := &points.Season{Name: "bench", System: sys}
	for r := 1; r <= 24; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= 9, Multiplier: 1, Distance: 1, Sprint: r%6 == 0})
	}
	ids := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"}
	for r := 1; r <= 9; r++ {
		for i, d := range ids {
			pos := (i+r)%20 + 1
			s.Results = append(s.Results, points.Result{Round: r, Driver: d, Team: "t" + string(rune('a'+i/2)), Car: d, Position: pos})
		}
	}
	return s
}

func BenchmarkProjectOneWorker(b *testing.B) {
	s := benchSeason(b)
	for b.Loop() {
		if _, err := Project(s, 9, Config{Sims: 50_000, Seed: 1, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(50_000*b.N)/b.Elapsed().Seconds(), "seasons/s")
}
