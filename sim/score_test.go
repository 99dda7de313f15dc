package sim

import (
	"math"
	"strconv"
	"testing"

	"github.com/champ-dev/champ/points"
)

func TestScores(t *testing.T) {
	for _, c := range []struct {
		p        float64
		happened bool
		brier    float64
		logLoss  float64
	}{
		{1, true, 0, -math.Log(1 - LogLossFloor)},
		{0, true, 1, -math.Log(LogLossFloor)},
		{0.5, false, 0.25, math.Ln2},
		{0.8, true, 0.04, -math.Log(0.8)},
		{0.8, false, 0.64, -math.Log(0.2)},
	} {
		if got := Brier(c.p, c.happened); math.Abs(got-c.brier) > 1e-12 {
			t.Errorf("Brier(%v, %v) = %v, want %v", c.p, c.happened, got, c.brier)
		}
		if got := LogLoss(c.p, c.happened); math.Abs(got-c.logLoss) > 1e-12 {
			t.Errorf("LogLoss(%v, %v) = %v, want %v", c.p, c.happened, got, c.logLoss)
		}
	}
}

// Seasons weigh equally: a season with many forecasts counts as much as
// one with few.
func TestScoreWeighsSeasonsEqually(t *testing.T) {
	var fs []Forecast
	for range 9 { // a long season forecast perfectly
		fs = append(fs, Forecast{Season: "long", Prob: 1, Champion: true})
	}
	fs = append(fs, Forecast{Season: "short", Prob: 0.5, Champion: true}) // one forecast, Brier 0.25
	sc := ScoreForecasts("m", fs)
	if sc.Forecasts != 10 || sc.Seasons != 2 {
		t.Fatalf("counts: %+v", sc)
	}
	if math.Abs(sc.Brier-0.125) > 1e-12 {
		t.Errorf("Brier %v, want (0 + 0.25)/2", sc.Brier)
	}
	ref := ScoreForecasts("ref", []Forecast{{Season: "long", Prob: 0.5, Champion: true}, {Season: "short", Prob: 0.5, Champion: true}})
	sc.SkillAgainst(ref)
	if math.Abs(sc.BrierSkill-0.5) > 1e-12 {
		t.Errorf("Brier skill %v, want 1 - 0.125/0.25", sc.BrierSkill)
	}
}

func TestReliability(t *testing.T) {
	fs := []Forecast{{Prob: 0.05}, {Prob: 0.15, Champion: true}, {Prob: 0.12}, {Prob: 1, Champion: true}, {Prob: 0.95}}
	bins := Reliability(fs, 10)
	if len(bins) != 10 {
		t.Fatalf("%d bins", len(bins))
	}
	if b := bins[1]; b.Count != 2 || b.Happened != 1 || math.Abs(b.MeanProb-0.135) > 1e-12 || b.Observed != 0.5 {
		t.Errorf("bin 10-20%%: %+v", b)
	}
	if b := bins[9]; b.Count != 2 || b.Observed != 0.5 {
		t.Errorf("the last bin holds 1: %+v", b)
	}
	if bins[5].Count != 0 || bins[5].Observed != 0 {
		t.Errorf("empty bin: %+v", bins[5])
	}
}

// The range a calibrated bin's observed share falls in is wide where its
// forecasts are one driver's season (one title, won or lost together) and
// narrow where they are many drivers' seasons; the same seed gives the
// same range.
func TestConsistency(t *testing.T) {
	var one, many []Forecast
	for k := range 40 {
		one = append(one, Forecast{Season: "s", Round: k + 1, Driver: "a", Prob: 0.5})
		many = append(many, Forecast{Season: strconv.Itoa(k), Round: 1, Driver: "a", Prob: 0.5})
	}
	bins := Reliability(one, 10)
	Consistency(bins, one, 1, 2000)
	if got := bins[5].Calibrated; got != [2]float64{0, 1} {
		t.Errorf("one driver's season: range %v, want [0 1]", got)
	}
	bins = Reliability(many, 10)
	Consistency(bins, many, 1, 2000)
	lo, hi := bins[5].Calibrated[0], bins[5].Calibrated[1]
	if lo < 0.3 || lo > 0.4 || hi < 0.6 || hi > 0.7 { // binomial(40, 0.5): 0.35 to 0.65
		t.Errorf("40 drivers' seasons: range %v, want about [0.35 0.65]", bins[5].Calibrated)
	}
	again := Reliability(many, 10)
	Consistency(again, many, 1, 2000)
	if again[5].Calibrated != bins[5].Calibrated {
		t.Errorf("not reproducible: %v then %v", bins[5].Calibrated, again[5].Calibrated)
	}
	if bins[0].Calibrated != [2]float64{} {
		t.Errorf("an empty bin has range %v", bins[0].Calibrated)
	}
	// Crew-mates share one title: ten of one crew are one outcome, ten
	// drivers of no crew ten.
	var crew, apart []Forecast
	for k := range 10 {
		crew = append(crew, Forecast{Season: "wec", Round: 1, Driver: strconv.Itoa(k), Prob: 0.5, Crew: 1})
		apart = append(apart, Forecast{Season: "wec", Round: 1, Driver: strconv.Itoa(k), Prob: 0.5})
	}
	bins = Reliability(crew, 10)
	Consistency(bins, crew, 1, 2000)
	if got := bins[5].Calibrated; got != [2]float64{0, 1} {
		t.Errorf("one crew: range %v, want [0 1]", got)
	}
	bins = Reliability(apart, 10)
	Consistency(bins, apart, 1, 2000)
	if got := bins[5].Calibrated; got[0] == 0 || got[1] == 1 {
		t.Errorf("ten drivers apart: range %v, want inside (0, 1)", got)
	}
}

// raceOf appends a race of round rd in the given finishing order ("" for
// retired drivers at the end is not needed: all finish).
func raceOf(s *points.Season, rd int, order ...string) {
	for i, d := range order {
		s.Results = append(s.Results, points.Result{Round: rd, Driver: d, Team: "team-" + d, Car: d, Position: i + 1})
	}
}

// A backtest on a complete invented season: the forecasts cover only the
// rounds with the title open and the drivers who could still win, the
// champion is the real one, and the baselines are what they say.
func TestBacktest(t *testing.T) {
	sys, _ := points.Lookup("f1-2003") // 10-8-6-5-4-3-2-1
	s := &points.Season{Name: "invented", System: sys}
	orders := [][]string{{"a", "b", "c"}, {"b", "a", "c"}, {"a", "c", "b"}, {"a", "b", "c"}, {"c", "b", "a"}}
	for i, o := range orders {
		s.Rounds = append(s.Rounds, points.Round{Number: i + 1, Completed: true, Multiplier: 1, Distance: 1})
		raceOf(s, i+1, o...)
	}
	bt, err := RunBacktest([]*points.Season{s}, BacktestConfig{Model: ModelUniform, Compare: []string{ModelEmpirical}, Sims: 4000, Seed: 1, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	// a: 10, 18, 28, 38 after rounds 1-4; b: 8, 18, 24, 32; c: 6, 12, 20, 26.
	// After round 4 (one race left, 10 points) only a and b can win.
	if bt.Rounds != 4 {
		t.Errorf("%d rounds, want 4", bt.Rounds)
	}
	fs := bt.Forecasts[ModelUniform]
	last := fs[len(fs)-2:]
	if last[0].Round != 4 || last[0].Driver != "a" || last[1].Driver != "b" || len(fs) != 3+3+3+2 {
		t.Errorf("forecasts: %+v", fs)
	}
	for _, f := range fs {
		if f.Champion != (f.Driver == "a") {
			t.Errorf("champion wrong: %+v", f)
		}
	}
	if got := []string{bt.Scores[0].Model, bt.Scores[1].Model, bt.Scores[2].Model, bt.Scores[3].Model}; got[0] != ModelUniform || got[1] != ModelEmpirical || got[2] != BaselineLeader || got[3] != BaselineOpen {
		t.Errorf("score order %v", got)
	}
	for _, f := range bt.Forecasts[BaselineOpen] {
		if f.Round == 4 && f.Prob != 0.5 || f.Round < 4 && math.Abs(f.Prob-1.0/3) > 1e-12 {
			t.Errorf("open baseline: %+v", f)
		}
	}
	if open := bt.Scores[3]; open.BrierSkill != 0 || open.LogLossSkill != 0 {
		t.Errorf("the reference has skill 0: %+v", open)
	}
	again, _ := RunBacktest([]*points.Season{s}, BacktestConfig{Model: ModelUniform, Compare: []string{ModelEmpirical}, Sims: 4000, Seed: 1, Workers: 1})
	if again.Scores[0] != bt.Scores[0] {
		t.Errorf("workers changed the scores: %+v vs %+v", again.Scores[0], bt.Scores[0])
	}
}

// Retirements inform the retirement rate only: a driver who wins every
// race he finishes is stronger than one who is always second.
func TestFitIgnoresRetirementsInStrength(t *testing.T) {
	sys, _ := points.Lookup("f1-2024")
	s := &points.Season{System: sys}
	for rd := 1; rd <= 10; rd++ {
		s.Rounds = append(s.Rounds, points.Round{Number: rd, Completed: true, Multiplier: 1, Distance: 1})
		if rd%3 == 0 {
			raceOf(s, rd, "steady", "c", "d", "e")
			s.Results = append(s.Results, points.Result{Round: rd, Driver: "fast", Status: points.DNF})
		} else {
			raceOf(s, rd, "fast", "steady", "c", "d", "e")
		}
	}
	f := FitSeason(s, 10, DefaultOptions())
	if f.Strength[f.Index("fast")] <= f.Strength[f.Index("steady")] {
		t.Errorf("fast %v, steady %v", f.Strength[f.Index("fast")], f.Strength[f.Index("steady")])
	}
	if f.DNF(f.Index("fast")) <= f.DNF(f.Index("steady")) {
		t.Error("the retirements should show in the retirement rate")
	}
}

// In a season raced by crews, a backtest marks crew-mates' forecasts with
// their crew, so the range if calibrated draws one title for them.
func TestBacktestCrews(t *testing.T) {
	sys, err := points.Lookup("wec-hypercar-2024")
	if err != nil {
		t.Fatal(err)
	}
	s := &points.Season{Name: "crews", System: sys}
	for r := 1; r <= 4; r++ {
		s.Rounds = append(s.Rounds, points.Round{Number: r, Completed: true, Multiplier: 1, Distance: 1})
		for _, x := range []points.Result{
			{Driver: "a1", Car: "1", Make: "m1", Position: 1 + r%2}, {Driver: "a2", Car: "1", Make: "m1", Position: 1 + r%2},
			{Driver: "b1", Car: "2", Make: "m2", Position: 2 - r%2}, {Driver: "b2", Car: "2", Make: "m2", Position: 2 - r%2},
			{Driver: "c1", Car: "3", Make: "m1", Position: 3},
		} {
			x.Round = r
			s.Results = append(s.Results, x)
		}
	}
	bt, err := RunBacktest([]*points.Season{s}, BacktestConfig{Model: ModelUniform, Compare: []string{}, Sims: 500, Seed: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	crew := map[string]int{}
	for _, f := range bt.Forecasts[ModelUniform] {
		crew[f.Driver] = f.Crew
	}
	if len(crew) == 0 {
		t.Fatal("no forecasts")
	}
	if crew["a1"] == 0 || crew["a1"] != crew["a2"] || crew["b1"] != crew["b2"] || crew["a1"] == crew["b1"] {
		t.Errorf("crews %v: want a1 with a2 and b1 with b2, apart", crew)
	}
}
