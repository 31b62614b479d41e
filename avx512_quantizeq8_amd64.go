//go:build gc && !purego

package lowbit

// quantizeQ8AVX512 is QuantizeQ8, with the generic code's values, scales
// and sums, for every format's Q8 (its blocks of 32 values, the last of a
// group shorter when the group is not a multiple of 32).
func quantizeQ8AVX512(q *Q8, x []float32) {
	avx512QuantizeQ8(&x[0], &q.Values[0], &q.Scales[0], &q.Sums[0], len(x)/q.Group, q.Group)
}
