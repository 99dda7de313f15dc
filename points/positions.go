package points

import (
	"fmt"
	"sort"
)

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
	slots, calc := remaining(s, n, champ), newCalc(s, champ)
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
		b := calc.best(*o, slots)
		if Compare(&b, me) < 0 {
			candidates = append(candidates, o)
		}
	}
	// Prefix bound: k rivals can all pass only if, their deficits sorted
	// from the largest, the j largest never exceed what the top j places of
	// every remaining session hand out (a tie counted as enough, which
	// keeps it a bound). The k smallest deficits minimise every such
	// prefix, so if they fail, every k rivals fail.
	needs := make([]float64, len(candidates))
	for i, c := range candidates {
		needs[i] = me.Points - c.Points
	}
	sort.Float64s(needs)
	cum := make([]float64, len(candidates)+1) // cum[j]: top j places, all sessions
	for j := 1; j <= len(candidates); j++ {
		cum[j] = available(slots, j, calc.cars)
	}
	k := len(candidates)
	for ; k > 0; k-- {
		ok := true
		prefix := 0.0
		for j := 1; j <= k; j++ {
			prefix += needs[k-j] // the j largest of the k smallest
			if prefix > cum[j]+1e-9 {
				ok = false
				break
			}
		}
		if ok {
			break
		}
	}
	hi = 1 + ahead + k
	// Constructive side: add the cheapest rivals first while an explicit
	// assignment of the remaining results lets all of them pass.
	sort.SliceStable(candidates, func(i, j int) bool { return candidates[i].Points > candidates[j].Points })
	var chosen []*Standing
	for _, c := range candidates {
		trial := append(append([]*Standing(nil), chosen...), c)
		if passAll(calc, slots, trial, me) {
			chosen = trial
		}
	}
	lo = 1 + ahead + len(chosen)
	// Search: between the two, settle each size k exactly where the
	// search finishes within its budget. Passing is monotone in the
	// deficits, so the k smallest are the ones to try.
	if lo < hi && champ == DriversChampionship {
		slots := append([]slot(nil), slots...)
		sort.SliceStable(slots, func(a, b int) bool { return slots[a].table[0]+slots[a].fl > slots[b].table[0]+slots[b].fl })
		for k := hi - 1 - ahead; k > len(chosen); k-- {
			// Strictly more points for every rival passes whatever the
			// countback: proof that k can pass.
			strict := make([]float64, k)
			for i := range strict {
				strict[i] = needs[i] + 1e-6
			}
			if found, _ := searchPass(strict, slots); found {
				return 1 + ahead + k, 1 + ahead + k
			}
			// Not even a tie for all: proof that k cannot.
			found, complete := searchPass(append([]float64(nil), needs[:k]...), slots)
			if found || !complete {
				return lo, 1 + ahead + k
			}
			hi = 1 + ahead + k - 1
		}
	}
	return lo, hi
}

// searchBudget bounds the nodes one search may visit.
const searchBudget = 5_000

// searchPass looks for results of the remaining sessions that give every
// rival at least its deficit (a tie counted as enough). found reports such
// results exist; complete that the search finished within its budget, so
// that found == false is a proof.
func searchPass(needs []float64, slots []slot) (found, complete bool) {
	// suffix[i][j]: what the top j places of sessions i.. hand out.
	k := len(needs)
	suffix := make([][]float64, len(slots)+1)
	suffix[len(slots)] = make([]float64, k+1)
	for i := len(slots) - 1; i >= 0; i-- {
		suffix[i] = make([]float64, k+1)
		top := 0.0
		for j := 1; j <= k; j++ {
			if j-1 < len(slots[i].table) {
				top += slots[i].table[j-1]
			}
			suffix[i][j] = suffix[i+1][j] + top + slots[i].fl
		}
	}
	nodes := 0
	seen := map[string]bool{}
	var dfs func(i int, needs []float64) bool
	dfs = func(i int, needs []float64) bool {
		nodes++
		if nodes > searchBudget {
			return false
		}
		// Who still needs points, largest first.
		var open []float64
		for _, x := range needs {
			if x > 1e-9 {
				open = append(open, x)
			}
		}
		if len(open) == 0 {
			return true
		}
		if i == len(slots) {
			return false
		}
		sort.Sort(sort.Reverse(sort.Float64Slice(open)))
		prefix := 0.0
		for j, x := range open {
			prefix += x
			if prefix > suffix[i][j+1]+1e-9 {
				return false
			}
		}
		key := fmt.Sprint(i, open)
		if seen[key] {
			return false
		}
		seen[key] = true
		// The rivals still short take the session's top places (a better
		// place only ever helps): place p goes to one of them, each at most
		// one place; rivals with equal needs are interchangeable.
		t := slots[i].table
		m := min(len(open), len(t))
		taken := make([]bool, len(open))
		next := append([]float64(nil), open...)
		var assign func(p int) bool
		assign = func(p int) bool {
			if p == m {
				return dfs(i+1, next)
			}
			gain := t[p]
			if p == 0 {
				gain += slots[i].fl
			}
			for r := range open {
				if taken[r] || r > 0 && open[r] == open[r-1] && !taken[r-1] {
					continue
				}
				taken[r] = true
				next[r] = open[r] - gain
				if assign(p + 1) {
					return true
				}
				next[r] = open[r]
				taken[r] = false
				if nodes > searchBudget {
					return false
				}
			}
			return false
		}
		return assign(0)
	}
	found = dfs(0, needs)
	return found, found || nodes <= searchBudget
}

// available is the most points the sessions hand out to k entries
// together, each taking up to cars places a session.
func available(slots []slot, k, cars int) float64 {
	total := 0.0
	for _, sl := range slots {
		for p := 0; p < k*cars && p < len(sl.table); p++ {
			total += sl.table[p]
		}
		total += sl.fl
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

// passAll looks for an assignment of the remaining results that puts every
// rival ahead of me (who scores nothing). It tries session orders (the
// calendar's, the most valuable first, and a few fixed pseudo-random
// ones); in each session the best places go to the rivals furthest from
// passing. It reports whether one of them succeeds.
func passAll(c *calc, slots []slot, rivals []*Standing, me *Standing) bool {
	orders := [][]int{identityOrder(len(slots)), byValue(slots)}
	x := uint64(0x9e3779b97f4a7c15)
	for range 6 {
		o := identityOrder(len(slots))
		for i := len(o) - 1; i > 0; i-- {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			j := int(x % uint64(i+1))
			o[i], o[j] = o[j], o[i]
		}
		orders = append(orders, o)
	}
	for _, o := range orders {
		if tryAssign(c, slots, o, rivals, me) {
			return true
		}
	}
	return false
}

func identityOrder(n int) []int {
	o := make([]int, n)
	for i := range o {
		o[i] = i
	}
	return o
}

func byValue(slots []slot) []int {
	o := identityOrder(len(slots))
	sort.SliceStable(o, func(a, b int) bool { return slots[o[a]].table[0] > slots[o[b]].table[0] })
	return o
}

func tryAssign(c *calc, slots []slot, order []int, rivals []*Standing, me *Standing) bool {
	cars := c.cars
	cur := make([]*hypothetical, len(rivals))
	for i, r := range rivals {
		cur[i] = newHypothetical(*r, c.rounds, c.drop)
	}
	gap := make([]float64, len(cur))
	idx := make([]int, len(cur))
	for _, si := range order {
		sl := slots[si]
		for k := range idx {
			idx[k] = k
			gap[k] = me.Points - cur[k].standing().Points
		}
		sort.SliceStable(idx, func(a, b int) bool { return gap[idx[a]] > gap[idx[b]] })
		place := 0
		for _, k := range idx {
			for c := 0; c < cars && place < len(sl.table); c++ {
				p := sl.table[place]
				if place == 0 {
					p += sl.fl
				}
				cur[k].add(sl.round, sl.kind, place, p)
				place++
			}
		}
	}
	for k := range cur {
		st := cur[k].standing()
		if Compare(&st, me) >= 0 {
			return false
		}
	}
	return true
}
