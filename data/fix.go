package data

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// FixSyntax describes what ParseFix accepts, for help and errors.
const FixSyntax = `ROUND[:SESSION]:DRIVER=RESULT[,DRIVER=RESULT...], where SESSION is race
(the default), sprint or qualifying and RESULT is a position (1, P3), DNF,
a range (4-6, or 11- for 11th or lower), or DRIVER>DRIVER for "finishes
ahead of"; bonuses follow a result or stand alone: +FL (the fastest lap,
with a position), +POLE, +LED (led a lap), +MOST (led the most laps), as
in 1+POLE+MOST or =+POLE`

// ParseFix parses one --fix value, such as
// "10:race:charles-leclerc=1,max-verstappen=DNF"; source names it in
// errors ("--fix 2").
func ParseFix(spec, source string) ([]points.Fix, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s %q: %s; write %s", source, spec, fmt.Sprintf(format, args...), FixSyntax)
	}
	parts := strings.Split(spec, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return nil, fail("expected ROUND:SESSION:RESULTS")
	}
	round, err := strconv.Atoi(strings.TrimSpace(parts[0]))
	if err != nil || round < 1 {
		return nil, fail("round %q is not a round number", parts[0])
	}
	kind := points.Race
	if len(parts) == 3 {
		if kind, err = points.ParseSession(parts[1]); err != nil {
			return nil, fail("%v", err)
		}
	}
	var out []points.Fix
	for _, item := range strings.Split(parts[len(parts)-1], ",") {
		item = strings.TrimSpace(item)
		f := points.Fix{Round: round, Session: kind, Source: source}
		if a, b, ok := strings.Cut(item, ">"); ok {
			f.Kind, f.Driver, f.Other = points.FixAhead, strings.TrimSpace(a), strings.TrimSpace(b)
			if f.Driver == "" || f.Other == "" {
				return nil, fail("%q: name a driver on each side of >", item)
			}
			out = append(out, f)
			continue
		}
		d, v, ok := strings.Cut(item, "=")
		f.Driver = strings.TrimSpace(d)
		if !ok || f.Driver == "" {
			return nil, fail("%q is not DRIVER=RESULT", item)
		}
		if err := parseFixResult(&f, strings.TrimSpace(v)); err != nil {
			return nil, fail("%s: %v", f.Driver, err)
		}
		out = append(out, f)
	}
	return out, nil
}

// parseFixResult reads RESULT into f: a position, DNF, a range or
// nothing, each with bonuses appended (+FL, +POLE, +LED, +MOST).
func parseFixResult(f *points.Fix, v string) error {
	u := strings.ToUpper(strings.ReplaceAll(v, " ", ""))
	for {
		i := strings.LastIndex(u, "+")
		if i < 0 {
			break
		}
		switch u[i+1:] {
		case "FL":
			f.FastestLap = true
		case "POLE":
			f.Pole = true
		case "LED":
			f.LedLap = true
		case "MOST":
			f.MostLapsLed = true
		default:
			return fmt.Errorf("%q: %q is not a bonus (+FL, +POLE, +LED, +MOST)", v, u[i:])
		}
		u = u[:i]
	}
	if u == "" {
		if !f.Pole && !f.LedLap && !f.MostLapsLed && !f.FastestLap {
			return fmt.Errorf("result is empty; give a position, DNF, a range or a bonus")
		}
		if f.FastestLap {
			return fmt.Errorf("%q: the fastest lap goes with a finishing position (1+FL)", v)
		}
		f.Kind = points.FixBonus
		return nil
	}
	u = strings.TrimPrefix(u, "P")
	if n, err := strconv.Atoi(u); err == nil {
		if n < 1 {
			return fmt.Errorf("position %d: positions start at 1", n)
		}
		f.Kind, f.Position = points.FixPosition, n
		return nil
	}
	if f.FastestLap {
		return fmt.Errorf("%q: the fastest lap goes with a finishing position (1+FL)", v)
	}
	if _, ok := points.ParseStatus(u); ok {
		f.Kind = points.FixDNF
		return nil
	}
	if a, b, ok := strings.Cut(u, "-"); ok {
		from, err1 := strconv.Atoi(a)
		to, err2 := 0, error(nil)
		if b != "" {
			to, err2 = strconv.Atoi(b)
		}
		if err1 == nil && err2 == nil && from >= 1 && (to == 0 || to >= from) {
			f.Kind, f.From, f.To = points.FixRange, from, to
			return nil
		}
	}
	return fmt.Errorf("result %q is not a position, DNF or a range", v)
}

// scenarioRow is a line of a scenario file: the results format, of which
// round, session, driver, position and the bonus columns are read.
type scenarioRow struct {
	Round       string `csv:"round"`
	Session     string `csv:"session"`
	Driver      string `csv:"driver"`
	Position    string `csv:"position"`
	FastestLap  string `csv:"fastest_lap"`
	Pole        string `csv:"pole"`
	LedLap      string `csv:"led_lap"`
	MostLapsLed string `csv:"most_laps_led"`
}

// ReadScenario reads fixed results for sessions still to run from a file
// in the results format (results.csv's columns; round, driver and
// position are required). A status such as DNF fixes a retirement; yes
// in fastest_lap, pole, led_lap or most_laps_led fixes the bonus, and an
// empty position with a bonus fixes the bonus alone.
func ReadScenario(path string) ([]points.Fix, error) {
	b, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []scenarioRow
	// A scenario may be a copy of results.csv's lines: its other columns
	// (name, team, ...) are allowed and ignored.
	t, err := readTableOf(path, b, &rows, []string{"round", "driver", "position"}, "a scenario (round,session,driver,position)", csvColumns(&[]resultRow{}))
	if err != nil {
		return nil, err
	}
	var out []points.Fix
	for i, r := range rows {
		f := points.Fix{Source: fmt.Sprintf("%s:%d", path, t.line(i))}
		if f.Round, err = parseRound(r.Round); err != nil {
			return nil, t.at(i, "round", "%v", err)
		}
		if f.Session, err = points.ParseSession(r.Session); err != nil {
			return nil, t.at(i, "session", "%v", err)
		}
		if f.Driver = strings.TrimSpace(r.Driver); f.Driver == "" {
			return nil, t.at(i, "driver", "driver is empty; give the driver's id, such as max-verstappen")
		}
		for _, b := range []struct {
			col, v string
			dst    *bool
		}{{"pole", r.Pole, &f.Pole}, {"led_lap", r.LedLap, &f.LedLap}, {"most_laps_led", r.MostLapsLed, &f.MostLapsLed}} {
			if *b.dst, err = parseBool(b.v); err != nil {
				return nil, t.at(i, b.col, "%s: %v", b.col, err)
			}
		}
		fl, err := parseBool(r.FastestLap)
		if err != nil {
			return nil, t.at(i, "fastest_lap", "fastest_lap: %v", err)
		}
		if pos := strings.TrimSpace(r.Position); pos != "" || !f.Pole && !f.LedLap && !f.MostLapsLed {
			if err := parseFixResult(&f, pos); err != nil {
				return nil, t.at(i, "position", "%v", err)
			}
		} else {
			f.Kind = points.FixBonus
		}
		if fl && f.Kind != points.FixPosition {
			return nil, t.at(i, "fastest_lap", "the fastest lap goes with a finishing position")
		}
		f.FastestLap = f.FastestLap || fl
		out = append(out, f)
	}
	return out, nil
}
