//go:build linux

package lowbit

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// threadCPU returns the CPU time the calling OS thread has used, in ns,
// and true. Benchmarks lock their goroutine to its thread and report
// flops per CPU second besides per wall second: on a shared, loaded
// machine the wall clock also counts the time other processes held the
// core.
func threadCPU() (int64, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return ts.Nano(), true
}

// lockThread pins the calling goroutine to its OS thread (see threadCPU).
func lockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
