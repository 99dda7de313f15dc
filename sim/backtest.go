package sim

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/champ-dev/champ/points"
)

// Baselines a backtest scores the model against, beside other models.
const (
	// BaselineLeader gives the title to the driver leading the standings.
	BaselineLeader = "leader"
	// BaselineOpen spreads the title evenly over the drivers who can still
	// win it. It is the reference of the skill scores.
	BaselineOpen = "open"
)

// resampleDraws is how many times a backtest resamples, seeded: the
// bootstrap over seasons and each reliability bin's range if calibrated.
const resampleDraws = 2000

// BacktestConfig says how to run a backtest.
type BacktestConfig struct {
	Model string // the model under test ("" is plackett-luce)
	// Championship is the id of the championship scored ("": drivers);
	// a season whose system has none is skipped.
	Championship string
	Compare      []string // other models scored as baselines
	Options      Options
	Sims         int // seasons simulated per projection
	Seed         uint64
	Workers      int // projections run at once; 0: GOMAXPROCS
	// Previous returns the season before a season, whose form the model
	// carries by Options.Carry (nil, or a nil result: none).
	Previous func(*points.Season) *points.Season
	// Progress, if set, is called after each projection with the rounds
	// done and the total.
	Progress func(done, total int)
}

// Backtest is a backtest's result.
type Backtest struct {
	Model     string
	Seasons   []string // the seasons with at least one forecast round
	Rounds    int      // rounds after which the title was still open
	Reference string   // what the skill scores compare with
	// Scores: the model first, then the compared models, then the
	// baselines. Skill is against the Reference.
	Scores []Score
	// Forecasts per model or baseline name, in season, round, standings
	// order.
	Forecasts map[string][]Forecast
	// Reliability is the model's reliability table, in 10 bins.
	Reliability []Bin
	// Bands scores the model's points bands and final positions; its
	// BySeason lines carry every row's title-odds scores per season.
	Bands Bands
	// Differences are bootstraps over seasons of the model's scores less
	// each other row's, in Scores order (after the model).
	Differences []Difference
}

// RunBacktest projects the title odds after every completed round of the
// seasons after which the title was still open, as they would have been
// known then (only the results up to that round, the calendar as given),
// and scores them against each season's real champion (of the
// championship cfg names). Only the entries who could still win are
// forecast: the others' 0 was certain. Seasons
// not yet complete are skipped.
func RunBacktest(seasons []*points.Season, cfg BacktestConfig) (*Backtest, error) {
	if cfg.Model == "" {
		cfg.Model = ModelPlackettLuce
	}
	champ := cfg.Championship
	if champ == "" {
		champ = points.DriversChampionship
	}
	models := []string{cfg.Model}
	for _, m := range cfg.Compare {
		if m != "" && m != cfg.Model {
			models = append(models, m)
		}
	}
	bt := &Backtest{Model: cfg.Model, Reference: BaselineOpen, Forecasts: map[string][]Forecast{}}
	var jobs []*btJob
	for _, s := range seasons {
		sj, err := seasonJobs(s, champ, cfg.Previous)
		if err != nil {
			return nil, err
		}
		for _, j := range sj {
			if !j.bandsOnly {
				bt.Rounds++
			}
		}
		if len(sj) > 0 && !sj[0].bandsOnly {
			bt.Seasons = append(bt.Seasons, seasonID(s))
		}
		jobs = append(jobs, sj...)
	}
	if err := runJobs(jobs, models, champ, cfg); err != nil {
		return nil, err
	}
	bt.score(jobs, models, cfg.Seed)
	return bt, nil
}

// btJob is one projection of a backtest: a season after one round.
type btJob struct {
	season    *points.Season
	round     int
	champions map[string]bool   // the final champion, with co-champions
	crews     map[string]int    // each driver's crew-mates where the season is raced by crews (points.Season.CrewMates)
	standings []points.Standing // the drivers who can still win, in standings order
	probs     [][]float64       // per model, per open driver
	final     []points.Standing // the season's final table
	halfWay   bool              // the projection from round ⌈n/2⌉
	bandsOnly bool              // the title was decided by then: bands only
	bands     []bandObs
	previous  *points.Season
}

// seasonJobs returns a complete season's projections: one after each
// round with the title still open, and, where it was decided by
// half-way, one from half-way for the bands only. None for a season not
// complete or without the championship.
func seasonJobs(s *points.Season, champ string, previous func(*points.Season) *points.Season) ([]*btJob, error) {
	last := len(s.Rounds)
	if last == 0 || s.LastCompleted() != last || s.System.Championship(champ) == nil {
		return nil, nil
	}
	final := points.Standings(s, champ, last)
	champions := championsOf(s, final)
	var crews map[string]int
	if s.RacedByCrews(last) {
		crews = s.CrewMates(last)
	}
	var prev *points.Season
	if previous != nil {
		prev = previous(s)
	}
	var jobs []*btJob
	half := (last + 1) / 2
	for r := 1; r < last; r++ {
		cut, err := s.After(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Name, err)
		}
		if done, _ := points.Decided(cut, r, champ); done {
			if r <= half {
				// The bands are still judged from half-way.
				if cut, err = s.After(half); err == nil {
					jobs = append(jobs, &btJob{season: cut, round: half, champions: champions, crews: crews, final: final, halfWay: true, bandsOnly: true, previous: prev})
				}
			}
			break
		}
		all := points.Standings(cut, champ, r)
		var open []points.Standing
		for _, st := range all {
			if points.CanWin(cut, r, all, st.ID, champ) {
				open = append(open, st)
			}
		}
		jobs = append(jobs, &btJob{season: cut, round: r, champions: champions, crews: crews, standings: open, final: final, halfWay: r == half, previous: prev})
	}
	return jobs, nil
}

// championsOf returns the champion of a final table, and any crew-mate
// level with him on everything (co-champions).
func championsOf(s *points.Season, final []points.Standing) map[string]bool {
	champions := map[string]bool{}
	for _, st := range final {
		if st.Excluded {
			continue
		}
		if len(champions) > 0 && !st.Tied {
			break
		}
		if len(champions) > 0 && !sameCar(s, final[0].ID, st.ID) {
			break // a tie between rivals: the first on the table
		}
		champions[st.ID] = true
	}
	return champions
}

// runJobs projects every job with every model, on cfg.Workers: the
// first model's bands, and each model's title odds of the drivers who can
// still win.
func runJobs(jobs []*btJob, models []string, champ string, cfg BacktestConfig) error {
	memo := &carryMemo{}
	return forEach(len(jobs), cfg.Workers, cfg.Progress, func(i int) error {
		j := jobs[i]
		for mi, m := range models {
			if j.bandsOnly && mi > 0 {
				break
			}
			p, err := Project(j.season, j.round, Config{Model: m, Options: cfg.Options, Sims: cfg.Sims, Seed: cfg.Seed, Workers: 1, Previous: j.previous, carry: memo, champBands: j.halfWay && mi == 0})
			if err != nil {
				return fmt.Errorf("%s after round %d: %w", j.season.Name, j.round, err)
			}
			if mi == 0 {
				j.bands = scoreBands(p, p.Table(champ), j.final, seasonID(j.season), j.halfWay, j.champions)
			}
			if j.bandsOnly {
				break
			}
			prob := map[string]float64{}
			for _, e := range p.Table(champ).Entries {
				prob[e.ID] = e.TitleProb
			}
			ps := make([]float64, len(j.standings))
			for k, st := range j.standings {
				ps[k] = prob[st.ID]
			}
			j.probs = append(j.probs, ps)
		}
		return nil
	})
}

// score fills in the backtest from its projections: every row's
// forecasts (the models', the leader's and open's) and scores, the
// model's reliability and bands, each season's scores, and the bootstrap
// over seasons.
func (bt *Backtest) score(jobs []*btJob, models []string, seed uint64) {
	names := append(append([]string{}, models...), BaselineLeader, BaselineOpen)
	var bands []bandObs
	for _, j := range jobs {
		bands = append(bands, j.bands...)
		for k, st := range j.standings {
			f := Forecast{Season: seasonID(j.season), Round: j.round, Driver: st.ID, Champion: j.champions[st.ID]}
			if g, ok := j.crews[st.ID]; ok {
				f.Crew = g + 1
			}
			for m := range models {
				f.Prob = j.probs[m][k]
				bt.Forecasts[models[m]] = append(bt.Forecasts[models[m]], f)
			}
			f.Prob = 0
			if k == 0 || points.Compare(&j.standings[0], &st) == 0 && sameCar(j.season, j.standings[0].ID, st.ID) {
				f.Prob = 1 // the leader, and his crew-mates level with him
			}
			bt.Forecasts[BaselineLeader] = append(bt.Forecasts[BaselineLeader], f)
			f.Prob = 1 / float64(len(j.standings))
			bt.Forecasts[BaselineOpen] = append(bt.Forecasts[BaselineOpen], f)
		}
	}
	ref := ScoreForecasts(BaselineOpen, bt.Forecasts[BaselineOpen])
	for _, n := range names {
		sc := ScoreForecasts(n, bt.Forecasts[n])
		sc.SkillAgainst(ref)
		bt.Scores = append(bt.Scores, sc)
	}
	bt.Reliability = Reliability(bt.Forecasts[bt.Model], 10)
	Consistency(bt.Reliability, bt.Forecasts[bt.Model], seed, resampleDraws)
	bt.Bands = summarise(bands, bt.Seasons)
	// Per season, every row's scores; and the bootstrap over seasons.
	var perSeason [][]Score
	for i := range bt.Bands.BySeason {
		sb := &bt.Bands.BySeason[i]
		row := make([]Score, len(names))
		for k, n := range names {
			var fs []Forecast
			for _, f := range bt.Forecasts[n] {
				if f.Season == sb.Season {
					fs = append(fs, f)
				}
			}
			row[k] = ScoreForecasts(n, fs)
		}
		sb.Scores = row
		if row[0].Forecasts > 0 {
			perSeason = append(perSeason, row)
		}
	}
	bt.Differences = bootstrap(perSeason, names, seed, resampleDraws)
}

// seasonID names a season in forecasts: its id (f1-2016), or its name.
func seasonID(s *points.Season) string {
	if s.ID != "" {
		return s.ID
	}
	return s.Name
}

// sameCar reports whether drivers a and b are crew-mates (points.Season.CrewMates).
func sameCar(s *points.Season, a, b string) bool {
	g := s.CrewMates(s.LastCompleted())
	ga, ok := g[a]
	return ok && ga == g[b]
}

// Timeline projects the season after each completed round up to last
// (a round left to run between completed ones is skipped): the title odds
// as they stood after every round. Its entries carry no Gains
// (the distribution of final points, which a timeline does not need), and
// each one's Season is s itself rather than the copy cut after its round
// (names and rounds are the same in both), so that its memory grows with
// the rounds and the field, but not with the points at stake or the
// results times the rounds.
func Timeline(s *points.Season, last int, cfg Config, progress func(done, total int)) ([]*Projection, error) {
	var rounds []int // a round still to run between completed ones has no projection after it
	for k := 1; k <= last; k++ {
		if rd := s.Round(k); rd != nil && rd.Completed {
			rounds = append(rounds, k)
		}
	}
	out := make([]*Projection, len(rounds))
	workers := cfg.Workers
	cfg.Workers = 1
	cfg.carry = &carryMemo{}
	err := forEach(len(rounds), workers, progress, func(i int) error {
		cut, err := s.After(rounds[i])
		if err != nil {
			return err
		}
		if out[i], err = Project(cut, rounds[i], cfg); err != nil {
			return err
		}
		out[i].Season = s
		for k := range out[i].Tables {
			for j := range out[i].Tables[k].Entries {
				out[i].Tables[k].Entries[j].Gains = nil
			}
		}
		return nil
	})
	return out, err
}

// forEach runs do(0..n-1) on `workers` goroutines (0: GOMAXPROCS), calling
// progress after each, and returns the first error by index. After an
// error it starts no more: the jobs before it have all started (they are
// taken in order), so the first error is the same, and a run that fails
// at its first round fails at once.
func forEach(n, workers int, progress func(done, total int), do func(i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, n)
	var next, done atomic.Int64
	var failed atomic.Bool
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if failed.Load() {
					return // checked before taking a job: every job taken runs
				}
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if errs[i] = do(i); errs[i] != nil {
					failed.Store(true)
				}
				if progress != nil {
					mu.Lock()
					progress(int(done.Add(1)), n)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
