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
	// With lists the contender's crew-mates who stand and race as he does
	// (a crew with the same results): the same condition.
	With []string
}

// outcome is one round's results for the leader and one rival: their
// race places (from 1; 0 for no points), which the countback sees, and
// what each gains at the round in all.
type outcome struct {
	lead, riv int
	gl, gr    float64
}

// NextRoundCondition works out the leader's condition to clinch at the
// next round to run (n+1, or a round left to run before it), enumerating
// that round's results for the leader and each contender (everyone else
// scores nothing: the contender's best case): places, and every bonus to
// either of them or to someone else.
func NextRoundCondition(s *Season, n int, champ string) Condition {
	st := Standings(s, champ, n)
	c := Condition{Round: n + 1}
	calc := newCalc(s, n, champ)
	slots := calc.slots
	if len(slots) > 0 {
		c.Round = slots[0].round // a round left to run before n comes first
	}
	if len(st) == 0 || len(slots) == 0 {
		return c
	}
	rd := s.Round(c.Round)
	c.RoundName, c.Leader = rd.Name, st[0].ID
	if calc.decided(st, nil) {
		c.Decided = true
		return c
	}
	c.Possible = true
	// The next round's sessions, and the ones after it.
	m := 0
	for m < len(slots) && slots[m].round == c.Round {
		m++
	}
	outcomes := roundOutcomes(slots[:m])
	var shown []int // the rivals listed, for their twins to join
	for i := 1; i < len(st); i++ {
		if calc.crews != nil && calc.crews.twins(&st[0], &st[i], slots) {
			continue // the leader's co-champion whatever happens
		}
		if !calc.canWin(st, i, slots) {
			continue
		}
		if calc.crews != nil {
			joined := false
			for k, j := range shown {
				if calc.crews.twins(&st[j], &st[i], slots) {
					c.Rivals[k].With = append(c.Rivals[k].With, st[i].ID)
					joined = true
					break
				}
			}
			if joined {
				continue
			}
			shown = append(shown, i)
		}
		rc := rivalCondition(calc, st, 0, i, outcomes, slots[m:])
		if rc.Always {
			c.Possible = false
		}
		c.Rivals = append(c.Rivals, rc)
	}
	return c
}

// roundOutcomes lists the distinct outcomes of a round's sessions for the
// leader and a rival. Only race places count in the countback, so the
// other sessions add their points alone.
func roundOutcomes(round []slot) []outcome {
	states := map[outcome]bool{{}: true}
	for i := range round {
		sl := &round[i]
		opts := slotOutcomes(sl)
		next := map[outcome]bool{}
		for st := range states {
			for _, o := range opts {
				n := st
				n.gl += o.gl
				n.gr += o.gr
				if sl.countback {
					n.lead, n.riv = o.lead, o.riv
				}
				next[n] = true
			}
		}
		states = next
	}
	out := make([]outcome, 0, len(states))
	for o := range states {
		out = append(out, o)
	}
	return out
}

// slotOutcomes lists one session's distinct outcomes for the leader and a
// rival: two different places (or none) and each bonus to either of them
// (within its top-N rule) or to neither.
func slotOutcomes(sl *slot) []outcome {
	seen := map[outcome]bool{}
	var out []outcome
	n := len(sl.table)
	for a := 0; a <= n; a++ {
		for b := 0; b <= n; b++ {
			if a == b && a != 0 {
				continue
			}
			base := outcome{lead: a, riv: b}
			if a > 0 {
				base.gl = sl.table[a-1]
			}
			if b > 0 {
				base.gr = sl.table[b-1]
			}
			var rec func(k int, o outcome)
			rec = func(k int, o outcome) {
				if k == len(sl.awards) {
					if !seen[o] {
						seen[o] = true
						out = append(out, o)
					}
					return
				}
				aw := sl.awards[k]
				ok := func(place int) bool { return aw.Top == 0 || place > 0 && place <= aw.Top }
				if aw.Kind.Single() {
					rec(k+1, o) // to someone else
					if ok(a) {
						l := o
						l.gl += aw.Points
						rec(k+1, l)
					}
					if ok(b) {
						r := o
						r.gr += aw.Points
						rec(k+1, r)
					}
					return
				}
				for _, who := range [4][2]bool{{}, {true, false}, {false, true}, {true, true}} {
					x := o
					if who[0] {
						if !ok(a) {
							continue
						}
						x.gl += aw.Points
					}
					if who[1] {
						if !ok(b) {
							continue
						}
						x.gr += aw.Points
					}
					rec(k+1, x)
				}
			}
			rec(0, base)
		}
	}
	return out
}

func rivalCondition(c *calc, st []Standing, li, ri int, outcomes []outcome, later []slot) RivalCondition {
	type res struct {
		gap   float64
		alive bool
	}
	var all []res
	e := newEvaluation(c, st, li, ri)
	for _, o := range outcomes {
		gap, alive := e.evaluate(o, later)
		all = append(all, res{gap, alive})
	}
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
	round int
}

func newEvaluation(c *calc, st []Standing, li, ri int) *evaluation {
	round := 0
	if len(c.slots) > 0 {
		round = c.slots[0].round
	}
	return &evaluation{c: c, st: st, after: append([]Standing(nil), st...), idx: [2]int{li, ri}, round: round}
}

// evaluate applies one round's outcome for the leader and the rival and
// reports the rival's margin over the leader at the round and whether the
// rival can still win afterwards, in the later sessions.
func (e *evaluation) evaluate(o outcome, later []slot) (float64, bool) {
	for k, idx := range e.idx {
		h := &e.h[k]
		h.reset(e.st[idx], e.c.rounds, e.c.drop)
		pos, gain := o.lead, o.gl
		if k == 1 {
			pos, gain = o.riv, o.gr
		}
		h.add(e.round, true, pos-1, gain)
		e.after[idx] = h.standing()
	}
	if later == nil {
		later = []slot{}
	}
	return o.gr - o.gl, e.c.canWin(e.after, e.idx[1], later)
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
