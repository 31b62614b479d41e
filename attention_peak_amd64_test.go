//go:build gc && !purego

package lowbit

// fmaPeaks returns the loops that measure the FMA peak of the vector
// widths this CPU runs: "fma-peak" (avx2FMAPeak: 12 independent FMA of 8
// lanes an iteration) and, with AVX-512, "fma-peak-zmm" (avx512FMAPeak:
// 16 of 16 lanes).
func fmaPeaks() []fmaPeakLoop {
	var loops []fmaPeakLoop
	if Lookup("avx2") != nil {
		loops = append(loops, fmaPeakLoop{"fma-peak", 12 * 16, avx2FMAPeak})
	}
	if Lookup("avx512") != nil {
		loops = append(loops, fmaPeakLoop{"fma-peak-zmm", 16 * 32, avx512FMAPeak})
	}
	return loops
}
