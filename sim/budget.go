package sim

import "github.com/champ-dev/champ/points"

// DrawBudget is the work a run allows itself when the user names no
// number of seasons, in finishes drawn over all its simulated seasons.
// Every real season fits DefaultSims under it (Formula 1 from its first
// round: 30 sessions of 20 cars, 250,000 times, is 1.5e8 finishes); a
// season of hundreds of rounds of hundreds of cars does not, and gets
// fewer seasons rather than an hour of work. About 15 s on two cores.
const DrawBudget int64 = 300_000_000

// TimelineBudget is DrawBudget for a timeline, summed over its
// projections: Formula 1 2024's timeline draws 7.1e8 finishes in its
// default 100,000 seasons a round.
const TimelineBudget int64 = 5 * DrawBudget

// Draws returns the finishes one simulated season draws after round
// `after`: the sessions still to run times the field. It is 0 when the
// season cannot be projected (Project says why).
func Draws(s *points.Season, after int) int64 {
	c, err := compile(s, after, nil)
	if err != nil {
		return 0
	}
	return int64(len(c.sessions)) * int64(len(c.field))
}

// BudgetSims returns want, or fewer where want seasons of `draws`
// finishes each would go over budget, but never fewer than least.
func BudgetSims(want int, draws, budget int64, least int) int {
	if draws <= 0 || int64(want) <= budget/draws {
		return want
	}
	return int(max(int64(min(least, want)), budget/draws))
}

// TimelineDraws is Draws summed over the projections of Timeline(s, last).
func TimelineDraws(s *points.Season, last int) int64 {
	var n int64
	for k := 1; k <= last; k++ {
		if cut, err := s.After(k); err == nil {
			n += Draws(cut, k)
		}
	}
	return n
}
