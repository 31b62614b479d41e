// Body of the DotQ8 kernels on codes in groups of more than 32 values of
// neon_dotq8_arm64.s: neonDotQ8Codes (groups a multiple of 32) and, with
// FOLD_TAIL defined, neonDotQ8CodesTail (a short last block of 8, 16 or 24
// values: one more Q8 block, an octet at a time), included after
// FOLD_Q8_ARGS. Registers and budget: see neonDotQ8Codes.

	CBZ R2, done
	MOVD R15, R19          // nil: symmetric
#ifdef FOLD_TAIL
	UBFX $3, R4, $2, R26   // octets in the short last block of a group
#endif
	LSR $5, R4             // blocks per group
	LSL $2, R3, R22        // bytes between the Σ Sums of two query rows
	VMOVI $0x80, V1.B16
	VMOVI $0x01, V2.B16    // (mode 3; mode 1 reuses V2)

row:
	VZERO4(V24, V25, V26, V27)
	MOVD R3, R20          // groups left
	MOVD R12, R21         // Σ Sums of the group, query row 0
	MOVD R9, R23          // x8 of the block, query row 0
	MOVD R5, R6           // Scales of the block, query row 0

group:
	VZERO4(V16, V17, V18, V19)
	MOVD R4, R25
	CMP $2, R8
	BEQ bsdot
	CMP $3, R8
	BEQ budot
	CBZ R8, bsmull

bwide:
#ifdef FOLD_TAIL
	CBZ R25, twide
#endif
bwideloop:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	VUXTL V28.B8, V2.H8
	VUXTL2 V28.B16, V3.H8
	VUXTL V29.B8, V4.H8
	VUXTL2 V29.B16, V5.H8
	Q8QUERIES(Q8WIDE, bwideend)
bwideend:
	ADD $32, R23
	ADD $4, R6
	SUBS $1, R25
	BNE bwideloop

#ifdef FOLD_TAIL
twide:	// the short last block, an octet at a time
	CBZ R26, fold
	MOVD R26, R25
	VZERO4(V20, V21, V22, V23)
twideoctet:
	FMOVD.P 8(R1), F28
	VUXTL V28.B8, V2.H8
	MOVD R23, R16
	EACHX(Q8TWIDE(20), Q8TWIDE(21), Q8TWIDE(22), Q8TWIDE(23), twideend)
twideend:
	ADD $8, R23
	SUBS $1, R25
	BNE twideoctet
	B tfold
#else
	B fold
#endif

bsmull:
#ifdef FOLD_TAIL
	CBZ R25, tsmull
#endif
bsmullloop:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	Q8QUERIES(Q8SMULL, bsmullend)
bsmullend:
	ADD $32, R23
	ADD $4, R6
	SUBS $1, R25
	BNE bsmullloop

#ifdef FOLD_TAIL
tsmull:
	CBZ R26, fold
	MOVD R26, R25
	VZERO4(V20, V21, V22, V23)
tsmulloctet:
	FMOVD.P 8(R1), F28
	MOVD R23, R16
	EACHX(Q8TSMULL(20), Q8TSMULL(21), Q8TSMULL(22), Q8TSMULL(23), tsmullend)
tsmullend:
	ADD $8, R23
	SUBS $1, R25
	BNE tsmulloctet
	B tfold
#else
	B fold
#endif

bsdot:
#ifdef FOLD_TAIL
	CBZ R25, tsdot
#endif
bsdotloop:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	Q8QUERIES(Q8SDOT, bsdotend)
bsdotend:
	ADD $32, R23
	ADD $4, R6
	SUBS $1, R25
	BNE bsdotloop

#ifdef FOLD_TAIL
tsdot:
	CBZ R26, fold
	MOVD R26, R25
	VZERO4(V20, V21, V22, V23)
tsdotoctet:
	FMOVD.P 8(R1), F28
	MOVD R23, R16
	EACHX(Q8TSDOT(20), Q8TSDOT(21), Q8TSDOT(22), Q8TSDOT(23), tsdotend)
tsdotend:
	ADD $8, R23
	SUBS $1, R25
	BNE tsdotoctet
	B tfold
#else
	B fold
#endif

budot:
#ifdef FOLD_TAIL
	CBZ R25, tudot
#endif
budotloop:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	VEOR V0.B16, V0.B16, V0.B16
	WUDOT(0, 28, 2)
	WUDOT(0, 29, 2)
	VSHL $7, V0.S4, V0.S4  // 128 * Σq per lane
	Q8QUERIES(Q8UDOT, budotend)
budotend:
	ADD $32, R23
	ADD $4, R6
	SUBS $1, R25
	BNE budotloop

#ifdef FOLD_TAIL
tudot:
	CBZ R26, fold
	MOVD R26, R25
	VZERO4(V20, V21, V22, V23)
tudotoctet:
	FMOVD.P 8(R1), F28
	VEOR V0.B16, V0.B16, V0.B16
	WUDOT(0, 28, 2)
	VSHL $7, V0.S4, V0.S4
	MOVD R23, R16
	EACHX(Q8TUDOT(20), Q8TUDOT(21), Q8TUDOT(22), Q8TUDOT(23), tudotend)
tudotend:
	ADD $8, R23
	SUBS $1, R25
	BNE tudotoctet

tfold:	// the short block's Q8 block: Scales[b]*isum for each query row
	MOVD R6, R17
	EACHX(Q8TFOLD(20, 16), Q8TFOLD(21, 17), Q8TFOLD(22, 18), Q8TFOLD(23, 19), tfoldend)
tfoldend:
	ADD $4, R6
#endif

fold:
	// Group end: scale and shift into V30 lanes 0 and 1.
	GROUP_SCALE(F30, F31, gsym)
	B gshift

gsym:
	FMULS F30, F12, F31   // shift = scale * -2^(Bits-1)

	GROUP_ROW_END(GROUPQ8(16, 24), GROUPQ8(17, 25), GROUPQ8(18, 26), GROUPQ8(19, 27))
	SUBS $1, R2
	BNE row

done:
	RET
