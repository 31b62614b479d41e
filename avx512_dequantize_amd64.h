// Body of one Dequantize kernel of avx512_dequantize_amd64.s (codes, groups a
// multiple of 32), included once per code width with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's constants (as for Dot), then the code
//	          tables (a.x) and the symmetric offset (a.negOff)
//	TABLES    builds the group's lookup tables: iota*S, then + M
//	DEQ       dequantizes the block at R10 into Z8 and Z9
//
// func NAME(a *avx512DotArgs) writes every value of the rows, in order, to
// a.out: the rows' groups are one sequence (a.groups in all), and per
// group the scale S and min M (fp16 zero when symmetric) are broadcast,
// then each block is dequantized and stored. The result is the generic
// Dequantize's bits: float32(S*q) + M, or S*float32(q - 2^(Bits-1)), each
// step rounded (tables built by VMULPS then VADDPS; the conversion widths
// subtract the offset from the integer codes, then VMULPS, VADDPS). Budget
// per 32 values (one block): DEQ (4-18) + 2 stores + 4 for the loop, plus
// 9-10/(blocks per group) for the group.
//
// Registers: DI/R8/R9 the group's planes, R10 block index, BX out, CX
// groups left, DX the group's scale, R11 its min; Z8/Z9 values, Z10 S, Z11
// M, Z12/Z13 tables, Z14/Z15 scratch, Z16-Z22 constants, Z23 the offset.

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ avx512DotArgs_data(AX), DI
	MOVQ avx512DotArgs_scales(AX), DX
	MOVQ avx512DotArgs_mins(AX), R11
	MOVQ avx512DotArgs_out(AX), BX
	MOVQ avx512DotArgs_groups(AX), CX

group:
	GROUP_PLANES
	GROUP_SM
	TABLES
	XORQ         R10, R10

blk:
	DEQ
	VMOVUPS Z8, (BX)
	VMOVUPS Z9, 64(BX)
	BLOCK_NEXT

	GROUP_NEXT
	VZEROUPPER
	RET
