//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// exp32 constants (see softmax_generic.go), 4 bytes each.
DATA expConsts<>+0(SB)/4, $0xc2aeac50   // expMinX = -87.3365447505
DATA expConsts<>+4(SB)/4, $0x3fb8aa3b   // log2 e
DATA expConsts<>+8(SB)/4, $0x3f318000   // expLn2Hi = 0.693359375
DATA expConsts<>+12(SB)/4, $0xb95e8083  // expLn2Lo = -2.12194440e-4
DATA expConsts<>+16(SB)/4, $0x39506967  // expP0 = 1.9875691500e-4
DATA expConsts<>+20(SB)/4, $0x3ab743ce  // expP1 = 1.3981999507e-3
DATA expConsts<>+24(SB)/4, $0x3c088908  // expP2 = 8.3334519073e-3
DATA expConsts<>+28(SB)/4, $0x3d2aa9c1  // expP3 = 4.1665795894e-2
DATA expConsts<>+32(SB)/4, $0x3e2aaaaa  // expP4 = 1.6666665459e-1
DATA expConsts<>+36(SB)/4, $0x3f000000  // expP5 = 5.0000001201e-1
DATA expConsts<>+40(SB)/4, $0x3f800000  // 1
GLOBL expConsts<>(SB), RODATA|NOPTR, $44

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

// EXP4(V, v): V = exp(V - max) (v: V's number) with the steps of exp32, 0 below
// expMinX; constants in V19 (max) and V20-V30, temporaries V4-V7.
#define EXP4(V, v) \
	WFSUB(v, v, 19) \
	WFCMGE(4, v, 20) \
	WFMUL(5, v, 21) \
	WFRINTN(5, 5) \
	WFMLS(v, 5, 22) \
	WFMLS(v, 5, 23) \
	VORR V25.B16, V25.B16, V6.B16 \
	WFMLA(6, 24, v) \
	VORR V26.B16, V26.B16, V7.B16 \
	WFMLA(7, 6, v) \
	VORR V27.B16, V27.B16, V6.B16 \
	WFMLA(6, 7, v) \
	VORR V28.B16, V28.B16, V7.B16 \
	WFMLA(7, 6, v) \
	VORR V29.B16, V29.B16, V6.B16 \
	WFMLA(6, 7, v) \
	WFMUL(7, v, v) \
	WFADD(v, v, 30) \
	WFMLA(v, 6, 7) \
	WFCVTZS(5, 5) \
	VSHL $23, V5.S4, V5.S4 \
	VADD V31.S4, V5.S4, V5.S4 \
	WFMUL(v, v, 5) \
	VAND V4.B16, V.B16, V.B16

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
	MOVD $expConsts<>(SB), R2
	VLD1R.P 4(R2), [V20.S4]
	VLD1R.P 4(R2), [V21.S4]
	VLD1R.P 4(R2), [V22.S4]
	VLD1R.P 4(R2), [V23.S4]
	VLD1R.P 4(R2), [V24.S4]
	VLD1R.P 4(R2), [V25.S4]
	VLD1R.P 4(R2), [V26.S4]
	VLD1R.P 4(R2), [V27.S4]
	VLD1R.P 4(R2), [V28.S4]
	VLD1R.P 4(R2), [V29.S4]
	VLD1R.P 4(R2), [V30.S4]
	MOVW $0x3f800000, R3   // 127<<23
	VDUP R3, V31.S4
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
