//go:build gc && !purego

package lowbit

// hadamardNEON is Hadamard: blocks of 8 values or more in assembly
// (neonHadamard), smaller blocks in the generic code (hadamardChunks).
func hadamardNEON(x []float32, n int) { hadamardChunks(x, n, neonHadamard) }
