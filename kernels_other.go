//go:build !gc || purego || !(amd64 || arm64)

package lowbit

// archImplementations returns no assembly implementation: this build runs
// the generic kernels alone (the purego tag, a compiler other than gc, or
// an architecture without lowbit assembly).
func archImplementations() []*Implementation { return nil }
