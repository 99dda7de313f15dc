package points

import "fmt"

// F1 tables by era (FIA Formula One Sporting Regulations; the history is
// collected in the FIA's "Formula One World Championship points scoring
// systems" summaries).
var (
	f1Table1950 = []float64{8, 6, 4, 3, 2}
	f1Table1960 = []float64{8, 6, 4, 3, 2, 1}
	f1Table1961 = []float64{9, 6, 4, 3, 2, 1}
	f1Table1991 = []float64{10, 6, 4, 3, 2, 1}
	f1Table2003 = []float64{10, 8, 6, 5, 4, 3, 2, 1}
	f1Table2010 = []float64{25, 18, 15, 12, 10, 8, 6, 4, 2, 1}
	f1Sprint21  = []float64{3, 2, 1}
	f1Sprint22  = []float64{8, 7, 6, 5, 4, 3, 2, 1}
)

// f1Drop gives the drivers' dropped-scores rule of each season before 1991.
var f1Drop = map[int]Drop{
	1950: {Best: 4}, 1951: {Best: 4}, 1952: {Best: 4}, 1953: {Best: 4},
	1954: {Best: 5}, 1955: {Best: 5}, 1956: {Best: 5}, 1957: {Best: 5},
	1958: {Best: 6}, 1959: {Best: 5}, 1960: {Best: 6}, 1961: {Best: 5},
	1962: {Best: 5}, 1963: {Best: 6}, 1964: {Best: 6}, 1965: {Best: 6},
	1966: {Best: 5},
	1967: {Split: 6, BestFirst: 5, BestSecond: 4},
	1968: {Split: 6, BestFirst: 5, BestSecond: 5},
	1969: {Split: 6, BestFirst: 5, BestSecond: 4},
	1970: {Split: 7, BestFirst: 6, BestSecond: 5},
	1971: {Split: 6, BestFirst: 5, BestSecond: 4},
	1972: {Split: 6, BestFirst: 5, BestSecond: 5},
	1973: {Split: 8, BestFirst: 7, BestSecond: 6},
	1974: {Split: 8, BestFirst: 7, BestSecond: 6},
	1975: {Split: 7, BestFirst: 6, BestSecond: 6},
	1976: {Split: 8, BestFirst: 7, BestSecond: 7},
	1977: {Split: 9, BestFirst: 8, BestSecond: 7},
	1978: {Split: 8, BestFirst: 7, BestSecond: 7},
	1979: {Split: 7, BestFirst: 4, BestSecond: 4},
	1980: {Split: 7, BestFirst: 5, BestSecond: 5},
}

// F1 returns the Formula 1 World Championship rules of a season, 1950-2026.
func F1(year int) (*System, error) {
	if year < 1950 || year > 2026 {
		return nil, fmt.Errorf("no Formula 1 rules for %d: champ knows 1950 to 2026", year)
	}
	s := &System{
		ID:        fmt.Sprintf("f1-%d", year),
		Name:      fmt.Sprintf("Formula 1, %d", year),
		Series:    "Formula 1",
		Source:    f1Source(year),
		Shortened: HalfBelow75,
	}
	switch {
	case year <= 1959:
		s.Race = f1Table1950
	case year == 1960:
		s.Race = f1Table1960
	case year <= 1990:
		s.Race = f1Table1961
	case year <= 2002:
		s.Race = f1Table1991
	case year <= 2009:
		s.Race = f1Table2003
	default:
		s.Race = f1Table2010
	}
	switch {
	case year <= 1959:
		s.Bonuses = []Bonus{{Kind: FastestLap, Points: 1}} // any driver, shared on equal times
	case year >= 2019 && year <= 2024:
		s.Bonuses = []Bonus{{Kind: FastestLap, Points: 1, Top: 10, MinDistance: 0.5}}
	}
	switch {
	case year == 2021:
		s.Sprint = f1Sprint21
	case year >= 2022:
		s.Sprint = f1Sprint22
		s.Shortened = Tiers2022
	}
	if year == 2014 {
		s.FinalMultiplier = 2
	}
	drivers := Championship{ID: DriversChampionship, Title: "drivers' championship", Of: HolderDriver,
		Bonuses: []BonusKind{FastestLap}, Share: ShareNone}
	if year <= 1957 {
		drivers.Share = ShareSplit
	}
	if year <= 1990 {
		drivers.Drop = f1Drop[year]
		if year >= 1981 {
			drivers.Drop = Drop{Best: 11}
		}
	}
	s.Championships = []Championship{drivers}
	if year >= 1958 {
		teams := Championship{ID: TeamsChampionship, Title: "teams' championship", Of: HolderTeam, Share: ShareNone}
		if year <= 1978 {
			teams.Best, teams.Drop = 1, drivers.Drop
		}
		if s.Bonus(FastestLap) != nil && year >= 2019 {
			teams.Bonuses = []BonusKind{FastestLap}
		}
		if year == 1961 {
			teams.Race = f1Table1960 // constructors kept 8 for a win in 1961
		}
		s.Championships = append(s.Championships, teams)
	}
	return s, nil
}

func f1Source(year int) string {
	switch {
	case year <= 1957:
		return "FIA Formula One World Championship regulations, 1950-57: 8-6-4-3-2 and 1 for fastest lap, shared drives divided"
	case year <= 1959:
		return "FIA Formula One World Championship regulations, 1958-59: constructors' cup from 1958, no points for shared drives"
	case year <= 1990:
		return "FIA Formula One World Championship regulations: dropped scores (best results count) until 1990"
	case year <= 2002:
		return "FIA Formula One Sporting Regulations, 1991-2002: 10-6-4-3-2-1, every result counts"
	case year <= 2009:
		return "FIA Formula One Sporting Regulations, 2003-09: 10-8-6-5-4-3-2-1"
	case year <= 2018:
		return "FIA Formula One Sporting Regulations, 2010-18: 25-18-15-12-10-8-6-4-2-1 (2014: double points at the final round)"
	case year <= 2021:
		return "FIA Formula One Sporting Regulations, art. 6.4: fastest-lap point for a top-10 finisher from 2019; 2021 sprints 3-2-1"
	case year <= 2024:
		return "FIA Formula One Sporting Regulations, art. 6.4-6.5: sprints 8-1, fastest-lap point (top 10), tiered points for shortened races"
	}
	return "FIA Formula One Sporting Regulations, 2025-: fastest-lap point removed; sprints 8-1; tiered points for shortened races"
}
