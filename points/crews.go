package points

import (
	"slices"
	"sort"
	"strings"
)

// Crews in the exact maths. Where every driver of a car scores its points
// (ShareFull) a driver never races his crew-mates: whatever his car
// scores in a session, they score too. So when the exact maths gives a
// driver the best of the sessions left, his crew-mates of each session
// get the same, and a crew-mate level with him on everything is his
// co-champion rather than a rival who stops him winning. A crew-mate with
// the same standing and the same car in every session left is his twin:
// they end level whatever happens, and share any title.

// CrewAt returns the drivers of car at round n as known after round
// known: its results where the round has been run and known reaches it,
// else the season's crews list, else its latest race up to known.
func (s *Season) CrewAt(n int, car string, known int) []string {
	if n <= known {
		return s.CrewOf(n, car)
	}
	listed := map[string]bool{} // drivers the crews list puts in a car at round n
	for _, c := range s.Crews {
		if c.Round == n && c.Car == car {
			return c.Drivers
		}
		if c.Round == n {
			for _, d := range c.Drivers {
				listed[d] = true
			}
		}
	}
	// The latest race's crew, less those listed in another car.
	var out []string
	for _, d := range s.CrewOf(known, car) {
		if !listed[d] {
			out = append(out, d)
		}
	}
	return out
}

// RacedByCrews reports whether the season's drivers score their car's
// points in full and some car has a crew of several drivers, in its
// results up to round after or in the crews list of a later round: then
// the simulator races cars, not drivers.
func (s *Season) RacedByCrews(after int) bool {
	d := s.System.Championship(DriversChampionship)
	if d == nil || d.Share != ShareFull {
		return false
	}
	for _, c := range s.Crews {
		if len(c.Drivers) > 1 && c.Round > after {
			return true
		}
	}
	type key struct {
		round int
		kind  SessionKind
		car   string
	}
	seen := map[key]string{}
	for _, r := range s.Results {
		if r.Round > after || r.Car == "" {
			continue
		}
		k := key{r.Round, r.Session, r.Car}
		if first, ok := seen[k]; ok && first != r.Driver {
			return true
		}
		seen[k] = r.Driver
	}
	return false
}

// crews is what the exact maths knows of a season's crews after round
// n: each driver's car in each round left, and who shares a car with whom
// at some round.
type crews struct {
	car   map[int]map[string]string // round -> driver -> car
	group map[string]int            // driver -> his crew-mates' group
}

// mates reports whether a and b are crew-mates.
func (cr *crews) mates(a, b string) bool {
	g, ok := cr.group[a]
	return ok && a != b && g == cr.group[b]
}

// newCrews gathers the crews of a season raced by crews, nil otherwise.
func newCrews(s *Season, champ *Championship, n int) *crews {
	if champ.Of != HolderDriver || champ.Share != ShareFull {
		return nil
	}
	car, group := s.crewTable(n)
	for r := range car {
		if r <= n {
			delete(car, r)
		}
	}
	return &crews{car: car, group: group}
}

// CrewMates groups the drivers who share a car at some round of the
// season, run or still to run as known after round n (CrewAt), directly
// or through another driver: each driver's group number. Crew-mates level
// at the top are co-champions.
func (s *Season) CrewMates(n int) map[string]int {
	_, group := s.crewTable(n)
	return group
}

// crewTable returns each round's driver -> car (CrewAt, known after round
// n) and the crew-mates' groups, numbered in the order of the cars.
func (s *Season) crewTable(n int) (map[int]map[string]string, map[string]int) {
	cars := map[string]bool{}
	for _, r := range s.Results {
		if r.Round <= n && r.Car != "" {
			cars[r.Car] = true
		}
	}
	for _, c := range s.Crews {
		cars[c.Car] = true
	}
	sorted := make([]string, 0, len(cars))
	for car := range cars {
		sorted = append(sorted, car)
	}
	slices.Sort(sorted)
	parent := map[string]string{}
	var find func(string) string
	find = func(d string) string {
		if p, ok := parent[d]; ok && p != d {
			r := find(p)
			parent[d] = r
			return r
		}
		parent[d] = d
		return d
	}
	var order []string // drivers as first met, for stable numbers
	byRound := map[int]map[string]string{}
	for _, rd := range s.Rounds {
		byCar := map[string]string{}
		for _, car := range sorted {
			ds := s.CrewAt(rd.Number, car, n)
			for _, d := range ds {
				if _, seen := parent[d]; !seen {
					order = append(order, d)
				}
				byCar[d] = car
				parent[find(d)] = find(ds[0])
			}
		}
		byRound[rd.Number] = byCar
	}
	group, num := map[string]int{}, map[string]int{}
	for _, d := range order {
		r := find(d)
		if _, ok := num[r]; !ok {
			num[r] = len(num)
		}
		group[d] = num[r]
	}
	return byRound, group
}

// along reports whether driver b shares driver a's car in the session
// slot sl.
func (cr *crews) along(sl *slot, a, b string) bool {
	m := cr.car[sl.round]
	car, ok := m[a]
	return ok && car != "" && m[b] == car
}

// twins reports whether a and b end level whatever happens: the same
// standing, and the same car in every session left.
func (cr *crews) twins(a, b *Standing, slots []slot) bool {
	if Compare(a, b) != 0 || a.Excluded || b.Excluded {
		return false
	}
	for i := range slots {
		if !cr.along(&slots[i], a.ID, b.ID) {
			return false
		}
	}
	return len(slots) > 0 || cr.mates(a.ID, b.ID)
}

// alongside returns b's standing when a takes the best of slots: b gets
// the same in the sessions where he shares a's car. It reports whether
// there is any; the standing shares the calculator's second scratch.
func (c *calc) alongside(a string, b Standing, slots []slot) (Standing, bool) {
	h := &c.scratch2
	h.reset(b, c.rounds, c.drop)
	any := false
	for i := range slots {
		if c.crews.along(&slots[i], a, b.ID) {
			h.addBest(&slots[i], 1)
			any = true
		}
	}
	if !any {
		return b, false
	}
	return h.standing(), true
}

// units groups candidates that share a car in every session left (one
// result lifts them all); a candidate in no car somewhere is on his own.
func (cr *crews) units(slots []slot, candidates []*Standing) [][]*Standing {
	at := map[string]int{}
	var out [][]*Standing
	for _, c := range candidates {
		var sig []string
		for k := range slots {
			sig = append(sig, cr.car[slots[k].round][c.ID])
		}
		key := strings.Join(sig, "\x00")
		if slices.Contains(sig, "") {
			key = "driver " + c.ID
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], c)
	}
	return out
}

// passBound is an upper bound on how many of the candidates can pass me
// in a season of crews: a unit passes with its smallest deficit (a bound:
// the others may need more) and counts its size. k units can pass only if
// their deficits, sorted, fit what the top places of the sessions hand
// out (as for single cars); then at most the k largest units pass.
func (cr *crews) passBound(slots []slot, candidates []*Standing, me *Standing) int {
	us := cr.units(slots, candidates)
	needs, sizes := make([]float64, 0, len(us)), make([]int, 0, len(us))
	for _, u := range us {
		need := me.Points - u[0].Points
		for _, c := range u {
			need = min(need, me.Points-c.Points)
		}
		needs, sizes = append(needs, need), append(sizes, len(u))
	}
	sort.Float64s(needs)
	sort.Sort(sort.Reverse(sort.IntSlice(sizes)))
	k := len(needs)
	for ; k > 0; k-- {
		ok, prefix := true, 0.0
		for j := 1; j <= k; j++ {
			prefix += needs[k-j]
			if prefix > available(slots, j, 1)+1e-9 {
				ok = false
				break
			}
		}
		if ok {
			break
		}
	}
	n := 0
	for _, s := range sizes[:k] {
		n += s
	}
	return n
}

// passCrews is a lower bound on how many of the candidates can pass me
// together: units added cheapest first while an explicit assignment of
// the results left lets each unit's furthest-behind member pass (the
// unit's others, on the same car's points, pass with him).
func (c *calc) passCrews(slots []slot, candidates []*Standing, me *Standing) int {
	// Only units in a car in every session left: the construction gives
	// them a place in each.
	var us [][]*Standing
	for _, u := range c.crews.units(slots, candidates) {
		inCar := true
		for k := range slots {
			inCar = inCar && c.crews.car[slots[k].round][u[0].ID] != ""
		}
		if inCar {
			us = append(us, u)
		}
	}
	reps := make([]*Standing, len(us))
	for i, u := range us {
		reps[i] = u[0]
		for _, x := range u {
			if Compare(x, reps[i]) > 0 {
				reps[i] = x // behind: the one who needs most
			}
		}
	}
	order := make([]int, len(us))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return reps[order[a]].Points > reps[order[b]].Points })
	var chosen []*Standing
	n := 0
	for _, i := range order {
		trial := append(slices.Clone(chosen), reps[i])
		if passAll(c, slots, trial, me) {
			chosen, n = trial, n+len(us[i])
		}
	}
	return n
}

// RaceCars lists the cars of a season raced by crews (RacedByCrews): those
// of its latest race completed by round after; nil for a season raced by
// drivers.
func (s *Season) RaceCars(after int) []string {
	if !s.RacedByCrews(after) {
		return nil
	}
	last := 0
	for _, r := range s.Results {
		if r.Round <= after && r.Session == Race && r.Car != "" && r.Counts != CountsOther {
			last = max(last, r.Round)
		}
	}
	var cars []string
	for _, r := range s.Results {
		if r.Round == last && r.Session == Race && r.Car != "" && r.Counts != CountsOther && !slices.Contains(cars, r.Car) {
			cars = append(cars, r.Car)
		}
	}
	return cars
}
