package points

import (
	"fmt"
	"strings"
)

// Holder is whom a championship ranks: the part of a competitor (a car
// with its crew, entered by a team, built by a manufacturer) that the
// points reach.
type Holder uint8

const (
	// HolderDriver ranks drivers: each member of a car's crew.
	HolderDriver Holder = iota
	// HolderTeam ranks entrants (F1's constructors): the team column.
	HolderTeam
	// HolderMake ranks manufacturers: the make column.
	HolderMake
	// HolderCar ranks cars by their number (IndyCar's entrants).
	HolderCar
)

var holderNames = [...]string{"driver", "team", "manufacturer", "car"}

func (h Holder) String() string {
	if int(h) < len(holderNames) {
		return holderNames[h]
	}
	return fmt.Sprintf("Holder(%d)", uint8(h))
}

// Share is how a car's points reach it when several drivers shared it.
type Share uint8

const (
	// ShareSplit divides the car's points equally among its drivers (F1
	// 1950-57); a team scores the car once.
	ShareSplit Share = iota
	// ShareNone: a car driven by more than one driver scores for nobody
	// (F1 from 1958).
	ShareNone
	// ShareFull gives every driver of the crew the car's points
	// (endurance racing); a team scores the car once.
	ShareFull
)

// Eligibility is which cars may score in a championship.
type Eligibility uint8

const (
	// EligibleAll: every car.
	EligibleAll Eligibility = iota
	// EligibleWorks: the manufacturers' own cars, not the privateers
	// (results marked privateer), which give way to them: the works cars
	// are ranked among themselves (WEC manufacturers).
	EligibleWorks
	// EligiblePrivateers: only the privateer cars, ranked among
	// themselves (WEC's FIA World Cup for Hypercar Teams).
	EligiblePrivateers
)

var eligibilityNames = [...]string{"every car", "works cars (privateers give way)", "privateer cars only"}

func (e Eligibility) String() string {
	if int(e) < len(eligibilityNames) {
		return eligibilityNames[e]
	}
	return fmt.Sprintf("Eligibility(%d)", uint8(e))
}

// BonusKind names a bonus a session can award beside its places.
type BonusKind uint8

const (
	FastestLap BonusKind = iota
	Pole
	LedLap      // led at least one lap
	MostLapsLed // led the most laps
	// QualifyingPoints are the places of a qualifying session that the
	// round's qualifying table scores (the Indianapolis 500's 12..1).
	QualifyingPoints
)

var bonusNames = [...]string{"fastest lap", "pole", "led a lap", "most laps led", "qualifying points"}

// bonusColumns are the results.csv columns of the bonuses a result row
// flags.
var bonusColumns = [...]string{"fastest_lap", "pole", "led_lap", "most_laps_led", ""}

func (k BonusKind) String() string {
	if int(k) < len(bonusNames) {
		return bonusNames[k]
	}
	return fmt.Sprintf("BonusKind(%d)", uint8(k))
}

// Column is the results.csv column that flags the bonus, or "" for
// qualifying points (the qualifying session's places).
func (k BonusKind) Column() string {
	if int(k) < len(bonusColumns) {
		return bonusColumns[k]
	}
	return ""
}

// Single reports whether one competitor at most earns the bonus in a
// session (pole, most laps led, the fastest lap); any number can lead a
// lap.
func (k BonusKind) Single() bool { return k == FastestLap || k == Pole || k == MostLapsLed }

// Bonus is what a system awards for one of the flags of a result.
type Bonus struct {
	Kind   BonusKind
	Points float64
	// Top awards the bonus only to a driver classified in the top Top
	// (0: to any driver who earned it, even one who retired).
	Top int
	// MinDistance: no bonus unless more than this share of the race
	// distance was run (F1's fastest lap from 2022).
	MinDistance float64
	// Sprint awards the bonus in sprints too.
	Sprint bool
	// NotWithQualifying: no bonus at a round that scores its qualifying
	// session (IndyCar's pole point is not given at the Indianapolis 500,
	// whose qualifiers score 12..1 instead).
	NotWithQualifying bool
	// Reassign: when the driver who earned a bonus with a Top rule is
	// outside the top, the best of those inside it earns it instead
	// (Formula E's fastest lap goes to the fastest of the top 10). In the
	// results the flag marks whoever scored it.
	Reassign bool
}

// Championship is one title a system awards: whom it ranks and how a
// session's results score for them.
type Championship struct {
	ID    string // "drivers", "teams": what --championship takes
	Title string // "drivers' championship", for headings
	// Noun is one of what it ranks, for text ("driver", "entrant"); ""
	// is the holder's name.
	Noun string
	Of   Holder
	// Best > 0 scores only a holder's best-placed Best cars in each
	// session (F1 constructors 1958-78: 1); 0 scores every car.
	Best int
	// Race replaces the system's race table (F1 1961: the constructors
	// kept 8 for a win); nil: the system's. Rounds naming another table
	// use that table.
	Race []float64
	// Bonuses are the kinds of bonus that score for this championship.
	Bonuses []BonusKind
	Share   Share
	Drop    Drop
	// Eligible is which cars score; the others give way, as cars of
	// another class do (those behind move up).
	Eligible Eligibility
}

// IsEligible reports whether result r's car may score in the championship.
func (c *Championship) IsEligible(r *Result) bool {
	switch c.Eligible {
	case EligibleWorks:
		return !r.Privateer
	case EligiblePrivateers:
		return r.Privateer
	}
	return true
}

// Scores reports whether the championship scores bonuses of kind k.
func (c *Championship) Scores(k BonusKind) bool {
	for _, b := range c.Bonuses {
		if b == k {
			return true
		}
	}
	return false
}

// Entity is one of what the championship ranks, in the singular:
// "driver", "team".
func (c *Championship) Entity() string {
	if c.Noun != "" {
		return c.Noun
	}
	return c.Of.String()
}

// counts reports whether a round's or a result's Counts lets it score
// for the championship.
func (c *Championship) counts(k Counts) bool {
	if c.Of == HolderDriver {
		return k.drivers()
	}
	return k.teams()
}

// Names of the championships every Formula 1 season since 1958 has.
const (
	DriversChampionship = "drivers"
	TeamsChampionship   = "teams"
)

// Championship returns the system's championship with the given id
// (case-insensitive), or nil.
func (s *System) Championship(id string) *Championship {
	for i := range s.Championships {
		if strings.EqualFold(s.Championships[i].ID, id) {
			return &s.Championships[i]
		}
	}
	return nil
}

// ChampionshipIDs lists the ids of the system's championships.
func (s *System) ChampionshipIDs() []string {
	ids := make([]string, len(s.Championships))
	for i, c := range s.Championships {
		ids[i] = c.ID
	}
	return ids
}

// HasTeams reports whether the system has a teams' championship.
func (s *System) HasTeams() bool { return s.Championship(TeamsChampionship) != nil }

// Bonus returns the system's bonus of kind k, or nil when it awards none.
func (s *System) Bonus(k BonusKind) *Bonus {
	for i := range s.Bonuses {
		if s.Bonuses[i].Kind == k {
			return &s.Bonuses[i]
		}
	}
	return nil
}
