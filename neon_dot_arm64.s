//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// DOTX adds the block (float codes in V0-V7) times 32 values of one query
// row, read from R16 on, to that query's accumulators A and B (two chains
// of four FMLA); R16 ends at the next query row (R17 = row stride - 128).
#define DOTX(A, B) \
	VLD1.P 64(R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	VFMLA V0.S4, V8.S4, A.S4 \
	VFMLA V1.S4, V9.S4, B.S4 \
	VFMLA V2.S4, V10.S4, A.S4 \
	VFMLA V3.S4, V11.S4, B.S4 \
	VLD1.P 64(R16), [V8.S4, V9.S4, V10.S4, V11.S4] \
	VFMLA V4.S4, V8.S4, A.S4 \
	VFMLA V5.S4, V9.S4, B.S4 \
	VFMLA V6.S4, V10.S4, A.S4 \
	VFMLA V7.S4, V11.S4, B.S4 \
	ADD R17, R16

// GROUPX folds one query's group sums (a, b) into its row accumulator r:
// r += (a+b)*scale + Σx*shift, scale and shift in V30 lanes 0 and 1, Σx
// read from R24.
#define GROUPX(a, b, r) \
	WFADD(a, a, b) \
	WFMLAE(r, a, 30, 0) \
	FMOVS (R24), F31 \
	WFMLAE(r, 31, 30, 1) \
	ADD R22, R24

// ROWX adds the sum of the lanes of one query's row accumulator r to the
// float32 at R24, then moves R24 to the next query's output row.
#define ROWX(r) \
	WFADDP(r, r, r) \
	WFADDPS(r, r) \
	FMOVS (R24), F28 \
	WFADD(28, 28, r) \
	FMOVS F28, (R24) \
	ADD R13, R24

// func neonDotCodes(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride int, negOff float32, x *float32, xstride, nq int, xs *float32, ostride int)
//
// neonDotCodes adds to out[j*ostride + i] (bytes: j*ostride + 4*i), for
// rows i < rows and query rows j < nq (1 to 4), the dot product of row i
// (groups groups of group codes, one per byte at codes, rows after each
// other; scales and mins of row i from byte i*sstride) with query row j
// (from byte j*xstride of x): per group
//
//	scale * Σ q*x + shift * xs[j*groups + g]
//
// where xs holds each query row's Σx per group and shift is the min, or
// scale*negOff (negOff = -2^(Bits-1)) when mins is nil. The codes of a block
// are widened to float once (TBL to uint32 lanes, UCVTF) for all query rows.
//
// Instructions per 32 values: 34 for one query row (1 load, 8 TBL,
// 8 UCVTF, 2 loads and 8 FMLA of the query, pointer steps, query test, loop
// control), 13 for each further query row; per group and query 5 more
// (the fold). AVX2 (8 lanes a vector) unpacks in registers instead and
// needs about half: 18 for 4-bit codes and one query row.
TEXT ·neonDotCodes(SB), NOSPLIT, $0-112
	MOVD out+0(FP), R0
	MOVD codes+8(FP), R1
	MOVD rows+16(FP), R2
	MOVD groups+24(FP), R3
	MOVD group+32(FP), R4
	MOVD scales+40(FP), R5
	MOVD mins+48(FP), R6
	MOVD sstride+56(FP), R7
	MOVWU negOff+64(FP), R8
	MOVD x+72(FP), R9
	MOVD xstride+80(FP), R10
	MOVD nq+88(FP), R11
	MOVD xs+96(FP), R12
	MOVD ostride+104(FP), R13
	CBZ R2, done
	MOVD R6, R19          // nil: symmetric
	LSR $5, R4            // blocks per group
	LSL $2, R3, R22       // bytes between the Σx of two query rows
	SUB $128, R10, R17    // from the end of a block of one query row to the next
	MOVD $·neonConsts+112(SB), R16
	VLD1 (R16), [V12.B16, V13.B16, V14.B16, V15.B16]

row:
	VEOR V24.B16, V24.B16, V24.B16
	VEOR V25.B16, V25.B16, V25.B16
	VEOR V26.B16, V26.B16, V26.B16
	VEOR V27.B16, V27.B16, V27.B16
	MOVD R5, R14          // scales of the row
	MOVD R6, R15          // mins of the row
	MOVD R3, R20          // groups left
	MOVD R12, R21         // Σx of the group, query row 0
	MOVD R9, R23          // x of the block, query row 0

group:
	VEOR V16.B16, V16.B16, V16.B16
	VEOR V17.B16, V17.B16, V17.B16
	VEOR V18.B16, V18.B16, V18.B16
	VEOR V19.B16, V19.B16, V19.B16
	VEOR V20.B16, V20.B16, V20.B16
	VEOR V21.B16, V21.B16, V21.B16
	VEOR V22.B16, V22.B16, V22.B16
	VEOR V23.B16, V23.B16, V23.B16
	MOVD R4, R25

block:
	VLD1.P 32(R1), [V28.B16, V29.B16]
	VTBL V12.B16, [V28.B16], V0.B16
	VTBL V13.B16, [V28.B16], V1.B16
	VTBL V14.B16, [V28.B16], V2.B16
	VTBL V15.B16, [V28.B16], V3.B16
	VTBL V12.B16, [V29.B16], V4.B16
	VTBL V13.B16, [V29.B16], V5.B16
	VTBL V14.B16, [V29.B16], V6.B16
	VTBL V15.B16, [V29.B16], V7.B16
	WUCVTF(0, 0)
	WUCVTF(1, 1)
	WUCVTF(2, 2)
	WUCVTF(3, 3)
	WUCVTF(4, 4)
	WUCVTF(5, 5)
	WUCVTF(6, 6)
	WUCVTF(7, 7)
	MOVD R23, R16
	DOTX(V16, V20)
	CMP $1, R11
	BEQ blockend
	DOTX(V17, V21)
	CMP $2, R11
	BEQ blockend
	DOTX(V18, V22)
	CMP $3, R11
	BEQ blockend
	DOTX(V19, V23)

blockend:
	ADD $128, R23
	SUBS $1, R25
	BNE block

	// Group end: scale and shift into V30 lanes 0 and 1.
	MOVHU.P 2(R14), R24
	FMOVS R24, F30
	FCVTHS F30, F30
	CBZ R19, gsym
	MOVHU.P 2(R15), R24
	FMOVS R24, F31
	FCVTHS F31, F31
	B gshift

gsym:
	FMOVS R8, F31
	FMULS F30, F31, F31

gshift:
	VMOV V31.S[0], V30.S[1]
	MOVD R21, R24
	GROUPX(16, 20, 24)
	CMP $1, R11
	BEQ groupend
	GROUPX(17, 21, 25)
	CMP $2, R11
	BEQ groupend
	GROUPX(18, 22, 26)
	CMP $3, R11
	BEQ groupend
	GROUPX(19, 23, 27)

groupend:
	ADD $4, R21
	SUBS $1, R20
	BNE group

	MOVD R0, R24
	ROWX(24)
	CMP $1, R11
	BEQ rowend
	ROWX(25)
	CMP $2, R11
	BEQ rowend
	ROWX(26)
	CMP $3, R11
	BEQ rowend
	ROWX(27)

rowend:
	ADD $4, R0
	ADD R7, R5
	ADD R7, R6
	SUBS $1, R2
	BNE row

done:
	RET
