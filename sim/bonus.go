package sim

import (
	"math"
	"math/bits"

	"gonum.org/v1/gonum/optimize"

	"github.com/champ-dev/champ/points"
)

// Bonuses drawn by finishing place. Pole, leading a lap and leading the
// most laps follow the race: a simulated session first draws its order,
// then who took pole, who led and who led the most by where they
// finished, with propensities fitted to the season's completed sessions.
//
//   - Pole: the driver in place p (from 0, among the session's starters)
//     took pole with probability proportional to exp(-λp).
//   - Led a lap: each starter independently, with probability
//     logistic(a - b·log(1+p)); if no one did, the winner.
//   - Most laps led: one of those who led, with probability proportional
//     to exp(-μp).
//
// λ, (a, b) and μ are maximum a posteriori estimates (gonum's optimize)
// from the completed sessions that award the bonus and flag it in their
// results, with normal priors that stand in for a season not yet seen:
// λ ~ N(0.25, 0.3²), a ~ N(1, 1.5²), b ~ N(1.5, 1²), μ ~ N(0.5, 0.5²).

// bonusModel holds the fitted propensities by place, and draw tables for
// fields of up to n starters (places past the 64th never lead or take
// pole).
type bonusModel struct {
	Lambda, A, B, Mu float64
	pole             []alias   // by the number of starters m: the pole's place among 0..m-1
	ledT             []uint32  // led-a-lap probability by place, on 16 bits (65536 = certain)
	mostW            []float64 // most-laps-led weights by place
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

// Priors of the by-place bonus model.
var bonusPrior = struct{ lambda, a, b, mu, sdLambda, sdA, sdB, sdMu float64 }{0.25, 1, 1.5, 0.5, 0.3, 1.5, 1, 0.5}

// fitBonuses fits the by-place propensities to the completed sessions of
// the plan up to round after, for a field of n.
func fitBonuses(plan *points.Plan, after, n int) *bonusModel {
	var poles [][2]int // (place, starters)
	type ledObs struct {
		places []int
		led    []bool
	}
	var leds []ledObs
	var mostSets [][]int // per session with a most-laps-led flag: the leaders' places, the holder first
	for _, ps := range plan.Sessions {
		if ps.Round.Number > after || len(ps.Results) == 0 || ps.Kind == points.Qualifying {
			continue
		}
		awards := map[points.BonusKind]bool{}
		for _, sc := range ps.Scores {
			for _, a := range sc.Awards {
				awards[a.Kind] = true
			}
		}
		order := startersOrder(ps.Results)
		flagged := func(k points.BonusKind) bool {
			for _, r := range order {
				if r.Flag(k) {
					return true
				}
			}
			return false
		}
		if awards[points.Pole] && flagged(points.Pole) {
			for p, r := range order {
				if r.Pole {
					poles = append(poles, [2]int{p, len(order)})
					break
				}
			}
		}
		if (awards[points.LedLap] || awards[points.MostLapsLed]) && flagged(points.LedLap) {
			o := ledObs{}
			for p, r := range order {
				o.places = append(o.places, p)
				o.led = append(o.led, r.LedLap || r.MostLapsLed)
			}
			leds = append(leds, o)
			if flagged(points.MostLapsLed) {
				set := []int{-1}
				for p, r := range order {
					switch {
					case r.MostLapsLed:
						set[0] = p
					case r.LedLap:
						set = append(set, p)
					}
				}
				if set[0] >= 0 {
					mostSets = append(mostSets, set)
				}
			}
		}
	}
	m := &bonusModel{}
	pr := bonusPrior
	m.Lambda = fit1(pr.lambda, func(l float64) float64 {
		nll := sq(l-pr.lambda) / (2 * sq(pr.sdLambda))
		for _, o := range poles {
			nll -= -l*float64(o[0]) - logSumExp(l, o[1])
		}
		return nll
	})
	ab := fitN([]float64{pr.a, pr.b}, func(x []float64) float64 {
		a, b := x[0], x[1]
		nll := sq(a-pr.a)/(2*sq(pr.sdA)) + sq(b-pr.b)/(2*sq(pr.sdB))
		for _, o := range leds {
			for i, p := range o.places {
				z := a - b*math.Log1p(float64(p))
				if o.led[i] {
					nll += softplus(-z)
				} else {
					nll += softplus(z)
				}
			}
		}
		return nll
	})
	m.A, m.B = ab[0], ab[1]
	m.Mu = fit1(pr.mu, func(mu float64) float64 {
		nll := sq(mu-pr.mu) / (2 * sq(pr.sdMu))
		for _, set := range mostSets {
			z := 0.0
			for _, p := range set {
				z += math.Exp(-mu * float64(p))
			}
			nll -= -mu*float64(set[0]) - math.Log(z)
		}
		return nll
	})
	m.tables(n)
	return m
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
		m.mostW[p] = math.Exp(-m.Mu * float64(p))
	}
	for k := 1; k <= n; k++ {
		m.pole[k] = newAlias(w[:k])
	}
}

// startersOrder orders a completed session's starters as the simulator
// orders its places: the classified by position, then the others.
func startersOrder(results []*points.Result) []*points.Result {
	var cls, rest []*points.Result
	for _, r := range results {
		switch {
		case r.Status == points.DNS || r.Status == points.DNQ:
		case r.Classified():
			cls = append(cls, r)
		default:
			rest = append(rest, r)
		}
	}
	for i := 1; i < len(cls); i++ {
		for j := i; j > 0 && cls[j-1].Position > cls[j].Position; j-- {
			cls[j-1], cls[j] = cls[j], cls[j-1]
		}
	}
	return append(cls, rest...)
}

func sq(x float64) float64 { return x * x }

// softplus is log(1 + e^x), without overflow.
func softplus(x float64) float64 {
	if x > 30 {
		return x
	}
	return math.Log1p(math.Exp(x))
}

// logSumExp is log Σ_{q<n} exp(-l·q).
func logSumExp(l float64, n int) float64 {
	z := 0.0
	for q := range n {
		z += math.Exp(-l * float64(q))
	}
	return math.Log(z)
}

// fit1 minimises f over one parameter from x0.
func fit1(x0 float64, f func(float64) float64) float64 {
	return fitN([]float64{x0}, func(x []float64) float64 { return f(x[0]) })[0]
}

// fitN minimises f from x0 with Nelder-Mead (the objectives are smooth,
// have a handful of parameters and are cheap).
func fitN(x0 []float64, f func([]float64) float64) []float64 {
	res, err := optimize.Minimize(optimize.Problem{Func: f}, x0, &optimize.Settings{Converger: &optimize.FunctionConverge{Absolute: 1e-10, Iterations: 200}}, &optimize.NelderMead{})
	if err != nil || res == nil || math.IsNaN(res.F) {
		return x0
	}
	return res.X
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
	// Who led: by place, four places a draw, without branches (ledT has
	// zeros past the field, so the last draw's spare lanes lead nothing).
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

// placeOf is driver d's place in order, or -1.
func placeOf(order []int, d int) int {
	for p, x := range order {
		if x == d {
			return p
		}
	}
	return -1
}
