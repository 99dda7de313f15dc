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

// Exp returns an exponential variate with rate 1.
func (g *Gen) Exp() float64 { return expBits(uint32(g.Uint64())) * math.Ln2 }

// expBits turns 32 random bits j into an exponential variate with rate
// ln 2: -log2(U) for the uniform U = (2j+1)/2^33, which lies strictly
// inside (0, 1). The logarithm needs no table and no rejection, so eight
// lanes of vector code compute it as this does, bit for bit: 2j+1 = m·2^e
// with m in [3/4, 3/2) taken from the float's bits, and log2(m) = t·P(t)
// for t = m-1 (exact), P of degree 11 evaluated with fused multiply-adds
// (math.FMA rounds once on every machine). Its relative
// error, below 1.3e-10 (TestExpBits), is under the 2^-32 spacing of U.
func expBits(j uint32) float64 {
	x := math.Float64bits(float64(uint64(j)<<1 | 1))
	h := x >> 51 & 1 // the mantissa is 1.5 or more: halve it
	t := math.Float64frombits(x&(1<<52-1)|(1023-h)<<52) - 1
	// P(t) by Estrin's scheme: pairs, then pairs of pairs, so that the
	// chain of dependent operations is 5 long instead of Horner's 11.
	c := &logPoly
	t2 := t * t
	t4 := t2 * t2
	t8 := t4 * t4
	p01 := math.FMA(c[1], t, c[0])
	p23 := math.FMA(c[3], t, c[2])
	p45 := math.FMA(c[5], t, c[4])
	p67 := math.FMA(c[7], t, c[6])
	p89 := math.FMA(c[9], t, c[8])
	pab := math.FMA(c[11], t, c[10])
	p03 := math.FMA(p23, t2, p01)
	p47 := math.FMA(p67, t2, p45)
	p8b := math.FMA(pab, t2, p89)
	p07 := math.FMA(p47, t4, p03)
	p := math.FMA(p8b, t8, p07)
	// 2j+1 = m·2^(e+h) with e = x>>52 - 1023, so
	// -log2(U) = 33 - e - h - t·P(t), fused.
	return math.FMA(-t, p, float64(1056-int64(x>>52)-int64(h)))
}

// logPoly holds P's coefficients, lowest first: the interpolant of
// log2(1+t)/t at the 12 Chebyshev nodes of [-1/4, 1/2] (vec_amd64.s reads
// them too).
var logPoly = [12]float64{
	0x1.715476531b7dap+00,
	-0x1.7154762fa6673p-01,
	0x1.ec7099e13c77fp-02,
	-0x1.7154a467e1122p-02,
	0x1.277880a5e69cap-02,
	-0x1.ec63407413abdp-03,
	0x1.a587414591f42p-03,
	-0x1.7177a0242f072p-03,
	0x1.516e02004002p-03,
	-0x1.37fc1b464c646p-03,
	0x1.d31fc7d3956d5p-04,
	-0x1.67c6e9ce7991bp-05,
}
