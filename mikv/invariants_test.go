package mikv

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// positions returns the positions held by tier t, in slot order.
func positions(t *tier) []int32 {
	var p []int32
	for i, pg := range t.pages {
		p = append(p, pg.pos[:t.pageLen(i)]...)
	}
	return p
}

// checkInvariants checks a layer of n tokens: per KV head, the tiers hold
// every position the window keeps once (or, with Evict, no position twice
// and the rest counted as evicted), every sink and recent token among them
// is important, and the important tier holds exactly max(budget,
// protected) tokens (with a window, which may expire important tokens and
// never promotes, at most that).
func checkInvariants(t *testing.T, l *Layer, n int) {
	t.Helper()
	require.Equal(t, n, l.Len())
	cfg := l.cfg
	pol := l.pol
	lo := 0 // the first position the window keeps
	span := n
	if w := pol.Window; w > 0 {
		lo, span = max(0, n-w+1), min(n, w-1)
	}
	budget, recent := pol.budget(span)
	prot := 0
	for p := lo; p < n; p++ {
		if protected(int32(p), n, pol.Sinks, recent) {
			prot++
		}
	}
	for _, h := range l.heads {
		imp, ret := positions(&h.imp), positions(&h.ret)
		if pol.Window > 0 {
			require.LessOrEqual(t, len(imp), max(budget, prot), "important tier of head %d at %d tokens (budget %d, protected %d)", h.index, n, budget, prot)
		} else {
			require.Equal(t, max(budget, prot), len(imp), "important tier of head %d at %d tokens (budget %d, protected %d)", h.index, n, budget, prot)
		}
		all := append(slices.Clone(imp), ret...)
		for _, p := range all {
			require.True(t, int(p) >= lo && int(p) < n, "position %d outside [%d, %d)", p, lo, n)
		}
		slices.Sort(all)
		require.Equal(t, len(all), len(slices.Compact(slices.Clone(all))), "a position is held twice")
		if pol.Evict { // a token below lo was evicted or expired
			require.Empty(t, ret)
			require.LessOrEqual(t, h.expired, lo)
			require.Equal(t, n-len(imp), h.evicted+h.expired)
		} else {
			require.Equal(t, lo, h.expired)
			require.Len(t, all, n-lo, "a token was lost")
			require.Zero(t, h.evicted)
		}
		for p := lo; p < n; p++ {
			if protected(int32(p), n, pol.Sinks, recent) {
				require.Contains(t, imp, int32(p), "protected position %d is not important at %d tokens", p, n)
			}
		}
		// Page bookkeeping: every page but the last is full.
		require.Equal(t, (h.imp.n+cfg.PageSize-1)/cfg.PageSize, len(h.imp.pages))
		require.Equal(t, (h.ret.n+cfg.PageSize-1)/cfg.PageSize, len(h.ret.pages))
		require.Len(t, h.imp.score, h.imp.n)
	}
	st := l.Stats()
	assert.Equal(t, n*cfg.KVHeads, st.Important+st.Retained+st.Evicted+st.Expired)
}

// Long random decode sequences over many configurations keep the
// invariants after every step.
func TestInvariantsOverLongDecodes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	trials := 24
	if raceDetector || testing.Short() {
		trials = 8
	}
	for trial := range trials {
		cfg := randomConfig(rng)
		prefill := []int{0, 1, 7, 40}[rng.IntN(4)]
		steps := 150 + rng.IntN(150)
		t.Run(fmt.Sprintf("%d/%s/page%d/prefill%d", trial, cfg, cfg.PageSize, prefill), func(t *testing.T) {
			l := newTestCache(t, cfg).Layer(0)
			s := randomSeq(rng, prefill+steps, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
			nq := cfg.QueryHeads * cfg.HeadDim
			if prefill > 0 {
				q, k, v := s.prefix(prefill)
				require.NoError(t, l.Prefill(q, k, v, prefill, make([]float32, prefill*nq)))
				checkInvariants(t, l, prefill)
			}
			out := make([]float32, nq)
			for i := prefill; i < s.len(); i++ {
				q, k, v := s.token(i)
				require.NoError(t, l.Decode(q, k, v, out))
				checkInvariants(t, l, i+1)
			}
		})
	}
}
