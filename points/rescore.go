package points

import (
	"fmt"
	"strings"
)

// Rescored is a season's real results under another points system.
type Rescored struct {
	Season *Season // the season, scored by the other system
	// Multipliers reports that the season had round multipliers (double
	// points), which belong to its own rules and are dropped.
	Multipliers bool
}

// Rescore applies sys to the season's results for the championship champ
// of both systems: everything sys scores (its tables, bonuses, dropped
// scores, shortened-race rules, countback); round multipliers are the
// season's own and are dropped under another system.
func Rescore(s *Season, sys *System, champ string) (*Rescored, error) {
	if sys.Championship(champ) == nil {
		return nil, fmt.Errorf("the %s points system has no %s championship (it has %s)", sys.ID, champ, strings.Join(sys.ChampionshipIDs(), ", "))
	}
	c := *s
	c.System = sys
	r := &Rescored{Season: &c}
	if sys.ID != s.System.ID {
		c.Rounds = append([]Round(nil), s.Rounds...)
		for i := range c.Rounds {
			if c.Rounds[i].Multiplier != 1 {
				r.Multipliers = true
				c.Rounds[i].Multiplier = 1
			}
		}
	}
	return r, nil
}

// Leader is the entry at the top of the standings, or "" when the leaders
// are level on points and on the whole countback.
func Leader(st []Standing) string {
	for i := range st {
		if st[i].Excluded {
			continue
		}
		if i+1 < len(st) && Compare(&st[i], &st[i+1]) == 0 {
			return ""
		}
		return st[i].ID
	}
	return ""
}
