// Package race holds the engine's racing primitives: the exponential
// race that draws a Plackett–Luce session as sort keys, the sorting
// networks that order them, and the vector code (AVX-512) that computes
// the same numbers as the Go code for every routine, bit for bit.
//
// It knows nothing of seasons, models or points: keys in, keys out.
package race

import (
	"math"
	"math/bits"
)

// MaxField is the size of a key buffer: the largest field the key draws
// and the networks take.
const MaxField = maxNetwork

// Unrolled is the largest field with an unrolled network.
const Unrolled = unrolledMax

// VecMax is the largest field the vector scoring takes.
const VecMax = 24

// RetiredKey marks a retired driver's key: above every time. A retired
// driver's key is RetiredKey|d.
const RetiredKey = math.MaxUint64 &^ 0xff

// wyrand's increment and the mask of its multiplier (vec_amd64.s has
// them too; package rng's generator is the same).
const (
	wyInc = 0xa0761d6478bd642f
	wyMul = 0xe7037ed1a0b428db
)

// Sort sorts k[:n] ascending with an unrolled network; it reports false
// when there is none for n.
func Sort(k *[MaxField]uint64, n int) bool { return sortUnrolled(k, n) }

// Top returns the network that sorts the k smallest of n keys into the
// first k places (every place for k >= n).
func Top(n, k int) func(*[MaxField]uint64) { return topNetwork(n, k) }

// SortKeys sorts keys ascending (insertion sort: fields are small).
func SortKeys(keys []uint64) {
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		j := i
		for ; j > 0 && keys[j-1] > k; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
}

// Key packs driver d's time, an exponential variate x times his inverse
// strength, into a sort key: the float's bits, which order like the float,
// with d in the low byte.
func Key(x, inv float64, d int) uint64 {
	return math.Float64bits(x*inv)&^0xff | uint64(d)
}

// Draw runs a session's exponential race for drivers 0..n-1 from the
// generator state st (wyrand; n draws): driver d retires when the high 32
// bits of his draw are below dnf[d], and otherwise his key is his time,
// ExpBits of the low 32 bits times inv[d]. It writes the keys to buf in
// field order (RetiredKey|d for a retirement) and returns the state after
// the draws and the mask of retired drivers. vec selects the vector code
// (Vector reports whether there is any); otherwise the scalar assembly
// runs where the machine has FMA and BMI2 (UseFMA), and drawGo elsewhere:
// the same numbers.
func Draw(st uint64, dnf *[MaxField]uint64, inv *[MaxField]float64, buf *[MaxField]uint64, n int, vec bool) (state, mask uint64) {
	if vec {
		return drawAVX512(st, &dnf[0], &inv[0], &buf[0], n)
	}
	if UseFMA {
		return drawFMA(st, &dnf[0], &inv[0], &buf[0], n)
	}
	return drawGo(st, dnf, inv, buf, n)
}

// drawGo is Draw in Go.
func drawGo(st uint64, dnf *[MaxField]uint64, inv *[MaxField]float64, buf *[MaxField]uint64, n int) (state, mask uint64) {
	for d := range n {
		st += wyInc
		hi, lo := bits.Mul64(st, st^wyMul)
		u := hi ^ lo
		// Without branches on the retirement, which is too random to
		// predict: r is 1 for a retirement.
		var r uint64
		if u>>32 < dnf[d&(MaxField-1)] {
			r = 1
		}
		mask |= r << (d & 63)
		buf[d&(MaxField-1)] = Key(ExpBits(uint32(u)), inv[d&(MaxField-1)], d) | -r&RetiredKey
	}
	return st, mask
}

// Count returns how many of the cumulative strengths cum[:n] are at or
// below u (independent comparisons, no branches): the one-stage
// Plackett–Luce draw of a driver. vec selects the vector code, for n up to
// VecMax; past the field cum holds the largest float64.
func Count(cum *[MaxField]float64, u float64, n int, vec bool) int {
	if vec && n <= VecMax {
		return countAVX512(&cum[0], u)
	}
	d := 0
	for _, c := range cum[:n] {
		if c <= u {
			d++
		}
	}
	return d
}

// PlacesMax is the largest field Places counts with the vector code.
const PlacesMax = 32

// Places writes each of the n unique keys' place in ascending order (the
// number of keys below it) into place and the inverse into order
// (order[place[d]] = d): the vector code counts for n up to PlacesMax, the
// Go code sorts a copy with the network. The same numbers either way.
func Places(key *[MaxField]uint64, n int, place, order *[MaxField]int, vec bool) {
	if vec && n <= PlacesMax {
		var p [PlacesMax]uint64
		CountPlaces(key, n, &p)
		for d := range n {
			place[d] = int(p[d&31])
			order[p[d&31]&(MaxField-1)] = d
		}
		return
	}
	sorted := *key
	Sort(&sorted, n)
	for i := range n {
		d := int(sorted[i] & 0xff)
		order[i], place[d&(MaxField-1)] = d, i
	}
}

// CountPlaces writes each of the n <= PlacesMax unique keys' place in
// ascending order (the number of keys below it) into place, with the
// vector code: Places without the order, for callers that need only the
// places. Only where Vector is not "".
func CountPlaces(key *[MaxField]uint64, n int, place *[PlacesMax]uint64) {
	placesAVX512(&key[0], n, place)
}

// Rank writes each of the n keys' place (the number of keys above it,
// keys unique) into rank, with the vector code; n up to VecMax.
func Rank(key *uint64, n int, rank *[VecMax]uint64) { rankAVX512(key, n, rank) }

// RankMax is the longest table RankLong ranks.
const RankMax = 64

// RankLong is Rank for tables of up to RankMax keys, read from a whole
// padded array (the lanes past n count for nothing), with the vector code.
func RankLong(key *[RankMax]uint64, n int, rank *[RankMax]uint64) { rankLongAVX512(key, n, rank) }

// Season is a run of sessions as RunSeason reads it; Session is one of
// them. vec_amd64.s knows their fields by offset (TestVectorLayout checks
// them).
type Season struct {
	State uint64 // the generator's state, in and out
	N     int    // the field
	Total float64
	DNF   *uint64 // the sampler's
	Inv   *float64
	Cum   *float64
	Buf   *uint64
	Acc   *Acc
	Sess  *Session
	NSess int
	Mask  uint64 // out: the last session's retirements
}

// Session is one session of a Season.
type Session struct {
	Inc   *[32]uint64 // drivers' then teams' increments by place
	FL    uint64      // 1: a fastest-lap bonus is drawn
	FLLim uint64      // it scores for places below FLLim
	FLD   uint64      // the bonus as driver and team key increments
	FLT   uint64
	// Place, where not nil, gets each field index's place in the
	// session (0xff: not classified), for the places past the fast path's
	// keys.
	Place *[VecMax]uint8
	// TC and TW give, per championship (drivers', then the second), a
	// classified driver's tail increment for his place p where the session
	// has Place: 1<<(TC-TW*p), none where that is 64 or more as unsigned.
	// TC = 64+w(k-1) and TW = w count the places from k on in fields of w
	// bits from the top; TC 64 and TW 0 count none.
	TC, TW [2]uint64
}

// Acc is the vector scoring's state in a season, per field index: the
// drivers' and the teams' key increments so far, the places in the
// session last scored, and the tails of the places past the keys.
type Acc struct {
	D, T, Rank [VecMax]uint64
	XD, XT     [VecMax]uint64 // the tails (Session.TC), per championship
}

// RunSeason runs the sessions v.Sess[:v.NSess] with the vector code: for
// each, the draw (Draw's), the fastest lap (Count's, again while it lands
// on a retired driver), each driver's place by counting the keys below
// his (also into the session's Place where it has one), and the
// increments of places up to 15 gathered per field index in v.Acc. Only
// where Vector is not "".
func RunSeason(v *Season) { seasonAVX512(v) }

// LedMax is the largest field Led draws.
const LedMax = 32

// Led draws who led a lap among places 0..n-1 (n up to LedMax) from the
// generator state st with the vector code (only where UseLedVec): the
// next ceil(n/4) outputs of wyrand, four places of 16 bits each (the
// lowest first), place p leading when its bits are below thr[p]. It
// returns the state after those outputs and the places that led as bits.
func Led(st uint64, thr *[LedMax]uint16, n int) (state, led uint64) { return ledAVX512(st, thr, n) }

// Counted is a session ScoreCounted scores: its keys by field index, each
// place's increments, the by-place bonuses drawn and where the sums go.
// vec_amd64.s knows its fields by offset (TestVectorLayout checks them).
type Counted struct {
	Key     *[MaxField]uint64  // the keys, by field index
	N       int                // the field, up to PlacesMax
	IncD    *[PlacesMax]uint64 // the drivers' increment by place (zeros past the scoring places)
	IncT    *[PlacesMax]uint64 // the second championship's
	Scoring uint64             // places below Scoring score (the classified ones)
	Led     uint64             // the places that led a lap, as bits
	Pole    uint64             // the pole's place, Most the most laps led's (PlacesMax and up: none)
	Most    uint64
	Bonus   [6]uint64         // led, pole and most laps led as drivers' then second championship's increments
	AccD    *[MaxField]uint64 // out: the sums by field index, added to
	AccT    *[MaxField]uint64
	Place   *[PlacesMax]uint64 // out: each field index's place
}

// ScoreCounted counts each driver's place (the number of keys below his),
// writes it into c.Place and adds his place's increment, less where he is
// not classified, plus the increments of the bonuses his place took, to
// c.AccD and c.AccT; with the vector code where vec.
func ScoreCounted(c *Counted, vec bool) {
	if vec {
		scoreCountedAVX512(c)
		return
	}
	var p [MaxField]int
	var o [MaxField]int
	Places(c.Key, c.N, &p, &o, false)
	for f := range c.N {
		pl := uint64(p[f])
		c.Place[f] = pl
		var d, t uint64
		if pl < c.Scoring {
			d, t = c.IncD[pl], c.IncT[pl]
		}
		if c.Led>>pl&1 != 0 {
			d, t = d+c.Bonus[0], t+c.Bonus[3]
		}
		if pl == c.Pole {
			d, t = d+c.Bonus[1], t+c.Bonus[4]
		}
		if pl == c.Most {
			d, t = d+c.Bonus[2], t+c.Bonus[5]
		}
		c.AccD[f] += d
		c.AccT[f] += t
	}
}
