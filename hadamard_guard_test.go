//go:build unix

package lowbit

import (
	"math/rand/v2"
	"testing"
)

// TestHadamardGuardPages runs every implementation's Hadamard on values
// that end at an unreadable page, then on values that begin right after
// one, for every block of 1 to 2048 values and one to three blocks, and
// requires generic's bits: any access outside x faults.
func TestHadamardGuardPages(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(51, 52))
		for n := 1; n <= 2048; n *= 2 {
			for blocks := 1; blocks <= 3; blocks++ {
				x := randomValues(rng, n*blocks)
				want := append([]float32(nil), x...)
				hadamardGeneric(want, n)
				for _, g := range [][]float32{guardedCopy(t, x), guardedAfter(t, x)} {
					im.Hadamard(g, n)
					if i := sameHadamardBits(g, want); i >= 0 {
						t.Fatalf("n %d, %d blocks: [%d] = %v, generic %v", n, blocks, i, g[i], want[i])
					}
				}
			}
		}
	})
}
