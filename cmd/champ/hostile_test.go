package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Input that is well-formed but extreme, or that contradicts itself, gets
// one line naming the file and the limit, exit 1 (2 for a flag), within
// seconds: never a panic, a hang or an allocation the size of a value.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	ok := "round,driver,position\n1,a,1\n1,b,2\n"
	league := func(name, calendar, points string) string {
		write(name+"/results.csv", ok)
		write(name+"/season.csv", "name,system\nL,points.csv\n")
		write(name+"/points.csv", points)
		write(name+"/calendar.csv", calendar)
		return filepath.Join(dir, name)
	}
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"huge position", []string{"standings", "--season", write("pos.csv", "round,driver,position\n1,a,999999999999\n")}, 1, "pos.csv:2:5: position 999999999999 is beyond the limit of 1000"},
		{"position past the limit", []string{"standings", "--season", write("pos2.csv", "round,driver,position\n1,a,100000000\n")}, 1, "position 100000000 is beyond the limit of 1000"},
		{"huge round", []string{"standings", "--season", write("round.csv", "round,driver,position\n2000000000,a,1\n")}, 1, "beyond the limit of 500 rounds"},
		{"huge multiplier", []string{"project", "--sims", "10", "--season", league("mult", "round,status,multiplier\n1,completed,\n2,scheduled,1e7\n", "position,points\n1,25\n")}, 1, `multiplier "1e7" is not a number from 0 to 10`},
		{"huge points", []string{"project", "--sims", "10", "--season", league("pts", "round,status\n1,completed\n2,scheduled\n", "position,points\n1,1e9\n")}, 1, `points "1e9" is not a number from 0 to 1000`},
		{"points too fine", []string{"project", "--sims", "10", "--season", league("fine", "round,status\n1,completed\n2,scheduled\n", "position,points\n1,25.0001\n")}, 1, "finer than 0.001"},
		{"huge penalty", []string{"standings", "--season", func() string {
			d := league("pen", "round,status\n1,completed\n", "position,points\n1,25\n")
			write("pen/penalties.csv", "championship,id,round,points\ndrivers,a,1,-1e19\n")
			return d
		}()}, 1, `points "-1e19" is not a number from -100000 to 100000`},
		{"penalty too fine", []string{"standings", "--season", func() string {
			d := league("penfine", "round,status\n1,completed\n", "position,points\n1,25\n")
			write("penfine/penalties.csv", "championship,id,round,points\ndrivers,a,1,5.0001\n")
			return d
		}()}, 1, `points "5.0001" is finer than 0.001`},
		{"half a best result", []string{"standings", "--season", league("best", "round,status\n1,completed\n", "position,points\n1,25\nbest_results,2.5\n")}, 1, `best_results "2.5" is not a whole number`},
		{"a device", []string{"standings", "--season", "/dev/zero"}, 1, "/dev/zero: not a regular file"},
		{"a fifo", []string{"standings", "--season", fifo}, 1, "not a regular file"},
		{"a device as scenario", []string{"project", "--sims", "10", "--scenario", "/dev/zero"}, 1, "/dev/zero: not a regular file"},
		{"a device as entries", []string{"project", "--sims", "10", "--entries", "/dev/zero"}, 1, "/dev/zero: not a regular file"},
		{"a missing points-system file", []string{"systems", "/dev/zero.csv"}, 1, "no such file"},
		{"a fifo as points system", []string{"project", "--sims", "10", "--season", func() string {
			d := league("fifosys", "round,status\n1,completed\n2,scheduled\n", "position,points\n1,25\n")
			os.Remove(filepath.Join(d, "points.csv"))
			if err := syscall.Mkfifo(filepath.Join(d, "points.csv"), 0o644); err != nil {
				t.Fatal(err)
			}
			return d
		}()}, 1, "not a regular file"},
		{"too many drivers", []string{"standings", "--season", func() string {
			var b strings.Builder
			b.WriteString("round,driver,position\n")
			for i := 0; i <= 1000; i++ {
				b.WriteString("1,d" + strconv.Itoa(i) + ",DNF\n")
			}
			return write("many.csv", b.String())
		}()}, 1, "more than 1000 drivers in round 1's race"},
		{"NaN share", []string{"project", "--sims", "10", "--entries", write("nan.csv", "round,driver,team,share\n17,oliver-bearman,haas,NaN\n")}, 1, `share "NaN" is not a number above 0`},
		{"huge uncertainty", []string{"project", "--sims", "10", "--uncertainty", "35"}, 2, "--uncertainty 35"},
		{"NaN precision", []string{"project", "--precision", "NaN"}, 2, "--precision NaN"},
		{"duplicate column", []string{"standings", "--season", write("dup.csv", "round,driver,position,driver\n1,a,1,b\n")}, 1, `dup.csv:1:23: column "driver" is named twice (columns 2 and 4)`},
		{"unknown column", []string{"standings", "--season", write("unk.csv", "round,driver,position,fastestlap\n1,a,1,yes\n")}, 1, `unknown column "fastestlap": did you mean fastest_lap?`},
		{"own column", []string{"standings", "--season", write("own.csv", "round,driver,position,x_note\n1,a,1,mine\n")}, 0, ""},
		{"extra fields", []string{"standings", "--season", write("extra.csv", "round,driver,position\n1,a,1,2\n")}, 1, "extra.csv:2:7: 4 fields, but the header names 3 columns"},
		{"misspelt entries column", []string{"project", "--sims", "10", "--entries", write("ent.csv", "round,driver,team,replace\n17,oliver-bearman,haas,kevin-magnussen\n")}, 1, `unknown column "replace": did you mean replaces?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, errs, code := champ(t, c.args...)
			if code != c.code || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, c.code, c.want)
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
				t.Errorf("stack trace: %s", errs)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// A round postponed while later ones ran is still to run: simulated,
// counted in what can be won, and fixable.
func TestPostponedRound(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"calendar.csv": "round,name,status\n1,One,completed\n2,Two,scheduled\n3,Three,completed\n",
		"results.csv":  "round,driver,position\n1,a,1\n1,b,2\n3,b,1\n3,a,2\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := champ(t, "project", "--season", dir, "--sims", "2000", "--fix", "2:race:a=1", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// a: 25+18 = 43, plus the fixed win at round 2: 68 and the title.
	if !strings.Contains(out, "\na,a,,,43,1.000000,") {
		t.Errorf("the postponed round was not run with its fix:\n%s", out)
	}
	out, _, _ = champ(t, "clinch", "--season", dir, "--format", "csv")
	if !strings.Contains(out, "1,a,a,43,43,68,true,") { // a win's 25 still to come
		t.Errorf("the postponed round is not in what can be won:\n%s", out)
	}
}

// A round left scheduled between completed ones is still to run in every
// command: the timeline projects after the completed rounds around it,
// clinch and project count it among the rounds left.
func TestScheduledGap(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("season.csv", "name,system\nGap,f1-2003\n")
	write("calendar.csv", "round,name,status\n1,One,completed\n2,Two,scheduled\n3,Three,completed\n4,Four,scheduled\n")
	write("results.csv", "round,driver,position\n1,a,1\n1,b,2\n1,c,3\n3,b,1\n3,a,2\n3,c,3\n")
	out, errs, code := champ(t, "timeline", "--season", dir, "--sims", "500", "--format", "csv")
	if code != 0 {
		t.Fatalf("timeline: exit %d: %s", code, errs)
	}
	var rounds []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		if r, _, _ := strings.Cut(line, ","); !slices.Contains(rounds, r) {
			rounds = append(rounds, r)
		}
	}
	if !slices.Equal(rounds, []string{"1", "3"}) {
		t.Errorf("timeline projects after rounds %v, want 1 and 3:\n%s", rounds, out)
	}
	out, errs, code = champ(t, "project", "--season", dir, "--sims", "500")
	if code != 0 || !strings.Contains(out, "Left: 2 races") {
		t.Errorf("project: exit %d, %s\n%s", code, errs, out)
	}
	out, errs, code = champ(t, "clinch", "--season", dir)
	if code != 0 || !strings.Contains(out, "Next round: a clinches in Two") {
		t.Errorf("clinch: the next round is Two: exit %d, %s\n%s", code, errs, out)
	}
}
