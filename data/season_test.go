package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/champ-dev/champ/points"
)

// writeSeason writes files (name -> content) into a new folder.
func writeSeason(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goodCalendar = `round,name,date,sprint,status
1,Bahrain,2025-03-02,no,completed
2,Jeddah,2025-03-09,yes,completed
3,Melbourne,2025-03-23,no,scheduled
`

const goodResults = `round,session,driver,name,team,position,fastest_lap
1,race,alice,Alice Able,red,1,yes
1,race,bob,Bob Baker,blue,2,
1,race,carol,Carol Cole,red,DNF,
2,sprint,bob,Bob Baker,blue,1,
2,race,alice,Alice Able,red,1,
2,race,bob,Bob Baker,blue,3,
`

func TestLoadSeasonFolder(t *testing.T) {
	dir := writeSeason(t, map[string]string{
		"season.csv":   "name,system\nSunday League,f1-2024\n",
		"calendar.csv": goodCalendar,
		"results.csv":  goodResults,
	})
	s, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "Sunday League" || s.System.ID != "f1-2024" || len(s.Rounds) != 3 || s.LastCompleted() != 2 || !s.Rounds[1].Sprint {
		t.Fatalf("season: %+v", s)
	}
	st := points.Drivers(s, 2)
	// alice 25+1 (fastest lap) + 25 = 51; bob 18 + 8 (sprint) + 15 = 41.
	if st[0].ID != "alice" || st[0].Points != 51 || st[1].Points != 41 {
		t.Errorf("standings: %+v", st[:2])
	}
	if s.DriverName("alice") != "Alice Able" {
		t.Errorf("name: %q", s.DriverName("alice"))
	}
}

func TestLoadBareResults(t *testing.T) {
	dir := writeSeason(t, map[string]string{"results.csv": "round,driver,position\n1,a,1\n1,b,2\n2,b,1\n2,a,DNF\n"})
	for _, p := range []string{dir, filepath.Join(dir, "results.csv")} {
		s, err := LoadDir(p)
		if err != nil {
			t.Fatal(err)
		}
		if s.System.ID != "f1-2026" || len(s.Rounds) != 2 || s.LastCompleted() != 2 {
			t.Errorf("%s: defaults: system %s, %d rounds", p, s.System.ID, len(s.Rounds))
		}
		st := points.Drivers(s, 2)
		if st[0].ID != "b" || st[0].Points != 43 {
			t.Errorf("%s: %+v", p, st)
		}
	}
}

func TestLoadBOMAndCRLF(t *testing.T) {
	bom := "\ufeff" + strings.ReplaceAll(goodResults, "\n", "\r\n")
	dir := writeSeason(t, map[string]string{"calendar.csv": "\ufeff" + strings.ReplaceAll(goodCalendar, "\n", "\r\n"), "results.csv": bom})
	s, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Results) != 6 || s.Rounds[0].Name != "Bahrain" {
		t.Errorf("BOM/CRLF season: %d results, round 1 %q", len(s.Results), s.Rounds[0].Name)
	}
}

func TestCustomSystem(t *testing.T) {
	dir := writeSeason(t, map[string]string{
		"season.csv":  "name,system\nClub,points.csv\n",
		"points.csv":  "position,points,sprint\n1,10,3\n2,6,2\n3,4,1\nfastest_lap,1,\npole,2,\n",
		"results.csv": "round,session,driver,position,fastest_lap,pole\n1,race,a,1,yes,yes\n1,race,b,2,,\n1,sprint,b,1,,\n",
	})
	s, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := map[string]float64{}
	for _, st := range points.Drivers(s, 1) {
		p[st.ID] = st.Points
	}
	if p["a"] != 13 || p["b"] != 9 {
		t.Errorf("custom system: %v", p)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	src := writeSeason(t, map[string]string{"season.csv": "name,system\nL,f1-2024\n", "calendar.csv": goodCalendar, "results.csv": goodResults,
		"teams.csv": "team,formerly\nlotus-climax,lotus\nlotus-climax,lotus-brm\nalphatauri,toro-rosso\n"})
	s, err := LoadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy")
	if err := Write(dst, s); err != nil {
		t.Fatal(err)
	}
	back, err := LoadDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	if !sameSeason(s, back) {
		t.Error("season changed in a write and read")
	}
}

// Every malformed input gets one error naming file, line and column.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string // file:line:col: message prefix
	}{
		{"position not an integer", map[string]string{"results.csv": "round,driver,position\n1,a,1\n1,b,P3\n"},
			`results.csv:3:5: position "P3" is not an integer or a status (DNF, DNS, DSQ, NC, DNQ)`},
		{"unknown status", map[string]string{"results.csv": "round,driver,position\n1,a,RETD\n"},
			`results.csv:2:5: position "RETD" is not an integer or a status`},
		{"round not a number", map[string]string{"results.csv": "round,driver,position\none,a,1\n"},
			`results.csv:2:1: round "one" is not an integer`},
		{"duplicate position", map[string]string{"results.csv": "round,driver,position\n1,a,1\n1,b,2\n1,c,2\n"},
			`results.csv:4:5: position 2 in round 1 race is already taken by b (line 3)`},
		{"round not in calendar", map[string]string{"calendar.csv": "round,name\n1,A\n", "results.csv": "round,driver,position\n1,a,1\n2,a,1\n"},
			`results.csv:3:1: round 2 is not in calendar.csv (it has rounds 1 to 1)`},
		{"result for a scheduled round", map[string]string{"calendar.csv": "round,name,status\n1,A,scheduled\n", "results.csv": "round,driver,position\n1,a,1\n"},
			`results.csv:2:1: round 1 has results but calendar.csv marks it scheduled`},
		{"driver in two teams", map[string]string{"results.csv": "round,driver,team,position\n1,a,red,1\n1,a,blue,2\n"},
			`results.csv:3:5: a drives for blue here but for red on line 2`},
		{"driver twice", map[string]string{"results.csv": "round,driver,position\n1,a,1\n1,a,2\n"},
			`results.csv:3:3: a has two results in round 1 race (also line 2)`},
		{"empty file", map[string]string{"results.csv": ""},
			`results.csv: empty file; expected a header line`},
		{"missing header", map[string]string{"results.csv": "1,a,1\n2,a,1\n"},
			`results.csv:1: the first line looks like data, not a header`},
		{"missing column", map[string]string{"results.csv": "round,driver\n1,a\n"},
			`results.csv:1: missing column "position"`},
		{"bad session", map[string]string{"results.csv": "round,session,driver,position\n1,practice,a,1\n"},
			`results.csv:2:3: session "practice" is not race, sprint or qualifying`},
		{"bad flag", map[string]string{"results.csv": "round,driver,position,fastest_lap\n1,a,1,maybe\n"},
			`results.csv:2:7: fastest_lap: "maybe" is not yes or no`},
		{"unknown system", map[string]string{"season.csv": "name,system\nX,nascar\n", "results.csv": "round,driver,position\n1,a,1\n"},
			`season.csv:2:3: unknown points system "nascar"`},
		{"calendar out of order", map[string]string{"calendar.csv": "round,name\n1,A\n3,C\n"},
			`calendar.csv:3:1: round 3 is out of order`},
		{"calendar duplicate", map[string]string{"calendar.csv": "round,name\n1,A\n1,B\n"},
			`calendar.csv:3:1: round 1 is listed twice (also on line 2)`},
		{"bad multiplier", map[string]string{"calendar.csv": "round,name,multiplier\n1,A,double\n"},
			`calendar.csv:2:5: multiplier "double" is not a number from 0 to 10`},
		{"bad distance", map[string]string{"calendar.csv": "round,name,distance\n1,A,150%\n"},
			`calendar.csv:2:5: distance "150%" is not a share between 0 and 1`},
		{"bad status", map[string]string{"calendar.csv": "round,name,status\n1,A,cancelled\n"},
			`calendar.csv:2:5: status "cancelled" is not completed or scheduled`},
		{"bad quoting", map[string]string{"results.csv": "round,driver,position\n1,\"a,1\n"},
			`results.csv:2:8: extraneous or missing " in quoted-field`},
		{"custom system gap", map[string]string{"season.csv": "name,system\nX,p.csv\n", "p.csv": "position,points\n1,10\n3,5\n", "results.csv": "round,driver,position\n1,a,1\n"},
			`p.csv:3:1: position 3 is out of order`},
		{"no files", map[string]string{"notes.txt": "hello"},
			`no results.csv or calendar.csv`},
		{"qualifying in a system without", map[string]string{"results.csv": "round,session,driver,position\n1,race,a,1\n1,qualifying,a,1\n"},
			`results.csv:3:3: round 1 (Round 1) has a qualifying result, but points system f1-2026 scores no qualifying session`},
		{"qualifying without a table", map[string]string{"season.csv": "name,system\nX,indycar-2024\n", "calendar.csv": "round,name\n1,Long Beach\n",
			"results.csv": "round,session,driver,position\n1,race,a,1\n1,qualifying,a,1\n"},
			`results.csv:3:3: round 1 (Long Beach) has a qualifying result but no qualifying table: name one in calendar.csv's qualifying column (indycar-2024 has indy500)`},
		{"unknown qualifying table", map[string]string{"season.csv": "name,system\nX,indycar-2024\n", "calendar.csv": "round,name,qualifying\n1,Indianapolis,indy\n"},
			`calendar.csv:2:16: points system indycar-2024 has no qualifying table "indy"; its qualifying tables are indy500`},
		{"bonus on a qualifying row", map[string]string{"season.csv": "name,system\nX,indycar-2024\n", "calendar.csv": "round,name,qualifying\n1,Indianapolis,indy500\n",
			"results.csv": "round,session,driver,position,pole\n1,race,a,1,\n1,qualifying,a,1,yes\n"},
			`results.csv:3:18: pole on a qualifying row: flag bonuses on the driver's race row`},
		{"two poles", map[string]string{"season.csv": "name,system\nX,indycar-2024\n",
			"results.csv": "round,driver,car,position,pole\n1,a,1,1,yes\n1,b,2,2,yes\n"},
			`results.csv:3:9: a second pole in round 1 race (a on line 2); one car takes it`},
		{"two most laps led", map[string]string{"season.csv": "name,system\nX,indycar-2024\n",
			"results.csv": "round,driver,car,position,most_laps_led\n1,a,1,1,yes\n1,b,2,2,yes\n"},
			`results.csv:3:9: a second most laps led in round 1 race (a on line 2)`},
		{"a crew member in two cars", map[string]string{"season.csv": "name,system\nX,wec-hypercar-2024\n",
			"results.csv": "round,driver,car,make,position\n1,a,1,m,1\n1,b,1,m,1\n1,a,2,n,2\n"},
			`results.csv:4:5: a is in the crews of cars 1 (line 2) and 2 in round 1 race; under wec-hypercar-2024 a driver races one car per session`},
		{"privateer not yes or no", map[string]string{"results.csv": "round,driver,position,privateer\n1,a,1,maybe\n"},
			`results.csv:2:7: privateer:`},
		{"an exclusion after a round the calendar lacks", map[string]string{"results.csv": "round,driver,position\n1,a,1\n", "exclusions.csv": "championship,id,points,round\ndrivers,a,keep,4\n"},
			`exclusions.csv:2:16: round 4 is not in the calendar (it has rounds 1 to 1)`},
		{"two fastest laps with a top-10 rule", map[string]string{"season.csv": "name,system\nX,f1-2024\n",
			"results.csv": "round,driver,position,fastest_lap\n1,a,1,yes\n1,b,2,yes\n"},
			`results.csv:3:7: a second fastest lap in round 1 race`},
		{"a team formerly nothing", map[string]string{"results.csv": "round,driver,position\n1,a,1\n", "teams.csv": "team,formerly\nalphatauri,\n"},
			`teams.csv:2:12: formerly is empty: give the id alphatauri raced under the season before`},
		{"a team formerly itself", map[string]string{"results.csv": "round,driver,position\n1,a,1\n", "teams.csv": "team,formerly\nred,red\n"},
			`teams.csv:2:5: red formerly red: a team that kept its id needs no line`},
		{"a team's former id twice", map[string]string{"results.csv": "round,driver,position\n1,a,1\n", "teams.csv": "team,formerly\nrb,alphatauri\nrb,alphatauri\n"},
			`teams.csv:3:4: rb formerly alphatauri is given twice (also line 2)`},
		{"unknown championship", map[string]string{"results.csv": "round,driver,position\n1,a,1\n", "penalties.csv": "championship,id,round,points\nentrants,a,1,10\n"},
			`penalties.csv:2:1: championship "entrants" is not one of f1-2026's: drivers, teams`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeSeason(t, c.files)
			_, err := LoadDir(dir)
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			got := strings.TrimPrefix(err.Error(), dir+string(filepath.Separator))
			got = strings.ReplaceAll(got, dir+string(filepath.Separator), "")
			if !strings.HasPrefix(got, c.want) && !strings.Contains(got, c.want) {
				t.Errorf("error\n got: %s\nwant: %s", got, c.want)
			}
			var se *SyntaxError
			if strings.Contains(c.want, ".csv:") && !errors.As(err, &se) {
				t.Errorf("error is %T, want *SyntaxError", err)
			}
		})
	}
}

// season.csv's new_rules column marks a season of new technical
// regulations; the built-in F1 seasons carry F1's list.
func TestNewRules(t *testing.T) {
	for _, tc := range []struct {
		csv  string
		want bool
		err  string
	}{
		{"name,system\nX,f1-2024\n", false, ""},
		{"name,system,new_rules\nX,f1-2024,yes\n", true, ""},
		{"name,system,new_rules\nX,f1-2024,maybe\n", false, `season.csv:2:11: "maybe" is not yes or no`},
	} {
		fsys := fstest.MapFS{"season.csv": {Data: []byte(tc.csv)}, "results.csv": {Data: []byte("round,driver,position\n1,a,1\n")}}
		s, err := Load(fsys, ".", "x")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.csv, err, tc.err)
			}
			continue
		}
		if err != nil || s.NewRules != tc.want {
			t.Errorf("%q: NewRules %v (%v), want %v", tc.csv, s != nil && s.NewRules, err, tc.want)
		}
	}
	for _, y := range []int{2013, 2014, 2022} {
		s, err := Open(fmt.Sprintf("f1-%d", y))
		if err != nil {
			t.Fatal(err)
		}
		if s.NewRules != F1NewRules[y] {
			t.Errorf("f1-%d: NewRules %v, want %v", y, s.NewRules, F1NewRules[y])
		}
	}
	if p := Previous("f1-2022"); p == nil || p.Name != "Formula 1 2021" {
		t.Errorf("Previous(f1-2022) = %v, want Formula 1 2021", p)
	}
	if p := Previous("f1-1950"); p != nil {
		t.Errorf("Previous(f1-1950) = %v, want none", p.Name)
	}
}
