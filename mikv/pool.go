package mikv

import (
	"fmt"
	"sync"
)

// Pool holds the caches of many sequences with one configuration (a
// server's): New hands out an empty cache, Release takes it back and keeps
// its buffers for the next New, so a new sequence costs no setup, and
// every cache of the pool (clones included) draws its pages from one
// memory budget. A call that could take the pool over its budget returns
// an error wrapping ErrBudget and changes nothing: the pool never grows
// past the budget, whatever the sequences do.
//
// The budget counts the pages (keys, values, their scales and mins, and
// positions), each page once however many clones share it. It does not
// count the important tier's scores (4 bytes a token), the balancers or
// the scratch buffers of the attention steps, which Stats reports. A call
// is checked against an upper bound of what it may allocate (every page
// it could start or copy), so near the budget a call may be refused that
// would have fit.
type Pool struct {
	cfg  Config
	mem  memory
	mu   sync.Mutex
	live map[*Cache]struct{}
	idle []*Cache
	work *workerSet // the helpers every cache of the pool shares
}

// NewPool returns a pool for cfg with a budget of budget bytes (0: no
// limit), or an error wrapping ErrConfig if cfg is invalid or the budget
// negative.
func NewPool(cfg Config, budget int64) (*Pool, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if budget < 0 {
		return nil, fmt.Errorf("%w: memory budget of %d bytes", ErrConfig, budget)
	}
	p := &Pool{cfg: cloneConfig(cfg), live: map[*Cache]struct{}{}, work: newWorkerSet(&cfg)}
	p.mem.budget = budget
	return p, nil
}

// Config returns the pool's configuration.
func (p *Pool) Config() Config { return cloneConfig(p.cfg) }

// New returns an empty cache of the pool: a released one if there is one
// (with its buffers), a new one otherwise. It allocates no page: pages
// come with the tokens, within the budget.
func (p *Pool) New() *Cache {
	p.mu.Lock()
	defer p.mu.Unlock()
	var c *Cache
	if n := len(p.idle); n > 0 {
		c, p.idle = p.idle[n-1], p.idle[:n-1]
	} else {
		c = newCache(p.cfg, &p.mem, p)
	}
	p.live[c] = struct{}{}
	return c
}

// track adds a clone to the pool's caches.
func (p *Pool) track(c *Cache) {
	p.mu.Lock()
	p.live[c] = struct{}{}
	p.mu.Unlock()
}

// Release gives back a cache of the pool: its pages (those no clone
// shares) return to the budget, and its buffers wait for the next New.
// The caller must not use c afterwards. Releasing a cache twice, or one
// of another pool, does nothing.
func (p *Pool) Release(c *Cache) {
	if c == nil || c.pool != p {
		return
	}
	p.mu.Lock()
	_, ok := p.live[c]
	delete(p.live, c)
	p.mu.Unlock()
	if !ok {
		return
	}
	c.Free()
	p.mu.Lock()
	p.idle = append(p.idle, c)
	p.mu.Unlock()
}

// PoolStats describes a pool.
type PoolStats struct {
	Sequences int   // caches handed out and not released (clones included)
	Budget    int64 // the budget in bytes (0: none)
	PageBytes int64 // bytes of the pages the caches hold, each page once: what the budget counts
	Total     Stats // the sum of the sequences' Stats (shared pages counted in each)
}

// Stats returns the pool's figures; each sequence's own are its Cache's
// Stats.
func (p *Pool) Stats() PoolStats {
	p.mu.Lock()
	caches := make([]*Cache, 0, len(p.live))
	for c := range p.live {
		caches = append(caches, c)
	}
	p.mu.Unlock()
	s := PoolStats{Sequences: len(caches), Budget: p.mem.budget, PageBytes: p.mem.bytes()}
	for _, c := range caches {
		s.Total.add(c.Stats())
	}
	s.Total.share(p.cfg.KVHeads, p.cfg.HeadDim)
	return s
}
