package main

// The assembly functions of lowbit, per architecture and tier. A kernel's
// name is its tier, its family and the tokens of its axes, in order:
// avx512DotRow128W4G64X2 is tier avx512, family Dot, rows of 128 values,
// 4-bit codes in groups of 64, two query rows per pass.
//
// To add a shape to a set (another code width, number of query rows, row
// length or group), add the value to the axis; to add a set, add an entry.
// Then write the kernels in the tier's .s file of the family (for avx2 one
// macro call each, for avx512 one instance of the family's body .h each),
// run go generate in the root directory, and use the set's switch in the
// Go code of the family.
var files = []file{
	{name: "kernels_decl_amd64.go", arch: "amd64", tiers: []tier{avx2, avx512}},
	{name: "kernels_decl_arm64.go", arch: "arm64", tiers: []tier{neon}},
}

var avx2 = tier{name: "avx2", sets: []set{
	{family: "Dot", axes: []axis{widths(2, 8), passes(1, 2, 3, 4)}, sig: "(a *avx2DotArgs)", call: "avx2CallDot",
		doc: "Dot on codes, the row kernels (avx2_dot_amd64.s, DOTW): rows of any number of\ngroups, 1 to 4 query rows."},
	{family: "Dot", axes: []axis{fixed("Unit"), widths(2, 8)}, sig: "(a *avx2DotArgs)", call: "avx2CallDotUnit",
		doc: "Dot on codes, the unit kernels of one query row (avx2_dot_amd64.s, DOTU):\nrows of 1, 2, 4 or 8k groups of an odd number of blocks."},
	{family: "Dot", axes: []axis{fixed("UnitPairs"), widths(2, 8)}, sig: "(a *avx2DotArgs)", call: "avx2CallDotUnitPairs",
		doc: "The unit kernels for groups of an even number of blocks, which they walk in\npairs."},
	{family: "DotQ8", axes: []axis{widths(2, 8), passes(1, 2, 3, 4)}, sig: "(a *avx2DotQ8Args)", call: "avx2CallDotQ8",
		doc: "DotQ8 on codes, the row kernels (avx2_dotq8_amd64.s, DOTQ8R): 1 to 4 query\nrows."},
	{family: "DotQ8", axes: []axis{fixed("Unit"), widths(2, 8)}, sig: "(a *avx2DotQ8Args)", call: "avx2CallDotQ8Unit",
		doc: "DotQ8 on codes, the unit kernels of one query row (avx2_dotq8_amd64.s,\nDOTQ8U)."},
	{family: "AddWeighted", axes: []axis{widths(2, 8), passes(1, 2, 3, 4)}, sig: "(a *avx2AddWeightedArgs)", call: "avx2CallAddWeighted",
		doc: "AddWeighted on codes (avx2_addweighted_amd64.s): 1 to 4 weight rows."},
	{family: "Quantize", axes: []axis{widths(2, 8)}, sig: "(a *avx2QuantizeArgs)", call: "avx2CallQuantize",
		doc: "Quantize to codes (avx2_quantize_amd64.s)."},
	{family: "QuantizeF16", sig: "(dst *uint16, src *float32, n int)",
		doc: "avx2QuantizeF16 converts n float32 values (a multiple of 8) to fp16\n(avx2_quantize_amd64.s)."},
	{family: "Dequantize", axes: []axis{widths(2, 8)}, sig: "(a *avx2DequantizeArgs)", call: "avx2CallDequantize",
		doc: "Dequantize of codes (avx2_dequantize_amd64.s)."},
	{family: "DequantizeF16", sig: "(dst *float32, src *uint16, n int)",
		doc: "avx2DequantizeF16 converts n fp16 values (a multiple of 8) to float32\n(avx2_dequantize_amd64.s)."},
	{family: "QuantizeQ8", sig: "(a *avx2QuantizeQ8Args)",
		doc: "avx2QuantizeQ8 is QuantizeQ8 on rows cut into blocks of 32 and a tail\n(avx2_quantizeq8_amd64.s)."},
	{family: "Dot", axes: []axis{floats(), passes(1, 2, 3, 4)}, sig: "(a *avx2FloatArgs)", call: "avx2CallDotFloat",
		doc: "Dot on fp16 and float32 rows (avx2_float_amd64.s): 1 to 4 query rows."},
	{family: "AddWeighted", axes: []axis{floats(), passes(1, 2, 3, 4)}, sig: "(a *avx2FloatArgs)", call: "avx2CallAddWeightedFloat",
		doc: "AddWeighted on fp16 and float32 rows (avx2_float_amd64.s): 1 to 4 weight\nrows."},
	{family: "Softmax", sig: "(x *float32, n int) bool",
		doc: "avx2Softmax runs Softmax on n values at x and reports false, leaving x\nunchanged, if x holds a NaN or +Inf or every entry is -Inf\n(avx2_softmax_amd64.s)."},
	{family: "AbsBitsMax", sig: "(x *float32, n int) uint32",
		doc: "avx2AbsBitsMax is absBitsMax on n values at x (avx2_scan_amd64.s)."},
}}

var avx512 = tier{name: "avx512", sets: []set{
	{family: "Dot", axes: []axis{widths(2, 8), passes(1, 2, 4)}, sig: "(a *avx512DotArgs)", call: "avx512CallDot",
		doc: "Dot on codes whose group is a multiple of 32, the general kernels\n(avx512_dot_amd64.s, body avx512_dot_amd64.h)."},
	{family: "Dot", axes: []axis{rowLens(128), someWidths(2, 4), groups(64), passes(1, 2, 4)}, sig: "(a *avx512RowArgs)", call: "avx512CallDotRow",
		doc: "Dot on rows of one shape, four rows at a time (avx512_dot_amd64.s, body\navx512_dot_row_amd64.h)."},
	{family: "Dot", axes: []axis{floats(), passes(1, 2, 4)}, sig: "(a *avx512DotArgs)", call: "avx512CallDotFloat",
		doc: "Dot on fp16 and float32 rows (avx512_float_amd64.s, body\navx512_float_dot_amd64.h)."},
	{family: "Dot", axes: []axis{rowLens(128), floats(), passes(1, 2, 4)}, sig: "(a *avx512RowArgs)", call: "avx512CallDotRowFloat",
		doc: "Dot on fp16 and float32 rows of one length, four rows at a time\n(avx512_float_amd64.s, body avx512_dot_row_amd64.h)."},
	{family: "DotRowXTables", sig: "(dst, x *float32, cols *int32, scales *float32, fields, pass int) (lossy bool)",
		doc: "avx512DotRowXTables writes the x tables of the Dot row kernels and\nreports whether scaling lost bits of x (avx512_dot_amd64.s)."},
	{family: "DotQ8", axes: []axis{units(64, 32), widths(2, 8), passes(1, 2, 4)}, sig: "(a *avx512DotQ8Args)", call: "avx512CallDotQ8",
		doc: "DotQ8 on codes whose group is a multiple of 32, the general kernels, by\nthe values of a step (avx512_dotq8_amd64.s, body avx512_dotq8_amd64.h)."},
	{family: "DotQ8", axes: []axis{rowLens(128), widths(2, 8), groups(64), passes(1)}, sig: "(a *avx512RowArgs)", call: "avx512CallDotQ8Row",
		doc: "DotQ8 on rows of one shape, four rows at a time (avx512_dotq8_amd64.s,\nbody avx512_dotq8_row_amd64.h)."},
	{family: "AddWeighted", axes: []axis{widths(2, 8), passes(1, 2, 4)}, sig: "(a *avx512DotArgs)", call: "avx512CallAddWeighted",
		doc: "AddWeighted on codes whose group is a multiple of 32, the general kernels\n(avx512_addweighted_amd64.s, body avx512_addweighted_amd64.h)."},
	{family: "AddWeighted", axes: []axis{rowLens(128), someWidths(2, 4), groups(64), passes(1)}, sig: "(a *avx512RowArgs)",
		doc: "AddWeighted on rows of one shape (avx512_addweighted_amd64.s, body\navx512_addweighted_row_amd64.h)."},
	{family: "AddWeighted", axes: []axis{floats(), passes(1, 2, 4)}, sig: "(a *avx512DotArgs)", call: "avx512CallAddWeightedFloat",
		doc: "AddWeighted on fp16 and float32 rows (avx512_float_amd64.s, body\navx512_float_addweighted_amd64.h)."},
	{family: "AddWeighted", axes: []axis{rowLens(128), floats(), passes(1)}, sig: "(a *avx512RowArgs)", call: "avx512CallAddWeightedRowFloat",
		doc: "AddWeighted on fp16 and float32 rows of one length (avx512_float_amd64.s,\nbody avx512_addweighted_row_amd64.h)."},
	{family: "Quantize", axes: []axis{widths(2, 8)}, sig: "(a *avx512QuantizeArgs)", call: "avx512CallQuantize",
		doc: "Quantize to asymmetric codes (avx512_quantize_amd64.s, body\navx512_quantize_amd64.h)."},
	{family: "Quantize", axes: []axis{fixed("Sym"), widths(2, 8)}, sig: "(a *avx512QuantizeArgs)", call: "avx512CallQuantizeSym",
		doc: "Quantize to symmetric codes."},
	{family: "QuantizeF16", sig: "(dst *uint16, src *float32, n int)",
		doc: "avx512QuantizeF16 converts n float32 values to fp16 (avx512_quantize_amd64.s)."},
	{family: "Dequantize", axes: []axis{widths(2, 8)}, sig: "(a *avx512DotArgs)", call: "avx512CallDequantize",
		doc: "Dequantize of codes (avx512_dequantize_amd64.s, body\navx512_dequantize_amd64.h)."},
	{family: "DequantizeF16", sig: "(dst *float32, src *uint16, n int)",
		doc: "avx512DequantizeF16 converts n fp16 values to float32\n(avx512_dequantize_amd64.s)."},
	{family: "QuantizeQ8", sig: "(x *float32, values *int8, scales, sums *float32, groups, group int)",
		doc: "avx512QuantizeQ8 quantizes groups groups of group values\n(avx512_quantizeq8_amd64.s)."},
	{family: "SoftmaxMax", sig: "(x *float32, n int) (max float32, nan bool)",
		doc: "The three passes of Softmax (avx512_softmax_amd64.s): the max and whether\nx holds a NaN; exp(x - max) in place and its sum; the product with s."},
	{family: "SoftmaxExp", sig: "(x *float32, n int, max float32) (sum float32)", doc: "See avx512SoftmaxMax."},
	{family: "SoftmaxScale", sig: "(x *float32, n int, s float32)", doc: "See avx512SoftmaxMax."},
}}

var neon = tier{name: "neon", sets: []set{
	{family: "Unpack", sig: "(dst, src *byte, groups, group, bits, p2, p1 int, tail *neonTailWindow, prog *neonShortProgram)",
		doc: "neonUnpack and neonPack convert groups of more than 32 codes between their\nbit planes and one byte per code (neon_pack_arm64.s)."},
	{family: "Pack", sig: "(dst, src *byte, groups, group, bits, p2, p1 int, tail *neonTailWindow, prog *neonShortProgram)", doc: "See neonUnpack."},
	{family: "UnpackShort", sig: "(dst, src *byte, steps, inStep, outStep int, prog *neonShortProgram)",
		doc: "neonUnpackShort and neonPackShort convert groups of 8, 16 and 24 codes\n(neon_pack_arm64.s, TBL programs of neon_short_arm64.go)."},
	{family: "PackShort", sig: "(dst, src *byte, steps, inStep, outStep int, prog *neonShortProgram)", doc: "See neonUnpackShort."},
	{family: "DotCodes", sig: "(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride int, negOff float32, x *float32, xstride, nq int, xs *float32, ostride int)",
		doc: "Dot on unpacked codes (neon_dot_arm64.s)."},
	{family: "DotCodes", axes: []axis{groups(8, 16, 32)}, sig: "(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *float32, xstride, nq int, xs *float32, xsstride, ostride int)", call: "neonCallDotCodes",
		doc: "Dot on unpacked codes in groups of 8, 16 and 32, several groups a block, the\ncodes times their scale per lane (neon_dot_arm64.s, neon_dot_lane_arm64.h)."},
	{family: "DotQ8Codes", sig: "(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs *float32, qsstride int, ss *float32, ostride, mode int)",
		doc: "DotQ8 on unpacked codes (neon_dotq8_arm64.s)."},
	{family: "DotQ8Codes", axes: []axis{q8Modes(), groups(8, 16, 32)}, sig: "(out *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs, ss *float32, qsstride, ostride int)", call: "neonCallDotQ8Codes",
		doc: "DotQ8 on unpacked codes in groups of 8, 16 and 32, several groups a block, per\ninteger mode (neon_dotq8_arm64.s, neon_dotq8_lane_arm64.h)."},
	{family: "AddWeightedCodes", sig: "(y *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32)",
		doc: "AddWeighted on unpacked codes (neon_addweighted_arm64.s)."},
	{family: "AddWeightedCodes", axes: []axis{groups(8, 16, 32)}, sig: "(y *float32, codes *byte, rows, cols int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32, wmstride int)", call: "neonCallAddWeightedCodes",
		doc: "AddWeighted on unpacked codes in groups of 8, 16 and 32, several groups a block\n(neon_addweighted_arm64.s, neon_addweighted_lane_arm64.h)."},
	{family: "QuantizeCodes", sig: "(dst *byte, x *float32, groups, group int, scales, mins *uint16, qlo, qhi, div float32, off int)",
		doc: "Quantize to unpacked codes (neon_quantize_arm64.s)."},
	{family: "QuantizeCodes", axes: []axis{groups(8, 16, 32)}, sig: "(dst *byte, x *float32, quads int, scales, mins *uint16, qlo, qhi, div float32, off int)", call: "neonCallQuantizeCodes",
		doc: "Quantize to unpacked codes in groups of 8, 16 and 32, 4 groups at a time\n(neon_quantize_arm64.s)."},
	{family: "QuantizeF16", sig: "(dst *uint16, x *float32, n int)",
		doc: "neonQuantizeF16 converts n float32 values to fp16 (neon_quantize_arm64.s)."},
	{family: "CopyF32", sig: "(dst, src *float32, n int)",
		doc: "neonCopyF32 copies n float32 values (neon_quantize_arm64.s)."},
	{family: "DequantizeCodes", sig: "(dst *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride, dstride int, off float32)",
		doc: "Dequantize of unpacked codes (neon_dequantize_arm64.s)."},
	{family: "DequantizeCodes", axes: []axis{groups(8, 16, 32)}, sig: "(dst *float32, codes *byte, rows, cols int, scales, mins *uint16, dstride int, off float32)", call: "neonCallDequantizeCodes",
		doc: "Dequantize of unpacked codes in groups of 8, 16 and 32, several groups a block\n(neon_dequantize_arm64.s, neon_dequantize_lane_arm64.h)."},
	{family: "DequantizeF16", sig: "(dst *float32, src *uint16, n int)",
		doc: "neonDequantizeF16 converts n fp16 values to float32 (neon_dequantize_arm64.s)."},
	{family: "AbsBitsMax", sig: "(x *float32, n int) uint32",
		doc: "neonAbsBitsMax is absBitsMax on n values at x (neon_scan_arm64.s)."},
	{family: "Dot", axes: []axis{floats()}, sig: "(out *float32, data *byte, n, cols, rowstride int, x *float32, xstride, nq, ostride int)", call: "neonCallDot",
		doc: "Dot on fp16 and float32 rows (neon_float_arm64.s)."},
	{family: "DotQ8", axes: []axis{floats()}, sig: "(out *float32, data *byte, n, cols, rowstride int, x *int8, xstride, nq, ostride int, qs *float32, qsstride int)", call: "neonCallDotQ8",
		doc: "DotQ8 on fp16 and float32 rows (neon_float_arm64.s)."},
	{family: "AddWeighted", axes: []axis{floats()}, sig: "(y *float32, data *byte, n, cols, rowstride int, w *float32, wstride, nq, ystride int)", call: "neonCallAddWeighted",
		doc: "AddWeighted on fp16 and float32 rows (neon_float_arm64.s)."},
	{family: "QuantizeQ8", sig: "(values *int8, x *float32, scales, sums *float32, groups, group int)",
		doc: "neonQuantizeQ8 quantizes groups groups of group values (neon_quantizeq8_arm64.s)."},
	{family: "SoftmaxMax", sig: "(x *float32, n int) float32",
		doc: "The three passes of Softmax (neon_softmax_arm64.s): the max; exp(x - m)\nin place and its sum; the product with s."},
	{family: "SoftmaxExp", sig: "(x *float32, n int, m float32) float32", doc: "See neonSoftmaxMax."},
	{family: "SoftmaxScale", sig: "(x *float32, n int, s float32)", doc: "See neonSoftmaxMax."},
}}

// q8Modes are the integer dot products of the neon DotQ8 kernels, selected
// by the mode their Go code computes: Smull (codes < 128), Wide (8-bit
// codes), Sdot and Udot (the same with dotprod).
func q8Modes() axis {
	names := []string{"Smull", "Wide", "Sdot", "Udot"}
	return axis{param: "mode", values: []int{0, 1, 2, 3}, token: func(m int) string { return names[m] }, label: "<mode>"}
}
