package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/sim"
)

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:  "bench",
		Usage: "measure simulation speed on this machine",
		Description: `Runs the standard workload, the projection of F1 2024 after round 9
(20 drivers, 15 races with the fastest-lap point, 4 sprints, retirements,
countback, full tallies), on one worker and on every core, and times the
model fit. Prints seasons per second and the machine, including whether
the engine runs its AVX-512 code or its scalar code (the results are the
same; CHAMP_NOVEC=1 forces the scalar code, for comparison).

CSV columns: workload,workers,seasons,seconds,seasons_per_sec

For comparisons between versions use the Go benchmarks in benchmarks/
with benchstat (see benchmarks/README.md).`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "sims", Aliases: []string{"n"}, Value: 200_000, Usage: "seasons per projection run"},
			formatFlag(),
		},
		Action: benchAction,
	}
}

type benchRow struct {
	Workload string  `csv:"workload"`
	Workers  int     `csv:"workers"`
	Seasons  int     `csv:"seasons"`
	Seconds  float64 `csv:"seconds"`
	Rate     float64 `csv:"seasons_per_sec"`
}

// benchOptions are bench's flags.
type benchOptions struct {
	format string
	sims   int
}

func benchAction(c *cli.Context) error {
	out, err := outputOptionsOf(c)
	if err != nil {
		return err
	}
	if out.format == formatHTML {
		return usagef("--format html: champ bench writes table, csv or json")
	}
	o := benchOptions{format: out.format, sims: c.Int("sims")}
	if o.sims < 1 {
		return usagef("--sims %d: give at least one season", o.sims)
	}
	return runBench(o, envOf(c))
}

// runBench times the default projection and the model's fit.
func runBench(o benchOptions, e env) error {
	sims, format := o.sims, o.format
	s, err := data.Open(data.DefaultSeason)
	if err != nil {
		return err
	}
	s, err = s.After(data.DefaultAfter)
	if err != nil {
		return err
	}
	var rows []benchRow
	workers := []int{1}
	if n := runtime.GOMAXPROCS(0); n > 1 {
		workers = append(workers, n)
	}
	for _, w := range workers {
		// Warm up, then time the best of three.
		best := time.Duration(1 << 62)
		for i := range 4 {
			start := time.Now()
			if _, err := sim.Project(s, data.DefaultAfter, sim.Config{Sims: sims, Seed: sim.DefaultSeed, Workers: w}); err != nil {
				return err
			}
			if d := time.Since(start); i > 0 && d < best {
				best = d
			}
		}
		rows = append(rows, benchRow{"project-f1-2024-r9", w, sims, best.Seconds(), float64(sims) / best.Seconds()})
	}
	fits := 0
	start := time.Now()
	for time.Since(start) < 500*time.Millisecond {
		sim.FitSeason(s, data.DefaultAfter, sim.DefaultOptions())
		fits++
	}
	el := time.Since(start)
	rows = append(rows, benchRow{"fit-f1-2024-r9", 1, fits, el.Seconds(), float64(fits) / el.Seconds()})

	w := e.stdout
	switch format {
	case formatCSV:
		return writeCSV(w, rows)
	case formatJSON:
		return writeJSON(w, map[string]any{"machine": machine(), "results": rows})
	}
	fmt.Fprintf(w, "Machine: %s\n\n", machine())
	t := newTable("Workload", ">Workers", ">Seasons", ">Seconds", ">Seasons/s")
	for _, r := range rows {
		t.add(r.Workload, strconv.Itoa(r.Workers), strconv.Itoa(r.Seasons), fmt.Sprintf("%.3f", r.Seconds), fmt.Sprintf("%.0f", r.Rate))
	}
	if err := t.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nThe fit row counts fits, not seasons.")
	return nil
}

// machine describes the CPU, GOMAXPROCS, Go version and the engine's code.
func machine() string {
	code := "scalar code"
	if v := sim.Vector(); v != "" {
		code = v + " code"
	}
	return fmt.Sprintf("%s, GOMAXPROCS=%d, %s %s/%s, %s", cpuModel(), runtime.GOMAXPROCS(0), runtime.Version(), runtime.GOOS, runtime.GOARCH, code)
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	return cpuModelFrom(f)
}

func cpuModelFrom(r io.Reader) string {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
