package mikv

// Stats describes what a layer, or a whole cache, holds. Token counts are
// rows: one key and one value of one KV head, summed over the KV heads (and
// layers), so Important + Retained + Evicted + Expired = Tokens × KVHeads.
type Stats struct {
	Tokens    int // tokens appended, summed over layers (each layer's Len)
	Important int // rows in the important tier
	Retained  int // rows in the retained tier
	Evicted   int // rows dropped by Evict
	Expired   int // rows dropped by a sliding window (Window)

	CodeBytes        int64 // codes of quantized rows, fp16 and float32 values, keys and values of both tiers
	ScaleBytes       int64 // fp16 scales and mins of those rows
	BookkeepingBytes int64 // positions (4 bytes a row), important scores (4 bytes a row), balancer state
	AllocatedBytes   int64 // everything the pages, scores and balancers occupy, unused page slots included
	SharedBytes      int64 // the part of AllocatedBytes in pages shared with a clone (counted in each)

	// ShareOfF16 is the paper's cache size as a share of an fp16 cache of
	// the same tokens: (CodeBytes + ScaleBytes) / (Tokens × KVHeads ×
	// HeadDim × 2 sides × 2 bytes). With the tiers' formats it equals
	// (r·b_hi + (1−r)·b_lo)/16 per side, averaged over keys and values, at
	// the actual share r of important rows (Config.ShareOfF16 gives it at
	// the configured Ratio). Bookkeeping is not counted, as in the paper.
	ShareOfF16 float64
}

// add folds o into s (ShareOfF16 is recomputed by the caller).
func (s *Stats) add(o Stats) {
	s.Tokens += o.Tokens
	s.Important += o.Important
	s.Retained += o.Retained
	s.Evicted += o.Evicted
	s.Expired += o.Expired
	s.CodeBytes += o.CodeBytes
	s.ScaleBytes += o.ScaleBytes
	s.BookkeepingBytes += o.BookkeepingBytes
	s.AllocatedBytes += o.AllocatedBytes
	s.SharedBytes += o.SharedBytes
}

// share sets ShareOfF16 for a cache of the given KV heads and head
// dimension.
func (s *Stats) share(kvHeads, dim int) {
	s.ShareOfF16 = 0
	if den := float64(s.Tokens) * float64(kvHeads) * float64(dim) * 4; den > 0 {
		s.ShareOfF16 = float64(s.CodeBytes+s.ScaleBytes) / den
	}
}

// Stats returns what the layer holds.
func (l *Layer) Stats() Stats {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stats()
}

func (l *Layer) stats() Stats {
	s := Stats{Tokens: l.n}
	for _, h := range l.heads {
		s.Important += h.imp.n
		s.Retained += h.ret.n
		s.Evicted += h.evicted
		s.Expired += h.expired
		for _, t := range []*tier{&h.imp, &h.ret} {
			c, sc := t.storedBytes()
			s.CodeBytes += c
			s.ScaleBytes += sc
			s.AllocatedBytes += t.allocatedBytes()
			s.SharedBytes += t.sharedBytes()
		}
		bal := int64(len(h.bal.maxQ)+len(h.bal.maxK)+len(h.bal.b)+len(h.bal.inv)) * 4
		s.BookkeepingBytes += int64(h.imp.n)*8 + int64(h.ret.n)*4 + bal
		s.AllocatedBytes += bal
	}
	s.share(l.cfg.KVHeads, l.cfg.HeadDim)
	return s
}
