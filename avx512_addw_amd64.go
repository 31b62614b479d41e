//go:build !purego

package lowbit

import (
	"math"
	"unsafe"
)

// addWeightedAVX512 is AddWeighted. Code formats whose group is a multiple
// of 32 run avx512AddWeightedW<bits>Q<pass>: each block of codes is
// dequantized once per pass of up to 4 weight rows (as Dot does) and added,
// times the row's weight, into each weight row's y. Other groups run the
// generic code; fp16 and float32 rows run addWeightedFloatAVX512.
func addWeightedAVX512(y []float32, r Rows, w []float32) {
	f := r.Format
	if !f.Quantized() {
		addWeightedFloatAVX512(y, r, w)
		return
	}
	if f.Group%32 != 0 {
		addWeightedGeneric(y, r, w)
		return
	}
	n, cols := r.Len(), r.Cols
	if cols == 128 && len(w) == n && (f.Bits == 4 || f.Bits == 2) && f.Group == 64 && avx512AddWeightedRow(y, r, w) {
		return
	}
	addWeightedCodesAVX512(y, r, w)
}

// addWeightedCodesAVX512 is AddWeighted for code formats whose group is a
// multiple of 32 by the general kernels (avx512AddWeightedW<bits>Q<pass>),
// for any weights.
func addWeightedCodesAVX512(y []float32, r Rows, w []float32) {
	f := r.Format
	n, cols := r.Len(), r.Cols
	_, p2, p1 := avx512Planes(f.Bits, f.Group)
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
	avx512Passes(len(w)/n, func(j0, pass int) {
		a.x, a.out = unsafe.Pointer(&y[j0*cols]), unsafe.Pointer(&w[j0*n])
		avx512CallAddWeighted(f.Bits, pass, &a)
	})
}

// addWeightedFloatAVX512 is AddWeighted for fp16 and float32 rows:
// avx512AddWeightedF16/F32 in passes of up to 4 weight rows.
func addWeightedFloatAVX512(y []float32, r Rows, w []float32) {
	n, cols := r.Len(), r.Cols
	if cols == 128 && len(w) == n {
		a := avx512Q8Args{data: unsafe.Pointer(&r.Data[0]), out: unsafe.Pointer(&y[0]), sg: unsafe.Pointer(&w[0]), n: n}
		if r.Format.Bits == 16 {
			avx512AddWeightedRowF16(&a)
		} else {
			avx512AddWeightedRowF32(&a)
		}
		return
	}
	a := avx512DotFloatArgs(r, 0, cols, nil)
	a.xStride, a.outStride = 4*cols, 4*n
	avx512Passes(len(w)/n, func(j0, pass int) {
		a.x, a.out = unsafe.Pointer(&y[j0*cols]), unsafe.Pointer(&w[j0*n])
		avx512CallAddWeightedF(r.Format.Bits, pass, &a)
	})
}

// avx512AddWeightedRow runs the 4-bit or 2-bit AddWeighted row kernel
// (rows of 128 values in groups of 64, one weight row): the kernel keeps
// the 128 sums in registers, in its own lane order (each code dword's
// fields are converted in place), and writes them to a table that this
// function adds into y. The 2-bit kernel takes rows two at a time; an odd
// last row is copied next to a zero row, into a second table.
//
// The kernel's field sums are 16^k (4^k) times the column sums they stand
// for, so for results above about 2^100 they overflow where the result
// does not. An overflow is sticky (the sums become ±Inf or NaN), so when
// a table holds a value that is not finite, avx512AddWeightedRow returns
// false having left y alone, and the caller runs the general kernels,
// whose partial sums are the terms' own. That costs a scan of the 128
// (256) sums, and a second pass only where the result is not finite or
// would overflow in the row kernel.
func avx512AddWeightedRow(y []float32, r Rows, w []float32) bool {
	f := r.Format
	var (
		lanesBuf [2*16*16 + 16]float32
		masksBuf [16*16 + 16]uint32
		mul      = float32(1)
	)
	lanes := avx512AlignFloats(lanesBuf[:])
	masks := masksBuf[(-uintptr(unsafe.Pointer(&masksBuf[0]))&63)/4:]
	mins := r.Mins
	if f.Symmetric {
		mins, mul = r.Scales, -float32(int(1)<<(f.Bits-1))
	}
	a := avx512Q8Args{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&lanes[0]),
		recs:    unsafe.Pointer(&masks[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
		n:       r.Len(),
	}
	if f.Bits == 4 {
		avx512AddWeightedRowW4(&a)
		if !avx512Finite(lanes[:128]) {
			return false
		}
		for k := range 8 {
			for l := range 16 {
				y[32*(l/4)+4*(l%4)+k/2+16*(k%2)] += lanes[16*k+l]
			}
		}
		return true
	}
	for k := range 16 {
		for l := range 16 {
			masks[16*k+l] = 3 << (2 * k)
		}
	}
	n := r.Len()
	pairs, odd := lanes[:256], lanes[256:512]
	if n2 := n &^ 1; n2 > 0 {
		a.n = n2
		avx512AddWeightedRowW2(&a)
		if !avx512Finite(pairs) {
			return false
		}
	}
	if n%2 == 1 {
		var (
			data          [64]byte
			scales, mins4 [4]uint16
			w2            [2]float32
		)
		copy(data[:32], r.Data[(n-1)*32:])
		copy(scales[:2], r.Scales[2*(n-1):])
		copy(mins4[:2], mins[2*(n-1):])
		w2[0] = w[n-1]
		a.data, a.scales, a.mins, a.sg, a.n = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0]), unsafe.Pointer(&w2[0]), 2
		a.out = unsafe.Pointer(&odd[0])
		avx512AddWeightedRowW2(&a)
		if !avx512Finite(odd) {
			return false
		}
	}
	if n >= 2 {
		avx512AddLanesW2(y, pairs)
	}
	if n%2 == 1 {
		avx512AddLanesW2(y, odd)
	}
	return true
}

// avx512Finite reports whether every value of v is finite.
func avx512Finite(v []float32) bool {
	for _, x := range v {
		if x-x != 0 {
			return false
		}
	}
	return true
}

// avx512AddLanesW2 adds the lanes table of the 2-bit row kernel into y:
// field k of dword lane l (and of l+8, the second row of each pair) holds
// the sum of column 32*(l/2) + 4*(l%2) + k/4 + 8*(k%4).
func avx512AddLanesW2(y, lanes []float32) {
	for k := range 16 {
		for l := range 8 {
			y[32*(l/2)+4*(l%2)+k/4+8*(k%4)] += lanes[16*k+l] + lanes[16*k+8+l]
		}
	}
}
