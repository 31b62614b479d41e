// Body of the DotQ8 stream kernels of avx512_dotq8_amd64.s on 2-, 4- and
// 8-bit rows of 80 values in one group, one query row, sixteen rows per
// iteration. Included once per code width with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's unpack constants
//	ROWBYTES  bytes of codes per row (20, 40 or 80)
//	R80G_W2, R80G_W4 or R80G_W8  the code width
//
// A row's three query blocks (values 0-31, 32-63, 64-79) are 2, 2 and 1
// fifths of its code bytes (pack's layout of blocks of 32 and of the last
// block of 16), so the 16 rows of a block, back to back, are one stream of
// code dwords, each within one block of one row: dword s of the stream is
// dword s%D of row s/D (D = ROWBYTES/4). VPDPBUSD sums each dword's
// values against the query values of its place in the row (records of 5
// patterns: the place of vector v's lane l repeats with v%5,
// avx512Q8Row80G80Records), exactly in int32:
//
//	width 2: D = 5, 5 vectors of 16 dwords, each field (shift 0, 2, 4, 6)
//	  against its pattern's values, lane l of vector v holding dword
//	  16v+l;
//	width 4: D = 10, 10 vectors, lo and hi nibbles; COMBINE of vectors
//	  2i and 2i+1 sums dword pairs (2s, 2s+1, within one block) into
//	  lane 4(t%8/2)+2(t/8)+t%2 of P_i for pair 16i+t;
//	width 8: D = 20, 20 vectors; COMBINE twice sums dword quads into lane
//	  4(u%4)+(u%16)/4 of R_j for quad 16j+u (within one block).
//
// Either way a row is five sums, k = 0-4 (blocks 0, 0, 1, 1, 2), at
// element 5r+k of five vectors, which VPERMI2PS under K1 or K2, VPERMI2PS
// under K3 to K5 and VPERMPS under K6 or K7 gather into lane r of five
// vectors (the masks of avx512_dotq8_row80_amd64.h; the indexes:
// ·avx512Q8StreamIdx rows 4-8, ·avx512Q8Stream8Idx rows 1-5 and 12-16).
// The block sums b0 = k0+k1, b1 = k2+k3 and b2 = k4 are added in int32,
// and then
//
//	out = (d0*cvt(b0) + d1*cvt(b1) + d2*cvt(b2)) * S + M * SG
//
// with the query's three block scales and shift sum broadcast (Z0-Z3) and
// the 16 rows' scales S and mins M as they lie in memory.
//
// Instructions per 16 rows (1280 values, 40 times 32): width 2 5 × 13 for
// the sums, width 4 10 × 7 and 15 to pair them, width 8 20 × 3 and 45 to
// sum quads; 20 to gather, 2 adds, 10 for the float step, 1 store, 6
// scalar. Budget per 32 values: 2.6 (width 2), 3.1 (4), 3.6 (8); the
// kernels of rows of 128 with masked blocks took 5.4 (width 4). The
// caller passes a multiple of 16 rows.
//
// Registers: Z0-Z2 the query block scales, Z3 the shift sum; Z16 (width
// 4) and Z17 (2) unpack constants; Z18, Z19, Z23-Z25 the five vectors of
// sums; Z26-Z30 the gather indexes; Z6-Z15 scratch. SI codes, DX scales,
// R8 mins, DI out, BX records, CX blocks left.

// R80G_GATHER(idx, ka, kb, kc, t): lane r of t = element 5r+k of the sums
// (idx: its place).
#define R80G_GATHER(idx, ka, kb, kc, t) \
	VMOVDQA64 idx, t;              \
	VPERMI2PS Z19, Z18, ka, t;     \
	VPERMI2PS Z24, Z23, kb, t;     \
	VPERMPS   Z25, idx, kc, t

#ifdef R80G_W2
// R80G_V2(v, dst): the 16 dwords of vector v against pattern v's fields.
#define R80G_V2(v, dst) \
	VMOVDQU32 (64*(v))(SI), Z13;           \
	VPANDD    Z17, Z13, Z14;               \
	VPXORD    dst, dst, dst;               \
	VPDPBUSD  (256*(v))(BX), Z14, dst;     \
	VPSRLD    $2, Z13, Z14;                \
	VPANDD    Z17, Z14, Z14;               \
	VPDPBUSD  (256*(v)+64)(BX), Z14, dst;  \
	VPSRLD    $4, Z13, Z14;                \
	VPANDD    Z17, Z14, Z14;               \
	VPDPBUSD  (256*(v)+128)(BX), Z14, dst; \
	VPSRLD    $6, Z13, Z14;                \
	VPANDD    Z17, Z14, Z14;               \
	VPDPBUSD  (256*(v)+192)(BX), Z14, dst
#define R80G_IDX \
	VMOVDQU32 ·avx512Q8StreamIdx+256(SB), Z26; \
	VMOVDQU32 ·avx512Q8StreamIdx+320(SB), Z27; \
	VMOVDQU32 ·avx512Q8StreamIdx+384(SB), Z28; \
	VMOVDQU32 ·avx512Q8StreamIdx+448(SB), Z29; \
	VMOVDQU32 ·avx512Q8StreamIdx+512(SB), Z30
#endif

#ifdef R80G_W4
// R80G_P4(i, pa, pb, dst): P_i, vectors 2i (pattern pa) and 2i+1 (pb).
#define R80G_P4(i, pa, pb, dst) \
	STREAM_W4((128*(i)), (128*(pa))(BX), (128*(pa)+64)(BX), Z6);  \
	STREAM_W4((128*(i)+64), (128*(pb))(BX), (128*(pb)+64)(BX), Z7); \
	COMBINE(Z6, Z7, dst)
#define R80G_IDX \
	VMOVDQU32 ·avx512Q8Stream8Idx+64(SB), Z26;  \
	VMOVDQU32 ·avx512Q8Stream8Idx+128(SB), Z27; \
	VMOVDQU32 ·avx512Q8Stream8Idx+192(SB), Z28; \
	VMOVDQU32 ·avx512Q8Stream8Idx+256(SB), Z29; \
	VMOVDQU32 ·avx512Q8Stream8Idx+320(SB), Z30
#endif

#ifdef R80G_W8
// R80G_K8(v, p, dst): vector v against pattern p.
#define R80G_K8(v, p, dst) \
	VMOVDQU32 (64*(v))(SI), Z13;     \
	VPXORD    dst, dst, dst;         \
	VPDPBUSD  (64*(p))(BX), Z13, dst
// R80G_R8(j, dst): R_j, vectors 4j to 4j+3 (patterns (4j+m)%5).
#define R80G_R8(j, p0, p1, p2, p3, dst) \
	R80G_K8(4*(j), p0, Z6);     \
	R80G_K8(4*(j)+1, p1, Z7);   \
	COMBINE(Z6, Z7, Z8);        \
	R80G_K8(4*(j)+2, p2, Z6);   \
	R80G_K8(4*(j)+3, p3, Z7);   \
	COMBINE(Z6, Z7, Z9);        \
	COMBINE(Z8, Z9, dst)
#define R80G_IDX \
	VMOVDQU32 ·avx512Q8Stream8Idx+768(SB), Z26;  \
	VMOVDQU32 ·avx512Q8Stream8Idx+832(SB), Z27;  \
	VMOVDQU32 ·avx512Q8Stream8Idx+896(SB), Z28;  \
	VMOVDQU32 ·avx512Q8Stream8Idx+960(SB), Z29;  \
	VMOVDQU32 ·avx512Q8Stream8Idx+1024(SB), Z30
#endif

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ         avx512RowArgs_recs(AX), BX
	VBROADCASTSS 1280(BX), Z0
	VBROADCASTSS 1284(BX), Z1
	VBROADCASTSS 1288(BX), Z2
	VBROADCASTSS 1292(BX), Z3
	R80G_IDX
	MOVL         $0x007f, R11
	KMOVW        R11, K1
	MOVL         $0x003f, R11
	KMOVW        R11, K2
	MOVL         $0x1f80, R11
	KMOVW        R11, K3
	MOVL         $0x1fc0, R11
	KMOVW        R11, K4
	MOVL         $0x0fc0, R11
	KMOVW        R11, K5
	MOVL         $0xe000, R11
	KMOVW        R11, K6
	MOVL         $0xf000, R11
	KMOVW        R11, K7
	ROW_ARGS
	MOVQ         avx512RowArgs_out(AX), DI
	MOVQ         avx512RowArgs_n(AX), CX
	SHRQ         $4, CX

block:
#ifdef R80G_W2
	R80G_V2(0, Z18)
	R80G_V2(1, Z19)
	R80G_V2(2, Z23)
	R80G_V2(3, Z24)
	R80G_V2(4, Z25)
#endif
#ifdef R80G_W4
	R80G_P4(0, 0, 1, Z18)
	R80G_P4(1, 2, 3, Z19)
	R80G_P4(2, 4, 0, Z23)
	R80G_P4(3, 1, 2, Z24)
	R80G_P4(4, 3, 4, Z25)
#endif
#ifdef R80G_W8
	R80G_R8(0, 0, 1, 2, 3, Z18)
	R80G_R8(1, 4, 0, 1, 2, Z19)
	R80G_R8(2, 3, 4, 0, 1, Z23)
	R80G_R8(3, 2, 3, 4, 0, Z24)
	R80G_R8(4, 1, 2, 3, 4, Z25)
#endif
	R80G_GATHER(Z26, K1, K3, K6, Z6)
	R80G_GATHER(Z27, K1, K3, K6, Z7)
	R80G_GATHER(Z28, K2, K4, K6, Z8)
	R80G_GATHER(Z29, K2, K4, K6, Z9)
	R80G_GATHER(Z30, K2, K5, K7, Z10)
	VPADDD      Z7, Z6, Z6
	VPADDD      Z9, Z8, Z8
	VCVTDQ2PS   Z6, Z6
	VCVTDQ2PS   Z8, Z8
	VCVTDQ2PS   Z10, Z10
	VMULPS      Z0, Z6, Z6
	VFMADD231PS Z1, Z8, Z6
	VFMADD231PS Z2, Z10, Z6
	VCVTPH2PS   (DX), Z9
	VCVTPH2PS   (R8), Z11
	VMULPS      Z3, Z11, Z11
	VFMADD213PS Z11, Z9, Z6
	VMOVUPS     Z6, (DI)

	ADDQ $(16*ROWBYTES), SI
	ADDQ $32, DX
	ADDQ $32, R8
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET

#undef R80G_GATHER
#undef R80G_IDX
#ifdef R80G_W2
#undef R80G_V2
#endif
#ifdef R80G_W4
#undef R80G_P4
#endif
#ifdef R80G_W8
#undef R80G_K8
#undef R80G_R8
#endif
