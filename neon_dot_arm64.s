//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// DOTX adds the block (float codes in V0-V7) times 32 values of one query
// row, read from R16 on, to that query's accumulators A and B (two chains
// of four FMLA); R16 ends at the next query row (R17 = row stride - 128).
#define DOTX(A, B) \
	VLD1.P 64(R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	VFMLA V0.S4, V8.S4, A.S4 \
	VFMLA V1.S4, V9.S4, B.S4 \
	VFMLA V2.S4, V10.S4, A.S4 \
	VFMLA V3.S4, V11.S4, B.S4 \
	VLD1.P 64(R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	VFMLA V4.S4, V8.S4, A.S4 \
	VFMLA V5.S4, V9.S4, B.S4 \
	VFMLA V6.S4, V10.S4, A.S4 \
	VFMLA V7.S4, V11.S4, B.S4 \
	ADD R17, R16

// DOTX8 is DOTX for the 8 codes of an octet of a short block (in V0, V1):
// the 8 values of the query row at R16, then R16 moves to the next query
// row (R10 = row stride).
#define DOTX8(A, B) \
	VLD1 (R16), [V8.S4, V9.S4] \
	VFMLA V0.S4, V8.S4, A.S4 \
	VFMLA V1.S4, V9.S4, B.S4 \
	ADD R10, R16

// GROUPX folds one query's group sums (a, b) into its row accumulator r:
// r += (a+b)*scale + Σx*shift, scale and shift in V30 lanes 0 and 1, Σx
// read from R24.
#define GROUPX(a, b, r) \
	WFADD(a, a, b) \
	WFMLAE(r, a, 30, 0) \
	FMOVS (R24), F31 \
	WFMLAE(r, 31, 30, 1) \
	ADD R22, R24

// LANE_DOT_ARGS loads the arguments of the per-lane Dot kernels.
#define LANE_DOT_ARGS \
	MOVD out+0(FP), R0 \
	MOVD codes+8(FP), R1 \
	MOVD rows+16(FP), R2 \
	MOVD cols+24(FP), R3 \
	MOVD scales+32(FP), R14 \
	MOVD mins+40(FP), R15 \
	FMOVS negOff+48(FP), F27 \
	MOVD x+56(FP), R9 \
	MOVD xstride+64(FP), R10 \
	MOVD nq+72(FP), R11 \
	MOVD xs+80(FP), R12 \
	MOVD xsstride+88(FP), R5 \
	MOVD ostride+96(FP), R13

// FOLD_DOT_ARGS loads the arguments of neonDotCodes and neonDotCodesTail.
#define FOLD_DOT_ARGS \
	MOVD out+0(FP), R0 \
	CODE_ARGS \
	MOVD scales+40(FP), R5 \
	MOVD mins+48(FP), R6 \
	MOVD sstride+56(FP), R7 \
	MOVWU negOff+64(FP), R8 \
	MOVD x+72(FP), R9 \
	MOVD xstride+80(FP), R10 \
	MOVD nq+88(FP), R11 \
	MOVD xs+96(FP), R12 \
	MOVD ostride+104(FP), R13

// func neonDotCodes(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride int, negOff float32, x *float32, xstride, nq int, xs *float32, ostride int)
//
// neonDotCodes adds to out[j*ostride + i] (bytes: j*ostride + 4*i), for
// rows i < rows and query rows j < nq (1 to 4), the dot product of row i
// (groups groups of group codes (a multiple of 32), one per byte at codes, rows after each
// other; scales and mins of row i from byte i*sstride) with query row j
// (from byte j*xstride of x): per group
//
//	scale * Σ q*x + shift * xs[j*groups + g]
//
// where xs holds each query row's Σx per group and shift is the min, or
// scale*negOff (negOff = -2^(Bits-1)) when mins is nil. The codes of a block
// are widened to float once (TBL to uint32 lanes, UCVTF) for all query rows.
//
// Instructions per 32 values: 34 for one query row (1 load, 8 TBL,
// 8 UCVTF, 2 loads and 8 FMLA of the query, pointer steps, query test, loop
// control), 13 for each further query row; per group and query 5 more
// (the fold). AVX2 (8 lanes a vector) unpacks in registers instead and
// needs about half: 18 for 4-bit codes and one query row.
TEXT ·neonDotCodes(SB), NOSPLIT, $0-112
	FOLD_DOT_ARGS
#include "neon_dot_fold_arm64.h"

// func neonDotCodesTail(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride int, negOff float32, x *float32, xstride, nq int, xs *float32, ostride int)
//
// neonDotCodesTail is neonDotCodes for groups of 8k values (k >= 3) that
// are not a multiple of 32: the short last block of each group (8, 16 or
// 24 values) runs an octet at a time, 10 instructions per octet and 5 per
// query row; 2 more per group.
#define FOLD_TAIL
TEXT ·neonDotCodesTail(SB), NOSPLIT, $0-112
	FOLD_DOT_ARGS
#include "neon_dot_fold_arm64.h"
#undef FOLD_TAIL

// ---- The per-lane kernels: groups of 8 and 16 values, several groups a
// block. The codes of a block are multiplied by their group's scale (FMUL
// by element: scales stay in the lanes of one register, a block of 4 or 2
// groups), so a row needs no per-group fold: each query row's two
// accumulators run the whole row, and the shifts join them as
// shift·Σx, a vector of the block's groups times their Σx.

// LZERO clears one query row's accumulators; LROWX adds their lanes to
// its output (ROWX).
#define LZERO(A, B) \
	VEOR A.B16, A.B16, A.B16 \
	VEOR B.B16, B.B16, B.B16

#define LROWX(a, b) \
	WFADD(a, a, b) \
	ROWX(a)

// LDOTX adds one query row's products with a block (scaled codes in
// V0-V7) and its shifts times Σx to its accumulators A and B.
#define LDOTX(A, B) \
	VLD1.P 64(R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	VFMLA V0.S4, V8.S4, A.S4 \
	VFMLA V1.S4, V9.S4, B.S4 \
	VFMLA V2.S4, V10.S4, A.S4 \
	VFMLA V3.S4, V11.S4, B.S4 \
	VLD1.P (R16)(R6), [V8.S4, V9.S4, V10.S4, V11.S4] \
	VFMLA V4.S4, V8.S4, A.S4 \
	VFMLA V5.S4, V9.S4, B.S4 \
	VFMLA V6.S4, V10.S4, A.S4 \
	VFMLA V7.S4, V11.S4, B.S4 \
	XS_B \
	VFMLA V25.S4, V26.S4, A.S4

// LANE_BLOCK(end) scales the codes of a block and runs LDOTX for each
// query row; LANE_BLOCK_END moves to the next block.
#define LANE_BLOCK(end) \
	SCALE_B \
	MOVD R23, R16 \
	MOVD R21, R17 \
	EACHX(LDOTX(V16, V20), LDOTX(V17, V21), LDOTX(V18, V22), LDOTX(V19, V23), end)

#define LANE_BLOCK_END \
	ADD $128, R23 \
	ADD $XSB, R21 \
	SUBS $1, R20

// The half block (16 values) and the quarter block (8) that end a row of
// cols%32 = 16, 24 or 8 values. HDOTX and QDOTX are LDOTX for them, with
// XS_H and XS_Q the Σx of their groups.
#define HDOTX(A, B) \
	VLD1 (R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	ADD R10, R16 \
	VFMLA V0.S4, V8.S4, A.S4 \
	VFMLA V1.S4, V9.S4, B.S4 \
	VFMLA V2.S4, V10.S4, A.S4 \
	VFMLA V3.S4, V11.S4, B.S4 \
	XS_H \
	VFMLA V25.S4, V26.S4, A.S4

#define QDOTX(A, B) \
	VLD1 (R16), [V8.S4, V9.S4] \
	ADD R10, R16 \
	VFMLA V0.S4, V8.S4, A.S4 \
	VFMLA V1.S4, V9.S4, B.S4 \
	FMOVS (R17), F26 \
	ADD R5, R17 \
	VFMLA V25.S4, V26.S4, A.S4

// LSCALE1(S, M, sym, done): the fp16 scale at R14 into lane 0 of VS as
// float32, its min at R15 (or scale*negOff when R15 is 0) into VM, the
// other lanes 0.
#define LSCALE1(sym, done) \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24) \
	CBZ R15, sym \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25) \
	B done \
sym: \
	WFMULE(25, 24, 27, 0) \
done:

// HALF(SCALES, SCALE, end): the half block, its groups' scales and shifts
// loaded by SCALES, the codes scaled by SCALE.
#define HALF(SCALES, SCALE, end) \
	VLD1.P 16(R1), [V28.B16] \
	TBL4(V12, V13, V14, V15, V28, V0, V1, V2, V3) \
	UCVTF4(0) \
	SCALES \
	SCALE \
	MOVD R23, R16 \
	MOVD R21, R17 \
	EACHX(HDOTX(V16, V20), HDOTX(V17, V21), HDOTX(V18, V22), HDOTX(V19, V23), end) \
end: \
	ADD $64, R23 \
	ADD $(XSB/2), R21

#define QUARTER(end) \
	FMOVD.P 8(R1), F28 \
	VTBL V12.B16, [V28.B16], V0.B16 \
	VTBL V13.B16, [V28.B16], V1.B16 \
	WUCVTF(0, 0) \
	WUCVTF(1, 1) \
	LSCALE1(qsym, qscaled) \
	WFMULE(0, 0, 24, 0) \
	WFMULE(1, 1, 24, 0) \
	MOVD R23, R16 \
	MOVD R21, R17 \
	EACHX(QDOTX(V16, V20), QDOTX(V17, V21), QDOTX(V18, V22), QDOTX(V19, V23), end) \
end:

// Groups of 8: a block holds 4 groups (lanes 0-3 of the scales), a half
// block 2, a quarter 1.
#define SCALES8_H \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24) \
	CBZ R15, hsym8 \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25) \
	B hscaled8 \
hsym8: \
	WFMULE(25, 24, 27, 0) \
hscaled8:

#define SCALE8_H \
	WFMULE(0, 0, 24, 0) \
	WFMULE(1, 1, 24, 0) \
	WFMULE(2, 2, 24, 1) \
	WFMULE(3, 3, 24, 1)

#define SCALES_B \
	FMOVD.P 8(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVD.P 8(R15), F25 \
	WFCVTL(25, 25)
#define SCALE_B \
	SCALE8_H \
	WFMULE(4, 4, 24, 2) \
	WFMULE(5, 5, 24, 2) \
	WFMULE(6, 6, 24, 3) \
	WFMULE(7, 7, 24, 3)
#define XS_B VLD1.P (R17)(R5), [V26.S4]
#define XS_H VLD1.P (R17)(R5), [V26.S2]
#define XSB 16
#define TAIL \
	TBZ $4, R4, quarter \
	HALF(SCALES8_H, SCALE8_H, halfend) \
quarter: \
	TBZ $3, R4, rowend \
	QUARTER(quarterend)

// func neonDotCodesG8(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *float32, xstride, nq int, xs *float32, xsstride, ostride int)
//
// neonDotCodesG8 is neonDotCodes for groups of 8 values, rows of cols
// values (a multiple of 8; rows after each other at codes, their scales
// and mins too): out[j*ostride + i] (bytes) += Σ_c scale*q_c*x_c +
// Σ_g shift_g*xs[g], with xs (query row j at byte j*xsstride) each group's
// Σx. Instructions per 32 values (a block of 4 groups): 35 shared (load,
// 8 TBL, 8 UCVTF, 4 to load and widen the scales and mins, 8 FMUL by
// element, loop control) and 14 per query row (2 loads of x, 8 FMLA, the
// load of Σx and its FMLA with the shifts, the query test); per row 4 and
// 9 per query row (clearing, summing and adding the accumulators).
TEXT ·neonDotCodesG8(SB), NOSPLIT, $0-104
	LANE_DOT_ARGS
#include "neon_dot_lane_arm64.h"

#undef SCALES_B
#undef MINS_B
#undef SCALE_B
#undef XS_B
#undef XS_H
#undef XSB
#undef TAIL

// Groups of 16: a block holds 2 groups (lanes 0-1), a half block 1.
#define SCALES_B \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25)
#define SCALE_B \
	WFMULE(0, 0, 24, 0) \
	WFMULE(1, 1, 24, 0) \
	WFMULE(2, 2, 24, 0) \
	WFMULE(3, 3, 24, 0) \
	WFMULE(4, 4, 24, 1) \
	WFMULE(5, 5, 24, 1) \
	WFMULE(6, 6, 24, 1) \
	WFMULE(7, 7, 24, 1)
#define SCALE16_H \
	WFMULE(0, 0, 24, 0) \
	WFMULE(1, 1, 24, 0) \
	WFMULE(2, 2, 24, 0) \
	WFMULE(3, 3, 24, 0)
#define XS_B VLD1.P (R17)(R5), [V26.S2]
#define XS_H \
	FMOVS (R17), F26 \
	ADD R5, R17
#define XSB 8
#define TAIL \
	TBZ $4, R4, rowend \
	HALF(LSCALE1(hsym16, hscaled16), SCALE16_H, halfend)

// func neonDotCodesG16(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *float32, xstride, nq int, xs *float32, xsstride, ostride int)
//
// neonDotCodesG16 is neonDotCodesG8 for groups of 16 values (cols a
// multiple of 16): the same budget per 32 values, 2 groups a block.
TEXT ·neonDotCodesG16(SB), NOSPLIT, $0-104
	LANE_DOT_ARGS
#include "neon_dot_lane_arm64.h"

#undef SCALES_B
#undef MINS_B
#undef SCALE_B
#undef XS_B
#undef XS_H
#undef XSB
#undef TAIL

// Groups of 32: a block is a group (lane 0), rows have no tail.
#define SCALES_B \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24)
#define MINS_B \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25)
#define SCALE_B \
	SCALE16_H \
	WFMULE(4, 4, 24, 0) \
	WFMULE(5, 5, 24, 0) \
	WFMULE(6, 6, 24, 0) \
	WFMULE(7, 7, 24, 0)
#define XS_B \
	FMOVS (R17), F26 \
	ADD R5, R17
#define XSB 4
#define TAIL

// func neonDotCodesG32(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *float32, xstride, nq int, xs *float32, xsstride, ostride int)
//
// neonDotCodesG32 is neonDotCodesG8 for groups of 32 values, a group a
// block: 37 instructions per 32 values shared (the scale and min loaded
// one at a time) and 15 per query row.
TEXT ·neonDotCodesG32(SB), NOSPLIT, $0-104
	LANE_DOT_ARGS
#include "neon_dot_lane_arm64.h"
