package mikv

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCalls prefills the first prefill tokens of s into l, then appends the
// rest in DecodeBatch calls of the given sizes (cycled; 1 is Decode), and
// returns every token's output.
func runCalls(t testing.TB, l *Layer, s *seq, prefill int, sizes []int) [][]float32 {
	outs := make([][]float32, s.len())
	nq := s.qHeads * s.dim
	keep := func(from int, out []float32) {
		for i := 0; i*nq < len(out); i++ {
			outs[from+i] = out[i*nq : (i+1)*nq]
		}
	}
	if prefill > 0 {
		q, k, v := s.prefix(prefill)
		out := make([]float32, prefill*nq)
		require.NoError(t, l.Prefill(q, k, v, prefill, out))
		keep(0, out)
	}
	for i, c := prefill, 0; i < s.len(); c++ {
		m := min(sizes[c%len(sizes)], s.len()-i)
		q, k, v := s.span(i, i+m)
		out := make([]float32, m*nq)
		if m == 1 {
			require.NoError(t, l.Decode(q, k, v, out))
		} else {
			require.NoError(t, l.DecodeBatch(q, k, v, m, out))
		}
		keep(i, out)
		i += m
	}
	return outs
}

// variantPolicies returns the attention variants the tests run: each alone
// and all together.
func variantPolicies(qHeads int) map[string]func(p *LayerPolicy) {
	rng := rand.New(rand.NewPCG(5, 5))
	sinks := normals(rng, qHeads, 2)
	return map[string]func(p *LayerPolicy){
		"plain":    func(p *LayerPolicy) {},
		"scale":    func(p *LayerPolicy) { p.Scale = 0.4 },
		"softcap":  func(p *LayerPolicy) { p.Scale, p.SoftCap = 1, 2.5 },
		"sinks":    func(p *LayerPolicy) { p.SinkLogits = sinks },
		"window7":  func(p *LayerPolicy) { p.Window = 7 },
		"window1":  func(p *LayerPolicy) { p.Window = 1 },
		"window40": func(p *LayerPolicy) { p.Window = 40 },
		"all": func(p *LayerPolicy) {
			p.Scale, p.SoftCap, p.SinkLogits, p.Window = 0.6, 3, sinks, 11
		},
	}
}

// A full-precision float32 cache (Ratio 1) with each attention variant
// matches float64 attention with that variant, for the prompt (Prefill),
// single tokens (Decode) and several tokens per call (DecodeBatch, causal
// mask), across page boundaries, MHA and GQA; a window drops exactly the
// tokens no later query sees; through joint passes and split passes.
func TestVariantsMatchFloat64(t *testing.T) {
	for _, shape := range []struct{ q, kv, dim int }{{4, 2, 32}, {3, 3, 16}, {8, 1, 64}} {
		for name, set := range variantPolicies(shape.q) {
			for _, prefill := range []int{0, 9} {
				t.Run(fmt.Sprintf("q%d-kv%d-d%d/%s/prefill%d", shape.q, shape.kv, shape.dim, name, prefill), func(t *testing.T) {
					forEachPass(t, func(t *testing.T) {
						cfg := fullConfig(shape.q, shape.kv, shape.dim, lowbit.F32)
						cfg.PageSize = 5
						cfg = cfg.WithLayers(func(_ int, p *LayerPolicy) { set(p) })
						l := newTestCache(t, cfg).Layer(0)
						s := randomSeq(rand.New(rand.NewPCG(uint64(shape.dim), uint64(prefill))), 60, shape.q, shape.kv, shape.dim)
						outs := runCalls(t, l, s, prefill, []int{1, 3, 1, 5, 2, 8, 1, 1})
						o := variant{}.of(l.Policy())
						worst := 0.0
						for i, out := range outs {
							worst = max(worst, maxAbsErr(out, refAttention(s, i, o)))
						}
						assert.Less(t, worst, 5e-6, "max abs error")
						st := l.Stats()
						held := s.len()
						if w := o.window; w > 0 {
							held = min(held, w-1)
						}
						assert.Equal(t, held*shape.kv, st.Important, "tokens held")
						assert.Equal(t, (s.len()-held)*shape.kv, st.Expired)
					})
				})
			}
		}
	}
}

// DecodeBatch of k tokens on a full-precision cache equals k Decode calls
// up to float32 rounding, and Decode is DecodeBatch of one token (the
// same bits).
func TestDecodeBatchMatchesDecodes(t *testing.T) {
	cfg := fullConfig(4, 2, 32, lowbit.F32)
	cfg.PageSize = 16
	s := randomSeq(rand.New(rand.NewPCG(2, 3)), 80, 4, 2, 32)
	one := runCalls(t, newTestCache(t, cfg).Layer(0), s, 20, []int{1})
	batch := runCalls(t, newTestCache(t, cfg).Layer(0), s, 20, []int{6, 7, 1, 16})
	for i := range one {
		for j := range one[i] {
			assert.InDelta(t, one[i][j], batch[i][j], 2e-6, "token %d", i)
		}
	}
	// One token through DecodeBatch and through Decode: the same bits.
	a, b := newTestCache(t, DefaultConfig(1, 2, 4, 32)), newTestCache(t, DefaultConfig(1, 2, 4, 32))
	assert.Equal(t, bits(runCalls(t, a.Layer(0), s, 20, []int{1})), bits(runCallsBatchOnly(t, b.Layer(0), s, 20)))
}

// runCallsBatchOnly is runCalls with every token through DecodeBatch of 1.
func runCallsBatchOnly(t testing.TB, l *Layer, s *seq, prefill int) [][]float32 {
	outs := runCalls(t, l, s.head(prefill), prefill, []int{1})
	nq := s.qHeads * s.dim
	for i := prefill; i < s.len(); i++ {
		q, k, v := s.token(i)
		out := make([]float32, nq)
		require.NoError(t, l.DecodeBatch(q, k, v, 1, out))
		outs = append(outs, out)
	}
	return outs
}

// head returns the first n tokens of s.
func (s *seq) head(n int) *seq {
	q, k, v := s.prefix(n)
	return &seq{qHeads: s.qHeads, kvHeads: s.kvHeads, dim: s.dim, q: q, k: k, v: v}
}

// With tiers, DecodeBatch keeps the cache's invariants after every call
// (the budget applied once per call, for the new length), windows
// included, over random configurations.
func TestDecodeBatchKeepsInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	trials := 16
	if raceDetector || testing.Short() {
		trials = 6
	}
	for trial := range trials {
		cfg := randomConfig(rng)
		prefill := []int{0, 1, 7, 40}[rng.IntN(4)]
		t.Run(fmt.Sprintf("%d/%s/page%d/prefill%d", trial, cfg, cfg.PageSize, prefill), func(t *testing.T) {
			l := newTestCache(t, cfg).Layer(0)
			s := randomSeq(rng, prefill+200, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
			nq := cfg.QueryHeads * cfg.HeadDim
			if prefill > 0 {
				q, k, v := s.prefix(prefill)
				require.NoError(t, l.Prefill(q, k, v, prefill, make([]float32, prefill*nq)))
				checkInvariants(t, l, prefill)
			}
			for i := prefill; i < s.len(); {
				m := min(1+rng.IntN(9), s.len()-i)
				q, k, v := s.span(i, i+m)
				require.NoError(t, l.DecodeBatch(q, k, v, m, make([]float32, m*nq)))
				i += m
				checkInvariants(t, l, i)
			}
		})
	}
}

// randomConfig draws a configuration of one layer over every policy knob.
func randomConfig(rng *rand.Rand) Config {
	cfg := DefaultConfig(1, 1+rng.IntN(3), 0, 16)
	cfg.QueryHeads = cfg.KVHeads * (1 + rng.IntN(3))
	cfg.Ratio = []float64{0, 0.1, 0.2, 0.5, 1, rng.Float64()}[rng.IntN(6)]
	cfg.RecentShare = []float64{0, 0.5, 1, rng.Float64()}[rng.IntN(4)]
	cfg.Recent = []int{0, 0, 3, 17}[rng.IntN(4)]
	cfg.Sinks = []int{0, 0, 1, 4}[rng.IntN(4)]
	cfg.Window = []int{0, 0, 0, 1, 5, 30}[rng.IntN(6)]
	cfg.Selection = Selection(rng.IntN(int(numSelections)))
	cfg.Evict = rng.IntN(4) == 0
	cfg.Balancer = rng.IntN(3) > 0
	cfg.Int8Queries = rng.IntN(2) == 0
	cfg.Int8Weights = rng.IntN(2) == 0
	cfg.PageSize = []int{1, 3, 16, 256}[rng.IntN(4)]
	cfg.Workers = rng.IntN(3)
	cfg.Retained = Tier{Key: lowbit.Quant(2+rng.IntN(7), 8), Value: lowbit.SymQuant(2+rng.IntN(7), 16)}
	if rng.IntN(3) == 0 {
		sinks := normals(rng, cfg.QueryHeads, 1)
		cfg = cfg.WithLayers(func(_ int, p *LayerPolicy) { p.SinkLogits = sinks })
	}
	cfg.Rotation = Rotation{Kind: RotationKind(rng.IntN(int(numRotationKinds))), Values: rng.IntN(2) == 0, Seed: rng.Uint64N(4)}
	return cfg
}

// A recent window of a fixed number of tokens (Recent) keeps exactly the
// last Recent tokens important whatever the ratio: with Ratio 0 it is
// HF's residual_length (the rest quantized).
func TestRecentTokens(t *testing.T) {
	cfg := DefaultConfig(1, 2, 4, 16)
	cfg.Ratio, cfg.Recent, cfg.PageSize = 0, 12, 8
	l := newTestCache(t, cfg).Layer(0)
	s := randomSeq(rand.New(rand.NewPCG(1, 9)), 70, 4, 2, 16)
	runCalls(t, l, s, 30, []int{1, 4})
	for _, h := range l.heads {
		imp := positions(&h.imp)
		assert.Len(t, imp, 12)
		for _, p := range imp {
			assert.GreaterOrEqual(t, p, int32(70-12))
		}
	}
	checkInvariants(t, l, 70)
}

// Keys and values may use different groups (and formats): a retained tier
// of 4-bit keys in groups of 8 and 2-bit values in groups of 32 stores
// each with its own scales, and attention reads both.
func TestKeysAndValuesWithDifferentGroups(t *testing.T) {
	cfg := DefaultConfig(1, 1, 2, 32)
	cfg.Ratio = 0
	cfg.Retained = Tier{Key: lowbit.Quant(4, 8), Value: lowbit.Quant(2, 32)}
	l := newTestCache(t, cfg).Layer(0)
	s := randomSeq(rand.New(rand.NewPCG(4, 4)), 40, 2, 1, 32)
	outs := runCalls(t, l, s, 10, []int{1})
	h := l.heads[0]
	require.Equal(t, 40, h.ret.n)
	p := h.ret.pages[0]
	assert.Len(t, p.k.Scales, cfg.PageSize*4)
	assert.Len(t, p.v.Scales, cfg.PageSize*1)
	var worst float64
	for i := 10; i < 40; i++ {
		worst = max(worst, relErr(outs[i], exactAttention(s, i)))
	}
	assert.Less(t, worst, 0.7, "2-bit values over 4-bit keys")
	st := l.Stats()
	assert.Equal(t, int64(40*(32*4/8+32*2/8)), st.CodeBytes)
	assert.Equal(t, int64(40*2*(2*4+2*1)), st.ScaleBytes)
}
