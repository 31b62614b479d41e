package mikv_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/lowbit-ml/lowbit/mikv"
)

// rows stands in for a model's q, k or v projections (RoPE applied).
func rows(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

func Example() {
	const layers, kvHeads, qHeads, dim, prompt = 1, 2, 4, 128, 100
	cache, err := mikv.New(mikv.DefaultConfig(layers, kvHeads, qHeads, dim)) // fp16 over int2, r = 0.2
	if err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	layer := cache.Layer(0)
	out := make([]float32, prompt*qHeads*dim)
	if err := layer.Prefill(rows(rng, prompt*qHeads*dim), rows(rng, prompt*kvHeads*dim), rows(rng, prompt*kvHeads*dim), prompt, out); err != nil {
		panic(err)
	}
	for range 50 { // one token per step
		if err := layer.Decode(rows(rng, qHeads*dim), rows(rng, kvHeads*dim), rows(rng, kvHeads*dim), out[:qHeads*dim]); err != nil {
			panic(err)
		}
	}
	s := cache.Stats()
	fmt.Printf("%d tokens: %d important and %d retained rows, %.1f%% of fp16\n", layer.Len(), s.Important, s.Retained, 100*s.ShareOfF16)
	// Output:
	// 150 tokens: 60 important and 240 retained rows, 32.5% of fp16
}
