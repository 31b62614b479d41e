//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// dequantizeAVX512 is Dequantize, with the generic code's bits. Code
// formats whose group is a multiple of 32 run avx512DequantizeW<bits> over
// all groups of all rows in sequence; fp16 rows run avx512DequantizeF16,
// float32 rows are copied; other groups run the avx2 kernels
// (dequantizeAVX2), which give the same bits.
func dequantizeAVX512(dst []float32, r Rows) {
	if len(dst) > 0 {
		pick(r.Format, avx512Codes, dequantizeFloatAVX512, dequantizeCodesAVX512, dequantizeAVX2)(dst, r)
	}
}

// dequantizeFloatAVX512 is Dequantize for fp16 rows (VCVTPH2PS) and
// float32 rows (copied); len(dst) > 0.
func dequantizeFloatAVX512(dst []float32, r Rows) {
	if r.Format.Bits == 16 {
		avx512DequantizeF16(&dst[0], (*uint16)(unsafe.Pointer(&r.Data[0])), len(dst))
	} else {
		copy(dst, unsafe.Slice((*float32)(unsafe.Pointer(&r.Data[0])), len(dst)))
	}
}

// dequantizeCodesAVX512 is Dequantize for code formats whose group is a
// multiple of 32: all groups of all rows in one call; len(dst) > 0.
func dequantizeCodesAVX512(dst []float32, r Rows) {
	f := r.Format
	var iotaBuf [32 + 16]float32
	iota := avx512AlignFloats(iotaBuf[:])
	off := 0
	if f.Symmetric {
		off = 1 << (f.Bits - 1)
	}
	// The codes of the lookup tables' entries: for widths 2 and 3 the
	// index holds other fields above the code's low two bits (the tables
	// repeat every 4), for 3 and 5 its bit 4 is the code's top bit.
	for i := range 16 {
		switch f.Bits {
		case 2, 3:
			iota[i], iota[16+i] = float32(i%4-off), float32(i%4+4-off)
		default:
			iota[i], iota[16+i] = float32(i-off), float32(i+16-off)
		}
	}
	p2, p1 := pack.PlaneOffsets(f.Bits, f.Group)
	a := avx512DotArgs{
		data:       unsafe.Pointer(&r.Data[0]),
		scales:     unsafe.Pointer(&r.Scales[0]),
		mins:       unsafe.Pointer(&avx512NegZeroF16),
		x:          unsafe.Pointer(&iota[0]),
		out:        unsafe.Pointer(&dst[0]),
		groups:     len(r.Scales),
		blockLimit: f.Group / 32 * 4,
		groupBytes: f.Group * f.Bits / 8,
		off2:       p2,
		off1:       p1,
		negOff:     off,
	}
	if !f.Symmetric {
		a.mins, a.minStride = unsafe.Pointer(&r.Mins[0]), 2
	}
	avx512CallDequantize(f.Bits, &a)
}

// avx512NegZeroF16 is the fp16 "min" of symmetric rows for the Dequantize
// kernels: they add it to scale*(q - 2^(Bits-1)), and x + -0 is x for
// every x, -0 included (a +0 would turn a -0 product, from a -0 scale, into
// +0).
var avx512NegZeroF16 uint16 = 0x8000
