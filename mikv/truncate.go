package mikv

import "fmt"

// Truncate drops every token at position n or later (rejected speculative
// drafts, a context shift's cut, a branch point), so that Len is n and the
// next token appended is at position n. It touches only the pages that
// hold a dropped token (and, in a cache sharing pages with a clone, copies
// those). It returns an error wrapping ErrInput, and changes nothing, if n
// is negative or beyond Len, or ErrBudget if a pool's budget cannot hold
// the copies.
//
// The kept tokens stay in the tier they are in, with their scores, and the
// balancer stays as it is; then the important tier is brought back within
// the budget for n tokens, as a decode step would. What the dropped tokens
// changed in the kept ones is not undone:
//   - their queries' attention stays in the kept tokens' scores
//     (Accumulated and Normalized selection);
//   - a kept token they demoted stays in the retained tier, a token they
//     evicted or pushed out of a sliding window stays dropped (the
//     important tier, or the window, then holds fewer tokens until new
//     ones fill it);
//   - the maxima they added to a balancer that was not frozen stay.
//
// So a truncated cache that then sees the same calls as one that never saw
// the dropped tokens is bit for bit that cache exactly when the dropped
// tokens changed none of these: when the calls that appended them demoted,
// evicted and expired nothing, credited no score a later choice reads
// (Recency or Random selection, or nothing ever demoted, as with Ratio 1)
// and found the balancer frozen or unused. Otherwise it is a cache that
// ranks its tokens with some extra, stale attention. For an exact
// rollback in every configuration, Clone before the tokens that may be
// dropped (it costs the pages the later calls touch) and go on from the
// clone.
func (l *Layer) Truncate(n int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n < 0 || n > l.n {
		return fmt.Errorf("%w: Truncate to %d tokens a layer of %d", ErrInput, n, l.n)
	}
	if n == l.n {
		return nil
	}
	var res int64
	for _, h := range l.heads {
		res += h.growthBound(0, true)
	}
	if err := l.mem.reserve(res, fmt.Sprintf("layer %d: Truncate to %d tokens", l.index, n)); err != nil {
		return err
	}
	defer l.mem.unreserve(res)
	l.n = n
	l.each(func(h *head) { h.truncate(n) })
	return nil
}

// truncate drops the head's tokens at positions n and later and applies
// the budget for n tokens.
func (h *head) truncate(n int) {
	cut := func(p int32) bool { return int(p) >= n }
	h.imp.dropWhere(cut)
	h.ret.dropWhere(cut)
	// Every position below n is held, evicted or expired; which of the
	// drops were at n or later is not recorded, so the counts are rebuilt:
	// expired ones first (a window dropped only old positions).
	dropped := n - h.held()
	h.expired = min(h.expired, dropped)
	h.evicted = dropped - h.expired
	h.demote(n)
}

// Truncate truncates every layer to n tokens (see Layer.Truncate), with
// every layer locked. It returns an error, and changes nothing, if n is
// beyond a layer's Len or a pool's budget cannot hold the copies.
func (c *Cache) Truncate(n int) error {
	unlock := c.lockAll()
	defer unlock()
	var res int64
	for i, l := range c.layers {
		if n < 0 || n > l.n {
			return fmt.Errorf("%w: Truncate to %d tokens: layer %d holds %d", ErrInput, n, i, l.n)
		}
		for _, h := range l.heads {
			res += h.growthBound(0, true)
		}
	}
	if err := c.mem.reserve(res, fmt.Sprintf("Truncate to %d tokens", n)); err != nil {
		return err
	}
	defer c.mem.unreserve(res)
	for _, l := range c.layers {
		if n < l.n {
			l.n = n
			l.each(func(h *head) { h.truncate(n) })
		}
	}
	return nil
}
