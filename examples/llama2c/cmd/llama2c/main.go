// Command llama2c generates token ids greedily from BOS with a llama2.c
// checkpoint and reports tokens per second.
//
//	go run ./examples/llama2c/cmd/llama2c -model stories260K.bin -n 256 -weights q8g32 -cache mikv
//
// The checkpoint is a file of the llama2.c project (Karpathy's
// tinyllamas, for example stories260K.bin); -model defaults to
// $LOWBIT_MODEL, where lowbit's CI points it. It prints the ids of the n
// tokens generated after BOS (the checkpoint ships without a tokenizer),
// the time per token, the weights' memory and, with a mikv cache, the
// cache's configuration and its measured size as a share of an fp16
// cache.
//
// The default mikv cache is the configuration `go run ./bench -tune`
// recommends for stories260K at 35% of fp16 memory (README, "Choosing a
// cache configuration"): 4-bit symmetric keys and values for the
// important tier, 3-bit symmetric for the retained one, in groups of 8
// (of the head dimension when it is smaller than 32, else of the largest
// multiple of 8 up to 32 that divides it), r = 0.59, normalized-attention
// selection; on stories260K it measures 34.9% of fp16 with a mean KL of
// 0.80 nats against exact attention, and its greedy output looks like
// exact attention's. The paper's setting (mikv.DefaultConfig: -important
// f16 -retained q2g8 -r 0.2 -selection accumulated on stories260K) costs
// 50% there and degenerates on a model this small: with 8-bit weights,
// one token repeated for 474 of 512 tokens.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/examples/llama2c"
	"github.com/lowbit-ml/lowbit/mikv"
)

type options struct {
	model, weights, cache, important, retained, selection string
	n                                                     int
	ratio                                                 float64
	evict, quiet                                          bool
}

func main() {
	o, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err == nil {
		err = run(o, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "llama2c:", err)
		os.Exit(1)
	}
}

// parseFlags reads the command line; a negative -n is an error.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("llama2c", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.model, "model", os.Getenv("LOWBIT_MODEL"), "llama2.c checkpoint `file`, such as stories260K.bin of the llama2.c project's tinyllamas (default $LOWBIT_MODEL)")
	fs.IntVar(&o.n, "n", 0, "tokens to generate after BOS, at most the model's context (default: the model's context)")
	fs.StringVar(&o.weights, "weights", "f32", "`format` of the weight matrices: f32, f16, q8g32, q4sg32, ...")
	fs.StringVar(&o.cache, "cache", "exact", "KV cache: exact (float32) or mikv")
	fs.Float64Var(&o.ratio, "r", defaultRatio, "mikv: share of tokens in the important tier")
	fs.StringVar(&o.important, "important", "", "mikv: important tier `format`, or key/value formats such as q8g8/q6g8 (default q4s in groups of 8 to 32, see the command's doc)")
	fs.StringVar(&o.retained, "retained", "", "mikv: retained tier `format` or key/value formats (default q3s in groups of 8 to 32)")
	fs.StringVar(&o.selection, "selection", defaultSelection.String(), "mikv: ranking of the important tier: accumulated, normalized, recency or random")
	fs.BoolVar(&o.evict, "evict", false, "mikv: drop the unimportant tokens instead (H2O)")
	fs.BoolVar(&o.quiet, "q", false, "print the speed only, not the tokens")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		return options{}, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if o.n < 0 {
		return options{}, fmt.Errorf("-n %d: want a number of tokens to generate (0: the model's context)", o.n)
	}
	return o, nil
}

// The default mikv policy (see the package doc): measured on stories260K by
// go run ./bench -tune, the recommendation at 35% of fp16.
const (
	defaultRatio     = 0.59
	defaultSelection = mikv.Normalized
)

// defaultGroup returns the group of the default mikv formats for a head
// dimension: the head dimension itself when it is below 32, else the
// largest multiple of 8 up to 32 that divides it; 0 if none (a head
// dimension that is not a multiple of 8 takes no code format).
func defaultGroup(headDim int) int {
	for g := min(headDim, 32) / 8 * 8; g >= 8; g -= 8 {
		if headDim%g == 0 {
			return g
		}
	}
	return 0
}

// defaultMiKV returns the runner's default mikv configuration for a model
// of config c: q4sgG/q4sgG over q3sgG/q3sgG (G from defaultGroup), r =
// 0.59, normalized selection, the rest as mikv.DefaultConfig.
func defaultMiKV(c llama2c.Config) (mikv.Config, error) {
	cfg := c.MiKVConfig(mikv.DefaultConfig(1, 1, 1, c.HeadDim()))
	g := defaultGroup(c.HeadDim())
	if g == 0 {
		return mikv.Config{}, fmt.Errorf("head dimension %d is not a multiple of 8: pass -important and -retained (f16 or f32), or use -cache exact", c.HeadDim())
	}
	hi, lo := lowbit.SymQuant(4, g), lowbit.SymQuant(3, g)
	cfg.Important = mikv.Tier{Key: hi, Value: hi}
	cfg.Retained = mikv.Tier{Key: lo, Value: lo}
	cfg.Ratio, cfg.Selection = defaultRatio, defaultSelection
	return cfg, nil
}

// cacheConfig returns the mikv configuration the options ask for: the
// default for c with the options' ratio, selection, eviction and any tier
// given.
func cacheConfig(o options, c llama2c.Config) (mikv.Config, error) {
	cfg, err := defaultMiKV(c)
	if err != nil && (o.important == "" || o.retained == "") {
		return mikv.Config{}, err
	}
	if err != nil {
		cfg = c.MiKVConfig(mikv.DefaultConfig(1, 1, 1, c.HeadDim()))
	}
	cfg.Ratio, cfg.Evict = o.ratio, o.evict
	if cfg.Selection, err = mikv.ParseSelection(o.selection); err != nil {
		return mikv.Config{}, err
	}
	if o.important != "" {
		if cfg.Important, err = parseTier(o.important); err != nil {
			return mikv.Config{}, err
		}
	}
	if o.retained != "" {
		if cfg.Retained, err = parseTier(o.retained); err != nil {
			return mikv.Config{}, err
		}
	}
	return cfg, nil
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

// generation is the result of one run: the tokens generated after BOS and
// the time they took.
type generation struct {
	tokens  []int
	elapsed time.Duration
	cache   *mikv.Cache // nil for the exact cache
}

// generate decodes n tokens greedily after BOS (n = 0: the model's
// context) with the cache the options ask for.
func generate(o options, m *llama2c.Model) (generation, error) {
	n := o.n
	if n == 0 {
		n = m.SeqLen
	}
	if n > m.SeqLen {
		return generation{}, fmt.Errorf("-n %d: the model's context is %d tokens", n, m.SeqLen)
	}
	var g generation
	var att []llama2c.Attention
	switch o.cache {
	case "exact":
		att = llama2c.Exact(m.Config)
	case "mikv":
		cfg, err := cacheConfig(o, m.Config)
		if err != nil {
			return generation{}, err
		}
		if g.cache, err = mikv.New(cfg); err != nil {
			return generation{}, err
		}
		att = llama2c.MiKV(g.cache)
	default:
		return generation{}, fmt.Errorf("-cache %q: want exact or mikv", o.cache)
	}
	s, err := m.NewSession(att)
	if err != nil {
		return generation{}, err
	}
	logits := make([]float32, m.Vocab)
	last := llama2c.BOS
	start := time.Now()
	for range n {
		if err := s.Decode(last, logits); err != nil {
			return generation{}, err
		}
		last = llama2c.Argmax(logits)
		g.tokens = append(g.tokens, last)
	}
	g.elapsed = time.Since(start)
	return g, nil
}

func run(o options, w io.Writer) error {
	if o.model == "" {
		return fmt.Errorf("no checkpoint: pass -model FILE (a llama2.c checkpoint such as the tinyllamas' stories260K.bin) or set LOWBIT_MODEL")
	}
	f, err := lowbit.ParseFormat(o.weights)
	if err != nil {
		return err
	}
	wts, err := llama2c.Load(o.model)
	if err != nil {
		return err
	}
	m, err := llama2c.NewModel(wts, f)
	if err != nil {
		return err
	}
	g, err := generate(o, m)
	if err != nil {
		return err
	}
	if !o.quiet {
		ids := make([]string, len(g.tokens))
		for i, t := range g.tokens {
			ids[i] = fmt.Sprint(t)
		}
		fmt.Fprintln(w, strings.Join(ids, " "))
	}
	fmt.Fprintf(w, "%s; weights %s, %d KiB; kernels %s", speed(len(g.tokens), g.elapsed), f, m.WeightBytes()>>10, lowbit.Active().Name())
	if g.cache != nil {
		fmt.Fprintf(w, "; cache %s, %.1f%% of fp16 (measured)", g.cache.Config(), 100*g.cache.Stats().ShareOfF16)
	}
	fmt.Fprintln(w)
	return nil
}

// speed describes n tokens generated in d: "256 tokens in 31.2ms: 8205
// tokens/s (122 µs/token)", with the duration rounded to what it can show.
func speed(n int, d time.Duration) string {
	unit := "tokens"
	if n == 1 {
		unit = "token"
	}
	shown := d.Round(time.Microsecond)
	if d >= 10*time.Millisecond {
		shown = d.Round(100 * time.Microsecond)
	}
	if d <= 0 {
		return fmt.Sprintf("%d %s in under a microsecond", n, unit)
	}
	return fmt.Sprintf("%d %s in %v: %.0f tokens/s (%.0f µs/token)", n, unit, shown, float64(n)/d.Seconds(), float64(d.Nanoseconds())/1e3/float64(n))
}
