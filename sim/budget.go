package sim

import "github.com/champ-dev/champ/points"

// DrawBudget is the work a run allows itself when the user names no
// number of seasons, in finishes drawn (Draws) over all its simulated
// seasons. Every real season fits DefaultSims under it (the costliest
// built-in season from its first round weighs 714 a season: 1.8e8); a
// season of hundreds of rounds of hundreds of cars does not, and gets
// fewer seasons rather than an hour of work: seconds on two cores.
const DrawBudget int64 = 300_000_000

// TimelineBudget is DrawBudget for a timeline, summed over its
// projections: the costliest built-in timeline weighs 8,040 a season, 8e8
// in its default 100,000 seasons a round.
const TimelineBudget int64 = 5 * DrawBudget

// Draws returns the work of one simulated season after round `after`, in
// finishes drawn: the sessions still to run times the field (four times
// over beyond the 64 drivers the samplers draw fastest), plus a tenth of
// the field squared for the season's tally. It is
// 0 when the season cannot be projected (Project says why).
func Draws(s *points.Season, after int) int64 {
	c, err := compile(s, after, nil)
	if err != nil {
		return 0
	}
	n := int64(len(c.field))
	per := int64(1)
	if n > 64 {
		per = 4
	}
	return per*int64(len(c.sessions))*n + n*n/10
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
