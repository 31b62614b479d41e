package mikv

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/klauspost/cpuid/v2"
	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/require"
)

// benchConfigs are the decode-attention benchmark's caches, for one layer of
// kvHeads KV heads of dimension 128, each read by 4 query heads.
func benchConfigs(kvHeads int) []namedConfig {
	base := DefaultConfig(1, kvHeads, 4*kvHeads, 128)
	q := func(bits int) Tier { return Tier{Key: lowbit.Quant(bits, 64), Value: lowbit.Quant(bits, 64)} }
	with := func(f func(c *Config)) Config {
		c := base
		f(&c)
		return c
	}
	return []namedConfig{
		{"mikv-f16-int2", base},
		{"mikv-f16-int2-int8q", with(func(c *Config) { c.Int8Queries = true })},
		{"mikv-f16-int2-int8w", with(func(c *Config) { c.Int8Weights = true })},
		{"mikv-f16-int2-int8qw", with(func(c *Config) { c.Int8Queries, c.Int8Weights = true, true })},
		{"mikv-int8-int2", with(func(c *Config) { c.Important = q(8) })},
		{"uniform-int4", with(func(c *Config) { c.Ratio, c.Retained = 0, q(4) })},
		{"uniform-int4-int8q", with(func(c *Config) { c.Ratio, c.Retained, c.Int8Queries = 0, q(4), true })},
		{"full-f16", with(func(c *Config) { c.Ratio = 1 })},
		{"full-f32", with(func(c *Config) { c.Ratio, c.Important = 1, Tier{Key: lowbit.F32, Value: lowbit.F32} })},
	}
}

// benchFill puts n random tokens straight into the tiers of every KV head of
// l, as a Prefill would leave them (the budget's share important: the
// recent window and random others; the balancer frozen from the tokens),
// without Prefill's O(n²) exact attention.
func benchFill(tb testing.TB, l *Layer, rng *rand.Rand, n int) {
	cfg := l.cfg
	d, g := cfg.HeadDim, cfg.QueryHeads/cfg.KVHeads
	budget, recent := l.pol.budget(n)
	for _, h := range l.heads {
		k, v := normals(rng, n*d, 1), normals(rng, n*d, 1)
		h.bal.observe(normals(rng, 64*g*d, 1), k)
		keep := make([]bool, n)
		for t := n - recent; t < n; t++ {
			keep[t] = true
		}
		for _, t := range rng.Perm(n - recent)[:budget-recent] {
			keep[t] = true
		}
		var ki, vi, kr, vr []float32
		var pi, pr []int32
		var si []float32
		for t := range n {
			if keep[t] {
				ki, vi = append(ki, k[t*d:(t+1)*d]...), append(vi, v[t*d:(t+1)*d]...)
				pi, si = append(pi, int32(t)), append(si, rng.Float32())
			} else {
				kr, vr = append(kr, k[t*d:(t+1)*d]...), append(vr, v[t*d:(t+1)*d]...)
				pr = append(pr, int32(t))
			}
		}
		if len(pi) > 0 {
			h.convert(&h.imp, ki, vi, nil)
			h.imp.appendRows(ki, vi, pi, si)
		}
		if len(pr) > 0 {
			h.convert(&h.ret, kr, vr, nil)
			h.ret.appendRows(kr, vr, pr, nil)
		}
	}
	l.n = n
	require.Equal(tb, n*cfg.KVHeads, l.Stats().Important+l.Stats().Retained)
}

// BenchmarkDecode times one Decode step (one token, every query head) of
// one layer at a context of 1K, 4K and 32K tokens, head dimension 128,
// with 8 KV heads × 4 query heads and with one KV head × 4 query heads, on
// one goroutine (w1) and with Workers 2 (w2: the caller and one helper).
// KV/ns counts the keys and values in the cache (2 × context × KV heads ×
// 128) per ns of wall clock; B/token the cache's codes, scales and mins
// per token (all KV heads). Every 1/32 of the context the cache is
// restored to its starting length, so the context stays within 3% of its
// nominal size. On Linux, w1 also reports KV/cpu-ns, per ns of the CPU
// time of the benchmark's thread (see threadCPU): the figure to quote on
// a shared machine, for one goroutine only.
func BenchmarkDecode(b *testing.B) {
	for _, ctx := range []int{1024, 4096, 32768} {
		for _, kv := range []int{8, 1} {
			for _, c := range benchConfigs(kv) {
				for _, w := range []int{1, 2} {
					c.cfg.Workers = w
					b.Run(fmt.Sprintf("ctx%d/kv%d/%s/w%d", ctx, kv, c.name, w), func(b *testing.B) {
						benchDecode(b, c.cfg, ctx)
					})
				}
			}
		}
	}
}

// BenchmarkDecodeRotation times the decode step of BenchmarkDecode at 4K
// tokens, 8 KV heads × 4 query heads of dimension 128, one goroutine, for
// the paper's cache (fp16 over int2) and uniform int4, with each rotation
// against none: its cost is the query's rotation once per step, the
// output's rotation back (with values) once per step, and the demoted
// token's rotation.
func BenchmarkDecodeRotation(b *testing.B) {
	rots := []Rotation{{}, {Kind: HadamardRotation}, {Kind: HadamardRotation, Values: true}, {Kind: RandomRotation, Seed: 1}, {Kind: RandomRotation, Values: true, Seed: 1}}
	for _, c := range benchConfigs(8) {
		if c.name != "mikv-f16-int2" && c.name != "uniform-int4" {
			continue
		}
		for _, r := range rots {
			cfg := c.cfg
			cfg.Rotation = r
			b.Run(fmt.Sprintf("ctx4096/kv8/%s/%s", c.name, r), func(b *testing.B) {
				benchDecode(b, cfg, 4096)
			})
		}
	}
}

func benchDecode(b *testing.B, cfg Config, ctx int) {
	cache, err := New(cfg)
	require.NoError(b, err)
	rng := rand.New(rand.NewPCG(1, uint64(ctx)))
	l := cache.Layer(0)
	benchFill(b, l, rng, ctx)
	saved, err := cache.MarshalBinary()
	require.NoError(b, err)
	st := l.Stats()
	nq, nkv := cfg.QueryHeads*cfg.HeadDim, cfg.KVHeads*cfg.HeadDim
	const tokens = 64
	qs, ks, vs := normals(rng, tokens*nq, 1), normals(rng, tokens*nkv, 1), normals(rng, tokens*nkv, 1)
	out := make([]float32, nq)
	var values float64 // keys and values read, summed over the steps
	i := 0
	if cfg.Workers <= 1 { // the thread's CPU time is reported for one goroutine only; a locked caller would hand its thread off when it waits
		defer lockThread()()
	}
	var cpu int64 // thread CPU ns while timed
	cpu0, cpuOK := threadCPU()
	for b.Loop() {
		if l.n >= ctx+max(1, ctx/32) {
			b.StopTimer()
			c, _ := threadCPU()
			cpu += c - cpu0
			require.NoError(b, cache.UnmarshalBinary(saved))
			cpu0, _ = threadCPU()
			b.StartTimer()
		}
		j := i % tokens
		values += float64(2 * (l.n + 1) * nkv)
		if err := l.Decode(qs[j*nq:(j+1)*nq], ks[j*nkv:(j+1)*nkv], vs[j*nkv:(j+1)*nkv], out); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(values/float64(b.Elapsed().Nanoseconds()), "KV/ns")
	if c, _ := threadCPU(); cpuOK && cfg.Workers <= 1 {
		if cpu += c - cpu0; cpu > 0 {
			b.ReportMetric(values/float64(cpu), "KV/cpu-ns")
		}
	}
	b.ReportMetric(float64(st.CodeBytes+st.ScaleBytes)/float64(st.Tokens), "B/token")
}

// BenchmarkPrefill times Prefill of a prompt (exact causal attention, the
// ranking and the split into tiers) for one layer of one KV head of
// dimension 128 read by 4 query heads, on 1 and 2 workers. GFLOP/s counts
// the causal half of attention's two products, 2·n²·d·g flops (n²·d·2 for
// QKᵀ and as many for PV, times the g query heads, halved for causality)
// per wall-clock ns, and nothing for the softmax, the importance sums or
// the tiers; GFLOP/cpu-s counts the same per second of CPU time of the
// whole process (every worker: on a shared, loaded machine the wall clock
// also counts the time other processes held the cores, and with perfect
// scaling the figure does not change with the workers); KV/ns counts the
// keys and values the prompt's queries attend to, n(n+1)/2 tokens × 2 ×
// 128. A run of 32768 tokens takes about 10 s on one 3 GHz Zen 3 core.
func BenchmarkPrefill(b *testing.B) {
	for _, n := range []int{1024, 4096, 32768} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("n%d/workers%d", n, workers), func(b *testing.B) {
				cfg := DefaultConfig(1, 1, 4, 128)
				cfg.Workers = workers
				c, err := New(cfg)
				require.NoError(b, err)
				s := randomSeq(rand.New(rand.NewPCG(2, 2)), n, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
				out := make([]float32, n*cfg.QueryHeads*cfg.HeadDim)
				l := c.Layer(0)
				var cpu int64
				for b.Loop() {
					l.Reset()
					c0, _ := processCPU()
					if err := l.Prefill(s.q, s.k, s.v, n, out); err != nil {
						b.Fatal(err)
					}
					c1, _ := processCPU()
					cpu += c1 - c0
				}
				flops := 2 * float64(n) * float64(n) * 128 * 4
				ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
				b.ReportMetric(flops/ns, "GFLOP/s")
				if _, ok := processCPU(); ok && cpu > 0 {
					b.ReportMetric(flops*float64(b.N)/float64(cpu), "GFLOP/cpu-s")
				}
				b.ReportMetric(float64(n)*float64(n+1)*128/ns, "KV/ns")
			})
		}
	}
}

// BenchmarkPageKernels times the kernels a decode step runs, in the shape
// it runs them: one page of 1024 tokens (the default PageSize) of head
// dimension 128, 4 query rows (a GQA group). values/ns counts the page's
// values (1024 × 128) per ns, so the figures compare with
// BenchmarkDecode's KV/ns: a step reads each key once (Dot or DotQ8) and
// each value once (AddWeighted).
func BenchmarkPageKernels(b *testing.B) {
	const rows, dim, nq = 1024, 128, 4
	rng := rand.New(rand.NewPCG(4, 4))
	for _, f := range []lowbit.Format{lowbit.Quant(2, 64), lowbit.Quant(4, 64), lowbit.Quant(8, 64), lowbit.F16, lowbit.F32} {
		r, err := lowbit.NewRows(f, rows, dim)
		require.NoError(b, err)
		require.NoError(b, lowbit.Quantize(r, normals(rng, rows*dim, 1)))
		x := normals(rng, nq*dim, 1)
		q8, err := lowbit.NewQ8(f, nq, dim)
		require.NoError(b, err)
		require.NoError(b, lowbit.QuantizeQ8(q8, x))
		scores, w, y := make([]float32, nq*rows), normals(rng, nq*rows, 0.01), make([]float32, nq*dim)
		run := func(name string, kernel func()) {
			b.Run(fmt.Sprintf("%s/%s", name, f), func(b *testing.B) {
				timeKernel(b, rows*dim, kernel)
			})
		}
		run("Dot", func() { lowbit.Dot(scores, r, x) })
		run("DotQ8", func() { lowbit.DotQ8(scores, r, q8) })
		run("AddWeighted", func() { lowbit.AddWeighted(y, r, w) })
		// The same work as one call per query row.
		run("Dot-1x4", func() {
			for j := range nq {
				lowbit.Dot(scores[j*rows:(j+1)*rows], r, x[j*dim:(j+1)*dim])
			}
		})
		q81, err := lowbit.NewQ8(f, 1, dim)
		require.NoError(b, err)
		require.NoError(b, lowbit.QuantizeQ8(q81, x[:dim]))
		run("DotQ8-1x4", func() {
			for j := range nq {
				lowbit.DotQ8(scores[j*rows:(j+1)*rows], r, q81)
			}
		})
		run("AddWeighted-1x4", func() {
			for j := range nq {
				lowbit.AddWeighted(y[j*dim:(j+1)*dim], r, w[j*rows:(j+1)*rows])
			}
		})
	}
	b.Run("Softmax/4x4096", func(b *testing.B) {
		x := normals(rng, 4096, 3)
		buf := make([]float32, len(x))
		timeKernel(b, nq*4096, func() {
			for range nq {
				copy(buf, x)
				lowbit.Softmax(buf)
			}
		})
	})
}

// timeKernel runs kernel in a benchmark loop and reports values/ns, and
// values per CPU-ns where the thread's CPU time is measured.
func timeKernel(b *testing.B, values int, kernel func()) {
	defer lockThread()()
	c0, ok := threadCPU()
	for b.Loop() {
		kernel()
	}
	b.ReportMetric(float64(values)*float64(b.N)/float64(b.Elapsed().Nanoseconds()), "values/ns")
	if c1, _ := threadCPU(); ok && c1 > c0 {
		b.ReportMetric(float64(values)*float64(b.N)/float64(c1-c0), "values/cpu-ns")
	}
}

// BenchmarkSmallHeads times a decode step of one layer shaped like
// stories260K's (4 KV heads of dimension 8, 8 query heads) at 256 tokens,
// with the llama2c runner's default tiers (4-bit over 3-bit, groups of 8,
// r = 0.59, normalized selection) and with float32 tiers (fast kernels on
// any width: what is left is mikv's own work per step). ns/op is one
// step of the layer.
func BenchmarkSmallHeads(b *testing.B) {
	const ctx = 256
	for _, tiers := range []struct {
		name     string
		hi, lo   lowbit.Format
		ratio    float64
		normaliz bool
	}{
		{"q4sg8-q3sg8", lowbit.SymQuant(4, 8), lowbit.SymQuant(3, 8), 0.59, true},
		{"f32", lowbit.F32, lowbit.F32, 0.59, true},
	} {
		b.Run(tiers.name, func(b *testing.B) {
			cfg := DefaultConfig(1, 4, 8, 8)
			cfg.Important = Tier{Key: tiers.hi, Value: tiers.hi}
			cfg.Retained = Tier{Key: tiers.lo, Value: tiers.lo}
			cfg.Ratio, cfg.Selection = tiers.ratio, Normalized
			cache, err := New(cfg)
			require.NoError(b, err)
			l := cache.Layer(0)
			s := randomSeq(rand.New(rand.NewPCG(9, 9)), ctx+64, 8, 4, 8)
			q, k, v := s.prefix(ctx)
			require.NoError(b, l.Prefill(q, k, v, ctx, make([]float32, len(q))))
			saved, err := cache.MarshalBinary()
			require.NoError(b, err)
			out := make([]float32, 8*8)
			i := 0
			for b.Loop() {
				if i == 64 {
					b.StopTimer()
					require.NoError(b, cache.UnmarshalBinary(saved))
					i = 0
					b.StartTimer()
				}
				q, k, v := s.token(ctx + i)
				if err := l.Decode(q, k, v, out); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkPageKernelsDRAM times Dot, DotQ8 and AddWeighted as a decode step calls
// them (pages of 1024 tokens of dimension 128, 4 query rows) over pages of
// the larger of 256 MiB and 8× the L3 cache that cpuid reports (bench's
// DRAM size, at most 4 GiB), one after the other, so that every call reads
// its page from DRAM: the figures to compare with the streaming bandwidth.
// The pages are copies of eight quantized ones.
func BenchmarkPageKernelsDRAM(b *testing.B) {
	const rows, dim, nq = 1024, 128, 4
	rng := rand.New(rand.NewPCG(4, 4))
	size := int64(256 << 20)
	if l3 := cpuid.CPU.Cache.L3; l3 > 0 {
		size = min(max(size, 8*int64(l3)), 4<<30)
	}
	for _, f := range []lowbit.Format{lowbit.Quant(2, 64), lowbit.Quant(4, 64), lowbit.F16} {
		pages := int(size / int64(rows*f.RowBytes(dim)))
		var rs []lowbit.Rows
		for i := range pages {
			r, err := lowbit.NewRows(f, rows, dim)
			require.NoError(b, err)
			if i < 8 {
				require.NoError(b, lowbit.Quantize(r, normals(rng, rows*dim, 1)))
			} else {
				t := rs[i%8]
				copy(r.Data, t.Data)
				copy(r.Scales, t.Scales)
				copy(r.Mins, t.Mins)
			}
			rs = append(rs, r)
		}
		x := normals(rng, nq*dim, 1)
		q8, err := lowbit.NewQ8(f, nq, dim)
		require.NoError(b, err)
		require.NoError(b, lowbit.QuantizeQ8(q8, x))
		scores, w, y := make([]float32, nq*rows), normals(rng, nq*rows, 0.01), make([]float32, nq*dim)
		for _, k := range []string{"Dot", "DotQ8", "AddWeighted"} {
			if k == "DotQ8" && !f.Quantized() {
				continue
			}
			b.Run(fmt.Sprintf("%s/%s", k, f), func(b *testing.B) {
				i := 0
				timeKernel(b, rows*dim, func() {
					r := rs[i%len(rs)]
					i++
					switch k {
					case "Dot":
						lowbit.Dot(scores, r, x)
					case "DotQ8":
						lowbit.DotQ8(scores, r, q8)
					default:
						lowbit.AddWeighted(y, r, w)
					}
				})
			})
		}
	}
}

// BenchmarkRotationStep times the rotation work of one decode step of
// BenchmarkDecodeRotation's shape (8 KV heads × 4 query heads, dimension
// 128) apart from the step: 32 query rows rotated, 32 output rows rotated
// back, and one demoted token's key and value per KV head (16 rows), for
// comparison with the step's time. Zen 3 (shared 2-core VM), medians of 6
// runs: 2.5 µs Hadamard (the avx2 kernel; 54 µs with the generic one), 46
// µs random (d×d lowbit.Dot), against a BenchmarkDecodeRotation step of
// about 1.7 ms.
func BenchmarkRotationStep(b *testing.B) {
	const dim, rows = 128, 32 + 32 + 16
	for _, kind := range []RotationKind{HadamardRotation, RandomRotation} {
		b.Run(kind.String(), func(b *testing.B) {
			ro := newRotator(kind, dim, 1)
			x := normals(rand.New(rand.NewPCG(1, 1)), 8*dim, 1) // one head's 4 queries, 4 outputs
			tmp := make([]float32, len(x))
			for b.Loop() {
				for range rows / 8 {
					ro.forward(x, tmp)
				}
			}
		})
	}
}
