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
// the importance sums and max|q|, for every implementation, beside the
// FMA peak of the core (amd64: fma-peak, 12 independent FMA chains on YMM,
// and with AVX-512 fma-peak-zmm, 16 on ZMM).
// GFLOP/s counts the causal half of the two products, 2·n²·d·g (n²·d·2
// for QKᵀ and as much for PV, times the g query heads, halved for
// causality), and nothing for the softmax or the importance sums;
// GFLOP/cpu-s counts the same per second of the thread's CPU time (on a
// shared, loaded machine the wall clock also counts the time other
// processes held the core). LOWBIT_ATTN_LEN sets the prompt length
// (default 4096; generic runs up to 4096 only; 32768 takes about 20 s a
// run on a 3 GHz Zen 3 core).
//
// Measured on a shared 2-core Zen 3 (AMD EPYC, load 10-17), alternating
// runs of fma-peak and the avx2 kernel, medians in GFLOP/cpu-s: at 4096
// tokens 70.8 against a peak of 91.5 (77%; 7 runs; 69% of the 101.7 the
// peak reaches on a quiet core), at 32768 tokens 63.6 against 96.3 (66%;
// 5 runs). mikv's BenchmarkPrefill at 4096 tokens (one KV head, 4 query
// heads) from the same session: 695 ms against 1662 ms for the Dot and
// AddWeighted blocks it replaced (2.4×; 14 runs, one worker).
//
// Measured on an Intel Xeon (family 6 model 167, two 512-bit FMA pipes; 2
// vCPUs, the other one often busy with another benchmark), interleaved
// runs, medians in GFLOP/s: fma-peak 116, fma-peak-zmm 211-223 (229 on a
// quiet core); the avx512 kernels at 4096 tokens 137-144 (60-63% of the
// ZMM peak; before they had their own, the avx2 ones: 82), at 32768
// tokens 127-135 (55-59%; before: 81). mikv's BenchmarkPrefill, one
// worker, from the same session: 118 at 4096 and 117 at 32768 tokens,
// against 75 and 81. A later session, after the block's query and output
// scaling moved to assembly (12 interleaved runs at 4096 tokens, 5 at
// 32768, GFLOP/cpu-s): fma-peak-zmm 225, the avx512 kernels 141 -> 144
// (64%) at 4096 and 144 -> 156 (69%) at 32768 tokens.
func BenchmarkAttention(b *testing.B) {
	n := 4096
	if s := os.Getenv("LOWBIT_ATTN_LEN"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("LOWBIT_ATTN_LEN=%q", s)
		}
	}
	for _, peak := range fmaPeaks() {
		b.Run(peak.name, func(b *testing.B) {
			const iters = 1 << 20
			benchFlops(b, float64(peak.flops)*iters, func() { peak.run(iters) })
		})
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
			benchFlops(b, 2*float64(n)*float64(n)*d*g, func() { im.Attention(a, s, out, c.q, 0, n, cs, maxQ) })
		})
	}
}

// fmaPeakLoop is a loop of independent FMA that measures the FMA peak of
// one core: run(n) runs n iterations of flops each.
type fmaPeakLoop struct {
	name  string
	flops int
	run   func(n int)
}

// benchFlops runs op in b's loop and reports flops (per op) per wall ns
// and per ns of the thread's CPU time.
func benchFlops(b *testing.B, flops float64, op func()) {
	defer lockThread()()
	var cpu int64
	for b.Loop() {
		c0, _ := threadCPU()
		op()
		c1, _ := threadCPU()
		cpu += c1 - c0
	}
	b.ReportMetric(flops*float64(b.N)/float64(b.Elapsed().Nanoseconds()), "GFLOP/s")
	if cpu > 0 {
		b.ReportMetric(flops*float64(b.N)/float64(cpu), "GFLOP/cpu-s")
	}
}
