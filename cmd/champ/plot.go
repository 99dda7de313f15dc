package main

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// Charts are drawn with gonum/plot: a plot, and its legend in a column of
// its own to the right, so the legend never hides a line.

const (
	chartWidth  = 10 * vg.Inch
	chartHeight = 6 * vg.Inch
	chartDPI    = 120
)

// chart is a figure: a plot and its legend.
type chart struct {
	p      *plot.Plot
	legend plot.Legend
	keys   int // legend entries
}

// Charts are set in Liberation Sans, which gonum/plot embeds to measure
// text; an SVG names it first and then fonts of the same metrics (Arial,
// Helvetica) and the generic sans-serif, so that a viewer without it
// neither clips nor overlaps the labels.
func init() { plot.DefaultFont = font.Font{Typeface: "Liberation", Variant: "Sans"} }

// withFallbackFonts gives an SVG's font-family its fallbacks.
func withFallbackFonts(svg string) string {
	return strings.ReplaceAll(svg, "font-family:Liberation Sans;", "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;")
}

// newChart starts a chart; its texts, like every name drawn on it (key,
// ticks), show control characters as escapes, which SVG cannot hold.
func newChart(title, x, y string) *chart {
	p := plot.New()
	p.Title.Text = safeText(title)
	p.Title.TextStyle.Font.Size = vg.Points(14)
	p.Title.Padding = vg.Points(8)
	p.X.Label.Text = safeText(x)
	p.Y.Label.Text = safeText(y)
	p.X.Label.TextStyle.Font.Size = vg.Points(11)
	p.Y.Label.TextStyle.Font.Size = vg.Points(11)
	p.Add(plotter.NewGrid())
	l := plot.NewLegend()
	l.Top, l.Left = true, true
	l.TextStyle.Font.Size = vg.Points(10)
	l.Padding = vg.Points(3) // between entries, so that their lines never touch
	return &chart{p: p, legend: l}
}

func (ch *chart) key(name string, thumbs ...plot.Thumbnailer) {
	ch.legend.Add(safeText(name), thumbs...)
	ch.keys++
}

// checkPlotFile accepts the chart formats by file extension.
func checkPlotFile(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png", ".svg":
		return checkWritable("--plot", path)
	}
	return usagef("--plot %s: name a .png or .svg file", path)
}

// writePlot draws the chart to path (PNG or SVG, by extension), atomically.
func writePlot(path string, ch *chart) error {
	if err := checkPlotFile(path); err != nil {
		return err
	}
	var canvas vg.CanvasWriterTo
	if strings.ToLower(filepath.Ext(path)) == ".svg" {
		canvas = vgsvg.New(chartWidth, chartHeight)
	} else {
		canvas = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(chartWidth, chartHeight), vgimg.UseDPI(chartDPI))}
	}
	drawChart(canvas, ch)
	if err := data.WriteFileAtomic(path, func(w io.Writer) error {
		if svg, ok := canvas.(*vgsvg.Canvas); ok {
			var b strings.Builder
			if _, err := svg.WriteTo(&b); err != nil {
				return err
			}
			_, err := io.WriteString(w, withFallbackFonts(b.String()))
			return err
		}
		_, err := canvas.WriteTo(w)
		return err
	}); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// drawChart draws the chart on the canvas, its legend to the right of the
// plot area.
func drawChart(canvas vg.CanvasWriterTo, ch *chart) {
	dc := draw.New(canvas)
	area := dc
	if ch.keys > 0 {
		r := ch.legend.Rectangle(dc)
		lw := r.Max.X - r.Min.X + vg.Points(16)
		area = draw.Crop(dc, 0, -lw, 0, 0)
		side := draw.Crop(dc, chartWidth-lw, 0, 0, 0)
		ch.legend.YOffs = -vg.Points(40) // level with the top of the plot area
		ch.legend.Draw(side)
	}
	ch.p.Draw(area)
}

// plotSVG is the chart as an <svg> element to put inline in a page.
func plotSVG(ch *chart) (string, error) {
	canvas := vgsvg.New(chartWidth, chartHeight)
	drawChart(canvas, ch)
	var b strings.Builder
	if _, err := canvas.WriteTo(&b); err != nil {
		return "", err
	}
	svg := withFallbackFonts(b.String())
	if i := strings.Index(svg, "<svg"); i >= 0 {
		svg = svg[i:]
	}
	return strings.TrimSpace(svg), nil
}

// percentTicks marks a 0–1 axis in percent: a labelled tick every step
// (a fraction such as 0.1) and an unlabelled one halfway between.
func percentTicks(step float64) plot.ConstantTicks {
	var t []plot.Tick
	n := int(math.Round(1 / step))
	for i := 0; i <= 2*n; i++ {
		v := float64(i) / float64(2*n)
		lab := ""
		if i%2 == 0 {
			lab = strconv.Itoa(100*i/(2*n)) + "%"
		}
		t = append(t, plot.Tick{Value: v, Label: lab})
	}
	return t
}

// teamColours are the teams' livery colours, darkened where the livery
// would vanish on white, keyed by champ's team ids (or their first word).
var teamColours = map[string]color.RGBA{
	"ferrari":      {0xdc, 0x00, 0x00, 0xff},
	"mclaren":      {0xff, 0x80, 0x00, 0xff},
	"red-bull":     {0x1e, 0x3a, 0x8a, 0xff},
	"mercedes":     {0x00, 0xa1, 0x9c, 0xff},
	"williams":     {0x00, 0x5a, 0xff, 0xff},
	"aston-martin": {0x22, 0x99, 0x71, 0xff},
	"alpine":       {0xe8, 0x4c, 0xa8, 0xff},
	"renault":      {0xd4, 0xa0, 0x00, 0xff},
	"benetton":     {0x00, 0x8c, 0x45, 0xff},
	"brawn":        {0xa8, 0xc0, 0x20, 0xff},
	"lotus":        {0x1a, 0x1a, 0x1a, 0xff},
	"brabham":      {0x4b, 0x5d, 0xa8, 0xff},
	"tyrrell":      {0x00, 0x47, 0xab, 0xff},
	"bmw":          {0x6c, 0x8e, 0xbf, 0xff},
	"sauber":       {0x52, 0xa8, 0x52, 0xff},
	"kick-sauber":  {0x3c, 0xb0, 0x3c, 0xff},
	"jordan":       {0xc8, 0xa8, 0x00, 0xff},
	"haas":         {0x80, 0x80, 0x80, 0xff},
	"rb":           {0x66, 0x92, 0xff, 0xff},
	"racing-bulls": {0x66, 0x92, 0xff, 0xff},
	"toro-rosso":   {0x46, 0x9b, 0xff, 0xff},
	"alphatauri":   {0x2b, 0x45, 0x62, 0xff},
	"force-india":  {0xf5, 0x96, 0xc8, 0xff},
	"racing-point": {0xf5, 0x96, 0xc8, 0xff},
	"alfa-romeo":   {0x90, 0x00, 0x00, 0xff},
	"ligier":       {0x00, 0x66, 0xcc, 0xff},
	"cooper":       {0x00, 0x55, 0x30, 0xff},
	"maserati":     {0x80, 0x00, 0x20, 0xff},
	"vanwall":      {0x00, 0x50, 0x40, 0xff},
	"brm":          {0x40, 0x40, 0x40, 0xff},
	"matra":        {0x00, 0x3a, 0x8c, 0xff},
	"march":        {0xe0, 0x60, 0x00, 0xff},
	"wolf":         {0x7a, 0x5c, 0x00, 0xff},
	"bar":          {0x90, 0x90, 0xa0, 0xff},
	"toyota":       {0xb0, 0x20, 0x30, 0xff},
	"honda":        {0xa0, 0xa0, 0xa0, 0xff},
}

// fallback colours (a colour-blind-safe palette) for teams without one.
var fallback = []color.RGBA{
	{0x00, 0x72, 0xb2, 0xff}, {0xd5, 0x5e, 0x00, 0xff}, {0x00, 0x9e, 0x73, 0xff}, {0xcc, 0x79, 0xa7, 0xff},
	{0x56, 0xb4, 0xe9, 0xff}, {0xe6, 0x9f, 0x00, 0xff}, {0x55, 0x55, 0x55, 0xff}, {0xf0, 0xe4, 0x42, 0xff},
}

// styler hands out a colour per team and a dash pattern per driver of
// the same team, so team-mates share a colour and stay apart.
type styler struct {
	used  map[string]int // team -> drivers styled
	spare int
	col   map[string]color.Color
}

func newStyler() *styler { return &styler{used: map[string]int{}, col: map[string]color.Color{}} }

func (st *styler) style(team string) (color.Color, []vg.Length) {
	c, ok := st.col[team]
	if !ok {
		rgba, known := teamColours[team]
		if !known {
			if i := strings.IndexByte(team, '-'); i > 0 {
				rgba, known = teamColours[team[:i]]
			}
		}
		if !known {
			rgba = fallback[st.spare%len(fallback)]
			st.spare++
		}
		c = rgba
		st.col[team] = c
	}
	n := st.used[team]
	st.used[team]++
	dashes := [][]vg.Length{nil, {vg.Points(6), vg.Points(3)}, {vg.Points(2), vg.Points(2)}}
	return c, dashes[n%len(dashes)]
}

// reliabilityPlot is the backtest's reliability diagram: each bin's mean
// forecast against how often it came true, on the diagonal the 95% range
// a calibrated forecaster's bin would fall in, each driver's season one
// outcome.
func reliabilityPlot(bt *sim.Backtest, label string) *chart {
	n := 0
	for _, b := range bt.Reliability {
		n += b.Count
	}
	ch := newChart(fmt.Sprintf("Are champ's title odds calibrated? %s, %s, %d forecasts", bt.Model, label, n),
		"Forecast title probability (bins of 10 points)", "Share of those drivers who became champion")
	ch.p.X.Tick.Marker = percentTicks(0.1)
	ch.p.Y.Tick.Marker = percentTicks(0.1)
	diag, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	diag.Color = color.Gray{0x90}
	diag.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	ch.p.Add(diag)
	ch.key("perfectly calibrated", diag)
	var band struct {
		plotter.XYs
		plotter.YErrors
	}
	var pts plotter.XYs
	var labels []string
	for _, b := range bt.Reliability {
		if b.Count == 0 {
			continue
		}
		band.XYs = append(band.XYs, plotter.XY{X: b.MeanProb, Y: b.MeanProb})
		// Each driver's (or crew's) season one outcome (sim.Consistency).
		band.YErrors = append(band.YErrors, struct{ Low, High float64 }{max(b.MeanProb-b.Calibrated[0], 0), max(b.Calibrated[1]-b.MeanProb, 0)})
		pts = append(pts, plotter.XY{X: b.MeanProb, Y: b.Observed})
		labels = append(labels, fmt.Sprintf("n=%d", b.Count))
	}
	if len(pts) > 0 {
		bars, _ := plotter.NewYErrorBars(band)
		bars.Color = color.Gray{0xa0}
		bars.LineStyle.Width = vg.Points(3)
		bars.CapWidth = vg.Points(8)
		ch.p.Add(bars)
		thumb, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}})
		thumb.LineStyle = bars.LineStyle
		ch.key("95% range if calibrated", thumb)
		line, points, _ := plotter.NewLinePoints(pts)
		line.Color = fallback[0]
		line.Width = vg.Points(1.5)
		points.Shape = draw.CircleGlyph{}
		points.Color = fallback[0]
		points.Radius = vg.Points(4)
		ch.p.Add(line, points)
		ch.key(bt.Model, line, points)
		lab, _ := plotter.NewLabels(plotter.XYLabels{XYs: pts, Labels: labels})
		for i := range lab.TextStyle {
			lab.TextStyle[i].Font.Size = vg.Points(9)
			lab.TextStyle[i].Color = color.Gray{0x40}
		}
		lab.Offset = vg.Point{X: vg.Points(7), Y: -vg.Points(12)}
		ch.p.Add(lab)
	}
	// After Add, which widens the axes to the data (labels included).
	ch.p.X.Min, ch.p.X.Max, ch.p.Y.Min, ch.p.Y.Max = 0, 1, 0, 1
	return ch
}

// timelinePlot draws the title odds after each round, one line per
// contender: the drivers who reached minProb after some round, at most
// maxLines of them, strongest first.
func timelinePlot(s *points.Season, ps []*sim.Projection, champ *points.Championship, contenders []string) *chart {
	ch := newChart(fmt.Sprintf("%s, %s: title odds after each round", s.Name, champ.Title), "After round", "Title probability")
	ch.p.Y.Min, ch.p.Y.Max = 0, 1
	lastRound := ps[len(ps)-1].After
	ch.p.X.Min, ch.p.X.Max = 1, float64(max(lastRound, 2))
	ch.p.Y.Tick.Marker = percentTicks(0.2)
	// Each round projected after by its race's name, upright on the axis;
	// in a long season every other one, and always the last.
	var ticks []plot.Tick
	for i, p := range ps {
		r, lab := p.After, ""
		if len(ps) <= 16 || i%2 == 0 || i == len(ps)-1 {
			lab = strconv.Itoa(r)
			if rd := s.Round(r); rd != nil && rd.Name != "" {
				lab = rd.Name
			}
		}
		ticks = append(ticks, plot.Tick{Value: float64(r), Label: safeText(lab)})
	}
	ch.p.X.Tick.Marker = plot.ConstantTicks(ticks)
	ch.p.X.Tick.Label.Rotation = math.Pi / 2
	ch.p.X.Tick.Label.XAlign = draw.XRight
	ch.p.X.Tick.Label.YAlign = draw.YCenter
	st := newStyler()
	for _, id := range contenders {
		var xy plotter.XYs
		for _, p := range ps {
			for _, e := range p.Table(champ.ID).Entries {
				if e.ID == id {
					xy = append(xy, plotter.XY{X: float64(p.After), Y: e.TitleProb})
				}
			}
		}
		l, _ := plotter.NewLine(xy)
		team := id
		if champ.Of == points.HolderDriver {
			team = s.DriverTeam(id, lastRound)
		}
		l.Color, l.Dashes = st.style(team)
		l.Width = vg.Points(2)
		ch.p.Add(l)
		ch.key(s.EntryName(champ, id), l)
	}
	// The round after which the title was decided, if it was, from the
	// season as it stood then (a projection of a timeline holds the whole
	// season: a later round's distance is not yet known).
	for _, p := range ps {
		cut, err := s.After(p.After)
		if err != nil {
			continue
		}
		if done, leader := points.Decided(cut, p.After, champ.ID); done {
			x := float64(p.After)
			l, _ := plotter.NewLine(plotter.XYs{{X: x, Y: 0}, {X: x, Y: 1}})
			l.Color, l.Dashes, l.Width = color.Gray{Y: 90}, []vg.Length{vg.Points(4), vg.Points(3)}, vg.Points(1)
			ch.p.Add(l)
			ch.key(fmt.Sprintf("%s clinched after %s", s.EntryName(champ, leader), roundName(s, p.After)), l)
			break
		}
	}
	ch.legend.Add("")
	ch.legend.Add(fmt.Sprintf("%s, seed %d", ps[0].Model, ps[0].Seed))
	return ch
}

// roundName is a round by its name, or its number.
func roundName(s *points.Season, n int) string {
	if rd := s.Round(n); rd != nil && rd.Name != "" {
		return rd.Name
	}
	return fmt.Sprintf("round %d", n)
}

// distributionPlot draws each contender's distribution of final points,
// labelled with the title odds.
func distributionPlot(p *sim.Projection, tb *sim.Table) *chart {
	entries, champ := tb.Entries, tb.Championship
	teams := champ.Of != points.HolderDriver
	what := champ.Entity() + "s"
	ch := newChart(fmt.Sprintf("%s, %s after round %d: final points and title odds", p.Season.Name, champ.Title, p.After),
		fmt.Sprintf("Final points (the %s with a chance of the title)", what), "")
	// Bins wide enough for a smooth curve: about 60 across the range.
	lo, hi := math.Inf(1), math.Inf(-1)
	var shown []sim.Entry
	for _, e := range entries {
		if e.TitleProb <= 0 || len(shown) == 8 {
			continue
		}
		shown = append(shown, e)
		for i, g := range e.Gains {
			if g > 0 {
				x := e.Points + float64(i)*p.Step
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
	}
	if len(shown) == 0 {
		return ch
	}
	width := math.Max(p.Step, math.Ceil((hi-lo)/60))
	ch.p.Y.Label.Text = fmt.Sprintf("Probability per %g points", width)
	if width == 1 {
		ch.p.Y.Label.Text = "Probability per point"
	}
	st := newStyler()
	top := 0.0
	for _, e := range shown {
		bins := map[int]float64{}
		first, last := math.MaxInt, math.MinInt
		for i, g := range e.Gains {
			if g == 0 {
				continue
			}
			b := int(math.Floor((e.Points + float64(i)*p.Step) / width))
			bins[b] += g
			first, last = min(first, b), max(last, b)
		}
		var xy plotter.XYs
		for b := first - 1; b <= last+1; b++ {
			xy = append(xy, plotter.XY{X: (float64(b) + 0.5) * width, Y: bins[b]})
			top = math.Max(top, bins[b])
		}
		l, _ := plotter.NewLine(xy)
		team := e.ID
		name := p.Season.EntryName(champ, e.ID)
		if !teams {
			team, name = e.Team, p.Season.DriverName(e.ID)
		}
		l.Color, l.Dashes = st.style(team)
		l.Width = vg.Points(2)
		ch.p.Add(l)
		ch.key(fmt.Sprintf("%s  %s%% title, %s pts now", name, pct(e.TitleProb), strconv.FormatFloat(e.Points, 'f', -1, 64)), l)
	}
	ch.p.Y.Min, ch.p.Y.Max = 0, 1.08*top
	ch.legend.Add("")
	ch.legend.Add(fmt.Sprintf("%d seasons, %s", p.Sims, p.Model))
	return ch
}
