//go:build !purego

package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The tests here aim at the code paths of the avx2 kernels that the shared
// tests do not reach: unit kernels with rows of 1, 2, 4, 8 and 8k groups
// and their row tails, row kernels with more groups than a chunk, every
// query count up to 9, and more rows than one assembly call takes.

// avx2Or skips the test when this CPU does not run the avx2 kernels.
func avx2Or(t *testing.T) *Implementation {
	im := Lookup("avx2")
	if im == nil {
		t.Skip("this CPU does not run the avx2 kernels")
	}
	return im
}

// avx2Formats lists code formats with groups of whole blocks, and the
// column counts (in groups) that reach every output mode of the unit
// kernels and the group chunking of the row kernels.
func avx2Formats() []Format {
	var fs []Format
	for bits := 2; bits <= 8; bits++ {
		fs = append(fs, Quant(bits, 32), SymQuant(bits, 64), Quant(bits, 96))
	}
	return fs
}

var avx2GroupCounts = []int{1, 2, 3, 4, 8, 16, 24, 65}

// dotWant returns Σ_c deq(r[i,c]) * x[j*Cols+c] in float64 and the bound
// of a float32 evaluation's error.
func dotWant(r Rows, i int, x []float64, j int) (want, tol float64) {
	vals, mag := refRow(r, i)
	var m float64
	for c, v := range vals {
		want += v * x[j*r.Cols+c]
		m += mag[c] * math.Abs(x[j*r.Cols+c])
	}
	return want, sumTolerance(m, r.Cols)
}

func TestAVX2DotShapes(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(31, 32))
	for _, f := range avx2Formats() {
		for _, ng := range avx2GroupCounts {
			cols := ng * f.Group
			for _, n := range []int{1, 5, 8, 9, 23} {
				nq := 1 + rng.IntN(9)
				if ng == 65 {
					n = 2
				}
				r, _ := quantizedRows(t, rng, f, n, cols)
				x := randomValues(rng, nq*cols)
				x64 := make([]float64, len(x))
				for k, v := range x {
					x64[k] = float64(v)
				}
				out := make([]float32, nq*n)
				for k := range out {
					out[k] = float32(math.NaN()) // Dot overwrites
				}
				im.Dot(out, r, x)
				for i := 0; i < n; i++ {
					for j := 0; j < nq; j++ {
						want, tol := dotWant(r, i, x64, j)
						require.InDelta(t, want, out[j*n+i], tol, "%s cols %d rows %d queries %d: row %d query %d", f, cols, n, nq, i, j)
					}
				}

				q, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(q, x))
				xq := dequantizeQ8(q)
				for k := range out {
					out[k] = float32(math.NaN())
				}
				im.DotQ8(out, r, q)
				for i := 0; i < n; i++ {
					for j := 0; j < nq; j++ {
						want, tol := dotWant(r, i, xq, j)
						require.InDelta(t, want, out[j*n+i], tol, "DotQ8 %s cols %d rows %d queries %d: row %d query %d", f, cols, n, nq, i, j)
					}
				}
			}
		}
	}
}

// TestAVX2DotQ8ExactIntegers checks the integer block sums where int16
// saturation would show: codes at the top of their range times ±127.
func TestAVX2DotQ8ExactIntegers(t *testing.T) {
	im := avx2Or(t)
	for bits := 2; bits <= 8; bits++ {
		f := Quant(bits, 32)
		r, err := NewRows(f, 1, 32)
		require.NoError(t, err)
		top := float32(int(1)<<bits - 1)
		x := make([]float32, 32)
		for c := range x {
			x[c] = top // every code is 2^bits-1 with scale 1, min 0
		}
		x[0] = 0
		require.NoError(t, Generic().Quantize(r, x))
		q, err := NewQ8(f, 2, 32)
		require.NoError(t, err)
		for c := 0; c < 32; c++ {
			q.Values[c], q.Values[32+c] = 127, -127
		}
		q.Scales[0], q.Scales[1] = 1, 1
		q.Sums[0], q.Sums[1] = 127*32, -127*32
		out := make([]float32, 2)
		im.DotQ8(out, r, q)
		want := float64(top) * 127 * 31
		require.Equal(t, float32(want), out[0], "%d bits", bits)
		require.Equal(t, float32(-want), out[1], "%d bits", bits)
	}
}

// TestAVX2ManyRows crosses the row chunk of one assembly call, in the row
// kernels (3 groups per row) and the unit kernels (2 groups).
func TestAVX2ManyRows(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(33, 34))
	for _, f := range []Format{Quant(4, 32), SymQuant(3, 32)} {
		for _, cols := range []int{96, 64} {
			n := avx2ChunkRows + 13
			for _, nq := range []int{1, 2} {
				r, _ := quantizedRows(t, rng, f, n, cols)
				x := randomValues(rng, nq*cols)
				x64 := make([]float64, len(x))
				for k, v := range x {
					x64[k] = float64(v)
				}
				got := make([]float32, nq*n)
				im.Dot(got, r, x)
				for i := 0; i < n; i++ {
					for j := 0; j < nq; j++ {
						want, tol := dotWant(r, i, x64, j)
						require.InDelta(t, want, got[j*n+i], tol, "%s cols %d: row %d query %d", f, cols, i, j)
					}
				}
			}
		}
	}
}

func TestAVX2Accelerated(t *testing.T) {
	im := avx2Or(t)
	for _, f := range testFormats() {
		for _, k := range []Kernel{KernelDot, KernelDotQ8} {
			want := !f.Quantized() || f.Group%32 == 0
			if f.Quantized() {
				require.Equal(t, want, im.Accelerated(k, f), fmt.Sprintf("%s %s", k, f))
			}
		}
	}
}
