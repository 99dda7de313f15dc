package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
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
	if len(args) < 2 {
		app.Writer = stderr // the usage, as for any usage error
		_ = app.RunContext(ctx, []string{"champ", "--help"})
		return exitUsage
	}
	if n := len(args); args[n-1] == "--"+cli.BashCompletionFlag.Names()[0] {
		for _, v := range complete(app, args[1:n-1]) {
			fmt.Fprintln(stdout, v)
		}
		return exitOK
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
		fmt.Fprintf(stderr, "champ: %s\n", safeLines(err.Error()))
		fmt.Fprintf(stderr, "Run 'champ help' or 'champ COMMAND --help' for usage.\n")
		return exitUsage
	}
	fmt.Fprintf(stderr, "champ: %s\n", safeLines(err.Error()))
	return exitError
}

// safeLines is safeText line by line: a path or a --fix that holds an
// escape code is shown, not run, by the terminal the error goes to.
func safeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = safeText(l)
	}
	return strings.Join(lines, "\n")
}

func newApp(stdout, stderr io.Writer) *cli.App {
	onUsage := func(c *cli.Context, err error, isSubcommand bool) error {
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			return &usageError{unknownFlag(c, name)}
		}
		return &usageError{msg}
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
		Version:                   version(),
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
			completionCommand(),
		},
	}
	for _, c := range app.Commands {
		setUsageHandler(c, onUsage)
	}
	return app
}

// unknownFlag says that name is no flag of the command and names the
// nearest ones.
func unknownFlag(c *cli.Context, name string) string {
	flags := c.App.Flags
	where := "champ"
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		flags, where = c.Command.Flags, "champ "+c.Command.Name
	}
	var names []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) > 1 {
				names = append(names, n)
			}
		}
	}
	msg := fmt.Sprintf("%s has no flag --%s", where, strings.TrimLeft(name, "-"))
	if near := points.Nearest(strings.TrimLeft(name, "-"), names); len(near) > 0 {
		for i, n := range near {
			near[i] = "--" + n
		}
		return msg + "; did you mean " + strings.Join(near, " or ") + "?"
	}
	return msg + "; run '" + where + " --help' for its flags"
}

func setUsageHandler(c *cli.Command, h cli.OnUsageErrorFunc) {
	c.OnUsageError = h
	for _, s := range c.Subcommands {
		setUsageHandler(s, h)
	}
}

// hintPrefix is points.Suggest as the start of a message ("did you mean
// x? "), or "".
func hintPrefix(word string, ids []string) string {
	if h := points.Suggest(word, ids); h != "" {
		return h + " "
	}
	return ""
}

// version is the module's version and, in a build from a checkout, the
// commit it was built from.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+changes"
			}
		}
	}
	if rev != "" {
		v += " " + rev[:min(12, len(rev))] + dirty
	}
	return v + " " + runtime.Version()
}

// complete is what shell completion offers after the words typed: the
// values of the flag before, the flags that begin with a word being typed
// as a flag, or else the commands below the command path.
func complete(app *cli.App, words []string) []string {
	cmds, flags := app.Commands, app.Flags
	for _, w := range words {
		for _, c := range cmds {
			if c.HasName(w) {
				cmds, flags = c.Subcommands, c.Flags
				break
			}
		}
	}
	last := ""
	if len(words) > 0 {
		last = words[len(words)-1]
	}
	if v := completeValues(last); v != nil {
		return v
	}
	var out []string
	if strings.HasPrefix(last, "-") {
		for _, f := range flags {
			for _, n := range f.Names() {
				if len(n) > 1 && strings.HasPrefix("--"+n, last) {
					out = append(out, "--"+n)
				}
			}
		}
		return out
	}
	for _, c := range cmds {
		if !c.Hidden {
			out = append(out, c.Name)
		}
	}
	return out
}

// completeValues are the values shell completion offers after a flag:
// season ids after --season, the points systems after --system, and so
// on; nil for a flag it knows nothing of.
func completeValues(flag string) []string {
	switch strings.TrimLeft(flag, "-") {
	case "season", "s", "previous":
		return data.Embedded()
	case "system":
		return points.SystemIDs()
	case "model", "m", "compare":
		return sim.ModelNames
	case "format", "f":
		return []string{formatTable, formatCSV, formatJSON, formatHTML}
	}
	return nil
}

const bashCompletion = `# bash completion for champ: source <(champ completion bash)
_champ() {
	local cur="${COMP_WORDS[COMP_CWORD]}"
	local words=("${COMP_WORDS[@]:0:COMP_CWORD}")
	if [[ "$cur" == -* ]]; then words+=("$cur"); fi
	COMPREPLY=($(compgen -W "$("${words[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o default -F _champ champ
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script (bash): commands, flags, season ids, systems",
		UsageText: "source <(champ completion bash)    # in ~/.bashrc to keep it",
		Action: func(c *cli.Context) error {
			if sh := c.Args().First(); sh != "bash" {
				return usagef("completion: give the shell: champ completion bash (bash is the one supported)")
			}
			_, err := fmt.Fprint(c.App.Writer, bashCompletion)
			return err
		},
	}
}
