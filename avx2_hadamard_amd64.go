//go:build gc && !purego

package lowbit

// hadamardAVX2 is Hadamard: blocks of 8 values or more in assembly
// (avx2Hadamard), blocks of 1, 2 and 4 values in the generic code (a vector
// holds 8 values, and such blocks cost a few additions per value anyway).
func hadamardAVX2(x []float32, n int) {
	if n < 8 {
		hadamardGeneric(x, n)
		return
	}
	s := hadamardScale(n)
	step := max(n, hadamardChunk)
	for ; len(x) > 0; x = x[min(step, len(x)):] {
		avx2Hadamard(&x[0], min(step, len(x)), n, s)
	}
}
