package mikv_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
)

// Two query heads share one KV head of dimension 8. Each token's key
// points along its own channel and its value is its number plus one; query head 0
// looks for token 0's key, query head 1 for the newest token's.
func ExampleLayer_Decode() {
	cache, err := mikv.New(mikv.DefaultConfig(1, 1, 2, 8)) // 1 layer, 1 KV head, 2 query heads, head dimension 8
	if err != nil {
		panic(err)
	}
	layer := cache.Layer(0)
	q, k, v, out := make([]float32, 2*8), make([]float32, 8), make([]float32, 8), make([]float32, 2*8)
	for t := range 5 {
		clear(q)
		clear(k)
		clear(v)
		k[t], v[0] = 6, float32(t+1)
		q[0], q[8+t] = 6, 6
		if err := layer.Decode(q, k, v, out); err != nil {
			panic(err)
		}
		fmt.Printf("token %d: head 0 reads %.2f, head 1 reads %.2f\n", t, out[0], out[8])
	}
	s := cache.Stats()
	fmt.Printf("%d important and %d retained rows\n", s.Important, s.Retained)
	// Output:
	// token 0: head 0 reads 1.00, head 1 reads 1.00
	// token 1: head 0 reads 1.00, head 1 reads 2.00
	// token 2: head 0 reads 1.00, head 1 reads 3.00
	// token 3: head 0 reads 1.00, head 1 reads 4.00
	// token 4: head 0 reads 1.00, head 1 reads 5.00
	// 1 important and 4 retained rows
}

// A cache saved between steps restores bit-exactly: the restored cache
// goes on as the original does.
func ExampleCache_MarshalBinary() {
	cfg := mikv.DefaultConfig(1, 2, 4, 32)
	cache, err := mikv.New(cfg)
	if err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	nq, nkv := 4*32, 2*32
	layer := cache.Layer(0)
	if err := layer.Prefill(rows(rng, 50*nq), rows(rng, 50*nkv), rows(rng, 50*nkv), 50, make([]float32, 50*nq)); err != nil {
		panic(err)
	}
	data, err := cache.MarshalBinary()
	if err != nil {
		panic(err)
	}
	var restored mikv.Cache
	if err := restored.UnmarshalBinary(data); err != nil {
		panic(err)
	}
	q, k, v := rows(rng, nq), rows(rng, nkv), rows(rng, nkv)
	a, b := make([]float32, nq), make([]float32, nq)
	if err := layer.Decode(q, k, v, a); err != nil {
		panic(err)
	}
	if err := restored.Layer(0).Decode(q, k, v, b); err != nil {
		panic(err)
	}
	fmt.Printf("%d tokens saved in %d bytes; the next outputs are identical: %t\n", layer.Len()-1, len(data), fmt.Sprint(a) == fmt.Sprint(b))
	// Output:
	// 50 tokens saved in 6798 bytes; the next outputs are identical: true
}

// Speculative decoding: the target model verifies four draft tokens in
// one call (one pass over the cache, a causal mask among them), the first
// two are accepted, and Truncate drops the other two before decoding goes
// on from the accepted ones.
func ExampleLayer_DecodeBatch() {
	cache, err := mikv.New(mikv.DefaultConfig(1, 2, 4, 32))
	if err != nil {
		panic(err)
	}
	layer := cache.Layer(0)
	rng := rand.New(rand.NewPCG(3, 4))
	nq, nkv := 4*32, 2*32
	if err := layer.Prefill(rows(rng, 40*nq), rows(rng, 40*nkv), rows(rng, 40*nkv), 40, make([]float32, 40*nq)); err != nil {
		panic(err)
	}
	const drafts = 4
	out := make([]float32, drafts*nq) // one output row set per draft token
	if err := layer.DecodeBatch(rows(rng, drafts*nq), rows(rng, drafts*nkv), rows(rng, drafts*nkv), drafts, out); err != nil {
		panic(err)
	}
	fmt.Println("after verification:", layer.Len(), "tokens")
	if err := layer.Truncate(40 + 2); err != nil { // two drafts accepted
		panic(err)
	}
	fmt.Println("after rejecting two:", layer.Len(), "tokens")
	// Output:
	// after verification: 44 tokens
	// after rejecting two: 42 tokens
}

// A server's prompt cache: the prompt is prefilled once, and each request
// starts from a copy-on-write clone of it (no page copied until a request
// writes one); a pool holds the requests' caches within one memory
// budget.
func ExamplePool() {
	cfg := mikv.DefaultConfig(2, 2, 4, 32)
	cfg.PageSize = 64
	pool, err := mikv.NewPool(cfg, 1<<20) // a budget of 1 MiB of pages
	if err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	nq, nkv := 4*32, 2*32
	prompt := pool.New()
	for i := range 2 {
		if err := prompt.Layer(i).Prefill(rows(rng, 300*nq), rows(rng, 300*nkv), rows(rng, 300*nkv), 300, make([]float32, 300*nq)); err != nil {
			panic(err)
		}
	}
	fmt.Println("prompt:", pool.Stats().PageBytes, "bytes of pages")
	for r := range 3 {
		held := pool.Stats().PageBytes
		req := prompt.Clone()
		for i := range 2 {
			if err := req.Layer(i).Decode(rows(rng, nq), rows(rng, nkv), rows(rng, nkv), make([]float32, nq)); err != nil {
				panic(err)
			}
		}
		fmt.Printf("request %d: %d tokens, %d bytes of pages copied, %d shared\n", r, req.Layer(0).Len(), pool.Stats().PageBytes-held, req.Stats().SharedBytes)
	}
	st := pool.Stats()
	fmt.Println(st.Sequences, "sequences,", st.PageBytes, "bytes of pages")
	// Output:
	// prompt: 70656 bytes of pages
	// request 0: 301 tokens, 43008 bytes of pages copied, 27648 shared
	// request 1: 301 tokens, 43008 bytes of pages copied, 27648 shared
	// request 2: 301 tokens, 43008 bytes of pages copied, 27648 shared
	// 4 sequences, 199680 bytes of pages
}

// Per-layer policies: the first and last layers keep 4-bit retained
// tokens, the others 2-bit; odd layers attend to a sliding window of 4096
// tokens, with learned sink logits (gpt-oss style), and every layer caps
// its logits at 50 (Gemma 2 style).
func ExampleConfig_WithLayers() {
	cfg := mikv.DefaultConfig(4, 2, 4, 64)
	cfg.SoftCap = 50
	cfg = cfg.WithLayers(func(i int, p *mikv.LayerPolicy) {
		if i == 0 || i == 3 {
			p.Retained = mikv.Tier{Key: lowbit.Quant(4, 32), Value: lowbit.Quant(4, 32)}
		}
		if i%2 == 1 {
			p.Window, p.SinkLogits = 4096, []float32{0.5, -1, 2, 0}
		}
	})
	cache, err := mikv.New(cfg)
	if err != nil {
		panic(err)
	}
	for i := range 4 {
		fmt.Println(i, cache.Layer(i).Policy())
	}
	fmt.Printf("%.3f of fp16\n", cfg.ShareOfF16())
	// Output:
	// 0 mikv f16/f16 over q4g32/q4g32 r=0.2 recent=0.5 sinks=0 softcap=50
	// 1 mikv f16/f16 over q2g32/q2g32 r=0.2 recent=0.5 sinks=0 window=4096 softcap=50 sink-logits
	// 2 mikv f16/f16 over q2g32/q2g32 r=0.2 recent=0.5 sinks=0 softcap=50
	// 3 mikv f16/f16 over q4g32/q4g32 r=0.2 recent=0.5 sinks=0 window=4096 softcap=50 sink-logits
	// 0.400 of fp16
}

// Clone branches a cache: each branch goes its own way, and each copies
// a page only when it first writes to it.
func ExampleCache_Clone() {
	cfg := mikv.DefaultConfig(1, 1, 2, 64)
	cfg.PageSize = 64
	cache, err := mikv.New(cfg)
	if err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	nq, nkv := 2*64, 64
	if err := cache.Layer(0).Prefill(rows(rng, 1000*nq), rows(rng, 1000*nkv), rows(rng, 1000*nkv), 1000, make([]float32, 1000*nq)); err != nil {
		panic(err)
	}
	before, _ := cache.MarshalBinary()
	branch := cache.Clone()
	if err := branch.Layer(0).Decode(rows(rng, nq), rows(rng, nkv), rows(rng, nkv), make([]float32, nq)); err != nil {
		panic(err)
	}
	s := branch.Stats()
	fmt.Printf("branch: %d tokens, %d of %d bytes still shared\n", branch.Layer(0).Len(), s.SharedBytes, s.AllocatedBytes)
	after, _ := cache.MarshalBinary()
	fmt.Println("the original is unchanged:", cache.Layer(0).Len(), "tokens,", bytes.Equal(before, after))
	// Output:
	// branch: 1001 tokens, 73216 of 111744 bytes still shared
	// the original is unchanged: 1000 tokens, true
}

// A runtime that computed a prompt's attention itself stores the prompt
// with Append, passing the attention each token received: the important
// tier keeps the most attended tokens (and the recent window), the rest is
// quantized. Decoding then goes on as after a Prefill; Workers 2 splits
// each step over the KV heads and their pages, with the same results.
func ExampleLayer_Append() {
	cfg := mikv.DefaultConfig(1, 2, 4, 16) // 2 KV heads, 4 query heads, head dimension 16
	cfg.Workers = 2
	cache, err := mikv.New(cfg)
	if err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 100
	k, v := rows(rng, n*2*16), rows(rng, n*2*16)
	importance := make([]float32, n*2)   // per token and KV head
	for _, t := range []int{7, 30, 31} { // tokens that drew much attention
		importance[t*2], importance[t*2+1] = 5, 5
	}
	layer := cache.Layer(0)
	if err := layer.Append(k, v, n, &mikv.AppendInfo{Importance: importance}); err != nil {
		panic(err)
	}
	s := cache.Stats()
	fmt.Printf("%d tokens: %d important and %d retained rows\n", layer.Len(), s.Important, s.Retained)
	out := make([]float32, 4*16)
	if err := layer.Decode(rows(rng, 4*16), rows(rng, 2*16), rows(rng, 2*16), out); err != nil {
		panic(err)
	}
	fmt.Println(layer.Len(), "tokens after a step")
	// Output:
	// 100 tokens: 40 important and 160 retained rows
	// 101 tokens after a step
}
