//go:build gc && !purego

package lowbit

import "unsafe"

// avx2AddWeightedArgs are the arguments of the AddWeighted kernels on codes
// (see avx2_addweighted_amd64.s).
type avx2AddWeightedArgs struct {
	avx2Walk
	y       unsafe.Pointer // y of weight row 0 at the chunk's first column
	w       unsafe.Pointer // *[avx2AddWRows][4]float32: the chunk's weights, transposed
	wm      unsafe.Pointer // *[avx2ChunkGroups][4]float32: Σ w*shift per group and weight row (the kernel adds)
	yStride uintptr        // bytes between rows of y
	wp      uintptr        // the kernel's scratch
}

// avx2TransposeWeights sets wt[i-i0][j] = w[(j0+j)*n+i] for the rows
// [i0, i1) and the qn weight rows from j0 on, and 0 for j >= qn: the table
// of weights the AddWeighted kernels read one row (four lanes) at a time.
func avx2TransposeWeights(wt *[avx2AddWRows][4]float32, w []float32, n, j0, qn, i0, i1 int) {
	// One loop per count of weight rows, each over re-sliced rows of equal
	// length (no bounds checks, no branch per value): for small rows (a
	// head dimension of 8) the table costs as much as the kernel.
	row := func(j int) []float32 { return w[(j0+j)*n+i0 : (j0+j)*n+i1] }
	t := wt[:i1-i0]
	switch qn {
	case 1: // the common case, a lane of weights and three zeros per row
		for i, v := range row(0) {
			t[i] = [4]float32{v}
		}
	case 2:
		a, b := row(0), row(1)
		b = b[:len(a)]
		for i, v := range a {
			t[i] = [4]float32{v, b[i]}
		}
	case 3:
		a, b, c := row(0), row(1), row(2)
		b, c = b[:len(a)], c[:len(a)]
		for i, v := range a {
			t[i] = [4]float32{v, b[i], c[i]}
		}
	default:
		a, b, c, d := row(0), row(1), row(2), row(3)
		b, c, d = b[:len(a)], c[:len(a)], d[:len(a)]
		for i, v := range a {
			t[i] = [4]float32{v, b[i], c[i], d[i]}
		}
	}
}

// avx2AddWRows is the most rows of one AddWeighted call to assembly: the
// size of the transposed weight table on the stack.
const avx2AddWRows = 256

// addWeightedAVX2 is AddWeighted. Several weight rows run the strip
// kernels where they apply (addWeightedStripAVX2).
func addWeightedAVX2(y []float32, r Rows, w []float32) {
	if addWeightedStripAVX2(y, r, w) {
		return
	}
	pick(r.Format, avx2Codes, addWeightedFloatAVX2, addWeightedCodesAVX2, addWeightedGeneric)(y, r, w)
}

// addWeightedCodesAVX2 is AddWeighted on codes: rows of 8 in one group of
// 2- to 4-bit codes the row-of-8 kernels; the lane kernels in groups
// that are not a multiple of 32 and for one weight row on 2-, 4- and 8-bit
// codes (two rows at a time), the block kernels otherwise.
func addWeightedCodesAVX2(y []float32, r Rows, w []float32) {
	if avx2Row8(r) {
		addWeightedRow8CodesAVX2(y, r, w)
		return
	}
	if !avx2Blocks(r.Format) || r.Cols <= 128 && avx2AddWeightedPairs(r, w) {
		addWeightedLanesAVX2(y, r, w)
		return
	}
	addWeightedBlocksAVX2(y, r, w)
}

// avx2AddWeightedPairs reports whether AddWeighted runs the lane kernels
// of row pairs (addWeightedPairsAVX2) on r: one weight row on 2-, 4- or
// 8-bit codes, rows of at most avx2LaneScales/2 groups. On rows of 128 in
// groups of 64 they make 8.7 v/ns where the block kernels make 8.0 (4-bit
// codes, Zen 3, L2), on rows of 64 in groups of 32 6.2 against 5.0; on
// rows of 256 the block kernels are as fast (11.2 in groups of 64) or
// faster (12.0 against 11.5 in groups of 256), and keep them.
func avx2AddWeightedPairs(r Rows, w []float32) bool {
	f := r.Format
	return len(w) == r.Len() && f.Bits&(f.Bits-1) == 0 && f.Groups(r.Cols) <= avx2LaneScales/2
}

// addWeightedBlocksAVX2 is AddWeighted on codes in groups of whole blocks:
// the weight rows four at a time, each time over chunks of groups and
// rows, the shift terms, one per group and weight row, summed apart and
// added to y at the end.
func addWeightedBlocksAVX2(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	n := r.Len()
	nq, groups := len(w)/n, f.Groups(cols)
	shifts, mult := shiftSource(r)
	var wt [avx2AddWRows][4]float32
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		for g0 := 0; g0 < groups; g0 += avx2ChunkGroups {
			g1 := min(groups, g0+avx2ChunkGroups)
			var wm [avx2ChunkGroups][4]float32
			for i0 := 0; i0 < n; i0 += avx2AddWRows {
				i1 := min(n, i0+avx2AddWRows)
				avx2TransposeWeights(&wt, w, n, j0, qn, i0, i1)
				a := avx2AddWeightedArgs{
					avx2Walk: newAVX2Walk(r, shifts, i0, i1, g0, g1),
					y:        unsafe.Pointer(&y[j0*cols+g0*f.Group]),
					w:        unsafe.Pointer(&wt),
					wm:       unsafe.Pointer(&wm),
					yStride:  uintptr(4 * cols),
				}
				avx2CallAddWeighted(f.Bits, qn, &a)
			}
			for j := 0; j < qn; j++ {
				for g := g0; g < g1; g++ {
					s := mult * wm[g-g0][j]
					yg := y[(j0+j)*cols+g*f.Group:][:f.Group]
					for c := range yg {
						yg[c] += s
					}
				}
			}
		}
	}
}
