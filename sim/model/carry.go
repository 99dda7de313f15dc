package model

import (
	"math"
	"slices"

	"github.com/champ-dev/champ/points"
)

// Carried is the form a season inherits from the season before: each
// driver's log-strength at its end and the team he last drove for, each
// team's (the mean of its drivers', as they last drove for it), each
// driver's edge over his team (his log-strength less his team's), each
// team's retirement rate (the mean of its drivers' posterior rates), and
// how often its front-runners missed the next race (Missed of Front).
type Carried struct {
	Driver        map[string]float64
	DriverTeam    map[string]string
	Team          map[string]float64
	Edge          map[string]float64
	DNF           map[string]float64
	Missed, Front float64
}

// form returns the log-strength a driver brings into a season in which he
// drives for team (formerly: the ids it raced under the season before,
// points.Season.Formerly). A driver who stays in his team (under the same
// id or a former one), or who has no team before or now, brings his own
// form. One who moves brings his edge over his team-mates then on his new
// team's form at the end of the season before (the field's, 0, where the
// team did not race then): his new car's, not his old car's. A newcomer
// takes his team's.
func (c *Carried) form(driver, team string, formerly []string) float64 {
	v, seen := c.Driver[driver]
	if was, ok := c.DriverTeam[driver]; seen && (!ok || team == "" || was == team || slices.Contains(formerly, was)) {
		return v
	}
	t, _ := teamValue(c.Team, team, formerly)
	return t + c.Edge[driver]
}

// dnf returns a team's carried retirement rate (a nil Carried has none).
func (c *Carried) dnf(team string, formerly []string) (float64, bool) {
	if c == nil {
		return 0, false
	}
	return teamValue(c.DNF, team, formerly)
}

// teamValue returns a team's value in m (its carried form or retirement
// rate): its own, or else the mean of those of the ids it raced under the
// season before (formerly) that m has.
func teamValue(m map[string]float64, team string, formerly []string) (float64, bool) {
	if v, ok := m[team]; ok {
		return v, true
	}
	sum, n := 0.0, 0
	for _, id := range formerly {
		if v, ok := m[id]; ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
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
	c := &Carried{Driver: map[string]float64{}, DriverTeam: map[string]string{}, Team: map[string]float64{}, Edge: map[string]float64{}, DNF: map[string]float64{}}
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
	for d, v := range c.Driver {
		if t, ok := latest[d]; ok {
			c.DriverTeam[d] = t
			c.Edge[d] = v - c.Team[t]
		}
	}
	return c
}
