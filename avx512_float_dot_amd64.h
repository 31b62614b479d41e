// Body of one Dot kernel of avx512_dot_amd64.s for fp16 or float32 rows,
// included once per element type and number of query rows with these
// macros defined:
//
//	NAME      the function's symbol
//	LOADV(addr, dst)        16 row values to float32
//	LOADVM(addr, k, dst)    the values of mask k, zeros elsewhere
//	ESZ       bytes per value (2 or 4)
//	FORX(m)   expands m(acc, xaddr, j) per query row (as in the code kernels)
//
// func NAME(a *avx512DotArgs) computes, for every row i and query row j,
// out[j][i] (+)= Σ_c row_i[c] * x_j[c] over the cols values of the chunk
// (a.steps steps of 16 values, one conversion for fp16 and one FMA per
// query row each, then a step masked by a.tailMask for the last cols%16),
// and the 16-row reduction (REDUCE16). With a.accMask 0xffff it adds to
// out instead of storing. Budget per 32 values: 2 conversions (fp16), 2
// FMAs per query row, 8 for the loop; the row kernels (avx512_dot_row_amd64.h)
// drop the loop.
//
// Registers: AX args, SI row, DI the row's next values, BX x at them, R12
// and R14 one and three x strides, CX steps left, R13 the parked rows, R10
// and R11 scratch; Z0-Z3 accumulators, Z8 values, Z9 masked x.

FLOAT_TEXT(NAME, avx512DotArgs_scratch)
	KMOVW avx512DotArgs_accMask(AX), K4
	MOVQ  avx512DotArgs_n(AX), R11
	MOVQ  R11, avx512DotArgs_rowsLeft(AX)
	MOVQ  avx512DotArgs_out(AX), R11
	MOVQ  R11, avx512DotArgs_outCur(AX)

block:
	MOVQ $0, avx512DotArgs_r(AX)

row:
	MOVQ       SI, DI
	MOVQ       avx512DotArgs_x(AX), BX
	MOVQ       avx512DotArgs_steps(AX), CX
	PREFETCHT0 1024(SI)
	FORX(ZERO_ACC)
	TESTQ      CX, CX
	JZ         tail

	FLOAT_STEPS(FMA_XF, FMA_XFM, park)

park:
	PARK_ROW
	ADDQ avx512DotArgs_rowBytes(AX), SI
	ROW_NEXT16

flush:
	FLUSH_MASK
	KANDW K1, K4, K3
	FLUSH_ROWS(FLUSH_ACC)
