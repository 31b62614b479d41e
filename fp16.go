package lowbit

import "math"

// MaxF16 is the largest finite fp16 value. Values stored through an fp16
// scale or min (every code format) or as fp16 must not exceed it in
// magnitude.
const MaxF16 = 65504

// F16FromFloat32 converts f to IEEE 754 binary16 bits, rounding to nearest
// even, with subnormals. Values too large for fp16 become ±Inf; a NaN stays
// a NaN (quiet, with the top payload bits kept), as x86 F16C and arm64 FCVT
// convert.
func F16FromFloat32(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int(b >> 23 & 0xff)
	mant := b & 0x7fffff
	if exp == 0xff {
		if mant != 0 {
			return sign | 0x7e00 | uint16(mant>>13)
		}
		return sign | 0x7c00
	}
	e := exp - 127 + 15 // fp16 biased exponent
	if e >= 0x1f {
		return sign | 0x7c00
	}
	if e <= 0 { // fp16 subnormal or zero
		if e < -10 {
			return sign // below half the smallest subnormal: rounds to zero
		}
		m := mant | 0x800000
		shift := uint(14 - e)
		h := m >> shift
		rem, half := m&(1<<shift-1), uint32(1)<<(shift-1)
		if rem > half || rem == half && h&1 == 1 {
			h++ // may carry into the smallest normal: the encoding is still right
		}
		return sign | uint16(h)
	}
	h := uint32(e)<<10 | mant>>13
	rem := mant & 0x1fff
	if rem > 0x1000 || rem == 0x1000 && h&1 == 1 {
		h++ // a carry into the exponent is right, and reaches Inf at the top
	}
	return sign | uint16(h)
}

// F16ToFloat32 converts IEEE 754 binary16 bits to float32 exactly. A NaN
// comes back quiet with its payload kept, as x86 F16C (VCVTPH2PS) and
// arm64 FCVT convert it.
func F16ToFloat32(h uint16) float32 {
	// Read the exponent and mantissa bits as a float32 with the exponent
	// 112 too small, then scale by 2^112: exact for normals, subnormals and
	// zero. An all-ones exponent (Inf, NaN) gets the float32 all-ones
	// exponent, keeping the mantissa.
	b := math.Float32bits(math.Float32frombits(uint32(h&0x7fff)<<13)*0x1p112) | uint32(h&0x8000)<<16
	if h&0x7c00 == 0x7c00 {
		b |= 0x7f800000
		if h&0x3ff != 0 {
			b |= 0x400000 // quiet
		}
	}
	return math.Float32frombits(b)
}
