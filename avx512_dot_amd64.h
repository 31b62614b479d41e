// Body of one Dot kernel of avx512_dot_amd64.s (codes, groups a multiple
// of 32), included once per code width and number of query rows with these
// macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the width's constants (Z16-Z22)
//	TABLES    builds the group's lookup tables from S (Z10) and M (Z11), if any
//	DEQ       dequantizes the block at R10 into Z8 (values 0-15) and Z9 (16-31)
//	FORX(m)   expands m(acc, xaddr) per query row, xaddr(off) its x address
//
// func NAME(a *avx512DotArgs) computes, for every row i and query row j,
//
//	out[j][i] = Σ_g Σ_blocks Σ_c (S_g * q_c + M_g) * x_j[c]
//
// where S_g is the group's scale and M_g its min, or -2^(Bits-1)*S_g when
// symmetric (mins then point to a single fp16 zero, stride 0, and Z23 holds
// -2^(Bits-1)). Per group: S and M broadcast from fp16 (5 instructions) and
// the lookup tables of widths 2-5 (1-2); per block the width's DEQ (4-16,
// see avx512_amd64.h) and 2 FMAs per query row; per row and query row a
// store and under 3 instructions of the 16-row reduction (REDUCE16). Budget
// per 32 values (one block): DEQ + 2 per query row + 4 for the loop, plus
// (7 to 8)/(blocks per group) for the group.
//
// Registers: AX args, SI row, DI/R8/R9 the group's planes, R10 block index
// (4 per block), BX x at the block, R12 and R14 one and three x strides, CX
// groups left, DX the group's scale, R11 its min, R13 the parked rows. Z0-Z3
// row accumulators, Z8/Z9 dequantized values, Z10 S, Z11 M, Z12/Z13 tables,
// Z14/Z15 scratch, Z16-Z22 constants, Z23 the symmetric offset.

TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ         a+0(FP), AX
	CONSTS
	VPBROADCASTD avx512DotArgs_negOff(AX), Z23
	MOVQ         avx512DotArgs_data(AX), SI
	MOVQ         avx512DotArgs_scratch(AX), R13
	MOVQ         avx512DotArgs_xStride(AX), R12
	LEAQ         (R12)(R12*2), R14
	MOVQ         avx512DotArgs_n(AX), R11
	MOVQ         R11, avx512DotArgs_rowsLeft(AX)
	MOVQ         avx512DotArgs_out(AX), R11
	MOVQ         R11, avx512DotArgs_outCur(AX)
	MOVQ         avx512DotArgs_scales(AX), R11
	MOVQ         R11, avx512DotArgs_rowScales(AX)
	MOVQ         avx512DotArgs_mins(AX), R11
	MOVQ         R11, avx512DotArgs_rowMins(AX)

block:
	MOVQ       $0, avx512DotArgs_r(AX)
	MOVQ       avx512DotArgs_rowScales(AX), R11
	PREFETCHT0 256(R11)
	MOVQ       avx512DotArgs_rowMins(AX), R11
	PREFETCHT0 256(R11)

row:
	MOVQ       SI, DI
	MOVQ       avx512DotArgs_x(AX), BX
	MOVQ       avx512DotArgs_rowScales(AX), DX
	MOVQ       avx512DotArgs_rowMins(AX), R11
	MOVQ       avx512DotArgs_groups(AX), CX
	PREFETCHT0 1024(SI)
	FORX(ZERO_ACC)

group:
	MOVQ         DI, R8
	ADDQ         avx512DotArgs_off2(AX), R8
	MOVQ         DI, R9
	ADDQ         avx512DotArgs_off1(AX), R9
	VPBROADCASTW (DX), Y10
	VCVTPH2PS    Y10, Z10
	VPBROADCASTW (R11), Y11
	VCVTPH2PS    Y11, Z11
	VFMADD231PS  Z23, Z10, Z11
	TABLES
	XORQ         R10, R10

blk:
	DEQ
	FORX(FMA_X)
	ADDQ $128, BX
	ADDQ $4, R10
	CMPQ R10, avx512DotArgs_blockLimit(AX)
	JB   blk

	ADDQ $2, DX
	ADDQ avx512DotArgs_minStride(AX), R11
	ADDQ avx512DotArgs_groupBytes(AX), DI
	DECQ CX
	JNZ  group

	// Row done: park its accumulators for the reduction.
	MOVQ avx512DotArgs_r(AX), R10
	SHLQ $6, R10
	FORX(PARK)
	ADDQ avx512DotArgs_rowBytes(AX), SI
	MOVQ avx512DotArgs_rowScaleBytes(AX), R10
	ADDQ R10, avx512DotArgs_rowScales(AX)
	MOVQ avx512DotArgs_rowMinBytes(AX), R10
	ADDQ R10, avx512DotArgs_rowMins(AX)
	INCQ avx512DotArgs_r(AX)
	DECQ avx512DotArgs_rowsLeft(AX)
	JZ   flush
	CMPQ avx512DotArgs_r(AX), $16
	JB   row

flush:
	MOVL  $-1, R10
	MOVQ  avx512DotArgs_r(AX), R11
	BZHIL R11, R10, R10
	KMOVW R10, K1
	MOVQ  avx512DotArgs_outCur(AX), R10
	MOVQ  avx512DotArgs_outStride(AX), R11
	FORX(FLUSH)
	ADDQ  $64, avx512DotArgs_outCur(AX)
	CMPQ  avx512DotArgs_rowsLeft(AX), $0
	JNE   block
	VZEROUPPER
	RET
