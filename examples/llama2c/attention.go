package llama2c

import (
	"fmt"
	"math"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
	"github.com/lowbit-ml/lowbit/tensor"
)

// Attention is one layer's KV cache together with the attention over it,
// the shape of *mikv.Layer: q holds Heads query rows of HeadDim values per
// token, k and v KVHeads rows per token, all row-major float32 with RoPE
// applied; out receives Heads rows per token. Scores are scaled by
// 1/sqrt(HeadDim), query head h reads KV head h/(Heads/KVHeads).
type Attention interface {
	// Prefill appends n tokens and writes their causal attention outputs.
	Prefill(q, k, v []float32, n int, out []float32) error
	// Decode appends one token and writes its attention output.
	Decode(q, k, v, out []float32) error
}

// Exact returns one float32 attention per layer of a model with config c,
// over caches that store keys and values unchanged in lowbit float32 rows
// (Dot for the scores, Softmax, AddWeighted for the output): the reference
// every compressed cache is measured against. Unlike a mikv layer it
// accepts any number of Prefill calls.
func Exact(c Config) []Attention {
	layers := make([]Attention, c.Layers)
	for l := range layers {
		a := &exactAttention{c: c}
		for range c.KVHeads {
			k, err := tensor.New(lowbit.F32, c.HeadDim())
			if err != nil {
				panic(err) // F32 takes any head dimension
			}
			v, _ := tensor.New(lowbit.F32, c.HeadDim())
			a.k, a.v = append(a.k, k), append(a.v, v)
		}
		layers[l] = a
	}
	return layers
}

// MiKVConfig returns cfg with its shape (Layers, KVHeads, QueryHeads,
// HeadDim) set to the model's; start from mikv.DefaultConfig or any other
// configuration.
func (c Config) MiKVConfig(cfg mikv.Config) mikv.Config {
	cfg.Layers, cfg.KVHeads, cfg.QueryHeads, cfg.HeadDim = c.Layers, c.KVHeads, c.Heads, c.HeadDim()
	return cfg
}

// MiKV returns the layers of a mikv cache as the attention of a session.
// Build the cache with mikv.New(model.MiKVConfig(cfg)).
func MiKV(cache *mikv.Cache) []Attention {
	layers := make([]Attention, cache.Config().Layers)
	for l := range layers {
		layers[l] = cache.Layer(l)
	}
	return layers
}

type exactAttention struct {
	c      Config
	k, v   []*tensor.Matrix // per KV head: one row per token
	scores []float32
	rowK   []float32
}

// Prefill appends n tokens and writes their causal attention outputs (see
// Attention).
func (a *exactAttention) Prefill(q, k, v []float32, n int, out []float32) error {
	c := a.c
	hd, kvd := c.HeadDim(), c.KVDim()
	if n <= 0 || len(q) != n*c.Dim || len(k) != n*kvd || len(v) != n*kvd || len(out) != n*c.Dim {
		return fmt.Errorf("llama2c: attention of %d tokens: q %d, k %d, v %d, out %d values", n, len(q), len(k), len(v), len(out))
	}
	for _, x := range [][]float32{q, k, v} {
		for i, val := range x {
			if math.IsNaN(float64(val)) || math.IsInf(float64(val), 0) {
				return fmt.Errorf("llama2c: attention input value %d is %v", i, val)
			}
		}
	}
	start := a.k[0].Rows()
	if cap(a.rowK) < n*hd {
		a.rowK = make([]float32, n*hd)
	}
	// Append every token first: token t then attends to rows [0, start+t].
	for g := 0; g < c.KVHeads; g++ {
		for _, side := range []struct {
			m *tensor.Matrix
			x []float32
		}{{a.k[g], k}, {a.v[g], v}} {
			buf := a.rowK[:n*hd]
			for t := 0; t < n; t++ {
				copy(buf[t*hd:(t+1)*hd], side.x[t*kvd+g*hd:])
			}
			if err := side.m.AppendRows(buf); err != nil {
				return err
			}
		}
	}
	for t := 0; t < n; t++ {
		a.attend(q[t*c.Dim:(t+1)*c.Dim], start+t+1, out[t*c.Dim:(t+1)*c.Dim])
	}
	return nil
}

// Decode appends one token and writes its attention output (see Attention).
func (a *exactAttention) Decode(q, k, v, out []float32) error { return a.Prefill(q, k, v, 1, out) }

// attend writes the output of the query heads q over the first n tokens.
func (a *exactAttention) attend(q []float32, n int, out []float32) {
	c := a.c
	hd, group := c.HeadDim(), c.Heads/c.KVHeads
	if cap(a.scores) < group*n {
		a.scores = make([]float32, group*n)
	}
	scores := a.scores[:group*n]
	scale := float32(1 / math.Sqrt(float64(hd)))
	clear(out)
	for g := 0; g < c.KVHeads; g++ {
		keys, _ := a.k[g].View(0, n)
		vals, _ := a.v[g].View(0, n)
		qg := q[g*group*hd : (g+1)*group*hd] // the query heads that read KV head g
		lowbit.Dot(scores, keys, qg)
		for j := range scores {
			scores[j] *= scale
		}
		for h := 0; h < group; h++ {
			lowbit.Softmax(scores[h*n : (h+1)*n])
		}
		lowbit.AddWeighted(out[g*group*hd:(g+1)*group*hd], vals, scores)
	}
}
