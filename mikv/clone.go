package mikv

import "fmt"

// Clone returns a copy of the cache that shares its pages (copy on write):
// the clone and the original then go their own ways (a branch, a beam, a
// checkpoint before speculative tokens, a cached prompt), and each copies a
// page only when it first writes to it. Clone itself copies the
// bookkeeping (the important tier's scores, 4 bytes a token, and the
// balancers) and no page; every later call copies the pages it writes
// that the other still holds: a decode step the last page of each tier and
// the important pages it demotes from. The clone has the same
// configuration and belongs to the same pool, whose budget counts a
// shared page once. It locks every layer while it copies.
func (c *Cache) Clone() *Cache {
	unlock := c.lockAll()
	defer unlock()
	return c.cloneLocked()
}

func (c *Cache) cloneLocked() *Cache {
	d := &Cache{cfg: cloneConfig(c.cfg), mem: c.mem, pool: c.pool, work: c.work}
	d.layers = make([]*Layer, len(c.layers))
	for i, l := range c.layers {
		nl := &Layer{cfg: &d.cfg, pol: d.cfg.LayerPolicy(i), index: i, n: l.n, mem: c.mem, work: c.work}
		nl.heads = make([]*head, len(l.heads))
		arena := &pageArena{} // the clone's new pages; shared ones go back to their own arena
		for j, h := range l.heads {
			nh := newHead(&d.cfg, &nl.pol, i, j, c.mem, arena)
			nh.imp, nh.ret = h.imp.clone(c.mem, arena), h.ret.clone(c.mem, arena)
			nh.evicted, nh.expired = h.evicted, h.expired
			nh.bal = h.bal.clone()
			nl.heads[j] = nh
		}
		d.layers[i] = nl
	}
	if c.pool != nil {
		c.pool.track(d)
	}
	return d
}

// ClonePrefix returns a clone holding only the first n tokens of every
// layer (prompt caching: a new sequence that starts with a cached
// prompt), as Clone then Truncate(n); see Layer.Truncate for what the
// clone keeps of the dropped tokens. It returns an error, and no clone, if
// n is beyond a layer's Len or a pool's budget cannot hold the copies.
func (c *Cache) ClonePrefix(n int) (*Cache, error) {
	unlock := c.lockAll()
	for i, l := range c.layers {
		if n < 0 || n > l.n {
			unlock()
			return nil, fmt.Errorf("%w: ClonePrefix of %d tokens: layer %d holds %d", ErrInput, n, i, l.n)
		}
	}
	d := c.cloneLocked()
	unlock()
	if err := d.Truncate(n); err != nil {
		d.Free()
		return nil, err
	}
	return d, nil
}

// Free empties the cache and gives back every page it holds (to its
// pool's budget, if it has one); pages shared with a clone stay with the
// clone. The cache can be used again, as after Reset.
func (c *Cache) Free() {
	unlock := c.lockAll()
	defer unlock()
	for _, l := range c.layers {
		l.n = 0
		for _, h := range l.heads {
			h.imp.free()
			h.ret.free()
			h.evicted, h.expired = 0, 0
			h.bal.reset()
		}
	}
}

// clone returns a copy of the balancer.
func (b *balancer) clone() balancer {
	c := balancer{frozen: b.frozen}
	c.maxQ = append([]float32(nil), b.maxQ...)
	c.maxK = append([]float32(nil), b.maxK...)
	if b.b != nil {
		c.b = append([]float32(nil), b.b...)
		c.inv = append([]float32(nil), b.inv...)
	}
	return c
}
