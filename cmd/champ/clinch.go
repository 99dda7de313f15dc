package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/points"
)

func clinchCommand() *cli.Command {
	return &cli.Command{
		Name:      "clinch",
		Usage:     "the exact maths: who can still win, the most points each can reach, best and worst final positions",
		UsageText: "champ clinch [--season SEASON] [--after N] [--championship NAME | --constructors] [--format table|csv|json] [--out FILE]",
		Description: `Facts, not odds. Assumes, as every "mathematically possible" statement
does, that any car may fail to score in any session. A driver can still win
if winning every remaining session (with every bonus a winner can earn: the
fastest lap, pole, most laps led, a led lap for each car, qualifying points)
puts them ahead of every rival's current points, a tie settled by the
countback those wins imply, dropped scores counted.

The best final position is exact (win everything, everyone else scores
nothing). The worst final position (score nothing while as many rivals as
possible pass) is exact when an explicit assignment of the remaining results
reaches the upper bound on how many can pass; otherwise it is reported as
undetermined, with its range in the table.

Examples:
  champ clinch                                   # F1 2024 after round 9
  champ clinch --season f1-2021 --after 21 --format csv
  champ clinch --constructors
  champ clinch --season indycar-2024 --after 15    # O'Ward 101 behind with two races of 54 left

CSV columns: driver,name,points,scored,max_points,can_win,best_position,worst_position,
earliest_clinch (team instead of driver with --constructors, the championship's
entry otherwise); worst_position is
a number or "undetermined"; earliest_clinch is the first round after which the
title could be decided for them (winning everything while no one else scores),
empty when they cannot win.`,
		Flags:  append(append(seasonFlags(), championshipFlags()...), formatFlag(), outFlag()),
		Action: clinchAction,
	}
}

type clinchRow struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Points    float64 `json:"points"`
	Scored    float64 `json:"scored"`
	MaxPoints float64 `json:"max_points"`
	CanWin    bool    `json:"can_win"`
	Best      int     `json:"best_position"`
	WorstLo   int     `json:"worst_position_low"`
	WorstHi   int     `json:"worst_position_high"`
	Earliest  int     `json:"earliest_clinch,omitempty"`
	Excluded  bool    `json:"excluded,omitempty"`
}

func clinchAction(c *cli.Context) error {
	req, err := newTableRequest(c)
	if err != nil {
		return err
	}
	s, after, ch, st, format := req.season, req.after, req.champ, req.st, req.format
	champ := ch.ID
	var rows []clinchRow
	for _, e := range st {
		r := clinchRow{ID: e.ID, Points: round6(e.Points), Scored: round6(e.Scored), Excluded: e.Excluded, Name: s.EntryName(ch, e.ID)}
		if !e.Excluded {
			r.MaxPoints = round6(points.BestCase(s, after, e, champ).Points)
			r.CanWin = points.CanWin(s, after, st, e.ID, champ)
			r.Best = points.BestPosition(s, after, st, e.ID, champ)
			r.WorstLo, r.WorstHi = points.WorstPosition(s, after, st, e.ID, champ)
			r.Earliest = points.EarliestClinch(s, after, st, e.ID, champ)
		}
		rows = append(rows, r)
	}
	decided, leader := points.Decided(s, after, champ)
	var cond *points.Condition
	if !decided && after < len(s.Rounds) {
		c := points.NextRoundCondition(s, after, champ)
		cond = &c
	}
	// A season raced by crews shows crew-mates with the same results as
	// one line.
	lines := make([][]int, len(st))
	for i := range st {
		lines[i] = []int{i}
	}
	if ch.Of == points.HolderDriver {
		lines = standingCrews(s, after, st)
	}
	crew := map[string]string{}
	for _, g := range lines {
		if len(g) > 1 {
			name := standingCrewName(s, after, st, g)
			for _, i := range g {
				crew[st[i].ID] = name
			}
		}
	}
	nameOf := func(id string) string {
		if n, ok := crew[id]; ok {
			return n
		}
		return s.EntryName(ch, id)
	}
	return writeOutput(c, func(w io.Writer) error {
		switch format {
		case formatJSON:
			out := map[string]any{"season": s.Name, "system": s.System.ID, "after_round": after,
				"championship": champ, "decided": decided, "leader": leader, "entries": rows}
			if cond != nil {
				out["next_round"] = conditionJSON(*cond, nameOf)
			}
			return writeJSON(w, out)
		case formatCSV:
			recs := [][]string{{ch.Entity(), "name", "points", "scored", "max_points", "can_win", "best_position", "worst_position", "earliest_clinch"}}
			for _, r := range rows {
				recs = append(recs, []string{r.ID, r.Name, points.FormatPoints(r.Points), points.FormatPoints(r.Scored),
					points.FormatPoints(r.MaxPoints), strconv.FormatBool(r.CanWin), positionText(r.Best), worstText(r, false), positionText(r.Earliest)})
			}
			return writeRecords(w, recs)
		}
		fmt.Fprintf(w, "%s: %s, exact maths %s\n", s.Name, ch.Title, describeRound(s, after))
		if decided {
			fmt.Fprintf(w, "The title is decided: %s is champion.\n\n", nameOf(leader))
		} else {
			n := 0
			for _, g := range lines {
				if rows[g[0]].CanWin {
					n++
				}
			}
			fmt.Fprintf(w, "The title is open: %d can still win.\n", n)
			if cond != nil {
				fmt.Fprintf(w, "Next round: %s\n", cond.Describe(nameOf))
			}
			fmt.Fprintln(w)
		}
		t := newTable(">Pos", "Name", ">Points", ">Max", "Can win", ">Best", ">Worst", "Earliest clinch")
		for _, g := range lines {
			i, r := g[0], rows[g[0]]
			r.Name = nameOf(r.ID)
			pos := strconv.Itoa(i + 1)
			if r.Excluded {
				pos = "EX"
			}
			win := "no"
			if r.CanWin {
				win = "yes"
			}
			clinch := ""
			if r.Earliest > 0 {
				clinch = fmt.Sprintf("round %d (%s)", r.Earliest, s.Round(r.Earliest).Name)
			}
			t.add(pos, r.Name, points.FormatPoints(r.Points), points.FormatPoints(r.MaxPoints), win, positionText(r.Best), worstText(r, true), clinch)
		}
		if err := t.write(w); err != nil {
			return err
		}
		fmt.Fprintln(w, "\nMax: the most points still reachable (winning every remaining session). Best and worst: final positions")
		fmt.Fprintln(w, "still possible. Earliest clinch: the first round after which the title could be decided for them.")
		return nil
	})
}

func positionText(p int) string {
	if p == 0 {
		return ""
	}
	return strconv.Itoa(p)
}

func worstText(r clinchRow, table bool) string {
	switch {
	case r.Excluded:
		return ""
	case r.WorstLo == r.WorstHi:
		return strconv.Itoa(r.WorstLo)
	case table:
		return fmt.Sprintf("undetermined (%d-%d)", r.WorstLo, r.WorstHi)
	}
	return "undetermined"
}

type rivalJSON struct {
	ID     string  `json:"id"`
	Gap    float64 `json:"margin"`
	Exact  bool    `json:"exact"`
	Always bool    `json:"always_alive"`
}

// conditionJSON is the next round's clinch condition as data: a rival
// stays in the fight if it outscores the leader at the round by at least
// margin points (negative: loses no more than that); exact says the
// margin is the whole condition.
func conditionJSON(c points.Condition, name func(string) string) map[string]any {
	rivals := []rivalJSON{}
	for _, r := range c.Rivals {
		rivals = append(rivals, rivalJSON{r.ID, r.Gap, r.Exact, r.Always})
	}
	return map[string]any{"round": c.Round, "name": c.RoundName, "leader": c.Leader, "can_clinch": c.Possible,
		"rivals": rivals, "text": c.Describe(name)}
}
