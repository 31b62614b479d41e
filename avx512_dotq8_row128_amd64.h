// Body of the DotQ8 stream kernels of avx512_dotq8_amd64.s on 2- and
// 4-bit rows of 128 values in groups of 16, one query row, sixteen rows per
// iteration: the stream kernels of avx512_dotq8_row96_amd64.h (see there;
// same macros) on rows of eight groups, one chunk each. Every chunk takes
// the same query values (records 0-127, in Z0-Z1) and every K_i (rows 2i
// and 2i+1) the same D and SG (records 128-255, in Z2-Z3;
// avx512Q8StreamG16Records). F_i holds row 2i's 8 group sums in lanes 0-7
// and row 2i+1's in 8-15; COMBINE_F of F_2j and F_2j+1 (G_j), COMBINE_F of
// G_0 and G_1 (G_2 and G_3: H_0, H_1) and REDUCE_PAIR128 of H_0 and H_1
// leave row r's sum in lane 4(r%2)+r/2 (rows 8-15: 8 more, from row 8),
// and VPERMPS (Z27) puts it in lane r.
//
// Instructions per 16 rows: 16 CHUNKINT (9 for width 2, 7 for 4), 8 × 10
// for the K_i and their float step, 22 to sum and order the rows' sums, 1
// store, 6 scalar. Budget per 32 values (16 rows are 64 of them): 3.9 for
// width 2, 3.4 for width 4 (the kernels of four rows: 4.2 and 4.0). The
// caller passes a multiple of 16 rows.
//
// Registers: Z0-Z1 the query values (lo, hi); Z2 D; Z3 SG; Z12 the VPERMD
// indexes into stream order; Z27 the VPERMPS indexes of the rows' order;
// Z16-Z17, Z20-Z22 unpack constants; Z8, Z11 F_2j and F_2j+1; Z18, Z19,
// Z23, Z24 G_0-G_3; Z25, Z26 H_0, H_1; Z6, Z7, Z9, Z10, Z13-Z15 scratch.
// SI codes, DX scales, R8 mins, DI out, BX records, CX blocks left.

// R128_G(i, g): G of K_2i and K_2i+1 (rows 4i to 4i+3) into g.
#define R128_G(i, g) \
	STREAM_KF((2*i), Z2, Z3, Z0, Z1, Z0, Z1, Z8);   \
	STREAM_KF((2*i+1), Z2, Z3, Z0, Z1, Z0, Z1, Z11); \
	COMBINE_F(Z8, Z11, g, Z14, Z15)

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
	VMOVDQU64 0(BX), Z0
	VMOVDQU64 64(BX), Z1
	VMOVUPS   128(BX), Z2
	VMOVUPS   192(BX), Z3
	VMOVDQU32 ·avx512Q8StreamIdx+0(SB), Z12
	VMOVDQU32 ·avx512Q8StreamIdx+640(SB), Z27
	ROW_ARGS
	MOVQ      avx512RowArgs_out(AX), DI
	MOVQ      avx512RowArgs_n(AX), CX
	SHRQ      $4, CX

block:
	R128_G(0, Z18)
	R128_G(1, Z19)
	COMBINE_F(Z18, Z19, Z25, Z14, Z15)
	R128_G(2, Z23)
	R128_G(3, Z24)
	COMBINE_F(Z23, Z24, Z26, Z14, Z15)
	REDUCE_PAIR128(Z25, Z26)
	VPERMPS Z25, Z27, Z25
	VMOVUPS Z25, (DI)

	ADDQ $(16*CHUNK), SI
	ADDQ $256, DX
	ADDQ $256, R8
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET

#undef R128_G
