package main

import (
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
)

// Every command is an options struct, filled and checked from its flags by
// a function of the *cli.Context (the only code that reads flags), and a
// run function of the options and an env, which does the work: a command
// runs the same from the CLI and from a test, and a usage error is found
// before any file is read.

// env is where a command writes: the app's streams, not the process's.
type env struct {
	stdout, stderr io.Writer
}

func envOf(c *cli.Context) env { return env{stdout: c.App.Writer, stderr: c.App.ErrWriter} }

// terminal reports whether standard error is a terminal, for progress.
func (e env) terminal() bool {
	f, ok := e.stderr.(*os.File)
	return ok && isTerminal(f)
}

// seasonOptions are --season and --after.
type seasonOptions struct {
	spec  string // a built-in name, a folder or a results.csv; "": the default season
	after int    // the round to stand after; -1: every completed round
}

func seasonOptionsOf(c *cli.Context) (seasonOptions, error) {
	o := seasonOptions{spec: c.String("season"), after: -1}
	if c.IsSet("after") {
		o.after = c.Int("after")
		if o.after < 0 {
			return o, usagef("--after %d: give a round number, 1 or more (0 for before the first round)", o.after)
		}
	}
	return o, nil
}

// load opens the season, cut after the chosen round, and returns it with
// the round it stands after.
func (o seasonOptions) load() (*points.Season, int, error) {
	spec, after := o.spec, o.after
	if spec == "" {
		spec = data.DefaultSeason
		if after < 0 {
			after = data.DefaultAfter
		}
	}
	s, err := data.Open(spec)
	if err != nil {
		return nil, 0, err
	}
	if after < 0 {
		after = s.LastCompleted()
	}
	if after > len(s.Rounds) {
		return nil, 0, usagef("--after %d: %s has %d rounds", after, s.Name, len(s.Rounds))
	}
	if after > s.LastCompleted() {
		return nil, 0, usagef("--after %d: %s has results up to round %d only", after, s.Name, s.LastCompleted())
	}
	cut, err := s.After(after)
	if err != nil {
		return nil, 0, err
	}
	return cut, after, nil
}

// outputOptions are --format (or --out's extension) and --out, checked.
type outputOptions struct {
	format string // formatTable, formatCSV, ...
	out    string // "": standard output
}

// write sends what write produces to --out (through a temporary file
// renamed into place) or to standard output.
func (o outputOptions) write(e env, write func(io.Writer) error) error {
	if o.out != "" {
		if err := data.WriteFileAtomic(o.out, write); err != nil {
			return fmt.Errorf("writing %s: %w", o.out, err)
		}
		return nil
	}
	return write(e.stdout)
}

// report writes a report in the chosen format.
func (o outputOptions) report(e env, r *report) error {
	return o.write(e, func(w io.Writer) error { return r.render(w, o.format) })
}

// progressOn is --progress, or by default whether standard error is a
// terminal.
func progressOn(c *cli.Context) bool {
	if c.IsSet("progress") {
		return c.Bool("progress")
	}
	return envOf(c).terminal()
}

// tableOptions are the flags of the table commands (standings, clinch,
// rescore): the season, the championship and the output.
type tableOptions struct {
	season seasonOptions
	champ  champOptions
	output outputOptions
}

func tableOptionsOf(c *cli.Context) (o tableOptions, err error) {
	if err = noArgs(c, "name the season with --season"); err != nil {
		return
	}
	if o.output, err = outputOptionsOf(c); err != nil {
		return
	}
	o.champ = champOptionsOf(c)
	o.season, err = seasonOptionsOf(c)
	return
}

// run loads the request and writes the report build makes of it.
func (o tableOptions) run(e env, build func(*tableRequest) *report) error {
	r, err := o.request()
	if err != nil {
		return err
	}
	return o.output.report(e, build(r))
}

// request loads the season and its championship's standings.
func (o tableOptions) request() (*tableRequest, error) {
	s, after, err := o.season.load()
	if err != nil {
		return nil, err
	}
	ch, err := o.champ.of(s)
	if err != nil {
		return nil, err
	}
	return &tableRequest{season: s, after: after, champ: ch, st: points.Standings(s, ch.ID, after)}, nil
}
