package points

// Upcoming is a session still to run: its round and kind, and whether the
// round is the season's last (for a final-round multiplier).
type Upcoming struct {
	Round *Round
	Kind  SessionKind
	Final bool
}

// Upcoming lists the sessions of the rounds after round n in the order they
// are run: each round's sprint, then its race.
func (s *Season) Upcoming(n int) []Upcoming {
	var out []Upcoming
	for i := range s.Rounds {
		rd := &s.Rounds[i]
		if rd.Number <= n {
			continue
		}
		final := s.IsFinal(rd)
		if rd.Sprint {
			out = append(out, Upcoming{rd, Sprint, final})
		}
		out = append(out, Upcoming{rd, Race, final})
	}
	return out
}

// slot is an upcoming session as the exact maths sees it: what its places
// are worth in one championship, and the fastest-lap bonus a winner earns.
type slot struct {
	round int
	kind  SessionKind
	table []float64
	fl    float64
	flTop int // the fastest-lap bonus only for a driver in this top N (0: any)
}

// remaining lists the sessions after round n that count for champ.
func remaining(s *Season, n int, champ Championship) []slot {
	sys := s.System
	var out []slot
	for _, u := range s.Upcoming(n) {
		if champ == DriversChampionship && !u.Round.Counts.drivers() || champ == TeamsChampionship && !u.Round.Counts.teams() {
			continue
		}
		sl := slot{round: u.Round.Number, kind: u.Kind, table: sys.Table(u.Kind, u.Round, u.Final)}
		if champ == TeamsChampionship {
			sl.table = sys.TeamTable(u.Kind, u.Round, u.Final)
		}
		if fl, top := sys.FastestLapBonus(u.Kind, u.Round); fl > 0 && (champ == DriversChampionship || sys.Teams.FastestLap) {
			sl.fl, sl.flTop = fl, top
		}
		out = append(out, sl)
	}
	return out
}

// carsOf is how many places an entry can take in one session: two for a
// team whose every car scores, one otherwise.
func carsOf(sys *System, champ Championship) int {
	if champ == TeamsChampionship && !sys.Teams.BestCarOnly {
		return 2
	}
	return 1
}

func dropOf(sys *System, champ Championship) Drop {
	if champ == TeamsChampionship {
		return sys.Teams.Drop
	}
	return sys.Drop
}

// standingsOf returns the championship's standings after round n.
func standingsOf(s *Season, n int, champ Championship) []Standing {
	if champ == TeamsChampionship {
		return Teams(s, n)
	}
	return Drivers(s, n)
}

// calc holds what the exact maths needs to know about a championship —
// its rules, the season's length — and scratch space, so that the searches
// that try thousands of outcomes do not allocate for each.
type calc struct {
	sys     *System
	champ   Championship
	rounds  int
	cars    int
	drop    Drop
	scratch hypothetical
}

func newCalc(s *Season, champ Championship) *calc {
	return &calc{sys: s.System, champ: champ, rounds: len(s.Rounds), cars: carsOf(s.System, champ), drop: dropOf(s.System, champ)}
}

// best is the entry's best case over slots: it wins every session. The
// result shares the calculator's scratch space: use it before the next call.
func (c *calc) best(st Standing, slots []slot) Standing {
	h := &c.scratch
	h.reset(st, c.rounds, c.drop)
	if st.Excluded {
		return h.Standing
	}
	for _, sl := range slots {
		h.addBest(sl, c.cars)
	}
	return h.standing()
}

// canWin reports whether standings[i] can still win over the sessions slots:
// its best case beats every other entry's standing.
func (c *calc) canWin(standings []Standing, i int, slots []slot) bool {
	if standings[i].Excluded {
		return false
	}
	best := c.best(standings[i], slots)
	for j := range standings {
		if j != i && !standings[j].Excluded && Compare(&best, &standings[j]) >= 0 {
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

// add scores p points at round (numbered from 1) and, in a race, the place
// (numbered from 0; negative for none) for the countback.
func (h *hypothetical) add(round int, kind SessionKind, place int, p float64) {
	h.RoundPoints[round-1] += p
	h.Scored += p
	if kind == Race && place >= 0 {
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

// addBest gives the entry the best result of a session: its top places
// (cars of them) and the fastest-lap bonus.
func (h *hypothetical) addBest(sl slot, cars int) {
	for c := 0; c < cars && c < len(sl.table); c++ {
		p := sl.table[c]
		if c == 0 {
			p += sl.fl
		}
		h.add(sl.round, sl.kind, c, p)
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
