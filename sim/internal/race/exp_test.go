package race

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ExpBits is -log2(U) to a relative error below 5e-12 for every U it
// can meet: the ends, both sides of each power of two (where the mantissa
// reduction switches) and of each table centre's range, and random bits.
func TestExpBits(t *testing.T) {
	check := func(j uint32) {
		t.Helper()
		// -log2(U) = -log1p(U-1)/ln 2, with U-1 exact.
		want := -math.Log1p(float64(int64(j)<<1+1-1<<33)*0x1p-33) / math.Ln2
		got := ExpBits(j)
		if !(got > 0) || math.Abs(got-want) > 5e-12*want {
			t.Fatalf("ExpBits(%#x) = %v, want %v (relative error %.3g)", j, got, want, math.Abs(got-want)/want)
		}
	}
	for k := range 33 {
		p := uint64(1) << k
		for _, j := range []uint64{p - 2, p - 1, p, p + 1, p + p/2 - 1, p + p/2, p + p/2 + 1} {
			if j < 1<<32 {
				check(uint32(j))
			}
		}
	}
	// Both sides of every table centre's range: x = 2j+1 near (16+i)·2^k.
	for k := 4; k <= 33; k++ {
		for i := range 17 {
			b := uint64(16+i) << (k - 4) / 2
			for _, j := range []uint64{b - 1, b, b + 1} {
				if j < 1<<32 {
					check(uint32(j))
				}
			}
		}
	}
	check(0)
	check(math.MaxUint32)
	r := rand.New(rand.NewPCG(7, 7))
	for range 1_000_000 {
		check(r.Uint32())
	}
}
