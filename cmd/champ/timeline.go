package main

import (
	"fmt"
	"io"
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
		UsageText: "champ timeline [--season SEASON] [--after N] [--sims N] [--seed S] [--model M] [--format table|csv|json] [--out FILE] [--plot FILE]",
		Description: `Projects the season after round 1, after round 2, ... up to --after (every
completed round by default), each time from the results known then, and
reports every driver's title probability along the way. --plot draws one
line per contender in team colours (team-mates dashed).

Examples:
  champ timeline                                     # F1 2024, all 24 rounds
  champ timeline --season f1-2024 --plot odds.png
  champ timeline --season f1-2021 --format csv --out 2021.csv
  champ timeline --season f1-2008 --sims 1000000 --plot 2008.svg

CSV columns: after_round,driver,title_prob,title_se (drivers who had a
chance after some round; probabilities as fractions with six decimals).
JSON: the season and model, then "timeline", a list of rounds, each with
its entries (driver, name, points, title_prob, title_se, racing).`,
		Flags: append(append(seasonFlags(), championshipFlags()[0], championshipFlags()[1], previousFlag(),
			plotFlag("the timeline"),
			progressFlag(), formatFlag(), outFlag(),
		), simFlags(timelineSims, "simulate `N` seasons after each round", "`MODEL`: plackett-luce, empirical or uniform", "run `N` projections at once")...),
		Action: timelineAction,
	}
}

func timelineAction(c *cli.Context) error {
	format, cfg, plotFile, err := simStart(c, "name the season with --season")
	if err != nil {
		return err
	}
	spec := c.String("season")
	if spec == "" {
		spec = data.DefaultSeason
	}
	full, err := data.Open(spec)
	if err != nil {
		return err
	}
	if cfg.Previous, err = previousSeason(c, spec); err != nil {
		return err
	}
	ch, err := championshipOf(c, full)
	if err != nil {
		return err
	}
	last := full.LastCompleted()
	if c.IsSet("after") {
		last = c.Int("after")
		if last < 1 || last > full.LastCompleted() {
			return usagef("--after %d: %s has results for rounds 1 to %d", last, full.Name, full.LastCompleted())
		}
	}
	if last < 1 {
		return fmt.Errorf("%s: no completed round yet", full.Name)
	}
	bar := newProgress(c, "rounds")
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
	if plotFile != "" {
		if err := writePlot(plotFile, timelinePlot(ps[len(ps)-1].Season, ps, ch, tl.plotted())); err != nil {
			return err
		}
	}
	return writeFormats(c, format, tl.table, tl.csv, tl.json)
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
		if crewFollower(t.entry(last, id)) {
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
func entryOf(p *sim.Projection, id string) sim.Entry { return find(p.Drivers, id) }

// entry is an entry of the timeline's championship in a projection.
func (t timeline) entry(p *sim.Projection, id string) sim.Entry {
	return find(p.Table(t.champ.ID).Entries, id)
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

// find returns the entry with the id, or an empty one for an id the
// projection does not have.
func find(es []sim.Entry, id string) sim.Entry {
	for _, e := range es {
		if e.ID == id {
			return e
		}
	}
	return sim.Entry{ID: id}
}

func (t timeline) csv(w io.Writer) error {
	rows := [][]string{{"after_round", t.champ.Entity(), "title_prob", "title_se"}}
	for _, p := range t.ps {
		for _, id := range t.contenders {
			e := t.entry(p, id)
			rows = append(rows, []string{strconv.Itoa(p.After), id, machineText(fraction(e.TitleProb)), machineText(fraction(e.TitleSE))})
		}
	}
	return writeRecords(w, rows)
}

func (t timeline) json(w io.Writer) error {
	p0 := t.ps[0]
	last := t.ps[len(t.ps)-1]
	out := orderedObject{{"season", last.Season.ID}, {"season_name", last.Season.Name}, {"system", last.Season.System.ID},
		{"after_round", last.After}, {"rounds", len(last.Season.Rounds)}, {"championship", t.champ.ID},
		{"model", p0.Model}, {"sims", p0.Sims}, {"seed", p0.Seed}}
	var rounds []orderedObject
	for _, p := range t.ps {
		var entries []orderedObject
		for _, id := range t.contenders {
			e := t.entry(p, id)
			entries = append(entries, orderedObject{{t.champ.Entity(), id}, {"name", p.Season.EntryName(t.champ, id)},
				{"points", pts(e.Points)}, {"title_prob", fraction(e.TitleProb)}, {"title_se", fraction(e.TitleSE)}, {"racing", e.Active}})
		}
		rounds = append(rounds, orderedObject{{"after_round", p.After}, {"name", p.Season.Round(p.After).Name}, {"entries", entries}})
	}
	return writeJSON(w, append(out, field{"timeline", rounds}))
}

// table shows a column per contender (the eight most likely at their
// best), a row per round.
func (t timeline) table(w io.Writer) error {
	p0 := t.ps[0]
	s := t.ps[len(t.ps)-1].Season
	fmt.Fprintf(w, "%s: title odds (%%) after each round, %s model, %d seasons per round, seed %d\n\n", s.Name, p0.Model, p0.Sims, p0.Seed)
	cols := t.plotted()
	labels := t.labels(s, cols)
	head := []string{">Round", "After"}
	for _, id := range cols {
		head = append(head, ">"+labels[id])
	}
	tb := newTable(head...)
	for _, p := range t.ps {
		row := []string{strconv.Itoa(p.After), p.Season.Round(p.After).Name}
		for _, id := range cols {
			row = append(row, pct(t.entry(p, id).TitleProb))
		}
		tb.add(row...)
	}
	if err := tb.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, id := range cols {
		name := s.EntryName(t.champ, id)
		if e := t.entry(t.ps[len(t.ps)-1], id); len(e.Crew) > 1 {
			name = crewName(s, e)
		}
		if l := labels[id]; l != name {
			fmt.Fprintf(w, "%s  %s\n", l, name)
		}
	}
	return nil
}
