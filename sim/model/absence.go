package model

import (
	"math"
	"slices"

	"github.com/champ-dev/champ/points"
)

// absences counts how often a front-runner missed the next race: over
// the rounds up to round n (the completed ones) that count for both
// championships and had starters, in consecutive pairs, the drivers
// classified in the front half of the first round's race who had started
// the round before it too (front: a one-off entry, such as the
// Indianapolis 500's, is no front-runner of the field) and those of them
// who did not start the second's (missed: absent, a non-starter or a
// non-qualifier). An injury, a seat lost, a race skipped or a death all
// end the same way for the title: no points that day. The front half is
// of the distinct classified places, so a shared drive counts once.
func absences(s *points.Season, n int) (missed, front float64) {
	type race struct {
		number  int
		started map[string]bool
		places  map[int][]string // classified drivers by place
	}
	var races []race
	at := map[int]int{}
	for _, rd := range s.Rounds {
		if _, dup := at[rd.Number]; !dup && rd.Number <= n && rd.Counts == points.CountsBoth {
			at[rd.Number] = len(races)
			races = append(races, race{number: rd.Number, started: map[string]bool{}, places: map[int][]string{}})
		}
	}
	for i := range s.Results {
		r := &s.Results[i]
		k, ok := at[r.Round]
		if !ok || r.Session != points.Race || r.Counts == points.CountsOther {
			continue
		}
		if r.Status != points.DNS && r.Status != points.DNQ {
			races[k].started[r.Driver] = true
		}
		if r.Classified() {
			races[k].places[r.Position] = append(races[k].places[r.Position], r.Driver)
		}
	}
	races = slices.DeleteFunc(races, func(r race) bool { return len(r.started) == 0 })
	slices.SortFunc(races, func(a, b race) int { return a.number - b.number })
	for k := 1; k < len(races); k++ {
		a := races[k-1]
		places := make([]int, 0, len(a.places))
		for p := range a.places {
			places = append(places, p)
		}
		slices.Sort(places)
		counted := map[string]bool{}
		for _, p := range places[:(len(places)+1)/2] {
			for _, d := range a.places[p] {
				if counted[d] || k >= 2 && !races[k-2].started[d] {
					continue
				}
				counted[d] = true
				front++
				if !races[k].started[d] {
					missed++
				}
			}
		}
	}
	return missed, front
}

// absencePrior is the weight, in front-runners' starts, of the prior
// that no front-runner misses a race: one miss in the first rounds of a
// season with no season before does not make every driver miss a tenth
// of the races left.
const absencePrior = 50

// absenceOf is the chance that a driver of the field misses a session
// after round n: absenceRate of the season's absences up to round n and
// those carried from the season before (nil: none), at scale. Nothing is
// counted where scale is 0.
func absenceOf(s *points.Season, n int, from *Carried, scale float64) float64 {
	if !(scale > 0) {
		return 0
	}
	missed, front := absences(s, n)
	if from != nil {
		missed, front = missed+from.Missed, front+from.Front
	}
	return absenceRate(missed, front, scale)
}

// absenceRate is the chance that a driver of the field misses a race:
// the front-runners' rate of absences in the season so far and the
// season before (carried), shrunk toward none by absencePrior, times
// scale, at most a half.
func absenceRate(missed, front, scale float64) float64 {
	if !(scale > 0) || !(missed > 0) {
		return 0
	}
	return math.Min(scale*missed/(front+absencePrior), 0.5)
}
