//go:build gc && !purego

package lowbit

import "unsafe"

// avx2DotQ8Args are the arguments of the quantized DotQ8 kernels (see
// avx2_dotq8_amd64.s).
type avx2DotQ8Args struct {
	avx2Walk
	xv        unsafe.Pointer // Q8 values of query 0 at the chunk's first column
	tab       unsafe.Pointer // row kernels: *avx2Q8Tables, per block and query d and bt
	out       unsafe.Pointer // out of query 0, first row of the chunk (the kernels add)
	vStride   uintptr        // bytes between query rows of values
	outStride uintptr        // bytes between query rows of out
	group     int            // values per group (bytes of Q8 values)
	// the one-query kernel
	batches int                           // batches of 8 blocks
	nb4     int                           // 4 × blocks per row: the period of dt and bt
	smode   int                           // blocks per group: 1, 2, 4, 8, or 16 for more
	sper    int                           // batches per group (smode 16)
	sleft   int                           // the kernel's: batches left in the group
	toff    int                           // the kernel's: offset in dt and bt, bytes
	dt      [avx2Q8UnitBlocks + 8]float32 // the query's block scales, from block 0 of a row, repeated
	bt      [avx2Q8UnitBlocks + 8]float32 // the shift factor × Sums, likewise
	uo      avx2UnitOut
	// the row kernels' scratch
	outp  uintptr
	rleft int
}

// avx2Q8UnitBlocks is the most blocks per row that the one-query DotQ8
// kernel takes; avx2Q8RowBlocks the most blocks per chunk of the row
// kernels' tables (so groups of more than 4096 values run generic code).
const (
	avx2Q8UnitBlocks = 256
	avx2Q8RowBlocks  = 128
)

// avx2Q8Tables are the row kernels' per-block tables: d of each query,
// and the shift factor × Sums of each query (2048 bytes further).
type avx2Q8Tables [2][avx2Q8RowBlocks][4]float32

// dotQ8AVX2 is DotQ8. Code rows whose group is longer than 4096 values
// run the generic kernel.
func dotQ8AVX2(out []float32, r Rows, q *Q8) {
	pick(r.Format, avx2DotQ8Blocks, dotQ8FloatAVX2, dotQ8CodesAVX2, dotQ8Generic)(out, r, q)
}

// avx2DotQ8Blocks reports whether the DotQ8 kernels run code format f: its
// groups hold at most avx2Q8RowBlocks blocks.
func avx2DotQ8Blocks(f Format) bool { return f.Group <= 32*avx2Q8RowBlocks }

// dotQ8CodesAVX2 runs the queries four at a time; a lone query runs the
// one-query kernel where the row shape allows it (groups of whole blocks).
func dotQ8CodesAVX2(out []float32, r Rows, q *Q8) {
	if q.Len() == 1 && avx2DotQ8Group(r.Format, r.Cols) {
		dotQ8GroupAVX2(out, r, q, 0)
		return
	}
	units := dotQ8UnitsAVX2
	if !avx2Blocks(r.Format) {
		units = nil
		if q.Len() == 1 && avx2DotQ8Lanes(r.Format) {
			dotQ8LanesAVX2(out, r, q, 0)
			return
		}
	}
	avx2Passes(out, r, q, q.Len(), units, dotQ8RowsAVX2)
}

// dotQ8UnitsAVX2 adds to out (query row j) the DotQ8 products of the first
// rows of r that make whole batches of 8 blocks, and returns how many rows
// it did: rows of 1, 2, 4 or 8k blocks (k <= 32) in groups of 1, 2, 4 or
// 8k blocks.
func dotQ8UnitsAVX2(out []float32, r Rows, q *Q8, j int) int {
	f, cols, n := r.Format, r.Cols, r.Len()
	nb, bpg := cols/32, f.Group/32
	levels, bpr, ok := unitShape(nb)
	if !ok || bpg > 8 && bpg%8 != 0 || bpg&(bpg-1) != 0 && bpg < 8 {
		return 0
	}
	if n = unitRows(levels, n); n == 0 {
		return 0
	}
	shifts, mult := shiftSource(r)
	// Fields one by one: a composite literal of this 2 KiB struct is
	// built in a temporary and copied, which cost as much as the kernel
	// does on 32 rows of 128 values.
	var a avx2DotQ8Args
	a.xv = unsafe.Pointer(&q.Values[j*cols])
	a.group = f.Group
	a.nb4 = 4 * nb
	a.smode = min(bpg, 16)
	a.sper = max(1, bpg/8)
	a.uo = avx2UnitOut{levels: levels, bpr: bpr}
	a.sleft = a.sper
	ds, bs := q.Scales[j*nb:(j+1)*nb], q.Sums[j*nb:(j+1)*nb]
	for k, m := 0, 0; k < nb+8; k++ { // block m = k mod nb, without a division
		a.dt[k], a.bt[k] = ds[m], mult*bs[m]
		if m++; m == nb {
			m = 0
		}
	}
	for i0 := 0; i0 < n; i0 += avx2ChunkRows {
		i1 := min(n, i0+avx2ChunkRows)
		a.avx2Walk = newAVX2Walk(r, shifts, i0, i1, 0, f.Groups(cols))
		a.out = unsafe.Pointer(&out[i0])
		a.batches = (i1 - i0) * nb / 8
		a.uo.out = uintptr(unsafe.Pointer(&out[i0]))
		a.uo.bleft = bpr
		a.sleft = a.sper
		avx2CallDotQ8Unit(f.Bits, &a)
	}
	return n
}

// dotQ8RowsAVX2 adds to out[j*stride+i] the DotQ8 products of every row i
// of r with the qn query rows of q from j0 on, over chunks of at most
// avx2Q8RowBlocks blocks of whole groups (a group that is not a multiple
// of 32 ends with a short block: the tail kernels).
func dotQ8RowsAVX2(out []float32, stride int, r Rows, q *Q8, j0, qn int) {
	f, cols := r.Format, r.Cols
	n, groups := r.Len(), f.Groups(cols)
	shifts, mult := shiftSource(r)
	nb, bpg := q8Blocks(f.Group, cols), (f.Group+31)/32
	chunk := avx2Q8RowBlocks / bpg
	var tab avx2Q8Tables
	for g0 := 0; g0 < groups; g0 += chunk {
		g1 := min(groups, g0+chunk)
		for b := g0 * bpg; b < g1*bpg; b++ {
			for j := range tab[0][b-g0*bpg] {
				var d, s float32
				if j < qn {
					d, s = q.Scales[(j0+j)*nb+b], mult*q.Sums[(j0+j)*nb+b]
				}
				tab[0][b-g0*bpg][j], tab[1][b-g0*bpg][j] = d, s
			}
		}
		for i0 := 0; i0 < n; i0 += avx2ChunkRows {
			i1 := min(n, i0+avx2ChunkRows)
			a := avx2DotQ8Args{
				avx2Walk:  newAVX2Walk(r, shifts, i0, i1, g0, g1),
				xv:        unsafe.Pointer(&q.Values[j0*cols+g0*f.Group]),
				tab:       unsafe.Pointer(&tab),
				out:       unsafe.Pointer(&out[i0]),
				vStride:   uintptr(cols),
				outStride: uintptr(4 * stride),
				group:     f.Group,
			}
			if avx2Blocks(f) {
				avx2CallDotQ8(f.Bits, qn, &a)
			} else {
				a.kEnd = 4 * (f.Group / 32)
				avx2CallDotQ8Tail(f.Bits, avx2Tail(f), qn, &a)
			}
		}
	}
}
