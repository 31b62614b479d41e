//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// QuantizeQ8 (avx2QuantizeQ8Args, avx2_quantizeq8_amd64.go): rows of cols
// values quantized in blocks of 32 and a last block of tail < 32 values,
// every block as the generic kernel does it (bit-exact):
//
//	amax = max |x| (0 if below 2^-120), inv = 127/amax (0 if amax = 0), d = amax/127
//	v = roundEven(clamp(x*inv, -127, 127)), Scales = d, Sums = d*Σv
//
// Registers: AX x, DI values, SI the args, R10 scales, R11 sums, R13 full
// blocks left in the row, R14 rows left; Y0-Y3 the block, Y8-Y11 the
// tail's load masks.
//
// Instructions per block of 32 values: 4 loads, 12 for amax, 5 for inv
// and d (with the 2^-120 flush), 16 to scale, clamp and round, 10 for Σv,
// 4 to pack, 1 store.

// Q8BLOCK quantizes the block in Y0-Y3 and leaves its int8 values in Y0
// (value order); it stores scale and sum at R10, R11 and advances them.
#define Q8BLOCK \
	VANDPS       ·avx2F32x8Abs(SB), Y0, Y4;                 \
	VANDPS       ·avx2F32x8Abs(SB), Y1, Y5;                 \
	VANDPS       ·avx2F32x8Abs(SB), Y2, Y6;                 \
	VANDPS       ·avx2F32x8Abs(SB), Y3, Y7;                 \
	VMAXPS       Y5, Y4, Y4;                                \
	VMAXPS       Y7, Y6, Y6;                                \
	VMAXPS       Y6, Y4, Y4;                                \
	FOLD8(VEXTRACTF128, VMAXPS, VMAXSS, $0x4e, Y4, X4, X5); \
	VMOVSS       ·avx2F32Q8Tiny(SB), X7;                    \
	VCMPSS       $1, X7, X4, X7;                            \
	VANDNPS      X4, X7, X4;                                \
	VMOVSS       ·avx2F32Q8Max(SB), X6;                     \
	VDIVSS       X4, X6, X5;                                \
	VANDNPS      X5, X7, X5;                                \
	VDIVSS       X6, X4, X4;                                \
	VMOVSS       X4, (R10);                                 \
	VBROADCASTSS X5, Y5;                                    \
	ON4(VMULPS, Y5);                                        \
	ON4(VMAXPS, ·avx2F32x8Q8Min(SB));                       \
	ON4(VMINPS, ·avx2F32x8Q8Max(SB));                       \
	ON4U(VCVTPS2DQ);                                        \
	VPADDD       Y1, Y0, Y5;                                \
	VPADDD       Y3, Y2, Y6;                                \
	VPADDD       Y6, Y5, Y5;                                \
	FOLD8(VEXTRACTI128, VPADDD, VPADDD, $0x4e, Y5, X5, X6); \
	VCVTDQ2PS    X5, X5;                                    \
	VMULSS       X4, X5, X5;                                \
	VMOVSS       X5, (R11);                                 \
	ADDQ         $4, R10;                                   \
	ADDQ         $4, R11;                                   \
	VPACKSSDW    Y1, Y0, Y0;                                \
	VPACKSSDW    Y3, Y2, Y2;                                \
	VPACKSSWB    Y2, Y0, Y0;                                \
	VPERMD       Y0, Y12, Y0

// func avx2QuantizeQ8(a *avx2QuantizeQ8Args)
TEXT ·avx2QuantizeQ8(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), SI
	MOVQ avx2QuantizeQ8Args_x(SI), AX
	MOVQ avx2QuantizeQ8Args_values(SI), DI
	MOVQ avx2QuantizeQ8Args_scales(SI), R10
	MOVQ avx2QuantizeQ8Args_sums(SI), R11
	MOVQ avx2QuantizeQ8Args_rows(SI), R14
	VMOVDQU ·avx2PackOrder(SB), Y12
	VMOVDQU avx2QuantizeQ8Args_mask+0(SI), Y8
	VMOVDQU avx2QuantizeQ8Args_mask+32(SI), Y9
	VMOVDQU avx2QuantizeQ8Args_mask+64(SI), Y10
	VMOVDQU avx2QuantizeQ8Args_mask+96(SI), Y11
row:
	MOVQ avx2QuantizeQ8Args_full(SI), R13
	TESTQ R13, R13
	JZ   tail
full:
	VMOVUPS (AX), Y0
	VMOVUPS 32(AX), Y1
	VMOVUPS 64(AX), Y2
	VMOVUPS 96(AX), Y3
	Q8BLOCK
	VMOVDQU Y0, (DI)
	ADDQ $128, AX
	ADDQ $32, DI
	DECQ R13
	JNZ  full
tail:
	MOVQ avx2QuantizeQ8Args_tail(SI), CX
	TESTQ CX, CX
	JZ   next
	VMASKMOVPS (AX), Y8, Y0
	VMASKMOVPS 32(AX), Y9, Y1
	VMASKMOVPS 64(AX), Y10, Y2
	VMASKMOVPS 96(AX), Y11, Y3
	Q8BLOCK
	VMOVDQU Y0, avx2QuantizeQ8Args_scratch(SI)
	XORQ DX, DX
copy:
	MOVB avx2QuantizeQ8Args_scratch(SI)(DX*1), BX
	MOVB BX, (DI)(DX*1)
	INCQ DX
	CMPQ DX, CX
	JNE  copy
	LEAQ (AX)(CX*4), AX
	ADDQ CX, DI
next:
	DECQ R14
	JNZ  row
	VZEROUPPER
	RET
