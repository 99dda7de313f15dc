package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/champ-dev/champ/points"
)

// F1DB's YAML source files (https://github.com/f1db/f1db, src/data).
type f1dbRace struct {
	Round                      int     `yaml:"round"`
	Date                       string  `yaml:"date"`
	GrandPrixID                string  `yaml:"grandPrixId"`
	Laps                       int     `yaml:"laps"`
	ScheduledLaps              int     `yaml:"scheduledLaps"`
	Distance                   float64 `yaml:"distance"`
	ScheduledDistance          float64 `yaml:"scheduledDistance"`
	SprintRaceDate             string  `yaml:"sprintRaceDate"`
	DriversChampionshipDecider bool    `yaml:"driversChampionshipDecider"`
	TeamsChampionshipDecider   bool    `yaml:"constructorsChampionshipDecider"`
}

type f1dbResult struct {
	Position      string   `yaml:"position"`
	DriverNumber  string   `yaml:"driverNumber"`
	DriverID      string   `yaml:"driverId"`
	ConstructorID string   `yaml:"constructorId"`
	EngineID      string   `yaml:"engineManufacturerId"`
	Points        *float64 `yaml:"points"`
	SharedCar     bool     `yaml:"sharedCar"`
}

type f1dbStanding struct {
	Position      string  `yaml:"position"`
	DriverID      string  `yaml:"driverId"`
	ConstructorID string  `yaml:"constructorId"`
	EngineID      string  `yaml:"engineManufacturerId"`
	Points        float64 `yaml:"points"`
}

type f1dbNamed struct {
	ID           string `yaml:"id"`
	Name         string `yaml:"name"`
	Abbreviation string `yaml:"abbreviation"`
	// Chronology, of a constructor: the ids its team raced under, in
	// order (minardi, toro-rosso, alphatauri, rb, racing-bulls).
	Chronology []struct {
		ConstructorID string `yaml:"constructorId"`
	} `yaml:"chronology"`
}

// F1DB reads F1DB's YAML source tree: the folder holding seasons/,
// drivers/, constructors/ and grands-prix/ (src/data in an F1DB checkout).
type F1DB struct {
	fsys  fs.FS
	root  string
	names map[string]f1dbNamed // "drivers/max-verstappen" -> names
	teams map[int]f1dbTeams    // each season's teams, as read (formerly reads the year before's)
}

// OpenF1DB opens an F1DB source tree.
func OpenF1DB(dir string) (*F1DB, error) {
	if _, err := os.Stat(path.Join(dir, "seasons")); err != nil {
		return nil, fmt.Errorf("%s: not an F1DB source tree (no seasons folder); give the src/data folder of an F1DB checkout", dir)
	}
	return &F1DB{fsys: os.DirFS(dir), root: dir, names: map[string]f1dbNamed{}, teams: map[int]f1dbTeams{}}, nil
}

// Years lists the seasons in the tree.
func (db *F1DB) Years() ([]int, error) {
	ents, err := fs.ReadDir(db.fsys, "seasons")
	if err != nil {
		return nil, err
	}
	var ys []int
	for _, e := range ents {
		if y, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() {
			ys = append(ys, y)
		}
	}
	sort.Ints(ys)
	return ys, nil
}

func (db *F1DB) read(p string, out any) error {
	b, err := fs.ReadFile(db.fsys, p)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, out); err != nil {
		return fmt.Errorf("%s: %v", path.Join(db.root, p), err)
	}
	return nil
}

func (db *F1DB) named(kind, id string) f1dbNamed {
	k := kind + "/" + id
	if n, ok := db.names[k]; ok {
		return n
	}
	var n f1dbNamed
	if err := db.read(k+".yml", &n); err != nil {
		n = f1dbNamed{ID: id}
	}
	db.names[k] = n
	return n
}

// F1DBRace is what the importer knows of one race beyond champ's season
// format: the official standings after it, and whether it decided a title.
type F1DBRace struct {
	Round         int
	DriversTable  []F1DBStanding
	TeamsTable    []F1DBStanding
	DecidedTitle  bool // the drivers' title was decided at this race
	DecidedTeams  bool // the constructors' title
	HasResults    bool
	SprintResults bool
}

// F1DBStanding is a line of an official F1DB standings table. Position is
// 0 for an excluded entry. ID is in champ's terms (a team id joins
// constructor and engine when the constructor used several engines).
type F1DBStanding struct {
	Position int
	ID       string
	Points   float64
}

// reducedPoints lists the races stopped early and not resumed that were
// scored with half or tiered points, with the share of the distance run
// (F1DB's laps over its scheduled laps). Other shortened races in F1DB ran
// to a time limit or were restarted and scored full points.
var reducedPoints = map[string]float64{
	"1975/4":  0.3867, // Spain (Montjuïc): 29 of 75 laps
	"1975/12": 0.537,  // Austria: 29 of 54
	"1984/6":  0.4079, // Monaco: 31 of 76
	"1991/16": 0.1728, // Australia: 14 of 81
	"2009/2":  0.5536, // Malaysia: 31 of 56
	"2021/12": 0.0227, // Belgium: 1 of 44
}

// ineligible lists the classified finishers in scoring positions who could
// not score (F1DB gives them their position and no points), keyed
// "year/round/driver".
var ineligible = map[string]string{
	"1958/8/bruce-mclaren":   "Formula 2 car in the German GP",
	"1967/7/jackie-oliver":   "Formula 2 car in the German GP",
	"1969/7/henri-pescarolo": "Formula 2 car in the German GP",
	"1969/7/richard-attwood": "Formula 2 car in the German GP",
	"1963/4/graham-hill":     "penalised for a push start: classified, no points",
	"1984/14/jo-gartner":     "Osella's second car was not entered for the championship",
	"1984/14/gerhard-berger": "ATS's second car was not entered for the championship",
	"1987/16/yannick-dalmas": "Larrousse's second car was not entered for the championship",
}

// otherClass lists the German GPs of 1967 and 1969, in which Formula 2
// cars (numbered from 20) ran with the Formula 1 field: they could not
// score, and the Formula 1 cars behind them scored from the places they
// would have had without them.
var otherClass = map[string]int{"1967/7": 20, "1969/7": 20}

// fastestLapOverride names the one driver who scored the fastest-lap point
// where F1DB lists several on the same time but the point was not shared.
var fastestLapOverride = map[string]string{
	"1953/5": "juan-manuel-fangio", // France: Fangio and Ascari on 2:41.1; the point went to Fangio
}

// penalties are the deductions the stewards or the FIA made from the
// constructors' championship, keyed by year.
var penalties = map[int][]points.Penalty{
	1995: {
		{Championship: points.TeamsChampionship, ID: "benetton", Round: 1, Points: 10, Reason: "Brazil: fuel irregularity; Schumacher kept his drivers' points, the team lost them"},
		{Championship: points.TeamsChampionship, ID: "williams", Round: 1, Points: 6, Reason: "Brazil: fuel irregularity; Coulthard kept his drivers' points, the team lost them"},
	},
	2000: {{Championship: points.TeamsChampionship, ID: "mclaren", Round: 10, Points: 10, Reason: "Austria: missing seal on Häkkinen's electronic control unit"}},
	2020: {{Championship: points.TeamsChampionship, ID: "racing-point", Round: 5, Points: 15, Reason: "brake-duct design copied from Mercedes (Styrian GP protest)"}},
}

// F1NewRules are the Formula 1 seasons that began new technical
// regulations, the changes after which the order of the teams was
// reshuffled (points.Season.NewRules): the 2.5-litre formula (1954), the
// 1.5-litre (1961) and the 3-litre (1966) engines, the end of ground
// effect (1983), of turbos (1989), of driver aids (1994), narrow cars on
// grooved tyres (1998), the aero, slick-tyre and KERS rules (2009), hybrid
// V6 power units (2014), wider cars (2017), ground effect again (2022) and
// the 2026 power units and chassis.
var F1NewRules = map[int]bool{1954: true, 1961: true, 1966: true, 1983: true, 1989: true, 1994: true, 1998: true, 2009: true, 2014: true, 2017: true, 2022: true, 2026: true}

// Season imports one season. It returns champ's season and the official
// tables after each round.
func (db *F1DB) Season(year int) (*points.Season, []F1DBRace, error) {
	sys, err := points.F1(year)
	if err != nil {
		return nil, nil, err
	}
	s := &points.Season{Name: fmt.Sprintf("Formula 1 %d", year), System: sys, NewRules: F1NewRules[year]}
	races, err := db.readRaces(year)
	if err != nil {
		return nil, nil, err
	}
	teams := teamsOf(races)
	db.teams[year] = teams
	teamID := teams.id
	if s.Formerly, err = db.formerly(year, teams); err != nil {
		return nil, nil, err
	}
	teamNames := map[string]string{}
	drivers := map[string]bool{}

	var out []F1DBRace
	for i, rf := range races {
		n := i + 1
		if rf.race.Round != n {
			return nil, nil, fmt.Errorf("F1DB %d: race %d has round %d", year, n, rf.race.Round)
		}
		key := fmt.Sprintf("%d/%d", year, n)
		gp := db.named("grands-prix", rf.race.GrandPrixID)
		rd := points.Round{
			Number: n, Name: gp.Name, Date: rf.race.Date,
			Sprint:    rf.race.SprintRaceDate != "" || len(rf.sprint) > 0,
			Completed: rf.hasResults, Multiplier: 1, Distance: 1,
		}
		if rd.Name == "" {
			rd.Name = rf.race.GrandPrixID
		}
		if rf.race.GrandPrixID == "indianapolis" {
			rd.Counts = points.CountsDriver
		}
		if share, ok := reducedPoints[key]; ok {
			rd.Distance = share
		}
		s.Rounds = append(s.Rounds, rd)
		fastest := map[string]bool{}
		for _, f := range rf.fastest {
			if f.Position == "1" {
				fastest[f.DriverID+"#"+f.DriverNumber] = true
			}
		}
		for _, sess := range []struct {
			kind points.SessionKind
			rows []f1dbResult
		}{{points.Sprint, rf.sprint}, {points.Race, rf.results}} {
			for _, r := range sess.rows {
				res := points.Result{
					Round: n, Session: sess.kind, Driver: r.DriverID,
					Team: teamID(r.ConstructorID, r.EngineID), Car: r.DriverNumber,
				}
				if p, err := strconv.Atoi(r.Position); err == nil {
					res.Position = p
				} else if st, ok := points.ParseStatus(r.Position); ok {
					res.Status = st
				} else {
					return nil, nil, fmt.Errorf("F1DB %s %s: position %q of %s is not a position or a known status", key, sess.kind, r.Position, r.DriverID)
				}
				if sess.kind == points.Race && fastest[r.DriverID+"#"+r.DriverNumber] {
					res.FastestLap = true
				}
				if _, ok := ineligible[key+"/"+r.DriverID]; ok && sess.kind == points.Race {
					res.Counts = points.CountsNone
				}
				if n, err := strconv.Atoi(r.DriverNumber); err == nil && otherClass[key] > 0 && n >= otherClass[key] {
					res.Counts = points.CountsOther
				}
				if who, ok := fastestLapOverride[key]; ok && sess.kind == points.Race {
					res.FastestLap = r.DriverID == who
				}
				s.Results = append(s.Results, res)
				drivers[r.DriverID] = true
				if _, ok := teamNames[res.Team]; !ok {
					name := db.named("constructors", r.ConstructorID).Name
					if name == "" {
						name = r.ConstructorID
					}
					if res.Team != r.ConstructorID {
						name += "-" + engineName(r.EngineID)
					}
					teamNames[res.Team] = name
				}
			}
		}
		fr := F1DBRace{Round: n, DecidedTitle: rf.race.DriversChampionshipDecider, DecidedTeams: rf.race.TeamsChampionshipDecider, HasResults: rf.hasResults, SprintResults: len(rf.sprint) > 0}
		fr.DriversTable = standings(rf.dt, func(st f1dbStanding) string { return st.DriverID })
		fr.TeamsTable = standings(rf.ct, func(st f1dbStanding) string { return teamID(st.ConstructorID, st.EngineID) })
		out = append(out, fr)
	}
	for id := range drivers {
		d := db.named("drivers", id)
		name := d.Name
		if name == "" {
			name = id
		}
		s.Drivers = append(s.Drivers, points.Driver{ID: id, Name: name, Code: d.Abbreviation})
	}
	sort.Slice(s.Drivers, func(i, j int) bool { return s.Drivers[i].ID < s.Drivers[j].ID })
	for id, name := range teamNames {
		s.Teams = append(s.Teams, points.Team{ID: id, Name: name})
	}
	sort.Slice(s.Teams, func(i, j int) bool { return s.Teams[i].ID < s.Teams[j].ID })

	// Exclusions are in the season tables as a position such as DSQ or EX.
	var dt, ct []f1dbStanding
	if err := db.read(path.Join("seasons", strconv.Itoa(year), "driver-standings.yml"), &dt); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	if err := db.read(path.Join("seasons", strconv.Itoa(year), "constructor-standings.yml"), &ct); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	for _, st := range dt {
		if _, err := strconv.Atoi(st.Position); err != nil {
			s.Exclusions = append(s.Exclusions, points.Exclusion{Championship: points.DriversChampionship, ID: st.DriverID, KeepPoints: st.Points > 0, Reason: exclusionReason(year, st.DriverID), Round: exclusionRound(year, st.DriverID)})
		}
	}
	for _, st := range ct {
		if _, err := strconv.Atoi(st.Position); err != nil {
			id := teamID(st.ConstructorID, st.EngineID)
			if year == 2018 && id == "force-india" {
				continue // the re-entered team shares the id; see splitForceIndia2018
			}
			s.Exclusions = append(s.Exclusions, points.Exclusion{Championship: points.TeamsChampionship, ID: id, KeepPoints: st.Points > 0, Reason: exclusionReason(year, id), Round: exclusionRound(year, id)})
		}
	}
	s.Penalties = append(s.Penalties, penalties[year]...)
	if year == 2018 {
		splitForceIndia2018(s)
	}
	return s, out, nil
}

// f1dbRaceFiles are what F1DB holds of one race: the race, its results
// (and the sprint's), its fastest laps and the standings after it.
type f1dbRaceFiles struct {
	race            f1dbRace
	results, sprint []f1dbResult
	fastest         []f1dbResult
	dt, ct          []f1dbStanding
	hasResults      bool
}

// readRaces reads a season's races, in round order.
func (db *F1DB) readRaces(year int) ([]f1dbRaceFiles, error) {
	dir := path.Join("seasons", strconv.Itoa(year), "races")
	ents, err := fs.ReadDir(db.fsys, dir)
	if err != nil {
		return nil, err
	}
	var races []f1dbRaceFiles
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		p := path.Join(dir, e.Name())
		var rf f1dbRaceFiles
		if err := db.read(path.Join(p, "race.yml"), &rf.race); err != nil {
			return nil, err
		}
		for _, f := range []struct {
			name string
			out  any
		}{
			{"race-results.yml", &rf.results}, {"sprint-race-results.yml", &rf.sprint},
			{"fastest-laps.yml", &rf.fastest}, {"driver-standings.yml", &rf.dt}, {"constructor-standings.yml", &rf.ct},
		} {
			err := db.read(path.Join(p, f.name), f.out)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			if err == nil && f.name == "race-results.yml" {
				rf.hasResults = true
			}
		}
		races = append(races, rf)
	}
	sort.Slice(races, func(i, j int) bool { return races[i].race.Round < races[j].race.Round })
	return races, nil
}

// f1dbTeams are a season's constructors and the engines each used: a
// constructor that used several engines in the season is one team per
// engine (lotus-climax, lotus-brm), as the constructors' championship
// counted it, any other one team under its own id.
type f1dbTeams map[string]map[string]bool

func teamsOf(races []f1dbRaceFiles) f1dbTeams {
	t := f1dbTeams{}
	for _, rf := range races {
		for _, rows := range [][]f1dbResult{rf.results, rf.sprint} {
			for _, r := range rows {
				if t[r.ConstructorID] == nil {
					t[r.ConstructorID] = map[string]bool{}
				}
				t[r.ConstructorID][r.EngineID] = true
			}
		}
	}
	return t
}

// id is the team id of a constructor with an engine.
func (t f1dbTeams) id(constructor, engine string) string {
	if len(t[constructor]) > 1 {
		return constructor + "-" + engine
	}
	return constructor
}

// of returns the team ids of a constructor, sorted.
func (t f1dbTeams) of(constructor string) []string {
	var ids []string
	for e := range t[constructor] {
		ids = append(ids, t.id(constructor, e))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// seasonTeams returns a season's teams, read from its races' results
// unless Season has read them (none for a year F1DB does not have).
func (db *F1DB) seasonTeams(year int) (f1dbTeams, error) {
	if t, ok := db.teams[year]; ok {
		return t, nil
	}
	if _, err := fs.Stat(db.fsys, path.Join("seasons", strconv.Itoa(year), "races")); errors.Is(err, fs.ErrNotExist) {
		return f1dbTeams{}, nil
	}
	races, err := db.readRaces(year)
	if err != nil {
		return nil, err
	}
	return teamsOf(races), nil
}

// formerly maps each team of year that the year before did not have to
// the ids it raced under then (points.Season.Formerly): its constructor's
// (entered with an engine more or fewer, as lotus before lotus-climax),
// or else, where the constructor did not race the year before, those of
// the constructors just before it in F1DB's chronology that raced then and
// not this year (toro-rosso before alphatauri; bmw-sauber before sauber
// in 2010, which the chronology dates a year later than the results).
func (db *F1DB) formerly(year int, teams f1dbTeams) (map[string][]string, error) {
	before, err := db.seasonTeams(year - 1)
	if err != nil {
		return nil, err
	}
	had := map[string]bool{}
	for c := range before {
		for _, id := range before.of(c) {
			had[id] = true
		}
	}
	out := map[string][]string{}
	for c := range teams {
		was := before.of(c)
		if len(was) == 0 {
			ch := db.named("constructors", c).Chronology
			for i := 1; i < len(ch); i++ {
				if ch[i].ConstructorID != c {
					continue
				}
				if n := ch[i-1].ConstructorID; n != c && teams[n] == nil {
					was = append(was, before.of(n)...)
				}
			}
			slices.Sort(was)
			was = slices.Compact(was)
		}
		if len(was) == 0 {
			continue
		}
		for _, id := range teams.of(c) {
			if !had[id] {
				out[id] = was
			}
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// splitForceIndia2018 gives the Force India entry of rounds 1-12 of 2018 its
// own team id: the team went into administration, its entry was withdrawn
// with its points, and Racing Point Force India took its place from round 13
// with no constructors' points (drivers kept theirs). F1DB uses one id for both.
func splitForceIndia2018(s *points.Season) {
	const old = "force-india-2018-original"
	for i := range s.Results {
		if s.Results[i].Team == "force-india" && s.Results[i].Round <= 12 {
			s.Results[i].Team = old
		}
	}
	s.Teams = append(s.Teams, points.Team{ID: old, Name: "Force India (original entry)"})
	if s.Formerly == nil {
		s.Formerly = map[string][]string{}
	}
	s.Formerly[old] = []string{"force-india"} // the 2017 team
	s.Exclusions = append(s.Exclusions, points.Exclusion{Championship: points.TeamsChampionship, ID: old, Reason: exclusionReason(2018, old), Round: exclusionRound(2018, old)})
}

// exclusionRound is the round after which an exclusion was decided,
// which F1DB does not date (its round tables apply some to every round):
// Tyrrell's on 18 July 1984, between Dallas (round 9) and Britain;
// Schumacher's on 11 November 1997, after the last round; McLaren's on 13
// September 2007, between Italy (round 13) and Belgium; the original
// Force India entry's withdrawal between Hungary (round 12) and Belgium
// 2018. 0 for an undated one (from the start).
func exclusionRound(year int, id string) int {
	return map[string]int{
		"1984/tyrrell": 9, "1997/michael-schumacher": 17, "2007/mclaren": 13, "2018/force-india-2018-original": 12,
	}[fmt.Sprintf("%d/%s", year, id)]
}

func exclusionReason(year int, id string) string {
	switch fmt.Sprintf("%d/%s", year, id) {
	case "1997/michael-schumacher":
		return "excluded from the 1997 drivers' championship for causing the collision at Jerez; results and points kept"
	case "1984/tyrrell":
		return "excluded from the 1984 championship for a technical infringement (ballast); all points removed"
	case "2007/mclaren":
		return "excluded from the 2007 constructors' championship (the espionage case); all points removed"
	case "2018/force-india-2018-original":
		return "entry withdrawn after round 12 when the team was sold; its points did not pass to Racing Point Force India"
	}
	return "excluded from the championship"
}

func standings(rows []f1dbStanding, id func(f1dbStanding) string) []F1DBStanding {
	var out []F1DBStanding
	for _, st := range rows {
		p, _ := strconv.Atoi(st.Position)
		out = append(out, F1DBStanding{Position: p, ID: id(st), Points: st.Points})
	}
	return out
}

func engineName(id string) string {
	parts := strings.Split(id, "-")
	for i, p := range parts {
		if len(p) <= 3 && p != "ford" {
			parts[i] = strings.ToUpper(p)
		} else if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, " ")
}
