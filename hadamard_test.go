package lowbit

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHadamardMatchesMatrix compares Hadamard of every implementation with
// the product by the Sylvester matrix in float64, checks that it is its own
// inverse, and that bad sizes panic without writing.
func TestHadamardMatchesMatrix(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) { hadamardMatchesMatrix(t, im.Hadamard) })
	hadamardMatchesMatrix(t, Hadamard) // the package-level function
}

func hadamardMatchesMatrix(t *testing.T, Hadamard func(x []float32, n int)) {
	rng := rand.New(rand.NewPCG(41, 42))
	for _, n := range []int{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024} {
		x := make([]float32, 3*n)
		for i := range x {
			x[i] = float32(rng.NormFloat64())
		}
		y := append([]float32(nil), x...)
		Hadamard(y, n)
		for b := 0; b < 3; b++ {
			for i := range n {
				var want float64
				for j := range n {
					sign := 1.0
					if bits.OnesCount(uint(i&j))%2 == 1 {
						sign = -1
					}
					want += sign * float64(x[b*n+j])
				}
				want /= math.Sqrt(float64(n))
				require.InDelta(t, want, y[b*n+i], 1e-5*math.Sqrt(float64(n))*4, "n %d block %d value %d", n, b, i)
			}
		}
		z := append([]float32(nil), y...)
		Hadamard(z, n)
		for i := range x {
			require.InDelta(t, x[i], z[i], 1e-5*float64(n), "n %d: not its own inverse at %d", n, i)
		}
	}
	x := []float32{1, 2, 3}
	assert.Panics(t, func() { Hadamard(x, 3) })
	assert.Panics(t, func() { Hadamard(x, 2) })
	assert.Panics(t, func() { Hadamard(x, 0) })
	assert.Equal(t, []float32{1, 2, 3}, x)
}

// TestHadamardScale: the table holds float32(1/√n) for every power of two.
func TestHadamardScale(t *testing.T) {
	for k := 0; k < 63; k++ {
		n := 1 << k
		require.Equal(t, float32(1/math.Sqrt(float64(n))), hadamardScale(n), "n = 2^%d", k)
	}
}
