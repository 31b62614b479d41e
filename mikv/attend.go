package mikv

import (
	"fmt"
	"math"

	"github.com/lowbit-ml/lowbit"
)

// One attention pass of a KV head, for the query rows of m consecutive
// tokens at positions [p0, p0+m) (each token's group of query heads), runs
// in four phases, each in one place so that a later change drops in:
//
//  1. transformQueries: the query transform (the scale, then the division
//     by the balancer for balanced keys), once per pass;
//  2. pageScores: per page of each tier, one multi-query kernel call
//     (lowbit.Dot or DotQ8) for every query row, then the logit transform
//     (soft-capping) and the mask (causal within the call, sliding
//     window), written into the rows of h.scores;
//  3. normalize: per query row, the softmax over every token and the sink
//     logit, with the max and the sum taken over the whole row;
//  4. pageOutputs: per page, one lowbit.AddWeighted for every query row.
//
// A split of the pages over goroutines (flash-decoding) runs phases 2-4 on
// a range of pages each, with a per-split max and sum in phase 3, and
// merges the partial outputs; a rotation of the keys and queries goes in
// phase 1 and in convertKeys.

// stride returns the length of a score row: every held token, then the
// sink logit if the layer has sink logits.
func (h *head) stride() int {
	s := h.held()
	if h.pol.SinkLogits != nil {
		s++
	}
	return s
}

// attend sets out (m × group × dim) to the attention of the query rows q
// (the same shape) of the tokens at positions [p0, p0+m) over both tiers,
// leaving the probabilities in h.scores (rows of stride: the important
// tier first, then the retained tier, in slot order, then the sink).
func (h *head) attend(q, out []float32, p0, m int) {
	g := h.group
	rows, total, stride := m*g, h.held(), h.stride()
	h.scores = grow(h.scores, rows*stride)
	h.block = grow(h.block, rows*h.cfg.PageSize)
	h.transformQueries(q, rows)
	mask := m > 1 || h.pol.Window > 0
	off := h.pageScores(&h.imp, 0, 0, rows, p0, mask)
	h.pageScores(&h.ret, 1, off, rows, p0, mask)
	if sl := h.pol.SinkLogits; sl != nil {
		for r := range rows {
			h.scores[r*stride+total] = sl[h.index*g+r%g]
		}
	}
	h.normalize(rows)
	clear(out)
	off = h.pageOutputs(&h.imp, out, 0, rows)
	h.pageOutputs(&h.ret, out, off, rows)
}

// transformQueries sets h.qs to the rows of q times the scale and, if the
// balancer is frozen, h.qb to h.qs divided by the balancer.
func (h *head) transformQueries(q []float32, rows int) {
	d := h.dim
	h.qs = grow(h.qs, rows*d)
	scale := h.pol.scale(d)
	for i, x := range q[:rows*d] {
		h.qs[i] = x * scale
	}
	if inv := h.bal.inv; inv != nil {
		h.qb = grow(h.qb, rows*d)
		for j := range rows {
			row, src := h.qb[j*d:(j+1)*d], h.qs[j*d:(j+1)*d]
			for c, b := range inv {
				row[c] = src[c] * b
			}
		}
	}
}

// queries returns the transformed queries to score tier t's keys with:
// divided by the balancer if the tier stores balanced keys.
func (h *head) queries(t *tier, rows int) []float32 {
	if t.balanced && h.bal.inv != nil {
		return h.qb[:rows*h.dim]
	}
	return h.qs[:rows*h.dim]
}

// pageScores writes the scores of every token of tier t (index ti: 0 for
// important, 1 for retained) for the query rows of the tokens from
// position p0, from column off of the score rows, and returns the next
// column. With Int8Queries, a tier of 2-8 bit keys is scored by DotQ8 on
// the queries quantized once per pass. With mask, a token a row's query
// cannot see (later than it, or out of its window) scores -Inf.
func (h *head) pageScores(t *tier, ti, off, rows, p0 int, mask bool) int {
	if t.n == 0 {
		return off
	}
	g, stride := h.group, h.stride()
	x := h.queries(t, rows)
	var q8 *lowbit.Q8
	if h.cfg.Int8Queries && t.key.Quantized() {
		if h.q8[ti] == nil || h.q8[ti].Len() != rows {
			var err error
			if h.q8[ti], err = lowbit.NewQ8(t.key, rows, h.dim); err != nil {
				panic(fmt.Sprintf("mikv: %v", err)) // formats were validated by New
			}
		}
		q8 = h.q8[ti]
		if err := lowbit.QuantizeQ8(q8, x); err != nil {
			panic(fmt.Sprintf("mikv: checked queries failed to quantize: %v", err))
		}
	}
	direct := rows == 1 && !mask && h.pol.SoftCap == 0
	for i, p := range t.pages {
		n := t.pageLen(i)
		blk := h.block[:rows*n]
		if direct {
			blk = h.scores[off : off+n]
		}
		if q8 != nil {
			lowbit.DotQ8(blk, p.k.Slice(0, n), q8)
		} else {
			lowbit.Dot(blk, p.k.Slice(0, n), x)
		}
		if !direct {
			for r := range rows {
				dst := h.scores[r*stride+off : r*stride+off+n]
				copy(dst, blk[r*n:(r+1)*n])
				if c := h.pol.SoftCap; c > 0 {
					softCap(dst, c)
				}
				if mask {
					h.maskRow(dst, p.pos[:n], int32(p0+r/g))
				}
			}
		}
		off += n
	}
	return off
}

// softCap replaces each score s by c·tanh(s/c).
func softCap(s []float32, c float64) {
	for i, x := range s {
		s[i] = float32(c * math.Tanh(float64(x)/c))
	}
}

// maskRow sets to -Inf the scores of the tokens at positions pos that the
// query at position p cannot see: later ones, and with a window those
// older than p−Window+1.
func (h *head) maskRow(s []float32, pos []int32, p int32) {
	lo := int32(math.MinInt32)
	if w := h.pol.Window; w > 0 {
		lo = p - int32(w-1)
	}
	ninf := float32(math.Inf(-1))
	for i, ps := range pos {
		if ps > p || ps < lo {
			s[i] = ninf
		}
	}
}

// normalize turns each score row into probabilities (lowbit.Softmax: the
// max and the sum over the row, -Inf entries 0), the sink logit's share
// included and then left out of every later use.
func (h *head) normalize(rows int) {
	stride := h.stride()
	for r := range rows {
		lowbit.Softmax(h.scores[r*stride : (r+1)*stride])
	}
}

// pageOutputs adds Σ p_i v_i over the tokens of t to out, for every query
// row, reading the probabilities from column off of the score rows, and
// returns the next column.
func (h *head) pageOutputs(t *tier, out []float32, off, rows int) int {
	stride := h.stride()
	for i, p := range t.pages {
		n := t.pageLen(i)
		var w []float32
		if rows == 1 {
			w = h.scores[off : off+n]
		} else {
			w = h.block[:rows*n]
			for r := range rows {
				copy(w[r*n:(r+1)*n], h.scores[r*stride+off:r*stride+off+n])
			}
		}
		lowbit.AddWeighted(out, p.v.Slice(0, n), w)
		off += n
	}
	return off
}
