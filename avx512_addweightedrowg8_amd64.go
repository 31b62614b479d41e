//go:build gc && !purego

package lowbit

import "unsafe"

// avx512AddWeightedRowMaskedG8 runs the 4-bit AddWeighted row kernel on
// rows of 80 or 96 values in groups of 8, one weight row w: one row per
// vector, its ten or twelve code dwords (groups) and their scales and mins
// loaded under a mask, the other lanes zero. The table of lane sums is
// added into y, the lanes of columns 80 (96) and up dropped. As for
// avx512AddWeightedRow, it returns false, having left y alone, when a sum
// is not finite.
func avx512AddWeightedRowMaskedG8(y []float32, r Rows, w []float32) bool {
	var lanesBuf [128 + 16]float32
	lanes := (*[128]float32)(avx512AlignFloats(lanesBuf[:]))
	mins, mul := shiftSource(r)
	a := avx512RowArgs{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&lanes[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
		n:       r.Len(),
	}
	avx512CallAddWeightedRowG8(r.Cols, &a)
	if !avx512Finite(lanes[:]) {
		return false
	}
	cols := uint8(r.Cols)
	for i, v := range lanes {
		if c := avx512W4ColsG8[i]; c < cols {
			y[c] += v
		}
	}
	return true
}
