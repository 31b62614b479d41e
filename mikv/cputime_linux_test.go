//go:build linux

package mikv

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// threadCPU returns the CPU time the calling OS thread has used, in ns,
// and true. Benchmarks lock their goroutine to its thread and report
// values per CPU-ns besides per wall-ns: on a shared, loaded machine the
// wall clock also counts the time other processes held the core.
func threadCPU() (int64, bool) {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_THREAD, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}

// lockThread pins the calling goroutine to its OS thread (see threadCPU).
func lockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}

// processCPU returns the CPU time the whole process has used (every
// thread: the workers too), in ns, and true.
func processCPU() (int64, bool) {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
