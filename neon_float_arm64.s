//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// Kernels on fp16 and float32 rows. Each walks rows of cols values (a
// multiple of 4; Go adds the last cols%4) with the row at R1, 16 values a
// step and then 4 at a time, and query rows in the loop inside each row
// (fp16 rows are widened again for each query row: FCVTL is cheap next to
// the multiply-adds, and no query count limits the loop).

// Row loads: 16 values into V0-V3, or 4 into V0, from R1 on.
#define ROW16F32 \
	VLD1.P 64(R1), [V0.S4, V1.S4, V2.S4, V3.S4]

#define ROW16F16 \
	VLD1.P 32(R1), [V4.B16, V5.B16] \
	WFCVTL(0, 4) \
	WFCVTL2(1, 4) \
	WFCVTL(2, 5) \
	WFCVTL2(3, 5)

#define ROW4F32 \
	VLD1.P 16(R1), [V0.S4]

#define ROW4F16 \
	FMOVD.P 8(R1), F4 \
	WFCVTL(0, 4)

// DOTFLOAT: out[j*ostride + 4i] = Σ_c row_i[c] * x_j[c]. Registers: R0 out,
// R2 row, R3 rows left, R5 row stride, R6 x, R7 x stride, R8 queries, R9
// out stride, R10 steps of 16, R11 values after them.
#define DOTFLOAT(ROW16, ROW4) \
row: \
	MOVD R6, R12 \
	MOVD R0, R13 \
	MOVD R8, R14 \
query: \
	VEOR V16.B16, V16.B16, V16.B16 \
	VEOR V17.B16, V17.B16, V17.B16 \
	VEOR V18.B16, V18.B16, V18.B16 \
	VEOR V19.B16, V19.B16, V19.B16 \
	MOVD R2, R1 \
	MOVD R12, R15 \
	MOVD R10, R19 \
	CBZ R19, tail \
loop16: \
	ROW16 \
	VLD1.P 64(R15), [V8.S4, V9.S4, V10.S4, V11.S4] \
	VFMLA V0.S4, V8.S4, V16.S4 \
	VFMLA V1.S4, V9.S4, V17.S4 \
	VFMLA V2.S4, V10.S4, V18.S4 \
	VFMLA V3.S4, V11.S4, V19.S4 \
	SUBS $1, R19 \
	BNE loop16 \
tail: \
	MOVD R11, R19 \
	CBZ R19, sum \
loop4: \
	ROW4 \
	VLD1.P 16(R15), [V8.S4] \
	VFMLA V0.S4, V8.S4, V16.S4 \
	SUBS $4, R19 \
	BNE loop4 \
sum: \
	WFADD(16, 16, 17) \
	WFADD(18, 18, 19) \
	WFADD(16, 16, 18) \
	WFADDP(16, 16, 16) \
	WFADDPS(16, 16) \
	FMOVS F16, (R13) \
	ADD R7, R12 \
	ADD R9, R13 \
	SUBS $1, R14 \
	BNE query \
	ADD R5, R2 \
	ADD $4, R0 \
	SUBS $1, R3 \
	BNE row \
	RET

// func neonDotF32(out *float32, data *byte, n, cols, rowstride int, x *float32, xstride, nq, ostride int)
//
// neonDotF32 sets out[j*ostride + 4i] (bytes) to the dot product of the
// first cols values (a multiple of 4) of float32 row i < n (at byte
// i*rowstride of data) with query row j < nq (at byte j*xstride of x).
// Instructions per 32 values and query row: 16 (4 loads, 8 FMLA, loop).
TEXT ·neonDotF32(SB), NOSPLIT, $0-72
	MOVD out+0(FP), R0
	MOVD data+8(FP), R2
	MOVD n+16(FP), R3
	MOVD cols+24(FP), R4
	MOVD rowstride+32(FP), R5
	MOVD x+40(FP), R6
	MOVD xstride+48(FP), R7
	MOVD nq+56(FP), R8
	MOVD ostride+64(FP), R9
	CBZ R3, done
	LSR $4, R4, R10
	AND $15, R4, R11
	DOTFLOAT(ROW16F32, ROW4F32)
done:
	RET

// func neonDotF16(out *float32, data *byte, n, cols, rowstride int, x *float32, xstride, nq, ostride int)
//
// neonDotF16 is neonDotF32 for fp16 rows (FCVTL, FCVTL2). Instructions per
// 32 values and query row: 24.
TEXT ·neonDotF16(SB), NOSPLIT, $0-72
	MOVD out+0(FP), R0
	MOVD data+8(FP), R2
	MOVD n+16(FP), R3
	MOVD cols+24(FP), R4
	MOVD rowstride+32(FP), R5
	MOVD x+40(FP), R6
	MOVD xstride+48(FP), R7
	MOVD nq+56(FP), R8
	MOVD ostride+64(FP), R9
	CBZ R3, done
	LSR $4, R4, R10
	AND $15, R4, R11
	DOTFLOAT(ROW16F16, ROW4F16)
done:
	RET

// AWFLOAT: y_j[c] += w_ji * row_i[c]. Registers: R0 y, R2 row, R3 rows
// left, R5 row stride, R6 w of the row, R7 w stride, R8 queries, R9 y
// stride, R10 steps of 16, R11 values after them.
#define AWFLOAT(ROW16, ROW4) \
row: \
	MOVD R6, R12 \
	MOVD R0, R13 \
	MOVD R8, R14 \
query: \
	FMOVS (R12), F20 \
	MOVD R2, R1 \
	MOVD R13, R15 \
	MOVD R10, R19 \
	CBZ R19, tail \
loop16: \
	ROW16 \
	VLD1 (R15), [V8.S4, V9.S4, V10.S4, V11.S4] \
	WFMLAE(8, 0, 20, 0) \
	WFMLAE(9, 1, 20, 0) \
	WFMLAE(10, 2, 20, 0) \
	WFMLAE(11, 3, 20, 0) \
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(R15) \
	SUBS $1, R19 \
	BNE loop16 \
tail: \
	MOVD R11, R19 \
	CBZ R19, next \
loop4: \
	ROW4 \
	VLD1 (R15), [V8.S4] \
	WFMLAE(8, 0, 20, 0) \
	VST1.P [V8.S4], 16(R15) \
	SUBS $4, R19 \
	BNE loop4 \
next: \
	ADD R7, R12 \
	ADD R9, R13 \
	SUBS $1, R14 \
	BNE query \
	ADD R5, R2 \
	ADD $4, R6 \
	SUBS $1, R3 \
	BNE row \
	RET

// func neonAddWeightedF32(y *float32, data *byte, n, cols, rowstride int, w *float32, wstride, nq, ystride int)
//
// neonAddWeightedF32 adds w_ji * row_i to y row j (at byte j*ystride of y)
// over the first cols values (a multiple of 4), for float32 rows i < n (at
// byte i*rowstride of data) and weight rows j < nq, w_ji at byte
// j*wstride + 4i of w. Instructions per 32 values and weight row: 18.
TEXT ·neonAddWeightedF32(SB), NOSPLIT, $0-72
	MOVD y+0(FP), R0
	MOVD data+8(FP), R2
	MOVD n+16(FP), R3
	MOVD cols+24(FP), R4
	MOVD rowstride+32(FP), R5
	MOVD w+40(FP), R6
	MOVD wstride+48(FP), R7
	MOVD nq+56(FP), R8
	MOVD ystride+64(FP), R9
	CBZ R3, done
	LSR $4, R4, R10
	AND $15, R4, R11
	AWFLOAT(ROW16F32, ROW4F32)
done:
	RET

// func neonAddWeightedF16(y *float32, data *byte, n, cols, rowstride int, w *float32, wstride, nq, ystride int)
//
// neonAddWeightedF16 is neonAddWeightedF32 for fp16 rows. Instructions per
// 32 values and weight row: 26.
TEXT ·neonAddWeightedF16(SB), NOSPLIT, $0-72
	MOVD y+0(FP), R0
	MOVD data+8(FP), R2
	MOVD n+16(FP), R3
	MOVD cols+24(FP), R4
	MOVD rowstride+32(FP), R5
	MOVD w+40(FP), R6
	MOVD wstride+48(FP), R7
	MOVD nq+56(FP), R8
	MOVD ystride+64(FP), R9
	CBZ R3, done
	LSR $4, R4, R10
	AND $15, R4, R11
	AWFLOAT(ROW16F16, ROW4F16)
done:
	RET

// X8TO16: 16 int8 query values from R15 on to float32 in V11-V14.
#define X8TO16 \
	FMOVQ.P 16(R15), F8 \
	WSXTL(9, 8) \
	WSXTL2(10, 8) \
	WSXTL4S(11, 9) \
	WSXTL4S2(12, 9) \
	WSXTL4S(13, 10) \
	WSXTL4S2(14, 10) \
	WSCVTF(11, 11) \
	WSCVTF(12, 12) \
	WSCVTF(13, 13) \
	WSCVTF(14, 14)

// DOTQ8FLOAT: out[j*ostride + 4i] = Σ_b Scales_j[b] * Σ_(c in b) row_i[c]*x8_j[c]
// over blocks of 32 and a last block of the remaining values (a multiple
// of 4). Registers as DOTFLOAT, with R10 full blocks, R11 values in the last
// block, R16 Scales of query row j, R17 its stride.
#define DOTQ8FLOAT(ROW16, ROW4) \
row: \
	MOVD R6, R12 \
	MOVD R0, R13 \
	MOVD R8, R14 \
	MOVD R20, R16 \
query: \
	VEOR V20.B16, V20.B16, V20.B16 \
	MOVD R2, R1 \
	MOVD R12, R15 \
	MOVD R16, R21 \
	MOVD R10, R19 \
	CBZ R19, tail \
block: \
	ROW16 \
	X8TO16 \
	WFMUL(16, 0, 11) \
	WFMUL(17, 1, 12) \
	VFMLA V2.S4, V13.S4, V16.S4 \
	VFMLA V3.S4, V14.S4, V17.S4 \
	ROW16 \
	X8TO16 \
	VFMLA V0.S4, V11.S4, V16.S4 \
	VFMLA V1.S4, V12.S4, V17.S4 \
	VFMLA V2.S4, V13.S4, V16.S4 \
	VFMLA V3.S4, V14.S4, V17.S4 \
	WFADD(16, 16, 17) \
	FMOVS.P 4(R21), F21 \
	WFMLAE(20, 16, 21, 0) \
	SUBS $1, R19 \
	BNE block \
tail: \
	MOVD R11, R19 \
	CBZ R19, sum \
	VEOR V16.B16, V16.B16, V16.B16 \
loop4: \
	ROW4 \
	FMOVS.P 4(R15), F8 \
	WSXTL(9, 8) \
	WSXTL4S(11, 9) \
	WSCVTF(11, 11) \
	VFMLA V0.S4, V11.S4, V16.S4 \
	SUBS $4, R19 \
	BNE loop4 \
	FMOVS (R21), F21 \
	WFMLAE(20, 16, 21, 0) \
sum: \
	WFADDP(20, 20, 20) \
	WFADDPS(20, 20) \
	FMOVS F20, (R13) \
	ADD R7, R12 \
	ADD R9, R13 \
	ADD R17, R16 \
	SUBS $1, R14 \
	BNE query \
	ADD R5, R2 \
	ADD $4, R0 \
	SUBS $1, R3 \
	BNE row \
	RET

// func neonDotQ8F32(out *float32, data *byte, n, cols, rowstride int, x *int8, xstride, nq, ostride int, qs *float32, qsstride int)
//
// neonDotQ8F32 is DotQ8 on float32 rows over their first cols values (a
// multiple of 4): per Q8 block (32 values, the last block what remains),
// the block scale times Σ row*float32(x8). Instructions per 32 values and
// query row: 37 (2 row loads, 2 loads and 20 widening/conversion steps of
// x8, 8 multiplies and multiply-adds, the block fold, loop control).
TEXT ·neonDotQ8F32(SB), NOSPLIT, $0-88
	MOVD out+0(FP), R0
	MOVD data+8(FP), R2
	MOVD n+16(FP), R3
	MOVD cols+24(FP), R4
	MOVD rowstride+32(FP), R5
	MOVD x+40(FP), R6
	MOVD xstride+48(FP), R7
	MOVD nq+56(FP), R8
	MOVD ostride+64(FP), R9
	MOVD qs+72(FP), R20
	MOVD qsstride+80(FP), R17
	CBZ R3, done
	LSR $5, R4, R10
	AND $31, R4, R11
	DOTQ8FLOAT(ROW16F32, ROW4F32)
done:
	RET

// func neonDotQ8F16(out *float32, data *byte, n, cols, rowstride int, x *int8, xstride, nq, ostride int, qs *float32, qsstride int)
//
// neonDotQ8F16 is neonDotQ8F32 for fp16 rows. Instructions per 32 values
// and query row: 45.
TEXT ·neonDotQ8F16(SB), NOSPLIT, $0-88
	MOVD out+0(FP), R0
	MOVD data+8(FP), R2
	MOVD n+16(FP), R3
	MOVD cols+24(FP), R4
	MOVD rowstride+32(FP), R5
	MOVD x+40(FP), R6
	MOVD xstride+48(FP), R7
	MOVD nq+56(FP), R8
	MOVD ostride+64(FP), R9
	MOVD qs+72(FP), R20
	MOVD qsstride+80(FP), R17
	CBZ R3, done
	LSR $5, R4, R10
	AND $31, R4, R11
	DOTQ8FLOAT(ROW16F16, ROW4F16)
done:
	RET
