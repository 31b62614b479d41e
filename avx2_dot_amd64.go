//go:build gc && !purego

package lowbit

import (
	"math/bits"
	"unsafe"
)

// avx2DotArgs are the arguments of the Dot kernels on codes,
// avx2DotW<bits>X<nq> and the unit kernels.
type avx2DotArgs struct {
	avx2Walk
	x         unsafe.Pointer // query 0 at the chunk's first column
	gsum      unsafe.Pointer // *[avx2ChunkGroups][4]float32: shift factor × Σx per group and query
	out       unsafe.Pointer // out of query 0, first row of the chunk (the kernel adds)
	xStride   uintptr        // bytes between query rows of x
	outStride uintptr        // bytes between query rows of out
	outp      uintptr        // the kernel's scratch
	batches   int            // unit kernels: batches of 8 units
	uo        avx2UnitOut    // unit kernels: output
}

// avx2UnitOut is the output stage of the unit kernels (UNITS_OUT in
// avx2_amd64.h).
type avx2UnitOut struct {
	out    uintptr        // where the next row's value is added
	levels int            // rows of 1 << levels groups (0 to 3), or -1: rows of 8*bpr groups
	bpr    int            // batches of 8 units per row (levels -1)
	bleft  int            // batches left in the row (levels -1)
	gsum   unsafe.Pointer // per unit of a batch (levels 0-3) or per group of a row (-1): shift factor × Σx
	gsp    uintptr        // the kernel's gsum pointer
	gstep  int            // bytes the gsum pointer advances per batch: 0, or 32 for levels -1
	acc    [8]float32     // the partial sums of a row (levels -1)
}

// dotAVX2 is Dot.
func dotAVX2(out []float32, r Rows, x []float32) {
	pick(r.Format, avx2Codes, dotFloatAVX2, dotCodesAVX2, dotGeneric)(out, r, x)
}

// dotCodesAVX2 is Dot on codes: for several query rows, 2- and 4-bit rows
// of 128 in groups of 16 to 128 the field kernels; else dotBlocksAVX2.
func dotCodesAVX2(out []float32, r Rows, x []float32) {
	if len(x) > r.Cols && avx2DotRow128Codes(r.Format, r.Cols) {
		dotRow128AVX2(out, r, x)
		return
	}
	dotBlocksAVX2(out, r, x)
}

// dotBlocksAVX2 is Dot on codes: rows of 8 in one group of 2- to 4-bit
// codes the row-of-8 kernels; in groups that are a multiple of 32 the unit
// kernels for a lone query row where the row shape allows it and the row
// kernels for the rest; in other groups the lane kernels.
func dotBlocksAVX2(out []float32, r Rows, x []float32) {
	f := r.Format
	if avx2Row8(r) {
		dotRow8CodesAVX2(out, r, x)
		return
	}
	if _, ok := avx2DotUnitShape(f, r.Cols); !avx2Blocks(f) || !ok && len(x) == r.Cols {
		dotLanesAVX2(out, r, x)
		return
	}
	avx2Passes(out, r, x, len(x)/r.Cols, dotUnitsAVX2, dotRowsAVX2)
}

// avx2DotUnitShape reports the output mode of the unit kernels on rows of
// cols values in f, and whether they serve them.
func avx2DotUnitShape(f Format, cols int) (levels int, ok bool) {
	levels, _, ok = unitShape(f.Groups(cols))
	return levels, ok
}

// unitShape returns the output mode of the unit kernels for rows of groups
// groups (levels, batches per row) and how many rows make whole batches of
// 8 units, or ok = false if the unit kernels do not serve such rows.
func unitShape(groups int) (levels, bpr int, ok bool) {
	switch groups {
	case 1, 2, 4, 8:
		return bits.TrailingZeros(uint(groups)), 1, true
	}
	if groups%8 == 0 && groups <= avx2UnitGroups {
		return -1, groups / 8, true
	}
	return 0, 0, false
}

// unitRows returns how many of n rows make whole batches of 8 units in the
// output mode levels (rows of 1 << levels groups; -1: any row does).
func unitRows(levels, n int) int {
	if levels >= 0 {
		n -= n % (8 >> levels)
	}
	return n
}

// avx2UnitGroups is the most groups per row that the unit kernels take.
const avx2UnitGroups = 256

// dotUnitsAVX2 adds to out the dot products with query row j of x of the
// first rows of r that make whole batches of 8 units, and returns how many
// rows it did.
func dotUnitsAVX2(out []float32, r Rows, x []float32, j int) int {
	x = x[j*r.Cols : (j+1)*r.Cols]
	f, n := r.Format, r.Len()
	groups := f.Groups(r.Cols)
	levels, bpr, ok := unitShape(groups)
	if !ok {
		return 0
	}
	if n = unitRows(levels, n); n == 0 {
		return 0
	}
	shifts, mult := shiftSource(r)
	var gsum [avx2UnitGroups]float32
	for g := 0; g < groups; g++ {
		gsum[g] = mult * sumFloats(x[g*f.Group:][:f.Group])
	}
	gstep := 32
	if levels >= 0 {
		for l := groups; l < 8; l++ {
			gsum[l] = gsum[l%groups]
		}
		gstep = 0
	}
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		a := avx2DotArgs{
			avx2Walk: newAVX2Walk(r, shifts, i0, i1, 0, groups),
			x:        unsafe.Pointer(&x[0]),
			out:      unsafe.Pointer(&out[i0]),
			batches:  (i1 - i0) * groups / 8,
			uo: avx2UnitOut{
				out:    uintptr(unsafe.Pointer(&out[i0])),
				levels: levels,
				bpr:    bpr,
				bleft:  bpr,
				gsum:   unsafe.Pointer(&gsum),
				gstep:  gstep,
			},
		}
		if f.Group%64 == 0 {
			avx2CallDotUnitPairs(f.Bits, &a)
		} else {
			avx2CallDotUnit(f.Bits, &a)
		}
	}
	return n
}

// dotRowsAVX2 adds to out[j*stride+i] the dot products of every row i of r
// with the qn query rows of x from j0 on, over chunks of groups and rows.
func dotRowsAVX2(out []float32, stride int, r Rows, x []float32, j0, qn int) {
	x = x[j0*r.Cols:]
	f, cols := r.Format, r.Cols
	n, groups := r.Len(), f.Groups(cols)
	shifts, mult := shiftSource(r)
	var gsum [avx2ChunkGroups][4]float32
	for g0 := 0; g0 < groups; g0 += avx2ChunkGroups {
		g1 := min(groups, g0+avx2ChunkGroups)
		for g := g0; g < g1; g++ {
			for j := range gsum[g-g0] {
				var s float32
				if j < qn {
					s = mult * sumFloats(x[j*cols+g*f.Group:][:f.Group])
				}
				gsum[g-g0][j] = s
			}
		}
		for i0 := 0; i0 < n; i0 += avx2ChunkRows {
			i1 := min(n, i0+avx2ChunkRows)
			a := avx2DotArgs{
				avx2Walk:  newAVX2Walk(r, shifts, i0, i1, g0, g1),
				x:         unsafe.Pointer(&x[g0*f.Group]),
				gsum:      unsafe.Pointer(&gsum),
				out:       unsafe.Pointer(&out[i0]),
				xStride:   uintptr(4 * cols),
				outStride: uintptr(4 * stride),
			}
			avx2CallDot(f.Bits, qn, &a)
		}
	}
}
