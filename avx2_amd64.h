// Shared macros of the AVX2 kernels (avx2_*_amd64.s).
//
// Register conventions of the quantized kernels, which walk rows, groups
// and blocks of 32 codes (pack/doc.go draws the layouts):
//
//	SI  base of the group's first plane: 8-bit codes (width 8), the 4-bit
//	    plane (widths 4, 5, 6, 7) or the 2-bit plane (widths 2, 3)
//	R8  base of the group's second plane: the 1-bit plane (widths 3, 5)
//	    or the 2-bit plane (widths 6, 7)
//	R9  base of the group's third plane: the 1-bit plane (width 7)
//	DX  K = 4 × the block's index in its group, so that a block's plane
//	    bytes are at (base)(DX*w) for a plane of w bits per value
//
// The block macros below produce a block's 32 codes in one of two forms:
// UnB leaves them as 32 bytes in value order in a YMM register (for the
// integer kernels), FBLKn hands them out as four float32 vectors of eight
// values each (for the float kernels) by invoking CHUNK0 … CHUNK3, which the
// kernel defines. A CHUNKk finds its eight values, as float32 codes, in Y0
// and may clobber Y0 and Y2; FBLKn also uses Y1 and Y5.

// The constants of the unpack macros: memory operands unless a kernel
// with free registers rebinds them (#undef, #define K_NIB Y15, …) and
// loads them with K_LOAD in its prologue.
#define K_NIB ·avx2Nib(SB)
#define K_LOW2 ·avx2Low2(SB)
#define K_SHIFT2 ·avx2Shift2(SB)

// K_LOAD loads the constants a kernel keeps in registers.
#define K_LOAD \
	VMOVDQU ·avx2Nib(SB), K_NIB;       \
	VMOVDQU ·avx2Low2(SB), K_LOW2;     \
	VMOVDQU ·avx2Shift2(SB), K_SHIFT2

// Block of 8-bit codes as 32 bytes.
#define U8B(Yd, Xd, Yt, Xt) \
	VMOVDQU (SI)(DX*8), Yd

// Block of 4-bit codes ("split halves": byte j holds v_j low, v_j+16 high).
#define U4B(Yd, Xd, Yt, Xt) \
	VMOVDQU     (SI)(DX*4), Xd;     \
	VPSRLW      $4, Xd, Xt;         \
	VINSERTI128 $1, Xt, Yd, Yd;     \
	VPAND       K_NIB, Yd, Yd

// Block of a 2-bit plane at BASE (byte j holds v_j, v_j+8, v_j+16, v_j+24):
// broadcast the 8 bytes, shift qword k right by 2k, mask.
#define U2P(BASE, Yd) \
	VPBROADCASTQ (BASE)(DX*2), Yd;        \
	VPSRLVQ      K_SHIFT2, Yd, Yd; \
	VPAND        K_LOW2, Yd, Yd

// Block of a 1-bit plane at BASE (bit k of the 32-bit mask holds v_k):
// byte k becomes 0xFF where the bit is set, 0 where not.
#define U1P(BASE, Yd) \
	VPBROADCASTD (BASE)(DX*1), Yd;        \
	VPSHUFB      ·avx2Spread(SB), Yd, Yd; \
	VPAND        ·avx2BitSel(SB), Yd, Yd; \
	VPCMPEQB     ·avx2BitSel(SB), Yd, Yd

#define U2B(Yd, Xd, Yt, Xt) \
	U2P(SI, Yd)

// ADD1P(BASE, BIT, Yd, Yt) merges the 1-bit plane at BASE into the codes in
// Yd as bit BIT (avx2Bit2, avx2Bit4, avx2Bit6: the bit set in every byte).
#define ADD1P(BASE, BIT, Yd, Yt) \
	U1P(BASE, Yt);          \
	VPAND BIT, Yt, Yt;      \
	VPOR  Yt, Yd, Yd

#define U3B(Yd, Xd, Yt, Xt) \
	U2P(SI, Yd);                   \
	ADD1P(R8, ·avx2Bit2(SB), Yd, Yt)

#define U5B(Yd, Xd, Yt, Xt) \
	U4B(Yd, Xd, Yt, Xt);           \
	ADD1P(R8, ·avx2Bit4(SB), Yd, Yt)

#define U6B(Yd, Xd, Yt, Xt) \
	U4B(Yd, Xd, Yt, Xt);           \
	U2P(R8, Yt);                   \
	VPSLLW $4, Yt, Yt;             \
	VPOR  Yt, Yd, Yd

#define U7B(Yd, Xd, Yt, Xt) \
	U6B(Yd, Xd, Yt, Xt);           \
	ADD1P(R9, ·avx2Bit6(SB), Yd, Yt)

// FBLK8: 8-bit codes straight from memory, eight at a time.
#define FBLK8 \
	VPMOVZXBD (SI)(DX*8), Y0;   VCVTDQ2PS Y0, Y0; CHUNK0; \
	VPMOVZXBD 8(SI)(DX*8), Y0;  VCVTDQ2PS Y0, Y0; CHUNK1; \
	VPMOVZXBD 16(SI)(DX*8), Y0; VCVTDQ2PS Y0, Y0; CHUNK2; \
	VPMOVZXBD 24(SI)(DX*8), Y0; VCVTDQ2PS Y0, Y0; CHUNK3

// FBLK4: bytes 0-7 of the plane hold v0-7 (low nibbles) and v16-23 (high).
#define FBLK4 \
	VPMOVZXBD (SI)(DX*4), Y1;                                 \
	VPAND     K_NIB, Y1, Y0; VCVTDQ2PS Y0, Y0; CHUNK0;        \
	VPSRLD    $4, Y1, Y0;           VCVTDQ2PS Y0, Y0; CHUNK2; \
	VPMOVZXBD 8(SI)(DX*4), Y1;                                \
	VPAND     K_NIB, Y1, Y0; VCVTDQ2PS Y0, Y0; CHUNK1;        \
	VPSRLD    $4, Y1, Y0;           VCVTDQ2PS Y0, Y0; CHUNK3

// FBLK2: byte j of the plane holds v_j, v_j+8, v_j+16, v_j+24.
#define FBLK2 \
	VPMOVZXBD (SI)(DX*2), Y1;                                                    \
	VPAND  K_LOW2, Y1, Y0;                       VCVTDQ2PS Y0, Y0; CHUNK0; \
	VPSRLD $2, Y1, Y0; VPAND K_LOW2, Y0, Y0;     VCVTDQ2PS Y0, Y0; CHUNK1; \
	VPSRLD $4, Y1, Y0; VPAND K_LOW2, Y0, Y0;     VCVTDQ2PS Y0, Y0; CHUNK2; \
	VPSRLD $6, Y1, Y0;                                  VCVTDQ2PS Y0, Y0; CHUNK3

// FBLKB: the block's 32 codes, already bytes in Y1, widened eight at a
// time (the composite widths 3, 5, 6, 7).
#define FBLKB \
	VPMOVZXBD   X1, Y0;                       VCVTDQ2PS Y0, Y0; CHUNK0; \
	VPSRLDQ     $8, X1, X5; VPMOVZXBD X5, Y0; VCVTDQ2PS Y0, Y0; CHUNK1; \
	VEXTRACTI128 $1, Y1, X1;                                           \
	VPMOVZXBD   X1, Y0;                       VCVTDQ2PS Y0, Y0; CHUNK2; \
	VPSRLDQ     $8, X1, X5; VPMOVZXBD X5, Y0; VCVTDQ2PS Y0, Y0; CHUNK3

#define FBLK3 U3B(Y1, X1, Y5, X5); FBLKB
#define FBLK5 U5B(Y1, X1, Y5, X5); FBLKB
#define FBLK6 U6B(Y1, X1, Y5, X5); FBLKB
#define FBLK7 U7B(Y1, X1, Y5, X5); FBLKB

// PLANES_INIT loads the plane bases of the first group from a avx2Walk at DI.
#define PLANES_INIT \
	MOVQ avx2Walk_data(DI), SI; \
	MOVQ SI, R8;                \
	ADDQ avx2Walk_off2(DI), R8; \
	MOVQ SI, R9;                \
	ADDQ avx2Walk_off3(DI), R9

// ARGS_TEXT(NAME) begins a kernel of one argument, a pointer to its
// argument block, which it loads into DI.
#define ARGS_TEXT(NAME) \
TEXT NAME(SB), NOSPLIT, $0-8; \
	MOVQ a+0(FP), DI

// WALK_TEXT(NAME, S, M) begins a kernel that walks codes (its argument
// block starts with an avx2Walk): ARGS_TEXT, the plane bases of the first
// group (PLANES_INIT), and its fp16 scales and shifts in S and M.
#define WALK_TEXT(NAME, S, M) \
	ARGS_TEXT(NAME);             \
	PLANES_INIT;                 \
	MOVQ avx2Walk_scales(DI), S; \
	MOVQ avx2Walk_shifts(DI), M

// PADDn(X) adds X to the plane bases that width n uses.
#define PADD1(X) ADDQ X, SI
#define PADD2(X) ADDQ X, SI; ADDQ X, R8
#define PADD3(X) ADDQ X, SI; ADDQ X, R8; ADDQ X, R9

// UNITS_SCALE applies the batch's scales (R10) and shifts (R11) to the
// unit sums in Y10: Y10 = Y10*scale + shift*gsum, from the gsum pointer
// at UO+gsp; advances R10, R11 and gsp. Uses DX, Y11.
#define UNITS_SCALE(UO) \
	VCVTPH2PS   (R10), Y11;                     \
	VMULPS      Y11, Y10, Y10;                  \
	VCVTPH2PS   (R11), Y11;                     \
	MOVQ        (UO+avx2UnitOut_gsp)(DI), DX;   \
	VFMADD231PS (DX), Y11, Y10;                 \
	ADDQ        (UO+avx2UnitOut_gstep)(DI), DX; \
	MOVQ        DX, (UO+avx2UnitOut_gsp)(DI);   \
	ADDQ        $16, R10;                       \
	ADDQ        $16, R11

// PLANES_ADD adds REG to every plane base.
#define PLANES_ADD(REG) \
	ADDQ REG, SI; \
	ADDQ REG, R8; \
	ADDQ REG, R9

// FOLD8(EXT, OP, OPS, SHUF, Y, X, T) folds the eight lanes of Y into lane
// 0 of X (the low half of Y) with the packed operation OP and, for the last
// step, the scalar OPS: the upper 128 bits onto the lower (EXT:
// VEXTRACTF128 or VEXTRACTI128), then lanes 2-3 onto 0-1 (VPSHUFD SHUF:
// $0x0e or $0x4e), then lane 1 onto 0. T is a scratch XMM register.
#define FOLD8(EXT, OP, OPS, SHUF, Y, X, T) \
	EXT     $1, Y, T;    \
	OP      T, X, X;     \
	VPSHUFD SHUF, X, T;  \
	OP      T, X, X;     \
	VPSHUFD $0x01, X, T; \
	OPS     T, X, X

// ZERO_Y8_13 clears Y8-Y13, the accumulators of the row kernels.
#define ZERO_Y8_13 \
	VXORPS Y8, Y8, Y8;   \
	VXORPS Y9, Y9, Y9;   \
	VXORPS Y10, Y10, Y10; \
	VXORPS Y11, Y11, Y11; \
	VXORPS Y12, Y12, Y12; \
	VXORPS Y13, Y13, Y13

// ON4(OP, A) applies OP with the operand A to the four vectors of a block
// of 32 float32 or int32 values, Y0-Y3 (OP A, Yk, Yk); ON4U(OP) applies
// the one-operand OP (OP Yk, Yk).
#define ON4(OP, A) OP A, Y0, Y0; OP A, Y1, Y1; OP A, Y2, Y2; OP A, Y3, Y3
#define ON4U(OP) OP Y0, Y0; OP Y1, Y1; OP Y2, Y2; OP Y3, Y3

// SUM2X8(P, Q, R, S) sums the accumulators of two query rows, P+Q and
// R+S (P is Y8), into lanes 0 and 1 of X8; clobbers X9.
#define SUM2X8(P, Q, R, S) \
	VADDPS       Q, P, P;    \
	VADDPS       S, R, R;    \
	VHADDPS      R, P, P;    \
	VEXTRACTF128 $1, Y8, X9; \
	VADDPS       X9, X8, X8; \
	VHADDPS      X8, X8, X8

// SUM4X8 sums the accumulators of four query rows, Y8+j (even chunks) and
// Y12+j (odd chunks), into X8 = [q0 q1 q2 q3]; clobbers Y9-Y15.
#define SUM4X8 \
	VADDPS       Y12, Y8, Y8;    \
	VADDPS       Y13, Y9, Y9;    \
	VADDPS       Y14, Y10, Y10;  \
	VADDPS       Y15, Y11, Y11;  \
	VHADDPS      Y9, Y8, Y8;     \
	VHADDPS      Y11, Y10, Y10;  \
	VHADDPS      Y10, Y8, Y8;    \
	VEXTRACTF128 $1, Y8, X9;     \
	VADDPS       X9, X8, X8

// Prefetch distances of the row kernels, in bytes ahead of the codes
// (walked 32 bytes per block, which covers every line of a group for
// any width) and of the scales and shifts.
#define PF_CODES 1024
#define PF_SCALES 128

// Unit kernels (one query, rows of 1, 2, 4 or 8k groups): a unit is one
// group of one row. Units go in pairs: the 8-lane sums of units A and B
// are folded at once by UNITS_PAIR into Y11 (newest) … Y14 (oldest), and
// after four pairs UNITS_FINISH sums each unit into one lane of Y10 (unit
// u of the batch in lane u). No scratch memory: the sums stay in registers.
#define UNITS_PAIR(A, B) \
	VHADDPS B, A, A;   \
	VMOVAPS Y13, Y14;  \
	VMOVAPS Y12, Y13;  \
	VMOVAPS Y11, Y12;  \
	VMOVAPS A, Y11

// UNITS_FINISH: Y14 = pair 0 (units 0, 1) … Y11 = pair 3 (units 6, 7).
// Clobbers Y0-Y2.
#define UNITS_FINISH \
	VHADDPS    Y13, Y14, Y0;      \
	VHADDPS    Y11, Y12, Y1;      \
	VPERM2F128 $0x20, Y1, Y0, Y2; \
	VPERM2F128 $0x31, Y1, Y0, Y0; \
	VADDPS     Y2, Y0, Y10

// UNITS_STORE(UO, T1, T2, V, X, VT, XT, FOLD, PRE0, RESET) adds the eight
// values in V (X its low half) to out by the output mode of the avx2UnitOut
// at UO(DI): levels 0-3 (rows of 1, 2, 4, 8 units: fold lanes in groups of
// 1 << levels and add 8 >> levels rows) or -1 (rows of 16, 24, … units:
// accumulate in the avx2UnitOut until the row ends). FOLD is the first fold
// of the halves (VHADDPS, or VADDPS when the lanes are in the order
// [u0 u2 u4 u6 | u1 u3 u5 u7]); PRE0 runs before rows of one unit are
// stored (to put the lanes in unit order); RESET(UO, T) runs at the end of
// a row of levels -1. T1, T2 are scratch registers, VT, XT a scratch vector;
// the out pointer advances.
#define UNITS_STORE(UO, T1, T2, V, X, VT, XT, FOLD, PRE0, RESET) \
	MOVQ  (UO+avx2UnitOut_out)(DI), T2;    \
	MOVQ  (UO+avx2UnitOut_levels)(DI), T1; \
	CMPQ  T1, $0;                          \
	JL    outacc;                          \
	JE    out0;                            \
	VEXTRACTF128 $1, V, XT;                \
	FOLD  XT, X, X;                        \
	CMPQ  T1, $1;                          \
	JE    out1;                            \
	VHADDPS X, X, X;                       \
	CMPQ  T1, $2;                          \
	JE    out2;                            \
	VHADDPS X, X, X;                       \
	VADDSS (T2), X, X;                     \
	VMOVSS X, (T2);                        \
	ADDQ  $4, T2;                          \
	JMP   outdone;                         \
out2:                                      \
	VMOVSD (T2), XT;                       \
	VADDPS XT, X, X;                       \
	VMOVSD X, (T2);                        \
	ADDQ  $8, T2;                          \
	JMP   outdone;                         \
out1:                                      \
	VADDPS  (T2), X, X;                    \
	VMOVUPS X, (T2);                       \
	ADDQ  $16, T2;                         \
	JMP   outdone;                         \
out0:                                      \
	PRE0;                                  \
	VADDPS  (T2), V, V;                    \
	VMOVUPS V, (T2);                       \
	ADDQ  $32, T2;                         \
	JMP   outdone;                         \
outacc:                                    \
	VADDPS (UO+avx2UnitOut_acc)(DI), V, V; \
	DECQ  (UO+avx2UnitOut_bleft)(DI);      \
	JNZ   outkeep;                         \
	MOVQ  (UO+avx2UnitOut_bpr)(DI), T1;    \
	MOVQ  T1, (UO+avx2UnitOut_bleft)(DI);  \
	RESET(UO, T1);                         \
	VEXTRACTF128 $1, V, XT;                \
	VADDPS XT, X, X;                       \
	VHADDPS X, X, X;                       \
	VHADDPS X, X, X;                       \
	VADDSS (T2), X, X;                     \
	VMOVSS X, (T2);                        \
	ADDQ  $4, T2;                          \
	VXORPS V, V, V;                        \
outkeep:                                   \
	VMOVUPS V, (UO+avx2UnitOut_acc)(DI);   \
outdone:                                   \
	MOVQ  T2, (UO+avx2UnitOut_out)(DI)

// UNITS_GSUM_RESET(UO, T) points the gsum pointer of the avx2UnitOut at
// UO(DI) back at the row's first group.
#define UNITS_GSUM_RESET(UO, T) \
	MOVQ (UO+avx2UnitOut_gsum)(DI), T; \
	MOVQ T, (UO+avx2UnitOut_gsp)(DI)

// NOSTEP and NOSTEP2(a, b) are the steps of UNITS_STORE that do nothing.
#define NOSTEP
#define NOSTEP2(a, b)

// UNITS_OUT stores the Dot unit kernels' eight unit values in Y10 (see
// UNITS_STORE), with T1, T2 as scratch registers.
#define UNITS_OUT(UO, T1, T2) UNITS_STORE(UO, T1, T2, Y10, X10, Y11, X11, VHADDPS, NOSTEP, UNITS_GSUM_RESET)

// OUT2/OUT3/OUT4(X, T, O, S, R): add lanes 0-1 (0-2, 0-3) of X to out at O,
// O+S, O+2S, O+3S (S a register; R a scratch register for O+2S). All the
// loads come before the stores: query rows of out are often a multiple of
// 4 KiB apart, and a load behind a store to an address with the same low
// 12 bits would wait for it (4K aliasing). T is a scratch XMM register.
#define OUT2(X, T, O, S, R) \
	VMOVSS     (O), T;                 \
	VINSERTPS  $0x10, (O)(S*1), T, T;  \
	VADDPS     T, X, X;                \
	VMOVSS     X, (O);                 \
	VEXTRACTPS $1, X, (O)(S*1)

#define OUT3(X, T, O, S, R) \
	VMOVSS     (O), T;                 \
	VINSERTPS  $0x10, (O)(S*1), T, T;  \
	VINSERTPS  $0x20, (O)(S*2), T, T;  \
	VADDPS     T, X, X;                \
	VMOVSS     X, (O);                 \
	VEXTRACTPS $1, X, (O)(S*1);        \
	VEXTRACTPS $2, X, (O)(S*2)

#define OUT4(X, T, O, S, R) \
	LEAQ       (O)(S*2), R;            \
	VMOVSS     (O), T;                 \
	VINSERTPS  $0x10, (O)(S*1), T, T;  \
	VINSERTPS  $0x20, (O)(S*2), T, T;  \
	VINSERTPS  $0x30, (R)(S*1), T, T;  \
	VADDPS     T, X, X;                \
	VMOVSS     X, (O);                 \
	VEXTRACTPS $1, X, (O)(S*1);        \
	VEXTRACTPS $2, X, (O)(S*2);        \
	VEXTRACTPS $3, X, (R)(S*1)

// EXP8: Y0 = exp(Y0) for Y0 <= 0 (lanes below expMinX give 0); uses Y1-Y3, Y5-Y7.
// The polynomial is evaluated by Estrin's scheme ((P0 r + P1) r^2 +
// (P2 r + P3)) r^2 + (P4 r + P5), then p r^2 + r + 1, for a shorter
// dependency chain than Horner's.
// n is rounded as roundEven does, by adding and subtracting 1.5*2^23; the
// bits of the sum are n + 0x4b400000, from which 2^n is one add and shift.
#define EXP8 EXP8R(Y0, Y1, Y2, Y3, Y5, Y6, Y7)

// EXP8R(X, N, R, A, T, B, C) is EXP8 on X with the temporaries N, R, A,
// T, B and C (so that two can run side by side).
#define EXP8R(X, N, R, A, T, B, C) \
	VMULPS       ·avx2ExpLog2e(SB), X, N;        \
	VADDPS       ·avx2F32x8RoundMagic(SB), N, N; \
	VSUBPS       ·avx2F32x8RoundMagic(SB), N, T; \
	VMOVAPS      X, R;                           \
	VFNMADD231PS ·avx2ExpLn2Hi(SB), T, R;        \
	VFNMADD231PS ·avx2ExpLn2Lo(SB), T, R;        \
	VMULPS       R, R, T;                        \
	VMOVUPS      ·avx2ExpP0(SB), A;              \
	VFMADD213PS  ·avx2ExpP1(SB), R, A;           \
	VMOVUPS      ·avx2ExpP2(SB), B;              \
	VFMADD213PS  ·avx2ExpP3(SB), R, B;           \
	VMOVUPS      ·avx2ExpP4(SB), C;              \
	VFMADD213PS  ·avx2ExpP5(SB), R, C;           \
	VFMADD213PS  B, T, A;                        \
	VFMADD213PS  C, T, A;                        \
	VFMADD213PS  R, T, A;                        \
	VADDPS       ·avx2F32x8One(SB), A, A;        \
	VPADDD       ·avx2I32x8ExpBias(SB), N, N;    \
	VPSLLD       $23, N, N;                      \
	VMULPS       N, A, A;                        \
	VCMPPS       $0x1d, ·avx2ExpMinX(SB), X, N;  \
	VANDPS       A, N, X
