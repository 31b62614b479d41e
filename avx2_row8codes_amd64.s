//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"

// Dot and AddWeighted on rows of 8 codes that are one group of 8 (head
// dimension 8: stories260K), 2-, 3- and 4-bit codes, eight rows at a time
// with lane r holding row r (avx2Row8Args, avx2_row8codes_amd64.go).
//
// The codes of eight rows are loaded as eight dwords (row r in dword r:
// 4-bit rows are 4 bytes, 2-bit rows 2 bytes zero-extended, 3-bit rows 3
// bytes spread by one VPSHUFB), and code position k of every row is one
// shift and one AND away (3-bit: two of each and an OR), so that a vector
// holds the same column of the eight rows and no sum ever crosses lanes:
//
//   - Dot: acc_j += code_k × x_j[col(k)] (x_j's column broadcast ahead
//     into avx2Row8Args_xb), then out_j = scale × acc_j + shift × mx_j
//     (mx_j = mult × Σx_j), stored for the eight rows at once. Each row's
//     sum is formed in the same order (k = 0 … 7) wherever the row sits.
//   - AddWeighted (one weight row): acc_k += (w × scale) × code_k and
//     accH += w × shift over all rows; at the end the eight acc_k are
//     reduced across lanes at once (the transposed reduction of
//     avx2_dotrow8_amd64.s) into avx2Row8Args_red[k], and accH's lanes
//     are stored after them; the Go side adds them to y[col(k)].
//
// col(k), the column code position k holds: 2- and 3-bit codes 0 2 4 6
// 1 3 5 7 (bits 2k of the 2-bit plane), 4-bit codes 0 4 1 5 2 6 3 7 (the
// nibbles in byte order); the 1-bit plane of 3-bit codes holds column c
// at bit 16+c of the dword.
//
// Instructions per 32 values (four rows), one query or weight row:
// 4-bit 0.25 load + 8 × (shift, AND, convert, FMA) / 2 + 1 (Dot's scale
// and shift; AddWeighted's weight, scale and shift) ≈ 17.5; 2-bit the
// same; 3-bit 8 × (2 shifts, 2 ANDs, OR, convert, FMA) / 2 + 1.5 ≈ 30.
// Each further query row of Dot adds 4 FMA and 0.5 for its output.

// 3 in every dword: a 2-bit code.
DATA row8Mask3<>+0(SB)/8, $0x0000000300000003
DATA row8Mask3<>+8(SB)/8, $0x0000000300000003
DATA row8Mask3<>+16(SB)/8, $0x0000000300000003
DATA row8Mask3<>+24(SB)/8, $0x0000000300000003
GLOBL row8Mask3<>(SB), RODATA|NOPTR, $32

// 4 in every dword: the 1-bit plane's bit in a 3-bit code.
DATA row8Mask4<>+0(SB)/8, $0x0000000400000004
DATA row8Mask4<>+8(SB)/8, $0x0000000400000004
DATA row8Mask4<>+16(SB)/8, $0x0000000400000004
DATA row8Mask4<>+24(SB)/8, $0x0000000400000004
GLOBL row8Mask4<>(SB), RODATA|NOPTR, $32

// 15 in every dword: a 4-bit code.
DATA row8Mask15<>+0(SB)/8, $0x0000000f0000000f
DATA row8Mask15<>+8(SB)/8, $0x0000000f0000000f
DATA row8Mask15<>+16(SB)/8, $0x0000000f0000000f
DATA row8Mask15<>+24(SB)/8, $0x0000000f0000000f
GLOBL row8Mask15<>(SB), RODATA|NOPTR, $32

// VPSHUFB indexes that put the 3 bytes of row r in dword r, zero above:
// the low half reads rows 0-3 from bytes 0-11, the high half rows 4-7
// from bytes 12-23, loaded as bytes 8-23 (row 4 at its byte 4).
DATA row8Spread3<>+0(SB)/8, $0x8005040380020100
DATA row8Spread3<>+8(SB)/8, $0x800b0a0980080706
DATA row8Spread3<>+16(SB)/8, $0x8009080780060504
DATA row8Spread3<>+24(SB)/8, $0x800f0e0d800c0b0a
GLOBL row8Spread3<>(SB), RODATA|NOPTR, $32

// The loads: the eight rows' codes at SI into the dwords of Y0 (3-bit:
// and Y0 >> 14 into Y2, the 1-bit plane at bits 2-9), SI moved on.
#define LOAD_W2 \
	VPMOVZXWD (SI), Y0; \
	ADDQ      $16, SI

#define LOAD_W4 \
	VMOVDQU (SI), Y0; \
	ADDQ    $32, SI

#define LOAD_W3 \
	VMOVDQU     (SI), X0;                 \
	VINSERTI128 $1, 8(SI), Y0, Y0;        \
	VPSHUFB     row8Spread3<>(SB), Y0, Y0; \
	VPSRLD      $14, Y0, Y2;              \
	ADDQ        $24, SI

// The code of position k as float32 in Y1. C2 and C4 take the shift of
// the code's bits; C3 the shift of its 2-bit part and its column (the
// 1-bit part's shift in Y2); the first position of each needs no shift.
#define C2(SH) \
	VPSRLD    $SH, Y0, Y1;              \
	VPAND     row8Mask3<>(SB), Y1, Y1; \
	VCVTDQ2PS Y1, Y1

#define C2_0 \
	VPAND     row8Mask3<>(SB), Y0, Y1; \
	VCVTDQ2PS Y1, Y1

#define C4(SH) \
	VPSRLD    $SH, Y0, Y1;               \
	VPAND     row8Mask15<>(SB), Y1, Y1; \
	VCVTDQ2PS Y1, Y1

#define C4_0 \
	VPAND     row8Mask15<>(SB), Y0, Y1; \
	VCVTDQ2PS Y1, Y1

#define C3(SH, COL) \
	VPSRLD    $SH, Y0, Y1;              \
	VPAND     row8Mask3<>(SB), Y1, Y1; \
	VPSRLD    $COL, Y2, Y3;             \
	VPAND     row8Mask4<>(SB), Y3, Y3; \
	VPOR      Y3, Y1, Y1;               \
	VCVTDQ2PS Y1, Y1

#define C3_0 \
	VPAND     row8Mask3<>(SB), Y0, Y1; \
	VPAND     row8Mask4<>(SB), Y2, Y3; \
	VPOR      Y3, Y1, Y1;               \
	VCVTDQ2PS Y1, Y1

// CODES_W<bits>(USE) decodes the eight positions in order, USE(k, Y4+k)
// after each.
#define CODES_W2(USE) \
	C2_0; USE(0, Y4);   \
	C2(2); USE(1, Y5);  \
	C2(4); USE(2, Y6);  \
	C2(6); USE(3, Y7);  \
	C2(8); USE(4, Y8);  \
	C2(10); USE(5, Y9); \
	C2(12); USE(6, Y10); \
	C2(14); USE(7, Y11)

#define CODES_W3(USE) \
	C3_0; USE(0, Y4);      \
	C3(2, 2); USE(1, Y5);  \
	C3(4, 4); USE(2, Y6);  \
	C3(6, 6); USE(3, Y7);  \
	C3(8, 1); USE(4, Y8);  \
	C3(10, 3); USE(5, Y9); \
	C3(12, 5); USE(6, Y10); \
	C3(14, 7); USE(7, Y11)

#define CODES_W4(USE) \
	C4_0; USE(0, Y4);   \
	C4(4); USE(1, Y5);  \
	C4(8); USE(2, Y6);  \
	C4(12); USE(3, Y7); \
	C4(16); USE(4, Y8); \
	C4(20); USE(5, Y9); \
	C4(24); USE(6, Y10); \
	C4(28); USE(7, Y11)

// XB(J, C) broadcasts column C of query row J (at CX) into
// avx2Row8Args_xb (AX) as the block of position K; XB_W<bits>(J) all
// eight in the width's order.
#define XB(J, K, C) \
	VBROADCASTSS (J*32+C*4)(CX), Y1; \
	VMOVUPS      Y1, (J*256+K*32)(AX)

#define XB_W2(J) \
	XB(J, 0, 0); XB(J, 1, 2); XB(J, 2, 4); XB(J, 3, 6); \
	XB(J, 4, 1); XB(J, 5, 3); XB(J, 6, 5); XB(J, 7, 7)

#define XB_W3(J) XB_W2(J)

#define XB_W4(J) \
	XB(J, 0, 0); XB(J, 1, 4); XB(J, 2, 1); XB(J, 3, 5); \
	XB(J, 4, 2); XB(J, 5, 6); XB(J, 6, 3); XB(J, 7, 7)

// Per number of query rows: the broadcasts (XBS), the accumulators Y4-Y7
// cleared (ZEROQ), position K multiplied into them (FMAQ), and the output
// (OUTQ: scale in Y2, shift in Y3, mx_j in Y8+j; R10 out of row 0, BX its
// stride, R11 = R10 + 2 BX).
#define XBS1(XO) XO(0)
#define XBS2(XO) XO(0); XO(1)
#define XBS3(XO) XO(0); XO(1); XO(2)
#define XBS4(XO) XO(0); XO(1); XO(2); XO(3)

#define ZEROQ1 VXORPS Y4, Y4, Y4
#define ZEROQ2 ZEROQ1; VXORPS Y5, Y5, Y5
#define ZEROQ3 ZEROQ2; VXORPS Y6, Y6, Y6
#define ZEROQ4 ZEROQ3; VXORPS Y7, Y7, Y7

#define FMAQ1(K, ACC) VFMADD231PS (K*32)(AX), Y1, Y4
#define FMAQ2(K, ACC) FMAQ1(K, ACC); VFMADD231PS (256+K*32)(AX), Y1, Y5
#define FMAQ3(K, ACC) FMAQ2(K, ACC); VFMADD231PS (512+K*32)(AX), Y1, Y6
#define FMAQ4(K, ACC) FMAQ3(K, ACC); VFMADD231PS (768+K*32)(AX), Y1, Y7

#define OUT(MX, ACC, DST) \
	VMULPS      MX, Y3, Y12;  \
	VFMADD231PS Y2, ACC, Y12; \
	VMOVUPS     Y12, DST

#define OUTQ1 OUT(Y8, Y4, (R10))
#define OUTQ2 OUTQ1; OUT(Y9, Y5, (R10)(BX*1))
#define OUTQ3 OUTQ2; OUT(Y10, Y6, (R11))
#define OUTQ4 OUTQ3; OUT(Y11, Y7, (R11)(BX*1))

// DOTROW8(NAME, LOAD, CODES, XO, XBS, ZEROQ, FMAQ, OUTQ) is the Dot
// kernel of one width and number of query rows.
#define DOTROW8(NAME, LOAD, CODES, XO, XBS, ZEROQ, FMAQ, OUTQ) \
TEXT NAME(SB), NOSPLIT, $0-8                       \
	MOVQ         a+0(FP), DI;                       \
	MOVQ         avx2Row8Args_x(DI), CX;            \
	LEAQ         avx2Row8Args_xb(DI), AX;           \
	XBS(XO);                                        \
	VBROADCASTSS avx2Row8Args_mx+0(DI), Y8;         \
	VBROADCASTSS avx2Row8Args_mx+4(DI), Y9;         \
	VBROADCASTSS avx2Row8Args_mx+8(DI), Y10;        \
	VBROADCASTSS avx2Row8Args_mx+12(DI), Y11;       \
	MOVQ         avx2Row8Args_codes(DI), SI;        \
	MOVQ         avx2Row8Args_scales(DI), R8;       \
	MOVQ         avx2Row8Args_shifts(DI), R9;       \
	MOVQ         avx2Row8Args_out(DI), R10;         \
	MOVQ         avx2Row8Args_outStride(DI), BX;    \
	MOVQ         avx2Row8Args_n(DI), DX;            \
	SHRQ         $3, DX;                            \
	JZ           done;                              \
loop:                                               \
	LOAD;                                           \
	ZEROQ;                                          \
	CODES(FMAQ);                                    \
	VCVTPH2PS    (R8), Y2;                          \
	VCVTPH2PS    (R9), Y3;                          \
	ADDQ         $16, R8;                           \
	ADDQ         $16, R9;                           \
	LEAQ         (R10)(BX*2), R11;                  \
	OUTQ;                                           \
	ADDQ         $32, R10;                          \
	DECQ         DX;                                \
	JNZ          loop;                              \
done:                                               \
	VZEROUPPER;                                     \
	RET

DOTROW8(·avx2DotRow8W2X1, LOAD_W2, CODES_W2, XB_W2, XBS1, ZEROQ1, FMAQ1, OUTQ1)
DOTROW8(·avx2DotRow8W2X2, LOAD_W2, CODES_W2, XB_W2, XBS2, ZEROQ2, FMAQ2, OUTQ2)
DOTROW8(·avx2DotRow8W2X3, LOAD_W2, CODES_W2, XB_W2, XBS3, ZEROQ3, FMAQ3, OUTQ3)
DOTROW8(·avx2DotRow8W2X4, LOAD_W2, CODES_W2, XB_W2, XBS4, ZEROQ4, FMAQ4, OUTQ4)
DOTROW8(·avx2DotRow8W3X1, LOAD_W3, CODES_W3, XB_W3, XBS1, ZEROQ1, FMAQ1, OUTQ1)
DOTROW8(·avx2DotRow8W3X2, LOAD_W3, CODES_W3, XB_W3, XBS2, ZEROQ2, FMAQ2, OUTQ2)
DOTROW8(·avx2DotRow8W3X3, LOAD_W3, CODES_W3, XB_W3, XBS3, ZEROQ3, FMAQ3, OUTQ3)
DOTROW8(·avx2DotRow8W3X4, LOAD_W3, CODES_W3, XB_W3, XBS4, ZEROQ4, FMAQ4, OUTQ4)
DOTROW8(·avx2DotRow8W4X1, LOAD_W4, CODES_W4, XB_W4, XBS1, ZEROQ1, FMAQ1, OUTQ1)
DOTROW8(·avx2DotRow8W4X2, LOAD_W4, CODES_W4, XB_W4, XBS2, ZEROQ2, FMAQ2, OUTQ2)
DOTROW8(·avx2DotRow8W4X3, LOAD_W4, CODES_W4, XB_W4, XBS3, ZEROQ3, FMAQ3, OUTQ3)
DOTROW8(·avx2DotRow8W4X4, LOAD_W4, CODES_W4, XB_W4, XBS4, ZEROQ4, FMAQ4, OUTQ4)

// AddWeighted: position K into its accumulator ACC (Y4+K), times w × scale
// (Y13).
#define AWK(K, ACC) VFMADD231PS Y13, Y1, ACC

// ADDWROW8(NAME, LOAD, CODES) is the AddWeighted kernel of one width, one
// weight row (at avx2Row8Args_x).
#define ADDWROW8(NAME, LOAD, CODES) \
TEXT NAME(SB), NOSPLIT, $0-8                 \
	MOVQ        a+0(FP), DI;                  \
	MOVQ        avx2Row8Args_x(DI), CX;       \
	MOVQ        avx2Row8Args_codes(DI), SI;   \
	MOVQ        avx2Row8Args_scales(DI), R8;  \
	MOVQ        avx2Row8Args_shifts(DI), R9;  \
	MOVQ        avx2Row8Args_n(DI), DX;       \
	VXORPS      Y4, Y4, Y4;                   \
	VXORPS      Y5, Y5, Y5;                   \
	VXORPS      Y6, Y6, Y6;                   \
	VXORPS      Y7, Y7, Y7;                   \
	VXORPS      Y8, Y8, Y8;                   \
	VXORPS      Y9, Y9, Y9;                   \
	VXORPS      Y10, Y10, Y10;                \
	VXORPS      Y11, Y11, Y11;                \
	VXORPS      Y12, Y12, Y12;                \
	SHRQ        $3, DX;                       \
	JZ          done;                         \
loop:                                         \
	VMOVUPS     (CX), Y14;                    \
	VCVTPH2PS   (R9), Y13;                    \
	VFMADD231PS Y13, Y14, Y12;                \
	VCVTPH2PS   (R8), Y13;                    \
	VMULPS      Y14, Y13, Y13;                \
	LOAD;                                     \
	CODES(AWK);                               \
	ADDQ        $32, CX;                      \
	ADDQ        $16, R8;                      \
	ADDQ        $16, R9;                      \
	DECQ        DX;                           \
	JNZ         loop;                         \
done:                                         \
	VHADDPS     Y5, Y4, Y4;                   \
	VHADDPS     Y7, Y6, Y6;                   \
	VHADDPS     Y9, Y8, Y8;                   \
	VHADDPS     Y11, Y10, Y10;                \
	VHADDPS     Y6, Y4, Y4;                   \
	VHADDPS     Y10, Y8, Y8;                  \
	VPERM2F128  $0x20, Y8, Y4, Y5;            \
	VPERM2F128  $0x31, Y8, Y4, Y6;            \
	VADDPS      Y6, Y5, Y5;                   \
	VMOVUPS     Y5, avx2Row8Args_red(DI);     \
	VMOVUPS     Y12, avx2Row8Args_red+32(DI); \
	VZEROUPPER;                               \
	RET

ADDWROW8(·avx2AddWeightedRow8W2X1, LOAD_W2, CODES_W2)
ADDWROW8(·avx2AddWeightedRow8W3X1, LOAD_W3, CODES_W3)
ADDWROW8(·avx2AddWeightedRow8W4X1, LOAD_W4, CODES_W4)
