//go:build !linux

package mikv

// hugeFromDefault is hugeFrom's default: never, as this system has no
// advice for huge pages that lowbit uses.
const hugeFromDefault = -1

// adviseHuge does nothing on this system.
func adviseHuge([]byte) {}
