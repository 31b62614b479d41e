//go:build gc && !purego

package main

// fmaLoopNEON runs n iterations of 24 independent 4-lane FMLAs
// (fmapeak_arm64.s).
//
//go:noescape
func fmaLoopNEON(n int)

// fmaProbeFor returns the FMA probe of the registers implementation impl
// computes on: NEON for neon and neondot; none for generic.
func fmaProbeFor(impl string) (fmaProbe, bool) {
	switch impl {
	case "neon", "neondot":
		return fmaProbe{"NEON", 24 * 4, fmaLoopNEON}, true
	}
	return fmaProbe{}, false
}
