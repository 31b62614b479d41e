//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// Each Q8 macro adds one query row's block to its group accumulator D: the
// exact integer sum isum = Σ q*x8 of the block (codes in V28, V29; x8 of the
// query row at R16), then D.S[0] += Scales[b]*float32(isum) (Scales[b] at
// R17), the product generic forms. R16 and R17 then move to the next query
// row.

// Q8SDOT (neondot, codes below 128): SDOT with the codes read as int8.
#define Q8SDOT(D) \
	VLD1 (R16), [V8.B16, V9.B16] \
	VEOR V10.B16, V10.B16, V10.B16 \
	WSDOT(10, 28, 8) \
	WSDOT(10, 29, 9) \
	Q8FOLD(D)

// Q8UDOT (neondot, 8-bit codes): UDOT of the codes with x8+128 (EOR 0x80,
// V1), minus 128*Σq (V0, formed once per block): Σ q*(x8+128) - 128 Σ q.
#define Q8UDOT(D) \
	VLD1 (R16), [V8.B16, V9.B16] \
	VEOR V1.B16, V8.B16, V8.B16 \
	VEOR V1.B16, V9.B16, V9.B16 \
	VEOR V10.B16, V10.B16, V10.B16 \
	WUDOT(10, 28, 8) \
	WUDOT(10, 29, 9) \
	VSUB V0.S4, V10.S4, V10.S4 \
	Q8FOLD(D)

// Q8SMULL (neon, codes below 128): SMULL and SMLAL2 pair products into
// int16 lanes (|q*x8| <= 127*127, two fit), SADDLP/SADALP widen to int32.
#define Q8SMULL(D) \
	VLD1 (R16), [V8.B16, V9.B16] \
	WSMULL(10, 28, 8) \
	WSMLAL2(10, 28, 8) \
	WSADDLP(11, 10) \
	WSMULL(10, 29, 9) \
	WSMLAL2(10, 29, 9) \
	WSADALP(11, 10) \
	VORR V11.B16, V11.B16, V10.B16 \
	Q8FOLD(D)

// WIDEMUL(X, A, B): the 16 int8 values in VX widened to int16 (V6, V7)
// times the codes in VA and VB (int16).
#define WIDEMUL(X, A, B) \
	WSXTL(6, X) \
	WSXTL2(7, X) \
	WMUL8H(6, 6, A) \
	WMUL8H(7, 7, B)

// Q8WIDE (neon, 8-bit codes): codes widened to int16 once per block
// (V2-V5), x8 widened (SXTL), MUL in int16 (|q*x8| <= 255*127 fits), SADALP.
#define Q8WIDE(D) \
	VLD1 (R16), [V8.B16, V9.B16] \
	WIDEMUL(8, 2, 3) \
	WSADDLP(10, 6) \
	WSADALP(10, 7) \
	WIDEMUL(9, 4, 5) \
	WSADALP(10, 6) \
	WSADALP(10, 7) \
	Q8FOLD(D)

// Q8FOLD: isum = ADDV of the int32 lanes in V10, then D += Scales[b]*isum.
#define Q8FOLD(D) \
	VADDV V10.S4, V10 \
	WSCVTF(10, 10) \
	FMOVS (R17), F11 \
	WFMLAE(D, 10, 11, 0) \
	ADD R10, R16 \
	ADD R7, R17

// The Q8T macros add one query row's products with an octet of the short
// last block of a group (codes in the low 8 bytes of V28, the rest zero)
// to its int32 lanes in Vacc: the 8 values of x8 at R16 (loaded exactly,
// the rest zero), then R16 moves to the next query row. Q8TFOLD then adds
// Scales[b]*isum to the group accumulator, as Q8FOLD.
#define Q8TSDOT(acc) \
	FMOVD (R16), F8 \
	WSDOT(acc, 28, 8) \
	ADD R10, R16

#define Q8TUDOT(acc) \
	FMOVD (R16), F8 \
	VEOR V1.B8, V8.B8, V8.B8 \
	WUDOT(acc, 28, 8) \
	WSUB4S(acc, acc, 0) \
	ADD R10, R16

#define Q8TSMULL(acc) \
	FMOVD (R16), F8 \
	WSMULL(10, 28, 8) \
	WSADALP(acc, 10) \
	ADD R10, R16

#define Q8TWIDE(acc) \
	FMOVD (R16), F8 \
	WSXTL(6, 8) \
	WMUL8H(6, 6, 2) \
	WSADALP(acc, 6) \
	ADD R10, R16

#define Q8TFOLD(acc, D) \
	WORR(10, acc, acc) \
	VADDV V10.S4, V10 \
	WSCVTF(10, 10) \
	FMOVS (R17), F11 \
	WFMLAE(D, 10, 11, 0) \
	ADD R7, R17

// Q8QUERIES(BODY, end) runs BODY for query rows 0 to nq-1 (at most 4),
// then falls through to end.
#define Q8QUERIES(BODY, end) \
	MOVD R23, R16 \
	MOVD R6, R17 \
	EACHX(BODY(16), BODY(17), BODY(18), BODY(19), end)

// GROUPQ8 folds one query row's group sum d into its row accumulator r:
// r += d*scale + (Σ Sums over the group's blocks)*shift, scale and shift in
// V30 lanes 0 and 1, the Σ Sums at R24.
#define GROUPQ8(d, r) \
	WFMLAE(r, d, 30, 0) \
	FMOVS (R24), F31 \
	WFMLAE(r, 31, 30, 1) \
	ADD R22, R24

// func neonDotQ8Codes(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs *float32, qsstride int, ss *float32, ostride, mode int)
//
// neonDotQ8Codes is neonDotCodes with int8 query rows (Q8): it adds to
// out[j*ostride + i] (bytes), for rows i < rows and query rows j < nq (1 to
// 4), Σ over the groups of
//
//	scale * Σ_b Scales[b]*isum_b + shift * ss[j*groups + g]
//
// with isum_b the exact integer dot product of the codes and x8 of block b,
// Scales the Q8 block scales (query row j at byte j*qsstride of qs), and ss
// each query row's Σ Sums per group. Scales and mins run on from row to
// row (the chunk is whole rows, or one row). mode picks the integer dot
// product: 0 SMULL (neon, codes < 128), 1 widened MUL (neon, 8-bit codes),
// 2 SDOT (neondot, codes < 128), 3 UDOT with x8+128 (neondot, 8-bit).
//
// The short last block of a group (G%32 = 8, 16, 24: one more Q8 block)
// runs an octet at a time, each query row's products summed in int32
// lanes, then folded as a block.
//
// Instructions per 32 values for one query row (1 load of codes, loop
// control, and per query row its load, integer products, ADDV, SCVTF,
// the scale load, FMLA, 2 pointer steps and the query test): SDOT 19,
// UDOT 26, SMULL 23, widened 32; each further query row 12, 15, 16, 21.
// The AVX2 branch counts 9 per block and query for 4-bit codes.
TEXT ·neonDotQ8Codes(SB), NOSPLIT, $0-128
	MOVD out+0(FP), R0
	CODE_ARGS
	MOVD scales+40(FP), R14
	MOVD mins+48(FP), R15
	FMOVS negOff+56(FP), F12
	MOVD x+64(FP), R9
	MOVD xstride+72(FP), R10
	MOVD nq+80(FP), R11
	MOVD qs+88(FP), R5
	MOVD qsstride+96(FP), R7
	MOVD ss+104(FP), R12
	MOVD ostride+112(FP), R13
	MOVD mode+120(FP), R8
	CBZ R2, done
	MOVD R15, R19          // nil: symmetric
	UBFX $3, R4, $2, R26   // octets in the short last block of a group
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
	CBZ R25, twide
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

bsmull:
	CBZ R25, tsmull
bsmullloop:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	Q8QUERIES(Q8SMULL, bsmullend)
bsmullend:
	ADD $32, R23
	ADD $4, R6
	SUBS $1, R25
	BNE bsmullloop

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

bsdot:
	CBZ R25, tsdot
bsdotloop:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	Q8QUERIES(Q8SDOT, bsdotend)
bsdotend:
	ADD $32, R23
	ADD $4, R6
	SUBS $1, R25
	BNE bsdotloop

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

budot:
	CBZ R25, tudot
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
