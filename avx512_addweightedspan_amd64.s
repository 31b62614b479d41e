//go:build gc && !purego

// The AddWeighted span kernels: four weight rows at once over one span of
// 64 values of each row (see avx512_addweightedspan_amd64.go). A weight
// row's 64 sums are four ZMM registers, so the four weight rows' sums are
// sixteen, Z0-Z15 (weight row j, register k: Z(4j+k)); each code is
// decoded once and multiplied into all four, where the one-weight-row
// kernels decode it once per weight row.
//
// Per block of 16 rows, the block's 16 scales and mins of the span's group
// are picked out of the rows' scale words (VPERMI2W with the index table
// at Z25) and converted, and w_j * scale for every row and weight row j is
// written to the 64-byte aligned table at R11 (weight row j at 64j); each
// row broadcasts its entries once into registers (Z24, Z29-Z31) for its
// multiply-adds (the kernels of groups of 32 read them as broadcasts in
// each multiply-add). The sums w_j * min go into Z16-Z19 lane by lane.
//
// Registers: AX the arguments, SI codes, DX scales, R8 mins, R13 weights
// (row 0 of weight row 0; R9 bytes between weight rows, R10 three times
// that), R11 the w*scale table, R14 its current row, R12 bytes between code
// rows, CX blocks left, BX rows left in the block, DI out. Z20-Z23 the
// field masks (2-bit: the fields' lookup tables), Z25 the scale words'
// index table, Z26 the min factor, Z24 and Z29-Z31 the row's weighted
// scales, Z27, Z28 the codes and decoded values, Z27-Z31 scratch in the
// block's table step.

#include "textflag.h"
#include "go_asm.h"
#include "avx512_amd64.h"

// The rows' bodies: 64 values of one row into the sums. Each row first
// broadcasts its weighted scales of the kernel's weight rows once into
// Z24, Z29, Z30 and Z31 (SPAN_BCAST, defined with SPAN_FMAS per number of
// weight rows; these registers are free in the row loop), for the row's
// multiply-adds (SPAN_FMAS), instead of a broadcast from memory by each
// multiply-add (mikv BenchmarkPageKernels, four weight rows, 1024 rows of
// 128, four interleaved runs, values/ns: q2g64 13.4-14.4 -> 16.7-17.4);
// Z28 holds the decoded values.

// SPAN_FIELD(C, M, A0, A1, A2, A3): the field of the code dwords C masked
// in place by M, converted, into one register of each weight row.
#define SPAN_FIELD(C, M, A0, A1, A2, A3) \
	VPANDD M, C, Z28;    \
	VCVTUDQ2PS Z28, Z28; \
	SPAN_FMAS(Z28, A0, A1, A2, A3)

// SPAN_LOOKUP(C, TAB, A0, A1, A2, A3): the field of the code dwords C that
// the low 4 bits of each lane select in the table TAB (VPERMPS: the
// field's value in place, as SPAN_FIELD's mask and conversion give it, in
// one instruction) into one register of each weight row.
#define SPAN_LOOKUP(C, TAB, A0, A1, A2, A3) \
	VPERMPS TAB, C, Z28; \
	SPAN_FMAS(Z28, A0, A1, A2, A3)

// 2-bit: 16 bytes, each zero-extended to a dword whose four fields are
// registers 0-3: fields 0 and 1 looked up from the low 4 bits (Z20, Z21),
// fields 2 and 3 from the high 4 (Z22, Z23).
#define SPAN_ROW_W2 \
	SPAN_BCAST; \
	VPMOVZXBD (SI), Z27; \
	SPAN_LOOKUP(Z27, Z20, Z0, Z4, Z8, Z12); \
	SPAN_LOOKUP(Z27, Z21, Z1, Z5, Z9, Z13); \
	VPSRLD $4, Z27, Z27; \
	SPAN_LOOKUP(Z27, Z22, Z2, Z6, Z10, Z14); \
	SPAN_LOOKUP(Z27, Z23, Z3, Z7, Z11, Z15)

// 4-bit: two times 16 bytes, each byte's two nibbles registers 2b and 2b+1.
#define SPAN_ROW_W4 \
	SPAN_BCAST; \
	VPMOVZXBD (SI), Z27; \
	SPAN_FIELD(Z27, Z20, Z0, Z4, Z8, Z12); \
	SPAN_FIELD(Z27, Z21, Z1, Z5, Z9, Z13); \
	VPMOVZXBD 16(SI), Z27; \
	SPAN_FIELD(Z27, Z20, Z2, Z6, Z10, Z14); \
	SPAN_FIELD(Z27, Z21, Z3, Z7, Z11, Z15)

// 8-bit: four times 16 bytes, register b from bytes 16b to 16b+15.
#define SPAN_ROW_W8 \
	SPAN_BCAST; \
	VPMOVZXBD (SI), Z27; \
	VCVTUDQ2PS Z27, Z27; \
	SPAN_FMAS(Z27, Z0, Z4, Z8, Z12); \
	VPMOVZXBD 16(SI), Z28; \
	VCVTUDQ2PS Z28, Z28; \
	SPAN_FMAS(Z28, Z1, Z5, Z9, Z13); \
	VPMOVZXBD 32(SI), Z27; \
	VCVTUDQ2PS Z27, Z27; \
	SPAN_FMAS(Z27, Z2, Z6, Z10, Z14); \
	VPMOVZXBD 48(SI), Z28; \
	VCVTUDQ2PS Z28, Z28; \
	SPAN_FMAS(Z28, Z3, Z7, Z11, Z15)

// fp16: four times 16 values.
#define SPAN_ROW_F16 \
	SPAN_BCAST; \
	VCVTPH2PS (SI), Z27; \
	SPAN_FMAS(Z27, Z0, Z4, Z8, Z12); \
	VCVTPH2PS 32(SI), Z28; \
	SPAN_FMAS(Z28, Z1, Z5, Z9, Z13); \
	VCVTPH2PS 64(SI), Z27; \
	SPAN_FMAS(Z27, Z2, Z6, Z10, Z14); \
	VCVTPH2PS 96(SI), Z28; \
	SPAN_FMAS(Z28, Z3, Z7, Z11, Z15)

// SPAN_SCALES(P, IDX, YS, ZS): the block's 16 scale (or min) words of a
// group, from the block's words at P (16 rows' words; K1 and K2 mask the
// first and second 64 bytes of them), picked by the index table IDX (Z25:
// the span's group) and converted into ZS (YS: its low half).
#define SPAN_SCALES(P, IDX, YS, ZS) \
	VMOVDQU16.Z (P), K1, Z27; \
	VMOVDQU16.Z 64(P), K2, Z28; \
	VMOVDQA32 IDX, ZS; \
	VPERMI2W Z28, Z27, ZS; \
	VCVTPH2PS YS, ZS

// SPAN_WEIGHT(OFF, S, M, MSUM): weight row j's 16 weights of the block
// (OFF: their address from R13) times the scales S into the table at
// 64j(R11), and times the mins M into MSUM.
#define SPAN_WEIGHT(OFF, J, S, M, MSUM) \
	VMOVUPS OFF, Z31; \
	VMULPS S, Z31, Z27; \
	VMOVAPS Z27, J(R11); \
	VFMADD231PS M, Z31, MSUM

// SPAN_SETUP: the registers from the arguments, the sums from out.
#define SPAN_SETUP \
	MOVQ avx512SpanArgs_data(AX), SI; \
	MOVQ avx512SpanArgs_scales(AX), DX; \
	MOVQ avx512SpanArgs_mins(AX), R8; \
	MOVQ avx512SpanArgs_w(AX), R13; \
	MOVQ avx512SpanArgs_wStride(AX), R9; \
	LEAQ (R9)(R9*2), R10; \
	MOVQ avx512SpanArgs_table(AX), R11; \
	MOVQ avx512SpanArgs_rowBytes(AX), R12; \
	MOVQ avx512SpanArgs_blocks(AX), CX; \
	MOVQ avx512SpanArgs_out(AX), DI; \
	KMOVD avx512SpanArgs_kLo(AX), K1; \
	KMOVD avx512SpanArgs_kHi(AX), K2; \
	MOVQ avx512SpanArgs_idx(AX), BX; \
	VMOVDQU32 (BX), Z25; \
	VBROADCASTSS avx512SpanArgs_mul(AX), Z26; \
	VMOVUPS 0(DI), Z0; \
	VMOVUPS 64(DI), Z1; \
	VMOVUPS 128(DI), Z2; \
	VMOVUPS 192(DI), Z3; \
	VMOVUPS 256(DI), Z4; \
	VMOVUPS 320(DI), Z5; \
	VMOVUPS 384(DI), Z6; \
	VMOVUPS 448(DI), Z7; \
	VMOVUPS 512(DI), Z8; \
	VMOVUPS 576(DI), Z9; \
	VMOVUPS 640(DI), Z10; \
	VMOVUPS 704(DI), Z11; \
	VMOVUPS 768(DI), Z12; \
	VMOVUPS 832(DI), Z13; \
	VMOVUPS 896(DI), Z14; \
	VMOVUPS 960(DI), Z15; \
	VMOVUPS 1024(DI), Z16; \
	VMOVUPS 1088(DI), Z17; \
	VMOVUPS 1152(DI), Z18; \
	VMOVUPS 1216(DI), Z19

// SPAN_STORE(Z, OFF): the sums Z back to out at OFF, and in K4 whether a
// lane is not finite (NaN or ±Inf: class 0x99).
#define SPAN_STORE(Z, OFF) \
	VMOVUPS Z, OFF(DI); \
	VFPCLASSPSZ $0x99, Z, K3; \
	KORW K3, K4, K4

// SPAN_STORES: the sums back to out, K4 set for the lanes not finite.
#define SPAN_STORES \
	KXORW K4, K4, K4; \
	SPAN_STORE(Z0, 0); \
	SPAN_STORE(Z1, 64); \
	SPAN_STORE(Z2, 128); \
	SPAN_STORE(Z3, 192); \
	SPAN_STORE(Z4, 256); \
	SPAN_STORE(Z5, 320); \
	SPAN_STORE(Z6, 384); \
	SPAN_STORE(Z7, 448); \
	SPAN_STORE(Z8, 512); \
	SPAN_STORE(Z9, 576); \
	SPAN_STORE(Z10, 640); \
	SPAN_STORE(Z11, 704); \
	SPAN_STORE(Z12, 768); \
	SPAN_STORE(Z13, 832); \
	SPAN_STORE(Z14, 896); \
	SPAN_STORE(Z15, 960); \
	SPAN_STORE(Z16, 1024); \
	SPAN_STORE(Z17, 1088); \
	SPAN_STORE(Z18, 1152); \
	SPAN_STORE(Z19, 1216)

// SPAN_FLAG: a.bad gets the bits of the lanes that SPAN_STORE found not
// finite.
#define SPAN_FLAG \
	KMOVW K4, BX; \
	ORQ BX, avx512SpanArgs_bad(AX)

// SPAN_FINISH: the sums back to out; a.bad gets a bit set if one is not
// finite.
#define SPAN_FINISH \
	SPAN_STORES; \
	SPAN_FLAG

// SPAN_BLOCK_CODES: the table of w_j * scale of a block of 16 code rows,
// and the sums of w_j * min * factor (SPAN_WEIGHTS: one SPAN_WEIGHT per
// weight row); then the pointers to the next block.
#define SPAN_BLOCK_CODES \
	SPAN_SCALES(DX, Z25, Y29, Z29); \
	SPAN_SCALES(R8, Z25, Y30, Z30); \
	VMULPS Z26, Z30, Z30; \
	SPAN_WEIGHTS; \
	ADDQ avx512SpanArgs_scaleStep(AX), DX; \
	ADDQ avx512SpanArgs_scaleStep(AX), R8; \
	ADDQ $64, R13

// SPAN_BLOCK_FLOAT: the table of the block's weights of float rows
// (SPAN_FLOAT_WEIGHTS: one SPAN_FLOAT_WEIGHT per weight row).
#define SPAN_BLOCK_FLOAT \
	SPAN_FLOAT_WEIGHTS; \
	ADDQ $64, R13

// SPAN_FLOAT_WEIGHT(OFF, J): weight row j's 16 weights of the block (OFF:
// their address from R13) into the table at 64j(R11).
#define SPAN_FLOAT_WEIGHT(OFF, J) \
	VMOVUPS OFF, Z27; \
	VMOVAPS Z27, J(R11)

// SPAN_MASKS(bits): the field masks of a code width in Z20-Z23, in place
// (field f: bits*f up); for 2-bit codes the lookup tables of the four
// fields' values in place (·avx512SpanW2Fields: entry i of field f's table
// is its field of i, for fields 2 and 3 of i<<4).
#define SPAN_MASKS_W2 \
	VMOVUPS ·avx512SpanW2Fields+0(SB), Z20;   \
	VMOVUPS ·avx512SpanW2Fields+64(SB), Z21;  \
	VMOVUPS ·avx512SpanW2Fields+128(SB), Z22; \
	VMOVUPS ·avx512SpanW2Fields+192(SB), Z23
#define SPAN_MASKS_W4 \
	MOVL $0x0f, BX; VPBROADCASTD BX, Z20; \
	MOVL $0xf0, BX; VPBROADCASTD BX, Z21

// The span kernels, one per code width (W2, W4, W8; F16 for fp16 rows)
// and number of weight rows (X2, X3, X4):
//
//	func avx512AddWeightedSpan<W2|W4|W8|F16>X<nw>(a *avx512SpanArgs)
//
// out[j][k][l] += Σ_rows w_j · scale · field of register k, lane l (in
// place: ×2^(bits·field)), out[4][j][l] += Σ_rows w_j · min · mul, for the
// nw weight rows j: a.blocks blocks of 16 rows, one span of 64 values each
// (2-bit: 16 bytes, register k from field k of each byte; 4-bit: 32 bytes,
// register 2b+f from nibble f of bytes 16b to 16b+15; 8-bit: 64 bytes,
// register b from bytes 16b to 16b+15; fp16: 128 bytes, register k from
// values 16k to 16k+15, no scales or mins). Instructions per 32 values:
// 2·nw FMA and 0.5·nw broadcasts; 2 lookups, 0.5 shift and 0.5 zero-extend
// (2-bit), 2 AND, 2 convert, 1 zero-extend (4-bit), 2 zero-extend, 2
// convert (8-bit) or 2 convert (fp16); 0.25 to 1 for the loop, and per
// block of 16 rows 0.4 + 0.25·nw for the table.

// SPAN_BCAST, SPAN_FMAS(T, A0, A1, A2, A3): the current row's weighted
// scales of 4 weight rows into registers; the decoded values T times them,
// into one register of each weight row.
#define SPAN_BCAST \
	VBROADCASTSS 0(R14), Z24;   \
	VBROADCASTSS 64(R14), Z29;  \
	VBROADCASTSS 128(R14), Z30; \
	VBROADCASTSS 192(R14), Z31
#define SPAN_FMAS(T, A0, A1, A2, A3) \
	VFMADD231PS Z24, T, A0; \
	VFMADD231PS Z29, T, A1; \
	VFMADD231PS Z30, T, A2; \
	VFMADD231PS Z31, T, A3
#define SPAN_WEIGHTS \
	SPAN_WEIGHT((R13), 0, Z29, Z30, Z16); \
	SPAN_WEIGHT((R13)(R9*1), 64, Z29, Z30, Z17); \
	SPAN_WEIGHT((R13)(R9*2), 128, Z29, Z30, Z18); \
	SPAN_WEIGHT((R13)(R10*1), 192, Z29, Z30, Z19)
#define SPAN_FLOAT_WEIGHTS \
	SPAN_FLOAT_WEIGHT((R13), 0); \
	SPAN_FLOAT_WEIGHT((R13)(R9*1), 64); \
	SPAN_FLOAT_WEIGHT((R13)(R9*2), 128); \
	SPAN_FLOAT_WEIGHT((R13)(R10*1), 192)

#define NAME ·avx512AddWeightedSpanW2X4
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W2
#define MASKS SPAN_MASKS_W2
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanW4X4
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W4
#define MASKS SPAN_MASKS_W4
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanW8X4
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W8
#define MASKS 
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanF16X4
#define BLOCK SPAN_BLOCK_FLOAT
#define ROW SPAN_ROW_F16
#define MASKS 
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#undef SPAN_FMAS
#undef SPAN_BCAST
#undef SPAN_WEIGHTS
#undef SPAN_FLOAT_WEIGHTS

// SPAN_BCAST, SPAN_FMAS: as above for 3 weight rows.
#define SPAN_BCAST \
	VBROADCASTSS 0(R14), Z24;  \
	VBROADCASTSS 64(R14), Z29; \
	VBROADCASTSS 128(R14), Z30
#define SPAN_FMAS(T, A0, A1, A2, A3) \
	VFMADD231PS Z24, T, A0; \
	VFMADD231PS Z29, T, A1; \
	VFMADD231PS Z30, T, A2
#define SPAN_WEIGHTS \
	SPAN_WEIGHT((R13), 0, Z29, Z30, Z16); \
	SPAN_WEIGHT((R13)(R9*1), 64, Z29, Z30, Z17); \
	SPAN_WEIGHT((R13)(R9*2), 128, Z29, Z30, Z18)
#define SPAN_FLOAT_WEIGHTS \
	SPAN_FLOAT_WEIGHT((R13), 0); \
	SPAN_FLOAT_WEIGHT((R13)(R9*1), 64); \
	SPAN_FLOAT_WEIGHT((R13)(R9*2), 128)

#define NAME ·avx512AddWeightedSpanW2X3
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W2
#define MASKS SPAN_MASKS_W2
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanW4X3
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W4
#define MASKS SPAN_MASKS_W4
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanW8X3
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W8
#define MASKS 
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanF16X3
#define BLOCK SPAN_BLOCK_FLOAT
#define ROW SPAN_ROW_F16
#define MASKS 
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#undef SPAN_FMAS
#undef SPAN_BCAST
#undef SPAN_WEIGHTS
#undef SPAN_FLOAT_WEIGHTS

// SPAN_BCAST, SPAN_FMAS: as above for 2 weight rows.
#define SPAN_BCAST \
	VBROADCASTSS 0(R14), Z24; \
	VBROADCASTSS 64(R14), Z29
#define SPAN_FMAS(T, A0, A1, A2, A3) \
	VFMADD231PS Z24, T, A0; \
	VFMADD231PS Z29, T, A1
#define SPAN_WEIGHTS \
	SPAN_WEIGHT((R13), 0, Z29, Z30, Z16); \
	SPAN_WEIGHT((R13)(R9*1), 64, Z29, Z30, Z17)
#define SPAN_FLOAT_WEIGHTS \
	SPAN_FLOAT_WEIGHT((R13), 0); \
	SPAN_FLOAT_WEIGHT((R13)(R9*1), 64)

#define NAME ·avx512AddWeightedSpanW2X2
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W2
#define MASKS SPAN_MASKS_W2
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanW4X2
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W4
#define MASKS SPAN_MASKS_W4
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanW8X2
#define BLOCK SPAN_BLOCK_CODES
#define ROW SPAN_ROW_W8
#define MASKS 
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#define NAME ·avx512AddWeightedSpanF16X2
#define BLOCK SPAN_BLOCK_FLOAT
#define ROW SPAN_ROW_F16
#define MASKS 
#include "avx512_addweightedspan_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef MASKS

#undef SPAN_FMAS
#undef SPAN_BCAST
#undef SPAN_WEIGHTS
#undef SPAN_FLOAT_WEIGHTS

// The span kernels of 2-bit codes in groups of 32: a span's 16 code bytes
// are two groups (bytes 0-7: group 2h, lanes 0-7; bytes 8-15: group 2h+1,
// lanes 8-15), so no broadcast w·scale serves a whole register. Each
// field is converted and multiplied by the row's scales laid out per lane
// (S_t: 8 lanes of each group's scale, a 64-byte table per row of the
// block, built by VPERMI2PS from the block's scales), then by each weight
// row's weight, a broadcast straight from w:
//
//	func avx512AddWeightedSpanW2G32X<nw>(a *avx512SpanArgs)
//
// out as avx512AddWeightedSpanW2X<nw>'s, with the sums of w_j · min · mul
// of the span's second group at out[5][j] (its first group's at
// out[4][j]). Instructions per 32 values: 2·nw FMA (with a broadcast), 2
// AND (with a broadcast), 2 convert, 2 multiply, 0.5 zero-extend; 1 for
// the loop; per block of 16 rows 3 per row for the S_t tables and 0.5·nw
// for the min sums.
//
// Registers: as the other span kernels', but Z16-Z19 the first group's
// and Z20-Z23 the second group's min sums, Z24 the second group's index
// table, R14 the row's weight of weight row 0, DI the row's S_t table.

// SPAN_G32_SCALES: the table of S_t (R11, 64 bytes a row) of a block of
// 16 rows, the sums of w_j · min · mul of both groups, and the pointers
// to the next block.
#define SPAN_G32_SCALES \
	SPAN_SCALES(DX, Z25, Y29, Z29); \
	SPAN_SCALES(DX, Z24, Y30, Z30); \
	SPAN_PAIR(0); SPAN_PAIR(1); SPAN_PAIR(2); SPAN_PAIR(3); \
	SPAN_PAIR(4); SPAN_PAIR(5); SPAN_PAIR(6); SPAN_PAIR(7); \
	SPAN_PAIR(8); SPAN_PAIR(9); SPAN_PAIR(10); SPAN_PAIR(11); \
	SPAN_PAIR(12); SPAN_PAIR(13); SPAN_PAIR(14); SPAN_PAIR(15); \
	SPAN_SCALES(R8, Z25, Y29, Z29); \
	SPAN_SCALES(R8, Z24, Y30, Z30); \
	VMULPS Z26, Z29, Z29; \
	VMULPS Z26, Z30, Z30; \
	SPAN_G32_MINS; \
	ADDQ avx512SpanArgs_scaleStep(AX), DX; \
	ADDQ avx512SpanArgs_scaleStep(AX), R8

// SPAN_PAIR(t): row t's S_t, lanes 0-7 its first group's scale (Z29 lane
// t), lanes 8-15 its second's (Z30 lane t).
#define SPAN_PAIR(t) \
	VMOVDQU32 ·avx512SpanPairIdx+(64*t)(SB), Z31; \
	VPERMI2PS Z30, Z29, Z31; \
	VMOVAPS Z31, (64*t)(R11)

// SPAN_G32_MIN(OFF, MA, MB): weight row j's 16 weights of the block (OFF:
// their address from R13) times the mins of both groups into MA and MB.
#define SPAN_G32_MIN(OFF, MA, MB) \
	VMOVUPS OFF, Z31; \
	VFMADD231PS Z29, Z31, MA; \
	VFMADD231PS Z30, Z31, MB

// SPAN_G32_FIELD(M, T, A0, A1, A2, A3): field k of the code dwords (Z27),
// masked in place by the dword at M, converted, times S_t, into register k
// of each weight row.
#define SPAN_G32_FIELD(M, T, A0, A1, A2, A3) \
	VPANDD.BCST M, Z27, T; \
	VCVTUDQ2PS T, T; \
	VMULPS (DI), T, T; \
	SPAN_G32_FMAS(T, A0, A1, A2, A3)

#define SPAN_G32_ROW \
	VPMOVZXBD (SI), Z27; \
	SPAN_G32_FIELD(·avx512SpanW2Masks+0(SB), Z28, Z0, Z4, Z8, Z12); \
	SPAN_G32_FIELD(·avx512SpanW2Masks+4(SB), Z29, Z1, Z5, Z9, Z13); \
	SPAN_G32_FIELD(·avx512SpanW2Masks+8(SB), Z28, Z2, Z6, Z10, Z14); \
	SPAN_G32_FIELD(·avx512SpanW2Masks+12(SB), Z29, Z3, Z7, Z11, Z15)

// SPAN_G32_BLOCK_W2: SPAN_G32_SCALES, and the row loop's weight pointer.
#define SPAN_G32_BLOCK_W2 \
	SPAN_G32_SCALES; \
	MOVQ R13, R14; \
	ADDQ $64, R13

// The span kernels of 4- and 8-bit codes in groups of 32: a register's
// codes lie in one group (4-bit: register 2b+f from the 16 bytes of group
// b; 8-bit: registers 0-1 the first group, 2-3 the second), so they take
// w·scale from a table as the kernels of groups of 64 do, one table per
// group (the first at 0(R11), the second at 256(R11)):
//
//	func avx512AddWeightedSpanW<4|8>G32X<nw>(a *avx512SpanArgs)
//
// Instructions per 32 values as the kernels of groups of 64, with 0.5·nw
// more per block of 16 rows for the second table and min sums.

// SPAN_G32T_BLOCK: the two tables of w_j · scale of a block of 16 rows,
// the min sums of both groups, the row loop's table pointer and the
// pointers to the next block.
#define SPAN_G32T_BLOCK \
	SPAN_SCALES(DX, Z25, Y29, Z29); \
	SPAN_SCALES(DX, Z24, Y30, Z30); \
	SPAN_G32T_WEIGHTS; \
	SPAN_SCALES(R8, Z25, Y29, Z29); \
	SPAN_SCALES(R8, Z24, Y30, Z30); \
	VMULPS Z26, Z29, Z29; \
	VMULPS Z26, Z30, Z30; \
	SPAN_G32_MINS; \
	ADDQ avx512SpanArgs_scaleStep(AX), DX; \
	ADDQ avx512SpanArgs_scaleStep(AX), R8; \
	MOVQ R11, R14; \
	ADDQ $64, R13

// SPAN_G32T_WEIGHT(OFF, J): weight row j's 16 weights of the block (OFF:
// their address from R13) times both groups' scales (Z29, Z30) into the
// tables at J(R11) and 256+J(R11).
#define SPAN_G32T_WEIGHT(OFF, J) \
	VMOVUPS OFF, Z31; \
	VMULPS Z29, Z31, Z27; \
	VMOVAPS Z27, J(R11); \
	VMULPS Z30, Z31, Z28; \
	VMOVAPS Z28, (256+J)(R11)

// SPAN_G32T_FIELD(C, M, TB, T, A0, A1, A2, A3): field k of the code dwords
// C, masked in place by the dword at M and converted, times the weighted
// scales of table TB (0 or 256), into register k of each weight row.
#define SPAN_G32T_FIELD(C, M, TB, T, A0, A1, A2, A3) \
	VPANDD.BCST M, C, T; \
	VCVTUDQ2PS T, T; \
	SPAN_G32T_FMAS(T, TB, A0, A1, A2, A3)

#define SPAN_G32T_ROW_W4 \
	VPMOVZXBD (SI), Z27; \
	SPAN_G32T_FIELD(Z27, ·avx512SpanW4Masks+0(SB), 0, Z28, Z0, Z4, Z8, Z12); \
	SPAN_G32T_FIELD(Z27, ·avx512SpanW4Masks+4(SB), 0, Z29, Z1, Z5, Z9, Z13); \
	VPMOVZXBD 16(SI), Z30; \
	SPAN_G32T_FIELD(Z30, ·avx512SpanW4Masks+0(SB), 256, Z28, Z2, Z6, Z10, Z14); \
	SPAN_G32T_FIELD(Z30, ·avx512SpanW4Masks+4(SB), 256, Z29, Z3, Z7, Z11, Z15)

#define SPAN_G32T_ROW_W8 \
	VPMOVZXBD (SI), Z27; \
	VCVTUDQ2PS Z27, Z27; \
	SPAN_G32T_FMAS(Z27, 0, Z0, Z4, Z8, Z12); \
	VPMOVZXBD 16(SI), Z28; \
	VCVTUDQ2PS Z28, Z28; \
	SPAN_G32T_FMAS(Z28, 0, Z1, Z5, Z9, Z13); \
	VPMOVZXBD 32(SI), Z29; \
	VCVTUDQ2PS Z29, Z29; \
	SPAN_G32T_FMAS(Z29, 256, Z2, Z6, Z10, Z14); \
	VPMOVZXBD 48(SI), Z30; \
	VCVTUDQ2PS Z30, Z30; \
	SPAN_G32T_FMAS(Z30, 256, Z3, Z7, Z11, Z15)

#define SPAN_G32_FMAS(T, A0, A1, A2, A3) \
	VFMADD231PS.BCST (R14), T, A0; \
	VFMADD231PS.BCST (R14)(R9*1), T, A1; \
	VFMADD231PS.BCST (R14)(R9*2), T, A2; \
	VFMADD231PS.BCST (R14)(R10*1), T, A3
#define SPAN_G32T_FMAS(T, TB, A0, A1, A2, A3) \
	VFMADD231PS.BCST (TB+0)(R14), T, A0; \
	VFMADD231PS.BCST (TB+64)(R14), T, A1; \
	VFMADD231PS.BCST (TB+128)(R14), T, A2; \
	VFMADD231PS.BCST (TB+192)(R14), T, A3
#define SPAN_G32_MINS \
	SPAN_G32_MIN((R13), Z16, Z20); \
	SPAN_G32_MIN((R13)(R9*1), Z17, Z21); \
	SPAN_G32_MIN((R13)(R9*2), Z18, Z22); \
	SPAN_G32_MIN((R13)(R10*1), Z19, Z23)
#define SPAN_G32T_WEIGHTS \
	SPAN_G32T_WEIGHT((R13), 0); \
	SPAN_G32T_WEIGHT((R13)(R9*1), 64); \
	SPAN_G32T_WEIGHT((R13)(R9*2), 128); \
	SPAN_G32T_WEIGHT((R13)(R10*1), 192)
#define NAME ·avx512AddWeightedSpanW2G32X4
#define BLOCK SPAN_G32_BLOCK_W2
#define ROW SPAN_G32_ROW
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#define NAME ·avx512AddWeightedSpanW4G32X4
#define BLOCK SPAN_G32T_BLOCK
#define ROW SPAN_G32T_ROW_W4
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#define NAME ·avx512AddWeightedSpanW8G32X4
#define BLOCK SPAN_G32T_BLOCK
#define ROW SPAN_G32T_ROW_W8
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef SPAN_G32_FMAS
#undef SPAN_G32T_FMAS
#undef SPAN_G32_MINS
#undef SPAN_G32T_WEIGHTS

#define SPAN_G32_FMAS(T, A0, A1, A2, A3) \
	VFMADD231PS.BCST (R14), T, A0; \
	VFMADD231PS.BCST (R14)(R9*1), T, A1; \
	VFMADD231PS.BCST (R14)(R9*2), T, A2
#define SPAN_G32T_FMAS(T, TB, A0, A1, A2, A3) \
	VFMADD231PS.BCST (TB+0)(R14), T, A0; \
	VFMADD231PS.BCST (TB+64)(R14), T, A1; \
	VFMADD231PS.BCST (TB+128)(R14), T, A2
#define SPAN_G32_MINS \
	SPAN_G32_MIN((R13), Z16, Z20); \
	SPAN_G32_MIN((R13)(R9*1), Z17, Z21); \
	SPAN_G32_MIN((R13)(R9*2), Z18, Z22)
#define SPAN_G32T_WEIGHTS \
	SPAN_G32T_WEIGHT((R13), 0); \
	SPAN_G32T_WEIGHT((R13)(R9*1), 64); \
	SPAN_G32T_WEIGHT((R13)(R9*2), 128)
#define NAME ·avx512AddWeightedSpanW2G32X3
#define BLOCK SPAN_G32_BLOCK_W2
#define ROW SPAN_G32_ROW
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#define NAME ·avx512AddWeightedSpanW4G32X3
#define BLOCK SPAN_G32T_BLOCK
#define ROW SPAN_G32T_ROW_W4
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#define NAME ·avx512AddWeightedSpanW8G32X3
#define BLOCK SPAN_G32T_BLOCK
#define ROW SPAN_G32T_ROW_W8
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef SPAN_G32_FMAS
#undef SPAN_G32T_FMAS
#undef SPAN_G32_MINS
#undef SPAN_G32T_WEIGHTS

#define SPAN_G32_FMAS(T, A0, A1, A2, A3) \
	VFMADD231PS.BCST (R14), T, A0; \
	VFMADD231PS.BCST (R14)(R9*1), T, A1
#define SPAN_G32T_FMAS(T, TB, A0, A1, A2, A3) \
	VFMADD231PS.BCST (TB+0)(R14), T, A0; \
	VFMADD231PS.BCST (TB+64)(R14), T, A1
#define SPAN_G32_MINS \
	SPAN_G32_MIN((R13), Z16, Z20); \
	SPAN_G32_MIN((R13)(R9*1), Z17, Z21)
#define SPAN_G32T_WEIGHTS \
	SPAN_G32T_WEIGHT((R13), 0); \
	SPAN_G32T_WEIGHT((R13)(R9*1), 64)
#define NAME ·avx512AddWeightedSpanW2G32X2
#define BLOCK SPAN_G32_BLOCK_W2
#define ROW SPAN_G32_ROW
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#define NAME ·avx512AddWeightedSpanW4G32X2
#define BLOCK SPAN_G32T_BLOCK
#define ROW SPAN_G32T_ROW_W4
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#define NAME ·avx512AddWeightedSpanW8G32X2
#define BLOCK SPAN_G32T_BLOCK
#define ROW SPAN_G32T_ROW_W8
#include "avx512_addweightedspang32_amd64.h"
#undef NAME
#undef BLOCK
#undef ROW
#undef SPAN_G32_FMAS
#undef SPAN_G32T_FMAS
#undef SPAN_G32_MINS
#undef SPAN_G32T_WEIGHTS

// SPAN_ADD_RUNS(K, UNIT, MS): register k of a weight row's sums (at
// 64k(SI)), times its field's unit (UNIT) plus the min sums of its lanes
// (MS), added into y at the columns of its two runs of 8 lanes (bytes 2k
// and 2k+1 at BX).
#define SPAN_ADD_RUNS(K, UNIT, MS) \
	VMOVUPS (64*K)(SI), Z3; \
	VFMADD213PS MS, UNIT, Z3; \
	MOVBQZX (2*K)(BX), R11; \
	VADDPS (DI)(R11*4), Y3, Y4; \
	VMOVUPS Y4, (DI)(R11*4); \
	VEXTRACTF64X4 $1, Z3, Y5; \
	MOVBQZX (2*K+1)(BX), R11; \
	VADDPS (DI)(R11*4), Y5, Y5; \
	VMOVUPS Y5, (DI)(R11*4)

// SPAN_HSUM(OFF, Z, Y, X, YT, XT, B): the sum of the 16 lanes at OFF(R10)
// (a weight row's min sums) broadcast into B.
#define SPAN_HSUM(OFF, Z, Y, X, YT, XT, B) \
	VMOVUPS OFF(R10), Z; \
	HREDUCE(VADDPS, Z, Y, X, YT, XT); \
	VBROADCASTSS X, B

// func avx512AddWeightedSpanFinish(a *avx512SpanFinishArgs)
//
// y_j[run] += out[j][k] · unit_k + m for the a.rows weight rows j (y_j
// a.yStride bytes apart) and the sums' eight runs of 8 lanes (their first
// columns at a.runs), m the sum of the 16 lanes of the min sums of the
// span's first group (out[4][j]) or, in the lanes that a.second0
// (registers 0-1) and a.second1 (registers 2-3) set, of its second group
// (out[5][j]): a span's sums (avx512SpanOut floats at a.out) added into
// its 64 columns of each weight row. 92 instructions a weight row (64
// values).
TEXT ·avx512AddWeightedSpanFinish(SB), NOSPLIT, $0-8
	MOVQ a+0(FP), AX
	MOVQ avx512SpanFinishArgs_y(AX), DI
	MOVQ avx512SpanFinishArgs_yStride(AX), R9
	MOVQ avx512SpanFinishArgs_out(AX), SI
	LEAQ 1024(SI), R10
	MOVQ avx512SpanFinishArgs_runs(AX), BX
	MOVQ avx512SpanFinishArgs_units(AX), DX
	KMOVW avx512SpanFinishArgs_second0(AX), K1
	KMOVW avx512SpanFinishArgs_second1(AX), K2
	VBROADCASTSS 0(DX), Z20
	VBROADCASTSS 4(DX), Z21
	VBROADCASTSS 8(DX), Z22
	VBROADCASTSS 12(DX), Z23
	MOVQ avx512SpanFinishArgs_rows(AX), CX

row:
	SPAN_HSUM(0, Z0, Y0, X0, Y1, X1, Z2)
	SPAN_HSUM(256, Z6, Y6, X6, Y7, X7, Z8)
	VBLENDMPS     Z8, Z2, K1, Z9
	VBLENDMPS     Z8, Z2, K2, Z10
	SPAN_ADD_RUNS(0, Z20, Z9)
	SPAN_ADD_RUNS(1, Z21, Z9)
	SPAN_ADD_RUNS(2, Z22, Z10)
	SPAN_ADD_RUNS(3, Z23, Z10)
	ADDQ $256, SI
	ADDQ $64, R10
	ADDQ R9, DI
	DECQ CX
	JNZ  row
	VZEROUPPER
	RET
