package sim

import (
	"math"
	"sort"
)

// Scoring forecasts. A forecast is one driver's probability of the title
// after one round; its outcome is whether the driver became champion.
// Scores are means over forecasts, weighted so that every season counts
// the same however many forecasts it has.

// LogLossFloor bounds the probabilities the log loss sees to
// [LogLossFloor, 1-LogLossFloor]: a forecast of 0 that comes true would
// otherwise score an infinite loss, and no forecast (a model's or a
// baseline's) is read as surer than 99.9%.
const LogLossFloor = 0.001

// Forecast is one scored probability.
type Forecast struct {
	Season   string
	Round    int // the forecast was made after this round
	Driver   string
	Prob     float64
	Champion bool
	// Crew, in a season raced by crews, names the driver's crew-mates
	// (points.Season.CrewMates, from 1): they share one title, so their
	// forecasts are about one outcome. 0: the driver's own.
	Crew int
}

// Brier is one forecast's Brier score: the squared error of the probability.
func Brier(p float64, happened bool) float64 {
	o := 0.0
	if happened {
		o = 1
	}
	return (p - o) * (p - o)
}

// LogLoss is one forecast's log loss (natural logarithm), with the
// probability kept within [LogLossFloor, 1-LogLossFloor].
func LogLoss(p float64, happened bool) float64 {
	p = min(max(p, LogLossFloor), 1-LogLossFloor)
	if happened {
		return -math.Log(p)
	}
	return -math.Log(1 - p)
}

// Score summarises a set of forecasts.
type Score struct {
	Model     string
	Forecasts int
	Seasons   int
	Brier     float64
	LogLoss   float64
	// Skill against the reference forecasts: 1 - score/reference score.
	// 1 is perfect, 0 no better than the reference, negative worse.
	BrierSkill, LogLossSkill float64
}

// ScoreForecasts scores forecasts, giving each season the same weight:
// a season's forecasts share a weight of 1 equally.
func ScoreForecasts(model string, fs []Forecast) Score {
	count := map[string]int{}
	for _, f := range fs {
		count[f.Season]++
	}
	sc := Score{Model: model, Forecasts: len(fs), Seasons: len(count)}
	if len(fs) == 0 {
		return sc
	}
	for _, f := range fs {
		w := 1 / float64(count[f.Season])
		sc.Brier += w * Brier(f.Prob, f.Champion)
		sc.LogLoss += w * LogLoss(f.Prob, f.Champion)
	}
	sc.Brier /= float64(len(count))
	sc.LogLoss /= float64(len(count))
	return sc
}

// SkillAgainst fills in the skill scores against a reference's scores.
func (s *Score) SkillAgainst(ref Score) {
	s.BrierSkill = skill(s.Brier, ref.Brier)
	s.LogLossSkill = skill(s.LogLoss, ref.LogLoss)
}

func skill(score, ref float64) float64 {
	if ref == 0 {
		return 0
	}
	return 1 - score/ref
}

// Bin is one row of a reliability table: the forecasts whose probability
// lies in [Lo, Hi) (the last bin includes 1).
type Bin struct {
	Lo, Hi    float64
	Count     int
	MeanProb  float64 // mean forecast probability
	Observed  float64 // share of the forecasts that came true
	Happened  int     // how many came true
	StdErr    float64 // binomial standard error of Observed at MeanProb
	Deviation float64 // Observed - MeanProb
	// Calibrated is the range, 2.5th to 97.5th percentile, in which
	// Observed falls 95% of the time if the forecasts are calibrated
	// (see Consistency); both 0 until it is computed.
	Calibrated [2]float64
}

// binOf is the bin of a probability among bins equal bins of [0, 1] (the
// last holds 1).
func binOf(p float64, bins int) int { return min(int(p*float64(bins)), bins-1) }

// Reliability bins forecasts by probability into `bins` equal bins and
// compares each bin's mean forecast with how often its forecasts came
// true. Every forecast counts once: this is the count a reader checks.
func Reliability(fs []Forecast, bins int) []Bin {
	out := make([]Bin, bins)
	sum := make([]float64, bins)
	for i := range out {
		out[i].Lo = float64(i) / float64(bins)
		out[i].Hi = float64(i+1) / float64(bins)
	}
	for _, f := range fs {
		i := binOf(f.Prob, bins)
		out[i].Count++
		sum[i] += f.Prob
		if f.Champion {
			out[i].Happened++
		}
	}
	for i := range out {
		b := &out[i]
		if b.Count == 0 {
			continue
		}
		b.MeanProb = sum[i] / float64(b.Count)
		b.Observed = float64(b.Happened) / float64(b.Count)
		b.StdErr = math.Sqrt(b.MeanProb * (1 - b.MeanProb) / float64(b.Count))
		b.Deviation = b.Observed - b.MeanProb
	}
	return out
}

// Consistency fills in each bin's Calibrated range by drawing the
// outcomes the forecasts themselves predict, draws times from seed. A
// driver's forecasts over the rounds of one season are about one title,
// not independent trials, so each draw gives every driver's season (or
// crew's, Forecast.Crew: crew-mates share a title) one outcome in each
// bin, champion with its mean forecast there, shared by all its
// forecasts in the bin (drivers are drawn apart, though at most one of a
// season's is champion). Where a bin's forecasts are few drivers'
// seasons, its range is far wider than the binomial StdErr suggests.
func Consistency(bins []Bin, fs []Forecast, seed uint64, draws int) {
	type group struct {
		count int
		sum   float64
	}
	type key struct {
		season, driver string
		crew           int
	}
	nb := len(bins)
	if nb == 0 || draws <= 0 {
		return
	}
	groups := make([][]group, nb)
	index := make([]map[key]int, nb)
	for _, f := range fs {
		i := binOf(f.Prob, nb)
		if index[i] == nil {
			index[i] = map[key]int{}
		}
		k := key{f.Season, f.Driver, f.Crew}
		if f.Crew > 0 {
			k.driver = "" // one outcome for the crew
		}
		j, ok := index[i][k]
		if !ok {
			j = len(groups[i])
			index[i][k] = j
			groups[i] = append(groups[i], group{})
		}
		groups[i][j].count++
		groups[i][j].sum += f.Prob
	}
	g := NewGen(seed, 0xca1b)
	obs := make([]float64, draws)
	for i := range bins {
		b := &bins[i]
		if b.Count == 0 {
			continue
		}
		for d := range obs {
			happened := 0
			for _, gr := range groups[i] {
				if g.Float64() < gr.sum/float64(gr.count) {
					happened += gr.count
				}
			}
			obs[d] = float64(happened) / float64(b.Count)
		}
		sort.Float64s(obs)
		b.Calibrated = [2]float64{obs[draws*25/1000], obs[draws-1-draws*25/1000]}
	}
}
