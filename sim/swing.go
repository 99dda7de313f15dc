package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// Swing is a driver's title odds by his result in his next race: one
// projection per outcome (each place that scores, the places below them,
// a retirement), from the same seed as the plain one.
type Swing struct {
	Driver  string // whose odds: the one named or, in a season of crews, the car's crew's best placed
	Round   *points.Round
	Plain   *Projection
	Labels  []string // the outcomes: "P1", ..., "P11 or lower", "DNF"
	Results []*Projection
	Rivals  []string // the contenders worth showing beside him, at most four
}

// ProjectSwing projects the season once per outcome of the driver's next
// race (in a season of crews, of his car's; driver may name the car as
// #50), from the plain projection's seed. Progress, if not nil, is called
// after each outcome.
func ProjectSwing(s *points.Season, after int, driver string, cfg Config, plain *Projection, progress func(done, total int)) (*Swing, error) {
	var rd *points.Round
	for i := range s.Rounds {
		if r := &s.Rounds[i]; r.Number > after && !r.Completed {
			rd = r
			break
		}
	}
	if rd == nil {
		return nil, fmt.Errorf("%s after round %d: no race left to swing", s.Name, after)
	}
	// The scoring places, no more than the field has cars (every place
	// scores in IndyCar).
	field := 0
	for _, e := range plain.Drivers {
		if e.Active {
			field++
		}
	}
	// A season raced by crews swings a car: the one named, or the named
	// driver's; his title odds are those of the crew's best placed.
	subject := driver
	if cars := s.RaceCars(after); len(cars) > 0 {
		field = len(cars)
		car := strings.TrimPrefix(driver, "#")
		if !slices.Contains(cars, car) {
			car = ""
			for _, c := range cars {
				if slices.Contains(s.CrewAt(rd.Number, c, after), driver) {
					car = c
				}
			}
		}
		if car == "" {
			return nil, fmt.Errorf("%s: neither a car of the field (%s) nor in a car's crew at round %d", driver, strings.Join(cars, ", "), rd.Number)
		}
		best := -1.0
		for _, id := range s.CrewAt(rd.Number, car, after) {
			if e := FindEntry(plain.Drivers, id); e.TitleProb > best {
				subject, best = id, e.TitleProb
			}
		}
		driver = car
	}
	scoring := min(len(s.System.Table(points.Race, rd, false)), field)
	sw := &Swing{Driver: subject, Round: rd, Plain: plain}
	var outcomes []points.Fix
	for p := 1; p <= scoring; p++ {
		outcomes = append(outcomes, points.Fix{Kind: points.FixPosition, Position: p})
		sw.Labels = append(sw.Labels, "P"+strconv.Itoa(p))
	}
	if scoring < field {
		outcomes = append(outcomes, points.Fix{Kind: points.FixRange, From: scoring + 1})
		sw.Labels = append(sw.Labels, fmt.Sprintf("P%d or lower", scoring+1))
	}
	outcomes = append(outcomes, points.Fix{Kind: points.FixDNF})
	sw.Labels = append(sw.Labels, "DNF")
	for i, o := range outcomes {
		o.Round, o.Session, o.Driver, o.Source = rd.Number, points.Race, driver, "swing "+driver
		c := cfg
		c.Fixes = append(append([]points.Fix{}, cfg.Fixes...), o)
		p, err := Project(s, after, c)
		if err != nil {
			return nil, err
		}
		sw.Results = append(sw.Results, p)
		if progress != nil {
			progress(i+1, len(outcomes))
		}
	}
	me := FindEntry(plain.Drivers, subject)
	for _, e := range plain.Drivers {
		if e.ID != subject && !e.Follows() && !slices.Contains(me.Crew, e.ID) && e.TitleProb >= 0.005 && len(sw.Rivals) < 4 {
			sw.Rivals = append(sw.Rivals, e.ID)
		}
	}
	return sw, nil
}

// FindEntry returns the entry with the id, or an empty one (with the id)
// for an id the entries do not have.
func FindEntry(es []Entry, id string) Entry {
	for _, e := range es {
		if e.ID == id {
			return e
		}
	}
	return Entry{ID: id}
}
