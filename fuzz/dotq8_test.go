package fuzz

import (
	"fmt"
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzDotQ8 quantizes query rows with QuantizeQ8 in every implementation
// (the Q8 must be the same bits, and the documented float32 steps), then
// compares DotQ8 of every implementation with the exact dot products of
// the rows and the quantized queries. Queries with NaN or ±Inf must be an
// error that leaves the Q8 as it was.
func FuzzDotQ8(f *testing.F) { f.Fuzz(fuzzDotQ8) }

func fuzzDotQ8(t *testing.T, data []byte) {
	c := decodeRowCase(t, data, math.MaxFloat32)
	x := dotOperand(t, c)
	if c.misuse >= 0 {
		misuseDotQ8(t, c, x)
		return
	}
	xBefore := append([]float32(nil), x...)
	var q, blank *lowbit.Q8
	var qerr error
	for k, im := range implementations() {
		qi := c.newQ8(t)
		if blank == nil {
			blank = cloneQ8(qi)
		}
		var err error
		fail(t, c, "", samePanic(im, nil, catch(func() { err = im.QuantizeQ8(qi, x) })))
		if k == 0 {
			q, qerr = qi, err
			fail(t, c, "", checkQuantizeQ8Spec(q, x, err))
		}
		fail(t, c, "", sameError(im, qerr, err), unchanged(im, "x", xBefore, x))
		if err != nil {
			fail(t, c, "a failed QuantizeQ8", sameQ8(im, qi, blank))
		} else {
			fail(t, c, "", sameQ8(im, qi, q))
		}
	}
	if qerr != nil {
		return
	}
	want, maxIsum := dotQ8Sums(c.rows, q)
	roundings, amp := dotQ8FloatRoundings, float64(dotQ8FloatAmp)
	if c.f.Quantized() {
		roundings, amp = dotQ8CodeRoundings, dotQ8CodeAmp(maxIsum, maxF16(c.rows.Scales))
	}
	qBefore := cloneQ8(q)
	var generic []float32
	for _, im := range implementations() {
		out := guarded(t, canaries(c.nq*c.n), c.atStart)
		fail(t, c, "", samePanic(im, nil, catch(func() { im.DotQ8(out, c.rows, q) })))
		if generic == nil {
			generic = append([]float32(nil), out...)
		}
		for k, v := range out {
			if err := want[k].check(v, roundings, amp); err != nil {
				t.Fatalf("%s DotQ8, %s: row %d, query %d: %v (generic gives %v)", im, c, k%max(c.n, 1), k/max(c.n, 1), err, generic[k])
			}
		}
		fail(t, c, "", sameQ8(im, q, qBefore), c.checkRowsUnchanged(im))
	}
}

// newQ8 returns a Q8 for c's queries in guarded memory, filled with
// garbage that QuantizeQ8 must overwrite.
func (c *rowCase) newQ8(t *testing.T) *lowbit.Q8 {
	q, err := lowbit.NewQ8(c.f, c.nq, c.cols)
	if err != nil {
		t.Fatalf("NewQ8(%s, %d, %d): %v", c.f, c.nq, c.cols, err)
	}
	for i := range q.Values {
		q.Values[i] = int8(i*37 + 11)
	}
	q.Values = guarded(t, q.Values, c.atStart)
	q.Scales = guarded(t, canaries(len(q.Scales)), c.atStart)
	q.Sums = guarded(t, canaries(len(q.Sums)), c.atStart)
	return q
}

// cloneQ8 returns a deep copy of q.
func cloneQ8(q *lowbit.Q8) *lowbit.Q8 {
	return &lowbit.Q8{Group: q.Group, Cols: q.Cols, Values: append([]int8(nil), q.Values...),
		Scales: append([]float32(nil), q.Scales...), Sums: append([]float32(nil), q.Sums...)}
}

// sameQ8 reports where got differs from want, bit for bit.
func sameQ8(im *lowbit.Implementation, got, want *lowbit.Q8) error {
	for i := range want.Values {
		if got.Values[i] != want.Values[i] {
			return fmt.Errorf("%s: Q8 Values[%d] = %d, want %d", im, i, got.Values[i], want.Values[i])
		}
	}
	if err := sameBits(got.Scales, want.Scales); err != nil {
		return fmt.Errorf("%s: Q8 Scales%v", im, err)
	}
	if err := sameBits(got.Sums, want.Sums); err != nil {
		return fmt.Errorf("%s: Q8 Sums%v", im, err)
	}
	return nil
}

// checkQuantizeQ8Spec checks generic's QuantizeQ8 against the documented
// steps: an error naming the first NaN or ±Inf, else refQuantizeQ8's bits.
func checkQuantizeQ8Spec(q *lowbit.Q8, x []float32, err error) error {
	for i, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			want := fmt.Sprintf("lowbit: QuantizeQ8: x[%d] = %v", i, v)
			if err == nil || err.Error() != want {
				return fmt.Errorf("generic QuantizeQ8 returned %v, want %q", err, want)
			}
			return nil
		}
	}
	if err != nil {
		return fmt.Errorf("generic QuantizeQ8 of finite values: %v", err)
	}
	ref := cloneQ8(q)
	refQuantizeQ8(ref, x)
	if err := sameQ8(lowbit.Generic(), q, ref); err != nil {
		return fmt.Errorf("against the documented steps: %v", err)
	}
	return nil
}

// dotQ8Sums returns the exact sums of DotQ8(out, r, q): per block b of 32
// (or fewer), scale·d_b·isum_b + min·Sums_b with isum_b = Σ q·x8 exact
// (codes), or Σ v·x8·d_b (fp16, float32); and the largest |isum_b|.
func dotQ8Sums(r lowbit.Rows, q *lowbit.Q8) (sums []exactSum, maxIsum float64) {
	n, nq, cols := r.Len(), q.Len(), r.Cols
	sums = make([]exactSum, nq*n)
	group := q.Group
	perGroup := (group + 31) / 32
	nb := cols / group * perGroup
	for i := 0; i < n; i++ {
		p := decodeRow(r, i)
		for j := 0; j < nq; j++ {
			s := &sums[j*n+i]
			x8 := q.Values[j*cols : (j+1)*cols]
			for g := 0; g < cols/group; g++ {
				for start := 0; start < group; start += 32 {
					b := j*nb + g*perGroup + start/32
					c0, c1 := g*group+start, g*group+min(group, start+32)
					d := float64(q.Scales[b])
					if p.vals != nil {
						for col := c0; col < c1; col++ {
							s.add(p.vals[col], float64(x8[col]), d)
						}
						continue
					}
					isum, iabs := 0, 0.0
					for col := c0; col < c1; col++ {
						isum += p.codes[col] * int(x8[col])
						iabs += signedCodeBound(p, col, r.Format) * math.Abs(float64(x8[col]))
					}
					maxIsum = max(maxIsum, math.Abs(float64(isum)))
					s.add(p.scale[g], d, float64(isum))
					sa, sb := p.shiftFactors(g)
					s.add(sa, sb, float64(q.Sums[b]))
					s.mayReach(p.scale[g], d, iabs) // the integer sum of signed codes
				}
			}
		}
	}
	return sums, maxIsum
}

// maxF16 returns the largest magnitude among fp16 values (0 if none;
// NaN and Inf are skipped, the checks treat those apart).
func maxF16(h []uint16) float64 {
	m := 0.0
	for _, v := range h {
		if a := math.Abs(f16Value(v)); a > m && !math.IsInf(a, 0) {
			m = a
		}
	}
	return m
}

// misuseDotQ8 makes the invalid QuantizeQ8 and DotQ8 calls that c.misuse
// names with every implementation: each must panic as generic does and
// leave its outputs alone.
func misuseDotQ8(t *testing.T, c *rowCase, x []float32) {
	r := c.misusedRows()
	q, err := lowbit.NewQ8(c.f, c.nq, c.cols)
	if err != nil {
		t.Fatalf("NewQ8: %v", err)
	}
	if err := lowbit.Generic().QuantizeQ8(q, x); err != nil {
		return // the queries hold NaN or ±Inf; FuzzDotQ8's other cases cover that
	}
	switch c.misuse {
	case misuseOpLonger, misuseOpShorter:
		q.Values = resized(q.Values, resize(c.misuse, len(q.Values), true))
		x = resized(x, resize(c.misuse, len(x), true))
	case misuseOther:
		// A Q8 lined up with another format's blocks: groups of 8, or
		// (if the rows have those) the whole row as fp16 rows do.
		other := lowbit.Quant(2, 8)
		if c.f.Quantized() && c.f.Group == 8 {
			other = lowbit.F16
		}
		if o, err := lowbit.NewQ8(other, c.nq, c.cols); err == nil {
			q = o
		}
		q.Scales = q.Scales[:len(q.Scales)-c.cols%2] // and, for odd columns, one scale short
	case misuseScales:
		q.Sums = q.Sums[:len(q.Sums)-1]
	}
	out := canaries(resize(c.misuse, c.nq*c.n, false))
	var generic, genericQ any
	for k, im := range implementations() {
		got := append([]float32(nil), out...)
		p := catch(func() { im.DotQ8(got, r, q) })
		qi := cloneQ8(q)
		pq := catch(func() { _ = im.QuantizeQ8(qi, x) })
		if k == 0 {
			generic, genericQ = p, pq
		}
		fail(t, c, "DotQ8", samePanic(im, generic, p))
		fail(t, c, "QuantizeQ8", samePanic(im, genericQ, pq))
		if p != nil {
			fail(t, c, "out after a panic", unchanged(im, "out", out, got))
		}
		if pq != nil {
			fail(t, c, "Q8 after a panic", sameQ8(im, qi, q))
		}
	}
}
