//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// CODES16 loads 16 codes and widens them to float32 in V1-V4: TBL to
// uint32 lanes (indices in V24-V27), UCVTF.
#define CODES16(reg) \
	VLD1.P 16(reg), [V0.B16] \
	TBL4(V24, V25, V26, V27, V0, V1, V2, V3, V4) \
	UCVTF4(1)

// CODES8 loads 8 codes and widens them to float32 in V1, V2.
#define CODES8(reg) \
	FMOVD.P 8(reg), F0 \
	VTBL V24.B16, [V0.B16], V1.B16 \
	VTBL V25.B16, [V0.B16], V2.B16 \
	WUCVTF(1, 1) \
	WUCVTF(2, 2)

// LANE_DQ_ARGS loads the arguments of the per-lane Dequantize kernels.
#define LANE_DQ_ARGS \
	MOVD dst+0(FP), R0 \
	MOVD codes+8(FP), R1 \
	MOVD rows+16(FP), R2 \
	MOVD cols+24(FP), R3 \
	MOVD scales+32(FP), R14 \
	MOVD mins+40(FP), R15 \
	MOVD dstride+48(FP), R8 \
	FMOVS off+56(FP), F30

// FOLD_DQ_ARGS loads the arguments of neonDequantizeCodes and
// neonDequantizeCodesTail.
#define FOLD_DQ_ARGS \
	MOVD dst+0(FP), R0 \
	CODE_ARGS \
	MOVD scales+40(FP), R5 \
	MOVD mins+48(FP), R6 \
	MOVD sstride+56(FP), R7 \
	MOVD dstride+64(FP), R8 \
	FMOVS off+72(FP), F29

// func neonDequantizeCodes(dst *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride, dstride int, off float32)
//
// neonDequantizeCodes writes rows rows of groups groups of group values (a
// multiple of 16): the codes one per byte at codes (rows after each other),
// row i's first scale (and min) at byte i*sstride of scales (mins), row i
// of the output at byte i*dstride of dst. As dequantizeGeneric, bit for bit:
//
//	asymmetric (mins != nil): float32(scale*q) + min   (FMUL, then FADD: never FMLA)
//	symmetric  (mins == nil): scale * (q - off)        (q - off is exact)
//
// Instructions per 32 values: 40 (2 loads, 8 TBL, 8 UCVTF, 8 FMUL, 8 FADD
// or FSUB, 2 stores, loop control per 16).
TEXT ·neonDequantizeCodes(SB), NOSPLIT, $0-76
	FOLD_DQ_ARGS
#include "neon_dequantize_fold_arm64.h"

// func neonDequantizeCodesTail(dst *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride, dstride int, off float32)
//
// neonDequantizeCodesTail is neonDequantizeCodes for groups of 16k+8
// values (k >= 1): a last step of 8 values per group (21 instructions).
#define FOLD_TAIL
TEXT ·neonDequantizeCodesTail(SB), NOSPLIT, $0-76
	FOLD_DQ_ARGS
#include "neon_dequantize_fold_arm64.h"
#undef FOLD_TAIL

// func neonDequantizeF16(dst *float32, src *uint16, n int)
//
// neonDequantizeF16 converts n fp16 values (a multiple of 4) to float32 with
// FCVTL/FCVTL2 (exact). Instructions per 32 values: 10.
TEXT ·neonDequantizeF16(SB), NOSPLIT, $0-24
	MOVD dst+0(FP), R0
	MOVD src+8(FP), R1
	MOVD n+16(FP), R2
	LSR $4, R2, R3
	AND $15, R2
	CBZ R3, e4
e16:
	VLD1.P 32(R1), [V4.B16, V5.B16]
	WFCVTL(0, 4)
	WFCVTL2(1, 4)
	WFCVTL(2, 5)
	WFCVTL2(3, 5)
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R0)
	SUBS $1, R3
	BNE e16
e4:
	CBZ R2, edone
	FMOVD.P 8(R1), F4
	WFCVTL(0, 4)
	VST1.P [V0.S4], 16(R0)
	SUB $4, R2
	B e4
edone:
	RET

// ---- The per-lane kernels: groups of 8 and 16 values, several groups a
// block, each code times its group's scale by element; the mins are
// broadcast per group (FADD has no by-element form). Bit for bit as
// neonDequantizeCodes: FMUL then FADD, or FSUB then FMUL.

// DQ(r, l, M): asymmetric, register r of codes in group lane l (its min
// broadcast in VM); DQS(r, l): symmetric.
#define DQ(r, l, m) \
	WFMULE(r, r, 24, l) \
	WFADD(r, r, m)
#define DQS(r, l) \
	WFSUB(r, r, 30) \
	WFMULE(r, r, 24, l)

// DQSCALE1(sym, done): one group's scale into lane 0 of V24 and its min
// broadcast into V16 (not for symmetric formats).
#define DQSCALE1(sym, done) \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24) \
	CBZ R15, sym \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25) \
	VDUP V25.S[0], V16.S4

// DQHALF(SCALES, ASYM, SYM): the half block (16 values) that ends a row
// of cols%32 = 16 or 24.
#define DQHALF(SCALES, ASYM, SYM, sym, done) \
	VLD1.P 16(R1), [V28.B16] \
	TBL4(V12, V13, V14, V15, V28, V0, V1, V2, V3) \
	UCVTF4(0) \
	SCALES \
	ASYM \
	B done \
sym: \
	SYM \
done: \
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R10)

// DQQUARTER: the quarter block (8 values, groups of 8).
#define DQQUARTER \
	FMOVD.P 8(R1), F28 \
	VTBL V12.B16, [V28.B16], V0.B16 \
	VTBL V13.B16, [V28.B16], V1.B16 \
	WUCVTF(0, 0) \
	WUCVTF(1, 1) \
	DQSCALE1(qsym, qdone) \
	DQ(0, 0, 16) \
	DQ(1, 0, 16) \
	B qdone \
qsym: \
	DQS(0, 0) \
	DQS(1, 0) \
qdone: \
	VST1.P [V0.S4, V1.S4], 32(R10)

// Groups of 8: 4 a block, 2 a half block, 1 a quarter block.
#define SCALES_B \
	FMOVD.P 8(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVD.P 8(R15), F25 \
	WFCVTL(25, 25)
#define MDUP_B \
	VDUP V25.S[0], V16.S4 \
	VDUP V25.S[1], V17.S4 \
	VDUP V25.S[2], V18.S4 \
	VDUP V25.S[3], V19.S4
#define ASYM_B \
	DQ(0, 0, 16) \
	DQ(1, 0, 16) \
	DQ(2, 1, 17) \
	DQ(3, 1, 17) \
	DQ(4, 2, 18) \
	DQ(5, 2, 18) \
	DQ(6, 3, 19) \
	DQ(7, 3, 19)
#define SYM_B \
	DQS(0, 0) \
	DQS(1, 0) \
	DQS(2, 1) \
	DQS(3, 1) \
	DQS(4, 2) \
	DQS(5, 2) \
	DQS(6, 3) \
	DQS(7, 3)
#define SCALES8_H \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24) \
	CBZ R15, hsym \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25) \
	VDUP V25.S[0], V16.S4 \
	VDUP V25.S[1], V17.S4
#define ASYM8_H \
	DQ(0, 0, 16) \
	DQ(1, 0, 16) \
	DQ(2, 1, 17) \
	DQ(3, 1, 17)
#define SYM8_H \
	DQS(0, 0) \
	DQS(1, 0) \
	DQS(2, 1) \
	DQS(3, 1)
#define TAIL \
	TBZ $4, R4, quarter \
	DQHALF(SCALES8_H, ASYM8_H, SYM8_H, hsym, hdone) \
quarter: \
	TBZ $3, R4, rowend \
	DQQUARTER

// func neonDequantizeCodesG8(dst *float32, codes *byte, rows, cols int, scales, mins *uint16, dstride int, off float32)
//
// neonDequantizeCodesG8 is neonDequantizeCodes for groups of 8 values,
// rows of cols values (a multiple of 8; rows, their scales and mins after
// each other; row i of the output at byte i*dstride of dst). Instructions
// per 32 values (a block of 4 groups): 45 (load, 8 TBL, 8 UCVTF, 4 to load
// and widen the scales and mins, 4 DUP, 8 FMUL by element, 8 FADD,
// 2 stores, loop control); 39 symmetric (8 FSUB, 8 FMUL, no mins).
TEXT ·neonDequantizeCodesG8(SB), NOSPLIT, $0-60
	LANE_DQ_ARGS
#include "neon_dequantize_lane_arm64.h"

#undef SCALES_B
#undef MINS_B
#undef MDUP_B
#undef ASYM_B
#undef SYM_B
#undef TAIL

// Groups of 16: 2 a block, 1 a half block.
#define SCALES_B \
	FMOVS.P 4(R14), F24 \
	WFCVTL(24, 24)
#define MINS_B \
	FMOVS.P 4(R15), F25 \
	WFCVTL(25, 25)
#define MDUP_B \
	VDUP V25.S[0], V16.S4 \
	VDUP V25.S[1], V17.S4
#define ASYM_B \
	DQ(0, 0, 16) \
	DQ(1, 0, 16) \
	DQ(2, 0, 16) \
	DQ(3, 0, 16) \
	DQ(4, 1, 17) \
	DQ(5, 1, 17) \
	DQ(6, 1, 17) \
	DQ(7, 1, 17)
#define SYM_B \
	DQS(0, 0) \
	DQS(1, 0) \
	DQS(2, 0) \
	DQS(3, 0) \
	DQS(4, 1) \
	DQS(5, 1) \
	DQS(6, 1) \
	DQS(7, 1)
#define ASYM16_H \
	DQ(0, 0, 16) \
	DQ(1, 0, 16) \
	DQ(2, 0, 16) \
	DQ(3, 0, 16)
#define SYM16_H \
	DQS(0, 0) \
	DQS(1, 0) \
	DQS(2, 0) \
	DQS(3, 0)
#define TAIL \
	TBZ $4, R4, rowend \
	DQHALF(DQSCALE1(hsym, hscaled), ASYM16_H, SYM16_H, hsym, hdone)

// func neonDequantizeCodesG16(dst *float32, codes *byte, rows, cols int, scales, mins *uint16, dstride int, off float32)
//
// neonDequantizeCodesG16 is neonDequantizeCodesG8 for groups of 16 values
// (cols a multiple of 16), 2 a block: 43 instructions per 32 values (2
// DUP), 39 symmetric.
TEXT ·neonDequantizeCodesG16(SB), NOSPLIT, $0-60
	LANE_DQ_ARGS
#include "neon_dequantize_lane_arm64.h"

#undef SCALES_B
#undef MINS_B
#undef MDUP_B
#undef ASYM_B
#undef SYM_B
#undef TAIL

// Groups of 32: a block is a group, rows have no tail.
#define SCALES_B \
	MOVHU.P 2(R14), R24 \
	FMOVS R24, F24 \
	WFCVTL(24, 24)
#define MINS_B \
	MOVHU.P 2(R15), R24 \
	FMOVS R24, F25 \
	WFCVTL(25, 25)
#define MDUP_B VDUP V25.S[0], V16.S4
#define ASYM_B \
	ASYM16_H \
	DQ(4, 0, 16) \
	DQ(5, 0, 16) \
	DQ(6, 0, 16) \
	DQ(7, 0, 16)
#define SYM_B \
	SYM16_H \
	DQS(4, 0) \
	DQS(5, 0) \
	DQS(6, 0) \
	DQS(7, 0)
#define TAIL

// func neonDequantizeCodesG32(dst *float32, codes *byte, rows, cols int, scales, mins *uint16, dstride int, off float32)
//
// neonDequantizeCodesG32 is neonDequantizeCodesG8 for groups of 32 values,
// a group a block: 44 instructions per 32 values, 40 symmetric.
TEXT ·neonDequantizeCodesG32(SB), NOSPLIT, $0-60
	LANE_DQ_ARGS
#include "neon_dequantize_lane_arm64.h"
