package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// backtestSims is the default number of seasons per projection in a
// backtest: a standard error of at most 0.35 percentage points on each
// probability, far below what separates the models, and the whole history
// in a few minutes.
const backtestSims = 20_000

func backtestCommand() *cli.Command {
	return &cli.Command{
		Name:      "backtest",
		Usage:     "score past title odds against the real champions: Brier, log loss, reliability",
		UsageText: "champ backtest [--from YEAR] [--to YEAR | --season S,S] [--model M] [--compare M,M] [--sims N] [--format table|csv|json|html] [--out FILE] [--forecasts FILE] [--plot FILE]",
		Description: `For every F1 season from --from to --to (or every season --season names:
built-in ones such as indycar-2024 and wec-2024, or season folders of any
series) and every completed round after which the title was still open,
projects the title odds as they would have been known then (results up to
that round only, exclusions decided by then, the rest of the calendar to
run) and scores them against the driver who became champion (in a season
of crews, each crew-mate level with him on everything is champion too).

A forecast is one driver's title probability after one round. Drivers who
could no longer win are left out (their 0 was certain), and so are rounds
after which the title was decided. Each season's forecasts together weigh
as much as any other season's, so a 24-round season counts no more than a
7-round one. Scores (lower is better):
  brier     mean squared error of the probabilities
  log_loss  mean negative log-likelihood (natural log), probabilities
            kept within [0.001, 0.999]
Skill scores compare with the "open" baseline: 1 - score/open's score,
so 0 is no better than it and higher is better.

Baselines, scored beside the model:
  leader    the driver leading the standings wins (probability 1)
  open      every driver who can still win is equally likely
  --compare the other models, uniform and empirical by default

The reliability table bins the model's forecasts by probability and
compares each bin's mean forecast with how often those drivers became
champion: a calibrated 70% comes true 70% of the time. Beside it, the
range the observed share falls in 95% of the time if the forecasts are
calibrated, drawn from the forecasts themselves (2,000 draws, seeded)
with each driver's season one outcome (each crew's, where crews race):
his forecasts over the rounds are about one title, so a bin of few
drivers' seasons can miss by far more than its count of forecasts
suggests.

The points bands are judged too, for every driver still racing at every
projection: how often the final points fall inside P5–P95 (90% if
calibrated) and P25–P75 (50%), the interval score of the P5–P95 band
(width plus 20 times any miss, in points) and the ranked probability
score of the final position; and from half-way (round n/2, even where
the title was decided by then) the coverage and in how many seasons the
champion ended inside his band, beside how many the model itself expects
(its simulated champions inside their bands: the champion tends to sit
high in his, so a calibrated model expects fewer than 90%). Then a table by season and a bootstrap
over seasons (2,000 draws, seeded) of the model's Brier and log loss less
every other row's, with its 90% interval.

Examples:
  champ backtest --from 1991 --to 2025
  champ backtest --from 2013 --to 2025 --model uniform --format csv --out uniform.csv
  champ backtest --from 1991 --to 2025 --plot reliability.png
  champ backtest --from 2013 --to 2025 --forecasts forecasts.csv
  champ backtest --season indycar-2024,wec-2024
  champ backtest --from 1950 --to 2012 --sims 2000 --grid carry=0.5,1 --grid prior=1,2

--grid NAME=V,V backtests the model at every combination of the values of
the hyperparameters named (model flags without --), one line each, best log
loss first: how the defaults were chosen, on 1950–2012 only (README). The
form carried from the season before (--carry) comes from the season before
each one, among those opened or built in.

CSV columns: model,forecasts,brier,log_loss,brier_skill,log_loss_skill
--forecasts columns: season,after_round,driver,title_prob,champion (season
the id, as f1-2016; title_prob a fraction with six decimals; champion true
or false)`,
		Flags: append([]cli.Flag{
			&cli.IntFlag{Name: "from", Value: 1991, Usage: "first `YEAR`"},
			&cli.IntFlag{Name: "to", Value: 2025, Usage: "last `YEAR` (seasons not yet complete are skipped)"},
			&cli.StringSliceFlag{Name: "season", Aliases: []string{"s"}, Usage: "backtest these `SEASONS` instead: built-in names or season folders, comma-separated or repeated (any series)"},
			&cli.StringFlag{Name: "compare", Value: sim.ModelUniform + "," + sim.ModelEmpirical, Usage: "other `MODELS` to score as baselines, comma-separated (\"\" for none)"},
			&cli.StringSliceFlag{Name: "grid", Usage: "search the model's hyperparameters: `NAME=V,V` (a model flag and its values, repeated for more), every combination backtested and ranked, best log loss first"},
			&cli.StringFlag{Name: "forecasts", Usage: "write the model's forecasts to `FILE` (CSV)"},
			championshipFlags()[0], championshipFlags()[1],
			plotFlag("the reliability diagram"),
			progressFlag(), formatFlag(), outFlag(),
		}, simFlags(backtestSims, "simulate `N` seasons per projection", "the `MODEL` to score: plackett-luce, empirical or uniform", "run `N` projections at once")...),
		Action: backtestAction,
	}
}

// backtestOptions are backtest's flags.
type backtestOptions struct {
	sim          simOptions
	from, to     int
	seasons      []string // --season: the seasons instead of F1 from..to
	championship string
	compare      []string // the models to score beside sim.cfg.Model
	forecasts    string   // --forecasts: the file to write them to
	grid         []string // --grid: the axes to search
}

func backtestAction(c *cli.Context) error {
	so, err := simOptionsOf(c, "choose the seasons with --from and --to, or --season")
	if err != nil {
		return err
	}
	o := backtestOptions{sim: so, from: c.Int("from"), to: c.Int("to"), seasons: splitList(c.StringSlice("season")),
		championship: points.DriversChampionship, forecasts: c.String("forecasts"), grid: c.StringSlice("grid")}
	if o.forecasts != "" {
		if err := checkWritable("--forecasts", o.forecasts); err != nil {
			return err
		}
	}
	if o.from > o.to {
		return usagef("--from %d is after --to %d", o.from, o.to)
	}
	if len(o.seasons) > 0 && (c.IsSet("from") || c.IsSet("to")) {
		return usagef("--season chooses the seasons; leave out --from and --to")
	}
	if c.Bool("constructors") {
		o.championship = points.TeamsChampionship
	}
	if name := c.String("championship"); name != "" {
		if c.Bool("constructors") && name != points.TeamsChampionship {
			return usagef("--constructors is --championship teams; give one of them")
		}
		o.championship = strings.ToLower(name)
	}
	for _, m := range strings.Split(c.String("compare"), ",") {
		if m = strings.ToLower(strings.TrimSpace(m)); m == "" {
			continue
		}
		if err := checkModel("compare", m); err != nil {
			return err
		}
		o.compare = append(o.compare, m)
	}
	if len(o.grid) > 0 {
		if o.forecasts != "" || o.sim.plot != "" || c.IsSet("compare") {
			return usagef("--grid reports a table of its points; leave out --forecasts, --plot and --compare")
		}
	}
	return runBacktest(o, envOf(c))
}

// runBacktest projects every round of the seasons, scores the forecasts
// against how the seasons ended and writes the scores (or, with --grid,
// a table of the grid's points).
func runBacktest(o backtestOptions, e env) error {
	run := o.sim.cfg
	cfg := sim.BacktestConfig{Model: run.Model, Options: run.Options, Sims: run.Sims, Seed: run.Seed, Workers: run.Workers,
		Championship: o.championship, Compare: o.compare}
	seasons, label, err := backtestSeasons(o.seasons, o.from, o.to)
	if err != nil {
		return err
	}
	if ch := seasons[0].System.Championship(cfg.Championship); ch == nil {
		return usagef("--championship %q: %s%s (points system %s) has the championships %s", cfg.Championship, hintPrefix(cfg.Championship, seasons[0].System.ChampionshipIDs()), seasons[0].Name, seasons[0].System.ID, strings.Join(seasons[0].System.ChampionshipIDs(), ", "))
	}
	// The season before each: one of those already open, or a built-in.
	byID := map[string]*points.Season{}
	for _, s := range seasons {
		byID[s.ID] = s
	}
	cfg.Previous = func(s *points.Season) *points.Season {
		if p, ok := byID[data.PreviousName(s.ID)]; ok && p != s {
			return p
		}
		return data.Previous(s.ID)
	}
	if len(o.grid) > 0 {
		return backtestGrid(o, e, seasons, cfg, label)
	}
	bar := newProgress(e, o.sim.progress, "rounds")
	if bar.on {
		cfg.Progress = bar.update
	}
	start := time.Now()
	bt, err := sim.RunBacktest(seasons, cfg)
	bar.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "champ: %d projections of %d seasons in %.1fs\n",
		bt.Rounds*(1+len(cfg.Compare)), cfg.Sims, time.Since(start).Seconds())
	if len(bt.Seasons) == 0 {
		return fmt.Errorf("no complete season of %s had a round with the %s title still open", label, cfg.Championship)
	}
	if f := o.forecasts; f != "" {
		if err := data.WriteFileAtomic(f, func(w io.Writer) error { return writeForecasts(w, bt.Forecasts[bt.Model]) }); err != nil {
			return fmt.Errorf("writing %s: %w", f, err)
		}
	}
	if o.sim.plot != "" {
		if err := writePlot(o.sim.plot, reliabilityPlot(bt, label)); err != nil {
			return err
		}
	}
	rep := backtestReport{bt: bt, from: o.from, to: o.to, label: label, sims: cfg.Sims, seed: cfg.Seed, opts: cfg.Options}.report()
	if o.sim.output.format == formatHTML {
		svg, err := plotSVG(reliabilityPlot(bt, label))
		if err != nil {
			return err
		}
		rep.SVG = append(rep.SVG, svg)
	}
	return o.sim.output.report(e, rep)
}

// backtestSeasons opens the seasons specs names, or else the F1 seasons
// from `from` to `to`, and a label for them.
func backtestSeasons(specs []string, from, to int) ([]*points.Season, string, error) {
	var seasons []*points.Season
	label := fmt.Sprintf("F1 %d–%d", from, to)
	if len(specs) > 0 {
		for _, spec := range specs {
			s, err := data.Open(spec)
			if err != nil {
				return nil, "", err
			}
			seasons = append(seasons, s)
		}
		label = strings.Join(specs, ", ")
	} else {
		for y := from; y <= to; y++ {
			s, err := data.Open(fmt.Sprintf("f1-%d", y))
			if err != nil {
				return nil, "", usagef("--from %d --to %d: %v", from, to, err)
			}
			seasons = append(seasons, s)
		}
	}
	return seasons, label, nil
}

// backtestGrid backtests every point of a --grid and reports them, best
// first.
func backtestGrid(o backtestOptions, e env, seasons []*points.Season, cfg sim.BacktestConfig, label string) error {
	axes, err := parseGrid(o.grid)
	if err != nil {
		return err
	}
	pts, err := gridPoints(cfg.Options, axes)
	if err != nil {
		return err
	}
	bar := newProgress(e, o.sim.progress, "points")
	start := time.Now()
	rows, err := runGrid(seasons, cfg, pts, bar.update)
	bar.done()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "champ: %d grid points of %d rounds in %.1fs\n", len(rows), rows[0].bt.Rounds, time.Since(start).Seconds())
	return o.sim.output.report(e, gridReport{rows: rows, axes: axes, label: label, sims: cfg.Sims, seed: cfg.Seed}.report())
}

type backtestReport struct {
	bt       *sim.Backtest
	from, to int
	label    string // the seasons: "F1 2013–2025", or the --season list
	sims     int
	seed     uint64
	opts     sim.Options
}

func binLabel(b sim.Bin) string {
	return fmt.Sprintf("%.0f–%.0f%%", 100*b.Lo, 100*b.Hi)
}

func pct1(p float64) string { return strconv.FormatFloat(100*p, 'f', 1, 64) + "%" }

func signed(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

func writeForecasts(w io.Writer, fs []sim.Forecast) error {
	rows := [][]string{{"season", "after_round", "driver", "title_prob", "champion"}}
	for _, f := range fs {
		rows = append(rows, []string{f.Season, strconv.Itoa(f.Round), f.Driver, machineText(fraction(f.Prob)), strconv.FormatBool(f.Champion)})
	}
	return writeRecords(w, rows)
}

// report is the backtest: the scores of each model (the rows CSV
// writes), then the reliability bins, the points bands season by season
// and the bootstrap of the differences.
func (r backtestReport) report() *report {
	bt, bd := r.bt, r.bt.Bands
	f4 := func(x float64) cell { return cell{Text: strconv.FormatFloat(x, 'f', 4, 64), Value: x} }
	rep := &report{
		Title: fmt.Sprintf("Backtest of %s title odds: %s, %d seasons, %d rounds with the title open", bt.Model, r.label, len(bt.Seasons), bt.Rounds),
		Lead: []string{fmt.Sprintf("%d simulated seasons per projection, seed %d. Lower scores are better; skill is against", r.sims, r.seed),
			fmt.Sprintf("%q (the title shared evenly by those who can still win), higher is better.", bt.Reference)},
		Meta: []field{{"from", r.from}, {"to", r.to}, {"model", bt.Model}, {"options", modelOptions(r.opts)}, {"sims", r.sims},
			{"seed", r.seed}, {"seasons", bt.Seasons}, {"rounds", bt.Rounds}, {"skill_reference", bt.Reference}, {"log_loss_floor", sim.LogLossFloor},
			{"bands", orderedObject{{"entries", bd.Entries}, {"coverage_p5_p95", bd.Cover90}, {"coverage_p25_p75", bd.Cover50},
				{"interval_score", bd.Interval}, {"position_rps", bd.RPS}, {"half_way_entries", bd.HalfWay.Entries},
				{"half_way_coverage_p5_p95", bd.HalfWay.Cover90}, {"half_way_champions_inside", bd.HalfWay.Champions},
				{"half_way_champions_expected", bd.HalfWay.Expected}, {"half_way_seasons", bd.HalfWay.Seasons}}}},
		Rows: "scores",
		Cols: []column{text("model", "Model"), num("forecasts", "Forecasts"), num("brier", "Brier"), num("log_loss", "Log loss"),
			num("brier_skill", "Brier skill"), num("log_loss_skill", "Log-loss skill")},
	}
	for _, s := range bt.Scores {
		rep.Body = append(rep.Body, []cell{c(s.Model), c(s.Forecasts), f4(s.Brier), f4(s.LogLoss),
			{Text: signed(s.BrierSkill), Value: s.BrierSkill}, {Text: signed(s.LogLossSkill), Value: s.LogLossSkill}})
	}
	rel := &report{Title: fmt.Sprintf("Reliability of %s: forecasts binned by probability", bt.Model), Tight: true, Rows: "reliability",
		Cols: []column{column{Key: "lo"}, column{Key: "hi"}, text("", "Probability"), num("forecasts", "Forecasts"), num("mean_prob", "Mean forecast"),
			num("champions", "Champions"), num("observed", "Observed"), num("", "Difference"), num("", "95% if calibrated"),
			column{Key: "calibrated_lo"}, column{Key: "calibrated_hi"}}}
	for _, b := range bt.Reliability {
		row := []cell{{Value: b.Lo}, {Value: b.Hi}, {Text: binLabel(b)}, c(b.Count), {Text: pct1(b.MeanProb), Value: b.MeanProb},
			{Text: strconv.Itoa(b.Happened), Value: b.Happened}, {Text: pct1(b.Observed), Value: b.Observed}, {Text: strconv.FormatFloat(100*b.Deviation, 'f', 1, 64)},
			{Text: strings.TrimSuffix(pct1(b.Calibrated[0]), "%") + "–" + pct1(b.Calibrated[1])}, {Value: b.Calibrated[0]}, {Value: b.Calibrated[1]}}
		if b.Count == 0 {
			row[4].Text, row[5].Text, row[6].Text, row[7].Text, row[8].Text = "", "", "", "", ""
		}
		rel.Body = append(rel.Body, row)
	}
	seasons := &report{Title: fmt.Sprintf("Points bands of %s (every projection, each entry still racing, each season alike):", bt.Model), Tight: true, Rows: "by_season",
		Lead: []string{fmt.Sprintf("  final points inside P5–P95 %s (90%% if calibrated), inside P25–P75 %s (50%%)", pct1(bd.Cover90), pct1(bd.Cover50)),
			fmt.Sprintf("  interval score of P5–P95 %.1f points, ranked probability score of the final position %.4f (lower is better)", bd.Interval, bd.RPS),
			fmt.Sprintf("  from half-way: %s of %d entries inside P5–P95; the champion inside his in %d of %d seasons (the model itself expects %.1f)", pct1(bd.HalfWay.Cover90), bd.HalfWay.Entries, bd.HalfWay.Champions, bd.HalfWay.Seasons, bd.HalfWay.Expected),
			"", "Brier score by season (lower is better), and the season's band coverage and position RPS:"},
		Cols: []column{text("season", "Season")}}
	for _, sc := range bt.Scores {
		seasons.Cols = append(seasons.Cols, num("", sc.Model))
	}
	seasons.Cols = append(seasons.Cols, num("coverage_p5_p95", "P5–P95"), column{Key: "coverage_p25_p75"}, column{Key: "interval_score"}, num("position_rps", "RPS"), column{Key: "scores"})
	for _, sb := range bd.BySeason {
		row := []cell{c(sb.Season)}
		var scores []orderedObject
		for _, sc := range sb.Scores {
			row = append(row, cell{Text: strconv.FormatFloat(sc.Brier, 'f', 4, 64)})
			scores = append(scores, orderedObject{{"model", sc.Model}, {"forecasts", sc.Forecasts}, {"brier", sc.Brier}, {"log_loss", sc.LogLoss}})
		}
		row = append(row, cell{Text: pct1(sb.Cover90), Value: sb.Cover90}, cell{Value: sb.Cover50}, cell{Value: sb.Interval}, f4(sb.RPS), cell{Value: scores})
		seasons.Body = append(seasons.Body, row)
	}
	rep.Extra = []*report{rel, seasons}
	if len(bt.Differences) > 0 {
		diff := &report{Title: fmt.Sprintf("%s less each other row, by season (negative: %s better), bootstrap of seasons (90%%):", bt.Model, bt.Model), Tight: true, Rows: "differences",
			Cols: []column{text("against", "Against"), num("brier_difference", "Brier"), num("brier_p5", "P5"), num("brier_p95", "P95"),
				num("log_loss_difference", "Log loss"), num("log_loss_p5", "P5"), num("log_loss_p95", "P95")}}
		for _, d := range bt.Differences {
			diff.Body = append(diff.Body, []cell{c(d.Against), f4(d.Brier[0]), f4(d.Brier[1]), f4(d.Brier[2]), f4(d.LogLoss[0]), f4(d.LogLoss[1]), f4(d.LogLoss[2])})
		}
		rep.Extra = append(rep.Extra, diff)
	}
	return rep
}
