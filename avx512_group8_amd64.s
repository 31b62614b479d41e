//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"

// Dot on rows of G groups of 8 codes (2 <= G <= avx512Group8Max; 2-, 3- and
// 4-bit codes): sixteen rows per vector, lane r holding row r, as the
// row-of-8 kernels (avx512_row8codes_amd64.s) do for rows of one group;
// here each group g of the sixteen rows is gathered (VPGATHERDD, one dword
// per row at the group's codes, and again at its scale and shift), its
// eight code positions are multiplied into per-query sums A_j against the
// query's columns 8g + col(k) (broadcast by the FMA), and each row's total
// gathers T_j += scale × A_j + shift × mx_j[g] (mx_j[g] = mult × the sum of
// query j's columns of group g), group after group: no sum crosses lanes,
// and each row's total is formed in the same order wherever it sits.
// (avx512Group8Args, avx512_group8_amd64.go.)
//
// A group of 2- or 3-bit codes is 2 or 3 bytes and a scale 2: the dword
// gathered for group g > 0 ends at the group's (or scale's) last byte and
// is shifted down (by 16, 8 or 16 bits), so that no gather reads past the
// last row; group 0's dword starts at its first byte (G >= 2 keeps it
// within the row).
//
// Instructions per 32 values (16 rows × 8 codes = 128 values per group):
// one query row, 4-bit: 3 gathers (codes, scale, shift; 2 for symmetric
// formats) + 8 × (shift, AND, convert, FMA) + 2 FMA + about 6 of set-up,
// ≈ 43 per 128 values ≈ 11 per 32; each further query row 8 + 2 FMA per
// 128 values.

// The group's code positions, as in avx512_row8codes_amd64.s: the code of
// position k in Z1 (float32), from the codes in Z0 (3-bit: Z0 >> 14 in
// Z2; Z3 scratch).
#define G8C2(SH) \
	VPSRLD      $SH, Z0, Z1;          \
	VPANDD.BCST g8W3<>(SB), Z1, Z1; \
	VCVTDQ2PS   Z1, Z1

#define G8C2_0 \
	VPANDD.BCST g8W3<>(SB), Z0, Z1; \
	VCVTDQ2PS   Z1, Z1

#define G8C4(SH) \
	VPSRLD      $SH, Z0, Z1;           \
	VPANDD.BCST g8W15<>(SB), Z1, Z1; \
	VCVTDQ2PS   Z1, Z1

#define G8C4_0 \
	VPANDD.BCST g8W15<>(SB), Z0, Z1; \
	VCVTDQ2PS   Z1, Z1

#define G8C3(SH, COL) \
	VPSRLD      $SH, Z0, Z1;          \
	VPANDD.BCST g8W3<>(SB), Z1, Z1; \
	VPSRLD      $COL, Z2, Z3;         \
	VPANDD.BCST g8W4<>(SB), Z3, Z3; \
	VPORD       Z3, Z1, Z1;           \
	VCVTDQ2PS   Z1, Z1

#define G8C3_0 \
	VPANDD.BCST g8W3<>(SB), Z0, Z1; \
	VPANDD.BCST g8W4<>(SB), Z2, Z3; \
	VPORD       Z3, Z1, Z1;           \
	VCVTDQ2PS   Z1, Z1

// 0, 1, … 15: the rows of a batch, times a stride for the gathers.
DATA g8Iota<>+0(SB)/8, $0x0000000100000000
DATA g8Iota<>+8(SB)/8, $0x0000000300000002
DATA g8Iota<>+16(SB)/8, $0x0000000500000004
DATA g8Iota<>+24(SB)/8, $0x0000000700000006
DATA g8Iota<>+32(SB)/8, $0x0000000900000008
DATA g8Iota<>+40(SB)/8, $0x0000000b0000000a
DATA g8Iota<>+48(SB)/8, $0x0000000d0000000c
DATA g8Iota<>+56(SB)/8, $0x0000000f0000000e
GLOBL g8Iota<>(SB), RODATA|NOPTR, $64

DATA g8W3<>+0(SB)/4, $3
GLOBL g8W3<>(SB), RODATA|NOPTR, $4
DATA g8W4<>+0(SB)/4, $4
GLOBL g8W4<>(SB), RODATA|NOPTR, $4
DATA g8W15<>+0(SB)/4, $15
GLOBL g8W15<>(SB), RODATA|NOPTR, $4

// G8CODES_W<bits>(USE): the eight positions, USE(column) after each.
#define G8CODES_W2(USE) \
	G8C2_0; USE(0);  \
	G8C2(2); USE(2);  \
	G8C2(4); USE(4);  \
	G8C2(6); USE(6);  \
	G8C2(8); USE(1);  \
	G8C2(10); USE(3); \
	G8C2(12); USE(5); \
	G8C2(14); USE(7)

#define G8CODES_W3(USE) \
	VPSRLD $14, Z0, Z2;  \
	G8C3_0; USE(0);      \
	G8C3(2, 2); USE(2);  \
	G8C3(4, 4); USE(4);  \
	G8C3(6, 6); USE(6);  \
	G8C3(8, 1); USE(1);  \
	G8C3(10, 3); USE(3); \
	G8C3(12, 5); USE(5); \
	G8C3(14, 7); USE(7)

#define G8CODES_W4(USE) \
	G8C4_0; USE(0);   \
	G8C4(4); USE(4);  \
	G8C4(8); USE(1);  \
	G8C4(12); USE(5); \
	G8C4(16); USE(2); \
	G8C4(20); USE(6); \
	G8C4(24); USE(3); \
	G8C4(28); USE(7)

// The codes' shift for group g > 0 (the dword ends at the group's last
// byte): 2-bit 16, 3-bit 8, 4-bit none.
#define G8ALIGN_W2 VPSRLD $16, Z0, Z0
#define G8ALIGN_W3 VPSRLD $8, Z0, Z0
#define G8ALIGN_W4

// Per number of query rows: the group sums A_j (Z8-Z11) cleared, position
// of column C multiplied into them (query j's group at CX + 32 j: the
// columns of the queries laid out group by group, avx512Group8Args_xs), and
// the group's contribution added to the totals T_j (Z4-Z7): scale in Z2,
// shift in Z3, mx_j[g] at R13 + 4·32·j.
#define G8ZERO1 VPXORD Z8, Z8, Z8
#define G8ZERO2 G8ZERO1; VPXORD Z9, Z9, Z9
#define G8ZERO3 G8ZERO2; VPXORD Z10, Z10, Z10
#define G8ZERO4 G8ZERO3; VPXORD Z11, Z11, Z11

#define G8FMA1(C) VFMADD231PS.BCST (C*4)(CX), Z1, Z8
#define G8FMA2(C) G8FMA1(C); VFMADD231PS.BCST (32+C*4)(CX), Z1, Z9
#define G8FMA3(C) G8FMA2(C); VFMADD231PS.BCST (64+C*4)(CX), Z1, Z10
#define G8FMA4(C) G8FMA3(C); VFMADD231PS.BCST (96+C*4)(CX), Z1, Z11

#define G8ADD(A, T, J) \
	VFMADD231PS      Z2, A, T; \
	VFMADD231PS.BCST (J*128)(R13), Z3, T

#define G8ADD1 G8ADD(Z8, Z4, 0)
#define G8ADD2 G8ADD1; G8ADD(Z9, Z5, 1)
#define G8ADD3 G8ADD2; G8ADD(Z10, Z6, 2)
#define G8ADD4 G8ADD3; G8ADD(Z11, Z7, 3)

#define G8TOT1 VPXORD Z4, Z4, Z4
#define G8TOT2 G8TOT1; VPXORD Z5, Z5, Z5
#define G8TOT3 G8TOT2; VPXORD Z6, Z6, Z6
#define G8TOT4 G8TOT3; VPXORD Z7, Z7, Z7

#define G8OUT1 VMOVUPS Z4, K2, (R10)
#define G8OUT2 G8OUT1; VMOVUPS Z5, K2, (R10)(BX*1)
#define G8OUT3 G8OUT2; VMOVUPS Z6, K2, (R11)
#define G8OUT4 G8OUT3; VMOVUPS Z7, K2, (R11)(BX*1)

// The scales' (and shifts') fp16 values in the gathered dwords: the low
// half (group 0) or the high half (groups after it, whose dwords end at
// the value).
#define G8HALF_LO(Z, Y) VPMOVDW Z, Y
#define G8HALF_HI(Z, Y) VPSRLD $16, Z, Z; VPMOVDW Z, Y

// G8GROUP(ALIGN, HALF, CODES, ZERO, FMA, ADD, LBL) is one group of the
// sixteen rows: gather the codes (at SI), ALIGN them, clear A_j, the
// positions, gather the scale and shift, add to T_j; then move SI, R8,
// R9, CX and R13 to the next group.
#define G8GROUP(ALIGN, HALF, CODES, ZERO, FMA, ADD, LBL) \
	KMOVW      K2, K3;                         \
	VPXORD     Z0, Z0, Z0;                     \
	VPGATHERDD (SI)(Z30*1), K3, Z0;            \
	ALIGN;                                     \
	ZERO;                                      \
	CODES(FMA);                                \
	KMOVW      K2, K3;                         \
	VPXORD     Z2, Z2, Z2;                     \
	VPGATHERDD (R8)(Z31*1), K3, Z2;            \
	HALF(Z2, Y2);                              \
	VCVTPH2PS  Y2, Z2;                         \
	VMOVAPS    Z2, Z3;                         \
	CMPQ       avx512Group8Args_symmetric(DI), $0; \
	JNE        LBL;                            \
	KMOVW      K2, K3;                         \
	VPXORD     Z3, Z3, Z3;                     \
	VPGATHERDD (R9)(Z31*1), K3, Z3;            \
	HALF(Z3, Y3);                              \
	VCVTPH2PS  Y3, Z3;                         \
LBL:                                           \
	ADD;                                       \
	ADDQ       avx512Group8Args_groupBytes(DI), SI; \
	ADDQ       $2, R8;                         \
	ADDQ       $2, R9;                         \
	ADDQ       $128, CX;                       \
	ADDQ       $4, R13

// G8DOT(NAME, ALIGN, CODES, TOT, ZERO, FMA, ADD, OUT) is the Dot kernel of
// one width and number of query rows.
#define G8DOT(NAME, ALIGN, CODES, TOT, ZERO, FMA, ADD, OUT) \
TEXT NAME(SB), NOSPLIT, $0-8                            \
	MOVQ         a+0(FP), DI;                            \
	VPBROADCASTD avx512Group8Args_rowBytes(DI), Z30;     \
	VPMULLD      g8Iota<>(SB), Z30, Z30;            \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	ADDQ         AX, AX;                                 \
	VPBROADCASTD AX, Z31;                                \
	VPMULLD      g8Iota<>(SB), Z31, Z31;            \
	MOVQ         avx512Group8Args_codes(DI), R14;        \
	MOVQ         avx512Group8Args_scales(DI), R15;       \
	MOVQ         avx512Group8Args_shifts(DI), R12;       \
	MOVQ         avx512Group8Args_out(DI), R10;          \
	MOVQ         avx512Group8Args_outStride(DI), BX;     \
	MOVQ         avx512Group8Args_n(DI), DX;             \
	MOVQ         $-1, AX;                                \
	MOVQ         $16, R11;                               \
	BZHIQ        R11, AX, R11;                           \
	KMOVW        R11, K2;                                \
	CMPQ         DX, $16;                                \
	JB           last;                                   \
batch:                                                   \
	TOT;                                                 \
	MOVQ         R14, SI;                                \
	MOVQ         R15, R8;                                \
	MOVQ         R12, R9;                                \
	LEAQ         avx512Group8Args_xs(DI), CX;             \
	LEAQ         avx512Group8Args_mx(DI), R13;           \
	G8GROUP(NOP, G8HALF_LO, CODES, ZERO, FMA, ADD, first); \
	SUBQ         avx512Group8Args_alignBytes(DI), SI;    \
	SUBQ         $2, R8;                                 \
	SUBQ         $2, R9;                                 \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	DECQ         AX;                                     \
group:                                                   \
	G8GROUP(ALIGN, G8HALF_HI, CODES, ZERO, FMA, ADD, rest); \
	DECQ         AX;                                     \
	JNZ          group;                                  \
	LEAQ         (R10)(BX*2), R11;                       \
	OUT;                                                 \
	ADDQ         $64, R10;                               \
	MOVQ         avx512Group8Args_rowBytes(DI), AX;      \
	SHLQ         $4, AX;                                 \
	ADDQ         AX, R14;                                \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	SHLQ         $5, AX;                                 \
	ADDQ         AX, R15;                                \
	ADDQ         AX, R12;                                \
	SUBQ         $16, DX;                                \
	CMPQ         DX, $16;                                \
	JAE          batch;                                  \
last:                                                    \
	TESTQ        DX, DX;                                 \
	JZ           done;                                   \
	MOVQ         $-1, AX;                                \
	BZHIQ        DX, AX, R11;                            \
	KMOVW        R11, K2;                                \
	MOVQ         $16, DX;                                \
	JMP          batch;                                  \
done:                                                    \
	VZEROUPPER;                                          \
	RET

G8DOT(·avx512DotG8W2X1, G8ALIGN_W2, G8CODES_W2, G8TOT1, G8ZERO1, G8FMA1, G8ADD1, G8OUT1)
G8DOT(·avx512DotG8W2X2, G8ALIGN_W2, G8CODES_W2, G8TOT2, G8ZERO2, G8FMA2, G8ADD2, G8OUT2)
G8DOT(·avx512DotG8W2X3, G8ALIGN_W2, G8CODES_W2, G8TOT3, G8ZERO3, G8FMA3, G8ADD3, G8OUT3)
G8DOT(·avx512DotG8W2X4, G8ALIGN_W2, G8CODES_W2, G8TOT4, G8ZERO4, G8FMA4, G8ADD4, G8OUT4)
G8DOT(·avx512DotG8W3X1, G8ALIGN_W3, G8CODES_W3, G8TOT1, G8ZERO1, G8FMA1, G8ADD1, G8OUT1)
G8DOT(·avx512DotG8W3X2, G8ALIGN_W3, G8CODES_W3, G8TOT2, G8ZERO2, G8FMA2, G8ADD2, G8OUT2)
G8DOT(·avx512DotG8W3X3, G8ALIGN_W3, G8CODES_W3, G8TOT3, G8ZERO3, G8FMA3, G8ADD3, G8OUT3)
G8DOT(·avx512DotG8W3X4, G8ALIGN_W3, G8CODES_W3, G8TOT4, G8ZERO4, G8FMA4, G8ADD4, G8OUT4)
G8DOT(·avx512DotG8W4X1, G8ALIGN_W4, G8CODES_W4, G8TOT1, G8ZERO1, G8FMA1, G8ADD1, G8OUT1)
G8DOT(·avx512DotG8W4X2, G8ALIGN_W4, G8CODES_W4, G8TOT2, G8ZERO2, G8FMA2, G8ADD2, G8OUT2)
G8DOT(·avx512DotG8W4X3, G8ALIGN_W4, G8CODES_W4, G8TOT3, G8ZERO3, G8FMA3, G8ADD3, G8OUT3)
G8DOT(·avx512DotG8W4X4, G8ALIGN_W4, G8CODES_W4, G8TOT4, G8ZERO4, G8FMA4, G8ADD4, G8OUT4)

// AddWeighted of one weight row on rows of G groups of 8 codes: group
// after group (the outer loop), the chunk's rows sixteen at a time: the
// group's codes, scale and shift gathered as Dot does, ws = w × scale, and
// acc_k += ws × code_k (Z4-Z11, one per code position), accH += w × shift
// (Z12); at the end of the group the eight acc_k are reduced across lanes
// at once (the transposed reduction of avx2_dotrow8_amd64.s), mult × Σ
// accH added to each, permuted into column order (VPERMPS,
// avx512Group8Args_perm) and added to y's eight columns of the group.
//
// Instructions per 32 values (16 rows × 8 codes = 128 values per group
// and batch): 3 gathers (2 symmetric) + the weights, their products (3) +
// 8 × (shift, AND, convert, FMA) ≈ 41 per 128 ≈ 10 per 32, plus about 30
// per group of the chunk for the reduction.

// G8AWCODES_W<bits>: the eight positions, each into its accumulator
// (Z4 + k) times w × scale (Z14).
#define G8AWCODES_W2 \
	G8C2_0; VFMADD231PS Z14, Z1, Z4;   \
	G8C2(2); VFMADD231PS Z14, Z1, Z5;  \
	G8C2(4); VFMADD231PS Z14, Z1, Z6;  \
	G8C2(6); VFMADD231PS Z14, Z1, Z7;  \
	G8C2(8); VFMADD231PS Z14, Z1, Z8;  \
	G8C2(10); VFMADD231PS Z14, Z1, Z9; \
	G8C2(12); VFMADD231PS Z14, Z1, Z10; \
	G8C2(14); VFMADD231PS Z14, Z1, Z11

#define G8AWCODES_W3 \
	VPSRLD $14, Z0, Z2;                   \
	G8C3_0; VFMADD231PS Z14, Z1, Z4;      \
	G8C3(2, 2); VFMADD231PS Z14, Z1, Z5;  \
	G8C3(4, 4); VFMADD231PS Z14, Z1, Z6;  \
	G8C3(6, 6); VFMADD231PS Z14, Z1, Z7;  \
	G8C3(8, 1); VFMADD231PS Z14, Z1, Z8;  \
	G8C3(10, 3); VFMADD231PS Z14, Z1, Z9; \
	G8C3(12, 5); VFMADD231PS Z14, Z1, Z10; \
	G8C3(14, 7); VFMADD231PS Z14, Z1, Z11

#define G8AWCODES_W4 \
	G8C4_0; VFMADD231PS Z14, Z1, Z4;    \
	G8C4(4); VFMADD231PS Z14, Z1, Z5;   \
	G8C4(8); VFMADD231PS Z14, Z1, Z6;   \
	G8C4(12); VFMADD231PS Z14, Z1, Z7;  \
	G8C4(16); VFMADD231PS Z14, Z1, Z8;  \
	G8C4(20); VFMADD231PS Z14, Z1, Z9;  \
	G8C4(24); VFMADD231PS Z14, Z1, Z10; \
	G8C4(28); VFMADD231PS Z14, Z1, Z11

// G8AWBATCH(ALIGN, HALF, CODES, LBL) is one batch of sixteen rows of the
// group: SI, R8, R9 at the group in the batch's first row, CX at its
// weights; moves them to the next batch.
#define G8AWBATCH(ALIGN, HALF, CODES, LBL) \
	KMOVW       K2, K3;                         \
	VPXORD      Z2, Z2, Z2;                     \
	VPGATHERDD  (R8)(Z31*1), K3, Z2;            \
	HALF(Z2, Y2);                               \
	VCVTPH2PS   Y2, Z2;                         \
	VMOVAPS     Z2, Z3;                         \
	CMPQ        avx512Group8Args_symmetric(DI), $0; \
	JNE         LBL;                            \
	KMOVW       K2, K3;                         \
	VPXORD      Z3, Z3, Z3;                     \
	VPGATHERDD  (R9)(Z31*1), K3, Z3;            \
	HALF(Z3, Y3);                               \
	VCVTPH2PS   Y3, Z3;                         \
LBL:                                            \
	VMOVUPS.Z   (CX), K2, Z13;                  \
	VFMADD231PS Z13, Z3, Z12;                   \
	VMULPS      Z13, Z2, Z14;                   \
	KMOVW       K2, K3;                         \
	VPXORD      Z0, Z0, Z0;                     \
	VPGATHERDD  (SI)(Z30*1), K3, Z0;            \
	ALIGN;                                      \
	CODES;                                      \
	ADDQ        R14, SI;                        \
	ADDQ        R15, R8;                        \
	ADDQ        R15, R9;                        \
	ADDQ        $64, CX

// G8AWEND reduces the group's sums and adds them to y's eight columns at
// R10 (the permutation in Y13).
#define G8AWEND \
	VEXTRACTF64X4 $1, Z4, Y15;  VADDPS Y15, Y4, Y4;   \
	VEXTRACTF64X4 $1, Z5, Y15;  VADDPS Y15, Y5, Y5;   \
	VEXTRACTF64X4 $1, Z6, Y15;  VADDPS Y15, Y6, Y6;   \
	VEXTRACTF64X4 $1, Z7, Y15;  VADDPS Y15, Y7, Y7;   \
	VEXTRACTF64X4 $1, Z8, Y15;  VADDPS Y15, Y8, Y8;   \
	VEXTRACTF64X4 $1, Z9, Y15;  VADDPS Y15, Y9, Y9;   \
	VEXTRACTF64X4 $1, Z10, Y15; VADDPS Y15, Y10, Y10; \
	VEXTRACTF64X4 $1, Z11, Y15; VADDPS Y15, Y11, Y11; \
	VHADDPS    Y5, Y4, Y4;                             \
	VHADDPS    Y7, Y6, Y6;                             \
	VHADDPS    Y9, Y8, Y8;                             \
	VHADDPS    Y11, Y10, Y10;                          \
	VHADDPS    Y6, Y4, Y4;                             \
	VHADDPS    Y10, Y8, Y8;                            \
	VPERM2F128 $0x20, Y8, Y4, Y5;                      \
	VPERM2F128 $0x31, Y8, Y4, Y6;                      \
	VADDPS     Y6, Y5, Y5;                             \
	VEXTRACTF64X4 $1, Z12, Y15; VADDPS Y15, Y12, Y12;  \
	VEXTRACTF128 $1, Y12, X15;  VADDPS X15, X12, X12;  \
	VHADDPS    X12, X12, X12;                          \
	VHADDPS    X12, X12, X12;                          \
	VMULSS     avx512Group8Args_mult(DI), X12, X12;    \
	VBROADCASTSS X12, Y12;                             \
	VADDPS     Y12, Y5, Y5;                            \
	VPERMPS    Y5, Y13, Y5;                            \
	VADDPS     (R10), Y5, Y5;                          \
	VMOVUPS    Y5, (R10)

// G8AWGROUP(ALIGN, HALF, CODES, LB, LL, LD, LS) is one group over the
// chunk's rows: SI, R8, R9 at the group in row 0, R10 at its eight
// columns of y; labels LB (batches), LL (last batch), LD (done), LS (the
// symmetric skip).
#define G8AWGROUP(ALIGN, HALF, CODES, LB, LL, LD, LS) \
	VPXORD  Z4, Z4, Z4;                     \
	VPXORD  Z5, Z5, Z5;                     \
	VPXORD  Z6, Z6, Z6;                     \
	VPXORD  Z7, Z7, Z7;                     \
	VPXORD  Z8, Z8, Z8;                     \
	VPXORD  Z9, Z9, Z9;                     \
	VPXORD  Z10, Z10, Z10;                  \
	VPXORD  Z11, Z11, Z11;                  \
	VPXORD  Z12, Z12, Z12;                  \
	MOVQ    avx512Group8Args_w(DI), CX;     \
	MOVQ    avx512Group8Args_n(DI), DX;     \
	MOVQ    $0xffff, R11;                   \
	KMOVW   R11, K2;                        \
	CMPQ    DX, $16;                        \
	JB      LL;                             \
LB:                                         \
	G8AWBATCH(ALIGN, HALF, CODES, LS);      \
	SUBQ    $16, DX;                        \
	CMPQ    DX, $16;                        \
	JAE     LB;                             \
LL:                                         \
	TESTQ   DX, DX;                         \
	JZ      LD;                             \
	MOVQ    $-1, R11;                       \
	BZHIQ   DX, R11, R11;                   \
	KMOVW   R11, K2;                        \
	MOVQ    $16, DX;                        \
	JMP     LB;                             \
LD:                                         \
	VMOVDQU avx512Group8Args_perm(DI), Y13; \
	G8AWEND

// G8AW(NAME, ALIGN, CODES) is the AddWeighted kernel of one width: y at
// avx512Group8Args_out, the weights at avx512Group8Args_w.
#define G8AW(NAME, ALIGN, CODES) \
TEXT NAME(SB), NOSPLIT, $0-8                            \
	MOVQ         a+0(FP), DI;                            \
	VPBROADCASTD avx512Group8Args_rowBytes(DI), Z30;     \
	VPMULLD      g8Iota<>(SB), Z30, Z30;                 \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	ADDQ         AX, AX;                                 \
	VPBROADCASTD AX, Z31;                                \
	VPMULLD      g8Iota<>(SB), Z31, Z31;                 \
	MOVQ         avx512Group8Args_rowBytes(DI), R14;     \
	SHLQ         $4, R14;                                \
	MOVQ         AX, R15;                                \
	SHLQ         $4, R15;                                \
	MOVQ         avx512Group8Args_out(DI), R10;          \
	MOVQ         avx512Group8Args_codes(DI), SI;         \
	MOVQ         avx512Group8Args_scales(DI), R8;        \
	MOVQ         avx512Group8Args_shifts(DI), R9;        \
	MOVQ         SI, R12;                                \
	MOVQ         R8, R13;                                \
	MOVQ         R9, BX;                                 \
	G8AWGROUP(NOP, G8HALF_LO, CODES, b0, l0, d0, s0);    \
	ADDQ         $32, R10;                               \
	MOVQ         R12, SI;                                \
	MOVQ         R13, R8;                                \
	MOVQ         BX, R9;                                 \
	ADDQ         avx512Group8Args_groupBytes(DI), SI;    \
	SUBQ         avx512Group8Args_alignBytes(DI), SI;    \
	MOVQ         SI, R12;                                \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	DECQ         AX;                                     \
	MOVQ         AX, avx512Group8Args_left(DI);          \
group:                                                   \
	MOVQ         R12, SI;                                \
	MOVQ         R13, R8;                                \
	MOVQ         BX, R9;                                 \
	G8AWGROUP(ALIGN, G8HALF_HI, CODES, b1, l1, d1, s1);  \
	ADDQ         $32, R10;                               \
	ADDQ         avx512Group8Args_groupBytes(DI), R12;   \
	ADDQ         $2, R13;                                \
	ADDQ         $2, BX;                                 \
	DECQ         avx512Group8Args_left(DI);              \
	JNZ          group;                                  \
	VZEROUPPER;                                          \
	RET

G8AW(·avx512AddWeightedG8W2X1, G8ALIGN_W2, G8AWCODES_W2)
G8AW(·avx512AddWeightedG8W3X1, G8ALIGN_W3, G8AWCODES_W3)
G8AW(·avx512AddWeightedG8W4X1, G8ALIGN_W4, G8AWCODES_W4)

// Dot on rows of G groups of 16 codes (2 <= G <= 16; 2- and 4-bit codes):
// the group-of-8 kernels' method with a group of 16 positions: 4-bit
// groups are two dwords (bytes 0-3 hold columns 0-3 and 8-11, bytes 4-7
// columns 4-7 and 12-15: the split halves of pack), gathered one after the
// other; 2-bit groups one dword (bit 2k holds column k/4 + 4(k%4)). The
// query rows' columns lie group by group, 64 bytes per query row
// (avx512Group8Args_xs as [G][4][16]float32).
//
// Instructions per 32 values (16 rows × 16 codes = 256 values per group):
// one query row, 4-bit: 4 gathers (2 of codes, scale, shift) + 16 ×
// (shift, AND, convert, FMA) + 2 FMA + about 6 ≈ 76 per 256 ≈ 9.5 per 32.

#define G16FMA1(C) VFMADD231PS.BCST (C*4)(CX), Z1, Z8
#define G16FMA2(C) G16FMA1(C); VFMADD231PS.BCST (64+C*4)(CX), Z1, Z9
#define G16FMA3(C) G16FMA2(C); VFMADD231PS.BCST (128+C*4)(CX), Z1, Z10
#define G16FMA4(C) G16FMA3(C); VFMADD231PS.BCST (192+C*4)(CX), Z1, Z11

// G16GATHER(OFF) gathers the dword at SI+OFF of each row into Z0.
#define G16GATHER(OFF) \
	KMOVW      K2, K3;             \
	VPXORD     Z0, Z0, Z0;         \
	VPGATHERDD OFF(SI)(Z30*1), K3, Z0

#define G16CODES_W4(USE) \
	G16GATHER(0);                       \
	G8C4_0; USE(0);   G8C4(4); USE(8);  \
	G8C4(8); USE(1);  G8C4(12); USE(9); \
	G8C4(16); USE(2); G8C4(20); USE(10); \
	G8C4(24); USE(3); G8C4(28); USE(11); \
	G16GATHER(4);                       \
	G8C4_0; USE(4);   G8C4(4); USE(12); \
	G8C4(8); USE(5);  G8C4(12); USE(13); \
	G8C4(16); USE(6); G8C4(20); USE(14); \
	G8C4(24); USE(7); G8C4(28); USE(15)

#define G16CODES_W2(USE) \
	G16GATHER(0);                         \
	G8C2_0; USE(0);   G8C2(2); USE(4);    \
	G8C2(4); USE(8);  G8C2(6); USE(12);   \
	G8C2(8); USE(1);  G8C2(10); USE(5);   \
	G8C2(12); USE(9); G8C2(14); USE(13);  \
	G8C2(16); USE(2); G8C2(18); USE(6);   \
	G8C2(20); USE(10); G8C2(22); USE(14); \
	G8C2(24); USE(3); G8C2(26); USE(7);   \
	G8C2(28); USE(11); G8C2(30); USE(15)

// G16GROUP(HALF, CODES, ZERO, FMA, ADD, LBL): one group of the sixteen
// rows (G8GROUP with the codes gathered by CODES).
#define G16GROUP(HALF, CODES, ZERO, FMA, ADD, LBL) \
	ZERO;                                      \
	CODES(FMA);                                \
	KMOVW      K2, K3;                         \
	VPXORD     Z2, Z2, Z2;                     \
	VPGATHERDD (R8)(Z31*1), K3, Z2;            \
	HALF(Z2, Y2);                              \
	VCVTPH2PS  Y2, Z2;                         \
	VMOVAPS    Z2, Z3;                         \
	CMPQ       avx512Group8Args_symmetric(DI), $0; \
	JNE        LBL;                            \
	KMOVW      K2, K3;                         \
	VPXORD     Z3, Z3, Z3;                     \
	VPGATHERDD (R9)(Z31*1), K3, Z3;            \
	HALF(Z3, Y3);                              \
	VCVTPH2PS  Y3, Z3;                         \
LBL:                                           \
	ADD;                                       \
	ADDQ       avx512Group8Args_groupBytes(DI), SI; \
	ADDQ       $2, R8;                         \
	ADDQ       $2, R9;                         \
	ADDQ       $256, CX;                       \
	ADDQ       $4, R13

// G16DOT(NAME, CODES, TOT, ZERO, FMA, ADD, OUT) is the Dot kernel of one
// width and number of query rows.
#define G16DOT(NAME, CODES, TOT, ZERO, FMA, ADD, OUT) \
TEXT NAME(SB), NOSPLIT, $0-8                            \
	MOVQ         a+0(FP), DI;                            \
	VPBROADCASTD avx512Group8Args_rowBytes(DI), Z30;     \
	VPMULLD      g8Iota<>(SB), Z30, Z30;                 \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	ADDQ         AX, AX;                                 \
	VPBROADCASTD AX, Z31;                                \
	VPMULLD      g8Iota<>(SB), Z31, Z31;                 \
	MOVQ         avx512Group8Args_codes(DI), R14;        \
	MOVQ         avx512Group8Args_scales(DI), R15;       \
	MOVQ         avx512Group8Args_shifts(DI), R12;       \
	MOVQ         avx512Group8Args_out(DI), R10;          \
	MOVQ         avx512Group8Args_outStride(DI), BX;     \
	MOVQ         avx512Group8Args_n(DI), DX;             \
	MOVQ         $0xffff, R11;                           \
	KMOVW        R11, K2;                                \
	CMPQ         DX, $16;                                \
	JB           last;                                   \
batch:                                                   \
	TOT;                                                 \
	MOVQ         R14, SI;                                \
	MOVQ         R15, R8;                                \
	MOVQ         R12, R9;                                \
	LEAQ         avx512Group8Args_xs(DI), CX;            \
	LEAQ         avx512Group8Args_mx(DI), R13;           \
	G16GROUP(G8HALF_LO, CODES, ZERO, FMA, ADD, first);   \
	SUBQ         $2, R8;                                 \
	SUBQ         $2, R9;                                 \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	DECQ         AX;                                     \
group:                                                   \
	G16GROUP(G8HALF_HI, CODES, ZERO, FMA, ADD, rest);    \
	DECQ         AX;                                     \
	JNZ          group;                                  \
	LEAQ         (R10)(BX*2), R11;                       \
	OUT;                                                 \
	ADDQ         $64, R10;                               \
	MOVQ         avx512Group8Args_rowBytes(DI), AX;      \
	SHLQ         $4, AX;                                 \
	ADDQ         AX, R14;                                \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	SHLQ         $5, AX;                                 \
	ADDQ         AX, R15;                                \
	ADDQ         AX, R12;                                \
	SUBQ         $16, DX;                                \
	CMPQ         DX, $16;                                \
	JAE          batch;                                  \
last:                                                    \
	TESTQ        DX, DX;                                 \
	JZ           done;                                   \
	MOVQ         $-1, AX;                                \
	BZHIQ        DX, AX, R11;                            \
	KMOVW        R11, K2;                                \
	MOVQ         $16, DX;                                \
	JMP          batch;                                  \
done:                                                    \
	VZEROUPPER;                                          \
	RET

G16DOT(·avx512DotG16W2X1, G16CODES_W2, G8TOT1, G8ZERO1, G16FMA1, G8ADD1, G8OUT1)
G16DOT(·avx512DotG16W2X2, G16CODES_W2, G8TOT2, G8ZERO2, G16FMA2, G8ADD2, G8OUT2)
G16DOT(·avx512DotG16W2X3, G16CODES_W2, G8TOT3, G8ZERO3, G16FMA3, G8ADD3, G8OUT3)
G16DOT(·avx512DotG16W2X4, G16CODES_W2, G8TOT4, G8ZERO4, G16FMA4, G8ADD4, G8OUT4)
G16DOT(·avx512DotG16W4X1, G16CODES_W4, G8TOT1, G8ZERO1, G16FMA1, G8ADD1, G8OUT1)
G16DOT(·avx512DotG16W4X2, G16CODES_W4, G8TOT2, G8ZERO2, G16FMA2, G8ADD2, G8OUT2)
G16DOT(·avx512DotG16W4X3, G16CODES_W4, G8TOT3, G8ZERO3, G16FMA3, G8ADD3, G8OUT3)
G16DOT(·avx512DotG16W4X4, G16CODES_W4, G8TOT4, G8ZERO4, G16FMA4, G8ADD4, G8OUT4)

// AddWeighted of one weight row on rows of G groups of 16 codes (2- and
// 4-bit): G8AW with sixteen code positions, their accumulators in Z4-Z19
// (Σ w × shift in Z20, the weights in Z21, w × scale in Z22); at the end
// of a group positions 0-7 and 8-15 are reduced across lanes as G8AW
// reduces eight, joined, permuted into column order (VPERMPS of 16 lanes,
// avx512Group8Args_perm16) and added to y's sixteen columns of the group.
//
// Instructions per 32 values (16 rows × 16 codes = 256 values per group
// and batch): 4 gathers (3 for 2-bit codes; one less symmetric) + 3 for
// the weights + 16 × (shift, AND, convert, FMA) ≈ 71 per 256 ≈ 9 per 32,
// plus about 50 per group of the chunk for the reduction.

#define G16AWK(C, ACC) VFMADD231PS Z22, Z1, ACC

#define G16AWCODES_W4 \
	G16GATHER(0);                                                 \
	G8C4_0; G16AWK(0, Z4);     G8C4(4); G16AWK(1, Z5);            \
	G8C4(8); G16AWK(2, Z6);    G8C4(12); G16AWK(3, Z7);           \
	G8C4(16); G16AWK(4, Z8);   G8C4(20); G16AWK(5, Z9);           \
	G8C4(24); G16AWK(6, Z10);  G8C4(28); G16AWK(7, Z11);          \
	G16GATHER(4);                                                 \
	G8C4_0; G16AWK(8, Z12);    G8C4(4); G16AWK(9, Z13);           \
	G8C4(8); G16AWK(10, Z14);  G8C4(12); G16AWK(11, Z15);         \
	G8C4(16); G16AWK(12, Z16); G8C4(20); G16AWK(13, Z17);         \
	G8C4(24); G16AWK(14, Z18); G8C4(28); G16AWK(15, Z19)

#define G16AWCODES_W2 \
	G16GATHER(0);                                                 \
	G8C2_0; G16AWK(0, Z4);     G8C2(2); G16AWK(1, Z5);            \
	G8C2(4); G16AWK(2, Z6);    G8C2(6); G16AWK(3, Z7);            \
	G8C2(8); G16AWK(4, Z8);    G8C2(10); G16AWK(5, Z9);           \
	G8C2(12); G16AWK(6, Z10);  G8C2(14); G16AWK(7, Z11);          \
	G8C2(16); G16AWK(8, Z12);  G8C2(18); G16AWK(9, Z13);          \
	G8C2(20); G16AWK(10, Z14); G8C2(22); G16AWK(11, Z15);         \
	G8C2(24); G16AWK(12, Z16); G8C2(26); G16AWK(13, Z17);         \
	G8C2(28); G16AWK(14, Z18); G8C2(30); G16AWK(15, Z19)

// G16AWBATCH(HALF, CODES, LBL): one batch of sixteen rows of the group.
#define G16AWBATCH(HALF, CODES, LBL) \
	KMOVW       K2, K3;                         \
	VPXORD      Z2, Z2, Z2;                     \
	VPGATHERDD  (R8)(Z31*1), K3, Z2;            \
	HALF(Z2, Y2);                               \
	VCVTPH2PS   Y2, Z2;                         \
	VMOVAPS     Z2, Z3;                         \
	CMPQ        avx512Group8Args_symmetric(DI), $0; \
	JNE         LBL;                            \
	KMOVW       K2, K3;                         \
	VPXORD      Z3, Z3, Z3;                     \
	VPGATHERDD  (R9)(Z31*1), K3, Z3;            \
	HALF(Z3, Y3);                               \
	VCVTPH2PS   Y3, Z3;                         \
LBL:                                            \
	VMOVUPS.Z   (CX), K2, Z21;                  \
	VFMADD231PS Z21, Z3, Z20;                   \
	VMULPS      Z21, Z2, Z22;                   \
	CODES;                                      \
	ADDQ        R14, SI;                        \
	ADDQ        R15, R8;                        \
	ADDQ        R15, R9;                        \
	ADDQ        $64, CX

// G16FOLD8 adds the upper halves of Z4-Z11 into Y4-Y11 (Y23 scratch);
// G16RED8 reduces them to one vector of their sums, in order, in Y5.
#define G16FOLD8 \
	VEXTRACTF64X4 $1, Z4, Y23;  VADDPS Y23, Y4, Y4;   \
	VEXTRACTF64X4 $1, Z5, Y23;  VADDPS Y23, Y5, Y5;   \
	VEXTRACTF64X4 $1, Z6, Y23;  VADDPS Y23, Y6, Y6;   \
	VEXTRACTF64X4 $1, Z7, Y23;  VADDPS Y23, Y7, Y7;   \
	VEXTRACTF64X4 $1, Z8, Y23;  VADDPS Y23, Y8, Y8;   \
	VEXTRACTF64X4 $1, Z9, Y23;  VADDPS Y23, Y9, Y9;   \
	VEXTRACTF64X4 $1, Z10, Y23; VADDPS Y23, Y10, Y10; \
	VEXTRACTF64X4 $1, Z11, Y23; VADDPS Y23, Y11, Y11

#define G16RED8 \
	VHADDPS    Y5, Y4, Y4;     \
	VHADDPS    Y7, Y6, Y6;     \
	VHADDPS    Y9, Y8, Y8;     \
	VHADDPS    Y11, Y10, Y10;  \
	VHADDPS    Y6, Y4, Y4;     \
	VHADDPS    Y10, Y8, Y8;    \
	VPERM2F128 $0x20, Y8, Y4, Y5; \
	VPERM2F128 $0x31, Y8, Y4, Y6; \
	VADDPS     Y6, Y5, Y5

#define G16AWEND \
	G16FOLD8;                                          \
	G16RED8;                                           \
	VMOVAPS    Y5, Y24;                                \
	VMOVAPS    Z12, Z4;                                \
	VMOVAPS    Z13, Z5;                                \
	VMOVAPS    Z14, Z6;                                \
	VMOVAPS    Z15, Z7;                                \
	VMOVAPS    Z16, Z8;                                \
	VMOVAPS    Z17, Z9;                                \
	VMOVAPS    Z18, Z10;                               \
	VMOVAPS    Z19, Z11;                               \
	G16FOLD8;                                          \
	G16RED8;                                           \
	VINSERTF64X4 $1, Y5, Z24, Z24;                     \
	VEXTRACTF64X4 $1, Z20, Y23; VADDPS Y23, Y20, Y20;  \
	VEXTRACTF32X4 $1, Y20, X23; VADDPS X23, X20, X20;  \
	VMOVAPS    X20, X12;                               \
	VHADDPS    X12, X12, X12;                          \
	VHADDPS    X12, X12, X12;                          \
	VMULSS     avx512Group8Args_mult(DI), X12, X12;    \
	VBROADCASTSS X12, Z25;                             \
	VADDPS     Z25, Z24, Z24;                          \
	VMOVDQU32  avx512Group8Args_perm16(DI), Z25;       \
	VPERMPS    Z24, Z25, Z24;                          \
	VADDPS     (R10), Z24, Z24;                        \
	VMOVUPS    Z24, (R10)

// G16AWGROUP(HALF, CODES, LB, LL, LD, LS): one group over the chunk.
#define G16AWGROUP(HALF, CODES, LB, LL, LD, LS) \
	VPXORD  Z4, Z4, Z4;                     \
	VPXORD  Z5, Z5, Z5;                     \
	VPXORD  Z6, Z6, Z6;                     \
	VPXORD  Z7, Z7, Z7;                     \
	VPXORD  Z8, Z8, Z8;                     \
	VPXORD  Z9, Z9, Z9;                     \
	VPXORD  Z10, Z10, Z10;                  \
	VPXORD  Z11, Z11, Z11;                  \
	VPXORD  Z12, Z12, Z12;                  \
	VPXORD  Z13, Z13, Z13;                  \
	VPXORD  Z14, Z14, Z14;                  \
	VPXORD  Z15, Z15, Z15;                  \
	VPXORD  Z16, Z16, Z16;                  \
	VPXORD  Z17, Z17, Z17;                  \
	VPXORD  Z18, Z18, Z18;                  \
	VPXORD  Z19, Z19, Z19;                  \
	VPXORD  Z20, Z20, Z20;                  \
	MOVQ    avx512Group8Args_w(DI), CX;     \
	MOVQ    avx512Group8Args_n(DI), DX;     \
	MOVQ    $0xffff, R11;                   \
	KMOVW   R11, K2;                        \
	CMPQ    DX, $16;                        \
	JB      LL;                             \
LB:                                         \
	G16AWBATCH(HALF, CODES, LS);            \
	SUBQ    $16, DX;                        \
	CMPQ    DX, $16;                        \
	JAE     LB;                             \
LL:                                         \
	TESTQ   DX, DX;                         \
	JZ      LD;                             \
	MOVQ    $-1, R11;                       \
	BZHIQ   DX, R11, R11;                   \
	KMOVW   R11, K2;                        \
	MOVQ    $16, DX;                        \
	JMP     LB;                             \
LD:                                         \
	G16AWEND

// G16AW(NAME, CODES) is the AddWeighted kernel of one width.
#define G16AW(NAME, CODES) \
TEXT NAME(SB), NOSPLIT, $0-8                            \
	MOVQ         a+0(FP), DI;                            \
	VPBROADCASTD avx512Group8Args_rowBytes(DI), Z30;     \
	VPMULLD      g8Iota<>(SB), Z30, Z30;                 \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	ADDQ         AX, AX;                                 \
	VPBROADCASTD AX, Z31;                                \
	VPMULLD      g8Iota<>(SB), Z31, Z31;                 \
	MOVQ         avx512Group8Args_rowBytes(DI), R14;     \
	SHLQ         $4, R14;                                \
	MOVQ         AX, R15;                                \
	SHLQ         $4, R15;                                \
	MOVQ         avx512Group8Args_out(DI), R10;          \
	MOVQ         avx512Group8Args_codes(DI), SI;         \
	MOVQ         avx512Group8Args_scales(DI), R8;        \
	MOVQ         avx512Group8Args_shifts(DI), R9;        \
	MOVQ         SI, R12;                                \
	MOVQ         R8, R13;                                \
	MOVQ         R9, BX;                                 \
	G16AWGROUP(G8HALF_LO, CODES, b0, l0, d0, s0);        \
	ADDQ         $64, R10;                               \
	MOVQ         avx512Group8Args_groupBytes(DI), AX;    \
	ADDQ         AX, R12;                                \
	MOVQ         avx512Group8Args_groups(DI), AX;        \
	DECQ         AX;                                     \
	MOVQ         AX, avx512Group8Args_left(DI);          \
group:                                                   \
	MOVQ         R12, SI;                                \
	MOVQ         R13, R8;                                \
	MOVQ         BX, R9;                                 \
	G16AWGROUP(G8HALF_HI, CODES, b1, l1, d1, s1);        \
	ADDQ         $64, R10;                               \
	ADDQ         avx512Group8Args_groupBytes(DI), R12;   \
	ADDQ         $2, R13;                                \
	ADDQ         $2, BX;                                 \
	DECQ         avx512Group8Args_left(DI);              \
	JNZ          group;                                  \
	VZEROUPPER;                                          \
	RET

G16AW(·avx512AddWeightedG16W2X1, G16AWCODES_W2)
G16AW(·avx512AddWeightedG16W4X1, G16AWCODES_W4)
