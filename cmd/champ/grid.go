package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// gridAxis is one --grid: a hyperparameter and the values it takes.
type gridAxis struct {
	name   string
	field  func(*sim.Options) *float64
	values []float64
}

// parseGrid reads --grid NAME=V,V,... flags.
func parseGrid(specs []string) ([]gridAxis, error) {
	var axes []gridAxis
	for _, spec := range specs {
		name, list, ok := strings.Cut(spec, "=")
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "--")))
		i := slices.IndexFunc(optionFields, func(f optionField) bool { return f.name == name })
		if !ok || i < 0 {
			var names []string
			for _, f := range optionFields {
				names = append(names, f.name)
			}
			return nil, usagef("--grid %q: give NAME=V,V with NAME one of %s", spec, strings.Join(names, ", "))
		}
		if slices.ContainsFunc(axes, func(a gridAxis) bool { return a.name == name }) {
			return nil, usagef("--grid %q: %s is already on the grid", spec, name)
		}
		ax := gridAxis{name: name, field: optionFields[i].field}
		for _, v := range strings.Split(list, ",") {
			x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return nil, usagef("--grid %q: %q is not a number", spec, strings.TrimSpace(v))
			}
			ax.values = append(ax.values, x)
		}
		axes = append(axes, ax)
	}
	n := 1
	for _, ax := range axes {
		n *= len(ax.values)
		if n > 1000 {
			return nil, usagef("--grid: more than 1000 combinations; split the search")
		}
	}
	return axes, nil
}

// gridPoints returns every combination of the axes' values over base, in
// the order of the axes (the last one fastest), each checked.
func gridPoints(base sim.Options, axes []gridAxis) ([]sim.Options, error) {
	pts := []sim.Options{base}
	for _, ax := range axes {
		var next []sim.Options
		for _, p := range pts {
			for _, v := range ax.values {
				q := p
				*ax.field(&q) = v
				next = append(next, q)
			}
		}
		pts = next
	}
	for _, p := range pts {
		if err := checkOptions(p); err != nil {
			return nil, err
		}
	}
	return pts, nil
}

// gridRow is one grid point's backtest.
type gridRow struct {
	opts sim.Options
	bt   *sim.Backtest
}

// runGrid backtests the model at every point of the grid and returns the
// rows best first: lowest log loss, then lowest Brier score.
func runGrid(seasons []*points.Season, cfg sim.BacktestConfig, pts []sim.Options, progress func(done, total int)) ([]gridRow, error) {
	cfg.Compare = nil
	rows := make([]gridRow, 0, len(pts))
	for i, p := range pts {
		cfg.Options = p
		bt, err := sim.RunBacktest(seasons, cfg)
		if err != nil {
			return nil, err
		}
		rows = append(rows, gridRow{p, bt})
		if progress != nil {
			progress(i+1, len(pts))
		}
	}
	slices.SortStableFunc(rows, func(a, b gridRow) int {
		sa, sb := a.bt.Scores[0], b.bt.Scores[0]
		return cmp.Or(cmp.Compare(sa.LogLoss, sb.LogLoss), cmp.Compare(sa.Brier, sb.Brier))
	})
	return rows, nil
}

// gridReport is a grid search: one row per point, best first, with the
// scores and band coverage under the backtest report's names.
type gridReport struct {
	rows  []gridRow
	axes  []gridAxis
	label string
	sims  int
	seed  uint64
}

func (r gridReport) report() *report {
	rep := &report{
		Title: fmt.Sprintf("Grid of %d hyperparameter points: %s, %d simulated seasons per projection, seed %d.", len(r.rows), r.label, r.sims, r.seed),
		Lead: []string{"Best log loss first; every option not on the grid as given. P5–P95 and P25–P75: the share of final points",
			"inside those bands; half-way: of the projections from half-way, and the seasons whose champion ended inside his P5–P95."},
		Meta: []field{{"seasons", r.rows[0].bt.Seasons}, {"sims", r.sims}, {"seed", r.seed}},
		Rows: "grid",
	}
	for _, ax := range r.axes {
		k := strings.ReplaceAll(ax.name, "-", "_")
		rep.Cols = append(rep.Cols, num(k, ax.name))
	}
	rep.Cols = append(rep.Cols, num("brier", "Brier"), num("log_loss", "Log loss"), num("coverage_p5_p95", "P5–P95"),
		num("coverage_p25_p75", "P25–P75"), num("half_way_coverage_p5_p95", "Half-way P5–P95"),
		num("half_way_champions_inside", "Champion inside"), num("half_way_seasons", ""))
	f4 := func(x float64) cell { return cell{Text: strconv.FormatFloat(x, 'f', 4, 64), Value: x} }
	p1 := func(x float64) cell { return cell{Text: pct1(x), Value: x} }
	for _, row := range r.rows {
		var cells []cell
		for _, ax := range r.axes {
			cells = append(cells, c(*ax.field(&row.opts)))
		}
		s, b := row.bt.Scores[0], row.bt.Bands
		cells = append(cells, f4(s.Brier), f4(s.LogLoss), p1(b.Cover90), p1(b.Cover50), p1(b.HalfWay.Cover90),
			cell{Text: fmt.Sprintf("%d/%d", b.HalfWay.Champions, b.HalfWay.Seasons), Value: b.HalfWay.Champions}, c(b.HalfWay.Seasons))
		rep.Body = append(rep.Body, cells)
	}
	return rep
}
