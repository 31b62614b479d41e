//go:build gc && !purego

package lowbit

import "unsafe"

// avx512AddWeightedRow256 runs the 2- or 4-bit AddWeighted row kernel on
// rows of 256 values in groups of 8 to 256, one weight row
// (avx512AddWeightedRow256W4 and avx512AddWeightedRow256W2).
func avx512AddWeightedRow256(y []float32, r Rows, w []float32) bool {
	if r.Format.Bits == 2 {
		return avx512AddWeightedRow256W2(y, r, w)
	}
	return avx512AddWeightedRow256W4(y, r, w)
}

// avx512AddWeightedRow256W2 runs the 2-bit AddWeighted row kernel on rows
// of 256 values, one weight row: a row per vector, its halves in lanes 0-7
// and 8-15 as two rows of 128 would be, both with the row's weight; the
// table of lane sums is added into y, lanes 8-15 into its second half. As
// for avx512AddWeightedRow, it returns false, having left y alone, when a
// sum is not finite.
func avx512AddWeightedRow256W2(y []float32, r Rows, w []float32) bool {
	var lanesBuf [256 + 16]float32
	lanes := (*[256]float32)(avx512AlignFloats(lanesBuf[:]))
	mins, mul := shiftSource(r)
	a := avx512RowArgs{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&lanes[0]),
		recs:    unsafe.Pointer(&avx512W2Masks[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
		n:       r.Len(),
	}
	cols := &avx512W2Cols
	switch r.Format.Group {
	case 8:
		avx512AddWeightedRow256W2G8X1(&a)
		cols = &avx512W2ColsG8
	case 16:
		avx512CallAddWeightedRow256(2, 16, &a)
		cols = &avx512W2ColsG16
	default:
		avx512CallAddWeightedRow256(2, r.Format.Group, &a)
	}
	if !avx512Finite(lanes[:]) {
		return false
	}
	y0, y1 := (*[128]float32)(y[:128]), (*[128]float32)(y[128:256])
	for k := range 16 {
		for l := range 8 {
			c := cols[8*k+l] & 127
			y0[c] += lanes[16*k+l]
			y1[c] += lanes[16*k+8+l]
		}
	}
	return true
}

// avx512AddWeightedRow256W4 runs the 4-bit AddWeighted row kernel on rows of
// 256 values in groups of 8 to 256, one weight row, once per
// half of the rows: each half is a row of 128 values whose rows lie 128
// bytes apart (the caller's chunks of avx512RowChunk rows keep the second
// half's pass in L2). As for avx512AddWeightedRow, it returns false,
// having left y alone, when a sum of either half is not finite.
func avx512AddWeightedRow256W4(y []float32, r Rows, w []float32) bool {
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
		if f.Group == 8 {
			avx512CallAddWeightedRowG8(256, &a)
		} else {
			avx512CallAddWeightedRow256(4, f.Group, &a)
		}
	}
	if !avx512Finite(lanes[:256]) {
		return false
	}
	cols := &avx512W4Cols
	switch f.Group {
	case 16:
		cols = &avx512W4ColsG16
	case 8:
		cols = &avx512W4ColsG8
	}
	y0, y1 := (*[128]float32)(y[:128]), (*[128]float32)(y[128:256])
	for i, v := range lanes[:128] {
		y0[cols[i]&127] += v
	}
	for i, v := range lanes[128:256] {
		y1[cols[i]&127] += v
	}
	return true
}

// avx512AddWeightedRow96W2 runs the 2-bit AddWeighted row kernel on rows
// of 96 values in groups of 32, one weight row: two rows per vector
// as the kernels of rows of 128 take them (dwords 6-7 of each half zero);
// a last odd row runs beside a zero row of weight 0. Lanes of columns
// 96-127 are dropped. As for avx512AddWeightedRow, it returns false,
// having left y alone, when a sum is not finite.
func avx512AddWeightedRow96W2(y []float32, r Rows, w []float32) bool {
	var t avx512W2PairTables
	if !t.run(r, w) {
		return false
	}
	yy := (*[96]float32)(y)
	if t.n2 > 0 {
		avx512AddLanesW2R96(yy, t.pairs())
	}
	if t.n2 < r.Len() {
		avx512AddLanesW2R96(yy, t.odd())
	}
	return true
}

// avx512AddLanesW2R96 is avx512AddLanesW2 for rows of 96: the lanes of
// columns 96-127 (dwords 6-7, which hold 0) are dropped.
func avx512AddLanesW2R96(y *[96]float32, lanes *[256]float32) {
	for k := range 16 {
		for l := range 6 {
			y[avx512W2Cols[8*k+l]] += lanes[16*k+l] + lanes[16*k+8+l]
		}
	}
}
