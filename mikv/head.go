package mikv

import (
	"fmt"
	"math"

	"github.com/lowbit-ml/lowbit"
)

// head is the cache of one KV head of one layer: its two tiers, its
// balancer, and the scratch buffers of its attention steps (so that the
// heads of a layer can run on different goroutines).
type head struct {
	cfg          *Config
	layer, index int
	group        int // query heads that read this KV head
	dim          int
	imp, ret     tier
	evicted      int // tokens dropped (Evict)
	bal          balancer

	scores []float32     // group rows of every token: scores, then probabilities
	block  []float32     // group × PageSize: one page's scores or weights
	qs, qb []float32     // group × dim: the scaled queries, and the same divided by the balancer
	q8     [2]*lowbit.Q8 // int8 queries for the important and retained tiers' DotQ8
	kr, vr []float32     // dim each: a token being demoted
}

func newHead(cfg *Config, layer, index int) *head {
	g, d := cfg.QueryHeads/cfg.KVHeads, cfg.HeadDim
	return &head{
		cfg: cfg, layer: layer, index: index, group: g, dim: d,
		imp: newTier(cfg.Important.Key, cfg.Important.Value, d, cfg.PageSize, true, cfg.Balancer),
		ret: newTier(cfg.Retained.Key, cfg.Retained.Value, d, cfg.PageSize, false, cfg.Balancer),
		bal: newBalancer(d),
	}
}

// decode runs one step for this KV head: q holds its group's query rows,
// k and v the new token, out receives the group's attention outputs, and n
// is the number of tokens after this one is appended.
func (h *head) decode(q, k, v, out []float32, n int) {
	pos := int32(n - 1)
	h.bal.observe(q, k)
	score := [1]float32{initialScore(h.cfg.Selection, h.cfg.Seed, h.layer, h.index, pos)}
	if h.imp.balanced {
		h.kr = grow(h.kr, h.dim)
		copy(h.kr, k)
		h.convertKeys(&h.imp, h.kr, false)
		k = h.kr
	}
	h.imp.appendRows(k, v, []int32{pos}, score[:])
	h.attend(q, out)
	if s := h.cfg.Selection; s == Accumulated || s == Normalized {
		h.credit()
	}
	h.demote(n)
}

// attend sets out to softmax(q·K/sqrt(dim))·V over both tiers, leaving the
// probabilities in h.scores (important tier first, in slot order). Kernels
// run once per page: one multi-query Dot over the page's keys for every
// query head of the group, one AddWeighted over its values.
func (h *head) attend(q, out []float32) {
	g, d := h.group, h.dim
	total := h.imp.n + h.ret.n
	h.scores = grow(h.scores, g*total)
	h.block = grow(h.block, g*h.cfg.PageSize)
	h.qs = grow(h.qs, g*d)
	scale := float32(1 / math.Sqrt(float64(d)))
	for i, x := range q {
		h.qs[i] = x * scale
	}
	if inv := h.bal.inv; inv != nil {
		h.qb = grow(h.qb, g*d)
		for j := range g {
			row, src := h.qb[j*d:(j+1)*d], h.qs[j*d:(j+1)*d]
			for c, b := range inv {
				row[c] = src[c] * b
			}
		}
	}

	off := h.pageScores(&h.imp, 0, 0, total)
	h.pageScores(&h.ret, 1, off, total)
	for j := range g {
		lowbit.Softmax(h.scores[j*total : (j+1)*total])
	}
	clear(out)
	off = h.pageOutputs(&h.imp, out, 0, total)
	h.pageOutputs(&h.ret, out, off, total)
}

// queries returns the scaled queries to score tier t's keys with: divided
// by the balancer if the tier stores balanced keys.
func (h *head) queries(t *tier) []float32 {
	if t.balanced && h.bal.inv != nil {
		return h.qb
	}
	return h.qs
}

// pageScores writes the scores of every token of tier t (index ti: 0 for
// important, 1 for retained), from column off of the group's score rows of
// length total, and returns the next column. With Int8Queries, a tier of
// 2-8 bit keys is scored by DotQ8 on the queries quantized once per step.
func (h *head) pageScores(t *tier, ti, off, total int) int {
	if t.n == 0 {
		return off
	}
	g := h.group
	x := h.queries(t)
	var q8 *lowbit.Q8
	if h.cfg.Int8Queries && t.key.Quantized() {
		if h.q8[ti] == nil {
			var err error
			if h.q8[ti], err = lowbit.NewQ8(t.key, g, h.dim); err != nil {
				panic(fmt.Sprintf("mikv: %v", err)) // formats were validated by New
			}
		}
		q8 = h.q8[ti]
		if err := lowbit.QuantizeQ8(q8, x); err != nil {
			panic(fmt.Sprintf("mikv: checked queries failed to quantize: %v", err))
		}
	}
	for i, p := range t.pages {
		n := t.pageLen(i)
		blk := h.block[:g*n]
		if g == 1 {
			blk = h.scores[off : off+n]
		}
		if q8 != nil {
			lowbit.DotQ8(blk, p.k.Slice(0, n), q8)
		} else {
			lowbit.Dot(blk, p.k.Slice(0, n), x)
		}
		if g > 1 {
			for j := range g {
				copy(h.scores[j*total+off:j*total+off+n], blk[j*n:(j+1)*n])
			}
		}
		off += n
	}
	return off
}

// pageOutputs adds Σ p_i v_i over the tokens of t to out, reading their
// probabilities from column off of the score rows, and returns the next
// column.
func (h *head) pageOutputs(t *tier, out []float32, off, total int) int {
	g := h.group
	for i, p := range t.pages {
		n := t.pageLen(i)
		w := h.scores[off : off+n]
		if g > 1 {
			w = h.block[:g*n]
			for j := range g {
				copy(w[j*n:(j+1)*n], h.scores[j*total+off:j*total+off+n])
			}
		}
		lowbit.AddWeighted(out, p.v.Slice(0, n), w)
		off += n
	}
	return off
}

// credit adds this step's attention probabilities, summed over the group's
// query heads, to the important tokens' scores.
func (h *head) credit() {
	total := h.imp.n + h.ret.n
	off := 0
	for i, p := range h.imp.pages {
		n := h.imp.pageLen(i)
		sc := p.score[:n]
		for j := range h.group {
			for s, pr := range h.scores[j*total+off : j*total+off+n] {
				sc[s] += pr
			}
		}
		off += n
	}
}

// demote moves the lowest-ranked unprotected important tokens to the
// retained tier (or drops them, with Evict) until the important tier is
// within its budget for n tokens.
func (h *head) demote(n int) {
	budget, recent := h.cfg.budget(n)
	for h.imp.n > budget {
		s := h.victim(n, recent)
		if s < 0 {
			return // only sinks and recent tokens are left
		}
		p, i := h.imp.slot(s)
		if h.cfg.Evict {
			h.evicted++
		} else {
			h.kr, h.vr = grow(h.kr, h.dim), grow(h.vr, h.dim)
			h.imp.read(s, h.kr, h.vr)
			h.convertKeys(&h.ret, h.kr, h.imp.balanced)
			h.ret.appendRows(h.kr, h.vr, p.pos[i:i+1], nil)
		}
		h.imp.remove(s)
	}
}

// victim returns the slot of the important token to demote in a KV head of
// n tokens with a recent window of recent tokens: the lowest-ranked one
// that is neither a sink nor recent (the first such in slot order on a
// tie), or -1 if there is none.
func (h *head) victim(n, recent int) int {
	lo, hi := int32(min(h.cfg.Sinks, n)), int32(n-recent) // unprotected positions: [lo, hi)
	sel := h.cfg.Selection
	best, bestRank := -1, math.Inf(1)
	for i, p := range h.imp.pages {
		m := h.imp.pageLen(i)
		pos, sc := p.pos[:m], p.score[:m]
		if sel == Accumulated || sel == Random { // rank = score: the common case, kept tight
			for s, ps := range pos {
				if ps >= lo && ps < hi && float64(sc[s]) < bestRank {
					best, bestRank = i*h.imp.pageSize+s, float64(sc[s])
				}
			}
			continue
		}
		for s, ps := range pos {
			if ps >= lo && ps < hi {
				if r := rank(sel, sc[s], ps, n); r < bestRank {
					best, bestRank = i*h.imp.pageSize+s, r
				}
			}
		}
	}
	return best
}

// convertKeys turns rows of keys, in place, into what tier t stores: k ⊙ b
// if t is balanced, k otherwise, from raw keys or (balanced true) from
// balanced ones; then it clamps them to the range of t's key format. The
// first conversion into a balanced tier freezes the balancer.
func (h *head) convertKeys(t *tier, k []float32, balanced bool) {
	if t.balanced {
		h.bal.freeze()
	}
	var f []float32
	switch {
	case t.balanced && !balanced:
		f = h.bal.b
	case !t.balanced && balanced:
		f = h.bal.inv
	}
	lim := limitOf(t.key)
	d := h.dim
	for r := 0; r+d <= len(k); r += d {
		row := k[r : r+d]
		for c := range row {
			x := row[c]
			if f != nil {
				x *= f[c]
			}
			row[c] = min(max(x, -lim), lim)
		}
	}
}

// MaxValue bounds the magnitude of queries, and of keys and values stored
// in float32, so that no score overflows float32.
const MaxValue = 1 << 48

// limitOf returns the largest magnitude the cache stores in format f.
func limitOf(f lowbit.Format) float32 {
	if f.Bits == 32 {
		return MaxValue
	}
	return lowbit.MaxF16
}

// reset empties the head.
func (h *head) reset() {
	h.imp.reset()
	h.ret.reset()
	h.evicted = 0
	h.bal.reset()
}

// grow returns s resliced to n values, reallocated if it is too short.
func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n, n+n/4)
	}
	return s[:n]
}
