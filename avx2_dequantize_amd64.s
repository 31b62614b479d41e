//go:build gc && !purego

#include "textflag.h"
#include "go_asm.h"
#include "avx2_amd64.h"

// The unpack constants in registers (avx2_amd64.h).
#undef K_NIB
#undef K_LOW2
#undef K_SHIFT2
#define K_NIB Y15
#define K_LOW2 Y14
#define K_SHIFT2 Y13

// Dequantize of code rows, and the fp16 conversion of fp16 rows, with the
// generic kernels' bits (quantize_generic.go): every float32 step is one
// instruction with its own rounding (no FMA), and VCVTPH2PS converts like
// F16ToFloat32.

// avx2DequantizeArgs (avx2_dequantize_amd64.go): an avx2Walk over whole
// rows, so the groups of all rows follow one another; per group
// deq(q) = (q + add)*scale + shift, each step rounded: add 0 and shift the
// min (asymmetric), or add -2^(bits-1) and shift -0 (symmetric: shiftStep 0
// keeps reading the -0).
// Registers: SI, R8, R9, DX planes; AX dst; R10 scales, R11 shifts, R12
// the shift step, R14 groups left; Y3 scale, Y6 shift, Y7 add.
//
// Instructions per block of 32 values: to unpack and convert as Dot (4-bit
// 6 + 4), then 4 × (add, mul, add, store).
#define DEQCHUNK(k) \
	VADDPS  Y7, Y0, Y0; \
	VMULPS  Y3, Y0, Y0; \
	VADDPS  Y6, Y0, Y0; \
	VMOVUPS Y0, (k*32)(AX)

#define CHUNK0 DEQCHUNK(0)
#define CHUNK1 DEQCHUNK(1)
#define CHUNK2 DEQCHUNK(2)
#define CHUNK3 DEQCHUNK(3)

// DEQ(NAME, BLK, GUARD, TAIL): a kernel over groups of whole blocks (BLK);
// GUARD may skip the block loop and TAIL follows it (both empty: NOSTEP,
// for groups that are a multiple of 32; DEQT for the others).
#define DEQ(NAME, BLK, GUARD, TAIL) \
	WALK_TEXT(NAME, R10, R11);                   \
	MOVQ avx2DequantizeArgs_shiftStep(DI), R12;  \
	MOVQ avx2DequantizeArgs_dst(DI), AX;         \
	MOVQ avx2DequantizeArgs_units(DI), R14;      \
	VBROADCASTSS avx2DequantizeArgs_add(DI), Y7; \
	K_LOAD;                                      \
group:                                           \
	VPBROADCASTW (R10), X3;                      \
	VCVTPH2PS    X3, Y3;                         \
	VPBROADCASTW (R11), X6;                      \
	VCVTPH2PS    X6, Y6;                         \
	XORQ DX, DX;                                 \
	GUARD;                                       \
block:                                           \
	BLK;                                         \
	ADDQ $128, AX;                               \
	ADDQ $4, DX;                                 \
	CMPQ DX, avx2Walk_kEnd(DI);                  \
	JNE  block;                                  \
	TAIL;                                        \
	ADDQ $2, R10;                                \
	ADDQ R12, R11;                               \
	MOVQ avx2Walk_groupBytes(DI), DX;            \
	PLANES_ADD(DX);                              \
	DECQ R14;                                    \
	JNZ  group;                                  \
	VZEROUPPER;                                  \
	RET

DEQ(·avx2DequantizeW2, FBLK2, NOSTEP, NOSTEP)
DEQ(·avx2DequantizeW3, FBLK3, NOSTEP, NOSTEP)
DEQ(·avx2DequantizeW4, FBLK4, NOSTEP, NOSTEP)
DEQ(·avx2DequantizeW5, FBLK5, NOSTEP, NOSTEP)
DEQ(·avx2DequantizeW6, FBLK6, NOSTEP, NOSTEP)
DEQ(·avx2DequantizeW7, FBLK7, NOSTEP, NOSTEP)
DEQ(·avx2DequantizeW8, FBLK8, NOSTEP, NOSTEP)

#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

// ---- Groups that are not a multiple of 32 ----

#include "avx2_tail_amd64.h"

// DEQT(NAME, BLK, LT, TB) is DEQ for groups of whole blocks (none for
// groups of 8, 16, 24) and a last block of TB/4 values (LT,
// avx2_tail_amd64.h), with the same bits.
#define DEQGUARD CMPQ DX, avx2Walk_kEnd(DI); JEQ tail
#define DEQTAIL(LT, TB) tail: LT(CHUNK0, CHUNK1, CHUNK2, CVTF); ADDQ $TB, AX
#define DEQT(NAME, BLK, LT, TB) DEQ(NAME, BLK, DEQGUARD, DEQTAIL(LT, TB))

#define CHUNK0 DEQCHUNK(0)
#define CHUNK1 DEQCHUNK(1)
#define CHUNK2 DEQCHUNK(2)
#define CHUNK3 DEQCHUNK(3)
DEQT(·avx2DequantizeW2T8, FBLK2, LT2M8, 32)
DEQT(·avx2DequantizeW2T16, FBLK2, LT2M16, 64)
DEQT(·avx2DequantizeW2T24, FBLK2, LT2M24, 96)
DEQT(·avx2DequantizeW3T8, FBLK3, LT3M8, 32)
DEQT(·avx2DequantizeW3T16, FBLK3, LT3M16, 64)
DEQT(·avx2DequantizeW3T24, FBLK3, LT3M24, 96)
DEQT(·avx2DequantizeW4T8, FBLK4, LT4M8, 32)
DEQT(·avx2DequantizeW4T16, FBLK4, LT4M16, 64)
DEQT(·avx2DequantizeW4T24, FBLK4, LT4M24, 96)
DEQT(·avx2DequantizeW5T8, FBLK5, LT5M8, 32)
DEQT(·avx2DequantizeW5T16, FBLK5, LT5M16, 64)
DEQT(·avx2DequantizeW5T24, FBLK5, LT5M24, 96)
DEQT(·avx2DequantizeW6T8, FBLK6, LT6M8, 32)
DEQT(·avx2DequantizeW6T16, FBLK6, LT6M16, 64)
DEQT(·avx2DequantizeW6T24, FBLK6, LT6M24, 96)
DEQT(·avx2DequantizeW7T8, FBLK7, LT7M8, 32)
DEQT(·avx2DequantizeW7T16, FBLK7, LT7M16, 64)
DEQT(·avx2DequantizeW7T24, FBLK7, LT7M24, 96)
DEQT(·avx2DequantizeW8T8, FBLK8, LT8M8, 32)
DEQT(·avx2DequantizeW8T16, FBLK8, LT8M16, 64)
DEQT(·avx2DequantizeW8T24, FBLK8, LT8M24, 96)
#undef CHUNK0
#undef CHUNK1
#undef CHUNK2
#undef CHUNK3

// func avx2DequantizeF16(dst *float32, src *uint16, n int)
// dst[k] = VCVTPH2PS(src[k]) for k < n, n a multiple of 8. 2 instructions
// per 8 values.
TEXT ·avx2DequantizeF16(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	SHRQ $3, CX
	JZ   done
loop:
	VCVTPH2PS (SI), Y0
	VMOVUPS   Y0, (DI)
	ADDQ $16, SI
	ADDQ $32, DI
	DECQ CX
	JNZ  loop
done:
	VZEROUPPER
	RET
