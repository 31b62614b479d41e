//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// QLANE_ARGS loads the arguments of the per-lane Quantize kernels and the
// constants: V12 div, V13 off (bytes), V14 0, V28 1.0, V30 qlo, V31 qhi.
#define QLANE_ARGS \
	MOVD dst+0(FP), R0 \
	MOVD x+8(FP), R1 \
	MOVD quads+16(FP), R2 \
	MOVD scales+24(FP), R4 \
	MOVD mins+32(FP), R5 \
	FMOVS qlo+40(FP), F30 \
	FMOVS qhi+44(FP), F31 \
	FMOVS div+48(FP), F12 \
	MOVD off+56(FP), R6 \
	VDUP V30.S[0], V30.S4 \
	VDUP V31.S[0], V31.S4 \
	VDUP V12.S[0], V12.S4 \
	VDUP R6, V13.B16 \
	VEOR V14.B16, V14.B16, V14.B16 \
	FMOVS $(1.0), F28 \
	VDUP V28.S[0], V28.S4

// FOLD_Q_ARGS loads the arguments of neonQuantizeCodes and
// neonQuantizeCodesTail.
#define FOLD_Q_ARGS \
	MOVD dst+0(FP), R0 \
	MOVD x+8(FP), R1 \
	MOVD groups+16(FP), R2 \
	MOVD group+24(FP), R3 \
	MOVD scales+32(FP), R4 \
	MOVD mins+40(FP), R5 \
	FMOVS qlo+48(FP), F21 \
	FMOVS qhi+52(FP), F22 \
	FMOVS div+56(FP), F24 \
	MOVD off+64(FP), R6

// func neonQuantizeCodes(dst *byte, x *float32, groups, group int, scales, mins *uint16, qlo, qhi, div float32, off int)
//
// neonQuantizeCodes quantizes groups consecutive groups of group float32
// values (a multiple of 16) at x to one code per byte at dst, and writes
// each group's fp16 scale (and, when mins is not nil, min), with the
// float32 steps of quantizeGeneric, so the bytes are the same:
//
//	asymmetric (mins != nil): s = scale16((max-min)/div + 0), m = fp16(min + 0),
//	                          q = FCVTNS(clamp((x-m)*inv, qlo, qhi)) + off
//	symmetric  (mins == nil): s = scale16(max(-min, max)/div + 0), m = 0, same q
//
// with inv = 1/s (0 when s is 0); Go passes qlo, qhi, div and off for the
// format (asymmetric: 0, 2^b-1, 2^b-1, 0; symmetric: -2^(b-1), 2^(b-1)-1,
// 2^(b-1)-1, 2^(b-1)). x - 0 is x, so the symmetric case shares the loop.
// Instructions per 32 values: 22 for min/max (2 loads, 8 FMIN, 8 FMAX,
// loop), 56 for the codes (2 loads, FSUB, FMUL, FMAX, FMIN, FCVTNS 8 each,
// 3 UZP1 and an ADD per 16, 2 stores, loop), plus the group's scalar work.
//
// SCALE16: R9, the fp16 bits of a scale whose float32 bits are in R13,
// becomes scale16 of quantize_generic.go: at least 1 when R13 is not 0.
#define SCALE16 \
	CMP  $0, R13;          \
	CSET NE, R14;          \
	CMP  R14, R9;          \
	CSEL HS, R9, R14, R9

TEXT ·neonQuantizeCodes(SB), NOSPLIT, $0-72
	FOLD_Q_ARGS
#include "neon_quantize_fold_arm64.h"

// func neonQuantizeCodesTail(dst *byte, x *float32, groups, group int, scales, mins *uint16, qlo, qhi, div float32, off int)
//
// neonQuantizeCodesTail is neonQuantizeCodes for groups of 16k+8 values
// (k >= 0): a last step of 8 values per group for the min and max (6
// instructions) and the codes (16).
#define FOLD_TAIL
TEXT ·neonQuantizeCodesTail(SB), NOSPLIT, $0-72
	FOLD_Q_ARGS
#include "neon_quantize_fold_arm64.h"
#undef FOLD_TAIL

// ---- Quantize of groups of 8 and 16 values, 4 groups at a time: their
// mins and maxes reduced into the lanes of one register each (FMINP,
// FMAXP), the scale rule run on the 4 lanes at once (FDIV, FCVTN, the
// scale16 rule with CMTST and UMAX), then each value's code with its
// group's min and 1/scale by lane. The steps and their float32 roundings
// are those of neonQuantizeCodes (and quantizeGeneric): the same bytes.

// QTREE reduces the 4 groups' min (V16-V19) and max (V20-V23) vectors to
// V16 = [min g0, min g1, min g2, min g3] and V20 likewise.
#define QTREE \
	WFMINP(16, 16, 17) \
	WFMINP(18, 18, 19) \
	WFMINP(16, 16, 18) \
	WFMAXP(20, 20, 21) \
	WFMAXP(22, 22, 23) \
	WFMAXP(20, 20, 22)

// QSCALES(sym, done): the 4 groups' scales (stored at R4) and mins (at R5,
// unless symmetric: R5 = 0) from V16, V20: V24 = s, V25 = m (0 when
// symmetric) as float32, V29 = 1/s (0 where s is 0).
#define QSCALES(sym, done) \
	CBZ R5, sym \
	WFSUB(24, 20, 16) \
	WFDIV(24, 24, 12) \
	WFADD(24, 24, 14) \
	WFADD(25, 16, 14) \
	WFCVTN(27, 25) \
	FMOVD.P F27, 8(R5) \
	WFCVTL(25, 27) \
	B done \
sym: \
	WFNEG(24, 16) \
	WFMAX(24, 24, 20) \
	WFDIV(24, 24, 12) \
	WFADD(24, 24, 14) \
	VEOR V25.B16, V25.B16, V25.B16 \
done: \
	WFCVTN(26, 24) \
	WCMTST4S(15, 24, 24) \
	WUSHR4S31(15, 15) \
	WXTN4H(15, 15) \
	VUMAX V15.H4, V26.H4, V26.H4 \
	FMOVD.P F26, 8(R4) \
	WFCVTL(24, 26) \
	WFDIV(29, 28, 24) \
	WCMTST4S(15, 24, 24) \
	WAND(29, 29, 15)

// QCODE(r, l, m): the codes of register r of values in group lane l (its
// min broadcast in Vm): (x - m) * inv, clamped, rounded to int32.
#define QCODE(r, l, m) \
	WFSUB(r, r, m) \
	WFMULE(r, r, 29, l) \
	WFMAX(r, r, 30) \
	WFMIN(r, r, 31) \
	WFCVTNS(r, r)

// QSTORE narrows the int32 codes of V0-V7 to bytes, adds off and stores
// the 32 codes at R0.
#define QSTORE \
	VUZP1 V1.H8, V0.H8, V0.H8 \
	VUZP1 V3.H8, V2.H8, V2.H8 \
	VUZP1 V5.H8, V4.H8, V4.H8 \
	VUZP1 V7.H8, V6.H8, V6.H8 \
	VUZP1 V2.B16, V0.B16, V0.B16 \
	VUZP1 V6.B16, V4.B16, V1.B16 \
	VADD V13.B16, V0.B16, V0.B16 \
	VADD V13.B16, V1.B16, V1.B16 \
	VST1.P [V0.B16, V1.B16], 32(R0)

// func neonQuantizeCodesG8(dst *byte, x *float32, quads int, scales, mins *uint16, qlo, qhi, div float32, off int)
//
// neonQuantizeCodesG8 is neonQuantizeCodes for quads*4 groups of 8
// values. Instructions per 32 values (4 groups): 2 loads, 14 for the mins
// and maxes, 17 for the scales (20 with mins; 2 FDIV), 4 DUP, 40 for the
// codes, 9 to narrow and store, loop control: 88 (the per-group kernel
// takes 250).
TEXT ·neonQuantizeCodesG8(SB), NOSPLIT, $0-64
	QLANE_ARGS
	CBZ R2, done8

quad8:
	VLD1.P 64(R1), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(R1), [V4.S4, V5.S4, V6.S4, V7.S4]
	WFMIN(16, 0, 1)
	WFMIN(17, 2, 3)
	WFMIN(18, 4, 5)
	WFMIN(19, 6, 7)
	WFMAX(20, 0, 1)
	WFMAX(21, 2, 3)
	WFMAX(22, 4, 5)
	WFMAX(23, 6, 7)
	QTREE
	QSCALES(sym8, scaled8)
	VDUP V25.S[0], V8.S4
	VDUP V25.S[1], V9.S4
	VDUP V25.S[2], V10.S4
	VDUP V25.S[3], V11.S4
	QCODE(0, 0, 8)
	QCODE(1, 0, 8)
	QCODE(2, 1, 9)
	QCODE(3, 1, 9)
	QCODE(4, 2, 10)
	QCODE(5, 2, 10)
	QCODE(6, 3, 11)
	QCODE(7, 3, 11)
	QSTORE
	SUBS $1, R2
	BNE quad8

done8:
	RET

// QMM16(g): the min and max vectors of group g of 16 values (R7 stepped).
#define QMM16(g) \
	VLD1.P 64(R7), [V0.S4, V1.S4, V2.S4, V3.S4] \
	WFMIN(16+g, 0, 1) \
	WFMAX(20+g, 0, 1) \
	WFMIN(16+g, 16+g, 2) \
	WFMAX(20+g, 20+g, 2) \
	WFMIN(16+g, 16+g, 3) \
	WFMAX(20+g, 20+g, 3)

// QHALF16(l0, l1): the codes of the 32 values at R1 (2 groups of 16: lanes
// l0 and l1).
#define QHALF16(l0, l1) \
	VLD1.P 64(R1), [V0.S4, V1.S4, V2.S4, V3.S4] \
	VLD1.P 64(R1), [V4.S4, V5.S4, V6.S4, V7.S4] \
	VDUP V25.S[l0], V8.S4 \
	VDUP V25.S[l1], V9.S4 \
	QCODE(0, l0, 8) \
	QCODE(1, l0, 8) \
	QCODE(2, l0, 8) \
	QCODE(3, l0, 8) \
	QCODE(4, l1, 9) \
	QCODE(5, l1, 9) \
	QCODE(6, l1, 9) \
	QCODE(7, l1, 9) \
	QSTORE

// func neonQuantizeCodesG16(dst *byte, x *float32, quads int, scales, mins *uint16, qlo, qhi, div float32, off int)
//
// neonQuantizeCodesG16 is neonQuantizeCodesG8 for groups of 16 values: the
// values are read twice (mins and maxes, then codes). Instructions per 32
// values: 71 (the per-group kernel takes 175).
TEXT ·neonQuantizeCodesG16(SB), NOSPLIT, $0-64
	QLANE_ARGS
	CBZ R2, done16

quad16:
	MOVD R1, R7
	QMM16(0)
	QMM16(1)
	QMM16(2)
	QMM16(3)
	QTREE
	QSCALES(sym16, scaled16)
	QHALF16(0, 1)
	QHALF16(2, 3)
	SUBS $1, R2
	BNE quad16

done16:
	RET

// QMM32(g): the min and max vectors of group g of 32 values (R7 stepped).
#define QMM32(g) \
	VLD1.P 64(R7), [V0.S4, V1.S4, V2.S4, V3.S4] \
	VLD1.P 64(R7), [V4.S4, V5.S4, V6.S4, V7.S4] \
	WFMIN(16+g, 0, 1) \
	WFMAX(20+g, 0, 1) \
	WFMIN(8, 2, 3) \
	WFMAX(9, 2, 3) \
	WFMIN(10, 4, 5) \
	WFMAX(11, 4, 5) \
	WFMIN(26, 6, 7) \
	WFMAX(27, 6, 7) \
	WFMIN(16+g, 16+g, 8) \
	WFMAX(20+g, 20+g, 9) \
	WFMIN(10, 10, 26) \
	WFMAX(11, 11, 27) \
	WFMIN(16+g, 16+g, 10) \
	WFMAX(20+g, 20+g, 11)

// QGROUP32(l): the codes of the 32 values at R1 (group lane l).
#define QGROUP32(l) \
	VLD1.P 64(R1), [V0.S4, V1.S4, V2.S4, V3.S4] \
	VLD1.P 64(R1), [V4.S4, V5.S4, V6.S4, V7.S4] \
	VDUP V25.S[l], V8.S4 \
	QCODE(0, l, 8) \
	QCODE(1, l, 8) \
	QCODE(2, l, 8) \
	QCODE(3, l, 8) \
	QCODE(4, l, 8) \
	QCODE(5, l, 8) \
	QCODE(6, l, 8) \
	QCODE(7, l, 8) \
	QSTORE

// func neonQuantizeCodesG32(dst *byte, x *float32, quads int, scales, mins *uint16, qlo, qhi, div float32, off int)
//
// neonQuantizeCodesG32 is neonQuantizeCodesG8 for groups of 32 values (the
// values read twice). Instructions per 32 values: 71 (the per-group kernel
// takes 150).
TEXT ·neonQuantizeCodesG32(SB), NOSPLIT, $0-64
	QLANE_ARGS
	CBZ R2, done32

quad32:
	MOVD R1, R7
	QMM32(0)
	QMM32(1)
	QMM32(2)
	QMM32(3)
	QTREE
	QSCALES(sym32, scaled32)
	QGROUP32(0)
	QGROUP32(1)
	QGROUP32(2)
	QGROUP32(3)
	SUBS $1, R2
	BNE quad32

done32:
	RET

// func neonQuantizeF16(dst *uint16, x *float32, n int)
//
// neonQuantizeF16 converts n float32 values (a multiple of 4) to fp16 with
// FCVTN (round to nearest even, subnormals kept, as F16FromFloat32).
// Instructions per 32 values: 10 (2 loads, 4 FCVTN, 2 stores, loop).
TEXT ·neonQuantizeF16(SB), NOSPLIT, $0-24
	MOVD dst+0(FP), R0
	MOVD x+8(FP), R1
	MOVD n+16(FP), R2
	LSR $4, R2, R3
	AND $15, R2
	CBZ R3, h4
h16:
	VLD1.P 64(R1), [V0.S4, V1.S4, V2.S4, V3.S4]
	WFCVTN(4, 0)
	WFCVTN2(4, 1)
	WFCVTN(5, 2)
	WFCVTN2(5, 3)
	VST1.P [V4.B16, V5.B16], 32(R0)
	SUBS $1, R3
	BNE h16
h4:
	CBZ R2, hdone
	VLD1.P 16(R1), [V0.S4]
	WFCVTN(4, 0)
	FMOVD.P F4, 8(R0)
	SUB $4, R2
	B h4
hdone:
	RET

// func neonCopyF32(dst, src *float32, n int)
//
// neonCopyF32 copies n float32 values (a multiple of 4): Quantize and
// Dequantize of float32 rows. Instructions per 32 values: 6.
TEXT ·neonCopyF32(SB), NOSPLIT, $0-24
	MOVD dst+0(FP), R0
	MOVD src+8(FP), R1
	MOVD n+16(FP), R2
	LSR $4, R2, R3
	AND $15, R2
	CBZ R3, c4
c16:
	VLD1.P 64(R1), [V0.S4, V1.S4, V2.S4, V3.S4]
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R0)
	SUBS $1, R3
	BNE c16
c4:
	CBZ R2, cdone
	VLD1.P 16(R1), [V0.S4]
	VST1.P [V0.S4], 16(R0)
	SUB $4, R2
	B c4
cdone:
	RET
