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

// func neonAddWeightedCodes(y *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32)
//
// neonAddWeightedCodes adds, for rows i < rows (groups groups of group
// codes (a multiple of 8), one per byte at codes, rows after each other; scales and mins run
// on from row to row) and query rows j < nq (1 to 4), w_ji*scale*q to the
// values of y row j (at byte j*ystride of y), with w_ji at byte
// j*wstride + 4*i of w; and it adds w_ji*shift to wm[4*g + j] (shift = min,
// or scale*negOff when mins is nil), which the caller adds to every value of
// group g afterwards. The codes of a block are widened to float once for
// every query row.
//
// The short last block of a group (G%32 = 8, 16, 24) runs an octet at a
// time: 8 per octet and 6 per query row.
//
// Instructions per 32 values: 21 shared (1 load, 8 TBL, 8 UCVTF, pointer
// step, loop control) and 15 per query row (4 loads and stores of y, 8 FMLA
// by element, pointer step and query test); per group 9 more.
TEXT ·neonAddWeightedCodes(SB), NOSPLIT, $0-104
	MOVD y+0(FP), R22
	CODE_ARGS
	MOVD scales+40(FP), R14
	MOVD mins+48(FP), R15
	MOVWU negOff+56(FP), R8
	MOVD w+64(FP), R9
	MOVD wstride+72(FP), R10
	MOVD nq+80(FP), R11
	MOVD ystride+88(FP), R13
	MOVD wm+96(FP), R12
	CBZ R2, done
	MOVD R15, R19          // nil: symmetric
	UBFX $3, R4, $2, R26   // octets in the short last block of a group
	LSR $5, R4             // blocks per group
	SUB $128, R13, R5
	WIDEN32_INIT

row:
	// V16 = the weights of the row for query rows 0-3.
	VEOR V16.B16, V16.B16, V16.B16
	MOVD R9, R16
	EACHX(WLANE(0), WLANE(1), WLANE(2), WLANE(3), wdone)

wdone:
	MOVD R3, R20          // groups left
	MOVD R12, R21         // wm of the group
	MOVD R22, R23         // y of the block, query row 0

group:
	GROUP_SCALE(F20, F21, gsym)
	B gshift

gsym:
	FMOVS R8, F21
	FMULS F20, F21, F21   // shift = scale * -2^(Bits-1)

gshift:
	WFMULE(17, 16, 20, 0) // w*scale
	WFMULE(18, 16, 21, 0) // w*shift
	VLD1 (R21), [V19.S4]
	WFADD(19, 19, 18)
	VST1.P [V19.S4], 16(R21)
	CBZ R4, short
	MOVD R4, R25

block:
	WIDEN32
	MOVD R23, R16
	EACHX(AWX(0), AWX(1), AWX(2), AWX(3), blockend)

blockend:
	ADD $128, R23
	SUBS $1, R25
	BNE block

short:	// the short last block, an octet at a time
	CBZ R26, gnext
	MOVD R26, R25

octet:
	FMOVD.P 8(R1), F28
	VTBL V12.B16, [V28.B16], V0.B16
	VTBL V13.B16, [V28.B16], V1.B16
	WUCVTF(0, 0)
	WUCVTF(1, 1)
	MOVD R23, R16
	EACHX(AWX8(0), AWX8(1), AWX8(2), AWX8(3), octetend)

octetend:
	ADD $32, R23
	SUBS $1, R25
	BNE octet

gnext:
	SUBS $1, R20
	BNE group

	ADD $4, R9
	SUBS $1, R2
	BNE row

done:
	RET
