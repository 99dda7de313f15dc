package race

import "math"

// ExpBits turns 32 random bits j into an exponential variate with rate
// ln 2: -log2(U) for the uniform U = (2j+1)/2^33, which lies strictly
// inside (0, 1). The logarithm needs no memory table and no rejection, so
// eight lanes of vector code compute it as this does, bit for bit:
// 2j+1 = m·2^e with m in [3/4, 3/2) taken from the float's bits; the top 4
// bits of its mantissa pick one of 16 centres c (1 for the one below 1,
// so that U near 1 keeps its relative precision), whose 1/c and log2(c)
// come from 16-entry tables (two registers in vector code); and
// log2(m) = log2(c) + r·Q(r) for r = m/c - 1, |r| < 1/32, Q of degree 5.
// Every product and sum is a fused multiply-add (math.FMA rounds once on
// every machine). The relative error, below 5e-12 (TestExpBits), is far
// under the 2^-32 spacing of U.
func ExpBits(j uint32) float64 {
	x := math.Float64bits(float64(uint64(j)<<1 | 1))
	h := x >> 51 & 1 // the mantissa is 1.5 or more: halve it
	m := math.Float64frombits(x&(1<<52-1) | (1023-h)<<52)
	i := x >> 48 & 15
	r := math.FMA(m, logRC[i], -1)
	// Q(r) by Estrin's scheme: (c0 + c1 r) + r²((c2 + c3 r) + r²(c4 + c5 r)).
	c := &logPoly
	r2 := r * r
	q01 := math.FMA(c[1], r, c[0])
	q23 := math.FMA(c[3], r, c[2])
	q45 := math.FMA(c[5], r, c[4])
	q := math.FMA(math.FMA(q45, r2, q23), r2, q01)
	// 2j+1 = m·2^(e+h) with e = x>>52 - 1023, so
	// -log2(U) = 33 - e - h - (log2(c) + r·Q(r)).
	return float64(1056-int64(x>>52)-int64(h)) - math.FMA(r, q, logL[i])
}

// logPoly holds Q's coefficients, lowest first: the interpolant of
// log2(1+r)/r at the 6 Chebyshev nodes of [-0.0313, 0.0304], which holds
// every r (vec_amd64.s reads them too).
var logPoly = [6]float64{
	0x1.71547652be4a2p+00,
	-0x1.7154765393355p-01,
	0x1.ec7096b901557p-02,
	-0x1.71544c85268f7p-02,
	0x1.27c3dbf21e2dcp-02,
	-0x1.ee1c4c1239245p-03,
}

// logRC and logL are the centres' tables, by the top 4 bits of the
// mantissa of 2j+1: 1/c rounded, and -log2 of that, correctly rounded
// (computed to 60 digits). For bits i < 8, c = 1 + (i+0.5)/16; for
// 8 <= i < 15 the mantissa was halved, c = (1 + (i+0.5)/16)/2; for i = 15,
// c = 1.
var (
	logRC = [16]float64{
		0x1.f07c1f07c1f08p-1, 0x1.d41d41d41d41dp-1, 0x1.bacf914c1bad0p-1, 0x1.a41a41a41a41ap-1,
		0x1.8f9c18f9c18fap-1, 0x1.7d05f417d05f4p-1, 0x1.6c16c16c16c17p-1, 0x1.5c9882b931057p-1,
		0x1.4e5e0a72f0539p+0, 0x1.4141414141414p+0, 0x1.3521cfb2b78c1p+0, 0x1.29e4129e4129ep+0,
		0x1.1f7047dc11f70p+0, 0x1.15b1e5f75270dp+0, 0x1.0c9714fbcda3bp+0, 1,
	}
	logL = [16]float64{
		0x1.6bad3758efd81p-5, 0x1.08c588cda79e5p-3, 0x1.acf5e2db4ec91p-3, 0x1.24407ab0e073ap-2,
		0x1.6e221cd9d0cddp-2, 0x1.b47ebf73882a1p-2, 0x1.f7a8568cb06cep-2, 0x1.1bf311e95d00ep-1,
		-0x1.8a8980abfbd30p-2, -0x1.4f6fbb2cec598p-2, -0x1.169c05363f157p-2, -0x1.bfc67a7fff4cap-3,
		-0x1.563dc29ffacafp-3, -0x1.e0b1ae8f2fd56p-4, -0x1.1bb32a60054a2p-4, 0,
	}
)
