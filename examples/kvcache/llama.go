package kvcache

import (
	"fmt"

	"github.com/lowbit-ml/lowbit/examples/llama2c"
)

// Attention returns the layers of c as the attention of a llama2c
// session (each a llama2c.Truncater, so Session.Truncate works).
func Attention(c Cache, layers int) []llama2c.Attention {
	att := make([]llama2c.Attention, layers)
	for l := range att {
		att[l] = layer{c: c, l: l}
	}
	return att
}

// CacheOf returns the Cache behind an Attention made by Attention.
func CacheOf(a llama2c.Attention) (Cache, bool) {
	l, ok := a.(layer)
	return l.c, ok
}

// layer is one layer of a Cache as a llama2c.Attention.
type layer struct {
	c Cache
	l int
}

func (a layer) Prefill(q, k, v []float32, n int, out []float32) error {
	return a.c.Put(a.l, q, k, v, n, out)
}

func (a layer) Decode(q, k, v, out []float32) error { return a.c.Put(a.l, q, k, v, 1, out) }

func (a layer) Truncate(n int) error { return a.c.TruncateLayer(a.l, n) }

// Generate decodes n tokens greedily after the session's last token cur
// (not yet fed), one token per step, and returns them.
func Generate(s *llama2c.Session, m *llama2c.Model, cur, n int) ([]int, error) {
	logits := make([]float32, m.Vocab)
	out := make([]int, 0, n)
	for range n {
		if err := s.Decode(cur, logits); err != nil {
			return out, err
		}
		cur = llama2c.Argmax(logits)
		out = append(out, cur)
	}
	return out, nil
}

// SpecStats counts what speculative decoding did.
type SpecStats struct {
	Rounds   int // verification calls of the target
	Drafted  int // draft tokens proposed
	Accepted int // draft tokens the target agreed with
}

// Speculate decodes n tokens greedily with the target session, k draft
// tokens at a time from the draft session (the same model with a smaller
// cache): the draft proposes k tokens one by one, the target verifies
// them in one call (one pass over its cache for the k+1 tokens), keeps
// the agreeing prefix and its own next token, and both sessions truncate
// what was rejected. Both sessions hold the same tokens, and cur is the
// last token, not yet fed. With an exact target the tokens are those of
// greedy decoding with the target alone, up to float rounding between a
// call of one token and of several.
func Speculate(target, draft *llama2c.Session, m *llama2c.Model, cur, n, k int) ([]int, SpecStats, error) {
	var st SpecStats
	if target.Pos() != draft.Pos() || k < 1 {
		return nil, st, fmt.Errorf("kvcache: sessions at %d and %d tokens, %d drafts", target.Pos(), draft.Pos(), k)
	}
	v := m.Vocab
	logits := make([]float32, v)
	verify := make([]float32, (k+1)*v)
	out := make([]int, 0, n)
	for len(out) < n {
		pos := target.Pos()
		kk := min(k, n-len(out)-1, m.SeqLen-pos-1)
		if kk < 1 { // one token left, or no room to speculate: a plain step of both
			if err := target.Decode(cur, logits); err != nil {
				return out, st, err
			}
			if err := draft.Decode(cur, nil); err != nil {
				return out, st, err
			}
			cur = llama2c.Argmax(logits)
			out = append(out, cur)
			continue
		}
		drafts := make([]int, 0, kk+1)
		drafts = append(drafts, cur)
		d := cur
		for range kk {
			if err := draft.Decode(d, logits); err != nil {
				return out, st, err
			}
			d = llama2c.Argmax(logits)
			drafts = append(drafts, d)
		}
		if err := target.Prefill(drafts, verify[:(kk+1)*v]); err != nil {
			return out, st, err
		}
		st.Rounds++
		st.Drafted += kk
		j := 0 // drafts accepted
		for j < kk && llama2c.Argmax(verify[j*v:(j+1)*v]) == drafts[j+1] {
			j++
		}
		st.Accepted += j
		next := llama2c.Argmax(verify[j*v : (j+1)*v])
		out = append(out, drafts[1:j+1]...)
		out = append(out, next)
		keep := pos + 1 + j // cur and the accepted drafts
		if err := target.Truncate(keep); err != nil {
			return out, st, err
		}
		switch {
		case draft.Pos() > keep:
			if err := draft.Truncate(keep); err != nil {
				return out, st, err
			}
		case draft.Pos() < keep: // every draft accepted: the draft has not seen the last one
			if err := draft.Decode(drafts[kk], nil); err != nil {
				return out, st, err
			}
		}
		cur = next
	}
	return out[:n], st, nil
}
