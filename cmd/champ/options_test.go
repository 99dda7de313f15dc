package main

import (
	"bytes"
	"testing"

	"github.com/champ-dev/champ/sim"
)

// A command's run function, called with its options, writes what the
// command line writes: the flags only fill the options.
func TestRunFunctionsMatchCLI(t *testing.T) {
	league := seasonOptions{spec: "testdata/league", after: -1}
	table := outputOptions{format: formatTable}
	cfg := sim.Config{Model: sim.ModelPlackettLuce, Sims: 2000, Seed: sim.DefaultSeed, Workers: 1}
	for _, c := range []struct {
		name string
		args []string
		run  func(env) error
	}{
		{"standings", []string{"standings", "--season", "testdata/league"},
			func(e env) error { return runStandings(tableOptions{season: league, output: table}, e) }},
		{"clinch csv", []string{"clinch", "--season", "testdata/league", "--format", "csv"},
			func(e env) error {
				return runClinch(tableOptions{season: league, output: outputOptions{format: formatCSV}}, e)
			}},
		{"rescore", []string{"rescore", "--season", "f1-2008", "--system", "f1-2010"},
			func(e env) error {
				return runRescore(rescoreOptions{system: "f1-2010", table: tableOptions{season: seasonOptions{spec: "f1-2008", after: -1}, output: table}}, e)
			}},
		{"project", []string{"project", "--season", "testdata/league", "--sims", "2000", "--workers", "1"},
			func(e env) error {
				return runProject(projectOptions{sim: simOptions{output: table, cfg: cfg, simsSet: true}, season: league, quantiles: []float64{0.05, 0.5, 0.95}}, e)
			}},
		{"seasons json", []string{"seasons", "--format", "json"},
			func(e env) error { return runSeasons(outputOptions{format: formatJSON}, e) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, _, code := champ(t, c.args...)
			if code != 0 {
				t.Fatalf("champ %v: exit %d", c.args, code)
			}
			var out, errs bytes.Buffer
			if err := c.run(env{stdout: &out, stderr: &errs}); err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Errorf("run function's output differs from champ %v:\n%s\nwant:\n%s", c.args, out.String(), want)
			}
		})
	}
}
