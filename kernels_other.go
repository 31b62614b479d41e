//go:build purego || !(amd64 || arm64)

package lowbit

// archImplementations returns no assembly implementation: this build runs
// the generic kernels alone (the purego tag, or an architecture without
// lowbit assembly).
func archImplementations() []*Implementation { return nil }
