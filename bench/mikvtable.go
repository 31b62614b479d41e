package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
)

// The shape of the MiKV table: one KV head of head dimension 128 read by a
// GQA group of 4 query heads (as in Llama-2-70B or Mistral-7B), one layer,
// on the caller's goroutine.
const (
	mikvHeadDim    = 128
	mikvQueryHeads = 4
	mikvKVHeads    = 1
)

// MiKVResult is one cache configuration at one context length.
type MiKVResult struct {
	Config  string `json:"config"`  // short name, as printed
	Policy  string `json:"policy"`  // mikv.Config.String()
	Context int    `json:"context"` // tokens in the cache when decoding
	Steps   int    `json:"steps"`   // decode steps timed
	// NsPerStep is the median time of one Decode (one token, every query
	// head of the group); KVValuesPerNs the keys and values in the cache
	// read per ns.
	NsPerStep     float64 `json:"ns_per_step"`
	KVValuesPerNs float64 `json:"kv_values_per_ns"`
	// BytesPerToken is the cache's codes, scales and mins per token and KV
	// head (keys and values); BookkeepingPerToken positions, scores and the
	// balancer.
	BytesPerToken       float64 `json:"bytes_per_token"`
	BookkeepingPerToken float64 `json:"bookkeeping_per_token"`
	ShareOfF16          float64 `json:"share_of_f16"`
	// RelError is the mean over steps and query heads of |out - exact| /
	// |exact| (L2 norms), exact being float64 attention over the unquantized
	// keys and values; MaxRelError the largest.
	RelError    float64 `json:"rel_error"`
	MaxRelError float64 `json:"max_rel_error"`
}

// mikvCase is one cache configuration of the table.
type mikvCase struct {
	name string
	cfg  mikv.Config
}

// mikvCases returns the configurations of the MiKV table: the paper's
// setting, its int8 variant, uniform int4, full fp16 and float32, and H2O
// eviction at the paper's budget for comparison.
func mikvCases() []mikvCase {
	base := mikv.DefaultConfig(1, mikvKVHeads, mikvQueryHeads, mikvHeadDim)
	g := base.Retained.Key.Group
	paper := base
	int8hi := base
	int8hi.Important = mikv.Tier{Key: lowbit.Quant(8, g), Value: lowbit.Quant(8, g)}
	uniform := base
	uniform.Ratio = 0
	uniform.Retained = mikv.Tier{Key: lowbit.Quant(4, g), Value: lowbit.Quant(4, g)}
	f16 := base
	f16.Ratio = 1
	f32 := base
	f32.Ratio = 1
	f32.Important = mikv.Tier{Key: lowbit.F32, Value: lowbit.F32}
	h2o := base
	h2o.Evict = true
	return []mikvCase{
		{"MiKV f16/int2 r=0.2", paper},
		{"MiKV int8/int2 r=0.2", int8hi},
		{"uniform int4", uniform},
		{"full fp16", f16},
		{"full f32", f32},
		{"H2O f16 r=0.2 (evict)", h2o},
	}
}

// mikvRun says what the MiKV table measures.
type mikvRun struct {
	contexts []int
	steps    int // decode steps timed per context
	// longContext is the context from which on only the longCases are
	// measured (unless all): mikv fills a cache by Prefill, which computes
	// exact attention over the prompt, O(n²) (about 30 s per cache at 32K
	// tokens on a 2024 core), so a default run cannot afford six of them.
	longContext int
	all         bool
	// fillBudget bounds the time spent filling caches: a context whose fills
	// would exceed what is left of it (extrapolated as n² from the longest
	// context measured so far) is skipped, with a note. 0: no bound.
	fillBudget time.Duration
}

// longCases are the configurations measured at long contexts by default:
// the paper's setting and the fp16 cache it is compared with.
var longCases = []string{"MiKV f16/int2 r=0.2", "full fp16"}

// mikvRun turns the flags into the MiKV table's settings.
func (o *options) mikvRun() (*mikvRun, error) {
	ms := &mikvRun{contexts: []int{1024, 4096, 32768}, steps: 24, longContext: 16384, all: o.mikvAll, fillBudget: 90 * time.Second}
	if o.quick {
		ms.contexts, ms.steps = []int{1024}, 8
	}
	if o.contexts != "" {
		ms.contexts, ms.fillBudget = nil, 0
		for _, s := range splitList(o.contexts) {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 1<<20 {
				return nil, fmt.Errorf("-contexts: %q is not a context length (1 to %d tokens)", s, 1<<20)
			}
			ms.contexts = append(ms.contexts, n)
		}
	}
	return ms, nil
}

// casesAt returns the configurations measured at context n.
func (ms *mikvRun) casesAt(n int) []mikvCase {
	all := mikvCases()
	if ms.all || n < ms.longContext {
		return all
	}
	var cs []mikvCase
	for _, c := range all {
		if slices.Contains(longCases, c.name) {
			cs = append(cs, c)
		}
	}
	return cs
}

// run measures every configuration at every context and prints the table.
func (ms *mikvRun) run(w, progress io.Writer) []MiKVResult {
	fmt.Fprintf(w, `
MiKV decode attention: one layer, one KV head of dimension %d read by %d query
heads (a GQA group), one goroutine. Synthetic keys with %d outlier channels
(%gx scale, offset %g), heavy-hitter tokens, normal values. KV/ns: keys and
values in the cache per ns of one Decode step (median of %d); B/tok: cache
bytes per token (keys and values: codes, scales, mins; bookkeeping apart);
err: mean |out - exact| / |exact| against float64 attention over the
unquantized keys and values (max in brackets). Each cache is filled by an
exact Prefill, O(n²), so from %d tokens on only two are measured:
%s (-mikv-all: all).

`, mikvHeadDim, mikvQueryHeads, synthOutliers, synthOutlierScale, synthOutlierOffset, ms.steps, ms.longContext, strings.Join(longCases, " and "))
	fmt.Fprintf(w, "%-7s %-22s %9s %7s %8s %6s %7s %s\n", "context", "cache", "µs/step", "KV/ns", "B/tok", "+bk", "%fp16", "err (max)")
	var results []MiKVResult
	var filled time.Duration // spent on fills so far
	perToken2 := 0.0         // fill time per token² of one cache, at the longest context so far
	for _, n := range ms.contexts {
		cases := ms.casesAt(n)
		if ms.fillBudget > 0 && perToken2 > 0 {
			est := time.Duration(perToken2 * float64(n) * float64(n) * float64(len(cases)))
			if filled+est > ms.fillBudget {
				fmt.Fprintf(w, "%-7d skipped: filling %d caches by exact prefill would take about %.0f s here; -contexts %d forces it\n",
					n, len(cases), est.Seconds(), n)
				continue
			}
		}
		data := synthesize(rand.New(rand.NewPCG(uint64(n), 42)), n+ms.steps+2, mikvQueryHeads, mikvKVHeads, mikvHeadDim)
		var sum time.Duration
		for _, c := range cases {
			fmt.Fprintf(progress, "bench: MiKV %s at %d tokens\n", c.name, n)
			r, fill := ms.measure(c, data, n)
			filled += fill
			sum += fill
			results = append(results, r)
			fmt.Fprintf(w, "%-7d %-22s %9.1f %7s %8.1f %6.1f %6.1f%% %.2g (%.2g)\n", n, c.name, r.NsPerStep/1e3, fmtValue(r.KVValuesPerNs),
				r.BytesPerToken, r.BookkeepingPerToken, 100*r.ShareOfF16, r.RelError, r.MaxRelError)
		}
		perToken2 = float64(sum) / float64(len(cases)) / float64(n) / float64(n)
	}
	return results
}

// measure prefills the first n tokens of data into a new cache and times
// ms.steps decode steps after two warm-up steps. It also returns the time
// the prefill took.
func (ms *mikvRun) measure(c mikvCase, data *synthKV, n int) (MiKVResult, time.Duration) {
	cache, err := mikv.New(c.cfg)
	if err != nil {
		panic(err)
	}
	layer := cache.Layer(0)
	qd, kd := data.qHeads*data.dim, data.kvHeads*data.dim
	out := make([]float32, n*qd)
	fillStart := time.Now()
	if err := layer.Prefill(data.q[:n*qd], data.k[:n*kd], data.v[:n*kd], n, out); err != nil {
		panic(err)
	}
	fill := time.Since(fillStart)
	r := MiKVResult{Config: c.name, Policy: c.cfg.String(), Context: n, Steps: ms.steps}
	var ns []float64
	var errSum float64
	count := 0
	for s := 0; s < ms.steps+2; s++ {
		t := n + s
		q, k, v := data.q[t*qd:(t+1)*qd], data.k[t*kd:(t+1)*kd], data.v[t*kd:(t+1)*kd]
		o := out[:qd]
		start := time.Now()
		if err := layer.Decode(q, k, v, o); err != nil {
			panic(err)
		}
		el := time.Since(start)
		if s < 2 {
			continue // warm-up
		}
		ns = append(ns, float64(el.Nanoseconds()))
		want := data.exact(t)
		for h := 0; h < data.qHeads; h++ {
			e := relL2(o[h*data.dim:(h+1)*data.dim], want[h*data.dim:(h+1)*data.dim])
			errSum += e
			r.MaxRelError = max(r.MaxRelError, e)
			count++
		}
	}
	r.NsPerStep = median(ns)
	ctx := float64(n + 2 + ms.steps/2) // tokens in the cache at the median step, about
	r.KVValuesPerNs = ctx * float64(data.kvHeads*data.dim*2) / r.NsPerStep
	st := cache.Stats()
	r.BytesPerToken = float64(st.CodeBytes+st.ScaleBytes) / float64(st.Tokens)
	r.BookkeepingPerToken = float64(st.BookkeepingBytes) / float64(st.Tokens)
	r.ShareOfF16 = st.ShareOfF16
	r.RelError = errSum / float64(count)
	return r, fill
}

// relL2 returns |got - want| / |want|.
func relL2(got []float32, want []float64) float64 {
	var num, den float64
	for i, w := range want {
		d := float64(got[i]) - w
		num += d * d
		den += w * w
	}
	if den == 0 {
		return math.Sqrt(num)
	}
	return math.Sqrt(num / den)
}

// Synthetic attention data: what makes KV caches hard to quantize in real
// models, in a few parameters.
const (
	synthOutliers      = 4    // key channels with a large scale and offset (per KV head)
	synthOutlierScale  = 20.0 // their standard deviation
	synthOutlierOffset = 10.0 // and their mean
	synthHeavyShare    = 0.02 // share of heavy-hitter tokens (besides the first 4, attention sinks)
	synthHeavyBoost    = 9.0  // how far heavy keys lean toward the queries' common direction
	synthQueryLean     = 5.0  // how far queries lean toward it
)

// synthKV holds q, k, v rows of a token sequence, token-major, head by
// head within a token.
type synthKV struct {
	qHeads, kvHeads, dim int
	q, k, v              []float32
}

// synthesize draws n tokens: unit-normal queries and keys, plus, per KV
// head, a few outlier key channels (queries there are small, so the
// balancer has something to balance), a direction that every query leans
// toward and that the keys of heavy-hitter tokens (the first four, the
// attention sinks, and a random 2%) share, and unit-normal values.
func synthesize(rng *rand.Rand, n, qHeads, kvHeads, dim int) *synthKV {
	s := &synthKV{qHeads: qHeads, kvHeads: kvHeads, dim: dim,
		q: make([]float32, n*qHeads*dim), k: make([]float32, n*kvHeads*dim), v: make([]float32, n*kvHeads*dim)}
	type headShape struct {
		outlier []bool
		dir     []float64
	}
	shapes := make([]headShape, kvHeads)
	for h := range shapes {
		sh := headShape{outlier: make([]bool, dim), dir: make([]float64, dim)}
		for _, c := range rng.Perm(dim)[:min(synthOutliers, dim)] {
			sh.outlier[c] = true
		}
		var norm float64
		for c := range sh.dir {
			sh.dir[c] = rng.NormFloat64()
			norm += sh.dir[c] * sh.dir[c]
		}
		for c := range sh.dir {
			sh.dir[c] /= math.Sqrt(norm)
		}
		shapes[h] = sh
	}
	g := qHeads / kvHeads
	for t := 0; t < n; t++ {
		heavy := t < 4 || rng.Float64() < synthHeavyShare
		for h := 0; h < kvHeads; h++ {
			sh := shapes[h]
			k := s.k[(t*kvHeads+h)*dim:][:dim]
			v := s.v[(t*kvHeads+h)*dim:][:dim]
			for c := range k {
				x := rng.NormFloat64()
				if sh.outlier[c] {
					x = x*synthOutlierScale + synthOutlierOffset
				}
				if heavy {
					x += synthHeavyBoost * sh.dir[c]
				}
				k[c] = float32(x)
				v[c] = float32(rng.NormFloat64())
			}
			for j := 0; j < g; j++ {
				q := s.q[(t*qHeads+h*g+j)*dim:][:dim]
				for c := range q {
					x := rng.NormFloat64() + synthQueryLean*sh.dir[c]
					if sh.outlier[c] {
						x *= 0.1
					}
					q[c] = float32(x)
				}
			}
		}
	}
	return s
}

// exact returns, in float64, the attention output of token t's query heads
// over the keys and values of tokens [0, t], scale 1/sqrt(dim).
func (s *synthKV) exact(t int) []float64 {
	d, g := s.dim, s.qHeads/s.kvHeads
	out := make([]float64, s.qHeads*d)
	w := make([]float64, t+1)
	scale := 1 / math.Sqrt(float64(d))
	for hq := 0; hq < s.qHeads; hq++ {
		hk := hq / g
		q := s.q[(t*s.qHeads+hq)*d:][:d]
		m := math.Inf(-1)
		for i := range w {
			k := s.k[(i*s.kvHeads+hk)*d:][:d]
			var dot float64
			for c, x := range q {
				dot += float64(x) * float64(k[c])
			}
			w[i] = dot * scale
			m = max(m, w[i])
		}
		var sum float64
		for i := range w {
			w[i] = math.Exp(w[i] - m)
			sum += w[i]
		}
		o := out[hq*d : (hq+1)*d]
		for i, wi := range w {
			v := s.v[(i*s.kvHeads+hk)*d:][:d]
			for c := range o {
				o[c] += wi / sum * float64(v[c])
			}
		}
	}
	return out
}
