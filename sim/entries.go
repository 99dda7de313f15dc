package sim

import (
	"fmt"
	"math"
	"slices"

	"github.com/champ-dev/champ/points"
)

// Entries (points.Entry) change who races from a round on. A driver an
// entry names joins the field if he is not in it: before the entry's first
// round and after its last he does not race. For the rounds it covers he
// races for the entry's team, and the driver he replaces does not race
// unless an entry of his own puts him in a car. A driver who does not race
// a session is left out of it: no place, no points, no fastest lap, and
// the others are drawn among themselves as the model draws any field.
//
// A newcomer's strength is the model's prior for a driver it has not seen
// (the field's average, with the prior's uncertainty), or, with a share,
// that multiple of his team's: the mean log-strength of the team's other
// drivers in the field, plus log(share), with their mean uncertainty. A
// share given to a driver who has raced replaces his own form the same
// way. Entries need the full path: the kernel assumes one field for the
// whole season.

// applyEntries builds each session's routes and absences.
func (c *compiled) applyEntries(entries []points.Entry, idx []map[string]int) error {
	c.routes = make([][][]int, len(c.sessions))
	c.absent = make([][]int, len(c.sessions))
	for i := range c.sessions {
		c.routes[i] = c.routes0
	}
	if len(entries) == 0 {
		return nil
	}
	c.entries = true
	c.newTeam = map[string]string{}
	last := map[string]int{}
	for _, e := range entries {
		if e.Round >= last[e.Driver] {
			c.newTeam[e.Driver], last[e.Driver] = e.Team, e.Round
		}
	}
	fieldIdx := map[string]int{}
	for f, id := range c.field {
		fieldIdx[id] = f
	}
	rounds := len(c.season.Rounds)
	for i, ss := range c.sessions {
		r := ss.round + 1
		routes := make([][]int, len(c.champs))
		for k := range routes {
			routes[k] = slices.Clone(c.routes0[k])
		}
		racing := make([]bool, len(c.field))
		for f := range racing {
			racing[f] = true
		}
		// A driver an entry brings in races only in its rounds.
		for f := c.joined; f < len(c.field); f++ {
			racing[f] = false
		}
		covered := map[string]bool{}
		for _, e := range entries {
			if e.Covers(r, rounds) {
				covered[e.Driver] = true
			}
		}
		for _, e := range entries {
			if !e.Covers(r, rounds) {
				continue
			}
			f := fieldIdx[e.Driver]
			g, replaces := fieldIdx[e.Replaces]
			for k, ch := range c.champs {
				switch ch.def.Of {
				case points.HolderDriver:
					continue
				case points.HolderTeam:
					t, ok := idx[k][e.Team]
					if !ok {
						return fmt.Errorf("%s: %s: team %q has no standing to score for", e.Source, e, e.Team)
					}
					routes[k][f] = t
				case points.HolderCar:
					// He takes the car of the driver he replaces.
					routes[k][f] = -1
					if replaces {
						routes[k][f] = c.routes0[k][g]
					}
				case points.HolderMake:
					routes[k][f] = -1
					if m, ok := idx[k][teamMake(c.season, e.Team, c.after)]; ok {
						routes[k][f] = m
					}
				}
			}
			racing[f] = true
			if replaces && !covered[e.Replaces] {
				racing[g] = false
			}
		}
		c.routes[i] = routes
		for f, ok := range racing {
			if !ok {
				c.absent[i] = append(c.absent[i], f)
			}
		}
	}
	return nil
}

// teamMake is the make of team's latest car up to round n, or "".
func teamMake(s *points.Season, team string, n int) string {
	m, best := "", -1
	for _, r := range s.Results {
		if r.Team == team && r.Round <= n && r.Round >= best && r.Make != "" {
			m, best = r.Make, r.Round
		}
	}
	return m
}

// racing reports whether field driver f races session s.
func (c *compiled) racing(s, f int) bool {
	return !slices.Contains(c.absent[s], f)
}

// shareStrengths sets the strengths of the drivers whose entries give a
// share of their team's.
func (c *compiled) shareStrengths(m *PlackettLuce, entries []points.Entry) {
	changed := false
	teams := c.season.DriverTeams(c.after)
	for _, e := range entries {
		if e.Share <= 0 {
			continue
		}
		f := slices.Index(c.field, e.Driver)
		var sumW, sumSD float64
		n := 0
		for g, id := range c.field {
			if g != f && teams[id] == e.Team {
				sumW += m.logW[g]
				sumSD += m.sd[g]
				n++
			}
		}
		if n == 0 {
			continue // a team with no other driver: the model's own
		}
		m.logW[f] = sumW/float64(n) + math.Log(e.Share)
		m.sd[f] = sumSD / float64(n)
		changed = true
	}
	if changed {
		m.tables()
	}
}
