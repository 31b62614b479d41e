//go:build gc && !purego

package lowbit

// absBitsMaxNEON is absBitsMax in NEON: the scan that validates every
// Quantize and QuantizeQ8 input, whichever implementation then runs.
func absBitsMaxNEON(x []float32) uint32 {
	if len(x) == 0 {
		return 0
	}
	return neonAbsBitsMax(&x[0], len(x))
}

func init() {
	// NEON is part of every arm64 CPU (archImplementations checks ASIMD
	// for the kernels; the scan needs nothing more).
	absBitsMax = absBitsMaxNEON
}
