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

// avx512AddWeightedRowW2G8Pairs runs the 2-bit AddWeighted row kernel on
// rows of 80 or 96 values in groups of 8, one weight row w: two rows per
// vector (dwords 0-4 or 0-5 of each half), a last odd row beside a zero
// row of weight 0; the lanes of the rows' dwords are added into y, the
// others (columns 80 or 96 and up, which hold 0) dropped. As for
// avx512AddWeightedRow, it returns false, having left y alone, when a sum
// is not finite.
func avx512AddWeightedRowW2G8Pairs(y []float32, r Rows, w []float32) bool {
	var t avx512W2PairTables
	if !t.run(r, w) {
		return false
	}
	dwords := r.Cols / 16
	if t.n2 > 0 {
		avx512AddLanesW2G8(y, t.pairs(), dwords)
	}
	if t.n2 < r.Len() {
		avx512AddLanesW2G8(y, t.odd(), dwords)
	}
	return true
}

// avx512W2PairTables holds the two lanes tables of a 2-bit AddWeighted row
// kernel that takes two rows of 80 or 96 per vector: its whole steps'
// and, for an odd number of rows, the last row's beside a zero row.
type avx512W2PairTables struct {
	buf [2*256 + 16]float32
	n2  int // rows in whole steps
}

// run runs the kernel of r's shape (avx512CallAddWeightedRowOf) over r's
// rows with the weights w into the tables; false if a sum is not finite.
func (t *avx512W2PairTables) run(r Rows, w []float32) bool {
	lanes := avx512AlignFloats(t.buf[:])
	mins, mul := shiftSource(r)
	a := avx512RowArgs{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&lanes[0]),
		recs:    unsafe.Pointer(&avx512W2Masks[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
	}
	n2, ok := avx512AddWeightedSteps(&a, r, mins, w, 2, lanes[:256], lanes[256:512])
	t.n2 = n2
	return ok
}

// pairs and odd return the whole steps' table and the last odd row's.
func (t *avx512W2PairTables) pairs() *[256]float32 {
	return (*[256]float32)(avx512AlignFloats(t.buf[:]))
}

func (t *avx512W2PairTables) odd() *[256]float32 {
	return (*[256]float32)(avx512AlignFloats(t.buf[:])[256:512])
}

// avx512AddLanesW2G8 adds the lanes table of a 2-bit kernel of two rows
// per vector in groups of 8 to y: field k of dword d < dwords of either
// row (lanes d and 8+d) holds column avx512W2ColsG8[8k+d].
func avx512AddLanesW2G8(y []float32, lanes *[256]float32, dwords int) {
	for k := range 16 {
		for d := range dwords {
			y[avx512W2ColsG8[8*k+d]] += lanes[16*k+d] + lanes[16*k+8+d]
		}
	}
}
