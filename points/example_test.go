package points_test

import (
	"fmt"

	"github.com/champ-dev/champ/points"
)

// Two drivers level on points: the countback (most wins) decides.
func ExampleDrivers() {
	sys, _ := points.Lookup("f1-2024")
	s := &points.Season{
		Name:   "example",
		System: sys,
		Rounds: []points.Round{
			{Number: 1, Completed: true, Multiplier: 1, Distance: 1},
			{Number: 2, Completed: true, Multiplier: 1, Distance: 1},
		},
		Results: []points.Result{
			{Round: 1, Driver: "hamilton", Position: 1},
			{Round: 1, Driver: "verstappen", Position: 2},
			{Round: 2, Driver: "verstappen", Position: 1},
			{Round: 2, Driver: "hamilton", Position: 2},
			{Round: 2, Driver: "bottas", Position: 3},
		},
	}
	for _, st := range points.Drivers(s, 2) {
		fmt.Printf("%d %-10s %s tied=%v\n", st.Position, st.ID, points.FormatPoints(st.Points), st.Tied)
	}
	// Output:
	// 1 hamilton   43 tied=false
	// 2 verstappen 43 tied=true
	// 3 bottas     15 tied=false
}
