// Body of the DotQ8 stream kernels of avx512_dotq8_amd64.s on 2- and
// 4-bit rows of 64 values in groups of 16, one query row, sixteen rows per
// iteration: the stream kernels of avx512_dotq8_row96_amd64.h (see there;
// same macros) on rows of four groups. Sixteen rows are 64 groups, 8
// chunks of 8; the query group of stream group s is s%4, so every chunk
// takes the same query values (records 0-127, in Z0-Z1) and every K_i the
// same D and SG (records 128-255, in Z2-Z3; avx512Q8StreamG16Records).
// Row r's sum is F_(r/4)'s 128-bit lane r%4: two levels of COMBINE_F put
// F_u's lane L sum in lane 4L+u, and VPERMPS (Z27) puts row r in lane r.
//
// Instructions per 16 rows: 8 CHUNKINT (9 for width 2, 7 for 4), 4 × 10
// for the K_i and their float step, 10 to sum and order the rows' sums, 1
// store, 6 scalar. Budget per 32 values (16 rows are 32 of them): 4.0 for
// width 2, 3.5 for width 4 (the kernels of pairs of rows: 4.2 and 4.0).
// The caller passes a multiple of 16 rows.
//
// Registers: Z0-Z1 the query values (lo, hi); Z2 D; Z3 SG; Z12 the VPERMD
// indexes into stream order; Z27 the VPERMPS indexes of the rows' order;
// Z16-Z17, Z20-Z22 unpack constants; Z18, Z19, Z23, Z24 F_0-F_3; Z6-Z10,
// Z13-Z15, Z25, Z26 scratch. SI codes, DX scales, R8 mins, DI out, BX
// records, CX blocks left.

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
	VMOVDQU64 0(BX), Z0
	VMOVDQU64 64(BX), Z1
	VMOVUPS   128(BX), Z2
	VMOVUPS   192(BX), Z3
	VMOVDQU32 ·avx512Q8StreamIdx+0(SB), Z12
	VMOVDQU32 ·avx512Q8StreamIdx+576(SB), Z27
	ROW_ARGS
	MOVQ      avx512RowArgs_out(AX), DI
	MOVQ      avx512RowArgs_n(AX), CX
	SHRQ      $4, CX

block:
	STREAM_KF(0, Z2, Z3, Z0, Z1, Z0, Z1, Z18)
	STREAM_KF(1, Z2, Z3, Z0, Z1, Z0, Z1, Z19)
	STREAM_KF(2, Z2, Z3, Z0, Z1, Z0, Z1, Z23)
	STREAM_KF(3, Z2, Z3, Z0, Z1, Z0, Z1, Z24)
	COMBINE_F(Z18, Z19, Z25, Z14, Z15)
	COMBINE_F(Z23, Z24, Z26, Z14, Z15)
	COMBINE_F(Z25, Z26, Z6, Z14, Z15)
	VPERMPS   Z6, Z27, Z6
	VMOVUPS   Z6, (DI)

	ADDQ $(8*CHUNK), SI
	ADDQ $128, DX
	ADDQ $128, R8
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET
