//go:build gc && !purego

package lowbit

import "unsafe"

// avx2DotQ8GroupArgs are the arguments of the DotQ8 kernels on rows that
// are one group (avx2DotQ8Group*, avx2_dotq8_amd64.s, DOTQ8G): eight rows
// per lane vector.
type avx2DotQ8GroupArgs struct {
	data           unsafe.Pointer // codes of the first row
	scales, shifts unsafe.Pointer // one fp16 each per row
	q, d           unsafe.Pointer // the query's blocks (32 bytes each, the last padded with zeros) and their d
	out            unsafe.Pointer // out of the first row (the kernel stores)
	rowBytes       uintptr        // code bytes per row
	blocks         int            // whole blocks before the last one
	batches        int            // batches of eight rows
	ss             float32        // mult × Σ Sums over the query's blocks
	mask           [8]uint32      // the 4-bit or 2-bit mask in every byte
}

// avx2DotQ8GroupCols is the longest row (one group) avx2DotQ8Group takes.
const avx2DotQ8GroupCols = 1024

// avx2DotQ8Group reports whether DotQ8 of one query row on rows of cols
// values in f runs avx2DotQ8Group: 2- or 4-bit codes, a row of one group
// whose last block holds 16 or 32 values, and more than one block.
func avx2DotQ8Group(f Format, cols int) bool {
	return (f.Bits == 2 || f.Bits == 4) && f.Group == cols && cols <= avx2DotQ8GroupCols &&
		cols > 32 && (cols%32 == 0 || cols%32 == 16)
}

// dotQ8GroupAVX2 sets out to the DotQ8 products of every row of r with
// query row j of q (as avx2DotQ8Group allows): the rows eight at a time,
// the last fewer than eight from a padded copy.
func dotQ8GroupAVX2(out []float32, r Rows, q *Q8, j int) {
	f, cols := r.Format, r.Cols
	n := r.Len()
	shifts, mult := shiftSource(r)
	nb := q8Blocks(f.Group, cols)
	var qv [avx2DotQ8GroupCols + 32]int8
	var d [avx2DotQ8GroupCols / 32]float32
	copy(qv[:], q.Values[j*cols:(j+1)*cols])
	var ss float32
	for b := range nb {
		d[b] = q.Scales[j*nb+b]
		ss += q.Sums[j*nb+b]
	}
	last := cols % 32
	if last == 0 {
		last = 32
	}
	a := avx2DotQ8GroupArgs{
		q:        unsafe.Pointer(&qv[0]),
		d:        unsafe.Pointer(&d[0]),
		rowBytes: uintptr(f.RowBytes(cols)),
		blocks:   nb - 1,
		ss:       mult * ss,
	}
	m := byte(0x0f)
	if f.Bits == 2 {
		m = 0x03
	}
	for k := range a.mask {
		a.mask[k] = uint32(m) * 0x01010101
	}
	main := n / 8 * 8
	for i0 := 0; i0 < main; i0 += avx2ChunkRows {
		i1 := min(main, i0+avx2ChunkRows)
		a.data = unsafe.Pointer(&r.Data[i0*f.RowBytes(cols)])
		a.scales = unsafe.Pointer(&r.Scales[i0])
		a.shifts = unsafe.Pointer(&shifts[i0])
		a.out = unsafe.Pointer(&out[i0])
		a.batches = (i1 - i0) / 8
		avx2CallDotQ8Group(f.Bits, last, &a)
	}
	if main < n {
		rb := f.RowBytes(cols)
		var codes [8 * avx2DotQ8GroupCols / 2]byte
		var sc, sh [8]uint16
		var res [8]float32
		copy(codes[:], r.Data[main*rb:n*rb])
		copy(sc[:], r.Scales[main:n])
		copy(sh[:], shifts[main:n])
		a.data = unsafe.Pointer(&codes[0])
		a.scales = unsafe.Pointer(&sc[0])
		a.shifts = unsafe.Pointer(&sh[0])
		a.out = unsafe.Pointer(&res[0])
		a.batches = 1
		avx2CallDotQ8Group(f.Bits, last, &a)
		copy(out[main:], res[:n-main])
	}
}
