// Body of one Dot pair kernel of avx512_dotpairs_amd64.s: 2-bit rows of
// 128 values, sixteen rows (512 code bytes) per iteration; included once
// per group and number of query rows with these macros defined:
//
//	NAME        the function's symbol
//	PAIRS_BODY  the lookups, the scale step and the store of the transposed rows
//	GROUP_BYTES the bytes of fp16 scales (and mins) of sixteen rows: 32 per group of a row
//	SETUP_G     loads the word indexes of the scale step (Z26, and Z25 for four groups)
//	PREFETCH_G  prefetches the scales and mins four blocks ahead
//
// Registers: Z0-Z7 the rows as loaded (rows 2i and 2i+1 in Zi), then the
// second stage of the transpose; Z8-Z15 the dwords in lanes (V0-V7); Z25,
// Z26 the scale words' indexes, Z27 the lane-to-row index; the others as
// PAIRS_BODY says. SI codes, DX scales, R8 mins (the scales when
// symmetric), BX the pair tables, R9 the group sums, DI out (query row j at
// j*R10; R11 = 3*R10), CX rows left.

ROW_TEXT(NAME)
	ROW_ARGS
	MOVQ         avx512RowArgs_outStride(AX), R10
	LEAQ         (R10)(R10*2), R11
	MOVQ         avx512RowArgs_sg(AX), R9
	MOVQ         avx512RowArgs_out(AX), DI
	MOVQ         avx512RowArgs_n(AX), CX
	VMOVDQU32    ·avx512PairsRowOrder(SB), Z27
	SETUP_G

block:
	// PAIRS_AHEAD bytes ahead.
	PREFETCHT0 (PAIRS_AHEAD)(SI)
	PREFETCHT0 (PAIRS_AHEAD+64)(SI)
	PREFETCHT0 (PAIRS_AHEAD+128)(SI)
	PREFETCHT0 (PAIRS_AHEAD+192)(SI)
	PREFETCHT0 (PAIRS_AHEAD+256)(SI)
	PREFETCHT0 (PAIRS_AHEAD+320)(SI)
	PREFETCHT0 (PAIRS_AHEAD+384)(SI)
	PREFETCHT0 (PAIRS_AHEAD+448)(SI)
	PREFETCH_G
	VMOVDQU32  0(SI), Z0
	VMOVDQU32  64(SI), Z1
	VMOVDQU32  128(SI), Z2
	VMOVDQU32  192(SI), Z3
	VMOVDQU32  256(SI), Z4
	VMOVDQU32  320(SI), Z5
	VMOVDQU32  384(SI), Z6
	VMOVDQU32  448(SI), Z7
	PAIRS_TRANSPOSE
	PAIRS_BODY
	ADDQ       $512, SI
	ADDQ       $GROUP_BYTES, DX
	ADDQ       $GROUP_BYTES, R8
	ADDQ       $64, DI
	SUBQ       $16, CX
	JNZ        block
	VZEROUPPER
	RET
