//go:build gc && !purego

package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
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
				out := make([]float32, nq*n)
				for k := range out {
					out[k] = float32(math.NaN()) // Dot overwrites
				}
				im.Dot(out, r, x)
				requireDots(t, r, float64s(x), out, "%s cols %d rows %d queries %d", f, cols, n, nq)

				q, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(q, x))
				for k := range out {
					out[k] = float32(math.NaN())
				}
				im.DotQ8(out, r, q)
				requireDots(t, r, dequantizeQ8(q), out, "DotQ8 %s cols %d rows %d queries %d", f, cols, n, nq)
			}
		}
	}
}

// TestAVX2DotQ8ExactIntegers checks the integer block sums where int16
// saturation would show: codes at the top of their range times ±127, in
// groups of whole blocks and of 8, 16 and 24 (the lane and tail kernels),
// with one query row and two.
func TestAVX2DotQ8ExactIntegers(t *testing.T) {
	im := avx2Or(t)
	const cols = 96
	for bits := 2; bits <= 8; bits++ {
		for _, g := range []int{32, 8, 16, 24} {
			for _, nq := range []int{1, 2} {
				f := Quant(bits, g)
				r, err := NewRows(f, 1, cols)
				require.NoError(t, err)
				top := float32(int(1)<<bits - 1)
				x := make([]float32, cols)
				for c := range x {
					x[c] = top // every code is 2^bits-1 with scale 1, min 0
				}
				for c := 0; c < cols; c += g {
					x[c] = 0
				}
				require.NoError(t, Generic().Quantize(r, x))
				q, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				for k := range q.Values {
					q.Values[k] = int8(127 - 254*(k/cols%2))
				}
				nb := len(q.Scales) / nq
				for b := range q.Scales {
					q.Scales[b] = 1
					q.Sums[b] = float32(q.Values[b/nb*cols]) * float32(cols/nb)
				}
				out := make([]float32, nq)
				im.DotQ8(out, r, q)
				want := float64(top) * 127 * float64(cols-cols/g)
				for j := range out {
					require.Equal(t, float32(want*float64(1-2*(j%2))), out[j], "%s queries %d: query %d", f, nq, j)
				}
			}
		}
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
				got := make([]float32, nq*n)
				im.Dot(got, r, x)
				requireDots(t, r, float64s(x), got, "%s cols %d", f, cols)
			}
		}
	}
}

func TestAVX2Accelerated(t *testing.T) {
	im := avx2Or(t)
	assert.False(t, im.Accelerated(KernelDotQ8, Quant(4, 8192)), "DotQ8 on groups above 4096 values runs generic code")
	assert.True(t, im.Accelerated(KernelDot, Quant(4, 8192)))
	assert.True(t, im.Accelerated(KernelHadamard, F32))
	for _, f := range testFormats() {
		for _, k := range Kernels() {
			require.Equal(t, k != KernelAddWeightedQ8 || !f.Quantized(), im.Accelerated(k, f), fmt.Sprintf("%s %s", k, f))
		}
	}
}

// exactnessRows returns n rows of cols values built to stress the bit-exact
// kernels: every group gets one of several shapes (plain, tiny or huge
// magnitude, constant, signed zeros, values on the rounding ties of a
// power-of-two scale, the fp16 extremes).
func exactnessRows(rng *rand.Rand, n, cols, group int) []float32 {
	x := randomValues(rng, n*cols)
	negZero := float32(math.Copysign(0, -1))
	for g := 0; g < n*cols/group; g++ {
		v := x[g*group : (g+1)*group]
		switch rng.IntN(9) {
		case 0:
			for k := range v {
				v[k] *= 1e-6 // scales in the fp16 subnormals
			}
		case 1:
			for k := range v {
				v[k] = max(-MaxF16, min(MaxF16, v[k]*3000))
			}
		case 2:
			c := v[0]
			for k := range v {
				v[k] = c
			}
		case 3:
			for k := range v {
				v[k] = 0
				if rng.IntN(2) == 0 {
					v[k] = negZero
				}
			}
		case 4: // halves of a power-of-two step: every scaled value is a tie
			for k := range v {
				v[k] = float32(rng.IntN(16)) + 0.5
			}
			if len(v) > 1 {
				v[0], v[1] = 0, 15
			}
		case 5:
			for k := range v {
				v[k] = MaxF16 * float32(rng.Float64()*2-1)
			}
			v[0] = -MaxF16
		case 6:
			for k := range v {
				v[k] = float32(rng.IntN(7)) - 3 // small integers: symmetric ties
			}
		}
	}
	return x
}

func TestAVX2QuantizeBitExact(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(35, 36))
	var fs []Format
	for bits := 2; bits <= 8; bits++ {
		fs = append(fs, Quant(bits, 32), SymQuant(bits, 32), Quant(bits, 64), SymQuant(bits, 128))
		for _, g := range avx2SmallGroups {
			fs = append(fs, Format{Bits: bits, Group: g, Symmetric: (bits+g/8)%2 == 0})
		}
	}
	fs = append(fs, F16, F32)
	for _, f := range fs {
		for _, cols := range []int{32, 96, 256, 3, 13, f.Group, 3 * f.Group} {
			if cols == 0 || f.Quantized() && cols%f.Group != 0 {
				continue
			}
			n := 1 + rng.IntN(40)
			group := cols
			if f.Quantized() {
				group = f.Group
			}
			x := exactnessRows(rng, n, cols, group)
			got, err := NewRows(f, n, cols)
			require.NoError(t, err)
			want := cloneRows(got)
			require.NoError(t, im.Quantize(got, x))
			require.NoError(t, Generic().Quantize(want, x))
			require.Equal(t, want.Data, got.Data, "%s cols %d rows %d: codes", f, cols, n)
			require.Equal(t, want.Scales, got.Scales, "%s cols %d rows %d: scales", f, cols, n)
			require.Equal(t, want.Mins, got.Mins, "%s cols %d rows %d: mins", f, cols, n)

			dg, dw := make([]float32, n*cols), make([]float32, n*cols)
			im.Dequantize(dg, got)
			Generic().Dequantize(dw, got)
			for k := range dg {
				require.Equal(t, math.Float32bits(dw[k]), math.Float32bits(dg[k]), "%s cols %d: Dequantize value %d", f, cols, k)
			}
		}
	}
}

func TestAVX2QuantizeQ8BitExact(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(37, 38))
	for _, f := range []Format{Quant(4, 32), SymQuant(2, 64), Quant(8, 128), Quant(4, 40), Quant(3, 8), SymQuant(4, 16), Quant(2, 24), Quant(5, 80), F16, F32} {
		for _, cols := range []int{1, 7, 8, 16, 24, 31, 32, 33, 40, 48, 64, 80, 95, 128, 240, 256} {
			if f.ValidateCols(cols) != nil {
				continue
			}
			for _, nq := range []int{1, 3} {
				x := exactnessRows(rng, nq, cols, cols)
				if rng.IntN(3) == 0 {
					for k := range x[:min(len(x), 32)] {
						x[k] = 0 // an all-zero block
					}
				}
				got, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				want, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(got, x))
				require.NoError(t, Generic().QuantizeQ8(want, x))
				require.Equal(t, want.Values, got.Values, "%s cols %d queries %d", f, cols, nq)
				for b := range want.Scales {
					require.Equal(t, math.Float32bits(want.Scales[b]), math.Float32bits(got.Scales[b]), "%s cols %d: scale %d", f, cols, b)
					require.Equal(t, math.Float32bits(want.Sums[b]), math.Float32bits(got.Sums[b]), "%s cols %d: sum %d", f, cols, b)
				}
			}
		}
	}
}

// TestAVX2FloatRows runs Dot, DotQ8 and AddWeighted on fp16 and float32
// rows of every tail length, long enough to chunk DotQ8's query buffer,
// with 1 to 6 query (weight) rows.
func TestAVX2FloatRows(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(39, 40))
	for _, f := range []Format{F16, F32} {
		for _, cols := range []int{1, 3, 7, 8, 9, 15, 31, 33, 40, 100, 1100} {
			for _, n := range []int{1, 2, 5} {
				requireKernels(t, im, rng, testCase{f, cols, n, 1 + rng.IntN(6)})
			}
		}
	}
}

// TestAVX2AddWeightedShapes covers the code paths of AddWeighted on codes:
// 1 to 9 weight rows, more rows than the weight table, more groups than a
// chunk.
func TestAVX2AddWeightedShapes(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(43, 44))
	for _, f := range []Format{Quant(4, 32), SymQuant(7, 64), Quant(2, 96), SymQuant(8, 32)} {
		for _, shape := range [][2]int{{1, 1}, {3, 2}, {avx2AddWRows + 5, 1}, {2, 65}} {
			n, cols := shape[0], shape[1]*f.Group
			nq := 1 + rng.IntN(9)
			r, _ := quantizedRows(t, rng, f, n, cols)
			w := randomValues(rng, nq*n)
			y := randomValues(rng, nq*cols)
			requireAddWeighted(t, im, y, r, w, "%s rows %d cols %d weights %d", f, n, cols, nq)
		}
	}
}

// TestAVX2SoftmaxEdges: underflow to 0, -Inf entries, one dominant value,
// lengths around the vector width, against the generic kernel.
func TestAVX2SoftmaxEdges(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(45, 46))
	for _, n := range []int{1, 3, 8, 9, 23, 64, 4097} {
		for variant := 0; variant < 4; variant++ {
			x := make([]float32, n)
			for k := range x {
				x[k] = float32(rng.NormFloat64() * 30)
				switch {
				case variant == 1 && k%3 == 0:
					x[k] = float32(math.Inf(-1))
				case variant == 2:
					x[k] = -200 * float32(rng.Float64()) // mostly below exp's range
				case variant == 3:
					x[k] = 5
				}
			}
			x[n-1] = 60
			want := append([]float32(nil), x...)
			Generic().Softmax(want)
			im.Softmax(x)
			for k := range x {
				require.InDelta(t, want[k], x[k], 4e-7*float64(want[k])+float64(n)*1e-9*float64(want[k])+1e-45, "n %d variant %d: x[%d]", n, variant, k)
			}
		}
	}
}

func TestAVX2AbsBitsMax(t *testing.T) {
	avx2Or(t)
	rng := rand.New(rand.NewPCG(47, 48))
	for n := 0; n < 80; n++ {
		for rep := 0; rep < 20; rep++ {
			x := guardedCopy(t, randomValues(rng, n))
			if n > 0 && rep%2 == 0 {
				x[rng.IntN(n)] = []float32{float32(math.NaN()), float32(math.Inf(-1)), -MaxF16 * 2, 1e-40}[rep/2%4]
			}
			require.Equal(t, absBitsMaxGeneric(x), absBitsMaxAVX2(x), "n %d", n)
		}
	}
}

// TestAVX2DotQ8BlockSumsFirst: each block's integer sum must be formed
// before its scale multiplies it. Block 0 of every row sums to 0 from
// partial sums of ±129540 under a block scale of 1e30; a kernel that
// scaled partial sums first would carry ±1.3e35 and lose block 1's 32.
func TestAVX2DotQ8BlockSumsFirst(t *testing.T) {
	im := avx2Or(t)
	f := Quant(8, 32)
	for _, nq := range []int{1, 3} {
		r, err := NewRows(f, 4, 64)
		require.NoError(t, err)
		for i := 0; i < 4; i++ {
			row := r.Data[i*64:]
			for c := 0; c < 8; c++ {
				row[c] = 255
			}
			for c := 32; c < 64; c++ {
				row[c] = 1
			}
			r.Scales[2*i], r.Scales[2*i+1] = F16FromFloat32(1), F16FromFloat32(1)
		}
		q, err := NewQ8(f, nq, 64)
		require.NoError(t, err)
		for j := 0; j < nq; j++ {
			v := q.Values[j*64:]
			for c := 0; c < 4; c++ {
				v[c], v[c+4] = 127, -127
			}
			for c := 32; c < 64; c++ {
				v[c] = 1
			}
			q.Scales[2*j], q.Scales[2*j+1] = 1e30, 1
			q.Sums[2*j], q.Sums[2*j+1] = 0, 32
		}
		out := make([]float32, 4*nq)
		im.DotQ8(out, r, q)
		want := make([]float32, 4*nq)
		Generic().DotQ8(want, r, q)
		for k := range out {
			require.Equal(t, float32(32), want[k])
			require.Equal(t, want[k], out[k], "%d queries: out[%d]", nq, k)
		}
	}
}

// avx2SmallGroups are groups that are not a multiple of 32, whose kernels
// (lane and tail kernels) walk whole blocks and a last block of 8, 16 or
// 24 values: every last-block length with no, one and several whole
// blocks.
var avx2SmallGroups = []int{8, 16, 24, 40, 48, 56, 72, 80, 88, 104, 120, 200}

// TestAVX2SmallGroupShapes runs Dot, DotQ8 and AddWeighted on groups that
// are not a multiple of 32 in every width: rows of one to five groups and
// of model widths, row counts around the scale ring of eight groups and
// the 8-row batches, 1 to 9 query (weight) rows.
func TestAVX2SmallGroupShapes(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(51, 52))
	for bits := 2; bits <= 8; bits++ {
		for _, g := range avx2SmallGroups {
			f := Format{Bits: bits, Group: g, Symmetric: (bits+g/8)%2 == 1}
			cols := []int{g, 3 * g, 5 * g}
			for _, c := range modelCols {
				if c%g == 0 && c > g {
					cols = append(cols, c)
				}
			}
			for _, c := range cols {
				requireKernels(t, im, rng, testCase{f, c, []int{1, 2, 7, 9, 23}[rng.IntN(5)], 1 + rng.IntN(9)})
			}
		}
	}
}

// TestAVX2DotQ8LaneShapes runs DotQ8 of one query row through the lane
// kernels (2- and 4-bit codes in groups of 8 and 16): rows of one to 130
// groups (two and four groups: several rows per vector; not a multiple
// of eight: a masked last chunk; more than a call's 64: chunks of
// groups), every row count around the batches of eight and the padded
// last rows, symmetric and not.
func TestAVX2DotQ8LaneShapes(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(53, 54))
	for _, bits := range []int{2, 4} {
		for _, g := range []int{8, 16} {
			for _, ng := range []int{1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 16, 17, 63, 64, 65, 130} {
				for _, n := range []int{1, 2, 7, 8, 9, 15, 16, 17, 23, 64} {
					f := Format{Bits: bits, Group: g, Symmetric: rng.IntN(2) == 0}
					require.True(t, avx2DotQ8Lanes(f))
					cols := ng * g
					r0, _ := quantizedRows(t, rng, f, n, cols)
					r := guardedRows(t, r0) // the kernels read past partial chunks: never past the rows
					x := randomValues(rng, cols)
					q, err := NewQ8(f, 1, cols)
					require.NoError(t, err)
					require.NoError(t, im.QuantizeQ8(q, x))
					out := make([]float32, n)
					for k := range out {
						out[k] = float32(math.NaN())
					}
					im.DotQ8(out, r, q)
					requireDots(t, r, dequantizeQ8(q), out, "%s cols %d rows %d", f, cols, n)
				}
			}
		}
	}
}

// TestAVX2DotQ8GroupRows runs DotQ8 of one query row on rows that are one
// group (the kernels that take eight rows per vector): a last block of 16
// or 32 values, row counts around the batches of eight.
func TestAVX2DotQ8GroupRows(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(55, 56))
	for _, bits := range []int{2, 4} {
		for _, g := range []int{48, 80, 96, 112, 160, 208, 240, 1008, 1024} {
			for _, n := range []int{1, 7, 8, 9, 17, 64} {
				f := Format{Bits: bits, Group: g, Symmetric: rng.IntN(2) == 0}
				require.True(t, avx2DotQ8Group(f, g))
				r0, _ := quantizedRows(t, rng, f, n, g)
				r := guardedRows(t, r0)
				x := randomValues(rng, g)
				q, err := NewQ8(f, 1, g)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(q, x))
				out := make([]float32, n)
				for k := range out {
					out[k] = float32(math.NaN())
				}
				im.DotQ8(out, r, q)
				requireDots(t, r, dequantizeQ8(q), out, "%s rows %d", f, n)
			}
		}
	}
}
