package mikv

import (
	"encoding/binary"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// v1Impl is the implementation that wrote testdata/v1-default.snap (with
// the version-1 code): only there are its scores bit-identical to what
// this version computes for the same tokens.
const v1Impl = "avx2"

// A version-1 snapshot (written before sliding windows, attention variants
// and per-layer policies) still loads: its cache has none of them, holds
// what it held, saves as version 2 and goes on as a cache that saw the
// same tokens (bit for bit on the implementation that wrote it).
func TestVersion1SnapshotLoads(t *testing.T) {
	data, err := os.ReadFile("testdata/v1-default.snap")
	require.NoError(t, err)
	require.Equal(t, uint16(1), binary.LittleEndian.Uint16(data[6:]))
	var c Cache
	require.NoError(t, c.UnmarshalBinary(data))
	want := DefaultConfig(2, 2, 4, 16)
	want.PageSize, want.Sinks = 5, 1
	assert.Equal(t, want, c.Config())

	fresh := newTestCache(t, want)
	s := fillCache(t, fresh, rand.New(rand.NewPCG(21, 21)), 23, 17)
	assert.Equal(t, held(fresh.Stats()).Tokens, held(c.Stats()).Tokens)
	assert.Equal(t, fresh.Stats().Important, c.Stats().Important)

	v2, err := c.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, uint16(codecVersion), binary.LittleEndian.Uint16(v2[6:]))
	var again Cache
	require.NoError(t, again.UnmarshalBinary(v2))

	got, ref := decodeAll(t, &again, s, 40), decodeAll(t, fresh, s, 40)
	if lowbit.Active().Name() == v1Impl {
		assert.Equal(t, bits(ref), bits(got))
		return
	}
	for i := range ref {
		assert.InDeltaSlice(t, ref[i], got[i], 1e-3)
	}
}

// UnmarshalBinary allocates in proportion to the tokens present, not to
// the page size: a valid snapshot of 64 KV heads holding one token each in
// pages of 65536 tokens of head dimension 64, float32 tiers (66 KB), used
// to allocate a full page per non-empty tier (2 GiB). It now allocates
// about as much as its own size.
func TestRestoreAllocatesPerToken(t *testing.T) {
	cfg := DefaultConfig(1, 64, 64, 64)
	cfg.Ratio, cfg.PageSize = 1, 1
	cfg.Important = Tier{Key: lowbit.F32, Value: lowbit.F32}
	c := newTestCache(t, cfg)
	rng := rand.New(rand.NewPCG(1, 1))
	require.NoError(t, c.Layer(0).Decode(normals(rng, 64*64, 1), normals(rng, 64*64, 1), normals(rng, 64*64, 1), make([]float32, 64*64)))
	data, err := c.MarshalBinary()
	require.NoError(t, err)
	// Pages of 65536 tokens: the page size is the config's last field of
	// version 1 but one (Workers follows).
	off := len(codecMagic) + 2 + 4*4 + 4*6 + 1 + 8 + 8 + 4 + 1 + 8 + 2
	require.Equal(t, uint32(1), binary.LittleEndian.Uint32(data[off:]))
	binary.LittleEndian.PutUint32(data[off:], 1<<16)
	data = fixCRC(data)

	var ms0, ms1 runtime.MemStats
	var r Cache
	runtime.ReadMemStats(&ms0)
	require.NoError(t, r.UnmarshalBinary(data))
	runtime.ReadMemStats(&ms1)
	alloc := ms1.TotalAlloc - ms0.TotalAlloc
	t.Logf("restoring %d bytes allocated %d bytes", len(data), alloc)
	assert.Less(t, alloc, uint64(16*len(data)+1<<20), "allocation bound: 16× the input plus 1 MiB")
	assert.Equal(t, 1<<16, r.Config().PageSize)
	assert.Equal(t, 64, r.Stats().Important)
	again, err := r.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, data, again)
}

// A version-2 snapshot (before rotation) loads as NoRotation: the same
// cache as this version's without the rotation's, Int8Weights' and
// WorkerSpin's bytes.
func TestVersion2SnapshotLoads(t *testing.T) {
	requireOlderSnapshotLoads(t, 2, 15, 4) // drop kind, flag, seed, Int8Weights and WorkerSpin
}

// A version-3 snapshot (before Int8Weights) loads with float32 weights:
// the same cache as this version's without the flag's byte (and
// WorkerSpin's); and the flag round-trips.
func TestVersion3SnapshotLoads(t *testing.T) {
	requireOlderSnapshotLoads(t, 3, 5, 5)
	cfg := DefaultConfig(2, 2, 4, 16)
	cfg.PageSize, cfg.Int8Weights = 5, true
	c := newTestCache(t, cfg)
	fillCache(t, c, rand.New(rand.NewPCG(4, 6)), 12, 9)
	b, err := c.MarshalBinary()
	require.NoError(t, err)
	var d Cache
	require.NoError(t, d.UnmarshalBinary(b))
	assert.True(t, d.Config().Int8Weights)
}

// A version-4 snapshot (before WorkerSpin) loads with the default
// polling time: the same cache as this version's without its four bytes.
func TestVersion4SnapshotLoads(t *testing.T) {
	requireOlderSnapshotLoads(t, 4, 4, 6)
}

// requireOlderSnapshotLoads saves a cache of the default configuration
// (tokens from seed), rewrites the snapshot as the given older version by
// dropping the last drop bytes of its configuration, and requires it to
// load as the same configuration with bit-identical outputs.
func requireOlderSnapshotLoads(t *testing.T, version uint16, drop int, seed uint64) {
	t.Helper()
	cfg := DefaultConfig(2, 2, 4, 16)
	cfg.PageSize = 5
	a := newTestCache(t, cfg)
	s := fillCache(t, a, rand.New(rand.NewPCG(4, seed)), 12, 9)
	now, err := a.MarshalBinary()
	require.NoError(t, err)
	end := len(codecMagic) + 2 + len(appendConfig(nil, &cfg))
	old := append(append([]byte(nil), now[:end-drop]...), now[end:]...)
	binary.LittleEndian.PutUint16(old[len(codecMagic):], version)
	old = fixCRC(old)
	var b Cache
	require.NoError(t, b.UnmarshalBinary(old))
	assert.Equal(t, cfg, b.Config())
	assert.Equal(t, bits(decodeAll(t, a, s, 21)), bits(decodeAll(t, &b, s, 21)))
}
