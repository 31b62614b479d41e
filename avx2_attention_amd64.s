//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// The attention kernels (see attnKernels in attention.go) on an
// avx2AttnArgs at DI. Scores and values run one microkernel: 6 rows × 16
// keys (scores) or 6 rows × 16 columns (values) in 12 accumulators,
// Y0-Y11 (row i in Y(2i) and Y(2i+1)), fed per step by two 32-byte loads
// (Y12, Y13) and six broadcasts (Y14, Y15 in turn): 12 FMA for 96
// multiply-adds, the 2 FMA pipes × 8 lanes of one core kept busy by 12
// independent chains (FMA latency 4). The six rows are addressed from two
// pointers and a stride: (SI), (SI)(BX*1), (SI)(BX*2), (R8), (R8)(BX*1),
// (R8)(BX*2) with R8 = SI + 3*BX.
//
// Instructions per 32 multiply-adds: 4 FMA, 0.67 vector loads, 2
// broadcasts, 0.33 prefetches (of the next strip) and 0.33 loop
// instructions (4 steps a loop).

// STEP6(B0, B1, P): one step: the 16 values at B0 and B1 (32 bytes each)
// times the six rows' values at offset P.
#define STEP6(B0, B1, P) \
	VMOVUPS      B0, Y12;          \
	VMOVUPS      B1, Y13;          \
	VBROADCASTSS P(SI), Y14;       \
	VFMADD231PS  Y12, Y14, Y0;     \
	VFMADD231PS  Y13, Y14, Y1;     \
	VBROADCASTSS P(SI)(BX*1), Y15; \
	VFMADD231PS  Y12, Y15, Y2;     \
	VFMADD231PS  Y13, Y15, Y3;     \
	VBROADCASTSS P(SI)(BX*2), Y14; \
	VFMADD231PS  Y12, Y14, Y4;     \
	VFMADD231PS  Y13, Y14, Y5;     \
	VBROADCASTSS P(R8), Y15;       \
	VFMADD231PS  Y12, Y15, Y6;     \
	VFMADD231PS  Y13, Y15, Y7;     \
	VBROADCASTSS P(R8)(BX*1), Y14; \
	VFMADD231PS  Y12, Y14, Y8;     \
	VFMADD231PS  Y13, Y14, Y9;     \
	VBROADCASTSS P(R8)(BX*2), Y15; \
	VFMADD231PS  Y12, Y15, Y10;    \
	VFMADD231PS  Y13, Y15, Y11

// STORE6(P, S, T): the accumulators to six rows of 16 values from P, S
// bytes apart (P advances by 6 rows; T is a scratch register).
#define STORE6(P, S, T) \
	VMOVUPS Y0, (P);          \
	VMOVUPS Y1, 32(P);        \
	VMOVUPS Y2, (P)(S*1);     \
	VMOVUPS Y3, 32(P)(S*1);   \
	VMOVUPS Y4, (P)(S*2);     \
	VMOVUPS Y5, 32(P)(S*2);   \
	LEAQ    (P)(S*2), T;      \
	VMOVUPS Y6, (T)(S*1);     \
	VMOVUPS Y7, 32(T)(S*1);   \
	VMOVUPS Y8, (T)(S*2);     \
	VMOVUPS Y9, 32(T)(S*2);   \
	LEAQ    (T)(S*2), T;      \
	VMOVUPS Y10, (T)(S*1);    \
	VMOVUPS Y11, 32(T)(S*1);  \
	LEAQ    (T)(S*2), P

// NEXT6(A, C, S): A and C (rows 0 and 3 of six, S apart) to the next six.
#define NEXT6(A, C, S) \
	LEAQ (C)(S*2), A; \
	ADDQ S, A;        \
	LEAQ (A)(S*2), C; \
	ADDQ S, C

// func avx2AttentionScores(a *avx2AttnArgs)
//
// s[r][16j+i] = Σ_c x[r][c] · y[j][c][i]: rows (a multiple of 6) query
// rows of cols values (xStride bytes apart) times strips of 16 keys
// transposed (16·cols values each), into s (sStride bytes between rows).
// Strip by strip (a strip of 64·cols bytes stays in L1), six rows at a
// time, four values a loop.
TEXT ·avx2AttentionScores(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), DI
	MOVQ avx2AttnArgs_xStride(DI), BX
	MOVQ avx2AttnArgs_y(DI), R10
	MOVQ avx2AttnArgs_s(DI), R11
	MOVQ avx2AttnArgs_strips(DI), R12
	MOVQ R12, avx2AttnArgs_state(DI)
	MOVQ avx2AttnArgs_cols(DI), R12
	SHLQ $6, R12

sc_strip:
	MOVQ avx2AttnArgs_x(DI), AX
	LEAQ (AX)(BX*2), CX
	ADDQ BX, CX
	MOVQ R11, R9
	MOVQ avx2AttnArgs_rows(DI), R13

sc_rows:
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11
	MOVQ   AX, SI
	MOVQ   CX, R8
	MOVQ   R10, DX
	MOVQ   avx2AttnArgs_cols(DI), R14
	CMPQ   R14, $4
	JL     sc_one

sc_four:
	PREFETCHT0 (DX)(R12*1)
	STEP6((DX), 32(DX), 0)
	PREFETCHT0 64(DX)(R12*1)
	STEP6(64(DX), 96(DX), 4)
	PREFETCHT0 128(DX)(R12*1)
	STEP6(128(DX), 160(DX), 8)
	PREFETCHT0 192(DX)(R12*1)
	STEP6(192(DX), 224(DX), 12)
	ADDQ $16, SI
	ADDQ $16, R8
	ADDQ $256, DX
	SUBQ $4, R14
	CMPQ R14, $4
	JGE  sc_four

sc_one:
	TESTQ R14, R14
	JZ    sc_store

sc_one_loop:
	STEP6((DX), 32(DX), 0)
	ADDQ $4, SI
	ADDQ $4, R8
	ADDQ $64, DX
	DECQ R14
	JNZ  sc_one_loop

sc_store:
	MOVQ avx2AttnArgs_sStride(DI), R14
	STORE6(R9, R14, SI)
	NEXT6(AX, CX, BX)
	SUBQ $6, R13
	JNZ  sc_rows

	ADDQ R12, R10
	ADDQ $64, R11
	DECQ avx2AttnArgs_state(DI)
	JNZ  sc_strip
	VZEROUPPER
	RET

// func avx2AttentionValues(a *avx2AttnArgs)
//
// x[r][c] = beta[r]·x[r][c] + Σ_{k<cols} s[r][k]·y[c/16][k][c%16]: rows (a
// multiple of 6) output rows (xStride bytes apart) of strips·16 columns,
// cols keys of probabilities (s, sStride) and the values in strips of 16
// columns (64 bytes a key, yStride bytes from one strip to the next).
// Strip by strip (its 64·cols bytes stay in L1; the next strip is
// prefetched), six rows at a time, four keys a loop. The strips left and
// the strip's output column are kept in state.
TEXT ·avx2AttentionValues(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), DI
	MOVQ avx2AttnArgs_sStride(DI), BX
	MOVQ avx2AttnArgs_yStride(DI), R12
	MOVQ avx2AttnArgs_y(DI), R10
	MOVQ avx2AttnArgs_x(DI), R11
	MOVQ R11, (avx2AttnArgs_state+8)(DI)
	MOVQ avx2AttnArgs_strips(DI), R14
	MOVQ R14, avx2AttnArgs_state(DI)

va_strip:
	MOVQ avx2AttnArgs_s(DI), AX
	LEAQ (AX)(BX*2), CX
	ADDQ BX, CX
	MOVQ (avx2AttnArgs_state+8)(DI), R11
	XORQ R9, R9

va_rows:
	MOVQ         avx2AttnArgs_beta(DI), R14
	LEAQ         (R14)(R9*4), R14
	MOVQ         avx2AttnArgs_xStride(DI), R13
	VBROADCASTSS (R14), Y14
	VMULPS       (R11), Y14, Y0
	VMULPS       32(R11), Y14, Y1
	VBROADCASTSS 4(R14), Y15
	VMULPS       (R11)(R13*1), Y15, Y2
	VMULPS       32(R11)(R13*1), Y15, Y3
	VBROADCASTSS 8(R14), Y14
	VMULPS       (R11)(R13*2), Y14, Y4
	VMULPS       32(R11)(R13*2), Y14, Y5
	LEAQ         (R11)(R13*2), SI
	VBROADCASTSS 12(R14), Y15
	VMULPS       (SI)(R13*1), Y15, Y6
	VMULPS       32(SI)(R13*1), Y15, Y7
	VBROADCASTSS 16(R14), Y14
	VMULPS       (SI)(R13*2), Y14, Y8
	VMULPS       32(SI)(R13*2), Y14, Y9
	LEAQ         (SI)(R13*2), SI
	VBROADCASTSS 20(R14), Y15
	VMULPS       (SI)(R13*1), Y15, Y10
	VMULPS       32(SI)(R13*1), Y15, Y11
	MOVQ         AX, SI
	MOVQ         CX, R8
	MOVQ         R10, DX
	MOVQ         avx2AttnArgs_cols(DI), R13
	CMPQ         R13, $4
	JL           va_one

va_four:
	PREFETCHT0 (DX)(R12*1)
	STEP6((DX), 32(DX), 0)
	PREFETCHT0 64(DX)(R12*1)
	STEP6(64(DX), 96(DX), 4)
	PREFETCHT0 128(DX)(R12*1)
	STEP6(128(DX), 160(DX), 8)
	PREFETCHT0 192(DX)(R12*1)
	STEP6(192(DX), 224(DX), 12)
	ADDQ $16, SI
	ADDQ $16, R8
	ADDQ $256, DX
	SUBQ $4, R13
	CMPQ R13, $4
	JGE  va_four

va_one:
	TESTQ R13, R13
	JZ    va_store

va_one_loop:
	STEP6((DX), 32(DX), 0)
	ADDQ $4, SI
	ADDQ $4, R8
	ADDQ $64, DX
	DECQ R13
	JNZ  va_one_loop

va_store:
	MOVQ avx2AttnArgs_xStride(DI), R13
	STORE6(R11, R13, SI)
	NEXT6(AX, CX, BX)
	ADDQ $6, R9
	CMPQ R9, avx2AttnArgs_rows(DI)
	JL   va_rows

	ADDQ R12, R10
	ADDQ $64, (avx2AttnArgs_state+8)(DI)
	DECQ avx2AttnArgs_state(DI)
	JNZ  va_strip
	VZEROUPPER
	RET

// CAP8: Y0 = softCap·tanh(Y0·invCap), tanh(y) = sign(y)·(1-e)/(1+e) with
// e = exp(-2|y|), the steps of softCap32. Uses Y1-Y3, Y5-Y7 (EXP8) and Y15.
#define CAP8 \
	VBROADCASTSS avx2AttnArgs_invCap(DI), Y15;   \
	VMULPS       Y15, Y0, Y15;                   \
	VANDPS       ·avx2F32x8Abs(SB), Y15, Y0;     \
	VMULPS       ·avx2F32x8MinusTwo(SB), Y0, Y0; \
	EXP8;                                        \
	VMOVUPS      ·avx2F32x8One(SB), Y1;          \
	VSUBPS       Y0, Y1, Y1;                     \
	VADDPS       ·avx2F32x8One(SB), Y0, Y0;      \
	VDIVPS       Y0, Y1, Y1;                     \
	VANDPS       ·avx2F32x8Sign(SB), Y15, Y15;   \
	VORPS        Y15, Y1, Y1;                    \
	VBROADCASTSS avx2AttnArgs_softCap(DI), Y0;   \
	VMULPS       Y1, Y0, Y0

// func avx2AttentionSoftmax(a *avx2AttnArgs)
//
// One tile of the online softmax (attnKernels.softmax) on rows rows of
// cols vectors of 8 at s (sStride bytes apart); the ranges at x (int32
// pairs), m, l, beta and mt per row; the copy of the probabilities at y
// (yStride bytes apart). Three passes, so that no row waits for the one
// before:
//
//  1. each row's max m' = max(m, its entries) into mt (a row whose range is
//     the whole tile, without a soft cap, is only read; else each vector is
//     capped (CAP8), masked to its range with -Inf, and stored); a row that
//     sees no key becomes zeros, with mt = m and beta = 0;
//  2. each row that sees a key: exp(x - m') stored, and its sum into beta;
//  3. eight rows at a time (the last under a mask): beta = 1 where m' = m,
//     else exp(m - m'); l = l·beta + the sum; m = m'.
//
// Registers: SI the row, R8 its index, R9-R13 the ranges, m, l, beta, mt;
// Y4 the max, Y8 the sum, Y9 the lane indexes of a vector, Y10 and Y11
// the range's first index - 1 and end, Y12 -Inf, Y13 and Y14 the mask.
//
// Instructions per 8 values: 2 (max of a whole row) or 11 (masked; 13
// more with a soft cap), then 29 (exp, two stores, sum, loop); per 8
// rows 40.
TEXT ·avx2AttentionSoftmax(SB), NOSPLIT, $0-8
	MOVQ    a+0(FP), DI
	MOVQ    avx2AttnArgs_x(DI), R9
	MOVQ    avx2AttnArgs_m(DI), R10
	MOVQ    avx2AttnArgs_l(DI), R11
	MOVQ    avx2AttnArgs_beta(DI), R12
	MOVQ    avx2AttnArgs_mt(DI), R13
	VMOVUPS ·avx2F32x8NegInf(SB), Y12

	// Pass 1: the maxima.
	MOVQ avx2AttnArgs_s(DI), SI
	XORQ R8, R8

sm_row:
	MOVLQSX      (R9)(R8*8), AX
	MOVLQSX      4(R9)(R8*8), BX
	CMPQ         AX, BX
	JGE          sm_empty
	VBROADCASTSS (R10)(R8*4), Y4
	MOVQ         avx2AttnArgs_cols(DI), CX
	MOVQ         SI, DX
	TESTQ        AX, AX
	JNZ          sm_masked
	MOVQ         CX, R14
	SHLQ         $3, R14
	CMPQ         BX, R14
	JNE          sm_masked
	MOVL         avx2AttnArgs_softCap(DI), R14
	TESTL        R14, R14
	JNZ          sm_masked

sm_max:
	VMAXPS (DX), Y4, Y4
	ADDQ   $32, DX
	DECQ   CX
	JNZ    sm_max
	JMP    sm_fold

sm_masked:
	VMOVDQU      ·avx2I32x8Lanes(SB), Y9
	DECQ         AX
	MOVQ         AX, X10
	VPBROADCASTD X10, Y10
	MOVQ         BX, X11
	VPBROADCASTD X11, Y11

sm_mask:
	VMOVUPS (DX), Y0
	MOVL    avx2AttnArgs_softCap(DI), R14
	TESTL   R14, R14
	JZ      sm_nocap
	CAP8

sm_nocap:
	VPCMPGTD  Y10, Y9, Y13
	VPCMPGTD  Y9, Y11, Y14
	VPAND     Y14, Y13, Y13
	VBLENDVPS Y13, Y0, Y12, Y0
	VMOVUPS   Y0, (DX)
	VMAXPS    Y0, Y4, Y4
	VPADDD    ·avx2I32x8Eight(SB), Y9, Y9
	ADDQ      $32, DX
	DECQ      CX
	JNZ       sm_mask

sm_fold:
	FOLD8(VEXTRACTF128, VMAXPS, VMAXSS, $0x4e, Y4, X4, X0)
	VMOVSS X4, (R13)(R8*4)
	JMP    sm_next

sm_empty:
	// No key of the tile is visible: zeros (in the copy too), mt = m, a
	// sum of 0.
	VXORPS Y0, Y0, Y0
	MOVQ   SI, DX
	MOVQ   R8, R14
	IMULQ  avx2AttnArgs_yStride(DI), R14
	ADDQ   avx2AttnArgs_y(DI), R14
	MOVQ   avx2AttnArgs_cols(DI), CX

sm_zero:
	VMOVUPS  Y0, (DX)
	VMOVNTPS Y0, (R14)
	ADDQ     $32, DX
	ADDQ     $32, R14
	DECQ     CX
	JNZ      sm_zero
	MOVL    (R10)(R8*4), AX
	MOVL    AX, (R13)(R8*4)
	MOVL    $0, (R12)(R8*4)

sm_next:
	ADDQ avx2AttnArgs_sStride(DI), SI
	INCQ R8
	CMPQ R8, avx2AttnArgs_rows(DI)
	JL   sm_row

	// Pass 2: exp(x - m') and the sums, two vectors a step (a row has an
	// even number); the copy (R14) is written with non-temporal stores,
	// around the caches the tiles work in.
	MOVQ avx2AttnArgs_s(DI), SI
	MOVQ avx2AttnArgs_y(DI), R14
	XORQ R8, R8

sm_erow:
	MOVL         (R9)(R8*8), AX
	CMPL         AX, 4(R9)(R8*8)
	JGE          sm_enext
	VBROADCASTSS (R13)(R8*4), Y4
	VXORPS       Y8, Y8, Y8
	MOVQ         SI, DX
	MOVQ         R14, BX
	MOVQ         avx2AttnArgs_cols(DI), CX

sm_exp:
	VMOVUPS  (DX), Y0
	VMOVUPS  32(DX), Y9
	VSUBPS   Y4, Y0, Y0
	VSUBPS   Y4, Y9, Y9
	EXP8R(Y0, Y1, Y2, Y3, Y5, Y6, Y7)
	EXP8R(Y9, Y10, Y11, Y12, Y13, Y14, Y15)
	VMOVUPS  Y0, (DX)
	VMOVUPS  Y9, 32(DX)
	VMOVNTPS Y0, (BX)
	VMOVNTPS Y9, 32(BX)
	VADDPS   Y0, Y8, Y8
	VADDPS   Y9, Y8, Y8
	ADDQ     $64, DX
	ADDQ     $64, BX
	SUBQ     $2, CX
	JNZ      sm_exp
	FOLD8(VEXTRACTF128, VADDPS, VADDSS, $0x4e, Y8, X8, X0)
	VMOVSS   X8, (R12)(R8*4)

sm_enext:
	ADDQ avx2AttnArgs_sStride(DI), SI
	ADDQ avx2AttnArgs_yStride(DI), R14
	INCQ R8
	CMPQ R8, avx2AttnArgs_rows(DI)
	JL   sm_erow

	// Pass 3: beta, l and m, eight rows at a time; the last rows under
	// the mask Y15 (all lanes for a whole eight).
	MOVQ avx2AttnArgs_rows(DI), CX

sm_state:
	VPCMPEQD   Y15, Y15, Y15
	CMPQ       CX, $8
	JGE        sm_state8
	LEAQ       ·avx2TailMask(SB), AX
	MOVQ       $8, BX
	SUBQ       CX, BX
	VMOVDQU    (AX)(BX*4), Y15

sm_state8:
	VMASKMOVPS (R10), Y15, Y0
	VMASKMOVPS (R13), Y15, Y4
	VCMPPS     $0, Y4, Y0, Y8
	VSUBPS     Y4, Y0, Y0
	EXP8
	VBLENDVPS  Y8, ·avx2F32x8One(SB), Y0, Y0
	VMASKMOVPS (R11), Y15, Y1
	VMASKMOVPS (R12), Y15, Y2
	VFMADD213PS Y2, Y0, Y1
	VMASKMOVPS Y1, Y15, (R11)
	VMASKMOVPS Y0, Y15, (R12)
	VMASKMOVPS Y4, Y15, (R10)
	ADDQ       $32, R10
	ADDQ       $32, R11
	ADDQ       $32, R12
	ADDQ       $32, R13
	SUBQ       $8, CX
	JG         sm_state
	SFENCE
	VZEROUPPER
	RET

// func avx2AttentionColSums(a *avx2AttnArgs)
//
// The importance sums of a block (attnKernels.colSums): first, per tile
// (strips of them, yStride bytes apart in mt and beta), beta = exp(mt -
// m) · l (l holds 1/sum) for the rows rows, eight at a time and the last
// under a mask; then x[k] = Σ_r beta[tile of k][r] · s[r][k] for k <
// 8·cols, four rows at a time (each streamed along its columns, 32 bytes
// a step) and the last rows one by one, into the sums at x.
//
// Instructions per 8 values of s: 1 FMA (from memory), 0.5 load and 0.5
// store of the sums, 0.75 pointer steps, 0.5 loop.
TEXT ·avx2AttentionColSums(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), DI
	MOVQ avx2AttnArgs_yStride(DI), R10
	MOVQ avx2AttnArgs_mt(DI), R12
	MOVQ avx2AttnArgs_beta(DI), R13
	MOVQ avx2AttnArgs_strips(DI), R11

cs_tile:
	MOVQ R12, SI
	MOVQ R13, DX
	MOVQ avx2AttnArgs_m(DI), R8
	MOVQ avx2AttnArgs_l(DI), R9
	MOVQ avx2AttnArgs_rows(DI), CX

cs_alpha:
	VPCMPEQD   Y15, Y15, Y15
	CMPQ       CX, $8
	JGE        cs_alpha8
	LEAQ       ·avx2TailMask(SB), AX
	MOVQ       $8, BX
	SUBQ       CX, BX
	VMOVDQU    (AX)(BX*4), Y15

cs_alpha8:
	VMASKMOVPS (SI), Y15, Y0
	VMASKMOVPS (R8), Y15, Y4
	VSUBPS     Y4, Y0, Y0
	EXP8
	VMASKMOVPS (R9), Y15, Y4
	VMULPS     Y4, Y0, Y0
	VMASKMOVPS Y0, Y15, (DX)
	ADDQ       $32, SI
	ADDQ       $32, R8
	ADDQ       $32, R9
	ADDQ       $32, DX
	SUBQ       $8, CX
	JG         cs_alpha
	ADDQ       R10, R12
	ADDQ       R10, R13
	DECQ       R11
	JNZ        cs_tile

	// The sums start at zero.
	MOVQ   avx2AttnArgs_x(DI), DX
	MOVQ   avx2AttnArgs_cols(DI), CX
	VXORPS Y0, Y0, Y0

cs_clear:
	VMOVUPS Y0, (DX)
	ADDQ    $32, DX
	DECQ    CX
	JNZ     cs_clear

	MOVQ avx2AttnArgs_sStride(DI), BX
	MOVQ avx2AttnArgs_s(DI), R13
	MOVQ avx2AttnArgs_beta(DI), R12
	MOVQ avx2AttnArgs_rows(DI), R11

cs_rows4:
	CMPQ R11, $4
	JL   cs_rows1
	MOVQ R13, SI
	LEAQ (SI)(BX*2), R8
	ADDQ BX, R8
	MOVQ avx2AttnArgs_x(DI), DX
	MOVQ R12, AX
	MOVQ avx2AttnArgs_cols(DI), CX

cs_tile4:
	VBROADCASTSS (AX), Y4
	VBROADCASTSS 4(AX), Y5
	VBROADCASTSS 8(AX), Y6
	VBROADCASTSS 12(AX), Y7
	ADDQ         R10, AX
	MOVQ         $16, R9
	CMPQ         CX, R9
	CMOVQLT      CX, R9

cs_vec4:
	VMOVUPS     (DX), Y0
	VFMADD231PS (SI), Y4, Y0
	VFMADD231PS (SI)(BX*1), Y5, Y0
	VFMADD231PS (SI)(BX*2), Y6, Y0
	VFMADD231PS (R8), Y7, Y0
	VMOVUPS     Y0, (DX)
	ADDQ        $32, SI
	ADDQ        $32, R8
	ADDQ        $32, DX
	DECQ        CX
	DECQ        R9
	JNZ         cs_vec4
	TESTQ       CX, CX
	JNZ         cs_tile4
	LEAQ        (R13)(BX*4), R13
	ADDQ        $16, R12
	SUBQ        $4, R11
	JMP         cs_rows4

cs_rows1:
	TESTQ R11, R11
	JZ    cs_done
	MOVQ  R13, SI
	MOVQ  avx2AttnArgs_x(DI), DX
	MOVQ  R12, AX
	MOVQ  avx2AttnArgs_cols(DI), CX

cs_tile1:
	VBROADCASTSS (AX), Y4
	ADDQ         R10, AX
	MOVQ         $16, R9
	CMPQ         CX, R9
	CMOVQLT      CX, R9

cs_vec1:
	VMOVUPS     (DX), Y0
	VFMADD231PS (SI), Y4, Y0
	VMOVUPS     Y0, (DX)
	ADDQ        $32, SI
	ADDQ        $32, DX
	DECQ        CX
	DECQ        R9
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
