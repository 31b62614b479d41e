package mikv

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/require"
)

// seq holds the q, k, v rows of a token sequence for one layer.
type seq struct {
	qHeads, kvHeads, dim int
	q, k, v              []float32
}

func (s *seq) len() int { return len(s.k) / (s.kvHeads * s.dim) }

// token returns the rows of token t.
func (s *seq) token(t int) (q, k, v []float32) {
	nq, nkv := s.qHeads*s.dim, s.kvHeads*s.dim
	return s.q[t*nq : (t+1)*nq], s.k[t*nkv : (t+1)*nkv], s.v[t*nkv : (t+1)*nkv]
}

// prefix returns the rows of tokens [0, n).
func (s *seq) prefix(n int) (q, k, v []float32) {
	nq, nkv := s.qHeads*s.dim, s.kvHeads*s.dim
	return s.q[:n*nq], s.k[:n*nkv], s.v[:n*nkv]
}

// randomSeq returns n tokens of normal q, k, v.
func randomSeq(rng *rand.Rand, n, qHeads, kvHeads, dim int) *seq {
	s := &seq{qHeads: qHeads, kvHeads: kvHeads, dim: dim}
	s.q = normals(rng, n*qHeads*dim, 1)
	s.k = normals(rng, n*kvHeads*dim, 1)
	s.v = normals(rng, n*kvHeads*dim, 1)
	return s
}

// exactAttention returns, in float64, the attention output of query t
// (every query head) over keys and values [0, t], with scale 1/sqrt(dim).
func exactAttention(s *seq, t int) []float64 {
	d, g := s.dim, s.qHeads/s.kvHeads
	out := make([]float64, s.qHeads*d)
	scale := 1 / math.Sqrt(float64(d))
	w := make([]float64, t+1)
	for hq := range s.qHeads {
		hk := hq / g
		q := s.q[(t*s.qHeads+hq)*d:][:d]
		m := math.Inf(-1)
		for i := 0; i <= t; i++ {
			k := s.k[(i*s.kvHeads+hk)*d:][:d]
			var dot float64
			for c := range d {
				dot += float64(q[c]) * float64(k[c])
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
		for i := 0; i <= t; i++ {
			v := s.v[(i*s.kvHeads+hk)*d:][:d]
			for c := range d {
				o[c] += w[i] / sum * float64(v[c])
			}
		}
	}
	return out
}

// runSeq prefills the first n tokens of s into layer l, then decodes the
// rest, and returns every token's attention output.
func runSeq(t testing.TB, l *Layer, s *seq, prefill int) [][]float32 {
	outs := make([][]float32, s.len())
	nq := s.qHeads * s.dim
	if prefill > 0 {
		q, k, v := s.prefix(prefill)
		out := make([]float32, prefill*nq)
		require.NoError(t, l.Prefill(q, k, v, prefill, out))
		for i := range prefill {
			outs[i] = out[i*nq : (i+1)*nq]
		}
	}
	for i := prefill; i < s.len(); i++ {
		q, k, v := s.token(i)
		out := make([]float32, nq)
		require.NoError(t, l.Decode(q, k, v, out))
		outs[i] = out
	}
	return outs
}

// relErr returns ||got - want|| / ||want||.
func relErr(got []float32, want []float64) float64 {
	var num, den float64
	for i, w := range want {
		d := float64(got[i]) - w
		num += d * d
		den += w * w
	}
	return math.Sqrt(num / den)
}

// maxAbsErr returns max |got - want|.
func maxAbsErr(got []float32, want []float64) float64 {
	var m float64
	for i, w := range want {
		m = max(m, math.Abs(float64(got[i])-w))
	}
	return m
}

// newTestCache builds a cache or fails the test.
func newTestCache(t testing.TB, cfg Config) *Cache {
	c, err := New(cfg)
	require.NoError(t, err)
	return c
}

// fullConfig returns a full-precision (Ratio 1) config in f32 or f16.
func fullConfig(qHeads, kvHeads, dim int, f lowbit.Format) Config {
	cfg := DefaultConfig(1, kvHeads, qHeads, dim)
	cfg.Ratio = 1
	cfg.Important = Tier{Key: f, Value: f}
	return cfg
}

// bits returns the bit patterns of rows of float32 values, so that
// comparisons are bit-exact (NaN equal to itself, -0 apart from +0).
func bits(rows [][]float32) [][]uint32 {
	b := make([][]uint32, len(rows))
	for i, r := range rows {
		b[i] = make([]uint32, len(r))
		for j, v := range r {
			b[i][j] = math.Float32bits(v)
		}
	}
	return b
}

// splitPasses makes every attention pass of the test a split pass (see
// jointTokens), however few tokens a head holds.
func splitPasses(t testing.TB) {
	saved := jointTokens
	jointTokens = 0
	t.Cleanup(func() { jointTokens = saved })
}

// forEachPass runs f as two subtests: "joint", with the passes as the
// cache chooses them (joint on the test's small caches), and "split", with
// every pass a split pass.
func forEachPass(t *testing.T, f func(t *testing.T)) {
	t.Run("joint", f)
	t.Run("split", func(t *testing.T) {
		splitPasses(t)
		f(t)
	})
}
