//go:build gc && !purego

// Softmax: the max (with a NaN flag), exp(x - max) with its sum, and the
// scaling by 1/sum, 16 values per step and a masked last step.

#include "textflag.h"
#include "avx512_amd64.h"
#include "avx512_exp_amd64.h"

// func avx512SoftmaxMax(x *float32, n int) (max float32, nan bool): 64
// values per step in four accumulators, then 16, then a masked step. A
// VCMPPS unordered compare of pairs of vectors flags NaNs.
TEXT ·avx512SoftmaxMax(SB), NOSPLIT, $0-21
	MOVQ         x+0(FP), SI
	MOVQ         n+8(FP), CX
	VBROADCASTSS ·avx512NegInf(SB), Z0
	VMOVAPS      Z0, Z2
	VMOVAPS      Z0, Z3
	VMOVAPS      Z0, Z4
	KXORW        K2, K2, K2
	MOVL         $-1, R12

loop64:
	CMPQ    CX, $64
	JB      loop
	VMOVUPS (SI), Z1
	VMOVUPS 64(SI), Z5
	VMOVUPS 128(SI), Z6
	VMOVUPS 192(SI), Z7
	VMAXPS  Z1, Z0, Z0
	VMAXPS  Z5, Z2, Z2
	VMAXPS  Z6, Z3, Z3
	VMAXPS  Z7, Z4, Z4
	VCMPPS  $3, Z5, Z1, K1
	VCMPPS  $3, Z7, Z6, K3
	KORW    K1, K3, K1
	KORW    K1, K2, K2
	ADDQ    $256, SI
	SUBQ    $64, CX
	JMP     loop64

loop:
	CMPQ    CX, $16
	JB      tail
	VMOVUPS (SI), Z1
	VMAXPS  Z1, Z0, Z0
	VCMPPS  $3, Z1, Z1, K1
	KORW    K1, K2, K2
	ADDQ    $64, SI
	SUBQ    $16, CX
	JMP     loop

tail:
	TESTQ     CX, CX
	JZ        done
	BZHIL     CX, R12, R11
	KMOVW     R11, K3
	VMOVUPS.Z (SI), K3, Z1
	VMAXPS    Z1, Z0, K3, Z0
	VCMPPS    $3, Z1, Z1, K3, K1
	KORW      K1, K2, K2

done:
	VMAXPS   Z2, Z0, Z0
	VMAXPS   Z4, Z3, Z3
	VMAXPS   Z3, Z0, Z0
	HREDUCE(VMAXPS, Z0, Y0, X0, Y1, X1)
	VMOVSS   X0, max+16(FP)
	KORTESTW K2, K2
	SETNE    nan+20(FP)
	VZEROUPPER
	RET

// func avx512SoftmaxExp(x *float32, n int, max float32) (sum float32)
// replaces x by exp(x - max) and returns the sum. About 22 instructions
// per 16 values; the three passes of Softmax about 50 per 32 values.
TEXT ·avx512SoftmaxExp(SB), NOSPLIT, $0-28
	MOVQ         x+0(FP), SI
	MOVQ         n+8(FP), CX
	VBROADCASTSS max+16(FP), Z31
	EXP_CONSTS
	VXORPS       Z5, Z5, Z5
	VXORPS       Z6, Z6, Z6
	MOVL         $-1, R12

loop32:
	CMPQ    CX, $32
	JB      loop
	VMOVUPS (SI), Z0
	VMOVUPS 64(SI), Z7
	VSUBPS  Z31, Z0, Z0
	VSUBPS  Z31, Z7, Z7
	EXP(Z0, Z2, Z3, K1)
	EXP(Z7, Z8, Z9, K2)
	VMOVUPS Z0, (SI)
	VMOVUPS Z7, 64(SI)
	VADDPS  Z0, Z5, Z5
	VADDPS  Z7, Z6, Z6
	ADDQ    $128, SI
	SUBQ    $32, CX
	JMP     loop32

loop:
	CMPQ    CX, $16
	JB      tail
	VMOVUPS (SI), Z0
	VSUBPS  Z31, Z0, Z0
	EXP(Z0, Z2, Z3, K1)
	VMOVUPS Z0, (SI)
	VADDPS  Z0, Z5, Z5
	ADDQ    $64, SI
	SUBQ    $16, CX
	JMP     loop

tail:
	TESTQ     CX, CX
	JZ        done
	BZHIL     CX, R12, R11
	KMOVW     R11, K3
	VMOVUPS.Z (SI), K3, Z0
	VSUBPS    Z31, Z0, Z0
	EXP(Z0, Z2, Z3, K1)
	VMOVUPS   Z0, K3, (SI)
	VADDPS    Z0, Z5, K3, Z5

done:
	VADDPS Z6, Z5, Z5
	HREDUCE(VADDPS, Z5, Y5, X5, Y1, X1)
	VMOVSS X5, sum+24(FP)
	VZEROUPPER
	RET
