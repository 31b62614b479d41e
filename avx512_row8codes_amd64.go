//go:build gc && !purego

package lowbit

import "unsafe"

// avx512Row8Args are the arguments of the avx512 kernels on rows of 8
// codes in one group of 8 (avx512_row8codes_amd64.s): Dot
// avx512DotRow8W<bits>X<nq> and AddWeighted avx512AddWeightedRow8W<bits>X<nw>.
type avx512Row8Args struct {
	codes     unsafe.Pointer // the codes of the first row
	scales    unsafe.Pointer // one fp16 scale per row
	shifts    unsafe.Pointer // one fp16 shift per row: the min, or the scale when symmetric
	x         unsafe.Pointer // Dot: query row 0 (rows of 8 values); AddWeighted: weight row 0
	out       unsafe.Pointer // Dot: out of query row 0 at the first row (the kernel stores)
	xStride   uintptr        // AddWeighted: bytes between weight rows
	outStride uintptr        // Dot: bytes between query rows of out
	n         int            // rows: a multiple of 16
	mx        [4]float32     // Dot: mult × Σx of each query row
	red       [48]float32    // AddWeighted, the kernel's: per weight row, Σ w·scale·code per code position; then the lanes of Σ w·shift, per weight row
}

// avx512Row8Tail is the last n%16 rows of a call, copied into one batch of
// sixteen (zero beyond them) so that the kernels read nothing past the
// rows.
type avx512Row8Tail struct {
	codes          [16 * 4]byte
	scales, shifts [16]uint16
}

// fill copies rows [i0, n) of r, whose shifts are shifts, into t and
// points a at it.
func (t *avx512Row8Tail) fill(a *avx512Row8Args, r Rows, shifts []uint16, i0, n int) {
	rb := r.Format.RowBytes(8)
	copy(t.codes[:], r.Data[i0*rb:n*rb])
	copy(t.scales[:], r.Scales[i0:n])
	copy(t.shifts[:], shifts[i0:n])
	a.codes, a.scales, a.shifts = unsafe.Pointer(&t.codes[0]), unsafe.Pointer(&t.scales[0]), unsafe.Pointer(&t.shifts[0])
	a.n = 16
}

// dotRow8CodesAVX512 is Dot on rows that avx2Row8 takes: the query rows
// four at a time, each pass over the rows sixteen at a time and the last
// n%16 from a zero-padded copy, so that each row's sum is formed in the
// same order wherever it sits.
func dotRow8CodesAVX512(out []float32, r Rows, x []float32) {
	n, nq, bits := r.Len(), len(x)/8, r.Format.Bits
	if n == 0 {
		return
	}
	shifts, mult := shiftSource(r)
	n16 := n &^ 15
	var (
		a    avx512Row8Args
		tail avx512Row8Tail
		tout [4][16]float32
	)
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = min(4, nq-j0)
		for j := range pass {
			a.mx[j] = mult * sumFloats(x[(j0+j)*8:][:8])
		}
		a.x = unsafe.Pointer(&x[j0*8])
		if n16 > 0 {
			a.codes, a.scales, a.shifts = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&shifts[0])
			a.out, a.outStride, a.n = unsafe.Pointer(&out[j0*n]), uintptr(4*n), n16
			avx512CallDotRow8(bits, pass, &a)
		}
		if n16 < n {
			tail.fill(&a, r, shifts, n16, n)
			a.out, a.outStride = unsafe.Pointer(&tout[0][0]), 64
			avx512CallDotRow8(bits, pass, &a)
			for j := range pass {
				copy(out[(j0+j)*n+n16:(j0+j+1)*n], tout[j][:n-n16])
			}
		}
	}
}

// addWeightedRow8CodesAVX512 is AddWeighted on rows that avx2Row8 takes:
// the weight rows two at a time (the last of an odd number alone), each
// pass over the rows sixteen at a time (the last n%16 from a zero-padded
// copy with zero weights), whose per-column sums it adds to y.
func addWeightedRow8CodesAVX512(y []float32, r Rows, w []float32) {
	n, bits := r.Len(), r.Format.Bits
	if n == 0 {
		return
	}
	nq := len(w) / n
	shifts, mult := shiftSource(r)
	n16 := n &^ 15
	cols := &avx2Row8Cols[bits]
	var (
		a    avx512Row8Args
		tail avx512Row8Tail
		tw   [2][16]float32
	)
	if n16 < n {
		tail.fill(&a, r, shifts, n16, n)
	}
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = min(2, nq-j0)
		var sums [2][8]float32
		var sh [2]float32
		if n16 > 0 {
			a.codes, a.scales, a.shifts = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&shifts[0])
			a.x, a.xStride, a.n = unsafe.Pointer(&w[j0*n]), uintptr(4*n), n16
			avx512CallAddWeightedRow8(bits, pass, &a)
			for j := range pass {
				sums[j] = [8]float32(a.red[8*j:])
				sh[j] = sumFloats(a.red[16+16*j:][:16])
			}
		}
		if n16 < n {
			for j := range pass {
				copy(tw[j][:], w[(j0+j)*n+n16:(j0+j+1)*n])
			}
			a.codes, a.scales, a.shifts = unsafe.Pointer(&tail.codes[0]), unsafe.Pointer(&tail.scales[0]), unsafe.Pointer(&tail.shifts[0])
			a.x, a.xStride, a.n = unsafe.Pointer(&tw[0][0]), 64, 16
			avx512CallAddWeightedRow8(bits, pass, &a)
			for j := range pass {
				for k := range sums[j] {
					sums[j][k] += a.red[8*j+k]
				}
				sh[j] += sumFloats(a.red[16+16*j:][:16])
			}
		}
		for j := range pass {
			yj, m := y[(j0+j)*8:][:8], mult*sh[j]
			for k, c := range cols {
				yj[c] += sums[j][k] + m
			}
		}
	}
}
