package points

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

var (
	motoGPRace   = []float64{25, 20, 16, 13, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}
	motoGPSprint = []float64{12, 9, 7, 6, 5, 4, 3, 2, 1}
	top10        = []float64{25, 18, 15, 12, 10, 8, 6, 4, 2, 1}
)

func indyCarTable() []float64 {
	t := []float64{50, 40, 35, 32, 30, 28, 26, 24, 22, 20}
	for p := 19.0; p >= 5; p-- { // 11th-25th: 19 down to 5
		t = append(t, p)
	}
	for len(t) < 33 { // 26th-33rd: 5
		t = append(t, 5)
	}
	return t
}

// presets are the non-F1 systems.
func presets() []*System {
	return []*System{
		{
			ID: "motogp", Name: "MotoGP, 2023-", Series: "MotoGP",
			Source: "FIM Grand Prix World Championship Regulations, art. 1.26 (race top 15 since 1993; sprint top 9 from 2023)",
			Race:   motoGPRace, Sprint: motoGPSprint,
			Teams: TeamRules{Enabled: true},
		},
		{
			ID: "indycar", Name: "IndyCar, 2010-", Series: "IndyCar",
			Source: "INDYCAR Rulebook, Championship Points: 50-40-35-32-30-28-26-24-22-20, then 19 down to 5 (25th-33rd 5); +1 pole, +1 led a lap, +2 most laps led; the Indianapolis 500 doubles position points (set multiplier 2 in the calendar)",
			Race:   indyCarTable(), Pole: 1, LedLap: 1, MostLapsLed: 2,
			Teams: TeamRules{Enabled: true, Pole: true, LedLap: true},
		},
		{
			ID: "formula-e", Name: "Formula E", Series: "Formula E",
			Source: "FIA Formula E World Championship Sporting Regulations, art. 38: 25-18-15-12-10-8-6-4-2-1, +3 pole, +1 fastest lap in the top 10",
			Race:   top10, Pole: 3, FastestLap: 1, FastestLapTop: 10,
			Teams: TeamRules{Enabled: true, Pole: true, FastestLap: true},
		},
		{
			ID: "wec-hypercar", Name: "WEC Hypercar", Series: "WEC",
			Source: "FIA World Endurance Championship Sporting Regulations, art. 10: 6 h 25-18-..., 8 and 10 h 38-27-23-18-15-12-9-6-3-2 (calendar table \"8h\"), Le Mans 50-36-30-24-20-16-12-8-4-2 (table \"le-mans\"); +1 pole",
			Race:   top10, Pole: 1,
			Tables: map[string][]float64{
				"8h":      {38, 27, 23, 18, 15, 12, 9, 6, 3, 2},
				"le-mans": {50, 36, 30, 24, 20, 16, 12, 8, 4, 2},
			},
			Teams: TeamRules{Enabled: true, Pole: true},
		},
	}
}

// Latest F1 season with known rules; "f1" names it.
const latestF1 = 2026

// Lookup returns the preset system with the given id: "f1-YYYY" (1950-2026),
// "f1" (the current season's rules), "motogp", "indycar", "formula-e",
// "wec-hypercar".
func Lookup(id string) (*System, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "f1" {
		return F1(latestF1)
	}
	if y, ok := strings.CutPrefix(id, "f1-"); ok {
		year, err := strconv.Atoi(y)
		if err == nil {
			return F1(year)
		}
	}
	for _, s := range presets() {
		if s.ID == id {
			return s, nil
		}
	}
	return nil, fmt.Errorf("unknown points system %q; known: %s", id, strings.Join(SystemIDs(), ", "))
}

// SystemIDs lists the ids Lookup accepts, F1 seasons as the range f1-1950..f1-2026.
func SystemIDs() []string {
	ids := []string{fmt.Sprintf("f1-1950..f1-%d", latestF1), "f1"}
	for _, s := range presets() {
		ids = append(ids, s.ID)
	}
	return ids
}

// Era is a run of F1 seasons sharing the same rules apart from dropped scores.
type Era struct {
	From, To int
	System   *System // the rules of From
}

// F1Eras groups the F1 seasons into eras whose tables and bonuses agree,
// for listing.
func F1Eras() []Era {
	var eras []Era
	for y := 1950; y <= latestF1; y++ {
		s, _ := F1(y)
		if n := len(eras); n > 0 && sameEra(eras[n-1].System, s) {
			eras[n-1].To = y
			continue
		}
		eras = append(eras, Era{From: y, To: y, System: s})
	}
	return eras
}

func sameEra(a, b *System) bool {
	return a.Describe() == b.Describe()
}

// Presets returns the systems other than F1, sorted by id.
func Presets() []*System {
	ps := presets()
	sort.Slice(ps, func(i, j int) bool { return ps[i].ID < ps[j].ID })
	return ps
}

func sortedKeys(m map[string][]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
