package llama2c_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/examples/llama2c"
	"github.com/lowbit-ml/lowbit/mikv"
)

// checkpoint writes a small random llama2.c checkpoint (in real use:
// llama2c.Load("stories260K.bin")).
func checkpoint() []byte {
	header := []int32{64, 128, 2, 2, 1, 32, 64} // dim, hidden, layers, heads, KV heads, vocab, context
	n := 32*64 + 2*(64+64*64+2*32*64+64*64+64+3*64*128) + 64 + 64*32
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, header)
	rng := rand.New(rand.NewPCG(1, 1))
	for range n {
		binary.Write(&b, binary.LittleEndian, float32(rng.NormFloat64()*0.1))
	}
	return b.Bytes()
}

func Example() {
	w, err := llama2c.Read(bytes.NewReader(checkpoint()))
	if err != nil {
		panic(err)
	}
	m, err := llama2c.NewModel(w, lowbit.Quant(8, 32)) // int8 weights
	if err != nil {
		panic(err)
	}
	// The paper's MiKV cache: fp16 heavy hitters and recent tokens, 2-bit
	// codes for the rest.
	cache, err := mikv.New(m.MiKVConfig(mikv.DefaultConfig(1, 1, 1, m.HeadDim())))
	if err != nil {
		panic(err)
	}
	s, err := m.NewSession(llama2c.MiKV(cache))
	if err != nil {
		panic(err)
	}
	logits := make([]float32, m.Vocab)
	if err := s.Prefill([]int{llama2c.BOS, 5, 9, 12}, logits); err != nil { // a prompt
		panic(err)
	}
	for range 36 { // greedy decoding
		if err := s.Decode(llama2c.Argmax(logits), logits); err != nil {
			panic(err)
		}
	}
	st := cache.Stats()
	fmt.Printf("%d tokens; per KV head %d in fp16, %d in 2 bits; cache %.0f%% of fp16\n",
		s.Pos(), st.Important/m.Layers/m.KVHeads, st.Retained/m.Layers/m.KVHeads, 100*st.ShareOfF16)
	// Output:
	// 40 tokens; per KV head 8 in fp16, 32 in 2 bits; cache 40% of fp16
}
