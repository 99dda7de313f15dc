package data

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/champ-dev/champ/points"
)

// Every built-in season loads, and its final table has a leader.
func TestEmbeddedSeasonsLoad(t *testing.T) {
	names := Embedded()
	f1 := 0
	for _, n := range names {
		if strings.HasPrefix(n, "f1-") {
			f1++
		}
	}
	if f1 != 2026-1950+1 || !slices.Contains(names, "indycar-2024") {
		t.Errorf("%d built-in F1 seasons (want %d) in %v, and IndyCar 2024", f1, 2026-1950+1, names)
	}
	for _, name := range names {
		s, err := Open(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		st := points.Drivers(s, s.LastCompleted())
		if len(st) == 0 || st[0].Points <= 0 {
			t.Errorf("%s: no leader after round %d", name, s.LastCompleted())
		}
	}
}

// The built-in seasons are what the importer makes of F1DB today: a change
// to the importer must be followed by regenerating them.
func TestEmbeddedSeasonsMatchImport(t *testing.T) {
	db, err := OpenF1DB(sharedData(t, "f1db"))
	if err != nil {
		t.Fatal(err)
	}
	years, err := db.Years()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, y := range years {
		imported, _, err := db.Season(y)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, imported); err != nil {
			t.Fatal(err)
		}
		fresh, err := LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		name := imported.System.ID
		embedded, err := Open(name)
		if err != nil {
			t.Fatal(err)
		}
		if !sameSeason(fresh, embedded) {
			t.Errorf("%s: the built-in season differs from a fresh import; run: go run ./cmd/champ import f1db PATH/f1db/src/data --out data/seasons", name)
		}
	}
}

func sameSeason(a, b *points.Season) bool {
	if a.Name != b.Name || a.System.ID != b.System.ID || len(a.Rounds) != len(b.Rounds) || len(a.Results) != len(b.Results) ||
		len(a.Exclusions) != len(b.Exclusions) || len(a.Penalties) != len(b.Penalties) || len(a.Drivers) != len(b.Drivers) || len(a.Teams) != len(b.Teams) {
		return false
	}
	for i := range a.Rounds {
		if a.Rounds[i] != b.Rounds[i] {
			return false
		}
	}
	for i := range a.Results {
		if a.Results[i] != b.Results[i] {
			return false
		}
	}
	for i := range a.Exclusions {
		if a.Exclusions[i] != b.Exclusions[i] {
			return false
		}
	}
	for i := range a.Penalties {
		if a.Penalties[i] != b.Penalties[i] {
			return false
		}
	}
	for i := range a.Drivers {
		if a.Drivers[i] != b.Drivers[i] {
			return false
		}
	}
	for i := range a.Teams {
		if a.Teams[i] != b.Teams[i] {
			return false
		}
	}
	return maps.EqualFunc(a.Formerly, b.Formerly, slices.Equal)
}

// Exclusions take effect after the round they were decided: before
// Jerez 1997 Schumacher leads by one and can still win; McLaren's 2007
// exclusion shows from the standings after Monza (round 13) on.
func TestNoHindsight(t *testing.T) {
	s, err := Open("f1-1997")
	if err != nil {
		t.Fatal(err)
	}
	cut, err := s.After(16)
	if err != nil {
		t.Fatal(err)
	}
	st := points.Drivers(cut, 16)
	if st[0].ID != "michael-schumacher" || st[0].Excluded || st[0].Points != st[1].Points+1 {
		t.Errorf("after round 16: %s on %v (excluded %v), %s on %v; want Schumacher one ahead", st[0].ID, st[0].Points, st[0].Excluded, st[1].ID, st[1].Points)
	}
	if !points.CanWin(cut, 16, st, "michael-schumacher", points.DriversChampionship) {
		t.Error("Schumacher cannot win after round 16")
	}
	if final := points.Drivers(s, 17); final[0].ID != "jacques-villeneuve" {
		t.Errorf("final table led by %s", final[0].ID)
	}
	m, err := Open("f1-2007")
	if err != nil {
		t.Fatal(err)
	}
	excluded := func(n int) bool {
		for _, e := range points.Teams(m, n) {
			if e.ID == "mclaren" {
				return e.Excluded
			}
		}
		return false
	}
	if excluded(12) || !excluded(13) || !excluded(17) {
		t.Errorf("McLaren excluded after rounds 12, 13, 17: %v %v %v; want false true true", excluded(12), excluded(13), excluded(17))
	}
}

// A team that raced the season before under other ids names them:
// renamed or sold teams by F1DB's chronology, constructors entered once
// per engine by their constructor.
func TestF1DBFormerly(t *testing.T) {
	db, err := OpenF1DB(sharedData(t, "f1db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		year      int
		team      string
		formerly  []string
		unchanged string // a team that kept its id: no line
	}{
		{2020, "alphatauri", []string{"toro-rosso"}, "mercedes"},
		{2021, "aston-martin", []string{"racing-point"}, "red-bull"},
		{2010, "mercedes", []string{"brawn"}, "ferrari"},
		{1961, "lotus-climax", []string{"lotus"}, "ferrari"},
		{1953, "maserati", []string{"maserati-maserati", "maserati-plate"}, "ferrari"},
		{2010, "sauber", []string{"bmw-sauber"}, "ferrari"}, // the chronology dates it 2011
		{1986, "benetton", []string{"toleman"}, "ferrari"},  // not Renault, after it in the chronology
		{2018, "force-india-2018-original", []string{"force-india"}, "force-india"},
	} {
		s, _, err := db.Season(c.year)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Formerly[c.team]; !slices.Equal(got, c.formerly) {
			t.Errorf("%d: %s formerly %q, want %q", c.year, c.team, got, c.formerly)
		}
		if got, ok := s.Formerly[c.unchanged]; ok {
			t.Errorf("%d: %s kept its id but is formerly %q", c.year, c.unchanged, got)
		}
	}
	// The built-in seasons carry the same.
	s, err := Open("f1-2020")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Formerly["alphatauri"]; !slices.Equal(got, []string{"toro-rosso"}) {
		t.Errorf("built-in f1-2020: alphatauri formerly %q, want toro-rosso", got)
	}
}

// A stray file among the races of the season before does not stop the
// import.
func TestF1DBFormerlyStrayFile(t *testing.T) {
	race := func(c string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("- position: 1\n  driverId: a\n  constructorId: " + c + "\n  engineManufacturerId: e\n")}
	}
	db := &F1DB{fsys: fstest.MapFS{
		"seasons/2000/races/01-x/race-results.yml": race("old"),
		"seasons/2000/races/01-x/race.yml":         {Data: []byte("round: 1\n")},
		"seasons/2001/races/01-x/race.yml":         {Data: []byte("round: 1\n")},
		"seasons/2000/races/.DS_Store":             {Data: []byte("junk")},
		"seasons/2001/races/01-x/race-results.yml": race("new"),
		"constructors/new.yml":                     {Data: []byte("id: new\nchronology:\n  - constructorId: old\n  - constructorId: new\n")},
	}, names: map[string]f1dbNamed{}, teams: map[int]f1dbTeams{}}
	got, err := db.formerly(2001, f1dbTeams{"new": {"e": true}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got["new"], []string{"old"}) {
		t.Errorf("formerly %v, want new formerly old", got)
	}
}
