//go:build gc && !purego

package lowbit

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAVX512AddWeightedSpanShapes runs AddWeighted on the shapes of the span
// kernels against float64: 2-, 4- and 8-bit codes (plain and symmetric) in
// every group of 64 or more that divides rows of 64, 128, 192 and 256 values,
// 2-, 4- and 8-bit codes in groups of 32 on rows of 64 and 128, and fp16 rows; 2 to 8 and 12 weight rows; 16 to 1100 rows, with a last
// partial block and several chunks.
func TestAVX512AddWeightedSpanShapes(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(71, 72))
	var formats []Format
	for _, bits := range []int{2, 4, 8} {
		for _, g := range []int{64, 128, 192, 256} {
			formats = append(formats, Quant(bits, g), SymQuant(bits, g))
		}
	}
	formats = append(formats, F16, Quant(2, 32), SymQuant(2, 32), Quant(4, 32), SymQuant(4, 32), Quant(8, 32), SymQuant(8, 32))
	for _, f := range formats {
		for _, cols := range []int{64, 128, 192, 256} {
			if f.Bits != 16 && cols%f.Group != 0 || f.Group == 32 && cols > 128 {
				continue
			}
			for _, n := range []int{16, 17, 31, 32, 47, 100} {
				for _, nq := range []int{2, 3, 4, 5, 6, 7, 8} {
					r, _ := quantizedRows(t, rng, f, n, cols)
					require.True(t, avx512SpanServes(r, nq), "%s rows of %d", f, cols)
					avx512CheckAddWeighted(t, im, rng, f, n, cols, nq)
				}
			}
			// More rows than a chunk holds.
			avx512CheckAddWeighted(t, im, rng, f, 1100, cols, 4)
			avx512CheckAddWeighted(t, im, rng, f, 529, cols, 12)
			avx512CheckAddWeighted(t, im, rng, f, 700, cols, 3)
		}
	}
}

// TestAVX512AddWeightedSpanOverflow: the span kernels' field sums are up to
// 64 (2-bit) or 16 (4-bit) times what they stand for, so a large finite
// result overflows them; AddWeighted must then still give that result.
func TestAVX512AddWeightedSpanOverflow(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(73, 74))
	for _, f := range []Format{Quant(2, 64), SymQuant(2, 64), Quant(4, 64), SymQuant(4, 128), Quant(2, 32), Quant(4, 32)} {
		const n, cols, nq = 33, 128, 8
		vals := make([]float32, n*cols)
		for k := range vals {
			vals[k] = 60000 * float32(rng.IntN(3)-1)
		}
		r, err := NewRows(f, n, cols)
		require.NoError(t, err)
		require.NoError(t, Generic().Quantize(r, vals))
		w := make([]float32, nq*n)
		for k := range w {
			w[k] = 1e32 * float32(rng.IntN(3)-1)
			if k < 4*n { // weight rows 0-3: sums far from overflow
				w[k] *= 1e-30
			}
		}
		var outBuf [4*avx512SpanOut + 16]float32
		out := avx512AlignFloats(outBuf[:])[:2*avx512SpanOut]
		require.False(t, avx512SpanSums(out, r, w, 4, 4), "%s: the sums of weight rows 4-7 should overflow", f)
		require.False(t, avx512Finite(out), "%s: the sums of weight rows 4-7 should overflow", f)
		require.False(t, avx512SpanSums(out, r, w, 5, 3), "%s: the sums of weight rows 5-7 should overflow", f)
		require.False(t, avx512SpanSums(out, r, w, 6, 2), "%s: the sums of weight rows 6-7 should overflow", f)
		require.True(t, avx512SpanSums(out, r, w[:4*n], 0, 4), "%s: weight rows 0-3", f)
		requireAddWeighted(t, im, randomValues(rng, nq*cols), r, w, "%s", f)
	}
}
