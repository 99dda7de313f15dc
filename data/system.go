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
	Position   string `csv:"position"`
	Points     string `csv:"points"`
	Sprint     string `csv:"sprint"`
	Qualifying string `csv:"qualifying"`
}

// CustomQualifying is the name of a custom system's qualifying table: a
// calendar round whose qualifying column names it scores its qualifying
// session with the system file's qualifying column.
const CustomQualifying = "qualifying"

// ReadSystem reads a custom points system from CSV:
//
//	position,points,sprint
//	1,25,8
//	2,18,7
//	...
//	fastest_lap,1,
//	pole,3,
//
// Integer positions give the race table (and, in the optional sprint and
// qualifying columns, the sprint table and a qualifying table named
// "qualifying" that a round of the calendar can name), in order from 1
// without gaps. Other lines set rules by name: fastest_lap,
// fastest_lap_top (the fastest-lap bonus only for a classified driver in
// this top N), pole, led_lap, most_laps_led (bonus points), best_results
// (only the best N round scores count) and teams (1: a teams'
// championship in which every car scores and every bonus counts, 0:
// none).
func ReadSystem(file string, b []byte) (*points.System, error) {
	var rows []systemRow
	t, err := readTable(file, b, &rows, []string{"position", "points"}, "one line per scoring position")
	if err != nil {
		return nil, err
	}
	id := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	s := &points.System{ID: id, Name: "custom (" + filepath.Base(file) + ")", Series: "custom", Source: file}
	every := []points.BonusKind{points.FastestLap, points.Pole, points.LedLap, points.MostLapsLed, points.QualifyingPoints}
	drivers := points.Championship{ID: points.DriversChampionship, Title: "drivers' championship", Of: points.HolderDriver, Bonuses: every, Share: points.ShareNone}
	teams := true
	bonus := map[points.BonusKind]float64{}
	top := 0
	var qualifying []float64
	num := func(i int, col, v string) (float64, error) {
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || !(f >= 0 && f <= MaxPoints) {
			return 0, t.at(i, col, "%s %q is not a number from 0 to %d", col, v, MaxPoints)
		}
		if !onGrid(f) {
			return 0, t.at(i, col, "%s %q is finer than %g of a point", col, v, Resolution)
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
			if strings.TrimSpace(r.Qualifying) != "" {
				if len(qualifying) != n-1 {
					return nil, t.at(i, "qualifying", "qualifying points must be given from position 1 without gaps")
				}
				q, err := num(i, "qualifying", r.Qualifying)
				if err != nil {
					return nil, err
				}
				qualifying = append(qualifying, q)
			}
			continue
		}
		p, err := num(i, "points", r.Points)
		if err != nil {
			return nil, err
		}
		switch key {
		case "fastest_lap":
			bonus[points.FastestLap] = p
		case "fastest_lap_top":
			if p != math.Trunc(p) {
				return nil, t.at(i, "points", "fastest_lap_top %q is not a whole number of places", r.Points)
			}
			top = int(p)
		case "pole":
			bonus[points.Pole] = p
		case "led_lap":
			bonus[points.LedLap] = p
		case "most_laps_led":
			bonus[points.MostLapsLed] = p
		case "best_results":
			if p != math.Trunc(p) {
				return nil, t.at(i, "points", "best_results %q is not a whole number of results", r.Points)
			}
			drivers.Drop = points.Drop{Best: int(p)}
		case "teams":
			teams = p != 0
		default:
			return nil, t.at(i, "position", "%q is not a position or a rule (fastest_lap, fastest_lap_top, pole, led_lap, most_laps_led, best_results, teams)", r.Position)
		}
	}
	if len(s.Race) == 0 {
		return nil, &SyntaxError{File: file, Msg: "no race points: list position,points lines from position 1"}
	}
	for _, k := range []points.BonusKind{points.FastestLap, points.Pole, points.LedLap, points.MostLapsLed} {
		if p := bonus[k]; p > 0 {
			b := points.Bonus{Kind: k, Points: p}
			if k == points.FastestLap {
				b.Top = top
			}
			s.Bonuses = append(s.Bonuses, b)
		}
	}
	if qualifying != nil {
		s.Qualifying = map[string][]float64{CustomQualifying: qualifying}
	}
	s.Championships = []points.Championship{drivers}
	if teams {
		s.Championships = append(s.Championships, points.Championship{ID: points.TeamsChampionship, Title: "teams' championship",
			Of: points.HolderTeam, Bonuses: every, Share: points.ShareNone})
	}
	return s, nil
}
