//go:build unix

package main

import "syscall"

// processCPU returns the CPU time the process has used, in ns, and true:
// BenchmarkGenerate reports tokens per CPU-second besides per second, which
// on a shared, loaded machine says what a run costs better than the wall
// clock does.
func processCPU() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
