//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"

// The four-query Dot kernel of 2-bit rows of 96 values in groups of 16,
// rows in lanes (avx512DotRow96W2G16Lanes). A row is six code dwords, one
// group each; sixteen rows (384 bytes) are six vectors, permuted (R96L_T)
// so that lane r of vector u holds row r's dword u (dword 6r+u of the
// block: from the first pair of vectors, from the second under
// K1-K3, from the third under K4-K5, by the index vectors at R12,
// avx512Row96LanesW2Tables). Field k of every lane of vector u is then
// query column 16u + (field k's column in a group of 16), so the x tables
// are one value per field and group, broadcast by the multiply-adds
// (96 floats per query row at BX, x times 4^-k, as the field
// is masked in place and converted to q*4^k). The groups are taken in
// two halves of three (twelve accumulators): each group's accumulators
// are scaled by its scales (permuted like the codes, after converting the
// block's 96 once) and added into the query rows' sums; the mins
// (permuted alike) times the query's group sums (broadcast, 16 floats per
// query row at R9) are added last, and the four sums are stored: every
// lane is one row's. Nothing is gathered per query row, unlike the kernels
// of eight rows (avx512DotRow96W2G16X4), which scale and gather each
// query row's partial sums (Intel Xeon family 6 model 167, bench -sizes
// l2, Dot×4 q2g16 on rows of 96 against q2g64 on rows of 128 in the same
// run, medians of 4 interleaved runs: 0.72 -> 0.885; q2sg16 0.76 ->
// 0.94).
//
// Budget per 32 values: 4 for the codes (mask, a memory operand, and
// convert, per field and vector) + 2 per query row (the multiply-adds,
// their x values broadcast from memory), 3.3 for the permutations of the
// codes, scales and mins and the conversions (18 R96L_T of 8
// instructions and 12 conversions per block of sixteen rows) and 0.3 per
// query row for the scales, mins and store (13 instructions per block):
// 16.5 for four query rows, 4.1 per query row.
//
// Registers: Z0-Z11 the accumulators of a half (query row j, its group
// u: Z(3j+u)), Z12-Z15 the query rows' sums, Z24-Z29 the codes as
// loaded, then the scales and the mins as converted, Z20-Z22 a half's
// codes permuted, Z16 a group's scales or mins permuted, Z17, Z18, Z19
// and Z23 scratch; R11 out of the query row.

// R96L_T(u, kmid, klast, d, t): lane r of d takes dword 6r+u of the six
// vectors in Z24-Z29; t scratch.
#define R96L_T(u, kmid, klast, d, t) \
	VMOVDQU32 (64*u)(R12), d;     \
	VPERMI2PS Z25, Z24, d;        \
	VMOVDQU32 (384+64*u)(R12), t; \
	VPERMI2PS Z27, Z26, t;        \
	VMOVAPS   t, kmid, d;         \
	VMOVDQU32 (768+64*u)(R12), t; \
	VPERMI2PS Z29, Z28, t;        \
	VMOVAPS   t, klast, d

// R96L_FIELD(op, k, u, c, t, a0, a1, a2, a3): field k of the permuted
// code vector c (group u) masked, converted (t) and multiplied (op:
// VMULPS.BCST or VFMADD231PS.BCST) by the four query rows' x values of
// the field into their accumulators of the group, a0-a3.
#define R96L_FIELD(op, k, u, c, t, a0, a1, a2, a3) \
	VPANDD.BCST ·avx512FieldMask+(64*(k))(SB), c, t; \
	VCVTUDQ2PS  t, t;                                \
	op          (64*(u)+4*(k))(BX), t, a0;           \
	op          (384+64*(u)+4*(k))(BX), t, a1;       \
	op          (768+64*(u)+4*(k))(BX), t, a2;       \
	op          (1152+64*(u)+4*(k))(BX), t, a3

// R96L_FIELDS(op, k, h): field k of the half's three groups 3h-3h+2
// (Z20-Z22).
#define R96L_FIELDS(op, k, h) \
	R96L_FIELD(op, k, 3*h, Z20, Z17, Z0, Z3, Z6, Z9);   \
	R96L_FIELD(op, k, 3*h+1, Z21, Z18, Z1, Z4, Z7, Z10); \
	R96L_FIELD(op, k, 3*h+2, Z22, Z19, Z2, Z5, Z8, Z11)

// R96L_HALF(h): the sixteen fields of the half's groups.
#define R96L_HALF(h) \
	R96L_FIELDS(VMULPS.BCST, 0, h);       \
	R96L_FIELDS(VFMADD231PS.BCST, 1, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 2, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 3, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 4, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 5, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 6, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 7, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 8, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 9, h);  \
	R96L_FIELDS(VFMADD231PS.BCST, 10, h); \
	R96L_FIELDS(VFMADD231PS.BCST, 11, h); \
	R96L_FIELDS(VFMADD231PS.BCST, 12, h); \
	R96L_FIELDS(VFMADD231PS.BCST, 13, h); \
	R96L_FIELDS(VFMADD231PS.BCST, 14, h); \
	R96L_FIELDS(VFMADD231PS.BCST, 15, h)

// R96L_SCALE(op, u, kmid, klast, a0, a1, a2, a3): group u's scales
// permuted (Z16) times its four accumulators a0-a3, into the query rows'
// sums (op VMULPS starts them, VFMADD231PS adds).
#define R96L_SCALE(op, u, kmid, klast, a0, a1, a2, a3) \
	R96L_T(u, kmid, klast, Z16, Z23); \
	op Z16, a0, Z12;                  \
	op Z16, a1, Z13;                  \
	op Z16, a2, Z14;                  \
	op Z16, a3, Z15

// R96L_MINS(u, kmid, klast): group u's mins permuted (Z16) times each
// query row's sum of group u, added into its sums.
#define R96L_MINS(u, kmid, klast) \
	R96L_T(u, kmid, klast, Z16, Z23);          \
	VFMADD231PS.BCST (4*u)(R9), Z16, Z12;      \
	VFMADD231PS.BCST (64+4*u)(R9), Z16, Z13;   \
	VFMADD231PS.BCST (128+4*u)(R9), Z16, Z14;  \
	VFMADD231PS.BCST (192+4*u)(R9), Z16, Z15

// R96L_CVT6(src): the block's 96 fp16 values at src converted into
// Z24-Z29.
#define R96L_CVT6(src) \
	VCVTPH2PS 0(src), Z24;   \
	VCVTPH2PS 32(src), Z25;  \
	VCVTPH2PS 64(src), Z26;  \
	VCVTPH2PS 96(src), Z27;  \
	VCVTPH2PS 128(src), Z28; \
	VCVTPH2PS 160(src), Z29

#define R96L_MASK(m, k) \
	MOVL  $m, R11; \
	KMOVW R11, k

// func avx512DotRow96LanesW2G16X4(a *avx512RowArgs): 2-bit rows of 96 in groups of 16, rows in lanes, 4 query rows.
TEXT ·avx512DotRow96LanesW2G16X4(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	MOVQ avx512RowArgs_data(AX), SI
	MOVQ avx512RowArgs_scales(AX), DX
	MOVQ avx512RowArgs_mins(AX), R8
	MOVQ avx512RowArgs_recs(AX), BX
	MOVQ avx512RowArgs_sg(AX), R9
	MOVQ avx512RowArgs_out(AX), DI
	MOVQ avx512RowArgs_n(AX), CX
	MOVQ avx512RowArgs_outStride(AX), R10
	MOVQ avx512RowArgs_scratch(AX), R12
	R96L_MASK(0x07c0, K1)
	R96L_MASK(0x07e0, K2)
	R96L_MASK(0x03e0, K3)
	R96L_MASK(0xf800, K4)
	R96L_MASK(0xfc00, K5)

block:
	PREFETCHT0 768(SI)
	PREFETCHT0 832(SI)
	PREFETCHT0 896(SI)
	PREFETCHT0 960(SI)
	PREFETCHT0 1024(SI)
	PREFETCHT0 1088(SI)
	VMOVDQU32  0(SI), Z24
	VMOVDQU32  64(SI), Z25
	VMOVDQU32  128(SI), Z26
	VMOVDQU32  192(SI), Z27
	VMOVDQU32  256(SI), Z28
	VMOVDQU32  320(SI), Z29
	R96L_T(0, K1, K4, Z20, Z17)
	R96L_T(1, K1, K4, Z21, Z18)
	R96L_T(2, K2, K4, Z22, Z19)
	R96L_HALF(0)
	R96L_T(3, K2, K4, Z20, Z17)
	R96L_T(4, K3, K5, Z21, Z18)
	R96L_T(5, K3, K5, Z22, Z19)
	R96L_CVT6(DX)
	R96L_SCALE(VMULPS, 0, K1, K4, Z0, Z3, Z6, Z9)
	R96L_SCALE(VFMADD231PS, 1, K1, K4, Z1, Z4, Z7, Z10)
	R96L_SCALE(VFMADD231PS, 2, K2, K4, Z2, Z5, Z8, Z11)
	R96L_HALF(1)
	R96L_SCALE(VFMADD231PS, 3, K2, K4, Z0, Z3, Z6, Z9)
	R96L_SCALE(VFMADD231PS, 4, K3, K5, Z1, Z4, Z7, Z10)
	R96L_SCALE(VFMADD231PS, 5, K3, K5, Z2, Z5, Z8, Z11)
	R96L_CVT6(R8)
	R96L_MINS(0, K1, K4)
	R96L_MINS(1, K1, K4)
	R96L_MINS(2, K2, K4)
	R96L_MINS(3, K2, K4)
	R96L_MINS(4, K3, K5)
	R96L_MINS(5, K3, K5)
	MOVQ       DI, R11
	VMOVUPS    Z12, (R11)
	ADDQ       R10, R11
	VMOVUPS    Z13, (R11)
	ADDQ       R10, R11
	VMOVUPS    Z14, (R11)
	ADDQ       R10, R11
	VMOVUPS    Z15, (R11)
	ADDQ       $384, SI
	ADDQ       $192, DX
	ADDQ       $192, R8
	ADDQ       $64, DI
	SUBQ       $16, CX
	JNZ        block
	VZEROUPPER
	RET
