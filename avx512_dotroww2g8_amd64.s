//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"

// The 2-bit Dot row kernels on rows of 80 and 96 values in groups of 8,
// one query row (avx512DotRowW2G8). A group of 8 2-bit codes is two
// bytes, so a code dword holds two groups of one row (fields 0-7: group
// 2w of the row's dword w, fields 8-15: group 2w+1), a row of 80 is five
// dwords and a row of 96 six, and sixteen rows are five (six) vectors
// whose lane l of vector v is dword 16v+l of the block. As in the kernels
// of rows of 128 in groups of 8 (QUADW2G8X1), field k of every dword is
// masked in place (avx512FieldMask, a broadcast memory operand) and
// converted (q*4^k), then multiplied by the x table 16v+k (its lanes'
// query values times 4^-k, avx512RowW2G8Cols80 or Cols96), fields 0-7
// into one accumulator per vector and fields 8-15 into another. Each
// lane of the two is then scaled and shifted by its own group's scale
// and min (W2G8_SCALE: the block's scales are in the dwords' order, two
// per dword, split into the even and the odd groups' by VPERMT2PS), and
// the dwords of each row are added: rows of 80 gather a row's five
// dwords (lane r takes dword 5r+k, as the kernels of rows of 80 in
// groups of 16 do), rows of 96 add the dword pairs first, then gather a
// row's three pairs. Every lane holds one row's sum, so a non-finite
// scale or min stays in its row.
//
// Budget per 32 values: 6 for the codes (mask, convert and multiply-add
// per field and vector), 1.75 for the scales and mins (14 per vector:
// four conversions, four splits, a multiply and three multiply-adds),
// and about 0.9 (rows of 80) or 0.6 (rows of 96) for the sums of the
// rows: 8.5-8.7 in all.
//
// avx512RowArgs: data, scales, mins (the scales again when symmetric),
// out, recs (the x tables: 16 per vector), sg (two vectors per code
// vector: the shift-term sums of lane l's even group, then its odd
// group's), scratch (avx512RowW2G8Tables), n (rows, a multiple of 16).
//
// Registers: SI codes, DX scales, R8 mins, BX x tables, R9 shift sums,
// DI out, CX rows left, R12 the index tables, Z30 and Z31 the even and
// odd indexes; rows of 80: Z0-Z4 the even groups' accumulators, Z5-Z9
// the odd groups', Z10-Z14 the codes, Z15-Z16 scratch, K1-K5 the gather's
// lanes from the second pair of vectors (k = 0-1, 2-3, 4) and from the
// last (k = 0-3, 4); rows of 96: Z0-Z5, Z6-Z11, Z12-Z17 the codes, Z18-Z19
// scratch, K1 and K2 the gather's lanes from the last vector of pairs (k
// = 0-1, 2).

// W2G8_FV(op, k, v, c, t, acc): field k of code vector v (c) masked in
// place, converted and multiplied (op VMULPS, which starts acc, or
// VFMADD231PS) by x table 16v+k into acc; t scratch.
#define W2G8_FV(op, k, v, c, t, acc) \
	VPANDD.BCST ·avx512FieldMask+(64*k)(SB), c, t; \
	VCVTUDQ2PS  t, t;                              \
	op          (1024*v+64*k)(BX), t, acc

// W2G8_F80(op, k, a0, a1, a2, a3, a4) and W2G8_F96(op, k, a0, …, a5):
// field k of each code vector of the block into its accumulator.
#define W2G8_F80(op, k, a0, a1, a2, a3, a4) \
	W2G8_FV(op, k, 0, Z10, Z15, a0); \
	W2G8_FV(op, k, 1, Z11, Z16, a1); \
	W2G8_FV(op, k, 2, Z12, Z15, a2); \
	W2G8_FV(op, k, 3, Z13, Z16, a3); \
	W2G8_FV(op, k, 4, Z14, Z15, a4)

#define W2G8_F96(op, k, a0, a1, a2, a3, a4, a5) \
	W2G8_FV(op, k, 0, Z12, Z18, a0); \
	W2G8_FV(op, k, 1, Z13, Z19, a1); \
	W2G8_FV(op, k, 2, Z14, Z18, a2); \
	W2G8_FV(op, k, 3, Z15, Z19, a3); \
	W2G8_FV(op, k, 4, Z16, Z18, a4); \
	W2G8_FV(op, k, 5, Z17, Z19, a5)

// W2G8_FIELDS80 and W2G8_FIELDS96: the 16 fields of the block, an even
// group's field and an odd group's in turn, into the even groups'
// accumulators (Z0-Z4, Z0-Z5) and the odd groups' (Z5-Z9, Z6-Z11).
#define W2G8_FIELDS80 \
	W2G8_F80(VMULPS, 0, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VMULPS, 8, Z5, Z6, Z7, Z8, Z9); \
	W2G8_F80(VFMADD231PS, 1, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VFMADD231PS, 9, Z5, Z6, Z7, Z8, Z9); \
	W2G8_F80(VFMADD231PS, 2, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VFMADD231PS, 10, Z5, Z6, Z7, Z8, Z9); \
	W2G8_F80(VFMADD231PS, 3, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VFMADD231PS, 11, Z5, Z6, Z7, Z8, Z9); \
	W2G8_F80(VFMADD231PS, 4, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VFMADD231PS, 12, Z5, Z6, Z7, Z8, Z9); \
	W2G8_F80(VFMADD231PS, 5, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VFMADD231PS, 13, Z5, Z6, Z7, Z8, Z9); \
	W2G8_F80(VFMADD231PS, 6, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VFMADD231PS, 14, Z5, Z6, Z7, Z8, Z9); \
	W2G8_F80(VFMADD231PS, 7, Z0, Z1, Z2, Z3, Z4); W2G8_F80(VFMADD231PS, 15, Z5, Z6, Z7, Z8, Z9)

#define W2G8_FIELDS96 \
	W2G8_F96(VMULPS, 0, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VMULPS, 8, Z6, Z7, Z8, Z9, Z10, Z11); \
	W2G8_F96(VFMADD231PS, 1, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VFMADD231PS, 9, Z6, Z7, Z8, Z9, Z10, Z11); \
	W2G8_F96(VFMADD231PS, 2, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VFMADD231PS, 10, Z6, Z7, Z8, Z9, Z10, Z11); \
	W2G8_F96(VFMADD231PS, 3, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VFMADD231PS, 11, Z6, Z7, Z8, Z9, Z10, Z11); \
	W2G8_F96(VFMADD231PS, 4, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VFMADD231PS, 12, Z6, Z7, Z8, Z9, Z10, Z11); \
	W2G8_F96(VFMADD231PS, 5, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VFMADD231PS, 13, Z6, Z7, Z8, Z9, Z10, Z11); \
	W2G8_F96(VFMADD231PS, 6, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VFMADD231PS, 14, Z6, Z7, Z8, Z9, Z10, Z11); \
	W2G8_F96(VFMADD231PS, 7, Z0, Z1, Z2, Z3, Z4, Z5); W2G8_F96(VFMADD231PS, 15, Z6, Z7, Z8, Z9, Z10, Z11)

// W2G8_SPLIT2(src, o, ta, tb, t): the 32 fp16 values at o(src) (the
// scales of vector v's dwords at DX+64v, or their mins at R8+64v)
// converted and split into the even entries (ta: lane l's even group)
// and the odd ones (tb); t scratch.
#define W2G8_SPLIT2(src, o, ta, tb, t) \
	VCVTPH2PS o(src), tb;       \
	VCVTPH2PS (o+32)(src), t;   \
	VMOVAPS   tb, ta;           \
	VPERMT2PS t, Z30, ta;       \
	VPERMT2PS t, Z31, tb

// W2G8_SCALE(v, a, b, t1, t2, t3): vector v's dword sums, a (even
// groups) and b (odd groups), scaled lane by lane by their groups'
// scales, plus the groups' mins times the query's group sums (R9+128v:
// the even groups', then the odd groups'), into a; t1-t3 scratch.
#define W2G8_SCALE(v, a, b, t1, t2, t3) \
	W2G8_SPLIT2(DX, 64*v, t1, t2, t3); \
	VMULPS      t1, a, a;              \
	VFMADD231PS t2, b, a;              \
	W2G8_SPLIT2(R8, 64*v, t1, t2, t3); \
	VFMADD231PS (128*v)(R9), t1, a;    \
	VFMADD231PS (128*v+64)(R9), t2, a

// W2G8_SETUP loads the arguments, the even and odd indexes, and KMOVWs
// the mask m into the opmask k (W2G8_MASK).
#define W2G8_SETUP \
	MOVQ      a+0(FP), AX;                     \
	MOVQ      avx512RowArgs_data(AX), SI;      \
	MOVQ      avx512RowArgs_scales(AX), DX;    \
	MOVQ      avx512RowArgs_mins(AX), R8;      \
	MOVQ      avx512RowArgs_recs(AX), BX;      \
	MOVQ      avx512RowArgs_sg(AX), R9;        \
	MOVQ      avx512RowArgs_out(AX), DI;       \
	MOVQ      avx512RowArgs_n(AX), CX;         \
	MOVQ      avx512RowArgs_scratch(AX), R12;  \
	VMOVDQU32 0(R12), Z30;                     \
	VMOVDQU32 64(R12), Z31

#define W2G8_MASK(m, k) \
	MOVL  $m, R11; \
	KMOVW R11, k

// W2G8_GATHER80(k, kmid, klast, d, t): lane r of d takes dword 5r+k of
// the block (Z0-Z4): from Z0-Z1, from Z2-Z3 under kmid, from Z4 under
// klast; t scratch.
#define W2G8_GATHER80(k, kmid, klast, d, t) \
	VMOVDQU32 (128+64*k)(R12), d;  \
	VPERMI2PS Z1, Z0, d;           \
	VMOVDQU32 (448+64*k)(R12), t;  \
	VPERMI2PS Z3, Z2, t;           \
	VMOVAPS   t, kmid, d;          \
	VMOVDQU32 (768+64*k)(R12), t;  \
	VPERMPS   Z4, t, klast, d

// func avx512DotRow80W2G8X1(a *avx512RowArgs): 2-bit rows of 80 in groups of 8, 1 query row.
TEXT ·avx512DotRow80W2G8X1(SB), NOSPLIT, $0-8
	W2G8_SETUP
	W2G8_MASK(0x1f80, K1)
	W2G8_MASK(0x1fc0, K2)
	W2G8_MASK(0x0fc0, K3)
	W2G8_MASK(0xe000, K4)
	W2G8_MASK(0xf000, K5)

block80:
	PREFETCHT0 640(SI)
	PREFETCHT0 704(SI)
	PREFETCHT0 768(SI)
	PREFETCHT0 832(SI)
	PREFETCHT0 896(SI)
	VMOVDQU32  0(SI), Z10
	VMOVDQU32  64(SI), Z11
	VMOVDQU32  128(SI), Z12
	VMOVDQU32  192(SI), Z13
	VMOVDQU32  256(SI), Z14
	W2G8_FIELDS80
	W2G8_SCALE(0, Z0, Z5, Z10, Z11, Z12)
	W2G8_SCALE(1, Z1, Z6, Z13, Z14, Z15)
	W2G8_SCALE(2, Z2, Z7, Z10, Z11, Z12)
	W2G8_SCALE(3, Z3, Z8, Z13, Z14, Z15)
	W2G8_SCALE(4, Z4, Z9, Z10, Z11, Z12)
	W2G8_GATHER80(0, K1, K4, Z5, Z10)
	W2G8_GATHER80(1, K1, K4, Z6, Z11)
	W2G8_GATHER80(2, K2, K4, Z7, Z12)
	W2G8_GATHER80(3, K2, K4, Z8, Z13)
	W2G8_GATHER80(4, K3, K5, Z9, Z14)
	VADDPS     Z6, Z5, Z5
	VADDPS     Z8, Z7, Z7
	VADDPS     Z9, Z5, Z5
	VADDPS     Z7, Z5, Z5
	VMOVUPS    Z5, (DI)
	ADDQ       $320, SI
	ADDQ       $320, DX
	ADDQ       $320, R8
	ADDQ       $64, DI
	SUBQ       $16, CX
	JNZ        block80
	VZEROUPPER
	RET

// W2G8_PAIR(a, b, d): the sums of the dword pairs of a and b (lane l of
// d: entries 2l and 2l+1 of the 32) into d; a is overwritten.
#define W2G8_PAIR(a, b, d) \
	VMOVAPS   a, d;      \
	VPERMT2PS b, Z30, d; \
	VPERMT2PS b, Z31, a; \
	VADDPS    a, d, d

// W2G8_GATHER96(k, kk, d, t): lane r of d takes pair 3r+k of the block's
// 48 (Z6-Z8): from Z6 and Z7, or from Z8 under kk; t scratch.
#define W2G8_GATHER96(k, kk, d, t) \
	VMOVDQU32 (1088+64*k)(R12), d; \
	VPERMI2PS Z7, Z6, d;           \
	VMOVDQU32 (1280+64*k)(R12), t; \
	VPERMPS   Z8, t, kk, d

// func avx512DotRow96W2G8X1(a *avx512RowArgs): 2-bit rows of 96 in groups of 8, 1 query row.
TEXT ·avx512DotRow96W2G8X1(SB), NOSPLIT, $0-8
	W2G8_SETUP
	W2G8_MASK(0xf800, K1)
	W2G8_MASK(0xfc00, K2)

block96:
	PREFETCHT0 768(SI)
	PREFETCHT0 832(SI)
	PREFETCHT0 896(SI)
	PREFETCHT0 960(SI)
	PREFETCHT0 1024(SI)
	PREFETCHT0 1088(SI)
	VMOVDQU32  0(SI), Z12
	VMOVDQU32  64(SI), Z13
	VMOVDQU32  128(SI), Z14
	VMOVDQU32  192(SI), Z15
	VMOVDQU32  256(SI), Z16
	VMOVDQU32  320(SI), Z17
	W2G8_FIELDS96
	W2G8_SCALE(0, Z0, Z6, Z12, Z13, Z14)
	W2G8_SCALE(1, Z1, Z7, Z15, Z16, Z17)
	W2G8_SCALE(2, Z2, Z8, Z12, Z13, Z14)
	W2G8_SCALE(3, Z3, Z9, Z15, Z16, Z17)
	W2G8_SCALE(4, Z4, Z10, Z12, Z13, Z14)
	W2G8_SCALE(5, Z5, Z11, Z15, Z16, Z17)
	W2G8_PAIR(Z0, Z1, Z6)
	W2G8_PAIR(Z2, Z3, Z7)
	W2G8_PAIR(Z4, Z5, Z8)
	W2G8_GATHER96(0, K1, Z9, Z12)
	W2G8_GATHER96(1, K1, Z10, Z13)
	W2G8_GATHER96(2, K2, Z11, Z14)
	VADDPS     Z10, Z9, Z9
	VADDPS     Z11, Z9, Z9
	VMOVUPS    Z9, (DI)
	ADDQ       $384, SI
	ADDQ       $384, DX
	ADDQ       $384, R8
	ADDQ       $64, DI
	SUBQ       $16, CX
	JNZ        block96
	VZEROUPPER
	RET
