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
	sys := s.System
	best := st
	best.Places = append([]int(nil), st.Places...)
	best.RoundPoints = append([]float64(nil), st.RoundPoints...)
	for len(best.RoundPoints) < len(s.Rounds) {
		best.RoundPoints = append(best.RoundPoints, 0)
	}
	if st.Excluded {
		return best
	}
	penalty := sum(st.RoundPoints) - st.Scored // deductions are not in the round points
	cars := 1
	if champ == TeamsChampionship && !sys.Teams.BestCarOnly {
		cars = 2
	}
	for i := range s.Rounds {
		rd := &s.Rounds[i]
		if rd.Number <= n {
			continue
		}
		if champ == DriversChampionship && !rd.Counts.drivers() || champ == TeamsChampionship && !rd.Counts.teams() {
			continue
		}
		final := s.IsFinal(rd)
		kinds := []SessionKind{Race}
		if rd.Sprint {
			kinds = append(kinds, Sprint)
		}
		for _, kind := range kinds {
			table := sys.Table(kind, rd, final)
			if champ == TeamsChampionship {
				table = sys.TeamTable(kind, rd, final)
			}
			p := 0.0
			for c := 0; c < cars && c < len(table); c++ {
				p += table[c]
				if kind == Race {
					for len(best.Places) <= c {
						best.Places = append(best.Places, 0)
					}
					best.Places[c]++
				}
			}
			if fl, _ := sys.FastestLapBonus(kind, rd); fl > 0 && (champ == DriversChampionship || sys.Teams.FastestLap) {
				p += fl
			}
			if kind == Race {
				best.Wins++
			}
			best.RoundPoints[rd.Number-1] += p
			best.Scored += p
		}
	}
	drop := sys.Drop
	if champ == TeamsChampionship {
		drop = sys.Teams.Drop
	}
	best.Points = counted(drop, best.RoundPoints) - penalty
	return best
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// CanWin reports whether the entry id can still win the championship
// after round n: whether its best case beats every other entry's current
// standing on points or, level on points, on the countback. Standings
// holds everyone's standings after round n (from Drivers or Teams).
func CanWin(s *Season, n int, standings []Standing, id string, champ Championship) bool {
	var me *Standing
	for i := range standings {
		if standings[i].ID == id {
			me = &standings[i]
		}
	}
	if me == nil || me.Excluded {
		return false
	}
	best := BestCase(s, n, *me, champ)
	for i := range standings {
		o := &standings[i]
		if o.ID == id || o.Excluded {
			continue
		}
		if Compare(&best, o) >= 0 {
			return false
		}
	}
	return true
}

// Decided reports whether the title is decided after round n: no entry
// but the leader can still win it. It also returns the leader.
func Decided(s *Season, n int, champ Championship) (bool, string) {
	var st []Standing
	if champ == TeamsChampionship {
		st = Teams(s, n)
	} else {
		st = Drivers(s, n)
	}
	if len(st) == 0 {
		return false, ""
	}
	for i := 1; i < len(st); i++ {
		if CanWin(s, n, st, st[i].ID, champ) {
			return false, st[0].ID
		}
	}
	return true, st[0].ID
}
