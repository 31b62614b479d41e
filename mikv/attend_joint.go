package mikv

import "github.com/lowbit-ml/lowbit"

// The joint pass: a head that holds few tokens (at most jointTokens over
// both tiers) runs its whole attention pass as one task. What a split pass
// spends per split (a softmax per query row over the split alone, its
// reference score, a partial output, and the merge that weighs the
// partial outputs) costs as much there as the kernels' work: a decode step
// of a small model at a few hundred tokens is mostly those fixed costs.
// The joint pass scores every split, then per query row takes one softmax
// over all the row's scores (and the sink logit), which are then final
// probabilities, and each split's lowbit.AddWeighted adds straight into
// the output rows. Whether a pass is joint depends on the number of tokens
// only, never on the number of workers, so the output stays bit-identical
// for any number of workers.

// jointTokens is the most tokens a head may hold for its passes to be
// joint: one split's worth. A variable so that the tests can run the split
// passes on small caches too.
var jointTokens = splitTokens

// runJoint runs the pass of a head whose pass is joint (see plan): the
// scores of every split into its block, the logit transform and mask, per
// query row one softmax over the row's scores of every split (gathered
// into h.jrow with the sink logit, and scattered back), then per split one
// lowbit.AddWeighted into the output rows, in split order; the splits'
// merge weights (read by credit) are 1. Every row sees at least its own
// token (stored before the pass, within any window), so unlike a split's
// row a joint row never holds only -Inf.
func (h *head) runJoint() {
	rows, g := h.pass.rows, h.group
	tiers := h.tiers()
	total := 0
	for si := range h.splits {
		s := &h.splits[si]
		t := tiers[s.ti]
		h.score(h.block(s), t.pages[s.page].k.Slice(s.lo, s.lo+s.n), t, s.ti)
		total += s.n
	}
	sl := h.pol.SinkLogits
	width := total
	if sl != nil {
		width++ // the sink logit, last
	}
	h.jrow = grow(h.jrow, width)
	for r := range rows {
		row := h.jrow[:width]
		for si := range h.splits {
			s := &h.splits[si]
			piece := row[s.col : s.col+s.n]
			copy(piece, h.block(s)[r*s.n:(r+1)*s.n])
			h.transformRow(piece, tiers[s.ti].pages[s.page].pos[s.lo:s.lo+s.n], r)
		}
		if sl != nil {
			row[total] = sl[h.index*g+r%g]
		}
		lowbit.Softmax(row)
		for si := range h.splits {
			s := &h.splits[si]
			copy(h.block(s)[r*s.n:(r+1)*s.n], row[s.col:s.col+s.n])
		}
	}
	h.jointOutput()
}

// jointOutput writes the output rows of a joint pass: per split, in split
// order, lowbit.AddWeighted of its values with its block of final
// probabilities, into the output rows, or for a tier of rotated values
// into h.orot, which is rotated back (Rᵀ) and added last, as merge does.
func (h *head) jointOutput() {
	rows, d, g := h.pass.rows, h.dim, h.group
	out := h.oin[h.pass.t0*g*d:][:rows*d]
	clear(out)
	tiers := h.tiers()
	rotated := h.beginRotated()
	for si := range h.splits {
		s := &h.splits[si]
		t := tiers[s.ti]
		dst := out
		if rotated[s.ti] {
			dst = h.orot
		}
		h.sumValues(dst, t.pages[s.page].v.Slice(s.lo, s.lo+s.n), h.block(s), s.ti)
		w := h.wts[si*rows : (si+1)*rows]
		for r := range w {
			w[r] = 1
		}
	}
	h.endRotated(rotated, out)
}
