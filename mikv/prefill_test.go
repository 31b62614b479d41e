package mikv

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refImportance returns, in float64, the attention each key of s's KV head
// hk receives over a prompt of all of s's tokens: the probability summed
// over every query and query head of the group (Prefill's H2O importance).
func refImportance(s *seq, hk int, o variant) []float64 {
	n, d, g := s.len(), s.dim, s.qHeads/s.kvHeads
	acc := make([]float64, n)
	for t := range n {
		lo := 0
		if o.window > 0 {
			lo = max(0, t-o.window+1)
		}
		for hq := hk * g; hq < (hk+1)*g; hq++ {
			q := s.q[(t*s.qHeads+hq)*d:][:d]
			w := make([]float64, t+1)
			m := math.Inf(-1)
			for i := lo; i <= t; i++ {
				k := s.k[(i*s.kvHeads+hk)*d:][:d]
				var dot float64
				for c := range d {
					dot += float64(q[c]) * float64(k[c])
				}
				w[i] = dot / math.Sqrt(float64(d))
				m = max(m, w[i])
			}
			var sum float64
			for i := lo; i <= t; i++ {
				w[i] = math.Exp(w[i] - m)
				sum += w[i]
			}
			for i := lo; i <= t; i++ {
				acc[i] += w[i] / sum
			}
		}
	}
	return acc
}

// TestPrefillImportanceAndBalancer: after Prefill (Ratio 1, so every token
// keeps its score), each token's score is the float64 importance within
// float32 rounding (relative 1e-4: the scores' float32 error on unit-normal
// data, and each block's float32 partial sums), and the balancer holds the
// exact per-channel maxima of |q| (the group's heads pooled) and |k|.
func TestPrefillImportanceAndBalancer(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for _, shape := range []struct{ q, kv, dim, n int }{{6, 2, 32, 300}, {4, 1, 128, 200}, {3, 3, 8, 70}} {
		t.Run(fmt.Sprintf("q%d-kv%d-d%d-n%d", shape.q, shape.kv, shape.dim, shape.n), func(t *testing.T) {
			s := randomSeq(rng, shape.n, shape.q, shape.kv, shape.dim)
			cfg := DefaultConfig(1, shape.kv, shape.q, shape.dim)
			cfg.Ratio = 1
			l := newTestCache(t, cfg).Layer(0)
			out := make([]float32, len(s.q))
			require.NoError(t, l.Prefill(s.q, s.k, s.v, shape.n, out))
			g, d := shape.q/shape.kv, shape.dim
			for hk, h := range l.heads {
				want := refImportance(s, hk, variant{})
				seen := 0
				for pi, p := range h.imp.pages {
					for i := 0; i < p.capacity() && pi*h.imp.pageSize+i < h.imp.n; i++ {
						pos := p.pos[i]
						got := h.imp.score[pi*h.imp.pageSize+i]
						assert.InDelta(t, want[pos], got, 1e-4*want[pos]+1e-30, "head %d token %d", hk, pos)
						seen++
					}
				}
				assert.Equal(t, shape.n, seen)

				// The balancer's statistics (tracked whether or not a tier
				// is balanced: here the retained tier would be).
				maxQ, maxK := make([]float32, d), make([]float32, d)
				for tk := range shape.n {
					for c := range d {
						maxK[c] = max(maxK[c], abs32(s.k[(tk*shape.kv+hk)*d+c]))
						for hq := hk * g; hq < (hk+1)*g; hq++ {
							maxQ[c] = max(maxQ[c], abs32(s.q[(tk*shape.q+hq)*d+c]))
						}
					}
				}
				if h.balances() {
					assert.Equal(t, maxQ, h.bal.maxQ, "head %d", hk)
					assert.Equal(t, maxK, h.bal.maxK, "head %d", hk)
				}
			}
		})
	}
}

// TestPrefillWorkersBitIdentical: Prefill spreads a head's query blocks
// over Workers goroutines and adds their importance in a fixed order, so
// any number of workers gives the same bits: outputs, and every head
// (tiers, scores, balancer) as MarshalBinary writes it.
func TestPrefillWorkersBitIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	const n = 700
	s := randomSeq(rng, n, 8, 2, 64)
	for _, window := range []int{0, 150} {
		var wantOut []float32
		var wantBin []byte
		for _, w := range []int{0, 1, 2, 3, 7} {
			cfg := DefaultConfig(1, 2, 8, 64)
			cfg.Workers, cfg.Window = w, window
			c := newTestCache(t, cfg)
			out := make([]float32, len(s.q))
			require.NoError(t, c.Layer(0).Prefill(s.q, s.k, s.v, n, out))
			var bin []byte
			for _, h := range c.Layer(0).heads {
				bin = h.appendTo(bin)
			}
			if wantOut == nil {
				wantOut, wantBin = out, bin
				continue
			}
			require.Equal(t, bits([][]float32{wantOut}), bits([][]float32{out}), "window %d, workers %d: outputs", window, w)
			require.True(t, bytes.Equal(wantBin, bin), "window %d, workers %d: the heads differ", window, w)
		}
	}
}

// TestPrefillBlocksOrder: merges run one at a time, latest block first,
// each after its own work, for any number of workers.
func TestPrefillBlocksOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 5, 40} {
		for _, nb := range []int{1, 2, 9, 33} {
			done := make([]bool, nb)
			var order []int
			prefillBlocks(workers, nb, func(w, b int) {
				assert.Less(t, w, max(1, workers))
				done[b] = true
			}, func(w, b int) {
				assert.True(t, done[b], "block %d merged before its work", b)
				order = append(order, b)
			})
			want := make([]int, nb)
			for i := range want {
				want[i] = nb - 1 - i
			}
			assert.Equal(t, want, order, "workers %d, %d blocks", workers, nb)
		}
	}
}

// TestPrefillBuffersReused: a prefill that takes its attention buffers
// from the pool (prefillPool) gives the same bits as one on new buffers
// (outputs, and the heads as appendTo writes them: tiers, scores,
// balancer), after prefills of other parameters (a window, a soft cap, a
// scale, a longer prompt) or of other queries left theirs there: buffers
// are reused for the same parameters only, and their sums and max|q|
// start from zero.
func TestPrefillBuffersReused(t *testing.T) {
	// No collection empties the pool during the test.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	rng := rand.New(rand.NewPCG(43, 44))
	const n, dim = 150, 32
	s := randomSeq(rng, n+20, 4, 1, dim)
	q2 := make([]float32, len(s.q))
	for i, x := range s.q {
		q2[i] = 2 * x
	}
	type prefillCase struct {
		cfg Config
		n   int
		q   []float32
	}
	cases := make([]prefillCase, 6)
	for i := range cases {
		cases[i] = prefillCase{DefaultConfig(1, 1, 4, dim), n, s.q}
		cases[i].cfg.Workers = 1 + i%2
	}
	cases[1].cfg.Window = 40
	cases[2].cfg.SoftCap = 3
	cases[3].cfg.Scale = 0.1
	cases[4].n = n + 20
	cases[5].q = q2
	run := func(c prefillCase) []byte {
		l := newTestCache(t, c.cfg).Layer(0)
		out := make([]float32, c.n*4*dim)
		require.NoError(t, l.Prefill(c.q[:c.n*4*dim], s.k[:c.n*dim], s.v[:c.n*dim], c.n, out))
		var bin []byte
		for _, x := range out {
			bin = binary.LittleEndian.AppendUint32(bin, math.Float32bits(x))
		}
		for _, h := range l.heads {
			bin = h.appendTo(bin)
		}
		return bin
	}
	fresh := make([][]byte, len(cases))
	for i, c := range cases {
		prefillPool = sync.Pool{}
		fresh[i] = run(c)
	}
	for i := range cases {
		for j := range cases {
			for _, k := range []int{j, i} {
				require.True(t, bytes.Equal(fresh[k], run(cases[k])), "case %d (cases %d, then %d): not as on new buffers", k, j, i)
			}
		}
	}
}
