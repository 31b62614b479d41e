//go:build !purego

package lowbit

import (
	"math"
	"unsafe"
)

// avx512Q8Args is the argument block of the DotQ8 kernels. The kernels read the
// first block of fields and use the rest as their own state; the field
// offsets are spelled out in avx512_dotq8_amd64.s (QA_*), and
// TestQ8ArgsLayout pins them.
type avx512Q8Args struct {
	data    unsafe.Pointer // row 0's codes at the chunk's first column
	scales  unsafe.Pointer // row 0's fp16 scale of the chunk's first group
	mins    unsafe.Pointer // row 0's fp16 mins (the scales for symmetric formats)
	out     unsafe.Pointer // out of the pass's first query row, row 0
	recs    unsafe.Pointer // per unit: the queries' int8 values, then their lane scales (avx512Q8Records)
	sg      unsafe.Pointer // per 16 groups and query: the shift sums (avx512Q8ShiftSums)
	scratch unsafe.Pointer // 64 bytes, then 16 rows × 64 bytes per query

	n             int // rows
	rowBytes      int // bytes of codes per row
	rowScaleBytes int // bytes of scales per row
	segs          int // segments of up to 16 groups per row in the chunk
	lastCount     int // groups in the last segment
	lastMask      int // (1<<lastCount)-1
	unitLimit     int // R10 at the end of a group: units per group × step
	groupBytes    int // bytes of codes per group
	off2, off1    int // offsets of the 2-bit and 1-bit planes from the first plane
	outStride     int // bytes between the query rows of out
	accMask       int // 0xffff: add to out; 0: store

	// Kernel state.
	rowsLeft, rowScales, rowMins, segScales, segMins, segsLeft, r, outCur uintptr
}

// avx512Q8ChunkCols bounds the columns of one kernel call: the per-query tables
// of a chunk live on the stack.
const avx512Q8ChunkCols = 1024

// avx512Q8MaxPass is the most query rows the DotQ8 kernels take per pass.
const avx512Q8MaxPass = 4

// Byte orders of the 64-value units (see avx512_amd64.h): the value held by
// byte p of the unpacked vector.
var (
	avx512OrderP4      [64]uint8
	avx512OrderP2      [64]uint8
	avx512OrderNatural [64]uint8
)

func init() {
	for p := range 64 {
		l, i := p/16, p%16
		avx512OrderP4[p] = uint8(32*(l&1) + 16*(l>>1) + i)
		avx512OrderP2[p] = uint8(32*(i>>3) + 8*l + i&7)
		avx512OrderNatural[p] = uint8(p)
	}
}

// avx512UnitOrder returns the byte order of a unit of the given size for the
// code width.
func avx512UnitOrder(bits, unit int) *[64]uint8 {
	switch {
	case unit == 32 || bits == 8:
		return &avx512OrderNatural
	case bits == 2 || bits == 3:
		return &avx512OrderP2
	}
	return &avx512OrderP4
}

// avx512Planes returns, for a group of g values of the given width, the
// width of its first plane and the byte offsets of its 2-bit and 1-bit
// planes from the group's start (0 when absent).
func avx512Planes(bits, g int) (w0, p2, p1 int) {
	switch bits {
	case 2:
		return 2, 0, 0
	case 3:
		return 2, 0, g / 4
	case 4:
		return 4, 0, 0
	case 5:
		return 4, 0, g / 2
	case 6:
		return 4, g / 2, 0
	case 7:
		return 4, g / 2, g/2 + g/4
	}
	return 8, 0, 0
}

// dotQ8AVX512 is DotQ8 with VPDPBUSD for code formats whose group is a
// multiple of 32 (other groups run the generic code, and on CPUs without
// AVX-512 VNNI the avx2 kernels run). Per call it lays out the query rows in the kernels' byte
// order with their block scales (avx512Q8Records), then runs the kernel over
// chunks of up to avx512Q8ChunkCols columns and passes of up to 4 query rows, so
// each unit of codes is unpacked once per pass.
func dotQ8AVX512(out []float32, r Rows, q *Q8) {
	f := r.Format
	if !f.Quantized() {
		dotQ8FloatAVX512(out, r, q)
		return
	}
	if !avx512VNNI {
		// Without VPDPBUSD the avx2 kernels (VPMADDUBSW) serve.
		avx2Impl.k.dotQ8(out, r, q)
		return
	}
	if f.Group%32 != 0 {
		dotQ8Generic(out, r, q)
		return
	}
	n, nq := r.Len(), q.Len()
	if n == 0 {
		return
	}
	g := f.Group
	if r.Cols == 128 && g == 64 && nq == 1 {
		avx512DotQ8Row(out, r, q, 0)
		return
	}
	// The tables live on the stack, and Go zeroes every array it declares:
	// short rows and single query rows get smaller ones.
	switch {
	case r.Cols <= 256 && nq == 1:
		var (
			recsBuf    [2*256 + 64]byte
			sgBuf      [16 + 16]float32
			scratchBuf [17*16 + 16]float32
		)
		avx512DotQ8Chunks(out, r, q, avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:]))
	case r.Cols <= 256:
		var (
			recsBuf    [2*256*avx512Q8MaxPass + 64]byte
			sgBuf      [avx512Q8MaxPass*16 + 16]float32
			scratchBuf [(1+16*avx512Q8MaxPass)*16 + 16]float32
		)
		avx512DotQ8Chunks(out, r, q, avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:]))
	default:
		var (
			recsBuf    [2*avx512Q8ChunkCols*avx512Q8MaxPass + 64]byte
			sgBuf      [(avx512Q8ChunkCols/32/16)*avx512Q8MaxPass*16 + 16]float32
			scratchBuf [(1+16*avx512Q8MaxPass)*16 + 16]float32
		)
		avx512DotQ8Chunks(out, r, q, avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:]))
	}
}

// avx512DotQ8Chunks runs the general DotQ8 kernels over chunks of up to
// avx512Q8ChunkCols columns and passes of up to 4 query rows, with tables
// (recs, sg) and scratch large enough for r.Cols (and q.Len() query rows).
func avx512DotQ8Chunks(out []float32, r Rows, q *Q8, recs []byte, sg, scratch []float32) {
	f := r.Format
	n, nq, g := r.Len(), q.Len(), f.Group
	unit := 64
	if g%64 != 0 {
		unit = 32
	}
	w0, p2, p1 := avx512Planes(f.Bits, g)
	rb, gb := f.RowBytes(r.Cols), g*f.Bits/8
	for c0 := 0; c0 < r.Cols; {
		// The chunk: whole groups, or a stretch of one long group.
		gi, o := c0/g, c0%g
		cw := min(g-o, avx512Q8ChunkCols)
		groups := 1
		if g <= avx512Q8ChunkCols {
			groups = min(avx512Q8ChunkCols/g, r.Cols/g-gi)
			cw = groups * g
		}
		accMask := 0
		if c0 > 0 {
			accMask = 0xffff
		}
		for j0 := 0; j0 < nq; {
			if cw == 128 && g == 64 && nq-j0 < 2 {
				avx512DotQ8Row(out[j0*n:(j0+1)*n], r, q, j0)
				j0++
				continue
			}
			pass := 1
			switch {
			case nq-j0 >= 4:
				pass = 4
			case nq-j0 >= 2:
				pass = 2
			}
			avx512Q8Records(recs, q, f, j0, pass, c0, cw, unit)
			avx512Q8ShiftSums(sg, q, f, j0, pass, c0, cw, min(g, cw))
			segs := (groups + 15) / 16
			last := groups - 16*(segs-1)
			first := unsafe.Pointer(&r.Data[gi*gb+o*w0/8])
			mins := unsafe.Pointer(&r.Scales[gi])
			if !f.Symmetric {
				mins = unsafe.Pointer(&r.Mins[gi])
			}
			a := avx512Q8Args{
				data:          first,
				scales:        unsafe.Pointer(&r.Scales[gi]),
				mins:          mins,
				out:           unsafe.Pointer(&out[j0*n]),
				recs:          unsafe.Pointer(&recs[0]),
				sg:            unsafe.Pointer(&sg[0]),
				scratch:       unsafe.Pointer(&scratch[0]),
				n:             n,
				rowBytes:      rb,
				rowScaleBytes: 2 * f.Groups(r.Cols),
				segs:          segs,
				lastCount:     last,
				lastMask:      1<<last - 1,
				unitLimit:     min(g, cw) / unit * (unit / 8),
				groupBytes:    gb,
				off2:          p2 + o*2/8 - o*w0/8,
				off1:          p1 + o/8 - o*w0/8,
				outStride:     4 * n,
				accMask:       accMask,
			}
			avx512CallDotQ8(unit, f.Bits, pass, &a)
			j0 += pass
		}
		c0 += cw
	}
}

// avx512DotQ8Row runs the row kernel (rows of 128 values in groups of 64, four
// rows at a time) for query row j; a last 1-3 rows are copied to a padded
// block of four. Its tables are small, so it has its own (Go zeroes every
// array it declares, and the general tables are 13 KB).
func avx512DotQ8Row(out []float32, r Rows, q *Q8, j int) {
	f := r.Format
	var (
		recsBuf    [192 + 64]byte
		sgBuf      [16 + 16]float32
		scratchBuf [4*16 + 16]float32
	)
	recs, sg, scratch := avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	avx512Q8RowRecords(recs, q, f, j)
	// The shift sums in the lanes of the four rows' mins: 8-11 (group 0)
	// and 12-15 (group 1).
	var sums [16]float32
	avx512Q8ShiftSums(sums[:], q, f, j, 1, 0, 128, 64)
	for k := range 4 {
		sg[8+k], sg[12+k] = sums[0], sums[1]
	}
	n := len(out)
	n4 := n &^ 3
	a := avx512Q8Args{
		recs:    unsafe.Pointer(&recs[0]),
		sg:      unsafe.Pointer(&sg[0]),
		scratch: unsafe.Pointer(&scratch[0]),
	}
	mins := r.Scales
	if !f.Symmetric {
		mins = r.Mins
	}
	if n4 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), n4
		avx512CallDotQ8Row(f.Bits, &a)
	}
	if n4 < n {
		var (
			data          [4 * 128]byte
			scales, mins4 [8]uint16
			tail          [4]float32
		)
		rb := f.RowBytes(128)
		copy(data[:], r.Data[n4*rb:])
		copy(scales[:], r.Scales[2*n4:])
		copy(mins4[:], mins[2*n4:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
		a.out, a.n = unsafe.Pointer(&tail[0]), 4
		avx512CallDotQ8Row(f.Bits, &a)
		copy(out[n4:], tail[:])
	}
}

// avx512Q8Records lays out, for the queries [j0, j0+pass) and the columns [c0,
// c0+cw), one record per unit of codes: each query's int8 values in the
// unit's byte order, then each query's lane scales (the query scale of the
// block that each 4-byte lane of the unit belongs to).
func avx512Q8Records(recs []byte, q *Q8, f Format, j0, pass, c0, cw, unit int) {
	order := avx512UnitOrder(f.Bits, unit)
	nb := q8Blocks(q.Group, q.Cols)
	rec := 2 * unit * pass
	for u := 0; u < cw/unit; u++ {
		cu := c0 + u*unit
		base := recs[u*rec : (u+1)*rec]
		for jj := 0; jj < pass; jj++ {
			vals := q.Values[(j0+jj)*q.Cols+cu : (j0+jj)*q.Cols+cu+unit]
			x8 := base[jj*unit : (jj+1)*unit]
			for p := range x8 {
				x8[p] = byte(vals[order[p]])
			}
			d := base[(pass+jj)*unit : (pass+jj+1)*unit]
			scales := q.Scales[(j0+jj)*nb:]
			for k := 0; k < unit/4; k++ {
				b := (cu + int(order[4*k])) / 32
				*(*uint32)(unsafe.Pointer(&d[4*k])) = math.Float32bits(scales[b])
			}
		}
	}
}

// avx512Q8ShiftSums writes, per segment of 16 groups (of gw columns each) of the
// chunk [c0, c0+cw) and query, the sums of the query's block sums over
// each group, times -2^(Bits-1) for symmetric formats: the factor of the
// group's min (or scale) in the shift term. Unused entries are 0.
func avx512Q8ShiftSums(sg []float32, q *Q8, f Format, j0, pass, c0, cw, gw int) {
	nb := q8Blocks(q.Group, q.Cols)
	groups := cw / gw
	segs := (groups + 15) / 16
	clear(sg[:segs*pass*16])
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	for k := 0; k < groups; k++ {
		s, e := k/16, k%16
		for jj := 0; jj < pass; jj++ {
			sums := q.Sums[(j0+jj)*nb:]
			var t float32
			for c := c0 + k*gw; c < c0+(k+1)*gw; c += 32 {
				t += sums[c/32]
			}
			sg[(s*pass+jj)*16+e] = mul * t
		}
	}
}

// avx512Q8RowRecords lays out query row j for the row kernel: its int8 values
// in the order of the lo and hi vectors (values 0-15, then 16-31, of each
// block), then the query scale of the block of each lane of the combined
// sums (lane 4L+r: block L).
func avx512Q8RowRecords(recs []byte, q *Q8, f Format, j int) {
	nb := q8Blocks(q.Group, q.Cols)
	x := q.Values[j*q.Cols : (j+1)*q.Cols]
	for p := range 64 {
		l, i := p/16, p%16
		recs[p] = byte(x[32*l+i])
		recs[64+p] = byte(x[32*l+16+i])
	}
	for k := range 16 {
		d := math.Float32bits(q.Scales[j*nb+k/4])
		*(*uint32)(unsafe.Pointer(&recs[128+4*k])) = d
	}
}

// avx512AlignBytes returns b from its first 64-byte aligned byte on: a
// 512-bit load that crosses a cache line runs at half speed. Kernels take
// their tables from stack arrays with 64 bytes to spare; a goroutine's stack
// only moves by multiples of its 2 KB or larger size, so the alignment
// holds.
func avx512AlignBytes(b []byte) []byte {
	return b[-uintptr(unsafe.Pointer(&b[0]))&63:]
}

// avx512AlignFloats is avx512AlignBytes for float32 (16 to spare).
func avx512AlignFloats(b []float32) []float32 {
	return b[(-uintptr(unsafe.Pointer(&b[0]))&63)/4:]
}
