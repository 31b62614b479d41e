//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512ZeroF16 is the fp16 "min" of symmetric rows for the Dot kernels,
// which add -2^(Bits-1)*scale to it.
var avx512ZeroF16 uint16

// avx512Pass returns the query (weight) rows of the next pass when rem are
// left: 4, 2 or 1, the passes the kernels have. The loops over passes read
//
//	for j0, pass := 0, 0; j0 < nq; j0 += pass {
//		pass = avx512Pass(nq - j0)
//		…
//	}
func avx512Pass(rem int) int {
	switch {
	case rem >= 4:
		return 4
	case rem >= 2:
		return 2
	}
	return 1
}

// dotAVX512 is Dot. Code formats whose group is a multiple of 32 run
// avx512DotW<bits>X<pass>: each block of codes is dequantized once per pass
// of up to 4 query rows (lookup tables for widths 2-5, conversion for 6-8)
// and multiplied into every query row; 2- and 4-bit rows of 64, 96, 128
// and 256 values run row kernels instead (dotCodesAVX512), also in groups
// of 16, or on 2-bit rows of 64, 128 and 256 in groups of 32 and more the
// pair kernels (avx512DotRowPairs). fp16 and float32 rows run
// avx512DotF<bits>X<nq>; rows of 8 in one group of 2- to 4-bit codes
// avx512DotRow8W<bits>X<nq>, rows of 2 to 32 such groups
// avx512DotG8W<bits>X<nq>, other rows of 2 to 16 groups of 16 2- or 4-bit
// codes avx512DotG16W<bits>X<nq>; other groups run the avx2 lane kernels
// (dotAVX2).
func dotAVX512(out []float32, r Rows, x []float32) {
	if avx2Row8(r) {
		dotRow8CodesAVX512(out, r, x)
		return
	}
	if avx512DotRowG8Serves(r, len(x)/r.Cols) {
		avx512DotRowPasses(out, r, x)
		return
	}
	if avx512Group8(r) {
		dotGroup8AVX512(out, r, x)
		return
	}
	if (r.Format.Group == 16 || r.Cols == 80) && avx512DotRowCodes(r.Format, r.Cols) {
		// The row kernels of groups of 16 (rows of 64, 80, 96, 128 and
		// 256) and of rows of 80 in one group.
		avx512DotRowPasses(out, r, x)
		return
	}
	if avx512Group16(r) && (r.Cols < 256 || len(x) > r.Cols) {
		// On rows of 256 one query row runs as fast or faster on the avx2
		// lane kernels (Intel Xeon family 6 model 207, 512K values in L2,
		// v/ns lanes against gathers: q2g16 9.1 against 7.6, q4g16 7.9
		// against 7.7); elsewhere the gathers win by 1.02-2.5x.
		dotGroup16AVX512(out, r, x)
		return
	}
	pick(r.Format, avx512Codes, dotFloatAVX512, dotCodesAVX512, dotAVX2)(out, r, x)
}

// avx512DotRowG8Serves reports whether the row kernels of groups of 8 run
// Dot on r for nq query rows: 4-bit rows of 64, 96, 128 and 256 for any
// number, 4-bit rows of 80 for one or two (Intel Xeon family 6 model 167,
// 4096 rows, µs per query row, row kernels against the gathers: one 16.4
// against 27-31, two 13.2 against 16, four 12.6 against 10), 2-bit rows of
// 64, 80, 96, 128 and 256 for one (the gathers measured faster for two and
// four, and the 2-bit kernels take one query row only). Otherwise the group-of-8
// gathers serve.
func avx512DotRowG8Serves(r Rows, nq int) bool {
	f := r.Format
	if f.Group != 8 || !avx512DotRowCodes(f, r.Cols) {
		return false
	}
	if f.Bits == 2 {
		return nq == 1
	}
	return r.Cols != 80 || nq < 3
}

// avx512W2G8One panics unless pass is 1: the 2-bit Dot row kernels of
// groups of 8 take one query row (avx512DotRowG8Serves sends them no
// more).
func avx512W2G8One(pass int) {
	if pass != 1 {
		panic("lowbit: the 2-bit Dot row kernels of groups of 8 take one query row")
	}
}

// dotCodesAVX512 is Dot for code formats whose group is a multiple of 32:
// the row kernels where they serve the shape (avx512DotRowCodes), avx2's
// kernels for one query row on other rows of 64, else the general kernels.
func dotCodesAVX512(out []float32, r Rows, x []float32) {
	f := r.Format
	n, cols := r.Len(), r.Cols
	if n == 0 {
		return
	}
	if avx512DotRowCodes(f, cols) {
		avx512DotRowPasses(out, r, x)
		return
	}
	if len(x) == cols && cols == 64 {
		// One query row on other rows of 64: avx2's unit kernels beat the
		// general avx512 kernels (Intel Xeon family 6 model 207, 512 rows
		// in L2, v/ns, measured before the row kernels took 2- and 4-bit
		// codes: q4g64 12.8 against 10.4, q4g32 6.1 against 3.8, q8g64
		// 12.2 against 6.8).
		dotCodesAVX2(out, r, x)
		return
	}
	dotGeneralAVX512(out, r, x)
}

// avx512DotRowCodes reports whether Dot on rows of cols values of format
// f has row kernels, or for 2-bit codes in groups of 32 and more on rows of
// 64, 128 and 256 pair kernels (avx512DotRowPasses runs either): 2- and
// 4-bit codes in groups of 8 on rows of 64, 80, 96, 128 and 256; 2- and
// 4-bit codes on rows of 128 (groups of 16 to 128), 64 (16 to 64), 96
// (avx512Row96Codes) and 256 (16 to 256), and 4-bit codes on rows of 80
// (groups of 16 and 80).
func avx512DotRowCodes(f Format, cols int) bool {
	if f.Group == 8 {
		return (f.Bits == 4 || f.Bits == 2) && (cols == 64 || cols == 80 || cols == 96 || cols == 128 || cols == 256)
	}
	switch cols {
	case 128:
		return avx512RowCodes(f) || f.Group == 16 && (f.Bits == 2 || f.Bits == 4)
	case 64:
		return avx512Row64Codes(f)
	case 96:
		return avx512Row96Codes(f)
	case 80:
		return avx512Row80Codes(f)
	case 256:
		return avx512Row256Codes(f) || avx512Row256G16(f)
	}
	return false
}

// avx512DotRowPasses runs the Dot row kernel of r's shape (see
// avx512DotRowCodes) over the query rows x in passes of up to 4; a pass
// whose query values the row kernels cannot take exactly runs the gather
// kernels (groups of 8 and 16) or the general kernels instead.
func avx512DotRowPasses(out []float32, r Rows, x []float32) {
	f := r.Format
	n, cols := r.Len(), r.Cols
	if n == 0 {
		return
	}
	nq := len(x) / cols
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = avx512Pass(nq - j0)
		o, xp := out[j0*n:(j0+pass)*n], x[j0*cols:(j0+pass)*cols]
		var ok bool
		switch {
		case avx512DotPairsServe(f, cols):
			avx512DotRowPairs(o, r, xp, pass)
			ok = true
		case f.Group == 8 && f.Bits == 2 && (cols == 80 || cols == 96):
			ok = avx512DotRowW2G8(o, r, xp, pass)
		case cols == 128:
			ok = avx512DotRow(o, r, xp, pass)
		case cols == 64:
			ok = avx512DotRow64(o, r, xp, pass)
		case cols == 80:
			ok = avx512DotRow80(o, r, xp, pass)
		case cols == 96 && f.Bits == 4:
			ok = avx512DotRow96(o, r, xp, pass)
		case cols == 96:
			ok = avx512DotRow96W2(o, r, xp, pass)
		case f.Bits == 4:
			ok = avx512DotRow256(o, r, xp, pass)
		default:
			ok = avx512DotRow256W2(o, r, xp, pass)
		}
		switch {
		case ok:
		case f.Group == 16:
			dotGroup16AVX512(o, r, xp)
		case f.Group == 8:
			dotGroup8AVX512(o, r, xp)
		case f.Group%32 != 0:
			dotAVX2(o, r, xp) // rows of 80 in one group
		default:
			dotGeneralAVX512(o, r, xp)
		}
	}
}

// dotGeneralAVX512 is Dot for code formats whose group is a multiple of 32
// by the general kernels (avx512DotW<bits>X<pass>), for any query values.
func dotGeneralAVX512(out []float32, r Rows, x []float32) {
	var scratchBuf [4*16*16 + 16]float32
	scratch := avx512AlignFloats(scratchBuf[:])
	a := avx512CodeArgs(r)
	a.scratch = unsafe.Pointer(&scratch[0])
	avx512DotPasses(a, out, x, r.Cols, r.Format.Bits)
}

// avx512DotPasses runs the general Dot kernels of a (bits: the code width,
// or 16 and 32 for fp16 and float32 rows) over the query rows x in passes
// of up to 4, each pass's query rows copied to an aligned buffer when they
// are misaligned (avx512DotAligned).
func avx512DotPasses(a avx512DotArgs, out, x []float32, cols, bits int) {
	n, nq := a.n, len(x)/cols
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = avx512Pass(nq - j0)
		xp := x[j0*cols : (j0+pass)*cols]
		a.out = unsafe.Pointer(&out[j0*n])
		if avx512Misaligned(xp) {
			avx512DotAligned(a, xp, bits, pass)
		} else {
			a.x = unsafe.Pointer(&xp[0])
			avx512CallDotKernel(bits, pass, &a)
		}
	}
}

// avx512CallDotKernel calls the general Dot kernel of a code width (bits
// below 16) or of fp16 or float32 rows (16, 32).
func avx512CallDotKernel(bits, pass int, a *avx512DotArgs) {
	if bits < 16 {
		avx512CallDot(bits, pass, a)
	} else {
		avx512CallDotFloat(bits, pass, a)
	}
}

// avx512DotAligned runs a Dot kernel on a 64-byte aligned copy of
// the query rows x (bits: the code width, or 16 and 32 for the float
// kernels): the kernels load x with 512-bit memory operands, at half speed
// when they cross cache lines. The copy's array is zeroed only on this
// path, and a copy of the arguments keeps it on the stack.
func avx512DotAligned(a avx512DotArgs, x []float32, bits, pass int) {
	var xBuf [avx512DotAlignedX + 16]float32
	xa := avx512AlignFloats(xBuf[:])
	copy(xa, x)
	a.x = unsafe.Pointer(&xa[0])
	avx512CallDotKernel(bits, pass, &a)
}

// avx512Misaligned reports whether x should be copied to a 64-byte aligned
// buffer of avx512DotAlignedX values for the Dot kernels.
func avx512Misaligned(x []float32) bool {
	return uintptr(unsafe.Pointer(&x[0]))&63 != 0 && len(x) <= avx512DotAlignedX
}

// avx512DotAlignedX bounds the query values a Dot pass copies to align them.
const avx512DotAlignedX = 1024

// avx512CodeArgs returns the arguments of the general Dot and AddWeighted
// kernels for the code rows r (group a multiple of 32) that do not depend
// on the query or weight rows: the rows, their planes and groups, the
// strides of 4-byte x and out rows, and the mins (or, for symmetric
// formats, the zero min and the offset -2^(Bits-1)).
func avx512CodeArgs(r Rows) avx512DotArgs {
	f := r.Format
	n, cols := r.Len(), r.Cols
	p2, p1 := pack.PlaneOffsets(f.Bits, f.Group)
	a := avx512DotArgs{
		data:          unsafe.Pointer(&r.Data[0]),
		scales:        unsafe.Pointer(&r.Scales[0]),
		mins:          unsafe.Pointer(&avx512ZeroF16),
		n:             n,
		rowBytes:      f.RowBytes(cols),
		rowScaleBytes: 2 * f.Groups(cols),
		groups:        f.Groups(cols),
		blockLimit:    f.Group / 32 * 4,
		groupBytes:    f.Group * f.Bits / 8,
		off2:          p2,
		off1:          p1,
		xStride:       4 * cols,
		outStride:     4 * n,
	}
	if f.Symmetric {
		a.negOff = int(math.Float32bits(-float32(int(1) << (f.Bits - 1))))
	} else {
		a.mins = unsafe.Pointer(&r.Mins[0])
		a.rowMinBytes, a.minStride = a.rowScaleBytes, 2
	}
	return a
}

// avx512DotRow runs the Dot row kernel of rows of 128 values
// (avx512CallDotRowShape: 4-bit codes in groups of 8 to 128, 2-bit codes in
// groups of 8 or 16; four rows at a time) for pass query rows x; a last
// partial block of rows is copied to a padded one. It returns false, having
// written nothing, when the kernel's products cannot be exact for x: when
// a query value times 16^-k (4^-k) is a float32 subnormal, which may have
// lost bits; that takes nonzero query values below 2^-98 (2^-96 for 2-bit
// codes), and the gather or general kernels serve them (see
// avx512DotRowTables).
func avx512DotRow(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf [4*16*16 + 8*16 + 16]float32
		sgBuf   [4*32 + 16]float32
	)
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	if !avx512DotRowTables(recs, sg, r.Format, x, pass) {
		return false
	}
	mins, _ := shiftSource(r)
	avx512DotRowRun(out, r, mins, recs, sg, pass)
	return true
}

// avx512DotRowRun runs the Dot row kernel of r's shape (avx512CallDotRowOf:
// rows of 64, 96, 128 or 256 values) with the x tables recs and the shift
// sums sg of pass query rows, the shift terms' source mins (the scales when
// symmetric); a last partial block of rows (four, or eight for 2-bit rows
// of 96, four query rows on 4-bit rows of 96 in groups of 16 and the
// eight-row kernels of rows of 64, avx512Row64Octets) is copied to a
// padded block.
func avx512DotRowRun(out []float32, r Rows, mins []uint16, recs, sg []float32, pass int) {
	f, cols := r.Format, r.Cols
	step := 4
	if cols == 96 && (f.Bits == 2 || f.Group == 16 && pass == 4) || cols == 64 && avx512Row64Octets(f, pass) {
		step = 8
	}
	var scratchBuf [4*4*16 + 16]float32
	scratch := avx512AlignFloats(scratchBuf[:])
	n := len(out) / pass
	nb := n - n%step
	a := avx512RowArgs{
		recs:      unsafe.Pointer(&recs[0]),
		sg:        unsafe.Pointer(&sg[0]),
		scratch:   unsafe.Pointer(&scratch[0]),
		outStride: 4 * n,
	}
	if nb > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), nb
		avx512CallDotRowOf(f, cols, pass, &a)
	}
	if nb < n {
		var (
			data          [4 * 128]byte  // a block: 4 rows of 256 4-bit codes at most
			scales, mins4 [4 * 32]uint16 // 4 rows of 256 in groups of 8 at most
			tail          [4 * 8]float32
		)
		g, rb := f.Groups(cols), f.RowBytes(cols)
		copy(data[:], r.Data[nb*rb:])
		copy(scales[:], r.Scales[g*nb:])
		copy(mins4[:], mins[g*nb:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), step, 4*step
		avx512CallDotRowOf(f, cols, pass, &a)
		for j := 0; j < pass; j++ {
			copy(out[j*n+nb:(j+1)*n], tail[step*j:])
		}
	}
}

// avx512CallDotRowOf calls the Dot row kernel of rows of cols values of
// format f (those avx512DotRowRun serves).
func avx512CallDotRowOf(f Format, cols, pass int, a *avx512RowArgs) {
	switch {
	case cols == 128:
		avx512CallDotRowShape(f, pass, a)
	case f.Group == 8 && f.Bits == 2:
		avx512W2G8One(pass)
		avx512DotRow64W2G8X1(a)
	case f.Group == 8:
		avx512CallDotRowG8(cols, pass, a)
	case cols == 256:
		avx512CallDotRow256(f.Group, pass, a)
	case cols == 96 && f.Bits == 2 && f.Group == 16:
		avx512CallDotRow96W2G16(pass, a)
	case cols == 96 && f.Bits == 2:
		avx512CallDotRow96(2, f.Group, pass, a)
	case cols == 96:
		avx512CallDotRow96Of(f, pass, a)
	case f.Bits == 2:
		// Rows of 64 in groups of 16.
		avx512NoRowKernel(f, cols)
		avx512CallDotRow64W2G16(pass, a)
	default:
		avx512CallDotRow64(f.Group, pass, a)
	}
}

// avx512NoRowKernel panics if the Dot pair kernels serve rows of cols
// values of format f (avx512DotPairsServe): those shapes, 2-bit codes in
// groups of 32 and more on rows of 64, 128 and 256, have no row kernels,
// and the generated switches that would run for them look at neither the
// code width (rows of 128: avx512CallDotRow, avx512CallDotRowG32) nor the
// group (rows of 64 and 256: avx512CallDotRow64W2G16,
// avx512CallDotRow256W2G16).
func avx512NoRowKernel(f Format, cols int) {
	if avx512DotPairsServe(f, cols) {
		panic("lowbit: the Dot pair kernels, not the row kernels, serve 2-bit codes in groups of 32 and more on rows of 64, 128 and 256")
	}
}

// avx512DotRowTables lays out the query rows x for the 4-bit (2-bit) Dot
// row kernels of rows of 128 (2-bit codes: groups of 16 and 8, the pair
// kernels taking the others): per query row and nibble k (0-7) (2-bit
// field k, 0-15) of a code dword, the x value of each dword lane's nibble
// times 16^-k (4^-k: the kernel converts the field in place, as q*16^k or
// q*4^k); and the query rows' group sums (times -2^(Bits-1) when
// symmetric) where the kernel puts the rows' mins (groups of 64 and 128:
// lanes 8-11 for group 0, 12-15 for group 1). It returns false if a
// scaled x value is a nonzero float32 subnormal, which may have lost bits
// (the kernel's products q*16^k * x*16^-k would not be q*x), and then
// stops there.
func avx512DotRowTables(recs, sg []float32, f Format, x []float32, pass int) bool {
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	if f.Bits == 2 {
		// Groups of 16 or 8: the pair kernels take the others.
		cols := &avx512RowCols2G16[0][0]
		if f.Group == 8 {
			cols = &avx512RowCols2G8[0][0]
		}
		if avx512DotRowXTables(&recs[0], &x[0], cols, &avx512RowScales2[0], 16, pass) {
			return false
		}
	} else {
		cols := &avx512RowCols4[0][0]
		switch f.Group {
		case 16:
			cols = &avx512RowCols4G16[0][0]
		case 8:
			cols = &avx512RowCols4G8[0][0]
		}
		if avx512DotRowXTables(&recs[0], &x[0], cols, &avx512RowScales4[0], 8, pass) {
			return false
		}
		// The four-query kernel keeps query row 0's table in registers and
		// reads the nibble masks from here, after the tables.
		copy(recs[4*8*16:], avx512RowMasks4[:])
	}
	for j := 0; j < pass; j++ {
		xj := x[j*128 : (j+1)*128]
		if f.Group == 8 && f.Bits == 2 {
			// Lane l of the first 16 (of the second): group 2(l%8)'s sum
			// (2(l%8)+1's); 32 floats per query row.
			for l := range 16 {
				sg[j*32+l] = mul * sumFloats(xj[16*(l%8):][:8])
				sg[j*32+16+l] = mul * sumFloats(xj[16*(l%8)+8:][:8])
			}
			continue
		}
		if f.Group == 8 {
			// Lane l: group l's sum.
			for l := range 16 {
				sg[j*16+l] = mul * sumFloats(xj[8*l:][:8])
			}
			continue
		}
		if f.Group == 16 {
			// 4-bit: lane 4L+q (rows 2(q/2) and 2(q/2)+1 of a quad's
			// pairs): group 2L+q%2's sum; 2-bit: lane l, group l%8's.
			for l := range 16 {
				g := 2*(l/4) + l%2
				if f.Bits == 2 {
					g = l % 8
				}
				sg[j*16+l] = mul * sumFloats(xj[16*g:][:16])
			}
			continue
		}
		if f.Group == 32 {
			var sums [4]float32
			for g := range sums {
				sums[g] = mul * sumFloats(xj[32*g:][:32])
			}
			for l := range 16 {
				// Lane 4L+r holds group L (4-bit codes: 2-bit codes in
				// groups of 32 run the pair kernels).
				sg[j*16+l] = sums[l/4]
			}
			continue
		}
		s0, s1 := sumFloats(xj[:64]), sumFloats(xj[64:])
		for l := range 4 {
			sg[j*16+8+l], sg[j*16+12+l] = mul*s0, mul*s1
		}
	}
	return true
}

// avx512RowCodes reports whether the AddWeighted row kernels and Dot's row
// kernels (2-bit codes: its pair kernels) take codes of format f on rows
// of 128 values, in groups of 32, 64 or 128 (those of rows of 64 take the
// groups of 32 and 64): 2- and 4-bit codes.
func avx512RowCodes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4) && (f.Group == 32 || f.Group == 64 || f.Group == 128)
}

// avx512CallDotRowShape calls the Dot row kernel of rows of 128 values in
// format f: 2- and 4-bit codes in groups of 8 or 16, 4-bit codes in groups
// of 32, 64 or 128 (2-bit codes in those: the pair kernels).
func avx512CallDotRowShape(f Format, pass int, a *avx512RowArgs) {
	if f.Group == 8 && f.Bits == 2 {
		avx512W2G8One(pass)
		avx512DotRow128W2G8X1(a)
		return
	}
	if f.Group == 8 {
		avx512CallDotRowG8(128, pass, a)
		return
	}
	if f.Group == 16 {
		avx512CallDotRowG16(f.Bits, pass, a)
		return
	}
	avx512NoRowKernel(f, 128)
	if f.Group == 32 {
		avx512CallDotRowG32(pass, a)
	} else {
		avx512CallDotRow(f.Group, pass, a)
	}
}

// The lanes' columns and scales of the Dot row kernels' x tables: field k
// of dword lane l holds column avx512RowColsN[k][l] and is scaled by
// avx512RowScalesN[k] (16^-k or 4^-k). 4-bit: the nibble k of a lane's
// four code bytes, column 32*(l/4) + 4*(l%4) + k/2 + 16*(k%2); 2-bit codes
// in groups of 16 and 8 below (the pair kernels take the others).
var (
	avx512RowMasks4  [8 * 16]float32 // the nibble masks of the four-query kernel: 0xf << 4k in the 16 lanes of vector k
	avx512RowCols4   [8][16]int32
	avx512RowScales4 [8]float32
	avx512RowScales2 [16]float32

	// 2-bit codes in groups of 16, one code dword each (byte j holding
	// values j, j+4, j+8 and j+12): field k of lane l (of either row)
	// holds column 16*(l%8) + k/4 + 4*(k%4).
	avx512RowCols2G16 [16][16]int32

	// 4-bit codes in groups of 16, whose blocks are one group each (8
	// bytes, byte j holding values j and j+8): nibble k of lane l holds
	// column 32*(l/4) + 16*(l%4/2) + 4*(l%2) + k/2 + 8*(k%2).
	avx512RowCols4G16 [8][16]int32

	// 4-bit codes in groups of 8, one code dword each (byte j holding
	// values j and j+4): nibble k of lane l holds column 8*l + k/2 +
	// 4*(k%2).
	avx512RowCols4G8 [8][16]int32

	// 2-bit codes in groups of 8, two per code dword (bytes 0-1 and 2-3,
	// byte j holding values j, j+2, j+4 and j+6 of its group): field k of
	// lane l (of either row) holds group 2(l%8)+k/8's code position k%8.
	avx512RowCols2G8 [16][16]int32
)

func init() {
	for k := range 8 {
		for l := range 16 {
			avx512RowMasks4[16*k+l] = math.Float32frombits(0xf << (4 * k))
		}
		avx512RowScales4[k] = float32(math.Ldexp(1, -4*k))
		for l := range 16 {
			avx512RowCols4[k][l] = int32(32*(l/4) + 4*(l%4) + k/2 + 16*(k%2))
			avx512RowCols4G16[k][l] = int32(32*(l/4) + 16*(l%4/2) + 4*(l%2) + k/2 + 8*(k%2))
			avx512RowCols4G8[k][l] = int32(8*l + k/2 + 4*(k%2))
		}
	}
	for k := range 16 {
		for l := range 16 {
			avx512RowCols2G16[k][l] = int32(16*(l%8) + k/4 + 4*(k%4))
			avx512RowCols2G8[k][l] = int32(8*(2*(l%8)+k/8) + pack.PlaneColumn(2, 8, k%8))
		}
		avx512RowScales2[k] = float32(math.Ldexp(1, -2*k))
	}
}
