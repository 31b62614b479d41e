//go:build gc && !purego

package lowbit

import "unsafe"

// dotFloatAVX512 is Dot for fp16 and float32 rows: rows of 8 values by
// dotRow8FloatAVX2, others by avx512DotF<bits>X<nq> in
// passes of up to 4 query rows.
func dotFloatAVX512(out []float32, r Rows, x []float32) {
	n, cols := r.Len(), r.Cols
	if n == 0 {
		return
	}
	if cols == 8 {
		dotRow8FloatAVX2(out, r, x)
		return
	}
	nq := len(x) / cols
	if cols == 128 {
		for j0, pass := 0, 0; j0 < nq; j0 += pass {
			pass = avx512Pass(nq - j0)
			avx512DotRowFloat(out[j0*n:(j0+pass)*n], r, x[j0*cols:(j0+pass)*cols], pass)
		}
		return
	}
	if cols == 64 && nq >= 4 {
		// Rows of 64: the row kernels for each four query rows (the
		// query heads of a GQA group), the general kernels for the rest
		// (Intel Xeon family 6 model 167, 1024 rows, four query rows,
		// values times query rows per ns, three interleaved runs: fp16
		// 29.9-30.2 -> 44.5-45.0, float32 28.4-31.4 -> 51.2-53.2).
		j4 := nq &^ 3
		for j0 := 0; j0 < j4; j0 += 4 {
			avx512DotRowFloat(out[j0*n:(j0+4)*n], r, x[j0*cols:(j0+4)*cols], 4)
		}
		out, x = out[j4*n:], x[j4*cols:]
		if len(x) == 0 {
			return
		}
	}
	var scratchBuf [4*16*16 + 16]float32
	a := avx512DotFloatArgs(r, 0, cols, avx512AlignFloats(scratchBuf[:]))
	a.outStride = 4 * n
	a.xStride = 4 * cols
	avx512DotPasses(a, out, x, cols, r.Format.Bits)
}

// avx512DotFloatArgs returns the arguments of the float Dot (and
// AddWeighted) kernels for the columns [c0, c0+cw) of the fp16 or float32
// rows r, with the reduction scratch (nil for AddWeighted).
func avx512DotFloatArgs(r Rows, c0, cw int, scratch []float32) avx512DotArgs {
	esz := r.Format.Bits / 8
	a := avx512DotArgs{
		data:     unsafe.Pointer(&r.Data[c0*esz]),
		n:        r.Len(),
		rowBytes: r.Cols * esz,
		cols:     cw,
		steps:    cw / 16,
		tailMask: 1<<(cw%16) - 1,
	}
	if scratch != nil {
		a.scratch = unsafe.Pointer(&scratch[0])
	}
	return a
}

// dotQ8FloatAVX512 is DotQ8 for fp16 and float32 rows: the float Dot
// kernels with the int8 query rows dequantized (value times block scale),
// in chunks of columns, each adding to out.
func dotQ8FloatAVX512(out []float32, r Rows, q *Q8) {
	n, cols := r.Len(), r.Cols
	if n == 0 {
		return
	}
	nq, nb := q.Len(), q8Blocks(cols, cols)
	var (
		scratchBuf [4*16*16 + 16]float32
		xBuf       [avx512DotAlignedX + 16]float32
	)
	scratch, xs := avx512AlignFloats(scratchBuf[:]), avx512AlignFloats(xBuf[:])
	for c0 := 0; c0 < cols; c0 += avx512DotAlignedX / 4 {
		cw := min(avx512DotAlignedX/4, cols-c0)
		a := avx512DotFloatArgs(r, c0, cw, scratch)
		a.outStride = 4 * n
		if c0 > 0 {
			a.accMask = 0xffff
		}
		for j0, pass := 0, 0; j0 < nq; j0 += pass {
			pass = avx512Pass(nq - j0)
			for jj := 0; jj < pass; jj++ {
				vals := q.Values[(j0+jj)*cols+c0 : (j0+jj)*cols+c0+cw]
				scales := q.Scales[(j0+jj)*nb:]
				for c, v := range vals {
					xs[jj*cw+c] = scales[(c0+c)/32] * float32(v)
				}
			}
			a.x, a.out, a.xStride = unsafe.Pointer(&xs[0]), unsafe.Pointer(&out[j0*n]), 4*cw
			avx512CallDotFloat(r.Format.Bits, pass, &a)
		}
	}
}

// avx512DotRowFloat runs the fp16 or float32 Dot row kernel (rows of 128
// values, or of 64 for four query rows; four rows at a time) for pass
// query rows x (copied to an aligned table); a last 1-3 rows are copied
// to a padded block of four.
func avx512DotRowFloat(out []float32, r Rows, x []float32, pass int) {
	var (
		xBuf       [4*128 + 16]float32
		scratchBuf [4*4*16 + 16]float32
	)
	xs, scratch := avx512AlignFloats(xBuf[:]), avx512AlignFloats(scratchBuf[:])
	copy(xs, x)
	n := len(out) / pass
	n4 := n &^ 3
	rb := r.Format.RowBytes(r.Cols)
	a := avx512RowArgs{
		recs:      unsafe.Pointer(&xs[0]),
		scratch:   unsafe.Pointer(&scratch[0]),
		outStride: 4 * n,
	}
	if n4 > 0 {
		a.data, a.out, a.n = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&out[0]), n4
		avx512CallDotRowFloatOf(r.Cols, r.Format.Bits, pass, &a)
	}
	if n4 < n {
		var (
			data [4 * 512]byte
			tail [4 * 4]float32
		)
		copy(data[:], r.Data[n4*rb:])
		a.data, a.out, a.n, a.outStride = unsafe.Pointer(&data[0]), unsafe.Pointer(&tail[0]), 4, 16
		avx512CallDotRowFloatOf(r.Cols, r.Format.Bits, pass, &a)
		for j := 0; j < pass; j++ {
			copy(out[j*n+n4:(j+1)*n], tail[4*j:])
		}
	}
}

// addWeightedFloatAVX512 is AddWeighted for fp16 and float32 rows: rows of
// 8 and 24 run the avx2 kernels; rows of 128 the row kernels (fp16 once
// per weight row, which is faster than the general kernel's passes: 12.5
// against 8.6 values/ns for 4 weight rows over 256 rows; float32 for one
// weight row only, where it is not); others avx512AddWeightedF16X<nq>/
// F32X<nq> in passes of up to 4 weight rows.
func addWeightedFloatAVX512(y []float32, r Rows, w []float32) {
	n, cols := r.Len(), r.Cols
	if cols < 32 && cols%16 != 0 {
		// Rows of 8 or 24 values: the avx2 kernels, whose row loop is not
		// a pass of masked 16-lane vectors per weight row (Intel Xeon
		// family 6 model 207, 256 rows, v/ns avx2 against avx512: float32
		// rows of 8 with 1, 2, 4 weight rows 1.56/1.56/1.58 against
		// 0.84/0.41/0.26; rows of 24 with 2 weight rows 3.10 against 1.12).
		addWeightedFloatAVX2(y, r, w)
		return
	}
	if cols == 128 && (len(w) == n || r.Format.Bits == 16) {
		avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
			a := avx512RowArgs{data: unsafe.Pointer(&r.Data[0]), out: unsafe.Pointer(&y[0]), sg: unsafe.Pointer(&w[0]), n: r.Len()}
			avx512CallAddWeightedRowFloat(r.Format.Bits, &a)
		})
		return
	}
	a := avx512DotFloatArgs(r, 0, cols, nil)
	a.xStride, a.outStride = 4*cols, 4*n
	nq := len(w) / n
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = avx512Pass(nq - j0)
		a.x, a.out = unsafe.Pointer(&y[j0*cols]), unsafe.Pointer(&w[j0*n])
		avx512CallAddWeightedFloat(r.Format.Bits, pass, &a)
	}
}

// avx512CallDotRowFloatOf calls the fp16 or float32 Dot row kernel of rows
// of cols values (128, or 64 with four query rows).
func avx512CallDotRowFloatOf(cols, bits, pass int, a *avx512RowArgs) {
	if cols == 64 {
		avx512CallDotRow64Float(bits, a)
		return
	}
	avx512CallDotRowFloat(bits, pass, a)
}
