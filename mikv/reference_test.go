package mikv

import "math"

// variant is the attention variant of the float64 reference: the fields of
// a LayerPolicy that change what attention computes.
type variant struct {
	scale   float64   // 0: 1/sqrt(dim)
	softCap float64   // 0: none
	sinks   []float32 // per query head; nil: none
	window  int       // 0: every earlier token
}

func (v variant) of(p LayerPolicy) variant {
	return variant{scale: p.Scale, softCap: p.SoftCap, sinks: p.SinkLogits, window: p.Window}
}

// refAttention returns, in float64, the attention output of query t (every
// query head) of s over the keys and values it sees under variant o.
func refAttention(s *seq, t int, o variant) []float64 {
	d, g := s.dim, s.qHeads/s.kvHeads
	out := make([]float64, s.qHeads*d)
	scale := o.scale
	if scale == 0 {
		scale = 1 / math.Sqrt(float64(d))
	}
	lo := 0
	if o.window > 0 {
		lo = max(0, t-o.window+1)
	}
	w := make([]float64, t+1)
	for hq := range s.qHeads {
		hk := hq / g
		q := s.q[(t*s.qHeads+hq)*d:][:d]
		m := math.Inf(-1)
		for i := lo; i <= t; i++ {
			k := s.k[(i*s.kvHeads+hk)*d:][:d]
			var dot float64
			for c := range d {
				dot += float64(q[c]) * float64(k[c])
			}
			w[i] = dot * scale
			if o.softCap > 0 {
				w[i] = o.softCap * math.Tanh(w[i]/o.softCap)
			}
			m = max(m, w[i])
		}
		if o.sinks != nil {
			m = max(m, float64(o.sinks[hq]))
		}
		var sum float64
		for i := lo; i <= t; i++ {
			w[i] = math.Exp(w[i] - m)
			sum += w[i]
		}
		if o.sinks != nil {
			sum += math.Exp(float64(o.sinks[hq]) - m)
		}
		o := out[hq*d : (hq+1)*d]
		for i := lo; i <= t; i++ {
			v := s.v[(i*s.kvHeads+hk)*d:][:d]
			for c := range d {
				o[c] += w[i] / sum * float64(v[c])
			}
		}
	}
	return out
}

// concat returns the first n tokens of a followed by every token of b.
func concat(a *seq, n int, b *seq) *seq {
	q, k, v := a.prefix(n)
	return &seq{
		qHeads: a.qHeads, kvHeads: a.kvHeads, dim: a.dim,
		q: append(append([]float32(nil), q...), b.q...),
		k: append(append([]float32(nil), k...), b.k...),
		v: append(append([]float32(nil), v...), b.v...),
	}
}

// span returns the rows of tokens [i, j) of s.
func (s *seq) span(i, j int) (q, k, v []float32) {
	nq, nkv := s.qHeads*s.dim, s.kvHeads*s.dim
	return s.q[i*nq : j*nq], s.k[i*nkv : j*nkv], s.v[i*nkv : j*nkv]
}
