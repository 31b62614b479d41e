//go:build gc && !purego

package lowbit

import "unsafe"

// avx2AddWeightedStripArgs are the arguments of the AddWeighted strip
// kernels (avx2_addweighted_strip_amd64.s): one strip of 32 columns of
// rows of a chunk, for one or two weight rows. The walk is the chunk's:
// its data (and plane offsets, scales and shifts) at the strip's group of
// the chunk's first row (floats: its first value in the strip).
type avx2AddWeightedStripArgs struct {
	avx2Walk
	y           unsafe.Pointer // y of weight row 0 at the strip's first column (the kernel adds)
	w           unsafe.Pointer // w of weight row 0 at the chunk's first row
	yStride     uintptr        // bytes between rows of y
	wStride     uintptr        // bytes between rows of w
	rowBytes    int            // bytes between rows of r
	scaleStride int            // bytes between the rows' scales (codes)
	k           int            // 4 × the strip's block in its group (codes)
	pfLines     int            // floats: cache lines to prefetch per row (>= 1), from the strip 16 rows ahead
	mult        [8]float32     // the shifts' factor, eight times (codes)
	fsc, fsh    unsafe.Pointer // half strips: the float32 scales and shifts × mult of the strip's group, chunk row 0
	fStride     uintptr        // half strips: bytes between the rows' fsc (and fsh)
}

// avx2StripScales is the most scales (rows × groups) of one chunk that
// the half strips read converted to float32 (avx2StripFloats).
const avx2StripScales = 1024

// avx2StripFloats holds a chunk's scales and shifts × mult in float32 for
// the half strips: one per row and group of the chunk.
type avx2StripFloats struct{ sc, sh [avx2StripScales]float32 }

// fill converts the scales of r for rows [i0, i1) (m values) and their
// shifts: the mins, or for symmetric codes the scales times mult.
func (t *avx2StripFloats) fill(r Rows, shifts []uint16, mult float32, i0, m int) {
	g := r.Format.Groups(r.Cols)
	avx2F16s(t.sc[:m], r.Scales[i0*g:][:m])
	if r.Format.Symmetric {
		for k, x := range t.sc[:m] {
			t.sh[k] = x * mult
		}
	} else { // mult is 1
		avx2F16s(t.sh[:m], shifts[i0*g:][:m])
	}
}

// avx2F16s sets dst[k] to the float32 value of the fp16 src[k]
// (len(src) >= len(dst)).
func avx2F16s(dst []float32, src []uint16) {
	n := len(dst) &^ 7
	if n > 0 {
		avx2DequantizeF16(&dst[0], &src[0], n)
	}
	for k := n; k < len(dst); k++ {
		dst[k] = F16ToFloat32(src[k])
	}
}

// avx2Strip16 reports whether 4-row half strips serve codes of width bits.
func avx2Strip16(bits int) bool { return bits == 2 || bits == 4 || bits == 8 }

// avx2StripRows is the most rows of one strip call: a chunk of rows whose
// strips of 32 columns stay in L1 between the kernel's passes over them
// (one per strip and pair of weight rows).
const avx2StripRows = 512

// addWeightedStripAVX2 runs AddWeighted with two or more weight rows by
// the strip kernels, which hold each weight row's sums for 32 columns in
// registers over every row of a chunk: for code rows whose group is a
// multiple of 32 and for fp16 and float32 rows of a multiple of 32
// values. It reports false, doing nothing, for one weight row (the row
// kernels' case) and for other shapes.
func addWeightedStripAVX2(y []float32, r Rows, w []float32) bool {
	f, cols := r.Format, r.Cols
	n := r.Len()
	nq := len(w) / n
	if nq < 2 || cols%32 != 0 || f.Quantized() && !avx2Blocks(f) {
		return false
	}
	// The 4-row half strips read the chunk's scales and shifts converted
	// once per chunk; the table is made (and zeroed) only for them.
	if f.Quantized() && avx2Strip16(f.Bits) && nq >= 4 && f.Groups(cols) <= avx2StripScales {
		var t avx2StripFloats
		addWeightedStripsAVX2(y, r, w, &t)
	} else {
		addWeightedStripsAVX2(y, r, w, nil)
	}
	return true
}

// addWeightedStripsAVX2 is addWeightedStripAVX2 on a shape it takes, with
// the half strips' table t, or nil when they do not run.
func addWeightedStripsAVX2(y []float32, r Rows, w []float32, t *avx2StripFloats) {
	f, cols := r.Format, r.Cols
	n := r.Len()
	nq := len(w) / n
	var shifts []uint16
	var mult float32
	if f.Quantized() {
		shifts, mult = shiftSource(r)
	}
	groups := f.Groups(cols)
	step := avx2StripRows
	if t != nil {
		step = min(step, avx2StripScales/groups)
	}
	for i0 := 0; i0 < n; i0 += step {
		i1 := min(n, i0+step)
		if t != nil {
			t.fill(r, shifts, mult, i0, (i1-i0)*groups)
		}
		for c := 0; c < cols; c += 32 {
			a := avx2AddWeightedStripArgs{
				wStride:  uintptr(4 * n),
				yStride:  uintptr(4 * cols),
				rowBytes: f.RowBytes(cols),
			}
			if f.Quantized() {
				g := c / f.Group
				a.avx2Walk = newAVX2Walk(r, shifts, i0, i1, g, g+1)
				a.scaleStride = 2 * groups
				a.k = 4 * (c % f.Group / 32)
				for l := range a.mult {
					a.mult[l] = mult
				}
			} else {
				a.data = unsafe.Pointer(&r.Data[(i0*cols+c)*f.Bits/8])
				a.rows = i1 - i0
				a.pfLines = 1
				if c == 0 { // the first strip brings the whole rows in
					a.pfLines = (a.rowBytes + 63) / 64
				}
			}
			j := 0
			if t != nil {
				g := c / f.Group
				a.fsc, a.fsh = unsafe.Pointer(&t.sc[g]), unsafe.Pointer(&t.sh[g])
				a.fStride = uintptr(4 * groups)
				for ; j+4 <= nq; j += 4 {
					addWeightedStrip16AVX2(&a, f.Bits, y, w, n, cols, i0, j, c)
				}
			}
			for ; j < nq; j += 2 {
				qn := min(2, nq-j)
				a.y = unsafe.Pointer(&y[j*cols+c])
				a.w = unsafe.Pointer(&w[j*n+i0])
				if f.Quantized() {
					avx2CallAddWeightedStrip(f.Bits, qn, &a)
				} else {
					avx2CallAddWeightedStripFloat(f.Bits, qn, &a)
				}
			}
		}
	}
}

// addWeightedStrip16AVX2 runs weight rows [j, j+4) over the strip of 32
// columns from c (a block of codes of 2, 4 or 8 bits) as two half strips,
// a set up for the strip, bits the codes' width.
func addWeightedStrip16AVX2(a *avx2AddWeightedStripArgs, bits int, y, w []float32, n, cols, i0, j, c int) {
	h := *a
	h.w = unsafe.Pointer(&w[j*n+i0])
	for half := range 2 {
		h.y = unsafe.Pointer(&y[j*cols+c+16*half])
		if bits == 8 {
			h.data = unsafe.Add(a.data, 16*half)
			avx2AddWeightedStrip16W8X4(&h)
			continue
		}
		avx2CallAddWeightedStrip16Half(half, bits, &h)
	}
}
