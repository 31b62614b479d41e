package mikv

import (
	"math"
	"math/rand/v2"
)

// outlierChannels are the key channels that carry outliers in the synthetic
// data, with their magnitudes (10-50× the other channels), spread over both
// RoPE halves of a head of 128.
var outlierChannels = []struct {
	c   int
	mag float32
}{{3, 10}, {37, 50}, {70, 20}, {101, 35}}

// pattern sets the logits of the synthetic attention: boosts on top of
// normal noise.
type pattern struct {
	sink   float64 // token 0, for every query
	heavy  float64 // the heavy hitters (1% of tokens), for every later query
	local  float64 // the 8 tokens before a query
	lookup float64 // one prompt token drawn at random, for each query after the prompt
	noise  float64 // standard deviation of the query's noise, in logits
}

// retrieval is the situation of the paper's Line Retrieval benchmark: the
// prompt attends to a sink, a few heavy hitters and its recent tokens, and
// each later query looks up one prompt token that nothing looked at before.
var retrieval = pattern{sink: 8, heavy: 3, local: 3, lookup: 10, noise: 1}

// noLookups is the same without the lookups: every query attends to what
// the prompt attended to.
var noLookups = pattern{sink: 8, heavy: 3, local: 3, noise: 1}

func outlierSeq(rng *rand.Rand, pat pattern, prompt, n, qHeads, kvHeads, dim int) *seq {
	s := &seq{qHeads: qHeads, kvHeads: kvHeads, dim: dim}
	s.q = make([]float32, n*qHeads*dim)
	s.k = make([]float32, n*kvHeads*dim)
	s.v = normals(rng, n*kvHeads*dim, 1)
	g := qHeads / kvHeads
	isOutlier := make([]bool, dim)
	for _, o := range outlierChannels {
		isOutlier[o.c] = true
	}
	sd := math.Sqrt(float64(dim))
	for h := range kvHeads {
		z := make([][]float32, n) // the keys' ordinary channels
		var heavy []int
		for range max(1, n/100) {
			heavy = append(heavy, 1+rng.IntN(n-1))
		}
		for t := range n {
			k := s.k[(t*kvHeads+h)*dim:][:dim]
			z[t] = make([]float32, dim)
			for c := range k {
				if !isOutlier[c] {
					z[t][c] = float32(rng.NormFloat64())
					k[c] = z[t][c]
				}
			}
			for _, o := range outlierChannels {
				k[o.c] = o.mag * (1 + 0.05*float32(rng.NormFloat64()))
			}
			// The query's targets and their logits.
			target := map[int]float64{0: pat.sink}
			for _, i := range heavy {
				if i <= t {
					target[i] += pat.heavy
				}
			}
			for i := max(0, t-8); i < t; i++ {
				target[i] += pat.local
			}
			if t >= prompt && pat.lookup != 0 {
				target[rng.IntN(prompt)] += pat.lookup
			}
			for j := range g {
				q := s.q[(t*qHeads+h*g+j)*dim:][:dim]
				for c := range q {
					sdq := 1.0
					if isOutlier[c] {
						sdq = 0.5
					}
					q[c] = float32(rng.NormFloat64() * sdq * pat.noise)
				}
				for i, lg := range target {
					var nn float64
					for _, x := range z[i] {
						nn += float64(x) * float64(x)
					}
					f := float32(lg * sd / nn)
					for c, x := range z[i] {
						q[c] += f * x
					}
				}
			}
		}
	}
	return s
}

func normals(rng *rand.Rand, n int, sd float64) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64() * sd)
	}
	return x
}
