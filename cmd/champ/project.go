package main

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

func projectCommand() *cli.Command {
	return &cli.Command{
		Name:      "project",
		Usage:     "simulate the rest of the season: title odds, expected points, final positions",
		UsageText: "champ project [--season SEASON] [--after N] [--sims N | --precision P] [--seed S] [--model M] [--championship NAME | --constructors] [--positions] [--quantiles 5,50,95] [--format table|csv|json|html] [--out FILE] [--plot FILE]",
		Description: `Fits a model of how each driver finishes to the completed rounds, simulates
every remaining race, sprint and scoring qualifying session under the
season's own rules (fastest-lap point, pole, led-a-lap and most-laps-led
bonuses drawn with the finishing order, qualifying points, sprints,
multipliers, dropped scores, countback), and reports for each entry of the
championship (the drivers'; --championship NAME for another of the
system's, as champ systems lists them; --constructors for the teams'):
current points, title probability with its Monte Carlo standard error,
expected final points and the 5th, 50th and 95th percentiles of final
points; --positions adds the probability of every final position.

The same seed gives the same output, byte for byte, for any --workers.
The elapsed time goes to standard error, not into the report.

Examples:
  champ project                                      # F1 2024 after Canada: 15 races + 4 sprints left
  champ project --season f1-2021 --after 21 --sims 1000000 --seed 7
  champ project --season f1-2026                     # the season in progress
  champ project --constructors --positions --format csv --out report.csv
  champ project --season cmd/champ/testdata/league --model uniform
  champ project --precision 0.001                    # until every standard error is below 0.1 point
  champ project --plot distribution.svg              # final-points distributions and title odds
  champ project --season indycar-2024 --after 5      # IndyCar after the Indianapolis 500
  champ project --season indycar-2024 --after 5 --championship entrants

What-if (the conditioned odds beside the plain ones, from the same seed):
  champ project --fix "10:race:charles-leclerc=1,max-verstappen=DNF" --fix "11:sprint:lando-norris=1"
  champ project --scenario cmd/champ/testdata/scenario-2024.csv  # fixed results in the results.csv format
  champ project --swing max-verstappen               # his title odds by his next race: P1..P10, lower, DNF
  champ project --entries cmd/champ/testdata/entries-2024.csv  # driver changes: substitutes, moves, new team-mates

--fix takes ` + "ROUND:SESSION:DRIVER=RESULT,..." + `: a position (1, P3), DNF, a range
(4-6; 11- for 11th or lower) or DRIVER>DRIVER (finishes ahead); bonuses
follow a result or stand alone: +FL (the fastest lap, with a position),
+POLE, +LED (led a lap), +MOST (led the most laps), as in 1+POLE or =+POLE.
SESSION is race, sprint or qualifying. The other drivers keep the model's
order around the fixed ones.

--entries takes a CSV file, one driver change a line: round (the first round
it applies to), driver, team, and optionally replaces (who stands down),
until (the last round; empty for the rest of the season), share (strength as
a multiple of the team's drivers'; empty: a newcomer gets the model's prior,
the field's average with wide uncertainty) and name (required for a driver
who has not raced this season). For example:
  round,driver,team,replaces,until,share,name
  17,oliver-bearman,haas,kevin-magnussen,17,,Oliver Bearman
  16,franco-colapinto,williams,logan-sargeant,,0.9,Franco Colapinto
A driver an entry brings in races only its rounds; the one he replaces sits
them out unless an entry of his own puts him in a car.

Models: plackett-luce (default; see 'go doc github.com/champ-dev/champ/sim'),
empirical (resample each driver's own finishes), uniform (every order equally
likely).

CSV columns: driver,name,team,team_name,points,title_prob,title_se,mean_points,
p5,p50,p95 (one per --quantiles),max_points,eliminated,racing,mean_position,
clinch_points,clinch_per_round, pos_1..pos_N with --positions, starts,note
(team,name,... with --constructors). JSON has the same keys per entry, and
the season, the model and its hyperparameters before them. Probabilities are
fractions with six decimals (0.821400), points as scored. clinch_points is
the "magic number": what the entry still needs to be sure of the title
whatever the others score; a note of "few results" flags a driver with
fewer than 3 races and sprints, whose odds lean on the model's prior.`,
		Flags: append(append(append(seasonFlags(), whatIfFlags()...),
			&cli.Float64Flag{Name: "precision", Usage: "run until every title probability's standard error is below `P` (0.001 = 0.1 point)"},
			championshipFlags()[0], championshipFlags()[1], previousFlag(),
			&cli.BoolFlag{Name: "positions", Aliases: []string{"p"}, Usage: "add the probability of each final position and the expected one"},
			&cli.StringFlag{Name: "quantiles", Aliases: []string{"q"}, Value: "5,50,95", Usage: "the bands of final points: `PERCENTAGES`, comma-separated"},
			plotFlag("the final-points distributions and title odds"),
			progressFlag(),
			formatFlag(), outFlag(),
		), simFlags(sim.DefaultSims, "simulate `N` seasons (with --precision: at most N, default 10,000,000; left out on a season of hundreds of rounds and cars: fewer, at least 1000, so that the run takes seconds)",
			"`MODEL`: plackett-luce, empirical or uniform", "run on `N` goroutines")...),
		Action: projectAction,
	}
}

// projectOptions are project's flags.
type projectOptions struct {
	sim       simOptions
	season    seasonOptions
	champ     champOptions
	previous  string
	quantiles []float64 // fractions
	positions bool
	whatIf    whatIf
}

func projectAction(c *cli.Context) error {
	so, err := simOptionsOf(c, "name the season with --season")
	if err != nil {
		return err
	}
	o := projectOptions{sim: so, champ: champOptionsOf(c), previous: c.String("previous"), positions: c.Bool("positions")}
	cfg := &o.sim.cfg
	cfg.Precision = c.Float64("precision")
	if o.quantiles, err = quantilesFlag(c); err != nil {
		return err
	}
	if !(cfg.Precision >= 0 && cfg.Precision < 0.5) { // NaN too
		return usagef("--precision %g: give a standard error between 0 and 0.5, such as 0.001", cfg.Precision)
	}
	if cfg.Precision > 0 && !o.sim.simsSet {
		cfg.Sims = 10_000_000
	}
	if o.season, err = seasonOptionsOf(c); err != nil {
		return err
	}
	if o.whatIf, err = whatIfOf(c); err != nil {
		return err
	}
	return runProject(o, envOf(c))
}

// runProject simulates the rest of the season and writes the projection:
// beside the plain one with fixed results or driver changes, or by one
// driver's next result with --swing.
func runProject(o projectOptions, e env) error {
	cfg := o.sim.cfg
	format, plotFile := o.sim.output.format, o.sim.plot
	s, after, err := o.season.load()
	if err != nil {
		return err
	}
	if cfg.Previous, err = previousOf(o.previous, o.season.spec); err != nil {
		return err
	}
	ch, err := o.champ.of(s)
	if err != nil {
		return err
	}
	teams := ch.Of != points.HolderDriver
	fixes, err := o.whatIf.allFixes()
	if err != nil {
		return err
	}
	entries, err := o.whatIf.driverChanges()
	if err != nil {
		return err
	}
	swingDriver := o.whatIf.swing
	if swingDriver != "" && (teams || plotFile != "") {
		return usagef("--swing is for a driver and gives a table; leave out --constructors and --plot")
	}
	cfg.Sims = o.seasons(e, s, after)
	bar := newProgress(e, o.sim.progress, "seasons")
	defer bar.done()
	if swingDriver != "" {
		cfg.Fixes, cfg.Entries = fixes, entries
		return runSwing(o.sim.output, e, s, after, swingDriver, cfg, bar)
	}
	if bar.on {
		cfg.Progress = bar.update
	}
	start := time.Now()
	p, err := sim.Project(s, after, cfg)
	if err != nil {
		return err
	}
	var cond *conditioned
	if len(fixes) > 0 || len(entries) > 0 {
		plain := p
		cfg.Fixes, cfg.Entries = fixes, entries
		if p, err = sim.Project(s, after, cfg); err != nil {
			return err
		}
		cond = &conditioned{plain: plain, cond: p, fixes: fixes, entries: entries, champ: ch}
	}
	bar.done()
	elapsed := time.Since(start)
	workers := cfg.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	fmt.Fprintf(e.stderr, "champ: %s in %.2fs on %s (%.0f seasons/s)\n",
		plural(p.Sims, "season"), elapsed.Seconds(), plural(workers, "worker"), float64(p.Sims)/elapsed.Seconds())
	if plotFile != "" {
		if err := writePlot(plotFile, distributionPlot(p, tableOf(p, ch))); err != nil {
			return err
		}
	}
	if cond != nil {
		rep := cond.report(cfg, o.quantiles)
		return o.sim.output.report(e, rep)
	}
	rep := projectionReport(p, ch, cfg, o.quantiles, o.positions)
	if format == formatHTML && p.After < len(s.Rounds) {
		svg, err := plotSVG(distributionPlot(p, tableOf(p, ch)))
		if err != nil {
			return err
		}
		rep.SVG = append(rep.SVG, svg)
	}
	return o.sim.output.report(e, rep)
}

// seasons is how many seasons to simulate: --sims; by default one for a
// complete season (every one is the same), else the default within the
// work budget. It says on stderr when it is either.
func (o projectOptions) seasons(e env, s *points.Season, after int) int {
	n := o.sim.cfg.Sims
	if len(s.Upcoming(after)) == 0 {
		fmt.Fprintf(e.stderr, "champ: %s is complete; every probability is 0 or 1\n", s.Name)
		if !o.sim.simsSet {
			return 1
		}
	}
	if !o.sim.simsSet && o.sim.cfg.Precision == 0 {
		n = budgetSims(e, s.Name, n, sim.Draws(s, after), sim.DrawBudget, 1000)
	}
	return n
}

// runSwing writes one driver's title odds by his result in the next race,
// beside the plain projection from the same seed.
func runSwing(out outputOptions, e env, s *points.Season, after int, driver string, cfg sim.Config, bar *progress) error {
	plain, err := sim.Project(s, after, cfg)
	if err != nil {
		return err
	}
	ps, err := sim.ProjectSwing(s, after, driver, cfg, plain, bar.update)
	if err != nil {
		return fmt.Errorf("--swing: %w", err)
	}
	bar.done()
	sw := swing{ps}
	return out.report(e, sw.report())
}

// quantilesFlag reads --quantiles: percentages from 0 to 100, as fractions.
func quantilesFlag(c *cli.Context) ([]float64, error) {
	var qs []float64
	for _, f := range strings.Split(c.String("quantiles"), ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || !(v > 0 && v < 100) {
			return nil, usagef("--quantiles %q: give percentages between 0 and 100, such as 5,50,95", c.String("quantiles"))
		}
		if slices.Contains(qs, v/100) {
			return nil, usagef("--quantiles %q: %s is given twice", c.String("quantiles"), strings.TrimSpace(f))
		}
		qs = append(qs, v/100)
	}
	if len(qs) > 20 {
		return nil, usagef("--quantiles %q: at most 20", c.String("quantiles"))
	}
	return qs, nil
}

// tableOf is a projection's table of championship ch.
func tableOf(p *sim.Projection, ch *points.Championship) *sim.Table { return p.Table(ch.ID) }

// exact says, from the exact title maths, who can still win and whether
// the title has been clinched.
type exact struct {
	canWin map[string]bool
	clinch bool
	leader string
}

// known reports whether the exact maths covers the entry: a driver an
// entry brings in has no standing to work from.
func (x exact) known(id string) bool {
	_, ok := x.canWin[id]
	return ok
}

func exactOf(p *sim.Projection, ch *points.Championship) exact {
	champ := ch.ID
	st := points.Standings(p.Season, champ, p.After)
	x := exact{canWin: map[string]bool{}}
	for _, e := range st {
		x.canWin[e.ID] = points.CanWin(p.Season, p.After, st, e.ID, champ)
	}
	x.clinch, x.leader = points.Decided(p.Season, p.After, champ)
	return x
}

// note marks an entry: excluded, eliminated, champion or not racing.
func (x exact) note(e sim.Entry) string {
	switch {
	case math.IsInf(e.MaxPoints, -1):
		return "excluded"
	case x.clinch && e.ID == x.leader:
		return "champion"
	case !x.canWin[e.ID] && x.known(e.ID):
		return "eliminated"
	case !e.Active:
		return "not racing"
	}
	return ""
}

func pct(p float64) string {
	switch {
	case p == 0:
		return "0"
	case p == 1:
		return "100"
	case p < 0.0005:
		return "<0.1"
	case p > 0.9995:
		return ">99.9"
	}
	return strconv.FormatFloat(100*p, 'f', 1, 64)
}

// left says what sessions are still to run: races and sprints (where
// the series runs sprints), and qualifying sessions that score.
func left(p *sim.Projection) string {
	sys := p.Season.System
	out := plural(p.Races, "race")
	if sys.Sprint != nil || sys.Series == "Formula 1" {
		out += " and " + plural(p.Sprints, "sprint")
	}
	if q := len(p.Season.Upcoming(p.After)) - p.Races - p.Sprints; q > 0 {
		out += fmt.Sprintf(" (%s with qualifying points)", plural(q, "round"))
	}
	return out
}

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// plural says "1 worker", "2 workers".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
