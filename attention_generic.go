package lowbit

// attnGeneric is the reference of the attention kernels (see attnKernels),
// in float32: the scores eight keys at a time in eight accumulators, the
// values four keys at a time per output row, exp32 for every exponential.
var attnGeneric = attnKernels{
	scores:  attnScoresGeneric,
	softmax: attnSoftmaxGeneric,
	values:  attnValuesGeneric,
	colSums: attnColSumsGeneric,
}

func attnScoresGeneric(s []float32, sStride int, q []float32, d, rows int, kt []float32, strips int) {
	for st := range strips {
		strip := kt[st*attnStrip*d : (st+1)*attnStrip*d]
		for r := range rows {
			qr := q[r*d : (r+1)*d]
			out := s[r*sStride+st*attnStrip:][:attnStrip]
			for half := 0; half < attnStrip; half += 8 {
				var a0, a1, a2, a3, a4, a5, a6, a7 float32
				for c, x := range qr {
					k := strip[c*attnStrip+half:][:8]
					a0 += x * k[0]
					a1 += x * k[1]
					a2 += x * k[2]
					a3 += x * k[3]
					a4 += x * k[4]
					a5 += x * k[5]
					a6 += x * k[6]
					a7 += x * k[7]
				}
				o := out[half : half+8]
				o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7] = a0, a1, a2, a3, a4, a5, a6, a7
			}
		}
	}
}

func attnSoftmaxGeneric(s []float32, sStride, rows, width int, rng []int32, m, l, beta, mt []float32, softCap float32, p []float32, pStride int) {
	for r := range rows {
		row := s[r*sStride : r*sStride+width]
		a, b := int(rng[2*r]), int(rng[2*r+1])
		if a >= b {
			clear(row)
			clear(p[r*pStride : r*pStride+width])
			beta[r], mt[r] = 1, m[r]
			continue
		}
		vis := row[a:b]
		if softCap > 0 {
			inv := 1 / softCap
			for i, x := range vis {
				vis[i] = softCap32(x, softCap, inv)
			}
		}
		mx := m[r]
		for _, x := range vis {
			mx = max(mx, x)
		}
		clear(row[:a])
		clear(row[b:])
		var sum float32
		for i, x := range vis {
			e := exp32(x - mx)
			vis[i] = e
			sum += e
		}
		beta[r] = exp32(m[r] - mx) // 0 for m[r] = -Inf
		l[r] = l[r]*beta[r] + sum
		m[r], mt[r] = mx, mx
		copy(p[r*pStride:r*pStride+width], row)
	}
}

// softCap32 returns c·tanh(x/c) in float32 (inv = 1/c, rounded), with
// tanh(y) = sign(y)·(1-e)/(1+e), e = exp32(-2|y|): an absolute error of a
// few ulp of c (the cancellation in 1-e for small |y|), as the vector
// kernels compute it.
func softCap32(x, c, inv float32) float32 {
	y := x * inv
	e := exp32(-2 * abs32(y))
	t := (1 - e) / (1 + e)
	if y < 0 {
		t = -t
	}
	return c * t
}

func attnValuesGeneric(o []float32, dv int, p []float32, sStride, rows int, v []float32, vStrip, keys int, beta []float32) {
	for r := range rows {
		or := o[r*dv : (r+1)*dv]
		if b := beta[r]; b != 1 {
			for c := range or {
				or[c] *= b
			}
		}
		pr := p[r*sStride : r*sStride+keys]
		for c0 := 0; c0 < dv; c0 += attnStrip {
			attnValuesStrip((*[attnStrip]float32)(or[c0:]), pr, v[c0/attnStrip*vStrip:])
		}
	}
}

// attnValuesStrip adds Σ_k p[k] * v[k*16 : k*16+16] to o, four keys at a
// time; the last keys as one partial group, summed as a whole group would
// be, so that a later call that sees more keys of the tile (zeros for this
// row) gives the row the same bits. Every product is rounded on its own
// (the float32 conversions): where the compiler fuses a multiply into an
// add (arm64, GOAMD64=v3) which product it fuses differs between a whole
// group and a partial one, and did differ in a fuzz-instrumented arm64
// build (fuzz/testdata/fuzz/FuzzAttention/d7-n150).
func attnValuesStrip(o *[attnStrip]float32, p, v []float32) {
	keys := len(p)
	k := 0
	for ; k+4 <= keys; k += 4 {
		p0, p1, p2, p3 := p[k], p[k+1], p[k+2], p[k+3]
		v0 := (*[attnStrip]float32)(v[k*attnStrip:])
		v1 := (*[attnStrip]float32)(v[(k+1)*attnStrip:])
		v2 := (*[attnStrip]float32)(v[(k+2)*attnStrip:])
		v3 := (*[attnStrip]float32)(v[(k+3)*attnStrip:])
		for c := range o {
			o[c] += float32(p0*v0[c]) + float32(p1*v1[c]) + float32(p2*v2[c]) + float32(p3*v3[c])
		}
	}
	switch p, v := p[k:], v[k*attnStrip:]; keys - k {
	case 1:
		v0 := (*[attnStrip]float32)(v)
		for c := range o {
			o[c] += float32(p[0] * v0[c])
		}
	case 2:
		v0, v1 := (*[attnStrip]float32)(v), (*[attnStrip]float32)(v[attnStrip:])
		for c := range o {
			o[c] += float32(p[0]*v0[c]) + float32(p[1]*v1[c])
		}
	case 3:
		v0, v1, v2 := (*[attnStrip]float32)(v), (*[attnStrip]float32)(v[attnStrip:]), (*[attnStrip]float32)(v[2*attnStrip:])
		for c := range o {
			o[c] += float32(p[0]*v0[c]) + float32(p[1]*v1[c]) + float32(p[2]*v2[c])
		}
	}
}

func attnColSumsGeneric(cs, p []float32, pStride, rows, width, tiles int, mt []float32, rs int, m, invL, alpha []float32) {
	for t := range tiles {
		for r := range rows {
			alpha[t*rs+r] = exp32(mt[t*rs+r]-m[r]) * invL[r] // 0 for mt = -Inf
		}
	}
	cs = cs[:width]
	clear(cs)
	for r := range rows {
		pr := p[r*pStride : r*pStride+width]
		for t := 0; t*attnTile < width; t++ {
			a := alpha[t*rs+r]
			k0 := t * attnTile
			for k, x := range pr[k0:min(width, k0+attnTile)] {
				cs[k0+k] += a * x
			}
		}
	}
}
