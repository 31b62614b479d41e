//go:build unix

package fuzz

import (
	"sync"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// guardPool keeps mappings for reuse, by the number of pages between their
// two guard pages: a fuzzer makes thousands of cases a second, and
// mapping and protecting fresh pages for each would cost more than the
// kernels.
var guardPool = struct {
	sync.Mutex
	free map[int][][]byte
}{free: map[int][][]byte{}}

// guarded returns a copy of v in memory that ends (atStart false) or
// begins (atStart true) exactly at an unreadable page, so that a kernel
// reading or writing one element past its slice faults. The memory is
// reused after the test ends.
func guarded[T any](t testing.TB, v []T, atStart bool) []T {
	if len(v) == 0 {
		return v
	}
	var zero T
	size := int(unsafe.Sizeof(zero)) * len(v)
	page := unix.Getpagesize()
	body := (size + page - 1) / page
	guardPool.Lock()
	var mem []byte
	if free := guardPool.free[body]; len(free) > 0 {
		mem, guardPool.free[body] = free[len(free)-1], free[:len(free)-1]
	}
	guardPool.Unlock()
	if mem == nil {
		var err error
		mem, err = unix.Mmap(-1, 0, (body+2)*page, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
		if err != nil {
			t.Fatalf("mmap: %v", err)
		}
		if err := unix.Mprotect(mem[:page], unix.PROT_NONE); err != nil {
			t.Fatalf("mprotect: %v", err)
		}
		if err := unix.Mprotect(mem[(body+1)*page:], unix.PROT_NONE); err != nil {
			t.Fatalf("mprotect: %v", err)
		}
	}
	t.Cleanup(func() {
		guardPool.Lock()
		guardPool.free[body] = append(guardPool.free[body], mem)
		guardPool.Unlock()
	})
	off := (body+1)*page - size
	if atStart {
		off = page
	}
	s := unsafe.Slice((*T)(unsafe.Pointer(&mem[off])), len(v))
	copy(s, v)
	return s
}
