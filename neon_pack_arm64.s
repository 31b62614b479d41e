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

// UTAIL_WIN(ptr) ORs the short last block of the plane at ptr (the tail
// of a group of G > 32 values: R10, R11 or R12 after the full blocks) into
// V0, V1 in the layout of a group of m values: the plane's window (16
// bytes at ptr + off) through TBL with its gather indices. The windows
// (neonTailWindow: off, gather, scatter, blend) are read from R17 on.
#define UTAIL_WIN(ptr) \
	MOVD.P 8(R17), R19 \
	ADD ptr, R19, R19 \
	VLD1 (R19), [V2.B16] \
	VLD1.P 32(R17), [V3.B16, V4.B16] \
	WTBL1(3, 2, 3) \
	WTBL1(4, 2, 4) \
	WORR(0, 0, 3) \
	WORR(1, 1, 4) \
	ADD $32, R17

// USPLANE(i0, i1, s0, s1, m, d0, d1) unpacks one plane of 32 codes from the
// 32-byte table in V0, V1 (a step of short blocks, see neon_short_arm64.go)
// into Vd0, Vd1: TBL with the indices in Vi0, Vi1, USHL by Vs0, Vs1, AND Vm.
#define USPLANE(i0, i1, s0, s1, m, d0, d1) \
	WTBL2(d0, 0, i0) \
	WTBL2(d1, 0, i1) \
	WUSHL(d0, d0, s0) \
	WUSHL(d1, d1, s1) \
	WAND(d0, d0, m) \
	WAND(d1, d1, m)

// USPLANES1-3 unpack the codes of the table in V0, V1 into V2, V3 with the
// program of 1, 2 or 3 planes held in V5-V19 (neonUnpack's tails) or
// V16-V30 (neonUnpackShort); t1 and t2 are two more scratch registers.
#define USPLANES1(c) \
	USPLANE(c, c+1, c+2, c+3, c+4, 2, 3)

#define USPLANE_OR(c, t1, t2) \
	USPLANE(c, c+1, c+2, c+3, c+4, t1, t2) \
	WORR(2, 2, t1) \
	WORR(3, 3, t2)

#define USPLANES2(c, t1, t2) \
	USPLANES1(c) \
	USPLANE_OR(c+5, t1, t2)

#define USPLANES3(c, t1, t2) \
	USPLANES2(c, t1, t2) \
	USPLANE_OR(c+10, t1, t2)

// UTAIL1-3 unpack the short last block of the group (planes at the given
// pointers) to m codes at R0 (R16 = m; 32 bytes are stored, the next group
// overwrites the rest).
#define UTAIL_BEGIN \
	VEOR V0.B16, V0.B16, V0.B16 \
	VEOR V1.B16, V1.B16, V1.B16 \
	MOVD R14, R17

#define UTAIL_END \
	VST1 [V2.B16, V3.B16], (R0) \
	ADD R16, R0

#define UTAIL1(p0) \
	UTAIL_BEGIN \
	UTAIL_WIN(p0) \
	USPLANES1(5) \
	UTAIL_END

#define UTAIL2(p0, p1) \
	UTAIL_BEGIN \
	UTAIL_WIN(p0) \
	UTAIL_WIN(p1) \
	USPLANES2(5, 4, 31) \
	UTAIL_END

#define UTAIL3(p0, p1, p2) \
	UTAIL_BEGIN \
	UTAIL_WIN(p0) \
	UTAIL_WIN(p1) \
	UTAIL_WIN(p2) \
	USPLANES3(5, 4, 31) \
	UTAIL_END

// UGROUPS(group, block, BLOCK, TAIL) unpacks the groups from R1 on: per
// group its full blocks (BLOCK, then the store), then TAIL (UNOTAIL when
// the groups are a multiple of 32, else UTAIL1-3), then the next group.
#define UGROUPS(group, block, BLOCK, TAIL) \
group: \
	GROUP_START \
block: \
	BLOCK \
	VST1.P [V0.B16, V1.B16], 32(R0) \
	SUBS $1, R9 \
	BNE block \
	TAIL \
	GROUP_END(group)

#define UNOTAIL
#define W3BLOCK \
	U2LO \
	U1
#define W5BLOCK \
	U4 \
	U1
#define W6BLOCK \
	U4 \
	U2HI
#define W7BLOCK \
	U4 \
	U2HI \
	U1

// func neonUnpack(dst, src *byte, groups, group, bits, p2, p1 int, tail *neonTailWindow, prog *neonShortProgram)
//
// neonUnpack unpacks groups consecutive groups of group values (more than
// 32; a multiple of 8) of bits-wide codes (2 to 7), the 2- and 1-bit planes
// at byte offsets p2 and p1 of each group (as package pack lays them out),
// into one code per byte at dst. When group is not a multiple of 32, tail
// and prog are the windows and program of its short last block (see
// neon_short_arm64.go; else nil): it is unpacked with TBL after the full
// blocks, reading at most 16 bytes past the group (none when the windows
// end at the tails), and 32 bytes are stored for its m codes.
// Instructions per 32 values of full blocks, loop control included: 4 bits
// 6, 2 bits 8, 5 bits 15, 6 bits 13, 3 bits 17, 7 bits 22 (the unpack of
// the amd64 kernels is fused into each kernel instead); the short block of
// a group adds 14 per plane and 6 (loads and store).
TEXT ·neonUnpack(SB), NOSPLIT, $0-72
	MOVD dst+0(FP), R0
	MOVD src+8(FP), R1
	MOVD groups+16(FP), R2
	MOVD group+24(FP), R3
	MOVD bits+32(FP), R4
	MOVD p2+40(FP), R5
	MOVD p1+48(FP), R6
	MOVD tail+56(FP), R14
	MOVD prog+64(FP), R15
	CBZ R2, done
	MUL R3, R4, R7
	LSR $3, R7       // bytes per group
	LSR $5, R3, R8   // blocks per group
	AND $31, R3, R16 // codes in the short last block
	CBZ R16, consts
	// The tail's program: 3 planes of 5 registers (idx0, idx1, shift0,
	// shift1, mask) in V5-V19.
	ADD $16, R15, R17
	VLD1.P 64(R17), [V5.B16, V6.B16, V7.B16, V8.B16]
	VLD1.P 64(R17), [V9.B16, V10.B16, V11.B16, V12.B16]
	VLD1.P 64(R17), [V13.B16, V14.B16, V15.B16, V16.B16]
	VLD1.P 48(R17), [V17.B16, V18.B16, V19.B16]

consts:
	MOVD $·neonConsts(SB), R13
	VLD1 (R13), [V24.B16, V25.B16, V26.B16, V27.B16]
	ADD $64, R13
	VLD1 (R13), [V20.B16, V21.B16, V22.B16]
	VMOVI $0x0f, V30.B16
	VMOVI $0x03, V29.B16
	VMOVI $0x30, V28.B16
	CMP $4, R4
	BEQ w4
	CMP $2, R4
	BEQ w2
	CMP $3, R4
	BEQ w3
	CMP $5, R4
	BEQ w5
	CMP $6, R4
	BEQ w6
	B w7

w4:	// 4 bits: the planes of consecutive blocks and groups are one stream.
	CBNZ R16, w4group
	MUL R8, R2, R9
	MOVD R1, R10
w4loop:
	U4
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w4loop
	RET

w4group:	// with a short last block
	GROUP_START
w4block:
	U4
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w4block
	UTAIL1(R10)
	GROUP_END(w4group)

w2:	// 2 bits: one stream too.
	CBNZ R16, w2group
	MUL R8, R2, R9
	MOVD R1, R11
w2loop:
	U2LO
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w2loop
	RET

w2group:
	GROUP_START
w2block:
	U2LO
	VST1.P [V0.B16, V1.B16], 32(R0)
	SUBS $1, R9
	BNE w2block
	UTAIL1(R11)
	GROUP_END(w2group)

w3:	// 3 = 2+1
	VMOVI $0x04, V23.B16
	CBNZ R16, w3tgroup
	UGROUPS(w3group, w3block, W3BLOCK, UNOTAIL)
	UGROUPS(w3tgroup, w3tblock, W3BLOCK, UTAIL2(R11, R12))

w5:	// 5 = 4+1
	VMOVI $0x10, V23.B16
	CBNZ R16, w5tgroup
	UGROUPS(w5group, w5block, W5BLOCK, UNOTAIL)
	UGROUPS(w5tgroup, w5tblock, W5BLOCK, UTAIL2(R10, R12))

w6:	// 6 = 4+2
	CBNZ R16, w6tgroup
	UGROUPS(w6group, w6block, W6BLOCK, UNOTAIL)
	UGROUPS(w6tgroup, w6tblock, W6BLOCK, UTAIL2(R10, R11))

w7:	// 7 = 4+2+1
	VMOVI $0x40, V23.B16
	CBNZ R16, w7tgroup
	UGROUPS(w7group, w7block, W7BLOCK, UNOTAIL)
	UGROUPS(w7tgroup, w7tblock, W7BLOCK, UTAIL3(R10, R11, R12))

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

// PSLOTS(loop) packs the 32 codes at R0 (the table V0, V1) into V2, V3
// with the pack slots of the program at R17 (R19 of them, see
// neonPackSlot): per slot TBL, USHL, AND, ORR on both halves.
#define PSLOTS(loop) \
	VLD1 (R0), [V0.B16, V1.B16] \
	VEOR V2.B16, V2.B16, V2.B16 \
	VEOR V3.B16, V3.B16, V3.B16 \
loop: \
	VLD1.P 64(R17), [V4.B16, V5.B16, V6.B16, V7.B16] \
	VLD1.P 32(R17), [V16.B16, V17.B16] \
	WTBL2(4, 0, 4) \
	WTBL2(5, 0, 5) \
	WUSHL(4, 4, 6) \
	WUSHL(5, 5, 7) \
	WAND(4, 4, 16) \
	WAND(5, 5, 17) \
	WORR(2, 2, 4) \
	WORR(3, 3, 5) \
	SUBS $1, R19 \
	BNE loop

// PTAIL_WIN(ptr) stores the tail of the plane at ptr from V2, V3 (the
// short block packed in the layout of a group of m values): the plane's
// window (16 bytes at ptr + off) is loaded, takes its tail bytes (TBL with
// the scatter indices, BIT with the blend mask) and is stored back. The
// windows are read from R20 on.
#define PTAIL_WIN(ptr) \
	MOVD.P 8(R20), R19 \
	ADD ptr, R19, R19 \
	ADD $32, R20 \
	VLD1.P 32(R20), [V4.B16, V5.B16] \
	VLD1 (R19), [V6.B16] \
	WTBL2(7, 2, 4) \
	WBIT(6, 7, 5) \
	VST1 [V6.B16], (R19)

// PTAIL1-3 pack the short last block of the group: its m codes at R0 (R16
// = m) into the planes at the given pointers.
#define PTAIL_BEGIN(loop) \
	ADD $256, R15, R17 \
	MOVD 8(R15), R19 \
	PSLOTS(loop) \
	ADD R16, R0 \
	MOVD R14, R20

#define PTAIL1(loop, p0) \
	PTAIL_BEGIN(loop) \
	PTAIL_WIN(p0)

#define PTAIL2(loop, p0, p1) \
	PTAIL1(loop, p0) \
	PTAIL_WIN(p1)

#define PTAIL3(loop, p0, p1, p2) \
	PTAIL2(loop, p0, p1) \
	PTAIL_WIN(p2)

// PGROUPS(group, block, BLOCK, TAIL) packs the groups into R1 on: per
// group its full blocks (the load of 32 codes, then BLOCK), then TAIL
// (UNOTAIL, or PTAIL1-3), then the next group.
#define PGROUPS(group, block, BLOCK, TAIL) \
group: \
	PGROUP_START \
block: \
	VLD1.P 32(R0), [V0.B16, V1.B16] \
	BLOCK \
	SUBS $1, R9 \
	BNE block \
	TAIL \
	GROUP_END(group)

#define P3BLOCK \
	VORR V0.B16, V0.B16, V2.B16 \
	VORR V1.B16, V1.B16, V3.B16 \
	P2 \
	P1
#define P5BLOCK \
	P4 \
	P1
#define P6BLOCK \
	P4 \
	VUSHR $4, V0.B16, V2.B16 \
	VUSHR $4, V1.B16, V3.B16 \
	P2
#define P7BLOCK \
	P4 \
	VUSHR $4, V0.B16, V2.B16 \
	VUSHR $4, V1.B16, V3.B16 \
	P2 \
	P1

// func neonPack(dst, src *byte, groups, group, bits, p2, p1 int, tail *neonTailWindow, prog *neonShortProgram)
//
// neonPack packs groups consecutive groups of group codes (more than 32, a
// multiple of 8; one code per byte at src, each below 2^bits, bits 2 to 7)
// into dst in the layout of package pack, the 2- and 1-bit planes at byte
// offsets p2 and p1 of each group. When group is not a multiple of 32,
// tail and prog are the windows and program of its short last block (else
// nil): each plane's tail is blended into its window (read and written
// back whole: at most 16 bytes past the group when the windows start at
// the tails). Instructions per 32 values, loop control included: 4 bits
// 6, 2 bits 10, 3 bits 20, 5 bits 14, 6 bits 15, 7 bits 23; the short block
// of a group adds 12 per pack slot (2 to 8), 8 per plane and 8.
TEXT ·neonPack(SB), NOSPLIT, $0-72
	MOVD dst+0(FP), R1
	MOVD src+8(FP), R0
	MOVD groups+16(FP), R2
	MOVD group+24(FP), R3
	MOVD bits+32(FP), R4
	MOVD p2+40(FP), R5
	MOVD p1+48(FP), R6
	MOVD tail+56(FP), R14
	MOVD prog+64(FP), R15
	CBZ R2, pdone
	MUL R3, R4, R7
	LSR $3, R7
	LSR $5, R3, R8
	AND $31, R3, R16  // codes in the short last block
	MOVD $·neonConsts(SB), R13
	ADD $96, R13
	VLD1 (R13), [V22.B16]
	VMOVI $0x03, V29.B16
	CMP $4, R4
	BEQ p4
	CMP $2, R4
	BEQ p2
	CMP $3, R4
	BEQ p3
	CMP $5, R4
	BEQ p5
	CMP $6, R4
	BEQ p6
	B p7

p4:
	CBNZ R16, p4group
	MUL R8, R2, R9
	MOVD R1, R10
p4loop:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	P4
	SUBS $1, R9
	BNE p4loop
	RET

p4group:	// with a short last block
	PGROUP_START
p4block:
	VLD1.P 32(R0), [V0.B16, V1.B16]
	P4
	SUBS $1, R9
	BNE p4block
	PTAIL1(p4slot, R10)
	GROUP_END(p4group)

p2:
	CBNZ R16, p2group
	MUL R8, R2, R9
	MOVD R1, R11
p2loop:
	VLD1.P 32(R0), [V2.B16, V3.B16]
	P2
	SUBS $1, R9
	BNE p2loop
	RET

p2group:
	PGROUP_START
p2block:
	VLD1.P 32(R0), [V2.B16, V3.B16]
	P2
	SUBS $1, R9
	BNE p2block
	PTAIL1(p2slot, R11)
	GROUP_END(p2group)

p3:
	VMOVI $0x04, V23.B16
	CBNZ R16, p3tgroup
	PGROUPS(p3group, p3block, P3BLOCK, UNOTAIL)
	PGROUPS(p3tgroup, p3tblock, P3BLOCK, PTAIL2(p3slot, R11, R12))

p5:
	VMOVI $0x10, V23.B16
	CBNZ R16, p5tgroup
	PGROUPS(p5group, p5block, P5BLOCK, UNOTAIL)
	PGROUPS(p5tgroup, p5tblock, P5BLOCK, PTAIL2(p5slot, R10, R12))

p6:
	CBNZ R16, p6tgroup
	PGROUPS(p6group, p6block, P6BLOCK, UNOTAIL)
	PGROUPS(p6tgroup, p6tblock, P6BLOCK, PTAIL2(p6slot, R10, R11))

p7:
	VMOVI $0x40, V23.B16
	CBNZ R16, p7tgroup
	PGROUPS(p7group, p7block, P7BLOCK, UNOTAIL)
	PGROUPS(p7tgroup, p7tblock, P7BLOCK, PTAIL3(p7slot, R10, R11, R12))

pdone:
	RET

// func neonUnpackShort(dst, src *byte, steps, inStep, outStep int, prog *neonShortProgram)
//
// neonUnpackShort unpacks groups of 8, 16 or 24 codes (2 to 7 bits) in
// steps of 4, 2 or 1 groups: each step reads the 32 bytes at src (the
// inStep <= 28 packed bytes of its groups, and what follows: at most 32
// bytes past the last group), unpacks them with the program's planes (1 to
// 3, see neonUnpackPlane) and stores 32 codes at dst; src and dst then
// move by inStep and outStep (the codes of the step: 32, or 24).
// Instructions per 32 values: 10 for one plane (load, 2 TBL, 2 USHL,
// 2 AND, store, loop control), 8 for each further plane; the 4-bit unpack
// of full blocks takes 6.
TEXT ·neonUnpackShort(SB), NOSPLIT, $0-48
	MOVD dst+0(FP), R0
	MOVD src+8(FP), R1
	MOVD steps+16(FP), R2
	MOVD inStep+24(FP), R3
	MOVD outStep+32(FP), R4
	MOVD prog+40(FP), R5
	CBZ R2, sdone
	MOVD (R5), R6          // planes
	ADD $16, R5
	VLD1.P 64(R5), [V16.B16, V17.B16, V18.B16, V19.B16]
	VLD1.P 64(R5), [V20.B16, V21.B16, V22.B16, V23.B16]
	VLD1.P 64(R5), [V24.B16, V25.B16, V26.B16, V27.B16]
	VLD1.P 48(R5), [V28.B16, V29.B16, V30.B16]
	CMP $2, R6
	BEQ s2
	BGT s3

s1:
	VLD1.P (R1)(R3), [V0.B16, V1.B16]
	USPLANES1(16)
	VST1.P [V2.B16, V3.B16], (R0)(R4)
	SUBS $1, R2
	BNE s1
	RET

s2:
	VLD1.P (R1)(R3), [V0.B16, V1.B16]
	USPLANES2(16, 4, 5)
	VST1.P [V2.B16, V3.B16], (R0)(R4)
	SUBS $1, R2
	BNE s2
	RET

s3:
	VLD1.P (R1)(R3), [V0.B16, V1.B16]
	USPLANES3(16, 4, 5)
	VST1.P [V2.B16, V3.B16], (R0)(R4)
	SUBS $1, R2
	BNE s3

sdone:
	RET

// func neonPackShort(dst, src *byte, steps, inStep, outStep int, prog *neonShortProgram)
//
// neonPackShort packs groups of 8, 16 or 24 codes (2 to 7 bits; one per
// byte at src) in steps of 4, 2 or 1 groups, the inverse of
// neonUnpackShort: each step reads 32 codes at src, packs them with the
// program's slots (2 to 8, see neonPackSlot) and stores 32 bytes at dst
// (the outStep packed bytes of its groups, and then up to 32 bytes past
// the last group, which the next step or the caller overwrites); src and
// dst then move by inStep and outStep. Instructions per 32 values: 12 per
// slot (4-bit codes 2 slots, 2- and 6-bit 4, 3-, 5- and 7-bit 8) and 8.
TEXT ·neonPackShort(SB), NOSPLIT, $0-48
	MOVD dst+0(FP), R1
	MOVD src+8(FP), R0
	MOVD steps+16(FP), R2
	MOVD inStep+24(FP), R3
	MOVD outStep+32(FP), R4
	MOVD prog+40(FP), R15
	CBZ R2, qdone

qstep:
	ADD $256, R15, R17
	MOVD 8(R15), R19
	PSLOTS(qslot)
	ADD R3, R0
	VST1.P [V2.B16, V3.B16], (R1)(R4)
	SUBS $1, R2
	BNE qstep

qdone:
	RET
