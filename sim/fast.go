package sim

import (
	"cmp"
	"github.com/champ-dev/champ/sim/internal/race"
	"math"
	"math/bits"
	"slices"

	"github.com/champ-dev/champ/points"
)

// The fast path. Each entry's standing is one uint64: its points (in
// units) in the high bits, then the counts of its 1st, 2nd, ... race places
// in fixed-width fields, so one integer comparison applies the points and
// the countback down to place K; the lowest bits hold the entry's number,
// reversed, so that the keys are unique and rank entries that are level
// on all of that in table order, and a sorting network (or the vector
// code's count of the keys above each) ranks the table. A session adds
// precomputed increments for its scoring places. When two entries' keys
// are equal above the entry numbers and the countback would have to look
// past place K, the places past K settle them: car mode logs them as it
// goes; the kernel keeps the places of every race where they can matter
// and counts them into a tail word per entry (kernel.tail;
// board.settleTails), and where the tails are level too and do not hold
// every place, logs them for the entries level from the places it kept
// (kernel.logKept). Entries level on everything at the top, or a season
// none of these can settle, replay from the saved generator state on the
// full path, which keeps every place count: the result is exact, and
// that replay is rare.

// fastPlan is a compiled season's fast path; nil when the season needs
// the full path throughout (dropped scores, best-N rules, exclusions,
// points off the unit grid).
type fastPlan struct {
	inc [][][]uint64 // per session and championship: the key increment for place p
	// placed is the increment of a place past a best-N rule's N cars: the
	// countback only (nil where the championship has no such rule).
	placed [][][]uint64
	// seg holds car mode's segments' keys in a season (a spare slot
	// last), folded into their drivers' keys at its end.
	seg []uint64
	// keyPlaces is how many place counts each championship's keys hold;
	// log (car mode) records each season's race places past them, entry
	// and place, so that rankKeys settles keys level on the points and
	// those places instead of replaying the season.
	keyPlaces []int
	log       [][][2]int32
	logs      []bool // per championship: its places past the keys' are logged
	// bonus[s][k][c] is session s's bonus of kind k for championship c as
	// a key increment.
	bonus    [][nBonus][]uint64
	shift    []uint // per championship: where the points start in a key
	idx      []uint // per championship: the width of the entry number at the bottom of a key
	cars     []int  // per championship: the most cars an entry runs
	cur      [][]uint64
	key      [][]uint64 // per season; each has a spare slot past its length for cars that score for no entry
	replayed int64
	settled  int64 // seasons the kernel's keys left level, settled from its log
}

// planFast builds the fast path, or returns nil.
func planFast(c *compiled) *fastPlan {
	if len(c.field) > 64 {
		return nil
	}
	for _, ch := range c.champs {
		if !ch.drop.None() {
			return nil
		}
		for _, st := range ch.st {
			if st.Excluded || !onGrid(st.Points, c.scale) {
				return nil
			}
		}
	}
	f := &fastPlan{}
	n := len(c.champs)
	f.shift, f.idx, f.cur, f.key, f.cars = make([]uint, n), make([]uint, n), make([][]uint64, n), make([][]uint64, n), make([]int, n)
	ks := make([]int, n)
	for k := range c.champs {
		ch := &c.champs[k]
		cars := 1
		for _, m := range ch.cars {
			cars = max(cars, m)
		}
		var ok bool
		f.shift[k], f.cur[k], f.idx[k], ok = keys(ch.st, ch.maxAdd, c.scale, c.rounds, cars)
		if !ok {
			return nil
		}
		ks[k] = places(f.shift[k], f.idx[k], c.rounds, cars)
		f.cars[k] = cars
		f.key[k] = padded[uint64](len(ch.st) + 1)[:len(ch.st)]
	}
	for _, ss := range c.sessions {
		inc, placed := make([][]uint64, n), make([][]uint64, n)
		var bonus [nBonus][]uint64
		for b := range bonus {
			bonus[b] = make([]uint64, n)
		}
		for k := range c.champs {
			if ss.tables[k] != nil {
				inc[k] = increments(ss.tables[k], ss.race, ks[k], f.shift[k], c.rounds, f.cars[k])
				if ss.best[k] > 0 {
					// A car past the best N keeps its place in the
					// countback and scores nothing.
					placed[k] = increments(make([]int64, len(ss.tables[k])), ss.race, ks[k], f.shift[k], c.rounds, f.cars[k])
				}
			}
			for b := range bonus {
				bonus[b][k] = uint64(ss.bonus[b].pts[k]) << f.shift[k]
			}
		}
		f.inc = append(f.inc, inc)
		f.placed = append(f.placed, placed)
		f.bonus = append(f.bonus, bonus)
	}
	f.keyPlaces = ks
	if c.fold != nil {
		f.seg = make([]uint64, len(c.fold.members)+1)
	}
	// The logs: car mode's sampler path keeps them in every season, the
	// kernel in a season its keys could not rank (tally.settleLevel). Only
	// where a championship has more cars than its keys have places can
	// the places past them matter.
	f.log = make([][][2]int32, n)
	f.logs = make([]bool, n)
	for k := range n {
		eligible := len(c.field)
		if c.giveWay != nil {
			for _, gw := range c.giveWay[k] {
				if gw {
					eligible--
				}
			}
		}
		f.logs[k] = eligible > ks[k]
	}
	return f
}

func onGrid(p, scale float64) bool { return math.Abs(p*scale-math.Round(p*scale)) < 1e-9 && p >= 0 }

// countBits is the width of one place count: enough for a count of every
// round of the season with `cars` cars each.
func countBits(rounds, cars int) uint {
	return uint(bits.Len(uint(max(1, rounds*cars))))
}

// keys sizes the key layout and returns the points shift, each entry's
// current key and the width of the entry number at the bottom; ok is false
// when the points do not fit.
func keys(sts []points.Standing, maxAdd []int64, scale float64, rounds, cars int) (shift uint, cur []uint64, idx uint, ok bool) {
	var most int64
	for i, st := range sts {
		most = max(most, int64(math.Round(st.Points*scale))+maxAdd[i])
	}
	pbits := uint(bits.Len64(uint64(most)))
	idx = uint(bits.Len(uint(len(sts))))
	if pbits > 40 || pbits+idx > 60 {
		return 0, nil, 0, false
	}
	shift = 64 - pbits
	cb := countBits(rounds, cars)
	k := places(shift, idx, rounds, cars)
	cur = make([]uint64, len(sts))
	for i, st := range sts {
		key := uint64(math.Round(st.Points*scale))<<shift | uint64(len(sts)-1-i)
		for p := 0; p < k && p < len(st.Places); p++ {
			if uint64(st.Places[p]) >= 1<<cb {
				return 0, nil, 0, false
			}
			key += uint64(st.Places[p]) << (shift - cb*uint(p+1))
		}
		cur[i] = key
	}
	return shift, cur, idx, true
}

// places is how many place counts fit between the points and the entry
// number.
func places(shift, idx uint, rounds, cars int) int {
	return int((shift - idx) / countBits(rounds, cars))
}

// increments returns a session's key increment for each top place: its
// points, and for a race the count of that place (places 1..k).
func increments(table []int64, race bool, k int, shift uint, rounds, cars int) []uint64 {
	n := len(table)
	if race {
		n = max(n, k)
	}
	cb := countBits(rounds, cars)
	inc := make([]uint64, n)
	for p := range inc {
		if p < len(table) {
			inc[p] = uint64(table[p]) << shift
		}
		if race && p < k {
			inc[p] += 1 << (shift - cb*uint(p+1))
		}
	}
	return inc
}

// fastSeason runs one season on the fast path. It returns false, having
// tallied nothing, when the season must be replayed on the full path.
func (t *tally) fastSeason(g *Gen) bool {
	f := t.fast
	for k := range f.key {
		copy(f.key[k], f.cur[k])
	}
	if t.kern != nil {
		t.kern.season(g, f.key)
	} else {
		t.fastSessions(g)
	}
	if f.seg != nil {
		fold := t.c.fold
		key := f.key[fold.champ]
		for g, es := range fold.members {
			if v := f.seg[g]; v != 0 {
				for _, e := range es {
					key[e] += v
				}
			}
		}
		// The logs, for settle: the drivers' one is by segment.
		for k, b := range t.boards {
			b.over = f.log[k]
		}
	}
	return t.rankFast()
}

// rankFast ranks and tallies the season in the fast path's keys, or
// returns false, having tallied nothing, when entries level in their keys
// cannot be settled from the logs of the places past them (car mode's, or
// the kernel's in settleLevel).
func (t *tally) rankFast() bool {
	f := t.fast
	for k, b := range t.boards {
		if !b.rankKeys(f.key[k], f.idx[k], t.c.champs[k].active) {
			return false
		}
	}
	for k, b := range t.boards {
		b.tallyKeys(f.key[k], f.shift[k])
	}
	return true
}

// fastSessions runs a season's sessions into the keys through the
// sampler's Order, for the models and fields the kernel does not cover:
// the full path's draws, in its order.
func (t *tally) fastSessions(g *Gen) {
	c, f := t.c, t.fast
	t.sampler.Begin(g)
	out := t.out
	if f.seg != nil {
		clear(f.seg)
	}
	for k := range f.log {
		f.log[k] = f.log[k][:0]
	}
	for s := range c.sessions {
		ss := &c.sessions[s]
		routes := c.routes[s]
		n := t.sampler.Order(g, out)
		for k, inc := range f.inc[s] {
			if inc == nil {
				continue
			}
			key, route := t.fastKey(k), routes[k]
			var gw []bool
			if c.giveWay != nil {
				gw = c.giveWay[k]
			}
			placed, best, done := f.placed[s][k], ss.best[k], t.done[k]
			if best > 0 {
				clear(done)
			}
			p := 0 // among the cars eligible here: the others give way
			log := f.seg != nil && ss.race && f.logs[k]
			last := len(inc)
			if log {
				last = n // places past the key's are logged, to settle level keys
			}
			for q := 0; q < n && p < last; q++ {
				d := out[q]
				if gw != nil && gw[d] {
					continue
				}
				if e := route[d]; e >= 0 {
					if log && p >= f.keyPlaces[k] {
						f.log[k] = append(f.log[k], [2]int32{int32(e), int32(p)}) // grown once, then reused
					}
					if p >= len(inc) {
						p++
						continue
					}
					if best > 0 {
						// Branch-free: the first N of a holder score, the
						// rest keep their places only.
						var in uint64
						if done[e] < int32(best) {
							in = 1
						}
						m := -in
						key[e] += inc[p]&m | placed[p]&^m
						done[e] += int32(in)
					} else {
						key[e] += inc[p]
					}
				}
				p++
			}
		}
		if n == 0 {
			continue
		}
		if fl := &ss.bonus[points.FastestLap]; fl.on {
			if d, ok := fastestLap(g, t.sampler, fl, out[:n]); ok {
				t.fastAward(s, points.FastestLap, d)
			}
		}
		if ss.byPlace() {
			t.bonus.draw(g, c.bonuses, ss, len(out)-len(c.absent[s]), out, t.cd.bonusFix(s))
			t.bonus.each(out, func(kind points.BonusKind, d int) { t.fastAward(s, kind, d) })
		}
	}
}

// fastKey is championship k's keys in a season on the fast path: car
// mode's segments for its drivers' championship.
func (t *tally) fastKey(k int) []uint64 {
	if t.fast.seg != nil && k == t.c.fold.champ {
		return t.fast.seg
	}
	return t.fast.key[k]
}

// fastAward adds session s's bonus of kind to field driver d's keys.
func (t *tally) fastAward(s int, kind points.BonusKind, d int) {
	f := t.fast
	for k, inc := range f.bonus[s][kind] {
		if inc == 0 {
			continue
		}
		if e := t.c.routes[s][k][d]; e >= 0 {
			t.fastKey(k)[e] += inc
		}
	}
}

// rankKeys orders the entries by key, highest first; the entry numbers in
// the low idx bits put entries level on everything else in table order. It
// reports false when the order needs the full countback: two entries level
// above the entry numbers of which one is still racing, or two level at the
// top, where a tie the countback cannot break counts for no one. Keys are
// unique, so a sorting network ranks them without branches (a sort's
// branches would follow the random order of the simulated table and
// mispredict), or, with the vector code, a count of the keys above each.
func (b *board) rankKeys(key []uint64, idx uint, active []bool) bool {
	if !b.sortKeys(key, idx) {
		return b.rankSlow(key, idx, active)
	}
	n, buf := len(key), &b.buf
	for i := 1; i < n; i++ {
		if (buf[i-1]^buf[i])>>idx == 0 {
			x, y := b.order[i-1], b.order[i]
			if b.identical(x, y) && (i > 1 || b.levelAlways(x, y)) {
				// Scoring alike, they keep their order now, the entry
				// order; level at the top, co-champions.
				continue
			}
			if !(i == 1 || active[x] || active[y]) {
				continue // neither races on: their order now, the entry order
			}
			if !b.canSettle && b.tail == nil {
				return false
			}
			// The places past the key's settle the run of entries level
			// in their keys.
			// The whole run, from its start (pairs skipped above
			// included) to its end.
			a, z := i-1, i+1
			for a > 0 && (buf[a-1]^buf[a])>>idx == 0 {
				a--
			}
			for z < n && (buf[z-1]^buf[z])>>idx == 0 {
				z++
			}
			if !b.settle(a, z) {
				return false
			}
			i = z - 1
		}
	}
	return true
}

// settle orders b.order[a:z], entries level in their keys, by the place
// counts past the key's (their standing now plus the season's logged
// places), keeping the entry order among those level on all of them. It
// reports false where two level on everything share the top and are not
// co-champions.
func (b *board) settle(a, z int) bool {
	if !b.canSettle && b.tail != nil {
		return b.settleTails(a, z)
	}
	k, P := b.keyPlaces, b.places
	w := P - k
	if w <= 0 {
		// No places past the keys: the run is level on everything, and at
		// the top its entries are co-champions only if all are the
		// leader's crew-mates (two of them may be, and a third not).
		for i := a + 1; a == 0 && i < z; i++ {
			if !b.levelAlways(b.order[a], b.order[i]) {
				return false
			}
		}
		return true
	}
	r := z - a
	cnt := b.cnt[:0]
	for range r * w {
		cnt = append(cnt, 0)
	}
	b.cnt = cnt
	slot := func(e int) int {
		for i := a; i < z; i++ {
			if b.order[i] == e {
				return i - a
			}
		}
		return -1
	}
	for i := a; i < z; i++ {
		e := b.order[i]
		copy(cnt[(i-a)*w:(i-a+1)*w], b.curPlace[e*P+k:(e+1)*P])
	}
	for _, x := range b.over {
		if p := int(x[1]); p >= k && p < P {
			if b.segsOf == nil {
				if s := slot(int(x[0])); s >= 0 {
					cnt[s*w+p-k]++
				}
				continue
			}
			// By segment: each of the run's drivers in it.
			for i := a; i < z; i++ {
				if slices.Contains(b.segsOf[b.order[i]], int(x[0])) {
					cnt[(i-a)*w+p-k]++
				}
			}
		}
	}
	// Sort the run (its slots travel with its entries).
	ids := b.runIDs[:0]
	for i := range r {
		ids = append(ids, i)
	}
	b.runIDs = ids
	cmpRun := func(x, y int) int {
		cx, cy := cnt[x*w:(x+1)*w], cnt[y*w:(y+1)*w]
		for p := range w {
			if cx[p] != cy[p] {
				if cx[p] > cy[p] {
					return -1
				}
				return 1
			}
		}
		return 0
	}
	for i := 1; i < r; i++ {
		x := ids[i]
		j := i
		for ; j > 0 && cmpRun(x, ids[j-1]) < 0; j-- {
			ids[j] = ids[j-1]
		}
		ids[j] = x
	}
	orig := b.runOrder[:0]
	orig = append(orig, b.order[a:z]...)
	b.runOrder = orig
	for i, x := range ids {
		b.order[a+i] = orig[x]
	}
	if a == 0 {
		// Level on everything at the top: co-champions if all are the
		// leader's crew-mates level in every season, else a tie the full
		// path counts.
		for k := 1; k < r && cmpRun(ids[0], ids[k]) == 0; k++ {
			if !b.levelAlways(b.order[0], b.order[k]) {
				return false
			}
		}
	}
	return true
}

// settleTails is settle by the kernel's tails, without a log: it orders
// the run by tail, keeping the entry order among those level, and reports
// false where two are level in their tails and the places past the
// tail's could part them, or they share the top and are not
// co-champions.
func (b *board) settleTails(a, z int) bool {
	run, tail := b.order[a:z], b.tail
	for i := 1; i < len(run); i++ {
		e := run[i]
		j := i
		for ; j > 0 && tail[e] > tail[run[j-1]]; j-- {
			run[j] = run[j-1]
		}
		run[j] = e
	}
	for i := 1; i < len(run); i++ {
		if tail[run[i]] != tail[run[i-1]] {
			continue
		}
		if !b.tailFull {
			return false // the log settles them
		}
		if a == 0 && tail[run[i]] == tail[run[0]] && !b.levelAlways(run[0], run[i]) {
			return false // level on everything at the top: a tie
		}
	}
	b.tailRuns++
	return true
}

// sortKeys puts the entries in b.order by key, highest first, and
// reports whether it also left their complemented keys in that order in
// b.buf (false: a table too long for a network, sorted by comparisons).
func (b *board) sortKeys(key []uint64, idx uint) bool {
	n := len(key)
	buf := &b.buf
	if b.vec && n > 0 {
		// An entry's place is the number of keys above his.
		if b.long {
			copy(b.padded[:], key)
			race.RankLong(&b.padded, n, &b.rank)
		} else {
			race.Rank(&key[0], n, (*[race.VecMax]uint64)(b.rank[:]))
		}
		for e := range n {
			b.order[b.rank[e]] = e
		}
		for i := range n {
			buf[i] = ^key[b.order[i]]
		}
		return true
	}
	if n > race.Unrolled {
		slices.SortFunc(b.order, func(x, y int) int { return cmp.Compare(key[y], key[x]) })
		return false
	}
	for e, k := range key {
		buf[e] = ^k // ascending order of ^k: descending of k
	}
	race.Sort(buf, n)
	last := uint64(n - 1)
	mask := uint64(1)<<idx - 1
	for i := range n {
		b.order[i] = int(last - ^buf[i]&mask)
	}
	return true
}

// rankSlow is rankKeys for tables too long for a network, once sortKeys
// has ordered them.
func (b *board) rankSlow(key []uint64, idx uint, active []bool) bool {
	n := len(key)
	for i := 1; i < n; i++ {
		x, y := b.order[i-1], b.order[i]
		if key[x]>>idx == key[y]>>idx && (i == 1 || active[x] || active[y]) {
			return false
		}
	}
	return true
}

// tallyKeys records a season ranked by rankKeys.
func (b *board) tallyKeys(key []uint64, shift uint) {
	n := len(key)
	if n == 0 {
		return
	}
	b.titles[b.order[0]]++
	for i := 1; i < n && b.levelAlways(b.order[0], b.order[i]); i++ {
		b.titles[b.order[i]]++ // crew-mates level at the top: co-champions
	}
	for rank, e := range b.order {
		b.pos[e*n+rank]++
		b.gain(rank == 0, e, int(int64(key[e]>>shift)-b.curUnits[e]))
	}
}
