//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// AddWeighted by column strips (avx2AddWeightedStripArgs, see
// avx2_addweighted_strip_amd64.go): one or two weight rows j over a strip
// of 32 columns of every row i of a chunk, the 32 sums per weight row held
// in registers across the rows and added to y once at the end:
//
//	y_j[c] += Σ_i w_j[i] * value(i, c)       for the strip's columns c
//
// where value is the fp16 or float32 value, or for codes scale*q + shift
// (shift = min, or scale*mult for symmetric codes with mult = -2^(bits-1)),
// formed once per block for both weight rows. Unlike the kernels of
// avx2_addweighted_amd64.s, which load, add and store y for every row, the
// loop over rows does no store.
//
// Registers: SI, R8, R9 plane bases of the row's group (codes) or the row
// at the strip (floats), DX = 4 × the strip's block in its group (codes),
// R12 bytes per row, R10 scales, R11 shifts, R13 bytes between the rows'
// scales, R14 rows left, AX w_0[i] (w_1[i] at (AX)(BX*1)), CX the
// prefetch 16 rows ahead; Y3 scale, Y4 shift, Y14 and Y15 the row's
// weights, Y6-Y9 and Y10-Y13 the sums of weight rows 0 and 1 (chunks 0-3
// of 8 columns).
//
// Prefetch: each row prefetches the strip's line 16 rows ahead; for float
// rows, the first strip of a chunk prefetches those rows whole
// (pfLines), so the later strips, which read other lines of the same rows,
// find them in cache (from DRAM, fp16 rows of 128 values, 4 weight rows:
// about 1.5× the speed without prefetch).
//
// Instructions per row and strip of 32 values: codes unpack and convert
// as Dot (2-bit: 1 load, 7 integer ops, 4 conversions) and 4 FMAs for
// the values, then 4 FMAs per weight row, plus 6 for the row's scale,
// shift and weights; fp16 4 conversions from memory, float32 4 loads,
// then 4 FMAs per weight row.

// A chunk of 8 code values (Y0) dequantized, then times each weight.
#define SC1(A0, A1) \
	VFMADD213PS Y4, Y3, Y0;  \
	VFMADD231PS Y0, Y14, A0
#define SC2(A0, A1) \
	SC1(A0, A1);             \
	VFMADD231PS Y0, Y15, A1

// The row's scale and shift (times mult), and weights.
#define SPARAMS \
	VPBROADCASTW (R10), X3;                          \
	VCVTPH2PS    X3, Y3;                             \
	VPBROADCASTW (R11), X4;                          \
	VCVTPH2PS    X4, Y4;                             \
	VMULPS       avx2AddWeightedStripArgs_mult(DI), Y4, Y4
#define SW1 VBROADCASTSS (AX), Y14
#define SW2 SW1; VBROADCASTSS (AX)(BX*1), Y15

// The sums added to y: weight row 0 at (AX), row 1 at (AX)(BX*1).
#define SYADD(k, ADDR, A) \
	VADDPS  (k*32)ADDR, A, A; \
	VMOVUPS A, (k*32)ADDR
#define SY1 \
	SYADD(0, (AX), Y6); \
	SYADD(1, (AX), Y7); \
	SYADD(2, (AX), Y8); \
	SYADD(3, (AX), Y9)
#define SY2 \
	SY1;                        \
	SYADD(0, (AX)(BX*1), Y10); \
	SYADD(1, (AX)(BX*1), Y11); \
	SYADD(2, (AX)(BX*1), Y12); \
	SYADD(3, (AX)(BX*1), Y13)

#define SZERO \
	VXORPS Y6, Y6, Y6; \
	VXORPS Y7, Y7, Y7; \
	ZERO_Y8_13

// The end of a strip kernel: the sums into y.
#define SEND(SY) \
	MOVQ avx2AddWeightedStripArgs_y(DI), AX;       \
	MOVQ avx2AddWeightedStripArgs_yStride(DI), BX; \
	SY;                                            \
	VZEROUPPER;                                    \
	RET

// SLOAD loads the arguments of a codes kernel's row loop: AX w, BX its
// stride, DX k, R12 bytes per row, R14 rows (R13, the bytes between the
// rows' scales, each kernel loads: fp16 or float32 scales).
#define SLOAD \
	MOVQ avx2AddWeightedStripArgs_w(DI), AX;         \
	MOVQ avx2AddWeightedStripArgs_wStride(DI), BX;   \
	MOVQ avx2AddWeightedStripArgs_k(DI), DX;         \
	MOVQ avx2AddWeightedStripArgs_rowBytes(DI), R12; \
	MOVQ avx2Walk_rows(DI), R14

// STRIPW(NAME, BLK, SW, SY): the kernel of codes of one width (BLK, its
// FBLKn) and one or two weight rows (SW, SY and CHUNK0-3).
#define STRIPW(NAME, BLK, SW, SY) \
	WALK_TEXT(NAME, R10, R11);                          \
	SLOAD;                                              \
	MOVQ avx2AddWeightedStripArgs_scaleStride(DI), R13; \
	MOVQ R12, CX;                                       \
	SHLQ $4, CX;                                        \
	SZERO;                                              \
row:                                                    \
	PREFETCHT0 (SI)(CX*1);                              \
	SPARAMS;                                            \
	SW;                                                 \
	BLK;                                                \
	PLANES_ADD(R12);                                    \
	ADDQ R13, R10;                                      \
	ADDQ R13, R11;                                      \
	ADDQ $4, AX;                                        \
	DECQ R14;                                           \
	JNZ  row;                                           \
	SEND(SY)

#define CHUNK0 SC1(Y6, Y10)
#define CHUNK1 SC1(Y7, Y11)
#define CHUNK2 SC1(Y8, Y12)
#define CHUNK3 SC1(Y9, Y13)
STRIPW(·avx2AddWeightedStripW2X1, FBLK2, SW1, SY1)
STRIPW(·avx2AddWeightedStripW3X1, FBLK3, SW1, SY1)
STRIPW(·avx2AddWeightedStripW4X1, FBLK4, SW1, SY1)
STRIPW(·avx2AddWeightedStripW5X1, FBLK5, SW1, SY1)
STRIPW(·avx2AddWeightedStripW6X1, FBLK6, SW1, SY1)
STRIPW(·avx2AddWeightedStripW7X1, FBLK7, SW1, SY1)
STRIPW(·avx2AddWeightedStripW8X1, FBLK8, SW1, SY1)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

#define CHUNK0 SC2(Y6, Y10)
#define CHUNK1 SC2(Y7, Y11)
#define CHUNK2 SC2(Y8, Y12)
#define CHUNK3 SC2(Y9, Y13)
STRIPW(·avx2AddWeightedStripW2X2, FBLK2, SW2, SY2)
STRIPW(·avx2AddWeightedStripW3X2, FBLK3, SW2, SY2)
STRIPW(·avx2AddWeightedStripW4X2, FBLK4, SW2, SY2)
STRIPW(·avx2AddWeightedStripW5X2, FBLK5, SW2, SY2)
STRIPW(·avx2AddWeightedStripW6X2, FBLK6, SW2, SY2)
STRIPW(·avx2AddWeightedStripW7X2, FBLK7, SW2, SY2)
STRIPW(·avx2AddWeightedStripW8X2, FBLK8, SW2, SY2)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

// Float rows: chunk k of the strip loaded (RLD, into Y0 or Y1) and times
// each weight.
#define SF1(k, T, A0, A1) VFMADD231PS T, Y14, A0
#define SF2(k, T, A0, A1) SF1(k, T, A0, A1); VFMADD231PS T, Y15, A1
#define RLDF16(k, T) VCVTPH2PS (k*16)(SI), T
#define RLDF32(k, T) VMOVUPS (k*32)(SI), T

// STRIPF(NAME, RLD, SF, SW, SY): the kernel of a float format (RLD) and one
// or two weight rows.
#define STRIPF(NAME, RLD, SF, SW, SY) \
	ARGS_TEXT(NAME);                                 \
	MOVQ avx2Walk_data(DI), SI;                      \
	MOVQ avx2AddWeightedStripArgs_w(DI), AX;         \
	MOVQ avx2AddWeightedStripArgs_wStride(DI), BX;   \
	MOVQ avx2AddWeightedStripArgs_rowBytes(DI), R12; \
	MOVQ avx2Walk_rows(DI), R14;                     \
	MOVQ R12, CX;                                    \
	SHLQ $4, CX;                                     \
	ADDQ SI, CX;                                     \
	SZERO;                                           \
row:                                                 \
	MOVQ avx2AddWeightedStripArgs_pfLines(DI), R8;   \
	MOVQ CX, R9;                                     \
pf:                                                  \
	PREFETCHT0 (R9);                                 \
	ADDQ $64, R9;                                    \
	DECQ R8;                                         \
	JNZ  pf;                                         \
	ADDQ R12, CX;                                    \
	SW;                                              \
	RLD(0, Y0); SF(0, Y0, Y6, Y10);                  \
	RLD(1, Y1); SF(1, Y1, Y7, Y11);                  \
	RLD(2, Y0); SF(2, Y0, Y8, Y12);                  \
	RLD(3, Y1); SF(3, Y1, Y9, Y13);                  \
	ADDQ R12, SI;                                    \
	ADDQ $4, AX;                                     \
	DECQ R14;                                        \
	JNZ  row;                                        \
	SEND(SY)

STRIPF(·avx2AddWeightedStripF16X1, RLDF16, SF1, SW1, SY1)
STRIPF(·avx2AddWeightedStripF16X2, RLDF16, SF2, SW2, SY2)
STRIPF(·avx2AddWeightedStripF32X1, RLDF32, SF1, SW1, SY1)
STRIPF(·avx2AddWeightedStripF32X2, RLDF32, SF2, SW2, SY2)

// ---- Half strips: 16 columns, four weight rows ----
//
// The same sums for four weight rows over half a block (16 columns, two
// chunks of 8), for 2-, 4- and 8-bit codes: one unpack per row serves
// four weight rows, where two strip passes of two rows unpack the block
// twice. Registers as above but Y2, Y5, Y14, Y15 the row's four weights,
// Y6-Y7, Y8-Y9, Y10-Y11, Y12-Y13 the sums of weight rows 0-3 (chunks A,
// B of the half). The half (0: columns 0-15 of the block, 1: 16-31)
// selects the kernel, whose shifts of the codes are immediates (8-bit
// codes: one kernel, the data pointer starting at the half).
//
// The rows' scales and shifts (times mult) come converted to float32
// (avx2AddWeightedStripArgs_fsc, _fsh: one per row and group, fStride
// bytes between rows), so a row costs two broadcasts for them, not two
// fp16 conversions and a multiplication per half strip.
//
// Instructions per row and 16 values: 2-bit 1 load and 3 integer ops, or
// 4-bit 2 loads and 2, then 2 conversions, 2 FMAs for the values and 8
// for the weight rows, plus 6 broadcasts for the row's scale, shift and
// weights.

#define HC(A0, A1, A2, A3) \
	VCVTDQ2PS   Y0, Y0;     \
	VFMADD213PS Y4, Y3, Y0; \
	VFMADD231PS Y0, Y2, A0; \
	VFMADD231PS Y0, Y5, A1; \
	VFMADD231PS Y0, Y14, A2; \
	VFMADD231PS Y0, Y15, A3

#define HCA HC(Y6, Y8, Y10, Y12)
#define HCB HC(Y7, Y9, Y11, Y13)

// 2-bit: byte j of the plane holds v_j, v_j+8, v_j+16, v_j+24; half 0
// takes the fields at bits 0 and 2, half 1 those at 4 and 6 (shifts by
// immediates: each half has its kernel).
#define HBLK2H0 \
	VPMOVZXBD (SI)(DX*2), Y1;                             \
	VPAND     K_LOW2, Y1, Y0;                             \
	HCA;                                                  \
	VPSRLD    $2, Y1, Y0;                                 \
	VPAND     K_LOW2, Y0, Y0;                             \
	HCB

#define HBLK2H1 \
	VPMOVZXBD (SI)(DX*2), Y1;                             \
	VPSRLD    $4, Y1, Y0;                                 \
	VPAND     K_LOW2, Y0, Y0;                             \
	HCA;                                                  \
	VPSRLD    $6, Y1, Y0;                                 \
	HCB

// 4-bit: bytes 0-7 hold v0-7 (low nibbles) and v16-23 (high), bytes 8-15
// v8-15 and v24-31; half 0 takes the low nibbles, half 1 the high ones.
#define HBLK4H0 \
	VPMOVZXBD (SI)(DX*4), Y0;                             \
	VPAND     K_NIB, Y0, Y0;                              \
	HCA;                                                  \
	VPMOVZXBD 8(SI)(DX*4), Y0;                            \
	VPAND     K_NIB, Y0, Y0;                              \
	HCB

#define HBLK4H1 \
	VPMOVZXBD (SI)(DX*4), Y1;                             \
	VPSRLD    $4, Y1, Y0;                                 \
	HCA;                                                  \
	VPMOVZXBD 8(SI)(DX*4), Y1;                            \
	VPSRLD    $4, Y1, Y0;                                 \
	HCB

// 8-bit: the half's 16 bytes.
#define HBLK8 \
	VPMOVZXBD (SI)(DX*8), Y0;  \
	HCA;                       \
	VPMOVZXBD 8(SI)(DX*8), Y0; \
	HCB

// The row's four weights: rows 0 and 1 at AX, rows 2 and 3 at R8.
#define HW \
	VBROADCASTSS (AX), Y2;        \
	VBROADCASTSS (AX)(BX*1), Y5;  \
	VBROADCASTSS (R8), Y14;       \
	VBROADCASTSS (R8)(BX*1), Y15

// HYADD(A, B) adds the sums of one weight row to its 16 columns at AX.
#define HYADD(A, B) \
	VADDPS  (AX), A, A;   \
	VMOVUPS A, (AX);      \
	VADDPS  32(AX), B, B; \
	VMOVUPS B, 32(AX)

// STRIPH(NAME, BLK): the half-strip kernel of one width (BLK: HBLKn).
// Registers as above but R10, R11 the float32 scales and shifts, R13 the
// bytes between their rows, R8 the weights of rows 2 and 3 and R9 the
// prefetch offset (these widths have one plane).
#define STRIPH(NAME, BLK) \
	ARGS_TEXT(NAME);                                    \
	MOVQ avx2Walk_data(DI), SI;                         \
	SLOAD;                                              \
	MOVQ avx2AddWeightedStripArgs_fsc(DI), R10;         \
	MOVQ avx2AddWeightedStripArgs_fsh(DI), R11;         \
	MOVQ avx2AddWeightedStripArgs_fStride(DI), R13;     \
	LEAQ (AX)(BX*2), R8;                                \
	MOVQ R12, R9;                                       \
	SHLQ $4, R9;                                        \
	SZERO;                                              \
row:                                                    \
	PREFETCHT0 (SI)(R9*1);                              \
	VBROADCASTSS (R10), Y3;                             \
	VBROADCASTSS (R11), Y4;                             \
	HW;                                                 \
	BLK;                                                \
	ADDQ R12, SI;                                       \
	ADDQ R13, R10;                                      \
	ADDQ R13, R11;                                      \
	ADDQ $4, AX;                                        \
	ADDQ $4, R8;                                        \
	DECQ R14;                                           \
	JNZ  row;                                           \
	MOVQ avx2AddWeightedStripArgs_y(DI), AX;            \
	MOVQ avx2AddWeightedStripArgs_yStride(DI), BX;      \
	HYADD(Y6, Y7);                                      \
	ADDQ BX, AX;                                        \
	HYADD(Y8, Y9);                                      \
	ADDQ BX, AX;                                        \
	HYADD(Y10, Y11);                                    \
	ADDQ BX, AX;                                        \
	HYADD(Y12, Y13);                                    \
	VZEROUPPER;                                         \
	RET

STRIPH(·avx2AddWeightedStrip16H0W2X4, HBLK2H0)
STRIPH(·avx2AddWeightedStrip16H1W2X4, HBLK2H1)
STRIPH(·avx2AddWeightedStrip16H0W4X4, HBLK4H0)
STRIPH(·avx2AddWeightedStrip16H1W4X4, HBLK4H1)
STRIPH(·avx2AddWeightedStrip16W8X4, HBLK8)
