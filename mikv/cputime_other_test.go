//go:build !linux

package mikv

// threadCPU reports that per-thread CPU time is not measured here.
func threadCPU() (int64, bool) { return 0, false }

// lockThread does nothing where threadCPU does not measure.
func lockThread() func() { return func() {} }

// processCPU reports that process CPU time is not measured here.
func processCPU() (int64, bool) { return 0, false }
