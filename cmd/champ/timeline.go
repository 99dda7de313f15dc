package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// timelineSims is the default number of seasons per round of a timeline:
// a standard error of at most 0.16 percentage points on every line.
const timelineSims = 100_000

func timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "title odds after each round of a season",
		UsageText: "champ timeline [--season SEASON] [--after N] [--sims N] [--seed S] [--model M] [--format table|csv|json|html] [--out FILE] [--plot FILE]",
		Description: `Projects the season after round 1, after round 2, ... up to --after (every
completed round by default), each time from the results known then, and
reports every driver's title probability along the way. --plot draws one
line per contender in team colours (team-mates dashed).

Examples:
  champ timeline                                     # F1 2024, all 24 rounds
  champ timeline --season f1-2024 --plot odds.png
  champ timeline --season f1-2021 --format csv --out 2021.csv
  champ timeline --season f1-2008 --sims 1000000 --plot 2008.svg

CSV columns: after_round,round_name,driver,name,points,title_prob,title_se,
racing: a row per round and driver who had a chance after some round;
probabilities as fractions with six decimals. JSON: the season and the
model, then the same rows under "timeline". --format html draws the chart
beside the table.`,
		Flags: append(append(seasonFlags(), championshipFlags()[0], championshipFlags()[1], previousFlag(),
			plotFlag("the timeline"),
			progressFlag(), formatFlag(), outFlag(),
		), simFlags(timelineSims, "simulate `N` seasons after each round (left out on a season of hundreds of rounds and cars: fewer, at least 100)", "`MODEL`: plackett-luce, empirical or uniform", "run `N` projections at once")...),
		Action: timelineAction,
	}
}

// timelineOptions are timeline's flags.
type timelineOptions struct {
	sim      simOptions
	spec     string // --season; "": the default season, all its rounds
	after    int    // the last round to project after; -1: every completed round
	champ    champOptions
	previous string
}

func timelineAction(c *cli.Context) error {
	so, err := simOptionsOf(c, "name the season with --season")
	if err != nil {
		return err
	}
	o := timelineOptions{sim: so, spec: c.String("season"), after: -1, champ: champOptionsOf(c), previous: c.String("previous")}
	if c.IsSet("after") {
		o.after = c.Int("after")
	}
	return runTimeline(o, envOf(c))
}

// runTimeline projects the season after each round and writes the title
// odds along the way.
func runTimeline(o timelineOptions, e env) error {
	cfg := o.sim.cfg
	spec := o.spec
	if spec == "" {
		spec = data.DefaultSeason
	}
	full, err := data.Open(spec)
	if err != nil {
		return err
	}
	if cfg.Previous, err = previousOf(o.previous, spec); err != nil {
		return err
	}
	ch, err := o.champ.of(full)
	if err != nil {
		return err
	}
	last := full.LastCompleted()
	if o.after >= 0 {
		if last = o.after; last < 1 || last > full.LastCompleted() {
			return usagef("--after %d: %s has results for rounds 1 to %d", last, full.Name, full.LastCompleted())
		}
	}
	if last < 1 {
		return fmt.Errorf("%s: no completed round yet", full.Name)
	}
	if !o.sim.simsSet {
		cfg.Sims = budgetSims(e, full.Name, cfg.Sims, sim.TimelineDraws(full, last), sim.TimelineBudget, 100)
	}
	bar := newProgress(e, o.sim.progress, "rounds")
	var progress func(done, total int)
	if bar.on {
		progress = bar.update
	}
	ps, err := sim.Timeline(full, last, cfg, progress)
	bar.done()
	if err != nil {
		return err
	}
	tl := timeline{ps: ps, champ: ch}
	tl.contenders = tl.contendersOf()
	if o.sim.plot != "" {
		if err := writePlot(o.sim.plot, timelinePlot(ps[len(ps)-1].Season, ps, ch, tl.plotted())); err != nil {
			return err
		}
	}
	rep := tl.report()
	if o.sim.output.format == formatHTML {
		svg, err := plotSVG(timelinePlot(ps[len(ps)-1].Season, ps, ch, tl.plotted()))
		if err != nil {
			return err
		}
		rep.SVG = append(rep.SVG, svg)
	}
	return o.sim.output.report(e, rep)
}

type timeline struct {
	ps         []*sim.Projection
	champ      *points.Championship
	contenders []string // entries with a chance after some round, by their best chance
}

// contendersOf lists the entries with a title chance after some round,
// the most likely at their best first.
func (t timeline) contendersOf() []string {
	best := map[string]float64{}
	for _, p := range t.ps {
		for _, e := range p.Table(t.champ.ID).Entries {
			if e.TitleProb > 0 {
				best[e.ID] = max(best[e.ID], e.TitleProb)
			}
		}
	}
	var ids []string
	for id := range best {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if best[a] != best[b] {
			if best[a] > best[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return ids
}

// plotted are the contenders worth a line: a 2% chance after some round,
// at most eight.
func (t timeline) plotted() []string {
	var out []string
	last := t.ps[len(t.ps)-1]
	for _, id := range t.contenders {
		if len(out) == 8 {
			break
		}
		if t.entry(last, id).Follows() {
			continue // shown with his crew
		}
		if t.best(id) >= 0.02 || len(out) < 2 {
			out = append(out, id)
		}
	}
	return out
}

func (t timeline) best(id string) float64 {
	b := 0.0
	for _, p := range t.ps {
		b = max(b, t.entry(p, id).TitleProb)
	}
	return b
}

// entryOf is a driver's entry in a projection.
func entryOf(p *sim.Projection, id string) sim.Entry { return sim.FindEntry(p.Drivers, id) }

// entry is an entry of the timeline's championship in a projection.
func (t timeline) entry(p *sim.Projection, id string) sim.Entry {
	return sim.FindEntry(p.Table(t.champ.ID).Entries, id)
}

// labels head the entries' columns: a crew's car, a driver's code (or one
// made from his name), else the entry's name; never two alike.
func (t timeline) labels(s *points.Season, ids []string) map[string]string {
	last := t.ps[len(t.ps)-1]
	return columnLabels(s, ids, func(id string) string {
		if e := t.entry(last, id); len(e.Crew) > 1 && e.Car != "" {
			return "#" + e.Car
		}
		if t.champ.Of == points.HolderDriver {
			return ""
		}
		return s.EntryName(t.champ, id)
	})
}

// report is the timeline: for machines a row per round and contender,
// for people a row per round with a column per contender (the eight most
// likely at their best) and a key to the column headings.
func (t timeline) report() *report {
	p0 := t.ps[0]
	last := t.ps[len(t.ps)-1]
	s := last.Season
	r := &report{
		Meta: append(seasonMeta(s, last.After), field{"championship", t.champ.ID},
			field{"model", p0.Model}, field{"sims", p0.Sims}, field{"seed", p0.Seed}),
		Rows: "timeline",
		Cols: []column{num("after_round", ""), text("round_name", ""), text(t.champ.Entity(), ""), text("name", ""),
			num("points", ""), num("title_prob", ""), num("title_se", ""), text("racing", "")},
	}
	for _, p := range t.ps {
		for _, id := range t.contenders {
			e := t.entry(p, id)
			r.Body = append(r.Body, []cell{c(p.After), c(p.Season.Round(p.After).Name), c(id), c(p.Season.EntryName(t.champ, id)),
				c(pts(e.Points)), c(fraction(e.TitleProb)), c(fraction(e.TitleSE)), c(e.Active)})
		}
	}
	cols := t.plotted()
	labels := t.labels(s, cols)
	view := &report{
		Title: fmt.Sprintf("%s: title odds (%%) after each round, %s model, %d seasons per round, seed %d", s.Name, p0.Model, p0.Sims, p0.Seed),
		Cols:  []column{num("", "Round"), text("", "After")},
	}
	for _, id := range cols {
		view.Cols = append(view.Cols, num("", labels[id]))
	}
	for _, p := range t.ps {
		row := []cell{{Text: strconv.Itoa(p.After)}, {Text: p.Season.Round(p.After).Name}}
		for _, id := range cols {
			row = append(row, cell{Text: pct(t.entry(p, id).TitleProb)})
		}
		view.Body = append(view.Body, row)
	}
	for _, id := range cols {
		name := s.EntryName(t.champ, id)
		if e := t.entry(last, id); len(e.Crew) > 1 {
			name = crewName(s, e)
		}
		if l := labels[id]; l != name {
			view.Notes = append(view.Notes, l+"  "+name)
		}
	}
	r.View = view
	return r
}
