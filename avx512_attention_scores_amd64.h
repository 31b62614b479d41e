// Body of one scores kernel of avx512_attention_amd64.s, included once per
// width W (4, 3, 2 or 1 strips of 16 keys a pass) with NAME, W and the
// width's LK, FR, ZR and SR defined (see avx512_attention_amd64.h).
//
// func NAME(a *avx512AttnArgs)
//
// s[r][16j+i] = Σ_c x[r][c] · y[j][c][i]: rows (a multiple of 6) query
// rows of cols values (xStride bytes apart) times passes·W strips of 16
// keys transposed (16·cols values each, yStride = 64·cols bytes apart),
// into s (sStride bytes between rows). Pass by pass (its W strips, 64·W·cols
// bytes, stay in L1 while the rows stream through), six rows at a time,
// four values a loop; each step also prefetches a line of the next pass's
// strips (one strip per six rows).
//
// Instructions per 32 multiply-adds (W = 4): 2 FMA, 0.33 vector loads,
// 0.5 broadcasts, 0.08 prefetches and 0.13 loop instructions.
//
// Registers: DI the arguments, BX the query stride, AX and CX rows 0 and 3
// of the six, SI and R8 the same at the step, DX the keys at the step, R10
// the pass's first strip, R11 its first score, R9 the six rows' scores,
// R12 and R15 one and three strips, R13 the prefetch offset, R14 the steps
// left (then the score stride).
TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), DI
	MOVQ avx512AttnArgs_xStride(DI), BX
	MOVQ avx512AttnArgs_yStride(DI), R12
	LEAQ (R12)(R12*2), R15
	MOVQ avx512AttnArgs_y(DI), R10
	MOVQ avx512AttnArgs_s(DI), R11
	MOVQ avx512AttnArgs_passes(DI), AX
	MOVQ AX, avx512AttnArgs_passesLeft(DI)

pass:
	MOVQ   avx512AttnArgs_x(DI), AX
	LEAQ   (AX)(BX*2), CX
	ADDQ   BX, CX
	MOVQ   R11, R9
	MOVQ   avx512AttnArgs_rows(DI), R13
	MOVQ   R13, avx512AttnArgs_rowsLeft(DI)
	IMUL3Q $W, R12, R13

rows:
	FOR6(ZR)
	MOVQ AX, SI
	MOVQ CX, R8
	MOVQ R10, DX
	MOVQ avx512AttnArgs_cols(DI), R14
	STEPS(four, one, store)

store:
	STORE6_NEXT(avx512AttnArgs_sStride(DI))
	NEXT_PF
	SUBQ $6, avx512AttnArgs_rowsLeft(DI)
	JNZ  rows

	IMUL3Q $W, R12, SI
	ADDQ   SI, R10
	ADDQ   $(64*W), R11
	DECQ   avx512AttnArgs_passesLeft(DI)
	JNZ    pass
	VZEROUPPER
	RET
