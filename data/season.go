package data

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// File names inside a season folder.
const (
	SeasonFile     = "season.csv"
	CalendarFile   = "calendar.csv"
	ResultsFile    = "results.csv"
	ExclusionsFile = "exclusions.csv"
	PenaltiesFile  = "penalties.csv"
	CrewsFile      = "crews.csv"
	TeamsFile      = "teams.csv"
)

// DefaultSystem is the points system of a season that does not name one.
const DefaultSystem = "f1"

// seasonRow is the one data row of season.csv.
type seasonRow struct {
	Name   string `csv:"name"`
	System string `csv:"system"`
	// NewRules, optional: yes where the season began new technical
	// regulations (written only then).
	NewRules string `csv:"new_rules"`
}

// seasonPlainRow is season.csv as written for a season without new rules.
type seasonPlainRow struct {
	Name   string `csv:"name"`
	System string `csv:"system"`
}

// calendarRow is a line of calendar.csv.
type calendarRow struct {
	Round      string `csv:"round"`
	Name       string `csv:"name"`
	Date       string `csv:"date"`
	Sprint     string `csv:"sprint"`
	Status     string `csv:"status"`
	Multiplier string `csv:"multiplier"`
	Distance   string `csv:"distance"`
	Table      string `csv:"table"`
	Qualifying string `csv:"qualifying"`
	Counts     string `csv:"counts"`
}

// resultRow is a line of results.csv.
type resultRow struct {
	Round       string `csv:"round"`
	Session     string `csv:"session"`
	Driver      string `csv:"driver"`
	Name        string `csv:"name"`
	Code        string `csv:"code"`
	Team        string `csv:"team"`
	TeamName    string `csv:"team_name"`
	Make        string `csv:"make"`
	MakeName    string `csv:"make_name"`
	Car         string `csv:"car"`
	Position    string `csv:"position"`
	FastestLap  string `csv:"fastest_lap"`
	Pole        string `csv:"pole"`
	LedLap      string `csv:"led_lap"`
	MostLapsLed string `csv:"most_laps_led"`
	Counts      string `csv:"counts"`
	Privateer   string `csv:"privateer"`
}

// exclusionRow is a line of exclusions.csv.
type exclusionRow struct {
	Championship string `csv:"championship"`
	ID           string `csv:"id"`
	Points       string `csv:"points"`
	Reason       string `csv:"reason"`
	Round        string `csv:"round"`
}

// penaltyRow is a line of penalties.csv.
type penaltyRow struct {
	Championship string `csv:"championship"`
	ID           string `csv:"id"`
	Round        string `csv:"round"`
	Points       string `csv:"points"`
	Reason       string `csv:"reason"`
}

// crewRow is a line of crews.csv.
type crewRow struct {
	Round  string `csv:"round"`
	Car    string `csv:"car"`
	Driver string `csv:"driver"`
	Name   string `csv:"name"`
}

// teamRow is a line of teams.csv.
type teamRow struct {
	Team     string `csv:"team"`
	Formerly string `csv:"formerly"`
}

// LoadDir loads a season folder, or a bare results file, from the file
// system.
func LoadDir(p string) (*points.Season, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("season %s: %w", p, errors.Unwrap(err))
	}
	if !info.IsDir() {
		b, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		return load(nil, "", map[string][]byte{ResultsFile: b}, p, seasonName(p))
	}
	return Load(os.DirFS(p), ".", p)
}

func seasonName(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	base := filepath.Base(abs)
	if !strings.Contains(p, string(filepath.Separator)) && filepath.Ext(base) == "" {
		return base
	}
	if filepath.Ext(base) != "" {
		return filepath.Base(filepath.Dir(abs))
	}
	return base
}

// Load reads the season folder dir of fsys. Shown is how error messages
// name the folder.
func Load(fsys fs.FS, dir, shown string) (*points.Season, error) {
	files := map[string][]byte{}
	for _, name := range []string{SeasonFile, CalendarFile, ResultsFile, ExclusionsFile, PenaltiesFile, CrewsFile, TeamsFile} {
		b, err := readRegular(fsys, path.Join(dir, name), path.Join(shown, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	if files[ResultsFile] == nil && files[CalendarFile] == nil {
		return nil, fmt.Errorf("%s: no %s or %s: a season folder holds at least one of them (see champ help format)", shown, ResultsFile, CalendarFile)
	}
	return load(fsys, dir, files, shown, seasonName(shown))
}

func load(fsys fs.FS, dir string, files map[string][]byte, shown, defaultName string) (*points.Season, error) {
	name := func(f string) string {
		if filepath.Ext(shown) == ".csv" {
			return shown
		}
		return filepath.Join(shown, f)
	}
	s := &points.Season{Name: defaultName, ID: defaultName}
	systemID := DefaultSystem
	if b := files[SeasonFile]; b != nil {
		var rows []seasonRow
		t, err := readTable(name(SeasonFile), b, &rows, []string{"system"}, "one line with the season's name and points system")
		if err != nil {
			return nil, err
		}
		if len(rows) != 1 {
			return nil, &SyntaxError{File: name(SeasonFile), Msg: fmt.Sprintf("has %d data lines; expected exactly one (name,system)", len(rows))}
		}
		if rows[0].Name != "" {
			s.Name = rows[0].Name
		}
		if rows[0].System != "" {
			systemID = rows[0].System
		}
		nr, err := parseBool(rows[0].NewRules)
		if err != nil {
			return nil, t.at(0, "new_rules", "%v: give yes for a season of new technical regulations, or leave it empty", err)
		}
		s.NewRules = nr
		sys, err := system(fsys, dir, systemID, shown)
		if err != nil {
			return nil, t.at(0, "system", "%v", err)
		}
		s.System = sys
	} else {
		s.System, _ = points.Lookup(systemID)
	}

	var cal []calendarRow
	var calT *table
	if b := files[CalendarFile]; b != nil {
		var err error
		calT, err = readTable(name(CalendarFile), b, &cal, []string{"round"}, "one line per round")
		if err != nil {
			return nil, err
		}
	}
	var res []resultRow
	var resT *table
	if b := files[ResultsFile]; b != nil {
		var err error
		resT, err = readTable(name(ResultsFile), b, &res, []string{"round", "driver", "position"}, "one line per driver per session")
		if err != nil {
			return nil, err
		}
	}
	if err := parseResults(s, resT, res); err != nil {
		return nil, err
	}
	if err := parseCalendar(s, calT, cal, resT); err != nil {
		return nil, err
	}
	if err := checkSessions(s, resT, res); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name  string
		parse func(*points.Season, string, []byte) error
	}{{ExclusionsFile, parseExclusions}, {PenaltiesFile, parsePenalties}, {CrewsFile, parseCrews}, {TeamsFile, parseTeams}} {
		if b := files[f.name]; b != nil {
			if err := f.parse(s, name(f.name), b); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// parseExclusions reads exclusions.csv: one line per driver or team
// excluded from a championship.
func parseExclusions(s *points.Season, file string, b []byte) error {
	var rows []exclusionRow
	t, err := readTable(file, b, &rows, []string{"championship", "id"}, "one line per excluded driver or team")
	if err != nil {
		return err
	}
	for i, r := range rows {
		x := points.Exclusion{ID: strings.TrimSpace(r.ID), Reason: r.Reason}
		if x.Championship, err = parseChampionship(s.System, r.Championship); err != nil {
			return t.at(i, "championship", "%v", err)
		}
		switch strings.ToLower(strings.TrimSpace(r.Points)) {
		case "keep", "kept":
			x.KeepPoints = true
		case "", "remove", "removed":
		default:
			return t.at(i, "points", "points %q is not keep or remove", r.Points)
		}
		if v := strings.TrimSpace(r.Round); v != "" {
			if x.Round, err = parseRound(v); err != nil {
				return t.at(i, "round", "%v (the round after which the exclusion was decided)", err)
			}
			if s.Round(x.Round) == nil {
				return t.at(i, "round", "round %d is not in the calendar (it has rounds 1 to %d)", x.Round, len(s.Rounds))
			}
		}
		s.Exclusions = append(s.Exclusions, x)
	}
	return nil
}

// parsePenalties reads penalties.csv: one line per points deduction.
func parsePenalties(s *points.Season, file string, b []byte) error {
	var rows []penaltyRow
	t, err := readTable(file, b, &rows, []string{"championship", "id", "round", "points"}, "one line per points deduction")
	if err != nil {
		return err
	}
	for i, r := range rows {
		p := points.Penalty{ID: strings.TrimSpace(r.ID), Reason: r.Reason}
		if p.Championship, err = parseChampionship(s.System, r.Championship); err != nil {
			return t.at(i, "championship", "%v", err)
		}
		if p.Round, err = parseRound(r.Round); err != nil {
			return t.at(i, "round", "%v", err)
		}
		if s.Round(p.Round) == nil {
			return t.at(i, "round", "round %d is not in the calendar (it has rounds 1 to %d)", p.Round, len(s.Rounds))
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(r.Points), 64)
		if err != nil || !(math.Abs(f) <= MaxPenalty) {
			return t.at(i, "points", "points %q is not a number from -%d to %d (the points deducted; negative gives points back)", r.Points, MaxPenalty, MaxPenalty)
		}
		if !onGrid(f) {
			return t.at(i, "points", "points %q is finer than %g of a point", r.Points, Resolution)
		}
		p.Points = f
		s.Penalties = append(s.Penalties, p)
	}
	return nil
}

// parseTeams reads teams.csv: one line per id a team raced under in the
// season before.
func parseTeams(s *points.Season, file string, b []byte) error {
	var rows []teamRow
	t, err := readTable(file, b, &rows, []string{"team", "formerly"}, "one line per team and id it raced under the season before")
	if err != nil {
		return err
	}
	seen := map[[2]string]int{} // team and former id -> row
	for i, r := range rows {
		team, was := strings.TrimSpace(r.Team), strings.TrimSpace(r.Formerly)
		switch {
		case team == "":
			return t.at(i, "team", "team is empty: give a team id of this season")
		case was == "":
			return t.at(i, "formerly", "formerly is empty: give the id %s raced under the season before", team)
		case was == team:
			return t.at(i, "formerly", "%s formerly %s: a team that kept its id needs no line", team, was)
		}
		if j, ok := seen[[2]string{team, was}]; ok {
			return t.at(i, "formerly", "%s formerly %s is given twice (also line %d)", team, was, t.line(j))
		}
		seen[[2]string{team, was}] = i
		if s.Formerly == nil {
			s.Formerly = map[string][]string{}
		}
		s.Formerly[team] = append(s.Formerly[team], was)
	}
	return nil
}

// parseCrews reads crews.csv: one line per driver of a car at a round,
// rounds still to run included.
func parseCrews(s *points.Season, file string, b []byte) error {
	var rows []crewRow
	t, err := readTable(file, b, &rows, []string{"round", "car", "driver"}, "one line per driver of a car at a round")
	if err != nil {
		return err
	}
	type key struct {
		round int
		car   string
	}
	at := map[key]int{}
	in := map[[2]string]int{} // round/driver -> row
	names := map[string]bool{}
	for _, d := range s.Drivers {
		names[d.ID] = true
	}
	for i, r := range rows {
		n, err := parseRound(r.Round)
		if err != nil {
			return t.at(i, "round", "%v", err)
		}
		if s.Round(n) == nil {
			return t.at(i, "round", "round %d is not in the calendar (it has rounds 1 to %d)", n, len(s.Rounds))
		}
		car, driver := strings.TrimSpace(r.Car), strings.TrimSpace(r.Driver)
		if car == "" {
			return t.at(i, "car", "car is empty; give the car's number")
		}
		if driver == "" {
			return t.at(i, "driver", "driver is empty; give the driver's id")
		}
		k2 := [2]string{strconv.Itoa(n), driver}
		if j, ok := in[k2]; ok {
			return t.at(i, "driver", "%s is already in car %s's crew at round %d (line %d); a driver is in one crew per round", driver, strings.TrimSpace(rows[j].Car), n, t.line(j))
		}
		in[k2] = i
		k := key{n, car}
		c, ok := at[k]
		if !ok {
			c = len(s.Crews)
			at[k] = c
			s.Crews = append(s.Crews, points.Crew{Round: n, Car: car})
		}
		s.Crews[c].Drivers = append(s.Crews[c].Drivers, driver)
		if !names[driver] {
			names[driver] = true
			s.Drivers = append(s.Drivers, points.Driver{ID: driver, Name: strings.TrimSpace(r.Name)})
		}
	}
	return nil
}

// parseChampionship reads a championship of the season's system by id;
// "driver", "team" and "constructors" name the drivers' and teams'.
func parseChampionship(sys *points.System, v string) (string, error) {
	id := strings.ToLower(strings.TrimSpace(v))
	switch id {
	case "driver":
		id = points.DriversChampionship
	case "team", "constructors", "constructor":
		id = points.TeamsChampionship
	}
	if c := sys.Championship(id); c != nil {
		return c.ID, nil
	}
	return "", fmt.Errorf("championship %q is not one of %s's: %s", v, sys.ID, strings.Join(sys.ChampionshipIDs(), ", "))
}

// system resolves a season's points system: a preset id or a custom
// system file next to the season.
func system(fsys fs.FS, dir, id, shown string) (*points.System, error) {
	if strings.HasSuffix(strings.ToLower(id), ".csv") {
		if fsys == nil {
			return nil, fmt.Errorf("custom points system %q needs a season folder", id)
		}
		b, err := readRegular(fsys, path.Join(dir, id), filepath.Join(shown, id))
		if err != nil {
			if u := errors.Unwrap(err); u != nil {
				err = u
			}
			return nil, fmt.Errorf("points system file %s: %v", id, err)
		}
		return ReadSystem(filepath.Join(shown, id), b)
	}
	return points.Lookup(id)
}

func parseResults(s *points.Season, t *table, rows []resultRow) error {
	drivers := map[string]*points.Driver{}
	teams, makes := map[string]*points.Team{}, map[string]*points.Team{}
	type session struct {
		round int
		kind  points.SessionKind
	}
	field := map[session]int{}
	s.Results = slices.Grow(s.Results, len(rows)) // one allocation, not a doubling per row
	for i, r := range rows {
		var res points.Result
		var err error
		if res.Round, err = parseRound(r.Round); err != nil {
			return t.at(i, "round", "%v", err)
		}
		if res.Session, err = points.ParseSession(r.Session); err != nil {
			return t.at(i, "session", "%v", err)
		}
		k := session{res.Round, res.Session}
		if field[k] == MaxEntries {
			return t.at(i, "driver", "more than %d drivers in round %d's %s", MaxEntries, res.Round, res.Session)
		}
		field[k]++
		res.Driver = strings.TrimSpace(r.Driver)
		if res.Driver == "" {
			return t.at(i, "driver", "driver is empty; give the driver's id, such as max-verstappen")
		}
		res.Team = strings.TrimSpace(r.Team)
		res.Make = strings.TrimSpace(r.Make)
		res.Car = strings.TrimSpace(r.Car)
		pos := strings.TrimSpace(r.Position)
		if n, err := strconv.Atoi(pos); err == nil {
			if n < 1 {
				return t.at(i, "position", "position %d is not a finishing position; positions start at 1", n)
			}
			if n > MaxPosition {
				return t.at(i, "position", "position %d is beyond the limit of %d", n, MaxPosition)
			}
			res.Position = n
		} else if st, ok := points.ParseStatus(pos); ok {
			res.Status = st
		} else if pos == "" {
			return t.at(i, "position", "position is empty; give a finishing position or DNF, DNS, DSQ, NC or DNQ")
		} else {
			return t.at(i, "position", "position %q is not an integer or a status (DNF, DNS, DSQ, NC, DNQ)", pos)
		}
		for _, f := range []struct {
			col string
			val string
			dst *bool
		}{{"fastest_lap", r.FastestLap, &res.FastestLap}, {"pole", r.Pole, &res.Pole}, {"led_lap", r.LedLap, &res.LedLap}, {"most_laps_led", r.MostLapsLed, &res.MostLapsLed}} {
			b, err := parseBool(f.val)
			if err != nil {
				return t.at(i, f.col, "%s: %v", f.col, err)
			}
			*f.dst = b
		}
		if res.Counts, err = points.ParseCounts(r.Counts); err != nil {
			return t.at(i, "counts", "%v", err)
		}
		if res.Privateer, err = parseBool(r.Privateer); err != nil {
			return t.at(i, "privateer", "privateer: %v", err)
		}
		s.Results = append(s.Results, res)
		if d := drivers[res.Driver]; d == nil {
			drivers[res.Driver] = &points.Driver{ID: res.Driver, Name: strings.TrimSpace(r.Name), Code: strings.TrimSpace(r.Code)}
		} else {
			if d.Name == "" {
				d.Name = strings.TrimSpace(r.Name)
			}
			if d.Code == "" {
				d.Code = strings.TrimSpace(r.Code)
			}
		}
		if res.Team != "" {
			if tm := teams[res.Team]; tm == nil {
				teams[res.Team] = &points.Team{ID: res.Team, Name: strings.TrimSpace(r.TeamName)}
			} else if tm.Name == "" {
				tm.Name = strings.TrimSpace(r.TeamName)
			}
		}
		if res.Make != "" {
			if mk := makes[res.Make]; mk == nil {
				makes[res.Make] = &points.Team{ID: res.Make, Name: strings.TrimSpace(r.MakeName)}
			} else if mk.Name == "" {
				mk.Name = strings.TrimSpace(r.MakeName)
			}
		}
	}
	for _, mk := range makes {
		s.Makes = append(s.Makes, *mk)
	}
	sort.Slice(s.Makes, func(i, j int) bool { return s.Makes[i].ID < s.Makes[j].ID })
	for _, d := range drivers {
		s.Drivers = append(s.Drivers, *d)
	}
	sort.Slice(s.Drivers, func(i, j int) bool { return s.Drivers[i].ID < s.Drivers[j].ID })
	for _, tm := range teams {
		s.Teams = append(s.Teams, *tm)
	}
	sort.Slice(s.Teams, func(i, j int) bool { return s.Teams[i].ID < s.Teams[j].ID })
	return nil
}

func parseRound(v string) (int, error) {
	v = strings.TrimSpace(v)
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("round %q is not an integer", v)
	}
	if n < 1 {
		return 0, fmt.Errorf("round %d: rounds are numbered from 1", n)
	}
	if n > MaxRound {
		return 0, fmt.Errorf("round %d is beyond the limit of %d rounds in a season", n, MaxRound)
	}
	return n, nil
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "no", "n", "false", "0", "-":
		return false, nil
	case "yes", "y", "true", "1", "x":
		return true, nil
	}
	return false, fmt.Errorf("%q is not yes or no", v)
}

// parseShare parses a share such as 0.55 or 55%; empty means 1.
func parseShare(v string) (float64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 1, nil
	}
	pct := strings.HasSuffix(v, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a number", v)
	}
	if pct {
		f /= 100
	}
	if f <= 0 || f > 1 {
		return 0, fmt.Errorf("%q is not a share between 0 and 1 (or 0%% and 100%%)", v)
	}
	return f, nil
}

func parseCalendar(s *points.Season, t *table, rows []calendarRow, resT *table) error {
	withResults := map[int]bool{}
	withSprint := map[int]bool{}
	maxRound := 0
	for _, r := range s.Results {
		withResults[r.Round] = true
		if r.Session == points.Sprint {
			withSprint[r.Round] = true
		}
		maxRound = max(maxRound, r.Round)
	}
	if t == nil {
		// A bare results file: every round with results is a completed
		// round, numbered as the results number them.
		for n := 1; n <= maxRound; n++ {
			s.Rounds = append(s.Rounds, points.Round{
				Number: n, Name: fmt.Sprintf("Round %d", n), Sprint: withSprint[n],
				Completed: withResults[n], Multiplier: 1, Distance: 1,
			})
		}
		return nil
	}
	seen := map[int]int{}
	for i, r := range rows {
		var rd points.Round
		var err error
		if rd.Number, err = parseRound(r.Round); err != nil {
			return t.at(i, "round", "%v", err)
		}
		if prev, ok := seen[rd.Number]; ok {
			return t.at(i, "round", "round %d is listed twice (also on line %d)", rd.Number, t.line(prev))
		}
		if rd.Number != i+1 {
			return t.at(i, "round", "round %d is out of order: rounds are listed in order from 1, and this line should be round %d", rd.Number, i+1)
		}
		seen[rd.Number] = i
		rd.Name = strings.TrimSpace(r.Name)
		if rd.Name == "" {
			rd.Name = fmt.Sprintf("Round %d", rd.Number)
		}
		rd.Date = strings.TrimSpace(r.Date)
		if rd.Sprint, err = parseBool(r.Sprint); err != nil {
			return t.at(i, "sprint", "sprint: %v", err)
		}
		switch strings.ToLower(strings.TrimSpace(r.Status)) {
		case "":
			rd.Completed = withResults[rd.Number]
		case "completed", "complete", "done", "finished":
			rd.Completed = true
		case "scheduled", "planned", "upcoming":
			rd.Completed = false
		default:
			return t.at(i, "status", "status %q is not completed or scheduled", r.Status)
		}
		rd.Multiplier = 1
		if v := strings.TrimSpace(r.Multiplier); v != "" {
			m, err := strconv.ParseFloat(v, 64)
			if err != nil || !(m >= 0 && m <= MaxMultiplier) {
				return t.at(i, "multiplier", "multiplier %q is not a number from 0 to %d", v, MaxMultiplier)
			}
			if !onGrid(m) {
				return t.at(i, "multiplier", "multiplier %q is finer than %g", v, Resolution)
			}
			rd.Multiplier = m
		}
		if rd.Distance, err = parseShare(r.Distance); err != nil {
			return t.at(i, "distance", "distance %v", err)
		}
		rd.Table = strings.TrimSpace(r.Table)
		if rd.Table != "" && s.System != nil {
			if _, ok := s.System.Tables[rd.Table]; !ok {
				return t.at(i, "table", "points system %s has no table %q%s", s.System.ID, rd.Table, known("its race tables are", s.System.Tables))
			}
		}
		rd.Qualifying = strings.TrimSpace(r.Qualifying)
		if rd.Qualifying != "" && s.System != nil {
			if _, ok := s.System.Qualifying[rd.Qualifying]; !ok {
				return t.at(i, "qualifying", "points system %s has no qualifying table %q%s", s.System.ID, rd.Qualifying, known("its qualifying tables are", s.System.Qualifying))
			}
		}
		if rd.Counts, err = points.ParseCounts(r.Counts); err != nil {
			return t.at(i, "counts", "%v", err)
		}
		if !rd.Sprint && withSprint[rd.Number] {
			rd.Sprint = true
		}
		s.Rounds = append(s.Rounds, rd)
	}
	return nil
}

// checkSessions checks the results against the calendar and against each
// other.
func checkSessions(s *points.Season, t *table, rows []resultRow) error {
	if t == nil {
		return nil
	}
	type key struct {
		round   int
		session points.SessionKind
	}
	type seen struct {
		row int
		car string
	}
	// Endurance crews: every driver scores his car's points, so he races
	// one car per session.
	crews := false
	if d := s.System.Championship(points.DriversChampionship); d != nil && d.Share == points.ShareFull {
		crews = true
	}
	// First what each line says of itself, in file order; then each
	// session's lines together, so that the maps hold one session at a
	// time, whatever the size of the file.
	for i := range s.Results {
		if err := checkRow(s, t, i); err != nil {
			return err
		}
	}
	byKey := make([]int32, len(s.Results))
	for i := range byKey {
		byKey[i] = int32(i)
	}
	keyOf := func(i int32) key { return key{s.Results[i].Round, s.Results[i].Session} }
	slices.SortStableFunc(byKey, func(a, b int32) int {
		ka, kb := keyOf(a), keyOf(b)
		if ka.round != kb.round {
			return cmp.Compare(ka.round, kb.round)
		}
		return cmp.Compare(ka.session, kb.session)
	})
	positions := map[int]seen{}
	driversIn := map[string][]int{}
	holder := map[points.BonusKind]int{} // the row of the session's single bonus
	for g, i32 := range byKey {
		i := int(i32)
		r := &s.Results[i]
		if g == 0 || keyOf(byKey[g-1]) != keyOf(i32) {
			clear(positions)
			clear(driversIn)
			clear(holder)
		}
		for _, b := range []points.BonusKind{points.FastestLap, points.Pole, points.MostLapsLed} {
			if !r.Flag(b) {
				continue
			}
			if b == points.FastestLap {
				if fl := s.System.Bonus(points.FastestLap); fl == nil || fl.Top == 0 {
					continue // shared when several set the same time (the 1950s), and a fact where it scores nothing
				}
			}
			if j, ok := holder[b]; ok && (r.Car == "" || s.Results[j].Car != r.Car) {
				return t.at(i, b.Column(), "a second %s in round %d %s (%s on line %d); one car takes it", b, r.Round, r.Session, s.Results[j].Driver, t.line(j))
			}
			holder[b] = i
		}
		if r.Classified() {
			if prev, ok := positions[r.Position]; ok && (prev.car == "" || prev.car != r.Car) {
				return t.at(i, "position", "position %d in round %d %s is already taken by %s (line %d); a shared drive needs the same car number on both lines",
					r.Position, r.Round, r.Session, s.Results[prev.row].Driver, t.line(prev.row))
			}
			positions[r.Position] = seen{i, r.Car}
		}
		for _, j := range driversIn[r.Driver] {
			o := &s.Results[j]
			if o.Car != "" && r.Car != "" && o.Car != r.Car {
				if crews {
					return t.at(i, "car", "%s is in the crews of cars %s (line %d) and %s in round %d %s; under %s a driver races one car per session",
						r.Driver, o.Car, t.line(j), r.Car, r.Round, r.Session, s.System.ID)
				}
				continue // one driver in two cars (the 1950s)
			}
			if o.Team != r.Team {
				return t.at(i, "team", "%s drives for %s here but for %s on line %d, in the same session (round %d %s); a driver has one team per session, or give each car its number in the car column",
					r.Driver, r.Team, o.Team, t.line(j), r.Round, r.Session)
			}
			return t.at(i, "driver", "%s has two results in round %d %s (also line %d); give each car its number in the car column if they drove two cars",
				r.Driver, r.Round, r.Session, t.line(j))
		}
		driversIn[r.Driver] = append(driversIn[r.Driver], i)
	}
	return nil
}

// checkRow checks what result i says of itself: its round is in the
// calendar and completed, and a qualifying line has a table to score it
// and no race bonus.
func checkRow(s *points.Season, t *table, i int) error {
	r := &s.Results[i]
	rd := s.Round(r.Round)
	if rd == nil {
		return t.at(i, "round", "round %d is not in calendar.csv (it has rounds 1 to %d); add it to the calendar", r.Round, len(s.Rounds))
	}
	if !rd.Completed {
		return t.at(i, "round", "round %d has results but calendar.csv marks it scheduled; mark it completed", r.Round)
	}
	if r.Session == points.Qualifying {
		if rd.Qualifying == "" {
			if len(s.System.Qualifying) == 0 {
				return t.at(i, "session", "round %d (%s) has a qualifying result, but points system %s scores no qualifying session; leave qualifying rows out", r.Round, rd.Name, s.System.ID)
			}
			return t.at(i, "session", "round %d (%s) has a qualifying result but no qualifying table: name one in calendar.csv's qualifying column (%s has %s), or leave qualifying rows out",
				r.Round, rd.Name, s.System.ID, strings.Join(sortedNames(s.System.Qualifying), ", "))
		}
		for _, b := range []points.BonusKind{points.FastestLap, points.Pole, points.LedLap, points.MostLapsLed} {
			if r.Flag(b) {
				return t.at(i, b.Column(), "%s on a qualifying row: flag bonuses on the driver's race row (a pole stands even when the race result is DSQ)", b)
			}
		}
	}
	return nil
}

// Write writes a season as a season folder: season.csv, calendar.csv,
// results.csv and, where the season has them, exclusions.csv,
// penalties.csv, crews.csv and teams.csv (removing a stale one where it
// has none). Every file is written atomically.
func Write(dir string, s *points.Season) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	sysID := DefaultSystem
	if s.System != nil {
		sysID = s.System.ID
	}
	files := []struct {
		name string
		rows any
	}{
		{SeasonFile, seasonRows(s, sysID)},
		{CalendarFile, calendarRows(s)},
		{ResultsFile, resultRows(s)},
	}
	optional := []struct {
		name string
		rows any
		n    int
	}{{ExclusionsFile, exclusionRows(s), len(s.Exclusions)}, {PenaltiesFile, penaltyRows(s), len(s.Penalties)}, {CrewsFile, crewRows(s), len(s.Crews)}, {TeamsFile, teamRows(s), len(s.Formerly)}}
	for _, o := range optional {
		if o.n > 0 {
			files = append(files, struct {
				name string
				rows any
			}{o.name, o.rows})
		} else if err := os.Remove(filepath.Join(dir, o.name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	for _, f := range files {
		err := WriteFileAtomic(filepath.Join(dir, f.name), func(w io.Writer) error { return writeCSV(w, f.rows) })
		if err != nil {
			return err
		}
	}
	return nil
}

// seasonRows is season.csv's one line; new_rules only where it is yes.
func seasonRows(s *points.Season, sysID string) any {
	if s.NewRules {
		return []seasonRow{{Name: s.Name, System: sysID, NewRules: "yes"}}
	}
	return []seasonPlainRow{{Name: s.Name, System: sysID}}
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func calendarRows(s *points.Season) []calendarRow {
	var rows []calendarRow
	for _, r := range s.Rounds {
		row := calendarRow{Round: strconv.Itoa(r.Number), Name: r.Name, Date: r.Date, Sprint: "no", Status: "scheduled", Table: r.Table, Qualifying: r.Qualifying}
		if r.Sprint {
			row.Sprint = "yes"
		}
		if r.Completed {
			row.Status = "completed"
		}
		if r.Multiplier != 1 {
			row.Multiplier = formatFloat(r.Multiplier)
		}
		if r.Distance != 1 && r.Distance != 0 {
			row.Distance = formatFloat(r.Distance)
		}
		if r.Counts != points.CountsBoth {
			row.Counts = r.Counts.String()
		}
		rows = append(rows, row)
	}
	return rows
}

func resultRows(s *points.Season) []resultRow {
	names := map[string]points.Driver{}
	for _, d := range s.Drivers {
		names[d.ID] = d
	}
	teamNames, makeNames := map[string]string{}, map[string]string{}
	for _, t := range s.Teams {
		teamNames[t.ID] = t.Name
	}
	for _, m := range s.Makes {
		makeNames[m.ID] = m.Name
	}
	var rows []resultRow
	for _, r := range s.Results {
		d := names[r.Driver]
		row := resultRow{
			Round: strconv.Itoa(r.Round), Session: r.Session.String(), Driver: r.Driver,
			Name: d.Name, Code: d.Code, Team: r.Team, TeamName: teamNames[r.Team], Make: r.Make, MakeName: makeNames[r.Make], Car: r.Car,
			FastestLap: yes(r.FastestLap), Pole: yes(r.Pole), LedLap: yes(r.LedLap), MostLapsLed: yes(r.MostLapsLed),
			Privateer: yes(r.Privateer),
		}
		if r.Classified() {
			row.Position = strconv.Itoa(r.Position)
		} else {
			row.Position = r.Status.String()
		}
		if r.Counts != points.CountsBoth {
			row.Counts = r.Counts.String()
		}
		rows = append(rows, row)
	}
	return rows
}

func exclusionRows(s *points.Season) []exclusionRow {
	var rows []exclusionRow
	for _, x := range s.Exclusions {
		row := exclusionRow{Championship: x.Championship, ID: x.ID, Points: "remove", Reason: x.Reason}
		if x.KeepPoints {
			row.Points = "keep"
		}
		if x.Round > 0 {
			row.Round = strconv.Itoa(x.Round)
		}
		rows = append(rows, row)
	}
	return rows
}

func crewRows(s *points.Season) []crewRow {
	var rows []crewRow
	for _, c := range s.Crews {
		for _, d := range c.Drivers {
			rows = append(rows, crewRow{Round: strconv.Itoa(c.Round), Car: c.Car, Driver: d, Name: s.DriverName(d)})
		}
	}
	return rows
}

// teamRows are teams.csv's lines, by team.
func teamRows(s *points.Season) []teamRow {
	var rows []teamRow
	for _, t := range slices.Sorted(maps.Keys(s.Formerly)) {
		for _, was := range s.Formerly[t] {
			rows = append(rows, teamRow{Team: t, Formerly: was})
		}
	}
	return rows
}

func penaltyRows(s *points.Season) []penaltyRow {
	var rows []penaltyRow
	for _, p := range s.Penalties {
		rows = append(rows, penaltyRow{Championship: p.Championship, ID: p.ID, Round: strconv.Itoa(p.Round), Points: formatFloat(p.Points), Reason: p.Reason})
	}
	return rows
}

// known lists a system's tables for an error message: "; its race tables
// are 8h, le-mans", or ", it has none".
func known(what string, tables map[string][]float64) string {
	if len(tables) == 0 {
		return ", it has none"
	}
	return fmt.Sprintf("; %s %s", what, strings.Join(sortedNames(tables), ", "))
}

func sortedNames(tables map[string][]float64) []string {
	names := make([]string, 0, len(tables))
	for n := range tables {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
