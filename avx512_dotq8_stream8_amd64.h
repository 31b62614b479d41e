// Body of the DotQ8 stream kernels of avx512_dotq8_amd64.s on 2- and 4-bit
// rows of 64, 80, 96, 128 and 256 values in groups of 8, one query row,
// sixteen rows per iteration. Included once per kernel with these macros
// defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's unpack constants
//	CHUNK     bytes of codes of 16 groups (32 for width 2, 64 for 4)
//	CHUNKINT(off, xl, xh, dst)  the int32 lane sums of the 16 groups at
//	          off(SI) against the query values xl (lo) and xh (hi)
//	STREAM8_R64, _R80, _R96, _R128 or _R256  the row length
//
// The rows of a block lie back to back, so their G groups each (G = 8,
// 10, 12, 16 or 32) are one stream of 16G groups, and vector v of the
// stream (CHUNK bytes of codes) holds groups 16v to 16v+15, group 16v+l in
// int32 lane l: each lane is one group of one row, and takes the scale and
// min that lie in memory at word 16v+l (no permutation, no masks). The
// query group of stream group s is s%G, so vector v takes the records of
// pattern v%P, P = G/gcd(16, G) (1 for rows of 64 and 128, 2 for 256, 5
// for 80, 3 for 96; avx512Q8StreamG8Records: per pattern 256 bytes, the
// lo and hi query values, the query block scales D and the shift sums SG
// of its 16 lanes' query groups). STREAM8_F forms
//
//	F_v = cvt(K_v) * D * S + M * SG
//
// and each row's lanes are summed at the end:
//
//	rows of 128: F_r is row r; COMBINE_F of F_4i..F_4i+3 in pairs and
//	  then of the pairs (H_i: lane 4L+q holds row 4i+q's sum over its
//	  128-bit lane L), and REDUCE_PAIR128 of H_0-H_1, H_2-H_3 and of those
//	  leave row r in lane r;
//	rows of 256: F_2r + F_2r+1 is row r (patterns 0 and 1), then as
//	  rows of 128;
//	rows of 64: F_v holds rows 2v (lanes 0-7) and 2v+1 (8-15); COMBINE_F
//	  of F_0-F_3 and of F_4-F_7 as for rows of 128 (H_0, H_1: lane 4L+q
//	  holds half the sum of row 2q+L/2, plus 8 for H_1) and REDUCE_PAIR128
//	  of H_0-H_1 leave row r in lane 4((r%2)+2(r/8))+(r%8)/2, which VPERMPS
//	  (·avx512Q8Stream8Idx row 0) puts in lane r;
//	rows of 80: COMBINE_F of F_2i and F_2i+1 is Q_i, whose lane
//	  4(t%8/2)+2(t/8)+t%2 holds pair 16i+t of stream groups (2s, 2s+1 lie
//	  in one row); row r is pairs 5r to 5r+4, gathered into lane r of five
//	  vectors from Q_0-Q_1 (VPERMI2PS under K1 or K2), Q_2-Q_3 (VPERMI2PS,
//	  K3 to K5) and Q_4 (VPERMPS, K6 or K7), as the kernels of groups of 16
//	  gather groups (avx512_dotq8_row80_amd64.h), by the indexes of rows
//	  1-5 of ·avx512Q8Stream8Idx, and added;
//	rows of 96: Q_i as for rows of 80, and COMBINE_F of Q_2j and Q_2j+1
//	  is R_j, whose lane 4L+q holds quad 16j+4q+L (four stream groups, one
//	  row's); row r is quads 3r, 3r+1 and 3r+2, gathered into lane r of
//	  three vectors by VPERMI2PS over R_0-R_1 and a masked VPERMPS of R_2
//	  (K1, K2; rows 6-8 of ·avx512Q8Stream8Idx), and added.
//
// Instructions per 16 rows (width 4; width 2 takes 2 more per vector):
// G vectors of 13 (CHUNKINT 7 and the float step 6), plus for rows of 64
// 29, 80 46, 96 45, 128 52, 256 68 to sum and order the rows' sums and
// store them, and 6 scalar. Budget per 32 values: rows of 64 4.2 (width
// 2: 4.7), 80 4.4 (4.9), 96 4.2 (4.7), 128 4.1 (4.6), 256 3.8 (4.3). The
// caller passes a multiple of 16 rows.
//
// Registers: Z16 (width 4), Z17 and Z20-Z22 (width 2) unpack constants;
// Z8, Z11 a pair of F vectors; Z18, Z19, Z23-Z26 their sums; Z26-Z30,
// Z27 (rows of 64) index vectors; Z6, Z7, Z9, Z10, Z12-Z15 scratch. SI
// codes, DX scales, R8 mins, DI out, BX records, CX blocks left.

// S8_PAIR(v, pa, pb, g): COMBINE_F of F_v (pattern pa) and F_v+1 (pb)
// into g.
#define S8_PAIR(v, pa, pb, g) \
	STREAM8_F(v, pa, Z8);           \
	STREAM8_F((v)+1, pb, Z11);      \
	COMBINE_F(Z8, Z11, g, Z14, Z15)

#ifdef STREAM8_R256
// S8_F(r, dst): row r's sum of rows of 256 (F_2r + F_2r+1).
#define S8_F(r, dst) \
	STREAM8_F(2*(r), 0, dst);      \
	STREAM8_F(2*(r)+1, 1, Z12);    \
	VADDPS Z12, dst, dst
#else
#define S8_F(r, dst) STREAM8_F(r, 0, dst)
#endif

// S8_QUAD(i, h): H_i of rows of 128 (256): rows 4i to 4i+3.
#define S8_QUAD(i, h) \
	S8_F(4*(i), Z8);                  \
	S8_F(4*(i)+1, Z11);               \
	COMBINE_F(Z8, Z11, Z18, Z14, Z15); \
	S8_F(4*(i)+2, Z8);                \
	S8_F(4*(i)+3, Z11);               \
	COMBINE_F(Z8, Z11, Z19, Z14, Z15); \
	COMBINE_F(Z18, Z19, h, Z14, Z15)

// S8_GATHER(idx, ka, kb, kc, t): rows of 80: lane r of t = the pair whose
// place idx holds in lane r.
#define S8_GATHER(idx, ka, kb, kc, t) \
	VMOVDQA64 idx, t;              \
	VPERMI2PS Z19, Z18, ka, t;     \
	VPERMI2PS Z24, Z23, kb, t;     \
	VPERMPS   Z25, idx, kc, t

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ avx512RowArgs_recs(AX), BX
#ifdef STREAM8_R64
	VMOVDQU32 ·avx512Q8Stream8Idx+0(SB), Z27
#endif
#ifdef STREAM8_R80
	VMOVDQU32 ·avx512Q8Stream8Idx+64(SB), Z26
	VMOVDQU32 ·avx512Q8Stream8Idx+128(SB), Z27
	VMOVDQU32 ·avx512Q8Stream8Idx+192(SB), Z28
	VMOVDQU32 ·avx512Q8Stream8Idx+256(SB), Z29
	VMOVDQU32 ·avx512Q8Stream8Idx+320(SB), Z30
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
#endif
#ifdef STREAM8_R96
	VMOVDQU32 ·avx512Q8Stream8Idx+384(SB), Z28
	VMOVDQU32 ·avx512Q8Stream8Idx+448(SB), Z29
	VMOVDQU32 ·avx512Q8Stream8Idx+512(SB), Z30
	MOVL      $0xf800, R11
	KMOVW     R11, K1
	MOVL      $0xfc00, R11
	KMOVW     R11, K2
#endif
	ROW_ARGS
	MOVQ avx512RowArgs_out(AX), DI
	MOVQ avx512RowArgs_n(AX), CX
	SHRQ $4, CX

block:
#ifdef STREAM8_R64
	S8_PAIR(0, 0, 0, Z18)
	S8_PAIR(2, 0, 0, Z19)
	COMBINE_F(Z18, Z19, Z23, Z14, Z15)
	S8_PAIR(4, 0, 0, Z18)
	S8_PAIR(6, 0, 0, Z19)
	COMBINE_F(Z18, Z19, Z24, Z14, Z15)
	REDUCE_PAIR128(Z23, Z24)
	VPERMPS Z23, Z27, Z23
	VMOVUPS Z23, (DI)
#define S8_VECS 8
#endif

#ifdef STREAM8_R80
	// Q_i: vectors 2i and 2i+1, patterns (2i)%5 and (2i+1)%5.
	S8_PAIR(0, 0, 1, Z18)
	S8_PAIR(2, 2, 3, Z19)
	S8_PAIR(4, 4, 0, Z23)
	S8_PAIR(6, 1, 2, Z24)
	S8_PAIR(8, 3, 4, Z25)
	S8_GATHER(Z26, K1, K3, K6, Z6)
	S8_GATHER(Z27, K1, K3, K6, Z7)
	S8_GATHER(Z28, K2, K4, K6, Z8)
	S8_GATHER(Z29, K2, K4, K6, Z9)
	S8_GATHER(Z30, K2, K5, K7, Z10)
	VADDPS  Z7, Z6, Z6
	VADDPS  Z9, Z8, Z8
	VADDPS  Z10, Z6, Z6
	VADDPS  Z8, Z6, Z6
	VMOVUPS Z6, (DI)
#define S8_VECS 10
#endif

#ifdef STREAM8_R96
	// Q_i: vectors 2i and 2i+1, patterns (2i)%3 and (2i+1)%3; R_j: Q_2j
	// and Q_2j+1.
	S8_PAIR(0, 0, 1, Z18)
	S8_PAIR(2, 2, 0, Z19)
	COMBINE_F(Z18, Z19, Z23, Z14, Z15)
	S8_PAIR(4, 1, 2, Z18)
	S8_PAIR(6, 0, 1, Z19)
	COMBINE_F(Z18, Z19, Z24, Z14, Z15)
	S8_PAIR(8, 2, 0, Z18)
	S8_PAIR(10, 1, 2, Z19)
	COMBINE_F(Z18, Z19, Z25, Z14, Z15)

	// Row r: quads 3r, 3r+1, 3r+2 (R_2 from quad 32 on: lanes 11-15, and
	// 10-15 for the third).
	VMOVDQA64 Z28, Z6
	VPERMI2PS Z24, Z23, Z6
	VPERMPS   Z25, Z28, K1, Z6
	VMOVDQA64 Z29, Z7
	VPERMI2PS Z24, Z23, Z7
	VPERMPS   Z25, Z29, K1, Z7
	VMOVDQA64 Z30, Z8
	VPERMI2PS Z24, Z23, Z8
	VPERMPS   Z25, Z30, K2, Z8
	VADDPS    Z7, Z6, Z6
	VADDPS    Z8, Z6, Z6
	VMOVUPS   Z6, (DI)
#define S8_VECS 12
#endif

#ifdef STREAM8_R128
#define S8_VECS 16
#endif
#ifdef STREAM8_R256
#define S8_VECS 32
#endif
#ifdef STREAM8_R128
#define S8_TREE
#endif
#ifdef STREAM8_R256
#define S8_TREE
#endif
#ifdef S8_TREE
	S8_QUAD(0, Z23)
	S8_QUAD(1, Z24)
	S8_QUAD(2, Z25)
	S8_QUAD(3, Z26)
	REDUCE_PAIR128(Z23, Z24)
	REDUCE_PAIR128(Z25, Z26)
	REDUCE_PAIR128(Z23, Z25)
	VMOVUPS Z23, (DI)
#undef S8_TREE
#endif

	ADDQ $(S8_VECS*CHUNK), SI
	ADDQ $(S8_VECS*32), DX
	ADDQ $(S8_VECS*32), R8
	ADDQ $64, DI
	DECQ CX
	JNZ  block
	VZEROUPPER
	RET

#undef S8_VECS
#undef S8_PAIR
#undef S8_F
#undef S8_QUAD
#undef S8_GATHER
