package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
)

func seasonFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "season", Aliases: []string{"s"}, Usage: "a built-in `SEASON` (f1-1950 ... f1-2026), a season folder or a results.csv", DefaultText: "f1-2024 after round 9"},
		&cli.IntFlag{Name: "after", Aliases: []string{"a"}, Usage: "use results up to round `N` only; later rounds count as still to run", DefaultText: "every completed round"},
	}
}

// previousFlag is --previous: the season whose form the model carries.
func previousFlag() cli.Flag {
	return &cli.StringFlag{Name: "previous", Usage: "the `SEASON` before, whose form the model carries (--carry) into this one: a built-in name or a season folder; \"none\" for none", DefaultText: "the built-in season before --season"}
}

// previousOf returns the season --previous names (prev), or else the
// built-in season before spec's (nil if there is none).
func previousOf(prev, spec string) (*points.Season, error) {
	if prev != "" {
		if strings.EqualFold(prev, "none") {
			return nil, nil
		}
		s, err := data.Open(prev)
		if err != nil {
			return nil, fmt.Errorf("--previous: %w", err)
		}
		return s, nil
	}
	if spec == "" {
		spec = data.DefaultSeason
	}
	return data.Previous(spec), nil
}

// describeRound names the round a season stands after, for headers.
func describeRound(s *points.Season, after int) string {
	if after == 0 {
		return fmt.Sprintf("before round 1 of %d", len(s.Rounds))
	}
	return fmt.Sprintf("after round %d of %d (%s)", after, len(s.Rounds), s.Round(after).Name)
}

// tableRequest is what the table commands (standings, clinch, rescore)
// start from: the season cut after its round, and the championship with
// its standings.
type tableRequest struct {
	season *points.Season
	after  int
	champ  *points.Championship
	st     []points.Standing
}

// championshipFlags are --championship and its Formula 1 name for the
// teams' championship, --constructors.
func championshipFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "championship", Usage: "the `NAME`d championship of the season's system (champ systems lists them: drivers, teams, entrants, ...)", DefaultText: "drivers"},
		&cli.BoolFlag{Name: "constructors", Aliases: []string{"teams", "c"}, Usage: "the teams' (constructors') championship: --championship teams"},
	}
}

// champOptions are --championship and --constructors.
type champOptions struct {
	name         string
	constructors bool
}

func champOptionsOf(c *cli.Context) champOptions {
	return champOptions{name: c.String("championship"), constructors: c.Bool("constructors")}
}

// of is the championship the options choose in the season's system:
// --championship NAME, --constructors for teams, or the drivers'.
func (o champOptions) of(s *points.Season) (*points.Championship, error) {
	sys := s.System
	name := o.name
	if o.constructors {
		if name != "" && !strings.EqualFold(name, points.TeamsChampionship) {
			return nil, usagef("--constructors is --championship teams; give one of them")
		}
		if !sys.HasTeams() {
			return nil, fmt.Errorf("%s: the %s points system has no teams' championship", s.Name, sys.ID)
		}
		return sys.Championship(points.TeamsChampionship), nil
	}
	if name == "" {
		return sys.Drivers(), nil
	}
	if ch := sys.Championship(name); ch != nil {
		return ch, nil
	}
	return nil, usagef("--championship %q: %s%s (points system %s) has the championships %s", name, hintPrefix(name, sys.ChampionshipIDs()), s.Name, sys.ID, strings.Join(sys.ChampionshipIDs(), ", "))
}

// noArgs is the usage error for a command that takes only flags; hint
// says which flag the user likely meant.
func noArgs(c *cli.Context, hint string) error {
	if c.NArg() > 0 {
		return usagef("%s takes no arguments (got %q); %s", c.Command.Name, c.Args().First(), hint)
	}
	return nil
}
