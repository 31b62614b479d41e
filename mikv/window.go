package mikv

// expire drops, with a sliding window, every token of the head that no
// query after a layer of n tokens can see: positions below n−Window+1
// (the next query, at position n, sees n−Window+1 … n). They leave either
// tier and are counted as expired; nothing is quantized.
func (h *head) expire(n int) {
	w := h.pol.Window
	if w <= 0 || n < w {
		return
	}
	lo := int32(n - w + 1)
	h.expired += h.imp.dropBelow(lo) + h.ret.dropBelow(lo)
}

// dropBelow removes every token of t at a position below lo and returns
// how many it removed. It reads every position but writes only the pages
// it removes from and the last page.
func (t *tier) dropBelow(lo int32) int {
	return t.dropWhere(func(p int32) bool { return p < lo })
}

// dropWhere removes every token of t whose position satisfies drop and
// returns how many it removed.
func (t *tier) dropWhere(drop func(int32) bool) int {
	removed := 0
	for s := 0; s < t.n; {
		p, i := t.slot(s)
		if drop(p.pos[i]) {
			t.remove(s) // the last token moves into s: look at s again
			removed++
			continue
		}
		s++
	}
	return removed
}
