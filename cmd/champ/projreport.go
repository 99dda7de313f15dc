package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// fewStarts is the number of races and sprints below which a driver's
// odds are flagged: the model knows him mostly from its prior.
const fewStarts = 3

// projectionReport is a projection's table of championship ch: a row per
// entry (a crew's drivers share one line of the table), with the bands at
// the quantiles qs (fractions) and, with positions, the probability of
// every final position.
func projectionReport(p *sim.Projection, ch *points.Championship, cfg sim.Config, qs []float64, positions bool) *report {
	s := p.Season
	teams := ch.Of != points.HolderDriver
	tb := tableOf(p, ch)
	es := tb.Entries
	x := exactOf(p, ch)
	rounds := len(s.Upcoming(p.After))
	r := &report{
		Title: fmt.Sprintf("%s: %s projection %s", s.Name, ch.Title, describeRound(s, p.After)),
		Lead: []string{
			fmt.Sprintf("Left: %s, %s points for %s", left(p), points.FormatPoints(tb.Left), article(ch.Entity())),
			fmt.Sprintf("Model: %s, %s, seed %d, points system %s", p.Model, plural(p.Sims, "season"), p.Seed, s.System.ID),
		},
		Meta: append(seasonMeta(s, p.After), field{"championship", ch.ID},
			field{"rounds_left", rounds}, field{"races_left", p.Races}, field{"sprints_left", p.Sprints},
			field{"points_left", pts(tb.Left)}, field{"model", p.Model}, field{"options", modelOptions(cfg.Options)},
			field{"sims", p.Sims}, field{"seed", p.Seed}, field{"quantiles", qs}, field{"title_ties", tb.Ties}),
		Rows: "entries",
	}
	r.Cols = projectionColumns(ch, qs, positions, len(es))
	few, needs := false, false
	starts := startsBy(s, p.After)
	for i, e := range es {
		var row []cell
		if teams {
			row = append(row, c(e.ID), c(s.EntryName(ch, e.ID)))
		} else {
			row = append(row, c(e.ID), cell{Text: crewName(s, e), Value: s.DriverName(e.ID)}, c(e.Team), c(s.TeamName(e.Team)))
		}
		row = append(row, c(pts(e.Points)), cell{Text: pct(e.TitleProb), Value: fraction(e.TitleProb)},
			cell{Text: fmt.Sprintf("%.2f", 100*e.TitleSE), Value: fraction(e.TitleSE)},
			cell{Text: fmt.Sprintf("%.1f", e.Mean), Value: fixed{e.Mean, 3}})
		for _, q := range qs {
			row = append(row, c(pts(p.Quantile(&es[i], q))))
		}
		var maxp any
		if !math.IsInf(e.MaxPoints, -1) {
			maxp = pts(e.MaxPoints)
		}
		mp := e.MeanPosition()
		row = append(row, cell{Value: maxp}, c(!x.canWin[e.ID]), c(e.Active),
			cell{Text: fmt.Sprintf("%.1f", mp), Value: fixed{mp, 2}})
		need, per := clinchCells(tb, i, x.canWin[e.ID], rounds)
		needs = needs || per.Text != "" && per.Text != "0"
		row = append(row, need, per)
		if positions {
			for _, q := range e.Positions {
				row = append(row, cell{Text: pct(q), Value: fraction(q)})
			}
		}
		note := x.note(e)
		var started any
		if !teams {
			n := starts[e.ID]
			started = n
			if note == "" && e.Active && n < fewStarts {
				note, few = "few results", true
			}
		}
		var crew, car any
		if len(e.Crew) > 1 {
			crew, car = e.Crew, e.Car
		}
		row = append(row, cell{Value: started}, c(note), cell{Value: crew}, cell{Value: car})
		r.Body = append(r.Body, row)
		if e.Follows() {
			r.folded(len(r.Body) - 1)
		}
	}
	bands := make([]string, len(qs))
	for i, q := range qs {
		bands[i] = strings.ToUpper(quantileKey(q))
	}
	r.Notes = append(r.Notes, fmt.Sprintf("Title %% and ± (one standard error) in percentage points; Mean, %s are final points.", strings.Join(bands, ", ")))
	if needs {
		r.Notes = append(r.Notes, fmt.Sprintf("Need/rd: points per round left (%d) to be sure of the title whatever the others score (blank where that is out of reach alone).", rounds))
	}
	if positions {
		r.Notes = append(r.Notes, "Avg pos: the expected final position; 1st, 2nd, ...: the probability of each, in per cent.")
	}
	if tb.Ties > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("In %d seasons (%s%%) the title was level on points and on the whole countback; they count for no one.", tb.Ties, pct(float64(tb.Ties)/float64(p.Sims))))
	}
	if few {
		r.Notes = append(r.Notes, fmt.Sprintf("few results: fewer than %d races and sprints so far; the odds lean on the model's prior.", fewStarts))
	}
	return r
}

// projectionColumns are a projection report's columns: the entry, its
// odds and bands at the quantiles qs, the exact maths and, with
// positions, the probability of each of the n final positions.
func projectionColumns(ch *points.Championship, qs []float64, positions bool, n int) []column {
	var cols []column
	if ch.Of != points.HolderDriver {
		cols = []column{text(ch.Entity(), ""), text("name", title(ch.Entity()))}
	} else {
		cols = []column{text("driver", ""), text("name", "Driver"), text("team", ""), text("team_name", "Team")}
	}
	cols = append(cols, num("points", "Points"), num("title_prob", "Title %"), num("title_se", "±"), num("mean_points", "Mean"))
	for _, q := range qs {
		cols = append(cols, num(quantileKey(q), strings.ToUpper(quantileKey(q))))
	}
	avg := num("mean_position", "")
	if positions {
		avg.Head = "Avg pos"
	}
	cols = append(cols, num("max_points", ""), text("eliminated", ""), text("racing", ""),
		avg, num("clinch_points", ""), num("clinch_per_round", "Need/rd"))
	for i := 0; positions && i < n; i++ {
		cols = append(cols, num(fmt.Sprintf("pos_%d", i+1), ordinal(i+1)))
	}
	return append(cols, num("starts", ""), text("note", "Note"), column{Key: "crew"}, column{Key: "car"})
}

// clinchCells are entry i's "magic number" and its share per round left:
// blank where it cannot win, or cannot be sure of the title on its own.
func clinchCells(tb *sim.Table, i int, canWin bool, rounds int) (need, per cell) {
	n, ok := tb.ClinchNeed(i)
	switch {
	case !canWin || !ok || math.IsInf(tb.Entries[i].MaxPoints, -1):
		return cell{}, cell{}
	case rounds == 0 || n == 0:
		return c(pts(n)), cell{Text: "0", Value: pts(0)}
	}
	v := n / float64(rounds)
	return c(pts(n)), cell{Text: fmt.Sprintf("%.1f", v), Value: fixed{v, 2}}
}

// startsBy counts each driver's races and sprints started by round after,
// in one pass over the results.
func startsBy(s *points.Season, after int) map[string]int {
	n := map[string]int{}
	for _, r := range s.Results {
		if r.Round <= after && r.Session != points.Qualifying && r.Status != points.DNS && r.Status != points.DNQ {
			n[r.Driver]++
		}
	}
	return n
}

// quantileKey names the band at quantile q: p5, p50, p2.5. The percentage
// is rounded to nine decimals first, so that 0.55 is p55 and not the
// p55.00000000000001 its float64 product gives.
func quantileKey(q float64) string {
	return "p" + strconv.FormatFloat(math.Round(100*q*1e9)/1e9, 'f', -1, 64)
}

// modelOptions are the model's hyperparameters as JSON keys, in flag order.
func modelOptions(o sim.Options) orderedObject {
	var out orderedObject
	for _, f := range optionFields {
		out = append(out, field{strings.ReplaceAll(f.name, "-", "_"), *f.field(&o)})
	}
	return out
}
