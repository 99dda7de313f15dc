package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/champ-dev/champ/sim"
)

// readCSV parses CSV output into rows keyed by the first column named key.
func readCSV(t *testing.T, out, key string) map[string]map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("bad CSV (%v): %q", err, out)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	rows := map[string]map[string]string{}
	for _, r := range recs[1:] {
		m := map[string]string{}
		for h, i := range col {
			m[h] = r[i]
		}
		rows[r[col[key]]] = m
	}
	return rows
}

// Fixing every remaining result (the real ones, from a scenario file in
// the results format) gives the real champion probability 1 and every
// driver his real final points, as champ standings has them.
func TestFixEverythingGivesTheRealSeason(t *testing.T) {
	b, err := os.ReadFile("../../data/seasons/f1-2022/results.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	scenario := []string{lines[0]}
	for _, l := range lines[1:] {
		if r, _ := strconv.Atoi(strings.SplitN(l, ",", 2)[0]); r > 18 {
			scenario = append(scenario, l)
		}
	}
	path := filepath.Join(t.TempDir(), "rest-of-2022.csv")
	if err := os.WriteFile(path, []byte(strings.Join(scenario, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := champ(t, "project", "--season", "f1-2022", "--after", "18", "--sims", "5000", "--scenario", path, "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := readCSV(t, out, "driver")
	final, errs, code := champ(t, "standings", "--season", "f1-2022", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := readCSV(t, final, "driver")
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			continue // not in the field after round 18
		}
		if mean, _ := strconv.ParseFloat(g["mean_points"], 64); strconv.FormatFloat(mean, 'f', -1, 64) != w["points"] {
			t.Errorf("%s: fixed projection ends on %s points, the real season on %s", id, g["mean_points"], w["points"])
		}
		champion := "0.000000"
		if w["position"] == "1" {
			champion = "1.000000"
		}
		if g["title_prob"] != champion {
			t.Errorf("%s: title probability %s, want %s", id, g["title_prob"], champion)
		}
	}
}

// Rescoring 2024 under its own system gives the official table; under
// the 2003 points (10-8-6-5-4-3-2-1, races only, no fastest-lap point)
// it gives what counting the race results by hand gives.
func TestRescore(t *testing.T) {
	same, _, code := champ(t, "rescore", "--season", "f1-2024", "--system", "f1-2024", "--format", "csv")
	if code != 0 {
		t.Fatal("rescore failed")
	}
	for id, r := range readCSV(t, same, "driver") {
		if r["points"] != r["official_points"] || r["position"] != r["official_position"] {
			t.Errorf("%s: rescored %s (P%s), official %s (P%s)", id, r["points"], r["position"], r["official_points"], r["official_position"])
		}
	}
	b, err := os.ReadFile("../../data/seasons/f1-2024/results.csv")
	if err != nil {
		t.Fatal(err)
	}
	table := []int{10, 8, 6, 5, 4, 3, 2, 1}
	hand := map[string]int{}
	recs, _ := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		d := r[col["driver"]]
		hand[d] += 0
		if p, err := strconv.Atoi(r[col["position"]]); err == nil && r[col["session"]] == "race" && p <= len(table) {
			hand[d] += table[p-1]
		}
	}
	out, _, code := champ(t, "rescore", "--season", "f1-2024", "--system", "f1-2003", "--format", "csv")
	if code != 0 {
		t.Fatal("rescore failed")
	}
	got := readCSV(t, out, "driver")
	for id, pts := range hand {
		if got[id]["points"] != strconv.Itoa(pts) {
			t.Errorf("%s: %s points under 2003 rules, by hand %d", id, got[id]["points"], pts)
		}
	}
	if got["max-verstappen"]["position"] != "1" || hand["max-verstappen"] != 161 {
		t.Errorf("Verstappen: P%s with %d", got["max-verstappen"]["position"], hand["max-verstappen"])
	}
}

// Every hyperparameter of the model has its flag in optionFields, and
// each flag sets its own field.
func TestOptionFields(t *testing.T) {
	if n := reflect.TypeFor[sim.Options]().NumField(); n != len(optionFields) {
		t.Errorf("sim.Options has %d fields, optionFields %d", n, len(optionFields))
	}
	seen := map[*float64]string{}
	var o sim.Options
	for _, f := range optionFields {
		p := f.field(&o)
		if other, ok := seen[p]; ok {
			t.Errorf("--%s and --%s set the same field", f.name, other)
		}
		seen[p] = f.name
	}
}
