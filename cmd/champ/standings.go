package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/points"
)

func standingsCommand() *cli.Command {
	return &cli.Command{
		Name:      "standings",
		Usage:     "the championship table after any round, under the season's own rules",
		UsageText: "champ standings [--season SEASON] [--after N] [--championship NAME | --constructors] [--format table|csv|json] [--out FILE]",
		Description: `Standings recomputed from the results: points scored and counted (before
1991 only the best results counted), wins, and the FIA's countback for ties
(most wins, then most second places, and so on).

Examples:
  champ standings                                  # F1 2024 after round 9: VER 194, LEC 138, NOR 131
  champ standings --season f1-2021 --after 21      # Verstappen ahead of Hamilton on 369.5, by countback
  champ standings --season f1-1988                 # Senna champion on counted points
  champ standings --season f1-2024 --constructors --format csv
  champ standings --season ./my-league/            # a season folder of your own

CSV columns (drivers): position,driver,name,code,team,team_name,points,scored,wins,excluded
CSV columns (teams):   position,team,name,points,scored,wins,excluded
(another championship names its id column as champ systems does: entrant, ...)
position is empty for an excluded entry; points are the counted points.`,
		Flags:  append(append(seasonFlags(), championshipFlags()...), formatFlag(), outFlag()),
		Action: standingsAction,
	}
}

// standingsRow is a CSV line of the standings; also the JSON shape.
type standingsRow struct {
	Position int     `json:"position,omitempty"`
	Driver   string  `json:"driver,omitempty"`
	Team     string  `json:"team,omitempty"`
	Entry    string  `json:"entry,omitempty"` // a manufacturer's or a car's id
	Name     string  `json:"name"`
	Code     string  `json:"code,omitempty"`
	TeamName string  `json:"team_name,omitempty"`
	Points   float64 `json:"points"`
	Scored   float64 `json:"scored"`
	Wins     int     `json:"wins"`
	Excluded bool    `json:"excluded,omitempty"`
	Tied     bool    `json:"tied,omitempty"`
	Places   []int   `json:"places"`
	Reason   string  `json:"excluded_reason,omitempty"`
}

type driverCSV struct {
	Position string `csv:"position"`
	Driver   string `csv:"driver"`
	Name     string `csv:"name"`
	Code     string `csv:"code"`
	Team     string `csv:"team"`
	TeamName string `csv:"team_name"`
	Points   string `csv:"points"`
	Scored   string `csv:"scored"`
	Wins     int    `csv:"wins"`
	Excluded bool   `csv:"excluded"`
}

func standingsAction(c *cli.Context) error {
	r, err := newTableRequest(c)
	if err != nil {
		return err
	}
	s, after, ch, st, format := r.season, r.after, r.champ, r.st, r.format
	return writeFormats(c, format,
		func(w io.Writer) error { return writeStandingsTable(w, s, st, ch, after) },
		func(w io.Writer) error { return writeStandingsCSV(w, s, st, ch, after) },
		func(w io.Writer) error { return writeStandingsJSON(w, s, st, ch, after) })
}

func position(st *points.Standing) string {
	if st.Excluded {
		return ""
	}
	return strconv.Itoa(st.Position)
}

func writeStandingsCSV(w io.Writer, s *points.Season, st []points.Standing, ch *points.Championship, after int) error {
	if ch.Of != points.HolderDriver {
		rows := [][]string{{"position", ch.Entity(), "name", "points", "scored", "wins", "excluded"}}
		for i := range st {
			e := &st[i]
			rows = append(rows, []string{position(e), e.ID, s.EntryName(ch, e.ID), points.FormatPoints(e.Points), points.FormatPoints(e.Scored),
				strconv.Itoa(e.Wins), strconv.FormatBool(e.Excluded)})
		}
		return writeRecords(w, rows)
	}
	rows := make([]driverCSV, len(st))
	for i := range st {
		e := &st[i]
		team := s.DriverTeam(e.ID, after)
		rows[i] = driverCSV{position(e), e.ID, s.DriverName(e.ID), s.DriverCode(e.ID), team, s.TeamName(team),
			points.FormatPoints(e.Points), points.FormatPoints(e.Scored), e.Wins, e.Excluded}
	}
	return writeCSV(w, rows)
}

type standingsJSON struct {
	Season       string         `json:"season"`
	System       string         `json:"system"`
	AfterRound   int            `json:"after_round"`
	Rounds       int            `json:"rounds"`
	Championship string         `json:"championship"`
	Standings    []standingsRow `json:"standings"`
}

func writeStandingsJSON(w io.Writer, s *points.Season, st []points.Standing, ch *points.Championship, after int) error {
	out := standingsJSON{Season: s.Name, System: s.System.ID, AfterRound: after, Rounds: len(s.Rounds), Championship: ch.ID}
	teams := ch.Of != points.HolderDriver
	out.Standings = []standingsRow{}
	for i := range st {
		e := &st[i]
		r := standingsRow{Position: e.Position, Points: round6(e.Points), Scored: round6(e.Scored), Wins: e.Wins,
			Excluded: e.Excluded, Tied: e.Tied, Places: e.Places, Reason: e.Reason}
		if r.Places == nil {
			r.Places = []int{}
		}
		switch {
		case ch.Of == points.HolderTeam:
			r.Team, r.Name = e.ID, s.TeamName(e.ID)
		case teams:
			r.Entry, r.Name = e.ID, s.EntryName(ch, e.ID)
		default:
			team := s.DriverTeam(e.ID, after)
			r.Driver, r.Name, r.Code, r.Team, r.TeamName = e.ID, s.DriverName(e.ID), s.DriverCode(e.ID), team, s.TeamName(team)
		}
		out.Standings = append(out.Standings, r)
	}
	return writeJSON(w, out)
}

// round6 keeps JSON free of float noise such as 25.139999999999997.
func round6(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 6, 64), 64)
	return v
}

func writeStandingsTable(w io.Writer, s *points.Season, st []points.Standing, ch *points.Championship, after int) error {
	teams := ch.Of != points.HolderDriver
	fmt.Fprintf(w, "%s: %s %s\n", s.Name, ch.Title, describeRound(s, after))
	fmt.Fprintf(w, "Points system: %s (%s)\n\n", s.System.ID, s.System.Name)
	drops := false
	for i := range st {
		if st[i].Dropped() > 1e-9 {
			drops = true
		}
	}
	cols := []string{">Pos", "Driver", "Team", ">Points"}
	if teams {
		cols = []string{">Pos", title(ch.Entity()), ">Points"}
	}
	if drops {
		cols = append(cols, ">Scored")
	}
	cols = append(cols, ">Wins")
	t := newTable(cols...)
	var notes []string
	lines := [][]int{}
	for i := range st {
		lines = append(lines, []int{i})
	}
	if !teams {
		lines = standingCrews(s, after, st)
	}
	for _, g := range lines {
		i := g[0]
		e := &st[i]
		pos := position(e)
		if e.Excluded {
			pos = "EX"
			notes = append(notes, fmt.Sprintf("EX %s: %s.", s.EntryName(ch, e.ID), e.Reason))
		} else if e.Tied {
			pos = "=" + tiedPosition(st, i)
		}
		cells := []string{pos}
		if teams {
			cells = append(cells, s.EntryName(ch, e.ID))
		} else {
			cells = append(cells, standingCrewName(s, after, st, g), s.TeamName(s.DriverTeam(e.ID, after)))
		}
		cells = append(cells, points.FormatPoints(e.Points))
		if drops {
			cells = append(cells, points.FormatPoints(e.Scored))
		}
		cells = append(cells, strconv.Itoa(e.Wins))
		t.add(cells...)
		if i > 0 && !e.Excluded && !st[i-1].Excluded && !e.Tied && points.Compare(&st[i-1], e) != 0 &&
			abs(st[i-1].Points-e.Points) < 1e-6 && e.Points > 0 {
			notes = append(notes, countbackNote(s, &st[i-1], e, ch))
		}
	}
	if err := t.write(w); err != nil {
		return err
	}
	if drops {
		notes = append([]string{fmt.Sprintf("Points are the counted points (%s); Scored includes dropped results.", ch.Drop)}, notes...)
	}
	for _, n := range notes {
		fmt.Fprintf(w, "\n%s", n)
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
	}
	return nil
}

// tiedPosition is the position a tied entry shares: that of the first
// entry of its tie.
func tiedPosition(st []points.Standing, i int) string {
	for i > 0 && st[i].Tied {
		i--
	}
	return strconv.Itoa(st[i].Position)
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// title capitalises a word for a column heading.
func title(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// countbackNote explains why a is ahead of b on equal points.
func countbackNote(s *points.Season, a, b *points.Standing, ch *points.Championship) string {
	for i := 0; ; i++ {
		x, y := at(a.Places, i), at(b.Places, i)
		if x != y {
			what := ordinal(i+1) + " places"
			if i == 0 {
				what = "wins"
			}
			return fmt.Sprintf("%s is ahead of %s on countback (%s points each): %s %d to %d.",
				s.EntryName(ch, a.ID), s.EntryName(ch, b.ID), points.FormatPoints(a.Points), what, x, y)
		}
	}
}

func at(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
