package mikv

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// headState returns what the heads of l hold that a step decides: per
// head, the positions of each tier in slot order, the important scores
// and the drop counts.
func headState(l *Layer) []any {
	var s []any
	for _, h := range l.heads {
		s = append(s, positions(&h.imp), positions(&h.ret), append([]float32(nil), h.imp.score...), h.evicted, h.expired)
	}
	return s
}

// The number of workers does not change anything a cache computes: the
// split points are fixed by the pages and the merge runs in split order
// (a joint pass is one task per head, chosen by the tokens held), so
// outputs, for joint and split passes alike,, scores and tiers are bit-identical for 1 to 5 workers, over
// random configurations (windows, sinks, soft caps, Evict, int8 queries,
// pages of 1 to 256 tokens), with Prefill, Decode and DecodeBatch.
func TestWorkersGiveIdenticalResults(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	trials := 16
	if raceDetector || testing.Short() {
		trials = 5
	}
	for trial := range trials {
		cfg := randomConfig(rng)
		cfg.KVHeads = 1 + rng.IntN(4)
		cfg.QueryHeads = cfg.KVHeads * (1 + rng.IntN(3))
		cfg = cfg.WithLayers(func(_ int, p *LayerPolicy) {
			if p.SinkLogits != nil {
				p.SinkLogits = normals(rng, cfg.QueryHeads, 1)
			}
			if rng.IntN(3) == 0 {
				p.SoftCap = 3
			}
		})
		prefill := []int{0, 1, 30}[rng.IntN(3)]
		sizes := [][]int{{1}, {1, 3, 1, 9}}[rng.IntN(2)]
		s := randomSeq(rng, prefill+120, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
		t.Run(fmt.Sprintf("%d/%s/page%d", trial, cfg, cfg.PageSize), func(t *testing.T) {
			forEachPass(t, func(t *testing.T) {
				var want [][]float32
				var wantState []any
				for w := 1; w <= 5; w++ {
					c := cfg
					c.Workers = w
					l := newTestCache(t, c).Layer(0)
					got := runCalls(t, l, s, prefill, sizes)
					if w == 1 {
						want, wantState = got, headState(l)
						continue
					}
					require.Equal(t, bits(want), bits(got), "%d workers", w)
					require.Equal(t, wantState, headState(l), "%d workers", w)
				}
			})
		})
	}
}

// Splits inside a page (a page of more than splitTokens tokens) and
// across many pages give float64 attention up to float32 rounding, on one
// worker and on three, bit for bit alike.
func TestSplitsMatchFloat64(t *testing.T) {
	const n, steps = splitTokens*2 + 300, 6
	for _, page := range []int{4096, 100} {
		t.Run(fmt.Sprintf("page%d", page), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(3, uint64(page)))
			s := randomSeq(rng, n+steps, 4, 2, 16)
			var first [][]float32
			for _, w := range []int{1, 3} {
				cfg := fullConfig(4, 2, 16, lowbit.F32)
				cfg.PageSize, cfg.Workers = page, w
				l := newTestCache(t, cfg).Layer(0)
				outs := runCalls(t, l, s, n, []int{1, 2})
				h := l.heads[0]
				require.Greater(t, len(h.splits), 2, "several splits")
				for i := n; i < n+steps; i++ {
					assert.Less(t, maxAbsErr(outs[i], exactAttention(s, i)), 5e-6, "token %d", i)
				}
				if first == nil {
					first = outs[n:]
				} else {
					assert.Equal(t, bits(first), bits(outs[n:]))
				}
			}
		})
	}
}

// The caches of a pool share its helpers: sequences decoded concurrently
// give what each gives alone.
func TestPoolSharesWorkers(t *testing.T) {
	cfg := DefaultConfig(2, 2, 4, 16)
	cfg.PageSize, cfg.Workers = 8, 3
	pool, err := NewPool(cfg, 0)
	require.NoError(t, err)
	const seqs, prompt, steps = 4, 20, 40
	data := make([]*seq, seqs)
	want := make([][][]float32, seqs)
	for i := range data {
		data[i] = randomSeq(rand.New(rand.NewPCG(8, uint64(i))), prompt+steps, 4, 2, 16)
		serial := cfg
		serial.Workers = 1
		want[i] = runSeq(t, newTestCache(t, serial).Layer(1), data[i], prompt)
	}
	got := make([][][]float32, seqs)
	var wg sync.WaitGroup
	for i := range data {
		c := pool.New()
		assert.Same(t, pool.work, c.work)
		wg.Go(func() { got[i] = runSeq(t, c.Layer(1), data[i], prompt) })
	}
	wg.Wait()
	for i := range want {
		assert.Equal(t, bits(want[i]), bits(got[i]), "sequence %d", i)
	}
}

// A cache's helpers stop once nothing holds the cache (nor a clone or a
// layer of it).
func TestWorkersStopWithTheirCache(t *testing.T) {
	// The helpers of this cache and its clone are counted through the
	// workers they serve (which the test holds without holding the cache),
	// not by runtime.NumGoroutine, which other tests' helpers move.
	w := func() *workers {
		cfg := DefaultConfig(1, 2, 2, 16)
		cfg.Workers = 9
		c := newTestCache(t, cfg)
		fillCache(t, c, rand.New(rand.NewPCG(1, 1)), 5, 5)
		d := c.Clone()
		fillCache(t, d, rand.New(rand.NewPCG(1, 2)), 0, 3)
		require.Same(t, c.work, d.work)
		require.EqualValues(t, 8, c.work.w.live.Load())
		return c.work.w
	}()
	deadline := time.Now().Add(60 * time.Second)
	for w.live.Load() > 0 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	assert.Zero(t, w.live.Load(), "helpers still running after their cache was dropped")
}

// Restoring a saved cache with another Workers gives it helpers to match.
func TestRestoreSetsWorkers(t *testing.T) {
	cfg := DefaultConfig(1, 2, 2, 16)
	cfg.Workers = 3
	a := newTestCache(t, cfg)
	fillCache(t, a, rand.New(rand.NewPCG(2, 1)), 10, 4)
	data, err := a.MarshalBinary()
	require.NoError(t, err)
	var b Cache
	require.NoError(t, b.UnmarshalBinary(data))
	assert.Equal(t, 3, b.work.size())
	assert.Same(t, b.work, b.Layer(0).work)

	cfg.Workers = 0
	one := newTestCache(t, cfg)
	require.NoError(t, one.UnmarshalBinary(data))
	assert.Equal(t, 3, one.work.size())
	assert.Same(t, one.work, one.Layer(0).work)
}

// A cache's helpers poll for its WorkerSpin (DefaultWorkerSpin for 0), and
// restoring a saved cache with another WorkerSpin gives it helpers to
// match.
func TestWorkerSpin(t *testing.T) {
	cfg := DefaultConfig(1, 2, 2, 16)
	cfg.Workers = 2
	a := newTestCache(t, cfg)
	assert.Equal(t, DefaultWorkerSpin, a.work.w.spin)
	cfg.WorkerSpin = 3 * time.Millisecond
	b := newTestCache(t, cfg)
	assert.Equal(t, 3*time.Millisecond, b.work.w.spin)
	fillCache(t, b, rand.New(rand.NewPCG(2, 2)), 10, 4)
	data, err := b.MarshalBinary()
	require.NoError(t, err)
	require.NoError(t, a.UnmarshalBinary(data))
	assert.Equal(t, 3*time.Millisecond, a.work.w.spin)
	assert.Equal(t, 3*time.Millisecond, a.Config().WorkerSpin)
	assert.Same(t, a.work, a.Layer(0).work)
}

// A split (of a split pass) whose sampled reference score is far below its max (a token
// that outscores the sample by 100) is rescored with the true max: the
// output is float64 attention's, on one worker and on two alike.
func TestSplitReferenceFarBelowMax(t *testing.T) {
	splitPasses(t)
	const n, heavy = 100, 40 // the sample of a split of 100 tokens: 0, 12, 25, 37, …, 99
	s := randomSeq(rand.New(rand.NewPCG(5, 1)), n, 1, 1, 16)
	for i := range n {
		s.q[i*16] = 10
	}
	s.k[heavy*16] = 10
	var first []float32
	for _, w := range []int{1, 2} {
		cfg := fullConfig(1, 1, 16, lowbit.F32)
		cfg.Scale, cfg.Workers = 1, w
		l := newTestCache(t, cfg).Layer(0)
		q, k, v := s.prefix(n - 1)
		require.NoError(t, l.Append(k, v, n-1, &AppendInfo{Queries: q}))
		q, k, v = s.token(n - 1)
		out := make([]float32, 16)
		require.NoError(t, l.Decode(q, k, v, out))
		assert.Positive(t, l.heads[0].rescored, "the sample missed the max")
		assert.Less(t, maxAbsErr(out, refAttention(s, n-1, variant{scale: 1})), 5e-6)
		if first == nil {
			first = out
		} else {
			assert.Equal(t, bits([][]float32{first}), bits([][]float32{out}))
		}
	}
}

// The helpers poll for jobs and the caller for its tasks' end before they
// park (workers.poll, job.wait). Whichever way a call meets them — on one
// processor (the caller parks at once), from a goroutine locked to its
// thread, or after a pause long enough for every helper to have parked —
// the results are one worker's, bit for bit.
func TestWorkersPollOrPark(t *testing.T) {
	splitPasses(t)
	cfg := DefaultConfig(1, 3, 6, 16)
	cfg.PageSize = 8 // several splits per head
	s := randomSeq(rand.New(rand.NewPCG(7, 7)), 40, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
	run := func(w int, each func()) [][]float32 {
		c := cfg
		c.Workers = w
		l := newTestCache(t, c).Layer(0)
		q, k, v := s.prefix(24)
		out := make([]float32, len(q))
		require.NoError(t, l.Prefill(q, k, v, 24, out))
		outs := [][]float32{out}
		for i := 24; i < 40; i++ {
			each()
			q, k, v := s.token(i)
			o := make([]float32, len(q))
			require.NoError(t, l.Decode(q, k, v, o))
			outs = append(outs, o)
		}
		return outs
	}
	want := bits(run(1, func() {}))
	t.Run("one processor", func(t *testing.T) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		assert.Equal(t, want, bits(run(4, func() {})))
	})
	t.Run("locked caller", func(t *testing.T) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		assert.Equal(t, want, bits(run(3, func() {})))
	})
	t.Run("parked helpers", func(t *testing.T) {
		assert.Equal(t, want, bits(run(3, func() { time.Sleep(4 * DefaultWorkerSpin) })))
	})
}
