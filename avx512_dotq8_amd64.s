//go:build gc && !purego

// DotQ8 for code formats whose group is a multiple of 32, with VPDPBUSD
// (AVX-512 VNNI): general kernels, four rows at a time, one function per
// unit (64 or 32 values), code width and number of query rows per pass
// (1, 2 or 4), whose body is avx512_dotq8_amd64.h; and row kernels for
// rows of 128 values in groups of 64 and one query row, whose body is
// avx512_dotq8_row_amd64.h. The unpack macros are in avx512_amd64.h.

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

// The fp16 scales (or mins) of 16 groups of the four rows of a quad, at
// base and at base + avx512DotQ8Args_scaleOff (lanes of K1), converted and transposed:
// lane 4(g%4)+r of Z(24 + g/4) holds row r's value of group g. 19
// instructions.
#define TRANSPOSE4(base) \
	VMOVDQU16.Z   (base), K1, Y24;                      \
	MOVQ          avx512DotQ8Args_scaleOff+0(AX), R12;  \
	VMOVDQU16.Z   (base)(R12*1), K1, Y25;               \
	MOVQ          avx512DotQ8Args_scaleOff+8(AX), R12;  \
	VMOVDQU16.Z   (base)(R12*1), K1, Y26;               \
	MOVQ          avx512DotQ8Args_scaleOff+16(AX), R12; \
	VMOVDQU16.Z   (base)(R12*1), K1, Y27;               \
	VINSERTI64X4  $1, Y25, Z24, Z24;                    \
	VINSERTI64X4  $1, Y27, Z26, Z26;                    \
	VMOVDQU64     ·avx512QuadTIdx+0(SB), Z25;           \
	VPERMI2W      Z26, Z24, Z25;                        \
	VMOVDQU64     ·avx512QuadTIdx+64(SB), Z27;          \
	VPERMI2W      Z26, Z24, Z27;                        \
	VCVTPH2PS     Y25, Z24;                             \
	VEXTRACTI64X4 $1, Z25, Y25;                         \
	VCVTPH2PS     Y25, Z25;                             \
	VCVTPH2PS     Y27, Z26;                             \
	VEXTRACTI64X4 $1, Z27, Y27;                         \
	VCVTPH2PS     Y27, Z27

// Per-query steps (see the body's comment for the registers).
#define Q8ZERO_ACC(j, a, ay, ax, g, gx) \
	VPXORD a, a, a; \
	VPXORD g, g, g
#define SHIFT_TERM(j, a, ay, ax, g, gx) \
	VFMADD231PS (j*256)(R11), Z24, a;     \
	VFMADD231PS (j*256+64)(R11), Z25, a;  \
	VFMADD231PS (j*256+128)(R11), Z26, a; \
	VFMADD231PS (j*256+192)(R11), Z27, a
#define SCALE_G(j, a, ay, ax, g, gx) \
	VFMADD231PS Z29, g, a; \
	VPXORD      g, g, g
#define STORE_QUAD(j, a, ay, ax, g, gx) \
	VEXTRACTF64X4 $1, a, Y14;    \
	VADDPS        Y14, ay, Y14;  \
	VEXTRACTF128  $1, Y14, X15;  \
	VADDPS        X15, X14, X14; \
	VMOVUPS.Z     (R11), K6, X15; \
	VADDPS        X15, X14, X14; \
	VMOVUPS       X14, K5, (R11); \
	ADDQ          R12, R11

// One unit of 64 values (two blocks) and query: the four rows' int32 lane
// sums, summed per 128-bit lane and row (lane 4L+r), the two lanes of each
// block joined (VSHUFI64X2 CROSS: 0xb1 for natural order, whose blocks are
// lanes 0-1 and 2-3; 0x4e for p4 order, lanes 0, 2 and 1, 3), converted
// and times the records' block scales (0 in the repeated lanes) into the
// group accumulator. 20 instructions, 4 of them zero idioms.
#define DP64(j, a, ay, ax, g, gx) \
	VPXORD      Z24, Z24, Z24;                 \
	VPXORD      Z25, Z25, Z25;                 \
	VPXORD      Z26, Z26, Z26;                 \
	VPXORD      Z27, Z27, Z27;                 \
	VPDPBUSD    (j*64)(BX), Z8, Z24;           \
	VPDPBUSD    (j*64)(BX), Z9, Z25;           \
	VPDPBUSD    (j*64)(BX), Z10, Z26;          \
	VPDPBUSD    (j*64)(BX), Z11, Z27;          \
	VSHUFPS     $0x88, Z25, Z24, Z14;          \
	VSHUFPS     $0xdd, Z25, Z24, Z15;          \
	VPADDD      Z14, Z15, Z24;                 \
	VSHUFPS     $0x88, Z27, Z26, Z14;          \
	VSHUFPS     $0xdd, Z27, Z26, Z15;          \
	VPADDD      Z14, Z15, Z26;                 \
	VSHUFPS     $0x88, Z26, Z24, Z14;          \
	VSHUFPS     $0xdd, Z26, Z24, Z15;          \
	VPADDD      Z14, Z15, Z24;                 \
	VSHUFI64X2  $CROSS, Z24, Z24, Z28;         \
	VPADDD      Z28, Z24, Z24;                 \
	VCVTDQ2PS   Z24, Z24;                      \
	VFMADD231PS (NX*64+j*64)(BX), Z24, g

// One unit of 32 values (one block) and query, in Y registers: the two
// 128-bit lanes joined in an X register, times the block's scale. 20
// instructions, 4 of them zero idioms.
#define DP32(j, a, ay, ax, g, gx) \
	VPXORD          Y24, Y24, Y24;             \
	VPXORD          Y25, Y25, Y25;             \
	VPXORD          Y26, Y26, Y26;             \
	VPXORD          Y27, Y27, Y27;             \
	VPDPBUSD        (j*32)(BX), Y8, Y24;       \
	VPDPBUSD        (j*32)(BX), Y9, Y25;       \
	VPDPBUSD        (j*32)(BX), Y10, Y26;      \
	VPDPBUSD        (j*32)(BX), Y11, Y27;      \
	VSHUFPS         $0x88, Y25, Y24, Y14;      \
	VSHUFPS         $0xdd, Y25, Y24, Y15;      \
	VPADDD          Y14, Y15, Y24;             \
	VSHUFPS         $0x88, Y27, Y26, Y14;      \
	VSHUFPS         $0xdd, Y27, Y26, Y15;      \
	VPADDD          Y14, Y15, Y26;             \
	VSHUFPS         $0x88, Y26, Y24, Y14;      \
	VSHUFPS         $0xdd, Y26, Y24, Y15;      \
	VPADDD          Y14, Y15, Y24;             \
	VEXTRACTI32X4   $1, Y24, X28;              \
	VPADDD          X28, X24, X24;             \
	VCVTDQ2PS       X24, X24;                  \
	VFMADD231PS.BCST (NX*32+j*32)(BX), X24, gx

#define Q8FORX1(m) m(0, Z0, Y0, X0, Z4, X4)
#define Q8FORX2(m) Q8FORX1(m); m(1, Z1, Y1, X1, Z5, X5)
#define Q8FORX4(m) Q8FORX2(m); m(2, Z2, Y2, X2, Z6, X6); m(3, Z3, Y3, X3, Z7, X7)

// Per width and unit: the unpack constants and macro, the plane pointers'
// step per unit, and (units of 64) the byte order's CROSS.

#define NAME ·avx512DotQ8U64W2X1
#define CONSTS LOAD_N2_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_N2W2(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $16, R8
#define RECSIZE 128
#define NX 1
#define FORX Q8FORX1
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W2X2
#define CONSTS LOAD_N2_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_N2W2(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $16, R8
#define RECSIZE 256
#define NX 2
#define FORX Q8FORX2
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W2X4
#define CONSTS LOAD_N2_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_N2W2(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $16, R8
#define RECSIZE 512
#define NX 4
#define FORX Q8FORX4
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W3X1
#define CONSTS LOAD_N2_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_N2W3(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $16, R8; ADDQ $8, R9
#define RECSIZE 128
#define NX 1
#define FORX Q8FORX1
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W3X2
#define CONSTS LOAD_N2_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_N2W3(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $16, R8; ADDQ $8, R9
#define RECSIZE 256
#define NX 2
#define FORX Q8FORX2
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W3X4
#define CONSTS LOAD_N2_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_N2W3(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $16, R8; ADDQ $8, R9
#define RECSIZE 512
#define NX 4
#define FORX Q8FORX4
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W4X1
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W4(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI
#define RECSIZE 128
#define NX 1
#define FORX Q8FORX1
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W4X2
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W4(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI
#define RECSIZE 256
#define NX 2
#define FORX Q8FORX2
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W4X4
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W4(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI
#define RECSIZE 512
#define NX 4
#define FORX Q8FORX4
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W5X1
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(b4, b2, b1, dst) U64_W5(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $8, R9
#define RECSIZE 128
#define NX 1
#define FORX Q8FORX1
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W5X2
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(b4, b2, b1, dst) U64_W5(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $8, R9
#define RECSIZE 256
#define NX 2
#define FORX Q8FORX2
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W5X4
#define CONSTS LOAD_U64_CONSTS(·avx512C10(SB))
#define UNPACK(b4, b2, b1, dst) U64_W5(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $8, R9
#define RECSIZE 512
#define NX 4
#define FORX Q8FORX4
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W6X1
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W6(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $16, R8
#define RECSIZE 128
#define NX 1
#define FORX Q8FORX1
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W6X2
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W6(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $16, R8
#define RECSIZE 256
#define NX 2
#define FORX Q8FORX2
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W6X4
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W6(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $16, R8
#define RECSIZE 512
#define NX 4
#define FORX Q8FORX4
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W7X1
#define CONSTS LOAD_U64_CONSTS(·avx512C40(SB))
#define UNPACK(b4, b2, b1, dst) U64_W7(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $16, R8; ADDQ $8, R9
#define RECSIZE 128
#define NX 1
#define FORX Q8FORX1
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W7X2
#define CONSTS LOAD_U64_CONSTS(·avx512C40(SB))
#define UNPACK(b4, b2, b1, dst) U64_W7(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $16, R8; ADDQ $8, R9
#define RECSIZE 256
#define NX 2
#define FORX Q8FORX2
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W7X4
#define CONSTS LOAD_U64_CONSTS(·avx512C40(SB))
#define UNPACK(b4, b2, b1, dst) U64_W7(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $32, DI; ADDQ $16, R8; ADDQ $8, R9
#define RECSIZE 512
#define NX 4
#define FORX Q8FORX4
#define DP DP64
#define CROSS 0x4e
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W8X1
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W8(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $64, DI
#define RECSIZE 128
#define NX 1
#define FORX Q8FORX1
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W8X2
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W8(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $64, DI
#define RECSIZE 256
#define NX 2
#define FORX Q8FORX2
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U64W8X4
#define CONSTS LOAD_U64_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U64_W8(0, b4, 0, b2, 0, b1, dst)
#define U0 Z8
#define U1 Z9
#define U2 Z10
#define U3 Z11
#define ADVANCE ADDQ $64, DI
#define RECSIZE 512
#define NX 4
#define FORX Q8FORX4
#define DP DP64
#define CROSS 0xb1
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP
#undef CROSS

#define NAME ·avx512DotQ8U32W2X1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W2(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $8, R8
#define RECSIZE 64
#define NX 1
#define FORX Q8FORX1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W2X2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W2(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $8, R8
#define RECSIZE 128
#define NX 2
#define FORX Q8FORX2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W2X4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W2(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $8, R8
#define RECSIZE 256
#define NX 4
#define FORX Q8FORX4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W3X1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W3(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $8, R8; ADDQ $4, R9
#define RECSIZE 64
#define NX 1
#define FORX Q8FORX1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W3X2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W3(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $8, R8; ADDQ $4, R9
#define RECSIZE 128
#define NX 2
#define FORX Q8FORX2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W3X4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W3(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $8, R8; ADDQ $4, R9
#define RECSIZE 256
#define NX 4
#define FORX Q8FORX4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W4X1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W4(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI
#define RECSIZE 64
#define NX 1
#define FORX Q8FORX1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W4X2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W4(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI
#define RECSIZE 128
#define NX 2
#define FORX Q8FORX2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W4X4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W4(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI
#define RECSIZE 256
#define NX 4
#define FORX Q8FORX4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W5X1
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(b4, b2, b1, dst) U32_W5(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $4, R9
#define RECSIZE 64
#define NX 1
#define FORX Q8FORX1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W5X2
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(b4, b2, b1, dst) U32_W5(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $4, R9
#define RECSIZE 128
#define NX 2
#define FORX Q8FORX2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W5X4
#define CONSTS LOAD_U32_CONSTS(·avx512C10(SB))
#define UNPACK(b4, b2, b1, dst) U32_W5(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $4, R9
#define RECSIZE 256
#define NX 4
#define FORX Q8FORX4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W6X1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W6(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $8, R8
#define RECSIZE 64
#define NX 1
#define FORX Q8FORX1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W6X2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W6(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $8, R8
#define RECSIZE 128
#define NX 2
#define FORX Q8FORX2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W6X4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W6(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $8, R8
#define RECSIZE 256
#define NX 4
#define FORX Q8FORX4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W7X1
#define CONSTS LOAD_U32_CONSTS(·avx512C40(SB))
#define UNPACK(b4, b2, b1, dst) U32_W7(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $8, R8; ADDQ $4, R9
#define RECSIZE 64
#define NX 1
#define FORX Q8FORX1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W7X2
#define CONSTS LOAD_U32_CONSTS(·avx512C40(SB))
#define UNPACK(b4, b2, b1, dst) U32_W7(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $8, R8; ADDQ $4, R9
#define RECSIZE 128
#define NX 2
#define FORX Q8FORX2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W7X4
#define CONSTS LOAD_U32_CONSTS(·avx512C40(SB))
#define UNPACK(b4, b2, b1, dst) U32_W7(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $16, DI; ADDQ $8, R8; ADDQ $4, R9
#define RECSIZE 256
#define NX 4
#define FORX Q8FORX4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W8X1
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W8(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $32, DI
#define RECSIZE 64
#define NX 1
#define FORX Q8FORX1
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W8X2
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W8(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $32, DI
#define RECSIZE 128
#define NX 2
#define FORX Q8FORX2
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

#define NAME ·avx512DotQ8U32W8X4
#define CONSTS LOAD_U32_CONSTS(·avx512C04(SB))
#define UNPACK(b4, b2, b1, dst) U32_W8(0, b4, 0, b2, 0, b1, dst)
#define U0 Y8
#define U1 Y9
#define U2 Y10
#define U3 Y11
#define ADVANCE ADDQ $32, DI
#define RECSIZE 256
#define NX 4
#define FORX Q8FORX4
#define DP DP32
#include "avx512_dotq8_amd64.h"
#undef NAME
#undef CONSTS
#undef UNPACK
#undef U0
#undef U1
#undef U2
#undef U3
#undef ADVANCE
#undef RECSIZE
#undef NX
#undef FORX
#undef DP

// Row kernels: rows of 128 values in two groups of 64, one query row, four
// rows at a time (see avx512_dotq8_row_amd64.h).

// dst = per 128-bit lane [a0+a1, a2+a3, b0+b1, b2+b3] (int32); COMBINET
// with the scratch registers t1 and t2.
#define COMBINET(a, b, dst, t1, t2) \
	VSHUFPS $0x88, b, a, t1; \
	VSHUFPS $0xdd, b, a, t2; \
	VPADDD  t1, t2, dst

#define COMBINE(a, b, dst) COMBINET(a, b, dst, Z14, Z15)

// The 1-bit planes of the row's two groups (at o0 and o1) as the masks of
// the lo (K2) and hi (K3) vectors: bits 0-15 and 32-47 of a group's two
// blocks go to lo, bits 16-31 and 48-63 to hi.
#define P1MASKS(o0, o1) \
	MOVQ  o0(SI), R11;                 \
	MOVQ  o1(SI), R12;                 \
	PEXTQ ·avx512PextLo(SB), R11, R9;  \
	PEXTQ ·avx512PextLo(SB), R12, AX;  \
	SHLQ  $32, AX;                     \
	ORQ   AX, R9;                      \
	KMOVQ R9, K2;                      \
	PEXTQ ·avx512PextHi(SB), R11, R11; \
	PEXTQ ·avx512PextHi(SB), R12, R12; \
	SHLQ  $32, R12;                    \
	ORQ   R12, R11;                    \
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
	UNPACK_W2(dst)

// UNPACK_W2 is ROWINT_W2 from the row's codes in Y13 on.
#define UNPACK_W2(dst) \
	LOHI_W2(Z14, Z13);    \
	DP2(Z14, Z13, dst)

// LOHI_W2(lo, hi) unpacks the row's codes in the low half of hi into its
// lo and hi vectors. 5 instructions.
#define LOHI_W2(lo, hi) \
	VPERMQ  hi, Z22, hi; \
	VPSRLVQ Z20, hi, lo; \
	VPANDD  Z17, lo, lo; \
	VPSRLVQ Z21, hi, hi; \
	VPANDD  Z17, hi, hi

// Width 3: the 2-bit planes as width 2, plus the 1-bit planes. 11 vector
// and 12 scalar instructions.
#define ROWINT_W3(off, dst) \
	VMOVDQU      off(SI), X13;               \
	VINSERTI32X4 $1, (off+24)(SI), Y13, Y13; \
	VPERMQ       Z13, Z22, Z13;              \
	VPSRLVQ      Z20, Z13, Z14;              \
	VPANDD       Z17, Z14, Z14;              \
	VPSRLVQ      Z21, Z13, Z13;              \
	VPANDD       Z17, Z13, Z13;              \
	P1MASKS(off+16, off+40);                 \
	VPADDB       Z23, Z14, K2, Z14;          \
	VPADDB       Z23, Z13, K3, Z13;          \
	DP2(Z14, Z13, dst)

// Width 4: low nibbles (lo) and high nibbles (hi). 7 instructions.
#define ROWINT_W4(off, dst) \
	VMOVDQU8 off(SI), Z13;   \
	UNPACK_W4(dst)

// UNPACK_W4 is ROWINT_W4 from the row's codes in Z13 on.
#define UNPACK_W4(dst) \
	LOHI_W4(Z14, Z13);    \
	DP2(Z14, Z13, dst)

// LOHI_W4(lo, hi) unpacks the row's codes in hi into its lo and hi
// vectors. 3 instructions.
#define LOHI_W4(lo, hi) \
	VPANDD Z16, hi, lo; \
	VPSRLW $4, hi, hi;  \
	VPANDD Z16, hi, hi

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
	UNPACK_W8(dst)

// UNPACK_W8 is ROWINT_W8 from the row's codes in Z13 and Z14 on.
#define UNPACK_W8(dst) \
	LOHI_W8;               \
	DP2(Z15, Z13, dst)

// LOHI_W8 regroups the row's codes in Z13 and Z14 into the lo (Z15) and hi
// (Z13) vectors. 2 instructions.
#define LOHI_W8 \
	VSHUFI64X2 $0x88, Z14, Z13, Z15; \
	VSHUFI64X2 $0xdd, Z14, Z13, Z13

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

// The four rows' scales and mins for the row kernels (Q8_SCALES): of two
// groups each (8 scales, 8 mins); or of one group each, duplicated, as if
// the row's halves were two groups with its scale and min, with DX and R8
// stepped back by 8 since QUAD_ROWS_NEXT steps them by 16. Each is a
// Q8_SM_* step, which leaves S (the scales in K's layout) in Z24 and the
// mins M in Z25 (in lanes 8-15 for two groups a row, to be taken under
// the mask K6; in K's layout for groups of 32), followed by P = M * SG
// into Z25 (SG in Z4). The row kernels of four query rows (Q8_SM_* alone)
// form P per query row.

// Q8_SM_G64: the four rows' two scales and two mins each (X24, the high
// half of Y24), then Q8_SM_TERM.
#define Q8_SM_G64 \
	VMOVDQU32    (DX), X24;          \
	VINSERTI32X4 $1, (R8), Y24, Y24; \
	Q8_SM_TERM

// Q8_SM_TERM orders the mins (Y5), converts the scales and mins of Y24
// (Z25: scales in lanes 0-7, mins in 8-15) and permutes the scales into
// K's layout (S) in Z24.
#define Q8_SM_TERM \
	VPSHUFB   Y5, Y24, Y24; \
	VCVTPH2PS Y24, Z25;     \
	VPERMPS   Z25, Z3, Z24

// Q8_SHIFT_TERM is Q8_SM_TERM, then P = mins * SG in lanes 8-15 (mask K6)
// in Z25.
#define Q8_SHIFT_TERM Q8_SM_TERM; VMULPS.Z Z4, Z25, K6, Z25

#define Q8_SCALES_G64 Q8_SM_G64; VMULPS.Z Z4, Z25, K6, Z25

// Q8_SM_G32: rows of 128 values in four groups of 32, whose K lanes are
// one group each (lane 4L+r: row r, group L): the quad's 16 scales and 16
// mins converted and transposed (Z3 = ·avx512QuadG32Idx); DX and R8 step
// by 16 bytes more than QUAD_ROWS_NEXT does. Q8_SCALES_G32: P the mins
// times SG in every lane.
#define Q8_SM_G32 \
	VCVTPH2PS (DX), Z24;    \
	VPERMPS   Z24, Z3, Z24; \
	VCVTPH2PS (R8), Z25;    \
	VPERMPS   Z25, Z3, Z25; \
	ADDQ      $16, DX;      \
	ADDQ      $16, R8

#define Q8_SCALES_G32 Q8_SM_G32; VMULPS Z4, Z25, Z25

#define Q8_SM_G128 \
	VMOVQ        (DX), X24;         \
	VPUNPCKLWD   X24, X24, X24;     \
	VMOVQ        (R8), X13;         \
	VPUNPCKLWD   X13, X13, X13;     \
	VINSERTI32X4 $1, X13, Y24, Y24; \
	SUBQ         $8, DX;            \
	SUBQ         $8, R8;            \
	Q8_SM_TERM

#define Q8_SCALES_G128 Q8_SM_G128; VMULPS.Z Z4, Z25, K6, Z25

// PREFETCH_W<bits>: the codes of a quad of rows of 128 values 1 KiB ahead,
// one line per 64 bytes (the row kernels' PREFETCH_QUAD, of rows of 2-, 4-
// and 8-bit codes).
#define PREFETCH_W2 PREFETCHT0 1024(SI); PREFETCHT0 1088(SI)
#define PREFETCH_W4 PREFETCH_W2; PREFETCHT0 1152(SI); PREFETCHT0 1216(SI)
#define PREFETCH_W8 PREFETCH_W4; PREFETCHT0 1280(SI); PREFETCHT0 1344(SI); PREFETCHT0 1408(SI); PREFETCHT0 1472(SI)

#define Q8_SCALES Q8_SCALES_G64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx

#define NAME ·avx512DotQ8Row128W2G64X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROWINT ROWINT_W2
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W3G64X1
#define CONSTS QUAD_CONSTS_W3
#define ROWBYTES 48
#define ROWINT ROWINT_W3
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W4G64X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROWINT ROWINT_W4
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W5G64X1
#define CONSTS QUAD_CONSTS_W5
#define ROWBYTES 80
#define ROWINT ROWINT_W5
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W6G64X1
#define CONSTS QUAD_CONSTS_W6
#define ROWBYTES 96
#define ROWINT ROWINT_W6
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W7G64X1
#define CONSTS QUAD_CONSTS_W7
#define ROWBYTES 112
#define ROWINT ROWINT_W7
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W8G64X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROWINT ROWINT_W8
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#undef Q8_SCALES
#define Q8_SCALES Q8_SCALES_G128

#define NAME ·avx512DotQ8Row128W2G128X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROWINT ROWINT_W2
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W4G128X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROWINT ROWINT_W4
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W8G128X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROWINT ROWINT_W8
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#undef Q8_SCALES

// The DotQ8 row kernels on rows of 128 values in four groups of 32 (2-,
// 4- and 8-bit codes, whose groups of 32 lay out as a group of 64's
// halves).
#undef Q8_SCALE_IDX
#define Q8_SCALES Q8_SCALES_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx

#define NAME ·avx512DotQ8Row128W2G32X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROWINT ROWINT_W2
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W4G32X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROWINT ROWINT_W4
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT

#define NAME ·avx512DotQ8Row128W8G32X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROWINT ROWINT_W8
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

// The DotQ8 row kernels of four query rows on rows of 128 values of 2-, 4-
// and 8-bit codes in groups of 64, 32 and 128 (body
// avx512_dotq8_rowx4_amd64.h).

// LOHI_ROW_W<bits>(off, lo, hi): the row at off(SI) unpacked into lo and
// hi (Z6-Z12, Z18: Z13-Z15 are left alone), as LOHI_W<bits> does.
#define LOHI_ROW_W2(off, lo, hi) \
	VBROADCASTI64X4 off(SI), hi; \
	LOHI_W2(lo, hi)

#define LOHI_ROW_W4(off, lo, hi) \
	VMOVDQU8 off(SI), hi; \
	LOHI_W4(lo, hi)

#define LOHI_ROW_W8(off, lo, hi) \
	VMOVDQU8   off(SI), lo;                    \
	VSHUFI64X2 $0xdd, (off+64)(SI), lo, hi;    \
	VSHUFI64X2 $0x88, (off+64)(SI), lo, lo


#define NAME ·avx512DotQ8Row128W2G64X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_G64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W4G64X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_G64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W8G64X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_G64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W2G32X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W4G32X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W8G32X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W2G128X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W4G128X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row128W8G128X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

// DotQ8 row kernels on halves of rows of 256 values: the kernels of rows of
// 128 with the rows ROW_STRIDE bytes apart (SI at the half's first byte),
// run once per half, the second adding into out (accMask). The quad's
// scales and mins are those of four whole rows; Q8_SCALES_H* pick the
// half's from them by the indexes in Z28 (dwords for groups of 64, qwords
// for 32, words for 128). Rows in one group of 256 take the kernels of a
// group of 128 (Q8_SCALES_G128, each half with the row's scale and min).

// Q8_SM_H64, Q8_SM_H32, Q8_SM_H128: the half's S and M (as Q8_SM_G64,
// G32, G128); Q8_SCALES_H* then form P.
#define Q8_SM_H64 \
	VPERMD       (DX), Y28, Y24;    \
	VPERMD       (R8), Y28, Y13;    \
	VINSERTI32X4 $1, X13, Y24, Y24; \
	ADDQ         $16, DX;           \
	ADDQ         $16, R8;           \
	Q8_SM_TERM

#define Q8_SM_H32 \
	VPERMQ    (DX), Z28, Z24;  \
	VCVTPH2PS Y24, Z24;        \
	VPERMPS   Z24, Z3, Z24;    \
	VPERMQ    (R8), Z28, Z25;  \
	VCVTPH2PS Y25, Z25;        \
	VPERMPS   Z25, Z3, Z25;    \
	ADDQ      $48, DX;         \
	ADDQ      $48, R8

#define Q8_SM_H128 \
	VPERMW       (DX), X28, X24;    \
	VPUNPCKLWD   X24, X24, X24;     \
	VPERMW       (R8), X28, X13;    \
	VPUNPCKLWD   X13, X13, X13;     \
	VINSERTI32X4 $1, X13, Y24, Y24; \
	Q8_SM_TERM

#define Q8_SCALES_H64 Q8_SM_H64; VMULPS.Z Z4, Z25, K6, Z25
#define Q8_SCALES_H32 Q8_SM_H32; VMULPS Z4, Z25, Z25
#define Q8_SCALES_H128 Q8_SM_H128; VMULPS.Z Z4, Z25, K6, Z25

// The DotQ8 row kernels of four query rows on halves of rows of 256 values
// (ROW_STRIDE; the half's selection indexes in Z28, from the records).

#define NAME ·avx512DotQ8Row256W2G64X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W4G64X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W8G64X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W2G32X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_H32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W4G32X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_H32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W8G32X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_H32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W2G128X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_H128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W4G128X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_H128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W8G128X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_H128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W2G256X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W4G256X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W8G256X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define SM_LANES 0xff00
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES

#define NAME ·avx512DotQ8Row256W2G64X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define ROWINT ROWINT_W2
#define Q8_SCALES Q8_SCALES_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W3G64X1
#define CONSTS QUAD_CONSTS_W3
#define ROWBYTES 48
#define ROW_STRIDE 96
#define ROWINT ROWINT_W3
#define Q8_SCALES Q8_SCALES_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W4G64X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define ROWINT ROWINT_W4
#define Q8_SCALES Q8_SCALES_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W5G64X1
#define CONSTS QUAD_CONSTS_W5
#define ROWBYTES 80
#define ROW_STRIDE 160
#define ROWINT ROWINT_W5
#define Q8_SCALES Q8_SCALES_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W6G64X1
#define CONSTS QUAD_CONSTS_W6
#define ROWBYTES 96
#define ROW_STRIDE 192
#define ROWINT ROWINT_W6
#define Q8_SCALES Q8_SCALES_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W7G64X1
#define CONSTS QUAD_CONSTS_W7
#define ROWBYTES 112
#define ROW_STRIDE 224
#define ROWINT ROWINT_W7
#define Q8_SCALES Q8_SCALES_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W8G64X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define ROWINT ROWINT_W8
#define Q8_SCALES Q8_SCALES_H64
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W2G32X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define ROWINT ROWINT_W2
#define Q8_SCALES Q8_SCALES_H32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W4G32X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define ROWINT ROWINT_W4
#define Q8_SCALES Q8_SCALES_H32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W8G32X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define ROWINT ROWINT_W8
#define Q8_SCALES Q8_SCALES_H32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W2G128X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define ROWINT ROWINT_W2
#define Q8_SCALES Q8_SCALES_H128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W4G128X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define ROWINT ROWINT_W4
#define Q8_SCALES Q8_SCALES_H128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W8G128X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define ROWINT ROWINT_W8
#define Q8_SCALES Q8_SCALES_H128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W2G256X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROW_STRIDE 64
#define ROWINT ROWINT_W2
#define Q8_SCALES Q8_SCALES_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W4G256X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROW_STRIDE 128
#define ROWINT ROWINT_W4
#define Q8_SCALES Q8_SCALES_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

#define NAME ·avx512DotQ8Row256W8G256X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROW_STRIDE 256
#define ROWINT ROWINT_W8
#define Q8_SCALES Q8_SCALES_G128
#define Q8_SCALE_IDX ·avx512QuadScaleIdx
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROW_STRIDE
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX

// DotQ8 row kernels on rows of 64 values: two rows of 64 (in groups of 64,
// or of 32 for 2-, 4- and 8-bit codes) are one row of 128 of the kernels
// above, against the query's values twice (the caller's records), whose
// blocks 0-1 are the first row's and 2-3 the second's. The flush adds each
// parked vector to itself with its 128-bit lanes swapped in pairs (lanes
// 0-1: the first row, 2-3: the second), interleaves two quads' sums into
// 16 rows (·avx512Q8SplitIdx) and stores 32 rows a block of 16 rows of
// 128, under the masks of 2·R10 rows (K3, K2), adding to out where K4 says.
#define Q8_SPLIT_HALF(poff, ooff, kst, kacc) Q8_SPLIT_HALFB(poff, ooff, kst, kacc, DI)

// Q8_SPLIT_HALFB is Q8_SPLIT_HALF with the parked vectors at poff(R13) and
// out at ooff(base).
#define Q8_SPLIT_HALFB(poff, ooff, kst, kacc, base) \
	VMOVUPS    poff(R13), Z12;             \
	VSHUFF32X4 $0xb1, Z12, Z12, Z13;       \
	VADDPS     Z13, Z12, Z12;              \
	VMOVUPS    (poff+64)(R13), Z14;        \
	VSHUFF32X4 $0xb1, Z14, Z14, Z13;       \
	VADDPS     Z13, Z14, Z14;              \
	VMOVDQU32  ·avx512Q8SplitIdx(SB), Z13; \
	VPERMI2PS  Z14, Z12, Z13;              \
	VMOVUPS.Z  ooff(base), kacc, Z15;      \
	VADDPS     Z15, Z13, Z13;              \
	VMOVUPS    Z13, kst, ooff(base)

// Q8_SCALES_G64_SPLIT: two rows of 64 in one group each as a row of 128
// whose four blocks each take their own row's scale and min (lane 4L+r:
// entry 2r+L/2 of the quad's 8, ·avx512Q8G64SplitIdx in Z3), P the mins
// times SG in every lane (the blocks' sums), so that no shift term lands
// in the other row's lanes.
#define Q8_SM_G64_SPLIT \
	VCVTPH2PS (DX), Y24;    \
	VPERMPS   Z24, Z3, Z24; \
	VCVTPH2PS (R8), Y25;    \
	VPERMPS   Z25, Z3, Z25

#define Q8_SCALES_G64_SPLIT Q8_SM_G64_SPLIT; VMULPS Z4, Z25, Z25

#define Q8_SPLIT_FLUSH \
	LEAQ    (R10)(R10*1), R11; \
	MOVQ    $16, R12;          \
	CMPQ    R11, R12;          \
	CMOVQLT R11, R12;          \
	SUBQ    R12, R11;          \
	MOVL    $-1, R9;           \
	BZHIL   R12, R9, R12;      \
	KMOVW   R12, K3;           \
	BZHIL   R11, R9, R11;      \
	KMOVW   R11, K2;           \
	KANDW   K3, K4, K5;        \
	KANDW   K2, K4, K7;        \
	Q8_SPLIT_HALF(0, 0, K3, K5);    \
	Q8_SPLIT_HALF(128, 64, K2, K7); \
	ADDQ    $128, DI;          \
	TESTQ   CX, CX;            \
	JNZ     block;             \
	VZEROUPPER;                \
	RET

#define NAME ·avx512DotQ8Row64W2G64X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROWINT ROWINT_W2
#define Q8_SCALES Q8_SCALES_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define ROW_SPLIT 1
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W3G64X1
#define CONSTS QUAD_CONSTS_W3
#define ROWBYTES 48
#define ROWINT ROWINT_W3
#define Q8_SCALES Q8_SCALES_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define ROW_SPLIT 1
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W4G64X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROWINT ROWINT_W4
#define Q8_SCALES Q8_SCALES_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define ROW_SPLIT 1
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W5G64X1
#define CONSTS QUAD_CONSTS_W5
#define ROWBYTES 80
#define ROWINT ROWINT_W5
#define Q8_SCALES Q8_SCALES_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define ROW_SPLIT 1
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W6G64X1
#define CONSTS QUAD_CONSTS_W6
#define ROWBYTES 96
#define ROWINT ROWINT_W6
#define Q8_SCALES Q8_SCALES_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define ROW_SPLIT 1
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W7G64X1
#define CONSTS QUAD_CONSTS_W7
#define ROWBYTES 112
#define ROWINT ROWINT_W7
#define Q8_SCALES Q8_SCALES_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define ROW_SPLIT 1
#include "avx512_dotq8_row_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W8G64X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROWINT ROWINT_W8
#define Q8_SCALES Q8_SCALES_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define ROW_SPLIT 1
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W2G32X1
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define ROWINT ROWINT_W2
#define Q8_SCALES Q8_SCALES_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define ROW_SPLIT 1
#define PREFETCH_QUAD PREFETCH_W2
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W4G32X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define ROWINT ROWINT_W4
#define Q8_SCALES Q8_SCALES_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define ROW_SPLIT 1
#define PREFETCH_QUAD PREFETCH_W4
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W8G32X1
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define ROWINT ROWINT_W8
#define Q8_SCALES Q8_SCALES_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define ROW_SPLIT 1
#define PREFETCH_QUAD PREFETCH_W8
#include "avx512_dotq8_row_amd64.h"
#undef PREFETCH_QUAD
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef ROWINT
#undef Q8_SCALES
#undef Q8_SCALE_IDX
#undef ROW_SPLIT

// The DotQ8 row kernels of four query rows on rows of 64 values (ROW_SPLIT:
// two rows of 64 as one row of 128, the flush Q8_SPLIT_FLUSH_X4).

#define NAME ·avx512DotQ8Row64W2G64X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define SM_LANES 0xffff
#define ROW_SPLIT 1
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W4G64X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define SM_LANES 0xffff
#define ROW_SPLIT 1
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W8G64X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_G64_SPLIT
#define Q8_SCALE_IDX ·avx512Q8G64SplitIdx
#define SM_LANES 0xffff
#define ROW_SPLIT 1
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W2G32X4
#define CONSTS QUAD_CONSTS_W2
#define ROWBYTES 32
#define LOHI LOHI_ROW_W2
#define PREFETCH_QUAD PREFETCH_W2
#define Q8_SM Q8_SM_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#define ROW_SPLIT 1
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W4G32X4
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 64
#define LOHI LOHI_ROW_W4
#define PREFETCH_QUAD PREFETCH_W4
#define Q8_SM Q8_SM_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#define ROW_SPLIT 1
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES
#undef ROW_SPLIT

#define NAME ·avx512DotQ8Row64W8G32X4
#define CONSTS QUAD_CONSTS_W8
#define ROWBYTES 128
#define LOHI LOHI_ROW_W8
#define PREFETCH_QUAD PREFETCH_W8
#define Q8_SM Q8_SM_G32
#define Q8_SCALE_IDX ·avx512QuadG32Idx
#define SM_LANES 0xffff
#define ROW_SPLIT 1
#include "avx512_dotq8_rowx4_amd64.h"
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef LOHI
#undef PREFETCH_QUAD
#undef Q8_SM
#undef Q8_SCALE_IDX
#undef SM_LANES
#undef ROW_SPLIT

// DotQ8 stream kernels on 2- and 4-bit rows of 64, 80, 96, 128 and 256
// values in groups of 16 (bodies avx512_dotq8_row<cols>_amd64.h; the
// scheme is described in avx512_dotq8_row96_amd64.h): sixteen rows' groups
// as one stream of chunks of 8 groups, each unpacked as a row of 128 of
// 4-bit codes in groups of 16 is, lo holding each group's values 0-7 and hi
// 8-15, so that dwords 0-1 of a 128-bit lane L sum group 2L and 2-3 group
// 2L+1. STREAM_W4: the low nibbles (lo) and high nibbles (hi) of the 4-bit
// layout. STREAM_W2: a 2-bit group is one code dword (byte j holds values
// j, j+4, j+8, j+12), so VPERMD doubles each dword (lane L: groups 2L, 2L,
// 2L+1, 2L+1) and VPSRLVD shifts them by 0, 2 (lo) and 4, 6 (hi). Each
// takes the query values xl (lo) and xh (hi), registers or memory; 9
// instructions for width 2, 7 for 4 (the load and the zeroing included).
#define QUAD_CONSTS_W2G16 \
	VPBROADCASTB ·avx512C03(SB), Z17;       \
	VMOVDQU64    ·avx512Srlvd0202(SB), Z20; \
	VMOVDQU64    ·avx512Srlvd4646(SB), Z21; \
	VMOVDQU64    ·avx512PermdPairs(SB), Z22

#define STREAM_W2(off, xl, xh, dst) \
	VMOVDQU  off(SI), Y13;  \
	VPERMD   Z13, Z22, Z13; \
	VPSRLVD  Z20, Z13, Z14; \
	VPANDD   Z17, Z14, Z14; \
	VPSRLVD  Z21, Z13, Z13; \
	VPANDD   Z17, Z13, Z13; \
	VPXORD   dst, dst, dst; \
	VPDPBUSD xl, Z14, dst;  \
	VPDPBUSD xh, Z13, dst

#define STREAM_W4(off, xl, xh, dst) \
	VMOVDQU8 off(SI), Z13;  \
	VPANDD   Z16, Z13, Z14; \
	VPSRLW   $4, Z13, Z13;  \
	VPANDD   Z16, Z13, Z13; \
	VPXORD   dst, dst, dst; \
	VPDPBUSD xl, Z14, dst;  \
	VPDPBUSD xh, Z13, dst

// STREAM_KF(i, d, sg, xal, xah, xbl, xbh, dst): F_i of the stream kernels
// into dst: chunks 2i and 2i+1 (CHUNK bytes each from SI) against the
// query values xal/xah and xbl/xbh, combined (K_i), put in stream order
// (VPERMD by Z12) and converted, times the query block scales d and the
// 16 scales at 32i(DX), plus the 16 mins at 32i(R8) times the shift sums
// sg. 2 CHUNKINT and 10 instructions. Clobbers Z6, Z7, Z9, Z10, Z13-Z15.
#define STREAM_KF(i, d, sg, xal, xah, xbl, xbh, dst) \
	CHUNKINT((2*i)*CHUNK, xal, xah, Z6);    \
	CHUNKINT((2*i+1)*CHUNK, xbl, xbh, Z7);  \
	COMBINE(Z6, Z7, dst);                   \
	VPERMD      dst, Z12, dst;              \
	VCVTDQ2PS   dst, dst;                   \
	VCVTPH2PS   (32*i)(DX), Z9;             \
	VMULPS      d, Z9, Z9;                  \
	VCVTPH2PS   (32*i)(R8), Z10;            \
	VMULPS      sg, Z10, Z10;               \
	VFMADD213PS Z10, Z9, dst

#define NAME ·avx512DotQ8Row96W2G16X1
#define CONSTS QUAD_CONSTS_W2G16
#define CHUNK 32
#define CHUNKINT STREAM_W2
#include "avx512_dotq8_row96_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row96W4G16X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#include "avx512_dotq8_row96_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row80W2G16X1
#define CONSTS QUAD_CONSTS_W2G16
#define CHUNK 32
#define CHUNKINT STREAM_W2
#include "avx512_dotq8_row80_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row80W4G16X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#include "avx512_dotq8_row80_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row64W2G16X1
#define CONSTS QUAD_CONSTS_W2G16
#define CHUNK 32
#define CHUNKINT STREAM_W2
#include "avx512_dotq8_row64_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row64W4G16X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#include "avx512_dotq8_row64_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row256W2G16X1
#define CONSTS QUAD_CONSTS_W2G16
#define CHUNK 32
#define CHUNKINT STREAM_W2
#include "avx512_dotq8_row256_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row256W4G16X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#include "avx512_dotq8_row256_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row128W2G16X1
#define CONSTS QUAD_CONSTS_W2G16
#define CHUNK 32
#define CHUNKINT STREAM_W2
#include "avx512_dotq8_row128_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row128W4G16X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#include "avx512_dotq8_row128_amd64.h"
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

// DotQ8 stream kernels on 2- and 4-bit rows of 64, 80, 96, 128 and 256
// values in groups of 8 (bodies in avx512_dotq8_stream8_amd64.h, which
// describes the scheme): a group of 8 is one code dword of 4-bit codes
// (byte j: values j and j+4) and one code word of 2-bit codes (byte j:
// values j, j+2, j+4, j+6), so 16 groups unpack into one vector whose
// int32 lane l is group l's sum: lo the group's values 0-3 in the lane's
// bytes 0-3, hi its values 4-7. STREAM_W4 (above) serves 4-bit codes;
// STREAM8_W2 doubles each code word (VPERMW: words 2k and 2k+1 take word
// k) and shifts the words by 0, 2 (lo) and 4, 6 (hi), so that byte m of a
// lane holds value m (lo) or 4+m (hi) of its group. 9 instructions (the
// load and the zeroing included), 7 for width 4.
#define QUAD_CONSTS_W2G8 \
	VPBROADCASTB ·avx512C03(SB), Z17;              \
	VMOVDQU32    ·avx512Q8Stream8Idx+576(SB), Z22; \
	VMOVDQU32    ·avx512Q8Stream8Idx+640(SB), Z20; \
	VMOVDQU32    ·avx512Q8Stream8Idx+704(SB), Z21

#define STREAM8_W2(off, xl, xh, dst) \
	VMOVDQU  off(SI), Y13;  \
	VPERMW   Z13, Z22, Z13; \
	VPSRLVW  Z20, Z13, Z14; \
	VPANDD   Z17, Z14, Z14; \
	VPSRLVW  Z21, Z13, Z13; \
	VPANDD   Z17, Z13, Z13; \
	VPXORD   dst, dst, dst; \
	VPDPBUSD xl, Z14, dst;  \
	VPDPBUSD xh, Z13, dst

// STREAM8_F(v, p, dst): F_v of the group-of-8 stream kernels into dst:
// the 16 groups of vector v (CHUNK bytes each from SI; lane l: stream
// group 16v+l) against the query values of record pattern p (its lo and
// hi at 256p(BX) and 256p+64(BX)), converted, times the query block
// scales D (256p+128) and the groups' 16 scales at 32v(DX), plus their 16
// mins at 32v(R8) times the shift sums SG (256p+192). CHUNKINT and 6
// instructions. Clobbers Z9, Z10, Z13 and Z14.
#define STREAM8_F(v, p, dst) \
	CHUNKINT((v)*CHUNK, (256*(p))(BX), (256*(p)+64)(BX), dst); \
	VCVTDQ2PS   dst, dst;                                         \
	VCVTPH2PS   (32*(v))(DX), Z9;                                 \
	VMULPS      (256*(p)+128)(BX), Z9, Z9;                        \
	VCVTPH2PS   (32*(v))(R8), Z10;                                \
	VMULPS      (256*(p)+192)(BX), Z10, Z10;                      \
	VFMADD213PS Z10, Z9, dst

#define NAME ·avx512DotQ8Row64W2G8X1
#define CONSTS QUAD_CONSTS_W2G8
#define CHUNK 32
#define CHUNKINT STREAM8_W2
#define STREAM8_R64
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R64
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row64W4G8X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#define STREAM8_R64
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R64
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row80W2G8X1
#define CONSTS QUAD_CONSTS_W2G8
#define CHUNK 32
#define CHUNKINT STREAM8_W2
#define STREAM8_R80
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R80
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row80W4G8X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#define STREAM8_R80
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R80
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row96W2G8X1
#define CONSTS QUAD_CONSTS_W2G8
#define CHUNK 32
#define CHUNKINT STREAM8_W2
#define STREAM8_R96
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R96
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row96W4G8X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#define STREAM8_R96
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R96
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row128W2G8X1
#define CONSTS QUAD_CONSTS_W2G8
#define CHUNK 32
#define CHUNKINT STREAM8_W2
#define STREAM8_R128
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R128
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row128W4G8X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#define STREAM8_R128
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R128
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row256W2G8X1
#define CONSTS QUAD_CONSTS_W2G8
#define CHUNK 32
#define CHUNKINT STREAM8_W2
#define STREAM8_R256
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R256
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

#define NAME ·avx512DotQ8Row256W4G8X1
#define CONSTS QUAD_CONSTS_W4
#define CHUNK 64
#define CHUNKINT STREAM_W4
#define STREAM8_R256
#include "avx512_dotq8_stream8_amd64.h"
#undef STREAM8_R256
#undef NAME
#undef CONSTS
#undef CHUNK
#undef CHUNKINT

// DotQ8 stream kernels on 2-, 4- and 8-bit rows of 80 values in one group
// (body avx512_dotq8_row80g80_amd64.h): sixteen rows as one stream of code
// dwords, each block's sum formed in int32 from its dwords' lanes.
#define NAME ·avx512DotQ8Row80W2G80X1
#define CONSTS VPBROADCASTB ·avx512C03(SB), Z17
#define ROWBYTES 20
#define R80G_W2
#include "avx512_dotq8_row80g80_amd64.h"
#undef R80G_W2
#undef NAME
#undef CONSTS
#undef ROWBYTES

#define NAME ·avx512DotQ8Row80W4G80X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 40
#define R80G_W4
#include "avx512_dotq8_row80g80_amd64.h"
#undef R80G_W4
#undef NAME
#undef CONSTS
#undef ROWBYTES

#define NAME ·avx512DotQ8Row80W8G80X1
#define CONSTS
#define ROWBYTES 80
#define R80G_W8
#include "avx512_dotq8_row80g80_amd64.h"
#undef R80G_W8
#undef NAME
#undef CONSTS
#undef ROWBYTES

// DotQ8 stream kernels on 2-, 4- and 8-bit rows of 96 values in groups of
// 32 and in one group of 96 (body avx512_dotq8_row96g32_amd64.h): sixteen
// rows as one stream of code dwords, each block's sum formed in int32
// from its dwords' lanes, no lane masked off.

#define NAME ·avx512DotQ8Row96W2G32X1
#define CONSTS VPBROADCASTB ·avx512C03(SB), Z17
#define ROWBYTES 24
#define RECQ 768
#define IDX 0
#define R96_W2
#include "avx512_dotq8_row96g32_amd64.h"
#undef R96_W2
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef RECQ
#undef IDX

#define NAME ·avx512DotQ8Row96W2G96X1
#define CONSTS VPBROADCASTB ·avx512C03(SB), Z17
#define ROWBYTES 24
#define RECQ 768
#define IDX 0
#define R96_W2
#define R96_G96
#include "avx512_dotq8_row96g32_amd64.h"
#undef R96_G96
#undef R96_W2
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef RECQ
#undef IDX

#define NAME ·avx512DotQ8Row96W4G32X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 48
#define RECQ 384
#define IDX 256
#define R96_W4
#include "avx512_dotq8_row96g32_amd64.h"
#undef R96_W4
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef RECQ
#undef IDX

#define NAME ·avx512DotQ8Row96W4G96X1
#define CONSTS QUAD_CONSTS_W4
#define ROWBYTES 48
#define RECQ 384
#define IDX 256
#define R96_W4
#define R96_G96
#include "avx512_dotq8_row96g32_amd64.h"
#undef R96_G96
#undef R96_W4
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef RECQ
#undef IDX

#define NAME ·avx512DotQ8Row96W8G32X1
#define CONSTS
#define ROWBYTES 96
#define RECQ 192
#define IDX 512
#define R96_W8
#include "avx512_dotq8_row96g32_amd64.h"
#undef R96_W8
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef RECQ
#undef IDX

#define NAME ·avx512DotQ8Row96W8G96X1
#define CONSTS
#define ROWBYTES 96
#define RECQ 192
#define IDX 512
#define R96_W8
#define R96_G96
#include "avx512_dotq8_row96g32_amd64.h"
#undef R96_G96
#undef R96_W8
#undef NAME
#undef CONSTS
#undef ROWBYTES
#undef RECQ
#undef IDX
