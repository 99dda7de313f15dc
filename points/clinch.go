package points

// The exact layer: what a driver or team can still reach. The assumption,
// as in every "mathematically possible" statement: any car may fail to
// score in any session, so a rival's worst case is to score nothing more.

// BestCase returns an entry's standing at the end of the season if it wins
// every remaining session of the calendar after round n (with the
// fastest-lap bonus where the rules award one to a winner), and every
// other result stays as it is: the most points it can reach, counted under
// the dropped-scores rule, and the countback those wins imply. For a team
// the best case is a one-two in every race (best-placed car only where the
// rules count one car).
func BestCase(s *Season, n int, st Standing, champ Championship) Standing {
	return newCalc(s, champ).best(st, remaining(s, n, champ)) // a fresh calc: the result is the caller's
}

// CanWin reports whether the entry id can still win the championship
// after round n: whether its best case beats every other entry's current
// standing on points or, level on points, on the countback. Standings
// holds everyone's standings after round n (from Drivers or Teams).
func CanWin(s *Season, n int, standings []Standing, id string, champ Championship) bool {
	for i := range standings {
		if standings[i].ID == id {
			return newCalc(s, champ).canWin(standings, i, remaining(s, n, champ))
		}
	}
	return false
}

// Decided reports whether the title is decided after round n: no entry
// but the leader can still win it. It also returns the leader.
func Decided(s *Season, n int, champ Championship) (bool, string) {
	st := standingsOf(s, n, champ)
	if len(st) == 0 {
		return false, ""
	}
	return newCalc(s, champ).decided(st, remaining(s, n, champ)), st[0].ID
}

// decided reports whether no entry but the leader, standings[0], can win
// over the sessions slots.
func (c *calc) decided(standings []Standing, slots []slot) bool {
	for i := 1; i < len(standings); i++ {
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
func EarliestClinch(s *Season, n int, standings []Standing, id string, champ Championship) int {
	st := standings
	me := -1
	for i := range st {
		if st[i].ID == id {
			me = i
		}
	}
	slots, c := remaining(s, n, champ), newCalc(s, champ)
	if me < 0 || !c.canWin(st, me, slots) {
		return 0
	}
	if me == 0 && c.decided(st, slots) {
		return n
	}
	// Walk the rounds: the entry takes the best result of each session,
	// and after each round the others' best cases are measured against it.
	h := newHypothetical(st[me], c.rounds, c.drop)
	then := append([]Standing(nil), st...)
	for k, sl := range slots {
		h.addBest(sl, c.cars)
		if k+1 < len(slots) && slots[k+1].round == sl.round {
			continue // the round's race is still to come
		}
		then[me] = h.standing()
		decided := true
		for j := range then {
			if j != me && !then[j].Excluded && (Compare(&then[j], &then[me]) <= 0 || c.canWin(then, j, slots[k+1:])) {
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
