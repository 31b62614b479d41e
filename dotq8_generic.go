package lowbit

import "github.com/lowbit-ml/lowbit/pack"

// dotQ8Generic is the reference DotQ8. Per block of codes it forms the
// exact integer sum Σ q*x8, then per group
// out += scale * Σ_b d_b*isum_b + shift * Σ_b Sums_b.
func dotQ8Generic(out []float32, r Rows, q *Q8) {
	if !r.Format.Quantized() {
		dotQ8FloatGeneric(out, r, q)
		return
	}
	f, cols := r.Format, r.Cols
	n, nq := r.Len(), q.Len()
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	nb := q8Blocks(f.Group, cols)
	var codes [pack.BlockLen]byte
	for i := 0; i < n; i++ {
		row := r.Data[i*rb : (i+1)*rb]
		for j := 0; j < nq; j++ {
			out[j*n+i] = 0
		}
		for g := 0; g < groups; g++ {
			grp := row[g*gb : (g+1)*gb]
			scale, shift := groupParams(r, i*groups+g)
			b0 := g * ((f.Group + 31) / 32) // first block of the group in a query row
			for start := 0; start < f.Group; start += pack.BlockLen {
				m := pack.UnpackBlock(&codes, grp, f.Bits, f.Group, start)
				col, b := g*f.Group+start, b0+start/pack.BlockLen
				for j := 0; j < nq; j++ {
					x8 := q.Values[j*cols+col : j*cols+col+m]
					var isum int32
					for k, v := range x8 {
						isum += int32(codes[k]) * int32(v)
					}
					out[j*n+i] += scale*(q.Scales[j*nb+b]*float32(isum)) + shift*q.Sums[j*nb+b]
				}
			}
		}
	}
}

// dotQ8FloatGeneric is DotQ8 for fp16 and float32 rows: the whole row is one
// group of blocks of 32 (the last may be shorter).
func dotQ8FloatGeneric(out []float32, r Rows, q *Q8) {
	cols := r.Cols
	n, nq, nb := r.Len(), q.Len(), q8Blocks(cols, cols)
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			var acc float32
			for b := 0; b < nb; b++ {
				var d float32
				for c := b * 32; c < min(cols, (b+1)*32); c++ {
					d += floatAt(r, i*cols+c) * float32(q.Values[j*cols+c])
				}
				acc += q.Scales[j*nb+b] * d
			}
			out[j*n+i] = acc
		}
	}
}
