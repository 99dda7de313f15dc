package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
)

func systemsCommand() *cli.Command {
	return &cli.Command{
		Name:      "systems",
		Usage:     "list the points systems, their rules and championships",
		UsageText: "champ systems [SYSTEM | FILE.csv]",
		Description: `With no argument, every points system champ knows: Formula 1 by era
(f1-1950 ... f1-2026, one id per season; "f1" is the current rules),
IndyCar by season (indycar-2016 ... indycar-2024; "indycar" is the latest),
WEC Hypercar by season (wec-hypercar-2023 ... wec-hypercar-2025;
"wec-hypercar" is the latest), then MotoGP and Formula E. With an id or a custom system file, that
system in full. Each lists its championships (titles:), the names
--championship takes.

A custom system is a small CSV: position,points[,sprint] lines from 1, and
optional rule lines fastest_lap, fastest_lap_top, pole, led_lap,
most_laps_led, best_results, teams, and an optional qualifying column (a
qualifying table named "qualifying" that a calendar round can name). Name it in a season's season.csv
(system column) to use it.`,
		Flags: []cli.Flag{formatFlag(), outFlag()},
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("systems takes at most one system id")
			}
			out, err := outputOptionsOf(c)
			if err != nil {
				return err
			}
			return runSystems(out, c.Args().First(), envOf(c))
		},
	}
}

// runSystems describes one points system (id: an id or a file) or, for
// id "", every one champ knows.
func runSystems(o outputOptions, id string, e env) error {
	var list []*points.System
	var ids []string
	if id != "" {
		sys, err := lookupSystem(id)
		if err != nil {
			return err
		}
		list, ids = append(list, sys), append(ids, sys.ID)
	} else {
		for _, series := range []struct {
			id   string
			eras []points.Era
		}{{"f1", points.F1Eras()}, {"indycar", points.IndyCarEras()}, {"wec-hypercar", points.WECEras()}} {
			for _, era := range series.eras {
				list, ids = append(list, era.System), append(ids, fmt.Sprintf("%s-%d", series.id, era.From))
			}
		}
		for _, s := range points.Presets() {
			list, ids = append(list, s), append(ids, s.ID)
		}
	}
	if o.format != formatTable {
		return o.report(e, systemsReport(ids, list))
	}
	return o.write(e, func(w io.Writer) error { return writeSystems(w, id, list) })
}

// writeSystems describes the systems for people: the one asked for, or
// every series by era and then the presets.
func writeSystems(w io.Writer, asked string, list []*points.System) error {
	if asked != "" {
		writeSystem(w, list[0].ID, list[0])
		return nil
	}
	{
		fmt.Fprintln(w, "Formula 1 (one system per season, f1-YYYY; \"f1\" is the current rules):")
		writeEras(w, "f1", points.F1Eras())
		fmt.Fprintln(w)
		fmt.Fprintln(w, "IndyCar (one system per season, indycar-YYYY; \"indycar\" is the latest rules):")
		writeEras(w, "indycar", points.IndyCarEras())
		fmt.Fprintln(w)
		fmt.Fprintln(w, "WEC Hypercar (one system per season, wec-hypercar-YYYY; \"wec-hypercar\" is the latest rules):")
		writeEras(w, "wec-hypercar", points.WECEras())
		for _, s := range points.Presets() {
			fmt.Fprintln(w)
			writeSystem(w, s.ID, s)
		}
		return nil
	}
}

// systemsReport is the systems as data: a row per system (for an era of
// a series, its first season's id), a column per line of its description.
func systemsReport(ids []string, list []*points.System) *report {
	r := &report{Rows: "systems", Cols: []column{text("system", "System"), text("name", "Name")}}
	at := map[string]int{}
	var rows []map[string]string
	for _, s := range list {
		fields := map[string]string{}
		for _, line := range strings.Split(strings.TrimRight(s.Describe(), "\n"), "\n") {
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			k = strings.ReplaceAll(strings.TrimSpace(k), " ", "_")
			if _, seen := at[k]; !seen {
				at[k] = len(r.Cols)
				r.Cols = append(r.Cols, text(k, k))
			}
			if fields[k] != "" {
				fields[k] += "; "
			}
			fields[k] += strings.TrimSpace(v)
		}
		fields["source"] = s.Source
		rows = append(rows, fields)
	}
	r.Cols = append(r.Cols, text("source", "source"))
	for i, s := range list {
		row := []cell{c(ids[i]), c(s.Name)}
		for _, col := range r.Cols[2:] {
			var v any
			if x, ok := rows[i][col.Key]; ok {
				v = x
			}
			row = append(row, cell{Text: rows[i][col.Key], Value: v})
		}
		r.Body = append(r.Body, row)
	}
	return r
}

// writeEras lists a series' systems, one per run of seasons with the same
// rules.
func writeEras(w io.Writer, series string, eras []points.Era) {
	for _, e := range eras {
		id := fmt.Sprintf("%s-%d", series, e.From)
		if e.To > e.From {
			id += fmt.Sprintf(" ... %s-%d", series, e.To)
		}
		fmt.Fprintln(w)
		writeSystem(w, id, e.System)
	}
}

func writeSystem(w io.Writer, id string, s *points.System) {
	title := s.Name
	if strings.Contains(id, "...") {
		series, _, _ := strings.Cut(s.Name, ",")
		prefix, _, _ := strings.Cut(id, "-")
		title = series + ", " + strings.ReplaceAll(strings.ReplaceAll(id, prefix+"-", ""), " ... ", "-")
	}
	fmt.Fprintf(w, "%s: %s\n", id, title)
	for _, line := range strings.Split(strings.TrimRight(s.Describe(), "\n"), "\n") {
		fmt.Fprintf(w, "  %s\n", line)
	}
	fmt.Fprintf(w, "  source:  %s\n", s.Source)
}

// lookupSystem is a system by id, or from a custom system file (.csv).
func lookupSystem(id string) (*points.System, error) {
	if strings.HasSuffix(strings.ToLower(id), ".csv") {
		return readSystemFile(id)
	}
	return points.Lookup(id)
}

func readSystemFile(p string) (*points.System, error) {
	b, err := readFile(p)
	if err != nil {
		return nil, err
	}
	return data.ReadSystem(p, b)
}

func seasonsCommand() *cli.Command {
	return &cli.Command{
		Name:      "seasons",
		Usage:     "list the built-in seasons",
		UsageText: "champ seasons [--format table|csv|json|html] [--out FILE]",
		Flags:     []cli.Flag{formatFlag(), outFlag()},
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "champ seasons lists them all"); err != nil {
				return err
			}
			out, err := outputOptionsOf(c)
			if err != nil {
				return err
			}
			return runSeasons(out, envOf(c))
		},
	}
}

// runSeasons lists the built-in seasons.
func runSeasons(o outputOptions, e env) error {
	r := &report{Rows: "seasons", Cols: []column{text("season", "Season"), text("name", "Name"), num("rounds", "Rounds"),
		num("completed", "Completed"), text("system", "System")}}
	for _, name := range data.Embedded() {
		s, err := data.Open(name)
		if err != nil {
			return err
		}
		r.Body = append(r.Body, []cell{c(name), c(s.Name), c(len(s.Rounds)), c(s.LastCompleted()), c(s.System.ID)})
	}
	return o.report(e, r)
}
