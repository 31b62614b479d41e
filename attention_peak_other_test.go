//go:build !amd64 || !gc || purego

package lowbit

// fmaPeaks returns none: the FMA peak loops are amd64 assembly.
func fmaPeaks() []fmaPeakLoop { return nil }
