// Body of one Dot row kernel of avx512_dot_amd64.s that forms each row's
// sum in two parts, each part like a row of the kernels of rows of 128
// (avx512_dot_row_amd64.h) with its own group scales and shift terms: 4-bit
// rows of 256 values (head dimension 256) in groups of 16, 32, 64, 128 or
// 256, whose parts are the rows' halves (64 code bytes each, four rows'
// halves loaded 128 bytes apart), each multiplied into its own x tables (at
// BX, the second half's 2560 bytes on).
//
// Included once per shape and number of query rows with these macros
// defined:
//
//	NAME      the function's symbol
//	SETUP     loads what stays in registers (the nibble masks)
//	PART_A, PART_B  the four rows' multiply-adds of each part into the
//	          accumulators (prefetching the part's next codes, loading the
//	          codes, and for one query row the half's x tables)
//	PART_TABLES  the bytes from the first part's x tables to the second's
//	QUADBYTES the bytes of codes of four rows
//	FORX(m)   expands m(j, acc0, acc1, acc2, acc3) per query row j
//	SC_LOAD(src), SC_PERM(off, dst)  convert the quad's fp16 scales (or
//	          mins) at src, and permute them into dst by the index table
//	          at avx512Row256Idx+off
//	IDX       the offset of the shape's index tables in avx512Row256Idx
//	SCBYTES   the bytes of fp16 scales of four rows (8 per group of a row)
//	SHIFT_LO, SHIFT_HI  the lanes that take a shift term in each part
//	SCALES_A, SCALES_B  each part's scales and mins: the shape's
//	          SC_LOAD and SC_PERM by the index tables at IDX (SCALES_HALF),
//	          or for groups of 16 those of each pair of rows
//	          (SCALES_PART_G16)
//	OUT_A, OUT_B  each part's combining, scaling and parking per query
//	          row (QUAD_OUT_PART_A, _B, or for groups of 16, whose pairs of
//	          rows are scaled after their first COMBINE, _A_G16, _B_G16)
//
// Four rows' parts are combined into K, whose lane 4L+r is row r's
// partial over the part's values of 128-bit lane L. Each lane gets its own
// group's scale (S, permuted from the quad's scales) and, in the lanes
// SHIFT_LO (SHIFT_HI) that hold one of the part's groups, the shift term
// (the rows' mins, or scales when symmetric, times the query's group sums
// at R9, the second part's 256 bytes on, times -2^(Bits-1) when
// symmetric; the other lanes get 0, not 0 times a perhaps non-finite
// min). The first part parks F = K*S + P, the second adds its own, and
// every 16 rows REDUCE4 sums the lanes of each row as for rows of 128.
// Every lane holds one row's values, so a non-finite scale or min stays in
// its own row's sum.
//
// Instructions per 32 values, as for rows of 128: 4 + 2 per query row
// for the codes (the mask, the conversion, one multiply-add per query row
// and nibble), plus about 1 per query row to combine, scale, shift and
// park each part, and, for one query row, 1 more to reload the x tables
// per half.
//
// Registers: as in avx512_dot_row_amd64.h, with MREG the permuted mins
// and SREG the permuted scales, T1-T4 scratch. SI codes, DX scales, R8
// mins, BX x tables, R9 group sums, DI out, R13 the parked vectors, R14
// the offset of the next, R12 quads left in the block, R10 rows in the
// block, CX rows after it, R11 scratch; K5 and K6 the lanes of the shift
// terms.

ROW_TEXT(NAME)
	MOVQ avx512RowArgs_sg(AX), R9
	SETUP
	ROW_ARGS
	MOVQ  avx512RowArgs_scratch(AX), R13
	MOVQ  avx512RowArgs_out(AX), DI
	MOVQ  avx512RowArgs_n(AX), CX
	MOVL  $SHIFT_LO, R11
	KMOVW R11, K5
	MOVL  $SHIFT_HI, R11
	KMOVW R11, K6

block:
	QUAD_ROWS_BEGIN(R12)

quad:
	PART_A
	SCALES_A
	FORX(OUT_A)
	ADDQ $PART_TABLES, BX
	ADDQ $256, R9
	PART_B
	SCALES_B
	FORX(OUT_B)
	SUBQ $PART_TABLES, BX
	SUBQ $256, R9
	ADDQ $QUADBYTES, SI
	ADDQ $SCBYTES, DX
	ADDQ $SCBYTES, R8
	ADDQ $64, R14
	DECQ R12
	JNZ  quad

	BLOCK_MASK(K1)
	MOVQ  DI, R11
	FORX(ROW_FLUSH)
	BLOCKS_NEXT
