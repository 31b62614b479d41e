//go:build gc && !purego

package lowbit

import "unsafe"

// avx2DequantizeArgs are the arguments of the Dequantize kernels
// avx2DequantizeW<bits>.
type avx2DequantizeArgs struct {
	avx2Walk
	dst       unsafe.Pointer // the first group's first value
	add       float32        // added to each code first: 0, or -2^(bits-1) when symmetric
	shiftStep int            // bytes the shift pointer advances per group: 2, or 0 when symmetric
	units     int            // groups to dequantize (rows × groups per row)
}

// avx2F16NegZero is the fp16 -0 that symmetric Dequantize adds to every
// value (x + -0 = x, whatever the sign of x).
var avx2F16NegZero uint16 = 0x8000

// dequantizeAVX2 is Dequantize: bit-exact with the generic kernel. float32
// rows are copied (memmove).
func dequantizeAVX2(dst []float32, r Rows) {
	pick(r.Format, avx2Codes, dequantizeFloatAVX2, dequantizeCodesAVX2, dequantizeGeneric)(dst, r)
}

// dequantizeFloatAVX2 is Dequantize for fp16 rows (VCVTPH2PS, 8 values at
// a time, then the tail in Go) and float32 rows (copied).
func dequantizeFloatAVX2(dst []float32, r Rows) {
	if r.Format.Bits == 32 {
		copy(dst, unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(r.Data))), len(dst)))
		return
	}
	avx2F16s(dst, unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(r.Data))), len(r.Data)/2))
}

// dequantizeCodesAVX2 is Dequantize for code formats: all groups of a
// chunk of rows in one call (the tail kernels for groups that end with a
// block of 8, 16 or 24 values).
func dequantizeCodesAVX2(dst []float32, r Rows) {
	f, cols := r.Format, r.Cols
	n, groups := r.Len(), f.Groups(cols)
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		var a avx2DequantizeArgs // built in place: see avx2Walk.set
		a.dst = unsafe.Pointer(&dst[i0*cols])
		a.units = (i1 - i0) * groups
		if f.Symmetric {
			a.avx2Walk.set(r, r.Scales, i0, i1, 0, groups)
			a.avx2Walk.shifts = unsafe.Pointer(&avx2F16NegZero)
			a.add = -float32(int(1) << (f.Bits - 1))
		} else {
			a.avx2Walk.set(r, r.Mins, i0, i1, 0, groups)
			a.shiftStep = 2
		}
		if avx2Blocks(f) {
			avx2CallDequantize(f.Bits, &a)
		} else {
			a.kEnd = 4 * (f.Group / 32)
			avx2CallDequantizeTail(f.Bits, avx2Tail(f), &a)
		}
	}
}
