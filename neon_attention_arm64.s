//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "neon_arm64.h"

// The attention kernels (see attnKernels in attention.go) on a
// neonAttnArgs at R0. Scores and values run one microkernel: 6 rows × 16
// keys (scores) or 6 rows × 16 columns (values) in 24 accumulators, V0-V23
// (row i in V(4i) to V(4i+3)), fed per step by one load of four vectors
// (V24-V27: 16 keys of a value c, or 16 columns of a value row) and six
// load-and-replicates of the rows' values (V28, V29 in turn): 24 FMLA for
// 96 multiply-adds.
//
// Instructions per 32 multiply-adds: 8 FMLA, 0.33 vector loads (of four
// registers), 2 replicating loads, 0.67 loop instructions (SUBS, BNE).

// STEP6R: the six rows' next values (post-incremented pointers R10-R15)
// times V24-V27 into the accumulators.
#define STEP6R \
	VLD1R.P 4(R10), [V28.S4] \
	VFMLA   V24.S4, V28.S4, V0.S4 \
	VFMLA   V25.S4, V28.S4, V1.S4 \
	VFMLA   V26.S4, V28.S4, V2.S4 \
	VFMLA   V27.S4, V28.S4, V3.S4 \
	VLD1R.P 4(R11), [V29.S4] \
	VFMLA   V24.S4, V29.S4, V4.S4 \
	VFMLA   V25.S4, V29.S4, V5.S4 \
	VFMLA   V26.S4, V29.S4, V6.S4 \
	VFMLA   V27.S4, V29.S4, V7.S4 \
	VLD1R.P 4(R12), [V28.S4] \
	VFMLA   V24.S4, V28.S4, V8.S4 \
	VFMLA   V25.S4, V28.S4, V9.S4 \
	VFMLA   V26.S4, V28.S4, V10.S4 \
	VFMLA   V27.S4, V28.S4, V11.S4 \
	VLD1R.P 4(R13), [V29.S4] \
	VFMLA   V24.S4, V29.S4, V12.S4 \
	VFMLA   V25.S4, V29.S4, V13.S4 \
	VFMLA   V26.S4, V29.S4, V14.S4 \
	VFMLA   V27.S4, V29.S4, V15.S4 \
	VLD1R.P 4(R14), [V28.S4] \
	VFMLA   V24.S4, V28.S4, V16.S4 \
	VFMLA   V25.S4, V28.S4, V17.S4 \
	VFMLA   V26.S4, V28.S4, V18.S4 \
	VFMLA   V27.S4, V28.S4, V19.S4 \
	VLD1R.P 4(R15), [V29.S4] \
	VFMLA   V24.S4, V29.S4, V20.S4 \
	VFMLA   V25.S4, V29.S4, V21.S4 \
	VFMLA   V26.S4, V29.S4, V22.S4 \
	VFMLA   V27.S4, V29.S4, V23.S4

// ROWS6(B, S): R10-R15 = the six rows from B, S bytes apart.
#define ROWS6(B, S) \
	MOVD B, R10 \
	ADD  S, R10, R11 \
	ADD  S, R11, R12 \
	ADD  S, R12, R13 \
	ADD  S, R13, R14 \
	ADD  S, R14, R15

// STORE6(P, S): the accumulators to six rows of 16 values from P, S bytes
// apart (uses R19).
#define STORE6(P, S) \
	MOVD P, R19 \
	VST1 [V0.S4, V1.S4, V2.S4, V3.S4], (R19) \
	ADD  S, R19 \
	VST1 [V4.S4, V5.S4, V6.S4, V7.S4], (R19) \
	ADD  S, R19 \
	VST1 [V8.S4, V9.S4, V10.S4, V11.S4], (R19) \
	ADD  S, R19 \
	VST1 [V12.S4, V13.S4, V14.S4, V15.S4], (R19) \
	ADD  S, R19 \
	VST1 [V16.S4, V17.S4, V18.S4, V19.S4], (R19) \
	ADD  S, R19 \
	VST1 [V20.S4, V21.S4, V22.S4, V23.S4], (R19)

// func neonAttentionScores(a *neonAttnArgs)
//
// s[r][16j+i] = Σ_c x[r][c] · y[j][c][i]: rows (a multiple of 6) query
// rows of cols values (xStride bytes apart) times strips of 16 keys
// transposed (16·cols values each), into s (sStride bytes between rows);
// strip by strip, six rows at a time.
TEXT ·neonAttentionScores(SB), NOSPLIT, $0-8
	MOVD a+0(FP), R0
	MOVD neonAttnArgs_xStride(R0), R1
	MOVD neonAttnArgs_y(R0), R2
	MOVD neonAttnArgs_s(R0), R3
	MOVD neonAttnArgs_strips(R0), R4
	MOVD neonAttnArgs_sStride(R0), R5
	ADD  R1<<1, R1, R9
	LSL  $1, R9                       // 6 query rows

sc_strip:
	MOVD neonAttnArgs_x(R0), R6
	MOVD R3, R7
	MOVD neonAttnArgs_rows(R0), R8

sc_rows:
	VZERO4(V0, V1, V2, V3)
	VZERO4(V4, V5, V6, V7)
	VZERO4(V8, V9, V10, V11)
	VZERO4(V12, V13, V14, V15)
	VZERO4(V16, V17, V18, V19)
	VZERO4(V20, V21, V22, V23)
	ROWS6(R6, R1)
	MOVD R2, R16
	MOVD neonAttnArgs_cols(R0), R17

sc_c:
	VLD1.P 64(R16), [V24.S4, V25.S4, V26.S4, V27.S4]
	STEP6R
	SUBS   $1, R17
	BNE    sc_c

	STORE6(R7, R5)
	ADD  R5, R19, R7
	ADD  R9, R6
	SUBS $6, R8
	BNE  sc_rows

	MOVD neonAttnArgs_cols(R0), R17
	ADD  R17<<6, R2
	ADD  $64, R3
	SUBS $1, R4
	BNE  sc_strip
	RET

// func neonAttentionValues(a *neonAttnArgs)
//
// x[r][c] = beta[r]·x[r][c] + Σ_{k<cols} s[r][k]·y[c/16][k][c%16]: rows (a
// multiple of 6) output rows (xStride bytes apart) of strips·16 columns,
// cols keys of probabilities (s, sStride) and the values in strips of 16
// columns (64 bytes a key, yStride bytes from one strip to the next);
// strip by strip, six rows at a time.
TEXT ·neonAttentionValues(SB), NOSPLIT, $0-8
	MOVD a+0(FP), R0
	MOVD neonAttnArgs_sStride(R0), R1
	MOVD neonAttnArgs_yStride(R0), R2
	MOVD neonAttnArgs_y(R0), R3
	MOVD neonAttnArgs_x(R0), R4
	MOVD neonAttnArgs_strips(R0), R5
	MOVD neonAttnArgs_xStride(R0), R6
	ADD  R1<<1, R1, R21
	LSL  $1, R21                      // 6 probability rows
	ADD  R6<<1, R6, R22
	LSL  $1, R22                      // 6 output rows

va_strip:
	MOVD neonAttnArgs_s(R0), R7
	MOVD R4, R8
	MOVD neonAttnArgs_beta(R0), R9
	MOVD neonAttnArgs_rows(R0), R20

va_rows:
	// The accumulators: beta[r] times the outputs so far.
	MOVD    R8, R19
	VLD1    (R19), [V0.S4, V1.S4, V2.S4, V3.S4]
	ADD     R6, R19
	VLD1    (R19), [V4.S4, V5.S4, V6.S4, V7.S4]
	ADD     R6, R19
	VLD1    (R19), [V8.S4, V9.S4, V10.S4, V11.S4]
	ADD     R6, R19
	VLD1    (R19), [V12.S4, V13.S4, V14.S4, V15.S4]
	ADD     R6, R19
	VLD1    (R19), [V16.S4, V17.S4, V18.S4, V19.S4]
	ADD     R6, R19
	VLD1    (R19), [V20.S4, V21.S4, V22.S4, V23.S4]
	VLD1.P  16(R9), [V28.S4]
	VLD1.P  8(R9), [V29.S2]
	WFMULE(0, 0, 28, 0)
	WFMULE(1, 1, 28, 0)
	WFMULE(2, 2, 28, 0)
	WFMULE(3, 3, 28, 0)
	WFMULE(4, 4, 28, 1)
	WFMULE(5, 5, 28, 1)
	WFMULE(6, 6, 28, 1)
	WFMULE(7, 7, 28, 1)
	WFMULE(8, 8, 28, 2)
	WFMULE(9, 9, 28, 2)
	WFMULE(10, 10, 28, 2)
	WFMULE(11, 11, 28, 2)
	WFMULE(12, 12, 28, 3)
	WFMULE(13, 13, 28, 3)
	WFMULE(14, 14, 28, 3)
	WFMULE(15, 15, 28, 3)
	WFMULE(16, 16, 29, 0)
	WFMULE(17, 17, 29, 0)
	WFMULE(18, 18, 29, 0)
	WFMULE(19, 19, 29, 0)
	WFMULE(20, 20, 29, 1)
	WFMULE(21, 21, 29, 1)
	WFMULE(22, 22, 29, 1)
	WFMULE(23, 23, 29, 1)
	ROWS6(R7, R1)
	MOVD    R3, R16
	MOVD    neonAttnArgs_cols(R0), R17

va_k:
	VLD1.P 64(R16), [V24.S4, V25.S4, V26.S4, V27.S4]
	STEP6R
	SUBS $1, R17
	BNE  va_k

	STORE6(R8, R6)
	ADD  R22, R8
	ADD  R21, R7
	SUBS $6, R20
	BNE  va_rows

	ADD  R2, R3
	ADD  $64, R4
	SUBS $1, R5
	BNE  va_strip
	RET

// func neonAttentionSoftmax(a *neonAttnArgs)
//
// One tile of the online softmax (attnKernels.softmax) on rows rows of
// cols vectors of 4 at s (sStride bytes apart); the ranges at x (int32
// pairs), m, l, beta and mt per row; the copy of the probabilities at y
// (yStride bytes apart). Per row: a pass for the max (a row
// whose range is the whole tile, without a soft cap, is only read; else
// each vector is capped, masked to its range with -Inf, and stored), then
// exp(x - m') stored and summed (EXP4).
//
// Registers: R1 the row, R2 its index, R3-R7 the ranges, m, l, beta, mt,
// R13 the copy's row;
// V16 the max, V18 the sum, V17 the lane indexes of a vector, V8 and V9
// the range's first index - 1 and end, V10 -Inf, V11 4 (int32), V12 and
// V13 the soft cap and its inverse, V14 -2, V15 the sign bit, V19 EXP4's
// max, V20-V31 its constants.
//
// Instructions per 4 values: 2 (max of a whole row) or 10 (masked; 12
// more with a soft cap), then 28 (exp, two stores, sum).
TEXT ·neonAttentionSoftmax(SB), NOSPLIT, $0-8
	MOVD  a+0(FP), R0
	EXP4_INIT(R8, R9)
	MOVD  neonAttnArgs_s(R0), R1
	MOVD  $0, R2
	MOVD  neonAttnArgs_x(R0), R3
	MOVD  neonAttnArgs_m(R0), R4
	MOVD  neonAttnArgs_l(R0), R5
	MOVD  neonAttnArgs_beta(R0), R6
	MOVD  neonAttnArgs_mt(R0), R7
	MOVW  $0xff800000, R8
	VDUP  R8, V10.S4
	MOVW  $4, R8
	VDUP  R8, V11.S4
	FMOVS neonAttnArgs_softCap(R0), F12
	VDUP  V12.S[0], V12.S4
	FMOVS neonAttnArgs_invCap(R0), F13
	VDUP  V13.S[0], V13.S4
	MOVW  $0xc0000000, R8
	VDUP  R8, V14.S4
	MOVW  $0x80000000, R8
	VDUP  R8, V15.S4
	MOVWU neonAttnArgs_softCap(R0), R16   // non-zero: soft cap
	MOVD  neonAttnArgs_y(R0), R13          // the copy's row

sm_row:
	MOVW  (R3), R8                // a
	MOVW  4(R3), R9               // b
	CMP   R9, R8
	BGE   sm_empty
	FMOVS (R4)(R2<<2), F16
	VDUP  V16.S[0], V16.S4
	MOVD  neonAttnArgs_cols(R0), R10
	MOVD  R1, R11
	CBNZ  R8, sm_masked
	CMP   R10<<2, R9
	BNE   sm_masked
	CBNZ  R16, sm_masked

sm_max:
	VLD1.P 16(R11), [V0.S4]
	WFMAX(16, 16, 0)
	SUBS   $1, R10
	BNE    sm_max
	B      sm_exp0

sm_masked:
	MOVD $·neonAttnLanes(SB), R12
	VLD1 (R12), [V17.S4]
	SUB  $1, R8, R12
	VDUP R12, V8.S4
	VDUP R9, V9.S4
	VEOR V19.B16, V19.B16, V19.B16 // EXP4 of the soft cap subtracts 0

sm_mask:
	VLD1 (R11), [V0.S4]
	CBZ  R16, sm_nocap
	WFMUL(1, 0, 13)                // y = x/cap
	WFABS(0, 1)
	WFMUL(0, 0, 14)                // -2|y|
	EXP4(V0, 0)                    // e
	WFSUB(2, 30, 0)                // 1 - e
	WFADD(0, 0, 30)                // 1 + e
	WFDIV(2, 2, 0)
	VAND V15.B16, V1.B16, V1.B16
	VORR V1.B16, V2.B16, V2.B16    // tanh(y)
	WFMUL(0, 2, 12)

sm_nocap:
	WCMGT(1, 17, 8)                // index > a-1
	WCMGT(2, 9, 17)                // b > index
	VAND   V2.B16, V1.B16, V1.B16
	VBSL   V10.B16, V0.B16, V1.B16 // x where visible, else -Inf
	VST1.P [V1.S4], 16(R11)
	WFMAX(16, 16, 1)
	VADD   V11.S4, V17.S4, V17.S4
	SUBS   $1, R10
	BNE    sm_mask

sm_exp0:
	// m' = the max; beta = exp(m - m'); m = mt = m'.
	WFMAXV(16, 16)
	VDUP  V16.S[0], V19.S4
	FMOVS (R4)(R2<<2), F0
	VDUP  V0.S[0], V0.S4
	EXP4(V0, 0)
	FMOVS F0, (R6)(R2<<2)
	FMOVS F0, F9
	FMOVS F16, (R4)(R2<<2)
	FMOVS F16, (R7)(R2<<2)
	VEOR  V18.B16, V18.B16, V18.B16
	MOVD  R1, R11
	MOVD  R13, R14
	MOVD  neonAttnArgs_cols(R0), R10

sm_exp:
	VLD1   (R11), [V0.S4]
	EXP4(V0, 0)
	VST1.P [V0.S4], 16(R11)
	VST1.P [V0.S4], 16(R14)
	WFADD(18, 18, 0)
	SUBS   $1, R10
	BNE    sm_exp

	// l = l·beta + the sum.
	WFADDP(18, 18, 18)
	WFADDPS(18, 18)
	FMOVS (R5)(R2<<2), F0
	FMULS F9, F0
	FADDS F18, F0
	FMOVS F0, (R5)(R2<<2)
	B     sm_next

sm_empty:
	// No key of the tile is visible: zeros, beta 1, mt = m.
	VEOR V0.B16, V0.B16, V0.B16
	MOVD R1, R11
	MOVD R13, R14
	MOVD neonAttnArgs_cols(R0), R10

sm_zero:
	VST1.P [V0.S4], 16(R11)
	VST1.P [V0.S4], 16(R14)
	SUBS   $1, R10
	BNE    sm_zero
	MOVW   $0x3f800000, R8
	MOVW   R8, (R6)(R2<<2)
	MOVW   (R4)(R2<<2), R8
	MOVW   R8, (R7)(R2<<2)

sm_next:
	MOVD neonAttnArgs_sStride(R0), R8
	ADD  R8, R1
	MOVD neonAttnArgs_yStride(R0), R8
	ADD  R8, R13
	ADD  $8, R3
	ADD  $1, R2
	MOVD neonAttnArgs_rows(R0), R8
	CMP  R8, R2
	BLT  sm_row
	RET

// func neonAttentionColSums(a *neonAttnArgs)
//
// The importance sums of a block (attnKernels.colSums): first, per tile
// (strips of them, yStride bytes apart in mt and beta), beta = exp(mt -
// m) · l (l holds 1/sum) for the rows rows, four at a time and the rest
// one by one (lane 0); then x[k] = Σ_r beta[tile of k][r] · s[r][k] for
// k < 4·cols, four rows at a time (each streamed along its columns) and
// the last rows one by one.
//
// Instructions per 4 values of s: 1 FMLA, 1.25 loads (of s, and of the
// sums for four rows), 0.25 store, 0.25 loop.
TEXT ·neonAttentionColSums(SB), NOSPLIT, $0-8
	MOVD a+0(FP), R0
	EXP4_INIT(R8, R9)
	MOVD neonAttnArgs_yStride(R0), R10
	MOVD neonAttnArgs_mt(R0), R12
	MOVD neonAttnArgs_beta(R0), R13
	MOVD neonAttnArgs_strips(R0), R11

cs_tile:
	MOVD R12, R1
	MOVD neonAttnArgs_m(R0), R2
	MOVD neonAttnArgs_l(R0), R3
	MOVD R13, R4
	MOVD neonAttnArgs_rows(R0), R5

cs_alpha4:
	CMP    $4, R5
	BLT    cs_alpha1
	VLD1.P 16(R1), [V0.S4]
	VLD1.P 16(R2), [V19.S4]
	EXP4(V0, 0)
	VLD1.P 16(R3), [V1.S4]
	WFMUL(0, 0, 1)
	VST1.P [V0.S4], 16(R4)
	SUB    $4, R5
	B      cs_alpha4

cs_alpha1:
	CBZ     R5, cs_alpha_next
	FMOVS.P 4(R1), F0
	FMOVS.P 4(R2), F19
	EXP4(V0, 0)
	FMOVS.P 4(R3), F1
	FMULS   F1, F0
	FMOVS.P F0, 4(R4)
	SUB     $1, R5
	B       cs_alpha1

cs_alpha_next:
	ADD  R10, R12
	ADD  R10, R13
	SUBS $1, R11
	BNE  cs_tile

	// The sums start at zero.
	MOVD neonAttnArgs_x(R0), R6
	MOVD neonAttnArgs_cols(R0), R7
	VEOR V0.B16, V0.B16, V0.B16

cs_clear:
	VST1.P [V0.S4], 16(R6)
	SUBS   $1, R7
	BNE    cs_clear

	MOVD neonAttnArgs_sStride(R0), R8
	MOVD neonAttnArgs_s(R0), R13
	MOVD neonAttnArgs_beta(R0), R12
	MOVD neonAttnArgs_rows(R0), R11

cs_rows4:
	CMP  $4, R11
	BLT  cs_rows1
	MOVD R13, R1
	ADD  R8, R1, R2
	ADD  R8, R2, R3
	ADD  R8, R3, R4
	MOVD neonAttnArgs_x(R0), R6
	MOVD R12, R14
	MOVD neonAttnArgs_cols(R0), R7

cs_tile4:
	VLD1 (R14), [V16.S4]
	ADD  R10, R14
	MOVD $32, R9
	CMP  R9, R7
	CSEL LT, R7, R9, R9

cs_vec4:
	VLD1     (R6), [V0.S4]
	VLD1.P   16(R1), [V1.S4]
	VLD1.P   16(R2), [V2.S4]
	VLD1.P   16(R3), [V3.S4]
	VLD1.P   16(R4), [V4.S4]
	WFMLAE(0, 1, 16, 0)
	WFMLAE(0, 2, 16, 1)
	WFMLAE(0, 3, 16, 2)
	WFMLAE(0, 4, 16, 3)
	VST1.P   [V0.S4], 16(R6)
	SUB      $1, R7
	SUBS     $1, R9
	BNE      cs_vec4
	CBNZ     R7, cs_tile4
	ADD      R8<<2, R13
	ADD      $16, R12
	SUB      $4, R11
	B        cs_rows4

cs_rows1:
	CBZ  R11, cs_done
	MOVD R13, R1
	MOVD neonAttnArgs_x(R0), R6
	MOVD R12, R14
	MOVD neonAttnArgs_cols(R0), R7

cs_tile1:
	VLD1R (R14), [V16.S4]
	ADD   R10, R14
	MOVD  $32, R9
	CMP   R9, R7
	CSEL  LT, R7, R9, R9

cs_vec1:
	VLD1   (R6), [V0.S4]
	VLD1.P 16(R1), [V1.S4]
	VFMLA  V1.S4, V16.S4, V0.S4
	VST1.P [V0.S4], 16(R6)
	SUB    $1, R7
	SUBS   $1, R9
	BNE    cs_vec1
	CBNZ   R7, cs_tile1
	ADD    R8, R13
	ADD    $4, R12
	SUB    $1, R11
	B      cs_rows1

cs_done:
	RET
