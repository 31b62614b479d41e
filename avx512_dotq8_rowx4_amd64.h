// Body of one DotQ8 row kernel of four query rows (avx512_dotq8_amd64.s):
// rows of 128 values of 2-, 4- or 8-bit codes in groups of 32, 64 or 128,
// four rows per iteration, each row unpacked once for the four query rows.
// Included once per width and group with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's unpack constants
//	ROWBYTES  bytes of codes per row
//	LOHI(off) unpacks the row at off(SI) into the lo and hi vectors
//	          (LO, HI) of avx512_dotq8_row_amd64.h's layout
//	LO, HI    the registers LOHI leaves them in
//	Q8_SM     the four rows' S into Z24 and mins M into Z25 (Q8_SM_G64,
//	          Q8_SM_G32, Q8_SM_G128)
//	Q8_SCALE_IDX the VPERMPS indexes of S
//	SM_LANES  the lanes of M that hold mins (0xff00, or 0xffff for groups
//	          of 32)
//	PREFETCH_QUAD  prefetches the codes 1 KiB ahead, one line per 64 bytes
//	          of a quad
//
// It computes what avx512_dotq8_row_amd64.h computes for one query row, for
// query rows j = 0-3 at once: per row, VPDPBUSD of lo and hi against query
// j's int8 values (read from the records, 192 bytes per query row: lo
// values, hi values, block scales D) into an int32 vector per query row;
// rows 0 and 1, then 2 and 3, then the two pairs are combined (COMBINET)
// into K_j, lane 4L+r row r's block L; then per query row
//
//	F_j = cvt(K_j) * D_j * S + M * SG_j
//
// (SG_j, the query's shift sums, 16 floats at 64j of sg; the product with
// M taken under SM_LANES, so that a non-finite min cannot reach another
// row's lanes as 0*Inf) parked at 256j of scratch, and every 16 rows each
// query row's four parked vectors are reduced (REDUCE4) and stored at DI +
// j*outStride (added to out under accMask).
//
// Instructions per four rows (512 values, four query rows): 4 × (LOHI: 6
// for width 2, 4 for 4, 4 for 8; 12 VPDPBUSD and zeroing), 36 to combine,
// 3-6 for S and M, 5 per query row for the float chain and the park, 6
// scalar; per 16 rows 16 per query row to reduce and store. Budget per 32
// values (a sixteenth of four rows): 8.7 for width 2, 8.2 for 4 and 8 —
// 2.1-2.2 per query row, against 3.7-3.8 for the one-query kernels.
// The caller passes a multiple of 4 rows.
//
// Registers: Z0, Z1, Z2, Z4 the rows' sums of query rows 0-3 (rows 0-1,
// then K_j); Z6-Z9 row 1's, then row 2's and the pair's; Z18, Z19, Z23,
// Z26 row 3's; Z10, Z11 combine scratch; Z3 the VPERMPS indexes of S; Y5
// the VPSHUFB control that orders the mins; Z13-Z15 the row's codes and
// lo, hi; Z16-Z17, Z20-Z22 unpack constants; Z24 S, Z25 M, Z27 a query
// row's shift term; Z12 reductions. SI codes, DX scales, R8 mins, BX query
// records, R9 shift sums, DI out, R13 parked vectors, R14 the offset of
// the next, R12 quads left in the block, R10 rows in the block, CX rows
// after it, R11 scratch.

#ifndef DPX4

// DPX4(lo, hi, a0, a1, a2, a3): a_j = the int32 lane sums of lo and hi
// against query row j's int8 values. 12 instructions.
#define DPX4(lo, hi, a0, a1, a2, a3) \
	VPXORD   a0, a0, a0;     \
	VPDPBUSD 0(BX), lo, a0;   \
	VPDPBUSD 64(BX), hi, a0;  \
	VPXORD   a1, a1, a1;     \
	VPDPBUSD 192(BX), lo, a1; \
	VPDPBUSD 256(BX), hi, a1; \
	VPXORD   a2, a2, a2;     \
	VPDPBUSD 384(BX), lo, a2; \
	VPDPBUSD 448(BX), hi, a2; \
	VPXORD   a3, a3, a3;     \
	VPDPBUSD 576(BX), lo, a3; \
	VPDPBUSD 640(BX), hi, a3

// F_X4(j, k): query row j's float chain on its K (k), parked.
#define F_X4(j, k) \
	VCVTDQ2PS   k, k;                     \
	VMULPS      (128+192*j)(BX), k, k;    \
	VMULPS.Z    (64*j)(R9), Z25, K6, Z27; \
	VFMADD213PS Z27, Z24, k;              \
	VMOVUPS     k, (256*j)(R13)(R14*1)

// FLUSH_X4(j): query row j's 16 sums of the block, stored or added at R11,
// which then steps to the next query row's out.
#define FLUSH_X4(j) \
	REDUCE4(R13, 256*j, Z12);   \
	VMOVUPS.Z (R11), K5, Z15;   \
	VADDPS    Z15, Z12, Z12;    \
	VMOVUPS   Z12, K3, (R11);   \
	ADDQ      avx512RowArgs_outStride(AX), R11

#endif

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
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
	LOHI(0)
	DPX4(LO, HI, Z0, Z1, Z2, Z4)
	LOHI(ROWBYTES)
	DPX4(LO, HI, Z6, Z7, Z8, Z9)
	COMBINET(Z0, Z6, Z0, Z10, Z11)
	COMBINET(Z1, Z7, Z1, Z10, Z11)
	COMBINET(Z2, Z8, Z2, Z10, Z11)
	COMBINET(Z4, Z9, Z4, Z10, Z11)
	LOHI(2*ROWBYTES)
	DPX4(LO, HI, Z6, Z7, Z8, Z9)
	LOHI(3*ROWBYTES)
	DPX4(LO, HI, Z18, Z19, Z23, Z26)
	COMBINET(Z6, Z18, Z6, Z10, Z11)
	COMBINET(Z7, Z19, Z7, Z10, Z11)
	COMBINET(Z8, Z23, Z8, Z10, Z11)
	COMBINET(Z9, Z26, Z9, Z10, Z11)
	COMBINET(Z0, Z6, Z0, Z10, Z11)
	COMBINET(Z1, Z7, Z1, Z10, Z11)
	COMBINET(Z2, Z8, Z2, Z10, Z11)
	COMBINET(Z4, Z9, Z4, Z10, Z11)
	Q8_SM
	F_X4(0, Z0)
	F_X4(1, Z1)
	F_X4(2, Z2)
	F_X4(3, Z4)
	ADDQ $(4*ROWBYTES), SI
	QUAD_ROWS_NEXT(R12)

	BLOCK_MASK(K3)
	KANDW K3, K4, K5
	MOVQ  DI, R11
	FLUSH_X4(0)
	FLUSH_X4(1)
	FLUSH_X4(2)
	FLUSH_X4(3)
	BLOCKS_NEXT
