package lowbit

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGenericPaths runs the generic kernels on the shapes that pick each
// of their paths, against the float64 reference: calls of few rows (nibble
// tables) and of many (byte tables, from byteTableRows rows on), rows
// longer than one chunk of tables, groups too long for the tables (the
// unpacking kernels), and 8-bit codes (no tables), with one and several
// query rows.
func TestGenericPaths(t *testing.T) {
	im := Generic()
	rng := rand.New(rand.NewPCG(11, 12))
	cases := []struct {
		f    Format
		cols int
	}{
		{Quant(4, 8), 8}, {Quant(4, 8), 512}, {SymQuant(4, 16), 80}, {Quant(2, 8), 1024},
		{Quant(3, 8), 96}, {Quant(5, 24), 72}, {Quant(7, 40), 80}, {Quant(6, 64), 256},
		{Quant(4, 64), 128}, {Quant(2, 128), 256}, {SymQuant(8, 8), 64}, {Quant(8, 32), 64},
		{Quant(8, 512), 1024}, {Quant(4, 512), 512}, {Quant(4, 1024), 2048}, {SymQuant(3, 768), 768},
	}
	for _, c := range cases {
		for _, n := range []int{5, byteTableRows + 3} {
			r, _ := quantizedRows(t, rng, c.f, n, c.cols)
			for _, nq := range []int{1, 3} {
				x := randomValues(rng, nq*c.cols)
				out := make([]float32, nq*n)
				im.Dot(out, r, x)
				requireDots(t, r, float64s(x), out, "Dot %s cols %d rows %d queries %d", c.f, c.cols, n, nq)

				q, err := NewQ8(c.f, nq, c.cols)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(q, x))
				im.DotQ8(out, r, q)
				requireDots(t, r, dequantizeQ8(q), out, "DotQ8 %s cols %d rows %d queries %d", c.f, c.cols, n, nq)

				w := randomValues(rng, nq*n)
				y := randomValues(rng, nq*c.cols)
				requireAddWeighted(t, im, y, r, w, "AddWeighted %s cols %d rows %d queries %d", c.f, c.cols, n, nq)
			}
		}
	}
}
