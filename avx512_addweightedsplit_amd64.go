//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512SplitShape is one shape of the 4-bit AddWeighted split kernels
// (avx512_addweightedsplit_amd64.s): rows of cols (80 or 96) values in
// groups of group, step rows a kernel step (16 over the tail's dwords).
type avx512SplitShape struct {
	cols, group, step int
	// entries is the step's (row, group) pairs: entry e is row e/g, group
	// e%g of the row's g groups.
	entries int
	// idx is the kernel's index tables (64-byte aligned, 16 dwords each):
	// 0-2 the row of each entry of the three entries vectors (15, a zero
	// weight, past the last entry); 3 to 3+step/2-1 the entry of each
	// lane of the head pairs; then the tail's; then (rows of 80) the
	// tail's gather offsets as qwords.
	idx []int32
	// lanes maps the kernel's head sums (entry 8k+l: field k of dword l of
	// a row) and tail sums (64+4k+l: field k of lane l of the tail's
	// first four, dword 8+l%t) to columns.
	lanes [96]uint8
}

// avx512SplitShapes are the kernels' shapes: rows of 80 in groups of 16
// and 80, rows of 96 in groups of 16, 32 and 96.
var avx512SplitShapes = [5]avx512SplitShape{
	newAVX512SplitShape(80, 16), newAVX512SplitShape(80, 80),
	newAVX512SplitShape(96, 16), newAVX512SplitShape(96, 32), newAVX512SplitShape(96, 96),
}

// avx512SplitShapeOf returns the split kernels' shape of 4-bit rows of
// cols values in groups of group, or nil if they have none.
func avx512SplitShapeOf(cols, group int) *avx512SplitShape {
	for i := range avx512SplitShapes {
		if s := &avx512SplitShapes[i]; s.cols == cols && s.group == group {
			return s
		}
	}
	return nil
}

func newAVX512SplitShape(cols, group int) avx512SplitShape {
	t := (cols/8 - 8) // tail dwords per row
	s := avx512SplitShape{cols: cols, group: group, step: 16 / t}
	g := cols / group
	s.entries = s.step * g
	pairs := s.step / 2
	buf := make([]int32, 16*(3+pairs+1+2)+16)
	s.idx = buf[(-uintptr(unsafe.Pointer(&buf[0]))&63)/4:][:16*(3+pairs+1+2)]
	for c := range 3 {
		for l := range 16 {
			e := 16*c + l
			s.idx[16*c+l] = 15
			if e < s.entries {
				s.idx[16*c+l] = int32(e / g)
			}
		}
	}
	// The column of nibble k of dword d of a row, and its group.
	column := func(d, k int) int {
		p := 8*d + k
		return group*(p/group) + pack.PlaneColumn(4, group, p%group)
	}
	spread := func(v int, entry func(l int) int) {
		base := 16 * (entry(0) / 16) // the first entries vector the lanes use
		for l := range 16 {
			s.idx[16*(3+v)+l] = int32(entry(l) - base)
		}
	}
	for p := range pairs {
		spread(p, func(l int) int { return g*(2*p+l/8) + 8*(l%8)/group })
	}
	spread(pairs, func(l int) int { return g*(l/t) + 8*(8+l%t)/group })
	for k := range 8 {
		for l := range 8 {
			s.lanes[8*k+l] = uint8(column(l, k))
		}
		for l := range 4 {
			s.lanes[64+4*k+l] = uint8(column(8+l%t, k))
		}
	}
	if cols == 80 { // the tails' gather offsets (bytes 32-39 of each row)
		off := unsafe.Slice((*int64)(unsafe.Pointer(&s.idx[16*(3+pairs+1)])), 8)
		for r := range off {
			off[r] = int64(32 + 40*r)
		}
	}
	return s
}

// avx512SplitServes reports whether AddWeighted on r with nw weight rows
// runs the split kernels, once per weight row: for 4-bit rows of their
// shapes and fewer than four weight rows, or four and more on 256 rows or
// more, except in one group of 96, where the general kernels' one pass for
// four weight rows is faster (Intel Xeon family 6 model 167, v/ns of
// weight rows times values, four weight rows, general against split: 256
// rows, q4g16 80 18.7 against 19.5, q4g16 96 19.7 against 21.6, q4g96 96
// 28.1 against 24.6; 512 rows 18.2 against 22.0, 20.3 against 23.9, 28.4
// against 26.0; 64 rows q4g16 80 17-18 against 13).
func avx512SplitServes(r Rows, nw int) bool {
	f := r.Format
	switch f.Bits {
	case 4:
		return avx512SplitShapeOf(r.Cols, f.Group) != nil && (nw < 4 || r.Len() >= 256 && f.Group != 96)
	case 2:
		// Two kernel calls (a half of the fields each) and their tables
		// cost more than the kernels save below about 128 rows (q2g80 80,
		// one weight row, old against split: 64 rows 9.0 against 8.7, 128
		// rows 10.0 against 12.3, 4096 rows 11.8 against 21.7). Rows of 80
		// run the one-pass kernels of three rows per vector
		// (avx512AddWeightedTri80), which win from about 48 rows (Intel
		// Xeon family 6 model 167, one weight row, ns per call, old
		// against tri: q2g16 32 rows 358 against 413, 51 rows 531 against
		// 481, 100 rows 794 against 613; q2g80 32 rows 335 against 396, 51
		// rows 538 against 447).
		return nw < 4 && (avx512SplitW2ShapeOf(r.Cols, f.Group) != nil && r.Len() >= 128 ||
			r.Cols == 80 && avx512Tri80ShapeOf(f.Group) != nil && r.Len() >= 48)
	}
	return false
}

// addWeightedSplitAVX512 is AddWeighted on the shapes avx512SplitServes
// names: the split kernels once per weight row, and where a sum is not
// finite the kernels that serve the format otherwise.
func addWeightedSplitAVX512(y []float32, r Rows, w []float32) {
	f := r.Format
	avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
		switch {
		case avx512AddWeightedSplitAny(y, r, w):
		case f.Group == 16:
			addWeightedGroup16AVX512(y, r, w)
		case f.Group%32 == 0:
			addWeightedGeneralAVX512(y, r, w)
		default:
			addWeightedAVX2(y, r, w)
		}
	})
}

// avx512AddWeightedSplitAny runs the split kernels of r's code width
// and row length (avx512AddWeightedSplit, avx512AddWeightedSplitW2,
// avx512AddWeightedTri80 for 2-bit rows of 80).
func avx512AddWeightedSplitAny(y []float32, r Rows, w []float32) bool {
	if r.Format.Bits == 2 {
		if r.Cols == 80 {
			return avx512AddWeightedTri80(y, r, w)
		}
		return avx512AddWeightedSplitW2(y, r, w)
	}
	return avx512AddWeightedSplit(y, r, w)
}

// avx512AddWeightedSplit runs the 4-bit AddWeighted split kernel of r's
// shape (avx512SplitShapeOf), one weight row: the rows in whole steps,
// then the last partial step copied beside zero rows of weight 0, both
// into one table, which it adds into y: the head and tail sums to their
// columns (avx512SplitShape.lanes), and each group's sum of w*min (times
// shiftSource's factor) to the group's columns. As for
// avx512AddWeightedRow, it returns false, having left y alone, when a sum
// is not finite.
func avx512AddWeightedSplit(y []float32, r Rows, w []float32) bool {
	f := r.Format
	s := avx512SplitShapeOf(r.Cols, f.Group)
	var tableBuf [96 + 48 + 16]float32
	table := avx512AlignFloats(tableBuf[:])[:96+48]
	mins, mul := shiftSource(r)
	n := r.Len()
	whole := n - n%s.step
	a := avx512RowArgs{
		data:   unsafe.Pointer(&r.Data[0]),
		scales: unsafe.Pointer(&r.Scales[0]),
		mins:   unsafe.Pointer(&mins[0]),
		out:    unsafe.Pointer(&table[0]),
		recs:   unsafe.Pointer(&s.idx[0]),
		sg:     unsafe.Pointer(&w[0]),
		n:      whole,
	}
	if whole > 0 {
		avx512CallAddWeightedSplit(r.Cols, f.Group, &a)
	}
	if whole < n {
		var pad avx512StepPad
		t := pad.args(a, r, mins, w, whole, s.step)
		avx512CallAddWeightedSplit(r.Cols, f.Group, &t)
	}
	if !avx512Finite(table) {
		return false
	}
	yy := y[:r.Cols]
	for i, v := range table[:96] {
		yy[s.lanes[i]] += v
	}
	var groupMins [6]float32
	g := r.Cols / f.Group
	for e := 96; e < 96+s.entries; e += g {
		for j, v := range table[e : e+g] {
			groupMins[j] += v
		}
	}
	for j, m := range groupMins[:g] {
		for c := range yy[j*f.Group : (j+1)*f.Group] {
			yy[j*f.Group+c] += mul * m
		}
	}
	return true
}

// avx512CallAddWeightedSplit runs the split kernel of rows of cols values
// (80 or 96) in groups of group.
func avx512CallAddWeightedSplit(cols, group int, a *avx512RowArgs) {
	if cols == 80 {
		avx512CallAddWeightedSplit80(group, a)
	} else {
		avx512CallAddWeightedSplit96(group, a)
	}
}
