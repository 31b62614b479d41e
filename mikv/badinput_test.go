package mikv

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewRejectsInvalidConfigs(t *testing.T) {
	base := DefaultConfig(2, 2, 4, 64)
	require.NoError(t, base.Validate())
	for name, mut := range map[string]func(c *Config){
		"no layers":                  func(c *Config) { c.Layers = 0 },
		"negative layers":            func(c *Config) { c.Layers = -1 },
		"no KV heads":                func(c *Config) { c.KVHeads = 0 },
		"query heads not a multiple": func(c *Config) { c.QueryHeads = 5 },
		"fewer query than KV heads":  func(c *Config) { c.QueryHeads = 1 },
		"no head dimension":          func(c *Config) { c.HeadDim = 0 },
		"head dim not a group multiple": func(c *Config) {
			c.HeadDim = 96 // groups of 32 from DefaultConfig(…, 64) do not matter: set 64 explicitly
			c.Retained.Key = lowbit.Quant(2, 64)
		},
		"ratio below 0":            func(c *Config) { c.Ratio = -0.1 },
		"ratio above 1":            func(c *Config) { c.Ratio = 1.5 },
		"ratio NaN":                func(c *Config) { c.Ratio = math.NaN() },
		"recent share above 1":     func(c *Config) { c.RecentShare = 2 },
		"recent share NaN":         func(c *Config) { c.RecentShare = math.NaN() },
		"negative sinks":           func(c *Config) { c.Sinks = -1 },
		"unknown selection":        func(c *Config) { c.Selection = 9 },
		"zero page size":           func(c *Config) { c.PageSize = 0 },
		"huge pages":               func(c *Config) { c.PageSize = 1 << 17 },
		"pages of too many values": func(c *Config) { c.PageSize, c.HeadDim = 1<<16, 128 },
		"negative workers":         func(c *Config) { c.Workers = -1 },
		"negative worker spin":     func(c *Config) { c.WorkerSpin = -time.Microsecond },
		"worker spin over 1 s":     func(c *Config) { c.WorkerSpin = time.Second + 1 },
		"unknown bits":             func(c *Config) { c.Retained.Value = lowbit.Format{Bits: 9, Group: 8} },
		"1-bit codes":              func(c *Config) { c.Retained.Value = lowbit.Quant(1, 32) },
		"group not multiple of 8":  func(c *Config) { c.Important.Key = lowbit.Quant(4, 12) },
		"fp16 with a group":        func(c *Config) { c.Important.Value = lowbit.Format{Bits: 16, Group: 32} },
		"zero format":              func(c *Config) { c.Important.Key = lowbit.Format{} },
	} {
		t.Run(name, func(t *testing.T) {
			c := base
			mut(&c)
			cache, err := New(c)
			assert.ErrorIs(t, err, ErrConfig)
			assert.Nil(t, cache)
		})
	}
	// Evict ignores the retained formats.
	c := base
	c.Evict, c.Retained = true, Tier{}
	_, err := New(c)
	assert.NoError(t, err)
	// Head dimension 8 (stories260K): DefaultConfig uses groups of 8.
	_, err = New(DefaultConfig(5, 4, 8, 8))
	assert.NoError(t, err)
}

// Bad arguments to Prefill and Decode are errors, and the cache is exactly
// as before: the same saved bytes, Stats and later outputs as a twin that
// never saw them.
func TestBadInputChangesNothing(t *testing.T) {
	cfg := DefaultConfig(1, 2, 4, 16)
	cfg.PageSize = 4
	rng := rand.New(rand.NewPCG(8, 8))
	a, b := newTestCache(t, cfg), newTestCache(t, cfg)
	s := fillCache(t, a, rand.New(rand.NewPCG(9, 9)), 20, 5)
	fillCache(t, b, rand.New(rand.NewPCG(9, 9)), 20, 5)
	before, err := a.MarshalBinary()
	require.NoError(t, err)

	nq, nkv := 4*16, 2*16
	q, k, v := normals(rng, nq, 1), normals(rng, nkv, 1), normals(rng, nkv, 1)
	out := make([]float32, nq)
	with := func(x []float32, i int, val float32) []float32 {
		y := append([]float32(nil), x...)
		y[i] = val
		return y
	}
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	la := a.Layer(0)
	for name, call := range map[string]func() error{
		"short q":          func() error { return la.Decode(q[1:], k, v, out) },
		"long k":           func() error { return la.Decode(q, append(k, 0), v, out) },
		"short v":          func() error { return la.Decode(q, k, v[:3], out) },
		"short out":        func() error { return la.Decode(q, k, v, out[:nq-1]) },
		"NaN in q":         func() error { return la.Decode(with(q, 5, nan), k, v, out) },
		"Inf in q":         func() error { return la.Decode(with(q, 0, -inf), k, v, out) },
		"NaN in k":         func() error { return la.Decode(q, with(k, 31, nan), v, out) },
		"Inf in v":         func() error { return la.Decode(q, k, with(v, 7, inf), out) },
		"k beyond fp16":    func() error { return la.Decode(q, with(k, 2, 70000), v, out) },
		"v beyond fp16":    func() error { return la.Decode(q, k, with(v, 2, -1e6), out) },
		"negative prefill": func() error { return la.Prefill(q, k, v, -1, out) },
		"prefill length":   func() error { return la.Prefill(q, k, v, 2, out) },
		"NaN in a prompt": func() error {
			return la.Prefill(append(q, q...), append(k, with(k, 3, nan)...), append(v, v...), 2, append(out, out...))
		},
		"prefill out length": func() error { return la.Prefill(q, k, v, 1, out[:1]) },
	} {
		err := call()
		assert.ErrorIs(t, err, ErrInput, name)
		after, _ := a.MarshalBinary()
		require.Equal(t, before, after, "%s changed the cache", name)
	}
	assert.Equal(t, b.Stats(), a.Stats())
	assert.Equal(t, bits(decodeAll(t, b, s, 25)), bits(decodeAll(t, a, s, 25)))

	// A fresh layer stays empty after a bad prompt.
	c := newTestCache(t, cfg)
	assert.Error(t, c.Layer(0).Prefill(append(q, q...), append(k, with(k, 3, nan)...), append(v, v...), 2, append(out, out...)))
	assert.Zero(t, c.Layer(0).Len())
	assert.Equal(t, newTestCache(t, cfg).Stats(), c.Stats())

	// Values beyond fp16 are fine when every format that stores them is
	// float32.
	f32 := DefaultConfig(1, 2, 4, 16)
	f32.Important, f32.Evict = Tier{Key: lowbit.F32, Value: lowbit.F32}, true
	d := newTestCache(t, f32)
	assert.NoError(t, d.Layer(0).Decode(q, with(k, 2, 70000), with(v, 1, 1e12), out))
	assert.ErrorIs(t, d.Layer(0).Decode(q, k, with(v, 1, 1e30), out), ErrInput)
	assert.ErrorIs(t, d.Layer(0).Decode(with(q, 1, -1e20), k, v, out), ErrInput)
}

// DefaultConfig returns a config New accepts for every head dimension: 2-bit
// retained groups of headDim/2 or headDim when one is a multiple of 8, a
// full fp16 cache otherwise (no format of codes fits).
func TestDefaultConfigEveryHeadDim(t *testing.T) {
	dims := []int{1, 3, 7, 12, 100, maxDim}
	for d := 1; d <= 300; d++ {
		dims = append(dims, d)
	}
	for _, d := range dims {
		cfg := DefaultConfig(2, 2, 4, d)
		_, err := New(cfg)
		require.NoError(t, err, "head dimension %d", d)
		switch {
		case d%16 == 0:
			assert.Equal(t, lowbit.Quant(2, d/2), cfg.Retained.Key, "head dimension %d", d)
		case d%8 == 0:
			assert.Equal(t, lowbit.Quant(2, d), cfg.Retained.Key, "head dimension %d", d)
		default:
			assert.Equal(t, Tier{Key: lowbit.F16, Value: lowbit.F16}, cfg.Retained, "head dimension %d", d)
			assert.Equal(t, 1.0, cfg.Ratio)
		}
	}
}

// Per-layer policies and the new fields are validated by New.
func TestNewRejectsInvalidPolicies(t *testing.T) {
	base := DefaultConfig(3, 2, 4, 64)
	for name, mut := range map[string]func(c *Config){
		"negative recent":   func(c *Config) { c.Recent = -1 },
		"negative window":   func(c *Config) { c.Window = -2 },
		"negative scale":    func(c *Config) { c.Scale = -1 },
		"NaN scale":         func(c *Config) { c.Scale = math.NaN() },
		"huge scale":        func(c *Config) { c.Scale = 1e6 },
		"negative soft cap": func(c *Config) { c.SoftCap = -30 },
		"sink logits length": func(c *Config) {
			*c = c.WithLayers(func(_ int, p *LayerPolicy) { p.SinkLogits = make([]float32, 3) })
		},
		"NaN sink logit": func(c *Config) {
			*c = c.WithLayers(func(_ int, p *LayerPolicy) { p.SinkLogits = []float32{0, 0, float32(math.NaN()), 0} })
		},
		"per-layer length":      func(c *Config) { c.PerLayer = &[]LayerPolicy{{}, {}} },
		"per-layer zero format": func(c *Config) { c.PerLayer = &[]LayerPolicy{{}, {}, {}} },
		"per-layer bad ratio": func(c *Config) {
			*c = c.WithLayers(func(i int, p *LayerPolicy) {
				if i == 2 {
					p.Ratio = 2
				}
			})
		},
	} {
		t.Run(name, func(t *testing.T) {
			c := base
			mut(&c)
			_, err := New(c)
			assert.ErrorIs(t, err, ErrConfig)
		})
	}
	good := base.WithLayers(func(i int, p *LayerPolicy) {
		if i == 0 || i == 2 {
			p.Retained = Tier{Key: lowbit.Quant(4, 32), Value: lowbit.Quant(4, 32)}
		}
		if i%2 == 1 {
			p.Window, p.SinkLogits = 128, []float32{1, 2, 3, 4}
		}
	})
	c, err := New(good)
	require.NoError(t, err)
	assert.Equal(t, lowbit.Quant(4, 32), c.Layer(0).Policy().Retained.Key)
	assert.Equal(t, 128, c.Layer(1).Policy().Window)
	assert.Equal(t, base.Retained, c.Layer(1).Policy().Retained)
	(*good.PerLayer)[1].SinkLogits[0] = 99
	assert.Equal(t, float32(1), c.Layer(1).Policy().SinkLogits[0], "the cache keeps its own copy")
}
