//go:build gc && !purego

package lowbit

import "unsafe"

// avx2QuantizeQ8Args are the arguments of avx2QuantizeQ8: rows of full
// blocks of 32 values and a tail block of tail values.
type avx2QuantizeQ8Args struct {
	x       unsafe.Pointer // float32
	values  unsafe.Pointer // int8
	scales  unsafe.Pointer // float32, one per block
	sums    unsafe.Pointer // float32, one per block
	rows    int
	full    int       // blocks of 32 per row
	tail    int       // values in the row's last, short block (0 if none)
	mask    [32]int32 // -1 for the tail's values, 0 beyond
	scratch [32]byte  // the kernel's
}

// quantizeQ8AVX2 is QuantizeQ8: bit-exact with the generic kernel. A Q8
// lined up with groups that are not a multiple of 32 (each group whole
// blocks and a short one) runs as rows of one group each: the values,
// scales and sums of consecutive groups follow one another.
func quantizeQ8AVX2(q *Q8, x []float32) {
	rows, cols := q.Len(), q.Cols
	if q.Group%32 != 0 && q.Group != q.Cols {
		rows, cols = rows*q.Cols/q.Group, q.Group
	}
	a := avx2QuantizeQ8Args{
		x:      unsafe.Pointer(&x[0]),
		values: unsafe.Pointer(&q.Values[0]),
		scales: unsafe.Pointer(&q.Scales[0]),
		sums:   unsafe.Pointer(&q.Sums[0]),
		rows:   rows,
		full:   cols / 32,
		tail:   cols % 32,
	}
	for k := range a.tail {
		a.mask[k] = -1
	}
	avx2QuantizeQ8(&a)
}
