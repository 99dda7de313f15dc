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

// TeamRules are the rules of the teams' (constructors') championship.
type TeamRules struct {
	Enabled bool
	// Race replaces the race table for the teams (F1 1958-61: 8 for a win
	// while drivers scored 9 from 1961); nil: the drivers' table.
	Race []float64
	// BestCarOnly scores only the team's best-placed car in each session
	// (F1 constructors 1958-78).
	BestCarOnly bool
	// FastestLap, Pole, LedLap: whether the team also scores these bonuses.
	FastestLap bool
	Pole       bool
	LedLap     bool
	Drop       Drop
}

// System is a points system: tables, bonuses and the rules that use them.
// Systems are values; the presets come from [Lookup].
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

	FastestLap float64
	// FastestLapTop limits the fastest-lap bonus to classified drivers in
	// the top N (0: any driver who set it, even one who retired).
	FastestLapTop int
	// FastestLapMinDistance: no fastest-lap bonus unless more than this
	// share of the race distance was run.
	FastestLapMinDistance float64
	// FastestLapSprint awards the fastest-lap bonus in sprints too.
	FastestLapSprint bool
	Pole             float64
	LedLap           float64
	MostLapsLed      float64

	Shortened Shortened
	// SharedDrives divides a shared car's points equally among its drivers;
	// when false, drivers of a shared car score nothing (F1 from 1958).
	SharedDrives bool
	// FinalMultiplier scales the position points of the season's last
	// round (F1 2014: 2). 0 or 1: no change.
	FinalMultiplier float64
	// Drop is the drivers' dropped-scores rule.
	Drop  Drop
	Teams TeamRules
}

// table returns the position points for a session.
func (s *System) table(kind SessionKind, rd *Round) []float64 {
	if kind == Sprint {
		return s.Sprint
	}
	if rd != nil && rd.Table != "" {
		if t, ok := s.Tables[rd.Table]; ok {
			return t
		}
	}
	return s.Race
}

// positionPoints is what position pos (from 1) scores in a session of round
// rd, with the round's multiplier, the shortened-race rule and, when final,
// the final-round multiplier.
func (s *System) positionPoints(kind SessionKind, rd *Round, pos int, final bool) float64 {
	return s.points(s.table(kind, rd), kind, rd, pos, final)
}

// teamPositionPoints is positionPoints for the teams' championship.
func (s *System) teamPositionPoints(kind SessionKind, rd *Round, pos int, final bool) float64 {
	table := s.table(kind, rd)
	if kind == Race && s.Teams.Race != nil && (rd == nil || rd.Table == "") {
		table = s.Teams.Race
	}
	return s.points(table, kind, rd, pos, final)
}

func (s *System) points(table []float64, kind SessionKind, rd *Round, pos int, final bool) float64 {
	if pos <= 0 {
		return 0
	}
	mult := 1.0
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
	if pos > len(table) {
		return 0
	}
	return table[pos-1] * mult
}

// MaxPositionPoints is the most a single car can score from its position in
// a session of round rd (its winner's points); final marks the season's last round.
func (s *System) MaxPositionPoints(kind SessionKind, rd *Round, final bool) float64 {
	return s.positionPoints(kind, rd, 1, final)
}

// fastestLapPoints reports what a fastest-lap flag on r is worth before
// sharing among several holders.
func (s *System) fastestLapPoints(kind SessionKind, rd *Round, r *Result) float64 {
	if s.FastestLap == 0 || !r.FastestLap {
		return 0
	}
	if kind == Sprint && !s.FastestLapSprint {
		return 0
	}
	if s.FastestLapTop > 0 && (!r.Classified() || r.Position > s.FastestLapTop) {
		return 0
	}
	if s.FastestLapMinDistance > 0 && rd != nil && rd.Distance > 0 && rd.Distance <= s.FastestLapMinDistance {
		return 0
	}
	if rd != nil && rd.Multiplier == 0 {
		return 0
	}
	return s.FastestLap
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
	if s.FastestLap > 0 {
		fmt.Fprintf(&b, "bonus:   fastest lap %s", formatPoints(s.FastestLap))
		if s.FastestLapTop > 0 {
			fmt.Fprintf(&b, " if classified in the top %d", s.FastestLapTop)
		} else {
			b.WriteString(", shared when several drivers set the same time")
		}
		if s.FastestLapMinDistance > 0 {
			fmt.Fprintf(&b, ", more than %.0f%% distance run", 100*s.FastestLapMinDistance)
		}
		if !s.FastestLapSprint && len(s.Sprint) > 0 {
			b.WriteString(", races only")
		}
		b.WriteString("\n")
	}
	if s.Pole > 0 {
		fmt.Fprintf(&b, "bonus:   pole %s\n", formatPoints(s.Pole))
	}
	if s.LedLap > 0 {
		fmt.Fprintf(&b, "bonus:   led a lap %s\n", formatPoints(s.LedLap))
	}
	if s.MostLapsLed > 0 {
		fmt.Fprintf(&b, "bonus:   most laps led %s\n", formatPoints(s.MostLapsLed))
	}
	if s.Shortened != FullPoints {
		fmt.Fprintf(&b, "stopped: %s\n", s.Shortened)
	}
	if s.FinalMultiplier > 1 {
		fmt.Fprintf(&b, "final:   the last round scores %sx points\n", formatPoints(s.FinalMultiplier))
	}
	if s.Series == "Formula 1" {
		if s.SharedDrives {
			b.WriteString("shared:  a shared car's points are divided among its drivers\n")
		} else {
			b.WriteString("shared:  drivers of a shared car score nothing\n")
		}
	}
	fmt.Fprintf(&b, "counted: %s\n", s.Drop)
	if s.Teams.Enabled {
		b.WriteString("teams:   ")
		if s.Teams.Race != nil {
			fmt.Fprintf(&b, "race %s, ", formatTable(s.Teams.Race))
		}
		if s.Teams.BestCarOnly {
			b.WriteString("best-placed car only")
		} else {
			b.WriteString("every car scores")
		}
		if s.FastestLap > 0 {
			if s.Teams.FastestLap {
				b.WriteString(", with the fastest-lap bonus")
			} else {
				b.WriteString(", no fastest-lap bonus")
			}
		}
		fmt.Fprintf(&b, "; %s\n", s.Teams.Drop)
	} else {
		b.WriteString("teams:   no teams' championship\n")
	}
	b.WriteString("ties:    countback: most wins, then most second places, and so on\n")
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

// Table returns what positions 1, 2, ... score in a session of round rd:
// the round's multiplier, the shortened-race rule and, when final is set
// (the season's last round), the final-round multiplier applied. Bonuses
// are not included.
func (s *System) Table(kind SessionKind, rd *Round, final bool) []float64 {
	n := len(s.table(kind, rd))
	if kind == Race && rd != nil && rd.Distance > 0 && rd.Distance < 0.75 && s.Shortened == Tiers2022 {
		n = len(tiers2022[min(int(rd.Distance/0.25), 2)])
	}
	t := make([]float64, n)
	for i := range t {
		t[i] = s.positionPoints(kind, rd, i+1, final)
	}
	return t
}

// TeamTable is Table for the teams' championship.
func (s *System) TeamTable(kind SessionKind, rd *Round, final bool) []float64 {
	n := len(s.table(kind, rd))
	if kind == Race && s.Teams.Race != nil && (rd == nil || rd.Table == "") {
		n = len(s.Teams.Race)
	}
	t := make([]float64, n)
	for i := range t {
		t[i] = s.teamPositionPoints(kind, rd, i+1, final)
	}
	return t
}

// FastestLapBonus returns the fastest-lap bonus of a session run to its
// full distance, and the top-N a driver must finish in to earn it (0: any
// driver). The bonus is 0 where the system awards none.
func (s *System) FastestLapBonus(kind SessionKind, rd *Round) (bonus float64, top int) {
	if s.FastestLap == 0 || (kind == Sprint && !s.FastestLapSprint) || (rd != nil && rd.Multiplier == 0) {
		return 0, 0
	}
	return s.FastestLap, s.FastestLapTop
}

// IsFinal reports whether rd is the last round of the season's calendar.
func (s *Season) IsFinal(rd *Round) bool {
	for _, r := range s.Rounds {
		if r.Number > rd.Number {
			return false
		}
	}
	return true
}
