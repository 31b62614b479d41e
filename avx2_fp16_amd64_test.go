//go:build gc && !purego

package lowbit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAVX2F16FromFloat32 compares F16FromFloat32 with VCVTPS2PH (rounding
// to nearest even) on every halfway point between adjacent fp16 values,
// the values next to them, the fp16 subnormals and their halves, the
// extremes, Inf, NaNs and random bits of every exponent.
func TestAVX2F16FromFloat32(t *testing.T) {
	avx2Or(t)
	var in []float32
	add := func(f float32) { in = append(in, f, -f) }
	for h := uint16(0); h < 0x7c00; h++ {
		lo := float64(F16ToFloat32(h))
		hi := float64(F16ToFloat32(h + 1)) // 0x7c00 is +Inf: the halfway to it is 65520
		if h == 0x7bff {
			hi = 65536
		}
		mid := float32((lo + hi) / 2)
		add(float32(lo))
		add(mid)
		add(math.Nextafter32(mid, 0))
		add(math.Nextafter32(mid, float32(math.Inf(1))))
	}
	for _, f := range []float32{0, 0x1p-25, 0x1p-26, math.SmallestNonzeroFloat32, 0x1p-126, 65504, 65519.996, 65520, 65536, 1e9,
		math.MaxFloat32, float32(math.Inf(1)), math.Float32frombits(0x7fc00000), math.Float32frombits(0x7f800001),
		math.Float32frombits(0x7fbfffff), math.Float32frombits(0x7fd55555)} {
		add(f)
	}
	rng := rand.New(rand.NewPCG(41, 42))
	for i := 0; i < 1<<16; i++ {
		add(math.Float32frombits(rng.Uint32()))
	}
	in = in[:len(in)&^7]
	got := make([]uint16, len(in))
	avx2QuantizeF16(&got[0], &in[0], len(in))
	for k, f := range in {
		if want := F16FromFloat32(f); got[k] != want {
			require.Equal(t, want, got[k], "%v (%#08x)", f, math.Float32bits(f))
		}
	}
}

// TestAVX2F16ToFloat32 compares F16ToFloat32 with VCVTPH2PS on all 65536
// fp16 values, bit for bit (NaNs included).
func TestAVX2F16ToFloat32(t *testing.T) {
	avx2Or(t)
	in := make([]uint16, 1<<16)
	for k := range in {
		in[k] = uint16(k)
	}
	got := make([]float32, len(in))
	avx2DequantizeF16(&got[0], &in[0], len(in))
	for k, h := range in {
		if want := math.Float32bits(F16ToFloat32(h)); math.Float32bits(got[k]) != want {
			require.Equal(t, want, math.Float32bits(got[k]), "%#04x", h)
		}
	}
}
