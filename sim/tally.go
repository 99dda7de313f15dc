package sim

import (
	"github.com/champ-dev/champ/sim/internal/race"
	"math"
	"slices"

	"github.com/champ-dev/champ/points"
)

// board is one championship's per-season state and running tallies.
type board struct {
	cur      []points.Standing
	places   int
	rounds   int
	drop     points.Drop
	scale    float64
	hist     int  // histogram bins per entry
	wshift   uint // a bin spans 1<<wshift units of points
	curPlace []int32
	curUnits []int64   // current points in units (fast path)
	penalty  []float64 // points deducted, which dropped scores leave alone
	// per season
	add      []int64 // units added
	added    []int32 // places added, entry × places
	roundAdd []int64 // entry × rounds, with dropped scores
	final    []float64
	cb       []uint64 // the countback's first eight places as a key, for cmp
	onGrid   bool     // every current total is a whole number of units
	// car mode: entries that score alike in every season (crew-mates
	// with the same cars left) share a same group, and so their order is
	// their order now; those level now too share a level group (-1: none)
	same, levelGroup []int
	// logPlaces: place records entry and place in log instead of counting
	// (car mode's segments, folded into their drivers)
	logPlaces bool
	log       [][2]int32
	// fast path, car mode: the season's places past the keys' (entry,
	// place), keyPlaces the keys hold, and settle's scratch
	over      [][2]int32
	keyPlaces int
	canSettle bool
	// the kernel's tails of the places past the keys, by entry (nil:
	// none), and whether they hold every place (kernel.tail)
	tail     []uint64
	tailFull bool
	tailRuns int64   // runs of level keys settleTails settled
	segsOf   [][]int // car mode's drivers' board: each entry's segments (its log is by segment)
	cnt      []int32
	runIDs   []int
	runOrder []int
	rp       []float64 // scratch: one entry's round points
	order    []int
	twin     []int                // car mode: each entry's crew-mates' group (nil: no co-champions)
	buf      [race.RankMax]uint64 // scratch for rankKeys
	vec      bool                 // rankKeys counts with the vector code
	long     bool                 // with RankLong: more than VecMax entries
	rank     [race.RankMax]uint64 // its scratch
	padded   [race.RankMax]uint64 // and RankLong's keys
	// tallies
	titles []int64
	ties   []int64
	tied   int64
	pos    []int64 // entry × entries
	bins   []int64 // entry × hist
	champ  []int64 // entry × hist: the bins of the seasons the entry won (nil: not tallied)
	sum    []int64
}

// maxBins bounds the histogram of final points, so that its memory does
// not grow with the points at stake: beyond it a bin spans several units.
const maxBins = 1 << 13

// binShift sizes the histogram bins of every board: a bin spans
// 1<<binShift units of points, 1 unless some entry could add maxBins units
// or more (a shift, not a division, in the hot loop).
func (c *compiled) binShift() uint {
	var most int64
	for k := range c.champs {
		for _, m := range c.champs[k].maxAdd {
			most = max(most, m)
		}
	}
	var shift uint
	for most>>shift >= maxBins {
		shift++
	}
	return shift
}

func newBoard(cur []points.Standing, places, rounds int, drop points.Drop, scale float64, maxAdd []int64, shift uint) *board {
	n := len(cur)
	b := &board{cur: cur, places: places, rounds: rounds, drop: drop, scale: scale, wshift: shift}
	for _, m := range maxAdd {
		b.hist = max(b.hist, int(m>>shift)+1)
	}
	b.hist = max(b.hist, 1)
	b.curPlace = make([]int32, n*places)
	b.curUnits = make([]int64, n)
	b.penalty = make([]float64, n)
	b.onGrid = true
	for e, st := range cur {
		b.curUnits[e] = int64(math.Round(st.Points * scale))
		if math.Abs(st.Points*scale-float64(b.curUnits[e])) > 1e-9 {
			b.onGrid = false // 12.5 points on a grid of whole points: the floats decide
		}
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
	b.cb = padded[uint64](n)
	b.order = padded[int](n)
	b.vec = race.UseVec && n <= race.RankMax
	b.long = n > race.VecMax
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
	b.log = b.log[:0]
}

func (b *board) score(e, round int, units int64) {
	b.add[e] += units
	if b.roundAdd != nil {
		b.roundAdd[e*b.rounds+round] += units
	}
}

func (b *board) place(e, p int) {
	if b.logPlaces {
		b.log = append(b.log, [2]int32{int32(e), int32(p)})
		return
	}
	if p < b.places {
		b.added[e*b.places+p]++
	}
}

// finish ranks the season's final table and tallies it.
func (b *board) finish() {
	n := len(b.cur)
	if n == 0 {
		return // a championship nobody has scored in (no eligible car)
	}
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
		// The countback of the first eight places as one key, eight bits
		// a place (saturating: equal keys fall back to the whole count).
		var k uint64
		o := e * b.places
		for i := range min(8, b.places) {
			k |= uint64(min(b.curPlace[o+i]+b.added[o+i], 255)) << (56 - 8*i)
		}
		b.cb[e] = k
	}
	if !b.rankFinal() {
		// Insertion sort: most seasons need few moves.
		for i := 1; i < n; i++ {
			e := b.order[i]
			j := i
			for ; j > 0 && b.ahead(e, b.order[j-1]); j-- {
				b.order[j] = b.order[j-1]
			}
			b.order[j] = e
		}
	}
	top, champion := b.order[0], 0
	if n > 1 && b.level(top, b.order[1]) && b.coChampions(top) {
		for _, e := range b.order {
			if !b.level(top, e) {
				break
			}
			b.titles[e]++
		}
	} else if n > 1 && b.level(top, b.order[1]) {
		b.tied++
		champion = -1 // nobody's title: no champion's points to tally
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
		b.gain(rank == champion, e, delta)
	}
}

// gain tallies the units entry e added in a season, which it won if
// champion.
func (b *board) gain(champion bool, e, delta int) {
	delta = max(delta, 0)
	bin := e*b.hist + min(delta>>b.wshift, b.hist-1)
	b.bins[bin]++
	if champion && b.champ != nil {
		b.champ[bin]++
	}
	b.sum[e] += int64(delta)
}

// rankFinal orders the entries as the insertion sort by cmp does, by
// packed keys where it can (no dropped scores, no exclusion, points in
// range, the vector ranking): final units, then the first four places of
// the countback, then the entry (lower first), ranked by counting; runs
// level on units and those four places are then put in order by the
// whole countback. It reports false where it cannot.
func (b *board) rankFinal() bool {
	n := len(b.cur)
	if b.roundAdd != nil || !b.vec || n > race.RankMax || n > 255 {
		return false
	}
	keys := &b.padded
	for e := range n {
		if b.cur[e].Excluded {
			return false
		}
		u := b.curUnits[e] + b.add[e] + 1<<23
		if u < 0 || u >= 1<<24 || !b.onGrid {
			return false
		}
		keys[e] = uint64(u)<<40 | b.cb[e]>>32<<8 | uint64(255-e)
	}
	race.RankLong(keys, n, &b.rank)
	for e := range n {
		b.order[b.rank[e]] = e
	}
	// Level on the key's points and places: the whole countback, the
	// entry order kept among the level.
	for i := 1; i < n; i++ {
		if keys[b.order[i-1]]>>8 != keys[b.order[i]]>>8 {
			continue
		}
		e := b.order[i]
		j := i
		for ; j > 0 && keys[b.order[j-1]]>>8 == keys[e]>>8 && !b.identical(e, b.order[j-1]) && b.ahead(e, b.order[j-1]); j-- {
			b.order[j] = b.order[j-1]
		}
		b.order[j] = e
	}
	return true
}

// identical reports whether entries x and y score alike in every
// season (crew-mates with the same cars left): their order is the
// table's now, the entry order.
func (b *board) identical(x, y int) bool {
	return b.same != nil && b.same[x] >= 0 && b.same[x] == b.same[y]
}

// levelAlways reports whether x and y are level in every season: they
// score alike and are level now (co-champions when at the top).
func (b *board) levelAlways(x, y int) bool {
	return b.levelGroup != nil && b.levelGroup[x] >= 0 && b.levelGroup[x] == b.levelGroup[y]
}

// coChampions reports whether the entries level with top are all its
// crew-mates: champions together.
func (b *board) coChampions(top int) bool {
	if b.twin == nil {
		return false
	}
	for _, e := range b.order {
		if !b.level(top, e) {
			break
		}
		if b.twin[e] != b.twin[top] {
			return false
		}
	}
	return true
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
	if kx, ky := b.cb[x], b.cb[y]; kx != ky {
		if kx > ky {
			return -1
		}
		return 1
	}
	xo, yo := x*b.places, y*b.places
	from := 0
	if b.places >= 8 && b.cb[x]&0x8080808080808080 == 0 {
		from = 8 // the key held the first eight places exactly (none saturated)
	}
	for i := from; i < b.places; i++ {
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
	if b.champ != nil {
		addInto(b.champ, o.champ)
	}
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

// tally is one worker: a sampler and the boards it fills, one per
// championship.
type tally struct {
	c       *compiled
	sampler Sampler
	out     []int
	boards  []*board
	cd      *conditions // nil: nothing fixed and no driver changes
	done    [][]int32   // per championship: cars of each entry scored in the session (best-N rules)
	gen     *Gen
	fast    *fastPlan // nil: the full path only
	kern    *kernel   // nil: the fast path goes through the sampler's Order
	bonus   bonusState
	seg     *board // car mode: the drivers' segments, folded into their board
}

func (c *compiled) newBoards() []*board {
	bs := make([]*board, len(c.champs))
	shift := c.binShift()
	for k := range c.champs {
		ch := &c.champs[k]
		bs[k] = newBoard(ch.st, c.places, c.rounds, ch.drop, c.scale, ch.maxAdd, shift)
		if c.champBands {
			bs[k].champ = padded[int64](len(ch.st) * bs[k].hist)
		}
	}
	return bs
}

// newTally makes a worker for a model's sampler, under the conditions cd
// (nil: none).
func (c *compiled) newTally(m Model, cd *conditions) *tally {
	inner := m.NewSampler()
	s := inner
	if cd != nil {
		s = cd.wrap(inner, cd.field)
	}
	t := &tally{c: c, sampler: s, cd: cd, out: padded[int](len(c.field)), gen: NewGen(0, 0), boards: c.newBoards()}
	t.done = make([][]int32, len(c.champs))
	for k := range c.champs {
		n := len(c.champs[k].st)
		if c.fold != nil && k == c.fold.champ {
			n = max(n, len(c.fold.members)) // counted by segment there
		}
		t.done[k] = padded[int32](n)
	}
	if c.fold != nil {
		segs := make([]points.Standing, len(c.fold.members))
		for g := range segs {
			segs[g].Places = []int{}
		}
		t.seg = newBoard(segs, c.places, c.rounds, c.champs[c.fold.champ].drop, c.scale, nil, 0)
		t.seg.logPlaces = true
		drv := t.boards[c.fold.champ]
		drv.twin = c.fold.twin
		drv.same = slices.Repeat([]int{-1}, len(drv.cur))
		drv.levelGroup = slices.Repeat([]int{-1}, len(drv.cur))
		for g, es := range c.fold.future {
			for _, e := range es {
				drv.same[e] = g
			}
		}
		for g, es := range c.fold.same {
			for _, e := range es {
				drv.levelGroup[e] = g
			}
		}
	}
	if c.fast {
		t.fast = planFast(c)
		t.kern = planKernel(c, t.fast, inner, cd)
		for k, b := range t.boards {
			b.keyPlaces = t.fast.keyPlaces[k]
			if t.kern != nil && t.kern.tail != nil && t.kern.tail[k] != nil {
				b.tail, b.tailFull = t.kern.tail[k][:len(b.cur)], t.kern.tailFull[k]
			}
		}
		if c.fold != nil {
			for _, b := range t.boards {
				b.canSettle = true
			}
			drv := t.boards[c.fold.champ]
			drv.segsOf = make([][]int, len(drv.cur))
			for g, es := range c.fold.members {
				for _, e := range es {
					drv.segsOf[e] = append(drv.segsOf[e], g)
				}
			}
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
	saved := g.State()
	if t.fastSeason(g) {
		return
	}
	if t.kern != nil && t.settleLevel() {
		return
	}
	// Replay the same season on the full path.
	t.fast.replayed++
	g.SetState(saved)
	t.season(g)
}

// settleLevel ranks a season the kernel's keys left level (backmarkers
// on no points, say): the keys stay, and the race places past the keys
// of the entries level, as the first pass kept them, settle them. It
// reports false, having tallied nothing, where they do not.
func (t *tally) settleLevel() bool {
	f, k := t.fast, t.kern
	t.markLevel()
	k.logKept()
	for i, b := range t.boards {
		b.over, b.canSettle = f.log[i], true
	}
	ok := t.rankFast()
	for _, b := range t.boards {
		b.canSettle = false
	}
	if ok {
		f.settled++
	}
	return ok
}

// markLevel marks, for the kernel's log of the places kept, the entries of each
// championship whose keys are level with another's above the entry
// numbers: only their places past the keys can settle the season.
func (t *tally) markLevel() {
	f, k := t.fast, t.kern
	for c, b := range t.boards {
		key, sh, want := f.key[c], f.idx[c], k.want[c]
		clear(want)
		k.anyWant[c] = false
		b.sortKeys(key, sh)
		for i := 1; i < len(key); i++ {
			x, y := b.order[i-1], b.order[i]
			if key[x]>>sh == key[y]>>sh {
				want[x], want[y], k.anyWant[c] = true, true, true
			}
		}
	}
}

// season simulates one season on the full path: every session's whole
// order, then each championship's places, the countback and the bonuses.
func (t *tally) season(g *Gen) {
	c := t.c
	for _, b := range t.boards {
		b.reset()
	}
	if t.seg != nil {
		t.seg.reset()
	}
	t.sampler.Begin(g)
	for i := range c.sessions {
		ss := &c.sessions[i]
		k := t.sampler.Order(g, t.out)
		routes := c.routes[i]
		for ci, table := range ss.tables {
			if table == nil {
				continue
			}
			b, route, best, done := t.boards[ci], routes[ci], ss.best[ci], t.done[ci]
			var gw []bool
			if c.giveWay != nil {
				gw = c.giveWay[ci]
			}
			if t.seg != nil && ci == c.fold.champ {
				b = t.seg
			}
			if best > 0 {
				clear(done)
			}
			p := -1 // the place among the cars eligible here (q overall): the others give way
			for q := 0; q < k; q++ {
				f := t.out[q]
				if gw != nil && gw[f] {
					continue
				}
				p++
				e := route[f]
				if e < 0 {
					continue
				}
				if ss.race {
					b.place(e, p)
				}
				if best > 0 {
					if done[e] >= int32(best) {
						continue
					}
					done[e]++
				}
				if p < len(table) {
					b.score(e, ss.round, table[p])
				}
			}
		}
		if k == 0 {
			continue
		}
		if fl := &ss.bonus[points.FastestLap]; fl.on {
			if f, ok := fastestLap(g, t.sampler, fl, t.out[:k]); ok {
				t.award(i, points.FastestLap, f)
			}
		}
		if ss.byPlace() {
			t.bonus.draw(g, c.bonuses, ss, len(t.out)-len(c.absent[i]), t.out, t.cd.bonusFix(i))
			t.scoreBonuses(i)
		}
	}
	if t.seg != nil {
		t.foldCrews()
	}
	for _, b := range t.boards {
		b.finish()
	}
}

// reassignTries bounds the draws of a reassigned fastest lap; after them
// the winner takes it.
const reassignTries = 64

// fastestLap draws the fastest lap of a session whose classified drivers
// finished in order cls, and reports whether it scores: for a driver in
// the top where the rules have one, a driver outside drawing again where
// the rules reassign it.
func fastestLap(g *Gen, s fastestLapper, fl *bonusDraw, cls []int) (int, bool) {
	f := s.FastestLap(g)
	if fl.top == 0 {
		return f, true
	}
	p := indexOf(cls, f)
	for try := 0; fl.reassign && p >= fl.top; try++ {
		if try == reassignTries {
			return cls[0], true
		}
		f = s.FastestLap(g)
		p = indexOf(cls, f)
	}
	return f, p < fl.top
}

// award scores bonus kind of session i for field driver f.
func (t *tally) award(i int, kind points.BonusKind, f int) {
	ss := &t.c.sessions[i]
	for ci, pts := range ss.bonus[kind].pts {
		if pts == 0 {
			continue
		}
		if e := t.c.routes[i][ci][f]; e >= 0 {
			b := t.boards[ci]
			if t.seg != nil && ci == t.c.fold.champ {
				b = t.seg
			}
			b.score(e, ss.round, pts)
		}
	}
}

// scoreBonuses scores the by-place bonuses the session last drawn gave.
func (t *tally) scoreBonuses(i int) {
	t.bonus.each(t.out, func(kind points.BonusKind, d int) { t.award(i, kind, d) })
}

// totals are the merged tallies of every worker.
type totals struct {
	boards []*board
}

func merge(c *compiled, ws []*tally) totals {
	tot := totals{boards: c.newBoards()}
	for k, b := range tot.boards {
		for _, w := range ws {
			b.merge(w.boards[k])
		}
	}
	return tot
}

// maxSE is the largest standard error of a title probability after n seasons.
func (t totals) maxSE(n int) float64 {
	worst := 0.0
	for _, b := range t.boards {
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
