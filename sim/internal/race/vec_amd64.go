//go:build !purego

package race

import (
	"os"

	"golang.org/x/sys/cpu"
)

// UseVec reports whether the network path draws its keys, the kernel
// runs its seasons and the fast path ranks its tables with AVX-512
// (vec_amd64.s). The vector code computes the scalar code's numbers bit
// for bit (the same generator outputs, the same fused multiply-adds and
// float64 products, the same integer sums), so results do not depend on
// it; it is only faster. CHAMP_NOVEC=1 turns it
// off; the purego build tag leaves it out.
var UseVec = cpu.X86.HasAVX512F && cpu.X86.HasAVX512DQ && cpu.X86.HasBMI2 && cpu.X86.HasPOPCNT && os.Getenv("CHAMP_NOVEC") == ""

//go:noescape
func drawAVX512(st uint64, dnf *uint64, inv *float64, buf *uint64, n int) (state, mask uint64)

// UseFMA reports whether Draw's scalar code runs in assembly
// (draw_amd64.s: wyrand by MULX, ExpBits's fused multiply-adds as
// instructions rather than calls that check the CPU first): the same
// numbers as drawGo, only faster. It needs FMA, BMI2 and AVX.
var UseFMA = cpu.X86.HasFMA && cpu.X86.HasBMI2 && cpu.X86.HasAVX

//go:noescape
func drawFMA(st uint64, dnf *uint64, inv *float64, buf *uint64, n int) (state, mask uint64)

//go:noescape
func seasonAVX512(v *Season)

//go:noescape
func countAVX512(cum *float64, u float64) int

//go:noescape
func ledAVX512(st uint64, thr *[LedMax]uint16, n int) (state, led uint64)

// UseLedVec reports whether Led runs in the vector code, which needs
// AVX-512 BW besides what UseVec does.
var UseLedVec = UseVec && cpu.X86.HasAVX512BW

//go:noescape
func scoreCountedAVX512(c *Counted)

//go:noescape
func placesAVX512(key *uint64, n int, place *[32]uint64)

//go:noescape
func rankAVX512(key *uint64, n int, rank *[VecMax]uint64)

//go:noescape
func rankLongAVX512(key *[RankMax]uint64, n int, rank *[RankMax]uint64)

// Vector names the vector instructions the engine uses on this machine,
// or returns "" when it runs its scalar code (no AVX-512, or CHAMP_NOVEC
// set). Results are the same either way.
func Vector() string {
	if UseVec {
		return "AVX-512"
	}
	return ""
}
