//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// The Hadamard kernel (hadamardNEON, neon_hadamard_arm64.go). Every value
// goes through the same additions and subtractions as in hadamardGeneric,
// in the same order of stages, and one final multiply, so the bits are the
// generic ones: stages reordered only across independent values.

// IN2(A, B) runs the stages h = 1 and 2 inside the vectors A and B (V16 to
// V19 scratch). UZP1/UZP2 gather the first and the second value of every
// pair of h = 1 (a = [A0 A2 B0 B2], b = [A1 A3 B1 B3]); S = a + b and
// D = a - b hold the stage's results with the pairs of h = 2 side by side,
// so the same step on (S, D) runs the second stage, and a last UZP1/UZP2
// puts the values back in order. 10 instructions per 8 values.
#define IN2(A, B) \
	VUZP1 B.S4, A.S4, V16.S4 \
	VUZP2 B.S4, A.S4, V17.S4 \
	WFADD(18, 16, 17) \
	WFSUB(19, 16, 17) \
	VUZP1 V19.S4, V18.S4, V16.S4 \
	VUZP2 V19.S4, V18.S4, V17.S4 \
	WFADD(18, 16, 17) \
	WFSUB(19, 16, 17) \
	VUZP1 V19.S4, V18.S4, A.S4 \
	VUZP2 V19.S4, V18.S4, B.S4

// BF(a, b) is one butterfly between whole vectors (register numbers):
// Va, Vb = Va+Vb, Va-Vb (V20 scratch).
#define BF(a, b) \
	WFSUB(20, a, b) \
	WFADD(a, a, b) \
	WORR(b, 20, 20)

// func neonHadamard(x *float32, length, n int, s float32)
//
// neonHadamard is Hadamard on length values at x in blocks of n (n a power
// of two >= 8 dividing length > 0); s = float32(1/sqrt(n)). Pass A takes
// min(n, 64) values at a time in registers: the stages h = 1 and 2 inside
// pairs of vectors (IN2), the stages h = 4 … 32 between vectors, times s
// if it was the last stage (else times 1, which is exact: every NaN is
// quiet by then). Pass B runs the stages h = 64 … n/2 over memory, three at
// a time (eight rows h apart, two vectors wide), then the last one or two
// (four vectors wide), and multiplies the last stage's results by s.
//
// Instructions per 32 values: IN2 40; each stage h >= 4 12 (butterflies of
// 3 per 8 values); 8 multiplies; 4 loads and stores per pass. n = 8: 64;
// n = 128: pass A 40 + 48 + 12 = 100, pass B (one stage) 24, about 125 in
// all (the generic code: about 8 per value and stage, 1800).
TEXT ·neonHadamard(SB), NOSPLIT, $0-28
	MOVD  x+0(FP), R0
	MOVD  length+8(FP), R1
	MOVD  n+16(FP), R2
	FMOVS s+24(FP), F30
	VDUP  V30.S[0], V30.S4
	FMOVS $1.0, F31
	VDUP  V31.S[0], V31.S4
	ADD   R1<<2, R0, R3 // the end of x
	MOVD  R0, R4
	CMP   $16, R2
	BLO   n8
	BEQ   n16
	CMP   $64, R2
	BLO   n32
	WORR(29, 30, 30)
	BEQ   a64
	WORR(29, 31, 31) // more stages follow in pass B

a64:
	MOVD   R4, R5
	VLD1.P 64(R4), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(R4), [V4.S4, V5.S4, V6.S4, V7.S4]
	VLD1.P 64(R4), [V8.S4, V9.S4, V10.S4, V11.S4]
	VLD1.P 64(R4), [V12.S4, V13.S4, V14.S4, V15.S4]
	IN2(V0, V1)
	IN2(V2, V3)
	IN2(V4, V5)
	IN2(V6, V7)
	IN2(V8, V9)
	IN2(V10, V11)
	IN2(V12, V13)
	IN2(V14, V15)
	BF(0, 1); BF(2, 3); BF(4, 5); BF(6, 7); BF(8, 9); BF(10, 11); BF(12, 13); BF(14, 15)
	BF(0, 2); BF(1, 3); BF(4, 6); BF(5, 7); BF(8, 10); BF(9, 11); BF(12, 14); BF(13, 15)
	BF(0, 4); BF(1, 5); BF(2, 6); BF(3, 7); BF(8, 12); BF(9, 13); BF(10, 14); BF(11, 15)
	BF(0, 8); BF(1, 9); BF(2, 10); BF(3, 11); BF(4, 12); BF(5, 13); BF(6, 14); BF(7, 15)
	WFMUL(0, 0, 29); WFMUL(1, 1, 29); WFMUL(2, 2, 29); WFMUL(3, 3, 29); WFMUL(4, 4, 29); WFMUL(5, 5, 29); WFMUL(6, 6, 29); WFMUL(7, 7, 29); WFMUL(8, 8, 29); WFMUL(9, 9, 29); WFMUL(10, 10, 29); WFMUL(11, 11, 29); WFMUL(12, 12, 29); WFMUL(13, 13, 29); WFMUL(14, 14, 29); WFMUL(15, 15, 29)
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R5)
	VST1.P [V4.S4, V5.S4, V6.S4, V7.S4], 64(R5)
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(R5)
	VST1.P [V12.S4, V13.S4, V14.S4, V15.S4], 64(R5)
	CMP  R3, R4
	BLO  a64

	// Pass B: R6 stages left, R8 = h in bytes.
	RBIT R2, R6
	CLZ  R6, R6
	SUBS $6, R6
	BEQ  done
	MOVD $256, R8

passB:
	MOVD R0, R7 // the group of 8h (4h, 2h) values
	CMP  $3, R6
	BLO  last
	WORR(29, 30, 30)
	BEQ  r8group
	WORR(29, 31, 31)

	// Three stages: eight rows h apart, two vectors at a time.
r8group:
	MOVD R7, R4
	ADD  R8, R7, R12

r8col:
	MOVD R4, R5
	VLD1.P (R5)(R8), [V0.S4, V1.S4]
	VLD1.P (R5)(R8), [V2.S4, V3.S4]
	VLD1.P (R5)(R8), [V4.S4, V5.S4]
	VLD1.P (R5)(R8), [V6.S4, V7.S4]
	VLD1.P (R5)(R8), [V8.S4, V9.S4]
	VLD1.P (R5)(R8), [V10.S4, V11.S4]
	VLD1.P (R5)(R8), [V12.S4, V13.S4]
	VLD1.P (R5)(R8), [V14.S4, V15.S4]
	BF(0, 2); BF(1, 3); BF(4, 6); BF(5, 7); BF(8, 10); BF(9, 11); BF(12, 14); BF(13, 15)
	BF(0, 4); BF(1, 5); BF(2, 6); BF(3, 7); BF(8, 12); BF(9, 13); BF(10, 14); BF(11, 15)
	BF(0, 8); BF(1, 9); BF(2, 10); BF(3, 11); BF(4, 12); BF(5, 13); BF(6, 14); BF(7, 15)
	WFMUL(0, 0, 29); WFMUL(1, 1, 29); WFMUL(2, 2, 29); WFMUL(3, 3, 29); WFMUL(4, 4, 29); WFMUL(5, 5, 29); WFMUL(6, 6, 29); WFMUL(7, 7, 29); WFMUL(8, 8, 29); WFMUL(9, 9, 29); WFMUL(10, 10, 29); WFMUL(11, 11, 29); WFMUL(12, 12, 29); WFMUL(13, 13, 29); WFMUL(14, 14, 29); WFMUL(15, 15, 29)
	MOVD R4, R5
	VST1.P [V0.S4, V1.S4], (R5)(R8)
	VST1.P [V2.S4, V3.S4], (R5)(R8)
	VST1.P [V4.S4, V5.S4], (R5)(R8)
	VST1.P [V6.S4, V7.S4], (R5)(R8)
	VST1.P [V8.S4, V9.S4], (R5)(R8)
	VST1.P [V10.S4, V11.S4], (R5)(R8)
	VST1.P [V12.S4, V13.S4], (R5)(R8)
	VST1.P [V14.S4, V15.S4], (R5)(R8)
	ADD  $32, R4
	CMP  R12, R4
	BLO  r8col
	ADD  R8<<3, R7, R7
	CMP  R3, R7
	BLO  r8group
	LSL  $3, R8
	SUBS $3, R6
	BNE  passB
	B    done

last:
	CMP $2, R6
	BLO r2group

	// The last two stages: four rows h apart, four vectors at a time.
r4group:
	MOVD R7, R4
	ADD  R8, R7, R12

r4col:
	MOVD R4, R5
	VLD1.P (R5)(R8), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P (R5)(R8), [V4.S4, V5.S4, V6.S4, V7.S4]
	VLD1.P (R5)(R8), [V8.S4, V9.S4, V10.S4, V11.S4]
	VLD1.P (R5)(R8), [V12.S4, V13.S4, V14.S4, V15.S4]
	BF(0, 4); BF(1, 5); BF(2, 6); BF(3, 7); BF(8, 12); BF(9, 13); BF(10, 14); BF(11, 15)
	BF(0, 8); BF(1, 9); BF(2, 10); BF(3, 11); BF(4, 12); BF(5, 13); BF(6, 14); BF(7, 15)
	WFMUL(0, 0, 30); WFMUL(1, 1, 30); WFMUL(2, 2, 30); WFMUL(3, 3, 30); WFMUL(4, 4, 30); WFMUL(5, 5, 30); WFMUL(6, 6, 30); WFMUL(7, 7, 30); WFMUL(8, 8, 30); WFMUL(9, 9, 30); WFMUL(10, 10, 30); WFMUL(11, 11, 30); WFMUL(12, 12, 30); WFMUL(13, 13, 30); WFMUL(14, 14, 30); WFMUL(15, 15, 30)
	MOVD R4, R5
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], (R5)(R8)
	VST1.P [V4.S4, V5.S4, V6.S4, V7.S4], (R5)(R8)
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], (R5)(R8)
	VST1.P [V12.S4, V13.S4, V14.S4, V15.S4], (R5)(R8)
	ADD $64, R4
	CMP R12, R4
	BLO r4col
	ADD R8<<2, R7, R7
	CMP R3, R7
	BLO r4group
	B   done

	// The last stage: two rows h apart, four vectors at a time.
r2group:
	MOVD R7, R4
	ADD  R8, R7, R12

r2col:
	MOVD R4, R5
	VLD1.P (R5)(R8), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P (R5)(R8), [V4.S4, V5.S4, V6.S4, V7.S4]
	BF(0, 4); BF(1, 5); BF(2, 6); BF(3, 7)
	WFMUL(0, 0, 30); WFMUL(1, 1, 30); WFMUL(2, 2, 30); WFMUL(3, 3, 30); WFMUL(4, 4, 30); WFMUL(5, 5, 30); WFMUL(6, 6, 30); WFMUL(7, 7, 30)
	MOVD R4, R5
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], (R5)(R8)
	VST1.P [V4.S4, V5.S4, V6.S4, V7.S4], (R5)(R8)
	ADD $64, R4
	CMP R12, R4
	BLO r2col
	ADD R8<<1, R7, R7
	CMP R3, R7
	BLO r2group
	B   done

	// Blocks of 8: two vectors.
n8:
	VLD1   (R4), [V0.S4, V1.S4]
	IN2(V0, V1)
	BF(0, 1)
	WFMUL(0, 0, 30); WFMUL(1, 1, 30)
	VST1.P [V0.S4, V1.S4], 32(R4)
	CMP    R3, R4
	BLO    n8
	B      done

	// Blocks of 16: four vectors.
n16:
	VLD1   (R4), [V0.S4, V1.S4, V2.S4, V3.S4]
	IN2(V0, V1)
	IN2(V2, V3)
	BF(0, 1); BF(2, 3)
	BF(0, 2); BF(1, 3)
	WFMUL(0, 0, 30); WFMUL(1, 1, 30); WFMUL(2, 2, 30); WFMUL(3, 3, 30)
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R4)
	CMP    R3, R4
	BLO    n16
	B      done

	// Blocks of 32: eight vectors.
n32:
	MOVD   R4, R5
	VLD1.P 64(R4), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(R4), [V4.S4, V5.S4, V6.S4, V7.S4]
	IN2(V0, V1)
	IN2(V2, V3)
	IN2(V4, V5)
	IN2(V6, V7)
	BF(0, 1); BF(2, 3); BF(4, 5); BF(6, 7)
	BF(0, 2); BF(1, 3); BF(4, 6); BF(5, 7)
	BF(0, 4); BF(1, 5); BF(2, 6); BF(3, 7)
	WFMUL(0, 0, 30); WFMUL(1, 1, 30); WFMUL(2, 2, 30); WFMUL(3, 3, 30); WFMUL(4, 4, 30); WFMUL(5, 5, 30); WFMUL(6, 6, 30); WFMUL(7, 7, 30)
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(R5)
	VST1.P [V4.S4, V5.S4, V6.S4, V7.S4], 64(R5)
	CMP    R3, R4
	BLO    n32

done:
	RET
