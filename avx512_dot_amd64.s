//go:build gc && !purego

// Dot for code formats whose group is a multiple of 32: the general kernels
// (one function per code width and number of query rows, 1, 2 or 4; body
// avx512_dot_amd64.h) and the row kernels of 2- and 4-bit codes on rows of
// 64, 96, 128 and 256 values (bodies avx512_dot_row*_amd64.h; 2-bit codes
// on rows of 64, 128 and 256 only in groups of 8 and 16, the pair kernels,
// avx512_dotpairs_amd64.s, taking the larger groups). fp16 and float32
// rows: avx512_float_amd64.s.

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"


#define FMA_X(acc, xa, j) \
	VFMADD231PS xa(0), Z8, acc; \
	VFMADD231PS xa(64), Z9, acc
#define FLUSH(acc, xa, j) \
	REDUCE16(R13, j*1024, Z12); \
	VMOVUPS Z12, K1, (R10);     \
	ADDQ    R11, R10


#define NAME ·avx512DotW2X1
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORX FORX1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW2X2
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORX FORX2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW2X4
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORX FORX4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW3X1
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORX FORX1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW3X2
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORX FORX2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW3X4
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORX FORX4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW4X1
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORX FORX1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW4X2
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORX FORX2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW4X4
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORX FORX4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW5X1
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORX FORX1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW5X2
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORX FORX2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW5X4
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORX FORX4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW6X1
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORX FORX1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW6X2
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORX FORX2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW6X4
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORX FORX4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW7X1
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORX FORX1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW7X2
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORX FORX2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW7X4
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORX FORX4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW8X1
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORX FORX1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW8X2
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORX FORX2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

#define NAME ·avx512DotW8X4
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORX FORX4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORX

// Dot row kernels: 4-bit codes, rows of 128 values in groups of 64, four
// rows at a time (see avx512_dot_row_amd64.h).


// The four rows' scales and mins (MREG) and their group scales (SREG).
#define QUAD_SCALES_CODES \
	VMOVDQU32    (DX), MREGX;                          \
	VINSERTI32X4 $1, (R8), MREGY, MREGY;               \
	VPSHUFB      ·avx512QuadMinShuf(SB), MREGY, MREGY; \
	VCVTPH2PS    MREGY, MREG;                          \
	VMOVDQU32    ·avx512QuadScaleIdx(SB), SREG;        \
	VPERMPS      MREG, SREG, SREG


// QUAD_SCALES_CODES_DUP is QUAD_SCALES_CODES for rows of 128 values in one
// group: each row's scale and min (8 bytes of each for four rows)
// duplicated, as if the row's halves were two groups with its scale and
// min, and DX and R8 stepped back by 8 (QUAD_ROWS_NEXT steps them by 16).
// T1X is T1's low 128 bits.
#define QUAD_SCALES_CODES_DUP \
	VMOVQ        (DX), MREGX;                          \
	VPUNPCKLWD   MREGX, MREGX, MREGX;                  \
	VMOVQ        (R8), T1X;                            \
	VPUNPCKLWD   T1X, T1X, T1X;                        \
	VINSERTI32X4 $1, T1X, MREGY, MREGY;                \
	VPSHUFB      ·avx512QuadMinShuf(SB), MREGY, MREGY; \
	VCVTPH2PS    MREGY, MREG;                          \
	VMOVDQU32    ·avx512QuadScaleIdx(SB), SREG;        \
	VPERMPS      MREG, SREG, SREG;                     \
	SUBQ         $8, DX;                               \
	SUBQ         $8, R8

// Per query row: combine the four rows, scale (SREG), add the shift term
// (the rows' mins in MREG's lanes 8-15 times the query row's sums, under
// the mask K4 = 0xff00, so that the rows' scales in lanes 0-7, one of them
// perhaps Inf or NaN, give 0 and not 0*Inf in another row's lane), park.
// Scratch: T1-T4.
#define QUAD_OUT_CODES(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);        \
	COMBINE_F(a2, a3, T4, T1, T2);        \
	COMBINE_F(T3, T4, T3, T1, T2);        \
	VMULPS.Z    (j*64)(R9), MREG, K4, T4; \
	VFMADD231PS SREG, T3, T4;             \
	VMOVUPS     T4, (j*256)(R13)(R14*1)


// QUAD_CODES loads the codes of four rows, at offsets o0-o3 from SI, into
// Z24-Z27 for the QUADXn_BODY macros.
#define QUAD_CODES(o0, o1, o2, o3) \
	VMOVDQU32 o0(SI), Z24; \
	VMOVDQU32 o1(SI), Z25; \
	VMOVDQU32 o2(SI), Z26; \
	VMOVDQU32 o3(SI), Z27

// The rows' work: the codes of row r, then per nibble k the mask, the
// conversion and one multiply-add per query row. The accumulator of query
// row j and row r is ACCj(r).
#define ACC0(r) Z(r)
// Four rows, nibble-major so that the multiply-adds into one
// accumulator are spread out.
#define QUADX1 QUAD_CODES(0, 64, 128, 192); QUADX1_BODY
#define QUADX1_BODY \
	VPANDD Z16, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS Z4, Z28, Z0; \
	VPANDD Z16, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS Z4, Z29, Z1; \
	VPANDD Z16, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS Z4, Z28, Z2; \
	VPANDD Z16, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS Z4, Z29, Z3; \
	VPANDD Z17, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z5, Z28, Z0; \
	VPANDD Z17, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z5, Z29, Z1; \
	VPANDD Z17, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z5, Z28, Z2; \
	VPANDD Z17, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z5, Z29, Z3; \
	VPANDD Z18, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z6, Z28, Z0; \
	VPANDD Z18, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z6, Z29, Z1; \
	VPANDD Z18, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z6, Z28, Z2; \
	VPANDD Z18, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z6, Z29, Z3; \
	VPANDD Z19, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z7, Z28, Z0; \
	VPANDD Z19, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z7, Z29, Z1; \
	VPANDD Z19, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z7, Z28, Z2; \
	VPANDD Z19, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z7, Z29, Z3; \
	VPANDD Z20, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z8, Z28, Z0; \
	VPANDD Z20, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z8, Z29, Z1; \
	VPANDD Z20, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z8, Z28, Z2; \
	VPANDD Z20, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z8, Z29, Z3; \
	VPANDD Z21, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z9, Z28, Z0; \
	VPANDD Z21, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z9, Z29, Z1; \
	VPANDD Z21, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z9, Z28, Z2; \
	VPANDD Z21, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z9, Z29, Z3; \
	VPANDD Z22, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z10, Z28, Z0; \
	VPANDD Z22, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z10, Z29, Z1; \
	VPANDD Z22, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z10, Z28, Z2; \
	VPANDD Z22, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z10, Z29, Z3; \
	VPANDD Z23, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z11, Z28, Z0; \
	VPANDD Z23, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z11, Z29, Z1; \
	VPANDD Z23, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS Z11, Z28, Z2; \
	VPANDD Z23, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z11, Z29, Z3

#define QUADX2 QUAD_CODES(0, 64, 128, 192); QUADX2_BODY
#define QUADX2_BODY \
	VPANDD Z16, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 0(BX), Z28, Z0; \
	VMULPS 512(BX), Z28, Z4; \
	VPANDD Z16, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS 0(BX), Z29, Z1; \
	VMULPS 512(BX), Z29, Z5; \
	VPANDD Z16, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 0(BX), Z28, Z2; \
	VMULPS 512(BX), Z28, Z6; \
	VPANDD Z16, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS 0(BX), Z29, Z3; \
	VMULPS 512(BX), Z29, Z7; \
	VPANDD Z17, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 64(BX), Z28, Z0; \
	VFMADD231PS 576(BX), Z28, Z4; \
	VPANDD Z17, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 64(BX), Z29, Z1; \
	VFMADD231PS 576(BX), Z29, Z5; \
	VPANDD Z17, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 64(BX), Z28, Z2; \
	VFMADD231PS 576(BX), Z28, Z6; \
	VPANDD Z17, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 64(BX), Z29, Z3; \
	VFMADD231PS 576(BX), Z29, Z7; \
	VPANDD Z18, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 128(BX), Z28, Z0; \
	VFMADD231PS 640(BX), Z28, Z4; \
	VPANDD Z18, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 128(BX), Z29, Z1; \
	VFMADD231PS 640(BX), Z29, Z5; \
	VPANDD Z18, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 128(BX), Z28, Z2; \
	VFMADD231PS 640(BX), Z28, Z6; \
	VPANDD Z18, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 128(BX), Z29, Z3; \
	VFMADD231PS 640(BX), Z29, Z7; \
	VPANDD Z19, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 192(BX), Z28, Z0; \
	VFMADD231PS 704(BX), Z28, Z4; \
	VPANDD Z19, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 192(BX), Z29, Z1; \
	VFMADD231PS 704(BX), Z29, Z5; \
	VPANDD Z19, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 192(BX), Z28, Z2; \
	VFMADD231PS 704(BX), Z28, Z6; \
	VPANDD Z19, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 192(BX), Z29, Z3; \
	VFMADD231PS 704(BX), Z29, Z7; \
	VPANDD Z20, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 256(BX), Z28, Z0; \
	VFMADD231PS 768(BX), Z28, Z4; \
	VPANDD Z20, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 256(BX), Z29, Z1; \
	VFMADD231PS 768(BX), Z29, Z5; \
	VPANDD Z20, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 256(BX), Z28, Z2; \
	VFMADD231PS 768(BX), Z28, Z6; \
	VPANDD Z20, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 256(BX), Z29, Z3; \
	VFMADD231PS 768(BX), Z29, Z7; \
	VPANDD Z21, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 320(BX), Z28, Z0; \
	VFMADD231PS 832(BX), Z28, Z4; \
	VPANDD Z21, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 320(BX), Z29, Z1; \
	VFMADD231PS 832(BX), Z29, Z5; \
	VPANDD Z21, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 320(BX), Z28, Z2; \
	VFMADD231PS 832(BX), Z28, Z6; \
	VPANDD Z21, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 320(BX), Z29, Z3; \
	VFMADD231PS 832(BX), Z29, Z7; \
	VPANDD Z22, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 384(BX), Z28, Z0; \
	VFMADD231PS 896(BX), Z28, Z4; \
	VPANDD Z22, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 384(BX), Z29, Z1; \
	VFMADD231PS 896(BX), Z29, Z5; \
	VPANDD Z22, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 384(BX), Z28, Z2; \
	VFMADD231PS 896(BX), Z28, Z6; \
	VPANDD Z22, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 384(BX), Z29, Z3; \
	VFMADD231PS 896(BX), Z29, Z7; \
	VPANDD Z23, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 448(BX), Z28, Z0; \
	VFMADD231PS 960(BX), Z28, Z4; \
	VPANDD Z23, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 448(BX), Z29, Z1; \
	VFMADD231PS 960(BX), Z29, Z5; \
	VPANDD Z23, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 448(BX), Z28, Z2; \
	VFMADD231PS 960(BX), Z28, Z6; \
	VPANDD Z23, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 448(BX), Z29, Z3; \
	VFMADD231PS 960(BX), Z29, Z7


// One field of QUADX4: the field's mask (from the table after the x
// tables) loaded once, the four rows' nibbles masked and converted into
// Z16-Z19, then each query row's x table for the field loaded once (into
// Z20-Z23) for the four rows' multiply-adds (op: VMULPS for the first
// field, VFMADD231PS after it). 5 loads per field and four rows, not 16.
#define FIELDX4(op, mask, x0, x1, x2, x3) \
	VMOVDQU32 mask(BX), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VPANDD Z30, Z27, Z19; \
	VCVTUDQ2PS Z19, Z19; \
	MULX4(op, x0, x1, x2, x3)

// Four query rows, four rows (Z24-Z27): the eight fields.
#define QUADX4 QUAD_CODES(0, 64, 128, 192); QUADX4_BODY
#define QUADX4_BODY \
	FIELDX4(VMULPS, 2048, 0, 512, 1024, 1536); \
	FIELDX4(VFMADD231PS, 2112, 64, 576, 1088, 1600); \
	FIELDX4(VFMADD231PS, 2176, 128, 640, 1152, 1664); \
	FIELDX4(VFMADD231PS, 2240, 192, 704, 1216, 1728); \
	FIELDX4(VFMADD231PS, 2304, 256, 768, 1280, 1792); \
	FIELDX4(VFMADD231PS, 2368, 320, 832, 1344, 1856); \
	FIELDX4(VFMADD231PS, 2432, 384, 896, 1408, 1920); \
	FIELDX4(VFMADD231PS, 2496, 448, 960, 1472, 1984)

// Four query rows: the x tables and masks stay in memory, each loaded once
// per field and four rows (QUADX4). Nothing needs setting up; loading
// query row 0's first table keeps the macro non-empty.
#define SETUP_X4 \
	VMOVUPS 0(BX), Z20; \

#define SETUP_X1 \
	SETUP_MASKS; \
	X_TABLES8


#define NAME ·avx512DotRow128W4G64X1
#define MREG Z26
#define MREGX X26
#define MREGY Y26
#define SREG Z27
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_X1
#define QUAD QUADX1
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES
#define FORX ROWFORX1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef MREGX
#undef MREGY
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef FORX

#define NAME ·avx512DotRow128W4G64X2
#define MREG Z26
#define MREGX X26
#define MREGY Y26
#define SREG Z27
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define QUAD QUADX2
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES
#define FORX ROWFORX2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef MREGX
#undef MREGY
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef FORX

#define NAME ·avx512DotRow128W4G64X4
#define MREG Z24
#define MREGX X24
#define MREGY Y24
#define SREG Z25
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_X4
#define QUAD QUADX4
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES
#define FORX ROWFORX4
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef MREGX
#undef MREGY
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef FORX

// The 4-bit Dot row kernels on rows of 128 values in one group: the
// kernels of two groups of 64 with each row's scale and min duplicated
// (QUAD_SCALES_CODES_DUP).

#define NAME ·avx512DotRow128W4G128X1
#define MREG Z26
#define MREGX X26
#define MREGY Y26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_X1
#define QUAD QUADX1
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES_DUP
#define FORX ROWFORX1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef MREGX
#undef MREGY
#undef SREG
#undef T1
#undef T1X
#undef T2
#undef T3
#undef T4
#undef FORX

#define NAME ·avx512DotRow128W4G128X2
#define MREG Z26
#define MREGX X26
#define MREGY Y26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define QUAD QUADX2
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES_DUP
#define FORX ROWFORX2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef MREGX
#undef MREGY
#undef SREG
#undef T1
#undef T1X
#undef T2
#undef T3
#undef T4
#undef FORX

#define NAME ·avx512DotRow128W4G128X4
#define MREG Z24
#define MREGX X24
#define MREGY Y24
#define SREG Z25
#define T1 Z26
#define T1X X26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_X4
#define QUAD QUADX4
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES_DUP
#define FORX ROWFORX4
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef MREGX
#undef MREGY
#undef SREG
#undef T1
#undef T1X
#undef T2
#undef T3
#undef T4
#undef FORX

// The 4-bit Dot row kernels on rows of 128 values in four groups of 32
// (ggml's block): the kernels of two groups of 64, whose K (lane 4L+r:
// row r's partial over 128-bit lane L, 32 values) is then one group per
// lane, so that each lane gets its own scale and its own shift term.

// QUAD_SCALES_G32 loads the four rows' 16 scales into SREG and their 16
// mins (the scales again when symmetric) into MREG, both transposed to K's
// layout (lane 4L+r: row r, group L), and steps DX and R8 by 16 bytes more
// than QUAD_ROWS_NEXT does. Scratch: T1.
#define QUAD_SCALES_G32 \
	VMOVDQU32 ·avx512QuadG32Idx(SB), SREG; \
	VMOVDQA32 SREG, MREG;                  \
	VCVTPH2PS (DX), T1;                    \
	VPERMPS   T1, SREG, SREG;              \
	VCVTPH2PS (R8), T1;                    \
	VPERMPS   T1, MREG, MREG;              \
	ADDQ      $16, DX;                     \
	ADDQ      $16, R8

// Per query row: combine the four rows into K, F = K * S + mins * the
// query row's group sums (table R9, lane 4L+r: group L's sum, times
// -2^(Bits-1) when symmetric), park. A lane's scale and min are its own
// row's, so no mask is needed. Scratch: T1-T4.
#define QUAD_OUT_G32(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2); \
	COMBINE_F(a2, a3, T4, T1, T2); \
	COMBINE_F(T3, T4, T3, T1, T2); \
	VMULPS      (j*64)(R9), MREG, T4; \
	VFMADD231PS SREG, T3, T4;      \
	VMOVUPS     T4, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow128W4G32X1
#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_X1
#define QUAD QUADX1
#define QUAD_OUT QUAD_OUT_G32
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G32
#define FORX ROWFORX1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef FORX

#define NAME ·avx512DotRow128W4G32X2
#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define QUAD QUADX2
#define QUAD_OUT QUAD_OUT_G32
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G32
#define FORX ROWFORX2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef FORX

#define NAME ·avx512DotRow128W4G32X4
#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_X4
#define QUAD QUADX4
#define QUAD_OUT QUAD_OUT_G32
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G32
#define FORX ROWFORX4
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef MREG
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef FORX

// The bodies of the 2-bit Dot row kernels of rows of 128 values in groups
// of 16, and of rows of 256 in groups of 16 (further on; the pair kernels,
// avx512_dotpairs_amd64.s, take the groups of 32 and more): two rows (32
// bytes each) per vector, lanes 0-7 and 8-15. Field k (0-15) of every code
// dword, in place (q*4^k), is looked up by VPERMPS (SETUP_W2TABLES: tables
// in Z16-Z31) from the dword shifted right by 4 per pair of fields, then
// multiplied by x laid out per call in the same lanes and scaled by 4^-k
// (avx512DotRowTables), each query row's x table of a field loaded once
// into a register (Z12-Z15) for both vectors. Accumulators acc01 and acc23
// per query row: Z(2j), Z(2j+1); codes Z8, Z9; fields Z10, Z11.
// Instructions per 32 values (a quarter of a vector's field pairs): 2
// lookups, 0.5 shift, and per query row 2 multiply-adds and 1 load of the
// x table, plus the scaling, combining and parking of the group's
// QUAD_OUT.
// W2A<n>(op, tab, off), W2B<n>(op, tab): one field of the code vector Z8
// (A) or Z9 (B) looked up in the table tab (into Z10, Z11) and multiplied
// (op: VMULPS for the first field, then VFMADD231PS) into the accumulators
// of n query rows by the field's x tables at off(BX) (query row j at
// off+1024j), which A loads once into Z12-Z15 for both vectors.
#define W2A1(op, tab, off) \
	VPERMPS tab, Z8, Z10; \
	VMOVUPS off(BX), Z12; \
	op      Z12, Z10, Z0

#define W2B1(op, tab) \
	VPERMPS tab, Z9, Z11; \
	op      Z12, Z11, Z1

#define W2A2(op, tab, off) \
	VPERMPS tab, Z8, Z10;        \
	VMOVUPS off(BX), Z12;        \
	op      Z12, Z10, Z0;        \
	VMOVUPS (off+1024)(BX), Z13; \
	op      Z13, Z10, Z2

#define W2B2(op, tab) \
	VPERMPS tab, Z9, Z11; \
	op      Z12, Z11, Z1; \
	op      Z13, Z11, Z3

#define W2A4(op, tab, off) \
	VPERMPS tab, Z8, Z10;        \
	VMOVUPS off(BX), Z12;        \
	op      Z12, Z10, Z0;        \
	VMOVUPS (off+1024)(BX), Z13; \
	op      Z13, Z10, Z2;        \
	VMOVUPS (off+2048)(BX), Z14; \
	op      Z14, Z10, Z4;        \
	VMOVUPS (off+3072)(BX), Z15; \
	op      Z15, Z10, Z6

#define W2B4(op, tab) \
	VPERMPS tab, Z9, Z11; \
	op      Z12, Z11, Z1; \
	op      Z13, Z11, Z3; \
	op      Z14, Z11, Z5; \
	op      Z15, Z11, Z7

#define QUADW2X1 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	W2A1(VMULPS, Z16, 0); \
	W2B1(VMULPS, Z16); \
	W2A1(VFMADD231PS, Z17, 64); \
	W2B1(VFMADD231PS, Z17); \
	VPSRLD $4, Z8, Z8; \
	W2A1(VFMADD231PS, Z18, 128); \
	VPSRLD $4, Z9, Z9; \
	W2B1(VFMADD231PS, Z18); \
	W2A1(VFMADD231PS, Z19, 192); \
	W2B1(VFMADD231PS, Z19); \
	VPSRLD $4, Z8, Z8; \
	W2A1(VFMADD231PS, Z20, 256); \
	VPSRLD $4, Z9, Z9; \
	W2B1(VFMADD231PS, Z20); \
	W2A1(VFMADD231PS, Z21, 320); \
	W2B1(VFMADD231PS, Z21); \
	VPSRLD $4, Z8, Z8; \
	W2A1(VFMADD231PS, Z22, 384); \
	VPSRLD $4, Z9, Z9; \
	W2B1(VFMADD231PS, Z22); \
	W2A1(VFMADD231PS, Z23, 448); \
	W2B1(VFMADD231PS, Z23); \
	VPSRLD $4, Z8, Z8; \
	W2A1(VFMADD231PS, Z24, 512); \
	VPSRLD $4, Z9, Z9; \
	W2B1(VFMADD231PS, Z24); \
	W2A1(VFMADD231PS, Z25, 576); \
	W2B1(VFMADD231PS, Z25); \
	VPSRLD $4, Z8, Z8; \
	W2A1(VFMADD231PS, Z26, 640); \
	VPSRLD $4, Z9, Z9; \
	W2B1(VFMADD231PS, Z26); \
	W2A1(VFMADD231PS, Z27, 704); \
	W2B1(VFMADD231PS, Z27); \
	VPSRLD $4, Z8, Z8; \
	W2A1(VFMADD231PS, Z28, 768); \
	VPSRLD $4, Z9, Z9; \
	W2B1(VFMADD231PS, Z28); \
	W2A1(VFMADD231PS, Z29, 832); \
	W2B1(VFMADD231PS, Z29); \
	VPSRLD $4, Z8, Z8; \
	W2A1(VFMADD231PS, Z30, 896); \
	VPSRLD $4, Z9, Z9; \
	W2B1(VFMADD231PS, Z30); \
	W2A1(VFMADD231PS, Z31, 960); \
	W2B1(VFMADD231PS, Z31)

#define QUADW2X2 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	W2A2(VMULPS, Z16, 0); \
	W2B2(VMULPS, Z16); \
	W2A2(VFMADD231PS, Z17, 64); \
	W2B2(VFMADD231PS, Z17); \
	VPSRLD $4, Z8, Z8; \
	W2A2(VFMADD231PS, Z18, 128); \
	VPSRLD $4, Z9, Z9; \
	W2B2(VFMADD231PS, Z18); \
	W2A2(VFMADD231PS, Z19, 192); \
	W2B2(VFMADD231PS, Z19); \
	VPSRLD $4, Z8, Z8; \
	W2A2(VFMADD231PS, Z20, 256); \
	VPSRLD $4, Z9, Z9; \
	W2B2(VFMADD231PS, Z20); \
	W2A2(VFMADD231PS, Z21, 320); \
	W2B2(VFMADD231PS, Z21); \
	VPSRLD $4, Z8, Z8; \
	W2A2(VFMADD231PS, Z22, 384); \
	VPSRLD $4, Z9, Z9; \
	W2B2(VFMADD231PS, Z22); \
	W2A2(VFMADD231PS, Z23, 448); \
	W2B2(VFMADD231PS, Z23); \
	VPSRLD $4, Z8, Z8; \
	W2A2(VFMADD231PS, Z24, 512); \
	VPSRLD $4, Z9, Z9; \
	W2B2(VFMADD231PS, Z24); \
	W2A2(VFMADD231PS, Z25, 576); \
	W2B2(VFMADD231PS, Z25); \
	VPSRLD $4, Z8, Z8; \
	W2A2(VFMADD231PS, Z26, 640); \
	VPSRLD $4, Z9, Z9; \
	W2B2(VFMADD231PS, Z26); \
	W2A2(VFMADD231PS, Z27, 704); \
	W2B2(VFMADD231PS, Z27); \
	VPSRLD $4, Z8, Z8; \
	W2A2(VFMADD231PS, Z28, 768); \
	VPSRLD $4, Z9, Z9; \
	W2B2(VFMADD231PS, Z28); \
	W2A2(VFMADD231PS, Z29, 832); \
	W2B2(VFMADD231PS, Z29); \
	VPSRLD $4, Z8, Z8; \
	W2A2(VFMADD231PS, Z30, 896); \
	VPSRLD $4, Z9, Z9; \
	W2B2(VFMADD231PS, Z30); \
	W2A2(VFMADD231PS, Z31, 960); \
	W2B2(VFMADD231PS, Z31)

#define QUADW2X4 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	W2A4(VMULPS, Z16, 0); \
	W2B4(VMULPS, Z16); \
	W2A4(VFMADD231PS, Z17, 64); \
	W2B4(VFMADD231PS, Z17); \
	VPSRLD $4, Z8, Z8; \
	W2A4(VFMADD231PS, Z18, 128); \
	VPSRLD $4, Z9, Z9; \
	W2B4(VFMADD231PS, Z18); \
	W2A4(VFMADD231PS, Z19, 192); \
	W2B4(VFMADD231PS, Z19); \
	VPSRLD $4, Z8, Z8; \
	W2A4(VFMADD231PS, Z20, 256); \
	VPSRLD $4, Z9, Z9; \
	W2B4(VFMADD231PS, Z20); \
	W2A4(VFMADD231PS, Z21, 320); \
	W2B4(VFMADD231PS, Z21); \
	VPSRLD $4, Z8, Z8; \
	W2A4(VFMADD231PS, Z22, 384); \
	VPSRLD $4, Z9, Z9; \
	W2B4(VFMADD231PS, Z22); \
	W2A4(VFMADD231PS, Z23, 448); \
	W2B4(VFMADD231PS, Z23); \
	VPSRLD $4, Z8, Z8; \
	W2A4(VFMADD231PS, Z24, 512); \
	VPSRLD $4, Z9, Z9; \
	W2B4(VFMADD231PS, Z24); \
	W2A4(VFMADD231PS, Z25, 576); \
	W2B4(VFMADD231PS, Z25); \
	VPSRLD $4, Z8, Z8; \
	W2A4(VFMADD231PS, Z26, 640); \
	VPSRLD $4, Z9, Z9; \
	W2B4(VFMADD231PS, Z26); \
	W2A4(VFMADD231PS, Z27, 704); \
	W2B4(VFMADD231PS, Z27); \
	VPSRLD $4, Z8, Z8; \
	W2A4(VFMADD231PS, Z28, 768); \
	VPSRLD $4, Z9, Z9; \
	W2B4(VFMADD231PS, Z28); \
	W2A4(VFMADD231PS, Z29, 832); \
	W2B4(VFMADD231PS, Z29); \
	VPSRLD $4, Z8, Z8; \
	W2A4(VFMADD231PS, Z30, 896); \
	VPSRLD $4, Z9, Z9; \
	W2B4(VFMADD231PS, Z30); \
	W2A4(VFMADD231PS, Z31, 960); \
	W2B4(VFMADD231PS, Z31)

// SETUP_W2TABLES: the lookup tables of the 16 fields of a 2-bit code dword
// in Z16-Z31 (·avx512W2FieldTables), for the bodies QUADW2X1, X2 and X4:
// field 2k's and 2k+1's values in place (q*4^f, as the mask and conversion
// give them) are looked up (VPERMPS) from the dword shifted right by 4k,
// whose low 4 bits they are.
#define SETUP_W2TABLES \
	VMOVDQU32 ·avx512W2FieldTables+0(SB), Z16; \
	VMOVDQU32 ·avx512W2FieldTables+64(SB), Z17; \
	VMOVDQU32 ·avx512W2FieldTables+128(SB), Z18; \
	VMOVDQU32 ·avx512W2FieldTables+192(SB), Z19; \
	VMOVDQU32 ·avx512W2FieldTables+256(SB), Z20; \
	VMOVDQU32 ·avx512W2FieldTables+320(SB), Z21; \
	VMOVDQU32 ·avx512W2FieldTables+384(SB), Z22; \
	VMOVDQU32 ·avx512W2FieldTables+448(SB), Z23; \
	VMOVDQU32 ·avx512W2FieldTables+512(SB), Z24; \
	VMOVDQU32 ·avx512W2FieldTables+576(SB), Z25; \
	VMOVDQU32 ·avx512W2FieldTables+640(SB), Z26; \
	VMOVDQU32 ·avx512W2FieldTables+704(SB), Z27; \
	VMOVDQU32 ·avx512W2FieldTables+768(SB), Z28; \
	VMOVDQU32 ·avx512W2FieldTables+832(SB), Z29; \
	VMOVDQU32 ·avx512W2FieldTables+896(SB), Z30; \
	VMOVDQU32 ·avx512W2FieldTables+960(SB), Z31;

#define SETUP_W2MASKS \
	VMOVDQU32 ·avx512FieldMask+0(SB), Z16; \
	VMOVDQU32 ·avx512FieldMask+64(SB), Z17; \
	VMOVDQU32 ·avx512FieldMask+128(SB), Z18; \
	VMOVDQU32 ·avx512FieldMask+192(SB), Z19; \
	VMOVDQU32 ·avx512FieldMask+256(SB), Z20; \
	VMOVDQU32 ·avx512FieldMask+320(SB), Z21; \
	VMOVDQU32 ·avx512FieldMask+384(SB), Z22; \
	VMOVDQU32 ·avx512FieldMask+448(SB), Z23; \
	VMOVDQU32 ·avx512FieldMask+512(SB), Z24; \
	VMOVDQU32 ·avx512FieldMask+576(SB), Z25; \
	VMOVDQU32 ·avx512FieldMask+640(SB), Z26; \
	VMOVDQU32 ·avx512FieldMask+704(SB), Z27; \
	VMOVDQU32 ·avx512FieldMask+768(SB), Z28; \
	VMOVDQU32 ·avx512FieldMask+832(SB), Z29; \
	VPBROADCASTD ·avx512FieldMask+896(SB), Z30; \
	VMOVDQU32 ·avx512FieldMask+960(SB), Z31; \

// Two rows per vector, two groups a row (the 4-bit kernels of rows of 64
// below, a row's two blocks of 32 as its groups): 128-bit lane L of
// acc01 holds row L/2's group L%2 partials, so one COMBINE gives K, lane
// 4L+p of row 2(p/2)+L/2 and group L%2; K is scaled (S), the shift term
// added at one lane per row and group (P), and F permuted to the layout of
// REDUCE4 (lane 4L'+r of row r), about 0.75 instructions per query row and
// 32 values. QUAD_SCALES_W2: the four rows' scales and mins (Z12: scales
// at 2r+g, mins at 8+4g+r) and the lanes' group scales (Z13).
#define QUAD_SCALES_W2 \
	VMOVDQU32    (DX), X12;                           \
	VINSERTI32X4 $1, (R8), Y12, Y12;                  \
	VPSHUFB      ·avx512QuadMinShuf(SB), Y12, Y12;    \
	VCVTPH2PS    Y12, Z12;                            \
	VMOVDQU32    ·avx512DotW2ScaleIdx(SB), Z13;       \
	VPERMPS      Z12, Z13, Z13;                       \
	MOVL         $0x5555, R11;                        \
	KMOVW        R11, K2

// Per query row: K, scaled, the shift term at the even lanes, permuted to
// REDUCE4's layout, parked.
#define QUAD_OUT_W2(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, Z10, Z14, Z15);                \
	VMULPS       (j*64)(R9), Z12, Z11;               \
	VMOVDQU32    ·avx512DotW2MinIdx(SB), Z14;        \
	VPERMPS.Z    Z11, Z14, K2, Z11;                  \
	VFMADD231PS  Z13, Z10, Z11;                      \
	VMOVDQU32    ·avx512DotW2OutIdx(SB), Z14;        \
	VPERMPS      Z11, Z14, Z11;                      \
	VMOVUPS      Z11, (j*256)(R13)(R14*1)

#define ROW_FLUSH_W2(j, a0, a1, a2, a3) \
	REDUCE4T(R13, j*256, Z10, Z8, Z9, Z14, Z15); \
	VMOVUPS Z10, K1, (R11);                      \
	ADDQ    avx512RowArgs_outStride(AX), R11

#define ROWFORW2X1(m) m(0, Z0, Z1, Z0, Z0)
#define ROWFORW2X2(m) ROWFORW2X1(m); m(1, Z2, Z3, Z2, Z2)
#define ROWFORW2X4(m) ROWFORW2X2(m); m(2, Z4, Z5, Z4, Z4); m(3, Z6, Z7, Z6, Z6)

// The 4-bit Dot row kernels on rows of 64 values in one group of 64: two
// rows (32 bytes each) per vector, lanes 0-7 and 8-15, combined, scaled
// and reduced as two groups a row above (QUAD_OUT_W2, ROW_FLUSH_W2).
// Nibble k (0-7) of every code dword is masked in place (masks in
// Z16-Z23) and converted (q*16^k), then multiplied by x laid out per call
// in the same lanes and scaled by 16^-k (avx512DotRow64). 128-bit
// lane L of a vector holds row L/2's values 32(L%2) to 32(L%2)+31, a block
// of its group: the kernels treat the two blocks as a row's two groups,
// with the row's scale and min duplicated (QUAD_SCALES_DUP_W2) and the
// query's sums over the two blocks as the two groups' sums, so the
// reduction adds S*K0 + m*Σx[0:32] and S*K1 + m*Σx[32:64] for each row.
//
// Instructions per 32 values (one row's half, as two vectors hold four
// rows): per field 1 VPANDD + 1 VCVTUDQ2PS per vector and 1 FMA per query
// row: 4 + 2 per query row, plus the combining (about 1.5 per query
// row).

#define QUADW4R64X1 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VPANDD Z16, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 0(BX), Z11, Z1; \
	VPANDD Z17, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 64(BX), Z10, Z0; \
	VPANDD Z17, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 64(BX), Z11, Z1; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VPANDD Z18, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 128(BX), Z11, Z1; \
	VPANDD Z19, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 192(BX), Z10, Z0; \
	VPANDD Z19, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VPANDD Z20, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 256(BX), Z11, Z1; \
	VPANDD Z21, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 320(BX), Z10, Z0; \
	VPANDD Z21, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VPANDD Z22, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 384(BX), Z11, Z1; \
	VPANDD Z23, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 448(BX), Z10, Z0; \
	VPANDD Z23, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1

#define QUADW4R64X2 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VMULPS 512(BX), Z10, Z2; \
	VPANDD Z16, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 0(BX), Z11, Z1; \
	VMULPS 512(BX), Z11, Z3; \
	VPANDD Z17, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 64(BX), Z10, Z0; \
	VFMADD231PS 576(BX), Z10, Z2; \
	VPANDD Z17, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 64(BX), Z11, Z1; \
	VFMADD231PS 576(BX), Z11, Z3; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VFMADD231PS 640(BX), Z10, Z2; \
	VPANDD Z18, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 128(BX), Z11, Z1; \
	VFMADD231PS 640(BX), Z11, Z3; \
	VPANDD Z19, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 192(BX), Z10, Z0; \
	VFMADD231PS 704(BX), Z10, Z2; \
	VPANDD Z19, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VFMADD231PS 704(BX), Z11, Z3; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VFMADD231PS 768(BX), Z10, Z2; \
	VPANDD Z20, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 256(BX), Z11, Z1; \
	VFMADD231PS 768(BX), Z11, Z3; \
	VPANDD Z21, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 320(BX), Z10, Z0; \
	VFMADD231PS 832(BX), Z10, Z2; \
	VPANDD Z21, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VFMADD231PS 832(BX), Z11, Z3; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VFMADD231PS 896(BX), Z10, Z2; \
	VPANDD Z22, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 384(BX), Z11, Z1; \
	VFMADD231PS 896(BX), Z11, Z3; \
	VPANDD Z23, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 448(BX), Z10, Z0; \
	VFMADD231PS 960(BX), Z10, Z2; \
	VPANDD Z23, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1; \
	VFMADD231PS 960(BX), Z11, Z3

#define QUADW4R64X4 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VMULPS 512(BX), Z10, Z2; \
	VMULPS 1024(BX), Z10, Z4; \
	VMULPS 1536(BX), Z10, Z6; \
	VPANDD Z16, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 0(BX), Z11, Z1; \
	VMULPS 512(BX), Z11, Z3; \
	VMULPS 1024(BX), Z11, Z5; \
	VMULPS 1536(BX), Z11, Z7; \
	VPANDD Z17, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 64(BX), Z10, Z0; \
	VFMADD231PS 576(BX), Z10, Z2; \
	VFMADD231PS 1088(BX), Z10, Z4; \
	VFMADD231PS 1600(BX), Z10, Z6; \
	VPANDD Z17, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 64(BX), Z11, Z1; \
	VFMADD231PS 576(BX), Z11, Z3; \
	VFMADD231PS 1088(BX), Z11, Z5; \
	VFMADD231PS 1600(BX), Z11, Z7; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VFMADD231PS 640(BX), Z10, Z2; \
	VFMADD231PS 1152(BX), Z10, Z4; \
	VFMADD231PS 1664(BX), Z10, Z6; \
	VPANDD Z18, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 128(BX), Z11, Z1; \
	VFMADD231PS 640(BX), Z11, Z3; \
	VFMADD231PS 1152(BX), Z11, Z5; \
	VFMADD231PS 1664(BX), Z11, Z7; \
	VPANDD Z19, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 192(BX), Z10, Z0; \
	VFMADD231PS 704(BX), Z10, Z2; \
	VFMADD231PS 1216(BX), Z10, Z4; \
	VFMADD231PS 1728(BX), Z10, Z6; \
	VPANDD Z19, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VFMADD231PS 704(BX), Z11, Z3; \
	VFMADD231PS 1216(BX), Z11, Z5; \
	VFMADD231PS 1728(BX), Z11, Z7; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VFMADD231PS 768(BX), Z10, Z2; \
	VFMADD231PS 1280(BX), Z10, Z4; \
	VFMADD231PS 1792(BX), Z10, Z6; \
	VPANDD Z20, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 256(BX), Z11, Z1; \
	VFMADD231PS 768(BX), Z11, Z3; \
	VFMADD231PS 1280(BX), Z11, Z5; \
	VFMADD231PS 1792(BX), Z11, Z7; \
	VPANDD Z21, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 320(BX), Z10, Z0; \
	VFMADD231PS 832(BX), Z10, Z2; \
	VFMADD231PS 1344(BX), Z10, Z4; \
	VFMADD231PS 1856(BX), Z10, Z6; \
	VPANDD Z21, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VFMADD231PS 832(BX), Z11, Z3; \
	VFMADD231PS 1344(BX), Z11, Z5; \
	VFMADD231PS 1856(BX), Z11, Z7; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VFMADD231PS 896(BX), Z10, Z2; \
	VFMADD231PS 1408(BX), Z10, Z4; \
	VFMADD231PS 1920(BX), Z10, Z6; \
	VPANDD Z22, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 384(BX), Z11, Z1; \
	VFMADD231PS 896(BX), Z11, Z3; \
	VFMADD231PS 1408(BX), Z11, Z5; \
	VFMADD231PS 1920(BX), Z11, Z7; \
	VPANDD Z23, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 448(BX), Z10, Z0; \
	VFMADD231PS 960(BX), Z10, Z2; \
	VFMADD231PS 1472(BX), Z10, Z4; \
	VFMADD231PS 1984(BX), Z10, Z6; \
	VPANDD Z23, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1; \
	VFMADD231PS 960(BX), Z11, Z3; \
	VFMADD231PS 1472(BX), Z11, Z5; \
	VFMADD231PS 1984(BX), Z11, Z7

// The four rows' scales and mins, each duplicated (the two blocks of a row
// of 64 4-bit codes), laid out as QUAD_SCALES_W2 lays out two groups'
// (Z12, Z13, K2). It reads
// 8 bytes of scales and of mins and steps DX and R8 back by 8, since
// QUAD_ROWS_NEXT steps them by 16 (two groups a row).
#define QUAD_SCALES_DUP_W2 \
	VMOVQ        (DX), X12;                         \
	VPUNPCKLWD   X12, X12, X12;                     \
	VMOVQ        (R8), X11;                         \
	VPUNPCKLWD   X11, X11, X11;                     \
	VINSERTI32X4 $1, X11, Y12, Y12;                 \
	VPSHUFB      ·avx512QuadMinShuf(SB), Y12, Y12;  \
	VCVTPH2PS    Y12, Z12;                          \
	VMOVDQU32    ·avx512DotW2ScaleIdx(SB), Z13;     \
	VPERMPS      Z12, Z13, Z13;                     \
	MOVL         $0x5555, R11;                      \
	KMOVW        R11, K2;                           \
	SUBQ         $8, DX;                            \
	SUBQ         $8, R8

// The 4-bit Dot row kernels on rows of 64 values in two groups of 32: the
// kernels of one group of 64, whose two blocks per row are here the row's
// two groups, so they take the rows' own two scales and mins each
// (QUAD_SCALES_W2).

#define NAME ·avx512DotRow64W4G32X1
#define SETUP SETUP_MASKS
#define QUAD QUADW4R64X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2
#define QUAD_OUT QUAD_OUT_W2
#define FORX ROWFORW2X1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W4G32X2
#define SETUP SETUP_MASKS
#define QUAD QUADW4R64X2
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2
#define QUAD_OUT QUAD_OUT_W2
#define FORX ROWFORW2X2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

// The four-query kernels on 4-bit rows of 64 values in one group of 64 or
// two of 32 run eight rows per iteration (avx512_dot_row64x8_amd64.h),
// with the registers of the four-query kernels of rows of 128.
#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29

// The eight rows' scales and mins: one group of 64 (8 fp16 values each),
// lane 4L+r taking row 2r+L/2's (avx512QuadScaleIdx); the shift term goes
// to lanes 0-3 and 8-11 (K4 = 0x0f0f), one per row.
#define OCT_SCALES_G64 \
	VMOVDQU32 ·avx512QuadScaleIdx(SB), T1; \
	VCVTPH2PS (DX), Y25;                   \
	VPERMPS   SREG, T1, SREG;              \
	VCVTPH2PS (R8), Y24;                   \
	VPERMPS   MREG, T1, MREG;              \
	ADDQ      $16, DX;                     \
	ADDQ      $16, R8

// Two groups of 32 (16 fp16 values each): lane 4L+r takes row 2r+L/2's
// group L%2, entry 4r+L (avx512QuadG32Idx); every lane takes its shift
// term.
#define OCT_SCALES_G32 \
	VMOVDQU32 ·avx512QuadG32Idx(SB), T1; \
	VCVTPH2PS (DX), SREG;                \
	VPERMPS   SREG, T1, SREG;            \
	VCVTPH2PS (R8), MREG;                \
	VPERMPS   MREG, T1, MREG;            \
	ADDQ      $32, DX;                   \
	ADDQ      $32, R8

// Per query row: add the 128-bit lanes of its two parked vectors (rows
// 0-7 and 8-15) pair by pair, put the sums in row order (Z31) and store
// them (mask K1).
#define OCT_FLUSH(j, a0, a1, a2, a3) \
	VMOVUPS    (j*256)(R13), T1;                \
	VSHUFF64X2 $0x88, (j*256+64)(R13), T1, T2;  \
	VSHUFF64X2 $0xdd, (j*256+64)(R13), T1, T1;  \
	VADDPS     T1, T2, T1;                      \
	VPERMPS    T1, Z31, T1;                     \
	VMOVUPS    T1, K1, (R11);                   \
	ADDQ       avx512RowArgs_outStride(AX), R11

#define NAME ·avx512DotRow64W4G32X4
#define OCT_SCALES OCT_SCALES_G32
#define OCT_OUT QUAD_OUT_CODES
#define SHIFT_LANES 0xffff
#include "avx512_dot_row64x8_amd64.h"
#undef NAME
#undef OCT_SCALES
#undef OCT_OUT
#undef SHIFT_LANES

#define NAME ·avx512DotRow64W4G64X1
#define SETUP SETUP_MASKS
#define QUAD QUADW4R64X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_DUP_W2
#define QUAD_OUT QUAD_OUT_W2
#define FORX ROWFORW2X1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W4G64X2
#define SETUP SETUP_MASKS
#define QUAD QUADW4R64X2
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_DUP_W2
#define QUAD_OUT QUAD_OUT_W2
#define FORX ROWFORW2X2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W4G64X4
#define OCT_SCALES OCT_SCALES_G64
#define OCT_OUT QUAD_OUT_CODES
#define SHIFT_LANES 0x0f0f
#include "avx512_dot_row64x8_amd64.h"
#undef NAME
#undef OCT_SCALES
#undef OCT_OUT
#undef SHIFT_LANES
#undef MREG
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4

// func avx512DotRowXTables(dst, x *float32, cols *int32, scales *float32, fields, pass int) (lossy bool)
//
// The x tables of the Dot row kernels: for each query row j (of 128
// values at x+512j) and field k, the 16 values x_j[cols[16k+l]] *
// scales[k] (VGATHERDPS, VMULPS), at dst+64*(fields*j+k). lossy reports
// whether a scaled value is a nonzero float32 subnormal (below 2^-126),
// where scaling by 16^-k (4^-k) may have dropped bits of x: the row
// kernels' products q*16^k * x*16^-k are then not q*x. 4 instructions
// per 16 values for the check.
TEXT ·avx512DotRowXTables(SB), NOSPLIT, $0-49
	MOVQ         dst+0(FP), DI
	MOVQ         x+8(FP), SI
	MOVQ         pass+40(FP), CX
	VPBROADCASTD ·avx512AbsMask(SB), Z2
	VPBROADCASTD ·avx512One32(SB), Z3
	VPBROADCASTD ·avx512SubnormalBits(SB), Z4
	KXORW        K3, K3, K3

query:
	MOVQ cols+16(FP), R8
	MOVQ scales+24(FP), R9
	MOVQ fields+32(FP), DX

field:
	VMOVDQU32    (R8), Z1
	KXNORW       K1, K1, K1
	VGATHERDPS   (SI)(Z1*4), K1, Z0
	VMULPS.BCST  (R9), Z0, Z0
	VMOVUPS      Z0, (DI)
	VPANDD       Z2, Z0, Z5
	VPSUBD       Z3, Z5, Z5
	VPCMPUD      $1, Z4, Z5, K2
	KORW         K2, K3, K3
	ADDQ         $64, R8
	ADDQ         $4, R9
	ADDQ         $64, DI
	DECQ         DX
	JNZ          field
	ADDQ         $512, SI
	DECQ         CX
	JNZ          query
	KORTESTW     K3, K3
	SETNE        lossy+48(FP)
	VZEROUPPER
	RET

// The 2-bit Dot row kernels on rows of 64 values (head dimension 64) in
// groups of 16 (further on; the pair kernels, avx512_dotpairs_amd64.s,
// take the groups of 32 and 64): four rows (16 bytes each) per vector, row
// r in 128-bit lane r. Field k (0-15) of every code dword is masked in
// place (masks in Z16-Z31) and converted (q*4^k), then multiplied by x
// laid out per call in the same lanes and scaled by 4^-k (the x tables of
// rows of 128 in groups of 16, lanes taken mod 4), into two accumulators
// per query row (even and odd fields). Lane 4r+d of their sum is row r's
// dword d, its group d: it is scaled by the group's scale (S), gets the
// group's shift term (its min times the query's group sum; every lane of a
// row's 128-bit lane is that row's, so a non-finite min stays in its own
// row's sum), and is transposed to REDUCE4's layout (lane 4d+r).
//
// Instructions per 32 values (an eighth of a vector of four rows): per
// field one VPANDD and one VCVTUDQ2PS per vector and one FMA per query
// row, so 4 + 2 per query row, plus about 0.75 per query row to add the
// accumulators, scale, shift, transpose and park.

#define QUADW2R64X1 \
	VMOVDQU32 0(SI), Z8; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VPANDD Z17, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 64(BX), Z11, Z1; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VPANDD Z19, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VPANDD Z21, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VPANDD Z23, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1; \
	VPANDD Z24, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 512(BX), Z10, Z0; \
	VPANDD Z25, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 576(BX), Z11, Z1; \
	VPANDD Z26, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 640(BX), Z10, Z0; \
	VPANDD Z27, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 704(BX), Z11, Z1; \
	VPANDD Z28, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 768(BX), Z10, Z0; \
	VPANDD Z29, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 832(BX), Z11, Z1; \
	VPANDD Z30, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 896(BX), Z10, Z0; \
	VPANDD Z31, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z1

#define QUADW2R64X2 \
	VMOVDQU32 0(SI), Z8; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VMULPS 1024(BX), Z10, Z2; \
	VPANDD Z17, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 64(BX), Z11, Z1; \
	VMULPS 1088(BX), Z11, Z3; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VFMADD231PS 1152(BX), Z10, Z2; \
	VPANDD Z19, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VFMADD231PS 1216(BX), Z11, Z3; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VFMADD231PS 1280(BX), Z10, Z2; \
	VPANDD Z21, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VFMADD231PS 1344(BX), Z11, Z3; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VFMADD231PS 1408(BX), Z10, Z2; \
	VPANDD Z23, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1; \
	VFMADD231PS 1472(BX), Z11, Z3; \
	VPANDD Z24, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 512(BX), Z10, Z0; \
	VFMADD231PS 1536(BX), Z10, Z2; \
	VPANDD Z25, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 576(BX), Z11, Z1; \
	VFMADD231PS 1600(BX), Z11, Z3; \
	VPANDD Z26, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 640(BX), Z10, Z0; \
	VFMADD231PS 1664(BX), Z10, Z2; \
	VPANDD Z27, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 704(BX), Z11, Z1; \
	VFMADD231PS 1728(BX), Z11, Z3; \
	VPANDD Z28, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 768(BX), Z10, Z0; \
	VFMADD231PS 1792(BX), Z10, Z2; \
	VPANDD Z29, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 832(BX), Z11, Z1; \
	VFMADD231PS 1856(BX), Z11, Z3; \
	VPANDD Z30, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 896(BX), Z10, Z0; \
	VFMADD231PS 1920(BX), Z10, Z2; \
	VPANDD Z31, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z1; \
	VFMADD231PS 1984(BX), Z11, Z3

#define QUADW2R64X4 \
	VMOVDQU32 0(SI), Z8; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VMULPS 1024(BX), Z10, Z2; \
	VMULPS 2048(BX), Z10, Z4; \
	VMULPS 3072(BX), Z10, Z6; \
	VPANDD Z17, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 64(BX), Z11, Z1; \
	VMULPS 1088(BX), Z11, Z3; \
	VMULPS 2112(BX), Z11, Z5; \
	VMULPS 3136(BX), Z11, Z7; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VFMADD231PS 1152(BX), Z10, Z2; \
	VFMADD231PS 2176(BX), Z10, Z4; \
	VFMADD231PS 3200(BX), Z10, Z6; \
	VPANDD Z19, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VFMADD231PS 1216(BX), Z11, Z3; \
	VFMADD231PS 2240(BX), Z11, Z5; \
	VFMADD231PS 3264(BX), Z11, Z7; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VFMADD231PS 1280(BX), Z10, Z2; \
	VFMADD231PS 2304(BX), Z10, Z4; \
	VFMADD231PS 3328(BX), Z10, Z6; \
	VPANDD Z21, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VFMADD231PS 1344(BX), Z11, Z3; \
	VFMADD231PS 2368(BX), Z11, Z5; \
	VFMADD231PS 3392(BX), Z11, Z7; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VFMADD231PS 1408(BX), Z10, Z2; \
	VFMADD231PS 2432(BX), Z10, Z4; \
	VFMADD231PS 3456(BX), Z10, Z6; \
	VPANDD Z23, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1; \
	VFMADD231PS 1472(BX), Z11, Z3; \
	VFMADD231PS 2496(BX), Z11, Z5; \
	VFMADD231PS 3520(BX), Z11, Z7; \
	VPANDD Z24, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 512(BX), Z10, Z0; \
	VFMADD231PS 1536(BX), Z10, Z2; \
	VFMADD231PS 2560(BX), Z10, Z4; \
	VFMADD231PS 3584(BX), Z10, Z6; \
	VPANDD Z25, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 576(BX), Z11, Z1; \
	VFMADD231PS 1600(BX), Z11, Z3; \
	VFMADD231PS 2624(BX), Z11, Z5; \
	VFMADD231PS 3648(BX), Z11, Z7; \
	VPANDD Z26, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 640(BX), Z10, Z0; \
	VFMADD231PS 1664(BX), Z10, Z2; \
	VFMADD231PS 2688(BX), Z10, Z4; \
	VFMADD231PS 3712(BX), Z10, Z6; \
	VPANDD Z27, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 704(BX), Z11, Z1; \
	VFMADD231PS 1728(BX), Z11, Z3; \
	VFMADD231PS 2752(BX), Z11, Z5; \
	VFMADD231PS 3776(BX), Z11, Z7; \
	VPANDD Z28, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 768(BX), Z10, Z0; \
	VFMADD231PS 1792(BX), Z10, Z2; \
	VFMADD231PS 2816(BX), Z10, Z4; \
	VFMADD231PS 3840(BX), Z10, Z6; \
	VPANDD Z29, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 832(BX), Z11, Z1; \
	VFMADD231PS 1856(BX), Z11, Z3; \
	VFMADD231PS 2880(BX), Z11, Z5; \
	VFMADD231PS 3904(BX), Z11, Z7; \
	VPANDD Z30, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 896(BX), Z10, Z0; \
	VFMADD231PS 1920(BX), Z10, Z2; \
	VFMADD231PS 2944(BX), Z10, Z4; \
	VFMADD231PS 3968(BX), Z10, Z6; \
	VPANDD Z31, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z1; \
	VFMADD231PS 1984(BX), Z11, Z3; \
	VFMADD231PS 3008(BX), Z11, Z5; \
	VFMADD231PS 4032(BX), Z11, Z7

// Per query row: the two accumulators added, F = acc*S + P, transposed to
// REDUCE4's layout (Z9 = ·avx512QuadG32Idx: lane 4d+r from 4r+d), parked.
#define QUAD_OUT_W2R64(j, a0, a1, a2, a3) \
	VADDPS      a1, a0, Z10;                  \
	VMULPS      (j*64)(R9), Z12, Z11;         \
	VFMADD231PS Z13, Z10, Z11;                \
	VPERMPS     Z11, Z9, Z11;                 \
	VMOVUPS     Z11, (j*256)(R13)(R14*1)

// The 4-bit Dot row kernels on rows of 256 values (head dimension 256) in
// groups of 32, 64, 128 or 256: each half of a row runs as a row of the
// kernels of rows of 128 (body avx512_dot_rowparts_amd64.h).

// Per query row and half: combine the four rows' halves into K, F = K * S
// + the shift term in the half's lanes (K5 or K6); the first half parks F,
// the second adds the parked F. Scratch: T1-T4.
#define QUAD_OUT_PART_A(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);    \
	COMBINE_F(a2, a3, T4, T1, T2);    \
	COMBINE_F(T3, T4, T3, T1, T2);    \
	VMULPS.Z    (j*64)(R9), MREG, K5, T4; \
	VFMADD231PS SREG, T3, T4;         \
	VMOVUPS     T4, (j*256)(R13)(R14*1)

#define QUAD_OUT_PART_B(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);    \
	COMBINE_F(a2, a3, T4, T1, T2);    \
	COMBINE_F(T3, T4, T3, T1, T2);    \
	VMULPS.Z    (j*64)(R9), MREG, K6, T4; \
	VADDPS      (j*256)(R13)(R14*1), T4, T4; \
	VFMADD231PS SREG, T3, T4;         \
	VMOVUPS     T4, (j*256)(R13)(R14*1)

// The half's next codes, 1024 bytes (two quads) on (p: the half's first
// line), and for one query row the half's x tables (X_TABLES8).
#define PREFETCH_HALF(p) \
	PREFETCHT0 p(SI);      \
	PREFETCHT0 (p+64)(SI);  \
	PREFETCHT0 (p+128)(SI); \
	PREFETCHT0 (p+192)(SI)
#define HALF_X1(p) PREFETCH_HALF(p); X_TABLES8

// SCALES_HALF(off): a part's scales and mins by the shape's SC_LOAD and
// SC_PERM, the index tables at avx512Row256Idx+off (scales) and off+64
// (mins), into SREG and MREG.
#define SCALES_HALF(off) \
	SC_LOAD(DX);       \
	SC_PERM(off, SREG); \
	SC_LOAD(R8);       \
	SC_PERM(off+64, MREG)

// The quad's fp16 scales (or mins) at src, 8, 4, 2 or 1 per row, converted
// into T1 (and T2 for 8 per row: rows 0-1 in T1, 2-3 in T2), and permuted
// into dst by the 16 indexes at avx512Row256Idx+off.
#define SC_LOAD_G8(src) \
	VCVTPH2PS (src), T1; \
	VCVTPH2PS 32(src), T2
#define SC_PERM_G8(off, dst) \
	VMOVDQU32 ·avx512Row256Idx+off(SB), dst; \
	VPERMI2PS T2, T1, dst
#define SC_LOAD_G4(src) VCVTPH2PS (src), T1
#define SC_LOAD_G2(src) VCVTPH2PS (src), T1Y
#define SC_LOAD_G1(src) VCVTPH2PS (src), T1X
#define SC_PERM_G4(off, dst) \
	VMOVDQU32 ·avx512Row256Idx+off(SB), dst; \
	VPERMPS   T1, dst, dst

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G32X1
#define SETUP SETUP_MASKS
#define PART_A HALF_X1(1024); QUAD_CODES(0, 128, 256, 384); QUADX1_BODY
#define PART_B HALF_X1(1280); QUAD_CODES(64, 192, 320, 448); QUADX1_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX1
#define SC_LOAD SC_LOAD_G8
#define SC_PERM SC_PERM_G8
#define IDX 768
#define SCBYTES 64
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G32X2
#define SETUP SETUP_MASKS
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX2_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX2_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX2
#define SC_LOAD SC_LOAD_G8
#define SC_PERM SC_PERM_G8
#define IDX 768
#define SCBYTES 64
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T1X X26
#define T1Y Y26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define NAME ·avx512DotRow256W4G32X4
#define SETUP SETUP_X4
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX4_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX4_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX4
#define SC_LOAD SC_LOAD_G8
#define SC_PERM SC_PERM_G8
#define IDX 768
#define SCBYTES 64
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G64X1
#define SETUP SETUP_MASKS
#define PART_A HALF_X1(1024); QUAD_CODES(0, 128, 256, 384); QUADX1_BODY
#define PART_B HALF_X1(1280); QUAD_CODES(64, 192, 320, 448); QUADX1_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX1
#define SC_LOAD SC_LOAD_G4
#define SC_PERM SC_PERM_G4
#define IDX 512
#define SCBYTES 32
#define SHIFT_LO 0x00ff
#define SHIFT_HI 0x00ff
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G64X2
#define SETUP SETUP_MASKS
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX2_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX2_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX2
#define SC_LOAD SC_LOAD_G4
#define SC_PERM SC_PERM_G4
#define IDX 512
#define SCBYTES 32
#define SHIFT_LO 0x00ff
#define SHIFT_HI 0x00ff
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T1X X26
#define T1Y Y26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define NAME ·avx512DotRow256W4G64X4
#define SETUP SETUP_X4
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX4_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX4_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX4
#define SC_LOAD SC_LOAD_G4
#define SC_PERM SC_PERM_G4
#define IDX 512
#define SCBYTES 32
#define SHIFT_LO 0x00ff
#define SHIFT_HI 0x00ff
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G128X1
#define SETUP SETUP_MASKS
#define PART_A HALF_X1(1024); QUAD_CODES(0, 128, 256, 384); QUADX1_BODY
#define PART_B HALF_X1(1280); QUAD_CODES(64, 192, 320, 448); QUADX1_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX1
#define SC_LOAD SC_LOAD_G2
#define SC_PERM SC_PERM_G4
#define IDX 256
#define SCBYTES 16
#define SHIFT_LO 0x000f
#define SHIFT_HI 0x000f
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G128X2
#define SETUP SETUP_MASKS
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX2_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX2_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX2
#define SC_LOAD SC_LOAD_G2
#define SC_PERM SC_PERM_G4
#define IDX 256
#define SCBYTES 16
#define SHIFT_LO 0x000f
#define SHIFT_HI 0x000f
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T1X X26
#define T1Y Y26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define NAME ·avx512DotRow256W4G128X4
#define SETUP SETUP_X4
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX4_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX4_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX4
#define SC_LOAD SC_LOAD_G2
#define SC_PERM SC_PERM_G4
#define IDX 256
#define SCBYTES 16
#define SHIFT_LO 0x000f
#define SHIFT_HI 0x000f
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G256X1
#define SETUP SETUP_MASKS
#define PART_A HALF_X1(1024); QUAD_CODES(0, 128, 256, 384); QUADX1_BODY
#define PART_B HALF_X1(1280); QUAD_CODES(64, 192, 320, 448); QUADX1_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX1
#define SC_LOAD SC_LOAD_G1
#define SC_PERM SC_PERM_G4
#define IDX 0
#define SCBYTES 8
#define SHIFT_LO 0x000f
#define SHIFT_HI 0x0000
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define NAME ·avx512DotRow256W4G256X2
#define SETUP SETUP_MASKS
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX2_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX2_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX2
#define SC_LOAD SC_LOAD_G1
#define SC_PERM SC_PERM_G4
#define IDX 0
#define SCBYTES 8
#define SHIFT_LO 0x000f
#define SHIFT_HI 0x0000
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T1X X26
#define T1Y Y26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define NAME ·avx512DotRow256W4G256X4
#define SETUP SETUP_X4
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX4_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX4_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX4
#define SC_LOAD SC_LOAD_G1
#define SC_PERM SC_PERM_G4
#define IDX 0
#define SCBYTES 8
#define SHIFT_LO 0x000f
#define SHIFT_HI 0x0000
#define SCALES_A SCALES_HALF(IDX)
#define SCALES_B SCALES_HALF(IDX+128)
#define OUT_A QUAD_OUT_PART_A
#define OUT_B QUAD_OUT_PART_B
#include "avx512_dot_rowparts_amd64.h"
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef NAME
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SC_LOAD
#undef SC_PERM
#undef IDX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI

// The 2-bit Dot row kernels on rows of 256 values (groups of 16 and 8,
// further on; the pair kernels, avx512_dotpairs_amd64.s, take the groups
// of 32 to 256): a row is one vector of 64 code bytes, which the kernels
// of rows of 128 take as two rows (lanes 0-7 and 8-15), so its halves run
// as two rows of 128, with the x tables of the query's halves in lanes 0-7
// and 8-15 (avx512Row256Cols2G16, avx512Row256Cols2G8) and the shift sums
// of each half; the flush adds each row's two half sums (ROW_PAIRS). CX
// counts halves (a multiple of 4); out takes a sum per row. Budget per 32
// values: that of the 2-bit kernels of rows of 128, plus 4 instructions per
// query row and 16 rows to add the pairs.

// PAIRS_MASK(K) sets K to the block's R10/2 rows (of R10 halves);
// PAIRS_NEXT moves out past the block's 8 sums and loops to block while
// halves are left, else returns. Scratch: R12 (the quads, counted out).
#define PAIRS_MASK(K) \
	MOVQ  R10, R11;      \
	SHRQ  $1, R11;       \
	MOVL  $-1, R12;      \
	BZHIL R11, R12, R12; \
	KMOVW R12, K

#define PAIRS_NEXT \
	ADDQ  $32, DI; \
	TESTQ CX, CX;  \
	JNZ   block;   \
	VZEROUPPER;    \
	RET

// Per query row: reduce the 16 halves' sums (REDUCE4T), add them in pairs
// (lane 2i and 2i+1: row i), gather the 8 row sums (qwords 0, 2, 4 and 6
// of the pairs) and store them (mask K1).
#define ROW_FLUSH_W2_PAIRS(j, a0, a1, a2, a3) \
	REDUCE4T(R13, j*256, Z10, Z8, Z9, Z14, Z15); \
	VSHUFPS   $0x88, Z10, Z10, Z8;               \
	VSHUFPS   $0xdd, Z10, Z10, Z9;               \
	VADDPS    Z8, Z9, Z10;                       \
	VMOVDQU64 ·avx512PairQwords(SB), Z9;         \
	VPERMQ    Z10, Z9, Z10;                      \
	VMOVUPS   Y10, K1, (R11);                    \
	ADDQ      avx512RowArgs_outStride(AX), R11

// The 4-bit Dot row kernels on rows of 128 values in groups of 16: the
// kernels of groups of 64, on x tables of the layout of groups of 16
// (avx512RowCols4G16: a block of 32 values is two groups of 8 bytes, so
// dwords 0-1 of 128-bit lane L hold group 2L and dwords 2-3 group 2L+1).
// The first COMBINE of two rows' accumulators leaves lane 4L+q with row
// 2p+q/2's group 2L+q%2 (p: the pair), so each pair is scaled and shifted
// there (QUAD_SCALES_G16: the pair's eight scales and eight mins per
// 128-bit lane, permuted by ·avx512QuadG16Idx; every lane its own row's)
// before the last COMBINE brings the quad to REDUCE4's layout.

// QUAD_SCALES_G16 loads the quad's 32 scales and 32 mins, rows 0-1 into
// SREG and MREG and rows 2-3 into S2REG and M2REG, lane 4L+q taking row
// q/2's (of the pair) group 2L+q%2, and steps DX and R8 by 48 bytes more
// than QUAD_ROWS_NEXT does. Scratch: T1.
#define QUAD_SCALES_G16 \
	VMOVDQU32 ·avx512QuadG16Idx(SB), SREG; \
	VMOVDQA32 SREG, MREG;                  \
	VMOVDQA32 SREG, S2REG;                 \
	VMOVDQA32 SREG, M2REG;                 \
	VCVTPH2PS (DX), T1;                    \
	VPERMPS   T1, SREG, SREG;              \
	VCVTPH2PS 32(DX), T1;                  \
	VPERMPS   T1, S2REG, S2REG;            \
	VCVTPH2PS (R8), T1;                    \
	VPERMPS   T1, MREG, MREG;              \
	VCVTPH2PS 32(R8), T1;                  \
	VPERMPS   T1, M2REG, M2REG;            \
	ADDQ      $48, DX;                     \
	ADDQ      $48, R8

// Per query row: combine each pair of rows, scale it and add its shift
// term (the mins times the query row's group sums, table R9 in the pairs'
// layout), combine the pairs, park. Scratch: T1-T4 and a0 (consumed).
#define QUAD_OUT_G16(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);        \
	VMULPS      (j*64)(R9), MREG, T4;     \
	VFMADD231PS SREG, T3, T4;             \
	COMBINE_F(a2, a3, T3, T1, T2);        \
	VMULPS      (j*64)(R9), M2REG, T1;    \
	VFMADD231PS S2REG, T3, T1;            \
	COMBINE_F(T4, T1, T3, T2, a0);        \
	VMOVUPS     T3, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow128W4G16X1
#define MREG Z26
#define SREG Z27
#define M2REG Z12
#define S2REG Z13
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_X1
#define QUAD QUADX1
#define QUAD_OUT QUAD_OUT_G16
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G16
#define FORX ROWFORX1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow128W4G16X2
#define MREG Z26
#define SREG Z27
#define M2REG Z12
#define S2REG Z13
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define QUAD QUADX2
#define QUAD_OUT QUAD_OUT_G16
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G16
#define FORX ROWFORX2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow128W4G16X4
#define MREG Z24
#define SREG Z25
#define M2REG Z16
#define S2REG Z17
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_X4
#define QUAD QUADX4
#define QUAD_OUT QUAD_OUT_G16
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G16
#define FORX ROWFORX4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

// The 4-bit Dot row kernels on rows of 128 values in groups of 8: a group
// is 4 bytes (byte j holding values j and j+4), one code dword, so the
// kernels of groups of 64, on x tables of that layout
// (avx512RowCols4G8), leave in lane g of each row's accumulator that
// row's group g alone. QUAD_SCALES_G8Xn scales and shifts every
// accumulator lane on its own (the row's 16 scales and 16 mins converted
// in lane order, the query row's group sums from table R9, lane g: group
// g), and QUAD_OUT_G8 combines the four rows into REDUCE4's layout
// unscaled. Budget per 32 values: the 4 + 2 per query row of the kernels
// of groups of 64, plus 0.5 (the conversions) + 0.5 per query row (the
// scale and the shift) in place of their scale step.

// G8_ROW(o) converts a row's 16 scales at o(DX) into Z24 and its 16 mins
// at o(R8) into Z25.
#define G8_ROW(o) \
	VCVTPH2PS o(DX), Z24; \
	VCVTPH2PS o(R8), Z25

// G8_LANES(j, acc) sets acc = acc*scales + mins*(query row j's group
// sums), lane by lane. Scratch: Z26.
#define G8_LANES(j, acc) \
	VMULPS      (j*64)(R9), Z25, Z26; \
	VFMADD213PS Z26, Z24, acc

// G8_NEXT steps DX and R8 past the quad's 64 scales and mins: by 112
// bytes more than QUAD_ROWS_NEXT does.
#define G8_NEXT \
	ADDQ $112, DX; \
	ADDQ $112, R8

// G8_QUADXn(o0, o1, o2, o3) scales and shifts the lanes of the four rows
// whose 16 scales (and mins) are at o0-o3 off DX (R8), for n query rows.
#define G8_QUADX1(o0, o1, o2, o3) \
	G8_ROW(o0); G8_LANES(0, Z0); \
	G8_ROW(o1); G8_LANES(0, Z1); \
	G8_ROW(o2); G8_LANES(0, Z2); \
	G8_ROW(o3); G8_LANES(0, Z3)

#define G8_QUADX2(o0, o1, o2, o3) \
	G8_ROW(o0); G8_LANES(0, Z0); G8_LANES(1, Z4); \
	G8_ROW(o1); G8_LANES(0, Z1); G8_LANES(1, Z5); \
	G8_ROW(o2); G8_LANES(0, Z2); G8_LANES(1, Z6); \
	G8_ROW(o3); G8_LANES(0, Z3); G8_LANES(1, Z7)

#define G8_QUADX4(o0, o1, o2, o3) \
	G8_ROW(o0); G8_LANES(0, Z0); G8_LANES(1, Z4); G8_LANES(2, Z8); G8_LANES(3, Z12);  \
	G8_ROW(o1); G8_LANES(0, Z1); G8_LANES(1, Z5); G8_LANES(2, Z9); G8_LANES(3, Z13);  \
	G8_ROW(o2); G8_LANES(0, Z2); G8_LANES(1, Z6); G8_LANES(2, Z10); G8_LANES(3, Z14); \
	G8_ROW(o3); G8_LANES(0, Z3); G8_LANES(1, Z7); G8_LANES(2, Z11); G8_LANES(3, Z15)

#define QUAD_SCALES_G8X1 G8_QUADX1(0, 32, 64, 96); G8_NEXT
#define QUAD_SCALES_G8X2 G8_QUADX2(0, 32, 64, 96); G8_NEXT
#define QUAD_SCALES_G8X4 G8_QUADX4(0, 32, 64, 96); G8_NEXT

// Per query row: combine the four scaled rows into REDUCE4's layout, park.
// Scratch: T1-T4.
#define QUAD_OUT_G8(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2); \
	COMBINE_F(a2, a3, T4, T1, T2); \
	COMBINE_F(T3, T4, T3, T1, T2); \
	VMOVUPS T3, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow128W4G8X1
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_X1
#define QUAD QUADX1
#define QUAD_OUT QUAD_OUT_G8
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G8X1
#define FORX ROWFORX1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow128W4G8X2
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define QUAD QUADX2
#define QUAD_OUT QUAD_OUT_G8
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G8X2
#define FORX ROWFORX2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow128W4G8X4
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_X4
#define QUAD QUADX4
#define QUAD_OUT QUAD_OUT_G8
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_G8X4
#define FORX ROWFORX4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

// The 4-bit Dot row kernels on rows of 256 values in groups of 8: the
// halves of the kernels of rows of 256 (avx512_dot_rowparts_amd64.h), each
// scaled as a row of 128 in groups of 8 (a row's 32 scales are 64 bytes,
// its half h's 16 at 32h), then combined unscaled; the second half adds
// to what the first parked.
#define QUAD_OUT_PART_B_G8(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);           \
	COMBINE_F(a2, a3, T4, T1, T2);           \
	COMBINE_F(T3, T4, T3, T1, T2);           \
	VADDPS  (j*256)(R13)(R14*1), T3, T3;     \
	VMOVUPS T3, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow256W4G8X1
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define PART_A HALF_X1(1024); QUAD_CODES(0, 128, 256, 384); QUADX1_BODY
#define PART_B HALF_X1(1280); QUAD_CODES(64, 192, 320, 448); QUADX1_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX1
#define SCBYTES 256
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A G8_QUADX1(0, 64, 128, 192)
#define SCALES_B G8_QUADX1(32, 96, 160, 224)
#define OUT_A QUAD_OUT_G8
#define OUT_B QUAD_OUT_PART_B_G8
#include "avx512_dot_rowparts_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B

#define NAME ·avx512DotRow256W4G8X2
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX2_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX2_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX2
#define SCBYTES 256
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A G8_QUADX2(0, 64, 128, 192)
#define SCALES_B G8_QUADX2(32, 96, 160, 224)
#define OUT_A QUAD_OUT_G8
#define OUT_B QUAD_OUT_PART_B_G8
#include "avx512_dot_rowparts_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B

#define NAME ·avx512DotRow256W4G8X4
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_X4
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX4_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX4_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX4
#define SCBYTES 256
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A G8_QUADX4(0, 64, 128, 192)
#define SCALES_B G8_QUADX4(32, 96, 160, 224)
#define OUT_A QUAD_OUT_G8
#define OUT_B QUAD_OUT_PART_B_G8
#include "avx512_dot_rowparts_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B

// The 4-bit Dot row kernels on rows of 96 values (head dimension 96) in
// groups of 32 or 96: four rows (192 code bytes) are three vectors, taken
// as three rows of 128 whose 128-bit lane L of vector v holds block
// c = 4v+L of the four rows' twelve (row c/3, block c%3), each multiplied
// into its own x tables (avx512Row96Cols: the query's block c%3). The
// three accumulators and a zero one combine into K, lane 4L+v holding
// block c's partial; each lane is scaled by its block's group scale and
// gets its row's min times the query's block sum (a group of 96: the
// row's min times each block's sum, which add up to the group's), then F
// is permuted to REDUCE4's layout (lane 4i+r: row r's block i, lanes
// 12-15 zero, which also drops the zero accumulator's lanes, whose scales
// are another row's) and parked. Every lane is one row's, so a non-finite
// scale or min stays in its own row's sum. Budget per 32 values, as for
// rows of 128: 4 + 2 per query row for the codes (the memory operand of
// each multiply-add is the x table of its vector) plus about 1.3 per
// query row for combining, scaling, permuting and reducing.
//
// Registers: accumulators Z0-Z2 (query row 0), Z4-Z6, Z8-Z10, Z12-Z14, the
// zero accumulator ZERO; codes Z24-Z26; the rest as in the kernels of
// rows of 128. K7 = 0x0fff: the quad's twelve scales, F's twelve lanes.

// The quad's twelve scales (mins), row-major (entry 3r+b), converted, and
// permuted into K's lanes (lane 4L+v: entry 4v+L); DX and R8 step by 8
// bytes more than QUAD_ROWS_NEXT does.
#define QUAD_SCALES_R96_G32 \
	VMOVDQU16.Z (DX), K7, T1Y;              \
	VCVTPH2PS   T1Y, T1;                    \
	VMOVDQU32   ·avx512Row96Idx+0(SB), SREG; \
	VPERMPS     T1, SREG, SREG;             \
	VMOVDQU16.Z (R8), K7, T1Y;              \
	VCVTPH2PS   T1Y, T1;                    \
	VMOVDQU32   ·avx512Row96Idx+0(SB), MREG; \
	VPERMPS     T1, MREG, MREG;             \
	ADDQ        $8, DX;                     \
	ADDQ        $8, R8

// The quad's four scales (mins), one per row, permuted into K's lanes
// (lane 4L+v: entry (4v+L)/3); DX and R8 step by 8 bytes less than
// QUAD_ROWS_NEXT does.
#define QUAD_SCALES_R96_G96 \
	VCVTPH2PS   (DX), T1X;                   \
	VMOVDQU32   ·avx512Row96Idx+64(SB), SREG; \
	VPERMPS     T1, SREG, SREG;              \
	VCVTPH2PS   (R8), T1X;                   \
	VMOVDQU32   ·avx512Row96Idx+64(SB), MREG; \
	VPERMPS     T1, MREG, MREG;              \
	SUBQ        $8, DX;                      \
	SUBQ        $8, R8

// Per query row: combine the three vectors' accumulators (and the zero
// one) into K, F = K * S + mins * the query's block sums (table R9, lane
// 4L+v), permuted to REDUCE4's layout, parked. Scratch: T1-T4.
#define QUAD_OUT_R96(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);             \
	COMBINE_F(a2, a3, T4, T1, T2);             \
	COMBINE_F(T3, T4, T3, T1, T2);             \
	VMULPS      (j*64)(R9), MREG, T4;          \
	VFMADD231PS SREG, T3, T4;                  \
	VMOVDQU32   ·avx512Row96Idx+128(SB), T1;   \
	VPERMPS.Z   T4, T1, K7, T4;                \
	VMOVUPS     T4, (j*256)(R13)(R14*1)

#define ROWFOR96X1(m) m(0, Z0, Z1, Z2, ZERO)
#define ROWFOR96X2(m) ROWFOR96X1(m); m(1, Z4, Z5, Z6, ZERO)
#define ROWFOR96X4(m) ROWFOR96X2(m); m(2, Z8, Z9, Z10, ZERO); m(3, Z12, Z13, Z14, ZERO)

#define SETUP_R96 \
	SETUP_MASKS;        \
	VPXORD ZERO, ZERO, ZERO; \
	MOVL   $0x0fff, R11; \
	KMOVW  R11, K7

#define SETUP_R96X4 \
	VPXORD ZERO, ZERO, ZERO; \
	MOVL   $0x0fff, R11; \
	KMOVW  R11, K7

// QUADR96X1: the four rows (three vectors), the eight nibbles, 1 query row.
#define QUADR96X1 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VPANDD Z16, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 0(BX), Z28, Z0; \
	VPANDD Z16, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS 512(BX), Z29, Z1; \
	VPANDD Z16, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 1024(BX), Z28, Z2; \
	VPANDD Z17, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 64(BX), Z28, Z0; \
	VPANDD Z17, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 576(BX), Z29, Z1; \
	VPANDD Z17, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1088(BX), Z28, Z2; \
	VPANDD Z18, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 128(BX), Z28, Z0; \
	VPANDD Z18, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 640(BX), Z29, Z1; \
	VPANDD Z18, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1152(BX), Z28, Z2; \
	VPANDD Z19, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 192(BX), Z28, Z0; \
	VPANDD Z19, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 704(BX), Z29, Z1; \
	VPANDD Z19, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1216(BX), Z28, Z2; \
	VPANDD Z20, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 256(BX), Z28, Z0; \
	VPANDD Z20, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 768(BX), Z29, Z1; \
	VPANDD Z20, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1280(BX), Z28, Z2; \
	VPANDD Z21, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 320(BX), Z28, Z0; \
	VPANDD Z21, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 832(BX), Z29, Z1; \
	VPANDD Z21, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1344(BX), Z28, Z2; \
	VPANDD Z22, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 384(BX), Z28, Z0; \
	VPANDD Z22, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 896(BX), Z29, Z1; \
	VPANDD Z22, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1408(BX), Z28, Z2; \
	VPANDD Z23, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 448(BX), Z28, Z0; \
	VPANDD Z23, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 960(BX), Z29, Z1; \
	VPANDD Z23, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1472(BX), Z28, Z2

// QUADR96X2: the four rows (three vectors), the eight nibbles, 2 query rows.
#define QUADR96X2 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VPANDD Z16, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 0(BX), Z28, Z0; \
	VMULPS 1536(BX), Z28, Z4; \
	VPANDD Z16, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS 512(BX), Z29, Z1; \
	VMULPS 2048(BX), Z29, Z5; \
	VPANDD Z16, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 1024(BX), Z28, Z2; \
	VMULPS 2560(BX), Z28, Z6; \
	VPANDD Z17, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 64(BX), Z28, Z0; \
	VFMADD231PS 1600(BX), Z28, Z4; \
	VPANDD Z17, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 576(BX), Z29, Z1; \
	VFMADD231PS 2112(BX), Z29, Z5; \
	VPANDD Z17, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1088(BX), Z28, Z2; \
	VFMADD231PS 2624(BX), Z28, Z6; \
	VPANDD Z18, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 128(BX), Z28, Z0; \
	VFMADD231PS 1664(BX), Z28, Z4; \
	VPANDD Z18, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 640(BX), Z29, Z1; \
	VFMADD231PS 2176(BX), Z29, Z5; \
	VPANDD Z18, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1152(BX), Z28, Z2; \
	VFMADD231PS 2688(BX), Z28, Z6; \
	VPANDD Z19, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 192(BX), Z28, Z0; \
	VFMADD231PS 1728(BX), Z28, Z4; \
	VPANDD Z19, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 704(BX), Z29, Z1; \
	VFMADD231PS 2240(BX), Z29, Z5; \
	VPANDD Z19, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1216(BX), Z28, Z2; \
	VFMADD231PS 2752(BX), Z28, Z6; \
	VPANDD Z20, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 256(BX), Z28, Z0; \
	VFMADD231PS 1792(BX), Z28, Z4; \
	VPANDD Z20, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 768(BX), Z29, Z1; \
	VFMADD231PS 2304(BX), Z29, Z5; \
	VPANDD Z20, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1280(BX), Z28, Z2; \
	VFMADD231PS 2816(BX), Z28, Z6; \
	VPANDD Z21, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 320(BX), Z28, Z0; \
	VFMADD231PS 1856(BX), Z28, Z4; \
	VPANDD Z21, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 832(BX), Z29, Z1; \
	VFMADD231PS 2368(BX), Z29, Z5; \
	VPANDD Z21, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1344(BX), Z28, Z2; \
	VFMADD231PS 2880(BX), Z28, Z6; \
	VPANDD Z22, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 384(BX), Z28, Z0; \
	VFMADD231PS 1920(BX), Z28, Z4; \
	VPANDD Z22, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 896(BX), Z29, Z1; \
	VFMADD231PS 2432(BX), Z29, Z5; \
	VPANDD Z22, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1408(BX), Z28, Z2; \
	VFMADD231PS 2944(BX), Z28, Z6; \
	VPANDD Z23, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 448(BX), Z28, Z0; \
	VFMADD231PS 1984(BX), Z28, Z4; \
	VPANDD Z23, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 960(BX), Z29, Z1; \
	VFMADD231PS 2496(BX), Z29, Z5; \
	VPANDD Z23, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 1472(BX), Z28, Z2; \
	VFMADD231PS 3008(BX), Z28, Z6

// QUADR96X4: the four rows (three vectors), the eight nibbles, 4 query rows.
#define QUADR96X4 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VPBROADCASTD ·avx512NibMask+0(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VMULPS 0(BX), Z16, Z0; \
	VMULPS 512(BX), Z17, Z1; \
	VMULPS 1024(BX), Z18, Z2; \
	VMULPS 1536(BX), Z16, Z4; \
	VMULPS 2048(BX), Z17, Z5; \
	VMULPS 2560(BX), Z18, Z6; \
	VMULPS 3072(BX), Z16, Z8; \
	VMULPS 3584(BX), Z17, Z9; \
	VMULPS 4096(BX), Z18, Z10; \
	VMULPS 4608(BX), Z16, Z12; \
	VMULPS 5120(BX), Z17, Z13; \
	VMULPS 5632(BX), Z18, Z14; \
	VPBROADCASTD ·avx512NibMask+64(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 64(BX), Z16, Z0; \
	VFMADD231PS 576(BX), Z17, Z1; \
	VFMADD231PS 1088(BX), Z18, Z2; \
	VFMADD231PS 1600(BX), Z16, Z4; \
	VFMADD231PS 2112(BX), Z17, Z5; \
	VFMADD231PS 2624(BX), Z18, Z6; \
	VFMADD231PS 3136(BX), Z16, Z8; \
	VFMADD231PS 3648(BX), Z17, Z9; \
	VFMADD231PS 4160(BX), Z18, Z10; \
	VFMADD231PS 4672(BX), Z16, Z12; \
	VFMADD231PS 5184(BX), Z17, Z13; \
	VFMADD231PS 5696(BX), Z18, Z14; \
	VPBROADCASTD ·avx512NibMask+128(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 128(BX), Z16, Z0; \
	VFMADD231PS 640(BX), Z17, Z1; \
	VFMADD231PS 1152(BX), Z18, Z2; \
	VFMADD231PS 1664(BX), Z16, Z4; \
	VFMADD231PS 2176(BX), Z17, Z5; \
	VFMADD231PS 2688(BX), Z18, Z6; \
	VFMADD231PS 3200(BX), Z16, Z8; \
	VFMADD231PS 3712(BX), Z17, Z9; \
	VFMADD231PS 4224(BX), Z18, Z10; \
	VFMADD231PS 4736(BX), Z16, Z12; \
	VFMADD231PS 5248(BX), Z17, Z13; \
	VFMADD231PS 5760(BX), Z18, Z14; \
	VPBROADCASTD ·avx512NibMask+192(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 192(BX), Z16, Z0; \
	VFMADD231PS 704(BX), Z17, Z1; \
	VFMADD231PS 1216(BX), Z18, Z2; \
	VFMADD231PS 1728(BX), Z16, Z4; \
	VFMADD231PS 2240(BX), Z17, Z5; \
	VFMADD231PS 2752(BX), Z18, Z6; \
	VFMADD231PS 3264(BX), Z16, Z8; \
	VFMADD231PS 3776(BX), Z17, Z9; \
	VFMADD231PS 4288(BX), Z18, Z10; \
	VFMADD231PS 4800(BX), Z16, Z12; \
	VFMADD231PS 5312(BX), Z17, Z13; \
	VFMADD231PS 5824(BX), Z18, Z14; \
	VPBROADCASTD ·avx512NibMask+256(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 256(BX), Z16, Z0; \
	VFMADD231PS 768(BX), Z17, Z1; \
	VFMADD231PS 1280(BX), Z18, Z2; \
	VFMADD231PS 1792(BX), Z16, Z4; \
	VFMADD231PS 2304(BX), Z17, Z5; \
	VFMADD231PS 2816(BX), Z18, Z6; \
	VFMADD231PS 3328(BX), Z16, Z8; \
	VFMADD231PS 3840(BX), Z17, Z9; \
	VFMADD231PS 4352(BX), Z18, Z10; \
	VFMADD231PS 4864(BX), Z16, Z12; \
	VFMADD231PS 5376(BX), Z17, Z13; \
	VFMADD231PS 5888(BX), Z18, Z14; \
	VPBROADCASTD ·avx512NibMask+320(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 320(BX), Z16, Z0; \
	VFMADD231PS 832(BX), Z17, Z1; \
	VFMADD231PS 1344(BX), Z18, Z2; \
	VFMADD231PS 1856(BX), Z16, Z4; \
	VFMADD231PS 2368(BX), Z17, Z5; \
	VFMADD231PS 2880(BX), Z18, Z6; \
	VFMADD231PS 3392(BX), Z16, Z8; \
	VFMADD231PS 3904(BX), Z17, Z9; \
	VFMADD231PS 4416(BX), Z18, Z10; \
	VFMADD231PS 4928(BX), Z16, Z12; \
	VFMADD231PS 5440(BX), Z17, Z13; \
	VFMADD231PS 5952(BX), Z18, Z14; \
	VPBROADCASTD ·avx512NibMask+384(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 384(BX), Z16, Z0; \
	VFMADD231PS 896(BX), Z17, Z1; \
	VFMADD231PS 1408(BX), Z18, Z2; \
	VFMADD231PS 1920(BX), Z16, Z4; \
	VFMADD231PS 2432(BX), Z17, Z5; \
	VFMADD231PS 2944(BX), Z18, Z6; \
	VFMADD231PS 3456(BX), Z16, Z8; \
	VFMADD231PS 3968(BX), Z17, Z9; \
	VFMADD231PS 4480(BX), Z18, Z10; \
	VFMADD231PS 4992(BX), Z16, Z12; \
	VFMADD231PS 5504(BX), Z17, Z13; \
	VFMADD231PS 6016(BX), Z18, Z14; \
	VPBROADCASTD ·avx512NibMask+448(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 448(BX), Z16, Z0; \
	VFMADD231PS 960(BX), Z17, Z1; \
	VFMADD231PS 1472(BX), Z18, Z2; \
	VFMADD231PS 1984(BX), Z16, Z4; \
	VFMADD231PS 2496(BX), Z17, Z5; \
	VFMADD231PS 3008(BX), Z18, Z6; \
	VFMADD231PS 3520(BX), Z16, Z8; \
	VFMADD231PS 4032(BX), Z17, Z9; \
	VFMADD231PS 4544(BX), Z18, Z10; \
	VFMADD231PS 5056(BX), Z16, Z12; \
	VFMADD231PS 5568(BX), Z17, Z13; \
	VFMADD231PS 6080(BX), Z18, Z14

#define NAME ·avx512DotRow96W4G32X1
#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define ZERO Z12
#define SETUP SETUP_R96
#define QUAD QUADR96X1
#define QUAD_OUT QUAD_OUT_R96
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G32
#define FORX ROWFOR96X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G32X2
#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define ZERO Z12
#define SETUP SETUP_R96
#define QUAD QUADR96X2
#define QUAD_OUT QUAD_OUT_R96
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G32
#define FORX ROWFOR96X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G32X4
#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T1X X26
#define T1Y Y26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define ZERO Z31
#define SETUP SETUP_R96X4
#define QUAD QUADR96X4
#define QUAD_OUT QUAD_OUT_R96
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G32
#define FORX ROWFOR96X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G96X1
#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define ZERO Z12
#define SETUP SETUP_R96
#define QUAD QUADR96X1
#define QUAD_OUT QUAD_OUT_R96
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G96
#define FORX ROWFOR96X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G96X2
#define MREG Z26
#define SREG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define ZERO Z12
#define SETUP SETUP_R96
#define QUAD QUADR96X2
#define QUAD_OUT QUAD_OUT_R96
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G96
#define FORX ROWFOR96X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G96X4
#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T1X X26
#define T1Y Y26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define ZERO Z31
#define SETUP SETUP_R96X4
#define QUAD QUADR96X4
#define QUAD_OUT QUAD_OUT_R96
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G96
#define FORX ROWFOR96X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

// The 4-bit Dot row kernels on rows of 96 values in groups of 8: a group
// is one code dword, so the quad's 48 dwords (three vectors, row-major:
// row (16v+l)/12's group (16v+l)%12 in lane l of vector v) line up with
// its 48 scales and mins; each vector's accumulator is scaled and shifted
// lane by lane (the query row's group sums per vector, 192 bytes per query
// row at R9), then the vectors combine unscaled into K (lane 4L+v: block
// 4v+L) and are permuted to REDUCE4's layout as in the kernels of groups
// of 32. The x tables have the layout of groups of 8 (avx512Row96Cols4G8).
// Budget per 32 values: that of the kernels of groups of 32, with 0.5 for
// the conversions and 0.5 per query row for the lanes' scale and shift in
// place of their scale step.

// G8R96_LANES(j, v, acc) is G8_LANES for vector v of a quad of rows of 96.
#define G8R96_LANES(j, v, acc) \
	VMULPS      (j*192+v*64)(R9), Z25, Z26; \
	VFMADD213PS Z26, Z24, acc

// G8R96_NEXT steps DX and R8 past the quad's 48 scales and mins.
#define G8R96_NEXT \
	ADDQ $80, DX; \
	ADDQ $80, R8

#define QUAD_SCALES_R96_G8X1 \
	G8_ROW(0); G8R96_LANES(0, 0, Z0);  \
	G8_ROW(32); G8R96_LANES(0, 1, Z1); \
	G8_ROW(64); G8R96_LANES(0, 2, Z2); \
	G8R96_NEXT

#define QUAD_SCALES_R96_G8X2 \
	G8_ROW(0); G8R96_LANES(0, 0, Z0); G8R96_LANES(1, 0, Z4);  \
	G8_ROW(32); G8R96_LANES(0, 1, Z1); G8R96_LANES(1, 1, Z5); \
	G8_ROW(64); G8R96_LANES(0, 2, Z2); G8R96_LANES(1, 2, Z6); \
	G8R96_NEXT

#define QUAD_SCALES_R96_G8X4 \
	G8_ROW(0); G8R96_LANES(0, 0, Z0); G8R96_LANES(1, 0, Z4); G8R96_LANES(2, 0, Z8); G8R96_LANES(3, 0, Z12);   \
	G8_ROW(32); G8R96_LANES(0, 1, Z1); G8R96_LANES(1, 1, Z5); G8R96_LANES(2, 1, Z9); G8R96_LANES(3, 1, Z13);  \
	G8_ROW(64); G8R96_LANES(0, 2, Z2); G8R96_LANES(1, 2, Z6); G8R96_LANES(2, 2, Z10); G8R96_LANES(3, 2, Z14); \
	G8R96_NEXT

// Per query row: combine the three scaled vectors (and the zero
// accumulator) into K, permute to REDUCE4's layout, park. Scratch: T1-T4.
#define QUAD_OUT_R96_G8(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);           \
	COMBINE_F(a2, a3, T4, T1, T2);           \
	COMBINE_F(T3, T4, T3, T1, T2);           \
	VMOVDQU32 ·avx512Row96Idx+128(SB), T1;   \
	VPERMPS.Z T3, T1, K7, T3;                \
	VMOVUPS   T3, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow96W4G8X1
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define ZERO Z12
#define SETUP SETUP_R96
#define QUAD QUADR96X1
#define QUAD_OUT QUAD_OUT_R96_G8
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G8X1
#define FORX ROWFOR96X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G8X2
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define ZERO Z12
#define SETUP SETUP_R96
#define QUAD QUADR96X2
#define QUAD_OUT QUAD_OUT_R96_G8
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G8X2
#define FORX ROWFOR96X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G8X4
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define ZERO Z31
#define SETUP SETUP_R96X4
#define QUAD QUADR96X4
#define QUAD_OUT QUAD_OUT_R96_G8
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G8X4
#define FORX ROWFOR96X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef T1
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

// The 2-bit Dot row kernels on rows of 128 values in groups of 16: a
// group is 4 bytes (byte j holding values j, j+4, j+8 and j+12), one code
// dword, so each accumulator lane (acc01: rows 0-1, acc23: rows 2-3, lane
// 8r+g: row r's group g) is scaled and shifted on its own, before the
// COMBINE that brings the quad to the kernels' K layout (lane 4L+p: row
// 2(p/2)+L/2), then permuted to REDUCE4's as by QUAD_OUT_W2.
// The x tables have the layout of groups of 16 (avx512RowCols2G16).

// The quad's 32 scales and 32 mins, converted in the accumulators' lane
// order (rows 0-1: Z8 and Z12, rows 2-3: Z9 and Z13); DX and R8 step by
// 48 bytes more than QUAD_ROWS_NEXT does.
#define QUAD_SCALES_W2_G16 \
	VCVTPH2PS (DX), Z8;    \
	VCVTPH2PS 32(DX), Z9;  \
	VCVTPH2PS (R8), Z12;   \
	VCVTPH2PS 32(R8), Z13; \
	ADDQ      $48, DX;     \
	ADDQ      $48, R8

// Per query row: each pair's lanes scaled and shifted (mins times the
// query's group sums, table R9, lane l: group l%8), combined into K,
// permuted to REDUCE4's layout, parked. Scratch: Z10, Z11, Z14, Z15.
#define QUAD_OUT_W2_G16(j, a0, a1, a2, a3) \
	VMULPS      (j*64)(R9), Z12, Z10;        \
	VFMADD231PS Z8, a0, Z10;                 \
	VMULPS      (j*64)(R9), Z13, Z11;        \
	VFMADD231PS Z9, a1, Z11;                 \
	COMBINE_F(Z10, Z11, Z10, Z14, Z15);      \
	VMOVDQU32   ·avx512DotW2OutIdx(SB), Z14; \
	VPERMPS     Z10, Z14, Z10;               \
	VMOVUPS     Z10, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow128W2G16X1
#define SETUP SETUP_W2TABLES
#define QUAD QUADW2X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow128W2G16X2
#define SETUP SETUP_W2TABLES
#define QUAD QUADW2X2
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow128W2G16X4
#define SETUP SETUP_W2TABLES
#define QUAD QUADW2X4
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

// The 2-bit rows of 256 in groups of 16: the halves as rows of 128 in
// groups of 16 (QUAD_SCALES_W2_G16: a row's 16 scales are its halves' 8
// each), their sums added in pairs.

#define NAME ·avx512DotRow256W2G16X1
#define SETUP SETUP_W2TABLES
#define QUAD QUADW2X1
#define FLUSH_OUT ROW_FLUSH_W2_PAIRS
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X1
#define ROW_PAIRS 1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX
#undef ROW_PAIRS

#define NAME ·avx512DotRow256W2G16X2
#define SETUP SETUP_W2TABLES
#define QUAD QUADW2X2
#define FLUSH_OUT ROW_FLUSH_W2_PAIRS
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X2
#define ROW_PAIRS 1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX
#undef ROW_PAIRS

#define NAME ·avx512DotRow256W2G16X4
#define SETUP SETUP_W2TABLES
#define QUAD QUADW2X4
#define FLUSH_OUT ROW_FLUSH_W2_PAIRS
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X4
#define ROW_PAIRS 1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX
#undef ROW_PAIRS

// The Dot row kernels on rows of 64 values in groups of 16. 4-bit: the
// kernels of groups of 32, each accumulator lane (rows 0-1, 2-3; lane l:
// row l/8, dword l%8, group (l%8)/2) scaled and shifted on its own before
// the COMBINE (QUAD_OUT_W4R64_G16, the scales permuted to those lanes). 2-bit:
// a row is four dwords, one group each, so the quad's 16 scales and 16
// mins are already in the lanes' order (lane 4r+d: row r, group d).
#define QUAD_SCALES_W4R64_G16 \
	VCVTPH2PS (DX), Z10;                      \
	VMOVDQU32 ·avx512R64G16Idx(SB), Z8;       \
	VPERMPS   Z10, Z8, Z8;                    \
	VMOVDQU32 ·avx512R64G16Idx+64(SB), Z9;    \
	VPERMPS   Z10, Z9, Z9;                    \
	VCVTPH2PS (R8), Z10;                      \
	VMOVDQU32 ·avx512R64G16Idx(SB), Z12;      \
	VPERMPS   Z10, Z12, Z12;                  \
	VMOVDQU32 ·avx512R64G16Idx+64(SB), Z13;   \
	VPERMPS   Z10, Z13, Z13;                  \
	ADDQ      $16, DX;                        \
	ADDQ      $16, R8

// QUAD_OUT_W4R64_G16 is QUAD_OUT_W2_G16 for 4-bit rows of 64, whose
// groups of 16 are two dwords each: the shift term goes to the even lane
// of each (mask K5 = 0x5555), not to both.
#define QUAD_OUT_W4R64_G16(j, a0, a1, a2, a3) \
	VMULPS.Z    (j*64)(R9), Z12, K5, Z10;    \
	VFMADD231PS Z8, a0, Z10;                 \
	VMULPS.Z    (j*64)(R9), Z13, K5, Z11;    \
	VFMADD231PS Z9, a1, Z11;                 \
	COMBINE_F(Z10, Z11, Z10, Z14, Z15);      \
	VMOVDQU32   ·avx512DotW2OutIdx(SB), Z14; \
	VPERMPS     Z10, Z14, Z10;               \
	VMOVUPS     Z10, (j*256)(R13)(R14*1)

#define SETUP_W4R64_G16 \
	SETUP_MASKS;        \
	MOVL  $0x5555, R11; \
	KMOVW R11, K5

#define QUAD_SCALES_W2R64_G16 \
	VCVTPH2PS (DX), Z13;                 \
	VCVTPH2PS (R8), Z12;                 \
	VMOVDQU32 ·avx512QuadG32Idx(SB), Z9; \
	ADDQ      $16, DX;                   \
	ADDQ      $16, R8

#define NAME ·avx512DotRow64W4G16X1
#define SETUP SETUP_W4R64_G16
#define QUAD QUADW4R64X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W4R64_G16
#define QUAD_OUT QUAD_OUT_W4R64_G16
#define FORX ROWFORW2X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W4G16X2
#define SETUP SETUP_W4R64_G16
#define QUAD QUADW4R64X2
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W4R64_G16
#define QUAD_OUT QUAD_OUT_W4R64_G16
#define FORX ROWFORW2X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

// The four-query kernel on 4-bit rows of 64 values in groups of 16 runs
// eight rows per iteration too (avx512_dot_row64x8_amd64.h): a 128-bit
// lane of an accumulator holds two groups of one row (dword lanes 0-1 and
// 2-3), so each pair of accumulators is combined once (P01, P23: lane
// 4L+i holds row 2(i/2)+L/2 of the pair's four rows, group 2(L%2)+i%2),
// scaled and shifted per group (the four rows' 16 scales and mins
// permuted by avx512Row64G16Idx), and the two are combined into K as in
// one group of 64.
#define MREG Z24
#define SREG Z25
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define M23 Z30
#define S23 Z31

// The scales and mins of rows 0-3 (SREG, MREG) and 4-7 (S23, M23), 64
// bytes of each.
#define OCT_SCALES_G16 \
	VMOVDQU32 ·avx512Row64G16Idx(SB), T1; \
	VCVTPH2PS (DX), SREG;                 \
	VPERMPS   SREG, T1, SREG;             \
	VCVTPH2PS 32(DX), S23;                \
	VPERMPS   S23, T1, S23;               \
	VCVTPH2PS (R8), MREG;                 \
	VPERMPS   MREG, T1, MREG;             \
	VCVTPH2PS 32(R8), M23;                \
	VPERMPS   M23, T1, M23;               \
	ADDQ      $64, DX;                    \
	ADDQ      $64, R8

// Per query row: each pair of accumulators combined, scaled and shifted
// per group (the query's group sums at R9, lane 4L+i group 2(L%2)+i%2),
// the two combined into K's layout and parked. Scratch: T1-T4 and Z16-Z17
// (the nibbles of QUADX4).
#define OCT_OUT_G16(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);  \
	VMULPS      (j*64)(R9), MREG, T4; \
	VFMADD231PS SREG, T3, T4;       \
	COMBINE_F(a2, a3, T3, T1, T2);  \
	VMULPS      (j*64)(R9), M23, T1; \
	VFMADD231PS S23, T3, T1;        \
	COMBINE_F(T4, T1, T3, Z16, Z17); \
	VMOVUPS     T3, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow64W4G16X4
#define OCT_SCALES OCT_SCALES_G16
#define OCT_OUT OCT_OUT_G16
#define SHIFT_LANES 0xffff
#include "avx512_dot_row64x8_amd64.h"
#undef NAME
#undef OCT_SCALES
#undef OCT_OUT
#undef SHIFT_LANES
#undef MREG
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef M23
#undef S23

#define NAME ·avx512DotRow64W2G16X1
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2R64X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 64
#define QUAD_SCALES QUAD_SCALES_W2R64_G16
#define QUAD_OUT QUAD_OUT_W2R64
#define FORX ROWFORW2X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W2G16X2
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2R64X2
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 64
#define QUAD_SCALES QUAD_SCALES_W2R64_G16
#define QUAD_OUT QUAD_OUT_W2R64
#define FORX ROWFORW2X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W2G16X4
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2R64X4
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 64
#define QUAD_SCALES QUAD_SCALES_W2R64_G16
#define QUAD_OUT QUAD_OUT_W2R64
#define FORX ROWFORW2X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

// The 4-bit Dot row kernels on rows of 256 values in groups of 16: the
// halves of the kernels of rows of 256, each scaled as rows of 128 in
// groups of 16 (each pair of rows scaled after its first COMBINE).

// SCALES_PART_G16(off): the half's scales and mins of each pair of rows,
// lane 4L+q taking row q/2's (of the pair) group 8h+2L+q%2 (VPERMI2PS by
// ·avx512Row256G16Idx+off over the pair's 32 converted scales): rows 0-1
// into SREG and MREG, rows 2-3 into S2REG and M2REG. Scratch: T1, T2.
#define SCALES_PART_G16(off) \
	VCVTPH2PS 0(DX), T1;                          \
	VCVTPH2PS 32(DX), T2;                         \
	VMOVDQU32 ·avx512Row256G16Idx+off(SB), SREG;  \
	VPERMI2PS T2, T1, SREG;                       \
	VCVTPH2PS 64(DX), T1;                         \
	VCVTPH2PS 96(DX), T2;                         \
	VMOVDQU32 ·avx512Row256G16Idx+off(SB), S2REG; \
	VPERMI2PS T2, T1, S2REG;                      \
	VCVTPH2PS 0(R8), T1;                          \
	VCVTPH2PS 32(R8), T2;                         \
	VMOVDQU32 ·avx512Row256G16Idx+off(SB), MREG;  \
	VPERMI2PS T2, T1, MREG;                       \
	VCVTPH2PS 64(R8), T1;                         \
	VCVTPH2PS 96(R8), T2;                         \
	VMOVDQU32 ·avx512Row256G16Idx+off(SB), M2REG; \
	VPERMI2PS T2, T1, M2REG

// Per query row and half: QUAD_OUT_G16 into T3, then parked (first half)
// or added to the parked vector (second half). Scratch: T1-T4 and a0.
#define QUAD_OUT_PART_A_G16(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);        \
	VMULPS      (j*64)(R9), MREG, T4;     \
	VFMADD231PS SREG, T3, T4;             \
	COMBINE_F(a2, a3, T3, T1, T2);        \
	VMULPS      (j*64)(R9), M2REG, T1;    \
	VFMADD231PS S2REG, T3, T1;            \
	COMBINE_F(T4, T1, T3, T2, a0);        \
	VMOVUPS     T3, (j*256)(R13)(R14*1)

#define QUAD_OUT_PART_B_G16(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);        \
	VMULPS      (j*64)(R9), MREG, T4;     \
	VFMADD231PS SREG, T3, T4;             \
	COMBINE_F(a2, a3, T3, T1, T2);        \
	VMULPS      (j*64)(R9), M2REG, T1;    \
	VFMADD231PS S2REG, T3, T1;            \
	COMBINE_F(T4, T1, T3, T2, a0);        \
	VADDPS      (j*256)(R13)(R14*1), T3, T3; \
	VMOVUPS     T3, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow256W4G16X1
#define MREG Z26
#define SREG Z27
#define M2REG Z12
#define S2REG Z13
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define PART_A HALF_X1(1024); QUAD_CODES(0, 128, 256, 384); QUADX1_BODY
#define PART_B HALF_X1(1280); QUAD_CODES(64, 192, 320, 448); QUADX1_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX1
#define SCBYTES 128
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A SCALES_PART_G16(0)
#define SCALES_B SCALES_PART_G16(64)
#define OUT_A QUAD_OUT_PART_A_G16
#define OUT_B QUAD_OUT_PART_B_G16
#include "avx512_dot_rowparts_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B

#define NAME ·avx512DotRow256W4G16X2
#define MREG Z26
#define SREG Z27
#define M2REG Z12
#define S2REG Z13
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX2_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX2_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX2
#define SCBYTES 128
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A SCALES_PART_G16(0)
#define SCALES_B SCALES_PART_G16(64)
#define OUT_A QUAD_OUT_PART_A_G16
#define OUT_B QUAD_OUT_PART_B_G16
#include "avx512_dot_rowparts_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B

#define NAME ·avx512DotRow256W4G16X4
#define MREG Z24
#define SREG Z25
#define M2REG Z16
#define S2REG Z17
#define T1 Z26
#define T1X X26
#define T1Y Y26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_X4
#define PART_A PREFETCH_HALF(1024); QUAD_CODES(0, 128, 256, 384); QUADX4_BODY
#define PART_B PREFETCH_HALF(1280); QUAD_CODES(64, 192, 320, 448); QUADX4_BODY
#define PART_TABLES 2560
#define QUADBYTES 512
#define FORX ROWFORX4
#define SCBYTES 128
#define SHIFT_LO 0xffff
#define SHIFT_HI 0xffff
#define SCALES_A SCALES_PART_G16(0)
#define SCALES_B SCALES_PART_G16(64)
#define OUT_A QUAD_OUT_PART_A_G16
#define OUT_B QUAD_OUT_PART_B_G16
#include "avx512_dot_rowparts_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T3
#undef T4
#undef SETUP
#undef PART_A
#undef PART_B
#undef PART_TABLES
#undef QUADBYTES
#undef FORX
#undef SCBYTES
#undef SHIFT_LO
#undef SHIFT_HI
#undef SCALES_A
#undef SCALES_B
#undef OUT_A
#undef OUT_B

// The 2-bit Dot row kernels on rows of 96 values (head dimension 96) in
// groups of 32 or 96: eight rows (192 code bytes) are three vectors whose
// dword pairs are the rows' 24 blocks of 32 values (block c = 8v + pair:
// row c/3, block c%3), each multiplied into its own x tables
// (avx512Row96Cols2). The COMBINE of two vectors' accumulators (and of the
// third with a zero one) sums each pair into one lane (K01 lane 4L+q:
// block 8(q/2)+2L+q%2; K2 lane 4L+q, q < 2: block 16+2L+q%2); each lane is
// scaled by its block's group scale and gets its row's min times the
// query's block sum; then three VPERMI2PS gather each row's three blocks
// (lane r: block 3r+i) and their sum is parked as two quads of REDUCE4's
// layout (rows 0-3 and 4-7 in lanes 0-3). Every lane is one row's, so a
// non-finite scale or min stays in its own row's sum. Budget per 32
// values: 4 + 2 per query row for the codes, plus about 1.7 per query row
// to combine, scale, gather and park.
//
// Registers: accumulators Z0-Z2 (query row 0), Z12-Z14 (1), or for four
// query rows Z0-Z2, Z4-Z6, Z8-Z10, Z12-Z14; ZERO Z3; field masks Z16-Z31
// (four query rows: loaded per field into Z30); then S01, S2, M01, M2 and
// T1-T4. K5 = 0x000f.

// The eight rows' scales (mins) into K01's and K2's lanes, and the quad
// counter and park offset stepped for the second quad of the eight rows.
#define QUAD_SCALES_W2R96_G32 \
	VCVTPH2PS (DX), T1;                          \
	VCVTPH2PS 32(DX), T2Y;                       \
	VMOVDQU32 ·avx512W2R96Idx+0(SB), S01;        \
	VPERMI2PS T2, T1, S01;                       \
	VMOVDQU32 ·avx512W2R96Idx+64(SB), S2;        \
	VPERMI2PS T2, T1, S2;                        \
	VCVTPH2PS (R8), T1;                          \
	VCVTPH2PS 32(R8), T2Y;                       \
	VMOVDQU32 ·avx512W2R96Idx+0(SB), M01;        \
	VPERMI2PS T2, T1, M01;                       \
	VMOVDQU32 ·avx512W2R96Idx+64(SB), M2;        \
	VPERMI2PS T2, T1, M2;                        \
	ADDQ      $32, DX;                           \
	ADDQ      $32, R8;                           \
	ADDQ      $64, R14;                          \
	DECQ      R12

#define QUAD_SCALES_W2R96_G96 \
	VCVTPH2PS (DX), T1Y;                         \
	VMOVDQU32 ·avx512W2R96Idx+128(SB), S01;      \
	VPERMPS   T1, S01, S01;                      \
	VMOVDQU32 ·avx512W2R96Idx+192(SB), S2;       \
	VPERMPS   T1, S2, S2;                        \
	VCVTPH2PS (R8), T1Y;                         \
	VMOVDQU32 ·avx512W2R96Idx+128(SB), M01;      \
	VPERMPS   T1, M01, M01;                      \
	VMOVDQU32 ·avx512W2R96Idx+192(SB), M2;       \
	VPERMPS   T1, M2, M2;                        \
	ADDQ      $64, R14;                          \
	DECQ      R12

// Per query row: the blocks' sums scaled and shifted (the query's block
// sums: table R9, 128 bytes per query row, K01's lanes then K2's), each
// row's three blocks gathered and added, parked as two quads (the first
// 64 bytes before R14, which QUAD_SCALES has stepped).
#define QUAD_OUT_W2R96(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);              \
	COMBINE_F(a2, ZERO, T4, T1, T2);            \
	VMULPS      (j*128)(R9), M01, T1;           \
	VFMADD231PS S01, T3, T1;                    \
	VMULPS      (j*128+64)(R9), M2, T2;         \
	VFMADD231PS S2, T4, T2;                     \
	W2R96_PARK(j, T1, T2, T3, T4)

// W2R96_PARK(j, k01, k2, d, t): each row's three blocks of the scaled
// and shifted K01 (k01) and K2 (k2) gathered and added into d, parked as
// two quads of query row j (the first 64 bytes before R14); t scratch.
#define W2R96_PARK(j, k01, k2, d, t) \
	VMOVDQU32    ·avx512W2R96Idx+256(SB), d;  \
	VPERMI2PS    k2, k01, d;                  \
	VMOVDQU32    ·avx512W2R96Idx+320(SB), t;  \
	VPERMI2PS    k2, k01, t;                  \
	VADDPS       t, d, d;                     \
	VMOVDQU32    ·avx512W2R96Idx+384(SB), t;  \
	VPERMI2PS    k2, k01, t;                  \
	VADDPS       t, d, d;                     \
	VMOVAPS.Z    d, K5, t;                    \
	VMOVUPS      t, (j*256-64)(R13)(R14*1);   \
	VSHUFF32X4.Z $1, d, d, K5, t;             \
	VMOVUPS      t, (j*256)(R13)(R14*1)

// Groups of 16: each code dword is a group, and the eight rows' 48
// scales (row-major) are the three vectors' dwords in order, so S0-S2 are
// the scales converted, and each accumulator is scaled and shifted per
// dword lane (QUAD_OUT_W2R96_G16: the mins converted per query row, times
// the query's group sums, table R9, 192 bytes per query row) before the
// pairs are combined and each row's three blocks gathered. DX and R8 step
// by 80 bytes more than QUAD_ROWS_NEXT does.
#define QUAD_SCALES_W2R96_G16 \
	VCVTPH2PS (DX), S0;   \
	VCVTPH2PS 32(DX), S1; \
	VCVTPH2PS 64(DX), S2; \
	ADDQ      $80, DX;    \
	ADDQ      $80, R8;    \
	ADDQ      $64, R14;   \
	DECQ      R12

#define QUAD_OUT_W2R96_G16(j, a0, a1, a2, a3) \
	VCVTPH2PS    -80(R8), T1;                 \
	VMULPS       (j*192)(R9), T1, T1;         \
	VFMADD213PS  T1, S0, a0;                  \
	VCVTPH2PS    -48(R8), T1;                 \
	VMULPS       (j*192+64)(R9), T1, T1;      \
	VFMADD213PS  T1, S1, a1;                  \
	VCVTPH2PS    -16(R8), T1;                 \
	VMULPS       (j*192+128)(R9), T1, T1;     \
	VFMADD213PS  T1, S2, a2;                  \
	COMBINE_F(a0, a1, T3, T1, T2);            \
	COMBINE_F(a2, ZERO, T4, T1, T2);          \
	W2R96_PARK(j, T3, T4, T1, T2)

#define ROWFORW2R96X1(m) m(0, Z0, Z1, Z2, ZERO)
#define ROWFORW2R96X2(m) ROWFORW2R96X1(m); m(1, Z12, Z13, Z14, ZERO)
#define ROWFORW2R96X4(m) m(0, Z0, Z1, Z2, ZERO); m(1, Z4, Z5, Z6, ZERO); m(2, Z8, Z9, Z10, ZERO); m(3, Z12, Z13, Z14, ZERO)

#define SETUP_W2R96 \
	SETUP_W2MASKS;          \
	VPXORD ZERO, ZERO, ZERO; \
	MOVL   $0x000f, R11;     \
	KMOVW  R11, K5

#define SETUP_W2R96X4 \
	VPXORD ZERO, ZERO, ZERO; \
	MOVL   $0x000f, R11;     \
	KMOVW  R11, K5

// QUADW2R96X1: eight rows (three vectors), the 16 fields, 1 query row.
#define QUADW2R96X1 \
	VMOVDQU32 0(SI), Z4; \
	VMOVDQU32 64(SI), Z5; \
	VMOVDQU32 128(SI), Z6; \
	VPANDD Z16, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VMULPS 0(BX), Z7, Z0; \
	VPANDD Z16, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VMULPS 1024(BX), Z8, Z1; \
	VPANDD Z16, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VMULPS 2048(BX), Z7, Z2; \
	VPANDD Z17, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 64(BX), Z7, Z0; \
	VPANDD Z17, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1088(BX), Z8, Z1; \
	VPANDD Z17, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2112(BX), Z7, Z2; \
	VPANDD Z18, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 128(BX), Z7, Z0; \
	VPANDD Z18, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1152(BX), Z8, Z1; \
	VPANDD Z18, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2176(BX), Z7, Z2; \
	VPANDD Z19, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 192(BX), Z7, Z0; \
	VPANDD Z19, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1216(BX), Z8, Z1; \
	VPANDD Z19, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2240(BX), Z7, Z2; \
	VPANDD Z20, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 256(BX), Z7, Z0; \
	VPANDD Z20, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1280(BX), Z8, Z1; \
	VPANDD Z20, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2304(BX), Z7, Z2; \
	VPANDD Z21, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 320(BX), Z7, Z0; \
	VPANDD Z21, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1344(BX), Z8, Z1; \
	VPANDD Z21, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2368(BX), Z7, Z2; \
	VPANDD Z22, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 384(BX), Z7, Z0; \
	VPANDD Z22, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1408(BX), Z8, Z1; \
	VPANDD Z22, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2432(BX), Z7, Z2; \
	VPANDD Z23, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 448(BX), Z7, Z0; \
	VPANDD Z23, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1472(BX), Z8, Z1; \
	VPANDD Z23, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2496(BX), Z7, Z2; \
	VPANDD Z24, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 512(BX), Z7, Z0; \
	VPANDD Z24, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1536(BX), Z8, Z1; \
	VPANDD Z24, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2560(BX), Z7, Z2; \
	VPANDD Z25, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 576(BX), Z7, Z0; \
	VPANDD Z25, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1600(BX), Z8, Z1; \
	VPANDD Z25, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2624(BX), Z7, Z2; \
	VPANDD Z26, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 640(BX), Z7, Z0; \
	VPANDD Z26, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1664(BX), Z8, Z1; \
	VPANDD Z26, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2688(BX), Z7, Z2; \
	VPANDD Z27, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 704(BX), Z7, Z0; \
	VPANDD Z27, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1728(BX), Z8, Z1; \
	VPANDD Z27, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2752(BX), Z7, Z2; \
	VPANDD Z28, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 768(BX), Z7, Z0; \
	VPANDD Z28, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1792(BX), Z8, Z1; \
	VPANDD Z28, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2816(BX), Z7, Z2; \
	VPANDD Z29, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 832(BX), Z7, Z0; \
	VPANDD Z29, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1856(BX), Z8, Z1; \
	VPANDD Z29, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2880(BX), Z7, Z2; \
	VPANDD Z30, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 896(BX), Z7, Z0; \
	VPANDD Z30, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1920(BX), Z8, Z1; \
	VPANDD Z30, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2944(BX), Z7, Z2; \
	VPANDD Z31, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 960(BX), Z7, Z0; \
	VPANDD Z31, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1984(BX), Z8, Z1; \
	VPANDD Z31, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 3008(BX), Z7, Z2

// QUADW2R96X2: eight rows (three vectors), the 16 fields, 2 query rows.
#define QUADW2R96X2 \
	VMOVDQU32 0(SI), Z4; \
	VMOVDQU32 64(SI), Z5; \
	VMOVDQU32 128(SI), Z6; \
	VPANDD Z16, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VMULPS 0(BX), Z7, Z0; \
	VMULPS 3072(BX), Z7, Z12; \
	VPANDD Z16, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VMULPS 1024(BX), Z8, Z1; \
	VMULPS 4096(BX), Z8, Z13; \
	VPANDD Z16, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VMULPS 2048(BX), Z7, Z2; \
	VMULPS 5120(BX), Z7, Z14; \
	VPANDD Z17, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 64(BX), Z7, Z0; \
	VFMADD231PS 3136(BX), Z7, Z12; \
	VPANDD Z17, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1088(BX), Z8, Z1; \
	VFMADD231PS 4160(BX), Z8, Z13; \
	VPANDD Z17, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2112(BX), Z7, Z2; \
	VFMADD231PS 5184(BX), Z7, Z14; \
	VPANDD Z18, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 128(BX), Z7, Z0; \
	VFMADD231PS 3200(BX), Z7, Z12; \
	VPANDD Z18, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1152(BX), Z8, Z1; \
	VFMADD231PS 4224(BX), Z8, Z13; \
	VPANDD Z18, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2176(BX), Z7, Z2; \
	VFMADD231PS 5248(BX), Z7, Z14; \
	VPANDD Z19, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 192(BX), Z7, Z0; \
	VFMADD231PS 3264(BX), Z7, Z12; \
	VPANDD Z19, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1216(BX), Z8, Z1; \
	VFMADD231PS 4288(BX), Z8, Z13; \
	VPANDD Z19, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2240(BX), Z7, Z2; \
	VFMADD231PS 5312(BX), Z7, Z14; \
	VPANDD Z20, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 256(BX), Z7, Z0; \
	VFMADD231PS 3328(BX), Z7, Z12; \
	VPANDD Z20, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1280(BX), Z8, Z1; \
	VFMADD231PS 4352(BX), Z8, Z13; \
	VPANDD Z20, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2304(BX), Z7, Z2; \
	VFMADD231PS 5376(BX), Z7, Z14; \
	VPANDD Z21, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 320(BX), Z7, Z0; \
	VFMADD231PS 3392(BX), Z7, Z12; \
	VPANDD Z21, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1344(BX), Z8, Z1; \
	VFMADD231PS 4416(BX), Z8, Z13; \
	VPANDD Z21, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2368(BX), Z7, Z2; \
	VFMADD231PS 5440(BX), Z7, Z14; \
	VPANDD Z22, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 384(BX), Z7, Z0; \
	VFMADD231PS 3456(BX), Z7, Z12; \
	VPANDD Z22, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1408(BX), Z8, Z1; \
	VFMADD231PS 4480(BX), Z8, Z13; \
	VPANDD Z22, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2432(BX), Z7, Z2; \
	VFMADD231PS 5504(BX), Z7, Z14; \
	VPANDD Z23, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 448(BX), Z7, Z0; \
	VFMADD231PS 3520(BX), Z7, Z12; \
	VPANDD Z23, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1472(BX), Z8, Z1; \
	VFMADD231PS 4544(BX), Z8, Z13; \
	VPANDD Z23, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2496(BX), Z7, Z2; \
	VFMADD231PS 5568(BX), Z7, Z14; \
	VPANDD Z24, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 512(BX), Z7, Z0; \
	VFMADD231PS 3584(BX), Z7, Z12; \
	VPANDD Z24, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1536(BX), Z8, Z1; \
	VFMADD231PS 4608(BX), Z8, Z13; \
	VPANDD Z24, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2560(BX), Z7, Z2; \
	VFMADD231PS 5632(BX), Z7, Z14; \
	VPANDD Z25, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 576(BX), Z7, Z0; \
	VFMADD231PS 3648(BX), Z7, Z12; \
	VPANDD Z25, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1600(BX), Z8, Z1; \
	VFMADD231PS 4672(BX), Z8, Z13; \
	VPANDD Z25, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2624(BX), Z7, Z2; \
	VFMADD231PS 5696(BX), Z7, Z14; \
	VPANDD Z26, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 640(BX), Z7, Z0; \
	VFMADD231PS 3712(BX), Z7, Z12; \
	VPANDD Z26, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1664(BX), Z8, Z1; \
	VFMADD231PS 4736(BX), Z8, Z13; \
	VPANDD Z26, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2688(BX), Z7, Z2; \
	VFMADD231PS 5760(BX), Z7, Z14; \
	VPANDD Z27, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 704(BX), Z7, Z0; \
	VFMADD231PS 3776(BX), Z7, Z12; \
	VPANDD Z27, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1728(BX), Z8, Z1; \
	VFMADD231PS 4800(BX), Z8, Z13; \
	VPANDD Z27, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2752(BX), Z7, Z2; \
	VFMADD231PS 5824(BX), Z7, Z14; \
	VPANDD Z28, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 768(BX), Z7, Z0; \
	VFMADD231PS 3840(BX), Z7, Z12; \
	VPANDD Z28, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1792(BX), Z8, Z1; \
	VFMADD231PS 4864(BX), Z8, Z13; \
	VPANDD Z28, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2816(BX), Z7, Z2; \
	VFMADD231PS 5888(BX), Z7, Z14; \
	VPANDD Z29, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 832(BX), Z7, Z0; \
	VFMADD231PS 3904(BX), Z7, Z12; \
	VPANDD Z29, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1856(BX), Z8, Z1; \
	VFMADD231PS 4928(BX), Z8, Z13; \
	VPANDD Z29, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2880(BX), Z7, Z2; \
	VFMADD231PS 5952(BX), Z7, Z14; \
	VPANDD Z30, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 896(BX), Z7, Z0; \
	VFMADD231PS 3968(BX), Z7, Z12; \
	VPANDD Z30, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1920(BX), Z8, Z1; \
	VFMADD231PS 4992(BX), Z8, Z13; \
	VPANDD Z30, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 2944(BX), Z7, Z2; \
	VFMADD231PS 6016(BX), Z7, Z14; \
	VPANDD Z31, Z4, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 960(BX), Z7, Z0; \
	VFMADD231PS 4032(BX), Z7, Z12; \
	VPANDD Z31, Z5, Z8; \
	VCVTUDQ2PS Z8, Z8; \
	VFMADD231PS 1984(BX), Z8, Z1; \
	VFMADD231PS 5056(BX), Z8, Z13; \
	VPANDD Z31, Z6, Z7; \
	VCVTUDQ2PS Z7, Z7; \
	VFMADD231PS 3008(BX), Z7, Z2; \
	VFMADD231PS 6080(BX), Z7, Z14

// QUADW2R96X4: eight rows (three vectors), the 16 fields, 4 query rows.
#define QUADW2R96X4 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VPBROADCASTD ·avx512FieldMask+0(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VMULPS 0(BX), Z16, Z0; \
	VMULPS 1024(BX), Z17, Z1; \
	VMULPS 2048(BX), Z18, Z2; \
	VMULPS 3072(BX), Z16, Z4; \
	VMULPS 4096(BX), Z17, Z5; \
	VMULPS 5120(BX), Z18, Z6; \
	VMULPS 6144(BX), Z16, Z8; \
	VMULPS 7168(BX), Z17, Z9; \
	VMULPS 8192(BX), Z18, Z10; \
	VMULPS 9216(BX), Z16, Z12; \
	VMULPS 10240(BX), Z17, Z13; \
	VMULPS 11264(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+64(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 64(BX), Z16, Z0; \
	VFMADD231PS 1088(BX), Z17, Z1; \
	VFMADD231PS 2112(BX), Z18, Z2; \
	VFMADD231PS 3136(BX), Z16, Z4; \
	VFMADD231PS 4160(BX), Z17, Z5; \
	VFMADD231PS 5184(BX), Z18, Z6; \
	VFMADD231PS 6208(BX), Z16, Z8; \
	VFMADD231PS 7232(BX), Z17, Z9; \
	VFMADD231PS 8256(BX), Z18, Z10; \
	VFMADD231PS 9280(BX), Z16, Z12; \
	VFMADD231PS 10304(BX), Z17, Z13; \
	VFMADD231PS 11328(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+128(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 128(BX), Z16, Z0; \
	VFMADD231PS 1152(BX), Z17, Z1; \
	VFMADD231PS 2176(BX), Z18, Z2; \
	VFMADD231PS 3200(BX), Z16, Z4; \
	VFMADD231PS 4224(BX), Z17, Z5; \
	VFMADD231PS 5248(BX), Z18, Z6; \
	VFMADD231PS 6272(BX), Z16, Z8; \
	VFMADD231PS 7296(BX), Z17, Z9; \
	VFMADD231PS 8320(BX), Z18, Z10; \
	VFMADD231PS 9344(BX), Z16, Z12; \
	VFMADD231PS 10368(BX), Z17, Z13; \
	VFMADD231PS 11392(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+192(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 192(BX), Z16, Z0; \
	VFMADD231PS 1216(BX), Z17, Z1; \
	VFMADD231PS 2240(BX), Z18, Z2; \
	VFMADD231PS 3264(BX), Z16, Z4; \
	VFMADD231PS 4288(BX), Z17, Z5; \
	VFMADD231PS 5312(BX), Z18, Z6; \
	VFMADD231PS 6336(BX), Z16, Z8; \
	VFMADD231PS 7360(BX), Z17, Z9; \
	VFMADD231PS 8384(BX), Z18, Z10; \
	VFMADD231PS 9408(BX), Z16, Z12; \
	VFMADD231PS 10432(BX), Z17, Z13; \
	VFMADD231PS 11456(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+256(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 256(BX), Z16, Z0; \
	VFMADD231PS 1280(BX), Z17, Z1; \
	VFMADD231PS 2304(BX), Z18, Z2; \
	VFMADD231PS 3328(BX), Z16, Z4; \
	VFMADD231PS 4352(BX), Z17, Z5; \
	VFMADD231PS 5376(BX), Z18, Z6; \
	VFMADD231PS 6400(BX), Z16, Z8; \
	VFMADD231PS 7424(BX), Z17, Z9; \
	VFMADD231PS 8448(BX), Z18, Z10; \
	VFMADD231PS 9472(BX), Z16, Z12; \
	VFMADD231PS 10496(BX), Z17, Z13; \
	VFMADD231PS 11520(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+320(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 320(BX), Z16, Z0; \
	VFMADD231PS 1344(BX), Z17, Z1; \
	VFMADD231PS 2368(BX), Z18, Z2; \
	VFMADD231PS 3392(BX), Z16, Z4; \
	VFMADD231PS 4416(BX), Z17, Z5; \
	VFMADD231PS 5440(BX), Z18, Z6; \
	VFMADD231PS 6464(BX), Z16, Z8; \
	VFMADD231PS 7488(BX), Z17, Z9; \
	VFMADD231PS 8512(BX), Z18, Z10; \
	VFMADD231PS 9536(BX), Z16, Z12; \
	VFMADD231PS 10560(BX), Z17, Z13; \
	VFMADD231PS 11584(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+384(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 384(BX), Z16, Z0; \
	VFMADD231PS 1408(BX), Z17, Z1; \
	VFMADD231PS 2432(BX), Z18, Z2; \
	VFMADD231PS 3456(BX), Z16, Z4; \
	VFMADD231PS 4480(BX), Z17, Z5; \
	VFMADD231PS 5504(BX), Z18, Z6; \
	VFMADD231PS 6528(BX), Z16, Z8; \
	VFMADD231PS 7552(BX), Z17, Z9; \
	VFMADD231PS 8576(BX), Z18, Z10; \
	VFMADD231PS 9600(BX), Z16, Z12; \
	VFMADD231PS 10624(BX), Z17, Z13; \
	VFMADD231PS 11648(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+448(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 448(BX), Z16, Z0; \
	VFMADD231PS 1472(BX), Z17, Z1; \
	VFMADD231PS 2496(BX), Z18, Z2; \
	VFMADD231PS 3520(BX), Z16, Z4; \
	VFMADD231PS 4544(BX), Z17, Z5; \
	VFMADD231PS 5568(BX), Z18, Z6; \
	VFMADD231PS 6592(BX), Z16, Z8; \
	VFMADD231PS 7616(BX), Z17, Z9; \
	VFMADD231PS 8640(BX), Z18, Z10; \
	VFMADD231PS 9664(BX), Z16, Z12; \
	VFMADD231PS 10688(BX), Z17, Z13; \
	VFMADD231PS 11712(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+512(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 512(BX), Z16, Z0; \
	VFMADD231PS 1536(BX), Z17, Z1; \
	VFMADD231PS 2560(BX), Z18, Z2; \
	VFMADD231PS 3584(BX), Z16, Z4; \
	VFMADD231PS 4608(BX), Z17, Z5; \
	VFMADD231PS 5632(BX), Z18, Z6; \
	VFMADD231PS 6656(BX), Z16, Z8; \
	VFMADD231PS 7680(BX), Z17, Z9; \
	VFMADD231PS 8704(BX), Z18, Z10; \
	VFMADD231PS 9728(BX), Z16, Z12; \
	VFMADD231PS 10752(BX), Z17, Z13; \
	VFMADD231PS 11776(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+576(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 576(BX), Z16, Z0; \
	VFMADD231PS 1600(BX), Z17, Z1; \
	VFMADD231PS 2624(BX), Z18, Z2; \
	VFMADD231PS 3648(BX), Z16, Z4; \
	VFMADD231PS 4672(BX), Z17, Z5; \
	VFMADD231PS 5696(BX), Z18, Z6; \
	VFMADD231PS 6720(BX), Z16, Z8; \
	VFMADD231PS 7744(BX), Z17, Z9; \
	VFMADD231PS 8768(BX), Z18, Z10; \
	VFMADD231PS 9792(BX), Z16, Z12; \
	VFMADD231PS 10816(BX), Z17, Z13; \
	VFMADD231PS 11840(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+640(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 640(BX), Z16, Z0; \
	VFMADD231PS 1664(BX), Z17, Z1; \
	VFMADD231PS 2688(BX), Z18, Z2; \
	VFMADD231PS 3712(BX), Z16, Z4; \
	VFMADD231PS 4736(BX), Z17, Z5; \
	VFMADD231PS 5760(BX), Z18, Z6; \
	VFMADD231PS 6784(BX), Z16, Z8; \
	VFMADD231PS 7808(BX), Z17, Z9; \
	VFMADD231PS 8832(BX), Z18, Z10; \
	VFMADD231PS 9856(BX), Z16, Z12; \
	VFMADD231PS 10880(BX), Z17, Z13; \
	VFMADD231PS 11904(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+704(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 704(BX), Z16, Z0; \
	VFMADD231PS 1728(BX), Z17, Z1; \
	VFMADD231PS 2752(BX), Z18, Z2; \
	VFMADD231PS 3776(BX), Z16, Z4; \
	VFMADD231PS 4800(BX), Z17, Z5; \
	VFMADD231PS 5824(BX), Z18, Z6; \
	VFMADD231PS 6848(BX), Z16, Z8; \
	VFMADD231PS 7872(BX), Z17, Z9; \
	VFMADD231PS 8896(BX), Z18, Z10; \
	VFMADD231PS 9920(BX), Z16, Z12; \
	VFMADD231PS 10944(BX), Z17, Z13; \
	VFMADD231PS 11968(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+768(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 768(BX), Z16, Z0; \
	VFMADD231PS 1792(BX), Z17, Z1; \
	VFMADD231PS 2816(BX), Z18, Z2; \
	VFMADD231PS 3840(BX), Z16, Z4; \
	VFMADD231PS 4864(BX), Z17, Z5; \
	VFMADD231PS 5888(BX), Z18, Z6; \
	VFMADD231PS 6912(BX), Z16, Z8; \
	VFMADD231PS 7936(BX), Z17, Z9; \
	VFMADD231PS 8960(BX), Z18, Z10; \
	VFMADD231PS 9984(BX), Z16, Z12; \
	VFMADD231PS 11008(BX), Z17, Z13; \
	VFMADD231PS 12032(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+832(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 832(BX), Z16, Z0; \
	VFMADD231PS 1856(BX), Z17, Z1; \
	VFMADD231PS 2880(BX), Z18, Z2; \
	VFMADD231PS 3904(BX), Z16, Z4; \
	VFMADD231PS 4928(BX), Z17, Z5; \
	VFMADD231PS 5952(BX), Z18, Z6; \
	VFMADD231PS 6976(BX), Z16, Z8; \
	VFMADD231PS 8000(BX), Z17, Z9; \
	VFMADD231PS 9024(BX), Z18, Z10; \
	VFMADD231PS 10048(BX), Z16, Z12; \
	VFMADD231PS 11072(BX), Z17, Z13; \
	VFMADD231PS 12096(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+896(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 896(BX), Z16, Z0; \
	VFMADD231PS 1920(BX), Z17, Z1; \
	VFMADD231PS 2944(BX), Z18, Z2; \
	VFMADD231PS 3968(BX), Z16, Z4; \
	VFMADD231PS 4992(BX), Z17, Z5; \
	VFMADD231PS 6016(BX), Z18, Z6; \
	VFMADD231PS 7040(BX), Z16, Z8; \
	VFMADD231PS 8064(BX), Z17, Z9; \
	VFMADD231PS 9088(BX), Z18, Z10; \
	VFMADD231PS 10112(BX), Z16, Z12; \
	VFMADD231PS 11136(BX), Z17, Z13; \
	VFMADD231PS 12160(BX), Z18, Z14; \
	VPBROADCASTD ·avx512FieldMask+960(SB), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VFMADD231PS 960(BX), Z16, Z0; \
	VFMADD231PS 1984(BX), Z17, Z1; \
	VFMADD231PS 3008(BX), Z18, Z2; \
	VFMADD231PS 4032(BX), Z16, Z4; \
	VFMADD231PS 5056(BX), Z17, Z5; \
	VFMADD231PS 6080(BX), Z18, Z6; \
	VFMADD231PS 7104(BX), Z16, Z8; \
	VFMADD231PS 8128(BX), Z17, Z9; \
	VFMADD231PS 9152(BX), Z18, Z10; \
	VFMADD231PS 10176(BX), Z16, Z12; \
	VFMADD231PS 11200(BX), Z17, Z13; \
	VFMADD231PS 12224(BX), Z18, Z14

#define NAME ·avx512DotRow96W2G32X1
#define S01 Z4
#define S2 Z5
#define M01 Z6
#define M2 Z7
#define T1 Z8
#define T1Y Y8
#define T2 Z9
#define T2Y Y9
#define T3 Z10
#define T4 Z11
#define ZERO Z3
#define SETUP SETUP_W2R96
#define QUAD QUADW2R96X1
#define QUAD_OUT QUAD_OUT_W2R96
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G32
#define FORX ROWFORW2R96X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S01
#undef S2
#undef M01
#undef M2
#undef T1
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W2G32X2
#define S01 Z4
#define S2 Z5
#define M01 Z6
#define M2 Z7
#define T1 Z8
#define T1Y Y8
#define T2 Z9
#define T2Y Y9
#define T3 Z10
#define T4 Z11
#define ZERO Z3
#define SETUP SETUP_W2R96
#define QUAD QUADW2R96X2
#define QUAD_OUT QUAD_OUT_W2R96
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G32
#define FORX ROWFORW2R96X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S01
#undef S2
#undef M01
#undef M2
#undef T1
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W2G32X4
#define S01 Z24
#define S2 Z25
#define M01 Z26
#define M2 Z27
#define T1 Z28
#define T1Y Y28
#define T2 Z29
#define T2Y Y29
#define T3 Z30
#define T4 Z31
#define ZERO Z3
#define SETUP SETUP_W2R96X4
#define QUAD QUADW2R96X4
#define QUAD_OUT QUAD_OUT_W2R96
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G32
#define FORX ROWFORW2R96X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S01
#undef S2
#undef M01
#undef M2
#undef T1
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W2G96X1
#define S01 Z4
#define S2 Z5
#define M01 Z6
#define M2 Z7
#define T1 Z8
#define T1Y Y8
#define T2 Z9
#define T2Y Y9
#define T3 Z10
#define T4 Z11
#define ZERO Z3
#define SETUP SETUP_W2R96
#define QUAD QUADW2R96X1
#define QUAD_OUT QUAD_OUT_W2R96
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G96
#define FORX ROWFORW2R96X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S01
#undef S2
#undef M01
#undef M2
#undef T1
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W2G96X2
#define S01 Z4
#define S2 Z5
#define M01 Z6
#define M2 Z7
#define T1 Z8
#define T1Y Y8
#define T2 Z9
#define T2Y Y9
#define T3 Z10
#define T4 Z11
#define ZERO Z3
#define SETUP SETUP_W2R96
#define QUAD QUADW2R96X2
#define QUAD_OUT QUAD_OUT_W2R96
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G96
#define FORX ROWFORW2R96X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S01
#undef S2
#undef M01
#undef M2
#undef T1
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W2G96X4
#define S01 Z24
#define S2 Z25
#define M01 Z26
#define M2 Z27
#define T1 Z28
#define T1Y Y28
#define T2 Z29
#define T2Y Y29
#define T3 Z30
#define T4 Z31
#define ZERO Z3
#define SETUP SETUP_W2R96X4
#define QUAD QUADW2R96X4
#define QUAD_OUT QUAD_OUT_W2R96
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G96
#define FORX ROWFORW2R96X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S01
#undef S2
#undef M01
#undef M2
#undef T1
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W2G16X1
#define S0 Z4
#define S1 Z5
#define S2 Z6
#define T1 Z8
#define T2 Z9
#define T3 Z10
#define T4 Z11
#define ZERO Z3
#define SETUP SETUP_W2R96
#define QUAD QUADW2R96X1
#define QUAD_OUT QUAD_OUT_W2R96_G16
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G16
#define FORX ROWFORW2R96X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S0
#undef S1
#undef S2
#undef T1
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W2G16X2
#define S0 Z4
#define S1 Z5
#define S2 Z6
#define T1 Z8
#define T2 Z9
#define T3 Z10
#define T4 Z11
#define ZERO Z3
#define SETUP SETUP_W2R96
#define QUAD QUADW2R96X2
#define QUAD_OUT QUAD_OUT_W2R96_G16
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_W2R96_G16
#define FORX ROWFORW2R96X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef S0
#undef S1
#undef S2
#undef T1
#undef T2
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

// The 4-bit Dot row kernels on rows of 96 values in groups of 16: the
// kernels of groups of 32 on x tables of the layout of groups of 16
// (a block's dwords 0-1 are one group, 2-3 the next), each pair of
// vectors' accumulators combined once (lane 4L+q: vector 2p+q/2's block,
// its group half q%2; the third vector with the zero accumulator), scaled
// and shifted there, then combined into K's layout (lane 4L+v) and
// permuted to REDUCE4's as for groups of 32.

// The quad's 24 scales (mins) into the lanes of the two combined vectors
// (·avx512R96G16Idx by VPERMI2PS over the 24 converted): rows' blocks of
// vectors 0-1 into SREG (MREG), of vector 2 into S2REG (M2REG); DX and
// R8 step by 32 bytes more than QUAD_ROWS_NEXT does.
#define QUAD_SCALES_R96_G16 \
	VCVTPH2PS (DX), T1;                            \
	VCVTPH2PS 32(DX), T2Y;                         \
	VMOVDQU32 ·avx512R96G16Idx+0(SB), SREG;        \
	VPERMI2PS T2, T1, SREG;                        \
	VMOVDQU32 ·avx512R96G16Idx+64(SB), S2REG;      \
	VPERMI2PS T2, T1, S2REG;                       \
	VCVTPH2PS (R8), T1;                            \
	VCVTPH2PS 32(R8), T2Y;                         \
	VMOVDQU32 ·avx512R96G16Idx+0(SB), MREG;        \
	VPERMI2PS T2, T1, MREG;                        \
	VMOVDQU32 ·avx512R96G16Idx+64(SB), M2REG;      \
	VPERMI2PS T2, T1, M2REG;                       \
	ADDQ      $32, DX;                             \
	ADDQ      $32, R8

// Per query row: each pair's lanes scaled and shifted (the query's group
// sums: table R9, 128 bytes per query row), combined into K's layout,
// permuted to REDUCE4's (lanes 12-15 masked off), parked. Scratch: T1-T4.
#define QUAD_OUT_R96_G16(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);             \
	VMULPS      (j*128)(R9), MREG, T4;         \
	VFMADD231PS SREG, T3, T4;                  \
	COMBINE_F(a2, a3, T3, T1, T2);             \
	VMULPS      (j*128+64)(R9), M2REG, T1;     \
	VFMADD231PS S2REG, T3, T1;                 \
	COMBINE_F(T4, T1, T3, T2, T1);             \
	VMOVDQU32   ·avx512Row96Idx+128(SB), T1;   \
	VPERMPS.Z   T3, T1, K7, T3;                \
	VMOVUPS     T3, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow96W4G16X1
#define MREG Z26
#define SREG Z27
#define M2REG Z14
#define S2REG Z13
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T2Y Y29
#define T3 Z30
#define T4 Z31
#define ZERO Z12
#define SETUP SETUP_R96
#define QUAD QUADR96X1
#define QUAD_OUT QUAD_OUT_R96_G16
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G16
#define FORX ROWFOR96X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

#define NAME ·avx512DotRow96W4G16X2
#define MREG Z26
#define SREG Z27
#define M2REG Z15
#define S2REG Z7
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T2Y Y29
#define T3 Z30
#define T4 Z31
#define ZERO Z3
#define SETUP SETUP_R96
#define QUAD QUADR96X2
#define QUAD_OUT QUAD_OUT_R96_G16
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 192
#define QUAD_SCALES QUAD_SCALES_R96_G16
#define FORX ROWFOR96X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO
#undef SETUP
#undef QUAD
#undef QUAD_OUT
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef FORX

// The four-query kernel of 4-bit rows of 96 in groups of 16 runs two
// quads (eight rows, six vectors) per iteration, so that each query row's
// x table of a field and vector, loaded once into a register, serves the
// vector of both quads (the x tables repeat every quad): 4 x loads per
// field, vector and two quads instead of 8 memory operands, the codes
// masked from memory (VPANDD), 24 accumulators (quad h, query row j,
// vector v: Z(12h+3j+v)). Then each quad is scaled, shifted, combined and
// parked as by the kernels of one quad (QUAD_SCALES_R96_G16, and
// QUAD_OUT_R96_G16 with the third vector's pairs combined alone, its other
// lanes zeroed under K3 = 0x3333, for want of a zero register), and every
// 16 rows reduced (ROW_FLUSH).
//
// Instructions per 32 values: 4 for the codes (the mask, from memory, and
// the conversion) + 2 per query row (the multiply-adds), plus about 1.5
// per query row for the combining, scaling, parking and reduction, and 0.5
// per query row for the loads of the x tables.
#define OCT96_OUT_G16(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);             \
	VMULPS      (j*128)(R9), MREG, T4;         \
	VFMADD231PS SREG, T3, T4;                  \
	VSHUFPS     $0x88, a2, a2, T1;             \
	VSHUFPS     $0xdd, a2, a2, T2;             \
	VADDPS.Z    T1, T2, K3, T3;                \
	VMULPS      (j*128+64)(R9), M2REG, T1;     \
	VFMADD231PS S2REG, T3, T1;                 \
	COMBINE_F(T4, T1, T3, T2, T1);             \
	VMOVDQU32   ·avx512Row96Idx+128(SB), T1;   \
	VPERMPS.Z   T3, T1, K7, T3;                \
	VMOVUPS     T3, (j*256)(R13)(R14*1)

#define OCT96X4 \
	VPBROADCASTD ·avx512NibMask+0(SB), Z28; \
	VMOVUPS 0(BX), Z24; \
	VMOVUPS 1536(BX), Z25; \
	VMOVUPS 3072(BX), Z26; \
	VMOVUPS 4608(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS Z24, Z29, Z0; \
	VMULPS Z25, Z29, Z3; \
	VMULPS Z26, Z29, Z6; \
	VMULPS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VMULPS Z24, Z30, Z12; \
	VMULPS Z25, Z30, Z15; \
	VMULPS Z26, Z30, Z18; \
	VMULPS Z27, Z30, Z21; \
	VMOVUPS 512(BX), Z24; \
	VMOVUPS 2048(BX), Z25; \
	VMOVUPS 3584(BX), Z26; \
	VMOVUPS 5120(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS Z24, Z29, Z1; \
	VMULPS Z25, Z29, Z4; \
	VMULPS Z26, Z29, Z7; \
	VMULPS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VMULPS Z24, Z30, Z13; \
	VMULPS Z25, Z30, Z16; \
	VMULPS Z26, Z30, Z19; \
	VMULPS Z27, Z30, Z22; \
	VMOVUPS 1024(BX), Z24; \
	VMOVUPS 2560(BX), Z25; \
	VMOVUPS 4096(BX), Z26; \
	VMOVUPS 5632(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS Z24, Z29, Z2; \
	VMULPS Z25, Z29, Z5; \
	VMULPS Z26, Z29, Z8; \
	VMULPS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VMULPS Z24, Z30, Z14; \
	VMULPS Z25, Z30, Z17; \
	VMULPS Z26, Z30, Z20; \
	VMULPS Z27, Z30, Z23; \
	VPBROADCASTD ·avx512NibMask+64(SB), Z28; \
	VMOVUPS 64(BX), Z24; \
	VMOVUPS 1600(BX), Z25; \
	VMOVUPS 3136(BX), Z26; \
	VMOVUPS 4672(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z0; \
	VFMADD231PS Z25, Z29, Z3; \
	VFMADD231PS Z26, Z29, Z6; \
	VFMADD231PS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z12; \
	VFMADD231PS Z25, Z30, Z15; \
	VFMADD231PS Z26, Z30, Z18; \
	VFMADD231PS Z27, Z30, Z21; \
	VMOVUPS 576(BX), Z24; \
	VMOVUPS 2112(BX), Z25; \
	VMOVUPS 3648(BX), Z26; \
	VMOVUPS 5184(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z1; \
	VFMADD231PS Z25, Z29, Z4; \
	VFMADD231PS Z26, Z29, Z7; \
	VFMADD231PS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z13; \
	VFMADD231PS Z25, Z30, Z16; \
	VFMADD231PS Z26, Z30, Z19; \
	VFMADD231PS Z27, Z30, Z22; \
	VMOVUPS 1088(BX), Z24; \
	VMOVUPS 2624(BX), Z25; \
	VMOVUPS 4160(BX), Z26; \
	VMOVUPS 5696(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z2; \
	VFMADD231PS Z25, Z29, Z5; \
	VFMADD231PS Z26, Z29, Z8; \
	VFMADD231PS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z14; \
	VFMADD231PS Z25, Z30, Z17; \
	VFMADD231PS Z26, Z30, Z20; \
	VFMADD231PS Z27, Z30, Z23; \
	VPBROADCASTD ·avx512NibMask+128(SB), Z28; \
	VMOVUPS 128(BX), Z24; \
	VMOVUPS 1664(BX), Z25; \
	VMOVUPS 3200(BX), Z26; \
	VMOVUPS 4736(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z0; \
	VFMADD231PS Z25, Z29, Z3; \
	VFMADD231PS Z26, Z29, Z6; \
	VFMADD231PS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z12; \
	VFMADD231PS Z25, Z30, Z15; \
	VFMADD231PS Z26, Z30, Z18; \
	VFMADD231PS Z27, Z30, Z21; \
	VMOVUPS 640(BX), Z24; \
	VMOVUPS 2176(BX), Z25; \
	VMOVUPS 3712(BX), Z26; \
	VMOVUPS 5248(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z1; \
	VFMADD231PS Z25, Z29, Z4; \
	VFMADD231PS Z26, Z29, Z7; \
	VFMADD231PS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z13; \
	VFMADD231PS Z25, Z30, Z16; \
	VFMADD231PS Z26, Z30, Z19; \
	VFMADD231PS Z27, Z30, Z22; \
	VMOVUPS 1152(BX), Z24; \
	VMOVUPS 2688(BX), Z25; \
	VMOVUPS 4224(BX), Z26; \
	VMOVUPS 5760(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z2; \
	VFMADD231PS Z25, Z29, Z5; \
	VFMADD231PS Z26, Z29, Z8; \
	VFMADD231PS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z14; \
	VFMADD231PS Z25, Z30, Z17; \
	VFMADD231PS Z26, Z30, Z20; \
	VFMADD231PS Z27, Z30, Z23; \
	VPBROADCASTD ·avx512NibMask+192(SB), Z28; \
	VMOVUPS 192(BX), Z24; \
	VMOVUPS 1728(BX), Z25; \
	VMOVUPS 3264(BX), Z26; \
	VMOVUPS 4800(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z0; \
	VFMADD231PS Z25, Z29, Z3; \
	VFMADD231PS Z26, Z29, Z6; \
	VFMADD231PS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z12; \
	VFMADD231PS Z25, Z30, Z15; \
	VFMADD231PS Z26, Z30, Z18; \
	VFMADD231PS Z27, Z30, Z21; \
	VMOVUPS 704(BX), Z24; \
	VMOVUPS 2240(BX), Z25; \
	VMOVUPS 3776(BX), Z26; \
	VMOVUPS 5312(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z1; \
	VFMADD231PS Z25, Z29, Z4; \
	VFMADD231PS Z26, Z29, Z7; \
	VFMADD231PS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z13; \
	VFMADD231PS Z25, Z30, Z16; \
	VFMADD231PS Z26, Z30, Z19; \
	VFMADD231PS Z27, Z30, Z22; \
	VMOVUPS 1216(BX), Z24; \
	VMOVUPS 2752(BX), Z25; \
	VMOVUPS 4288(BX), Z26; \
	VMOVUPS 5824(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z2; \
	VFMADD231PS Z25, Z29, Z5; \
	VFMADD231PS Z26, Z29, Z8; \
	VFMADD231PS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z14; \
	VFMADD231PS Z25, Z30, Z17; \
	VFMADD231PS Z26, Z30, Z20; \
	VFMADD231PS Z27, Z30, Z23; \
	VPBROADCASTD ·avx512NibMask+256(SB), Z28; \
	VMOVUPS 256(BX), Z24; \
	VMOVUPS 1792(BX), Z25; \
	VMOVUPS 3328(BX), Z26; \
	VMOVUPS 4864(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z0; \
	VFMADD231PS Z25, Z29, Z3; \
	VFMADD231PS Z26, Z29, Z6; \
	VFMADD231PS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z12; \
	VFMADD231PS Z25, Z30, Z15; \
	VFMADD231PS Z26, Z30, Z18; \
	VFMADD231PS Z27, Z30, Z21; \
	VMOVUPS 768(BX), Z24; \
	VMOVUPS 2304(BX), Z25; \
	VMOVUPS 3840(BX), Z26; \
	VMOVUPS 5376(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z1; \
	VFMADD231PS Z25, Z29, Z4; \
	VFMADD231PS Z26, Z29, Z7; \
	VFMADD231PS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z13; \
	VFMADD231PS Z25, Z30, Z16; \
	VFMADD231PS Z26, Z30, Z19; \
	VFMADD231PS Z27, Z30, Z22; \
	VMOVUPS 1280(BX), Z24; \
	VMOVUPS 2816(BX), Z25; \
	VMOVUPS 4352(BX), Z26; \
	VMOVUPS 5888(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z2; \
	VFMADD231PS Z25, Z29, Z5; \
	VFMADD231PS Z26, Z29, Z8; \
	VFMADD231PS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z14; \
	VFMADD231PS Z25, Z30, Z17; \
	VFMADD231PS Z26, Z30, Z20; \
	VFMADD231PS Z27, Z30, Z23; \
	VPBROADCASTD ·avx512NibMask+320(SB), Z28; \
	VMOVUPS 320(BX), Z24; \
	VMOVUPS 1856(BX), Z25; \
	VMOVUPS 3392(BX), Z26; \
	VMOVUPS 4928(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z0; \
	VFMADD231PS Z25, Z29, Z3; \
	VFMADD231PS Z26, Z29, Z6; \
	VFMADD231PS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z12; \
	VFMADD231PS Z25, Z30, Z15; \
	VFMADD231PS Z26, Z30, Z18; \
	VFMADD231PS Z27, Z30, Z21; \
	VMOVUPS 832(BX), Z24; \
	VMOVUPS 2368(BX), Z25; \
	VMOVUPS 3904(BX), Z26; \
	VMOVUPS 5440(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z1; \
	VFMADD231PS Z25, Z29, Z4; \
	VFMADD231PS Z26, Z29, Z7; \
	VFMADD231PS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z13; \
	VFMADD231PS Z25, Z30, Z16; \
	VFMADD231PS Z26, Z30, Z19; \
	VFMADD231PS Z27, Z30, Z22; \
	VMOVUPS 1344(BX), Z24; \
	VMOVUPS 2880(BX), Z25; \
	VMOVUPS 4416(BX), Z26; \
	VMOVUPS 5952(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z2; \
	VFMADD231PS Z25, Z29, Z5; \
	VFMADD231PS Z26, Z29, Z8; \
	VFMADD231PS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z14; \
	VFMADD231PS Z25, Z30, Z17; \
	VFMADD231PS Z26, Z30, Z20; \
	VFMADD231PS Z27, Z30, Z23; \
	VPBROADCASTD ·avx512NibMask+384(SB), Z28; \
	VMOVUPS 384(BX), Z24; \
	VMOVUPS 1920(BX), Z25; \
	VMOVUPS 3456(BX), Z26; \
	VMOVUPS 4992(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z0; \
	VFMADD231PS Z25, Z29, Z3; \
	VFMADD231PS Z26, Z29, Z6; \
	VFMADD231PS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z12; \
	VFMADD231PS Z25, Z30, Z15; \
	VFMADD231PS Z26, Z30, Z18; \
	VFMADD231PS Z27, Z30, Z21; \
	VMOVUPS 896(BX), Z24; \
	VMOVUPS 2432(BX), Z25; \
	VMOVUPS 3968(BX), Z26; \
	VMOVUPS 5504(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z1; \
	VFMADD231PS Z25, Z29, Z4; \
	VFMADD231PS Z26, Z29, Z7; \
	VFMADD231PS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z13; \
	VFMADD231PS Z25, Z30, Z16; \
	VFMADD231PS Z26, Z30, Z19; \
	VFMADD231PS Z27, Z30, Z22; \
	VMOVUPS 1408(BX), Z24; \
	VMOVUPS 2944(BX), Z25; \
	VMOVUPS 4480(BX), Z26; \
	VMOVUPS 6016(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z2; \
	VFMADD231PS Z25, Z29, Z5; \
	VFMADD231PS Z26, Z29, Z8; \
	VFMADD231PS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z14; \
	VFMADD231PS Z25, Z30, Z17; \
	VFMADD231PS Z26, Z30, Z20; \
	VFMADD231PS Z27, Z30, Z23; \
	VPBROADCASTD ·avx512NibMask+448(SB), Z28; \
	VMOVUPS 448(BX), Z24; \
	VMOVUPS 1984(BX), Z25; \
	VMOVUPS 3520(BX), Z26; \
	VMOVUPS 5056(BX), Z27; \
	VPANDD 0(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z0; \
	VFMADD231PS Z25, Z29, Z3; \
	VFMADD231PS Z26, Z29, Z6; \
	VFMADD231PS Z27, Z29, Z9; \
	VPANDD 192(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z12; \
	VFMADD231PS Z25, Z30, Z15; \
	VFMADD231PS Z26, Z30, Z18; \
	VFMADD231PS Z27, Z30, Z21; \
	VMOVUPS 960(BX), Z24; \
	VMOVUPS 2496(BX), Z25; \
	VMOVUPS 4032(BX), Z26; \
	VMOVUPS 5568(BX), Z27; \
	VPANDD 64(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z1; \
	VFMADD231PS Z25, Z29, Z4; \
	VFMADD231PS Z26, Z29, Z7; \
	VFMADD231PS Z27, Z29, Z10; \
	VPANDD 256(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z13; \
	VFMADD231PS Z25, Z30, Z16; \
	VFMADD231PS Z26, Z30, Z19; \
	VFMADD231PS Z27, Z30, Z22; \
	VMOVUPS 1472(BX), Z24; \
	VMOVUPS 3008(BX), Z25; \
	VMOVUPS 4544(BX), Z26; \
	VMOVUPS 6080(BX), Z27; \
	VPANDD 128(SI), Z28, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS Z24, Z29, Z2; \
	VFMADD231PS Z25, Z29, Z5; \
	VFMADD231PS Z26, Z29, Z8; \
	VFMADD231PS Z27, Z29, Z11; \
	VPANDD 320(SI), Z28, Z30; \
	VCVTUDQ2PS Z30, Z30; \
	VFMADD231PS Z24, Z30, Z14; \
	VFMADD231PS Z25, Z30, Z17; \
	VFMADD231PS Z26, Z30, Z20; \
	VFMADD231PS Z27, Z30, Z23

#define ROWFOR96Q0(m) m(0, Z0, Z1, Z2, Z2); m(1, Z3, Z4, Z5, Z5); m(2, Z6, Z7, Z8, Z8); m(3, Z9, Z10, Z11, Z11)
#define ROWFOR96Q1(m) m(0, Z12, Z13, Z14, Z14); m(1, Z15, Z16, Z17, Z17); m(2, Z18, Z19, Z20, Z20); m(3, Z21, Z22, Z23, Z23)

#define MREG Z24
#define SREG Z25
#define M2REG Z26
#define S2REG Z27
#define T1 Z28
#define T1X X28
#define T1Y Y28
#define T2 Z29
#define T2Y Y29
#define T3 Z30
#define T4 Z31
#define ZERO Z31

// func avx512DotRow96W4G16X4(a *avx512RowArgs): rows of a multiple of
// eight.
ROW_TEXT(·avx512DotRow96W4G16X4)
	MOVQ  avx512RowArgs_sg(AX), R9
	SETUP_R96X4
	ROW_ARGS
	MOVQ  avx512RowArgs_scratch(AX), R13
	MOVQ  avx512RowArgs_out(AX), DI
	MOVQ  avx512RowArgs_n(AX), CX
	MOVL  $0x3333, R11
	KMOVW R11, K3

block:
	QUAD_ROWS_BEGIN(R12)
	SHRQ $1, R12

oct:
	PREFETCHT0 768(SI)
	PREFETCHT0 832(SI)
	PREFETCHT0 896(SI)
	PREFETCHT0 960(SI)
	PREFETCHT0 1024(SI)
	PREFETCHT0 1088(SI)
	OCT96X4
	QUAD_SCALES_R96_G16
	ROWFOR96Q0(OCT96_OUT_G16)
	ADDQ $16, DX
	ADDQ $16, R8
	ADDQ $64, R14
	QUAD_SCALES_R96_G16
	ROWFOR96Q1(OCT96_OUT_G16)
	ADDQ $16, DX
	ADDQ $16, R8
	ADDQ $64, R14
	ADDQ $384, SI
	DECQ R12
	JNZ  oct

	BLOCK_MASK(K1)
	MOVQ DI, R11
	ROWFORX4(ROW_FLUSH)
	BLOCKS_NEXT

#undef MREG
#undef SREG
#undef M2REG
#undef S2REG
#undef T1
#undef T1X
#undef T1Y
#undef T2
#undef T2Y
#undef T3
#undef T4
#undef ZERO

// The 4-bit Dot row kernels on rows of 64 values in groups of 8: two rows
// per vector (lanes 0-7 and 8-15, as in the kernels of one group of 64),
// each code dword one group, so lane l of a vector holds row l/8's group
// l%8 alone and the quad's 32 scales and 32 mins are in the lanes' order:
// the 2-bit kernels' scaling and output of rows of 128 in groups of 16
// (QUAD_SCALES_W2_G16, QUAD_OUT_W2_G16), whose lanes are laid out alike.
// Budget per 32 values: that of the kernels of one group of 64, the
// conversions and the scale and shift per lane in place of their scale
// step.

#define NAME ·avx512DotRow64W4G8X1
#define SETUP SETUP_MASKS
#define QUAD QUADW4R64X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W4G8X2
#define SETUP SETUP_MASKS
#define QUAD QUADW4R64X2
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

#define NAME ·avx512DotRow64W4G8X4
#define SETUP SETUP_MASKS
#define QUAD QUADW4R64X4
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G16
#define QUAD_OUT QUAD_OUT_W2_G16
#define FORX ROWFORW2X4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

// The 2-bit Dot row kernel on rows of 128 values in groups of 8, one query
// row: a code dword holds two groups (bytes 0-1: group 2d, fields 0-7;
// bytes 2-3: group 2d+1, fields 8-15), so fields 0-7 add into one pair of
// accumulators (Z0: rows 0-1, Z1: rows 2-3) and fields 8-15 into another
// (Z2, Z3); each lane of each is scaled and shifted on its own, by its
// row's even group's scale and min or its odd group's (the quad's 64
// scales and mins converted and split by avx512EvenOddIdx), before the
// pairs combine as in the kernel of groups of 16. x tables of the layout
// of groups of 8 (avx512RowCols2G8); the query row's group sums at R9,
// the even groups' (lane l: group 2(l%8)) then the odd groups'. Budget per
// 32 values: that of groups of 16, plus 1 for the split scales and the
// second scale step.
#define QUADW2G8X1 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VPANDD Z16, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 0(BX), Z11, Z1; \
	VPANDD Z17, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 64(BX), Z10, Z0; \
	VPANDD Z17, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 64(BX), Z11, Z1; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VPANDD Z18, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 128(BX), Z11, Z1; \
	VPANDD Z19, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 192(BX), Z10, Z0; \
	VPANDD Z19, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VPANDD Z20, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 256(BX), Z11, Z1; \
	VPANDD Z21, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 320(BX), Z10, Z0; \
	VPANDD Z21, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VPANDD Z22, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 384(BX), Z11, Z1; \
	VPANDD Z23, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 448(BX), Z10, Z0; \
	VPANDD Z23, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1; \
	VPANDD Z24, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 512(BX), Z10, Z2; \
	VPANDD Z24, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 512(BX), Z11, Z3; \
	VPANDD Z25, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 576(BX), Z10, Z2; \
	VPANDD Z25, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 576(BX), Z11, Z3; \
	VPANDD Z26, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 640(BX), Z10, Z2; \
	VPANDD Z26, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 640(BX), Z11, Z3; \
	VPANDD Z27, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 704(BX), Z10, Z2; \
	VPANDD Z27, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 704(BX), Z11, Z3; \
	VPANDD Z28, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 768(BX), Z10, Z2; \
	VPANDD Z28, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 768(BX), Z11, Z3; \
	VPANDD Z29, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 832(BX), Z10, Z2; \
	VPANDD Z29, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 832(BX), Z11, Z3; \
	VPANDD Z30, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 896(BX), Z10, Z2; \
	VPANDD Z30, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 896(BX), Z11, Z3; \
	VPANDD Z31, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 960(BX), Z10, Z2; \
	VPANDD Z31, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z3

// W2G8_SPLIT(src, o, ta, tb): the 32 fp16 values of two rows at o(src)
// (the scales at DX or the mins at R8) converted and split into the even
// groups' (ta) and the odd groups' (tb). Scratch: Z10, Z11.
#define W2G8_SPLIT(src, o, ta, tb) \
	VCVTPH2PS o(src), Z10;                         \
	VCVTPH2PS (o+32)(src), Z11;                    \
	VMOVDQU32 ·avx512EvenOddIdx(SB), ta;           \
	VPERMI2PS Z11, Z10, ta;                        \
	VMOVDQU32 ·avx512EvenOddIdx+64(SB), tb;        \
	VPERMI2PS Z11, Z10, tb

// The quad's scales (Z4, Z5: rows 0-1 even and odd groups; Z6, Z7: rows
// 2-3) and mins (Z12-Z15 likewise); DX and R8 step by 112 bytes more than
// QUAD_ROWS_NEXT does.
#define QUAD_SCALES_W2_G8 \
	W2G8_SPLIT(DX, 0, Z4, Z5);  \
	W2G8_SPLIT(DX, 64, Z6, Z7); \
	W2G8_SPLIT(R8, 0, Z12, Z13);  \
	W2G8_SPLIT(R8, 64, Z14, Z15); \
	ADDQ $112, DX;              \
	ADDQ $112, R8

// Per query row: each pair of rows' even and odd accumulators scaled and
// shifted lane by lane and added, the pairs combined into K, permuted to
// REDUCE4's layout, parked. Scratch: Z8-Z11.
#define QUAD_OUT_W2_G8(j, a0, a1, a2, a3) \
	VMULPS      (j*128)(R9), Z12, Z10;       \
	VFMADD231PS (j*128+64)(R9), Z13, Z10;    \
	VFMADD231PS Z4, a0, Z10;                 \
	VFMADD231PS Z5, a2, Z10;                 \
	VMULPS      (j*128)(R9), Z14, Z11;       \
	VFMADD231PS (j*128+64)(R9), Z15, Z11;    \
	VFMADD231PS Z6, a1, Z11;                 \
	VFMADD231PS Z7, a3, Z11;                 \
	COMBINE_F(Z10, Z11, Z10, Z8, Z9);        \
	VMOVDQU32   ·avx512DotW2OutIdx(SB), Z8;  \
	VPERMPS     Z10, Z8, Z10;                \
	VMOVUPS     Z10, (j*256)(R13)(R14*1)

#define ROWFORW2G8X1(m) m(0, Z0, Z1, Z2, Z3)

#define NAME ·avx512DotRow128W2G8X1
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2G8X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G8
#define QUAD_OUT QUAD_OUT_W2_G8
#define FORX ROWFORW2G8X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX

// The 2-bit Dot row kernel on rows of 256 values in groups of 8, one query
// row: each row's halves as two rows of 128 in groups of 8 (a row's 32
// scales lie as a pair of rows of 128's), their sums added in pairs.
#define NAME ·avx512DotRow256W2G8X1
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2G8X1
#define FLUSH_OUT ROW_FLUSH_W2_PAIRS
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2_G8
#define QUAD_OUT QUAD_OUT_W2_G8
#define FORX ROWFORW2G8X1
#define ROW_PAIRS 1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX
#undef ROW_PAIRS

// The 2-bit Dot row kernel on rows of 64 values in groups of 8, one query
// row: four rows per vector (row r in 128-bit lane r), a code dword's two
// groups (fields 0-7 and 8-15) summed into their own accumulators (Z0,
// Z1), whose lanes are scaled and shifted apart by the even and the odd
// groups' scales and mins (the quad's 32 of each split by
// avx512EvenOddIdx: lane 4r+d takes row r's groups 2d and 2d+1) before
// the transpose to REDUCE4's layout of the kernels of rows of 64. The
// query row's group sums at R9: the even groups' (lane l: group 2(l%4)),
// then the odd groups'. Budget per 32 values: that of rows of 64 in
// groups of 16, plus about 1 for the split scales.
#define QUADW2R64G8X1 \
	VMOVDQU32 0(SI), Z8; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VPANDD Z17, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 64(BX), Z11, Z0; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VPANDD Z19, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z0; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VPANDD Z21, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z0; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VPANDD Z23, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z0; \
	VPANDD Z24, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 512(BX), Z10, Z1; \
	VPANDD Z25, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 576(BX), Z11, Z1; \
	VPANDD Z26, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 640(BX), Z10, Z1; \
	VPANDD Z27, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 704(BX), Z11, Z1; \
	VPANDD Z28, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 768(BX), Z10, Z1; \
	VPANDD Z29, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 832(BX), Z11, Z1; \
	VPANDD Z30, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 896(BX), Z10, Z1; \
	VPANDD Z31, Z8, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z1

// The quad's scales (Z4, Z5: even and odd groups) and mins (Z6, Z7), the
// transpose index in Z9; DX and R8 step by 48 bytes more than
// QUAD_ROWS_NEXT does.
#define QUAD_SCALES_W2R64_G8 \
	W2G8_SPLIT(DX, 0, Z4, Z5);           \
	W2G8_SPLIT(R8, 0, Z6, Z7);           \
	VMOVDQU32 ·avx512QuadG32Idx(SB), Z9; \
	ADDQ      $48, DX;                   \
	ADDQ      $48, R8

// Per query row: the even and the odd accumulators scaled and shifted lane
// by lane and added, transposed, parked. Scratch: Z11.
#define QUAD_OUT_W2R64_G8(j, a0, a1, a2, a3) \
	VMULPS      (j*128)(R9), Z6, Z11;      \
	VFMADD231PS (j*128+64)(R9), Z7, Z11;   \
	VFMADD231PS Z4, a0, Z11;               \
	VFMADD231PS Z5, a1, Z11;               \
	VPERMPS     Z11, Z9, Z11;              \
	VMOVUPS     Z11, (j*256)(R13)(R14*1)

#define NAME ·avx512DotRow64W2G8X1
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2R64G8X1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 64
#define QUAD_SCALES QUAD_SCALES_W2R64_G8
#define QUAD_OUT QUAD_OUT_W2R64_G8
#define FORX ROWFORW2X1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef FLUSH_OUT
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORX
