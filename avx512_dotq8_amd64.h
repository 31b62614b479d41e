// Body of one DotQ8 kernel of avx512_dotq8_amd64.s, included once per
// variant with these macros defined:
//
//	NAME      the function's symbol
//	CONSTS    loads the unpack constants (LOAD_U64_CONSTS or LOAD_U32_CONSTS)
//	UNPACK    unpacks one unit of codes into its argument (U64_Wn or U32_Wn
//	          at the general kernels' addresses)
//	USTEP     R10's step per unit: 8 (units of 64 values) or 4 (units of 32)
//	NQ        query rows per pass (1, 2 or 4)
//	FORQ(m)   expands m(acc, gaccZ, gaccY, tmpZ, tmpY, j) for each query j
//	DP        the per-query work of one unit (DP64 or DP32)
//
// func NAME(a *avx512Q8Args) computes, for every row i of the chunk and query j,
//
//	out[j][i] (+)= Σ_g scale_g * Σ_u Σ_lanes cvt(VPDPBUSD(codes_u, x8_ju)) * D_ju + Σ_seg mins·SG_j
//
// in that order: per unit of a group the exact int32 lane sums of 4 code×int8
// products, converted and weighted by their blocks' query scales (D); per
// group times the group's scale; per row the shift term (min or symmetric
// offset times the query block sums, SG) for 16 groups at a time; every 16
// rows the 16 lane vectors of each query are reduced to 16 sums (REDUCE16).
//
// Instructions per unit and query: 4 (VPDPBUSD, VCVTDQ2PS, VFMADD231PS, and
// a zero idiom), plus the unpack (3 for widths 2, 4; 1 for 8; 8-10 for 3, 5,
// 6, 7; see avx512_amd64.h); per group and query 1; per row and query about
// 5 (shift term, store, reduction share). Budget per 32 values and query
// (units of 64, groups of 64, long rows): about 2 + 1.5 (widths 2, 4), 2 +
// 0.5 (8), 2 + 5 (7), plus 2 for the group and loop.
//
// Registers: AX args, SI row, DI/R8/R9 the group's planes, R10 unit index,
// R11/R12 scratch, BX query records (x8 then D of each query, per unit),
// CX groups left in the segment, R13 the scratch area (16 row vectors per
// query from offset 64), R14 the shift sums SG of the segment. Z0-Z3 row
// accumulators, Z4-Z7 group accumulators, Z8-Z11 integer sums, Z12 the
// segment's mins, Z13 codes, Z24 the segment's scales, Z25 the group's index
// among them, Z26 its scale in every lane.

TEXT NAME(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	CONSTS
	KMOVW QA_accMask(AX), K4
	MOVQ  QA_data(AX), SI
	MOVQ  QA_scratch(AX), R13
	MOVQ  QA_n(AX), R11
	MOVQ  R11, QA_rowsLeft(AX)
	MOVQ  QA_out(AX), R11
	MOVQ  R11, QA_outCur(AX)
	MOVQ  QA_scales(AX), R11
	MOVQ  R11, QA_rowScales(AX)
	MOVQ  QA_mins(AX), R11
	MOVQ  R11, QA_rowMins(AX)

block:
	MOVQ $0, QA_r(AX)

row:
	MOVQ QA_recs(AX), BX
	MOVQ QA_sg(AX), R14
	MOVQ SI, DI
	MOVQ QA_segs(AX), R11
	MOVQ R11, QA_segsLeft(AX)
	MOVQ QA_rowScales(AX), R11
	MOVQ R11, QA_segScales(AX)
	MOVQ QA_rowMins(AX), R11
	MOVQ R11, QA_segMins(AX)
	FORQ(ZERO_ACC)

seg:
	// A segment of 16 groups (the row's last may be shorter): convert the
	// scales into the scratch area, and add the shift term.
	MOVL   $16, CX
	KXNORW K1, K1, K1
	DECQ   QA_segsLeft(AX)
	JNZ    segfull
	MOVQ   QA_lastCount(AX), CX
	KMOVW  QA_lastMask(AX), K1

segfull:
	MOVQ        QA_segScales(AX), R11
	VMOVDQU16.Z (R11), K1, Y24
	VCVTPH2PS   Y24, Z24
	VPXORD      Z25, Z25, Z25
	MOVQ        QA_segMins(AX), R11
	VMOVDQU16.Z (R11), K1, Y12
	VCVTPH2PS   Y12, Z12
	FORQ(SHIFT_TERM)
	ADDQ        $(NQ*64), R14
	ADDQ        $32, QA_segScales(AX)
	ADDQ        $32, QA_segMins(AX)

group:
	MOVQ DI, R8
	ADDQ QA_off2(AX), R8
	MOVQ DI, R9
	ADDQ QA_off1(AX), R9
	XORQ R10, R10
	FORQ(ZERO_G)

unit:
	UNPACK(UREG)
	FORQ(DP)
	ADDQ $RECSIZE, BX
	ADDQ $USTEP, R10
	CMPQ R10, QA_unitLimit(AX)
	JB   unit

	VPERMPS       Z24, Z25, Z26
	FORQ(SCALE_G)
	VPADDD.BCST   ·avx512One32(SB), Z25, Z25
	ADDQ QA_groupBytes(AX), DI
	DECQ CX
	JNZ  group
	CMPQ QA_segsLeft(AX), $0
	JNE  seg

	// Row done: park its accumulators for the reduction.
	MOVQ QA_r(AX), R11
	SHLQ $6, R11
	FORQ(PARK)
	ADDQ QA_rowBytes(AX), SI
	MOVQ QA_rowScaleBytes(AX), R11
	ADDQ R11, QA_rowScales(AX)
	ADDQ R11, QA_rowMins(AX)
	INCQ QA_r(AX)
	DECQ QA_rowsLeft(AX)
	JZ   flush
	CMPQ QA_r(AX), $16
	JB   row

flush:
	// Reduce the parked rows of each query to one vector and store (or
	// add) its first r lanes.
	MOVQ  QA_r(AX), CX
	MOVL  $1, R11
	SHLL  CX, R11
	DECL  R11
	KMOVW R11, K1
	KANDW K1, K4, K3
	MOVQ  QA_outCur(AX), R11
	MOVQ  QA_outStride(AX), R12
	FORQ(FLUSH)
	ADDQ  $64, QA_outCur(AX)
	CMPQ  QA_rowsLeft(AX), $0
	JNE   block
	VZEROUPPER
	RET
