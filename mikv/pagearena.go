package mikv

import (
	"sync"
	"unsafe"

	"github.com/lowbit-ml/lowbit"
)

// Huge pages. A decode step streams every page of a layer from memory, a
// page of 1024 tokens at a time (80 KB of 2-bit keys and values, 512 KB of
// fp16). On 4 KiB memory pages such a stream reaches about two thirds of
// what one core streams from one large buffer: on Intel Xeon family 6
// model 167 with a 480 MiB L3, Go's bytes.Count reads 1 GiB of separately
// allocated 256 KiB pages at 8-10 GB/s, and at 12-13 GB/s once the memory
// is advised for 2 MiB pages (MADV_HUGEPAGE), as fast as one 3840 MiB
// buffer; the fp16 kernels read the same pages at 6-9 GB/s on 4 KiB pages
// and 9-11 GB/s on 2 MiB pages. So once a layer holds hugeFrom bytes of
// pages, its tiers carve new pages out of slabs of Go memory whose 2 MiB
// aligned part is advised for huge pages (adviseHuge; Linux only, where
// the kernel decides: with transparent huge pages set to never, the
// advice does nothing).
//
// The slabs stay ordinary Go memory: a page holds slices of its slab, so a
// slab lives while any page carved from it lives (in this cache or a
// clone), and the garbage collector frees it after. A page that no tier
// holds any more goes back to its arena's free list and is reused for the
// next page of the same size; when the arena holds no page at all, it
// drops its slab and free lists. A layer that shrinks (Truncate, a sliding
// window) thus keeps the memory of its largest size until it is freed or
// grows again, as a layer of Go-allocated pages keeps its spare page.

// hugeFrom is the bytes of pages a layer holds before its tiers carve new
// pages out of huge-page slabs (negative: never; hugeFromDefault is 8 MiB
// on Linux, -1 elsewhere). A variable so that the tests can run every page
// through the slabs, on any system.
var hugeFrom = int64(hugeFromDefault)

// Slab sizes: a slab is about half the pages the layer holds, between
// slabMin and slabMax, plus 2 MiB to align its start to a huge page.
const (
	hugePage = 2 << 20
	slabMin  = 4 << 20
	slabMax  = 64 << 20
)

// pageArena hands out the memory of the pages of one layer's tiers.
type pageArena struct {
	mu   sync.Mutex
	held int64            // bytes of the pages the layer's tiers allocated and still hold
	live int              // blocks handed out and not yet returned
	slab []byte           // the unused rest of the current slab
	free map[int][][]byte // returned blocks, by size
}

// alloc returns the memory of a new page of n bytes: a 64-byte aligned
// block of a slab, or nil if the layer holds fewer than hugeFrom bytes of
// pages (the caller then allocates the page itself). Either way the page's
// bytes are counted until release.
func (a *pageArena) alloc(n int) []byte {
	if a == nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	on := hugeFrom >= 0 && a.held >= hugeFrom
	a.held += int64(n)
	if !on {
		return nil
	}
	a.live++
	if fl := a.free[n]; len(fl) > 0 {
		b := fl[len(fl)-1]
		fl[len(fl)-1] = nil
		a.free[n] = fl[:len(fl)-1]
		clear(b) // as a new page is
		return b
	}
	size := (n + 63) &^ 63
	if len(a.slab) < size {
		a.newSlab(size)
	}
	b := a.slab[:n:n]
	a.slab = a.slab[size:]
	return b
}

// newSlab starts a slab of at least size bytes, its start aligned to a
// huge page and advised for huge pages.
func (a *pageArena) newSlab(size int) {
	want := min(max(int(a.held/2), slabMin), slabMax)
	want = max(want, size)
	want = (want + hugePage - 1) &^ (hugePage - 1)
	b := make([]byte, want+hugePage)
	skip := -int(uintptr(unsafe.Pointer(unsafe.SliceData(b)))) & (hugePage - 1)
	a.slab = b[skip : skip+want : skip+want]
	adviseHuge(a.slab)
}

// release uncounts a page of n bytes that no tier holds any more, and
// takes back its block (nil for a page the caller allocated).
func (a *pageArena) release(n int, block []byte) {
	if a == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.held -= int64(n)
	if block == nil {
		return
	}
	a.live--
	if a.live == 0 { // nothing carved is held: let the slabs go
		a.slab, a.free = nil, nil
		return
	}
	if a.free == nil {
		a.free = map[int][][]byte{}
	}
	a.free[len(block)] = append(a.free[len(block)], block)
}

// pageBytes returns the bytes of a page of slots tokens of t: each part
// (keys' codes, scales and mins, the same of the values, the positions)
// 64-byte aligned.
func (t *tier) pageBytes(slots int) int {
	n := 0
	for _, part := range t.pageParts(slots) {
		n += (part + 63) &^ 63
	}
	return n
}

// pageParts returns the byte sizes of the parts of a page of slots tokens
// of t, in block order: the keys' codes, scales and mins, the values'
// codes, scales and mins, the positions.
func (t *tier) pageParts(slots int) [7]int {
	var p [7]int
	for i, f := range [2]lowbit.Format{t.key, t.val} {
		p[3*i] = slots * f.RowBytes(t.dim)
		if g := slots * f.Groups(t.dim); g > 0 {
			p[3*i+1] = 2 * g
			if f.HasMins() {
				p[3*i+2] = 2 * g
			}
		}
	}
	p[6] = 4 * slots
	return p
}

// carvePage returns a page of slots tokens of t in block, laid out as
// pageParts says.
func (t *tier) carvePage(block []byte, slots int) *page {
	parts := t.pageParts(slots)
	var cut [7][]byte
	off := 0
	for i, n := range parts {
		cut[i] = block[off : off+n : off+n]
		off += (n + 63) &^ 63
	}
	rows := func(f lowbit.Format, data, scales, mins []byte) lowbit.Rows {
		r := lowbit.Rows{Format: f, Cols: t.dim, Data: data}
		if len(scales) > 0 {
			r.Scales = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(scales))), len(scales)/2)
		}
		if len(mins) > 0 {
			r.Mins = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(mins))), len(mins)/2)
		}
		return r
	}
	return &page{
		k:     rows(t.key, cut[0], cut[1], cut[2]),
		v:     rows(t.val, cut[3], cut[4], cut[5]),
		pos:   unsafe.Slice((*int32)(unsafe.Pointer(unsafe.SliceData(cut[6]))), slots),
		block: block,
	}
}
