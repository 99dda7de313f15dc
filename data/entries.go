package data

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

type entryRow struct {
	Round    string `csv:"round"`
	Until    string `csv:"until"`
	Driver   string `csv:"driver"`
	Name     string `csv:"name"`
	Team     string `csv:"team"`
	Replaces string `csv:"replaces"`
	Share    string `csv:"share"`
}

// ReadEntries reads driver changes for rounds still to run: one per line,
// with the columns round (the first round it applies to), driver and team
// required, and until (the last round; empty for the rest of the season),
// replaces (the driver who stands down), name (a newcomer's name) and share
// (his strength as a multiple of the team's; empty for the model's own)
// optional.
func ReadEntries(path string) ([]points.Entry, error) {
	b, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []entryRow
	t, err := readTable(path, b, &rows, []string{"round", "driver", "team"}, "entries (round,driver,team[,replaces,until,share,name])")
	if err != nil {
		return nil, err
	}
	var out []points.Entry
	for i, r := range rows {
		e := points.Entry{Source: fmt.Sprintf("%s:%d", path, t.line(i)), Name: strings.TrimSpace(r.Name),
			Replaces: strings.TrimSpace(r.Replaces)}
		if e.Round, err = parseRound(r.Round); err != nil {
			return nil, t.at(i, "round", "%v", err)
		}
		if u := strings.TrimSpace(r.Until); u != "" {
			if e.Until, err = parseRound(u); err != nil {
				return nil, t.at(i, "until", "until: %v", err)
			}
		}
		if e.Driver = strings.TrimSpace(r.Driver); e.Driver == "" {
			return nil, t.at(i, "driver", "driver is empty; give the driver's id, such as oliver-bearman")
		}
		if e.Team = strings.TrimSpace(r.Team); e.Team == "" {
			return nil, t.at(i, "team", "team is empty; give the team's id, such as haas")
		}
		if v := strings.TrimSpace(r.Share); v != "" {
			e.Share, err = strconv.ParseFloat(v, 64)
			if err != nil || !(e.Share > 0 && e.Share <= 100) { // NaN fails too
				return nil, t.at(i, "share", "share %q is not a number above 0 and at most 100 (1 is as fast as the team's drivers, 0.9 a tenth slower)", v)
			}
		}
		out = append(out, e)
	}
	return out, nil
}
