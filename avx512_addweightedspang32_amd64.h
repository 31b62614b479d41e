// Body of one span kernel of 2-bit codes in groups of 32 (see
// avx512_addweightedspan_amd64.s), included once per number of weight rows
// with NAME, SPAN_G32_FMAS and SPAN_G32_MINS defined.

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
	SPAN_G32_SCALES
	MOVQ R13, R14
	ADDQ $64, R13
	MOVQ R11, DI
	MOVQ $16, BX

row:
	PREFETCHT0 4096(SI)
	SPAN_G32_ROW
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
