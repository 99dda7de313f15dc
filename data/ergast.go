package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// The Ergast database's CSV tables (races.csv, results.csv, ...), as
// published in the Ergast/Kaggle/Jolpica dumps. \N is null.
type ergastRace struct {
	RaceID     string `csv:"raceid"`
	Year       string `csv:"year"`
	Round      string `csv:"round"`
	Name       string `csv:"name"`
	Date       string `csv:"date"`
	SprintDate string `csv:"sprint_date"`
}

type ergastResult struct {
	RaceID        string `csv:"raceid"`
	DriverID      string `csv:"driverid"`
	ConstructorID string `csv:"constructorid"`
	Number        string `csv:"number"`
	Position      string `csv:"position"`
	PositionText  string `csv:"positiontext"`
	Rank          string `csv:"rank"`
}

type ergastDriver struct {
	DriverID string `csv:"driverid"`
	Ref      string `csv:"driverref"`
	Code     string `csv:"code"`
	Forename string `csv:"forename"`
	Surname  string `csv:"surname"`
}

type ergastConstructor struct {
	ConstructorID string `csv:"constructorid"`
	Ref           string `csv:"constructorref"`
	Name          string `csv:"name"`
}

// Ergast is an Ergast-format CSV dump.
type Ergast struct {
	dir          string
	races        []ergastRace
	results      []ergastResult
	sprints      []ergastResult
	drivers      map[string]ergastDriver
	constructors map[string]ergastConstructor
}

// OpenErgast reads the tables champ needs from an Ergast CSV dump folder.
func OpenErgast(dir string) (*Ergast, error) {
	e := &Ergast{dir: dir, drivers: map[string]ergastDriver{}, constructors: map[string]ergastConstructor{}}
	read := func(name string, out any, required ...string) error {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s: not an Ergast CSV dump (no %s)", dir, name)
			}
			return err
		}
		_, err = readForeignTable(p, b, out, required, "the Ergast table")
		return err
	}
	if err := read("races.csv", &e.races, "raceid", "year", "round"); err != nil {
		return nil, err
	}
	if err := read("results.csv", &e.results, "raceid", "driverid", "constructorid", "positiontext"); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "sprint_results.csv")); err == nil {
		if err := read("sprint_results.csv", &e.sprints, "raceid", "driverid", "constructorid", "positiontext"); err != nil {
			return nil, err
		}
	}
	var ds []ergastDriver
	if err := read("drivers.csv", &ds, "driverid", "driverref"); err != nil {
		return nil, err
	}
	for _, d := range ds {
		e.drivers[d.DriverID] = d
	}
	var cs []ergastConstructor
	if err := read("constructors.csv", &cs, "constructorid", "constructorref"); err != nil {
		return nil, err
	}
	for _, c := range cs {
		e.constructors[c.ConstructorID] = c
	}
	return e, nil
}

// Years lists the seasons of the dump.
func (e *Ergast) Years() []int {
	seen := map[int]bool{}
	for _, r := range e.races {
		if y, err := strconv.Atoi(r.Year); err == nil {
			seen[y] = true
		}
	}
	var ys []int
	for y := range seen {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func null(s string) string {
	if s == `\N` {
		return ""
	}
	return strings.TrimSpace(s)
}

// kebab turns Ergast's snake_case references into champ's kebab-case ids.
func kebab(ref string) string { return strings.ReplaceAll(ref, "_", "-") }

// Season imports one season. Ergast dumps carry fastest-lap ranks only from
// 2004, no shared-drive or eligibility flags and no penalties, so seasons
// that need those score less exactly than F1DB imports.
func (e *Ergast) Season(year int) (*points.Season, error) {
	sys, err := points.F1(year)
	if err != nil {
		return nil, err
	}
	s := &points.Season{Name: fmt.Sprintf("Formula 1 %d", year), System: sys, NewRules: F1NewRules[year]}
	byRace := map[string]*points.Round{}
	var races []ergastRace
	for _, r := range e.races {
		if r.Year == strconv.Itoa(year) {
			races = append(races, r)
		}
	}
	if len(races) == 0 {
		return nil, fmt.Errorf("%s: no races in %d (the dump has %d to %d)", e.dir, year, e.Years()[0], e.Years()[len(e.Years())-1])
	}
	sort.Slice(races, func(i, j int) bool { return atoi(races[i].Round) < atoi(races[j].Round) })
	for i, r := range races {
		s.Rounds = append(s.Rounds, points.Round{
			Number: i + 1, Name: strings.TrimSuffix(r.Name, " Grand Prix"), Date: null(r.Date),
			Sprint: null(r.SprintDate) != "", Multiplier: 1, Distance: 1,
		})
		if strings.Contains(r.Name, "Indianapolis") {
			s.Rounds[i].Counts = points.CountsDriver
		}
		if share, ok := reducedPoints[fmt.Sprintf("%d/%d", year, i+1)]; ok {
			s.Rounds[i].Distance = share
		}
	}
	for i, r := range races {
		byRace[r.RaceID] = &s.Rounds[i]
	}
	drivers := map[string]bool{}
	teams := map[string]bool{}
	for _, sess := range []struct {
		kind points.SessionKind
		rows []ergastResult
	}{{points.Race, e.results}, {points.Sprint, e.sprints}} {
		for _, r := range sess.rows {
			rd := byRace[r.RaceID]
			if rd == nil {
				continue
			}
			rd.Completed = true
			if sess.kind == points.Sprint {
				rd.Sprint = true
			}
			d, c := e.drivers[r.DriverID], e.constructors[r.ConstructorID]
			res := points.Result{
				Round: rd.Number, Session: sess.kind, Driver: kebab(d.Ref), Team: kebab(c.Ref),
				Car: null(r.Number), FastestLap: sess.kind == points.Race && null(r.Rank) == "1",
			}
			if p, err := strconv.Atoi(null(r.Position)); err == nil {
				res.Position = p
			} else if st, ok := points.ParseStatus(r.PositionText); ok {
				res.Status = st
			} else if p, err := strconv.Atoi(null(r.PositionText)); err == nil {
				res.Position = p // a few rows have the position only as text
			} else {
				res.Status = points.DNF
			}
			s.Results = append(s.Results, res)
			if !drivers[res.Driver] {
				drivers[res.Driver] = true
				s.Drivers = append(s.Drivers, points.Driver{ID: res.Driver, Name: strings.TrimSpace(d.Forename + " " + d.Surname), Code: null(d.Code)})
			}
			if !teams[res.Team] {
				teams[res.Team] = true
				s.Teams = append(s.Teams, points.Team{ID: res.Team, Name: c.Name})
			}
		}
	}
	sort.SliceStable(s.Results, func(i, j int) bool {
		a, b := &s.Results[i], &s.Results[j]
		if a.Round != b.Round {
			return a.Round < b.Round
		}
		return a.Session > b.Session // sprint first, as the weekend runs
	})
	sort.Slice(s.Drivers, func(i, j int) bool { return s.Drivers[i].ID < s.Drivers[j].ID })
	sort.Slice(s.Teams, func(i, j int) bool { return s.Teams[i].ID < s.Teams[j].ID })
	return s, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
