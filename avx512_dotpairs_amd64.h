// Body of one Dot pair kernel of avx512_dotpairs_amd64.s: 2-bit rows of
// 64, 128 or 256 values, sixteen rows per iteration; included once per row
// length, group and number of query rows with these macros defined:
//
//	NAME           the function's symbol
//	ROW_ORDER      the lane of each row (the VPERMPS index of the stores)
//	BLOCK_BYTES    the code bytes of sixteen rows (256, 512 or 1024)
//	GROUP_BYTES    the bytes of fp16 scales (and mins) of sixteen rows: 32 per group of a row
//	SETUP_G        loads the word indexes of the scale step (Z26, and Z25
//	               for four groups; K1 for eight)
//	PAIRS_PREFETCH prefetches the codes PAIRS_AHEAD bytes ahead (the
//	               scales and mins are prefetched as far in rows)
//	PAIRS_ROWS     loads sixteen rows and transposes them into Z8-Z15 (Z8-Z11;
//	               empty for rows of 256, whose body loads each half)
//	PAIRS_BODY     the lookups, the scale steps and the stores
//
// Registers: Z0-Z7 the rows as loaded, then the transpose's scratch;
// Z8-Z15 the dwords in lanes (V0-V7, or V0-V3); Z25, Z26 the scale words'
// indexes, Z27 the lane-to-row index; the others as PAIRS_BODY says. SI codes, DX scales, R8 mins (the scales when
// symmetric), BX the pair tables (R12 those of the second half of rows of
// 256), R9 the group sums, DI out (query row j at j*R10; R11 = 3*R10), CX
// rows left.

ROW_TEXT(NAME)
	ROW_ARGS
	MOVQ         avx512RowArgs_outStride(AX), R10
	LEAQ         (R10)(R10*2), R11
	MOVQ         avx512RowArgs_sg(AX), R9
	MOVQ         avx512RowArgs_scratch(AX), R12
	MOVQ         avx512RowArgs_out(AX), DI
	MOVQ         avx512RowArgs_n(AX), CX
	VMOVDQU32    ROW_ORDER, Z27
	SETUP_G

block:
	PAIRS_PREFETCH
	PREFETCHT0 (PAIRS_AHEAD/BLOCK_BYTES*GROUP_BYTES)(DX)
	PREFETCHT0 (PAIRS_AHEAD/BLOCK_BYTES*GROUP_BYTES+64)(DX)
	PREFETCHT0 (PAIRS_AHEAD/BLOCK_BYTES*GROUP_BYTES)(R8)
	PREFETCHT0 (PAIRS_AHEAD/BLOCK_BYTES*GROUP_BYTES+64)(R8)
	PAIRS_ROWS
	PAIRS_BODY
	ADDQ       $BLOCK_BYTES, SI
	ADDQ       $GROUP_BYTES, DX
	ADDQ       $GROUP_BYTES, R8
	ADDQ       $64, DI
	SUBQ       $16, CX
	JNZ        block
	VZEROUPPER
	RET
