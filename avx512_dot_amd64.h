// Body of one Dot kernel of avx512_dot_amd64.s (codes, groups a multiple
// of 32), included once per code width and number of query rows with these
// macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's constants (Z16-Z22)
//	TABLES    builds the group's lookup tables from S (Z10) and M (Z11), if any
//	DEQ       dequantizes the block at R10 into Z8 (values 0-15) and Z9 (16-31)
//	FORX(m)   expands m(acc, xaddr) per query row, xaddr(off) its x address
//
// func NAME(a *avx512DotArgs) computes, for every row i and query row j,
//
//	out[j][i] = Σ_g Σ_blocks Σ_c (S_g * q_c + M_g) * x_j[c]
//
// where S_g is the group's scale and M_g its min, or -2^(Bits-1)*S_g when
// symmetric (mins then point to a single fp16 zero, stride 0, and Z23 holds
// -2^(Bits-1)). Per group: S and M broadcast from fp16 (5 instructions) and
// the lookup tables of widths 2-5 (1-2); per block the width's DEQ (4-16,
// see avx512_amd64.h) and 2 FMAs per query row; per row and query row a
// store and under 3 instructions of the 16-row reduction (REDUCE16). Budget
// per 32 values (one block): DEQ + 2 per query row + 4 for the loop, plus
// (7 to 8)/(blocks per group) for the group.
//
// Registers: AX args, SI row, DI/R8/R9 the group's planes, R10 block index
// (4 per block), BX x at the block, R12 and R14 one and three x strides, CX
// groups left, DX the group's scale, R11 its min, R13 the parked rows. Z0-Z3
// row accumulators, Z8/Z9 dequantized values, Z10 S, Z11 M, Z12/Z13 tables,
// Z14/Z15 scratch, Z16-Z22 constants, Z23 the symmetric offset.

CODES_TEXT(NAME)
	MOVQ         avx512DotArgs_scratch(AX), R13
	X_STRIDES
	MOVQ         avx512DotArgs_n(AX), R11
	MOVQ         R11, avx512DotArgs_rowsLeft(AX)
	MOVQ         avx512DotArgs_out(AX), R11
	MOVQ         R11, avx512DotArgs_outCur(AX)
	ROW_SCALES_INIT

block:
	MOVQ       $0, avx512DotArgs_r(AX)
	MOVQ       avx512DotArgs_rowScales(AX), R11
	PREFETCHT0 256(R11)
	MOVQ       avx512DotArgs_rowMins(AX), R11
	PREFETCHT0 256(R11)

row:
	MOVQ       SI, DI
	MOVQ       avx512DotArgs_x(AX), BX
	MOVQ       avx512DotArgs_rowScales(AX), DX
	MOVQ       avx512DotArgs_rowMins(AX), R11
	MOVQ       avx512DotArgs_groups(AX), CX
	PREFETCHT0 1024(SI)
	FORX(ZERO_ACC)

group:
	GROUP_BEGIN

blk:
	DEQ
	FORX(FMA_X)
	BLOCK_NEXT

	GROUP_NEXT

	// Row done: park its accumulators for the reduction.
	PARK_ROW
	ADDQ avx512DotArgs_rowBytes(AX), SI
	ROW_SCALES_NEXT
	ROW_NEXT16

flush:
	FLUSH_MASK
	FLUSH_ROWS(FLUSH)
