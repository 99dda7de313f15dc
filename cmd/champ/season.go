package main

import (
	"fmt"

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

// loadSeason opens the season the flags name, cut after the chosen round.
// It returns the season and the round it stands after.
func loadSeason(c *cli.Context) (*points.Season, int, error) {
	spec := c.String("season")
	after := -1
	if c.IsSet("after") {
		after = c.Int("after")
		if after < 0 {
			return nil, 0, usagef("--after %d: give a round number, 1 or more (0 for before the first round)", after)
		}
	}
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

// describeRound names the round a season stands after, for headers.
func describeRound(s *points.Season, after int) string {
	if after == 0 {
		return fmt.Sprintf("before round 1 of %d", len(s.Rounds))
	}
	return fmt.Sprintf("after round %d of %d (%s)", after, len(s.Rounds), s.Round(after).Name)
}

// tableRequest is what the table commands (standings, clinch) start from:
// the output format, the season cut after its round, and the
// championship with its standings.
type tableRequest struct {
	format string
	season *points.Season
	after  int
	teams  bool
	champ  points.Championship
	st     []points.Standing
}

// noArgs is the usage error for a command that takes only flags; hint
// says which flag the user likely meant.
func noArgs(c *cli.Context, hint string) error {
	if c.NArg() > 0 {
		return usagef("%s takes no arguments (got %q); %s", c.Command.Name, c.Args().First(), hint)
	}
	return nil
}

func newTableRequest(c *cli.Context) (*tableRequest, error) {
	if err := noArgs(c, "name the season with --season"); err != nil {
		return nil, err
	}
	format, err := outputFormat(c)
	if err != nil {
		return nil, err
	}
	s, after, err := loadSeason(c)
	if err != nil {
		return nil, err
	}
	r := &tableRequest{format: format, season: s, after: after, teams: c.Bool("constructors"), champ: points.DriversChampionship}
	if !r.teams {
		r.st = points.Drivers(s, after)
		return r, nil
	}
	if !s.System.Teams.Enabled {
		return nil, fmt.Errorf("%s: the %s points system has no teams' championship", s.Name, s.System.ID)
	}
	r.champ, r.st = points.TeamsChampionship, points.Teams(s, after)
	return r, nil
}
