package model

import (
	"testing"

	"github.com/champ-dev/champ/points"
)

// With nothing to fit the propensities are the priors; with poles always
// won by the winner, λ grows; with every lap led by the winner alone, the
// led-a-lap curve falls faster than the prior's.
func TestFitBonuses(t *testing.T) {
	sys, err := points.Lookup("indycar-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "t", System: sys}
	for r := 1; r <= 6; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: true, Multiplier: 1, Distance: 1})
	}
	prior := FitBonuses(points.NewPlan(s), 6)
	if d := prior.Lambda - bonusPrior.lambda; d*d > 1e-6 {
		t.Errorf("no data: λ %v, want the prior's %v", prior.Lambda, bonusPrior.lambda)
	}
	for r := 1; r <= 6; r++ {
		for p := 1; p <= 10; p++ {
			s.Results = append(s.Results, points.Result{Round: r, Driver: string(rune('a' + p)), Car: string(rune('a' + p)),
				Position: p, Pole: p == 1, LedLap: p == 1, MostLapsLed: p == 1})
		}
	}
	got := FitBonuses(points.NewPlan(s), 6)
	if got.Lambda <= prior.Lambda || got.B <= prior.B && got.A >= prior.A {
		t.Errorf("winners take pole and every lap: λ %v (prior %v), a %v b %v (prior %v %v)", got.Lambda, prior.Lambda, got.A, got.B, prior.A, prior.B)
	}
}
