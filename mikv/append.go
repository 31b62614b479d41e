package mikv

import (
	"cmp"
	"fmt"
	"slices"
)

// AppendInfo is what a caller of Append may know about the tokens it
// appends. Either field may be nil.
type AppendInfo struct {
	// Queries holds the tokens' n rows of QueryHeads×HeadDim queries
	// (as for Prefill); only the balancer reads them.
	Queries []float32
	// Importance holds, for each token and KV head (n rows of KVHeads
	// values), the attention the token has received: under Accumulated
	// and Normalized selection, the sum over the queries that saw it and
	// the query heads of the KV head of its attention probability, as
	// Prefill accumulates it. Each value must be finite and at least 0.
	Importance []float32
}

// Append stores n tokens without attending with them, for a caller that
// computed attention itself (its own prefill, another runtime's cache
// taken over) and only needs the tokens stored. k and v hold n rows of
// KVHeads×HeadDim values, as for Prefill; info, which may be nil, adds
// the tokens' queries and importance. It costs O(n) work (quantizing the
// tokens) and a sort of the important tier's tokens, and no attention: 32K
// tokens of 8 KV heads of dimension 128 take a fraction of a second.
//
// Importance: under Accumulated and Normalized selection each appended
// token enters with the score info.Importance gives it, 0 without (the
// tokens already held keep theirs); Random draws scores and Recency ranks
// by position, as always. The budget then applies once for the new
// length, as after Prefill: the important tier keeps the sinks, the
// recent window and the best-ranked of the rest, and among tokens of
// equal rank the latest; every other token goes to the retained tier,
// quantized once from the given values (a token already held is
// re-quantized from its important format, as a decode step demotes it),
// or is dropped with Evict. With a Window, tokens no later query can see
// are dropped. So without importance, the appended tokens outside the
// sinks and the recent window are the first to leave the important tier:
// the tier holds the most recent tokens, not the heavy hitters.
//
// Balancer: the appended keys, and info.Queries if given, count toward the
// channel maxima while the balancer is not frozen, as in Prefill; it
// freezes when the first key is stored in a 2-8 bit format. Without
// queries, a channel whose queries were never seen gets b = 1 (no
// balancing), so pass them, or Prefill a prompt first, when the balancer
// matters (2-bit keys with outlier channels).
//
// It returns an error, and changes nothing, on the bad input Prefill
// refuses (lengths, values beyond what the tiers store, a pool's budget,
// MaxLen), or on an importance that is negative, NaN or infinite.
func (l *Layer) Append(k, v []float32, n int, info *AppendInfo) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n < 0 || n > MaxLen-l.n {
		return fmt.Errorf("%w: Append of %d tokens on a layer of %d", ErrInput, n, l.n)
	}
	var q, imp []float32
	if info != nil {
		q, imp = info.Queries, info.Importance
	}
	if err := l.checkInput("Append", q, k, v, nil, n); err != nil {
		return err
	}
	if err := l.checkImportance(imp, n); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	res, err := l.reserve(n)
	if err != nil {
		return err
	}
	defer l.mem.unreserve(res)
	n0 := l.n
	l.n += n
	l.each(func(h *head) { h.appendTokens(q, k, v, imp, n0, n) })
	return nil
}

// checkImportance checks Append's importance of n tokens (nil: none).
func (l *Layer) checkImportance(imp []float32, n int) error {
	if imp == nil {
		return nil
	}
	if kvh := l.cfg.KVHeads; len(imp)%kvh != 0 || len(imp)/kvh != n {
		return fmt.Errorf("%w: Append of %d tokens needs len(Importance) = %d × %d, got %d", ErrInput, n, n, kvh, len(imp))
	}
	for i, x := range imp {
		if !(x >= 0 && x <= MaxValue) {
			return fmt.Errorf("%w: Append: Importance[%d] = %v (want finite, at least 0)", ErrInput, i, x)
		}
	}
	return nil
}

// appendTokens is Append for this KV head: m tokens at positions [n0,
// n0+m), the layer's arrays q (or nil), k, v and imp (or nil).
func (h *head) appendTokens(q, k, v, imp []float32, n0, m int) {
	h.gather(q, k, v, m)
	if h.balances() {
		h.bal.observe(h.qin, h.kin)
	}
	n := n0 + m
	first := 0 // the first new token a window keeps
	if w := h.pol.Window; w > 0 && n >= w {
		first = max(0, n-w+1-n0)
		h.expired += first
	}
	h.expire(n)
	h.init = h.init[:0]
	for t := range m {
		s := initialScore(h.cfg.Selection, h.cfg.Seed, h.layer, h.index, int32(n0+t))
		if sel := h.cfg.Selection; imp != nil && (sel == Accumulated || sel == Normalized) {
			s = imp[t*h.cfg.KVHeads+h.index]
		}
		h.init = append(h.init, s)
	}
	keepNew := h.selectAppended(n0, m, first)
	// Partition the new rows in place, in position order: the important
	// ones to the front of kin and vin, the others into kr and vr.
	d := h.dim
	h.pos = h.pos[:0]
	nr := 0
	for _, keep := range keepNew[first:] {
		if !keep {
			nr++
		}
	}
	pr := make([]int32, 0, nr)
	h.kr, h.vr = grow(h.kr, nr*d), grow(h.vr, nr*d)
	ni := 0
	for t := first; t < m; t++ {
		p := int32(n0 + t)
		krow, vrow := h.kin[t*d:(t+1)*d], h.vin[t*d:(t+1)*d]
		if !keepNew[t] {
			r := len(pr)
			copy(h.kr[r*d:(r+1)*d], krow)
			copy(h.vr[r*d:(r+1)*d], vrow)
			pr = append(pr, p)
			continue
		}
		copy(h.kin[ni*d:(ni+1)*d], krow)
		copy(h.vin[ni*d:(ni+1)*d], vrow)
		h.pos = append(h.pos, p)
		h.init[ni] = h.init[t] // ni <= t
		ni++
	}
	if ni > 0 {
		ki, vi := h.kin[:ni*d], h.vin[:ni*d]
		h.convert(&h.imp, ki, vi, nil)
		h.imp.appendRows(ki, vi, h.pos, h.init[:ni])
	}
	switch {
	case len(pr) == 0:
	case h.pol.Evict:
		h.evicted += len(pr)
	default:
		h.convert(&h.ret, h.kr, h.vr, nil)
		h.ret.appendRows(h.kr, h.vr, pr, nil)
	}
}

// selectAppended applies the budget of a head of n tokens to its
// important tokens and to the m tokens being appended from position n0
// (those from first on; a window drops the others), all at once: it
// demotes (or evicts) the important tokens that lose their place and
// returns which new tokens stay important (their initial scores in
// h.init). Sinks and recent tokens always stay; of the others, the
// highest-ranked stay, and on a tie the later.
func (h *head) selectAppended(n0, m, first int) []bool {
	n := n0 + m
	budget, recent := h.pol.budget(h.span(n))
	sel := h.cfg.Selection
	keep := make([]bool, m)
	type cand struct {
		rank float64
		pos  int32
		slot int // the important slot, or −1 for a new token
	}
	var cands []cand
	kept := h.imp.n + m - first
	for s := range h.imp.n {
		p, i := h.imp.slot(s)
		pos := p.pos[i]
		if !protected(pos, n, h.pol.Sinks, recent) {
			cands = append(cands, cand{rank(sel, h.imp.score[s], pos, n), pos, s})
		}
	}
	for t := first; t < m; t++ {
		pos := int32(n0 + t)
		keep[t] = true
		if !protected(pos, n, h.pol.Sinks, recent) {
			cands = append(cands, cand{rank(sel, h.init[t], pos, n), pos, -1})
		}
	}
	drop := min(len(cands), max(0, kept-budget))
	if drop == 0 {
		return keep
	}
	// Lowest rank first; on a tie the earlier token.
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	var slots []int
	for _, c := range cands[:drop] {
		if c.slot < 0 {
			keep[int(c.pos)-n0] = false
		} else {
			slots = append(slots, c.slot)
		}
	}
	h.demoteSlots(slots)
	return keep
}

// demoteSlots moves the important tokens at the given slots to the
// retained tier, in position order (or drops them, with Evict).
func (h *head) demoteSlots(slots []int) {
	if len(slots) == 0 {
		return
	}
	d := h.dim
	// Read them before removing any (a removal moves the last token).
	if !h.pol.Evict {
		pos := make([]int32, len(slots))
		order := make([]int, len(slots))
		for i, s := range slots {
			p, j := h.imp.slot(s)
			pos[i], order[i] = p.pos[j], i
		}
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(pos[a], pos[b]) })
		k, v := make([]float32, len(slots)*d), make([]float32, len(slots)*d)
		sorted := make([]int32, len(slots))
		for r, i := range order {
			h.imp.read(slots[i], k[r*d:(r+1)*d], v[r*d:(r+1)*d])
			sorted[r] = pos[i]
		}
		h.convert(&h.ret, k, v, &h.imp)
		h.ret.appendRows(k, v, sorted, nil)
	} else {
		h.evicted += len(slots)
	}
	// Remove from the highest slot down: the last token, which moves into
	// a freed slot, is then never one still to remove.
	slices.SortFunc(slots, func(a, b int) int { return cmp.Compare(b, a) })
	for _, s := range slots {
		h.imp.remove(s)
	}
}
