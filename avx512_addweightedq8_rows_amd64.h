// Body of one AddWeightedQ8 row kernel of avx512_addweightedq8_amd64.s
// (avx512AddWeightedQ8RowsW2, avx512AddWeightedQ8RowsW4), included once
// per code width with these macros defined:
//
//	NAME          the function's symbol
//	CONSTS        the width's permute indexes (Z5, Z6), shift counts
//	              (Z7, Z8, if the width uses them) and field mask (Z9)
//	PASS_SHIFT    log2 of a row's bytes in a pass of 64 columns
//	QUAD_LOAD     a quad's bytes of the pass into Z0 (and Z1)
//	TAIL_LOAD(next) the 1-3 rows of a last quad (R14 of them), the other
//	              lanes zeroed, jumping to next once loaded
//	BLOCK         one block of 32 columns of a quad (Q8W_BLOCK2, _4)
//
// Per block of 64 rows, one pass per 64 columns over the block's quads
// of rows, then the pass's sums into the output rows (Q8W_FLUSHALL).

TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	MOVQ avx512AddWeightedQ8Args_data(AX), SI
	MOVQ Q8W_U(AX), DI
	MOVQ Q8W_A(AX), R11
	MOVQ avx512AddWeightedQ8Args_n(AX), CX
	CONSTS
	TESTQ CX, CX
	JZ    done

block:
	MOVQ    $64, R12
	CMPQ    CX, R12
	CMOVQLT CX, R12 // rows of the block
	XORQ    BX, BX  // pass

pass:
	Q8W_PASS(PASS_SHIFT)

quad:
	CMPQ R14, $4
	JLT  tail
	QUAD_LOAD
	Q8W_PREFETCH
	Q8W_QUAD(BLOCK)
	LEAQ (R10)(R13*4), R10
	LEAQ (DX)(R13*4), DX
	ADDQ $4, R8
	ADDQ $4, R9
	SUBQ $4, R14
	JMP  quad

tail:
	TESTQ R14, R14
	JZ    flush
	TAIL_LOAD(tailQuad)

tailQuad:
	Q8W_QUAD(BLOCK)

flush:
	Q8W_FLUSHALL(passEnd)

passEnd:
	INCQ BX
	CMPQ BX, avx512AddWeightedQ8Args_passes(AX)
	JLT  pass
	Q8W_NEXTBLOCK
	JNZ  block

done:
	VZEROUPPER
	RET
