//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512SpanArgs is the argument block of the AddWeighted span kernels
// (avx512_addweightedspan_amd64.s): one span of 64 values of every row of
// a chunk, two to four weight rows.
type avx512SpanArgs struct {
	data   unsafe.Pointer // row 0's codes (or fp16 values) of the span
	scales unsafe.Pointer // row 0's scale words
	mins   unsafe.Pointer // row 0's min words (the scales for symmetric formats)
	w      unsafe.Pointer // weight row 0's weight of row 0
	out    unsafe.Pointer // the span's sums (avx512SpanOut floats), added to
	table  unsafe.Pointer // 1 KiB, 64-byte aligned: the block's w·scale (or S_t) tables
	idx    unsafe.Pointer // 32 words: where the span's scale words of 16 rows lie in their words
	idxB   unsafe.Pointer // the same for the span's second group (2-bit codes in groups of 32)

	wStride   int // bytes between weight rows
	rowBytes  int // bytes between rows of codes
	blocks    int // blocks of 16 rows
	scaleStep int // bytes of scale words of a block of 16 rows

	kLo, kHi uint32  // word masks of the two 64-byte loads of a block's scale words
	mul      float32 // the min factor (shiftSource)
	bad      uint64  // set non-zero by a kernel whose sums are not all finite
}

// avx512SpanFinishArgs is the argument block of
// avx512AddWeightedSpanFinish.
type avx512SpanFinishArgs struct {
	y       unsafe.Pointer // weight row 0's first column of the span
	yStride int            // bytes between weight rows of y
	out     unsafe.Pointer // the span's sums (avx512SpanOut floats)
	runs    unsafe.Pointer // the first columns of the sums' runs of 8 lanes (avx512SpanRuns)
	units   unsafe.Pointer // the unit of each register of sums (avx512SpanUnits)
	rows    int            // weight rows
	second0 uint32         // the lanes of registers 0-1 whose mins are the span's second group's
	second1 uint32         // the same for registers 2-3
}

// avx512SpanOut is the floats of the span kernels' out: sixteen sums
// (weight row j, register k at 16(4j+k)) and four sums of w·min (weight
// row j at 256+16j), 16 lanes each; in groups of 32, four more sums of
// w·min of the span's second group (weight row j at 320+16j).
const avx512SpanOut = 24 * 16

// avx512SpanChunk is the bytes of codes a chunk of rows takes at most: the
// kernels pass over a chunk once per span of 64 values of its rows, which
// finds it in L1 after the first.
const avx512SpanChunk = 16 << 10

// avx512SpanServes reports whether the span kernels run AddWeighted on r
// with nw weight rows: two or more of them, at least 16 rows of 64 to 256
// values (a multiple of 64), in 2-, 4- or 8-bit codes whose group is a
// multiple of 64 (or 32 on rows of 64 or 128), or fp16.
func avx512SpanServes(r Rows, nw int) bool {
	f := r.Format
	if nw < 2 || r.Len() < 16 || r.Cols%64 != 0 || r.Cols > 256 {
		return false
	}
	if f.Bits == 16 {
		return true
	}
	return (f.Bits == 2 || f.Bits == 4 || f.Bits == 8) && (f.Group%64 == 0 || f.Group == 32 && r.Cols <= 128)
}

// avx512SpanPairIdx holds, per row t of a block, the VPERMI2PS indexes that
// lay out its S_t: lanes 0-7 from lane t of the first group's scales,
// lanes 8-15 from lane t of the second's.
var avx512SpanPairIdx = func() (t [16][16]uint32) {
	for r := range 16 {
		for l := range 16 {
			t[r][l] = uint32(r + 16*(l/8))
		}
	}
	return t
}()

// avx512SpanW2Masks and avx512SpanW4Masks are the fields of a byte, in
// place.
var (
	avx512SpanW2Masks = [4]uint32{0x03, 0x0c, 0x30, 0xc0}
	avx512SpanW4Masks = [2]uint32{0x0f, 0xf0}
)

// avx512SpanIdx holds, for G groups a row (index G, 1 to 4) and the group
// g of a span, the word index of row t's scale word of group g among 16
// rows' words: t·G + g, for t < 16 (the last 16 words are unused).
var avx512SpanIdx = func() (t [5][4][32]uint16) {
	for G := 1; G <= 4; G++ {
		for g := range G {
			for r := range 16 {
				t[G][g][r] = uint16(r*G + g)
			}
		}
	}
	return t
}()

// avx512SpanCols maps a code width's lanes to columns of a group of 64: the
// column of lane l of register k is avx512SpanCols[bits][16k+l], by
// pack.PlaneColumn (the kernels read the codes in place).
var avx512SpanCols = func() (c [9][64]uint8) {
	for _, bits := range []int{2, 4, 8} {
		fields := 8 / bits
		for k := range 4 {
			b, f := k/fields, k%fields // the register's 16 bytes, its field
			for l := range 16 {
				c[bits][16*k+l] = uint8(pack.PlaneColumn(bits, 64, (16*b+l)*fields+f))
			}
		}
	}
	return c
}()

// avx512SpanRuns holds, per code width (index bits; fp16 at 0), the first
// column of each run of 8 lanes of the kernels' registers (register k,
// lanes 8s to 8s+7: run 2k+s), which avx512SpanCols maps to 8 columns in a
// row (checked here, so that a change of layout in pack cannot go
// unnoticed).
var avx512SpanRuns = func() (runs [9][8]uint8) {
	for i := range 8 {
		runs[0][i] = uint8(8 * i)
	}
	for _, bits := range []int{2, 4, 8} {
		c := &avx512SpanCols[bits]
		for i := range 8 {
			for l := range 8 {
				if c[8*i+l] != c[8*i]+uint8(l) {
					panic("lowbit: the span kernels' lanes are not runs of 8 columns")
				}
			}
			runs[bits][i] = c[8*i]
		}
	}
	return runs
}()

// avx512SpanUnits holds, per code width (index bits; fp16 at 0), the unit
// of each register of the kernels' sums: field k of a code sits k·bits up
// in place, so its sums are 2^(k·bits) times the columns' (4-bit: two
// registers of two fields each).
var avx512SpanUnits = func() (u [9][4]float32) {
	for _, bits := range []int{0, 2, 4, 8} {
		for k := range 4 {
			u[bits][k] = 1
			if bits == 2 || bits == 4 {
				u[bits][k] = 1 / float32(uint32(1)<<(k%(8/bits)*bits))
			}
		}
	}
	return u
}()

// addWeightedSpansAVX512 is AddWeighted for the shapes avx512SpanServes
// accepts: per pass of up to four weight rows (two or three for the last
// but a single one, which runs the one-weight-row kernels), their sums
// (avx512SpanSums) added into y, then the rows after the last block of 16
// one weight row at a time. A pass with a sum that is not finite (the
// field sums are up to 64 (2-bit) or 16 (4-bit) times the terms of the
// columns they stand for, so they can overflow where the result does not)
// runs one weight row at a time instead, by kernels that fall back to
// terms of their own.
func addWeightedSpansAVX512(y []float32, r Rows, w []float32) {
	f := r.Format
	n, cols := r.Len(), r.Cols
	spans, n16 := cols/64, n&^15
	var outBuf [4*avx512SpanOut + 16]float32
	out := avx512AlignFloats(outBuf[:])[:spans*avx512SpanOut]
	fin := avx512SpanFinishArgs{yStride: 4 * cols, runs: unsafe.Pointer(&avx512SpanRuns[f.Bits&^16]), units: unsafe.Pointer(&avx512SpanUnits[f.Bits&^16])}
	switch {
	case f.Group != 32:
	case f.Bits == 2: // bytes 0-7 (lanes 0-7) the first group, 8-15 the second
		fin.second0, fin.second1 = 0xff00, 0xff00
	default: // registers 0-1 the first group, 2-3 the second
		fin.second1 = 0xffff
	}
	nw := len(w) / n
	for j0, nq := 0, 0; j0 < nw; j0 += nq {
		nq = min(4, nw-j0)
		if nq == 1 { // the one-weight-row kernels
			addWeightedAVX512(y[j0*cols:(j0+1)*cols], r, w[j0*n:(j0+1)*n])
			continue
		}
		fin.rows = nq
		if !avx512SpanSums(out, r, w, j0, nq) {
			for j := j0; j < j0+nq; j++ {
				addWeightedAVX512(y[j*cols:(j+1)*cols], r, w[j*n:(j+1)*n])
			}
			continue
		}
		for h := range spans {
			fin.y, fin.out = unsafe.Pointer(&y[j0*cols+64*h]), unsafe.Pointer(&out[h*avx512SpanOut])
			avx512AddWeightedSpanFinish(&fin)
		}
		if n16 < n {
			tail := r.Slice(n16, n)
			for j := j0; j < j0+nq; j++ {
				addWeightedAVX512(y[j*cols:(j+1)*cols], tail, w[j*n+n16:(j+1)*n])
			}
		}
	}
}

// avx512SpanSums runs the span kernel for weight rows j0 to j0+nq-1 of w
// over the rows of r before the last block of 16, chunk by chunk, once per
// span of 64 values (span h: values 64h to 64h+63), into out
// (avx512SpanOut floats per span, 64-byte aligned). It reports whether the
// sums are all finite.
func avx512SpanSums(out []float32, r Rows, w []float32, j0, nq int) bool {
	f := r.Format
	n, cols := r.Len(), r.Cols
	rb := f.RowBytes(cols)
	var tableBuf [256 + 16]float32 // 16 rows' S_t in groups of 32
	table := avx512AlignFloats(tableBuf[:])
	a := avx512SpanArgs{table: unsafe.Pointer(&table[0]), idx: unsafe.Pointer(&avx512SpanIdx[1][0]), wStride: 4 * n, rowBytes: rb, mul: 1}
	G, gb := 0, 0 // groups a row, bytes a group
	var words []uint16
	if f.Bits != 16 {
		words, a.mul = shiftSource(r)
		G, gb = f.Groups(cols), f.Group*f.Bits/8
		a.scaleStep = 32 * G
		a.kLo = uint32(1)<<min(32, 16*G) - 1 // 16 words a group
		a.kHi = uint32(1)<<max(0, 16*G-32) - 1
	}
	clear(out)
	n16, chunk := n&^15, max(16, min(512, avx512SpanChunk/rb)&^15)
	for r0 := 0; r0 < n16; r0 += chunk {
		r1 := min(n16, r0+chunk)
		a.blocks = (r1 - r0) / 16
		a.w = unsafe.Pointer(&w[j0*n+r0])
		for h := range cols / 64 {
			a.out = unsafe.Pointer(&out[h*avx512SpanOut])
			if f.Bits == 16 {
				a.data = unsafe.Pointer(&r.Data[r0*rb+128*h])
				avx512CallAddWeightedSpan(16, nq, &a)
				continue
			}
			g := h * 64 / f.Group // the span's (first) group
			a.data = unsafe.Pointer(&r.Data[r0*rb+g*gb+(h*64%f.Group)*f.Bits/8])
			a.scales = unsafe.Pointer(&r.Scales[r0*G])
			a.mins = unsafe.Pointer(&words[r0*G])
			a.idx = unsafe.Pointer(&avx512SpanIdx[G][g])
			if f.Group == 32 {
				a.idxB = unsafe.Pointer(&avx512SpanIdx[G][g+1])
				avx512CallAddWeightedSpanG32(f.Bits, nq, &a)
				continue
			}
			avx512CallAddWeightedSpan(f.Bits, nq, &a)
		}
	}
	return a.bad == 0
}
