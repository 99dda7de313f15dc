package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// Crews: in endurance racing the competitor is the car. Several drivers
// share it and each scores its points (points.ShareFull), so the
// simulator races cars: the field is the cars, the model is fitted to
// the cars' results, and a car's points reach the championships through
// its make, team and number as usual. The drivers' championship goes
// through segments: a segment is a run of sessions in which a car keeps
// the same crew, and during a season a car's points go to its segment of
// the session; at the end each driver gets the points and places of the
// segments he was in (a crew-mate who misses a round, as Conway missed Le
// Mans 2024, is in fewer of them). The crews of rounds still to run come
// from the season's crews list (points.Season.Crews), or else from each
// car's latest race. Crew-mates (drivers who share a car at some round)
// level at the top on points and the whole countback are co-champions:
// each counts the title, where a tie between other entries counts for no
// one.

// crewFold routes the drivers' championship through segments.
type crewFold struct {
	champ   int      // the drivers' championship
	members [][]int  // per segment: the drivers' entries in its crew
	twin    []int    // per drivers' entry: its crew-mates' group (drivers who shared a car)
	car     []string // per segment: its car
	same    [][]int  // drivers whose results so far and segments left are the same (two or more)
	future  [][]int  // crew-mates with the same segments left: their order stays their order now
}

// carSeason is the season as the model sees it in car mode: one result
// per car and session, the car number standing for the driver, with the
// crew's bonus flags merged.
func carSeason(s *points.Season) *points.Season {
	cs := *s
	cs.Results = nil
	type key struct {
		round int
		kind  points.SessionKind
		car   string
	}
	at := map[key]int{}
	for _, r := range s.Results {
		car := r.Car
		if car == "" {
			car = "driver " + r.Driver
		}
		k := key{r.Round, r.Session, car}
		if i, ok := at[k]; ok {
			m := &cs.Results[i]
			m.FastestLap, m.Pole = m.FastestLap || r.FastestLap, m.Pole || r.Pole
			m.LedLap, m.MostLapsLed = m.LedLap || r.LedLap, m.MostLapsLed || r.MostLapsLed
			continue
		}
		at[k] = len(cs.Results)
		r.Driver = car
		cs.Results = append(cs.Results, r)
	}
	cs.Drivers = nil
	return &cs
}

// sortCars orders car numbers as numbers where they are (2, 7, 12, 50),
// the others after them.
func sortCars(cars []string) {
	slices.SortFunc(cars, func(a, b string) int {
		x, ex := strconv.Atoi(a)
		y, ey := strconv.Atoi(b)
		switch {
		case ex == nil && ey == nil:
			return x - y
		case ex == nil:
			return -1
		case ey == nil:
			return 1
		}
		return strings.Compare(a, b)
	})
}

// carHolder is whom car's points reach in championship def, from its
// latest result up to round n, and whether the car is eligible there.
func carHolder(s *points.Season, def *points.Championship, car string, n int) (string, bool) {
	h, ok, best := "", false, -1
	for i := range s.Results {
		r := &s.Results[i]
		if r.Car == car && r.Round <= n && r.Round >= best && r.Counts != points.CountsOther {
			h, ok, best = points.HolderOf(def, r), def.IsEligible(r), r.Round
		}
	}
	return h, ok
}

// compileCars sets up car mode: the field of cars raced at round
// fieldRound, each session's routes (segments for the drivers'
// championship), the cars that give way in each championship, and the
// twins.
func (c *compiled) compileCars(idx []map[string]int) error {
	s := c.season
	seen := map[string]bool{}
	for _, r := range s.Results {
		if r.Round != c.fieldRound || r.Session != points.Race || r.Counts == points.CountsOther || r.Car == "" || seen[r.Car] {
			continue
		}
		seen[r.Car] = true
		c.field = append(c.field, r.Car)
	}
	sortCars(c.field)
	if len(c.field) > 255 {
		return fmt.Errorf("round %d has %d cars; champ simulates at most 255 (standings and clinch take up to 1000)", c.fieldRound, len(c.field))
	}
	if len(c.field) < 2 {
		return fmt.Errorf("round %d has fewer than two cars to simulate", c.fieldRound)
	}
	fold := &crewFold{champ: -1}
	for k, ch := range c.champs {
		if ch.def.Of == points.HolderDriver {
			fold.champ = k
			break
		}
	}
	if fold.champ < 0 {
		return fmt.Errorf("car mode without a drivers' championship")
	}
	c.fold = fold
	// The other championships: each car scores for its holder, or gives
	// way where it is not eligible.
	c.routes0 = make([][]int, len(c.champs))
	c.giveWay = make([][]bool, len(c.champs))
	for k, ch := range c.champs {
		route := make([]int, len(c.field))
		for f, car := range c.field {
			route[f] = -1
			if k == fold.champ {
				continue
			}
			h, ok := carHolder(s, ch.def, car, c.after)
			if !ok {
				if c.giveWay[k] == nil {
					c.giveWay[k] = make([]bool, len(c.field))
				}
				c.giveWay[k][f] = true
				continue
			}
			if e, found := idx[k][h]; found && h != "" {
				route[f] = e
			}
		}
		c.routes0[k] = route
	}
	return nil
}

// crewSegments builds the drivers' routes session by session once the
// sessions are known: a new segment where a car's crew changes.
func (c *compiled) crewSegments(idx []map[string]int) {
	s, fold := c.season, c.fold
	k0 := fold.champ
	entry := func(id string) int {
		if e, ok := idx[k0][id]; ok {
			return e
		}
		e := len(c.champs[k0].st)
		idx[k0][id] = e
		c.champs[k0].st = append(c.champs[k0].st, points.Standing{ID: id, Places: []int{}})
		return e
	}
	c.routes = make([][][]int, len(c.sessions))
	c.absent = make([][]int, len(c.sessions))
	last := make([]string, len(c.field))
	seg := make([]int, len(c.field))
	for i, ss := range c.sessions {
		routes := slices.Clone(c.routes0)
		drv := make([]int, len(c.field))
		for f, car := range c.field {
			crew := s.CrewAt(ss.round+1, car, c.after)
			var es []int
			for _, id := range crew {
				es = append(es, entry(id))
			}
			slices.Sort(es)
			key := fmt.Sprint(es)
			if len(es) == 0 {
				drv[f], last[f] = -1, ""
				continue
			}
			if i == 0 || key != last[f] {
				seg[f] = len(fold.members)
				fold.members = append(fold.members, es)
				fold.car = append(fold.car, car)
				last[f] = key
			}
			drv[f] = seg[f]
		}
		routes[k0] = drv
		c.routes[i] = routes
	}
	// Crew-mates: drivers who share a car at some round of the season,
	// run or still to run, as the exact maths counts them.
	st := c.champs[k0].st
	group := s.CrewMates(c.after)
	fold.twin = make([]int, len(st))
	for e := range st {
		g, ok := group[st[e].ID]
		if !ok {
			g = -1 - e // in no crew: his own
		}
		fold.twin[e] = g
	}
	sig := make([]string, len(st))
	for g, es := range fold.members {
		for _, e := range es {
			sig[e] += strconv.Itoa(g) + ","
		}
	}
	// The same segments left: crew-mates who score alike in every season,
	// so that their order is their order now; with the same results so
	// far too, they are level in every season (one line of a table).
	fold.future = groupsBy(st, func(e int) string {
		return fmt.Sprintf("%d|%s", fold.twin[e], sig[e])
	})
	fold.same = groupsBy(st, func(e int) string {
		return fmt.Sprintf("%d|%s|%v|%v|%v", fold.twin[e], sig[e], st[e].Points, st[e].Places, st[e].RoundPoints)
	})
}

// groupsBy groups the entries (excluded ones left out) by key, keeping
// the groups of two or more.
func groupsBy(st []points.Standing, key func(e int) string) [][]int {
	at := map[string]int{}
	var all [][]int
	for e := range st {
		if st[e].Excluded {
			continue
		}
		k := key(e)
		g, ok := at[k]
		if !ok {
			g = len(all)
			at[k] = g
			all = append(all, nil)
		}
		all[g] = append(all[g], e)
	}
	var out [][]int
	for _, g := range all {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// crews marks the drivers' table entries of each group of identical
// crew-mates with the group, the entry first in the table's order first.
func (fold *crewFold) crews(es []Entry, st []points.Standing, latest func(id string) string) {
	at := map[string]int{}
	for i, e := range es {
		at[e.ID] = i
	}
	for _, g := range fold.same {
		var ids []string
		for _, e := range g {
			ids = append(ids, st[e].ID)
		}
		slices.SortFunc(ids, func(a, b string) int { return at[a] - at[b] })
		car := ""
		for s, m := range fold.members {
			if slices.Contains(m, g[0]) {
				car = fold.car[s]
			}
		}
		if car == "" {
			car = latest(st[g[0]].ID) // nothing left to race: the car he last raced
		}
		for _, id := range ids {
			es[at[id]].Crew, es[at[id]].Car = ids, car
		}
	}
}

// bindCrews works out the drivers' bounds in car mode: a driver can add,
// in every session where he is in a crew, the most a car can score.
func (c *compiled) boundCrews() {
	fold := c.fold
	ch := &c.champs[fold.champ]
	n := len(ch.st)
	ch.maxAdd, ch.active, ch.cars = make([]int64, n), make([]bool, n), make([]int, n)
	for i := range c.sessions {
		ss := &c.sessions[i]
		in := make([]bool, n)
		for f, g := range c.routes[i][fold.champ] {
			if g < 0 || !c.racing(i, f) {
				continue
			}
			for _, e := range fold.members[g] {
				in[e] = true
			}
		}
		t := ss.tables[fold.champ]
		for e, ok := range in {
			if !ok {
				continue
			}
			ch.active[e], ch.cars[e] = true, 1
			if t == nil {
				continue
			}
			if len(t) > 0 {
				ch.maxAdd[e] += t[0]
			}
			for b := range ss.bonus {
				ch.maxAdd[e] += ss.bonus[b].pts[fold.champ]
			}
		}
	}
}

// foldCrews adds each segment's points and places to its drivers.
func (t *tally) foldCrews() {
	fold := t.c.fold
	seg, drv := t.seg, t.boards[fold.champ]
	P, R := drv.places, seg.rounds
	for g, es := range fold.members {
		if a := seg.add[g]; a != 0 {
			for _, e := range es {
				drv.add[e] += a
			}
		}
		if drv.roundAdd != nil {
			for _, e := range es {
				for r := range R {
					drv.roundAdd[e*R+r] += seg.roundAdd[g*R+r]
				}
			}
		}
	}
	for _, x := range seg.log {
		if p := int(x[1]); p < P {
			for _, e := range fold.members[x[0]] {
				drv.added[e*P+p]++
			}
		}
	}
}
