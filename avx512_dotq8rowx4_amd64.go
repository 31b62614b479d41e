//go:build gc && !purego

package lowbit

import "unsafe"

// avx512DotQ8RowX4Codes reports whether the DotQ8 row kernels of four query
// rows take rows of 128 values of format f: 2-, 4- and 8-bit codes in
// groups of 32, 64 or 128.
func avx512DotQ8RowX4Codes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4 || f.Bits == 8) && (f.Group == 32 || f.Group == 64 || f.Group == 128)
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
		var (
			data          [4 * 128]byte
			scales, mins4 [4 * 4]uint16
			tail          [4 * 4]float32
		)
		rb, g := f.RowBytes(r.Cols), f.Groups(r.Cols)
		copy(data[:], r.Data[n4*rb:])
		copy(scales[:], r.Scales[g*n4:])
		copy(mins4[:], mins[g*n4:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 4, 16
		avx512CallDotQ8RowX4(f.Bits, f.Group, &a)
		for j := range 4 {
			copy(out[j*n+n4:(j+1)*n], tail[4*j:])
		}
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
