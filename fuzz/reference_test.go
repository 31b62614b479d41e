package fuzz

import (
	"encoding/binary"
	"math"

	"github.com/lowbit-ml/lowbit"
)

// This file holds references written from the documentation, not from the
// code they check: the bit layouts drawn in pack/doc.go, fp16 from its
// definition, and the float32 steps that quantize_generic.go spells out as
// the exactness contract.

// refPlanes lists the bit planes of each code width, widest (lowest code
// bits) first, as pack/doc.go draws them.
var refPlanes = map[int][]int{2: {2}, 3: {2, 1}, 4: {4}, 5: {4, 1}, 6: {4, 2}, 7: {4, 2, 1}, 8: {8}}

// refPlaneBit returns the byte and bit position, inside one plane of width
// w of a group, of value k of the block of m values that starts at value
// start: 8 bits byte j holds v_j; 4 bits byte j holds v_j (low nibble) and
// v_(j+m/2) (high); 2 bits byte j holds v_j, v_(j+m/4), v_(j+2m/4),
// v_(j+3m/4) at bits 0, 2, 4, 6; 1 bit: bit k%8 of byte k/8. Blocks follow
// each other inside the plane.
func refPlaneBit(w, start, m, k int) (byteIndex, shift int) {
	base := start * w / 8
	switch w {
	case 8:
		return base + k, 0
	case 4:
		return base + k%(m/2), 4 * (k / (m / 2))
	case 2:
		return base + k%(m/4), 2 * (k / (m / 4))
	}
	return base + k/8, k % 8
}

// refPack packs one group of codes (masked to bits) by the drawing in
// pack/doc.go, one value and one plane at a time.
func refPack(codes []byte, bits int) []byte {
	n := len(codes)
	out := make([]byte, n*bits/8)
	offset, low := 0, 0
	for _, w := range refPlanes[bits] {
		for start := 0; start < n; start += 32 {
			m := min(32, n-start)
			for k := 0; k < m; k++ {
				v := codes[start+k] >> low & (1<<w - 1)
				bi, sh := refPlaneBit(w, start, m, k)
				out[offset+bi] |= v << sh
			}
		}
		offset += n * w / 8
		low += w
	}
	return out
}

// refUnpack is the inverse of refPack: the n codes of a packed group.
func refUnpack(group []byte, bits, n int) []byte {
	codes := make([]byte, n)
	offset, low := 0, 0
	for _, w := range refPlanes[bits] {
		for start := 0; start < n; start += 32 {
			m := min(32, n-start)
			for k := 0; k < m; k++ {
				bi, sh := refPlaneBit(w, start, m, k)
				codes[start+k] |= (group[offset+bi] >> sh & (1<<w - 1)) << low
			}
		}
		offset += n * w / 8
		low += w
	}
	return codes
}

// f16Value is the value of fp16 bits by the IEEE 754 definition.
func f16Value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e, m := int(h>>10&31), float64(h&1023)
	switch e {
	case 31:
		if m != 0 {
			return math.NaN()
		}
		return math.Inf(int(sign))
	case 0:
		return sign * m * 0x1p-24
	}
	return sign * (1 + m/1024) * math.Ldexp(1, e-15)
}

// refF16 converts f to fp16 bits with float64 arithmetic: round to nearest,
// ties to even, with subnormals; ±Inf from 65520 on (the midpoint between
// the largest fp16 and the next power of two rounds up); NaN quiet with the
// top 9 payload bits kept, as F16FromFloat32 documents.
func refF16(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	a := math.Abs(float64(f))
	switch {
	case math.IsNaN(float64(f)):
		return sign | 0x7e00 | uint16(b>>13&0x3ff)
	case a >= 65520:
		return sign | 0x7c00
	case a < 0x1p-14:
		// Subnormal: a multiple of 2^-24 (1024 reaches the smallest normal,
		// whose encoding is the next one up).
		return sign | uint16(math.RoundToEven(a*0x1p24))
	}
	_, e := math.Frexp(a) // a = frac * 2^e, frac in [0.5, 1)
	e--
	m := math.RoundToEven(math.Ldexp(a, 10-e)) // 1024 … 2048
	if m == 2048 {
		m, e = 1024, e+1
	}
	return sign | uint16(e+15)<<10 | uint16(m-1024)
}

// rowParts describes row i of r for the float64 references: per value its
// code (for code formats) or value (fp16, float32), and per group its scale
// and its shift (the min, or -scale*2^(b-1) when symmetric) as float64.
type rowParts struct {
	codes  []int
	vals   []float64
	scale  []float64
	shift  []float64
	offset float64 // 2^(b-1) for symmetric formats, else 0
}

// decodeRow reads row i of r with the references above: refUnpack for the
// codes, f16Value for fp16 scales, mins and values.
func decodeRow(r lowbit.Rows, i int) rowParts {
	f, cols := r.Format, r.Cols
	var p rowParts
	switch f.Bits {
	case 32:
		p.vals = make([]float64, cols)
		for c := range p.vals {
			p.vals[c] = float64(math.Float32frombits(binary.LittleEndian.Uint32(r.Data[4*(i*cols+c):])))
		}
		return p
	case 16:
		p.vals = make([]float64, cols)
		for c := range p.vals {
			p.vals[c] = f16Value(binary.LittleEndian.Uint16(r.Data[2*(i*cols+c):]))
		}
		return p
	}
	groups, gb := cols/f.Group, f.Group*f.Bits/8
	row := r.Data[i*cols*f.Bits/8:]
	p.codes = make([]int, 0, cols)
	p.scale, p.shift = make([]float64, groups), make([]float64, groups)
	if f.Symmetric {
		p.offset = math.Ldexp(1, f.Bits-1)
	}
	for g := 0; g < groups; g++ {
		for _, q := range refUnpack(row[g*gb:(g+1)*gb], f.Bits, f.Group) {
			p.codes = append(p.codes, int(q))
		}
		p.scale[g] = f16Value(r.Scales[i*groups+g])
		if f.Symmetric {
			p.shift[g] = -p.scale[g] * p.offset
		} else {
			p.shift[g] = f16Value(r.Mins[i*groups+g])
		}
	}
	return p
}

// shiftFactors returns group g's shift as the kernels may form it: the
// min (times 1), or -scale times 2^(b-1) when symmetric, so that a partial
// product such as 2^(b-1)·x counts when bounding intermediate results.
func (p rowParts) shiftFactors(g int) (a, b float64) {
	if p.offset != 0 {
		return -p.scale[g], p.offset
	}
	return p.shift[g], 1
}

// signedCodeBound bounds |code| and |code - 2^(b-1)|, the two ways a
// kernel may read code col: as unsigned, or made signed.
func signedCodeBound(p rowParts, col int, f lowbit.Format) float64 {
	return float64(p.codes[col]) + math.Ldexp(1, f.Bits-1)
}

// refScale16 is the documented fp16 of a group's scale s (s >= 0): s
// rounded to fp16, except that a positive s that rounds to 0 is stored as
// the smallest positive subnormal, 2^-24.
func refScale16(s float32) uint16 {
	h := refF16(s)
	if h == 0 && s > 0 {
		return 0x0001
	}
	return h
}

// refRoundEven rounds v to the nearest integer, ties to even (|v| < 2^23).
func refRoundEven(v float32) float32 { return float32(math.RoundToEven(float64(v))) }

// refQuantize quantizes x into new rows of format f by the steps that
// quantize_generic.go states as the contract, one float32 operation at a
// time (explicit conversions keep the compiler from fusing), packing with
// refPack.
func refQuantize(f lowbit.Format, n, cols int, x []float32) lowbit.Rows {
	r, err := lowbit.NewRows(f, n, cols)
	if err != nil {
		panic(err)
	}
	switch f.Bits {
	case 32:
		copy(r.Data, f32Bytes(x))
		return r
	case 16:
		for k, v := range x {
			binary.LittleEndian.PutUint16(r.Data[2*k:], refF16(v))
		}
		return r
	}
	groups := cols / f.Group
	maxq := float32(int(1)<<f.Bits - 1)
	off := float32(int(1) << (f.Bits - 1))
	for i := 0; i < n; i++ {
		for g := 0; g < groups; g++ {
			xg := x[i*cols+g*f.Group : i*cols+(g+1)*f.Group]
			lo, hi := xg[0], xg[0]
			for _, v := range xg {
				lo, hi = min(lo, v), max(hi, v)
			}
			gi := i*groups + g
			var s, m float32
			if f.Symmetric {
				r.Scales[gi] = refScale16(float32(max(-lo, hi)/(off-1)) + 0)
				s = float32(f16Value(r.Scales[gi]))
			} else {
				r.Scales[gi] = refScale16(float32((hi-lo)/maxq) + 0)
				r.Mins[gi] = refF16(lo + 0)
				s, m = float32(f16Value(r.Scales[gi])), float32(f16Value(r.Mins[gi]))
			}
			var inv float32
			if s != 0 {
				inv = 1 / s
			}
			codes := make([]byte, f.Group)
			for k, v := range xg {
				if f.Symmetric {
					codes[k] = byte(int(refRoundEven(min(max(float32(v*inv), -off), off-1))) + int(off))
				} else {
					codes[k] = byte(int(refRoundEven(min(max(float32(float32(v-m)*inv), 0), maxq))))
				}
			}
			gb := f.Group * f.Bits / 8
			copy(r.Data[i*cols*f.Bits/8+g*gb:], refPack(codes, f.Bits))
		}
	}
	return r
}

// refDequantize is the documented Dequantize: float32(scale*q) + min, or
// scale*float32(q - 2^(b-1)) when symmetric, each operation rounded alone.
func refDequantize(r lowbit.Rows) []float32 {
	n, cols := r.Len(), r.Cols
	out := make([]float32, n*cols)
	for i := 0; i < n; i++ {
		p := decodeRow(r, i)
		for c := 0; c < cols; c++ {
			k := i*cols + c
			switch {
			case p.vals != nil:
				out[k] = float32(p.vals[c])
			case r.Format.Symmetric:
				g := c / r.Format.Group
				out[k] = float32(p.scale[g]) * float32(float64(p.codes[c])-p.offset)
			default:
				g := c / r.Format.Group
				out[k] = float32(float32(p.scale[g])*float32(p.codes[c])) + float32(p.shift[g])
			}
		}
	}
	return out
}

// refQuantizeQ8 fills a Q8 for rows x the documented way: per block d =
// max|x|/127, values roundEven(clamp(x*(127/max|x|), -127, 127)) (0 for an
// all-zero block), sum d*float32(Σ values).
func refQuantizeQ8(q *lowbit.Q8, x []float32) {
	b := 0
	for j := 0; j < len(x)/q.Cols; j++ {
		for g := 0; g < q.Cols; g += q.Group {
			for start := 0; start < q.Group; start += 32 {
				c0, c1 := j*q.Cols+g+start, j*q.Cols+g+min(q.Group, start+32)
				var amax float32
				for _, v := range x[c0:c1] {
					amax = max(amax, float32(math.Abs(float64(v))))
				}
				if amax < 0x1p-120 {
					amax = 0 // 127/amax would overflow: the block is stored as zeros
				}
				var inv float32
				if amax != 0 {
					inv = 127 / amax
				}
				sum := 0
				for c := c0; c < c1; c++ {
					v := int8(refRoundEven(min(max(float32(x[c]*inv), -127), 127)))
					q.Values[c] = v
					sum += int(v)
				}
				d := amax / 127
				q.Scales[b], q.Sums[b] = d, float32(d*float32(sum))
				b++
			}
		}
	}
}
