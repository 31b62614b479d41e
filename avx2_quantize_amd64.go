//go:build gc && !purego

package lowbit

import (
	"encoding/binary"
	"unsafe"
)

// deqArgs are the arguments of the Dequantize kernels deqQ<bits>.
type deqArgs struct {
	qwalk
	dst       unsafe.Pointer // the first group's first value
	add       float32        // added to each code first: 0, or -2^(bits-1) when symmetric
	shiftStep int            // bytes the shift pointer advances per group: 2, or 0 when symmetric
	units     int            // groups to dequantize (rows × groups per row)
}

// quantArgs are the arguments of the Quantize kernels quantQ<bits>.
type quantArgs struct {
	qwalk
	x         unsafe.Pointer // the first group's first value
	units     int            // groups to quantize
	groupLen  int            // bytes of float32 per group
	symmetric int            // 1 when symmetric
	minStep   int            // bytes the min pointer advances per group: 2, or 0 when symmetric
	div       float32        // the scale's divisor: 2^bits-1, or 2^(bits-1)-1 when symmetric
	lo, hi    float32        // the clamp range of the scaled values
	off       int32          // added to the rounded codes
}

// The Dequantize and Quantize kernels, by code width; the fp16 conversions
// of n values (a multiple of 8).
//
//go:noescape
func deqQ2(a *deqArgs)

//go:noescape
func deqQ3(a *deqArgs)

//go:noescape
func deqQ4(a *deqArgs)

//go:noescape
func deqQ5(a *deqArgs)

//go:noescape
func deqQ6(a *deqArgs)

//go:noescape
func deqQ7(a *deqArgs)

//go:noescape
func deqQ8(a *deqArgs)

//go:noescape
func quantQ2(a *quantArgs)

//go:noescape
func quantQ3(a *quantArgs)

//go:noescape
func quantQ4(a *quantArgs)

//go:noescape
func quantQ5(a *quantArgs)

//go:noescape
func quantQ6(a *quantArgs)

//go:noescape
func quantQ7(a *quantArgs)

//go:noescape
func quantQ8(a *quantArgs)

//go:noescape
func f16FromF32s(dst *uint16, src *float32, n int)

//go:noescape
func f32FromF16s(dst *float32, src *uint16, n int)

// deqCodes calls the Dequantize kernel of the code width.
func deqCodes(bits int, a *deqArgs) {
	switch bits {
	case 2:
		deqQ2(a)
	case 3:
		deqQ3(a)
	case 4:
		deqQ4(a)
	case 5:
		deqQ5(a)
	case 6:
		deqQ6(a)
	case 7:
		deqQ7(a)
	case 8:
		deqQ8(a)
	}
}

// quantCodes calls the Quantize kernel of the code width.
func quantCodes(bits int, a *quantArgs) {
	switch bits {
	case 2:
		quantQ2(a)
	case 3:
		quantQ3(a)
	case 4:
		quantQ4(a)
	case 5:
		quantQ5(a)
	case 6:
		quantQ6(a)
	case 7:
		quantQ7(a)
	case 8:
		quantQ8(a)
	}
}

// avx2F16NegZero is the fp16 -0 that symmetric Dequantize adds to every
// value (x + -0 = x, whatever the sign of x).
var avx2F16NegZero uint16 = 0x8000

// dequantizeAVX2 is Dequantize: bit-exact with the generic kernel. Code
// rows whose group is not a multiple of 32 run the generic kernel; float32
// rows are copied (memmove).
func dequantizeAVX2(dst []float32, r Rows) {
	f := r.Format
	switch {
	case f.Bits == 32:
		if len(dst) > 0 {
			copy(unsafe.Slice((*byte)(unsafe.Pointer(&dst[0])), 4*len(dst)), r.Data)
		}
	case f.Bits == 16:
		n := len(dst) &^ 7
		if n > 0 {
			f32FromF16s(&dst[0], (*uint16)(unsafe.Pointer(&r.Data[0])), n)
		}
		for k := n; k < len(dst); k++ {
			dst[k] = f16At(r.Data, k)
		}
	case avx2Blocks(f):
		dequantizeQuantAVX2(dst, r)
	default:
		dequantizeGeneric(dst, r)
	}
}

func dequantizeQuantAVX2(dst []float32, r Rows) {
	f, cols := r.Format, r.Cols
	n, groups := r.Len(), f.Groups(cols)
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		a := deqArgs{
			dst:       unsafe.Pointer(&dst[i0*cols]),
			shiftStep: 2,
			units:     (i1 - i0) * groups,
		}
		if f.Symmetric {
			a.qwalk = newQwalk(r, r.Scales, i0, i1, 0, groups)
			a.qwalk.shifts = unsafe.Pointer(&avx2F16NegZero)
			a.add, a.shiftStep = -float32(int(1)<<(f.Bits-1)), 0
		} else {
			a.qwalk = newQwalk(r, r.Mins, i0, i1, 0, groups)
		}
		deqCodes(f.Bits, &a)
	}
}

// quantizeAVX2 is Quantize: bit-exact with the generic kernel. Code rows
// whose group is not a multiple of 32 run the generic kernel; float32 rows
// are copied (memmove).
func quantizeAVX2(dst Rows, x []float32) {
	f := dst.Format
	switch {
	case f.Bits == 32:
		if len(x) > 0 {
			copy(dst.Data, unsafe.Slice((*byte)(unsafe.Pointer(&x[0])), 4*len(x)))
		}
	case f.Bits == 16:
		n := len(x) &^ 7
		if n > 0 {
			f16FromF32s((*uint16)(unsafe.Pointer(&dst.Data[0])), &x[0], n)
		}
		for k := n; k < len(x); k++ {
			binary.LittleEndian.PutUint16(dst.Data[2*k:], F16FromFloat32(x[k]))
		}
	case avx2Blocks(f):
		quantizeQuantAVX2(dst, x)
	default:
		quantizeGeneric(dst, x)
	}
}

func quantizeQuantAVX2(dst Rows, x []float32) {
	f, cols := dst.Format, dst.Cols
	n, groups := dst.Len(), f.Groups(cols)
	maxq := int32(1)<<f.Bits - 1
	off := int32(1) << (f.Bits - 1)
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		a := quantArgs{
			x:        unsafe.Pointer(&x[i0*cols]),
			units:    (i1 - i0) * groups,
			groupLen: 4 * f.Group,
			minStep:  2,
			div:      float32(maxq),
			hi:       float32(maxq),
		}
		if f.Symmetric {
			a.qwalk = newQwalk(dst, dst.Scales, i0, i1, 0, groups)
			a.shifts = unsafe.Pointer(&avx2F16Scratch)
			a.symmetric, a.minStep = 1, 0
			a.div, a.lo, a.hi, a.off = float32(off-1), -float32(off), float32(off-1), off
		} else {
			a.qwalk = newQwalk(dst, dst.Mins, i0, i1, 0, groups)
		}
		quantCodes(f.Bits, &a)
	}
}

// avx2F16Scratch is where symmetric Quantize would store a min: it
// stores none, and the pointer stays unused.
var avx2F16Scratch uint16
