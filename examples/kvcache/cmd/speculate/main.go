// Command speculate drives a llama2.c checkpoint through the kvcache
// adapter the way a runtime would, and prints tokens per second and cache
// memory for plain greedy decoding, speculative decoding and prompt reuse,
// each against an exact cache:
//
//	go run ./examples/kvcache/cmd/speculate -model stories260K.bin
//
// The exact cache is mikv at Ratio 1 with float32 tiers (full precision:
// it matches float64 attention to 5e-6). The draft of speculative decoding
// is the same checkpoint with 8-bit weights and a mikv cache; the target
// verifies its k tokens in one call and both truncate what it rejects.
// Prompt reuse prefills a shared prompt once and starts every request from
// a copy-on-write clone of it, against prefilling it per request.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/examples/kvcache"
	"github.com/lowbit-ml/lowbit/examples/llama2c"
	"github.com/lowbit-ml/lowbit/mikv"
)

type options struct {
	model              string
	prompt, n, k, reqs int
	runs               int
	ratio              float64
	page               int
	draftCache         string
	important          string
	retained           string
}

func main() {
	var o options
	flag.StringVar(&o.model, "model", os.Getenv("LOWBIT_MODEL"), "llama2.c checkpoint `file` (default $LOWBIT_MODEL)")
	flag.IntVar(&o.prompt, "prompt", 128, "tokens of the shared prompt")
	flag.IntVar(&o.n, "n", 200, "tokens to generate per request")
	flag.IntVar(&o.k, "k", 4, "draft tokens per verification")
	flag.IntVar(&o.reqs, "requests", 4, "requests sharing the prompt")
	flag.IntVar(&o.runs, "runs", 3, "runs per figure (the median is printed)")
	flag.Float64Var(&o.ratio, "r", 0.2, "mikv: share of tokens in the important tier")
	flag.StringVar(&o.important, "important", "q8g8", "mikv: important tier `format`")
	flag.StringVar(&o.retained, "retained", "q4g8", "mikv: retained tier `format`")
	flag.IntVar(&o.page, "page", 64, "tokens per cache page (a clone shares the prompt's full pages)")
	flag.StringVar(&o.draftCache, "draft-cache", "mikv", "the draft's cache: mikv or exact")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "speculate:", err)
		os.Exit(1)
	}
}

// setup holds the models, the cache configurations and the prompt.
type setup struct {
	o             options
	target, draft *llama2c.Model
	exact, small  mikv.Config
	prompt        []int
}

func run(o options) error {
	if o.model == "" {
		return fmt.Errorf("no checkpoint: pass -model or set LOWBIT_MODEL")
	}
	w, err := llama2c.Load(o.model)
	if err != nil {
		return err
	}
	if o.prompt < 1 || o.n < 2 || o.k < 1 || o.reqs < 1 || o.runs < 1 || o.prompt+o.n+o.k+1 > w.Config.SeqLen {
		return fmt.Errorf("need prompt >= 1, n >= 2, k >= 1 and prompt + n + k + 1 <= the context of %d", w.Config.SeqLen)
	}
	s := setup{o: o}
	if s.target, err = llama2c.NewModel(w, lowbit.F32); err != nil {
		return err
	}
	if s.draft, err = llama2c.NewModel(w, lowbit.Quant(8, 32)); err != nil {
		return err
	}
	hd := s.target.HeadDim()
	s.exact = s.target.MiKVConfig(mikv.DefaultConfig(1, 1, 1, hd))
	s.exact.Ratio, s.exact.Important, s.exact.PageSize = 1, mikv.Tier{Key: lowbit.F32, Value: lowbit.F32}, o.page
	s.small = s.target.MiKVConfig(mikv.DefaultConfig(1, 1, 1, hd))
	imp, err := lowbit.ParseFormat(o.important)
	if err != nil {
		return err
	}
	ret, err := lowbit.ParseFormat(o.retained)
	if err != nil {
		return err
	}
	s.small.Ratio, s.small.Important, s.small.Retained, s.small.PageSize = o.ratio, mikv.Tier{Key: imp, Value: imp}, mikv.Tier{Key: ret, Value: ret}, o.page
	if err := s.small.Validate(); err != nil {
		return err
	}
	// The shared prompt: BOS, then the exact model's greedy continuation.
	sess, err := s.target.NewSession(llama2c.Exact(s.target.Config))
	if err != nil {
		return err
	}
	more, err := kvcache.Generate(sess, s.target, llama2c.BOS, o.prompt-1)
	if err != nil {
		return err
	}
	s.prompt = append([]int{llama2c.BOS}, more...)

	fmt.Printf("%s: %d layers, dim %d, %d heads, %d KV heads, head dim %d; CPU kernels %s\n", o.model, w.Config.Layers, w.Config.Dim, w.Config.Heads, w.Config.KVHeads, hd, lowbit.Active().Name())
	fmt.Printf("prompt %d tokens, %d generated per request, medians of %d runs\n\n", o.prompt, o.n, o.runs)
	fmt.Printf("%-58s %10s %14s %s\n", "decoding", "tokens/s", "cache bytes", "tokens as plain exact")
	plain, err := s.plain("plain greedy, exact cache", s.target, s.exact, nil)
	if err != nil {
		return err
	}
	if _, err := s.plain("plain greedy, mikv "+s.o.important+" over "+s.o.retained+fmt.Sprintf(" r=%g", s.o.ratio), s.target, s.small, plain); err != nil {
		return err
	}
	if _, err := s.plain("plain greedy, 8-bit weights, mikv", s.draft, s.small, plain); err != nil {
		return err
	}
	if _, err := s.plain("plain greedy, 8-bit weights, exact cache", s.draft, s.exact, plain); err != nil {
		return err
	}
	if err := s.speculative(plain); err != nil {
		return err
	}
	fmt.Println()
	return s.reuse()
}

// newSession returns a session of m over a new cache of pool.
func newSession(m *llama2c.Model, pool *kvcache.Pool) (*llama2c.Session, kvcache.Cache, error) {
	c := pool.New()
	s, err := m.NewSession(kvcache.Attention(c, m.Layers))
	return s, c, err
}

// prefill feeds the prompt but its last token and returns that token.
func (s *setup) prefill(sess *llama2c.Session) (int, error) {
	p := s.prompt
	if len(p) > 1 {
		if err := sess.Prefill(p[:len(p)-1], nil); err != nil {
			return 0, err
		}
	}
	return p[len(p)-1], nil
}

// plain times greedy decoding of n tokens after the prompt and prints the
// median tokens/s, the cache's bytes and how many tokens match ref.
func (s *setup) plain(name string, m *llama2c.Model, cfg mikv.Config, ref []int) ([]int, error) {
	var rates []float64
	var toks []int
	var bytes int64
	for range s.o.runs {
		pool, err := kvcache.NewPool(cfg, 0)
		if err != nil {
			return nil, err
		}
		sess, c, err := newSession(m, pool)
		if err != nil {
			return nil, err
		}
		cur, err := s.prefill(sess)
		if err != nil {
			return nil, err
		}
		t0 := time.Now()
		if toks, err = kvcache.Generate(sess, m, cur, s.o.n); err != nil {
			return nil, err
		}
		rates = append(rates, float64(s.o.n)/time.Since(t0).Seconds())
		bytes = c.Stats().Bytes
		c.Release()
	}
	fmt.Printf("%-58s %10.0f %14d %s\n", name, median(rates), bytes, same(toks, ref))
	return toks, nil
}

// speculative times speculative decoding: the exact target verifies k
// drafts of the 8-bit, mikv-cached draft per call.
func (s *setup) speculative(ref []int) error {
	var rates []float64
	var toks []int
	var st kvcache.SpecStats
	var bytes int64
	for range s.o.runs {
		tp, err := kvcache.NewPool(s.exact, 0)
		if err != nil {
			return err
		}
		dcfg := s.small
		if s.o.draftCache == "exact" {
			dcfg = s.exact
		}
		dp, err := kvcache.NewPool(dcfg, 0)
		if err != nil {
			return err
		}
		target, tc, err := newSession(s.target, tp)
		if err != nil {
			return err
		}
		draft, dc, err := newSession(s.draft, dp)
		if err != nil {
			return err
		}
		cur, err := s.prefill(target)
		if err != nil {
			return err
		}
		if _, err := s.prefill(draft); err != nil {
			return err
		}
		t0 := time.Now()
		if toks, st, err = kvcache.Speculate(target, draft, s.target, cur, s.o.n, s.o.k); err != nil {
			return err
		}
		rates = append(rates, float64(s.o.n)/time.Since(t0).Seconds())
		bytes = tc.Stats().Bytes + dc.Stats().Bytes
		tc.Release()
		dc.Release()
	}
	name := fmt.Sprintf("speculative k=%d, exact target, 8-bit draft, %s (%.0f%% accepted)", s.o.k, s.o.draftCache, 100*float64(st.Accepted)/float64(max(1, st.Drafted)))
	fmt.Printf("%-58s %10.0f %14d %s\n", name, median(rates), bytes, same(toks, ref))
	return nil
}

// reuse times requests that share the prompt: each prefilling it, or each
// starting from a clone of one prefilled copy.
func (s *setup) reuse() error {
	fmt.Printf("%d requests sharing the %d-token prompt   %12s %10s %16s\n", s.o.reqs, len(s.prompt), "ms/request", "tokens/s", "pool bytes (all alive)")
	for _, cfg := range []struct {
		name string
		c    mikv.Config
	}{{"exact", s.exact}, {"mikv", s.small}} {
		for _, clone := range []bool{false, true} {
			var ms, rates []float64
			var held int64
			for range s.o.runs {
				pool, err := kvcache.NewPool(cfg.c, 0)
				if err != nil {
					return err
				}
				t0 := time.Now()
				var base *llama2c.Session
				var last int
				if clone {
					if base, _, err = newSession(s.target, pool); err != nil {
						return err
					}
					if last, err = s.prefill(base); err != nil {
						return err
					}
				}
				var caches []kvcache.Cache
				for r := range s.o.reqs {
					var sess *llama2c.Session
					var c kvcache.Cache
					if clone {
						if c, err = baseCache(base, s.target.Layers); err != nil {
							return err
						}
						if sess, err = base.Fork(kvcache.Attention(c, s.target.Layers)); err != nil {
							return err
						}
					} else {
						if sess, c, err = newSession(s.target, pool); err != nil {
							return err
						}
						if last, err = s.prefill(sess); err != nil {
							return err
						}
					}
					// Each request continues from its own first token.
					first := (last + r) % s.target.Vocab
					if _, err := kvcache.Generate(sess, s.target, first, s.o.n); err != nil {
						return err
					}
					caches = append(caches, c)
				}
				el := time.Since(t0)
				ms = append(ms, float64(el.Milliseconds())/float64(s.o.reqs))
				rates = append(rates, float64(s.o.reqs*s.o.n)/el.Seconds())
				held = pool.Stats().Bytes
				for _, c := range caches {
					c.Release()
				}
			}
			how := "prefill per request"
			if clone {
				how = "clone of one prefill"
			}
			fmt.Printf("  %-6s %-36s %10.1f %10.0f %16d\n", cfg.name, how, median(ms), median(rates), held)
		}
	}
	return nil
}

// baseCache returns a clone of the cache behind a session made by
// newSession (its layers are kvcache layers of one Cache).
func baseCache(base *llama2c.Session, layers int) (kvcache.Cache, error) {
	c, ok := kvcache.CacheOf(base.Attention(0))
	if !ok {
		return nil, fmt.Errorf("the session's attention is not a kvcache layer")
	}
	return c.Clone()
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}

// same reports how many of toks match ref, position by position, up to
// the first difference.
func same(toks, ref []int) string {
	if ref == nil {
		return "(reference)"
	}
	i := 0
	for i < len(toks) && i < len(ref) && toks[i] == ref[i] {
		i++
	}
	if i == len(ref) && len(toks) == len(ref) {
		return "all"
	}
	return fmt.Sprintf("first %d of %d", i, len(ref))
}
