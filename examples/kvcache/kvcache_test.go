package kvcache

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/examples/llama2c"
	"github.com/lowbit-ml/lowbit/mikv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exactRef returns the float64 causal attention of token t over tokens
// [0, t] (GQA, scale 1/sqrt(d)) of rows q (qh heads), k and v (kvh heads).
func exactRef(q, k, v []float32, t, qh, kvh, d int) []float64 {
	out := make([]float64, qh*d)
	g := qh / kvh
	for h := range qh {
		w := make([]float64, t+1)
		m := math.Inf(-1)
		for i := 0; i <= t; i++ {
			var s float64
			for c := range d {
				s += float64(q[(t*qh+h)*d+c]) * float64(k[(i*kvh+h/g)*d+c])
			}
			w[i] = s / math.Sqrt(float64(d))
			m = max(m, w[i])
		}
		var sum float64
		for i := range w {
			w[i] = math.Exp(w[i] - m)
			sum += w[i]
		}
		for i := range w {
			for c := range d {
				out[h*d+c] += w[i] / sum * float64(v[(i*kvh+h/g)*d+c])
			}
		}
	}
	return out
}

func normals(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

// The adapter's operations against float64 attention, on a full-precision
// cache: Put of several tokens (prefill, then batches), Truncate and new
// tokens, and a Clone that goes another way.
func TestCacheOperationsMatchFloat64(t *testing.T) {
	const L, qh, kvh, d = 2, 4, 2, 16
	cfg := mikv.DefaultConfig(L, kvh, qh, d)
	cfg.Ratio, cfg.Important, cfg.PageSize = 1, mikv.Tier{Key: lowbit.F32, Value: lowbit.F32}, 8
	pool, err := NewPool(cfg, 1<<20)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 1))
	const n = 60
	q, k, v := normals(rng, n*qh*d), normals(rng, n*kvh*d), normals(rng, n*kvh*d)
	put := func(c Cache, q, k, v []float32, from, to int) [][]float32 {
		var outs [][]float32
		for l := range L {
			out := make([]float32, (to-from)*qh*d)
			require.NoError(t, c.Put(l, q[from*qh*d:to*qh*d], k[from*kvh*d:to*kvh*d], v[from*kvh*d:to*kvh*d], to-from, out))
			if l == 0 {
				for i := range to - from {
					outs = append(outs, out[i*qh*d:(i+1)*qh*d])
				}
			}
		}
		return outs
	}
	check := func(outs [][]float32, q, k, v []float32, from int) {
		for i, o := range outs {
			want := exactRef(q, k, v, from+i, qh, kvh, d)
			for j := range o {
				require.InDelta(t, want[j], o[j], 5e-6, "token %d", from+i)
			}
		}
	}
	c := pool.New()
	check(put(c, q, k, v, 0, 20), q, k, v, 0)
	check(put(c, q, k, v, 20, 25), q, k, v, 20)
	check(put(c, q, k, v, 25, 26), q, k, v, 25)
	require.NoError(t, c.Truncate(22))
	assert.Equal(t, 22, c.Len())
	check(put(c, q, k, v, 22, 40), q, k, v, 22)

	b, err := c.Clone()
	require.NoError(t, err)
	q2, k2, v2 := append([]float32(nil), q...), append([]float32(nil), k...), append([]float32(nil), v...)
	copy(q2[40*qh*d:], normals(rng, 20*qh*d))
	copy(k2[40*kvh*d:], normals(rng, 20*kvh*d))
	copy(v2[40*kvh*d:], normals(rng, 20*kvh*d))
	check(put(b, q2, k2, v2, 40, 60), q2, k2, v2, 40)
	check(put(c, q, k, v, 40, 60), q, k, v, 40)
	st := pool.Stats()
	assert.Equal(t, 2, st.Sequences)
	assert.Equal(t, 120, st.Tokens)
	assert.Less(t, st.Bytes, c.Stats().Bytes+b.Stats().Bytes, "the clone shares the first 40 tokens' full pages")
	b.Release()
	c.Release()
	assert.Zero(t, pool.Stats().Bytes)
}

// Speculative decoding with an exact target gives the tokens of greedy
// decoding with the target alone, on the real model.
func TestSpeculateMatchesGreedy(t *testing.T) {
	path := os.Getenv("LOWBIT_MODEL")
	if path == "" {
		t.Skip("LOWBIT_MODEL is not set: no checkpoint to test with")
	}
	w, err := llama2c.Load(path)
	require.NoError(t, err)
	m, err := llama2c.NewModel(w, lowbit.F32)
	require.NoError(t, err)
	draft, err := llama2c.NewModel(w, lowbit.Quant(8, 32))
	require.NoError(t, err)
	exact := m.MiKVConfig(mikv.DefaultConfig(1, 1, 1, m.HeadDim()))
	exact.Ratio, exact.Important, exact.PageSize = 1, mikv.Tier{Key: lowbit.F32, Value: lowbit.F32}, 64
	small := m.MiKVConfig(mikv.DefaultConfig(1, 1, 1, m.HeadDim()))
	small.Important, small.Retained, small.PageSize = mikv.Tier{Key: lowbit.Quant(8, 8), Value: lowbit.Quant(8, 8)}, mikv.Tier{Key: lowbit.Quant(4, 8), Value: lowbit.Quant(4, 8)}, 64
	tp, err := NewPool(exact, 0)
	require.NoError(t, err)
	dp, err := NewPool(small, 0)
	require.NoError(t, err)

	ref, err := m.NewSession(llama2c.Exact(m.Config))
	require.NoError(t, err)
	want, err := Generate(ref, m, llama2c.BOS, 150)
	require.NoError(t, err)

	ts, err := m.NewSession(Attention(tp.New(), m.Layers))
	require.NoError(t, err)
	ds, err := draft.NewSession(Attention(dp.New(), m.Layers))
	require.NoError(t, err)
	got, st, err := Speculate(ts, ds, m, llama2c.BOS, 150, 4)
	require.NoError(t, err)
	t.Logf("%d rounds, %d of %d drafts accepted", st.Rounds, st.Accepted, st.Drafted)
	assert.Equal(t, want, got)
	assert.Equal(t, 150, ts.Pos())
	assert.Equal(t, ts.Pos(), ds.Pos())
	assert.Positive(t, st.Accepted)
}
