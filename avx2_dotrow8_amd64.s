//go:build gc && !purego

#include "textflag.h"

// Dot of one query row x (8 values) with rows of 8 values, eight rows per
// iteration: the eight products x*row are formed in eight registers and
// reduced across lanes at once (a transposed reduction: four VHADDPS give
// each row's pair sums, two more its sums per 128-bit half, and
// VPERM2F128 and one VADDPS add the halves), so the eight rows' dot
// products land in one register, in row order, and are stored with one
// VMOVUPS. Every row's sum is ((v0x0+v1x1)+(v2x2+v3x3)) +
// ((v4x4+v5x5)+(v6x6+v7x7)), whatever its position.
//
// Instructions per 32 values (four rows): float32 4 VMULPS (with their
// loads) + 3 VHADDPS + 1.5 shuffles and additions + 0.5 store; fp16 4
// VCVTPH2PS more.

// ROW8 reduces the products in Y0-Y7 (row r in Yr) to their eight sums,
// stores them at DI, and moves SI and DI on to the next eight rows (BYTES
// of rows).
#define ROW8(BYTES) \
	VHADDPS    Y1, Y0, Y0;     \
	VHADDPS    Y3, Y2, Y2;     \
	VHADDPS    Y5, Y4, Y4;     \
	VHADDPS    Y7, Y6, Y6;     \
	VHADDPS    Y2, Y0, Y0;     \
	VHADDPS    Y6, Y4, Y4;     \
	VPERM2F128 $0x20, Y4, Y0, Y1; \
	VPERM2F128 $0x31, Y4, Y0, Y2; \
	VADDPS     Y2, Y1, Y1;     \
	VMOVUPS    Y1, (DI);       \
	ADDQ       $BYTES, SI;     \
	ADDQ       $32, DI

// func avx2DotRow8F32(out, rows, x *float32, n int)
TEXT ·avx2DotRow8F32(SB), NOSPLIT, $0-32
	MOVQ    out+0(FP), DI
	MOVQ    rows+8(FP), SI
	MOVQ    x+16(FP), DX
	MOVQ    n+24(FP), CX
	VMOVUPS (DX), Y15
	SHRQ    $3, CX
	JZ      f32done

f32loop:
	VMULPS 0(SI), Y15, Y0
	VMULPS 32(SI), Y15, Y1
	VMULPS 64(SI), Y15, Y2
	VMULPS 96(SI), Y15, Y3
	VMULPS 128(SI), Y15, Y4
	VMULPS 160(SI), Y15, Y5
	VMULPS 192(SI), Y15, Y6
	VMULPS 224(SI), Y15, Y7
	ROW8(256)
	DECQ   CX
	JNZ    f32loop

f32done:
	VZEROUPPER
	RET

// func avx2DotRow8F16(out *float32, rows *uint16, x *float32, n int)
TEXT ·avx2DotRow8F16(SB), NOSPLIT, $0-32
	MOVQ    out+0(FP), DI
	MOVQ    rows+8(FP), SI
	MOVQ    x+16(FP), DX
	MOVQ    n+24(FP), CX
	VMOVUPS (DX), Y15
	SHRQ    $3, CX
	JZ      f16done

f16loop:
	VCVTPH2PS 0(SI), Y0
	VCVTPH2PS 16(SI), Y1
	VCVTPH2PS 32(SI), Y2
	VCVTPH2PS 48(SI), Y3
	VCVTPH2PS 64(SI), Y4
	VCVTPH2PS 80(SI), Y5
	VCVTPH2PS 96(SI), Y6
	VCVTPH2PS 112(SI), Y7
	VMULPS    Y15, Y0, Y0
	VMULPS    Y15, Y1, Y1
	VMULPS    Y15, Y2, Y2
	VMULPS    Y15, Y3, Y3
	VMULPS    Y15, Y4, Y4
	VMULPS    Y15, Y5, Y5
	VMULPS    Y15, Y6, Y6
	VMULPS    Y15, Y7, Y7
	ROW8(128)
	DECQ      CX
	JNZ       f16loop

f16done:
	VZEROUPPER
	RET
