package llama2c

import (
	"fmt"
	"math"
)

// BOS is the token every sequence starts with.
const BOS = 1

// Session is one sequence being run through a model: its KV caches (one
// Attention per layer) and scratch buffers. A session is used by one
// goroutine at a time; run several sessions to use several cores. After an
// error from Prefill or Decode the caches may hold part of the step: start
// a new session.
type Session struct {
	m      *Model
	att    []Attention
	pos    int
	buf    buffers
	bufCap int // tokens the buffers hold
}

type buffers struct {
	x, xb, q, k, v, att, qkv, h13, hb, pad, rope []float32
}

// NewSession starts an empty sequence whose layers attend through att, one
// Attention per layer, each empty: Exact(m.Config), or MiKV(cache) for a
// mikv cache.
func (m *Model) NewSession(att []Attention) (*Session, error) {
	if len(att) != m.Layers {
		return nil, fmt.Errorf("llama2c: %d attention layers for a model of %d layers", len(att), m.Layers)
	}
	return &Session{m: m, att: att}, nil
}

// Pos returns the number of tokens the session has seen.
func (s *Session) Pos() int { return s.pos }

// Attention returns layer l's attention (its cache), for statistics.
func (s *Session) Attention(l int) Attention { return s.att[l] }

// Prefill runs the tokens through the model, attending with each layer's
// Prefill (a mikv layer takes one Prefill, at the start of the sequence). logits may be nil, hold Vocab values (the next-token logits
// after the last token) or len(tokens)×Vocab values (after every token).
func (s *Session) Prefill(tokens []int, logits []float32) error {
	return s.forward(tokens, logits, true)
}

// Decode runs one token through the model, attending with each layer's
// Decode, and writes the next-token logits (Vocab values; nil to skip the
// classifier).
func (s *Session) Decode(token int, logits []float32) error {
	return s.forward([]int{token}, logits, false)
}

func (s *Session) forward(tokens []int, logits []float32, prefill bool) error {
	m, c := s.m, s.m.Config
	n := len(tokens)
	switch {
	case n == 0:
		return fmt.Errorf("llama2c: no tokens")
	case s.pos+n > c.SeqLen:
		return fmt.Errorf("llama2c: %d tokens after %d exceed the context of %d", n, s.pos, c.SeqLen)
	case logits != nil && len(logits) != c.Vocab && len(logits) != n*c.Vocab:
		return logitsError(len(logits), n, c.Vocab)
	}
	for _, t := range tokens {
		if t < 0 || t >= c.Vocab {
			return fmt.Errorf("llama2c: token %d outside the vocabulary of %d", t, c.Vocab)
		}
	}
	s.grow(n)
	b := &s.buf
	d, kvd, hid := c.Dim, c.KVDim(), c.Hidden
	x := b.x[:n*d]
	for t, tok := range tokens {
		copy(x[t*d:(t+1)*d], m.embedding[tok*d:(tok+1)*d])
	}
	xb, att := b.xb[:n*d], b.att[:n*d]
	q, k, v := b.q[:n*d], b.k[:n*kvd], b.v[:n*kvd]
	qkvw := d + 2*kvd
	for l, ly := range m.layers {
		rmsNorm(xb, x, ly.rmsAtt, n)
		ly.qkv.apply(b.qkv, xb, n, b.pad)
		for t := 0; t < n; t++ {
			row := b.qkv[t*qkvw : (t+1)*qkvw]
			copy(q[t*d:(t+1)*d], row[:d])
			copy(k[t*kvd:(t+1)*kvd], row[d:d+kvd])
			copy(v[t*kvd:(t+1)*kvd], row[d+kvd:])
			s.rope(q[t*d:(t+1)*d], k[t*kvd:(t+1)*kvd], s.pos+t)
		}
		var err error
		if prefill {
			err = s.att[l].Prefill(q, k, v, n, att)
		} else {
			err = s.att[l].Decode(q, k, v, att)
		}
		if err != nil {
			return &layerError{layer: l, err: err}
		}
		ly.wo.apply(xb, att, n, b.pad)
		addTo(x, xb)

		rmsNorm(xb, x, ly.rmsFFN, n)
		ly.w13.apply(b.h13, xb, n, b.pad)
		hb := b.hb[:n*hid]
		for t := 0; t < n; t++ {
			h1, h3 := b.h13[t*2*hid:t*2*hid+hid], b.h13[t*2*hid+hid:(t+1)*2*hid]
			for i := range hid {
				hb[t*hid+i] = silu(h1[i]) * h3[i]
			}
		}
		ly.w2.apply(xb, hb, n, b.pad)
		addTo(x, xb)
	}
	s.pos += n
	if logits == nil {
		return nil
	}
	first := 0
	if len(logits) == c.Vocab {
		first = n - 1 // only the last token's logits
	}
	rmsNorm(xb[:(n-first)*d], x[first*d:], m.rmsFinal, n-first)
	m.classifier.apply(logits, xb, n-first, b.pad)
	return nil
}

// grow sizes the scratch buffers for n tokens per call.
func (s *Session) grow(n int) {
	if n <= s.bufCap {
		return
	}
	c, m := s.m.Config, s.m
	d, kvd, hid := c.Dim, c.KVDim(), c.Hidden
	maxCols := m.classifier.cols
	for _, ly := range m.layers {
		maxCols = max(maxCols, ly.qkv.cols, ly.wo.cols, ly.w13.cols, ly.w2.cols)
	}
	s.buf = buffers{
		x: make([]float32, n*d), xb: make([]float32, n*d), att: make([]float32, n*d),
		q: make([]float32, n*d), k: make([]float32, n*kvd), v: make([]float32, n*kvd),
		qkv: make([]float32, n*(d+2*kvd)), h13: make([]float32, n*2*hid), hb: make([]float32, n*hid),
		pad: make([]float32, n*maxCols), rope: make([]float32, c.HeadDim()),
	}
	s.bufCap = n
}

// rope rotates each pair (2i, 2i+1) of every head of q and k by the angle
// pos·10000^(-2i/HeadDim), as llama2.c does.
func (s *Session) rope(q, k []float32, pos int) {
	hd := s.m.HeadDim()
	cs := s.buf.rope // cos, sin of each pair
	for i := 0; i < hd; i += 2 {
		angle := float64(pos) * math.Pow(10000, -float64(i)/float64(hd))
		cs[i], cs[i+1] = float32(math.Cos(angle)), float32(math.Sin(angle))
	}
	for _, vec := range [][]float32{q, k} {
		for h := 0; h < len(vec); h += hd {
			for i := 0; i < hd; i += 2 {
				c, sn := cs[i], cs[i+1]
				v0, v1 := vec[h+i], vec[h+i+1]
				vec[h+i] = v0*c - v1*sn
				vec[h+i+1] = v0*sn + v1*c
			}
		}
	}
}

// rmsNorm sets each of the n rows of y to the row of x divided by its root
// mean square (plus 1e-5) and multiplied by w.
func rmsNorm(y, x, w []float32, n int) {
	d := len(w)
	for t := 0; t < n; t++ {
		row := x[t*d : (t+1)*d]
		var ss float64
		for _, v := range row {
			ss += float64(v) * float64(v)
		}
		inv := float32(1 / math.Sqrt(ss/float64(d)+1e-5))
		for i, v := range row {
			y[t*d+i] = w[i] * (inv * v)
		}
	}
}

func addTo(x, y []float32) {
	for i := range x {
		x[i] += y[i]
	}
}

// silu is x·sigmoid(x).
func silu(x float32) float32 { return float32(float64(x) / (1 + math.Exp(-float64(x)))) }

// Truncater is an Attention that can drop its tokens at position n and
// later (a *mikv.Layer is one).
type Truncater interface {
	Truncate(n int) error
}

// Truncate drops the tokens at positions n and later from every layer's
// cache (rejected speculative drafts), so that the next token is at
// position n. Every layer's Attention must be a Truncater. After an error
// the caches may disagree: start a new session.
func (s *Session) Truncate(n int) error {
	if n < 0 || n > s.pos {
		return fmt.Errorf("llama2c: truncate to %d tokens a session of %d", n, s.pos)
	}
	for l, a := range s.att {
		t, ok := a.(Truncater)
		if !ok {
			return fmt.Errorf("llama2c: layer %d's attention cannot truncate", l)
		}
		if err := t.Truncate(n); err != nil {
			return fmt.Errorf("llama2c: layer %d: %w", l, err)
		}
	}
	s.pos = n
	return nil
}

// Fork returns a new session at this session's position whose layers
// attend through att: copies of this session's caches (a mikv Cache's
// Clone, for prompt reuse or branches).
func (s *Session) Fork(att []Attention) (*Session, error) {
	f, err := s.m.NewSession(att)
	if err != nil {
		return nil, err
	}
	f.pos = s.pos
	return f, nil
}
