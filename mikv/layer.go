package mikv

import (
	"errors"
	"fmt"
	"sync"

	"github.com/lowbit-ml/lowbit"
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
	pol   LayerPolicy
	index int
	n     int // tokens appended
	heads []*head
	mem   *memory    // the pool's budget, or nil
	work  *workerSet // the cache's helpers, or nil
	run   stepRun    // the call running, read by its tasks
}

// stepRun is the state of the Layer call running that its tasks read; the
// calling goroutine sets it before each phase (running a job publishes it
// to the helpers).
type stepRun struct {
	q, k, v, out []float32 // the call's arrays
	n0, m        int       // the layer's length before the call, and the call's tokens
	t0, t1       int       // the tokens of the attention pass running
	phase        int       // phasePlan or phaseEnd: what headTask does
	tasks        []splitTask
	job          job
	headFn       func(i int) // l.headTask and l.splitTask, bound once
	splitFn      func(i int)
}

// splitTask is split s of the head h of the layer, or with s = -1 the
// whole pass of a head whose pass is joint.
type splitTask struct{ h, s int32 }

// The phases of a pass that run per head (see attend.go).
const (
	phasePlan = iota // (the first pass: begin, then) plan
	phaseEnd         // endPass (the last pass: then finish)
)

func newLayer(cfg *Config, index int, mem *memory, work *workerSet) *Layer {
	l := &Layer{cfg: cfg, pol: cfg.LayerPolicy(index), index: index, heads: make([]*head, cfg.KVHeads), mem: mem, work: work}
	arena := &pageArena{}
	for i := range l.heads {
		l.heads[i] = newHead(cfg, &l.pol, index, i, mem, arena)
	}
	return l
}

// Policy returns the layer's policy (Config.LayerPolicy of its index).
func (l *Layer) Policy() LayerPolicy {
	p := l.pol
	p.SinkLogits = append([]float32(nil), p.SinkLogits...)
	if l.pol.SinkLogits == nil {
		p.SinkLogits = nil
	}
	return p
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
// attention over the prompt (with the layer's scale, soft cap, sink logits
// and window), in float32 arithmetic. Prefill then ranks the prompt's
// tokens by the attention they received, computes the channel balancer
// over the prompt's queries and keys, drops what a window leaves behind,
// keeps the budget's share of tokens in the important tier and quantizes
// the rest into the retained tier. On a layer that already holds tokens,
// Prefill is DecodeBatch (one pass over the cache for the n tokens: a
// chunk of a long prompt).
//
// It returns an error, and changes nothing, if a length is wrong, if q, k or
// v holds NaN or ±Inf or a value beyond ±MaxValue, if k or v holds a value
// the tiers' formats cannot store (beyond ±65504 for every format but
// float32, and for a key stored in 2-8 bits with the balancer, beyond
// ±65504 once multiplied by its channel's balancer; for a row a rotated
// tier stores, beyond ±65504/√B, B the rotation's block), if a pool's memory
// budget would be exceeded (ErrBudget), or if the layer would exceed
// MaxLen tokens.
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
		res, err := l.reserve(n)
		if err != nil {
			return err
		}
		defer l.mem.unreserve(res)
		l.n = n
		for _, h := range l.heads {
			h.prefill(q, k, v, out, n, l.cfg.Workers)
		}
	default:
		res, err := l.reserve(n)
		if err != nil {
			return err
		}
		defer l.mem.unreserve(res)
		l.step(q, k, v, out, n)
	}
	return nil
}

// Decode appends one token and attends to every token of the layer with
// it. q holds QueryHeads×HeadDim values, k and v KVHeads×HeadDim values
// (RoPE already applied), and out receives the attention output, shaped
// like q. It is DecodeBatch of one token.
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
	return l.decodeBatch("Decode", q, k, v, 1, out)
}

// DecodeBatch appends n tokens at once and attends with each of them, with
// a causal mask: the query of the call's token t sees every token the
// layer held before the call and the call's tokens up to t (speculative
// verification, chunked prefill). The arrays are shaped as for Prefill.
// Per KV head it runs one pass over the cache (one multi-query kernel call
// per page for the n × query-heads rows), not n passes; only when the
// score rows would exceed 4 Mi values does it split the tokens into
// several passes.
//
// DecodeBatch of one token is Decode. For more tokens it is not n Decode
// calls: every query reads each token at the precision it had before the
// call (a demotion an earlier token of the call would have caused has not
// happened yet), the importance scores get the attention of all n queries,
// and the window and the budget then apply once, for the new length, as
// after a Prefill. With Ratio 1 and no window (nothing demoted, nothing
// dropped) its outputs equal those of n Decode calls up to float32
// rounding.
//
// It returns an error, and changes nothing, on the same bad input as
// Prefill.
func (l *Layer) DecodeBatch(q, k, v []float32, n int, out []float32) error {
	return l.decodeBatch("DecodeBatch", q, k, v, n, out)
}

func (l *Layer) decodeBatch(call string, q, k, v []float32, n int, out []float32) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n < 1 || n > MaxLen-l.n {
		return fmt.Errorf("%w: %s of %d tokens on a layer of %d", ErrInput, call, n, l.n)
	}
	if err := l.checkInput(call, q, k, v, out, n); err != nil {
		return err
	}
	res, err := l.reserve(n)
	if err != nil {
		return err
	}
	defer l.mem.unreserve(res)
	l.step(q, k, v, out, n)
	return nil
}

// step appends m checked tokens and attends with them: per pass over the
// cache (one, unless the tokens' score rows are too many for one), the
// heads plan in parallel, then every split of every head runs on the
// workers, then the heads merge in parallel (and, after the last pass,
// write their outputs, expire and demote).
func (l *Layer) step(q, k, v, out []float32, m int) {
	s := &l.run
	if s.headFn == nil {
		s.headFn, s.splitFn = l.headTask, l.splitTask
	}
	s.q, s.k, s.v, s.out, s.n0, s.m = q, k, v, out, l.n, m
	bt := l.heads[0].blockTokens(m) // every head holds as many tokens
	l.n += m
	for t0 := 0; t0 < m; t0 += bt {
		s.t0, s.t1 = t0, min(m, t0+bt)
		s.phase = phasePlan
		l.work.run(&s.job, len(l.heads), s.headFn)
		s.tasks = s.tasks[:0]
		for i, h := range l.heads {
			if h.pass.joint {
				s.tasks = append(s.tasks, splitTask{int32(i), -1})
				continue
			}
			for j := range h.splits {
				s.tasks = append(s.tasks, splitTask{int32(i), int32(j)})
			}
		}
		l.work.run(&s.job, len(s.tasks), s.splitFn)
		s.phase = phaseEnd
		l.work.run(&s.job, len(l.heads), s.headFn)
	}
	s.q, s.k, s.v, s.out = nil, nil, nil, nil // keep none of the caller's arrays
}

// headTask runs the phase of the pass for head i.
func (l *Layer) headTask(i int) {
	s, h := &l.run, l.heads[i]
	switch s.phase {
	case phasePlan:
		if s.t0 == 0 {
			h.begin(s.q, s.k, s.v, s.n0, s.m)
		}
		h.plan(s.t0, s.t1, s.n0+s.t0)
	case phaseEnd:
		h.endPass()
		if s.t1 == s.m {
			h.finish(s.out, s.n0+s.m, s.m)
		}
	}
}

// splitTask runs task i of the pass: one split of one head, or a joint
// pass.
func (l *Layer) splitTask(i int) {
	t := l.run.tasks[i]
	if t.s < 0 {
		l.heads[t.h].runJoint()
		return
	}
	l.heads[t.h].runSplit(int(t.s))
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

// each runs fn for every KV head, spread over the cache's workers.
func (l *Layer) each(fn func(h *head)) {
	l.work.run(&l.run.job, len(l.heads), func(i int) { fn(l.heads[i]) })
}

// checkInput checks the lengths and values of a call's arguments for n
// tokens; a nil q or out (Append) is not checked.
func (l *Layer) checkInput(call string, q, k, v, out []float32, n int) error {
	c := l.cfg
	pq, pkv := c.QueryHeads*c.HeadDim, c.KVHeads*c.HeadDim // per token; n×per may not fit an int on 32-bit platforms
	// Append's q may be nil, and it has no out.
	optional := call == "Append"
	check := func(name string, x []float32, per int, opt bool) error {
		if opt && x == nil || len(x)%per == 0 && len(x)/per == n {
			return nil
		}
		return fmt.Errorf("%w: %s of %d tokens needs len(%s) = %d × %d, got %d", ErrInput, call, n, name, n, per, len(x))
	}
	for _, err := range []error{check("q", q, pq, optional), check("k", k, pkv, false), check("v", v, pkv, false), check("out", out, pq, optional)} {
		if err != nil {
			return err
		}
	}
	if err := checkValues(call, "q", q, MaxValue); err != nil {
		return err
	}
	// Every head's tiers have the same limits: those of the first.
	h := l.heads[0]
	keyLim, valLim := h.imp.klim, h.imp.vlim
	if h.imp.balanced {
		keyLim = limitOf(h.imp.key) // checked once balanced (checkBalanced, the freeze)
	}
	if !l.pol.Evict {
		if h.ret.balanced {
			keyLim = min(keyLim, limitOf(h.ret.key))
		} else {
			keyLim = min(keyLim, h.ret.klim)
		}
		valLim = min(valLim, h.ret.vlim)
	}
	if err := checkValues(call, "k", k, keyLim); err != nil {
		return err
	}
	if err := checkValues(call, "v", v, valLim); err != nil {
		return err
	}
	return l.checkBalanced(call, k)
}

// checkBalanced reports a key that a frozen balancer would push beyond
// what a balanced tier stores: stored as k ⊙ b, it would be clamped.
// Keys seen before the balancer freezes are covered by the freeze, which
// caps b for them.
func (l *Layer) checkBalanced(call string, k []float32) error {
	d, kvh := l.cfg.HeadDim, l.cfg.KVHeads
	for _, h := range l.heads {
		t := &h.imp
		if !t.balanced {
			t = &h.ret
		}
		if !t.balanced || (t == &h.ret && l.pol.Evict) {
			continue
		}
		lim, what := t.klim, "a balanced key can hold"
		if t.rotKeys {
			what = "a balanced key can hold before its rotation"
		}
		for r := 0; r < len(k)/(kvh*d); r++ {
			row := k[(r*kvh+h.index)*d:][:d]
			if c, y := h.bal.exceeds(row, lim); c >= 0 {
				return fmt.Errorf("%w: %s: token %d, KV head %d, key channel %d: %v × balancer %v = %v exceeds the ±%v %s (the balancer was fixed by the keys and queries before it)", ErrInput, call, r, h.index, c, row[c], h.bal.b[c], y, lim, what)
			}
		}
	}
	return nil
}

// checkValues reports the first value of x that is NaN or beyond ±lim.
func checkValues(call, name string, x []float32, lim float32) error {
	if lim >= 0 && lowbit.WithinLimit(x, lim) {
		return nil
	}
	for i, v := range x {
		if !(v >= -lim && v <= lim) {
			why := ""
			if lim < lowbit.MaxF16 {
				why = ": a rotated tier stores at most ±65504/√B per value, B the rotation's block"
			}
			return fmt.Errorf("%w: %s: %s[%d] = %v cannot be stored (finite, |x| <= %v)%s", ErrInput, call, name, i, v, lim, why)
		}
	}
	return nil
}
