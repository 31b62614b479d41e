// Body of one AddWeighted span kernel of avx512_addweightedspan_amd64.s,
// included once per code width and number of weight rows with these macros
// defined:
//
//	NAME   the function's symbol
//	BLOCK  the table of a block of 16 rows (SPAN_BLOCK_CODES or _FLOAT)
//	ROW    one row's span into the sums (SPAN_ROW_<width>)
//	MASKS  the field masks (SPAN_MASKS_<width>), or nothing
//
// and SPAN_FMAS, SPAN_WEIGHTS and SPAN_FLOAT_WEIGHTS for the number of
// weight rows.

TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	SPAN_SETUP
	MASKS

block:
	BLOCK
	MOVQ R11, R14
	MOVQ $16, BX

row:
	ROW
	ADDQ R12, SI
	ADDQ $4, R14
	DECQ BX
	JNZ  row
	DECQ CX
	JNZ  block

	SPAN_FINISH
	VZEROUPPER
	RET
