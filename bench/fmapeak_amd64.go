//go:build gc && !purego

package main

// fmaLoopAVX2 and fmaLoopAVX512 run n iterations of 12 (16) independent
// FMAs on YMM (ZMM) registers (fmapeak_amd64.s).
//
//go:noescape
func fmaLoopAVX2(n int)

//go:noescape
func fmaLoopAVX512(n int)

// fmaProbeFor returns the FMA probe of the registers implementation impl
// computes on: YMM for avx2, ZMM for avx512 (which only runs on a CPU
// with AVX-512); none for generic.
func fmaProbeFor(impl string) (fmaProbe, bool) {
	switch impl {
	case "avx2":
		return fmaProbe{"YMM", 12 * 8, fmaLoopAVX2}, true
	case "avx512":
		return fmaProbe{"ZMM", 16 * 16, fmaLoopAVX512}, true
	}
	return fmaProbe{}, false
}
