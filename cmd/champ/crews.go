package main

import (
	"slices"
	"strings"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim"
)

// A season raced by cars shows crew-mates whose results are the same as
// one line of a table, named by their surnames and car: "Estre/Lotterer/
// Vanthoor (#6)". CSV and JSON keep a row per driver.

// crewName is the name of e's line: its crew's, or the driver's.
func crewName(s *points.Season, e sim.Entry) string {
	if len(e.Crew) < 2 {
		return s.DriverName(e.ID)
	}
	names := make([]string, len(e.Crew))
	for i, id := range e.Crew {
		names[i] = surname(s.DriverName(id))
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	out := strings.Join(names, "/")
	if e.Car != "" {
		out += " (#" + e.Car + ")"
	}
	return out
}

// surname is a name less its first word (Nyck de Vries: de Vries,
// Alessandro Pier Guidi: Pier Guidi).
func surname(name string) string {
	if _, rest, ok := strings.Cut(strings.TrimSpace(name), " "); ok && rest != "" {
		return strings.TrimSpace(rest)
	}
	return name
}

// sameResults reports whether drivers a and b have the same results up to
// round n: the same car, session, place and bonuses every time.
func sameResults(s *points.Season, n int, a, b string) bool {
	type row struct {
		round int
		kind  points.SessionKind
		car   string
		pos   int
		st    points.Status
		flags [4]bool
	}
	of := func(id string) []row {
		var out []row
		for _, r := range s.Results {
			if r.Driver == id && r.Round <= n {
				out = append(out, row{r.Round, r.Session, r.Car, r.Position, r.Status, [4]bool{r.FastestLap, r.Pole, r.LedLap, r.MostLapsLed}})
			}
		}
		return out
	}
	x, y := of(a), of(b)
	return len(x) > 0 && slices.Equal(x, y)
}

// standingCrews groups a drivers' table of a season with crews into its
// lines: crew-mates level with the same results share one. Each group
// lists indices into st, first the line's.
func standingCrews(s *points.Season, n int, st []points.Standing) [][]int {
	var out [][]int
	block := 0 // the first line of the current tie
	for i := range st {
		if !st[i].Tied || st[i].Excluded {
			block = len(out)
			out = append(out, []int{i})
			continue
		}
		joined := false
		for k := block; k < len(out) && !joined; k++ {
			if sameResults(s, n, st[out[k][0]].ID, st[i].ID) {
				out[k] = append(out[k], i)
				joined = true
			}
		}
		if !joined {
			out = append(out, []int{i})
		}
	}
	return out
}

// standingCrewName names a line of standingCrews: the crew's surnames
// and car, or the driver.
func standingCrewName(s *points.Season, n int, st []points.Standing, g []int) string {
	e := sim.Entry{ID: st[g[0]].ID}
	if len(g) > 1 {
		for _, i := range g {
			e.Crew = append(e.Crew, st[i].ID)
		}
		for _, r := range s.Results {
			if r.Driver == e.ID && r.Round <= n && r.Car != "" {
				e.Car = r.Car
			}
		}
	}
	return crewName(s, e)
}

// columnLabels gives each id a short, distinct column heading: special's
// answer where it has one, else the driver's code, else three letters of
// his surname. Two alike (1962: Graham and Phil Hill, both HIL) take their
// first initial (G.HIL, P.HIL), and failing that the full name.
func columnLabels(s *points.Season, ids []string, special func(string) string) map[string]string {
	out := map[string]string{}
	count := map[string]int{}
	for _, id := range ids {
		l := special(id)
		if l == "" {
			l = s.DriverCode(id)
		}
		if l == "" {
			l = surnameCode(s.DriverName(id))
		}
		out[id] = l
		count[l]++
	}
	for _, id := range ids {
		if count[out[id]] < 2 {
			continue
		}
		name := s.DriverName(id)
		if f := strings.Fields(name); len(f) > 1 {
			out[id] = strings.ToUpper(string([]rune(f[0])[:1])) + "." + out[id]
		} else {
			out[id] = name
		}
	}
	seen := map[string]int{}
	for _, id := range ids {
		seen[out[id]]++
	}
	for _, id := range ids {
		if seen[out[id]] > 1 {
			out[id] = s.DriverName(id) + " (" + id + ")"
		}
	}
	return out
}

// surnameCode is the first three letters of a name's last word, in
// capitals: ABL for Alice Able.
func surnameCode(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	r := []rune(strings.ToUpper(f[len(f)-1]))
	return string(r[:min(3, len(r))])
}
