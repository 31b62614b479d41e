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
	n         int            // rows
	mx        [4]float32     // Dot: mult × Σx of each query row
	red       [48]float32    // AddWeighted, the kernel's: per weight row, Σ w·scale·code per code position; then the lanes of Σ w·shift, per weight row
}

// dotRow8CodesAVX512 is Dot on rows that avx2Row8 takes: the query rows
// four at a time, each pass one kernel call over all rows (sixteen at a
// time, the last batch masked), so that each row's sum is formed in the
// same order wherever it sits.
func dotRow8CodesAVX512(out []float32, r Rows, x []float32) {
	n, nq, bits := r.Len(), len(x)/8, r.Format.Bits
	if n == 0 {
		return
	}
	shifts, mult := shiftSource(r)
	a := avx512Row8Args{
		codes: unsafe.Pointer(&r.Data[0]), scales: unsafe.Pointer(&r.Scales[0]), shifts: unsafe.Pointer(&shifts[0]),
		outStride: uintptr(4 * n), n: n,
	}
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = min(4, nq-j0)
		for j := range pass {
			a.mx[j] = mult * sumFloats(x[(j0+j)*8:][:8])
		}
		a.x, a.out = unsafe.Pointer(&x[j0*8]), unsafe.Pointer(&out[j0*n])
		avx512CallDotRow8(bits, pass, &a)
	}
}

// addWeightedRow8CodesAVX512 is AddWeighted on rows that avx2Row8 takes:
// the weight rows two at a time (the last of an odd number alone), each
// pass one kernel call over all rows (sixteen at a time, the last batch
// masked), whose per-column sums it adds to y.
func addWeightedRow8CodesAVX512(y []float32, r Rows, w []float32) {
	n, bits := r.Len(), r.Format.Bits
	if n == 0 {
		return
	}
	nq := len(w) / n
	shifts, mult := shiftSource(r)
	cols := &avx2Row8Cols[bits]
	a := avx512Row8Args{
		codes: unsafe.Pointer(&r.Data[0]), scales: unsafe.Pointer(&r.Scales[0]), shifts: unsafe.Pointer(&shifts[0]),
		xStride: uintptr(4 * n), n: n,
	}
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = min(2, nq-j0)
		a.x = unsafe.Pointer(&w[j0*n])
		avx512CallAddWeightedRow8(bits, pass, &a)
		for j := range pass {
			yj, m := y[(j0+j)*8:][:8], mult*sumFloats(a.red[16+16*j:][:16])
			for k, c := range cols {
				yj[c] += a.red[8*j+k] + m
			}
		}
	}
}
