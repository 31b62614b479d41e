//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512DotQ8Args is the argument block of the general DotQ8 kernels
// (avx512_dotq8_amd64.h), which take four rows (a quad) at a time. The
// kernels read the first block of fields and use the rest as their own
// state (offsets from go_asm.h).
type avx512DotQ8Args struct {
	data    unsafe.Pointer // row 0's first plane at the chunk's first column
	scales  unsafe.Pointer // row 0's fp16 scale of the chunk's first group
	mins    unsafe.Pointer // row 0's fp16 mins (the scales for symmetric formats)
	out     unsafe.Pointer // out of the pass's first query row, row 0
	recs    unsafe.Pointer // per unit: the queries' int8 values, then their block scales (avx512Q8QuadRecords)
	sg      unsafe.Pointer // per 16 groups and query: the shift sums (avx512Q8QuadSG)
	scratch unsafe.Pointer // 256 bytes, 64-byte aligned: the transposed scales

	quads          int    // quads of rows
	rowOff         [3]int // bytes from row 0's codes to those of rows 1, 2, 3
	scaleOff       [3]int // bytes from row 0's scales (and mins) to those of rows 1, 2, 3
	quadBytes      int    // bytes of codes from one quad to the next
	quadScaleBytes int    // bytes of scales (and mins) from one quad to the next
	segs           int    // segments of up to 16 groups per row in the chunk
	lastCount      int    // groups in the last segment
	lastMask       int    // (1<<lastCount)-1
	units          int    // units per group (of the chunk)
	off2, off1     int    // offsets of the 2-bit and 1-bit planes from data
	skip0          int    // bytes from the end of a group's first plane to the next group's
	skip2, skip1   int    // the same for the 2-bit and 1-bit planes
	outStride      int    // bytes between the query rows of out
	storeMask      int    // rows of a quad to store: 0xf, or fewer for the last
	accMask        int    // 0xf: add to out; 0: store

	// Kernel state.
	quadsLeft, quadData, quadScales, quadMins, outCur, segsLeft, segScales, segMins, segSG uintptr
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
	avx512OrderNatural [64]uint8
)

func init() {
	for p := range 64 {
		l, i := p/16, p%16
		avx512OrderP4[p] = uint8(32*(l&1) + 16*(l>>1) + i)
		avx512OrderNatural[p] = uint8(p)
	}
}

// avx512UnitOrder returns the byte order in which the general DotQ8
// kernels unpack a unit of the given size for the code width: p4 order for
// 64-value units of widths 4-7, natural order otherwise.
func avx512UnitOrder(bits, unit int) *[64]uint8 {
	if unit == 64 && bits >= 4 && bits <= 7 {
		return &avx512OrderP4
	}
	return &avx512OrderNatural
}

// dotQ8AVX512 is DotQ8 with VPDPBUSD for code formats whose group is a
// multiple of 32, and for 2- and 4-bit codes in groups of 16 and 8 on rows
// of 64, 80, 96, 128 and 256 (avx512DotQ8StreamCodes; other groups, and
// every group on CPUs without AVX-512 VNNI, run the avx2 kernels,
// dotQ8AVX2).
// The row kernels serve the shapes they are made for (dotQ8CodesAVX512);
// everything else runs the general kernels (avx512DotQ8Quads), which form
// every block's integer sum exactly, as the row kernels do, before scaling
// it.
func dotQ8AVX512(out []float32, r Rows, q *Q8) {
	if !avx512VNNI && r.Format.Quantized() {
		// Without VPDPBUSD the avx2 kernels (VPMADDUBSW) serve.
		avx2Impl.k.dotQ8(out, r, q)
		return
	}
	if f := r.Format; avx512DotQ8StreamCodes(f, r.Cols) {
		// The stream kernels of 2- and 4-bit rows of 64, 80, 96, 128 and
		// 256 in groups of 16 and 8 (the other shapes of groups of 8 and 16
		// run avx2's kernels), of rows of 80 in one group and of rows of 96
		// in groups of 32 or 96.
		dotQ8CodesAVX512(out, r, q)
		return
	}
	pick(r.Format, avx512Codes, dotQ8FloatAVX512, dotQ8CodesAVX512, dotQ8AVX2)(out, r, q)
}

// dotQ8CodesAVX512 is DotQ8 for code formats whose group is a multiple of
// 32, with VPDPBUSD: the row kernel where it serves the shape, the avx2
// kernels where avx512DotQ8ByAVX2 says they are faster, else the general
// kernels.
func dotQ8CodesAVX512(out []float32, r Rows, q *Q8) {
	f := r.Format
	n, nq := r.Len(), q.Len()
	if n == 0 {
		return
	}
	if avx512DotQ8StreamCodes(f, r.Cols) {
		// Groups of 16 and 8, rows of 80 in one group, rows of 96 in groups
		// of 32 or 96: the stream kernels,
		// one query row at a time, the records of up to four query rows laid
		// out once per call, not once per chunk of rows.
		if nq == 1 {
			var recsBuf [avx512Q8StreamRec + 64]byte
			recs := avx512AlignBytes(recsBuf[:])
			avx512Q8StreamRecords(recs, q, f, 0)
			avx512DotQ8Stream(out, r, recs)
			return
		}
		var recsBuf [avx512Q8MaxPass*avx512Q8StreamRec + 64]byte
		recs := avx512AlignBytes(recsBuf[:])
		for j0 := 0; j0 < nq; j0 += avx512Q8MaxPass {
			pass := min(avx512Q8MaxPass, nq-j0)
			for jj := range pass {
				avx512Q8StreamRecords(recs[jj*avx512Q8StreamRec:], q, f, j0+jj)
			}
			avx512PerRowPasses(r, pass, func(jj int, rc Rows, r0, r1 int) {
				j := j0 + jj
				avx512DotQ8Stream(out[j*n+r0:j*n+r1], rc, recs[jj*avx512Q8StreamRec:])
			})
		}
		return
	}
	if r.Cols == 128 && (f.Group == 64 || (f.Group == 128 || f.Group == 32) && f.Bits&(f.Bits-1) == 0) {
		// Four query rows at a time (a GQA group of four or eight) take
		// the kernels of four query rows, which unpack each row once;
		// the rest run the one-query kernel once per query row
		// (avx512PerRowPasses), which beats the general kernels' single
		// pass: with 4 query rows at 256 rows of 2-bit codes 18 against
		// 9 values/ns, of 4-bit codes 20 against 15.
		avx512DotQ8RowPasses(out, r, q, avx512DotQ8RowX4, avx512DotQ8Row)
		return
	}
	if r.Cols == 64 && avx512DotQ8Row64Codes(f) {
		avx512DotQ8RowPasses(out, r, q, avx512DotQ8Row64X4, avx512DotQ8Row64)
		return
	}
	if r.Cols == 256 && avx512DotQ8Row256Codes(f) {
		avx512DotQ8RowPasses(out, r, q, avx512DotQ8Row256X4, avx512DotQ8Row256)
		return
	}
	if avx512DotQ8ByAVX2(f, r.Cols, nq) {
		dotQ8CodesAVX2(out, r, q)
		return
	}
	// The tables live on the stack, and Go zeroes every array it declares:
	// short rows and single query rows get smaller ones.
	var scratchBuf [64 + 16]float32
	scratch := avx512AlignFloats(scratchBuf[:])
	switch {
	case r.Cols <= 256 && nq == 1:
		var (
			recsBuf [2*256 + 64]byte
			sgBuf   [64 + 16]float32
		)
		avx512DotQ8Quads(out, r, q, avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), scratch)
	case r.Cols <= 256:
		var (
			recsBuf [2*256*avx512Q8MaxPass + 64]byte
			sgBuf   [avx512Q8MaxPass*64 + 16]float32
		)
		avx512DotQ8Quads(out, r, q, avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), scratch)
	default:
		var (
			recsBuf [2*avx512Q8ChunkCols*avx512Q8MaxPass + 64]byte
			sgBuf   [(avx512Q8ChunkCols/32/16)*avx512Q8MaxPass*64 + 16]float32
		)
		avx512DotQ8Quads(out, r, q, avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), scratch)
	}
}

// avx512DotQ8Quads runs the general DotQ8 kernels over chunks of up to
// avx512Q8ChunkCols columns and passes of up to 4 query rows, with tables
// (recs, sg) large enough for r.Cols (and q.Len() query rows): the rows in
// quads of four, and a last 1-3 rows as a quad whose missing rows repeat
// the last one (their sums are computed and not stored).
func avx512DotQ8Quads(out []float32, r Rows, q *Q8, recs []byte, sg, scratch []float32) {
	f := r.Format
	n, nq, g := r.Len(), q.Len(), f.Group
	unit := 64
	if g%64 != 0 {
		unit = 32
	}
	w0 := pack.Planes(f.Bits)[0]
	p2, p1 := pack.PlaneOffsets(f.Bits, g)
	rb, gb, rsb := f.RowBytes(r.Cols), g*f.Bits/8, 2*f.Groups(r.Cols)
	n4, tail := n&^3, n&3
	for c0 := 0; c0 < r.Cols; {
		// The chunk: whole groups, or a stretch of one long group.
		gi, o := c0/g, c0%g
		cw := min(g-o, avx512Q8ChunkCols)
		groups := 1
		if g <= avx512Q8ChunkCols {
			groups = min(avx512Q8ChunkCols/g, r.Cols/g-gi)
			cw = groups * g
		}
		gw := min(g, cw) // values per group in the chunk
		accMask := 0
		if c0 > 0 {
			accMask = 0xf
		}
		for j0 := 0; j0 < nq; {
			if r.Cols == 128 && g == 64 && nq-j0 < 2 {
				avx512DotQ8Row(out[j0*n:(j0+1)*n], r, q, j0)
				j0++
				continue
			}
			pass := avx512Pass(nq - j0)
			avx512Q8QuadRecords(recs, q, f, j0, pass, c0, cw, unit)
			avx512Q8QuadSG(sg, q, f, j0, pass, c0, cw, gw)
			segs := (groups + 15) / 16
			last := groups - 16*(segs-1)
			first := gi*gb + o*w0/8
			a := avx512DotQ8Args{
				recs:           unsafe.Pointer(&recs[0]),
				sg:             unsafe.Pointer(&sg[0]),
				scratch:        unsafe.Pointer(&scratch[0]),
				quadBytes:      4 * rb,
				quadScaleBytes: 4 * rsb,
				segs:           segs,
				lastCount:      last,
				lastMask:       1<<last - 1,
				units:          gw / unit,
				off2:           p2 + o*2/8 - o*w0/8,
				off1:           p1 + o/8 - o*w0/8,
				skip0:          gb - gw*w0/8,
				skip2:          gb - gw*2/8,
				skip1:          gb - gw/8,
				outStride:      4 * n,
				accMask:        accMask,
			}
			mins, _ := shiftSource(r)
			// rows [i0, i0+4*quads+rows) with rows (1-3) in a last quad
			run := func(i0, quads, rows int) {
				for k := range 3 {
					rk := min(k+1, rows-1)
					a.rowOff[k], a.scaleOff[k] = rk*rb, rk*rsb
				}
				a.data = unsafe.Pointer(&r.Data[i0*rb+first])
				a.scales = unsafe.Pointer(&r.Scales[i0*rsb/2+gi])
				a.mins = unsafe.Pointer(&mins[i0*rsb/2+gi])
				a.out = unsafe.Pointer(&out[j0*n+i0])
				a.quads, a.storeMask = quads, 1<<rows-1
				avx512CallDotQ8(unit, f.Bits, pass, &a)
			}
			if n4 > 0 {
				run(0, n4/4, 4)
			}
			if tail > 0 {
				run(n4, 1, tail)
			}
			j0 += pass
		}
		c0 += cw
	}
}

// avx512DotQ8Row runs the row kernel (rows of 128 values in groups of 64,
// or in one group or groups of 32 of 2-, 4- or 8-bit codes; four rows at
// a time) for query row j; a last 1-3 rows are copied to a padded block of
// four. Its tables are small, so it has its own (Go zeroes every array it
// declares, and the general tables are 13 KB).
func avx512DotQ8Row(out []float32, r Rows, q *Q8, j int) {
	f := r.Format
	var (
		recsBuf    [192 + 64]byte
		sgBuf      [16 + 16]float32
		scratchBuf [4*16 + 16]float32
	)
	recs, sg, scratch := avx512AlignBytes(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	nb := q8Blocks(q.Group, q.Cols)
	avx512Q8RowRecords(recs, q, f, j)
	avx512Q8RowShiftSums(sg, f, q.Sums[j*nb:j*nb+4])
	n := len(out)
	n4 := n &^ 3
	a := avx512RowArgs{
		recs:    unsafe.Pointer(&recs[0]),
		sg:      unsafe.Pointer(&sg[0]),
		scratch: unsafe.Pointer(&scratch[0]),
	}
	mins, _ := shiftSource(r)
	if n4 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), n4
		avx512CallDotQ8RowOf(f, &a)
	}
	if n4 < n {
		var (
			data          [4 * 128]byte
			scales, mins4 [32]uint16
			tail          [4]float32
		)
		rb := f.RowBytes(r.Cols)
		copy(data[:], r.Data[n4*rb:])
		g := f.Groups(r.Cols)
		copy(scales[:], r.Scales[g*n4:])
		copy(mins4[:], mins[g*n4:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
		a.out, a.n = unsafe.Pointer(&tail[0]), 4
		avx512CallDotQ8RowOf(f, &a)
		copy(out[n4:], tail[:])
	}
}

// avx512Q8RowShiftSums writes the shift sums of the DotQ8 row kernels
// from the query's four block sums bs of a row of 128 (times
// -2^(Bits-1) when symmetric): for groups of 32 lane 4L+r holds block L's
// sum, for each row r of a quad; else the lanes of the four rows' mins,
// 8-11 and 12-15, hold the sums of blocks 0-1 and 2-3.
func avx512Q8RowShiftSums(sg []float32, f Format, bs []float32) {
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	if f.Group == 32 {
		for l, b := range bs[:4] {
			sg[4*l], sg[4*l+1], sg[4*l+2], sg[4*l+3] = mul*b, mul*b, mul*b, mul*b
		}
		return
	}
	s0, s1 := mul*(bs[0]+bs[1]), mul*(bs[2]+bs[3])
	for k := range 4 {
		sg[8+k], sg[12+k] = s0, s1
	}
}

// avx512CallDotQ8RowOf runs the DotQ8 row kernel of rows of 128 values
// of f's width and group 64, or of 2-, 4- and 8-bit codes in groups of 32
// or 128.
func avx512CallDotQ8RowOf(f Format, a *avx512RowArgs) {
	if f.Group == 32 {
		avx512CallDotQ8RowG32(f.Bits, a)
		return
	}
	if f.Group == 128 {
		avx512CallDotQ8RowG128(f.Bits, a)
		return
	}
	avx512CallDotQ8Row(f.Bits, a)
}

// avx512Q8QuadRecords lays out, for the queries [j0, j0+pass) and the
// columns [c0, c0+cw), one record per unit of codes for the general
// kernels: each query's int8 values in the unit's byte order, then each
// query's block scales in the lanes of the kernel's block sums. Units of
// 64: 16 lanes, 4L+r holding row r's sum of 128-bit lane L's block, each
// block in two lanes (L 0 and 2 in p4 order, 0 and 1 in natural order),
// of which the first gets the block's scale and the other 0; units of 32:
// the block's scale, broadcast by the kernel.
func avx512Q8QuadRecords(recs []byte, q *Q8, f Format, j0, pass, c0, cw, unit int) {
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
			clear(d)
			scales := q.Scales[(j0+jj)*nb+cu/32:]
			if unit == 32 {
				*(*uint32)(unsafe.Pointer(&d[0])) = math.Float32bits(scales[0])
				continue
			}
			for l := range 4 {
				// Lane l's block, and whether l is the first lane of it.
				blk, firstLane := int(order[16*l])/32, l < 2
				if order == &avx512OrderNatural {
					firstLane = l%2 == 0
				}
				if !firstLane {
					continue
				}
				for r := range 4 {
					*(*uint32)(unsafe.Pointer(&d[16*l+4*r])) = math.Float32bits(scales[blk])
				}
			}
		}
	}
}

// avx512Q8QuadSG writes, for the general kernels, the shift sums of
// avx512Q8ShiftSums in the kernel's lanes: each entry repeated for the
// four rows of a quad (entry k of the shift sums in lanes 4k to 4k+3), so
// lane 4e+r of vector k holds group 4k+e for each of the four rows r. A
// chunk has at most avx512Q8ChunkCols columns in groups of 32 or more
// columns: two segments of 16 groups.
func avx512Q8QuadSG(sg []float32, q *Q8, f Format, j0, pass, c0, cw, gw int) {
	var sums [2 * avx512Q8MaxPass * 16]float32
	avx512Q8ShiftSums(sums[:], q, f, j0, pass, c0, cw, gw)
	segs := (cw/gw + 15) / 16
	for k, t := range sums[:segs*pass*16] {
		v := sg[4*k : 4*k+4]
		v[0], v[1], v[2], v[3] = t, t, t, t
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
	x := unsafe.Slice((*byte)(unsafe.Pointer(&q.Values[j*q.Cols])), 128)
	for l := range 4 {
		*(*[16]byte)(recs[16*l:]) = *(*[16]byte)(x[32*l:])
		*(*[16]byte)(recs[64+16*l:]) = *(*[16]byte)(x[32*l+16:])
	}
	sc := (*[4]float32)(q.Scales[j*nb:])
	d := (*[16]float32)(unsafe.Pointer(&recs[128]))
	for l, v := range sc {
		d[4*l], d[4*l+1], d[4*l+2], d[4*l+3] = v, v, v, v
	}
}

// avx512DotQ8ByAVX2 reports whether DotQ8 on rows of cols codes of f with
// nq query rows runs the avx2 kernels on an AVX-512 CPU: one query row on
// 2- or 4-bit rows of 96 values in one group, where avx2's one-group
// kernels beat the general avx512 kernels' quads (Intel Xeon family 6
// model 207, 512 rows in L2, v/ns avx2 against avx512: q4g96 25.1 against
// 13.6). With two or more query rows, or three or more groups (96×32: 7.1
// against 12.8), the avx512 kernels are faster. Rows of 64 (where avx2
// had beaten the general kernels, q4g64 25.0 against 12.4) run the avx512
// kernels of pairs of rows (avx512DotQ8Row64), 29-55 against 9-30 v/ns
// (1 MiB in L2, 3 runs, 2- and 4-bit codes in groups of 32 and 64), and
// rows of 128 and 256 the avx512 row kernels; 2-, 4- and 8-bit rows of 96
// in groups of 32 or 96 run the avx512 stream kernels (the kernels of rows
// of 128 with the fourth block masked off had already beaten avx2: Intel
// Xeon family 6 model 167, 4096 rows, v/ns one query row: q4g96 36 -> 51,
// q4g32 17 -> 49, q2g32 17.5 -> 42, q8g32 18 -> 44.5).
func avx512DotQ8ByAVX2(f Format, cols, nq int) bool {
	return nq == 1 && (f.Bits == 2 || f.Bits == 4) && cols < 128 && cols != 64 && f.Groups(cols) <= 2 &&
		!(cols == 96 && avx512DotQ8Row96Codes(f)) && !(cols == 80 && avx512DotQ8Row80Codes(f))
}

// avx512DotQ8Row96Codes reports whether DotQ8 on rows of 96 runs the
// stream kernels of rows in groups of 32 or 96
// (avx512_dotq8_row96g32_amd64.h): 2-, 4- and 8-bit codes in groups of
// 32 or 96 (groups of 16 and 8 run the stream kernels of groups).
func avx512DotQ8Row96Codes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4 || f.Bits == 8) && (f.Group == 32 || f.Group == 96)
}

// avx512DotQ8Row80Codes reports whether DotQ8 on rows of 80 runs the
// stream kernels of rows in one group (avx512_dotq8_row80g80_amd64.h):
// 2-, 4- and 8-bit codes in one group (groups of 16 and 8 run the stream
// kernels of groups).
func avx512DotQ8Row80Codes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4 || f.Bits == 8) && f.Group == 80
}
