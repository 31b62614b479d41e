package mikv

import (
	"bytes"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A clone is the original, bit for bit: after Clone, the original and the
// clone each go on with their own tokens and each matches a cache that saw
// the same tokens from the start (outputs and saved bytes), in every
// configuration of the codec tests. Driven from two goroutines (run with
// -race): shared pages are never written.
func TestCloneBranchesAreExact(t *testing.T) {
	for name, cfg := range codecConfigs() {
		t.Run(name, func(t *testing.T) {
			a := newTestCache(t, cfg)
			s := fillCache(t, a, rand.New(rand.NewPCG(1, 2)), 23, 17)
			b := a.Clone()
			assert.Positive(t, b.Stats().SharedBytes)
			sa, _ := a.MarshalBinary()
			sb, _ := b.MarshalBinary()
			require.True(t, bytes.Equal(sa, sb))

			other := randomSeq(rand.New(rand.NewPCG(5, 5)), s.len(), cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
			alt := concat(s, 40, other.head(s.len()-40))
			var outA, outB [][]float32
			var wg sync.WaitGroup
			wg.Go(func() { outA = decodeAll(t, a, s, 40) })
			wg.Go(func() { outB = decodeAll(t, b, alt, 40) })
			wg.Wait()

			for _, c := range []struct {
				got  *Cache
				outs [][]float32
				s    *seq
			}{{a, outA, s}, {b, outB, alt}} {
				ref := newTestCache(t, cfg)
				fillCacheWith(t, ref, c.s, 23, 17)
				assert.Equal(t, bits(decodeAll(t, ref, c.s, 40)), bits(c.outs))
				sr, _ := ref.MarshalBinary()
				sg, _ := c.got.MarshalBinary()
				assert.True(t, bytes.Equal(sr, sg), "saved bytes differ")
			}
		})
	}
}

// Clone copies no page, and a decode step of either side copies only the
// pages it writes: the last page of each tier and the important pages a
// demotion takes a token from.
func TestCloneCopiesOnlyTouchedPages(t *testing.T) {
	cfg := DefaultConfig(1, 1, 2, 32)
	cfg.PageSize = 16
	a := newTestCache(t, cfg)
	s := fillCache(t, a, rand.New(rand.NewPCG(3, 3)), 300, 0)
	h := a.layers[0].heads[0]
	require.Equal(t, 4, len(h.imp.pages)) // 60 important tokens
	require.Equal(t, 15, len(h.ret.pages))
	b := a.Clone()
	hb := b.layers[0].heads[0]
	for i := range h.ret.pages {
		require.Same(t, h.ret.pages[i], hb.ret.pages[i])
	}
	q, k, v := s.token(300)
	require.NoError(t, b.Layer(0).Decode(q, k, v, make([]float32, len(q))))
	shared := 0
	for i := range min(len(h.ret.pages), len(hb.ret.pages)) {
		if h.ret.pages[i] == hb.ret.pages[i] {
			shared++
		}
	}
	assert.GreaterOrEqual(t, shared, 14, "only the retained tier's last page was copied")
	assert.Equal(t, int32(2), h.ret.pages[0].refs.Load())
}

// ClonePrefix is Clone then Truncate; its errors leave no clone.
func TestClonePrefix(t *testing.T) {
	cfg := codecConfigs()["default"]
	a := newTestCache(t, cfg)
	s := fillCache(t, a, rand.New(rand.NewPCG(4, 4)), 20, 10)
	p, err := a.ClonePrefix(25)
	require.NoError(t, err)
	c := a.Clone()
	require.NoError(t, c.Truncate(25))
	sp, _ := p.MarshalBinary()
	sc, _ := c.MarshalBinary()
	assert.True(t, bytes.Equal(sp, sc))
	assert.Equal(t, 30, a.Layer(0).Len(), "the original keeps its tokens")
	assert.Equal(t, bits(decodeAll(t, c, s, 25)), bits(decodeAll(t, p, s, 25)))
	_, err = a.ClonePrefix(31)
	assert.ErrorIs(t, err, ErrInput)
}

// Free gives the pages back; a clone keeps the pages it shared.
func TestFreeKeepsClonesPages(t *testing.T) {
	cfg := codecConfigs()["default"]
	a := newTestCache(t, cfg)
	s := fillCache(t, a, rand.New(rand.NewPCG(6, 6)), 20, 10)
	b := a.Clone()
	want := decodeAll(t, a.Clone(), s, 30)
	a.Free()
	assert.Zero(t, a.Layer(0).Len())
	assert.Equal(t, newTestCache(t, cfg).Stats(), a.Stats(), "nothing but the balancers' maxima")
	assert.Equal(t, bits(want), bits(decodeAll(t, b, s, 30)))
	fillCacheWith(t, a, s, 20, 10) // a freed cache is usable again
}
