package race

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"unsafe"
)

// The fastest lap's count over the cumulative strengths.
func TestVectorCount(t *testing.T) {
	if !UseVec {
		t.Skip("no vector code on this machine")
	}
	g := rand.New(rand.NewPCG(3, 3))
	for n := 1; n <= VecMax; n++ {
		var cum [MaxField]float64
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
			if got := Count(&cum, u, n, true); got != want {
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
	if !UseVec {
		t.Skip("no vector draw on this machine (AVX-512 F and DQ, BMI2)")
	}
	matchesGo(t, 7, 2, Unrolled, 200, 8, func(st uint64, dnf *[MaxField]uint64, inv *[MaxField]float64, buf *[MaxField]uint64, n int) (uint64, uint64) {
		return Draw(st, dnf, inv, buf, n, true)
	})
}

// TestDrawFMAMatchesGo checks the scalar assembly draw likewise, for
// every field size up to 64 and strengths over 13 orders of magnitude,
// and that ExpBits as it computes it is ExpBits (a driver who never
// retires, of strength 1, has the key of ExpBits alone).
func TestDrawFMAMatchesGo(t *testing.T) {
	if !UseFMA {
		t.Skip("no assembly draw on this machine (FMA, BMI2, AVX)")
	}
	matchesGo(t, 8, 1, MaxField, 100, 30, func(st uint64, dnf *[MaxField]uint64, inv *[MaxField]float64, buf *[MaxField]uint64, n int) (uint64, uint64) {
		return drawFMA(st, &dnf[0], &inv[0], &buf[0], n)
	})
	var dnf [MaxField]uint64
	var inv [MaxField]float64
	inv[0] = 1
	for seed := range uint64(200_000) {
		var buf [MaxField]uint64
		st, _ := drawFMA(seed*0x9e3779b97f4a7c15, &dnf[0], &inv[0], &buf[0], 1)
		hi, lo := bits.Mul64(st, st^wyMul)
		if want := Key(ExpBits(uint32(hi^lo)), 1, 0); buf[0] != want {
			t.Fatalf("seed %d: key %x, want %x", seed, buf[0], want)
		}
	}
}

// matchesGo checks that draw writes drawGo's keys, retirements and
// generator state for fields of lo to hi drivers, trials of each with
// retirements from none to all and strengths spread over e^spread, 20
// sessions a trial.
func matchesGo(t *testing.T, seed uint64, lo, hi, trials int, spread float64, draw func(uint64, *[MaxField]uint64, *[MaxField]float64, *[MaxField]uint64, int) (uint64, uint64)) {
	t.Helper()
	pick := rand.New(rand.NewPCG(seed, seed))
	for n := lo; n <= hi; n++ {
		for trial := range trials {
			var dnf [MaxField]uint64
			var inv [MaxField]float64
			for d := range n {
				switch trial % 4 {
				case 1:
					dnf[d] = pick.Uint64() >> 34
				case 2:
					dnf[d] = pick.Uint64() >> 32
				case 3:
					dnf[d] = math.MaxUint32
				}
				inv[d] = math.Exp(spread * (pick.Float64() - 0.5))
			}
			st := pick.Uint64()
			for session := range 20 {
				var bg, bd [MaxField]uint64
				sg, mg := drawGo(st, &dnf, &inv, &bg, n)
				sd, md := draw(st, &dnf, &inv, &bd, n)
				if mg != md || sg != sd {
					t.Fatalf("n=%d trial %d session %d: mask %x state %x, want %x %x", n, trial, session, md, sd, mg, sg)
				}
				// Only the field's: the vector draw stores whole groups of eight.
				if !slices.Equal(bd[:n], bg[:n]) {
					t.Fatalf("n=%d trial %d session %d: keys %x, want %x", n, trial, session, bd[:n], bg[:n])
				}
				if sg != st+uint64(n)*wyInc {
					t.Fatalf("n=%d: a session made %d draws, want one per driver", n, (sg-st)/wyInc)
				}
				st = sg
			}
		}
	}
}

// TestVectorLayout checks the field offsets vec_amd64.s uses for
// Season and Session.
func TestVectorLayout(t *testing.T) {
	var v Season
	var s Session
	got := []uintptr{
		unsafe.Offsetof(v.State), unsafe.Offsetof(v.N), unsafe.Offsetof(v.Total),
		unsafe.Offsetof(v.DNF), unsafe.Offsetof(v.Inv), unsafe.Offsetof(v.Cum),
		unsafe.Offsetof(v.Buf), unsafe.Offsetof(v.Acc), unsafe.Offsetof(v.Sess),
		unsafe.Offsetof(v.NSess), unsafe.Offsetof(v.Mask),
		unsafe.Offsetof(s.Inc), unsafe.Offsetof(s.FL), unsafe.Offsetof(s.FLLim),
		unsafe.Offsetof(s.FLD), unsafe.Offsetof(s.FLT), unsafe.Offsetof(s.Place), unsafe.Offsetof(s.TC), unsafe.Offsetof(s.TW), unsafe.Sizeof(s),
		unsafe.Offsetof(Acc{}.T), unsafe.Offsetof(Acc{}.Rank), unsafe.Offsetof(Acc{}.XD), unsafe.Offsetof(Acc{}.XT),
	}
	want := []uintptr{0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 0, 8, 16, 24, 32, 40, 48, 64, 80, 192, 384, 576, 768}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("offsets %v, vec_amd64.s has %v", got, want)
	}
}

func TestNetworksSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 2; n <= Unrolled; n++ {
		for range 200 {
			var keys [MaxField]uint64
			ref := make([]uint64, n)
			for i := range n {
				keys[i] = r.Uint64() >> uint(r.IntN(64)) // repeats and small values too
				ref[i] = keys[i]
			}
			Sort(&keys, n)
			SortKeys(ref)
			for i := range n {
				if keys[i] != ref[i] {
					t.Fatalf("n=%d: network output %d is %d, want %d", n, i, keys[i], ref[i])
				}
			}
		}
	}
}

// The networks topNetwork picks put the k smallest keys first, sorted.
func TestTopNetworks(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for n := 2; n <= Unrolled; n++ {
		for k := 0; k <= 12; k++ {
			top := Top(n, k)
			for range 100 {
				var keys [MaxField]uint64
				ref := make([]uint64, n)
				for i := range n {
					keys[i] = r.Uint64() >> uint(r.IntN(64))
					ref[i] = keys[i]
				}
				top(&keys)
				SortKeys(ref)
				for i := range min(k, n) {
					if keys[i] != ref[i] {
						t.Fatalf("n=%d k=%d: output %d is %d, want %d", n, k, i, keys[i], ref[i])
					}
				}
			}
		}
	}
}

// The vector places are the sorted order's, for every field size it takes.
func TestPlaces(t *testing.T) {
	if !UseVec {
		t.Skip("no vector code on this machine")
	}
	r := rand.New(rand.NewPCG(9, 9))
	for n := 1; n <= PlacesMax; n++ {
		for range 300 {
			var keys [MaxField]uint64
			for d := range n {
				keys[d] = r.Uint64()&^0xff | uint64(d)
				if r.IntN(5) == 0 {
					keys[d] = RetiredKey | uint64(d)
				}
			}
			var pv, ov, ps, os [MaxField]int
			Places(&keys, n, &pv, &ov, true)
			Places(&keys, n, &ps, &os, false)
			if pv != ps || ov != os {
				t.Fatalf("n=%d: vector places %v, Go %v", n, pv[:n], ps[:n])
			}
		}
	}
}

func TestRankLong(t *testing.T) {
	if !UseVec {
		t.Skip("no vector code on this machine")
	}
	r := rand.New(rand.NewPCG(4, 4))
	for n := 1; n <= RankMax; n++ {
		for range 100 {
			var keys, rank [RankMax]uint64
			for i := range keys {
				keys[i] = r.Uint64() // lanes past n too: they must count for nothing
			}
			for d := range n {
				keys[d] = keys[d]&^0xff | uint64(d)
			}
			RankLong(&keys, n, &rank)
			for d := range n {
				above := uint64(0)
				for e := range n {
					if keys[e] > keys[d] {
						above++
					}
				}
				if rank[d] != above {
					t.Fatalf("n=%d: key %d ranked %d, %d keys above it", n, d, rank[d], above)
				}
			}
		}
	}
}

// TestScoreCounted scores random sessions with the vector code and the Go
// code: the same places and the same sums.
func TestScoreCounted(t *testing.T) {
	var c Counted
	got := []uintptr{unsafe.Offsetof(c.Key), unsafe.Offsetof(c.N), unsafe.Offsetof(c.IncD),
		unsafe.Offsetof(c.IncT), unsafe.Offsetof(c.Scoring), unsafe.Offsetof(c.Led),
		unsafe.Offsetof(c.Pole), unsafe.Offsetof(c.Most), unsafe.Offsetof(c.Bonus),
		unsafe.Offsetof(c.AccD), unsafe.Offsetof(c.AccT), unsafe.Offsetof(c.Place)}
	if want := []uintptr{0, 8, 16, 24, 32, 40, 48, 56, 64, 112, 120, 128}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Counted offsets %v, vec_amd64.s has %v", got, want)
	}
	if !UseVec {
		t.Skip("no vector code on this machine")
	}
	r := rand.New(rand.NewPCG(7, 7))
	for n := 1; n <= PlacesMax; n++ {
		for range 300 {
			var keys [MaxField]uint64
			var incD, incT [PlacesMax]uint64
			for d := range n {
				keys[d] = r.Uint64()&^0xff | uint64(d)
				if r.IntN(5) == 0 {
					keys[d] = RetiredKey | uint64(d)
				}
			}
			for p := range PlacesMax {
				incD[p], incT[p] = r.Uint64()>>8, r.Uint64()>>8
			}
			var bonus [6]uint64
			for i := range bonus {
				bonus[i] = r.Uint64() >> 8
			}
			pick := func() uint64 {
				if r.IntN(4) == 0 {
					return PlacesMax + 32 // none
				}
				return uint64(r.IntN(n))
			}
			var accs [4][MaxField]uint64
			for i := range accs[0] {
				accs[0][i] = r.Uint64() >> 8
			}
			accs[1], accs[2], accs[3] = accs[0], accs[0], accs[0]
			var pv, ps [PlacesMax]uint64
			cv := Counted{Key: &keys, N: n, IncD: &incD, IncT: &incT, Scoring: uint64(r.IntN(n + 1)),
				Led: r.Uint64(), Pole: pick(), Most: pick(), Bonus: bonus,
				AccD: &accs[0], AccT: &accs[1], Place: &pv}
			cs := cv
			cs.AccD, cs.AccT, cs.Place = &accs[2], &accs[3], &ps
			ScoreCounted(&cv, true)
			ScoreCounted(&cs, false)
			if pv != ps || accs[0] != accs[2] || accs[1] != accs[3] {
				t.Fatalf("n=%d: vector places %v sums %v %v, Go %v sums %v %v", n, pv[:n], accs[0][:n], accs[1][:n], ps[:n], accs[2][:n], accs[3][:n])
			}
		}
	}
}

// The vector season keeps a race's places where the session asks, 0xff
// for a driver not classified, and adds each classified driver's tail
// increment 1<<(TC-TW*place), none outside the tail's fields.
func TestVectorSeasonKeepsPlaces(t *testing.T) {
	if !UseVec {
		t.Skip("no vector code on this machine")
	}
	g := rand.New(rand.NewPCG(5, 5))
	for n := 1; n <= VecMax; n++ {
		for range 100 {
			var dnf [MaxField]uint64
			var inv, cum [MaxField]float64
			var buf [MaxField]uint64
			for d := range n {
				dnf[d] = uint64(g.IntN(1 << 31))
				inv[d] = 0.5 + g.Float64()
			}
			var place [VecMax]uint8
			var acc Acc
			w := [2]int{5, 6}
			from := [2]int{g.IntN(12), g.IntN(12)}
			sess := Session{Inc: new([32]uint64), Place: &place}
			for c := range 2 {
				sess.TC[c], sess.TW[c] = uint64(64+w[c]*(from[c]-1)), uint64(w[c])
			}
			v := Season{State: g.Uint64(), N: n, DNF: &dnf[0], Inv: &inv[0], Cum: &cum[0], Buf: &buf[0], Acc: &acc, Sess: &sess, NSess: 1}
			RunSeason(&v)
			for d := range n {
				p := 0
				for e := range n {
					if buf[e] < buf[d] {
						p++
					}
				}
				wantPlace := uint8(p)
				if buf[d] >= RetiredKey {
					wantPlace = 0xff
				}
				if place[d] != wantPlace {
					t.Fatalf("n=%d: driver %d kept place %d, want %d", n, d, place[d], wantPlace)
				}
				for c, x := range [2]uint64{acc.XD[d], acc.XT[d]} {
					var want uint64
					if wantPlace != 0xff && p >= from[c] && p < from[c]+64/w[c] {
						want = 1 << (64 - w[c]*(p-from[c]+1))
					}
					if x != want {
						t.Fatalf("n=%d: driver %d, place %d, tail %d from %d: %x, want %x", n, d, p, c, from[c], x, want)
					}
				}
			}
		}
	}
}
