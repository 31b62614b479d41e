package mikv

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
)

// With Ratio 1 every token stays in the important tier, so the cache is a
// full-precision cache: in float32 its outputs match float64 attention up
// to float32 rounding (max abs error 5e-6 on unit-normal data, about 40 ulp
// of the outputs' scale); in fp16 up to fp16 rounding of the
// keys and values (relative error 2e-3). Prefill and Decode both, MHA and
// GQA, page boundaries crossed, prompts shorter and longer than a prefill
// key tile.
func TestFullPrecisionIsExact(t *testing.T) {
	if raceDetector {
		t.Skip("single-goroutine figures: run without -race")
	}
	for _, shape := range []struct{ q, kv, dim, n, prompt int }{{4, 4, 64, 150, 40}, {8, 2, 32, 150, 40}, {6, 3, 128, 150, 40}, {1, 1, 8, 150, 40}, {2, 1, 8, 700, 600}} {
		for _, f := range []lowbit.Format{lowbit.F32, lowbit.F16} {
			t.Run(fmt.Sprintf("q%d-kv%d-d%d-n%d-%s", shape.q, shape.kv, shape.dim, shape.n, f), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(1, uint64(shape.dim)))
				s := randomSeq(rng, shape.n, shape.q, shape.kv, shape.dim)
				cfg := fullConfig(shape.q, shape.kv, shape.dim, f)
				cfg.PageSize = 16
				l := newTestCache(t, cfg).Layer(0)
				outs := runSeq(t, l, s, shape.prompt)
				var worstAbs, worstRel float64
				for i, out := range outs {
					want := exactAttention(s, i)
					worstAbs = max(worstAbs, maxAbsErr(out, want))
					worstRel = max(worstRel, relErr(out, want))
				}
				t.Logf("max abs error %.3g, max relative error %.3g", worstAbs, worstRel)
				if f == lowbit.F32 {
					assert.Less(t, worstAbs, 5e-6)
				} else {
					assert.Less(t, worstRel, 2e-3)
				}
				st := l.Stats()
				assert.Equal(t, shape.n*shape.kv, st.Important)
				assert.Zero(t, st.Retained)
			})
		}
	}
}
