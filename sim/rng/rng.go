// Package rng is the engine's random generator: wyrand, seeded from a
// seed and a block number through SplitMix64, so that a block of seasons
// draws the same numbers whichever worker runs it.
package rng

import (
	"math"
	"math/bits"
	"math/rand/v2"

	"github.com/champ-dev/champ/sim/internal/race"
)

// Gen is the random generator of one block of seasons: wyrand (Wang Yi's
// 64-bit generator), seeded from (seed, block) through SplitMix64. It is a
// rand.Source, so gonum's distributions and math/rand/v2 can draw from it
// too. A Gen is for one goroutine.
type Gen struct {
	state uint64
	r     *rand.Rand // over this Gen, for normal variates
}

// New returns the generator of block b for a seed.
func New(seed, block uint64) *Gen {
	g := &Gen{}
	g.Reset(seed, block)
	g.r = rand.New(g)
	return g
}

// Reset reseeds the generator for block b.
func (g *Gen) Reset(seed, block uint64) {
	g.state = splitmix(splitmix(seed) ^ splitmix(block+0x9e3779b97f4a7c15))
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// wyrand's increment and the mask of its multiplier (the race package's
// draws, scalar and vector, have them too).
const (
	wyInc = 0xa0761d6478bd642f
	wyMul = 0xe7037ed1a0b428db
)

// Uint64 returns 64 random bits.
func (g *Gen) Uint64() uint64 {
	g.state += wyInc
	hi, lo := bits.Mul64(g.state, g.state^wyMul)
	return hi ^ lo
}

// Float64 returns a uniform variate in [0, 1).
func (g *Gen) Float64() float64 { return float64(g.Uint64()>>11) * 0x1p-53 }

// IntN returns a uniform integer in [0, n).
func (g *Gen) IntN(n int) int {
	hi, _ := bits.Mul64(g.Uint64(), uint64(n))
	return int(hi)
}

// Norm returns a standard normal variate.
func (g *Gen) Norm() float64 { return g.r.NormFloat64() }

// Exp returns an exponential variate with rate 1.
func (g *Gen) Exp() float64 { return race.ExpBits(uint32(g.Uint64())) * math.Ln2 }

// State is the generator's state: what a draw loop advances in a local
// and hands back with SetState.
func (g *Gen) State() uint64 { return g.state }

// SetState restores a state State returned.
func (g *Gen) SetState(st uint64) { g.state = st }
