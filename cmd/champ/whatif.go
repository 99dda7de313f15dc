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

// whatIf are the what-if flags: fixed results and driver changes, read
// by whatIfOf (every --fix parsed there) and their files by allFixes and
// driverChanges when the command runs.
type whatIf struct {
	fixes    []points.Fix // from --fix, parsed
	scenario string       // --scenario
	entries  string       // --entries
	swing    string       // --swing
}

// whatIfOf reads the what-if flags, parsing every --fix.
func whatIfOf(c *cli.Context) (whatIf, error) {
	w := whatIf{scenario: c.String("scenario"), entries: c.String("entries"), swing: c.String("swing")}
	for i, spec := range c.StringSlice("fix") {
		fs, err := data.ParseFix(spec, fmt.Sprintf("--fix %d", i+1))
		if err != nil {
			return w, usagef("%v", err)
		}
		w.fixes = append(w.fixes, fs...)
	}
	return w, nil
}

// allFixes are --fix's and those of the --scenario file.
func (w whatIf) allFixes() ([]points.Fix, error) {
	fixes := w.fixes
	if f := w.scenario; f != "" {
		fs, err := data.ReadScenario(f)
		if err != nil {
			return nil, err
		}
		if len(fs) == 0 {
			return nil, fmt.Errorf("%s: no results to fix", f)
		}
		fixes = append(slices.Clip(fixes), fs...)
	}
	return fixes, nil
}

// driverChanges reads the --entries file.
func (w whatIf) driverChanges() ([]points.Entry, error) {
	f := w.entries
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

// conditioned is a projection beside the plain one from the same seed.
type conditioned struct {
	plain, cond *sim.Projection
	fixes       []points.Fix
	entries     []points.Entry
	champ       *points.Championship
}

func (w *conditioned) plainOf(id string) sim.Entry {
	return sim.FindEntry(tableOf(w.plain, w.champ).Entries, id)
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
	r.Lead = append(lead, fmt.Sprintf("Model: %s, %s, seed %d for both; Plain: the projection without them", p.Model, plural(p.Sims, "season"), p.Seed))
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
	if car := strings.TrimPrefix(f.Driver, "#"); len(s.RaceCars(s.LastCompleted())) > 0 && who == f.Driver {
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
// swing is a driver's title odds by his result in his next race
// (sim.ProjectSwing), as champ reports it.
type swing struct{ *sim.Swing }

// heads head the contenders' columns: a crew's car, or a driver's code
// (or one made from his name); never two alike.
func (sw *swing) heads() map[string]string {
	return columnLabels(sw.Plain.Season, append([]string{sw.Driver}, sw.Rivals...), func(id string) string {
		if e := entryOf(sw.Plain, id); len(e.Crew) > 1 && e.Car != "" {
			return "#" + e.Car
		}
		return ""
	})
}

// view is the swing for people: a row per result, the driver's odds and
// their change, then each rival's odds.
func (sw *swing) view() *report {
	s := sw.Plain.Season
	v := &report{
		Title: fmt.Sprintf("%s %s: title odds by %s's result in %s (round %d)", s.Name, describeRound(s, sw.Plain.After), crewName(s, entryOf(sw.Plain, sw.Driver)), sw.Round.Name, sw.Round.Number),
		Lead:  []string{fmt.Sprintf("Model: %s, %d seasons per result, seed %d; the rest of the race drawn by the model", sw.Plain.Model, sw.Plain.Sims, sw.Plain.Seed)},
		Notes: []string{"Change: against the projection with his result as modelled, in percentage points."},
	}
	labels := sw.heads()
	v.Cols = []column{text("", "Result"), num("", labels[sw.Driver]+" title %"), num("", "Change")}
	for _, r := range sw.Rivals {
		v.Cols = append(v.Cols, num("", labels[r]+" %"))
	}
	row := func(label string, p *sim.Projection) {
		me := entryOf(p, sw.Driver)
		cells := []cell{{Text: label}, {Text: pct(me.TitleProb)}, {Text: change(me.TitleProb, entryOf(sw.Plain, sw.Driver).TitleProb)}}
		for _, r := range sw.Rivals {
			cells = append(cells, cell{Text: pct(entryOf(p, r).TitleProb)})
		}
		v.Body = append(v.Body, cells)
	}
	row("as modelled", sw.Plain)
	for i, p := range sw.Results {
		row(sw.Labels[i], p)
	}
	return v
}

// machine is the swing as data: a row per result and contender, in CSV
// and JSON alike.
func (sw *swing) machine() *report {
	p0 := sw.Plain
	r := &report{
		Meta: append(seasonMeta(p0.Season, p0.After), field{"driver", sw.Driver}, field{"round", sw.Round.Number},
			field{"model", p0.Model}, field{"sims", p0.Sims}, field{"seed", p0.Seed}),
		Rows: "results",
		Cols: []column{text("result", ""), text("driver", ""), num("title_prob", ""), num("title_se", ""), num("change", "")},
	}
	ids := append([]string{sw.Driver}, sw.Rivals...)
	add := func(label string, p *sim.Projection) {
		for _, id := range ids {
			e := entryOf(p, id)
			r.Body = append(r.Body, []cell{c(label), c(id), c(fraction(e.TitleProb)), c(fraction(e.TitleSE)),
				c(fraction(e.TitleProb - entryOf(sw.Plain, id).TitleProb))})
		}
	}
	add("modelled", sw.Plain)
	for i, p := range sw.Results {
		add(strings.ReplaceAll(sw.Labels[i], " or lower", "+"), p)
	}
	return r
}

// report is the swing: machines' rows, people's view.
func (sw *swing) report() *report {
	r := sw.machine()
	r.View = sw.view()
	return r
}
