package points

import (
	"fmt"
	"strconv"
)

// Entry is a change of who drives, for rounds still to run: from round
// Round (to Until, or to the end of the season when Until is 0) Driver
// races for Team, in place of Replaces when that is set. It describes a
// substitute (Until set), a driver moving team, or a new team-mate.
type Entry struct {
	Round    int
	Until    int
	Driver   string
	Name     string // a newcomer's name, for the tables; "" for the id
	Team     string
	Replaces string
	// Share, when above 0, is the driver's strength as a multiple of the
	// team's: 1 is as fast as the team's drivers on average. 0 leaves it
	// to the model (his own form, or the prior for a newcomer).
	Share  float64
	Source string // where the entry was given, for errors: "entries.csv:3"
}

// String says what the entry does.
func (e Entry) String() string {
	s := "from round " + strconv.Itoa(e.Round)
	if e.Until > 0 {
		s += " to " + strconv.Itoa(e.Until)
	}
	s += ", " + e.Driver + " races for " + e.Team
	if e.Replaces != "" {
		s += " in place of " + e.Replaces
	}
	return s
}

// Last is the entry's last round in a season of n rounds.
func (e Entry) Last(n int) int {
	if e.Until > 0 {
		return e.Until
	}
	return n
}

// Covers reports whether the entry applies to round r of a season of n
// rounds.
func (e Entry) Covers(r, n int) bool { return r >= e.Round && r <= e.Last(n) }

// CheckEntries reports the first entry that cannot apply to the season
// after round n: a round already run or not in the calendar, an end before
// the start, a team or a replaced driver the season does not know, a
// driver replacing himself, a negative share, or two entries for one
// driver, or for one replaced driver, in the same round. The error starts
// with the entry's Source.
func CheckEntries(s *Season, n int, entries []Entry) error {
	drivers, teams := s.driverIDs(), map[string]bool{}
	for _, t := range s.Teams {
		teams[t.ID] = true
	}
	for _, r := range s.Results {
		if r.Team != "" {
			teams[r.Team] = true
		}
	}
	rounds := len(s.Rounds)
	for i, e := range entries {
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s: %s: %s", e.Source, e, fmt.Sprintf(format, args...))
		}
		switch {
		case e.Driver == "":
			return fail("no driver")
		case s.Round(e.Round) == nil:
			return fail("round %d is not in the calendar (rounds 1 to %d)", e.Round, rounds)
		case e.Round <= n:
			return fail("round %d has been run; entries change rounds %d to %d", e.Round, n+1, rounds)
		case e.Until != 0 && (e.Until < e.Round || e.Until > rounds):
			return fail("the last round, %d, must be from %d to %d", e.Until, e.Round, rounds)
		case !teams[e.Team]:
			return fail("team %q is not in the season (%s); use a team id as `champ standings --teams` lists them", e.Team, similar(e.Team, teams))
		case !drivers[e.Driver] && e.Name == "":
			return fail("%s has not raced this season; if he is new, give his name in the name column (else check the id: %s)", e.Driver, similar(e.Driver, drivers))
		case e.Replaces != "" && !drivers[e.Replaces]:
			return fail("%s is not a driver of the season (check the id: %s)", e.Replaces, similar(e.Replaces, drivers))
		case e.Replaces == e.Driver:
			return fail("a driver cannot replace himself")
		case e.Share < 0:
			return fail("share %g is negative; 1 is as fast as the team's drivers", e.Share)
		}
		for _, o := range entries[:i] {
			overlap := e.Round <= o.Last(rounds) && o.Round <= e.Last(rounds)
			switch {
			case overlap && o.Driver == e.Driver:
				return fail("%s already has an entry for those rounds (%s: %s)", e.Driver, o.Source, o)
			case overlap && e.Replaces != "" && o.Replaces == e.Replaces:
				return fail("%s is already replaced in those rounds (%s: %s)", e.Replaces, o.Source, o)
			}
		}
	}
	return nil
}

// WithEntries returns a copy of the season that knows the entries'
// newcomers (their ids and names), so that tables and fixed results can
// name them; the results are shared, not copied.
func WithEntries(s *Season, entries []Entry) *Season {
	out := *s
	known := s.driverIDs()
	out.Drivers = append([]Driver(nil), s.Drivers...)
	for _, e := range entries {
		if known[e.Driver] {
			continue
		}
		known[e.Driver] = true
		name := e.Name
		if name == "" {
			name = e.Driver
		}
		out.Drivers = append(out.Drivers, Driver{ID: e.Driver, Name: name})
	}
	return &out
}

// similar names the ids nearest to id: the likely meant ones when an id
// is mistyped.
func similar(id string, ids map[string]bool) string {
	keys := make([]string, 0, len(ids))
	for k := range ids {
		keys = append(keys, k)
	}
	if h := Suggest(id, keys); h != "" {
		return h
	}
	return "no id of the season is close"
}
