package mikv

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// appendSeq appends tokens [from, to) of s to l in calls of chunk tokens,
// with their queries or without.
func appendSeq(t testing.TB, l *Layer, s *seq, from, to, chunk int, withQ bool) {
	for i := from; i < to; i += chunk {
		j := min(to, i+chunk)
		q, k, v := s.span(i, j)
		var info *AppendInfo
		if withQ {
			info = &AppendInfo{Queries: q}
		}
		require.NoError(t, l.Append(k, v, j-i, info))
	}
}

// Under Recency selection a prefill's split into tiers does not depend on
// attention, so Append (with the queries, for the balancer) leaves the
// cache a Prefill leaves: the next steps are bit-identical.
func TestAppendIsPrefillWithoutAttention(t *testing.T) {
	for _, evict := range []bool{false, true} {
		cfg := DefaultConfig(1, 2, 4, 32)
		cfg.PageSize, cfg.Selection, cfg.Sinks, cfg.Evict = 16, Recency, 2, evict
		s := randomSeq(rand.New(rand.NewPCG(6, 1)), 130, 4, 2, 32)
		a, b := newTestCache(t, cfg).Layer(0), newTestCache(t, cfg).Layer(0)
		want := runSeq(t, a, s, 100)
		appendSeq(t, b, s, 0, 100, 100, true)
		got := make([][]float32, s.len())
		for i := 100; i < s.len(); i++ {
			q, k, v := s.token(i)
			got[i] = make([]float32, len(q))
			require.NoError(t, b.Decode(q, k, v, got[i]))
		}
		assert.Equal(t, bits(want[100:]), bits(got[100:]), "evict %t", evict)
		assert.Equal(t, headState(a), headState(b))
		assert.Equal(t, a.Stats(), b.Stats())
	}
}

// A full-precision cache filled by Append attends exactly: later steps
// match float64 attention over every token.
func TestAppendThenDecodeIsExact(t *testing.T) {
	cfg := fullConfig(4, 2, 32, lowbit.F32)
	cfg.PageSize = 64
	s := randomSeq(rand.New(rand.NewPCG(6, 2)), 300, 4, 2, 32)
	l := newTestCache(t, cfg).Layer(0)
	appendSeq(t, l, s, 0, 280, 70, false)
	require.Equal(t, 280, l.Len())
	out := make([]float32, 4*32)
	for i := 280; i < 300; i++ {
		q, k, v := s.token(i)
		require.NoError(t, l.Decode(q, k, v, out))
		assert.Less(t, maxAbsErr(out, exactAttention(s, i)), 5e-6)
	}
}

// Appends of every size on empty and filled layers, mixed with decode
// steps, keep the invariants (budget, sinks, recent window, window,
// nothing lost or held twice) over random configurations.
func TestAppendKeepsInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 3))
	trials := 20
	if raceDetector || testing.Short() {
		trials = 6
	}
	for trial := range trials {
		cfg := randomConfig(rng)
		t.Run(fmt.Sprintf("%d/%s/page%d", trial, cfg, cfg.PageSize), func(t *testing.T) {
			s := randomSeq(rng, 260, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
			l := newTestCache(t, cfg).Layer(0)
			out := make([]float32, cfg.QueryHeads*cfg.HeadDim)
			for i := 0; i < s.len(); {
				if rng.IntN(2) == 0 {
					q, k, v := s.token(i)
					require.NoError(t, l.Decode(q, k, v, out))
					i++
				} else {
					m := min(s.len()-i, 1+rng.IntN(40))
					appendSeq(t, l, s, i, i+m, m, rng.IntN(2) == 0)
					i += m
				}
				checkInvariants(t, l, i)
			}
		})
	}
}

// Appended tokens enter with zero attention: under Accumulated selection,
// once the budget is full, they are the first to leave the important
// tier (outside the recent window), and the heavy hitters stay.
func TestAppendedTokensRankLowest(t *testing.T) {
	cfg := DefaultConfig(1, 1, 2, 16)
	cfg.PageSize, cfg.Ratio, cfg.RecentShare = 8, 0.5, 0
	s := randomSeq(rand.New(rand.NewPCG(6, 4)), 60, 2, 1, 16)
	l := newTestCache(t, cfg).Layer(0)
	runSeq(t, l, &seq{qHeads: 2, kvHeads: 1, dim: 16, q: s.q[:20*32], k: s.k[:20*16], v: s.v[:20*16]}, 0)
	h := l.heads[0]
	before := positions(&h.imp)
	require.Len(t, before, 10)
	appendSeq(t, l, s, 20, 40, 20, false)
	imp := positions(&h.imp)
	assert.Len(t, imp, 20)
	for _, p := range before {
		assert.Contains(t, imp, p, "a token with attention stays")
	}
	for p := int32(30); p < 40; p++ {
		assert.Contains(t, imp, p, "on a tie the later tokens stay")
	}
	checkInvariants(t, l, 40)
}

// With the importance a prefill would have computed, Append leaves the
// cache Prefill leaves, under Accumulated selection too: the next steps are
// bit-identical.
func TestAppendWithImportanceIsPrefill(t *testing.T) {
	cfg := DefaultConfig(1, 2, 4, 32)
	cfg.PageSize, cfg.Sinks = 16, 1
	s := randomSeq(rand.New(rand.NewPCG(6, 6)), 130, 4, 2, 32)
	a, b := newTestCache(t, cfg).Layer(0), newTestCache(t, cfg).Layer(0)
	want := runSeq(t, a, s, 100)
	// The accumulated attention Prefill gave each token, per KV head: the
	// sum over the prompt's queries of exact float32 attention.
	imp := make([]float32, 100*2)
	for hk := range 2 {
		l := newTestCache(t, fullConfig(4, 2, 32, lowbit.F32)).Layer(0)
		q, k, v := s.prefix(100)
		require.NoError(t, l.Prefill(q, k, v, 100, make([]float32, len(q))))
		for i, sc := range l.heads[hk].imp.score {
			imp[int(positions(&l.heads[hk].imp)[i])*2+hk] = sc
		}
	}
	q, k, v := s.prefix(100)
	require.NoError(t, b.Append(k, v, 100, &AppendInfo{Queries: q, Importance: imp}))
	got := make([][]float32, s.len())
	for i := 100; i < s.len(); i++ {
		q, k, v := s.token(i)
		got[i] = make([]float32, len(q))
		require.NoError(t, b.Decode(q, k, v, got[i]))
	}
	assert.Equal(t, bits(want[100:]), bits(got[100:]))
	assert.Equal(t, headState(a), headState(b))
}

// Bad input to Append is refused and changes nothing.
func TestAppendRefusesBadInput(t *testing.T) {
	cfg := DefaultConfig(1, 2, 4, 16)
	l := newTestCache(t, cfg).Layer(0)
	s := randomSeq(rand.New(rand.NewPCG(6, 5)), 10, 4, 2, 16)
	appendSeq(t, l, s, 0, 5, 5, true)
	before, err := newCacheOf(l).MarshalBinary()
	require.NoError(t, err)
	q, k, v := s.span(5, 7)
	nan := append([]float32(nil), k...)
	nan[3] = float32(math.NaN())
	bad := func(q []float32) *AppendInfo { return &AppendInfo{Queries: q} }
	for name, call := range map[string]func() error{
		"short k":             func() error { return l.Append(k[1:], v, 2, bad(q)) },
		"short v":             func() error { return l.Append(k, v[:10], 2, bad(q)) },
		"nil k":               func() error { return l.Append(nil, v, 2, nil) },
		"short q":             func() error { return l.Append(k, v, 2, bad(q[1:])) },
		"NaN":                 func() error { return l.Append(nan, v, 2, nil) },
		"negative n":          func() error { return l.Append(nil, nil, -1, nil) },
		"wrong n":             func() error { return l.Append(k, v, 3, nil) },
		"beyond fp16":         func() error { return l.Append(k, append([]float32{1e6}, v[1:]...), 2, nil) },
		"past MaxLen":         func() error { return l.Append(k, v, MaxLen, nil) },
		"short importance":    func() error { return l.Append(k, v, 2, &AppendInfo{Importance: []float32{1, 2, 3}}) },
		"negative importance": func() error { return l.Append(k, v, 2, &AppendInfo{Importance: []float32{1, 2, -3, 4}}) },
		"NaN importance": func() error {
			return l.Append(k, v, 2, &AppendInfo{Importance: []float32{1, float32(math.NaN()), 3, 4}})
		},
	} {
		require.ErrorIs(t, call(), ErrInput, name)
		after, err := newCacheOf(l).MarshalBinary()
		require.NoError(t, err)
		require.Equal(t, before, after, name)
	}
	require.NoError(t, l.Append(nil, nil, 0, nil))
	assert.Equal(t, 5, l.Len())
}

// newCacheOf wraps a layer in a cache of one layer, to save it.
func newCacheOf(l *Layer) *Cache { return &Cache{cfg: *l.cfg, layers: []*Layer{l}} }

// BenchmarkAppend fills one layer of 8 KV heads of dimension 128 (32
// query heads) with 32K tokens in one Append: the bench's way to build
// long caches without an O(n²) prefill.
func BenchmarkAppend(b *testing.B) {
	const n, kv, dim = 32768, 8, 128
	for _, c := range benchConfigs(kv) {
		b.Run(c.name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			k, v := normals(rng, n*kv*dim, 1), normals(rng, n*kv*dim, 1)
			cache, err := New(c.cfg)
			require.NoError(b, err)
			l := cache.Layer(0)
			for b.Loop() {
				l.Reset()
				if err := l.Append(k, v, n, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mtokens/s")
		})
	}
}
