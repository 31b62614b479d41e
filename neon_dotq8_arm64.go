//go:build gc && !purego

package lowbit

// dotQ8NEON is DotQ8: codes through neonDotQ8Codes (groups of 8 and 16:
// neonDotQ8Codes<mode>G8, G16), with SDOT/UDOT with dotprod, SMULL or
// widened MUL without; fp16 and float32 through dotQ8FloatNEON.
func dotQ8NEON(out []float32, r Rows, q *Q8, dotprod bool) {
	switch f := r.Format; {
	case !f.Quantized():
		dotQ8FloatNEON(out, r, q)
	case neonCodes(f):
		dotQ8CodesNEON(out, r, q, dotprod)
	default:
		dotQ8Generic(out, r, q)
	}
}

// dotQ8CodesNEON is DotQ8 on the code formats the neon kernels serve.
func dotQ8CodesNEON(out []float32, r Rows, q *Q8, dotprod bool) {
	f := r.Format
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
	neonQueryChunks(nq, func(j0, j1 int) {
		dotQ8CodesChunks(out[j0*n:j1*n], r, q, j0, j1, mode)
	})
}

func dotQ8CodesChunks(out []float32, r Rows, q *Q8, j0, j1, mode int) {
	f, cols := r.Format, r.Cols
	G, groups := f.Group, f.Groups(cols)
	n, nq := r.Len(), j1-j0
	nb, bpg := q8Blocks(G, cols), (G+31)/32
	var stack neonBuf
	buf := neonCodeBuf(&stack, f)
	var ss [neonAux]float32
	gc, lane := 0, neonLane(G)
	codeChunks(f, n, cols, len(buf)-neonSlack, neonAux/nq, func(g0, g1 int) {
		if lane { // one Q8 block per group: its Sums are read in place
			gc = g1 - g0
			return
		}
		gc = neonGroupSums(ss[:], nq, g0, g1, func(j, g int) float32 {
			b := (j0+j)*nb + g*bpg
			return sumF32Any(q.Sums[b : b+bpg])
		})
	}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(buf, r, i0, i1, g0, g1)
		gi := i0*groups + g0
		if lane {
			for j := 0; j < nq; j += neonQueries {
				jj := j0 + j
				neonCallDotQ8Codes(mode, G, &out[j*n+i0], &buf[0], i1-i0, gc*G, &r.Scales[gi], minsOf(r, gi), -symOffset(f),
					&q.Values[jj*cols+g0*G], cols, min(neonQueries, nq-j), &q.Scales[jj*nb+g0], &q.Sums[jj*nb+g0], 4*nb, 4*n)
			}
			return
		}
		for j := 0; j < nq; j += neonQueries {
			jj := j0 + j
			dotQ8FoldNEON(&out[j*n+i0], &buf[0], i1-i0, gc, G, &r.Scales[gi], minsOf(r, gi), -symOffset(f),
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

// dotQ8FoldNEON runs neonDotQ8Codes, or neonDotQ8CodesTail on groups that are not
// a multiple of 32: a direct call each, so that the caller's buffers stay on
// its stack (a call through a function value would move them to the heap).
func dotQ8FoldNEON(out *float32, codes *byte, rows, groups, group int, scales, mins *uint16, negOff float32, x *int8, xstride, nq int, qs *float32, qsstride int, ss *float32, ostride, mode int) {
	if group%32 != 0 {
		neonDotQ8CodesTail(out, codes, rows, groups, group, scales, mins, negOff, x, xstride, nq, qs, qsstride, ss, ostride, mode)
		return
	}
	neonDotQ8Codes(out, codes, rows, groups, group, scales, mins, negOff, x, xstride, nq, qs, qsstride, ss, ostride, mode)
}
