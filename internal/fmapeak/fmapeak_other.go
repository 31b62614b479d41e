//go:build !gc || purego || !(amd64 || arm64)

package fmapeak

// For has no probe here: the generic kernels' speed is not an FMA
// throughput.
func For(string) (Probe, bool) { return Probe{}, false }
