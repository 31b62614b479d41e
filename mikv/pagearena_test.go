package mikv

import (
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slabPagesFrom makes every layer's tiers carve their pages out of slabs
// once the layer holds from bytes of pages (0: from the first page), on
// any system, for the rest of the test.
func slabPagesFrom(t testing.TB, from int64) {
	saved := hugeFrom
	hugeFrom = from
	t.Cleanup(func() { hugeFrom = saved })
}

// The arena counts every page, hands out slab blocks only from hugeFrom
// bytes on, 64-byte aligned and disjoint, in slabs whose start is aligned
// to a huge page; it reuses a returned block (cleared) for the next page
// of its size, and lets its slabs go when no block is held.
func TestPageArena(t *testing.T) {
	slabPagesFrom(t, 1000)
	var a pageArena
	assert.Nil(t, a.alloc(600), "below hugeFrom: the caller allocates")
	assert.Nil(t, a.alloc(300))
	assert.EqualValues(t, 900, a.held)
	b1 := a.alloc(100) // 900 held: still below
	assert.Nil(t, b1)
	b1 = a.alloc(100) // 1000 held: from the slab
	require.Len(t, b1, 100)
	b2 := a.alloc(5000)
	require.Len(t, b2, 5000)
	b3 := a.alloc(100)
	for _, b := range [][]byte{b1, b2, b3} {
		assert.Zero(t, uintptr(unsafe.Pointer(&b[0]))%64, "64-byte aligned")
		assert.Equal(t, len(b), cap(b), "a block cannot be appended into the next")
	}
	assert.Zero(t, uintptr(unsafe.Pointer(&b1[0]))%hugePage, "a slab starts on a huge page")
	lo, hi := uintptr(unsafe.Pointer(&b1[0])), uintptr(unsafe.Pointer(&b2[0]))
	assert.GreaterOrEqual(t, hi-lo, uintptr(100))
	assert.GreaterOrEqual(t, uintptr(unsafe.Pointer(&b3[0]))-hi, uintptr(5000))

	b1[7] = 9
	a.release(100, b1)
	got := a.alloc(100)
	assert.Equal(t, unsafe.SliceData(b1), unsafe.SliceData(got), "the returned block is reused")
	assert.Zero(t, got[7], "cleared")
	a.release(100, got)
	a.release(5000, b2)
	a.release(100, b3)
	assert.Zero(t, a.live)
	assert.Nil(t, a.slab, "no block held: the slabs go")
	assert.Nil(t, a.free)
	a.release(600, nil)
	a.release(300, nil)
	a.release(100, nil)
	assert.Zero(t, a.held)

	var none *pageArena // tiers without an arena allocate their own pages
	assert.Nil(t, none.alloc(10))
	none.release(10, nil)
}

// A page carved from a block lays its parts out as pageParts says, 64-byte
// aligned, within the block, for every format of a tier.
func TestCarvePage(t *testing.T) {
	for _, tc := range []struct{ key, val lowbit.Format }{
		{lowbit.F16, lowbit.F16},
		{lowbit.Quant(2, 64), lowbit.Quant(2, 32)},
		{lowbit.Quant(3, 32), lowbit.Quant(4, 128)},
		{lowbit.SymQuant(4, 64), lowbit.F32},
	} {
		tr := newTier(tc.key, tc.val, 128, 16, false, false, nil, false, nil)
		for _, slots := range []int{1, 7, 16} {
			n := tr.pageBytes(slots)
			block := make([]byte, n+64)
			block = block[64-uintptr(unsafe.Pointer(&block[0]))%64:][:n:n]
			p := tr.carvePage(block, slots)
			for _, r := range []lowbit.Rows{p.k, p.v} {
				ref, err := lowbit.NewRows(r.Format, slots, 128)
				require.NoError(t, err)
				assert.Len(t, r.Data, len(ref.Data))
				assert.Len(t, r.Scales, len(ref.Scales))
				assert.Len(t, r.Mins, len(ref.Mins))
				assert.Equal(t, slots, r.Len())
			}
			assert.Len(t, p.pos, slots)
			assert.Equal(t, slots, p.capacity())
			end := uintptr(unsafe.Pointer(&block[0])) + uintptr(n)
			last := uintptr(unsafe.Pointer(&p.pos[slots-1])) + 4
			assert.LessOrEqual(t, last, end, "%v %v %d", tc.key, tc.val, slots)
		}
	}
}

// Pages carved out of slabs hold what pages of their own allocations hold:
// with every page in slabs (hugeFrom 0) the clone, truncate, save and
// restore, pool and long-decode tests pass, a decode is bit-identical to
// one on pages of their own, and freeing the cache gives every page back
// to its arena.
func TestSlabPagesKeepResults(t *testing.T) {
	cfg := DefaultConfig(2, 2, 4, 32)
	cfg.PageSize = 16
	run := func() ([][]float32, int) {
		c := newTestCache(t, cfg)
		s := fillCache(t, c, rand.New(rand.NewPCG(7, 7)), 40, 60)
		outs := decodeAll(t, c, s, 60)
		carved := 0
		for _, l := range c.layers {
			for _, h := range l.heads {
				for _, tr := range h.tiers() {
					for _, p := range tr.pages {
						if p.block != nil {
							carved++
						}
					}
				}
			}
		}
		arenas := map[*pageArena]bool{}
		for _, l := range c.layers {
			for _, h := range l.heads {
				arenas[h.imp.arena], arenas[h.ret.arena] = true, true
			}
		}
		c.Free()
		for a := range arenas { // every page given back, at the size it was taken at
			assert.Zero(t, a.held)
			assert.Zero(t, a.live)
		}
		return outs, carved
	}
	slabPagesFrom(t, -1)
	want, carved := run()
	require.Zero(t, carved)
	slabPagesFrom(t, 0)
	got, carved := run()
	require.Positive(t, carved, "the pages come from slabs")
	assert.Equal(t, bits(want), bits(got))

	for name, test := range map[string]func(*testing.T){
		"CloneBranchesAreExact":     TestCloneBranchesAreExact,
		"CloneCopiesOnlyTouched":    TestCloneCopiesOnlyTouchedPages,
		"FreeKeepsClonesPages":      TestFreeKeepsClonesPages,
		"TruncateKeepsInvariants":   TestTruncateKeepsInvariants,
		"SaveRestoreIsExact":        TestSaveRestoreIsExact,
		"InvariantsOverLongDecodes": TestInvariantsOverLongDecodes,
		"PoolBudget":                TestPoolBudget,
		"PoolCountsSharedPagesOnce": TestPoolCountsSharedPagesOnce,
	} {
		t.Run(name, test)
	}
}
