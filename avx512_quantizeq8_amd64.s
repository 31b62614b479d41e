//go:build gc && !purego

// QuantizeQ8 (with the generic code's values, scales and sums).

#include "textflag.h"
#include "avx512_amd64.h"

// func avx512QuantizeQ8(x *float32, values *int8, scales, sums *float32, groups, group int)
//
// For each of groups groups of group values, in blocks of 32 (the last of
// a group may be shorter; masked loads and stores, no access beyond it):
// amax = max|x| (VANDPS, VMAXPS, across the lanes), inv = 127/amax and
// d = amax/127 (both 0 for a block whose amax is below 2^-120, where
// 127/amax would overflow: such a block is stored as zeros); values roundEven(min(max(x*inv, -127),
// 127)) (VCVTPS2DQ round to nearest even, VPMOVDB), sum their int32 total,
// scale d and sum d*float32(total). About 50 instructions per block of 32
// values.
TEXT ·avx512QuantizeQ8(SB), NOSPLIT, $0-48
	MOVQ         x+0(FP), SI
	MOVQ         values+8(FP), DI
	MOVQ         scales+16(FP), DX
	MOVQ         sums+24(FP), R8
	MOVQ         groups+32(FP), CX
	VPBROADCASTD ·avx512AbsMask(SB), Z16
	VBROADCASTSS ·avx512F127(SB), Z18
	VXORPS       Z17, Z17, Z17
	VSUBPS       Z18, Z17, Z17
	VMOVSS       ·avx512F32Q8Tiny(SB), X21
	MOVL         $-1, R12

group:
	MOVQ group+40(FP), R9

blk:
	MOVQ    $32, R10
	CMPQ    R9, R10
	CMOVQLT R9, R10
	BZHIL   R10, R12, R11
	KMOVD   R11, K1
	KSHIFTRD $16, K1, K2

	VMOVUPS.Z (SI), K1, Z0
	VMOVUPS.Z 64(SI), K2, Z1
	VANDPS    Z16, Z0, Z2
	VANDPS    Z16, Z1, Z3
	VMAXPS    Z3, Z2, Z2
	HREDUCE(VMAXPS, Z2, Y2, X2, Y6, X6)
	VCMPSS    $13, X21, X2, K3 // amax >= 2^-120
	VDIVSS.Z  X2, X18, K3, X3
	VDIVSS.Z  X18, X2, K3, X4
	VMOVSS    X4, (DX)
	VBROADCASTSS X3, Z3

	VMULPS           Z3, Z0, Z0
	VMULPS           Z3, Z1, Z1
	VMAXPS           Z17, Z0, Z0
	VMAXPS           Z17, Z1, Z1
	VMINPS           Z18, Z0, Z0
	VMINPS           Z18, Z1, Z1
	VCVTPS2DQ.RN_SAE Z0, Z0
	VCVTPS2DQ.RN_SAE Z1, Z1
	VPMOVDB          Z0, K1, (DI)
	VPMOVDB          Z1, K2, 16(DI)
	VPADDD           Z1, Z0, Z0
	HREDUCE(VPADDD, Z0, Y0, X0, Y6, X6)
	VCVTDQ2PS        X0, X0
	VMULSS           X4, X0, X0
	VMOVSS           X0, (R8)

	LEAQ (SI)(R10*4), SI
	ADDQ R10, DI
	ADDQ $4, DX
	ADDQ $4, R8
	SUBQ R10, R9
	JNZ  blk
	DECQ CX
	JNZ  group
	VZEROUPPER
	RET
