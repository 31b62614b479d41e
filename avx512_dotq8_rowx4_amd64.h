// Body of one DotQ8 row kernel of four query rows (avx512_dotq8_amd64.s):
// rows of 128 values of 2-, 4- or 8-bit codes in groups of 32, 64 or 128,
// four rows per iteration, each row unpacked once for the four query rows.
// Included once per width and group with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's unpack constants
//	ROWBYTES  bytes of codes per row
//	LOHI(off, lo, hi) unpacks the row at off(SI) into its lo and hi
//	          vectors (the layout of avx512_dotq8_row_amd64.h)
//	Q8_SM     the four rows' S into Z24 and mins M into Z25 (Q8_SM_G64,
//	          Q8_SM_G32, Q8_SM_G128)
//	Q8_SCALE_IDX the VPERMPS indexes of S
//	ROW_STRIDE (if defined) the bytes from row to row, when the rows are
//	          halves of rows of 256 (ROWBYTES each); Q8_SM (Q8_SM_H*) then
//	          picks the half's scales and mins by the indexes loaded into
//	          Z28 from the records' end (4*576)
//	ROW_SPLIT (if defined) each row of 128 is two rows of 64, whose sums
//	          the flush stores apart (Q8_SPLIT_HALFB per query row, as the
//	          one-query kernels' Q8_SPLIT_FLUSH does)
//	SM_LANES  the lanes of M that hold mins (0xff00, or 0xffff for groups
//	          of 32)
//	PREFETCH_QUAD  prefetches the codes 1 KiB ahead, one line per 64 bytes
//	          of a quad
//
// It computes what avx512_dotq8_row_amd64.h computes for one query row, for
// query rows j = 0-3 at once, with no combining of row sums: the four
// rows' lo vectors (and then their hi vectors) are transposed as 4 x 4
// dwords within each 128-bit lane (TRANSPOSE4D), so that vector T_k's lane
// 4L+r holds row r's codes 4k to 4k+3 of block L (lo: codes 0-15 of the
// block, hi: 16-31). VPDPBUSD of T_0-T_7 against query j's int8 values
// laid out the same way (the records: 8 vectors per query row, lane 4L+r
// the query's values 4k to 4k+3 of block L for every r, then the block
// scales D; 576 bytes per query row) sums straight into K_j, lane 4L+r
// row r's block L. Then per query row
//
//	F_j = cvt(K_j) * D_j * S + M * SG_j
//
// (SG_j, the query's shift sums, 16 floats at 64j of sg; the product with
// M taken under SM_LANES, so that a non-finite min cannot reach another
// row's lanes as 0*Inf) parked at 256j of scratch, and every 16 rows each
// query row's four parked vectors are reduced (REDUCE4) and stored at DI +
// j*outStride (added to out under accMask).
//
// Instructions per four rows (512 values, four query rows): LOHI 4 x (6
// for width 2, 4 for 4, 3 for 8), 16 to transpose, 4 x 9 for K_j, 3-6 for
// S and M, 5 per query row for the float chain and the park, 6 scalar and
// the prefetches; per 16 rows 16 per query row to reduce and store.
// Budget per 32 values (a sixteenth of four rows): 6.9 for width 2, 6.4 for
// 4, 6.2 for 8 — 1.6-1.7 per query row, against 3.7-3.8 for the one-query
// kernels. The caller passes a multiple of 4 rows.
//
// Registers: Z0, Z1, Z2, Z4 K_0-K_3; Z6-Z9 the four rows' lo vectors, then
// T_0-T_3; Z10-Z12, Z18 their hi vectors, then T_4-T_7; Z13-Z15, Z19 the
// transpose's scratch; Z3 the VPERMPS indexes of S; Y5 the VPSHUFB control
// that orders the mins; Z16-Z17, Z20-Z22 unpack constants; Z24 S, Z25 M,
// Z27 a query row's shift term; Z12 reductions. SI codes, DX scales, R8
// mins, BX query records, R9 shift sums, DI out, R13 parked vectors, R14
// the offset of the next, R12 quads left in the block, R10 rows in the
// block, CX rows after it, R11 scratch.

#ifndef KX4

// TRANSPOSE4D(a, b, c, d) transposes the 4 x 4 dwords of each 128-bit lane
// of a-d (rows) in place: lane L's dword r of the k-th output is dword k of
// input r. 8 instructions, scratch Z13-Z15, Z19.
#define TRANSPOSE4D(a, b, c, d) \
	VPUNPCKLDQ  b, a, Z13;   \
	VPUNPCKHDQ  b, a, Z14;   \
	VPUNPCKLDQ  d, c, Z15;   \
	VPUNPCKHDQ  d, c, Z19;   \
	VPUNPCKLQDQ Z15, Z13, a; \
	VPUNPCKHQDQ Z15, Z13, b; \
	VPUNPCKLQDQ Z19, Z14, c; \
	VPUNPCKHQDQ Z19, Z14, d

// KX4(j, k): K_j (register k) from T_0-T_7 and query row j's records.
// 9 instructions. (Two chains of four, joined at the end, measured no
// faster.)
#define KX4(j, k) \
	VPXORD   k, k, k;                 \
	VPDPBUSD (576*j)(BX), Z6, k;      \
	VPDPBUSD (576*j+64)(BX), Z7, k;   \
	VPDPBUSD (576*j+128)(BX), Z8, k;  \
	VPDPBUSD (576*j+192)(BX), Z9, k;  \
	VPDPBUSD (576*j+256)(BX), Z10, k; \
	VPDPBUSD (576*j+320)(BX), Z11, k; \
	VPDPBUSD (576*j+384)(BX), Z12, k; \
	VPDPBUSD (576*j+448)(BX), Z18, k

// F_X4(j, k): query row j's float chain on its K (k), parked.
#define F_X4(j, k) \
	VCVTDQ2PS   k, k;                     \
	VMULPS      (576*j+512)(BX), k, k;    \
	VMULPS.Z    (64*j)(R9), Z25, K6, Z27; \
	VFMADD213PS Z27, Z24, k;              \
	VMOVUPS     k, (256*j)(R13)(R14*1)

// FLUSH_X4(j): query row j's 16 sums of the block, stored or added at R11,
// which then steps to the next query row's out.
#define FLUSH_X4(j) \
	REDUCE4(R13, 256*j, Z12); \
	VMOVUPS.Z (R11), K5, Z15; \
	VADDPS    Z15, Z12, Z12;  \
	VMOVUPS   Z12, K3, (R11); \
	ADDQ      avx512RowArgs_outStride(AX), R11

// SPLIT_X4(j): query row j's 32 sums of rows of 64 (two rows of 64 per row
// of 128 of the block), stored or added at R11, which then steps to the
// next query row's out.
#define SPLIT_X4(j) \
	Q8_SPLIT_HALFB(256*j, 0, K3, K5, R11);     \
	Q8_SPLIT_HALFB(256*j+128, 64, K2, K7, R11); \
	ADDQ avx512RowArgs_outStride(AX), R11

#endif

#ifdef ROW_STRIDE
#define RSTRIDE ROW_STRIDE
#else
#define RSTRIDE ROWBYTES
#endif

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
#ifdef ROW_STRIDE
	VMOVDQU64 (4*576)(BX), Z28
#endif
	MOVQ      avx512RowArgs_sg(AX), R9
	VMOVDQU64 Q8_SCALE_IDX(SB), Z3
	VMOVDQU64 ·avx512QuadMinShuf(SB), Y5
	KMOVW     avx512RowArgs_accMask(AX), K4
	MOVL      $SM_LANES, R11
	KMOVW     R11, K6
	ROW_ARGS
	MOVQ      avx512RowArgs_scratch(AX), R13
	MOVQ      avx512RowArgs_out(AX), DI
	MOVQ      avx512RowArgs_n(AX), CX

block:
	QUAD_ROWS_BEGIN(R12)

quad:
	PREFETCH_QUAD
	LOHI(0, Z6, Z10)
	LOHI(RSTRIDE, Z7, Z11)
	LOHI(2*RSTRIDE, Z8, Z12)
	LOHI(3*RSTRIDE, Z9, Z18)
	TRANSPOSE4D(Z6, Z7, Z8, Z9)
	TRANSPOSE4D(Z10, Z11, Z12, Z18)
	KX4(0, Z0)
	KX4(1, Z1)
	KX4(2, Z2)
	KX4(3, Z4)
	Q8_SM
	F_X4(0, Z0)
	F_X4(1, Z1)
	F_X4(2, Z2)
	F_X4(3, Z4)
	ADDQ $(4*RSTRIDE), SI
	QUAD_ROWS_NEXT(R12)

#ifdef ROW_SPLIT
	// 2·R10 rows of 64: the first 16 under K3 (K5 where added), the rest
	// under K2 (K7).
	LEAQ    (R10)(R10*1), R11
	MOVQ    $16, R12
	CMPQ    R11, R12
	CMOVQLT R11, R12
	SUBQ    R12, R11
	MOVL    $-1, R14
	BZHIL   R12, R14, R12
	KMOVW   R12, K3
	BZHIL   R11, R14, R11
	KMOVW   R11, K2
	KANDW   K3, K4, K5
	KANDW   K2, K4, K7
	MOVQ    DI, R11
	SPLIT_X4(0)
	SPLIT_X4(1)
	SPLIT_X4(2)
	SPLIT_X4(3)
	ADDQ    $128, DI
	TESTQ   CX, CX
	JNZ     block
	VZEROUPPER
	RET
#else
	BLOCK_MASK(K3)
	KANDW K3, K4, K5
	MOVQ  DI, R11
	FLUSH_X4(0)
	FLUSH_X4(1)
	FLUSH_X4(2)
	FLUSH_X4(3)
	BLOCKS_NEXT
#endif

#undef RSTRIDE
