//go:build arm64 && gc && !purego

package lowbit

import (
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit/pack"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// neonShapes lists (format, rows, cols) cases for the neon kernels beyond
// testFormats: one row and many, rows longer than the unpack chunk (so a row
// is cut into pieces of groups), and big groups.
func neonShapes() []struct {
	f       Format
	n, cols int
} {
	type shape = struct {
		f       Format
		n, cols int
	}
	var s []shape
	for _, f := range testFormats() {
		for _, cols := range colsFor(f) {
			for _, n := range []int{1, 2, 9} {
				s = append(s, shape{f, n, cols})
			}
		}
	}
	for bits := 2; bits <= 8; bits++ {
		s = append(s,
			shape{Quant(bits, 256), 3, 512},
			shape{SymQuant(bits, 32), 2, neonChunk + 64}, // a row in pieces
			shape{Quant(bits, 96), 70, 192},              // several chunks of whole rows
		)
	}
	s = append(s, shape{F16, 3, neonChunk + 5}, shape{F32, 2, 1027})
	return s
}

// TestNEONQuantizeExact checks the contract that Quantize bytes and
// Dequantize bits are the same as generic's.
func TestNEONQuantizeExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for _, im := range Implementations()[1:] {
		for _, s := range neonShapes() {
			x := randomValues(rng, s.n*s.cols)
			want, err := NewRows(s.f, s.n, s.cols)
			require.NoError(t, err)
			require.NoError(t, Generic().Quantize(want, x))
			got, err := NewRows(s.f, s.n, s.cols)
			require.NoError(t, err)
			require.NoError(t, im.Quantize(got, x))
			require.Equal(t, want, got, "%s: Quantize %s rows %d cols %d", im, s.f, s.n, s.cols)

			dw := make([]float32, len(x))
			dg := make([]float32, len(x))
			Generic().Dequantize(dw, want)
			im.Dequantize(dg, want)
			require.Equal(t, dw, dg, "%s: Dequantize %s rows %d cols %d", im, s.f, s.n, s.cols)
		}
	}
}

// TestNEONUnpackPack checks neonUnpack and neonPack against package pack
// for every width, on random bytes (every bit pattern of the planes).
func TestNEONUnpackPack(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	for bits := 2; bits <= 8; bits++ {
		for _, g := range []int{32, 64, 96, 256} {
			groups := 3
			src := make([]byte, groups*g*bits/8)
			for i := range src {
				src[i] = byte(rng.Uint32())
			}
			p2, p1 := pack.PlaneOffsets(bits, g)
			got := make([]byte, groups*g)
			neonUnpack(&got[0], &src[0], groups, g, bits, p2, p1)
			want := make([]byte, groups*g)
			for k := 0; k < groups; k++ {
				pack.Unpack(want[k*g:(k+1)*g], src[k*g*bits/8:(k+1)*g*bits/8], bits)
			}
			require.Equal(t, want, got, "unpack %d bits, group %d", bits, g)
			back := make([]byte, len(src))
			neonPack(&back[0], &got[0], groups, g, bits, p2, p1)
			assert.Equal(t, src, back, "pack %d bits, group %d", bits, g)
		}
	}
}

// TestNEONQuantizeQ8Exact checks that QuantizeQ8 values, scales and sums
// are the same bits as generic's, for blocks of 32, short last blocks and
// float rows of any length.
func TestNEONQuantizeQ8Exact(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	for _, im := range Implementations()[1:] {
		for _, s := range neonShapes() {
			nq := s.n%4 + 1
			x := randomValues(rng, nq*s.cols)
			want, err := NewQ8(s.f, nq, s.cols)
			require.NoError(t, err)
			require.NoError(t, Generic().QuantizeQ8(want, x))
			got, err := NewQ8(s.f, nq, s.cols)
			require.NoError(t, err)
			require.NoError(t, im.QuantizeQ8(got, x))
			require.Equal(t, want, got, "%s: QuantizeQ8 %s rows %d cols %d", im, s.f, nq, s.cols)
		}
	}
}
