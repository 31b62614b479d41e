package llama2c

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Argmax returns the index of the largest logit (the first on ties).
func Argmax(logits []float32) int {
	best := 0
	for i, v := range logits {
		if v > logits[best] {
			best = i
		}
	}
	return best
}

// LogSoftmax writes log p_i = logit_i - log Σ exp(logit_j) into dst, in
// float64.
func LogSoftmax(dst []float64, logits []float32) {
	m := math.Inf(-1)
	for _, v := range logits {
		m = math.Max(m, float64(v))
	}
	var sum float64
	for _, v := range logits {
		sum += math.Exp(float64(v) - m)
	}
	lse := m + math.Log(sum)
	for i, v := range logits {
		dst[i] = float64(v) - lse
	}
}

// Sample returns a sequence of n tokens: BOS, then n-1 tokens drawn from
// the model's own next-token distribution at temperature 1, with a random
// source seeded by seed, through exact attention. The same model and seed
// give the same sequence. n must be at least 1 (BOS alone) and at most
// SeqLen+1 (the last token is drawn after SeqLen tokens of context);
// other lengths are an error.
func Sample(m *Model, seed uint64, n int) ([]int, error) {
	if n < 1 || n > m.SeqLen+1 {
		return nil, fmt.Errorf("llama2c: a sample of %d tokens (want 1 to %d: BOS, then at most the model's context of %d)", n, m.SeqLen+1, m.SeqLen)
	}
	s, err := m.NewSession(Exact(m.Config))
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6c6c616d61326321))
	tokens := []int{BOS}
	logits := make([]float32, m.Vocab)
	logp := make([]float64, m.Vocab)
	for len(tokens) < n {
		if err := s.Decode(tokens[len(tokens)-1], logits); err != nil {
			return nil, err
		}
		LogSoftmax(logp, logits)
		u := rng.Float64()
		next := len(logp) - 1
		for i, lp := range logp {
			if u -= math.Exp(lp); u < 0 {
				next = i
				break
			}
		}
		tokens = append(tokens, next)
	}
	return tokens, nil
}
