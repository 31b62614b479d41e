//go:build gc && !purego

package lowbit

import "unsafe"

// avx512DotQ8RowX4Codes reports whether the DotQ8 row kernels of four query
// rows take rows of cols (64, 128 or 256) values of format f: 2-, 4- and
// 8-bit codes in groups of 32 or 64, or (rows of 128 and 256) 128, or
// (rows of 256) 256.
func avx512DotQ8RowX4Codes(f Format, cols int) bool {
	if f.Bits != 2 && f.Bits != 4 && f.Bits != 8 {
		return false
	}
	return f.Group == 32 || f.Group == 64 || cols >= 128 && (f.Group == 128 || f.Group == cols)
}

// avx512DotQ8RowPasses runs DotQ8 on rows of 64, 128 or 256 values by the
// row kernels: four, the kernel of four query rows, on each four query
// rows where it takes r's format (avx512DotQ8RowX4Codes), and one, the
// kernel of one query row, on the rest, one query row at a time over
// chunks of rows (avx512PerRowPasses).
func avx512DotQ8RowPasses(out []float32, r Rows, q *Q8, four func(out []float32, r Rows, q *Q8, j0 int), one func(out []float32, r Rows, q *Q8, j int)) {
	n, nq := r.Len(), q.Len()
	j0 := 0
	if avx512DotQ8RowX4Codes(r.Format, r.Cols) {
		for ; nq-j0 >= 4; j0 += 4 {
			four(out[j0*n:(j0+4)*n], r, q, j0)
		}
	}
	avx512PerRowPasses(r, nq-j0, func(j int, rc Rows, r0, r1 int) {
		j += j0
		one(out[j*n+r0:j*n+r1], rc, q, j)
	})
}

// avx512PaddedRows is a block of up to eight rows of at most 512 bytes of
// codes and 16 scales and mins in all, copied from the end of a call's
// rows and padded with zero rows, and the kernels' sums of it (up to four
// query rows of eight).
type avx512PaddedRows struct {
	data         [512]byte
	scales, mins [16]uint16
	out          [4 * 8]float32
}

// fill copies rows i0 to the end of r, with their scales and mins (mins:
// the shift terms' source, see shiftSource), into p.
func (p *avx512PaddedRows) fill(r Rows, mins []uint16, i0 int) {
	rb, g := r.Format.RowBytes(r.Cols), r.Format.Groups(r.Cols)
	copy(p.data[:], r.Data[i0*rb:])
	copy(p.scales[:], r.Scales[g*i0:])
	copy(p.mins[:], mins[g*i0:])
}

// spill copies the sums of rows i0 to n of four query rows, m sums apart in
// p.out, to their places in out (four query rows of n sums).
func (p *avx512PaddedRows) spill(out []float32, n, i0, m int) {
	for j := range 4 {
		copy(out[j*n+i0:(j+1)*n], p.out[m*j:])
	}
}

// avx512DotQ8RowX4 runs the DotQ8 row kernel of four query rows (rows of
// 128 values, avx512DotQ8RowX4Codes) for the query rows j0 to j0+3 into
// out, their four rows of sums; a last 1-3 rows are copied to a padded
// block of four.
func avx512DotQ8RowX4(out []float32, r Rows, q *Q8, j0 int) {
	const rec = avx512Q8RowX4Rec
	f := r.Format
	var (
		recsBuf    [4*rec + 64]byte
		sgBuf      [4*16 + 16]float32
		scratchBuf [4*4*16 + 16]float32
	)
	recs, sg, scratch := avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	nb := q8Blocks(q.Group, q.Cols)
	for j := range 4 {
		avx512Q8RowX4Records(recs[j*rec:], q, j0+j)
		avx512Q8RowShiftSums(sg[16*j:], f, q.Sums[(j0+j)*nb:(j0+j)*nb+4])
	}
	n := len(out) / 4
	n4 := n &^ 3
	a := avx512RowArgs{
		recs:      unsafe.Pointer(&recs[0]),
		sg:        unsafe.Pointer(&sg[0]),
		scratch:   unsafe.Pointer(&scratch[0]),
		outStride: 4 * n,
	}
	mins, _ := shiftSource(r)
	if n4 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), n4
		avx512CallDotQ8RowX4(f.Bits, f.Group, &a)
	}
	if n4 < n {
		var p avx512PaddedRows
		p.fill(r, mins, n4)
		a.data, a.scales, a.mins = unsafe.Pointer(&p.data[0]), unsafe.Pointer(&p.scales[0]), unsafe.Pointer(&p.mins[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&p.out[0]), 4, 16
		avx512CallDotQ8RowX4(f.Bits, f.Group, &a)
		p.spill(out, n, n4, 4)
	}
}

// avx512Q8RowX4Rec is the bytes of one query row's records for the DotQ8
// row kernels of four query rows.
const avx512Q8RowX4Rec = 576

// avx512Q8RowX4Records lays out query row j (of 128 values) for the DotQ8
// row kernels of four query rows: vector k (0-7) holds in lane 4L+r, for
// every r, the int8 values 4k to 4k+3 of block L (the codes that lane
// holds after the kernel's transpose); then the query scale of block L in
// lanes 4L to 4L+3.
func avx512Q8RowX4Records(recs []byte, q *Q8, j int) {
	nb := q8Blocks(q.Group, q.Cols)
	x := unsafe.Slice((*uint32)(unsafe.Pointer(&q.Values[j*q.Cols])), 32)
	v := (*[128]uint32)(unsafe.Pointer(&recs[0]))
	for k := range 8 {
		for l := range 4 {
			w := x[8*l+k]
			v[16*k+4*l], v[16*k+4*l+1], v[16*k+4*l+2], v[16*k+4*l+3] = w, w, w, w
		}
	}
	sc := (*[4]float32)(q.Scales[j*nb:])
	d := (*[16]float32)(unsafe.Pointer(&recs[512]))
	for l, s := range sc {
		d[4*l], d[4*l+1], d[4*l+2], d[4*l+3] = s, s, s, s
	}
}

// avx512DotQ8Row256X4 is avx512DotQ8RowX4 on rows of 256 values (2-, 4-
// and 8-bit codes in groups of 32, 64, 128 or 256): the kernels of four
// query rows run once per half of the rows, with the rows twice as far
// apart, the half's query records and block sums and the half's selection
// of the quad's scales and mins (avx512Q8HalfIndexes); the second half
// adds into out.
func avx512DotQ8Row256X4(out []float32, r Rows, q *Q8, j0 int) {
	const rec = avx512Q8RowX4Rec
	f := r.Format
	var (
		recsBuf    [4*rec + 64 + 64]byte
		sgBuf      [4*16 + 16]float32
		scratchBuf [4*4*16 + 16]float32
	)
	recs, sg, scratch := avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	nb := q8Blocks(q.Group, q.Cols)
	mins, _ := shiftSource(r)
	rb, g := f.RowBytes(256), f.Groups(256)
	n := len(out) / 4
	n4 := n &^ 3
	var (
		data          [4 * 256]byte
		scales, mins4 [4 * 8]uint16
		tail          [4 * 4]float32
	)
	if n4 < n {
		copy(data[:], r.Data[n4*rb:])
		copy(scales[:], r.Scales[g*n4:])
		copy(mins4[:], mins[g*n4:])
	}
	for h := range 2 {
		qh := Q8{Group: q.Group, Cols: q.Cols, Values: q.Values[128*h:], Scales: q.Scales[4*h:]}
		for j := range 4 {
			avx512Q8RowX4Records(recs[j*rec:], &qh, j0+j)
			avx512Q8RowShiftSums(sg[16*j:], f, q.Sums[(j0+j)*nb+4*h:][:4])
		}
		avx512Q8HalfIndexes(recs[4*rec:][:64], f.Group, h)
		a := avx512RowArgs{
			recs:      unsafe.Pointer(&recs[0]),
			sg:        unsafe.Pointer(&sg[0]),
			scratch:   unsafe.Pointer(&scratch[0]),
			outStride: 4 * n,
			accMask:   0xffff * h,
		}
		if n4 > 0 {
			a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[h*rb/2]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
			a.out, a.n = unsafe.Pointer(&out[0]), n4
			avx512CallDotQ8Row256X4(f.Bits, f.Group, &a)
		}
		if n4 < n {
			a.data, a.scales, a.mins = unsafe.Pointer(&data[h*rb/2]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
			a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 4, 16
			avx512CallDotQ8Row256X4(f.Bits, f.Group, &a)
		}
	}
	for j := range 4 {
		copy(out[j*n+n4:(j+1)*n], tail[4*j:])
	}
}

// avx512DotQ8Row64X4 is avx512DotQ8RowX4 on rows of 64 values (2-, 4- and
// 8-bit codes in groups of 32 or 64): two rows are one row of 128 of the
// kernels, against each query row's values twice, and the kernels store
// the two halves' sums apart; a last 1-7 rows run padded to eight.
func avx512DotQ8Row64X4(out []float32, r Rows, q *Q8, j0 int) {
	const rec = avx512Q8RowX4Rec
	f := r.Format
	var (
		recsBuf    [4*rec + 64]byte
		sgBuf      [4*16 + 16]float32
		scratchBuf [4*4*16 + 16]float32
		vals       [128]int8
		scs, sums  [4]float32
	)
	recs, sg, scratch := avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	nb := q8Blocks(q.Group, q.Cols) // 2: blocks of 32
	// Every lane 4L+r takes block L's sum (the kernels give each block
	// its row's min, so each row's shift term stays in its own lanes).
	sf := f
	sf.Group = 32
	for j := range 4 {
		jq := j0 + j
		copy(vals[:64], q.Values[jq*64:][:64])
		copy(vals[64:], q.Values[jq*64:][:64])
		for b := range 4 {
			scs[b], sums[b] = q.Scales[jq*nb+b%2], q.Sums[jq*nb+b%2]
		}
		qv := Q8{Group: min(q.Group, 64), Cols: 128, Values: vals[:], Scales: scs[:], Sums: sums[:]}
		avx512Q8RowX4Records(recs[j*rec:], &qv, 0)
		avx512Q8RowShiftSums(sg[16*j:], sf, sums[:])
	}
	mins, _ := shiftSource(r)
	n := len(out) / 4
	n8 := n &^ 7
	a := avx512RowArgs{
		recs:      unsafe.Pointer(&recs[0]),
		sg:        unsafe.Pointer(&sg[0]),
		scratch:   unsafe.Pointer(&scratch[0]),
		outStride: 4 * n,
	}
	if n8 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), n8/2
		avx512CallDotQ8Row64X4(f.Bits, f.Group, &a)
	}
	if n8 < n {
		var p avx512PaddedRows
		p.fill(r, mins, n8)
		a.data, a.scales, a.mins = unsafe.Pointer(&p.data[0]), unsafe.Pointer(&p.scales[0]), unsafe.Pointer(&p.mins[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&p.out[0]), 4, 32
		avx512CallDotQ8Row64X4(f.Bits, f.Group, &a)
		p.spill(out, n, n8, 8)
	}
}
