package mikv

// Cache is a MiKV cache for every layer of a model. Build one with New and
// drive each layer through Layer(i).
type Cache struct {
	cfg    Config
	layers []*Layer
}

// New returns an empty cache for cfg, or an error wrapping ErrConfig if cfg
// is invalid (see Config.Validate).
func New(cfg Config) (*Cache, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := &Cache{cfg: cfg}
	c.layers = make([]*Layer, cfg.Layers)
	for i := range c.layers {
		c.layers[i] = newLayer(&c.cfg, i)
	}
	return c, nil
}

// Config returns the cache's configuration.
func (c *Cache) Config() Config { return c.cfg }

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

// Reset empties every layer for a new sequence.
func (c *Cache) Reset() {
	for _, l := range c.layers {
		l.Reset()
	}
}
