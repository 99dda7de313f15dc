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

// What-if projections: fixed results (--fix, --scenario) and the swing of
// one driver's next race (--swing).

func whatIfFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "fix", Usage: "fix results of a session still to run; `SPEC` is ROUND:SESSION:DRIVER=RESULT,... (repeatable; see above)"},
		&cli.StringFlag{Name: "scenario", Usage: "fix the results listed in `FILE` (the results.csv format: round,session,driver,position)"},
		&cli.StringFlag{Name: "swing", Usage: "title odds by `DRIVER`'s result in the next race: P1, P2, ..., outside the points, DNF"},
		&cli.StringFlag{Name: "entries", Usage: "driver changes from `FILE`: round,driver,team[,replaces,until,share,name] (see above)"},
	}
}

// entriesFlag reads --entries.
func entriesFlag(c *cli.Context) ([]points.Entry, error) {
	f := c.String("entries")
	if f == "" {
		return nil, nil
	}
	es, err := data.ReadEntries(f)
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, fmt.Errorf("%s: no driver changes", f)
	}
	return es, nil
}

// fixesOf reads --fix and --scenario.
func fixesOf(c *cli.Context) ([]points.Fix, error) {
	var fixes []points.Fix
	for i, spec := range c.StringSlice("fix") {
		fs, err := data.ParseFix(spec, fmt.Sprintf("--fix %d", i+1))
		if err != nil {
			return nil, usagef("%v", err)
		}
		fixes = append(fixes, fs...)
	}
	if f := c.String("scenario"); f != "" {
		fs, err := data.ReadScenario(f)
		if err != nil {
			return nil, err
		}
		if len(fs) == 0 {
			return nil, fmt.Errorf("%s: no results to fix", f)
		}
		fixes = append(fixes, fs...)
	}
	return fixes, nil
}

// conditioned is a projection beside the plain one from the same seed.
type conditioned struct {
	plain, cond *sim.Projection
	fixes       []points.Fix
	entries     []points.Entry
	champ       *points.Championship
}

func (w *conditioned) plainOf(id string) sim.Entry {
	return find(tableOf(w.plain, w.champ).Entries, id)
}

func change(a, b float64) string {
	d := 100 * (a - b)
	if round6(d) == 0 {
		return "0"
	}
	if s := strconv.FormatFloat(d, 'f', 1, 64); s != "-0.0" && s != "0.0" {
		if d > 0 {
			return "+" + s
		}
		return s
	}
	return "0.0"
}

// report is the conditioned projection beside the plain one: the
// projection's report with the plain odds and mean and the change.
func (w *conditioned) report(cfg sim.Config, qs []float64) *report {
	ch := w.champ
	p := w.cond
	s := p.Season
	r := projectionReport(p, ch, cfg, qs, false)
	r.Title += ", with " + w.what()
	var lead []string
	for _, f := range w.fixes {
		lead = append(lead, "  "+describeFix(s, f))
	}
	for _, e := range w.entries {
		lead = append(lead, "  "+describeEntry(s, e))
	}
	r.Lead = append(lead, fmt.Sprintf("Model: %s, %d seasons, seed %d for both; Plain: the projection without them", p.Model, p.Sims, p.Seed))
	fixes, changes := []string{}, []string{}
	for _, f := range w.fixes {
		fixes = append(fixes, f.String())
	}
	for _, e := range w.entries {
		changes = append(changes, e.String())
	}
	r.Meta = append(r.Meta, field{"fixes", fixes}, field{"driver_changes", changes})
	es := tableOf(p, ch).Entries
	r.insert("title_se", num("title_prob_plain", "Plain %"), func(i int) cell {
		b := w.plainOf(es[i].ID)
		return cell{Text: pct(b.TitleProb), Value: fraction(b.TitleProb)}
	})
	r.insert("title_prob_plain", num("change", "Change"), func(i int) cell {
		b := w.plainOf(es[i].ID)
		return cell{Text: change(es[i].TitleProb, b.TitleProb), Value: fraction(es[i].TitleProb - b.TitleProb)}
	})
	r.insert("mean_points", num("mean_points_plain", "Plain mean"), func(i int) cell {
		b := w.plainOf(es[i].ID)
		return cell{Text: fmt.Sprintf("%.1f", b.Mean), Value: fixed{b.Mean, 3}}
	})
	// The table keeps to the comparison; CSV and JSON carry everything.
	for i := range r.Cols {
		switch k := r.Cols[i].Key; {
		case k == "title_se", k == "clinch_per_round", k == "note", strings.HasPrefix(k, "p") && r.Cols[i].Right && k != "points":
			r.Cols[i].Head = ""
		}
	}
	note := "Change in percentage points."
	if len(w.fixes) > 0 {
		note += " The other drivers keep the model's order around the fixed ones."
	}
	r.Notes = []string{note}
	return r
}

// what says what conditions the projection: "3 fixed results", "1 driver
// change", or both.
func (w *conditioned) what() string {
	var parts []string
	if n := len(w.fixes); n > 0 {
		parts = append(parts, plural(n, "fixed result"))
	}
	if n := len(w.entries); n > 0 {
		parts = append(parts, plural(n, "driver change"))
	}
	return strings.Join(parts, " and ")
}

// describeEntry says an entry in words.
func describeEntry(s *points.Season, e points.Entry) string {
	rounds := fmt.Sprintf("from round %d", e.Round)
	switch {
	case e.Until == e.Round:
		rounds = fmt.Sprintf("in round %d", e.Round)
	case e.Until > 0:
		rounds = fmt.Sprintf("in rounds %d to %d", e.Round, e.Until)
	}
	out := fmt.Sprintf("%s, %s drives for %s", rounds, s.DriverName(e.Driver), s.TeamName(e.Team))
	if e.Replaces != "" {
		out += " in place of " + s.DriverName(e.Replaces)
	}
	if e.Share > 0 {
		out += fmt.Sprintf(" (strength %g× the team's)", e.Share)
	}
	return out
}

// describeFix says a fix in words.
func describeFix(s *points.Season, f points.Fix) string {
	where := fmt.Sprintf("round %d", f.Round)
	if rd := s.Round(f.Round); rd != nil {
		where = fmt.Sprintf("%s (round %d)", rd.Name, f.Round)
	}
	if f.Session == points.Sprint {
		where += " sprint"
	}
	who := s.DriverName(f.Driver)
	if car := strings.TrimPrefix(f.Driver, "#"); len(raceCars(s, s.LastCompleted())) > 0 && who == f.Driver {
		// A season raced by crews: a fix of a car.
		who = "#" + car
		if crew := s.CrewAt(f.Round, car, s.LastCompleted()); len(crew) > 0 {
			names := make([]string, len(crew))
			for i, id := range crew {
				names[i] = surname(s.DriverName(id))
			}
			who += " (" + strings.Join(names, "/") + ")"
		}
	}
	switch f.Kind {
	case points.FixDNF:
		return fmt.Sprintf("%s: %s retires", where, who)
	case points.FixRange:
		if f.To == 0 {
			return fmt.Sprintf("%s: %s finishes P%d or lower", where, who, f.From)
		}
		return fmt.Sprintf("%s: %s finishes P%d to P%d", where, who, f.From, f.To)
	case points.FixAhead:
		return fmt.Sprintf("%s: %s finishes ahead of %s", where, who, s.DriverName(f.Other))
	}
	fl := ""
	if f.FastestLap {
		fl = " with the fastest lap"
	}
	return fmt.Sprintf("%s: %s finishes P%d%s", where, who, f.Position, fl)
}

// swing is the title odds by one driver's result in the next race.
type swing struct {
	driver  string
	round   *points.Round
	plain   *sim.Projection
	labels  []string
	results []*sim.Projection
	rivals  []string // the contenders shown beside him
}

// runSwing projects once per outcome of the driver's next race.
func runSwing(s *points.Season, after int, driver string, cfg sim.Config, plain *sim.Projection, bar *progress) (*swing, error) {
	var rd *points.Round
	for i := range s.Rounds {
		if r := &s.Rounds[i]; r.Number > after && !r.Completed {
			rd = r
			break
		}
	}
	if rd == nil {
		return nil, fmt.Errorf("%s after round %d: no race left to swing", s.Name, after)
	}
	// The scoring places, no more than the field has cars (every place
	// scores in IndyCar).
	field := 0
	for _, e := range plain.Drivers {
		if e.Active {
			field++
		}
	}
	// A season raced by crews swings a car: the one named, or the named
	// driver's; his title odds are those of the crew's best placed.
	subject := driver
	if cars := raceCars(s, after); len(cars) > 0 {
		field = len(cars)
		car := strings.TrimPrefix(driver, "#")
		if !slices.Contains(cars, car) {
			car = ""
			for _, c := range cars {
				if slices.Contains(s.CrewAt(rd.Number, c, after), driver) {
					car = c
				}
			}
		}
		if car == "" {
			return nil, fmt.Errorf("--swing %s: neither a car of the field (%s) nor in a car's crew at round %d", driver, strings.Join(cars, ", "), rd.Number)
		}
		best := -1.0
		for _, id := range s.CrewAt(rd.Number, car, after) {
			if e := entryOf(plain, id); e.TitleProb > best {
				subject, best = id, e.TitleProb
			}
		}
		driver = car
	}
	scoring := min(len(s.System.Table(points.Race, rd, false)), field)
	sw := &swing{driver: subject, round: rd, plain: plain}
	var outcomes []points.Fix
	for p := 1; p <= scoring; p++ {
		outcomes = append(outcomes, points.Fix{Kind: points.FixPosition, Position: p})
		sw.labels = append(sw.labels, "P"+strconv.Itoa(p))
	}
	if scoring < field {
		outcomes = append(outcomes, points.Fix{Kind: points.FixRange, From: scoring + 1})
		sw.labels = append(sw.labels, fmt.Sprintf("P%d or lower", scoring+1))
	}
	outcomes = append(outcomes, points.Fix{Kind: points.FixDNF})
	sw.labels = append(sw.labels, "DNF")
	for i, o := range outcomes {
		o.Round, o.Session, o.Driver, o.Source = rd.Number, points.Race, driver, "--swing "+driver
		c := cfg
		c.Fixes = append(append([]points.Fix{}, cfg.Fixes...), o)
		p, err := sim.Project(s, after, c)
		if err != nil {
			return nil, err
		}
		sw.results = append(sw.results, p)
		bar.update(i+1, len(outcomes))
	}
	me := entryOf(plain, subject)
	for _, e := range plain.Drivers {
		if e.ID != subject && !crewFollower(e) && !slices.Contains(me.Crew, e.ID) && e.TitleProb >= 0.005 && len(sw.rivals) < 4 {
			sw.rivals = append(sw.rivals, e.ID)
		}
	}
	return sw, nil
}

// raceCars lists the cars of a season raced by crews
// (points.Season.RacedByCrews): those of its latest completed race; nil
// for a season raced by drivers.
func raceCars(s *points.Season, after int) []string {
	if !s.RacedByCrews(after) {
		return nil
	}
	last := 0
	for _, r := range s.Results {
		if r.Round <= after && r.Session == points.Race && r.Car != "" && r.Counts != points.CountsOther {
			last = max(last, r.Round)
		}
	}
	var cars []string
	for _, r := range s.Results {
		if r.Round == last && r.Session == points.Race && r.Car != "" && r.Counts != points.CountsOther && !slices.Contains(cars, r.Car) {
			cars = append(cars, r.Car)
		}
	}
	return cars
}

// heads head the contenders' columns: a crew's car, or a driver's code
// (or one made from his name); never two alike.
func (sw *swing) heads() map[string]string {
	return columnLabels(sw.plain.Season, append([]string{sw.driver}, sw.rivals...), func(id string) string {
		if e := entryOf(sw.plain, id); len(e.Crew) > 1 && e.Car != "" {
			return "#" + e.Car
		}
		return ""
	})
}

// view is the swing for people: a row per result, the driver's odds and
// their change, then each rival's odds.
func (sw *swing) view() *report {
	s := sw.plain.Season
	v := &report{
		Title: fmt.Sprintf("%s %s: title odds by %s's result in %s (round %d)", s.Name, describeRound(s, sw.plain.After), crewName(s, entryOf(sw.plain, sw.driver)), sw.round.Name, sw.round.Number),
		Lead:  []string{fmt.Sprintf("Model: %s, %d seasons per result, seed %d; the rest of the race drawn by the model", sw.plain.Model, sw.plain.Sims, sw.plain.Seed)},
		Notes: []string{"Change: against the projection with his result as modelled, in percentage points."},
	}
	labels := sw.heads()
	v.Cols = []column{text("", "Result"), num("", labels[sw.driver]+" title %"), num("", "Change")}
	for _, r := range sw.rivals {
		v.Cols = append(v.Cols, num("", labels[r]+" %"))
	}
	row := func(label string, p *sim.Projection) {
		me := entryOf(p, sw.driver)
		cells := []cell{{Text: label}, {Text: pct(me.TitleProb)}, {Text: change(me.TitleProb, entryOf(sw.plain, sw.driver).TitleProb)}}
		for _, r := range sw.rivals {
			cells = append(cells, cell{Text: pct(entryOf(p, r).TitleProb)})
		}
		v.Body = append(v.Body, cells)
	}
	row("as modelled", sw.plain)
	for i, p := range sw.results {
		row(sw.labels[i], p)
	}
	return v
}

// machine is the swing as data: a row per result and contender, in CSV
// and JSON alike.
func (sw *swing) machine() *report {
	p0 := sw.plain
	r := &report{
		Meta: append(seasonMeta(p0.Season, p0.After), field{"driver", sw.driver}, field{"round", sw.round.Number},
			field{"model", p0.Model}, field{"sims", p0.Sims}, field{"seed", p0.Seed}),
		Rows: "results",
		Cols: []column{text("result", ""), text("driver", ""), num("title_prob", ""), num("title_se", ""), num("change", "")},
	}
	ids := append([]string{sw.driver}, sw.rivals...)
	add := func(label string, p *sim.Projection) {
		for _, id := range ids {
			e := entryOf(p, id)
			r.Body = append(r.Body, []cell{c(label), c(id), c(fraction(e.TitleProb)), c(fraction(e.TitleSE)),
				c(fraction(e.TitleProb - entryOf(sw.plain, id).TitleProb))})
		}
	}
	add("modelled", sw.plain)
	for i, p := range sw.results {
		add(strings.ReplaceAll(sw.labels[i], " or lower", "+"), p)
	}
	return r
}

// report is the swing: machines' rows, people's view.
func (sw *swing) report() *report {
	r := sw.machine()
	r.View = sw.view()
	return r
}
