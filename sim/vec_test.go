package sim

import (
	"math"
	"reflect"
	"testing"
	"unsafe"

	"github.com/champ-dev/champ/points"
)

// TestVectorMatchesScalar runs projections with the vector code and
// without it: the results must be equal, field by field. The seasons
// cover the pruned networks with a fastest-lap point and sprints, small
// fields, the largest field the vector scoring takes and one past it.
func TestVectorMatchesScalar(t *testing.T) {
	if !useVec {
		t.Skip("no vector code on this machine (AVX-512 F and DQ, BMI2, POPCNT)")
	}
	seasons := []*points.Season{
		referenceSeason(t, "f1-2024", 20, 3, 10, 5, 8),
		referenceSeason(t, "f1-2021", 24, 2, 6, 4),
		referenceSeason(t, "f1-2019", 25, 2, 5),
		referenceSeason(t, "f1-1991", 8, 2, 6),
		tiny(t, "f1-2024", []string{"a", "b", "c"}, 3),
	}
	for _, s := range seasons {
		cfg := Config{Sims: 3*BlockSize + 7, Seed: 5, Workers: 2}
		after := s.LastCompleted()
		vec := projectWith(t, &useVec, true, s, after, cfg)
		scalar := projectWith(t, &useVec, false, s, after, cfg)
		if !reflect.DeepEqual(vec, scalar) {
			t.Errorf("%s, %d results: the vector code's projection differs from the scalar code's", s.System.Name, len(s.Results))
		}
	}
}

// The fastest lap's count over the cumulative strengths.
func TestVectorCount(t *testing.T) {
	if !useVec {
		t.Skip("no vector code on this machine")
	}
	g := NewGen(3, 3)
	for n := 1; n <= vecMax; n++ {
		var cum [maxNetwork]float64
		for i := range cum {
			cum[i] = math.MaxFloat64
		}
		sum := 0.0
		for d := range n {
			sum += g.Float64()
			cum[d] = sum
		}
		for range 1000 {
			u := g.Float64() * sum * 1.01
			if g.IntN(10) == 0 {
				u = cum[g.IntN(n)] // on a boundary
			}
			want := 0
			for _, c := range cum[:n] {
				if c <= u {
					want++
				}
			}
			if got := countAVX512(&cum[0], u); got != want {
				t.Fatalf("n=%d u=%v: count %d, want %d", n, u, got, want)
			}
		}
	}
}

// TestVectorDrawMatchesScalar checks that the vector draw writes the
// scalar draw's keys, retirements and generator state for every field size
// the network path takes, with retirements from none to all and
// strengths over many orders of magnitude.
func TestVectorDrawMatchesScalar(t *testing.T) {
	if !useVec {
		t.Skip("no vector draw on this machine (AVX-512 F and DQ, BMI2)")
	}
	pick := NewGen(7, 7)
	for n := 2; n <= unrolledMax; n++ {
		for trial := range 200 {
			s := &plSampler{n: n, net: true}
			for d := range n {
				var dnf uint64
				switch trial % 4 {
				case 1:
					dnf = pick.Uint64() >> 34
				case 2:
					dnf = pick.Uint64() >> 32
				case 3:
					dnf = math.MaxUint32
				}
				inv := math.Exp(8 * (pick.Float64() - 0.5))
				s.dnf[d], s.inv[d] = dnf, inv
			}
			seed := pick.Uint64()
			for session := range 20 {
				gs, gv := &Gen{state: seed}, &Gen{state: seed}
				s.vec = false
				ms := s.draw(gs)
				want := s.buf
				s.vec = true
				mv := s.draw(gv)
				if ms != mv || gs.state != gv.state {
					t.Fatalf("n=%d trial %d session %d: mask %x state %x, want %x %x", n, trial, session, mv, gv.state, ms, gs.state)
				}
				for d := range n {
					if s.buf[d] != want[d] {
						t.Fatalf("n=%d trial %d session %d: key %d = %x, want %x", n, trial, session, d, s.buf[d], want[d])
					}
				}
				if gs.state != seed+uint64(n)*wyInc {
					t.Fatalf("n=%d: a session made %d draws, want one per driver", n, (gs.state-seed)/wyInc)
				}
				seed = gs.state
			}
		}
	}
}

// TestVectorLayout checks the field offsets vec_amd64.s uses for
// vecSeason and vecSession.
func TestVectorLayout(t *testing.T) {
	var v vecSeason
	var s vecSession
	got := []uintptr{
		unsafe.Offsetof(v.state), unsafe.Offsetof(v.n), unsafe.Offsetof(v.total),
		unsafe.Offsetof(v.dnf), unsafe.Offsetof(v.inv), unsafe.Offsetof(v.cum),
		unsafe.Offsetof(v.buf), unsafe.Offsetof(v.acc), unsafe.Offsetof(v.sess),
		unsafe.Offsetof(v.nsess), unsafe.Offsetof(v.mask),
		unsafe.Offsetof(s.inc), unsafe.Offsetof(s.fl), unsafe.Offsetof(s.flLim),
		unsafe.Offsetof(s.flD), unsafe.Offsetof(s.flT), unsafe.Sizeof(s),
		unsafe.Offsetof(vecAcc{}.t), unsafe.Offsetof(vecAcc{}.rank),
	}
	want := []uintptr{0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 0, 8, 16, 24, 32, 40, 192, 384}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("offsets %v, vec_amd64.s has %v", got, want)
	}
}
