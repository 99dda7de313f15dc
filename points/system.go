package points

import (
	"fmt"
	"math"
	"strings"
)

// Shortened is how a system scores a race stopped early and not resumed.
type Shortened uint8

const (
	// FullPoints ignores the distance run.
	FullPoints Shortened = iota
	// HalfBelow75 awards half points when less than 75% of the distance
	// was run (F1 until 2021, Sporting Regulations art. 60).
	HalfBelow75
	// Tiers2022 awards tiered points by the share of distance run (F1 from
	// 2022, Sporting Regulations art. 6.5): under 25% 6-4-3-2-1, under 50%
	// 13-10-8-6-5-4-3-2-1, under 75% 19-14-12-9-8-6-5-3-2-1, then full points.
	Tiers2022
)

var tiers2022 = [][]float64{
	{6, 4, 3, 2, 1},
	{13, 10, 8, 6, 5, 4, 3, 2, 1},
	{19, 14, 12, 9, 8, 6, 5, 3, 2, 1},
}

func (s Shortened) String() string {
	switch s {
	case HalfBelow75:
		return "half points below 75% distance"
	case Tiers2022:
		return "tiered points below 75% distance (<25%, <50%, <75%)"
	}
	return "full points"
}

// Drop is a dropped-scores rule: only the best results count.
// The zero value counts every result.
type Drop struct {
	// Best counts the best Best round scores (0: all).
	Best int
	// Split > 0 divides the season after round Split; the best BestFirst
	// scores of the first part and the best BestSecond of the second count.
	Split                 int
	BestFirst, BestSecond int
}

// None reports whether every result counts.
func (d Drop) None() bool { return d.Best == 0 && d.Split == 0 }

func (d Drop) String() string {
	switch {
	case d.Split > 0:
		return fmt.Sprintf("best %d of rounds 1-%d and best %d of the rest", d.BestFirst, d.Split, d.BestSecond)
	case d.Best > 0:
		return fmt.Sprintf("best %d results", d.Best)
	}
	return "all results count"
}

// System is a points system: tables, bonuses and the championships that
// use them. Systems are values; the presets come from [Lookup]. A
// season's [Plan] is compiled from its system, and every count of points
// (standings, the exact maths, the simulator) reads the plan.
type System struct {
	ID     string // "f1-2024"
	Name   string // "Formula 1, 2022-2024"
	Series string // "Formula 1"
	// Source cites the regulation the system encodes.
	Source string

	Race   []float64 // points for P1, P2, ...
	Sprint []float64 // nil: sprints score nothing
	// Tables are alternative race tables a round of the calendar can name
	// (WEC: "8h", "le-mans").
	Tables map[string][]float64
	// Qualifying are the qualifying tables a round of the calendar can
	// name (IndyCar: "indy500", 12-11-...-1): a round that names one
	// scores its qualifying session with it.
	Qualifying map[string][]float64

	// Bonuses are what the flags of a result (fastest lap, pole, led a
	// lap, most laps led) are worth; each championship says which of
	// them it scores.
	Bonuses []Bonus

	Shortened Shortened
	// FinalMultiplier scales the position points of the season's last
	// round (F1 2014: 2). 0 or 1: no change.
	FinalMultiplier float64
	// Championships are the titles the system awards, the drivers' first.
	Championships []Championship
}

// Drivers is the system's drivers' championship (its first).
func (s *System) Drivers() *Championship { return &s.Championships[0] }

// baseTable returns the table that scores a session of round rd for
// championship c, before multipliers and the shortened-race rule: a
// sprint's, the round's qualifying table, the round's alternative race
// table, the championship's own race table, or the system's.
func (s *System) baseTable(c *Championship, kind SessionKind, rd *Round) []float64 {
	switch kind {
	case Sprint:
		return s.Sprint
	case Qualifying:
		if rd == nil {
			return nil
		}
		return s.Qualifying[rd.Qualifying]
	}
	if rd != nil && rd.Table != "" {
		if t, ok := s.Tables[rd.Table]; ok {
			return t
		}
	}
	if c != nil && c.Race != nil {
		return c.Race
	}
	return s.Race
}

// placeTable returns what places 1, 2, ... of a session of round rd score
// for championship c: the round's multiplier (not on qualifying points),
// the shortened-race rule and, when final, the final-round multiplier.
func (s *System) placeTable(c *Championship, kind SessionKind, rd *Round, final bool) []float64 {
	table := s.baseTable(c, kind, rd)
	mult := 1.0
	if kind != Qualifying {
		if rd != nil {
			mult = rd.Multiplier
			if kind == Race && rd.Distance > 0 && rd.Distance < 0.75 {
				switch s.Shortened {
				case HalfBelow75:
					mult *= 0.5
				case Tiers2022:
					table = tiers2022[min(int(rd.Distance/0.25), 2)]
				}
			}
		}
		if final && s.FinalMultiplier > 0 {
			mult *= s.FinalMultiplier
		}
	}
	out := make([]float64, len(table))
	for i, p := range table {
		out[i] = p * mult
	}
	return out
}

// award returns what bonus b is worth in a session of kind of round rd
// (0 where it is not awarded there), before the holder's own conditions
// (its place, for a top-N rule).
func (s *System) award(b *Bonus, kind SessionKind, rd *Round) float64 {
	switch {
	case kind == Qualifying:
		return 0
	case kind == Sprint && !b.Sprint:
		return 0
	case rd != nil && rd.Multiplier == 0:
		return 0
	case b.NotWithQualifying && rd != nil && rd.Qualifying != "":
		return 0
	case b.MinDistance > 0 && rd != nil && rd.Distance > 0 && rd.Distance <= b.MinDistance:
		return 0
	}
	return b.Points
}

// Table returns what positions 1, 2, ... score for the drivers in a
// session of round rd: the round's multiplier, the shortened-race rule
// and, when final is set (the season's last round), the final-round
// multiplier applied. Bonuses are not included.
func (s *System) Table(kind SessionKind, rd *Round, final bool) []float64 {
	return s.placeTable(s.Drivers(), kind, rd, final)
}

// Describe returns the system's rules in a few lines of plain text.
func (s *System) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "race:    %s\n", formatTable(s.Race))
	if len(s.Sprint) > 0 {
		fmt.Fprintf(&b, "sprint:  %s\n", formatTable(s.Sprint))
	}
	for _, name := range sortedKeys(s.Tables) {
		fmt.Fprintf(&b, "%-8s %s\n", name+":", formatTable(s.Tables[name]))
	}
	for _, name := range sortedKeys(s.Qualifying) {
		fmt.Fprintf(&b, "%-8s %s (qualifying points, at rounds whose calendar names %s)\n", name+":", formatTable(s.Qualifying[name]), name)
	}
	for _, bn := range s.Bonuses {
		fmt.Fprintf(&b, "bonus:   %s %s", bn.Kind, formatPoints(bn.Points))
		if bn.Kind == FastestLap {
			if bn.Top > 0 {
				fmt.Fprintf(&b, " if classified in the top %d", bn.Top)
			} else {
				b.WriteString(", shared when several drivers set the same time")
			}
		} else if bn.Top > 0 {
			fmt.Fprintf(&b, " if classified in the top %d", bn.Top)
		}
		if bn.MinDistance > 0 {
			fmt.Fprintf(&b, ", more than %.0f%% distance run", 100*bn.MinDistance)
		}
		if !bn.Sprint && len(s.Sprint) > 0 {
			b.WriteString(", races only")
		}
		if bn.Reassign && bn.Top > 0 {
			fmt.Fprintf(&b, " (else the fastest of the top %d)", bn.Top)
		}
		if bn.NotWithQualifying {
			b.WriteString(", not at rounds that score qualifying")
		}
		b.WriteString("\n")
	}
	if s.Shortened != FullPoints {
		fmt.Fprintf(&b, "stopped: %s\n", s.Shortened)
	}
	if s.FinalMultiplier > 1 {
		fmt.Fprintf(&b, "final:   the last round scores %sx points\n", formatPoints(s.FinalMultiplier))
	}
	d := s.Drivers()
	switch {
	case s.Series == "Formula 1" && d.Share == ShareSplit:
		b.WriteString("shared:  a shared car's points are divided among its drivers\n")
	case s.Series == "Formula 1" && d.Share == ShareNone:
		b.WriteString("shared:  drivers of a shared car score nothing\n")
	case d.Share == ShareFull:
		b.WriteString("crews:   every driver of a car's crew scores the car's points\n")
	}
	fmt.Fprintf(&b, "counted: %s\n", d.Drop)
	if len(s.Championships) == 1 {
		b.WriteString("teams:   no teams' championship\n")
	}
	for i := range s.Championships[1:] {
		c := &s.Championships[1+i]
		fmt.Fprintf(&b, "%-8s %s\n", c.ID+":", c.describe(s))
	}
	b.WriteString("ties:    countback: most wins, then most second places, and so on\n")
	titles := make([]string, len(s.Championships))
	for i, c := range s.Championships {
		titles[i] = fmt.Sprintf("%s (%s)", c.ID, c.Title)
	}
	fmt.Fprintf(&b, "titles:  %s\n", strings.Join(titles, ", "))
	return b.String()
}

// describe says in a line how the system's results score for a
// championship other than the drivers'.
func (c *Championship) describe(s *System) string {
	var b strings.Builder
	if c.Of != HolderTeam {
		fmt.Fprintf(&b, "by %s, ", c.Of)
	}
	if c.Race != nil {
		fmt.Fprintf(&b, "race %s, ", formatTable(c.Race))
	}
	switch {
	case c.Best == 1:
		b.WriteString("best-placed car only")
	case c.Best > 1:
		fmt.Fprintf(&b, "best %d cars", c.Best)
	default:
		b.WriteString("every car scores")
	}
	switch c.Eligible {
	case EligibleWorks:
		b.WriteString(", works cars ranked among themselves (privateers give way)")
	case EligiblePrivateers:
		b.WriteString(", privateer cars ranked among themselves")
	}
	var with, without []string
	for _, bn := range s.Bonuses {
		if c.Scores(bn.Kind) {
			with = append(with, bn.Kind.String())
		} else {
			without = append(without, bn.Kind.String())
		}
	}
	if len(s.Qualifying) > 0 {
		if c.Scores(QualifyingPoints) {
			with = append(with, QualifyingPoints.String())
		} else {
			without = append(without, QualifyingPoints.String())
		}
	}
	switch {
	case len(with) == 1 && len(without) == 0 && with[0] == FastestLap.String():
		b.WriteString(", with the fastest-lap bonus")
	case len(without) == 1 && len(with) == 0 && without[0] == FastestLap.String():
		b.WriteString(", no fastest-lap bonus")
	default:
		if len(with) > 0 {
			b.WriteString(", with " + strings.Join(with, ", "))
		}
		if len(without) > 0 {
			b.WriteString(", no " + strings.Join(without, ", "))
		}
	}
	fmt.Fprintf(&b, "; %s", c.Drop)
	return b.String()
}

func formatTable(t []float64) string {
	parts := make([]string, len(t))
	for i, p := range t {
		parts[i] = formatPoints(p)
	}
	return strings.Join(parts, "-")
}

// formatPoints prints points without trailing zeros: 25, 12.5, 0.14.
func formatPoints(p float64) string {
	if p == math.Trunc(p) {
		return fmt.Sprintf("%.0f", p)
	}
	s := fmt.Sprintf("%.2f", p)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// FormatPoints prints a points total the way standings show it: whole numbers
// without decimals, halves as .5, shares to two decimals.
func FormatPoints(p float64) string { return formatPoints(p) }

// IsFinal reports whether rd is the last round of the season's calendar.
func (s *Season) IsFinal(rd *Round) bool {
	for _, r := range s.Rounds {
		if r.Number > rd.Number {
			return false
		}
	}
	return true
}
