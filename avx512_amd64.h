// Macros shared by the AVX-512 kernels (avx512_*_amd64.s).
//
// # Units and byte orders of the integer (DotQ8) path
//
// The general DotQ8 kernels unpack the codes of a group a unit at a time:
// 64 values (two blocks of 32) into the 64 bytes of a Z register when the
// group is a multiple of 64, else 32 values (one block) into a Y register.
// Each width unpacks in whatever byte order costs fewest instructions, as
// long as each 128-bit lane holds values of one block (the kernels sum a
// block's products per lane); the query bytes are laid out in the same
// order once per call (Go code), so the order is free at run time. The
// orders of a 64-value unit, for byte p = 16L + i (L the 128-bit lane):
//
//	p4 order (widths 4, 5, 6, 7): value 32*(L&1) + 16*(L>>1) + i
//	natural (widths 2, 3, 8):     value p
//
// A 32-value unit is in natural order for every width.
//
// The kernels address a unit's planes by pointers that step from unit to
// unit (DI the first plane, R8 the 2-bit plane, R9 the 1-bit plane), and
// the other three rows of a quad at fixed offsets from them. R11 and R12
// are scratch. Constants, loaded once per call:
//
//	Z16 0x0f bytes    Z17 0x03 bytes    Z18 0x30 bytes
//	Z19 VPSRLVW counts that shift the upper copy of a broadcast 4-bit plane by 4
//	Z20 (natural 2-bit) VPSRLVQ counts 0, 2, 4, 6 per block's qwords
//	Z21 VPERMILPD control that puts a 2-bit plane into p4 order; (natural
//	    2-bit) VPERMQ indexes that repeat each block's plane four times
//	Z22 VPROLVQ counts that bring each 2-bit field of a p4-order plane to bits 4-5
//	Z23 the value of the 1-bit plane's bit in a code (4, 16 or 64) in every byte
//
// The unpacked codes land in the macro's dst; Z14 and Z15 are scratch.

// The unpack macros take each plane's address as an offset and a base
// expression such as (SI) or (R8)(R10*2) (the 1-bit plane's second word is
// at offset o1+4): "o4 b4" for the 4-bit (or 8-bit) plane, "o2 b2" for the
// 2-bit plane, "o1 b1" for the 1-bit plane.

// Unpack 64 4-bit codes (p4 order): broadcast the 32 plane bytes to both
// halves, shift the upper half right by 4, keep the low nibbles. 3 instructions.
#define U64_P4(o4, b4, dst) \
	VBROADCASTI64X4 o4 b4, dst; \
	VPSRLVW         Z19, dst, dst; \
	VPANDD          Z16, dst, dst

// Add Z23 to the bytes of dst whose bit is set in the unit's 1-bit plane,
// after reordering the mask's bits into the byte order of the other planes
// with PDEP (lo and hi are the deposit masks of the two blocks' 32 bits).
// 2 vector and 5 scalar instructions.
#define U64_P1(o1, b1, lo, hi, dst) \
	MOVL   o1 b1, R11;    \
	MOVL   (o1+4)b1, R12; \
	PDEPQ  lo, R11, R11;  \
	PDEPQ  hi, R12, R12;  \
	ORQ    R12, R11;      \
	KMOVQ  R11, K2;       \
	VPADDB Z23, dst, K2, dst

// The 4-bit and 2-bit planes of 64 codes of width 6 or 7 (p4 order):
// dst = nibble | pair<<4. 7 instructions.
#define U64_P4P2(o4, b4, o2, b2, dst) \
	VBROADCASTI32X4 o2 b2, Z14;    \
	VPERMILPD       Z21, Z14, Z14; \
	VPROLVQ         Z22, Z14, Z14; \
	VPANDD          Z18, Z14, Z14; \
	VBROADCASTI64X4 o4 b4, dst;    \
	VPSRLVW         Z19, dst, dst; \
	VPTERNLOGD      $0xec, Z16, Z14, dst

// Unpack 64 2-bit codes in natural order: the 16 plane bytes (two blocks
// of 8) as qwords [b0 b0 b0 b0 b1 b1 b1 b1], shifted by 0, 2, 4, 6, keep
// the low pairs: byte p holds value p. 4 instructions.
#define U64_N2(o2, b2, dst) \
	VBROADCASTI32X4 o2 b2, dst;  \
	VPERMQ          dst, Z21, dst; \
	VPSRLVQ         Z20, dst, dst; \
	VPANDD          Z17, dst, dst

// Add Z23 to the bytes of dst (natural order) whose bit is set in the
// unit's 1-bit plane. 2 instructions.
#define U64_N1(o1, b1, dst) \
	KMOVQ  o1 b1, K2; \
	VPADDB Z23, dst, K2, dst

#define U64_N2W2(o4, b4, o2, b2, o1, b1, dst) U64_N2(o2, b2, dst)
#define U64_N2W3(o4, b4, o2, b2, o1, b1, dst) U64_N2(o2, b2, dst); U64_N1(o1, b1, dst)
#define U64_W4(o4, b4, o2, b2, o1, b1, dst) U64_P4(o4, b4, dst)
#define U64_W5(o4, b4, o2, b2, o1, b1, dst) U64_P4(o4, b4, dst); U64_P1(o1, b1, ·avx512PdepP4Lo(SB), ·avx512PdepP4Hi(SB), dst)
#define U64_W6(o4, b4, o2, b2, o1, b1, dst) U64_P4P2(o4, b4, o2, b2, dst)
#define U64_W7(o4, b4, o2, b2, o1, b1, dst) U64_P4P2(o4, b4, o2, b2, dst); U64_P1(o1, b1, ·avx512PdepP4Lo(SB), ·avx512PdepP4Hi(SB), dst)
#define U64_W8(o4, b4, o2, b2, o1, b1, dst) VMOVDQU8 o4 b4, dst

// 32-value units, natural order, in Y registers.
#define U32_P4(o4, b4, dst) \
	VBROADCASTI32X4 o4 b4, dst; \
	VPSRLVW         Y19, dst, dst; \
	VPANDD          Y16, dst, dst

#define U32_P2(o2, b2, dst) \
	VPBROADCASTQ o2 b2, dst; \
	VPSRLVQ      Y20, dst, dst; \
	VPANDD       Y17, dst, dst

#define U32_P1(o1, b1, dst) \
	KMOVD  o1 b1, K2; \
	VPADDB Y23, dst, K2, dst

#define U32_P4P2(o4, b4, o2, b2, dst) \
	VPBROADCASTQ    o2 b2, Y14;    \
	VPROLVQ         Y22, Y14, Y14; \
	VPANDD          Y18, Y14, Y14; \
	VBROADCASTI32X4 o4 b4, dst;    \
	VPSRLVW         Y19, dst, dst; \
	VPTERNLOGD      $0xec, Y16, Y14, dst

#define U32_W2(o4, b4, o2, b2, o1, b1, dst) U32_P2(o2, b2, dst)
#define U32_W3(o4, b4, o2, b2, o1, b1, dst) U32_P2(o2, b2, dst); U32_P1(o1, b1, dst)
#define U32_W4(o4, b4, o2, b2, o1, b1, dst) U32_P4(o4, b4, dst)
#define U32_W5(o4, b4, o2, b2, o1, b1, dst) U32_P4(o4, b4, dst); U32_P1(o1, b1, dst)
#define U32_W6(o4, b4, o2, b2, o1, b1, dst) U32_P4P2(o4, b4, o2, b2, dst)
#define U32_W7(o4, b4, o2, b2, o1, b1, dst) U32_P4P2(o4, b4, o2, b2, dst); U32_P1(o1, b1, dst)
#define U32_W8(o4, b4, o2, b2, o1, b1, dst) VMOVDQU8 o4 b4, dst

// Load the unpack constants of the 64-value units (bit: the value of the
// 1-bit plane's bit, as a ·bcastN symbol).
#define LOAD_U64_CONSTS(bit) \
	VPBROADCASTB ·avx512C0f(SB), Z16;     \
	VPBROADCASTB ·avx512C03(SB), Z17;     \
	VPBROADCASTB ·avx512C30(SB), Z18;     \
	VMOVDQU64    ·avx512SrlvwP4(SB), Z19; \
	VMOVDQU64    ·avx512PermilP2(SB), Z21; \
	VMOVDQU64    ·avx512ProlvP2(SB), Z22; \
	VPBROADCASTB bit, Z23

// The constants of U64_N2 and U64_N1.
#define LOAD_N2_CONSTS(bit) \
	VPBROADCASTB ·avx512C03(SB), Z17;        \
	VMOVDQU64    ·avx512Srlvq0246(SB), Z20;  \
	VMOVDQU64    ·avx512PermqQuads(SB), Z21; \
	VPBROADCASTB bit, Z23

#define LOAD_U32_CONSTS(bit) \
	VPBROADCASTB ·avx512C0f(SB), Z16;       \
	VPBROADCASTB ·avx512C03(SB), Z17;       \
	VPBROADCASTB ·avx512C30(SB), Z18;       \
	VMOVDQU64    ·avx512SrlvwP4u32(SB), Y19; \
	VMOVDQU64    ·avx512SrlvqP2u32(SB), Y20; \
	VMOVDQU64    ·avx512ProlvP2u32(SB), Y22; \
	VPBROADCASTB bit, Z23

// REDUCE16 sums each of the 16 vectors of 16 floats at boff(base),
// boff+64(base), …, boff+960(base) into one lane of dst: lane r holds Σ of vector r. 47
// instructions (under 3 per vector). Clobbers Z14, Z15 and Z24-Z31.
#define REDUCE16(base, boff, dst) \
	REDUCE_PAIR256_B(base, boff+0, Z24);   \
	REDUCE_PAIR256_B(base, boff+64, Z25);  \
	REDUCE_PAIR256_B(base, boff+128, Z26); \
	REDUCE_PAIR256_B(base, boff+192, Z27); \
	REDUCE_PAIR256_B(base, boff+256, Z28); \
	REDUCE_PAIR256_B(base, boff+320, Z29); \
	REDUCE_PAIR256_B(base, boff+384, Z30); \
	REDUCE_PAIR256_B(base, boff+448, Z31); \
	REDUCE_PAIR128(Z24, Z28);              \
	REDUCE_PAIR128(Z25, Z29);              \
	REDUCE_PAIR128(Z26, Z30);              \
	REDUCE_PAIR128(Z27, Z31);              \
	REDUCE_PAIR64(Z24, Z26);               \
	REDUCE_PAIR64(Z25, Z27);               \
	REDUCE_PAIR64(Z24, Z25);               \
	VMOVDQU64  ·avx512ReducePerm(SB), Z14; \
	VPERMPS    Z24, Z14, dst

// lane pairs: w gets [a.lo256 + a.hi256, b.lo256 + b.hi256] of the vectors
// a at base+off and b at base+off+512.
#define REDUCE_PAIR256_B(base, off, w) \
	VMOVUPS    off(base), Z14;                   \
	VSHUFF64X2 $0x44, (off+512)(base), Z14, Z15; \
	VSHUFF64X2 $0xee, (off+512)(base), Z14, Z14; \
	VADDPS     Z14, Z15, w

// a = [a.L0+a.L1, a.L2+a.L3, b.L0+b.L1, b.L2+b.L3] (128-bit lanes).
#define REDUCE_PAIR128(a, b) \
	VSHUFF64X2 $0x88, b, a, Z14; \
	VSHUFF64X2 $0xdd, b, a, Z15; \
	VADDPS     Z14, Z15, a

// a = per 128-bit lane [a0+a1, a2+a3, b0+b1, b2+b3].
#define REDUCE_PAIR64(a, b) \
	VSHUFPS $0x88, b, a, Z14; \
	VSHUFPS $0xdd, b, a, Z15; \
	VADDPS  Z14, Z15, a

// REDUCE4 sums the four vectors at boff(base), …, boff+192(base), whose
// lane 4L+r is a partial sum of row r, into dst: lane 4k+r of dst is row
// 4k+r's total (Σ over L of vector k's lanes 4L+r). 11 instructions.
// Clobbers Z14, Z15, Z26 and Z27.
#define REDUCE4(base, boff, dst) \
	VMOVUPS    boff(base), Z14;                    \
	VSHUFF64X2 $0x88, (boff+64)(base), Z14, Z15;   \
	VSHUFF64X2 $0xdd, (boff+64)(base), Z14, Z14;   \
	VADDPS     Z14, Z15, Z26;                      \
	VMOVUPS    (boff+128)(base), Z14;              \
	VSHUFF64X2 $0x88, (boff+192)(base), Z14, Z15;  \
	VSHUFF64X2 $0xdd, (boff+192)(base), Z14, Z14;  \
	VADDPS     Z14, Z15, Z27;                      \
	VSHUFF64X2 $0x88, Z27, Z26, Z14;               \
	VSHUFF64X2 $0xdd, Z27, Z26, Z15;               \
	VADDPS     Z14, Z15, dst

// # Dequantizing blocks (Dot, AddWeighted)
//
// The float kernels address a block's planes as (DI)(R10*4), (R8)(R10*2)
// and (R9)(R10*1), R10 stepping by 4 per block. Per group, Z10 holds the
// scale S and Z11 the min M (or the symmetric offset times S) in every
// lane, and TABLES_Wn builds the lookup tables Z12 (and Z13) from them;
// CONSTS_Wn loads the width's constants into Z16-Z22.

// Dequantize one block: Z8 = values 0-15, Z9 = values 16-31, from the
// group's lookup tables (widths 2-5: VPERMPS over 16 entries, VPERMI2PS
// over 32) or by conversion (widths 6-8).

// Width 2: the 8 plane bytes twice as dwords, shifted by 0, 2 (Z8) and 4, 6
// (Z9); the table repeats every 4 entries. 6 instructions.
#define DEQ_W2 \
	VPBROADCASTQ (R8)(R10*2), X8; \
	VPMOVZXBD    X8, Z8;          \
	VPSRLVD      Z20, Z8, Z9;     \
	VPSRLVD      Z19, Z8, Z8;     \
	VPERMPS      Z12, Z8, Z8;     \
	VPERMPS      Z12, Z9, Z9

// Width 3: width 2, the other fields cleared, plus the 1-bit plane as bit
// 4 of the index. 13.
#define DEQ_W3 \
	VPBROADCASTQ (R8)(R10*2), X8; \
	VPMOVZXBD    X8, Z8;          \
	VPSRLVD      Z20, Z8, Z9;     \
	VPSRLVD      Z19, Z8, Z8;     \
	VPANDD       Z18, Z8, Z8;     \
	VPANDD       Z18, Z9, Z9;     \
	KMOVD        (R9)(R10*1), K2; \
	KSHIFTRD     $16, K2, K3;     \
	VPORD        Z22, Z8, K2, Z8; \
	VPORD        Z22, Z9, K3, Z9; \
	VPERMI2PS    Z13, Z12, Z8;    \
	VPERMI2PS    Z13, Z12, Z9

// Width 4: the 16 plane bytes as dwords; VPERMPS reads the low nibble, and
// the high nibble after a shift. 4 instructions.
#define DEQ_W4 \
	VPMOVZXBD (DI)(R10*4), Z8; \
	VPSRLD    $4, Z8, Z9;      \
	VPERMPS   Z12, Z8, Z8;     \
	VPERMPS   Z12, Z9, Z9

// Width 5: width 4 plus the 1-bit plane as bit 4. 10.
#define DEQ_W5 \
	VPMOVZXBD (DI)(R10*4), Z8;    \
	VPSRLD    $4, Z8, Z9;         \
	VPANDD    Z18, Z8, Z8;        \
	KMOVD     (R9)(R10*1), K2;    \
	KSHIFTRD  $16, K2, K3;        \
	VPORD     Z22, Z8, K2, Z8;    \
	VPORD     Z22, Z9, K3, Z9;    \
	VPERMI2PS Z13, Z12, Z8;       \
	VPERMI2PS Z13, Z12, Z9

// Widths 6, 7: the codes nibble | pair<<4 (| bit<<6) as dwords. 9 (13).
#define CODES_W6 \
	VPMOVZXBD    (DI)(R10*4), Z8;     \
	VPBROADCASTQ (R8)(R10*2), X14;    \
	VPMOVZXBD    X14, Z14;            \
	VPSLLVD      Z19, Z14, Z15;       \
	VPANDD       Z21, Z15, Z15;       \
	VPSRLVD      Z20, Z14, Z14;       \
	VPSRLD       $4, Z8, Z9;          \
	VPTERNLOGD   $0xf8, Z21, Z14, Z9; \
	VPTERNLOGD   $0xec, Z18, Z15, Z8

#define CODES_P1 \
	KMOVD    (R9)(R10*1), K2; \
	KSHIFTRD $16, K2, K3;     \
	VPORD    Z22, Z8, K2, Z8; \
	VPORD    Z22, Z9, K3, Z9

// Converted codes times S plus M.
#define CVT_DEQ \
	VCVTDQ2PS   Z8, Z8;        \
	VCVTDQ2PS   Z9, Z9;        \
	VFMADD213PS Z11, Z10, Z8;  \
	VFMADD213PS Z11, Z10, Z9

#define DEQ_W6 CODES_W6; CVT_DEQ
#define DEQ_W7 CODES_W6; CODES_P1; CVT_DEQ
#define DEQ_W8 \
	VPMOVZXBD (DI)(R10*8), Z8;   \
	VPMOVZXBD 16(DI)(R10*8), Z9; \
	CVT_DEQ

// The lookup tables of a group: S*iota + M.
#define TABLE16 \
	VMOVAPS     Z16, Z12; \
	VFMADD213PS Z11, Z10, Z12
#define TABLE32 \
	TABLE16;              \
	VMOVAPS     Z17, Z13; \
	VFMADD213PS Z11, Z10, Z13

#define CONSTS_W2 \
	VMOVUPS   ·avx512Iota4(SB), Z16;   \
	VMOVDQU32 ·avx512Srlvd02(SB), Z19; \
	VMOVDQU32 ·avx512Srlvd46(SB), Z20
#define CONSTS_W3 \
	CONSTS_W2;                            \
	VMOVUPS      ·avx512Iota4p4(SB), Z17; \
	VPBROADCASTD ·avx512D03(SB), Z18;     \
	VPBROADCASTD ·avx512D16(SB), Z22
#define CONSTS_W4 VMOVUPS ·avx512Iota16(SB), Z16
#define CONSTS_W5 \
	CONSTS_W4;                              \
	VMOVUPS      ·avx512Iota16p16(SB), Z17; \
	VPBROADCASTD ·avx512D0f(SB), Z18;       \
	VPBROADCASTD ·avx512D16(SB), Z22
#define CONSTS_W6 \
	VPBROADCASTD ·avx512D0f(SB), Z18;     \
	VMOVDQU32    ·avx512Sllvd42(SB), Z19; \
	VMOVDQU32    ·avx512Srlvd02(SB), Z20; \
	VPBROADCASTD ·avx512D30(SB), Z21
#define CONSTS_W7 CONSTS_W6; VPBROADCASTD ·avx512D64(SB), Z22
#define CONSTS_W8

#define TABLES_W2 TABLE16
#define TABLES_W3 TABLE32
#define TABLES_W4 TABLE16
#define TABLES_W5 TABLE32
#define TABLES_W6
#define TABLES_W7
#define TABLES_W8

// op-reduce the 16 lanes of z to lane 0 of x (y, x: its Y and X names;
// ty, tx scratch).
#define HREDUCE(op, z, y, x, ty, tx) \
	VEXTRACTF64X4 $1, z, ty;    \
	op            ty, y, y;     \
	VEXTRACTF128  $1, y, tx;    \
	op            tx, x, x;     \
	VPERMILPS     $0x4e, x, tx; \
	op            tx, x, x;     \
	VPERMILPS     $0xb1, x, tx; \
	op            tx, x, x


// REDUCE4T is REDUCE4 with the scratch registers t1-t4.
#define REDUCE4T(base, boff, dst, t1, t2, t3, t4) \
	VMOVUPS    boff(base), t1;                    \
	VSHUFF64X2 $0x88, (boff+64)(base), t1, t2;    \
	VSHUFF64X2 $0xdd, (boff+64)(base), t1, t1;    \
	VADDPS     t1, t2, t3;                        \
	VMOVUPS    (boff+128)(base), t1;              \
	VSHUFF64X2 $0x88, (boff+192)(base), t1, t2;   \
	VSHUFF64X2 $0xdd, (boff+192)(base), t1, t1;   \
	VADDPS     t1, t2, t4;                        \
	VSHUFF64X2 $0x88, t4, t3, t1;                 \
	VSHUFF64X2 $0xdd, t4, t3, t2;                 \
	VADDPS     t1, t2, dst

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

// SETUP_MASKS loads the masks of the eight nibbles of a dword
// (avx512NibMask) into Z16-Z23.
#define SETUP_MASKS \
	VMOVDQU32 ·avx512NibMask+0(SB), Z16; \
	VMOVDQU32 ·avx512NibMask+64(SB), Z17; \
	VMOVDQU32 ·avx512NibMask+128(SB), Z18; \
	VMOVDQU32 ·avx512NibMask+192(SB), Z19; \
	VMOVDQU32 ·avx512NibMask+256(SB), Z20; \
	VMOVDQU32 ·avx512NibMask+320(SB), Z21; \
	VMOVDQU32 ·avx512NibMask+384(SB), Z22; \
	VMOVDQU32 ·avx512NibMask+448(SB), Z23

// X_TABLES8 loads the eight x tables of a query row (at BX) of the
// one-query row kernels into Z4-Z11.
#define X_TABLES8 \
	VMOVUPS 0(BX), Z4; \
	VMOVUPS 64(BX), Z5; \
	VMOVUPS 128(BX), Z6; \
	VMOVUPS 192(BX), Z7; \
	VMOVUPS 256(BX), Z8; \
	VMOVUPS 320(BX), Z9; \
	VMOVUPS 384(BX), Z10; \
	VMOVUPS 448(BX), Z11

#define ROWFORX1(m) m(0, Z0, Z1, Z2, Z3)
#define ROWFORX2(m) ROWFORX1(m); m(1, Z4, Z5, Z6, Z7)
#define ROWFORX4(m) ROWFORX2(m); m(2, Z8, Z9, Z10, Z11); m(3, Z12, Z13, Z14, Z15)

// ---- The start of a kernel ----

// KERNEL_TEXT(NAME) begins a kernel of one argument, a pointer to its
// argument block, which it loads into AX.
#define KERNEL_TEXT(NAME) \
TEXT NAME(SB), NOSPLIT, $0-8; \
	MOVQ a+0(FP), AX

// CODES_TEXT(NAME) begins a general Dot or AddWeighted kernel on codes:
// KERNEL_TEXT, the width's constants (CONSTS), the symmetric offset in
// Z23, the first row at SI.
#define CODES_TEXT(NAME) \
	KERNEL_TEXT(NAME);                           \
	CONSTS;                                      \
	VPBROADCASTD avx512DotArgs_negOff(AX), Z23;  \
	MOVQ         avx512DotArgs_data(AX), SI

// FLOAT_TEXT(NAME, OUT) begins a general Dot or AddWeighted kernel on fp16
// or float32 rows: KERNEL_TEXT, the first row at SI, the argument block's
// field OUT (the reduction area, or the weights) at R13, the query or y
// strides (X_STRIDES), the mask of a row's tail in K2.
#define FLOAT_TEXT(NAME, OUT) \
	KERNEL_TEXT(NAME);                      \
	MOVQ  avx512DotArgs_data(AX), SI;       \
	MOVQ  OUT(AX), R13;                     \
	X_STRIDES;                              \
	KMOVW avx512DotArgs_tailMask(AX), K2

// ROW_TEXT(NAME) begins a row kernel: KERNEL_TEXT, the tables at BX.
#define ROW_TEXT(NAME) \
	KERNEL_TEXT(NAME); \
	MOVQ avx512RowArgs_recs(AX), BX

// ---- Steps of the general kernels' bodies (avx512_dot_amd64.h,
// avx512_addweighted_amd64.h, avx512_dequantize_amd64.h and the float
// bodies): AX holds the avx512DotArgs ----

// X_STRIDES loads the stride of the query (y) rows into R12 and three
// strides into R14.
#define X_STRIDES \
	MOVQ avx512DotArgs_xStride(AX), R12; \
	LEAQ (R12)(R12*2), R14

// ROWS_INIT keeps the rows left, and the first row's scales and mins, in
// the argument block (rowsLeft, rowScales, rowMins); uses R11.
// W_ROW_BEGIN starts a row of the AddWeighted bodies: the row's weight of
// each weight row (FORX(LOAD_W); R10 and R11 one and three strides of w),
// the row's codes or values at DI, y at BX.
#define W_ROW_BEGIN \
	MOVQ avx512DotArgs_outStride(AX), R10; \
	LEAQ (R10)(R10*2), R11;                \
	FORX(LOAD_W);                          \
	MOVQ SI, DI;                           \
	MOVQ avx512DotArgs_x(AX), BX

#define ROWS_INIT \
	MOVQ avx512DotArgs_n(AX), R11;         \
	MOVQ R11, avx512DotArgs_rowsLeft(AX);  \
	ROW_SCALES_INIT

#define ROW_SCALES_INIT \
	MOVQ avx512DotArgs_scales(AX), R11;    \
	MOVQ R11, avx512DotArgs_rowScales(AX); \
	MOVQ avx512DotArgs_mins(AX), R11;      \
	MOVQ R11, avx512DotArgs_rowMins(AX)

// ROW_SCALES_NEXT moves rowScales and rowMins to the next row; uses R10.
#define ROW_SCALES_NEXT \
	MOVQ avx512DotArgs_rowScaleBytes(AX), R10; \
	ADDQ R10, avx512DotArgs_rowScales(AX);     \
	MOVQ avx512DotArgs_rowMinBytes(AX), R10;   \
	ADDQ R10, avx512DotArgs_rowMins(AX)

// GROUP_PLANES points R8 and R9 at the 2-bit and 1-bit planes of the group
// at DI; GROUP_SM broadcasts its fp16 scale (at DX) and min (at R11) into
// Z10 and Z11 as float32.
#define GROUP_PLANES \
	MOVQ DI, R8;                         \
	ADDQ avx512DotArgs_off2(AX), R8;     \
	MOVQ DI, R9;                         \
	ADDQ avx512DotArgs_off1(AX), R9

#define GROUP_SM \
	VPBROADCASTW (DX), Y10; \
	VCVTPH2PS    Y10, Z10;  \
	VPBROADCASTW (R11), Y11; \
	VCVTPH2PS    Y11, Z11

// GROUP_BEGIN starts a group of the Dot and AddWeighted bodies: the planes
// (GROUP_PLANES), S and M (GROUP_SM), M += S*Z23 (the symmetric offset, 0
// for asymmetric formats), the width's lookup tables (TABLES), R10 = 0.
#define GROUP_BEGIN \
	GROUP_PLANES;              \
	GROUP_SM;                  \
	VFMADD231PS Z23, Z10, Z11; \
	TABLES;                    \
	XORQ        R10, R10

// BLOCK_NEXT moves to the next block of the group (BX, the query, y or
// output values: 128 bytes on; R10, the block index) and loops to blk
// while there is one; GROUP_NEXT moves to the next group (scale, min, codes) and loops to
// group while there is one (CX).
#define BLOCK_NEXT \
	ADDQ $128, BX;                            \
	ADDQ $4, R10;                             \
	CMPQ R10, avx512DotArgs_blockLimit(AX);   \
	JB   blk

#define GROUP_NEXT \
	ADDQ $2, DX;                              \
	ADDQ avx512DotArgs_minStride(AX), R11;    \
	ADDQ avx512DotArgs_groupBytes(AX), DI;    \
	DECQ CX;                                  \
	JNZ  group

// FLOAT_STEPS(OP, OPM, end): the steps of 16 values of a float row (CX of
// them; DI the row, BX the query or y values), each loaded as float32
// (LOADV) and handled by FORX(OP), then the tail under the mask K2, if any
// (LOADVM, FORX(OPM)); falls through to end.
#define FLOAT_STEPS(OP, OPM, end) \
step:                           \
	LOADV((DI), Z8);            \
	FORX(OP);                   \
	ADDQ $(16*ESZ), DI;         \
	ADDQ $64, BX;               \
	DECQ CX;                    \
	JNZ  step;                  \
tail:                           \
	KORTESTW K2, K2;            \
	JZ       end;               \
	LOADVM((DI), K2, Z8);       \
	FORX(OPM)

// PARK_ROW parks the row's accumulators (FORX(PARK)) in the reduction
// area, as its row r; ROW_NEXT16 counts the row and loops to row until 16
// rows are parked or none is left (then to flush); FLUSH_MASK sets K1 to
// the parked rows.
#define PARK_ROW \
	MOVQ avx512DotArgs_r(AX), R10; \
	SHLQ $6, R10;                  \
	FORX(PARK)

#define ROW_NEXT16 \
	INCQ avx512DotArgs_r(AX);          \
	DECQ avx512DotArgs_rowsLeft(AX);   \
	JZ   flush;                        \
	CMPQ avx512DotArgs_r(AX), $16;     \
	JB   row

// FLUSH_ROWS(OP) stores the parked rows' sums (FORX(OP): R10 the outputs,
// R11 their stride), moves to the next 16 outputs and loops to block while
// rows are left, else returns.
#define FLUSH_ROWS(OP) \
	MOVQ  avx512DotArgs_outCur(AX), R10;    \
	MOVQ  avx512DotArgs_outStride(AX), R11; \
	FORX(OP);                               \
	ADDQ  $64, avx512DotArgs_outCur(AX);    \
	CMPQ  avx512DotArgs_rowsLeft(AX), $0;   \
	JNE   block;                            \
	VZEROUPPER;                             \
	RET

#define FLUSH_MASK \
	MOVL  $-1, R10;                 \
	MOVQ  avx512DotArgs_r(AX), R11; \
	BZHIL R11, R10, R10;            \
	KMOVW R10, K1

// ---- Steps of the row kernels' bodies (avx512_dot_row_amd64.h,
// avx512_dotq8_row_amd64.h, avx512_addweighted_row_amd64.h): AX holds the
// avx512RowArgs ----

// ROW_ARGS loads the first row's codes (SI), fp16 scales (DX) and mins (R8).
#define ROW_ARGS \
	MOVQ avx512RowArgs_data(AX), SI;   \
	MOVQ avx512RowArgs_scales(AX), DX; \
	MOVQ avx512RowArgs_mins(AX), R8

// QUAD_ROWS_BEGIN(QUADS) starts a block of at most 16 of the CX rows left
// (R10 rows, taken off CX): QUADS = quads of four rows in it, R14 = 0 (the
// offset in the parked vectors). QUAD_ROWS_NEXT(QUADS) steps the scales
// and mins (DX, R8) and R14 to the next quad, and loops to quad while the
// block has one.
#define QUAD_ROWS_BEGIN(QUADS) \
	MOVQ    $16, R10;   \
	CMPQ    CX, R10;    \
	CMOVQLT CX, R10;    \
	SUBQ    R10, CX;    \
	MOVQ    R10, QUADS; \
	SHRQ    $2, QUADS;  \
	XORQ    R14, R14

#define QUAD_ROWS_NEXT(QUADS) \
	ADDQ $16, DX;  \
	ADDQ $16, R8;  \
	ADDQ $64, R14; \
	DECQ QUADS;    \
	JNZ  quad

// BLOCK_MASK(K) sets K to the block's R10 rows (one bit each); BLOCKS_NEXT
// moves out (DI) past the block's 16 sums and loops to block while rows
// are left (CX), else returns.
#define BLOCK_MASK(K) \
	MOVL  $-1, R11;       \
	BZHIL R10, R11, R11;  \
	KMOVW R11, K

#define BLOCKS_NEXT \
	ADDQ  $64, DI; \
	TESTQ CX, CX;  \
	JNZ   block;   \
	VZEROUPPER;    \
	RET

