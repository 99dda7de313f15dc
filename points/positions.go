package points

import "sort"

// BestPosition is the best final position the entry can still reach after
// round n: it wins everything (BestCase) and every other entry scores
// nothing more. Standings are everyone's after round n.
func BestPosition(s *Season, n int, standings []Standing, id string, champ Championship) int {
	me := find(standings, id)
	if me == nil || me.Excluded {
		return 0
	}
	best := BestCase(s, n, *me, champ)
	pos := 1
	for i := range standings {
		o := &standings[i]
		if o.ID != id && !o.Excluded && Compare(o, &best) < 0 {
			pos++
		}
	}
	return pos
}

// WorstPosition bounds the worst final position of the entry after round
// n, when it scores nothing more and as many others as possible pass it.
// The rivals who would pass must share the remaining places (two cannot
// both win a race), so the exact answer needs a search: lo is reached by
// an explicit assignment of results, hi counts every rival whose own best
// case passes. When lo == hi the answer is exact.
func WorstPosition(s *Season, n int, standings []Standing, id string, champ Championship) (lo, hi int) {
	me := find(standings, id)
	if me == nil || me.Excluded {
		return 0, 0
	}
	var ahead int
	var candidates []*Standing
	for i := range standings {
		o := &standings[i]
		if o.ID == id || o.Excluded {
			continue
		}
		if Compare(o, me) < 0 {
			ahead++ // already ahead: stays ahead
			continue
		}
		b := BestCase(s, n, *o, champ)
		if Compare(&b, me) < 0 {
			candidates = append(candidates, o)
		}
	}
	// Aggregate bound: k rivals cannot all pass if their k smallest
	// deficits add up to more than the top k places of every remaining
	// session hand out (a tie is counted as enough, which keeps it a bound).
	needs := make([]float64, len(candidates))
	for i, c := range candidates {
		needs[i] = me.Points - c.Points
	}
	sort.Float64s(needs)
	k := len(candidates)
	for ; k > 0; k-- {
		total := 0.0
		for _, x := range needs[:k] {
			total += x
		}
		if total <= available(s, n, k, champ)+1e-9 {
			break
		}
	}
	hi = 1 + ahead + k
	// Greedy: add the cheapest rivals first while an assignment of the
	// remaining results lets all of them pass.
	sort.SliceStable(candidates, func(i, j int) bool { return candidates[i].Points > candidates[j].Points })
	var chosen []*Standing
	for _, c := range candidates {
		trial := append(append([]*Standing(nil), chosen...), c)
		if passAll(s, n, trial, me, champ) {
			chosen = trial
		}
	}
	return 1 + ahead + len(chosen), hi
}

// available is the most points the remaining sessions after round n hand
// out to k entries together.
func available(s *Season, n, k int, champ Championship) float64 {
	sys := s.System
	cars := 1
	if champ == TeamsChampionship && !sys.Teams.BestCarOnly {
		cars = 2
	}
	total := 0.0
	for i := range s.Rounds {
		rd := &s.Rounds[i]
		if rd.Number <= n || champ == DriversChampionship && !rd.Counts.drivers() || champ == TeamsChampionship && !rd.Counts.teams() {
			continue
		}
		kinds := []SessionKind{Race}
		if rd.Sprint {
			kinds = append(kinds, Sprint)
		}
		for _, kind := range kinds {
			table := sys.Table(kind, rd, s.IsFinal(rd))
			if champ == TeamsChampionship {
				table = sys.TeamTable(kind, rd, s.IsFinal(rd))
			}
			for p := 0; p < k*cars && p < len(table); p++ {
				total += table[p]
			}
			if fl, _ := sys.FastestLapBonus(kind, rd); fl > 0 && (champ == DriversChampionship || sys.Teams.FastestLap) {
				total += fl
			}
		}
	}
	return total
}

func find(st []Standing, id string) *Standing {
	for i := range st {
		if st[i].ID == id {
			return &st[i]
		}
	}
	return nil
}

// passAll tries to give the rivals the remaining results so that every
// one of them finishes ahead of me (who scores nothing): session by
// session, the best places go to the rivals furthest from passing. It
// reports whether the assignment it builds succeeds.
func passAll(s *Season, n int, rivals []*Standing, me *Standing, champ Championship) bool {
	sys := s.System
	cur := make([]Standing, len(rivals))
	for i, r := range rivals {
		cur[i] = *r
		cur[i].Places = append([]int(nil), r.Places...)
		cur[i].RoundPoints = append([]float64(nil), r.RoundPoints...)
		for len(cur[i].RoundPoints) < len(s.Rounds) {
			cur[i].RoundPoints = append(cur[i].RoundPoints, 0)
		}
	}
	drop := sys.Drop
	cars := 1
	if champ == TeamsChampionship {
		drop = sys.Teams.Drop
		if !sys.Teams.BestCarOnly {
			cars = 2
		}
	}
	penalty := make([]float64, len(cur))
	for i := range cur {
		penalty[i] = sum(cur[i].RoundPoints) - cur[i].Scored
	}
	order := make([]int, len(cur))
	for i := range s.Rounds {
		rd := &s.Rounds[i]
		if rd.Number <= n || champ == DriversChampionship && !rd.Counts.drivers() || champ == TeamsChampionship && !rd.Counts.teams() {
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
			// Rivals by how far they are from passing, furthest first.
			for k := range order {
				order[k] = k
			}
			gap := func(k int) float64 { return me.Points - cur[k].Points }
			sort.SliceStable(order, func(a, b int) bool { return gap(order[a]) > gap(order[b]) })
			slot := 0
			for _, k := range order {
				for c := 0; c < cars && slot < len(table); c++ {
					cur[k].RoundPoints[rd.Number-1] += table[slot]
					if kind == Race {
						for len(cur[k].Places) <= slot {
							cur[k].Places = append(cur[k].Places, 0)
						}
						cur[k].Places[slot]++
					}
					if slot == 0 {
						if fl, _ := sys.FastestLapBonus(kind, rd); fl > 0 && (champ == DriversChampionship || sys.Teams.FastestLap) {
							cur[k].RoundPoints[rd.Number-1] += fl
						}
					}
					slot++
				}
				cur[k].Points = counted(drop, cur[k].RoundPoints) - penalty[k]
			}
		}
	}
	for k := range cur {
		if Compare(&cur[k], me) >= 0 {
			return false
		}
	}
	return true
}
