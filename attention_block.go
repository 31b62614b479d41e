package lowbit

import "math"

// The O(n²) work of Attention: a block of query tokens against the tiles of
// keys it sees, in the kernels of one implementation.

// attnKernels are one implementation's attention kernels: the O(n²·d) and
// O(n²) steps of a block, which attnRunBlock drives tile by tile. Rows come
// in passes of attnRows (rows is a multiple of it for scores and values),
// keys in strips of attnStrip.
type attnKernels struct {
	// scores sets s[r*sStride + i] = Σ_c q[r*d+c] * kt[(i/16)*16*d + c*16 + i%16]
	// for rows r < rows and keys i < 16*strips.
	scores func(s []float32, sStride int, q []float32, d, rows int, kt []float32, strips int)
	// softmax runs one tile of the online softmax on rows < rows of s
	// (width values each, a multiple of 16): the entries outside
	// [rng[2r], rng[2r+1]) become -Inf, the others are soft-capped (cap >
	// 0); with m' = max(m[r], the row's max), beta[r] = exp(m[r] - m'),
	// the entries become exp(s - m'), l[r] = l[r]*beta[r] + their sum,
	// and m[r] = mt[r] = m'. A row with an empty range becomes zeros and
	// keeps m and l (beta 1). The rows' final entries are also copied to
	// p (pStride apart; 64-byte aligned rows), where they are kept for
	// the importance sums and not read again soon (avx2 writes them
	// around the caches).
	softmax func(s []float32, sStride, rows, width int, rng []int32, m, l, beta, mt []float32, softCap float32, p []float32, pStride int)
	// values sets o[r*dv+c] = beta[r]*o[r*dv+c] + Σ_{k<keys} p[r*sStride+k] * v[(c/16)*vStrip + k*16 + c%16]
	// for rows r < rows and columns c < dv (a multiple of 16): v holds the
	// values in strips of 16 columns, vStrip values apart.
	values func(o []float32, dv int, p []float32, sStride, rows int, v []float32, vStrip, keys int, beta []float32)
	// colSums sets, for the tiles t < tiles of the block (128 keys each),
	// alpha[t*rs+r] = exp(mt[t*rs+r] - m[r]) * invL[r] for rows r < rows,
	// then cs[k] = Σ_{r<rows} alpha[(k/128)*rs+r] * p[r*pStride+k] for
	// k < width (a multiple of 16): row by row, so that p streams.
	colSums func(cs, p []float32, pStride, rows, width, tiles int, mt []float32, rs int, m, invL, alpha []float32)
	// scaleTo, if not nil, sets dst[i] = src[i]*s + z for i < len(src)
	// (z = -0 leaves every product as it is, z = +0 turns -0 into +0):
	// the scaling of the queries and of the outputs, which attnRunBlock
	// otherwise runs in Go.
	scaleTo func(dst, src []float32, s, z float32)
	// maxAbs, if not nil, is maxAbsFold (for finite x).
	maxAbs func(m, x []float32)
}

// negZero is -0: added to a product, it leaves the product as it is (+0
// would turn a product of -0 into +0).
var negZero = float32(math.Copysign(0, -1))

// attnRunBlock computes the query tokens [t0, t1) (at most a.block) as one
// block: its rows (token-major, then head) against the tiles of keys they
// see, then the outputs and the importance sums.
func attnRunBlock(k *attnKernels, a *AttentionKV, s *AttentionScratch, out, q []float32, t0, t1 int, colSums, maxAbsQ []float32) {
	p := &a.p
	g, d, dv := p.Group, p.Dim, a.vStride
	rows := (t1 - t0) * g
	rp := roundUp(rows, attnRows)

	// The block's queries, scaled; padding rows are zero and see nothing.
	// A token's rows lie next to each other in q and in s.q.
	for t := t0; t < t1; t++ {
		src := q[t*a.stride:][:g*d]
		dst := s.q[(t-t0)*g*d:][:g*d]
		if k.scaleTo != nil {
			k.scaleTo(dst, src, a.scale, negZero)
		} else {
			for c, x := range src {
				dst[c] = x * a.scale
			}
		}
		if maxAbsQ != nil {
			for h := range g {
				if k.maxAbs != nil {
					k.maxAbs(maxAbsQ, src[h*d:(h+1)*d])
				} else {
					maxAbsFold(maxAbsQ, src[h*d:(h+1)*d])
				}
			}
		}
	}
	clear(s.q[rows*d : rp*d])
	clear(s.o[:rp*dv])
	ninf := float32(math.Inf(-1))
	for r := range rp {
		s.m[r], s.l[r] = ninf, 0
		if p.Sinks != nil && r < rows {
			s.m[r], s.l[r] = p.Sinks[r%g], 1
		}
	}

	// The tiles of keys the block sees: from the first key its first token
	// sees to its last token.
	lo := 0
	if p.Window > 0 {
		lo = max(0, t0-p.Window+1)
	}
	j0, j1 := lo/attnTile, (t1-1)/attnTile+1
	for j := j0; j < j1; j++ {
		k0 := j * attnTile
		width := min(attnTile, roundUp(t1, attnStrip)-k0)
		keys := min(attnTile, t1-k0)
		k.scores(s.tile, attnTileStride, s.q, d, rp, a.kt[k0*d:], width/attnStrip)
		for r := range rp {
			ra, rb := 0, 0
			if r < rows {
				t := t0 + r/g
				first := 0
				if p.Window > 0 {
					first = t - p.Window + 1
				}
				ra, rb = max(first-k0, 0), min(t+1-k0, width)
				if rb <= ra {
					ra, rb = 0, 0
				}
			}
			s.rng[2*r], s.rng[2*r+1] = int32(ra), int32(rb)
		}
		// The copy of the tile's probabilities: rp rows of attnTile values
		// in a row, after those of the tiles before.
		k.softmax(s.tile, attnTileStride, rp, width, s.rng, s.m, s.l, s.beta, s.mt[(j-j0)*rp:], p.SoftCap, s.p[(j-j0)*rp*attnTile:], attnTile)
		k.values(s.o, dv, s.tile, attnTileStride, rp, a.vt[k0*attnStrip:], p.Len*attnStrip, keys, s.beta)
	}

	// The outputs, and the importance sums of the block.
	for r := range rows {
		t, h := t0+r/g, r%g
		inv := 1 / s.l[r]
		s.l[r] = inv
		src := s.o[r*dv:][:d]
		dst := out[t*a.stride+h*d:][:d]
		// + 0 turns -0 into +0: a row's sum may end in either sign of
		// zero depending on the zero terms of the keys after it that a
		// longer block adds (the only difference that the block
		// boundaries make to a row).
		if k.scaleTo != nil {
			k.scaleTo(dst, src, inv, 0)
			continue
		}
		for c, x := range src {
			dst[c] = x*inv + 0
		}
	}
	if colSums == nil {
		return
	}
	// Tile by tile: a tile's copies are rows × attnTile values in a row
	// (see the softmax call), fewer pages to walk than rows a block's
	// width apart (32768 tokens, avx512: 4% faster).
	k0 := j0 * attnTile
	width := roundUp(t1, attnStrip) - k0
	for t := range j1 - j0 {
		w := min(attnTile, width-t*attnTile)
		k.colSums(s.cs[t*attnTile:], s.p[t*rp*attnTile:], attnTile, rows, w, 1, s.mt[t*rp:], rp, s.m, s.l, s.alpha[t*rp:])
	}
	dst := colSums[k0:t1]
	for i, x := range s.cs[:len(dst)] {
		dst[i] += x
	}
}
