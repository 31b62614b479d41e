//go:build !amd64 || !gc || purego

package lowbit

// fmaPeak returns nil: the FMA peak loop is amd64 assembly.
func fmaPeak() func(iters int) { return nil }
