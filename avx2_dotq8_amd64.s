//go:build !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// The unpack constants in registers (avx2_amd64.h).
#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB Y15
#define K_LOW2 Y9
#define K_SHIFT2 Y3

// DotQ8 of code rows with int8 query rows (dotQ8Args, see
// avx2_dotq8_amd64.go). Per block of 32 codes q and query values v (int8)
// with block scale d: isum = Σ q*v exactly in int32, then per group
//
//	out += scale * Σ_blocks d*isum  +  shift * gsum[g]
//
// where gsum[g] is the shift factor times Σ Sums over the group's blocks.
// Codes below 128 (widths 2 to 7) go through VPMADDUBSW, whose int16 pair
// sums cannot saturate (2*127*127 < 32768); 8-bit codes are widened to
// int16 first (VPMOVZXBW, VPMADDWD), so every integer sum is exact.
//
// Instructions per block and query: 4-bit 4 to unpack + 5 (VPMADDUBSW,
// VPMADDWD, VCVTDQ2PS, VBROADCASTSS, VFMADD231PS); 2-bit 3 + 5; 8-bit 2 +
// 8; 3/5/6/7-bit 8 to 17 + 5.

// Codes of a block: bytes in Y0 (widths 2-7), or int16 in Y0 (values 0-15)
// and Y6 (16-31) for width 8.
#define UC2 U2B(Y0, X0, Y5, X5)
#define UC3 U3B(Y0, X0, Y5, X5)
#define UC4 U4B(Y0, X0, Y5, X5)
#define UC5 U5B(Y0, X0, Y5, X5)
#define UC6 U6B(Y0, X0, Y5, X5)
#define UC7 U7B(Y0, X0, Y5, X5)
#define UC8 \
	VPMOVZXBW (SI)(DX*8), Y0;   \
	VPMOVZXBW 16(SI)(DX*8), Y6

// QJB(VB, QB, ACC): ACC += d * Σ q*v for one query whose values of the
// group start at VB and block scales at QB (indexed by DX); Y4 holds
// int16 ones.
#define QJB(VB, QB, ACC) \
	VPMADDUBSW   (VB)(DX*8), Y0, Y1; \
	VPMADDWD     Y4, Y1, Y1;         \
	VCVTDQ2PS    Y1, Y1;             \
	VBROADCASTSS (QB)(DX*1), Y2;     \
	VFMADD231PS  Y2, Y1, ACC

// QJW: QJB for 8-bit codes, widened.
#define QJW(VB, QB, ACC) \
	VPMOVSXBW    (VB)(DX*8), Y1;     \
	VPMADDWD     Y0, Y1, Y1;         \
	VPMOVSXBW    16(VB)(DX*8), Y2;   \
	VPMADDWD     Y6, Y2, Y2;         \
	VPADDD       Y2, Y1, Y1;         \
	VCVTDQ2PS    Y1, Y1;             \
	VBROADCASTSS (QB)(DX*1), Y2;     \
	VFMADD231PS  Y2, Y1, ACC

// DOTQ8U(NAME, UC, QJ, PADD, BLOOP): the unit kernel of one query (see
// DOTU in avx2_dot_amd64.s): a unit is one group of one row, and units go
// in pairs, A into Y8 and B into Y10; BLOOP walks a unit's blocks one or
// two at a time. Registers: SI, R8, R9, DX planes; AX the query values of
// the unit's group, CX those of the row's first group; R13 the block
// scales of the unit's group; BX pairs left in the batch; R10 scales, R11
// shifts, R12 units left in the row, R14 batches left; Y11-Y14 the pairs.
//
// Instructions per unit: G/32 blocks + 11; per 8 units 4 for the pairs'
// folds and about 30.
#define Q8B1(UC, QJ, ACC, L) \
L:                           \
	UC;                      \
	QJ(AX, R13, ACC);        \
	ADDQ $4, DX;             \
	CMPQ DX, qwalk_kEnd(DI); \
	JNE  L

#define Q8B2(UC, QJ, ACC, L) \
L:                           \
	UC;                      \
	QJ(AX, R13, ACC);        \
	ADDQ $4, DX;             \
	UC;                      \
	QJ(AX, R13, ACC);        \
	ADDQ $4, DX;             \
	CMPQ DX, qwalk_kEnd(DI); \
	JNE  L

// Q8UNIT: one unit into ACC, then on to the next group (or row); the
// label LS ends it, so an instruction must follow on the same line.
#define Q8UNIT(ACC, UC, QJ, PADD, BLOOP, LB, LS) \
	VXORPS     ACC, ACC, ACC;             \
	PREFETCHT0 PF_CODES(SI);              \
	XORQ       DX, DX;                    \
	BLOOP(UC, QJ, ACC, LB);               \
	ADDQ       DX, R13;                   \
	ADDQ       dotQ8Args_group(DI), AX;   \
	PADD(qwalk_groupBytes(DI));           \
	DECQ       R12;                       \
	JNZ        LS;                        \
	MOVQ       CX, AX;                    \
	MOVQ       dotQ8Args_xd(DI), R13;     \
	MOVQ       qwalk_groups(DI), R12;     \
LS:

#define DOTQ8U(NAME, UC, QJ, PADD, BLOOP) \
TEXT NAME(SB), NOSPLIT, $0-8;                          \
	MOVQ a+0(FP), DI;                                  \
	PLANES_INIT;                                       \
	MOVQ qwalk_scales(DI), R10;                        \
	MOVQ qwalk_shifts(DI), R11;                        \
	MOVQ (dotQ8Args_uo+unitOut_gsum)(DI), DX;          \
	MOVQ DX, (dotQ8Args_uo+unitOut_gsp)(DI);           \
	MOVQ dotQ8Args_xv(DI), CX;                         \
	MOVQ CX, AX;                                       \
	MOVQ dotQ8Args_xd(DI), R13;                        \
	MOVQ qwalk_groups(DI), R12;                        \
	MOVQ dotQ8Args_batches(DI), R14;                   \
	VMOVDQU ·avx2Ones16(SB), Y4;                       \
	K_LOAD;                                            \
batch:                                                 \
	MOVQ $4, BX;                                       \
	PREFETCHT0 PF_SCALES(R10);                         \
	PREFETCHT0 PF_SCALES(R11);                         \
pair:                                                  \
	Q8UNIT(Y8, UC, QJ, PADD, BLOOP, blocksA, nextA)    \
	Q8UNIT(Y10, UC, QJ, PADD, BLOOP, blocksB, nextB)   \
	UNITS_PAIR(Y8, Y10);                               \
	DECQ BX;                                           \
	JNZ  pair;                                         \
	UNITS_FINISH;                                      \
	UNITS_SCALE(dotQ8Args_uo);                         \
	UNITS_OUT(dotQ8Args_uo);                           \
	DECQ R14;                                          \
	JNZ  batch;                                        \
	VZEROUPPER;                                        \
	RET

DOTQ8U(·dotQ8U2, UC2, QJB, PADD1, Q8B1)
DOTQ8U(·dotQ8U3, UC3, QJB, PADD2, Q8B1)
DOTQ8U(·dotQ8U4, UC4, QJB, PADD1, Q8B1)
DOTQ8U(·dotQ8U5, UC5, QJB, PADD2, Q8B1)
DOTQ8U(·dotQ8U6, UC6, QJB, PADD2, Q8B1)
DOTQ8U(·dotQ8U7, UC7, QJB, PADD3, Q8B1)
DOTQ8U(·dotQ8U8, UC8, QJW, PADD1, Q8B1)
DOTQ8U(·dotQ8U2p, UC2, QJB, PADD1, Q8B2)
DOTQ8U(·dotQ8U3p, UC3, QJB, PADD2, Q8B2)
DOTQ8U(·dotQ8U4p, UC4, QJB, PADD1, Q8B2)
DOTQ8U(·dotQ8U5p, UC5, QJB, PADD2, Q8B2)
DOTQ8U(·dotQ8U6p, UC6, QJB, PADD2, Q8B2)
DOTQ8U(·dotQ8U7p, UC7, QJB, PADD3, Q8B2)
DOTQ8U(·dotQ8U8p, UC8, QJW, PADD1, Q8B2)

// The row kernels use every register: the unpack constants stay in memory.
#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB ·avx2Nib(SB)
#define K_LOW2 ·avx2Low2(SB)
#define K_SHIFT2 ·avx2Shift2(SB)

// Row kernels of 1 to 4 queries. Registers: SI, R8, R9, DX planes; AX,
// BX, CX, R10 the values of queries 0-3 at the group, R11-R14 their block
// scales; the scale, shift and gsum pointers and the counters live in
// dotQ8Args. Y8-Y11 group sums, Y12-Y15 row sums (one per query), Y3 the
// group's scale, Y7 the shift sums (one lane per query).
#define Q8R1 QJ(AX, R11, Y8)
#define Q8R2 Q8R1; QJ(BX, R12, Y9)
#define Q8R3 Q8R2; QJ(CX, R13, Y10)
#define Q8R4 Q8R3; QJ(R10, R14, Y11)

#define G8R1 \
	VFMADD231PS Y3, Y8, Y12; \
	VXORPS      Y8, Y8, Y8
#define G8R2 G8R1; VFMADD231PS Y3, Y9, Y13; VXORPS Y9, Y9, Y9
#define G8R3 G8R2; VFMADD231PS Y3, Y10, Y14; VXORPS Y10, Y10, Y10
#define G8R4 G8R3; VFMADD231PS Y3, Y11, Y15; VXORPS Y11, Y11, Y11

// Row epilogues: out (DX) += [sum of Y12+j] + X7 lane j, for query j at
// (DX)(R9*j) (R9 the out stride).
#define R8R1 \
	VEXTRACTF128 $1, Y12, X13; \
	VADDPS       X13, X12, X12; \
	VPSHUFD      $0x0e, X12, X13; \
	VADDPS       X13, X12, X12; \
	VPSHUFD      $0x01, X12, X13; \
	VADDSS       X13, X12, X12; \
	VADDSS       X7, X12, X12;  \
	VADDSS       (DX), X12, X12; \
	VMOVSS       X12, (DX)

#define R8R2 \
	VHADDPS      Y13, Y12, Y12;  \
	VEXTRACTF128 $1, Y12, X13;   \
	VADDPS       X13, X12, X12;  \
	VHADDPS      X12, X12, X12;  \
	VADDPS       X7, X12, X12;   \
	OUT2(X12, X13, DX, R9, R8)

#define R8R34 \
	VHADDPS      Y13, Y12, Y12;  \
	VHADDPS      Y15, Y14, Y14;  \
	VHADDPS      Y14, Y12, Y12;  \
	VEXTRACTF128 $1, Y12, X13;   \
	VADDPS       X13, X12, X12;  \
	VADDPS       X7, X12, X12

#define R8R3 R8R34; OUT3(X12, X13, DX, R9, R8)
#define R8R4 R8R34; OUT4(X12, X13, DX, R9, R8)

// Loads the query pointers of the row's first group.
#define Q8ROWPTRS \
	MOVQ dotQ8Args_xv(DI), AX;        \
	MOVQ dotQ8Args_vStride(DI), DX;   \
	LEAQ (AX)(DX*1), BX;              \
	LEAQ (AX)(DX*2), CX;              \
	LEAQ (CX)(DX*1), R10;             \
	MOVQ dotQ8Args_xd(DI), R11;       \
	MOVQ dotQ8Args_dStride(DI), DX;   \
	LEAQ (R11)(DX*1), R12;            \
	LEAQ (R11)(DX*2), R13;            \
	LEAQ (R13)(DX*1), R14

#define DOTQ8R(NAME, UC, QROWS, GEPI, REPI) \
TEXT NAME(SB), NOSPLIT, $0-8;                  \
	MOVQ a+0(FP), DI;                          \
	PLANES_INIT;                               \
	MOVQ qwalk_scales(DI), DX;                 \
	MOVQ DX, dotQ8Args_scp(DI);                \
	MOVQ qwalk_shifts(DI), DX;                 \
	MOVQ DX, dotQ8Args_shp(DI);                \
	MOVQ dotQ8Args_out(DI), DX;                \
	MOVQ DX, dotQ8Args_outp(DI);               \
	MOVQ qwalk_rows(DI), DX;                   \
	MOVQ DX, dotQ8Args_rleft(DI);              \
	VMOVDQU ·avx2Ones16(SB), Y4;               \
row:                                           \
	Q8ROWPTRS;                                 \
	MOVQ dotQ8Args_gsum(DI), DX;               \
	MOVQ DX, dotQ8Args_gsp(DI);                \
	MOVQ qwalk_groups(DI), DX;                 \
	MOVQ DX, dotQ8Args_gleft(DI);              \
	VXORPS Y8, Y8, Y8;                         \
	VXORPS Y9, Y9, Y9;                         \
	VXORPS Y10, Y10, Y10;                      \
	VXORPS Y11, Y11, Y11;                      \
	VXORPS Y12, Y12, Y12;                      \
	VXORPS Y13, Y13, Y13;                      \
	VXORPS Y14, Y14, Y14;                      \
	VXORPS Y15, Y15, Y15;                      \
	VXORPS X7, X7, X7;                         \
group:                                         \
	XORQ DX, DX;                               \
block:                                         \
	PREFETCHT0 PF_CODES(SI)(DX*8);             \
	UC;                                        \
	QROWS;                                     \
	ADDQ $4, DX;                               \
	CMPQ DX, qwalk_kEnd(DI);                   \
	JNE  block;                                \
	ADDQ DX, R11;                              \
	ADDQ DX, R12;                              \
	ADDQ DX, R13;                              \
	ADDQ DX, R14;                              \
	MOVQ dotQ8Args_group(DI), DX;              \
	ADDQ DX, AX;                               \
	ADDQ DX, BX;                               \
	ADDQ DX, CX;                               \
	ADDQ DX, R10;                              \
	MOVQ dotQ8Args_scp(DI), DX;                \
	VPBROADCASTW (DX), X3;                     \
	VCVTPH2PS    X3, Y3;                       \
	GEPI;                                      \
	MOVQ dotQ8Args_shp(DI), DX;                \
	VPBROADCASTW (DX), X2;                     \
	VCVTPH2PS    X2, X2;                       \
	MOVQ dotQ8Args_gsp(DI), DX;                \
	VFMADD231PS  (DX), X2, X7;                 \
	ADDQ $2, dotQ8Args_scp(DI);                \
	ADDQ $2, dotQ8Args_shp(DI);                \
	ADDQ $16, dotQ8Args_gsp(DI);               \
	MOVQ qwalk_groupBytes(DI), DX;             \
	PLANES_ADD(DX);                            \
	DECQ dotQ8Args_gleft(DI);                  \
	JNZ  group;                                \
	MOVQ dotQ8Args_outp(DI), DX;               \
	MOVQ dotQ8Args_outStride(DI), R9;          \
	REPI;                                      \
	ADDQ $4, dotQ8Args_outp(DI);               \
	MOVQ SI, R8;                               \
	ADDQ qwalk_rowSkip(DI), SI;                \
	ADDQ qwalk_rowSkip(DI), R8;                \
	MOVQ R8, R9;                               \
	ADDQ qwalk_off2(DI), R8;                   \
	ADDQ qwalk_off3(DI), R9;                   \
	MOVQ qwalk_scaleSkip(DI), DX;              \
	ADDQ DX, dotQ8Args_scp(DI);                \
	ADDQ DX, dotQ8Args_shp(DI);                \
	DECQ dotQ8Args_rleft(DI);                  \
	JNZ  row;                                  \
	VZEROUPPER;                                \
	RET

#define QJ QJB
DOTQ8R(·dotQ8R2x1, UC2, Q8R1, G8R1, R8R1)
DOTQ8R(·dotQ8R3x1, UC3, Q8R1, G8R1, R8R1)
DOTQ8R(·dotQ8R4x1, UC4, Q8R1, G8R1, R8R1)
DOTQ8R(·dotQ8R5x1, UC5, Q8R1, G8R1, R8R1)
DOTQ8R(·dotQ8R6x1, UC6, Q8R1, G8R1, R8R1)
DOTQ8R(·dotQ8R7x1, UC7, Q8R1, G8R1, R8R1)
DOTQ8R(·dotQ8R2x2, UC2, Q8R2, G8R2, R8R2)
DOTQ8R(·dotQ8R3x2, UC3, Q8R2, G8R2, R8R2)
DOTQ8R(·dotQ8R4x2, UC4, Q8R2, G8R2, R8R2)
DOTQ8R(·dotQ8R5x2, UC5, Q8R2, G8R2, R8R2)
DOTQ8R(·dotQ8R6x2, UC6, Q8R2, G8R2, R8R2)
DOTQ8R(·dotQ8R7x2, UC7, Q8R2, G8R2, R8R2)
DOTQ8R(·dotQ8R2x3, UC2, Q8R3, G8R3, R8R3)
DOTQ8R(·dotQ8R3x3, UC3, Q8R3, G8R3, R8R3)
DOTQ8R(·dotQ8R4x3, UC4, Q8R3, G8R3, R8R3)
DOTQ8R(·dotQ8R5x3, UC5, Q8R3, G8R3, R8R3)
DOTQ8R(·dotQ8R6x3, UC6, Q8R3, G8R3, R8R3)
DOTQ8R(·dotQ8R7x3, UC7, Q8R3, G8R3, R8R3)
DOTQ8R(·dotQ8R2x4, UC2, Q8R4, G8R4, R8R4)
DOTQ8R(·dotQ8R3x4, UC3, Q8R4, G8R4, R8R4)
DOTQ8R(·dotQ8R4x4, UC4, Q8R4, G8R4, R8R4)
DOTQ8R(·dotQ8R5x4, UC5, Q8R4, G8R4, R8R4)
DOTQ8R(·dotQ8R6x4, UC6, Q8R4, G8R4, R8R4)
DOTQ8R(·dotQ8R7x4, UC7, Q8R4, G8R4, R8R4)
#undef QJ
#define QJ QJW
DOTQ8R(·dotQ8R8x1, UC8, Q8R1, G8R1, R8R1)
DOTQ8R(·dotQ8R8x2, UC8, Q8R2, G8R2, R8R2)
DOTQ8R(·dotQ8R8x3, UC8, Q8R3, G8R3, R8R3)
DOTQ8R(·dotQ8R8x4, UC8, Q8R4, G8R4, R8R4)
#undef QJ

// ---- QuantizeQ8 ----

// qq8Args (avx2_dotq8_amd64.go): rows of cols values quantized in blocks of
// 32 and a last block of tail < 32 values, every block as the generic
// kernel does it (bit-exact):
//
//	amax = max |x| (0 if below 2^-120), inv = 127/amax (0 if amax = 0), d = amax/127
//	v = roundEven(clamp(x*inv, -127, 127)), Scales = d, Sums = d*Σv
//
// Registers: AX x, DI values, SI the args, R10 scales, R11 sums, R13 full
// blocks left in the row, R14 rows left; Y0-Y3 the block, Y8-Y11 the
// tail's load masks.
//
// Instructions per block of 32 values: 4 loads, 12 for amax, 5 for inv
// and d (with the 2^-120 flush), 16 to scale, clamp and round, 10 for Σv, 4 to pack, 1 store.

// Q8BLOCK quantizes the block in Y0-Y3 and leaves its int8 values in Y0
// (value order); it stores scale and sum at R10, R11 and advances them.
#define Q8BLOCK \
	VANDPS       ·avx2F32x8Abs(SB), Y0, Y4;  \
	VANDPS       ·avx2F32x8Abs(SB), Y1, Y5;  \
	VANDPS       ·avx2F32x8Abs(SB), Y2, Y6;  \
	VANDPS       ·avx2F32x8Abs(SB), Y3, Y7;  \
	VMAXPS       Y5, Y4, Y4;                 \
	VMAXPS       Y7, Y6, Y6;                 \
	VMAXPS       Y6, Y4, Y4;                 \
	VEXTRACTF128 $1, Y4, X5;                 \
	VMAXPS       X5, X4, X4;                 \
	VPSHUFD      $0x4e, X4, X5;              \
	VMAXPS       X5, X4, X4;                 \
	VPSHUFD      $0x01, X4, X5;              \
	VMAXSS       X5, X4, X4;                 \
	VMOVSS       ·avx2F32Q8Tiny(SB), X7;     \
	VCMPSS       $1, X7, X4, X7;             \
	VANDNPS      X4, X7, X4;                 \
	VMOVSS       ·avx2F32Q8Max(SB), X6;      \
	VDIVSS       X4, X6, X5;                 \
	VANDNPS      X5, X7, X5;                 \
	VDIVSS       X6, X4, X4;                 \
	VMOVSS       X4, (R10);                  \
	VBROADCASTSS X5, Y5;                     \
	VMULPS       Y5, Y0, Y0;                 \
	VMULPS       Y5, Y1, Y1;                 \
	VMULPS       Y5, Y2, Y2;                 \
	VMULPS       Y5, Y3, Y3;                 \
	VMAXPS       ·avx2F32x8Q8Min(SB), Y0, Y0; \
	VMAXPS       ·avx2F32x8Q8Min(SB), Y1, Y1; \
	VMAXPS       ·avx2F32x8Q8Min(SB), Y2, Y2; \
	VMAXPS       ·avx2F32x8Q8Min(SB), Y3, Y3; \
	VMINPS       ·avx2F32x8Q8Max(SB), Y0, Y0; \
	VMINPS       ·avx2F32x8Q8Max(SB), Y1, Y1; \
	VMINPS       ·avx2F32x8Q8Max(SB), Y2, Y2; \
	VMINPS       ·avx2F32x8Q8Max(SB), Y3, Y3; \
	VCVTPS2DQ    Y0, Y0;                     \
	VCVTPS2DQ    Y1, Y1;                     \
	VCVTPS2DQ    Y2, Y2;                     \
	VCVTPS2DQ    Y3, Y3;                     \
	VPADDD       Y1, Y0, Y5;                 \
	VPADDD       Y3, Y2, Y6;                 \
	VPADDD       Y6, Y5, Y5;                 \
	VEXTRACTI128 $1, Y5, X6;                 \
	VPADDD       X6, X5, X5;                 \
	VPSHUFD      $0x4e, X5, X6;              \
	VPADDD       X6, X5, X5;                 \
	VPSHUFD      $0x01, X5, X6;              \
	VPADDD       X6, X5, X5;                 \
	VCVTDQ2PS    X5, X5;                     \
	VMULSS       X4, X5, X5;                 \
	VMOVSS       X5, (R11);                  \
	ADDQ         $4, R10;                    \
	ADDQ         $4, R11;                    \
	VPACKSSDW    Y1, Y0, Y0;                 \
	VPACKSSDW    Y3, Y2, Y2;                 \
	VPACKSSWB    Y2, Y0, Y0;                 \
	VPERMD       Y0, Y12, Y0

// func quantizeQ8Blocks(a *qq8Args)
TEXT ·quantizeQ8Blocks(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), SI
	MOVQ qq8Args_x(SI), AX
	MOVQ qq8Args_values(SI), DI
	MOVQ qq8Args_scales(SI), R10
	MOVQ qq8Args_sums(SI), R11
	MOVQ qq8Args_rows(SI), R14
	VMOVDQU ·avx2PackOrder(SB), Y12
	VMOVDQU qq8Args_mask+0(SI), Y8
	VMOVDQU qq8Args_mask+32(SI), Y9
	VMOVDQU qq8Args_mask+64(SI), Y10
	VMOVDQU qq8Args_mask+96(SI), Y11
row:
	MOVQ qq8Args_full(SI), R13
	TESTQ R13, R13
	JZ   tail
full:
	VMOVUPS (AX), Y0
	VMOVUPS 32(AX), Y1
	VMOVUPS 64(AX), Y2
	VMOVUPS 96(AX), Y3
	Q8BLOCK
	VMOVDQU Y0, (DI)
	ADDQ $128, AX
	ADDQ $32, DI
	DECQ R13
	JNZ  full
tail:
	MOVQ qq8Args_tail(SI), CX
	TESTQ CX, CX
	JZ   next
	VMASKMOVPS (AX), Y8, Y0
	VMASKMOVPS 32(AX), Y9, Y1
	VMASKMOVPS 64(AX), Y10, Y2
	VMASKMOVPS 96(AX), Y11, Y3
	Q8BLOCK
	VMOVDQU Y0, qq8Args_scratch(SI)
	XORQ DX, DX
copy:
	MOVB qq8Args_scratch(SI)(DX*1), BX
	MOVB BX, (DI)(DX*1)
	INCQ DX
	CMPQ DX, CX
	JNE  copy
	LEAQ (AX)(CX*4), AX
	ADDQ CX, DI
next:
	DECQ R14
	JNZ  row
	VZEROUPPER
	RET
