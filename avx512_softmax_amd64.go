//go:build gc && !purego

package lowbit

// softmaxAVX512 is Softmax in three passes of 16 values per step: the max
// (and whether x holds a NaN), exp(x - max) as exp32 computes it with its
// sum, then the product with 1/sum (avx512ScaleTo, which the attention
// kernels share). The special cases (NaN, +Inf, all -Inf) are the generic
// code's.
func softmaxAVX512(x []float32) {
	m, nan := avx512SoftmaxMax(&x[0], len(x))
	if softmaxNaN(x, m, nan) {
		return
	}
	sum := avx512SoftmaxExp(&x[0], len(x), m)
	avx512ScaleTo(&x[0], &x[0], len(x), 1/sum, negZero) // + -0: the product as it is
}
