//go:build gc && !purego

package lowbit

import "unsafe"

// avx512AddWeightedRow256 runs the 4-bit AddWeighted row kernel on rows of
// 256 values in groups of 32, 64, 128 or 256, one weight row, once per
// half of the rows: each half is a row of 128 values whose rows lie 128
// bytes apart (the caller's chunks of avx512RowChunk rows keep the second
// half's pass in L2). As for avx512AddWeightedRow, it returns false,
// having left y alone, when a sum of either half is not finite.
func avx512AddWeightedRow256(y []float32, r Rows, w []float32) bool {
	f := r.Format
	var lanesBuf [2*128 + 16]float32
	lanes := avx512AlignFloats(lanesBuf[:])
	mins, mul := shiftSource(r)
	perHalf := f.Groups(256) / 2 // groups per half; 0 for one group of 256
	for h := range 2 {
		g := h * perHalf
		a := avx512RowArgs{
			data:    unsafe.Pointer(&r.Data[64*h]),
			scales:  unsafe.Pointer(&r.Scales[g]),
			mins:    unsafe.Pointer(&mins[g]),
			out:     unsafe.Pointer(&lanes[128*h]),
			sg:      unsafe.Pointer(&w[0]),
			scratch: unsafe.Pointer(&mul),
			n:       r.Len(),
		}
		avx512CallAddWeightedRow256(f.Group, &a)
	}
	if !avx512Finite(lanes[:256]) {
		return false
	}
	y0, y1 := (*[128]float32)(y[:128]), (*[128]float32)(y[128:256])
	for i, v := range lanes[:128] {
		y0[avx512W4Cols[i]&127] += v
	}
	for i, v := range lanes[128:256] {
		y1[avx512W4Cols[i]&127] += v
	}
	return true
}
