//go:build gc && !purego

#include "textflag.h"
#include "avx2_amd64.h"

// func avx2Softmax(x *float32, n int) bool
//
// Softmax in place, in three passes: the max (and whether x holds a NaN),
// exp(x - max) stored and summed, then a multiply by 1/sum. It returns
// false, leaving x unchanged, if x holds a NaN or +Inf or every entry is
// -Inf (the caller fills NaN). exp (EXP8, avx2_amd64.h) follows exp32
// (softmax_generic.go) step by step with FMA: n = roundEven(t*log2e), r = t - n*ln2hi - n*ln2lo,
// the degree-7 polynomial, times 2^n from exponent bits (t = x - max <= 0,
// so n >= -126 wherever the result is not flushed to 0 below expMinX). A
// tail of n%8 values is read and written with VMASKMOVPS.
//
// Instructions per 8 values: max pass 3; exp pass 22; scale pass 3.

TEXT ·avx2Softmax(SB), NOSPLIT, $0-17
	MOVQ x+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ CX, DX
	ANDQ $7, DX        // tail
	SHRQ $3, CX        // full vectors
	// the tail's mask: avx2TailMask + 4*(8-tail)
	LEAQ ·avx2TailMask(SB), AX
	MOVQ $8, BX
	SUBQ DX, BX
	VMOVDQU (AX)(BX*4), Y15

	// Pass 1: max and NaN, four vectors at a time into four maxima.
	VMOVUPS ·avx2F32x8NegInf(SB), Y4
	VMOVAPS Y4, Y8
	VMOVAPS Y4, Y9
	VMOVAPS Y4, Y10
	VXORPS  Y5, Y5, Y5
	MOVQ SI, DI
	MOVQ CX, BX
	SHRQ $2, BX
	JZ   max1one
max4:
	VMOVUPS (DI), Y0
	VMOVUPS 32(DI), Y1
	VMOVUPS 64(DI), Y2
	VMOVUPS 96(DI), Y3
	VMAXPS  Y0, Y4, Y4
	VMAXPS  Y1, Y8, Y8
	VMAXPS  Y2, Y9, Y9
	VMAXPS  Y3, Y10, Y10
	VCMPPS  $3, Y1, Y0, Y0
	VCMPPS  $3, Y3, Y2, Y2
	VORPS   Y0, Y5, Y5
	VORPS   Y2, Y5, Y5
	ADDQ $128, DI
	DECQ BX
	JNZ  max4
max1one:
	MOVQ CX, BX
	ANDQ $3, BX
	JZ   max1tail
max1:
	VMOVUPS (DI), Y0
	VMAXPS  Y0, Y4, Y4
	VCMPPS  $3, Y0, Y0, Y1
	VORPS   Y1, Y5, Y5
	ADDQ $32, DI
	DECQ BX
	JNZ  max1
max1tail:
	TESTQ DX, DX
	JZ   max1done
	VMASKMOVPS (DI), Y15, Y0
	VCMPPS  $3, Y0, Y0, Y1
	VORPS   Y1, Y5, Y5
	VMOVUPS ·avx2F32x8NegInf(SB), Y2
	VBLENDVPS Y15, Y0, Y2, Y0
	VMAXPS  Y0, Y4, Y4
max1done:
	VMAXPS  Y8, Y4, Y4
	VMAXPS  Y10, Y9, Y9
	VMAXPS  Y9, Y4, Y4
	VMOVMSKPS Y5, BX
	TESTQ BX, BX
	JNZ  bad
	FOLD8(VEXTRACTF128, VMAXPS, VMAXSS, $0x4e, Y4, X4, X0)
	VMOVD   X4, BX
	ANDL    $0x7fffffff, BX
	CMPL    BX, $0x7f800000
	JEQ     bad               // max is ±Inf
	VBROADCASTSS X4, Y4

	// Pass 2: e = exp(x - max), stored; sum.
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	MOVQ SI, DI
	MOVQ CX, BX
	TESTQ BX, BX
	JZ   exp2tail
exp2:
	VMOVUPS (DI), Y0
	VSUBPS  Y4, Y0, Y0
	EXP8
	VMOVUPS Y0, (DI)
	VADDPS  Y0, Y8, Y8
	ADDQ $32, DI
	DECQ BX
	JZ   exp2tail
	VMOVUPS (DI), Y0
	VSUBPS  Y4, Y0, Y0
	EXP8
	VMOVUPS Y0, (DI)
	VADDPS  Y0, Y9, Y9
	ADDQ $32, DI
	DECQ BX
	JNZ  exp2
exp2tail:
	TESTQ DX, DX
	JZ   exp2done
	VMASKMOVPS (DI), Y15, Y0
	VSUBPS  Y4, Y0, Y0
	EXP8
	VANDPS  Y15, Y0, Y0
	VMASKMOVPS Y0, Y15, (DI)
	VADDPS  Y0, Y8, Y8
exp2done:
	VADDPS  Y9, Y8, Y8
	FOLD8(VEXTRACTF128, VADDPS, VADDSS, $0x4e, Y8, X8, X0)
	VMOVSS  ·avx2F32One(SB), X0
	VDIVSS  X8, X0, X0
	VBROADCASTSS X0, Y0

	// Pass 3: times 1/sum.
	MOVQ SI, DI
	MOVQ CX, BX
	TESTQ BX, BX
	JZ   mul3tail
mul3:
	VMULPS  (DI), Y0, Y1
	VMOVUPS Y1, (DI)
	ADDQ $32, DI
	DECQ BX
	JNZ  mul3
mul3tail:
	TESTQ DX, DX
	JZ   done
	VMASKMOVPS (DI), Y15, Y1
	VMULPS  Y1, Y0, Y1
	VMASKMOVPS Y1, Y15, (DI)
done:
	MOVB $1, ret+16(FP)
	VZEROUPPER
	RET
bad:
	MOVB $0, ret+16(FP)
	VZEROUPPER
	RET
