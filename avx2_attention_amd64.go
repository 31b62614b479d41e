//go:build gc && !purego

package lowbit

import "unsafe"

// attnAVX2 is the attention kernels in AVX2 assembly
// (avx2_attention_amd64.s).
var attnAVX2 = attnKernels{
	scores:  attnScoresAVX2,
	softmax: attnSoftmaxAVX2,
	values:  attnValuesAVX2,
	colSums: attnColSumsAVX2,
}

// avx2AttnArgs is the argument block of the attention kernels; each reads
// the fields its comment in avx2_attention_amd64.s names.
type avx2AttnArgs struct {
	s       unsafe.Pointer // the tile's scores or probabilities, row 0
	sStride uintptr        // bytes between their rows
	x       unsafe.Pointer // scores: query row 0; values: output row 0; softmax: the ranges; colSums: the sums
	xStride uintptr        // bytes between query or output rows
	y       unsafe.Pointer // scores: the first strip of keys; values: the tile's first key in the first strip of values; softmax: the copy of the probabilities
	yStride uintptr        // values: bytes between strips of values; softmax: between the copy's rows; colSums: between the tiles' rows of mt and beta
	m       unsafe.Pointer // softmax, colSums: the running max per row
	l       unsafe.Pointer // softmax: the running sum; colSums: 1/sum
	beta    unsafe.Pointer // softmax, values: the rescaling per row; colSums: alpha
	mt      unsafe.Pointer // softmax, colSums: the tile's max per row
	rows    int
	cols    int // scores: values per query row; values: keys; softmax, colSums: vectors of 8 per row
	strips  int // scores: strips of 16 keys; values: strips of 16 columns; colSums: tiles
	softCap float32
	invCap  float32
	state   [2]uintptr // the kernels' own
}

func attnScoresAVX2(s []float32, sStride int, q []float32, d, rows int, kt []float32, strips int) {
	a := avx2AttnArgs{
		s: unsafe.Pointer(&s[0]), sStride: uintptr(4 * sStride),
		x: unsafe.Pointer(&q[0]), xStride: uintptr(4 * d),
		y: unsafe.Pointer(&kt[0]), rows: rows, cols: d, strips: strips,
	}
	_ = s[(rows-1)*sStride+strips*attnStrip-1]
	_ = q[rows*d-1]
	_ = kt[strips*attnStrip*d-1]
	avx2AttentionScores(&a)
}

func attnSoftmaxAVX2(s []float32, sStride, rows, width int, rng []int32, m, l, beta, mt []float32, softCap float32, p []float32, pStride int) {
	a := avx2AttnArgs{
		s: unsafe.Pointer(&s[0]), sStride: uintptr(4 * sStride),
		x: unsafe.Pointer(&rng[0]), y: unsafe.Pointer(&p[0]), yStride: uintptr(4 * pStride),
		m: unsafe.Pointer(&m[0]), l: unsafe.Pointer(&l[0]), beta: unsafe.Pointer(&beta[0]), mt: unsafe.Pointer(&mt[0]),
		rows: rows, cols: width / 8, softCap: softCap,
	}
	if softCap > 0 {
		a.invCap = 1 / softCap
	}
	_ = s[(rows-1)*sStride+width-1]
	_ = p[(rows-1)*pStride+width-1]
	_, _, _, _, _ = rng[2*rows-1], m[rows-1], l[rows-1], beta[rows-1], mt[rows-1]
	avx2AttentionSoftmax(&a)
}

func attnValuesAVX2(o []float32, dv int, p []float32, sStride, rows int, v []float32, vStrip, keys int, beta []float32) {
	a := avx2AttnArgs{
		s: unsafe.Pointer(&p[0]), sStride: uintptr(4 * sStride),
		x: unsafe.Pointer(&o[0]), xStride: uintptr(4 * dv),
		y: unsafe.Pointer(&v[0]), yStride: uintptr(4 * vStrip),
		beta: unsafe.Pointer(&beta[0]), rows: rows, cols: keys, strips: dv / attnStrip,
	}
	_ = p[(rows-1)*sStride+keys-1]
	_ = o[rows*dv-1]
	_ = v[(dv/attnStrip-1)*vStrip+keys*attnStrip-1]
	_ = beta[rows-1]
	avx2AttentionValues(&a)
}

func attnColSumsAVX2(cs, p []float32, pStride, rows, width, tiles int, mt []float32, rs int, m, invL, alpha []float32) {
	a := avx2AttnArgs{
		s: unsafe.Pointer(&p[0]), sStride: uintptr(4 * pStride),
		x: unsafe.Pointer(&cs[0]), yStride: uintptr(4 * rs),
		m: unsafe.Pointer(&m[0]), l: unsafe.Pointer(&invL[0]), beta: unsafe.Pointer(&alpha[0]), mt: unsafe.Pointer(&mt[0]),
		rows: rows, cols: width / 8, strips: tiles,
	}
	_ = p[(rows-1)*pStride+width-1]
	_ = cs[width-1]
	_, _ = mt[(tiles-1)*rs+rows-1], alpha[(tiles-1)*rs+rows-1]
	_, _ = m[rows-1], invL[rows-1]
	avx2AttentionColSums(&a)
}
