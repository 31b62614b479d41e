//go:build gc && !purego

package lowbit

import "github.com/klauspost/cpuid/v2"

// absBitsMaxAVX2 is absBitsMax in AVX2: the scan that validates every
// Quantize and QuantizeQ8 input, whichever implementation then runs.
func absBitsMaxAVX2(x []float32) uint32 {
	if len(x) == 0 {
		return 0
	}
	return avx2AbsBitsMax(&x[0], len(x))
}

func init() {
	if cpuid.CPU.Supports(cpuid.AVX2) {
		absBitsMax = absBitsMaxAVX2
	}
}
