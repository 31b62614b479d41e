//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// func neonSoftmaxMax(x *float32, n int) float32
//
// neonSoftmaxMax returns the greatest of n float32 values (n a positive multiple
// of 4), NaN if any is NaN (FMAX propagates it). Instructions per 32
// values: 14 (4 loads, 8 FMAX, loop).
TEXT ·neonSoftmaxMax(SB), NOSPLIT, $0-20
	MOVD x+0(FP), R0
	MOVD n+8(FP), R1
	VLD1 (R0), [V16.S4]
	VORR V16.B16, V16.B16, V17.B16
	VORR V16.B16, V16.B16, V18.B16
	VORR V16.B16, V16.B16, V19.B16
	LSR $4, R1, R2
	AND $15, R1
	CBZ R2, max4
max16:
	VLD1.P 64(R0), [V0.S4, V1.S4, V2.S4, V3.S4]
	WFMAX(16, 16, 0)
	WFMAX(17, 17, 1)
	WFMAX(18, 18, 2)
	WFMAX(19, 19, 3)
	SUBS $1, R2
	BNE max16
max4:
	CBZ R1, maxdone
	VLD1.P 16(R0), [V0.S4]
	WFMAX(16, 16, 0)
	SUB $4, R1
	B max4
maxdone:
	WFMAX(16, 16, 17)
	WFMAX(18, 18, 19)
	WFMAX(16, 16, 18)
	WFMAXV(16, 16)
	FMOVS F16, ret+16(FP)
	RET

// func neonSoftmaxExp(x *float32, n int, m float32) float32
//
// neonSoftmaxExp replaces n float32 values (a multiple of 4) by exp(x - m) and
// returns their sum: n = FRINTN((x-m)*log2 e), r = x-m - n*ln2 (two FMLS),
// the degree-7 polynomial of exp32 by FMLA, times 2^n built in the exponent
// bits (x - m <= 0, so 2^n is a normal float32), and 0 where x - m <
// expMinX. Instructions per 32 values: 216 (24 per 4 for exp; per 8 a
// load, a store, 2 FADD for the sums and loop control).
TEXT ·neonSoftmaxExp(SB), NOSPLIT, $0-28
	MOVD x+0(FP), R0
	MOVD n+8(FP), R1
	FMOVS m+16(FP), F19
	VDUP V19.S[0], V19.S4
	EXP4_INIT(R2, R3)
	VEOR V16.B16, V16.B16, V16.B16
	VEOR V17.B16, V17.B16, V17.B16
	LSR $3, R1, R2
	AND $7, R1
	CBZ R2, exp4
exp8:
	VLD1 (R0), [V0.S4, V1.S4]
	EXP4(V0, 0)
	EXP4(V1, 1)
	VST1.P [V0.S4, V1.S4], 32(R0)
	WFADD(16, 16, 0)
	WFADD(17, 17, 1)
	SUBS $1, R2
	BNE exp8
exp4:
	CBZ R1, expdone
	VLD1 (R0), [V0.S4]
	EXP4(V0, 0)
	VST1.P [V0.S4], 16(R0)
	WFADD(16, 16, 0)
expdone:
	WFADD(16, 16, 17)
	WFADDP(16, 16, 16)
	WFADDPS(16, 16)
	FMOVS F16, ret+24(FP)
	RET

// func neonSoftmaxScale(x *float32, n int, s float32)
//
// neonSoftmaxScale multiplies n float32 values (a multiple of 4) by s.
// Instructions per 32 values: 16.
TEXT ·neonSoftmaxScale(SB), NOSPLIT, $0-20
	MOVD x+0(FP), R0
	MOVD n+8(FP), R1
	FMOVS s+16(FP), F16
	LSR $4, R1, R2
	AND $15, R1
	CBZ R2, sc4
sc16:
	VLD1 (R0), [V0.S4, V1.S4, V2.S4, V3.S4]
	WFMULE(0, 0, 16, 0)
	WFMULE(1, 1, 16, 0)
	WFMULE(2, 2, 16, 0)
	WFMULE(3, 3, 16, 0)
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R0)
	SUBS $1, R2
	BNE sc16
sc4:
	CBZ R1, scdone
	VLD1 (R0), [V0.S4]
	WFMULE(0, 0, 16, 0)
	VST1.P [V0.S4], 16(R0)
	SUB $4, R1
	B sc4
scdone:
	RET
