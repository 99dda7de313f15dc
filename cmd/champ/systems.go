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
		Action: func(c *cli.Context) error {
			if c.NArg() > 1 {
				return usagef("systems takes at most one system id")
			}
			w := c.App.Writer
			if id := c.Args().First(); id != "" {
				sys, err := lookupSystem(id)
				if err != nil {
					return err
				}
				writeSystem(w, sys.ID, sys)
				return nil
			}
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
		},
	}
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
		Name:  "seasons",
		Usage: "list the built-in seasons",
		Action: func(c *cli.Context) error {
			t := newTable("Season", "Name", ">Rounds", ">Completed", "System")
			for _, name := range data.Embedded() {
				s, err := data.Open(name)
				if err != nil {
					return err
				}
				t.add(name, s.Name, fmt.Sprint(len(s.Rounds)), fmt.Sprint(s.LastCompleted()), s.System.ID)
			}
			return t.write(c.App.Writer)
		},
	}
}
