//go:build gc && !purego

// Dot for code formats whose group is a multiple of 32 (one function per
// code width and number of query rows: 1, 2 or 4), and for fp16 and float32
// rows (1, 2 or 4 query rows). The bodies are avx512_dot_amd64.h and
// avx512_dotf_amd64.h.

#include "textflag.h"
#include "avx512_amd64.h"

// Offsets of the fields of avx512Q8Args (avx512_dotq8_amd64.go), which the
// Dot row kernels share.
#define QA_data 0
#define QA_scales 8
#define QA_mins 16
#define QA_out 24
#define QA_recs 32
#define QA_sg 40
#define QA_scratch 48
#define QA_n 56
#define QA_outStride 64

// Offsets of the fields of avx512DotArgs (avx512_dot_amd64.go).
#define DA_data 0
#define DA_scales 8
#define DA_mins 16
#define DA_x 24
#define DA_out 32
#define DA_scratch 40
#define DA_n 48
#define DA_rowBytes 56
#define DA_rowScaleBytes 64
#define DA_rowMinBytes 72
#define DA_groups 80
#define DA_blockLimit 88
#define DA_groupBytes 96
#define DA_off2 104
#define DA_off1 112
#define DA_xStride 120
#define DA_outStride 128
#define DA_minStride 136
#define DA_negOff 144
#define DA_cols 152
#define DA_tailMask 160
#define DA_steps 168
#define DA_accMask 176
#define DA_rowsLeft 184
#define DA_r 192
#define DA_outCur 200
#define DA_rowScales 208
#define DA_rowMins 216

// The x address of query row j, block offset off.
#define XA0(off) off(BX)
#define XA1(off) off(BX)(R12*1)
#define XA2(off) off(BX)(R12*2)
#define XA3(off) off(BX)(R14*1)

#define FORQ1(m) m(Z0, XA0, 0)
#define FORQ2(m) FORQ1(m); m(Z1, XA1, 1)
#define FORQ4(m) FORQ2(m); m(Z2, XA2, 2); m(Z3, XA3, 3)

#define ZERO_ACC(acc, xa, j) VPXORD acc, acc, acc
#define FMA_X(acc, xa, j) \
	VFMADD231PS xa(0), Z8, acc; \
	VFMADD231PS xa(64), Z9, acc
#define PARK(acc, xa, j) VMOVUPS acc, (j*1024)(R13)(R10*1)
#define FLUSH(acc, xa, j) \
	REDUCE16(R13, j*1024, Z12); \
	VMOVUPS Z12, K1, (R10);     \
	ADDQ    R11, R10


#define NAME ·avx512DotW2Q1
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORQ FORQ1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW2Q2
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORQ FORQ2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW2Q4
#define CONSTS CONSTS_W2
#define TABLES TABLES_W2
#define DEQ DEQ_W2
#define FORQ FORQ4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW3Q1
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORQ FORQ1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW3Q2
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORQ FORQ2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW3Q4
#define CONSTS CONSTS_W3
#define TABLES TABLES_W3
#define DEQ DEQ_W3
#define FORQ FORQ4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW4Q1
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORQ FORQ1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW4Q2
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORQ FORQ2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW4Q4
#define CONSTS CONSTS_W4
#define TABLES TABLES_W4
#define DEQ DEQ_W4
#define FORQ FORQ4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW5Q1
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORQ FORQ1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW5Q2
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORQ FORQ2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW5Q4
#define CONSTS CONSTS_W5
#define TABLES TABLES_W5
#define DEQ DEQ_W5
#define FORQ FORQ4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW6Q1
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORQ FORQ1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW6Q2
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORQ FORQ2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW6Q4
#define CONSTS CONSTS_W6
#define TABLES TABLES_W6
#define DEQ DEQ_W6
#define FORQ FORQ4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW7Q1
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORQ FORQ1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW7Q2
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORQ FORQ2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW7Q4
#define CONSTS CONSTS_W7
#define TABLES TABLES_W7
#define DEQ DEQ_W7
#define FORQ FORQ4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW8Q1
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORQ FORQ1
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW8Q2
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORQ FORQ2
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

#define NAME ·avx512DotW8Q4
#define CONSTS CONSTS_W8
#define TABLES TABLES_W8
#define DEQ DEQ_W8
#define FORQ FORQ4
#include "avx512_dot_amd64.h"
#undef NAME
#undef CONSTS
#undef TABLES
#undef DEQ
#undef FORQ

// Dot row kernels: 4-bit codes, rows of 128 values in groups of 64, four
// rows at a time (see avx512_dot_row_amd64.h).

// dst = per 128-bit lane [a0+a1, a2+a3, b0+b1, b2+b3] (float), with the
// scratch registers t1 and t2.
#define COMBINE_F(a, b, dst, t1, t2) \
	VSHUFPS $0x88, b, a, t1; \
	VSHUFPS $0xdd, b, a, t2; \
	VADDPS  t1, t2, dst

// The four rows' scales and mins (MREG) and their group scales (SREG).
#define QUAD_SCALES_CODES \
	VMOVDQU32    (DX), MREGX;                           \
	VINSERTI32X4 $1, (R8), MREGY, MREGY;                \
	VPSHUFB      ·avx512QuadMinShuf(SB), MREGY, MREGY; \
	VCVTPH2PS    MREGY, MREG;                           \
	VMOVDQU32    ·avx512QuadScaleIdx(SB), SREG;         \
	VPERMPS      MREG, SREG, SREG

// Per query row of float rows: combine the four rows and park.
#define QUAD_OUT_F(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);  \
	COMBINE_F(a2, a3, T4, T1, T2);  \
	COMBINE_F(T3, T4, T3, T1, T2);  \
	VMOVUPS T3, (j*256)(R13)(R14*1)

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

#define ROW_FLUSH(j, a0, a1, a2, a3) \
	REDUCE4(R13, j*256, Z30);      \
	VMOVUPS Z30, K1, (R11);        \
	ADDQ    QA_outStride(AX), R11

// The rows' work: the codes of row r, then per nibble k the mask, the
// conversion and one multiply-add per query row. The accumulator of query
// row j and row r is ACCj(r).
#define ACC0(r) Z(r)
// Four rows, nibble-major so that the multiply-adds into one
// accumulator are spread out.
#define QUADQ1 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VMOVDQU32 192(SI), Z27; \
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

#define QUADQ2 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VMOVDQU32 192(SI), Z27; \
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

// The four-query multiply-adds of the four-row kernels: four rows' values
// in Z16-Z19; each query row's x for them loaded once (Z20-Z23, from
// x0-x3 off BX) and multiplied into the accumulators Z(4j+r) (op: VMULPS
// for a kernel's first step, VFMADD231PS after it).
#define XQ4(op, x0, x1, x2, x3) \
	VMOVUPS x0(BX), Z20; \
	op Z20, Z16, Z0; \
	op Z20, Z17, Z1; \
	op Z20, Z18, Z2; \
	op Z20, Z19, Z3; \
	VMOVUPS x1(BX), Z21; \
	op Z21, Z16, Z4; \
	op Z21, Z17, Z5; \
	op Z21, Z18, Z6; \
	op Z21, Z19, Z7; \
	VMOVUPS x2(BX), Z22; \
	op Z22, Z16, Z8; \
	op Z22, Z17, Z9; \
	op Z22, Z18, Z10; \
	op Z22, Z19, Z11; \
	VMOVUPS x3(BX), Z23; \
	op Z23, Z16, Z12; \
	op Z23, Z17, Z13; \
	op Z23, Z18, Z14; \
	op Z23, Z19, Z15

// One field of QUADQ4: the field's mask (from the table after the x
// tables) loaded once, the four rows' nibbles masked and converted into
// Z16-Z19, then each query row's x table for the field loaded once (into
// Z20-Z23) for the four rows' multiply-adds (op: VMULPS for the first
// field, VFMADD231PS after it). 5 loads per field and four rows, not 16.
#define Q4FIELD(op, mask, x0, x1, x2, x3) \
	VMOVDQU32 mask(BX), Z30; \
	VPANDD Z30, Z24, Z16; \
	VCVTUDQ2PS Z16, Z16; \
	VPANDD Z30, Z25, Z17; \
	VCVTUDQ2PS Z17, Z17; \
	VPANDD Z30, Z26, Z18; \
	VCVTUDQ2PS Z18, Z18; \
	VPANDD Z30, Z27, Z19; \
	VCVTUDQ2PS Z19, Z19; \
	XQ4(op, x0, x1, x2, x3)

// Four query rows, four rows (Z24-Z27): the eight fields.
#define QUADQ4 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VMOVDQU32 192(SI), Z27; \
	Q4FIELD(VMULPS, 2048, 0, 512, 1024, 1536); \
	Q4FIELD(VFMADD231PS, 2112, 64, 576, 1088, 1600); \
	Q4FIELD(VFMADD231PS, 2176, 128, 640, 1152, 1664); \
	Q4FIELD(VFMADD231PS, 2240, 192, 704, 1216, 1728); \
	Q4FIELD(VFMADD231PS, 2304, 256, 768, 1280, 1792); \
	Q4FIELD(VFMADD231PS, 2368, 320, 832, 1344, 1856); \
	Q4FIELD(VFMADD231PS, 2432, 384, 896, 1408, 1920); \
	Q4FIELD(VFMADD231PS, 2496, 448, 960, 1472, 1984)

#define SETUP_MASKS \
	VMOVDQU32 ·avx512NibMask+0(SB), Z16; \
	VMOVDQU32 ·avx512NibMask+64(SB), Z17; \
	VMOVDQU32 ·avx512NibMask+128(SB), Z18; \
	VMOVDQU32 ·avx512NibMask+192(SB), Z19; \
	VMOVDQU32 ·avx512NibMask+256(SB), Z20; \
	VMOVDQU32 ·avx512NibMask+320(SB), Z21; \
	VMOVDQU32 ·avx512NibMask+384(SB), Z22; \
	VMOVDQU32 ·avx512NibMask+448(SB), Z23; \

// Four query rows: the x tables and masks stay in memory, each loaded once
// per field and four rows (QUADQ4). Nothing needs setting up; loading
// query row 0's first table keeps the macro non-empty.
#define SETUP_Q4 \
	VMOVUPS 0(BX), Z20; \

#define SETUP_Q1 \
	SETUP_MASKS; \
	VMOVUPS 0(BX), Z4; \
	VMOVUPS 64(BX), Z5; \
	VMOVUPS 128(BX), Z6; \
	VMOVUPS 192(BX), Z7; \
	VMOVUPS 256(BX), Z8; \
	VMOVUPS 320(BX), Z9; \
	VMOVUPS 384(BX), Z10; \
	VMOVUPS 448(BX), Z11; \

#define ROWFORQ1(m) m(0, Z0, Z1, Z2, Z3)
#define ROWFORQ2(m) ROWFORQ1(m); m(1, Z4, Z5, Z6, Z7)
#define ROWFORQ4(m) ROWFORQ2(m); m(2, Z8, Z9, Z10, Z11); m(3, Z12, Z13, Z14, Z15)

#define NAME ·avx512DotRowW4Q1
#define MREG Z26
#define MREGX X26
#define MREGY Y26
#define SREG Z27
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_Q1
#define QUAD QUADQ1
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES
#define FORQ ROWFORQ1
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
#undef FORQ

#define NAME ·avx512DotRowW4Q2
#define MREG Z26
#define MREGX X26
#define MREGY Y26
#define SREG Z27
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_MASKS
#define QUAD QUADQ2
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES
#define FORQ ROWFORQ2
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
#undef FORQ

#define NAME ·avx512DotRowW4Q4
#define MREG Z24
#define MREGX X24
#define MREGY Y24
#define SREG Z25
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP SETUP_Q4
#define QUAD QUADQ4
#define QUAD_OUT QUAD_OUT_CODES
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 256
#define QUAD_SCALES QUAD_SCALES_CODES
#define FORQ ROWFORQ4
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
#undef FORQ

// Dot kernels for fp16 and float32 rows (see avx512_dotf_amd64.h).

#define FMA_XF(acc, xa, j) VFMADD231PS xa(0), Z8, acc
#define FMA_XFM(acc, xa, j) \
	VMOVUPS.Z   xa(0), K2, Z9; \
	VFMADD231PS Z9, Z8, acc
#define FLUSH_ACC(acc, xa, j) \
	REDUCE16(R13, j*1024, Z12); \
	VMOVUPS.Z (R10), K3, Z15;   \
	VADDPS    Z15, Z12, Z12;    \
	VMOVUPS   Z12, K1, (R10);   \
	ADDQ      R11, R10

#define LOADV_F16(addr, dst) VCVTPH2PS addr, dst
#define LOADVM_F16(addr, k, dst) \
	VMOVDQU16.Z addr, k, Y15; \
	VCVTPH2PS   Y15, dst
#define LOADV_F32(addr, dst) VMOVUPS addr, dst
#define LOADVM_F32(addr, k, dst) VMOVUPS.Z addr, k, dst

#define NAME ·avx512DotF16Q1
#define LOADV LOADV_F16
#define LOADVM LOADVM_F16
#define ESZ 2
#define FORQ FORQ1
#include "avx512_dotf_amd64.h"
#undef NAME
#undef LOADV
#undef LOADVM
#undef ESZ
#undef FORQ

#define NAME ·avx512DotF16Q2
#define LOADV LOADV_F16
#define LOADVM LOADVM_F16
#define ESZ 2
#define FORQ FORQ2
#include "avx512_dotf_amd64.h"
#undef NAME
#undef LOADV
#undef LOADVM
#undef ESZ
#undef FORQ

#define NAME ·avx512DotF16Q4
#define LOADV LOADV_F16
#define LOADVM LOADVM_F16
#define ESZ 2
#define FORQ FORQ4
#include "avx512_dotf_amd64.h"
#undef NAME
#undef LOADV
#undef LOADVM
#undef ESZ
#undef FORQ

#define NAME ·avx512DotF32Q1
#define LOADV LOADV_F32
#define LOADVM LOADVM_F32
#define ESZ 4
#define FORQ FORQ1
#include "avx512_dotf_amd64.h"
#undef NAME
#undef LOADV
#undef LOADVM
#undef ESZ
#undef FORQ

#define NAME ·avx512DotF32Q2
#define LOADV LOADV_F32
#define LOADVM LOADVM_F32
#define ESZ 4
#define FORQ FORQ2
#include "avx512_dotf_amd64.h"
#undef NAME
#undef LOADV
#undef LOADVM
#undef ESZ
#undef FORQ

#define NAME ·avx512DotF32Q4
#define LOADV LOADV_F32
#define LOADVM LOADVM_F32
#define ESZ 4
#define FORQ FORQ4
#include "avx512_dotf_amd64.h"
#undef NAME
#undef LOADV
#undef LOADVM
#undef ESZ
#undef FORQ

// fp16 and float32 row kernels: rows of 128 values, step-major.
#define QUADF16Q1 \
	VCVTPH2PS 0(SI), Z28; \
	VMULPS Z28, Z4, Z0; \
	VCVTPH2PS 256(SI), Z29; \
	VMULPS Z29, Z4, Z1; \
	VCVTPH2PS 512(SI), Z28; \
	VMULPS Z28, Z4, Z2; \
	VCVTPH2PS 768(SI), Z29; \
	VMULPS Z29, Z4, Z3; \
	VCVTPH2PS 32(SI), Z28; \
	VFMADD231PS Z28, Z5, Z0; \
	VCVTPH2PS 288(SI), Z29; \
	VFMADD231PS Z29, Z5, Z1; \
	VCVTPH2PS 544(SI), Z28; \
	VFMADD231PS Z28, Z5, Z2; \
	VCVTPH2PS 800(SI), Z29; \
	VFMADD231PS Z29, Z5, Z3; \
	VCVTPH2PS 64(SI), Z28; \
	VFMADD231PS Z28, Z6, Z0; \
	VCVTPH2PS 320(SI), Z29; \
	VFMADD231PS Z29, Z6, Z1; \
	VCVTPH2PS 576(SI), Z28; \
	VFMADD231PS Z28, Z6, Z2; \
	VCVTPH2PS 832(SI), Z29; \
	VFMADD231PS Z29, Z6, Z3; \
	VCVTPH2PS 96(SI), Z28; \
	VFMADD231PS Z28, Z7, Z0; \
	VCVTPH2PS 352(SI), Z29; \
	VFMADD231PS Z29, Z7, Z1; \
	VCVTPH2PS 608(SI), Z28; \
	VFMADD231PS Z28, Z7, Z2; \
	VCVTPH2PS 864(SI), Z29; \
	VFMADD231PS Z29, Z7, Z3; \
	VCVTPH2PS 128(SI), Z28; \
	VFMADD231PS Z28, Z8, Z0; \
	VCVTPH2PS 384(SI), Z29; \
	VFMADD231PS Z29, Z8, Z1; \
	VCVTPH2PS 640(SI), Z28; \
	VFMADD231PS Z28, Z8, Z2; \
	VCVTPH2PS 896(SI), Z29; \
	VFMADD231PS Z29, Z8, Z3; \
	VCVTPH2PS 160(SI), Z28; \
	VFMADD231PS Z28, Z9, Z0; \
	VCVTPH2PS 416(SI), Z29; \
	VFMADD231PS Z29, Z9, Z1; \
	VCVTPH2PS 672(SI), Z28; \
	VFMADD231PS Z28, Z9, Z2; \
	VCVTPH2PS 928(SI), Z29; \
	VFMADD231PS Z29, Z9, Z3; \
	VCVTPH2PS 192(SI), Z28; \
	VFMADD231PS Z28, Z10, Z0; \
	VCVTPH2PS 448(SI), Z29; \
	VFMADD231PS Z29, Z10, Z1; \
	VCVTPH2PS 704(SI), Z28; \
	VFMADD231PS Z28, Z10, Z2; \
	VCVTPH2PS 960(SI), Z29; \
	VFMADD231PS Z29, Z10, Z3; \
	VCVTPH2PS 224(SI), Z28; \
	VFMADD231PS Z28, Z11, Z0; \
	VCVTPH2PS 480(SI), Z29; \
	VFMADD231PS Z29, Z11, Z1; \
	VCVTPH2PS 736(SI), Z28; \
	VFMADD231PS Z28, Z11, Z2; \
	VCVTPH2PS 992(SI), Z29; \
	VFMADD231PS Z29, Z11, Z3

#define QUADF16Q2 \
	VCVTPH2PS 0(SI), Z28; \
	VMULPS 0(BX), Z28, Z0; \
	VMULPS 512(BX), Z28, Z4; \
	VCVTPH2PS 256(SI), Z29; \
	VMULPS 0(BX), Z29, Z1; \
	VMULPS 512(BX), Z29, Z5; \
	VCVTPH2PS 512(SI), Z28; \
	VMULPS 0(BX), Z28, Z2; \
	VMULPS 512(BX), Z28, Z6; \
	VCVTPH2PS 768(SI), Z29; \
	VMULPS 0(BX), Z29, Z3; \
	VMULPS 512(BX), Z29, Z7; \
	VCVTPH2PS 32(SI), Z28; \
	VFMADD231PS 64(BX), Z28, Z0; \
	VFMADD231PS 576(BX), Z28, Z4; \
	VCVTPH2PS 288(SI), Z29; \
	VFMADD231PS 64(BX), Z29, Z1; \
	VFMADD231PS 576(BX), Z29, Z5; \
	VCVTPH2PS 544(SI), Z28; \
	VFMADD231PS 64(BX), Z28, Z2; \
	VFMADD231PS 576(BX), Z28, Z6; \
	VCVTPH2PS 800(SI), Z29; \
	VFMADD231PS 64(BX), Z29, Z3; \
	VFMADD231PS 576(BX), Z29, Z7; \
	VCVTPH2PS 64(SI), Z28; \
	VFMADD231PS 128(BX), Z28, Z0; \
	VFMADD231PS 640(BX), Z28, Z4; \
	VCVTPH2PS 320(SI), Z29; \
	VFMADD231PS 128(BX), Z29, Z1; \
	VFMADD231PS 640(BX), Z29, Z5; \
	VCVTPH2PS 576(SI), Z28; \
	VFMADD231PS 128(BX), Z28, Z2; \
	VFMADD231PS 640(BX), Z28, Z6; \
	VCVTPH2PS 832(SI), Z29; \
	VFMADD231PS 128(BX), Z29, Z3; \
	VFMADD231PS 640(BX), Z29, Z7; \
	VCVTPH2PS 96(SI), Z28; \
	VFMADD231PS 192(BX), Z28, Z0; \
	VFMADD231PS 704(BX), Z28, Z4; \
	VCVTPH2PS 352(SI), Z29; \
	VFMADD231PS 192(BX), Z29, Z1; \
	VFMADD231PS 704(BX), Z29, Z5; \
	VCVTPH2PS 608(SI), Z28; \
	VFMADD231PS 192(BX), Z28, Z2; \
	VFMADD231PS 704(BX), Z28, Z6; \
	VCVTPH2PS 864(SI), Z29; \
	VFMADD231PS 192(BX), Z29, Z3; \
	VFMADD231PS 704(BX), Z29, Z7; \
	VCVTPH2PS 128(SI), Z28; \
	VFMADD231PS 256(BX), Z28, Z0; \
	VFMADD231PS 768(BX), Z28, Z4; \
	VCVTPH2PS 384(SI), Z29; \
	VFMADD231PS 256(BX), Z29, Z1; \
	VFMADD231PS 768(BX), Z29, Z5; \
	VCVTPH2PS 640(SI), Z28; \
	VFMADD231PS 256(BX), Z28, Z2; \
	VFMADD231PS 768(BX), Z28, Z6; \
	VCVTPH2PS 896(SI), Z29; \
	VFMADD231PS 256(BX), Z29, Z3; \
	VFMADD231PS 768(BX), Z29, Z7; \
	VCVTPH2PS 160(SI), Z28; \
	VFMADD231PS 320(BX), Z28, Z0; \
	VFMADD231PS 832(BX), Z28, Z4; \
	VCVTPH2PS 416(SI), Z29; \
	VFMADD231PS 320(BX), Z29, Z1; \
	VFMADD231PS 832(BX), Z29, Z5; \
	VCVTPH2PS 672(SI), Z28; \
	VFMADD231PS 320(BX), Z28, Z2; \
	VFMADD231PS 832(BX), Z28, Z6; \
	VCVTPH2PS 928(SI), Z29; \
	VFMADD231PS 320(BX), Z29, Z3; \
	VFMADD231PS 832(BX), Z29, Z7; \
	VCVTPH2PS 192(SI), Z28; \
	VFMADD231PS 384(BX), Z28, Z0; \
	VFMADD231PS 896(BX), Z28, Z4; \
	VCVTPH2PS 448(SI), Z29; \
	VFMADD231PS 384(BX), Z29, Z1; \
	VFMADD231PS 896(BX), Z29, Z5; \
	VCVTPH2PS 704(SI), Z28; \
	VFMADD231PS 384(BX), Z28, Z2; \
	VFMADD231PS 896(BX), Z28, Z6; \
	VCVTPH2PS 960(SI), Z29; \
	VFMADD231PS 384(BX), Z29, Z3; \
	VFMADD231PS 896(BX), Z29, Z7; \
	VCVTPH2PS 224(SI), Z28; \
	VFMADD231PS 448(BX), Z28, Z0; \
	VFMADD231PS 960(BX), Z28, Z4; \
	VCVTPH2PS 480(SI), Z29; \
	VFMADD231PS 448(BX), Z29, Z1; \
	VFMADD231PS 960(BX), Z29, Z5; \
	VCVTPH2PS 736(SI), Z28; \
	VFMADD231PS 448(BX), Z28, Z2; \
	VFMADD231PS 960(BX), Z28, Z6; \
	VCVTPH2PS 992(SI), Z29; \
	VFMADD231PS 448(BX), Z29, Z3; \
	VFMADD231PS 960(BX), Z29, Z7

// One step of 16 columns of the fp16 and float32 four-query row kernels:
// the four rows' values loaded (load: VCVTPH2PS or VMOVUPS) once into
// Z16-Z19, then each query row's x for the step loaded once (Z20-Z23) for
// the four rows' multiply-adds (op: VMULPS for the first step, then
// VFMADD231PS): 8 loads per step and four rows, not 20.
#define F4STEP(load, op, d0, d1, d2, d3, x0, x1, x2, x3) \
	load d0(SI), Z16; \
	load d1(SI), Z17; \
	load d2(SI), Z18; \
	load d3(SI), Z19; \
	XQ4(op, x0, x1, x2, x3)

#define QUADF16Q4 \
	F4STEP(VCVTPH2PS, VMULPS, 0, 256, 512, 768, 0, 512, 1024, 1536); \
	F4STEP(VCVTPH2PS, VFMADD231PS, 32, 288, 544, 800, 64, 576, 1088, 1600); \
	F4STEP(VCVTPH2PS, VFMADD231PS, 64, 320, 576, 832, 128, 640, 1152, 1664); \
	F4STEP(VCVTPH2PS, VFMADD231PS, 96, 352, 608, 864, 192, 704, 1216, 1728); \
	F4STEP(VCVTPH2PS, VFMADD231PS, 128, 384, 640, 896, 256, 768, 1280, 1792); \
	F4STEP(VCVTPH2PS, VFMADD231PS, 160, 416, 672, 928, 320, 832, 1344, 1856); \
	F4STEP(VCVTPH2PS, VFMADD231PS, 192, 448, 704, 960, 384, 896, 1408, 1920); \
	F4STEP(VCVTPH2PS, VFMADD231PS, 224, 480, 736, 992, 448, 960, 1472, 1984)

#define QUADF32Q1 \
	VMULPS 0(SI), Z4, Z0; \
	VMULPS 512(SI), Z4, Z1; \
	VMULPS 1024(SI), Z4, Z2; \
	VMULPS 1536(SI), Z4, Z3; \
	VFMADD231PS 64(SI), Z5, Z0; \
	VFMADD231PS 576(SI), Z5, Z1; \
	VFMADD231PS 1088(SI), Z5, Z2; \
	VFMADD231PS 1600(SI), Z5, Z3; \
	VFMADD231PS 128(SI), Z6, Z0; \
	VFMADD231PS 640(SI), Z6, Z1; \
	VFMADD231PS 1152(SI), Z6, Z2; \
	VFMADD231PS 1664(SI), Z6, Z3; \
	VFMADD231PS 192(SI), Z7, Z0; \
	VFMADD231PS 704(SI), Z7, Z1; \
	VFMADD231PS 1216(SI), Z7, Z2; \
	VFMADD231PS 1728(SI), Z7, Z3; \
	VFMADD231PS 256(SI), Z8, Z0; \
	VFMADD231PS 768(SI), Z8, Z1; \
	VFMADD231PS 1280(SI), Z8, Z2; \
	VFMADD231PS 1792(SI), Z8, Z3; \
	VFMADD231PS 320(SI), Z9, Z0; \
	VFMADD231PS 832(SI), Z9, Z1; \
	VFMADD231PS 1344(SI), Z9, Z2; \
	VFMADD231PS 1856(SI), Z9, Z3; \
	VFMADD231PS 384(SI), Z10, Z0; \
	VFMADD231PS 896(SI), Z10, Z1; \
	VFMADD231PS 1408(SI), Z10, Z2; \
	VFMADD231PS 1920(SI), Z10, Z3; \
	VFMADD231PS 448(SI), Z11, Z0; \
	VFMADD231PS 960(SI), Z11, Z1; \
	VFMADD231PS 1472(SI), Z11, Z2; \
	VFMADD231PS 1984(SI), Z11, Z3

#define QUADF32Q2 \
	VMOVUPS 0(SI), Z28; \
	VMULPS 0(BX), Z28, Z0; \
	VMULPS 512(BX), Z28, Z4; \
	VMOVUPS 512(SI), Z29; \
	VMULPS 0(BX), Z29, Z1; \
	VMULPS 512(BX), Z29, Z5; \
	VMOVUPS 1024(SI), Z28; \
	VMULPS 0(BX), Z28, Z2; \
	VMULPS 512(BX), Z28, Z6; \
	VMOVUPS 1536(SI), Z29; \
	VMULPS 0(BX), Z29, Z3; \
	VMULPS 512(BX), Z29, Z7; \
	VMOVUPS 64(SI), Z28; \
	VFMADD231PS 64(BX), Z28, Z0; \
	VFMADD231PS 576(BX), Z28, Z4; \
	VMOVUPS 576(SI), Z29; \
	VFMADD231PS 64(BX), Z29, Z1; \
	VFMADD231PS 576(BX), Z29, Z5; \
	VMOVUPS 1088(SI), Z28; \
	VFMADD231PS 64(BX), Z28, Z2; \
	VFMADD231PS 576(BX), Z28, Z6; \
	VMOVUPS 1600(SI), Z29; \
	VFMADD231PS 64(BX), Z29, Z3; \
	VFMADD231PS 576(BX), Z29, Z7; \
	VMOVUPS 128(SI), Z28; \
	VFMADD231PS 128(BX), Z28, Z0; \
	VFMADD231PS 640(BX), Z28, Z4; \
	VMOVUPS 640(SI), Z29; \
	VFMADD231PS 128(BX), Z29, Z1; \
	VFMADD231PS 640(BX), Z29, Z5; \
	VMOVUPS 1152(SI), Z28; \
	VFMADD231PS 128(BX), Z28, Z2; \
	VFMADD231PS 640(BX), Z28, Z6; \
	VMOVUPS 1664(SI), Z29; \
	VFMADD231PS 128(BX), Z29, Z3; \
	VFMADD231PS 640(BX), Z29, Z7; \
	VMOVUPS 192(SI), Z28; \
	VFMADD231PS 192(BX), Z28, Z0; \
	VFMADD231PS 704(BX), Z28, Z4; \
	VMOVUPS 704(SI), Z29; \
	VFMADD231PS 192(BX), Z29, Z1; \
	VFMADD231PS 704(BX), Z29, Z5; \
	VMOVUPS 1216(SI), Z28; \
	VFMADD231PS 192(BX), Z28, Z2; \
	VFMADD231PS 704(BX), Z28, Z6; \
	VMOVUPS 1728(SI), Z29; \
	VFMADD231PS 192(BX), Z29, Z3; \
	VFMADD231PS 704(BX), Z29, Z7; \
	VMOVUPS 256(SI), Z28; \
	VFMADD231PS 256(BX), Z28, Z0; \
	VFMADD231PS 768(BX), Z28, Z4; \
	VMOVUPS 768(SI), Z29; \
	VFMADD231PS 256(BX), Z29, Z1; \
	VFMADD231PS 768(BX), Z29, Z5; \
	VMOVUPS 1280(SI), Z28; \
	VFMADD231PS 256(BX), Z28, Z2; \
	VFMADD231PS 768(BX), Z28, Z6; \
	VMOVUPS 1792(SI), Z29; \
	VFMADD231PS 256(BX), Z29, Z3; \
	VFMADD231PS 768(BX), Z29, Z7; \
	VMOVUPS 320(SI), Z28; \
	VFMADD231PS 320(BX), Z28, Z0; \
	VFMADD231PS 832(BX), Z28, Z4; \
	VMOVUPS 832(SI), Z29; \
	VFMADD231PS 320(BX), Z29, Z1; \
	VFMADD231PS 832(BX), Z29, Z5; \
	VMOVUPS 1344(SI), Z28; \
	VFMADD231PS 320(BX), Z28, Z2; \
	VFMADD231PS 832(BX), Z28, Z6; \
	VMOVUPS 1856(SI), Z29; \
	VFMADD231PS 320(BX), Z29, Z3; \
	VFMADD231PS 832(BX), Z29, Z7; \
	VMOVUPS 384(SI), Z28; \
	VFMADD231PS 384(BX), Z28, Z0; \
	VFMADD231PS 896(BX), Z28, Z4; \
	VMOVUPS 896(SI), Z29; \
	VFMADD231PS 384(BX), Z29, Z1; \
	VFMADD231PS 896(BX), Z29, Z5; \
	VMOVUPS 1408(SI), Z28; \
	VFMADD231PS 384(BX), Z28, Z2; \
	VFMADD231PS 896(BX), Z28, Z6; \
	VMOVUPS 1920(SI), Z29; \
	VFMADD231PS 384(BX), Z29, Z3; \
	VFMADD231PS 896(BX), Z29, Z7; \
	VMOVUPS 448(SI), Z28; \
	VFMADD231PS 448(BX), Z28, Z0; \
	VFMADD231PS 960(BX), Z28, Z4; \
	VMOVUPS 960(SI), Z29; \
	VFMADD231PS 448(BX), Z29, Z1; \
	VFMADD231PS 960(BX), Z29, Z5; \
	VMOVUPS 1472(SI), Z28; \
	VFMADD231PS 448(BX), Z28, Z2; \
	VFMADD231PS 960(BX), Z28, Z6; \
	VMOVUPS 1984(SI), Z29; \
	VFMADD231PS 448(BX), Z29, Z3; \
	VFMADD231PS 960(BX), Z29, Z7

#define QUADF32Q4 \
	F4STEP(VMOVUPS, VMULPS, 0, 512, 1024, 1536, 0, 512, 1024, 1536); \
	F4STEP(VMOVUPS, VFMADD231PS, 64, 576, 1088, 1600, 64, 576, 1088, 1600); \
	F4STEP(VMOVUPS, VFMADD231PS, 128, 640, 1152, 1664, 128, 640, 1152, 1664); \
	F4STEP(VMOVUPS, VFMADD231PS, 192, 704, 1216, 1728, 192, 704, 1216, 1728); \
	F4STEP(VMOVUPS, VFMADD231PS, 256, 768, 1280, 1792, 256, 768, 1280, 1792); \
	F4STEP(VMOVUPS, VFMADD231PS, 320, 832, 1344, 1856, 320, 832, 1344, 1856); \
	F4STEP(VMOVUPS, VFMADD231PS, 384, 896, 1408, 1920, 384, 896, 1408, 1920); \
	F4STEP(VMOVUPS, VFMADD231PS, 448, 960, 1472, 1984, 448, 960, 1472, 1984)

#define SETUP_XQ1 \
	VMOVUPS 0(BX), Z4; \
	VMOVUPS 64(BX), Z5; \
	VMOVUPS 128(BX), Z6; \
	VMOVUPS 192(BX), Z7; \
	VMOVUPS 256(BX), Z8; \
	VMOVUPS 320(BX), Z9; \
	VMOVUPS 384(BX), Z10; \
	VMOVUPS 448(BX), Z11; \


#define NAME ·avx512DotRowF16Q1
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_XQ1
#define QUAD QUADF16Q1
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 1024
#define QUAD_SCALES
#define QUAD_OUT QUAD_OUT_F
#define FORQ ROWFORQ1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ
#undef T1
#undef T2
#undef T3
#undef T4

#define NAME ·avx512DotRowF16Q2
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP 
#define QUAD QUADF16Q2
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 1024
#define QUAD_SCALES
#define QUAD_OUT QUAD_OUT_F
#define FORQ ROWFORQ2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ
#undef T1
#undef T2
#undef T3
#undef T4

#define NAME ·avx512DotRowF16Q4
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP 
#define QUAD QUADF16Q4
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 1024
#define QUAD_SCALES
#define QUAD_OUT QUAD_OUT_F
#define FORQ ROWFORQ4
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ
#undef T1
#undef T2
#undef T3
#undef T4

#define NAME ·avx512DotRowF32Q1
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP SETUP_XQ1
#define QUAD QUADF32Q1
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 2048
#define QUAD_SCALES
#define QUAD_OUT QUAD_OUT_F
#define FORQ ROWFORQ1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ
#undef T1
#undef T2
#undef T3
#undef T4

#define NAME ·avx512DotRowF32Q2
#define T1 Z28
#define T2 Z29
#define T3 Z30
#define T4 Z31
#define SETUP 
#define QUAD QUADF32Q2
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 2048
#define QUAD_SCALES
#define QUAD_OUT QUAD_OUT_F
#define FORQ ROWFORQ2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ
#undef T1
#undef T2
#undef T3
#undef T4

#define NAME ·avx512DotRowF32Q4
#define T1 Z26
#define T2 Z27
#define T3 Z28
#define T4 Z29
#define SETUP 
#define QUAD QUADF32Q4
#define FLUSH_OUT ROW_FLUSH
#define QUADBYTES 2048
#define QUAD_SCALES
#define QUAD_OUT QUAD_OUT_F
#define FORQ ROWFORQ4
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ
#undef T1
#undef T2
#undef T3
#undef T4

// The 2-bit Dot row kernel: two rows (32 bytes each) per vector, lanes 0-7
// and 8-15. Field k (0-15) of every code dword is masked in place (masks in
// Z16-Z31) and converted (q*4^k), then multiplied by x laid out per call in
// the same lanes and scaled by 4^-k (avx512DotRowTables2). Accumulators
// acc01 and acc23 per query row: Z(2j), Z(2j+1); codes Z8, Z9; fields Z10,
// Z11. 128-bit lane L of acc01 holds row L/2's (group L%2) partials, so
// one COMBINE gives K, lane 4L+p of row 2(p/2)+L/2 and group L%2; K is
// scaled (S), the shift term added at one lane per row and group (P),
// and F permuted to the layout of REDUCE4 (lane 4L'+r of row r).
#define QUADW2Q1 \
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
	VFMADD231PS 512(BX), Z10, Z0; \
	VPANDD Z24, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 512(BX), Z11, Z1; \
	VPANDD Z25, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 576(BX), Z10, Z0; \
	VPANDD Z25, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 576(BX), Z11, Z1; \
	VPANDD Z26, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 640(BX), Z10, Z0; \
	VPANDD Z26, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 640(BX), Z11, Z1; \
	VPANDD Z27, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 704(BX), Z10, Z0; \
	VPANDD Z27, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 704(BX), Z11, Z1; \
	VPANDD Z28, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 768(BX), Z10, Z0; \
	VPANDD Z28, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 768(BX), Z11, Z1; \
	VPANDD Z29, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 832(BX), Z10, Z0; \
	VPANDD Z29, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 832(BX), Z11, Z1; \
	VPANDD Z30, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 896(BX), Z10, Z0; \
	VPANDD Z30, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 896(BX), Z11, Z1; \
	VPANDD Z31, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 960(BX), Z10, Z0; \
	VPANDD Z31, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z1

#define QUADW2Q2 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VMULPS 1024(BX), Z10, Z2; \
	VPANDD Z16, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 0(BX), Z11, Z1; \
	VMULPS 1024(BX), Z11, Z3; \
	VPANDD Z17, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 64(BX), Z10, Z0; \
	VFMADD231PS 1088(BX), Z10, Z2; \
	VPANDD Z17, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 64(BX), Z11, Z1; \
	VFMADD231PS 1088(BX), Z11, Z3; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VFMADD231PS 1152(BX), Z10, Z2; \
	VPANDD Z18, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 128(BX), Z11, Z1; \
	VFMADD231PS 1152(BX), Z11, Z3; \
	VPANDD Z19, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 192(BX), Z10, Z0; \
	VFMADD231PS 1216(BX), Z10, Z2; \
	VPANDD Z19, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 192(BX), Z11, Z1; \
	VFMADD231PS 1216(BX), Z11, Z3; \
	VPANDD Z20, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 256(BX), Z10, Z0; \
	VFMADD231PS 1280(BX), Z10, Z2; \
	VPANDD Z20, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 256(BX), Z11, Z1; \
	VFMADD231PS 1280(BX), Z11, Z3; \
	VPANDD Z21, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 320(BX), Z10, Z0; \
	VFMADD231PS 1344(BX), Z10, Z2; \
	VPANDD Z21, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 320(BX), Z11, Z1; \
	VFMADD231PS 1344(BX), Z11, Z3; \
	VPANDD Z22, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 384(BX), Z10, Z0; \
	VFMADD231PS 1408(BX), Z10, Z2; \
	VPANDD Z22, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 384(BX), Z11, Z1; \
	VFMADD231PS 1408(BX), Z11, Z3; \
	VPANDD Z23, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 448(BX), Z10, Z0; \
	VFMADD231PS 1472(BX), Z10, Z2; \
	VPANDD Z23, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 448(BX), Z11, Z1; \
	VFMADD231PS 1472(BX), Z11, Z3; \
	VPANDD Z24, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 512(BX), Z10, Z0; \
	VFMADD231PS 1536(BX), Z10, Z2; \
	VPANDD Z24, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 512(BX), Z11, Z1; \
	VFMADD231PS 1536(BX), Z11, Z3; \
	VPANDD Z25, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 576(BX), Z10, Z0; \
	VFMADD231PS 1600(BX), Z10, Z2; \
	VPANDD Z25, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 576(BX), Z11, Z1; \
	VFMADD231PS 1600(BX), Z11, Z3; \
	VPANDD Z26, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 640(BX), Z10, Z0; \
	VFMADD231PS 1664(BX), Z10, Z2; \
	VPANDD Z26, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 640(BX), Z11, Z1; \
	VFMADD231PS 1664(BX), Z11, Z3; \
	VPANDD Z27, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 704(BX), Z10, Z0; \
	VFMADD231PS 1728(BX), Z10, Z2; \
	VPANDD Z27, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 704(BX), Z11, Z1; \
	VFMADD231PS 1728(BX), Z11, Z3; \
	VPANDD Z28, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 768(BX), Z10, Z0; \
	VFMADD231PS 1792(BX), Z10, Z2; \
	VPANDD Z28, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 768(BX), Z11, Z1; \
	VFMADD231PS 1792(BX), Z11, Z3; \
	VPANDD Z29, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 832(BX), Z10, Z0; \
	VFMADD231PS 1856(BX), Z10, Z2; \
	VPANDD Z29, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 832(BX), Z11, Z1; \
	VFMADD231PS 1856(BX), Z11, Z3; \
	VPANDD Z30, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 896(BX), Z10, Z0; \
	VFMADD231PS 1920(BX), Z10, Z2; \
	VPANDD Z30, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 896(BX), Z11, Z1; \
	VFMADD231PS 1920(BX), Z11, Z3; \
	VPANDD Z31, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 960(BX), Z10, Z0; \
	VFMADD231PS 1984(BX), Z10, Z2; \
	VPANDD Z31, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z1; \
	VFMADD231PS 1984(BX), Z11, Z3

#define QUADW2Q4 \
	VMOVDQU32 0(SI), Z8; \
	VMOVDQU32 64(SI), Z9; \
	VPANDD Z16, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VMULPS 0(BX), Z10, Z0; \
	VMULPS 1024(BX), Z10, Z2; \
	VMULPS 2048(BX), Z10, Z4; \
	VMULPS 3072(BX), Z10, Z6; \
	VPANDD Z16, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VMULPS 0(BX), Z11, Z1; \
	VMULPS 1024(BX), Z11, Z3; \
	VMULPS 2048(BX), Z11, Z5; \
	VMULPS 3072(BX), Z11, Z7; \
	VPANDD Z17, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 64(BX), Z10, Z0; \
	VFMADD231PS 1088(BX), Z10, Z2; \
	VFMADD231PS 2112(BX), Z10, Z4; \
	VFMADD231PS 3136(BX), Z10, Z6; \
	VPANDD Z17, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 64(BX), Z11, Z1; \
	VFMADD231PS 1088(BX), Z11, Z3; \
	VFMADD231PS 2112(BX), Z11, Z5; \
	VFMADD231PS 3136(BX), Z11, Z7; \
	VPANDD Z18, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 128(BX), Z10, Z0; \
	VFMADD231PS 1152(BX), Z10, Z2; \
	VFMADD231PS 2176(BX), Z10, Z4; \
	VFMADD231PS 3200(BX), Z10, Z6; \
	VPANDD Z18, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 128(BX), Z11, Z1; \
	VFMADD231PS 1152(BX), Z11, Z3; \
	VFMADD231PS 2176(BX), Z11, Z5; \
	VFMADD231PS 3200(BX), Z11, Z7; \
	VPANDD Z19, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 192(BX), Z10, Z0; \
	VFMADD231PS 1216(BX), Z10, Z2; \
	VFMADD231PS 2240(BX), Z10, Z4; \
	VFMADD231PS 3264(BX), Z10, Z6; \
	VPANDD Z19, Z9, Z11; \
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
	VPANDD Z20, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 256(BX), Z11, Z1; \
	VFMADD231PS 1280(BX), Z11, Z3; \
	VFMADD231PS 2304(BX), Z11, Z5; \
	VFMADD231PS 3328(BX), Z11, Z7; \
	VPANDD Z21, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 320(BX), Z10, Z0; \
	VFMADD231PS 1344(BX), Z10, Z2; \
	VFMADD231PS 2368(BX), Z10, Z4; \
	VFMADD231PS 3392(BX), Z10, Z6; \
	VPANDD Z21, Z9, Z11; \
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
	VPANDD Z22, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 384(BX), Z11, Z1; \
	VFMADD231PS 1408(BX), Z11, Z3; \
	VFMADD231PS 2432(BX), Z11, Z5; \
	VFMADD231PS 3456(BX), Z11, Z7; \
	VPANDD Z23, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 448(BX), Z10, Z0; \
	VFMADD231PS 1472(BX), Z10, Z2; \
	VFMADD231PS 2496(BX), Z10, Z4; \
	VFMADD231PS 3520(BX), Z10, Z6; \
	VPANDD Z23, Z9, Z11; \
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
	VPANDD Z24, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 512(BX), Z11, Z1; \
	VFMADD231PS 1536(BX), Z11, Z3; \
	VFMADD231PS 2560(BX), Z11, Z5; \
	VFMADD231PS 3584(BX), Z11, Z7; \
	VPANDD Z25, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 576(BX), Z10, Z0; \
	VFMADD231PS 1600(BX), Z10, Z2; \
	VFMADD231PS 2624(BX), Z10, Z4; \
	VFMADD231PS 3648(BX), Z10, Z6; \
	VPANDD Z25, Z9, Z11; \
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
	VPANDD Z26, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 640(BX), Z11, Z1; \
	VFMADD231PS 1664(BX), Z11, Z3; \
	VFMADD231PS 2688(BX), Z11, Z5; \
	VFMADD231PS 3712(BX), Z11, Z7; \
	VPANDD Z27, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 704(BX), Z10, Z0; \
	VFMADD231PS 1728(BX), Z10, Z2; \
	VFMADD231PS 2752(BX), Z10, Z4; \
	VFMADD231PS 3776(BX), Z10, Z6; \
	VPANDD Z27, Z9, Z11; \
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
	VPANDD Z28, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 768(BX), Z11, Z1; \
	VFMADD231PS 1792(BX), Z11, Z3; \
	VFMADD231PS 2816(BX), Z11, Z5; \
	VFMADD231PS 3840(BX), Z11, Z7; \
	VPANDD Z29, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 832(BX), Z10, Z0; \
	VFMADD231PS 1856(BX), Z10, Z2; \
	VFMADD231PS 2880(BX), Z10, Z4; \
	VFMADD231PS 3904(BX), Z10, Z6; \
	VPANDD Z29, Z9, Z11; \
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
	VPANDD Z30, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 896(BX), Z11, Z1; \
	VFMADD231PS 1920(BX), Z11, Z3; \
	VFMADD231PS 2944(BX), Z11, Z5; \
	VFMADD231PS 3968(BX), Z11, Z7; \
	VPANDD Z31, Z8, Z10; \
	VCVTUDQ2PS Z10, Z10; \
	VFMADD231PS 960(BX), Z10, Z0; \
	VFMADD231PS 1984(BX), Z10, Z2; \
	VFMADD231PS 3008(BX), Z10, Z4; \
	VFMADD231PS 4032(BX), Z10, Z6; \
	VPANDD Z31, Z9, Z11; \
	VCVTUDQ2PS Z11, Z11; \
	VFMADD231PS 960(BX), Z11, Z1; \
	VFMADD231PS 1984(BX), Z11, Z3; \
	VFMADD231PS 3008(BX), Z11, Z5; \
	VFMADD231PS 4032(BX), Z11, Z7

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
	VMOVDQU32 ·avx512FieldMask+896(SB), Z30; \
	VMOVDQU32 ·avx512FieldMask+960(SB), Z31; \

// The four rows' scales and mins (Z12: scales at 2r+g, mins at 8+4g+r) and
// the lanes' group scales (Z13).
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
	ADDQ    QA_outStride(AX), R11

#define ROWFORQW2_1(m) m(0, Z0, Z1, Z0, Z0)
#define ROWFORQW2_2(m) ROWFORQW2_1(m); m(1, Z2, Z3, Z2, Z2)
#define ROWFORQW2_4(m) ROWFORQW2_2(m); m(2, Z4, Z5, Z4, Z4); m(3, Z6, Z7, Z6, Z6)

#define NAME ·avx512DotRowW2Q1
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2Q1
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2
#define QUAD_OUT QUAD_OUT_W2
#define FORQ ROWFORQW2_1
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ

#define NAME ·avx512DotRowW2Q2
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2Q2
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2
#define QUAD_OUT QUAD_OUT_W2
#define FORQ ROWFORQW2_2
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ

#define NAME ·avx512DotRowW2Q4
#define SETUP SETUP_W2MASKS
#define QUAD QUADW2Q4
#define FLUSH_OUT ROW_FLUSH_W2
#define QUADBYTES 128
#define QUAD_SCALES QUAD_SCALES_W2
#define QUAD_OUT QUAD_OUT_W2
#define FORQ ROWFORQW2_4
#include "avx512_dot_row_amd64.h"
#undef FLUSH_OUT
#undef NAME
#undef SETUP
#undef QUAD
#undef QUADBYTES
#undef QUAD_SCALES
#undef QUAD_OUT
#undef FORQ

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
