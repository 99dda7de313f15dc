//go:build !purego

#include "textflag.h"

// The AVX-512 twins of plSampler.draw's key loop, of the kernel's session
// scoring and of the fastest lap's count. They produce the scalar code's
// numbers bit for bit; see vec_amd64.go.

// wyrand's increment and multiplier mask (rng.go), and 8 increments.
#define WYINC $0xa0761d6478bd642f
#define WYMUL $0xe7037ed1a0b428db

// lanes holds 0..7; steps holds 1..8 times wyrand's increment.
DATA lanes<>+0(SB)/8, $0
DATA lanes<>+8(SB)/8, $1
DATA lanes<>+16(SB)/8, $2
DATA lanes<>+24(SB)/8, $3
DATA lanes<>+32(SB)/8, $4
DATA lanes<>+40(SB)/8, $5
DATA lanes<>+48(SB)/8, $6
DATA lanes<>+56(SB)/8, $7
GLOBL lanes<>(SB), RODATA, $64

DATA steps<>+0(SB)/8, $0xa0761d6478bd642f
DATA steps<>+8(SB)/8, $0x40ec3ac8f17ac85e
DATA steps<>+16(SB)/8, $0xe162582d6a382c8d
DATA steps<>+24(SB)/8, $0x81d87591e2f590bc
DATA steps<>+32(SB)/8, $0x224e92f65bb2f4eb
DATA steps<>+40(SB)/8, $0xc2c4b05ad470591a
DATA steps<>+48(SB)/8, $0x633acdbf4d2dbd49
DATA steps<>+56(SB)/8, $0x03b0eb23c5eb2178
GLOBL steps<>(SB), RODATA, $64

// func drawAVX512(st uint64, dnf *uint32, inv *float64, buf *uint64, n int) (state, mask uint64)
//
// Draws drivers 0..n-1, eight at a time, as plSampler.draw does: for
// driver d, u is wyrand's next output, retired when u>>32 < dnf[d], else
// the time is expBits(uint32(u)) times inv[d]; buf[d] gets the packed
// key. It returns the generator's state after n draws and the mask of
// retirements. Lanes past n are computed and stored (dnf, inv and buf must
// have room for a whole last group) but count for nothing.
TEXT ·drawAVX512(SB), NOSPLIT, $0-56
	MOVQ st+0(FP), AX
	MOVQ dnf+8(FP), SI
	MOVQ inv+16(FP), DX
	MOVQ buf+24(FP), DI
	MOVQ n+32(FP), BX
	XORQ R8, R8                    // mask
	XORQ CX, CX                    // d
	MOVQ WYMUL, R12
	VPBROADCASTQ R12, Z20          // wyrand's multiplier mask
	VMOVDQU64 steps<>(SB), Z21
	MOVQ $0xffffffff, R12
	VPBROADCASTQ R12, Z22          // low 32 bits
	MOVQ $1, R12
	VPBROADCASTQ R12, Z23          // 1
	MOVQ $0xffffffffffffff00, R12
	VPBROADCASTQ R12, Z24          // retiredKey, and the key's time bits
	VMOVDQU64 lanes<>(SB), Z25
	MOVQ $0x3ff0000000000000, R12
	VPBROADCASTQ R12, Z26          // 1.0
	MOVQ $0x4040800000000000, R12
	VPBROADCASTQ R12, Z27          // 33.0
	MOVQ WYINC, R13
	SHLQ $3, R13                   // 8 increments
	MOVQ AX, R9                    // the state to return: st + n*inc
	MOVQ WYINC, R12
	IMULQ BX, R12
	ADDQ R12, R9

loop:
	CMPQ CX, BX
	JGE  done

	// u = wyrand's outputs for the next 8 states: the 128-bit product
	// of a = st+k*inc and b = a^mul from 32-bit halves, hi ^ lo.
	VPBROADCASTQ AX, Z0
	VPADDQ   Z21, Z0, Z0           // a
	VPXORQ   Z20, Z0, Z1           // b
	VPSRLQ   $32, Z0, Z2           // a's high half
	VPSRLQ   $32, Z1, Z3           // b's high half
	VPMULUDQ Z1, Z0, Z4            // ll
	VPMULUDQ Z3, Z0, Z5            // lh
	VPMULUDQ Z1, Z2, Z6            // hl
	VPMULUDQ Z3, Z2, Z7            // hh
	VPSRLQ   $32, Z4, Z8           // ll>>32
	VPANDQ   Z22, Z5, Z9
	VPADDQ   Z9, Z8, Z8
	VPANDQ   Z22, Z6, Z9
	VPADDQ   Z9, Z8, Z8            // mid = ll>>32 + lh&m + hl&m
	VPSRLQ   $32, Z5, Z5
	VPSRLQ   $32, Z6, Z6
	VPADDQ   Z5, Z7, Z7
	VPADDQ   Z6, Z7, Z7
	VPSRLQ   $32, Z8, Z9
	VPADDQ   Z9, Z7, Z7            // hi = hh + lh>>32 + hl>>32 + mid>>32
	VPSLLQ   $32, Z8, Z8
	VPANDQ   Z22, Z4, Z4
	VPORQ    Z8, Z4, Z4            // lo = ll&m | mid<<32
	VPXORQ   Z7, Z4, Z0            // u

	// Retirements: u>>32 < dnf.
	VPSRLQ    $32, Z0, Z1
	VPMOVZXDQ (SI)(CX*4), Z2
	VPCMPUQ   $1, Z2, Z1, K1

	// expBits(uint32(u)): x = 2j+1 = m·2^e with m in [3/4, 3/2), then
	// 33 - e - t·P(t) for t = m-1, P by expBits's Estrin scheme.
	VPANDQ     Z22, Z0, Z3
	VPSLLQ     $1, Z3, Z3
	VPORQ      Z23, Z3, Z3
	VCVTUQQ2PD Z3, Z3              // x
	VGETMANTPD $3, Z3, Z4          // m
	VGETEXPPD  Z3, Z5              // floor(log2 x)
	VGETEXPPD  Z4, Z6              // -1 when m < 1 (x's mantissa was halved), else 0
	VSUBPD     Z5, Z6, Z5
	VADDPD     Z27, Z5, Z5         // 33 - e
	VSUBPD     Z26, Z4, Z4         // t
	VMULPD     Z4, Z4, Z10         // t²
	VMULPD     Z10, Z10, Z11       // t⁴
	VMULPD     Z11, Z11, Z12       // t⁸
	VBROADCASTSD ·logPoly+8(SB), Z13
	VBROADCASTSD ·logPoly+24(SB), Z14
	VBROADCASTSD ·logPoly+40(SB), Z15
	VBROADCASTSD ·logPoly+56(SB), Z16
	VBROADCASTSD ·logPoly+72(SB), Z17
	VBROADCASTSD ·logPoly+88(SB), Z18
	VFMADD213PD.BCST ·logPoly+0(SB), Z4, Z13  // c1·t + c0
	VFMADD213PD.BCST ·logPoly+16(SB), Z4, Z14 // c3·t + c2
	VFMADD213PD.BCST ·logPoly+32(SB), Z4, Z15 // c5·t + c4
	VFMADD213PD.BCST ·logPoly+48(SB), Z4, Z16 // c7·t + c6
	VFMADD213PD.BCST ·logPoly+64(SB), Z4, Z17 // c9·t + c8
	VFMADD213PD.BCST ·logPoly+80(SB), Z4, Z18 // c11·t + c10
	VFMADD213PD Z13, Z10, Z14      // c0..c3
	VFMADD213PD Z15, Z10, Z16      // c4..c7
	VFMADD213PD Z17, Z10, Z18      // c8..c11
	VFMADD213PD Z14, Z11, Z16      // c0..c7
	VFMADD213PD Z16, Z12, Z18      // P(t)
	VMOVAPD    Z18, Z6
	VFNMADD231PD Z6, Z4, Z5        // 33 - e - t·P(t)
	VMULPD     (DX)(CX*8), Z5, Z7  // * inv
	VPANDQ     Z24, Z7, Z7
	VPBROADCASTQ CX, Z8
	VPADDQ     Z25, Z8, Z8
	VPORQ      Z8, Z7, Z7          // | d
	VPORQ      Z24, Z7, K1, Z7     // retired: retiredKey | d
	VMOVDQU64  Z7, (DI)(CX*8)

	// Retirements of lanes still in the field.
	MOVQ  BX, R11
	SUBQ  CX, R11
	MOVQ  $0xff, R14
	BZHIQ R11, R14, R14
	KMOVB K1, R15
	ANDQ  R14, R15
	SHLQ  CL, R15
	ORQ   R15, R8
	ADDQ  $8, CX
	ADDQ  R13, AX
	JMP   loop

done:
	MOVQ  R9, state+40(FP)
	MOVQ  R8, mask+48(FP)
	VZEROUPPER
	RET

// func scoreAVX512(buf *uint64, inc *[32]uint64, acc *vecAcc, n int)
//
// Scores one session of a field of n <= 24 drivers whose keys are in
// buf[:n] (the order of the keys is the finishing order; retired drivers'
// keys are at least retiredKey). Driver d's place is the number of keys
// below his; acc.rank[d] gets it, and a classified driver's acc.d[d] and
// acc.t[d] get inc[place] and inc[16+place] (places up to 15; the tables
// hold zeros past the scoring places). The kernel's top networks and
// increment loop do the same.
TEXT ·scoreAVX512(SB), NOSPLIT, $0-32
	MOVQ buf+0(FP), DI
	MOVQ inc+8(FP), SI
	MOVQ acc+16(FP), DX
	MOVQ n+24(FP), BX

	// The keys, lanes past n set to the largest key.
	MOVQ  $0xffffff, R8
	BZHIQ BX, R8, R8
	KMOVB R8, K1
	SHRQ  $8, R8
	KMOVB R8, K2
	SHRQ  $8, R8
	KMOVB R8, K3
	VPTERNLOGQ $0xff, Z31, Z31, Z31 // all ones: -1, and the pad key
	VMOVDQU64 (DI), Z0
	VMOVDQU64 64(DI), Z1
	VMOVDQU64 128(DI), Z2
	KNOTB     K1, K1
	KNOTB     K2, K2
	KNOTB     K3, K3
	VMOVDQA64 Z31, K1, Z0
	VMOVDQA64 Z31, K2, Z1
	VMOVDQA64 Z31, K3, Z2

	// Places: count the keys below each.
	VPXORQ Z3, Z3, Z3
	VPXORQ Z4, Z4, Z4
	VPXORQ Z5, Z5, Z5
	XORQ   CX, CX
rank:
	VPCMPUQ.BCST $6, (DI)(CX*8), Z0, K4
	VPCMPUQ.BCST $6, (DI)(CX*8), Z1, K5
	VPCMPUQ.BCST $6, (DI)(CX*8), Z2, K6
	VPSUBQ Z31, Z3, K4, Z3
	VPSUBQ Z31, Z4, K5, Z4
	VPSUBQ Z31, Z5, K6, Z5
	INCQ   CX
	CMPQ   CX, BX
	JLT    rank
	VMOVDQU64 Z3, 384(DX)
	VMOVDQU64 Z4, 448(DX)
	VMOVDQU64 Z5, 512(DX)

	// Classified drivers placed within the tables.
	MOVQ $0xffffffffffffff00, R8
	VPBROADCASTQ R8, Z30
	MOVQ $16, R8
	VPBROADCASTQ R8, Z29
	VPCMPUQ $1, Z30, Z0, K4
	VPCMPUQ $1, Z29, Z3, K1
	KANDB   K1, K4, K4
	VPCMPUQ $1, Z30, Z1, K5
	VPCMPUQ $1, Z29, Z4, K1
	KANDB   K1, K5, K5
	VPCMPUQ $1, Z30, Z2, K6
	VPCMPUQ $1, Z29, Z5, K1
	KANDB   K1, K6, K6

	// Drivers' increments.
	VMOVDQU64 (SI), Z20
	VMOVDQU64 64(SI), Z21
	VMOVDQA64 Z3, Z6
	VMOVDQA64 Z4, Z7
	VMOVDQA64 Z5, Z8
	VPERMI2Q.Z Z21, Z20, K4, Z6
	VPERMI2Q.Z Z21, Z20, K5, Z7
	VPERMI2Q.Z Z21, Z20, K6, Z8
	VPADDQ (DX), Z6, Z6
	VPADDQ 64(DX), Z7, Z7
	VPADDQ 128(DX), Z8, Z8
	VMOVDQU64 Z6, (DX)
	VMOVDQU64 Z7, 64(DX)
	VMOVDQU64 Z8, 128(DX)

	// Teams' increments.
	VMOVDQU64 128(SI), Z20
	VMOVDQU64 192(SI), Z21
	VPERMI2Q.Z Z21, Z20, K4, Z3
	VPERMI2Q.Z Z21, Z20, K5, Z4
	VPERMI2Q.Z Z21, Z20, K6, Z5
	VPADDQ 192(DX), Z3, Z3
	VPADDQ 256(DX), Z4, Z4
	VPADDQ 320(DX), Z5, Z5
	VMOVDQU64 Z3, 192(DX)
	VMOVDQU64 Z4, 256(DX)
	VMOVDQU64 Z5, 320(DX)
	VZEROUPPER
	RET

// func countAVX512(cum *float64, u float64) int
//
// Counts the values of cum[:24] at most u: the fastest lap's draw over
// the cumulative strengths (past the field they hold the largest float64).
TEXT ·countAVX512(SB), NOSPLIT, $0-24
	MOVQ   cum+0(FP), DI
	VPBROADCASTQ u+8(FP), Z0
	VCMPPD $13, (DI), Z0, K1    // u >= cum
	VCMPPD $13, 64(DI), Z0, K2
	VCMPPD $13, 128(DI), Z0, K3
	KMOVB  K1, AX
	KMOVB  K2, BX
	KMOVB  K3, CX
	POPCNTL AX, AX
	POPCNTL BX, BX
	POPCNTL CX, CX
	ADDQ   BX, AX
	ADDQ   CX, AX
	MOVQ   AX, ret+16(FP)
	VZEROUPPER
	RET
