package lowbit

import "github.com/lowbit-ml/lowbit/pack"

// AddWeightedQ8Rows is the number of consecutive rows whose weights
// AddWeightedQ8 rounds to one scale (per weight row and group).
const AddWeightedQ8Rows = 64

// addWeightedQ8Generic is AddWeightedQ8 in Go, the reference of its
// rounding: for each weight row j, block of AddWeightedQ8Rows rows and
// group g, the products P_i = w[j][i]·scale_ig are rounded to
// u_i = round-to-nearest-even(P_i·127/max|P|) (all 0 when max|P| is below
// 2^-120), a = max|P|/127, and each column c of the group gains
// a·Σ_i u_i·q_ic (an exact integer sum) plus the block's shift term: Σ_i
// w[j][i]·min_ig (asymmetric) or a·(−2^(Bits−1)·Σ_i u_i) (symmetric).
// r holds codes (Implementation.AddWeightedQ8 sends float rows to
// AddWeighted).
func addWeightedQ8Generic(y []float32, r Rows, w []float32) {
	f := r.Format
	n, cols, groups := r.Len(), r.Cols, f.Groups(r.Cols)
	if n == 0 {
		return
	}
	for j := 0; j < len(w)/n; j++ {
		for b0 := 0; b0 < n; b0 += AddWeightedQ8Rows {
			b1 := min(n, b0+AddWeightedQ8Rows)
			for g := range groups {
				addWeightedQ8Block(y[j*cols:(j+1)*cols], r, w[j*n:(j+1)*n], b0, b1, g)
			}
		}
	}
}

// addWeightedQ8Block adds rows [b0, b1) of group g of r, weighted by w
// rounded as addWeightedQ8Generic says, to the group's columns of y.
func addWeightedQ8Block(y []float32, r Rows, w []float32, b0, b1, g int) {
	f := r.Format
	var u [AddWeightedQ8Rows]int32
	a, shift := addWeightedQ8Weights(&u, r, w, b0, b1, g)
	rb, gb := f.RowBytes(r.Cols), f.Group*f.Bits/8
	var codes [pack.BlockLen]byte
	for start := 0; start < f.Group; start += pack.BlockLen {
		var acc [pack.BlockLen]int32
		m := min(pack.BlockLen, f.Group-start)
		for i := b0; i < b1; i++ {
			if u[i-b0] == 0 {
				continue
			}
			grp := r.Data[i*rb+g*gb : i*rb+(g+1)*gb]
			pack.UnpackBlock(&codes, grp, f.Bits, f.Group, start)
			for c, q := range codes[:m] {
				acc[c] += u[i-b0] * int32(q)
			}
		}
		out := y[g*f.Group+start : g*f.Group+start+m]
		for c := range out {
			out[c] += a*float32(acc[c]) + shift
		}
	}
}

// addWeightedQ8Weights sets u[i−b0] to the rounded weights of rows
// [b0, b1) of group g of r and returns their scale a and the block's
// shift term (see addWeightedQ8Generic).
func addWeightedQ8Weights(u *[AddWeightedQ8Rows]int32, r Rows, w []float32, b0, b1, g int) (a, shift float32) {
	f := r.Format
	groups := f.Groups(r.Cols)
	var p [AddWeightedQ8Rows]float32
	var amax float32
	for i := b0; i < b1; i++ {
		p[i-b0] = w[i] * F16ToFloat32(r.Scales[i*groups+g])
		amax = max(amax, abs32(p[i-b0]))
	}
	if amax < q8MinMax {
		amax = 0 // 127/amax would overflow: every weight rounds to 0
	}
	var inv float32
	if amax != 0 {
		inv = 127 / amax
	}
	a = amax / 127
	var sum int32
	for i := range b1 - b0 {
		u[i] = int32(roundEven(clamp(p[i]*inv, -127, 127)))
		sum += u[i]
	}
	if f.Symmetric {
		return a, a * float32(-sum<<(f.Bits-1))
	}
	for i := b0; i < b1; i++ {
		shift += w[i] * F16ToFloat32(r.Mins[i*groups+g])
	}
	return a, shift
}
