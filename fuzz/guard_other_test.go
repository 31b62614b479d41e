//go:build !unix

package fuzz

import "testing"

// guarded returns a copy of v; without mmap there are no guard pages here.
func guarded[T any](t testing.TB, v []T, atStart bool) []T {
	return append([]T(nil), v...)
}
