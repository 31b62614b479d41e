//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// func neonAbsBitsMax(x *float32, n int) uint32
//
// The largest float32 bits of |x[k]| for k < n (n > 0): the bits shifted
// left by one (which drops the sign and keeps the order) and UMAX, 16 per
// step in four accumulators, then 4 per step, then one at a time; the
// maximum shifted back. Instructions per 32 values: 19 (2 loads, 8 SHL,
// 8 UMAX, loop control).
TEXT ·neonAbsBitsMax(SB), NOSPLIT, $0-20
	MOVD x+0(FP), R0
	MOVD n+8(FP), R1
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V2.B16, V2.B16, V2.B16
	VEOR V3.B16, V3.B16, V3.B16
	LSR $4, R1, R2
	CBZ R2, four
loop16:
	VLD1.P 64(R0), [V4.S4, V5.S4, V6.S4, V7.S4]
	VSHL $1, V4.S4, V4.S4
	VSHL $1, V5.S4, V5.S4
	VSHL $1, V6.S4, V6.S4
	VSHL $1, V7.S4, V7.S4
	VUMAX V4.S4, V0.S4, V0.S4
	VUMAX V5.S4, V1.S4, V1.S4
	VUMAX V6.S4, V2.S4, V2.S4
	VUMAX V7.S4, V3.S4, V3.S4
	SUBS $1, R2
	BNE loop16
four:
	UBFX $2, R1, $2, R2
	CBZ R2, reduce
loop4:
	VLD1.P 16(R0), [V4.S4]
	VSHL $1, V4.S4, V4.S4
	VUMAX V4.S4, V0.S4, V0.S4
	SUBS $1, R2
	BNE loop4
reduce:
	VUMAX V1.S4, V0.S4, V0.S4
	VUMAX V3.S4, V2.S4, V2.S4
	VUMAX V2.S4, V0.S4, V0.S4
	WORD $0x6EB0A800 // UMAXV S0, V0.4S
	FMOVS F0, R3
	AND $3, R1, R2
	CBZ R2, done
loop1:
	MOVWU.P 4(R0), R4
	LSLW $1, R4
	CMPW R4, R3
	CSELW HI, R3, R4, R3
	SUBS $1, R2
	BNE loop1
done:
	LSRW $1, R3
	MOVW R3, ret+16(FP)
	RET
