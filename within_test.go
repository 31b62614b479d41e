package lowbit

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestWithinLimit compares WithinLimit, on every implementation's scan,
// with the definition per value on the values next to the limits, zeros of
// both signs, infinities and NaNs, at every position of arrays of 1 to 40
// values (the vector loops and their tails).
func TestWithinLimit(t *testing.T) {
	inf := float32(math.Inf(1))
	nan := float32(math.NaN())
	scans := map[string]func([]float32) uint32{"generic": absBitsMaxGeneric, "active": absBitsMax}
	for name, scan := range scans {
		for _, lim := range []float32{0, 1, 65504, MaxF16 / 4, math.MaxFloat32, inf} {
			probes := []float32{0, float32(math.Copysign(0, -1)), 1, -1, lim, -lim,
				math.Nextafter32(lim, 0), -math.Nextafter32(lim, 0), math.Nextafter32(lim, inf), -math.Nextafter32(lim, inf),
				inf, -inf, nan, -nan, math.Float32frombits(0x7fc00001), math.Float32frombits(0xffffffff), math.SmallestNonzeroFloat32}
			rng := rand.New(rand.NewPCG(1, 2))
			for n := 1; n <= 40; n++ {
				for i := range n {
					for _, p := range probes {
						x := make([]float32, n)
						for j := range x {
							x[j] = (rng.Float32()*2 - 1) * min(lim, 1)
						}
						x[i] = p
						want := true
						for _, v := range x {
							if !(v >= -lim && v <= lim) {
								want = false
							}
						}
						if got := scan(x) <= math.Float32bits(lim); got != want {
							t.Fatalf("%s: lim %v, x[%d] = %v of %d: within %v, want %v", name, lim, i, p, n, got, want)
						}
					}
				}
			}
		}
	}
	if !WithinLimit(nil, 0) || WithinLimit([]float32{nan}, inf) || !WithinLimit([]float32{-inf}, inf) {
		t.Fatal("WithinLimit on empty, NaN or infinite input")
	}
}
