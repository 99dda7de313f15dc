package model

import (
	"math"
	"testing"

	"github.com/champ-dev/champ/points"
)

// With team pooling a driver who never finished takes his team-mate's
// form, not the field's; without it, the field's. The horizon's drift
// widens the strength uncertainty with the rounds left.
func TestTeamPoolAndDrift(t *testing.T) {
	sys, err := points.Lookup("f1-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "pool", System: sys}
	for r := 1; r <= 10; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r <= 4, Multiplier: 1, Distance: 1})
	}
	for r := 1; r <= 4; r++ {
		for i, d := range []string{"fast", "mid1", "mid2", "slow1", "slow2"} {
			team := map[string]string{"fast": "red", "mid1": "blue", "mid2": "blue", "slow1": "grey", "slow2": "grey"}[d]
			s.Results = append(s.Results, points.Result{Round: r, Driver: d, Team: team, Position: i + 1})
		}
		s.Results = append(s.Results, points.Result{Round: r, Driver: "mate", Team: "red", Status: points.DNF})
	}
	o := DefaultOptions()
	plain := FitSeason(s, 4, o)
	o.TeamPool = 0.75
	pooled := FitSeason(s, 4, o)
	mate, fast := plain.Index("mate"), plain.Index("fast")
	if math.Abs(math.Log(plain.Strength[mate])) > 0.05 {
		t.Errorf("without pooling the retired team-mate has strength %v, want the field's 1", plain.Strength[mate])
	}
	if pooled.Strength[mate] < 2 || pooled.Strength[mate] > pooled.Strength[fast] {
		t.Errorf("pooled, the retired team-mate has %v (the winner %v), want well above the field", pooled.Strength[mate], pooled.Strength[fast])
	}
	o = DefaultOptions()
	o.Drift = 0.1
	drifted := FitSeason(s, 4, o)
	for i := range drifted.LogSD {
		want := math.Sqrt(plain.LogSD[i]*plain.LogSD[i] + 0.01*6/3)
		if math.Abs(drifted.LogSD[i]-want) > 1e-12 {
			t.Errorf("driver %s: sd %v with drift, want %v", drifted.Drivers[i], drifted.LogSD[i], want)
		}
	}
}
