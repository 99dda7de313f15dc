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
// the field squared for the season's tally. The field is counted as the
// drivers (cars, where crews race) of the latest completed round, which
// is what Project races, give or take a one-off entry: an estimate for a
// budget, made without compiling the season. It is 0 before round 1.
func Draws(s *points.Season, after int) int64 {
	return newWork(s).draws(after)
}

// work is what Draws reads of a season, gathered once for every round.
type work struct {
	plan  *points.Plan
	field map[int]int // round -> the drivers (or cars) it classified or not
	last  []int       // completed rounds, in order
}

func newWork(s *points.Season) *work {
	w := &work{plan: points.NewPlan(s), field: map[int]int{}}
	cars := s.RacedByCrews(s.LastCompleted())
	type key struct {
		round int
		id    string
	}
	seen := map[key]bool{}
	for _, r := range s.Results {
		id := r.Driver
		if cars {
			if id = r.Car; id == "" {
				continue
			}
		}
		if k := (key{r.Round, id}); !seen[k] {
			seen[k] = true
			w.field[r.Round]++
		}
	}
	for _, rd := range s.Rounds {
		if rd.Completed {
			w.last = append(w.last, rd.Number)
		}
	}
	return w
}

func (w *work) draws(after int) int64 {
	var n int64
	for _, r := range w.last {
		if r > after {
			break
		}
		n = int64(w.field[r])
	}
	if after < 1 || n == 0 {
		return 0
	}
	per := int64(1)
	if n > 64 {
		per = 4
	}
	return per*int64(len(w.plan.Remaining(after)))*n + n*n/10
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
	w := newWork(s)
	var n int64
	for _, k := range w.last {
		if k <= last {
			n += w.draws(k)
		}
	}
	return n
}
