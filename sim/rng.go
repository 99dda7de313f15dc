package sim

import (
	"math"
	"math/bits"
	"math/rand/v2"
)

// Gen is the random generator of one block of seasons: wyrand (Wang Yi's
// 64-bit generator), seeded from (seed, block) through SplitMix64. It is a
// rand.Source, so gonum's distributions and math/rand/v2 can draw from it
// too. A Gen is for one goroutine.
type Gen struct {
	state uint64
	r     *rand.Rand // over this Gen, for normal variates
}

// NewGen returns the generator of block b for a seed.
func NewGen(seed, block uint64) *Gen {
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

// wyrand's increment and the mask of its multiplier (vec_amd64.s has
// them too).
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

// Exp returns an exponential variate with rate 1 (Marsaglia and Tsang's
// ziggurat).
func (g *Gen) Exp() float64 { return g.expFrom(uint32(g.Uint64())) }

// expFrom finishes an exponential variate from 32 random bits j; the rare
// slow path draws more.
func (g *Gen) expFrom(j uint32) float64 {
	i := j & 0xff
	x := float64(j) * zigW[i]
	if j < zigK[i] {
		return x
	}
	return g.expSlow(i, x)
}

//go:noinline
func (g *Gen) expSlow(i uint32, x float64) float64 {
	for {
		if i == 0 {
			return zigR - math.Log(1-g.Float64())
		}
		if y := zigF[i] + g.Float64()*(zigF[i-1]-zigF[i]); below(y, x, i) {
			return x
		}
		j := uint32(g.Uint64())
		i = j & 0xff
		x = float64(j) * zigW[i]
		if j < zigK[i] {
			return x
		}
	}
}

// below reports whether y < exp(-x) for a point of layer i's wedge. The
// curve is convex, so it lies above its tangent at the layer's right end
// and below its chord: outside a thin margin about the curve those decide
// without calling math.Exp, and always as math.Exp would.
func below(y, x float64, i uint32) bool {
	const margin = 1e-9
	right, left := zigW[i]*4294967296, zigW[i-1]*4294967296
	if tangent := zigF[i] * (1 - (x - right)); y < tangent*(1-margin) {
		return true
	}
	if x >= left && x <= right {
		chord := zigF[i-1] + (x-left)/(right-left)*(zigF[i]-zigF[i-1])
		if y > chord*(1+margin) {
			return false
		}
	}
	return y < math.Exp(-x)
}

// The exponential ziggurat's 256 layers (Marsaglia and Tsang 2000,
// "The Ziggurat Method for Generating Random Variables"), computed at start.
const zigR = 7.69711747013104972

var (
	zigK [256]uint32
	// zigK64 is zigK widened, for the vector draw's 64-bit gathers.
	zigK64 [256]uint64
	zigW   [256]float64
	zigF   [256]float64
)

func init() {
	const m = 4294967296.0
	const v = 3.949659822581572e-3
	de := zigR
	te := de
	q := v / math.Exp(-de)
	zigK[0] = uint32(de / q * m)
	zigK[1] = 0
	zigW[0] = q / m
	zigW[255] = de / m
	zigF[0] = 1
	zigF[255] = math.Exp(-de)
	for i := 254; i >= 1; i-- {
		de = -math.Log(v/de + math.Exp(-de))
		zigK[i+1] = uint32(de / te * m)
		te = de
		zigF[i] = math.Exp(-de)
		zigW[i] = de / m
	}
	for i, k := range zigK {
		zigK64[i] = uint64(k)
	}
}
