//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

// AddWeightedQ8 on 2- and 4-bit rows of 64, 128 or 256 values (avx512,
// VNNI and VBMI): the weights, rounded to int8 per block of 64 rows, group
// and weight row (avx512AddWeightedQ8Prep), multiply the codes with
// VPDPBUSD, four rows of codes per dword lane (avx512AddWeightedQ8RowsW2,
// avx512AddWeightedQ8RowsW4). The rounding is
// the generic code's (addWeightedQ8Generic), bit for bit: the same float32
// products, max, quotients and round-to-nearest-even.

// Field offsets of avx512AddWeightedQ8Args.
#define Q8W_SCALES avx512AddWeightedQ8Args_scales
#define Q8W_MINS avx512AddWeightedQ8Args_mins
#define Q8W_W avx512AddWeightedQ8Args_w
#define Q8W_U avx512AddWeightedQ8Args_u
#define Q8W_A avx512AddWeightedQ8Args_a

// The shift terms follow the scales in a, 1024 bytes on (16 blocks × 4
// groups × 4 weight rows).
#define Q8W_SHIFTS 1024

// func avx512AddWeightedQ8Prep(a *avx512AddWeightedQ8Args)
//
// For blocks blocks of 64 rows, each group g and weight row i < 4: the
// products P = w·scale of 16 rows per vector (the rows' scales of group g
// gathered from two masked loads by VPERMT2W, converted by VCVTPH2PS),
// amax = max|P| across the block, inv = 127/amax and scale = amax/127
// (both 0 when amax is below 2^-120), the rounded weights
// VCVTPS2DQ(P·inv) stored as int8 (u[block][g][i][row]), the scale, and
// the shift term: Σ w·min (asymmetric, symOff 0) or
// scale·float32(−symOff·Σ u) (symmetric). Weight rows i >= nq get zeros.
// The scales and mins are converted once per block and group (40
// instructions), then about 60 per weight row: 4.3 per 32 values of a row
// of 128 in groups of 64 and four weight rows.
TEXT ·avx512AddWeightedQ8Prep(SB), NOSPLIT, $0-8
	MOVQ         a+0(FP), AX
	MOVQ         Q8W_SCALES(AX), SI
	MOVQ         Q8W_MINS(AX), DX
	MOVQ         Q8W_W(AX), R8
	MOVQ         Q8W_U(AX), DI
	MOVQ         Q8W_A(AX), R11
	MOVQ         avx512AddWeightedQ8Args_kScale1(AX), R9
	KMOVQ        R9, K1
	MOVQ         avx512AddWeightedQ8Args_kScale2(AX), R9
	KMOVQ        R9, K2
	MOVQ         avx512AddWeightedQ8Args_wordIdx(AX), R9
	VMOVDQU64    (R9), Z20
	VPBROADCASTD ·avx512AbsMask(SB), Z16
	VMOVSS       ·avx512F127(SB), X18
	VMOVSS       ·avx512F32Q8Tiny(SB), X21
	MOVQ         avx512AddWeightedQ8Args_groups(AX), R10
	SHLQ         $5, R10 // bytes of scales of 16 rows
	MOVQ         avx512AddWeightedQ8Args_blocks(AX), CX
	TESTQ        CX, CX
	JZ           prepDone

prepBlock:
	XORQ BX, BX // group

prepGroup:
	VPBROADCASTW BX, Z19
	VPADDW       Z19, Z20, Z22 // word l*groups + g
	MOVQ         SI, R15       // scales
	MOVQ         DX, R9        // mins

// The block's scales (s) and mins (m) of group g, rows 16v to 16v+15, as
// float32: two masked loads of 16 rows' words each, VPERMT2W to the
// group's, VCVTPH2PS.
#define Q8W_PARAMS(s, m) \
	VMOVDQU16.Z (R15), K1, Z0;   \
	VMOVDQU16.Z 64(R15), K2, Z1; \
	VPERMT2W    Z1, Z22, Z0;     \
	VCVTPH2PS   Y0, s;           \
	VMOVDQU16.Z (R9), K1, Z0;    \
	VMOVDQU16.Z 64(R9), K2, Z1;  \
	VPERMT2W    Z1, Z22, Z0;     \
	VCVTPH2PS   Y0, m;           \
	ADDQ        R10, R15;        \
	ADDQ        R10, R9

	Q8W_PARAMS(Z24, Z28)
	Q8W_PARAMS(Z25, Z29)
	Q8W_PARAMS(Z26, Z30)
	Q8W_PARAMS(Z27, Z31)
	XORQ R12, R12 // weight row

prepRow:
	MOVQ  BX, R13
	SHLQ  $2, R13
	ADDQ  R12, R13 // g*4 + i
	CMPQ  R12, avx512AddWeightedQ8Args_nq(AX)
	JGE   prepZero
	MOVQ  avx512AddWeightedQ8Args_wStride(AX), R14
	IMULQ R12, R14
	ADDQ  R8, R14  // the block's weights of row i
	VXORPS Z8, Z8, Z8
	VXORPS Z9, Z9, Z9

// P = w·s of rows 16v to 16v+15 into p, max|P| into Z8, Σ w·m into Z9.
#define Q8W_PREPV(v, p, s, m) \
	VMOVUPS     (v*64)(R14), Z0; \
	VMULPS      Z0, s, p;        \
	VANDPS      Z16, p, Z2;      \
	VMAXPS      Z2, Z8, Z8;      \
	VFMADD231PS Z0, m, Z9

	Q8W_PREPV(0, Z4, Z24, Z28)
	Q8W_PREPV(1, Z5, Z25, Z29)
	Q8W_PREPV(2, Z6, Z26, Z30)
	Q8W_PREPV(3, Z7, Z27, Z31)

	HREDUCE(VMAXPS, Z8, Y8, X8, Y2, X2)
	VCMPSS       $13, X21, X8, K3 // amax >= 2^-120
	VDIVSS.Z     X8, X18, K3, X3  // inv = 127/amax
	VDIVSS.Z     X18, X8, K3, X10 // scale = amax/127
	VBROADCASTSS X3, Z3
	MOVQ         R13, R14
	SHLQ         $6, R14
	ADDQ         DI, R14 // u[g][i]

#define Q8W_ROUND(v, p) \
	VMULPS           Z3, p, p; \
	VCVTPS2DQ.RN_SAE p, p;     \
	VPMOVSDB         p, (v*16)(R14)

	Q8W_ROUND(0, Z4)
	Q8W_ROUND(1, Z5)
	Q8W_ROUND(2, Z6)
	Q8W_ROUND(3, Z7)
	VMOVSS X10, (R11)(R13*4)

	MOVQ  avx512AddWeightedQ8Args_symOff(AX), R14
	TESTQ R14, R14
	JNZ   prepSym
	HREDUCE(VADDPS, Z9, Y9, X9, Y2, X2)
	VMOVSS X9, Q8W_SHIFTS(R11)(R13*4)
	JMP    prepNext

prepSym:
	VPADDD    Z5, Z4, Z4
	VPADDD    Z7, Z6, Z6
	VPADDD    Z6, Z4, Z4
	HREDUCE(VPADDD, Z4, Y4, X4, Y2, X2)
	VMOVD     X4, R15
	IMULL     R14, R15
	NEGL      R15
	VCVTSI2SSL R15, X11, X11
	VMULSS    X10, X11, X11
	VMOVSS    X11, Q8W_SHIFTS(R11)(R13*4)
	JMP       prepNext

prepZero:
	MOVQ      R13, R14
	SHLQ      $6, R14
	VPXORD    Z0, Z0, Z0
	VMOVDQU64 Z0, (DI)(R14*1)
	MOVL      $0, (R11)(R13*4)
	MOVL      $0, Q8W_SHIFTS(R11)(R13*4)

prepNext:
	INCQ R12
	CMPQ R12, $4
	JLT  prepRow
	INCQ BX
	CMPQ BX, avx512AddWeightedQ8Args_groups(AX)
	JLT  prepGroup

	// next block: 64 rows of scales and mins (4 × R10 bytes), weights, u, a
	LEAQ (SI)(R10*4), SI
	LEAQ (DX)(R10*4), DX
	ADDQ $256, R8
	MOVQ avx512AddWeightedQ8Args_groups(AX), R14
	SHLQ $8, R14
	ADDQ R14, DI
	SHRQ $4, R14
	ADDQ R14, R11
	DECQ CX
	JNZ  prepBlock

prepDone:
	VZEROUPPER
	RET

// The four weight rows' VPDPBUSD of a block's codes (Z3: columns 32b + l,
// Z4: 32b + 16 + l) with their rounded weights of the quad's four rows (a
// broadcast dword at ub + 64i).
#define Q8W_DOTS(ub, lo0, lo1, lo2, lo3, hi0, hi1, hi2, hi3) \
	VPDPBUSD.BCST (ub), Z3, lo0;    \
	VPDPBUSD.BCST 64(ub), Z3, lo1;  \
	VPDPBUSD.BCST 128(ub), Z3, lo2; \
	VPDPBUSD.BCST 192(ub), Z3, lo3; \
	VPDPBUSD.BCST (ub), Z4, hi0;    \
	VPDPBUSD.BCST 64(ub), Z4, hi1;  \
	VPDPBUSD.BCST 128(ub), Z4, hi2; \
	VPDPBUSD.BCST 192(ub), Z4, hi3

// One block of 32 columns of a quad of 2-bit rows (Z0: the pass's 16
// bytes of each row, row r in 128-bit lane r): the codes to dword lanes
// (VPERMB with idx), the fields of columns 32b + l (lo) and 32b + 16 + l
// (hi) to bits 0-1 of each byte, and the four weight rows' VPDPBUSD.
#define Q8W_BLOCK2(idx, ub, lo0, lo1, lo2, lo3, hi0, hi1, hi2, hi3) \
	VPERMB   Z0, idx, Z2; \
	VPSRLVD  Z7, Z2, Z3;  \
	VPSRLVD  Z8, Z2, Z4;  \
	VPANDD   Z9, Z3, Z3;  \
	VPANDD   Z9, Z4, Z4;  \
	Q8W_DOTS(ub, lo0, lo1, lo2, lo3, hi0, hi1, hi2, hi3)

// One block of 32 columns of a quad of 4-bit rows (Z0: the pass's 32 bytes
// of rows 0 and 1, Z1: of rows 2 and 3): the codes to dword lanes
// (VPERMT2B with idx), the low nibbles (columns 32b + l) and the high ones
// (32b + 16 + l), and the four weight rows' VPDPBUSD.
#define Q8W_BLOCK4(idx, ub, lo0, lo1, lo2, lo3, hi0, hi1, hi2, hi3) \
	VMOVDQA64 Z0, Z2;       \
	VPERMT2B  Z1, idx, Z2;  \
	VPANDD    Z9, Z2, Z3;   \
	VPSRLW    $4, Z2, Z4;   \
	VPANDD    Z9, Z4, Z4;   \
	Q8W_DOTS(ub, lo0, lo1, lo2, lo3, hi0, hi1, hi2, hi3)

#define Q8W_QUAD(BLOCK) \
	BLOCK(Z5, R8, Z16, Z17, Z18, Z19, Z20, Z21, Z22, Z23) \
	BLOCK(Z6, R9, Z24, Z25, Z26, Z27, Z28, Z29, Z30, Z31)

// y[16 columns at off(R13)] += scale·float32(acc) + shift, the scale and
// shift of (ap).
#define Q8W_OUT(acc, ap, off) \
	VCVTDQ2PS          acc, acc;         \
	VBROADCASTSS       Q8W_SHIFTS(ap), Z10; \
	VFMADD231PS.BCST   (ap), acc, Z10;   \
	VADDPS             off(R13), Z10, Z10; \
	VMOVUPS            Z10, off(R13)

// The pass's sums of weight row i into its output row.
#define Q8W_FLUSH(i, lo0, hi0, lo1, hi1) \
	MOVQ  avx512AddWeightedQ8Args_yStride(AX), R13; \
	IMULQ $i, R13;                    \
	ADDQ  avx512AddWeightedQ8Args_y(AX), R13; \
	MOVQ  BX, R14;                    \
	SHLQ  $8, R14;                    \
	ADDQ  R14, R13;                   \
	Q8W_OUT(lo0, R15, 0);             \
	Q8W_OUT(hi0, R15, 64);            \
	Q8W_OUT(lo1, DX, 128);            \
	Q8W_OUT(hi1, DX, 192)

// A pass's start: its 16 sums zeroed, the rounded weights of its blocks
// 2·pass and 2·pass+1 (R8, R9: their groups'), row 0 of the block's first
// quad at the pass's bytes (R10, passBytes a pass) and row 2 (DX), the
// row length in bytes (R13) and the block's rows left (R14).
#define Q8W_PASS(passShift) \
	VPXORD Z16, Z16, Z16; \
	VPXORD Z17, Z17, Z17; \
	VPXORD Z18, Z18, Z18; \
	VPXORD Z19, Z19, Z19; \
	VPXORD Z20, Z20, Z20; \
	VPXORD Z21, Z21, Z21; \
	VPXORD Z22, Z22, Z22; \
	VPXORD Z23, Z23, Z23; \
	VPXORD Z24, Z24, Z24; \
	VPXORD Z25, Z25, Z25; \
	VPXORD Z26, Z26, Z26; \
	VPXORD Z27, Z27, Z27; \
	VPXORD Z28, Z28, Z28; \
	VPXORD Z29, Z29, Z29; \
	VPXORD Z30, Z30, Z30; \
	VPXORD Z31, Z31, Z31; \
	MOVQ   avx512AddWeightedQ8Args_gShift(AX), R15; \
	LEAQ   (BX)(BX*1), R14; \
	SHRXQ  R15, R14, R8;    \
	INCQ   R14;             \
	SHRXQ  R15, R14, R9;    \
	SHLQ   $8, R8;          \
	ADDQ   DI, R8;          \
	SHLQ   $8, R9;          \
	ADDQ   DI, R9;          \
	MOVQ   BX, R10;         \
	SHLQ   $passShift, R10; \
	ADDQ   SI, R10;         \
	MOVQ   avx512AddWeightedQ8Args_rowBytes(AX), R13; \
	LEAQ   (R10)(R13*2), DX; \
	MOVQ   R12, R14

// The scales and shifts of the pass's two groups, for weight row 0 (R15,
// DX).
#define Q8W_APTRS \
	MOVQ  avx512AddWeightedQ8Args_gShift(AX), R13; \
	LEAQ  (BX)(BX*1), R14; \
	SHRXQ R13, R14, R15;   \
	INCQ  R14;             \
	SHRXQ R13, R14, DX;    \
	SHLQ  $4, R15;         \
	ADDQ  R11, R15;        \
	SHLQ  $4, DX;          \
	ADDQ  R11, DX

// The pass's sums into the output rows of the weight rows i < nq, then to
// label end.
#define Q8W_FLUSHALL(end) \
	Q8W_APTRS;                                    \
	Q8W_FLUSH(0, Z16, Z20, Z24, Z28);             \
	CMPQ avx512AddWeightedQ8Args_nq(AX), $1;      \
	JLE  end;                                     \
	ADDQ $4, R15;                                 \
	ADDQ $4, DX;                                  \
	Q8W_FLUSH(1, Z17, Z21, Z25, Z29);             \
	CMPQ avx512AddWeightedQ8Args_nq(AX), $2;      \
	JLE  end;                                     \
	ADDQ $4, R15;                                 \
	ADDQ $4, DX;                                  \
	Q8W_FLUSH(2, Z18, Z22, Z26, Z30);             \
	CMPQ avx512AddWeightedQ8Args_nq(AX), $3;      \
	JLE  end;                                     \
	ADDQ $4, R15;                                 \
	ADDQ $4, DX;                                  \
	Q8W_FLUSH(3, Z19, Z23, Z27, Z31)

// The next block of 64 rows: its codes, rounded weights, scales and
// shifts; CX counts the rows left (flags set).
#define Q8W_NEXTBLOCK \
	MOVQ avx512AddWeightedQ8Args_rowBytes(AX), R14; \
	SHLQ $6, R14;                                 \
	ADDQ R14, SI;                                 \
	MOVQ avx512AddWeightedQ8Args_groups(AX), R14; \
	SHLQ $8, R14;                                 \
	ADDQ R14, DI;                                 \
	SHRQ $4, R14;                                 \
	ADDQ R14, R11;                                \
	SUBQ R12, CX

// The four rows' prefetches, 2 KiB ahead of the quad's bytes.
#define Q8W_PREFETCH \
	PREFETCHT0 2048(R10);       \
	PREFETCHT0 2048(R10)(R13*1); \
	PREFETCHT0 2048(DX);        \
	PREFETCHT0 2048(DX)(R13*1)

// func avx512AddWeightedQ8RowsW2(a *avx512AddWeightedQ8Args)
//
// y[i][c] += Σ over blocks of 64 rows: scale·Σ_r u_r·q_rc + shift, for
// the n rows of 2-bit codes (rowBytes a row: rows of 64, 128 or 256
// values) at data and weight rows i < nq, with the u, scales and shifts
// of avx512AddWeightedQ8Prep. Per block, one pass per 64 columns (two
// blocks of 32) over the block's quads of rows, 16 int32 sums in
// Z16-Z31; a quad's 16 bytes of the pass from each row are loaded into
// one vector (lane r: row r), and a last quad of 1-3 rows loads only its
// rows. Budget per 32 values: 4.75 instructions per quad of rows (four
// loads, four prefetches, per block of 32 columns a permute, two shifts,
// two ANDs and eight VPDPBUSD over 128 values, the loop), plus the flush
// (per pass and weight row 4 × 5 over 64 rows). Body:
// avx512_addweightedq8_rows_amd64.h.
#define NAME ·avx512AddWeightedQ8RowsW2
#define PASS_SHIFT 4
#define BLOCK Q8W_BLOCK2
#define CONSTS \
	VMOVDQU64    ·avx512Q8wPermB2+0(SB), Z5;  \
	VMOVDQU64    ·avx512Q8wPermB2+64(SB), Z6; \
	VMOVDQU64    ·avx512Q8wSrlv+0(SB), Z7;    \
	VMOVDQU64    ·avx512Q8wSrlv+64(SB), Z8;   \
	VPBROADCASTB ·avx512C03(SB), Z9
#define QUAD_LOAD \
	VMOVDQU      (R10), X0;                    \
	VINSERTI32X4 $1, (R10)(R13*1), Z0, Z0;     \
	VINSERTI32X4 $2, (DX), Z0, Z0;             \
	VINSERTI32X4 $3, (DX)(R13*1), Z0, Z0
#define TAIL_LOAD(next) \
	VMOVDQU      (R10), X0;                    \
	CMPQ         R14, $2;                      \
	JLT          next;                         \
	VINSERTI32X4 $1, (R10)(R13*1), Z0, Z0;     \
	JE           next;                         \
	VINSERTI32X4 $2, (DX), Z0, Z0
#include "avx512_addweightedq8_rows_amd64.h"
#undef NAME
#undef PASS_SHIFT
#undef BLOCK
#undef CONSTS
#undef QUAD_LOAD
#undef TAIL_LOAD

// func avx512AddWeightedQ8RowsW4(a *avx512AddWeightedQ8Args)
//
// avx512AddWeightedQ8RowsW2 on 4-bit codes: a quad's 32 bytes of the pass
// from rows 0 and 1 in Z0, from rows 2 and 3 in Z1, one VPERMT2B per
// block of 32 columns. Budget per 32 values: 5 instructions per quad of
// rows (four loads, four prefetches, per block a copy, a permute, a shift,
// two ANDs and eight VPDPBUSD over 128 values, the loop), plus the flush.
#define NAME ·avx512AddWeightedQ8RowsW4
#define PASS_SHIFT 5
#define BLOCK Q8W_BLOCK4
#define CONSTS \
	VMOVDQU64    ·avx512Q8wPermB4+0(SB), Z5;  \
	VMOVDQU64    ·avx512Q8wPermB4+64(SB), Z6; \
	VPBROADCASTB ·avx512C0f(SB), Z9
#define QUAD_LOAD \
	VMOVDQU      (R10), Y0;                    \
	VINSERTI64X4 $1, (R10)(R13*1), Z0, Z0;     \
	VMOVDQU      (DX), Y1;                     \
	VINSERTI64X4 $1, (DX)(R13*1), Z1, Z1
#define TAIL_LOAD(next) \
	VMOVDQU      (R10), Y0;                    \
	VPXORD       Z1, Z1, Z1;                   \
	CMPQ         R14, $2;                      \
	JLT          next;                         \
	VINSERTI64X4 $1, (R10)(R13*1), Z0, Z0;     \
	JE           next;                         \
	VMOVDQU      (DX), Y1
#include "avx512_addweightedq8_rows_amd64.h"
#undef NAME
#undef PASS_SHIFT
#undef BLOCK
#undef CONSTS
#undef QUAD_LOAD
#undef TAIL_LOAD

// VPERMB indexes of a pass's two blocks of 32 2-bit codes (8 bytes each)
// in a quad's vector of the pass's 16 bytes of each row (row r in 128-bit
// lane r): for block b, dword lane l, byte r: byte 16r + 8b + l%8, so that
// lane l holds the four rows' codes of columns 32b + l, 32b + 8 + l,
// 32b + 16 + l and 32b + 24 + l in its four 2-bit fields.
DATA ·avx512Q8wPermB2+0(SB)/8, $0x3121110130201000
DATA ·avx512Q8wPermB2+8(SB)/8, $0x3323130332221202
DATA ·avx512Q8wPermB2+16(SB)/8, $0x3525150534241404
DATA ·avx512Q8wPermB2+24(SB)/8, $0x3727170736261606
DATA ·avx512Q8wPermB2+32(SB)/8, $0x3121110130201000
DATA ·avx512Q8wPermB2+40(SB)/8, $0x3323130332221202
DATA ·avx512Q8wPermB2+48(SB)/8, $0x3525150534241404
DATA ·avx512Q8wPermB2+56(SB)/8, $0x3727170736261606
DATA ·avx512Q8wPermB2+64(SB)/8, $0x3929190938281808
DATA ·avx512Q8wPermB2+72(SB)/8, $0x3b2b1b0b3a2a1a0a
DATA ·avx512Q8wPermB2+80(SB)/8, $0x3d2d1d0d3c2c1c0c
DATA ·avx512Q8wPermB2+88(SB)/8, $0x3f2f1f0f3e2e1e0e
DATA ·avx512Q8wPermB2+96(SB)/8, $0x3929190938281808
DATA ·avx512Q8wPermB2+104(SB)/8, $0x3b2b1b0b3a2a1a0a
DATA ·avx512Q8wPermB2+112(SB)/8, $0x3d2d1d0d3c2c1c0c
DATA ·avx512Q8wPermB2+120(SB)/8, $0x3f2f1f0f3e2e1e0e
GLOBL ·avx512Q8wPermB2(SB), RODATA|NOPTR, $128

// VPSRLVD counts that bring a quad's fields to bits 0-1 of each byte:
// 0 and 2 (lanes 0-7 and 8-15: columns 32b + l), then 4 and 6 (32b + 16 + l).
DATA ·avx512Q8wSrlv+0(SB)/8, $0x0000000000000000
DATA ·avx512Q8wSrlv+8(SB)/8, $0x0000000000000000
DATA ·avx512Q8wSrlv+16(SB)/8, $0x0000000000000000
DATA ·avx512Q8wSrlv+24(SB)/8, $0x0000000000000000
DATA ·avx512Q8wSrlv+32(SB)/8, $0x0000000200000002
DATA ·avx512Q8wSrlv+40(SB)/8, $0x0000000200000002
DATA ·avx512Q8wSrlv+48(SB)/8, $0x0000000200000002
DATA ·avx512Q8wSrlv+56(SB)/8, $0x0000000200000002
DATA ·avx512Q8wSrlv+64(SB)/8, $0x0000000400000004
DATA ·avx512Q8wSrlv+72(SB)/8, $0x0000000400000004
DATA ·avx512Q8wSrlv+80(SB)/8, $0x0000000400000004
DATA ·avx512Q8wSrlv+88(SB)/8, $0x0000000400000004
DATA ·avx512Q8wSrlv+96(SB)/8, $0x0000000600000006
DATA ·avx512Q8wSrlv+104(SB)/8, $0x0000000600000006
DATA ·avx512Q8wSrlv+112(SB)/8, $0x0000000600000006
DATA ·avx512Q8wSrlv+120(SB)/8, $0x0000000600000006
GLOBL ·avx512Q8wSrlv(SB), RODATA|NOPTR, $128

// VPERMT2B indexes of a pass's two blocks of 32 4-bit codes (16 bytes each)
// over a quad's two vectors of the pass's 32 bytes of each row (rows 0
// and 1, then 2 and 3): for block b, dword lane l, byte r: byte
// 32r + 16b + l, so that lane l holds the four rows' codes of columns
// 32b + l (low nibbles) and 32b + 16 + l (high nibbles).
DATA ·avx512Q8wPermB4+0(SB)/8, $0x6141210160402000
DATA ·avx512Q8wPermB4+8(SB)/8, $0x6343230362422202
DATA ·avx512Q8wPermB4+16(SB)/8, $0x6545250564442404
DATA ·avx512Q8wPermB4+24(SB)/8, $0x6747270766462606
DATA ·avx512Q8wPermB4+32(SB)/8, $0x6949290968482808
DATA ·avx512Q8wPermB4+40(SB)/8, $0x6b4b2b0b6a4a2a0a
DATA ·avx512Q8wPermB4+48(SB)/8, $0x6d4d2d0d6c4c2c0c
DATA ·avx512Q8wPermB4+56(SB)/8, $0x6f4f2f0f6e4e2e0e
DATA ·avx512Q8wPermB4+64(SB)/8, $0x7151311170503010
DATA ·avx512Q8wPermB4+72(SB)/8, $0x7353331372523212
DATA ·avx512Q8wPermB4+80(SB)/8, $0x7555351574543414
DATA ·avx512Q8wPermB4+88(SB)/8, $0x7757371776563616
DATA ·avx512Q8wPermB4+96(SB)/8, $0x7959391978583818
DATA ·avx512Q8wPermB4+104(SB)/8, $0x7b5b3b1b7a5a3a1a
DATA ·avx512Q8wPermB4+112(SB)/8, $0x7d5d3d1d7c5c3c1c
DATA ·avx512Q8wPermB4+120(SB)/8, $0x7f5f3f1f7e5e3e1e
GLOBL ·avx512Q8wPermB4(SB), RODATA|NOPTR, $128
