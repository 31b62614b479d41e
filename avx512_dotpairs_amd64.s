//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

#define PAIRS_AHEAD 2048

// The Dot pair kernels: 2-bit rows of 64, 128 and 256 values (four, eight
// and sixteen code dwords) in groups of 32 up to the row, one, two or four
// query rows (avx512DotRow<cols>PairsW2G<group>X<nq>, Go side
// avx512_dotpairs_amd64.go).
//
// A code dword holds sixteen 2-bit fields, and any four bits of it at a
// multiple of 4 are a pair of codes of two columns a and a+8 (pack's
// 2-bit layout). For each query row x the call writes, per pair p of a
// row of 128 (dword p/8, bits 4(p%8) to 4(p%8)+3; 32 pairs on rows of 64,
// 64 per half on rows of 256), a table of 16 floats T_p[i] =
// x_a*(i&3) + x_(a+8)*(i>>2) (avx512DotPairTables), so that one VPERMPS
// (which reads the low four bits of each index lane and ignores the rest)
// turns the pair's codes into their products with x. That only works if
// every lane of the vector holds the same dword of a row: so sixteen rows
// are transposed (PAIRS_TRANSPOSE128, three stages of eight unpacks and
// shuffles) into eight vectors V0-V7, lane l of Vw holding dword w of row
// π(l) = 0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15 (rows of 64:
// PAIRS_ROWS64, two stages of four, into V0-V3, π(l) = 0, 4, 8, 12, 1, 5,
// 9, 13, …; rows of 256: each half as rows of 128). Each Vw's eight pairs
// (shifted right by 4 per pair) are looked up and summed per query row,
// the dwords' sums added per group and scaled by the rows' group scales,
// the mins times the query's group sums added (scales and mins permuted
// to the lanes' rows by VPERMW), and the sixteen dot products put back in
// row order by one VPERMPS.
//
// Budget per 32 values and query row: 1 lookup (its table a memory
// operand) and 1 add, then shared by the query rows 0.875 shift, 0.375
// for the transpose (0.25 on rows of 64, 0.5 on rows of 256) and 0.125
// loads, and about 0.3 per query row for the scale steps and store: 3.7
// for one query row, 9.9 for four, against 5.25 and 13.5 for the row
// kernels of avx512_dot_amd64.s, which convert each field (or look it up)
// and multiply it by x.

// PAIRS_TRANSPOSE128: Z0-Z7 (rows 2i, 2i+1 in Zi) to Z8-Z15 (Vw in
// Z(8+w)). Per 128-bit lane, the dword unpacks give rows 2i and 2i+2
// interleaved, the qword unpacks rows 0, 2, 4, 6 (or 1, 3, 5, 7) of one
// dword in lanes 0 and 2 of a vector and of dword w+4 in lanes 1 and 3,
// and the shuffles gather lanes 0 and 2 (dword w) and 1 and 3 (dword w+4)
// of the vectors of rows 0-7 and 8-15.
#define PAIRS_TRANSPOSE128 \
	VPUNPCKLDQ  Z1, Z0, Z8;         \
	VPUNPCKHDQ  Z1, Z0, Z9;         \
	VPUNPCKLDQ  Z3, Z2, Z10;        \
	VPUNPCKHDQ  Z3, Z2, Z11;        \
	VPUNPCKLDQ  Z5, Z4, Z12;        \
	VPUNPCKHDQ  Z5, Z4, Z13;        \
	VPUNPCKLDQ  Z7, Z6, Z14;        \
	VPUNPCKHDQ  Z7, Z6, Z15;        \
	VPUNPCKLQDQ Z10, Z8, Z0;        \
	VPUNPCKHQDQ Z10, Z8, Z1;        \
	VPUNPCKLQDQ Z11, Z9, Z2;        \
	VPUNPCKHQDQ Z11, Z9, Z3;        \
	VPUNPCKLQDQ Z14, Z12, Z4;       \
	VPUNPCKHQDQ Z14, Z12, Z5;       \
	VPUNPCKLQDQ Z15, Z13, Z6;       \
	VPUNPCKHQDQ Z15, Z13, Z7;       \
	VSHUFI32X4  $0x88, Z4, Z0, Z8;  \
	VSHUFI32X4  $0xdd, Z4, Z0, Z12; \
	VSHUFI32X4  $0x88, Z5, Z1, Z9;  \
	VSHUFI32X4  $0xdd, Z5, Z1, Z13; \
	VSHUFI32X4  $0x88, Z6, Z2, Z10; \
	VSHUFI32X4  $0xdd, Z6, Z2, Z14; \
	VSHUFI32X4  $0x88, Z7, Z3, Z11; \
	VSHUFI32X4  $0xdd, Z7, Z3, Z15

// PAIRS_ROWS128: sixteen rows of 128 loaded and transposed.
#define PAIRS_ROWS128 \
	VMOVDQU32 0(SI), Z0;   \
	VMOVDQU32 64(SI), Z1;  \
	VMOVDQU32 128(SI), Z2; \
	VMOVDQU32 192(SI), Z3; \
	VMOVDQU32 256(SI), Z4; \
	VMOVDQU32 320(SI), Z5; \
	VMOVDQU32 384(SI), Z6; \
	VMOVDQU32 448(SI), Z7; \
	PAIRS_TRANSPOSE128

// PAIRS_ROWS64: sixteen rows of 64 (rows 4i to 4i+3 in the 128-bit lanes
// of Zi) loaded and transposed into Z8-Z11: the dword unpacks give rows L
// and L+4 (L+8 and L+12) interleaved in lane L, the qword unpacks rows L,
// L+4, L+8 and L+12 of one dword.
#define PAIRS_ROWS64 \
	VMOVDQU32   0(SI), Z0;     \
	VMOVDQU32   64(SI), Z1;    \
	VMOVDQU32   128(SI), Z2;   \
	VMOVDQU32   192(SI), Z3;   \
	VPUNPCKLDQ  Z1, Z0, Z4;    \
	VPUNPCKHDQ  Z1, Z0, Z5;    \
	VPUNPCKLDQ  Z3, Z2, Z6;    \
	VPUNPCKHDQ  Z3, Z2, Z7;    \
	VPUNPCKLQDQ Z6, Z4, Z8;    \
	VPUNPCKHQDQ Z6, Z4, Z9;    \
	VPUNPCKLQDQ Z7, Z5, Z10;   \
	VPUNPCKHQDQ Z7, Z5, Z11

// PAIRS_PREFETCH128, PAIRS_PREFETCH64: the codes PAIRS_AHEAD bytes ahead.
#define PAIRS_PREFETCH64 \
	PREFETCHT0 (PAIRS_AHEAD)(SI);     \
	PREFETCHT0 (PAIRS_AHEAD+64)(SI);  \
	PREFETCHT0 (PAIRS_AHEAD+128)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+192)(SI)
#define PAIRS_PREFETCH128 \
	PAIRS_PREFETCH64;                 \
	PREFETCHT0 (PAIRS_AHEAD+256)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+320)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+384)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+448)(SI)

// ---- The kernels' bodies ----
//
// The groups one at a time: for each dword w of the group (V in Z8-Z15)
// its fields shifted once (Z17-Z23), each query row's eight lookups (from
// its own 4 KiB of tables) summed in Z0-Z3 and added into the query row's
// sum of the group (Z4-Z7, Z4-Z5 or Z4); then the group's scales and mins
// permuted to the lanes' rows (Z16, converted into Z24) and the query
// rows' dot products (Z28-Z31, Z28-Z29 or Z28) scaled and shifted.

// PAIRS_SHIFTS(V): fields 1-7 of V's dwords shifted down into Z17-Z23.
#define PAIRS_SHIFTS(V) \
	VPSRLD $4, V, Z17;  \
	VPSRLD $8, V, Z18;  \
	VPSRLD $12, V, Z19; \
	VPSRLD $16, V, Z20; \
	VPSRLD $20, V, Z21; \
	VPSRLD $24, V, Z22; \
	VPSRLD $28, V, Z23

// PAIRS_SUM8(q, w, V): query row q's eight lookups of dword w summed,
// the last two partial sums left in Z0 and Z1.
#define PAIRS_SUM8(q, w, V) \
	VPERMPS (4096*(q)+512*(w))(BX), V, Z0;       \
	VPERMPS (4096*(q)+512*(w)+64)(BX), Z17, Z1;  \
	VADDPS  Z1, Z0, Z0;                          \
	VPERMPS (4096*(q)+512*(w)+128)(BX), Z18, Z1; \
	VPERMPS (4096*(q)+512*(w)+192)(BX), Z19, Z2; \
	VADDPS  Z2, Z1, Z1;                          \
	VADDPS  Z1, Z0, Z0;                          \
	VPERMPS (4096*(q)+512*(w)+256)(BX), Z20, Z1; \
	VPERMPS (4096*(q)+512*(w)+320)(BX), Z21, Z2; \
	VADDPS  Z2, Z1, Z1;                          \
	VPERMPS (4096*(q)+512*(w)+384)(BX), Z22, Z2; \
	VPERMPS (4096*(q)+512*(w)+448)(BX), Z23, Z3; \
	VADDPS  Z3, Z2, Z2;                          \
	VADDPS  Z2, Z1, Z1

// PAIRS_SET(q, w, V, acc): acc = query row q's sum of dword w;
// PAIRS_ADD(q, w, V, acc): acc += it.
#define PAIRS_SET(q, w, V, acc) \
	PAIRS_SUM8(q, w, V); \
	VADDPS Z1, Z0, acc

#define PAIRS_ADD(q, w, V, acc) \
	PAIRS_SUM8(q, w, V); \
	VADDPS Z1, Z0, Z0;   \
	VADDPS Z0, acc, acc

// PAIRS_QDWORD4(op, w, V): dword w for the four query rows (op PAIRS_SET
// for a group's first dword, else PAIRS_ADD).
#define PAIRS_QDWORD4(op, w, V) \
	PAIRS_SHIFTS(V); \
	op(0, w, V, Z4); \
	op(1, w, V, Z5); \
	op(2, w, V, Z6); \
	op(3, w, V, Z7)

// PAIRS_QDWORD1(op, w, V): the same for one query row (rows of 256).
#define PAIRS_QDWORD1(op, w, V) \
	PAIRS_SHIFTS(V); \
	op(0, w, V, Z4)

// PAIRS_QDWORD2(op, w, V): the same for two query rows.
#define PAIRS_QDWORD2(op, w, V) \
	PAIRS_SHIFTS(V); \
	op(0, w, V, Z4); \
	op(1, w, V, Z5)

// The scale words of a group into Z16 (permuted to the lanes' rows), from
// the scales or mins at b: one scale per row (by Z26), two (by Z26:
// group 0's in the low half), four (by Z26: groups 0 and 1, by Z25: 2
// and 3).
#define PAIRS_WORDS1(b) \
	VMOVDQU16 (b), Y16; \
	VPERMW    Z16, Z26, Z16
#define PAIRS_WORDS2(b) VPERMW (b), Z26, Z16
#define PAIRS_WORDS4A(b) \
	VMOVDQU16 (b), Z16; \
	VPERMT2W  64(b), Z26, Z16
#define PAIRS_WORDS4B(b) \
	VMOVDQU16 (b), Z16; \
	VPERMT2W  64(b), Z25, Z16

// The group's half of Z16 converted into Z24.
#define PAIRS_LO VCVTPH2PS Y16, Z24
#define PAIRS_HI \
	VEXTRACTI64X4 $1, Z16, Y24; \
	VCVTPH2PS     Y24, Z24

// PAIRS_QSCALE<n>(op, words, half): a group's sums of n query rows (Z4-Z7)
// times its scales into the dot products (Z28-Z31; op VMULPS for the
// first group, then VFMADD231PS). PAIRS_QMINS<n>(words, half, g): its
// mins times the query rows' sums of group g (at R9, 8 per query row)
// added. PAIRS_QGROUP<n>(op, words, half, g): both.
#define PAIRS_QSCALE4(op, words, half) \
	words(DX);        \
	half;             \
	op Z24, Z4, Z28;  \
	op Z24, Z5, Z29;  \
	op Z24, Z6, Z30;  \
	op Z24, Z7, Z31

#define PAIRS_QMINS4(words, half, g) \
	words(R8);                                 \
	half;                                      \
	VFMADD231PS.BCST (4*(g))(R9), Z24, Z28;    \
	VFMADD231PS.BCST (32+4*(g))(R9), Z24, Z29; \
	VFMADD231PS.BCST (64+4*(g))(R9), Z24, Z30; \
	VFMADD231PS.BCST (96+4*(g))(R9), Z24, Z31

#define PAIRS_QSCALE2(op, words, half) \
	words(DX);       \
	half;            \
	op Z24, Z4, Z28; \
	op Z24, Z5, Z29

#define PAIRS_QMINS2(words, half, g) \
	words(R8);                              \
	half;                                   \
	VFMADD231PS.BCST (4*(g))(R9), Z24, Z28; \
	VFMADD231PS.BCST (32+4*(g))(R9), Z24, Z29

#define PAIRS_QSCALE1(op, words, half) \
	words(DX);       \
	half;            \
	op Z24, Z4, Z28

#define PAIRS_QMINS1(words, half, g) \
	words(R8);       \
	half;            \
	VFMADD231PS.BCST (4*(g))(R9), Z24, Z28

#define PAIRS_QGROUP4(op, words, half, g) PAIRS_QSCALE4(op, words, half); PAIRS_QMINS4(words, half, g)
#define PAIRS_QGROUP2(op, words, half, g) PAIRS_QSCALE2(op, words, half); PAIRS_QMINS2(words, half, g)
#define PAIRS_QGROUP1(op, words, half, g) PAIRS_QSCALE1(op, words, half); PAIRS_QMINS1(words, half, g)

// PAIRS_QOUT4: the four query rows' dot products in row order, stored.
#define PAIRS_QOUT4 \
	VPERMPS Z28, Z27, Z28;    \
	VPERMPS Z29, Z27, Z29;    \
	VPERMPS Z30, Z27, Z30;    \
	VPERMPS Z31, Z27, Z31;    \
	VMOVUPS Z28, (DI);        \
	VMOVUPS Z29, (DI)(R10*1); \
	VMOVUPS Z30, (DI)(R10*2); \
	VMOVUPS Z31, (DI)(R11*1)

// PAIRS_QOUT1: one query row's dot products in row order, stored.
#define PAIRS_QOUT1 \
	VPERMPS Z28, Z27, Z28; \
	VMOVUPS Z28, (DI)

// PAIRS_QOUT2: the two query rows' dot products in row order, stored.
#define PAIRS_QOUT2 \
	VPERMPS Z28, Z27, Z28; \
	VPERMPS Z29, Z27, Z29; \
	VMOVUPS Z28, (DI);     \
	VMOVUPS Z29, (DI)(R10*1)

// The bodies of several query rows, by PAIRS_QDWORDQ, PAIRS_QGROUPQ and
// PAIRS_QOUTQ (defined as the macros of four, two or one query rows before
// each kernel), out of groups: PAIRS_G32 a group of 32 (dwords w and w+1),
// PAIRS_G64 one of 64 (dwords w to w+3), PAIRS_D8 dwords 0-7 into the
// sums (a group of 128, or a half of one of 256); each group scaled by
// op (VMULPS for the first, then VFMADD231PS) with the half of the scale
// words given (group g's).
#define PAIRS_G32(w, Va, Vb, op, words, half, g) \
	PAIRS_QDWORDQ(PAIRS_SET, w, Va);     \
	PAIRS_QDWORDQ(PAIRS_ADD, (w)+1, Vb); \
	PAIRS_QGROUPQ(op, words, half, g)

#define PAIRS_G64(w, Va, Vb, Vc, Vd, op, words, half, g) \
	PAIRS_QDWORDQ(PAIRS_SET, w, Va);     \
	PAIRS_QDWORDQ(PAIRS_ADD, (w)+1, Vb); \
	PAIRS_QDWORDQ(PAIRS_ADD, (w)+2, Vc); \
	PAIRS_QDWORDQ(PAIRS_ADD, (w)+3, Vd); \
	PAIRS_QGROUPQ(op, words, half, g)

#define PAIRS_D8 \
	PAIRS_QDWORDQ(PAIRS_SET, 0, Z8);  \
	PAIRS_QDWORDQ(PAIRS_ADD, 1, Z9);  \
	PAIRS_QDWORDQ(PAIRS_ADD, 2, Z10); \
	PAIRS_QDWORDQ(PAIRS_ADD, 3, Z11); \
	PAIRS_QDWORDQ(PAIRS_ADD, 4, Z12); \
	PAIRS_QDWORDQ(PAIRS_ADD, 5, Z13); \
	PAIRS_QDWORDQ(PAIRS_ADD, 6, Z14); \
	PAIRS_QDWORDQ(PAIRS_ADD, 7, Z15)

#define PAIRS_QBODY_128G128 \
	PAIRS_D8;                                         \
	PAIRS_QGROUPQ(VMULPS, PAIRS_WORDS1, PAIRS_LO, 0); \
	PAIRS_QOUTQ

#define PAIRS_QBODY_128G64 \
	PAIRS_G64(0, Z8, Z9, Z10, Z11, VMULPS, PAIRS_WORDS2, PAIRS_LO, 0);       \
	PAIRS_G64(4, Z12, Z13, Z14, Z15, VFMADD231PS, PAIRS_WORDS2, PAIRS_HI, 1); \
	PAIRS_QOUTQ

// PAIRS_G32X4(op, wa, wb, g): dwords 0-7 as four groups of 32, groups g to
// g+3, their words from wa (the first two) and wb.
#define PAIRS_G32X4(op, wa, wb, g) \
	PAIRS_G32(0, Z8, Z9, op, wa, PAIRS_LO, g);                \
	PAIRS_G32(2, Z10, Z11, VFMADD231PS, wa, PAIRS_HI, (g)+1); \
	PAIRS_G32(4, Z12, Z13, VFMADD231PS, wb, PAIRS_LO, (g)+2); \
	PAIRS_G32(6, Z14, Z15, VFMADD231PS, wb, PAIRS_HI, (g)+3)

#define PAIRS_QBODY_128G32 \
	PAIRS_G32X4(VMULPS, PAIRS_WORDS4A, PAIRS_WORDS4B, 0); \
	PAIRS_QOUTQ

#define PAIRS_QBODY_64G64 \
	PAIRS_G64(0, Z8, Z9, Z10, Z11, VMULPS, PAIRS_WORDS1, PAIRS_LO, 0); \
	PAIRS_QOUTQ

#define PAIRS_QBODY_64G32 \
	PAIRS_G32(0, Z8, Z9, VMULPS, PAIRS_WORDS2, PAIRS_LO, 0);        \
	PAIRS_G32(2, Z10, Z11, VFMADD231PS, PAIRS_WORDS2, PAIRS_HI, 1); \
	PAIRS_QOUTQ

// ==== Rows of 128 ====

#define ROW_ORDER ·avx512PairsRowOrder(SB)
#define BLOCK_BYTES 512
#define PAIRS_ROWS PAIRS_ROWS128
#define PAIRS_PREFETCH PAIRS_PREFETCH128

// Four query rows.
#define PAIRS_QDWORDQ PAIRS_QDWORD4
#define PAIRS_QGROUPQ PAIRS_QGROUP4
#define PAIRS_QOUTQ PAIRS_QOUT4

#define NAME ·avx512DotRow128PairsW2G128X4
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512PairsWords(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_128G128
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G64X4
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512PairsWords+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_128G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G32X4
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16 ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16 ·avx512PairsWords+192(SB), Z25
#define PAIRS_BODY PAIRS_QBODY_128G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

// Two query rows.
#define PAIRS_QDWORDQ PAIRS_QDWORD2
#define PAIRS_QGROUPQ PAIRS_QGROUP2
#define PAIRS_QOUTQ PAIRS_QOUT2

#define NAME ·avx512DotRow128PairsW2G128X2
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512PairsWords(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_128G128
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G64X2
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512PairsWords+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_128G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G32X2
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16 ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16 ·avx512PairsWords+192(SB), Z25
#define PAIRS_BODY PAIRS_QBODY_128G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

// One query row.
#define PAIRS_QDWORDQ PAIRS_QDWORD1
#define PAIRS_QGROUPQ PAIRS_QGROUP1
#define PAIRS_QOUTQ PAIRS_QOUT1

#define NAME ·avx512DotRow128PairsW2G128X1
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512PairsWords(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_128G128
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G64X1
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512PairsWords+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_128G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G32X1
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16 ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16 ·avx512PairsWords+192(SB), Z25
#define PAIRS_BODY PAIRS_QBODY_128G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

#undef ROW_ORDER
#undef BLOCK_BYTES
#undef PAIRS_ROWS
#undef PAIRS_PREFETCH

// ==== Rows of 64 ====

#define ROW_ORDER ·avx512Pairs64RowOrder(SB)
#define BLOCK_BYTES 256
#define PAIRS_ROWS PAIRS_ROWS64
#define PAIRS_PREFETCH PAIRS_PREFETCH64

// Four query rows.
#define PAIRS_QDWORDQ PAIRS_QDWORD4
#define PAIRS_QGROUPQ PAIRS_QGROUP4
#define PAIRS_QOUTQ PAIRS_QOUT4

#define NAME ·avx512DotRow64PairsW2G64X4
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512Pairs64Words(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_64G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow64PairsW2G32X4
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512Pairs64Words+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_64G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

// Two query rows.
#define PAIRS_QDWORDQ PAIRS_QDWORD2
#define PAIRS_QGROUPQ PAIRS_QGROUP2
#define PAIRS_QOUTQ PAIRS_QOUT2

#define NAME ·avx512DotRow64PairsW2G64X2
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512Pairs64Words(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_64G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow64PairsW2G32X2
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512Pairs64Words+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_64G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

// One query row.
#define PAIRS_QDWORDQ PAIRS_QDWORD1
#define PAIRS_QGROUPQ PAIRS_QGROUP1
#define PAIRS_QOUTQ PAIRS_QOUT1

#define NAME ·avx512DotRow64PairsW2G64X1
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512Pairs64Words(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_64G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow64PairsW2G32X1
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512Pairs64Words+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_64G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

#undef ROW_ORDER
#undef BLOCK_BYTES
#undef PAIRS_ROWS
#undef PAIRS_PREFETCH

// ==== Rows of 256 ====
//
// Each half of sixteen rows (dwords 0-7, then 8-15) is loaded as rows of
// 128 (a row's half in each 256-bit lane: PAIRS_ROWS256, 8 loads and 8
// inserts more than the rows of 128 per block) and transposed like them,
// so the lanes' rows and the scale words' indexes are theirs; each half
// has its own tables, the second half's at R12 (swapped with BX for it). The groups of 32, 64 and 128 lie in one
// half and are scaled as they end; a group of 256 is scaled after each
// half and shifted by its mins once. Eight groups a row (groups of 32)
// take a group pair's words from the four vectors of a block's scales
// by two two-source permutations (rows 0-7 and 8-15, the lanes 8-15 of
// each half from the second, K1) by the indexes avx512Pairs256Words.

#define PAIRS_ROWS256(h) \
	VMOVDQU32     (32*(h))(SI), Y0;          \
	VINSERTI64X4  $1, (64+32*(h))(SI), Z0, Z0;   \
	VMOVDQU32     (128+32*(h))(SI), Y1;      \
	VINSERTI64X4  $1, (192+32*(h))(SI), Z1, Z1;  \
	VMOVDQU32     (256+32*(h))(SI), Y2;      \
	VINSERTI64X4  $1, (320+32*(h))(SI), Z2, Z2;  \
	VMOVDQU32     (384+32*(h))(SI), Y3;      \
	VINSERTI64X4  $1, (448+32*(h))(SI), Z3, Z3;  \
	VMOVDQU32     (512+32*(h))(SI), Y4;      \
	VINSERTI64X4  $1, (576+32*(h))(SI), Z4, Z4;  \
	VMOVDQU32     (640+32*(h))(SI), Y5;      \
	VINSERTI64X4  $1, (704+32*(h))(SI), Z5, Z5;  \
	VMOVDQU32     (768+32*(h))(SI), Y6;      \
	VINSERTI64X4  $1, (832+32*(h))(SI), Z6, Z6;  \
	VMOVDQU32     (896+32*(h))(SI), Y7;      \
	VINSERTI64X4  $1, (960+32*(h))(SI), Z7, Z7;  \
	PAIRS_TRANSPOSE128

#define PAIRS_PREFETCH256 \
	PAIRS_PREFETCH128;                \
	PREFETCHT0 (PAIRS_AHEAD+512)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+576)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+640)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+704)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+768)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+832)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+896)(SI); \
	PREFETCHT0 (PAIRS_AHEAD+960)(SI)

// PAIRS_WORDS8_<k>(b): groups 2k and 2k+1 of eight (Z0, Z1 scratch).
#define PAIRS_WORDS8(b, k) \
	VMOVDQU16 ·avx512Pairs256Words+(64*(k))(SB), Z1; \
	VMOVDQU16 (b), Z16;                              \
	VPERMT2W  64(b), Z1, Z16;                        \
	VMOVDQU16 128(b), Z0;                            \
	VPERMT2W  192(b), Z1, Z0;                        \
	VMOVDQU16 Z0, K1, Z16
#define PAIRS_WORDS8_0(b) PAIRS_WORDS8(b, 0)
#define PAIRS_WORDS8_1(b) PAIRS_WORDS8(b, 1)
#define PAIRS_WORDS8_2(b) PAIRS_WORDS8(b, 2)
#define PAIRS_WORDS8_3(b) PAIRS_WORDS8(b, 3)

#define PAIRS_NEXT_HALF \
	XCHGQ BX, R12;   \
	PAIRS_ROWS256(1)

#define PAIRS_QBODY_256G256 \
	PAIRS_ROWS256(0);                                      \
	PAIRS_D8;                                              \
	PAIRS_QSCALEQ(VMULPS, PAIRS_WORDS1, PAIRS_LO);         \
	PAIRS_NEXT_HALF;                                       \
	PAIRS_D8;                                              \
	PAIRS_QGROUPQ(VFMADD231PS, PAIRS_WORDS1, PAIRS_LO, 0); \
	XCHGQ BX, R12;                                       \
	PAIRS_QOUTQ

#define PAIRS_QBODY_256G128 \
	PAIRS_ROWS256(0);                                      \
	PAIRS_D8;                                              \
	PAIRS_QGROUPQ(VMULPS, PAIRS_WORDS2, PAIRS_LO, 0);      \
	PAIRS_NEXT_HALF;                                       \
	PAIRS_D8;                                              \
	PAIRS_QGROUPQ(VFMADD231PS, PAIRS_WORDS2, PAIRS_HI, 1); \
	XCHGQ BX, R12;                                       \
	PAIRS_QOUTQ

#define PAIRS_QBODY_256G64 \
	PAIRS_ROWS256(0);                                                          \
	PAIRS_G64(0, Z8, Z9, Z10, Z11, VMULPS, PAIRS_WORDS4A, PAIRS_LO, 0);        \
	PAIRS_G64(4, Z12, Z13, Z14, Z15, VFMADD231PS, PAIRS_WORDS4A, PAIRS_HI, 1); \
	PAIRS_NEXT_HALF;                                                           \
	PAIRS_G64(0, Z8, Z9, Z10, Z11, VFMADD231PS, PAIRS_WORDS4B, PAIRS_LO, 2);   \
	PAIRS_G64(4, Z12, Z13, Z14, Z15, VFMADD231PS, PAIRS_WORDS4B, PAIRS_HI, 3); \
	XCHGQ BX, R12;                                                           \
	PAIRS_QOUTQ

#define PAIRS_QBODY_256G32 \
	PAIRS_ROWS256(0);                                             \
	PAIRS_G32X4(VMULPS, PAIRS_WORDS8_0, PAIRS_WORDS8_1, 0);       \
	PAIRS_NEXT_HALF;                                              \
	PAIRS_G32X4(VFMADD231PS, PAIRS_WORDS8_2, PAIRS_WORDS8_3, 4);  \
	XCHGQ BX, R12;                                              \
	PAIRS_QOUTQ

#define ROW_ORDER ·avx512PairsRowOrder(SB)
#define BLOCK_BYTES 1024
#define PAIRS_ROWS
#define PAIRS_PREFETCH PAIRS_PREFETCH256

// One query row.
#define PAIRS_QDWORDQ PAIRS_QDWORD1
#define PAIRS_QSCALEQ PAIRS_QSCALE1
#define PAIRS_QGROUPQ PAIRS_QGROUP1
#define PAIRS_QOUTQ PAIRS_QOUT1

#define NAME ·avx512DotRow256PairsW2G256X1
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512PairsWords(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_256G256
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G128X1
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512PairsWords+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_256G128
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G64X1
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16 ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16 ·avx512PairsWords+192(SB), Z25
#define PAIRS_BODY PAIRS_QBODY_256G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G32X1
#define GROUP_BYTES 256
#define SETUP_G \
	MOVL  $0xff00ff00, R13; \
	KMOVD R13, K1
#define PAIRS_BODY PAIRS_QBODY_256G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QSCALEQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

// Two query rows.
#define PAIRS_QDWORDQ PAIRS_QDWORD2
#define PAIRS_QSCALEQ PAIRS_QSCALE2
#define PAIRS_QGROUPQ PAIRS_QGROUP2
#define PAIRS_QOUTQ PAIRS_QOUT2

#define NAME ·avx512DotRow256PairsW2G256X2
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512PairsWords(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_256G256
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G128X2
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512PairsWords+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_256G128
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G64X2
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16 ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16 ·avx512PairsWords+192(SB), Z25
#define PAIRS_BODY PAIRS_QBODY_256G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G32X2
#define GROUP_BYTES 256
#define SETUP_G \
	MOVL  $0xff00ff00, R13; \
	KMOVD R13, K1
#define PAIRS_BODY PAIRS_QBODY_256G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QSCALEQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

// Four query rows.
#define PAIRS_QDWORDQ PAIRS_QDWORD4
#define PAIRS_QSCALEQ PAIRS_QSCALE4
#define PAIRS_QGROUPQ PAIRS_QGROUP4
#define PAIRS_QOUTQ PAIRS_QOUT4

#define NAME ·avx512DotRow256PairsW2G256X4
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512PairsWords(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_256G256
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G128X4
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512PairsWords+64(SB), Z26
#define PAIRS_BODY PAIRS_QBODY_256G128
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G64X4
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16 ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16 ·avx512PairsWords+192(SB), Z25
#define PAIRS_BODY PAIRS_QBODY_256G64
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow256PairsW2G32X4
#define GROUP_BYTES 256
#define SETUP_G \
	MOVL  $0xff00ff00, R13; \
	KMOVD R13, K1
#define PAIRS_BODY PAIRS_QBODY_256G32
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PAIRS_BODY

#undef PAIRS_QDWORDQ
#undef PAIRS_QSCALEQ
#undef PAIRS_QGROUPQ
#undef PAIRS_QOUTQ

#undef ROW_ORDER
#undef BLOCK_BYTES
#undef PAIRS_ROWS
#undef PAIRS_PREFETCH

// avx512DotPairTables(dst, x *float32, cols *uint8, n int): for p = 0 to
// n-1, the 16 floats at dst+64p are x[a]*(i&3) + x[a+8]*(i>>2), a =
// cols[p] (i = 0..15, the lanes of ·avx512PairsLo and ·avx512PairsHi). 5
// vector instructions per table.
TEXT ·avx512DotPairTables(SB), NOSPLIT, $0-32
	MOVQ    dst+0(FP), DI
	MOVQ    x+8(FP), SI
	MOVQ    cols+16(FP), BX
	MOVQ    n+24(FP), CX
	VMOVUPS ·avx512PairsLo(SB), Z0
	VMOVUPS ·avx512PairsHi(SB), Z1

table:
	MOVBLZX      (BX), AX
	VBROADCASTSS (SI)(AX*4), Z2
	VBROADCASTSS 32(SI)(AX*4), Z3
	VMULPS       Z2, Z0, Z4
	VFMADD231PS  Z3, Z1, Z4
	VMOVUPS      Z4, (DI)
	ADDQ         $64, DI
	INCQ         BX
	DECQ         CX
	JNZ          table
	VZEROUPPER
	RET
