package lowbit

import (
	"encoding/binary"
	"math"

	"github.com/lowbit-ml/lowbit/pack"
)

// Chunking of the generic Dot: the sums Σx per query row and group are
// formed once per call (not once per row) in a buffer on the stack, for up
// to dotChunkQueries query rows and dotChunkGroups groups at a time. Longer
// rows and more queries are processed chunk by chunk.
const (
	dotChunkQueries = 8
	dotChunkGroups  = 32
)

// dotGeneric is the reference Dot: out[j*n+i] = Σ_c deq(r[i,c]) * x[j*Cols+c].
// Per group of codes it forms Σ q*x, then adds scale*Σq*x + shift*Σx.
func dotGeneric(out []float32, r Rows, x []float32) {
	if !r.Format.Quantized() {
		dotFloatGeneric(out, r, x)
		return
	}
	cols, groups := r.Cols, r.Format.Groups(r.Cols)
	n, nq := r.Len(), len(x)/cols
	clear(out)
	var xs [dotChunkQueries * dotChunkGroups]float32
	for j0 := 0; j0 < nq; j0 += dotChunkQueries {
		qn := min(dotChunkQueries, nq-j0)
		for g0 := 0; g0 < groups; g0 += dotChunkGroups {
			g1 := min(groups, g0+dotChunkGroups)
			dotChunk(out[j0*n:(j0+qn)*n], r, x[j0*cols:(j0+qn)*cols], g0, g1, &xs)
		}
	}
}

// dotChunk adds to out the dot products of every row of r with the query
// rows x, over the groups [g0, g1).
func dotChunk(out []float32, r Rows, x []float32, g0, g1 int, xs *[dotChunkQueries * dotChunkGroups]float32) {
	f, cols := r.Format, r.Cols
	n, qn := r.Len(), len(x)/cols
	// xs[j*dotChunkGroups+g-g0]: Σx over group g in query row j.
	for j := 0; j < qn; j++ {
		for g := g0; g < g1; g++ {
			var s float32
			for _, v := range x[j*cols+g*f.Group : j*cols+(g+1)*f.Group] {
				s += v
			}
			xs[j*dotChunkGroups+g-g0] = s
		}
	}
	if qn == 1 {
		dotChunk1(out, r, x, g0, g1, xs[:g1-g0])
		return
	}
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	var codes [unpackChunk]byte
	var vals [unpackChunk]float32
	var dots [dotChunkQueries]float32
	for i := 0; i < n; i++ {
		row := r.Data[i*rb : (i+1)*rb]
		for g := g0; g < g1; g++ {
			grp := row[g*gb : (g+1)*gb]
			clear(dots[:])
			for s0 := 0; s0 < f.Group; s0 += unpackChunk {
				m := unpackCodes(&codes, grp, f.Bits, f.Group, s0)
				for k, q := range codes[:m] {
					vals[k] = codeFloat[q]
				}
				col := g*f.Group + s0
				for j := 0; j < qn; j++ {
					dots[j] += dotFloats(vals[:m], x[j*cols+col:j*cols+col+m])
				}
			}
			scale, shift := groupParams(r, i*groups+g)
			for j := 0; j < qn; j++ {
				out[j*n+i] += scale*dots[j] + shift*xs[j*dotChunkGroups+g-g0]
			}
		}
	}
}

// dotChunk1 is dotChunk for one query row, the common case: the codes go
// straight from bytes to the multiply.
func dotChunk1(out []float32, r Rows, x []float32, g0, g1 int, xs []float32) {
	f, cols := r.Format, r.Cols
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	if (f.Bits == 4 || f.Bits == 2) && f.Group%pack.BlockLen == 0 {
		dotChunk1InPlace(out, r, x, g0, g1, xs)
		return
	}
	var codes [unpackChunk]byte
	for i := range out {
		row := r.Data[i*rb : (i+1)*rb]
		var acc float32
		for g := g0; g < g1; g++ {
			grp := row[g*gb : (g+1)*gb]
			var d float32
			for s0 := 0; s0 < f.Group; s0 += unpackChunk {
				m := unpackCodes(&codes, grp, f.Bits, f.Group, s0)
				d += dotCodes(codes[:m], x[g*f.Group+s0:])
			}
			scale, shift := groupParams(r, i*groups+g)
			acc += scale*d + shift*xs[g-g0]
		}
		out[i] += acc
	}
}

// dotChunk1InPlace is dotChunk1 for 4- and 2-bit codes in groups of whole
// blocks: each block's bytes are read in place (dotNibbles, dotPairs)
// rather than unpacked to a buffer first: 1.35-1.4 times as fast (one
// query row, 1024 rows of 128 values in groups of 64: 4-bit 2.2 against
// 1.6 values/ns, 2-bit 2.3 against 1.6).
func dotChunk1InPlace(out []float32, r Rows, x []float32, g0, g1 int, xs []float32) {
	f := r.Format
	rb, gb, groups := f.RowBytes(r.Cols), f.Group*f.Bits/8, f.Groups(r.Cols)
	for i := range out {
		row := r.Data[i*rb : (i+1)*rb]
		var acc float32
		for g := g0; g < g1; g++ {
			var d float32
			if f.Bits == 4 {
				d = dotNibbles(row[g*gb:(g+1)*gb], x[g*f.Group:(g+1)*f.Group])
			} else {
				d = dotPairs(row[g*gb:(g+1)*gb], x[g*f.Group:(g+1)*f.Group])
			}
			scale, shift := groupParams(r, i*groups+g)
			acc += scale*d + shift*xs[g-g0]
		}
		out[i] += acc
	}
}

// dotNibbles returns Σ q_k x_k over a group of 4-bit codes q stored as
// pack lays them out (per block of 32, byte k holds codes k and k+16) in p;
// len(x) = 2 len(p), a multiple of 32. The table is read through a local
// pointer, so that its address stays in a register.
func dotNibbles(p []byte, x []float32) float32 {
	lut := &codeFloat
	var d0, d1, d2, d3 float32
	for len(p) >= 16 && len(x) >= 32 {
		q, y := p[:16], x[:32]
		for k := 0; k < 16; k += 2 {
			b0, b1 := q[k], q[k+1]
			d0 += lut[b0&15] * y[k]
			d1 += lut[b0>>4] * y[k+16]
			d2 += lut[b1&15] * y[k+1]
			d3 += lut[b1>>4] * y[k+17]
		}
		p, x = p[16:], x[32:]
	}
	return (d0 + d1) + (d2 + d3)
}

// dotPairs is dotNibbles for 2-bit codes (per block of 32, byte k holds
// codes k, k+8, k+16 and k+24); len(x) = 4 len(p).
func dotPairs(p []byte, x []float32) float32 {
	lut := &codeFloat
	var d0, d1, d2, d3 float32
	for len(p) >= 8 && len(x) >= 32 {
		q, y := p[:8], x[:32]
		for k := range 8 {
			b := q[k]
			d0 += lut[b&3] * y[k]
			d1 += lut[b>>2&3] * y[k+8]
			d2 += lut[b>>4&3] * y[k+16]
			d3 += lut[b>>6] * y[k+24]
		}
		p, x = p[8:], x[32:]
	}
	return (d0 + d1) + (d2 + d3)
}

// unpackChunk is the most codes the generic kernels unpack at a time: a
// whole group, or a stretch of 256 values (8 blocks) of a longer one.
const unpackChunk = 256

// unpackCodes unpacks up to unpackChunk codes of a group of n values from
// value s0 (a multiple of unpackChunk) into codes and returns how many.
func unpackCodes(codes *[unpackChunk]byte, grp []byte, bits, n, s0 int) int {
	m := min(unpackChunk, n-s0)
	pack.UnpackRange(codes[:m], grp, bits, n, s0)
	return m
}

// dotCodes returns Σ q_k x_k; len(q) is a multiple of 8 and len(x) >= len(q).
func dotCodes(q []byte, x []float32) float32 {
	var d0, d1, d2, d3 float32
	x = x[:len(q)]
	for len(q) >= 8 && len(x) >= 8 {
		d0 += codeFloat[q[0]]*x[0] + codeFloat[q[4]]*x[4]
		d1 += codeFloat[q[1]]*x[1] + codeFloat[q[5]]*x[5]
		d2 += codeFloat[q[2]]*x[2] + codeFloat[q[6]]*x[6]
		d3 += codeFloat[q[3]]*x[3] + codeFloat[q[7]]*x[7]
		q, x = q[8:], x[8:]
	}
	return (d0 + d1) + (d2 + d3)
}

// dotFloats returns Σ v_k x_k (len(x) >= len(v)).
func dotFloats(v, x []float32) float32 {
	x = x[:len(v)]
	var d0, d1 float32
	k := 0
	for ; k+1 < len(v); k += 2 {
		d0 += v[k] * x[k]
		d1 += v[k+1] * x[k+1]
	}
	if k < len(v) {
		d0 += v[k] * x[k]
	}
	return d0 + d1
}

// dotFloatGeneric is Dot for fp16 and float32 rows.
func dotFloatGeneric(out []float32, r Rows, x []float32) {
	cols := r.Cols
	n, nq := r.Len(), len(x)/cols
	var vals [pack.BlockLen]float32
	clear(out)
	for i := 0; i < n; i++ {
		for c := 0; c < cols; c += pack.BlockLen {
			m := loadFloats(&vals, r, i*cols+c, min(pack.BlockLen, cols-c))
			for j := 0; j < nq; j++ {
				out[j*n+i] += dotFloats(vals[:m], x[j*cols+c:j*cols+c+m])
			}
		}
	}
}

// loadFloats reads m <= 32 fp16 or float32 values of r, from value k on,
// into vals and returns m.
func loadFloats(vals *[pack.BlockLen]float32, r Rows, k, m int) int {
	if r.Format.Bits == 16 {
		d := r.Data[2*k : 2*(k+m)]
		for i := range vals[:m] {
			vals[i] = F16ToFloat32(binary.LittleEndian.Uint16(d[2*i:]))
		}
		return m
	}
	d := r.Data[4*k : 4*(k+m)]
	for i := range vals[:m] {
		vals[i] = math.Float32frombits(binary.LittleEndian.Uint32(d[4*i:]))
	}
	return m
}
