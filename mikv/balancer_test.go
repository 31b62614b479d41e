package mikv

import (
	"bytes"
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// balancedCache returns a one-head cache of head dimension 8 whose
// balancer froze at b_0 = 100 over a 3-token prompt (queries 100 and keys
// 0.01 on channel 0; Ratio 0: every token quantized).
func balancedCache(t *testing.T) *Cache {
	cfg := DefaultConfig(1, 1, 1, 8)
	cfg.Ratio = 0
	c := newTestCache(t, cfg)
	q := make([]float32, 3*8)
	k := make([]float32, 3*8)
	v := make([]float32, 3*8)
	for i := range 3 {
		q[i*8], k[i*8] = 100, 0.01
		v[i*8+1] = float32(i)
	}
	require.NoError(t, c.Layer(0).Prefill(q, k, v, 3, make([]float32, 3*8)))
	require.InDelta(t, 100, c.layers[0].heads[0].bal.b[0], 1e-3)
	return c
}

// A later key that the frozen balancer would push beyond fp16 (1000 × 100
// on channel 0) used to be clamped silently, moving its attention weight
// (0.20 instead of 1.00 in the 3-token example). It is now an
// ErrInput naming the channel, and the call changes nothing.
func TestBalancedKeyBeyondFP16IsAnError(t *testing.T) {
	c := balancedCache(t)
	before, _ := c.MarshalBinary()
	q, k, v := make([]float32, 8), make([]float32, 8), make([]float32, 8)
	q[0], k[0] = 1, 1000
	err := c.Layer(0).Decode(q, k, v, make([]float32, 8))
	require.ErrorIs(t, err, ErrInput)
	assert.Contains(t, err.Error(), "channel 0")
	after, _ := c.MarshalBinary()
	assert.True(t, bytes.Equal(before, after), "the refused key changed the cache")

	// A key within range once balanced (600 × 100 = 60000) is stored and
	// read back: the token it belongs to gets the attention it should.
	k[0] = 600
	require.NoError(t, c.Layer(0).Decode(q, k, v, make([]float32, 8)))
	h := c.layers[0].heads[0]
	kr, vr := make([]float32, 8), make([]float32, 8)
	h.ret.read(3, kr, vr)
	assert.InEpsilon(t, 600, kr[0]*h.bal.inv[0], 1e-3)
}

// The balancer's freeze caps b so that every key seen until then stays
// within fp16 once balanced: queries of 1e9 and keys of 100 would give b =
// 1024 and balanced keys of 102400; b is cut to 655 and the keys are
// stored, not clamped.
func TestFreezeKeepsSeenKeysInRange(t *testing.T) {
	cfg := DefaultConfig(1, 1, 1, 8)
	cfg.Ratio = 0
	c := newTestCache(t, cfg)
	q, k, v := make([]float32, 2*8), make([]float32, 2*8), make([]float32, 2*8)
	q[0], q[8], k[0], k[8] = 1e9, 1e9, 100, -3
	require.NoError(t, c.Layer(0).Prefill(q, k, v, 2, make([]float32, 2*8)))
	h := c.layers[0].heads[0]
	assert.LessOrEqual(t, 100*h.bal.b[0], float32(lowbit.MaxF16))
	assert.Greater(t, h.bal.b[0], float32(600))
	kr, vr := make([]float32, 8), make([]float32, 8)
	for s := range 2 {
		h.ret.read(s, kr, vr)
		p, i := h.ret.slot(s)
		want := float32(100)
		if p.pos[i] == 1 {
			want = -3
		}
		assert.InDelta(t, want, kr[0]*h.bal.inv[0], math.Abs(float64(want))*0.34+0.5, "position %d", p.pos[i])
	}
}
