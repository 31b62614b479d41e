//go:build gc && !purego

package lowbit

import "unsafe"

// dotRow8FloatAVX2 is Dot on fp16 and float32 rows of 8 values: for each
// query row, avx2DotRow8F32 (or F16) over the rows eight at a time and the
// last n%8 rows from a zero-padded copy of eight rows, so that every row's
// sum is formed in the same order wherever the row sits (mikv's splits of
// a page rely on that).
func dotRow8FloatAVX2(out []float32, r Rows, x []float32) {
	n := r.Len()
	if n == 0 {
		return
	}
	esz := r.Format.Bits / 8
	n8 := n &^ 7
	var (
		pad  [8 * 8]float32 // the last rows, fp16 in its first half
		tail [8]float32
	)
	if n8 < n {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&pad[0])), 4*len(pad)), r.Data[n8*8*esz:n*8*esz])
	}
	data := unsafe.Pointer(unsafe.SliceData(r.Data))
	for j := range len(x) / 8 {
		o, xj := out[j*n:(j+1)*n], &x[j*8]
		if r.Format.Bits == 32 {
			if n8 > 0 {
				avx2DotRow8F32(&o[0], (*float32)(data), xj, n8)
			}
			if n8 < n {
				avx2DotRow8F32(&tail[0], &pad[0], xj, 8)
			}
		} else {
			if n8 > 0 {
				avx2DotRow8F16(&o[0], (*uint16)(data), xj, n8)
			}
			if n8 < n {
				avx2DotRow8F16(&tail[0], (*uint16)(unsafe.Pointer(&pad[0])), xj, 8)
			}
		}
		copy(o[n8:], tail[:n-n8])
	}
}
