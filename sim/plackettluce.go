package sim

import (
	"math"
	"math/bits"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/champ-dev/champ/sim/internal/race"
)

// PlackettLuce is the fitted Plackett–Luce model with retirements.
type PlackettLuce struct {
	Fit        *Fit
	logW, sd   []float64
	alpha, bet []float64
	// Per-driver tables for inverse-transform sampling of each season's
	// parameters: quantiles of the strength and of the fastest-lap
	// strength, side by side (strQ[d][k] holds both for quantile k, one
	// cache line), and of the retirement probability (as a threshold on
	// 32 random bits).
	strQ [][]pair
	dnfQ [][]uint32
	// flFloor is the least fastest-lap strength a season draws: a
	// thousandth of the strongest driver's median (see fastestLapMask).
	flFloor float64
	// A team's share of the draw (Fit.TeamShare): each field driver's
	// team (a driver alone is a team of his own), whether he is its first
	// in the field, and the tables of the shared part, by the team's
	// quantile; nil where nothing is shared.
	team   []int
	first  []bool
	teams  int
	shareQ [][]pair
}

// pair is a strength and the fastest-lap strength, at one quantile.
type pair struct{ rate, fl float64 }

// quantiles is the size of the parameter tables: each season picks one of
// 4096 equally likely quantiles, so the draw costs a table lookup.
const quantiles = 4096

// flFloorShare is the floor of a driver's fastest-lap strength as a
// share of the strongest driver's median. The fastest lap is drawn among
// the classified by drawing again while it lands on a retired driver; with
// a dominant driver retired and the rest a million times slower (a fit
// with a weak prior), that took a million draws. With the floor, the
// classified hold at least a thousandth of the strength each, and the
// draw stays exact for every driver within a thousandth of the strongest.
const flFloorShare = 1e-3

// normalQ holds the standard normal's quantiles at (k+0.5)/quantiles.
var normalQ = func() []float64 {
	q := make([]float64, quantiles)
	for k := range q {
		q[k] = math.Sqrt2 * math.Erfinv(2*(float64(k)+0.5)/quantiles-1)
	}
	return q
}()

// tables builds the quantile tables. Strengths use the exact normal
// quantiles of the log-strength. The beta quantiles are those of a sorted
// sample of `quantiles` draws made with a generator fixed by the
// parameters, so the tables, like everything else, depend only on the
// inputs.
func (m *PlackettLuce) tables() {
	m.strQ = make([][]pair, len(m.logW))
	m.dnfQ = make([][]uint32, len(m.logW))
	temper, absence := 1.0, 0.0
	if m.Fit != nil {
		temper, absence = max(m.Fit.Sharpness, 1), m.Fit.Absence
	}
	if !(absence > 0) { // NaN too, from a Fit built by hand
		absence = 0
	}
	absence = min(absence, 1)
	own, shared := 1.0, 0.0 // the driver's own and the team's parts of the draw's SD
	if m.team != nil {
		share := m.Fit.TeamShare
		own, shared = math.Sqrt(1-share), math.Sqrt(share)
		m.shareQ = make([][]pair, len(m.logW))
	}
	m.flFloor = 0
	for _, w := range m.logW {
		m.flFloor = max(m.flFloor, flFloorShare*math.Exp(w/temper))
	}
	for d := range m.logW {
		sq := make([]pair, quantiles)
		for k, z := range normalQ {
			x := m.logW[d] + own*m.sd[d]*z
			sq[k] = pair{math.Exp(x), math.Exp(x / temper)}
		}
		m.strQ[d] = sq
		if m.team != nil {
			tq := make([]pair, quantiles)
			for k, z := range normalQ {
				x := shared * m.sd[d] * z
				tq[k] = pair{math.Exp(x), math.Exp(x / temper)}
			}
			m.shareQ[d] = tq
		}
		g := NewGen(math.Float64bits(m.alpha[d]), math.Float64bits(m.bet[d]))
		beta := distuv.Beta{Alpha: m.alpha[d], Beta: m.bet[d], Src: g}
		ps := make([]float64, quantiles)
		for k := range ps {
			ps[k] = beta.Rand()
		}
		slices.Sort(ps)
		dq := make([]uint32, quantiles)
		for k, p := range ps {
			p += (1 - p) * absence // a session missed scores as a retirement
			dq[k] = uint32(math.Min(math.Ldexp(p, 32), math.MaxUint32))
		}
		m.dnfQ[d] = dq
	}
}

// NewPlackettLuce prepares a fitted model for a field. A driver of the
// field the fit has not seen gets the field's average strength and
// retirement rate with the prior's uncertainty.
func NewPlackettLuce(f *Fit, field []string) *PlackettLuce {
	m := &PlackettLuce{Fit: f}
	var meanA, meanB float64
	for i := range f.DNFAlpha {
		meanA += f.DNFAlpha[i]
		meanB += f.DNFBeta[i]
	}
	if n := float64(len(f.DNFAlpha)); n > 0 {
		meanA, meanB = meanA/n, meanB/n
	} else {
		meanA, meanB = 1, 9
	}
	for _, id := range field {
		i := f.Index(id)
		if i < 0 {
			m.logW = append(m.logW, 0)
			m.sd = append(m.sd, 1)
			m.alpha = append(m.alpha, meanA)
			m.bet = append(m.bet, meanB)
			continue
		}
		k := f.Sharpness
		m.logW = append(m.logW, k*math.Log(f.Strength[i]))
		m.sd = append(m.sd, k*f.LogSD[i])
		m.alpha = append(m.alpha, f.DNFAlpha[i])
		m.bet = append(m.bet, f.DNFBeta[i])
	}
	if f.TeamShare > 0 {
		index := map[string]int{}
		for _, id := range field {
			t, ok := f.Team[id]
			if !ok {
				t = "\x00" + id // his own
			}
			k, seen := index[t]
			if !seen {
				k = len(index)
				index[t] = k
			}
			m.team, m.first = append(m.team, k), append(m.first, !seen)
		}
		m.teams = len(index)
	}
	m.tables()
	return m
}

func (m *PlackettLuce) Name() string { return ModelPlackettLuce }

func (m *PlackettLuce) NewSampler() Sampler {
	n := len(m.logW)
	s := &plSampler{m: m, n: n, kt: make([]uint64, m.teams)}
	s.net = n >= 2 && n <= race.Unrolled
	s.vec = s.net && race.UseVec
	if s.net {
		for i := n; i < len(s.cum); i++ {
			s.cum[i] = math.MaxFloat64
		}
		return s
	}
	s.keys, s.by, s.out, s.drv = padded[uint64](n), padded[int](n), padded[bool](n), padded[drawn](n)
	for i := range s.by {
		s.by[i] = i
	}
	return s
}

// drawn is one driver's parameters for a season in a large field.
type drawn struct {
	dnf  uint32 // retirement threshold on 32 random bits
	inv  float64
	rate float64
	fl   float64 // the fastest-lap strength
}

type plSampler struct {
	m    *PlackettLuce
	n    int      // field size
	drv  []drawn  // large fields: the season's parameters, in field order
	keys []uint64 // large fields: the classified drivers' keys
	by   []int    // large fields: the order drivers are drawn in, strongest first
	out  []bool   // large fields: retired in the session last ordered
	sum  float64  // large fields: total fastest-lap strength of the classified drivers of that session
	// Network path: the season's cumulative fastest-lap strengths in field order, for
	// the fastest lap; past the field, the largest float64.
	cum  [race.MaxField]float64
	mask uint64 // network path: bit d set when driver d retired in the session
	net  bool   // a generated network sorts the field
	vec  bool   // the vector draw runs the network path
	buf  [race.MaxField]uint64
	// Network path: the season's retirement thresholds and inverse
	// strengths in field order, as the draw loops read them (the vector
	// draw eight at a time).
	dnf [race.MaxField]uint64
	inv [race.MaxField]float64
	// Network path: the drivers who do not race the sessions drawn now,
	// retired with certainty (a threshold of 2^32), and their drawn
	// thresholds, to restore.
	absent uint64
	saved  [race.MaxField]uint64
	kt     []uint64 // Begin: each team's quantile this season (PlackettLuce.team)
}

// always is a retirement threshold no 32 random bits reach: the driver
// retires in every draw.
const always = 1 << 32

// setAbsent makes the drivers of mask retire in every session drawn from
// now on, until the next call or the next season: they do not race. It
// reports false for a large field, whose draws it cannot change.
func (s *plSampler) setAbsent(mask uint64) bool {
	if !s.net {
		return false
	}
	for x := mask ^ s.absent; x != 0; x &= x - 1 {
		d := bits.TrailingZeros64(x)
		if mask>>d&1 == 1 {
			s.saved[d], s.dnf[d] = s.dnf[d], always
		} else {
			s.dnf[d] = s.saved[d]
		}
	}
	s.absent = mask
	return true
}

func (s *plSampler) keyBuf() *[race.MaxField]uint64 { return &s.buf }

// Begin draws the season's strength and retirement probability of each
// driver by inverse transform: one 64-bit draw picks a quantile of each
// (12 bits apiece).
func (s *plSampler) Begin(g *Gen) {
	m := s.m
	sum := 0.0
	for d := range s.n {
		u := g.Uint64()
		q := &m.strQ[d][u>>52]
		rate, fl := q.rate, q.fl
		if m.team != nil {
			// The team's share of the draw: its quantile from bits 28..39
			// of its first driver's draw, which are otherwise unused, and
			// the strength the driver's part times the team's.
			t := m.team[d]
			if m.first[d] {
				s.kt[t] = u >> 28 & (quantiles - 1)
			}
			c := &m.shareQ[d][s.kt[t]]
			rate, fl = rate*c.rate, fl*c.fl
		}
		fl = max(fl, m.flFloor)
		dnf := m.dnfQ[d][(u>>40)&(quantiles-1)]
		if s.net {
			i := d & (race.MaxField - 1)
			s.dnf[i], s.inv[i] = uint64(dnf), 1/rate
			sum += fl
			s.cum[i] = sum
			continue
		}
		s.drv[d] = drawn{dnf: dnf, inv: 1 / rate, rate: rate, fl: fl}
	}
	if s.net {
		s.absent = 0
		return
	}
	// Insertion sort: draw strongest first, so the times come out nearly
	// sorted.
	for i := 1; i < len(s.by); i++ {
		d := s.by[i]
		j := i
		for ; j > 0 && s.drv[s.by[j-1]].rate < s.drv[d].rate; j-- {
			s.by[j] = s.by[j-1]
		}
		s.by[j] = d
	}
}

// Order runs an exponential race: driver d's time is E/w_d for an
// exponential variate E, and the order of the times is a Plackett–Luce
// draw. Retired drivers go last, in field order. One 64-bit draw per
// driver: the high 32 bits decide the retirement, the low 32 bits give E
// (expBits; its rate, ln 2, is the same for every driver, so the order is
// Exp(1)'s). Times are
// sorted as packed keys (the bits of a positive float64 order like the
// float, and the low byte carries the driver) by a sorting network.
func (s *plSampler) Order(g *Gen, out []int) int {
	if !s.net {
		return s.orderLarge(g, out)
	}
	mask := s.draw(g)
	race.Sort(&s.buf, s.n)
	for i := range out {
		out[i] = int(s.buf[i&(race.MaxField-1)] & 0xff)
	}
	return s.n - bits.OnesCount64(mask)
}

// draw runs a session's exponential race on the network path: it writes
// each driver's packed key to s.buf in field order (race.RetiredKey|d for
// a retirement) and returns the mask of retired drivers, also left in
// s.mask. The vector code draws eight drivers at a time where the
// sampler runs it: the same numbers.
func (s *plSampler) draw(g *Gen) uint64 {
	st, mask := race.Draw(g.State(), &s.dnf, &s.inv, &s.buf, s.n, s.vec)
	g.SetState(st)
	s.mask = mask
	return mask
}

// orderLarge is Order for fields too large for a network.
func (s *plSampler) orderLarge(g *Gen, out []int) int {
	n, k := 0, len(out)
	sum := 0.0
	for _, d := range s.by {
		p := s.drv[d]
		u := g.Uint64()
		if uint32(u>>32) < p.dnf {
			k--
			out[k] = d
			s.out[d] = true
			continue
		}
		s.out[d] = false
		sum += p.fl
		s.keys[n] = race.Key(race.ExpBits(uint32(u)), p.inv, d)
		n++
	}
	s.sum = sum
	s.mask = 0
	race.SortKeys(s.keys[:n])
	for i, key := range s.keys[:n] {
		out[i] = int(key & 0xff)
	}
	slices.Sort(out[n:])
	return n
}

// FastestLap draws a classified driver with probability proportional to
// his fastest-lap strength, walking the field in index order. That is his
// season's strength before the sharpening, w^(1/Sharpness) for the
// sharpened w: the sharpness corrects the order at the front of a race,
// and the fastest lap is another contest, often a late stop for fresh
// tyres (from 2019 to 2025 the winner set it in 46 of 151 races). It
// keeps the draw quick too: a leader drawn a thousand times stronger than
// the field, retired, would be drawn again and again.
func (s *plSampler) FastestLap(g *Gen) int {
	if s.net {
		return s.fastestLapMask(g)
	}
	u := g.Float64() * s.sum
	last := -1
	for d, p := range s.drv {
		if s.out[d] {
			continue
		}
		last = d
		u -= p.fl
		if u < 0 {
			return d
		}
	}
	return last
}

// fastestLapMask is FastestLap on the network path: a driver drawn in
// proportion to the season's strength, as the count of cumulative
// strengths at or below a uniform point (independent comparisons, no
// branches), drawn again while the driver retired, which is proportional
// to strength among the classified. The vector code draws it alike, and
// Begin's floor on the strengths (flFloor) bounds how often it draws
// again.
func (s *plSampler) fastestLapMask(g *Gen) int {
	if bits.OnesCount64(s.mask) >= s.n {
		return 0
	}
	cum := s.cum[:s.n]
	total := cum[len(cum)-1]
	for {
		u := g.Float64() * total
		d := race.Count(&s.cum, u, s.n, s.vec)
		// d == n only when rounding put u at the total: draw again.
		if d < s.n && s.mask>>(d&63)&1 == 0 {
			return d
		}
	}
}
