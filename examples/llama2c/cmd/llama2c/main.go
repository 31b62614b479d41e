// Command llama2c generates token ids greedily from BOS with a llama2.c
// checkpoint and reports tokens per second.
//
//	go run ./examples/llama2c/cmd/llama2c -model stories260K.bin -n 256 -weights q8g32 -cache mikv
//
// It prints the token ids (the checkpoint ships without a tokenizer), the
// time per token, the weights' memory and, with a mikv cache, the cache's
// size as a share of an fp16 cache.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/examples/llama2c"
	"github.com/lowbit-ml/lowbit/mikv"
)

type options struct {
	model, weights, cache, important, retained string
	n                                          int
	ratio                                      float64
	evict, quiet                               bool
}

func main() {
	var o options
	flag.StringVar(&o.model, "model", os.Getenv("LOWBIT_MODEL"), "llama2.c checkpoint `file` (default $LOWBIT_MODEL)")
	flag.IntVar(&o.n, "n", 0, "tokens to generate (default: the model's context)")
	flag.StringVar(&o.weights, "weights", "f32", "`format` of the weight matrices: f32, f16, q8g32, q4sg32, ...")
	flag.StringVar(&o.cache, "cache", "exact", "KV cache: exact (float32) or mikv")
	flag.Float64Var(&o.ratio, "r", 0.2, "mikv: share of tokens in the important tier")
	flag.StringVar(&o.important, "important", "f16", "mikv: important tier `format`, or key/value formats such as q8g8/q6g8")
	flag.StringVar(&o.retained, "retained", "", "mikv: retained tier `format` or key/value formats (default the paper's q2 in groups of head_dim/2, at least 8)")
	flag.BoolVar(&o.evict, "evict", false, "mikv: drop the unimportant tokens instead (H2O)")
	flag.BoolVar(&o.quiet, "q", false, "print the speed only, not the tokens")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "llama2c:", err)
		os.Exit(1)
	}
}

// parseTier reads "f16" (keys and values alike) or "q8g8/q6g8" (keys/values).
func parseTier(s string) (mikv.Tier, error) {
	k, v, two := strings.Cut(s, "/")
	kf, err := lowbit.ParseFormat(k)
	if err != nil {
		return mikv.Tier{}, err
	}
	vf := kf
	if two {
		if vf, err = lowbit.ParseFormat(v); err != nil {
			return mikv.Tier{}, err
		}
	}
	return mikv.Tier{Key: kf, Value: vf}, nil
}

func run(o options) error {
	if o.model == "" {
		return fmt.Errorf("no checkpoint: pass -model or set LOWBIT_MODEL")
	}
	f, err := lowbit.ParseFormat(o.weights)
	if err != nil {
		return err
	}
	w, err := llama2c.Load(o.model)
	if err != nil {
		return err
	}
	m, err := llama2c.NewModel(w, f)
	if err != nil {
		return err
	}
	n := o.n
	if n <= 0 || n > m.SeqLen {
		n = m.SeqLen
	}
	var att []llama2c.Attention
	var cache *mikv.Cache
	switch o.cache {
	case "exact":
		att = llama2c.Exact(m.Config)
	case "mikv":
		cfg := m.MiKVConfig(mikv.DefaultConfig(1, 1, 1, m.HeadDim()))
		cfg.Ratio, cfg.Evict = o.ratio, o.evict
		if cfg.Important, err = parseTier(o.important); err != nil {
			return err
		}
		if o.retained != "" {
			if cfg.Retained, err = parseTier(o.retained); err != nil {
				return err
			}
		}
		if cache, err = mikv.New(cfg); err != nil {
			return err
		}
		att = llama2c.MiKV(cache)
	default:
		return fmt.Errorf("-cache %q: want exact or mikv", o.cache)
	}
	s, err := m.NewSession(att)
	if err != nil {
		return err
	}
	logits := make([]float32, m.Vocab)
	tokens := []int{llama2c.BOS}
	start := time.Now()
	for len(tokens) < n {
		if err := s.Decode(tokens[len(tokens)-1], logits); err != nil {
			return err
		}
		tokens = append(tokens, llama2c.Argmax(logits))
	}
	elapsed := time.Since(start)
	if !o.quiet {
		ids := make([]string, len(tokens))
		for i, t := range tokens {
			ids[i] = fmt.Sprint(t)
		}
		fmt.Println(strings.Join(ids, " "))
	}
	steps := len(tokens) - 1
	fmt.Printf("%d tokens in %v: %.0f tokens/s (%.0f µs/token); weights %s, %d KiB; kernels %s",
		steps, elapsed.Round(time.Millisecond), float64(steps)/elapsed.Seconds(), float64(elapsed.Microseconds())/float64(max(steps, 1)),
		f, m.WeightBytes()>>10, lowbit.Active().Name())
	if cache != nil {
		st := cache.Stats()
		fmt.Printf("; cache %s, %.1f%% of fp16", cache.Config(), 100*st.ShareOfF16)
	}
	fmt.Println()
	return nil
}
