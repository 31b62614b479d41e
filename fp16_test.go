package lowbit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// f16Value computes the value of fp16 bits from the definition, in float64.
func f16Value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp, mant := int(h>>10&0x1f), float64(h&0x3ff)
	switch exp {
	case 0x1f:
		if mant != 0 {
			return math.NaN()
		}
		return math.Inf(int(sign))
	case 0:
		return sign * mant * math.Exp2(-24)
	}
	return sign * (1 + mant/1024) * math.Exp2(float64(exp-15))
}

func TestF16AllValues(t *testing.T) {
	for i := 0; i < 1<<16; i++ {
		h := uint16(i)
		f := F16ToFloat32(h)
		want := f16Value(h)
		if math.IsNaN(want) {
			require.True(t, math.IsNaN(float64(f)), "%#04x", h)
			// NaNs come back quiet with their payload's top bits.
			assert.Equal(t, h|0x200, F16FromFloat32(f), "%#04x", h)
			continue
		}
		require.Equal(t, want, float64(f), "%#04x", h)
		if h == 0x8000 {
			require.True(t, math.Signbit(float64(f)))
		}
		require.Equal(t, h, F16FromFloat32(f), "round trip of %#04x", h)
	}
}

// nearestF16 finds the fp16 nearest to f by search, ties to the even
// mantissa, overflow to Inf as IEEE rounding defines it.
func nearestF16(f float32) uint16 {
	v := math.Abs(float64(f))
	var sign uint16
	if math.Signbit(float64(f)) {
		sign = 0x8000
	}
	if v >= 65520 { // halfway between 65504 and the next step rounds up, to Inf
		return sign | 0x7c00
	}
	lo, hi := uint16(0), uint16(0x7bff)
	for lo < hi { // greatest h with value(h) <= v
		mid := (lo + hi + 1) / 2
		if f16Value(mid) <= v {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0x7bff {
		return sign | lo
	}
	dlo, dhi := v-f16Value(lo), f16Value(lo+1)-v
	switch {
	case dhi < dlo, dhi == dlo && lo&1 == 1:
		return sign | (lo + 1)
	}
	return sign | lo
}

func TestF16FromFloat32Rounding(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(f float32) {
		require.Equal(t, nearestF16(f), F16FromFloat32(f), "%v (%#08x)", f, math.Float32bits(f))
	}
	for _, f := range []float32{0, 65504, 65519.996, 65520, 1e9, 0x1p-24, 0x1p-25, 0x1.000002p-25, 0x1.8p-24, 0x1p-14,
		0x1.ffcp-15, 1 + 0x1p-11, 1 + 0x3p-11, 1 + 0x1p-11 + 0x1p-20, 2047.5, 2048 + 1, 0x1p-26, math.SmallestNonzeroFloat32} {
		check(f)
		check(-f)
	}
	for i := 0; i < 200000; i++ {
		// Random bits in and around the fp16 range.
		b := rng.Uint32()&0x80ffffff | uint32(rng.IntN(50)+95)<<23
		check(math.Float32frombits(b))
	}
	// Every halfway point between adjacent fp16 values rounds to even.
	for h := uint16(0); h < 0x7bff; h++ {
		mid := float32((f16Value(h) + f16Value(h+1)) / 2)
		check(mid)
	}
	assert.Equal(t, uint16(0x7c00), F16FromFloat32(float32(math.Inf(1))))
	assert.Equal(t, uint16(0xfc00), F16FromFloat32(float32(math.Inf(-1))))
	assert.Equal(t, uint16(0x7e00), F16FromFloat32(float32(math.NaN()))&0x7e00)
}
