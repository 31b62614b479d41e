package fuzz

import (
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzF16 checks the fp16 conversions: F16FromFloat32 of any float32 bits
// against refF16 (float64 round to nearest even, subnormals, overflow to
// Inf, NaN kept quiet with its top payload bits), F16ToFloat32 of any fp16
// bits against the IEEE definition, and the round trip fp16 -> float32 ->
// fp16 (exact, NaN made quiet).
func FuzzF16(f *testing.F) { f.Fuzz(fuzzF16) }

func fuzzF16(t *testing.T, b uint32, h uint16) {
	v := math.Float32frombits(b)
	if got, want := lowbit.F16FromFloat32(v), refF16(v); got != want {
		t.Fatalf("F16FromFloat32(%v = %#08x) = %#04x, want %#04x", v, b, got, want)
	}
	back := lowbit.F16ToFloat32(h)
	want := f16Value(h)
	if math.IsNaN(want) {
		if back == back {
			t.Fatalf("F16ToFloat32(%#04x) = %v, want NaN", h, back)
		}
		if rt := lowbit.F16FromFloat32(back); rt != h|0x200 {
			t.Fatalf("F16FromFloat32(F16ToFloat32(%#04x)) = %#04x, want %#04x", h, rt, h|0x200)
		}
		return
	}
	if float64(back) != want || math.Signbit(float64(back)) != (h&0x8000 != 0) {
		t.Fatalf("F16ToFloat32(%#04x) = %v, want %v", h, back, want)
	}
	if rt := lowbit.F16FromFloat32(back); rt != h {
		t.Fatalf("F16FromFloat32(F16ToFloat32(%#04x)) = %#04x", h, rt)
	}
}
