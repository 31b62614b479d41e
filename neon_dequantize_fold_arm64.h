// Body of the Dequantize kernels on codes in groups of more than 16
// values of neon_dequantize_arm64.s: neonDequantizeCodes (groups a
// multiple of 16) and, with FOLD_TAIL defined, neonDequantizeCodesTail
// (groups of 16k+8 values: a last step of 8), included after
// FOLD_DQ_ARGS. Registers and budget: see neonDequantizeCodes.

	CBZ R2, ddone
	MOVD R6, R19     // nil: symmetric
	VDUP V29.S[0], V29.S4
	MOVD $·neonConsts+112(SB), R9
	VLD1 (R9), [V24.B16, V25.B16, V26.B16, V27.B16]
#ifdef FOLD_TAIL
	AND $8, R4, R16  // 8: a last step of 8 per group
#endif
	LSR $4, R4, R4   // steps of 16 per group

drow:
	MOVD R0, R10     // dst of this row
	MOVD R5, R11     // scales of this row
	MOVD R6, R12     // mins of this row
	MOVD R3, R13     // groups left

dgroup:
	MOVHU.P 2(R11), R14
	FMOVS R14, F30
	FCVTHS F30, F30  // scale in V30 lane 0
	MOVD R4, R15
	CBZ R19, dsym
	MOVHU.P 2(R12), R14
	FMOVS R14, F31
	FCVTHS F31, F31
	VDUP V31.S[0], V31.S4

dasym:
	CODES16(R1)
	WFMULE(1, 1, 30, 0)
	WFMULE(2, 2, 30, 0)
	WFMULE(3, 3, 30, 0)
	WFMULE(4, 4, 30, 0)
	WFADD(1, 1, 31)
	WFADD(2, 2, 31)
	WFADD(3, 3, 31)
	WFADD(4, 4, 31)
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(R10)
	SUBS $1, R15
	BNE dasym

#ifdef FOLD_TAIL
dasym8:
	CBZ R16, dnext
	CODES8(R1)
	WFMULE(1, 1, 30, 0)
	WFMULE(2, 2, 30, 0)
	WFADD(1, 1, 31)
	WFADD(2, 2, 31)
	VST1.P [V1.S4, V2.S4], 32(R10)
	B dnext
#else
	B dnext
#endif

dsym:
	CODES16(R1)
	WFSUB(1, 1, 29)
	WFSUB(2, 2, 29)
	WFSUB(3, 3, 29)
	WFSUB(4, 4, 29)
	WFMULE(1, 1, 30, 0)
	WFMULE(2, 2, 30, 0)
	WFMULE(3, 3, 30, 0)
	WFMULE(4, 4, 30, 0)
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(R10)
	SUBS $1, R15
	BNE dsym

#ifdef FOLD_TAIL
dsym8:
	CBZ R16, dnext
	CODES8(R1)
	WFSUB(1, 1, 29)
	WFSUB(2, 2, 29)
	WFMULE(1, 1, 30, 0)
	WFMULE(2, 2, 30, 0)
	VST1.P [V1.S4, V2.S4], 32(R10)

#endif
dnext:
	SUBS $1, R13
	BNE dgroup
	ADD R8, R0
	ADD R7, R5
	ADD R7, R6
	SUBS $1, R2
	BNE drow

ddone:
	RET
