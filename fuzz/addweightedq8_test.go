package fuzz

import (
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzAddWeightedQ8 compares AddWeightedQ8 of every implementation with
// the exact sums of its definition: the weights rounded per block of
// lowbit.AddWeightedQ8Rows rows, group and weight row (computed here in
// float32 as specified), times the codes, plus the rows' shifts; float
// rows, and weights AddWeightedQ8 does not round (beyond 2^64, NaN, ±Inf),
// against AddWeighted's exact sums. Rows with non-finite scales or mins
// have unspecified sums: only the call's safety is checked there.
func FuzzAddWeightedQ8(f *testing.F) { f.Fuzz(fuzzAddWeightedQ8) }

func fuzzAddWeightedQ8(t *testing.T, data []byte) {
	c := decodeRowCase(t, data, math.MaxFloat32)
	w, y0 := addWeightedOperands(t, c)
	if c.misuse >= 0 || c.n == 0 {
		return // AddWeightedQ8 checks its lengths as AddWeighted does (FuzzAddWeighted)
	}
	checked := !c.f.Quantized() || finiteParams(c.rows)
	var want []exactSum
	roundings, amp := addWeightedFloatRoundings, 1.0
	if c.f.Quantized() {
		roundings, amp = addWeightedCodeRoundings, codeAmp
	}
	if c.f.Quantized() && roundable(w) {
		want = addWeightedQ8Sums(c.rows, w, y0)
	} else {
		want = addWeightedSums(c.rows, w, y0)
	}
	wBefore := append([]float32(nil), w...)
	var generic []float32
	for _, im := range implementations() {
		y := guarded(t, y0, c.atStart)
		fail(t, c, "", samePanic(im, nil, catch(func() { im.AddWeightedQ8(y, c.rows, w) })))
		if generic == nil {
			generic = append([]float32(nil), y...)
		}
		for k, v := range y {
			if !checked {
				break
			}
			if err := want[k].check(v, roundings, amp); err != nil {
				t.Fatalf("%s AddWeightedQ8, %s: weight row %d, column %d: %v (generic gives %v)", im, c, k/c.cols, k%c.cols, err, generic[k])
			}
		}
		fail(t, c, "", unchanged(im, "w", wBefore, w), c.checkRowsUnchanged(im))
	}
}

// roundable reports whether AddWeightedQ8 rounds the weights w: all finite
// and at most 2^64 in magnitude.
func roundable(w []float32) bool {
	for _, v := range w {
		if !(math.Abs(float64(v)) <= 0x1p64) {
			return false
		}
	}
	return true
}

// finiteParams reports whether every scale and min of code rows r is
// finite.
func finiteParams(r lowbit.Rows) bool {
	for i := range r.Len() {
		p := decodeRow(r, i)
		for g := range p.scale {
			if math.IsInf(p.scale[g], 0) || math.IsNaN(p.scale[g]) || math.IsInf(p.shift[g], 0) || math.IsNaN(p.shift[g]) {
				return false
			}
		}
	}
	return true
}

// addWeightedQ8Sums returns the exact sums of AddWeightedQ8(y, r, w) on
// code rows: per output, the old y and, per row i of its block, a·u_i·q
// plus the row's shift term (w·min, or a·u_i·(−offset) when symmetric),
// with u_i and a rounded in float32 as lowbit.AddWeightedQ8 specifies.
func addWeightedQ8Sums(r lowbit.Rows, w, y []float32) []exactSum {
	n, cols, f := r.Len(), r.Cols, r.Format
	nq, groups := len(y)/cols, cols/f.Group
	sums := make([]exactSum, len(y))
	for k, v := range y {
		sums[k].add(float64(v))
	}
	parts := make([]rowParts, n)
	for i := range n {
		parts[i] = decodeRow(r, i)
	}
	u := make([]float64, lowbit.AddWeightedQ8Rows)
	for j := range nq {
		for b0 := 0; b0 < n; b0 += lowbit.AddWeightedQ8Rows {
			b1 := min(n, b0+lowbit.AddWeightedQ8Rows)
			for g := range groups {
				var amax float32
				for i := b0; i < b1; i++ {
					amax = max(amax, float32(math.Abs(float64(w[j*n+i]*float32(parts[i].scale[g])))))
				}
				if amax < 0x1p-120 {
					amax = 0
				}
				var inv float32
				if amax != 0 {
					inv = 127 / amax
				}
				a := float64(amax / 127)
				for i := b0; i < b1; i++ {
					u[i-b0] = math.RoundToEven(float64(w[j*n+i] * float32(parts[i].scale[g]) * inv))
				}
				for i := b0; i < b1; i++ {
					p := parts[i]
					for col := g * f.Group; col < (g+1)*f.Group; col++ {
						s := &sums[j*cols+col]
						s.add(a, u[i-b0], float64(p.codes[col]))
						if f.Symmetric {
							s.add(a, u[i-b0], -p.offset)
						} else {
							s.add(float64(w[j*n+i]), p.shift[g])
						}
					}
				}
			}
		}
	}
	return sums
}
