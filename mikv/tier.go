package mikv

import (
	"fmt"
	"sync/atomic"

	"github.com/lowbit-ml/lowbit"
)

// page holds up to pageSize tokens of one tier of one KV head: their keys
// and values in the tier's formats and their positions. Slots [0, n) of a
// tier are filled densely, page by page; every page but the last is full.
//
// A page may be shared by several caches (Clone): refs counts the tiers
// that hold it, and a tier writes a page only when it holds the sole
// reference (copy on write). A page restored by UnmarshalBinary may hold
// fewer slots than pageSize (its capacity, k.Len()); it grows on the first
// append.
type page struct {
	k, v lowbit.Rows
	pos  []int32
	refs atomic.Int32
	// arena counts the page's bytes (tier.pageBytes of its capacity);
	// block is the slab memory its rows and positions lie in, nil for a
	// page of its own allocations (see pageArena).
	arena *pageArena
	block []byte
}

// capacity returns the number of token slots of p.
func (p *page) capacity() int { return len(p.pos) }

// tier is the paged storage of one tier of one KV head. Appending fills the
// last page and starts a new one when it is full, so the cache is never
// copied; removing a token moves the last token into its slot.
type tier struct {
	key, val lowbit.Format
	dim      int
	pageSize int
	scored   bool    // keep a ranking score per token
	balanced bool    // keys are stored as k ⊙ b (quantized keys, balancer on)
	rotKeys  bool    // keys are stored rotated, R(k) or R(k ⊙ b) (quantized keys, Rotation on)
	rotVals  bool    // values are stored as R(v) (quantized values, Rotation on with Values)
	klim     float32 // the largest |k| (balanced: |k ⊙ b|) the tier accepts as input
	vlim     float32 // the largest |v| the tier accepts as input
	pages    []*page
	score    []float32 // per slot, [0, n) (scored tiers only)
	n        int
	spare    *page // the last page emptied, kept for the next append (held by this tier alone)
	mem      *memory
	arena    *pageArena // the layer's (nil: pages of their own allocations, uncounted)
}

// newTier returns an empty tier; rot is the cache's rotation (nil for
// none), values whether it rotates values too.
func newTier(key, val lowbit.Format, dim, pageSize int, scored, balancer bool, rot *rotator, values bool, mem *memory) tier {
	t := tier{key: key, val: val, dim: dim, pageSize: pageSize, scored: scored, balanced: balancer && key.Quantized(), mem: mem}
	t.rotKeys = rot != nil && key.Quantized()
	t.rotVals = rot != nil && values && val.Quantized()
	t.klim, t.vlim = limitOf(key), limitOf(val)
	if t.rotKeys {
		t.klim = min(t.klim, rot.limit)
	}
	if t.rotVals {
		t.vlim = min(t.vlim, rot.limit)
	}
	return t
}

// tokenBytes returns the bytes one token slot occupies in a page of t: key
// and value rows with their scales and mins, and the position.
func (t *tier) tokenBytes() int64 {
	return int64(rowBytes(t.key, t.dim)+rowBytes(t.val, t.dim)) + 4
}

// allocPage allocates an empty page of slots tokens, drawing its bytes from
// t.mem (the caller reserved them).
func (t *tier) allocPage(slots int) *page {
	size := t.pageBytes(slots)
	var p *page
	if block := t.arena.alloc(size); block != nil {
		p = t.carvePage(block, slots)
	} else {
		k, err := lowbit.NewRows(t.key, slots, t.dim)
		if err != nil {
			panic(fmt.Sprintf("mikv: %v", err)) // formats were validated by New
		}
		v, err := lowbit.NewRows(t.val, slots, t.dim)
		if err != nil {
			panic(fmt.Sprintf("mikv: %v", err))
		}
		p = &page{k: k, v: v, pos: make([]int32, slots)}
	}
	p.arena = t.arena
	p.refs.Store(1)
	t.mem.take(int64(slots) * t.tokenBytes())
	return p
}

// newPage returns an empty full page: the spare one, or a new one.
func (t *tier) newPage() *page {
	if p := t.spare; p != nil {
		t.spare = nil
		return p
	}
	return t.allocPage(t.pageSize)
}

// release drops this tier's reference to p; the last reference gives its
// bytes back to t.mem and its memory back to its arena.
func (t *tier) release(p *page) {
	if p.refs.Add(-1) == 0 {
		t.mem.give(int64(p.capacity()) * t.tokenBytes())
		p.arena.release(t.pageBytes(p.capacity()), p.block) // every tier holding p has t's formats
	}
}

// pageLen returns the number of tokens in page i.
func (t *tier) pageLen(i int) int { return min(t.pageSize, t.n-i*t.pageSize) }

// slot returns the page and the index in it of slot s.
func (t *tier) slot(s int) (*page, int) { return t.pages[s/t.pageSize], s % t.pageSize }

// own returns page i ready to be written up to slot upTo (exclusive): held
// by this tier alone and with that many slots. A shared or short page is
// copied into a new full page first.
func (t *tier) own(i, upTo int) *page {
	p := t.pages[i]
	if p.refs.Load() == 1 && p.capacity() >= upTo {
		return p
	}
	np := t.newPage()
	m := t.pageLen(i)
	copyRows(np.k, p.k, m)
	copyRows(np.v, p.v, m)
	copy(np.pos, p.pos[:m])
	t.release(p)
	t.pages[i] = np
	return np
}

// appendRows stores m tokens: keys k and values v (m rows of dim values
// each, already checked to be storable), their positions, and their scores
// (nil for a tier without scores). It quantizes once per page.
func (t *tier) appendRows(k, v []float32, pos []int32, score []float32) {
	m, d := len(pos), t.dim
	for done := 0; done < m; {
		if t.n == len(t.pages)*t.pageSize {
			t.pages = append(t.pages, t.newPage())
		}
		off := t.n % t.pageSize
		take := min(t.pageSize-off, m-done)
		p := t.own(len(t.pages)-1, off+take)
		mustQuantize(p.k.Slice(off, off+take), k[done*d:(done+take)*d])
		mustQuantize(p.v.Slice(off, off+take), v[done*d:(done+take)*d])
		copy(p.pos[off:], pos[done:done+take])
		t.n += take
		done += take
	}
	if t.scored {
		t.score = append(t.score, score...)
	}
}

// appendSlot stores slot si of tier src (same formats) as is, with score
// sc.
func (t *tier) appendSlot(src *tier, si int, sc float32) {
	if t.n == len(t.pages)*t.pageSize {
		t.pages = append(t.pages, t.newPage())
	}
	off := t.n % t.pageSize
	p := t.own(len(t.pages)-1, off+1)
	sp, i := src.slot(si)
	copyRow(p.k, off, sp.k, i)
	copyRow(p.v, off, sp.v, i)
	p.pos[off] = sp.pos[i]
	t.n++
	if t.scored {
		t.score = append(t.score, sc)
	}
}

// mustQuantize quantizes rows whose values the caller has checked.
func mustQuantize(dst lowbit.Rows, x []float32) {
	if err := lowbit.Quantize(dst, x); err != nil {
		panic(fmt.Sprintf("mikv: values checked before storing failed to quantize: %v", err))
	}
}

// read writes the key and value of slot s, dequantized, into k and v.
func (t *tier) read(s int, k, v []float32) {
	p, i := t.slot(s)
	lowbit.Dequantize(k, p.k.Slice(i, i+1))
	lowbit.Dequantize(v, p.v.Slice(i, i+1))
}

// remove takes slot s out of the tier: the last token moves into it.
func (t *tier) remove(s int) {
	last := t.n - 1
	if s != last {
		// Own the destination first: if it shares a page with the source,
		// the source is then read from this tier's own copy (the shared
		// page may be written by its other holder as soon as it is
		// released).
		dp := t.own(s/t.pageSize, t.pageLen(s/t.pageSize))
		di := s % t.pageSize
		sp, si := t.slot(last)
		copyRow(dp.k, di, sp.k, si)
		copyRow(dp.v, di, sp.v, si)
		dp.pos[di] = sp.pos[si]
		if t.scored {
			t.score[s] = t.score[last]
		}
	}
	t.n--
	if t.scored {
		t.score = t.score[:t.n]
	}
	if t.n == (len(t.pages)-1)*t.pageSize {
		t.dropLastPage()
	}
}

// dropLastPage removes the (empty) last page, keeping it as the spare if
// this tier holds it alone and it is full.
func (t *tier) dropLastPage() {
	p := t.pages[len(t.pages)-1]
	t.pages[len(t.pages)-1] = nil
	t.pages = t.pages[:len(t.pages)-1]
	if t.spare == nil && p.refs.Load() == 1 && p.capacity() == t.pageSize {
		t.spare = p
		return
	}
	t.release(p)
}

// reset empties the tier, keeping one page for reuse.
func (t *tier) reset() {
	for len(t.pages) > 0 {
		t.dropLastPage()
	}
	t.n = 0
	t.score = t.score[:0]
}

// free empties the tier and gives back every page, the spare included.
func (t *tier) free() {
	t.reset()
	if t.spare != nil {
		t.release(t.spare)
		t.spare = nil
	}
	t.score = nil
}

// clone returns a tier holding the same tokens as t, sharing its pages
// (copy on write), using mem, and arena for its new pages.
func (t *tier) clone(mem *memory, arena *pageArena) tier {
	c := *t
	c.pages = make([]*page, len(t.pages))
	for i, p := range t.pages {
		p.refs.Add(1)
		c.pages[i] = p
	}
	if t.scored {
		c.score = append([]float32(nil), t.score...)
	}
	c.spare, c.mem, c.arena = nil, mem, arena
	return c
}

// copyRow copies row si of src over row di of dst (same format and width).
func copyRow(dst lowbit.Rows, di int, src lowbit.Rows, si int) {
	rb, g := dst.Format.RowBytes(dst.Cols), dst.Format.Groups(dst.Cols)
	copy(dst.Data[di*rb:(di+1)*rb], src.Data[si*rb:(si+1)*rb])
	if g > 0 {
		copy(dst.Scales[di*g:(di+1)*g], src.Scales[si*g:(si+1)*g])
		if dst.Format.HasMins() {
			copy(dst.Mins[di*g:(di+1)*g], src.Mins[si*g:(si+1)*g])
		}
	}
}

// copyRows copies the first n rows of src into dst (same format and width).
func copyRows(dst, src lowbit.Rows, n int) {
	s := src.Slice(0, n)
	copy(dst.Data, s.Data)
	copy(dst.Scales, s.Scales)
	copy(dst.Mins, s.Mins)
}

// storedBytes returns the bytes of codes (or float values) and of scales and
// mins of the tier's n tokens, keys and values together.
func (t *tier) storedBytes() (codes, scales int64) {
	n := int64(t.n)
	codes = n * int64(t.key.RowBytes(t.dim)+t.val.RowBytes(t.dim))
	scales = n * 2 * int64(scaleCount(t.key, t.dim)+scaleCount(t.val, t.dim))
	return codes, scales
}

// scaleCount returns the fp16 scales and mins per row of dim values in f.
func scaleCount(f lowbit.Format, dim int) int {
	g := f.Groups(dim)
	if f.HasMins() {
		return 2 * g
	}
	return g
}

// allocatedBytes returns the bytes the tier's pages occupy, used or not,
// the spare page included, and its scores. A page shared with other caches
// is counted in each.
func (t *tier) allocatedBytes() int64 {
	slots := int64(0)
	for _, p := range t.pages {
		slots += int64(p.capacity())
	}
	if t.spare != nil {
		slots += int64(t.spare.capacity())
	}
	return slots*t.tokenBytes() + 4*int64(cap(t.score))
}

// sharedBytes returns the bytes of the tier's pages that other caches hold
// too.
func (t *tier) sharedBytes() int64 {
	slots := int64(0)
	for _, p := range t.pages {
		if p.refs.Load() > 1 {
			slots += int64(p.capacity())
		}
	}
	return slots * t.tokenBytes()
}
