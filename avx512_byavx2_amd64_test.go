//go:build amd64 && gc && !purego

package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAVX512DotQ8ByAVX2Shapes: the shapes on which the avx512 DotQ8 runs
// the avx2 kernels are one query row on 2- and 4-bit rows of fewer than
// 128 values in one or two groups, and no others.
func TestAVX512DotQ8ByAVX2Shapes(t *testing.T) {
	for _, c := range []struct {
		f        Format
		cols, nq int
		want     bool
	}{
		{Quant(4, 64), 64, 1, false}, // rows of 64: the avx512 kernels of pairs of rows
		{Quant(2, 32), 64, 1, false},
		{Quant(2, 96), 96, 1, false}, // rows of 96 in groups of 32 or 96: the avx512 stream kernels
		{SymQuant(4, 96), 96, 1, false},
		{Quant(2, 48), 96, 1, true},
		{SymQuant(4, 48), 96, 1, true},
		{Quant(4, 80), 80, 1, false}, // rows of 80 in one group: the avx512 stream kernels
		{Quant(4, 40), 80, 1, true},
		{Quant(4, 128), 128, 1, false},
		{Quant(4, 64), 64, 2, false},
		{Quant(4, 32), 96, 1, false},
		{Quant(4, 32), 128, 1, false},
		{Quant(8, 64), 64, 1, false},
		{Quant(3, 64), 64, 1, false},
		{Quant(4, 256), 256, 1, false},
		// 2- and 4-bit codes in groups of 16 on rows of 64, 80, 96, 128 and
		// 256: the avx512 stream kernels (avx512DotQ8StreamCodes), never
		// avx2's.
		{Quant(2, 16), 64, 1, false},
		{SymQuant(4, 16), 80, 1, false},
		{Quant(2, 16), 96, 1, false},
		{SymQuant(2, 16), 128, 1, false},
		{Quant(4, 16), 256, 1, false},
		// Groups of 8 on the same rows: the avx512 stream kernels too.
		{Quant(2, 8), 64, 1, false},
		{SymQuant(4, 8), 80, 1, false},
		{Quant(4, 8), 96, 1, false},
		{SymQuant(2, 8), 128, 1, false},
		{Quant(2, 8), 256, 1, false},
	} {
		assert.Equal(t, c.want, avx512DotQ8ByAVX2(c.f, c.cols, c.nq), "%s cols %d queries %d", c.f, c.cols, c.nq)
	}
	for _, f := range []Format{Quant(2, 16), SymQuant(2, 16), Quant(4, 16), SymQuant(4, 16), Quant(2, 8), SymQuant(2, 8), Quant(4, 8), SymQuant(4, 8)} {
		for _, cols := range []int{64, 80, 96, 128, 256} {
			assert.True(t, avx512DotQ8StreamCodes(f, cols), "%s cols %d", f, cols)
		}
		for _, cols := range []int{16, 32, 48, 112, 144, 192, 512} {
			assert.False(t, avx512DotQ8StreamCodes(f, cols), "%s cols %d", f, cols)
		}
	}
	for _, f := range []Format{Quant(2, 80), SymQuant(4, 80), Quant(8, 80)} { // rows of 80 in one group
		assert.True(t, avx512DotQ8StreamCodes(f, 80), "%s", f)
	}
	assert.False(t, avx512DotQ8StreamCodes(Quant(3, 80), 80))
	for _, f := range []Format{Quant(2, 32), SymQuant(4, 32), Quant(8, 32), SymQuant(2, 96), Quant(4, 96), SymQuant(8, 96)} { // rows of 96 in groups of 32 or 96
		assert.True(t, avx512DotQ8StreamCodes(f, 96), "%s", f)
		assert.False(t, avx512DotQ8StreamCodes(f, 128), "%s", f)
	}
	for _, f := range []Format{Quant(3, 16), SymQuant(8, 16), Quant(3, 8), SymQuant(8, 8), Quant(3, 32), Quant(5, 96), Quant(2, 48)} {
		assert.False(t, avx512DotQ8StreamCodes(f, 96), "%s", f)
	}
}

// TestAVX512RunsAVX2WhereFaster: on the shapes that avx512 hands to the
// avx2 kernels (DotQ8 and Dot with one query row on short rows, float
// AddWeighted on rows of 8 and 24; Dot on rows of 64 but in 2- and 4-bit
// codes, which run the row kernels) the avx512 results equal avx2's bit
// for bit, and both agree with float64.
func TestAVX512RunsAVX2WhereFaster(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(61, 62))
	nan := float32(math.NaN())
	for _, c := range []struct {
		f    Format
		cols int
	}{{Quant(4, 64), 64}, {Quant(2, 32), 64}, {SymQuant(4, 48), 96}, {Quant(2, 64), 64}, {Quant(3, 32), 64}, {SymQuant(8, 64), 64}} {
		for _, n := range []int{1, 7, 8, 100} {
			r, _ := quantizedRows(t, rng, c.f, n, c.cols)
			x := randomValues(rng, c.cols)
			q, err := NewQ8(c.f, 1, c.cols)
			require.NoError(t, err)
			require.NoError(t, im.QuantizeQ8(q, x))
			got, want := make([]float32, n), make([]float32, n)
			for k := range got {
				got[k] = nan
			}
			if avx512DotQ8ByAVX2(c.f, c.cols, 1) {
				im.DotQ8(got, r, q)
				avx2Impl.DotQ8(want, r, q)
				requireSameBits(t, want, got, "DotQ8 %s cols %d rows %d", c.f, c.cols, n)
				requireDots(t, r, dequantizeQ8(q), got, "DotQ8 %s cols %d rows %d", c.f, c.cols, n)
			}
			if c.cols == 64 && c.f.Bits != 2 && c.f.Bits != 4 { // 2- and 4-bit codes run the avx512 row kernels
				im.Dot(got, r, x)
				avx2Impl.Dot(want, r, x)
				requireSameBits(t, want, got, "Dot %s cols %d rows %d", c.f, c.cols, n)
				requireDots(t, r, float64s(x), got, "Dot %s cols %d rows %d", c.f, c.cols, n)
			}
		}
	}
	for _, f := range []Format{F32, F16} {
		for _, cols := range []int{8, 24} {
			for _, nq := range []int{1, 2, 3, 4, 5} {
				n := 37
				r, _ := quantizedRows(t, rng, f, n, cols)
				w := randomValues(rng, nq*n)
				y0 := randomValues(rng, nq*cols)
				got, want := append([]float32(nil), y0...), append([]float32(nil), y0...)
				im.AddWeighted(got, r, w)
				avx2Impl.AddWeighted(want, r, w)
				requireSameBits(t, want, got, "AddWeighted %s cols %d weight rows %d", f, cols, nq)
			}
		}
	}
}

// requireSameBits requires got to hold want's values bit for bit.
func requireSameBits(t *testing.T, want, got []float32, msg string, args ...any) {
	t.Helper()
	for k := range want {
		if math.Float32bits(want[k]) != math.Float32bits(got[k]) {
			require.Equal(t, math.Float32bits(want[k]), math.Float32bits(got[k]), fmt.Sprintf(msg, args...)+fmt.Sprintf(": value %d (%v, want %v)", k, got[k], want[k]))
		}
	}
}
