package sim

import (
	"math"
	"testing"
)

// The exponential sampler's moments and tail match Exp(1).
func TestExp(t *testing.T) {
	g := NewGen(1, 2)
	const n = 2_000_000
	var sum, sq float64
	tail := 0
	for range n {
		x := g.Exp()
		sum += x
		sq += x * x
		if x > 3 {
			tail++
		}
	}
	mean := sum / n
	variance := sq/n - mean*mean
	// Standard errors: mean 1/sqrt(n) = 0.0007, variance about 0.003.
	if math.Abs(mean-1) > 0.004 || math.Abs(variance-1) > 0.015 {
		t.Errorf("mean %v variance %v, want 1 and 1", mean, variance)
	}
	if p := float64(tail) / n; math.Abs(p-math.Exp(-3)) > 0.001 {
		t.Errorf("P(X > 3) = %v, want %v", p, math.Exp(-3))
	}
}

// A generator's stream is fixed by (seed, block): a regression golden.
func TestGenStream(t *testing.T) {
	g := NewGen(20240609, 0)
	var got []uint64
	for range 3 {
		got = append(got, g.Uint64())
	}
	want := []uint64{0xc359a5ad453c3b29, 0xfe8690ebc7f8355b, 0x4a1b7bf90de8e08e}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("draw %d: %#x, want %#x: the stream changed, and with it every seeded result", i, got[i], want[i])
		}
	}
	if NewGen(20240609, 1).Uint64() == got[0] {
		t.Error("blocks 0 and 1 start alike")
	}
}

// expBits is -log2(U) to a relative error below 5e-12 for every U it
// can meet: the ends, both sides of each power of two (where the mantissa
// reduction switches) and of each table centre's range, and random bits.
func TestExpBits(t *testing.T) {
	check := func(j uint32) {
		t.Helper()
		// -log2(U) = -log1p(U-1)/ln 2, with U-1 exact.
		want := -math.Log1p(float64(int64(j)<<1+1-1<<33)*0x1p-33) / math.Ln2
		got := expBits(j)
		if !(got > 0) || math.Abs(got-want) > 5e-12*want {
			t.Fatalf("expBits(%#x) = %v, want %v (relative error %.3g)", j, got, want, math.Abs(got-want)/want)
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
	g := NewGen(7, 7)
	for range 1_000_000 {
		check(uint32(g.Uint64()))
	}
}
