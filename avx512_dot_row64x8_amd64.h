// Body of the four-query Dot row kernels of avx512_dot_amd64.s on 4-bit
// rows of 64 values in one group of 64, two of 32 or four of 16, eight rows (four
// vectors, two rows each) per iteration, so that combining, scaling and
// parking a query row's sums serve eight rows, not four.
//
// The multiply-adds are those of the kernels of rows of 128 (QUADX4: the
// four vectors' nibbles masked in place and converted once, each query
// row's x table of a field loaded once, the masks read from the table
// after the x tables), on the x tables of rows of 64 (nibble k of dword
// lane l holds column avx512RowCols4[k][l%8]). Vector r holds rows 2r
// (128-bit lanes 0 and 1) and 2r+1 (lanes 2 and 3), so the four
// accumulators of a query row combine (COMBINE_F, three times) into K,
// whose lane 4L+r is row 2r+L/2's sum over its block L%2 (32 values).
// Per query row F = K*S + P, with S each lane's scale and P the shift
// term: the mins (the scales when symmetric), permuted like the scales,
// times the query's sums (at R9, laid out by avx512DotRow64) under the
// mask K4 (SHIFT_LANES: each row once for one group of 64, every lane for
// two groups of 32 and four of 16), so a non-finite min or scale stays in
// its own row's lanes. F is parked; every 16 rows the two parked vectors of a query row
// are added lane pair by lane pair (VSHUFF64X2, VADDPS: rows 0, 2, 4, 6 |
// 1, 3, 5, 7 | 8, 10, … | 9, 11, …) and permuted to row order
// (avx512Row64OctIdx) for the store.
//
// Instructions per 32 values: 1 VPANDD and 1 VCVTUDQ2PS per field and
// vector, 1 FMA per field, vector and query row: 4 + 2 per query row for
// the codes (plus 2.5 loads: codes, x tables, masks), and about 0.85 per
// query row to combine, scale, shift, park and reduce (three COMBINE_F, a
// multiply, an FMA and a store per eight rows; a fifth of the reduction of
// 16 rows).
//
// Included once per group with these macros defined:
//
//	NAME        the function's symbol
//	OCT_SCALES  the eight rows' scales (SREG) and mins (MREG), permuted
//	            to K's lanes, from DX and R8, which it steps past them
//	OCT_OUT     per query row (ROWFORX4), F parked at (j*256)(R13)(R14*1):
//	            QUAD_OUT_CODES, or for groups of 16 (two groups per
//	            128-bit lane) OCT_OUT_G16, which scales each pair of
//	            accumulators after its first COMBINE_F
//	SHIFT_LANES the lanes that take a shift term (K4)
//
// Registers: Z0-Z15 accumulators (query j, vector r: Z(4j+r)), Z16-Z19
// the four vectors' nibbles, Z20-Z23 a field's x tables, Z24-Z27 the
// codes, Z30 a field's mask; then MREG (Z24), SREG (Z25), T1-T4
// (Z26-Z29) (for groups of 16 also Z30, Z31 and Z16-Z17) and Z31 the
// flush's permutation. SI codes, DX scales, R8
// mins, BX x tables, R9 the query sums, DI out, R13 the parked vectors,
// R14 the offset of the next, R12 iterations left in the block, R10 rows
// in the block, CX rows after it, R11 scratch.

ROW_TEXT(NAME)
	MOVQ  avx512RowArgs_sg(AX), R9
	ROW_ARGS
	MOVQ  avx512RowArgs_scratch(AX), R13
	MOVQ  avx512RowArgs_out(AX), DI
	MOVQ  avx512RowArgs_n(AX), CX
	MOVL  $SHIFT_LANES, R11
	KMOVW R11, K4

block:
	MOVQ    $16, R10
	CMPQ    CX, R10
	CMOVQLT CX, R10
	SUBQ    R10, CX
	MOVQ    R10, R12
	SHRQ    $3, R12
	XORQ    R14, R14

oct:
	PREFETCHT0 1024(SI)
	PREFETCHT0 1088(SI)
	PREFETCHT0 1152(SI)
	PREFETCHT0 1216(SI)
	QUADX4
	OCT_SCALES
	ROWFORX4(OCT_OUT)
	ADDQ $256, SI
	ADDQ $64, R14
	DECQ R12
	JNZ  oct

	BLOCK_MASK(K1)
	MOVQ      DI, R11
	VMOVDQU32 ·avx512Row64OctIdx(SB), Z31
	ROWFORX4(OCT_FLUSH)
	BLOCKS_NEXT
