package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/points"
)

func standingsCommand() *cli.Command {
	return &cli.Command{
		Name:      "standings",
		Usage:     "the championship table after any round, under the season's own rules",
		UsageText: "champ standings [--season SEASON] [--after N] [--championship NAME | --constructors] [--format table|csv|json|html] [--out FILE]",
		Description: `Standings recomputed from the results: points scored and counted (before
1991 only the best results counted), wins, and the FIA's countback for ties
(most wins, then most second places, and so on).

Examples:
  champ standings                                  # F1 2024 after round 9: VER 194, LEC 138, NOR 131
  champ standings --season f1-2021 --after 21      # Verstappen ahead of Hamilton on 369.5, by countback
  champ standings --season f1-1988                 # Senna champion on counted points
  champ standings --season f1-2024 --constructors --format csv
  champ standings --season cmd/champ/testdata/league  # a season folder of your own

CSV columns (drivers): position,driver,name,code,team,team_name,points,scored,wins,excluded
CSV columns (teams):   position,team,name,points,scored,wins,excluded
(another championship names its id column as champ systems does: entrant, ...)
position is empty for an excluded entry; points are the counted points.`,
		Flags:  append(append(seasonFlags(), championshipFlags()...), formatFlag(), outFlag()),
		Action: standingsAction,
	}
}

func standingsAction(c *cli.Context) error {
	o, err := tableOptionsOf(c)
	if err != nil {
		return err
	}
	return runStandings(o, envOf(c))
}

// runStandings writes the championship table.
func runStandings(o tableOptions, e env) error {
	return o.run(e, func(r *tableRequest) *report { return standingsReport(r.season, r.st, r.champ, r.after) })
}

func position(st *points.Standing) string {
	if st.Excluded {
		return ""
	}
	return strconv.Itoa(st.Position)
}

// seasonMeta are the facts every report of a season starts with.
func seasonMeta(s *points.Season, after int) []field {
	return []field{{"season", s.ID}, {"season_name", s.Name}, {"system", s.System.ID},
		{"after_round", after}, {"rounds", len(s.Rounds)}}
}

// standingsReport is the championship table after round after: a row per
// entry (a crew's drivers share one line of the table).
func standingsReport(s *points.Season, st []points.Standing, ch *points.Championship, after int) *report {
	teams := ch.Of != points.HolderDriver
	drops := false
	for i := range st {
		if st[i].Dropped() > 1e-9 {
			drops = true
		}
	}
	r := &report{
		Title: fmt.Sprintf("%s: %s %s", s.Name, ch.Title, describeRound(s, after)),
		Lead:  []string{fmt.Sprintf("Points system: %s (%s)", s.System.ID, s.System.Name)},
		Meta:  append(seasonMeta(s, after), field{"championship", ch.ID}),
		Rows:  "standings",
	}
	scored := num("scored", "")
	if drops {
		scored.Head = "Scored"
		r.Notes = append(r.Notes, fmt.Sprintf("Points are the counted points (%s); Scored includes dropped results.", ch.Drop))
	}
	if teams {
		r.Cols = []column{num("position", "Pos"), text(ch.Entity(), ""), text("name", title(ch.Entity()))}
	} else {
		r.Cols = []column{num("position", "Pos"), text("driver", ""), text("name", "Driver"), text("code", ""),
			text("team", ""), text("team_name", "Team")}
	}
	r.Cols = append(r.Cols, num("points", "Points"), scored, num("wins", "Wins"), text("excluded", ""),
		column{Key: "tied"}, column{Key: "places"}, column{Key: "excluded_reason"})
	lines, driverTeams := [][]int{}, s.DriverTeams(after)
	for i := range st {
		lines = append(lines, []int{i})
	}
	if !teams {
		lines = standingCrews(s, after, st)
	}
	for _, g := range lines {
		for k, i := range g {
			e := &st[i]
			pos := cell{Text: position(e), Value: e.Position}
			if e.Excluded {
				pos = cell{Text: "EX"}
				if k == 0 {
					r.Notes = append(r.Notes, fmt.Sprintf("EX %s: %s.", s.EntryName(ch, e.ID), e.Reason))
				}
			} else if e.Tied {
				pos.Text = "=" + tiedPosition(st, i)
			}
			places := e.Places
			if places == nil {
				places = []int{}
			}
			row := []cell{pos, c(e.ID)}
			if teams {
				row = append(row, c(s.EntryName(ch, e.ID)))
			} else {
				team := driverTeams[e.ID]
				row = append(row, cell{Text: standingCrewName(s, after, st, g), Value: s.DriverName(e.ID)},
					c(s.DriverCode(e.ID)), c(team), c(s.TeamName(team)))
			}
			var reason any
			if e.Reason != "" {
				reason = e.Reason
			}
			row = append(row, c(pts(e.Points)), c(pts(e.Scored)), c(e.Wins), c(e.Excluded),
				cell{Value: e.Tied}, cell{Value: places}, cell{Value: reason})
			r.Body = append(r.Body, row)
			if k > 0 {
				r.folded(len(r.Body) - 1)
			}
		}
		i := g[0]
		e := &st[i]
		if i > 0 && !e.Excluded && !st[i-1].Excluded && !e.Tied && points.Compare(&st[i-1], e) != 0 &&
			abs(st[i-1].Points-e.Points) < 1e-6 && e.Points > 0 {
			r.Notes = append(r.Notes, countbackNote(s, &st[i-1], e, ch))
		}
	}
	return r
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
