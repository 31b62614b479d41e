// Body of one AddWeighted kernel of avx512_addweighted_amd64.s (codes, groups a
// multiple of 32), included once per code width and number of weight rows
// with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS, TABLES, DEQ   as for Dot (avx512_amd64.h)
//	FORX(m)   expands m(w, yaddr, waddr) per weight row j: w the register
//	          of its weight for the current row, yaddr(off) its y address,
//	          waddr the address of that weight
//
// func NAME(a *avx512DotArgs) computes, for every row i and weight row j,
//
//	y_j[c] += w_j[i] * (S_g * q_c + M_g)
//
// dequantizing each block once (as Dot does) and adding it into every
// weight row's y: per block and weight row 2 loads, 2 FMAs and 2 stores.
// Budget per 32 values (one block): DEQ + 6 per weight row + 4 for the
// loop, plus (7 to 8)/(blocks per group) for the group.
// (a.x holds y, a.out w, a.xStride y's and a.outStride w's row strides.)
//
// Registers: AX args, SI row, DI/R8/R9 the group's planes, R10 block index,
// BX y at the block, R12 and R14 one and three y strides, CX groups left,
// DX the group's scale, R11 its min, R13 the row's weights; Z4-Z7 weights,
// Z8/Z9 dequantized values, Z10 S, Z11 M, Z12/Z13 tables, Z14/Z15 scratch,
// Z16-Z22 constants, Z23 the symmetric offset, Z24-Z25 scratch.

TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ         a+0(FP), AX
	CONSTS
	VPBROADCASTD avx512DotArgs_negOff(AX), Z23
	MOVQ         avx512DotArgs_data(AX), SI
	MOVQ         avx512DotArgs_out(AX), R13
	MOVQ         avx512DotArgs_xStride(AX), R12
	LEAQ         (R12)(R12*2), R14
	MOVQ         avx512DotArgs_n(AX), R11
	MOVQ         R11, avx512DotArgs_rowsLeft(AX)
	MOVQ         avx512DotArgs_scales(AX), R11
	MOVQ         R11, avx512DotArgs_rowScales(AX)
	MOVQ         avx512DotArgs_mins(AX), R11
	MOVQ         R11, avx512DotArgs_rowMins(AX)

row:
	MOVQ       avx512DotArgs_outStride(AX), R10
	LEAQ       (R10)(R10*2), R11
	FORX(LOAD_W)
	MOVQ       SI, DI
	MOVQ       avx512DotArgs_x(AX), BX
	MOVQ       avx512DotArgs_rowScales(AX), DX
	MOVQ       avx512DotArgs_rowMins(AX), R11
	MOVQ       avx512DotArgs_groups(AX), CX
	PREFETCHT0 1024(SI)

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
	FORX(ADD_Y)
	ADDQ $128, BX
	ADDQ $4, R10
	CMPQ R10, avx512DotArgs_blockLimit(AX)
	JB   blk

	ADDQ $2, DX
	ADDQ avx512DotArgs_minStride(AX), R11
	ADDQ avx512DotArgs_groupBytes(AX), DI
	DECQ CX
	JNZ  group

	ADDQ avx512DotArgs_rowBytes(AX), SI
	ADDQ $4, R13
	MOVQ avx512DotArgs_rowScaleBytes(AX), R10
	ADDQ R10, avx512DotArgs_rowScales(AX)
	MOVQ avx512DotArgs_rowMinBytes(AX), R10
	ADDQ R10, avx512DotArgs_rowMins(AX)
	DECQ avx512DotArgs_rowsLeft(AX)
	JNZ  row
	VZEROUPPER
	RET
