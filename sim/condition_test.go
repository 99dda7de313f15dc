package sim

import (
	"reflect"
	"testing"

	"github.com/champ-dev/champ/points"
)

// Fixed results hold in every simulated season; the others are drawn.
func TestFixesApply(t *testing.T) {
	s := tiny(t, "f1-2003", []string{"a", "b", "c", "d", "e"}, 2) // a 10, b 8, c 6, d 5, e 4
	fixes := []points.Fix{
		{Round: 2, Driver: "c", Kind: points.FixPosition, Position: 1},
		{Round: 2, Driver: "a", Kind: points.FixDNF},
		{Round: 3, Driver: "c", Kind: points.FixPosition, Position: 1},
		{Round: 3, Driver: "e", Kind: points.FixRange, From: 4},
		{Round: 3, Driver: "d", Kind: points.FixAhead, Other: "b"},
	}
	p, err := Project(s, 1, Config{Model: ModelPlackettLuce, Sims: 3000, Seed: 3, Workers: 1, Fixes: fixes})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Entry{}
	for _, e := range p.Drivers {
		byID[e.ID] = e
	}
	if c := byID["c"]; c.Mean != 26 || c.TitleProb != 1 {
		t.Errorf("c wins both races: mean %v, title %v", c.Mean, c.TitleProb)
	}
	if a := byID["a"]; a.P95 > 10+8 {
		t.Errorf("a retires in round 2 and can add at most 8 in round 3: P95 %v", a.P95)
	}
	if e := byID["e"]; e.P95 > 4+8+5 {
		t.Errorf("e is 4th or lower in round 3: P95 %v", e.P95)
	}
	plain, _ := Project(s, 1, Config{Model: ModelPlackettLuce, Sims: 3000, Seed: 3, Workers: 1})
	if reflect.DeepEqual(plain.Drivers, p.Drivers) {
		t.Error("the fixes changed nothing")
	}
}

// A conditioned sampler with no rules draws exactly what the model draws:
// fixing nothing reproduces the plain projection.
func TestEmptyConditionsChangeNothing(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b", "c", "d", "e", "f"}, 3)
	cfg := Config{Model: ModelPlackettLuce, Sims: 5000, Seed: 9, Workers: 1}
	plain, err := Project(s, 1, cfg)
	if err != nil {
		t.Fatal(err)
	}
	c, model, _ := prepare(s, 1, cfg)
	cd, err := c.compileFixes(nil)
	if err != nil {
		t.Fatal(err)
	}
	w := c.newTally(model, cd)
	w.runBlock(cfg.Seed, 0, BlockSize)
	w.runBlock(cfg.Seed, 1, cfg.Sims-BlockSize)
	got := c.report(merge(c, []*tally{w}), cfg.Sims, model.Name(), cfg.Seed)
	if !reflect.DeepEqual(got.Drivers, plain.Drivers) {
		t.Error("an empty condition changed the projection")
	}
}

func TestFixOutsideTheField(t *testing.T) {
	s := tiny(t, "f1-2024", []string{"a", "b"}, 1)
	s.Drivers = []points.Driver{{ID: "a"}, {ID: "b"}, {ID: "z"}}
	_, err := Project(s, 1, Config{Sims: 10, Fixes: []points.Fix{{Round: 2, Driver: "z", Kind: points.FixDNF, Source: "x"}}})
	if err == nil {
		t.Fatal("a driver outside the field was accepted")
	}
}

// Ranges hold together: drivers whose ranges fill the places between them
// take those places, whatever the draw, and a driver fixed to a place
// keeps it around them.
func TestRangesHoldTogether(t *testing.T) {
	// Round 1: a 10, b 8, c 6, d 5, e 4, f 3 (f1-2003); one race left.
	for _, c := range []struct {
		name  string
		fixes []points.Fix
		lo    map[string]float64 // the least final points each can have
		hi    map[string]float64 // the most
	}{
		{"two drivers into places 1-2", []points.Fix{
			{Round: 2, Driver: "c", Kind: points.FixRange, From: 1, To: 2},
			{Round: 2, Driver: "d", Kind: points.FixRange, From: 1, To: 2}},
			map[string]float64{"c": 6 + 8, "d": 5 + 8}, map[string]float64{"c": 6 + 10, "d": 5 + 10, "a": 10 + 6, "b": 8 + 6}},
		{"four ranges fill the field", []points.Fix{
			{Round: 2, Driver: "a", Kind: points.FixRange, From: 3},
			{Round: 2, Driver: "b", Kind: points.FixRange, From: 3},
			{Round: 2, Driver: "c", Kind: points.FixRange, From: 1, To: 2},
			{Round: 2, Driver: "d", Kind: points.FixRange, From: 1, To: 2}},
			map[string]float64{"c": 6 + 8, "d": 5 + 8}, map[string]float64{"a": 10 + 6, "b": 8 + 6}},
		{"a range around a fixed place", []points.Fix{
			{Round: 2, Driver: "e", Kind: points.FixPosition, Position: 2},
			{Round: 2, Driver: "c", Kind: points.FixRange, From: 1, To: 3},
			{Round: 2, Driver: "d", Kind: points.FixRange, From: 1, To: 3}},
			map[string]float64{"e": 4 + 8, "c": 6 + 6, "d": 5 + 6}, map[string]float64{"e": 4 + 8, "a": 10 + 5, "b": 8 + 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := tiny(t, "f1-2003", []string{"a", "b", "c", "d", "e", "f"}, 1)
			for _, full := range []bool{false, true} {
				fullPathOnly = full
				p, err := Project(s, 1, Config{Model: ModelPlackettLuce, Sims: 4000, Seed: 5, Workers: 1, Fixes: c.fixes})
				fullPathOnly = false
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range p.Drivers {
					lo, hi := gainRange(e, p.Step)
					if want, ok := c.lo[e.ID]; ok && lo < want {
						t.Errorf("full path %v: %s can end on %v points, below %v", full, e.ID, lo, want)
					}
					if want, ok := c.hi[e.ID]; ok && hi > want {
						t.Errorf("full path %v: %s can end on %v points, above %v", full, e.ID, hi, want)
					}
				}
			}
		})
	}
}

// gainRange is the least and the most final points an entry ends on in
// any simulated season.
func gainRange(e Entry, step float64) (lo, hi float64) {
	first, last := -1, -1
	for i, g := range e.Gains {
		if g > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return e.Points + float64(first)*step, e.Points + float64(last)*step
}
