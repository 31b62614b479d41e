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
			shape{SymQuant(bits, 32), 2, neonChunk + 64},        // a row in pieces
			shape{Quant(bits, 8), 2, neonChunk + 40},            // in pieces, short blocks
			shape{Quant(bits, 56), 2, 56 * 147},                 // in pieces (8232 values), a short last block
			shape{Quant(bits, 96), 70, 192},                     // several chunks of whole rows
			shape{SymQuant(bits, 88), 3, 264},                   // 2 full blocks and 24 values
			shape{Quant(bits, neonChunk+24), 2, neonChunk + 24}, // a group over neonChunk
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

// neonTestGroups are the groups the unpack and pack tests run: every
// remainder mod 32 below and above 32 (short blocks alone, and after full
// blocks, including the 2- and 3-bit groups whose windows start at the
// tails), multiples of 32, and big groups.
var neonTestGroups = []int{8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 120, 136, 256, 264}

// TestNEONUnpackPack checks neonUnpackGroups and neonPackGroups against
// package pack for every width and neonTestGroups, on random bytes (every
// bit pattern of the planes), with the packed bytes ending at a guard page
// (the unpack of short blocks must not read past them, nor the pack write)
// and with bytes after them (so the direct path runs too).
func TestNEONUnpackPack(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	for bits := 2; bits <= 8; bits++ {
		for _, g := range neonTestGroups {
			for _, groups := range []int{1, 2, 3, 5, 9} {
				gb := g * bits / 8
				src := make([]byte, groups*gb)
				for i := range src {
					src[i] = byte(rng.Uint32())
				}
				want := make([]byte, groups*g)
				for k := 0; k < groups; k++ {
					pack.Unpack(want[k*g:(k+1)*g], src[k*gb:(k+1)*gb], bits)
				}
				for _, after := range []int{0, 40} {
					data := guardedBytes(t, len(src)+after)
					copy(data, src)
					var got neonBuf
					neonUnpackGroups(got[:], data, 0, groups, Quant(bits, g))
					require.Equal(t, want, got[:groups*g], "unpack %d bits, group %d, %d groups, %d bytes after", bits, g, groups, after)
					clear(data)
					neonPackGroups(data, 0, got[:], groups, Quant(bits, g))
					require.Equal(t, src, data[:len(src)], "pack %d bits, group %d, %d groups, %d bytes after", bits, g, groups, after)
					require.Equal(t, make([]byte, after), data[len(src):], "pack %d bits, group %d, %d groups: wrote past the groups", bits, g, groups)
				}
			}
		}
	}
}

// TestNEONPadFits checks that neonPad holds the padded last groups of every
// format whose unpack and pack reach past the groups.
func TestNEONPadFits(t *testing.T) {
	for bits := 2; bits < 8; bits++ {
		for g := 8; g <= 1024; g += 8 {
			if !neonOverreach(Quant(bits, g)) {
				continue
			}
			gb := g * bits / 8
			tail := (neonSlack + gb - 1) / gb
			assert.LessOrEqual(t, tail*gb+neonSlack, neonPad, "%d bits, group %d", bits, g)
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
