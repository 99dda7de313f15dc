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
	return NewPlan(s).Standings(0, n)
}

// Teams returns the teams' standings after round n, leader first; nil when
// the system has no teams' championship.
func Teams(s *Season, n int) []Standing {
	return Standings(s, TeamsChampionship, n)
}

// Standings returns the standings of the championship with the given id
// after round n, leader first; nil when the system has no such
// championship.
func Standings(s *Season, id string, n int) []Standing {
	p := NewPlan(s)
	c := p.Index(id)
	if c < 0 {
		return nil
	}
	return p.Standings(c, n)
}

type entry struct {
	st     Standing
	rounds map[int]float64
}

// Standings returns the standings of championship c (an index into the
// system's Championships) after round n, leader first.
func (p *Plan) Standings(c, n int) []Standing {
	s := p.Season
	champ := &p.System.Championships[c]
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
	for i := range p.Sessions {
		ps := &p.Sessions[i]
		if ps.Round.Number > n || !ps.Round.Completed || len(ps.Results) == 0 || !ps.Scores[c].Counts {
			continue
		}
		if champ.Of == HolderDriver {
			scoreDrivers(champ, ps, &ps.Scores[c], add, place)
		} else {
			scoreHolders(champ, ps, &ps.Scores[c], add, place)
		}
	}
	out := make([]Standing, 0, len(entries))
	for _, e := range entries {
		e.st.RoundPoints = make([]float64, max(lastRound, n))
		for r, p := range e.rounds {
			if r >= 1 && r <= len(e.st.RoundPoints) {
				e.st.RoundPoints[r-1] = p
			}
		}
		e.st.Points = counted(champ.Drop, e.st.RoundPoints)
		out = append(out, e.st)
	}
	for _, pen := range s.Penalties {
		if pen.Championship != champ.ID || pen.Round > n {
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
		if x.Championship != champ.ID || x.Round > n {
			continue // another championship's, or not yet decided after round n
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

// scoringPositions maps each classified result that may score in
// championship c to the position it scores from: its own, less the cars
// ahead of it that give way (another class, or not eligible in c; a
// crew's rows are one car).
func scoringPositions(c *Championship, results []*Result) map[*Result]int {
	others := map[int]bool{}
	for _, r := range results {
		if r.Classified() && (r.Counts == CountsOther || !c.IsEligible(r)) {
			others[r.Position] = true
		}
	}
	pos := make(map[*Result]int, len(results))
	for _, r := range results {
		if !r.Classified() || r.Counts == CountsOther || !c.IsEligible(r) {
			continue
		}
		p := r.Position
		for o := range others {
			if o < r.Position {
				p--
			}
		}
		pos[r] = p
	}
	return pos
}

// placePoints is what scoring position pos (from 1) is worth.
func (sc *Scoring) placePoints(pos int) float64 {
	if pos < 1 || pos > len(sc.Table) {
		return 0
	}
	return sc.Table[pos-1]
}

// holders counts the results of a session that carry each bonus flag,
// for the bonuses shared among their holders.
func holders(results []*Result) [QualifyingPoints]int {
	var n [QualifyingPoints]int
	for _, r := range results {
		for k := range QualifyingPoints {
			if flag(r, k) {
				n[k]++
			}
		}
	}
	return n
}

// bonusPoints is what result r's flags earn under a session's awards.
func (sc *Scoring) bonusPoints(r *Result, n [QualifyingPoints]int) float64 {
	p := 0.0
	for _, a := range sc.Awards {
		p += sc.award(r, a, n)
	}
	return p
}

// award is what result r earns from award a: its points if r carries the
// flag and meets the award's condition, shared among the flag's n
// holders where the award is shared.
func (sc *Scoring) award(r *Result, a Award, n [QualifyingPoints]int) float64 {
	if !flag(r, a.Kind) || a.Top > 0 && (!r.Classified() || r.Position > a.Top) {
		return 0
	}
	v := a.Points
	if a.Shared && n[a.Kind] > 1 {
		v /= float64(n[a.Kind])
	}
	return v
}

// scoreDrivers adds the drivers' points and countback places of one
// session: every driver of a car gets its points under the
// championship's Share rule, and his own bonuses.
func scoreDrivers(c *Championship, ps *PlanSession, sc *Scoring, add func(string, int, float64), place func(string, int)) {
	rd := ps.Round
	scoring := scoringPositions(c, ps.Results)
	// Crews and shared drives: classified rows with the same position and car.
	type key struct {
		pos int
		car string
	}
	sharers := map[key]int{}
	for _, r := range ps.Results {
		if r.Classified() {
			sharers[key{r.Position, r.Car}]++
		}
	}
	flags := holders(ps.Results)
	// Under ShareFull a car's bonuses reach its whole crew, whichever row
	// carries the flag.
	var crew map[string]*Result
	if c.Share == ShareFull {
		crew = map[string]*Result{}
		for _, r := range ps.Results {
			if r.Car == "" {
				continue
			}
			m := crew[r.Car]
			if m == nil {
				m = &Result{}
				crew[r.Car] = m
			}
			m.FastestLap, m.Pole = m.FastestLap || r.FastestLap, m.Pole || r.Pole
			m.LedLap, m.MostLapsLed = m.LedLap || r.LedLap, m.MostLapsLed || r.MostLapsLed
		}
		flags = carHolders(crew)
	}
	for _, r := range ps.Results {
		if !c.counts(r.Counts) || !c.IsEligible(r) {
			continue
		}
		p := 0.0
		if r.Classified() {
			pp := sc.placePoints(scoring[r])
			if k := sharers[key{r.Position, r.Car}]; k > 1 {
				switch c.Share {
				case ShareSplit:
					pp /= float64(k)
				case ShareNone:
					pp = 0
				}
			}
			p += pp
			if sc.Countback {
				place(r.Driver, r.Position)
			}
		}
		if m := crew[r.Car]; m != nil {
			b := *r
			b.FastestLap, b.Pole, b.LedLap, b.MostLapsLed = m.FastestLap, m.Pole, m.LedLap, m.MostLapsLed
			p += sc.bonusPoints(&b, flags)
		} else {
			p += sc.bonusPoints(r, flags)
		}
		add(r.Driver, rd.Number, p)
	}
}

// carHolders counts the cars that carry each bonus flag.
func carHolders(crew map[string]*Result) [QualifyingPoints]int {
	var n [QualifyingPoints]int
	for _, m := range crew {
		for k := range QualifyingPoints {
			if flag(m, k) {
				n[k]++
			}
		}
	}
	return n
}

// HolderOf is the entry of championship c that result r scores for: its
// driver, team, manufacturer or car number ("" when the result has none).
func HolderOf(c *Championship, r *Result) string { return holderOf(c, r) }

func holderOf(c *Championship, r *Result) string {
	switch c.Of {
	case HolderDriver:
		return r.Driver
	case HolderMake:
		return r.Make
	case HolderCar:
		return r.Car
	}
	return r.Team
}

// scoreHolders adds the points and countback places of one session for a
// championship of teams, manufacturers or cars: each car scores its
// position once, however many drivers shared it, and its bonuses once.
func scoreHolders(c *Championship, ps *PlanSession, sc *Scoring, add func(string, int, float64), place func(string, int)) {
	rd := ps.Round
	scoring := scoringPositions(c, ps.Results)
	type car struct {
		holder, car string
		pos         int
	}
	drivers := map[car]int{}
	for _, r := range ps.Results {
		if r.Classified() {
			drivers[car{holderOf(c, r), r.Car, r.Position}]++
		}
	}
	seen := map[car]bool{}
	type carBonus struct {
		car  string
		kind BonusKind
	}
	bonused := map[carBonus]bool{} // a car's bonus counts once, whoever of its crew is flagged
	var cars []car
	flags := holders(ps.Results)
	for _, r := range ps.Results {
		h := holderOf(c, r)
		if !c.counts(r.Counts) || h == "" || !r.Classified() && r.Counts == CountsOther || !c.IsEligible(r) {
			continue
		}
		add(h, rd.Number, 0)
		id := r.Car
		if id == "" {
			id = "driver " + r.Driver
		}
		for _, a := range sc.Awards {
			k := carBonus{id, a.Kind}
			if !flag(r, a.Kind) || bonused[k] {
				continue
			}
			bonused[k] = true
			if p := sc.award(r, a, flags); p != 0 {
				add(h, rd.Number, p)
			}
		}
		if !r.Classified() {
			continue
		}
		k := car{h, r.Car, r.Position}
		if seen[k] {
			continue
		}
		seen[k] = true
		if drivers[k] > 1 && c.Share == ShareNone {
			continue // a shared car scores for nobody
		}
		k.pos = scoring[r]
		cars = append(cars, k)
	}
	slices.SortFunc(cars, func(a, b car) int { return a.pos - b.pos })
	scored := map[string]int{}
	for _, k := range cars {
		if sc.Countback {
			place(k.holder, k.pos)
		}
		if sc.Best > 0 && scored[k.holder] >= sc.Best {
			continue
		}
		scored[k.holder]++
		add(k.holder, rd.Number, sc.placePoints(k.pos))
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
