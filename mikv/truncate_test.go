package mikv

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A full-precision cache truncated to n then given other tokens attends
// as float64 attention over the first n tokens and the new ones: the
// dropped tokens are gone, for Prefill, Decode and DecodeBatch tokens
// alike, with and without attention variants.
func TestTruncateMatchesFloat64(t *testing.T) {
	for name, set := range variantPolicies(4) {
		for _, cut := range []int{0, 1, 13, 29, 35} {
			t.Run(fmt.Sprintf("%s/cut%d", name, cut), func(t *testing.T) {
				cfg := fullConfig(4, 2, 16, lowbit.F32)
				cfg.PageSize = 4
				cfg = cfg.WithLayers(func(_ int, p *LayerPolicy) { set(p) })
				if cfg.LayerPolicy(0).Window > 0 {
					t.Skip("a window's expired tokens do not come back: TestTruncateWindow")
				}
				l := newTestCache(t, cfg).Layer(0)
				rng := rand.New(rand.NewPCG(3, uint64(cut)))
				a := randomSeq(rng, 36, 4, 2, 16)
				runCalls(t, l, a, 10, []int{1, 5, 2})
				require.NoError(t, l.Truncate(cut))
				assert.Equal(t, cut, l.Len())
				b := randomSeq(rng, 20, 4, 2, 16)
				s := concat(a, cut, b)
				outs := runCalls(t, l, b, 0, []int{3, 1, 4})
				o := variant{}.of(l.Policy())
				for i, out := range outs {
					assert.Less(t, maxAbsErr(out, refAttention(s, cut+i, o)), 5e-6, "token %d", cut+i)
				}
				checkInvariants(t, l, cut+20)
			})
		}
	}
}

// Where the policy allows (the dropped calls demoted, evicted and expired
// nothing and no later choice reads their credit: here Ratio 1, and
// Recency selection with a recent window of 64 tokens, which quantizes
// nothing before 64 tokens, without the balancer),
// truncate-then-regrow is bit for bit the cache that never saw the
// dropped tokens: the same outputs and the same saved bytes.
func TestTruncateIsExactWherePolicyAllows(t *testing.T) {
	full := DefaultConfig(2, 2, 4, 16)
	full.Ratio, full.PageSize = 1, 8
	recency := DefaultConfig(2, 2, 4, 16)
	recency.Selection, recency.Recent, recency.Ratio, recency.PageSize = Recency, 64, 0, 8
	recency.Balancer = false // else the drafts' maxima stay in the (unfrozen) balancer
	for name, cfg := range map[string]Config{"ratio1": full, "recency": recency} {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(8, 1))
			s := randomSeq(rng, 60, 4, 2, 16)
			drafts := randomSeq(rng, 6, 4, 2, 16)
			a, b := newTestCache(t, cfg), newTestCache(t, cfg)
			for i := range 2 {
				runCalls(t, a.Layer(i), s.head(40), 20, []int{1, 3})
				runCalls(t, b.Layer(i), s.head(40), 20, []int{1, 3})
				// a also sees 6 draft tokens that are then rejected.
				q, k, v := drafts.span(0, 6)
				require.NoError(t, a.Layer(i).DecodeBatch(q, k, v, 6, make([]float32, len(q))))
			}
			require.NoError(t, a.Truncate(40))
			rest := &seq{qHeads: 4, kvHeads: 2, dim: 16}
			rest.q, rest.k, rest.v = s.span(40, 60)
			for i := range 2 {
				assert.Equal(t, bits(runCalls(t, b.Layer(i), rest, 0, []int{1, 4})), bits(runCalls(t, a.Layer(i), rest, 0, []int{1, 4})))
			}
			if name == "recency" {
				da, _ := a.MarshalBinary()
				db, _ := b.MarshalBinary()
				assert.True(t, bytes.Equal(db, da), "saved bytes differ")
			}
		})
	}
}

// Where it does not (Accumulated selection: the rejected tokens' queries
// credited the kept ones), the truncated cache is still consistent (the
// invariants hold, every position below n once) and close to the cache
// that never saw them.
func TestTruncateKeepsInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	trials := 16
	if raceDetector || testing.Short() {
		trials = 6
	}
	for trial := range trials {
		cfg := randomConfig(rng)
		t.Run(fmt.Sprintf("%d/%s/page%d", trial, cfg, cfg.PageSize), func(t *testing.T) {
			l := newTestCache(t, cfg).Layer(0)
			s := randomSeq(rng, 200, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
			nq := cfg.QueryHeads * cfg.HeadDim
			n := 0
			for n < 150 {
				m := 1 + rng.IntN(8)
				q, k, v := s.span(n, n+m)
				require.NoError(t, l.DecodeBatch(q, k, v, m, make([]float32, m*nq)))
				n += m
				if rng.IntN(3) == 0 {
					n -= rng.IntN(min(n, 12) + 1)
					require.NoError(t, l.Truncate(n))
					checkTruncated(t, l, n)
				}
			}
		})
	}
}

// checkTruncated checks what Truncate promises: Len n, every held position
// below n once, counts that add up, every page but the last full, and the
// important tier never over max(budget, protected).
func checkTruncated(t *testing.T, l *Layer, n int) {
	t.Helper()
	require.Equal(t, n, l.Len())
	st := l.Stats()
	require.Equal(t, n*l.cfg.KVHeads, st.Important+st.Retained+st.Evicted+st.Expired)
	for _, h := range l.heads {
		seen := map[int32]bool{}
		for _, p := range append(positions(&h.imp), positions(&h.ret)...) {
			require.True(t, p >= 0 && int(p) < n && !seen[p], "position %d", p)
			seen[p] = true
		}
		require.Equal(t, (h.imp.n+l.cfg.PageSize-1)/l.cfg.PageSize, len(h.imp.pages))
		require.Equal(t, (h.ret.n+l.cfg.PageSize-1)/l.cfg.PageSize, len(h.ret.pages))
		require.Len(t, h.imp.score, h.imp.n)
		if !l.pol.Evict {
			require.Zero(t, h.evicted)
		}
	}
}

// A window layer truncated keeps what its window still holds; the tokens
// it had already expired stay dropped, so it attends to fewer tokens than
// float64 attention with the window until new ones fill it, and to exactly
// as many once the window has moved past the cut.
func TestTruncateWindow(t *testing.T) {
	cfg := fullConfig(2, 1, 16, lowbit.F32)
	cfg.Window, cfg.PageSize = 8, 4
	l := newTestCache(t, cfg).Layer(0)
	rng := rand.New(rand.NewPCG(6, 6))
	a := randomSeq(rng, 30, 2, 1, 16)
	runCalls(t, l, a, 0, []int{1})
	require.NoError(t, l.Truncate(25))
	assert.Equal(t, 25-(30-7), l.Stats().Important, "the window held positions 23…29")
	b := randomSeq(rng, 12, 2, 1, 16)
	s := concat(a, 25, b)
	outs := runCalls(t, l, b, 0, []int{1})
	for i := 7; i < 12; i++ { // positions 32…36: their windows start at 25 or later
		assert.Less(t, maxAbsErr(outs[i], refAttention(s, 25+i, variant{window: 8})), 5e-6, "token %d", 25+i)
	}
	checkInvariants(t, l, 37)
}

// Bad arguments to Truncate are errors and change nothing.
func TestTruncateBadInput(t *testing.T) {
	c := newTestCache(t, codecConfigs()["default"])
	fillCache(t, c, rand.New(rand.NewPCG(1, 1)), 10, 5)
	before, _ := c.MarshalBinary()
	assert.ErrorIs(t, c.Layer(0).Truncate(-1), ErrInput)
	assert.ErrorIs(t, c.Layer(0).Truncate(16), ErrInput)
	assert.ErrorIs(t, c.Truncate(16), ErrInput)
	require.NoError(t, c.Layer(1).Truncate(12))
	assert.ErrorIs(t, c.Truncate(13), ErrInput, "layer 1 holds 12")
	require.NoError(t, c.Layer(1).Truncate(12))
	after, _ := c.MarshalBinary()
	assert.NotEqual(t, before, after)
	assert.Equal(t, 15, c.Layer(0).Len())
	require.NoError(t, c.Layer(0).Truncate(15), "a no-op")
}

// A truncated cache saves and restores bit-exactly and goes on the same.
func TestTruncateSaveRestore(t *testing.T) {
	for name, cfg := range codecConfigs() {
		t.Run(name, func(t *testing.T) {
			a := newTestCache(t, cfg)
			s := fillCache(t, a, rand.New(rand.NewPCG(2, 2)), 20, 15)
			require.NoError(t, a.Truncate(27))
			data, err := a.MarshalBinary()
			require.NoError(t, err)
			var b Cache
			require.NoError(t, b.UnmarshalBinary(data))
			again, _ := b.MarshalBinary()
			assert.Equal(t, data, again)
			assert.Equal(t, bits(decodeAll(t, a, s, 27)), bits(decodeAll(t, &b, s, 27)))
		})
	}
}
