//go:build !purego

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
#define QA_outStride 136

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
#define DA_rowsLeft 168
#define DA_r 176
#define DA_outCur 184
#define DA_rowScales 192
#define DA_rowMins 200

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

// Dequantize one block: Z8 = values 0-15, Z9 = values 16-31, from the
// group's lookup tables (widths 2-5: VPERMPS over 16 entries, VPERMI2PS
// over 32) or by conversion (widths 6-8).

// Width 2: the 8 plane bytes twice as dwords, shifted by 0, 2 (Z8) and 4, 6
// (Z9); the table repeats every 4 entries. 6 instructions.
#define DEQ_W2 \
	VPBROADCASTQ (R8)(R10*2), X8; \
	VPMOVZXBD    X8, Z8;          \
	VPSRLVD      Z20, Z8, Z9;     \
	VPSRLVD      Z19, Z8, Z8;     \
	VPERMPS      Z12, Z8, Z8;     \
	VPERMPS      Z12, Z9, Z9

// Width 3: width 2, the other fields cleared, plus the 1-bit plane as bit
// 4 of the index. 13.
#define DEQ_W3 \
	VPBROADCASTQ (R8)(R10*2), X8; \
	VPMOVZXBD    X8, Z8;          \
	VPSRLVD      Z20, Z8, Z9;     \
	VPSRLVD      Z19, Z8, Z8;     \
	VPANDD       Z18, Z8, Z8;     \
	VPANDD       Z18, Z9, Z9;     \
	KMOVD        (R9)(R10*1), K2; \
	KSHIFTRD     $16, K2, K3;     \
	VPORD        Z22, Z8, K2, Z8; \
	VPORD        Z22, Z9, K3, Z9; \
	VPERMI2PS    Z13, Z12, Z8;    \
	VPERMI2PS    Z13, Z12, Z9

// Width 4: the 16 plane bytes as dwords; VPERMPS reads the low nibble, and
// the high nibble after a shift. 4 instructions.
#define DEQ_W4 \
	VPMOVZXBD (DI)(R10*4), Z8; \
	VPSRLD    $4, Z8, Z9;      \
	VPERMPS   Z12, Z8, Z8;     \
	VPERMPS   Z12, Z9, Z9

// Width 5: width 4 plus the 1-bit plane as bit 4. 10.
#define DEQ_W5 \
	VPMOVZXBD (DI)(R10*4), Z8;    \
	VPSRLD    $4, Z8, Z9;         \
	VPANDD    Z18, Z8, Z8;        \
	KMOVD     (R9)(R10*1), K2;    \
	KSHIFTRD  $16, K2, K3;        \
	VPORD     Z22, Z8, K2, Z8;    \
	VPORD     Z22, Z9, K3, Z9;    \
	VPERMI2PS Z13, Z12, Z8;       \
	VPERMI2PS Z13, Z12, Z9

// Widths 6, 7: the codes nibble | pair<<4 (| bit<<6) as dwords. 9 (13).
#define CODES_W6 \
	VPMOVZXBD    (DI)(R10*4), Z8;     \
	VPBROADCASTQ (R8)(R10*2), X14;    \
	VPMOVZXBD    X14, Z14;            \
	VPSLLVD      Z19, Z14, Z15;       \
	VPANDD       Z21, Z15, Z15;       \
	VPSRLVD      Z20, Z14, Z14;       \
	VPSRLD       $4, Z8, Z9;          \
	VPTERNLOGD   $0xf8, Z21, Z14, Z9; \
	VPTERNLOGD   $0xec, Z18, Z15, Z8

#define CODES_P1 \
	KMOVD    (R9)(R10*1), K2; \
	KSHIFTRD $16, K2, K3;     \
	VPORD    Z22, Z8, K2, Z8; \
	VPORD    Z22, Z9, K3, Z9

// Converted codes times S plus M.
#define CVT_DEQ \
	VCVTDQ2PS   Z8, Z8;        \
	VCVTDQ2PS   Z9, Z9;        \
	VFMADD213PS Z11, Z10, Z8;  \
	VFMADD213PS Z11, Z10, Z9

#define DEQ_W6 CODES_W6; CVT_DEQ
#define DEQ_W7 CODES_W6; CODES_P1; CVT_DEQ
#define DEQ_W8 \
	VPMOVZXBD (DI)(R10*8), Z8;   \
	VPMOVZXBD 16(DI)(R10*8), Z9; \
	CVT_DEQ

// The lookup tables of a group: S*iota + M.
#define TABLE16 \
	VMOVAPS     Z16, Z12; \
	VFMADD213PS Z11, Z10, Z12
#define TABLE32 \
	TABLE16;              \
	VMOVAPS     Z17, Z13; \
	VFMADD213PS Z11, Z10, Z13

#define CONSTS_W2 \
	VMOVUPS   ·avx512Iota4(SB), Z16;   \
	VMOVDQU32 ·avx512Srlvd02(SB), Z19; \
	VMOVDQU32 ·avx512Srlvd46(SB), Z20
#define CONSTS_W3 \
	CONSTS_W2;                         \
	VMOVUPS      ·avx512Iota4p4(SB), Z17; \
	VPBROADCASTD ·avx512D03(SB), Z18;    \
	VPBROADCASTD ·avx512D16(SB), Z22
#define CONSTS_W4 VMOVUPS ·avx512Iota16(SB), Z16
#define CONSTS_W5 \
	CONSTS_W4;                             \
	VMOVUPS      ·avx512Iota16p16(SB), Z17; \
	VPBROADCASTD ·avx512D0f(SB), Z18;       \
	VPBROADCASTD ·avx512D16(SB), Z22
#define CONSTS_W6 \
	VPBROADCASTD ·avx512D0f(SB), Z18;     \
	VMOVDQU32    ·avx512Sllvd42(SB), Z19; \
	VMOVDQU32    ·avx512Srlvd02(SB), Z20; \
	VPBROADCASTD ·avx512D30(SB), Z21
#define CONSTS_W7 CONSTS_W6; VPBROADCASTD ·avx512D64(SB), Z22
#define CONSTS_W8

#define TABLES_W2 TABLE16
#define TABLES_W3 TABLE32
#define TABLES_W4 TABLE16
#define TABLES_W5 TABLE32
#define TABLES_W6
#define TABLES_W7
#define TABLES_W8

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

// Per query row: combine the four rows, scale (SREG), add the shift term
// (the rows' scales and mins in MREG times the query row's sums), park.
// Scratch: T1-T4.
#define QUAD_OUT(j, a0, a1, a2, a3) \
	COMBINE_F(a0, a1, T3, T1, T2);        \
	COMBINE_F(a2, a3, T4, T1, T2);        \
	COMBINE_F(T3, T4, T3, T1, T2);        \
	VMULPS      (j*64)(R9), MREG, T4;     \
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

#define QUADQ4 \
	VMOVDQU32 0(SI), Z24; \
	VMOVDQU32 64(SI), Z25; \
	VMOVDQU32 128(SI), Z26; \
	VMOVDQU32 192(SI), Z27; \
	VPANDD Z16, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 0(BX), Z28, Z0; \
	VMULPS 512(BX), Z28, Z4; \
	VMULPS 1024(BX), Z28, Z8; \
	VMULPS 1536(BX), Z28, Z12; \
	VPANDD Z16, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS 0(BX), Z29, Z1; \
	VMULPS 512(BX), Z29, Z5; \
	VMULPS 1024(BX), Z29, Z9; \
	VMULPS 1536(BX), Z29, Z13; \
	VPANDD Z16, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VMULPS 0(BX), Z28, Z2; \
	VMULPS 512(BX), Z28, Z6; \
	VMULPS 1024(BX), Z28, Z10; \
	VMULPS 1536(BX), Z28, Z14; \
	VPANDD Z16, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VMULPS 0(BX), Z29, Z3; \
	VMULPS 512(BX), Z29, Z7; \
	VMULPS 1024(BX), Z29, Z11; \
	VMULPS 1536(BX), Z29, Z15; \
	VPANDD Z17, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 64(BX), Z28, Z0; \
	VFMADD231PS 576(BX), Z28, Z4; \
	VFMADD231PS 1088(BX), Z28, Z8; \
	VFMADD231PS 1600(BX), Z28, Z12; \
	VPANDD Z17, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 64(BX), Z29, Z1; \
	VFMADD231PS 576(BX), Z29, Z5; \
	VFMADD231PS 1088(BX), Z29, Z9; \
	VFMADD231PS 1600(BX), Z29, Z13; \
	VPANDD Z17, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 64(BX), Z28, Z2; \
	VFMADD231PS 576(BX), Z28, Z6; \
	VFMADD231PS 1088(BX), Z28, Z10; \
	VFMADD231PS 1600(BX), Z28, Z14; \
	VPANDD Z17, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 64(BX), Z29, Z3; \
	VFMADD231PS 576(BX), Z29, Z7; \
	VFMADD231PS 1088(BX), Z29, Z11; \
	VFMADD231PS 1600(BX), Z29, Z15; \
	VPANDD Z18, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 128(BX), Z28, Z0; \
	VFMADD231PS 640(BX), Z28, Z4; \
	VFMADD231PS 1152(BX), Z28, Z8; \
	VFMADD231PS 1664(BX), Z28, Z12; \
	VPANDD Z18, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 128(BX), Z29, Z1; \
	VFMADD231PS 640(BX), Z29, Z5; \
	VFMADD231PS 1152(BX), Z29, Z9; \
	VFMADD231PS 1664(BX), Z29, Z13; \
	VPANDD Z18, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 128(BX), Z28, Z2; \
	VFMADD231PS 640(BX), Z28, Z6; \
	VFMADD231PS 1152(BX), Z28, Z10; \
	VFMADD231PS 1664(BX), Z28, Z14; \
	VPANDD Z18, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 128(BX), Z29, Z3; \
	VFMADD231PS 640(BX), Z29, Z7; \
	VFMADD231PS 1152(BX), Z29, Z11; \
	VFMADD231PS 1664(BX), Z29, Z15; \
	VPANDD Z19, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 192(BX), Z28, Z0; \
	VFMADD231PS 704(BX), Z28, Z4; \
	VFMADD231PS 1216(BX), Z28, Z8; \
	VFMADD231PS 1728(BX), Z28, Z12; \
	VPANDD Z19, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 192(BX), Z29, Z1; \
	VFMADD231PS 704(BX), Z29, Z5; \
	VFMADD231PS 1216(BX), Z29, Z9; \
	VFMADD231PS 1728(BX), Z29, Z13; \
	VPANDD Z19, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 192(BX), Z28, Z2; \
	VFMADD231PS 704(BX), Z28, Z6; \
	VFMADD231PS 1216(BX), Z28, Z10; \
	VFMADD231PS 1728(BX), Z28, Z14; \
	VPANDD Z19, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 192(BX), Z29, Z3; \
	VFMADD231PS 704(BX), Z29, Z7; \
	VFMADD231PS 1216(BX), Z29, Z11; \
	VFMADD231PS 1728(BX), Z29, Z15; \
	VPANDD Z20, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 256(BX), Z28, Z0; \
	VFMADD231PS 768(BX), Z28, Z4; \
	VFMADD231PS 1280(BX), Z28, Z8; \
	VFMADD231PS 1792(BX), Z28, Z12; \
	VPANDD Z20, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 256(BX), Z29, Z1; \
	VFMADD231PS 768(BX), Z29, Z5; \
	VFMADD231PS 1280(BX), Z29, Z9; \
	VFMADD231PS 1792(BX), Z29, Z13; \
	VPANDD Z20, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 256(BX), Z28, Z2; \
	VFMADD231PS 768(BX), Z28, Z6; \
	VFMADD231PS 1280(BX), Z28, Z10; \
	VFMADD231PS 1792(BX), Z28, Z14; \
	VPANDD Z20, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 256(BX), Z29, Z3; \
	VFMADD231PS 768(BX), Z29, Z7; \
	VFMADD231PS 1280(BX), Z29, Z11; \
	VFMADD231PS 1792(BX), Z29, Z15; \
	VPANDD Z21, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 320(BX), Z28, Z0; \
	VFMADD231PS 832(BX), Z28, Z4; \
	VFMADD231PS 1344(BX), Z28, Z8; \
	VFMADD231PS 1856(BX), Z28, Z12; \
	VPANDD Z21, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 320(BX), Z29, Z1; \
	VFMADD231PS 832(BX), Z29, Z5; \
	VFMADD231PS 1344(BX), Z29, Z9; \
	VFMADD231PS 1856(BX), Z29, Z13; \
	VPANDD Z21, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 320(BX), Z28, Z2; \
	VFMADD231PS 832(BX), Z28, Z6; \
	VFMADD231PS 1344(BX), Z28, Z10; \
	VFMADD231PS 1856(BX), Z28, Z14; \
	VPANDD Z21, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 320(BX), Z29, Z3; \
	VFMADD231PS 832(BX), Z29, Z7; \
	VFMADD231PS 1344(BX), Z29, Z11; \
	VFMADD231PS 1856(BX), Z29, Z15; \
	VPANDD Z22, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 384(BX), Z28, Z0; \
	VFMADD231PS 896(BX), Z28, Z4; \
	VFMADD231PS 1408(BX), Z28, Z8; \
	VFMADD231PS 1920(BX), Z28, Z12; \
	VPANDD Z22, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 384(BX), Z29, Z1; \
	VFMADD231PS 896(BX), Z29, Z5; \
	VFMADD231PS 1408(BX), Z29, Z9; \
	VFMADD231PS 1920(BX), Z29, Z13; \
	VPANDD Z22, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 384(BX), Z28, Z2; \
	VFMADD231PS 896(BX), Z28, Z6; \
	VFMADD231PS 1408(BX), Z28, Z10; \
	VFMADD231PS 1920(BX), Z28, Z14; \
	VPANDD Z22, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 384(BX), Z29, Z3; \
	VFMADD231PS 896(BX), Z29, Z7; \
	VFMADD231PS 1408(BX), Z29, Z11; \
	VFMADD231PS 1920(BX), Z29, Z15; \
	VPANDD Z23, Z24, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 448(BX), Z28, Z0; \
	VFMADD231PS 960(BX), Z28, Z4; \
	VFMADD231PS 1472(BX), Z28, Z8; \
	VFMADD231PS 1984(BX), Z28, Z12; \
	VPANDD Z23, Z25, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 448(BX), Z29, Z1; \
	VFMADD231PS 960(BX), Z29, Z5; \
	VFMADD231PS 1472(BX), Z29, Z9; \
	VFMADD231PS 1984(BX), Z29, Z13; \
	VPANDD Z23, Z26, Z28; \
	VCVTUDQ2PS Z28, Z28; \
	VFMADD231PS 448(BX), Z28, Z2; \
	VFMADD231PS 960(BX), Z28, Z6; \
	VFMADD231PS 1472(BX), Z28, Z10; \
	VFMADD231PS 1984(BX), Z28, Z14; \
	VPANDD Z23, Z27, Z29; \
	VCVTUDQ2PS Z29, Z29; \
	VFMADD231PS 448(BX), Z29, Z3; \
	VFMADD231PS 960(BX), Z29, Z7; \
	VFMADD231PS 1472(BX), Z29, Z11; \
	VFMADD231PS 1984(BX), Z29, Z15

#define SETUP_MASKS \
	VMOVDQU32 ·avx512NibMask+0(SB), Z16; \
	VMOVDQU32 ·avx512NibMask+64(SB), Z17; \
	VMOVDQU32 ·avx512NibMask+128(SB), Z18; \
	VMOVDQU32 ·avx512NibMask+192(SB), Z19; \
	VMOVDQU32 ·avx512NibMask+256(SB), Z20; \
	VMOVDQU32 ·avx512NibMask+320(SB), Z21; \
	VMOVDQU32 ·avx512NibMask+384(SB), Z22; \
	VMOVDQU32 ·avx512NibMask+448(SB), Z23; \

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
#define FORQ ROWFORQ1
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
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
#define FORQ ROWFORQ2
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
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
#define SETUP SETUP_MASKS
#define QUAD QUADQ4
#define FORQ ROWFORQ4
#include "avx512_dot_row_amd64.h"
#undef NAME
#undef SETUP
#undef QUAD
#undef MREG
#undef MREGX
#undef MREGY
#undef SREG
#undef T1
#undef T2
#undef T3
#undef T4
#undef FORQ
