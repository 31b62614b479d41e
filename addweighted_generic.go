package lowbit

import "github.com/lowbit-ml/lowbit/pack"

// addWeightedGeneric is the reference AddWeighted:
// y[j*Cols+c] += Σ_i w[j*n+i] * deq(r[i,c]). It reads the codes in place,
// as the generic Dot does (nibbles_generic.go), the other way round: per
// weight row, each code byte adds w*scale of its row to a bucket of its
// position and value (a histogram: one for each nibble value, or from
// byteTableRows rows on one for each byte value), and w*shift to its
// group's sum; at the end each value's buckets times its field of the
// bucket's nibble or byte, and its group's shift sum, are added to y.
// 8-bit codes (outside byte tables) are multiplied directly, groups too
// long for the tables run addWeightedUnpacked.
func addWeightedGeneric(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	if !f.Quantized() {
		addWeightedFloatGeneric(y, r, w)
		return
	}
	n := r.Len()
	if n == 0 {
		return
	}
	weights := addWeightedNibbles
	switch pickPath(f, n, true) {
	case bytePath:
		weights = addWeightedBytes
	case directPath:
		weights = addWeighted8
	case unpackPath:
		addWeightedUnpacked(y, r, w)
		return
	}
	for j := 0; j < len(w)/n; j++ {
		weights(y[j*cols:(j+1)*cols], r, w[j*n:(j+1)*n])
	}
}

// addWeightedNibbles adds to y the rows of r weighted by w through nibble
// buckets.
func addWeightedNibbles(y []float32, r Rows, w []float32) {
	var h [32 * nibbleBytes]float32
	addWeightedBuckets(y, r, w, codeBuckets{h: h[:]})
}

// addWeightedBytes is addWeightedNibbles through byte buckets, for calls
// of many rows.
func addWeightedBytes(y []float32, r Rows, w []float32) {
	var h [32 * byteTableBytes]float32
	var hb [256 * byteTableBytes]float32
	addWeightedBuckets(y, r, w, codeBuckets{h: h[:], hb: hb[:]})
}

// codeBuckets are a chunk's buckets: nibble buckets for len(h)/32 code
// bytes at most, and byte buckets if hb is not nil (folded into the nibble
// buckets at the end).
type codeBuckets struct {
	h, hb []float32
}

// addWeightedBuckets adds to y the rows of r weighted by w, chunk by chunk
// of whole groups, through the buckets b.
func addWeightedBuckets(y []float32, r Rows, w []float32, b codeBuckets) {
	f := r.Format
	gb, groups := f.Group*f.Bits/8, f.Groups(r.Cols)
	var ws, ms [nibbleBytes]float32 // a chunk has at most nibbleBytes groups
	chunk := len(b.h) / 32 / gb
	for g0 := 0; g0 < groups; g0 += chunk {
		g1 := min(groups, g0+chunk)
		ng := g1 - g0
		h := b.h[:32*ng*gb]
		if b.hb != nil {
			clear(b.hb[:256*ng*gb])
		} else {
			clear(h)
		}
		clear(ms[:ng])
		c := newRowChunk(r, g0, g1)
		for i, wi := range w {
			sc, sh := c.params(i)
			weightScales(ws[:ng], ms[:ng], sc, sh, wi)
			if b.hb != nil {
				byteBuckets(b.hb[:256*ng*gb], c.codes(i), ws[:ng], gb)
			} else {
				nibbleBuckets(h, c.codes(i), ws[:ng], gb)
			}
		}
		if b.hb != nil {
			foldByteBuckets(h, b.hb[:256*ng*gb])
		}
		addBuckets(y[g0*f.Group:g1*f.Group], h, ms[:ng], f)
	}
}

// addWeighted8 is addWeightedNibbles for 8-bit codes, which need no
// buckets: a code byte is a code, in the order of the values (pack's
// layout of 8-bit codes), multiplied by w*scale as it is.
func addWeighted8(y []float32, r Rows, w []float32) {
	f := r.Format
	groups := f.Groups(r.Cols)
	var ws, ms [nibbleBytes]float32
	for g0 := 0; g0 < groups; g0 += nibbleBytes {
		g1 := min(groups, g0+nibbleBytes)
		ng := g1 - g0
		clear(ms[:ng])
		c := newRowChunk(r, g0, g1)
		yc := y[g0*f.Group : g1*f.Group]
		for i, wi := range w {
			sc, sh := c.params(i)
			weightScales(ws[:ng], ms[:ng], sc, sh, wi)
			p := c.codes(i)
			for g, s := range ws[:ng] {
				addCodes(yc[g*f.Group:(g+1)*f.Group], p[g*f.Group:(g+1)*f.Group], s)
			}
		}
		addShifts(yc, ms[:ng], f)
	}
}

// addCodes adds s*q[k] to y[k] (len(q) a multiple of 8, len(y) >= len(q)).
func addCodes(y []float32, q []byte, s float32) {
	y = y[:len(q)]
	for len(q) >= 8 && len(y) >= 8 {
		y[0] += s * codeFloat[q[0]]
		y[1] += s * codeFloat[q[1]]
		y[2] += s * codeFloat[q[2]]
		y[3] += s * codeFloat[q[3]]
		y[4] += s * codeFloat[q[4]]
		y[5] += s * codeFloat[q[5]]
		y[6] += s * codeFloat[q[6]]
		y[7] += s * codeFloat[q[7]]
		q, y = q[8:], y[8:]
	}
}

// weightScales sets ws[g] = wi*scale_g and adds wi*shift_g to ms[g] for
// one row's groups, from its fp16 scales sc and shifts sh.
func weightScales(ws, ms []float32, sc, sh []uint16, wi float32) {
	sc, sh, ms = sc[:len(ws)], sh[:len(ws)], ms[:len(ws)]
	for g := range ws {
		ws[g] = wi * f16(sc[g])
		ms[g] += wi * f16(sh[g])
	}
}

// nibbleBuckets adds ws[g] to the buckets h[32*k+p[k]&15] and
// h[32*k+16+p[k]>>4] of every code byte k of group g (gb bytes per group).
func nibbleBuckets(h []float32, p []byte, ws []float32, gb int) {
	p, h = p[:len(ws)*gb], h[:32*len(ws)*gb]
	for g, s := range ws {
		q, t := p[g*gb:(g+1)*gb], h[32*g*gb:32*(g+1)*gb]
		for len(q) >= 4 {
			u := (*[4 * 32]float32)(t)
			b0, b1, b2, b3 := uint(q[0]), uint(q[1]), uint(q[2]), uint(q[3])
			u[b0&15] += s
			u[16+b0>>4] += s
			u[32+b1&15] += s
			u[48+b1>>4] += s
			u[64+b2&15] += s
			u[80+b2>>4] += s
			u[96+b3&15] += s
			u[112+b3>>4] += s
			q, t = q[4:], t[4*32:]
		}
		for k, b := range q {
			u := (*[32]float32)(t[32*k:])
			u[b&15] += s
			u[16+int(b>>4)] += s
		}
	}
}

// byteBuckets adds ws[g] to the bucket h[256*k+p[k]] of every code byte k
// of group g (gb bytes per group). Groups of 2 and 4 bytes (the small
// groups of 2- and 4-bit codes) have loops with constant offsets, longer
// ones take 8 bytes at a time.
func byteBuckets(h []float32, p []byte, ws []float32, gb int) {
	p, h = p[:len(ws)*gb], h[:256*len(ws)*gb]
	switch gb {
	case 2:
		for _, s := range ws {
			q, u := (*[2]byte)(p), (*[2 * 256]float32)(h)
			u[q[0]] += s
			u[256+int(q[1])] += s
			p, h = p[2:], h[2*256:]
		}
		return
	case 4:
		for _, s := range ws {
			q, u := (*[4]byte)(p), (*[4 * 256]float32)(h)
			u[q[0]] += s
			u[256+int(q[1])] += s
			u[512+int(q[2])] += s
			u[768+int(q[3])] += s
			p, h = p[4:], h[4*256:]
		}
		return
	}
	for g, s := range ws {
		q, t := p[g*gb:(g+1)*gb], h[256*g*gb:256*(g+1)*gb]
		for len(q) >= 8 {
			u := (*[8 * 256]float32)(t)
			u[q[0]] += s
			u[256+int(q[1])] += s
			u[512+int(q[2])] += s
			u[768+int(q[3])] += s
			u[1024+int(q[4])] += s
			u[1280+int(q[5])] += s
			u[1536+int(q[6])] += s
			u[1792+int(q[7])] += s
			q, t = q[8:], t[8*256:]
		}
		for k, b := range q {
			t[256*k+int(b)] += s
		}
	}
}

// foldByteBuckets sets the nibble buckets h of every byte k from its byte
// buckets hb: a low nibble's bucket v sums the byte buckets 16*hi+v, a
// high nibble's the buckets 16*v+lo.
func foldByteBuckets(h, hb []float32) {
	for k := range len(h) / 32 {
		lo, hi := (*[16]float32)(h[32*k:]), (*[16]float32)(h[32*k+16:])
		clear(lo[:])
		for v := range 16 {
			row := (*[16]float32)(hb[256*k+16*v:])
			var s float32
			for l, b := range row {
				lo[l] += b
				s += b
			}
			hi[v] = s
		}
	}
}

// addBuckets adds to y (the columns of the chunk's groups) the nibble
// buckets h, each value its bucket times its field of the bucket's nibble
// (shifted to the field's place in the code), and the groups' shift sums
// ms. Every bucket is taken, those of zero fields too, so that a NaN or
// infinite weight reaches every value, as in the products of the other
// kernels.
func addBuckets(y, h, ms []float32, f Format) {
	gb := f.Group * f.Bits / 8
	for g := range ms {
		yg := y[g*f.Group : (g+1)*f.Group]
		hg := h[32*g*gb : 32*(g+1)*gb]
		shift := 0
		for _, w := range pack.Planes(f.Bits) {
			nb := f.Group * w / 8
			for j := range nb {
				addByteBuckets(yg, (*[32]float32)(hg[32*j:]), w, shift, f.Group, j)
			}
			hg = hg[32*nb:]
			shift += w
		}
	}
	addShifts(y, ms, f)
}

// addByteBuckets adds the buckets t of byte j of a plane of width w (shift:
// its lowest code bit) of a group of n values to the values yg of the
// group: the inverse of fillByteTables. Per field of a nibble, the sum of
// the buckets times the field's value in them, times 2^shift.
func addByteBuckets(yg []float32, t *[32]float32, w, shift, n, j int) {
	if w >= 4 {
		for h := range 2 {
			c, sh := j, shift+4*h // w = 8: one code, shifted by 4 in the high nibble
			if w == 4 {
				c, sh = 2*j+h, shift
			}
			b := (*[16]float32)(t[16*h:])
			var s0, s1 float32
			for v := 0; v < 16; v += 2 {
				s0 += codeFloat[v] * b[v]
				s1 += codeFloat[v+1] * b[v+1]
			}
			yg[pack.PlaneColumn(w, n, c)] += (s0 + s1) * codeFloat[1<<sh]
		}
		return
	}
	per := 8 / w // fields per byte, per/2 per nibble
	mask := uint(1)<<w - 1
	for f := range per {
		b := (*[16]float32)(t[16*(f/(per/2)):]) // the field's nibble
		fs := uint(f%(per/2)*w) & 7             // and place in it
		var s float32
		for v, x := range b {
			s += codeFloat[uint(v)>>fs&mask&15] * x
		}
		yg[pack.PlaneColumn(w, n, j*per+f)] += s * codeFloat[1<<shift]
	}
}

// addShifts adds to every value of group g of y (the chunk's groups) its
// shift sum ms[g], times -2^(Bits-1) for symmetric formats (whose shifts
// are their scales).
func addShifts(y, ms []float32, f Format) {
	mult := float32(1)
	if f.Symmetric {
		mult = -float32(int(1) << (f.Bits - 1))
	}
	for g, m := range ms {
		m *= mult
		for c := range y[g*f.Group : (g+1)*f.Group] {
			y[g*f.Group+c] += m
		}
	}
}

// addWeightedUnpacked is AddWeighted on groups too long for the buckets:
// each block of codes is unpacked and converted to float32 once for all
// weight rows.
func addWeightedUnpacked(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	n := r.Len()
	nq := len(w) / n
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	var codes [pack.BlockLen]byte
	var vals [pack.BlockLen]float32
	for i := 0; i < n; i++ {
		row := r.Data[i*rb : (i+1)*rb]
		for g := 0; g < groups; g++ {
			grp := row[g*gb : (g+1)*gb]
			scale, shift := groupParams(r, i*groups+g)
			for start := 0; start < f.Group; start += pack.BlockLen {
				m := pack.UnpackBlock(&codes, grp, f.Bits, f.Group, start)
				for k := 0; k < m; k++ {
					vals[k] = codeFloat[codes[k]]
				}
				col := g*f.Group + start
				for j := 0; j < nq; j++ {
					wi := w[j*n+i]
					ws, wm := wi*scale, wi*shift
					yj := y[j*cols+col : j*cols+col+m]
					for k, v := range vals[:m] {
						yj[k] += ws*v + wm
					}
				}
			}
		}
	}
}

// addWeightedFloatGeneric is AddWeighted for fp16 and float32 rows.
func addWeightedFloatGeneric(y []float32, r Rows, w []float32) {
	cols := r.Cols
	n := r.Len()
	nq := len(w) / n
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			wi := w[j*n+i]
			yj := y[j*cols : (j+1)*cols]
			for c := range yj {
				yj[c] += wi * floatAt(r, i*cols+c)
			}
		}
	}
}
