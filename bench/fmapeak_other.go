//go:build !gc || purego || !(amd64 || arm64)

package main

// fmaProbeFor has no probe here: the generic kernels' speed is not an FMA
// throughput.
func fmaProbeFor(string) (fmaProbe, bool) { return fmaProbe{}, false }
