//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

// The 2-bit AddWeighted kernels of rows of 80 values (head dimension 80),
// one weight row, three rows per vector. A row is five code dwords of 16
// fields; three rows are 15 consecutive dwords, one unaligned load (lane
// 15 masked off by K2), so lane l holds dword l%5 of row l/5 in every
// vector, and all sixteen fields of each dword go into one set of sums
// (Z0-Z15, field k into Z<k>): masked in place, converted (q*4^k),
// times the lane's w*scale. No head and tail apart, no gather, no second
// pass. A step takes six rows (two vectors, 120 bytes).
//
// Groups of 16: the group of lane l is its dword, so the 15 scales (and
// mins) of a vector's three rows are consecutive words, read under K2 in
// lane order; the lanes' weights come from the step's six (Z21, read
// under K3) by VPERMPS with the vector's index (lane l: weight l/5, or
// 3 + l/5; lane 15: 15, a zero). The w*min of each lane add into Z16.
// One group of 80: the six rows' w*scale and w*min are formed once per
// step (lanes 0-5), the former spread to each vector's lanes by VPERMPS.
//
// Budget per 32 values: a vector of 240 values takes 48 instructions for
// its fields (mask, convert, multiply-add) and 8 (groups of 16: codes,
// weights, scales and mins) or 2 (one group: codes, w*scale) more; a step
// of two vectors adds 11 or 15 (prefetches, weights, loop; one group:
// the six rows' w*scale and w*min): about 8.2 (groups of 16) and 7.7 (one
// group) per 32 values, against 7.3 plus the loop's 1.5 for the 2-bit
// kernels of rows of 128 (the split kernels they replace: 8 plus two
// passes' loops, gathers and spreads).
//
// avx512RowArgs: data, scales, mins (the scales again when symmetric),
// out (the table, added to: per field k the sums of its five dwords at
// 16k, the lanes of the three rows folded; the w*min lanes at 256), recs
// (the index tables, avx512Tri80Shape.idx: the 16 field masks, the two
// vectors' weight indexes), sg (the weights), n (rows, a multiple of 6).
//
// Registers: SI codes, DX scales, R8 mins, R13 weights, BX index tables,
// DI out, CX rows left; Z17 codes, Z18-Z19 a field, Z20 the lanes'
// w*scale (one group: the step's six), Z21 the step's weights, Z22 and
// Z24 the weight indexes, Z23 mins, Z25 the lanes' weights (one group:
// w*scale); K2 = 0x7fff, K3 = 0x3f, K4 = 0x1f.

// TRI_FIELDS(ws) adds the sixteen fields of the codes in Z17 times ws
// into Z0-Z15.
#define TRI_FIELDS(ws) \
	VPANDD.BCST 0(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z0; \
	VPANDD.BCST 4(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z1; \
	VPANDD.BCST 8(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z2; \
	VPANDD.BCST 12(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z3; \
	VPANDD.BCST 16(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z4; \
	VPANDD.BCST 20(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z5; \
	VPANDD.BCST 24(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z6; \
	VPANDD.BCST 28(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z7; \
	VPANDD.BCST 32(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z8; \
	VPANDD.BCST 36(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z9; \
	VPANDD.BCST 40(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z10; \
	VPANDD.BCST 44(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z11; \
	VPANDD.BCST 48(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z12; \
	VPANDD.BCST 52(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z13; \
	VPANDD.BCST 56(BX), Z17, Z18; \
	VCVTUDQ2PS  Z18, Z18;        \
	VFMADD231PS ws, Z18, Z14; \
	VPANDD.BCST 60(BX), Z17, Z19; \
	VCVTUDQ2PS  Z19, Z19;        \
	VFMADD231PS ws, Z19, Z15

// TRI_OUT(z, pk, off): the five floats at off(DI) += the lanes l, l+5 and
// l+10 of z (l = 0-4: dword l of the three rows) times 4^-k (pk: k's
// byte offset in ·avx512Pow4).
#define TRI_OUT(z, pk, off) \
	VALIGND     $5, z, z, Z18;             \
	VALIGND     $10, z, z, Z19;            \
	VADDPS      Z18, z, z;                 \
	VADDPS      Z19, z, z;                 \
	VMULPS.BCST ·avx512Pow4+pk(SB), z, z;  \
	VADDPS      off(DI), z, z;             \
	VMOVUPS     z, K4, off(DI)

#define TRI_SETUP \
	MOVQ      avx512RowArgs_recs(AX), BX; \
	MOVQ      avx512RowArgs_out(AX), DI;  \
	VZEROALL;                             \
	VPXORD    Z16, Z16, Z16;              \
	ROW_ARGS;                             \
	MOVQ      avx512RowArgs_sg(AX), R13;  \
	MOVQ      avx512RowArgs_n(AX), CX;    \
	VMOVDQU32 64(BX), Z22;                \
	VMOVDQU32 128(BX), Z24;               \
	MOVL      $0x7fff, R11;               \
	KMOVW     R11, K2;                    \
	MOVL      $0x3f, R11;                 \
	KMOVW     R11, K3;                    \
	MOVL      $0x1f, R11;                 \
	KMOVW     R11, K4

#define TRI_FINISH \
	TRI_OUT(Z0, 0, 0); \
	TRI_OUT(Z1, 4, 64); \
	TRI_OUT(Z2, 8, 128); \
	TRI_OUT(Z3, 12, 192); \
	TRI_OUT(Z4, 16, 256); \
	TRI_OUT(Z5, 20, 320); \
	TRI_OUT(Z6, 24, 384); \
	TRI_OUT(Z7, 28, 448); \
	TRI_OUT(Z8, 32, 512); \
	TRI_OUT(Z9, 36, 576); \
	TRI_OUT(Z10, 40, 640); \
	TRI_OUT(Z11, 44, 704); \
	TRI_OUT(Z12, 48, 768); \
	TRI_OUT(Z13, 52, 832); \
	TRI_OUT(Z14, 56, 896); \
	TRI_OUT(Z15, 60, 960); \
	VADDPS  1024(DI), Z16, Z16; \
	VMOVUPS Z16, 1024(DI)

// TRI_G16(c, s, idx): the vector of the three rows at c(SI), their
// scales and mins at s(DX) and s(R8), weight index idx.
#define TRI_G16(c, s, idx) \
	VMOVDQU32.Z c(SI), K2, Z17;  \
	VPERMPS     Z21, idx, Z25;   \
	VMOVDQU16.Z s(DX), K2, Y20;  \
	VCVTPH2PS   Y20, Z20;        \
	VMULPS      Z25, Z20, Z20;   \
	VMOVDQU16.Z s(R8), K2, Y23;  \
	VCVTPH2PS   Y23, Z23;        \
	VFMADD231PS Z25, Z23, Z16;   \
	TRI_FIELDS(Z20)

// func avx512AddWeightedTriRow80W2G16X1(a *avx512RowArgs)
TEXT ·avx512AddWeightedTriRow80W2G16X1(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	TRI_SETUP

tri16:
	PREFETCHT0  1024(SI)
	PREFETCHT0  1088(SI)
	PREFETCHT0  512(DX)
	PREFETCHT0  512(R8)
	VMOVUPS.Z   (R13), K3, Y21
	TRI_G16(0, 0, Z22)
	TRI_G16(60, 30, Z24)
	ADDQ        $120, SI
	ADDQ        $60, DX
	ADDQ        $60, R8
	ADDQ        $24, R13
	SUBQ        $6, CX
	JNZ         tri16

	TRI_FINISH
	VZEROUPPER
	RET

// TRI_G80(c, idx): the vector of the three rows at c(SI), their w*scale
// spread from Z20 by weight index idx.
#define TRI_G80(c, idx) \
	VMOVDQU32.Z c(SI), K2, Z17; \
	VPERMPS     Z20, idx, Z25;  \
	TRI_FIELDS(Z25)

// func avx512AddWeightedTriRow80W2G80X1(a *avx512RowArgs)
TEXT ·avx512AddWeightedTriRow80W2G80X1(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	TRI_SETUP

tri80:
	PREFETCHT0  1024(SI)
	PREFETCHT0  1088(SI)
	VMOVUPS.Z   (R13), K3, Y21
	VMOVDQU16.Z (DX), K3, X20
	VCVTPH2PS   X20, Y20
	VMULPS      Y21, Y20, Y20
	VMOVDQU16.Z (R8), K3, X23
	VCVTPH2PS   X23, Y23
	VFMADD231PS Y21, Y23, Y16
	TRI_G80(0, Z22)
	TRI_G80(60, Z24)
	ADDQ        $120, SI
	ADDQ        $12, DX
	ADDQ        $12, R8
	ADDQ        $24, R13
	SUBQ        $6, CX
	JNZ         tri80

	TRI_FINISH
	VZEROUPPER
	RET
