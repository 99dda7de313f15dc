package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
)

func formatCommand() *cli.Command {
	return &cli.Command{
		Name:        "format",
		Usage:       "describe the season file format (calendar.csv, results.csv, season.csv)",
		UsageText:   "champ format",
		Description: data.Format,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "champ format prints the whole format"); err != nil {
				return err
			}
			_, err := fmt.Fprint(c.App.Writer, data.Format)
			return err
		},
	}
}
