package points

import (
	"fmt"
	"strings"
)

// SessionKind says which session of a round a result belongs to.
type SessionKind uint8

const (
	Race SessionKind = iota
	Sprint
	// Qualifying is a qualifying session whose order a round's qualifying
	// table scores (the Indianapolis 500's top 12).
	Qualifying
)

func (k SessionKind) String() string {
	switch k {
	case Sprint:
		return "sprint"
	case Qualifying:
		return "qualifying"
	}
	return "race"
}

// ParseSession parses "race", "sprint" or "qualifying" (case-insensitive);
// empty means race.
func ParseSession(s string) (SessionKind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "race", "r", "gp":
		return Race, nil
	case "sprint", "s":
		return Sprint, nil
	case "qualifying", "q", "quali":
		return Qualifying, nil
	}
	return Race, fmt.Errorf("session %q is not race, sprint or qualifying", s)
}

// Status is how a result ended. Only Classified results have a position.
type Status uint8

const (
	Classified Status = iota
	DNF               // did not finish
	DNS               // did not start
	DSQ               // disqualified
	NC                // running at the end but not classified
	DNQ               // did not qualify
)

var statusNames = [...]string{"", "DNF", "DNS", "DSQ", "NC", "DNQ"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// ParseStatus parses a non-classified status code: DNF, DNS, DSQ, NC or DNQ,
// and the synonyms found in published results (RET, DQ, EX, DNPQ, DNP, ...).
func ParseStatus(s string) (Status, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "DNF", "RET", "R", "RETIRED":
		return DNF, true
	case "DNS", "DNP", "W", "WD":
		return DNS, true
	case "DSQ", "DQ", "EX", "EXC", "D", "E":
		return DSQ, true
	case "NC", "N":
		return NC, true
	case "DNQ", "DNPQ", "F":
		return DNQ, true
	}
	return Classified, false
}

// Counts says which championships a round or a result counts for.
type Counts uint8

const (
	CountsBoth   Counts = iota // drivers' and teams'
	CountsDriver               // drivers' only (the Indianapolis 500, 1950-60)
	CountsTeam                 // teams' only
	CountsNone                 // neither: an entry that cannot score but keeps its place
	// CountsOther is an entry of another class (a Formula 2 car in a
	// Formula 1 race): it scores nothing and the entries behind it move up
	// to the scoring places.
	CountsOther
)

var countsNames = [...]string{"both", "driver", "team", "none", "other"}

func (c Counts) String() string {
	if int(c) < len(countsNames) {
		return countsNames[c]
	}
	return fmt.Sprintf("Counts(%d)", uint8(c))
}

// ParseCounts parses both, driver, team or none; empty means both.
func ParseCounts(s string) (Counts, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "both", "yes", "all":
		return CountsBoth, nil
	case "driver", "drivers":
		return CountsDriver, nil
	case "team", "teams":
		return CountsTeam, nil
	case "none", "no":
		return CountsNone, nil
	case "other", "other-class":
		return CountsOther, nil
	}
	return CountsBoth, fmt.Errorf("counts %q is not both, driver, team, none or other", s)
}

func (c Counts) drivers() bool { return c == CountsBoth || c == CountsDriver }
func (c Counts) teams() bool   { return c == CountsBoth || c == CountsTeam }

// Result is one driver's result in one session.
type Result struct {
	Round   int
	Session SessionKind
	Driver  string // driver id, e.g. "max-verstappen"
	Team    string // team id, e.g. "red-bull"
	Make    string // manufacturer id, e.g. "honda"; "" when not given
	// Car identifies the car (its race number). Rows of one session with the
	// same classified position and the same car are a shared drive.
	Car string
	// Privateer marks a privateer car (WEC's World Cup for Hypercar
	// Teams): championships say whether such cars score.
	Privateer bool
	Position  int // classified position from 1; 0 when not classified
	Status    Status
	// Bonuses earned in the session; the points system says what they are worth.
	FastestLap  bool
	Pole        bool
	LedLap      bool
	MostLapsLed bool
	Counts      Counts
}

// Classified reports whether the result has a finishing position.
func (r *Result) Classified() bool { return r.Status == Classified && r.Position > 0 }

// Round is one event of the calendar.
type Round struct {
	Number    int
	Name      string
	Date      string // YYYY-MM-DD, informational
	Sprint    bool   // the round has a sprint session
	Completed bool
	// Multiplier scales the position points of the round (0 awards none).
	// Bonuses are not scaled. 1 for an ordinary round.
	Multiplier float64
	// Distance is the share of the race distance run when a race was
	// stopped and not resumed, which some systems score with reduced
	// points; 1 for a race run to its end.
	Distance float64
	// Table names one of the system's alternative race tables (a WEC
	// endurance race, say); empty means the system's race table.
	Table string
	// Qualifying names one of the system's qualifying tables: the round's
	// qualifying session scores with it (the Indianapolis 500). Empty: no
	// qualifying points.
	Qualifying string
	Counts     Counts
}

// Driver is a driver's id and how to show them.
type Driver struct {
	ID   string
	Name string // full name, "Max Verstappen"
	Code string // three-letter code, "VER"
}

// Team is a team's (or a manufacturer's) id and name.
type Team struct {
	ID   string
	Name string
}

// Exclusion removes a driver or team from a championship's classification,
// as the FIA did with Michael Schumacher in 1997 (points kept, no position)
// and McLaren's constructors' points in 2007 (points removed).
type Exclusion struct {
	Championship string // a championship's id: "drivers", "teams"
	ID           string
	KeepPoints   bool
	Reason       string
	// Round is the round after which the exclusion was decided: the
	// standings after it and later show it, those before do not (no
	// hindsight: before Jerez 1997 Schumacher could still win). 0: from
	// the start.
	Round int
}

// Penalty deducts points from a driver or team from a round on, as the
// stewards did to McLaren (10 constructors' points, Austria 2000) and Racing
// Point (15, 2020). Deductions apply after dropped scores.
type Penalty struct {
	Championship string
	ID           string
	Round        int
	Points       float64 // the deduction, a positive number
	Reason       string
}

// Season is a championship: its calendar, results so far and rules.
type Season struct {
	// ID names the season where a command takes it: the built-in season
	// or the folder ("f1-2016", "my-league"); "" when it was not read
	// from one.
	ID         string
	Name       string
	System     *System
	Rounds     []Round // in calendar order, numbered from 1
	Results    []Result
	Drivers    []Driver
	Teams      []Team
	Makes      []Team // manufacturers
	Exclusions []Exclusion
	Penalties  []Penalty
	// Crews are the entry list of crews: who is down to drive each car at
	// each round, rounds still to run included (endurance racing). A
	// completed round's results say who drove; for a round still to run
	// the simulator takes a car's crew from here, or else from its latest
	// race.
	Crews []Crew
	// NewRules says the season began new technical regulations (F1 2014,
	// 2022): form carries less from the season before.
	NewRules bool
	// Formerly maps each team that raced the season before under other
	// ids to those ids: a team renamed or sold (F1's alphatauri was
	// toro-rosso in 2019), or a constructor entered once per engine
	// (lotus in 1960, lotus-climax and lotus-maserati in 1961). The model
	// carries the team's form and reliability through them.
	Formerly map[string][]string
}

// Crew is the drivers of one car at one round.
type Crew struct {
	Round   int
	Car     string
	Drivers []string // driver ids
}

// CrewOf returns the drivers of car at round n: those of its results in
// the round's race when it has been run, else those the crews list gives,
// else those of its latest race before n; nil when none is known.
func (s *Season) CrewOf(n int, car string) []string {
	var out []string
	latest := 0
	for _, r := range s.Results {
		if r.Car != car || r.Session != Race || r.Round > n {
			continue
		}
		if r.Round > latest {
			out, latest = nil, r.Round
		}
		if r.Round == latest {
			out = append(out, r.Driver)
		}
	}
	if latest == n {
		return out
	}
	for _, c := range s.Crews {
		if c.Round == n && c.Car == car {
			return c.Drivers
		}
	}
	return out
}

// LastCompleted returns the number of the last completed round, 0 if none.
func (s *Season) LastCompleted() int {
	last := 0
	for _, r := range s.Rounds {
		if r.Completed && r.Number > last {
			last = r.Number
		}
	}
	return last
}

// Round returns the round numbered n, or nil.
func (s *Season) Round(n int) *Round {
	for i := range s.Rounds {
		if s.Rounds[i].Number == n {
			return &s.Rounds[i]
		}
	}
	return nil
}

// After returns a copy of the season as it stood after round n: rounds 1..n
// keep their completed state, later rounds become scheduled and lose their
// results (and a shortened distance, which is a result too). n must be a round of the calendar that has been completed.
func (s *Season) After(n int) (*Season, error) {
	if n < 0 {
		return nil, fmt.Errorf("round %d: rounds are numbered from 1", n)
	}
	if n > 0 {
		r := s.Round(n)
		if r == nil {
			return nil, fmt.Errorf("round %d: the calendar has rounds 1 to %d", n, len(s.Rounds))
		}
		if !r.Completed {
			return nil, fmt.Errorf("round %d (%s) has not been run yet; the last completed round is %d", n, r.Name, s.LastCompleted())
		}
	}
	c := *s
	c.Rounds = make([]Round, len(s.Rounds))
	for i, r := range s.Rounds {
		if r.Number > n {
			// A race's distance is one of its results: before it is run,
			// it is planned in full.
			r.Completed, r.Distance = false, 1
		}
		c.Rounds[i] = r
	}
	k := 0
	for i := range s.Results {
		if s.Results[i].Round <= n {
			k++
		}
	}
	c.Results = make([]Result, 0, k)
	for _, r := range s.Results {
		if r.Round <= n {
			c.Results = append(c.Results, r)
		}
	}
	return &c, nil
}

// DriverName returns the driver's name, or the id when the season has none.
func (s *Season) DriverName(id string) string {
	for _, d := range s.Drivers {
		if d.ID == id && d.Name != "" {
			return d.Name
		}
	}
	return id
}

// DriverCode returns the driver's three-letter code, or "".
func (s *Season) DriverCode(id string) string {
	for _, d := range s.Drivers {
		if d.ID == id {
			return d.Code
		}
	}
	return ""
}

// TeamName returns the team's name, or the id when the season has none.
func (s *Season) TeamName(id string) string {
	for _, t := range s.Teams {
		if t.ID == id && t.Name != "" {
			return t.Name
		}
	}
	return id
}

// driverIDs is every driver the season knows: listed in drivers.csv or
// with a result.
func (s *Season) driverIDs() map[string]bool {
	known := map[string]bool{}
	for _, d := range s.Drivers {
		known[d.ID] = true
	}
	for _, r := range s.Results {
		known[r.Driver] = true
	}
	return known
}

// DriverTeam returns the team the driver drove for in their latest race
// up to round n (0: any round), or "".
func (s *Season) DriverTeam(id string, n int) string { return s.driverTeams(n, id)[id] }

// DriverTeams is DriverTeam for every driver at once, in one pass over
// the results: for a table of every driver, where DriverTeam per driver
// would read the results once per driver.
func (s *Season) DriverTeams(n int) map[string]string { return s.driverTeams(n, "") }

// driverTeams is DriverTeams of one driver only, or of all for only "".
func (s *Season) driverTeams(n int, only string) map[string]string {
	team, best := map[string]string{}, map[string]int{}
	for _, r := range s.Results {
		if (only == "" || r.Driver == only) && (n == 0 || r.Round <= n) && r.Team != "" {
			if b, ok := best[r.Driver]; !ok || r.Round >= b {
				team[r.Driver], best[r.Driver] = r.Team, r.Round
			}
		}
	}
	return team
}

// MakeName returns the manufacturer's name, or the id when the season
// has none.
func (s *Season) MakeName(id string) string {
	for _, t := range s.Makes {
		if t.ID == id && t.Name != "" {
			return t.Name
		}
	}
	return id
}

// EntryName returns how tables show an entry of championship c: a
// driver's, team's or manufacturer's name, or a car's number with its
// team.
func (s *Season) EntryName(c *Championship, id string) string {
	switch c.Of {
	case HolderTeam:
		return s.TeamName(id)
	case HolderMake:
		return s.MakeName(id)
	case HolderCar:
		if team := s.CarTeam(id, 0); team != "" {
			return "#" + id + " " + s.TeamName(team)
		}
		return "#" + id
	}
	return s.DriverName(id)
}

// CarTeam returns the team that entered car number car in its latest
// race up to round n (0: any round), or "".
func (s *Season) CarTeam(car string, n int) string {
	team, best := "", -1
	for _, r := range s.Results {
		if r.Car == car && (n == 0 || r.Round <= n) && r.Round >= best && r.Team != "" {
			team, best = r.Team, r.Round
		}
	}
	return team
}
