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
	// Codes are formed a chunk of whole groups at a time (a piece of at
	// most quantChunk values of a longer group) and packed by pack's
	// loops for consecutive groups.
	n := dst.Len()
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	var codes [quantChunk]byte
	for i := 0; i < n; i++ {
		row := dst.Data[i*rb : (i+1)*rb]
		if f.Group > quantChunk {
			for g := 0; g < groups; g++ {
				gi := i*groups + g
				xg := x[i*cols+g*f.Group : i*cols+(g+1)*f.Group]
				grp := row[g*gb : (g+1)*gb]
				mf, inv := quantGroupParams(dst, gi, xg)
				for s0 := 0; s0 < f.Group; s0 += quantChunk {
					m := min(quantChunk, f.Group-s0)
					quantCodes(codes[:m], xg[s0:s0+m], mf, inv, f)
					for start := s0; start < s0+m; start += pack.BlockLen {
						pack.PackBlock(grp, (*[pack.BlockLen]byte)(codes[start-s0:]), f.Bits, f.Group, start)
					}
				}
			}
			continue
		}
		per := quantChunk / f.Group // groups per chunk
		for g0 := 0; g0 < groups; g0 += per {
			g1 := min(groups, g0+per)
			quantGroups(codes[:(g1-g0)*f.Group], x[i*cols+g0*f.Group:i*cols+g1*f.Group], dst, i*groups+g0)
			pack.PackGroups(row[g0*gb:g1*gb], codes[:(g1-g0)*f.Group], f.Bits, f.Group)
		}
	}
}

// quantGroups sets codes to the codes of the values x, consecutive groups
// of dst from group gi on, and stores the groups' scales and mins: what
// quantGroupParams and quantCodes do, in one loop without calls, for the
// small groups whose calls would cost as much as their values.
func quantGroups(codes []byte, x []float32, dst Rows, gi int) {
	f := dst.Format
	n := f.Group
	codes = codes[:len(x)]
	maxq := float32(int(1)<<f.Bits - 1)
	off := float32(int(1) << (f.Bits - 1))
	for len(x) >= n && len(codes) >= n {
		xg, cg := x[:n], codes[:n]
		lo, hi := minMax(xg)
		var mf, sf float32
		if f.Symmetric {
			amax := -lo
			if hi > amax {
				amax = hi
			}
			dst.Scales[gi] = scale16(amax/(off-1) + 0)
			sf = f16(dst.Scales[gi])
		} else {
			dst.Scales[gi] = scale16((hi-lo)/maxq + 0)
			m, ok := f16Normal(lo + 0)
			if !ok {
				m = F16FromFloat32(lo + 0)
			}
			dst.Mins[gi] = m
			sf, mf = f16(dst.Scales[gi]), f16(m)
		}
		var inv float32
		if sf != 0 {
			inv = 1 / sf
		}
		if f.Symmetric {
			for k, v := range xg {
				cg[k] = byte(int(roundEven(clamp(v*inv, -off, off-1))) + int(off))
			}
		} else {
			for k, v := range xg {
				cg[k] = byte(int(roundEven(clamp((v-mf)*inv, 0, maxq))))
			}
		}
		x, codes, gi = x[n:], codes[n:], gi+1
	}
}

// quantChunk is the most codes the generic Quantize forms before packing
// them.
const quantChunk = 256

// quantGroupParams stores the fp16 scale (and min) of group gi of dst for
// its values xg and returns what the codes are formed with: the min read
// back from fp16 (0 for symmetric formats) and 1/scale (0 for a zero
// scale), as quantizeGeneric spells out.
func quantGroupParams(dst Rows, gi int, xg []float32) (mf, inv float32) {
	f := dst.Format
	lo, hi := minMax(xg)
	var sf float32
	// "+ 0" turns a zero's sign positive, so that every implementation
	// stores the same bits whatever order its min and max see -0 and +0
	// in.
	if f.Symmetric {
		amax := -lo
		if hi > amax {
			amax = hi
		}
		off := float32(int(1) << (f.Bits - 1))
		dst.Scales[gi] = scale16(amax/(off-1) + 0)
		sf = f16(dst.Scales[gi])
	} else {
		maxq := float32(int(1)<<f.Bits - 1)
		dst.Scales[gi] = scale16((hi-lo)/maxq + 0)
		m, ok := f16Normal(lo + 0)
		if !ok {
			m = F16FromFloat32(lo + 0)
		}
		dst.Mins[gi] = m
		sf, mf = f16(dst.Scales[gi]), f16(dst.Mins[gi])
	}
	if sf != 0 {
		inv = 1 / sf
	}
	return mf, inv
}

// quantCodes sets codes[k] to the code of xg[k]:
// roundEven(clamp((x - mf) * inv, 0, 2^b-1)), or for symmetric formats
// roundEven(clamp(x * inv, -2^(b-1), 2^(b-1)-1)) + 2^(b-1).
func quantCodes(codes []byte, xg []float32, mf, inv float32, f Format) {
	codes = codes[:len(xg)]
	if f.Symmetric {
		off := float32(int(1) << (f.Bits - 1))
		for k, v := range xg {
			codes[k] = byte(int(roundEven(clamp(v*inv, -off, off-1))) + int(off))
		}
		return
	}
	maxq := float32(int(1)<<f.Bits - 1)
	for k, v := range xg {
		codes[k] = byte(int(roundEven(clamp((v-mf)*inv, 0, maxq))))
	}
}

// scale16 returns the fp16 bits of a group's scale s (s >= +0, finite):
// fp16(s), or the smallest positive subnormal (0x0001) if s is positive but
// rounds to 0. See quantizeGeneric.
func scale16(s float32) uint16 {
	h, ok := f16Normal(s)
	if !ok {
		h = F16FromFloat32(s)
	}
	return max(h, uint16(min(math.Float32bits(s), 1)))
}

// f16Normal returns the fp16 bits of f and true if they are a normal
// number or ±Inf by rounding (2^-14 <= |f| < 2^16): the float32 bits
// rebased to the fp16 exponent and rounded to nearest even by an integer
// addition (a carry into the exponent, up to Inf from 65520 on, is right).
func f16Normal(f float32) (uint16, bool) {
	b := math.Float32bits(f)
	if b&0x7f800000-0x38800000 >= 0x47800000-0x38800000 {
		return 0, false
	}
	m := b & 0x7fffffff
	return uint16(b>>16)&0x8000 | uint16((m-0x38000000+0xfff+(m>>13&1))>>13), true
}

// minMax returns the least and greatest of x (len(x) > 0, no NaN). Plain
// comparisons, not the builtin min and max, which order -0 before +0 and
// propagate NaN, costing instructions not needed here (zeros are stored as
// +0 and NaN never gets this far). In a long group the bounds soon stop
// moving and the branches are predicted; a short one (32 values or fewer)
// goes without branches (minMaxKeys).
func minMax(x []float32) (lo, hi float32) {
	if len(x) <= 32 {
		return minMaxKeys(x)
	}
	lo, hi = x[0], x[0]
	for _, v := range x[1:] {
		if v < lo || v > hi {
			lo, hi = widen(lo, hi, v)
		}
	}
	return lo, hi
}

// widen returns [lo, hi] widened to v.
func widen(lo, hi, v float32) (float32, float32) {
	if v < lo {
		return v, hi
	}
	if v > hi {
		return lo, v
	}
	return lo, hi
}

// minMaxKeys is minMax without branches: each value's bits are made an
// integer key in the order of the values (negative values' magnitude bits
// flipped), whose least and greatest are conditional moves. The keys
// order -0 before +0, which does not matter here: zeros are stored as +0.
func minMaxKeys(x []float32) (lo, hi float32) {
	k0 := orderKey(x[0])
	l0, h0 := k0, k0
	l1, h1 := k0, k0
	for ; len(x) >= 2; x = x[2:] {
		a, b := orderKey(x[0]), orderKey(x[1])
		l0, h0 = min(l0, a), max(h0, a)
		l1, h1 = min(l1, b), max(h1, b)
	}
	if len(x) > 0 {
		a := orderKey(x[0])
		l0, h0 = min(l0, a), max(h0, a)
	}
	return keyValue(min(l0, l1)), keyValue(max(h0, h1))
}

// orderKey returns an int32 that orders as v does (v not NaN).
func orderKey(v float32) int32 {
	b := int32(math.Float32bits(v))
	return b ^ (b >> 31 & 0x7fffffff)
}

// keyValue is the inverse of orderKey.
func keyValue(k int32) float32 { return math.Float32frombits(uint32(k ^ (k >> 31 & 0x7fffffff))) }

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
// or scale*float32(q - 2^(b-1)) when symmetric. The codes of a chunk of
// whole groups (a piece of at most quantChunk values of a longer group)
// are unpacked at once by pack's loops for consecutive groups.
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
	var codes [quantChunk]byte
	for i := 0; i < n; i++ {
		row := r.Data[i*rb : (i+1)*rb]
		if f.Group > quantChunk {
			for g := 0; g < groups; g++ {
				grp := row[g*gb : (g+1)*gb]
				for s0 := 0; s0 < f.Group; s0 += quantChunk {
					m := min(quantChunk, f.Group-s0)
					pack.UnpackRange(codes[:m], grp, f.Bits, f.Group, s0)
					dequantCodes(dst[i*cols+g*f.Group+s0:][:m], codes[:m], r, i*groups+g)
				}
			}
			continue
		}
		per := quantChunk / f.Group // groups per chunk
		for g0 := 0; g0 < groups; g0 += per {
			g1 := min(groups, g0+per)
			m := (g1 - g0) * f.Group
			pack.UnpackGroups(codes[:m], row[g0*gb:g1*gb], f.Bits, f.Group)
			dequantGroups(dst[i*cols+g0*f.Group:][:m], codes[:m], r, i*groups+g0)
		}
	}
}

// dequantGroups sets out[k] to the value of code q[k] of consecutive
// groups of r from group gi on; a last piece shorter than a group takes
// the scale of the group it starts (dequantCodes on a piece of a group).
func dequantGroups(out []float32, q []byte, r Rows, gi int) {
	n := r.Format.Group
	q = q[:len(out)]
	sym := r.Format.Symmetric
	off := float32(int(1) << (r.Format.Bits - 1))
	for len(out) > 0 {
		k := min(n, len(out))
		o, qg := out[:k], q[:k]
		scale := f16(r.Scales[gi])
		if sym {
			for c, v := range qg {
				o[c] = scale * (codeFloat[v] - off) // q - 2^(b-1) is exact
			}
		} else {
			mn := f16(r.Mins[gi])
			for c, v := range qg {
				o[c] = float32(scale*codeFloat[v]) + mn
			}
		}
		out, q, gi = out[k:], q[k:], gi+1
	}
}

// dequantCodes sets out[k] to the value of code q[k] of group gi of r (q
// all of the group or a piece of it).
func dequantCodes(out []float32, q []byte, r Rows, gi int) {
	dequantGroups(out[:len(q)], q, r, gi)
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
