//go:build arm64 && gc && !purego

package lowbit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNEONAbsBitsMax compares the NEON scan with the generic one on every
// length up to 70 (the 16-, 4- and 1-value steps) with the largest value,
// a NaN, an infinity or a negative zero at every place, read from memory
// that ends at a guard page.
func TestNEONAbsBitsMax(t *testing.T) {
	rng := rand.New(rand.NewPCG(49, 50))
	specials := []float32{float32(math.NaN()), float32(math.Inf(-1)), float32(math.Inf(1)), -1e30, float32(math.Copysign(0, -1)), math.SmallestNonzeroFloat32}
	for n := 0; n <= 70; n++ {
		x := guardedCopy(t, randomValues(rng, n))
		require.Equal(t, absBitsMaxGeneric(x), absBitsMaxNEON(x), "n %d", n)
		for k := 0; k < n; k++ {
			for _, v := range specials {
				old := x[k]
				x[k] = v
				require.Equal(t, absBitsMaxGeneric(x), absBitsMaxNEON(x), "n %d, x[%d] = %v", n, k, v)
				x[k] = old
			}
		}
	}
}
