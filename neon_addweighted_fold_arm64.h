// Body of the AddWeighted kernels on codes in groups of more than 32
// values of neon_addweighted_arm64.s: neonAddWeightedCodes (groups a
// multiple of 32) and, with FOLD_TAIL defined, neonAddWeightedCodesTail (a
// short last block of 8, 16 or 24 values, an octet at a time), included
// after FOLD_AW_ARGS. Registers and budget: see neonAddWeightedCodes.

	CBZ R2, done
	MOVD R15, R19          // nil: symmetric
#ifdef FOLD_TAIL
	UBFX $3, R4, $2, R26   // octets in the short last block of a group
#endif
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
#ifdef FOLD_TAIL
	CBZ R4, short
#endif
	MOVD R4, R25

block:
	WIDEN32
	MOVD R23, R16
	EACHX(AWX(0), AWX(1), AWX(2), AWX(3), blockend)

blockend:
	ADD $128, R23
	SUBS $1, R25
	BNE block

#ifdef FOLD_TAIL
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
#endif
	SUBS $1, R20
	BNE group

	ADD $4, R9
	SUBS $1, R2
	BNE row

done:
	RET
