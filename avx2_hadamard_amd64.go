//go:build gc && !purego

package lowbit

// hadamardAVX2 is Hadamard: blocks of 8 values or more in assembly
// (avx2Hadamard), smaller blocks in the generic code (hadamardChunks).
func hadamardAVX2(x []float32, n int) { hadamardChunks(x, n, avx2Hadamard) }
