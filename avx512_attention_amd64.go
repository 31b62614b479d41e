//go:build gc && !purego

package lowbit

import "unsafe"

// attnAVX512 is the attention kernels of the avx512 tier, in AVX-512
// assembly: the scores and values (avx512_attention_amd64.s) in passes of
// 6 rows × 4 strips of 16 keys or columns, 24 ZMM accumulators; the
// softmax and importance sums (avx512_attention_softmax_amd64.s) 16 values
// a vector, as are the block's scaled queries, max|q| and outputs (scaleTo
// and maxAbs, which the other implementations run in Go).
//
// On an Intel Xeon (family 6 model 167; two 512-bit FMA pipes, 115 lanes
// per ns) the score and value kernels run at 75-80% of the ZMM FMA peak
// (BenchmarkAttentionKernels), the same loop without its loads at 97%:
// every 64-byte load and broadcast costs FMA throughput, and 6 × 4 is the
// shape of 24 accumulators with the fewest loads (10 per 24 FMA; 12 × 2
// measured slower, and FMAs with broadcast memory operands slower still).
var attnAVX512 = attnKernels{
	scores:  attnScoresAVX512,
	softmax: attnSoftmaxAVX512,
	values:  attnValuesAVX512,
	colSums: attnColSumsAVX512,
	scaleTo: attnScaleToAVX512,
	maxAbs:  attnMaxAbsAVX512,
}

// avx512AttnArgs is the argument block of the avx512 attention kernels;
// each reads the fields its comment in avx512_attention_amd64.s names,
// through the offsets go_asm.h defines (avx512AttnArgs_s, …).
type avx512AttnArgs struct {
	s       unsafe.Pointer // scores: the tile's scores (out); values: its probabilities
	sStride uintptr        // bytes between the rows of s
	x       unsafe.Pointer // scores: query row 0; values: output row 0
	xStride uintptr        // bytes between query or output rows
	y       unsafe.Pointer // scores: the first strip of keys; values: the tile's first key in the first strip of values
	yStride uintptr        // bytes from one strip of keys or values to the next
	beta    unsafe.Pointer // values, softmax: the rescaling per row
	m, l    unsafe.Pointer // softmax: the running max and sum per row
	mt      unsafe.Pointer // softmax: the tile's max per row
	rows    int            // scores, values: a multiple of 6
	cols    int            // scores: values per query row; values: keys; softmax: vectors of 16 per row
	passes  int            // passes over the rows, each of the kernel's strips (4, 3, 2 or 1)
	softCap float32        // softmax: the soft cap (0: none)
	invCap  float32        // softmax: 1/softCap

	// Kernel state.
	passesLeft, rowsLeft, betaCur uintptr
}

// attnPasses splits strips of 16 keys or columns into the passes of the
// avx512 kernels: quads, and one pass of the 1 to 3 strips left (0 if
// none).
func attnPasses(strips int) (quads, rest int) { return strips / 4, strips % 4 }

// attnSoftmaxAVX512 is attnKernels.softmax (avx512AttentionSoftmax).
func attnSoftmaxAVX512(s []float32, sStride, rows, width int, rng []int32, m, l, beta, mt []float32, softCap float32, p []float32, pStride int) {
	_ = s[(rows-1)*sStride+width-1]
	_ = p[(rows-1)*pStride+width-1]
	_, _, _, _, _ = rng[2*rows-1], m[rows-1], l[rows-1], beta[rows-1], mt[rows-1]
	a := avx512AttnArgs{
		s: unsafe.Pointer(&s[0]), sStride: uintptr(4 * sStride),
		x: unsafe.Pointer(&rng[0]), y: unsafe.Pointer(&p[0]), yStride: uintptr(4 * pStride),
		m: unsafe.Pointer(&m[0]), l: unsafe.Pointer(&l[0]), beta: unsafe.Pointer(&beta[0]), mt: unsafe.Pointer(&mt[0]),
		rows: rows, cols: width / attnStrip, softCap: softCap,
	}
	if softCap > 0 {
		a.invCap = 1 / softCap
	}
	avx512AttentionSoftmax(&a)
}

// attnColSumsAVX512 is attnKernels.colSums (avx512AttentionColSums).
func attnColSumsAVX512(cs, p []float32, pStride, rows, width, tiles int, mt []float32, rs int, m, invL, alpha []float32) {
	_ = p[(rows-1)*pStride+width-1]
	_ = cs[width-1]
	_, _ = mt[(tiles-1)*rs+rows-1], alpha[(tiles-1)*rs+rows-1]
	_, _ = m[rows-1], invL[rows-1]
	a := avx512AttnArgs{
		s: unsafe.Pointer(&p[0]), sStride: uintptr(4 * pStride),
		x: unsafe.Pointer(&cs[0]), yStride: uintptr(4 * rs),
		m: unsafe.Pointer(&m[0]), l: unsafe.Pointer(&invL[0]), beta: unsafe.Pointer(&alpha[0]), mt: unsafe.Pointer(&mt[0]),
		rows: rows, cols: width / attnStrip, passes: tiles,
	}
	avx512AttentionColSums(&a)
}

// attnScaleToAVX512 is attnKernels.scaleTo (avx512ScaleTo).
func attnScaleToAVX512(dst, src []float32, s, z float32) {
	_ = dst[len(src)-1]
	avx512ScaleTo(&dst[0], &src[0], len(src), s, z)
}

// attnMaxAbsAVX512 is attnKernels.maxAbs (avx512AttentionMaxAbs).
func attnMaxAbsAVX512(m, x []float32) {
	_ = x[len(m)-1]
	avx512AttentionMaxAbs(&m[0], &x[0], len(m))
}

// attnScoresAVX512 is attnKernels.scores: the quads of strips in one call
// of avx512AttentionScores4, the 1 to 3 strips left in one of
// avx512AttentionScores1-3.
func attnScoresAVX512(s []float32, sStride int, q []float32, d, rows int, kt []float32, strips int) {
	_ = s[(rows-1)*sStride+strips*attnStrip-1]
	_ = q[rows*d-1]
	_ = kt[strips*attnStrip*d-1]
	a := avx512AttnArgs{
		s: unsafe.Pointer(&s[0]), sStride: uintptr(4 * sStride),
		x: unsafe.Pointer(&q[0]), xStride: uintptr(4 * d),
		y: unsafe.Pointer(&kt[0]), yStride: uintptr(4 * attnStrip * d),
		rows: rows, cols: d,
	}
	quads, rest := attnPasses(strips)
	if quads > 0 {
		a.passes = quads
		avx512AttentionScores4(&a)
	}
	if rest == 0 {
		return
	}
	done := 4 * quads
	a.s = unsafe.Pointer(&s[done*attnStrip])
	a.y = unsafe.Pointer(&kt[done*attnStrip*d])
	a.passes = 1
	switch rest {
	case 1:
		avx512AttentionScores1(&a)
	case 2:
		avx512AttentionScores2(&a)
	default:
		avx512AttentionScores3(&a)
	}
}

// attnValuesAVX512 is attnKernels.values, its strips of columns split as
// attnScoresAVX512 splits its strips of keys.
func attnValuesAVX512(o []float32, dv int, p []float32, sStride, rows int, v []float32, vStrip, keys int, beta []float32) {
	strips := dv / attnStrip
	_ = p[(rows-1)*sStride+keys-1]
	_ = o[rows*dv-1]
	_ = v[(strips-1)*vStrip+keys*attnStrip-1]
	_ = beta[rows-1]
	a := avx512AttnArgs{
		s: unsafe.Pointer(&p[0]), sStride: uintptr(4 * sStride),
		x: unsafe.Pointer(&o[0]), xStride: uintptr(4 * dv),
		y: unsafe.Pointer(&v[0]), yStride: uintptr(4 * vStrip),
		beta: unsafe.Pointer(&beta[0]), rows: rows, cols: keys,
	}
	quads, rest := attnPasses(strips)
	if quads > 0 {
		a.passes = quads
		avx512AttentionValues4(&a)
	}
	if rest == 0 {
		return
	}
	done := 4 * quads
	a.x = unsafe.Pointer(&o[done*attnStrip])
	a.y = unsafe.Pointer(&v[done*vStrip])
	a.passes = 1
	switch rest {
	case 1:
		avx512AttentionValues1(&a)
	case 2:
		avx512AttentionValues2(&a)
	default:
		avx512AttentionValues3(&a)
	}
}

// The scores kernels (avx512_attention_amd64.s, body
// avx512_attention_scores_amd64.h): attnKernels.scores on passes of 4, 3,
// 2 or 1 strips of 16 keys.
//
//go:noescape
func avx512AttentionScores4(a *avx512AttnArgs)

// See avx512AttentionScores4.
//
//go:noescape
func avx512AttentionScores3(a *avx512AttnArgs)

// See avx512AttentionScores4.
//
//go:noescape
func avx512AttentionScores2(a *avx512AttnArgs)

// See avx512AttentionScores4.
//
//go:noescape
func avx512AttentionScores1(a *avx512AttnArgs)

// The values kernels (avx512_attention_amd64.s, body
// avx512_attention_values_amd64.h): attnKernels.values on passes of 4, 3,
// 2 or 1 strips of 16 columns.
//
//go:noescape
func avx512AttentionValues4(a *avx512AttnArgs)

// See avx512AttentionValues4.
//
//go:noescape
func avx512AttentionValues3(a *avx512AttnArgs)

// See avx512AttentionValues4.
//
//go:noescape
func avx512AttentionValues2(a *avx512AttnArgs)

// See avx512AttentionValues4.
//
//go:noescape
func avx512AttentionValues1(a *avx512AttnArgs)

// avx512AttentionSoftmax is attnKernels.softmax on 16 values a vector
// (avx512_attention_softmax_amd64.s).
//
//go:noescape
func avx512AttentionSoftmax(a *avx512AttnArgs)

// avx512AttentionColSums is attnKernels.colSums on 16 values a vector
// (avx512_attention_softmax_amd64.s).
//
//go:noescape
func avx512AttentionColSums(a *avx512AttnArgs)

// avx512ScaleTo sets dst[i] = src[i]*s + z for i < n
// (avx512_attention_softmax_amd64.s).
//
//go:noescape
func avx512ScaleTo(dst, src *float32, n int, s, z float32)

// avx512AttentionMaxAbs sets m[i] = max(m[i], |x[i]|) for i < n, as
// maxAbsFold does for finite x (avx512_attention_softmax_amd64.s).
//
//go:noescape
func avx512AttentionMaxAbs(m, x *float32, n int)
