//go:build gc && !purego

package lowbit

import "unsafe"

// avx2Row8Args are the arguments of the kernels on rows of 8 codes in one
// group of 8 (avx2_row8codes_amd64.s): Dot avx2DotRow8W<bits>X<nq> and
// AddWeighted avx2AddWeightedRow8W<bits>X1.
type avx2Row8Args struct {
	codes     unsafe.Pointer   // the codes of the first row
	scales    unsafe.Pointer   // one fp16 scale per row
	shifts    unsafe.Pointer   // one fp16 shift per row: the min, or the scale when symmetric
	x         unsafe.Pointer   // Dot: query row 0 (rows of 8 values); AddWeighted: the weights
	out       unsafe.Pointer   // Dot: out of query row 0 at the first row (the kernel stores)
	outStride uintptr          // Dot: bytes between query rows of out
	n         int              // rows: a multiple of 8
	mx        [4]float32       // Dot: mult × Σx of each query row
	xb        [4][8][8]float32 // Dot, the kernel's: each query row's columns broadcast, in code order
	red       [16]float32      // AddWeighted, the kernel's: Σ w·scale·code per code position, then the lanes of Σ w·shift
}

// avx2Row8Cols is the column of code position k of the row-of-8 kernels,
// per code width (avx2_row8codes_amd64.s).
var avx2Row8Cols = [5][8]int{
	2: {0, 2, 4, 6, 1, 3, 5, 7},
	3: {0, 2, 4, 6, 1, 3, 5, 7},
	4: {0, 4, 1, 5, 2, 6, 3, 7},
}

// avx2Row8 reports whether the row-of-8 kernels take r: rows of 8 values
// that are one group of 2-, 3- or 4-bit codes.
func avx2Row8(r Rows) bool {
	f := r.Format
	return r.Cols == 8 && f.Group == 8 && f.Bits >= 2 && f.Bits <= 4
}

// avx2Row8Tail is the last n%8 rows of a call, copied into whole batches
// of eight (zero beyond them) so that the kernels read nothing past the
// rows.
type avx2Row8Tail struct {
	codes          [8 * 4]byte
	scales, shifts [8]uint16
}

// fill copies rows [i0, n) of r, whose shifts are shifts, into t and
// returns the kernel arguments that point at it: its codes, scales and
// shifts (and a.n = 8). It returns them rather than storing them through
// a pointer, which would move t to the heap.
func (t *avx2Row8Tail) fill(r Rows, shifts []uint16, i0, n int) (codes, scales, sh unsafe.Pointer) {
	rb := r.Format.RowBytes(8)
	copy(t.codes[:], r.Data[i0*rb:n*rb])
	copy(t.scales[:], r.Scales[i0:n])
	copy(t.shifts[:], shifts[i0:n])
	return unsafe.Pointer(&t.codes[0]), unsafe.Pointer(&t.scales[0]), unsafe.Pointer(&t.shifts[0])
}

// dotRow8CodesAVX2 is Dot on rows that avx2Row8 takes: the query rows four
// at a time, each pass over the rows eight at a time and the last n%8
// from a zero-padded copy, so that each row's sum is formed in the same
// order wherever it sits.
func dotRow8CodesAVX2(out []float32, r Rows, x []float32) {
	n, nq, bits := r.Len(), len(x)/8, r.Format.Bits
	if n == 0 {
		return
	}
	shifts, mult := shiftSource(r)
	n8 := n &^ 7
	var (
		a    avx2Row8Args
		tail avx2Row8Tail
		tout [4][8]float32
	)
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		for j := range qn {
			a.mx[j] = mult * sumFloats(x[(j0+j)*8:][:8])
		}
		a.x = unsafe.Pointer(&x[j0*8])
		if n8 > 0 {
			a.codes, a.scales, a.shifts = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&shifts[0])
			a.out, a.outStride, a.n = unsafe.Pointer(&out[j0*n]), uintptr(4*n), n8
			avx2CallDotRow8(bits, qn, &a)
		}
		if n8 < n {
			a.codes, a.scales, a.shifts = tail.fill(r, shifts, n8, n)
			a.n = 8
			a.out, a.outStride = unsafe.Pointer(&tout[0][0]), 32
			avx2CallDotRow8(bits, qn, &a)
			for j := range qn {
				copy(out[(j0+j)*n+n8:(j0+j+1)*n], tout[j][:n-n8])
			}
		}
	}
}

// addWeightedRow8CodesAVX2 is AddWeighted on rows that avx2Row8 takes: one
// kernel call per weight row over the rows eight at a time (the last n%8
// from a zero-padded copy with zero weights), whose per-column sums it
// adds to y.
func addWeightedRow8CodesAVX2(y []float32, r Rows, w []float32) {
	n, bits := r.Len(), r.Format.Bits
	if n == 0 {
		return
	}
	nq := len(w) / n
	shifts, mult := shiftSource(r)
	n8 := n &^ 7
	cols := &avx2Row8Cols[bits]
	var (
		a    avx2Row8Args
		tail avx2Row8Tail
		tw   [8]float32
	)
	for j := range nq {
		wj, yj := w[j*n:(j+1)*n], y[j*8:(j+1)*8]
		var sums [8]float32
		var sh float32
		if n8 > 0 {
			a.codes, a.scales, a.shifts = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&shifts[0])
			a.x, a.n = unsafe.Pointer(&wj[0]), n8
			avx2CallAddWeightedRow8(bits, &a)
			sums = [8]float32(a.red[:8])
			sh = sumFloats(a.red[8:16])
		}
		if n8 < n {
			a.codes, a.scales, a.shifts = tail.fill(r, shifts, n8, n)
			a.n = 8
			tw = [8]float32{}
			copy(tw[:], wj[n8:])
			a.x = unsafe.Pointer(&tw[0])
			avx2CallAddWeightedRow8(bits, &a)
			for k := range sums {
				sums[k] += a.red[k]
			}
			sh += sumFloats(a.red[8:16])
		}
		m := mult * sh
		for k, c := range cols {
			yj[c] += sums[k] + m
		}
	}
}
