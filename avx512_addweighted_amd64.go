//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// addWeightedAVX512 is AddWeighted. Two or more weight rows over 16 or
// more rows of 64 to 256 values (a multiple of 64) of 2-, 4- and 8-bit
// codes in groups of 64 or more, or of fp16, run the span kernels
// (avx512SpanServes), which decode each code once for up to four weight
// rows.
// Otherwise 2- and 4-bit rows of 64, 96 (2-bit in
// groups of 32), 128 and 256 values run the row kernels, once per weight
// row (see avx512EachWeightRow; also in groups of 16 on rows of 64, 128
// and 256), for the weight counts addWeightedCodesAVX512 names; 4-bit rows
// of 80 and 96 the split kernels (avx512SplitServes). Other code formats
// whose group is a multiple of 32 run avx512AddWeightedW<bits>X<pass>:
// each block of codes is dequantized once per pass of up to 4 weight rows
// (as Dot does) and added, times the row's weight, into each weight row's
// y. Rows of 8 in one group of 2- to 4-bit codes run
// avx512AddWeightedRow8W<bits>X<nw>, rows of 2 to 32 such groups with one
// weight row avx512AddWeightedG8W<bits>X1 (rows of 2 to 16 groups of 16
// 2- or 4-bit codes avx512AddWeightedG16W<bits>X1); other groups the avx2
// lane kernels (addWeightedAVX2); fp16 and float32 rows
// addWeightedFloatAVX512.
func addWeightedAVX512(y []float32, r Rows, w []float32) {
	if avx2Row8(r) {
		addWeightedRow8CodesAVX512(y, r, w)
		return
	}
	if avx512SpanServes(r, len(w)/max(r.Len(), 1)) {
		addWeightedSpansAVX512(y, r, w)
		return
	}
	if avx512AddWeightedRowG8(r) && (r.Cols != 80 || len(w) < 4*r.Len()) {
		// 4-bit rows of 64, 80, 96, 128 and 256 in groups of 8 run the
		// row kernels, once per weight row, for any number of them but
		// four or more on rows of 80 (Intel Xeon family 6 model 167, 4096
		// rows, v/ns of weight rows times values, 2 runs, against the
		// gathers (one weight row) or the avx2 lanes: rows of 64-256, one
		// 25.5-29.2 against 9.3-13.7, four 23.2-29.4 against 16.3-19.8;
		// rows of 96, one 18.7-19.3 against 9.7-13.0, four 17.8-19.4
		// against 15.9-17.3; rows of 80, one 15.0-16.1 against
		// 10.3-13.5, four 14.9-15.6 against 15.9-17.8).
		avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
			var ok bool
			switch r.Cols {
			case 64:
				ok = avx512AddWeightedRow64(y, r, w)
			case 80, 96:
				if r.Format.Bits == 4 {
					ok = avx512AddWeightedRowMaskedG8(y, r, w)
				} else {
					ok = avx512AddWeightedRowW2G8Pairs(y, r, w)
				}
			case 128:
				ok = avx512AddWeightedRow(y, r, w)
			default:
				ok = avx512AddWeightedRow256(y, r, w)
			}
			if !ok {
				addWeightedGroup8AVX512(y, r, w)
			}
		})
		return
	}
	if avx512Group8(r) && len(w) == r.Len() {
		// One weight row: the gathers beat the avx2 lane kernels (Intel
		// Xeon family 6 model 207, 64K values in L2, rows of 64-256 in
		// groups of 8: 1.3-1.8x); with four weight rows, which the lane
		// kernels decode once for, they lose (0.2-0.9x).
		addWeightedGroup8AVX512(y, r, w)
		return
	}
	if r.Cols == 128 && (r.Format.Bits == 4 || r.Format.Bits == 2) && r.Format.Group == 16 && len(w) < 4*r.Len() {
		// 4-bit rows of 128 in groups of 16 run the row kernels for up to
		// three weight rows (Intel Xeon family 6 model 207, 1024 rows,
		// v/ns against the gathers or the avx2 lanes, two interleaved
		// runs: one 5.9-11.8 against 17.9-21.1, two 7.7-14.9 against
		// 18.2-19.1; four weight rows, where the lanes decode once for
		// all, were too noisy to rank, 10.7-19.7 against 11.6-21.6).
		avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
			if !avx512AddWeightedRow(y, r, w) {
				addWeightedGroup16AVX512(y, r, w)
			}
		})
		return
	}
	if avx512SplitServes(r, len(w)/max(r.Len(), 1)) {
		addWeightedSplitAVX512(y, r, w)
		return
	}
	if r.Cols == 256 && avx512Row256G16(r.Format) && len(w) < 4*r.Len() || r.Cols == 64 && r.Format.Group == 16 && avx512Row64Codes(r.Format) {
		addWeightedCodesAVX512(y, r, w)
		return
	}
	if avx512Group16(r) && len(w) == r.Len() {
		addWeightedGroup16AVX512(y, r, w)
		return
	}
	pick(r.Format, avx512Codes, addWeightedFloatAVX512, addWeightedCodesAVX512, addWeightedAVX2)(y, r, w)
}

// addWeightedCodesAVX512 is AddWeighted for code formats whose group is a
// multiple of 32 (and the row kernels' other groups): the row kernels
// where they serve the shape (rows of 128 in groups of 64, in one group
// for one weight row, 2- and 4-bit in groups of 32 for up to three; 2- and
// 4-bit rows of 64 in groups of 64 or 32), else the general kernels.
func addWeightedCodesAVX512(y []float32, r Rows, w []float32) {
	f := r.Format
	// Rows in one group of 128 run the row kernels for one weight row
	// only: for two and four the general kernels' passes are as fast or
	// faster (Intel Xeon family 6 model 207, 512 rows, v/ns of weight rows
	// times values: q4g128 with four 22.2 against 16.1, two 16.7-19.8
	// against 16.3-16.4; one 9.9 against 16.3).
	// Rows in groups of 32 run them for fewer than four weight rows (1024
	// rows, v/ns of weight rows times values, general against row
	// kernels, q4g32: one 7.4-9.4 against 17.5-19.1, two 11.4-17.9
	// against 16.7-19.8, four 18.4-24.2 against 16.4-20.4; q2g32: one
	// 6.2-6.4 against 17.2-20.4).
	nw := len(w) / max(r.Len(), 1)
	if r.Cols == 128 && avx512RowCodes(f) && (f.Group == 64 || f.Group == 128 && nw == 1 || f.Group == 32 && nw < 4) {
		avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
			if !avx512AddWeightedRow(y, r, w) {
				addWeightedGeneralAVX512(y, r, w)
			}
		})
		return
	}
	// Rows of 64 run them for any number of weight rows (1024 rows, v/ns
	// general against row kernels, one weight row q4g64 6.4-6.9 against
	// 15.7-16.7, q2g64 6.7-8.0 against 17.6-21.4; four q2g64 16.3-22.2
	// against 18.1-20.5).
	if r.Cols == 64 && avx512Row64Codes(f) {
		avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
			switch {
			case avx512AddWeightedRow64(y, r, w):
			case f.Group == 16:
				addWeightedGroup16AVX512(y, r, w)
			default:
				addWeightedGeneralAVX512(y, r, w)
			}
		})
		return
	}
	// 2-bit rows of 96 in groups of 32 run them below the split kernels'
	// 128 rows.
	if r.Cols == 96 && f.Bits == 2 && f.Group == 32 && nw < 4 {
		avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
			if !avx512AddWeightedRow96W2(y, r, w) {
				addWeightedGeneralAVX512(y, r, w)
			}
		})
		return
	}
	// 4-bit rows of 256 run them, once per half, for fewer than four weight
	// rows (1024 rows, v/ns of weight rows times values, general against
	// row kernels, two runs: one q4g32 5.3-6.5 against 18.4, q4g64 7.6-9.3
	// against 18.7-18.8, q4sg256 10.7-11.1 against 17.2-17.6; two 11.6-20.4
	// against 17.6-18.9; four 17.4-26.2 against 17.8-19.0).
	if r.Cols == 256 && (avx512Row256Codes(f) || avx512Row256G16(f)) && nw < 4 {
		avx512EachWeightRow(y, r, w, func(y []float32, r Rows, w []float32) {
			switch {
			case avx512AddWeightedRow256(y, r, w):
			case f.Group == 16:
				addWeightedGroup16AVX512(y, r, w)
			default:
				addWeightedGeneralAVX512(y, r, w)
			}
		})
		return
	}
	addWeightedGeneralAVX512(y, r, w)
}

// avx512RowChunk is the most rows avx512PerRowPasses hands a row kernel at
// a time: 1024 rows of 128 values are 32-256 KiB, so that the second and
// later query (weight) rows find them in L2.
const avx512RowChunk = 1024

// avx512PerRowPasses runs a one-query-row kernel once per query (or
// weight) row over rows that stay in cache: fn(j, rc, r0, r1) for every
// chunk [r0, r1) of at most avx512RowChunk rows of r (rc is that chunk)
// and every query row j < nq. The row kernels (rows of 128 values) run one
// query row at a pass several times faster than the general kernels run
// four, so for several query rows (the query heads of a GQA group) this
// beats one pass for all (4 weight rows of AddWeighted on 2-bit codes:
// 8.5 against 6.6 values/ns at 256 rows, 11.5 against 6.6 at 4096 rows).
func avx512PerRowPasses(r Rows, nq int, fn func(j int, rc Rows, r0, r1 int)) {
	n := r.Len()
	if nq == 1 { // no later pass to keep the rows in cache for
		fn(0, r, 0, n)
		return
	}
	for r0 := 0; r0 < n; r0 += avx512RowChunk {
		r1 := min(n, r0+avx512RowChunk)
		rc := r.Slice(r0, r1)
		for j := range nq {
			fn(j, rc, r0, r1)
		}
	}
}

// avx512EachWeightRow runs a one-weight-row AddWeighted kernel, fn, once
// per weight row of w (avx512PerRowPasses).
func avx512EachWeightRow(y []float32, r Rows, w []float32, fn func(y []float32, r Rows, w []float32)) {
	n, cols := r.Len(), r.Cols
	avx512PerRowPasses(r, len(w)/n, func(j int, rc Rows, r0, r1 int) {
		fn(y[j*cols:(j+1)*cols], rc, w[j*n+r0:j*n+r1])
	})
}

// addWeightedGeneralAVX512 is AddWeighted for code formats whose group is a
// multiple of 32 by the general kernels (avx512AddWeightedW<bits>X<pass>),
// for any weights.
func addWeightedGeneralAVX512(y []float32, r Rows, w []float32) {
	f := r.Format
	n, cols := r.Len(), r.Cols
	a := avx512CodeArgs(r)
	nq := len(w) / n
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = avx512Pass(nq - j0)
		a.x, a.out = unsafe.Pointer(&y[j0*cols]), unsafe.Pointer(&w[j0*n])
		avx512CallAddWeighted(f.Bits, pass, &a)
	}
}

// avx512AddWeightedRow runs the 4-bit or 2-bit AddWeighted row kernel
// (rows of 128 values in groups of 8 (4-bit) to 128, one weight row): the kernel keeps
// the 128 sums in registers, in its own lane order (each code dword's
// fields are converted in place), and writes them to a table that this
// function adds into y. The 2-bit kernel takes rows two at a time; an odd
// last row is copied next to a zero row, into a second table.
//
// The kernel's field sums are 16^k (4^k) times the column sums they stand
// for, so for results above about 2^100 they overflow where the result
// does not. An overflow is sticky (the sums become ±Inf or NaN), so when
// a table holds a value that is not finite, avx512AddWeightedRow returns
// false having left y alone, and the caller runs the general kernels,
// whose partial sums are the terms' own. That costs a scan of the 128
// (256) sums, and a second pass only where the result is not finite or
// would overflow in the row kernel.
func avx512AddWeightedRow(y []float32, r Rows, w []float32) bool {
	f := r.Format
	var lanesBuf [2*16*16 + 16]float32
	lanes := avx512AlignFloats(lanesBuf[:])
	mins, mul := shiftSource(r)
	a := avx512RowArgs{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&lanes[0]),
		recs:    unsafe.Pointer(&avx512W2Masks[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
		n:       r.Len(),
	}
	yy := (*[128]float32)(y)
	g := f.Groups(128)
	if f.Bits == 4 {
		cols := &avx512W4Cols
		switch g {
		case 16:
			avx512AddWeightedRow128W4G8X1(&a)
			cols = &avx512W4ColsG8
		case 8:
			avx512AddWeightedRow128W4G16X1(&a)
			cols = &avx512W4ColsG16
		case 4:
			avx512AddWeightedRow128W4G32X1(&a)
		case 2:
			avx512AddWeightedRow128W4G64X1(&a)
		default:
			avx512AddWeightedRow128W4G128X1(&a)
		}
		t := (*[128]float32)(lanes)
		if !avx512Finite(t[:]) {
			return false
		}
		for i, v := range t {
			yy[cols[i]&127] += v
		}
		return true
	}
	pairs, odd := (*[256]float32)(lanes[:256]), (*[256]float32)(lanes[256:512])
	n2, ok := avx512AddWeightedSteps(&a, r, mins, w, 2, pairs[:], odd[:])
	if !ok {
		return false
	}
	cols := &avx512W2Cols
	switch g {
	case 8:
		cols = &avx512W2ColsG16
	case 16:
		cols = &avx512W2ColsG8
	}
	if n2 > 0 {
		avx512AddLanesW2(yy, pairs, cols)
	}
	if n2 < r.Len() {
		avx512AddLanesW2(yy, odd, cols)
	}
	return true
}

// avx512AddWeightedSteps runs the one-weight-row AddWeighted row kernel of
// r's shape (a 2-bit kernel of rows of 128, or a kernel of rows of 64)
// over r's rows in whole steps of step rows, its lanes into whole (a
// holds the rows, weights and whole already), and a last partial step,
// copied beside zero rows of weight 0, into tail. It returns the rows in
// whole steps, and false if a lane of either table is not finite.
func avx512AddWeightedSteps(a *avx512RowArgs, r Rows, mins []uint16, w []float32, step int, whole, tail []float32) (int, bool) {
	f := r.Format
	g := f.Groups(r.Cols)
	n := r.Len()
	nw := n - n%step
	if a.n = nw; nw > 0 {
		avx512CallAddWeightedRowOf(r.Cols, f.Bits, g, a)
		if !avx512Finite(whole) {
			return nw, false
		}
	}
	if nw < n {
		var pad avx512StepPad
		t := pad.args(*a, r, mins, w, nw, step)
		t.out = unsafe.Pointer(&tail[0])
		avx512CallAddWeightedRowOf(r.Cols, f.Bits, g, &t)
		if !avx512Finite(tail) {
			return nw, false
		}
	}
	return nw, true
}

// avx512CallAddWeightedRowOf runs the stepped AddWeighted row kernel of
// rows of cols values (64, or 128 for 2-bit codes, or 96 for 2-bit codes
// in groups of 32) of a width in g groups.
func avx512CallAddWeightedRowOf(cols, bits, g int, a *avx512RowArgs) {
	switch {
	case cols == 64:
		avx512CallAddWeightedRow64(bits, g, a)
	case cols == 96 && g == 12:
		avx512AddWeightedRow96W2G8X1(a)
	case cols == 80:
		avx512AddWeightedRow80W2G8X1(a)
	case cols == 96:
		avx512AddWeightedRow96W2G32X1(a)
	default:
		avx512AddWeightedRowW2(g, a)
	}
}

// avx512AddWeightedRowW2 runs the 2-bit AddWeighted row kernel of rows of
// g groups (16: groups of 8, 8: of 16, 4: of 32, 2: of 64, 1: one group of
// 128).
func avx512AddWeightedRowW2(g int, a *avx512RowArgs) {
	switch g {
	case 16:
		avx512AddWeightedRow128W2G8X1(a)
	case 8:
		avx512AddWeightedRow128W2G16X1(a)
	case 4:
		avx512AddWeightedRow128W2G32X1(a)
	case 2:
		avx512AddWeightedRow128W2G64X1(a)
	default:
		avx512AddWeightedRow128W2G128X1(a)
	}
}

// avx512W2Masks is the 2-bit row kernel's table of field masks (64-byte
// aligned): 16 dwords of 3<<(2k) for each field k.
var avx512W2Masks = func() []uint32 {
	buf := make([]uint32, 16*16+16)
	m := buf[(-uintptr(unsafe.Pointer(&buf[0]))&63)/4:][:16*16]
	for k := range 16 {
		for l := range 16 {
			m[16*k+l] = 3 << (2 * k)
		}
	}
	return m
}()

// avx512W4Cols maps the 4-bit row kernel's lanes table to columns: field k
// of dword lane l (entry 16k+l) holds the sum of column
// 32*(l/4) + 4*(l%4) + k/2 + 16*(k%2).
var avx512W4Cols = func() (c [128]uint8) {
	for k := range 8 {
		for l := range 16 {
			c[16*k+l] = uint8(32*(l/4) + 4*(l%4) + k/2 + 16*(k%2))
		}
	}
	return c
}()

// avx512W4ColsG16 is avx512W4Cols for groups of 16 (a block of 32 values
// is two groups of 8 bytes, byte j holding values j and j+8): column
// 32*(l/4) + 16*(l%4/2) + 4*(l%2) + k/2 + 8*(k%2).
var avx512W4ColsG16 = func() (c [128]uint8) {
	for k := range 8 {
		for l := range 16 {
			c[16*k+l] = uint8(32*(l/4) + 16*(l%4/2) + 4*(l%2) + k/2 + 8*(k%2))
		}
	}
	return c
}()

// avx512W4ColsG8 is avx512W4Cols for groups of 8 (a group is one code
// dword, byte j holding values j and j+4): column 8*l + k/2 + 4*(k%2).
var avx512W4ColsG8 = func() (c [128]uint8) {
	for k := range 8 {
		for l := range 16 {
			c[16*k+l] = uint8(8*l + k/2 + 4*(k%2))
		}
	}
	return c
}()

// avx512AddWeightedRowG8 reports whether the AddWeighted row kernels take
// r in groups of 8: 2- and 4-bit rows of 64, 80, 96, 128 and 256 values.
func avx512AddWeightedRowG8(r Rows) bool {
	if r.Format.Group != 8 {
		return false
	}
	switch r.Cols {
	case 64, 80, 96, 128, 256:
		return r.Format.Bits == 4 || r.Format.Bits == 2
	}
	return false
}

// avx512W2Cols maps the 2-bit row kernel's lanes table to columns: field k
// of dword lane l (and of l+8, the second row of each pair), entry 8k+l
// here, holds the sum of column 32*(l/2) + 4*(l%2) + k/4 + 8*(k%4).
var avx512W2Cols = func() (c [128]uint8) {
	for k := range 16 {
		for l := range 8 {
			c[8*k+l] = uint8(32*(l/2) + 4*(l%2) + k/4 + 8*(k%4))
		}
	}
	return c
}()

// avx512Finite reports whether every value of v (an even number of them)
// is finite: the exponent field of each, plus one, carries into the
// value's sign bit only if it is all ones. Two values per 64-bit word.
func avx512Finite(v []float32) bool {
	u := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(v))), len(v)/2)
	var acc uint64
	for _, x := range u {
		acc |= x&0x7f8000007f800000 + 0x0080000000800000
	}
	return acc&0x8000000080000000 == 0
}

// avx512AddLanesW2 adds the lanes table of the 2-bit row kernel into y
// (see avx512W2Cols).
func avx512AddLanesW2(y *[128]float32, lanes *[256]float32, cols *[128]uint8) {
	for k := range 16 {
		for l := range 8 {
			y[cols[8*k+l]&127] += lanes[16*k+l] + lanes[16*k+8+l]
		}
	}
}

// avx512W2ColsG16 is avx512W2Cols for groups of 16 (a group is one code
// dword, byte j holding values j, j+4, j+8 and j+12): column
// 16*l + k/4 + 4*(k%4).
var avx512W2ColsG16 = func() (c [128]uint8) {
	for k := range 16 {
		for l := range 8 {
			c[8*k+l] = uint8(16*l + k/4 + 4*(k%4))
		}
	}
	return c
}()

// avx512W2ColsG8 is avx512W2Cols for groups of 8 (a code dword holds two
// groups, bytes 0-1 and 2-3, each byte j holding values j, j+2, j+4 and
// j+6 of its group): field k of dword l holds group 2l+k/8's code
// position k%8, by pack.PlaneColumn.
var avx512W2ColsG8 = func() (c [128]uint8) {
	for k := range 16 {
		for l := range 8 {
			c[8*k+l] = uint8(8*(2*l+k/8) + pack.PlaneColumn(2, 8, k%8))
		}
	}
	return c
}()

// avx512StepPad holds the last partial step of a stepped AddWeighted row
// kernel (at most 320 bytes of codes, 80 groups, 16 rows): its rows copied
// beside zero rows of weight 0, so the kernel can run a whole step.
type avx512StepPad struct {
	data         [320]byte
	scales, mins [80]uint16
	w            [16]float32
}

// args copies rows [from, n) of r (their mins, or scales when symmetric,
// from mins; their weights from w) into p and returns a with its codes,
// scales, mins and weights pointing at p's, for step rows. (Returned by
// value, the arguments keep p on the stack; set into a caller's block
// through a pointer, they would move it to the heap.)
func (p *avx512StepPad) args(a avx512RowArgs, r Rows, mins []uint16, w []float32, from, step int) avx512RowArgs {
	g, rb := r.Format.Groups(r.Cols), r.Format.RowBytes(r.Cols)
	copy(p.data[:], r.Data[from*rb:])
	copy(p.scales[:], r.Scales[g*from:])
	copy(p.mins[:], mins[g*from:])
	copy(p.w[:], w[from:])
	a.data, a.scales, a.mins, a.sg, a.n = unsafe.Pointer(&p.data[0]), unsafe.Pointer(&p.scales[0]), unsafe.Pointer(&p.mins[0]), unsafe.Pointer(&p.w[0]), step
	return a
}
