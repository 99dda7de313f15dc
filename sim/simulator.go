package sim

import (
	"github.com/champ-dev/champ/points"
)

// Simulator runs the projection's work one piece at a time, for
// benchmarks and tools that drive the engine themselves. Project is the
// way to run a projection.
type Simulator struct {
	t *tally
	g *Gen
}

// NewSimulator prepares the engine for the season after round `after`,
// with the model and options of cfg (Sims and Workers are ignored).
func NewSimulator(s *points.Season, after int, cfg Config) (*Simulator, error) {
	c, model, err := prepare(s, after, cfg)
	if err != nil {
		return nil, err
	}
	cd, err := c.conditions(cfg)
	if err != nil {
		return nil, err
	}
	x := &Simulator{t: c.newTally(model, cd), g: NewGen(cfg.Seed, 0)}
	x.t.gen = x.g
	x.t.sampler.Begin(x.g)
	return x, nil
}

// Season simulates one season and adds it to the tallies, on the fast
// path where it applies (as Project does).
func (x *Simulator) Season() { x.t.one(x.g) }

// Race draws one race for the field (the season's parameters stay as last
// drawn) as the fast path does, ordering the scoring places (the whole
// order where the kernel keeps the race's places), or the whole finishing
// order where the fast path does not apply, and returns how many were
// classified.
func (x *Simulator) Race() int {
	if k := x.t.kern; k != nil {
		return k.race(x.g)
	}
	return x.t.sampler.Order(x.g, x.t.out)
}

// Field returns the number of drivers simulated.
func (x *Simulator) Field() int { return len(x.t.c.field) }

// Replayed returns how many seasons the fast path handed to the full path.
func (x *Simulator) Replayed() int64 {
	if x.t.fast == nil {
		return 0
	}
	return x.t.fast.replayed
}
