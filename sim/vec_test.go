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
