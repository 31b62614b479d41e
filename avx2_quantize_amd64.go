//go:build gc && !purego

package lowbit

import (
	"encoding/binary"
	"unsafe"
)

// avx2QuantizeArgs are the arguments of the Quantize kernels
// avx2QuantizeW<bits>.
type avx2QuantizeArgs struct {
	avx2Walk
	x         unsafe.Pointer // the first group's first value
	units     int            // groups to quantize
	groupLen  int            // bytes of float32 per group
	symmetric int            // 1 when symmetric
	minStep   int            // bytes the min pointer advances per group: 2, or 0 when symmetric
	div       float32        // the scale's divisor: 2^bits-1, or 2^(bits-1)-1 when symmetric
	lo, hi    float32        // the clamp range of the scaled values
	off       int32          // added to the rounded codes
}

// quantizeAVX2 is Quantize: bit-exact with the generic kernel. float32
// rows are copied (memmove).
func quantizeAVX2(dst Rows, x []float32) {
	pick(dst.Format, avx2Codes, quantizeFloatAVX2, quantizeCodesAVX2, quantizeGeneric)(dst, x)
}

// quantizeFloatAVX2 is Quantize for fp16 rows (VCVTPS2PH, 8 values at a
// time, then the tail in Go) and float32 rows (copied).
func quantizeFloatAVX2(dst Rows, x []float32) {
	if dst.Format.Bits == 32 {
		copy(unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(dst.Data))), len(x)), x)
		return
	}
	n := len(x) &^ 7
	if n > 0 {
		avx2QuantizeF16((*uint16)(unsafe.Pointer(&dst.Data[0])), &x[0], n)
	}
	for k := n; k < len(x); k++ {
		binary.LittleEndian.PutUint16(dst.Data[2*k:], F16FromFloat32(x[k]))
	}
}

// quantizeCodesAVX2 is Quantize for code formats: all groups of a chunk of
// rows in one call (the tail kernels for groups that end with a block of
// 8, 16 or 24 values).
func quantizeCodesAVX2(dst Rows, x []float32) {
	f, cols := dst.Format, dst.Cols
	n, groups := dst.Len(), f.Groups(cols)
	maxq := int32(1)<<f.Bits - 1
	off := int32(1) << (f.Bits - 1)
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		var a avx2QuantizeArgs // built in place: see avx2Walk.set
		a.x = unsafe.Pointer(&x[i0*cols])
		a.units = (i1 - i0) * groups
		a.groupLen = 4 * f.Group
		if f.Symmetric {
			a.avx2Walk.set(dst, dst.Scales, i0, i1, 0, groups)
			a.shifts = unsafe.Pointer(&avx2F16Scratch)
			a.symmetric = 1
			a.div, a.lo, a.hi, a.off = float32(off-1), -float32(off), float32(off-1), off
		} else {
			a.avx2Walk.set(dst, dst.Mins, i0, i1, 0, groups)
			a.minStep = 2
			a.div, a.hi = float32(maxq), float32(maxq)
		}
		if avx2Blocks(f) {
			avx2CallQuantize(f.Bits, &a)
		} else {
			a.kEnd = 4 * (f.Group / 32)
			avx2CallQuantizeTail(f.Bits, avx2Tail(f), &a)
		}
	}
}

// avx2F16Scratch is where symmetric Quantize would store a min: it
// stores none, and the pointer stays unused.
var avx2F16Scratch uint16
