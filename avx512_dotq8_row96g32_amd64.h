// Body of the DotQ8 stream kernels of avx512_dotq8_amd64.s on 2-, 4- and
// 8-bit rows of 96 values in groups of 32 or in one group of 96, one
// query row, sixteen rows per iteration. Included once per code width and
// group with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's unpack constants
//	ROWBYTES  bytes of codes per row (24, 48 or 96)
//	RECQ      bytes of query values in the records (768, 384 or 192)
//	IDX       byte offset of the width's index vectors in
//	          ·avx512Q8Row96Idx (0, 256 or 512)
//	R96_W2, R96_W4 or R96_W8  the code width
//	R96_G96   defined for one group of 96 (else groups of 32)
//
// A row is three blocks of 32 values, each 8, 16 or 32 code bytes (pack's
// layout of blocks of 32), so the 16 rows of a block, back to back, are a
// stream of 48 blocks and of code dwords, each within one block of one
// row: dword s of the stream is dword s%D of row s/D (D = ROWBYTES/4), and
// vector v (dwords 16v to 16v+15) takes the query values of pattern v%3
// (avx512Q8Row96Records). VPDPBUSD sums each dword's values against them,
// exactly in int32:
//
//	width 2: D = 6, 6 vectors, each field (shift 0, 2, 4, 6) against its
//	  own values; COMBINE of vectors 2i and 2i+1 sums dword pairs (one
//	  block each) into B_i;
//	width 4: D = 12, 12 vectors, lo and hi nibbles; COMBINE twice sums
//	  dword quads (a 128-bit lane, one block) into B_i, vectors 4i to
//	  4i+3;
//	width 8: D = 24, 24 vectors; COMBINE twice sums quads, and a COMBINE
//	  of 128-bit lanes (VSHUFI32X4) their pairs (a 256-bit half, one
//	  block) into B_i, vectors 8i to 8i+7.
//
// B_i holds stream blocks 16i to 16i+15, block t in the width's lane
// pos(t%16) (·avx512Q8Row96Idx). Row r's blocks are 3r, 3r+1 and 3r+2.
//
// Groups of 32 (one block a group): VPERMD puts each B_i in stream order,
// so that lane l is block 16i+l, with its row's scale and min as they lie
// in memory (words 16i+l), and
//
//	F_i = cvt(B_i) * D_i * S + M * SG_i
//
// with D_i and SG_i the query block scales and shift sums of the lanes'
// query blocks ((16i+l)%3, records RECQ and RECQ+192); row r's sum is
// lanes 3r, 3r+1 and 3r+2 of F_0-F_2, gathered into lane r of three
// vectors by VPERMI2PS over F_0 and F_1 and a masked VPERMPS of F_2
// (masks K1, K2) and added.
//
// One group of 96: the same gathers take row r's three block sums from
// B_0-B_2 into lane r, and
//
//	out = (d0*cvt(b0) + d1*cvt(b1) + d2*cvt(b2)) * S + M * SG
//
// with the query's three block scales and shift sum broadcast (Z0-Z3,
// records RECQ to RECQ+15) and the 16 rows' scales and mins as they lie in
// memory.
//
// Instructions per 16 rows (1536 values, 48 times 32): width 2 6 × 13 and
// 9 to pair; width 4 12 × 7 and 27 to sum quads; width 8 24 × 3, 54 to sum
// quads and 9 their pairs; then groups of 32 3 × 7 for the float step, 9
// to gather, 2 adds, 1 store, 8 scalar; one group 9 to gather, 9 for the
// float step, 1 store, 6 scalar. Budget per 32 values: width 2 2.5 (groups
// of 32), 2.2 (one group); width 4 3.0, 2.7; width 8 3.6, 3.3. The kernels
// of rows of 128 with the fourth block masked off took 5.4 (width 4). The
// caller passes a multiple of 16 rows.
//
// Registers: Z0-Z3 the query block scales and shift sum (one group); Z16
// (width 4) and Z17 (2) unpack constants; Z18, Z19, Z23 B_0-B_2 (F_0-F_2);
// Z26 the VPERMD indexes into stream order, Z27-Z29 the gather indexes;
// Z6-Z15 scratch. SI codes, DX scales, R8 mins, DI out, BX records, CX
// blocks left.

#ifdef R96_W2
// R96_V2(v, dst): the 16 dwords of vector v against pattern v%3's fields.
#define R96_V2(v, dst) \
	VMOVDQU32 (64*(v))(SI), Z13;               \
	VPANDD    Z17, Z13, Z14;                   \
	VPXORD    dst, dst, dst;                   \
	VPDPBUSD  (256*((v)%3))(BX), Z14, dst;     \
	VPSRLD    $2, Z13, Z14;                    \
	VPANDD    Z17, Z14, Z14;                   \
	VPDPBUSD  (256*((v)%3)+64)(BX), Z14, dst;  \
	VPSRLD    $4, Z13, Z14;                    \
	VPANDD    Z17, Z14, Z14;                   \
	VPDPBUSD  (256*((v)%3)+128)(BX), Z14, dst; \
	VPSRLD    $6, Z13, Z14;                    \
	VPANDD    Z17, Z14, Z14;                   \
	VPDPBUSD  (256*((v)%3)+192)(BX), Z14, dst

// R96_B(i, dst): B_i, vectors 2i and 2i+1.
#define R96_B(i, dst) \
	R96_V2(2*(i), Z6);   \
	R96_V2(2*(i)+1, Z7); \
	COMBINE(Z6, Z7, dst)
#endif

#ifdef R96_W4
// R96_V4(v, dst): vector v against pattern v%3's lo and hi values.
#define R96_V4(v, dst) \
	STREAM_W4((64*(v)), (128*((v)%3))(BX), (128*((v)%3)+64)(BX), dst)

// R96_B(i, dst): B_i, vectors 4i to 4i+3.
#define R96_B(i, dst) \
	R96_V4(4*(i), Z6);   \
	R96_V4(4*(i)+1, Z7); \
	COMBINE(Z6, Z7, Z8); \
	R96_V4(4*(i)+2, Z6); \
	R96_V4(4*(i)+3, Z7); \
	COMBINE(Z6, Z7, Z9); \
	COMBINE(Z8, Z9, dst)
#endif

#ifdef R96_W8
// R96_K8(v, dst): vector v against pattern v%3.
#define R96_K8(v, dst) \
	VMOVDQU32 (64*(v))(SI), Z13; \
	VPXORD    dst, dst, dst;     \
	VPDPBUSD  (64*((v)%3))(BX), Z13, dst

// R96_Q8(j, dst): the quad sums of vectors 4j to 4j+3 (lane 4L+q: 128-bit
// lane L of vector 4j+q).
#define R96_Q8(j, dst) \
	R96_K8(4*(j), Z6);   \
	R96_K8(4*(j)+1, Z7); \
	COMBINE(Z6, Z7, Z8); \
	R96_K8(4*(j)+2, Z6); \
	R96_K8(4*(j)+3, Z7); \
	COMBINE(Z6, Z7, Z9); \
	COMBINE(Z8, Z9, dst)

// R96_B(i, dst): B_i, the pairs of 128-bit lanes of the quad sums of
// vectors 8i to 8i+7 (128-bit lane 2H+h of dst: lanes 2h and 2h+1 of
// R96_Q8(2i+H)).
#define R96_B(i, dst) \
	R96_Q8(2*(i), Z10);               \
	R96_Q8(2*(i)+1, Z11);             \
	VSHUFI32X4 $0x88, Z11, Z10, Z14;  \
	VSHUFI32X4 $0xdd, Z11, Z10, Z15;  \
	VPADDD     Z14, Z15, dst
#endif

// R96_GATHER(idx, k, t): lane r of t = element 3r+k (place idx) of
// Z18, Z19 and Z23 (from element 32 on, under k).
#define R96_GATHER(idx, k, t) \
	VMOVDQA64 idx, t;          \
	VPERMI2PS Z19, Z18, t;     \
	VPERMPS   Z23, idx, k, t

#ifndef R96_G96
// R96_F(i, b): F_i in place of B_i (b).
#define R96_F(i, b) \
	VPERMD      b, Z26, b;                  \
	VCVTDQ2PS   b, b;                       \
	VCVTPH2PS   (32*(i))(DX), Z9;           \
	VMULPS      (RECQ+64*(i))(BX), Z9, Z9;  \
	VCVTPH2PS   (32*(i))(R8), Z10;          \
	VMULPS      (RECQ+192+64*(i))(BX), Z10, Z10; \
	VFMADD213PS Z10, Z9, b
#endif

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ         avx512RowArgs_recs(AX), BX
#ifdef R96_G96
	VBROADCASTSS RECQ(BX), Z0
	VBROADCASTSS (RECQ+4)(BX), Z1
	VBROADCASTSS (RECQ+8)(BX), Z2
	VBROADCASTSS (RECQ+12)(BX), Z3
	VMOVDQU32    ·avx512Q8Row96Idx+(IDX+64)(SB), Z27
	VMOVDQU32    ·avx512Q8Row96Idx+(IDX+128)(SB), Z28
	VMOVDQU32    ·avx512Q8Row96Idx+(IDX+192)(SB), Z29
#else
	VMOVDQU32    ·avx512Q8Row96Idx+(IDX)(SB), Z26
	VMOVDQU32    ·avx512Q8Row96Idx+(768+64)(SB), Z27
	VMOVDQU32    ·avx512Q8Row96Idx+(768+128)(SB), Z28
	VMOVDQU32    ·avx512Q8Row96Idx+(768+192)(SB), Z29
#endif
	MOVL         $0xf800, R11
	KMOVW        R11, K1
	MOVL         $0xfc00, R11
	KMOVW        R11, K2
	ROW_ARGS
	MOVQ         avx512RowArgs_out(AX), DI
	MOVQ         avx512RowArgs_n(AX), CX
	SHRQ         $4, CX

block:
	R96_B(0, Z18)
	R96_B(1, Z19)
	R96_B(2, Z23)
#ifdef R96_G96
	R96_GATHER(Z27, K1, Z6)
	R96_GATHER(Z28, K1, Z7)
	R96_GATHER(Z29, K2, Z8)
	VCVTDQ2PS   Z6, Z6
	VCVTDQ2PS   Z7, Z7
	VCVTDQ2PS   Z8, Z8
	VMULPS      Z0, Z6, Z6
	VFMADD231PS Z1, Z7, Z6
	VFMADD231PS Z2, Z8, Z6
	VCVTPH2PS   (DX), Z9
	VCVTPH2PS   (R8), Z11
	VMULPS      Z3, Z11, Z11
	VFMADD213PS Z11, Z9, Z6
	VMOVUPS     Z6, (DI)
	ADDQ        $32, DX
	ADDQ        $32, R8
#else
	R96_F(0, Z18)
	R96_F(1, Z19)
	R96_F(2, Z23)
	R96_GATHER(Z27, K1, Z6)
	R96_GATHER(Z28, K1, Z7)
	R96_GATHER(Z29, K2, Z8)
	VADDPS      Z7, Z6, Z6
	VADDPS      Z8, Z6, Z6
	VMOVUPS     Z6, (DI)
	ADDQ        $96, DX
	ADDQ        $96, R8
#endif

	ADDQ $(16*ROWBYTES), SI
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET

#undef R96_GATHER
#undef R96_B
#ifndef R96_G96
#undef R96_F
#endif
#ifdef R96_W2
#undef R96_V2
#endif
#ifdef R96_W4
#undef R96_V4
#endif
#ifdef R96_W8
#undef R96_K8
#undef R96_Q8
#endif
