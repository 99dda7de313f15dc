package points

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// FixKind is the kind of condition a Fix puts on a session's result.
type FixKind uint8

const (
	FixPosition FixKind = iota // classified at Position
	FixDNF                     // not classified
	FixRange                   // classified at From..To (To 0: From or lower)
	FixAhead                   // classified ahead of Other, or Other not classified
	FixBonus                   // a bonus only (pole, a led lap, ...): the place is the model's
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
	// Pole, LedLap and MostLapsLed give the driver those bonuses (with
	// any kind but FixAhead).
	Pole, LedLap, MostLapsLed bool
	Source                    string // where the fix was given, for errors: "--fix 1", "scenario.csv:4"
}

// bonuses lists the bonuses the fix gives, as the --fix syntax writes
// them: "+FL+POLE".
func (f Fix) bonuses() string {
	s := ""
	for _, b := range []struct {
		on   bool
		name string
	}{{f.FastestLap, "+FL"}, {f.Pole, "+POLE"}, {f.LedLap, "+LED"}, {f.MostLapsLed, "+MOST"}} {
		if b.on {
			s += b.name
		}
	}
	return s
}

// String says what the fix requires, as the --fix syntax writes it.
func (f Fix) String() string {
	s := fmt.Sprintf("%d:%s:%s", f.Round, f.Session, f.Driver)
	switch f.Kind {
	case FixDNF:
		return s + "=DNF" + f.bonuses()
	case FixRange:
		if f.To == 0 {
			return s + "=" + strconv.Itoa(f.From) + "-" + f.bonuses()
		}
		return s + "=" + strconv.Itoa(f.From) + "-" + strconv.Itoa(f.To) + f.bonuses()
	case FixAhead:
		return s + ">" + f.Other
	case FixBonus:
		return s + "=" + f.bonuses()
	}
	return s + "=" + strconv.Itoa(f.Position) + f.bonuses()
}

// CheckFixes reports the first fix that cannot apply to the season after
// round n: a round already run or not in the calendar, a session the round
// does not have, a driver the season does not know, two drivers fixed to
// one position or one driver fixed twice in a session, a bonus the system
// does not award in that session, and two drivers given a bonus one car
// takes (the fastest lap, pole, most laps led). The error starts with the
// fix's Source.
func CheckFixes(s *Season, n int, fixes []Fix) error {
	known := s.driverIDs()
	plan := NewPlan(s)
	type key struct {
		round int
		kind  SessionKind
	}
	taken := map[key]map[int]string{}
	fixed := map[key]map[string]bool{}
	type bonusKey struct {
		key
		kind BonusKind
	}
	holder := map[bonusKey]string{}
	for _, f := range fixes {
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s: %s: %s", f.Source, f, fmt.Sprintf(format, args...))
		}
		rd := s.Round(f.Round)
		switch {
		case rd == nil:
			return fail("round %d is not in the calendar (rounds 1 to %d)", f.Round, len(s.Rounds))
		case f.Round <= n && rd.Completed:
			return fail("round %d (%s) has already been run; fix rounds still to run only", f.Round, rd.Name)
		case f.Session == Sprint && !rd.Sprint:
			return fail("round %d (%s) has no sprint", f.Round, rd.Name)
		case f.Session == Qualifying && rd.Qualifying == "":
			return fail("round %d (%s) has no qualifying session that scores", f.Round, rd.Name)
		}
		var ps *PlanSession
		for i := range plan.Sessions {
			if p := &plan.Sessions[i]; p.Round.Number == f.Round && p.Kind == f.Session {
				ps = p
			}
		}
		for _, id := range []string{f.Driver, f.Other} {
			if id != "" && !known[id] {
				return fail("no driver %q in %s; %s", id, s.Name, driverHint(s, id))
			}
		}
		k := key{f.Round, f.Session}
		if taken[k] == nil {
			taken[k], fixed[k] = map[int]string{}, map[string]bool{}
		}
		for _, b := range []struct {
			on   bool
			kind BonusKind
		}{{f.FastestLap, FastestLap}, {f.Pole, Pole}, {f.LedLap, LedLap}, {f.MostLapsLed, MostLapsLed}} {
			if !b.on {
				continue
			}
			awarded := false
			if ps != nil {
				for _, sc := range ps.Scores {
					awarded = awarded || sc.Award(b.kind) != nil
				}
			}
			if !awarded {
				return fail("points system %s awards no %s in round %d's %s; leave it out", s.System.ID, b.kind, f.Round, f.Session)
			}
			if !b.kind.Single() {
				continue
			}
			bk := bonusKey{k, b.kind}
			if other, ok := holder[bk]; ok && other != f.Driver {
				return fail("%s already has the %s in that session", other, b.kind)
			}
			holder[bk] = f.Driver
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
		if f.Kind != FixAhead && f.Kind != FixBonus {
			if fixed[k][f.Driver] {
				return fail("%s is fixed twice in that session", f.Driver)
			}
			fixed[k][f.Driver] = true
		}
	}
	return checkSatisfiable(fixes)
}

// checkSatisfiable reports fixes of one session that no finishing order
// meets: an order with a cycle (a>b, b>a), a retired driver ahead of
// another, a driver ahead of the one fixed in front of him (a=1, b>a), or
// more drivers fixed into a range of places than it has.
func checkSatisfiable(fixes []Fix) error {
	type key struct {
		round int
		kind  SessionKind
	}
	var order []key
	by := map[key][]Fix{}
	for _, f := range fixes {
		k := key{f.Round, f.Session}
		if by[k] == nil {
			order = append(order, k)
		}
		by[k] = append(by[k], f)
	}
	for _, k := range order {
		if err := satisfiable(by[k], 0); err != nil {
			return err
		}
	}
	return nil
}

// placeWindow is the places a session's fixes leave one driver.
type placeWindow struct {
	lo, hi  int
	classed bool // must be classified
	dnf     bool
	src     []string // the fixes that name him
}

// openEnd is a window's last place when no fix gives one.
const openEnd = 1 << 20

// placeWindows reads a session's fixes as each driver's window of places
// (in the order the fixes name them) and the "ahead" pairs among them;
// places > 0 is the field's size, the last place a fix can leave open.
func placeWindows(fs []Fix, places int) (w map[string]*placeWindow, ids []string, ahead [][2]string) {
	last := openEnd
	if places > 0 {
		last = places
	}
	w = map[string]*placeWindow{}
	get := func(id string) *placeWindow {
		if w[id] == nil {
			w[id] = &placeWindow{lo: 1, hi: last}
			ids = append(ids, id)
		}
		return w[id]
	}
	for _, f := range fs {
		d := get(f.Driver)
		d.src = append(d.src, f.where())
		switch f.Kind {
		case FixPosition:
			d.lo, d.hi, d.classed = max(d.lo, f.Position), min(d.hi, f.Position), true
		case FixRange:
			hi := f.To
			if hi == 0 {
				hi = last
			}
			d.lo, d.hi, d.classed = max(d.lo, f.From), min(d.hi, hi), true
		case FixDNF:
			d.dnf = true
		case FixAhead:
			d.classed = true
			get(f.Other).src = append(get(f.Other).src, f.where())
			ahead = append(ahead, [2]string{f.Driver, f.Other})
		}
	}
	return w, ids, ahead
}

// CheckSessionFixes checks that one session's fixes can all hold
// together in a field of `places` drivers: what CheckFixes checks of each
// session without knowing its field.
func CheckSessionFixes(fs []Fix, places int) error { return satisfiable(fs, places) }

// satisfiable checks one session's fixes (see checkSatisfiable) in a
// field of `places` (0: as many as they need).
func satisfiable(fs []Fix, places int) error {
	w, ids, ahead := placeWindows(fs, places)
	for _, id := range ids {
		if d := w[id]; d.dnf && d.classed {
			return fmt.Errorf("the fixes %s conflict: %s cannot both retire and be classified", strings.Join(d.src, ", "), id)
		}
	}
	if err := narrow(fs, w, ids, ahead); err != nil {
		return err
	}
	return matchPlaces(w, ids)
}

// narrow lets places flow along "ahead": a>b with b classified puts a
// above b. A window left empty is a conflict, and a change after as many
// passes as drivers a circle.
func narrow(fs []Fix, w map[string]*placeWindow, ids []string, ahead [][2]string) error {
	for pass := 0; ; pass++ {
		changed := false
		for _, e := range ahead {
			a, b := w[e[0]], w[e[1]]
			if !b.classed {
				continue // b may retire: a is ahead of him anyway
			}
			if b.lo < a.lo+1 {
				b.lo, changed = a.lo+1, true
			}
			if b.hi < openEnd && a.hi > b.hi-1 {
				a.hi, changed = b.hi-1, true
			}
		}
		for _, id := range ids {
			if d := w[id]; d.lo > d.hi || d.lo > openEnd {
				return fmt.Errorf("the fixes %s conflict: they leave %s no place", strings.Join(sources(fs), ", "), id)
			}
		}
		if !changed {
			return nil
		}
		if pass > len(ids) {
			return fmt.Errorf("the fixes %s put drivers ahead of each other in a circle", strings.Join(sources(fs), ", "))
		}
	}
}

// matchPlaces gives the classified drivers distinct places inside their
// windows, earliest last place first, each the lowest free place it may
// take: if that fails, no assignment succeeds.
func matchPlaces(w map[string]*placeWindow, ids []string) error {
	var cl []string
	for _, id := range ids {
		if w[id].classed {
			cl = append(cl, id)
		}
	}
	sort.SliceStable(cl, func(i, j int) bool { return w[cl[i]].hi < w[cl[j]].hi })
	taken := map[int]bool{}
	for _, id := range cl {
		d := w[id]
		p := d.lo
		for taken[p] {
			p++
		}
		if p > d.hi {
			var crowd []string
			for _, o := range cl {
				if w[o].lo >= d.lo && w[o].hi <= d.hi {
					crowd = append(crowd, w[o].src...)
				}
			}
			return fmt.Errorf("the fixes %s conflict: more drivers than places %d to %d", strings.Join(crowd, ", "), d.lo, d.hi)
		}
		taken[p] = true
	}
	return nil
}

// where is the fix and where it was given: "10:race:a=1 (--fix 1)".
func (f Fix) where() string {
	if f.Source == "" {
		return f.String()
	}
	return f.String() + " (" + f.Source + ")"
}

// sources lists a session's fixes, each with where it was given.
func sources(fs []Fix) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.where()
	}
	return out
}

func driverHint(s *Season, id string) string {
	ids := make([]string, len(s.Drivers))
	for i, d := range s.Drivers {
		ids[i] = d.ID
	}
	if h := Suggest(id, ids); h != "" {
		return h
	}
	return "use a driver id as in its results (champ standings --format csv lists them)"
}
