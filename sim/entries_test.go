package sim

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/champ-dev/champ/points"
)

func entryOf(p *Projection, id string) Entry {
	for _, e := range p.Drivers {
		if e.ID == id {
			return e
		}
	}
	return Entry{}
}

// A substitute races only his rounds, the driver he replaces misses
// them, and a driver who moves for good is his new team's.
func TestEntries(t *testing.T) {
	s := referenceSeason(t, "f1-2024", 20, 3, 8, 6) // rounds 4-8 to go, a sprint at 6
	entries := []points.Entry{
		{Round: 5, Until: 6, Driver: "u", Name: "Una Sub", Team: "team-a", Replaces: "a", Source: "e:1"},
		{Round: 4, Driver: "c", Team: "team-j", Replaces: "s", Source: "e:2"},
	}
	p, err := Project(s, 3, Config{Sims: 3 * BlockSize, Seed: 1, Entries: entries})
	if err != nil {
		t.Fatal(err)
	}
	u, a, c, sd := entryOf(p, "u"), entryOf(p, "a"), entryOf(p, "c"), entryOf(p, "s")
	// Rounds 5 and 6 for u: two races (25 and the fastest-lap point) and a
	// sprint (8); a keeps rounds 4, 7 and 8.
	if u.MaxPoints != 60 || !u.Active || u.Team != "team-a" || u.Mean <= 0 {
		t.Errorf("substitute: %+v", u)
	}
	if a.MaxPoints != a.Points+78 {
		t.Errorf("a: most %v, want %v", a.MaxPoints, a.Points+78)
	}
	if c.Team != "team-j" || sd.Active || sd.MaxPoints != sd.Points || sd.Mean != sd.Points {
		t.Errorf("move: c %+v, s %+v", c, sd)
	}
	// The fast path and the full path agree with entries too.
	full := projectWith(t, &fullPathOnly, true, s, 3, Config{Sims: 3 * BlockSize, Seed: 1, Entries: entries})
	if !reflect.DeepEqual(p, full) {
		t.Error("with entries, the fast path differs from the full path")
	}
	// Fixed results must name drivers who race.
	for _, tc := range []struct {
		fix  points.Fix
		want string
	}{
		{points.Fix{Round: 5, Driver: "a", Kind: points.FixPosition, Position: 1, Source: "--fix 1"}, "a does not race in round 5"},
		{points.Fix{Round: 4, Driver: "u", Kind: points.FixPosition, Position: 1, Source: "--fix 1"}, "u does not race in round 4"},
	} {
		_, err := Project(s, 3, Config{Sims: 10, Seed: 1, Entries: entries, Fixes: []points.Fix{tc.fix}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.fix, err, tc.want)
		}
	}
	p, err = Project(s, 3, Config{Sims: BlockSize, Seed: 1, Entries: entries,
		Fixes: []points.Fix{{Round: 5, Driver: "u", Kind: points.FixPosition, Position: 1, Source: "--fix 1"}}})
	if err != nil {
		t.Fatal(err)
	}
	if u := entryOf(p, "u"); u.P5 < 25 {
		t.Errorf("u fixed to win round 5 has P5 %v", u.P5)
	}
}

// A newcomer with a share of a strong team's strength scores more than one
// with the prior, and entries that cannot apply are errors.
func TestEntryShareAndErrors(t *testing.T) {
	s := referenceSeason(t, "f1-2024", 20, 3, 8, 6)
	mean := func(share float64) float64 {
		p, err := Project(s, 3, Config{Sims: 2 * BlockSize, Seed: 1, Entries: []points.Entry{
			{Round: 4, Driver: "u", Name: "U", Team: "team-a", Replaces: "b", Share: share, Source: "e:1"}}})
		if err != nil {
			t.Fatal(err)
		}
		return entryOf(p, "u").Mean
	}
	prior, strong := mean(0), mean(1)
	if !(strong > prior+5) || math.IsNaN(prior) {
		t.Errorf("mean points: share 1 %v, prior %v", strong, prior)
	}
	for _, tc := range []struct {
		e    points.Entry
		want string
	}{
		{points.Entry{Round: 3, Driver: "u", Name: "U", Team: "team-a"}, "round 3 has been run"},
		{points.Entry{Round: 9, Driver: "u", Name: "U", Team: "team-a"}, "not in the calendar"},
		{points.Entry{Round: 5, Until: 4, Driver: "u", Name: "U", Team: "team-a"}, "the last round"},
		{points.Entry{Round: 5, Driver: "u", Name: "U", Team: "nobody"}, `team "nobody" is not in the season`},
		{points.Entry{Round: 5, Driver: "u", Name: "U", Team: "team-a", Replaces: "zz"}, "zz is not a driver"},
		{points.Entry{Round: 5, Driver: "a", Team: "team-a", Replaces: "a"}, "cannot replace himself"},
		{points.Entry{Round: 5, Driver: "aa", Team: "team-a"}, "aa has not raced this season; if he is new, give his name"},
		{points.Entry{Round: 5, Driver: "u", Name: "U", Team: "team-a", Share: -1}, "negative"},
	} {
		tc.e.Source = "entries.csv:2"
		_, err := Project(s, 3, Config{Sims: 10, Entries: []points.Entry{tc.e}})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "entries.csv:2: ") {
			t.Errorf("%s: error %v, want %q", tc.e, err, tc.want)
		}
	}
	two := []points.Entry{{Round: 5, Driver: "u", Name: "U", Team: "team-a", Source: "e:1"}, {Round: 6, Driver: "u", Name: "U", Team: "team-b", Source: "e:2"}}
	if _, err := Project(s, 3, Config{Sims: 10, Entries: two}); err == nil || !strings.Contains(err.Error(), "already has an entry") {
		t.Errorf("overlapping entries: %v", err)
	}
}
