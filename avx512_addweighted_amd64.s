//go:build gc && !purego

// AddWeighted for code formats whose group is a multiple of 32: the general
// kernels (one function per code width and number of weight rows, 1, 2 or
// 4; body avx512_addweighted_amd64.h) and the row kernels on rows of 128 2-
// or 4-bit codes in groups of 64 (body avx512_addweighted_row_amd64.h).
// fp16 and float32 rows: avx512_float_amd64.s.

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"



// y_j += w * the block's values.
#define ADD_Y(w, ya, wa) \
	VMOVUPS     ya(0), Z24;    \
	VMOVUPS     ya(64), Z25;   \
	VFMADD231PS w, Z8, Z24;    \
	VFMADD231PS w, Z9, Z25;    \
	VMOVUPS     Z24, ya(0);    \
	VMOVUPS     Z25, ya(64)

#define NAME ·avx512AddWeightedW2X1
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORX AWFORX1
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW2X2
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORX AWFORX2
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW2X4
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORX AWFORX4
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW3X1
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORX AWFORX1
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW3X2
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORX AWFORX2
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW3X4
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORX AWFORX4
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW4X1
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORX AWFORX1
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW4X2
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORX AWFORX2
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW4X4
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORX AWFORX4
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW5X1
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORX AWFORX1
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW5X2
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORX AWFORX2
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW5X4
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORX AWFORX4
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW6X1
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORX AWFORX1
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW6X2
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORX AWFORX2
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW6X4
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORX AWFORX4
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW7X1
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORX AWFORX1
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW7X2
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORX AWFORX2
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW7X4
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORX AWFORX4
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW8X1
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORX AWFORX1
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW8X2
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORX AWFORX2
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512AddWeightedW8X4
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORX AWFORX4
#include "avx512_addweighted_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

// Row kernels: rows of 128 values, one weight row (body
// avx512_addweighted_row_amd64.h).




// 4-bit: the row's 16 code dwords, nibble k masked in place and converted
// (q*16^k), times w*scale of the lane's group, into Y_k (Z0-Z7); w*min into
// Z8. 26 instructions per row.
#define STEP_W4 \
	VMOVDQU32 (SI), Z24; \
	VMOVD (DX), X25; \
	VPBROADCASTD (R8), K4, X25; \
	STEP_W4_BODY

// STEP_W4_G128 is STEP_W4 on rows of 128 values in one group: the row's
// scale and min each read once and duplicated (words s, s, m, m), as if its
// two halves were two groups with its scale and min.
#define STEP_W4_G128 \
	VMOVDQU32 (SI), Z24; \
	VPBROADCASTW (DX), X25; \
	VPBROADCASTW (R8), X31; \
	VPUNPCKLDQ X31, X25, X25; \
	STEP_W4_BODY

// STEP_W4_G32 is STEP_W4 on rows of 128 values in four groups of 32: the
// row's four scales and four mins (s0-s3, m0-m3) converted at once, and
// spread by SETUP_W4_G32's index tables (lanes 4g to 4g+3: group g).
#define STEP_W4_G32 \
	VMOVDQU32 (SI), Z24; \
	VMOVQ (DX), X25; \
	VPBROADCASTQ (R8), K4, X25; \
	VCVTPH2PS X25, Y25; \
	STEP_W4_SPREAD

// STEP_W4_G16 is STEP_W4 on rows of 128 values in eight groups of 16: the
// row's eight scales and eight mins converted at once and spread by
// SETUP_W4_G16's index tables (dwords 0-1 of 128-bit lane L: group 2L,
// dwords 2-3: group 2L+1; a block of 32 is two groups of 8 bytes).
#define STEP_W4_G16 \
	VMOVDQU32 (SI), Z24; \
	VMOVDQU32 (DX), X25; \
	VINSERTI32X4 $1, (R8), Y25, Y25; \
	VCVTPH2PS Y25, Z25; \
	STEP_W4_SPREAD

// STEP_W4_G8 is STEP_W4 on rows of 128 values in sixteen groups of 8: a
// group is one code dword (byte j holding values j and j+4), so the row's
// 16 scales and 16 mins are converted in lane order, not spread.
#define STEP_W4_G8 \
	VMOVDQU32 (SI), Z24; \
	VCVTPH2PS (DX), Z28; \
	VCVTPH2PS (R8), Z29; \
	VBROADCASTSS (R13), Z30; \
	STEP_W4_FMAS

// STEP_W4_R64_G8 is STEP_W4_G8 on two rows of 64 values, one per half
// vector (lane l: row l/8's group l%8), each half with its own row's
// weight (K1 = 0xff00, SETUP_W4_R64_G64).
#define STEP_W4_R64_G8 \
	VMOVDQU32 (SI), Z24; \
	VCVTPH2PS (DX), Z28; \
	VCVTPH2PS (R8), Z29; \
	VBROADCASTSS (R13), Z30; \
	VBROADCASTSS 4(R13), K1, Z30; \
	STEP_W4_FMAS

// STEP_W4_MASKED_G8 is STEP_W4_G8 on rows of 96 or 80 values in groups of
// 8, one row per vector: its 12 (10) code dwords loaded under K5 and its
// 12 (10) scales and mins under K6, the other lanes zero (their columns,
// 96 or 80 and up, are dropped by the caller).
#define STEP_W4_MASKED_G8 \
	VMOVDQU32.Z (SI), K5, Z24; \
	VMOVDQU16.Z (DX), K6, Y28; \
	VCVTPH2PS Y28, Z28; \
	VMOVDQU16.Z (R8), K6, Y29; \
	VCVTPH2PS Y29, Z29; \
	VBROADCASTSS (R13), Z30; \
	STEP_W4_FMAS

// SETUP_W4_MASKED(m) is SETUP_W4 with K5 and K6 = m: the row's code
// dwords, and its scale words.
#define SETUP_W4_MASKED(m) \
	SETUP_W4;        \
	MOVL  $m, R11;   \
	KMOVW R11, K5;   \
	KMOVW R11, K6

// STEP_W4_BODY is the rest of STEP_W4 from the scale and min words of the
// row's two groups (s0, s1, m0, m1) in X25 on.
#define STEP_W4_BODY \
	VCVTPH2PS X25, X25; \
	STEP_W4_SPREAD

// STEP_W4_SPREAD is the rest of STEP_W4_BODY from the converted scales and
// mins in Z25 on.
#define STEP_W4_SPREAD \
	VPERMPS Z25, Z26, Z28; \
	VPERMPS Z25, Z27, Z29; \
	VBROADCASTSS (R13), Z30; \
	STEP_W4_FMAS

// STEP_W4_R64 is STEP_W4 (groups of 64) or STEP_W4_G32 (groups of 32)
// on two rows of 64 values, one per half vector: their scales and mins
// lie as one row of 128's, and each half takes its own row's weight (K1 =
// 0xff00). SCALES loads the scale and min words into X25 and converts
// them.
#define STEP_W4_R64(SCALES) \
	VMOVDQU32 (SI), Z24; \
	SCALES; \
	VPERMPS Z25, Z26, Z28; \
	VPERMPS Z25, Z27, Z29; \
	VBROADCASTSS (R13), Z30; \
	VBROADCASTSS 4(R13), K1, Z30; \
	STEP_W4_FMAS

// The scale and min words of STEP_W4_R64: two each (groups of 64) or four
// each (groups of 32), converted.
#define SCALES_R64_G64 \
	VMOVD (DX), X25; \
	VPBROADCASTD (R8), K4, X25; \
	VCVTPH2PS X25, X25
#define SCALES_R64_G32 \
	VMOVQ (DX), X25; \
	VPBROADCASTQ (R8), K4, X25; \
	VCVTPH2PS X25, Y25
#define STEP_W4_R64_G64 STEP_W4_R64(SCALES_R64_G64)
#define STEP_W4_R64_G32 STEP_W4_R64(SCALES_R64_G32)
#define SCALES_R64_G16 \
	VMOVDQU32 (DX), X25; \
	VINSERTI32X4 $1, (R8), Y25, Y25; \
	VCVTPH2PS Y25, Z25
#define STEP_W4_R64_G16 STEP_W4_R64(SCALES_R64_G16)

// SETUP_W4_R64 is SETUP_W4 (groups of 64) or SETUP_W4_G32 with K1 = 0xff00
// for the second row's weight.
#define SETUP_W4_R64_G64 \
	SETUP_W4; \
	MOVL $0xff00, R11; \
	KMOVW R11, K1
#define SETUP_W4_R64_G32 \
	SETUP_W4_G32; \
	MOVL $0xff00, R11; \
	KMOVW R11, K1

// STEP_W4_FMAS is the rest of STEP_W4_SPREAD from the lanes' weights in
// Z30 on: the weighted scales, the mins' sums, the nibbles' FMAs.
#define STEP_W4_FMAS \
	VMULPS Z30, Z28, Z28; \
	VFMADD231PS Z30, Z29, Z8; \
	VPANDD Z16, Z24, Z31; \
	VCVTUDQ2PS Z31, Z31; \
	VFMADD231PS Z28, Z31, Z0; \
	VPANDD Z17, Z24, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z28, Z29, Z1; \
	VPANDD Z18, Z24, Z31; \
	VCVTUDQ2PS Z31, Z31; \
	VFMADD231PS Z28, Z31, Z2; \
	VPANDD Z19, Z24, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z28, Z29, Z3; \
	VPANDD Z20, Z24, Z31; \
	VCVTUDQ2PS Z31, Z31; \
	VFMADD231PS Z28, Z31, Z4; \
	VPANDD Z21, Z24, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z28, Z29, Z5; \
	VPANDD Z22, Z24, Z31; \
	VCVTUDQ2PS Z31, Z31; \
	VFMADD231PS Z28, Z31, Z6; \
	VPANDD Z23, Z24, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z28, Z29, Z7

#define SETUP_W4 \
	SETUP_MASKS; \
	VPXORD Z0, Z0, Z0; \
	VPXORD Z1, Z1, Z1; \
	VPXORD Z2, Z2, Z2; \
	VPXORD Z3, Z3, Z3; \
	VPXORD Z4, Z4, Z4; \
	VPXORD Z5, Z5, Z5; \
	VPXORD Z6, Z6, Z6; \
	VPXORD Z7, Z7, Z7; \
	VPXORD Z8, Z8, Z8; \
	VMOVDQU32 ·avx512AwIdxS4(SB), Z26; \
	VMOVDQU32 ·avx512AwIdxM4(SB), Z27; \
	MOVL      $2, R11;                  \
	KMOVW     R11, K4

// SETUP_W4_G32 is SETUP_W4 with the index tables of groups of 32 (scale
// and min of group l/4 in lane l).
#define SETUP_W4_G32 \
	SETUP_W4; \
	VMOVDQU32 ·avx512AwIdxS4G32(SB), Z26; \
	VMOVDQU32 ·avx512AwIdxM4G32(SB), Z27

// SETUP_W4_G16 is SETUP_W4 with the index tables of groups of 16.
#define SETUP_W4_G16 \
	SETUP_W4; \
	VMOVDQU32 ·avx512AwIdxS4G16(SB), Z26; \
	VMOVDQU32 ·avx512AwIdxM4G16(SB), Z27

// The lanes of the 4-bit sums: Y_k * 16^-k + Z8 * the min's factor (1, or
// -2^(Bits-1) when the mins are the scales), the k-th 64 bytes at DI.
#define FINISH_W4 \
	MOVQ avx512RowArgs_scratch(AX), R9; \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+0(SB), Z0, Z9; VMOVUPS Z9, 0(DI); \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+4(SB), Z1, Z9; VMOVUPS Z9, 64(DI); \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+8(SB), Z2, Z9; VMOVUPS Z9, 128(DI); \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+12(SB), Z3, Z9; VMOVUPS Z9, 192(DI); \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+16(SB), Z4, Z9; VMOVUPS Z9, 256(DI); \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+20(SB), Z5, Z9; VMOVUPS Z9, 320(DI); \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+24(SB), Z6, Z9; VMOVUPS Z9, 384(DI); \
	VMULPS.BCST (R9), Z8, Z9; VFMADD231PS.BCST ·avx512Pow16+28(SB), Z7, Z9; VMOVUPS Z9, 448(DI); \


// 2-bit: two rows (32 bytes each) per vector, lanes 0-7 and 8-15; field k
// of the code dwords masked in place and converted (q*4^k), times the
// lane's row weight and group scale, into Y_k (Z0-Z15); w*min into Z16.
// The masks are the caller's table at BX. 58 instructions per two rows.
#define STEP_W2 \
	VMOVDQU32 (SI), Z17; \
	VMOVQ (DX), X18; \
	VPBROADCASTQ (R8), K4, X18; \
	STEP_W2_BODY

// STEP_W2_G128 is STEP_W2 on rows of 128 values in one group: the two rows'
// scales and mins duplicated (words s0, s0, s1, s1, m0, m0, m1, m1), as if
// each row's halves were two groups with its scale and min.
#define STEP_W2_G128 \
	VMOVDQU32 (SI), Z17; \
	VMOVD (DX), X18; \
	VPUNPCKLWD X18, X18, X18; \
	VMOVD (R8), X23; \
	VPUNPCKLWD X23, X23, X23; \
	VPUNPCKLQDQ X23, X18, X18; \
	STEP_W2_BODY

// STEP_W2_G32 is STEP_W2 on rows of 128 values in four groups of 32: the
// two rows' eight scales and eight mins converted at once and spread by
// SETUP_W2_G32's index tables (lanes 2g, 2g+1 of either row: group g).
#define STEP_W2_G32 \
	VMOVDQU32 (SI), Z17; \
	VMOVDQU32 (DX), X18; \
	VINSERTI32X4 $1, (R8), Y18, Y18; \
	VCVTPH2PS Y18, Z18; \
	STEP_W2_SPREAD

// STEP_W2_G16 is STEP_W2 on rows of 128 values in groups of 16, one code
// dword each: the two rows' 16 scales and 16 mins converted in lane order
// (lane l: row l/8, group l%8), no spreading.
#define STEP_W2_G16 \
	VMOVDQU32 (SI), Z17; \
	VCVTPH2PS (DX), Z19; \
	VCVTPH2PS (R8), Z18; \
	VBROADCASTSS (R13), Z22; \
	VBROADCASTSS 4(R13), K1, Z22; \
	STEP_W2_FMAS

// W2_FIELDS(sa, sb): the sixteen fields of the code dwords (Z17), each
// masked in place (the masks at BX) and converted, times the lanes'
// weighted scales into Y_k (Z0-Z15): fields 0-7 times sa, 8-15 times sb
// (the same register but in groups of 8, where a dword holds two groups).
#define W2_FIELDS(sa, sb) \
	VPANDD 0(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sa, Z23, Z0; \
	VPANDD 64(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sa, Z24, Z1; \
	VPANDD 128(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sa, Z23, Z2; \
	VPANDD 192(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sa, Z24, Z3; \
	VPANDD 256(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sa, Z23, Z4; \
	VPANDD 320(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sa, Z24, Z5; \
	VPANDD 384(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sa, Z23, Z6; \
	VPANDD 448(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sa, Z24, Z7; \
	VPANDD 512(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sb, Z23, Z8; \
	VPANDD 576(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sb, Z24, Z9; \
	VPANDD 640(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sb, Z23, Z10; \
	VPANDD 704(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sb, Z24, Z11; \
	VPANDD 768(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sb, Z23, Z12; \
	VPANDD 832(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sb, Z24, Z13; \
	VPANDD 896(BX), Z17, Z23; \
	VCVTUDQ2PS Z23, Z23; \
	VFMADD231PS sb, Z23, Z14; \
	VPANDD 960(BX), Z17, Z24; \
	VCVTUDQ2PS Z24, Z24; \
	VFMADD231PS sb, Z24, Z15

// STEP_W2_G8_FMAS is the rest of STEP_W2_G8 from the weighted scales on:
// the even groups' (Z19) for fields 0-7, the odd groups' (Z25) for 8-15.
#define STEP_W2_G8_FMAS W2_FIELDS(Z19, Z25)

// STEP_W2_G8(WEIGHTS) is STEP_W2 on rows in groups of 8: a code dword
// holds two groups (bytes 0-1: group 2d, fields 0-7; bytes 2-3: group
// 2d+1, fields 8-15), so the vector's 32 scales (and mins), those of its
// two rows of 128 (one row of 256, four rows of 64), are converted and
// split into the even groups' (Z19, Z30) and the odd groups' (Z25, Z18)
// in the dwords' lane order (SETUP_W2_G8's index tables), fields 0-7
// taking the first and 8-15 the second, and w*min summed apart for each
// (Z16, Z27). WEIGHTS loads each lane's row weight into Z22.
#define STEP_W2_G8(WEIGHTS) \
	VMOVDQU32 (SI), Z17; \
	VCVTPH2PS (DX), Z25; \
	VCVTPH2PS 32(DX), Z26; \
	VMOVDQA32 Z28, Z19; \
	VPERMI2PS Z26, Z25, Z19; \
	VPERMT2PS Z26, Z29, Z25; \
	VCVTPH2PS (R8), Z18; \
	VCVTPH2PS 32(R8), Z26; \
	VMOVDQA32 Z28, Z30; \
	VPERMI2PS Z26, Z18, Z30; \
	VPERMT2PS Z26, Z29, Z18; \
	WEIGHTS; \
	VMULPS Z22, Z19, Z19; \
	VMULPS Z22, Z25, Z25; \
	VFMADD231PS Z22, Z30, Z16; \
	VFMADD231PS Z22, Z18, Z27; \
	STEP_W2_G8_FMAS

// SETUP_W2_G8 is SETUP_W2 with the second sum of w*min (Z27) zeroed, the
// even and odd indexes in Z28 and Z29, and the weights' index of rows of
// 64 (lane l: weight l/4) in Z20.
#define SETUP_W2_G8 \
	SETUP_W2; \
	VPXORD Z27, Z27, Z27; \
	VMOVDQU32 ·avx512EvenOddIdx(SB), Z28; \
	VMOVDQU32 ·avx512EvenOddIdx+64(SB), Z29; \
	VMOVDQU32 ·avx512AwIdxS4G32(SB), Z20

// The weights of STEP_W2_G8: two rows of 128 (K1 = 0xff00), one row of
// 256, four rows of 64.
#define W2_WEIGHTS_PAIR \
	VBROADCASTSS (R13), Z22; \
	VBROADCASTSS 4(R13), K1, Z22
#define W2_WEIGHTS_ONE VBROADCASTSS (R13), Z22
#define W2_WEIGHTS_QUAD \
	VMOVUPS (R13), X22; \
	VPERMPS Z22, Z20, Z22

// STEP_W2_BODY is the rest of STEP_W2 from the scale and min words of the
// two rows' groups in X18 on.
#define STEP_W2_BODY \
	VCVTPH2PS X18, Y18; \
	STEP_W2_SPREAD

// STEP_W2_SPREAD is the rest of STEP_W2_BODY from the converted scales and
// mins in Z18 on.
#define STEP_W2_SPREAD \
	VPERMPS Z18, Z20, Z19; \
	VPERMPS Z18, Z21, Z18; \
	VBROADCASTSS (R13), Z22; \
	VBROADCASTSS 4(R13), K1, Z22; \
	STEP_W2_FMAS

// STEP_W2_R64 is STEP_W2 on four rows of 64 values, one per 128-bit lane:
// SCALES loads their scales and mins into Y18 and converts them, which
// SETUP_W2_R64's index tables spread (lane 4r+d: row r, block d/2), and
// each lane takes its own row's weight (Z25: lane l from weight l/4).
#define STEP_W2_R64(SCALES) \
	VMOVDQU32 (SI), Z17; \
	SCALES; \
	VPERMPS Z18, Z20, Z19; \
	VPERMPS Z18, Z21, Z18; \
	VMOVUPS (R13), X22; \
	VPERMPS Z22, Z25, Z22; \
	STEP_W2_FMAS

// The scale and min words of STEP_W2_R64: four each (groups of 64) or
// eight each (groups of 32), converted.
#define SCALES_W2R64_G64 \
	VMOVQ (DX), X18; \
	VPINSRQ $1, (R8), X18, X18; \
	VCVTPH2PS X18, Y18
#define SCALES_W2R64_G32 \
	VMOVDQU32 (DX), X18; \
	VINSERTI32X4 $1, (R8), Y18, Y18; \
	VCVTPH2PS Y18, Z18
#define STEP_W2_R64_G64 STEP_W2_R64(SCALES_W2R64_G64)
#define STEP_W2_R64_G32 STEP_W2_R64(SCALES_W2R64_G32)

// SETUP_W4_R64_G16 is SETUP_W4 with the index tables of rows of 64 in
// groups of 16 (lane l: row l/8's group (l%8)/2) and K1 = 0xff00.
#define SETUP_W4_R64_G16 \
	SETUP_W4; \
	VMOVDQU32 ·avx512AwIdxR64G16(SB), Z26; \
	VMOVDQU32 ·avx512AwIdxR64G16+64(SB), Z27; \
	MOVL $0xff00, R11; \
	KMOVW R11, K1

// STEP_W2_R64_G16 is STEP_W2_R64 on rows of 64 in groups of 16: a row's
// four dwords are its four groups, so the four rows' 16 scales and 16 mins
// are converted in lane order (lane 4r+d), no spreading.
#define STEP_W2_R64_G16 \
	VMOVDQU32 (SI), Z17; \
	VCVTPH2PS (DX), Z19; \
	VCVTPH2PS (R8), Z18; \
	VMOVUPS (R13), X22; \
	VPERMPS Z22, Z25, Z22; \
	STEP_W2_FMAS

#define SETUP_W2_R64_G16 \
	SETUP_W2; \
	VMOVDQU32 ·avx512AwIdxS4G32(SB), Z25

// SETUP_W2_R64_G64 / _G32 are SETUP_W2 with the index tables of rows of 64
// (avx512DotW2R64G64Idx, avx512DotW2R64G32Idx: scales, then mins) and the
// weights' index.
#define SETUP_W2_R64_G64 \
	SETUP_W2; \
	VMOVDQU32 ·avx512DotW2R64G64Idx(SB), Z20; \
	VMOVDQU32 ·avx512DotW2R64G64Idx+64(SB), Z21; \
	VMOVDQU32 ·avx512AwIdxS4G32(SB), Z25
#define SETUP_W2_R64_G32 \
	SETUP_W2; \
	VMOVDQU32 ·avx512DotW2R64G32Idx(SB), Z20; \
	VMOVDQU32 ·avx512DotW2R64G32Idx+64(SB), Z21; \
	VMOVDQU32 ·avx512AwIdxS4G32(SB), Z25

// STEP_W2_FMAS is the rest of STEP_W2_SPREAD from the lanes' weights in
// Z22 on.
#define STEP_W2_FMAS \
	VMULPS Z22, Z19, Z19; \
	VFMADD231PS Z22, Z18, Z16; \
	W2_FIELDS(Z19, Z19)

#define SETUP_W2 \
	VPXORD Z0, Z0, Z0; \
	VPXORD Z1, Z1, Z1; \
	VPXORD Z2, Z2, Z2; \
	VPXORD Z3, Z3, Z3; \
	VPXORD Z4, Z4, Z4; \
	VPXORD Z5, Z5, Z5; \
	VPXORD Z6, Z6, Z6; \
	VPXORD Z7, Z7, Z7; \
	VPXORD Z8, Z8, Z8; \
	VPXORD Z9, Z9, Z9; \
	VPXORD Z10, Z10, Z10; \
	VPXORD Z11, Z11, Z11; \
	VPXORD Z12, Z12, Z12; \
	VPXORD Z13, Z13, Z13; \
	VPXORD Z14, Z14, Z14; \
	VPXORD Z15, Z15, Z15; \
	VPXORD Z16, Z16, Z16; \
	VMOVDQU32 ·avx512AwIdxS2(SB), Z20; \
	VMOVDQU32 ·avx512AwIdxM2(SB), Z21; \
	MOVL      $0xff00, R11;             \
	KMOVW     R11, K1;                  \
	MOVL      $2, R11;                  \
	KMOVW     R11, K4

// SETUP_W2_G32 is SETUP_W2 with the index tables of groups of 32 (lane l:
// scale l/2 and min 8 + l/2 of the two rows' eight groups).
#define SETUP_W2_G32 \
	SETUP_W2; \
	VMOVDQU32 ·avx512AwIdxS2G32(SB), Z20; \
	VMOVDQU32 ·avx512AwIdxM2G32(SB), Z21

// FINISH_W2_MINS(ma, mb) writes the lanes of the 2-bit sums: Y_k * 4^-k
// plus the sum of w*min times the min's factor, ma for fields 0-7 and mb
// for 8-15 (the same register but in groups of 8, where they are the even
// and the odd groups').
#define FINISH_W2_MINS(ma, mb) \
	MOVQ avx512RowArgs_scratch(AX), R9; \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+0(SB), Z0, Z17; VMOVUPS Z17, 0(DI); \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+4(SB), Z1, Z17; VMOVUPS Z17, 64(DI); \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+8(SB), Z2, Z17; VMOVUPS Z17, 128(DI); \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+12(SB), Z3, Z17; VMOVUPS Z17, 192(DI); \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+16(SB), Z4, Z17; VMOVUPS Z17, 256(DI); \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+20(SB), Z5, Z17; VMOVUPS Z17, 320(DI); \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+24(SB), Z6, Z17; VMOVUPS Z17, 384(DI); \
	VMULPS.BCST (R9), ma, Z17; VFMADD231PS.BCST ·avx512Pow4+28(SB), Z7, Z17; VMOVUPS Z17, 448(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+32(SB), Z8, Z17; VMOVUPS Z17, 512(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+36(SB), Z9, Z17; VMOVUPS Z17, 576(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+40(SB), Z10, Z17; VMOVUPS Z17, 640(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+44(SB), Z11, Z17; VMOVUPS Z17, 704(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+48(SB), Z12, Z17; VMOVUPS Z17, 768(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+52(SB), Z13, Z17; VMOVUPS Z17, 832(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+56(SB), Z14, Z17; VMOVUPS Z17, 896(DI); \
	VMULPS.BCST (R9), mb, Z17; VFMADD231PS.BCST ·avx512Pow4+60(SB), Z15, Z17; VMOVUPS Z17, 960(DI); \

#define FINISH_W2 FINISH_W2_MINS(Z16, Z16)

// FINISH_W2_G8 is FINISH_W2 with fields 8-15 taking the second sum of
// w*min (Z27, the odd groups').
#define FINISH_W2_G8 FINISH_W2_MINS(Z16, Z27)


#define NAME ·avx512AddWeightedRow128W4G64X1
#define SETUP SETUP_W4
#define STEP STEP_W4
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 4
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W2G64X1
#define SETUP SETUP_W2
#define STEP STEP_W2
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 8
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W4G128X1
#define SETUP SETUP_W4
#define STEP STEP_W4_G128
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 2
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W2G128X1
#define SETUP SETUP_W2
#define STEP STEP_W2_G128
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 4
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W4G32X1
#define SETUP SETUP_W4_G32
#define STEP STEP_W4_G32
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 8
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W4G16X1
#define SETUP SETUP_W4_G16
#define STEP STEP_W4_G16
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 16
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W2G16X1
#define SETUP SETUP_W2
#define STEP STEP_W2_G16
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 32
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W2G32X1
#define SETUP SETUP_W2_G32
#define STEP STEP_W2_G32
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 16
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W4G64X1
#define SETUP SETUP_W4_R64_G64
#define STEP STEP_W4_R64_G64
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 4
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W4G32X1
#define SETUP SETUP_W4_R64_G32
#define STEP STEP_W4_R64_G32
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 8
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W2G64X1
#define SETUP SETUP_W2_R64_G64
#define STEP STEP_W2_R64_G64
#define STEPROWS 4
#define STEPSHIFT 2
#define STEPBYTES 64
#define STEPSCALES 8
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W2G32X1
#define SETUP SETUP_W2_R64_G32
#define STEP STEP_W2_R64_G32
#define STEPROWS 4
#define STEPSHIFT 2
#define STEPBYTES 64
#define STEPSCALES 16
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

// The 4-bit kernels on one half of rows of 256 values (head dimension
// 256): the kernels of rows of 128 with the rows 128 bytes apart, their
// scales and mins 8, 4, 2 or 1 groups apart (the caller points SI, DX and
// R8 at the half's first code byte and group; a half of a row in one group
// of 256 reads the row's scale as one group of 128).

#define NAME ·avx512AddWeightedRow256W4G32X1
#define SETUP SETUP_W4_G32
#define STEP STEP_W4_G32
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 128
#define STEPSCALES 16
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W4G64X1
#define SETUP SETUP_W4
#define STEP STEP_W4
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 128
#define STEPSCALES 8
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W4G128X1
#define SETUP SETUP_W4
#define STEP STEP_W4_G128
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 128
#define STEPSCALES 4
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W4G256X1
#define SETUP SETUP_W4
#define STEP STEP_W4_G128
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 128
#define STEPSCALES 2
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

// The 2-bit kernels on rows of 256 values: a row is one vector, which the
// kernels of rows of 128 take as two rows (lanes 0-7 and 8-15), so each
// step takes one row, its halves' scales and mins laid out as two rows'
// of 128 (a group of 256: the row's scale and min four times, as two
// groups per half), and both halves take the row's one weight
// (STEP_W2_SPREAD1). The caller adds lanes 8-15 into the second half of y.
#define STEP_W2_SPREAD1 \
	VPERMPS Z18, Z20, Z19; \
	VPERMPS Z18, Z21, Z18; \
	VBROADCASTSS (R13), Z22; \
	STEP_W2_FMAS

#define STEP_W2_R256_G16 \
	VMOVDQU32 (SI), Z17; \
	VCVTPH2PS (DX), Z19; \
	VCVTPH2PS (R8), Z18; \
	STEP_W2_SPREAD1_W

// STEP_W2_SPREAD1_W is the rest of STEP_W2_SPREAD1 after the spread (the
// scales and mins already in lane order): the row's weight, the FMAs.
#define STEP_W2_SPREAD1_W \
	VBROADCASTSS (R13), Z22; \
	STEP_W2_FMAS

#define STEP_W2_R256_G32 \
	VMOVDQU32 (SI), Z17; \
	VMOVDQU32 (DX), X18; \
	VINSERTI32X4 $1, (R8), Y18, Y18; \
	VCVTPH2PS Y18, Z18; \
	STEP_W2_SPREAD1

#define STEP_W2_R256_G64 \
	VMOVDQU32 (SI), Z17; \
	VMOVQ (DX), X18; \
	VPBROADCASTQ (R8), K4, X18; \
	VCVTPH2PS X18, Y18; \
	STEP_W2_SPREAD1

#define STEP_W2_R256_G128 \
	VMOVDQU32 (SI), Z17; \
	VMOVD (DX), X18; \
	VPUNPCKLWD X18, X18, X18; \
	VMOVD (R8), X23; \
	VPUNPCKLWD X23, X23, X23; \
	VPUNPCKLQDQ X23, X18, X18; \
	VCVTPH2PS X18, Y18; \
	STEP_W2_SPREAD1

#define STEP_W2_R256_G256 \
	VMOVDQU32 (SI), Z17; \
	VPBROADCASTW (DX), X18; \
	VPBROADCASTW (R8), X23; \
	VPUNPCKLQDQ X23, X18, X18; \
	VCVTPH2PS X18, Y18; \
	STEP_W2_SPREAD1

#define NAME ·avx512AddWeightedRow256W2G32X1
#define SETUP SETUP_W2_G32
#define STEP STEP_W2_R256_G32
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 16
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W2G64X1
#define SETUP SETUP_W2
#define STEP STEP_W2_R256_G64
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 8
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W2G128X1
#define SETUP SETUP_W2
#define STEP STEP_W2_R256_G128
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 4
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W2G256X1
#define SETUP SETUP_W2
#define STEP STEP_W2_R256_G256
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 2
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W2G16X1
#define SETUP SETUP_W2
#define STEP STEP_W2_R256_G16
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 32
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W4G16X1
#define SETUP SETUP_W4_G16
#define STEP STEP_W4_G16
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 128
#define STEPSCALES 32
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W4G16X1
#define SETUP SETUP_W4_R64_G16
#define STEP STEP_W4_R64_G16
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 16
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W2G16X1
#define SETUP SETUP_W2_R64_G16
#define STEP STEP_W2_R64_G16
#define STEPROWS 4
#define STEPSHIFT 2
#define STEPBYTES 64
#define STEPSCALES 32
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

// The 2-bit kernel on rows of 96 values in groups of 32: two rows (24
// bytes each) per vector, loaded under masks into dwords 0-5 of each half
// (K6 = 0x003f, K7 = 0x3f00; dwords 6-7 zero), their 6 scales and 6 mins
// under K5 and spread by the index tables of ·avx512AwIdxW2R96 (dwords 6-7
// take a zero entry). The caller drops the lanes of columns 96-127, which
// hold 0. (In one group of 96 the general kernels are as fast.)
#define SETUP_W2_R96_G32 \
	SETUP_W2;                                \
	VMOVDQU32 ·avx512AwIdxW2R96+0(SB), Z20;  \
	VMOVDQU32 ·avx512AwIdxW2R96+64(SB), Z21; \
	MOVL  $0x003f, R11;                      \
	KMOVW R11, K6;                           \
	MOVL  $0x3f00, R11;                      \
	KMOVW R11, K7;                           \
	MOVL  $0x003f, R11;                      \
	KMOVW R11, K5

#define STEP_W2_R96 \
	VMOVDQU32.Z  (SI), K6, Z17;        \
	VMOVDQU32    -8(SI), K7, Z17;      \
	VMOVDQU16.Z  (DX), K5, X18;        \
	VMOVDQU16.Z  (R8), K5, X23;        \
	VINSERTI32X4 $1, X23, Y18, Y18;    \
	VCVTPH2PS    Y18, Z18;             \
	STEP_W2_SPREAD

#define NAME ·avx512AddWeightedRow96W2G32X1
#define SETUP SETUP_W2_R96_G32
#define STEP STEP_W2_R96
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 48
#define STEPSCALES 12
#define FINISH FINISH_W2
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W4G8X1
#define SETUP SETUP_W4
#define STEP STEP_W4_G8
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 32
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W4G8X1
#define SETUP SETUP_W4
#define STEP STEP_W4_G8
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 128
#define STEPSCALES 64
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W4G8X1
#define SETUP SETUP_W4_R64_G64
#define STEP STEP_W4_R64_G8
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 32
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow96W4G8X1
#define SETUP SETUP_W4_MASKED(0x0fff)
#define STEP STEP_W4_MASKED_G8
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 48
#define STEPSCALES 24
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow80W4G8X1
#define SETUP SETUP_W4_MASKED(0x03ff)
#define STEP STEP_W4_MASKED_G8
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 40
#define STEPSCALES 20
#define FINISH FINISH_W4
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow128W2G8X1
#define SETUP SETUP_W2_G8
#define STEP STEP_W2_G8(W2_WEIGHTS_PAIR)
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 64
#define STEPSCALES 64
#define FINISH FINISH_W2_G8
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow256W2G8X1
#define SETUP SETUP_W2_G8
#define STEP STEP_W2_G8(W2_WEIGHTS_ONE)
#define STEPROWS 1
#define STEPSHIFT 0
#define STEPBYTES 64
#define STEPSCALES 64
#define FINISH FINISH_W2_G8
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow64W2G8X1
#define SETUP SETUP_W2_G8
#define STEP STEP_W2_G8(W2_WEIGHTS_QUAD)
#define STEPROWS 4
#define STEPSHIFT 2
#define STEPBYTES 64
#define STEPSCALES 64
#define FINISH FINISH_W2_G8
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

// The 2-bit kernels on rows of 96 and 80 values in groups of 8: two rows
// per vector, loaded under masks into dwords 0-5 (0-4) of each half (K6,
// K7), as the kernel of rows of 96 in groups of 32 does; the two rows' 24
// (20) scales and mins loaded under a mask (K5 for the words past the
// first 16), converted and split into the even and the odd groups' in the
// dwords' lanes by the shape's index tables (Z28, Z29), the lanes beyond
// the rows zeroed (K3). The rest is STEP_W2_G8's. The caller drops the
// lanes of columns 96 (80) and up, which hold 0.
#define STEP_W2_G8_R(rowb) \
	VMOVDQU32.Z (SI), K6, Z17; \
	VMOVDQU32 rowb(SI), K7, Z17; \
	VMOVDQU16 (DX), Y21; \
	VMOVDQU16.Z 32(DX), K5, Y31; \
	VCVTPH2PS Y21, Z25; \
	VCVTPH2PS Y31, Z26; \
	VMOVDQA32 Z28, Z19; \
	VPERMI2PS.Z Z26, Z25, K3, Z19; \
	VPERMT2PS.Z Z26, Z29, K3, Z25; \
	VMOVDQU16 (R8), Y21; \
	VMOVDQU16.Z 32(R8), K5, Y31; \
	VCVTPH2PS Y21, Z18; \
	VCVTPH2PS Y31, Z26; \
	VMOVDQA32 Z28, Z30; \
	VPERMI2PS.Z Z26, Z18, K3, Z30; \
	VPERMT2PS.Z Z26, Z29, K3, Z18; \
	W2_WEIGHTS_PAIR; \
	VMULPS Z22, Z19, Z19; \
	VMULPS Z22, Z25, Z25; \
	VFMADD231PS Z22, Z30, Z16; \
	VFMADD231PS Z22, Z18, Z27; \
	STEP_W2_G8_FMAS

// SETUP_W2_G8_R(idx, codes, words) is SETUP_W2 with the second sum of
// w*min zeroed, the shape's index tables, K6 and K7 the code dwords of the
// two rows (codes, codes<<8), K5 the scale words past the first 16
// (words), K3 the lanes that hold a row's dword.
#define SETUP_W2_G8_R(idx, codes, words) \
	SETUP_W2; \
	VPXORD Z27, Z27, Z27; \
	VMOVDQU32 idx(SB), Z28; \
	VMOVDQU32 idx+64(SB), Z29; \
	MOVL $codes, R11; \
	KMOVW R11, K6; \
	SHLL $8, R11; \
	KMOVW R11, K7; \
	ORL $codes, R11; \
	KMOVW R11, K3; \
	MOVL $words, R11; \
	KMOVW R11, K5

#define NAME ·avx512AddWeightedRow96W2G8X1
#define SETUP SETUP_W2_G8_R(·avx512AwIdxW2R96G8, 0x3f, 0xff)
#define STEP STEP_W2_G8_R(-8)
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 48
#define STEPSCALES 48
#define FINISH FINISH_W2_G8
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH

#define NAME ·avx512AddWeightedRow80W2G8X1
#define SETUP SETUP_W2_G8_R(·avx512AwIdxW2R80G8, 0x1f, 0x0f)
#define STEP STEP_W2_G8_R(-12)
#define STEPROWS 2
#define STEPSHIFT 1
#define STEPBYTES 40
#define STEPSCALES 40
#define FINISH FINISH_W2_G8
#include "avx512_addweighted_row_amd64.h"
#undef NAME
#undef SETUP
#undef STEP
#undef STEPROWS
#undef STEPSHIFT
#undef STEPBYTES
#undef STEPSCALES
#undef FINISH
