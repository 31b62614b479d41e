//go:build gc && !purego

package lowbit

// addWeightedNEON: codes through neonAddWeightedCodes (groups of 8 and 16:
// neonAddWeightedCodesG8, G16; up to neonQueries weight rows per pass over
// the unpacked chunk; the w*shift terms are
// summed per group and added to y once per call, in Go), fp16 and float32
// through addWeightedFloatNEON.
func addWeightedNEON(y []float32, r Rows, w []float32) {
	pick(r.Format, neonCodes, addWeightedFloatNEON, addWeightedCodesNEON, addWeightedGeneric)(y, r, w)
}

// addWeightedCodesNEON is AddWeighted on the code formats the neon kernels
// serve.
func addWeightedCodesNEON(y []float32, r Rows, w []float32) {
	n, cols := r.Len(), r.Cols
	nq := len(w) / n
	neonQueryChunks(nq, func(j0, j1 int) {
		addWeightedCodesChunks(y[j0*cols:j1*cols], r, w[j0*n:j1*n])
	})
}

func addWeightedCodesChunks(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	G, groups := f.Group, f.Groups(cols)
	n := r.Len()
	nq := len(w) / n
	passes := (nq + neonQueries - 1) / neonQueries
	lane := neonLane(G)
	var stack neonBuf
	buf := neonCodeBuf(&stack, f)
	var wm [neonAux]float32
	// wm holds Σ w*shift per weight row and group of the pending groups:
	// the fold kernel's per pass and group, 4 weight rows a group; the
	// per-lane kernels' per weight row, a group a float.
	wmAt := func(j, g, gc int) int { return (j/neonQueries*gc+g)*neonQueries + j%neonQueries }
	wmLen := passes * neonQueries // per group
	if lane {
		wmAt = func(j, g, gc int) int { return j*gc + g }
		wmLen = nq
	}
	gs, ge := 0, 0 // the groups whose wm is pending
	flush := func() {
		gc := ge - gs
		for j := 0; j < nq; j++ {
			for g := gs; g < ge; g++ {
				v := wm[wmAt(j, g-gs, gc)]
				yg := y[j*cols+g*G : j*cols+(g+1)*G]
				for c := range yg {
					yg[c] += v
				}
			}
		}
		clear(wm[:wmLen*gc])
	}
	codeChunks(f, n, cols, len(buf)-neonSlack, neonAux/wmLen, func(g0, g1 int) {
		if ge > gs {
			flush()
		}
		gs, ge = g0, g1
	}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(buf, r, i0, i1, g0, g1)
		gi, gc := i0*groups+g0, g1-g0
		for j := 0; j < nq; j += neonQueries {
			if lane {
				neonCallAddWeightedCodes(G, &y[j*cols+g0*G], &buf[0], i1-i0, gc*G, &r.Scales[gi], minsOf(r, gi), -symOffset(f),
					&w[j*n+i0], 4*n, min(neonQueries, nq-j), 4*cols, &wm[j*gc], 4*gc)
				continue
			}
			addWeightedFoldNEON(&y[j*cols+g0*G], &buf[0], i1-i0, gc, G, &r.Scales[gi], minsOf(r, gi), -symOffset(f),
				&w[j*n+i0], 4*n, min(neonQueries, nq-j), 4*cols, &wm[j*gc])
		}
	})
	flush()
}

// addWeightedFoldNEON runs neonAddWeightedCodes, or neonAddWeightedCodesTail on groups that are not
// a multiple of 32: a direct call each, so that the caller's buffers stay on
// its stack (a call through a function value would move them to the heap).
func addWeightedFoldNEON(y *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, w *float32, wstride, nq, ystride int, wm *float32) {
	if group%32 != 0 {
		neonAddWeightedCodesTail(y, codes, rows, groups, group, scales, mins, negOff, w, wstride, nq, ystride, wm)
		return
	}
	neonAddWeightedCodes(y, codes, rows, groups, group, scales, mins, negOff, w, wstride, nq, ystride, wm)
}
