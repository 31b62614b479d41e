//go:build gc && !purego

#include "textflag.h"

// Constants shared by the neon kernels (16 bytes each).
DATA ·neonConsts+0(SB)/8, $0x0000000000000000    // 0: USHL shifts {0 x8, -2 x8}: 2-bit values 0-15 to bits 0-1
DATA ·neonConsts+8(SB)/8, $0xfefefefefefefefe
DATA ·neonConsts+16(SB)/8, $0xfcfcfcfcfcfcfcfc   // 16: {-4 x8, -6 x8}: values 16-31 to bits 0-1
DATA ·neonConsts+24(SB)/8, $0xfafafafafafafafa
DATA ·neonConsts+32(SB)/8, $0x0404040404040404   // 32: {4 x8, 2 x8}: values 0-15 to bits 4-5
DATA ·neonConsts+40(SB)/8, $0x0202020202020202
DATA ·neonConsts+48(SB)/8, $0x0000000000000000   // 48: {0 x8, -2 x8}: values 16-31 to bits 4-5
DATA ·neonConsts+56(SB)/8, $0xfefefefefefefefe
DATA ·neonConsts+64(SB)/8, $0x0000000000000000   // 64: TBL {0 x8, 1 x8}: bytes 0, 1 of a 1-bit plane
DATA ·neonConsts+72(SB)/8, $0x0101010101010101
DATA ·neonConsts+80(SB)/8, $0x0202020202020202   // 80: TBL {2 x8, 3 x8}
DATA ·neonConsts+88(SB)/8, $0x0303030303030303
DATA ·neonConsts+96(SB)/8, $0x8040201008040201   // 96: bit weights {1, 2, ..., 128} x2
DATA ·neonConsts+104(SB)/8, $0x8040201008040201
DATA ·neonConsts+112(SB)/8, $0xffffff01ffffff00  // 112: TBL bytes 0-3 to uint32 lanes
DATA ·neonConsts+120(SB)/8, $0xffffff03ffffff02
DATA ·neonConsts+128(SB)/8, $0xffffff05ffffff04  // 128: bytes 4-7
DATA ·neonConsts+136(SB)/8, $0xffffff07ffffff06
DATA ·neonConsts+144(SB)/8, $0xffffff09ffffff08  // 144: bytes 8-11
DATA ·neonConsts+152(SB)/8, $0xffffff0bffffff0a
DATA ·neonConsts+160(SB)/8, $0xffffff0dffffff0c  // 160: bytes 12-15
DATA ·neonConsts+168(SB)/8, $0xffffff0fffffff0e
GLOBL ·neonConsts(SB), RODATA|NOPTR, $176

// exp32 constants (see softmax_generic.go), 4 bytes each: EXP4_INIT loads
// them (neon_arm64.h).
DATA ·neonExpConsts+0(SB)/4, $0xc2aeac50   // expMinX = -87.3365447505
DATA ·neonExpConsts+4(SB)/4, $0x3fb8aa3b   // log2 e
DATA ·neonExpConsts+8(SB)/4, $0x3f318000   // expLn2Hi = 0.693359375
DATA ·neonExpConsts+12(SB)/4, $0xb95e8083  // expLn2Lo = -2.12194440e-4
DATA ·neonExpConsts+16(SB)/4, $0x39506967  // expP0 = 1.9875691500e-4
DATA ·neonExpConsts+20(SB)/4, $0x3ab743ce  // expP1 = 1.3981999507e-3
DATA ·neonExpConsts+24(SB)/4, $0x3c088908  // expP2 = 8.3334519073e-3
DATA ·neonExpConsts+28(SB)/4, $0x3d2aa9c1  // expP3 = 4.1665795894e-2
DATA ·neonExpConsts+32(SB)/4, $0x3e2aaaaa  // expP4 = 1.6666665459e-1
DATA ·neonExpConsts+36(SB)/4, $0x3f000000  // expP5 = 5.0000001201e-1
DATA ·neonExpConsts+40(SB)/4, $0x3f800000  // 1
GLOBL ·neonExpConsts(SB), RODATA|NOPTR, $44

// The lane indexes 0-3 (int32): the row masks of the attention softmax.
DATA ·neonAttnLanes+0(SB)/4, $0
DATA ·neonAttnLanes+4(SB)/4, $1
DATA ·neonAttnLanes+8(SB)/4, $2
DATA ·neonAttnLanes+12(SB)/4, $3
GLOBL ·neonAttnLanes(SB), RODATA|NOPTR, $16
