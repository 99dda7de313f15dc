package sim

import (
	"github.com/champ-dev/champ/sim/internal/race"
	"reflect"
	"testing"

	"github.com/champ-dev/champ/points"
)

// TestVectorMatchesScalar runs projections with the vector code and
// without it: the results must be equal, field by field. The seasons
// cover the pruned networks with a fastest-lap point and sprints, small
// fields, the largest field the vector scoring takes and one past it.
func TestVectorMatchesScalar(t *testing.T) {
	if !race.UseVec {
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
		vec := projectWith(t, &race.UseVec, true, s, after, cfg)
		scalar := projectWith(t, &race.UseVec, false, s, after, cfg)
		if !reflect.DeepEqual(vec, scalar) {
			t.Errorf("%s, %d results: the vector code's projection differs from the scalar code's", s.System.Name, len(s.Results))
		}
	}
}

// TestVectorLedMatchesScalar draws who led a lap with the vector code and
// with the Go loop, from the same states, for every field size it takes
// and thresholds that include certain (65536) and impossible (0) places.
func TestVectorLedMatchesScalar(t *testing.T) {
	if !race.UseLedVec {
		t.Skip("no vector led-lap draw on this machine (AVX-512 BW)")
	}
	r := NewGen(3, 3)
	for n := 1; n <= race.LedMax; n++ {
		for range 200 {
			m := &bonusModel{ledT: make([]uint32, n+4)}
			for p := range n {
				switch r.IntN(6) {
				case 0:
					m.ledT[p] = 65536
				case 1:
					m.ledT[p] = 0
				default:
					m.ledT[p] = uint32(r.IntN(65537))
				}
				m.led16[p] = uint16(min(m.ledT[p], 65535))
				if m.ledT[p] == 65536 {
					m.ledSure |= 1 << p
				}
			}
			st := r.Uint64()
			g := NewGen(0, 0)
			g.SetState(st)
			want := m.ledScalar(g, n)
			vst, led := race.Led(st, &m.led16, n)
			if led|m.ledSure != want || vst != g.State() {
				t.Fatalf("n=%d: vector led %b (state %x), Go %b (state %x)", n, led|m.ledSure, vst, want, g.State())
			}
		}
	}
}
