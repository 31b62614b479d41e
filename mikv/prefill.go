package mikv

import (
	"cmp"
	"slices"
	"sync"

	"github.com/lowbit-ml/lowbit"
)

// A chunk of a prompt on a non-empty layer (DecodeBatch) scores its query
// rows against the whole cache in one pass; prefillBlockValues bounds those
// score rows (query rows × keys), so a longer chunk runs in several passes.
const prefillBlockValues = 1 << 22

// prefill fills an empty head with a prompt of n tokens. q, k, v and out
// are the layer's whole arrays (see Layer.Prefill); the head reads and
// writes its own columns. It computes exact causal attention over the
// prompt, the accumulated attention of every key, and the balancer (on
// up to workers goroutines), then splits the prompt between the tiers.
func (h *head) prefill(q, k, v, out []float32, n, workers int) {
	d, kvh := h.dim, h.cfg.KVHeads
	// With one KV head the prompt's keys and values are the head's rows as
	// they are: AttentionKV.Set packs them without keeping or changing them.
	keys, vals := k[:n*d], v[:n*d]
	if kvh > 1 {
		keys, vals = make([]float32, n*d), make([]float32, n*d)
		for t := range n {
			src := (t*kvh + h.index) * d
			copy(keys[t*d:(t+1)*d], k[src:src+d])
			copy(vals[t*d:(t+1)*d], v[src:src+d])
		}
	}
	acc, maxQ, maxK := h.exactAttention(q, keys, vals, out, n, workers)
	if h.balances() {
		h.bal.observeMax(maxQ, maxK)
	}
	first := 0 // the first token a later query sees
	if w := h.pol.Window; w > 0 && n >= w {
		first = n - w + 1
		h.expired = first
	}
	keep := h.selectPrompt(acc, n, first)

	// Each tier's rows are copied (convert changes them in place) into
	// arrays of their final size; evicted rows are only counted.
	ni := 0
	for _, kt := range keep[first:] {
		if kt {
			ni++
		}
	}
	nr := n - first - ni
	if h.pol.Evict {
		h.evicted += nr
		nr = 0
	}
	ki, vi, kr, vr := make([]float32, 0, ni*d), make([]float32, 0, ni*d), make([]float32, 0, nr*d), make([]float32, 0, nr*d)
	pi, pr := make([]int32, 0, ni), make([]int32, 0, nr)
	si := make([]float32, 0, ni)
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
		} else if nr > 0 {
			kr, vr = append(kr, row...), append(vr, vals[t*d:(t+1)*d]...)
			pr = append(pr, int32(t))
		}
	}
	if ni > 0 {
		h.convert(&h.imp, ki, vi, nil)
		h.imp.appendRows(ki, vi, pi, si)
	}
	if nr > 0 {
		h.convert(&h.ret, kr, vr, nil)
		h.ret.appendRows(kr, vr, pr, nil)
	}
}

// exactAttention writes the causal attention output of the prompt into the
// head's columns of out (float32 keys and values, so exact up to float32
// rounding) and returns the attention each key received, summed over every
// query and query head of the group, and the largest |q| and |k| per
// channel over the prompt (queries of the group pooled: the balancer's
// statistics). It runs lowbit's tiled attention kernel: blocks of query
// tokens (all query heads of the group) against tiles of keys, with the
// layer's scale, soft cap, sink logits and window as in a decode step,
// the blocks spread over up to workers goroutines. Each block's importance
// sums are added in float64 in a fixed order (prefillBlocks), so the
// result does not depend on the number of workers.
func (h *head) exactAttention(q, keys, vals, out []float32, n, workers int) (acc []float64, maxQ, maxK []float32) {
	g, d := h.group, h.dim
	p := lowbit.AttentionParams{
		Len: n, Dim: d, Group: g, Stride: h.cfg.QueryHeads * d,
		Scale: h.pol.scale(d), Window: h.pol.Window, SoftCap: float32(h.pol.SoftCap),
	}
	if sl := h.pol.SinkLogits; sl != nil {
		p.Sinks = sl[h.index*g : (h.index+1)*g]
	}
	bufs := getPrefillBufs(p)
	defer prefillPool.Put(bufs)
	a := bufs.a
	maxK = make([]float32, d)
	a.Set(keys, vals, maxK)
	off := h.index * g * d
	qh, oh := q[off:], out[off:]

	bt := a.BlockTokens()
	nb := (n + bt - 1) / bt
	workers = max(1, min(workers, nb))
	ws := bufs.workers(workers, n, d)
	acc = make([]float64, n)
	prefillBlocks(workers, nb, func(w, b int) {
		t0 := b * bt
		lowbit.Attention(a, ws[w].s, oh, qh, t0, min(n, t0+bt), ws[w].cs, ws[w].maxQ)
	}, func(w, b int) {
		t0 := b * bt
		lo := 0
		if win := h.pol.Window; win > 0 {
			lo = max(0, t0-win+1)
		}
		cs := ws[w].cs[lo:min(n, t0+bt)]
		for i, x := range cs {
			acc[lo+i] += float64(x)
		}
		clear(cs)
	})
	maxQ = append([]float32(nil), ws[0].maxQ...) // ws go back to the pool
	for _, w := range ws[1:] {
		for c, x := range w.maxQ {
			maxQ[c] = max(maxQ[c], x)
		}
	}
	return acc, maxQ, maxK
}

// prefillPool keeps the attention buffers of a prefill (*prefillBufs: the
// prompt's packed keys and values and the workers' scratch) for the next
// prefill of the same parameters: a model's layers prefill heads of one
// shape in turn, and allocating these anew cleared megabytes each time
// (4096 tokens of dimension 128 and 4 query heads: 4 MiB of keys and
// values, 3 MiB of probabilities per worker).
var prefillPool sync.Pool

// prefillBufs are the attention buffers of one prefill.
type prefillBufs struct {
	a  *lowbit.AttentionKV
	ws []prefillWorker
}

// prefillWorker is the working memory of one of exactAttention's workers:
// the kernel's scratch, the importance sums of its block and its max|q|.
type prefillWorker struct {
	s    *lowbit.AttentionScratch
	cs   []float32
	maxQ []float32
}

// getPrefillBufs returns buffers for attention with the parameters p: from
// the pool if they were made for the same parameters (Set overwrites every
// key and value, the kernel every part of a scratch it reads), else new.
func getPrefillBufs(p lowbit.AttentionParams) *prefillBufs {
	if b, ok := prefillPool.Get().(*prefillBufs); ok && sameAttention(b.a.Params(), p) {
		return b
	}
	a, err := lowbit.NewAttentionKV(p)
	if err != nil {
		panic(err) // the configuration and the call were checked
	}
	return &prefillBufs{a: a}
}

// workers returns the working memory of n workers, prompts of n tokens of
// dimension d: the importance sums and max|q| zero.
func (b *prefillBufs) workers(workers, n, d int) []prefillWorker {
	for len(b.ws) < workers {
		b.ws = append(b.ws, prefillWorker{s: b.a.NewScratch(), cs: make([]float32, n), maxQ: make([]float32, d)})
	}
	ws := b.ws[:workers]
	for _, w := range ws {
		clear(w.cs)
		clear(w.maxQ)
	}
	return ws
}

// sameAttention reports whether x and y are the same attention parameters.
func sameAttention(x, y lowbit.AttentionParams) bool {
	return x.Len == y.Len && x.Dim == y.Dim && x.Group == y.Group && x.Stride == y.Stride &&
		x.Scale == y.Scale && x.Window == y.Window && x.SoftCap == y.SoftCap && slices.Equal(x.Sinks, y.Sinks)
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
