package model

import (
	"slices"

	"github.com/champ-dev/champ/points"
)

// absences counts how often a front-runner missed the next race: over
// the completed rounds up to round n that count for both championships,
// in consecutive pairs, the drivers classified in the front half of the
// first round's race (front) and those of them who did not start the
// second's (missed: absent, a non-starter or a non-qualifier). An
// injury, a seat lost, a race skipped or a death all end the same way for
// the title: no points that day. A round with no starters is skipped.
func absences(s *points.Season, n int) (missed, front float64) {
	type race struct {
		started map[string]bool
		front   []string
	}
	var races []race
	rounds := slices.Clone(s.Rounds)
	slices.SortFunc(rounds, func(a, b points.Round) int { return a.Number - b.Number })
	at := map[int]int{}
	for _, rd := range rounds {
		if rd.Number <= n && rd.Counts == points.CountsBoth {
			at[rd.Number] = len(at)
		}
	}
	if len(at) < 2 {
		return 0, 0
	}
	races = make([]race, len(at))
	places := make([][]*points.Result, len(at))
	for i := range s.Results {
		r := &s.Results[i]
		k, ok := at[r.Round]
		if !ok || r.Session != points.Race || r.Counts == points.CountsOther {
			continue
		}
		if r.Status != points.DNS && r.Status != points.DNQ {
			if races[k].started == nil {
				races[k].started = map[string]bool{}
			}
			races[k].started[r.Driver] = true
		}
		if r.Classified() {
			places[k] = append(places[k], r)
		}
	}
	for k, ps := range places {
		half := (len(ps) + 1) / 2
		for _, r := range ps {
			if r.Position <= half && !slices.Contains(races[k].front, r.Driver) {
				races[k].front = append(races[k].front, r.Driver)
			}
		}
	}
	prev := -1
	for k, rc := range races {
		if len(rc.started) == 0 {
			continue
		}
		if prev >= 0 {
			for _, d := range races[prev].front {
				front++
				if !rc.started[d] {
					missed++
				}
			}
		}
		prev = k
	}
	return missed, front
}

// absenceRate is the chance that a driver of the field misses a race:
// the front-runners' rate of absences in the season so far and the
// season before (carried), shrunk by one race attended, times scale.
func absenceRate(missed, front, scale float64) float64 {
	if scale <= 0 || missed <= 0 {
		return 0
	}
	return min(scale*missed/(front+1), 0.5)
}
