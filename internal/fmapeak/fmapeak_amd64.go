//go:build gc && !purego

package fmapeak

// fmaLoopAVX2 and fmaLoopAVX512 run n iterations of 12 (16) independent
// FMAs on YMM (ZMM) registers (fmapeak_amd64.s).
//
//go:noescape
func fmaLoopAVX2(n int)

//go:noescape
func fmaLoopAVX512(n int)

// For returns the probe of the registers implementation impl computes on:
// YMM for avx2, ZMM for avx512 (which only runs on a CPU with AVX-512);
// none for generic.
func For(impl string) (Probe, bool) {
	switch impl {
	case "avx2":
		return Probe{"YMM", 12 * 8, fmaLoopAVX2}, true
	case "avx512":
		return Probe{"ZMM", 16 * 16, fmaLoopAVX512}, true
	}
	return Probe{}, false
}
