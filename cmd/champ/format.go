package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

const formatHelp = `champ's season format

A season is a folder of CSV files that a spreadsheet can write:

  season.csv    name,system            the season's name and points system
  calendar.csv  one line per round     round,name,date,sprint,status,multiplier,distance,table,counts
  results.csv   one line per driver    round,session,driver,name,code,team,team_name,car,position,
                per session            fastest_lap,pole,led_lap,most_laps_led,counts
  exclusions.csv (optional)            championship,id,points,reason

Only results.csv is needed, and of it only round,driver,position:

  round,driver,position
  1,alice,1
  1,bob,2
  1,carol,DNF

Defaults: session race; every round with results completed; system "f1"
(the current Formula 1 rules); no teams unless a team column is given.

calendar.csv
  round       1, 2, 3, ... in order
  name, date  e.g. Canada, 2024-06-09
  sprint      yes or no: the round has a sprint
  status      completed or scheduled (default: completed if it has results)
  multiplier  scales position points (2 for a double-points round, 0 for none); default 1
  distance    share of the race distance run when a race was stopped and not
              resumed (0.55 or 55%); the system decides half or tiered points
  table       an alternative race table of the system (WEC: 8h, le-mans)
  counts      both (default), driver or team: which championships the round counts for

results.csv
  session     race (default) or sprint
  driver      an id such as max-verstappen; name and code (VER) are for display
  team        a team id such as red-bull; team_name for display
  car         the car number; two drivers with the same position and car shared it
  position    1, 2, 3, ... or DNF, DNS, DSQ, NC, DNQ
  fastest_lap, pole, led_lap, most_laps_led   yes for the driver who earned the bonus
  counts      both (default), driver, team, none (cannot score, keeps the place) or
              other (another class: scores nothing, the cars behind move up)

season.csv
  system      a built-in system (champ systems) or a custom system file in the
              folder, e.g. points.csv

Errors name the file, line and column: results.csv:14:9: position "P3" is not
an integer or a status (DNF, DNS, DSQ, NC, DNQ).
`

func formatCommand() *cli.Command {
	return &cli.Command{
		Name:  "format",
		Usage: "describe the season file format (calendar.csv, results.csv, season.csv)",
		Action: func(c *cli.Context) error {
			_, err := fmt.Fprint(c.App.Writer, formatHelp)
			return err
		},
	}
}
