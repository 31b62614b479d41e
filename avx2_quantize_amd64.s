//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// Quantize of code rows, and the fp16 conversion of fp16 rows, with the
// generic kernels' bits (quantize_generic.go): every float32 step is one
// instruction with its own rounding (no FMA), VCVTPS2DQ rounds to nearest
// even like roundEven, and VCVTPS2PH (immediate 0: nearest even) converts
// like F16FromFloat32.

// avx2QuantizeArgs (avx2_quantize_amd64.go): an avx2Walk over whole rows, the
// float32 input x, and per width the largest code (maxq), the clamp range
// [lo, hi] of the scaled values and the offset added to the rounded code
// (asymmetric: [0, maxq], 0; symmetric: [-2^(b-1), 2^(b-1)-1], 2^(b-1)),
// and the divisor of the scale (maxq, or 2^(b-1)-1). Per group:
//
//	asymmetric: scale = scale16((max-min)/div + 0), min = fp16(min + 0), m = min
//	symmetric:  scale = scale16(max(-min, max)/div + 0), m = 0
//	q = roundEven(clamp((x - m) * inv, lo, hi)) + off, inv = 1/scale or 0
//
// Registers: SI, R8, R9, DX planes; AX x; R10 scales, R11 mins (advanced
// by minStep: 0 when symmetric), R14 groups left; Y4 inv, Y5 m, Y6 lo,
// Y7 hi, Y15 off (dwords).
//
// Instructions per block of 32 values: 4 loads + 4 × (sub, mul, max, min,
// cvt, add) + 4 to pack bytes + 3 to 8 per plane; per group 2 per 8 values
// for min/max, about 35 for the scale.

// SCALE16(r): the float32 scale s (>= +0) in r's low lane becomes
// scale16(s) of quantize_generic.go in r's low word: fp16(s), at least
// 0x0001 when s is not 0 (max with min(bits(s), 1)). Uses BX, X10.
#define SCALE16(r) \
	MOVL      $1, BX;      \
	VMOVD     BX, X10;     \
	VPMINUD   X10, r, X10; \
	VCVTPS2PH $0, r, r;    \
	VPMAXUW   X10, r, r

// QCODES: the block's 32 codes from x at AX as bytes in Y0 (value order).
#define QCODES \
	VMOVUPS   (AX), Y0;   \
	VMOVUPS   32(AX), Y1; \
	VMOVUPS   64(AX), Y2; \
	VMOVUPS   96(AX), Y3; \
	ON4(VSUBPS, Y5);      \
	ON4(VMULPS, Y4);      \
	ON4(VMAXPS, Y6);      \
	ON4(VMINPS, Y7);      \
	ON4U(VCVTPS2DQ);      \
	ON4(VPADDD, Y15);     \
	VPACKUSDW Y1, Y0, Y0; \
	VPACKUSDW Y3, Y2, Y2; \
	VPACKUSWB Y2, Y0, Y0; \
	VPERMD    Y0, Y13, Y0

// Planes of the codes in Y0 (clobbering Y1, Y2).
// P8: the 8-bit codes.
#define P8 VMOVDQU Y0, (SI)(DX*8)

// P4: the low nibbles, split halves.
#define P4 \
	VPAND        ·avx2Nib(SB), Y0, Y1; \
	VEXTRACTI128 $1, Y1, X2;           \
	VPSLLW       $4, X2, X2;           \
	VPOR         X2, X1, X1;           \
	VMOVDQU      X1, (SI)(DX*4)

// P2(S, BASE): bits S, S+1 as a 2-bit plane at BASE.
#define P2(S, BASE) \
	VPSRLW       $S, Y0, Y1;            \
	VPAND        ·avx2Low2(SB), Y1, Y1; \
	VPSLLVQ      ·avx2Shl2(SB), Y1, Y1; \
	VEXTRACTI128 $1, Y1, X2;            \
	VPOR         X2, X1, X1;            \
	VPSHUFD      $0x4e, X1, X2;         \
	VPOR         X2, X1, X1;            \
	VMOVQ        X1, (BASE)(DX*2)

// P1(S, BASE): bit S as a 1-bit plane at BASE (uses BX).
#define P1(S, BASE) \
	VPSLLW    $(7-S), Y0, Y1; \
	VPMOVMSKB Y1, BX;         \
	MOVL      BX, (BASE)(DX*1)

#define PACK2 P2(0, SI)
#define PACK3 P2(0, SI); P1(2, R8)
#define PACK4 P4
#define PACK5 P4; P1(4, R8)
#define PACK6 P4; P2(4, R8)
#define PACK7 P4; P2(4, R8); P1(6, R9)
#define PACK8 P8

// QPARAMS: the group's min (X0) and max (X1) over its values at AX; then
// scale and min (stored as fp16 at R10, R11), Y4 = inv, Y5 = m. Uses BX,
// CX, DX, Y0-Y3, Y8-Y12.
#define QPARAMS \
	VMOVUPS (AX), Y0;                      \
	VMOVAPS Y0, Y1;                        \
	MOVQ    $32, DX;                       \
	MOVQ    avx2QuantizeArgs_groupLen(DI), CX;    \
	CMPQ    DX, CX;                        \
	JEQ     mmdone;                        \
mm:                                        \
	VMINPS  (AX)(DX*1), Y0, Y0;            \
	VMAXPS  (AX)(DX*1), Y1, Y1;            \
	ADDQ    $32, DX;                       \
	CMPQ    DX, CX;                        \
	JNE     mm;                            \
mmdone:                                    \
	FOLD8(VEXTRACTF128, VMINPS, VMINSS, $0x4e, Y0, X0, X2); \
	FOLD8(VEXTRACTF128, VMAXPS, VMAXSS, $0x4e, Y1, X1, X2); \
	VXORPS  X8, X8, X8;                    \
	CMPQ    avx2QuantizeArgs_symmetric(DI), $0;   \
	JNE     sym;                           \
	VSUBSS  X0, X1, X2;                    \
	VDIVSS  avx2QuantizeArgs_div(DI), X2, X2;     \
	VADDSS  X8, X2, X2;                    \
	SCALE16(X2);                           \
	VPEXTRW $0, X2, (R10);                 \
	VCVTPH2PS X2, X2;                      \
	VADDSS  X8, X0, X3;                    \
	VCVTPS2PH $0, X3, X3;                  \
	VPEXTRW $0, X3, (R11);                 \
	VCVTPH2PS X3, X3;                      \
	JMP     params;                        \
sym:                                       \
	VXORPS  ·avx2F32SignMask(SB), X0, X0;  \
	VMAXSS  X1, X0, X2;                    \
	VDIVSS  avx2QuantizeArgs_div(DI), X2, X2;     \
	VADDSS  X8, X2, X2;                    \
	SCALE16(X2);                           \
	VPEXTRW $0, X2, (R10);                 \
	VCVTPH2PS X2, X2;                      \
	VXORPS  X3, X3, X3;                    \
params:                                    \
	VMOVSS  ·avx2F32One(SB), X4;           \
	VDIVSS  X2, X4, X4;                    \
	VCMPSS  $0, X8, X2, X9;                \
	VANDNPS X4, X9, X4;                    \
	VBROADCASTSS X4, Y4;                   \
	VBROADCASTSS X3, Y5

// QUANT(NAME, PACK, GUARD, TAIL): a kernel over groups of whole blocks;
// GUARD may skip the block loop and TAIL follows it (both NOSTEP for
// groups that are a multiple of 32; QUANTT for the others).
#define QUANT(NAME, PACK, GUARD, TAIL) \
	WALK_TEXT(NAME, R10, R11);                  \
	MOVQ avx2QuantizeArgs_x(DI), AX;            \
	MOVQ avx2QuantizeArgs_units(DI), R14;       \
	VBROADCASTSS avx2QuantizeArgs_lo(DI), Y6;   \
	VBROADCASTSS avx2QuantizeArgs_hi(DI), Y7;   \
	VPBROADCASTD avx2QuantizeArgs_off(DI), Y15; \
	VMOVDQU ·avx2PackOrder(SB), Y13;            \
group:                                          \
	QPARAMS;                                    \
	XORQ DX, DX;                                \
	GUARD;                                      \
block:                                          \
	QCODES;                                     \
	PACK;                                       \
	ADDQ $128, AX;                              \
	ADDQ $4, DX;                                \
	CMPQ DX, avx2Walk_kEnd(DI);                 \
	JNE  block;                                 \
	TAIL;                                       \
	ADDQ $2, R10;                               \
	ADDQ avx2QuantizeArgs_minStep(DI), R11;     \
	MOVQ avx2Walk_groupBytes(DI), DX;           \
	PLANES_ADD(DX);                             \
	DECQ R14;                                   \
	JNZ  group;                                 \
	VZEROUPPER;                                 \
	RET

QUANT(·avx2QuantizeW2, PACK2, NOSTEP, NOSTEP)
QUANT(·avx2QuantizeW3, PACK3, NOSTEP, NOSTEP)
QUANT(·avx2QuantizeW4, PACK4, NOSTEP, NOSTEP)
QUANT(·avx2QuantizeW5, PACK5, NOSTEP, NOSTEP)
QUANT(·avx2QuantizeW6, PACK6, NOSTEP, NOSTEP)
QUANT(·avx2QuantizeW7, PACK7, NOSTEP, NOSTEP)
QUANT(·avx2QuantizeW8, PACK8, NOSTEP, NOSTEP)

// ---- Groups that are not a multiple of 32 ----

// QCODEST(m): the codes of a last block of m = 8, 16 or 24 values from x
// at AX, as bytes in Y0 (value order; bytes m to 31 are not codes): QCODES
// with zeros for the values beyond the block (nothing past it is read).
#define QLOAD8 VMOVUPS (AX), Y0; VXORPS Y1, Y1, Y1; VXORPS Y2, Y2, Y2; VXORPS Y3, Y3, Y3
#define QLOAD16 VMOVUPS (AX), Y0; VMOVUPS 32(AX), Y1; VXORPS Y2, Y2, Y2; VXORPS Y3, Y3, Y3
#define QLOAD24 VMOVUPS (AX), Y0; VMOVUPS 32(AX), Y1; VMOVUPS 64(AX), Y2; VXORPS Y3, Y3, Y3
#define QCODEST(LOAD) \
	LOAD;                 \
	ON4(VSUBPS, Y5);      \
	ON4(VMULPS, Y4);      \
	ON4(VMAXPS, Y6);      \
	ON4(VMINPS, Y7);      \
	ON4U(VCVTPS2DQ);      \
	ON4(VPADDD, Y15);     \
	VPACKUSDW Y1, Y0, Y0; \
	VPACKUSDW Y3, Y2, Y2; \
	VPACKUSWB Y2, Y0, Y0; \
	VPERMD    Y0, Y13, Y0

// Planes of a last block of m codes in Y0, stored as pack lays out a block
// of m (pack/doc.go); only the block's bytes are written. Clobber Y1-Y3
// (and BX for the 1-bit plane).

// 8-bit codes: m bytes.
#define PT8M8 VMOVQ X0, (SI)(DX*8)
#define PT8M16 VMOVDQU X0, (SI)(DX*8)
#define PT8M24 \
	VMOVDQU      X0, (SI)(DX*8); \
	VEXTRACTI128 $1, Y0, X1;     \
	VMOVQ        X1, 16(SI)(DX*8)

// 4-bit plane (bits 0-3): byte j = c_j | c_(j+m/2)<<4, j < m/2.
#define PT4HEAD VPAND ·avx2Nib(SB), Y0, Y1
#define PT4TAIL VPSLLW $4, X2, X2; VPOR X2, X1, X1
#define PT4M8 PT4HEAD; VPSRLQ $32, X1, X2; PT4TAIL; VMOVD X1, (SI)(DX*4)
#define PT4M16 PT4HEAD; VPSRLDQ $8, X1, X2; PT4TAIL; VMOVQ X1, (SI)(DX*4)
#define PT4M24 \
	PT4HEAD;                      \
	VPSRLDQ      $12, X1, X2;     \
	VEXTRACTI128 $1, Y1, X3;      \
	VPSLLDQ      $4, X3, X3;      \
	VPOR         X3, X2, X2;      \
	PT4TAIL;                      \
	VMOVQ        X1, (SI)(DX*4);  \
	VPEXTRD      $2, X1, 8(SI)(DX*4)

// 2-bit plane of bits S, S+1 at BASE: byte j = Σ_p c_(j+p*m/4)<<2p, j < m/4.
#define PT2HEAD(S) VPSRLW $S, Y0, Y1; VPAND ·avx2Low2(SB), Y1, Y1
#define PT2OR(SH) VPSLLW $SH, X2, X2; VPOR X2, X1, X1
#define PT2M8(S, BASE) \
	PT2HEAD(S);                               \
	VMOVDQA X1, X3;                           \
	VPSRLDQ $2, X3, X2; PT2OR(2);             \
	VPSRLDQ $4, X3, X2; PT2OR(4);             \
	VPSRLDQ $6, X3, X2; PT2OR(6);             \
	VPEXTRW $0, X1, (BASE)(DX*2)
#define PT2M16(S, BASE) \
	PT2HEAD(S);                               \
	VMOVDQA X1, X3;                           \
	VPSRLDQ $4, X3, X2; PT2OR(2);             \
	VPSRLDQ $8, X3, X2; PT2OR(4);             \
	VPSRLDQ $12, X3, X2; PT2OR(6);            \
	VMOVD   X1, (BASE)(DX*2)
// m = 24: values 12-17 straddle the halves of Y1 (X3 the upper; X8 keeps
// the lower).
#define PT2M24(S, BASE) \
	PT2HEAD(S);                               \
	VEXTRACTI128 $1, Y1, X3;                  \
	VMOVDQA X1, X8;                           \
	VPSRLDQ $6, X8, X2; PT2OR(2);             \
	VPSRLDQ $12, X8, X2;                      \
	VPSLLDQ $4, X3, X9;                       \
	VPOR    X9, X2, X2; PT2OR(4);             \
	VPSRLDQ $2, X3, X2; PT2OR(6);             \
	VMOVD   X1, (BASE)(DX*2);                 \
	VPEXTRW $2, X1, 4(BASE)(DX*2)

// 1-bit plane of bit S at BASE: m/8 bytes of the bit mask.
#define PT1HEAD(S) VPSLLW $(7-S), Y0, Y1; VPMOVMSKB Y1, BX
#define PT1M8(S, BASE) PT1HEAD(S); MOVB BX, (BASE)(DX*1)
#define PT1M16(S, BASE) PT1HEAD(S); MOVW BX, (BASE)(DX*1)
#define PT1M24(S, BASE) PT1HEAD(S); MOVW BX, (BASE)(DX*1); SHRL $16, BX; MOVB BX, 2(BASE)(DX*1)
#define PACKT2M8 PT2M8(0, SI)
#define PACKT3M8 PT2M8(0, SI); PT1M8(2, R8)
#define PACKT4M8 PT4M8
#define PACKT5M8 PT4M8; PT1M8(4, R8)
#define PACKT6M8 PT4M8; PT2M8(4, R8)
#define PACKT7M8 PT4M8; PT2M8(4, R8); PT1M8(6, R9)
#define PACKT8M8 PT8M8
#define PACKT2M16 PT2M16(0, SI)
#define PACKT3M16 PT2M16(0, SI); PT1M16(2, R8)
#define PACKT4M16 PT4M16
#define PACKT5M16 PT4M16; PT1M16(4, R8)
#define PACKT6M16 PT4M16; PT2M16(4, R8)
#define PACKT7M16 PT4M16; PT2M16(4, R8); PT1M16(6, R9)
#define PACKT8M16 PT8M16
#define PACKT2M24 PT2M24(0, SI)
#define PACKT3M24 PT2M24(0, SI); PT1M24(2, R8)
#define PACKT4M24 PT4M24
#define PACKT5M24 PT4M24; PT1M24(4, R8)
#define PACKT6M24 PT4M24; PT2M24(4, R8)
#define PACKT7M24 PT4M24; PT2M24(4, R8); PT1M24(6, R9)
#define PACKT8M24 PT8M24

// QUANTT(NAME, PACK, LOAD, PACKT, TB) is QUANT for groups of whole blocks
// (none for groups of 8, 16, 24) and a last block of TB/4 values, with the
// same bits.
#define QUANTGUARD CMPQ DX, avx2Walk_kEnd(DI); JEQ tail
#define QUANTTAIL(LOAD, PACKT, TB) tail: QCODEST(LOAD); PACKT; ADDQ $TB, AX
#define QUANTT(NAME, PACK, LOAD, PACKT, TB) QUANT(NAME, PACK, QUANTGUARD, QUANTTAIL(LOAD, PACKT, TB))

QUANTT(·avx2QuantizeW2T8, PACK2, QLOAD8, PACKT2M8, 32)
QUANTT(·avx2QuantizeW2T16, PACK2, QLOAD16, PACKT2M16, 64)
QUANTT(·avx2QuantizeW2T24, PACK2, QLOAD24, PACKT2M24, 96)
QUANTT(·avx2QuantizeW3T8, PACK3, QLOAD8, PACKT3M8, 32)
QUANTT(·avx2QuantizeW3T16, PACK3, QLOAD16, PACKT3M16, 64)
QUANTT(·avx2QuantizeW3T24, PACK3, QLOAD24, PACKT3M24, 96)
QUANTT(·avx2QuantizeW4T8, PACK4, QLOAD8, PACKT4M8, 32)
QUANTT(·avx2QuantizeW4T16, PACK4, QLOAD16, PACKT4M16, 64)
QUANTT(·avx2QuantizeW4T24, PACK4, QLOAD24, PACKT4M24, 96)
QUANTT(·avx2QuantizeW5T8, PACK5, QLOAD8, PACKT5M8, 32)
QUANTT(·avx2QuantizeW5T16, PACK5, QLOAD16, PACKT5M16, 64)
QUANTT(·avx2QuantizeW5T24, PACK5, QLOAD24, PACKT5M24, 96)
QUANTT(·avx2QuantizeW6T8, PACK6, QLOAD8, PACKT6M8, 32)
QUANTT(·avx2QuantizeW6T16, PACK6, QLOAD16, PACKT6M16, 64)
QUANTT(·avx2QuantizeW6T24, PACK6, QLOAD24, PACKT6M24, 96)
QUANTT(·avx2QuantizeW7T8, PACK7, QLOAD8, PACKT7M8, 32)
QUANTT(·avx2QuantizeW7T16, PACK7, QLOAD16, PACKT7M16, 64)
QUANTT(·avx2QuantizeW7T24, PACK7, QLOAD24, PACKT7M24, 96)
QUANTT(·avx2QuantizeW8T8, PACK8, QLOAD8, PACKT8M8, 32)
QUANTT(·avx2QuantizeW8T16, PACK8, QLOAD16, PACKT8M16, 64)
QUANTT(·avx2QuantizeW8T24, PACK8, QLOAD24, PACKT8M24, 96)

// func avx2QuantizeF16(dst *uint16, src *float32, n int)
// dst[k] = VCVTPS2PH(src[k]) (nearest even) for k < n, n a multiple of 8.
// 2 instructions per 8 values.
TEXT ·avx2QuantizeF16(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $3, CX
	JZ   done
loop:
	VMOVUPS   (SI), Y0
	VCVTPS2PH $0, Y0, (DI)
	ADDQ $32, SI
	ADDQ $16, DI
	DECQ CX
	JNZ  loop
done:
	VZEROUPPER
	RET
