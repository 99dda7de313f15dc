package points

import (
	"fmt"
	"sort"
)

// BestPosition is the best final position the entry can still reach after
// round n: it wins everything (BestCase) and every other entry scores
// nothing more. Standings are everyone's after round n.
func BestPosition(s *Season, n int, standings []Standing, id string, champ string) int {
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
// The rivals who would pass must share the remaining places and bonuses
// (two cannot both win a race, one takes the pole), so the exact answer
// needs a search: lo is reached by an explicit assignment of results, hi
// counts every rival whose own best case passes. When lo == hi the answer
// is exact.
func WorstPosition(s *Season, n int, standings []Standing, id string, champ string) (lo, hi int) {
	me := find(standings, id)
	calc := newCalc(s, n, champ)
	if me == nil || me.Excluded || calc == nil {
		return 0, 0
	}
	slots := calc.slots
	var ahead int
	var candidates []*Standing
	most := 1 // the most cars a rival runs
	for i := range standings {
		o := &standings[i]
		if o.ID == id || o.Excluded {
			continue
		}
		if Compare(o, me) < 0 {
			ahead++ // already ahead: stays ahead
			continue
		}
		b := calc.best(*o)
		if calc.crews != nil {
			// A crew-mate gains on me only where he is not in my car (I
			// score nothing, and so does my car).
			var apart []slot
			for k := range slots {
				if !calc.crews.along(&slots[k], id, o.ID) {
					apart = append(apart, slots[k])
				}
			}
			b = calc.bestOver(*o, apart)
		}
		if Compare(&b, me) < 0 {
			candidates = append(candidates, o)
			most = max(most, calc.carsOf(o.ID))
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
	cum := make([]float64, len(candidates)+1) // cum[j]: top j entries' share of all sessions
	for j := 1; j <= len(candidates); j++ {
		cum[j] = available(slots, j, most)
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
	if calc.crews != nil {
		hi = 1 + ahead + calc.crews.passBound(slots, candidates, me)
	}
	// Constructive side: add the cheapest rivals first while an explicit
	// assignment of the remaining results lets all of them pass.
	sort.SliceStable(candidates, func(i, j int) bool { return candidates[i].Points > candidates[j].Points })
	var chosen []*Standing
	// The constructive side's budget, shared out over the field so that
	// the whole table's cost stays bounded: a trial of t rivals costs t
	// rivals' results over every session and round, in each of passAll's
	// orders.
	work, budget := 0, max(constructBudget/max(len(standings), 1), minConstruct)
	for _, c := range candidates {
		if work += (len(chosen) + 1) * (len(slots) + calc.rounds) * 8; work > budget {
			break // a field of hundreds: the bounds stand as found
		}
		trial := append(append([]*Standing(nil), chosen...), c)
		if passAll(calc, slots, trial, me) {
			chosen = trial
		}
	}
	lo = 1 + ahead + len(chosen)
	if calc.crews != nil {
		// The constructions above give every rival a place in every
		// session, which a driver out of a car cannot take: only the
		// crews' own construction is a lower bound.
		lo = 1 + ahead + calc.passCrews(slots, candidates, me)
		return min(lo, hi), hi
	}
	// Search: between the two, settle each size k exactly where the
	// search finishes within its budget. Passing is monotone in the
	// deficits, so the k smallest are the ones to try. It takes one car
	// per rival.
	if lo < hi && most == 1 && calc.crews == nil {
		slots := append([]slot(nil), slots...)
		sort.SliceStable(slots, func(a, b int) bool { return slots[a].winner() > slots[b].winner() })
		for k := hi - 1 - ahead; k > len(chosen) && k <= maxSearchRivals; k-- {
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

// constructBudget bounds the constructive side of WorstPosition for a
// whole table (each entry's share is the budget over the field, at least
// minConstruct), in rivals' results tried, and maxSearchRivals the rivals
// a search takes on: together they keep the exact maths of a field of
// hundreds within seconds (the worst position then reported as
// undetermined, with its bounds) and leave every real field's answer as it
// was.
const (
	constructBudget = 20_000_000
	minConstruct    = 50_000
	maxSearchRivals = 64
)

// searchPass looks for results of the remaining sessions that give every
// rival at least its deficit (a tie counted as enough), each rival one
// car. found reports such results exist; complete that the search
// finished within its budget, so that found == false is a proof.
//
// In a session the rivals still short take its top places (a better place
// only ever helps), each at most one; each bonus one car takes goes to one
// of them, within its top-N rule; and every one of them leads a lap.
func searchPass(needs []float64, slots []slot) (found, complete bool) {
	// suffix[i][j]: what j rivals can take from sessions i.. at most.
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
			suffix[i][j] = suffix[i+1][j] + top + slots[i].single() + slots[i].each()*float64(j)
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
		sl := &slots[i]
		t := sl.table
		m := min(len(open), len(t))
		place := make([]int, len(open)) // place taken (from 0), -1 for none
		next := append([]float64(nil), open...)
		each := sl.each()
		for r := range next {
			place[r] = -1
			next[r] -= each
		}
		var singles []Award
		for _, a := range sl.awards {
			if a.Kind.Single() {
				singles = append(singles, a)
			}
		}
		// Bonuses one car takes: each to one of the rivals (or to no one),
		// within its top-N rule.
		var bonus func(b int) bool
		bonus = func(b int) bool {
			if b == len(singles) {
				return dfs(i+1, next)
			}
			a := singles[b]
			for r := range open {
				if a.Top > 0 && (place[r] < 0 || place[r] >= a.Top) {
					continue
				}
				next[r] -= a.Points
				if bonus(b + 1) {
					return true
				}
				next[r] += a.Points
				if nodes > searchBudget {
					return false
				}
			}
			return bonus(b + 1) // to someone else
		}
		// Place p goes to one of them; rivals with equal needs are
		// interchangeable.
		var assign func(p int) bool
		assign = func(p int) bool {
			if p == m {
				return bonus(0)
			}
			for r := range open {
				if place[r] >= 0 || r > 0 && open[r] == open[r-1] && place[r-1] < 0 {
					continue
				}
				place[r] = p
				next[r] -= t[p]
				if assign(p + 1) {
					return true
				}
				next[r] += t[p]
				place[r] = -1
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
	for i := range slots {
		sl := &slots[i]
		for p := 0; p < k*cars && p < len(sl.table); p++ {
			total += sl.table[p]
		}
		total += sl.single() + sl.each()*float64(k*cars)
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
	sort.SliceStable(o, func(a, b int) bool { return first(slots[o[a]].table) > first(slots[o[b]].table) })
	return o
}

func first(t []float64) float64 {
	if len(t) == 0 {
		return 0
	}
	return t[0]
}

// tryAssign gives, session by session in the given order, the best
// places to the rivals furthest from passing me, each as many places as
// it has cars (its best-placed ones where the rules count those); the
// bonuses one car takes go with first place (a fastest lap within its
// top-N rule always can), and every car leads a lap.
func tryAssign(c *calc, slots []slot, order []int, rivals []*Standing, me *Standing) bool {
	cur := make([]*hypothetical, len(rivals))
	for i, r := range rivals {
		cur[i] = newHypothetical(*r, c.rounds, c.drop)
	}
	gap := make([]float64, len(cur))
	idx := make([]int, len(cur))
	for _, si := range order {
		sl := &slots[si]
		for k := range idx {
			idx[k] = k
			gap[k] = me.Points - cur[k].standing().Points
		}
		sort.SliceStable(idx, func(a, b int) bool { return gap[idx[a]] > gap[idx[b]] })
		place := 0
		for _, k := range idx {
			cars := c.carsOf(rivals[k].ID)
			// Its cars that do not score finish behind the points.
			for car := 0; car < sl.scoringCars(cars) && place < len(sl.table); car++ {
				p := sl.table[place]
				if place == 0 {
					p += sl.single()
				}
				cur[k].add(sl.round, sl.countback, place, p)
				place++
			}
			if e := sl.each(); e > 0 {
				cur[k].add(sl.round, false, -1, e*float64(cars))
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
