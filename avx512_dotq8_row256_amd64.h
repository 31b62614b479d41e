// Body of the DotQ8 stream kernels of avx512_dotq8_amd64.s on 2- and
// 4-bit rows of 256 values in groups of 16, one query row, sixteen rows per
// iteration: the stream kernels of avx512_dotq8_row96_amd64.h (see there;
// same macros) on rows of sixteen groups, two chunks each. Chunk c takes
// the query values of pattern c%2 (records 0-255, in Z0-Z3), so K_i is
// row i and every K_i takes the same D and SG (records 256-319 and
// 384-447, in Z4-Z5; avx512Q8StreamG16Records); F_i, in stream order, is
// row i's 16 group sums, parked in the scratch area and reduced to one sum
// per row by REDUCE16.
//
// Instructions per 16 rows: 32 CHUNKINT (9 for width 2, 7 for 4), 16 × 10
// for the K_i and their float step, 16 to park, 47 for REDUCE16, 1 store,
// 6 scalar. Budget per 32 values (16 rows are 128 of them): 4.1 for width
// 2, 3.6 for width 4 (the kernels of rows of 128 by halves: 4.4 and 4.2).
// The caller passes a multiple of 16 rows.
//
// Registers: Z0-Z3 the query values of patterns 0-1 (lo, hi); Z4 D; Z5
// SG; Z12 the VPERMD indexes into stream order; Z16-Z17, Z20-Z22 unpack
// constants; Z6-Z11, Z13-Z15, Z24-Z31 scratch. SI codes, DX scales, R8
// mins, DI out, BX records, R13 the parked vectors, CX blocks left.

// R256_ROW(i): row i of the block, F_i parked at 64i(R13).
#define R256_ROW(i) \
	STREAM_KF(i, Z4, Z5, Z0, Z1, Z2, Z3, Z8); \
	VMOVAPS Z8, (64*i)(R13)

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
	VMOVDQU64 0(BX), Z0
	VMOVDQU64 64(BX), Z1
	VMOVDQU64 128(BX), Z2
	VMOVDQU64 192(BX), Z3
	VMOVUPS   256(BX), Z4
	VMOVUPS   384(BX), Z5
	VMOVDQU32 ·avx512Q8StreamIdx+0(SB), Z12
	ROW_ARGS
	MOVQ      avx512RowArgs_scratch(AX), R13
	MOVQ      avx512RowArgs_out(AX), DI
	MOVQ      avx512RowArgs_n(AX), CX
	SHRQ      $4, CX

block:
	R256_ROW(0)
	R256_ROW(1)
	R256_ROW(2)
	R256_ROW(3)
	R256_ROW(4)
	R256_ROW(5)
	R256_ROW(6)
	R256_ROW(7)
	R256_ROW(8)
	R256_ROW(9)
	R256_ROW(10)
	R256_ROW(11)
	R256_ROW(12)
	R256_ROW(13)
	R256_ROW(14)
	R256_ROW(15)
	REDUCE16(R13, 0, Z6)
	VMOVUPS Z6, (DI)

	ADDQ $(32*CHUNK), SI
	ADDQ $512, DX
	ADDQ $512, R8
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET

#undef R256_ROW
