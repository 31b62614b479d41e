// Body of the per-lane DotQ8 kernels of neon_dotq8_arm64.s
// (neonDotQ8Codes<mode>G8, G16), included after LANE_Q8_ARGS with these
// defined:
//
//	PREP_B, PREP_H, PREP_Q   the mode's work on the codes of a block (32
//	                         codes in V28, V29), a half block (16 in V28)
//	                         or a quarter block (8 in V28, the rest 0)
//	ISUM_B, ISUM_H, ISUM_Q   the integer sums of one query row (x8 at R16,
//	                         which then moves by the x8 stride R10) in the
//	                         int32 lanes of V10: per octet for a block
//	                         (o0-o3), o0, o1 twice for a half block, o0 in
//	                         lane 0 for a quarter block
//	GROUPS_B, GROUPS_H       the sums per group from those (groups of 16:
//	                         ADDP), in the lanes of the scales
//	SCALES_B, MINS_B, SCALE1 the block's scales and mins (V24, V25) as in
//	                         the per-lane Dot kernels; SCALES_H the half
//	                         block's (the shifts too)
//	D_B, D_H, SS_B, SS_H     V11 = the Q8 scales (from R17) or the Q8 Sums
//	                         (from R22) of the block's groups for one query
//	                         row, 0 in the lanes past them (the pointer
//	                         moves by the stride R7)
//	QSB                      the bytes of Q8 scales (and Sums) per block
//	QUARTER                  the quarter block (groups of 8), or nothing
//
// Per group the Q8 block's integer sum times d times the scale, plus the
// Sums times the shift: acc += (float(isum)*d)*scale + Sums*shift, per
// lane. Registers: R0 out, R1 codes, R2 rows left, R3 blocks per row, R4
// cols%32, R5 Q8 scales, R6 those of the block, R7 their query-row stride,
// R9 x8, R10 its stride, R11 nq, R12 Sums, R13 out stride, R14 scales,
// R15 mins (0: symmetric), R16/R17/R22 x8, Q8 scales and Sums of a query
// row, R20 blocks left, R21/R23 Sums and x8 of the block (query row 0),
// R24 scratch; V0-V7 the mode's constants and codes, V8/V9 x8, V10 the
// sums, V11-V15 scratch, V16-V19 the accumulators, V24 scales, V25
// shifts, V26 lane 0 negOff, V27 scratch, V28/V29 the codes.

	CBZ R2, done
	AND $31, R3, R4
	LSR $5, R3

row:
	EACHX(LQZERO(V16), LQZERO(V17), LQZERO(V18), LQZERO(V19), zeroed)

zeroed:
	MOVD R9, R23
	MOVD R5, R6
	MOVD R12, R21
	MOVD R3, R20
	CBZ R3, tail
	CBZ R15, symblock

asymblock:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	SCALES_B
	MINS_B
	LQ8_BLOCK(asymend)
asymend:
	LQ8_BLOCK_END
	BNE asymblock
	B tail

symblock:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	SCALES_B
	WFMULE(25, 24, 26, 0)
	LQ8_BLOCK(symend)
symend:
	LQ8_BLOCK_END
	BNE symblock

tail:
	TBZ $4, R4, quarter
	VLD1.P 16(R1), [V28.B16]
	SCALES_H
	PREP_H
	MOVD R23, R16
	MOVD R6, R17
	MOVD R21, R22
	EACHX(LQ8H(V16), LQ8H(V17), LQ8H(V18), LQ8H(V19), halfend)
halfend:
	ADD $16, R23
	ADD $(QSB/2), R6
	ADD $(QSB/2), R21

quarter:
	QUARTER

rowend:
	MOVD R0, R24
	EACHX(ROWX(16), ROWX(17), ROWX(18), ROWX(19), rowdone)

rowdone:
	ADD $4, R0
	SUBS $1, R2
	BNE row

done:
	RET
