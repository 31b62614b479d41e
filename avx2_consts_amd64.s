//go:build gc && !purego

#include "textflag.h"

// Constants of the AVX2 kernels (see avx2_amd64.h).

// 0x0F in every byte: the low nibble.
DATA ·avx2Nib+0(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA ·avx2Nib+8(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA ·avx2Nib+16(SB)/8, $0x0f0f0f0f0f0f0f0f
DATA ·avx2Nib+24(SB)/8, $0x0f0f0f0f0f0f0f0f
GLOBL ·avx2Nib(SB), RODATA|NOPTR, $32

// 0x03 in every byte: a 2-bit code.
DATA ·avx2Low2+0(SB)/8, $0x0303030303030303
DATA ·avx2Low2+8(SB)/8, $0x0303030303030303
DATA ·avx2Low2+16(SB)/8, $0x0303030303030303
DATA ·avx2Low2+24(SB)/8, $0x0303030303030303
GLOBL ·avx2Low2(SB), RODATA|NOPTR, $32

// Qword k shifted by 2k: the 2-bit plane's value groups.
DATA ·avx2Shift2+0(SB)/8, $0
DATA ·avx2Shift2+8(SB)/8, $2
DATA ·avx2Shift2+16(SB)/8, $4
DATA ·avx2Shift2+24(SB)/8, $6
GLOBL ·avx2Shift2(SB), RODATA|NOPTR, $32

// VPSHUFB indexes that spread the 4 bytes of a 1-bit plane: byte k of the
// result takes mask byte k/8.
DATA ·avx2Spread+0(SB)/8, $0x0000000000000000
DATA ·avx2Spread+8(SB)/8, $0x0101010101010101
DATA ·avx2Spread+16(SB)/8, $0x0202020202020202
DATA ·avx2Spread+24(SB)/8, $0x0303030303030303
GLOBL ·avx2Spread(SB), RODATA|NOPTR, $32

// Bit k%8 in byte k: selects value k's bit from the spread mask.
DATA ·avx2BitSel+0(SB)/8, $0x8040201008040201
DATA ·avx2BitSel+8(SB)/8, $0x8040201008040201
DATA ·avx2BitSel+16(SB)/8, $0x8040201008040201
DATA ·avx2BitSel+24(SB)/8, $0x8040201008040201
GLOBL ·avx2BitSel(SB), RODATA|NOPTR, $32

// The code bit that a 1-bit plane supplies: bit 2 (width 3), 4 (width 5),
// 6 (width 7), in every byte.
DATA ·avx2Bit2+0(SB)/8, $0x0404040404040404
DATA ·avx2Bit2+8(SB)/8, $0x0404040404040404
DATA ·avx2Bit2+16(SB)/8, $0x0404040404040404
DATA ·avx2Bit2+24(SB)/8, $0x0404040404040404
GLOBL ·avx2Bit2(SB), RODATA|NOPTR, $32

DATA ·avx2Bit4+0(SB)/8, $0x1010101010101010
DATA ·avx2Bit4+8(SB)/8, $0x1010101010101010
DATA ·avx2Bit4+16(SB)/8, $0x1010101010101010
DATA ·avx2Bit4+24(SB)/8, $0x1010101010101010
GLOBL ·avx2Bit4(SB), RODATA|NOPTR, $32

DATA ·avx2Bit6+0(SB)/8, $0x4040404040404040
DATA ·avx2Bit6+8(SB)/8, $0x4040404040404040
DATA ·avx2Bit6+16(SB)/8, $0x4040404040404040
DATA ·avx2Bit6+24(SB)/8, $0x4040404040404040
GLOBL ·avx2Bit6(SB), RODATA|NOPTR, $32

// 1 in every int16: VPMADDWD with it sums int16 pairs into int32.
DATA ·avx2Ones16+0(SB)/8, $0x0001000100010001
DATA ·avx2Ones16+8(SB)/8, $0x0001000100010001
DATA ·avx2Ones16+16(SB)/8, $0x0001000100010001
DATA ·avx2Ones16+24(SB)/8, $0x0001000100010001
GLOBL ·avx2Ones16(SB), RODATA|NOPTR, $32

// Eight all-ones dwords, then eight zero dwords: the 32 bytes at offset
// 4*(8-t) are the VMASKMOVPS mask of the first t lanes (0 <= t <= 8).
DATA ·avx2TailMask+0(SB)/8, $-1
DATA ·avx2TailMask+8(SB)/8, $-1
DATA ·avx2TailMask+16(SB)/8, $-1
DATA ·avx2TailMask+24(SB)/8, $-1
DATA ·avx2TailMask+32(SB)/8, $0
DATA ·avx2TailMask+40(SB)/8, $0
DATA ·avx2TailMask+48(SB)/8, $0
DATA ·avx2TailMask+56(SB)/8, $0
GLOBL ·avx2TailMask(SB), RODATA|NOPTR, $64

// VPERMD indexes that put the lanes of VPACKUSDW+VPACKUSWB (or the signed
// packs) of four dword vectors back in order.
DATA ·avx2PackOrder+0(SB)/4, $0
DATA ·avx2PackOrder+4(SB)/4, $4
DATA ·avx2PackOrder+8(SB)/4, $1
DATA ·avx2PackOrder+12(SB)/4, $5
DATA ·avx2PackOrder+16(SB)/4, $2
DATA ·avx2PackOrder+20(SB)/4, $6
DATA ·avx2PackOrder+24(SB)/4, $3
DATA ·avx2PackOrder+28(SB)/4, $7
GLOBL ·avx2PackOrder(SB), RODATA|NOPTR, $32

// Qword k shifted left by 2k: packs four 2-bit value groups into bytes.
// (Same values as avx2Shift2, kept apart for the reader.)
DATA ·avx2Shl2+0(SB)/8, $0
DATA ·avx2Shl2+8(SB)/8, $2
DATA ·avx2Shl2+16(SB)/8, $4
DATA ·avx2Shl2+24(SB)/8, $6
GLOBL ·avx2Shl2(SB), RODATA|NOPTR, $32

// float32 constants, one each.
DATA ·avx2F32One+0(SB)/4, $1.0
GLOBL ·avx2F32One(SB), RODATA|NOPTR, $4
DATA ·avx2F32SignMask+0(SB)/4, $0x80000000
GLOBL ·avx2F32SignMask(SB), RODATA|NOPTR, $4
DATA ·avx2F32AbsMask+0(SB)/4, $0x7fffffff
GLOBL ·avx2F32AbsMask(SB), RODATA|NOPTR, $4
DATA ·avx2F32Q8Max+0(SB)/4, $127.0
GLOBL ·avx2F32Q8Max(SB), RODATA|NOPTR, $4

// 2^-120: a QuantizeQ8 block whose max|x| is below it is stored as zeros
// (127/max|x| would overflow).
DATA ·avx2F32Q8Tiny+0(SB)/4, $0x03800000
GLOBL ·avx2F32Q8Tiny(SB), RODATA|NOPTR, $4
DATA ·avx2F32Q8Min+0(SB)/4, $-127.0
GLOBL ·avx2F32Q8Min(SB), RODATA|NOPTR, $4

// Softmax: exp32's constants (softmax_generic.go), eight lanes each.
#define F8(name, bits) \
	DATA name+0(SB)/4, $bits;  DATA name+4(SB)/4, $bits;  \
	DATA name+8(SB)/4, $bits;  DATA name+12(SB)/4, $bits; \
	DATA name+16(SB)/4, $bits; DATA name+20(SB)/4, $bits; \
	DATA name+24(SB)/4, $bits; DATA name+28(SB)/4, $bits; \
	GLOBL name(SB), RODATA|NOPTR, $32

F8(·avx2ExpLog2e, 0x3fb8aa3b)   // 1.44269504088896341
F8(·avx2ExpLn2Hi, 0x3f318000)   // 0.693359375
F8(·avx2ExpLn2Lo, 0xb95e8083)   // -2.12194440e-4
F8(·avx2ExpMinX, 0xc2aeac50)    // -87.3365447505
F8(·avx2ExpP0, 0x39506967)      // 1.9875691500e-4
F8(·avx2ExpP1, 0x3ab743ce)      // 1.3981999507e-3
F8(·avx2ExpP2, 0x3c088908)      // 8.3334519073e-3
F8(·avx2ExpP3, 0x3d2aa9c1)      // 4.1665795894e-2
F8(·avx2ExpP4, 0x3e2aaaaa)      // 1.6666665459e-1
F8(·avx2ExpP5, 0x3f000000)      // 5.0000001201e-1
F8(·avx2F32x8One, 0x3f800000)   // 1
F8(·avx2F32x8NegInf, 0xff800000) // -Inf
F8(·avx2I32x8Bias, 127)          // the float32 exponent bias
F8(·avx2F32x8Q8Max, 0x42fe0000)  // 127
F8(·avx2F32x8Q8Min, 0xc2fe0000)  // -127
F8(·avx2F32x8Abs, 0x7fffffff)    // clears the sign
F8(·avx2F32x8RoundMagic, 0x4b400000) // 1.5*2^23: adding and subtracting it rounds to nearest even
F8(·avx2I32x8ExpBias, 0xb4c0007f)     // 127 - 0x4b400000: the exponent bits of 2^n from those of n + 1.5*2^23

// VPERMD indexes [0 2 4 6 1 3 5 7]: from block order to the order three
// VPHADDD leave 8 blocks' sums in ([b0 b2 b4 b6 | b1 b3 b5 b7]).
DATA ·avx2EvenOdd+0(SB)/4, $0
DATA ·avx2EvenOdd+4(SB)/4, $2
DATA ·avx2EvenOdd+8(SB)/4, $4
DATA ·avx2EvenOdd+12(SB)/4, $6
DATA ·avx2EvenOdd+16(SB)/4, $1
DATA ·avx2EvenOdd+20(SB)/4, $3
DATA ·avx2EvenOdd+24(SB)/4, $5
DATA ·avx2EvenOdd+28(SB)/4, $7
GLOBL ·avx2EvenOdd(SB), RODATA|NOPTR, $32

// Attention (avx2_attention_amd64.s): the sign bit, -2 (the soft cap's
// exp(-2|y|)), and the lane indexes 0-7 and 8 (the row masks).
F8(·avx2F32x8Sign, 0x80000000)
F8(·avx2F32x8MinusTwo, 0xc0000000)
F8(·avx2I32x8Eight, 8)
DATA ·avx2I32x8Lanes+0(SB)/4, $0
DATA ·avx2I32x8Lanes+4(SB)/4, $1
DATA ·avx2I32x8Lanes+8(SB)/4, $2
DATA ·avx2I32x8Lanes+12(SB)/4, $3
DATA ·avx2I32x8Lanes+16(SB)/4, $4
DATA ·avx2I32x8Lanes+20(SB)/4, $5
DATA ·avx2I32x8Lanes+24(SB)/4, $6
DATA ·avx2I32x8Lanes+28(SB)/4, $7
GLOBL ·avx2I32x8Lanes(SB), RODATA|NOPTR, $32

// ---- Constants of the tail macros (avx2_tail_amd64.h) ----

// 15, 3 and 1 in every dword: a 4-, 2- or 1-bit code after VPSRLVD.
F8(·avx2D15, 15)
F8(·avx2D3, 3)
F8(·avx2D1, 1)

// VPSRLVD counts: value k of a 4-bit block of 8 (its 4 bytes broadcast to
// every dword) is at bit 8*(k%4) + 4*(k/4); also chunk 1 of a block of 24
// (bytes 8-11 in lanes 0-3, bytes 0-3 in lanes 4-7).
DATA ·avx2TailShift4+0(SB)/4, $0
DATA ·avx2TailShift4+4(SB)/4, $8
DATA ·avx2TailShift4+8(SB)/4, $16
DATA ·avx2TailShift4+12(SB)/4, $24
DATA ·avx2TailShift4+16(SB)/4, $4
DATA ·avx2TailShift4+20(SB)/4, $12
DATA ·avx2TailShift4+24(SB)/4, $20
DATA ·avx2TailShift4+28(SB)/4, $28
GLOBL ·avx2TailShift4(SB), RODATA|NOPTR, $32

// Value k of a 2-bit block of 8 (2 bytes, broadcast as words) is at bit
// 8*(k%2) + 2*(k/2).
DATA ·avx2TailShift2M8+0(SB)/4, $0
DATA ·avx2TailShift2M8+4(SB)/4, $8
DATA ·avx2TailShift2M8+8(SB)/4, $2
DATA ·avx2TailShift2M8+12(SB)/4, $10
DATA ·avx2TailShift2M8+16(SB)/4, $4
DATA ·avx2TailShift2M8+20(SB)/4, $12
DATA ·avx2TailShift2M8+24(SB)/4, $6
DATA ·avx2TailShift2M8+28(SB)/4, $14
GLOBL ·avx2TailShift2M8(SB), RODATA|NOPTR, $32

// Value k of a 2-bit block of 16 (4 bytes) is at bit 8*(k%4) + 2*(k/4):
// chunk 0, then chunk 1.
DATA ·avx2TailShift2M16+0(SB)/4, $0
DATA ·avx2TailShift2M16+4(SB)/4, $8
DATA ·avx2TailShift2M16+8(SB)/4, $16
DATA ·avx2TailShift2M16+12(SB)/4, $24
DATA ·avx2TailShift2M16+16(SB)/4, $2
DATA ·avx2TailShift2M16+20(SB)/4, $10
DATA ·avx2TailShift2M16+24(SB)/4, $18
DATA ·avx2TailShift2M16+28(SB)/4, $26
DATA ·avx2TailShift2M16+32(SB)/4, $4
DATA ·avx2TailShift2M16+36(SB)/4, $12
DATA ·avx2TailShift2M16+40(SB)/4, $20
DATA ·avx2TailShift2M16+44(SB)/4, $28
DATA ·avx2TailShift2M16+48(SB)/4, $6
DATA ·avx2TailShift2M16+52(SB)/4, $14
DATA ·avx2TailShift2M16+56(SB)/4, $22
DATA ·avx2TailShift2M16+60(SB)/4, $30
GLOBL ·avx2TailShift2M16(SB), RODATA|NOPTR, $64

// Bit k of a broadcast byte: value 8c+k of a 1-bit plane (chunk c is byte c).
DATA ·avx2TailShift1+0(SB)/4, $0
DATA ·avx2TailShift1+4(SB)/4, $1
DATA ·avx2TailShift1+8(SB)/4, $2
DATA ·avx2TailShift1+12(SB)/4, $3
DATA ·avx2TailShift1+16(SB)/4, $4
DATA ·avx2TailShift1+20(SB)/4, $5
DATA ·avx2TailShift1+24(SB)/4, $6
DATA ·avx2TailShift1+28(SB)/4, $7
GLOBL ·avx2TailShift1(SB), RODATA|NOPTR, $32

// Chunk c of a 2-bit block of 24 (6 bytes b_j, value v = j + 6p at bits
// 2p of b_j): VPSHUFB puts b_(v%6) in the low byte of dword lane v-8c,
// VPSRLVD shifts it by 2*(v/6). Three chunks of 32 bytes each.
DATA ·avx2Tail2M24Index+0(SB)/8, $0x8080800180808000
DATA ·avx2Tail2M24Index+8(SB)/8, $0x8080800380808002
DATA ·avx2Tail2M24Index+16(SB)/8, $0x8080800580808004
DATA ·avx2Tail2M24Index+24(SB)/8, $0x8080800180808000
DATA ·avx2Tail2M24Index+32(SB)/8, $0x8080800380808002
DATA ·avx2Tail2M24Index+40(SB)/8, $0x8080800580808004
DATA ·avx2Tail2M24Index+48(SB)/8, $0x8080800180808000
DATA ·avx2Tail2M24Index+56(SB)/8, $0x8080800380808002
DATA ·avx2Tail2M24Index+64(SB)/8, $0x8080800580808004
DATA ·avx2Tail2M24Index+72(SB)/8, $0x8080800180808000
DATA ·avx2Tail2M24Index+80(SB)/8, $0x8080800380808002
DATA ·avx2Tail2M24Index+88(SB)/8, $0x8080800580808004
GLOBL ·avx2Tail2M24Index(SB), RODATA|NOPTR, $96

DATA ·avx2Tail2M24Shift+0(SB)/4, $0
DATA ·avx2Tail2M24Shift+4(SB)/4, $0
DATA ·avx2Tail2M24Shift+8(SB)/4, $0
DATA ·avx2Tail2M24Shift+12(SB)/4, $0
DATA ·avx2Tail2M24Shift+16(SB)/4, $0
DATA ·avx2Tail2M24Shift+20(SB)/4, $0
DATA ·avx2Tail2M24Shift+24(SB)/4, $2
DATA ·avx2Tail2M24Shift+28(SB)/4, $2
DATA ·avx2Tail2M24Shift+32(SB)/4, $2
DATA ·avx2Tail2M24Shift+36(SB)/4, $2
DATA ·avx2Tail2M24Shift+40(SB)/4, $2
DATA ·avx2Tail2M24Shift+44(SB)/4, $2
DATA ·avx2Tail2M24Shift+48(SB)/4, $4
DATA ·avx2Tail2M24Shift+52(SB)/4, $4
DATA ·avx2Tail2M24Shift+56(SB)/4, $4
DATA ·avx2Tail2M24Shift+60(SB)/4, $4
DATA ·avx2Tail2M24Shift+64(SB)/4, $4
DATA ·avx2Tail2M24Shift+68(SB)/4, $4
DATA ·avx2Tail2M24Shift+72(SB)/4, $6
DATA ·avx2Tail2M24Shift+76(SB)/4, $6
DATA ·avx2Tail2M24Shift+80(SB)/4, $6
DATA ·avx2Tail2M24Shift+84(SB)/4, $6
DATA ·avx2Tail2M24Shift+88(SB)/4, $6
DATA ·avx2Tail2M24Shift+92(SB)/4, $6
GLOBL ·avx2Tail2M24Shift(SB), RODATA|NOPTR, $96

// ---- Constants of the DotQ8 lane kernels (avx2_dotq8_amd64.s, DOTQ8L) ----

// VPERMD/VPERMPS indexes: [g0 g1 g4 g5 | g2 g3 g6 g7] to group order (4-bit
// groups of 16), and the rows of a pair of rows of four (p = 4) to row
// order.
DATA ·avx2Q8LaneOrder4+0(SB)/4, $0
DATA ·avx2Q8LaneOrder4+4(SB)/4, $1
DATA ·avx2Q8LaneOrder4+8(SB)/4, $4
DATA ·avx2Q8LaneOrder4+12(SB)/4, $5
DATA ·avx2Q8LaneOrder4+16(SB)/4, $2
DATA ·avx2Q8LaneOrder4+20(SB)/4, $3
DATA ·avx2Q8LaneOrder4+24(SB)/4, $6
DATA ·avx2Q8LaneOrder4+28(SB)/4, $7
GLOBL ·avx2Q8LaneOrder4(SB), RODATA|NOPTR, $32

// [r0 r2 r4 r6 | r1 r3 r5 r7] to row order (p = 2).
DATA ·avx2Q8LaneOrder2+0(SB)/4, $0
DATA ·avx2Q8LaneOrder2+4(SB)/4, $4
DATA ·avx2Q8LaneOrder2+8(SB)/4, $1
DATA ·avx2Q8LaneOrder2+12(SB)/4, $5
DATA ·avx2Q8LaneOrder2+16(SB)/4, $2
DATA ·avx2Q8LaneOrder2+20(SB)/4, $6
DATA ·avx2Q8LaneOrder2+24(SB)/4, $3
DATA ·avx2Q8LaneOrder2+28(SB)/4, $7
GLOBL ·avx2Q8LaneOrder2(SB), RODATA|NOPTR, $32

// VPSRLVQ counts of 2-bit groups of 8 (16 bytes in both halves): planes 0
// and 2, planes 1 and 3.
DATA ·avx2Q8LaneShiftA+0(SB)/8, $0
DATA ·avx2Q8LaneShiftA+8(SB)/8, $0
DATA ·avx2Q8LaneShiftA+16(SB)/8, $4
DATA ·avx2Q8LaneShiftA+24(SB)/8, $4
GLOBL ·avx2Q8LaneShiftA(SB), RODATA|NOPTR, $32
DATA ·avx2Q8LaneShiftB+0(SB)/8, $2
DATA ·avx2Q8LaneShiftB+8(SB)/8, $2
DATA ·avx2Q8LaneShiftB+16(SB)/8, $6
DATA ·avx2Q8LaneShiftB+24(SB)/8, $6
GLOBL ·avx2Q8LaneShiftB(SB), RODATA|NOPTR, $32

// VPSRLVD counts of a 2-bit block of 16 (4 bytes broadcast): dword p holds
// values 4p to 4p+3 at bits 2p.
DATA ·avx2Q8GroupShift2+0(SB)/4, $0
DATA ·avx2Q8GroupShift2+4(SB)/4, $2
DATA ·avx2Q8GroupShift2+8(SB)/4, $4
DATA ·avx2Q8GroupShift2+12(SB)/4, $6
GLOBL ·avx2Q8GroupShift2(SB), RODATA|NOPTR, $16
