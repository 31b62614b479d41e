package main

import (
	"math"
	"time"

	"github.com/lowbit-ml/lowbit/internal/fmapeak"
)

// FMAPeak is the float32 multiply-add throughput one goroutine reaches on
// the vector registers of an implementation: the compute ceiling of
// kernels that spend one FMA lane per value and query row (Dot with
// float32 queries, AddWeighted).
type FMAPeak struct {
	Vector     string  `json:"vector"`           // the registers of the probe: "YMM", "ZMM", "NEON"
	LanesPerNs float64 `json:"fma_lanes_per_ns"` // float32 FMAs per ns (0: no probe for this implementation)
}

// measureFMAPeak times the probe of implementation impl (fmapeak.For)
// and returns its best rate over a few samples of about 20 ms: a peak, so
// the best, not the median (load from elsewhere only lowers it).
func measureFMAPeak(impl string) FMAPeak {
	p, ok := fmapeak.For(impl)
	if !ok {
		return FMAPeak{}
	}
	n := 1 << 16
	for {
		start := time.Now()
		p.Run(n)
		if time.Since(start) >= 20*time.Millisecond || n >= 1<<30 {
			break
		}
		n *= 2
	}
	best := 0.0
	for range 7 {
		start := time.Now()
		p.Run(n)
		ns := float64(max(time.Since(start), time.Nanosecond))
		best = math.Max(best, float64(n)*float64(p.Lanes)/ns)
	}
	return FMAPeak{Vector: p.Vector, LanesPerNs: best}
}
