package points

import "slices"

// The exact layer: what a driver or team can still reach. The assumption,
// as in every "mathematically possible" statement: any car may fail to
// score in any session, so a rival's worst case is to score nothing more.
// Every rule comes from the season's Plan: the places, the bonuses a
// winner can add (fastest lap, pole, most laps led, a led lap for each of
// an entry's cars), qualifying points, dropped scores and the countback.

// BestCase returns an entry's standing at the end of the season if it wins
// every remaining session of the calendar after round n (with every bonus
// a winner can earn), and every other result stays as it is: the most
// points it can reach, counted under the dropped-scores rule, and the
// countback those wins imply. For an entry with several cars the best case
// is a one-two (and so on) in every race, its best-placed cars only where
// the rules count those. Champ is a championship id ("drivers", "teams").
func BestCase(s *Season, n int, st Standing, champ string) Standing {
	c := newCalc(s, n, champ)
	if c == nil {
		return st
	}
	return c.best(st) // a fresh calc: the result is the caller's
}

// BestCases is BestCase for each of the standings, computed once for
// all of them.
func BestCases(s *Season, n int, sts []Standing, champ string) []Standing {
	c := newCalc(s, n, champ)
	out := make([]Standing, len(sts))
	for i, st := range sts {
		if c == nil {
			out[i] = st
			continue
		}
		b := c.best(st)
		b.Places, b.RoundPoints = slices.Clone(b.Places), slices.Clone(b.RoundPoints)
		out[i] = b
	}
	return out
}

// CanWin reports whether the entry id can still win the championship
// after round n: whether its best case beats every other entry's current
// standing on points or, level on points, on the countback. Standings
// holds everyone's standings after round n (from Standings).
func CanWin(s *Season, n int, standings []Standing, id string, champ string) bool {
	c := newCalc(s, n, champ)
	if c == nil {
		return false
	}
	for i := range standings {
		if standings[i].ID == id {
			return c.canWin(standings, i, c.slots)
		}
	}
	return false
}

// Decided reports whether the title is decided after round n: no entry
// but the leader can still win it. It also returns the leader.
func Decided(s *Season, n int, champ string) (bool, string) {
	st := Standings(s, champ, n)
	if len(st) == 0 {
		return false, ""
	}
	return newCalc(s, n, champ).decided(st, nil), st[0].ID
}

// decided reports whether no entry but the leader, standings[0], can win
// over the sessions slots (nil: every remaining session).
func (c *calc) decided(standings []Standing, slots []slot) bool {
	if slots == nil {
		slots = c.slots
	}
	for i := 1; i < len(standings); i++ {
		if c.crews != nil && c.crews.twins(&standings[0], &standings[i], slots) {
			continue // level with the leader whatever happens: his co-champion
		}
		if c.canWin(standings, i, slots) {
			return false
		}
	}
	return true
}

// EarliestClinch returns the earliest round after which the entry could
// have the title decided in its favour, if it wins every session from round
// n+1 on (a one-two for a team) while no one else scores; 0 when it cannot
// win the title. Standings are everyone's after round n.
func EarliestClinch(s *Season, n int, standings []Standing, id string, champ string) int {
	st := standings
	me := -1
	for i := range st {
		if st[i].ID == id {
			me = i
		}
	}
	c := newCalc(s, n, champ)
	if c == nil || me < 0 || !c.canWin(st, me, c.slots) {
		return 0
	}
	slots := c.slots
	if me == 0 && c.decided(st, slots) {
		return n
	}
	// Walk the rounds: the entry takes the best result of each session,
	// and after each round the others' best cases are measured against it.
	h := newHypothetical(st[me], c.rounds, c.drop)
	cars := c.carsOf(st[me].ID)
	then := append([]Standing(nil), st...)
	for k := range slots {
		sl := &slots[k]
		if c.crews == nil || c.crews.car[sl.round][st[me].ID] != "" {
			h.addBest(sl, cars)
		}
		if k+1 < len(slots) && slots[k+1].round == sl.round {
			continue // the round's race is still to come
		}
		then[me] = h.standing()
		if c.crews != nil {
			// His crew-mates score alongside him.
			for j := range then {
				if j != me {
					adj, ok := c.alongside(st[me].ID, st[j], slots[:k+1])
					if ok {
						adj.Places, adj.RoundPoints = slices.Clone(adj.Places), slices.Clone(adj.RoundPoints)
					}
					then[j] = adj
				}
			}
		}
		decided := true
		rest := slots[k+1:]
		if len(rest) == 0 {
			rest = []slot{}
		}
		for j := range then {
			if j == me || then[j].Excluded {
				continue
			}
			if c.crews != nil && c.crews.mates(st[me].ID, then[j].ID) && Compare(&then[j], &then[me]) == 0 {
				// Level with a crew-mate: co-champions, unless he can still
				// get ahead alone.
				if !c.crews.twins(&then[me], &then[j], rest) && len(rest) > 0 && c.canWin(then, j, rest) {
					decided = false
					break
				}
				continue
			}
			if Compare(&then[j], &then[me]) <= 0 || c.canWin(then, j, rest) {
				decided = false
				break
			}
		}
		if decided {
			return sl.round
		}
	}
	return 0
}
