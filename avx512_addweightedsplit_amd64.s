//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

// The 4-bit AddWeighted split kernels on rows of 80 and 96 values (head
// dimensions 80 and 96), one weight row. A row is ten (twelve) code
// dwords: a head of eight dwords (values 0-63 of the row's planes) and a
// tail of t = 2 (4) dwords. A step takes S = 16/t rows: their heads in
// pairs, one pair per vector (rows 2p and 2p+1, lanes 0-7 and 8-15), and
// their tails in one vector (lanes t*r to t*r+t-1: row r), so every
// dword lane is used (five vectors per eight rows of 80, three per four
// rows of 96). The head vectors add into one set of eight field sums
// (Z0-Z7, lane l: dword l%8 of a row), the tail vector into another
// (Z8-Z15, lane l: dword 8+l%t), each nibble k masked in place,
// converted (q*16^k) and multiplied by the lane's w*scale, as the row
// kernels of rows of 128 do.
//
// The w*scale of a step's S*g (row, group) entries (g groups per row;
// entry e = g*row + group) are formed once per step in up to three
// vectors (Z23-Z25, entries 16c to 16c+15), and spread to each vector's
// lanes by VPERMPS, or VPERMI2PS where a vector's entries span two of
// them (the tail of rows of 80 in groups of 16 spans three: a masked
// move blends the third). The w*min of the entries add into Z16-Z18, in
// the entries' order; the caller adds each group's sum times its factor
// to the group's columns.
//
// Budget per 32 values: 4.8 for the head and tail vectors (mask,
// convert, multiply-add per nibble, and the load and spread of each
// vector's codes and w*scale at 4 per vector), plus the step's entries
// (6 per vector of 16 entries) and loop: about 8.3 on rows of 80 in
// groups of 16 (165 instructions per eight rows).
//
// avx512RowArgs: data, scales, mins (the scales again when symmetric),
// out (the table, added to: the head sums, 8 per nibble; the tail sums,
// 4 per nibble; the 3 vectors of entry w*min sums), recs (the
// shape's index tables, avx512SplitShape.idx), sg (the weights), n (rows,
// a multiple of S).
//
// Registers: SI codes, DX scales, R8 mins, R13 weights, BX index tables,
// DI out, CX steps left; Z19 codes, Z20 a field, Z22 the lanes' w*scale,
// Z26 an index, Z27 the tail's gather offsets (rows of 80), Z28 the
// step's weights, Z29 the entries' weights, Z30 their mins, Z31 scratch;
// K1 the gather's mask, K3 the third entries vector's tail lanes (rows of
// 80 in groups of 16), K5 the scales' words (rows of 96 in groups of 32).

// NIB(off, acc): acc += Z22 * (nibble field of Z19 under the mask at
// ·avx512NibMask+off, converted in place).
#define NIB(off, acc) \
	VPANDD.BCST ·avx512NibMask+off(SB), Z19, Z20; \
	VCVTUDQ2PS  Z20, Z20;                         \
	VFMADD231PS Z22, Z20, acc

// FIELDS adds the eight nibble fields of the codes in Z19 times Z22 into
// a0-a7.
#define FIELDS(a0, a1, a2, a3, a4, a5, a6, a7) \
	NIB(0, a0);   \
	NIB(64, a1);  \
	NIB(128, a2); \
	NIB(192, a3); \
	NIB(256, a4); \
	NIB(320, a5); \
	NIB(384, a6); \
	NIB(448, a7)

#define HEADS FIELDS(Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
#define TAILS FIELDS(Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15)

// PAIR(a, b) loads the heads (first 32 bytes) of the rows at a(SI) and
// b(SI) into Z19.
#define PAIR(a, b) \
	VMOVDQU32    a(SI), Y19; \
	VINSERTI64X4 $1, b(SI), Z19, Z19

// ENTRY_W(off) spreads the step's weights (Z28) over a vector of entries
// by the index table at off(BX), into Z29.
#define ENTRY_W(off) \
	VMOVDQU32 off(BX), Z26; \
	VPERMPS   Z28, Z26, Z29

// ENTRY(ws, m, macc): ws (the entries' scales) *= their weights; macc +=
// their weights times m (their mins).
#define ENTRY(ws, m, macc) \
	VMULPS      Z29, ws, ws; \
	VFMADD231PS Z29, m, macc

// SPREAD1(off, W): Z22 = W permuted by the index table at off(BX).
#define SPREAD1(off, W) \
	VMOVDQU32 off(BX), Z26; \
	VPERMPS   W, Z26, Z22

// SPREAD2(off, Wa, Wb): Z22 = Wa, Wb (as 32 entries) permuted by the
// index table at off(BX).
#define SPREAD2(off, Wa, Wb) \
	VMOVDQU32 off(BX), Z22; \
	VPERMI2PS Wb, Wa, Z22

// ZERO_SUMS zeroes the sums: Z0-Z15 by VZEROALL (before anything else
// is loaded), then Z16-Z18.
#define ZERO_SUMS \
	VZEROALL;             \
	VPXORD Z16, Z16, Z16; \
	VPXORD Z17, Z17, Z17; \
	VPXORD Z18, Z18, Z18

// OUTH(z, y, k, off): the table's 8 floats at off(DI) += z * 16^-k (k:
// the field's byte offset in ·avx512Pow16), its halves added (lanes l
// and l+8: the same dword of two rows).
#define OUTH(z, y, k, off) \
	VMULPS.BCST   ·avx512Pow16+k(SB), z, z; \
	VEXTRACTF64X4 $1, z, Y31;               \
	VADDPS        Y31, y, y;                \
	VADDPS        off(DI), y, y;            \
	VMOVUPS       y, off(DI)

// OUTT(z, y, x, k, off) is OUTH for the tail sums, folded to 4 floats
// (lanes l, l+4, l+8 and l+12: the same dword of four rows, or of two).
#define OUTT(z, y, x, k, off) \
	VMULPS.BCST   ·avx512Pow16+k(SB), z, z; \
	VEXTRACTF64X4 $1, z, Y31;               \
	VADDPS        Y31, y, y;                \
	VEXTRACTF32X4 $1, y, X31;               \
	VADDPS        X31, x, x;                \
	VADDPS        off(DI), x, x;            \
	VMOVUPS       x, off(DI)

#define OUTM(z, off) \
	VADDPS  off(DI), z, z; \
	VMOVUPS z, off(DI)

// FINISH_SPLIT adds the sums into the table: the head's (8 per field,
// 0-255), the tail's (4 per field, 256-383), the entries' w*min (384-575).
#define FINISH_SPLIT \
	OUTH(Z0, Y0, 0, 0);           \
	OUTH(Z1, Y1, 4, 32);          \
	OUTH(Z2, Y2, 8, 64);          \
	OUTH(Z3, Y3, 12, 96);         \
	OUTH(Z4, Y4, 16, 128);        \
	OUTH(Z5, Y5, 20, 160);        \
	OUTH(Z6, Y6, 24, 192);        \
	OUTH(Z7, Y7, 28, 224);        \
	OUTT(Z8, Y8, X8, 0, 256);     \
	OUTT(Z9, Y9, X9, 4, 272);     \
	OUTT(Z10, Y10, X10, 8, 288);  \
	OUTT(Z11, Y11, X11, 12, 304); \
	OUTT(Z12, Y12, X12, 16, 320); \
	OUTT(Z13, Y13, X13, 20, 336); \
	OUTT(Z14, Y14, X14, 24, 352); \
	OUTT(Z15, Y15, X15, 28, 368); \
	OUTM(Z16, 384);               \
	OUTM(Z17, 448);               \
	OUTM(Z18, 512)

// ---- Rows of 80: eight rows (320 bytes) a step, four head pairs and a
// tail vector gathered (qwords at 32 + 40r, the offsets at 512(BX)) ----

#define SETUP_R80 \
	ZERO_SUMS; \
	VMOVDQU64 512(BX), Z27

#define TAIL_R80 \
	KXNORB     K1, K1, K1; \
	VPXORQ     Z19, Z19, Z19; \
	VPGATHERQQ (SI)(Z27*1), K1, Z19

#define PREFETCH_R80 \
	PREFETCHT0 1088(SI); \
	PREFETCHT0 1152(SI); \
	PREFETCHT0 1216(SI); \
	PREFETCHT0 1280(SI)

// Groups of 16: 40 entries (row r, group j: 5r+j) in Z23-Z25; the pairs'
// entries lie in Z23, Z23-Z24, Z24, Z24-Z25, the tail's in all three
// (lanes 12-15, rows 6-7, from Z25: K3).
#define SETUP_R80_G16 \
	SETUP_R80;           \
	MOVL  $0xf000, R11;  \
	KMOVW R11, K3

#define STEP_R80_G16 \
	PREFETCH_R80;                  \
	VMOVUPS   (R13), Y28;          \
	ENTRY_W(0);                    \
	VCVTPH2PS (DX), Z23;           \
	VCVTPH2PS (R8), Z30;           \
	ENTRY(Z23, Z30, Z16);          \
	ENTRY_W(64);                   \
	VCVTPH2PS 32(DX), Z24;         \
	VCVTPH2PS 32(R8), Z30;         \
	ENTRY(Z24, Z30, Z17);          \
	ENTRY_W(128);                  \
	VCVTPH2PS 64(DX), Y25;         \
	VCVTPH2PS 64(R8), Y30;         \
	ENTRY(Z25, Z30, Z18);          \
	PAIR(0, 40);                   \
	SPREAD1(192, Z23);             \
	HEADS;                         \
	PAIR(80, 120);                 \
	SPREAD2(256, Z23, Z24);        \
	HEADS;                         \
	PAIR(160, 200);                \
	SPREAD1(320, Z24);             \
	HEADS;                         \
	PAIR(240, 280);                \
	SPREAD2(384, Z24, Z25);        \
	HEADS;                         \
	TAIL_R80;                      \
	VMOVDQU32 448(BX), Z22;        \
	VPERMPS   Z25, Z22, Z31;       \
	VPERMI2PS Z24, Z23, Z22;       \
	VMOVAPS   Z31, K3, Z22;        \
	TAILS

// One group of 80: 8 entries (one per row) in Z23.
#define STEP_R80_G80 \
	PREFETCH_R80;                  \
	VMOVUPS   (R13), Y28;          \
	ENTRY_W(0);                    \
	VCVTPH2PS (DX), Y23;           \
	VCVTPH2PS (R8), Y30;           \
	ENTRY(Z23, Z30, Z16);          \
	PAIR(0, 40);                   \
	SPREAD1(192, Z23);             \
	HEADS;                         \
	PAIR(80, 120);                 \
	SPREAD1(256, Z23);             \
	HEADS;                         \
	PAIR(160, 200);                \
	SPREAD1(320, Z23);             \
	HEADS;                         \
	PAIR(240, 280);                \
	SPREAD1(384, Z23);             \
	HEADS;                         \
	TAIL_R80;                      \
	SPREAD1(448, Z23);             \
	TAILS

// ---- Rows of 96: four rows (192 bytes) a step, two head pairs and a
// tail vector of four 16-byte tails (at 32 + 48r) ----

#define TAIL_R96 \
	VMOVDQU32    32(SI), X19;           \
	VINSERTI32X4 $1, 80(SI), Y19, Y19;  \
	VINSERTI32X4 $2, 128(SI), Z19, Z19; \
	VINSERTI32X4 $3, 176(SI), Z19, Z19

#define PREFETCH_R96 \
	PREFETCHT0 1088(SI); \
	PREFETCHT0 1152(SI)

// Groups of 16: 24 entries (6r+j) in Z23-Z24; pair 0's lie in Z23, pair
// 1's and the tail's in both.
#define STEP_R96_G16 \
	PREFETCH_R96;                  \
	VMOVUPS   (R13), X28;          \
	ENTRY_W(0);                    \
	VCVTPH2PS (DX), Z23;           \
	VCVTPH2PS (R8), Z30;           \
	ENTRY(Z23, Z30, Z16);          \
	ENTRY_W(64);                   \
	VCVTPH2PS 32(DX), Y24;         \
	VCVTPH2PS 32(R8), Y30;         \
	ENTRY(Z24, Z30, Z17);          \
	PAIR(0, 48);                   \
	SPREAD1(192, Z23);             \
	HEADS;                         \
	PAIR(96, 144);                 \
	SPREAD2(256, Z23, Z24);        \
	HEADS;                         \
	TAIL_R96;                      \
	SPREAD2(320, Z23, Z24);        \
	TAILS

// Groups of 32: 12 entries (3r+j) in Z23, its scales and mins read under
// K5 = 0x0fff.
#define SETUP_R96_G32 \
	ZERO_SUMS;           \
	MOVL  $0x0fff, R11;  \
	KMOVW R11, K5

#define STEP_R96_G32 \
	PREFETCH_R96;                  \
	VMOVUPS     (R13), X28;        \
	ENTRY_W(0);                    \
	VMOVDQU16.Z (DX), K5, Y23;     \
	VCVTPH2PS   Y23, Z23;          \
	VMOVDQU16.Z (R8), K5, Y30;     \
	VCVTPH2PS   Y30, Z30;          \
	ENTRY(Z23, Z30, Z16);          \
	STEP_R96_ONE

// One group of 96: 4 entries (one per row) in Z23.
#define STEP_R96_G96 \
	PREFETCH_R96;                  \
	VMOVUPS   (R13), X28;          \
	ENTRY_W(0);                    \
	VMOVQ     (DX), X23;           \
	VCVTPH2PS X23, X23;            \
	VMOVQ     (R8), X30;           \
	VCVTPH2PS X30, X30;            \
	ENTRY(Z23, Z30, Z16);          \
	STEP_R96_ONE

// STEP_R96_ONE is the rest of a step whose entries lie in Z23.
#define STEP_R96_ONE \
	PAIR(0, 48);                   \
	SPREAD1(192, Z23);             \
	HEADS;                         \
	PAIR(96, 144);                 \
	SPREAD1(256, Z23);             \
	HEADS;                         \
	TAIL_R96;                      \
	SPREAD1(320, Z23);             \
	TAILS

#define FINISH FINISH_SPLIT

#define NAME ·avx512AddWeightedSplitRow80W4G16X1
#define SETUP SETUP_R80_G16
#define STEP STEP_R80_G16
#define STEPROWS 8
#define STEPSHIFT 3
#define STEPBYTES 320
#define STEPSCALES 80
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES

#define NAME ·avx512AddWeightedSplitRow80W4G80X1
#define SETUP SETUP_R80
#define STEP STEP_R80_G80
#define STEPROWS 8
#define STEPSHIFT 3
#define STEPBYTES 320
#define STEPSCALES 16
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES

#define NAME ·avx512AddWeightedSplitRow96W4G16X1
#define SETUP ZERO_SUMS
#define STEP STEP_R96_G16
#define STEPROWS 4
#define STEPSHIFT 2
#define STEPBYTES 192
#define STEPSCALES 48
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES

#define NAME ·avx512AddWeightedSplitRow96W4G32X1
#define SETUP SETUP_R96_G32
#define STEP STEP_R96_G32
#define STEPROWS 4
#define STEPSHIFT 2
#define STEPBYTES 192
#define STEPSCALES 24
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES

#define NAME ·avx512AddWeightedSplitRow96W4G96X1
#define SETUP ZERO_SUMS
#define STEP STEP_R96_G96
#define STEPROWS 4
#define STEPSHIFT 2
#define STEPBYTES 192
#define STEPSCALES 8
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES

// ---- 2-bit codes: rows of 96 (24 bytes: a head of four dwords, a tail
// of two), in groups of 16, 32 or the whole row (rows of 80 run the
// kernels of three rows per vector, avx512_addweightedtri80_amd64.s). A
// step takes S = 8 rows: their heads four to a vector (lane 4j+d: dword d
// of row 4v+j), their tails in one vector (lanes 2r and 2r+1: row r),
// gathered. A dword holds 16 fields, so the sums of one pass would take
// 32 registers: a kernel takes half of them, the fields 0-7 (H0) or 8-15
// (H1, the codes shifted down by 16 first), into eight head and eight
// tail sums (Z0-Z7, Z8-Z15), and H0 also the w*min of each lane into Z16
// (heads) and Z17 (tail). The caller runs both over the same rows, a
// chunk at a time so that H1 finds them in L2.
//
// Each vector's w*scale come from the step's fp16 scales (at most 48
// words, in Z18-Z19) by VPERMI2W, converted, times the lanes' weights
// (VPERMPS of the step's weights); H0 does the same for the mins
// (Z21-Z22) into the w*min sums.
//
// Budget per 32 values and kernel: 3 per field (mask, convert,
// multiply-add) over half of the fields, 1.5 for each vector's codes and
// w*scale (2.5 with the mins), the step's loads and loop: about 4.2 (H0)
// and 3.8 (H1), 8 for both (7.3 for the 2-bit kernels of rows of 128).
//
// The index tables at BX (avx512SplitW2Shape.idx): the eight field masks
// (dwords 0-7); from 64 on per vector (heads, then tail) 32 word indexes
// into the step's scales (16 used); then per vector 16 dword indexes into
// the step's weights; then the tail's gather offsets.
//
// The table at out (added to): the head sums, 4 per field (lanes folded:
// dword d of the row); the tail sums, 4 per field; the head lanes' w*min
// (16); the tail lanes' (16).

// NIB2(off, acc): acc += Z26 * (the 2-bit field of Z24 under the mask at
// off(BX), converted in place).
#define NIB2(off, acc) \
	VPANDD.BCST off(BX), Z24, Z25; \
	VCVTDQ2PS   Z25, Z25;          \
	VFMADD231PS Z26, Z25, acc

#define FIELDS2(a0, a1, a2, a3, a4, a5, a6, a7) \
	NIB2(0, a0);  \
	NIB2(4, a1);  \
	NIB2(8, a2);  \
	NIB2(12, a3); \
	NIB2(16, a4); \
	NIB2(20, a5); \
	NIB2(24, a6); \
	NIB2(28, a7)

// W2_WS(widx, sidx, Wa, Wb): Z29 = the lanes' weights, Z26 = their
// w*scale (the scale words Wa, Wb permuted by the word indexes at
// sidx(BX)).
#define W2_WS(widx, sidx, Wa, Wb) \
	VMOVDQU32 widx(BX), Z27; \
	VPERMPS   Z28, Z27, Z29; \
	VMOVDQU32 sidx(BX), Z27; \
	VPERMI2W  Wb, Wa, Z27;   \
	VCVTPH2PS Y27, Z26;      \
	VMULPS    Z29, Z26, Z26

// W2_WM0(sidx, Ma, Mb, macc) (H0): macc += the lanes' weights times their
// mins. W2_WM1 (H1) does nothing.
#define W2_WM0(sidx, Ma, Mb, macc) \
	VMOVDQU32   sidx(BX), Z27; \
	VPERMI2W    Mb, Ma, Z27;   \
	VCVTPH2PS   Y27, Z31;      \
	VFMADD231PS Z29, Z31, macc
#define W2_WM1(sidx, Ma, Mb, macc)

// CODES_H0 and CODES_H1 bring a half's fields to bits 0-15.
#define CODES_H0
#define CODES_H1 VPSRLD $16, Z24, Z24

// HEAD4(a, b, c, d): Z24 = the heads (16 bytes) of the rows at a-d(SI).
#define HEAD4(a, b, c, d) \
	VMOVDQU32    a(SI), X24;          \
	VINSERTI32X4 $1, b(SI), Y24, Y24; \
	VINSERTI32X4 $2, c(SI), Z24, Z24; \
	VINSERTI32X4 $3, d(SI), Z24, Z24

#define HEADS2 FIELDS2(Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
#define TAILS2 FIELDS2(Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15)

// W2_VEC(CODES, WM, v, Wa, Wb, Ma, Mb, macc, SUMS): one head or tail
// vector v (its codes in Z24) of a half (CODES, WM: its CODES_H<half> and
// W2_WM<half>): its w*scale and (H0) w*min, its fields.
#define W2_VEC(CODES, WM, v, Wa, Wb, Ma, Mb, macc, SUMS) \
	CODES;                                              \
	W2_WS(WIDX(v), SIDX(v), Wa, Wb);                    \
	WM(SIDX(v), Ma, Mb, macc);                          \
	SUMS

#define OUTT2(z, y, x, k, off) \
	VMULPS.BCST   ·avx512Pow4+k(SB), z, z; \
	VEXTRACTF64X4 $1, z, Y31;              \
	VADDPS        Y31, y, y;               \
	VEXTRACTF32X4 $1, y, X31;              \
	VADDPS        X31, x, x;               \
	VADDPS        off(DI), x, x;           \
	VMOVUPS       x, off(DI)

#define FINISH_W2_SPLIT \
	OUTT2(Z0, Y0, X0, 0, 0);        \
	OUTT2(Z1, Y1, X1, 4, 16);       \
	OUTT2(Z2, Y2, X2, 8, 32);       \
	OUTT2(Z3, Y3, X3, 12, 48);      \
	OUTT2(Z4, Y4, X4, 16, 64);      \
	OUTT2(Z5, Y5, X5, 20, 80);      \
	OUTT2(Z6, Y6, X6, 24, 96);      \
	OUTT2(Z7, Y7, X7, 28, 112);     \
	OUTT2(Z8, Y8, X8, 0, 128);      \
	OUTT2(Z9, Y9, X9, 4, 144);      \
	OUTT2(Z10, Y10, X10, 8, 160);   \
	OUTT2(Z11, Y11, X11, 12, 176);  \
	OUTT2(Z12, Y12, X12, 16, 192);  \
	OUTT2(Z13, Y13, X13, 20, 208);  \
	OUTT2(Z14, Y14, X14, 24, 224);  \
	OUTT2(Z15, Y15, X15, 28, 240);  \
	OUTM(Z16, 256);                 \
	OUTM(Z17, 320)

#undef FINISH
#define FINISH FINISH_W2_SPLIT

// Rows of 96: 8 rows a step (192 bytes), two head vectors; the word
// indexes of vector v at 64+64v, its weight indexes at 256+64v, the
// tail's gather offsets (qwords 16 + 24r) at 448.
#define SIDX(v) (64+64*v)
#define WIDX(v) (256+64*v)

#define SETUP_W2_R96 \
	ZERO_SUMS; \
	VMOVDQU64 448(BX), Z30

#define TAIL2_R96 \
	KXNORB     K1, K1, K1;     \
	VPXORQ     Z24, Z24, Z24;  \
	VPGATHERQQ (SI)(Z30*1), K1, Z24

// Groups of 16: 48 scale words (6r+j) in Z18-Z19.
#define STEP_W2_R96_G16(CODES, WM, WORDS) \
	PREFETCH_R96;                                       \
	VMOVUPS     (R13), Y28;                             \
	VMOVDQU16   (DX), Z18;                              \
	VMOVDQU16   64(DX), Y19;                            \
	WORDS;                                    \
	HEAD4(0, 24, 48, 72);                               \
	W2_VEC(CODES, WM, 0, Z18, Z19, Z21, Z22, Z16, HEADS2);      \
	HEAD4(96, 120, 144, 168);                           \
	W2_VEC(CODES, WM, 1, Z18, Z19, Z21, Z22, Z16, HEADS2);      \
	TAIL2_R96;                                          \
	W2_VEC(CODES, WM, 2, Z18, Z19, Z21, Z22, Z17, TAILS2)

#define WORDS2_MINS_H0 \
	VMOVDQU16 (R8), Z21;    \
	VMOVDQU16 64(R8), Y22
#define WORDS2_MINS_H1

// Groups of 32: 24 scale words (3r+j) in Z18, read under K5 (0xffffff).
#define STEP_W2_R96_G32(CODES, WM, WORDS) \
	PREFETCH_R96;                                       \
	VMOVUPS     (R13), Y28;                             \
	VMOVDQU16.Z (DX), K5, Z18;                          \
	WORDS;                                              \
	HEAD4(0, 24, 48, 72);                               \
	W2_VEC(CODES, WM, 0, Z18, Z18, Z21, Z21, Z16, HEADS2); \
	HEAD4(96, 120, 144, 168);                           \
	W2_VEC(CODES, WM, 1, Z18, Z18, Z21, Z21, Z16, HEADS2); \
	TAIL2_R96;                                          \
	W2_VEC(CODES, WM, 2, Z18, Z18, Z21, Z21, Z17, TAILS2)

#define WORDS4_MINS_H0 VMOVDQU16.Z (R8), K5, Z21
#define WORDS4_MINS_H1

#define SETUP_W2_R96_G32 \
	SETUP_W2_R96;           \
	MOVL      $0xffffff, R11; \
	KMOVD     R11, K5

// One group of 96: 8 scale words in Z18.
#define STEP_W2_R96_G96(CODES, WM, WORDS) \
	PREFETCH_R96;                                       \
	VMOVUPS     (R13), Y28;                             \
	VMOVDQU16   (DX), X18;                              \
	WORDS;                                    \
	HEAD4(0, 24, 48, 72);                               \
	W2_VEC(CODES, WM, 0, Z18, Z18, Z21, Z21, Z16, HEADS2);      \
	HEAD4(96, 120, 144, 168);                           \
	W2_VEC(CODES, WM, 1, Z18, Z18, Z21, Z21, Z16, HEADS2);      \
	TAIL2_R96;                                          \
	W2_VEC(CODES, WM, 2, Z18, Z18, Z21, Z21, Z17, TAILS2)

#define WORDS3_MINS_H0 VMOVDQU16 (R8), X21
#define WORDS3_MINS_H1

#define SETUP SETUP_W2_R96
#define STEPROWS 8
#define STEPSHIFT 3
#define STEPBYTES 192
#define STEPSCALES 96
#define NAME ·avx512AddWeightedSplitRow96H0W2G16X1
#define STEP STEP_W2_R96_G16(CODES_H0, W2_WM0, WORDS2_MINS_H0)
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef STEP

#define NAME ·avx512AddWeightedSplitRow96H1W2G16X1
#define STEP STEP_W2_R96_G16(CODES_H1, W2_WM1, WORDS2_MINS_H1)
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef STEP
#undef STEPSCALES

#define STEPSCALES 48
#undef SETUP
#define SETUP SETUP_W2_R96_G32
#define NAME ·avx512AddWeightedSplitRow96H0W2G32X1
#define STEP STEP_W2_R96_G32(CODES_H0, W2_WM0, WORDS4_MINS_H0)
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef STEP

#define NAME ·avx512AddWeightedSplitRow96H1W2G32X1
#define STEP STEP_W2_R96_G32(CODES_H1, W2_WM1, WORDS4_MINS_H1)
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef STEP
#undef STEPSCALES
#undef SETUP
#define SETUP SETUP_W2_R96

#define STEPSCALES 16
#define NAME ·avx512AddWeightedSplitRow96H0W2G96X1
#define STEP STEP_W2_R96_G96(CODES_H0, W2_WM0, WORDS3_MINS_H0)
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef STEP

#define NAME ·avx512AddWeightedSplitRow96H1W2G96X1
#define STEP STEP_W2_R96_G96(CODES_H1, W2_WM1, WORDS3_MINS_H1)
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef STEP
#undef SETUP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef SIDX
#undef WIDX
