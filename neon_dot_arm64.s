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

// DOTX8 is DOTX for the 8 codes of an octet of a short block (in V0, V1):
// the 8 values of the query row at R16, then R16 moves to the next query
// row (R10 = row stride).
#define DOTX8(A, B) \
	VLD1 (R16), [V8.S4, V9.S4] \
	VFMLA V0.S4, V8.S4, A.S4 \
	VFMLA V1.S4, V9.S4, B.S4 \
	ADD R10, R16

// GROUPX folds one query's group sums (a, b) into its row accumulator r:
// r += (a+b)*scale + Σx*shift, scale and shift in V30 lanes 0 and 1, Σx
// read from R24.
#define GROUPX(a, b, r) \
	WFADD(a, a, b) \
	WFMLAE(r, a, 30, 0) \
	FMOVS (R24), F31 \
	WFMLAE(r, 31, 30, 1) \
	ADD R22, R24

// func neonDotCodes(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride int, negOff float32, x *float32, xstride, nq int, xs *float32, ostride int)
//
// neonDotCodes adds to out[j*ostride + i] (bytes: j*ostride + 4*i), for
// rows i < rows and query rows j < nq (1 to 4), the dot product of row i
// (groups groups of group codes (a multiple of 8), one per byte at codes, rows after each
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
// (the fold). The short last block of a group (G%32 = 8, 16, 24) runs an
// octet at a time: 10 per octet and 5 per query row. AVX2 (8 lanes a vector) unpacks in registers instead and
// needs about half: 18 for 4-bit codes and one query row.
TEXT ·neonDotCodes(SB), NOSPLIT, $0-112
	MOVD out+0(FP), R0
	CODE_ARGS
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
	UBFX $3, R4, $2, R26  // octets in the short last block of a group
	LSR $5, R4            // blocks per group
	LSL $2, R3, R22       // bytes between the Σx of two query rows
	SUB $128, R10, R17    // from the end of a block of one query row to the next
	WIDEN32_INIT

row:
	VZERO4(V24, V25, V26, V27)
	MOVD R5, R14          // scales of the row
	MOVD R6, R15          // mins of the row
	MOVD R3, R20          // groups left
	MOVD R12, R21         // Σx of the group, query row 0
	MOVD R9, R23          // x of the block, query row 0

group:
	VZERO4(V16, V17, V18, V19)
	VZERO4(V20, V21, V22, V23)
	CBZ R4, short
	MOVD R4, R25

block:
	WIDEN32
	MOVD R23, R16
	EACHX(DOTX(V16, V20), DOTX(V17, V21), DOTX(V18, V22), DOTX(V19, V23), blockend)

blockend:
	ADD $128, R23
	SUBS $1, R25
	BNE block

short:	// the short last block, an octet at a time
	CBZ R26, gend
	MOVD R26, R25

octet:
	FMOVD.P 8(R1), F28
	VTBL V12.B16, [V28.B16], V0.B16
	VTBL V13.B16, [V28.B16], V1.B16
	WUCVTF(0, 0)
	WUCVTF(1, 1)
	MOVD R23, R16
	EACHX(DOTX8(V16, V20), DOTX8(V17, V21), DOTX8(V18, V22), DOTX8(V19, V23), octetend)

octetend:
	ADD $32, R23
	SUBS $1, R25
	BNE octet

gend:

	// Group end: scale and shift into V30 lanes 0 and 1.
	GROUP_SCALE(F30, F31, gsym)
	B gshift

gsym:
	FMOVS R8, F31
	FMULS F30, F31, F31

	GROUP_ROW_END(GROUPX(16, 20, 24), GROUPX(17, 21, 25), GROUPX(18, 22, 26), GROUPX(19, 23, 27))
	ADD R7, R5
	ADD R7, R6
	SUBS $1, R2
	BNE row

done:
	RET
