// Macros of the passes over 1, 2 or 4 query (weight) rows that the Dot and
// AddWeighted kernels on codes (avx512_dot_amd64.s,
// avx512_addweighted_amd64.s) share with those on fp16 and float32 rows
// (avx512_float_amd64.s). Include after avx512_amd64.h.

// ---- Query rows of the general Dot kernels (codes and floats) ----

// The x address of query row j, block offset off.
#define XA0(off) off(BX)
#define XA1(off) off(BX)(R12*1)
#define XA2(off) off(BX)(R12*2)
#define XA3(off) off(BX)(R14*1)

#define FORX1(m) m(Z0, XA0, 0)
#define FORX2(m) FORX1(m); m(Z1, XA1, 1)
#define FORX4(m) FORX2(m); m(Z2, XA2, 2); m(Z3, XA3, 3)

// Per query row (FORX(m) expands m(acc, xaddr, j)): zero its accumulator;
// park it in the reduction area (row R10/64 of 16).
#define ZERO_ACC(acc, xa, j) VPXORD acc, acc, acc
#define PARK(acc, xa, j) VMOVUPS acc, (j*1024)(R13)(R10*1)

// ---- Weight rows of the general AddWeighted kernels ----

// The y address of weight row j, block offset off.
#define YA0(off) off(BX)
#define YA1(off) off(BX)(R12*1)
#define YA2(off) off(BX)(R12*2)
#define YA3(off) off(BX)(R14*1)

// The row's weight of weight row j (R10: the stride of w, R11 three).
#define WA0 (R13)
#define WA1 (R13)(R10*1)
#define WA2 (R13)(R10*2)
#define WA3 (R13)(R11*1)

#define AWFORX1(m) m(Z4, YA0, WA0)
#define AWFORX2(m) AWFORX1(m); m(Z5, YA1, WA1)
#define AWFORX4(m) AWFORX2(m); m(Z6, YA2, WA2); m(Z7, YA3, WA3)

// Per weight row (AWFORX(m) expands m(w, yaddr, waddr)): broadcast its
// weight of the row.
#define LOAD_W(w, ya, wa) VBROADCASTSS wa, w

// ---- The four-row kernels of Dot (rows of 128 values, codes and floats) ----

// dst = per 128-bit lane [a0+a1, a2+a3, b0+b1, b2+b3] (float), with the
// scratch registers t1 and t2.
#define COMBINE_F(a, b, dst, t1, t2) \
	VSHUFPS $0x88, b, a, t1; \
	VSHUFPS $0xdd, b, a, t2; \
	VADDPS  t1, t2, dst

// Per query row of the row kernels (ROWFORX(m) expands m(j, acc0, …, acc3)):
// reduce its four parked rows of 16 lanes and store the sums (mask K1).
#define ROW_FLUSH(j, a0, a1, a2, a3) \
	REDUCE4(R13, j*256, Z30);      \
	VMOVUPS Z30, K1, (R11);        \
	ADDQ    avx512RowArgs_outStride(AX), R11

// The four-query multiply-adds of the four-row kernels: four rows' values
// in Z16-Z19; each query row's x for them loaded once (Z20-Z23, from
// x0-x3 off BX) and multiplied into the accumulators Z(4j+r) (op: VMULPS
// for a kernel's first step, VFMADD231PS after it).
#define MULX4(op, x0, x1, x2, x3) \
	VMOVUPS x0(BX), Z20; \
	op Z20, Z16, Z0; \
	op Z20, Z17, Z1; \
	op Z20, Z18, Z2; \
	op Z20, Z19, Z3; \
	VMOVUPS x1(BX), Z21; \
	op Z21, Z16, Z4; \
	op Z21, Z17, Z5; \
	op Z21, Z18, Z6; \
	op Z21, Z19, Z7; \
	VMOVUPS x2(BX), Z22; \
	op Z22, Z16, Z8; \
	op Z22, Z17, Z9; \
	op Z22, Z18, Z10; \
	op Z22, Z19, Z11; \
	VMOVUPS x3(BX), Z23; \
	op Z23, Z16, Z12; \
	op Z23, Z17, Z13; \
	op Z23, Z18, Z14; \
	op Z23, Z19, Z15

#define ROWFORX1(m) m(0, Z0, Z1, Z2, Z3)
#define ROWFORX2(m) ROWFORX1(m); m(1, Z4, Z5, Z6, Z7)
#define ROWFORX4(m) ROWFORX2(m); m(2, Z8, Z9, Z10, Z11); m(3, Z12, Z13, Z14, Z15)
