package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/champ-dev/champ/points"
)

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "alkamel", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Two rounds imported from the two Al Kamel layouts (; with DRIVER_n and a
// trailing separator; , with a byte-order mark, CRLF, DRIVERn_FIRSTNAME
// and SECONDNAME and a Sort Key HWC), a pole from a Hyperpole file whose
// first car has no time, a privateer by flag and by Sort Key, and a round
// still to run: the standings are the class's, re-ranked for the
// manufacturers.
func TestAlKamelImport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "wec-x")
	race1, race2, pole := fixture(t, "race-standard.csv"), fixture(t, "race-extended.csv"), fixture(t, "hyperpole.csv")
	steps := []struct {
		race []byte
		pole []byte
		opt  AlKamelRound
	}{
		{race1, pole, AlKamelRound{Round: 1, Name: "Qatar", Date: "2025-03-01", Privateers: []string{"12"}, System: "wec-hypercar-2024"}},
		{race2, nil, AlKamelRound{Round: 2, Name: "Imola"}},
		{nil, nil, AlKamelRound{Round: 3, Name: "Spa", Scheduled: true}},
	}
	for _, st := range steps {
		if _, err := ImportAlKamel(dir, st.race, st.pole, "race.csv", "hyperpole.csv", st.opt); err != nil {
			t.Fatal(err)
		}
	}
	s, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rounds) != 3 || s.Rounds[2].Completed || s.System.ID != "wec-hypercar-2024" {
		t.Fatalf("rounds %+v, system %s", s.Rounds, s.System.ID)
	}
	want := map[string]map[string]float64{
		"drivers":       {"mike-conway": 25, "kamui-kobayashi": 37, "nyck-de-vries": 37, "jose-maria-lopez": 12, "will-stevens": 36, "norman-nato": 18, "kevin-estre": 31, "antonio-fuoco": 37, "sebastien-buemi": 0},
		"manufacturers": {"toyota": 40, "porsche": 37, "ferrari": 40},
		"teams":         {"12": 50},
	}
	for champ, w := range want {
		got := map[string]float64{}
		for _, e := range points.Standings(s, champ, 2) {
			got[e.ID] = e.Points
		}
		for id, p := range w {
			if got[id] != p {
				t.Errorf("%s: %s %v, want %v (all: %v)", champ, id, got[id], p, got)
			}
		}
	}
	if _, ok := map[string]bool{}["augusto-farfus"]; ok || s.DriverName("augusto-farfus") != "augusto-farfus" {
		t.Errorf("a car of another class was imported")
	}
	// Replacing round 2 with round 1's file changes round 2 only.
	if _, err := ImportAlKamel(dir, race1, nil, "race.csv", "", AlKamelRound{Round: 2, Name: "Imola again"}); err != nil {
		t.Fatal(err)
	}
	s, _ = LoadDir(dir)
	if s.Rounds[1].Name != "Imola again" || len(s.Rounds) != 3 {
		t.Errorf("round 2 not replaced: %+v", s.Rounds)
	}
	for _, c := range s.Crews {
		if c.Round == 2 && c.Car == "7" && !strings.Contains(strings.Join(c.Drivers, ","), "mike-conway") {
			t.Errorf("round 2's crew of car 7 is %v, want round 1's file's", c.Drivers)
		}
	}
}

// Bad Al Kamel input gets one line naming the file, line and column (or
// the flag), and nothing is written.
func TestAlKamelBadInput(t *testing.T) {
	race1 := string(fixture(t, "race-standard.csv"))
	cases := []struct {
		name, race string
		opt        AlKamelRound
		want       string
	}{
		{"no CLASS column", strings.Replace(race1, "CLASS;", "KLASSE;", 1), AlKamelRound{Round: 1}, "race.csv:1:1: no CLASS column"},
		{"no POSITION column", strings.Replace(race1, "POSITION;", "PLACE;", 1), AlKamelRound{Round: 1}, "race.csv:1:1: no POSITION (or POS) column"},
		{"a class with no cars", race1, AlKamelRound{Round: 1, Class: "LMP2"}, "race.csv: no car in class LMP2; the file's classes are HYPERCAR, LMGT3"},
		{"a car in two classes", race1 + "7;7;X;A B;;;;Toyota;M;LMGT3;;;Classified;1;;;;;;;;\n", AlKamelRound{Round: 1}, "race.csv:9:23: car 7 is in class LMGT3 here but HYPERCAR on line 2"},
		{"a guest not in the race", race1, AlKamelRound{Round: 1, Guests: []string{"311"}}, "--guests 311: car 311 is not in the HYPERCAR class of race.csv"},
		{"a privateer not in the race", race1, AlKamelRound{Round: 1, Privateers: []string{"31"}}, "--privateers 31: car 31 is not in the HYPERCAR class of race.csv"},
		{"a driver in two cars", strings.Replace(race1, "Will STEVENS", "Mike CONWAY", 1), AlKamelRound{Round: 1}, "race.csv:3: Mike Conway is in the crews of car 7 (line 2) and car 12"},
		{"an unknown status", strings.Replace(race1, "Retired", "Parked", 1), AlKamelRound{Round: 1}, `status "Parked" is not Classified`},
		{"a round past the end", race1, AlKamelRound{Round: 3}, "--round 3: the season has rounds 1 to 0"},
		{"an unknown table", race1, AlKamelRound{Round: 1, Table: "12h"}, "--table 12h: points system wec-hypercar-2025 has no such table"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "s")
			_, err := ImportAlKamel(dir, []byte(c.race), nil, "race.csv", "", c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			if _, statErr := os.Stat(dir); statErr == nil {
				t.Errorf("%s was written", dir)
			}
		})
	}
}

func FuzzAlKamel(f *testing.F) {
	for _, n := range []string{"race-standard.csv", "race-extended.csv", "hyperpole.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "alkamel", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cars, err := AlKamelCars("race.csv", b, "")
		if err == nil {
			for _, c := range cars {
				if c.Number == "" || len(c.Crew) == 0 || c.Position < 0 {
					t.Fatalf("car %+v", c)
				}
			}
		}
		_, _ = AlKamelPole("pole.csv", b, "")
	})
}
