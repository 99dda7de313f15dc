package model

import (
	"math"
	"sort"

	"github.com/champ-dev/champ/points"
)

// Options are the model's hyperparameters. The zero value is not useful;
// start from [DefaultOptions].
type Options struct {
	// HalfLife is the recency weighting: a session HalfLife rounds before
	// the last completed round counts half as much. 0 weighs every round
	// the same.
	HalfLife float64
	// Prior is the weight, in races, of the gamma prior that shrinks
	// strengths toward the field (or toward the form carried): each
	// driver's prior holds as much information as Prior of his own
	// sessions do (a unit-information prior), so a front-runner, whose
	// results say little of how much faster he is than the rest, is not
	// pulled back harder than the midfield.
	Prior float64
	// DNFPrior is the weight, in starts, of the prior retirement rate (the
	// field's this season, or the team's carried, DNFCarry) in each
	// driver's beta-binomial retirement probability.
	DNFPrior float64
	// DNFTeam is how much of his team-mates' record a driver's retirement
	// rate takes beside his own: 0 his own starts only, 1 his team's (the
	// car's reliability, every car of the team alike).
	DNFTeam float64
	// DNFCarry centres each driver's prior retirement rate on his team's
	// at the end of the season before instead of the field's this season:
	// 0 the field, 1 the team's carried rate (a team new to the series
	// takes the field's). It needs the season before (FitSeasonFrom).
	DNFCarry float64
	// Uncertainty scales the standard deviation of the log-strengths drawn
	// for each simulated season (0: no parameter uncertainty).
	Uncertainty float64
	// Sharpness scales the log-strengths the simulated races use, and
	// their spread: log w becomes Sharpness·log w. Plackett–Luce fitted to
	// whole finishing orders is flatter at the front than racing is (in
	// sample, a season's most frequent winner is expected to win about a
	// fifth fewer races than he did): above 1 sharpens the order, 1 keeps
	// the fit, below 1 pulls every driver toward the field and 0 makes
	// them equal (but for retirements).
	Sharpness float64
	// Drift is the standard deviation, per round, of a random walk of each
	// driver's log-strength over the rounds left: the simulated season's
	// strength is drawn with the walk's mean variance over a horizon of H
	// rounds, Drift²·H/3, added to the parameter uncertainty, so that a
	// projection is less sure of form the more of the season is left.
	Drift float64
	// Absence is how often a driver of the field misses a session left
	// (an injury, a seat lost, a race skipped), which scores as a
	// retirement: Absence times the rate at which the front half of a race
	// did not start the next one (see absences), in the season so far and
	// the season before (carried, so only where Carry or DNFCarry is
	// above 0), shrunk toward none by absencePrior, at most a half. Above
	// 1 stands for absences coming in runs (one injury, several races),
	// whose spread independent misses at the measured rate understate. 0
	// has every driver of the field start every session.
	Absence float64
	// TeamPool shrinks each driver toward his team-mates rather than the
	// field: the prior's mode is the team-mates' geometric mean strength
	// to the power TeamPool (0: the field, 1: the team-mates), so a driver
	// with no finishes takes his car's form.
	TeamPool float64
	// Incident is the prior probability that a classified result says
	// nothing of form: a late retirement classified 19th, a first-lap
	// collision, a penalty. The fit treats a result as such an incident,
	// like a retirement, where that is likelier than the driver's form
	// producing it, so one bad afternoon does not bury a fast driver's
	// strength. Results are judged at the simulated strengths (the fitted
	// ones to the power Sharpness). 0 takes every classified result at
	// face value.
	Incident float64
	// Carry is how much of the season before's form a driver brings: his
	// prior's mode is, times Carry, his team's log-strength at the end of
	// it (through the ids it raced under then, points.Season.Formerly,
	// where it was renamed; the field's for a team new to the series)
	// plus his edge over his team-mates then (a newcomer takes his
	// team's), instead of the field's. A driver who changes teams brings
	// his edge, not his old car. 0 starts every season level; it needs
	// the season before (FitSeasonFrom).
	Carry float64
	// RuleCarry scales Carry into a season of new technical regulations
	// (points.Season.NewRules), when the order of the cars is reshuffled:
	// 1 carries as much as any year, 0 nothing.
	RuleCarry float64
	// TeamShare is the share of each simulated season's draw of a
	// driver's log-strength (its uncertainty and drift) that his
	// team-mates share: the car's. 0 draws every driver alone; toward 1
	// team-mates' strengths move together, so the faster of the two stays
	// ahead of the other however the car fares against the field.
	TeamShare float64
}

// DefaultOptions are the hyperparameters champ uses unless told otherwise.
// They were chosen by backtest on the seasons 1950–2012 only (champ
// backtest --from 1950 --to 2012 --grid ..., the lowest log loss; the
// README gives the grids), so later seasons are an honest out-of-sample
// test.
func DefaultOptions() Options {
	return Options{HalfLife: 16, Prior: 8, DNFPrior: 35, DNFTeam: 1, DNFCarry: 0.5, Uncertainty: 1, Sharpness: 4, Incident: 0.03, Carry: 1, RuleCarry: 0.125, Drift: 0.05, TeamShare: 0.75, Absence: 3}
}

// Fit is a fitted Plackett–Luce model with retirement rates.
type Fit struct {
	Drivers  []string  // driver ids, sorted
	Strength []float64 // MAP strengths w_d (the field averages about 1)
	LogSD    []float64 // posterior standard deviation of log w_d
	// Retirement probability: Beta(DNFAlpha, DNFBeta) posterior.
	DNFAlpha, DNFBeta []float64
	Iterations        int
	// Absence is the chance that a driver of the field misses a session
	// left, which scores as a retirement (Options.Absence).
	Absence float64
	// Sharpness is Options.Sharpness: the simulation's scale of the
	// log-strengths.
	Sharpness float64
	// TeamShare is Options.TeamShare, and Team each driver's team at the
	// last round fitted: team-mates share that part of a season's draw.
	TeamShare float64
	Team      map[string]string
}

// DNF returns the posterior mean retirement probability of driver i.
func (f *Fit) DNF(i int) float64 { return f.DNFAlpha[i] / (f.DNFAlpha[i] + f.DNFBeta[i]) }

// Index returns the position of a driver in Drivers, or -1.
func (f *Fit) Index(id string) int {
	i := sort.SearchStrings(f.Drivers, id)
	if i < len(f.Drivers) && f.Drivers[i] == id {
		return i
	}
	return -1
}

// observation is one session as a weighted top-k ranking: order holds the
// classified drivers in finishing order, then the unclassified starters.
type observation struct {
	order      []int
	classified int
	weight     float64
}

// observations extracts the completed sessions up to round n.
func observations(s *points.Season, n int, o Options, index map[string]int) []observation {
	type key struct{ round, kind int }
	groups := map[key][]*points.Result{}
	var keys []key
	for i := range s.Results {
		r := &s.Results[i]
		if r.Round > n || r.Status == points.DNS || r.Status == points.DNQ || r.Counts == points.CountsOther {
			continue
		}
		k := key{r.Round, int(r.Session)}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].round != keys[j].round {
			return keys[i].round < keys[j].round
		}
		return keys[i].kind < keys[j].kind
	})
	var obs []observation
	for _, k := range keys {
		rs := groups[k]
		sort.SliceStable(rs, func(i, j int) bool {
			a, b := rs[i], rs[j]
			if a.Classified() != b.Classified() {
				return a.Classified()
			}
			return a.Position < b.Position
		})
		seen := map[int]bool{}
		ob := observation{weight: 1}
		if o.HalfLife > 0 {
			ob.weight = math.Exp2(-float64(n-k.round) / o.HalfLife)
		}
		for _, r := range rs {
			d := index[r.Driver]
			if seen[d] {
				continue // a second car of the same driver (1950s)
			}
			seen[d] = true
			ob.order = append(ob.order, d)
			if r.Classified() {
				ob.classified++
			}
		}
		if len(ob.order) >= 2 {
			obs = append(obs, ob)
		}
	}
	return obs
}

// FitSeason fits the model to the completed sessions of rounds 1..n,
// every driver's prior centred on the field.
func FitSeason(s *points.Season, n int, o Options) *Fit { return FitSeasonFrom(s, n, o, nil) }

// FitSeasonFrom fits the model to the completed sessions of rounds 1..n,
// each driver's prior centred on the form carried from the season before
// (nil or Options.Carry 0: the field).
func FitSeasonFrom(s *points.Season, n int, o Options, from *Carried) *Fit {
	seen := map[string]bool{}
	var ids []string
	for _, r := range s.Results {
		if r.Round <= n && !seen[r.Driver] {
			seen[r.Driver] = true
			ids = append(ids, r.Driver)
		}
	}
	sort.Strings(ids)
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	obs := observations(s, n, o, index)
	f := &Fit{Drivers: ids, Sharpness: o.Sharpness, TeamShare: o.TeamShare}
	latest := latestTeams(s, n)
	f.Team = latest
	teams := teamIndex(ids, latest)
	base := make([]float64, len(ids)) // log of each prior's mode
	if carry := o.Carry; from != nil && carry > 0 {
		if s.NewRules {
			carry *= o.RuleCarry
		}
		for i, id := range ids {
			base[i] = carry * from.form(id, latest[id], s.Formerly[latest[id]])
		}
	}
	var fitted []observation
	f.Strength, f.LogSD, f.Iterations, fitted = fitIncidents(len(ids), obs, o, base, teams)
	carried := make([]float64, len(ids))
	for i, id := range ids {
		carried[i] = -1
		if v, ok := from.dnf(latest[id], s.Formerly[latest[id]]); ok && o.DNFCarry > 0 {
			carried[i] = v
		}
	}
	f.DNFAlpha, f.DNFBeta = fitDNF(len(ids), fitted, o, teams, carried)
	f.Absence = absenceOf(s, n, from, o.Absence)
	h := 0
	for _, rd := range s.Rounds {
		if rd.Number > n {
			h++
		}
	}
	drift := o.Drift * o.Drift * float64(h) / 3
	for i := range f.LogSD {
		f.LogSD[i] *= o.Uncertainty
		f.LogSD[i] = math.Sqrt(f.LogSD[i]*f.LogSD[i] + drift)
	}
	return f
}

// fitPL fits the strengths under a unit-information prior worth prior
// races: a first fit gives each driver a gamma prior of shape 1+prior and
// mode exp(base) (a driver's team-mates' form to the power pool where
// pooled), whose information on log w is prior; the second gives each
// driver prior times his own information per session at that fit. It
// returns the MAP strengths, the Laplace standard deviations of the
// log-strengths and the iterations of both fits.
func fitPL(m int, obs []observation, prior float64, base []float64, teams []int, pool float64) (w, sd []float64, iters int) {
	b := make([]float64, m)
	for d := range b {
		b[d] = prior
	}
	w, rate, first := fitGamma(m, obs, b, base, teams, pool, nil)
	info, n := sessionInfo(m, obs, w)
	mean, seen := 0.0, 0
	for d := range info {
		if n[d] > 0 {
			mean += info[d] / n[d]
			seen++
		}
	}
	if seen > 0 {
		mean /= float64(seen)
		for d := range b {
			b[d] = prior * mean // a driver never classified: the field's
			if n[d] > 0 {
				b[d] = prior * info[d] / n[d]
			}
		}
		var again int
		w, rate, again = fitGamma(m, obs, b, base, teams, pool, w)
		info, _ = sessionInfo(m, obs, w)
		first += again
	}
	// The Laplace standard deviation of log w_d: the observed
	// information plus the prior's curvature, rate_d w_d.
	sd = make([]float64, m)
	for d := range sd {
		sd[d] = 1 / math.Sqrt(info[d]+rate[d]*w[d])
	}
	return w, sd, first
}

// sessionInfo returns each driver's observed information of log w in
// the sessions at strengths w (Σ weight Σ_stages p(1-p), p his chance of
// taking the stage) and the weight of the sessions he was classified in
// with someone else: a session with one classified driver makes no choice
// among them and tells nothing of his strength, so it does not count
// toward his information per session.
func sessionInfo(m int, obs []observation, w []float64) (info, n []float64) {
	info = make([]float64, m)
	n = make([]float64, m)
	for _, ob := range obs {
		if stagesOf(ob) == 0 {
			continue
		}
		for _, d := range ob.order[:ob.classified] {
			n[d] += ob.weight
		}
		addInfo(ob, w, info)
	}
	return info, n
}

// addInfo adds one session's observed information of each log w_d,
// weight Σ_stages p(1-p), to info.
func addInfo(ob observation, w, info []float64) {
	total := 0.0
	for _, d := range ob.order[:ob.classified] {
		total += w[d]
	}
	for i := range stagesOf(ob) {
		for _, d := range ob.order[i:ob.classified] {
			p := w[d] / total
			info[d] += ob.weight * p * (1 - p)
		}
		total -= w[ob.order[i]]
	}
}

// fitGamma runs Hunter's MM iterations for weighted top-k rankings under
// gamma priors of shape 1+b_d and mode exp(base_d) (a driver's team-mates'
// form to the power pool where pooled), from start (nil: every strength
// 1), and returns the MAP strengths, each driver's prior rate at them
// (the prior's curvature of log w_d is rate_d w_d) and the number of
// iterations.
func fitGamma(m int, obs []observation, b, base []float64, teams []int, pool float64, start []float64) (w, rate []float64, iters int) {
	rate = make([]float64, m) // the prior's rate per driver: b over its mode
	for i := range rate {
		rate[i] = b[i] / math.Exp(base[i])
	}
	modes := func() {
		if pool == 0 {
			return
		}
		sum, cnt := map[int]float64{}, map[int]int{}
		for d, t := range teams {
			if t >= 0 {
				sum[t] += math.Log(w[d])
				cnt[t]++
			}
		}
		for d, t := range teams {
			rate[d] = b[d] / math.Exp(base[d])
			if t >= 0 && cnt[t] > 1 {
				rate[d] = b[d] / math.Exp(base[d]+pool*(sum[t]-math.Log(w[d]))/float64(cnt[t]-1))
			}
		}
	}
	w = make([]float64, m)
	for i := range w {
		w[i] = 1
	}
	if start != nil {
		copy(w, start)
	}
	wins := make([]float64, m)
	for _, ob := range obs {
		for i := range stagesOf(ob) {
			wins[ob.order[i]] += ob.weight
		}
	}
	denom := make([]float64, m)
	inv := []float64{}
	next := make([]float64, m)
	for iters = 1; iters <= 10000; iters++ {
		modes()
		for i := range denom {
			denom[i] = rate[i]
		}
		for _, ob := range obs {
			inv = stageSums(ob, w, inv)
			accumulate(ob, inv, denom)
		}
		change := 0.0
		for d := range w {
			next[d] = (b[d] + wins[d]) / denom[d]
			change = math.Max(change, math.Abs(math.Log(next[d]/w[d])))
		}
		copy(w, next)
		if change < 1e-10 {
			break
		}
	}
	return w, rate, iters
}

// stageSums returns, for each stage i of an observation, the prefix sum
// Σ_{j<=i} weight/S_j, where S_j is the total strength still in the race
// at stage j.
func stageSums(ob observation, w []float64, buf []float64) []float64 {
	stages := stagesOf(ob)
	buf = buf[:0]
	total := 0.0
	for _, d := range ob.order[:ob.classified] {
		total += w[d]
	}
	acc := 0.0
	for i := 0; i < stages; i++ {
		acc += ob.weight / total
		buf = append(buf, acc)
		total -= w[ob.order[i]]
	}
	return buf
}

// accumulate adds to each driver's MM denominator the stages they were in.
func accumulate(ob observation, prefix []float64, denom []float64) {
	stages := len(prefix)
	if stages == 0 {
		return
	}
	for pos, d := range ob.order[:ob.classified] {
		// A driver placed at stage pos took part in stages 0..pos; the last
		// classified driver in every stage.
		denom[d] += prefix[min(pos, stages-1)]
	}
}

// stagesOf is the number of choices a session's ranking makes: every
// classified place but the last. Retired drivers take no part: the
// simulation draws retirements first and orders the rest by strength, and
// the fit mirrors it (retirements inform the retirement rates only).
func stagesOf(ob observation) int { return max(ob.classified-1, 0) }

// teamIndex numbers the teams of drivers ids as latest has them, in the
// order they first appear: each driver's team's number, -1 for none.
func teamIndex(ids []string, latest map[string]string) []int {
	teams, tix := make([]int, len(ids)), map[string]int{}
	for i, id := range ids {
		teams[i] = -1
		if t, ok := latest[id]; ok {
			if _, seen := tix[t]; !seen {
				tix[t] = len(tix)
			}
			teams[i] = tix[t]
		}
	}
	return teams
}

// latestTeams maps each driver to the team he drove for last in rounds
// 1..n.
func latestTeams(s *points.Season, n int) map[string]string {
	latest := map[string]string{}
	for _, r := range s.Results {
		if r.Round <= n && r.Team != "" {
			latest[r.Driver] = r.Team
		}
	}
	return latest
}
