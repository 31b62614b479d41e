//go:build gc && !purego

#include "textflag.h"

// The Hadamard kernel (hadamardAVX2, avx2_hadamard_amd64.go). Every value
// goes through the same additions and subtractions as in hadamardGeneric,
// in the same order of stages, and one final multiply, so the bits are the
// generic ones: stages reordered only across independent values.

// IN8(V) runs the stages h = 1, 2, 4 inside the eight values of V (Y8
// scratch; Y11, Y12, Y13 the signs of avx2HadamardSigns): P = V with the
// halves of every pair of h swapped (VPERMILPS within 128-bit lanes for
// h = 1 and 2, VPERM2F128 for 4), then V = V*sign + P, one FMA: in the
// lower half of a pair a*1 + b = a+b, in the upper half b*(-1) + a = a-b.
// The product by ±1 is exact, so the one rounding of the FMA is that of
// the addition or subtraction: the same bits. 6 instructions.
#define IN8(V) \
	VPERMILPS   $0xb1, V, Y8 \
	VFMADD213PS Y8, Y11, V \
	VPERMILPS   $0x4e, V, Y8 \
	VFMADD213PS Y8, Y12, V \
	VPERM2F128  $0x01, V, V, Y8 \
	VFMADD213PS Y8, Y13, V

// BF(A, B) is one butterfly between whole vectors: A, B = A+B, A-B (Y8
// scratch; the move is eliminated at rename).
#define BF(A, B) \
	VSUBPS  B, A, Y8 \
	VADDPS  B, A, A \
	VMOVAPS Y8, B

// func avx2Hadamard(x *float32, length, n int, s float32)
//
// avx2Hadamard is Hadamard on length values at x in blocks of n (n a power
// of two >= 8 dividing length > 0); s = float32(1/sqrt(n)). Pass A takes
// min(n, 64) values at a time in registers: the stages h = 1, 2, 4 inside
// each vector (IN8), the stages h = 8 … 32 between vectors, times s if it
// was the last stage (else times 1, which is exact: every NaN is quiet by
// then). Pass B runs the stages h = 64 … n/2 over memory, three at a time
// (eight vectors h apart), then the last one or two, and multiplies the
// last stage's results by s.
//
// Instructions per 32 values: n = 8: 24 (IN8) + 8 loads/stores + 4
// multiplies + loop, about 40; each stage h = 8 … 32 adds 6 (butterflies
// of 3 per 16 values); a pass B of three stages costs 18 + 8 loads/stores
// + 4 multiplies, of one stage 6 + 12. At n = 128: pass A 24 + 18 + 12 =
// 54, pass B 18, about 73 in all (the generic code: about 8 per value and
// stage, 1800).
// The signs of the stages h = 1, 2 and 4 inside a vector (IN8): +1 in the
// lower half of every pair of h values, -1 in the upper half.
DATA ·avx2HadamardSigns+0(SB)/8, $0xbf8000003f800000
DATA ·avx2HadamardSigns+8(SB)/8, $0xbf8000003f800000
DATA ·avx2HadamardSigns+16(SB)/8, $0xbf8000003f800000
DATA ·avx2HadamardSigns+24(SB)/8, $0xbf8000003f800000
DATA ·avx2HadamardSigns+32(SB)/8, $0x3f8000003f800000
DATA ·avx2HadamardSigns+40(SB)/8, $0xbf800000bf800000
DATA ·avx2HadamardSigns+48(SB)/8, $0x3f8000003f800000
DATA ·avx2HadamardSigns+56(SB)/8, $0xbf800000bf800000
DATA ·avx2HadamardSigns+64(SB)/8, $0x3f8000003f800000
DATA ·avx2HadamardSigns+72(SB)/8, $0x3f8000003f800000
DATA ·avx2HadamardSigns+80(SB)/8, $0xbf800000bf800000
DATA ·avx2HadamardSigns+88(SB)/8, $0xbf800000bf800000
GLOBL ·avx2HadamardSigns(SB), RODATA|NOPTR, $96

TEXT ·avx2Hadamard(SB), NOSPLIT, $0-28
	MOVQ         x+0(FP), SI
	MOVQ         length+8(FP), CX
	MOVQ         n+16(FP), DX
	VBROADCASTSS s+24(FP), Y15
	VMOVUPS      ·avx2HadamardSigns(SB), Y11
	VMOVUPS      ·avx2HadamardSigns+32(SB), Y12
	VMOVUPS      ·avx2HadamardSigns+64(SB), Y13
	LEAQ         (SI)(CX*4), R11 // the end of x
	MOVQ         SI, DI
	CMPQ         DX, $16
	JB           n8
	JE           n16
	CMPQ         DX, $64
	JB           n32
	VMOVAPS      Y15, Y14
	JE           a64
	VBROADCASTSS ·avx2F32One(SB), Y14 // more stages follow in pass B

a64:
	VMOVUPS 0(DI), Y0; VMOVUPS 32(DI), Y1; VMOVUPS 64(DI), Y2; VMOVUPS 96(DI), Y3
	VMOVUPS 128(DI), Y4; VMOVUPS 160(DI), Y5; VMOVUPS 192(DI), Y6; VMOVUPS 224(DI), Y7
	IN8(Y0)
	IN8(Y1)
	IN8(Y2)
	IN8(Y3)
	IN8(Y4)
	IN8(Y5)
	IN8(Y6)
	IN8(Y7)
	BF(Y0, Y1); BF(Y2, Y3); BF(Y4, Y5); BF(Y6, Y7)
	BF(Y0, Y2); BF(Y1, Y3); BF(Y4, Y6); BF(Y5, Y7)
	BF(Y0, Y4); BF(Y1, Y5); BF(Y2, Y6); BF(Y3, Y7)
	VMULPS Y14, Y0, Y0; VMULPS Y14, Y1, Y1; VMULPS Y14, Y2, Y2; VMULPS Y14, Y3, Y3; VMULPS Y14, Y4, Y4; VMULPS Y14, Y5, Y5; VMULPS Y14, Y6, Y6; VMULPS Y14, Y7, Y7
	VMOVUPS Y0, 0(DI); VMOVUPS Y1, 32(DI); VMOVUPS Y2, 64(DI); VMOVUPS Y3, 96(DI)
	VMOVUPS Y4, 128(DI); VMOVUPS Y5, 160(DI); VMOVUPS Y6, 192(DI); VMOVUPS Y7, 224(DI)
	ADDQ $256, DI
	CMPQ DI, R11
	JB   a64

	// Pass B: BX stages left, R8 = h in bytes.
	BSFQ DX, BX
	SUBQ $6, BX
	JZ   done
	MOVQ $256, R8

passB:
	LEAQ (R8)(R8*2), R10 // 3h
	CMPQ BX, $3
	JB   last
	VMOVAPS      Y15, Y14
	JE           r8
	VBROADCASTSS ·avx2F32One(SB), Y14

	// Three stages: eight vectors h apart, one column of 8 values at a time.
r8:
	MOVQ SI, DI // the group of 8h values

r8group:
	MOVQ DI, AX
	LEAQ (DI)(R8*1), R12

r8col:
	LEAQ    (AX)(R8*4), R9
	VMOVUPS (AX), Y0; VMOVUPS (AX)(R8*1), Y1; VMOVUPS (AX)(R8*2), Y2; VMOVUPS (AX)(R10*1), Y3
	VMOVUPS (R9), Y4; VMOVUPS (R9)(R8*1), Y5; VMOVUPS (R9)(R8*2), Y6; VMOVUPS (R9)(R10*1), Y7
	BF(Y0, Y1); BF(Y2, Y3); BF(Y4, Y5); BF(Y6, Y7)
	BF(Y0, Y2); BF(Y1, Y3); BF(Y4, Y6); BF(Y5, Y7)
	BF(Y0, Y4); BF(Y1, Y5); BF(Y2, Y6); BF(Y3, Y7)
	VMULPS Y14, Y0, Y0; VMULPS Y14, Y1, Y1; VMULPS Y14, Y2, Y2; VMULPS Y14, Y3, Y3; VMULPS Y14, Y4, Y4; VMULPS Y14, Y5, Y5; VMULPS Y14, Y6, Y6; VMULPS Y14, Y7, Y7
	VMOVUPS Y0, (AX); VMOVUPS Y1, (AX)(R8*1); VMOVUPS Y2, (AX)(R8*2); VMOVUPS Y3, (AX)(R10*1)
	VMOVUPS Y4, (R9); VMOVUPS Y5, (R9)(R8*1); VMOVUPS Y6, (R9)(R8*2); VMOVUPS Y7, (R9)(R10*1)
	ADDQ    $32, AX
	CMPQ    AX, R12
	JB      r8col
	LEAQ    (DI)(R8*8), DI
	CMPQ    DI, R11
	JB      r8group
	SHLQ    $3, R8
	SUBQ    $3, BX
	JNZ     passB
	JMP     done

last:
	MOVQ SI, DI
	CMPQ BX, $2
	JB   r2

	// The last two stages: four vectors h apart, two columns at a time.
r4group:
	MOVQ DI, AX
	LEAQ (DI)(R8*1), R12

r4col:
	VMOVUPS (AX), Y0; VMOVUPS (AX)(R8*1), Y1; VMOVUPS (AX)(R8*2), Y2; VMOVUPS (AX)(R10*1), Y3
	VMOVUPS 32(AX), Y4; VMOVUPS 32(AX)(R8*1), Y5; VMOVUPS 32(AX)(R8*2), Y6; VMOVUPS 32(AX)(R10*1), Y7
	BF(Y0, Y1); BF(Y2, Y3); BF(Y4, Y5); BF(Y6, Y7)
	BF(Y0, Y2); BF(Y1, Y3); BF(Y4, Y6); BF(Y5, Y7)
	VMULPS Y15, Y0, Y0; VMULPS Y15, Y1, Y1; VMULPS Y15, Y2, Y2; VMULPS Y15, Y3, Y3; VMULPS Y15, Y4, Y4; VMULPS Y15, Y5, Y5; VMULPS Y15, Y6, Y6; VMULPS Y15, Y7, Y7
	VMOVUPS Y0, (AX); VMOVUPS Y1, (AX)(R8*1); VMOVUPS Y2, (AX)(R8*2); VMOVUPS Y3, (AX)(R10*1)
	VMOVUPS Y4, 32(AX); VMOVUPS Y5, 32(AX)(R8*1); VMOVUPS Y6, 32(AX)(R8*2); VMOVUPS Y7, 32(AX)(R10*1)
	ADDQ    $64, AX
	CMPQ    AX, R12
	JB      r4col
	LEAQ    (DI)(R8*4), DI
	CMPQ    DI, R11
	JB      r4group
	JMP     done

	// The last stage: two vectors h apart, four columns at a time.
r2:
	MOVQ DI, AX
	LEAQ (DI)(R8*1), R12

r2col:
	VMOVUPS (AX), Y0; VMOVUPS (AX)(R8*1), Y1; VMOVUPS 32(AX), Y2; VMOVUPS 32(AX)(R8*1), Y3
	VMOVUPS 64(AX), Y4; VMOVUPS 64(AX)(R8*1), Y5; VMOVUPS 96(AX), Y6; VMOVUPS 96(AX)(R8*1), Y7
	BF(Y0, Y1); BF(Y2, Y3); BF(Y4, Y5); BF(Y6, Y7)
	VMULPS Y15, Y0, Y0; VMULPS Y15, Y1, Y1; VMULPS Y15, Y2, Y2; VMULPS Y15, Y3, Y3; VMULPS Y15, Y4, Y4; VMULPS Y15, Y5, Y5; VMULPS Y15, Y6, Y6; VMULPS Y15, Y7, Y7
	VMOVUPS Y0, (AX); VMOVUPS Y1, (AX)(R8*1); VMOVUPS Y2, 32(AX); VMOVUPS Y3, 32(AX)(R8*1)
	VMOVUPS Y4, 64(AX); VMOVUPS Y5, 64(AX)(R8*1); VMOVUPS Y6, 96(AX); VMOVUPS Y7, 96(AX)(R8*1)
	ADDQ    $128, AX
	CMPQ    AX, R12
	JB      r2col
	LEAQ    (DI)(R8*2), DI
	CMPQ    DI, R11
	JB      r2
	JMP     done

	// Blocks of 8: one vector, the stages inside it.
n8:
	VMOVUPS (DI), Y0
	IN8(Y0)
	VMULPS  Y15, Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ    $32, DI
	CMPQ    DI, R11
	JB      n8
	JMP     done

	// Blocks of 16: two vectors.
n16:
	VMOVUPS (DI), Y0; VMOVUPS 32(DI), Y1
	IN8(Y0)
	IN8(Y1)
	BF(Y0, Y1)
	VMULPS  Y15, Y0, Y0; VMULPS Y15, Y1, Y1
	VMOVUPS Y0, (DI); VMOVUPS Y1, 32(DI)
	ADDQ    $64, DI
	CMPQ    DI, R11
	JB      n16
	JMP     done

	// Blocks of 32: four vectors.
n32:
	VMOVUPS 0(DI), Y0; VMOVUPS 32(DI), Y1; VMOVUPS 64(DI), Y2; VMOVUPS 96(DI), Y3
	IN8(Y0)
	IN8(Y1)
	IN8(Y2)
	IN8(Y3)
	BF(Y0, Y1); BF(Y2, Y3)
	BF(Y0, Y2); BF(Y1, Y3)
	VMULPS Y15, Y0, Y0; VMULPS Y15, Y1, Y1; VMULPS Y15, Y2, Y2; VMULPS Y15, Y3, Y3
	VMOVUPS Y0, 0(DI); VMOVUPS Y1, 32(DI); VMOVUPS Y2, 64(DI); VMOVUPS Y3, 96(DI)
	ADDQ $128, DI
	CMPQ DI, R11
	JB   n32

done:
	VZEROUPPER
	RET
