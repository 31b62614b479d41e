//go:build gc && !purego

#include "textflag.h"
#include "avx2_amd64.h"

// func avx2AbsBitsMax(x *float32, n int) uint32
//
// The largest float32 bits of |x[k]| for k < n (0 if n = 0): VPMAXUD of
// the values with the sign cleared, 32 per step in four accumulators, the
// last n%8 values through VPMASKMOVD (masked lanes read as 0). 2
// instructions per 8 values.
TEXT ·avx2AbsBitsMax(SB), NOSPLIT, $0-20
	MOVQ x+0(FP), SI
	MOVQ n+8(FP), CX
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPBROADCASTD ·avx2F32AbsMask(SB), Y4
	MOVQ CX, DX
	SHRQ $5, DX
	JZ   rest
loop32:
	VPAND   (SI), Y4, Y5
	VPMAXUD Y5, Y0, Y0
	VPAND   32(SI), Y4, Y5
	VPMAXUD Y5, Y1, Y1
	VPAND   64(SI), Y4, Y5
	VPMAXUD Y5, Y2, Y2
	VPAND   96(SI), Y4, Y5
	VPMAXUD Y5, Y3, Y3
	ADDQ $128, SI
	DECQ DX
	JNZ  loop32
rest:
	MOVQ CX, DX
	ANDQ $31, DX
	SHRQ $3, DX
	JZ   tail
loop8:
	VPAND   (SI), Y4, Y5
	VPMAXUD Y5, Y0, Y0
	ADDQ $32, SI
	DECQ DX
	JNZ  loop8
tail:
	ANDQ $7, CX
	JZ   done
	LEAQ ·avx2TailMask(SB), AX
	MOVQ $8, DX
	SUBQ CX, DX
	VMOVDQU    (AX)(DX*4), Y6
	VPMASKMOVD (SI), Y6, Y5
	VPAND      Y4, Y5, Y5
	VPMAXUD    Y5, Y0, Y0
done:
	VPMAXUD Y1, Y0, Y0
	VPMAXUD Y3, Y2, Y2
	VPMAXUD Y2, Y0, Y0
	FOLD8(VEXTRACTI128, VPMAXUD, VPMAXUD, $0x4e, Y0, X0, X1)
	VMOVD   X0, AX
	MOVL    AX, ret+16(FP)
	VZEROUPPER
	RET
