package mikv

import "syscall"

// hugeFromDefault is hugeFrom's default: 8 MiB of pages per layer.
const hugeFromDefault = 8 << 20

// adviseHuge advises the kernel to back b (new, zeroed Go memory, aligned
// to huge pages) with huge pages, then drops the small pages already
// behind it: Go may hand out memory it used before, which the advice
// alone would leave on small pages. b reads as zeros after, as before.
// The advice may be refused (transparent huge pages off, an old kernel);
// the memory then stays on small pages, which changes nothing but speed.
func adviseHuge(b []byte) {
	if syscall.Madvise(b, syscall.MADV_HUGEPAGE) == nil {
		_ = syscall.Madvise(b, syscall.MADV_DONTNEED)
	}
}
