//go:build gc && !purego

#include "textflag.h"
#include "neon_arm64.h"

// Register use in neonUnpack and neonPack:
//   R0 dst, R1 group start, R2 groups left, R3 values per group, R7 bytes
//   per group, R8 blocks per group, R9 blocks left in the group,
//   R10/R11/R12 the 4- (or 8-), 2- and 1-bit plane pointers of the block;
//   V0, V1 the codes of values 0-15 and 16-31 of the block.

// U4 unpacks the 4-bit plane of a block (split halves: AND 0x0F, USHR 4).
#define U4 \
	VLD1.P 16(R10), [V0.B16] \
	VUSHR $4, V0.B16, V1.B16 \
	VAND V30.B16, V0.B16, V0.B16

// U2LO unpacks the 2-bit plane of a block into bits 0-1 of V0, V1: the 8
// bytes twice, a per-byte shift by {0, -2} and {-4, -6}, AND 0x03.
#define U2LO \
	VLD1R.P 8(R11), [V2.D2] \
	WUSHL(0, 2, 24) \
	WUSHL(1, 2, 25) \
	VAND V29.B16, V0.B16, V0.B16 \
	VAND V29.B16, V1.B16, V1.B16

// U2HI ORs the 2-bit plane of a block into bits 4-5 of V0, V1.
#define U2HI \
	VLD1R.P 8(R11), [V2.D2] \
	WUSHL(3, 2, 26) \
	WUSHL(4, 2, 27) \
	VAND V28.B16, V3.B16, V3.B16 \
	VAND V28.B16, V4.B16, V4.B16 \
	VORR V3.B16, V0.B16, V0.B16 \
	VORR V4.B16, V1.B16, V1.B16

// U1 ORs the 1-bit plane of a block into V0, V1 at the bit held in V23:
// each mask byte spread over 8 lanes (TBL), tested against its bit weight
// (CMTST), kept as that bit (AND).
#define U1 \
	FMOVS.P 4(R12), F2 \
	VTBL V20.B16, [V2.B16], V3.B16 \
	VTBL V21.B16, [V2.B16], V4.B16 \
	VCMTST V22.B16, V3.B16, V3.B16 \
	VCMTST V22.B16, V4.B16, V4.B16 \
	VAND V23.B16, V3.B16, V3.B16 \
	VAND V23.B16, V4.B16, V4.B16 \
	VORR V3.B16, V0.B16, V0.B16 \
	VORR V4.B16, V1.B16, V1.B16

// GROUP_START sets the plane pointers and block count of the group at R1;
// GROUP_END moves to the next group, or returns after the last.
#define GROUP_START \
	MOVD R1, R10 \
	ADD R5, R1, R11 \
	ADD R6, R1, R12 \
	MOVD R8, R9

#define GROUP_END(label) \
	ADD R7, R1 \
	SUBS $1, R2 \
	BNE label \
	RET

// func neonUnpack(dst, src *byte, groups, group, bits, p2, p1 int)
//
// neonUnpack unpacks groups consecutive groups of group values (a multiple
// of 32) of bits-wide codes, the 2- and 1-bit planes at byte offsets p2 and
// p1 of each group (as package pack lays them out), into one code per byte
// at dst. Instructions per 32 values, loop control included: 8 bits 4,
// 4 bits 6, 2 bits 8, 5 bits 15, 6 bits 13, 3 bits 17, 7 bits 22
// (the unpack of the amd64 kernels is fused into each kernel instead).
TEXT ·neonUnpack(SB), NOSPLIT, $0-56
	MOVD dst+0(FP), R0
	MOVD src+8(FP), R1
	MOVD groups+16(FP), R2
	MOVD group+24(FP), R3
	MOVD bits+32(FP), R4
	MOVD p2+40(FP), R5
	MOVD p1+48(FP), R6
	CBZ R2, done
	MUL R3, R4, R7
	LSR $3, R7       // bytes per group
	LSR $5, R3, R8   // blocks per group
	MOVD $·neonConsts(SB), R13
	VLD1 (R13), [V24.B16, V25.B16, V26.B16, V27.B16]
	ADD $64, R13
	VLD1 (R13), [V20.B16, V21.B16, V22.B16]
	VMOVI $0x0f, V30.B16
	VMOVI $0x03, V29.B16
	VMOVI $0x30, V28.B16
	CMP $4, R4
	BEQ w4
	CMP $8, R4
	BEQ w8
	CMP $2, R4
	BEQ w2
	CMP $3, R4
	BEQ w3
	CMP $5, R4
	BEQ w5
	CMP $6, R4
	BEQ w6
	B w7

w8:	// 8 bits: a copy, 32 bytes a step.
	MUL R8, R2, R9
w8loop:
	VLD1.P 32(R1), [V0.B16, V1.B16]
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w8loop
	RET

w4:	// 4 bits: the planes of consecutive blocks and groups are one stream.
	MUL R8, R2, R9
	MOVD R1, R10
w4loop:
	U4
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w4loop
	RET

w2:	// 2 bits: one stream too.
	MUL R8, R2, R9
	MOVD R1, R11
w2loop:
	U2LO
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w2loop
	RET

w3:	// 3 = 2+1
	VMOVI $0x04, V23.B16
w3group:
	GROUP_START
w3block:
	U2LO
	U1
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w3block
	GROUP_END(w3group)

w5:	// 5 = 4+1
	VMOVI $0x10, V23.B16
w5group:
	GROUP_START
w5block:
	U4
	U1
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w5block
	GROUP_END(w5group)

w6:	// 6 = 4+2
w6group:
	GROUP_START
w6block:
	U4
	U2HI
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w6block
	GROUP_END(w6group)

w7:	// 7 = 4+2+1
	VMOVI $0x40, V23.B16
w7group:
	GROUP_START
w7block:
	U4
	U2HI
	U1
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w7block
	GROUP_END(w7group)

done:
	RET

// Pack: the codes of a block are loaded into V0 (values 0-15) and V1
// (values 16-31); each plane macro writes its bytes of the block.

// P4 writes the 4-bit plane: byte j = v_j&15 | v_(j+16)<<4 (SLI keeps the
// low nibble of the destination).
#define P4 \
	VORR V0.B16, V0.B16, V2.B16 \
	VSLI $4, V1.B16, V2.B16 \
	VST1.P [V2.B16], 16(R10)

// P2 writes the 2-bit plane of bits [s, s+2) of the codes, with V2, V3
// already holding the codes shifted right by s: byte j = v_j | v_(j+8)<<2 |
// v_(j+16)<<4 | v_(j+24)<<6 (each masked to 2 bits).
#define P2 \
	VAND V29.B16, V2.B16, V2.B16 \
	VAND V29.B16, V3.B16, V3.B16 \
	VSLI $4, V3.B16, V2.B16 \
	VEXT $8, V2.B16, V2.B16, V3.B16 \
	VSHL $2, V3.B16, V3.B16 \
	VORR V3.B16, V2.B16, V2.B16 \
	FMOVD.P F2, 8(R11)

// P1 writes the 1-bit plane of the bit held in V23: CMTST, AND with the
// bit weights, and three pairwise adds sum each 8 lanes into one byte.
#define P1 \
	VCMTST V23.B16, V0.B16, V2.B16 \
	VCMTST V23.B16, V1.B16, V3.B16 \
	VAND V22.B16, V2.B16, V2.B16 \
	VAND V22.B16, V3.B16, V3.B16 \
	VADDP V3.B16, V2.B16, V2.B16 \
	VADDP V2.B16, V2.B16, V2.B16 \
	VADDP V2.B16, V2.B16, V2.B16 \
	FMOVS.P F2, 4(R12)

// PGROUP_START sets the plane pointers of the group at R1 (the
// destination, in pack).
#define PGROUP_START \
	MOVD R1, R10 \
	ADD R5, R1, R11 \
	ADD R6, R1, R12 \
	MOVD R8, R9

// func neonPack(dst, src *byte, groups, group, bits, p2, p1 int)
//
// neonPack packs groups consecutive groups of group codes (a multiple of
// 32, one code per byte at src, each below 2^bits) into dst in the layout
// of package pack, the 2- and 1-bit planes at byte offsets p2 and p1 of
// each group. Instructions per 32 values, loop control included: 8 bits 4,
// 4 bits 6, 2 bits 10, 3 bits 20, 5 bits 14, 6 bits 15, 7 bits 23.
TEXT ·neonPack(SB), NOSPLIT, $0-56
	MOVD dst+0(FP), R1
	MOVD src+8(FP), R0
	MOVD groups+16(FP), R2
	MOVD group+24(FP), R3
	MOVD bits+32(FP), R4
	MOVD p2+40(FP), R5
	MOVD p1+48(FP), R6
	CBZ R2, pdone
	MUL R3, R4, R7
	LSR $3, R7
	LSR $5, R3, R8
	MOVD $·neonConsts(SB), R13
	ADD $96, R13
	VLD1 (R13), [V22.B16]
	VMOVI $0x03, V29.B16
	CMP $4, R4
	BEQ p4
	CMP $8, R4
	BEQ p8
	CMP $2, R4
	BEQ p2
	CMP $3, R4
	BEQ p3
	CMP $5, R4
	BEQ p5
	CMP $6, R4
	BEQ p6
	B p7

p8:
	MUL R8, R2, R9
p8loop:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	VST1.P [V0.B16, V1.B16], 32(R1)
	SUBS $1, R9
	BNE p8loop
	RET

p4:
	MUL R8, R2, R9
	MOVD R1, R10
p4loop:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	P4
	SUBS $1, R9
	BNE p4loop
	RET

p2:
	MUL R8, R2, R9
	MOVD R1, R11
p2loop:
	VLD1.P 32(R0), [V2.B16, V3.B16]
	P2
	SUBS $1, R9
	BNE p2loop
	RET

p3:
	VMOVI $0x04, V23.B16
p3group:
	PGROUP_START
p3block:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	VORR V0.B16, V0.B16, V2.B16
	VORR V1.B16, V1.B16, V3.B16
	P2
	P1
	SUBS $1, R9
	BNE p3block
	GROUP_END(p3group)

p5:
	VMOVI $0x10, V23.B16
p5group:
	PGROUP_START
p5block:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	P4
	P1
	SUBS $1, R9
	BNE p5block
	GROUP_END(p5group)

p6:
p6group:
	PGROUP_START
p6block:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	P4
	VUSHR $4, V0.B16, V2.B16
	VUSHR $4, V1.B16, V3.B16
	P2
	SUBS $1, R9
	BNE p6block
	GROUP_END(p6group)

p7:
	VMOVI $0x40, V23.B16
p7group:
	PGROUP_START
p7block:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	P4
	VUSHR $4, V0.B16, V2.B16
	VUSHR $4, V1.B16, V3.B16
	P2
	P1
	SUBS $1, R9
	BNE p7block
	GROUP_END(p7group)

pdone:
	RET
