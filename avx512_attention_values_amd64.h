// Body of one values kernel of avx512_attention_amd64.s, included once per
// width W (4, 3, 2 or 1 strips of 16 columns a pass) with NAME, W and the
// width's LK, FR, MR and SR defined (see avx512_attention_amd64.h).
//
// func NAME(a *avx512AttnArgs)
//
// x[r][c] = beta[r]·x[r][c] + Σ_{k<cols} s[r][k]·y[c/16][k][c%16]: rows (a
// multiple of 6) output rows (xStride bytes apart) of passes·W·16 columns,
// cols keys of probabilities (s, sStride bytes between rows) and the
// values in strips of 16 columns (64 bytes a key, yStride bytes from one
// strip to the next). Pass by pass (its W strips of the tile, 64·W·cols
// bytes, stay in L1 while the rows stream through), six rows at a time,
// four keys a loop, without prefetches (PF is empty): the next pass's
// strips lie Len·64 bytes further, often on the same L1 sets, and
// prefetching them evicted the current ones (5% slower alone, no faster
// at 4K or 32K tokens). Each sum runs in the order of the avx2 kernel
// (beta·x, then one FMA a key), so both give the same bits.
//
// Instructions per 32 multiply-adds (W = 4): 2 FMA, 0.33 vector loads,
// 0.5 broadcasts and 0.13 loop instructions.
//
// Registers: DI the arguments, BX the probabilities' stride, AX and CX
// rows 0 and 3 of the six, SI and R8 the same at the step, DX the values
// at the step (first the six rows' beta), R10 the pass's first strip, R11
// its first output column, R9 the six rows' outputs, R12 and R15 one and
// three strips, R13 a scratch register, R14 the steps left (then the
// output stride).
TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), DI
	MOVQ avx512AttnArgs_sStride(DI), BX
	MOVQ avx512AttnArgs_yStride(DI), R12
	LEAQ (R12)(R12*2), R15
	MOVQ avx512AttnArgs_y(DI), R10
	MOVQ avx512AttnArgs_x(DI), R11
	MOVQ avx512AttnArgs_passes(DI), AX
	MOVQ AX, avx512AttnArgs_passesLeft(DI)

pass:
	MOVQ   avx512AttnArgs_s(DI), AX
	LEAQ   (AX)(BX*2), CX
	ADDQ   BX, CX
	MOVQ   R11, R9
	MOVQ   avx512AttnArgs_beta(DI), R13
	MOVQ   R13, avx512AttnArgs_betaCur(DI)
	MOVQ   avx512AttnArgs_rows(DI), R13
	MOVQ   R13, avx512AttnArgs_rowsLeft(DI)

rows:
	ROWS6_AT(avx512AttnArgs_xStride(DI))
	MOVQ avx512AttnArgs_betaCur(DI), DX
	FOR6(MR)
	MOVQ AX, SI
	MOVQ CX, R8
	MOVQ R10, DX
	MOVQ avx512AttnArgs_cols(DI), R14
	STEPS(four, one, store)

store:
	STORE6_NEXT(avx512AttnArgs_xStride(DI))
	ADDQ $24, avx512AttnArgs_betaCur(DI)
	SUBQ $6, avx512AttnArgs_rowsLeft(DI)
	JNZ  rows

	IMUL3Q $W, R12, SI
	ADDQ   SI, R10
	ADDQ   $(64*W), R11
	DECQ   avx512AttnArgs_passesLeft(DI)
	JNZ    pass
	VZEROUPPER
	RET
