//go:build gc && !purego

package lowbit

// fmaPeak returns the loop that measures the FMA peak (avx2FMAPeak: 12
// independent FMA of 8 lanes an iteration), or nil where it cannot run.
func fmaPeak() func(iters int) {
	if Lookup("avx2") == nil {
		return nil
	}
	return avx2FMAPeak
}
