package lowbit

import "github.com/lowbit-ml/lowbit/internal/fmapeak"

// fmaPeaks returns the loops that measure the FMA peak of the vector
// registers of the implementations this CPU runs (internal/fmapeak, the
// probes bench prints): "fma-peak" (YMM, avx2), "fma-peak-zmm" (ZMM,
// avx512), "fma-peak-neon" (neon, neondot).
func fmaPeaks() []fmaPeakLoop {
	names := map[string]string{"YMM": "fma-peak", "ZMM": "fma-peak-zmm", "NEON": "fma-peak-neon"}
	var loops []fmaPeakLoop
	seen := map[string]bool{}
	for _, im := range Implementations() {
		p, ok := fmapeak.For(im.Name())
		if !ok || seen[p.Vector] {
			continue
		}
		seen[p.Vector] = true
		loops = append(loops, fmaPeakLoop{names[p.Vector], 2 * p.Lanes, p.Run})
	}
	return loops
}
