// Body of the Dot kernels on codes in groups of more than 32 values of
// neon_dot_arm64.s: neonDotCodes (groups a multiple of 32) and, with
// FOLD_TAIL defined, neonDotCodesTail (a short last block of 8, 16 or 24
// values, an octet at a time), included after FOLD_DOT_ARGS. Registers
// and budget: see neonDotCodes.

	CBZ R2, done
	MOVD R6, R19          // nil: symmetric
#ifdef FOLD_TAIL
	UBFX $3, R4, $2, R26  // octets in the short last block of a group
#endif
	LSR $5, R4            // blocks per group
	LSL $2, R3, R22       // bytes between the Σx of two query rows
	SUB $128, R10, R17    // from the end of a block of one query row to the next
	WIDEN32_INIT

row:
	VZERO4(V24, V25, V26, V27)
	MOVD R5, R14          // scales of the row
	MOVD R6, R15          // mins of the row
	MOVD R3, R20          // groups left
	MOVD R12, R21         // Σx of the group, query row 0
	MOVD R9, R23          // x of the block, query row 0

group:
	VZERO4(V16, V17, V18, V19)
	VZERO4(V20, V21, V22, V23)
#ifdef FOLD_TAIL
	CBZ R4, short
#endif
	MOVD R4, R25

block:
	WIDEN32
	MOVD R23, R16
	EACHX(DOTX(V16, V20), DOTX(V17, V21), DOTX(V18, V22), DOTX(V19, V23), blockend)

blockend:
	ADD $128, R23
	SUBS $1, R25
	BNE block

#ifdef FOLD_TAIL
short:	// the short last block, an octet at a time
	CBZ R26, gend
	MOVD R26, R25

octet:
	FMOVD.P 8(R1), F28
	VTBL V12.B16, [V28.B16], V0.B16
	VTBL V13.B16, [V28.B16], V1.B16
	WUCVTF(0, 0)
	WUCVTF(1, 1)
	MOVD R23, R16
	EACHX(DOTX8(V16, V20), DOTX8(V17, V21), DOTX8(V18, V22), DOTX8(V19, V23), octetend)

octetend:
	ADD $32, R23
	SUBS $1, R25
	BNE octet

gend:
#endif

	// Group end: scale and shift into V30 lanes 0 and 1.
	GROUP_SCALE(F30, F31, gsym)
	B gshift

gsym:
	FMOVS R8, F31
	FMULS F30, F31, F31

	GROUP_ROW_END(GROUPX(16, 20, 24), GROUPX(17, 21, 25), GROUPX(18, 22, 26), GROUPX(19, 23, 27))
	ADD R7, R5
	ADD R7, R6
	SUBS $1, R2
	BNE row

done:
	RET
