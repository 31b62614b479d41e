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

// observeMax folds per-channel maxima of |q| and |k| (as observe would
// find them over some rows) into the maxima; after freeze it does nothing.
func (b *balancer) observeMax(maxQ, maxK []float32) {
	if b.frozen {
		return
	}
	for c := range b.maxQ {
		b.maxQ[c] = max(b.maxQ[c], maxQ[c])
		b.maxK[c] = max(b.maxK[c], maxK[c])
	}
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
// maximum on either side gets b = 1. b is also capped so that every key
// seen so far stays within lim (the largest value the balanced format
// stores) once balanced: maxK_c · b_c <= lim. Later keys are checked
// against b before they are stored (exceeds).
func (b *balancer) freeze(lim float32) {
	if b.frozen {
		return
	}
	b.frozen = true
	d := len(b.maxQ)
	b.b, b.inv = make([]float32, d), make([]float32, d)
	for c := range d {
		f := 1.0
		q, k := float64(b.maxQ[c]), float64(b.maxK[c])
		if q > 0 && k > 0 {
			f = min(max(math.Sqrt(q/k), minBalance), maxBalance)
		}
		if k > 0 {
			f = min(f, float64(lim)/k)
		}
		f32 := float32(f)
		for k > 0 && float64(b.maxK[c]*f32) > float64(lim) { // float32 rounding of the product
			f32 = math.Nextafter32(f32, 0)
			f = float64(f32)
		}
		b.b[c], b.inv[c] = f32, float32(1/f)
	}
}

// exceeds returns the first channel c of the key rows k (each of the
// balancer's dimension) with |k_c · b_c| > lim, and that product, once the
// balancer is frozen; -1 if there is none or it is not frozen.
func (b *balancer) exceeds(k []float32, lim float32) (int, float32) {
	if !b.frozen {
		return -1, 0
	}
	d := len(b.b)
	for r := 0; r+d <= len(k); r += d {
		for c, x := range k[r : r+d] {
			if y := x * b.b[c]; !(y >= -lim && y <= lim) {
				return c, y
			}
		}
	}
	return -1, 0
}

// reset forgets everything.
func (b *balancer) reset() {
	clear(b.maxQ)
	clear(b.maxK)
	b.frozen, b.b, b.inv = false, nil, nil
}

// abs32 returns |v|.
func abs32(v float32) float32 { return math.Float32frombits(math.Float32bits(v) &^ (1 << 31)) }
