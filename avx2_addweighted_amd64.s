//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// The unpack constants in registers (avx2_amd64.h).
#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB Y15
#define K_LOW2 Y14
#define K_SHIFT2 Y13

// AddWeighted of code rows with 1 to 4 weight rows (avx2AddWeightedArgs, see
// avx2_addweighted_amd64.go): for every row i, group and weight row j,
//
//	y_j[c] += (w_j[i]*scale) * q_c          for the group's columns c
//	wm[g][j] += w_j[i] * shift               (added to y by the Go wrapper)
//
// with w_j[i] read from the transposed table w[i][j]. The codes of a block
// are unpacked and converted once for all weight rows. Registers: SI, R8,
// R9, DX planes; AX y of rows 0 and 1 at the block ((AX), (AX)(BX*1)),
// CX = AX + 2*BX y of rows 2 and 3, BX the y stride; R10 scales, R11
// shifts, R12 wm, R13 groups left, R14 rows left; Y3 the scale, Y6 the
// row's four weights, Y8-Y11 w_j*scale.
//
// Instructions per block of 32 values and row: as Dot to unpack and
// convert (4-bit 6 + 4), then per weight row 4 × (load y, FMA, store y)
// (one FMA reads y from memory for the last weight row).

#define AW1(k) \
	VFMADD213PS (k*32)(AX), Y8, Y0; \
	VMOVUPS     Y0, (k*32)(AX)

#define AWJ(k, ADDR, WS) \
	VMOVUPS     (k*32)ADDR, Y2; \
	VFMADD231PS WS, Y0, Y2;     \
	VMOVUPS     Y2, (k*32)ADDR

#define AW2(k) \
	AWJ(k, (AX), Y8);                      \
	VFMADD213PS (k*32)(AX)(BX*1), Y9, Y0;  \
	VMOVUPS     Y0, (k*32)(AX)(BX*1)

#define AW3(k) \
	AWJ(k, (AX), Y8);                      \
	AWJ(k, (AX)(BX*1), Y9);                \
	VFMADD213PS (k*32)(CX), Y10, Y0;       \
	VMOVUPS     Y0, (k*32)(CX)

#define AW4(k) \
	AWJ(k, (AX), Y8);                      \
	AWJ(k, (AX)(BX*1), Y9);                \
	AWJ(k, (CX), Y10);                     \
	VFMADD213PS (k*32)(CX)(BX*1), Y11, Y0; \
	VMOVUPS     Y0, (k*32)(CX)(BX*1)

// w_j * scale for the group, from the weights at DX.
#define AWS1 VBROADCASTSS (DX), Y8; VMULPS Y3, Y8, Y8
#define AWS2 AWS1; VBROADCASTSS 4(DX), Y9; VMULPS Y3, Y9, Y9
#define AWS3 AWS2; VBROADCASTSS 8(DX), Y10; VMULPS Y3, Y10, Y10
#define AWS4 AWS3; VBROADCASTSS 12(DX), Y11; VMULPS Y3, Y11, Y11

#define ADDW(NAME, BLK, WS) \
	WALK_TEXT(NAME, R10, R11);                   \
	MOVQ avx2AddWeightedArgs_yStride(DI), BX;    \
	MOVQ avx2AddWeightedArgs_w(DI), DX;          \
	MOVQ DX, avx2AddWeightedArgs_wp(DI);         \
	MOVQ avx2Walk_rows(DI), R14;                 \
	K_LOAD;                                      \
row:                                             \
	MOVQ    avx2AddWeightedArgs_y(DI), AX;       \
	LEAQ    (AX)(BX*2), CX;                      \
	MOVQ    avx2AddWeightedArgs_wm(DI), R12;     \
	MOVQ    avx2Walk_groups(DI), R13;            \
	MOVQ    avx2AddWeightedArgs_wp(DI), DX;      \
	VMOVUPS (DX), X6;                            \
	PREFETCHT0 PF_SCALES(R10);                   \
	PREFETCHT0 PF_SCALES(R11);                   \
group:                                           \
	VPBROADCASTW (R10), X3;                      \
	VCVTPH2PS    X3, Y3;                         \
	MOVQ         avx2AddWeightedArgs_wp(DI), DX; \
	WS;                                          \
	VPBROADCASTW (R11), X2;                      \
	VCVTPH2PS    X2, X2;                         \
	VMULPS       X6, X2, X2;                     \
	VADDPS       (R12), X2, X2;                  \
	VMOVUPS      X2, (R12);                      \
	XORQ         DX, DX;                         \
block:                                           \
	PREFETCHT0 PF_CODES(SI)(DX*8);               \
	BLK;                                         \
	ADDQ $128, AX;                               \
	ADDQ $128, CX;                               \
	ADDQ $4, DX;                                 \
	CMPQ DX, avx2Walk_kEnd(DI);                  \
	JNE  block;                                  \
	ADDQ $2, R10;                                \
	ADDQ $2, R11;                                \
	ADDQ $16, R12;                               \
	MOVQ avx2Walk_groupBytes(DI), DX;            \
	PLANES_ADD(DX);                              \
	DECQ R13;                                    \
	JNZ  group;                                  \
	ADDQ $16, avx2AddWeightedArgs_wp(DI);        \
	MOVQ avx2Walk_rowSkip(DI), DX;               \
	PLANES_ADD(DX);                              \
	ADDQ avx2Walk_scaleSkip(DI), R10;            \
	ADDQ avx2Walk_scaleSkip(DI), R11;            \
	DECQ R14;                                    \
	JNZ  row;                                    \
	VZEROUPPER;                                  \
	RET

#define CHUNK0 AW1(0)
#define CHUNK1 AW1(1)
#define CHUNK2 AW1(2)
#define CHUNK3 AW1(3)
ADDW(·avx2AddWeightedW2X1, FBLK2, AWS1)
ADDW(·avx2AddWeightedW3X1, FBLK3, AWS1)
ADDW(·avx2AddWeightedW4X1, FBLK4, AWS1)
ADDW(·avx2AddWeightedW5X1, FBLK5, AWS1)
ADDW(·avx2AddWeightedW6X1, FBLK6, AWS1)
ADDW(·avx2AddWeightedW7X1, FBLK7, AWS1)
ADDW(·avx2AddWeightedW8X1, FBLK8, AWS1)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

#define CHUNK0 AW2(0)
#define CHUNK1 AW2(1)
#define CHUNK2 AW2(2)
#define CHUNK3 AW2(3)
ADDW(·avx2AddWeightedW2X2, FBLK2, AWS2)
ADDW(·avx2AddWeightedW3X2, FBLK3, AWS2)
ADDW(·avx2AddWeightedW4X2, FBLK4, AWS2)
ADDW(·avx2AddWeightedW5X2, FBLK5, AWS2)
ADDW(·avx2AddWeightedW6X2, FBLK6, AWS2)
ADDW(·avx2AddWeightedW7X2, FBLK7, AWS2)
ADDW(·avx2AddWeightedW8X2, FBLK8, AWS2)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

#define CHUNK0 AW3(0)
#define CHUNK1 AW3(1)
#define CHUNK2 AW3(2)
#define CHUNK3 AW3(3)
ADDW(·avx2AddWeightedW2X3, FBLK2, AWS3)
ADDW(·avx2AddWeightedW3X3, FBLK3, AWS3)
ADDW(·avx2AddWeightedW4X3, FBLK4, AWS3)
ADDW(·avx2AddWeightedW5X3, FBLK5, AWS3)
ADDW(·avx2AddWeightedW6X3, FBLK6, AWS3)
ADDW(·avx2AddWeightedW7X3, FBLK7, AWS3)
ADDW(·avx2AddWeightedW8X3, FBLK8, AWS3)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

#define CHUNK0 AW4(0)
#define CHUNK1 AW4(1)
#define CHUNK2 AW4(2)
#define CHUNK3 AW4(3)
ADDW(·avx2AddWeightedW2X4, FBLK2, AWS4)
ADDW(·avx2AddWeightedW3X4, FBLK3, AWS4)
ADDW(·avx2AddWeightedW4X4, FBLK4, AWS4)
ADDW(·avx2AddWeightedW5X4, FBLK5, AWS4)
ADDW(·avx2AddWeightedW6X4, FBLK6, AWS4)
ADDW(·avx2AddWeightedW7X4, FBLK7, AWS4)
ADDW(·avx2AddWeightedW8X4, FBLK8, AWS4)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3
