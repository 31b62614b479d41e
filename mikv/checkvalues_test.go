package mikv

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExceedsLimit compares exceedsLimit with checkValues' test per value
// on the values next to the limits, zeros of both signs, infinities and
// NaNs, at every position of arrays of 1 to 19 values (the unrolled loop
// and its tail).
func TestExceedsLimit(t *testing.T) {
	inf := float32(math.Inf(1))
	nan := float32(math.NaN())
	for _, lim := range []float32{0, 1, 65504, MaxValue, math.MaxFloat32, inf} {
		probes := []float32{0, float32(math.Copysign(0, -1)), 1, -1, lim, -lim,
			math.Nextafter32(lim, 0), -math.Nextafter32(lim, 0), math.Nextafter32(lim, inf), -math.Nextafter32(lim, inf),
			inf, -inf, nan, -nan, math.Float32frombits(0x7fc00001), math.Float32frombits(0xffffffff), math.SmallestNonzeroFloat32}
		rng := rand.New(rand.NewPCG(1, 2))
		for n := 1; n < 20; n++ {
			for i := range n {
				for _, p := range probes {
					x := make([]float32, n)
					for j := range x {
						x[j] = (rng.Float32()*2 - 1) * min(lim, 1)
					}
					x[i] = p
					want := false
					for _, v := range x {
						if !(v >= -lim && v <= lim) {
							want = true
						}
					}
					if got := exceedsLimit(x, lim); got != want {
						t.Fatalf("lim %v, x[%d] = %v of %d: exceedsLimit %v, want %v", lim, i, p, n, got, want)
					}
				}
			}
		}
	}
}
