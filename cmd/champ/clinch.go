package main

import (
	"fmt"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/points"
)

func clinchCommand() *cli.Command {
	return &cli.Command{
		Name:      "clinch",
		Usage:     "the exact maths: who can still win, the most points each can reach, best and worst final positions",
		UsageText: "champ clinch [--season SEASON] [--after N] [--championship NAME | --constructors] [--format table|csv|json|html] [--out FILE]",
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

CSV columns: position,driver,name,points,scored,max_points,can_win,best_position,worst_position,
earliest_clinch,excluded (team instead of driver with --constructors, the championship's
entry otherwise); worst_position is
a number or "undetermined"; earliest_clinch is the first round after which the
title could be decided for them (winning everything while no one else scores),
empty when they cannot win.`,
		Flags:  append(append(seasonFlags(), championshipFlags()...), formatFlag(), outFlag()),
		Action: clinchAction,
	}
}

type clinchRow struct {
	ID        string
	Points    float64
	Scored    float64
	MaxPoints float64
	CanWin    bool
	Best      int
	WorstLo   int
	WorstHi   int
	Earliest  int
	Excluded  bool
}

func clinchAction(c *cli.Context) error {
	o, err := tableOptionsOf(c)
	if err != nil {
		return err
	}
	return runClinch(o, envOf(c))
}

// runClinch writes the exact maths of every entry.
func runClinch(o tableOptions, e env) error {
	return o.run(e, func(r *tableRequest) *report { return clinchReport(r.season, r.after, r.champ, r.st) })
}

// clinchRows are the exact maths of each entry of the standings.
func clinchRows(s *points.Season, after int, champ string, st []points.Standing) []clinchRow {
	var rows []clinchRow
	for _, e := range st {
		r := clinchRow{ID: e.ID, Points: e.Points, Scored: e.Scored, Excluded: e.Excluded}
		if !e.Excluded {
			r.MaxPoints = points.BestCase(s, after, e, champ).Points
			r.CanWin = points.CanWin(s, after, st, e.ID, champ)
			r.Best = points.BestPosition(s, after, st, e.ID, champ)
			r.WorstLo, r.WorstHi = points.WorstPosition(s, after, st, e.ID, champ)
			r.Earliest = points.EarliestClinch(s, after, st, e.ID, champ)
		}
		rows = append(rows, r)
	}
	return rows
}

// clinchReport is the exact maths of championship ch after round after.
func clinchReport(s *points.Season, after int, ch *points.Championship, st []points.Standing) *report {
	champ := ch.ID
	rows := clinchRows(s, after, champ, st)
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
	r := &report{
		Title: fmt.Sprintf("%s: %s, exact maths %s", s.Name, ch.Title, describeRound(s, after)),
		Meta:  append(seasonMeta(s, after), field{"championship", champ}, field{"decided", decided}, field{"leader", leader}),
		Rows:  "entries",
		Cols: []column{num("position", "Pos"), text(ch.Entity(), ""), text("name", "Name"), num("points", "Points"), num("scored", ""),
			num("max_points", "Max"), text("can_win", "Can win"), num("best_position", "Best"), num("worst_position", "Worst"),
			column{Key: "worst_position_low"}, column{Key: "worst_position_high"}, text("earliest_clinch", "Earliest clinch"), text("excluded", "")},
		Notes: []string{"Max: the most points still reachable (winning every remaining session). Best and worst: final positions",
			"still possible. Earliest clinch: the first round after which the title could be decided for them."},
	}
	if decided {
		r.Lead = []string{fmt.Sprintf("The title is decided: %s is champion.", nameOf(leader))}
	} else {
		n := 0
		for _, g := range lines {
			if rows[g[0]].CanWin {
				n++
			}
		}
		r.Lead = []string{fmt.Sprintf("The title is open: %d can still win.", n)}
		if cond != nil {
			r.Lead = append(r.Lead, "Next round: "+cond.Describe(nameOf))
			r.Meta = append(r.Meta, field{"next_round", conditionJSON(*cond, nameOf, ch.Entity())})
		}
	}
	folded := map[int]bool{}
	for _, g := range lines {
		for _, i := range g[1:] {
			folded[i] = true
		}
	}
	for i, row := range rows {
		pos := cell{Text: strconv.Itoa(i + 1), Value: i + 1}
		var maxp, best, worst, lo, hi, earliest any
		clinch := ""
		if row.Excluded {
			pos = cell{Text: "EX"}
		} else {
			maxp, best, lo, hi = pts(row.MaxPoints), row.Best, row.WorstLo, row.WorstHi
			worst = worstText(row, false)
			if row.WorstLo == row.WorstHi {
				worst = row.WorstLo
			}
			if row.Earliest > 0 {
				earliest = row.Earliest
				clinch = fmt.Sprintf("round %d (%s)", row.Earliest, s.Round(row.Earliest).Name)
			}
		}
		win := "no"
		if row.CanWin {
			win = "yes"
		}
		r.Body = append(r.Body, []cell{pos, c(row.ID), cell{Text: nameOf(row.ID), Value: s.EntryName(ch, row.ID)},
			c(pts(row.Points)), c(pts(row.Scored)), cell{Text: points.FormatPoints(row.MaxPoints), Value: maxp},
			cell{Text: win, Value: row.CanWin}, cell{Text: positionText(row.Best), Value: best},
			cell{Text: worstText(row, true), Value: worst}, cell{Value: lo}, cell{Value: hi},
			cell{Text: clinch, Value: earliest}, c(row.Excluded)})
		if folded[i] {
			r.folded(len(r.Body) - 1)
		}
	}
	return r
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

// conditionJSON is the next round's clinch condition as data: a rival
// stays in the fight if it outscores the leader at the round by at least
// margin points (negative: loses no more than that); exact says the
// margin is the whole condition.
func conditionJSON(c points.Condition, name func(string) string, entity string) orderedObject {
	rivals := []orderedObject{}
	for _, r := range c.Rivals {
		rivals = append(rivals, orderedObject{{entity, r.ID}, {"margin", pts(r.Gap)}, {"exact", r.Exact}, {"always_alive", r.Always}})
	}
	return orderedObject{{"round", c.Round}, {"name", c.RoundName}, {"leader", c.Leader}, {"can_clinch", c.Possible},
		{"rivals", rivals}, {"text", c.Describe(name)}}
}
