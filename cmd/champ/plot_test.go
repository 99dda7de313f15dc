package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Charts are written, non-empty, of the right format, and the same bytes
// for the same seed.
func TestPlots(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
	}{
		{"distribution.svg", []string{"project", "--sims", "5000"}},
		{"distribution.png", []string{"project", "--sims", "5000", "--constructors"}},
		{"timeline.png", []string{"timeline", "--after", "6", "--sims", "2000"}},
		{"timeline.svg", []string{"timeline", "--season", "f1-2021", "--sims", "1000"}},
		{"reliability.png", []string{"backtest", "--from", "2021", "--to", "2022", "--sims", "1000", "--compare", ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var files [2][]byte
			for i := range files {
				p := filepath.Join(dir, c.name)
				if _, errs, code := champ(t, append(c.args, "--plot", p)...); code != 0 {
					t.Fatalf("exit %d: %s", code, errs)
				}
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				files[i] = b
				os.Remove(p)
			}
			if len(files[0]) < 1000 {
				t.Fatalf("%s: %d bytes", c.name, len(files[0]))
			}
			magic := []byte("\x89PNG")
			if filepath.Ext(c.name) == ".svg" {
				magic = []byte("<?xml")
			}
			if !bytes.HasPrefix(files[0], magic) {
				t.Errorf("%s does not start with %q", c.name, magic)
			}
			if !bytes.Equal(files[0], files[1]) {
				t.Errorf("%s: two runs with the same seed drew different bytes", c.name)
			}
		})
	}
	if _, _, code := champ(t, "project", "--sims", "10", "--plot", filepath.Join(dir, "x.gif")); code != 2 {
		t.Errorf("a .gif plot: exit %d, want 2", code)
	}
}
