//go:build gc && !purego

package lowbit

import (
	"encoding/binary"
	"unsafe"
)

// avx512DotQ8Row256 is avx512DotQ8Row on rows of 256 values (groups of 64
// of any width, or of 32, 128 or 256 of 2-, 4- and 8-bit codes): the row
// kernels of rows of 128 run once per half of the rows, with the rows
// twice as far apart, the half's query records and block sums, and the
// half's selection of the quad's scales and mins (avx512Q8HalfIndexes);
// the second half adds into out.
func avx512DotQ8Row256(out []float32, r Rows, q *Q8, j int) {
	f := r.Format
	var (
		recsBuf    [256 + 64]byte
		sgBuf      [16 + 16]float32
		scratchBuf [4*16 + 16]float32
	)
	recs, sg, scratch := avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	nb := q8Blocks(q.Group, q.Cols)
	mins, _ := shiftSource(r)
	rb, g := f.RowBytes(256), f.Groups(256)
	n := len(out)
	n4 := n &^ 3
	var (
		data          [4 * 256]byte
		scales, mins4 [4 * 8]uint16
		tail          [4]float32
	)
	if n4 < n {
		copy(data[:], r.Data[n4*rb:])
		copy(scales[:], r.Scales[g*n4:])
		copy(mins4[:], mins[g*n4:])
	}
	for h := range 2 {
		qh := Q8{Group: q.Group, Cols: q.Cols, Values: q.Values[128*h:], Scales: q.Scales[4*h:]}
		avx512Q8RowRecords(recs, &qh, f, j)
		avx512Q8HalfIndexes(recs[192:256], f.Group, h)
		avx512Q8RowShiftSums(sg, f, q.Sums[j*nb+4*h:][:4])
		a := avx512RowArgs{
			recs:    unsafe.Pointer(&recs[0]),
			sg:      unsafe.Pointer(&sg[0]),
			scratch: unsafe.Pointer(&scratch[0]),
			accMask: 0xffff * h,
		}
		if n4 > 0 {
			a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[h*rb/2]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
			a.out, a.n = unsafe.Pointer(&out[0]), n4
			avx512CallDotQ8Row256Of(f, &a)
		}
		if n4 < n {
			a.data, a.scales, a.mins = unsafe.Pointer(&data[h*rb/2]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
			a.out, a.n = unsafe.Pointer(&tail[0]), 4
			avx512CallDotQ8Row256Of(f, &a)
		}
	}
	copy(out[n4:], tail[:])
}

// avx512Q8HalfIndexes writes the indexes by which the DotQ8 kernels of
// halves of rows of 256 pick half h's scales (and mins) from a quad's,
// four rows' G scales each, G = 256/group: rows r = 0-3 take element 2r+h
// of the quad's dwords (groups of 64: two scales a half), qwords (groups
// of 32: four) or words (groups of 128: one). Rows in one group of 256
// take all the quad's scales and need no indexes.
func avx512Q8HalfIndexes(idx []byte, group, h int) {
	clear(idx)
	for r := range 4 {
		e := uint64(2*r + h)
		switch group {
		case 64:
			binary.LittleEndian.PutUint32(idx[4*r:], uint32(e))
		case 32:
			binary.LittleEndian.PutUint64(idx[8*r:], e)
		case 128:
			binary.LittleEndian.PutUint16(idx[2*r:], uint16(e))
		}
	}
}

// avx512CallDotQ8Row256Of runs the DotQ8 kernel of halves of rows of 256 of
// f's width and group.
func avx512CallDotQ8Row256Of(f Format, a *avx512RowArgs) {
	if f.Group == 64 {
		avx512CallDotQ8Row256(f.Bits, a)
		return
	}
	avx512CallDotQ8Row256G(f.Bits, f.Group, a)
}

// avx512DotQ8Row256Codes reports whether the DotQ8 kernels of halves of
// rows of 256 take codes of format f.
func avx512DotQ8Row256Codes(f Format) bool {
	return f.Group == 64 || (f.Group == 32 || f.Group == 128 || f.Group == 256) && f.Bits&(f.Bits-1) == 0
}

// avx512DotQ8Row64 is avx512DotQ8Row on rows of 64 values (groups of 64 of
// any width, of 32 of 2-, 4- and 8-bit codes): two rows are one row of 128
// of the row kernels, against the query row's values twice, and the
// kernels store the two halves' sums apart; a last 1-7 rows run padded to
// eight.
func avx512DotQ8Row64(out []float32, r Rows, q *Q8, j int) {
	f := r.Format
	var (
		recsBuf    [192 + 64]byte
		sgBuf      [16 + 16]float32
		scratchBuf [4*16 + 16]float32
		vals       [128]int8
		scs, sums  [4]float32
	)
	recs, sg, scratch := avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	nb := q8Blocks(q.Group, q.Cols) // 2: blocks of 32
	copy(vals[:64], q.Values[j*64:][:64])
	copy(vals[64:], q.Values[j*64:][:64])
	for b := range 4 {
		scs[b], sums[b] = q.Scales[j*nb+b%2], q.Sums[j*nb+b%2]
	}
	qv := Q8{Group: min(q.Group, 64), Cols: 128, Values: vals[:], Scales: scs[:], Sums: sums[:]}
	avx512Q8RowRecords(recs, &qv, f, 0)
	// Every lane 4L+r takes block L's sum (the kernels of groups of 64
	// give each block its row's min, so each row's shift term stays in its
	// own lanes).
	sf := f
	sf.Group = 32
	avx512Q8RowShiftSums(sg, sf, sums[:])
	mins, _ := shiftSource(r)
	rb, g := f.RowBytes(64), f.Groups(64)
	n := len(out)
	n8 := n &^ 7
	a := avx512RowArgs{
		recs:    unsafe.Pointer(&recs[0]),
		sg:      unsafe.Pointer(&sg[0]),
		scratch: unsafe.Pointer(&scratch[0]),
	}
	if n8 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), n8/2
		avx512CallDotQ8Row64Of(f, &a)
	}
	if n8 < n {
		var (
			data          [8 * 64]byte
			scales, mins8 [8 * 2]uint16
			tail          [8]float32
		)
		copy(data[:], r.Data[n8*rb:])
		copy(scales[:], r.Scales[g*n8:])
		copy(mins8[:], mins[g*n8:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins8[0])
		a.out, a.n = unsafe.Pointer(&tail[0]), 4
		avx512CallDotQ8Row64Of(f, &a)
		copy(out[n8:], tail[:])
	}
}

// avx512CallDotQ8Row64Of runs the DotQ8 kernel of rows of 64 of f's width
// and group (64, or 32 for 2-, 4- and 8-bit codes).
func avx512CallDotQ8Row64Of(f Format, a *avx512RowArgs) {
	if f.Group == 32 {
		avx512CallDotQ8Row64G32(f.Bits, a)
		return
	}
	avx512CallDotQ8Row64(f.Bits, a)
}

// avx512DotQ8Row64Codes reports whether the DotQ8 kernels of rows of 64
// take codes of format f.
func avx512DotQ8Row64Codes(f Format) bool {
	return f.Group == 64 || f.Group == 32 && f.Bits&(f.Bits-1) == 0
}
