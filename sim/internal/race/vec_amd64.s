//go:build !purego

#include "textflag.h"

// The AVX-512 twins of plSampler.draw's key loop, of the kernel's season
// (draw, fastest lap and scoring of every session) and of the fastest
// lap's count. They produce the scalar code's numbers bit for bit; see
// vec_amd64.go.

// wyrand's increment and multiplier mask (rng.go).
#define WYINC $0xa0761d6478bd642f
#define WYMUL $0xe7037ed1a0b428db

// lanes holds 0..7.
DATA lanes<>+0(SB)/8, $0
DATA lanes<>+8(SB)/8, $1
DATA lanes<>+16(SB)/8, $2
DATA lanes<>+24(SB)/8, $3
DATA lanes<>+32(SB)/8, $4
DATA lanes<>+40(SB)/8, $5
DATA lanes<>+48(SB)/8, $6
DATA lanes<>+56(SB)/8, $7
GLOBL lanes<>(SB), RODATA, $64

DATA eight<>+0(SB)/8, $8
GLOBL eight<>(SB), RODATA, $8

// DRAWCONSTS loads the draw's constants: expBits's tables (Z16-Z19),
// wyrand's multiplier mask, the 8 lanes' increments (1..8 times wyrand's;
// clobbers Z0 to make them), the low 32 bits, 1, the key's time bits (also
// retiredKey), the lanes 0..7, 1.0, 33.0 and the bits of 2j.
#define DRAWCONSTS \
	MOVQ WYMUL, R9; \
	VPBROADCASTQ R9, Z20; \
	MOVQ $0xffffffff, R9; \
	VPBROADCASTQ R9, Z22; \
	MOVQ $1, R9; \
	VPBROADCASTQ R9, Z23; \
	MOVQ $0xffffffffffffff00, R9; \
	VPBROADCASTQ R9, Z24; \
	VMOVDQU64 lanes<>(SB), Z25; \
	MOVQ WYINC, R9; \
	VPBROADCASTQ R9, Z0; \
	VPADDQ Z23, Z25, Z21; \
	VPMULLQ Z0, Z21, Z21; \
	MOVQ $0x3ff0000000000000, R9; \
	VPBROADCASTQ R9, Z26; \
	MOVQ $0x4040800000000000, R9; \
	VPBROADCASTQ R9, Z27; \
	MOVQ $0x1fffffffe, R9; \
	VPBROADCASTQ R9, Z28; \
	VMOVUPD ·logRC(SB), Z16; \
	VMOVUPD ·logRC+64(SB), Z17; \
	VMOVUPD ·logL(SB), Z18; \
	VMOVUPD ·logL+64(SB), Z19

// DRAWGROUP draws drivers CX..CX+7 as plSampler.draw does, from the
// state AX before driver CX, with dnf at SI, inv at DX, keys to buf at
// DI, n in BX, the drivers' numbers CX..CX+7 in Z30 and DRAWCONSTS
// loaded. For driver d, u is wyrand's next output: the 128-bit product of
// a = st+k*inc and b = a^mul from the 32-bit halves' products ll, lh, hl,
// hh, with t = lh + ll>>32 and w = hl + t&m (neither overflows), hi =
// hh + t>>32 + w>>32, lo = w<<32 | ll&m, and u = hi ^ lo. He retires when
// u>>32 < dnf[d]; otherwise his time is
// expBits(uint32(u)) times inv[d]: x = 2j+1 = m*2^e with m in [3/4, 3/2)
// (VGETMANTPD's interval 3), the centre's 1/c and log2(c) by the top 4
// bits of x's mantissa (VPERMI2PD over the tables), r = m/c - 1, and
// 33 - e - (log2(c) + r*Q(r)) with Q by expBits's Estrin scheme. buf[d]
// gets the packed key, retiredKey|d for a retirement. The retirements of drivers below n are ORed into R8 at
// their bits; AX advances by 8 draws, CX and Z30 by 8. Clobbers Z0-Z15,
// K1, R9 and R11.
#define DRAWGROUP \
	VPBROADCASTQ AX, Z0; \
	VPADDQ   Z21, Z0, Z0; \
	VPXORQ   Z20, Z0, Z1; \
	VPSRLQ   $32, Z0, Z2; \
	VPSRLQ   $32, Z1, Z3; \
	VPMULUDQ Z1, Z0, Z4; \
	VPMULUDQ Z3, Z0, Z5; \
	VPMULUDQ Z1, Z2, Z6; \
	VPMULUDQ Z3, Z2, Z7; \
	VPSRLQ   $32, Z4, Z8; \
	VPADDQ   Z8, Z5, Z5; \
	VPANDQ   Z22, Z5, Z8; \
	VPADDQ   Z8, Z6, Z6; \
	VPSRLQ   $32, Z5, Z5; \
	VPADDQ   Z5, Z7, Z7; \
	VPSRLQ   $32, Z6, Z8; \
	VPADDQ   Z8, Z7, Z7; \
	VPSLLQ   $32, Z6, Z6; \
	VPXORQ   Z6, Z7, Z0; \
	VPTERNLOGQ $0x78, Z22, Z4, Z0; \
	VPSRLQ    $32, Z0, Z1; \
	VPCMPUQ   $1, (SI)(CX*8), Z1, K1; \
	VPSLLQ     $1, Z0, Z3; \
	VPTERNLOGQ $0xea, Z23, Z28, Z3; \
	VCVTUQQ2PD Z3, Z3; \
	VGETMANTPD $3, Z3, Z4; \
	VGETEXPPD  Z3, Z5; \
	VGETEXPPD  Z4, Z6; \
	VSUBPD     Z5, Z6, Z5; \
	VADDPD     Z27, Z5, Z5; \
	VPSRLQ     $48, Z3, Z6; \
	VMOVDQA64  Z6, Z7; \
	VPERMI2PD  Z17, Z16, Z6; \
	VPERMI2PD  Z19, Z18, Z7; \
	VFMSUB213PD Z26, Z6, Z4; \
	VMULPD     Z4, Z4, Z10; \
	VBROADCASTSD ·logPoly+8(SB), Z13; \
	VBROADCASTSD ·logPoly+24(SB), Z14; \
	VBROADCASTSD ·logPoly+40(SB), Z15; \
	VFMADD213PD.BCST ·logPoly+0(SB), Z4, Z13; \
	VFMADD213PD.BCST ·logPoly+16(SB), Z4, Z14; \
	VFMADD213PD.BCST ·logPoly+32(SB), Z4, Z15; \
	VFMADD213PD Z14, Z10, Z15; \
	VFMADD213PD Z13, Z10, Z15; \
	VFMADD213PD Z7, Z4, Z15; \
	VSUBPD     Z15, Z5, Z5; \
	VMULPD     (DX)(CX*8), Z5, Z7; \
	VPTERNLOGQ $0xea, Z30, Z24, Z7; \
	VPORQ      Z24, Z7, K1, Z7; \
	VPADDQ.BCST eight<>(SB), Z30, Z30; \
	VMOVDQU64  Z7, (DI)(CX*8); \
	MOVQ  BX, R11; \
	SUBQ  CX, R11; \
	MOVL  $0xff, R9; \
	BZHIQ R11, R9, R9; \
	KMOVB K1, R11; \
	ANDQ  R9, R11; \
	SHLQ  CL, R11; \
	ORQ   R11, R8; \
	ADDQ  $8, CX; \
	MOVQ  WYINC, R9; \
	SHLQ  $3, R9; \
	ADDQ  R9, AX

// COUNTCUM(cum, n, t1, t2) counts the values of cum[:24] (at register
// cum) that are at most Z0's (broadcast) value, into n; clobbers K1-K3,
// t1 and t2.
#define COUNTCUM(cum, n, t1, t2) \
	VCMPPD $13, (cum), Z0, K1; \
	VCMPPD $13, 64(cum), Z0, K2; \
	VCMPPD $13, 128(cum), Z0, K3; \
	KMOVB  K1, n; \
	KMOVB  K2, t1; \
	KMOVB  K3, t2; \
	POPCNTL n, n; \
	POPCNTL t1, t1; \
	POPCNTL t2, t2; \
	ADDQ   t1, n; \
	ADDQ   t2, n

// COUNTKEYS(pred) counts for each lane of Z0-Z2 the keys of key[:BX]
// at DI against which the lane compares true by VPCMPUQ's predicate pred
// (6: the lane is above the key, 1: below it), into Z3-Z5: the session's
// places by counting the keys below, a table's by counting those above.
// Needs Z31 all ones and BX at least 1; clobbers CX and K1-K3.
#define COUNTKEYS(pred) \
	VPXORQ Z3, Z3, Z3; \
	VPXORQ Z4, Z4, Z4; \
	VPXORQ Z5, Z5, Z5; \
	XORQ   CX, CX; \
count: \
	VPCMPUQ.BCST pred, (DI)(CX*8), Z0, K1; \
	VPCMPUQ.BCST pred, (DI)(CX*8), Z1, K2; \
	VPCMPUQ.BCST pred, (DI)(CX*8), Z2, K3; \
	VPSUBQ Z31, Z3, K1, Z3; \
	VPSUBQ Z31, Z4, K2, Z4; \
	VPSUBQ Z31, Z5, K3, Z5; \
	INCQ   CX; \
	CMPQ   CX, BX; \
	JLT    count

// func drawAVX512(st uint64, dnf *uint32, inv *float64, buf *uint64, n int) (state, mask uint64)
//
// Draws drivers 0..n-1, eight at a time, as plSampler.draw does (see
// DRAWGROUP), and returns the generator's state after n draws and the
// mask of retirements. Lanes past n are computed and stored (dnf, inv and
// buf must have room for a whole last group) but count for nothing.
TEXT ·drawAVX512(SB), NOSPLIT, $0-56
	MOVQ st+0(FP), AX
	MOVQ dnf+8(FP), SI
	MOVQ inv+16(FP), DX
	MOVQ buf+24(FP), DI
	MOVQ n+32(FP), BX
	XORQ R8, R8                    // mask
	XORQ CX, CX                    // d
	DRAWCONSTS
	VMOVDQA64 Z25, Z30
	MOVQ AX, R10                   // the state to return: st + n*inc
	MOVQ WYINC, R9
	IMULQ BX, R9
	ADDQ R9, R10

loop:
	CMPQ CX, BX
	JGE  done
	DRAWGROUP
	JMP  loop

done:
	MOVQ  R10, state+40(FP)
	MOVQ  R8, mask+48(FP)
	VZEROUPPER
	RET

// vecSeason's and vecSession's fields (kernel.go; TestVectorLayout).
#define VS_STATE 0
#define VS_N 8
#define VS_TOTAL 16
#define VS_DNF 24
#define VS_INV 32
#define VS_CUM 40
#define VS_BUF 48
#define VS_ACC 56
#define VS_SESS 64
#define VS_NSESS 72
#define VS_MASK 80
#define SS_INC 0
#define SS_FL 8
#define SS_FLLIM 16
#define SS_FLD 24
#define SS_FLT 32
#define SS_PLACE 40
#define SS_TC 48
#define SS_TW 64
#define SS_SIZE 80

// TAIL(tc, tw, off) adds a championship's tail increment for the places
// in Z3-Z5 to the acc's tails at off: 1<<(tc - tw*place) where the mask
// K1-K3 has the driver classified, zero where that count is 64 or more
// (as unsigned: a place before the tail's fields or past them). Clobbers
// Z6-Z10.
#define TAIL(tc, tw, off0, off1, off2) \
	VPBROADCASTQ tc(R12), Z9; \
	VPBROADCASTQ tw(R12), Z10; \
	VPMULLQ   Z10, Z3, Z6; \
	VPMULLQ   Z10, Z4, Z7; \
	VPMULLQ   Z10, Z5, Z8; \
	VPSUBQ    Z6, Z9, Z6; \
	VPSUBQ    Z7, Z9, Z7; \
	VPSUBQ    Z8, Z9, Z8; \
	VPSLLVQ.Z Z6, Z23, K1, Z6; \
	VPSLLVQ.Z Z7, Z23, K2, Z7; \
	VPSLLVQ.Z Z8, Z23, K3, Z8; \
	VPADDQ    off0(R10), Z6, Z6; \
	VPADDQ    off1(R10), Z7, Z7; \
	VPADDQ    off2(R10), Z8, Z8; \
	VMOVDQU64 Z6, off0(R10); \
	VMOVDQU64 Z7, off1(R10); \
	VMOVDQU64 Z8, off2(R10)

// func seasonAVX512(v *vecSeason)
//
// Runs the sessions v.sess[:v.nsess] of a season for a field of
// v.n <= 24 drivers, as kernel.seasonVec's scalar twin does, from the
// generator state v.state with the season's parameters (dnf, inv, cum)
// drawn: for each session, the draw (DRAWGROUP) into buf; when the
// session has a fastest-lap bonus and a driver is classified, the
// fastest lap as fastestLapMask draws it (wyrand's next outputs as
// Float64, times the total strength, counted over cum; again while it
// lands on a retired driver or past the field); then each driver's place,
// the number of keys below his, into acc.rank (and, where the session has
// place, into it as bytes, 0xff for a driver not classified, and each
// classified driver's tail increments, TAIL's, into acc.xd and acc.xt),
// and a classified driver
// placed within the tables (places up to 15) gets inc[place] into acc.d
// and inc[16+place] into acc.t; then the fastest lap's bonus if his place
// is below flLim. v.state and v.mask (the last session's retirements) are
// written back.
TEXT ·seasonAVX512(SB), NOSPLIT, $0-8
	MOVQ v+0(FP), R14
	MOVQ VS_STATE(R14), AX
	MOVQ VS_N(R14), BX
	MOVQ VS_DNF(R14), SI
	MOVQ VS_BUF(R14), DI
	MOVQ VS_ACC(R14), R10
	MOVQ VS_SESS(R14), R12
	MOVQ VS_NSESS(R14), R13
	IMULQ $SS_SIZE, R13
	ADDQ R12, R13                  // the sessions' end
	DRAWCONSTS
	VPTERNLOGQ $0xff, Z31, Z31, Z31 // all ones: -1, and the pad key
	MOVQ $16, R9
	VPBROADCASTQ R9, Z29           // the tables' places
	// K5-K7: the lanes past the field, in each group of 8.
	MOVQ  $0xffffff, R9
	BZHIQ BX, R9, R9
	NOTQ  R9
	KMOVB R9, K5
	SHRQ  $8, R9
	KMOVB R9, K6
	SHRQ  $8, R9
	KMOVB R9, K7

session:
	CMPQ R12, R13
	JGE  end
	MOVQ VS_INV(R14), DX
	XORQ R8, R8                    // retirements
	XORQ CX, CX
	MOVQ AX, VS_STATE(R14)         // the state before the session
	VMOVDQA64 Z25, Z30
draw:
	CMPQ CX, BX
	JGE  drawn
	DRAWGROUP
	JMP  draw
drawn:
	MOVQ VS_STATE(R14), AX
	MOVQ WYINC, R9
	IMULQ BX, R9
	ADDQ R9, AX                    // n draws
	MOVQ R8, VS_MASK(R14)

	// The fastest lap, into DX (-1: none).
	MOVQ $-1, DX
	CMPQ SS_FL(R12), $0
	JEQ  score
	POPCNTQ R8, R9
	CMPQ R9, BX
	JGE  score
fastest:
	MOVQ WYINC, R9
	ADDQ R9, AX
	MOVQ AX, DX
	MOVQ WYMUL, R9
	XORQ AX, R9
	MULXQ R9, R11, R9
	XORQ R11, R9                   // u
	SHRQ $11, R9
	VCVTSI2SDQ R9, X0, X0
	MOVQ $0x3ca0000000000000, R9   // 2^-53
	VMOVQ R9, X1
	VMULSD X1, X0, X0
	VMULSD VS_TOTAL(R14), X0, X0
	VPBROADCASTQ X0, Z0
	MOVQ VS_CUM(R14), R11
	COUNTCUM(R11, DX, CX, R9)
	CMPQ DX, BX
	JGE  fastest                   // rounding put the point at the total
	BTQ  DX, R8
	JCS  fastest                   // a retired driver

score:
	// The keys, lanes past n set to the largest key.
	VMOVDQU64 (DI), Z0
	VMOVDQU64 64(DI), Z1
	VMOVDQU64 128(DI), Z2
	VMOVDQA64 Z31, K5, Z0
	VMOVDQA64 Z31, K6, Z1
	VMOVDQA64 Z31, K7, Z2

	// Places: count the keys below each.
	COUNTKEYS($6)
	VMOVDQU64 Z3, 384(R10)
	VMOVDQU64 Z4, 448(R10)
	VMOVDQU64 Z5, 512(R10)

	// Classified drivers (K1-K3), placed within the tables.
	VPCMPUQ $1, Z24, Z0, K1
	VPCMPUQ $1, Z24, Z1, K2
	VPCMPUQ $1, Z24, Z2, K3

	// The places kept, where the session asks: a byte per field index,
	// 0xff for a driver not classified (and the lanes past the field).
	MOVQ  SS_PLACE(R12), R9
	TESTQ R9, R9
	JZ    tables
	VMOVDQA64 Z31, Z6
	VMOVDQA64 Z3, K1, Z6
	VPMOVQB   Z6, (R9)
	VMOVDQA64 Z31, Z7
	VMOVDQA64 Z4, K2, Z7
	VPMOVQB   Z7, 8(R9)
	VMOVDQA64 Z31, Z8
	VMOVDQA64 Z5, K3, Z8
	VPMOVQB   Z8, 16(R9)

	// The tails: the counts of the places past each championship's keys.
	TAIL(SS_TC, SS_TW, 576, 640, 704)
	TAIL(SS_TC+8, SS_TW+8, 768, 832, 896)

tables:
	VPCMPUQ $1, Z29, Z3, K4
	KANDB   K4, K1, K1
	VPCMPUQ $1, Z29, Z4, K4
	KANDB   K4, K2, K2
	VPCMPUQ $1, Z29, Z5, K4
	KANDB   K4, K3, K3

	// Drivers' increments, then teams'.
	MOVQ SS_INC(R12), R9
	VMOVDQU64 (R9), Z9
	VMOVDQU64 64(R9), Z10
	VMOVDQA64 Z3, Z6
	VMOVDQA64 Z4, Z7
	VMOVDQA64 Z5, Z8
	VPERMI2Q.Z Z10, Z9, K1, Z6
	VPERMI2Q.Z Z10, Z9, K2, Z7
	VPERMI2Q.Z Z10, Z9, K3, Z8
	VPADDQ (R10), Z6, Z6
	VPADDQ 64(R10), Z7, Z7
	VPADDQ 128(R10), Z8, Z8
	VMOVDQU64 Z6, (R10)
	VMOVDQU64 Z7, 64(R10)
	VMOVDQU64 Z8, 128(R10)
	VMOVDQU64 128(R9), Z9
	VMOVDQU64 192(R9), Z10
	VPERMI2Q.Z Z10, Z9, K1, Z3
	VPERMI2Q.Z Z10, Z9, K2, Z4
	VPERMI2Q.Z Z10, Z9, K3, Z5
	VPADDQ 192(R10), Z3, Z3
	VPADDQ 256(R10), Z4, Z4
	VPADDQ 320(R10), Z5, Z5
	VMOVDQU64 Z3, 192(R10)
	VMOVDQU64 Z4, 256(R10)
	VMOVDQU64 Z5, 320(R10)

	// The fastest lap's bonus, if his place is below flLim.
	TESTQ DX, DX
	JS    next
	MOVQ  384(R10)(DX*8), R9
	CMPQ  R9, SS_FLLIM(R12)
	JCC   next
	MOVQ  SS_FLD(R12), R9
	ADDQ  R9, (R10)(DX*8)
	MOVQ  SS_FLT(R12), R9
	ADDQ  R9, 192(R10)(DX*8)

next:
	ADDQ $SS_SIZE, R12
	JMP  session

end:
	MOVQ AX, VS_STATE(R14)
	VZEROUPPER
	RET

// func rankAVX512(key *uint64, n int, rank *[24]uint64)
//
// Counts for each of the n <= 24 keys the keys above it: entry e's place
// in a table ordered by key, highest first (keys are unique), into
// rank[e]; rankKeys does the same with a sorting network.
TEXT ·rankAVX512(SB), NOSPLIT, $0-24
	MOVQ key+0(FP), DI
	MOVQ n+8(FP), BX
	MOVQ rank+16(FP), DX
	MOVQ  $0xffffff, R8
	BZHIQ BX, R8, R8
	KMOVB R8, K1
	SHRQ  $8, R8
	KMOVB R8, K2
	SHRQ  $8, R8
	KMOVB R8, K3
	VMOVDQU64.Z (DI), K1, Z0
	VMOVDQU64.Z 64(DI), K2, Z1
	VMOVDQU64.Z 128(DI), K3, Z2
	VPTERNLOGQ $0xff, Z31, Z31, Z31
	COUNTKEYS($1)
	VMOVDQU64 Z3, (DX)
	VMOVDQU64 Z4, 64(DX)
	VMOVDQU64 Z5, 128(DX)
	VZEROUPPER
	RET

// func rankLongAVX512(key *[64]uint64, n int, rank *[64]uint64)
//
// Writes each of the n <= 64 unique keys' rank, the number of keys above
// it, into rank, sixteen lanes at a time: for tables too long for
// rankAVX512. All 64 keys are read; lanes past n count for nothing.
TEXT ·rankLongAVX512(SB), NOSPLIT, $0-24
	MOVQ key+0(FP), DI
	MOVQ n+8(FP), BX
	MOVQ rank+16(FP), DX
	VPTERNLOGQ $0xff, Z31, Z31, Z31
	XORQ R9, R9
group:
	VMOVDQU64 (DI)(R9*8), Z0
	VMOVDQU64 64(DI)(R9*8), Z1
	VPXORQ Z3, Z3, Z3
	VPXORQ Z4, Z4, Z4
	XORQ   CX, CX
lanes:
	VPCMPUQ.BCST $1, (DI)(CX*8), Z0, K1
	VPCMPUQ.BCST $1, (DI)(CX*8), Z1, K2
	VPSUBQ Z31, Z3, K1, Z3
	VPSUBQ Z31, Z4, K2, Z4
	INCQ   CX
	CMPQ   CX, BX
	JLT    lanes
	VMOVDQU64 Z3, (DX)(R9*8)
	VMOVDQU64 Z4, 64(DX)(R9*8)
	ADDQ   $16, R9
	CMPQ   R9, BX
	JLT    group
	VZEROUPPER
	RET

// func countAVX512(cum *float64, u float64) int
//
// Counts the values of cum[:24] at most u: the fastest lap's draw over
// the cumulative strengths (past the field they hold the largest float64).
TEXT ·countAVX512(SB), NOSPLIT, $0-24
	MOVQ   cum+0(FP), DI
	VPBROADCASTQ u+8(FP), Z0
	COUNTCUM(DI, AX, BX, CX)
	MOVQ   AX, ret+16(FP)
	VZEROUPPER
	RET

// PLACES32 counts for each of the n <= 32 keys at DI (n in BX) the keys
// below it, its place, into Z3, Z4, Z5 and Z7 (lanes 0-7, 8-15, 16-23,
// 24-31; lanes past n are zeroed on the load and count for nothing), and
// leaves the mask of the lanes below n in R8. Clobbers R9, CX, K1-K4, Z0,
// Z1, Z2, Z6 and Z31 (all ones).
#define PLACES32 \
	MOVQ  $0xffffffff, R8; \
	BZHIQ BX, R8, R8; \
	MOVQ  R8, R9; \
	KMOVB R9, K1; \
	SHRQ  $8, R9; \
	KMOVB R9, K2; \
	SHRQ  $8, R9; \
	KMOVB R9, K3; \
	SHRQ  $8, R9; \
	KMOVB R9, K4; \
	VMOVDQU64.Z (DI), K1, Z0; \
	VMOVDQU64.Z 64(DI), K2, Z1; \
	VMOVDQU64.Z 128(DI), K3, Z2; \
	VMOVDQU64.Z 192(DI), K4, Z6; \
	VPTERNLOGQ $0xff, Z31, Z31, Z31; \
	VPXORQ Z3, Z3, Z3; \
	VPXORQ Z4, Z4, Z4; \
	VPXORQ Z5, Z5, Z5; \
	VPXORQ Z7, Z7, Z7; \
	XORQ   CX, CX; \
places: \
	VPCMPUQ.BCST $6, (DI)(CX*8), Z0, K1; \
	VPCMPUQ.BCST $6, (DI)(CX*8), Z1, K2; \
	VPCMPUQ.BCST $6, (DI)(CX*8), Z2, K3; \
	VPCMPUQ.BCST $6, (DI)(CX*8), Z6, K4; \
	VPSUBQ Z31, Z3, K1, Z3; \
	VPSUBQ Z31, Z4, K2, Z4; \
	VPSUBQ Z31, Z5, K3, Z5; \
	VPSUBQ Z31, Z7, K4, Z7; \
	INCQ   CX; \
	CMPQ   CX, BX; \
	JLT    places

// func placesAVX512(key *uint64, n int, place *[32]uint64)
// Writes each of the n <= 32 unique keys' place, the number of keys
// below it, into place: the order of the keys sorted ascending, as the
// sorting networks give it. Lanes past n are zeroed on the load and
// their counts are not read.
TEXT ·placesAVX512(SB), NOSPLIT, $0-24
	MOVQ key+0(FP), DI
	MOVQ n+8(FP), BX
	MOVQ place+16(FP), DX
	PLACES32
	VMOVDQU64 Z3, (DX)
	VMOVDQU64 Z4, 64(DX)
	VMOVDQU64 Z5, 128(DX)
	VMOVDQU64 Z7, 192(DX)
	VZEROUPPER
	RET

// func ledAVX512(st uint64, thr *[32]uint16, n int) (state, led uint64)
//
// Draws who led a lap among places 0..n-1 (n <= 32) as bonusState.draw's
// Go loop does: wyrand's next ceil(n/4) outputs, each giving four places
// 16 bits (the lowest first); place p led when its bits are below thr[p].
// The eight outputs are computed as DRAWGROUP computes u; the places past
// n are cleared and the state advances by the outputs used.
TEXT ·ledAVX512(SB), NOSPLIT, $0-40
	MOVQ st+0(FP), AX
	MOVQ thr+8(FP), SI
	MOVQ n+16(FP), BX
	MOVQ WYMUL, R9
	VPBROADCASTQ R9, Z20
	MOVQ $0xffffffff, R9
	VPBROADCASTQ R9, Z22
	MOVQ $1, R9
	VPBROADCASTQ R9, Z23
	VMOVDQU64 lanes<>(SB), Z25
	MOVQ WYINC, R9
	VPBROADCASTQ R9, Z9
	VPADDQ Z23, Z25, Z21
	VPMULLQ Z9, Z21, Z21
	VPBROADCASTQ AX, Z0
	VPADDQ   Z21, Z0, Z0
	VPXORQ   Z20, Z0, Z1
	VPSRLQ   $32, Z0, Z2
	VPSRLQ   $32, Z1, Z3
	VPMULUDQ Z1, Z0, Z4
	VPMULUDQ Z3, Z0, Z5
	VPMULUDQ Z1, Z2, Z6
	VPMULUDQ Z3, Z2, Z7
	VPSRLQ   $32, Z4, Z8
	VPADDQ   Z8, Z5, Z5
	VPANDQ   Z22, Z5, Z8
	VPADDQ   Z8, Z6, Z6
	VPSRLQ   $32, Z5, Z5
	VPADDQ   Z5, Z7, Z7
	VPSRLQ   $32, Z6, Z8
	VPADDQ   Z8, Z7, Z7
	VPSLLQ   $32, Z6, Z6
	VPXORQ   Z6, Z7, Z0
	VPTERNLOGQ $0x78, Z22, Z4, Z0
	VMOVDQU16 (SI), Z1
	VPCMPUW  $1, Z1, Z0, K1
	KMOVD    K1, DX
	BZHIQ    BX, DX, DX
	// The state: st + ceil(n/4)*inc.
	ADDQ     $3, BX
	SHRQ     $2, BX
	MOVQ     WYINC, R9
	IMULQ    BX, R9
	ADDQ     R9, AX
	MOVQ     AX, state+24(FP)
	MOVQ     DX, led+32(FP)
	VZEROUPPER
	RET

// SCOREHALF adds one championship's increments for the eight field
// indices whose places are in P (K: those below n): the increment of the
// place by T0-T3 (places 0-7, 8-15, 16-23, 24-31) where the place is
// below Scoring (Z16), then the led (Z17 the bits), pole (Z18) and most
// laps led (Z19) increments LED, POLE and MOST where the place took them
// (bit 4 of the place in K5, from Z26), onto off(ACC).
#define SCOREHALF(P, K, T0, T1, T2, T3, LED, POLE, MOST, ACC, off) \
	VMOVDQA64 T0, Z28; \
	VPERMT2Q  T1, P, Z28; \
	VMOVDQA64 T2, Z29; \
	VPERMT2Q  T3, P, Z29; \
	VPBLENDMQ Z29, Z28, K5, Z28; \
	VPCMPUQ   $1, Z16, P, K6; \
	KANDB     K, K6, K6; \
	VMOVDQA64.Z Z28, K6, Z28; \
	VPSRLVQ   P, Z17, Z30; \
	VPTESTMQ  Z27, Z30, K6; \
	KANDB     K, K6, K6; \
	VPADDQ    LED, Z28, K6, Z28; \
	VPCMPEQQ  Z18, P, K6; \
	KANDB     K, K6, K6; \
	VPADDQ    POLE, Z28, K6, Z28; \
	VPCMPEQQ  Z19, P, K6; \
	KANDB     K, K6, K6; \
	VPADDQ    MOST, Z28, K6, Z28; \
	VPADDQ    off(ACC), Z28, Z28; \
	VMOVDQU64 Z28, off(ACC)

// SCOREGROUP scores the eight field indices from 8*g, their places in P
// and K the mask of those below n, for both championships.
#define SCOREGROUP(P, K, off) \
	VPTESTMQ Z26, P, K5; \
	SCOREHALF(P, K, Z8, Z9, Z10, Z11, Z20, Z22, Z24, R11, off); \
	SCOREHALF(P, K, Z12, Z13, Z14, Z15, Z21, Z23, Z25, R12, off)

// func scoreCountedAVX512(c *Counted)
//
// ScoreCounted in the vector code: the places counted as placesAVX512
// counts them, then each field index's increments looked up by place
// (two-table permutes and a blend on the place's bit 4) and masked.
TEXT ·scoreCountedAVX512(SB), NOSPLIT, $0-8
	MOVQ c+0(FP), R10
	MOVQ 0(R10), DI                // Key
	MOVQ 8(R10), BX                // N
	PLACES32
	MOVQ 128(R10), DX              // Place
	VMOVDQU64 Z3, (DX)
	VMOVDQU64 Z4, 64(DX)
	VMOVDQU64 Z5, 128(DX)
	VMOVDQU64 Z7, 192(DX)
	MOVQ 16(R10), SI               // IncD
	VMOVDQU64 (SI), Z8
	VMOVDQU64 64(SI), Z9
	VMOVDQU64 128(SI), Z10
	VMOVDQU64 192(SI), Z11
	MOVQ 24(R10), SI               // IncT
	VMOVDQU64 (SI), Z12
	VMOVDQU64 64(SI), Z13
	VMOVDQU64 128(SI), Z14
	VMOVDQU64 192(SI), Z15
	VPBROADCASTQ 32(R10), Z16      // Scoring
	VPBROADCASTQ 40(R10), Z17      // Led
	VPBROADCASTQ 48(R10), Z18      // Pole
	VPBROADCASTQ 56(R10), Z19      // Most
	VPBROADCASTQ 64(R10), Z20      // Bonus: led, pole, most (drivers)
	VPBROADCASTQ 72(R10), Z22
	VPBROADCASTQ 80(R10), Z24
	VPBROADCASTQ 88(R10), Z21      // and the second championship's
	VPBROADCASTQ 96(R10), Z23
	VPBROADCASTQ 104(R10), Z25
	MOVQ $16, R9
	VPBROADCASTQ R9, Z26
	MOVQ $1, R9
	VPBROADCASTQ R9, Z27
	MOVQ 112(R10), R11             // AccD
	MOVQ 120(R10), R12             // AccT
	MOVQ R8, R9
	KMOVB R9, K1
	SHRQ  $8, R9
	KMOVB R9, K2
	SHRQ  $8, R9
	KMOVB R9, K3
	SHRQ  $8, R9
	KMOVB R9, K4
	SCOREGROUP(Z3, K1, 0)
	SCOREGROUP(Z4, K2, 64)
	SCOREGROUP(Z5, K3, 128)
	SCOREGROUP(Z7, K4, 192)
	VZEROUPPER
	RET
