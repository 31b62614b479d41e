//go:build gc && !purego

#include "textflag.h"

// AddWeighted of one weight row w over rows of 8 values: y (8 values) +=
// Σ_i w[i]*row_i, with four accumulators that take rows 4k, 4k+1, 4k+2,
// 4k+3 (the last n%4 rows go to the first), added to y at the end as
// y + ((a0+a1)+(a2+a3)). Each row is one broadcast of its weight and one
// FMA (plus one VCVTPH2PS for fp16 rows).
//
// Instructions per 32 values (four rows): float32 4 VBROADCASTSS + 4
// VFMADD231PS (with their loads); fp16 4 VCVTPH2PS more.

// ACC0 clears the four accumulators Y0-Y3 and splits the n rows in CX into
// BX quads and CX single rows.
#define ACC0 \
	VXORPS Y0, Y0, Y0; \
	VXORPS Y1, Y1, Y1; \
	VXORPS Y2, Y2, Y2; \
	VXORPS Y3, Y3, Y3; \
	MOVQ   CX, BX;     \
	SHRQ   $2, BX;     \
	ANDQ   $3, CX

// SUMY adds the accumulators to the 8 values at DI.
#define SUMY \
	VADDPS  Y1, Y0, Y0;   \
	VADDPS  Y3, Y2, Y2;   \
	VADDPS  Y2, Y0, Y0;   \
	VADDPS  (DI), Y0, Y0; \
	VMOVUPS Y0, (DI)

// func avx2AddWeightedRow8F32(y, rows, w *float32, n int)
TEXT ·avx2AddWeightedRow8F32(SB), NOSPLIT, $0-32
	MOVQ y+0(FP), DI
	MOVQ rows+8(FP), SI
	MOVQ w+16(FP), DX
	MOVQ n+24(FP), CX
	ACC0
	TESTQ BX, BX
	JZ    f32one

f32four:
	VBROADCASTSS 0(DX), Y4
	VBROADCASTSS 4(DX), Y5
	VBROADCASTSS 8(DX), Y6
	VBROADCASTSS 12(DX), Y7
	VFMADD231PS  0(SI), Y4, Y0
	VFMADD231PS  32(SI), Y5, Y1
	VFMADD231PS  64(SI), Y6, Y2
	VFMADD231PS  96(SI), Y7, Y3
	ADDQ         $128, SI
	ADDQ         $16, DX
	DECQ         BX
	JNZ          f32four

f32one:
	TESTQ CX, CX
	JZ    f32sum

f32oneloop:
	VBROADCASTSS (DX), Y4
	VFMADD231PS  (SI), Y4, Y0
	ADDQ         $32, SI
	ADDQ         $4, DX
	DECQ         CX
	JNZ          f32oneloop

f32sum:
	SUMY
	VZEROUPPER
	RET

// func avx2AddWeightedRow8F16(y *float32, rows *uint16, w *float32, n int)
TEXT ·avx2AddWeightedRow8F16(SB), NOSPLIT, $0-32
	MOVQ y+0(FP), DI
	MOVQ rows+8(FP), SI
	MOVQ w+16(FP), DX
	MOVQ n+24(FP), CX
	ACC0
	TESTQ BX, BX
	JZ    f16one

f16four:
	VBROADCASTSS 0(DX), Y4
	VBROADCASTSS 4(DX), Y5
	VBROADCASTSS 8(DX), Y6
	VBROADCASTSS 12(DX), Y7
	VCVTPH2PS    0(SI), Y8
	VCVTPH2PS    16(SI), Y9
	VCVTPH2PS    32(SI), Y10
	VCVTPH2PS    48(SI), Y11
	VFMADD231PS  Y8, Y4, Y0
	VFMADD231PS  Y9, Y5, Y1
	VFMADD231PS  Y10, Y6, Y2
	VFMADD231PS  Y11, Y7, Y3
	ADDQ         $64, SI
	ADDQ         $16, DX
	DECQ         BX
	JNZ          f16four

f16one:
	TESTQ CX, CX
	JZ    f16sum

f16oneloop:
	VBROADCASTSS (DX), Y4
	VCVTPH2PS    (SI), Y8
	VFMADD231PS  Y8, Y4, Y0
	ADDQ         $16, SI
	ADDQ         $4, DX
	DECQ         CX
	JNZ          f16oneloop

f16sum:
	SUMY
	VZEROUPPER
	RET
