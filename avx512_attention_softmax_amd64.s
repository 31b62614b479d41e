//go:build gc && !purego

// The avx512 softmax step and importance sums of the attention kernels
// (attnKernels.softmax and colSums).

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"
#include "avx512_exp_amd64.h"

// The lane indexes 0-15 (int32), -2 and the sign bit.
DATA ·avx512AttnIota+0(SB)/8, $0x0000000100000000
DATA ·avx512AttnIota+8(SB)/8, $0x0000000300000002
DATA ·avx512AttnIota+16(SB)/8, $0x0000000500000004
DATA ·avx512AttnIota+24(SB)/8, $0x0000000700000006
DATA ·avx512AttnIota+32(SB)/8, $0x0000000900000008
DATA ·avx512AttnIota+40(SB)/8, $0x0000000b0000000a
DATA ·avx512AttnIota+48(SB)/8, $0x0000000d0000000c
DATA ·avx512AttnIota+56(SB)/8, $0x0000000f0000000e
GLOBL ·avx512AttnIota(SB), RODATA|NOPTR, $64
DATA ·avx512AttnMinusTwo+0(SB)/4, $0xc0000000
GLOBL ·avx512AttnMinusTwo(SB), RODATA|NOPTR, $4
DATA ·avx512AttnSign+0(SB)/4, $0x80000000
GLOBL ·avx512AttnSign(SB), RODATA|NOPTR, $4

// CAP16: Z0 = softCap·tanh(Z0·invCap), tanh(y) = sign(y)·(1-e)/(1+e) with
// e = exp(-2|y|), the steps of softCap32. Uses Z1-Z3 and K2 (and the EXP
// constants, Z30 = 1).
#define CAP16 \
	VMULPS.BCST avx512AttnArgs_invCap(DI), Z0, Z1;  \
	VANDPS.BCST ·avx512AbsMask(SB), Z1, Z0;         \
	VMULPS.BCST ·avx512AttnMinusTwo(SB), Z0, Z0;    \
	EXP(Z0, Z2, Z3, K2);                            \
	VSUBPS      Z0, Z30, Z2;                        \
	VADDPS      Z30, Z0, Z0;                        \
	VDIVPS      Z0, Z2, Z2;                         \
	VPANDD.BCST ·avx512AttnSign(SB), Z1, Z1;        \
	VPORD       Z1, Z2, Z2;                         \
	VMULPS.BCST avx512AttnArgs_softCap(DI), Z2, Z0

// func avx512AttentionSoftmax(a *avx512AttnArgs)
//
// One tile of the online softmax (attnKernels.softmax) on rows rows of
// cols vectors of 16 at s (sStride bytes apart); the ranges at x (int32
// pairs), m, l, beta and mt per row; the copy of the probabilities at y
// (yStride bytes apart; ordinary stores, which measured as fast as
// non-temporal ones at 4K and 32K tokens on an Intel Xeon, and leave the
// copy in cache for the importance sums). Three passes, so that no row
// waits for the one before (one pass of max and exponentials row after
// row ran the kernel 15% slower):
//
//  1. each row's max m' = max(m, its entries) into mt (a row whose range is
//     the whole tile, without a soft cap, is only read; else each vector is
//     capped (CAP16), masked to its range with -Inf, and stored); a row
//     that sees no key becomes zeros (in the copy too), with mt = m and
//     beta = 0;
//  2. each row that sees a key: exp(x - m') stored, in the copy too, and
//     its sum into beta;
//  3. sixteen rows at a time (the last under a mask): beta = 1 where
//     m' = m, else exp(m - m'); l = l·beta + the sum; m = m'.
//
// Registers: SI the row, R8 its index, R14 its copy, R9-R13 the ranges,
// m, l, beta, mt; DX, BX and CX the steps; Z4 the max, Z16 m' and Z15 the
// sum, Z17 the lane indexes of a vector, Z18 and Z19 the range's first
// index and end, Z20-Z30 the EXP constants, Z31 -Inf.
//
// Instructions per 32 values: 8 (max of a whole row) or 22 (masked; 54
// more with a soft cap), then 50 (exp, two stores, sum, loop); per row
// about 40 (its ranges, two reductions and state), per 16 rows 35.
TEXT ·avx512AttentionSoftmax(SB), NOSPLIT, $0-8
	MOVQ         a+0(FP), DI
	EXP_CONSTS
	VBROADCASTSS ·avx512NegInf(SB), Z31
	MOVQ         avx512AttnArgs_x(DI), R9
	MOVQ         avx512AttnArgs_m(DI), R10
	MOVQ         avx512AttnArgs_l(DI), R11
	MOVQ         avx512AttnArgs_beta(DI), R12
	MOVQ         avx512AttnArgs_mt(DI), R13
	MOVQ         avx512AttnArgs_s(DI), SI
	MOVQ         avx512AttnArgs_y(DI), R14
	XORQ         R8, R8

row:
	MOVLQSX      (R9)(R8*8), AX
	MOVLQSX      4(R9)(R8*8), BX
	CMPQ         AX, BX
	JGE          empty
	VBROADCASTSS (R10)(R8*4), Z4
	MOVQ         SI, DX
	MOVQ         avx512AttnArgs_cols(DI), CX
	TESTQ        AX, AX
	JNZ          masked
	MOVQ         CX, R15
	SHLQ         $4, R15
	CMPQ         BX, R15
	JNE          masked
	MOVL         avx512AttnArgs_softCap(DI), R15
	TESTL        R15, R15
	JNZ          masked

max:
	VMAXPS (DX), Z4, Z4
	ADDQ   $64, DX
	DECQ   CX
	JNZ    max
	JMP    fold

masked:
	VMOVDQU32    ·avx512AttnIota(SB), Z17
	VPBROADCASTD AX, Z18
	VPBROADCASTD BX, Z19

mask:
	VMOVUPS (DX), Z0
	MOVL    avx512AttnArgs_softCap(DI), R15
	TESTL   R15, R15
	JZ      nocap
	CAP16

nocap:
	VPCMPD      $5, Z18, Z17, K1
	VPCMPD      $1, Z19, Z17, K1, K1
	VBLENDMPS   Z0, Z31, K1, Z0
	VMOVUPS     Z0, (DX)
	VMAXPS      Z0, Z4, Z4
	VPADDD.BCST ·avx512D16(SB), Z17, Z17
	ADDQ        $64, DX
	DECQ        CX
	JNZ         mask

fold:
	HREDUCE(VMAXPS, Z4, Y4, X4, Y5, X5)
	VMOVSS X4, (R13)(R8*4)
	JMP    next

empty:
	// No key of the tile is visible: zeros (in the copy too), mt = m, a
	// sum of 0.
	VPXORD Z0, Z0, Z0
	MOVQ   SI, DX
	MOVQ   R14, BX
	MOVQ   avx512AttnArgs_cols(DI), CX

zero:
	VMOVUPS Z0, (DX)
	VMOVUPS Z0, (BX)
	ADDQ    $64, DX
	ADDQ    $64, BX
	DECQ    CX
	JNZ     zero
	MOVL    (R10)(R8*4), AX
	MOVL    AX, (R13)(R8*4)
	MOVL    $0, (R12)(R8*4)

next:
	ADDQ avx512AttnArgs_sStride(DI), SI
	ADDQ avx512AttnArgs_yStride(DI), R14
	INCQ R8
	CMPQ R8, avx512AttnArgs_rows(DI)
	JL   row

	// Pass 2: exp(x - m'), stored in the row and its copy, and the sum.
	MOVQ avx512AttnArgs_s(DI), SI
	MOVQ avx512AttnArgs_y(DI), R14
	XORQ R8, R8

erow:
	MOVL         (R9)(R8*8), AX
	CMPL         AX, 4(R9)(R8*8)
	JGE          enext
	VBROADCASTSS (R13)(R8*4), Z16
	VPXORD       Z15, Z15, Z15
	MOVQ         SI, DX
	MOVQ         R14, BX
	MOVQ         avx512AttnArgs_cols(DI), CX

exp:
	VMOVUPS (DX), Z0
	VSUBPS  Z16, Z0, Z0
	EXP(Z0, Z1, Z2, K2)
	VMOVUPS Z0, (DX)
	VMOVUPS Z0, (BX)
	VADDPS  Z0, Z15, Z15
	ADDQ    $64, DX
	ADDQ    $64, BX
	DECQ    CX
	JNZ     exp
	HREDUCE(VADDPS, Z15, Y15, X15, Y1, X1)
	VMOVSS  X15, (R12)(R8*4)

enext:
	ADDQ avx512AttnArgs_sStride(DI), SI
	ADDQ avx512AttnArgs_yStride(DI), R14
	INCQ R8
	CMPQ R8, avx512AttnArgs_rows(DI)
	JL   erow

	// Pass 3: beta, l and m, sixteen rows at a time; the last rows under
	// the mask K3.
	MOVQ avx512AttnArgs_rows(DI), CX

state:
	MOVL  $-1, AX
	CMPQ  CX, $16
	JGE   state16
	BZHIL CX, AX, AX

state16:
	KMOVW       AX, K3
	VMOVUPS.Z   (R10), K3, Z0
	VMOVUPS.Z   (R13), K3, Z4
	VCMPPS      $0, Z4, Z0, K1
	VSUBPS      Z4, Z0, Z0
	EXP(Z0, Z1, Z2, K2)
	VMOVAPS     Z30, K1, Z0
	VMOVUPS.Z   (R11), K3, Z1
	VMOVUPS.Z   (R12), K3, Z2
	VFMADD213PS Z2, Z0, Z1
	VMOVUPS     Z1, K3, (R11)
	VMOVUPS     Z0, K3, (R12)
	VMOVUPS     Z4, K3, (R10)
	ADDQ        $64, R10
	ADDQ        $64, R11
	ADDQ        $64, R12
	ADDQ        $64, R13
	SUBQ        $16, CX
	JG          state
	VZEROUPPER
	RET

// func avx512AttentionColSums(a *avx512AttnArgs)
//
// The importance sums of a block (attnKernels.colSums): first, per tile
// (passes of them, yStride bytes apart in mt and beta), beta = exp(mt -
// m) · l (l holds 1/sum) for the rows rows, sixteen at a time and the
// last under a mask; then x[k] = Σ_r beta[tile of k][r] · s[r][k] for k <
// 16·cols, eight rows at a time (each streamed along its columns, 64
// bytes a step) and the last rows one by one, into the sums at x.
//
// Instructions per 32 values of s (eight rows a pass): 2 multiply-adds
// (from memory), 0.25 loads, adds and stores of the sums, 1 pointer step
// and 0.75 loop instructions; one row a pass: 2 multiply-adds, 2 loads
// and 2 stores of the sums, 4 pointer steps and loop instructions.
TEXT ·avx512AttentionColSums(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), DI
	EXP_CONSTS
	MOVQ avx512AttnArgs_yStride(DI), R10
	MOVQ avx512AttnArgs_mt(DI), R12
	MOVQ avx512AttnArgs_beta(DI), R13
	MOVQ avx512AttnArgs_passes(DI), R11

cs_tile:
	MOVQ R12, SI
	MOVQ R13, DX
	MOVQ avx512AttnArgs_m(DI), R8
	MOVQ avx512AttnArgs_l(DI), R9
	MOVQ avx512AttnArgs_rows(DI), CX

cs_alpha:
	MOVL  $-1, AX
	CMPQ  CX, $16
	JGE   cs_alpha16
	BZHIL CX, AX, AX

cs_alpha16:
	KMOVW     AX, K3
	VMOVUPS.Z (SI), K3, Z0
	VSUBPS.Z  (R8), Z0, K3, Z0
	EXP(Z0, Z1, Z2, K2)
	VMULPS.Z  (R9), Z0, K3, Z0
	VMOVUPS   Z0, K3, (DX)
	ADDQ      $64, SI
	ADDQ      $64, R8
	ADDQ      $64, R9
	ADDQ      $64, DX
	SUBQ      $16, CX
	JG        cs_alpha
	ADDQ      R10, R12
	ADDQ      R10, R13
	DECQ      R11
	JNZ       cs_tile

	// The sums start at zero.
	MOVQ   avx512AttnArgs_x(DI), DX
	MOVQ   avx512AttnArgs_cols(DI), CX
	VPXORD Z0, Z0, Z0

cs_clear:
	VMOVUPS Z0, (DX)
	ADDQ    $64, DX
	DECQ    CX
	JNZ     cs_clear

	MOVQ avx512AttnArgs_sStride(DI), BX
	MOVQ avx512AttnArgs_s(DI), R13
	MOVQ avx512AttnArgs_beta(DI), R12
	MOVQ avx512AttnArgs_rows(DI), R11

cs_rows8:
	CMPQ R11, $8
	JL   cs_rows1
	MOVQ R13, SI
	LEAQ (SI)(BX*2), R8
	ADDQ BX, R8
	LEAQ (R8)(BX*2), R9
	ADDQ BX, R9
	MOVQ avx512AttnArgs_x(DI), DX
	MOVQ R12, AX
	MOVQ avx512AttnArgs_cols(DI), CX

cs_tile8:
	VBROADCASTSS (AX), Z8
	VBROADCASTSS 4(AX), Z9
	VBROADCASTSS 8(AX), Z10
	VBROADCASTSS 12(AX), Z11
	VBROADCASTSS 16(AX), Z12
	VBROADCASTSS 20(AX), Z13
	VBROADCASTSS 24(AX), Z14
	VBROADCASTSS 28(AX), Z15
	ADDQ         R10, AX
	MOVQ         $8, R14
	CMPQ         CX, R14
	CMOVQLT      CX, R14

cs_vec8:
	VMOVUPS     (DX), Z0
	VMULPS      (SI), Z8, Z1
	VFMADD231PS (SI)(BX*1), Z9, Z0
	VFMADD231PS (SI)(BX*2), Z10, Z1
	VFMADD231PS (R8), Z11, Z0
	VFMADD231PS (R8)(BX*1), Z12, Z1
	VFMADD231PS (R8)(BX*2), Z13, Z0
	VFMADD231PS (R9), Z14, Z1
	VFMADD231PS (R9)(BX*1), Z15, Z0
	VADDPS      Z1, Z0, Z0
	VMOVUPS     Z0, (DX)
	ADDQ        $64, SI
	ADDQ        $64, R8
	ADDQ        $64, R9
	ADDQ        $64, DX
	DECQ        CX
	DECQ        R14
	JNZ         cs_vec8
	TESTQ       CX, CX
	JNZ         cs_tile8
	LEAQ        (R13)(BX*8), R13
	ADDQ        $32, R12
	SUBQ        $8, R11
	JMP         cs_rows8

cs_rows1:
	TESTQ R11, R11
	JZ    cs_done
	MOVQ  R13, SI
	MOVQ  avx512AttnArgs_x(DI), DX
	MOVQ  R12, AX
	MOVQ  avx512AttnArgs_cols(DI), CX

cs_tile1:
	VBROADCASTSS (AX), Z8
	ADDQ         R10, AX
	MOVQ         $8, R14
	CMPQ         CX, R14
	CMOVQLT      CX, R14

cs_vec1:
	VMOVUPS     (DX), Z0
	VFMADD231PS (SI), Z8, Z0
	VMOVUPS     Z0, (DX)
	ADDQ        $64, SI
	ADDQ        $64, DX
	DECQ        CX
	DECQ        R14
	JNZ         cs_vec1
	TESTQ       CX, CX
	JNZ         cs_tile1
	ADDQ        BX, R13
	ADDQ        $4, R12
	DECQ        R11
	JMP         cs_rows1

cs_done:
	VZEROUPPER
	RET

// func avx512ScaleTo(dst, src *float32, n int, s, z float32)
//
// dst[i] = src[i]·s + z for i < n (n >= 1), a product and a sum, each
// rounded (z = -0 leaves the product as it is, z = +0 turns -0 into +0):
// the queries of a block scaled, the outputs times 1/sum, and Softmax's
// values times 1/sum (z = -0, dst = src). Sixteen values a step, the last
// 1-16 under a mask.
//
// Instructions per 32 values: 2 loads, 2 multiplies, 2 adds, 2 stores and
// 6 loop instructions.
TEXT ·avx512ScaleTo(SB), NOSPLIT, $0-32
	MOVQ         dst+0(FP), DI
	MOVQ         src+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSS s+24(FP), Z1
	VBROADCASTSS z+28(FP), Z2
	MOVL         $-1, R12

st_loop:
	CMPQ    CX, $16
	JBE     st_tail
	VMULPS  (SI), Z1, Z0
	VADDPS  Z2, Z0, Z0
	VMOVUPS Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, CX
	JMP     st_loop

st_tail:
	BZHIL     CX, R12, R11
	KMOVW     R11, K3
	VMOVUPS.Z (SI), K3, Z0
	VMULPS    Z1, Z0, Z0
	VADDPS    Z2, Z0, Z0
	VMOVUPS   Z0, K3, (DI)
	VZEROUPPER
	RET

// func avx512AttentionMaxAbs(m, x *float32, n int)
//
// m[i] = max(m[i], |x[i]|) for i < n (n >= 1), as Go's max on finite x:
// VMAXPS returns its second source, m, where m is NaN and where both are
// zeros, and the sum with +0 then turns a -0 of m into +0. Sixteen values
// a step, the last 1-16 under a mask.
//
// Instructions per 32 values: 4 loads, 2 ands, 2 maxes, 2 adds, 2 stores
// and 6 loop instructions.
TEXT ·avx512AttentionMaxAbs(SB), NOSPLIT, $0-24
	MOVQ         m+0(FP), DI
	MOVQ         x+8(FP), SI
	MOVQ         n+16(FP), CX
	VBROADCASTSS ·avx512AbsMask(SB), Z1
	VPXORD       Z2, Z2, Z2
	MOVL         $-1, R12

ma_loop:
	CMPQ    CX, $16
	JBE     ma_tail
	VANDPS  (SI), Z1, Z0
	VMAXPS  (DI), Z0, Z0
	VADDPS  Z2, Z0, Z0
	VMOVUPS Z0, (DI)
	ADDQ    $64, SI
	ADDQ    $64, DI
	SUBQ    $16, CX
	JMP     ma_loop

ma_tail:
	BZHIL     CX, R12, R11
	KMOVW     R11, K3
	VMOVUPS.Z (SI), K3, Z0
	VMOVUPS.Z (DI), K3, Z3
	VANDPS    Z1, Z0, Z0
	VMAXPS    Z3, Z0, Z0
	VADDPS    Z2, Z0, Z0
	VMOVUPS   Z0, K3, (DI)
	VZEROUPPER
	RET
