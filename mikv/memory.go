package mikv

import (
	"errors"
	"fmt"
	"sync"
)

// ErrBudget is wrapped by the error of a call that would take a Pool over
// its memory budget. The call changes nothing.
var ErrBudget = errors.New("mikv: memory budget exceeded")

// memory counts the page bytes of the caches of one Pool, against its
// budget. A call that may allocate pages first reserves an upper bound of
// what it can allocate; the pages it then allocates are counted in used,
// and the reservation is given back when it returns. A nil *memory (a
// cache made by New) counts nothing.
type memory struct {
	mu       sync.Mutex
	budget   int64 // 0: no limit
	used     int64 // bytes of the pages held (each page once, however many caches share it)
	reserved int64 // upper bounds of the calls in flight
}

// take counts n bytes of a new page.
func (m *memory) take(n int64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.used += n
	m.mu.Unlock()
}

// give uncounts n bytes of a page no cache holds any more.
func (m *memory) give(n int64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.used -= n
	m.mu.Unlock()
}

// reserve sets n bytes aside for a call, or returns an error wrapping
// ErrBudget if used, the other calls' reservations and n exceed the
// budget.
func (m *memory) reserve(n int64, what string) error {
	if m == nil || m.budget == 0 {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.used+m.reserved+n > m.budget {
		return fmt.Errorf("%w: %s may need %d bytes; %d of the budget of %d are held and %d reserved", ErrBudget, what, n, m.used, m.budget, m.reserved)
	}
	m.reserved += n
	return nil
}

// unreserve gives back a reservation of n bytes.
func (m *memory) unreserve(n int64) {
	if m == nil || m.budget == 0 {
		return
	}
	m.mu.Lock()
	m.reserved -= n
	m.mu.Unlock()
}

// bytes returns the bytes held.
func (m *memory) bytes() int64 {
	if m == nil {
		return 0
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.used
}

// reserve reserves the most page bytes a call appending n tokens can
// allocate (see growthBound) and returns the amount to unreserve.
func (l *Layer) reserve(n int) (int64, error) {
	if l.mem == nil || l.mem.budget == 0 {
		return 0, nil
	}
	var b int64
	for _, h := range l.heads {
		b += h.growthBound(n, false)
	}
	if err := l.mem.reserve(b, fmt.Sprintf("layer %d: %d tokens", l.index, n)); err != nil {
		return 0, err
	}
	return b, nil
}

// growthBound returns the most page bytes a call appending m tokens to the
// head can allocate: the important tier's new pages for the m tokens, the
// retained tier's for every important token demoted, one page per tier for
// a short last page, and a copy of every page shared with another cache
// (copy on write) that the call may write: every important page (a
// demotion takes a token from any), the retained tier's last page (it
// appends there), and every retained page when tokens may leave it (a
// window, or Truncate: anyWrite).
func (h *head) growthBound(m int, anyWrite bool) int64 {
	pages := func(t *tier, add int, all bool) int64 {
		p := int64((t.n+add+t.pageSize-1)/t.pageSize - len(t.pages) + 1)
		for i, pg := range t.pages {
			if (all || i == len(t.pages)-1) && pg.refs.Load() > 1 {
				p++
			}
		}
		return p * int64(t.pageSize) * t.tokenBytes()
	}
	b := pages(&h.imp, m, true)
	if !h.pol.Evict {
		b += pages(&h.ret, h.imp.n+m, anyWrite || h.pol.Window > 0)
	}
	return b
}
