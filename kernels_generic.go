package lowbit

import (
	"encoding/binary"
	"math"

	"github.com/lowbit-ml/lowbit/pack"
)

// genericKernels is the reference implementation of every kernel family for
// every format. It is always compiled, is the whole of the purego build and
// of architectures without assembly, and is what every other
// implementation is tested against. It works block by block: the codes of a
// block of 32 are unpacked once (package pack), and scale and min are
// applied once per block, outside the per-value loops.
var genericKernels = kernels{
	dot:           dotGeneric,
	dotQ8:         dotQ8Generic,
	quantizeQ8:    quantizeQ8Generic,
	addWeighted:   addWeightedGeneric,
	addWeightedQ8: addWeightedQ8Generic,
	quantize:      quantizeGeneric,
	dequantize:    dequantizeGeneric,
	softmax:       softmaxGeneric,
	attention:     attnGeneric,
	hadamard:      hadamardGeneric,
}

// codeFloat[q] is float32(q): a table load is cheaper than a conversion.
var codeFloat = func() (t [256]float32) {
	for i := range t {
		t[i] = float32(i)
	}
	return t
}()

// groupParams returns the scale of group gi of r and the term that the
// codes' dot products are shifted by: min (asymmetric) or -scale*2^(Bits-1)
// (symmetric), so that deq(q) = scale*q + shift.
func groupParams(r Rows, gi int) (scale, shift float32) {
	scale = F16ToFloat32(r.Scales[gi])
	if r.Format.Symmetric {
		return scale, -scale * float32(int(1)<<(r.Format.Bits-1))
	}
	return scale, F16ToFloat32(r.Mins[gi])
}

// shiftSource returns what the assembly kernels read as each group's shift
// and the factor that turns it into the shift of deq(q) = scale*q + shift:
// the mins (times 1), or for symmetric formats the scales (times
// -2^(Bits-1)).
func shiftSource(r Rows) ([]uint16, float32) {
	if r.Format.Symmetric {
		return r.Scales, -float32(int(1) << (r.Format.Bits - 1))
	}
	return r.Mins, 1
}

// codeBlocks calls fn for every block of 32 (or fewer) codes of row i of r
// in order: the group index gi (into Scales and Mins), the column of the
// block's first value, and its unpacked codes.
func codeBlocks(r Rows, i int, codes *[pack.BlockLen]byte, fn func(gi, col, m int)) {
	f := r.Format
	rb, gb, groups := f.RowBytes(r.Cols), f.Group*f.Bits/8, f.Groups(r.Cols)
	row := r.Data[i*rb : (i+1)*rb]
	for g := 0; g < groups; g++ {
		grp := row[g*gb : (g+1)*gb]
		for start := 0; start < f.Group; start += pack.BlockLen {
			m := pack.UnpackBlock(codes, grp, f.Bits, f.Group, start)
			fn(i*groups+g, g*f.Group+start, m)
		}
	}
}

// sumFloats returns Σ v (len(v) a multiple of 8).
func sumFloats(v []float32) float32 {
	var s0, s1, s2, s3 float32
	for ; len(v) >= 8; v = v[8:] {
		s0 += v[0] + v[4]
		s1 += v[1] + v[5]
		s2 += v[2] + v[6]
		s3 += v[3] + v[7]
	}
	return (s0 + s1) + (s2 + s3)
}

// f16At returns value k of fp16 data.
func f16At(data []byte, k int) float32 {
	return F16ToFloat32(binary.LittleEndian.Uint16(data[2*k:]))
}

// f32At returns value k of float32 data.
func f32At(data []byte, k int) float32 {
	return math.Float32frombits(binary.LittleEndian.Uint32(data[4*k:]))
}

// floatAt returns value k of fp16 or float32 rows.
func floatAt(r Rows, k int) float32 {
	if r.Format.Bits == 16 {
		return f16At(r.Data, k)
	}
	return f32At(r.Data, k)
}

// roundMagic added to and subtracted from a float32 of magnitude below 2^22
// rounds it to an integer, to nearest even, as CVTPS2DQ and FRINTN do.
const roundMagic = 0x1.8p23

// roundEven rounds v (|v| < 2^22) to the nearest integer, ties to even.
func roundEven(v float32) float32 { return (v + roundMagic) - roundMagic }
