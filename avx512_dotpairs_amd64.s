//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

#define PAIRS_AHEAD 2048

// The Dot pair kernels: 2-bit rows of 128 values (32 code bytes, eight
// dwords) in groups of 32, 64 or 128, one query row
// (avx512DotRow128PairsW2G<group>X1, Go side avx512_dotpairs_amd64.go).
//
// A code dword holds sixteen 2-bit fields, and any four bits of it at a
// multiple of 4 are a pair of codes of two columns a and a+8 (pack's
// 2-bit layout). For the query row x the call writes, per pair p of the
// row's 64 (dword p/8, bits 4(p%8) to 4(p%8)+3), a table of 16 floats
// T_p[i] = x_a*(i&3) + x_(a+8)*(i>>2) (avx512DotPairTables), so that one
// VPERMPS (which reads the low four bits of each index lane and ignores
// the rest) turns the pair's codes into their products with x. That only
// works if every lane of the vector holds the same dword of a row: so
// sixteen rows are transposed (PAIRS_TRANSPOSE, three stages of eight
// unpacks and shuffles) into eight vectors V0-V7, lane l of Vw holding
// dword w of row π(l) = 0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13,
// 15. Each Vw's eight pairs (shifted right by 4 per pair) are looked up
// and summed (PAIRS_LOOK), the dwords' sums added per group, scaled by
// the rows' group scales and shifted by their mins times the query's group
// sums (both permuted to the lanes' rows by VPERMW), and the sixteen dot
// products put back in row order by one VPERMPS.
//
// Budget per 32 values: 1 lookup (its table a memory operand), 0.875
// shift, 1 add, 0.375 for the transpose, 0.125 loads, and 0.2-0.4 for the
// scale step and store: about 3.6, against 5.25 for the row kernels of
// avx512_dot_amd64.s, which convert each field and multiply it by x.

// PAIRS_TRANSPOSE: Z0-Z7 (rows 2i, 2i+1 in Zi) to Z8-Z15 (Vw in Z(8+w)).
// Per 128-bit lane, the dword unpacks give rows 2i and 2i+2 interleaved,
// the qword unpacks rows 0, 2, 4, 6 (or 1, 3, 5, 7) of one dword in lanes
// 0 and 2 of a vector and of dword w+4 in lanes 1 and 3, and the shuffles
// gather lanes 0 and 2 (dword w) and 1 and 3 (dword w+4) of the vectors of
// rows 0-7 and 8-15.
#define PAIRS_TRANSPOSE \
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

// PAIRS_LOOK(w, V): the sum of the eight pairs of dword w (vector V, which
// receives it): 7 shifts, 8 lookups, 7 adds.
#define PAIRS_LOOK(w, V) \
	VPSRLD  $4, V, Z17;                  \
	VPSRLD  $8, V, Z18;                  \
	VPSRLD  $12, V, Z19;                 \
	VPSRLD  $16, V, Z20;                 \
	VPSRLD  $20, V, Z21;                 \
	VPSRLD  $24, V, Z22;                 \
	VPSRLD  $28, V, Z23;                 \
	VPERMPS (512*(w))(BX), V, Z16;       \
	VPERMPS (512*(w)+64)(BX), Z17, Z17;  \
	VPERMPS (512*(w)+128)(BX), Z18, Z18; \
	VPERMPS (512*(w)+192)(BX), Z19, Z19; \
	VPERMPS (512*(w)+256)(BX), Z20, Z20; \
	VPERMPS (512*(w)+320)(BX), Z21, Z21; \
	VPERMPS (512*(w)+384)(BX), Z22, Z22; \
	VPERMPS (512*(w)+448)(BX), Z23, Z23; \
	VADDPS  Z17, Z16, Z16;               \
	VADDPS  Z19, Z18, Z18;               \
	VADDPS  Z21, Z20, Z20;               \
	VADDPS  Z23, Z22, Z22;               \
	VADDPS  Z18, Z16, Z16;               \
	VADDPS  Z22, Z20, Z20;               \
	VADDPS  Z20, Z16, V

// ---- One query row ----
//
// PAIRS_X1_BODY: each dword's pairs summed into Z8-Z15 (V0-V7), the
// groups' sums (GROUP_SUMS), the sixteen dot products formed in Z21
// (SCALE, the query's group sums in Z28-Z31), put in row order and stored.
// Z16-Z23 fields and lookups, then the scale step's scratch.
#define PAIRS_X1_BODY \
	PAIRS_LOOK(0, Z8);  \
	PAIRS_LOOK(1, Z9);  \
	PAIRS_LOOK(2, Z10); \
	PAIRS_LOOK(3, Z11); \
	PAIRS_LOOK(4, Z12); \
	PAIRS_LOOK(5, Z13); \
	PAIRS_LOOK(6, Z14); \
	PAIRS_LOOK(7, Z15); \
	GROUP_SUMS;         \
	SCALE;              \
	VPERMPS Z21, Z27, Z21; \
	VMOVUPS Z21, (DI)

// Groups of 128: one scale per row.

#define NAME ·avx512DotRow128PairsW2G128X1
#define GROUP_BYTES 32
#define SETUP_G \
	VMOVDQU16    ·avx512PairsWords(SB), Z26; \
	VBROADCASTSS 0(R9), Z28
#define PREFETCH_G \
	PREFETCHT0 (PAIRS_AHEAD/16)(DX); \
	PREFETCHT0 (PAIRS_AHEAD/16)(R8)
#define GROUP_SUMS \
	VADDPS Z9, Z8, Z8;   \
	VADDPS Z11, Z10, Z10; \
	VADDPS Z13, Z12, Z12; \
	VADDPS Z15, Z14, Z14; \
	VADDPS Z10, Z8, Z8;   \
	VADDPS Z14, Z12, Z12; \
	VADDPS Z12, Z8, Z8
#define SCALE \
	VMOVDQU16   (DX), Y16;      \
	VPERMW      Z16, Z26, Z16;  \
	VCVTPH2PS   Y16, Z16;       \
	VMOVDQU16   (R8), Y17;      \
	VPERMW      Z17, Z26, Z17;  \
	VCVTPH2PS   Y17, Z17;       \
	VMULPS      Z16, Z8, Z21;   \
	VFMADD231PS Z28, Z17, Z21
#define PAIRS_BODY PAIRS_X1_BODY
#include "avx512_dotpairs_amd64.h"
#undef PAIRS_BODY
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PREFETCH_G
#undef GROUP_SUMS
#undef SCALE

// Groups of 64: two per row; the scale words permuted to group 0's
// of the lanes' rows, then group 1's.

#define NAME ·avx512DotRow128PairsW2G64X1
#define GROUP_BYTES 64
#define SETUP_G \
	VMOVDQU16    ·avx512PairsWords+64(SB), Z26; \
	VBROADCASTSS 0(R9), Z28;                    \
	VBROADCASTSS 4(R9), Z29
#define PREFETCH_G \
	PREFETCHT0 (PAIRS_AHEAD/8)(DX); \
	PREFETCHT0 (PAIRS_AHEAD/8)(R8)
#define GROUP_SUMS \
	VADDPS Z9, Z8, Z8;    \
	VADDPS Z11, Z10, Z10; \
	VADDPS Z13, Z12, Z12; \
	VADDPS Z15, Z14, Z14; \
	VADDPS Z10, Z8, Z8;   \
	VADDPS Z14, Z12, Z12
#define SCALE \
	VPERMW        (DX), Z26, Z16; \
	VPERMW        (R8), Z26, Z17; \
	VCVTPH2PS     Y16, Z18;       \
	VMULPS        Z18, Z8, Z21;   \
	VCVTPH2PS     Y17, Z19;       \
	VFMADD231PS   Z28, Z19, Z21;  \
	VEXTRACTI64X4 $1, Z16, Y20;   \
	VCVTPH2PS     Y20, Z20;       \
	VFMADD231PS   Z20, Z12, Z21;  \
	VEXTRACTI64X4 $1, Z17, Y22;   \
	VCVTPH2PS     Y22, Z22;       \
	VFMADD231PS   Z29, Z22, Z21
#define PAIRS_BODY PAIRS_X1_BODY
#include "avx512_dotpairs_amd64.h"
#undef PAIRS_BODY
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PREFETCH_G
#undef GROUP_SUMS
#undef SCALE

// Groups of 32: four per row; two two-source permutations give groups
// 0 and 1 (Z26), 2 and 3 (Z25).

#define NAME ·avx512DotRow128PairsW2G32X1
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16    ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16    ·avx512PairsWords+192(SB), Z25; \
	VBROADCASTSS 0(R9), Z28;                     \
	VBROADCASTSS 4(R9), Z29;                     \
	VBROADCASTSS 8(R9), Z30;                     \
	VBROADCASTSS 12(R9), Z31
#define PREFETCH_G \
	PREFETCHT0 (PAIRS_AHEAD/4)(DX);    \
	PREFETCHT0 (PAIRS_AHEAD/4+64)(DX); \
	PREFETCHT0 (PAIRS_AHEAD/4)(R8);    \
	PREFETCHT0 (PAIRS_AHEAD/4+64)(R8)
#define GROUP_SUMS \
	VADDPS Z9, Z8, Z8;    \
	VADDPS Z11, Z10, Z10; \
	VADDPS Z13, Z12, Z12; \
	VADDPS Z15, Z14, Z14
#define SCALE \
	VMOVDQU16     (DX), Z16;         \
	VPERMT2W      64(DX), Z26, Z16;  \
	VMOVDQU16     (DX), Z17;         \
	VPERMT2W      64(DX), Z25, Z17;  \
	VMOVDQU16     (R8), Z18;         \
	VPERMT2W      64(R8), Z26, Z18;  \
	VMOVDQU16     (R8), Z19;         \
	VPERMT2W      64(R8), Z25, Z19;  \
	VCVTPH2PS     Y16, Z20;          \
	VMULPS        Z20, Z8, Z21;      \
	VEXTRACTI64X4 $1, Z16, Y22;      \
	VCVTPH2PS     Y22, Z22;          \
	VFMADD231PS   Z22, Z10, Z21;     \
	VCVTPH2PS     Y17, Z20;          \
	VFMADD231PS   Z20, Z12, Z21;     \
	VEXTRACTI64X4 $1, Z17, Y22;      \
	VCVTPH2PS     Y22, Z22;          \
	VFMADD231PS   Z22, Z14, Z21;     \
	VCVTPH2PS     Y18, Z20;          \
	VFMADD231PS   Z28, Z20, Z21;     \
	VEXTRACTI64X4 $1, Z18, Y22;      \
	VCVTPH2PS     Y22, Z22;          \
	VFMADD231PS   Z29, Z22, Z21;     \
	VCVTPH2PS     Y19, Z20;          \
	VFMADD231PS   Z30, Z20, Z21;     \
	VEXTRACTI64X4 $1, Z19, Y22;      \
	VCVTPH2PS     Y22, Z22;          \
	VFMADD231PS   Z31, Z22, Z21
#define PAIRS_BODY PAIRS_X1_BODY
#include "avx512_dotpairs_amd64.h"
#undef PAIRS_BODY
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PREFETCH_G
#undef GROUP_SUMS
#undef SCALE

// ---- Four query rows ----
//
// The groups one at a time: for each dword w of the group (V in Z8-Z15)
// its fields shifted once (Z17-Z23), each query row's eight lookups (from
// its own 4 KiB of tables) summed in Z0-Z3 and added into the query row's
// sum of the group (Z4-Z7); then the group's scales and mins permuted to
// the lanes' rows (Z16, converted into Z24) and the four query rows' dot
// products (Z28-Z31) scaled and shifted. Budget per 32 values: 4 lookups
// and 4 adds, 0.875 shift, 0.375 for the transpose, about 0.5 for the
// scale steps and stores: 9.75, against 13.5 for the four-query row
// kernels of avx512_dot_amd64.s.

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

// PAIRS_DWORD4(op, w, V): dword w for the four query rows (op PAIRS_SET
// for a group's first dword, else PAIRS_ADD).
#define PAIRS_DWORD4(op, w, V) \
	PAIRS_SHIFTS(V);      \
	op(0, w, V, Z4);      \
	op(1, w, V, Z5);      \
	op(2, w, V, Z6);      \
	op(3, w, V, Z7)

// The scale words of a group into Z16 (permuted to the lanes' rows), from
// the scales or mins at b: one group (Z26 of avx512PairsWords[0]), two
// (Z26 of [1]: group 0's in the low half), four (Z26 of [2]: groups 0 and
// 1, Z25 of [3]: 2 and 3).
#define PAIRS_WORDS_G128(b) \
	VMOVDQU16 (b), Y16; \
	VPERMW    Z16, Z26, Z16
#define PAIRS_WORDS_G64(b) VPERMW (b), Z26, Z16
#define PAIRS_WORDS_G32A(b) \
	VMOVDQU16 (b), Z16; \
	VPERMT2W  64(b), Z26, Z16
#define PAIRS_WORDS_G32B(b) \
	VMOVDQU16 (b), Z16; \
	VPERMT2W  64(b), Z25, Z16

// The group's half of Z16 converted into Z24.
#define PAIRS_LO VCVTPH2PS Y16, Z24
#define PAIRS_HI \
	VEXTRACTI64X4 $1, Z16, Y24; \
	VCVTPH2PS     Y24, Z24

// PAIRS_SCALE4(op, words, half, g): group g's sums (Z4-Z7) times its
// scales into the dot products Z28-Z31 (op VMULPS for the first group,
// then VFMADD231PS), then its mins times the query rows' group sums (at
// R9, 4 per query row).
#define PAIRS_SCALE4(op, words, half, g) \
	words(DX);                                 \
	half;                                      \
	op                Z24, Z4, Z28;            \
	op                Z24, Z5, Z29;            \
	op                Z24, Z6, Z30;            \
	op                Z24, Z7, Z31;            \
	words(R8);                                 \
	half;                                      \
	VFMADD231PS.BCST  (4*(g))(R9), Z24, Z28;    \
	VFMADD231PS.BCST  (16+4*(g))(R9), Z24, Z29; \
	VFMADD231PS.BCST  (32+4*(g))(R9), Z24, Z30; \
	VFMADD231PS.BCST  (48+4*(g))(R9), Z24, Z31

// PAIRS_STORE4: the four query rows' dot products in row order, stored.
#define PAIRS_STORE4 \
	VPERMPS Z28, Z27, Z28;      \
	VPERMPS Z29, Z27, Z29;      \
	VPERMPS Z30, Z27, Z30;      \
	VPERMPS Z31, Z27, Z31;      \
	VMOVUPS Z28, (DI);          \
	VMOVUPS Z29, (DI)(R10*1);   \
	VMOVUPS Z30, (DI)(R10*2);   \
	VMOVUPS Z31, (DI)(R11*1)

#define NAME ·avx512DotRow128PairsW2G128X4
#define GROUP_BYTES 32
#define SETUP_G VMOVDQU16 ·avx512PairsWords(SB), Z26
#define PREFETCH_G \
	PREFETCHT0 (PAIRS_AHEAD/16)(DX); \
	PREFETCHT0 (PAIRS_AHEAD/16)(R8)
#define PAIRS_BODY \
	PAIRS_DWORD4(PAIRS_SET, 0, Z8);  \
	PAIRS_DWORD4(PAIRS_ADD, 1, Z9);  \
	PAIRS_DWORD4(PAIRS_ADD, 2, Z10); \
	PAIRS_DWORD4(PAIRS_ADD, 3, Z11); \
	PAIRS_DWORD4(PAIRS_ADD, 4, Z12); \
	PAIRS_DWORD4(PAIRS_ADD, 5, Z13); \
	PAIRS_DWORD4(PAIRS_ADD, 6, Z14); \
	PAIRS_DWORD4(PAIRS_ADD, 7, Z15); \
	PAIRS_SCALE4(VMULPS, PAIRS_WORDS_G128, PAIRS_LO, 0); \
	PAIRS_STORE4
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PREFETCH_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G64X4
#define GROUP_BYTES 64
#define SETUP_G VMOVDQU16 ·avx512PairsWords+64(SB), Z26
#define PREFETCH_G \
	PREFETCHT0 (PAIRS_AHEAD/8)(DX); \
	PREFETCHT0 (PAIRS_AHEAD/8)(R8)
#define PAIRS_BODY \
	PAIRS_DWORD4(PAIRS_SET, 0, Z8);  \
	PAIRS_DWORD4(PAIRS_ADD, 1, Z9);  \
	PAIRS_DWORD4(PAIRS_ADD, 2, Z10); \
	PAIRS_DWORD4(PAIRS_ADD, 3, Z11); \
	PAIRS_SCALE4(VMULPS, PAIRS_WORDS_G64, PAIRS_LO, 0); \
	PAIRS_DWORD4(PAIRS_SET, 4, Z12); \
	PAIRS_DWORD4(PAIRS_ADD, 5, Z13); \
	PAIRS_DWORD4(PAIRS_ADD, 6, Z14); \
	PAIRS_DWORD4(PAIRS_ADD, 7, Z15); \
	PAIRS_SCALE4(VFMADD231PS, PAIRS_WORDS_G64, PAIRS_HI, 1); \
	PAIRS_STORE4
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PREFETCH_G
#undef PAIRS_BODY

#define NAME ·avx512DotRow128PairsW2G32X4
#define GROUP_BYTES 128
#define SETUP_G \
	VMOVDQU16 ·avx512PairsWords+128(SB), Z26; \
	VMOVDQU16 ·avx512PairsWords+192(SB), Z25
#define PREFETCH_G \
	PREFETCHT0 (PAIRS_AHEAD/4)(DX);    \
	PREFETCHT0 (PAIRS_AHEAD/4+64)(DX); \
	PREFETCHT0 (PAIRS_AHEAD/4)(R8);    \
	PREFETCHT0 (PAIRS_AHEAD/4+64)(R8)
#define PAIRS_BODY \
	PAIRS_DWORD4(PAIRS_SET, 0, Z8);  \
	PAIRS_DWORD4(PAIRS_ADD, 1, Z9);  \
	PAIRS_SCALE4(VMULPS, PAIRS_WORDS_G32A, PAIRS_LO, 0); \
	PAIRS_DWORD4(PAIRS_SET, 2, Z10); \
	PAIRS_DWORD4(PAIRS_ADD, 3, Z11); \
	PAIRS_SCALE4(VFMADD231PS, PAIRS_WORDS_G32A, PAIRS_HI, 1); \
	PAIRS_DWORD4(PAIRS_SET, 4, Z12); \
	PAIRS_DWORD4(PAIRS_ADD, 5, Z13); \
	PAIRS_SCALE4(VFMADD231PS, PAIRS_WORDS_G32B, PAIRS_LO, 2); \
	PAIRS_DWORD4(PAIRS_SET, 6, Z14); \
	PAIRS_DWORD4(PAIRS_ADD, 7, Z15); \
	PAIRS_SCALE4(VFMADD231PS, PAIRS_WORDS_G32B, PAIRS_HI, 3); \
	PAIRS_STORE4
#include "avx512_dotpairs_amd64.h"
#undef NAME
#undef GROUP_BYTES
#undef SETUP_G
#undef PREFETCH_G
#undef PAIRS_BODY

// avx512DotPairTables(dst, x *float32, cols *uint8): for p = 0..63, the
// 16 floats at dst+64p are x[a]*(i&3) + x[a+8]*(i>>2), a = cols[p]
// (i = 0..15, the lanes of ·avx512PairsLo and ·avx512PairsHi). 5 vector
// instructions per table.
TEXT ·avx512DotPairTables(SB), NOSPLIT, $0-24
	MOVQ    dst+0(FP), DI
	MOVQ    x+8(FP), SI
	MOVQ    cols+16(FP), BX
	VMOVUPS ·avx512PairsLo(SB), Z0
	VMOVUPS ·avx512PairsHi(SB), Z1
	MOVL    $64, CX

table:
	MOVBLZX      (BX), AX
	VBROADCASTSS (SI)(AX*4), Z2
	VBROADCASTSS 32(SI)(AX*4), Z3
	VMULPS       Z2, Z0, Z4
	VFMADD231PS  Z3, Z1, Z4
	VMOVUPS      Z4, (DI)
	ADDQ         $64, DI
	INCQ         BX
	DECL         CX
	JNZ          table
	VZEROUPPER
	RET
