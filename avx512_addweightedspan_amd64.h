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
// weight rows. Each row prefetches the two lines 4 KiB ahead: the first
// span of a chunk reads its rows from memory, in steps too short for the
// hardware prefetcher to run far enough ahead (mikv
// BenchmarkPageKernelsDRAM, 3840 MiB of pages of 1024 rows of 128, four
// weight rows, medians of three interleaved runs, values/ns without ->
// with: 2-bit 7.5 -> 10.3, 4-bit 8.2 -> 9.9, fp16 3.3 -> 4.4; the same
// in L2).

TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	SPAN_SETUP
	MASKS

block:
	BLOCK
	MOVQ R11, R14
	MOVQ $16, BX

row:
	PREFETCHT0 4096(SI)
	PREFETCHT0 4160(SI)
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
