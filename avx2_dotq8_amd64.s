//go:build gc && !purego

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

// DotQ8 of code rows with int8 query rows (avx2DotQ8Args, see
// avx2_dotq8_amd64.go). Per block of 32 codes q and query values v (int8)
// with block scale d, the integer sum isum = Σ q*v is formed exactly and
// reduced to one integer per block before any float arithmetic, as the
// generic kernel does; then per block
//
//	out += (isum*d)*scale  +  shift*bt[block]
//
// where bt is the shift factor times the block's Sums. Codes below 128
// (widths 2 to 7) go through VPMADDUBSW, whose int16 pair sums cannot
// saturate (2*127*127 < 32768); 8-bit codes are widened to int16 first
// (VPMOVZXBW, VPMADDWD). The int32 lane sums of several blocks or queries
// are reduced together with VPHADDD (transposed), so each block's float
// work is done for 4 or 8 blocks at once.
//
// Instructions per block of 32 values: to unpack the codes 4-bit 4, 2-bit
// 3, 8-bit 2, 3/5/6/7-bit 8 to 17; per query 2 (8-bit 5) for the lane
// sums; then row kernels 5 to reduce and 4 float per block, the one-query
// kernel 2.5 per block to reduce and about 30 per 8 blocks.

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

// QIB(VB, DST): DST = the eight int32 lane sums of q*v for the query
// whose values of the group start at VB (indexed by DX); Y4 holds int16
// ones. QIW: the same for 8-bit codes (uses Y1).
#define QIB(VB, DST) \
	VPMADDUBSW (VB)(DX*8), Y0, DST; \
	VPMADDWD   Y4, DST, DST

#define QIW(VB, DST) \
	VPMOVSXBW (VB)(DX*8), DST;   \
	VPMADDWD  Y0, DST, DST;      \
	VPMOVSXBW 16(VB)(DX*8), Y1;  \
	VPMADDWD  Y6, Y1, Y1;        \
	VPADDD    Y1, DST, DST

// ---- One query, blocks in batches of 8 ----

// QBLK(QI, UC, PADD, DST, L): one block's lane sums into DST, then on to
// the next block: the next unit (group) when the unit ends, the next row
// when the row ends. The label L ends it, so an instruction must follow on
// the same line.
#define QBLK(QI, UC, PADD, DST, L) \
	UC;                                     \
	QI(AX, DST);                            \
	ADDQ       $4, DX;                      \
	CMPQ       DX, avx2Walk_kEnd(DI);       \
	JNE        L;                           \
	XORQ       DX, DX;                      \
	ADDQ       avx2DotQ8Args_group(DI), AX; \
	PADD(avx2Walk_groupBytes(DI));          \
	PREFETCHT0 PF_CODES(SI);                \
	DECQ       R12;                         \
	JNZ        L;                           \
	MOVQ       CX, AX;                      \
	MOVQ       avx2Walk_groups(DI), R12;    \
L:

// QSCALES: the scales (Y1) and shifts (Y2) of the batch's 8 blocks, by
// blocks per group (smode 1, 2, 4, 8, or 16 for more: the group's scale
// steps every sper batches); advances R10, R11. Uses BX.
#define QSCALES \
	MOVQ avx2DotQ8Args_smode(DI), BX; \
	CMPQ BX, $2;                      \
	JEQ  s2;                          \
	JGT  s4up;                        \
	VCVTPH2PS (R10), Y1;              \
	VCVTPH2PS (R11), Y2;              \
	ADDQ $16, R10;                    \
	ADDQ $16, R11;                    \
	JMP  sdone;                       \
s2:                                   \
	VMOVQ      (R10), X1;             \
	VPUNPCKLWD X1, X1, X1;            \
	VCVTPH2PS  X1, Y1;                \
	VMOVQ      (R11), X2;             \
	VPUNPCKLWD X2, X2, X2;            \
	VCVTPH2PS  X2, Y2;                \
	ADDQ $8, R10;                     \
	ADDQ $8, R11;                     \
	JMP  sdone;                       \
s4up:                                 \
	CMPQ BX, $4;                      \
	JGT  s8up;                        \
	VMOVD      (R10), X1;             \
	VPUNPCKLWD X1, X1, X1;            \
	VPUNPCKLDQ X1, X1, X1;            \
	VCVTPH2PS  X1, Y1;                \
	VMOVD      (R11), X2;             \
	VPUNPCKLWD X2, X2, X2;            \
	VPUNPCKLDQ X2, X2, X2;            \
	VCVTPH2PS  X2, Y2;                \
	ADDQ $4, R10;                     \
	ADDQ $4, R11;                     \
	JMP  sdone;                       \
s8up:                                 \
	VPBROADCASTW (R10), X1;           \
	VCVTPH2PS    X1, Y1;              \
	VPBROADCASTW (R11), X2;           \
	VCVTPH2PS    X2, Y2;              \
	CMPQ BX, $8;                      \
	JEQ  s8;                          \
	DECQ avx2DotQ8Args_sleft(DI);     \
	JNZ  sdone;                       \
	MOVQ avx2DotQ8Args_sper(DI), BX;  \
	MOVQ BX, avx2DotQ8Args_sleft(DI); \
s8:                                   \
	ADDQ $2, R10;                     \
	ADDQ $2, R11;                     \
sdone:

// QPAIR: two blocks' lane sums folded to four lanes each, [A | B], into P.
#define QPAIR(QI, UC, PADD, P, LA, LB) \
	QBLK(QI, UC, PADD, Y7, LA)            \
	QBLK(QI, UC, PADD, Y8, LB)            \
	VPERM2I128 $0x20, Y8, Y7, Y1;         \
	VPERM2I128 $0x31, Y8, Y7, P;          \
	VPADDD     Y1, P, P;

// Q8OUT adds the 8 blocks' values in Y0, in the order [b0 b2 b4 b6 | b1
// b3 b5 b7], to out by the output mode of avx2DotQ8Args_uo (UNITS_STORE):
// rows of one block need block order (Q8PERM); rows of 2, 4, 8 blocks start
// by adding the halves, which gives the sums of block pairs in order. Uses
// BX, R13, Y1.
#define Q8PERM \
	VMOVDQU ·avx2PackOrder(SB), Y1; \
	VPERMD  Y0, Y1, Y0
#define Q8OUT UNITS_STORE(avx2DotQ8Args_uo, BX, R13, Y0, X0, Y1, X1, VADDPS, Q8PERM, NOSTEP2)

// DOTQ8U(NAME, UC, QI, PADD): DotQ8 of one query over whole rows of nb
// blocks (nb 1, 2, 4 or 8k), a multiple of 8 blocks in all. At the start
// of a batch of 8 blocks, the factors d*scale (Y10) and shift*bt (Y2) of
// its blocks are formed, off the critical path, in the order the
// reduction leaves the sums in. Blocks go in pairs whose lane sums are
// folded to four lanes each (two VPERM2I128 and an add: [A | B]) into
// Y14, Y13, Y12, Y11; after four pairs, three VPHADDD give the 8
// blocks' exact integer sums, converted and multiply-added with those
// factors in one FMA. d comes from the table dt (the query's block scales
// repeated with period nb, which divides 8 or is a multiple of 8), bt
// likewise. Registers: SI, R8, R9, DX planes;
// AX the query values of the block's group, CX those of the row's start;
// R10 scales, R11 shifts, R12 groups left in the row, R14 batches left
// (the tables' offset is in avx2DotQ8Args_toff: R13 and BX are the output
// stage's scratch, so DX, the block's place in its group, stays in its
// register); Y7, Y8 a pair, Y11-Y14 the folded pairs.
#define DOTQ8U(NAME, UC, QI, PADD) \
	WALK_TEXT(NAME, R10, R11);                        \
	MOVQ avx2DotQ8Args_xv(DI), CX;                    \
	MOVQ CX, AX;                                      \
	MOVQ avx2Walk_groups(DI), R12;                    \
	MOVQ $0, avx2DotQ8Args_toff(DI);                  \
	MOVQ avx2DotQ8Args_batches(DI), R14;              \
	XORQ DX, DX;                                      \
	VMOVDQU ·avx2Ones16(SB), Y4;                      \
	K_LOAD;                                           \
batch:                                                \
	PREFETCHT0 PF_SCALES(R10);                        \
	PREFETCHT0 PF_SCALES(R11);                        \
	QSCALES;                                          \
	MOVQ        avx2DotQ8Args_toff(DI), R13;          \
	VMULPS      avx2DotQ8Args_dt(DI)(R13*1), Y1, Y10; \
	VMULPS      avx2DotQ8Args_bt(DI)(R13*1), Y2, Y2;  \
	VMOVDQU     ·avx2EvenOdd(SB), Y1;                 \
	VPERMD      Y10, Y1, Y10;                         \
	VPERMD      Y2, Y1, Y2;                           \
	ADDQ $32, R13;                                    \
	CMPQ R13, avx2DotQ8Args_nb4(DI);                  \
	JB   wrapped;                                     \
	XORQ R13, R13;                                    \
wrapped:                                              \
	MOVQ R13, avx2DotQ8Args_toff(DI);                 \
	QPAIR(QI, UC, PADD, Y14, a0, b0)                  \
	QPAIR(QI, UC, PADD, Y13, a1, b1)                  \
	QPAIR(QI, UC, PADD, Y12, a2, b2)                  \
	QPAIR(QI, UC, PADD, Y11, a3, b3)                  \
	VPHADDD     Y13, Y14, Y0;                         \
	VPHADDD     Y11, Y12, Y1;                         \
	VPHADDD     Y1, Y0, Y0;                           \
	VCVTDQ2PS   Y0, Y0;                               \
	VFMADD213PS Y2, Y10, Y0;                          \
	Q8OUT;                                            \
	DECQ R14;                                         \
	JNZ  batch;                                       \
	VZEROUPPER;                                       \
	RET

DOTQ8U(·avx2DotQ8UnitW2, UC2, QIB, PADD1)
DOTQ8U(·avx2DotQ8UnitW3, UC3, QIB, PADD2)
DOTQ8U(·avx2DotQ8UnitW4, UC4, QIB, PADD1)
DOTQ8U(·avx2DotQ8UnitW5, UC5, QIB, PADD2)
DOTQ8U(·avx2DotQ8UnitW6, UC6, QIB, PADD2)
DOTQ8U(·avx2DotQ8UnitW7, UC7, QIB, PADD3)
DOTQ8U(·avx2DotQ8UnitW8, UC8, QIW, PADD1)

// ---- 1 to 4 queries, row by row ----

// The row kernels keep the unpack constants in memory.
#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB ·avx2Nib(SB)
#define K_LOW2 ·avx2Low2(SB)
#define K_SHIFT2 ·avx2Shift2(SB)

// Lane sums of each query: q0 into Y8 … q3 into Y11 (those of absent
// queries stay 0).
#define Q8ROWX1(QI) QI(AX, Y8)
#define Q8ROWX2(QI) Q8ROWX1(QI); QI(BX, Y9)
#define Q8ROWX3(QI) Q8ROWX2(QI); QI(CX, Y10)
#define Q8ROWX4(QI) Q8ROWX3(QI); QI(R10, Y11)

// Row epilogues: out (DX, stride R9) += X12, one lane per query.
#define R8O1 VADDSS (DX), X12, X12; VMOVSS X12, (DX)
#define R8O2 OUT2(X12, X13, DX, R9, R8)
#define R8O3 OUT3(X12, X13, DX, R9, R8)
#define R8O4 OUT4(X12, X13, DX, R9, R8)

// Q8REDUCE: the lane sums Y8-Y11 of the block at DX reduced to [isum q0 …
// q3], times d, the scale, plus the shift times bt, into X12.
#define Q8REDUCE \
	VPHADDD      Y9, Y8, Y1;               \
	VPHADDD      Y11, Y10, Y5;             \
	VPHADDD      Y5, Y1, Y1;               \
	VEXTRACTI128 $1, Y1, X5;               \
	VPADDD       X5, X1, X1;               \
	VCVTDQ2PS    X1, X1;                   \
	VMULPS       (R13)(DX*4), X1, X1;      \
	VFMADD231PS  X3, X1, X12;              \
	VFMADD231PS  2048(R13)(DX*4), X2, X12

// DOTQ8R(NAME, UC, QI, QROWS, OUT, GUARD, TAIL): DotQ8 of 1 to 4 queries
// over a chunk of groups of each row. Per block the queries' lane sums are
// reduced together (Q8REDUCE: three VPHADDD, an extract and an add) to
// [isum q0 … q3]; converted, times the d of each query (table
// [block][4]), times the group's scale, plus its shift times bt (table
// [block][4], 2048 bytes after the d table), into the row's sums X12.
// GUARD may skip the block loop and TAIL follows it (NOSTEP for groups of
// whole blocks; DOTQ8T). Registers: SI, R8, R9, DX planes; AX, BX, CX,
// R10 the values of queries 0-3 at the group; R11 scales, R12 shifts, R13
// the tables at the group, R14 groups left; X3 the scale, X2 the shift.
#define DOTQ8R(NAME, UC, QI, QROWS, OUT, GUARD, TAIL) \
	WALK_TEXT(NAME, R11, R12);             \
	MOVQ avx2DotQ8Args_out(DI), DX;        \
	MOVQ DX, avx2DotQ8Args_outp(DI);       \
	MOVQ avx2Walk_rows(DI), DX;            \
	MOVQ DX, avx2DotQ8Args_rleft(DI);      \
	VMOVDQU ·avx2Ones16(SB), Y4;           \
	VPXOR  Y8, Y8, Y8;                     \
	VPXOR  Y9, Y9, Y9;                     \
	VPXOR  Y10, Y10, Y10;                  \
	VPXOR  Y11, Y11, Y11;                  \
row:                                       \
	MOVQ avx2DotQ8Args_xv(DI), AX;         \
	MOVQ avx2DotQ8Args_vStride(DI), DX;    \
	LEAQ (AX)(DX*1), BX;                   \
	LEAQ (AX)(DX*2), CX;                   \
	LEAQ (CX)(DX*1), R10;                  \
	MOVQ avx2DotQ8Args_tab(DI), R13;       \
	MOVQ avx2Walk_groups(DI), R14;         \
	VXORPS X12, X12, X12;                  \
	PREFETCHT0 PF_SCALES(R11);             \
	PREFETCHT0 PF_SCALES(R12);             \
group:                                     \
	VPBROADCASTW (R11), X3;                \
	VCVTPH2PS    X3, X3;                   \
	VPBROADCASTW (R12), X2;                \
	VCVTPH2PS    X2, X2;                   \
	PREFETCHT0   PF_CODES(SI);             \
	XORQ DX, DX;                           \
	GUARD;                                 \
block:                                     \
	UC;                                    \
	QROWS(QI);                             \
	Q8REDUCE;                              \
	ADDQ $4, DX;                           \
	CMPQ DX, avx2Walk_kEnd(DI);            \
	JNE  block;                            \
	TAIL;                                  \
	LEAQ (R13)(DX*4), R13;                 \
	MOVQ avx2DotQ8Args_group(DI), DX;      \
	ADDQ DX, AX;                           \
	ADDQ DX, BX;                           \
	ADDQ DX, CX;                           \
	ADDQ DX, R10;                          \
	ADDQ $2, R11;                          \
	ADDQ $2, R12;                          \
	MOVQ avx2Walk_groupBytes(DI), DX;      \
	PLANES_ADD(DX);                        \
	DECQ R14;                              \
	JNZ  group;                            \
	MOVQ avx2DotQ8Args_outp(DI), DX;       \
	MOVQ avx2DotQ8Args_outStride(DI), R9;  \
	OUT;                                   \
	ADDQ $4, avx2DotQ8Args_outp(DI);       \
	ADDQ avx2Walk_rowSkip(DI), SI;         \
	MOVQ SI, R8;                           \
	ADDQ avx2Walk_off2(DI), R8;            \
	MOVQ SI, R9;                           \
	ADDQ avx2Walk_off3(DI), R9;            \
	ADDQ avx2Walk_scaleSkip(DI), R11;      \
	ADDQ avx2Walk_scaleSkip(DI), R12;      \
	DECQ avx2DotQ8Args_rleft(DI);          \
	JNZ  row;                              \
	VZEROUPPER;                            \
	RET

DOTQ8R(·avx2DotQ8W2X1, UC2, QIB, Q8ROWX1, R8O1, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W3X1, UC3, QIB, Q8ROWX1, R8O1, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W4X1, UC4, QIB, Q8ROWX1, R8O1, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W5X1, UC5, QIB, Q8ROWX1, R8O1, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W6X1, UC6, QIB, Q8ROWX1, R8O1, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W7X1, UC7, QIB, Q8ROWX1, R8O1, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W8X1, UC8, QIW, Q8ROWX1, R8O1, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W2X2, UC2, QIB, Q8ROWX2, R8O2, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W3X2, UC3, QIB, Q8ROWX2, R8O2, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W4X2, UC4, QIB, Q8ROWX2, R8O2, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W5X2, UC5, QIB, Q8ROWX2, R8O2, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W6X2, UC6, QIB, Q8ROWX2, R8O2, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W7X2, UC7, QIB, Q8ROWX2, R8O2, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W8X2, UC8, QIW, Q8ROWX2, R8O2, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W2X3, UC2, QIB, Q8ROWX3, R8O3, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W3X3, UC3, QIB, Q8ROWX3, R8O3, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W4X3, UC4, QIB, Q8ROWX3, R8O3, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W5X3, UC5, QIB, Q8ROWX3, R8O3, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W6X3, UC6, QIB, Q8ROWX3, R8O3, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W7X3, UC7, QIB, Q8ROWX3, R8O3, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W8X3, UC8, QIW, Q8ROWX3, R8O3, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W2X4, UC2, QIB, Q8ROWX4, R8O4, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W3X4, UC3, QIB, Q8ROWX4, R8O4, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W4X4, UC4, QIB, Q8ROWX4, R8O4, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W5X4, UC5, QIB, Q8ROWX4, R8O4, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W6X4, UC6, QIB, Q8ROWX4, R8O4, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W7X4, UC7, QIB, Q8ROWX4, R8O4, NOSTEP, NOSTEP)
DOTQ8R(·avx2DotQ8W8X4, UC8, QIW, Q8ROWX4, R8O4, NOSTEP, NOSTEP)

// ---- Groups that are not a multiple of 32: the row kernels with a tail ----

#include "avx2_tail_amd64.h"

// DOTQ8T(NAME, UC, QI, QROWS, OUT, LT, T0, T1, T2) is DOTQ8R for groups of
// whole blocks (none for groups of 8, 16, 24) and a last block of 8, 16 or
// 24 values (LT, avx2_tail_amd64.h). The last block's lane sums are formed
// from its chunks of eight codes as int32: per query, the query values
// sign-extended to int32 (VPMOVSXBD), multiplied (VPMULLD) and added into
// Y8-Y11 (T0-T2), exactly, as VPMADDUBSW does for a whole block; then the
// block is reduced and scaled as a whole block is, with its own d and Sums
// (the Q8 block after the group's whole blocks).
//
// Instructions per last block of m values: per chunk of 8 the unpack (as
// the lane kernels) and 3 per query; then the 12 of a block's reduction.

#define Q8T(k, V, ACC) \
	VPMOVSXBD (k*8)(V)(DX*8), Y13; \
	VPMULLD   Y0, Y13, Y13;        \
	VPADDD    Y13, ACC, ACC
#define Q8TX1(k) Q8T(k, AX, Y8)
#define Q8TX2(k) Q8TX1(k); Q8T(k, BX, Y9)
#define Q8TX3(k) Q8TX2(k); Q8T(k, CX, Y10)
#define Q8TX4(k) Q8TX3(k); Q8T(k, R10, Y11)

#define Q8TGUARD CMPQ DX, avx2Walk_kEnd(DI); JEQ tail
#define Q8TTAIL(LT, T0, T1, T2) \
	tail: VPXOR Y8, Y8, Y8;  \
	VPXOR  Y9, Y9, Y9;       \
	VPXOR  Y10, Y10, Y10;    \
	VPXOR  Y11, Y11, Y11;    \
	LT(T0, T1, T2, NOCV);    \
	Q8REDUCE;                \
	ADDQ   $4, DX
#define DOTQ8T(NAME, UC, QI, QROWS, OUT, LT, T0, T1, T2) DOTQ8R(NAME, UC, QI, QROWS, OUT, Q8TGUARD, Q8TTAIL(LT, T0, T1, T2))

#define T0 Q8TX1(0)
#define T1 Q8TX1(1)
#define T2 Q8TX1(2)
DOTQ8T(·avx2DotQ8W2T8X1, UC2, QIB, Q8ROWX1, R8O1, LT2M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T16X1, UC2, QIB, Q8ROWX1, R8O1, LT2M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T24X1, UC2, QIB, Q8ROWX1, R8O1, LT2M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T8X1, UC3, QIB, Q8ROWX1, R8O1, LT3M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T16X1, UC3, QIB, Q8ROWX1, R8O1, LT3M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T24X1, UC3, QIB, Q8ROWX1, R8O1, LT3M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T8X1, UC4, QIB, Q8ROWX1, R8O1, LT4M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T16X1, UC4, QIB, Q8ROWX1, R8O1, LT4M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T24X1, UC4, QIB, Q8ROWX1, R8O1, LT4M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T8X1, UC5, QIB, Q8ROWX1, R8O1, LT5M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T16X1, UC5, QIB, Q8ROWX1, R8O1, LT5M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T24X1, UC5, QIB, Q8ROWX1, R8O1, LT5M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T8X1, UC6, QIB, Q8ROWX1, R8O1, LT6M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T16X1, UC6, QIB, Q8ROWX1, R8O1, LT6M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T24X1, UC6, QIB, Q8ROWX1, R8O1, LT6M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T8X1, UC7, QIB, Q8ROWX1, R8O1, LT7M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T16X1, UC7, QIB, Q8ROWX1, R8O1, LT7M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T24X1, UC7, QIB, Q8ROWX1, R8O1, LT7M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T8X1, UC8, QIW, Q8ROWX1, R8O1, LT8M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T16X1, UC8, QIW, Q8ROWX1, R8O1, LT8M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T24X1, UC8, QIW, Q8ROWX1, R8O1, LT8M24, T0, T1, T2)
#undef T0
#undef T1
#undef T2

#define T0 Q8TX2(0)
#define T1 Q8TX2(1)
#define T2 Q8TX2(2)
DOTQ8T(·avx2DotQ8W2T8X2, UC2, QIB, Q8ROWX2, R8O2, LT2M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T16X2, UC2, QIB, Q8ROWX2, R8O2, LT2M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T24X2, UC2, QIB, Q8ROWX2, R8O2, LT2M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T8X2, UC3, QIB, Q8ROWX2, R8O2, LT3M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T16X2, UC3, QIB, Q8ROWX2, R8O2, LT3M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T24X2, UC3, QIB, Q8ROWX2, R8O2, LT3M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T8X2, UC4, QIB, Q8ROWX2, R8O2, LT4M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T16X2, UC4, QIB, Q8ROWX2, R8O2, LT4M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T24X2, UC4, QIB, Q8ROWX2, R8O2, LT4M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T8X2, UC5, QIB, Q8ROWX2, R8O2, LT5M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T16X2, UC5, QIB, Q8ROWX2, R8O2, LT5M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T24X2, UC5, QIB, Q8ROWX2, R8O2, LT5M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T8X2, UC6, QIB, Q8ROWX2, R8O2, LT6M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T16X2, UC6, QIB, Q8ROWX2, R8O2, LT6M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T24X2, UC6, QIB, Q8ROWX2, R8O2, LT6M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T8X2, UC7, QIB, Q8ROWX2, R8O2, LT7M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T16X2, UC7, QIB, Q8ROWX2, R8O2, LT7M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T24X2, UC7, QIB, Q8ROWX2, R8O2, LT7M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T8X2, UC8, QIW, Q8ROWX2, R8O2, LT8M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T16X2, UC8, QIW, Q8ROWX2, R8O2, LT8M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T24X2, UC8, QIW, Q8ROWX2, R8O2, LT8M24, T0, T1, T2)
#undef T0
#undef T1
#undef T2

#define T0 Q8TX3(0)
#define T1 Q8TX3(1)
#define T2 Q8TX3(2)
DOTQ8T(·avx2DotQ8W2T8X3, UC2, QIB, Q8ROWX3, R8O3, LT2M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T16X3, UC2, QIB, Q8ROWX3, R8O3, LT2M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T24X3, UC2, QIB, Q8ROWX3, R8O3, LT2M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T8X3, UC3, QIB, Q8ROWX3, R8O3, LT3M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T16X3, UC3, QIB, Q8ROWX3, R8O3, LT3M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T24X3, UC3, QIB, Q8ROWX3, R8O3, LT3M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T8X3, UC4, QIB, Q8ROWX3, R8O3, LT4M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T16X3, UC4, QIB, Q8ROWX3, R8O3, LT4M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T24X3, UC4, QIB, Q8ROWX3, R8O3, LT4M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T8X3, UC5, QIB, Q8ROWX3, R8O3, LT5M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T16X3, UC5, QIB, Q8ROWX3, R8O3, LT5M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T24X3, UC5, QIB, Q8ROWX3, R8O3, LT5M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T8X3, UC6, QIB, Q8ROWX3, R8O3, LT6M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T16X3, UC6, QIB, Q8ROWX3, R8O3, LT6M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T24X3, UC6, QIB, Q8ROWX3, R8O3, LT6M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T8X3, UC7, QIB, Q8ROWX3, R8O3, LT7M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T16X3, UC7, QIB, Q8ROWX3, R8O3, LT7M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T24X3, UC7, QIB, Q8ROWX3, R8O3, LT7M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T8X3, UC8, QIW, Q8ROWX3, R8O3, LT8M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T16X3, UC8, QIW, Q8ROWX3, R8O3, LT8M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T24X3, UC8, QIW, Q8ROWX3, R8O3, LT8M24, T0, T1, T2)
#undef T0
#undef T1
#undef T2

#define T0 Q8TX4(0)
#define T1 Q8TX4(1)
#define T2 Q8TX4(2)
DOTQ8T(·avx2DotQ8W2T8X4, UC2, QIB, Q8ROWX4, R8O4, LT2M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T16X4, UC2, QIB, Q8ROWX4, R8O4, LT2M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W2T24X4, UC2, QIB, Q8ROWX4, R8O4, LT2M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T8X4, UC3, QIB, Q8ROWX4, R8O4, LT3M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T16X4, UC3, QIB, Q8ROWX4, R8O4, LT3M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W3T24X4, UC3, QIB, Q8ROWX4, R8O4, LT3M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T8X4, UC4, QIB, Q8ROWX4, R8O4, LT4M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T16X4, UC4, QIB, Q8ROWX4, R8O4, LT4M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W4T24X4, UC4, QIB, Q8ROWX4, R8O4, LT4M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T8X4, UC5, QIB, Q8ROWX4, R8O4, LT5M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T16X4, UC5, QIB, Q8ROWX4, R8O4, LT5M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W5T24X4, UC5, QIB, Q8ROWX4, R8O4, LT5M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T8X4, UC6, QIB, Q8ROWX4, R8O4, LT6M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T16X4, UC6, QIB, Q8ROWX4, R8O4, LT6M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W6T24X4, UC6, QIB, Q8ROWX4, R8O4, LT6M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T8X4, UC7, QIB, Q8ROWX4, R8O4, LT7M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T16X4, UC7, QIB, Q8ROWX4, R8O4, LT7M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W7T24X4, UC7, QIB, Q8ROWX4, R8O4, LT7M24, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T8X4, UC8, QIW, Q8ROWX4, R8O4, LT8M8, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T16X4, UC8, QIW, Q8ROWX4, R8O4, LT8M16, T0, T1, T2)
DOTQ8T(·avx2DotQ8W8T24X4, UC8, QIW, Q8ROWX4, R8O4, LT8M24, T0, T1, T2)
#undef T0
#undef T1
#undef T2

// ---- DotQ8 of one query row on 2- and 4-bit codes in groups of 8, 16 ----

// DOTQ8L(NAME, CHUNK): the lane kernels (avx2DotQ8LaneArgs, see
// avx2_dotq8lane_amd64.go). CHUNK puts the exact integer sums of the eight
// groups of the chunk at R12 (16 × its index in the row) in Y0, in group
// order: the codes multiplied (VPMADDUBSW) with the permuted query, the
// planes' int16 sums added (they cannot overflow: at most 4 × 2×15×127),
// then summed to one per group. Per chunk then
//
//	row += cvt(isum) * d * scale + shift * (mult × Sums)
//
// with d and mult × Sums from the call's tables; the last chunk of a row
// may hold fewer groups (its scales and shifts masked, its query zero).
// Rows go in pairs into Y8 and Y9, folded by UNITS_PAIR; after eight rows
// (4/p pairs) their sums are put in row order and added to out.
//
// Registers: R8 the row's codes, R9 scales, R11 shifts, R12 the chunk, R10
// 16 × full chunks per row, AX the query table, CX d, BX mult × Sums, DX
// out, R13 pairs left in the batch, R14 batches left; Y4 the nibble or
// 2-bit mask, Y5 int16 ones, Y6, Y7 the kernel's constants.
//
// Instructions per chunk (eight groups, 64 or 128 values): 4-bit groups of
// 8: 8, of 16: 16; 2-bit groups of 8: 11, of 16: 16; then 7 to scale; per
// row 8; per batch of eight rows about 20.

// 4 bits, groups of 8: 32 bytes, low and high nibbles.
#define Q8L4(CODES, QLO, QHI, DST) \
	VMOVDQU    CODES, Y1;    \
	VPSRLW     $4, Y1, Y2;   \
	VPAND      Y4, Y1, Y1;   \
	VPAND      Y4, Y2, Y2;   \
	VPMADDUBSW QLO, Y1, Y1;  \
	VPMADDUBSW QHI, Y2, Y2;  \
	VPADDW     Y2, Y1, Y1;   \
	VPMADDWD   Y5, Y1, DST
#define Q8LW4G8 Q8L4((R8)(R12*2), (AX)(R12*4), 32(AX)(R12*4), Y0)

// 4 bits, groups of 16: two loads of four groups, whose pairs of int32
// sums VPHADDD adds ([g0 g1 g4 g5 | g2 g3 g6 g7], then VPERMD with Y6).
#define Q8LW4G16 \
	Q8L4((R8)(R12*4), (AX)(R12*8), 32(AX)(R12*8), Y0);    \
	Q8L4(32(R8)(R12*4), 64(AX)(R12*8), 96(AX)(R12*8), Y3); \
	VPHADDD Y3, Y0, Y0;                     \
	VPERMD  Y0, Y6, Y0

// 2 bits, groups of 8: 16 bytes in both halves; planes 0 and 2 (VPSRLVQ
// by Y6), 1 and 3 (Y7); each int16 is one group's half, the halves added.
#define Q8LW2G8 \
	VBROADCASTI128 (R8)(R12*1), Y1;       \
	VPSRLVQ        Y6, Y1, Y2;            \
	VPSRLVQ        Y7, Y1, Y1;            \
	VPAND          Y4, Y2, Y2;            \
	VPAND          Y4, Y1, Y1;            \
	VPMADDUBSW     (AX)(R12*4), Y2, Y2;   \
	VPMADDUBSW     32(AX)(R12*4), Y1, Y1; \
	VPADDW         Y1, Y2, Y2;            \
	VEXTRACTI128   $1, Y2, X1;            \
	VPADDW         X1, X2, X2;            \
	VPMOVSXWD      X2, Y0

// 2 bits, groups of 16: 32 bytes, the four planes.
#define Q8L2P(S, OFF) \
	VPSRLW     $S, Y1, Y2;               \
	VPAND      Y4, Y2, Y2;               \
	VPMADDUBSW OFF(AX)(R12*8), Y2, Y2;   \
	VPADDW     Y2, Y0, Y0
#define Q8LW2G16 \
	VMOVDQU    (R8)(R12*2), Y1;          \
	VPAND      Y4, Y1, Y0;               \
	VPMADDUBSW (AX)(R12*8), Y0, Y0;      \
	Q8L2P(2, 32);                        \
	Q8L2P(4, 64);                        \
	Q8L2P(6, 96);                        \
	VPMADDWD   Y5, Y0, Y0

// Q8LF(ACC, M): the chunk's isums in Y0 scaled into ACC; M masks the
// scales and shifts of a partial chunk (Q8LMASK) or not (NOSTEP).
#define Q8LMASK VANDPS avx2DotQ8LaneArgs_mask(DI), Y1, Y1
#define Q8LF(ACC, M) \
	VCVTDQ2PS   Y0, Y0;                \
	VMULPS      (CX)(R12*2), Y0, Y0;   \
	VCVTPH2PS   (R9)(R12*1), Y1;       \
	M;                                 \
	VFMADD231PS Y1, Y0, ACC;           \
	VCVTPH2PS   (R11)(R12*1), Y1;      \
	M;                                 \
	VFMADD231PS (BX)(R12*2), Y1, ACC

// Q8LROW(CHUNK, ACC, LC, LP, LD): one row (of p rows) into ACC.
#define Q8LROW(CHUNK, ACC, LC, LP, LD) \
	VXORPS ACC, ACC, ACC;                          \
	XORQ   R12, R12;                               \
	CMPQ   R10, $0;                                \
	JEQ    LP;                                     \
LC:                                                \
	CHUNK;                                         \
	Q8LF(ACC, NOSTEP);                             \
	ADDQ   $16, R12;                               \
	CMPQ   R12, R10;                               \
	JNE    LC;                                     \
LP:                                                \
	CMPQ   avx2DotQ8LaneArgs_partial(DI), $0;      \
	JEQ    LD;                                     \
	CHUNK;                                         \
	Q8LF(ACC, Q8LMASK);                            \
LD:                                                \
	ADDQ   avx2DotQ8LaneArgs_rowBytes(DI), R8;     \
	ADDQ   avx2DotQ8LaneArgs_rowScaleBytes(DI), R9; \
	ADDQ   avx2DotQ8LaneArgs_rowScaleBytes(DI), R11

// Q8LFINISH: the sums of the batch's eight rows in row order into Y10:
// from the four pairs (p = 1, UNITS_FINISH), two pairs of rows of two
// (p = 2) or one pair of rows of four (p = 4). Uses Y0-Y2.
#define Q8LFINISH \
	MOVQ    avx2DotQ8LaneArgs_p(DI), SI;  \
	CMPQ    SI, $2;                       \
	JEQ     finish2;                      \
	JGT     finish4;                      \
	UNITS_FINISH;                         \
	JMP     finished;                     \
finish2:                                  \
	VHADDPS Y11, Y12, Y10;                \
	VMOVDQU ·avx2Q8LaneOrder2(SB), Y1;    \
	VPERMPS Y10, Y1, Y10;                 \
	JMP     finished;                     \
finish4:                                  \
	VMOVDQU ·avx2Q8LaneOrder4(SB), Y1;    \
	VPERMPS Y11, Y1, Y10;                 \
finished:

#define DOTQ8L(NAME, CHUNK, MASK, C6, C7) \
	ARGS_TEXT(NAME);                            \
	MOVQ    avx2DotQ8LaneArgs_data(DI), R8;     \
	MOVQ    avx2DotQ8LaneArgs_scales(DI), R9;   \
	MOVQ    avx2DotQ8LaneArgs_shifts(DI), R11;  \
	MOVQ    avx2DotQ8LaneArgs_qp(DI), AX;       \
	MOVQ    avx2DotQ8LaneArgs_dt(DI), CX;       \
	MOVQ    avx2DotQ8LaneArgs_bt(DI), BX;       \
	MOVQ    avx2DotQ8LaneArgs_out(DI), DX;      \
	MOVQ    avx2DotQ8LaneArgs_fullEnd(DI), R10; \
	MOVQ    avx2DotQ8LaneArgs_batches(DI), R14; \
	VMOVDQU MASK, Y4;                           \
	VMOVDQU ·avx2Ones16(SB), Y5;                \
	VMOVDQU C6, Y6;                             \
	VMOVDQU C7, Y7;                             \
batch:                                          \
	MOVQ    avx2DotQ8LaneArgs_pairs(DI), R13;   \
pair:                                           \
	Q8LROW(CHUNK, Y8, chunka, parta, donea);    \
	Q8LROW(CHUNK, Y9, chunkb, partb, doneb);    \
	UNITS_PAIR(Y8, Y9);                         \
	DECQ    R13;                                \
	JNZ     pair;                               \
	Q8LFINISH;                                  \
	VADDPS  (DX), Y10, Y10;                     \
	VMOVUPS Y10, (DX);                          \
	ADDQ    $32, DX;                            \
	DECQ    R14;                                \
	JNZ     batch;                              \
	VZEROUPPER;                                 \
	RET

DOTQ8L(·avx2DotQ8LaneW4G8, Q8LW4G8, ·avx2Nib(SB), ·avx2Nib(SB), ·avx2Nib(SB))
DOTQ8L(·avx2DotQ8LaneW4G16, Q8LW4G16, ·avx2Nib(SB), ·avx2Q8LaneOrder4(SB), ·avx2Nib(SB))
DOTQ8L(·avx2DotQ8LaneW2G8, Q8LW2G8, ·avx2Low2(SB), ·avx2Q8LaneShiftA(SB), ·avx2Q8LaneShiftB(SB))
DOTQ8L(·avx2DotQ8LaneW2G16, Q8LW2G16, ·avx2Low2(SB), ·avx2Low2(SB), ·avx2Low2(SB))

// ---- DotQ8 of one query row on rows that are one group, eight rows at once ----

// DOTQ8G(NAME, FULL, LAST): DotQ8 of one query row on rows of one group
// of 2- or 4-bit codes whose last block holds 16 or 32 values
// (avx2DotQ8GroupArgs, see avx2_dotq8group_amd64.go): the lanes are eight
// rows. Per block of the row, each of the eight rows' codes is unpacked
// (as bytes in value order) and multiplied with the query's block
// (VPMADDUBSW, VPMADDWD); the eight rows' int32 lane sums are reduced
// together to one exact sum per row ([r0 r2 r4 r6 | r1 r3 r5 r7]) and
// added, times the block's d, to the rows' sums. At the end of the row the
// rows' scales and shifts (eight contiguous fp16 each: one group per row)
// apply at once and the eight results are stored:
//
//	out[i] = scale_i * Σ_b d_b*isum_ib + shift_i * (mult × Σ_b Sums_b)
//
// Registers: SI, R8, R9, R10 the codes of rows 0, 2, 4, 6 at the block
// (rows 1, 3, 5, 7 BX bytes further), AX the query's block, CX its d, DX
// blocks left, R11 scales, R12 shifts, R13 out, R14 batches left; Y0-Y7
// the rows' lane sums, Y8 scratch, Y9 int16 ones, Y10 the nibble or 2-bit
// mask, Y15 the rows' sums.
//
// Instructions per block of 32 values and eight rows: 8 × (4-bit 4, 2-bit
// 3 to unpack + 2) + 15 to reduce + 3; per batch of eight rows about 20.

// Q8GU4 / Q8GU2(ROW, D): a whole block of row ROW's 4-bit (2-bit) codes as
// bytes in value order in D.
#define Q8GU4(ROW, D, XD) \
	VMOVDQU     ROW, XD;        \
	VPSRLW      $4, XD, X8;     \
	VINSERTI128 $1, X8, D, D;   \
	VPAND       Y10, D, D
#define Q8GU2(ROW, D, XD) \
	VPBROADCASTQ ROW, D;               \
	VPSRLVQ      ·avx2Shift2(SB), D, D; \
	VPAND        Y10, D, D

// Q8GS4 / Q8GS2(ROW, D): a block of 16 values (the rest zero).
#define Q8GS4(ROW, D, XD) \
	VMOVQ       ROW, XD;        \
	VPSRLW      $4, XD, X8;     \
	VPUNPCKLQDQ X8, XD, XD;     \
	VPAND       X10, XD, XD
#define Q8GS2(ROW, D, XD) \
	VPBROADCASTD ROW, XD;                   \
	VPSRLVD      ·avx2Q8GroupShift2(SB), XD, XD; \
	VPAND        X10, XD, XD

// Q8GROWS(U, OFF): the eight rows' lane sums of the block at OFF.
#define Q8GR(U, ROW, D, XD) \
	U(ROW, D, XD);            \
	VPMADDUBSW (AX), D, D;    \
	VPMADDWD   Y9, D, D
#define Q8GROWS(U, OFF) \
	Q8GR(U, OFF(SI), Y0, X0);       \
	Q8GR(U, OFF(SI)(BX*1), Y1, X1); \
	Q8GR(U, OFF(R8), Y2, X2);       \
	Q8GR(U, OFF(R8)(BX*1), Y3, X3); \
	Q8GR(U, OFF(R9), Y4, X4);       \
	Q8GR(U, OFF(R9)(BX*1), Y5, X5); \
	Q8GR(U, OFF(R10), Y6, X6);      \
	Q8GR(U, OFF(R10)(BX*1), Y7, X7)

// Q8GPAIR(A, B): rows A, B folded to four lanes each, [A | B], into A.
#define Q8GPAIR(A, B) \
	VPERM2I128 $0x20, B, A, Y8; \
	VPERM2I128 $0x31, B, A, A;  \
	VPADDD     Y8, A, A

// Q8GADD: the block's exact sums of the eight rows, times d, into Y15.
#define Q8GADD \
	Q8GPAIR(Y0, Y1);               \
	Q8GPAIR(Y2, Y3);               \
	Q8GPAIR(Y4, Y5);               \
	Q8GPAIR(Y6, Y7);               \
	VPHADDD      Y2, Y0, Y0;       \
	VPHADDD      Y6, Y4, Y4;       \
	VPHADDD      Y4, Y0, Y0;       \
	VCVTDQ2PS    Y0, Y0;           \
	VBROADCASTSS (CX), Y8;         \
	VFMADD231PS  Y8, Y0, Y15

// Q8GNEXT(B): on to the next block of B code bytes.
#define Q8GNEXT(B) \
	ADDQ $B, SI;  \
	ADDQ $B, R8;  \
	ADDQ $B, R9;  \
	ADDQ $B, R10; \
	ADDQ $32, AX; \
	ADDQ $4, CX

// DOTQ8G(NAME, U, UL, BB, LB): U unpacks a whole block of BB bytes, UL
// the last block of LB bytes (or a whole one).
#define DOTQ8G(NAME, U, UL, BB, LB) \
	ARGS_TEXT(NAME);                               \
	MOVQ    avx2DotQ8GroupArgs_data(DI), SI;       \
	MOVQ    avx2DotQ8GroupArgs_rowBytes(DI), BX;   \
	MOVQ    avx2DotQ8GroupArgs_scales(DI), R11;    \
	MOVQ    avx2DotQ8GroupArgs_shifts(DI), R12;    \
	MOVQ    avx2DotQ8GroupArgs_out(DI), R13;       \
	MOVQ    avx2DotQ8GroupArgs_batches(DI), R14;   \
	VMOVDQU ·avx2Ones16(SB), Y9;                   \
	VMOVDQU avx2DotQ8GroupArgs_mask(DI), Y10;      \
batch:                                             \
	LEAQ    (SI)(BX*2), R8;                        \
	LEAQ    (R8)(BX*2), R9;                        \
	LEAQ    (R9)(BX*2), R10;                       \
	MOVQ    avx2DotQ8GroupArgs_q(DI), AX;          \
	MOVQ    avx2DotQ8GroupArgs_d(DI), CX;          \
	MOVQ    avx2DotQ8GroupArgs_blocks(DI), DX;     \
	VXORPS  Y15, Y15, Y15;                         \
	TESTQ   DX, DX;                                \
	JZ      last;                                  \
block:                                             \
	Q8GROWS(U, 0);                                 \
	Q8GADD;                                        \
	Q8GNEXT(BB);                                   \
	DECQ    DX;                                    \
	JNZ     block;                                 \
last:                                              \
	Q8GROWS(UL, 0);                                \
	Q8GADD;                                        \
	VMOVDQU     ·avx2Q8LaneOrder2(SB), Y8;         \
	VPERMPS     Y15, Y8, Y15;                      \
	VCVTPH2PS   (R11), Y0;                         \
	VMULPS      Y0, Y15, Y15;                      \
	VCVTPH2PS   (R12), Y0;                         \
	VBROADCASTSS avx2DotQ8GroupArgs_ss(DI), Y8;    \
	VFMADD231PS Y8, Y0, Y15;                       \
	VMOVUPS     Y15, (R13);                        \
	ADDQ    $16, R11;                              \
	ADDQ    $16, R12;                              \
	ADDQ    $32, R13;                              \
	ADDQ    $LB, R10;                              \
	LEAQ    (R10)(BX*1), SI;                       \
	DECQ    R14;                                   \
	JNZ     batch;                                 \
	VZEROUPPER;                                    \
	RET

DOTQ8G(·avx2DotQ8GroupW4T16, Q8GU4, Q8GS4, 16, 8)
DOTQ8G(·avx2DotQ8GroupW4T32, Q8GU4, Q8GU4, 16, 16)
DOTQ8G(·avx2DotQ8GroupW2T16, Q8GU2, Q8GS2, 8, 4)
DOTQ8G(·avx2DotQ8GroupW2T32, Q8GU2, Q8GU2, 8, 8)
