// The lane walker of the AVX2 kernels on groups that are not a multiple of
// 32 (Dot and AddWeighted: avx2LaneArgs, avx2_lane_amd64.go). It walks rows
// group by group; per group it broadcasts the group's scale s (Y3) and
// shift m = mult × (min or scale) (Y4) to every lane, so that a chunk of
// eight codes q dequantizes in one FMA, q*s + m, whatever the group: a
// group keeps nothing but those two broadcasts, so a group of 8 costs
// about what a chunk of a larger group does.
//
// The scales and shifts are converted to float32 ahead of the rows that
// use them (LANE_FILL): the groups of avx2LaneArgs_fillRows whole rows at a
// time into avx2LaneArgs_sc and _sh (const_avx2LaneScales each; _sh
// follows _sc), eight at a time and the last few one by one, so that no
// read passes the last scale. A row starts with one check of whether its
// groups are converted.
//
// Registers: SI, R8, R9, DX planes (avx2_amd64.h; DX stays 0 in a group
// below 32); AX the float32 columns (x, or y) of operand row 0 at the
// group, BX the stride between operand rows, CX = AX + 2*BX; R10 fp16
// scales, R11 fp16 shifts (of the groups not converted yet), R12 groups
// left in the row, R13 the group's converted scale, R14 rows left; Y3 s,
// Y4 m. A kernel's chunk operations (the O arguments of LB and LT,
// avx2_tail_amd64.h) may use Y0, Y2 and Y6-Y15 (less what its unpack
// constants take).

// LANE_FILL(MUL, MULS, LV, LS, LD) converts the scales and shifts of the
// next min(rows left, fillRows) rows into the buffers, the shifts times
// mult (MUL on eight in Y3, MULS on one in X3: LANE_MULT) or times
// avx2LaneArgs_fm (LANE_MULFM: Dot of one query), then skips
// avx2Walk_scaleSkip (fillRows is 1 when rows are cut into chunks of
// groups), and points R13 at the first and avx2LaneArgs_scEnd after the
// last. LV, LS are its loops, LD its end. Uses AX, DX, R12, Y2-Y4.
#define LANE_FILL(MUL, MULS, LV, LS, LD) \
	MOVQ         avx2LaneArgs_fillRows(DI), R12;        \
	CMPQ         R14, R12;                              \
	CMOVQLT      R14, R12;                              \
	IMULQ        avx2Walk_groups(DI), R12;              \
	LEAQ         avx2LaneArgs_sc(DI), R13;              \
	MOVQ         R13, AX;                               \
	VBROADCASTSS avx2LaneArgs_mult(DI), Y4;             \
	CMPQ         R12, $8;                               \
	JB           LS;                                    \
LV:                                                     \
	VCVTPH2PS    (R10), Y2;                             \
	VMOVUPS      Y2, (AX);                              \
	VCVTPH2PS    (R11), Y3;                             \
	MUL;                                                \
	VMOVUPS      Y3, (const_avx2LaneScales*4)(AX);      \
	ADDQ         $16, R10;                              \
	ADDQ         $16, R11;                              \
	ADDQ         $32, AX;                               \
	SUBQ         $8, R12;                               \
	CMPQ         R12, $8;                               \
	JAE          LV;                                    \
LS:                                                     \
	TESTQ        R12, R12;                              \
	JZ           LD;                                    \
	VPINSRW      $0, (R10), X2, X2;                     \
	VCVTPH2PS    X2, X2;                                \
	VMOVSS       X2, (AX);                              \
	VPINSRW      $0, (R11), X3, X3;                     \
	VCVTPH2PS    X3, X3;                                \
	MULS;                                               \
	VMOVSS       X3, (const_avx2LaneScales*4)(AX);      \
	ADDQ         $2, R10;                               \
	ADDQ         $2, R11;                               \
	ADDQ         $4, AX;                                \
	DECQ         R12;                                   \
	JMP          LS;                                    \
LD:                                                     \
	MOVQ         AX, avx2LaneArgs_scEnd(DI);            \
	ADDQ         avx2Walk_scaleSkip(DI), R10;           \
	ADDQ         avx2Walk_scaleSkip(DI), R11

// The shifts' factors: mult (Y4), or avx2LaneArgs_fm, which lies 8N+32
// bytes after avx2LaneArgs_sc (N = const_avx2LaneScales).
#define LANE_MULT VMULPS Y4, Y3, Y3
#define LANE_MULTS VMULSS X4, X3, X3
#define LANE_FM (const_avx2LaneScales*8+32)(AX)
#define LANE_MULFM VMULPS LANE_FM, Y3, Y3
#define LANE_MULFMS VMULSS LANE_FM, X3, X3

// LANE_X<n>: the operand columns of n operand rows at the start of a row.
#define LANE_X1 MOVQ avx2LaneArgs_x(DI), AX
#define LANE_X2 MOVQ avx2LaneArgs_xStride(DI), BX; LANE_X1
#define LANE_X34 LANE_X2; LEAQ (AX)(BX*2), CX

// LANE_SM loads the group's scale and shift (R13) and moves R13 on.
#define LANE_SM \
	VBROADCASTSS (R13), Y3;                         \
	VBROADCASTSS (const_avx2LaneScales*4)(R13), Y4; \
	ADDQ         $4, R13

// LANE_G(LT, TB, GB, PADD, XADD, SM, GE, O0, O1, O2, O3) runs one group of
// a kernel made for groups of TB/4 values (8, 16, 24 or 32: no loop over
// whole blocks), of GB bytes of codes: SM (such as LANE_SM), the chunks
// (LT: LTX<w>M<m>, avx2_tail_amd64.h), GE; PADD(X) moves the plane bases
// by X, XADD(X) the operand columns.
#define LANE_G(LT, TB, GB, PADD, XADD, SM, GE, O0, O1, O2, O3) \
	SM;                       \
	LT(O0, O1, O2, O3, CVTF); \
	GE;                       \
	PADD($GB);                \
	XADD($TB)

// LANE_T(LB, LT, TB, SM, GE, O0, O1, O2, O3, LBK) runs one group of whole
// blocks (the loop LBK) and a last block of TB/4 values (8, 16, 24, or 32:
// a whole block; LT is LTX<w>M<m>).
#define LANE_T(LB, LT, TB, SM, GE, O0, O1, O2, O3, LBK) \
	SM;                              \
	XORQ DX, DX;                     \
LBK:                                 \
	LB(O0, O1, O2, O3, CVTF);        \
	ADDQ $128, AX;                   \
	ADDQ $128, CX;                   \
	ADDQ $4, DX;                     \
	CMPQ DX, avx2Walk_kEnd(DI);      \
	JNE  LBK;                        \
	LT(O0, O1, O2, O3, CVTF);        \
	GE;                              \
	ADDQ $TB, AX;                    \
	ADDQ $TB, CX;                    \
	MOVQ avx2Walk_groupBytes(DI), DX; \
	PLANES_ADD(DX)

// LANE(NAME, GA, GB, SETUP, ROW0, ROW1, MUL, MULS, SKIP): a lane kernel.
// GA and GB run a
// group (LANE_G or LANE_T with the kernel's chunk operations: consecutive
// groups alternate between two sets of them, so that two groups' chains of
// FMAs overlap). SETUP runs once, ROW0 at the start of every row (with DX
// free; it sets the operand columns, LANE_X1 … LANE_X34), ROW1 at its end
// (with AX, CX, DX and R12 free); MUL and MULS scale the shifts
// (LANE_FILL); SKIP(X) (PADDn) moves the planes on by X.
#define LANE(NAME, GA, GB, SETUP, ROW0, ROW1, MUL, MULS, SKIP) \
	WALK_TEXT(NAME, R10, R11);                \
	MOVQ avx2LaneArgs_out(DI), AX;            \
	MOVQ AX, avx2LaneArgs_outp(DI);           \
	MOVQ avx2Walk_rows(DI), R14;              \
	LEAQ avx2LaneArgs_sc(DI), R13;            \
	MOVQ R13, avx2LaneArgs_scEnd(DI);         \
	SETUP;                                    \
row:                                          \
	CMPQ R13, avx2LaneArgs_scEnd(DI);         \
	JB   filled;                              \
	LANE_FILL(MUL, MULS, fill8, fill1, filldone); \
filled:                                       \
	MOVQ avx2Walk_groups(DI), R12;            \
	ROW0;                                     \
	XORQ DX, DX;                              \
groupa:                                       \
	GA;                                       \
	DECQ R12;                                 \
	JZ   rowend;                              \
	GB;                                       \
	DECQ R12;                                 \
	JNZ  groupa;                              \
rowend:                                       \
	ROW1;                                     \
	SKIP(avx2Walk_rowSkip(DI));               \
	DECQ R14;                                 \
	JNZ  row;                                 \
	VZEROUPPER;                               \
	RET
