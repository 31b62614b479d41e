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

// func neonDequantizeCodes(dst *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride, dstride int, off float32)
//
// neonDequantizeCodes writes rows rows of groups groups of group values (a
// multiple of 8): the codes one per byte at codes (rows after each other),
// row i's first scale (and min) at byte i*sstride of scales (mins), row i
// of the output at byte i*dstride of dst. As dequantizeGeneric, bit for bit:
//
//	asymmetric (mins != nil): float32(scale*q) + min   (FMUL, then FADD: never FMLA)
//	symmetric  (mins == nil): scale * (q - off)        (q - off is exact)
//
// Instructions per 32 values: 40 (2 loads, 8 TBL, 8 UCVTF, 8 FMUL, 8 FADD
// or FSUB, 2 stores, loop control per 16).
TEXT ·neonDequantizeCodes(SB), NOSPLIT, $0-76
	MOVD dst+0(FP), R0
	CODE_ARGS
	MOVD scales+40(FP), R5
	MOVD mins+48(FP), R6
	MOVD sstride+56(FP), R7
	MOVD dstride+64(FP), R8
	FMOVS off+72(FP), F29
	CBZ R2, ddone
	MOVD R6, R19     // nil: symmetric
	VDUP V29.S[0], V29.S4
	MOVD $·neonConsts+112(SB), R9
	VLD1 (R9), [V24.B16, V25.B16, V26.B16, V27.B16]
	AND $8, R4, R16  // 8: a last step of 8 per group
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
	CBZ R15, dasym8

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

dasym8:
	CBZ R16, dnext
	CODES8(R1)
	WFMULE(1, 1, 30, 0)
	WFMULE(2, 2, 30, 0)
	WFADD(1, 1, 31)
	WFADD(2, 2, 31)
	VST1.P [V1.S4, V2.S4], 32(R10)
	B dnext

dsym:
	CBZ R15, dsym8

dsymloop:
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
	BNE dsymloop

dsym8:
	CBZ R16, dnext
	CODES8(R1)
	WFSUB(1, 1, 29)
	WFSUB(2, 2, 29)
	WFMULE(1, 1, 30, 0)
	WFMULE(2, 2, 30, 0)
	VST1.P [V1.S4, V2.S4], 32(R10)

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
