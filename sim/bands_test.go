package sim

import (
	"math"
	"testing"

	"github.com/champ-dev/champ/points"
)

// A forecast band scored by hand: final points inside or outside the
// bands, the interval score's penalty for a miss, and the ranked
// probability score of the final position.
func TestScoreBands(t *testing.T) {
	// Gains of 0..4 points, evenly: P5 0, P25 1, P75 3, P95 4.
	e := Entry{ID: "a", Active: true, Points: 10, Gains: []float64{0.2, 0.2, 0.2, 0.2, 0.2}, Positions: []float64{0.5, 0.5}}
	p := &Projection{Step: 1}
	tb := &Table{Entries: []Entry{e, {ID: "b", Active: true, Points: 0, Gains: []float64{1}, Positions: []float64{0.5, 0.5}}}}
	for _, c := range []struct {
		final    float64
		pos      int
		in90     bool
		in50     bool
		interval float64
		rps      float64
	}{
		{12, 1, true, true, 4, 0.25},
		{16, 1, false, false, 4 + 20*2, 0.25},
		{10, 2, true, false, 4, 0.25},
	} {
		final := []points.Standing{{ID: "a", Points: c.final, Position: c.pos}, {ID: "b", Points: 0, Position: 3 - c.pos}}
		got := scoreBands(p, tb, final, "s", false, nil)
		o := got[0]
		if o.in90 != c.in90 || o.in50 != c.in50 || math.Abs(o.interval-c.interval) > 1e-9 || math.Abs(o.rps-c.rps) > 1e-9 {
			t.Errorf("final %v P%d: %+v, want in90 %v in50 %v interval %v rps %v", c.final, c.pos, o, c.in90, c.in50, c.interval, c.rps)
		}
	}
}

// The bootstrap over seasons is the same for the same seed, and centred
// on the mean difference.
func TestBootstrap(t *testing.T) {
	per := [][]Score{
		{{Brier: 0.1, LogLoss: 0.3}, {Brier: 0.2, LogLoss: 0.4}},
		{{Brier: 0.2, LogLoss: 0.2}, {Brier: 0.2, LogLoss: 0.5}},
		{{Brier: 0.1, LogLoss: 0.1}, {Brier: 0.3, LogLoss: 0.2}},
	}
	a := bootstrap(per, []string{"m", "x"}, 1, 500)
	b := bootstrap(per, []string{"m", "x"}, 1, 500)
	if a[0] != b[0] {
		t.Fatalf("bootstrap not reproducible: %v, %v", a, b)
	}
	if d := a[0]; math.Abs(d.Brier[0]-(-0.1)) > 1e-9 || d.Brier[1] > d.Brier[0] || d.Brier[2] < d.Brier[0] {
		t.Errorf("brier difference %v, want mean -0.1 inside its interval", d.Brier)
	}
}

// The model's own chance that the champion ends inside his band: 0
// unless a backtest asks for it; where the title is settled, the share of
// seasons the leader ends inside his P5–P95; the same on the fast path and
// the full.
func TestChampionInside(t *testing.T) {
	order := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	s := tiny(t, "f1-1991", order, 3) // a wins round 1, rounds 2-4 to run
	for r := 2; r <= 3; r++ {
		s.Rounds[r-1].Completed = true
		for i, d := range order {
			s.Results = append(s.Results, points.Result{Round: r, Driver: d, Team: "team-" + d, Car: d, Position: i + 1})
		}
	}
	cfg := Config{Sims: 4 * BlockSize, Seed: 3}
	if p := projectWith(t, &fullPathOnly, false, s, 3, cfg); p.Tables[0].ChampionInside != 0 {
		t.Errorf("without champBands: %v, want 0", p.Tables[0].ChampionInside)
	}
	cfg.champBands = true
	fast := projectWith(t, &fullPathOnly, false, s, 3, cfg)
	full := projectWith(t, &fullPathOnly, true, s, 3, cfg)
	if fast.Tables[0].ChampionInside != full.Tables[0].ChampionInside {
		t.Errorf("fast path %v, full path %v", fast.Tables[0].ChampionInside, full.Tables[0].ChampionInside)
	}
	a := fast.Tables[0].Entries[0]
	if a.ID != "a" || a.TitleProb != 1 {
		t.Fatalf("leader %s at %v, want a certain", a.ID, a.TitleProb)
	}
	lo, hi := quantileOf(&a, 0.05, fast.Step), quantileOf(&a, 0.95, fast.Step)
	want := 0.0
	for i, g := range a.Gains {
		if x := a.Points + float64(i)*fast.Step; x >= lo && x <= hi {
			want += g
		}
	}
	if got := fast.Tables[0].ChampionInside; math.Abs(got-want) > 1e-12 || got < 0.9 {
		t.Errorf("ChampionInside %v, want %v (at least 0.9)", got, want)
	}
}
