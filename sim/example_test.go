package sim_test

import (
	"fmt"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// Three drivers, one race run and two to go, under 2025 rules. Every order
// equally likely: the exact answers are 11/18, 4/18 and 2/18 (the rest are
// ties that the countback cannot break).
func ExampleProject() {
	sys, _ := points.Lookup("f1-2025")
	s := &points.Season{Name: "example", System: sys}
	for r := 1; r <= 3; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: r == 1, Multiplier: 1, Distance: 1})
	}
	for i, d := range []string{"alice", "bob", "carol"} {
		s.Results = append(s.Results, points.Result{Round: 1, Driver: d, Team: d, Car: d, Position: i + 1})
	}
	p, err := sim.Project(s, 1, sim.Config{Model: sim.ModelUniform, Sims: 100_000, Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d races left, %v points\n", p.Races, p.Tables[0].Left)
	for _, e := range p.Drivers {
		fmt.Printf("%-6s %2v points, title %.3f ± %.3f\n", e.ID, e.Points, e.TitleProb, e.TitleSE)
	}
	// Output:
	// 2 races left, 50 points
	// alice  25 points, title 0.611 ± 0.002
	// bob    18 points, title 0.222 ± 0.001
	// carol  15 points, title 0.111 ± 0.001
}
