package model

import (
	"math"

	"github.com/champ-dev/champ/points"
)

// Carried is the form a season inherits from the season before: each
// driver's log-strength at its end, and each team's (the mean of its
// drivers', as they last drove for it).
type Carried struct {
	Driver map[string]float64
	Team   map[string]float64
}

// CarryOver fits the completed rounds of the season before and returns
// the form it leaves (nil if none was completed). The fit is the one
// FitSeason makes, starting from the field.
func CarryOver(prev *points.Season, o Options) *Carried {
	n := prev.LastCompleted()
	if n == 0 {
		return nil
	}
	f := FitSeason(prev, n, o)
	c := &Carried{Driver: map[string]float64{}, Team: map[string]float64{}}
	latest := latestTeams(prev, n)
	count := map[string]int{}
	for i, d := range f.Drivers {
		v := math.Log(f.Strength[i])
		c.Driver[d] = v
		if t, ok := latest[d]; ok {
			c.Team[t] += v
			count[t]++
		}
	}
	for t, k := range count {
		c.Team[t] /= float64(k)
	}
	return c
}
