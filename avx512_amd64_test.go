//go:build amd64 && gc && !purego

package lowbit

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// avx512ForTest returns the avx512 implementation, or skips the test on a
// CPU without it.
func avx512ForTest(t *testing.T) *Implementation {
	im := Lookup("avx512")
	if im == nil {
		t.Skip("this CPU does not run avx512")
	}
	return im
}

// avx512CheckDotQ8 compares im.DotQ8 with the float64 dot product of the rows
// and the dequantized queries.
func avx512CheckDotQ8(t *testing.T, im *Implementation, rng *rand.Rand, f Format, n, cols, nq int) {
	t.Helper()
	r, _ := quantizedRows(t, rng, f, n, cols)
	x := randomValues(rng, nq*cols)
	q, err := NewQ8(f, nq, cols)
	require.NoError(t, err)
	require.NoError(t, im.QuantizeQ8(q, x))
	out := make([]float32, nq*n)
	for k := range out {
		out[k] = float32(math.NaN()) // must be overwritten, not added to
	}
	im.DotQ8(out, r, q)
	requireDots(t, r, dequantizeQ8(q), out, "%s cols %d rows %d queries %d", f, cols, n, nq)
}

func TestAVX512DotQ8Shapes(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(31, 32))
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			for _, g := range []int{32, 64, 96, 128, 256} {
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				require.True(t, im.Accelerated(KernelDotQ8, f))
				for _, nq := range []int{1, 2, 3, 4, 5, 7, 9} {
					avx512CheckDotQ8(t, im, rng, f, 1+rng.IntN(40), g*(1+rng.IntN(3)), nq)
				}
			}
		}
	}
	// The row kernels (rows of 128 in groups of 64, and of 32 for 2-, 4-
	// and 8-bit codes), alone and after a pass of two query rows.
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			for _, g := range []int{64, 32} {
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				for _, n := range []int{1, 15, 16, 17, 100} {
					avx512CheckDotQ8(t, im, rng, f, n, 128, 1)
				}
				avx512CheckDotQ8(t, im, rng, f, 33, 128, 3)
			}
		}
	}
	// The row kernels of four query rows (2-, 4- and 8-bit rows of 64, 128
	// and 256 in groups of 32 and 64, and of the whole row or 128): partial
	// and several blocks of 16 rows (of 32 rows of 64), a padded last
	// quad, query rows left over for the one-query kernels.
	for _, bits := range []int{2, 4, 8} {
		for _, sym := range []bool{false, true} {
			for _, cg := range [][2]int{{64, 32}, {64, 64}, {128, 32}, {128, 64}, {128, 128}, {256, 32}, {256, 64}, {256, 128}, {256, 256}} {
				f := Format{Bits: bits, Group: cg[1], Symmetric: sym}
				require.True(t, avx512DotQ8RowX4Codes(f, cg[0]), "%s on rows of %d", f, cg[0])
				for _, n := range []int{1, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 47, 64, 65, 100} {
					for _, nq := range []int{4, 5, 8} {
						avx512CheckDotQ8(t, im, rng, f, n, cg[0], nq)
					}
				}
			}
		}
	}
	// The stream kernels of rows of 96 in groups of 32 and 96 and of rows
	// of 80 in one group (2-, 4- and 8-bit), and of 2- and 4-bit rows of
	// both in groups of 16 and 8: whole blocks of 16 rows (one, two and
	// six), a padded last one, several query rows.
	for _, bits := range []int{2, 4, 8} {
		for _, sym := range []bool{false, true} {
			for _, cg := range [][2]int{{96, 32}, {96, 96}, {80, 80}, {96, 16}, {80, 16}, {96, 8}, {80, 8}} {
				if cg[1] <= 16 && bits == 8 {
					continue
				}
				f := Format{Bits: bits, Group: cg[1], Symmetric: sym}
				for _, n := range []int{1, 3, 4, 5, 8, 15, 16, 17, 31, 32, 33, 100} {
					for _, nq := range []int{1, 2, 3, 4} {
						avx512CheckDotQ8(t, im, rng, f, n, cg[0], nq)
					}
				}
			}
		}
	}
	// The stream kernels of 2- and 4-bit rows of 128, 256 and 64 in groups
	// of 16 and 8: whole blocks of 16 rows, a partial last block, a padded
	// last block of 16, several query rows.
	for _, f := range []Format{Quant(4, 16), SymQuant(4, 16), Quant(2, 16), SymQuant(2, 16), Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8)} {
		for _, cols := range []int{128, 256, 64} {
			for _, n := range []int{1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100} {
				for _, nq := range []int{1, 2, 4} {
					avx512CheckDotQ8(t, im, rng, f, n, cols, nq)
				}
			}
			avx512CheckDotQ8(t, im, rng, f, 33, cols, 3)
		}
	}
	// The kernels of pairs of rows of 64 (groups of 64 of every width, of
	// 32 of 2-, 4- and 8-bit codes).
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			for _, g := range []int{32, 64} {
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				for _, n := range []int{1, 7, 8, 9, 16, 17, 35} {
					avx512CheckDotQ8(t, im, rng, f, n, 64, 1)
				}
				avx512CheckDotQ8(t, im, rng, f, 33, 64, 3)
			}
		}
	}
	// The kernels of halves of rows of 256 (groups of 64 of every width,
	// 32, 128 and 256 of 2-, 4- and 8-bit codes).
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			for _, g := range []int{32, 64, 128, 256} {
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				for _, n := range []int{1, 4, 15, 16, 17, 35} {
					avx512CheckDotQ8(t, im, rng, f, n, 256, 1)
				}
				avx512CheckDotQ8(t, im, rng, f, 33, 256, 3)
			}
		}
	}
	// Several query rows run the row kernel once per query row over chunks
	// of avx512RowChunk rows.
	for _, f := range []Format{Quant(2, 64), SymQuant(3, 64), Quant(4, 64), Quant(8, 64)} {
		for _, n := range []int{avx512RowChunk + 1, 2*avx512RowChunk + 6} {
			avx512CheckDotQ8(t, im, rng, f, n, 128, 4)
		}
	}
	for _, f := range []Format{Quant(4, 64), SymQuant(2, 256)} {
		avx512CheckDotQ8(t, im, rng, f, avx512RowChunk+5, 256, 2)
	}
	// Many rows (several blocks of 16 and a tail), long rows chunked by
	// columns, and long groups split into chunks.
	for _, c := range []struct {
		f          Format
		n, cols, q int
	}{
		{Quant(4, 64), 1000, 128, 1},
		{Quant(4, 64), 33, 4096, 2},
		{SymQuant(3, 32), 17, 2048 + 32*17, 1},
		{Quant(7, 2048), 5, 4096, 3},
		{Quant(6, 1024+64), 3, 2 * (1024 + 64), 1},
		{Quant(5, 1024+32), 3, 1024 + 32, 4},
		{Quant(8, 64), 16, 64, 1},
		{Quant(2, 64), 32, 128, 4},
		// A last chunk of 128 columns in groups of 64 (not a row of 128).
		{Quant(4, 64), 5, 1024 + 128, 1},
		{SymQuant(2, 64), 6, 1024 + 128, 3},
	} {
		avx512CheckDotQ8(t, im, rng, c.f, c.n, c.cols, c.q)
	}
}

// avx512CheckDot compares im.Dot with the float64 dot products of the
// rows and the query rows.
func avx512CheckDot(t *testing.T, im *Implementation, rng *rand.Rand, f Format, n, cols, nq int) {
	t.Helper()
	r, _ := quantizedRows(t, rng, f, n, cols)
	x := randomValues(rng, nq*cols)
	out := make([]float32, nq*n)
	for k := range out {
		out[k] = float32(math.NaN())
	}
	im.Dot(out, r, x)
	requireDots(t, r, float64s(x), out, "%s cols %d rows %d queries %d", f, cols, n, nq)
}

func TestAVX512DotShapes(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(33, 34))
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			for _, g := range []int{32, 64, 96, 128, 256} {
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				require.True(t, im.Accelerated(KernelDot, f))
				for _, nq := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9} {
					avx512CheckDot(t, im, rng, f, 1+rng.IntN(40), g*(1+rng.IntN(3)), nq)
				}
			}
		}
	}
	for _, c := range []struct {
		f          Format
		n, cols, q int
	}{
		{Quant(4, 64), 1000, 128, 1},
		{Quant(4, 64), 33, 4096, 2},
		{SymQuant(3, 32), 17, 2048 + 32*17, 1},
		{Quant(7, 2048), 5, 4096, 3},
		{Quant(8, 64), 16, 64, 4},
		{Quant(2, 64), 32, 128, 4},
	} {
		avx512CheckDot(t, im, rng, c.f, c.n, c.cols, c.q)
	}
	// The row kernels on 4- and 2-bit rows of 64 (one group, or two of 32,
	// which for 2-bit codes the pair kernels take; groups of 16 and 8):
	// blocks of sixteen (eight, four) rows and a padded last block.
	for _, f := range []Format{Quant(4, 64), SymQuant(4, 64), Quant(4, 32), SymQuant(4, 32), Quant(2, 64), SymQuant(2, 64), Quant(2, 32), SymQuant(2, 32),
		Quant(4, 16), SymQuant(4, 16), Quant(2, 16), SymQuant(2, 16), Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8)} {
		for _, n := range []int{1, 3, 4, 7, 8, 9, 15, 16, 17, 24, 33, 100} {
			for _, nq := range []int{1, 2, 3, 4, 5, 8, 9} {
				avx512CheckDot(t, im, rng, f, n, 64, nq)
			}
		}
	}
	// The row kernels on 2- and 4-bit rows of 96 (groups of 8, 16, 32 and
	// 96; 2-bit groups of 8 for one query row: blocks of sixteen rows and a
	// padded last block).
	for _, f := range []Format{Quant(4, 32), SymQuant(4, 32), Quant(4, 96), SymQuant(4, 96), Quant(2, 32), SymQuant(2, 32), Quant(2, 96), SymQuant(2, 96), Quant(4, 16), SymQuant(4, 16), Quant(2, 16), SymQuant(2, 16), Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8)} {
		for _, n := range []int{1, 3, 4, 7, 8, 9, 15, 16, 17, 24, 32, 33, 48, 100} {
			for _, nq := range []int{1, 2, 3, 4, 5, 8, 9} {
				avx512CheckDot(t, im, rng, f, n, 96, nq)
			}
		}
	}
	// The row kernels on 2- and 4-bit rows of 80 (groups of 8, 16 and 80;
	// 2-bit groups of 8 for one query row): blocks of sixteen (eight) rows
	// and a padded last block.
	for _, f := range []Format{Quant(4, 16), SymQuant(4, 16), Quant(4, 80), SymQuant(4, 80), Quant(2, 16), SymQuant(2, 16), Quant(2, 80), SymQuant(2, 80), Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8)} {
		for _, n := range []int{1, 3, 7, 8, 9, 15, 16, 17, 24, 32, 33, 48, 100} {
			for _, nq := range []int{1, 2, 3, 4, 5, 8, 9} {
				avx512CheckDot(t, im, rng, f, n, 80, nq)
			}
		}
	}
	// The row kernels on 4-bit rows of 256 (every group from 8 to the row;
	// 2-bit 16, and 8 for one query row; the pair kernels 2-bit from 32).
	for _, f := range []Format{Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8), Quant(4, 16), SymQuant(4, 16), Quant(4, 32), SymQuant(4, 32), Quant(4, 64), SymQuant(4, 64), Quant(4, 128), SymQuant(4, 128), Quant(4, 256), SymQuant(4, 256),
		Quant(2, 16), SymQuant(2, 16), Quant(2, 32), SymQuant(2, 32), Quant(2, 64), SymQuant(2, 64), Quant(2, 128), SymQuant(2, 128), Quant(2, 256), SymQuant(2, 256)} {
		for _, n := range []int{1, 3, 4, 15, 16, 17, 33, 100, 131} {
			for _, nq := range []int{1, 2, 3, 4, 5, 8, 9} {
				avx512CheckDot(t, im, rng, f, n, 256, nq)
			}
		}
	}
	// The row kernels (2- and 4-bit codes, 2-bit codes in groups of 64 and
	// 32 by the pair kernels, 4-bit codes in groups of 32, 16 and 8, fp16
	// and float32 rows of 128).
	for _, f := range []Format{Quant(2, 64), SymQuant(2, 64), Quant(4, 64), SymQuant(4, 64), Quant(4, 32), SymQuant(4, 32), Quant(2, 32), SymQuant(2, 32), Quant(4, 16), SymQuant(4, 16), Quant(2, 16), SymQuant(2, 16), Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8), F16, F32} {
		for _, n := range []int{1, 3, 4, 15, 16, 17, 33, 100} {
			for _, nq := range []int{1, 2, 3, 4, 5, 8, 9} {
				avx512CheckDot(t, im, rng, f, n, 128, nq)
			}
		}
	}
	// The fp16 and float32 row kernels of rows of 64 (four query rows at a
	// time, the rest by the general kernels).
	for _, f := range []Format{F16, F32} {
		for _, n := range []int{1, 3, 4, 15, 16, 17, 33, 100} {
			for _, nq := range []int{4, 5, 7, 8, 9} {
				avx512CheckDot(t, im, rng, f, n, 64, nq)
			}
		}
	}
}

func TestAVX512FloatRows(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(35, 36))
	for _, f := range []Format{F16, F32} {
		for _, k := range []Kernel{KernelDot, KernelDotQ8} {
			require.True(t, im.Accelerated(k, f))
		}
		for _, cols := range []int{1, 7, 15, 16, 17, 31, 33, 128, 200, 520, 1030} {
			for _, nq := range []int{1, 2, 3, 4, 5, 9} {
				n := 1 + rng.IntN(40)
				avx512CheckDot(t, im, rng, f, n, cols, nq)
				avx512CheckDotQ8(t, im, rng, f, n, cols, nq)
			}
		}
	}
}

// avx512CheckAddWeighted compares im.AddWeighted with float64 sums.
func avx512CheckAddWeighted(t *testing.T, im *Implementation, rng *rand.Rand, f Format, n, cols, nq int) {
	t.Helper()
	r, _ := quantizedRows(t, rng, f, n, cols)
	w := randomValues(rng, nq*n)
	y := randomValues(rng, nq*cols)
	requireAddWeighted(t, im, y, r, w, "%s cols %d rows %d weight rows %d", f, cols, n, nq)
}

func TestAVX512AddWeightedShapes(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(37, 38))
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			for _, g := range []int{32, 64, 96, 128, 256} {
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				require.True(t, im.Accelerated(KernelAddWeighted, f))
				for _, nq := range []int{1, 2, 3, 4, 5, 9} {
					avx512CheckAddWeighted(t, im, rng, f, 1+rng.IntN(40), g*(1+rng.IntN(3)), nq)
				}
			}
			if bits == 4 || bits == 2 { // the row kernels on rows of 64
				for _, g := range []int{8, 16, 32, 64} {
					f := Format{Bits: bits, Group: g, Symmetric: sym}
					for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 16, 17, 100} {
						for _, nq := range []int{1, 2, 4} {
							avx512CheckAddWeighted(t, im, rng, f, n, 64, nq)
						}
					}
				}
			}
			// The row kernels on rows of 96 and 80 (2-bit in groups of 32;
			// the split kernels: steps of 4, 8 and 16 rows, 2-bit from 128
			// rows on, and four 4-bit weight rows on 256 rows or more).
			if bits == 4 || bits == 2 {
				for _, cg := range [][2]int{{96, 16}, {96, 32}, {96, 96}, {80, 16}, {80, 80}, {96, 8}, {80, 8}} {
					f := Format{Bits: bits, Group: cg[1], Symmetric: sym}
					for _, n := range []int{1, 3, 4, 5, 7, 8, 9, 16, 17, 24, 25, 100} {
						avx512CheckAddWeighted(t, im, rng, f, n, cg[0], 1)
						avx512CheckAddWeighted(t, im, rng, f, n, cg[0], 3)
						avx512CheckAddWeighted(t, im, rng, f, n, cg[0], 4)
					}
					for _, n := range []int{128, 141, 256, 301} {
						avx512CheckAddWeighted(t, im, rng, f, n, cg[0], 1)
						avx512CheckAddWeighted(t, im, rng, f, n, cg[0], 4)
						avx512CheckAddWeighted(t, im, rng, f, n, cg[0], 5)
					}
				}
			}
			if bits == 4 || bits == 2 { // the row kernels on rows of 256
				for _, g := range []int{8, 16, 32, 64, 128, 256} {
					f := Format{Bits: bits, Group: g, Symmetric: sym}
					for _, n := range []int{1, 3, 4, 5, 16, 17, 100} {
						avx512CheckAddWeighted(t, im, rng, f, n, 256, 1)
						avx512CheckAddWeighted(t, im, rng, f, n, 256, 2)
						avx512CheckAddWeighted(t, im, rng, f, n, 256, 4)
					}
				}
			}
			for _, g := range []int{8, 16, 32, 64} { // the row kernels' groups on rows of 128
				if g == 16 && bits != 4 && bits != 2 || g == 8 && bits > 4 {
					continue
				}
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				for _, n := range []int{1, 3, 4, 5, 16, 17, 100} {
					avx512CheckAddWeighted(t, im, rng, f, n, 128, 1)
					avx512CheckAddWeighted(t, im, rng, f, n, 128, 2)
					avx512CheckAddWeighted(t, im, rng, f, n, 128, 4)
				}
			}
		}
	}
	// Several weight rows on rows of 128 run the row kernels once per
	// weight row over chunks of avx512RowChunk rows: a chunk boundary, odd
	// chunk tails (the 2-bit kernel takes rows in pairs).
	for _, f := range []Format{Quant(2, 64), SymQuant(2, 64), Quant(4, 64), SymQuant(4, 64), Quant(4, 32), Quant(2, 32), SymQuant(4, 8), F16, F32} {
		for _, n := range []int{avx512RowChunk - 1, avx512RowChunk + 1, 2*avx512RowChunk + 3} {
			avx512CheckAddWeighted(t, im, rng, f, n, 128, 3)
		}
	}
	for _, f := range []Format{Quant(4, 32), SymQuant(4, 256), Quant(2, 64), SymQuant(2, 256), Quant(4, 8)} {
		for _, n := range []int{avx512RowChunk - 1, avx512RowChunk + 1} {
			avx512CheckAddWeighted(t, im, rng, f, n, 256, 3)
		}
	}
	for _, f := range []Format{F16, F32} {
		require.True(t, im.Accelerated(KernelAddWeighted, f))
		for _, cols := range []int{1, 7, 15, 16, 17, 33, 128, 200, 1030} {
			for _, nq := range []int{1, 2, 3, 4, 5, 9} {
				avx512CheckAddWeighted(t, im, rng, f, 1+rng.IntN(40), cols, nq)
			}
		}
	}
}

func TestAVX512DequantizeBits(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(39, 40))
	for _, f := range testFormats() {
		require.True(t, im.Accelerated(KernelDequantize, f) == asmCovered("avx512", KernelDequantize, f), "%s", f)
		for _, cols := range colsFor(f) {
			for _, n := range []int{1, 2, 7, 33} {
				r, _ := quantizedRows(t, rng, f, n, cols)
				want := make([]float32, n*cols)
				got := make([]float32, n*cols)
				Generic().Dequantize(want, r)
				im.Dequantize(got, r)
				for k := range want {
					require.Equal(t, math.Float32bits(want[k]), math.Float32bits(got[k]), "%s cols %d rows %d: value %d", f, cols, n, k)
				}
			}
		}
	}
}

func TestAVX512QuantizeBytes(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(41, 42))
	for _, f := range testFormats() {
		require.True(t, im.Accelerated(KernelQuantize, f) == asmCovered("avx512", KernelQuantize, f), "%s", f)
		for _, cols := range colsFor(f) {
			for _, n := range []int{1, 2, 7, 33} {
				x := randomValues(rng, n*cols)
				// Edge values: signed zeros, a constant group, the fp16 limits.
				x[0], x[len(x)-1] = float32(math.Copysign(0, -1)), MaxF16
				if n > 1 {
					for c := range cols {
						x[cols+c] = float32(math.Copysign(0, -1))
					}
				}
				want, err := NewRows(f, n, cols)
				require.NoError(t, err)
				got := cloneRows(want)
				require.NoError(t, Generic().Quantize(want, x))
				require.NoError(t, im.Quantize(got, x))
				require.Equal(t, want, got, "%s cols %d rows %d", f, cols, n)
			}
		}
	}
}

func TestAVX512QuantizeQ8Bits(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(43, 44))
	for _, f := range testFormats() {
		require.True(t, im.Accelerated(KernelQuantizeQ8, f))
		for _, cols := range colsFor(f) {
			for _, nq := range []int{1, 3} {
				x := randomValues(rng, nq*cols)
				x[0] = float32(math.Copysign(0, -1))
				if cols >= 64 {
					for c := 32; c < 64; c++ { // an all-zero block
						x[c] = 0
					}
				}
				want, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				got, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				require.NoError(t, Generic().QuantizeQ8(want, x))
				require.NoError(t, im.QuantizeQ8(got, x))
				require.Equal(t, want, got, "%s cols %d rows %d", f, cols, nq)
			}
		}
	}
}

func TestAVX512Softmax(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(45, 46))
	for n := 1; n <= 70; n++ {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(rng.NormFloat64() * 20)
		}
		x[rng.IntN(n)] = -100 // below exp32's range after the max is taken off
		want := append([]float32(nil), x...)
		Generic().Softmax(want)
		im.Softmax(x)
		for i := range x {
			require.InDelta(t, want[i], x[i], 4e-7*float64(want[i])+1e-45, "n %d: x[%d]", n, i)
		}
		for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1))} {
			y := make([]float32, n)
			y[n-1] = bad
			im.Softmax(y)
			for i, v := range y {
				require.True(t, math.IsNaN(float64(v)), "n %d with %v at the end: y[%d] = %v", n, bad, i, v)
			}
		}
	}
}

// TestAVX512DequantizeRawScales dequantizes rows whose scales and mins are
// arbitrary fp16 bits (negative, ±0, subnormal, large): the bits must
// still be generic's.
func TestAVX512DequantizeRawScales(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(47, 48))
	specials := []uint16{0x0000, 0x8000, 0x0001, 0x8001, 0x3c00, 0xbc00, 0x7bff, 0xfbff, 0x03ff}
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			f := Format{Bits: bits, Group: 64, Symmetric: sym}
			r, err := NewRows(f, 4, 128)
			require.NoError(t, err)
			for i := range r.Data {
				r.Data[i] = byte(rng.Uint32())
			}
			for i := range r.Scales {
				r.Scales[i] = specials[rng.IntN(len(specials))]
			}
			for i := range r.Mins {
				r.Mins[i] = specials[rng.IntN(len(specials))]
			}
			want := make([]float32, 4*128)
			got := make([]float32, 4*128)
			Generic().Dequantize(want, r)
			im.Dequantize(got, r)
			for k := range want {
				require.Equal(t, math.Float32bits(want[k]), math.Float32bits(got[k]), "%s value %d", f, k)
			}
		}
	}
}

// TestAVX512DotQ8WithoutVNNI runs DotQ8 as on an AVX-512 CPU without VNNI:
// the avx2 kernels serve the codes.
func TestAVX512DotQ8WithoutVNNI(t *testing.T) {
	im := avx512ForTest(t)
	defer func(v bool) { avx512VNNI = v }(avx512VNNI)
	avx512VNNI = false
	rng := rand.New(rand.NewPCG(49, 50))
	for _, f := range []Format{Quant(4, 64), SymQuant(8, 32), Quant(3, 96), F16} {
		assert.Equal(t, avx2Impl.Accelerated(KernelDotQ8, f) || !f.Quantized(), im.Accelerated(KernelDotQ8, f), "%s", f)
		avx512CheckDotQ8(t, im, rng, f, 20, 2*max(f.Group, 64), 3)
	}
}

// TestAVX512NoAllocations runs the paths that copy or pad on the stack
// (misaligned query rows, tails of row kernels) under AllocsPerRun.
func TestAVX512NoAllocations(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(51, 52))
	for _, f := range []Format{Quant(2, 64), Quant(4, 64), Quant(8, 32), Quant(2, 32), Quant(4, 32), Quant(4, 8), F16, F32} {
		for _, cols := range []int{64, 100, 128, 256} {
			if f.Quantized() && cols%f.Group != 0 {
				continue
			}
			r, _ := quantizedRows(t, rng, f, 7, cols)
			x := randomValues(rng, 3*cols+1)[1:] // not 64-byte aligned
			out := make([]float32, 3*7)
			q, err := NewQ8(f, 3, cols)
			require.NoError(t, err)
			require.NoError(t, im.QuantizeQ8(q, x))
			y := make([]float32, 3*cols)
			allocs := testing.AllocsPerRun(3, func() {
				im.Dot(out, r, x)
				im.Dot(out[:7], r, x[:cols])
				im.DotQ8(out, r, q)
				im.AddWeighted(y, r, out)
				im.AddWeighted(y[:cols], r, out[:7])
			})
			assert.Zero(t, allocs, "%s cols %d", f, cols)
		}
	}
	// Rows of 80 and 96: the split AddWeighted kernels (2-bit from 128 rows
	// on) and the DotQ8 kernels of padded queries keep their tables on the
	// stack; so do the DotQ8 stream kernels of groups of 16 and 8 (rows of
	// 64, 80, 96, 128 and 256).
	for _, fc := range []struct {
		f    Format
		cols int
	}{{Quant(4, 16), 80}, {Quant(4, 80), 80}, {Quant(2, 80), 80}, {Quant(4, 16), 96}, {Quant(2, 32), 96}, {Quant(8, 96), 96}, {Quant(2, 16), 96},
		{SymQuant(2, 16), 80}, {Quant(2, 16), 128}, {Quant(2, 16), 64}, {SymQuant(4, 16), 64}, {Quant(2, 16), 256}, {Quant(4, 16), 256},
		{Quant(4, 8), 96}, {SymQuant(4, 8), 80}, {Quant(2, 8), 128}, {SymQuant(2, 8), 80}, {Quant(2, 8), 256}, {SymQuant(2, 8), 64}, {Quant(8, 80), 80}, {SymQuant(2, 8), 96}, {Quant(2, 8), 80}} {
		const n = 203 // a partial last step for every split kernel
		r, _ := quantizedRows(t, rng, fc.f, n, fc.cols)
		x := randomValues(rng, fc.cols)
		q, err := NewQ8(fc.f, 1, fc.cols)
		require.NoError(t, err)
		require.NoError(t, im.QuantizeQ8(q, x))
		out, y := make([]float32, n), make([]float32, fc.cols)
		allocs := testing.AllocsPerRun(3, func() {
			im.Dot(out, r, x)
			im.DotQ8(out, r, q)
			im.AddWeighted(y, r, out)
		})
		assert.Zero(t, allocs, "%s cols %d", fc.f, fc.cols)
	}
}

// Regression tests for the inputs FuzzDot, FuzzDotQ8 and FuzzAddWeighted
// found (their fuzz inputs are in fuzz/testdata/fuzz as avx512-*). Each
// builds the failing situation directly at the kernel level, for every
// path it can reach (row kernels and general kernels, 1 to 9 query rows).

// avx512RefDotQ8 returns DotQ8's exact sums by its contract, per block b
// scale*d_b*isum_b + shift*Sums_b with isum_b = Σ q*x8 in integers, and
// Σ|terms| for the tolerance (u times the terms and roundings of the
// longest chain, as fuzz/tolerance.go derives it).
func avx512RefDotQ8(r Rows, q *Q8) (want, tol []float64) {
	f, cols := r.Format, r.Cols
	n, nq := r.Len(), q.Len()
	want, tol = make([]float64, nq*n), make([]float64, nq*n)
	var codes [32]byte
	nb := q8Blocks(q.Group, q.Cols)
	for i := 0; i < n; i++ {
		for j := 0; j < nq; j++ {
			var s, mag float64
			terms := 0
			b := j * nb
			codeBlocks(r, i, &codes, func(gi, col, m int) {
				scale, shift := groupParams(r, gi)
				isum := 0
				for k := 0; k < m; k++ {
					isum += int(codes[k]) * int(q.Values[j*cols+col+k])
				}
				t1 := float64(scale) * float64(q.Scales[b]) * float64(isum)
				t2 := float64(shift) * float64(q.Sums[b])
				s += t1 + t2
				mag += math.Abs(t1) + math.Abs(t2)
				terms += 2
				b++
			})
			want[j*n+i] = s
			tol[j*n+i] = float64(terms+3)*0x1p-24*mag + float64(terms)*0x1p-140
		}
	}
	_ = f
	return want, tol
}

// TestAVX512DotQ8ExactBlockSums pins FuzzDotQ8's finding: a block whose
// codes are all equal, against int8 queries of ±127 that sum to 0, adds
// exactly 0 (its isum is 0, and so is its Sums), though each lane of 4
// products is 4·127·code. The query block's scale d is 1e30/127, so a
// kernel that scales the lanes before adding them loses every other term
// of the row to the rounding of ±1e31 partial sums.
func TestAVX512DotQ8ExactBlockSums(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(61, 62))
	for bits := 2; bits <= 8; bits++ {
		for _, sym := range []bool{false, true} {
			for _, g := range []int{32, 64, 96, 128} {
				f := Format{Bits: bits, Group: g, Symmetric: sym}
				for _, c := range []struct{ n, cols, nq int }{
					{5, 2 * g, 1}, {3, 3 * g, 2}, {6, 2 * g, 4}, {9, 3 * g, 9}, {7, 128, 1}, {7, 128, 3},
				} {
					if c.cols%g != 0 {
						continue
					}
					vals := randomValues(rng, c.n*c.cols)
					for i := 0; i < c.n; i++ {
						for k := 0; k < 32; k++ {
							vals[i*c.cols+k] = 0.5 // one code in all of block 0
						}
					}
					r, err := NewRows(f, c.n, c.cols)
					require.NoError(t, err)
					require.NoError(t, Generic().Quantize(r, vals))
					x := randomValues(rng, c.nq*c.cols)
					for j := 0; j < c.nq; j++ {
						for k := 0; k < 32; k++ {
							x[j*c.cols+k] = float32(1e30 * float64(1-2*(k/16)))
						}
					}
					q, err := NewQ8(f, c.nq, c.cols)
					require.NoError(t, err)
					require.NoError(t, im.QuantizeQ8(q, x))
					want, tol := avx512RefDotQ8(r, q)
					out := make([]float32, c.nq*c.n)
					im.DotQ8(out, r, q)
					for k := range out {
						require.InDelta(t, want[k], out[k], tol[k], "%s, %d rows of %d, %d queries: row %d, query %d", f, c.n, c.cols, c.nq, k%c.n, k/c.n)
					}
				}
			}
		}
	}
}

// TestAVX512DotTinyQueries pins FuzzDot's finding: the 2- and 4-bit Dot
// row kernels multiply code fields converted in place (q·16^k, q·4^k)
// with query values scaled by 16^-k (4^-k), which for query values below
// 2^-96 are float32 subnormals that lose bits or vanish (2-bit codes in
// groups of 32 and more on rows of 64, 128 and 256 run the pair kernels
// now, which do not scale the query; their cases stay). Every query value
// here is a float32 subnormal or just above, against scales near 1000, so
// the products are normal and the sums exact to a few units in the last
// place.
func TestAVX512DotTinyQueries(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(63, 64))
	for _, fc := range []struct {
		f    Format
		cols int
	}{{Quant(2, 64), 128}, {SymQuant(2, 64), 128}, {Quant(4, 64), 128}, {SymQuant(4, 64), 128}, {Quant(4, 32), 128}, {SymQuant(8, 64), 128},
		{Quant(4, 16), 128}, {Quant(2, 16), 128}, {Quant(4, 16), 64}, {SymQuant(2, 16), 64}, {Quant(4, 16), 96}, {Quant(4, 32), 96}, {Quant(2, 16), 96}, {Quant(4, 64), 256}, {SymQuant(2, 16), 256}, {Quant(2, 256), 256}, {Quant(4, 16), 256},
		{Quant(4, 16), 80}, {SymQuant(4, 80), 80}, {SymQuant(2, 16), 80}, {Quant(2, 80), 80}, {Quant(4, 8), 128}, {SymQuant(4, 8), 64}, {Quant(4, 8), 256}, {Quant(4, 8), 96}, {SymQuant(4, 8), 80}, {Quant(2, 8), 128}, {SymQuant(2, 8), 128}, {Quant(2, 8), 256}, {SymQuant(2, 8), 64}} {
		f, cols := fc.f, fc.cols
		for _, nq := range []int{1, 2, 3, 4, 5, 9} {
			n := 1 + rng.IntN(20)
			vals := randomValues(rng, n*cols)
			for k := range vals {
				vals[k] = min(max(vals[k]*5000, -60000), 60000)
			}
			r, err := NewRows(f, n, cols)
			require.NoError(t, err)
			require.NoError(t, Generic().Quantize(r, vals))
			x := randomValues(rng, nq*cols)
			for k := range x {
				x[k] *= 0x1p-128 // subnormal; times 16^-7 below 2^-149
				if k%7 == 0 && nq%2 == 0 {
					x[k] *= 0x1p30 // with some just above 2^-96
				}
			}
			out := make([]float32, nq*n)
			im.Dot(out, r, x)
			for i := 0; i < n; i++ {
				v, mag := refRow(r, i)
				for j := 0; j < nq; j++ {
					var want, m float64
					for c := range v {
						want += v[c] * float64(x[j*cols+c])
						m += mag[c] * math.Abs(float64(x[j*cols+c]))
					}
					tol := 0x1p-24*200*m + 256*0x1p-149
					require.InDelta(t, want, out[j*n+i], tol, "%s, %d rows of %d, %d queries: row %d, query %d", f, n, cols, nq, i, j)
				}
			}
		}
	}
}

// TestAVX512AddWeightedNoFalseOverflow pins FuzzAddWeighted's finding: the
// 2- and 4-bit AddWeighted row kernels sum w·scale·(q·16^k) (q·4^k) per
// field and scale by 16^-k at the end, and those sums overflow 2^128 for
// results above 2^100 that are finite. Here weights of ±1e30 times values
// up to 6e4 give results near 1e35.
func TestAVX512AddWeightedNoFalseOverflow(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(65, 66))
	for _, fc := range []struct {
		f    Format
		cols int
	}{{Quant(2, 64), 128}, {SymQuant(2, 64), 128}, {Quant(4, 64), 128}, {SymQuant(4, 64), 128}, {Quant(4, 32), 128}, {Quant(8, 64), 128},
		{Quant(4, 16), 128}, {SymQuant(4, 16), 128}, {Quant(2, 16), 128}, {SymQuant(2, 16), 128}, {Quant(4, 32), 96}, {SymQuant(4, 96), 96},
		{Quant(4, 16), 64}, {Quant(2, 16), 64}, {Quant(2, 32), 96}, {SymQuant(2, 96), 96}, {Quant(4, 64), 256}, {SymQuant(4, 256), 256}, {Quant(4, 32), 256}, {Quant(2, 32), 256}, {SymQuant(2, 256), 256}, {Quant(2, 128), 256}, {Quant(2, 16), 256}, {SymQuant(4, 16), 256},
		{SymQuant(4, 16), 80}, {Quant(4, 80), 80}, {Quant(2, 16), 80}, {SymQuant(2, 80), 80}, {Quant(4, 16), 96},
		{Quant(4, 8), 128}, {SymQuant(4, 8), 64}, {Quant(4, 8), 256}, {Quant(4, 8), 96}, {SymQuant(4, 8), 80}, {Quant(2, 8), 96}, {SymQuant(2, 8), 80}} {
		f, cols := fc.f, fc.cols
		for _, nq := range []int{1, 2, 3} {
			for _, n := range []int{1, 2, 3, 8, 17} {
				vals := randomValues(rng, n*cols)
				for k := range vals {
					vals[k] = min(max(vals[k]*20000, -60000), 60000)
				}
				r, err := NewRows(f, n, cols)
				require.NoError(t, err)
				require.NoError(t, Generic().Quantize(r, vals))
				w := randomValues(rng, nq*n)
				for k := range w {
					w[k] *= 1e30
				}
				y := make([]float32, nq*cols)
				want, mag := make([]float64, len(y)), make([]float64, len(y))
				for i := 0; i < n; i++ {
					v, vm := refRow(r, i)
					for j := 0; j < nq; j++ {
						for c := range v {
							want[j*cols+c] += float64(w[j*n+i]) * v[c]
							mag[j*cols+c] += math.Abs(float64(w[j*n+i])) * vm[c]
						}
					}
				}
				im.AddWeighted(y, r, w)
				for k := range y {
					require.InDelta(t, want[k], y[k], 0x1p-24*float64(2*n+8)*mag[k], "%s, %d rows of %d, %d weight rows: y[%d]", f, n, cols, nq, k)
				}
			}
		}
	}
}

// TestAVX512RowKernelsKeepRowsApart pins FuzzDotQ8's finding: the DotQ8
// and Dot row kernels take four rows at a time, and formed the shift term
// as the four rows' scales and mins (one vector) times the query's group
// sums (0 in the scales' lanes), so a scale of ±Inf or NaN in one row gave
// 0*Inf = NaN in a lane that belongs to another row's sum. Every row whose
// own scales and mins are finite must get its own finite sum.
func TestAVX512RowKernelsKeepRowsApart(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(67, 68))
	for bits := 2; bits <= 8; bits++ {
		for _, fg := range []struct {
			sym   bool
			group int
		}{{false, 64}, {true, 64}, {false, 32}, {true, 32}, {false, 80}, {true, 80}, {false, 96}, {true, 96}, {false, 16}, {true, 16}, {false, 8}, {true, 8}} {
			f := Format{Bits: bits, Group: fg.group, Symmetric: fg.sym}
			for _, nc := range []struct{ n, cols int }{{4, 128}, {8, 128}, {7, 128}, {8, 256}, {7, 256}, {8, 64}, {9, 64}, {8, 96}, {7, 96}, {8, 80}, {7, 80},
				{16, 96}, {35, 96}, {16, 80}, {35, 80}, {16, 64}, {35, 64}, {16, 256}, {19, 256}, {16, 128}, {19, 128}} { // blocks of 16 rows of the stream kernels
				n, cols := nc.n, nc.cols
				if cols%f.Group != 0 {
					continue
				}
				r, _ := quantizedRows(t, rng, f, n, cols)
				badRow := avx512SpoilRow(rng, r)
				for _, nq := range []int{1, 2, 4} {
					x := randomValues(rng, nq*cols)
					q, err := NewQ8(f, nq, cols)
					require.NoError(t, err)
					require.NoError(t, im.QuantizeQ8(q, x))
					want, tol := avx512RefDotQ8(r, q)
					out := make([]float32, nq*n)
					im.DotQ8(out, r, q)
					for k, v := range out {
						if k%n != badRow {
							require.InDelta(t, want[k], v, tol[k], "DotQ8 %s, %d rows of %d (row %d with a non-finite scale or min), %d queries: row %d, query %d", f, n, cols, badRow, nq, k%n, k/n)
						}
					}
					if bits == 2 || bits == 4 {
						avx512RequireOtherRowsDot(t, im, r, x, badRow)
					}
				}
			}
		}
	}
}

// TestAVX512Row64KeepRowsApart: the Dot row kernels on rows of 64 (2- and
// 4-bit, one group or two of 32, which for 2-bit codes the pair kernels
// take, groups of 16 and 8) give every row whose own scales and mins are
// finite its own sum when another row's scale or min is ±Inf or NaN.
func TestAVX512Row64KeepRowsApart(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(69, 70))
	for _, f := range []Format{Quant(2, 64), SymQuant(2, 32), Quant(2, 32), Quant(4, 64), Quant(4, 32), SymQuant(4, 32), Quant(4, 16), SymQuant(2, 16), Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8)} {
		requireRowsKeptApart(t, im, rng, f, 64, []int{4, 8, 7}, []int{1, 2, 4})
	}
}

// TestAVX512RowG16KeepRowsApart: the Dot row kernels on 2- and 4-bit rows
// of 128 in groups of 16 (4-bit also 8), 2- and 4-bit rows of 96 in groups of 16 to 96, and
// 2- and 4-bit rows of 80 (sixteen or eight rows in five vectors),
// give every row whose own scales and mins are finite its
// own sum when another row's scale or min is ±Inf or NaN.
func TestAVX512RowG16KeepRowsApart(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(73, 74))
	for _, fc := range []struct {
		f    Format
		cols int
	}{{Quant(4, 16), 128}, {SymQuant(4, 16), 128}, {Quant(2, 16), 128}, {SymQuant(2, 16), 128}, {Quant(4, 32), 96}, {SymQuant(4, 32), 96}, {Quant(4, 96), 96}, {SymQuant(4, 96), 96}, {Quant(2, 32), 96}, {SymQuant(2, 96), 96}, {Quant(4, 16), 96}, {SymQuant(4, 16), 96},
		{Quant(2, 16), 96}, {SymQuant(2, 16), 96}, {Quant(4, 16), 80}, {SymQuant(4, 16), 80}, {Quant(4, 80), 80}, {SymQuant(4, 80), 80},
		{Quant(2, 16), 80}, {SymQuant(2, 16), 80}, {Quant(2, 80), 80}, {SymQuant(2, 80), 80}, {Quant(4, 8), 128}, {SymQuant(4, 8), 128}, {Quant(4, 8), 96}, {SymQuant(4, 8), 96}, {Quant(4, 8), 80}, {SymQuant(4, 8), 80}, {Quant(2, 8), 128}, {SymQuant(2, 8), 128}} {
		requireRowsKeptApart(t, im, rng, fc.f, fc.cols, []int{4, 8, 7}, []int{1, 2, 4})
	}
}

// TestAVX512Row256KeepRowsApart: the Dot row kernels on rows of 256 (each
// half of a row as a row of 128; 2-bit codes in groups of 32 and more: the
// pair kernels) give every row whose own scales and mins are finite its
// own sum when another row's scale or min is ±Inf or NaN.
func TestAVX512Row256KeepRowsApart(t *testing.T) {
	im := avx512ForTest(t)
	rng := rand.New(rand.NewPCG(71, 72))
	for _, f := range []Format{Quant(4, 32), SymQuant(4, 32), Quant(4, 64), SymQuant(4, 64), Quant(4, 128), Quant(4, 256), SymQuant(4, 256),
		Quant(2, 16), SymQuant(2, 16), Quant(2, 32), SymQuant(2, 64), Quant(2, 128), Quant(2, 256), SymQuant(2, 256), Quant(4, 16), SymQuant(4, 16), Quant(4, 8), SymQuant(4, 8), Quant(2, 8), SymQuant(2, 8)} {
		requireRowsKeptApart(t, im, rng, f, 256, []int{4, 8, 7}, []int{1, 2, 4})
	}
}

// requireRowsKeptApart quantizes n random rows of cols values in f for
// each n of ns, spoils one row's scale or min (avx512SpoilRow), and
// requires im's Dot to give every other row its own sum, for each number
// of query rows in nqs.
func requireRowsKeptApart(t *testing.T, im *Implementation, rng *rand.Rand, f Format, cols int, ns, nqs []int) {
	t.Helper()
	for _, n := range ns {
		r, _ := quantizedRows(t, rng, f, n, cols)
		badRow := avx512SpoilRow(rng, r)
		for _, nq := range nqs {
			avx512RequireOtherRowsDot(t, im, r, randomValues(rng, nq*cols), badRow)
		}
	}
}

// avx512SpoilRow sets one scale or min (a scale when symmetric) of a random
// row of r to +Inf, -Inf or NaN, and returns the row.
func avx512SpoilRow(rng *rand.Rand, r Rows) int {
	bad := []uint16{0x7c00, 0xfc00, 0x7e00} // +Inf, -Inf, NaN
	g := r.Format.Groups(r.Cols)
	row := rng.IntN(r.Len())
	if r.Format.Symmetric || rng.IntN(2) == 0 {
		r.Scales[g*row+rng.IntN(g)] = bad[rng.IntN(3)]
	} else {
		r.Mins[g*row+rng.IntN(g)] = bad[rng.IntN(3)]
	}
	return row
}

// avx512RequireOtherRowsDot runs im's Dot of r against the query rows x and
// requires every row but badRow to match its float64 sum.
func avx512RequireOtherRowsDot(t *testing.T, im *Implementation, r Rows, x []float32, badRow int) {
	t.Helper()
	n, cols := r.Len(), r.Cols
	nq := len(x) / cols
	out := make([]float32, nq*n)
	im.Dot(out, r, x)
	for i := 0; i < n; i++ {
		if i == badRow {
			continue
		}
		vals, mag := refRow(r, i)
		for j := 0; j < nq; j++ {
			var w, m float64
			for c, v := range vals {
				w += v * float64(x[j*cols+c])
				m += mag[c] * math.Abs(float64(x[j*cols+c]))
			}
			require.InDelta(t, w, out[j*n+i], sumTolerance(m, cols), "Dot %s, %d rows of %d (row %d with a non-finite scale or min), %d queries: row %d, query %d", r.Format, n, cols, badRow, nq, i, j)
		}
	}
}

// TestAVX512Finite checks the row kernels' finiteness scan: a non-finite
// value at any position, in either half of a 64-bit word, is found, and
// the largest and smallest finite values pass.
func TestAVX512Finite(t *testing.T) {
	v := make([]float32, 256)
	for k := range v {
		v[k] = float32(k) - 100
	}
	v[3], v[4], v[7], v[8] = math.MaxFloat32, -math.MaxFloat32, math.SmallestNonzeroFloat32, float32(math.Copysign(0, -1))
	require.True(t, avx512Finite(v))
	for _, bad := range []float32{float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), math.Float32frombits(0xffc00001)} {
		for k := range v {
			old := v[k]
			v[k] = bad
			require.False(t, avx512Finite(v), "%v at %d", bad, k)
			v[k] = old
		}
	}
}

// TestAVX512AttentionKernels checks what attnAVX512's doc says on every
// amd64 CPU, with AVX-512 or not: the avx512 tier runs its own scores,
// softmax and values kernels and the avx2 importance sums, and says it
// runs assembly.
func TestAVX512AttentionKernels(t *testing.T) {
	ptr := func(f any) uintptr { return reflect.ValueOf(f).Pointer() }
	got := avx512Impl.k.attention
	assert.Equal(t, ptr(attnScoresAVX512), ptr(got.scores), "scores")
	assert.Equal(t, ptr(attnSoftmaxAVX512), ptr(got.softmax), "softmax")
	assert.Equal(t, ptr(attnValuesAVX512), ptr(got.values), "values")
	assert.Equal(t, ptr(attnColSumsAVX512), ptr(got.colSums), "colSums")
	assert.True(t, avx512Impl.Accelerated(KernelAttention, F32))
	assert.True(t, avx2Impl.Accelerated(KernelAttention, F32))
}

// TestAVX512HadamardRunsAVX2 checks what avx512Impl's doc says on every
// amd64 CPU: Hadamard runs the avx2 kernel, and says it runs assembly.
func TestAVX512HadamardRunsAVX2(t *testing.T) {
	ptr := func(f any) uintptr { return reflect.ValueOf(f).Pointer() }
	assert.Equal(t, ptr(hadamardAVX2), ptr(avx512Impl.k.hadamard))
	assert.Equal(t, ptr(hadamardAVX2), ptr(avx2Impl.k.hadamard))
	assert.True(t, avx512Impl.Accelerated(KernelHadamard, F32))
}

// TestAVX512AddWeightedQ8Rows: on a CPU with VNNI and VBMI, the
// AddWeightedQ8 kernels take 2- and 4-bit rows of 64, 128 and 256 values
// in one, two or four groups (whose results TestAddWeightedQ8 checks), and
// no other rows.
func TestAVX512AddWeightedQ8Rows(t *testing.T) {
	im := avx512ForTest(t)
	if !avx512VNNI || !avx512VBMI {
		t.Skip("the CPU lacks VNNI or VBMI: AddWeightedQ8 runs the generic code")
	}
	for _, bits := range []int{2, 3, 4, 8} {
		for _, g := range []int{16, 32, 64, 96, 128, 256} {
			for _, cols := range []int{64, 96, 128, 192, 256, 512} {
				f := Quant(bits, g)
				want := (bits == 2 || bits == 4) && g%32 == 0 && g != 96 && cols%g == 0 && cols/g <= 4 && (cols == 64 || cols == 128 || cols == 256)
				require.Equal(t, want, avx512AddWeightedQ8Rows(f, cols), "%s, rows of %d", f, cols)
				require.Equal(t, (bits == 2 || bits == 4) && g%32 == 0 && g != 96, im.Accelerated(KernelAddWeightedQ8, f), "%s", f)
			}
		}
	}
}
