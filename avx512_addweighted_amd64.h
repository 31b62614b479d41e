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

CODES_TEXT(NAME)
	MOVQ         avx512DotArgs_out(AX), R13
	X_STRIDES
	ROWS_INIT

row:
	W_ROW_BEGIN
	MOVQ       avx512DotArgs_rowScales(AX), DX
	MOVQ       avx512DotArgs_rowMins(AX), R11
	MOVQ       avx512DotArgs_groups(AX), CX
	PREFETCHT0 1024(SI)

group:
	GROUP_BEGIN

blk:
	DEQ
	FORX(ADD_Y)
	BLOCK_NEXT

	GROUP_NEXT

	ADDQ avx512DotArgs_rowBytes(AX), SI
	ADDQ $4, R13
	ROW_SCALES_NEXT
	DECQ avx512DotArgs_rowsLeft(AX)
	JNZ  row
	VZEROUPPER
	RET
