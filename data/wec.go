package data

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/champ-dev/champ/points"
)

// The WEC fact tables: one Hypercar season compiled from the official
// FIA WEC (Al Kamel Systems) classifications, one row per car per round,
// as in shared/data/wec/2024 (results.csv and rounds.csv). ReadWEC turns
// such a folder into a season.

// wecRow is a line of the fact table's results.csv.
type wecRow struct {
	Round        string `csv:"round"`
	Race         string `csv:"race"`
	Car          string `csv:"car"`
	Class        string `csv:"class"`
	Manufacturer string `csv:"manufacturer"`
	Team         string `csv:"team"`
	Drivers      string `csv:"drivers"`
	Position     string `csv:"position"`
	Status       string `csv:"status"`
	Pole         string `csv:"pole"`
	Entry        string `csv:"entry"`
	HWC          string `csv:"hwc"`
	Scale        string `csv:"scale"`
	Date         string `csv:"date"`
}

// wecRound is a line of the fact table's rounds.csv.
type wecRound struct {
	Round string `csv:"round"`
	Race  string `csv:"race"`
	Date  string `csv:"date"`
	Venue string `csv:"venue"`
	Scale string `csv:"scale"`
}

// WECTable is the calendar table of a WEC race of the given length
// ("6h", "8h", "10h", "24h"): "" for the standard table, "8h" for 8 and
// 10 hours, "le-mans" for 24.
func WECTable(scale string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(scale)) {
	case "6h", "":
		return "", nil
	case "8h", "10h":
		return "8h", nil
	case "24h", "le-mans":
		return "le-mans", nil
	}
	return "", fmt.Errorf("race length %q is not 6h, 8h, 10h or 24h", scale)
}

// ReadWEC reads a WEC Hypercar fact-table folder (results.csv, rounds.csv)
// into a season scored by the rules of its year (wec-hypercar-YYYY): one
// result row per crew member, with the car's number, team and make; the
// class position (Le Mans guests, entry lemans-only, count as another
// class: they score for nobody and the cars behind move up); privateer
// World Cup cars (hwc 1) marked privateer; the pole on every crew row of
// the pole car. Driver ids are made from the names, which the timing
// sheets write First LAST (Kévin ESTRE: kevin-estre, shown Kévin Estre).
func ReadWEC(dir string) (*points.Season, error) {
	ft, err := readFacts[wecRound, wecRow](dir, "WEC", []string{"round", "race", "date", "venue", "scale"},
		[]string{"round", "car", "manufacturer", "team", "drivers", "position", "status", "pole", "entry", "hwc"}, "one line per car per race",
		func(r wecRound) string { return r.Date }, points.WEC)
	if err != nil {
		return nil, err
	}
	rounds, rows, rt, t, sys, year := ft.rounds, ft.rows, ft.rt, ft.t, ft.sys, ft.year
	s := &points.Season{Name: fmt.Sprintf("WEC %d Hypercar", year), System: sys}
	for i, r := range rounds {
		rd := points.Round{Name: strings.TrimSpace(r.Venue), Date: strings.TrimSpace(r.Date), Completed: true, Multiplier: 1, Distance: 1}
		if rd.Number, err = parseRound(r.Round); err != nil {
			return nil, rt.at(i, "round", "%v", err)
		}
		if rd.Number != i+1 {
			return nil, rt.at(i, "round", "round %d is out of order: rounds are listed in order from 1, and this line should be round %d", rd.Number, i+1)
		}
		if rd.Table, err = WECTable(r.Scale); err != nil {
			return nil, rt.at(i, "scale", "%v", err)
		}
		s.Rounds = append(s.Rounds, rd)
	}
	b2 := newSeasonBuilder(s)
	for i, r := range rows {
		n, err := parseRound(r.Round)
		if err != nil {
			return nil, t.at(i, "round", "%v", err)
		}
		if s.Round(n) == nil {
			return nil, t.at(i, "round", "round %d is not in rounds.csv (it has rounds 1 to %d)", n, len(s.Rounds))
		}
		car := Car{Number: strings.TrimSpace(r.Car), Team: strings.TrimSpace(r.Team), Make: strings.TrimSpace(r.Manufacturer),
			Guest: strings.EqualFold(strings.TrimSpace(r.Entry), "lemans-only")}
		if car.Number == "" {
			return nil, t.at(i, "car", "car is empty; give the car's number")
		}
		if car.Privateer, err = parseBool(r.HWC); err != nil {
			return nil, t.at(i, "hwc", "hwc: %v", err)
		}
		if car.Pole, err = parseBool(r.Pole); err != nil {
			return nil, t.at(i, "pole", "pole: %v", err)
		}
		for _, d := range strings.Split(r.Drivers, "|") {
			if d = strings.TrimSpace(d); d != "" {
				car.Crew = append(car.Crew, TimingName(d))
			}
		}
		if len(car.Crew) == 0 {
			return nil, t.at(i, "drivers", "no drivers; give the crew as First LAST|First LAST")
		}
		switch st := strings.ToLower(strings.TrimSpace(r.Status)); st {
		case "classified":
			if car.Position, err = strconv.Atoi(strings.TrimSpace(r.Position)); err != nil || car.Position < 1 {
				return nil, t.at(i, "position", "position %q is not a class position (1, 2, ...) for a classified car", r.Position)
			}
		default:
			var ok bool
			if car.Status, ok = points.ParseStatus(st); !ok || car.Status == points.Classified {
				return nil, t.at(i, "status", "status %q is not classified, NC, DNF or DSQ", r.Status)
			}
		}
		if err := b2.add(n, car); err != nil {
			return nil, t.at(i, "drivers", "%v", err)
		}
	}
	b2.finish()
	return s, nil
}

// facts is a fact-table folder read: its rounds.csv and results.csv
// rows and tables, the season's year and the series' rules for it.
type facts[R, W any] struct {
	rounds []R
	rows   []W
	rt, t  *table
	year   int
	sys    *points.System
}

// readFacts reads a fact-table folder of a series: rounds.csv (roundCols
// required) and results.csv (rowCols, one line per rowWhat), the year
// from the first round's date, and rules(year).
func readFacts[R, W any](dir, series string, roundCols, rowCols []string, rowWhat string, date func(R) string, rules func(int) (*points.System, error)) (*facts[R, W], error) {
	file := func(n string) string { return filepath.Join(dir, n) }
	f := &facts[R, W]{}
	b, err := os.ReadFile(file("rounds.csv"))
	if err != nil {
		return nil, fmt.Errorf("%s fact tables %s: %w", series, dir, err)
	}
	if f.rt, err = readForeignTable(file("rounds.csv"), b, &f.rounds, roundCols, "one line per round"); err != nil {
		return nil, err
	}
	if b, err = os.ReadFile(file(ResultsFile)); err != nil {
		return nil, fmt.Errorf("%s fact tables %s: %w", series, dir, err)
	}
	if f.t, err = readForeignTable(file(ResultsFile), b, &f.rows, rowCols, rowWhat); err != nil {
		return nil, err
	}
	if len(f.rounds) == 0 {
		return nil, &SyntaxError{File: file("rounds.csv"), Msg: "no rounds"}
	}
	d := date(f.rounds[0])
	if f.year, err = strconv.Atoi(strings.SplitN(strings.TrimSpace(d), "-", 2)[0]); err != nil {
		return nil, f.rt.at(0, "date", "date %q does not start with a year (YYYY-MM-DD)", d)
	}
	if f.sys, err = rules(f.year); err != nil {
		return nil, f.rt.at(0, "date", "%v", err)
	}
	return f, nil
}

// Car is one car's result in one race: its number, entrant, make, crew
// (display names), class position or status, and flags.
type Car struct {
	Number, Team, Make string
	Crew               []string
	Position           int
	Status             points.Status
	Pole               bool
	Privateer          bool
	Guest              bool // a one-off entry (Le Mans): classified, scores for nobody
}

// seasonBuilder adds cars' results to a season, one row per crew member,
// with the crews list (every round's, so that a season cut after any
// round knows who drives the rounds left), and gathers the names of
// drivers, teams and makes.
type seasonBuilder struct {
	s                     *points.Season
	drivers, teams, makes map[string]string
	in                    map[[2]string]string // round/driver -> the car he is in
}

func newSeasonBuilder(s *points.Season) *seasonBuilder {
	return &seasonBuilder{s: s, drivers: map[string]string{}, teams: map[string]string{}, makes: map[string]string{}, in: map[[2]string]string{}}
}

// add adds car c's result at round n.
func (b *seasonBuilder) add(n int, c Car) error {
	team, make := Slug(c.Team), Slug(c.Make)
	b.teams[team], b.makes[make] = c.Team, c.Make
	counts := points.CountsBoth
	if c.Guest {
		counts = points.CountsOther
	}
	crew := points.Crew{Round: n, Car: c.Number}
	defer func() {
		if !c.Guest && len(crew.Drivers) > 0 {
			b.s.Crews = append(b.s.Crews, crew)
		}
	}()
	for _, name := range c.Crew {
		id := Slug(name)
		k := [2]string{strconv.Itoa(n), id}
		if other, ok := b.in[k]; ok && other != c.Number {
			return fmt.Errorf("%s is in the crews of cars %s and %s in round %d; a driver races one car", name, other, c.Number, n)
		} else if ok {
			return fmt.Errorf("%s is listed twice in car %s's crew in round %d", name, c.Number, n)
		}
		b.in[k] = c.Number
		b.drivers[id] = name
		crew.Drivers = append(crew.Drivers, id)
		b.s.Results = append(b.s.Results, points.Result{Round: n, Session: points.Race, Driver: id, Team: team, Make: make, Car: c.Number,
			Position: c.Position, Status: c.Status, Pole: c.Pole, Privateer: c.Privateer, Counts: counts})
	}
	return nil
}

// finish lists the season's drivers, teams and makes, sorted by id.
func (b *seasonBuilder) finish() {
	s := b.s
	codes := driverCodes(b.drivers)
	for id, name := range b.drivers {
		s.Drivers = append(s.Drivers, points.Driver{ID: id, Name: name, Code: codes[id]})
	}
	for id, name := range b.teams {
		s.Teams = append(s.Teams, points.Team{ID: id, Name: name})
	}
	for id, name := range b.makes {
		s.Makes = append(s.Makes, points.Team{ID: id, Name: name})
	}
	sort.Slice(s.Drivers, func(i, j int) bool { return s.Drivers[i].ID < s.Drivers[j].ID })
	sort.Slice(s.Teams, func(i, j int) bool { return s.Teams[i].ID < s.Teams[j].ID })
	sort.Slice(s.Makes, func(i, j int) bool { return s.Makes[i].ID < s.Makes[j].ID })
}

// nameParticles are written in lower case inside a surname (Nyck de
// Vries, Kelvin van der Linde).
var nameParticles = map[string]bool{"de": true, "van": true, "der": true, "den": true, "von": true, "di": true, "da": true, "du": true, "le": true, "la": true, "dos": true, "do": true}

// TimingName turns a timing sheet's First LAST into First Last: words in
// capitals (two letters or more) are capitalised, particles after the
// first word lowered ("Nyck DE VRIES" → "Nyck de Vries").
func TimingName(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if utf8.RuneCountInString(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
			continue
		}
		lower := strings.ToLower(w)
		if i > 0 && i < len(words)-1 && nameParticles[lower] {
			words[i] = lower
			continue
		}
		words[i] = capitalise(lower)
	}
	return strings.Join(words, " ")
}

// capitalise upper-cases the first letter of each part of a word split
// by hyphens and apostrophes (JEAN-ERIC → Jean-Eric, O'WARD → O'Ward).
func capitalise(w string) string {
	out := []rune(w)
	up := true
	for i, r := range out {
		if up {
			out[i] = unicode.ToUpper(r)
		}
		up = r == '-' || r == '\'' || r == '’'
	}
	return string(out)
}
