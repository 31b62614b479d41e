//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512QuantizeArgs is the argument block of the Quantize kernels (offsets
// from go_asm.h).
type avx512QuantizeArgs struct {
	x, data, scales, mins unsafe.Pointer // the values; the codes, scales and mins of the first group
	groups                int            // groups in all rows
	groupBytes            int            // bytes of codes per group
	xBytes                int            // bytes of values per group
	off2, off1            int            // offsets of the 2-bit and 1-bit planes in a group
	minStride             int            // bytes between two groups' mins (0 when symmetric)
	c1, c2, c3            uint64         // asymmetric: float32 bits of 2^Bits-1; symmetric: of -2^(Bits-1), of 2^(Bits-1)-1, and 2^(Bits-1)
}

// avx512QuantMinSink receives the mins that symmetric formats do not have.
var avx512QuantMinSink [1]uint16

// quantizeAVX512 is Quantize, with the generic code's bytes. Code formats
// whose group is a multiple of 32 run avx512Quantize[Sym]W<bits> over all
// groups of all rows in sequence; fp16 rows run avx512QuantizeF16, float32
// rows are copied; other groups run the avx2 kernels (quantizeAVX2), which
// give the same bytes.
func quantizeAVX512(dst Rows, x []float32) {
	if len(x) > 0 {
		pick(dst.Format, avx512Codes, quantizeFloatAVX512, quantizeCodesAVX512, quantizeAVX2)(dst, x)
	}
}

// quantizeFloatAVX512 is Quantize for fp16 rows (VCVTPS2PH) and float32
// rows (copied); len(x) > 0.
func quantizeFloatAVX512(dst Rows, x []float32) {
	if dst.Format.Bits == 16 {
		avx512QuantizeF16((*uint16)(unsafe.Pointer(&dst.Data[0])), &x[0], len(x))
	} else {
		copy(unsafe.Slice((*float32)(unsafe.Pointer(&dst.Data[0])), len(x)), x)
	}
}

// quantizeCodesAVX512 is Quantize for code formats whose group is a
// multiple of 32: all groups of all rows in one call; len(x) > 0.
func quantizeCodesAVX512(dst Rows, x []float32) {
	f := dst.Format
	p2, p1 := pack.PlaneOffsets(f.Bits, f.Group)
	a := avx512QuantizeArgs{
		x:          unsafe.Pointer(&x[0]),
		data:       unsafe.Pointer(&dst.Data[0]),
		scales:     unsafe.Pointer(&dst.Scales[0]),
		mins:       unsafe.Pointer(&avx512QuantMinSink[0]),
		groups:     len(dst.Scales),
		groupBytes: f.Group * f.Bits / 8,
		xBytes:     4 * f.Group,
		off2:       p2,
		off1:       p1,
	}
	if f.Symmetric {
		off := int(1) << (f.Bits - 1)
		a.c1, a.c2, a.c3 = uint64(math.Float32bits(-float32(off))), uint64(math.Float32bits(float32(off-1))), uint64(off)
	} else {
		a.mins, a.minStride = unsafe.Pointer(&dst.Mins[0]), 2
		a.c1 = uint64(math.Float32bits(float32(int(1)<<f.Bits - 1)))
	}
	if f.Symmetric {
		avx512CallQuantizeSym(f.Bits, &a)
	} else {
		avx512CallQuantize(f.Bits, &a)
	}
}
