package model

import (
	"math"
	"slices"
)

// fitIncidents fits the strengths by hard EM of the incident mixture:
// mark the incidents today's strengths imply, from the sessions as
// observed each time, and refit until the marks settle (a few rounds;
// eight at most). Results are judged under the race the simulation runs,
// at the strengths to the power Sharpness: under the prior the fitted
// order is flat, and in it a winner classified 19th after a late failure
// looks like form. The first marks are made at the fitted strengths
// themselves, so that a fast driver whom such a result has dragged down
// does not have his wins taken for the incidents instead. It returns
// fitPL's results and the sessions as last marked.
func fitIncidents(m int, obs []observation, o Options, base []float64, teams []int) (w, sd []float64, iters int, fitted []observation) {
	w, sd, iters = fitPL(m, obs, o.Prior, base, teams, o.TeamPool)
	fitted = obs
	judged := make([]float64, m)
	for i := 0; o.Incident > 0 && i < 8; i++ {
		power := o.Sharpness
		if i == 0 {
			power = 1
		}
		for d, x := range w {
			judged[d] = math.Pow(x, power)
		}
		marked := markIncidents(obs, judged, o.Incident)
		if !sameOrders(marked, fitted) {
			fitted = marked
			w, sd, iters = fitPL(m, fitted, o.Prior, base, teams, o.TeamPool)
		} else if power == o.Sharpness {
			break
		}
	}
	return w, sd, iters, fitted
}

// markIncidents returns the observations with every classified result
// that is likelier an incident than form moved among the retirements. A
// result is an incident with prior probability pi, and then its place is
// uniform over the classified places; otherwise the Plackett–Luce ranking
// placed it. For a driver d at place k of c classified, the ranking's
// likelihood over the ranking without him is
//
//	R = Π_{i<min(k,c-1)} (S_i - w_d)/S_i · (w_d/S_k if k < c-1)
//
// (S_i the strength still in the race at stage i), and the result is an
// incident when pi/c > (1-pi)·R.
func markIncidents(obs []observation, w []float64, pi float64) []observation {
	out := make([]observation, 0, len(obs))
	for _, ob := range obs {
		// Greedily, the most surprising result first: once it is out, the
		// places it disturbed are judged without it.
		kept := ob.order[:ob.classified]
		var dropped []int
		for len(kept) > 2 {
			k := mostSurprising(kept, w, math.Log(pi/((1-pi)*float64(len(kept)))))
			if k < 0 {
				break
			}
			dropped = append(dropped, kept[k])
			kept = append(slices.Clip(kept[:k]), kept[k+1:]...)
		}
		if len(dropped) == 0 {
			out = append(out, ob)
			continue
		}
		order := append(append(kept, dropped...), ob.order[ob.classified:]...)
		out = append(out, observation{order: order, classified: len(kept), weight: ob.weight})
	}
	return out
}

// mostSurprising returns the place in a classified order of the result
// whose log R (see markIncidents) is lowest and under limit, or -1.
func mostSurprising(order []int, w []float64, limit float64) int {
	c := len(order)
	sums := make([]float64, c)
	total := 0.0
	for i := c - 1; i >= 0; i-- {
		total += w[order[i]]
		sums[i] = total
	}
	worst, at := limit, -1
	for k, d := range order {
		logR := 0.0
		for i := range min(k, c-1) {
			logR += math.Log1p(-w[d] / sums[i])
		}
		if k < c-1 {
			logR += math.Log(w[d] / sums[k])
		}
		if logR < worst {
			worst, at = logR, k
		}
	}
	return at
}

// sameOrders reports whether two markings of the same sessions agree.
func sameOrders(a, b []observation) bool {
	for i := range a {
		if a[i].classified != b[i].classified || !slices.Equal(a[i].order, b[i].order) {
			return false
		}
	}
	return true
}
