//go:build gc && !purego

package lowbit

import "unsafe"

// DotQ8 of one query row on 2- and 4-bit codes in groups of 8 or 16: the
// lane kernels avx2DotQ8LaneW<bits>G<group> (avx2_dotq8_amd64.s, DOTQ8L).
//
// A row is cut into chunks of eight groups. A chunk's codes are unpacked
// as they lie (4 bits: low and high nibbles of 32 bytes; 2 bits: the four
// bit planes), and multiplied (VPMADDUBSW) with the query values permuted
// to match (avx2Q8LanePerm, built once per call), so that the int16 sums
// of the planes fall on whole groups: one exact integer sum per group, in
// group order, eight groups in a vector. Each is then scaled (the query's
// block scale d times the group's scale, plus the shift times the block's
// mult × Sums) into the row's vector of eight lanes. Eight rows' vectors
// are folded together (UNITS_PAIR, UNITS_FINISH) and stored at once.
//
// Rows of 2 or 4 groups are taken 4 or 2 at a time as one chunk (P rows
// per vector, p > 1), so that no lane is wasted. Otherwise a row whose
// groups are not a multiple of 8 ends with a chunk of fewer groups (its
// other lanes masked): its loads run past the row into the next one, so
// the call's last rows go through a padded copy.

// avx2Q8LaneGroups is the most groups of a row that one call takes (the
// size of the tables and of the padded copy).
const avx2Q8LaneGroups = 64

// avx2DotQ8LaneArgs are the arguments of the DotQ8 lane kernels.
type avx2DotQ8LaneArgs struct {
	data, scales, shifts unsafe.Pointer // codes, fp16 scales and shifts of the first row at the first group
	qp, dt, bt           unsafe.Pointer // the permuted query (per chunk), d and mult × Sums (per group) of a row of p rows
	out                  unsafe.Pointer // out of the first row (the kernel adds, eight rows at a time)
	rowBytes             uintptr        // bytes of codes from a row of p rows to the next
	rowScaleBytes        uintptr        // likewise of scales and shifts
	batches              int            // batches of eight rows
	fullEnd              int            // 16 × full chunks per row of p rows
	partial              int            // 1 if a row ends with a chunk of fewer than eight groups
	p                    int            // rows per row of the kernel: 1, 2 or 4
	pairs                int            // pairs of the kernel's rows per batch of eight rows: 4/p
	mask                 [8]int32       // the lanes of the last, partial chunk: -1
}

// avx2Q8LaneTables are a call's query tables for the DotQ8 lane kernels.
type avx2Q8LaneTables struct {
	qp     [avx2Q8LaneGroups * 16]int8 // permuted query values: 8 or 16 bytes per group
	dt, bt [avx2Q8LaneGroups + 8]float32
}

// avx2DotQ8Lanes reports whether DotQ8 of one query row runs the lane
// kernels on f: 2- or 4-bit codes in groups of 8 or 16.
func avx2DotQ8Lanes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4) && (f.Group == 8 || f.Group == 16)
}

// avx2Q8LanePerm writes the query values x of one chunk of eight groups of
// g values (fewer at the end of x: zeros for the rest) into dst in the
// order the kernel for bits multiplies them: per group the values of the
// code bytes as they lie.
func avx2Q8LanePerm(dst []int8, x []int8, bits, g int) {
	at := func(v int) int8 {
		if v < len(x) {
			return x[v]
		}
		return 0
	}
	switch {
	case bits == 4 && g == 8: // 32 bytes: low nibbles, then high nibbles
		for j := range 32 {
			dst[j] = at(8*(j/4) + j%4)
			dst[32+j] = at(8*(j/4) + 4 + j%4)
		}
	case bits == 4: // two loads of 32 bytes (four groups each), low and high
		for h := range 2 {
			for j := range 32 {
				dst[64*h+j] = at(64*h + 16*(j/8) + j%8)
				dst[64*h+32+j] = at(64*h + 16*(j/8) + 8 + j%8)
			}
		}
	case g == 8: // 16 bytes broadcast: planes 0 and 2, then planes 1 and 3
		for j := range 16 {
			v := 8*(j/2) + j%2
			dst[j], dst[16+j] = at(v), at(v+4)
			dst[32+j], dst[48+j] = at(v+2), at(v+6)
		}
	default: // 32 bytes: the four planes
		for p := range 4 {
			for j := range 32 {
				dst[32*p+j] = at(16*(j/4) + j%4 + 4*p)
			}
		}
	}
}

// dotQ8LanesAVX2 sets out to the DotQ8 products of every row of r with
// query row j of q (f as avx2DotQ8Lanes allows).
func dotQ8LanesAVX2(out []float32, r Rows, q *Q8, j int) {
	f, cols := r.Format, r.Cols
	n, groups := r.Len(), f.Groups(cols)
	clear(out)
	if n == 0 {
		return
	}
	shifts, mult := shiftSource(r)
	nb := q8Blocks(f.Group, cols)
	gb := f.Group * f.Bits / 8
	var t avx2Q8LaneTables
	for g0 := 0; g0 < groups; g0 += avx2Q8LaneGroups {
		g1 := min(groups, g0+avx2Q8LaneGroups)
		ng := g1 - g0
		p := 1
		if ng == groups && (ng == 2 || ng == 4) {
			p = 8 / ng // rows of 2 or 4 groups: 4 or 2 rows per chunk
		}
		rg := p * ng // groups per row of p rows
		chunks := (rg + 7) / 8
		for c := range chunks {
			var xs [128]int8
			for k := range 8 * f.Group {
				if v := c*8*f.Group + k; v < rg*f.Group {
					col := g0*f.Group + v%(ng*f.Group)
					xs[k] = q.Values[j*cols+col]
				}
			}
			avx2Q8LanePerm(t.qp[c*8*f.Group:], xs[:8*f.Group], f.Bits, f.Group)
		}
		for k := range rg {
			b := j*nb + g0 + k%ng
			t.dt[k], t.bt[k] = q.Scales[b], mult*q.Sums[b]
		}
		clear(t.dt[rg:])
		clear(t.bt[rg:])
		a := avx2DotQ8LaneArgs{
			qp:            unsafe.Pointer(&t.qp),
			dt:            unsafe.Pointer(&t.dt),
			bt:            unsafe.Pointer(&t.bt),
			rowBytes:      uintptr(p * f.RowBytes(cols)),
			rowScaleBytes: uintptr(2 * p * groups),
			fullEnd:       16 * (rg / 8),
			p:             p,
			pairs:         4 / p,
		}
		if part := rg % 8; part != 0 {
			a.partial = 1
			for k := range part {
				a.mask[k] = -1
			}
		}
		// The kernel takes batches of 8 rows; a partial chunk reads up to
		// 8 - rg%8 groups past its row, so the rows those reads reach at
		// the end never run in place.
		main := n / 8 * 8
		if a.partial != 0 {
			need := (8 - rg%8 + ng - 1) / ng
			main = max(0, n-need) / 8 * 8
		}
		rb, gs := f.RowBytes(cols), groups
		for i0 := 0; i0 < main; i0 += avx2ChunkRows {
			i1 := min(main, i0+avx2ChunkRows)
			a.data = unsafe.Pointer(&r.Data[i0*rb+g0*gb])
			a.scales = unsafe.Pointer(&r.Scales[i0*gs+g0])
			a.shifts = unsafe.Pointer(&shifts[i0*gs+g0])
			a.out = unsafe.Pointer(&out[i0])
			a.batches = (i1 - i0) / 8
			avx2CallDotQ8Lane(f.Bits, f.Group, &a)
		}
		if main < n {
			avx2DotQ8LanePadded(out[main:], r, shifts, main, g0, g1, &a)
		}
	}
}

// avx2DotQ8LanePadded runs the lane kernel on rows [i0, n) of r (at most
// 16 of them), groups [g0, g1), from a copy with room to read past the
// last row, adding to out.
func avx2DotQ8LanePadded(out []float32, r Rows, shifts []uint16, i0, g0, g1 int, a *avx2DotQ8LaneArgs) {
	f := r.Format
	n, groups := r.Len(), f.Groups(r.Cols)
	rb, gb := f.RowBytes(r.Cols), f.Group*f.Bits/8
	var codes [16*avx2Q8LaneGroups*8 + 128]byte
	var sc, sh [16*avx2Q8LaneGroups + 16]uint16
	var res [16]float32
	m := n - i0
	ng := g1 - g0
	for k := range m {
		copy(codes[k*ng*gb:], r.Data[(i0+k)*rb+g0*gb:][:ng*gb])
		copy(sc[k*ng:], r.Scales[(i0+k)*groups+g0:][:ng])
		copy(sh[k*ng:], shifts[(i0+k)*groups+g0:][:ng])
	}
	pa := *a
	pa.data = unsafe.Pointer(&codes[0])
	pa.scales = unsafe.Pointer(&sc[0])
	pa.shifts = unsafe.Pointer(&sh[0])
	pa.rowBytes = uintptr(a.p * ng * gb)
	pa.rowScaleBytes = uintptr(2 * a.p * ng)
	pa.out = unsafe.Pointer(&res[0])
	pa.batches = (m + 7) / 8
	avx2CallDotQ8Lane(f.Bits, f.Group, &pa)
	for k := range m {
		out[k] += res[k]
	}
}
