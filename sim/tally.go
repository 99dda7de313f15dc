package sim

import (
	"math"

	"github.com/champ-dev/champ/points"
)

// board is one championship's per-season state and running tallies.
type board struct {
	cur      []points.Standing
	places   int
	rounds   int
	drop     points.Drop
	scale    float64
	hist     int // histogram bins per entry
	curPlace []int32
	curUnits []int64   // current points in units (fast path)
	penalty  []float64 // points deducted, which dropped scores leave alone
	// per season
	add      []int64 // units added
	added    []int32 // places added, entry × places
	roundAdd []int64 // entry × rounds, with dropped scores
	final    []float64
	rp       []float64 // scratch: one entry's round points
	order    []int
	buf      [maxNetwork]uint64 // scratch for rankKeys
	vec      bool               // rankKeys counts with the vector code
	rank     [vecMax]uint64     // its scratch
	// tallies
	titles []int64
	ties   []int64
	tied   int64
	pos    []int64 // entry × entries
	bins   []int64 // entry × hist
	sum    []int64
}

func newBoard(cur []points.Standing, places, rounds int, drop points.Drop, scale float64, maxAdd []int64) *board {
	n := len(cur)
	b := &board{cur: cur, places: places, rounds: rounds, drop: drop, scale: scale}
	for _, m := range maxAdd {
		b.hist = max(b.hist, int(m)+1)
	}
	b.hist = max(b.hist, 1)
	b.curPlace = make([]int32, n*places)
	b.curUnits = make([]int64, n)
	b.penalty = make([]float64, n)
	for e, st := range cur {
		b.curUnits[e] = int64(math.Round(st.Points * scale))
		b.penalty[e] = st.Scored - sum(st.RoundPoints)
		for i, c := range st.Places {
			if i < places {
				b.curPlace[e*places+i] = int32(c)
			}
		}
	}
	b.add = padded[int64](n)
	b.added = padded[int32](n * places)
	if !drop.None() {
		b.roundAdd = make([]int64, n*rounds)
	}
	b.final = padded[float64](n)
	b.order = padded[int](n)
	b.vec = useVec && n <= vecMax
	for i := range b.order {
		b.order[i] = i
	}
	b.titles = padded[int64](n)
	b.ties = padded[int64](n)
	b.pos = padded[int64](n * n)
	b.bins = padded[int64](n * b.hist)
	b.sum = padded[int64](n)
	return b
}

func (b *board) reset() {
	clear(b.add)
	clear(b.added)
	clear(b.roundAdd)
}

func (b *board) score(e, round int, units int64) {
	b.add[e] += units
	if b.roundAdd != nil {
		b.roundAdd[e*b.rounds+round] += units
	}
}

func (b *board) place(e, p int) {
	if p < b.places {
		b.added[e*b.places+p]++
	}
}

// finish ranks the season's final table and tallies it.
func (b *board) finish() {
	n := len(b.cur)
	for e := range n {
		if b.cur[e].Excluded {
			b.final[e] = math.Inf(-1) // excluded: never ranked above anyone
		} else if b.roundAdd == nil {
			b.final[e] = b.cur[e].Points + float64(b.add[e])/b.scale
		} else {
			rp := b.rp[:0]
			for r := range b.rounds {
				v := float64(b.roundAdd[e*b.rounds+r]) / b.scale
				if r < len(b.cur[e].RoundPoints) {
					v += b.cur[e].RoundPoints[r]
				}
				rp = append(rp, v)
			}
			b.final[e] = b.drop.Counted(rp) + b.penalty[e]
			b.rp = rp
		}
		b.order[e] = e
	}
	// Insertion sort: most seasons need few moves.
	for i := 1; i < n; i++ {
		e := b.order[i]
		j := i
		for ; j > 0 && b.ahead(e, b.order[j-1]); j-- {
			b.order[j] = b.order[j-1]
		}
		b.order[j] = e
	}
	top := b.order[0]
	if n > 1 && b.level(top, b.order[1]) {
		b.tied++
		for _, e := range b.order {
			if !b.level(top, e) {
				break
			}
			b.ties[e]++
		}
	} else {
		b.titles[top]++
	}
	for rank, e := range b.order {
		b.pos[e*n+rank]++
		delta := 0
		if !b.cur[e].Excluded {
			delta = int(math.Round((b.final[e] - b.cur[e].Points) * b.scale))
		}
		delta = min(max(delta, 0), b.hist-1)
		b.bins[e*b.hist+delta]++
		b.sum[e] += int64(delta)
	}
}

// cmp compares entries a and b on final points, then the countback.
func (b *board) cmp(x, y int) int {
	if fx, fy := b.final[x], b.final[y]; fx != fy && (math.IsInf(fx, -1) || math.IsInf(fy, -1) || math.Abs(fx-fy) > 1e-6) {
		d := fx - fy
		if d > 0 {
			return -1
		}
		return 1
	}
	xo, yo := x*b.places, y*b.places
	for i := range b.places {
		px := b.curPlace[xo+i] + b.added[xo+i]
		py := b.curPlace[yo+i] + b.added[yo+i]
		if px != py {
			if px > py {
				return -1
			}
			return 1
		}
	}
	return 0
}

func (b *board) ahead(x, y int) bool {
	if c := b.cmp(x, y); c != 0 {
		return c < 0
	}
	return false
}

func (b *board) level(x, y int) bool { return b.cmp(x, y) == 0 }

// add adds another board's tallies into b.
func (b *board) merge(o *board) {
	b.tied += o.tied
	addInto(b.titles, o.titles)
	addInto(b.ties, o.ties)
	addInto(b.pos, o.pos)
	addInto(b.bins, o.bins)
	addInto(b.sum, o.sum)
}

func addInto(dst, src []int64) {
	for i := range dst {
		dst[i] += src[i]
	}
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// tally is one worker: a sampler and the boards it fills.
type tally struct {
	c       *compiled
	sampler Sampler
	out     []int
	drivers *board
	teams   *board
	done    []bool
	gen     *Gen
	fast    *fastPlan // nil: the full path only
	kern    *kernel   // nil: the fast path goes through the sampler's Order
}

func (c *compiled) newTally(s Sampler) *tally {
	t := &tally{c: c, sampler: s, out: padded[int](len(c.field)), gen: NewGen(0, 0)}
	t.drivers = newBoard(c.drivers, c.places, c.rounds, c.drop, c.scale, c.maxAdd)
	if len(c.teams) > 0 {
		t.teams = newBoard(c.teams, c.places, c.rounds, c.teamDrop, c.scale, c.maxTeam)
		t.done = padded[bool](len(c.teams))
	}
	if c.fast {
		t.fast = planFast(c)
		if !c.entries {
			t.kern = planKernel(c, t.fast, s)
		}
	}
	return t
}

// runBlock simulates n seasons of block b. Its random stream depends on
// (seed, b) only.
func (t *tally) runBlock(seed uint64, b, n int) {
	g := t.gen
	g.Reset(seed, uint64(b))
	for range n {
		t.one(g)
	}
}

// one simulates one season into the tallies, on the fast path where it
// applies.
func (t *tally) one(g *Gen) {
	if t.fast == nil {
		t.season(g)
		return
	}
	saved := g.state
	if !t.fastSeason(g) {
		// Replay the same season on the full path.
		t.fast.replayed++
		g.state = saved
		t.season(g)
	}
}

func (t *tally) season(g *Gen) {
	c := t.c
	t.drivers.reset()
	if t.teams != nil {
		t.teams.reset()
	}
	t.sampler.Begin(g)
	for i := range c.sessions {
		ss := &c.sessions[i]
		k := t.sampler.Order(g, t.out)
		if ss.drivers {
			for p := 0; p < k; p++ {
				d := c.fieldDrv[t.out[p]]
				if p < len(ss.table) {
					t.drivers.score(d, ss.round, ss.table[p])
				}
				if ss.race {
					t.drivers.place(d, p)
				}
			}
		}
		teamOf := c.sessTm[i]
		if ss.flBonus > 0 && k > 0 {
			f := t.sampler.FastestLap(g)
			p := indexOf(t.out[:k], f)
			if ss.flTop == 0 || p < ss.flTop {
				if ss.drivers {
					t.drivers.score(c.fieldDrv[f], ss.round, ss.flBonus)
				}
				if ss.teams && ss.flTeam && teamOf[f] >= 0 && t.teams != nil {
					t.teams.score(teamOf[f], ss.round, ss.flBonus)
				}
			}
		}
		if ss.teams && t.teams != nil {
			clear(t.done)
			for p := 0; p < k; p++ {
				tm := teamOf[t.out[p]]
				if tm < 0 {
					continue
				}
				if ss.race {
					t.teams.place(tm, p)
				}
				if c.bestCar && t.done[tm] {
					continue
				}
				t.done[tm] = true
				if p < len(ss.teamTable) {
					t.teams.score(tm, ss.round, ss.teamTable[p])
				}
			}
		}
	}
	t.drivers.finish()
	if t.teams != nil {
		t.teams.finish()
	}
}

// totals are the merged tallies of every worker.
type totals struct {
	drivers, teams *board
}

func merge(c *compiled, ws []*tally) totals {
	var tot totals
	tot.drivers = newBoard(c.drivers, c.places, c.rounds, c.drop, c.scale, c.maxAdd)
	for _, w := range ws {
		tot.drivers.merge(w.drivers)
	}
	if len(c.teams) > 0 {
		tot.teams = newBoard(c.teams, c.places, c.rounds, c.teamDrop, c.scale, c.maxTeam)
		for _, w := range ws {
			tot.teams.merge(w.teams)
		}
	}
	return tot
}

// maxSE is the largest standard error of a title probability after n seasons.
func (t totals) maxSE(n int) float64 {
	worst := 0.0
	for _, b := range []*board{t.drivers, t.teams} {
		if b == nil {
			continue
		}
		for _, c := range b.titles {
			p := float64(c) / float64(n)
			worst = math.Max(worst, math.Sqrt(p*(1-p)/float64(n)))
		}
	}
	return worst
}

func indexOf(xs []int, x int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return len(xs)
}
