package mikv

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// ErrInput is wrapped by every error about the arguments of Prefill and
// Decode. A call that returns an error leaves the layer as it was.
var ErrInput = errors.New("mikv: invalid input")

// Layer is the cache of one transformer layer: for each KV head, the
// important and retained tiers, the importance scores and the balancer.
//
// Its methods may be called from any goroutine; calls on one Layer are
// serialised, and different Layers share nothing, so a model may drive its
// layers from different goroutines.
type Layer struct {
	mu    sync.Mutex
	cfg   *Config
	index int
	n     int // tokens appended
	heads []*head
}

func newLayer(cfg *Config, index int) *Layer {
	l := &Layer{cfg: cfg, index: index, heads: make([]*head, cfg.KVHeads)}
	for i := range l.heads {
		l.heads[i] = newHead(cfg, index, i)
	}
	return l
}

// Len returns the number of tokens appended to the layer (by Prefill and
// Decode), evicted ones included.
func (l *Layer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}

// Prefill appends a prompt of n tokens. q holds n rows of
// QueryHeads×HeadDim values, k and v n rows of KVHeads×HeadDim values (row
// major, token by token, head by head, RoPE already applied), and out
// receives the attention output, shaped like q.
//
// On an empty layer (new, or after Reset) the output is exact causal
// attention with scale 1/sqrt(HeadDim) over the prompt, in float32
// arithmetic. Prefill then ranks the prompt's tokens by the attention they
// received, computes the channel balancer over the prompt's queries and
// keys, keeps the budget's share of tokens in the important tier and
// quantizes the rest into the retained tier. On a layer that already holds
// tokens, Prefill appends the n tokens one by one, as n calls of Decode
// would.
//
// It returns an error, and changes nothing, if a length is wrong, if q, k or
// v holds NaN or ±Inf or a value beyond ±MaxValue, if k or v holds a value
// the tiers' formats cannot store (beyond ±65504 for every format but
// float32), or if the layer would exceed MaxLen tokens.
func (l *Layer) Prefill(q, k, v []float32, n int, out []float32) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n < 0 || n > MaxLen-l.n {
		return fmt.Errorf("%w: Prefill of %d tokens on a layer of %d", ErrInput, n, l.n)
	}
	if err := l.checkInput("Prefill", q, k, v, out, n); err != nil {
		return err
	}
	switch {
	case n == 0:
	case l.n == 0:
		l.n = n
		l.each(func(h *head) { h.prefill(q, k, v, out, n) })
	default:
		nq, nkv := l.cfg.QueryHeads*l.cfg.HeadDim, l.cfg.KVHeads*l.cfg.HeadDim
		for t := range n {
			l.step(q[t*nq:(t+1)*nq], k[t*nkv:(t+1)*nkv], v[t*nkv:(t+1)*nkv], out[t*nq:(t+1)*nq])
		}
	}
	return nil
}

// Decode appends one token and attends to every token of the layer with
// it. q holds QueryHeads×HeadDim values, k and v KVHeads×HeadDim values
// (RoPE already applied), and out receives the attention output, shaped
// like q.
//
// Per KV head, the query scores every token of both tiers (divided by the
// balancer for the retained tier), one softmax runs over all of them, and
// the output sums the values of both tiers weighted by it. The step's
// attention is added to the important tokens' scores, and while the
// important tier is over its budget, its lowest-ranked token outside the
// sinks and the recent window moves to the retained tier (or is dropped,
// with Evict).
//
// It returns an error, and changes nothing, on the same bad input as
// Prefill, or when the layer already holds MaxLen tokens.
func (l *Layer) Decode(q, k, v, out []float32) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.n >= MaxLen {
		return fmt.Errorf("%w: the layer already holds %d tokens", ErrInput, l.n)
	}
	if err := l.checkInput("Decode", q, k, v, out, 1); err != nil {
		return err
	}
	l.step(q, k, v, out)
	return nil
}

// step appends one checked token and attends with it.
func (l *Layer) step(q, k, v, out []float32) {
	l.n++
	c := l.cfg
	g, d := c.QueryHeads/c.KVHeads, c.HeadDim
	l.each(func(h *head) {
		i := h.index
		h.decode(q[i*g*d:(i+1)*g*d], k[i*d:(i+1)*d], v[i*d:(i+1)*d], out[i*g*d:(i+1)*g*d], l.n)
	})
}

// Reset empties the layer for a new sequence, keeping its configuration
// and some of its memory.
func (l *Layer) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n = 0
	for _, h := range l.heads {
		h.reset()
	}
}

// each runs fn for every KV head: on the caller's goroutine, or spread over
// Config.Workers goroutines.
func (l *Layer) each(fn func(h *head)) {
	w := min(l.cfg.Workers, len(l.heads))
	if w <= 1 {
		for _, h := range l.heads {
			fn(h)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range w {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(l.heads) {
					return
				}
				fn(l.heads[i])
			}
		})
	}
	wg.Wait()
}

// checkInput checks the lengths and values of a call's arguments for n
// tokens.
func (l *Layer) checkInput(call string, q, k, v, out []float32, n int) error {
	c := l.cfg
	pq, pkv := c.QueryHeads*c.HeadDim, c.KVHeads*c.HeadDim // per token; n×per may not fit an int on 32-bit platforms
	fits := func(x []float32, per int) bool { return len(x)%per == 0 && len(x)/per == n }
	switch {
	case !fits(q, pq):
		return fmt.Errorf("%w: %s of %d tokens needs len(q) = %d × %d, got %d", ErrInput, call, n, n, pq, len(q))
	case !fits(k, pkv):
		return fmt.Errorf("%w: %s of %d tokens needs len(k) = %d × %d, got %d", ErrInput, call, n, n, pkv, len(k))
	case !fits(v, pkv):
		return fmt.Errorf("%w: %s of %d tokens needs len(v) = %d × %d, got %d", ErrInput, call, n, n, pkv, len(v))
	case !fits(out, pq):
		return fmt.Errorf("%w: %s of %d tokens needs len(out) = %d × %d, got %d", ErrInput, call, n, n, pq, len(out))
	}
	if err := checkValues(call, "q", q, MaxValue); err != nil {
		return err
	}
	keyLim, valLim := limitOf(c.Important.Key), limitOf(c.Important.Value)
	if !c.Evict {
		keyLim, valLim = min(keyLim, limitOf(c.Retained.Key)), min(valLim, limitOf(c.Retained.Value))
	}
	if err := checkValues(call, "k", k, keyLim); err != nil {
		return err
	}
	return checkValues(call, "v", v, valLim)
}

// checkValues reports the first value of x that is NaN or beyond ±lim.
func checkValues(call, name string, x []float32, lim float32) error {
	for i, v := range x {
		if !(v >= -lim && v <= lim) {
			return fmt.Errorf("%w: %s: %s[%d] = %v cannot be stored (finite, |x| <= %v)", ErrInput, call, name, i, v, lim)
		}
	}
	return nil
}
