package main

import (
	"strings"
	"testing"
)

// The same seed prints the same bytes whatever the number of workers.
func TestProjectWorkersIdentical(t *testing.T) {
	var first string
	for _, w := range []string{"1", "2", "8"} {
		out, errs, code := champ(t, "project", "--sims", "30000", "--workers", w, "--positions", "--format", "csv")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Errorf("--workers %s prints differently from --workers 1", w)
		}
	}
}

// The default run names Verstappen the favourite and states what is left.
func TestProjectDefault(t *testing.T) {
	out, errs, code := champ(t, "project")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Left: 15 races and 4 sprints, 422 points for a driver") {
		t.Errorf("header does not state what is left:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[5], "Max Verstappen") {
		t.Errorf("first line of the table is not Verstappen: %q", lines[5])
	}
	if !strings.Contains(out, "250000 seasons, seed 20240609") {
		t.Errorf("header lacks sims and seed:\n%s", out)
	}
	if !strings.Contains(errs, "250000 seasons in") {
		t.Errorf("no timing on stderr: %q", errs)
	}
}

func TestProjectUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"project", "--model", "magic"}, `--model "magic": use plackett-luce, empirical, uniform`},
		{[]string{"project", "--sims", "0"}, "--sims 0"},
		{[]string{"project", "--precision", "2"}, "--precision 2"},
		{[]string{"project", "--workers", "-1"}, "--workers -1"},
	} {
		_, errs, code := champ(t, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d %q, want exit 2 and %q", c.args, code, errs, c.want)
		}
	}
}

func TestBench(t *testing.T) {
	out, errs, code := champ(t, "bench", "--sims", "5000", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "workload,workers,seasons,seconds,seasons_per_sec" || len(lines) < 3 {
		t.Errorf("bench CSV:\n%s", out)
	}
	if got := cpuModelFrom(strings.NewReader("processor: 0\nmodel name\t: AMD EPYC 7B13\n")); got != "AMD EPYC 7B13" {
		t.Errorf("cpu model %q", got)
	}
}

func TestQuantileKey(t *testing.T) {
	for _, c := range []struct {
		pct  float64
		want string
	}{{5, "p5"}, {50, "p50"}, {55, "p55"}, {57.5, "p57.5"}, {2.5, "p2.5"}, {99.9, "p99.9"}, {0.001, "p0.001"}} {
		if got := quantileKey(c.pct / 100); got != c.want {
			t.Errorf("quantileKey(%v/100) = %q, want %q", c.pct, got, c.want)
		}
	}
}
