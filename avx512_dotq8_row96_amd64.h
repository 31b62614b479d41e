// Body of the DotQ8 row kernels of avx512_dotq8_amd64.s on 2- and 4-bit
// rows of 96 values in groups of 16, one query row, sixteen rows per
// iteration. Included once per code width with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's unpack constants
//	CHUNK     bytes of codes of 8 groups (32 for width 2, 64 for 4)
//	CHUNKINT(off, xl, xh, dst)  the int32 lane sums of the 8 groups at
//	          off(SI) against the query values xl (lo) and xh (hi)
//
// The rows of a block lie back to back, so their 96 groups are a stream
// (group s: row s/6, its group s%6) cut into 12 chunks of 8 groups, each
// unpacked as a row of 128 of the kernels of groups of 16 (128-bit lane L:
// dwords 0-1 group 8c+2L, 2-3 group 8c+2L+1). No lane is masked off: a
// block of 16 rows of 96 costs 12 chunks, where the kernels of rows of 128
// with the last block masked off pay 16. The query group of stream group
// s is s%6, so chunk c takes the query values of pattern c%3 (records
// 0-383: three patterns of lo and hi, avx512Q8StreamG16Records). Chunks
// 2i and 2i+1 combine (COMBINE) into K_i, whose lanes VPERMD (Z12) puts in
// stream order, lane l: group 16i+l; then (STREAM_KF)
//
//	F_i = cvt(K_i) * D * S + M * SG
//
// with S and M the 16 scales and mins of those groups (words 16i to
// 16i+15 of the block's: no permutation), D and SG the query block scales
// and shift sums of their query groups (records 384-575 and 576-767,
// pattern i%3). Each lane is one group of one row, with its own row's
// scale and min. COMBINE_F adds F_2j and F_2j+1's lane pairs into Q_j,
// whose lane l holds group pair 16j + g16(l) (g16: ·avx512QuadG16Idx's
// order); row r's sum is pairs 3r, 3r+1 and 3r+2, gathered into lane r of
// three vectors by VPERMI2PS over Q_0 and Q_1 and a masked VPERMPS of Q_2
// (indexes Z28-Z30, masks K1 and K2, avx512Q8StreamIdx) and added.
//
// Instructions per 16 rows: 12 CHUNKINT (9 for width 2, 7 for 4, the load
// and zeroing included), 6 × 10 for the K_i and their float step, 9 for
// the pair sums, 11 to gather and add the rows' sums, 1 store, 6 scalar.
// Budget per 32 values (16 rows are 48 of them): 4.0 for width 2, 3.5 for
// width 4 (the kernels of rows of 128 with a masked block: 5.9). The
// caller passes a multiple of 16 rows.
//
// Registers: Z0-Z5 the query values of patterns 0-2 (lo, hi); Z12 the
// VPERMD indexes into stream order; Z28-Z30 the gather indexes; Z16-Z17,
// Z20-Z22 unpack constants; Z6-Z11, Z13-Z15 the sums of one K_i; Z18, Z19,
// Z23 Q_0-Q_2. SI codes, DX scales, R8 mins, DI out, BX records, CX blocks
// left.

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
	VMOVDQU64 0(BX), Z0
	VMOVDQU64 64(BX), Z1
	VMOVDQU64 128(BX), Z2
	VMOVDQU64 192(BX), Z3
	VMOVDQU64 256(BX), Z4
	VMOVDQU64 320(BX), Z5
	VMOVDQU32 ·avx512Q8StreamIdx+0(SB), Z12
	VMOVDQU32 ·avx512Q8StreamIdx+64(SB), Z28
	VMOVDQU32 ·avx512Q8StreamIdx+128(SB), Z29
	VMOVDQU32 ·avx512Q8StreamIdx+192(SB), Z30
	MOVL      $0xf800, R11
	KMOVW     R11, K1
	MOVL      $0xfc00, R11
	KMOVW     R11, K2
	ROW_ARGS
	MOVQ      avx512RowArgs_out(AX), DI
	MOVQ      avx512RowArgs_n(AX), CX
	SHRQ      $4, CX

block:
	// K_i: chunks 2i (pattern 2i%3) and 2i+1 ((2i+1)%3), D and SG of
	// pattern i%3.
	STREAM_KF(0, (384+64*0)(BX), (576+64*0)(BX), Z0, Z1, Z2, Z3, Z11)
	STREAM_KF(1, (384+64*1)(BX), (576+64*1)(BX), Z4, Z5, Z0, Z1, Z8)
	COMBINE_F(Z11, Z8, Z18, Z14, Z15)
	STREAM_KF(2, (384+64*2)(BX), (576+64*2)(BX), Z2, Z3, Z4, Z5, Z11)
	STREAM_KF(3, (384+64*0)(BX), (576+64*0)(BX), Z0, Z1, Z2, Z3, Z8)
	COMBINE_F(Z11, Z8, Z19, Z14, Z15)
	STREAM_KF(4, (384+64*1)(BX), (576+64*1)(BX), Z4, Z5, Z0, Z1, Z11)
	STREAM_KF(5, (384+64*2)(BX), (576+64*2)(BX), Z2, Z3, Z4, Z5, Z8)
	COMBINE_F(Z11, Z8, Z23, Z14, Z15)

	// Row r: pairs 3r, 3r+1, 3r+2 (Q_2 from pair 32 on: lanes 11-15, and
	// 10-15 for the third).
	VMOVDQA64 Z28, Z6
	VPERMI2PS Z19, Z18, Z6
	VPERMPS   Z23, Z28, K1, Z6
	VMOVDQA64 Z29, Z7
	VPERMI2PS Z19, Z18, Z7
	VPERMPS   Z23, Z29, K1, Z7
	VMOVDQA64 Z30, Z8
	VPERMI2PS Z19, Z18, Z8
	VPERMPS   Z23, Z30, K2, Z8
	VADDPS    Z7, Z6, Z6
	VADDPS    Z8, Z6, Z6
	VMOVUPS   Z6, (DI)

	ADDQ $(12*CHUNK), SI
	ADDQ $192, DX
	ADDQ $192, R8
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET

