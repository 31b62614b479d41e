//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512SplitW2Shape is one shape of the 2-bit AddWeighted split kernels
// (avx512_addweightedsplit_amd64.s): rows of cols (96) values in groups
// of group, step rows a kernel step (16 over the tail's dwords).
type avx512SplitW2Shape struct {
	cols, group, step int
	// idx is the kernel's index tables (64-byte aligned): the eight field
	// masks; per vector (the heads', then the tail's) the word of the
	// step's scales that each lane takes (32 words, 16 used); per vector
	// the step's row (weight) each lane takes; the tail's gather offsets
	// (qwords).
	idx []int32
	// lanes maps a half's head and tail sums (entry 4k+d: field k of the
	// half, dword d of a row; 32+4k+l: field k of tail lane l, dword
	// 4+l%t) to columns, for the halves 0 and 1.
	lanes [2][64]uint8
	// mins maps the lanes of the w*min sums (heads 0-15, tail 16-31) to
	// the group whose columns they add to (255: none; the group's sum is
	// in the lanes of its first dword).
	mins [32]uint8
}

// avx512SplitW2Shapes are the kernels' shapes: rows of 96 in groups of
// 16, 32 and 96 (2-bit rows of 80 run avx512AddWeightedTri80).
var avx512SplitW2Shapes = [3]avx512SplitW2Shape{
	newAVX512SplitW2Shape(96, 16), newAVX512SplitW2Shape(96, 32), newAVX512SplitW2Shape(96, 96),
}

// avx512SplitW2ShapeOf returns the 2-bit split kernels' shape of rows of
// cols values in groups of group, or nil if they have none.
func avx512SplitW2ShapeOf(cols, group int) *avx512SplitW2Shape {
	for i := range avx512SplitW2Shapes {
		if s := &avx512SplitW2Shapes[i]; s.cols == cols && s.group == group {
			return s
		}
	}
	return nil
}

func newAVX512SplitW2Shape(cols, group int) avx512SplitW2Shape {
	t := cols/16 - 4 // tail dwords per row
	s := avx512SplitW2Shape{cols: cols, group: group, step: 16 / t}
	g := cols / group
	heads := s.step / 4
	vecs := heads + 1
	size := 16 * (1 + 2*vecs + 1) // masks, words, weights, gather offsets
	buf := make([]int32, size+16)
	s.idx = buf[(-uintptr(unsafe.Pointer(&buf[0]))&63)/4:][:size]
	for k := range 8 {
		s.idx[k] = 3 << (2 * k)
	}
	// lane returns the row and the code dword of lane l of vector v.
	lane := func(v, l int) (row, d int) {
		if v < heads {
			return 4*v + l/4, l % 4
		}
		return l / t, 4 + l%t
	}
	groupOf := func(d int) int { return 16 * d / group }
	for v := range vecs {
		words := unsafe.Slice((*uint16)(unsafe.Pointer(&s.idx[16*(1+v)])), 32)
		_, d0 := lane(v, 0)
		row0, _ := lane(v, 0)
		base := 32 * ((g*row0 + groupOf(d0)) / 32) // the first words vector the lanes use
		for l := range 16 {
			row, d := lane(v, l)
			words[l] = uint16(g*row + groupOf(d) - base)
			s.idx[16*(1+vecs+v)+l] = int32(row)
		}
	}
	off := 16 * (1 + 2*vecs)
	q := unsafe.Slice((*int64)(unsafe.Pointer(&s.idx[off])), 8) // the tails' gather offsets: qword 2 of each row
	for r := range q {
		q[r] = int64(16 + 24*r)
	}
	column := func(p int) uint8 {
		return uint8(group*(p/group) + pack.PlaneColumn(2, group, p%group))
	}
	for h := range 2 {
		for k := range 8 {
			for d := range 4 {
				s.lanes[h][4*k+d] = column(16*d + 8*h + k)
				s.lanes[h][32+4*k+d] = column(16*(4+d%t) + 8*h + k)
			}
		}
	}
	// A lane's w*min counts once per row and group: in the lanes of the
	// group's first dword.
	minsOf := func(d int) uint8 {
		if 16*d%group != 0 {
			return 255
		}
		return uint8(groupOf(d))
	}
	for l := range 16 {
		s.mins[l] = minsOf(l % 4)
		s.mins[16+l] = minsOf(4 + l%t)
	}
	return s
}

// avx512SplitW2Chunk is the most rows the two halves of the 2-bit split
// kernels take in turn (320-384 KiB of codes), so that the second finds
// them in L2.
const avx512SplitW2Chunk = 16384

// avx512AddWeightedSplitW2 runs the 2-bit AddWeighted split kernels of
// r's shape (avx512SplitW2ShapeOf), one weight row: both halves of the
// fields over each chunk of the rows in whole steps, then over the last
// partial step copied beside zero rows of weight 0, into a table per
// half, which it adds into y: the sums to their columns, and each group's
// sum of w*min (times shiftSource's factor) to the group's columns. As
// for avx512AddWeightedRow, it returns false, having left y alone, when a
// sum is not finite.
func avx512AddWeightedSplitW2(y []float32, r Rows, w []float32) bool {
	f := r.Format
	s := avx512SplitW2ShapeOf(r.Cols, f.Group)
	var tableBuf [2*96 + 16]float32
	table := avx512AlignFloats(tableBuf[:])[:2*96]
	mins, mul := shiftSource(r)
	n := r.Len()
	g, rb := f.Groups(r.Cols), f.RowBytes(r.Cols)
	whole := n - n%s.step
	a := avx512RowArgs{recs: unsafe.Pointer(&s.idx[0])}
	for r0 := 0; r0 < whole; r0 += avx512SplitW2Chunk {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[r0*rb]), unsafe.Pointer(&r.Scales[r0*g]), unsafe.Pointer(&mins[r0*g])
		a.sg, a.n = unsafe.Pointer(&w[r0]), min(whole-r0, avx512SplitW2Chunk)
		a.out = unsafe.Pointer(&table[0])
		avx512CallAddWeightedSplitW2(0, f.Group, &a)
		a.out = unsafe.Pointer(&table[96])
		avx512CallAddWeightedSplitW2(1, f.Group, &a)
	}
	if whole < n {
		var pad avx512StepPad
		t := pad.args(a, r, mins, w, whole, s.step)
		t.out = unsafe.Pointer(&table[0])
		avx512CallAddWeightedSplitW2(0, f.Group, &t)
		t.out = unsafe.Pointer(&table[96])
		avx512CallAddWeightedSplitW2(1, f.Group, &t)
	}
	if !avx512Finite(table) {
		return false
	}
	yy := y[:r.Cols]
	for h := range 2 {
		for i, v := range table[96*h : 96*h+64] {
			yy[s.lanes[h][i]] += v
		}
	}
	var groupMins [6]float32
	for i, v := range table[64:96] {
		if j := s.mins[i]; j < 255 {
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

// avx512CallAddWeightedSplitW2 runs half half of the 2-bit split kernel
// of rows of 96 values in groups of group.
func avx512CallAddWeightedSplitW2(half, group int, a *avx512RowArgs) {
	avx512CallAddWeightedSplit96W2(half, group, a)
}
