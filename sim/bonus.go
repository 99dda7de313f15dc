package sim

import (
	"math"
	"math/bits"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim/internal/race"
	"github.com/champ-dev/champ/sim/model"
)

// Bonuses drawn by finishing place: pole, leading a lap and leading the
// most laps follow the simulated order, with the propensities
// model.FitBonuses fits (see its doc). The draw tables here turn them
// into draws: an alias table for the pole, 16-bit thresholds for the led
// laps, weights for the most laps led.

// newBonusModel builds the draw tables of fitted propensities for fields
// of up to n starters.
func newBonusModel(b model.Bonuses, n int) *bonusModel {
	m := &bonusModel{Bonuses: b}
	m.tables(n)
	return m
}

// bonusModel holds the fitted propensities by place, and draw tables for
// fields of up to n starters (places past the 64th never lead or take
// pole).
type bonusModel struct {
	model.Bonuses
	pole []alias  // by the number of starters m: the pole's place among 0..m-1
	ledT []uint32 // led-a-lap probability by place, on 16 bits (65536 = certain)
	// ledT for the vector draw: below 65536, with the certain places as
	// bits
	led16   [race.LedMax]uint16
	ledSure uint64
	mostW   []float64 // most-laps-led weights by place
}

// alias is Walker's alias table of a distribution over 0..len-1: a
// uniform u picks column i = ⌊u·len⌋, which is i with probability
// prob[i] and other[i] otherwise.
type alias struct {
	prob  []float64
	other []uint8
}

func newAlias(w []float64) alias {
	n := len(w)
	a := alias{prob: make([]float64, n), other: make([]uint8, n)}
	total := 0.0
	for _, x := range w {
		total += x
	}
	scaled := make([]float64, n)
	var small, large []int
	for i, x := range w {
		scaled[i] = x * float64(n) / total
		if scaled[i] < 1 {
			small = append(small, i)
		} else {
			large = append(large, i)
		}
	}
	for len(small) > 0 && len(large) > 0 {
		l, g := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		a.prob[l], a.other[l] = scaled[l], uint8(g)
		scaled[g] -= 1 - scaled[l]
		if scaled[g] < 1 {
			large, small = large[:len(large)-1], append(small, g)
		}
	}
	for _, i := range append(small, large...) {
		a.prob[i], a.other[i] = 1, uint8(i)
	}
	return a
}

// pick draws from the table with one uniform variate.
func (a *alias) pick(u float64) int {
	x := u * float64(len(a.prob))
	i := int(x)
	if i >= len(a.prob) {
		i = len(a.prob) - 1
	}
	if x-float64(i) < a.prob[i] {
		return i
	}
	return int(a.other[i])
}

// tables builds the draw tables for fields of up to n starters.
func (m *bonusModel) tables(n int) {
	n = min(n, 64)
	m.pole, m.ledT, m.mostW = make([]alias, n+1), make([]uint32, n+4), make([]float64, n)
	w := make([]float64, n)
	for p := range n {
		w[p] = math.Exp(-m.Lambda * float64(p))
		q := 1 / (1 + math.Exp(-(m.A - m.B*math.Log1p(float64(p)))))
		m.ledT[p] = uint32(math.Round(q * 65536))
		if p < race.LedMax {
			m.led16[p] = uint16(min(m.ledT[p], 65535))
			if m.ledT[p] == 65536 {
				m.ledSure |= 1 << p
			}
		}
		m.mostW[p] = math.Exp(-m.Mu * float64(p))
	}
	for k := 1; k <= n; k++ {
		m.pole[k] = newAlias(w[:k])
	}
}

// bonusState is what the by-place draws of the session last drawn gave,
// as places among the session's starters (from 0): pole and most laps led
// (-1: not drawn), and the places that led a lap as bits.
type bonusState struct {
	pole, most int
	led        uint64
}

// bonusFix holds a session's fixed by-place bonuses: field indices, -1
// where not fixed.
type bonusFix struct {
	pole, most int
	led        []int
}

// draw draws the by-place bonuses of session ss among its n starters,
// whose places 0..n-1 the field drivers order[0..n-1] took; fix, if not
// nil, decides some of them. The draws are the same on the full path and
// the kernel: one Float64 for the pole, one Uint64 for each four places
// for the led laps, one Float64 for the most laps led, each only where
// the session awards it and no fix decides it.
func (bs *bonusState) draw(g *Gen, m *bonusModel, ss *session, n int, order []int, fix *bonusFix) {
	n = min(n, 64)
	bs.pole, bs.most, bs.led = -1, -1, 0
	if n == 0 {
		return
	}
	if ss.bonus[points.Pole].on {
		if fix != nil && fix.pole >= 0 {
			bs.pole = placeOf(order[:n], fix.pole)
		} else {
			bs.pole = m.pole[n].pick(g.Float64())
		}
	}
	if !ss.bonus[points.LedLap].on && !ss.bonus[points.MostLapsLed].on {
		return
	}
	// Who led, by place.
	var led uint64
	if race.UseLedVec && n <= race.LedMax {
		// The same draws, eight at once.
		st, l := race.Led(g.State(), &m.led16, n)
		g.SetState(st)
		led = l | m.ledSure
	} else {
		led = m.ledScalar(g, n)
	}
	led &= 1<<n - 1 // n < 64; at 64 the shift wraps to all ones
	if fix != nil {
		for _, d := range fix.led {
			if p := placeOf(order[:n], d); p >= 0 {
				led |= 1 << p
			}
		}
		if p := placeOf(order[:n], fix.most); fix.most >= 0 && p >= 0 {
			led |= 1 << p
		}
	}
	if led == 0 {
		led = 1 // someone led every lap: the winner did
	}
	bs.led = led
	if !ss.bonus[points.MostLapsLed].on {
		return
	}
	if fix != nil && fix.most >= 0 {
		bs.most = placeOf(order[:n], fix.most)
		return
	}
	total := 0.0
	for x := led; x != 0; x &= x - 1 {
		total += m.mostW[bits.TrailingZeros64(x)]
	}
	u := g.Float64() * total
	for x := led; x != 0; x &= x - 1 {
		p := bits.TrailingZeros64(x)
		bs.most = p
		if u -= m.mostW[p]; u < 0 {
			break
		}
	}
}

// ledScalar draws who led a lap among places 0..n-1, four places a draw,
// without branches (ledT has zeros past the field, so the last draw's
// spare lanes lead nothing).
func (m *bonusModel) ledScalar(g *Gen, n int) uint64 {
	var led uint64
	t := m.ledT
	for p := 0; p < n; p += 4 {
		u := g.Uint64()
		var b0, b1, b2, b3 uint64
		if uint32(u&0xffff) < t[p] {
			b0 = 1
		}
		if uint32(u>>16&0xffff) < t[p+1] {
			b1 = 1
		}
		if uint32(u>>32&0xffff) < t[p+2] {
			b2 = 1
		}
		if uint32(u>>48) < t[p+3] {
			b3 = 1
		}
		led |= (b0 | b1<<1 | b2<<2 | b3<<3) << p
	}
	return led
}

// each calls award with each bonus the draw gave and the field driver who
// took it, the driver at its place in order.
func (bs *bonusState) each(order []int, award func(kind points.BonusKind, d int)) {
	if bs.pole >= 0 {
		award(points.Pole, order[bs.pole])
	}
	for x := bs.led; x != 0; x &= x - 1 {
		award(points.LedLap, order[bits.TrailingZeros64(x)])
	}
	if bs.most >= 0 {
		award(points.MostLapsLed, order[bs.most])
	}
}

// placeOf is driver d's place in order, or -1.
func placeOf(order []int, d int) int {
	for p, x := range order {
		if x == d {
			return p
		}
	}
	return -1
}
