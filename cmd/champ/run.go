package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // bad input, failed work
	exitUsage = 2 // bad command line
)

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// run is champ: it parses args (args[0] is the program name), writes data
// to stdout and diagnostics to stderr, and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	notFound := false
	app.CommandNotFound = func(c *cli.Context, name string) {
		notFound = true
		fmt.Fprintf(stderr, "champ: no command %q; run 'champ help' for the list\n", name)
	}
	err := app.RunContext(ctx, interspersed(app, args))
	if notFound {
		return exitUsage
	}
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "champ: %v\n", err)
		fmt.Fprintf(stderr, "Run 'champ help' or 'champ COMMAND --help' for usage.\n")
		return exitUsage
	}
	fmt.Fprintf(stderr, "champ: %v\n", err)
	return exitError
}

func newApp(stdout, stderr io.Writer) *cli.App {
	onUsage := func(c *cli.Context, err error, isSubcommand bool) error {
		return &usageError{strings.TrimPrefix(err.Error(), "flag provided but not defined: ")}
	}
	app := &cli.App{
		Name:  "champ",
		Usage: "project motorsport championships",
		Description: `champ reads a season's results, applies the points rules of its series and
era and reports the standings of each of its championships (drivers, teams,
entrants, manufacturers); it ships every Formula 1 season from 1950 to 2026
and IndyCar 2024, and knows the rules of IndyCar, Formula E, MotoGP and WEC.
With no --season, commands answer for Formula 1 2024 after the Canadian GP
(round 9): Verstappen 194, Leclerc 138, Norris 131.

A season is a built-in name (f1-1950 ... f1-2026, indycar-2024, wec-2024), a season
folder (calendar.csv, results.csv, season.csv) or a bare results.csv; run
'champ help format' for the file format and 'champ systems' for the rules.`,
		Writer:                    stdout,
		ErrWriter:                 stderr,
		EnableBashCompletion:      true,
		DisableSliceFlagSeparator: true, // --fix values hold commas; import splits its own
		HideHelpCommand:           false,
		OnUsageError:              onUsage,
		ExitErrHandler:            func(*cli.Context, error) {},
		Commands: []*cli.Command{
			projectCommand(),
			standingsCommand(),
			clinchCommand(),
			backtestCommand(),
			timelineCommand(),
			rescoreCommand(),
			systemsCommand(),
			seasonsCommand(),
			importCommand(),
			benchCommand(),
			formatCommand(),
		},
	}
	for _, c := range app.Commands {
		setUsageHandler(c, onUsage)
	}
	return app
}

func setUsageHandler(c *cli.Command, h cli.OnUsageErrorFunc) {
	c.OnUsageError = h
	for _, s := range c.Subcommands {
		setUsageHandler(s, h)
	}
}
