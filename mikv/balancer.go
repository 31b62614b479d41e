package mikv

import "math"

// The balancer factors are clamped to [minBalance, maxBalance], so that a
// channel whose queries (or keys) are all but zero cannot push the other
// side's values out of range.
const (
	minBalance = 1.0 / 1024
	maxBalance = 1024
)

// balancer is the outlier-aware channel balancer of one KV head (the paper's
// eqs. 2-4): b_c = sqrt(max_t |q_t,c| / max_t |k_t,c|), with the queries of
// every query head of the group pooled. It tracks the maxima until the first
// key is stored in a quantized format, then freezes b: every quantized key
// is stored as Quant(k ⊙ b) and read with q ⊘ b.
type balancer struct {
	maxQ, maxK []float32 // running maxima per channel, until frozen
	frozen     bool
	b, inv     []float32 // b and 1/b once frozen
}

func newBalancer(dim int) balancer {
	return balancer{maxQ: make([]float32, dim), maxK: make([]float32, dim)}
}

// observe folds rows of queries q and keys k (each a multiple of dim
// values) into the maxima; after freeze it does nothing.
func (b *balancer) observe(q, k []float32) {
	if b.frozen {
		return
	}
	maxAbs(b.maxQ, q)
	maxAbs(b.maxK, k)
}

// maxAbs sets m[c] = max(m[c], |x[r*len(m)+c]|) over the rows r of x.
func maxAbs(m, x []float32) {
	d := len(m)
	for r := 0; r+d <= len(x); r += d {
		row := x[r : r+d]
		for c, v := range row {
			m[c] = max(m[c], abs32(v))
		}
	}
}

// freeze fixes b from the maxima seen so far. A channel with a zero
// maximum on either side gets b = 1.
func (b *balancer) freeze() {
	if b.frozen {
		return
	}
	b.frozen = true
	d := len(b.maxQ)
	b.b, b.inv = make([]float32, d), make([]float32, d)
	for c := range d {
		f := 1.0
		if q, k := float64(b.maxQ[c]), float64(b.maxK[c]); q > 0 && k > 0 {
			f = min(max(math.Sqrt(q/k), minBalance), maxBalance)
		}
		b.b[c], b.inv[c] = float32(f), float32(1/f)
	}
}

// reset forgets everything.
func (b *balancer) reset() {
	clear(b.maxQ)
	clear(b.maxK)
	b.frozen, b.b, b.inv = false, nil, nil
}

// abs32 returns |v|.
func abs32(v float32) float32 { return math.Float32frombits(math.Float32bits(v) &^ (1 << 31)) }
