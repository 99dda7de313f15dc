package benchmarks

import (
	"fmt"
	"testing"

	"github.com/champ-dev/champ/data"
	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// defaultCase is F1 2024 after round 9: 20 drivers, 15 races with the
// fastest-lap point, 4 sprints, retirements, countback, full tallies.
func defaultCase(b *testing.B) *points.Season {
	b.Helper()
	s, err := data.Open(data.DefaultSeason)
	if err != nil {
		b.Fatal(err)
	}
	s, err = s.After(data.DefaultAfter)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func seasonsPerSecond(b *testing.B, seasons int) {
	b.ReportMetric(float64(seasons)*float64(b.N)/b.Elapsed().Seconds(), "seasons/s")
}

// BenchmarkProject runs whole projections of the default case.
func BenchmarkProject(b *testing.B) {
	s := defaultCase(b)
	for _, sims := range []int{100_000, 1_000_000} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("sims=%d/workers=%d", sims, workers), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := sim.Project(s, data.DefaultAfter, sim.Config{Sims: sims, Seed: 1, Workers: workers}); err != nil {
						b.Fatal(err)
					}
				}
				seasonsPerSecond(b, sims)
			})
		}
	}
}

// BenchmarkProjectCarry runs the default projection as champ project
// does: the form of 2023 carried into 2024 (the model's prior).
func BenchmarkProjectCarry(b *testing.B) {
	s := defaultCase(b)
	prev, err := data.Open("f1-2023")
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("sims=1000000/workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sim.Project(s, data.DefaultAfter, sim.Config{Sims: 1_000_000, Seed: 1, Workers: workers, Previous: prev}); err != nil {
					b.Fatal(err)
				}
			}
			seasonsPerSecond(b, 1_000_000)
		})
	}
}

// BenchmarkProjectWhatIf runs the paths that change the default case:
// driver changes (--entries), fixed results (--fix), and a projection of
// IndyCar 2024 after the Indianapolis 500 (27 cars, every place scoring,
// pole, led-a-lap and most-laps-led bonuses), and of WEC 2024 after Le
// Mans (19 cars with crews, manufacturers by best car with privateers
// giving way, the privateers' World Cup). Each should simulate at least
// half as many seasons a second as BenchmarkProject.
func BenchmarkProjectWhatIf(b *testing.B) {
	s := defaultCase(b)
	indy, err := data.Open("indycar-2024")
	if err != nil {
		b.Fatal(err)
	}
	if indy, err = indy.After(5); err != nil {
		b.Fatal(err)
	}
	wec, err := data.Open("wec-2024")
	if err != nil {
		b.Fatal(err)
	}
	if wec, err = wec.After(4); err != nil {
		b.Fatal(err)
	}
	entries := []points.Entry{
		{Round: 17, Until: 17, Driver: "oliver-bearman", Name: "Oliver Bearman", Team: "haas", Replaces: "kevin-magnussen", Source: "bench"},
		{Round: 16, Driver: "franco-colapinto", Name: "Franco Colapinto", Team: "williams", Replaces: "logan-sargeant", Share: 0.9, Source: "bench"},
	}
	fixes := []points.Fix{
		{Round: 10, Session: points.Race, Driver: "charles-leclerc", Kind: points.FixPosition, Position: 1, Source: "bench"},
		{Round: 10, Session: points.Race, Driver: "max-verstappen", Kind: points.FixDNF, Source: "bench"},
	}
	const sims = 250_000
	for _, c := range []struct {
		name  string
		s     *points.Season
		after int
		cfg   sim.Config
	}{
		{"entries", s, data.DefaultAfter, sim.Config{Entries: entries}},
		{"fix", s, data.DefaultAfter, sim.Config{Fixes: fixes}},
		{"indycar", indy, 5, sim.Config{}},
		{"wec", wec, 4, sim.Config{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			cfg := c.cfg
			cfg.Sims, cfg.Seed, cfg.Workers = sims, 1, 1
			b.ReportAllocs()
			for b.Loop() {
				if _, err := sim.Project(c.s, c.after, cfg); err != nil {
					b.Fatal(err)
				}
			}
			seasonsPerSecond(b, sims)
		})
	}
}

// BenchmarkFit fits the model to a full season (2024, 24 rounds).
func BenchmarkFit(b *testing.B) {
	s, err := data.Open("f1-2024")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sim.FitSeason(s, 24, sim.DefaultOptions())
	}
}

// BenchmarkLoadSeason reads a built-in season from its CSV files.
func BenchmarkLoadSeason(b *testing.B) {
	b.ReportAllocs()
	rows := 0
	for b.Loop() {
		s, err := data.Open("f1-2024")
		if err != nil {
			b.Fatal(err)
		}
		rows = len(s.Results)
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkStandings computes the standings after the last round.
func BenchmarkStandings(b *testing.B) {
	s, err := data.Open("f1-2024")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		points.Drivers(s, 24)
	}
}

// BenchmarkRace draws one race of 20 drivers: retirements, exponential
// times, the sorting network.
func BenchmarkRace(b *testing.B) {
	x, err := sim.NewSimulator(defaultCase(b), data.DefaultAfter, sim.Config{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		x.Race()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "races/s")
}

// BenchmarkSeason simulates one season of the default case into the
// tallies: it must not allocate.
func BenchmarkSeason(b *testing.B) {
	benchSeason(b, defaultCase(b), data.DefaultAfter)
}

// benchSeason simulates one season after round after into the tallies.
func benchSeason(b *testing.B, s *points.Season, after int) {
	x, err := sim.NewSimulator(s, after, sim.Config{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		x.Season()
	}
	seasonsPerSecond(b, 1)
	b.ReportMetric(float64(x.Replayed())/float64(b.N), "replays/season")
}

// BenchmarkSeasonIndyCar simulates one season of IndyCar 2024 after the
// Indianapolis 500 into the tallies.
func BenchmarkSeasonIndyCar(b *testing.B) {
	s, err := data.Open("indycar-2024")
	if err != nil {
		b.Fatal(err)
	}
	if s, err = s.After(5); err != nil {
		b.Fatal(err)
	}
	benchSeason(b, s, 5)
}

// BenchmarkSeasonWEC simulates one season of WEC 2024 after Le Mans into
// the tallies: 19 cars with crews, three championships.
func BenchmarkSeasonWEC(b *testing.B) {
	s, err := data.Open("wec-2024")
	if err != nil {
		b.Fatal(err)
	}
	if s, err = s.After(4); err != nil {
		b.Fatal(err)
	}
	benchSeason(b, s, 4)
}

// BenchmarkClinchAllRounds runs what champ clinch computes (can win, best
// and worst positions, earliest clinch for every driver, the next round's
// condition) after every round of every season 1991-2025.
func BenchmarkClinchAllRounds(b *testing.B) {
	var seasons []*points.Season
	for y := 1991; y <= 2025; y++ {
		s, err := data.Open(fmt.Sprintf("f1-%d", y))
		if err != nil {
			b.Fatal(err)
		}
		seasons = append(seasons, s)
	}
	rounds := 0
	for b.Loop() {
		rounds = 0
		for _, s := range seasons {
			for n := 1; n <= s.LastCompleted(); n++ {
				cut, _ := s.After(n)
				st := points.Drivers(cut, n)
				for _, e := range st {
					points.CanWin(cut, n, st, e.ID, points.DriversChampionship)
					points.BestPosition(cut, n, st, e.ID, points.DriversChampionship)
					points.WorstPosition(cut, n, st, e.ID, points.DriversChampionship)
					points.EarliestClinch(cut, n, st, e.ID, points.DriversChampionship)
				}
				points.NextRoundCondition(cut, n, points.DriversChampionship)
				rounds++
			}
		}
	}
	b.ReportMetric(float64(rounds)*float64(b.N)/b.Elapsed().Seconds(), "rounds/s")
}
