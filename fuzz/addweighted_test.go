package fuzz

import (
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzAddWeighted compares AddWeighted of every implementation with the
// exact weighted sums: y[j*cols+c] + Σ_i w[j*n+i]·deq(r[i,c]), for one to
// nine weight rows over rows of any format.
func FuzzAddWeighted(f *testing.F) { f.Fuzz(fuzzAddWeighted) }

func fuzzAddWeighted(t *testing.T, data []byte) {
	c := decodeRowCase(t, data, math.MaxFloat32)
	w, y0 := addWeightedOperands(t, c)
	if c.misuse >= 0 {
		misuseAddWeighted(t, c, w, y0)
		return
	}
	if c.n == 0 {
		w = nil // no rows take no weights
	}
	want := addWeightedSums(c.rows, w, y0)
	roundings, amp := addWeightedFloatRoundings, 1.0
	if c.f.Quantized() {
		roundings, amp = addWeightedCodeRoundings, codeAmp
	}
	wBefore := append([]float32(nil), w...)
	var generic []float32
	for _, im := range implementations() {
		y := guarded(t, y0, c.atStart)
		fail(t, c, "", samePanic(im, nil, catch(func() { im.AddWeighted(y, c.rows, w) })))
		if generic == nil {
			generic = append([]float32(nil), y...)
		}
		for k, v := range y {
			if err := want[k].check(v, roundings, amp); err != nil {
				t.Fatalf("%s AddWeighted, %s: weight row %d, column %d: %v (generic gives %v)", im, c, k/c.cols, k%c.cols, err, generic[k])
			}
		}
		fail(t, c, "", unchanged(im, "w", wBefore, w), c.checkRowsUnchanged(im))
	}
}

// addWeightedOperands draws the weights (guarded) and the old y of an
// AddWeighted case.
func addWeightedOperands(t *testing.T, c *rowCase) (w, y []float32) {
	w = c.operand(t, c.nq*c.n)
	return w, c.values(c.nq*c.cols, c.opStyle, c.f.Group)
}

// addWeightedSums returns the exact sums of AddWeighted(y, r, w): per
// output, the old y and, per row i, w·scale·q and w·min (codes) or w·v.
func addWeightedSums(r lowbit.Rows, w, y []float32) []exactSum {
	n, cols := r.Len(), r.Cols
	nq := len(y) / cols
	sums := make([]exactSum, len(y))
	for k, v := range y {
		sums[k].add(float64(v))
	}
	for i := 0; i < n; i++ {
		p := decodeRow(r, i)
		for j := 0; j < nq; j++ {
			wi := float64(w[j*n+i])
			for col := 0; col < cols; col++ {
				s := &sums[j*cols+col]
				if p.vals != nil {
					s.add(wi, p.vals[col])
					continue
				}
				g := col / r.Format.Group
				s.add(wi, p.scale[g], float64(p.codes[col]))
				a, b := p.shiftFactors(g)
				s.add(wi, a, b)
				s.mayReach(wi, p.scale[g], signedCodeBound(p, col, r.Format))
			}
		}
	}
	return sums
}

// misuseAddWeighted makes the invalid AddWeighted call that c.misuse names
// with every implementation: each must panic as generic does and leave y
// alone.
func misuseAddWeighted(t *testing.T, c *rowCase, w, y0 []float32) {
	r := c.misusedRows()
	w = resized(w, resize(c.misuse, len(w), true))
	if c.misuse == misuseOther {
		w = nil
	}
	y0 = resized(y0, resize(c.misuse, len(y0), false))
	var generic any
	for k, im := range implementations() {
		y := append([]float32(nil), y0...)
		p := catch(func() { im.AddWeighted(y, r, w) })
		if k == 0 {
			generic = p
		}
		fail(t, c, "", samePanic(im, generic, p))
		if p != nil {
			fail(t, c, "y after a panic", unchanged(im, "y", y0, y))
		}
	}
}
