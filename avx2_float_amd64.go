//go:build gc && !purego

package lowbit

import "unsafe"

// avx2FloatArgs are the arguments of the fp16 and float32 row kernels (see
// avx2_float_amd64.s): rows of a chunk of columns, walked 32 and 8 values
// at a time and then a tail.
type avx2FloatArgs struct {
	data      unsafe.Pointer // row 0 at the chunk's first column
	q         unsafe.Pointer // query row 0 (AddWeighted: y row 0) at the chunk's first column
	out       unsafe.Pointer // Dot: out of query 0, row 0 (the kernel adds)
	w         unsafe.Pointer // AddWeighted: *[avx2AddWRows][4]float32, the weights transposed
	qStride   uintptr        // bytes between query (y) rows
	outStride uintptr        // bytes between query rows of out
	rows      int
	full32    int       // Dot: steps of 32 values per row
	rest8     int       // Dot: steps of 8 values after them
	chunks8   int       // AddWeighted: steps of 8 values per row
	tail      int       // values after the steps of 8 (< 8)
	tailBytes int       // their bytes in a row
	rowSkip   int       // bytes from the end of a row's chunk to the next row's
	mask      [8]int32  // -1 for the tail's values
	scratch   [8]uint16 // the fp16 tail, zero-padded
	outp      uintptr   // the kernel's scratch
}

// setCols sets the walk of a chunk of cols values in rows of rowCols
// values of elem bytes.
func (a *avx2FloatArgs) setCols(cols, rowCols, elem int) {
	a.full32, a.rest8, a.chunks8 = cols/32, cols%32/8, cols/8
	a.tail = cols % 8
	a.tailBytes = a.tail * elem
	a.rowSkip = (rowCols - cols) * elem
	for k := range a.mask {
		a.mask[k] = 0
		if k < a.tail {
			a.mask[k] = -1
		}
	}
}

// dotFloatAVX2 is Dot for fp16 and float32 rows (rows of 8 values:
// dotRow8FloatAVX2).
func dotFloatAVX2(out []float32, r Rows, x []float32) {
	cols := r.Cols
	if cols == 8 {
		dotRow8FloatAVX2(out, r, x)
		return
	}
	n, nq := r.Len(), len(x)/cols
	clear(out)
	for j0 := 0; j0 < nq; j0 += 4 {
		avx2DotFloatChunk(out[j0*n:], r, x[j0*cols:], cols, 0, cols, min(4, nq-j0))
	}
}

// avx2DotFloatChunk adds to out[j*n+i] the dot products of the columns
// [c0, c0+cc) of every row i of r with the qn query rows of x (their
// values for those columns, xStride apart), in calls of at most
// avx2ChunkRows rows.
func avx2DotFloatChunk(out []float32, r Rows, x []float32, xStride, c0, cc, qn int) {
	cols, elem := r.Cols, r.Format.Bits/8
	n := r.Len()
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		a := avx2FloatArgs{
			data:      unsafe.Pointer(&r.Data[(i0*cols+c0)*elem]),
			q:         unsafe.Pointer(&x[0]),
			out:       unsafe.Pointer(&out[i0]),
			qStride:   uintptr(4 * xStride),
			outStride: uintptr(4 * n),
			rows:      i1 - i0,
		}
		a.setCols(cc, cols, elem)
		avx2CallDotFloat(r.Format.Bits, qn, &a)
	}
}

// avx2Q8FloatCols is the size of the stack buffer that holds dequantized
// Q8 query values for DotQ8 of fp16 and float32 rows.
const avx2Q8FloatCols = 2048

// dotQ8FloatAVX2 is DotQ8 for fp16 and float32 rows: the query values are
// dequantized (scale × value, per block) into a buffer, a chunk of columns
// at a time, and multiplied with the rows by the Dot kernel.
func dotQ8FloatAVX2(out []float32, r Rows, q *Q8) {
	cols := r.Cols
	n, nq, nb := r.Len(), q.Len(), q8Blocks(cols, cols)
	clear(out)
	var buf [avx2Q8FloatCols]float32
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		step := avx2Q8FloatCols / qn &^ 31
		for c0 := 0; c0 < cols; c0 += step {
			c1 := min(cols, c0+step)
			cc := c1 - c0
			for j := 0; j < qn; j++ {
				v := q.Values[(j0+j)*cols:]
				d := q.Scales[(j0+j)*nb:]
				xb := buf[j*cc : (j+1)*cc]
				for c := range xb {
					xb[c] = d[(c0+c)/32] * float32(v[c0+c])
				}
			}
			avx2DotFloatChunk(out[j0*n:], r, buf[:], cc, c0, cc, qn)
		}
	}
}

// addWeightedFloatAVX2 is AddWeighted for fp16 and float32 rows (rows of
// 8 values: avx2AddWeightedRow8F32/F16 once per weight row).
func addWeightedFloatAVX2(y []float32, r Rows, w []float32) {
	cols, elem := r.Cols, r.Format.Bits/8
	n := r.Len()
	if cols == 8 {
		data := unsafe.Pointer(unsafe.SliceData(r.Data))
		for j := range len(w) / n {
			if elem == 4 {
				avx2AddWeightedRow8F32(&y[j*8], (*float32)(data), &w[j*n], n)
			} else {
				avx2AddWeightedRow8F16(&y[j*8], (*uint16)(data), &w[j*n], n)
			}
		}
		return
	}
	nq := len(w) / n
	var wt [avx2AddWRows][4]float32
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		for i0 := 0; i0 < n; i0 += avx2AddWRows {
			i1 := min(n, i0+avx2AddWRows)
			avx2TransposeWeights(&wt, w, n, j0, qn, i0, i1)
			a := avx2FloatArgs{
				data:    unsafe.Pointer(&r.Data[i0*cols*elem]),
				q:       unsafe.Pointer(&y[j0*cols]),
				w:       unsafe.Pointer(&wt),
				qStride: uintptr(4 * cols),
				rows:    i1 - i0,
			}
			a.setCols(cols, cols, elem)
			avx2CallAddWeightedFloat(r.Format.Bits, qn, &a)
		}
	}
}
