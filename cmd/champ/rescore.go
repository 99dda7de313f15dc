package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/points"
)

func rescoreCommand() *cli.Command {
	return &cli.Command{
		Name:      "rescore",
		Usage:     "a season's real results under another points system: table and champion",
		UsageText: "champ rescore [--season SEASON] [--after N] --system SYSTEM|FILE.csv [--constructors] [--format table|csv|json|html] [--out FILE]",
		Description: `Recomputes the standings from the season's real results under any points
system (an id from 'champ systems' or a custom system file) and says who
would have been champion, beside the official table.

Everything the other system scores is applied to the real results: its
race and sprint tables (a system without sprints scores them nothing), its
fastest-lap and other bonuses, dropped scores, shortened-race rules and
countback. A round multiplier such as 2014's double points belongs to the
season's own rules and is dropped under another system.

Examples:
  champ rescore --season f1-2024 --system f1-2003
  champ rescore --season f1-1988 --system f1-2010 --format csv
  champ rescore --season f1-2008 --system motogp
  champ rescore --season f1-2021 --system my-points.csv

CSV columns: position,driver,name,team,team_name,points,official_position,official_points,change
(team,name,points,... with --constructors).`,
		Flags: append(seasonFlags(),
			&cli.StringFlag{Name: "system", Usage: "the points `SYSTEM` to apply: an id (f1-2003, motogp, ...) or a system .csv file (required)"},
			championshipFlags()[0], championshipFlags()[1],
			formatFlag(), outFlag(),
		),
		Action: rescoreAction,
	}
}

// rescored is a season's standings under two systems.
type rescored struct {
	season, official *points.Season
	after            int
	champ            *points.Championship // the other system's
	teams            bool
	st, off          []points.Standing
	multipliers      bool // the season had round multipliers, dropped
}

// rescoreOptions are rescore's flags: the table's and --system.
type rescoreOptions struct {
	table  tableOptions
	system string // an id or a system file
}

func rescoreAction(c *cli.Context) error {
	o := rescoreOptions{system: c.String("system")}
	if o.system == "" {
		return usagef("rescore needs --system SYSTEM: an id from 'champ systems' (f1-2003, motogp, ...) or a system .csv file")
	}
	var err error
	if o.table, err = tableOptionsOf(c); err != nil {
		return err
	}
	return runRescore(o, envOf(c))
}

// runRescore writes the season's table under the other system beside the
// official one.
func runRescore(o rescoreOptions, e env) error {
	sys, err := lookupSystem(o.system)
	if err != nil {
		return usagef("--system %s: %v (run 'champ systems' for the list)", o.system, err)
	}
	r, err := o.table.request()
	if err != nil {
		return err
	}
	res, err := rescore(r.season, r.after, sys, r.champ.ID)
	if err != nil {
		return err
	}
	return o.table.output.report(e, res.report())
}

// rescore applies sys to the season's results up to round after, for the
// championship champ of both systems.
func rescore(s *points.Season, after int, sys *points.System, champ string) (*rescored, error) {
	rs, err := points.Rescore(s, sys, champ)
	if err != nil {
		return nil, err
	}
	ch := sys.Championship(champ)
	r := &rescored{season: rs.Season, official: s, after: after, champ: ch, teams: ch.Of != points.HolderDriver, multipliers: rs.Multipliers}
	r.st, r.off = points.Standings(rs.Season, champ, after), points.Standings(s, champ, after)
	return r, nil
}

func (r *rescored) officialOf(id string) *points.Standing {
	for i := range r.off {
		if r.off[i].ID == id {
			return &r.off[i]
		}
	}
	return nil
}

func (r *rescored) name(id string) string { return r.season.EntryName(r.champ, id) }

// report is the rescored table beside the official one.
func (r *rescored) report() *report {
	s := r.season
	key := r.champ.Entity()
	rep := &report{
		Title: fmt.Sprintf("%s: %s %s, rescored under %s (officially %s)", s.Name, r.champ.Title, describeRound(s, r.after), s.System.ID, r.official.System.ID),
		Meta: []field{{"season", s.ID}, {"season_name", s.Name}, {"after_round", r.after}, {"system", s.System.ID},
			{"official_system", r.official.System.ID}, {"championship", r.champ.ID}, {"leader", points.Leader(r.st)}, {"official_leader", points.Leader(r.off)}},
		Rows: "standings",
	}
	if r.multipliers {
		rep.Lead = []string{"The season's round multipliers (double points) are dropped under the other system."}
	}
	rep.Cols = []column{num("position", "Pos"), text(key, ""), text("name", "Driver")}
	if r.teams {
		rep.Cols[2].Head = title(key)
	} else {
		rep.Cols = append(rep.Cols, text("team", ""), text("team_name", "Team"))
	}
	rep.Cols = append(rep.Cols, num("points", "Points"), num("official_position", "Official pos"), num("official_points", "Official points"), num("change", "Change"))
	pos := func(st *points.Standing) cell {
		if st == nil {
			return cell{}
		}
		if st.Excluded {
			return cell{Text: position(st)}
		}
		return cell{Text: position(st), Value: st.Position}
	}
	driverTeams := s.DriverTeams(r.after)
	for i := range r.st {
		e := &r.st[i]
		row := []cell{pos(e), c(e.ID), c(r.name(e.ID))}
		if !r.teams {
			team := driverTeams[e.ID]
			row = append(row, c(team), c(s.TeamName(team)))
		}
		row = append(row, c(pts(e.Points)))
		if o := r.officialOf(e.ID); o != nil {
			var move cell
			if !e.Excluded && !o.Excluded && o.Position != e.Position {
				move = cell{Text: fmt.Sprintf("%+d", o.Position-e.Position), Value: o.Position - e.Position}
			}
			row = append(row, pos(o), c(pts(o.Points)), move)
		} else {
			row = append(row, cell{}, cell{}, cell{})
		}
		rep.Body = append(rep.Body, row)
	}
	now, was := points.Leader(r.st), points.Leader(r.off)
	lead := "Leader"
	if r.after == len(s.Rounds) {
		lead = "Champion"
	}
	switch {
	case now == "":
		rep.Notes = append(rep.Notes, fmt.Sprintf("%s under %s: none (level on points and countback).", lead, s.System.ID))
	case now == was:
		rep.Notes = append(rep.Notes, fmt.Sprintf("%s under %s: %s, as officially.", lead, s.System.ID, r.name(now)))
	default:
		rep.Notes = append(rep.Notes, fmt.Sprintf("%s under %s: %s (officially %s).", lead, s.System.ID, r.name(now), r.name(was)))
	}
	rep.Notes = append(rep.Notes, "Change: places gained (+) or lost (-) against the official table.")
	return rep
}
