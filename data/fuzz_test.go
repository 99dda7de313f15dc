package data

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
)

// The readers never panic: any bytes give a season or an error.
func FuzzResults(f *testing.F) {
	f.Add([]byte(goodResults))
	f.Add([]byte("round,driver,position\n1,a,1\n1,b,DNF\n"))
	f.Add([]byte("\ufeffround,driver,position\r\n1,a,1\r\n"))
	f.Add([]byte("round,driver,position,car\n1,a,1,7\n1,b,1,7\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fsys := fstest.MapFS{"results.csv": {Data: b}}
		s, err := Load(fsys, ".", "f")
		if err == nil && s == nil {
			t.Fatal("nil season without error")
		}
	})
}

func FuzzCalendar(f *testing.F) {
	f.Add([]byte(goodCalendar), []byte(goodResults))
	f.Add([]byte("round,name,multiplier,distance,counts\n1,A,2,55%,driver\n"), []byte("round,driver,position\n1,a,1\n"))
	f.Add([]byte("round,name,qualifying\n1,Indy,indy500\n2,B,\n"),
		[]byte("round,session,driver,car,make,position,pole,led_lap,most_laps_led\n1,qualifying,a,1,honda,1,,,\n1,race,a,1,honda,2,,yes,\n1,race,b,2,chevy,DSQ,yes,,yes\n"))
	f.Fuzz(func(t *testing.T, cal, res []byte) {
		fsys := fstest.MapFS{"season.csv": {Data: []byte("name,system\nX,indycar-2024\n")}, "calendar.csv": {Data: cal}, "results.csv": {Data: res}}
		_, _ = Load(fsys, ".", "f")
		fsys = fstest.MapFS{"calendar.csv": {Data: cal}, "results.csv": {Data: res}}
		_, _ = Load(fsys, ".", "f")
	})
}

func FuzzSystem(f *testing.F) {
	f.Add([]byte("position,points,sprint\n1,10,3\n2,6,2\nfastest_lap,1,\n"))
	f.Add([]byte("position,points\n1,25\nbest_results,11\nteams,0\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ReadSystem("p.csv", b)
		if err == nil && len(s.Race) == 0 {
			t.Fatal("system without race points")
		}
	})
}

func FuzzSeasonFile(f *testing.F) {
	f.Add([]byte("name,system\nX,f1-2024\n"))
	f.Add([]byte("name,system\nX,points.csv\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fsys := fstest.MapFS{"season.csv": {Data: b}, "results.csv": {Data: []byte("round,driver,position\n1,a,1\n")}}
		_, _ = Load(fsys, ".", "f")
	})
}

func FuzzTeams(f *testing.F) {
	f.Add([]byte("team,formerly\nalphatauri,toro-rosso\nlotus-climax,lotus\nlotus-climax,lotus-brm\n"))
	f.Add([]byte("team,formerly\nred,red\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fsys := fstest.MapFS{"teams.csv": {Data: b}, "results.csv": {Data: []byte("round,driver,team,position\n1,a,red,1\n")}}
		s, err := Load(fsys, ".", "f")
		if err != nil {
			return
		}
		for team, was := range s.Formerly {
			if team == "" || len(was) == 0 || slices.Contains(was, team) || slices.Contains(was, "") {
				t.Fatalf("formerly %q: %q", team, was)
			}
		}
	})
}

func FuzzParseFix(f *testing.F) {
	f.Add("10:race:charles-leclerc=1,max-verstappen=DNF")
	f.Add("11:sprint:lando-norris=1+FL")
	f.Add("12:a>b,c=11-,d=4-6")
	f.Add("5:qualifying:a=1,b=+POLE+LED,c=DNF+MOST")
	f.Fuzz(func(t *testing.T, spec string) {
		fs, err := ParseFix(spec, "--fix 1")
		if err == nil && len(fs) == 0 {
			t.Fatal("no fixes without error")
		}
	})
}

func FuzzScenario(f *testing.F) {
	f.Add([]byte("round,session,driver,position,fastest_lap\n10,race,a,1,yes\n10,race,b,DNF,\n"))
	f.Add([]byte("round,driver,position\n3,a,4-6\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "s.csv")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _ = ReadScenario(p)
	})
}

func FuzzEntries(f *testing.F) {
	f.Add([]byte("round,driver,team,replaces,until,share,name\n12,oliver-bearman,haas,kevin-magnussen,12,0.9,Oliver Bearman\n"))
	f.Add([]byte("round,driver,team\n3,a,b\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "e.csv")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		_, _ = ReadEntries(p)
	})
}

func FuzzIndyCar(f *testing.F) {
	f.Add([]byte("round,race,date,race_name\n1,indianapolis-500,2024-05-26,Indy\n"),
		[]byte("round,race,driver,car,team,position,status,pole,most_laps_led,led_a_lap,start,engine,indy500_qual_points,penalty_points\n"+
			"1,indianapolis-500,A B,1,T,1,Running,0,1,1,2,Honda,11,0\n1,indianapolis-500,C D,2,U,2,DSQ,0,0,0,1,Chevrolet,12,-10\n"))
	f.Fuzz(func(t *testing.T, rounds, results []byte) {
		dir := t.TempDir()
		if os.WriteFile(filepath.Join(dir, "rounds.csv"), rounds, 0o644) != nil || os.WriteFile(filepath.Join(dir, "results.csv"), results, 0o644) != nil {
			t.Fatal("write")
		}
		_, _ = ReadIndyCar(dir)
	})
}
