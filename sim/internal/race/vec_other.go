//go:build !amd64 || purego

package race

// UseVec is false: there is no vector code for this architecture, or the
// purego build tag left it out.
var UseVec = false

func drawAVX512(st uint64, dnf *uint64, inv *float64, buf *uint64, n int) (state, mask uint64) {
	panic("race: no vector draw on this architecture")
}

// UseFMA is false: Draw's scalar code is Go's (drawGo).
var UseFMA = false

func drawFMA(st uint64, dnf *uint64, inv *float64, buf *uint64, n int) (state, mask uint64) {
	panic("race: no assembly draw on this architecture")
}

func seasonAVX512(v *Season) {
	panic("race: no vector season on this architecture")
}

func countAVX512(cum *float64, u float64) int {
	panic("race: no vector count on this architecture")
}

func rankAVX512(key *uint64, n int, rank *[VecMax]uint64) {
	panic("race: no vector ranking on this architecture")
}

func rankLongAVX512(key *[RankMax]uint64, n int, rank *[RankMax]uint64) {
	panic("race: no vector ranking on this architecture")
}

// Vector names the vector instructions the engine uses on this machine,
// or returns "" when it runs its scalar code, as it does in this build. Results are the same either way.
func Vector() string { return "" }

func placesAVX512(key *uint64, n int, place *[32]uint64) {
	panic("race: no vector places on this architecture")
}

// UseLedVec is false, as UseVec is.
var UseLedVec = false

func ledAVX512(st uint64, thr *[LedMax]uint16, n int) (state, led uint64) {
	panic("race: no vector led-lap draw on this architecture")
}

func scoreCountedAVX512(c *Counted) {
	panic("race: no vector scoring on this architecture")
}
