//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// The unpack constants in registers (avx2_amd64.h).
#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB Y15
#define K_LOW2 Y4
#define K_SHIFT2 Y6

// Dot of code rows with 1 to 4 float32 query rows (avx2DotArgs, see
// avx2_dot_amd64.go): for every row, group and query,
//
//	out[j*n+i] += Σ_blocks Σ_c scale*q_c * x_j[c]  +  shift*gsum[g][j]
//
// where gsum[g][j] (formed by the Go wrapper) is Σx_j over the group times
// the shift multiplier. The codes of a block are unpacked and converted to
// float32 once and multiplied by the scale once, whatever the number of
// queries (GQA). Registers: SI, R8, R9, DX planes (avx2_amd64.h); AX x of
// queries 0 and 1 at the block ((AX), (AX)(BX*1)), CX = AX + 2*BX the x of
// queries 2 and 3, BX the x stride; R10 scales, R11 shifts, R12 gsum,
// R13 groups left, R14 rows left; Y3 the scale, Y7 the shift sums of the
// row (one lane per query), Y8-Y11 the accumulators.
//
// Instructions per block of 32 values and row: 4-bit 6 to unpack + 4 cvt +
// 4 mul + 4 FMA per query; 2-bit 7 + 12 + 4 per query; 8-bit 4 + 8 + 4 per
// query; 3/5/6/7-bit 8 to 17 to unpack bytes + 7 to widen + 8 + 4 per query.

// DQn(k, …): chunk k of the block (eight codes as float32 in Y0) times the
// scale, multiply-added with x of each query.
#define MADDX1(k, A) \
	VMULPS      Y3, Y0, Y0; \
	VFMADD231PS (k*32)(AX), Y0, A

#define MADDX2(k, A, B) \
	VMULPS      Y3, Y0, Y0;               \
	VFMADD231PS (k*32)(AX), Y0, A;        \
	VFMADD231PS (k*32)(AX)(BX*1), Y0, B

#define MADDX3(k, E0, E1, E2) \
	VMULPS      Y3, Y0, Y0;                 \
	VFMADD231PS (k*32)(AX), Y0, E0;         \
	VFMADD231PS (k*32)(AX)(BX*1), Y0, E1;   \
	VFMADD231PS (k*32)(CX), Y0, E2

#define MADDX4(k, E0, E1, E2, E3) \
	MADDX3(k, E0, E1, E2); \
	VFMADD231PS (k*32)(CX)(BX*1), Y0, E3

// Group epilogues: one query keeps a group accumulator per chunk (Y8-Y11)
// and two row accumulators (Y12, Y13), scaled once per group.
#define GEPI1 \
	VADDPS      Y9, Y8, Y8;    \
	VADDPS      Y11, Y10, Y10; \
	VFMADD231PS Y3, Y8, Y12;   \
	VFMADD231PS Y3, Y10, Y13;  \
	VXORPS      Y8, Y8, Y8;    \
	VXORPS      Y9, Y9, Y9;    \
	VXORPS      Y10, Y10, Y10; \
	VXORPS      Y11, Y11, Y11

#define NOGEPI

// Row epilogues: add the row's dot products (accumulators plus the shift
// sums in X7) to out at DX, with the out stride between queries in R12.
// One query: four accumulators, one per chunk.
#define REPI1 \
	VADDPS       Y13, Y12, Y8; \
	FOLD8(VEXTRACTF128, VADDPS, VADDSS, $0x0e, Y8, X8, X9); \
	VADDSS       X7, X8, X8;   \
	VADDSS       (DX), X8, X8; \
	VMOVSS       X8, (DX)

// Two queries: Y8+Y9 and Y10+Y11.
#define REPI2 \
	SUM2X8(Y8, Y9, Y10, Y11);    \
	VADDPS       X7, X8, X8;     \
	OUT2(X8, X9, DX, R12, R13)

// Three or four queries: two accumulators each, Y8+j (even chunks) and
// Y12+j (odd chunks; Y11 and Y15 stay 0 for three); X8 ends as
// [q0 q1 q2 q3].
#define REPI34 SUM4X8; VADDPS X7, X8, X8

#define REPI3 REPI34; OUT3(X8, X9, DX, R12, R13)
#define REPI4 REPI34; OUT4(X8, X9, DX, R12, R13)

// DOTW(NAME, BLK, REPI): one Dot kernel for a code width (BLK) and a
// number of queries (CHUNK0-3 and REPI).
#define DOTW(NAME, BLK, GEPI, REPI) \
	WALK_TEXT(NAME, R10, R11);           \
	MOVQ avx2DotArgs_xStride(DI), BX;    \
	MOVQ avx2DotArgs_out(DI), AX;        \
	MOVQ AX, avx2DotArgs_outp(DI);       \
	MOVQ avx2Walk_rows(DI), R14;         \
	ROWKLOAD;                            \
row:                                     \
	MOVQ   avx2DotArgs_x(DI), AX;        \
	LEAQ   (AX)(BX*2), CX;               \
	MOVQ   avx2DotArgs_gsum(DI), R12;    \
	MOVQ   avx2Walk_groups(DI), R13;     \
	ZERO_Y8_13;                          \
	ZEROHI;                              \
	VXORPS X7, X7, X7;                   \
	PREFETCHT0 PF_SCALES(R10);           \
	PREFETCHT0 PF_SCALES(R11);           \
group:                                   \
	VPBROADCASTW (R10), X3;              \
	VCVTPH2PS    X3, Y3;                 \
	XORQ         DX, DX;                 \
block:                                   \
	PREFETCHT0 PF_CODES(SI)(DX*8);       \
	BLK;                                 \
	ADDQ $128, AX;                       \
	ADDQ $128, CX;                       \
	ADDQ $4, DX;                         \
	CMPQ DX, avx2Walk_kEnd(DI);          \
	JNE  block;                          \
	GEPI;                                \
	VPBROADCASTW (R11), X2;              \
	VCVTPH2PS    X2, X2;                 \
	VFMADD231PS  (R12), X2, X7;          \
	ADDQ $2, R10;                        \
	ADDQ $2, R11;                        \
	ADDQ $16, R12;                       \
	MOVQ avx2Walk_groupBytes(DI), DX;    \
	PLANES_ADD(DX);                      \
	DECQ R13;                            \
	JNZ  group;                          \
	MOVQ avx2DotArgs_outp(DI), DX;       \
	MOVQ avx2DotArgs_outStride(DI), R12; \
	REPI;                                \
	ADDQ $4, avx2DotArgs_outp(DI);       \
	MOVQ avx2Walk_rowSkip(DI), DX;       \
	PLANES_ADD(DX);                      \
	ADDQ avx2Walk_scaleSkip(DI), R10;    \
	ADDQ avx2Walk_scaleSkip(DI), R11;    \
	DECQ R14;                            \
	JNZ  row;                            \
	VZEROUPPER;                          \
	RET

// One and two queries keep the unpack constants in registers; three and
// four need Y12-Y15 for their accumulators.
#define ROWKLOAD K_LOAD
#define ZEROHI

// One query.
#define CHUNK0 VFMADD231PS (0*32)(AX), Y0, Y8
#define CHUNK1 VFMADD231PS (1*32)(AX), Y0, Y9
#define CHUNK2 VFMADD231PS (2*32)(AX), Y0, Y10
#define CHUNK3 VFMADD231PS (3*32)(AX), Y0, Y11
DOTW(·avx2DotW2X1, FBLK2, GEPI1, REPI1)
DOTW(·avx2DotW3X1, FBLK3, GEPI1, REPI1)
DOTW(·avx2DotW4X1, FBLK4, GEPI1, REPI1)
DOTW(·avx2DotW5X1, FBLK5, GEPI1, REPI1)
DOTW(·avx2DotW6X1, FBLK6, GEPI1, REPI1)
DOTW(·avx2DotW7X1, FBLK7, GEPI1, REPI1)
DOTW(·avx2DotW8X1, FBLK8, GEPI1, REPI1)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

// Two queries.
#define CHUNK0 MADDX2(0, Y8, Y10)
#define CHUNK1 MADDX2(1, Y9, Y11)
#define CHUNK2 MADDX2(2, Y8, Y10)
#define CHUNK3 MADDX2(3, Y9, Y11)
DOTW(·avx2DotW2X2, FBLK2, NOGEPI, REPI2)
DOTW(·avx2DotW3X2, FBLK3, NOGEPI, REPI2)
DOTW(·avx2DotW4X2, FBLK4, NOGEPI, REPI2)
DOTW(·avx2DotW5X2, FBLK5, NOGEPI, REPI2)
DOTW(·avx2DotW6X2, FBLK6, NOGEPI, REPI2)
DOTW(·avx2DotW7X2, FBLK7, NOGEPI, REPI2)
DOTW(·avx2DotW8X2, FBLK8, NOGEPI, REPI2)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB ·avx2Nib(SB)
#define K_LOW2 ·avx2Low2(SB)
#define K_SHIFT2 ·avx2Shift2(SB)
#undef ROWKLOAD
#define ROWKLOAD
#undef ZEROHI
#define ZEROHI VXORPS Y14, Y14, Y14; VXORPS Y15, Y15, Y15

// Three queries.
#define CHUNK0 MADDX3(0, Y8, Y9, Y10)
#define CHUNK1 MADDX3(1, Y12, Y13, Y14)
#define CHUNK2 MADDX3(2, Y8, Y9, Y10)
#define CHUNK3 MADDX3(3, Y12, Y13, Y14)
DOTW(·avx2DotW2X3, FBLK2, NOGEPI, REPI3)
DOTW(·avx2DotW3X3, FBLK3, NOGEPI, REPI3)
DOTW(·avx2DotW4X3, FBLK4, NOGEPI, REPI3)
DOTW(·avx2DotW5X3, FBLK5, NOGEPI, REPI3)
DOTW(·avx2DotW6X3, FBLK6, NOGEPI, REPI3)
DOTW(·avx2DotW7X3, FBLK7, NOGEPI, REPI3)
DOTW(·avx2DotW8X3, FBLK8, NOGEPI, REPI3)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

// Four queries.
#define CHUNK0 MADDX4(0, Y8, Y9, Y10, Y11)
#define CHUNK1 MADDX4(1, Y12, Y13, Y14, Y15)
#define CHUNK2 MADDX4(2, Y8, Y9, Y10, Y11)
#define CHUNK3 MADDX4(3, Y12, Y13, Y14, Y15)
DOTW(·avx2DotW2X4, FBLK2, NOGEPI, REPI4)
DOTW(·avx2DotW3X4, FBLK3, NOGEPI, REPI4)
DOTW(·avx2DotW4X4, FBLK4, NOGEPI, REPI4)
DOTW(·avx2DotW5X4, FBLK5, NOGEPI, REPI4)
DOTW(·avx2DotW6X4, FBLK6, NOGEPI, REPI4)
DOTW(·avx2DotW7X4, FBLK7, NOGEPI, REPI4)
DOTW(·avx2DotW8X4, FBLK8, NOGEPI, REPI4)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

// The unit kernels keep the unpack constants in registers again.
#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB Y15
#define K_LOW2 Y4
#define K_SHIFT2 Y6

// DOTU(NAME, BLK, PADD, BLOOP): the Dot kernel of one query over units
// (one group of one row each; rows of 1, 2, 4 or 8k groups, whole rows, a
// multiple of 8 units). Units go in pairs, each unit's codes times x into
// Y8 (chunks 0, 2) and Y9 (1, 3), summed into Y10 (A) and Y7 (B); the pair
// is folded
// (UNITS_PAIR) and after four pairs each unit's sum is one lane of Y10,
// where scale, shift and output are applied to 8 units at once. BLOOP
// walks a unit's blocks one or two at a time (groups of an odd or even
// number of blocks). Registers as in DOTW, and: CX x of the row's first
// group, BX pairs left in the batch, R12 units left in the row, R14
// batches left, Y11-Y14 the pairs.
//
// Instructions per unit of G values: G/32 blocks (as DOTW, without the
// scale multiply) + 11; per 8 units 4 for the folds and about 30.
#define DU_A(k) VFMADD231PS (k*32)(AX), Y0, Y8
#define DU_B(k) VFMADD231PS (k*32)(AX), Y0, Y9

#define DUB1(BLK, L) \
L:                              \
	BLK;                        \
	ADDQ $128, AX;              \
	ADDQ $4, DX;                \
	CMPQ DX, avx2Walk_kEnd(DI); \
	JNE  L

#define DUB2(BLK, L) \
L:                              \
	BLK;                        \
	ADDQ $4, DX;                \
	ADDQ $128, AX;              \
	BLK;                        \
	ADDQ $128, AX;              \
	ADDQ $4, DX;                \
	CMPQ DX, avx2Walk_kEnd(DI); \
	JNE  L

// DUNIT: one unit, its sum into RES (the accumulators Y8, Y9 are renamed
// per unit, so units A and B do not wait for each other), then on to the
// next group or row; the label LS ends it, so an instruction must follow
// on the same line.
#define DUNIT(RES, BLK, PADD, BLOOP, LB, LS) \
	VXORPS     Y8, Y8, Y8;               \
	VXORPS     Y9, Y9, Y9;               \
	PREFETCHT0 PF_CODES(SI);             \
	XORQ       DX, DX;                   \
	BLOOP(BLK, LB);                      \
	VADDPS     Y9, Y8, RES;              \
	PADD(avx2Walk_groupBytes(DI));       \
	DECQ       R12;                      \
	JNZ        LS;                       \
	MOVQ       CX, AX;                   \
	MOVQ       avx2Walk_groups(DI), R12; \
LS:

#define DOTU(NAME, BLK, PADD, BLOOP) \
	WALK_TEXT(NAME, R10, R11);                      \
	MOVQ (avx2DotArgs_uo+avx2UnitOut_gsum)(DI), DX; \
	MOVQ DX, (avx2DotArgs_uo+avx2UnitOut_gsp)(DI);  \
	MOVQ avx2DotArgs_x(DI), CX;                     \
	MOVQ CX, AX;                                    \
	MOVQ avx2Walk_groups(DI), R12;                  \
	MOVQ avx2DotArgs_batches(DI), R14;              \
	K_LOAD;                                         \
batch:                                              \
	MOVQ $4, BX;                                    \
	PREFETCHT0 PF_SCALES(R10);                      \
	PREFETCHT0 PF_SCALES(R11);                      \
pair:                                               \
	DUNIT(Y10, BLK, PADD, BLOOP, blocksA, nextA)    \
	DUNIT(Y7, BLK, PADD, BLOOP, blocksB, nextB)     \
	UNITS_PAIR(Y10, Y7);                            \
	DECQ BX;                                        \
	JNZ  pair;                                      \
	UNITS_FINISH;                                   \
	UNITS_SCALE(avx2DotArgs_uo);                    \
	UNITS_OUT(avx2DotArgs_uo, BX, DX);              \
	DECQ R14;                                       \
	JNZ  batch;                                     \
	VZEROUPPER;                                     \
	RET

#define CHUNK0 DU_A(0)
#define CHUNK1 DU_B(1)
#define CHUNK2 DU_A(2)
#define CHUNK3 DU_B(3)
DOTU(·avx2DotUnitW2, FBLK2, PADD1, DUB1)
DOTU(·avx2DotUnitW3, FBLK3, PADD2, DUB1)
DOTU(·avx2DotUnitW4, FBLK4, PADD1, DUB1)
DOTU(·avx2DotUnitW5, FBLK5, PADD2, DUB1)
DOTU(·avx2DotUnitW6, FBLK6, PADD2, DUB1)
DOTU(·avx2DotUnitW7, FBLK7, PADD3, DUB1)
DOTU(·avx2DotUnitW8, FBLK8, PADD1, DUB1)
DOTU(·avx2DotUnitPairsW2, FBLK2, PADD1, DUB2)
DOTU(·avx2DotUnitPairsW3, FBLK3, PADD2, DUB2)
DOTU(·avx2DotUnitPairsW4, FBLK4, PADD1, DUB2)
DOTU(·avx2DotUnitPairsW5, FBLK5, PADD2, DUB2)
DOTU(·avx2DotUnitPairsW6, FBLK6, PADD2, DUB2)
DOTU(·avx2DotUnitPairsW7, FBLK7, PADD3, DUB2)
DOTU(·avx2DotUnitPairsW8, FBLK8, PADD1, DUB2)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

// ---- Groups that are not a multiple of 32: the lane kernels ----

#include "avx2_tail_amd64.h"
#include "avx2_lane_amd64.h"

// Dot of code rows in groups of 8, 16, 24, 40, … values (any multiple of 8
// that is not one of 32) with 1 to 4 query rows (avx2LaneArgs, see
// avx2_lane_amd64.go), over the lane walker (avx2_lane_amd64.h). The G
// kernels take groups of 8, 16 or 24, the T kernels groups of whole blocks
// and a last block of 8, 16 or 24 values. Consecutive groups alternate
// between two sets of registers (OA, OB), so that two groups' chains of
// FMAs overlap.
//
// Several queries: every chunk of eight codes is dequantized by one FMA
// with the group's broadcast scale and shift, q*s + m (m = mult × (min or
// s)), and multiply-added with x of each query into one accumulator per
// query and set:
//
//	out[j*n+i] += Σ_c (q_c*s + m) * x_j[c]
//
// One query: a group's products q*x are summed in Y10 (Y11), times its
// broadcast scale into the row's accumulator Y8 (Y9), as the unit kernels
// do; the group's shift term m*gsum (gsum = Σx over the group) is formed
// when the shifts are converted (avx2LaneArgs_fm holds mult × gsum for
// every group of a fill) and added to the row's scalar X14 (X15):
//
//	out[i] += Σ_g s_g*Σ_c q_c*x[c] + Σ_g m_g*gsum_g
//
// Instructions per 8 values and row: to unpack, 4-bit 1.5 (whole blocks,
// and a block of 16) to 3, 2-bit 1.75 to 5, composite widths about 4 to
// 12; then cvt, one FMA per query and (several queries) the dequantizing
// FMA; per group 2 (one query: 1, and an add) broadcasts, 1 FMA (one
// query) and 3 to 5 for the walk; per row about 12.

#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB Y6
#define K_LOW2 Y7
#define K_SHIFT2 ·avx2Shift2(SB)

#define DLSETUP \
	VMOVDQU ·avx2Nib(SB), K_NIB; \
	VMOVDQU ·avx2Low2(SB), K_LOW2

// DLX<n>(k, accumulators): chunk k of two to four queries.
#define DLDEQ VFMADD213PS Y4, Y3, Y0
#define DLX2(k, A, B) DLDEQ; VFMADD231PS (k*32)(AX), Y0, A; VFMADD231PS (k*32)(AX)(BX*1), Y0, B
#define DLX3(k, A, B, C) DLX2(k, A, B); VFMADD231PS (k*32)(CX), Y0, C
#define DLX4(k, A, B, C, D) DLX3(k, A, B, C); VFMADD231PS (k*32)(CX)(BX*1), Y0, D

// One query: DUX1(k, T) sums chunk k's products into the group's T (the
// first chunk of a group below 32 sets it: DUX1F); a group starts with its
// scale (DUSM, which also adds its shift term to S; DUSMZ also clears T)
// and ends adding T times the scale to the row (DUGE).
#define DUX1(k, T) VFMADD231PS (k*32)(AX), Y0, T
#define DUX1F(k, T) VMULPS (k*32)(AX), Y0, T
#define DUSM(S) \
	VBROADCASTSS (R13), Y3;                           \
	VADDSS       (const_avx2LaneScales*4)(R13), S, S; \
	ADDQ         $4, R13
#define DUSMZ(T, S) DUSM(S); VXORPS T, T, T
#define DUGE(T, ACC) VFMADD231PS T, Y3, ACC

// XADDn(X) moves the query columns of n queries by X.
#define XADD12(X) ADDQ X, AX
#define XADD34(X) ADDQ X, AX; ADDQ X, CX

#define DLZERO ZERO_Y8_13; VXORPS Y14, Y14, Y14; VXORPS Y15, Y15, Y15

// Row ends of several queries: the row's dot products into out
// (avx2LaneArgs_outp, the stride between queries in R12); AX, CX and DX
// are free.
#define DLOUT(OUT) \
	MOVQ avx2LaneArgs_outp(DI), DX;       \
	MOVQ avx2LaneArgs_outStride(DI), R12; \
	OUT;                                  \
	ADDQ $4, avx2LaneArgs_outp(DI)
#define DLEND2 SUM2X8(Y8, Y12, Y9, Y13); DLOUT(OUT2(X8, X9, DX, R12, AX))
#define DLEND3 SUM4X8; DLOUT(OUT3(X8, X9, DX, R12, AX))
#define DLEND4 SUM4X8; DLOUT(OUT4(X8, X9, DX, R12, AX))

// One query keeps out in BX (no query stride to keep). Its kernels on
// 2- and 4-bit codes keep the tail macros' constants in registers too:
// Y12, Y13, and the dword masks 3 and 15 in K_LOW2 (Y7) and K_NIB (Y6),
// which serve the whole blocks as well (their codes are zero-extended).
#define DUSETUP DLSETUP; MOVQ avx2LaneArgs_out(DI), BX
#define DUROW \
	LANE_X1;              \
	VXORPS Y8, Y8, Y8;    \
	VXORPS Y9, Y9, Y9;    \
	VXORPS X14, X14, X14; \
	VXORPS X15, X15, X15
#define DLEND1 \
	VADDPS Y9, Y8, Y8;                                      \
	FOLD8(VEXTRACTF128, VADDPS, VADDSS, $0x0e, Y8, X8, X9); \
	VADDSS X15, X14, X14;                                   \
	VADDSS X14, X8, X8;                                     \
	VADDSS (BX), X8, X8;                                    \
	VMOVSS X8, (BX);                                        \
	ADDQ   $4, BX

// One query.
#define OA0 DUX1F(0, Y10)
#define OB0 DUX1F(0, Y11)
#define OA1 DUX1(1, Y10)
#define OA2 DUX1(2, Y10)
#define OA3 DUX1(3, Y10)
#define OB1 DUX1(1, Y11)
#define OB2 DUX1(2, Y11)
#define OB3 DUX1(3, Y11)
#define TA0 DUX1(0, Y10)
#define TB0 DUX1(0, Y11)
#define SMA DUSM(X14)
#define SMB DUSM(X15)
#define SMTA DUSMZ(Y10, X14)
#define SMTB DUSMZ(Y11, X15)
#define GEA DUGE(Y10, Y8)
#define GEB DUGE(Y11, Y9)
#undef K_TS2M8
#define K_TS2M8 Y12
#undef K_D3
#define K_D3 Y7
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift2M8(SB), Y12; VMOVDQU ·avx2D3(SB), Y7
LANE(·avx2DotLaneW2G8X1, LANE_G(LTX2M8, 32, 2, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M8, 32, 2, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS2M8
#define K_TS2M8 ·avx2TailShift2M8(SB)
#undef K_D3
#define K_D3 ·avx2D3(SB)
#undef K_TS2A
#define K_TS2A Y12
#undef K_TS2B
#define K_TS2B Y13
#undef K_D3
#define K_D3 Y7
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift2M16+0(SB), Y12; VMOVDQU ·avx2TailShift2M16+32(SB), Y13; VMOVDQU ·avx2D3(SB), Y7
LANE(·avx2DotLaneW2G16X1, LANE_G(LTX2M16, 64, 4, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M16, 64, 4, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS2A
#define K_TS2A ·avx2TailShift2M16+0(SB)
#undef K_TS2B
#define K_TS2B ·avx2TailShift2M16+32(SB)
#undef K_D3
#define K_D3 ·avx2D3(SB)
#undef K_D3
#define K_D3 Y7
#define BINDSETUP DUSETUP; VMOVDQU ·avx2D3(SB), Y7
LANE(·avx2DotLaneW2G24X1, LANE_G(LTX2M24, 96, 6, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M24, 96, 6, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_D3
#define K_D3 ·avx2D3(SB)
LANE(·avx2DotLaneW2G32X1, LANE_G(LTX2M32, 128, 8, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M32, 128, 8, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW3G8X1, LANE_G(LTX3M8, 32, 3, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M8, 32, 3, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW3G16X1, LANE_G(LTX3M16, 64, 6, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M16, 64, 6, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW3G24X1, LANE_G(LTX3M24, 96, 9, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M24, 96, 9, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW3G32X1, LANE_G(LTX3M32, 128, 12, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M32, 128, 12, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
#undef K_TS4
#define K_TS4 Y12
#undef K_D15
#define K_D15 Y6
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift4(SB), Y12; VMOVDQU ·avx2D15(SB), Y6
LANE(·avx2DotLaneW4G8X1, LANE_G(LTX4M8, 32, 4, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M8, 32, 4, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS4
#define K_TS4 ·avx2TailShift4(SB)
#undef K_D15
#define K_D15 ·avx2D15(SB)
LANE(·avx2DotLaneW4G16X1, LANE_G(LTX4M16, 64, 8, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M16, 64, 8, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef K_TS4
#define K_TS4 Y12
#undef K_D15
#define K_D15 Y6
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift4(SB), Y12; VMOVDQU ·avx2D15(SB), Y6
LANE(·avx2DotLaneW4G24X1, LANE_G(LTX4M24, 96, 12, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M24, 96, 12, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS4
#define K_TS4 ·avx2TailShift4(SB)
#undef K_D15
#define K_D15 ·avx2D15(SB)
LANE(·avx2DotLaneW4G32X1, LANE_G(LTX4M32, 128, 16, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M32, 128, 16, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW5G8X1, LANE_G(LTX5M8, 32, 5, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M8, 32, 5, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW5G16X1, LANE_G(LTX5M16, 64, 10, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M16, 64, 10, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW5G24X1, LANE_G(LTX5M24, 96, 15, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M24, 96, 15, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW5G32X1, LANE_G(LTX5M32, 128, 20, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M32, 128, 20, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6G8X1, LANE_G(LTX6M8, 32, 6, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M8, 32, 6, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6G16X1, LANE_G(LTX6M16, 64, 12, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M16, 64, 12, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6G24X1, LANE_G(LTX6M24, 96, 18, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M24, 96, 18, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6G32X1, LANE_G(LTX6M32, 128, 24, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M32, 128, 24, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW7G8X1, LANE_G(LTX7M8, 32, 7, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M8, 32, 7, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW7G16X1, LANE_G(LTX7M16, 64, 14, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M16, 64, 14, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW7G24X1, LANE_G(LTX7M24, 96, 21, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M24, 96, 21, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW7G32X1, LANE_G(LTX7M32, 128, 28, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M32, 128, 28, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW8G8X1, LANE_G(LTX8M8, 32, 8, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M8, 32, 8, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW8G16X1, LANE_G(LTX8M16, 64, 16, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M16, 64, 16, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW8G24X1, LANE_G(LTX8M24, 96, 24, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M24, 96, 24, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW8G32X1, LANE_G(LTX8M32, 128, 32, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M32, 128, 32, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef K_TS2M8
#define K_TS2M8 Y12
#undef K_D3
#define K_D3 Y7
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift2M8(SB), Y12; VMOVDQU ·avx2D3(SB), Y7
LANE(·avx2DotLaneW2T8X1, LANE_T(LB2, LTX2M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS2M8
#define K_TS2M8 ·avx2TailShift2M8(SB)
#undef K_D3
#define K_D3 ·avx2D3(SB)
#undef K_TS2A
#define K_TS2A Y12
#undef K_TS2B
#define K_TS2B Y13
#undef K_D3
#define K_D3 Y7
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift2M16+0(SB), Y12; VMOVDQU ·avx2TailShift2M16+32(SB), Y13; VMOVDQU ·avx2D3(SB), Y7
LANE(·avx2DotLaneW2T16X1, LANE_T(LB2, LTX2M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS2A
#define K_TS2A ·avx2TailShift2M16+0(SB)
#undef K_TS2B
#define K_TS2B ·avx2TailShift2M16+32(SB)
#undef K_D3
#define K_D3 ·avx2D3(SB)
#undef K_D3
#define K_D3 Y7
#define BINDSETUP DUSETUP; VMOVDQU ·avx2D3(SB), Y7
LANE(·avx2DotLaneW2T24X1, LANE_T(LB2, LTX2M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_D3
#define K_D3 ·avx2D3(SB)
LANE(·avx2DotLaneW2T32X1, LANE_T(LB2, LTX2M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW3T8X1, LANE_T(LB3, LTX3M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW3T16X1, LANE_T(LB3, LTX3M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW3T24X1, LANE_T(LB3, LTX3M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW3T32X1, LANE_T(LB3, LTX3M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
#undef K_TS4
#define K_TS4 Y12
#undef K_D15
#define K_D15 Y6
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift4(SB), Y12; VMOVDQU ·avx2D15(SB), Y6
LANE(·avx2DotLaneW4T8X1, LANE_T(LB4, LTX4M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS4
#define K_TS4 ·avx2TailShift4(SB)
#undef K_D15
#define K_D15 ·avx2D15(SB)
LANE(·avx2DotLaneW4T16X1, LANE_T(LB4, LTX4M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef K_TS4
#define K_TS4 Y12
#undef K_D15
#define K_D15 Y6
#define BINDSETUP DUSETUP; VMOVDQU ·avx2TailShift4(SB), Y12; VMOVDQU ·avx2D15(SB), Y6
LANE(·avx2DotLaneW4T24X1, LANE_T(LB4, LTX4M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), BINDSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef BINDSETUP
#undef K_TS4
#define K_TS4 ·avx2TailShift4(SB)
#undef K_D15
#define K_D15 ·avx2D15(SB)
LANE(·avx2DotLaneW4T32X1, LANE_T(LB4, LTX4M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW5T8X1, LANE_T(LB5, LTX5M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW5T16X1, LANE_T(LB5, LTX5M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW5T24X1, LANE_T(LB5, LTX5M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW5T32X1, LANE_T(LB5, LTX5M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6T8X1, LANE_T(LB6, LTX6M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6T16X1, LANE_T(LB6, LTX6M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6T24X1, LANE_T(LB6, LTX6M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW6T32X1, LANE_T(LB6, LTX6M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD2)
LANE(·avx2DotLaneW7T8X1, LANE_T(LB7, LTX7M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW7T16X1, LANE_T(LB7, LTX7M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW7T24X1, LANE_T(LB7, LTX7M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW7T32X1, LANE_T(LB7, LTX7M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD3)
LANE(·avx2DotLaneW8T8X1, LANE_T(LB8, LTX8M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW8T16X1, LANE_T(LB8, LTX8M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW8T24X1, LANE_T(LB8, LTX8M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
LANE(·avx2DotLaneW8T32X1, LANE_T(LB8, LTX8M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DUSETUP, DUROW, DLEND1, LANE_MULFM, LANE_MULFMS, PADD1)
#undef OA0
#undef OA1
#undef OA2
#undef OA3
#undef OB0
#undef OB1
#undef OB2
#undef OB3
#undef TA0
#undef TB0
#undef SMA
#undef SMB
#undef SMTA
#undef SMTB
#undef GEA
#undef GEB

// Two queries.
#define OA0 DLX2(0, Y8, Y9)
#define OA1 DLX2(1, Y8, Y9)
#define OA2 DLX2(2, Y8, Y9)
#define OA3 DLX2(3, Y8, Y9)
#define OB0 DLX2(0, Y12, Y13)
#define OB1 DLX2(1, Y12, Y13)
#define OB2 DLX2(2, Y12, Y13)
#define OB3 DLX2(3, Y12, Y13)
#define TA0 OA0
#define TB0 OB0
#define SMA LANE_SM
#define SMB LANE_SM
#define SMTA LANE_SM
#define SMTB LANE_SM
#define GEA NOSTEP
#define GEB NOSTEP
LANE(·avx2DotLaneW2G8X2, LANE_G(LTX2M8, 32, 2, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M8, 32, 2, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G16X2, LANE_G(LTX2M16, 64, 4, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M16, 64, 4, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G24X2, LANE_G(LTX2M24, 96, 6, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M24, 96, 6, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G32X2, LANE_G(LTX2M32, 128, 8, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M32, 128, 8, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW3G8X2, LANE_G(LTX3M8, 32, 3, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M8, 32, 3, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G16X2, LANE_G(LTX3M16, 64, 6, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M16, 64, 6, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G24X2, LANE_G(LTX3M24, 96, 9, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M24, 96, 9, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G32X2, LANE_G(LTX3M32, 128, 12, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M32, 128, 12, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW4G8X2, LANE_G(LTX4M8, 32, 4, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M8, 32, 4, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G16X2, LANE_G(LTX4M16, 64, 8, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M16, 64, 8, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G24X2, LANE_G(LTX4M24, 96, 12, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M24, 96, 12, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G32X2, LANE_G(LTX4M32, 128, 16, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M32, 128, 16, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW5G8X2, LANE_G(LTX5M8, 32, 5, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M8, 32, 5, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G16X2, LANE_G(LTX5M16, 64, 10, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M16, 64, 10, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G24X2, LANE_G(LTX5M24, 96, 15, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M24, 96, 15, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G32X2, LANE_G(LTX5M32, 128, 20, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M32, 128, 20, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G8X2, LANE_G(LTX6M8, 32, 6, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M8, 32, 6, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G16X2, LANE_G(LTX6M16, 64, 12, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M16, 64, 12, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G24X2, LANE_G(LTX6M24, 96, 18, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M24, 96, 18, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G32X2, LANE_G(LTX6M32, 128, 24, PADD2, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M32, 128, 24, PADD2, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW7G8X2, LANE_G(LTX7M8, 32, 7, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M8, 32, 7, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G16X2, LANE_G(LTX7M16, 64, 14, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M16, 64, 14, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G24X2, LANE_G(LTX7M24, 96, 21, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M24, 96, 21, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G32X2, LANE_G(LTX7M32, 128, 28, PADD3, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M32, 128, 28, PADD3, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW8G8X2, LANE_G(LTX8M8, 32, 8, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M8, 32, 8, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G16X2, LANE_G(LTX8M16, 64, 16, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M16, 64, 16, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G24X2, LANE_G(LTX8M24, 96, 24, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M24, 96, 24, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G32X2, LANE_G(LTX8M32, 128, 32, PADD1, XADD12, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M32, 128, 32, PADD1, XADD12, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T8X2, LANE_T(LB2, LTX2M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T16X2, LANE_T(LB2, LTX2M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T24X2, LANE_T(LB2, LTX2M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T32X2, LANE_T(LB2, LTX2M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW3T8X2, LANE_T(LB3, LTX3M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T16X2, LANE_T(LB3, LTX3M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T24X2, LANE_T(LB3, LTX3M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T32X2, LANE_T(LB3, LTX3M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW4T8X2, LANE_T(LB4, LTX4M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T16X2, LANE_T(LB4, LTX4M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T24X2, LANE_T(LB4, LTX4M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T32X2, LANE_T(LB4, LTX4M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW5T8X2, LANE_T(LB5, LTX5M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T16X2, LANE_T(LB5, LTX5M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T24X2, LANE_T(LB5, LTX5M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T32X2, LANE_T(LB5, LTX5M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T8X2, LANE_T(LB6, LTX6M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T16X2, LANE_T(LB6, LTX6M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T24X2, LANE_T(LB6, LTX6M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T32X2, LANE_T(LB6, LTX6M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW7T8X2, LANE_T(LB7, LTX7M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T16X2, LANE_T(LB7, LTX7M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T24X2, LANE_T(LB7, LTX7M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T32X2, LANE_T(LB7, LTX7M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW8T8X2, LANE_T(LB8, LTX8M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T16X2, LANE_T(LB8, LTX8M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T24X2, LANE_T(LB8, LTX8M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T32X2, LANE_T(LB8, LTX8M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X2; DLZERO, DLEND2, LANE_MULT, LANE_MULTS, PADD1)
#undef OA0
#undef OA1
#undef OA2
#undef OA3
#undef OB0
#undef OB1
#undef OB2
#undef OB3
#undef TA0
#undef TB0
#undef SMA
#undef SMB
#undef SMTA
#undef SMTB
#undef GEA
#undef GEB

// Three queries.
#define OA0 DLX3(0, Y8, Y9, Y10)
#define OA1 DLX3(1, Y8, Y9, Y10)
#define OA2 DLX3(2, Y8, Y9, Y10)
#define OA3 DLX3(3, Y8, Y9, Y10)
#define OB0 DLX3(0, Y12, Y13, Y14)
#define OB1 DLX3(1, Y12, Y13, Y14)
#define OB2 DLX3(2, Y12, Y13, Y14)
#define OB3 DLX3(3, Y12, Y13, Y14)
#define TA0 OA0
#define TB0 OB0
#define SMA LANE_SM
#define SMB LANE_SM
#define SMTA LANE_SM
#define SMTB LANE_SM
#define GEA NOSTEP
#define GEB NOSTEP
LANE(·avx2DotLaneW2G8X3, LANE_G(LTX2M8, 32, 2, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M8, 32, 2, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G16X3, LANE_G(LTX2M16, 64, 4, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M16, 64, 4, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G24X3, LANE_G(LTX2M24, 96, 6, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M24, 96, 6, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G32X3, LANE_G(LTX2M32, 128, 8, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M32, 128, 8, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW3G8X3, LANE_G(LTX3M8, 32, 3, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M8, 32, 3, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G16X3, LANE_G(LTX3M16, 64, 6, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M16, 64, 6, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G24X3, LANE_G(LTX3M24, 96, 9, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M24, 96, 9, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G32X3, LANE_G(LTX3M32, 128, 12, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M32, 128, 12, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW4G8X3, LANE_G(LTX4M8, 32, 4, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M8, 32, 4, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G16X3, LANE_G(LTX4M16, 64, 8, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M16, 64, 8, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G24X3, LANE_G(LTX4M24, 96, 12, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M24, 96, 12, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G32X3, LANE_G(LTX4M32, 128, 16, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M32, 128, 16, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW5G8X3, LANE_G(LTX5M8, 32, 5, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M8, 32, 5, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G16X3, LANE_G(LTX5M16, 64, 10, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M16, 64, 10, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G24X3, LANE_G(LTX5M24, 96, 15, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M24, 96, 15, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G32X3, LANE_G(LTX5M32, 128, 20, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M32, 128, 20, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G8X3, LANE_G(LTX6M8, 32, 6, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M8, 32, 6, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G16X3, LANE_G(LTX6M16, 64, 12, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M16, 64, 12, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G24X3, LANE_G(LTX6M24, 96, 18, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M24, 96, 18, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G32X3, LANE_G(LTX6M32, 128, 24, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M32, 128, 24, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW7G8X3, LANE_G(LTX7M8, 32, 7, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M8, 32, 7, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G16X3, LANE_G(LTX7M16, 64, 14, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M16, 64, 14, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G24X3, LANE_G(LTX7M24, 96, 21, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M24, 96, 21, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G32X3, LANE_G(LTX7M32, 128, 28, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M32, 128, 28, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW8G8X3, LANE_G(LTX8M8, 32, 8, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M8, 32, 8, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G16X3, LANE_G(LTX8M16, 64, 16, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M16, 64, 16, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G24X3, LANE_G(LTX8M24, 96, 24, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M24, 96, 24, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G32X3, LANE_G(LTX8M32, 128, 32, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M32, 128, 32, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T8X3, LANE_T(LB2, LTX2M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T16X3, LANE_T(LB2, LTX2M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T24X3, LANE_T(LB2, LTX2M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T32X3, LANE_T(LB2, LTX2M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW3T8X3, LANE_T(LB3, LTX3M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T16X3, LANE_T(LB3, LTX3M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T24X3, LANE_T(LB3, LTX3M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T32X3, LANE_T(LB3, LTX3M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW4T8X3, LANE_T(LB4, LTX4M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T16X3, LANE_T(LB4, LTX4M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T24X3, LANE_T(LB4, LTX4M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T32X3, LANE_T(LB4, LTX4M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW5T8X3, LANE_T(LB5, LTX5M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T16X3, LANE_T(LB5, LTX5M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T24X3, LANE_T(LB5, LTX5M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T32X3, LANE_T(LB5, LTX5M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T8X3, LANE_T(LB6, LTX6M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T16X3, LANE_T(LB6, LTX6M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T24X3, LANE_T(LB6, LTX6M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T32X3, LANE_T(LB6, LTX6M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW7T8X3, LANE_T(LB7, LTX7M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T16X3, LANE_T(LB7, LTX7M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T24X3, LANE_T(LB7, LTX7M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T32X3, LANE_T(LB7, LTX7M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW8T8X3, LANE_T(LB8, LTX8M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T16X3, LANE_T(LB8, LTX8M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T24X3, LANE_T(LB8, LTX8M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T32X3, LANE_T(LB8, LTX8M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND3, LANE_MULT, LANE_MULTS, PADD1)
#undef OA0
#undef OA1
#undef OA2
#undef OA3
#undef OB0
#undef OB1
#undef OB2
#undef OB3
#undef TA0
#undef TB0
#undef SMA
#undef SMB
#undef SMTA
#undef SMTB
#undef GEA
#undef GEB

// Four queries.
#define OA0 DLX4(0, Y8, Y9, Y10, Y11)
#define OA1 DLX4(1, Y8, Y9, Y10, Y11)
#define OA2 DLX4(2, Y8, Y9, Y10, Y11)
#define OA3 DLX4(3, Y8, Y9, Y10, Y11)
#define OB0 DLX4(0, Y12, Y13, Y14, Y15)
#define OB1 DLX4(1, Y12, Y13, Y14, Y15)
#define OB2 DLX4(2, Y12, Y13, Y14, Y15)
#define OB3 DLX4(3, Y12, Y13, Y14, Y15)
#define TA0 OA0
#define TB0 OB0
#define SMA LANE_SM
#define SMB LANE_SM
#define SMTA LANE_SM
#define SMTB LANE_SM
#define GEA NOSTEP
#define GEB NOSTEP
LANE(·avx2DotLaneW2G8X4, LANE_G(LTX2M8, 32, 2, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M8, 32, 2, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G16X4, LANE_G(LTX2M16, 64, 4, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M16, 64, 4, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G24X4, LANE_G(LTX2M24, 96, 6, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M24, 96, 6, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2G32X4, LANE_G(LTX2M32, 128, 8, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX2M32, 128, 8, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW3G8X4, LANE_G(LTX3M8, 32, 3, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M8, 32, 3, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G16X4, LANE_G(LTX3M16, 64, 6, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M16, 64, 6, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G24X4, LANE_G(LTX3M24, 96, 9, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M24, 96, 9, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3G32X4, LANE_G(LTX3M32, 128, 12, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX3M32, 128, 12, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW4G8X4, LANE_G(LTX4M8, 32, 4, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M8, 32, 4, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G16X4, LANE_G(LTX4M16, 64, 8, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M16, 64, 8, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G24X4, LANE_G(LTX4M24, 96, 12, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M24, 96, 12, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4G32X4, LANE_G(LTX4M32, 128, 16, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX4M32, 128, 16, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW5G8X4, LANE_G(LTX5M8, 32, 5, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M8, 32, 5, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G16X4, LANE_G(LTX5M16, 64, 10, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M16, 64, 10, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G24X4, LANE_G(LTX5M24, 96, 15, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M24, 96, 15, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5G32X4, LANE_G(LTX5M32, 128, 20, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX5M32, 128, 20, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G8X4, LANE_G(LTX6M8, 32, 6, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M8, 32, 6, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G16X4, LANE_G(LTX6M16, 64, 12, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M16, 64, 12, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G24X4, LANE_G(LTX6M24, 96, 18, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M24, 96, 18, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6G32X4, LANE_G(LTX6M32, 128, 24, PADD2, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX6M32, 128, 24, PADD2, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW7G8X4, LANE_G(LTX7M8, 32, 7, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M8, 32, 7, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G16X4, LANE_G(LTX7M16, 64, 14, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M16, 64, 14, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G24X4, LANE_G(LTX7M24, 96, 21, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M24, 96, 21, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7G32X4, LANE_G(LTX7M32, 128, 28, PADD3, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX7M32, 128, 28, PADD3, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW8G8X4, LANE_G(LTX8M8, 32, 8, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M8, 32, 8, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G16X4, LANE_G(LTX8M16, 64, 16, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M16, 64, 16, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G24X4, LANE_G(LTX8M24, 96, 24, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M24, 96, 24, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8G32X4, LANE_G(LTX8M32, 128, 32, PADD1, XADD34, SMA, GEA, OA0, OA1, OA2, OA3), LANE_G(LTX8M32, 128, 32, PADD1, XADD34, SMB, GEB, OB0, OB1, OB2, OB3), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T8X4, LANE_T(LB2, LTX2M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T16X4, LANE_T(LB2, LTX2M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T24X4, LANE_T(LB2, LTX2M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW2T32X4, LANE_T(LB2, LTX2M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB2, LTX2M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW3T8X4, LANE_T(LB3, LTX3M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T16X4, LANE_T(LB3, LTX3M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T24X4, LANE_T(LB3, LTX3M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW3T32X4, LANE_T(LB3, LTX3M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB3, LTX3M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW4T8X4, LANE_T(LB4, LTX4M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T16X4, LANE_T(LB4, LTX4M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T24X4, LANE_T(LB4, LTX4M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW4T32X4, LANE_T(LB4, LTX4M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB4, LTX4M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW5T8X4, LANE_T(LB5, LTX5M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T16X4, LANE_T(LB5, LTX5M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T24X4, LANE_T(LB5, LTX5M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW5T32X4, LANE_T(LB5, LTX5M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB5, LTX5M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T8X4, LANE_T(LB6, LTX6M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T16X4, LANE_T(LB6, LTX6M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T24X4, LANE_T(LB6, LTX6M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW6T32X4, LANE_T(LB6, LTX6M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB6, LTX6M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD2)
LANE(·avx2DotLaneW7T8X4, LANE_T(LB7, LTX7M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T16X4, LANE_T(LB7, LTX7M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T24X4, LANE_T(LB7, LTX7M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW7T32X4, LANE_T(LB7, LTX7M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB7, LTX7M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD3)
LANE(·avx2DotLaneW8T8X4, LANE_T(LB8, LTX8M8, 32, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M8, 32, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T16X4, LANE_T(LB8, LTX8M16, 64, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M16, 64, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T24X4, LANE_T(LB8, LTX8M24, 96, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M24, 96, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
LANE(·avx2DotLaneW8T32X4, LANE_T(LB8, LTX8M32, 128, SMTA, GEA, TA0, OA1, OA2, OA3, blocka), LANE_T(LB8, LTX8M32, 128, SMTB, GEB, TB0, OB1, OB2, OB3, blockb), DLSETUP, LANE_X34; DLZERO, DLEND4, LANE_MULT, LANE_MULTS, PADD1)
#undef OA0
#undef OA1
#undef OA2
#undef OA3
#undef OB0
#undef OB1
#undef OB2
#undef OB3
#undef TA0
#undef TB0
#undef SMA
#undef SMB
#undef SMTA
#undef SMTB
#undef GEA
#undef GEB
