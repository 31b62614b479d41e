//go:build !purego

// DotQ8 for code formats whose group is a multiple of 32, with VPDPBUSD
// (AVX-512 VNNI): one function per code width, unit (64 or 32 values) and
// number of query rows per pass (1, 2 or 4). The body is in
// avx512_dotq8_amd64.h, the unpack macros in avx512_amd64.h.

#include "textflag.h"
#include "avx512_amd64.h"

// Offsets of the fields of avx512Q8Args (avx512_dotq8_amd64.go).
#define QA_data 0
#define QA_scales 8
#define QA_mins 16
#define QA_out 24
#define QA_recs 32
#define QA_sg 40
#define QA_scratch 48
#define QA_n 56
#define QA_rowBytes 64
#define QA_rowScaleBytes 72
#define QA_segs 80
#define QA_lastCount 88
#define QA_lastMask 96
#define QA_unitLimit 104
#define QA_groupBytes 112
#define QA_off2 120
#define QA_off1 128
#define QA_outStride 136
#define QA_accMask 144
#define QA_rowsLeft 152
#define QA_rowScales 160
#define QA_rowMins 168
#define QA_segScales 176
#define QA_segMins 184
#define QA_segsLeft 192
#define QA_r 200
#define QA_outCur 208

// Per-query steps (see the body's comment for the registers).
#define ZERO_ACC(a, gz, gy, iz, iy, j) VPXORD a, a, a
#define ZERO_G(a, gz, gy, iz, iy, j) VPXORD gz, gz, gz
#define SHIFT_TERM(a, gz, gy, iz, iy, j) VFMADD231PS (j*64)(R14), Z12, a
#define SCALE_G(a, gz, gy, iz, iy, j) VFMADD231PS Z26, gz, a
#define PARK(a, gz, gy, iz, iy, j) VMOVUPS a, (64+j*1024)(R13)(R11*1)
#define FLUSH(a, gz, gy, iz, iy, j) \
	REDUCE16(R13, 64+j*1024, Z12); \
	VMOVUPS.Z (R11), K3, Z15;      \
	VADDPS    Z15, Z12, Z12;       \
	VMOVUPS   Z12, K1, (R11);      \
	ADDQ      R12, R11

// One unit and query: the int32 lane sums of 4 products, converted, times
// the lanes' query block scales, into the group accumulator.
#define DP64(a, gz, gy, iz, iy, j) \
	VPXORD      iz, iz, iz;           \
	VPDPBUSD    (j*64)(BX), Z13, iz;  \
	VCVTDQ2PS   iz, iz;               \
	VFMADD231PS (NQ*64+j*64)(BX), iz, gz

#define DP32(a, gz, gy, iz, iy, j) \
	VPXORD      iy, iy, iy;           \
	VPDPBUSD    (j*32)(BX), Y13, iy;  \
	VCVTDQ2PS   iy, iy;               \
	VFMADD231PS (NQ*32+j*32)(BX), iy, gy

#define FORQ1(m) m(Z0, Z4, Y4, Z8, Y8, 0)
#define FORQ2(m) FORQ1(m); m(Z1, Z5, Y5, Z9, Y9, 1)
#define FORQ4(m) FORQ2(m); m(Z2, Z6, Y6, Z10, Y10, 2); m(Z3, Z7, Y7, Z11, Y11, 3)

#define NAME ·avx512DotQ8U64W2Q1
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W2(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 128
#define NQ 1
#define FORQ FORQ1
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W2Q2
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W2(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 256
#define NQ 2
#define FORQ FORQ2
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W2Q4
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W2(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 512
#define NQ 4
#define FORQ FORQ4
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W3Q1
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W3(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 128
#define NQ 1
#define FORQ FORQ1
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W3Q2
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W3(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 256
#define NQ 2
#define FORQ FORQ2
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W3Q4
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W3(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 512
#define NQ 4
#define FORQ FORQ4
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W4Q1
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W4(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 128
#define NQ 1
#define FORQ FORQ1
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W4Q2
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W4(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 256
#define NQ 2
#define FORQ FORQ2
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W4Q4
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W4(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 512
#define NQ 4
#define FORQ FORQ4
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W5Q1
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U64_W5(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 128
#define NQ 1
#define FORQ FORQ1
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W5Q2
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U64_W5(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 256
#define NQ 2
#define FORQ FORQ2
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W5Q4
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U64_W5(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 512
#define NQ 4
#define FORQ FORQ4
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W6Q1
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U64_W6(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 128
#define NQ 1
#define FORQ FORQ1
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W6Q2
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U64_W6(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 256
#define NQ 2
#define FORQ FORQ2
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W6Q4
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U64_W6(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 512
#define NQ 4
#define FORQ FORQ4
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W7Q1
#define CONSTS LOAD_U64_CONSTS(·avx512C40(SB))
#define UNPACK(dst) U64_W7(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 128
#define NQ 1
#define FORQ FORQ1
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W7Q2
#define CONSTS LOAD_U64_CONSTS(·avx512C40(SB))
#define UNPACK(dst) U64_W7(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 256
#define NQ 2
#define FORQ FORQ2
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W7Q4
#define CONSTS LOAD_U64_CONSTS(·avx512C40(SB))
#define UNPACK(dst) U64_W7(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 512
#define NQ 4
#define FORQ FORQ4
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W8Q1
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W8(0, (DI)(R10*8), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 128
#define NQ 1
#define FORQ FORQ1
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W8Q2
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W8(0, (DI)(R10*8), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 256
#define NQ 2
#define FORQ FORQ2
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U64W8Q4
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U64_W8(0, (DI)(R10*8), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Z13
#define USTEP 8
#define RECSIZE 512
#define NQ 4
#define FORQ FORQ4
#define DP DP64
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W2Q1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W2(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 64
#define NQ 1
#define FORQ FORQ1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W2Q2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W2(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 128
#define NQ 2
#define FORQ FORQ2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W2Q4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W2(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 256
#define NQ 4
#define FORQ FORQ4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W3Q1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W3(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 64
#define NQ 1
#define FORQ FORQ1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W3Q2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W3(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 128
#define NQ 2
#define FORQ FORQ2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W3Q4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W3(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 256
#define NQ 4
#define FORQ FORQ4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W4Q1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W4(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 64
#define NQ 1
#define FORQ FORQ1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W4Q2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W4(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 128
#define NQ 2
#define FORQ FORQ2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W4Q4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W4(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 256
#define NQ 4
#define FORQ FORQ4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W5Q1
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U32_W5(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 64
#define NQ 1
#define FORQ FORQ1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W5Q2
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U32_W5(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 128
#define NQ 2
#define FORQ FORQ2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W5Q4
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U32_W5(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 256
#define NQ 4
#define FORQ FORQ4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W6Q1
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U32_W6(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 64
#define NQ 1
#define FORQ FORQ1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W6Q2
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U32_W6(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 128
#define NQ 2
#define FORQ FORQ2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W6Q4
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(dst) U32_W6(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 256
#define NQ 4
#define FORQ FORQ4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W7Q1
#define CONSTS LOAD_U32_CONSTS(·avx512C40(SB))
#define UNPACK(dst) U32_W7(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 64
#define NQ 1
#define FORQ FORQ1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W7Q2
#define CONSTS LOAD_U32_CONSTS(·avx512C40(SB))
#define UNPACK(dst) U32_W7(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 128
#define NQ 2
#define FORQ FORQ2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W7Q4
#define CONSTS LOAD_U32_CONSTS(·avx512C40(SB))
#define UNPACK(dst) U32_W7(0, (DI)(R10*4), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 256
#define NQ 4
#define FORQ FORQ4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W8Q1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W8(0, (DI)(R10*8), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 64
#define NQ 1
#define FORQ FORQ1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W8Q2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W8(0, (DI)(R10*8), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 128
#define NQ 2
#define FORQ FORQ2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

#define NAME ·avx512DotQ8U32W8Q4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(dst) U32_W8(0, (DI)(R10*8), 0, (R8)(R10*2), 0, (R9)(R10*1), dst)
#define UREG Y13
#define USTEP 4
#define RECSIZE 256
#define NQ 4
#define FORQ FORQ4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef UREG
#undef USTEP
#undef RECSIZE
#undef NQ
#undef FORQ
#undef DP

// Row kernels: rows of 128 values in two groups of 64, one query row, four
// rows at a time (see avx512_dotq8_row_amd64.h).

// dst = per 128-bit lane [a0+a1, a2+a3, b0+b1, b2+b3] (int32).
#define COMBINE(a, b, dst) \
	VSHUFPS $0x88, b, a, Z14; \
	VSHUFPS $0xdd, b, a, Z15; \
	VPADDD  Z14, Z15, dst

// The 1-bit planes of the row's two groups (at o0 and o1) as the masks of
// the lo (K2) and hi (K3) vectors: bits 0-15 and 32-47 of a group's two
// blocks go to lo, bits 16-31 and 48-63 to hi.
#define P1MASKS(o0, o1) \
	MOVQ  o0(SI), R11;            \
	MOVQ  o1(SI), R12;            \
	PEXTQ ·avx512PextLo(SB), R11, R9;   \
	PEXTQ ·avx512PextLo(SB), R12, AX;   \
	SHLQ  $32, AX;                \
	ORQ   AX, R9;                 \
	KMOVQ R9, K2;                 \
	PEXTQ ·avx512PextHi(SB), R11, R11;  \
	PEXTQ ·avx512PextHi(SB), R12, R12;  \
	SHLQ  $32, R12;               \
	ORQ   R12, R11;               \
	KMOVQ R11, K3

// The two vectors' int32 lane sums into dst.
#define DP2(lo, hi, dst) \
	VPXORD   dst, dst, dst; \
	VPDPBUSD Z0, lo, dst;   \
	VPDPBUSD Z1, hi, dst

// Width 2: the row's four 8-byte blocks to qwords [b0 b0 b1 b1 b2 b2 b3 b3],
// shifted by 0, 2 (lo) and 4, 6 (hi). 8 instructions.
#define ROWINT_W2(off, dst) \
	VMOVDQU off(SI), Y13;     \
	VPERMQ  Z13, Z22, Z13;    \
	VPSRLVQ Z20, Z13, Z14;    \
	VPANDD  Z17, Z14, Z14;    \
	VPSRLVQ Z21, Z13, Z13;    \
	VPANDD  Z17, Z13, Z13;    \
	DP2(Z14, Z13, dst)

// Width 3: the 2-bit planes as width 2, plus the 1-bit planes. 11 vector
// and 12 scalar instructions.
#define ROWINT_W3(off, dst) \
	VMOVDQU      off(SI), X13;              \
	VINSERTI32X4 $1, (off+24)(SI), Y13, Y13; \
	VPERMQ       Z13, Z22, Z13;             \
	VPSRLVQ      Z20, Z13, Z14;             \
	VPANDD       Z17, Z14, Z14;             \
	VPSRLVQ      Z21, Z13, Z13;             \
	VPANDD       Z17, Z13, Z13;             \
	P1MASKS(off+16, off+40);                \
	VPADDB       Z23, Z14, K2, Z14;         \
	VPADDB       Z23, Z13, K3, Z13;         \
	DP2(Z14, Z13, dst)

// Width 4: low nibbles (lo) and high nibbles (hi). 7 instructions.
#define ROWINT_W4(off, dst) \
	VMOVDQU8 off(SI), Z13;   \
	VPANDD   Z16, Z13, Z14;  \
	VPSRLW   $4, Z13, Z13;   \
	VPANDD   Z16, Z13, Z13;  \
	DP2(Z14, Z13, dst)

// Width 5: the 4-bit planes of both groups in one vector, plus the 1-bit
// planes. 11 vector and 12 scalar instructions.
#define ROWINT_W5(off, dst) \
	VMOVDQU      off(SI), Y13;                   \
	VINSERTI64X4 $1, (off+40)(SI), Z13, Z13;     \
	VPANDD       Z16, Z13, Z14;                  \
	VPSRLW       $4, Z13, Z13;                   \
	VPANDD       Z16, Z13, Z13;                  \
	P1MASKS(off+32, off+72);                     \
	VPADDB       Z23, Z14, K2, Z14;              \
	VPADDB       Z23, Z13, K3, Z13;              \
	DP2(Z14, Z13, dst)

// Width 6: nibbles | pairs<<4; the pairs' fields rotated to bits 4-5. 15
// instructions.
#define ROWINT_W6(off, dst) \
	VMOVDQU      off(SI), Y13;                \
	VINSERTI64X4 $1, (off+48)(SI), Z13, Z13;  \
	VMOVDQU      (off+32)(SI), X14;           \
	VINSERTI32X4 $1, (off+80)(SI), Y14, Y14;  \
	VPERMQ       Z14, Z22, Z14;               \
	VPROLVQ      Z20, Z14, Z15;               \
	VPANDD       Z18, Z15, Z15;               \
	VPROLVQ      Z21, Z14, Z14;               \
	VPANDD       Z18, Z14, Z14;               \
	VPTERNLOGD   $0xf8, Z16, Z13, Z15;        \
	VPSRLW       $4, Z13, Z13;                \
	VPTERNLOGD   $0xf8, Z16, Z13, Z14;        \
	DP2(Z15, Z14, dst)

// Width 7: width 6 plus the 1-bit planes. 17 vector and 12 scalar
// instructions.
#define ROWINT_W7(off, dst) \
	VMOVDQU      off(SI), Y13;                \
	VINSERTI64X4 $1, (off+56)(SI), Z13, Z13;  \
	VMOVDQU      (off+32)(SI), X14;           \
	VINSERTI32X4 $1, (off+88)(SI), Y14, Y14;  \
	VPERMQ       Z14, Z22, Z14;               \
	VPROLVQ      Z20, Z14, Z15;               \
	VPANDD       Z18, Z15, Z15;               \
	VPROLVQ      Z21, Z14, Z14;               \
	VPANDD       Z18, Z14, Z14;               \
	VPTERNLOGD   $0xf8, Z16, Z13, Z15;        \
	VPSRLW       $4, Z13, Z13;                \
	VPTERNLOGD   $0xf8, Z16, Z13, Z14;        \
	P1MASKS(off+48, off+104);                 \
	VPADDB       Z23, Z15, K2, Z15;           \
	VPADDB       Z23, Z14, K3, Z14;           \
	DP2(Z15, Z14, dst)

// Width 8: the row's 128-bit lanes regrouped into the first (lo) and second
// (hi) halves of each block. 7 instructions.
#define ROWINT_W8(off, dst) \
	VMOVDQU8   off(SI), Z13;        \
	VMOVDQU8   (off+64)(SI), Z14;   \
	VSHUFI64X2 $0x88, Z14, Z13, Z15; \
	VSHUFI64X2 $0xdd, Z14, Z13, Z13; \
	DP2(Z15, Z13, dst)

#define QUAD_CONSTS_P2 \
	VPBROADCASTB ·avx512C03(SB), Z17;      \
	VMOVDQU64    ·avx512Srlvq02(SB), Z20;  \
	VMOVDQU64    ·avx512Srlvq46(SB), Z21;  \
	VMOVDQU64    ·avx512PermqPairs(SB), Z22

#define QUAD_CONSTS_P4P2 \
	VPBROADCASTB ·avx512C0f(SB), Z16;      \
	VPBROADCASTB ·avx512C30(SB), Z18;      \
	VMOVDQU64    ·avx512Prolv42(SB), Z20;  \
	VMOVDQU64    ·avx512Prolv062(SB), Z21; \
	VMOVDQU64    ·avx512PermqPairs(SB), Z22

#define QUAD_CONSTS_W2 QUAD_CONSTS_P2
#define QUAD_CONSTS_W3 QUAD_CONSTS_P2; VPBROADCASTB ·avx512C04(SB), Z23
#define QUAD_CONSTS_W4 VPBROADCASTB ·avx512C0f(SB), Z16
#define QUAD_CONSTS_W5 VPBROADCASTB ·avx512C0f(SB), Z16; VPBROADCASTB ·avx512C10(SB), Z23
#define QUAD_CONSTS_W6 QUAD_CONSTS_P4P2
#define QUAD_CONSTS_W7 QUAD_CONSTS_P4P2; VPBROADCASTB ·avx512C40(SB), Z23
#define QUAD_CONSTS_W8

#define NAME ·avx512DotQ8RowW2
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROWINT ROWINT_W2
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8RowW3
#define CONSTS QUAD_CONSTS_W3
#define ROWBYTES 48
#define ROWINT ROWINT_W3
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8RowW4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROWINT ROWINT_W4
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8RowW5
#define CONSTS QUAD_CONSTS_W5
#define ROWBYTES 80
#define ROWINT ROWINT_W5
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8RowW6
#define CONSTS QUAD_CONSTS_W6
#define ROWBYTES 96
#define ROWINT ROWINT_W6
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8RowW7
#define CONSTS QUAD_CONSTS_W7
#define ROWBYTES 112
#define ROWINT ROWINT_W7
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8RowW8
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROWINT ROWINT_W8
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
