//go:build !purego

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
