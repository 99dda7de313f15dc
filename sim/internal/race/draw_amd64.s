//go:build !purego

#include "textflag.h"

// Draw's scalar loop in assembly for machines with FMA and BMI2 but not
// AVX-512 (vec_amd64.s): the same generator outputs, the same fused
// multiply-adds in the same order, so the same keys as drawGo bit for
// bit (TestDrawFMAMatchesGo).

// func drawFMA(st uint64, dnf *uint64, inv *float64, buf *uint64, n int) (state, mask uint64)
//
// For each driver d < n: st += wyInc; u = hi ^ lo of the 128-bit product
// st * (st ^ wyMul); he retires when u>>32 < dnf[d]; his key is
// ExpBits(uint32(u)) * inv[d] with the low byte d, ORed with RetiredKey
// for a retirement. ExpBits: x = float64(2j+1); h = x>>51 & 1; i = x>>48
// & 15; m has x's mantissa and the exponent 1023-h; r = FMA(m, logRC[i],
// -1); q by Estrin's scheme over r and r²; the time is
// float64(1056 - x>>52 - h) - FMA(r, q, logL[i]).
TEXT ·drawFMA(SB), NOSPLIT, $0-56
	MOVQ st+0(FP), AX
	MOVQ dnf+8(FP), SI
	MOVQ inv+16(FP), R12
	MOVQ buf+24(FP), DI
	MOVQ n+32(FP), BX
	XORQ R8, R8                    // mask
	XORQ CX, CX                    // d
	LEAQ ·logRC(SB), R13
	LEAQ ·logL(SB), R14
	MOVQ $0xbff0000000000000, R9   // -1.0
	VMOVQ R9, X9
	VMOVSD ·logPoly+0(SB), X10
	VMOVSD ·logPoly+8(SB), X11
	VMOVSD ·logPoly+16(SB), X12
	VMOVSD ·logPoly+24(SB), X13
	VMOVSD ·logPoly+32(SB), X14
	VMOVSD ·logPoly+40(SB), X15
	VXORPD X0, X0, X0
	VXORPD X7, X7, X7

loop:
	CMPQ CX, BX
	JGE  done
	// u, wyrand's next output.
	MOVQ $0xa0761d6478bd642f, R9
	ADDQ R9, AX
	MOVQ AX, DX
	MOVQ $0xe7037ed1a0b428db, R9
	XORQ AX, R9
	MULXQ R9, R11, R9
	XORQ R11, R9                   // u
	// r = 1 when he retires: u>>32 < dnf[d]; the mask gets it at bit d.
	MOVQ R9, R10
	SHRQ $32, R10
	XORL R11, R11
	CMPQ R10, (SI)(CX*8)
	SETCS R11B
	MOVQ R11, R10
	SHLQ CX, R10
	ORQ  R10, R8
	// x = float64(2j+1) for j = uint32(u), and its parts.
	MOVL R9, R10
	LEAQ 1(R10)(R10*1), R10
	VCVTSI2SDQ R10, X0, X0
	VMOVQ X0, R10                  // x's bits
	MOVQ R10, R15
	SHRQ $51, R15
	ANDL $1, R15                   // h
	MOVQ R10, R9
	SHRQ $48, R9
	ANDL $15, R9                   // i
	MOVQ R10, DX
	SHLQ $12, DX
	SHRQ $12, DX                   // x's mantissa bits
	SHRQ $52, R10
	NEGQ R10
	ADDQ $1056, R10
	SUBQ R15, R10                  // 1056 - x>>52 - h
	NEGQ R15
	ADDQ $1023, R15
	SHLQ $52, R15
	ORQ  R15, DX                   // m's bits
	VMOVQ DX, X1                   // m
	VCVTSI2SDQ R10, X7, X7         // 1056 - x>>52 - h, as a float64
	VMOVSD (R13)(R9*8), X2         // logRC[i]
	VMOVSD (R14)(R9*8), X3         // logL[i]
	VFMADD213SD X9, X2, X1         // r = m*logRC[i] - 1
	VMULSD X1, X1, X4              // r²
	VMOVAPD X10, X5
	VFMADD231SD X1, X11, X5        // q01 = c1*r + c0
	VMOVAPD X12, X6
	VFMADD231SD X1, X13, X6        // q23 = c3*r + c2
	VMOVAPD X14, X8
	VFMADD231SD X1, X15, X8        // q45 = c5*r + c4
	VFMADD231SD X4, X8, X6         // q45*r² + q23
	VFMADD231SD X4, X6, X5         // q = (q45*r² + q23)*r² + q01
	VFMADD231SD X5, X1, X3         // r*q + logL[i]
	VSUBSD X3, X7, X7              // the time
	VMULSD (R12)(CX*8), X7, X7     // times inv[d]
	VMOVQ X7, DX
	ANDQ $-256, DX
	ORQ  CX, DX                    // the key: d in the low byte
	NEGQ R11
	ANDQ $-256, R11                // RetiredKey for a retirement
	ORQ  R11, DX
	MOVQ DX, (DI)(CX*8)
	INCQ CX
	JMP  loop

done:
	MOVQ AX, state+40(FP)
	MOVQ R8, mask+48(FP)
	RET
