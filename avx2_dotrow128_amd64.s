//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"

// The Dot field kernels of avx2 on 2- and 4-bit rows of 128 values
// (avx2DotRowArgs, see avx2_dotrow128_amd64.go), in groups of 16, 32, 64 or
// 128, for 2 to 4 query rows (one query row runs the unit and row kernels,
// which measured as fast):
//
//	out[j*stride+i] = Σ_lanes S*A_j + M*GX_j
//
// A row's codes are read as dwords and field k of every dword (w bits) is
// masked in place, without a shift, and made a float: VCVTDQ2PS, or (where
// a register is free for 2^23) VPOR with 2^23 and VSUBPS of 2^23, which
// is exact for values below 2^23 and leaves the conversion unit alone. It
// is multiplied by the query's values laid out per call in the same lanes
// and scaled by 2^-(field's shift) (the x tables), so the product is
// exactly q*x. The fields of a dword's low 16 bits (4-bit) or low byte
// (2-bit) take the four masks; the codes are then shifted down and the
// same masks serve the next fields. Per 32 values a 4-bit row costs 4
// VPAND, 4 conversions (one or two instructions) and 4 FMAs per query
// row, a 2-bit row 2, 2 and 2 per query row, plus about 2 per query row
// per 128 values to scale, shift, reduce and store.
//
// Every lane of the accumulators belongs to one group of its row: lane l
// of the 4-bit row's first vector is bytes 4l to 4l+3, of its second
// bytes 32+4l on (the 2-bit row is one vector: its even fields go to the
// first accumulator, its odd ones to the second). So the row's scales
// (converted, one per group, lane g) are spread to the accumulators'
// lanes by VPERMPS (the index tables idx), S, and its mins (or scales,
// symmetric) M times the query's group sums GX (lane g, 0 past the row's
// groups: the loads of the row's scales and mins zero the other lanes, so
// a non-finite scale or min stays in its own row) give the shift term.
// Each row's sum is formed the same way wherever the row sits in a call.
//
// Registers: SI codes, R8 scales, R9 mins, BX x tables (512 bytes per query
// row), R10 group sums (32 bytes per query row), R11 index tables, R13 the
// field masks, DI out, DX its stride in bytes, R12 3*DX, CX rows left;
// Y12-Y15 the masks, Y8 2^23 where FLDM is used (two query rows).

// FLDC, FLDM(M, C, T): the field under mask M of the codes C, as float32,
// into T: converted, or through 2^23 (in Y8).
#define FLDC(M, C, T) \
	VPAND     M, C, T;                              \
	VCVTDQ2PS T, T

#define FLDM(M, C, T) \
	VPAND  M, C, T;                                 \
	VPOR   Y8, T, T;                                \
	VSUBPS Y8, T, T

// A row at a time: Y0, Y1 codes, Y2, Y3 fields, Y4-Y11 accumulators (query row j: Y(4+2j)
// and Y(5+2j)).

// QXn(OP, T, OFF, A0, A1, A2, A3): field T into the accumulators of n
// query rows (VMULPS starts a row's sums).
#define QX2(OP, T, OFF, A0, A1, A2, A3) OP OFF(BX), T, A0; OP (OFF+512)(BX), T, A1
#define QX3(OP, T, OFF, A0, A1, A2, A3) QX2(OP, T, OFF, A0, A1, A2, A3); OP (OFF+1024)(BX), T, A2
#define QX4(OP, T, OFF, A0, A1, A2, A3) QX3(OP, T, OFF, A0, A1, A2, A3); OP (OFF+1536)(BX), T, A3

// F4(QX, FLD, OP, k, M): field k of both vectors of a 4-bit row (mask M).
#define F4(QX, FLD, OP, k, M) \
	FLD(M, Y0, Y2);                                 \
	FLD(M, Y1, Y3);                                 \
	QX(OP, Y2, (k*32), Y4, Y6, Y8, Y10);            \
	QX(OP, Y3, (256+k*32), Y5, Y7, Y9, Y11)

// ROW4(QX, FLD): the accumulators of a 4-bit row (64 bytes at SI).
#define ROW4(QX, FLD) \
	VMOVDQU (SI), Y0;                               \
	VMOVDQU 32(SI), Y1;                             \
	F4(QX, FLD, VMULPS, 0, Y12);                    \
	F4(QX, FLD, VFMADD231PS, 1, Y13);               \
	F4(QX, FLD, VFMADD231PS, 2, Y14);               \
	F4(QX, FLD, VFMADD231PS, 3, Y15);               \
	VPSRLD $16, Y0, Y0;                             \
	VPSRLD $16, Y1, Y1;                             \
	F4(QX, FLD, VFMADD231PS, 4, Y12);               \
	F4(QX, FLD, VFMADD231PS, 5, Y13);               \
	F4(QX, FLD, VFMADD231PS, 6, Y14);               \
	F4(QX, FLD, VFMADD231PS, 7, Y15)

// F2E, F2O(QX, FLD, OP, k, M): field k of a 2-bit row (mask M), even
// fields into the first accumulators, odd ones into the second.
#define F2E(QX, FLD, OP, k, M) FLD(M, Y0, Y2); QX(OP, Y2, (k*32), Y4, Y6, Y8, Y10)
#define F2O(QX, FLD, OP, k, M) FLD(M, Y0, Y3); QX(OP, Y3, (k*32), Y5, Y7, Y9, Y11)

// F2Q(QX, FLD, k): fields k to k+3 of a 2-bit row (after the first four).
#define F2Q(QX, FLD, k) \
	VPSRLD $8, Y0, Y0;                              \
	F2E(QX, FLD, VFMADD231PS, k, Y12);              \
	F2O(QX, FLD, VFMADD231PS, (k+1), Y13);          \
	F2E(QX, FLD, VFMADD231PS, (k+2), Y14);          \
	F2O(QX, FLD, VFMADD231PS, (k+3), Y15)

// ROW2(QX, FLD): the accumulators of a 2-bit row (32 bytes at SI).
#define ROW2(QX, FLD) \
	VMOVDQU (SI), Y0;                               \
	F2E(QX, FLD, VMULPS, 0, Y12);                   \
	F2O(QX, FLD, VMULPS, 1, Y13);                   \
	F2E(QX, FLD, VFMADD231PS, 2, Y14);              \
	F2O(QX, FLD, VFMADD231PS, 3, Y15);              \
	F2Q(QX, FLD, 4);                                \
	F2Q(QX, FLD, 8);                                \
	F2Q(QX, FLD, 12)

// LDn(A, X): the row's n fp16 values at address A into the low words of
// X, the other words 0.
#define LD1(A, X) MOVWLZX A, R14; VMOVD R14, X
#define LD2(A, X) VMOVD A, X
#define LD4(A, X) VMOVQ A, X
#define LD8(A, X) VMOVDQU A, X

// SCALES(LD, OFF): the two accumulators' lane scales of the row whose
// scales are OFF bytes on from R8 into Y1 and Y2, its mins (by group)
// into Y3 (uses Y0).
#define SCALES(LD, OFF) \
	LD(OFF(R8), X0);                                \
	VCVTPH2PS X0, Y0;                               \
	VMOVDQU   (R11), Y1;                            \
	VPERMPS   Y0, Y1, Y1;                           \
	VMOVDQU   32(R11), Y2;                          \
	VPERMPS   Y0, Y2, Y2;                           \
	LD(OFF(R9), X3);                                \
	VCVTPH2PS X3, Y3

// COMB(A, B, j): query row j's scaled sum and shift term into A.
#define COMB(A, B, j) \
	VMULPS      Y1, A, A;                           \
	VFMADD231PS Y2, B, A;                           \
	VFMADD231PS (j*32)(R10), Y3, A

// SUMn(LD): the row's scales, and each of n query rows' combined sum into
// Y4, Y6, Y8, Y10 (n = 3: Y8 twice, so that the reduction is shared).
#define SUM2(LD) \
	SCALES(LD, 0);                                  \
	COMB(Y4, Y5, 0);                                \
	COMB(Y6, Y7, 1)

#define SUM3(LD) \
	SUM2(LD);                                       \
	COMB(Y8, Y9, 2);                                \
	VMOVAPS Y8, Y10

#define SUM4(LD) \
	SUM2(LD);                                       \
	COMB(Y8, Y9, 2);                                \
	COMB(Y10, Y11, 3)

// REDUCE4: Y4, Y6, Y8, Y10 each summed across its lanes, into lanes 0-3
// of X4.
#define REDUCE4 \
	VHADDPS      Y6, Y4, Y4;                        \
	VHADDPS      Y10, Y8, Y8;                       \
	VHADDPS      Y8, Y4, Y4;                        \
	VEXTRACTF128 $1, Y4, X0;                        \
	VADDPS       X0, X4, X4

// STOREn(LD): each of n query rows' sum of the row to out (the kernels
// store, they do not add).
#define STORE2(LD) \
	SUM2(LD);                                       \
	VHADDPS      Y6, Y4, Y4;                        \
	VEXTRACTF128 $1, Y4, X0;                        \
	VADDPS       X0, X4, X4;                        \
	VHADDPS      X4, X4, X4;                        \
	VMOVSS       X4, (DI);                          \
	VEXTRACTPS   $1, X4, (DI)(DX*1)

#define STORE3(LD) \
	SUM3(LD);                                       \
	REDUCE4;                                        \
	VMOVSS       X4, (DI);                          \
	VEXTRACTPS   $1, X4, (DI)(DX*1);                \
	VEXTRACTPS   $2, X4, (DI)(DX*2)

#define STORE4(LD) \
	SUM4(LD);                                       \
	REDUCE4;                                        \
	VMOVSS       X4, (DI);                          \
	VEXTRACTPS   $1, X4, (DI)(DX*1);                \
	VEXTRACTPS   $2, X4, (DI)(DX*2);                \
	VEXTRACTPS   $3, X4, (DI)(R12*1)

// DOTROW128(NAME, ROW, QX, FLD, STORE, LD, RB, SCB): the kernel on rows of
// RB bytes of codes and SCB bytes of scales. It keeps the masks in
// Y12-Y15 and 2^23 in Y8, which FLDM reads (with FLDC, for three and four
// query rows, Y8 is an accumulator and the row's first VMULPS sets it).
#define DOTROW128(NAME, ROW, QX, FLD, STORE, LD, RB, SCB) \
TEXT NAME(SB), NOSPLIT, $0-8;                       \
	MOVQ a+0(FP), AX;                               \
	MOVQ avx2DotRowArgs_data(AX), SI;               \
	MOVQ avx2DotRowArgs_scales(AX), R8;             \
	MOVQ avx2DotRowArgs_shifts(AX), R9;             \
	MOVQ avx2DotRowArgs_xt(AX), BX;                 \
	MOVQ avx2DotRowArgs_gx(AX), R10;                \
	MOVQ avx2DotRowArgs_idx(AX), R11;               \
	MOVQ avx2DotRowArgs_masks(AX), R13;             \
	MOVQ avx2DotRowArgs_out(AX), DI;                \
	MOVQ avx2DotRowArgs_outStride(AX), DX;          \
	MOVQ avx2DotRowArgs_n(AX), CX;                  \
	LEAQ (DX)(DX*2), R12;                           \
	VMOVDQU 0(R13), Y12;                            \
	VMOVDQU 32(R13), Y13;                           \
	VMOVDQU 64(R13), Y14;                           \
	VMOVDQU 96(R13), Y15;                           \
	VPBROADCASTD 128(R13), Y8;                      \
row:                                                \
	PREFETCHT0 1024(SI);                            \
	ROW(QX, FLD);                                   \
	STORE(LD);                                      \
	ADDQ $RB, SI;                                   \
	ADDQ $SCB, R8;                                  \
	ADDQ $SCB, R9;                                  \
	ADDQ $4, DI;                                    \
	DECQ CX;                                        \
	JNZ  row;                                       \
	VZEROUPPER;                                     \
	RET

DOTROW128(·avx2DotRow128W4G16X2, ROW4, QX2, FLDM, STORE2, LD8, 64, 16)
DOTROW128(·avx2DotRow128W4G16X3, ROW4, QX3, FLDC, STORE3, LD8, 64, 16)
DOTROW128(·avx2DotRow128W4G16X4, ROW4, QX4, FLDC, STORE4, LD8, 64, 16)
DOTROW128(·avx2DotRow128W4G32X2, ROW4, QX2, FLDM, STORE2, LD4, 64, 8)
DOTROW128(·avx2DotRow128W4G32X3, ROW4, QX3, FLDC, STORE3, LD4, 64, 8)
DOTROW128(·avx2DotRow128W4G32X4, ROW4, QX4, FLDC, STORE4, LD4, 64, 8)
DOTROW128(·avx2DotRow128W4G64X2, ROW4, QX2, FLDM, STORE2, LD2, 64, 4)
DOTROW128(·avx2DotRow128W4G64X3, ROW4, QX3, FLDC, STORE3, LD2, 64, 4)
DOTROW128(·avx2DotRow128W4G64X4, ROW4, QX4, FLDC, STORE4, LD2, 64, 4)
DOTROW128(·avx2DotRow128W4G128X2, ROW4, QX2, FLDM, STORE2, LD1, 64, 2)
DOTROW128(·avx2DotRow128W4G128X3, ROW4, QX3, FLDC, STORE3, LD1, 64, 2)
DOTROW128(·avx2DotRow128W4G128X4, ROW4, QX4, FLDC, STORE4, LD1, 64, 2)
DOTROW128(·avx2DotRow128W2G16X2, ROW2, QX2, FLDM, STORE2, LD8, 32, 16)
DOTROW128(·avx2DotRow128W2G16X3, ROW2, QX3, FLDC, STORE3, LD8, 32, 16)
DOTROW128(·avx2DotRow128W2G16X4, ROW2, QX4, FLDC, STORE4, LD8, 32, 16)
DOTROW128(·avx2DotRow128W2G32X2, ROW2, QX2, FLDM, STORE2, LD4, 32, 8)
DOTROW128(·avx2DotRow128W2G32X3, ROW2, QX3, FLDC, STORE3, LD4, 32, 8)
DOTROW128(·avx2DotRow128W2G32X4, ROW2, QX4, FLDC, STORE4, LD4, 32, 8)
DOTROW128(·avx2DotRow128W2G64X2, ROW2, QX2, FLDM, STORE2, LD2, 32, 4)
DOTROW128(·avx2DotRow128W2G64X3, ROW2, QX3, FLDC, STORE3, LD2, 32, 4)
DOTROW128(·avx2DotRow128W2G64X4, ROW2, QX4, FLDC, STORE4, LD2, 32, 4)
DOTROW128(·avx2DotRow128W2G128X2, ROW2, QX2, FLDM, STORE2, LD1, 32, 2)
DOTROW128(·avx2DotRow128W2G128X3, ROW2, QX3, FLDC, STORE3, LD1, 32, 2)
DOTROW128(·avx2DotRow128W2G128X4, ROW2, QX4, FLDC, STORE4, LD1, 32, 2)

// avx2Row128Gather writes the x tables of pass query rows (128 values
// each, 512 bytes apart in x and in dst): entry e of a row's table is
// x[cols[e]] * scales[e], eight entries per VGATHERDPS. It returns the
// least of |x|-1 (as integers) over the rows, so the caller can tell a
// value whose scaled copy would be subnormal. Per 8 entries: a gather, 3
// integer ops for the least magnitude, a multiply and a store.
TEXT ·avx2Row128Gather(SB), NOSPLIT, $0-44
	MOVQ     dst+0(FP), DI
	MOVQ     x+8(FP), SI
	MOVQ     pass+32(FP), CX
	VPCMPEQD Y5, Y5, Y5    // the least so far: 2^32-1
	VPSRLD   $1, Y5, Y6    // 0x7fffffff
	VPSRLD   $31, Y5, Y7   // 1

query:
	MOVQ cols+16(FP), R8
	MOVQ scales+24(FP), R9
	MOVQ $16, DX

entries:
	VMOVDQU    (R8), Y1
	VPCMPEQD   Y2, Y2, Y2
	VGATHERDPS Y2, (SI)(Y1*4), Y0
	VPAND      Y6, Y0, Y3
	VPSUBD     Y7, Y3, Y3
	VPMINUD    Y3, Y5, Y5
	VMULPS     (R9), Y0, Y0
	VMOVUPS    Y0, (DI)
	ADDQ       $32, R8
	ADDQ       $32, R9
	ADDQ       $32, DI
	DECQ       DX
	JNZ        entries
	ADDQ       $512, SI
	DECQ       CX
	JNZ        query

	VEXTRACTI128 $1, Y5, X0
	VPMINUD      X0, X5, X5
	VPSHUFD      $0x4e, X5, X0
	VPMINUD      X0, X5, X5
	VPSHUFD      $0xb1, X5, X0
	VPMINUD      X0, X5, X5
	VMOVD        X5, AX
	MOVL         AX, least+40(FP)
	VZEROUPPER
	RET
