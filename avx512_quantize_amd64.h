// Body of one Quantize kernel of avx512_quantize_amd64.s (codes, groups a
// multiple of 32), included once per code width and symmetry with these
// macros defined:
//
//	NAME      the function's symbol
//	SCALE     from lo (X0) and hi (X1): stores the fp16 scale (and min),
//	          leaves the quantization's broadcasts in Z10 (min) and Z11 (1/s)
//	CODES(x, dst)  the codes of 16 values as dwords (CODES_ASYM or CODES_SYM)
//	PACK      packs the block's codes (Z8: values 0-15, Z9: 16-31) into its planes
//
// func NAME(a *avx512QuantizeArgs) quantizes every group of the rows in
// sequence (a.groups in all; the values at a.x, codes at a.data, scales at
// a.scales, mins at a.mins) with the generic Quantize's float32 steps, so
// the bytes are the same: per group the min and max (VMINPS/VMAXPS, then
// across the lanes), the scale and min rounded to fp16 (VCVTPS2PH, round to
// nearest even; a positive scale at least 0x0001, SCALE16) and read back, 1/s by VDIVSS (0 when s is 0), then per 16
// values (x - m) * (1/s) (or x * (1/s)), clamped, rounded to nearest even
// by VCVTPS2DQ, and the codes packed plane by plane. Budget per 32 values
// (one block): 10 for the codes, the packing (2 for width 8, 5 for 4, 11
// for 2, 4 for a 1-bit plane; 16 to 20 for 6 and 7) and 4 for the loop,
// plus per group 4 per 16 values for the min and max and about 35 for the
// scale (its chain of dependent scalar steps dominates for small groups).
//
// Registers: SI values, DI/R8/R9 the group's planes, R10 block index, BX
// the group's end, CX groups left, DX its scale, R11 its min; Z0-Z3 min and
// max, X0-X7 the scalar steps, Z8/Z9 codes, Z10/Z11 broadcasts, Z12-Z15
// scratch, Z16-Z23 constants.

KERNEL_TEXT(NAME)
	VPXORD       Z16, Z16, Z16
	VBROADCASTSS avx512QuantizeArgs_c1(AX), Z17
	VBROADCASTSS avx512QuantizeArgs_c2(AX), Z18
	VPBROADCASTD avx512QuantizeArgs_c3(AX), Z19
	VPBROADCASTD ·avx512D0f(SB), Z20
	VPBROADCASTD ·avx512D03(SB), Z21
	VMOVDQU32    ·avx512Srlvd02(SB), Z22
	VMOVDQU32    ·avx512Srlvd46(SB), Z23
	MOVQ         avx512QuantizeArgs_x(AX), SI
	MOVQ         avx512QuantizeArgs_data(AX), DI
	MOVQ         avx512QuantizeArgs_scales(AX), DX
	MOVQ         avx512QuantizeArgs_mins(AX), R11
	MOVQ         avx512QuantizeArgs_groups(AX), CX

group:
	// lo and hi of the group's values.
	MOVQ    avx512QuantizeArgs_xBytes(AX), BX
	ADDQ    SI, BX
	VMOVUPS (SI), Z0
	VMOVUPS Z0, Z1
	LEAQ    64(SI), R10

minmax:
	VMINPS (R10), Z0, Z0
	VMAXPS (R10), Z1, Z1
	ADDQ   $64, R10
	CMPQ   R10, BX
	JB     minmax
	HREDUCE(VMINPS, Z0, Y0, X0, Y2, X2)
	HREDUCE(VMAXPS, Z1, Y1, X1, Y2, X2)
	SCALE

	MOVQ DI, R8
	ADDQ avx512QuantizeArgs_off2(AX), R8
	MOVQ DI, R9
	ADDQ avx512QuantizeArgs_off1(AX), R9
	XORQ R10, R10

blk:
	CODES((SI), Z8)
	CODES(64(SI), Z9)
	PACK
	ADDQ $128, SI
	ADDQ $4, R10
	CMPQ SI, BX
	JB   blk

	ADDQ $2, DX
	ADDQ avx512QuantizeArgs_minStride(AX), R11
	ADDQ avx512QuantizeArgs_groupBytes(AX), DI
	DECQ CX
	JNZ  group
	VZEROUPPER
	RET
