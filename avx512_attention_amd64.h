// The microkernel of the avx512 scores and values kernels
// (avx512_attention_amd64.s): 6 rows × W strips of 16 (W = 4, 3, 2 or 1)
// in 6·W ZMM accumulators, row i in Z(4i) … Z(4i+W-1). A step is one
// value of the inner sum: W 64-byte loads (Z24-Z27: the W strips at DX,
// R12 bytes apart, R15 = 3·R12) and six broadcasts of the rows' values
// (Z28-Z31 in turn) from (SI), (SI)(BX*1), (SI)(BX*2), (R8), (R8)(BX*1),
// (R8)(BX*2), R8 = SI + 3·BX; 6·W FMA. With W = 4: 24 independent chains,
// more than the 2 FMA pipes × 4 cycles of latency need, and 10 loads per
// 24 FMA.
//
// avx512_attention_amd64.s includes this file once, then each body after
// defining W and the macros of its width that the body uses: LK (the
// loads), FR (a row's FMAs), ZR (zero a row), SR (store a row) and MR (a
// row times its beta), as LKw, FRw, ZRw, SRw and MRw below; and PF (the
// prefetch of a step, or nothing).

// The rows' addresses at offset o in the output (scores) or output rows
// (values): R9 row 0, SI row 3, R14 the stride.
#define OA0(o) o(R9)
#define OA1(o) o(R9)(R14*1)
#define OA2(o) o(R9)(R14*2)
#define OA3(o) o(SI)
#define OA4(o) o(SI)(R14*1)
#define OA5(o) o(SI)(R14*2)

// FOR6(m) expands m(a0, a1, a2, a3, addr, r) for the six rows r: their
// accumulators and their address in the output.
#define FOR6(m) \
	m(Z0, Z1, Z2, Z3, OA0, 0);     \
	m(Z4, Z5, Z6, Z7, OA1, 1);     \
	m(Z8, Z9, Z10, Z11, OA2, 2);   \
	m(Z12, Z13, Z14, Z15, OA3, 3); \
	m(Z16, Z17, Z18, Z19, OA4, 4); \
	m(Z20, Z21, Z22, Z23, OA5, 5)

// ROWS6_AT(stride): SI at the fourth of the six output rows that start at
// R9, stride bytes apart (R14); the addresses of OA0-OA5.
#define ROWS6_AT(stride) \
	MOVQ stride, R14;      \
	LEAQ (R14)(R14*2), SI; \
	ADDQ R9, SI

// STORE6_NEXT(stride): the six rows' results stored (SR at ROWS6_AT), R9
// stepped to the next six output rows and AX and CX to the next six input
// rows (BX bytes apart).
#define STORE6_NEXT(stride) \
	ROWS6_AT(stride);      \
	FOR6(SR);              \
	LEAQ (SI)(R14*2), R9;  \
	ADDQ R14, R9;          \
	LEAQ (CX)(BX*2), AX;   \
	ADDQ BX, AX;           \
	LEAQ (AX)(BX*2), CX;   \
	ADDQ BX, CX

// STEP(O, P): one step, the strips at offset O from DX, the rows' values
// at offset P.
#define STEP(O, P) \
	LK(O);                         \
	VBROADCASTSS P(SI), Z28;       \
	FR(Z28, Z0, Z1, Z2, Z3);       \
	VBROADCASTSS P(SI)(BX*1), Z29; \
	FR(Z29, Z4, Z5, Z6, Z7);       \
	VBROADCASTSS P(SI)(BX*2), Z30; \
	FR(Z30, Z8, Z9, Z10, Z11);     \
	VBROADCASTSS P(R8), Z31;       \
	FR(Z31, Z12, Z13, Z14, Z15);   \
	VBROADCASTSS P(R8)(BX*1), Z28; \
	FR(Z28, Z16, Z17, Z18, Z19);   \
	VBROADCASTSS P(R8)(BX*2), Z29; \
	FR(Z29, Z20, Z21, Z22, Z23)

// STEPS(label, one, done): the steps of the inner sum, R14 of them (SI,
// R8 and DX at the first): four a loop at label, then one a loop at one;
// falls through to done. PF(O) prefetches, per step of a loop of four, the
// line at O(DX)(R13*1) (one line of the strips of the next pass), or is
// empty (the .s file defines it per kernel).
#define STEPS(label, one, done) \
	CMPQ R14, $4;                 \
	JL   one;                     \
label:                            \
	PF(0);       \
	STEP(0, 0);                   \
	PF(64);     \
	STEP(64, 4);                  \
	PF(128);    \
	STEP(128, 8);                 \
	PF(192);    \
	STEP(192, 12);                \
	ADDQ $16, SI;                 \
	ADDQ $16, R8;                 \
	ADDQ $256, DX;                \
	SUBQ $4, R14;                 \
	CMPQ R14, $4;                 \
	JGE  label;                   \
one:                              \
	TESTQ R14, R14;               \
	JZ    done;                   \
	STEP(0, 0);                   \
	ADDQ  $4, SI;                 \
	ADDQ  $4, R8;                 \
	ADDQ  $64, DX;                \
	DECQ  R14;                    \
	JMP   one

// NEXT_PF moves the prefetch offset R13 to the next strip of the next
// pass: W·R12 … (2W-1)·R12 in turn, one strip per pass of six rows (uses
// SI).
#define NEXT_PF \
	ADDQ   R12, R13;        \
	IMUL3Q $(2*W), R12, SI; \
	CMPQ   R13, SI;         \
	JL     pf_ok;           \
	IMUL3Q $W, R12, R13;    \
pf_ok:

// The macros of each width.
#define LK4(O) \
	VMOVUPS O(DX), Z24;         \
	VMOVUPS O(DX)(R12*1), Z25;  \
	VMOVUPS O(DX)(R12*2), Z26;  \
	VMOVUPS O(DX)(R15*1), Z27
#define LK3(O) \
	VMOVUPS O(DX), Z24;         \
	VMOVUPS O(DX)(R12*1), Z25;  \
	VMOVUPS O(DX)(R12*2), Z26
#define LK2(O) \
	VMOVUPS O(DX), Z24;         \
	VMOVUPS O(DX)(R12*1), Z25
#define LK1(O) VMOVUPS O(DX), Z24

#define FR4(B, a0, a1, a2, a3) \
	VFMADD231PS Z24, B, a0; \
	VFMADD231PS Z25, B, a1; \
	VFMADD231PS Z26, B, a2; \
	VFMADD231PS Z27, B, a3
#define FR3(B, a0, a1, a2, a3) \
	VFMADD231PS Z24, B, a0; \
	VFMADD231PS Z25, B, a1; \
	VFMADD231PS Z26, B, a2
#define FR2(B, a0, a1, a2, a3) \
	VFMADD231PS Z24, B, a0; \
	VFMADD231PS Z25, B, a1
#define FR1(B, a0, a1, a2, a3) VFMADD231PS Z24, B, a0

#define ZR4(a0, a1, a2, a3, addr, r) \
	VPXORD a0, a0, a0; \
	VPXORD a1, a1, a1; \
	VPXORD a2, a2, a2; \
	VPXORD a3, a3, a3
#define ZR3(a0, a1, a2, a3, addr, r) \
	VPXORD a0, a0, a0; \
	VPXORD a1, a1, a1; \
	VPXORD a2, a2, a2
#define ZR2(a0, a1, a2, a3, addr, r) \
	VPXORD a0, a0, a0; \
	VPXORD a1, a1, a1
#define ZR1(a0, a1, a2, a3, addr, r) VPXORD a0, a0, a0

#define SR4(a0, a1, a2, a3, addr, r) \
	VMOVUPS a0, addr(0);   \
	VMOVUPS a1, addr(64);  \
	VMOVUPS a2, addr(128); \
	VMOVUPS a3, addr(192)
#define SR3(a0, a1, a2, a3, addr, r) \
	VMOVUPS a0, addr(0);   \
	VMOVUPS a1, addr(64);  \
	VMOVUPS a2, addr(128)
#define SR2(a0, a1, a2, a3, addr, r) \
	VMOVUPS a0, addr(0);  \
	VMOVUPS a1, addr(64)
#define SR1(a0, a1, a2, a3, addr, r) VMOVUPS a0, addr(0)

// MRw: the row's accumulators = its beta ((4r)(DX)) times its output.
#define MR4(a0, a1, a2, a3, addr, r) \
	VBROADCASTSS (4*r)(DX), Z28; \
	VMULPS       addr(0), Z28, a0;   \
	VMULPS       addr(64), Z28, a1;  \
	VMULPS       addr(128), Z28, a2; \
	VMULPS       addr(192), Z28, a3
#define MR3(a0, a1, a2, a3, addr, r) \
	VBROADCASTSS (4*r)(DX), Z28; \
	VMULPS       addr(0), Z28, a0;   \
	VMULPS       addr(64), Z28, a1;  \
	VMULPS       addr(128), Z28, a2
#define MR2(a0, a1, a2, a3, addr, r) \
	VBROADCASTSS (4*r)(DX), Z28; \
	VMULPS       addr(0), Z28, a0;   \
	VMULPS       addr(64), Z28, a1
#define MR1(a0, a1, a2, a3, addr, r) \
	VBROADCASTSS (4*r)(DX), Z28; \
	VMULPS       addr(0), Z28, a0
