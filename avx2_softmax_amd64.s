//go:build !purego

#include "textflag.h"

// func softmaxAVX2(x *float32, n int) bool
//
// Softmax in place, in three passes: the max (and whether x holds a NaN),
// exp(x - max) stored and summed, then a multiply by 1/sum. It returns
// false, leaving x unchanged, if x holds a NaN or +Inf or every entry is
// -Inf (the caller fills NaN). exp follows exp32 (softmax_generic.go) step
// by step with FMA: n = roundEven(t*log2e), r = t - n*ln2hi - n*ln2lo,
// the degree-7 polynomial, times 2^n from exponent bits (t = x - max <= 0,
// so n >= -126 wherever the result is not flushed to 0 below expMinX). A
// tail of n%8 values is read and written with VMASKMOVPS.
//
// Instructions per 8 values: max pass 3; exp pass 22; scale pass 3.

// EXP8: Y0 = exp(Y0) for Y0 <= 0 (lanes below expMinX give 0); uses Y1-Y3.
#define EXP8 \
	VMULPS       ·avx2ExpLog2e(SB), Y0, Y1;   \
	VROUNDPS     $0, Y1, Y1;                  \
	VMOVAPS      Y0, Y2;                      \
	VFNMADD231PS ·avx2ExpLn2Hi(SB), Y1, Y2;   \
	VFNMADD231PS ·avx2ExpLn2Lo(SB), Y1, Y2;   \
	VMOVUPS      ·avx2ExpP0(SB), Y3;          \
	VFMADD213PS  ·avx2ExpP1(SB), Y2, Y3;      \
	VFMADD213PS  ·avx2ExpP2(SB), Y2, Y3;      \
	VFMADD213PS  ·avx2ExpP3(SB), Y2, Y3;      \
	VFMADD213PS  ·avx2ExpP4(SB), Y2, Y3;      \
	VFMADD213PS  ·avx2ExpP5(SB), Y2, Y3;      \
	VMULPS       Y2, Y3, Y3;                  \
	VFMADD213PS  Y2, Y2, Y3;                  \
	VADDPS       ·avx2F32x8One(SB), Y3, Y3;   \
	VCVTPS2DQ    Y1, Y1;                      \
	VPADDD       ·avx2I32x8Bias(SB), Y1, Y1;  \
	VPSLLD       $23, Y1, Y1;                 \
	VMULPS       Y1, Y3, Y3;                  \
	VCMPPS       $0x1d, ·avx2ExpMinX(SB), Y0, Y1; \
	VANDPS       Y3, Y1, Y0

TEXT ·softmaxAVX2(SB), NOSPLIT, $0-17
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

	// Pass 1: max and NaN.
	VMOVUPS ·avx2F32x8NegInf(SB), Y4
	VXORPS  Y5, Y5, Y5
	MOVQ SI, DI
	MOVQ CX, BX
	TESTQ BX, BX
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
	VMOVMSKPS Y5, BX
	TESTQ BX, BX
	JNZ  bad
	VEXTRACTF128 $1, Y4, X0
	VMAXPS  X0, X4, X4
	VPSHUFD $0x4e, X4, X0
	VMAXPS  X0, X4, X4
	VPSHUFD $0x01, X4, X0
	VMAXSS  X0, X4, X4
	VMOVD   X4, BX
	ANDL    $0x7fffffff, BX
	CMPL    BX, $0x7f800000
	JEQ     bad               // max is ±Inf
	VBROADCASTSS X4, Y4

	// Pass 2: e = exp(x - max), stored; sum.
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	MOVQ SI, DI
	MOVQ CX, BX
	TESTQ BX, BX
	JZ   exp2tail
exp2:
	VMOVUPS (DI), Y0
	VSUBPS  Y4, Y0, Y0
	EXP8
	VMOVUPS Y0, (DI)
	VADDPS  Y0, Y6, Y6
	ADDQ $32, DI
	DECQ BX
	JZ   exp2tail
	VMOVUPS (DI), Y0
	VSUBPS  Y4, Y0, Y0
	EXP8
	VMOVUPS Y0, (DI)
	VADDPS  Y0, Y7, Y7
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
	VADDPS  Y0, Y6, Y6
exp2done:
	VADDPS  Y7, Y6, Y6
	VEXTRACTF128 $1, Y6, X0
	VADDPS  X0, X6, X6
	VPSHUFD $0x4e, X6, X0
	VADDPS  X0, X6, X6
	VPSHUFD $0x01, X6, X0
	VADDSS  X0, X6, X6
	VMOVSS  ·avx2F32One(SB), X0
	VDIVSS  X6, X0, X0
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
