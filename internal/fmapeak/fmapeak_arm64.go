//go:build gc && !purego

package fmapeak

// fmaLoopNEON runs n iterations of 24 independent 4-lane FMLAs
// (fmapeak_arm64.s).
//
//go:noescape
func fmaLoopNEON(n int)

// For returns the probe of the registers implementation impl computes on:
// NEON for neon and neondot; none for generic.
func For(impl string) (Probe, bool) {
	switch impl {
	case "neon", "neondot":
		return Probe{"NEON", 24 * 4, fmaLoopNEON}, true
	}
	return Probe{}, false
}
