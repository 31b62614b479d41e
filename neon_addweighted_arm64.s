//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// AWX adds one query row's w*scale (lane L of V17) times the block (float
// codes in V0-V7) to its 32 values of y at R16, then moves R16 to the next
// query row's y (R5 = y row stride - 128).
#define AWX(L) \
	VLD1 (R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	WFMLAE(8, 0, 17, L) \
	WFMLAE(9, 1, 17, L) \
	WFMLAE(10, 2, 17, L) \
	WFMLAE(11, 3, 17, L) \
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(R16) \
	VLD1 (R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	WFMLAE(8, 4, 17, L) \
	WFMLAE(9, 5, 17, L) \
	WFMLAE(10, 6, 17, L) \
	WFMLAE(11, 7, 17, L) \
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(R16) \
	ADD R5, R16

// WLANE loads w of query row L (at R16) into lane L of V16.
#define WLANE(L) \
	FMOVS (R16), F31 \
	VMOV V31.S[0], V16.S[L] \
	ADD R10, R16

// func neonAddWeightedCodes(y *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32)
//
// neonAddWeightedCodes adds, for rows i < rows (groups groups of group
// codes, one per byte at codes, rows after each other; scales and mins run
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
	MOVD y+0(FP), R22
	MOVD codes+8(FP), R1
	MOVD rows+16(FP), R2
	MOVD groups+24(FP), R3
	MOVD group+32(FP), R4
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
	LSR $5, R4             // blocks per group
	SUB $128, R13, R5
	MOVD $·neonConsts+112(SB), R16
	VLD1 (R16), [V12.B16, V13.B16, V14.B16, V15.B16]

row:
	// V16 = the weights of the row for query rows 0-3.
	VEOR V16.B16, V16.B16, V16.B16
	MOVD R9, R16
	WLANE(0)
	CMP $1, R11
	BEQ wdone
	WLANE(1)
	CMP $2, R11
	BEQ wdone
	WLANE(2)
	CMP $3, R11
	BEQ wdone
	WLANE(3)

wdone:
	MOVD R3, R20          // groups left
	MOVD R12, R21         // wm of the group
	MOVD R22, R23         // y of the block, query row 0

group:
	MOVHU.P 2(R14), R24
	FMOVS R24, F20
	FCVTHS F20, F20
	CBZ R19, gsym
	MOVHU.P 2(R15), R24
	FMOVS R24, F21
	FCVTHS F21, F21
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
	MOVD R4, R25

block:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	VTBL V12.B16, [V28.B16], V0.B16
	VTBL V13.B16, [V28.B16], V1.B16
	VTBL V14.B16, [V28.B16], V2.B16
	VTBL V15.B16, [V28.B16], V3.B16
	VTBL V12.B16, [V29.B16], V4.B16
	VTBL V13.B16, [V29.B16], V5.B16
	VTBL V14.B16, [V29.B16], V6.B16
	VTBL V15.B16, [V29.B16], V7.B16
	WUCVTF(0, 0)
	WUCVTF(1, 1)
	WUCVTF(2, 2)
	WUCVTF(3, 3)
	WUCVTF(4, 4)
	WUCVTF(5, 5)
	WUCVTF(6, 6)
	WUCVTF(7, 7)
	MOVD R23, R16
	AWX(0)
	CMP $1, R11
	BEQ blockend
	AWX(1)
	CMP $2, R11
	BEQ blockend
	AWX(2)
	CMP $3, R11
	BEQ blockend
	AWX(3)

blockend:
	ADD $128, R23
	SUBS $1, R25
	BNE block
	SUBS $1, R20
	BNE group

	ADD $4, R9
	SUBS $1, R2
	BNE row

done:
	RET
