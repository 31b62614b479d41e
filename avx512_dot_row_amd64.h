// Body of one Dot row kernel of avx512_dot_amd64.s: 4-bit codes, rows of
// 128 values in two groups of 64 (or fp16 and float32 rows of 128 values,
// see below), four rows per iteration, included once per number of query
// rows with these macros defined:
//
//	NAME      the function's symbol
//	SETUP     loads what stays in registers (masks, x tables)
//	QUAD      the four rows' multiply-adds
//	QUADBYTES the four rows' bytes of codes
//	QUAD_SCALES, QUAD_OUT  the scale step of four rows, and of each query row
//	FLUSH_OUT the reduction and store of each query row (ROW_FLUSH)
//	FORX(m)   expands m(j, acc0, acc1, acc2, acc3) per query row j
//	ROW_PAIRS (if defined) out takes the sums of pairs of rows, 8 per
//	          block of 16 (FLUSH_OUT adds them; 2-bit rows of 256)
//
// A row's 64 code bytes are one vector of 16 dword lanes, 8 nibbles each.
// Nibble k of every lane is masked in place (VPANDD with 0xf<<4k, no
// shift) and converted (VCVTUDQ2PS: q*16^k, exact), then multiplied by x
// laid out per call in the same lanes and scaled by 16^-k (the table xk,
// avx512DotRowTables). So a row costs 8 VPANDD, 8 VCVTUDQ2PS and 8 FMAs
// per query row, of which only the FMAs grow with the query rows: a budget
// per 32 values of 4 + 2 per query row, plus about 1.5 per query row for
// combining, scaling and reducing (for four query rows, 1.25 more for the
// loads of the x tables and masks, each made once per field and four
// rows: 10 loads per row, not 32, for 19.4 values/ns against 18.2 on 1024
// rows of 128 4-bit codes). Lanes 0-7 belong to group 0, lanes 8-15 to group 1, so four rows' accumulators
// are combined into one vector K whose lane 4L+r is row r's (group L/2)
// partial, and per four rows and query row
//
//	F = K * S + P
//
// with S the group scales and P the shift term (mins, or scales when
// symmetric, times the query's group sums), as in the DotQ8 row kernels.
// Every 16 rows the four parked F vectors of each query row are reduced
// to 16 sums (REDUCE4). The fp16 and float32 row kernels have no scale
// step: each row's 8 vectors of 16 values are converted (fp16) and
// multiplied into x, and four rows combine straight into F.
//
// Registers: Z0-Z15 accumulators (query j, row r: Z(4j+r)), or for one
// query row Z0-Z3 and the x tables in Z4-Z11; Z16-Z23 the nibble masks
// (for four query rows: the four rows' nibbles in Z16-Z19 and the field's
// x tables in Z20-Z23, the mask in Z30, read once per field from the
// table that follows the x tables);
// Z24-Z27 the four rows' codes and Z28-Z29 nibbles, then MREG the rows'
// scales and mins, SREG their group scales S, T1-T4 scratch (Z26-Z31, or
// for four query rows Z24-Z29). SI codes, DX scales, R8 mins, BX x tables,
// R9 the shift-term tables, DI out, R13 the parked vectors, R14 the offset
// of the next, R12 iterations left in the block, R10 rows in the block, CX
// rows after it, R11 scratch.

ROW_TEXT(NAME)
	MOVQ avx512RowArgs_sg(AX), R9
	SETUP
	ROW_ARGS
	MOVQ avx512RowArgs_scratch(AX), R13
	MOVQ avx512RowArgs_out(AX), DI
	MOVQ avx512RowArgs_n(AX), CX
	MOVL $0xff00, R11
	KMOVW R11, K4

block:
	QUAD_ROWS_BEGIN(R12)

quad:
	// 2 KiB ahead: bench -kernels Dot -sizes dram (3840 MiB, four
	// interleaved runs against 1 KiB) q4g64 68-69% -> 71-72% of the
	// streaming bandwidth, q2g64 61-63% -> 62-67%, fp16 unchanged.
	PREFETCHT0 2048(SI)
	PREFETCHT0 2112(SI)
	PREFETCHT0 2176(SI)
	PREFETCHT0 2240(SI)
	QUAD
	QUAD_SCALES
	FORX(QUAD_OUT)
	ADDQ         $QUADBYTES, SI
	QUAD_ROWS_NEXT(R12)

#ifdef ROW_PAIRS
	PAIRS_MASK(K1)
#else
	BLOCK_MASK(K1)
#endif
	MOVQ  DI, R11
	FORX(FLUSH_OUT)
#ifdef ROW_PAIRS
	PAIRS_NEXT
#else
	BLOCKS_NEXT
#endif
