package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameHadamardBits reports the first index where got and want differ in
// their bits (two NaNs count as equal: their payloads may differ), or -1.
func sameHadamardBits(got, want []float32) int {
	for i := range want {
		g, w := got[i], want[i]
		if math.Float32bits(g) != math.Float32bits(w) && !(g != g && w != w) {
			return i
		}
	}
	return -1
}

// checkHadamardImpl runs im.Hadamard and generic's on copies of x and
// fails at the first value whose bits differ.
func checkHadamardImpl(t *testing.T, im *Implementation, x []float32, n int, what string) {
	t.Helper()
	want := append([]float32(nil), x...)
	hadamardGeneric(want, n)
	got := append([]float32(nil), x...)
	im.Hadamard(got, n)
	if i := sameHadamardBits(got, want); i >= 0 {
		t.Fatalf("%s, n %d, %d values: [%d] = %v (%#08x), generic %v (%#08x); input %v",
			what, n, len(x), i, got[i], math.Float32bits(got[i]), want[i], math.Float32bits(want[i]), x[i])
	}
}

// TestHadamardImplementations: every implementation gives generic's bits
// for every block of 1 to 1024 values and 1 to 5 blocks, on activations,
// huge values whose sums overflow, and special values.
func TestHadamardImplementations(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(7, 8))
		for n := 1; n <= 1024; n *= 2 {
			for blocks := 1; blocks <= 5; blocks++ {
				checkHadamardImpl(t, im, randomValues(rng, n*blocks), n, "random")
				checkHadamardImpl(t, im, hadamardSpecials(rng, n*blocks), n, "specials")
			}
		}
		// Longer than hadamardChunk: the kernels take it in pieces.
		for _, n := range []int{8, 1024, 2 * hadamardChunk} {
			checkHadamardImpl(t, im, randomValues(rng, n*(hadamardChunk/n+3)), n, "long")
		}
		assert.True(t, im.Name() == "generic" || im.Accelerated(KernelHadamard, F32))
	})
}

// hadamardSpecials draws from values that break careless kernels: signed
// zeros, subnormals, ±Inf, NaN, the fp16 top and float32 values so large
// that their sums overflow to ±Inf (and Inf - Inf gives NaN).
func hadamardSpecials(rng *rand.Rand, n int) []float32 {
	sp := []float32{0, float32(math.Copysign(0, -1)), math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32,
		0x1.fffffcp-127, 0x1p-126, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()),
		65504, -65504, 3e38, -3e38, math.MaxFloat32, 1, -1}
	x := make([]float32, n)
	for i := range x {
		if rng.IntN(3) == 0 {
			x[i] = float32(rng.NormFloat64())
		} else {
			x[i] = sp[rng.IntN(len(sp))]
		}
	}
	return x
}

// TestHadamardHuge: values of 3e38 overflow in the first stage; all
// implementations agree on where ±Inf and NaN come out.
func TestHadamardHuge(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		for _, n := range []int{8, 16, 32, 64, 128, 256, 512} {
			x := make([]float32, 2*n)
			for i := range x {
				x[i] = 3e38
				if i%3 == 1 {
					x[i] = -3e38
				}
			}
			checkHadamardImpl(t, im, x, n, "huge")
		}
	})
}

// TestHadamardMisuse: bad block sizes and lengths panic with a message
// naming Hadamard and write nothing, on every implementation.
func TestHadamardMisuse(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		for _, c := range []struct{ length, n int }{{24, 3}, {24, 0}, {24, -8}, {24, 16}, {12, 8}, {100, 64}, {7, 2}} {
			x := make([]float32, c.length)
			for i := range x {
				x[i] = float32(i + 1)
			}
			before := append([]float32(nil), x...)
			assert.PanicsWithValue(t, hadamardPanic(c.length, c.n), func() { im.Hadamard(x, c.n) }, "len %d, n %d", c.length, c.n)
			require.Equal(t, before, x, "len %d, n %d: a failed call wrote", c.length, c.n)
		}
		im.Hadamard(nil, 64) // no blocks: nothing to do
		im.Hadamard([]float32{}, 1)
	})
}

// hadamardPanic returns the panic value of checkHadamard.
func hadamardPanic(length, n int) (p any) {
	defer func() { p = recover() }()
	checkHadamard(length, n)
	return fmt.Sprintf("no panic for len %d, n %d", length, n)
}
