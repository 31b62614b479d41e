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

// The shape of the MiKV table: one layer of 8 KV heads of head dimension
// 128, each read by a GQA group of 4 query heads (as in Llama-3-8B or
// Mistral-7B), so that a 32K-token cache (43-128 MiB) does not fit a
// last-level cache; one row at head dimension 64.
const (
	mikvHeadDim = 128
	mikvGroup   = 4 // query heads per KV head
	mikvKVHeads = 8
	// mikvBalancerTokens is how many of the first tokens are appended
	// with their queries, which the balancer reads.
	mikvBalancerTokens = 256
)

// MiKVResult is one cache configuration at one context length.
type MiKVResult struct {
	Config    string `json:"config"` // short name, as printed
	Policy    string `json:"policy"` // mikv.Config.String()
	KVHeads   int    `json:"kv_heads"`
	QueryRows int    `json:"query_rows"` // query heads per KV head
	HeadDim   int    `json:"head_dim"`
	Context   int    `json:"context"` // tokens in the cache when decoding
	Steps     int    `json:"steps"`   // decode steps timed
	// NsPerStep is the median wall-clock time of one Decode (one token,
	// every query head) on one goroutine; KVValuesPerNs the keys and
	// values of the context per ns (2 × context × KVHeads × HeadDim),
	// ReadValuesPerNs those of the tokens the cache holds (an evicting
	// cache reads fewer than its context).
	NsPerStep       float64 `json:"ns_per_step"`
	KVValuesPerNs   float64 `json:"kv_values_per_ns"`
	ReadValuesPerNs float64 `json:"read_values_per_ns"`
	// Workers is the Config.Workers of the second timing, NsPerStepWorkers
	// its median wall-clock time per step, Speedup NsPerStep over it (0
	// and 1 when the run has one CPU).
	Workers          int     `json:"workers"`
	NsPerStepWorkers float64 `json:"ns_per_step_workers"`
	Speedup          float64 `json:"speedup"`
	// The ceilings of ReadValuesPerNs on one goroutine: MemoryCeiling is
	// the run's DRAM streaming bandwidth over the bytes per value read
	// (every step reads its cache from DRAM: see evict; 0 without a
	// bandwidth), ComputeCeiling the FMA peak over the FMAs per value
	// (one per query row, for the keys' Dot and the values' AddWeighted;
	// 0 without a probe); Bound names the lower, Share is
	// ReadValuesPerNs over it.
	CacheBytes     int64   `json:"cache_bytes"` // codes, scales and mins of the layer
	MemoryCeiling  float64 `json:"memory_ceiling"`
	ComputeCeiling float64 `json:"compute_ceiling"`
	Bound          string  `json:"bound,omitempty"` // "DRAM" or "FMA"
	Share          float64 `json:"share"`
	// DRAMShare is ReadValuesPerNs over MemoryCeiling, whatever the
	// bound: the share of the memory limit (0 without a bandwidth).
	DRAMShare float64 `json:"dram_share"`
	// RowGBs is the DRAM bandwidth the ceilings of this row take: the
	// median of the eviction reads between its steps (see evict), one
	// goroutine streaming beyond every cache level at the moments the
	// steps ran, so that a host whose bandwidth drifts during a run does
	// not skew the row's share. 0 with -quick, whose eviction buffer fits
	// a cache: the ceilings then take the run's probe.
	RowGBs float64 `json:"row_dram_gb_per_s,omitempty"`
	// BytesPerToken is the cache's codes, scales and mins per token and KV
	// head (keys and values); BookkeepingPerToken positions, scores and the
	// balancer.
	BytesPerToken       float64 `json:"bytes_per_token"`
	BookkeepingPerToken float64 `json:"bookkeeping_per_token"`
	ShareOfF16          float64 `json:"share_of_f16"`
	// RelError is the mean over steps and the query heads of KV head 0 of
	// |out - exact| / |exact| (L2 norms), exact being float64 attention
	// over the unquantized keys and values; MaxRelError the largest.
	RelError    float64 `json:"rel_error"`
	MaxRelError float64 `json:"max_rel_error"`
}

// mikvCase is one cache configuration of the table.
type mikvCase struct {
	name string
	cfg  mikv.Config
}

// mikvCases returns the configurations of the MiKV table: the paper's
// setting, the same with int8 queries (Config.Int8Queries) and with int8
// queries and weights (Config.Int8Weights too), its int8 variant, uniform
// int4 (and with int8 queries: its weights stay float32, see
// Config.Int8Weights), full fp16 and float32, H2O eviction at the paper's
// budget, and the paper's setting at head dimension 64.
func mikvCases() []mikvCase {
	base := mikv.DefaultConfig(1, mikvKVHeads, mikvKVHeads*mikvGroup, mikvHeadDim)
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
	int8q := base
	int8q.Int8Queries = true
	int8qw := int8q
	int8qw.Int8Weights = true
	uniform8q := uniform
	uniform8q.Int8Queries = true
	return []mikvCase{
		{"MiKV f16/int2 r=0.2", paper},
		{"MiKV f16/int2 int8q", int8q},
		{"MiKV f16/int2 int8q+w", int8qw},
		{"MiKV int8/int2 r=0.2", int8hi},
		{"uniform int4", uniform},
		{"uniform int4 int8q", uniform8q},
		{"full fp16", f16},
		{"full f32", f32},
		{"H2O f16 r=0.2 (evict)", h2o},
		{"MiKV f16/int2 d=64", mikv.DefaultConfig(1, mikvKVHeads, mikvKVHeads*mikvGroup, 64)},
	}
}

// mikvRun says what the MiKV table measures and against what.
type mikvRun struct {
	contexts []int
	cases    []mikvCase // the caches measured
	steps    int        // decode steps timed per context
	workers  int        // Config.Workers of the second timing (1: none)
	// bw is the run's streaming read bandwidth at a size beyond every
	// cache level, fma the FMA peak of the active implementation, l3 the
	// last-level cache size (0: unknown).
	bw Bandwidth
	// bwWorkers is the streaming bandwidth of workers goroutines at the
	// same size (not measured for one worker).
	bwWorkers Bandwidth
	fma       FMAPeak
	l3        int64
	quick     bool
	// evictBuf is read between two steps (evict) by the bandwidth probe
	// that was best (bw.Method); evicted sums the probe's results, so that
	// the reads cannot be left out, and the reads' speed is each row's
	// DRAM bandwidth (MiKVResult.RowGBs).
	evictBuf []byte
	evicted  int
}

// mikvRun turns the flags into the MiKV table's settings.
func (o *options) mikvRun() (*mikvRun, error) {
	ms := &mikvRun{contexts: []int{1024, 4096, 32768}, steps: 24, workers: o.decodeWorkers, cases: mikvCases(), quick: o.quick}
	if o.quick {
		ms.contexts, ms.steps = []int{1024}, 8
	}
	if o.contexts != "" {
		ms.contexts = nil
		for _, s := range splitList(o.contexts) {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 1<<20 {
				return nil, fmt.Errorf("-contexts: %q is not a context length (1 to %d tokens)", s, 1<<20)
			}
			ms.contexts = append(ms.contexts, n)
		}
	}
	if o.caches != "" {
		words := splitList(strings.ToLower(o.caches))
		ms.cases = slices.DeleteFunc(ms.cases, func(c mikvCase) bool {
			return !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(strings.ToLower(c.name), w) })
		})
		if len(ms.cases) == 0 {
			return nil, fmt.Errorf("-caches %q: no MiKV cache's name contains any of them", o.caches)
		}
	}
	if ms.workers < 1 || ms.workers > 1024 {
		return nil, fmt.Errorf("-decode-workers %d: want 1 to 1024", ms.workers)
	}
	return ms, nil
}

// evictBytes is the size of the buffer that ms.evict reads between two
// decode steps: twice the last-level cache, at least 256 MiB and at most
// 2 GiB (-quick: 32 MiB, a smoke run).
func (ms *mikvRun) evictBytes() int64 {
	if ms.quick {
		return 32 << 20
	}
	return min(max(2*ms.l3, 256<<20), 2<<30)
}

// evict reads a buffer of evictBytes, which takes the caches out of every
// cache level before the next decode step, as a model's other layers
// would: a step then reads its cache from DRAM, whatever the size of the
// cache and of the CPU's last level. (A CPU with a last level of hundreds
// of MiB holds a whole layer's cache at 32K tokens.) It returns the read's
// speed in GB/s: a streaming read of one goroutine from DRAM by the probe
// that measured the run's bandwidth (the read probes differ by up to a
// third from DRAM: bytes.Equal, which reads two streams, 12.3-12.7 GB/s
// against 9.0-9.4 for bytes.Count on one Intel VM), at the moment of the
// steps around it.
func (ms *mikvRun) evict() float64 {
	if ms.evictBuf == nil {
		ms.evictBuf = newProbeBuffer(ms.evictBytes())
	}
	n := len(ms.evictBuf) / 2
	start := time.Now()
	ms.evicted += probeScan(ms.bw.Method)(ms.evictBuf[:n], ms.evictBuf[n:])
	return float64(len(ms.evictBuf)) / float64(max(time.Since(start).Nanoseconds(), 1))
}

// run measures every configuration at every context and prints the table.
func (ms *mikvRun) run(w, progress io.Writer) []MiKVResult {
	fmt.Fprintf(w, `
MiKV decode attention: one layer of %d KV heads of dimension %d (one row: 64),
each read by %d query heads (a GQA group), one token per step. Synthetic keys
with %d outlier channels (%gx scale, offset %g), heavy-hitter tokens, normal
values. Each cache is filled by Append (no attention computed: the sinks and
heavy hitters enter with importance 1, the other tokens with 0; the first %d
tokens come with their queries, for the balancer). Then %d steps are timed,
wall clock, on one goroutine and side by side with Workers %d (W); medians.
Between two steps bench computes KV head 0's float64 reference, then reads
%s, which evicts the cache from every level as a model's other layers would.
µs/step: one goroutine. KV/ns: keys and values of the context per ns;
read/ns: those of the tokens held (H2O reads only what it kept).
ceiling: the lower of DRAM (the row's GB/s over the bytes per value read:
every step reads its cache from DRAM) and FMA (the FMA peak over the %d
FMAs per value that %d query rows cost in Dot and AddWeighted); share:
read/ns over it; DRAM%%: read/ns over the DRAM ceiling. GB/s: the row's
DRAM bandwidth, the median speed of its eviction reads, which stream
from DRAM on one goroutine between its steps (with -quick, whose reads
fit a cache: the probe below). ×W: the speed-up of W goroutines.
B/tok: cache bytes per token and KV head (codes, scales, mins; +bk
bookkeeping). err: mean |out - exact| / |exact| over KV head 0's query
heads (max in brackets).
DRAM probe %.1f GB/s%s; FMA peak %.1f lanes/ns (%s).

`, mikvKVHeads, mikvHeadDim, mikvGroup, synthOutliers, synthOutlierScale, synthOutlierOffset,
		mikvBalancerTokens, ms.steps, ms.workers, byteSize(ms.evictBytes()), mikvGroup, mikvGroup,
		ms.bw.GBs, ms.workersBandwidth(), ms.fma.LanesPerNs, orUnknown(ms.fma.Vector))
	fmt.Fprintf(w, "%-7s %-22s %9s %6s %7s %7s %-5s %5s %5s %5s | %9s %6s | %6s %5s %6s %s\n",
		"context", "cache", "µs/step", "KV/ns", "read/ns", "ceiling", "bound", "share", "DRAM%", "GB/s",
		fmt.Sprintf("W=%d µs", ms.workers), "×W", "B/tok", "+bk", "%fp16", "err (max)")
	var results []MiKVResult
	for _, n := range ms.contexts {
		data := map[int]*synthKV{}
		for _, c := range ms.cases {
			d := c.cfg.HeadDim
			if data[d] == nil {
				fmt.Fprintf(progress, "bench: MiKV synthetic data, %d tokens, head dimension %d\n", n, d)
				data[d] = synthesize(rand.New(rand.NewPCG(uint64(n), uint64(d))), n+ms.steps+2, c.cfg.QueryHeads, c.cfg.KVHeads, d,
					func(t int) bool { return t < mikvBalancerTokens || t >= n })
			}
			fmt.Fprintf(progress, "bench: MiKV %s at %d tokens\n", c.name, n)
			r := ms.measure(c, data[d], n)
			results = append(results, r)
			ceiling, share, dram, gbs := "-", "-", "-", "-"
			if c := min(nonZero(r.MemoryCeiling), nonZero(r.ComputeCeiling)); !math.IsInf(c, 1) {
				ceiling, share = fmtValue(c), fmt.Sprintf("%.0f%%", 100*r.Share)
			}
			if r.DRAMShare > 0 {
				dram = fmt.Sprintf("%.0f%%", 100*r.DRAMShare)
			}
			if r.RowGBs > 0 {
				gbs = fmt.Sprintf("%.1f", r.RowGBs)
			}
			speedup, wns := "-", "-"
			if r.Workers > 1 {
				speedup, wns = fmt.Sprintf("%.2f", r.Speedup), fmt.Sprintf("%.1f", r.NsPerStepWorkers/1e3)
			}
			fmt.Fprintf(w, "%-7d %-22s %9.1f %6s %7s %7s %-5s %5s %5s %5s | %9s %6s | %6.1f %5.1f %5.1f%% %.2g (%.2g)\n",
				n, c.name, r.NsPerStep/1e3, fmtValue(r.KVValuesPerNs), fmtValue(r.ReadValuesPerNs), ceiling, r.Bound, share, dram, gbs,
				wns, speedup, r.BytesPerToken, r.BookkeepingPerToken, 100*r.ShareOfF16, r.RelError, r.MaxRelError)
		}
	}
	return results
}

// orUnknown returns s, or "unknown" if it is empty.
func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// workersBandwidth describes the streaming bandwidth of the Workers
// goroutines, the most a memory-bound row's ×W can reach; empty if it was
// not measured.
func (ms *mikvRun) workersBandwidth() string {
	if ms.bwWorkers.GBs <= 0 || ms.bw.GBs <= 0 {
		return ""
	}
	return fmt.Sprintf(" (on %d goroutines %.1f GB/s, %.2fx: the ×W of a DRAM-bound row)", ms.workers, ms.bwWorkers.GBs, ms.bwWorkers.GBs/ms.bw.GBs)
}

// nonZero returns x, or +Inf if x is 0 (a ceiling that does not apply).
func nonZero(x float64) float64 {
	if x == 0 {
		return math.Inf(1)
	}
	return x
}

// newFilledCache returns a cache of cfg holding the first n tokens of
// data, stored by Append: importance 1 for the sinks and heavy hitters
// (the tokens an attention pass ranks first), 0 for the others; the first
// mikvBalancerTokens with their queries.
func newFilledCache(cfg mikv.Config, data *synthKV, n int) *mikv.Cache {
	cache, err := mikv.New(cfg)
	if err != nil {
		panic(err)
	}
	l := cache.Layer(0)
	kd := data.kvHeads * data.dim
	imp := make([]float32, n*data.kvHeads)
	for t, heavy := range data.heavy[:n] {
		if heavy {
			for h := range data.kvHeads {
				imp[t*data.kvHeads+h] = 1
			}
		}
	}
	head := min(n, mikvBalancerTokens)
	info := &mikv.AppendInfo{Queries: data.queries(0, head), Importance: imp[:head*data.kvHeads]}
	if err := l.Append(data.k[:head*kd], data.v[:head*kd], head, info); err != nil {
		panic(err)
	}
	info = &mikv.AppendInfo{Importance: imp[head*data.kvHeads:]}
	if err := l.Append(data.k[head*kd:n*kd], data.v[head*kd:n*kd], n-head, info); err != nil {
		panic(err)
	}
	return cache
}

// measure fills a cache of c with the first n tokens of data (and a second
// one with ms.workers workers) and times ms.steps decode steps on each,
// side by side, after two warm-up steps.
func (ms *mikvRun) measure(c mikvCase, data *synthKV, n int) MiKVResult {
	one := c.cfg
	one.Workers = 1
	caches := []*mikv.Cache{newFilledCache(one, data, n)}
	if ms.workers > 1 {
		wcfg := c.cfg
		wcfg.Workers = ms.workers
		caches = append(caches, newFilledCache(wcfg, data, n))
	}
	r := MiKVResult{Config: c.name, Policy: c.cfg.String(), KVHeads: c.cfg.KVHeads, QueryRows: c.cfg.QueryHeads / c.cfg.KVHeads,
		HeadDim: data.dim, Context: n, Steps: ms.steps, Workers: ms.workers}
	qd, kd := data.qHeads*data.dim, data.kvHeads*data.dim
	ns := make([][]float64, len(caches))
	outs := make([][]float32, len(caches))
	for i := range outs {
		outs[i] = make([]float32, qd)
	}
	var errSum float64
	count := 0
	var reads []float64 // GB/s of the eviction reads next to the timed steps
	for s := 0; s < ms.steps+2; s++ {
		t := n + s
		q, k, v := data.queries(t, t+1), data.k[t*kd:(t+1)*kd], data.v[t*kd:(t+1)*kd]
		for i, cache := range caches {
			start := time.Now()
			if err := cache.Layer(0).Decode(q, k, v, outs[i]); err != nil {
				panic(err)
			}
			el := time.Since(start)
			if s >= 2 { // two warm-up steps
				ns[i] = append(ns[i], float64(el.Nanoseconds()))
			}
		}
		if len(outs) > 1 && !slices.Equal(outs[0], outs[1]) {
			panic(fmt.Sprintf("mikv: %s: the outputs of 1 and %d workers differ at token %d", c.name, ms.workers, t))
		}
		if s >= 2 {
			want := data.exactHead(t, 0)
			for h := 0; h < data.qHeads/data.kvHeads; h++ {
				e := relL2(outs[0][h*data.dim:(h+1)*data.dim], want[h*data.dim:(h+1)*data.dim])
				errSum += e
				r.MaxRelError = max(r.MaxRelError, e)
				count++
			}
		}
		if gbs := ms.evict(); s >= 1 { // the read before the first timed step on
			reads = append(reads, gbs)
		}
	}
	if !ms.quick {
		r.RowGBs = median(reads)
	}
	r.NsPerStep = median(ns[0])
	r.Speedup = 1
	if len(ns) > 1 {
		r.NsPerStepWorkers = median(ns[1])
		r.Speedup = r.NsPerStep / r.NsPerStepWorkers
	}
	ctx := float64(n + 2 + ms.steps/2) // tokens in the cache at the median step, about
	r.KVValuesPerNs = ctx * float64(kd*2) / r.NsPerStep
	st := caches[0].Stats()
	held := st.Important + st.Retained // rows: tokens × KV heads
	r.ReadValuesPerNs = r.KVValuesPerNs * float64(held) / float64(st.Tokens*data.kvHeads)
	r.CacheBytes = st.CodeBytes + st.ScaleBytes
	r.BytesPerToken = float64(r.CacheBytes) / float64(st.Tokens*data.kvHeads)
	r.BookkeepingPerToken = float64(st.BookkeepingBytes) / float64(st.Tokens*data.kvHeads)
	r.ShareOfF16 = st.ShareOfF16
	r.RelError = errSum / float64(count)
	ms.ceilings(&r, float64(r.CacheBytes)/float64(2*held*data.dim))
	return r
}

// ceilings sets the ceilings, bound and share of r, whose cache reads
// bytesPerValue bytes per key or value held: the DRAM one of r's own
// bandwidth (RowGBs) if it has one, else of the run's probe.
func (ms *mikvRun) ceilings(r *MiKVResult, bytesPerValue float64) {
	gbs := ms.bw.GBs
	if r.RowGBs > 0 {
		gbs = r.RowGBs
	}
	if gbs > 0 {
		r.MemoryCeiling = gbs / bytesPerValue
		r.DRAMShare = r.ReadValuesPerNs / r.MemoryCeiling
	}
	if ms.fma.LanesPerNs > 0 {
		r.ComputeCeiling = ms.fma.LanesPerNs / float64(r.QueryRows)
	}
	c := min(nonZero(r.MemoryCeiling), nonZero(r.ComputeCeiling))
	switch {
	case math.IsInf(c, 1):
		return
	case c == r.MemoryCeiling:
		r.Bound = "DRAM"
	default:
		r.Bound = "FMA"
	}
	r.Share = r.ReadValuesPerNs / c
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

// synthKV holds the k and v rows of a token sequence, token-major, head by
// head within a token, and the q rows of some of its tokens.
type synthKV struct {
	qHeads, kvHeads, dim int
	q                    map[int][]float32 // token → its qHeads×dim queries
	k, v                 []float32
	heavy                []bool // per token: a sink or heavy hitter
}

// queries returns the query rows of tokens [i, j), which synthesize must
// have kept.
func (s *synthKV) queries(i, j int) []float32 {
	out := make([]float32, 0, (j-i)*s.qHeads*s.dim)
	for t := i; t < j; t++ {
		q, ok := s.q[t]
		if !ok {
			panic(fmt.Sprintf("bench: synthetic queries of token %d were not kept", t))
		}
		out = append(out, q...)
	}
	return out
}

// synthesize draws n tokens: unit-normal queries and keys, plus, per KV
// head, a few outlier key channels (queries there are small, so the
// balancer has something to balance), a direction that every query leans
// toward and that the keys of heavy-hitter tokens (the first four, the
// attention sinks, and a random 2%) share, and unit-normal values. It
// draws and keeps the queries of the tokens keepQ selects only.
func synthesize(rng *rand.Rand, n, qHeads, kvHeads, dim int, keepQ func(t int) bool) *synthKV {
	s := &synthKV{qHeads: qHeads, kvHeads: kvHeads, dim: dim, q: map[int][]float32{},
		k: make([]float32, n*kvHeads*dim), v: make([]float32, n*kvHeads*dim), heavy: make([]bool, n)}
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
		s.heavy[t] = heavy
		var qt []float32
		if keepQ(t) {
			qt = make([]float32, qHeads*dim)
			s.q[t] = qt
		}
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
			for j := 0; qt != nil && j < g; j++ {
				q := qt[(h*g+j)*dim:][:dim]
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

// exactHead returns, in float64, the attention output of token t's query
// heads that read KV head hk, over that head's keys and values of tokens
// [0, t], scale 1/sqrt(dim).
func (s *synthKV) exactHead(t, hk int) []float64 {
	d, g := s.dim, s.qHeads/s.kvHeads
	out := make([]float64, g*d)
	w := make([]float64, t+1)
	scale := 1 / math.Sqrt(float64(d))
	qt := s.queries(t, t+1)
	for j := range g {
		q := qt[(hk*g+j)*d:][:d]
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
		o := out[j*d : (j+1)*d]
		for i, wi := range w {
			v := s.v[(i*s.kvHeads+hk)*d:][:d]
			for c := range o {
				o[c] += wi / sum * float64(v[c])
			}
		}
	}
	return out
}
