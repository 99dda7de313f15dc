package model

// fitDNF returns each driver's beta posterior for not being classified:
// a prior worth DNFPrior starts, centred on the field's rate this season
// or, by DNFCarry, on his team's carried rate (carried[d], -1: none), and
// his record with his team-mates' (same teams[d]; -1: none) added at
// weight DNFTeam.
func fitDNF(m int, obs []observation, o Options, teams []int, carried []float64) (alpha, beta []float64) {
	starts := make([]float64, m)
	dnfs := make([]float64, m)
	var fieldStarts, fieldDNF float64
	for _, ob := range obs {
		for i, d := range ob.order {
			starts[d] += ob.weight
			fieldStarts += ob.weight
			if i >= ob.classified {
				dnfs[d] += ob.weight
				fieldDNF += ob.weight
			}
		}
	}
	rate := 0.1
	if fieldStarts > 0 {
		rate = (fieldDNF + 0.5) / (fieldStarts + 1)
	}
	var teamStarts, teamDNF map[int]float64
	if o.DNFTeam > 0 {
		teamStarts, teamDNF = map[int]float64{}, map[int]float64{}
		for d, t := range teams {
			if t >= 0 {
				teamStarts[t] += starts[d]
				teamDNF[t] += dnfs[d]
			}
		}
	}
	alpha = make([]float64, m)
	beta = make([]float64, m)
	for d := range alpha {
		n, k := starts[d], dnfs[d]
		if t := teams[d]; t >= 0 && teamStarts != nil {
			n += o.DNFTeam * (teamStarts[t] - starts[d])
			k += o.DNFTeam * (teamDNF[t] - dnfs[d])
		}
		mean := rate
		if carried != nil && carried[d] >= 0 {
			mean = (1-o.DNFCarry)*rate + o.DNFCarry*carried[d]
		}
		alpha[d] = o.DNFPrior*mean + k
		beta[d] = o.DNFPrior*(1-mean) + n - k
	}
	return alpha, beta
}
