package main

import (
	"cmp"
	"fmt"
	"io"
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

// gridReport renders a grid search: one line per point, best first.
type gridReport struct {
	rows  []gridRow
	axes  []gridAxis
	label string
	sims  int
	seed  uint64
}

func (r gridReport) header() []string {
	var h []string
	for _, ax := range r.axes {
		h = append(h, strings.ReplaceAll(ax.name, "-", "_"))
	}
	return append(h, "brier", "log_loss", "coverage_p5_p95", "coverage_p25_p75", "half_way_coverage_p5_p95", "half_way_champions_inside")
}

func (r gridReport) cells(row gridRow, pct func(float64) string, num func(float64) string) []string {
	var c []string
	for _, ax := range r.axes {
		c = append(c, strconv.FormatFloat(*ax.field(&row.opts), 'g', -1, 64))
	}
	s, b := row.bt.Scores[0], row.bt.Bands
	return append(c, num(s.Brier), num(s.LogLoss), pct(b.Cover90), pct(b.Cover50), pct(b.HalfWay.Cover90),
		fmt.Sprintf("%d/%d", b.HalfWay.Champions, b.HalfWay.Seasons))
}

func (r gridReport) table(w io.Writer) error {
	fmt.Fprintf(w, "Grid of %d hyperparameter points: %s, %d simulated seasons per projection, seed %d.\n", len(r.rows), r.label, r.sims, r.seed)
	fmt.Fprintf(w, "Best log loss first; every option not on the grid as given.\n\n")
	var cols []string
	for _, h := range r.header() {
		cols = append(cols, ">"+h)
	}
	t := newTable(cols...)
	for _, row := range r.rows {
		t.add(r.cells(row, pct1, func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) })...)
	}
	return t.write(w)
}

func (r gridReport) csv(w io.Writer) error {
	rows := [][]string{r.header()}
	for _, row := range r.rows {
		rows = append(rows, r.cells(row, f6, f6))
	}
	return writeRecords(w, rows)
}

func (r gridReport) json(w io.Writer) error {
	var out []map[string]any
	for _, row := range r.rows {
		m := map[string]any{}
		for _, ax := range r.axes {
			m[strings.ReplaceAll(ax.name, "-", "_")] = *ax.field(&row.opts)
		}
		s, b := row.bt.Scores[0], row.bt.Bands
		m["brier"], m["log_loss"] = round6(s.Brier), round6(s.LogLoss)
		m["coverage_p5_p95"], m["coverage_p25_p75"] = round6(b.Cover90), round6(b.Cover50)
		m["half_way_coverage_p5_p95"], m["half_way_champions_inside"], m["half_way_seasons"] = round6(b.HalfWay.Cover90), b.HalfWay.Champions, b.HalfWay.Seasons
		out = append(out, m)
	}
	return writeJSON(w, out)
}
