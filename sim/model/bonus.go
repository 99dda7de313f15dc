package model

import (
	"math"

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

// Bonuses are the fitted by-place propensities.
type Bonuses struct {
	Lambda float64 // pole: weight exp(-Lambda·p) for place p
	A, B   float64 // led a lap: logistic(A - B·log(1+p))
	Mu     float64 // most laps led, among those who led: weight exp(-Mu·p)
}

// Priors of the by-place bonus model.
var bonusPrior = struct{ lambda, a, b, mu, sdLambda, sdA, sdB, sdMu float64 }{0.25, 1, 1.5, 0.5, 0.3, 1.5, 1, 0.5}

// FitBonuses fits the by-place propensities to the completed sessions of
// the plan up to round after.
func FitBonuses(plan *points.Plan, after int) Bonuses {
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
	var m Bonuses
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
	return m
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
