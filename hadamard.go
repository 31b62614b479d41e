package lowbit

import (
	"fmt"
	"math"
)

// Hadamard replaces every consecutive block of n values of x by its
// orthonormal Walsh–Hadamard transform H_n·block/√n, in place: H_1 = [1],
// H_2m = [[H_m, H_m], [H_m, -H_m]] (Sylvester's natural order). The
// transform is its own inverse and keeps dot products: Hadamard of a query
// and of a key leaves q·k unchanged up to rounding. n must be a power of
// two and len(x) a multiple of n; it panics otherwise.
//
// It computes the butterflies stage by stage (h = 1, 2, 4, …, n/2: a, b →
// a+b, a-b) and then multiplies by float32(1/√n), so every implementation
// gives the same bits (a NaN may carry another payload).
func Hadamard(x []float32, n int) { active.Hadamard(x, n) }

// checkHadamard panics unless n is a power of two dividing length.
func checkHadamard(length, n int) {
	if n <= 0 || n&(n-1) != 0 {
		panic(fmt.Sprintf("lowbit: Hadamard block of %d values: not a power of two", n))
	}
	if length%n != 0 {
		panic(fmt.Sprintf("lowbit: Hadamard of %d values in blocks of %d: not a whole number of blocks", length, n))
	}
}

// hadamardChunk bounds the values of one call to a Hadamard assembly kernel
// (whole blocks, at least one), so that a long call returns to Go now and
// then.
const hadamardChunk = 1 << 16

// hadamardScale returns float32(1/√n).
func hadamardScale(n int) float32 { return float32(1 / math.Sqrt(float64(n))) }

// hadamardGeneric is the reference of Hadamard (its inputs checked).
// The assembly kernels make the same additions and subtractions on every
// value, in the same order of stages, so they give the same bits.
func hadamardGeneric(x []float32, n int) {
	if n == 1 {
		return
	}
	s := hadamardScale(n)
	for b := 0; b < len(x); b += n {
		blk := x[b : b+n]
		for h := 1; h < n; h *= 2 {
			for i := 0; i < n; i += 2 * h {
				lo, hi := blk[i:i+h], blk[i+h:i+2*h]
				for j := range lo {
					a, c := lo[j], hi[j]
					lo[j], hi[j] = a+c, a-c
				}
			}
		}
		for j := range blk {
			blk[j] *= s
		}
	}
}
