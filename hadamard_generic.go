package lowbit

import (
	"math"
	"math/bits"
)

// hadamardChunk bounds the values of one call to a Hadamard assembly kernel
// (whole blocks, at least one), so that a long call returns to Go now and
// then.
const hadamardChunk = 1 << 16

// hadamardChunks runs an assembly kernel, kernel(x, len, n, 1/√n), over x in
// calls of at most hadamardChunk values (whole blocks of n, at least one),
// and blocks of fewer than 8 values in the generic code (a vector holds 4
// or 8 values, and such blocks cost a few additions per value anyway).
func hadamardChunks(x []float32, n int, kernel func(x *float32, m, n int, s float32)) {
	if n < 8 {
		hadamardGeneric(x, n)
		return
	}
	s := hadamardScale(n)
	step := max(n, hadamardChunk)
	for ; len(x) > 0; x = x[min(step, len(x)):] {
		kernel(&x[0], min(step, len(x)), n, s)
	}
}

// hadamardScale returns float32(1/√n) for n a power of two, from a table:
// a call on one head would otherwise spend a fair share of its time on the
// square root and the division.
func hadamardScale(n int) float32 { return hadamardScales[bits.TrailingZeros(uint(n))&63] }

// hadamardScales[k] is float32(1/√(2^k)).
var hadamardScales = func() (t [64]float32) {
	for k := range t {
		t[k] = float32(1 / math.Sqrt(math.Ldexp(1, k)))
	}
	return t
}()

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
