//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// func neonQuantizeQ8(values *int8, x *float32, scales, sums *float32, groups, group int)
//
// neonQuantizeQ8 quantizes groups consecutive groups of group float32
// values to int8 blocks as quantizeQ8Generic, bit for bit: each group is cut
// into blocks of 32 (the last what remains), and per block
//
//	amax = max|x| (0 if below 2^-120), inv = 127/amax (0 if amax is 0),
//	value = FCVTNS(clamp(x*inv, -127, 127)), scale = amax/127,
//	sum = scale * float32(Σ values)
//
// Blocks are handled 8 values a step, then one at a time (float rows whose
// length is not a multiple of 8). Instructions per 32 values: 28 for amax
// (loads, FABS, FMAX, loop) and 64 for the values (loads, FMUL, FMAX, FMIN,
// FCVTNS, 2 ADD, 2 UZP1 and a store per 8, loop), plus about 25 per block.
TEXT ·neonQuantizeQ8(SB), NOSPLIT, $0-48
	MOVD values+0(FP), R0
	MOVD x+8(FP), R1
	MOVD scales+16(FP), R4
	MOVD sums+24(FP), R5
	MOVD groups+32(FP), R2
	MOVD group+40(FP), R3
	CBZ R2, done
	MOVW $0xc2fe0000, R9   // -127
	VDUP R9, V18.S4
	MOVW $0x42fe0000, R9   // 127
	VDUP R9, V19.S4
	MOVW $0x03800000, R9   // 2^-120: below it, 127/amax would overflow
	FMOVS R9, F25

group:
	MOVD R3, R6            // values left in the group

block:
	MOVD $32, R7
	CMP R7, R6
	CSEL LT, R6, R7, R7    // m = min(32, left)
	SUB R7, R6
	LSR $3, R7, R8         // steps of 8
	AND $7, R7, R11        // values after them
	VEOR V16.B16, V16.B16, V16.B16
	VEOR V17.B16, V17.B16, V17.B16
	MOVD R1, R10
	CBZ R8, amaxtail
	MOVD R8, R12

amax8:
	VLD1.P 32(R10), [V0.S4, V1.S4]
	WFABS(0, 0)
	WFABS(1, 1)
	WFMAX(16, 16, 0)
	WFMAX(17, 17, 1)
	SUBS $1, R12
	BNE amax8

amaxtail:
	WFMAX(16, 16, 17)
	WFMAXV(16, 16)         // F16 = amax of the steps of 8
	CBZ R11, inv
	MOVD R11, R12

amax1:
	FMOVS.P 4(R10), F0
	FABSS F0, F0
	FMAXS F0, F16, F16
	SUBS $1, R12
	BNE amax1

inv:
	FMOVS ZR, F17
	FCMPS F25, F16
	BGE nonzero
	FMOVS ZR, F16          // a block below 2^-120 is stored as zeros, scale 0
	B zero
nonzero:
	FMOVS F19, F17
	FDIVS F16, F17, F17    // inv = 127/amax
zero:
	VEOR V20.B16, V20.B16, V20.B16
	MOVD $0, R12           // Σ values of the one-at-a-time tail
	CBZ R8, valtail

val8:
	VLD1.P 32(R1), [V0.S4, V1.S4]
	WFMULE(0, 0, 17, 0)
	WFMULE(1, 1, 17, 0)
	WFMAX(0, 0, 18)
	WFMAX(1, 1, 18)
	WFMIN(0, 0, 19)
	WFMIN(1, 1, 19)
	WFCVTNS(0, 0)
	WFCVTNS(1, 1)
	VADD V0.S4, V20.S4, V20.S4
	VADD V1.S4, V20.S4, V20.S4
	VUZP1 V1.H8, V0.H8, V2.H8
	VUZP1 V2.B16, V2.B16, V2.B16
	FMOVD.P F2, 8(R0)
	SUBS $1, R8
	BNE val8

valtail:
	CBZ R11, fold

val1:
	FMOVS.P 4(R1), F0
	FMULS F17, F0, F0
	FMAXS F18, F0, F0
	FMINS F19, F0, F0
	FRINTNS F0, F0
	FCVTZSSW F0, R9
	MOVB.P R9, 1(R0)
	ADDW R9, R12
	SUBS $1, R11
	BNE val1

fold:
	VADDV V20.S4, V20
	FMOVS F20, R9
	ADDW R9, R12
	SCVTFWS R12, F21       // float32(Σ values)
	FDIVS F19, F16, F22    // scale = amax/127
	FMULS F21, F22, F23    // sum = scale * Σ values
	FMOVS.P F22, 4(R4)
	FMOVS.P F23, 4(R5)
	CBNZ R6, block
	SUBS $1, R2
	BNE group

done:
	RET
