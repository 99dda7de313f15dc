package points

import (
	"fmt"
	"math"
	"strings"
)

// Condition is what the leader needs at the next round to clinch.
type Condition struct {
	Round     int
	RoundName string
	Leader    string
	// Possible says the leader can clinch at this round at all.
	Possible bool
	// Decided says the title is already decided.
	Decided bool
	Rivals  []RivalCondition
}

// RivalCondition is one contender's part of the condition: the contender
// stays in the fight if, at the round, they outscore the leader by at least
// Gap points. Exact says that this threshold is the whole story; when it is
// false, places matter beyond the points (the countback) and Gap is the
// smallest margin that can be enough.
type RivalCondition struct {
	ID    string
	Gap   float64
	Exact bool
	// Always says the contender stays alive whatever happens at the round.
	Always bool
}

// outcome of one session for the leader and one rival: places (0: no
// points) and the fastest-lap holder (0 none, 1 leader, 2 rival).
type sessionResult struct {
	lead, riv  int
	fastestLap int
}

// NextRoundCondition works out the leader's condition to clinch at round
// n+1, enumerating that round's results for the leader and each contender
// (everyone else scores nothing: the contender's best case).
func NextRoundCondition(s *Season, n int, champ Championship) Condition {
	st := standingsOf(s, n, champ)
	c := Condition{Round: n + 1}
	if len(st) == 0 || n >= len(s.Rounds) {
		return c
	}
	rd := s.Round(n + 1)
	c.RoundName, c.Leader = rd.Name, st[0].ID
	if ok, _ := Decided(s, n, champ); ok {
		c.Decided = true
		return c
	}
	c.Possible = true
	// The next round's sessions, and the ones after it.
	slots := remaining(s, n, champ)
	m := 0
	for m < len(slots) && slots[m].round == n+1 {
		m++
	}
	calc := newCalc(s, champ)
	for i := 1; i < len(st); i++ {
		if !calc.canWin(st, i, slots) {
			continue
		}
		rc := rivalCondition(calc, st, 0, i, slots[:m], slots[m:])
		if rc.Always {
			c.Possible = false
		}
		c.Rivals = append(c.Rivals, rc)
	}
	return c
}

func rivalCondition(c *calc, st []Standing, li, ri int, round, later []slot) RivalCondition {
	// Every combination of results over the round's sessions.
	var options [][]sessionResult
	for _, sl := range round {
		var opts []sessionResult
		for a := 0; a <= len(sl.table); a++ {
			for b := 0; b <= len(sl.table); b++ {
				if a == b && a != 0 {
					continue
				}
				opts = append(opts, sessionResult{a, b, 0})
				if sl.fl > 0 {
					if a > 0 && (sl.flTop == 0 || a <= sl.flTop) {
						opts = append(opts, sessionResult{a, b, 1})
					}
					if b > 0 && (sl.flTop == 0 || b <= sl.flTop) {
						opts = append(opts, sessionResult{a, b, 2})
					}
				}
			}
		}
		options = append(options, opts)
	}
	type res struct {
		gap   float64
		alive bool
	}
	var all []res
	e := newEvaluation(c, st, li, ri)
	var rec func(k int, chosen []sessionResult)
	rec = func(k int, chosen []sessionResult) {
		if k == len(options) {
			gap, alive := e.evaluate(round, later, chosen)
			all = append(all, res{gap, alive})
			return
		}
		for _, o := range options[k] {
			rec(k+1, append(chosen, o))
		}
	}
	rec(0, nil)
	rc := RivalCondition{ID: st[ri].ID, Gap: math.Inf(1), Exact: true}
	dead := false
	for _, r := range all {
		if r.alive {
			rc.Gap = math.Min(rc.Gap, r.gap)
		} else {
			dead = true
		}
	}
	rc.Always = !dead
	for _, r := range all {
		if (r.gap >= rc.Gap-1e-9) != r.alive {
			rc.Exact = false
		}
	}
	return rc
}

// evaluation tries one round's results for the leader and a rival, with
// its own copy of the standings and reusable hypotheticals for the two.
type evaluation struct {
	c     *calc
	st    []Standing
	after []Standing
	idx   [2]int
	h     [2]hypothetical
}

func newEvaluation(c *calc, st []Standing, li, ri int) *evaluation {
	return &evaluation{c: c, st: st, after: append([]Standing(nil), st...), idx: [2]int{li, ri}}
}

// evaluate applies one round's results for the leader and the rival and
// reports the rival's margin over the leader at the round and whether the
// rival can still win afterwards, in the later sessions.
func (e *evaluation) evaluate(round, later []slot, rs []sessionResult) (float64, bool) {
	var gain [2]float64
	for k, idx := range e.idx {
		h := &e.h[k]
		h.reset(e.st[idx], e.c.rounds, e.c.drop)
		for j, r := range rs {
			sl := round[j]
			pos := r.lead
			if k == 1 {
				pos = r.riv
			}
			p := 0.0
			if pos > 0 {
				p = sl.table[pos-1]
			}
			if r.fastestLap == k+1 {
				p += sl.fl
			}
			h.add(sl.round, sl.kind, pos-1, p)
			gain[k] += p
		}
		e.after[idx] = h.standing()
	}
	return gain[1] - gain[0], e.c.canWin(e.after, e.idx[1], later)
}

// Describe puts the condition in words, naming entries with name.
func (c Condition) Describe(name func(string) string) string {
	switch {
	case c.Decided:
		return fmt.Sprintf("%s is champion.", name(c.Leader))
	case !c.Possible:
		var always []string
		for _, r := range c.Rivals {
			if r.Always {
				always = append(always, name(r.ID))
			}
		}
		who := strings.Join(always, " and ") + " stays"
		switch {
		case len(always) > 3:
			who = fmt.Sprintf("%d rivals stay", len(always))
		case len(always) > 1:
			who = strings.Join(always, " and ") + " stay"
		}
		return fmt.Sprintf("%s cannot clinch in %s: %s in the fight whatever happens there.", name(c.Leader), c.RoundName, who)
	}
	var parts []string
	for _, r := range c.Rivals {
		var margin string
		switch {
		case r.Gap > 0:
			margin = fmt.Sprintf("outscores %s there by at least %s points", name(c.Leader), FormatPoints(r.Gap))
		case r.Gap == 0:
			margin = fmt.Sprintf("at least matches %s's score there", name(c.Leader))
		default:
			margin = fmt.Sprintf("loses no more than %s points to %s there", FormatPoints(-r.Gap), name(c.Leader))
		}
		if !r.Exact {
			margin += " (and, at that margin, the countback decides)"
		}
		parts = append(parts, name(r.ID)+" "+margin)
	}
	return fmt.Sprintf("%s clinches in %s unless %s.", name(c.Leader), c.RoundName, strings.Join(parts, ", or "))
}
