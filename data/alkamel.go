package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// Al Kamel Systems timing files: the classifications that WEC, ELMS and
// IMSA publish and their fans download. A race file has a row per car:
// POSITION (overall, across classes; POS in the extended layout), NUMBER,
// TEAM, the crew as DRIVER_1 ... DRIVER_n ("First LAST") or as
// DRIVERn_FIRSTNAME and DRIVERn_SECONDNAME, VEHICLE, CLASS, STATUS
// (Classified, Not classified, Retired, Disqualified) and, in the
// extended layout, a Sort Key (HWC on the privateer World Cup cars). Files
// are separated by ; (re-published copies by ,), may start with a
// byte-order mark, end lines with CRLF and every line with a separator.
// A qualifying (Hyperpole) file has POS and NUMBER; a deleted time leaves
// POS empty.

// AlKamelRound says how ImportAlKamel adds a round to a season folder.
type AlKamelRound struct {
	Round      int
	Name       string
	Date       string
	Class      string   // the class scored ("" : HYPERCAR)
	Table      string   // the calendar table ("", "8h", "le-mans")
	Guests     []string // car numbers that score for nobody (Le Mans one-offs)
	Privateers []string // car numbers of privateers (besides the file's HWC)
	System     string   // the points system of a new season ("": wec-hypercar)
	Scheduled  bool     // a round still to run: no result files
}

// alkamelFile is a timing file read into rows, with each field's position
// for errors.
type alkamelFile struct {
	name   string
	header map[string]int // upper-cased column -> index
	rows   [][]string
	pos    [][][2]int // line, column of each field
}

func readAlKamel(name string, b []byte) (*alkamelFile, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	first, _, _ := bytes.Cut(b, []byte("\n"))
	sep := ','
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		sep = ';'
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
	f := &alkamelFile{name: name, header: map[string]int{}}
	head, err := r.Read()
	if err == io.EOF {
		return nil, &SyntaxError{File: name, Msg: "empty file; expected an Al Kamel classification with a header line (POSITION;NUMBER;TEAM;DRIVER_1;...;CLASS;...;STATUS;...)"}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	for i, h := range head {
		if h = strings.ToUpper(strings.TrimSpace(h)); h != "" {
			if _, dup := f.header[h]; !dup {
				f.header[h] = i
			}
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		if len(strings.TrimSpace(strings.Join(rec, ""))) == 0 {
			continue
		}
		p := make([][2]int, len(rec))
		for i := range rec {
			p[i][0], p[i][1] = r.FieldPos(i)
		}
		f.rows, f.pos = append(f.rows, rec), append(f.pos, p)
	}
	return f, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &SyntaxError{File: name, Line: pe.Line, Column: pe.Column, Msg: pe.Err.Error()}
	}
	return fmt.Errorf("%s: %w", name, err)
}

// col returns the index of the first of the columns that the file has.
func (f *alkamelFile) col(names ...string) (int, bool) {
	for _, n := range names {
		if i, ok := f.header[n]; ok {
			return i, true
		}
	}
	return 0, false
}

func (f *alkamelFile) get(row, col int) string {
	if col < len(f.rows[row]) {
		return strings.TrimSpace(f.rows[row][col])
	}
	return ""
}

// at is an error at row's field col (a column index), or at its line.
func (f *alkamelFile) at(row, col int, format string, args ...any) error {
	e := &SyntaxError{File: f.name, Msg: fmt.Sprintf(format, args...)}
	if row < len(f.pos) && len(f.pos[row]) > 0 {
		e.Line = f.pos[row][0][0]
		if col >= 0 && col < len(f.pos[row]) {
			e.Line, e.Column = f.pos[row][col][0], f.pos[row][col][1]
		}
	}
	return e
}

// twoWordMakes are manufacturers whose names take two words of VEHICLE.
var twoWordMakes = []string{"Isotta Fraschini", "Aston Martin", "Alfa Romeo"}

// vehicleMake is the manufacturer of a VEHICLE ("Porsche 963": Porsche).
func vehicleMake(v string) string {
	for _, m := range twoWordMakes {
		if strings.HasPrefix(strings.ToLower(v), strings.ToLower(m)) {
			return m
		}
	}
	if w := strings.Fields(v); len(w) > 0 {
		return w[0]
	}
	return ""
}

// AlKamelCars reads one class's classification from a race file: the
// class position is the rank of POSITION among the class's classified
// cars.
func AlKamelCars(name string, b []byte, class string) ([]Car, error) {
	f, err := readAlKamel(name, b)
	if err != nil {
		return nil, err
	}
	posCol, ok := f.col("POSITION", "POS")
	if !ok {
		return nil, &SyntaxError{File: name, Line: 1, Column: 1, Msg: "no POSITION (or POS) column: is this an Al Kamel race classification (POSITION;NUMBER;TEAM;DRIVER_1;...;CLASS;...;STATUS)?"}
	}
	classCol, ok := f.col("CLASS")
	if !ok {
		return nil, &SyntaxError{File: name, Line: 1, Column: 1, Msg: "no CLASS column: the class positions come from it; use the race classification, not a class-only file"}
	}
	numCol, ok := f.col("NUMBER", "NO", "#")
	if !ok {
		return nil, &SyntaxError{File: name, Line: 1, Column: 1, Msg: "no NUMBER column: each car needs its number"}
	}
	statusCol, hasStatus := f.col("STATUS")
	teamCol, _ := f.col("TEAM")
	vehCol, hasVeh := f.col("VEHICLE")
	makeCol, hasMake := f.col("MANUFACTURER", "BRAND")
	sortCol, hasSort := f.col("SORT KEY", "SORT_KEY")
	if class == "" {
		class = "HYPERCAR"
	}
	classes := map[string]bool{}
	classOf := map[string]int{}   // car number -> its row
	driverRow := map[string]int{} // driver id -> the row of his car
	var in []classRow
	for i := range f.rows {
		num, cl := f.get(i, numCol), f.get(i, classCol)
		if num == "" {
			return nil, f.at(i, numCol, "NUMBER is empty; every car needs its number")
		}
		classes[cl] = true
		if j, seen := classOf[num]; seen {
			if f.get(j, classCol) != cl {
				return nil, f.at(i, classCol, "car %s is in class %s here but %s on line %d; a car races in one class", num, cl, f.get(j, classCol), f.pos[j][0][0])
			}
			return nil, f.at(i, numCol, "car %s has a second row (also line %d); a classification has one row per car", num, f.pos[j][0][0])
		}
		classOf[num] = i
		if !strings.EqualFold(cl, class) {
			continue
		}
		c := Car{Number: num, Team: f.get(i, teamCol)}
		if hasMake && f.get(i, makeCol) != "" {
			c.Make = f.get(i, makeCol)
		} else if hasVeh {
			c.Make = vehicleMake(f.get(i, vehCol))
		}
		if hasSort && strings.EqualFold(f.get(i, sortCol), "HWC") {
			c.Privateer = true
		}
		c.Crew = alkamelCrew(f, i)
		if len(c.Crew) == 0 {
			return nil, f.at(i, -1, "car %s has no drivers (DRIVER_1... or DRIVER1_FIRSTNAME/DRIVER1_SECONDNAME)", num)
		}
		for _, d := range c.Crew {
			if j, ok := driverRow[Slug(d)]; ok {
				return nil, f.at(i, -1, "%s is in the crews of car %s (line %d) and car %s; a driver races one car", d, f.get(j, numCol), f.pos[j][0][0], num)
			}
			driverRow[Slug(d)] = i
		}
		status := "classified"
		if hasStatus {
			status = f.get(i, statusCol)
		}
		r := classRow{i: i, car: c}
		st, ok := alkamelStatus(status)
		switch {
		case !ok:
			return nil, f.at(i, statusCol, "status %q is not Classified, Not classified, Retired or Disqualified", status)
		case st == points.Classified:
			p, err := strconv.Atoi(f.get(i, posCol))
			if err != nil || p < 1 {
				return nil, f.at(i, posCol, "position %q of classified car %s is not a number (1, 2, ...)", f.get(i, posCol), num)
			}
			r.pos = p
		default:
			r.car.Status = st
		}
		in = append(in, r)
	}
	if len(in) == 0 {
		var cs []string
		for c := range classes {
			cs = append(cs, c)
		}
		sort.Strings(cs)
		return nil, &SyntaxError{File: name, Msg: fmt.Sprintf("no car in class %s; the file's classes are %s (choose one with --class)", class, strings.Join(cs, ", "))}
	}
	return rankClass(f, posCol, in)
}

// classRow is a car of the class scored: its row, overall position (0:
// not classified) and result.
type classRow struct {
	i   int
	pos int
	car Car
}

// alkamelStatus reads a STATUS: Classified, Not classified, Retired,
// Disqualified (and their short forms, and Did not start).
func alkamelStatus(v string) (points.Status, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "classified", "":
		return points.Classified, true
	case "not classified", "nc":
		return points.NC, true
	case "retired", "dnf":
		return points.DNF, true
	case "disqualified", "dsq":
		return points.DSQ, true
	case "dns", "did not start":
		return points.DNS, true
	}
	return 0, false
}

// rankClass gives the class's classified cars their class positions, the
// rank of their overall positions.
func rankClass(f *alkamelFile, posCol int, in []classRow) ([]Car, error) {
	var cls []int
	for k, r := range in {
		if r.pos > 0 {
			cls = append(cls, k)
		}
	}
	sort.SliceStable(cls, func(a, b int) bool { return in[cls[a]].pos < in[cls[b]].pos })
	for rank, k := range cls {
		if rank > 0 && in[cls[rank-1]].pos == in[k].pos {
			return nil, f.at(in[k].i, posCol, "position %d is also car %s's; each classified car has its own", in[k].pos, in[cls[rank-1]].car.Number)
		}
		in[k].car.Position = rank + 1
	}
	out := make([]Car, len(in))
	for k, r := range in {
		out[k] = r.car
	}
	return out, nil
}

// alkamelCrew reads a row's drivers: DRIVER_1..DRIVER_n ("First LAST"),
// or DRIVERn_FIRSTNAME and DRIVERn_SECONDNAME.
func alkamelCrew(f *alkamelFile, i int) []string {
	var crew []string
	for n := 1; n <= 9; n++ {
		if c, ok := f.col(fmt.Sprintf("DRIVER_%d", n), fmt.Sprintf("DRIVER%d", n)); ok {
			if v := f.get(i, c); v != "" {
				crew = append(crew, TimingName(v))
			}
			continue
		}
		fc, ok1 := f.col(fmt.Sprintf("DRIVER%d_FIRSTNAME", n), fmt.Sprintf("DRIVER_%d_FIRSTNAME", n))
		sc, ok2 := f.col(fmt.Sprintf("DRIVER%d_SECONDNAME", n), fmt.Sprintf("DRIVER_%d_SECONDNAME", n))
		if ok1 && ok2 {
			if v := strings.TrimSpace(f.get(i, fc) + " " + strings.ToUpper(f.get(i, sc))); v != "" {
				crew = append(crew, TimingName(v))
			}
		}
	}
	return crew
}

// AlKamelPole reads the pole car of a class from a qualifying (Hyperpole)
// file: its first row with a position (rows of the class, where the file
// has a CLASS column).
func AlKamelPole(name string, b []byte, class string) (string, error) {
	f, err := readAlKamel(name, b)
	if err != nil {
		return "", err
	}
	posCol, ok := f.col("POS", "POSITION")
	if !ok {
		return "", &SyntaxError{File: name, Line: 1, Column: 1, Msg: "no POS column: is this an Al Kamel qualifying (Hyperpole) classification?"}
	}
	numCol, ok := f.col("NUMBER", "NO", "#")
	if !ok {
		return "", &SyntaxError{File: name, Line: 1, Column: 1, Msg: "no NUMBER column"}
	}
	classCol, hasClass := f.col("CLASS")
	if class == "" {
		class = "HYPERCAR"
	}
	best, car := 0, ""
	for i := range f.rows {
		if hasClass && !strings.EqualFold(f.get(i, classCol), class) {
			continue
		}
		p, err := strconv.Atoi(f.get(i, posCol))
		if err != nil || p < 1 {
			continue // no time: deleted
		}
		if car == "" || p < best {
			best, car = p, f.get(i, numCol)
		}
	}
	if car == "" {
		return "", &SyntaxError{File: name, Msg: fmt.Sprintf("no car of class %s with a position", class)}
	}
	return car, nil
}

// ImportAlKamel adds round opt.Round to the season folder dir (created on
// first use), or replaces it: the class classification of the race file
// (nil for a round still to run), the pole from the qualifying file (nil:
// none), guests and privateers. Everything is read and checked before
// anything is written.
func ImportAlKamel(dir string, race, pole []byte, raceName, poleName string, opt AlKamelRound) (*points.Season, error) {
	s, err := openAlKamelSeason(dir, opt.System)
	if err != nil {
		return nil, err
	}
	if opt.Round < 1 {
		return nil, fmt.Errorf("--round %d: rounds are numbered from 1", opt.Round)
	}
	if opt.Round > len(s.Rounds)+1 {
		return nil, fmt.Errorf("--round %d: the season has rounds 1 to %d; add round %d first", opt.Round, len(s.Rounds), len(s.Rounds)+1)
	}
	if opt.Table != "" && s.System.Tables[opt.Table] == nil {
		return nil, fmt.Errorf("--table %s: points system %s has no such table; its tables are %s", opt.Table, s.System.ID, strings.Join(sortedNames(s.System.Tables), ", "))
	}
	rd := points.Round{Number: opt.Round, Name: opt.Name, Date: opt.Date, Table: opt.Table, Completed: !opt.Scheduled, Multiplier: 1, Distance: 1}
	if rd.Name == "" {
		rd.Name = "Round " + strconv.Itoa(opt.Round)
	}
	var cars []Car
	if !opt.Scheduled {
		if cars, err = alkamelRound(race, pole, raceName, poleName, opt); err != nil {
			return nil, err
		}
	}
	if err := replaceRound(s, rd, cars); err != nil {
		return nil, fmt.Errorf("%s: %w", raceName, err)
	}
	if err := writeChecked(dir, s); err != nil {
		return nil, err
	}
	return s, nil
}

// openAlKamelSeason reads the season folder dir, or starts one scored by
// system (default wec-hypercar) where it is absent or empty; a system
// given replaces the folder's.
func openAlKamelSeason(dir, system string) (*points.Season, error) {
	s, err := LoadDir(dir)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist) || isMissingSeason(dir):
		s = &points.Season{Name: filepath.Base(filepath.Clean(dir))}
		if system == "" {
			system = "wec-hypercar"
		}
	default:
		return nil, err
	}
	if system != "" && (s.System == nil || !strings.EqualFold(system, s.System.ID)) {
		if s.System, err = points.Lookup(system); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// alkamelRound reads a round's class classification and marks its
// guests, privateers and pole car.
func alkamelRound(race, pole []byte, raceName, poleName string, opt AlKamelRound) ([]Car, error) {
	cars, err := AlKamelCars(raceName, race, opt.Class)
	if err != nil {
		return nil, err
	}
	numbers := map[string]int{}
	for i, c := range cars {
		numbers[c.Number] = i
	}
	mark := func(flag string, nums []string, set func(*Car)) error {
		for _, n := range nums {
			i, ok := numbers[n]
			if !ok {
				return fmt.Errorf("--%s %s: car %s is not in the %s class of %s", flag, n, n, classOr(opt.Class), raceName)
			}
			set(&cars[i])
		}
		return nil
	}
	if err := mark("guests", opt.Guests, func(c *Car) { c.Guest = true }); err != nil {
		return nil, err
	}
	if err := mark("privateers", opt.Privateers, func(c *Car) { c.Privateer = true }); err != nil {
		return nil, err
	}
	if pole != nil {
		car, err := AlKamelPole(poleName, pole, opt.Class)
		if err != nil {
			return nil, err
		}
		i, ok := numbers[car]
		if !ok {
			return nil, &SyntaxError{File: poleName, Msg: fmt.Sprintf("the pole car %s is not in the %s class of %s", car, classOr(opt.Class), raceName)}
		}
		cars[i].Pole = true
	}
	return cars, nil
}

// replaceRound puts round rd into the season with the cars' results in
// place of its old calendar line, results and crews.
func replaceRound(s *points.Season, rd points.Round, cars []Car) error {
	if rd.Number <= len(s.Rounds) {
		s.Rounds[rd.Number-1] = rd
	} else {
		s.Rounds = append(s.Rounds, rd)
	}
	s.Results = slices.DeleteFunc(s.Results, func(r points.Result) bool { return r.Round == rd.Number })
	s.Crews = slices.DeleteFunc(s.Crews, func(c points.Crew) bool { return c.Round == rd.Number })
	b := newSeasonBuilder(s)
	for _, d := range s.Drivers {
		b.drivers[d.ID] = d.Name
	}
	for _, t := range s.Teams {
		b.teams[t.ID] = t.Name
	}
	for _, m := range s.Makes {
		b.makes[m.ID] = m.Name
	}
	s.Drivers, s.Teams, s.Makes = nil, nil, nil
	for _, c := range cars {
		if err := b.add(rd.Number, c); err != nil {
			return err
		}
	}
	b.finish()
	sort.SliceStable(s.Crews, func(i, j int) bool { return s.Crews[i].Round < s.Crews[j].Round })
	sort.SliceStable(s.Results, func(i, j int) bool { return s.Results[i].Round < s.Results[j].Round })
	return nil
}

// writeChecked writes the season to dir once it has been written to a
// temporary folder and read back as champ will read it.
func writeChecked(dir string, s *points.Season) error {
	tmp, err := os.MkdirTemp("", "champ-alkamel-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := Write(tmp, s); err != nil {
		return err
	}
	if _, err := LoadDir(tmp); err != nil {
		return fmt.Errorf("the season would not read back: %w", err)
	}
	return Write(dir, s)
}

func classOr(c string) string {
	if c == "" {
		return "HYPERCAR"
	}
	return strings.ToUpper(c)
}

// isMissingSeason reports whether dir holds no season yet (absent or
// empty).
func isMissingSeason(dir string) bool {
	es, err := os.ReadDir(dir)
	return err != nil || len(es) == 0
}
