// Body of the per-lane Dequantize kernels of neon_dequantize_arm64.s
// (neonDequantizeCodesG8, G16), included after LANE_DQ_ARGS with these
// defined:
//
//	SCALES_B, MINS_B  V24, V25 = the scales and mins of a block's groups
//	                  (as in the per-lane Dot kernels)
//	MDUP_B            V16-V19 = each group's min in every lane
//	ASYM_B, SYM_B     the block's values from the codes (V0-V7)
//	TAIL              the last cols%32 values of a row
//
// Registers: R0 dst, R1 codes, R2 rows left, R3 blocks per row, R4
// cols%32, R8 dst row stride, R10 dst of the row, R14 scales, R15 mins (0:
// symmetric), R20 blocks left, R24 scratch; V0-V7 the codes, V12-V15 the
// TBL indices, V16-V19 the mins, V24 scales, V25 mins, V28/V29 the code
// bytes, V30 the symmetric offset in every lane.

	CBZ R2, done
	AND $31, R3, R4
	LSR $5, R3
	VDUP V30.S[0], V30.S4
	WIDEN32_INIT

row:
	MOVD R0, R10
	MOVD R3, R20
	CBZ R3, tail
	CBZ R15, symblock

asymblock:
	WIDEN32
	SCALES_B
	MINS_B
	MDUP_B
	ASYM_B
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R10)
	VST1.P [V4.S4, V5.S4, V6.S4, V7.S4], 64(R10)
	SUBS $1, R20
	BNE asymblock
	B tail

symblock:
	WIDEN32
	SCALES_B
	SYM_B
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R10)
	VST1.P [V4.S4, V5.S4, V6.S4, V7.S4], 64(R10)
	SUBS $1, R20
	BNE symblock

tail:
	TAIL

rowend:
	ADD R8, R0
	SUBS $1, R2
	BNE row

done:
	RET
