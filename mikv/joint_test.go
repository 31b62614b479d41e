package mikv

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// A joint pass computes what the split passes compute, up to float32
// rounding: over random configurations (tiers of 2- to 8-bit codes,
// windows, sinks, soft caps, Evict, int8 queries, rotations, pages of 1 to
// 256 tokens), with Prefill, Decode and DecodeBatch, the outputs of the
// two agree within 2e-5 (the outputs are of order 1; 1e-3 with int8
// weights, whose rounding to 8 bits may go the other way by a float32
// rounding of weights normalized otherwise, a step of 1/127 of a block's
// largest weight), and the heads end up holding the same tokens in the
// same tiers.
func TestJointPassMatchesSplitPass(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 4))
	for trial := range 24 {
		cfg := randomConfig(rng)
		if rng.IntN(3) == 0 {
			cfg = cfg.WithLayers(func(_ int, p *LayerPolicy) { p.SoftCap = 3 })
		}
		prefill := []int{0, 1, 30}[rng.IntN(3)]
		sizes := [][]int{{1}, {1, 3, 1, 9}}[rng.IntN(2)]
		s := randomSeq(rng, prefill+90, cfg.QueryHeads, cfg.KVHeads, cfg.HeadDim)
		t.Run(fmt.Sprintf("%d/%s/page%d", trial, cfg, cfg.PageSize), func(t *testing.T) {
			joint := newTestCache(t, cfg).Layer(0)
			want := runCalls(t, joint, s, prefill, sizes)
			splitPasses(t)
			split := newTestCache(t, cfg).Layer(0)
			got := runCalls(t, split, s, prefill, sizes)
			tol := 2e-5
			if cfg.Int8Weights {
				tol = 1e-3
			}
			for i := range want {
				require.Less(t, maxAbsErr(got[i], float64s(want[i])), tol, "token %d", i)
			}
			require.Equal(t, heldPositions(joint), heldPositions(split))
		})
	}
}

// heldPositions returns the positions each head of l holds in each tier,
// in slot order.
func heldPositions(l *Layer) [][2][]int32 {
	var p [][2][]int32
	for _, h := range l.heads {
		p = append(p, [2][]int32{positions(&h.imp), positions(&h.ret)})
	}
	return p
}

// float64s returns x in float64.
func float64s(x []float32) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}
