package lowbit

import "github.com/lowbit-ml/lowbit/pack"

// addWeightedGeneric is the reference AddWeighted:
// y[j*Cols+c] += Σ_i w[j*n+i] * deq(r[i,c]). Per row and block it forms
// w*scale and w*shift once, so the per-value work is one multiply-add.
func addWeightedGeneric(y []float32, r Rows, w []float32) {
	if !r.Format.Quantized() {
		addWeightedFloatGeneric(y, r, w)
		return
	}
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
