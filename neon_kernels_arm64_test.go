//go:build arm64 && gc && !purego

package lowbit

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// neonEdgeShapes are the shapes the neon passes and chunks turn on: one
// row, more rows than one unpack chunk holds, a row longer than a chunk
// (cut into pieces of groups), every width and both 8-bit DotQ8 paths, fp16
// and float32 with column tails.
func neonEdgeShapes() []struct {
	f       Format
	n, cols int
} {
	type shape = struct {
		f       Format
		n, cols int
	}
	return []shape{
		{Quant(4, 32), 1, 64}, {Quant(4, 32), 70, 128}, {SymQuant(3, 64), 5, 128}, {Quant(8, 32), 3, 96},
		{SymQuant(8, 128), 2, 256}, {Quant(7, 96), 4, 192}, {Quant(2, 256), 3, 256}, {Quant(5, 32), 2, 64},
		{SymQuant(6, 64), 3, 128}, {SymQuant(5, 32), 2, neonChunk + 64}, {F16, 3, 45}, {F32, 4, 67}, {F16, 1, 3},
		{Quant(4, 8), 5, 40}, {SymQuant(2, 16), 70, 144}, {Quant(3, 24), 3, 72}, {SymQuant(8, 40), 2, 80},
		{Quant(7, 48), 3, 96}, {Quant(2, 40), 2, 40}, {SymQuant(4, 8), 2, neonChunk + 8},
		{SymQuant(8, 8), 3, 56}, {Quant(8, 16), 2, 48}, {Quant(3, 8), 4, 24}, {SymQuant(5, 16), 5, neonChunk + 16},
		{Quant(4, neonChunk+8), 2, neonChunk + 8}, {SymQuant(7, 2*neonChunk), 1, 2 * neonChunk}, // groups over neonChunk
	}
}

// TestNEONCoversEveryGroup checks that the neon tiers run their own code
// for every kernel and code format with a group that is a multiple of 8,
// whatever LOWBIT_REQUIRE_ASM says.
func TestNEONCoversEveryGroup(t *testing.T) {
	for _, im := range []*Implementation{neonImpl, neonDotImpl} {
		for _, k := range Kernels() {
			for bits := 2; bits <= 8; bits++ {
				for g := 8; g <= 4*neonChunk; g += 8 {
					if g > 1024 && g%1024 != 0 && g != neonChunk+8 {
						continue
					}
					for _, f := range []Format{Quant(bits, g), SymQuant(bits, g)} {
						require.Equal(t, k != KernelAddWeightedQ8, im.Accelerated(k, f), "%s falls back to generic for %s on %s (AddWeightedQ8 is not yet in NEON)", im, k, f)
					}
				}
			}
		}
	}
}

// TestNEONQueryRows runs Dot, DotQ8 and AddWeighted with 1 to 9 query rows
// (passes of four and a remainder) on the edge shapes, against float64.
func TestNEONQueryRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 48))
	for _, im := range Implementations()[1:] {
		for _, s := range neonEdgeShapes() {
			r, _ := quantizedRows(t, rng, s.f, s.n, s.cols)
			for nq := 1; nq <= 9; nq++ {
				x := randomValues(rng, nq*s.cols)
				out := make([]float32, nq*s.n)
				im.Dot(out, r, x)
				requireDots(t, r, float64s(x), out, "%s Dot %s rows %d cols %d queries %d", im, s.f, s.n, s.cols, nq)

				q, err := NewQ8(s.f, nq, s.cols)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(q, x))
				im.DotQ8(out, r, q)
				requireDots(t, r, dequantizeQ8(q), out, "%s DotQ8 %s rows %d cols %d queries %d", im, s.f, s.n, s.cols, nq)

				w := randomValues(rng, nq*s.n)
				y := randomValues(rng, nq*s.cols)
				requireAddWeighted(t, im, y, r, w, "%s AddWeighted %s rows %d cols %d queries %d", im, s.f, s.n, s.cols, nq)
			}
		}
	}
}

// TestNEONNoRows runs the kernels on zero rows: nothing to do, nothing read.
func TestNEONNoRows(t *testing.T) {
	for _, im := range Implementations() {
		for _, f := range []Format{Quant(4, 32), SymQuant(8, 64), F16, F32} {
			r, err := NewRows(f, 0, 64)
			require.NoError(t, err)
			im.Dot(nil, r, make([]float32, 128))
			q, err := NewQ8(f, 2, 64)
			require.NoError(t, err)
			im.DotQ8(nil, r, q)
			im.AddWeighted(make([]float32, 64), r, nil)
			require.NoError(t, im.Quantize(r, nil))
			im.Dequantize(nil, r)
		}
	}
}
