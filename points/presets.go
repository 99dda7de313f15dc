package points

import (
	"fmt"
	"slices"
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

// countdown is n, n-1, ..., 1.
func countdown(n int) []float64 {
	t := make([]float64, n)
	for i := range t {
		t[i] = float64(n - i)
	}
	return t
}

var allBonuses = []BonusKind{FastestLap, Pole, LedLap, MostLapsLed, QualifyingPoints}

// indyCarYears are the IndyCar seasons whose rules champ can state
// exactly. 2014 scored the Indianapolis 500's two qualifying days apart
// (33..1 and a 9..1 shootout bonus), which a table by grid position cannot
// express; in 2015 the 500's pole point is not known; the qualifying
// points of 2020 and 2021 are not published.
var indyCarYears = []int{2016, 2017, 2018, 2019, 2022, 2023, 2024}

// IndyCar returns the NTT IndyCar Series rules of a season: 2016-2019,
// 2022 (the Indianapolis 500 paying double: give its calendar row
// multiplier 2; 2016-2019 the finale too), and 2023 onward (single points
// everywhere).
func IndyCar(year int) (*System, error) {
	if !slices.Contains(indyCarYears, year) {
		return nil, fmt.Errorf("no IndyCar rules for %d: champ knows %s (2014's and 2015's Indianapolis 500 qualifying and pole points, and 2020's and 2021's qualifying points, cannot be stated exactly)", year, yearList(indyCarYears))
	}
	s := &System{
		ID: fmt.Sprintf("indycar-%d", year), Name: fmt.Sprintf("IndyCar, %d", year), Series: "IndyCar",
		Race: indyCarTable(),
		Bonuses: []Bonus{
			{Kind: Pole, Points: 1, NotWithQualifying: true},
			{Kind: LedLap, Points: 1},
			{Kind: MostLapsLed, Points: 2},
		},
		Championships: []Championship{
			{ID: DriversChampionship, Title: "drivers' championship", Of: HolderDriver, Bonuses: allBonuses},
			{ID: "entrants", Title: "entrants' championship", Noun: "entrant", Of: HolderCar, Bonuses: allBonuses},
		},
	}
	var qual, double string
	switch {
	case year <= 2017:
		// 42, 40, ... 26 for the nine of the shootout, then 24 down to 1.
		t := make([]float64, 0, 33)
		for p := 1; p <= 9; p++ {
			t = append(t, float64(44-2*p))
		}
		t = append(t, countdown(24)...)
		s.Qualifying = map[string][]float64{"indy500": t}
		qual = "its 33 qualifiers score 42-40-...-26 (the nine of the shootout) then 24 down to 1"
	case year <= 2019:
		s.Qualifying = map[string][]float64{"indy500": countdown(9)}
		qual = "its nine fastest qualifiers score 9 to 1"
	default:
		s.Qualifying = map[string][]float64{"indy500": countdown(12)}
		qual = "its 12 fastest qualifiers score 12 to 1"
	}
	switch {
	case year <= 2019:
		s.FinalMultiplier = 2
		double = "; the Indianapolis 500 (calendar multiplier 2) and the finale pay double position points"
	case year <= 2022:
		double = "; the Indianapolis 500 pays double position points (calendar multiplier 2)"
	default:
		double = "; single points at the Indianapolis 500 since 2023"
	}
	s.Source = "INDYCAR Rulebook, Championship Points: 50-40-35-32-30-28-26-24-22-20, then 19 down to 5 (25th-33rd 5); +1 pole (not at the Indianapolis 500), " +
		"+1 for leading a lap, +2 for the most laps led; at the Indianapolis 500 (calendar qualifying \"indy500\") " + qual + double + "; bonuses and qualifying points are never doubled"
	return s, nil
}

// wecYears are the WEC Hypercar seasons champ knows.
var wecYears = []int{2023, 2024, 2025}

// latestWEC is the latest of them; "wec-hypercar" names it.
const latestWEC = 2025

// WEC returns the FIA World Endurance Championship's Hypercar rules of a
// season (2023-2025): class places score 25-18-15-12-10-8-6-4-2-1 in a 6
// hour race, 38-27-23-18-15-12-9-6-3-2 in an 8 or 10 hour race (calendar
// table "8h") and 50-36-30-24-20-16-12-8-4-2 at Le Mans ("le-mans"),
// nothing below 10th, +1 for the class pole, half points when less than
// 75% of the race ran. Every driver of a crew scores the car's points
// (ShareFull); the manufacturers' championship scores the best-placed
// works car of each make (2025: its best two), re-ranked among the works
// cars (privateers give way); from 2024 the FIA World Cup for Hypercar
// Teams ranks the privateer cars among themselves, one entry per car.
func WEC(year int) (*System, error) {
	if !slices.Contains(wecYears, year) {
		return nil, fmt.Errorf("no WEC Hypercar rules for %d: champ knows %s", year, yearList(wecYears))
	}
	best, makes := 1, "the best-placed works car of each make scores"
	if year >= 2025 {
		best, makes = 2, "both of a make's works cars score (which two cars a make with more at Le Mans nominates is not known: champ scores its best two; the race tables are taken to be 2024's)"
	}
	s := &System{
		ID: fmt.Sprintf("wec-hypercar-%d", year), Name: fmt.Sprintf("WEC Hypercar, %d", year), Series: "WEC",
		Source: "FIA World Endurance Championship Sporting Regulations, art. 10 (Hypercar): class places 6 h 25-18-15-12-10-8-6-4-2-1, 8 and 10 h 38-27-23-18-15-12-9-6-3-2 (calendar table \"8h\"), " +
			"Le Mans 50-36-30-24-20-16-12-8-4-2 (table \"le-mans\"); +1 class pole; half points under 75% of the race; every driver of a crew scores the car's points; " +
			"manufacturers: " + makes + ", places re-ranked among the works cars (privateers give way), the pole counts" +
			map[bool]string{true: "; FIA World Cup for Hypercar Teams: the privateer cars ranked among themselves", false: ""}[year >= 2024] +
			"; Le Mans guests (results counts=other) score for nobody and the cars behind move up",
		Race: top10,
		Tables: map[string][]float64{
			"8h":      {38, 27, 23, 18, 15, 12, 9, 6, 3, 2},
			"le-mans": {50, 36, 30, 24, 20, 16, 12, 8, 4, 2},
		},
		Bonuses:   []Bonus{{Kind: Pole, Points: 1}},
		Shortened: HalfBelow75,
		Championships: []Championship{
			{ID: DriversChampionship, Title: "drivers' championship", Of: HolderDriver, Bonuses: allBonuses, Share: ShareFull},
			{ID: "manufacturers", Title: "manufacturers' championship", Noun: "manufacturer", Of: HolderMake, Best: best, Bonuses: allBonuses, Share: ShareFull, Eligible: EligibleWorks},
		},
	}
	if year >= 2024 {
		s.Championships = append(s.Championships, Championship{ID: TeamsChampionship, Title: "FIA World Cup for Hypercar Teams", Noun: "car",
			Of: HolderCar, Bonuses: allBonuses, Share: ShareFull, Eligible: EligiblePrivateers})
	}
	return s, nil
}

// WECEras groups the WEC Hypercar seasons champ knows.
func WECEras() []Era { return eras(wecYears, WEC) }

// latestIndyCar is the latest IndyCar season with known rules; "indycar"
// names it.
const latestIndyCar = 2024

func yearList(ys []int) string {
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}

// seasonal are the presets with a season in their id ("indycar-2024"),
// and the rules of each; the bare series name is the latest season.
var seasonal = map[string]struct {
	rules    func(int) (*System, error)
	from, to int
}{
	"f1":           {F1, 1950, latestF1},
	"indycar":      {IndyCar, indyCarYears[0], latestIndyCar},
	"wec-hypercar": {WEC, wecYears[0], latestWEC},
}

// presets are the systems that are not chosen by season.
func presets() []*System {
	return []*System{
		{
			ID: "motogp", Name: "MotoGP, 2023-", Series: "MotoGP",
			Source: "FIM Grand Prix World Championship Regulations, art. 1.26: Grand Prix top 15 25-20-16-13-11-10-9-8-7-6-5-4-3-2-1 (since 1993), sprint top 9 12-9-7-6-5-4-3-2-1 (from 2023); " +
				"teams: both riders' points; constructors: the best-placed bike of each manufacturer in each sprint and race; ties on Grand Prix results only",
			Race: motoGPRace, Sprint: motoGPSprint,
			Championships: []Championship{
				{ID: DriversChampionship, Title: "riders' championship", Noun: "rider", Of: HolderDriver},
				{ID: TeamsChampionship, Title: "teams' championship", Of: HolderTeam},
				{ID: "constructors", Title: "constructors' championship", Noun: "constructor", Of: HolderMake, Best: 1},
			},
		},
		{
			ID: "formula-e", Name: "Formula E, 2022-23 (season 9) onward", Series: "Formula E",
			Source: "FIA Formula E World Championship Sporting Regulations, art. 38: 25-18-15-12-10-8-6-4-2-1, +3 pole, +1 fastest lap for a driver classified in the top 10 " +
				"(when the fastest is outside it, the fastest of the top 10); teams: both cars",
			Race: top10,
			Bonuses: []Bonus{
				{Kind: Pole, Points: 3},
				{Kind: FastestLap, Points: 1, Top: 10, Reassign: true},
			},
			Championships: []Championship{
				{ID: DriversChampionship, Title: "drivers' championship", Of: HolderDriver, Bonuses: allBonuses},
				{ID: TeamsChampionship, Title: "teams' championship", Of: HolderTeam, Bonuses: allBonuses},
			},
		},
	}
}

// Latest F1 season with known rules; "f1" names it.
const latestF1 = 2026

// Lookup returns the preset system with the given id: a series and a
// season, "f1-YYYY" (1950-2026) or "indycar-YYYY" (2016-2019, 2022-2024); a series
// alone for its latest rules ("f1", "indycar"); "motogp", "formula-e",
// "wec-hypercar".
func Lookup(id string) (*System, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	for series, sr := range seasonal {
		if id == series {
			return sr.rules(sr.to)
		}
		if y, ok := strings.CutPrefix(id, series+"-"); ok {
			if year, err := strconv.Atoi(y); err == nil {
				return sr.rules(year)
			}
		}
	}
	for _, s := range presets() {
		if s.ID == id {
			return s, nil
		}
	}
	if h := Suggest(id, SystemIDs()); h != "" {
		return nil, fmt.Errorf("unknown points system %q; %s (known: %s)", id, h, strings.Join(SystemIDs(), ", "))
	}
	return nil, fmt.Errorf("unknown points system %q; known: %s", id, strings.Join(SystemIDs(), ", "))
}

// SystemIDs lists the ids Lookup accepts, a series' seasons as a range
// (f1-1950..f1-2026).
func SystemIDs() []string {
	ids := []string{fmt.Sprintf("f1-1950..f1-%d", latestF1), "f1"}
	for _, y := range indyCarYears {
		ids = append(ids, fmt.Sprintf("indycar-%d", y))
	}
	ids = append(ids, "indycar")
	for _, y := range wecYears {
		ids = append(ids, fmt.Sprintf("wec-hypercar-%d", y))
	}
	ids = append(ids, "wec-hypercar")
	for _, s := range presets() {
		ids = append(ids, s.ID)
	}
	return ids
}

// SeasonPresets returns, for the series whose rules are chosen by season
// other than F1, each season's system, oldest first.
func SeasonPresets() []*System {
	var out []*System
	for _, y := range indyCarYears {
		s, _ := IndyCar(y)
		out = append(out, s)
	}
	for _, y := range wecYears {
		s, _ := WEC(y)
		out = append(out, s)
	}
	return out
}

// Era is a run of F1 seasons sharing the same rules apart from dropped scores.
type Era struct {
	From, To int
	System   *System // the rules of From
}

// F1Eras groups the F1 seasons into eras whose tables and bonuses agree,
// for listing.
func F1Eras() []Era {
	var years []int
	for y := 1950; y <= latestF1; y++ {
		years = append(years, y)
	}
	return eras(years, F1)
}

// IndyCarEras groups the IndyCar seasons champ knows the same way.
func IndyCarEras() []Era { return eras(indyCarYears, IndyCar) }

func eras(years []int, rules func(int) (*System, error)) []Era {
	var out []Era
	for _, y := range years {
		s, _ := rules(y)
		if n := len(out); n > 0 && out[n-1].To == y-1 && sameEra(out[n-1].System, s) {
			out[n-1].To = y
			continue
		}
		out = append(out, Era{From: y, To: y, System: s})
	}
	return out
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
