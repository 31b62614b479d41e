// Body of the per-lane AddWeighted kernels of neon_addweighted_arm64.s
// (neonAddWeightedCodesG8, G16), included after LANE_AW_ARGS with these
// defined:
//
//	SCALES_B, MINS_B  V24, V25 = the scales and mins of a block's groups
//	                  (as in the per-lane Dot kernels)
//	AWL_B(L)          one weight row's block (see AWL)
//	WMLD_B, WMST_B    load and store (R17 stepped by R6) the w*shift sums of
//	                  a block's groups of one weight row, in V27
//	WMB               their bytes per block
//	TAIL              the last cols%32 values of a row
//
// Registers: R1 codes, R2 rows left, R3 blocks per row, R4 cols%32, R5 y
// stride - 64, R6 wm stride, R9 w of the row (weight row 0), R10 w stride,
// R11 nq, R12 wm, R13 y stride, R14 scales, R15 mins (0: symmetric),
// R16/R17 y and wm of a weight row, R20 blocks left, R21/R23 wm and y of
// the block (weight row 0), R22 y, R24 scratch; V0-V7 the codes, V8-V11 y,
// V12-V15 the TBL indices, V16 the row's weights (lane j: weight row j),
// V24 scales, V25 shifts, V26 w*scale, V27 wm, V28/V29 the code bytes,
// V30 lane 0 negOff.

	CBZ R2, done
	AND $31, R3, R4
	LSR $5, R3
	SUB $64, R13, R5
	WIDEN32_INIT

row:
	VEOR V16.B16, V16.B16, V16.B16
	MOVD R9, R16
	EACHX(WLANE(0), WLANE(1), WLANE(2), WLANE(3), wdone)

wdone:
	MOVD R22, R23
	MOVD R12, R21
	MOVD R3, R20
	CBZ R3, tail
	CBZ R15, symblock

asymblock:
	WIDEN32
	SCALES_B
	MINS_B
	LAW_BLOCK(asymend)
asymend:
	LAW_BLOCK_END
	BNE asymblock
	B tail

symblock:
	WIDEN32
	SCALES_B
	WFMULE(25, 24, 30, 0) // shift = scale * -2^(Bits-1)
	LAW_BLOCK(symend)
symend:
	LAW_BLOCK_END
	BNE symblock

tail:
	TAIL

rowend:
	ADD $4, R9
	SUBS $1, R2
	BNE row

done:
	RET
