// Body of the DotQ8 row kernels of avx512_dotq8_amd64.s on 2- and 4-bit
// rows of 80 values in groups of 16, one query row, sixteen rows per
// iteration: the stream kernels of avx512_dotq8_row96_amd64.h (see there;
// same macros) on rows of five groups. Sixteen rows are 80 groups, 10
// chunks of 8; the query group of stream group s is s%5, so chunk c takes
// pattern c%5 and K_i (i = 0-4) pattern i of D and SG, all read from the
// records (query values 0-639, D 640-959, SG 960-1279,
// avx512Q8StreamG16Records). Row r's sum is stream groups 5r to 5r+4,
// gathered into lane r of five vectors (k = 0-4: group 5r+k, index 5r+k in
// Z26-Z30) from F_0-F_1 (VPERMI2PS under K1 or K2), F_2-F_3 (VPERMI2PS, K3
// to K5, indexes mod 32) and F_4 (VPERMPS, K6 or K7, mod 16), and added.
//
// Instructions per 16 rows: 10 CHUNKINT (9 for width 2, 7 for 4), 5 × 10
// for the K_i and their float step, 24 to gather and add the rows' sums, 1
// store, 6 scalar. Budget per 32 values (16 rows are 40 of them): 4.3 for
// width 2, 3.8 for width 4 (the kernels of rows of 128 with masked blocks:
// 7.1). The caller passes a multiple of 16 rows.
//
// Registers: Z12 the VPERMD indexes into stream order; Z26-Z30 the gather
// indexes; Z16-Z17, Z20-Z22 unpack constants; Z18, Z19, Z23-Z25 F_0-F_4;
// Z6-Z10, Z13-Z15 scratch. SI codes, DX scales, R8 mins, DI out, BX
// records, CX blocks left.

// R80_ROWK(idx, ka, kb, kc, t): lane r of t = stream group 5r+k, idx
// holding 5r+k in lane r.
#define R80_ROWK(idx, ka, kb, kc, t) \
	VMOVDQA64 idx, t;              \
	VPERMI2PS Z19, Z18, ka, t;     \
	VPERMI2PS Z24, Z23, kb, t;     \
	VPERMPS   Z25, idx, kc, t

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ      avx512RowArgs_recs(AX), BX
	VMOVDQU32 ·avx512Q8StreamIdx+0(SB), Z12
	VMOVDQU32 ·avx512Q8StreamIdx+256(SB), Z26
	VMOVDQU32 ·avx512Q8StreamIdx+320(SB), Z27
	VMOVDQU32 ·avx512Q8StreamIdx+384(SB), Z28
	VMOVDQU32 ·avx512Q8StreamIdx+448(SB), Z29
	VMOVDQU32 ·avx512Q8StreamIdx+512(SB), Z30
	MOVL      $0x007f, R11
	KMOVW     R11, K1
	MOVL      $0x003f, R11
	KMOVW     R11, K2
	MOVL      $0x1f80, R11
	KMOVW     R11, K3
	MOVL      $0x1fc0, R11
	KMOVW     R11, K4
	MOVL      $0x0fc0, R11
	KMOVW     R11, K5
	MOVL      $0xe000, R11
	KMOVW     R11, K6
	MOVL      $0xf000, R11
	KMOVW     R11, K7
	ROW_ARGS
	MOVQ      avx512RowArgs_out(AX), DI
	MOVQ      avx512RowArgs_n(AX), CX
	SHRQ      $4, CX

block:
	// K_i: chunks 2i and 2i+1 (patterns 2i%5 and (2i+1)%5), D and SG of
	// pattern i.
	STREAM_KF(0, 640(BX), 960(BX), 0(BX), 64(BX), 128(BX), 192(BX), Z18)
	STREAM_KF(1, 704(BX), 1024(BX), 256(BX), 320(BX), 384(BX), 448(BX), Z19)
	STREAM_KF(2, 768(BX), 1088(BX), 512(BX), 576(BX), 0(BX), 64(BX), Z23)
	STREAM_KF(3, 832(BX), 1152(BX), 128(BX), 192(BX), 256(BX), 320(BX), Z24)
	STREAM_KF(4, 896(BX), 1216(BX), 384(BX), 448(BX), 512(BX), 576(BX), Z25)

	R80_ROWK(Z26, K1, K3, K6, Z6)
	R80_ROWK(Z27, K1, K3, K6, Z7)
	R80_ROWK(Z28, K2, K4, K6, Z8)
	R80_ROWK(Z29, K2, K4, K6, Z9)
	R80_ROWK(Z30, K2, K5, K7, Z10)
	VADDPS  Z7, Z6, Z6
	VADDPS  Z9, Z8, Z8
	VADDPS  Z10, Z6, Z6
	VADDPS  Z8, Z6, Z6
	VMOVUPS Z6, (DI)

	ADDQ $(10*CHUNK), SI
	ADDQ $160, DX
	ADDQ $160, R8
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET

#undef R80_ROWK
