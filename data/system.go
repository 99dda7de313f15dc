package data

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// systemRow is a line of a custom points system file.
type systemRow struct {
	Position string `csv:"position"`
	Points   string `csv:"points"`
	Sprint   string `csv:"sprint"`
}

// ReadSystem reads a custom points system from CSV:
//
//	position,points,sprint
//	1,25,8
//	2,18,7
//	...
//	fastest_lap,1,
//	pole,3,
//
// Integer positions give the race table (and, in the optional sprint
// column, the sprint table), in order from 1 without gaps. Other lines set
// rules by name: fastest_lap, fastest_lap_top (the fastest-lap bonus only
// for a classified driver in this top N), pole, led_lap, most_laps_led
// (bonus points), best_results (only the best N round scores count) and
// teams (1: a teams' championship in which every car scores, 0: none).
func ReadSystem(file string, b []byte) (*points.System, error) {
	var rows []systemRow
	t, err := readTable(file, b, &rows, []string{"position", "points"}, "one line per scoring position")
	if err != nil {
		return nil, err
	}
	id := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	s := &points.System{ID: id, Name: "custom (" + filepath.Base(file) + ")", Series: "custom", Source: file,
		Teams: points.TeamRules{Enabled: true}}
	num := func(i int, col, v string) (float64, error) {
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, t.at(i, col, "%s %q is not a number of 0 or more", col, v)
		}
		return f, nil
	}
	for i, r := range rows {
		key := strings.ToLower(strings.TrimSpace(r.Position))
		if n, err := strconv.Atoi(key); err == nil {
			if n != len(s.Race)+1 {
				return nil, t.at(i, "position", "position %d is out of order: list positions 1, 2, 3, ... without gaps (expected %d)", n, len(s.Race)+1)
			}
			p, err := num(i, "points", r.Points)
			if err != nil {
				return nil, err
			}
			s.Race = append(s.Race, p)
			if strings.TrimSpace(r.Sprint) != "" {
				if len(s.Sprint) != n-1 {
					return nil, t.at(i, "sprint", "sprint points must be given from position 1 without gaps")
				}
				sp, err := num(i, "sprint", r.Sprint)
				if err != nil {
					return nil, err
				}
				s.Sprint = append(s.Sprint, sp)
			}
			continue
		}
		p, err := num(i, "points", r.Points)
		if err != nil {
			return nil, err
		}
		switch key {
		case "fastest_lap":
			s.FastestLap = p
		case "fastest_lap_top":
			s.FastestLapTop = int(p)
		case "pole":
			s.Pole = p
		case "led_lap":
			s.LedLap = p
		case "most_laps_led":
			s.MostLapsLed = p
		case "best_results":
			s.Drop = points.Drop{Best: int(p)}
		case "teams":
			s.Teams.Enabled = p != 0
		default:
			return nil, t.at(i, "position", "%q is not a position or a rule (fastest_lap, fastest_lap_top, pole, led_lap, most_laps_led, best_results, teams)", r.Position)
		}
	}
	if len(s.Race) == 0 {
		return nil, &SyntaxError{File: file, Msg: "no race points: list position,points lines from position 1"}
	}
	s.Teams.FastestLap, s.Teams.Pole, s.Teams.LedLap = s.FastestLap > 0, s.Pole > 0, s.LedLap > 0
	return s, nil
}
