package mikv

import (
	"encoding/binary"
	"hash/crc32"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codecConfigs covers what the saved form holds: the paper's cache, H2O
// eviction, quantized important keys (balanced), random selection with
// sinks, a cache whose balancer has not frozen, and per-layer policies
// with a window, soft cap, sink logits, scale and a fixed recent window;
// and rotated caches (Hadamard with values, random with quantized
// important keys, random with values and no balancer).
func codecConfigs() map[string]Config {
	base := DefaultConfig(2, 2, 4, 16)
	base.PageSize = 5
	cs := map[string]Config{"default": base}
	c := base
	c.Evict, c.Ratio = true, 0.3
	cs["h2o"] = c
	c = base
	c.Important = Tier{Key: lowbit.Quant(6, 8), Value: lowbit.SymQuant(5, 16)}
	c.Retained = Tier{Key: lowbit.SymQuant(3, 16), Value: lowbit.F16}
	c.Int8Queries, c.Int8Weights = true, true
	cs["quantized-important"] = c
	c = base
	c.Selection, c.Sinks, c.Seed, c.Workers, c.WorkerSpin = Random, 2, 9, 2, 300*time.Microsecond
	cs["random-sinks"] = c
	c = base
	c.Ratio = 1
	c.Important = Tier{Key: lowbit.F32, Value: lowbit.F32}
	cs["full"] = c
	c = base
	c.Recent, c.Scale = 6, 0.3
	c = c.WithLayers(func(i int, p *LayerPolicy) {
		if i == 0 {
			p.Window, p.SoftCap, p.SinkLogits = 9, 4, []float32{0.5, -1, 2, 0}
		} else {
			p.Retained = Tier{Key: lowbit.Quant(4, 8), Value: lowbit.SymQuant(3, 16)}
			p.Ratio = 0.3
		}
	})
	cs["per-layer-variants"] = c
	c = base
	c.Rotation = Rotation{Kind: HadamardRotation, Values: true}
	cs["hadamard-values"] = c
	c = base
	c.Important = Tier{Key: lowbit.Quant(6, 8), Value: lowbit.SymQuant(5, 16)}
	c.Retained = Tier{Key: lowbit.SymQuant(3, 16), Value: lowbit.Quant(2, 8)}
	c.Rotation = Rotation{Kind: RandomRotation, Seed: 5}
	cs["random-quantized-important"] = c
	c = base
	c.Balancer = false
	c.Rotation = Rotation{Kind: RandomRotation, Values: true, Seed: 6}
	cs["random-values-no-balancer"] = c
	return cs
}

// fillCache prefills and decodes a sequence into every layer of c and
// returns the sequence's remaining tokens for later steps.
func fillCache(t testing.TB, c *Cache, rng *rand.Rand, prompt, steps int) *seq {
	cfg := c.Config()
	s := randomSeq(rng, prompt+steps+8, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
	fillCacheWith(t, c, s, prompt, steps)
	return s
}

// fillCacheWith prefills the first prompt tokens of s into every layer of
// c and decodes the next steps tokens.
func fillCacheWith(t testing.TB, c *Cache, s *seq, prompt, steps int) {
	cfg := c.Config()
	for i := range cfg.Layers {
		l := c.Layer(i)
		nq := cfg.QueryHeads * cfg.HeadDim
		if prompt > 0 {
			q, k, v := s.prefix(prompt)
			require.NoError(t, l.Prefill(q, k, v, prompt, make([]float32, prompt*nq)))
		}
		for j := prompt; j < prompt+steps; j++ {
			q, k, v := s.token(j)
			require.NoError(t, l.Decode(q, k, v, make([]float32, nq)))
		}
	}
}

// decodeAll runs the tokens [from, s.len()) through every layer of c and
// returns the outputs.
func decodeAll(t testing.TB, c *Cache, s *seq, from int) [][]float32 {
	var outs [][]float32
	for i := range c.Config().Layers {
		for j := from; j < s.len(); j++ {
			q, k, v := s.token(j)
			out := make([]float32, len(q))
			require.NoError(t, c.Layer(i).Decode(q, k, v, out))
			outs = append(outs, out)
		}
	}
	return outs
}

// Save, restore, then decode: bit-identical to never having saved, and the
// restored cache saves to the same bytes.
func TestSaveRestoreIsExact(t *testing.T) {
	for name, cfg := range codecConfigs() {
		t.Run(name, func(t *testing.T) {
			for _, prompt := range []int{0, 23} {
				a := newTestCache(t, cfg)
				s := fillCache(t, a, rand.New(rand.NewPCG(1, 2)), prompt, 37)
				data, err := a.MarshalBinary()
				require.NoError(t, err)

				var b Cache
				require.NoError(t, b.UnmarshalBinary(data))
				assert.Equal(t, a.Config(), b.Config())
				assert.Equal(t, held(a.Stats()), held(b.Stats()))
				assert.LessOrEqual(t, b.Stats().AllocatedBytes, a.Stats().AllocatedBytes, "a restored page holds what it held")
				again, err := b.MarshalBinary()
				require.NoError(t, err)
				assert.Equal(t, data, again)

				from := prompt + 37
				assert.Equal(t, bits(decodeAll(t, a, s, from)), bits(decodeAll(t, &b, s, from)))
				assert.Equal(t, held(a.Stats()), held(b.Stats()))
			}
		})
	}
}

// held returns s without AllocatedBytes: what the cache holds, not how
// much room its pages have (a restored page is cut to its tokens).
func held(s Stats) Stats {
	s.AllocatedBytes = 0
	return s
}

// Restoring into a cache keeps its Layer values valid.
func TestRestoreKeepsLayers(t *testing.T) {
	cfg := codecConfigs()["default"]
	a := newTestCache(t, cfg)
	s := fillCache(t, a, rand.New(rand.NewPCG(3, 3)), 20, 10)
	data, err := a.MarshalBinary()
	require.NoError(t, err)
	b := newTestCache(t, cfg)
	l0 := b.Layer(0)
	require.NoError(t, b.UnmarshalBinary(data))
	assert.Same(t, l0, b.Layer(0))
	assert.Equal(t, 30, l0.Len())
	assert.Equal(t, bits(decodeAll(t, a, s, 30)), bits(decodeAll(t, b, s, 30)))
}

// fixCRC rewrites the checksum at the end of data.
func fixCRC(data []byte) []byte {
	if len(data) < 4 {
		return data
	}
	body := data[:len(data)-4]
	return binary.LittleEndian.AppendUint32(append([]byte(nil), body...), crc32.Checksum(body, castagnoli))
}

// Truncated, corrupted and wrong-version input is an error that leaves the
// cache as it was.
func TestRestoreRejectsBadInput(t *testing.T) {
	cfg := codecConfigs()["default"]
	a := newTestCache(t, cfg)
	fillCache(t, a, rand.New(rand.NewPCG(4, 4)), 20, 10)
	data, err := a.MarshalBinary()
	require.NoError(t, err)

	b := newTestCache(t, cfg)
	fillCache(t, b, rand.New(rand.NewPCG(5, 5)), 15, 3)
	before, err := b.MarshalBinary()
	require.NoError(t, err)
	check := func(name string, bad []byte) {
		err := b.UnmarshalBinary(bad)
		assert.ErrorIs(t, err, ErrCorrupt, name)
		after, _ := b.MarshalBinary()
		assert.Equal(t, before, after, "%s changed the cache", name)
	}
	for _, n := range []int{0, 3, 8, 12, len(data) / 2, len(data) - 1} {
		check("truncated", data[:n])
		check("truncated, checksum fixed", fixCRC(data[:n]))
	}
	wrong := append([]byte(nil), data...)
	wrong[6]++ // the version
	check("wrong version", fixCRC(wrong))
	magic := append([]byte(nil), data...)
	magic[0] = 'X'
	check("wrong magic", fixCRC(magic))
	rng := rand.New(rand.NewPCG(6, 6))
	for range 200 {
		c := append([]byte(nil), data...)
		c[rng.IntN(len(c))] ^= byte(1 + rng.IntN(255))
		check("flipped byte", c)
	}
	// A position held twice, with a valid checksum: the first position of
	// the first head's retained tier copied over the second.
	dup := append([]byte(nil), data...)
	h := a.layers[0].heads[0]
	require.Greater(t, h.ret.n, 1)
	off := retainedPositionsOffset(a)
	copy(dup[off+4:off+8], dup[off:off+4])
	check("duplicate position", fixCRC(dup))
	extra := append(append([]byte(nil), data[:len(data)-4]...), 0)
	check("trailing byte", fixCRC(append(extra, 0, 0, 0, 0)))
}

// retainedPositionsOffset returns where the positions of layer 0, head 0's
// retained tier start in c's saved form.
func retainedPositionsOffset(c *Cache) int {
	b := []byte(codecMagic)
	b = binary.LittleEndian.AppendUint16(b, codecVersion)
	b = appendConfig(b, &c.cfg)
	b = binary.LittleEndian.AppendUint32(b, uint32(c.layers[0].n))
	h := c.layers[0].heads[0]
	b = binary.LittleEndian.AppendUint32(b, uint32(h.evicted))
	b = append(b, boolByte(h.bal.frozen))
	b = appendFloats(b, h.bal.maxQ)
	b = appendFloats(b, h.bal.maxK)
	if h.bal.frozen {
		b = appendFloats(b, h.bal.b)
		b = appendFloats(b, h.bal.inv)
	}
	b = h.imp.appendTo(b)
	t := &h.ret
	return len(b) + 4 + t.n*(rowBytes(t.key, t.dim)+rowBytes(t.val, t.dim))
}

// FuzzUnmarshal: any input either restores a cache that saves back to the
// same bytes and can take a decode step, or returns an error; never a
// panic. Half the inputs get their checksum repaired, so the fuzzer reaches
// the parser behind it.
func FuzzUnmarshal(f *testing.F) {
	for _, cfg := range codecConfigs() {
		c, err := New(cfg)
		require.NoError(f, err)
		fillCache(f, c, rand.New(rand.NewPCG(7, 7)), 9, 4)
		data, err := c.MarshalBinary()
		require.NoError(f, err)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, fixCRC(data)} {
			var c Cache
			if err := c.UnmarshalBinary(in); err != nil {
				require.ErrorIs(t, err, ErrCorrupt)
				continue
			}
			out, err := c.MarshalBinary()
			require.NoError(t, err)
			require.Equal(t, in, out)
			cfg := c.Config()
			if nq, nkv := cfg.QueryHeads*cfg.HeadDim, cfg.KVHeads*cfg.HeadDim; nq <= 1<<12 && c.Layer(0).Len() < MaxLen {
				rng := rand.New(rand.NewPCG(1, 1))
				o := make([]float32, nq)
				require.NoError(t, c.Layer(0).Decode(normals(rng, nq, 1), normals(rng, nkv, 1), normals(rng, nkv, 1), o))
			}
		}
	})
}
