package model

import (
	"math"

	"github.com/champ-dev/champ/points"
)

// Carried is the form a season inherits from the season before: each
// driver's log-strength at its end, and each team's (the mean of its
// drivers', as they last drove for it), and each team's retirement rate
// (the mean of its drivers' posterior rates), and how often its
// front-runners missed the next race (Missed of Front).
type Carried struct {
	Driver        map[string]float64
	Team          map[string]float64
	DNF           map[string]float64
	Missed, Front float64
}

// dnf returns a team's carried retirement rate (a nil Carried has none).
func (c *Carried) dnf(team string) (float64, bool) {
	if c == nil {
		return 0, false
	}
	v, ok := c.DNF[team]
	return v, ok
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
	c := &Carried{Driver: map[string]float64{}, Team: map[string]float64{}, DNF: map[string]float64{}}
	latest := latestTeams(prev, n)
	if o.Absence > 0 {
		c.Missed, c.Front = absences(prev, n)
	}
	count := map[string]int{}
	for i, d := range f.Drivers {
		v := math.Log(f.Strength[i])
		c.Driver[d] = v
		if t, ok := latest[d]; ok {
			c.Team[t] += v
			c.DNF[t] += f.DNF(i)
			count[t]++
		}
	}
	for t, k := range count {
		c.Team[t] /= float64(k)
		c.DNF[t] /= float64(k)
	}
	return c
}
