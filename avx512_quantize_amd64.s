//go:build gc && !purego

// Quantize for code formats whose group is a multiple of 32 (one function
// per code width and symmetry, body avx512_quantize_amd64.h), for fp16 rows,
// and QuantizeQ8.

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

// Constants of the Quantize kernels (c1-c3 from the arguments):
//
//	Z16 0
//	Z17 asymmetric: 2^Bits-1 (the largest code); symmetric: -2^(Bits-1)
//	Z18 symmetric: 2^(Bits-1)-1
//	Z19 symmetric: the code offset 2^(Bits-1) (dwords)
//	Z20 0x0f, Z21 0x03 (dwords); Z22, Z23 the 2-bit fields' VPSLLVD counts

// SCALE16: the float32 scale s (>= +0) in X1 becomes scale16(s) of
// quantize_generic.go in X1's low word: fp16(s), at least 0x0001 when s is
// not 0 (max with min(bits(s), 1)). Uses R12, X2.
#define SCALE16 \
	MOVL          $1, R12;           \
	VMOVD         R12, X2;           \
	VPMINUD       X2, X1, X2;        \
	VCVTPS2PH     $0, X1, X1;        \
	VPMAXUW       X2, X1, X1

// Asymmetric: s16 = scale16((hi-lo)/maxq + 0), m16 = fp16(lo + 0); Z10 the
// min read back, Z11 1/s (0 when s is 0). X16 holds 0, X17 maxq.
#define SCALE_ASYM \
	VSUBSS        X0, X1, X1;        \
	VDIVSS        X17, X1, X1;       \
	VADDSS        X16, X1, X1;       \
	SCALE16;                         \
	VPEXTRW       $0, X1, (DX);      \
	VADDSS        X16, X0, X0;       \
	VCVTPS2PH     $0, X0, X0;        \
	VPEXTRW       $0, X0, (R11);     \
	VCVTPH2PS     X0, X0;            \
	VBROADCASTSS  X0, Z10;           \
	INV_SCALE

// Symmetric: s16 = scale16(max(-lo, hi)/(2^(Bits-1)-1) + 0); Z11 1/s.
#define SCALE_SYM \
	VXORPS        X2, X2, X2;        \
	VSUBSS        X0, X2, X0;        \
	VMAXSS        X1, X0, X1;        \
	VDIVSS        X18, X1, X1;       \
	VADDSS        X16, X1, X1;       \
	SCALE16;                         \
	VPEXTRW       $0, X1, (DX);      \
	INV_SCALE

// Z11 = 1/s, or 0 when s is 0 (s: the fp16 in X1).
#define INV_SCALE \
	VCVTPH2PS     X1, X1;            \
	MOVL          $0x3f800000, R12;  \
	VMOVD         R12, X2;           \
	VCMPSS        $4, X16, X1, K1;   \
	VDIVSS.Z      X1, X2, K1, X3;    \
	VBROADCASTSS  X3, Z11

// Codes of 16 values: asymmetric roundEven(min(max((x-m)*(1/s), 0), maxq)),
// symmetric roundEven(min(max(x*(1/s), -off), off-1)) + off.
#define CODES_ASYM(x, dst) \
	VMOVUPS          x, dst;        \
	VSUBPS           Z10, dst, dst; \
	VMULPS           Z11, dst, dst; \
	VMAXPS           Z16, dst, dst; \
	VMINPS           Z17, dst, dst; \
	VCVTPS2DQ.RN_SAE dst, dst
#define CODES_SYM(x, dst) \
	VMULPS           x, Z11, dst;   \
	VMAXPS           Z17, dst, dst; \
	VMINPS           Z18, dst, dst; \
	VCVTPS2DQ.RN_SAE dst, dst;      \
	VPADDD           Z19, dst, dst

// Plane packers for the block at R10 (see pack/doc.go).
#define PACK_P8 \
	VPMOVDB Z8, (DI)(R10*8); \
	VPMOVDB Z9, 16(DI)(R10*8)

// byte j = (code j & 15) | (code j+16 & 15)<<4.
#define PACK_P4 \
	VPANDD  Z20, Z8, Z12;  \
	VPANDD  Z20, Z9, Z13;  \
	VPSLLD  $4, Z13, Z13;  \
	VPORD   Z13, Z12, Z12; \
	VPMOVDB Z12, (DI)(R10*4)

// byte j = the 2-bit fields (from bit s of the codes) of codes j, j+8,
// j+16, j+24 at bits 0, 2, 4, 6.
#define PACK_P2(s) \
	VPSRLD        $s, Z8, Z12;       \
	VPANDD        Z21, Z12, Z12;     \
	VPSLLVD       Z22, Z12, Z12;     \
	VPSRLD        $s, Z9, Z13;       \
	VPANDD        Z21, Z13, Z13;     \
	VPSLLVD       Z23, Z13, Z13;     \
	VPORD         Z13, Z12, Z12;     \
	VEXTRACTI64X4 $1, Z12, Y13;      \
	VPORD         Y13, Y12, Y12;     \
	VPMOVDB       Y12, X12;          \
	VMOVQ         X12, (R8)(R10*2)

// The 32-bit mask of bit b of the codes.
#define PACK_P1(bit) \
	VPTESTMD.BCST bit, Z8, K1;                 \
	VPTESTMD.BCST bit, Z9, K2;                 \
	KUNPCKWD      K1, K2, K3;                \
	KMOVD         K3, (R9)(R10*1)

#define NAME ·avx512QuantizeW2
#define SCALE SCALE_ASYM
#define CODES CODES_ASYM
#define PACK PACK_P2(0)
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeSymW2
#define SCALE SCALE_SYM
#define CODES CODES_SYM
#define PACK PACK_P2(0)
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeW3
#define SCALE SCALE_ASYM
#define CODES CODES_ASYM
#define PACK PACK_P2(0); PACK_P1(·avx512Bit2(SB))
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeSymW3
#define SCALE SCALE_SYM
#define CODES CODES_SYM
#define PACK PACK_P2(0); PACK_P1(·avx512Bit2(SB))
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeW4
#define SCALE SCALE_ASYM
#define CODES CODES_ASYM
#define PACK PACK_P4
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeSymW4
#define SCALE SCALE_SYM
#define CODES CODES_SYM
#define PACK PACK_P4
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeW5
#define SCALE SCALE_ASYM
#define CODES CODES_ASYM
#define PACK PACK_P4; PACK_P1(·avx512Bit4(SB))
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeSymW5
#define SCALE SCALE_SYM
#define CODES CODES_SYM
#define PACK PACK_P4; PACK_P1(·avx512Bit4(SB))
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeW6
#define SCALE SCALE_ASYM
#define CODES CODES_ASYM
#define PACK PACK_P4; PACK_P2(4)
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeSymW6
#define SCALE SCALE_SYM
#define CODES CODES_SYM
#define PACK PACK_P4; PACK_P2(4)
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeW7
#define SCALE SCALE_ASYM
#define CODES CODES_ASYM
#define PACK PACK_P4; PACK_P2(4); PACK_P1(·avx512Bit6(SB))
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeSymW7
#define SCALE SCALE_SYM
#define CODES CODES_SYM
#define PACK PACK_P4; PACK_P2(4); PACK_P1(·avx512Bit6(SB))
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeW8
#define SCALE SCALE_ASYM
#define CODES CODES_ASYM
#define PACK PACK_P8
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

#define NAME ·avx512QuantizeSymW8
#define SCALE SCALE_SYM
#define CODES CODES_SYM
#define PACK PACK_P8
#include "avx512_quantize_amd64.h"
#undef NAME
#undef SCALE
#undef CODES
#undef PACK

// func avx512QuantizeF16(dst *uint16, src *float32, n int) converts n
// float32 values to fp16, rounding to nearest even (VCVTPS2PH $0): 16 per
// step, the last step masked.
TEXT ·avx512QuantizeF16(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX

loop:
	CMPQ      CX, $16
	JB        tail
	VMOVUPS   (SI), Z0
	VCVTPS2PH $0, Z0, (DI)
	ADDQ      $64, SI
	ADDQ      $32, DI
	SUBQ      $16, CX
	JMP       loop

tail:
	TESTQ       CX, CX
	JZ          done
	MOVL        $-1, R11
	BZHIL       CX, R11, R11
	KMOVW       R11, K1
	VMOVUPS.Z   (SI), K1, Z0
	VCVTPS2PH   $0, Z0, Y0
	VMOVDQU16   Y0, K1, (DI)

done:
	VZEROUPPER
	RET
