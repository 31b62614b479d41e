package lowbit

import (
	"encoding/binary"
	"math"

	"github.com/lowbit-ml/lowbit/pack"
)

// quantizeGeneric is the reference Quantize. Every implementation must
// produce the same bytes, so the arithmetic is spelled out in float32 steps:
//
//	asymmetric: s32 = (max-min)/(2^b-1), s16 = scale16(s32), m16 = fp16(min),
//	            q = roundEven(clamp((x - m) * (1/s), 0, 2^b-1))
//	symmetric:  s32 = max|x|/(2^(b-1)-1), s16 = scale16(s32),
//	            q = roundEven(clamp(x * (1/s), -2^(b-1), 2^(b-1)-1)) + 2^(b-1)
//
// where s and m are the fp16 values read back as float32 and 1/s is 0 when
// s is 0. Each operation is rounded to float32 (no fused multiply-add), and
// a zero scale or min is stored as +0.
//
// scale16(s32) = max(bits16(fp16(s32)), min(bits32(s32), 1)): the scale
// rounded to fp16, except that a positive scale below half the smallest
// fp16 subnormal (2^-25), which fp16 rounds to 0, is stored as that
// subnormal (bits 0x0001, 2^-24). A zero scale would turn every value of a
// group whose range is not 0 into its min (for 8-bit codes, any range
// below about 7.6e-6); the smallest subnormal keeps the codes within half
// a step of 2^-24 instead. s32 is never negative, so bits32(s32) is 0
// exactly when the group's scale is 0: two integer operations on the
// bits, in every implementation.
func quantizeGeneric(dst Rows, x []float32) {
	f, cols := dst.Format, dst.Cols
	switch f.Bits {
	case 32:
		for k, v := range x {
			binary.LittleEndian.PutUint32(dst.Data[4*k:], math.Float32bits(v))
		}
		return
	case 16:
		for k, v := range x {
			binary.LittleEndian.PutUint16(dst.Data[2*k:], F16FromFloat32(v))
		}
		return
	}
	n := dst.Len()
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	maxq := float32(int(1)<<f.Bits - 1)
	off := float32(int(1) << (f.Bits - 1))
	var codes [pack.BlockLen]byte
	for i := 0; i < n; i++ {
		for g := 0; g < groups; g++ {
			gi := i*groups + g
			xg := x[i*cols+g*f.Group : i*cols+(g+1)*f.Group]
			grp := dst.Data[i*rb+g*gb : i*rb+(g+1)*gb]
			lo, hi := minMax(xg)
			var mf, sf float32
			// "+ 0" turns a zero's sign positive, so that every
			// implementation stores the same bits whatever order its min
			// and max see -0 and +0 in.
			if f.Symmetric {
				amax := -lo
				if hi > amax {
					amax = hi
				}
				dst.Scales[gi] = scale16(amax/(off-1) + 0)
				sf = F16ToFloat32(dst.Scales[gi])
			} else {
				dst.Scales[gi] = scale16((hi-lo)/maxq + 0)
				dst.Mins[gi] = F16FromFloat32(lo + 0)
				sf, mf = F16ToFloat32(dst.Scales[gi]), F16ToFloat32(dst.Mins[gi])
			}
			var inv float32
			if sf != 0 {
				inv = 1 / sf
			}
			for start := 0; start < f.Group; start += pack.BlockLen {
				for k, v := range xg[start:min(f.Group, start+pack.BlockLen)] {
					if f.Symmetric {
						codes[k] = byte(int(roundEven(clamp(v*inv, -off, off-1))) + int(off))
					} else {
						codes[k] = byte(int(roundEven(clamp((v-mf)*inv, 0, maxq))))
					}
				}
				pack.PackBlock(grp, &codes, f.Bits, f.Group, start)
			}
		}
	}
}

// scale16 returns the fp16 bits of a group's scale s (s >= +0, finite):
// fp16(s), or the smallest positive subnormal (0x0001) if s is positive but
// rounds to 0. See quantizeGeneric.
func scale16(s float32) uint16 {
	return max(F16FromFloat32(s), uint16(min(math.Float32bits(s), 1)))
}

// minMax returns the least and greatest of x (len(x) > 0, no NaN). Plain
// comparisons: the builtin min and max order -0 before +0 and propagate
// NaN, which costs branches here and is not needed (zeros are stored as +0
// and NaN never gets this far).
func minMax(x []float32) (lo, hi float32) {
	lo, hi = x[0], x[0]
	for _, v := range x[1:] {
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	return lo, hi
}

// clamp returns v limited to [lo, hi] (no NaN).
func clamp(v, lo, hi float32) float32 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// dequantizeGeneric is the reference Dequantize: x = float32(scale*q) + min,
// or scale*float32(q - 2^(b-1)) when symmetric.
func dequantizeGeneric(dst []float32, r Rows) {
	f, cols := r.Format, r.Cols
	if !f.Quantized() {
		for k := range dst {
			dst[k] = floatAt(r, k)
		}
		return
	}
	n := r.Len()
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	off := int(1) << (f.Bits - 1)
	var codes [pack.BlockLen]byte
	for i := 0; i < n; i++ {
		for g := 0; g < groups; g++ {
			gi := i*groups + g
			grp := r.Data[i*rb+g*gb : i*rb+(g+1)*gb]
			scale := F16ToFloat32(r.Scales[gi])
			var mn float32
			if !f.Symmetric {
				mn = F16ToFloat32(r.Mins[gi])
			}
			for start := 0; start < f.Group; start += pack.BlockLen {
				m := pack.UnpackBlock(&codes, grp, f.Bits, f.Group, start)
				out := dst[i*cols+g*f.Group+start:][:m]
				for k := range out {
					if f.Symmetric {
						out[k] = scale * float32(int(codes[k])-off)
					} else {
						out[k] = float32(scale*codeFloat[codes[k]]) + mn
					}
				}
			}
		}
	}
}

// q8MinMax is the least max|x| of a block that QuantizeQ8 stores: below
// it 127/max|x| would overflow float32, and the block (every value under
// 2^-120) is stored as zeros with scale 0.
const q8MinMax = 0x1p-120

// quantizeQ8Generic is the reference QuantizeQ8. Per block:
// d = max|x|/127, Values = roundEven(clamp(x * (127/max|x|), -127, 127)),
// Sums = d * Σ Values; a block whose max|x| is 0 or below q8MinMax has
// d = 0 and zero values.
func quantizeQ8Generic(q *Q8, x []float32) {
	cols, group := q.Cols, q.Group
	nb := q8Blocks(group, cols)
	for j := 0; j < q.Len(); j++ {
		b := j * nb
		for g := 0; g < cols; g += group {
			for start := 0; start < group; start += pack.BlockLen {
				c0, c1 := j*cols+g+start, j*cols+g+min(group, start+pack.BlockLen)
				var amax float32
				for _, v := range x[c0:c1] {
					if a := abs32(v); a > amax {
						amax = a
					}
				}
				if amax < q8MinMax {
					amax = 0 // 127/amax would overflow: store zeros
				}
				var inv float32
				if amax != 0 {
					inv = 127 / amax
				}
				var sum int32
				for c := c0; c < c1; c++ {
					v := int8(roundEven(clamp(x[c]*inv, -127, 127)))
					q.Values[c] = v
					sum += int32(v)
				}
				d := amax / 127
				q.Scales[b], q.Sums[b] = d, d*float32(sum)
				b++
			}
		}
	}
}

// abs32 returns |v|.
func abs32(v float32) float32 { return math.Float32frombits(math.Float32bits(v) &^ (1 << 31)) }
