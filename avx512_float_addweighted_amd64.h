// Body of one AddWeighted kernel of avx512_addweighted_amd64.s for fp16 or
// float32 rows, included once per element type and number of weight rows
// with these macros defined:
//
//	NAME      the function's symbol
//	LOADV, LOADVM, ESZ   as for the float Dot kernels
//	FORX(m)   as for the code kernels
//
// func NAME(a *avx512DotArgs) computes y_j[c] += w_j[i] * row_i[c] for
// every row i and weight row j: 16 values per step (converted once for
// fp16) and per weight row a load, an FMA and a store of y; a masked step
// for the last cols%16 values (a.tailMask). Budget per 32 values: 2
// conversions (fp16), 6 per weight row, 8 for the loop.
//
// Registers: AX args, SI row, DI the row's next values, BX y at them, R12
// and R14 one and three y strides, CX steps left, R13 the row's weights,
// R10 and R11 the stride of w and three; Z4-Z7 weights, Z8 values, Z24
// scratch.

FLOAT_TEXT(NAME, avx512DotArgs_out)
	MOVQ  avx512DotArgs_n(AX), R11
	MOVQ  R11, avx512DotArgs_rowsLeft(AX)

row:
	W_ROW_BEGIN
	MOVQ       avx512DotArgs_steps(AX), CX
	PREFETCHT0 1024(SI)
	TESTQ      CX, CX
	JZ         tail

	FLOAT_STEPS(ADD_YF, ADD_YFM, next)

next:
	ADDQ avx512DotArgs_rowBytes(AX), SI
	ADDQ $4, R13
	DECQ avx512DotArgs_rowsLeft(AX)
	JNZ  row
	VZEROUPPER
	RET
