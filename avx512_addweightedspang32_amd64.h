// Body of one span kernel of codes in groups of 32 (see
// avx512_addweightedspan_amd64.s), included once per code width and number
// of weight rows with these macros defined:
//
//	NAME   the function's symbol
//	BLOCK  the tables of a block of 16 rows, R14 for the row loop, R13 on
//	ROW    one row's span into the sums

TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	SPAN_SETUP
	MOVQ      avx512SpanArgs_idxB(AX), BX
	VMOVDQU32 (BX), Z24
	VMOVUPS   1280(DI), Z20
	VMOVUPS   1344(DI), Z21
	VMOVUPS   1408(DI), Z22
	VMOVUPS   1472(DI), Z23

block:
	BLOCK
	MOVQ R11, DI
	MOVQ $16, BX

row:
	PREFETCHT0 4096(SI)
	ROW
	ADDQ R12, SI
	ADDQ $4, R14
	ADDQ $64, DI
	DECQ BX
	JNZ  row
	DECQ CX
	JNZ  block

	MOVQ avx512SpanArgs_out(AX), DI
	SPAN_STORES
	SPAN_STORE(Z20, 1280)
	SPAN_STORE(Z21, 1344)
	SPAN_STORE(Z22, 1408)
	SPAN_STORE(Z23, 1472)
	SPAN_FLAG
	VZEROUPPER
	RET
