// Package kvcache is a minimal runtime-shaped adapter over mikv: Cache is
// the handful of operations an inference runtime calls on one sequence's
// KV cache (ollama's former kvcache.Cache, llama.cpp's sequence calls),
// Pool hands out caches under one memory budget, and the llama2c glue
// (Attention, Generate, Speculate) drives examples/llama2c with it:
// speculative decoding and prompt reuse.
//
//	pool, _ := kvcache.NewPool(model.MiKVConfig(mikv.DefaultConfig(1, 1, 1, model.HeadDim())), 64<<20)
//	prompt := pool.New()
//	// ... prefill the prompt once, then per request:
//	req, _ := prompt.Clone() // shares the prompt's pages until it writes one
//
// | runtime call | Cache method | mikv |
// |---|---|---|
// | attend a batch of tokens (prefill, decode, verification) | Put | Layer.Prefill, Layer.DecodeBatch |
// | drop rejected drafts, context shift | Truncate | Cache.Truncate |
// | prompt cache, branch, beam | Clone | Cache.Clone, Cache.ClonePrefix |
// | memory per sequence and in total | Stats, Pool.Stats | Cache.Stats, Pool.Stats |
// | free a finished sequence | Release | Pool.Release |
package kvcache

import (
	"fmt"

	"github.com/lowbit-ml/lowbit/mikv"
)

// Cache is one sequence's KV cache as a runtime drives it: layer by layer,
// several tokens per call, with rollback and copies.
type Cache interface {
	// Put appends n tokens to layer l (q: n rows of query heads, k and v:
	// n rows of KV heads, RoPE applied) and writes the attention of their
	// queries, each over the cache and the call's tokens up to its own,
	// into out (shaped like q).
	Put(l int, q, k, v []float32, n int, out []float32) error
	// Len returns the tokens layer 0 holds.
	Len() int
	// Truncate drops every layer's tokens at position n and later.
	Truncate(n int) error
	// TruncateLayer drops layer l's tokens at position n and later.
	TruncateLayer(l, n int) error
	// Clone returns a copy that goes its own way.
	Clone() (Cache, error)
	// Stats returns what the cache holds.
	Stats() Stats
	// Release gives the cache's memory back; the cache must not be used
	// afterwards.
	Release()
}

// Stats is what a Cache, or a Pool, holds.
type Stats struct {
	Sequences int   // caches (1 for a Cache)
	Tokens    int   // tokens of layer 0, summed over sequences
	Bytes     int64 // bytes of keys, values, scales and positions (a pool counts a page shared by clones once)
}

// Pool hands out caches of one configuration under one memory budget: a
// mikv.Pool.
type Pool struct {
	p *mikv.Pool
}

// NewPool returns a pool of caches of configuration cfg within budget bytes
// of pages (0: no limit).
func NewPool(cfg mikv.Config, budget int64) (*Pool, error) {
	p, err := mikv.NewPool(cfg, budget)
	if err != nil {
		return nil, err
	}
	return &Pool{p: p}, nil
}

// New returns an empty cache.
func (p *Pool) New() Cache { return &seq{c: p.p.New(), pool: p.p} }

// Stats returns what the pool's caches hold together.
func (p *Pool) Stats() Stats {
	s := p.p.Stats()
	return Stats{Sequences: s.Sequences, Tokens: s.Total.Tokens / max(1, p.p.Config().Layers), Bytes: s.PageBytes}
}

// seq is a Cache over a mikv.Cache of a pool.
type seq struct {
	c    *mikv.Cache
	pool *mikv.Pool
}

func (s *seq) Put(l int, q, k, v []float32, n int, out []float32) error {
	if l < 0 || l >= s.c.Config().Layers {
		return fmt.Errorf("kvcache: layer %d of %d", l, s.c.Config().Layers)
	}
	ly := s.c.Layer(l)
	if ly.Len() == 0 {
		return ly.Prefill(q, k, v, n, out)
	}
	return ly.DecodeBatch(q, k, v, n, out)
}

func (s *seq) Len() int             { return s.c.Layer(0).Len() }
func (s *seq) Truncate(n int) error { return s.c.Truncate(n) }

func (s *seq) TruncateLayer(l, n int) error {
	if l < 0 || l >= s.c.Config().Layers {
		return fmt.Errorf("kvcache: layer %d of %d", l, s.c.Config().Layers)
	}
	return s.c.Layer(l).Truncate(n)
}

func (s *seq) Clone() (Cache, error) { return &seq{c: s.c.Clone(), pool: s.pool}, nil }

func (s *seq) Stats() Stats {
	st := s.c.Stats()
	return Stats{Sequences: 1, Tokens: s.Len(), Bytes: st.CodeBytes + st.ScaleBytes + st.BookkeepingBytes}
}

func (s *seq) Release() { s.pool.Release(s.c) }
