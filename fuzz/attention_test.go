package fuzz

import (
	"fmt"
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzAttention compares the attention kernel of every implementation with
// exact attention in float64: prompts of 1 to 200 tokens, head dimensions
// 1 to 144 (every strip and vector tail), 1 to 6 query heads per KV head,
// windows, soft caps, sink logits, strides wider than a group, and the
// prompt cut into one to several calls. Queries, keys and values are any
// finite float32 of magnitude up to 2^20 (scores stay finite), in every
// style of Source. Each output, each key's importance sum and the maxima
// of |q| and |k| are checked, and every implementation must give a row
// the same bits whatever the calls it was cut into.
//
// Input: byte 0 the prompt length (1 + b%200), byte 1 the dimension
// (1 + b%144), byte 2 the group (1 + b%6), byte 3 flags (bit 0 window,
// 1 soft cap, 2 sinks, 3 a wider stride, 4-5 the calls: 1, 2, 3 or one per
// 7 tokens, 6 the guard page before the buffers), byte 4 the window
// (1 + b), byte 5 the soft cap (attnCaps), byte 6 the scale (2^-(b%8)
// times 1/sqrt(dim), or 0 for the default), bytes 7 and 8 the styles of
// the queries and of the keys and values, then the sinks and the values.
func FuzzAttention(f *testing.F) { f.Fuzz(fuzzAttention) }

// attnCaps are the soft caps a FuzzAttention input picks from.
var attnCaps = [...]float32{0.5, 1, 5, 20, 30, 50, 1000, 1e6}

// attnLimit bounds the inputs' magnitudes, so that no score overflows.
const attnLimit = 0x1p20

// attnCase is a decoded FuzzAttention input.
type attnCase struct {
	p       lowbit.AttentionParams
	q, k, v []float32
	stride  int
	splits  []int
	atStart bool
	name    string
}

func (c *attnCase) String() string { return c.name }

func decodeAttnCase(data []byte) *attnCase {
	s := NewSource(data)
	n, d, g, flags := 1+int(s.Byte())%200, 1+int(s.Byte())%144, 1+int(s.Byte())%6, s.Byte()
	window, capIdx, scaleB := 1+int(s.Byte()), int(s.Byte()), s.Byte()
	qs, kvs := s.Style(attnLimit), s.Style(attnLimit)
	qs.NonFinite, kvs.NonFinite = false, false
	c := &attnCase{p: lowbit.AttentionParams{Len: n, Dim: d, Group: g}, atStart: flags&64 != 0}
	if flags&1 != 0 {
		c.p.Window = window
	}
	if flags&2 != 0 {
		c.p.SoftCap = attnCaps[capIdx%len(attnCaps)]
	}
	if scaleB != 0 {
		c.p.Scale = float32(math.Ldexp(1/math.Sqrt(float64(d)), -int(scaleB%8)))
	}
	c.stride = g * d
	if flags&8 != 0 {
		c.stride += 1 + int(scaleB)%17
		c.p.Stride = c.stride
	}
	if flags&4 != 0 {
		c.p.Sinks = make([]float32, g)
		s.Values(c.p.Sinks, Style{Limit: 64, Class: Unit}, 0)
		for i, x := range c.p.Sinks {
			c.p.Sinks[i] = x * 16
		}
	}
	c.q = make([]float32, (n-1)*c.stride+g*d)
	c.k, c.v = make([]float32, n*d), make([]float32, n*d)
	s.Values(c.q, qs, d)
	s.Values(c.k, kvs, d)
	s.Values(c.v, kvs, d)
	c.splits = []int{0}
	switch (flags >> 4) & 3 {
	case 1:
		c.splits = append(c.splits, n/2)
	case 2:
		c.splits = append(c.splits, n/3, 2*n/3)
	case 3:
		for t := 7; t < n; t += 7 {
			c.splits = append(c.splits, t)
		}
	}
	c.splits = append(c.splits, n)
	c.name = fmt.Sprintf("n %d, d %d, group %d, stride %d, window %d, cap %g, sinks %v, scale %g, calls %v, q %s, k and v %s",
		n, d, g, c.stride, c.p.Window, c.p.SoftCap, c.p.Sinks, c.p.Scale, c.splits, qs, kvs)
	return c
}

// attnRow is the exact attention of one query row and the bounds of its
// float32 evaluation.
type attnRow struct {
	out, mag []float64 // the output, and Σ_k p_k |v_k| per channel
	p        []float64 // per key
	rel      float64   // the relative error a probability may carry
	lo, keys int       // the first key the row sees, and how many
	loose    bool      // the scores' error can reorder the softmax entirely (2ε ≥ 20)
	maxV     float64   // max |v| over the row's keys
}

// attnExact returns the exact attention of query row (t, h) of c: scores
// from the kernel's own scaled query float32(q·scale), in float64; soft
// cap, softmax with the sink, output in float64. The bound on the row's
// probabilities: a score's float32 error (Tolerance of its d products),
// plus the soft cap's (a few ulp of the cap) and that of the exponents'
// float32 subtractions (at most 87 in magnitude where the result is not
// flushed: 256u), enters p relatively as exp(2ε) - 1; the float32
// roundings of exp, the sums and the rescalings as γ. Where 2ε ≥ 20 the
// row is loose: its output may be anything within max|v|, each of its
// probabilities anything in [0, 1].
func (c *attnCase) attnExact(t, h int) attnRow {
	p := c.p
	d := p.Dim
	scale := p.Scale
	if scale == 0 {
		scale = float32(1 / math.Sqrt(float64(d)))
	}
	lo := 0
	if p.Window > 0 {
		lo = max(0, t-p.Window+1)
	}
	r := attnRow{out: make([]float64, d), mag: make([]float64, d), p: make([]float64, p.Len), lo: lo, keys: t + 1 - lo}
	qr := c.q[t*c.stride+h*d:][:d]
	s := make([]float64, t+1)
	m, eps := math.Inf(-1), 0.0
	qs := make([]float64, d)
	for ch, x := range qr {
		qs[ch] = float64(x * scale)
	}
	for k := lo; k <= t; k++ {
		var dot, abs float64
		for ch, x := range c.k[k*d : (k+1)*d] {
			dot += qs[ch] * float64(x)
			abs += math.Abs(qs[ch] * float64(x))
		}
		eps = max(eps, Tolerance(abs, d, dotFloatRoundings, 1))
		s[k] = dot
		if cp := float64(p.SoftCap); cp > 0 {
			s[k] = cp * math.Tanh(s[k]/cp)
		}
		m = max(m, s[k])
	}
	eps += 8 * u * float64(p.SoftCap)
	eps += 256 * u
	total := 0.0
	if p.Sinks != nil {
		m = max(m, float64(p.Sinks[h]))
		total = math.Exp(float64(p.Sinks[h]) - m)
	}
	for k := lo; k <= t; k++ {
		total += math.Exp(s[k] - m)
	}
	for k := lo; k <= t; k++ {
		r.p[k] = math.Exp(s[k]-m) / total
		for ch, x := range c.v[k*d : (k+1)*d] {
			v := float64(x)
			r.out[ch] += r.p[k] * v
			r.mag[ch] += r.p[k] * math.Abs(v)
			r.maxV = max(r.maxV, math.Abs(v))
		}
	}
	// Past 2ε = 20, p·(exp(2ε) - 1) no longer bounds the error of a
	// probability that float64 rounds to 0 (below 2^-1074): the float32
	// softmax may then pick any of the row's keys.
	r.rel, r.loose = math.Expm1(min(2*eps, 20)), 2*eps >= 20
	return r
}

// attnRoundings are the roundings on one term's path outside the sums:
// exp (4), the division by the sum (2), the product with v (1), and per
// tile of 64 or more keys a rescaling (its exp and product: 5).
func attnRoundings(keys int) int { return 7 + 5*(keys/64+1) }

// attnUnderflow is the absolute error of exp's flush to zero below 2^-126
// over keys terms of magnitude up to scale, and of every rounding among
// the float32 subnormals (2^-150 each, which no later factor magnifies:
// the probabilities, rescalings and 1/sum are at most 1).
func attnUnderflow(keys int, scale float64) float64 {
	return float64(keys+4)*0x1p-125*scale + float64((keys+4)*attnRoundings(keys))*0x1p-150
}

func fuzzAttention(t *testing.T, data []byte) {
	c := decodeAttnCase(data)
	p := c.p
	n, d, g := p.Len, p.Dim, p.Group
	rows := make([]attnRow, n*g)
	for tk := range n {
		for h := range g {
			rows[tk*g+h] = c.attnExact(tk, h)
		}
	}
	wantMaxQ, wantMaxK := make([]float32, d), make([]float32, d)
	for tk := range n {
		for ch := range d {
			wantMaxK[ch] = max(wantMaxK[ch], float32(math.Abs(float64(c.k[tk*d+ch]))))
			for h := range g {
				wantMaxQ[ch] = max(wantMaxQ[ch], float32(math.Abs(float64(c.q[tk*c.stride+h*d+ch]))))
			}
		}
	}
	var generic, genericCS []float32
	for _, im := range implementations() {
		a, err := lowbit.NewAttentionKV(p)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		k, v := guarded(t, c.k, c.atStart), guarded(t, c.v, c.atStart)
		maxK := guarded(t, make([]float32, d), c.atStart)
		a.Set(k, v, maxK)
		q := guarded(t, c.q, c.atStart)
		out := guarded(t, canaries(len(c.q)), c.atStart)
		cs := guarded(t, make([]float32, n), c.atStart)
		maxQ := guarded(t, make([]float32, d), c.atStart)
		s := a.NewScratch()
		for i := 0; i+1 < len(c.splits); i++ {
			fail(t, c, "", samePanic(im, nil, catch(func() { im.Attention(a, s, out, q, c.splits[i], c.splits[i+1], cs, maxQ) })))
		}
		fail(t, c, "maxAbsK", sameBits(maxK, wantMaxK))
		fail(t, c, "maxAbsQ", sameBits(maxQ, wantMaxQ))
		fail(t, c, "", unchanged(im, "q", c.q, q), unchanged(im, "k", c.k, k), unchanged(im, "v", c.v, v))
		if generic == nil {
			generic, genericCS = append([]float32(nil), out...), append([]float32(nil), cs...)
		}
		imp, impTol := make([]float64, n), make([]float64, n)
		block := min(n, a.BlockTokens()) * g
		for tk := range n {
			for h := range g {
				r := rows[tk*g+h]
				for ch := range d {
					i := tk*c.stride + h*d + ch
					tol := (r.rel+gammaOf(r.keys, attnRoundings(r.keys)))*r.mag[ch] + attnUnderflow(r.keys, r.maxV)
					if r.loose {
						tol = 2 * r.maxV * (1 + gammaOf(r.keys, attnRoundings(r.keys)))
					}
					if got := float64(out[i]); !(math.Abs(got-r.out[ch]) <= tol) {
						t.Fatalf("%s %s: token %d head %d channel %d = %.9g, want %.9g ± %.3g (generic gives %v)",
							im, c, tk, h, ch, got, r.out[ch], tol, generic[i])
					}
				}
				for key := r.lo; key < r.lo+r.keys; key++ {
					pk := r.p[key]
					imp[key] += pk
					switch {
					case r.loose:
						impTol[key]++
					default:
						impTol[key] += pk*(r.rel+gammaOf(r.keys+block, attnRoundings(r.keys))) + attnUnderflow(r.keys, 1)
					}
				}
			}
		}
		for key := range n {
			if got := float64(cs[key]); !(math.Abs(got-imp[key]) <= impTol[key]) {
				t.Fatalf("%s %s: importance of key %d = %.9g, want %.9g ± %.3g (generic gives %v)",
					im, c, key, got, imp[key], impTol[key], genericCS[key])
			}
		}

		// A row's bits do not depend on the calls the prompt is cut into.
		whole := make([]float32, len(c.q))
		im.Attention(a, a.NewScratch(), whole, c.q, 0, n, nil, nil)
		for tk := range n {
			for i := tk * c.stride; i < tk*c.stride+g*d; i++ {
				if !sameFloat(whole[i], out[i]) {
					t.Fatalf("%s %s: out[%d] = %v in one call, %v in calls %v", im, c, i, whole[i], out[i], c.splits)
				}
			}
		}
	}
}

// gammaOf returns γ_R·(1 + 2^-29), R = terms - 1 + roundings: the
// relative part of Tolerance, with the float64 reference's own error.
func gammaOf(terms, roundings int) float64 { return Tolerance(1, terms, roundings, 0) }
