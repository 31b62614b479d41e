//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512Tri80Step is the rows a step of the 2-bit kernels of rows of 80
// (avx512_addweightedtri80_amd64.s) takes: two vectors of three rows.
const avx512Tri80Step = 6

// avx512Tri80Shape is one shape of the 2-bit kernels of rows of 80, three
// rows per vector (avx512_addweightedtri80_amd64.s): groups of group (16
// or 80).
type avx512Tri80Shape struct {
	group int
	// idx is the kernel's index tables (64-byte aligned, 16 dwords each):
	// the sixteen field masks; the weight index of each lane of the
	// step's first vector (l/5) and second (3 + l/5), lane 15 a zero
	// lane (15).
	idx []int32
	// cols maps the kernel's sums (entry 5k+d: field k of dword d) to
	// columns.
	cols [80]uint8
	// mins maps the lanes of the w*min sums to the group whose columns
	// they add to (255: none).
	mins [16]uint8
}

// avx512Tri80Shapes are the kernels' shapes: groups of 16 and 80.
var avx512Tri80Shapes = [2]avx512Tri80Shape{newAVX512Tri80Shape(16), newAVX512Tri80Shape(80)}

// avx512Tri80ShapeOf returns the shape of 2-bit rows of 80 values in
// groups of group, or nil if the kernels have none.
func avx512Tri80ShapeOf(group int) *avx512Tri80Shape {
	for i := range avx512Tri80Shapes {
		if s := &avx512Tri80Shapes[i]; s.group == group {
			return s
		}
	}
	return nil
}

func newAVX512Tri80Shape(group int) avx512Tri80Shape {
	s := avx512Tri80Shape{group: group}
	buf := make([]int32, 48+16)
	s.idx = buf[(-uintptr(unsafe.Pointer(&buf[0]))&63)/4:][:48]
	for k := range 16 {
		s.idx[k] = 3 << (2 * k)
	}
	for l := range 16 {
		s.idx[16+l], s.idx[32+l] = int32(l/5), int32(3+l/5)
		if l == 15 {
			s.idx[16+l], s.idx[32+l] = 15, 15
		}
	}
	for k := range 16 {
		for d := range 5 {
			p := 16*d + k
			s.cols[5*k+d] = uint8(group*(p/group) + pack.PlaneColumn(2, group, p%group))
		}
	}
	for l := range s.mins {
		s.mins[l] = 255
		switch {
		case group == 16 && l < 15:
			s.mins[l] = uint8(l % 5) // lane l: row l/5, group l%5
		case group == 80 && l < avx512Tri80Step:
			s.mins[l] = 0 // lane l: row l
		}
	}
	return s
}

// avx512AddWeightedTri80 runs the 2-bit kernel of rows of 80 of r's group
// (avx512Tri80ShapeOf), one weight row: the rows in whole steps, then the
// last partial step copied beside zero rows of weight 0, into one table,
// which it adds into y: the sums to their columns, and each group's sum
// of w*min (times shiftSource's factor) to the group's columns. As for
// avx512AddWeightedRow, it returns false, having left y alone, when a sum
// is not finite.
func avx512AddWeightedTri80(y []float32, r Rows, w []float32) bool {
	f := r.Format
	s := avx512Tri80ShapeOf(f.Group)
	var tableBuf [256 + 16 + 16]float32
	table := avx512AlignFloats(tableBuf[:])[:256+16]
	mins, mul := shiftSource(r)
	n := r.Len()
	whole := n - n%avx512Tri80Step
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
		avx512CallAddWeightedTri80(f.Group, &a)
	}
	if whole < n {
		var pad avx512StepPad
		t := pad.args(a, r, mins, w, whole, avx512Tri80Step)
		avx512CallAddWeightedTri80(f.Group, &t)
	}
	if !avx512Finite(table) {
		return false
	}
	yy := y[:80]
	for k := range 16 {
		for d, v := range table[16*k : 16*k+5] {
			yy[s.cols[5*k+d]] += v
		}
	}
	var groupMins [5]float32
	for l, v := range table[256:] {
		if j := s.mins[l]; j < 255 {
			groupMins[j] += v
		}
	}
	g := 80 / f.Group
	for j, m := range groupMins[:g] {
		for c := range yy[j*f.Group : (j+1)*f.Group] {
			yy[j*f.Group+c] += mul * m
		}
	}
	return true
}
