// Macros of the AVX2 kernels on groups that are not a multiple of 32
// (avx2_amd64.h has the block macros of whole blocks): the codes of a
// group's last block, whose length m is 8, 16 or 24, in chunks of eight.
//
// The planes of the last block are addressed as those of a whole block
// (avx2_amd64.h): SI, R8, R9 the group's planes, DX = 4 × the number of
// whole blocks before it, so that the block's bytes of a plane of w bits
// start at (base)(DX*w). pack/doc.go draws the layouts of a block of m
// values: 8 bits byte j holds v_j; 4 bits byte j holds v_j and v_(j+m/2);
// 2 bits byte j holds v_j, v_(j+m/4), v_(j+2m/4), v_(j+3m/4); 1 bit: bit k
// of the little-endian mask holds v_k.
//
// Every load reads the block's own bytes only (the last group of a row may
// end where the memory does), so a chunk is built from broadcasts: the
// block's bytes broadcast to every dword lane, lane k shifted right by the
// bit position of value k (VPSRLVD with a constant) and masked.
//
// LT<w>M<m>(O0, O1, O2, CV) hands out the block's m/8 chunks in value
// order: chunk c's eight codes as int32 in Y0, then CV (CVTF: VCVTDQ2PS
// Y0, Y0, or NOCV), then Oc, an instruction sequence (a macro) that finds
// the chunk's values at offset 32*c of the block's float32 columns.
// LB<w>(O0, O1, O2, O3, CV) does the same for a whole block of 32 (the
// chunks in the order of the FBLK macros). Both use Y1 and Y5 (X5); Oc may
// clobber Y0 and Y2.

#define CVTF VCVTDQ2PS Y0, Y0
#define NOCV

// The constants of the tail macros: memory operands, unless a kernel with
// free registers binds them (#undef, #define K_TS2A Y12, …) and loads them
// itself. Each is used only as an instruction's first (memory) operand.
#define K_TS4 ·avx2TailShift4(SB)
#define K_TS2M8 ·avx2TailShift2M8(SB)
#define K_TS2A ·avx2TailShift2M16+0(SB)
#define K_TS2B ·avx2TailShift2M16+32(SB)
#define K_D15 ·avx2D15(SB)
#define K_D3 ·avx2D3(SB)

// Plane chunks: P<w>M<m>C<c>(B, D, T, XT) puts chunk c of the w-bit plane
// of a block of m values at (B)(DX*w) in D as int32 (the plane's bits at
// the bottom); T (XT its low half) is a scratch register.
#define P4M8C0(B, D, T, XT) \
	VPBROADCASTD (B)(DX*4), D; \
	VPSRLVD K_TS4, D, D; \
	VPAND K_D15, D, D
#define P4M16C0(B, D, T, XT) \
	VPMOVZXBD (B)(DX*4), D; \
	VPAND K_D15, D, D
#define P4M16C1(B, D, T, XT) \
	VPMOVZXBD (B)(DX*4), D; \
	VPSRLD $4, D, D
#define P4M24C0(B, D, T, XT) \
	VPMOVZXBD (B)(DX*4), D; \
	VPAND K_D15, D, D
#define P4M24C1(B, D, T, XT) \
	VPBROADCASTD 8(B)(DX*4), D; \
	VPBROADCASTD (B)(DX*4), T; \
	VPBLENDD $0xf0, T, D, D; \
	VPSRLVD K_TS4, D, D; \
	VPAND K_D15, D, D
#define P4M24C2(B, D, T, XT) \
	VPMOVZXBD 4(B)(DX*4), D; \
	VPSRLD $4, D, D
#define P2M8C0(B, D, T, XT) \
	VPBROADCASTW (B)(DX*2), D; \
	VPSRLVD K_TS2M8, D, D; \
	VPAND K_D3, D, D
#define P2M16C0(B, D, T, XT) \
	VPBROADCASTD (B)(DX*2), D; \
	VPSRLVD K_TS2A, D, D; \
	VPAND K_D3, D, D
#define P2M16C1(B, D, T, XT) \
	VPBROADCASTD (B)(DX*2), D; \
	VPSRLVD K_TS2B, D, D; \
	VPAND K_D3, D, D
#define P2M24C0(B, D, T, XT) \
	VMOVD (B)(DX*2), XT; \
	VPINSRW $2, 4(B)(DX*2), XT, XT; \
	VINSERTI128 $1, XT, T, T; \
	VPSHUFB ·avx2Tail2M24Index+0(SB), T, D; \
	VPSRLVD ·avx2Tail2M24Shift+0(SB), D, D; \
	VPAND K_D3, D, D
#define P2M24C1(B, D, T, XT) \
	VMOVD (B)(DX*2), XT; \
	VPINSRW $2, 4(B)(DX*2), XT, XT; \
	VINSERTI128 $1, XT, T, T; \
	VPSHUFB ·avx2Tail2M24Index+32(SB), T, D; \
	VPSRLVD ·avx2Tail2M24Shift+32(SB), D, D; \
	VPAND K_D3, D, D
#define P2M24C2(B, D, T, XT) \
	VMOVD (B)(DX*2), XT; \
	VPINSRW $2, 4(B)(DX*2), XT, XT; \
	VINSERTI128 $1, XT, T, T; \
	VPSHUFB ·avx2Tail2M24Index+64(SB), T, D; \
	VPSRLVD ·avx2Tail2M24Shift+64(SB), D, D; \
	VPAND K_D3, D, D
#define P1M8C0(B, D, T, XT) \
	VPBROADCASTB 0(B)(DX*1), D; \
	VPSRLVD ·avx2TailShift1(SB), D, D; \
	VPAND ·avx2D1(SB), D, D
#define P1M16C0(B, D, T, XT) \
	VPBROADCASTB 0(B)(DX*1), D; \
	VPSRLVD ·avx2TailShift1(SB), D, D; \
	VPAND ·avx2D1(SB), D, D
#define P1M16C1(B, D, T, XT) \
	VPBROADCASTB 1(B)(DX*1), D; \
	VPSRLVD ·avx2TailShift1(SB), D, D; \
	VPAND ·avx2D1(SB), D, D
#define P1M24C0(B, D, T, XT) \
	VPBROADCASTB 0(B)(DX*1), D; \
	VPSRLVD ·avx2TailShift1(SB), D, D; \
	VPAND ·avx2D1(SB), D, D
#define P1M24C1(B, D, T, XT) \
	VPBROADCASTB 1(B)(DX*1), D; \
	VPSRLVD ·avx2TailShift1(SB), D, D; \
	VPAND ·avx2D1(SB), D, D
#define P1M24C2(B, D, T, XT) \
	VPBROADCASTB 2(B)(DX*1), D; \
	VPSRLVD ·avx2TailShift1(SB), D, D; \
	VPAND ·avx2D1(SB), D, D
#define P8M8C0(B, D, T, XT) \
	VPMOVZXBD 0(B)(DX*8), D
#define P8M16C0(B, D, T, XT) \
	VPMOVZXBD 0(B)(DX*8), D
#define P8M16C1(B, D, T, XT) \
	VPMOVZXBD 8(B)(DX*8), D
#define P8M24C0(B, D, T, XT) \
	VPMOVZXBD 0(B)(DX*8), D
#define P8M24C1(B, D, T, XT) \
	VPMOVZXBD 8(B)(DX*8), D
#define P8M24C2(B, D, T, XT) \
	VPMOVZXBD 16(B)(DX*8), D

// TC<w>M<m>C<c>: chunk c of a block of m codes of width w into Y0 (int32),
// its planes merged (the widest holds the low bits). The 4- and 2-bit
// blocks of 16 load once for both chunks (into Y5).
#define TC2M8C0 \
	P2M8C0(SI, Y0, Y5, X5)
#define TC2M16C0 \
	VPBROADCASTD (SI)(DX*2), Y5; \
	VPSRLVD K_TS2A, Y5, Y0; \
	VPAND K_D3, Y0, Y0
#define TC2M16C1 \
	VPSRLVD K_TS2B, Y5, Y0; \
	VPAND K_D3, Y0, Y0
#define TC2M24C0 \
	P2M24C0(SI, Y0, Y5, X5)
#define TC2M24C1 \
	P2M24C1(SI, Y0, Y5, X5)
#define TC2M24C2 \
	P2M24C2(SI, Y0, Y5, X5)
#define TC3M8C0 \
	P2M8C0(SI, Y0, Y5, X5); \
	P1M8C0(R8, Y1, Y5, X5); \
	VPSLLD $2, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC3M16C0 \
	P2M16C0(SI, Y0, Y5, X5); \
	P1M16C0(R8, Y1, Y5, X5); \
	VPSLLD $2, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC3M16C1 \
	P2M16C1(SI, Y0, Y5, X5); \
	P1M16C1(R8, Y1, Y5, X5); \
	VPSLLD $2, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC3M24C0 \
	P2M24C0(SI, Y0, Y5, X5); \
	P1M24C0(R8, Y1, Y5, X5); \
	VPSLLD $2, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC3M24C1 \
	P2M24C1(SI, Y0, Y5, X5); \
	P1M24C1(R8, Y1, Y5, X5); \
	VPSLLD $2, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC3M24C2 \
	P2M24C2(SI, Y0, Y5, X5); \
	P1M24C2(R8, Y1, Y5, X5); \
	VPSLLD $2, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC4M8C0 \
	P4M8C0(SI, Y0, Y5, X5)
#define TC4M16C0 \
	VPMOVZXBD (SI)(DX*4), Y5; \
	VPAND K_NIB, Y5, Y0
#define TC4M16C1 \
	VPSRLD $4, Y5, Y0
#define TC4M24C0 \
	P4M24C0(SI, Y0, Y5, X5)
#define TC4M24C1 \
	P4M24C1(SI, Y0, Y5, X5)
#define TC4M24C2 \
	P4M24C2(SI, Y0, Y5, X5)
#define TC5M8C0 \
	P4M8C0(SI, Y0, Y5, X5); \
	P1M8C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC5M16C0 \
	P4M16C0(SI, Y0, Y5, X5); \
	P1M16C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC5M16C1 \
	P4M16C1(SI, Y0, Y5, X5); \
	P1M16C1(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC5M24C0 \
	P4M24C0(SI, Y0, Y5, X5); \
	P1M24C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC5M24C1 \
	P4M24C1(SI, Y0, Y5, X5); \
	P1M24C1(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC5M24C2 \
	P4M24C2(SI, Y0, Y5, X5); \
	P1M24C2(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC6M8C0 \
	P4M8C0(SI, Y0, Y5, X5); \
	P2M8C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC6M16C0 \
	P4M16C0(SI, Y0, Y5, X5); \
	P2M16C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC6M16C1 \
	P4M16C1(SI, Y0, Y5, X5); \
	P2M16C1(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC6M24C0 \
	P4M24C0(SI, Y0, Y5, X5); \
	P2M24C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC6M24C1 \
	P4M24C1(SI, Y0, Y5, X5); \
	P2M24C1(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC6M24C2 \
	P4M24C2(SI, Y0, Y5, X5); \
	P2M24C2(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC7M8C0 \
	P4M8C0(SI, Y0, Y5, X5); \
	P2M8C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0; \
	P1M8C0(R9, Y1, Y5, X5); \
	VPSLLD $6, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC7M16C0 \
	P4M16C0(SI, Y0, Y5, X5); \
	P2M16C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0; \
	P1M16C0(R9, Y1, Y5, X5); \
	VPSLLD $6, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC7M16C1 \
	P4M16C1(SI, Y0, Y5, X5); \
	P2M16C1(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0; \
	P1M16C1(R9, Y1, Y5, X5); \
	VPSLLD $6, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC7M24C0 \
	P4M24C0(SI, Y0, Y5, X5); \
	P2M24C0(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0; \
	P1M24C0(R9, Y1, Y5, X5); \
	VPSLLD $6, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC7M24C1 \
	P4M24C1(SI, Y0, Y5, X5); \
	P2M24C1(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0; \
	P1M24C1(R9, Y1, Y5, X5); \
	VPSLLD $6, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC7M24C2 \
	P4M24C2(SI, Y0, Y5, X5); \
	P2M24C2(R8, Y1, Y5, X5); \
	VPSLLD $4, Y1, Y1; \
	VPOR Y1, Y0, Y0; \
	P1M24C2(R9, Y1, Y5, X5); \
	VPSLLD $6, Y1, Y1; \
	VPOR Y1, Y0, Y0
#define TC8M8C0 \
	P8M8C0(SI, Y0, Y5, X5)
#define TC8M16C0 \
	P8M16C0(SI, Y0, Y5, X5)
#define TC8M16C1 \
	P8M16C1(SI, Y0, Y5, X5)
#define TC8M24C0 \
	P8M24C0(SI, Y0, Y5, X5)
#define TC8M24C1 \
	P8M24C1(SI, Y0, Y5, X5)
#define TC8M24C2 \
	P8M24C2(SI, Y0, Y5, X5)

// The tails: every chunk of a block of m codes of width w, in value order.
#define LT2M8(O0, O1, O2, CV) \
	TC2M8C0; CV; O0
#define LT2M16(O0, O1, O2, CV) \
	TC2M16C0; CV; O0; \
	TC2M16C1; CV; O1
#define LT2M24(O0, O1, O2, CV) \
	TC2M24C0; CV; O0; \
	TC2M24C1; CV; O1; \
	TC2M24C2; CV; O2
#define LT3M8(O0, O1, O2, CV) \
	TC3M8C0; CV; O0
#define LT3M16(O0, O1, O2, CV) \
	TC3M16C0; CV; O0; \
	TC3M16C1; CV; O1
#define LT3M24(O0, O1, O2, CV) \
	TC3M24C0; CV; O0; \
	TC3M24C1; CV; O1; \
	TC3M24C2; CV; O2
#define LT4M8(O0, O1, O2, CV) \
	TC4M8C0; CV; O0
#define LT4M16(O0, O1, O2, CV) \
	TC4M16C0; CV; O0; \
	TC4M16C1; CV; O1
#define LT4M24(O0, O1, O2, CV) \
	TC4M24C0; CV; O0; \
	TC4M24C1; CV; O1; \
	TC4M24C2; CV; O2
#define LT5M8(O0, O1, O2, CV) \
	TC5M8C0; CV; O0
#define LT5M16(O0, O1, O2, CV) \
	TC5M16C0; CV; O0; \
	TC5M16C1; CV; O1
#define LT5M24(O0, O1, O2, CV) \
	TC5M24C0; CV; O0; \
	TC5M24C1; CV; O1; \
	TC5M24C2; CV; O2
#define LT6M8(O0, O1, O2, CV) \
	TC6M8C0; CV; O0
#define LT6M16(O0, O1, O2, CV) \
	TC6M16C0; CV; O0; \
	TC6M16C1; CV; O1
#define LT6M24(O0, O1, O2, CV) \
	TC6M24C0; CV; O0; \
	TC6M24C1; CV; O1; \
	TC6M24C2; CV; O2
#define LT7M8(O0, O1, O2, CV) \
	TC7M8C0; CV; O0
#define LT7M16(O0, O1, O2, CV) \
	TC7M16C0; CV; O0; \
	TC7M16C1; CV; O1
#define LT7M24(O0, O1, O2, CV) \
	TC7M24C0; CV; O0; \
	TC7M24C1; CV; O1; \
	TC7M24C2; CV; O2
#define LT8M8(O0, O1, O2, CV) \
	TC8M8C0; CV; O0
#define LT8M16(O0, O1, O2, CV) \
	TC8M16C0; CV; O0; \
	TC8M16C1; CV; O1
#define LT8M24(O0, O1, O2, CV) \
	TC8M24C0; CV; O0; \
	TC8M24C1; CV; O1; \
	TC8M24C2; CV; O2

// The whole blocks, as FBLK<w> (avx2_amd64.h) with OP and CV.
#define LB8(O0, O1, O2, O3, CV) \
	VPMOVZXBD (SI)(DX*8), Y0; CV; O0; \
	VPMOVZXBD 8(SI)(DX*8), Y0; CV; O1; \
	VPMOVZXBD 16(SI)(DX*8), Y0; CV; O2; \
	VPMOVZXBD 24(SI)(DX*8), Y0; CV; O3

#define LB4(O0, O1, O2, O3, CV) \
	VPMOVZXBD (SI)(DX*4), Y1; \
	VPAND     K_NIB, Y1, Y0; CV; O0; \
	VPSRLD    $4, Y1, Y0; CV; O2; \
	VPMOVZXBD 8(SI)(DX*4), Y1; \
	VPAND     K_NIB, Y1, Y0; CV; O1; \
	VPSRLD    $4, Y1, Y0; CV; O3

#define LB2(O0, O1, O2, O3, CV) \
	VPMOVZXBD (SI)(DX*2), Y1; \
	VPAND  K_LOW2, Y1, Y0; CV; O0; \
	VPSRLD $2, Y1, Y0; VPAND K_LOW2, Y0, Y0; CV; O1; \
	VPSRLD $4, Y1, Y0; VPAND K_LOW2, Y0, Y0; CV; O2; \
	VPSRLD $6, Y1, Y0; CV; O3

// LBB: the block's 32 codes, already bytes in Y1, eight at a time.
#define LBB(O0, O1, O2, O3, CV) \
	VPMOVZXBD    X1, Y0; CV; O0; \
	VPSRLDQ      $8, X1, X5; VPMOVZXBD X5, Y0; CV; O1; \
	VEXTRACTI128 $1, Y1, X1; \
	VPMOVZXBD    X1, Y0; CV; O2; \
	VPSRLDQ      $8, X1, X5; VPMOVZXBD X5, Y0; CV; O3

#define LB3(O0, O1, O2, O3, CV) U3B(Y1, X1, Y5, X5); LBB(O0, O1, O2, O3, CV)
#define LB5(O0, O1, O2, O3, CV) U5B(Y1, X1, Y5, X5); LBB(O0, O1, O2, O3, CV)
#define LB6(O0, O1, O2, O3, CV) U6B(Y1, X1, Y5, X5); LBB(O0, O1, O2, O3, CV)
#define LB7(O0, O1, O2, O3, CV) U7B(Y1, X1, Y5, X5); LBB(O0, O1, O2, O3, CV)

// Pure widths with the planes at R8 (another row): TR<w>M<m>C<c> is
// TC<w>M<m>C<c> of the block at (R8)(DX*w), with Y1 as the 16-value load
// (the caller's Y5 stays).
#define TR2M8C0 \
	VPBROADCASTW (R8)(DX*2), Y0; \
	VPSRLVD K_TS2M8, Y0, Y0; \
	VPAND K_D3, Y0, Y0
#define TR2M16C0 \
	VPBROADCASTD (R8)(DX*2), Y1; \
	VPSRLVD K_TS2A, Y1, Y0; \
	VPAND K_D3, Y0, Y0
#define TR2M16C1 \
	VPSRLVD K_TS2B, Y1, Y0; \
	VPAND K_D3, Y0, Y0
#define TR2M24C0 \
	VMOVD (R8)(DX*2), X1; \
	VPINSRW $2, 4(R8)(DX*2), X1, X1; \
	VINSERTI128 $1, X1, Y1, Y1; \
	VPSHUFB ·avx2Tail2M24Index+0(SB), Y1, Y0; \
	VPSRLVD ·avx2Tail2M24Shift+0(SB), Y0, Y0; \
	VPAND K_D3, Y0, Y0
#define TR2M24C1 \
	VMOVD (R8)(DX*2), X1; \
	VPINSRW $2, 4(R8)(DX*2), X1, X1; \
	VINSERTI128 $1, X1, Y1, Y1; \
	VPSHUFB ·avx2Tail2M24Index+32(SB), Y1, Y0; \
	VPSRLVD ·avx2Tail2M24Shift+32(SB), Y0, Y0; \
	VPAND K_D3, Y0, Y0
#define TR2M24C2 \
	VMOVD (R8)(DX*2), X1; \
	VPINSRW $2, 4(R8)(DX*2), X1, X1; \
	VINSERTI128 $1, X1, Y1, Y1; \
	VPSHUFB ·avx2Tail2M24Index+64(SB), Y1, Y0; \
	VPSRLVD ·avx2Tail2M24Shift+64(SB), Y0, Y0; \
	VPAND K_D3, Y0, Y0
#define TR4M8C0 \
	VPBROADCASTD (R8)(DX*4), Y0; \
	VPSRLVD K_TS4, Y0, Y0; \
	VPAND K_D15, Y0, Y0
#define TR4M16C0 \
	VPMOVZXBD (R8)(DX*4), Y1; \
	VPAND K_NIB, Y1, Y0
#define TR4M16C1 \
	VPSRLD $4, Y1, Y0
#define TR4M24C0 \
	VPMOVZXBD (R8)(DX*4), Y0; \
	VPAND K_D15, Y0, Y0
#define TR4M24C1 \
	VPBROADCASTD 8(R8)(DX*4), Y0; \
	VPBROADCASTD (R8)(DX*4), Y1; \
	VPBLENDD $0xf0, Y1, Y0, Y0; \
	VPSRLVD K_TS4, Y0, Y0; \
	VPAND K_D15, Y0, Y0
#define TR4M24C2 \
	VPMOVZXBD 4(R8)(DX*4), Y0; \
	VPSRLD $4, Y0, Y0
#define TR8M8C0 \
	VPMOVZXBD 0(R8)(DX*8), Y0
#define TR8M16C0 \
	VPMOVZXBD 0(R8)(DX*8), Y0
#define TR8M16C1 \
	VPMOVZXBD 8(R8)(DX*8), Y0
#define TR8M24C0 \
	VPMOVZXBD 0(R8)(DX*8), Y0
#define TR8M24C1 \
	VPMOVZXBD 8(R8)(DX*8), Y0
#define TR8M24C2 \
	VPMOVZXBD 16(R8)(DX*8), Y0

// LTX<w>M<m>(O0, O1, O2, O3, CV): the last block of m values of width w
// (m = 32: a whole block), at SI; LRX<w>M<m>: the same at R8 (pure widths;
// a whole block at R8 uses Y1 and Y2).
#define LTX2M8(O0, O1, O2, O3, CV) LT2M8(O0, O1, O2, CV)
#define LTX2M16(O0, O1, O2, O3, CV) LT2M16(O0, O1, O2, CV)
#define LTX2M24(O0, O1, O2, O3, CV) LT2M24(O0, O1, O2, CV)
#define LTX2M32(O0, O1, O2, O3, CV) LB2(O0, O1, O2, O3, CV)
#define LTX3M8(O0, O1, O2, O3, CV) LT3M8(O0, O1, O2, CV)
#define LTX3M16(O0, O1, O2, O3, CV) LT3M16(O0, O1, O2, CV)
#define LTX3M24(O0, O1, O2, O3, CV) LT3M24(O0, O1, O2, CV)
#define LTX3M32(O0, O1, O2, O3, CV) LB3(O0, O1, O2, O3, CV)
#define LTX4M8(O0, O1, O2, O3, CV) LT4M8(O0, O1, O2, CV)
#define LTX4M16(O0, O1, O2, O3, CV) LT4M16(O0, O1, O2, CV)
#define LTX4M24(O0, O1, O2, O3, CV) LT4M24(O0, O1, O2, CV)
#define LTX4M32(O0, O1, O2, O3, CV) LB4(O0, O1, O2, O3, CV)
#define LTX5M8(O0, O1, O2, O3, CV) LT5M8(O0, O1, O2, CV)
#define LTX5M16(O0, O1, O2, O3, CV) LT5M16(O0, O1, O2, CV)
#define LTX5M24(O0, O1, O2, O3, CV) LT5M24(O0, O1, O2, CV)
#define LTX5M32(O0, O1, O2, O3, CV) LB5(O0, O1, O2, O3, CV)
#define LTX6M8(O0, O1, O2, O3, CV) LT6M8(O0, O1, O2, CV)
#define LTX6M16(O0, O1, O2, O3, CV) LT6M16(O0, O1, O2, CV)
#define LTX6M24(O0, O1, O2, O3, CV) LT6M24(O0, O1, O2, CV)
#define LTX6M32(O0, O1, O2, O3, CV) LB6(O0, O1, O2, O3, CV)
#define LTX7M8(O0, O1, O2, O3, CV) LT7M8(O0, O1, O2, CV)
#define LTX7M16(O0, O1, O2, O3, CV) LT7M16(O0, O1, O2, CV)
#define LTX7M24(O0, O1, O2, O3, CV) LT7M24(O0, O1, O2, CV)
#define LTX7M32(O0, O1, O2, O3, CV) LB7(O0, O1, O2, O3, CV)
#define LTX8M8(O0, O1, O2, O3, CV) LT8M8(O0, O1, O2, CV)
#define LTX8M16(O0, O1, O2, O3, CV) LT8M16(O0, O1, O2, CV)
#define LTX8M24(O0, O1, O2, O3, CV) LT8M24(O0, O1, O2, CV)
#define LTX8M32(O0, O1, O2, O3, CV) LB8(O0, O1, O2, O3, CV)
#define LRX2M8(O0, O1, O2, O3, CV) \
	TR2M8C0; CV; O0
#define LRX2M16(O0, O1, O2, O3, CV) \
	TR2M16C0; CV; O0; \
	TR2M16C1; CV; O1
#define LRX2M24(O0, O1, O2, O3, CV) \
	TR2M24C0; CV; O0; \
	TR2M24C1; CV; O1; \
	TR2M24C2; CV; O2
#define LRX4M8(O0, O1, O2, O3, CV) \
	TR4M8C0; CV; O0
#define LRX4M16(O0, O1, O2, O3, CV) \
	TR4M16C0; CV; O0; \
	TR4M16C1; CV; O1
#define LRX4M24(O0, O1, O2, O3, CV) \
	TR4M24C0; CV; O0; \
	TR4M24C1; CV; O1; \
	TR4M24C2; CV; O2
#define LRX8M8(O0, O1, O2, O3, CV) \
	TR8M8C0; CV; O0
#define LRX8M16(O0, O1, O2, O3, CV) \
	TR8M16C0; CV; O0; \
	TR8M16C1; CV; O1
#define LRX8M24(O0, O1, O2, O3, CV) \
	TR8M24C0; CV; O0; \
	TR8M24C1; CV; O1; \
	TR8M24C2; CV; O2
#define LRX8M32(O0, O1, O2, O3, CV) \
	VPMOVZXBD (R8)(DX*8), Y0; CV; O0; \
	VPMOVZXBD 8(R8)(DX*8), Y0; CV; O1; \
	VPMOVZXBD 16(R8)(DX*8), Y0; CV; O2; \
	VPMOVZXBD 24(R8)(DX*8), Y0; CV; O3
#define LRX4M32(O0, O1, O2, O3, CV) \
	VPMOVZXBD (R8)(DX*4), Y1; \
	VPAND     K_NIB, Y1, Y0; CV; O0; \
	VPSRLD    $4, Y1, Y0; CV; O2; \
	VPMOVZXBD 8(R8)(DX*4), Y1; \
	VPAND     K_NIB, Y1, Y0; CV; O1; \
	VPSRLD    $4, Y1, Y0; CV; O3
#define LRX2M32(O0, O1, O2, O3, CV) \
	VPMOVZXBD (R8)(DX*2), Y1; \
	VPAND  K_LOW2, Y1, Y0; CV; O0; \
	VPSRLD $2, Y1, Y0; VPAND K_LOW2, Y0, Y0; CV; O1; \
	VPSRLD $4, Y1, Y0; VPAND K_LOW2, Y0, Y0; CV; O2; \
	VPSRLD $6, Y1, Y0; CV; O3
