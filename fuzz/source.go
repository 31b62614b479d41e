package fuzz

import (
	"hash/fnv"
	"math"
	"math/rand/v2"

	"github.com/lowbit-ml/lowbit"
)

// Source turns a fuzz input into the decisions of one test case. It hands
// out the input's bytes in order and, once they run out, bytes of a
// pseudo-random stream seeded by the whole input, so that a short input
// still describes a full case (a few hundred values) and every byte the
// fuzzer mutates changes the case. The first bytes decide the format and
// shape, so seeds can be written by hand (see the fuzz targets' corpora).
type Source struct {
	data []byte
	rng  *rand.Rand
}

// NewSource returns a Source reading data.
func NewSource(data []byte) *Source {
	h := fnv.New64a()
	h.Write(data)
	return &Source{data: data, rng: rand.New(rand.NewPCG(h.Sum64(), uint64(len(data))))}
}

// Byte returns the next byte of the input, or of the stream after it.
func (s *Source) Byte() byte {
	if len(s.data) > 0 {
		b := s.data[0]
		s.data = s.data[1:]
		return b
	}
	return byte(s.rng.Uint32())
}

// Uint16 returns the next two bytes, little-endian.
func (s *Source) Uint16() uint16 { return uint16(s.Byte()) | uint16(s.Byte())<<8 }

// Uint32 returns the next four bytes, little-endian.
func (s *Source) Uint32() uint32 { return uint32(s.Uint16()) | uint32(s.Uint16())<<16 }

// formatBits lists the widths a format byte selects from.
var formatBits = [...]int{2, 3, 4, 5, 6, 7, 8, 16, 32}

// MaxCols bounds the values per row of a decoded case: long enough for
// every block boundary and for rows of several groups, short enough that
// the largest case runs in about a millisecond.
const MaxCols = 1024

// Format reads a format and a row length from three bytes:
//
//	byte 0: bits 0-3 select the width (2, 3, 4, 5, 6, 7, 8, 16, 32, then
//	        again from 2), bit 4 makes codes symmetric
//	byte 1: codes: the group, 8*(1 + b%32), 8 to 256 values (every
//	        remainder mod 32: full and partial last blocks)
//	byte 2: codes: 1 + b%40 groups per row (at most MaxCols values);
//	        fp16 and float32: 1 + b values per row
func (s *Source) Format() (f lowbit.Format, cols int) {
	b0, b1, b2 := s.Byte(), s.Byte(), s.Byte()
	bits := formatBits[int(b0&15)%len(formatBits)]
	if bits > 8 {
		return lowbit.Format{Bits: bits}, 1 + int(b2)
	}
	f = lowbit.Format{Bits: bits, Group: 8 * (1 + int(b1)%32), Symmetric: b0&16 != 0}
	groups := min(1+int(b2)%40, MaxCols/f.Group)
	return f, groups * f.Group
}

// Style says how Values draws numbers. Limit is the largest magnitude
// allowed (MaxF16 where the format stores through fp16, the largest
// float32 otherwise); the other fields are read from a style byte.
type Style struct {
	Limit     float32
	Class     Magnitude // typical size of the values
	Zeros     bool      // many zeros of either sign
	Constant  bool      // some runs (groups) hold one repeated value
	NonFinite bool      // NaN and ±Inf among the special values
}

// Magnitude is the typical size of drawn values.
type Magnitude int

// The magnitude classes of a Style.
const (
	Unit  Magnitude = iota // about 1
	Huge                   // up to Limit
	Tiny                   // subnormal: of fp16 if Limit is MaxF16, else of float32
	Mixed                  // each value with its own exponent over the whole range
)

// Style reads a style byte: bits 0-1 the magnitude class, bit 2 zeros,
// bit 3 constant runs, bit 4 non-finite specials.
func (s *Source) Style(limit float32) Style {
	b := s.Byte()
	return Style{Limit: limit, Class: Magnitude(b & 3), Zeros: b&4 != 0, Constant: b&8 != 0, NonFinite: b&16 != 0}
}

// specials are the values that break careless kernels: signed zeros,
// float32 and fp16 subnormals and range ends, exact halves. Values above a
// style's Limit are clamped to it.
var specials = []float32{
	0, float32(math.Copysign(0, -1)), 1, -1, 0.5, -0.5,
	math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32,
	0x1.fffffcp-127, -0x1.fffffcp-127, // largest float32 subnormal
	0x1p-126, -0x1p-126, // smallest float32 normal
	0x1p-24, -0x1p-24, 0x1p-25, 0x1.ff8p-15, // fp16 smallest subnormal, half of it, largest subnormal
	0x1p-14, -0x1p-14, // fp16 smallest normal
	lowbit.MaxF16, -lowbit.MaxF16, 65519, -65519, // fp16 top; 65519 rounds to it
	math.MaxFloat32, -math.MaxFloat32, 1e30, -1e30,
}

// nonFinite are the specials a NonFinite style adds.
var nonFinite = []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))}

// Values fills x with values drawn in style st. Runs of run values (a
// group; 0 for none) are made constant now and then when st.Constant is
// set. Each value costs one byte and, for an ordinary value, two or three
// more:
//
//	< 8    a special value (next byte picks which)
//	< 20   the previous value again
//	< 64   ±0 if st.Zeros
//	else   a 16-bit mantissa scaled to st.Class (and, for Mixed, an exponent byte)
func (s *Source) Values(x []float32, st Style, run int) {
	prev := float32(0)
	for i := 0; i < len(x); i++ {
		if st.Constant && run > 0 && i%run == 0 && s.Byte()&3 == 0 {
			v := s.value(st, prev)
			for k := i; k < min(len(x), i+run); k++ {
				x[k] = v
			}
			i += run - 1
			prev = v
			continue
		}
		x[i] = s.value(st, prev)
		prev = x[i]
	}
}

func (s *Source) value(st Style, prev float32) float32 {
	t := s.Byte()
	switch {
	case t < 8:
		k := int(s.Byte())
		if st.NonFinite && k%8 == 0 {
			return nonFinite[k/8%len(nonFinite)]
		}
		return clamp(specials[k%len(specials)], st.Limit)
	case t < 20:
		return prev
	case t < 64 && st.Zeros:
		return float32(math.Copysign(0, float64(int(t&1)*-2+1)))
	}
	m := float64(int16(s.Uint16())) / 32768
	switch st.Class {
	case Huge:
		m *= float64(st.Limit)
	case Tiny:
		if st.Limit <= lowbit.MaxF16 {
			m *= 0x1p-15 // mostly fp16 subnormals (below 2^-14), down to 2^-30
		} else {
			m *= 0x1p-127 // mostly float32 subnormals
		}
	case Mixed:
		// An exponent over the whole range of the limit, from the
		// float32 subnormals up.
		top := math.Log2(float64(st.Limit))
		m = math.Ldexp(m, int(float64(s.Byte())/255*(top+149))-149)
	}
	return clamp(float32(m), st.Limit)
}

// clamp limits v to ±limit; it keeps NaN.
func clamp(v, limit float32) float32 {
	if v > limit {
		return limit
	}
	if v < -limit {
		return -limit
	}
	return v
}

// String returns the style in a compact form, such as "unit+zeros+nonfinite".
func (st Style) String() string {
	s := [...]string{"unit", "huge", "tiny", "mixed"}[st.Class&3]
	if st.Zeros {
		s += "+zeros"
	}
	if st.Constant {
		s += "+constant"
	}
	if st.NonFinite {
		s += "+nonfinite"
	}
	return s
}
