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
	for _, sl := range remaining(s, n, champ) {
		p := sl.fl
		for c := 0; c < cars && c < len(sl.table); c++ {
			p += sl.table[c]
			if sl.kind == Race {
				for len(best.Places) <= c {
					best.Places = append(best.Places, 0)
				}
				best.Places[c]++
			}
		}
		if sl.kind == Race {
			best.Wins++
		}
		best.RoundPoints[sl.round-1] += p
		best.Scored += p
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

// EarliestClinch returns the earliest round after which the entry could
// have the title decided in its favour, if it wins every session from round
// n+1 on (a one-two for a team) while no one else scores; 0 when it cannot
// win the title.
func EarliestClinch(s *Season, n int, id string, champ Championship) int {
	var st []Standing
	if champ == TeamsChampionship {
		st = Teams(s, n)
	} else {
		st = Drivers(s, n)
	}
	if !CanWin(s, n, st, id, champ) {
		return 0
	}
	if ok, leader := Decided(s, n, champ); ok && leader == id {
		return n
	}
	h := *s
	h.Rounds = append([]Round(nil), s.Rounds...)
	h.Results = append([]Result(nil), s.Results...)
	cars := []string{id}
	if champ == TeamsChampionship {
		cars = nil
		for _, r := range s.Results {
			if r.Team == id && r.Round <= n && !contains(cars, r.Driver) {
				cars = append(cars, r.Driver)
			}
		}
		if len(cars) > 2 {
			cars = cars[len(cars)-2:]
		}
	}
	for i := range h.Rounds {
		rd := &h.Rounds[i]
		if rd.Number <= n {
			continue
		}
		rd.Completed = true
		kinds := []SessionKind{Race}
		if rd.Sprint {
			kinds = append(kinds, Sprint)
		}
		for _, kind := range kinds {
			for p, d := range cars {
				team := id
				if champ == DriversChampionship {
					team = s.DriverTeam(id, n)
				}
				h.Results = append(h.Results, Result{Round: rd.Number, Session: kind, Driver: d, Team: team, Car: d, Position: p + 1, FastestLap: p == 0})
			}
		}
		if ok, leader := Decided(&h, rd.Number, champ); ok && leader == id {
			return rd.Number
		}
	}
	return 0
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
