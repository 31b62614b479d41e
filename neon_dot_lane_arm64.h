// Body of the per-lane Dot kernels of neon_dot_arm64.s (neonDotCodesG8,
// neonDotCodesG16), included after LANE_DOT_ARGS with these defined:
//
//	SCALES_B  V24 = the float32 scales of a block's groups (R14 stepped),
//	          0 in the lanes past them
//	MINS_B    V25 = their mins (R15 stepped)
//	SCALE_B   multiplies the codes of a block (V0-V7) by their group's scale
//	XS_B      V26 = the Σx of a block's groups for one query row (from R17,
//	          stepped by R5), 0 in the lanes past them
//	XSB       the bytes of Σx per block
//	TAIL      the last cols%32 values of a row
//
// Registers: R0 out of the row (query row 0), R1 codes, R2 rows left, R3
// full blocks per row, R4 cols%32, R5 bytes between the Σx of two query
// rows, R6 x stride - 64, R9 x, R10 x stride, R11 nq, R12 xs, R13 out
// stride, R14 scales, R15 mins (0: symmetric), R16/R17 x and Σx of a query
// row, R20 blocks left, R21/R23 Σx and x of the block (query row 0), R24
// scratch. V0-V7 the block's codes (float32, then times their scale),
// V8-V11 x, V12-V15 the TBL indices of WIDEN32, V16-V19 and V20-V23 the
// two accumulators of each query row, V24 scales, V25 shifts, V26 Σx, V27
// lane 0 negOff, V28/V29 the code bytes.

	CBZ R2, done
	AND $31, R3, R4
	LSR $5, R3
	SUB $64, R10, R6
	WIDEN32_INIT

row:
	EACHX(LZERO(V16, V20), LZERO(V17, V21), LZERO(V18, V22), LZERO(V19, V23), zeroed)

zeroed:
	MOVD R9, R23
	MOVD R12, R21
	MOVD R3, R20
	CBZ R3, tail
	CBZ R15, symblock

asymblock:
	WIDEN32
	SCALES_B
	MINS_B
	LANE_BLOCK(asymend)
asymend:
	LANE_BLOCK_END
	BNE asymblock
	B tail

symblock:
	WIDEN32
	SCALES_B
	WFMULE(25, 24, 27, 0) // shift = scale * -2^(Bits-1)
	LANE_BLOCK(symend)
symend:
	LANE_BLOCK_END
	BNE symblock

tail:
	TAIL

rowend:
	MOVD R0, R24
	EACHX(LROWX(16, 20), LROWX(17, 21), LROWX(18, 22), LROWX(19, 23), rowdone)

rowdone:
	ADD $4, R0
	SUBS $1, R2
	BNE row

done:
	RET
