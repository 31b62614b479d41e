package mikv

import (
	"cmp"
	"slices"

	"github.com/lowbit-ml/lowbit"
)

// A prompt is processed a block of queries at a time: at most
// prefillBlockTokens tokens, and at most prefillBlockValues scores (query
// rows × keys). Blocks of a few dozen tokens waste little on the causal
// mask (the block's queries are scored against every key up to the block's
// last token) and give the kernels many query rows per pass over the keys.
// (Cutting the keys into cache-sized tiles was measured slower: the copies
// between tile and row layouts cost more than the kernels gained.)
const (
	prefillBlockTokens = 64
	prefillBlockValues = 1 << 22
)

// prefill fills an empty head with a prompt of n tokens. q, k, v and out
// are the layer's whole arrays (see Layer.Prefill); the head reads and
// writes its own columns. It computes exact causal attention over the
// prompt, the accumulated attention of every key, and the balancer, then
// splits the prompt between the tiers.
func (h *head) prefill(q, k, v, out []float32, n int) {
	g, d := h.group, h.dim
	qh, kvh := h.cfg.QueryHeads, h.cfg.KVHeads
	keys, vals := make([]float32, n*d), make([]float32, n*d)
	for t := range n {
		src := (t*kvh + h.index) * d
		copy(keys[t*d:(t+1)*d], k[src:src+d])
		copy(vals[t*d:(t+1)*d], v[src:src+d])
	}
	acc := h.exactAttention(q, keys, vals, out, n)

	for t := 0; t < n && h.balances(); t++ {
		src := (t*qh + h.index*g) * d
		h.bal.observe(q[src:src+g*d], keys[t*d:(t+1)*d])
	}
	first := 0 // the first token a later query sees
	if w := h.pol.Window; w > 0 && n >= w {
		first = n - w + 1
		h.expired = first
	}
	keep := h.selectPrompt(acc, n, first)

	var ki, vi, kr, vr []float32
	var pi, pr []int32
	var si []float32
	for t := first; t < n; t++ {
		row := keys[t*d : (t+1)*d]
		if keep[t] {
			ki, vi = append(ki, row...), append(vi, vals[t*d:(t+1)*d]...)
			pi = append(pi, int32(t))
			s := initialScore(h.cfg.Selection, h.cfg.Seed, h.layer, h.index, int32(t))
			if sel := h.cfg.Selection; sel == Accumulated || sel == Normalized {
				s = float32(acc[t])
			}
			si = append(si, s)
		} else {
			kr, vr = append(kr, row...), append(vr, vals[t*d:(t+1)*d]...)
			pr = append(pr, int32(t))
		}
	}
	if len(pi) > 0 {
		h.convertKeys(&h.imp, ki, false)
		h.imp.appendRows(ki, vi, pi, si)
	}
	switch {
	case len(pr) == 0:
	case h.pol.Evict:
		h.evicted += len(pr)
	default:
		h.convertKeys(&h.ret, kr, false)
		h.ret.appendRows(kr, vr, pr, nil)
	}
}

// exactAttention writes the causal attention output of the prompt into the
// head's columns of out (float32 keys and values, so exact up to float32
// rounding) and returns the attention each key received, summed over every
// query and query head of the group. It runs the kernels on blocks of
// queries (all query heads of the group): one multi-query Dot over the keys
// they can see, one AddWeighted over the values. The layer's scale, soft
// cap, sink logits and window apply as in a decode step.
func (h *head) exactAttention(q, keys, vals, out []float32, n int) []float64 {
	g, d := h.group, h.dim
	qh := h.cfg.QueryHeads
	kr, err := lowbit.NewRows(lowbit.F32, n, d)
	if err != nil {
		panic(err)
	}
	vr, err := lowbit.NewRows(lowbit.F32, n, d)
	if err != nil {
		panic(err)
	}
	mustQuantize(kr, keys)
	mustQuantize(vr, vals)

	bq := min(n, prefillBlockTokens, max(1, prefillBlockValues/(g*n)))
	x := make([]float32, bq*g*d)
	y := make([]float32, bq*g*d)
	s := make([]float32, bq*g*n)
	acc := make([]float64, n)
	scale := h.pol.scale(d)
	var withSink []float32
	for t0 := 0; t0 < n; t0 += bq {
		t1 := min(n, t0+bq)
		rows := (t1 - t0) * g
		for t := t0; t < t1; t++ {
			src := q[(t*qh+h.index*g)*d:][:g*d]
			dst := x[(t-t0)*g*d:][:g*d]
			for c, v := range src {
				dst[c] = v * scale
			}
		}
		sc := s[:rows*t1]
		lowbit.Dot(sc, kr.Slice(0, t1), x[:rows*d])
		for r := range rows {
			t := t0 + r/g
			row := sc[r*t1 : (r+1)*t1]
			lo := 0
			if w := h.pol.Window; w > 0 {
				lo = max(0, t-w+1)
			}
			vis := row[lo : t+1]
			if c := h.pol.SoftCap; c > 0 {
				softCap(vis, c)
			}
			if sl := h.pol.SinkLogits; sl != nil {
				withSink = append(append(withSink[:0], vis...), sl[h.index*g+r%g])
				lowbit.Softmax(withSink)
				copy(vis, withSink)
			} else {
				lowbit.Softmax(vis)
			}
			clear(row[:lo])
			clear(row[t+1:])
			for i, p := range vis {
				acc[lo+i] += float64(p)
			}
		}
		yy := y[:rows*d]
		clear(yy)
		lowbit.AddWeighted(yy, vr.Slice(0, t1), sc)
		for t := t0; t < t1; t++ {
			copy(out[(t*qh+h.index*g)*d:][:g*d], yy[(t-t0)*g*d:][:g*d])
		}
	}
	return acc
}

// selectPrompt returns which of the prompt's n tokens stay important: the
// sinks, the recent window, and the best-ranked of the rest up to the
// budget, among the tokens from first on (a window drops the others).
func (h *head) selectPrompt(acc []float64, n, first int) []bool {
	budget, recent := h.pol.budget(h.span(n))
	keep := make([]bool, n)
	var cand []int32
	kept := 0
	for t := first; t < n; t++ {
		if protected(int32(t), n, h.pol.Sinks, recent) {
			keep[t] = true
			kept++
		} else {
			cand = append(cand, int32(t))
		}
	}
	if rest := budget - kept; rest > 0 {
		sel := h.cfg.Selection
		key := func(t int32) float64 {
			s := initialScore(sel, h.cfg.Seed, h.layer, h.index, t)
			if sel == Accumulated || sel == Normalized {
				s = float32(acc[t])
			}
			return rank(sel, s, t, n)
		}
		ranks := make([]float64, n)
		for _, t := range cand {
			ranks[t] = key(t)
		}
		// Highest rank first; on a tie the later token.
		slices.SortFunc(cand, func(a, b int32) int {
			if c := cmp.Compare(ranks[b], ranks[a]); c != 0 {
				return c
			}
			return cmp.Compare(b, a)
		})
		for _, t := range cand[:min(rest, len(cand))] {
			keep[t] = true
		}
	}
	return keep
}
