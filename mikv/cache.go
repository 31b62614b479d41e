package mikv

// Cache is a MiKV cache for every layer of a model. Build one with New (or
// Pool.New) and drive each layer through Layer(i).
type Cache struct {
	cfg    Config
	layers []*Layer
	mem    *memory // the pool's budget, or nil
	pool   *Pool
	work   *workerSet // the helpers of Config.Workers (the pool's, for a cache of a Pool), or nil
}

// New returns an empty cache for cfg, or an error wrapping ErrConfig if cfg
// is invalid (see Config.Validate).
func New(cfg Config) (*Cache, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return newCache(cfg, nil, nil), nil
}

// newCache builds an empty cache for a valid cfg, counting its pages in
// mem.
func newCache(cfg Config, mem *memory, pool *Pool) *Cache {
	c := &Cache{cfg: cloneConfig(cfg), mem: mem, pool: pool}
	if pool != nil {
		c.work = pool.work
	} else {
		c.work = newWorkerSet(&cfg)
	}
	c.layers = make([]*Layer, cfg.Layers)
	for i := range c.layers {
		c.layers[i] = newLayer(&c.cfg, i, mem, c.work)
	}
	return c
}

// cloneConfig returns cfg with its slices copied, so that the caller's
// later changes to them do not reach the cache.
func cloneConfig(cfg Config) Config {
	if cfg.PerLayer != nil {
		per := make([]LayerPolicy, len(*cfg.PerLayer))
		for i, p := range *cfg.PerLayer {
			if p.SinkLogits != nil {
				p.SinkLogits = append([]float32{}, p.SinkLogits...)
			}
			per[i] = p
		}
		cfg.PerLayer = &per
	}
	return cfg
}

// Config returns the cache's configuration (a copy: changing its
// per-layer policies does not change the cache).
func (c *Cache) Config() Config { return cloneConfig(c.cfg) }

// Layer returns layer i, 0 <= i < Config().Layers; it panics on an index
// out of range, as slice indexing does.
func (c *Cache) Layer(i int) *Layer { return c.layers[i] }

// Stats returns the sums over every layer; ShareOfF16 is that of the whole
// cache.
func (c *Cache) Stats() Stats {
	var s Stats
	for _, l := range c.layers {
		s.add(l.Stats())
	}
	s.share(c.cfg.KVHeads, c.cfg.HeadDim)
	return s
}

// Reset empties every layer for a new sequence, keeping one page per tier
// for reuse.
func (c *Cache) Reset() {
	for _, l := range c.layers {
		l.Reset()
	}
}

// lockAll locks every layer, in order, and returns the function that
// unlocks them.
func (c *Cache) lockAll() func() {
	for _, l := range c.layers {
		l.mu.Lock()
	}
	return func() {
		for _, l := range c.layers {
			l.mu.Unlock()
		}
	}
}
