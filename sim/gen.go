package sim

import (
	"github.com/champ-dev/champ/sim/internal/race"
	"github.com/champ-dev/champ/sim/rng"
)

// Gen is the random generator of one block of seasons (package rng).
type Gen = rng.Gen

// NewGen returns the generator of block b for a seed.
func NewGen(seed, block uint64) *Gen { return rng.New(seed, block) }

// Vector names the vector instructions the engine uses on this machine,
// or returns "" when it runs its scalar code (no AVX-512, CHAMP_NOVEC
// set, or the purego build tag). Results are the same either way.
func Vector() string { return race.Vector() }
