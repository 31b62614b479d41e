//go:build gc && !purego

package lowbit

// dotNEON is Dot: codes through neonDotCodes (groups of 8 and 16:
// neonDotCodesG8, G16), up to neonQueries query rows per pass over the
// unpacked chunk; fp16 and float32 through dotFloatNEON.
func dotNEON(out []float32, r Rows, x []float32) {
	pick(r.Format, neonCodes, dotFloatNEON, dotCodesNEON, dotGeneric)(out, r, x)
}

// dotCodesNEON is Dot on the code formats the neon kernels serve.
func dotCodesNEON(out []float32, r Rows, x []float32) {
	n, cols := r.Len(), r.Cols
	nq := len(x) / cols
	clear(out)
	if n == 0 {
		return
	}
	neonQueryChunks(nq, func(j0, j1 int) {
		dotCodesChunks(out[j0*n:j1*n], r, x[j0*cols:j1*cols])
	})
}

func dotCodesChunks(out []float32, r Rows, x []float32) {
	f, cols := r.Format, r.Cols
	G, groups := f.Group, f.Groups(cols)
	n, nq := r.Len(), len(x)/cols
	var stack neonBuf
	buf := neonCodeBuf(&stack, f)
	var xs [neonAux]float32
	gc := 0
	codeChunks(f, n, cols, len(buf)-neonSlack, neonAux/nq, func(g0, g1 int) {
		gc = neonGroupSums(xs[:], nq, g0, g1, func(j, g int) float32 { return sumF32(x[j*cols+g*G : j*cols+(g+1)*G]) })
	}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(buf, r, i0, i1, g0, g1)
		gi := i0*groups + g0
		if neonLane(G) {
			for j := 0; j < nq; j += neonQueries {
				neonCallDotCodes(G, &out[j*n+i0], &buf[0], i1-i0, gc*G, &r.Scales[gi], minsOf(r, gi), -symOffset(f),
					&x[j*cols+g0*G], 4*cols, min(neonQueries, nq-j), &xs[j*gc], 4*gc, 4*n)
			}
			return
		}
		for j := 0; j < nq; j += neonQueries {
			dotFoldNEON(&out[j*n+i0], &buf[0], i1-i0, gc, G, &r.Scales[gi], minsOf(r, gi), 2*groups, -symOffset(f),
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

// dotFoldNEON runs neonDotCodes, or neonDotCodesTail on groups that are not
// a multiple of 32: a direct call each, so that the caller's buffers stay on
// its stack (a call through a function value would move them to the heap).
func dotFoldNEON(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride int, negOff float32, x *float32, xstride, nq int, xs *float32, ostride int) {
	if group%32 != 0 {
		neonDotCodesTail(out, codes, rows, groups, group, scales, mins, sstride, negOff, x, xstride, nq, xs, ostride)
		return
	}
	neonDotCodes(out, codes, rows, groups, group, scales, mins, sstride, negOff, x, xstride, nq, xs, ostride)
}
