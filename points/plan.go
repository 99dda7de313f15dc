package points

// Plan is a season's scoring rules compiled once: for every session of the
// calendar, what each place and each bonus is worth in each championship.
// Standings of completed sessions, the exact maths of the remaining ones
// and the simulator all read it; no other code knows a rule.
type Plan struct {
	Season *Season
	System *System
	// Sessions are the calendar's sessions in the order they run: each
	// round's qualifying (where its qualifying table scores it), sprint
	// and race.
	Sessions []PlanSession
}

// PlanSession is one session of the calendar.
type PlanSession struct {
	Round *Round
	Kind  SessionKind
	Final bool // the season's last round
	// Results of the session (none before it is run).
	Results []*Result
	// Scores holds what the session is worth to each championship, in the
	// order of the system's Championships.
	Scores []Scoring
}

// Scoring is what one session is worth to one championship.
type Scoring struct {
	// Counts reports whether the session scores for the championship at
	// all (the 1950s Indianapolis 500 counted for drivers only).
	Counts bool
	// Table is what places 1, 2, ... score, multipliers and the
	// shortened-race rule applied.
	Table []float64
	// Awards are the bonuses the session awards to the championship.
	Awards []Award
	// Countback reports whether the session's places count in the
	// countback (races do; sprints and qualifying do not).
	Countback bool
	// Best is the championship's best-N rule: 0, every car of a holder
	// scores its place; N, its best-placed N.
	Best int
}

// Award is a bonus as one session awards it.
type Award struct {
	Kind   BonusKind
	Points float64
	// Top > 0: only to a car classified in the top Top.
	Top int
	// Shared divides the points among the session's holders of the flag
	// (the 1950s fastest lap, when several drivers set the same time).
	Shared bool
	// Reassign: the best of the top takes the bonus when the one who
	// earned it is outside (see Bonus).
	Reassign bool
}

// Max is the most the session can give one car: its first place and every
// bonus a winner can take.
func (sc *Scoring) Max() float64 {
	if !sc.Counts {
		return 0
	}
	m := 0.0
	if len(sc.Table) > 0 {
		m = sc.Table[0]
	}
	for _, a := range sc.Awards {
		m += a.Points
	}
	return m
}

// Award returns the session's award of kind k, or nil.
func (sc *Scoring) Award(k BonusKind) *Award {
	for i := range sc.Awards {
		if sc.Awards[i].Kind == k {
			return &sc.Awards[i]
		}
	}
	return nil
}

// NewPlan compiles the season's rules.
func NewPlan(s *Season) *Plan {
	sys := s.System
	p := &Plan{Season: s, System: sys}
	type key struct {
		round int
		kind  SessionKind
	}
	results := map[key][]*Result{}
	for i := range s.Results {
		r := &s.Results[i]
		k := key{r.Round, r.Session}
		results[k] = append(results[k], r)
	}
	for i := range s.Rounds {
		rd := &s.Rounds[i]
		final := s.IsFinal(rd)
		var kinds []SessionKind
		if rd.Qualifying != "" && sys.Qualifying[rd.Qualifying] != nil {
			kinds = append(kinds, Qualifying)
		}
		if rd.Sprint {
			kinds = append(kinds, Sprint)
		}
		kinds = append(kinds, Race)
		for _, kind := range kinds {
			ps := PlanSession{Round: rd, Kind: kind, Final: final}
			if rd.Completed {
				ps.Results = results[key{rd.Number, kind}]
			}
			for c := range sys.Championships {
				ps.Scores = append(ps.Scores, sys.scoring(&sys.Championships[c], kind, rd, final))
			}
			p.Sessions = append(p.Sessions, ps)
		}
	}
	return p
}

// scoring compiles what a session of kind of round rd is worth to
// championship c.
func (s *System) scoring(c *Championship, kind SessionKind, rd *Round, final bool) Scoring {
	sc := Scoring{Counts: c.counts(rd.Counts), Countback: kind == Race, Best: c.Best}
	if kind == Qualifying && !c.Scores(QualifyingPoints) {
		sc.Counts = false
	}
	if !sc.Counts {
		return sc
	}
	sc.Table = s.placeTable(c, kind, rd, final)
	for i := range s.Bonuses {
		b := &s.Bonuses[i]
		if !c.Scores(b.Kind) {
			continue
		}
		if v := s.award(b, kind, rd); v > 0 {
			sc.Awards = append(sc.Awards, Award{Kind: b.Kind, Points: v, Top: b.Top, Shared: b.Kind == FastestLap, Reassign: b.Reassign})
		}
	}
	return sc
}

// Remaining returns the sessions still to run after round n, in calendar
// order: those of the rounds after n, and of any round before it that has
// not been run (a race postponed while later ones went ahead).
func (p *Plan) Remaining(n int) []PlanSession {
	for i, ps := range p.Sessions {
		if ps.Round.Number > n {
			return p.Sessions[i:] // the usual case: nothing postponed
		}
		if !ps.Round.Completed {
			var out []PlanSession
			for _, ps := range p.Sessions[i:] {
				if ps.Round.Number > n || !ps.Round.Completed {
					out = append(out, ps)
				}
			}
			return out
		}
	}
	return nil
}

// Index returns the position of the championship with the given id in
// the system's Championships, or -1.
func (p *Plan) Index(id string) int {
	for i := range p.System.Championships {
		if p.System.Championships[i].ID == id {
			return i
		}
	}
	return -1
}

// flag reports whether result r carries the bonus of kind k.
func flag(r *Result, k BonusKind) bool {
	switch k {
	case FastestLap:
		return r.FastestLap
	case Pole:
		return r.Pole
	case LedLap:
		return r.LedLap
	case MostLapsLed:
		return r.MostLapsLed
	}
	return false
}

// Flag reports whether the result carries the bonus of kind k.
func (r *Result) Flag(k BonusKind) bool { return flag(r, k) }
