// Body of one DotQ8 row kernel of avx512_dotq8_amd64.s: rows of 128 values
// in two groups of 64 (or one group of 128, taken as two with the row's
// scale and min in both), one query row, four rows per iteration. Included
// once per code width with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's unpack constants
//	ROWBYTES  bytes of codes per row
//	ROWINT(off, dst)  the int32 lane sums of the row at off(SI) (see below)
//	Q8_SCALES the four rows' group scales S in K's lanes into Z24 and the
//	          shift term P into Z25 (Q8_SCALES_G64, Q8_SCALES_G128 for rows
//	          of one group, Q8_SCALES_G32 for four groups of 32)
//	Q8_SCALE_IDX the VPERMPS indexes of S (·avx512QuadScaleIdx, or
//	          ·avx512QuadG32Idx for groups of 32)
//	ROW_SPLIT (if defined) each row of 128 is two rows of 64, whose sums
//	          (blocks 0-1 and 2-3) the flush stores apart (Q8_SPLIT_FLUSH)
//	PREFETCH_QUAD (if defined) prefetches the quad's codes 1 KiB ahead
//	ROW_STRIDE (if defined) the bytes from row to row, when the rows are
//	          halves of rows of 256 (ROWBYTES each); the half's selection
//	          of the quad's scales (Q8_SCALES_H*) is then loaded into Z28
//	          from the records
//
// Each row is unpacked into two vectors of 64 codes, lo and hi, whose
// 128-bit lane L holds values 0-15 (lo) and 16-31 (hi) of the row's block L,
// and ROWINT sums both against the query's int8 values (Z0, Z1) into one
// vector of int32 lanes with VPDPBUSD. The lanes of 128-bit lane L all
// belong to block L, so four rows' vectors are summed pairwise (exactly,
// in int32) into one vector K whose lane 4L+r is the sum of row r's block
// L. The float chain then runs once per four rows:
//
//	F = cvt(K) * D * S + P
//
// with D the lanes' query block scales, S the lanes' group scales (VPERMPS
// from the four rows' converted scales) and P the shift term (the rows'
// mins, or scales when symmetric, times the query's group sums SG, in the
// lanes 8+r and 12+r of row r; the multiply leaves the other lanes 0 by
// the mask K6, not by SG's zeros, so that one row's Inf or NaN scale, in
// those lanes, cannot reach another row's sum as 0*Inf). With groups of
// 32 every lane 4L+r has its own group L of row r: S and P are the 16
// scales and 16 mins transposed to that layout, P times SG in all lanes. Every 16 rows the four parked F vectors are
// reduced to 16 sums (REDUCE4, natural order).
//
// Instructions per four rows: 4 ROWINT (6-16 each), 9 to combine, 9 for the
// scales, shift term and float chain, 1 store, 7 scalar; per 16 rows 9 to
// reduce and 8 to store. Budget per 32 values (a quarter row): ROWINT/4
// (1.75 for width 4, 2 for 2 and 8, 3.75 for 6, 4.25 for 7; 3 more scalar
// for 3, 5 and 7) plus 1.7 for the rest. The caller passes a multiple of 4
// rows.
//
// Registers: Z0, Z1 x8 (lo, hi); Z2 D; Z3 the VPERMPS indexes of S; Z4 SG
// in the lanes of P; Y5 the VPSHUFB control that orders the mins;
// Z16-Z23 unpack constants; Z6-Z12 and Z24-Z25 the sums of one iteration;
// Z13-Z15 scratch. SI codes, DX scales, R8 mins, DI out, R13 the parked
// vectors, R14 the offset of the next, BX iterations left in the block,
// R10 rows in the block, CX rows after it; AX, R9, R11, R12 scratch.

#ifdef ROW_STRIDE
#define RSTRIDE ROW_STRIDE
#else
#define RSTRIDE ROWBYTES
#endif

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
	VMOVDQU64 0(BX), Z0
	VMOVDQU64 64(BX), Z1
	VMOVDQU64 128(BX), Z2
#ifdef ROW_STRIDE
	VMOVDQU64 192(BX), Z28
#endif
	VMOVDQU64 Q8_SCALE_IDX(SB), Z3
	MOVQ      avx512RowArgs_sg(AX), R11
	VMOVUPS   (R11), Z4
	VMOVDQU64 ·avx512QuadMinShuf(SB), Y5
	KMOVW     avx512RowArgs_accMask(AX), K4
	MOVL      $0xff00, R11
	KMOVW     R11, K6
	ROW_ARGS
	MOVQ      avx512RowArgs_scratch(AX), R13
	MOVQ      avx512RowArgs_out(AX), DI
	MOVQ      avx512RowArgs_n(AX), CX

block:
	QUAD_ROWS_BEGIN(BX)

quad:
#ifdef PREFETCH_QUAD
	PREFETCH_QUAD
#endif
	ROWINT(0, Z6)
	ROWINT(RSTRIDE, Z7)
	ROWINT(2*RSTRIDE, Z8)
	ROWINT(3*RSTRIDE, Z9)
	COMBINE(Z6, Z7, Z10)
	COMBINE(Z8, Z9, Z11)
	COMBINE(Z10, Z11, Z12)
	Q8_SCALES
	VCVTDQ2PS    Z12, Z12
	VMULPS       Z2, Z12, Z12
	VFMADD213PS  Z25, Z24, Z12
	VMOVUPS      Z12, (R13)(R14*1)
	ADDQ         $(4*RSTRIDE), SI
	QUAD_ROWS_NEXT(BX)

#ifdef ROW_SPLIT
	Q8_SPLIT_FLUSH
#else
	BLOCK_MASK(K3)
	KANDW     K3, K4, K5
	REDUCE4(R13, 0, Z12)
	VMOVUPS.Z (DI), K5, Z15
	VADDPS    Z15, Z12, Z12
	VMOVUPS   Z12, K3, (DI)
	BLOCKS_NEXT
#endif

#undef RSTRIDE
