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

// LANE_Q8_ARGS loads the arguments of the per-lane DotQ8 kernels.
#define LANE_Q8_ARGS \
	MOVD out+0(FP), R0 \
	MOVD codes+8(FP), R1 \
	MOVD rows+16(FP), R2 \
	MOVD cols+24(FP), R3 \
	MOVD scales+32(FP), R14 \
	MOVD mins+40(FP), R15 \
	FMOVS negOff+48(FP), F26 \
	MOVD x+56(FP), R9 \
	MOVD xstride+64(FP), R10 \
	MOVD nq+72(FP), R11 \
	MOVD qs+80(FP), R5 \
	MOVD ss+88(FP), R12 \
	MOVD qsstride+96(FP), R7 \
	MOVD ostride+104(FP), R13

// FOLD_Q8_ARGS loads the arguments of neonDotQ8Codes and neonDotQ8CodesTail.
#define FOLD_Q8_ARGS \
	MOVD out+0(FP), R0 \
	CODE_ARGS \
	MOVD scales+40(FP), R14 \
	MOVD mins+48(FP), R15 \
	FMOVS negOff+56(FP), F12 \
	MOVD x+64(FP), R9 \
	MOVD xstride+72(FP), R10 \
	MOVD nq+80(FP), R11 \
	MOVD qs+88(FP), R5 \
	MOVD qsstride+96(FP), R7 \
	MOVD ss+104(FP), R12 \
	MOVD ostride+112(FP), R13 \
	MOVD mode+120(FP), R8

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
// Instructions per 32 values for one query row (1 load of codes, loop
// control, and per query row its load, integer products, ADDV, SCVTF,
// the scale load, FMLA, 2 pointer steps and the query test): SDOT 19,
// UDOT 26, SMULL 23, widened 32; each further query row 12, 15, 16, 21.
// The AVX2 branch counts 9 per block and query for 4-bit codes.
TEXT ·neonDotQ8Codes(SB), NOSPLIT, $0-128
	FOLD_Q8_ARGS
#include "neon_dotq8_fold_arm64.h"

// func neonDotQ8CodesTail(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs *float32, qsstride int, ss *float32, ostride, mode int)
//
// neonDotQ8CodesTail is neonDotQ8Codes for groups of 8k values (k >= 3)
// that are not a multiple of 32: the short last block of each group (one
// more Q8 block) runs an octet at a time, each query row's products summed
// in int32 lanes, then folded as a block.
#define FOLD_TAIL
TEXT ·neonDotQ8CodesTail(SB), NOSPLIT, $0-128
	FOLD_Q8_ARGS
#include "neon_dotq8_fold_arm64.h"
#undef FOLD_TAIL

// ---- The per-lane kernels: groups of 8 and 16 values (one Q8 block
// each), several groups a block, one function per group and integer mode:
// Smull (neon, codes < 128), Wide (neon, 8-bit codes), Sdot (neondot,
// codes < 128), Udot (neondot, 8-bit codes). The integer sums of a block
// come out per octet (8 codes) in the lanes of one register and are scaled
// per lane (see neon_dotq8_lane_arm64.h): no per-group fold.

// LQZERO clears one query row's accumulator.
#define LQZERO(A) VEOR A.B16, A.B16, A.B16

// LQ8X(A, ISUM, GROUPS, D, SS): one query row's block (or half block):
// its integer sums per group, times d, times the scales, plus the Sums
// times the shifts, into A.
#define LQ8X(A, ISUM, GROUPS, D, SS) \
	ISUM \
	GROUPS \
	WSCVTF(10, 10) \
	D \
	WFMUL(10, 10, 11) \
	VFMLA V24.S4, V10.S4, A.S4 \
	SS \
	VFMLA V25.S4, V11.S4, A.S4

#define LQ8B(A) LQ8X(A, ISUM_B, GROUPS_B, D_B, SS_B)
#define LQ8H(A) LQ8X(A, ISUM_H, GROUPS_H, D_H, SS_H)
#define LQ8Q(A) LQ8X(A, ISUM_Q, LQ8NONE, D_Q, SS_Q)
#define LQ8NONE

// LQ8_BLOCK(end): the mode's work on the block's codes, then LQ8B for each
// query row; LQ8_BLOCK_END moves to the next block.
#define LQ8_BLOCK(end) \
	PREP_B \
	MOVD R23, R16 \
	MOVD R6, R17 \
	MOVD R21, R22 \
	EACHX(LQ8B(V16), LQ8B(V17), LQ8B(V18), LQ8B(V19), end)

#define LQ8_BLOCK_END \
	ADD $32, R23 \
	ADD $QSB, R6 \
	ADD $QSB, R21 \
	SUBS $1, R20

// The modes' integer sums (see neon_dotq8_lane_arm64.h for the lanes).
// Smull: SMULL pairs products in int16 lanes (|q*x8| <= 127*127, two fit:
// ADDP), SADDLP widens, ADDP sums each octet.
#define SMULL_ISUM_B \
	VLD1.P (R16)(R10), [V8.B16, V9.B16] \
	WSMULL(12, 28, 8) \
	WSMULL2(13, 28, 8) \
	WSMULL(14, 29, 9) \
	WSMULL2(15, 29, 9) \
	WADDP8H(12, 12, 13) \
	WADDP8H(14, 14, 15) \
	WSADDLP(12, 12) \
	WSADDLP(14, 14) \
	WADDP4S(10, 12, 14)
#define SMULL_ISUM_H \
	VLD1 (R16), [V8.B16] \
	ADD R10, R16 \
	WSMULL(12, 28, 8) \
	WSMULL2(13, 28, 8) \
	WADDP8H(12, 12, 13) \
	WSADDLP(12, 12) \
	WADDP4S(10, 12, 12)
#define SMULL_ISUM_Q \
	FMOVD (R16), F8 \
	ADD R10, R16 \
	WSMULL(12, 28, 8) \
	WSADDLP(12, 12) \
	WADDP4S(10, 12, 12) \
	WADDP4S(10, 10, 10)

// Wide: the codes widened to int16 (UXTL), x8 too (SXTL), MUL in int16
// (|q*x8| <= 255*127 fits), SADDLP, ADDP.
#define WIDE_PREP_B \
	VUXTL V28.B8, V2.H8 \
	VUXTL2 V28.B16, V3.H8 \
	VUXTL V29.B8, V4.H8 \
	VUXTL2 V29.B16, V5.H8
#define WIDE_PREP_H \
	VUXTL V28.B8, V2.H8 \
	VUXTL2 V28.B16, V3.H8
#define WIDE_PREP_Q VUXTL V28.B8, V2.H8
#define WIDE_PAIR(X, A, B, D) \
	WSXTL(6, X) \
	WSXTL2(7, X) \
	WMUL8H(6, 6, A) \
	WMUL8H(7, 7, B) \
	WSADDLP(D, 6) \
	WSADDLP(D+1, 7) \
	WADDP4S(D, D, D+1)
#define WIDE_ISUM_B \
	VLD1.P (R16)(R10), [V8.B16, V9.B16] \
	WIDE_PAIR(8, 2, 3, 12) \
	WIDE_PAIR(9, 4, 5, 14) \
	WADDP4S(10, 12, 14)
#define WIDE_ISUM_H \
	VLD1 (R16), [V8.B16] \
	ADD R10, R16 \
	WIDE_PAIR(8, 2, 3, 12) \
	WADDP4S(10, 12, 12)
#define WIDE_ISUM_Q \
	FMOVD (R16), F8 \
	ADD R10, R16 \
	WSXTL(6, 8) \
	WMUL8H(6, 6, 2) \
	WSADDLP(12, 6) \
	WADDP4S(12, 12, 12) \
	WADDP4S(10, 12, 12)

// Sdot: SDOT sums 4 products a lane, ADDP the pairs of lanes.
#define SDOT_ISUM_B \
	VLD1.P (R16)(R10), [V8.B16, V9.B16] \
	VEOR V10.B16, V10.B16, V10.B16 \
	VEOR V11.B16, V11.B16, V11.B16 \
	WSDOT(10, 28, 8) \
	WSDOT(11, 29, 9) \
	WADDP4S(10, 10, 11)
#define SDOT_ISUM_H \
	VLD1 (R16), [V8.B16] \
	ADD R10, R16 \
	VEOR V10.B16, V10.B16, V10.B16 \
	WSDOT(10, 28, 8) \
	WADDP4S(10, 10, 10)
#define SDOT_ISUM_Q \
	FMOVD (R16), F8 \
	ADD R10, R16 \
	VEOR V10.B16, V10.B16, V10.B16 \
	WSDOT(10, 28, 8) \
	WADDP4S(10, 10, 10)

// Udot: UDOT of the codes with x8+128 (EOR 0x80, V1), minus 128*Σq per
// octet (V0, formed once per block with the ones in V2).
#define UDOT_PREP_B \
	VEOR V0.B16, V0.B16, V0.B16 \
	VEOR V27.B16, V27.B16, V27.B16 \
	WUDOT(0, 28, 2) \
	WUDOT(27, 29, 2) \
	WADDP4S(0, 0, 27) \
	VSHL $7, V0.S4, V0.S4
#define UDOT_PREP_H \
	VEOR V0.B16, V0.B16, V0.B16 \
	WUDOT(0, 28, 2) \
	WADDP4S(0, 0, 0) \
	VSHL $7, V0.S4, V0.S4
#define UDOT_ISUM_B \
	VLD1.P (R16)(R10), [V8.B16, V9.B16] \
	VEOR V1.B16, V8.B16, V8.B16 \
	VEOR V1.B16, V9.B16, V9.B16 \
	VEOR V10.B16, V10.B16, V10.B16 \
	VEOR V11.B16, V11.B16, V11.B16 \
	WUDOT(10, 28, 8) \
	WUDOT(11, 29, 9) \
	WADDP4S(10, 10, 11) \
	WSUB4S(10, 10, 0)
#define UDOT_ISUM_H \
	VLD1 (R16), [V8.B16] \
	ADD R10, R16 \
	VEOR V1.B16, V8.B16, V8.B16 \
	VEOR V10.B16, V10.B16, V10.B16 \
	WUDOT(10, 28, 8) \
	WADDP4S(10, 10, 10) \
	WSUB4S(10, 10, 0)
#define UDOT_ISUM_Q \
	FMOVD (R16), F8 \
	ADD R10, R16 \
	VEOR V1.B8, V8.B8, V8.B8 \
	VEOR V10.B16, V10.B16, V10.B16 \
	WUDOT(10, 28, 8) \
	WADDP4S(10, 10, 10) \
	WSUB4S(10, 10, 0)

// Groups of 8 (4 a block) and 16 (2 a block): scales, Q8 scales and
// Sums. The quarter block (groups of 8, cols%32 = 8 or 24): one group.
#define Q8G8_QUARTER(PREP, ISUM) \
	TBZ $3, R4, rowend \
	FMOVD.P 8(R1), F28 \
	LQ8SCALE1(qsym, qscaled) \
	PREP \
	MOVD R23, R16 \
	MOVD R6, R17 \
	MOVD R21, R22 \
	EACHX(LQ8Q(V16), LQ8Q(V17), LQ8Q(V18), LQ8Q(V19), rowend)

// LQ8SCALE1: the fp16 scale at R14 into lane 0 of V24 as float32, the
// shift (its min at R15, or scale*negOff when R15 is 0) into V25, the
// other lanes 0.
#define LQ8SCALE1(sym, done) \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24) \
	CBZ R15, sym \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25) \
	B done \
sym: \
	WFMULE(25, 24, 26, 0) \
done:

// Groups of 8: 4 a block, 2 a half block, 1 a quarter block.
#define SCALES_B \
	FMOVD.P 8(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVD.P 8(R15), F25 \
	WFCVTL(25, 25)
#define SCALES_H \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24) \
	CBZ R15, hsym \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25) \
	B hscaled \
hsym: \
	WFMULE(25, 24, 26, 0) \
hscaled:
#define GROUPS_B
#define GROUPS_H
#define D_B VLD1.P (R17)(R7), [V11.S4]
#define SS_B VLD1.P (R22)(R7), [V11.S4]
#define D_H VLD1.P (R17)(R7), [V11.S2]
#define SS_H VLD1.P (R22)(R7), [V11.S2]
#define D_Q \
	FMOVS (R17), F11 \
	ADD R7, R17
#define SS_Q \
	FMOVS (R22), F11 \
	ADD R7, R22
#define QSB 16
#define QUARTER Q8G8_QUARTER(PREP_Q, ISUM_Q)

#define PREP_B 
#define PREP_H 
#define PREP_Q 
#define ISUM_B SMULL_ISUM_B
#define ISUM_H SMULL_ISUM_H
#define ISUM_Q SMULL_ISUM_Q

// func neonDotQ8CodesSmullG8(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesSmullG8 is neonDotQ8Codes for groups of 8 values (codes < 128 without dotprod), rows of
// cols values (a multiple of 8; rows, their scales and mins after each
// other): out[j*ostride + i] (bytes) += Σ_g scale_g*(d_g*isum_g) +
// shift_g*Sums_g, with d and Sums the Q8 scales and sums of query row j
// (at byte j*qsstride of qs and ss; one Q8 block per group). Instructions
// per 32 values (a block of 4 groups): 13 shared (load, scales and
// shifts, pointers, loop control) and 20 per query row (x8 load,
// 4 SMULL, 2 ADDP, 2 SADDLP, ADDP; SCVTF, the load of d, FMUL, FMLA, the
// load of Sums, FMLA, the query test); per row 2 and 8 per query row.
TEXT ·neonDotQ8CodesSmullG8(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B WIDE_PREP_B
#define PREP_H WIDE_PREP_H
#define PREP_Q WIDE_PREP_Q
#define ISUM_B WIDE_ISUM_B
#define ISUM_H WIDE_ISUM_H
#define ISUM_Q WIDE_ISUM_Q

// func neonDotQ8CodesWideG8(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesWideG8 is neonDotQ8CodesSmullG8 for groups of 8 values, 8-bit codes without dotprod.
// Instructions per 32 values: 17 shared and 25 per query row.
TEXT ·neonDotQ8CodesWideG8(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B 
#define PREP_H 
#define PREP_Q 
#define ISUM_B SDOT_ISUM_B
#define ISUM_H SDOT_ISUM_H
#define ISUM_Q SDOT_ISUM_Q

// func neonDotQ8CodesSdotG8(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesSdotG8 is neonDotQ8CodesSmullG8 for groups of 8 values, codes < 128 with SDOT.
// Instructions per 32 values: 13 shared and 16 per query row.
TEXT ·neonDotQ8CodesSdotG8(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B UDOT_PREP_B
#define PREP_H UDOT_PREP_H
#define PREP_Q UDOT_PREP_H
#define ISUM_B UDOT_ISUM_B
#define ISUM_H UDOT_ISUM_H
#define ISUM_Q UDOT_ISUM_Q

// func neonDotQ8CodesUdotG8(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesUdotG8 is neonDotQ8CodesSmullG8 for groups of 8 values, 8-bit codes with UDOT.
// Instructions per 32 values: 19 shared and 19 per query row.
TEXT ·neonDotQ8CodesUdotG8(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
	VMOVI $0x80, V1.B16
	VMOVI $0x01, V2.B16
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#undef SCALES_B
#undef MINS_B
#undef SCALES_H
#undef GROUPS_B
#undef GROUPS_H
#undef D_B
#undef SS_B
#undef D_H
#undef SS_H
#undef D_Q
#undef SS_Q
#undef QSB
#undef QUARTER

// Groups of 16: 2 a block, 1 a half block.
#define SCALES_B \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25)
#define SCALES_H LQ8SCALE1(hsym, hscaled)
#define GROUPS_B WADDP4S(10, 10, 10)
#define GROUPS_H WADDP4S(10, 10, 10)
#define D_B VLD1.P (R17)(R7), [V11.S2]
#define SS_B VLD1.P (R22)(R7), [V11.S2]
#define D_H \
	FMOVS (R17), F11 \
	ADD R7, R17
#define SS_H \
	FMOVS (R22), F11 \
	ADD R7, R22
#define QSB 8
#define QUARTER

#define PREP_B 
#define PREP_H 
#define PREP_Q 
#define ISUM_B SMULL_ISUM_B
#define ISUM_H SMULL_ISUM_H
#define ISUM_Q SMULL_ISUM_Q

// func neonDotQ8CodesSmullG16(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesSmullG16 is neonDotQ8CodesSmullG8 for groups of 16 values, codes < 128 without dotprod.
// Instructions per 32 values: 13 shared and 21 per query row.
TEXT ·neonDotQ8CodesSmullG16(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B WIDE_PREP_B
#define PREP_H WIDE_PREP_H
#define PREP_Q WIDE_PREP_Q
#define ISUM_B WIDE_ISUM_B
#define ISUM_H WIDE_ISUM_H
#define ISUM_Q WIDE_ISUM_Q

// func neonDotQ8CodesWideG16(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesWideG16 is neonDotQ8CodesSmullG8 for groups of 16 values, 8-bit codes without dotprod.
// Instructions per 32 values: 17 shared and 26 per query row.
TEXT ·neonDotQ8CodesWideG16(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B 
#define PREP_H 
#define PREP_Q 
#define ISUM_B SDOT_ISUM_B
#define ISUM_H SDOT_ISUM_H
#define ISUM_Q SDOT_ISUM_Q

// func neonDotQ8CodesSdotG16(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesSdotG16 is neonDotQ8CodesSmullG8 for groups of 16 values, codes < 128 with SDOT.
// Instructions per 32 values: 13 shared and 17 per query row.
TEXT ·neonDotQ8CodesSdotG16(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B UDOT_PREP_B
#define PREP_H UDOT_PREP_H
#define PREP_Q UDOT_PREP_H
#define ISUM_B UDOT_ISUM_B
#define ISUM_H UDOT_ISUM_H
#define ISUM_Q UDOT_ISUM_Q

// func neonDotQ8CodesUdotG16(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesUdotG16 is neonDotQ8CodesSmullG8 for groups of 16 values, 8-bit codes with UDOT.
// Instructions per 32 values: 19 shared and 20 per query row.
TEXT ·neonDotQ8CodesUdotG16(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
	VMOVI $0x80, V1.B16
	VMOVI $0x01, V2.B16
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#undef SCALES_B
#undef MINS_B
#undef SCALES_H
#undef GROUPS_B
#undef GROUPS_H
#undef D_B
#undef SS_B
#undef D_H
#undef SS_H
#undef QSB
#undef QUARTER

// Groups of 32: a block is a group (its sum across the lanes: ADDV), rows
// have no tail (the half block below is never reached).
#define SCALES_B \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24)
#define MINS_B \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25)
#define SCALES_H LQ8SCALE1(hsym, hscaled)
#define GROUPS_B VADDV V10.S4, V10
#define GROUPS_H VADDV V10.S4, V10
#define D_B \
	FMOVS (R17), F11 \
	ADD R7, R17
#define SS_B \
	FMOVS (R22), F11 \
	ADD R7, R22
#define D_H D_B
#define SS_H SS_B
#define QSB 4
#define QUARTER

#define PREP_B 
#define PREP_H 
#define PREP_Q 
#define ISUM_B SMULL_ISUM_B
#define ISUM_H SMULL_ISUM_H
#define ISUM_Q SMULL_ISUM_Q

// func neonDotQ8CodesSmullG32(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesSmullG32 is neonDotQ8CodesSmullG8 for groups of 32 values, codes < 128 without dotprod.
// Instructions per 32 values: 13 shared and 21 per query row.
TEXT ·neonDotQ8CodesSmullG32(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B WIDE_PREP_B
#define PREP_H WIDE_PREP_H
#define PREP_Q WIDE_PREP_Q
#define ISUM_B WIDE_ISUM_B
#define ISUM_H WIDE_ISUM_H
#define ISUM_Q WIDE_ISUM_Q

// func neonDotQ8CodesWideG32(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesWideG32 is neonDotQ8CodesSmullG8 for groups of 32 values, 8-bit codes without dotprod.
// Instructions per 32 values: 17 shared and 26 per query row.
TEXT ·neonDotQ8CodesWideG32(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B 
#define PREP_H 
#define PREP_Q 
#define ISUM_B SDOT_ISUM_B
#define ISUM_H SDOT_ISUM_H
#define ISUM_Q SDOT_ISUM_Q

// func neonDotQ8CodesSdotG32(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesSdotG32 is neonDotQ8CodesSmullG8 for groups of 32 values, codes < 128 with SDOT.
// Instructions per 32 values: 13 shared and 17 per query row.
TEXT ·neonDotQ8CodesSdotG32(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#define PREP_B UDOT_PREP_B
#define PREP_H UDOT_PREP_H
#define PREP_Q UDOT_PREP_H
#define ISUM_B UDOT_ISUM_B
#define ISUM_H UDOT_ISUM_H
#define ISUM_Q UDOT_ISUM_Q

// func neonDotQ8CodesUdotG32(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)
//
// neonDotQ8CodesUdotG32 is neonDotQ8CodesSmullG8 for groups of 32 values, 8-bit codes with UDOT.
// Instructions per 32 values: 19 shared and 20 per query row.
TEXT ·neonDotQ8CodesUdotG32(SB), NOSPLIT, $0-112
	LANE_Q8_ARGS
	VMOVI $0x80, V1.B16
	VMOVI $0x01, V2.B16
#include "neon_dotq8_lane_arm64.h"

#undef PREP_B
#undef PREP_H
#undef PREP_Q
#undef ISUM_B
#undef ISUM_H
#undef ISUM_Q

#undef SCALES_B
#undef MINS_B
#undef SCALES_H
#undef GROUPS_B
#undef GROUPS_H
#undef D_B
#undef SS_B
#undef D_H
#undef SS_H
#undef QSB
#undef QUARTER
