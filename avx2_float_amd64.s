//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// Dot and AddWeighted of fp16 and float32 rows with 1 to 4 query (weight)
// rows (avx2FloatArgs, see avx2_float_amd64.go). A row is walked 32 values at
// a time, then 8 at a time, then a tail of fewer than 8 values: float32
// tails are read with VMASKMOVPS, fp16 tails are copied into a zeroed
// scratch first, so nothing past a row's last value is read. Each row
// chunk is loaded (and converted from fp16) once for all queries.
//
// Registers: DI args, SI the row, AX the query (y) rows 0 and 1 ((AX),
// (AX)(BX*1)), CX = AX + 2*BX rows 2 and 3, BX their stride, R8 and R9
// loop counters, R13 the transposed weights (AddWeighted), R14 rows left;
// Y0 the row chunk, Y1 the tail mask, Y2 a temporary.
//
// Instructions per 8 values and row: float32 1 load + per query 1 FMA
// (Dot) or 1 load, 1 FMA, 1 store (AddWeighted); fp16 one VCVTPH2PS more.

// Row chunk k of 8 values into Y0, per format.
#define RLD32(k) VMOVUPS (k*32)(SI), Y0
#define RLD16(k) VCVTPH2PS (k*16)(SI), Y0

// The row's tail (avx2FloatArgs_tail values) into Y0, with the mask in Y1.
#define RTAIL32 VMASKMOVPS (SI), Y1, Y0

#define RTAIL16 \
	VPXOR     X0, X0, X0;                          \
	VMOVDQU   X0, avx2FloatArgs_scratch(DI);       \
	XORQ      R8, R8;                              \
tailcopy:                                          \
	MOVW      (SI)(R8*2), R9;                      \
	MOVW      R9, avx2FloatArgs_scratch(DI)(R8*2); \
	INCQ      R8;                                  \
	CMPQ      R8, avx2FloatArgs_tail(DI);          \
	JNE       tailcopy;                            \
	VCVTPH2PS avx2FloatArgs_scratch(DI), Y0

// ---- Dot ----

// Chunk k of the row times chunk k of every query. Query j accumulates in
// Y8+j (even chunks) and Y12+j (odd chunks); one query also uses Y9 and
// Y13 for chunks 2 and 3.
#define FD(k, ADDR, A) VFMADD231PS (k*32)ADDR, Y0, A

#define FDX1_0 FD(0, (AX), Y8)
#define FDX1_1 FD(1, (AX), Y12)
#define FDX1_2 FD(2, (AX), Y9)
#define FDX1_3 FD(3, (AX), Y13)

#define FDX2_E(k) FD(k, (AX), Y8); FD(k, (AX)(BX*1), Y9)
#define FDX2_O(k) FD(k, (AX), Y12); FD(k, (AX)(BX*1), Y13)
#define FDX3_E(k) FDX2_E(k); FD(k, (CX), Y10)
#define FDX3_O(k) FDX2_O(k); FD(k, (CX), Y14)
#define FDX4_E(k) FDX3_E(k); FD(k, (CX)(BX*1), Y11)
#define FDX4_O(k) FDX3_O(k); FD(k, (CX)(BX*1), Y15)

// Tail: each query's chunk masked too (Y1), into its even accumulator.
#define FDT(ADDR, A) VMASKMOVPS ADDR, Y1, Y2; VFMADD231PS Y2, Y0, A
#define FDT1 FDT((AX), Y8)
#define FDT2 FDT1; FDT((AX)(BX*1), Y9)
#define FDT3 FDT2; FDT((CX), Y10)
#define FDT4 FDT3; FDT((CX)(BX*1), Y11)

// Row epilogues: out at DX (stride R12) += the query sums.
#define FE1 \
	VADDPS       Y12, Y8, Y8;                               \
	VADDPS       Y13, Y9, Y9;                               \
	VADDPS       Y9, Y8, Y8;                                \
	FOLD8(VEXTRACTF128, VADDPS, VADDSS, $0x0e, Y8, X8, X9); \
	VADDSS       (DX), X8, X8;                              \
	VMOVSS       X8, (DX)

#define FE2 \
	SUM2X8(Y8, Y12, Y9, Y13);    \
	OUT2(X8, X9, DX, R12, R13)

#define FE3 SUM4X8; OUT3(X8, X9, DX, R12, R13)
#define FE4 SUM4X8; OUT4(X8, X9, DX, R12, R13)

// STEPS8(RLD, C, STEP, RTAIL, T, end): the steps of 8 values of a row
// (R8 of them, at least one; SI the row, AX and CX the query or y rows),
// each loaded by RLD(0) and handled by C, then the row's tail of fewer
// than 8 values, if any, loaded under the mask (RTAIL) and handled by T;
// end follows.
#define STEPS8(RLD, C, STEP, RTAIL, T, end) \
l8:                                     \
	RLD(0);                             \
	C;                                  \
	ADDQ    $STEP, SI;                  \
	ADDQ    $32, AX;                    \
	ADDQ    $32, CX;                    \
	DECQ    R8;                         \
	JNZ     l8;                         \
tail:                                   \
	CMPQ    avx2FloatArgs_tail(DI), $0; \
	JEQ     end;                        \
	VMOVDQU avx2FloatArgs_mask(DI), Y1; \
	RTAIL;                              \
	T;                                  \
	ADDQ    avx2FloatArgs_tailBytes(DI), SI

// DOTF(NAME, RLD, RTAIL, STEP, C0, C1, C2, C3, FDT, FE): the Dot kernel of
// one format (RLD, RTAIL, STEP = row bytes per 8 values) and number of
// queries (chunk macros C0-C3, tail FDT, epilogue FE).
#define DOTF(NAME, RLD, RTAIL, STEP, C0, C1, C2, C3, FDT, FE) \
	ARGS_TEXT(NAME);                         \
	MOVQ avx2FloatArgs_data(DI), SI;         \
	MOVQ avx2FloatArgs_qStride(DI), BX;      \
	MOVQ avx2FloatArgs_out(DI), DX;          \
	MOVQ DX, avx2FloatArgs_outp(DI);         \
	MOVQ avx2FloatArgs_rows(DI), R14;        \
row:                                         \
	MOVQ   avx2FloatArgs_q(DI), AX;          \
	LEAQ   (AX)(BX*2), CX;                   \
	ZERO_Y8_13;                              \
	VXORPS Y14, Y14, Y14;                    \
	VXORPS Y15, Y15, Y15;                    \
	MOVQ   avx2FloatArgs_full32(DI), R8;     \
	TESTQ  R8, R8;                           \
	JZ     rest;                             \
l32:                                         \
	RLD(0); C0;                              \
	RLD(1); C1;                              \
	RLD(2); C2;                              \
	RLD(3); C3;                              \
	ADDQ   $(4*STEP), SI;                    \
	ADDQ   $128, AX;                         \
	ADDQ   $128, CX;                         \
	DECQ   R8;                               \
	JNZ    l32;                              \
rest:                                        \
	MOVQ   avx2FloatArgs_rest8(DI), R8;      \
	TESTQ  R8, R8;                           \
	JZ     tail;                             \
	STEPS8(RLD, C0, STEP, RTAIL, FDT, epi);  \
epi:                                         \
	MOVQ   avx2FloatArgs_outp(DI), DX;       \
	MOVQ   avx2FloatArgs_outStride(DI), R12; \
	FE;                                      \
	ADDQ   $4, avx2FloatArgs_outp(DI);       \
	ADDQ   avx2FloatArgs_rowSkip(DI), SI;    \
	DECQ   R14;                              \
	JNZ    row;                              \
	VZEROUPPER;                              \
	RET

DOTF(·avx2DotF32X1, RLD32, RTAIL32, 32, FDX1_0, FDX1_1, FDX1_2, FDX1_3, FDT1, FE1)
DOTF(·avx2DotF32X2, RLD32, RTAIL32, 32, FDX2_E(0), FDX2_O(1), FDX2_E(2), FDX2_O(3), FDT2, FE2)
DOTF(·avx2DotF32X3, RLD32, RTAIL32, 32, FDX3_E(0), FDX3_O(1), FDX3_E(2), FDX3_O(3), FDT3, FE3)
DOTF(·avx2DotF32X4, RLD32, RTAIL32, 32, FDX4_E(0), FDX4_O(1), FDX4_E(2), FDX4_O(3), FDT4, FE4)
DOTF(·avx2DotF16X1, RLD16, RTAIL16, 16, FDX1_0, FDX1_1, FDX1_2, FDX1_3, FDT1, FE1)
DOTF(·avx2DotF16X2, RLD16, RTAIL16, 16, FDX2_E(0), FDX2_O(1), FDX2_E(2), FDX2_O(3), FDT2, FE2)
DOTF(·avx2DotF16X3, RLD16, RTAIL16, 16, FDX3_E(0), FDX3_O(1), FDX3_E(2), FDX3_O(3), FDT3, FE3)
DOTF(·avx2DotF16X4, RLD16, RTAIL16, 16, FDX4_E(0), FDX4_O(1), FDX4_E(2), FDX4_O(3), FDT4, FE4)

// ---- AddWeighted ----

// Chunk of the row (Y0) times each weight (Y8+j) added to the y rows; the
// last weight row's FMA reads y from memory and overwrites Y0.
#define AWF(ADDR, W) \
	VMOVUPS     ADDR, Y2;     \
	VFMADD231PS W, Y0, Y2;    \
	VMOVUPS     Y2, ADDR
#define AWL(ADDR, W) \
	VFMADD213PS ADDR, W, Y0;  \
	VMOVUPS     Y0, ADDR
#define AWC1 AWL((AX), Y8)
#define AWC2 AWF((AX), Y8); AWL((AX)(BX*1), Y9)
#define AWC3 AWF((AX), Y8); AWF((AX)(BX*1), Y9); AWL((CX), Y10)
#define AWC4 AWF((AX), Y8); AWF((AX)(BX*1), Y9); AWF((CX), Y10); AWL((CX)(BX*1), Y11)

// The tail, masked (Y1).
#define AWT(ADDR, W) \
	VMASKMOVPS  ADDR, Y1, Y2; \
	VFMADD231PS W, Y0, Y2;    \
	VMASKMOVPS  Y2, Y1, ADDR
#define AWT1 AWT((AX), Y8)
#define AWT2 AWT1; AWT((AX)(BX*1), Y9)
#define AWT3 AWT2; AWT((CX), Y10)
#define AWT4 AWT3; AWT((CX)(BX*1), Y11)

// The weights of the row, broadcast.
#define AWW1 VBROADCASTSS (R13), Y8
#define AWW2 AWW1; VBROADCASTSS 4(R13), Y9
#define AWW3 AWW2; VBROADCASTSS 8(R13), Y10
#define AWW4 AWW3; VBROADCASTSS 12(R13), Y11

#define ADDWF(NAME, RLD, RTAIL, STEP, AWW, AWC, AWT) \
	ARGS_TEXT(NAME);                          \
	MOVQ avx2FloatArgs_data(DI), SI;          \
	MOVQ avx2FloatArgs_qStride(DI), BX;       \
	MOVQ avx2FloatArgs_w(DI), R13;            \
	MOVQ avx2FloatArgs_rows(DI), R14;         \
row:                                          \
	MOVQ   avx2FloatArgs_q(DI), AX;           \
	LEAQ   (AX)(BX*2), CX;                    \
	AWW;                                      \
	MOVQ   avx2FloatArgs_chunks8(DI), R8;     \
	TESTQ  R8, R8;                            \
	JZ     tail;                              \
	STEPS8(RLD, AWC, STEP, RTAIL, AWT, next); \
next:                                         \
	ADDQ   $16, R13;                          \
	ADDQ   avx2FloatArgs_rowSkip(DI), SI;     \
	DECQ   R14;                               \
	JNZ    row;                               \
	VZEROUPPER;                               \
	RET

ADDWF(·avx2AddWeightedF32X1, RLD32, RTAIL32, 32, AWW1, AWC1, AWT1)
ADDWF(·avx2AddWeightedF32X2, RLD32, RTAIL32, 32, AWW2, AWC2, AWT2)
ADDWF(·avx2AddWeightedF32X3, RLD32, RTAIL32, 32, AWW3, AWC3, AWT3)
ADDWF(·avx2AddWeightedF32X4, RLD32, RTAIL32, 32, AWW4, AWC4, AWT4)
ADDWF(·avx2AddWeightedF16X1, RLD16, RTAIL16, 16, AWW1, AWC1, AWT1)
ADDWF(·avx2AddWeightedF16X2, RLD16, RTAIL16, 16, AWW2, AWC2, AWT2)
ADDWF(·avx2AddWeightedF16X3, RLD16, RTAIL16, 16, AWW3, AWC3, AWT3)
ADDWF(·avx2AddWeightedF16X4, RLD16, RTAIL16, 16, AWW4, AWC4, AWT4)
