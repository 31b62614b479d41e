package mikv

import (
	"math"

	"github.com/lowbit-ml/lowbit"
)

// head is the cache of one KV head of one layer: its two tiers, its
// balancer, and the scratch buffers of its attention steps (so that the
// heads of a layer can run on different goroutines).
type head struct {
	cfg          *Config
	pol          *LayerPolicy
	layer, index int
	group        int // query heads that read this KV head
	dim          int
	imp, ret     tier
	evicted      int // tokens dropped by Evict
	expired      int // tokens dropped by the sliding window
	bal          balancer
	rot          *rotator // the cache's rotation, nil for none

	scratch
}

// scratch holds the buffers of one call; its content does not outlive the
// call.
type scratch struct {
	qin, kin, vin, oin []float32     // the call's rows of this head: m×group×dim queries, m×dim keys and values, m×group×dim outputs
	pos                []int32       // the call's positions
	init               []float32     // the call's initial scores
	pass               pass          // the attention pass running
	splits             []split       // its splits, in slot order
	scores             []float32     // per split, rows × tokens: scores, then probabilities within the split
	stat               []float32     // per split and row: the max score and its probability
	part               []float32     // per query row, splits × dim: the splits' outputs (then scratch: per split, rows × dim)
	mw                 []float32     // the merge's weights of one query row's splits
	wts                []float32     // per split and row: the split's weight in the merge
	jrow               []float32     // a joint pass's row of scores over every split (and the sink logit)
	qs, qb             []float32     // rows × dim: the transformed queries, and the same divided by the balancer
	qr                 []float32     // rows × dim: the queries of rotated keys, R(qb) or R(qs)
	orot               []float32     // rows × dim: the output part of the tiers of rotated values, before Rᵀ
	rtmp               []float32     // scratch of the random rotation
	q8                 [2]*lowbit.Q8 // int8 queries for the important and retained tiers' DotQ8
	q8use              [2]*lowbit.Q8 // those of the pass, nil where a tier is scored with float32 queries
	kr, vr             []float32     // dim each: a token being demoted
	rescored           int           // rows whose sampled reference fell short (runSplit), for the tests
}

func newHead(cfg *Config, pol *LayerPolicy, layer, index int, mem *memory, arena *pageArena) *head {
	g, d := cfg.QueryHeads/cfg.KVHeads, cfg.HeadDim
	rot, rv := rotatorFor(cfg), cfg.Rotation.Values
	h := &head{
		cfg: cfg, pol: pol, layer: layer, index: index, group: g, dim: d,
		imp: newTier(pol.Important.Key, pol.Important.Value, d, cfg.PageSize, true, cfg.Balancer, rot, rv, mem),
		ret: newTier(pol.Retained.Key, pol.Retained.Value, d, cfg.PageSize, false, cfg.Balancer, rot, rv, mem),
		bal: newBalancer(d),
		rot: rot,
	}
	h.imp.arena, h.ret.arena = arena, arena
	return h
}

// balances reports whether a tier of the head stores balanced keys: only
// then does the balancer track the maxima.
func (h *head) balances() bool { return h.imp.balanced || h.ret.balanced && !h.pol.Evict }

// held returns the number of tokens the head stores, in both tiers.
func (h *head) held() int { return h.imp.n + h.ret.n }

// begin starts a call of m tokens at positions [n0, n0+m) for this KV
// head: q, k and v are the layer's whole arrays (see Layer.Decode); the
// head reads its own columns. It appends the tokens to the important tier
// (after the balancer has seen them). Attention passes (plan, runSplit,
// merge) and finish follow.
func (h *head) begin(q, k, v []float32, n0, m int) {
	h.gather(q, k, v, m)
	h.store(n0, m)
}

// store appends the call's m tokens, whose keys and values gather put in
// kin and vin, at positions [n0, n0+m) to the important tier, after the
// balancer has seen them (and the queries in qin).
func (h *head) store(n0, m int) {
	if h.balances() {
		h.bal.observe(h.qin, h.kin)
	}
	h.pos, h.init = h.pos[:0], h.init[:0]
	for t := range m {
		p := int32(n0 + t)
		h.pos = append(h.pos, p)
		h.init = append(h.init, initialScore(h.cfg.Selection, h.cfg.Seed, h.layer, h.index, p))
	}
	h.convert(&h.imp, h.kin, h.vin, nil)
	h.imp.appendRows(h.kin, h.vin, h.pos, h.init)
}

// endPass merges the pass's splits (a joint pass has written its output)
// and credits their attention.
func (h *head) endPass() {
	if !h.pass.joint {
		h.merge()
	}
	if sel := h.cfg.Selection; sel == Accumulated || sel == Normalized {
		h.credit()
	}
}

// finish ends a call of m tokens on a layer now n tokens long: it writes
// the outputs into the head's columns of out, then the window drops what
// no later query can see and the budget demotes.
func (h *head) finish(out []float32, n, m int) {
	h.scatter(out, m)
	h.expire(n)
	h.demote(n)
}

// blockTokens returns how many of a call's m query tokens attend in one
// pass over the cache (called before they are stored): all of them unless
// their score rows would exceed prefillBlockValues.
func (h *head) blockTokens(m int) int {
	per := h.group * (h.held() + m + 1)
	return max(1, min(m, prefillBlockValues/per))
}

// gather copies the head's columns of the call's m tokens into qin (none
// if q is nil), kin and vin, and sizes oin.
func (h *head) gather(q, k, v []float32, m int) {
	g, d := h.group, h.dim
	qh, kvh := h.cfg.QueryHeads, h.cfg.KVHeads
	h.qin, h.oin = grow(h.qin, m*g*d), grow(h.oin, m*g*d)
	h.kin, h.vin = grow(h.kin, m*d), grow(h.vin, m*d)
	if q == nil {
		h.qin = h.qin[:0]
	}
	for t := range m {
		if q != nil {
			copy(h.qin[t*g*d:(t+1)*g*d], q[(t*qh+h.index*g)*d:])
		}
		copy(h.kin[t*d:(t+1)*d], k[(t*kvh+h.index)*d:])
		copy(h.vin[t*d:(t+1)*d], v[(t*kvh+h.index)*d:])
	}
}

// scatter copies the outputs of the call's m tokens into the head's
// columns of out.
func (h *head) scatter(out []float32, m int) {
	g, d, qh := h.group, h.dim, h.cfg.QueryHeads
	for t := range m {
		copy(out[(t*qh+h.index*g)*d:][:g*d], h.oin[t*g*d:(t+1)*g*d])
	}
}

// demote moves the lowest-ranked unprotected important tokens to the
// retained tier (or drops them, with Evict) until the important tier is
// within its budget for n tokens.
func (h *head) demote(n int) {
	budget, recent := h.pol.budget(h.span(n))
	for h.imp.n > budget {
		s := h.victim(n, recent)
		if s < 0 {
			return // only sinks and recent tokens are left
		}
		if h.pol.Evict {
			h.evicted++
		} else {
			p, i := h.imp.slot(s)
			h.kr, h.vr = grow(h.kr, h.dim), grow(h.vr, h.dim)
			h.imp.read(s, h.kr, h.vr)
			h.convert(&h.ret, h.kr, h.vr, &h.imp)
			h.ret.appendRows(h.kr, h.vr, p.pos[i:i+1], nil)
		}
		h.imp.remove(s)
	}
}

// span returns the number of tokens a head of a layer of n tokens covers:
// n, or with a sliding window the Window−1 tokens the next query sees
// besides itself.
func (h *head) span(n int) int {
	if w := h.pol.Window; w > 0 {
		return min(n, w-1)
	}
	return n
}

// victim returns the slot of the important token to demote in a KV head of
// n tokens with a recent window of recent tokens: the lowest-ranked one
// that is neither a sink nor recent (the first such in slot order on a
// tie), or -1 if there is none.
func (h *head) victim(n, recent int) int {
	lo, hi := int32(min(h.pol.Sinks, n)), int32(max(n-recent, 0)) // unprotected positions: [lo, hi)
	sel := h.cfg.Selection
	if sel == Normalized && n < 1<<29 {
		return h.normalizedVictim(lo, hi, n)
	}
	best, bestRank := -1, math.Inf(1)
	for i, p := range h.imp.pages {
		m := h.imp.pageLen(i)
		base := i * h.imp.pageSize
		pos, sc := p.pos[:m], h.imp.score[base:base+m]
		if sel == Accumulated || sel == Random { // rank = score: the common case, kept tight
			for s, ps := range pos {
				if ps >= lo && ps < hi && float64(sc[s]) < bestRank {
					best, bestRank = base+s, float64(sc[s])
				}
			}
			continue
		}
		for s, ps := range pos {
			if ps >= lo && ps < hi {
				if r := rank(sel, sc[s], ps, n); r < bestRank {
					best, bestRank = base+s, r
				}
			}
		}
	}
	return best
}

// normalizedVictim is victim under Normalized selection, for n < 2^29:
// it picks what rank's quotients score/(n−pos) pick (the lowest, the
// first in slot order on a tie), with a division only for a token that
// beats the best so far. The test is the exact comparison of the two
// quotients, score·(n−pos_best) < score_best·(n−pos), whose float64
// products are exact (a float32 score has 24 significant bits, n < 2^29):
// a token that fails it has a quotient no lower than the best's, rounded
// or not, and one that passes is confirmed with rank's rounded quotient.
func (h *head) normalizedVictim(lo, hi int32, n int) int {
	best, bestRank := -1, math.Inf(1)
	var bs, bd float64 // the best token's score and count of queries
	for i, p := range h.imp.pages {
		m := h.imp.pageLen(i)
		base := i * h.imp.pageSize
		pos, sc := p.pos[:m], h.imp.score[base:base+m]
		for s, ps := range pos {
			if ps < lo || ps >= hi {
				continue
			}
			x, d := float64(sc[s]), float64(n-int(ps))
			if best < 0 || x*bd < bs*d {
				if r := x / d; r < bestRank {
					best, bestRank, bs, bd = base+s, r, x, d
				}
			}
		}
	}
	return best
}

// convert turns rows of keys k and values v, in place, into what tier t
// stores, from raw rows (from nil) or from what tier from stores: keys
// k ⊙ b if t is balanced, then R(·) if t rotates keys (else as given);
// values R(v) if t rotates values. Rows it transforms it then clamps to
// the range of t's formats (a safety net: the input check, against each
// tier's klim and vlim, and the balancer's freeze keep every stored row in
// range; rows passed as given are checked against the range of every tier
// they may enter). The first conversion into a balanced tier freezes the
// balancer.
func (h *head) convert(t *tier, k, v []float32, from *tier) {
	if t.balanced {
		h.bal.freeze(t.klim)
	}
	var fb, fr, fv bool
	if from != nil {
		fb, fr, fv = from.balanced, from.rotKeys, from.rotVals
	}
	if t.balanced != fb || t.rotKeys != fr {
		if fr {
			h.rtmp = grow(h.rtmp, len(k))
			h.rot.inverse(k, h.rtmp)
		}
		if fb {
			scaleRows(k, h.bal.inv)
		}
		if t.balanced {
			scaleRows(k, h.bal.b)
		}
		if t.rotKeys {
			h.rtmp = grow(h.rtmp, len(k))
			h.rot.forward(k, h.rtmp)
		}
		clampRows(k, limitOf(t.key))
	}
	if t.rotVals != fv {
		h.rtmp = grow(h.rtmp, len(v))
		if fv {
			h.rot.inverse(v, h.rtmp)
		} else {
			h.rot.forward(v, h.rtmp)
		}
		clampRows(v, limitOf(t.val))
	}
}

// scaleRows multiplies every row of x (a multiple of len(f) values) by f,
// channel by channel.
func scaleRows(x, f []float32) {
	d := len(f)
	for r := 0; r+d <= len(x); r += d {
		row := x[r : r+d]
		for c, b := range f[:len(row)] {
			row[c] *= b
		}
	}
}

// clampRows clamps every value of x (finite: checked before storing) to
// [−lim, lim].
func clampRows(x []float32, lim float32) {
	for c, v := range x {
		if v > lim {
			x[c] = lim
		} else if v < -lim {
			x[c] = -lim
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
	h.evicted, h.expired = 0, 0
	h.bal.reset()
}

// grow returns s resliced to n values, reallocated if it is too short.
func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n, n+n/4)
	}
	return s[:n]
}
