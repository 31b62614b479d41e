package lowbit

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// BenchmarkAttention times the attention kernel over a whole prompt on
// one goroutine: one KV head of dimension 128 read by 4 query heads, with
// the importance sums and max|q|. GFLOP/s counts the causal half of the
// two products, 2·n²·d·g (n²·d·2 for QKᵀ and as much for PV, times the g
// query heads, halved for causality), and nothing for the softmax or the
// importance sums. LOWBIT_ATTN_LEN sets the prompt length (default 4096;
// 32768 takes about 20 s per run on a 3 GHz Zen 3).
func BenchmarkAttention(b *testing.B) {
	n := 4096
	if s := os.Getenv("LOWBIT_ATTN_LEN"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	const d, g = 128, 4
	rng := rand.New(rand.NewPCG(5, 5))
	p := AttentionParams{Len: n, Dim: d, Group: g}
	c := newAttnCase(rng, p)
	a, err := NewAttentionKV(p)
	if err != nil {
		b.Fatal(err)
	}
	a.Set(c.k, c.v, nil)
	out, cs, maxQ := make([]float32, len(c.q)), make([]float32, n), make([]float32, d)
	for _, im := range Implementations() {
		if im == Generic() && n > 4096 {
			continue
		}
		b.Run(fmt.Sprintf("n%d/%s", n, im.Name()), func(b *testing.B) {
			s := a.NewScratch()
			for b.Loop() {
				im.Attention(a, s, out, c.q, 0, n, cs, maxQ)
			}
			flops := 2 * float64(n) * float64(n) * d * g
			b.ReportMetric(flops*float64(b.N)/float64(b.Elapsed().Nanoseconds()), "GFLOP/s")
		})
	}
}
