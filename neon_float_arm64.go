//go:build gc && !purego

package lowbit

// dotFloatNEON is Dot on fp16 and float32 rows: the asm takes the first
// cols&^3 columns, Go the rest.
func dotFloatNEON(out []float32, r Rows, x []float32) {
	n, cols := r.Len(), r.Cols
	nq := len(x) / cols
	if n == 0 {
		return
	}
	c4, bits := cols&^3, r.Format.Bits
	if c4 > 0 {
		neonCallDot(bits, &out[0], &r.Data[0], n, c4, bits/8*cols, &x[0], 4*cols, nq, 4*n)
	} else {
		clear(out)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			var d float32
			for c := c4; c < cols; c++ {
				d += floatAt(r, i*cols+c) * x[j*cols+c]
			}
			out[j*n+i] += d
		}
	}
}

// addWeightedFloatNEON is AddWeighted on fp16 and float32 rows: the asm
// takes the first cols&^3 columns, Go the rest.
func addWeightedFloatNEON(y []float32, r Rows, w []float32) {
	n, cols := r.Len(), r.Cols
	nq := len(w) / n
	c4, bits := cols&^3, r.Format.Bits
	if c4 > 0 {
		neonCallAddWeighted(bits, &y[0], &r.Data[0], n, c4, bits/8*cols, &w[0], 4*n, nq, 4*cols)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			for c := c4; c < cols; c++ {
				y[j*cols+c] += w[j*n+i] * floatAt(r, i*cols+c)
			}
		}
	}
}

// dotQ8FloatNEON is DotQ8 on fp16 and float32 rows: the asm takes the
// first cols&^3 columns, Go the rest (part of the last Q8 block).
func dotQ8FloatNEON(out []float32, r Rows, q *Q8) {
	n, cols, nq := r.Len(), r.Cols, q.Len()
	if n == 0 {
		return
	}
	nb := q8Blocks(cols, cols)
	c4, bits := cols&^3, r.Format.Bits
	if c4 > 0 {
		neonCallDotQ8(bits, &out[0], &r.Data[0], n, c4, bits/8*cols, &q.Values[0], cols, nq, 4*n, &q.Scales[0], 4*nb)
	} else {
		clear(out)
	}
	if c4 == cols {
		return
	}
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			var d float32
			for c := c4; c < cols; c++ {
				d += floatAt(r, i*cols+c) * float32(q.Values[j*cols+c])
			}
			out[j*n+i] += q.Scales[j*nb+nb-1] * d
		}
	}
}
