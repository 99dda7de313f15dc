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
	kind       SessionKind
	lead, riv  int
	fastestLap int
}

// NextRoundCondition works out the leader's condition to clinch at round
// n+1, enumerating that round's results for the leader and each contender
// (everyone else scores nothing: the contender's best case).
func NextRoundCondition(s *Season, n int, champ Championship) Condition {
	st := Drivers(s, n)
	if champ == TeamsChampionship {
		st = Teams(s, n)
	}
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
	for i := 1; i < len(st); i++ {
		if !CanWin(s, n, st, st[i].ID, champ) {
			continue
		}
		rc := rivalCondition(s, n, st, 0, i, champ)
		if rc.Always {
			c.Possible = false
		}
		c.Rivals = append(c.Rivals, rc)
	}
	return c
}

func rivalCondition(s *Season, n int, st []Standing, li, ri int, champ Championship) RivalCondition {
	sys := s.System
	rd := s.Round(n + 1)
	final := s.IsFinal(rd)
	kinds := []SessionKind{Race}
	if rd.Sprint {
		kinds = []SessionKind{Sprint, Race}
	}
	// Every combination of results over the round's sessions.
	var options [][]sessionResult
	for _, kind := range kinds {
		table := sys.Table(kind, rd, final)
		fl, top := sys.FastestLapBonus(kind, rd)
		var opts []sessionResult
		for a := 0; a <= len(table); a++ {
			for b := 0; b <= len(table); b++ {
				if a == b && a != 0 {
					continue
				}
				opts = append(opts, sessionResult{kind, a, b, 0})
				if fl > 0 {
					if a > 0 && (top == 0 || a <= top) {
						opts = append(opts, sessionResult{kind, a, b, 1})
					}
					if b > 0 && (top == 0 || b <= top) {
						opts = append(opts, sessionResult{kind, a, b, 2})
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
	var rec func(k int, chosen []sessionResult)
	rec = func(k int, chosen []sessionResult) {
		if k == len(options) {
			gap, alive := evaluate(s, n, st, li, ri, champ, chosen)
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

// evaluate applies one round's results for the leader and a rival and
// reports the rival's margin over the leader at the round and whether the
// rival can still win afterwards.
func evaluate(s *Season, n int, st []Standing, li, ri int, champ Championship, rs []sessionResult) (float64, bool) {
	sys := s.System
	rd := s.Round(n + 1)
	final := s.IsFinal(rd)
	after := make([]Standing, len(st))
	copy(after, st)
	gain := [2]float64{}
	for k, idx := range []int{li, ri} {
		e := st[idx]
		e.Places = append([]int(nil), e.Places...)
		e.RoundPoints = append([]float64(nil), e.RoundPoints...)
		for len(e.RoundPoints) < len(s.Rounds) {
			e.RoundPoints = append(e.RoundPoints, 0)
		}
		penalty := sum(st[idx].RoundPoints) - st[idx].Scored
		for _, r := range rs {
			pos := r.lead
			if k == 1 {
				pos = r.riv
			}
			table := sys.Table(r.kind, rd, final)
			p := 0.0
			if pos > 0 {
				p = table[pos-1]
				if r.kind == Race {
					for len(e.Places) < pos {
						e.Places = append(e.Places, 0)
					}
					e.Places[pos-1]++
					if pos == 1 {
						e.Wins++
					}
				}
			}
			if r.fastestLap == k+1 {
				fl, _ := sys.FastestLapBonus(r.kind, rd)
				p += fl
			}
			e.RoundPoints[rd.Number-1] += p
			e.Scored += p
			gain[k] += p
		}
		drop := sys.Drop
		if champ == TeamsChampionship {
			drop = sys.Teams.Drop
		}
		e.Points = counted(drop, e.RoundPoints) - penalty
		after[idx] = e
	}
	return gain[1] - gain[0], CanWin(s, n+1, after, st[ri].ID, champ)
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
