package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
)

func importCommand() *cli.Command {
	seasonFlag := &cli.StringSliceFlag{Name: "season", Aliases: []string{"s"}, Usage: "import only season `YEAR` (repeat or comma-separate for several; default: all)"}
	outFlag := &cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the season folders under `DIR` (required)"}
	return &cli.Command{
		Name:  "import",
		Usage: "convert published results into champ's season format",
		Description: `Importers write one season folder per season. With several seasons, each
goes to DIR/f1-YYYY; with one --season, DIR is the season folder itself.`,
		Action: func(c *cli.Context) error {
			var names []string
			for _, s := range c.Command.Subcommands {
				if s.Name != "help" {
					names = append(names, s.Name)
				}
			}
			if c.NArg() > 0 {
				return usagef("import: no importer %q; %suse %s", c.Args().First(), hintPrefix(c.Args().First(), names), strings.Join(names, ", "))
			}
			return usagef("import needs an importer: champ import %s ... (champ import --help)", strings.Join(names, "|"))
		},
		Subcommands: []*cli.Command{
			{
				Name:            "f1db",
				HideHelpCommand: true,
				Usage:           "import F1DB's YAML source tree (the src/data folder of an F1DB checkout)",
				UsageText:       "champ import f1db PATH/src/data --out DIR [--season YEAR]",
				Description: `Reads seasons/, drivers/, constructors/ and grands-prix/ of F1DB
(https://github.com/f1db/f1db, CC BY 4.0). This is how champ's built-in
seasons are made:

  champ import f1db PATH/f1db/src/data --out data/seasons

A team that raced the season before under other ids gets a line in
teams.csv for each (renamed or sold by F1DB's constructor chronology, as
toro-rosso before alphatauri; a constructor entered once per engine), so
the model carries its form through.`,
				Flags: []cli.Flag{seasonFlag, outFlag},
				Action: func(c *cli.Context) error {
					o, err := importOptionsOf(c, "the F1DB src/data folder")
					if err != nil {
						return err
					}
					return runImportF1DB(o, envOf(c))
				},
			},
			{
				Name:            "indycar",
				HideHelpCommand: true,
				Usage:           "import an IndyCar season from fact tables (results.csv, rounds.csv: one row per starter per race)",
				UsageText:       "champ import indycar PATH --out DIR",
				Description: `Reads a folder of IndyCar fact tables compiled from INDYCAR's official
classifications (the layout of shared/data/indycar/2024: results.csv with
round, driver, car, team, position, status, pole, led_a_lap, most_laps_led,
start, engine, indy500_qual_points and penalty_points; rounds.csv with
round, race, date and race_name) and writes one season folder scored by
the rules of its year. The built-in IndyCar 2024 is made with

  champ import indycar PATH/shared/data/indycar/2024 --out data/seasons/indycar-2024

Every starter is classified at his official position, a disqualification
is DSQ (a pole point stands), the Indianapolis 500's grid is its
qualifying order (scored 12..1 by the indy500 table), and points
deductions become penalties.csv.`,
				Flags:  []cli.Flag{outFlag},
				Action: func(c *cli.Context) error { return importFactTables(c, data.ReadIndyCar) },
			},
			alkamelCommand(outFlag),
			{
				Name:            "wec",
				HideHelpCommand: true,
				Usage:           "import a WEC Hypercar season from fact tables (results.csv, rounds.csv: one row per car per race)",
				UsageText:       "champ import wec PATH --out DIR",
				Description: `Reads a folder of WEC Hypercar fact tables compiled from the official FIA
WEC (Al Kamel Systems) classifications (the layout of shared/data/wec/2024:
results.csv with round, car, manufacturer, team, drivers (First LAST|...),
position (the class position), status, pole, entry (season or
lemans-only) and hwc (1: a privateer World Cup car); rounds.csv with
round, race, date, venue and scale (6h, 8h, 10h, 24h)) and writes one
season folder scored by the rules of its year. The built-in WEC 2024 is
made with

  champ import wec PATH/shared/data/wec/2024 --out data/seasons/wec-2024

Every member of a crew gets a result row of his car; Le Mans guests
(lemans-only) count as another class (they score for nobody and the cars
behind move up); World Cup cars are marked privateer (no manufacturers'
points); 8 and 10 hour races use the 8h table, Le Mans le-mans.`,
				Flags:  []cli.Flag{outFlag},
				Action: func(c *cli.Context) error { return importFactTables(c, data.ReadWEC) },
			},
			{
				Name:            "ergast",
				HideHelpCommand: true,
				Usage:           "import an Ergast-format CSV dump (races.csv, results.csv, sprint_results.csv, drivers.csv, constructors.csv)",
				UsageText:       "champ import ergast PATH --season YEAR --out DIR",
				Description: `Reads the Ergast database's CSV layout (as in the Ergast, Kaggle and
Jolpica dumps). Mind the dump's licence (Ergast's data are non-commercial).
Ergast has fastest-lap ranks only from 2004 and no shared-drive flags, so
seasons before 2004 score less exactly than the built-in ones from F1DB.`,
				Flags: []cli.Flag{seasonFlag, outFlag},
				Action: func(c *cli.Context) error {
					o, err := importOptionsOf(c, "the folder of the Ergast CSV files")
					if err != nil {
						return err
					}
					return runImportErgast(o, envOf(c))
				},
			},
		},
	}
}

// importOptions are the flags of the importers of a source folder (f1db,
// ergast, indycar, wec).
type importOptions struct {
	src, out string
	seasons  []string // --season values; nil: every season of the source
}

// importOptionsOf reads them: what names the source folder, the one
// argument.
func importOptionsOf(c *cli.Context, what string) (importOptions, error) {
	o := importOptions{src: c.Args().First(), out: c.String("out")}
	if o.out == "" {
		return o, usagef("%s: --out DIR is required: where to write the season folders", c.Command.FullName())
	}
	if c.NArg() != 1 {
		return o, usagef("%s: give %s as the one argument", c.Command.FullName(), what)
	}
	if c.IsSet("season") {
		o.seasons = c.StringSlice("season")
	}
	return o, nil
}

func runImportF1DB(o importOptions, e env) error {
	db, err := data.OpenF1DB(o.src)
	if err != nil {
		return err
	}
	all, err := db.Years()
	if err != nil {
		return err
	}
	return importSeasons(o, e, all, func(y int) (*points.Season, error) {
		s, _, err := db.Season(y)
		return s, err
	})
}

func runImportErgast(o importOptions, e env) error {
	db, err := data.OpenErgast(o.src)
	if err != nil {
		return err
	}
	return importSeasons(o, e, db.Years(), db.Season)
}

// importSeasons writes the seasons --season chooses of those the source
// has (all), each made by season.
func importSeasons(o importOptions, e env, all []int, season func(int) (*points.Season, error)) error {
	out := o.out
	years, err := yearsOf(o.seasons, all)
	if err != nil {
		return err
	}
	for _, y := range years {
		s, err := season(y)
		if err != nil {
			return err
		}
		dir := out
		if len(years) > 1 || o.seasons == nil {
			dir = filepath.Join(out, fmt.Sprintf("f1-%d", y))
		}
		if err := data.Write(dir, s); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "champ: wrote %d season(s) to %s\n", len(years), out)
	return nil
}

// yearsOf are the years --season's values name, each in all; nil
// values: all.
func yearsOf(values []string, all []int) ([]int, error) {
	if values == nil {
		return all, nil
	}
	have := map[int]bool{}
	for _, y := range all {
		have[y] = true
	}
	var years []int
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimPrefix(strings.TrimSpace(part), "f1-")
			y, err := strconv.Atoi(part)
			if err != nil {
				return nil, usagef("--season %q: give a year such as 2023", part)
			}
			if !have[y] {
				return nil, fmt.Errorf("season %d is not in the source (it has %d to %d)", y, all[0], all[len(all)-1])
			}
			years = append(years, y)
		}
	}
	return years, nil
}

func readFile(p string) ([]byte, error) {
	b, err := data.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file", p)
	}
	return b, err
}

// alkamelOptions are champ import alkamel's flags.
type alkamelOptions struct {
	race, pole, out string
	round           data.AlKamelRound
}

func alkamelCommand(outFlag cli.Flag) *cli.Command {
	return &cli.Command{
		Name:            "alkamel",
		HideHelpCommand: true,
		Usage:           "add a round to a season folder from Al Kamel timing files (WEC, ELMS, IMSA)",
		UsageText: `champ import alkamel RACE.csv --out DIR --round N --name NAME [--date YYYY-MM-DD] [--class HYPERCAR]
    [--table 8h|le-mans] [--pole HYPERPOLE.csv] [--guests 3,311] [--privateers 12,38] [--system wec-hypercar-2024]
champ import alkamel --out DIR --round N --name NAME --scheduled [--table ...]`,
		Description: `Adds round N to the season folder DIR, or replaces it, creating the folder
on first use (scored by --system, default wec-hypercar). RACE.csv is the
race classification as Al Kamel Systems publishes it (the last hour's
file of a race): one class's cars, class positions ranked by POSITION
within CLASS, STATUS Classified, Not classified (NC), Retired (DNF) or
Disqualified (DSQ), crews from DRIVER_1..n or DRIVERn_FIRSTNAME and
DRIVERn_SECONDNAME, makes from VEHICLE. Both layouts are read, separated by
; or ,, with or without a byte-order mark, CRLF and trailing separators.

--pole takes the class's qualifying (Hyperpole) file: its first car with a
position takes the pole. --guests names one-off entries (Le Mans): they
keep their place but score for nobody, and the season's cars behind them
move up. --privateers names privateer cars (no manufacturers' points; the
World Cup for Hypercar Teams); a file's Sort Key HWC marks them too.
--table 8h for 8 and 10 hour races, le-mans for Le Mans. --scheduled adds
a round still to run, with no files.

Every round's crew goes into the folder's crews.csv, so a season cut after
any round knows who drives the rounds left. Nothing is written unless the
whole round reads and the season reads back.

  champ import alkamel 01-qatar-race-hour-10.csv --out wec-2025 --round 1 --name Qatar \
      --date 2025-02-28 --table 8h --pole 01-qatar-hyperpole.csv --privateers 12,38,83,99
  champ import alkamel --out wec-2025 --round 8 --name Bahrain --table 8h --scheduled`,
		Flags: []cli.Flag{outFlag,
			&cli.IntFlag{Name: "round", Usage: "the round `N` to add or replace (required)"},
			&cli.StringFlag{Name: "name", Usage: "the round's `NAME` (Le Mans)"},
			&cli.StringFlag{Name: "date", Usage: "the race's `DATE`, YYYY-MM-DD"},
			&cli.StringFlag{Name: "class", Value: "HYPERCAR", Usage: "the `CLASS` to score"},
			&cli.StringFlag{Name: "table", Usage: "the calendar `TABLE`: 8h (8 and 10 hours) or le-mans; none for 6 hours"},
			&cli.StringFlag{Name: "pole", Usage: "the class's qualifying (Hyperpole) `FILE`"},
			&cli.StringSliceFlag{Name: "guests", Usage: "car `NUMBERS` that score for nobody (comma-separated)"},
			&cli.StringSliceFlag{Name: "privateers", Usage: "privateer car `NUMBERS` (comma-separated)"},
			&cli.StringFlag{Name: "system", Usage: "the points `SYSTEM` of a new season (default wec-hypercar)"},
			&cli.BoolFlag{Name: "scheduled", Usage: "add a round still to run (no files)"},
		},
		Action: func(c *cli.Context) error {
			o := alkamelOptions{out: c.String("out"), pole: c.String("pole"), round: data.AlKamelRound{
				Round: c.Int("round"), Name: c.String("name"), Date: c.String("date"), Class: c.String("class"), Table: c.String("table"),
				Guests: splitList(c.StringSlice("guests")), Privateers: splitList(c.StringSlice("privateers")), System: c.String("system"), Scheduled: c.Bool("scheduled")}}
			if o.out == "" {
				return usagef("import alkamel: --out DIR is required: the season folder to add the round to")
			}
			if !c.IsSet("round") {
				return usagef("import alkamel: --round N is required")
			}
			switch {
			case o.round.Scheduled && c.NArg() > 0:
				return usagef("import alkamel: --scheduled adds a round still to run; give no race file")
			case !o.round.Scheduled && c.NArg() != 1:
				return usagef("import alkamel: give the race classification file as the one argument (or --scheduled)")
			}
			o.race = c.Args().First()
			return runAlkamel(o, envOf(c))
		},
	}
}

func runAlkamel(o alkamelOptions, e env) error {
	var race, pole []byte
	var err error
	if o.race != "" {
		if race, err = os.ReadFile(o.race); err != nil {
			return err
		}
	}
	if o.pole != "" {
		if pole, err = os.ReadFile(o.pole); err != nil {
			return err
		}
	}
	s, err := data.ImportAlKamel(o.out, race, pole, o.race, o.pole, o.round)
	if err != nil {
		return err
	}
	what := "results"
	if o.round.Scheduled {
		what = "scheduled"
	}
	fmt.Fprintf(e.stderr, "champ: round %d (%s, %s) written to %s: %d rounds, system %s\n", o.round.Round, s.Round(o.round.Round).Name, what, o.out, len(s.Rounds), s.System.ID)
	return nil
}

// splitList splits comma-separated flag values into their items.
func splitList(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(x), "#")); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

// importFactTables writes the season a fact-table reader makes of the
// folder given as the argument to --out.
func importFactTables(c *cli.Context, read func(dir string) (*points.Season, error)) error {
	o, err := importOptionsOf(c, "the folder of the fact tables")
	if err != nil {
		return err
	}
	return runImportFacts(o, envOf(c), read)
}

func runImportFacts(o importOptions, e env, read func(dir string) (*points.Season, error)) error {
	s, err := read(o.src)
	if err != nil {
		return err
	}
	if err := data.Write(o.out, s); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "champ: wrote %s (%d rounds) to %s\n", s.Name, len(s.Rounds), o.out)
	return nil
}
