//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// The neon kernels work in two stages over chunks that stay in L1: codes
// are unpacked from their bit planes to one byte each (neonUnpack, the only
// width-specific code), then a width-independent kernel consumes the bytes
// (neonDotCodes, neonDotQ8Codes, neonAddWeightedCodes, neonDequantizeCodes);
// Quantize runs the other way (neonQuantizeCodes, then neonPack). A chunk is
// at most neonChunk codes: whole rows when a row fits, else one row's groups
// in pieces. Each packed block is unpacked once per call, whatever the
// number of query rows. Code formats whose group is not a multiple of 32
// (blocks of 8, 16 or 24), or is over neonChunk, run the generic kernels.
//
// fp16 and float32 rows have their own kernels (FCVTL/FCVTN for fp16); their
// column tails (cols%4 values) run in Go. Other work left in Go: Σx per
// query row and group for Dot, Σ Sums per group for DotQ8, adding the
// summed w*shift of each group to y after AddWeighted (all O(queries*cols)
// per call, not per row), and the last len(x)%4 values of Softmax.
//
// Instructions per 32 values (loop control included; one query row; each
// asm function's comment has the details). NEON vectors hold 4 float32,
// AVX2's 8 and AVX-512's 16, so about twice the AVX2 count is the par. For
// 4-bit codes and one query row, unpack included: Dot neon 40 vs AVX2 18;
// DotQ8 neondot 25 vs AVX2 9 and AVX-512 about 4 (their comments; the
// other amd64 kernels had not landed when this was written). The gap beyond
// the vector width is the two stages (a store and a load of the codes)
// and the byte-to-float widening, which NEON does with TBL+UCVTF per 4.
//
//	unpack (stage 1)      4-bit 6, 2-bit 8, 8-bit 4, 5/6-bit 15/13, 3-bit 17, 7-bit 22
//	Dot codes             34 (+13 per further query row; passes of 4)
//	DotQ8 codes           SDOT 19, UDOT 26 (8-bit), SMULL 23, widened MUL 32 (8-bit);
//	                      +12, 15, 16, 21 per further query row
//	AddWeighted codes     36 (+15 per further weight row; passes of 4)
//	Dequantize codes      40
//	Quantize codes        78 + pack (4-bit 6, 2-bit 10, 7-bit 23)
//	QuantizeQ8            92, plus about 25 per block
//	Dot f32 / f16         16 / 24 per query row
//	DotQ8 f32 / f16       37 / 45 per query row
//	AddWeighted f32 / f16 18 / 26 per weight row
//	Softmax               14 (max) + 216 (exp and sum) + 16 (scale)

// neonChunk is the number of codes unpacked at a time (the scratch buffer
// on the stack of each call), and the largest group the asm serves.
const neonChunk = 8192

// neonAux is the size of the per-query, per-group float buffers (Σx for
// Dot, Σ Sums for DotQ8, Σ w*shift for AddWeighted).
const neonAux = 1024

// neonQueries is the most query rows one pass of the code kernels serves:
// each has its accumulators in registers.
const neonQueries = 4

var (
	neonImpl    = &Implementation{name: "neon", k: neonKernels(false), accelerated: neonAccelerated}
	neonDotImpl = &Implementation{name: "neondot", k: neonKernels(true), accelerated: neonAccelerated}
)

func neonKernels(dotprod bool) kernels {
	k := kernels{
		dot:         dotNEON,
		dotQ8:       func(out []float32, r Rows, q *Q8) { dotQ8NEON(out, r, q, dotprod) },
		quantizeQ8:  quantizeQ8NEON,
		addWeighted: addWeightedNEON,
		quantize:    quantizeNEON,
		dequantize:  dequantizeNEON,
		softmax:     softmaxNEON,
	}
	return k
}

// neonAccelerated: every kernel on fp16, float32, and codes in groups that
// are a multiple of 32 up to neonChunk; Softmax and QuantizeQ8 always.
func neonAccelerated(k Kernel, f Format) bool {
	if k == KernelSoftmax || k == KernelQuantizeQ8 || !f.Quantized() {
		return true
	}
	return neonCodes(f)
}

// neonCodes reports whether the code kernels serve format f.
func neonCodes(f Format) bool { return f.Quantized() && f.Group%32 == 0 && f.Group <= neonChunk }

//go:noescape
func neonUnpack(dst, src *byte, groups, group, bits, p2, p1 int)

//go:noescape
func neonPack(dst, src *byte, groups, group, bits, p2, p1 int)

//go:noescape
func neonQuantizeCodes(dst *byte, x *float32, groups, group int, scales, mins *uint16, qlo, qhi, div float32, off int)

//go:noescape
func neonDequantizeCodes(dst *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride, dstride int, off float32)

//go:noescape
func neonQuantizeF16(dst *uint16, x *float32, n int)

//go:noescape
func neonDequantizeF16(dst *float32, src *uint16, n int)

//go:noescape
func neonCopyF32(dst, src *float32, n int)

// planeOffsets returns the byte offsets of the 2- and 1-bit planes in a
// group of n codes of the given width (0 where there is none), from the
// plane widths of package pack: planes are stored widest first.
func planeOffsets(bits, n int) (p2, p1 int) {
	off := 0
	for _, w := range pack.Planes(bits) {
		switch w {
		case 2:
			p2 = off
		case 1:
			p1 = off
		}
		off += n * w / 8
	}
	return p2, p1
}

// codeChunks walks the codes of rows in chunks of at most neonChunk codes
// and at most gcMax groups per row: whole rows at a time when a row fits,
// else each row in pieces of groups. It calls start(g0, g1) when a new
// range of groups begins and chunk(i0, i1, g0, g1) for rows [i0, i1) over
// groups [g0, g1).
func codeChunks(f Format, n, cols, gcMax int, start func(g0, g1 int), chunk func(i0, i1, g0, g1 int)) {
	groups := f.Groups(cols)
	gc := min(groups, neonChunk/f.Group, gcMax)
	if gc == groups {
		start(0, groups)
		rc := max(1, neonChunk/cols)
		for i0 := 0; i0 < n; i0 += rc {
			chunk(i0, min(n, i0+rc), 0, groups)
		}
		return
	}
	for g0 := 0; g0 < groups; g0 += gc {
		g1 := min(groups, g0+gc)
		start(g0, g1)
		for i := 0; i < n; i++ {
			chunk(i, i+1, g0, g1)
		}
	}
}

// unpackCodesNEON unpacks rows [i0, i1) over groups [g0, g1) of r into buf.
func unpackCodesNEON(buf *[neonChunk]byte, r Rows, i0, i1, g0, g1 int) {
	f := r.Format
	rb, gb, groups := f.RowBytes(r.Cols), f.Group*f.Bits/8, f.Groups(r.Cols)
	p2, p1 := planeOffsets(f.Bits, f.Group)
	ng := g1 - g0
	if ng == groups {
		ng *= i1 - i0 // whole rows: consecutive groups
	}
	neonUnpack(&buf[0], &r.Data[i0*rb+g0*gb], ng, f.Group, f.Bits, p2, p1)
}

// minsOf returns a pointer to min gi of r, or nil for symmetric formats.
func minsOf(r Rows, gi int) *uint16 {
	if !r.Format.HasMins() {
		return nil
	}
	return &r.Mins[gi]
}

// symOffset returns 2^(Bits-1) as a float32.
func symOffset(f Format) float32 { return float32(int(1) << (f.Bits - 1)) }

func quantizeNEON(dst Rows, x []float32) {
	f := dst.Format
	switch {
	case f.Bits == 32:
		n := len(x) &^ 3
		if n > 0 {
			neonCopyF32((*float32)(unsafe.Pointer(&dst.Data[0])), &x[0], n)
		}
		for k := n; k < len(x); k++ {
			putF32(dst.Data, k, x[k])
		}
		return
	case f.Bits == 16:
		n := len(x) &^ 3
		if n > 0 {
			neonQuantizeF16((*uint16)(unsafe.Pointer(&dst.Data[0])), &x[0], n)
		}
		for k := n; k < len(x); k++ {
			putF16(dst.Data, k, F16FromFloat32(x[k]))
		}
		return
	case !neonCodes(f):
		quantizeGeneric(dst, x)
		return
	}
	cols, G := dst.Cols, f.Group
	rb, gb, groups := f.RowBytes(cols), G*f.Bits/8, f.Groups(cols)
	p2, p1 := planeOffsets(f.Bits, G)
	qlo, qhi, div, off := float32(0), float32(int(1)<<f.Bits-1), float32(int(1)<<f.Bits-1), 0
	if f.Symmetric {
		o := int(1) << (f.Bits - 1)
		qlo, qhi, div, off = -float32(o), float32(o-1), float32(o-1), o
	}
	var buf [neonChunk]byte
	codeChunks(f, dst.Len(), cols, groups, func(int, int) {}, func(i0, i1, g0, g1 int) {
		ng := g1 - g0
		if ng == groups {
			ng *= i1 - i0
		}
		gi := i0*groups + g0
		neonQuantizeCodes(&buf[0], &x[i0*cols+g0*G], ng, G, &dst.Scales[gi], minsOf(dst, gi), qlo, qhi, div, off)
		neonPack(&dst.Data[i0*rb+g0*gb], &buf[0], ng, G, f.Bits, p2, p1)
	})
}

func dequantizeNEON(dst []float32, r Rows) {
	f := r.Format
	switch {
	case f.Bits == 32:
		n := len(dst) &^ 3
		if n > 0 {
			neonCopyF32(&dst[0], (*float32)(unsafe.Pointer(&r.Data[0])), n)
		}
		for k := n; k < len(dst); k++ {
			dst[k] = f32At(r.Data, k)
		}
		return
	case f.Bits == 16:
		n := len(dst) &^ 3
		if n > 0 {
			neonDequantizeF16(&dst[0], (*uint16)(unsafe.Pointer(&r.Data[0])), n)
		}
		for k := n; k < len(dst); k++ {
			dst[k] = f16At(r.Data, k)
		}
		return
	case !neonCodes(f):
		dequantizeGeneric(dst, r)
		return
	}
	cols, G, groups := r.Cols, f.Group, f.Groups(r.Cols)
	var buf [neonChunk]byte
	codeChunks(f, r.Len(), cols, groups, func(int, int) {}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(&buf, r, i0, i1, g0, g1)
		gi := i0*groups + g0
		neonDequantizeCodes(&dst[i0*cols+g0*G], &buf[0], i1-i0, g1-g0, G, &r.Scales[gi], minsOf(r, gi), 2*groups, 4*cols, symOffset(f))
	})
}

func putF32(b []byte, k int, v float32) {
	u := math.Float32bits(v)
	b[4*k], b[4*k+1], b[4*k+2], b[4*k+3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
}

func putF16(b []byte, k int, h uint16) { b[2*k], b[2*k+1] = byte(h), byte(h>>8) }

//go:noescape
func neonDotCodes(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride int, negOff float32, x *float32, xstride, nq int, xs *float32, ostride int)

// dotNEON: codes through neonDotCodes, up to neonQueries query rows per
// pass over the unpacked chunk; fp16 and float32 through dotFloatNEON.
func dotNEON(out []float32, r Rows, x []float32) {
	f := r.Format
	switch {
	case !f.Quantized():
		dotFloatNEON(out, r, x)
		return
	case !neonCodes(f):
		dotGeneric(out, r, x)
		return
	}
	n, cols := r.Len(), r.Cols
	nq := len(x) / cols
	clear(out)
	if n == 0 {
		return
	}
	// At most neonAux/4 query rows at a time, so that their Σx fit neonAux
	// for at least 4 groups.
	const qc = neonAux / 4
	for j0 := 0; j0 < nq; j0 += qc {
		j1 := min(nq, j0+qc)
		dotCodesChunks(out[j0*n:j1*n], r, x[j0*cols:j1*cols])
	}
}

func dotCodesChunks(out []float32, r Rows, x []float32) {
	f, cols := r.Format, r.Cols
	G, groups := f.Group, f.Groups(cols)
	n, nq := r.Len(), len(x)/cols
	var buf [neonChunk]byte
	var xs [neonAux]float32
	gc := 0
	codeChunks(f, n, cols, neonAux/nq, func(g0, g1 int) {
		gc = g1 - g0
		for j := 0; j < nq; j++ {
			for g := g0; g < g1; g++ {
				xs[j*gc+g-g0] = sumF32(x[j*cols+g*G : j*cols+(g+1)*G])
			}
		}
	}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(&buf, r, i0, i1, g0, g1)
		gi := i0*groups + g0
		for j := 0; j < nq; j += neonQueries {
			neonDotCodes(&out[j*n+i0], &buf[0], i1-i0, gc, G, &r.Scales[gi], minsOf(r, gi), 2*groups, -symOffset(f),
				&x[j*cols+g0*G], 4*cols, min(neonQueries, nq-j), &xs[j*gc], 4*n)
		}
	})
}

// sumF32 returns Σ v (len(v) a multiple of 4).
func sumF32(v []float32) float32 {
	var s0, s1, s2, s3 float32
	for ; len(v) >= 4; v = v[4:] {
		s0 += v[0]
		s1 += v[1]
		s2 += v[2]
		s3 += v[3]
	}
	return (s0 + s1) + (s2 + s3)
}

//go:noescape
func neonDotQ8Codes(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs *float32, qsstride int, ss *float32, ostride, mode int)

// dotQ8NEON: codes through neonDotQ8Codes (SDOT/UDOT with dotprod, SMULL
// or widened MUL without), fp16 and float32 through dotQ8FloatNEON.
func dotQ8NEON(out []float32, r Rows, q *Q8, dotprod bool) {
	f := r.Format
	switch {
	case !f.Quantized():
		dotQ8FloatNEON(out, r, q)
		return
	case !neonCodes(f):
		dotQ8Generic(out, r, q)
		return
	}
	n, nq := r.Len(), q.Len()
	clear(out)
	if n == 0 {
		return
	}
	mode := 0
	if dotprod {
		mode = 2
	}
	if f.Bits == 8 {
		mode++
	}
	const qc = neonAux / 4
	for j0 := 0; j0 < nq; j0 += qc {
		dotQ8CodesChunks(out[j0*n:min(nq, j0+qc)*n], r, q, j0, min(nq, j0+qc), mode)
	}
}

func dotQ8CodesChunks(out []float32, r Rows, q *Q8, j0, j1, mode int) {
	f, cols := r.Format, r.Cols
	G, groups := f.Group, f.Groups(cols)
	n, nq := r.Len(), j1-j0
	nb, bpg := q8Blocks(G, cols), G/32
	var buf [neonChunk]byte
	var ss [neonAux]float32
	gc := 0
	codeChunks(f, n, cols, neonAux/nq, func(g0, g1 int) {
		gc = g1 - g0
		for j := 0; j < nq; j++ {
			for g := g0; g < g1; g++ {
				b := (j0+j)*nb + g*bpg
				ss[j*gc+g-g0] = sumF32Any(q.Sums[b : b+bpg])
			}
		}
	}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(&buf, r, i0, i1, g0, g1)
		gi := i0*groups + g0
		for j := 0; j < nq; j += neonQueries {
			jj := j0 + j
			neonDotQ8Codes(&out[j*n+i0], &buf[0], i1-i0, gc, G, &r.Scales[gi], minsOf(r, gi), -symOffset(f),
				&q.Values[jj*cols+g0*G], cols, min(neonQueries, nq-j), &q.Scales[jj*nb+g0*bpg], 4*nb, &ss[j*gc], 4*n, mode)
		}
	})
}

// sumF32Any returns Σ v in order.
func sumF32Any(v []float32) float32 {
	var s float32
	for _, x := range v {
		s += x
	}
	return s
}

//go:noescape
func neonAddWeightedCodes(y *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32)

// addWeightedNEON: codes through neonAddWeightedCodes (up to neonQueries
// weight rows per pass over the unpacked chunk; the w*shift terms are
// summed per group and added to y once per call, in Go), fp16 and float32
// through addWeightedFloatNEON.
func addWeightedNEON(y []float32, r Rows, w []float32) {
	f := r.Format
	switch {
	case !f.Quantized():
		addWeightedFloatNEON(y, r, w)
		return
	case !neonCodes(f):
		addWeightedGeneric(y, r, w)
		return
	}
	n, cols := r.Len(), r.Cols
	nq := len(w) / n
	const qc = neonAux / 4
	for j0 := 0; j0 < nq; j0 += qc {
		j1 := min(nq, j0+qc)
		addWeightedCodesChunks(y[j0*cols:j1*cols], r, w[j0*n:j1*n])
	}
}

func addWeightedCodesChunks(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	G, groups := f.Group, f.Groups(cols)
	n := r.Len()
	nq := len(w) / n
	passes := (nq + neonQueries - 1) / neonQueries
	var buf [neonChunk]byte
	var wm [neonAux]float32
	gs, ge := 0, 0 // the groups whose wm is pending
	flush := func() {
		gc := ge - gs
		for j := 0; j < nq; j++ {
			p, jj := j/neonQueries, j%neonQueries
			for g := gs; g < ge; g++ {
				v := wm[(p*gc+g-gs)*neonQueries+jj]
				yg := y[j*cols+g*G : j*cols+(g+1)*G]
				for c := range yg {
					yg[c] += v
				}
			}
		}
		clear(wm[:passes*gc*neonQueries])
	}
	codeChunks(f, n, cols, neonAux/(passes*neonQueries), func(g0, g1 int) {
		if ge > gs {
			flush()
		}
		gs, ge = g0, g1
	}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(&buf, r, i0, i1, g0, g1)
		gi, gc := i0*groups+g0, g1-g0
		for j := 0; j < nq; j += neonQueries {
			neonAddWeightedCodes(&y[j*cols+g0*G], &buf[0], i1-i0, gc, G, &r.Scales[gi], minsOf(r, gi), -symOffset(f),
				&w[j*n+i0], 4*n, min(neonQueries, nq-j), 4*cols, &wm[j*gc])
		}
	})
	flush()
}

//go:noescape
func neonDotF32(out *float32, data *byte, n, cols, rowstride int, x *float32, xstride, nq, ostride int)

//go:noescape
func neonDotF16(out *float32, data *byte, n, cols, rowstride int, x *float32, xstride, nq, ostride int)

//go:noescape
func neonAddWeightedF32(y *float32, data *byte, n, cols, rowstride int, w *float32, wstride, nq, ystride int)

//go:noescape
func neonAddWeightedF16(y *float32, data *byte, n, cols, rowstride int, w *float32, wstride, nq, ystride int)

//go:noescape
func neonDotQ8F32(out *float32, data *byte, n, cols, rowstride int, x *int8, xstride, nq, ostride int, qs *float32, qsstride int)

//go:noescape
func neonDotQ8F16(out *float32, data *byte, n, cols, rowstride int, x *int8, xstride, nq, ostride int, qs *float32, qsstride int)

// dotFloatNEON is Dot on fp16 and float32 rows: the asm takes the first
// cols&^3 columns, Go the rest.
func dotFloatNEON(out []float32, r Rows, x []float32) {
	n, cols := r.Len(), r.Cols
	nq := len(x) / cols
	if n == 0 {
		return
	}
	c4, es := cols&^3, r.Format.Bits/8
	if c4 > 0 {
		if es == 2 {
			neonDotF16(&out[0], &r.Data[0], n, c4, 2*cols, &x[0], 4*cols, nq, 4*n)
		} else {
			neonDotF32(&out[0], &r.Data[0], n, c4, 4*cols, &x[0], 4*cols, nq, 4*n)
		}
	} else {
		clear(out)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			var d float32
			for c := c4; c < cols; c++ {
				d += floatAt(r, i*cols+c) * x[j*cols+c]
			}
			out[j*n+i] += d
		}
	}
}

// addWeightedFloatNEON is AddWeighted on fp16 and float32 rows: the asm
// takes the first cols&^3 columns, Go the rest.
func addWeightedFloatNEON(y []float32, r Rows, w []float32) {
	n, cols := r.Len(), r.Cols
	nq := len(w) / n
	c4, es := cols&^3, r.Format.Bits/8
	if c4 > 0 {
		if es == 2 {
			neonAddWeightedF16(&y[0], &r.Data[0], n, c4, 2*cols, &w[0], 4*n, nq, 4*cols)
		} else {
			neonAddWeightedF32(&y[0], &r.Data[0], n, c4, 4*cols, &w[0], 4*n, nq, 4*cols)
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			for c := c4; c < cols; c++ {
				y[j*cols+c] += w[j*n+i] * floatAt(r, i*cols+c)
			}
		}
	}
}

// dotQ8FloatNEON is DotQ8 on fp16 and float32 rows: the asm takes the
// first cols&^3 columns, Go the rest (part of the last Q8 block).
func dotQ8FloatNEON(out []float32, r Rows, q *Q8) {
	n, cols, nq := r.Len(), r.Cols, q.Len()
	if n == 0 {
		return
	}
	nb := q8Blocks(cols, cols)
	c4, es := cols&^3, r.Format.Bits/8
	if c4 > 0 {
		if es == 2 {
			neonDotQ8F16(&out[0], &r.Data[0], n, c4, 2*cols, &q.Values[0], cols, nq, 4*n, &q.Scales[0], 4*nb)
		} else {
			neonDotQ8F32(&out[0], &r.Data[0], n, c4, 4*cols, &q.Values[0], cols, nq, 4*n, &q.Scales[0], 4*nb)
		}
	} else {
		clear(out)
	}
	if c4 == cols {
		return
	}
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			var d float32
			for c := c4; c < cols; c++ {
				d += floatAt(r, i*cols+c) * float32(q.Values[j*cols+c])
			}
			out[j*n+i] += q.Scales[j*nb+nb-1] * d
		}
	}
}

//go:noescape
func neonQuantizeQ8(values *int8, x *float32, scales, sums *float32, groups, group int)

//go:noescape
func neonSoftmaxMax(x *float32, n int) float32

//go:noescape
func neonSoftmaxExp(x *float32, n int, m float32) float32

//go:noescape
func neonSoftmaxScale(x *float32, n int, s float32)

// quantizeQ8NEON is QuantizeQ8: x is cut into groups of q.Group values,
// and those into blocks, the same way for every query row.
func quantizeQ8NEON(q *Q8, x []float32) {
	neonQuantizeQ8(&q.Values[0], &x[0], &q.Scales[0], &q.Sums[0], len(x)/q.Group, q.Group)
}

// softmaxNEON is Softmax: the max, exp and scale passes in asm over
// the first len(x)&^3 values, the rest in Go.
func softmaxNEON(x []float32) {
	n4 := len(x) &^ 3
	m := float32(math.Inf(-1))
	if n4 > 0 {
		m = neonSoftmaxMax(&x[0], n4)
	}
	nan := m != m
	for _, v := range x[n4:] {
		m = max(m, v)
		nan = nan || v != v
	}
	if nan || math.IsInf(float64(m), 0) {
		for k := range x {
			x[k] = float32(math.NaN())
		}
		return
	}
	var sum float32
	if n4 > 0 {
		sum = neonSoftmaxExp(&x[0], n4, m)
	}
	for k := n4; k < len(x); k++ {
		x[k] = exp32(x[k] - m)
		sum += x[k]
	}
	inv := 1 / sum
	if n4 > 0 {
		neonSoftmaxScale(&x[0], n4, inv)
	}
	for k := n4; k < len(x); k++ {
		x[k] *= inv
	}
}
