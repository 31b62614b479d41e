// Body of one AddWeighted row kernel of avx512_addweighted_amd64.s: rows of 128
// values, one weight row, the 128 sums in registers over all rows.
// Included once per format with these macros defined:
//
//	NAME      the function's symbol
//	SETUP     loads the constants and zeroes the sums
//	STEP      adds STEPROWS rows (their codes at SI, weights at R13,
//	          scales at DX, mins at R8)
//	STEPROWS, STEPBYTES, STEPSCALES  rows, bytes of codes and of scales per step
//	FINISH    writes the sums (to y, or to the lanes table of the caller)
//
// func NAME(a *avx512RowArgs): a.n rows (a multiple of STEPROWS), y (or the
// lanes table) at a.out, the lanes' tables at a.recs. Budget per 32 values:
// 6.5 (4-bit), 7.3 (2-bit), 4 (fp16), 2 (float32), plus 1.5 for the loop.
//
// Registers: SI codes, DX scales, R8 mins, R13 weights, CX steps left, BX
// the tables, DI out; the vector registers are the format's (see STEP).

ROW_TEXT(NAME)
	MOVQ avx512RowArgs_out(AX), DI
	SETUP
	ROW_ARGS
	MOVQ avx512RowArgs_sg(AX), R13
	MOVQ avx512RowArgs_n(AX), CX
	SHRQ $STEPSHIFT, CX

step:
	PREFETCHT0 1024(SI)
	STEP
	ADDQ       $STEPBYTES, SI
	ADDQ       $STEPSCALES, DX
	ADDQ       $STEPSCALES, R8
	ADDQ       $(4*STEPROWS), R13
	DECQ       CX
	JNZ        step

	FINISH
	VZEROUPPER
	RET
