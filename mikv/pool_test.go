package mikv

import (
	"bytes"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func poolConfig() Config {
	cfg := DefaultConfig(2, 2, 4, 16)
	cfg.PageSize = 16
	return cfg
}

// Sequences of a pool grow until a call would take the pool over its
// budget: that call returns ErrBudget and changes nothing, the pool never
// holds more than the budget, and releasing a sequence makes room.
func TestPoolBudget(t *testing.T) {
	const budget = 20 << 10
	p, err := NewPool(poolConfig(), budget)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(1, 1))
	seqs := []*Cache{p.New(), p.New(), p.New()}
	data := randomSeq(rng, 400, 4, 2, 16)
	nq := 4 * 16
	refused := 0
	for i := 0; i < 400 && refused < 3; i++ {
		c := seqs[i%3]
		l := c.Layer(i % 2)
		before, _ := c.MarshalBinary()
		q, k, v := data.token(l.Len())
		err := l.Decode(q, k, v, make([]float32, nq))
		assert.LessOrEqual(t, p.Stats().PageBytes, int64(budget))
		if err != nil {
			require.ErrorIs(t, err, ErrBudget)
			after, _ := c.MarshalBinary()
			require.True(t, bytes.Equal(before, after), "a refused call changed the cache")
			refused++
		}
	}
	require.Equal(t, 3, refused, "the budget was never reached")
	st := p.Stats()
	assert.Equal(t, 3, st.Sequences)
	var sum Stats
	for _, c := range seqs {
		sum.add(c.Stats())
	}
	sum.share(2, 16)
	assert.Equal(t, sum, st.Total)
	assert.Equal(t, st.PageBytes, st.Total.AllocatedBytes-scoreBytes(seqs...), "no page is shared: the pool counts what the sequences count")

	// Releasing a sequence gives its pages back; its buffers go to the next
	// New.
	held := seqs[0].Stats().AllocatedBytes - scoreBytes(seqs[0])
	p.Release(seqs[0])
	assert.Equal(t, st.PageBytes-held, p.Stats().PageBytes)
	assert.Equal(t, 2, p.Stats().Sequences)
	again := p.New()
	assert.Same(t, seqs[0], again)
	assert.Zero(t, again.Layer(0).Len())
	q, k, v := data.token(0)
	require.NoError(t, again.Layer(0).Decode(q, k, v, make([]float32, nq)))
	p.Release(again)
	p.Release(again) // twice: nothing
	assert.Equal(t, 2, p.Stats().Sequences)
}

// scoreBytes returns the bytes of the important tiers' scores of caches:
// in their AllocatedBytes, not in a pool's PageBytes.
func scoreBytes(cs ...*Cache) int64 {
	var b int64
	for _, c := range cs {
		for _, l := range c.layers {
			for _, h := range l.heads {
				b += 4*int64(cap(h.imp.score)) + int64(len(h.bal.maxQ)+len(h.bal.maxK)+len(h.bal.b)+len(h.bal.inv))*4
			}
		}
	}
	return b
}

// A clone shares its pages: the pool counts them once, and a decode step
// of the clone adds only the pages it copies or starts.
func TestPoolCountsSharedPagesOnce(t *testing.T) {
	p, err := NewPool(poolConfig(), 0)
	require.NoError(t, err)
	a := p.New()
	s := fillCache(t, a, rand.New(rand.NewPCG(2, 2)), 100, 20)
	before := p.Stats().PageBytes
	b := a.Clone()
	assert.Equal(t, before, p.Stats().PageBytes)
	assert.Equal(t, 2, p.Stats().Sequences)
	decodeAll(t, b, s.head(121), 120)
	grown := p.Stats().PageBytes - before
	assert.Positive(t, grown)
	assert.Less(t, grown, before/2, "the clone copied only the pages it wrote")
	p.Release(a)
	assert.Positive(t, p.Stats().PageBytes, "the clone keeps the pages it shares")
	p.Release(b)
	assert.Zero(t, p.Stats().PageBytes)
}

// Sequences of one pool driven from separate goroutines (run with -race)
// give the outputs they give alone.
func TestPoolSequencesOnGoroutines(t *testing.T) {
	p, err := NewPool(poolConfig(), 1<<30)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			c := p.New()
			defer p.Release(c)
			s := fillCache(t, c, rand.New(rand.NewPCG(3, uint64(i))), 30, 20)
			got := decodeAll(t, c.Clone(), s, 50)
			alone := newTestCache(t, poolConfig())
			fillCacheWith(t, alone, s, 30, 20)
			assert.Equal(t, bits(decodeAll(t, alone, s, 50)), bits(got))
		})
	}
	wg.Wait()
}

// Bad pool arguments are errors; a pool's cache restores only its pool's
// configuration, within the budget.
func TestPoolErrors(t *testing.T) {
	_, err := NewPool(poolConfig(), -1)
	assert.ErrorIs(t, err, ErrConfig)
	bad := poolConfig()
	bad.Layers = 0
	_, err = NewPool(bad, 0)
	assert.ErrorIs(t, err, ErrConfig)

	other := newTestCache(t, codecConfigs()["default"])
	fillCache(t, other, rand.New(rand.NewPCG(4, 4)), 10, 2)
	data, _ := other.MarshalBinary()
	p, err := NewPool(poolConfig(), 0)
	require.NoError(t, err)
	assert.ErrorIs(t, p.New().UnmarshalBinary(data), ErrConfig)

	src := newTestCache(t, poolConfig())
	fillCache(t, src, rand.New(rand.NewPCG(4, 4)), 100, 2)
	data, _ = src.MarshalBinary()
	small, err := NewPool(poolConfig(), 1<<10)
	require.NoError(t, err)
	c := small.New()
	assert.ErrorIs(t, c.UnmarshalBinary(data), ErrBudget)
	assert.Zero(t, c.Layer(0).Len())
	big, err := NewPool(poolConfig(), 1<<20)
	require.NoError(t, err)
	c = big.New()
	require.NoError(t, c.UnmarshalBinary(data))
	assert.Equal(t, 102, c.Layer(0).Len())
	assert.Positive(t, big.Stats().PageBytes)
	big.Release(c)
	assert.Zero(t, big.Stats().PageBytes)
}
