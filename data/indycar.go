package data

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/champ-dev/champ/points"
)

// The IndyCar fact tables: one season's results compiled from INDYCAR's
// official classifications, one row per starter per points race, as in
// shared/data/indycar/2024 (results.csv and rounds.csv). ReadIndyCar
// turns such a folder into a season.

// indyRow is a line of the fact table's results.csv.
type indyRow struct {
	Round       string `csv:"round"`
	Race        string `csv:"race"`
	Driver      string `csv:"driver"`
	Car         string `csv:"car"`
	Team        string `csv:"team"`
	Position    string `csv:"position"`
	Status      string `csv:"status"`
	Pole        string `csv:"pole"`
	MostLapsLed string `csv:"most_laps_led"`
	LedLap      string `csv:"led_a_lap"`
	Start       string `csv:"start"`
	Engine      string `csv:"engine"`
	Qualifying  string `csv:"indy500_qual_points"`
	Penalty     string `csv:"penalty_points"`
	Date        string `csv:"date"`
	RaceName    string `csv:"race_name"`
}

// indyRound is a line of the fact table's rounds.csv.
type indyRound struct {
	Round    string `csv:"round"`
	Race     string `csv:"race"`
	Date     string `csv:"date"`
	RaceName string `csv:"race_name"`
}

// ReadIndyCar reads an IndyCar fact-table folder (results.csv, rounds.csv)
// into a season scored by the rules of its year (indycar-YYYY): every
// starter classified at his official position, a disqualification as DSQ
// (his pole point stands), the pole, led-a-lap and most-laps-led bonuses,
// the Indianapolis 500's qualifying order (its starting grid) as a
// qualifying session scored by the system's "indy500" table, and points
// deductions as penalties of the drivers' championship (the fact tables
// do not say whether the entrant lost the points too). Driver and team ids are made from the names
// (Álex Palou: alex-palou), makes from the engine.
func ReadIndyCar(dir string) (*points.Season, error) {
	ft, err := readFacts[indyRound, indyRow](dir, "IndyCar", []string{"round", "race", "date", "race_name"},
		[]string{"round", "driver", "car", "team", "position", "status", "pole", "most_laps_led", "led_a_lap", "start", "engine"}, "one line per starter per race",
		func(r indyRound) string { return r.Date }, points.IndyCar)
	if err != nil {
		return nil, err
	}
	rounds, rows, rt, t, sys, year := ft.rounds, ft.rows, ft.rt, ft.t, ft.sys, ft.year
	s := &points.Season{Name: fmt.Sprintf("IndyCar %d", year), System: sys}
	indy := map[int]bool{} // rounds that are the Indianapolis 500
	for i, r := range rows {
		n, err := parseRound(r.Round)
		if err != nil {
			return nil, t.at(i, "round", "%v", err)
		}
		if strings.Contains(r.Race, "indianapolis-500") || strings.TrimSpace(r.Qualifying) != "" && strings.TrimSpace(r.Qualifying) != "0" {
			indy[n] = true
		}
	}
	for i, r := range rounds {
		rd := points.Round{Name: strings.TrimSpace(r.RaceName), Date: strings.TrimSpace(r.Date), Completed: true, Multiplier: 1, Distance: 1}
		if rd.Number, err = parseRound(r.Round); err != nil {
			return nil, rt.at(i, "round", "%v", err)
		}
		if rd.Number != i+1 {
			return nil, rt.at(i, "round", "round %d is out of order: rounds are listed in order from 1, and this line should be round %d", rd.Number, i+1)
		}
		if indy[rd.Number] {
			rd.Qualifying = "indy500"
			if year <= 2022 {
				rd.Multiplier = 2 // the 500 paid double 2014-2022
			}
		}
		s.Rounds = append(s.Rounds, rd)
	}
	drivers, teams, makes := map[string]string{}, map[string]string{}, map[string]string{}
	for i, r := range rows {
		n, _ := parseRound(r.Round)
		if s.Round(n) == nil {
			return nil, t.at(i, "round", "round %d is not in rounds.csv (it has rounds 1 to %d)", n, len(s.Rounds))
		}
		name := strings.TrimSpace(r.Driver)
		if name == "" {
			return nil, t.at(i, "driver", "driver is empty; give the driver's name")
		}
		res := points.Result{Round: n, Session: points.Race, Driver: Slug(name), Team: Slug(r.Team), Make: Slug(r.Engine), Car: strings.TrimSpace(r.Car)}
		drivers[res.Driver], teams[res.Team], makes[res.Make] = name, strings.TrimSpace(r.Team), strings.TrimSpace(r.Engine)
		pos, err := strconv.Atoi(strings.TrimSpace(r.Position))
		if err != nil || pos < 1 {
			return nil, t.at(i, "position", "position %q is not a finishing position (1, 2, ...)", r.Position)
		}
		if strings.EqualFold(strings.TrimSpace(r.Status), "DSQ") {
			res.Status = points.DSQ
		} else {
			res.Position = pos
		}
		for _, f := range []struct {
			col string
			v   string
			dst *bool
		}{{"pole", r.Pole, &res.Pole}, {"led_a_lap", r.LedLap, &res.LedLap}, {"most_laps_led", r.MostLapsLed, &res.MostLapsLed}} {
			if *f.dst, err = parseBool(f.v); err != nil {
				return nil, t.at(i, f.col, "%s: %v", f.col, err)
			}
		}
		s.Results = append(s.Results, res)
		if indy[n] {
			start, err := strconv.Atoi(strings.TrimSpace(r.Start))
			if err != nil || start < 1 {
				return nil, t.at(i, "start", "start %q is not a grid position: the Indianapolis 500's grid is its qualifying order", r.Start)
			}
			q := res
			q.Session, q.Position, q.Status, q.Pole, q.LedLap, q.MostLapsLed = points.Qualifying, start, points.Classified, false, false, false
			s.Results = append(s.Results, q)
		}
		if v := strings.TrimSpace(r.Penalty); v != "" && v != "0" {
			p, err := strconv.ParseFloat(v, 64)
			if err != nil || p > 0 {
				return nil, t.at(i, "penalty_points", "penalty_points %q is not a deduction (a negative number)", v)
			}
			s.Penalties = append(s.Penalties, points.Penalty{Championship: points.DriversChampionship, ID: res.Driver, Round: n, Points: -p,
				Reason: fmt.Sprintf("%s: %s points deducted", s.Round(n).Name, strconv.FormatFloat(-p, 'f', -1, 64))})
		}
	}
	codes := driverCodes(drivers)
	for id, name := range drivers {
		s.Drivers = append(s.Drivers, points.Driver{ID: id, Name: name, Code: codes[id]})
	}
	for id, name := range teams {
		s.Teams = append(s.Teams, points.Team{ID: id, Name: name})
	}
	for id, name := range makes {
		s.Makes = append(s.Makes, points.Team{ID: id, Name: name})
	}
	sort.Slice(s.Drivers, func(i, j int) bool { return s.Drivers[i].ID < s.Drivers[j].ID })
	sort.Slice(s.Teams, func(i, j int) bool { return s.Teams[i].ID < s.Teams[j].ID })
	sort.Slice(s.Makes, func(i, j int) bool { return s.Makes[i].ID < s.Makes[j].ID })
	return s, nil
}

// driverCodes gives each driver a three-letter code for table headings:
// the first three letters of the last name (PAL for Álex Palou), or, where
// two drivers would share one, the first name's initial and the last
// name's first two letters.
func driverCodes(names map[string]string) map[string]string {
	code := func(name string, initial bool) string {
		parts := strings.Fields(name)
		last := Slug(parts[len(parts)-1])
		last = strings.ReplaceAll(last, "-", "")
		c := last
		if first := Slug(parts[0]); initial && len(parts) > 1 && first != "" {
			c = first[:1] + last
		}
		c = strings.ToUpper(c)
		if len(c) > 3 {
			c = c[:3]
		}
		return c
	}
	count := map[string]int{}
	for _, n := range names {
		count[code(n, false)]++
	}
	out := map[string]string{}
	for id, n := range names {
		c := code(n, false)
		if count[c] > 1 {
			c = code(n, true)
		}
		out[id] = c
	}
	return out
}

// Slug makes an id from a name: lower case, accents dropped, every run
// of other characters a hyphen ("Álex Palou" → "alex-palou", "A. J. Foyt
// Enterprises" → "a-j-foyt-enterprises").
func Slug(name string) string {
	plain, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), name)
	if err != nil {
		plain = name
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(plain) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == 'ø':
			b.WriteRune('o')
			dash = false
		case r == 'ß':
			b.WriteString("ss")
			dash = false
		case r == '\'' || r == '’':
			// O'Ward: no break in the id
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
