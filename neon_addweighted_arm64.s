//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// AWX adds one query row's w*scale (lane L of V17) times the block (float
// codes in V0-V7) to its 32 values of y at R16, then moves R16 to the next
// query row's y (R5 = y row stride - 128).
#define AWX(L) \
	AW16(0, L) \
	AW16(4, L) \
	ADD R5, R16

// AW16(B, L): 16 values of y at R16 (post-incremented) += lane L of V17
// times the codes in VB to VB+3.
#define AW16(B, L) \
	VLD1 (R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	WFMLAE(8, B, 17, L) \
	WFMLAE(9, B+1, 17, L) \
	WFMLAE(10, B+2, 17, L) \
	WFMLAE(11, B+3, 17, L) \
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(R16)

// AWX8 is AWX for the 8 codes of an octet of a short block (in V0, V1):
// 8 values of y at R16, then R16 moves to the next query row's y (R13 =
// y row stride).
#define AWX8(L) \
	VLD1 (R16), [V8.S4, V9.S4] \
	WFMLAE(8, 0, 17, L) \
	WFMLAE(9, 1, 17, L) \
	VST1 [V8.S4, V9.S4], (R16) \
	ADD R13, R16

// WLANE loads w of query row L (at R16) into lane L of V16.
#define WLANE(L) \
	FMOVS (R16), F31 \
	VMOV V31.S[0], V16.S[L] \
	ADD R10, R16

// LANE_AW_ARGS loads the arguments of the per-lane AddWeighted kernels.
#define LANE_AW_ARGS \
	MOVD y+0(FP), R22 \
	MOVD codes+8(FP), R1 \
	MOVD rows+16(FP), R2 \
	MOVD cols+24(FP), R3 \
	MOVD scales+32(FP), R14 \
	MOVD mins+40(FP), R15 \
	FMOVS negOff+48(FP), F30 \
	MOVD w+56(FP), R9 \
	MOVD wstride+64(FP), R10 \
	MOVD nq+72(FP), R11 \
	MOVD ystride+80(FP), R13 \
	MOVD wm+88(FP), R12 \
	MOVD wmstride+96(FP), R6

// FOLD_AW_ARGS loads the arguments of neonAddWeightedCodes and
// neonAddWeightedCodesTail.
#define FOLD_AW_ARGS \
	MOVD y+0(FP), R22 \
	CODE_ARGS \
	MOVD scales+40(FP), R14 \
	MOVD mins+48(FP), R15 \
	MOVWU negOff+56(FP), R8 \
	MOVD w+64(FP), R9 \
	MOVD wstride+72(FP), R10 \
	MOVD nq+80(FP), R11 \
	MOVD ystride+88(FP), R13 \
	MOVD wm+96(FP), R12

// func neonAddWeightedCodes(y *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32)
//
// neonAddWeightedCodes adds, for rows i < rows (groups groups of group
// codes (a multiple of 32), one per byte at codes, rows after each other; scales and mins run
// on from row to row) and query rows j < nq (1 to 4), w_ji*scale*q to the
// values of y row j (at byte j*ystride of y), with w_ji at byte
// j*wstride + 4*i of w; and it adds w_ji*shift to wm[4*g + j] (shift = min,
// or scale*negOff when mins is nil), which the caller adds to every value of
// group g afterwards. The codes of a block are widened to float once for
// every query row.
//
// Instructions per 32 values: 21 shared (1 load, 8 TBL, 8 UCVTF, pointer
// step, loop control) and 15 per query row (4 loads and stores of y, 8 FMLA
// by element, pointer step and query test); per group 9 more.
TEXT ·neonAddWeightedCodes(SB), NOSPLIT, $0-104
	FOLD_AW_ARGS
#include "neon_addweighted_fold_arm64.h"

// func neonAddWeightedCodesTail(y *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32)
//
// neonAddWeightedCodesTail is neonAddWeightedCodes for groups of 8k values
// (k >= 3) that are not a multiple of 32: the short last block of each
// group (8, 16 or 24 values) runs an octet at a time, 8 instructions per
// octet and 6 per weight row; 2 more per group.
#define FOLD_TAIL
TEXT ·neonAddWeightedCodesTail(SB), NOSPLIT, $0-104
	FOLD_AW_ARGS
#include "neon_addweighted_fold_arm64.h"
#undef FOLD_TAIL

// ---- The per-lane kernels: groups of 8 and 16 values, several groups a
// block. Each weight row's w times the block's scales (one FMUL by
// element: the scales in the lanes of one register) multiplies the codes
// by element, and w times the shifts joins its wm per lane.

// AWL(L, l0, l1, l2, l3, l4, l5, l6, l7): weight row L's block: w*scale
// (V26), then y (32 values at R16, which then moves to the next weight
// row's) += w*scale of each code's group (lanes l0-l7 for the 8 registers
// of codes) times the code, and its wm += w*shift (WMLD_B, WMST_B).
#define AWL(L, l0, l1, l2, l3, l4, l5, l6, l7) \
	WFMULE(26, 24, 16, L) \
	VLD1 (R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	WFMLAE(8, 0, 26, l0) \
	WFMLAE(9, 1, 26, l1) \
	WFMLAE(10, 2, 26, l2) \
	WFMLAE(11, 3, 26, l3) \
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(R16) \
	VLD1 (R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	WFMLAE(8, 4, 26, l4) \
	WFMLAE(9, 5, 26, l5) \
	WFMLAE(10, 6, 26, l6) \
	WFMLAE(11, 7, 26, l7) \
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], (R16)(R5) \
	WMLD_B \
	WFMLAE(27, 25, 16, L) \
	WMST_B

// LAW_BLOCK(end) runs AWL_B for each weight row; LAW_BLOCK_END moves to
// the next block.
#define LAW_BLOCK(end) \
	MOVD R23, R16 \
	MOVD R21, R17 \
	EACHX(AWL_B(0), AWL_B(1), AWL_B(2), AWL_B(3), end)

#define LAW_BLOCK_END \
	ADD $128, R23 \
	ADD $WMB, R21 \
	SUBS $1, R20

// AWH(L, l0, l1, l2, l3, WMLD, WMST) and AWQ(L, WMLD, WMST): the half
// block (16 values) and the quarter block (8) that end a row.
#define AWH(L, l0, l1, l2, l3, WMLD, WMST) \
	WFMULE(26, 24, 16, L) \
	VLD1 (R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	WFMLAE(8, 0, 26, l0) \
	WFMLAE(9, 1, 26, l1) \
	WFMLAE(10, 2, 26, l2) \
	WFMLAE(11, 3, 26, l3) \
	VST1 [V8.S4, V9.S4, V10.S4, V11.S4], (R16) \
	ADD R13, R16 \
	WMLD \
	WFMLAE(27, 25, 16, L) \
	WMST

#define AWQ(L) \
	WFMULE(26, 24, 16, L) \
	VLD1 (R16), [V8.S4, V9.S4] \
	WFMLAE(8, 0, 26, 0) \
	WFMLAE(9, 1, 26, 0) \
	VST1 [V8.S4, V9.S4], (R16) \
	ADD R13, R16 \
	WM1LD \
	WFMLAE(27, 25, 16, L) \
	WM1ST

// WM1LD, WM1ST: the wm of one group.
#define WM1LD FMOVS (R17), F27
#define WM1ST \
	FMOVS F27, (R17) \
	ADD R6, R17

// AWSCALE1(sym, done): one group's scale and shift into lane 0 of V24,
// V25, the other lanes 0.
#define AWSCALE1(sym, done) \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24) \
	CBZ R15, sym \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25) \
	B done \
sym: \
	WFMULE(25, 24, 30, 0) \
done:

#define AWHALF(SCALES, AWH0, AWH1, AWH2, AWH3, WMH, end) \
	VLD1.P 16(R1), [V28.B16] \
	TBL4(V12, V13, V14, V15, V28, V0, V1, V2, V3) \
	UCVTF4(0) \
	SCALES \
	MOVD R23, R16 \
	MOVD R21, R17 \
	EACHX(AWH0, AWH1, AWH2, AWH3, end) \
end: \
	ADD $64, R23 \
	ADD $WMH, R21

#define AWQUARTER(end) \
	FMOVD.P 8(R1), F28 \
	VTBL V12.B16, [V28.B16], V0.B16 \
	VTBL V13.B16, [V28.B16], V1.B16 \
	WUCVTF(0, 0) \
	WUCVTF(1, 1) \
	AWSCALE1(qsym, qscaled) \
	MOVD R23, R16 \
	MOVD R21, R17 \
	EACHX(AWQ(0), AWQ(1), AWQ(2), AWQ(3), end) \
end:

// Groups of 8: 4 a block, 2 a half block, 1 a quarter block.
#define SCALES_B \
	FMOVD.P 8(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVD.P 8(R15), F25 \
	WFCVTL(25, 25)
#define AWL_B(L) AWL(L, 0, 0, 1, 1, 2, 2, 3, 3)
#define WMLD_B VLD1 (R17), [V27.S4]
#define WMST_B VST1.P [V27.S4], (R17)(R6)
#define WMB 16
#define WM2LD VLD1 (R17), [V27.S2]
#define WM2ST VST1.P [V27.S2], (R17)(R6)
#define SCALES8_H \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24) \
	CBZ R15, hsym \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25) \
	B hscaled \
hsym: \
	WFMULE(25, 24, 30, 0) \
hscaled:
#define AWH8(L) AWH(L, 0, 0, 1, 1, WM2LD, WM2ST)
#define TAIL \
	TBZ $4, R4, quarter \
	AWHALF(SCALES8_H, AWH8(0), AWH8(1), AWH8(2), AWH8(3), 8, halfend) \
quarter: \
	TBZ $3, R4, rowend \
	AWQUARTER(quarterend)

// func neonAddWeightedCodesG8(y *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32, wmstride int)
//
// neonAddWeightedCodesG8 is neonAddWeightedCodes for groups of 8 values,
// rows of cols values (a multiple of 8; rows, their scales and mins after
// each other): y row j (at byte j*ystride) += w_ji*scale*q per value, and
// wm[g] of weight row j (at byte j*wmstride) += w_ji*shift_g, which the
// caller adds to the values of group g. Instructions per 32 values (a
// block of 4 groups): 25 shared (load, 8 TBL, 8 UCVTF, 4 to load and widen
// the scales and mins, pointers, loop control) and 19 per weight row
// (w*scale, 2 loads and 2 stores of y, 8 FMLA by element, load, FMLA and
// store of wm, the row test); per row 3 and 5 per weight row (its w).
TEXT ·neonAddWeightedCodesG8(SB), NOSPLIT, $0-104
	LANE_AW_ARGS
#include "neon_addweighted_lane_arm64.h"

#undef SCALES_B
#undef MINS_B
#undef AWL_B
#undef WMLD_B
#undef WMST_B
#undef WMB
#undef TAIL

// Groups of 16: 2 a block, 1 a half block.
#define SCALES_B \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25)
#define AWL_B(L) AWL(L, 0, 0, 0, 0, 1, 1, 1, 1)
#define WMLD_B VLD1 (R17), [V27.S2]
#define WMST_B VST1.P [V27.S2], (R17)(R6)
#define WMB 8
#define AWH16(L) AWH(L, 0, 0, 0, 0, WM1LD, WM1ST)
#define TAIL \
	TBZ $4, R4, rowend \
	AWHALF(AWSCALE1(hsym, hscaled), AWH16(0), AWH16(1), AWH16(2), AWH16(3), 4, halfend)

// func neonAddWeightedCodesG16(y *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32, wmstride int)
//
// neonAddWeightedCodesG16 is neonAddWeightedCodesG8 for groups of 16
// values (cols a multiple of 16), 2 a block: the same budget.
TEXT ·neonAddWeightedCodesG16(SB), NOSPLIT, $0-104
	LANE_AW_ARGS
#include "neon_addweighted_lane_arm64.h"

#undef SCALES_B
#undef MINS_B
#undef AWL_B
#undef WMLD_B
#undef WMST_B
#undef WMB
#undef TAIL

// Groups of 32: a block is a group, rows have no tail.
#define SCALES_B \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24)
#define MINS_B \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25)
#define AWL_B(L) AWL(L, 0, 0, 0, 0, 0, 0, 0, 0)
#define WMLD_B WM1LD
#define WMST_B WM1ST
#define WMB 4
#define TAIL

// func neonAddWeightedCodesG32(y *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32, wmstride int)
//
// neonAddWeightedCodesG32 is neonAddWeightedCodesG8 for groups of 32
// values, a group a block: 27 instructions per 32 values shared and 20 per
// weight row.
TEXT ·neonAddWeightedCodesG32(SB), NOSPLIT, $0-104
	LANE_AW_ARGS
#include "neon_addweighted_lane_arm64.h"
