package main

import (
	"bytes"
	"sync"
)

// Bandwidth is the streaming read bandwidth that bench measured, for one
// buffer size.
type Bandwidth struct {
	Size   string  `json:"size"` // "L2" or "DRAM"
	Bytes  int64   `json:"bytes"`
	GBs    float64 `json:"gb_per_s"` // the best of the probes, 1e9 bytes per second
	Method string  `json:"method"`   // the probe that gave GBs
	// Goroutines scanned the buffer, each its own part (0 means 1).
	Goroutines int `json:"goroutines,omitempty"`
}

// readProbes are read-only scans that Go's runtime implements in SIMD
// assembly on every architecture it supports (internal/bytealg), so they
// read about as fast as one core can without lowbit's own code. Each reads
// the whole buffer and returns a value that depends on all of it.
var readProbes = []struct {
	name string
	scan func(a, b []byte) int // a and b are the two halves of the buffer
}{
	{"bytes.IndexByte", func(a, b []byte) int { return bytes.IndexByte(a, 0) + bytes.IndexByte(b, 0) }},
	{"bytes.Count", func(a, b []byte) int { return bytes.Count(a, []byte{0}) + bytes.Count(b, []byte{0}) }},
	{"bytes.Equal", func(a, b []byte) int {
		if bytes.Equal(a, b) {
			return 1
		}
		return 0
	}},
}

// measureBandwidth measures how fast one goroutine streams through a buffer
// of n bytes with each read probe and returns the best probe's median. It
// measures reads only (no writes), through the Go runtime's own vectorized
// loops: a lower bound of what the core can read, and the yardstick the
// kernels' traffic is compared with.
func measureBandwidth(n int64, t timing) Bandwidth {
	buf := newProbeBuffer(n)
	a, b := buf[:n/2], buf[n/2:]
	best := Bandwidth{Bytes: n / 2 * 2}
	for _, p := range readProbes {
		ns := t.measure(func() { p.scan(a, b) }) // assembly calls are never elided
		if gbs := float64(best.Bytes) / ns; gbs > best.GBs {
			best.GBs, best.Method = gbs, p.name
		}
	}
	return best
}

// measureBandwidthOn measures how fast g goroutines together stream
// through a buffer of n bytes, each through its own part, with the read
// probe named method (the one that was best on one goroutine), and returns
// the median: the ceiling of memory-bound work spread over g workers.
func measureBandwidthOn(n int64, t timing, g int, method string) Bandwidth {
	scan := probeScan(method)
	part := n / int64(2*g) // each goroutine: two halves of part bytes
	buf := make([]byte, 2*part*int64(g))
	parts := make([][2][]byte, g)
	for i := range parts {
		fillProbe(buf[2*int64(i)*part:][:2*part])
		parts[i] = [2][]byte{buf[2*int64(i)*part:][:part], buf[(2*int64(i)+1)*part:][:part]}
	}
	ns := t.measure(func() {
		var wg sync.WaitGroup
		for _, p := range parts {
			wg.Go(func() { scan(p[0], p[1]) })
		}
		wg.Wait()
	})
	return Bandwidth{Bytes: int64(len(buf)), GBs: float64(len(buf)) / ns, Method: method, Goroutines: g}
}

// newProbeBuffer returns a buffer of n bytes (rounded down to even) that
// every read probe scans whole (fillProbe).
func newProbeBuffer(n int64) []byte {
	buf := make([]byte, n/2*2)
	fillProbe(buf)
	return buf
}

// fillProbe fills buf (of even length) so that every read probe scans it
// whole: no zero byte (IndexByte and Count) and two equal halves (Equal).
func fillProbe(buf []byte) {
	a, b := buf[:len(buf)/2], buf[len(buf)/2:]
	for i := range a {
		a[i] = byte(i%251) + 1
	}
	copy(b, a)
}

// probeScan returns the scan of the read probe named method (the first
// probe if none is): a caller reads a probe buffer's two halves with it.
func probeScan(method string) func(a, b []byte) int {
	for _, p := range readProbes {
		if p.name == method {
			return p.scan
		}
	}
	return readProbes[0].scan
}
