package points

import (
	"math"
	"slices"
	"sort"
)

// Standing is one line of a championship table.
type Standing struct {
	ID       string
	Position int     // 1-based; 0 for an excluded entry
	Points   float64 // counted points: what decides the championship
	Scored   float64 // every point scored, before dropped scores
	Wins     int
	// Places[i] counts the race finishes in position i+1: the countback.
	Places []int
	// RoundPoints[i] is what was scored at the round numbered i+1.
	RoundPoints []float64
	// Tied is set when the entry is level with the one above it on
	// points and on the whole countback.
	Tied     bool
	Excluded bool
	Reason   string // why it was excluded
}

// Dropped is the points that do not count under the dropped-scores rule.
func (s *Standing) Dropped() float64 { return s.Scored - s.Points }

// eps is the tolerance under which two point totals are equal.
const eps = 1e-6

// Compare orders two standings: negative when a is ahead of b, positive
// when b is ahead, 0 when they are level on points and on the whole
// countback (most wins, then most second places, and so on).
func Compare(a, b *Standing) int {
	if d := a.Points - b.Points; math.Abs(d) > eps {
		if d > 0 {
			return -1
		}
		return 1
	}
	n := max(len(a.Places), len(b.Places))
	for i := range n {
		x, y := at(a.Places, i), at(b.Places, i)
		if x != y {
			if x > y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func at(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

// Drivers returns the drivers' standings after round n, leader first.
func Drivers(s *Season, n int) []Standing {
	return tally(s, n, DriversChampionship)
}

// Teams returns the teams' standings after round n, leader first; nil when
// the system has no teams' championship.
func Teams(s *Season, n int) []Standing {
	if s.System == nil || !s.System.Teams.Enabled {
		return nil
	}
	return tally(s, n, TeamsChampionship)
}

type entry struct {
	st     Standing
	rounds map[int]float64
}

func tally(s *Season, n int, champ Championship) []Standing {
	sys := s.System
	lastRound := 0
	for _, r := range s.Rounds {
		lastRound = max(lastRound, r.Number)
	}
	entries := map[string]*entry{}
	get := func(id string) *entry {
		e := entries[id]
		if e == nil {
			e = &entry{st: Standing{ID: id}, rounds: map[int]float64{}}
			entries[id] = e
		}
		return e
	}
	add := func(id string, round int, p float64) {
		e := get(id)
		e.rounds[round] += p
		e.st.Scored += p
	}
	place := func(id string, pos int) {
		e := get(id)
		for len(e.st.Places) < pos {
			e.st.Places = append(e.st.Places, 0)
		}
		e.st.Places[pos-1]++
		if pos == 1 {
			e.st.Wins++
		}
	}
	for _, ss := range s.sessions(n) {
		rd := ss.round
		final := rd.Number == lastRound
		if champ == DriversChampionship {
			if !rd.Counts.drivers() {
				continue
			}
			scoreDrivers(sys, ss, final, add, place)
		} else {
			if !rd.Counts.teams() {
				continue
			}
			scoreTeams(sys, ss, final, add, place)
		}
	}
	drop := sys.Drop
	if champ == TeamsChampionship {
		drop = sys.Teams.Drop
	}
	out := make([]Standing, 0, len(entries))
	for _, e := range entries {
		e.st.RoundPoints = make([]float64, max(lastRound, n))
		for r, p := range e.rounds {
			if r >= 1 && r <= len(e.st.RoundPoints) {
				e.st.RoundPoints[r-1] = p
			}
		}
		e.st.Points = counted(drop, e.st.RoundPoints)
		out = append(out, e.st)
	}
	for _, pen := range s.Penalties {
		if pen.Championship != champ || pen.Round > n {
			continue
		}
		for i := range out {
			if out[i].ID == pen.ID {
				out[i].Points -= pen.Points
				out[i].Scored -= pen.Points
			}
		}
	}
	for _, x := range s.Exclusions {
		if x.Championship != champ {
			continue
		}
		for i := range out {
			if out[i].ID == x.ID {
				out[i].Excluded, out[i].Reason = true, x.Reason
				if !x.KeepPoints {
					out[i].Points, out[i].Scored = 0, 0
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Excluded != b.Excluded {
			return !a.Excluded
		}
		if c := Compare(a, b); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	})
	pos := 0
	for i := range out {
		if out[i].Excluded {
			continue
		}
		pos++
		out[i].Position = pos
		if i > 0 && !out[i-1].Excluded && Compare(&out[i-1], &out[i]) == 0 {
			out[i].Tied = true
		}
	}
	return out
}

// scoringPositions maps each classified result to the position it scores
// from: its own, less the entries of another class ahead of it.
func scoringPositions(ss session) map[*Result]int {
	var others []int
	for _, r := range ss.results {
		if r.Classified() && r.Counts == CountsOther {
			others = append(others, r.Position)
		}
	}
	pos := make(map[*Result]int, len(ss.results))
	for _, r := range ss.results {
		if !r.Classified() || r.Counts == CountsOther {
			continue
		}
		p := r.Position
		for _, o := range others {
			if o < r.Position {
				p--
			}
		}
		pos[r] = p
	}
	return pos
}

// scoreDrivers adds the drivers' points and countback places of one session.
func scoreDrivers(sys *System, ss session, final bool, add func(string, int, float64), place func(string, int)) {
	rd := ss.round
	scoring := scoringPositions(ss)
	// Shared drives: classified rows with the same position and car.
	type key struct {
		pos int
		car string
	}
	sharers := map[key]int{}
	for _, r := range ss.results {
		if r.Classified() {
			sharers[key{r.Position, r.Car}]++
		}
	}
	flHolders := 0
	for _, r := range ss.results {
		if r.FastestLap {
			flHolders++
		}
	}
	for _, r := range ss.results {
		if !r.Counts.drivers() {
			continue
		}
		p := 0.0
		if r.Classified() {
			pp := sys.positionPoints(ss.kind, rd, scoring[r], final)
			if k := sharers[key{r.Position, r.Car}]; k > 1 {
				if sys.SharedDrives {
					pp /= float64(k)
				} else {
					pp = 0
				}
			}
			p += pp
			if ss.kind == Race {
				place(r.Driver, r.Position)
			}
		}
		if fl := sys.fastestLapPoints(ss.kind, rd, r); fl > 0 {
			p += fl / float64(flHolders)
		}
		p += bonus(sys, r)
		add(r.Driver, rd.Number, p)
	}
}

func bonus(sys *System, r *Result) float64 {
	p := 0.0
	if r.Pole {
		p += sys.Pole
	}
	if r.LedLap {
		p += sys.LedLap
	}
	if r.MostLapsLed {
		p += sys.MostLapsLed
	}
	return p
}

// scoreTeams adds the teams' points and countback places of one session:
// each car scores its position once, however many drivers shared it.
func scoreTeams(sys *System, ss session, final bool, add func(string, int, float64), place func(string, int)) {
	rd := ss.round
	scoring := scoringPositions(ss)
	type car struct {
		team, car string
		pos       int
	}
	drivers := map[car]int{}
	for _, r := range ss.results {
		if r.Classified() {
			drivers[car{r.Team, r.Car, r.Position}]++
		}
	}
	seen := map[car]bool{}
	best := map[string]int{} // team -> best position, for BestCarOnly
	var cars []car
	flHolders := 0
	for _, r := range ss.results {
		if r.FastestLap {
			flHolders++
		}
	}
	for _, r := range ss.results {
		if !r.Counts.teams() || r.Team == "" || !r.Classified() && r.Counts == CountsOther {
			continue
		}
		add(r.Team, rd.Number, 0)
		p := 0.0
		if sys.Teams.FastestLap {
			if fl := sys.fastestLapPoints(ss.kind, rd, r); fl > 0 {
				p += fl / float64(flHolders)
			}
		}
		if sys.Teams.Pole && r.Pole {
			p += sys.Pole
		}
		if sys.Teams.LedLap {
			if r.LedLap {
				p += sys.LedLap
			}
			if r.MostLapsLed {
				p += sys.MostLapsLed
			}
		}
		if p != 0 {
			add(r.Team, rd.Number, p)
		}
		if !r.Classified() {
			continue
		}
		c := car{r.Team, r.Car, r.Position}
		if seen[c] {
			continue
		}
		seen[c] = true
		if drivers[c] > 1 && !sys.SharedDrives {
			continue // a shared car scores for nobody
		}
		c.pos = scoring[r]
		cars = append(cars, c)
		if b, ok := best[r.Team]; !ok || c.pos < b {
			best[r.Team] = c.pos
		}
	}
	slices.SortFunc(cars, func(a, b car) int { return a.pos - b.pos })
	for _, c := range cars {
		if ss.kind == Race {
			place(c.team, c.pos)
		}
		if sys.Teams.BestCarOnly && best[c.team] != c.pos {
			continue
		}
		add(c.team, rd.Number, sys.teamPositionPoints(ss.kind, rd, c.pos, final))
	}
}

// Counted applies the dropped-scores rule to the points scored at each round.
func (d Drop) Counted(rounds []float64) float64 { return counted(d, rounds) }

// counted applies a dropped-scores rule to the points of each round.
func counted(d Drop, rounds []float64) float64 {
	switch {
	case d.Split > 0:
		split := min(d.Split, len(rounds))
		return bestSum(rounds[:split], d.BestFirst) + bestSum(rounds[split:], d.BestSecond)
	case d.Best > 0:
		return bestSum(rounds, d.Best)
	}
	sum := 0.0
	for _, p := range rounds {
		sum += p
	}
	return sum
}

func bestSum(xs []float64, n int) float64 {
	s := slices.Clone(xs)
	slices.SortFunc(s, func(a, b float64) int {
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	sum := 0.0
	for i := 0; i < n && i < len(s); i++ {
		sum += s[i]
	}
	return sum
}
