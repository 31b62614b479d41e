package fuzz

import (
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzDot compares Dot of every implementation with the exact dot
// products: rows of any format (quantized or raw codes, fp16 and float32
// with NaN and ±Inf), one to nine query rows of any float32 values.
func FuzzDot(f *testing.F) { f.Fuzz(fuzzDot) }

func fuzzDot(t *testing.T, data []byte) {
	c := decodeRowCase(t, data, math.MaxFloat32)
	x := dotOperand(t, c)
	if c.misuse >= 0 {
		misuseDot(t, c, x)
		return
	}
	want := dotSums(c.rows, x, c.nq)
	roundings, amp := dotFloatRoundings, 1.0
	if c.f.Quantized() {
		roundings, amp = dotCodeRoundings, codeAmp
	}
	xBefore := append([]float32(nil), x...)
	var generic []float32
	for _, im := range implementations() {
		out := guarded(t, canaries(c.nq*c.n), c.atStart)
		fail(t, c, "", samePanic(im, nil, catch(func() { im.Dot(out, c.rows, x) })))
		if generic == nil {
			generic = append([]float32(nil), out...)
		}
		for k, v := range out {
			if err := want[k].check(v, roundings, amp); err != nil {
				t.Fatalf("%s Dot, %s: row %d, query %d: %v (generic gives %v)", im, c, k%max(c.n, 1), k/max(c.n, 1), err, generic[k])
			}
		}
		fail(t, c, "", unchanged(im, "x", xBefore, x), c.checkRowsUnchanged(im))
	}
}

// dotOperand draws the query rows of a Dot or DotQ8 case.
func dotOperand(t *testing.T, c *rowCase) []float32 { return c.operand(t, c.nq*c.cols) }

// dotSums returns the exact sums of Dot(out, r, x): out[j*n+i] = Σ_c
// scale·q·x + min·x (codes) or Σ_c v·x.
func dotSums(r lowbit.Rows, x []float32, nq int) []exactSum {
	n, cols := r.Len(), r.Cols
	sums := make([]exactSum, nq*n)
	for i := 0; i < n; i++ {
		p := decodeRow(r, i)
		for j := 0; j < nq; j++ {
			s, xj := &sums[j*n+i], x[j*cols:(j+1)*cols]
			for col, v := range xj {
				if p.vals != nil {
					s.add(p.vals[col], float64(v))
					continue
				}
				g := col / r.Format.Group
				s.add(p.scale[g], float64(p.codes[col]), float64(v))
				a, b := p.shiftFactors(g)
				s.add(a, b, float64(v))
				s.mayReach(p.scale[g], signedCodeBound(p, col, r.Format), float64(v))
			}
		}
	}
	return sums
}

// misuseDot makes the invalid Dot call c.misuse names with every
// implementation: each must panic as generic does and leave out alone.
func misuseDot(t *testing.T, c *rowCase, x []float32) {
	r := c.misusedRows()
	x = resized(x, resize(c.misuse, len(x), true))
	if c.misuse == misuseOther {
		x = nil
	}
	out := canaries(resize(c.misuse, c.nq*c.n, false))
	var generic any
	for k, im := range implementations() {
		got := append([]float32(nil), out...)
		p := catch(func() { im.Dot(got, r, x) })
		if k == 0 {
			generic = p
		}
		fail(t, c, "", samePanic(im, generic, p))
		if p != nil {
			fail(t, c, "out after a panic", unchanged(im, "out", out, got))
		}
	}
}
