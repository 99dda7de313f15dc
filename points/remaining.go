package points

// Upcoming is a session still to run: its round and kind, and whether the
// round is the season's last (for a final-round multiplier).
type Upcoming struct {
	Round *Round
	Kind  SessionKind
	Final bool
}

// Upcoming lists the sessions of the rounds after round n in the order they
// are run: each round's qualifying (where it scores), sprint, then race.
func (s *Season) Upcoming(n int) []Upcoming {
	var out []Upcoming
	for _, ps := range NewPlan(s).Remaining(n) {
		out = append(out, Upcoming{ps.Round, ps.Kind, ps.Final})
	}
	return out
}

// slot is an upcoming session as the exact maths sees it: what its places
// and bonuses are worth in one championship.
type slot struct {
	round     int
	table     []float64
	awards    []Award
	countback bool
	best      int // the best-N rule (0: every car)
}

// single is the total of the slot's bonuses one car at most takes (pole,
// most laps led, fastest lap); every car can lead a lap.
func (sl *slot) single() float64 {
	t := 0.0
	for _, a := range sl.awards {
		if a.Kind.Single() {
			t += a.Points
		}
	}
	return t
}

// each is the bonus every car of the session can earn: leading a lap.
func (sl *slot) each() float64 {
	t := 0.0
	for _, a := range sl.awards {
		if !a.Kind.Single() {
			t += a.Points
		}
	}
	return t
}

// winner is what the slot's winner takes at most: the first place and
// every bonus.
func (sl *slot) winner() float64 {
	w := sl.single() + sl.each()
	if len(sl.table) > 0 {
		w += sl.table[0]
	}
	return w
}

// calc holds what the exact maths needs to know about a championship —
// its rules, the season's length, how many cars each entry runs — and
// scratch space, so that the searches that try thousands of outcomes do
// not allocate for each.
type calc struct {
	plan    *Plan
	champ   *Championship
	index   int
	rounds  int
	drop    Drop
	slots   []slot
	cars    map[string]int // entries with more than one car a session
	crews   *crews         // a drivers' championship of crews; nil otherwise
	scratch hypothetical
	// scratch2 is a crew-mate's standing alongside scratch's.
	scratch2 hypothetical
}

// newCalc prepares the exact maths of championship id after round n; nil
// when the system has no such championship.
func newCalc(s *Season, n int, id string) *calc {
	p := NewPlan(s)
	i := p.Index(id)
	if i < 0 {
		return nil
	}
	c := &calc{plan: p, champ: &p.System.Championships[i], index: i, rounds: len(s.Rounds), cars: map[string]int{}}
	c.drop = c.champ.Drop
	c.crews = newCrews(s, c.champ, n)
	for _, ps := range p.Remaining(n) {
		sc := &ps.Scores[i]
		if !sc.Counts {
			continue
		}
		c.slots = append(c.slots, slot{round: ps.Round.Number, table: sc.Table, awards: sc.Awards, countback: sc.Countback, best: sc.Best})
	}
	if c.champ.Of != HolderDriver {
		// An entry can take as many places as the most cars it ran in a
		// session so far.
		for _, ps := range p.Sessions {
			if ps.Round.Number > n {
				break
			}
			per := map[string]map[string]bool{}
			for _, r := range ps.Results {
				if h := holderOf(c.champ, r); h != "" && c.champ.counts(r.Counts) {
					if per[h] == nil {
						per[h] = map[string]bool{}
					}
					per[h][r.Car+"\x00"+carless(r)] = true
				}
			}
			for h, cars := range per {
				c.cars[h] = max(c.cars[h], len(cars))
			}
		}
	}
	return c
}

// carless names a result's car by its driver where it has no number.
func carless(r *Result) string {
	if r.Car == "" {
		return r.Driver
	}
	return ""
}

// carsOf is how many places entry id can take in a session: its cars,
// at least one.
func (c *calc) carsOf(id string) int {
	return max(c.cars[id], 1)
}

// scoringCars is how many of an entry's cars score in a slot.
func (sl *slot) scoringCars(cars int) int {
	if sl.best > 0 {
		return min(cars, sl.best)
	}
	return cars
}

// best is the entry's best case over the remaining slots: it wins every
// session. The result shares the calculator's scratch space: use it
// before the next call.
func (c *calc) best(st Standing) Standing {
	return c.bestOver(st, c.slots)
}

func (c *calc) bestOver(st Standing, slots []slot) Standing {
	h := &c.scratch
	h.reset(st, c.rounds, c.drop)
	if st.Excluded {
		return h.Standing
	}
	cars := c.carsOf(st.ID)
	for i := range slots {
		if c.crews != nil && c.crews.car[slots[i].round][st.ID] == "" {
			continue // in no car's crew at that round
		}
		h.addBest(&slots[i], cars)
	}
	return h.standing()
}

// canWin reports whether standings[i] can still win over the sessions
// slots: its best case beats every other entry's standing.
func (c *calc) canWin(standings []Standing, i int, slots []slot) bool {
	if standings[i].Excluded {
		return false
	}
	best := c.bestOver(standings[i], slots)
	for j := range standings {
		if j == i || standings[j].Excluded {
			continue
		}
		if c.crews != nil {
			// A crew-mate scores alongside; level with him on everything,
			// he is a co-champion.
			if adj, ok := c.alongside(standings[i].ID, standings[j], slots); ok || c.crews.mates(standings[i].ID, standings[j].ID) {
				if Compare(&best, &adj) > 0 {
					return false
				}
				continue
			}
		}
		if Compare(&best, &standings[j]) >= 0 {
			return false
		}
	}
	return true
}

// hypothetical is a standing with results added to it, counted the way the
// standings count them: dropped scores apply, deductions stay deducted. It
// owns its Places and RoundPoints.
type hypothetical struct {
	Standing
	penalty float64
	drop    Drop
}

func newHypothetical(st Standing, rounds int, drop Drop) *hypothetical {
	h := &hypothetical{}
	h.reset(st, rounds, drop)
	return h
}

// reset starts again from st, reusing the hypothetical's own slices.
func (h *hypothetical) reset(st Standing, rounds int, drop Drop) {
	places, rp := h.Places[:0], h.RoundPoints[:0]
	h.Standing, h.penalty, h.drop = st, sum(st.RoundPoints)-st.Scored, drop
	h.Places = append(places, st.Places...)
	h.RoundPoints = append(rp, st.RoundPoints...)
	for len(h.RoundPoints) < rounds {
		h.RoundPoints = append(h.RoundPoints, 0)
	}
}

// add scores p points at round (numbered from 1) and, where the session
// counts in the countback, the place (numbered from 0; negative for
// none).
func (h *hypothetical) add(round int, countback bool, place int, p float64) {
	h.RoundPoints[round-1] += p
	h.Scored += p
	if countback && place >= 0 {
		for len(h.Places) <= place {
			h.Places = append(h.Places, 0)
		}
		h.Places[place]++
		if place == 0 {
			h.Wins++
		}
	}
}

// standing returns the standing with the results added, counted.
func (h *hypothetical) standing() Standing {
	h.Points = h.drop.Counted(h.RoundPoints) - h.penalty
	return h.Standing
}

// addBest gives the entry the best result of a session: its top places,
// one for each of its cars (points for as many as score; the others'
// places count in the countback all the same, as the standings count
// them), every bonus one car can take, and a led lap for each of its cars.
func (h *hypothetical) addBest(sl *slot, cars int) {
	if len(sl.table) == 0 {
		h.add(sl.round, false, -1, sl.single())
	} else {
		n := min(sl.scoringCars(cars), len(sl.table))
		for c := range cars {
			p := 0.0
			if c < n {
				p = sl.table[c]
			}
			if c == 0 {
				p += sl.single()
			}
			h.add(sl.round, sl.countback, c, p)
		}
	}
	if e := sl.each(); e > 0 {
		h.add(sl.round, false, -1, e*float64(cars))
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
