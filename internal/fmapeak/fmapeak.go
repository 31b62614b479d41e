// Package fmapeak holds the loops that measure a core's float32 FMA
// throughput on the vector registers of lowbit's implementations: the
// compute ceiling that bench prints beside the kernels and the MiKV table,
// and that BenchmarkAttention measures beside the attention kernels.
package fmapeak

// Probe is a loop of independent FMAs: Run(n) makes n iterations of Lanes
// float32 FMA lanes each, on the registers Vector ("YMM", "ZMM", "NEON").
type Probe struct {
	Vector string
	Lanes  int
	Run    func(n int)
}
