package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// champ runs the command line and returns stdout, stderr and the status.
func champ(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"champ"}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/champ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update if the change is right)\n--- got\n%s\n--- want\n%s", p, got, want)
	}
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"standings-default.txt", []string{"standings"}},
		{"standings-2021-r21.txt", []string{"standings", "--season", "f1-2021", "--after", "21"}},
		{"standings-1988.txt", []string{"standings", "--season", "f1-1988"}},
		{"standings-1997.txt", []string{"standings", "--season", "f1-1997"}},
		{"standings-2024-constructors.csv", []string{"standings", "--season", "f1-2024", "--constructors", "--format", "csv"}},
		{"standings-2024-r9.csv", []string{"standings", "--format", "csv"}},
		{"standings-2024-r2.json", []string{"standings", "--after", "2", "--format", "json"}},
		{"standings-folder.txt", []string{"standings", "--season", "testdata/league"}},
		{"timeline-1962.txt", []string{"timeline", "--season", "f1-1962", "--sims", "500"}},
		{"project-league-swing.txt", []string{"project", "--season", "testdata/league", "--swing", "alice", "--sims", "2000"}},
		{"standings-folder.html", []string{"standings", "--season", "testdata/league", "--format", "html"}},
		{"project-league.html", []string{"project", "--season", "testdata/league", "--sims", "2000", "--positions", "--format", "html"}},
		{"clinch-folder.html", []string{"clinch", "--season", "testdata/league", "--format", "html"}},
		{"systems.txt", []string{"systems"}},
		{"systems-f1-2014.txt", []string{"systems", "f1-2014"}},
		{"systems-custom.txt", []string{"systems", "testdata/league/points.csv"}},
		{"systems-f1-2024.json", []string{"systems", "f1-2024", "--format", "json"}},
		{"seasons.csv", []string{"seasons", "--format", "csv"}},
		{"clinch-default.txt", []string{"clinch"}},
		{"clinch-2024-r21.txt", []string{"clinch", "--season", "f1-2024", "--after", "21"}},
		{"clinch-2021-r21.csv", []string{"clinch", "--season", "f1-2021", "--after", "21", "--format", "csv"}},
		{"clinch-2024-constructors.txt", []string{"clinch", "--constructors"}},
		{"clinch-2025-r23.json", []string{"clinch", "--season", "f1-2025", "--after", "23", "--format", "json"}},
		{"project-default.txt", []string{"project", "--sims", "20000"}},
		{"project-2024-constructors-positions.csv", []string{"project", "--sims", "20000", "--constructors", "--positions", "--format", "csv"}},
		{"project-2021-r21.json", []string{"project", "--season", "f1-2021", "--after", "21", "--sims", "20000", "--seed", "7", "--format", "json"}},
		{"project-league-uniform.txt", []string{"project", "--season", "testdata/league", "--model", "uniform", "--sims", "20000", "--positions"}},
		{"project-1988-r12.txt", []string{"project", "--season", "f1-1988", "--after", "12", "--sims", "20000"}},
		{"project-2023-complete.txt", []string{"project", "--season", "f1-2023", "--sims", "5000"}},
		{"backtest-2021-2023.txt", []string{"backtest", "--from", "2021", "--to", "2023", "--sims", "2000"}},
		{"backtest-2021-2023-uniform.csv", []string{"backtest", "--from", "2021", "--to", "2023", "--sims", "2000", "--model", "uniform", "--format", "csv"}},
		{"backtest-2021.json", []string{"backtest", "--from", "2021", "--to", "2021", "--sims", "2000", "--compare", "", "--format", "json"}},
		{"timeline-2021.txt", []string{"timeline", "--season", "f1-2021", "--sims", "5000"}},
		{"timeline-2024-r9.csv", []string{"timeline", "--after", "9", "--sims", "5000", "--format", "csv"}},
		{"project-2024-fixed.txt", []string{"project", "--sims", "20000", "--fix", "10:race:charles-leclerc=1,max-verstappen=DNF", "--fix", "11:sprint:lando-norris=1"}},
		{"project-2024-fixed.csv", []string{"project", "--sims", "20000", "--fix", "10:race:lando-norris>max-verstappen", "--format", "csv"}},
		{"project-2024-entries.txt", []string{"project", "--sims", "20000", "--entries", "testdata/entries-2024.csv"}},
		{"project-2024-entries.json", []string{"project", "--sims", "5000", "--entries", "testdata/entries-2024.csv", "--fix", "17:race:oliver-bearman=8", "--format", "json"}},
		{"project-2024-swing.txt", []string{"project", "--sims", "10000", "--swing", "max-verstappen"}},
		{"project-2024-swing.csv", []string{"project", "--sims", "5000", "--swing", "lando-norris", "--format", "csv"}},
		{"rescore-2024-2003.txt", []string{"rescore", "--season", "f1-2024", "--system", "f1-2003"}},
		{"rescore-1988-2010.csv", []string{"rescore", "--season", "f1-1988", "--system", "f1-2010", "--format", "csv"}},
		{"rescore-2014-constructors.json", []string{"rescore", "--season", "f1-2014", "--system", "f1-2003", "--constructors", "--format", "json"}},
		{"timeline-2008.json", []string{"timeline", "--season", "f1-2008", "--sims", "2000", "--format", "json"}},
		{"standings-indycar-2024-r5.txt", []string{"standings", "--season", "indycar-2024", "--after", "5"}},
		{"standings-indycar-2024-entrants.csv", []string{"standings", "--season", "indycar-2024", "--championship", "entrants", "--format", "csv"}},
		{"clinch-indycar-2024-r15.txt", []string{"clinch", "--season", "indycar-2024", "--after", "15"}},
		{"project-indycar-2024-r5.txt", []string{"project", "--season", "indycar-2024", "--after", "5", "--sims", "20000"}},
		{"project-indycar-2024-fixed.csv", []string{"project", "--season", "indycar-2024", "--after", "15", "--sims", "5000", "--fix", "16:race:pato-oward=1+POLE+MOST", "--format", "csv"}},
		{"systems-indycar-2024.txt", []string{"systems", "indycar-2024"}},
		{"standings-wec-2024-r4.txt", []string{"standings", "--season", "wec-2024", "--after", "4"}},
		{"standings-wec-2024-manufacturers.csv", []string{"standings", "--season", "wec-2024", "--championship", "manufacturers", "--format", "csv"}},
		{"clinch-wec-2024-r7.txt", []string{"clinch", "--season", "wec-2024", "--after", "7"}},
		{"project-wec-2024-r4.txt", []string{"project", "--season", "wec-2024", "--after", "4", "--sims", "20000"}},
		{"project-wec-2024-teams.json", []string{"project", "--season", "wec-2024", "--after", "4", "--sims", "5000", "--championship", "teams", "--format", "json"}},
		{"project-wec-2024-fixed.txt", []string{"project", "--season", "wec-2024", "--after", "4", "--sims", "5000", "--fix", "5:race:7=1+POLE"}},
		{"systems-wec-hypercar-2025.txt", []string{"systems", "wec-hypercar-2025"}},
		{"backtest-2021-grid.txt", []string{"backtest", "--season", "f1-2021", "--sims", "200", "--grid", "prior=1,2", "--grid", "drift=0.1,0.2"}},
		{"backtest-2021-grid.csv", []string{"backtest", "--season", "f1-2021", "--sims", "200", "--grid", "prior=1,2", "--format", "csv"}},
		{"project-2023-complete-default.txt", []string{"project", "--season", "f1-2023"}},
		{"backtest-indycar-wec.txt", []string{"backtest", "--season", "indycar-2024,wec-2024", "--sims", "1000", "--compare", ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := champ(t, c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, c.name, out)
		})
	}
}

// The oracles of the standings issue, checked on the CSV output.
func TestOracles(t *testing.T) {
	rows := func(args ...string) [][]string {
		out, errs, code := champ(t, append(args, "--format", "csv")...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var rs [][]string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			rs = append(rs, strings.Split(l, ","))
		}
		return rs
	}
	// position,driver,name,code,team,team_name,points,scored,wins,excluded
	r := rows("standings")
	for i, want := range [][2]string{{"max-verstappen", "194"}, {"charles-leclerc", "138"}, {"lando-norris", "131"}} {
		if r[i][1] != want[0] || r[i][6] != want[1] {
			t.Errorf("2024 after round 9, P%d: %s %s, want %s %s", i+1, r[i][1], r[i][6], want[0], want[1])
		}
	}
	r = rows("standings", "--season", "f1-2021", "--after", "21")
	if r[0][1] != "max-verstappen" || r[0][6] != "369.5" || r[1][1] != "lewis-hamilton" || r[1][6] != "369.5" || r[0][8] != "9" || r[1][8] != "8" {
		t.Errorf("2021 after round 21: %v / %v", r[0], r[1])
	}
	r = rows("standings", "--season", "f1-1988")
	if r[0][1] != "ayrton-senna" || r[0][6] != "90" || r[1][1] != "alain-prost" || r[1][6] != "87" || r[1][7] != "105" {
		t.Errorf("1988: %v / %v", r[0], r[1])
	}
	r = rows("standings", "--constructors")
	for i, want := range [][2]string{{"red-bull", "301"}, {"ferrari", "252"}, {"mclaren", "212"}} {
		if r[i][1] != want[0] || r[i][3] != want[1] {
			t.Errorf("2024 constructors after round 9, P%d: %v, want %v", i+1, r[i], want)
		}
	}
	r = rows("standings", "--season", "f1-2025")
	if r[0][1] != "lando-norris" || r[0][6] != "423" || r[1][6] != "421" {
		t.Errorf("2025 final: %v / %v", r[0], r[1])
	}
}

func TestExitStatus(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"unknown flag", []string{"standings", "--bogus"}, 2, "champ standings has no flag --bogus"},
		{"misspelt flag", []string{"project", "-sim", "3"}, 2, "champ project has no flag --sim; did you mean --sims?"},
		{"bad format", []string{"standings", "--format", "xml"}, 2, `--format "xml": use table, csv, json or html`},
		{"no html for bench", []string{"bench", "--format", "html"}, 2, "--format html: champ bench writes table, csv or json"},
		{"no command", []string{}, 2, "USAGE:"},
		{"import without importer", []string{"import"}, 2, "import needs an importer: champ import f1db|"},
		{"unknown importer", []string{"import", "f1dbb"}, 2, "did you mean f1db?"},
		{"rescore without system", []string{"rescore"}, 2, "rescore needs --system SYSTEM"},
		{"out in a missing folder", []string{"project", "--sims", "10", "--out", "no/such/dir/x.csv"}, 2, "--out no/such/dir/x.csv: no folder no/such/dir; create it first"},
		{"out a folder", []string{"standings", "--out", "testdata"}, 2, "--out testdata: not a regular file"},
		{"plot in a missing folder", []string{"timeline", "--sims", "10", "--plot", "no/such/dir/x.svg"}, 2, "--plot no/such/dir/x.svg: no folder"},
		{"forecasts in a missing folder", []string{"backtest", "--season", "f1-2024", "--forecasts", "no/such/dir/f.csv"}, 2, "--forecasts no/such/dir/f.csv: no folder"},
		{"misspelt season", []string{"standings", "--season", "f1-20244"}, 1, "did you mean f1-2024"},
		{"misspelt championship", []string{"standings", "--championship", "driver"}, 2, "did you mean drivers?"},
		{"misspelt model", []string{"project", "--model", "plackettluce"}, 2, "did you mean plackett-luce?"},
		{"after too far", []string{"standings", "--season", "f1-2024", "--after", "30"}, 2, "--after 30: Formula 1 2024 has 24 rounds"},
		{"after not run", []string{"standings", "--season", "f1-2026", "--after", "20"}, 2, "has results up to round 11 only"},
		{"stray argument", []string{"standings", "f1-2024"}, 2, "standings takes no arguments"},
		{"unknown command", []string{"stand"}, 2, `no command "stand"`},
		{"too many workers", []string{"project", "--workers", "100000", "--sims", "1"}, 2, "--workers 100000: give from 1 to 1024 workers"},
		{"grid of an unknown option", []string{"backtest", "--season", "f1-2024", "--grid", "pace=1,2"}, 2, `--grid "pace=1,2": give NAME=V,V with NAME one of half-life, prior`},
		{"grid of a bad value", []string{"backtest", "--season", "f1-2024", "--grid", "prior=1,x"}, 2, `--grid "prior=1,x": "x" is not a number`},
		{"grid out of range", []string{"backtest", "--season", "f1-2024", "--grid", "carry=0.5,2"}, 2, "--carry 2: give a number from 0 to 1"},
		{"unknown previous", []string{"project", "--previous", "f1-1900", "--sims", "10"}, 1, `--previous: season "f1-1900"`},
		{"unknown season", []string{"standings", "--season", "f1-1900"}, 1, `season "f1-1900": no such built-in season`},
		{"missing folder", []string{"standings", "--season", "no/such/folder"}, 1, "season no/such/folder"},
		{"bad results", []string{"standings", "--season", "testdata/bad"}, 1, `testdata/bad/results.csv:3:5: position "P3" is not an integer`},
		{"no teams", []string{"standings", "--season", "f1-1957", "--constructors"}, 1, "no teams' championship"},
		{"unknown system", []string{"systems", "nascar"}, 1, `unknown points system "nascar"`},
		{"import needs out", []string{"import", "f1db", "x"}, 2, "out"},
		{"fix a completed round", []string{"project", "--sims", "10", "--fix", "5:race:max-verstappen=1"}, 1, "round 5 (China) has already been run; fix rounds still to run only"},
		{"fix an unknown driver", []string{"project", "--sims", "10", "--fix", "10:race:max-verstapen=1"}, 1, `no driver "max-verstapen" in Formula 1 2024; did you mean max-verstappen?`},
		{"fix two to one place", []string{"project", "--sims", "10", "--fix", "10:race:max-verstappen=1,lando-norris=1"}, 1, "max-verstappen is already fixed to P1 in that session"},
		{"fixes in a circle", []string{"project", "--sims", "10", "--fix", "10:race:max-verstappen>lando-norris,lando-norris>max-verstappen"}, 1, "put drivers ahead of each other in a circle"},
		{"fix ahead of the winner", []string{"project", "--sims", "10", "--fix", "10:race:max-verstappen=1,lando-norris>max-verstappen"}, 1, "conflict: they leave max-verstappen no place"},
		{"three fixed into two places", []string{"project", "--sims", "10", "--fix", "10:race:max-verstappen=1-2,lando-norris=1-2,oscar-piastri=1-2"}, 1, "more drivers than places 1 to 2"},
		{"fix a missing sprint", []string{"project", "--sims", "10", "--fix", "10:sprint:max-verstappen=1"}, 1, "round 10 (Spain) has no sprint"},
		{"fix syntax", []string{"project", "--sims", "10", "--fix", "10:race:max-verstappen=first"}, 2, `result "first" is not a position`},
		{"entries: a round already run", []string{"project", "--sims", "10", "--entries", "testdata/bad-entries.csv"}, 1, `testdata/bad-entries.csv:2: from round 8, oliver-bearman races for haas in place of kevin-magnussen: round 8 has been run`},
		{"entries: a fix on a driver sitting out", []string{"project", "--sims", "10", "--entries", "testdata/entries-2024.csv", "--fix", "17:race:kevin-magnussen=1"}, 1, `kevin-magnussen does not race in round 17`},
		{"scenario file error", []string{"project", "--sims", "10", "--scenario", "testdata/bad-scenario.csv"}, 1, `testdata/bad-scenario.csv:3:22: result "P" is not a position`},
		{"quantile twice", []string{"project", "--sims", "10", "--quantiles", "5,50,5"}, 2, `--quantiles "5,50,5": 5 is given twice`},
		{"swing a team", []string{"project", "--sims", "10", "--constructors", "--swing", "max-verstappen"}, 2, "--swing is for a driver"},
		{"rescore unknown system", []string{"rescore", "--system", "f1-1900"}, 2, "--system f1-1900"},
		{"backtest backwards", []string{"backtest", "--from", "2020", "--to", "2010"}, 2, "--from 2020 is after --to 2010"},
		{"bad sharpness", []string{"backtest", "--sharpness", "11"}, 2, "--sharpness 11"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs, code := champ(t, c.args...)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, c.code, c.want)
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
				t.Errorf("stack trace on stderr: %s", errs)
			}
		})
	}
}

func TestOutFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "standings.csv")
	if _, errs, code := champ(t, "standings", "--format", "csv", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "position,driver,name") {
		t.Fatalf("--out file: %v %q", err, b)
	}
	// A failure leaves nothing behind.
	bad := filepath.Join(dir, "missing", "x.csv")
	if _, _, code := champ(t, "standings", "--out", bad); code != 2 {
		t.Errorf("writing into a missing folder: exit %d, want 2 (checked before the work)", code)
	}
	// The format follows the extension where --format is not given.
	for ext, prefix := range map[string]string{".json": "{\n  \"season\": \"f1-2024\"", ".html": "<!DOCTYPE html>", ".csv": "position,driver", ".txt": "Formula 1 2024"} {
		p := filepath.Join(dir, "s"+ext)
		if _, errs, code := champ(t, "standings", "--out", p); code != 0 {
			t.Fatalf("--out %s: exit %d: %s", p, code, errs)
		}
		if b, _ := os.ReadFile(p); !strings.HasPrefix(string(b), prefix) {
			t.Errorf("--out %s: got %.40q, want %q first", p, b, prefix)
		}
		os.Remove(p)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("left files behind: %v", ents)
	}
}

func TestVersion(t *testing.T) {
	out, _, code := champ(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "champ version ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestImportCommands(t *testing.T) {
	ref := os.Getenv("CHAMP_REFERENCE_DATA")
	if ref == "" {
		ref = filepath.Join("..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(ref, "f1db")); err != nil {
		t.Skipf("reference data %s not found; set CHAMP_REFERENCE_DATA to run the import tests", ref)
	}
	dir := t.TempDir()
	if _, errs, code := champ(t, "import", "f1db", filepath.Join(ref, "f1db"), "--season", "2024", "--out", filepath.Join(dir, "f1db-2024")); code != 0 {
		t.Fatalf("import f1db: exit %d: %s", code, errs)
	}
	if _, errs, code := champ(t, "import", "ergast", filepath.Join(ref, "ergast"), "--season", "2023", "--out", filepath.Join(dir, "2023")); code != 0 {
		t.Fatalf("import ergast: exit %d: %s", code, errs)
	}
	out, errs, code := champ(t, "standings", "--season", filepath.Join(dir, "f1db-2024"), "--after", "9", "--format", "csv")
	if code != 0 || !strings.Contains(out, "1,max-verstappen,Max Verstappen,VER,red-bull,Red Bull,194,") {
		t.Errorf("imported 2024: exit %d %s\n%s", code, errs, out)
	}
	out, _, code = champ(t, "standings", "--season", filepath.Join(dir, "2023"), "--format", "csv")
	if code != 0 || !strings.Contains(out, "1,max-verstappen,Max Verstappen,VER,red-bull,Red Bull,575,") {
		t.Errorf("imported 2023 from Ergast: exit %d\n%s", code, out)
	}
}

// The README shows the example league's files as they are.
func TestReadmeLeague(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"season.csv", "points.csv", "calendar.csv", "results.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "league", f))
		if err != nil {
			t.Fatal(err)
		}
		block := "    # " + f + "\n"
		for _, l := range strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n") {
			block += "    " + strings.TrimSuffix(l, "\n") + "\n"
		}
		if !strings.Contains(string(readme), block) {
			t.Errorf("README.md does not show testdata/league/%s as it is:\n%s", f, block)
		}
	}
}

// Names from a file cannot drive the terminal or a spreadsheet: control
// characters are escaped in tables, formulas in CSV are kept as text.
func TestHostileNames(t *testing.T) {
	dir := t.TempDir()
	results := "round,driver,name,team,team_name,position\n" +
		"1,alice,\"\x1b[2JAlice\",red,\"=HYPERLINK(\"\"x\"\")\",1\n" +
		"1,bob,Bob\u202eevil,blue,@SUM(A1),2\n"
	if err := os.WriteFile(filepath.Join(dir, "results.csv"), []byte(results), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := champ(t, "standings", "--season", filepath.Join(dir, "results.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.ContainsAny(out, "\x1b\u202e") || !strings.Contains(out, `\x1b[2JAlice`) || !strings.Contains(out, `Bob\u202eevil`) {
		t.Errorf("control characters reach the terminal:\n%q", out)
	}
	out, _, _ = champ(t, "standings", "--season", filepath.Join(dir, "results.csv"), "--format", "csv")
	if !strings.Contains(out, `"'=HYPERLINK(""x"")"`) || !strings.Contains(out, "'@SUM(A1)") {
		t.Errorf("formulas reach the spreadsheet:\n%s", out)
	}
	// Nor can a path or a flag's value, echoed in an error.
	if _, errs, _ := champ(t, "standings", "--season", "x\x1b[2Jy"); strings.Contains(errs, "\x1b") || !strings.Contains(errs, `x\x1b[2Jy`) {
		t.Errorf("an escape code reaches the terminal in the error: %q", errs)
	}
	// The page and the chart are well-formed, whatever the names hold.
	league := filepath.Join(dir, "league")
	if err := os.CopyFS(league, os.DirFS("testdata/league")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(league, "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), "Alice Able", "\"A\x00l\x1b[2Jice & <Able>\"", -1))
	if err := os.WriteFile(filepath.Join(league, "results.csv"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	svg := filepath.Join(dir, "chart.svg")
	page, errs, code := champ(t, "project", "--season", league, "--sims", "1000", "--plot", svg, "--format", "html")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	chart, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"chart.svg": string(chart), "the page": page} {
		if strings.ContainsAny(text, "\x00\x1b") {
			t.Errorf("%s holds raw control characters", name)
		}
	}
	if err := xml.NewDecoder(bytes.NewReader(chart)).Decode(new(struct{})); err != nil {
		t.Errorf("chart.svg is not well-formed XML: %v", err)
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{"-3": "-3", "-1.5": "-1.5", "=1+1": "'=1+1", "+x": "'+x", "@a": "'@a", "abc": "abc", "": "", "-x": "'-x"} {
		if got := safeCell(in); got != want {
			t.Errorf("safeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// readmeCommands are the commands of the README's command list, as
// argument lists, with the comment dropped.
func readmeCommands(t *testing.T) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, "## Commands\n")
	if i < 0 {
		t.Fatal("README.md has no ## Commands")
	}
	var out [][]string
	for _, line := range strings.Split(text[i:], "\n")[2:] {
		if !strings.HasPrefix(line, "    champ ") {
			break
		}
		line = strings.TrimPrefix(line, "    champ ")
		if j := strings.Index(line, " # "); j >= 0 {
			line = line[:j]
		}
		var args []string
		for _, f := range regexp.MustCompile(`"[^"]*"|\S+`).FindAllString(line, -1) {
			args = append(args, strings.TrimPrefix(strings.Trim(f, `"`), "cmd/champ/"))
		}
		out = append(out, args)
	}
	if len(out) < 20 {
		t.Fatalf("found %d commands in the README's list", len(out))
	}
	return out
}

// Every deterministic command of the README's list runs and gives its
// golden output (testdata/readme/); those that write files, import
// reference data, time the machine or take minutes (a backtest, a timeline,
// a swing: 13 projections of 250,000 seasons) are left out.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command of the README")
	}
	for _, args := range readmeCommands(t) {
		line := strings.Join(args, " ")
		if regexp.MustCompile(`--plot|--out|--precision|--sims 1000000|--swing|^import|^bench|^backtest|^timeline`).MatchString(line) {
			continue
		}
		name := strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(line), "-"), "-")
		t.Run(name, func(t *testing.T) {
			out, errs, code := champ(t, args...)
			if code != 0 {
				t.Fatalf("champ %s: exit %d: %s", line, code, errs)
			}
			golden(t, filepath.Join("readme", name+".txt"), "$ champ "+line+"\n"+out)
		})
	}
}

// Shell completion offers commands, flags and, after --season, the
// built-in seasons.
func TestCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--generate-bash-completion"}, "standings\n"},
		{[]string{"project", "--se", "--generate-bash-completion"}, "--season\n"},
		{[]string{"project", "--season", "--generate-bash-completion"}, "wec-2024\n"},
		{[]string{"rescore", "--system", "--generate-bash-completion"}, "motogp\n"},
		{[]string{"completion", "bash"}, "complete -o default -F _champ champ"},
	} {
		out, errs, code := champ(t, c.args...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("champ %v: exit %d, %q (stderr %q); want %q in it", c.args, code, out, errs, c.want)
		}
	}
}

// --forecasts writes every forecast with the keys of the other outputs.
func TestForecastsFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.csv")
	if _, errs, code := champ(t, "backtest", "--season", "f1-2021", "--sims", "500", "--compare", "", "--forecasts", p); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "season,after_round,driver,title_prob,champion\nf1-2021,1,") || !strings.Contains(string(b), ",true\n") {
		t.Errorf("forecasts file:\n%.300s", b)
	}
}
