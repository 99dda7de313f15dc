package points

import (
	"fmt"
	"strconv"
)

// FixKind is the kind of condition a Fix puts on a session's result.
type FixKind uint8

const (
	FixPosition FixKind = iota // classified at Position
	FixDNF                     // not classified
	FixRange                   // classified at From..To (To 0: From or lower)
	FixAhead                   // classified ahead of Other, or Other not classified
)

// Fix is a condition on the result of a session still to run: the input
// of a what-if projection.
type Fix struct {
	Round      int
	Session    SessionKind
	Driver     string
	Kind       FixKind
	Position   int    // FixPosition
	From, To   int    // FixRange
	Other      string // FixAhead
	FastestLap bool   // the driver sets the fastest lap (FixPosition only)
	Source     string // where the fix was given, for errors: "--fix 1", "scenario.csv:4"
}

// String says what the fix requires, as the --fix syntax writes it.
func (f Fix) String() string {
	s := fmt.Sprintf("%d:%s:%s", f.Round, f.Session, f.Driver)
	switch f.Kind {
	case FixDNF:
		return s + "=DNF"
	case FixRange:
		if f.To == 0 {
			return s + "=" + strconv.Itoa(f.From) + "-"
		}
		return s + "=" + strconv.Itoa(f.From) + "-" + strconv.Itoa(f.To)
	case FixAhead:
		return s + ">" + f.Other
	}
	s += "=" + strconv.Itoa(f.Position)
	if f.FastestLap {
		s += "+FL"
	}
	return s
}

// CheckFixes reports the first fix that cannot apply to the season after
// round n: a round already run or not in the calendar, a sprint where the
// round has none, a driver the season does not know, two drivers fixed to
// one position or one driver fixed twice in a session, two fastest laps.
// The error starts with the fix's Source.
func CheckFixes(s *Season, n int, fixes []Fix) error {
	known := s.driverIDs()
	type key struct {
		round int
		kind  SessionKind
	}
	taken := map[key]map[int]string{}
	fixed := map[key]map[string]bool{}
	fl := map[key]string{}
	for _, f := range fixes {
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s: %s: %s", f.Source, f, fmt.Sprintf(format, args...))
		}
		rd := s.Round(f.Round)
		switch {
		case rd == nil:
			return fail("round %d is not in the calendar (rounds 1 to %d)", f.Round, len(s.Rounds))
		case f.Round <= n || rd.Completed:
			return fail("round %d (%s) has already been run; fix rounds after %d only", f.Round, rd.Name, n)
		case f.Session == Sprint && !rd.Sprint:
			return fail("round %d (%s) has no sprint", f.Round, rd.Name)
		}
		for _, id := range []string{f.Driver, f.Other} {
			if id != "" && !known[id] {
				return fail("no driver %q in %s; use a driver id as in its results, such as %s", id, s.Name, exampleDriver(s))
			}
		}
		k := key{f.Round, f.Session}
		if taken[k] == nil {
			taken[k], fixed[k] = map[int]string{}, map[string]bool{}
		}
		switch f.Kind {
		case FixPosition:
			if f.Position < 1 {
				return fail("position %d: positions start at 1", f.Position)
			}
			if other, ok := taken[k][f.Position]; ok {
				return fail("%s is already fixed to P%d in that session", other, f.Position)
			}
			taken[k][f.Position] = f.Driver
		case FixRange:
			if f.From < 1 || f.To != 0 && f.To < f.From {
				return fail("positions %d to %d are not a range", f.From, f.To)
			}
		case FixAhead:
			if f.Other == f.Driver {
				return fail("a driver cannot finish ahead of himself")
			}
		}
		if f.Kind != FixAhead {
			if fixed[k][f.Driver] {
				return fail("%s is fixed twice in that session", f.Driver)
			}
			fixed[k][f.Driver] = true
		}
		if f.FastestLap {
			if other, ok := fl[k]; ok {
				return fail("%s already sets the fastest lap in that session", other)
			}
			fl[k] = f.Driver
		}
	}
	return nil
}

func exampleDriver(s *Season) string {
	if len(s.Drivers) > 0 {
		return s.Drivers[0].ID
	}
	return "max-verstappen"
}
