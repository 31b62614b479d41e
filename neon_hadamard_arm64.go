//go:build gc && !purego

package lowbit

// hadamardNEON is Hadamard: blocks of 8 values or more in assembly
// (neonHadamard), blocks of 1, 2 and 4 values in the generic code (a
// stage inside one vector of 4 costs as many instructions as the scalar
// code).
func hadamardNEON(x []float32, n int) {
	if n < 8 {
		hadamardGeneric(x, n)
		return
	}
	s := hadamardScale(n)
	step := max(n, hadamardChunk)
	for ; len(x) > 0; x = x[min(step, len(x)):] {
		neonHadamard(&x[0], min(step, len(x)), n, s)
	}
}
