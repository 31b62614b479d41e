//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"

// Dot and AddWeighted on rows of 8 codes that are one group of 8, 2-, 3-
// and 4-bit codes: the avx2 row-of-8 kernels (avx2_row8codes_amd64.s,
// which explains the method and col(k)) with sixteen rows per vector, the
// query columns broadcast by the FMA itself, and two weight rows per pass
// of AddWeighted (avx512Row8Args, avx512_row8codes_amd64.go).
//
// Instructions per 32 values (two 16-row vectors hold 32 rows: 256
// values, so per 32 values an eighth of): one query row of Dot, 4-bit
// 8 × (shift, AND, convert, FMA) + 4 ≈ 36 / 8 ≈ 4.5 (3-bit ≈ 7.5); each
// further query row 8 FMA + 3 per 256 values, ≈ 1.4. AddWeighted, two
// weight rows: 4-bit 8 × (shift, AND, convert, 2 FMA) + 8 per 128 values
// ≈ 12 per 32 values of both rows (3-bit ≈ 18).

// 3, 4 and 15 in every dword (VPANDD.BCST reads one).
DATA row8W3<>+0(SB)/4, $3
GLOBL row8W3<>(SB), RODATA|NOPTR, $4
DATA row8W4<>+0(SB)/4, $4
GLOBL row8W4<>(SB), RODATA|NOPTR, $4
DATA row8W15<>+0(SB)/4, $15
GLOBL row8W15<>(SB), RODATA|NOPTR, $4

// VPERMD indexes that give 128-bit lane i the dwords 3i … 3i+3 (rows
// 4i … 4i+3 of 3-bit codes, 12 bytes), and VPSHUFB indexes (the same in
// every lane) that put row r's 3 bytes in dword r, zero above.
DATA row8Perm3<>+0(SB)/8, $0x0000000100000000
DATA row8Perm3<>+8(SB)/8, $0x0000000300000002
DATA row8Perm3<>+16(SB)/8, $0x0000000400000003
DATA row8Perm3<>+24(SB)/8, $0x0000000600000005
DATA row8Perm3<>+32(SB)/8, $0x0000000700000006
DATA row8Perm3<>+40(SB)/8, $0x0000000900000008
DATA row8Perm3<>+48(SB)/8, $0x0000000a00000009
DATA row8Perm3<>+56(SB)/8, $0x0000000c0000000b
GLOBL row8Perm3<>(SB), RODATA|NOPTR, $64
DATA row8Spread3<>+0(SB)/8, $0x8005040380020100
DATA row8Spread3<>+8(SB)/8, $0x800b0a0980080706
DATA row8Spread3<>+16(SB)/8, $0x8005040380020100
DATA row8Spread3<>+24(SB)/8, $0x800b0a0980080706
DATA row8Spread3<>+32(SB)/8, $0x8005040380020100
DATA row8Spread3<>+40(SB)/8, $0x800b0a0980080706
DATA row8Spread3<>+48(SB)/8, $0x8005040380020100
DATA row8Spread3<>+56(SB)/8, $0x800b0a0980080706
GLOBL row8Spread3<>(SB), RODATA|NOPTR, $64

// The loads: sixteen rows' codes at SI into the dwords of Z0 (3-bit: and
// Z0 >> 14 into Z2), SI moved on. The rows of a batch are K2 (one bit per
// row; K3 one per byte of 3-bit codes): every load is masked, so that the
// last batch of fewer than sixteen rows reads nothing past them and its
// missing rows are zero.
#define LOAD_W2 \
	VPMOVZXWD.Z (SI), K2, Z0; \
	ADDQ        $32, SI

#define LOAD_W4 \
	VMOVDQU32.Z (SI), K2, Z0; \
	ADDQ        $64, SI

#define LOAD_W3 \
	VMOVDQU8.Z (SI), K3, Z0; \
	VPERMD     Z0, Z28, Z0;  \
	VPSHUFB    Z29, Z0, Z0;  \
	VPSRLD     $14, Z0, Z2;  \
	ADDQ       $48, SI

#define K3_SETUP \
	VMOVDQU32 row8Perm3<>(SB), Z28; \
	VMOVDQU32 row8Spread3<>(SB), Z29

// MASKS(ROWS) sets K2 and K3 to the low ROWS (a register) rows of a batch
// (not R12 or R13, its scratch); MASKS_ALL to all sixteen (R11 scratch).
#define MASKS(ROWS) \
	MOVQ  $-1, R12;              \
	BZHIQ ROWS, R12, R13;        \
	KMOVW R13, K2;               \
	LEAQ  (ROWS)(ROWS*2), R13;   \
	BZHIQ R13, R12, R13;         \
	KMOVQ R13, K3

#define MASKS_ALL \
	MOVQ  $16, R11; \
	MASKS(R11)

// BATCHES(BODY) runs BODY over the DX rows sixteen at a time, the last
// batch masked to the rows left.
#define BATCHES(BODY) \
	MASKS_ALL;          \
	CMPQ  DX, $16;      \
	JB    last;         \
loop:                   \
	BODY;               \
	SUBQ  $16, DX;      \
	CMPQ  DX, $16;      \
	JAE   loop;         \
last:                   \
	TESTQ DX, DX;       \
	JZ    done;         \
	MASKS(DX);          \
	MOVQ  $16, DX;      \
	JMP   loop;         \
done:

// The code of position k as float32 in Z1 (as in the avx2 kernels).
#define C2(SH) \
	VPSRLD      $SH, Z0, Z1;            \
	VPANDD.BCST row8W3<>(SB), Z1, Z1; \
	VCVTDQ2PS   Z1, Z1

#define C2_0 \
	VPANDD.BCST row8W3<>(SB), Z0, Z1; \
	VCVTDQ2PS   Z1, Z1

#define C4(SH) \
	VPSRLD      $SH, Z0, Z1;             \
	VPANDD.BCST row8W15<>(SB), Z1, Z1; \
	VCVTDQ2PS   Z1, Z1

#define C4_0 \
	VPANDD.BCST row8W15<>(SB), Z0, Z1; \
	VCVTDQ2PS   Z1, Z1

#define C3(SH, COL) \
	VPSRLD      $SH, Z0, Z1;            \
	VPANDD.BCST row8W3<>(SB), Z1, Z1; \
	VPSRLD      $COL, Z2, Z3;           \
	VPANDD.BCST row8W4<>(SB), Z3, Z3; \
	VPORD       Z3, Z1, Z1;             \
	VCVTDQ2PS   Z1, Z1

#define C3_0 \
	VPANDD.BCST row8W3<>(SB), Z0, Z1; \
	VPANDD.BCST row8W4<>(SB), Z2, Z3; \
	VPORD       Z3, Z1, Z1;             \
	VCVTDQ2PS   Z1, Z1

// CODES_W<bits>(USE) decodes the eight positions in order, USE(k, column,
// accumulators of AddWeighted) after each.
#define CODES_W2(USE) \
	C2_0; USE(0, 0, Z4, Z12);    \
	C2(2); USE(1, 2, Z5, Z13);   \
	C2(4); USE(2, 4, Z6, Z14);   \
	C2(6); USE(3, 6, Z7, Z15);   \
	C2(8); USE(4, 1, Z8, Z16);   \
	C2(10); USE(5, 3, Z9, Z17);  \
	C2(12); USE(6, 5, Z10, Z18); \
	C2(14); USE(7, 7, Z11, Z19)

#define CODES_W3(USE) \
	C3_0; USE(0, 0, Z4, Z12);       \
	C3(2, 2); USE(1, 2, Z5, Z13);   \
	C3(4, 4); USE(2, 4, Z6, Z14);   \
	C3(6, 6); USE(3, 6, Z7, Z15);   \
	C3(8, 1); USE(4, 1, Z8, Z16);   \
	C3(10, 3); USE(5, 3, Z9, Z17);  \
	C3(12, 5); USE(6, 5, Z10, Z18); \
	C3(14, 7); USE(7, 7, Z11, Z19)

#define CODES_W4(USE) \
	C4_0; USE(0, 0, Z4, Z12);    \
	C4(4); USE(1, 4, Z5, Z13);   \
	C4(8); USE(2, 1, Z6, Z14);   \
	C4(12); USE(3, 5, Z7, Z15);  \
	C4(16); USE(4, 2, Z8, Z16);  \
	C4(20); USE(5, 6, Z9, Z17);  \
	C4(24); USE(6, 3, Z10, Z18); \
	C4(28); USE(7, 7, Z11, Z19)

#define NOSETUP

// Dot, per number of query rows: the accumulators Z4-Z7 cleared (ZEROQ),
// code position K (column C of each query row at CX, rows 32 bytes apart)
// multiplied into them (FMAQ), and the output (OUTQ: scale in Z2, shift
// in Z3; R10 out of row 0, BX its stride, R11 = R10 + 2 BX).
#define ZEROQ1 VPXORD Z4, Z4, Z4
#define ZEROQ2 ZEROQ1; VPXORD Z5, Z5, Z5
#define ZEROQ3 ZEROQ2; VPXORD Z6, Z6, Z6
#define ZEROQ4 ZEROQ3; VPXORD Z7, Z7, Z7

#define FMAQ1(K, C, A0, A1) VFMADD231PS.BCST (C*4)(CX), Z1, Z4
#define FMAQ2(K, C, A0, A1) FMAQ1(K, C, A0, A1); VFMADD231PS.BCST (32+C*4)(CX), Z1, Z5
#define FMAQ3(K, C, A0, A1) FMAQ2(K, C, A0, A1); VFMADD231PS.BCST (64+C*4)(CX), Z1, Z6
#define FMAQ4(K, C, A0, A1) FMAQ3(K, C, A0, A1); VFMADD231PS.BCST (96+C*4)(CX), Z1, Z7

#define OUT(J, ACC, DST) \
	VMULPS.BCST (avx512Row8Args_mx+J*4)(DI), Z3, Z12; \
	VFMADD231PS Z2, ACC, Z12;                         \
	VMOVUPS     Z12, K2, DST

#define OUTQ1 OUT(0, Z4, (R10))
#define OUTQ2 OUTQ1; OUT(1, Z5, (R10)(BX*1))
#define OUTQ3 OUTQ2; OUT(2, Z6, (R11))
#define OUTQ4 OUTQ3; OUT(3, Z7, (R11)(BX*1))

// DOTROW8(NAME, SETUP, LOAD, CODES, ZEROQ, FMAQ, OUTQ) is the Dot kernel
// of one width and number of query rows.
#define DOTROW8(NAME, SETUP, LOAD, CODES, ZEROQ, FMAQ, OUTQ) \
TEXT NAME(SB), NOSPLIT, $0-8                     \
	MOVQ      a+0(FP), DI;                        \
	SETUP;                                        \
	MOVQ      avx512Row8Args_x(DI), CX;           \
	MOVQ      avx512Row8Args_codes(DI), SI;       \
	MOVQ      avx512Row8Args_scales(DI), R8;      \
	MOVQ      avx512Row8Args_shifts(DI), R9;      \
	MOVQ      avx512Row8Args_out(DI), R10;        \
	MOVQ      avx512Row8Args_outStride(DI), BX;   \
	MOVQ      avx512Row8Args_n(DI), DX;           \
	BATCHES(DOTBODY(LOAD, CODES, ZEROQ, FMAQ, OUTQ)); \
	VZEROUPPER;                                   \
	RET

// DOTBODY is one batch of Dot.
#define DOTBODY(LOAD, CODES, ZEROQ, FMAQ, OUTQ) \
	LOAD;                            \
	ZEROQ;                           \
	CODES(FMAQ);                     \
	VCVTPH2PS.Z (R8), K2, Z2;        \
	VCVTPH2PS.Z (R9), K2, Z3;        \
	ADDQ      $32, R8;               \
	ADDQ      $32, R9;               \
	LEAQ      (R10)(BX*2), R11;      \
	OUTQ;                            \
	ADDQ      $64, R10

DOTROW8(·avx512DotRow8W2X1, NOSETUP, LOAD_W2, CODES_W2, ZEROQ1, FMAQ1, OUTQ1)
DOTROW8(·avx512DotRow8W2X2, NOSETUP, LOAD_W2, CODES_W2, ZEROQ2, FMAQ2, OUTQ2)
DOTROW8(·avx512DotRow8W2X3, NOSETUP, LOAD_W2, CODES_W2, ZEROQ3, FMAQ3, OUTQ3)
DOTROW8(·avx512DotRow8W2X4, NOSETUP, LOAD_W2, CODES_W2, ZEROQ4, FMAQ4, OUTQ4)
DOTROW8(·avx512DotRow8W3X1, K3_SETUP, LOAD_W3, CODES_W3, ZEROQ1, FMAQ1, OUTQ1)
DOTROW8(·avx512DotRow8W3X2, K3_SETUP, LOAD_W3, CODES_W3, ZEROQ2, FMAQ2, OUTQ2)
DOTROW8(·avx512DotRow8W3X3, K3_SETUP, LOAD_W3, CODES_W3, ZEROQ3, FMAQ3, OUTQ3)
DOTROW8(·avx512DotRow8W3X4, K3_SETUP, LOAD_W3, CODES_W3, ZEROQ4, FMAQ4, OUTQ4)
DOTROW8(·avx512DotRow8W4X1, NOSETUP, LOAD_W4, CODES_W4, ZEROQ1, FMAQ1, OUTQ1)
DOTROW8(·avx512DotRow8W4X2, NOSETUP, LOAD_W4, CODES_W4, ZEROQ2, FMAQ2, OUTQ2)
DOTROW8(·avx512DotRow8W4X3, NOSETUP, LOAD_W4, CODES_W4, ZEROQ3, FMAQ3, OUTQ3)
DOTROW8(·avx512DotRow8W4X4, NOSETUP, LOAD_W4, CODES_W4, ZEROQ4, FMAQ4, OUTQ4)

// AddWeighted of two weight rows (at CX and CX+BX): code position K into
// the accumulators A0 (row 0: Z4-Z11) and A1 (row 1: Z12-Z19), times w ×
// scale (Z22, Z23); Σ w × shift in Z20, Z21.
#define AWK2(K, C, A0, A1) \
	VFMADD231PS Z22, Z1, A0; \
	VFMADD231PS Z23, Z1, A1

#define AWK1(K, C, A0, A1) VFMADD231PS Z22, Z1, A0

#define WS2 \
	VCVTPH2PS.Z (R9), K2, Z24;       \
	VCVTPH2PS.Z (R8), K2, Z25;       \
	VMOVUPS.Z   (CX), K2, Z26;       \
	VMOVUPS.Z   (CX)(BX*1), K2, Z27; \
	VFMADD231PS Z24, Z26, Z20;   \
	VFMADD231PS Z24, Z27, Z21;   \
	VMULPS      Z25, Z26, Z22;   \
	VMULPS      Z25, Z27, Z23

#define WS1 \
	VCVTPH2PS.Z (R9), K2, Z24;     \
	VCVTPH2PS.Z (R8), K2, Z25;     \
	VMOVUPS.Z   (CX), K2, Z26;     \
	VFMADD231PS Z24, Z26, Z20; \
	VMULPS      Z25, Z26, Z22

// FOLD(Z, Y) adds the upper half of Z into its lower half Y (Y30
// scratch).
#define FOLD(Z, Y) \
	VEXTRACTF64X4 $1, Z, Y30; \
	VADDPS        Y30, Y, Y

// RED8(OFF) reduces Y4-Y11 (position k in Y4+k) to one vector of their
// sums, in position order, and stores it at avx512Row8Args_red+OFF: the
// transposed reduction of avx2_dotrow8_amd64.s.
#define RED8(OFF) \
	VHADDPS    Y5, Y4, Y4;     \
	VHADDPS    Y7, Y6, Y6;     \
	VHADDPS    Y9, Y8, Y8;     \
	VHADDPS    Y11, Y10, Y10;  \
	VHADDPS    Y6, Y4, Y4;     \
	VHADDPS    Y10, Y8, Y8;    \
	VPERM2F128 $0x20, Y8, Y4, Y5; \
	VPERM2F128 $0x31, Y8, Y4, Y6; \
	VADDPS     Y6, Y5, Y5;     \
	VMOVUPS    Y5, (avx512Row8Args_red+OFF)(DI)

#define FOLD8 \
	FOLD(Z4, Y4); FOLD(Z5, Y5); FOLD(Z6, Y6); FOLD(Z7, Y7); \
	FOLD(Z8, Y8); FOLD(Z9, Y9); FOLD(Z10, Y10); FOLD(Z11, Y11)

// The ends: the per-position sums of row 0 at red[0:8] (row 1 at
// red[8:16]), the lanes of Σ w × shift at red[16:32] (row 1 red[32:48]).
#define AWEND1 \
	FOLD8;                                      \
	RED8(0);                                    \
	VMOVUPS Z20, (avx512Row8Args_red+64)(DI)

#define AWEND2 \
	AWEND1;                                     \
	VMOVAPS Z12, Z4;                            \
	VMOVAPS Z13, Z5;                            \
	VMOVAPS Z14, Z6;                            \
	VMOVAPS Z15, Z7;                            \
	VMOVAPS Z16, Z8;                            \
	VMOVAPS Z17, Z9;                            \
	VMOVAPS Z18, Z10;                           \
	VMOVAPS Z19, Z11;                           \
	FOLD8;                                      \
	RED8(32);                                   \
	VMOVUPS Z21, (avx512Row8Args_red+128)(DI)

// AWBODY is one batch of AddWeighted.
#define AWBODY(LOAD, CODES, WS, AWK) \
	WS;              \
	LOAD;            \
	CODES(AWK);      \
	ADDQ $64, CX;    \
	ADDQ $32, R8;    \
	ADDQ $32, R9

// ADDWROW8(NAME, SETUP, LOAD, CODES, WS, AWK, AWEND) is the AddWeighted
// kernel of one width and number of weight rows (1 or 2).
#define ADDWROW8(NAME, SETUP, LOAD, CODES, WS, AWK, AWEND) \
TEXT NAME(SB), NOSPLIT, $0-8                   \
	MOVQ   a+0(FP), DI;                         \
	SETUP;                                      \
	MOVQ   avx512Row8Args_x(DI), CX;            \
	MOVQ   avx512Row8Args_xStride(DI), BX;      \
	MOVQ   avx512Row8Args_codes(DI), SI;        \
	MOVQ   avx512Row8Args_scales(DI), R8;       \
	MOVQ   avx512Row8Args_shifts(DI), R9;       \
	MOVQ   avx512Row8Args_n(DI), DX;            \
	VPXORD Z4, Z4, Z4;                          \
	VPXORD Z5, Z5, Z5;                          \
	VPXORD Z6, Z6, Z6;                          \
	VPXORD Z7, Z7, Z7;                          \
	VPXORD Z8, Z8, Z8;                          \
	VPXORD Z9, Z9, Z9;                          \
	VPXORD Z10, Z10, Z10;                       \
	VPXORD Z11, Z11, Z11;                       \
	VPXORD Z12, Z12, Z12;                       \
	VPXORD Z13, Z13, Z13;                       \
	VPXORD Z14, Z14, Z14;                       \
	VPXORD Z15, Z15, Z15;                       \
	VPXORD Z16, Z16, Z16;                       \
	VPXORD Z17, Z17, Z17;                       \
	VPXORD Z18, Z18, Z18;                       \
	VPXORD Z19, Z19, Z19;                       \
	VPXORD Z20, Z20, Z20;                       \
	VPXORD Z21, Z21, Z21;                       \
	BATCHES(AWBODY(LOAD, CODES, WS, AWK));      \
	AWEND;                                      \
	VZEROUPPER;                                 \
	RET

ADDWROW8(·avx512AddWeightedRow8W2X1, NOSETUP, LOAD_W2, CODES_W2, WS1, AWK1, AWEND1)
ADDWROW8(·avx512AddWeightedRow8W2X2, NOSETUP, LOAD_W2, CODES_W2, WS2, AWK2, AWEND2)
ADDWROW8(·avx512AddWeightedRow8W3X1, K3_SETUP, LOAD_W3, CODES_W3, WS1, AWK1, AWEND1)
ADDWROW8(·avx512AddWeightedRow8W3X2, K3_SETUP, LOAD_W3, CODES_W3, WS2, AWK2, AWEND2)
ADDWROW8(·avx512AddWeightedRow8W4X1, NOSETUP, LOAD_W4, CODES_W4, WS1, AWK1, AWEND1)
ADDWROW8(·avx512AddWeightedRow8W4X2, NOSETUP, LOAD_W4, CODES_W4, WS2, AWK2, AWEND2)
