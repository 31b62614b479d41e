//go:build gc && !purego

package lowbit

// quantizeQ8NEON is QuantizeQ8: x is cut into groups of q.Group values,
// and those into blocks, the same way for every query row.
func quantizeQ8NEON(q *Q8, x []float32) {
	neonQuantizeQ8(&q.Values[0], &x[0], &q.Scales[0], &q.Sums[0], len(x)/q.Group, q.Group)
}
