package sim

import (
	"math"
	"sort"

	"github.com/champ-dev/champ/points"
)

// Bands are how a backtest judges the points bands and the finishing
// positions: for every entry still racing at a projected round, whether
// its final points fell inside its P5–P95 and P25–P75 bands, the
// interval score of the 90% band (its width, plus 20 times the miss
// where it missed: Gneiting and Raftery's score, lower is better) and the
// ranked probability score of its final position (the squared distance
// between the forecast and the real cumulative distributions over the
// positions, divided by the positions less one: 0 is perfect, lower is
// better). Each season weighs the same, as for the title odds.
type Bands struct {
	Entries   int     // entry-projections scored
	Cover90   float64 // share of final points inside P5–P95 (0.90 for calibrated bands)
	Cover50   float64 // inside P25–P75 (0.50)
	Interval  float64 // mean interval score of the P5–P95 band, in points
	RPS       float64 // mean ranked probability score of the final position
	HalfWay   HalfWay // projected from half-way only
	BySeason  []SeasonBands
	Champions int // seasons whose champion's final points were inside his P5–P95 from half-way
}

// HalfWay is the band coverage of projections made after the middle round
// of each season (round ⌈n/2⌉).
type HalfWay struct {
	Entries   int
	Cover90   float64 // share of all entries' final points inside P5–P95
	Champions int     // seasons whose champion ended inside his P5–P95
	Seasons   int
	// Expected is how many of those seasons the model itself expects:
	// the sum of each half-way projection's Table.ChampionInside.
	Expected float64
}

// SeasonBands is one season's line of Bands, and its title-odds scores by
// model.
type SeasonBands struct {
	Season   string
	Cover90  float64
	Cover50  float64
	Interval float64
	RPS      float64
	// Scores are the title odds' scores in this season, in Backtest.Scores
	// order.
	Scores []Score
}

// bandObs is one entry's projection scored against its final standing.
type bandObs struct {
	season           string
	halfWay          bool
	in90, in50       bool
	interval, rps    float64
	champion, inside bool    // the season's champion; inside his 90% band
	expect           float64 // the projection's Table.ChampionInside
}

// quantileOf is the q-quantile of an entry's final points from its
// distribution of gains.
func quantileOf(e *Entry, q float64, step float64) float64 {
	acc := 0.0
	for i, g := range e.Gains {
		acc += g
		if acc >= q-1e-12 && acc > 0 {
			return e.Points + float64(i)*step
		}
	}
	return e.Points + float64(len(e.Gains)-1)*step
}

// scoreBands scores a projection's table against the final standings.
func scoreBands(p *Projection, tb *Table, final []points.Standing, season string, halfWay bool, champions map[string]bool) []bandObs {
	fin := map[string]points.Standing{}
	for _, st := range final {
		fin[st.ID] = st
	}
	var out []bandObs
	n := len(tb.Entries)
	for i := range tb.Entries {
		e := &tb.Entries[i]
		st, ok := fin[e.ID]
		if !ok || !e.Active || st.Excluded {
			continue
		}
		x := st.Points
		lo, hi := quantileOf(e, 0.05, p.Step), quantileOf(e, 0.95, p.Step)
		q25, q75 := quantileOf(e, 0.25, p.Step), quantileOf(e, 0.75, p.Step)
		o := bandObs{season: season, halfWay: halfWay, in90: x >= lo-1e-9 && x <= hi+1e-9, in50: x >= q25-1e-9 && x <= q75+1e-9}
		o.interval = hi - lo
		if x < lo {
			o.interval += 20 * (lo - x)
		} else if x > hi {
			o.interval += 20 * (x - hi)
		}
		// The real position: its place in the final table.
		if pos := st.Position; pos >= 1 && n > 1 {
			cf, rps := 0.0, 0.0
			for k := 0; k < n-1; k++ {
				if k < len(e.Positions) {
					cf += e.Positions[k]
				}
				obs := 0.0
				if k+1 >= pos {
					obs = 1
				}
				rps += (cf - obs) * (cf - obs)
			}
			o.rps = rps / float64(n-1)
		}
		o.champion, o.inside, o.expect = champions[e.ID], o.in90, tb.ChampionInside
		out = append(out, o)
	}
	return out
}

// summarise turns scored projections into Bands, each season weighing
// the same.
func summarise(obs []bandObs, seasons []string) Bands {
	var b Bands
	by := map[string][]bandObs{}
	for _, o := range obs {
		by[o.season] = append(by[o.season], o)
	}
	mean := func(os []bandObs, f func(bandObs) float64) float64 {
		if len(os) == 0 {
			return 0
		}
		t := 0.0
		for _, o := range os {
			t += f(o)
		}
		return t / float64(len(os))
	}
	b2f := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	counted := 0
	var half []bandObs
	for _, s := range seasons {
		os := by[s]
		if len(os) == 0 {
			continue
		}
		counted++
		sb := SeasonBands{Season: s, Cover90: mean(os, func(o bandObs) float64 { return b2f(o.in90) }), Cover50: mean(os, func(o bandObs) float64 { return b2f(o.in50) }),
			Interval: mean(os, func(o bandObs) float64 { return o.interval }), RPS: mean(os, func(o bandObs) float64 { return o.rps })}
		b.BySeason = append(b.BySeason, sb)
		b.Entries += len(os)
		b.Cover90 += sb.Cover90
		b.Cover50 += sb.Cover50
		b.Interval += sb.Interval
		b.RPS += sb.RPS
		seasonHalf, inside := false, false
		for _, o := range os {
			if o.halfWay {
				half = append(half, o)
				if !seasonHalf {
					b.HalfWay.Expected += o.expect
				}
				seasonHalf = true
				// Co-champions (a crew) count the season once.
				inside = inside || o.champion && o.inside
			}
		}
		if seasonHalf {
			b.HalfWay.Seasons++
		}
		if inside {
			b.HalfWay.Champions++
		}
	}
	if counted > 0 {
		b.Cover90 /= float64(counted)
		b.Cover50 /= float64(counted)
		b.Interval /= float64(counted)
		b.RPS /= float64(counted)
	}
	b.HalfWay.Entries = len(half)
	b.HalfWay.Cover90 = mean(half, func(o bandObs) float64 { return b2f(o.in90) })
	b.Champions = b.HalfWay.Champions
	return b
}

// Difference is a bootstrap over seasons of the difference between the
// model's score and a baseline's (model minus baseline: negative means
// the model is better): its mean and the 5th and 95th percentiles of
// the resampled means.
type Difference struct {
	Against        string
	Brier, LogLoss [3]float64 // mean, P5, P95
}

// bootstrap resamples the seasons with replacement (seeded) and returns
// the differences of the model's per-season scores to each other row's.
func bootstrap(perSeason [][]Score, names []string, seed uint64, draws int) []Difference {
	n := len(perSeason)
	if n == 0 {
		return nil
	}
	g := NewGen(seed, 0xb007)
	var out []Difference
	for m := 1; m < len(names); m++ {
		d := Difference{Against: names[m]}
		diffB, diffL := make([]float64, n), make([]float64, n)
		for s := range perSeason {
			diffB[s] = perSeason[s][0].Brier - perSeason[s][m].Brier
			diffL[s] = perSeason[s][0].LogLoss - perSeason[s][m].LogLoss
		}
		mb, ml := make([]float64, draws), make([]float64, draws)
		for k := range draws {
			for range n {
				i := g.IntN(n)
				mb[k] += diffB[i]
				ml[k] += diffL[i]
			}
			mb[k] /= float64(n)
			ml[k] /= float64(n)
		}
		sort.Float64s(mb)
		sort.Float64s(ml)
		d.Brier = [3]float64{avg(diffB), mb[draws*5/100], mb[draws*95/100]}
		d.LogLoss = [3]float64{avg(diffL), ml[draws*5/100], ml[draws*95/100]}
		out = append(out, d)
	}
	return out
}

func avg(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t / float64(len(xs))
}
