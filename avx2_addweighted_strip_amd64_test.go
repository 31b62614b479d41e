//go:build gc && !purego

package lowbit

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAVX2AddWeightedStrips covers the strip kernels against float64: every
// code width, asymmetric and symmetric, groups of 32 to 96, fp16 and
// float32; 2 to 8 weight rows (half strips of four, pairs and a single);
// rows around and beyond a chunk of avx2StripRows; rows of one to several
// groups.
func TestAVX2AddWeightedStrips(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(47, 48))
	var formats []Format
	for b := 2; b <= 8; b++ {
		formats = append(formats, Quant(b, 32*(1+b%3)), SymQuant(b, 64))
	}
	formats = append(formats, F16, F32)
	for _, f := range formats {
		for _, n := range []int{1, 7, avx2StripRows, avx2StripRows + 3, 2*avx2StripRows + 100} {
			for _, cols := range []int{32, 96, 128} {
				if f.ValidateCols(cols) != nil {
					cols = f.Group * 2
				}
				nq := []int{2, 3, 4, 5, 8}[rng.IntN(5)]
				r, _ := quantizedRows(t, rng, f, n, cols)
				w := randomValues(rng, nq*n)
				y := randomValues(rng, nq*cols)
				require.True(t, addWeightedStripAVX2(append([]float32(nil), y...), r, w), "%s cols %d: the strips take it", f, cols)
				requireAddWeighted(t, im, y, r, w, "%s rows %d cols %d weights %d", f, n, cols, nq)
			}
		}
	}
	// Many groups per row: the 4-row half strips read converted scales in
	// chunks of avx2StripScales/groups rows (here 16 rows, and 1), and
	// rows of more than avx2StripScales groups run the 2-row strips.
	for _, f := range []Format{Quant(2, 32), SymQuant(4, 32), Quant(8, 32)} {
		for _, shape := range [][2]int{{100, 2048}, {3, 32 * avx2StripScales}, {2, 32 * (avx2StripScales + 1)}} {
			n, cols := shape[0], shape[1]
			r, _ := quantizedRows(t, rng, f, n, cols)
			w := randomValues(rng, 5*n)
			y := randomValues(rng, 5*cols)
			require.True(t, addWeightedStripAVX2(append([]float32(nil), y...), r, w), "%s cols %d: the strips take it", f, cols)
			requireAddWeighted(t, im, y, r, w, "%s rows %d cols %d weights 5", f, n, cols)
		}
	}
	// What the strips leave to the other kernels.
	r, _ := quantizedRows(t, rng, F16, 3, 40)
	require.False(t, addWeightedStripAVX2(make([]float32, 2*40), r, make([]float32, 2*3)), "40 columns")
	r, _ = quantizedRows(t, rng, Quant(4, 16), 3, 64)
	require.False(t, addWeightedStripAVX2(make([]float32, 2*64), r, make([]float32, 2*3)), "groups of 16")
	r, _ = quantizedRows(t, rng, Quant(4, 32), 3, 64)
	require.False(t, addWeightedStripAVX2(make([]float32, 64), r, make([]float32, 3)), "one weight row")
}
