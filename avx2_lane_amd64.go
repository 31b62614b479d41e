//go:build gc && !purego

package lowbit

import "unsafe"

// avx2LaneArgs are the arguments of the lane kernels, Dot and AddWeighted
// on codes whose group is not a multiple of 32 (the walker in
// avx2_lane_amd64.h).
type avx2LaneArgs struct {
	avx2Walk
	x         unsafe.Pointer              // Dot: query row 0 at the chunk's first column; AddWeighted: y of weight row 0
	out       unsafe.Pointer              // Dot: out of query row 0 at the first row (the kernel adds); AddWeighted: the weights, transposed (avx2TransposeWeights)
	xStride   uintptr                     // bytes between query rows of x (or between rows of y)
	outStride uintptr                     // Dot: bytes between query rows of out
	mult      float32                     // the shift multiplier: 1, or -2^(bits-1) when symmetric
	fillRows  int                         // rows whose scales are converted at a time: their groups fit sc (1 when groups < all of a row's)
	rowBytes  uintptr                     // AddWeighted of row pairs: bytes of codes from a row to the next
	outp      uintptr                     // the kernel's: out (or the weights) of the current row
	scEnd     uintptr                     // the kernel's: the end of the converted scales
	sc        [avx2LaneScales]float32     // the kernel's: scales of the rows at hand
	sh        [avx2LaneScales + 8]float32 // the kernel's: their shifts times mult (or fm)
	fm        [avx2LaneScales + 8]float32 // Dot of one query: mult × Σx over each group, for every group of a fill
}

// avx2LaneScales is the number of groups whose scales the lane kernels
// convert ahead: the rows of one conversion hold at most this many.
const avx2LaneScales = 128

// avx2Tail returns the length of the last block of a group that is not a
// multiple of 32 (8, 16 or 24).
func avx2Tail(f Format) int { return f.Group % 32 }

// avx2LaneLast returns the last block of a group as the lane kernels take
// it (8, 16, 24, or 32 for a group of whole blocks), and 4 × the whole
// blocks before it.
func avx2LaneLast(f Format) (last, kEnd int) {
	last = f.Group % 32
	if last == 0 {
		last = 32
	}
	return last, 4 * ((f.Group - last) / 32)
}

// avx2LaneFill returns the rows whose scales the lane kernels convert at a
// time, for the chunk of groups [g0, g1) of rows of groups groups: as many
// whole rows as fit avx2LaneScales, or 1 when the chunk is not a whole
// row. Chunks of groups hold at most avx2LaneScales.
func avx2LaneFill(groups, g0, g1 int) int {
	if g1-g0 == groups {
		return avx2LaneScales / groups
	}
	return 1
}

// newAVX2LaneArgs sets a's walk over rows [i0, i1) and groups [g0, g1) of
// r, its shift multiplier and fillRows.
func (a *avx2LaneArgs) set(r Rows, i0, i1, g0, g1, fillRows int) {
	shifts, mult := shiftSource(r)
	a.avx2Walk = newAVX2Walk(r, shifts, i0, i1, g0, g1)
	_, a.kEnd = avx2LaneLast(r.Format)
	a.mult, a.fillRows = mult, fillRows
}

// dotLanesAVX2 is Dot on codes through the lane kernels (every group; the
// groups that are a multiple of 32 take their last block as a whole one):
// the query rows four at a time, each pass over chunks of groups and rows.
func dotLanesAVX2(out []float32, r Rows, x []float32) {
	f, cols := r.Format, r.Cols
	n, nq, groups := r.Len(), len(x)/cols, f.Groups(cols)
	last, kEnd := avx2LaneLast(f)
	clear(out)
	var a avx2LaneArgs
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		for g0 := 0; g0 < groups; g0 += avx2LaneScales {
			g1 := min(groups, g0+avx2LaneScales)
			fill := avx2LaneFill(groups, g0, g1)
			for i0 := 0; i0 < n; i0 += avx2ChunkRows {
				i1 := min(n, i0+avx2ChunkRows)
				a.set(r, i0, i1, g0, g1, fill)
				a.x = unsafe.Pointer(&x[j0*cols+g0*f.Group])
				a.xStride = uintptr(4 * cols)
				a.out = unsafe.Pointer(&out[j0*n+i0])
				a.outStride = uintptr(4 * n)
				if qn == 1 {
					// fm, the factor of every group's shift in the
					// buffers: the same for each row of a fill.
					xs, ng := x[j0*cols+g0*f.Group:], g1-g0
					for g := range ng {
						a.fm[g] = a.mult * sumFloats(xs[g*f.Group:][:f.Group])
					}
					for k := ng; k < fill*ng; k++ {
						a.fm[k] = a.fm[k-ng]
					}
				}
				if kEnd == 0 {
					avx2CallDotLaneG(f.Bits, last, qn, &a)
				} else {
					avx2CallDotLaneT(f.Bits, last, qn, &a)
				}
			}
		}
	}
}

// addWeightedLanesAVX2 is AddWeighted on codes whose group is not a
// multiple of 32: the weight rows four at a time, each pass over chunks of
// rows (as many as the transposed weight table holds), groups and rows;
// one weight row on 2-, 4- or 8-bit codes two rows at a time
// (addWeightedPairsAVX2).
func addWeightedLanesAVX2(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	n, groups := r.Len(), f.Groups(cols)
	nq := len(w) / n
	var wt [avx2AddWRows][4]float32
	var a avx2LaneArgs
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		for i0 := 0; i0 < n; i0 += avx2AddWRows {
			i1 := min(n, i0+avx2AddWRows)
			avx2TransposeWeights(&wt, w, n, j0, qn, i0, i1)
			rs := r.Slice(i0, i1)
			if qn == 1 && addWeightedPairsAVX2(y[j0*cols:], rs, &wt) {
				continue
			}
			for g0 := 0; g0 < groups; g0 += avx2LaneScales {
				g1 := min(groups, g0+avx2LaneScales)
				a.set(rs, 0, i1-i0, g0, g1, avx2LaneFill(groups, g0, g1))
				a.x = unsafe.Pointer(&y[j0*cols+g0*f.Group])
				a.xStride = uintptr(4 * cols)
				a.out = unsafe.Pointer(&wt[0])
				if f.Group < 32 {
					avx2CallAddWeightedLaneG(f.Bits, f.Group, qn, &a)
				} else {
					avx2CallAddWeightedLaneT(f.Bits, avx2Tail(f), qn, &a)
				}
			}
		}
	}
}

// addWeightedPairsAVX2 adds to y the rows of r times the weights wt[i][0],
// two rows at a time (the last of an odd number alone), and reports
// whether it could: 2-, 4- or 8-bit codes whose rows' scales fit the lane
// kernels' buffers twice.
func addWeightedPairsAVX2(y []float32, r Rows, wt *[avx2AddWRows][4]float32) bool {
	var a avx2LaneArgs
	f := r.Format
	n, groups := r.Len(), f.Groups(r.Cols)
	fill := avx2LaneScales / groups &^ 1
	if f.Bits&(f.Bits-1) != 0 || fill == 0 {
		return false
	}
	tail, _ := avx2LaneLast(f)
	if pairs := n &^ 1; pairs > 0 {
		a.set(r, 0, pairs, 0, groups, fill)
		a.x = unsafe.Pointer(&y[0])
		a.out = unsafe.Pointer(&wt[0])
		a.rowBytes = uintptr(f.RowBytes(r.Cols))
		if f.Group <= 32 {
			avx2CallAddWeightedLanePairsG(f.Bits, f.Group, &a)
		} else {
			avx2CallAddWeightedLanePairsT(f.Bits, tail, &a)
		}
	}
	if n%2 == 1 {
		last := r.Slice(n-1, n)
		a.set(last, 0, 1, 0, groups, 1)
		a.x = unsafe.Pointer(&y[0])
		a.xStride = uintptr(4 * r.Cols)
		a.out = unsafe.Pointer(&wt[n-1])
		switch {
		case f.Group%32 == 0:
			addWeightedBlocksAVX2(y[:r.Cols], last, (*wt)[n-1][:1])
		case f.Group < 32:
			avx2CallAddWeightedLaneG(f.Bits, f.Group, 1, &a)
		default:
			avx2CallAddWeightedLaneT(f.Bits, tail, 1, &a)
		}
	}
	return true
}
