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

// avx2LaneChunks calls fn for chunks of groups [g0, g1) of at most
// avx2LaneScales groups (all of a row's, if they fit), and in each for
// chunks of rows [i0, i1), with the number of rows whose scales fit the
// kernels' buffers.
func avx2LaneChunks(r Rows, fn func(i0, i1, g0, g1, fillRows int)) {
	n, groups := r.Len(), r.Format.Groups(r.Cols)
	for g0 := 0; g0 < groups; g0 += avx2LaneScales {
		g1 := min(groups, g0+avx2LaneScales)
		fill := 1
		if g1-g0 == groups {
			fill = avx2LaneScales / groups
		}
		for i0 := 0; i0 < n; i0 += avx2ChunkRows {
			fn(i0, min(n, i0+avx2ChunkRows), g0, g1, fill)
		}
	}
}

// newAVX2LaneArgs sets a's walk over rows [i0, i1) and groups [g0, g1) of
// r, its shift multiplier and fillRows.
func (a *avx2LaneArgs) set(r Rows, i0, i1, g0, g1, fillRows int) {
	f := r.Format
	shifts, mult := shiftSource(r)
	a.avx2Walk = newAVX2Walk(r, shifts, i0, i1, g0, g1)
	a.kEnd = 4 * (f.Group / 32)
	a.mult, a.fillRows = mult, fillRows
}

// dotLanesAVX2 is Dot on codes whose group is not a multiple of 32: the
// query rows four at a time, each pass over chunks of groups and rows.
func dotLanesAVX2(out []float32, r Rows, x []float32) {
	f, cols := r.Format, r.Cols
	n, nq := r.Len(), len(x)/cols
	clear(out)
	var a avx2LaneArgs
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		avx2LaneChunks(r, func(i0, i1, g0, g1, fill int) {
			a.set(r, i0, i1, g0, g1, fill)
			a.x = unsafe.Pointer(&x[j0*cols+g0*f.Group])
			a.xStride = uintptr(4 * cols)
			a.out = unsafe.Pointer(&out[j0*n+i0])
			a.outStride = uintptr(4 * n)
			if qn == 1 {
				// fm, the factor of every group's shift in the buffers:
				// the same for each row of a fill.
				xs, ng := x[j0*cols+g0*f.Group:], g1-g0
				for g := range ng {
					a.fm[g] = a.mult * sumFloats(xs[g*f.Group:][:f.Group])
				}
				for k := ng; k < fill*ng; k++ {
					a.fm[k] = a.fm[k-ng]
				}
			}
			if f.Group < 32 {
				avx2CallDotLaneG(f.Bits, f.Group, qn, &a)
			} else {
				avx2CallDotLaneT(f.Bits, avx2Tail(f), qn, &a)
			}
		})
	}
}

// addWeightedLanesAVX2 is AddWeighted on codes whose group is not a
// multiple of 32: the weight rows four at a time, each pass over chunks of
// rows (as many as the transposed weight table holds), groups and rows.
func addWeightedLanesAVX2(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	n := r.Len()
	nq := len(w) / n
	var wt [avx2AddWRows][4]float32
	var a avx2LaneArgs
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		for i0 := 0; i0 < n; i0 += avx2AddWRows {
			i1 := min(n, i0+avx2AddWRows)
			avx2TransposeWeights(&wt, w, n, j0, qn, i0, i1)
			rs := r.Slice(i0, i1)
			avx2LaneChunks(rs, func(k0, k1, g0, g1, fill int) {
				a.set(rs, k0, k1, g0, g1, fill)
				a.x = unsafe.Pointer(&y[j0*cols+g0*f.Group])
				a.xStride = uintptr(4 * cols)
				a.out = unsafe.Pointer(&wt[k0])
				if f.Group < 32 {
					avx2CallAddWeightedLaneG(f.Bits, f.Group, qn, &a)
				} else {
					avx2CallAddWeightedLaneT(f.Bits, avx2Tail(f), qn, &a)
				}
			})
		}
	}
}
