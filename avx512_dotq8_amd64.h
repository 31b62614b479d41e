// Body of one general DotQ8 kernel of avx512_dotq8_amd64.s, included once
// per variant with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the unpack constants (Z16-Z23)
//	UNPACK(b4, b2, b1, dst)  unpacks one unit of codes whose planes are at
//	          b4, b2 and b1 into dst (a U64_* or U32_* macro of avx512_amd64.h)
//	U0-U3     the registers of the four rows' unpacked units (Z or Y 8-11)
//	ADVANCE   steps the plane pointers DI, R8, R9 to the next unit
//	RECSIZE   bytes of query records per unit
//	NX        query rows per pass (1, 2 or 4)
//	FORX(m)   expands m(j, acc, accY, accX, gacc, gaccX) for each query j
//	DP        the work of one unit and query (DP64 or DP32)
//
// func NAME(a *avx512DotQ8Args) computes, for four rows at a time (a quad)
// and every query row j of the pass,
//
//	out[j][i] (+)= Σ_g scale_g * Σ_blocks d_b * isum_b + Σ_g min_g * SG_jg
//
// with isum_b = Σ q*x8 over block b, formed exactly in int32 before any
// float arithmetic (the contract of DotQ8): per unit (64 values, two
// blocks, or 32, one block) and query, VPDPBUSD gives each row 16 (8)
// int32 lanes of 4 products; a tree of VSHUFPS and VPADDD sums the four
// rows' lanes of each 128-bit lane (which belong to one block) into lane
// 4L+r, and one more VPADDD joins the two 128-bit lanes of each block
// (U64; U32 joins them in an X register). Then the block sums are
// converted and weighted by their query block scales d (records, 0 in the
// lanes that repeat a block) into the group accumulator, which at the end
// of the group is weighted by the four rows' scales (the transposed scale
// table, lane 4L+r: row r) into the quad's accumulator. The shift term,
// min (or the symmetric offset times scale) times the query's group sums
// SG, is added once per segment of 16 groups: the four rows' mins,
// transposed to lane 4(g%4)+r, times SG in the same lanes (avx512Q8QuadSG).
// At the end of the quad each query's accumulator is summed over its
// 128-bit lanes into the four rows' results, and stored (or added to out)
// under the quad's store mask.
//
// Instructions per unit (of four rows): the unpack, 4 × (4 for width 2,
// 3 for 4, 1 for 8, 7 for 6, and 5 more, scalar, for the 1-bit plane of 5
// and 7; 2 for that of 3), 20 per query (DP64 or DP32: 4 VPDPBUSD and 4
// zero idioms, 9 for the tree, 2 to join a block's lanes, a conversion
// and an FMA), and 4 to 6 scalar for the loop. Per group 2 per query and
// 8; per segment of 16 groups about 50, and 4 per query; per quad 8 per
// query and 25. Budget per 32 values (units of 64, groups of 64, long
// rows), one query: 4.5 (width 4), 5 (2), 3.5 (8), 10 (7), plus about 2
// for the group; four queries: 3 per query (width 4).
//
// Registers: AX args; DX, R14, SI the byte offsets of rows 1, 2, 3 from row
// 0; DI, R8, R9 the unit's first, 2-bit and 1-bit planes in row 0; BX the
// unit's query records (x8 of each query, then its block scales); CX groups
// left in the segment; R10 units left in the group; R13 the group's row
// scales in the transposed table; R11, R12 scratch. Z0-Z3 quad accumulators,
// Z4-Z7 group accumulators, Z8-Z11 unpacked units, Z14/Z15/Z28 scratch,
// Z16-Z23 unpack constants, Z24-Z27 the rows' lane sums, Z29 row scales.

KERNEL_TEXT(NAME)
	CONSTS
	MOVQ  avx512DotQ8Args_rowOff+0(AX), DX
	MOVQ  avx512DotQ8Args_rowOff+8(AX), R14
	MOVQ  avx512DotQ8Args_rowOff+16(AX), SI
	KMOVW avx512DotQ8Args_storeMask(AX), K5
	KMOVW avx512DotQ8Args_accMask(AX), K6
	KANDW K5, K6, K6
	MOVQ  avx512DotQ8Args_data(AX), R11
	MOVQ  R11, avx512DotQ8Args_quadData(AX)
	MOVQ  avx512DotQ8Args_scales(AX), R11
	MOVQ  R11, avx512DotQ8Args_quadScales(AX)
	MOVQ  avx512DotQ8Args_mins(AX), R11
	MOVQ  R11, avx512DotQ8Args_quadMins(AX)
	MOVQ  avx512DotQ8Args_out(AX), R11
	MOVQ  R11, avx512DotQ8Args_outCur(AX)
	MOVQ  avx512DotQ8Args_quads(AX), R11
	MOVQ  R11, avx512DotQ8Args_quadsLeft(AX)

quad:
	FORX(Q8ZERO_ACC)
	MOVQ avx512DotQ8Args_recs(AX), BX
	MOVQ avx512DotQ8Args_sg(AX), R11
	MOVQ R11, avx512DotQ8Args_segSG(AX)
	MOVQ avx512DotQ8Args_quadScales(AX), R11
	MOVQ R11, avx512DotQ8Args_segScales(AX)
	MOVQ avx512DotQ8Args_quadMins(AX), R11
	MOVQ R11, avx512DotQ8Args_segMins(AX)
	MOVQ avx512DotQ8Args_segs(AX), R11
	MOVQ R11, avx512DotQ8Args_segsLeft(AX)
	MOVQ avx512DotQ8Args_quadData(AX), DI
	MOVQ DI, R8
	ADDQ avx512DotQ8Args_off2(AX), R8
	MOVQ DI, R9
	ADDQ avx512DotQ8Args_off1(AX), R9

seg:
	// A segment of 16 groups (the row's last may be shorter): the four
	// rows' scales into the transposed table, and the shift term.
	MOVL   $16, CX
	KXNORW K1, K1, K1
	DECQ   avx512DotQ8Args_segsLeft(AX)
	JNZ    segfull
	MOVQ   avx512DotQ8Args_lastCount(AX), CX
	KMOVW  avx512DotQ8Args_lastMask(AX), K1

segfull:
	MOVQ            avx512DotQ8Args_segScales(AX), R11
	TRANSPOSE4(R11)
	MOVQ            avx512DotQ8Args_scratch(AX), R13
	VMOVAPS         Z24, 0(R13)
	VMOVAPS         Z25, 64(R13)
	VMOVAPS         Z26, 128(R13)
	VMOVAPS         Z27, 192(R13)
	MOVQ            avx512DotQ8Args_segMins(AX), R11
	TRANSPOSE4(R11)
	MOVQ            avx512DotQ8Args_segSG(AX), R11
	FORX(SHIFT_TERM)
	ADDQ            $(NX*256), avx512DotQ8Args_segSG(AX)
	ADDQ            $32, avx512DotQ8Args_segScales(AX)
	ADDQ            $32, avx512DotQ8Args_segMins(AX)

group:
	MOVQ avx512DotQ8Args_units(AX), R10

unit:
	UNPACK((DI), (R8), (R9), U0)
	UNPACK((DI)(DX*1), (R8)(DX*1), (R9)(DX*1), U1)
	UNPACK((DI)(R14*1), (R8)(R14*1), (R9)(R14*1), U2)
	UNPACK((DI)(SI*1), (R8)(SI*1), (R9)(SI*1), U3)
	FORX(DP)
	ADVANCE
	ADDQ $RECSIZE, BX
	DECQ R10
	JNZ  unit

	VBROADCASTF32X4 (R13), Z29
	FORX(SCALE_G)
	ADDQ            $16, R13
	ADDQ            avx512DotQ8Args_skip0(AX), DI
	ADDQ            avx512DotQ8Args_skip2(AX), R8
	ADDQ            avx512DotQ8Args_skip1(AX), R9
	DECQ            CX
	JNZ             group
	CMPQ            avx512DotQ8Args_segsLeft(AX), $0
	JNE             seg

	// Quad done: each query's four sums, stored or added under the masks.
	MOVQ avx512DotQ8Args_outCur(AX), R11
	MOVQ avx512DotQ8Args_outStride(AX), R12
	FORX(STORE_QUAD)
	ADDQ $16, avx512DotQ8Args_outCur(AX)
	MOVQ avx512DotQ8Args_quadBytes(AX), R11
	ADDQ R11, avx512DotQ8Args_quadData(AX)
	MOVQ avx512DotQ8Args_quadScaleBytes(AX), R11
	ADDQ R11, avx512DotQ8Args_quadScales(AX)
	ADDQ R11, avx512DotQ8Args_quadMins(AX)
	DECQ avx512DotQ8Args_quadsLeft(AX)
	JNZ  quad
	VZEROUPPER
	RET
