package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDotMatchesFloat64(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(3, 4))
		for _, c := range testCases() {
			r, _ := quantizedRows(t, rng, c.f, c.n, c.cols)
			x := randomValues(rng, c.nq*c.cols)
			out := make([]float32, c.nq*c.n)
			im.Dot(out, r, x)
			requireDots(t, r, float64s(x), out, "%s", c)
		}
	})
}

func TestDotQ8MatchesFloat64(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(5, 6))
		for _, c := range testCases() {
			r, _ := quantizedRows(t, rng, c.f, c.n, c.cols)
			x := randomValues(rng, c.nq*c.cols)
			q, err := NewQ8(c.f, c.nq, c.cols)
			require.NoError(t, err)
			require.NoError(t, im.QuantizeQ8(q, x))
			out := make([]float32, c.nq*c.n)
			im.DotQ8(out, r, q)
			requireDots(t, r, dequantizeQ8(q), out, "%s", c)
		}
	})
}

// dequantizeQ8 returns q's values times their block scales, in float64.
func dequantizeQ8(q *Q8) []float64 {
	out := make([]float64, len(q.Values))
	nb := q8Blocks(q.Group, q.Cols)
	for j := 0; j < q.Len(); j++ {
		b := j * nb
		for g := 0; g < q.Cols; g += q.Group {
			for s := 0; s < q.Group; s += 32 {
				for c := g + s; c < g+min(q.Group, s+32); c++ {
					out[j*q.Cols+c] = float64(q.Scales[b]) * float64(q.Values[j*q.Cols+c])
				}
				b++
			}
		}
	}
	return out
}

func TestQuantizeQ8(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(7, 8))
		for _, f := range []Format{Quant(4, 8), Quant(4, 40), Quant(2, 64), F16, F32} {
			for _, cols := range colsFor(f) {
				x := randomValues(rng, 2*cols)
				q, err := NewQ8(f, 2, cols)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(q, x))
				xq := dequantizeQ8(q)
				nb := q8Blocks(q.Group, cols)
				for c, v := range x {
					j := c / cols
					// find the block of column c
					b, col := j*nb, c%cols
					b += col / q.Group * ((q.Group + 31) / 32)
					b += col % q.Group / 32
					d := float64(q.Scales[b])
					assert.InDelta(t, float64(v), xq[c], d/2*(1+1e-6)+1e-30, "%s cols %d value %d", f, cols, c)
				}
				for b := range q.Sums {
					// recompute Σ Values of block b
					_ = b
				}
				var want float64
				for _, s := range q.Sums {
					want += float64(s)
				}
				var got float64
				for _, v := range xq {
					got += v
				}
				assert.InDelta(t, got, want, 1e-4*(1+math.Abs(got)), "%s cols %d: sums", f, cols)
			}
		}
	})
}

func TestAddWeightedMatchesFloat64(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(9, 10))
		for _, c := range testCases() {
			r, _ := quantizedRows(t, rng, c.f, c.n, c.cols)
			w := randomValues(rng, c.nq*c.n)
			y := randomValues(rng, c.nq*c.cols)
			requireAddWeighted(t, im, y, r, w, "%s", c)
		}
	})
}

// TestQuantizeErrorBound is the property test: every dequantized value is
// within scale/2 of its input, plus what the fp16 rounding of scale and min
// adds (the codes are chosen against the rounded values, so only the
// clamp at the ends of the range can add more).
func TestQuantizeErrorBound(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(11, 12))
		for _, f := range testFormats() {
			for _, cols := range colsFor(f) {
				n := 5
				x := randomValues(rng, n*cols)
				r, err := NewRows(f, n, cols)
				require.NoError(t, err)
				require.NoError(t, im.Quantize(r, x))
				got := make([]float32, len(x))
				im.Dequantize(got, r)
				for i := 0; i < n; i++ {
					vals, _ := refRow(r, i)
					row := x[i*cols : (i+1)*cols]
					var bound func(c int) float64
					for c, v := range vals {
						k := i*cols + c
						if float32(v) != got[k] {
							require.Equal(t, float32(v), got[k], "%s: Dequantize disagrees with float64 at %d", f, k)
						}
						if f.Quantized() && c%f.Group == 0 || bound == nil {
							bound = quantBound(f, row, c)
						}
						if !(math.Abs(float64(x[k])-v) <= bound(c)) {
							require.InDelta(t, x[k], v, bound(c), "%s cols %d value %d", f, cols, k)
						}
					}
				}
			}
		}
	})
}

// quantBound returns how far the stored value of row[c] may be from it,
// for every c of the group (or float row) that holds row[c0].
func quantBound(f Format, row []float32, c0 int) func(c int) float64 {
	switch f.Bits {
	case 32:
		return func(int) float64 { return 0 }
	case 16:
		return func(c int) float64 { return math.Abs(float64(row[c])) * 0x1p-11 }
	}
	g := c0 / f.Group * f.Group
	lo, hi := minMax(row[g : g+f.Group])
	var s, sf, m, mf float64
	if f.Symmetric {
		s = math.Max(-float64(lo), float64(hi)) / float64(int(1)<<(f.Bits-1)-1)
	} else {
		s = float64(hi-lo) / float64(int(1)<<f.Bits-1)
		m = float64(lo)
		mf = float64(F16ToFloat32(F16FromFloat32(lo)))
	}
	sf = float64(F16ToFloat32(scale16(float32(s))))
	levels := float64(int(1) << f.Bits)
	// Half a step, the drift of the rounded scale over the whole range, the
	// rounded min, and float32 rounding of the reconstruction.
	return func(c int) float64 {
		return sf/2 + math.Abs(s-sf)*levels + math.Abs(m-mf) + 1e-6*(math.Abs(float64(row[c]))+sf*levels)
	}
}

func TestDequantizeDoesNotFuse(t *testing.T) {
	// scale*q + min with a separate rounding of the product: the bits of
	// every implementation must match this formula exactly.
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(13, 14))
		for _, f := range testFormats() {
			if !f.Quantized() || f.Symmetric {
				continue
			}
			r, _ := quantizedRows(t, rng, f, 3, 2*f.Group)
			got := make([]float32, 3*2*f.Group)
			im.Dequantize(got, r)
			for i := 0; i < 3; i++ {
				vals, _ := refRow(r, i)
				for c := range vals {
					gi := i*2 + c/f.Group
					s, m := F16ToFloat32(r.Scales[gi]), F16ToFloat32(r.Mins[gi])
					q := float32(math.Round((vals[c] - float64(m)) / float64(s)))
					if s == 0 {
						q = 0
					}
					want := float32(s*q) + m
					require.Equal(t, want, got[i*2*f.Group+c], "%s value %d", f, c)
				}
			}
		}
	})
}

func TestSoftmax(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(15, 16))
		for _, n := range []int{1, 2, 7, 8, 15, 16, 17, 31, 64, 100, 1000} {
			x := make([]float32, n)
			for i := range x {
				x[i] = float32(rng.NormFloat64() * 8)
			}
			if n > 3 {
				x[2] = float32(math.Inf(-1))
			}
			want := make([]float64, n)
			mx := math.Inf(-1)
			for _, v := range x {
				mx = math.Max(mx, float64(v))
			}
			var sum float64
			for i, v := range x {
				want[i] = math.Exp(float64(v) - mx)
				sum += want[i]
			}
			in := append([]float32(nil), x...)
			im.Softmax(x)
			for i := range x {
				// exp32's own error (2 ulp), the float32 rounding of x - max
				// (|x - max| ulp of the result), and the sum's.
				tol := (4 + math.Abs(float64(in[i])-mx) + float64(n)/8) * 0x1p-24 * want[i] / sum
				require.InDelta(t, want[i]/sum, x[i], tol+1e-45, "n %d: x[%d]", n, i)
			}
		}
		for name, x := range map[string][]float32{
			"NaN":        {1, float32(math.NaN()), 2},
			"+Inf":       {1, float32(math.Inf(1)), 2},
			"all -Inf":   {float32(math.Inf(-1)), float32(math.Inf(-1))},
			"NaN at end": {1, 2, 3, 4, 5, 6, 7, 8, 9, float32(math.NaN())},
		} {
			im.Softmax(x)
			for i, v := range x {
				assert.True(t, math.IsNaN(float64(v)), "%s: x[%d] = %v", name, i, v)
			}
		}
		im.Softmax(nil)
	})
}

func TestExp32(t *testing.T) {
	for x := float32(-87.3); x < 88.3; x += 0.0137 {
		want := math.Exp(float64(x))
		require.InEpsilon(t, want, exp32(x), 3e-7, "exp(%v)", x)
	}
	assert.Equal(t, float32(0), exp32(-88))
	assert.Equal(t, float32(0), exp32(float32(math.Inf(-1))))
	assert.True(t, math.IsInf(float64(exp32(89)), 1))
}

func TestQuantizeKnownAnswers(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		r, err := NewRows(Quant(3, 8), 1, 8)
		require.NoError(t, err)
		require.NoError(t, im.Quantize(r, []float32{0, 1, 2, 3, 4, 5, 6, 7}))
		assert.Equal(t, []byte{0x88, 0xdd, 0xf0}, r.Data) // codes 0…7 in the 3 = 2+1 layout of pack
		assert.Equal(t, []uint16{0x3c00}, r.Scales)       // 1.0
		assert.Equal(t, []uint16{0x0000}, r.Mins)

		s, err := NewRows(SymQuant(4, 8), 1, 8)
		require.NoError(t, err)
		require.NoError(t, im.Quantize(s, []float32{-7, -6, -5, -4, -3, -2, -1, 0}))
		assert.Equal(t, []byte{0x51, 0x62, 0x73, 0x84}, s.Data) // codes 1…8: byte j = q_j | q_(j+4)<<4
		assert.Equal(t, []uint16{0x3c00}, s.Scales)
		assert.Empty(t, s.Mins)

		z, err := NewRows(Quant(2, 8), 1, 8)
		require.NoError(t, err)
		negZero := float32(math.Copysign(0, -1))
		require.NoError(t, im.Quantize(z, []float32{negZero, 0, negZero, 0, 0, negZero, 0, 0}))
		assert.Equal(t, []uint16{0}, z.Scales, "a zero scale is +0")
		assert.Equal(t, []uint16{0}, z.Mins, "a zero min is +0")

		h, err := NewRows(F16, 1, 3)
		require.NoError(t, err)
		require.NoError(t, im.Quantize(h, []float32{1, -2, 65504}))
		assert.Equal(t, []byte{0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b}, h.Data)
	})
}

func TestQuantizeRejectsUnstorableValues(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		for _, f := range []Format{Quant(4, 8), SymQuant(2, 8), F16, F32} {
			for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 70000, -65520} {
				if f == F32 && (bad == 70000 || bad == -65520) {
					continue
				}
				r, err := NewRows(f, 2, 8)
				require.NoError(t, err)
				for i := range r.Data {
					r.Data[i] = byte(i)
				}
				before := cloneRows(r)
				x := make([]float32, 16)
				x[11] = bad
				err = im.Quantize(r, x)
				require.Error(t, err, "%s with %v", f, bad)
				assert.Contains(t, err.Error(), "x[11]")
				assert.Equal(t, before, r, "%s: a failed Quantize changed the rows", f)
			}
		}
		r, err := NewRows(F32, 1, 2)
		require.NoError(t, err)
		require.NoError(t, im.Quantize(r, []float32{1e30, -1e30}))
	})
}

func cloneRows(r Rows) Rows {
	c := r
	c.Data = append([]byte(nil), r.Data...)
	c.Scales = append([]uint16(nil), r.Scales...)
	c.Mins = append([]uint16(nil), r.Mins...)
	return c
}

func TestQuantizeQ8RejectsNonFinite(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		q, err := NewQ8(Quant(4, 32), 1, 32)
		require.NoError(t, err)
		x := make([]float32, 32)
		x[5] = float32(math.Inf(-1))
		q.Values[0] = 9
		require.ErrorContains(t, im.QuantizeQ8(q, x), "x[5]")
		assert.Equal(t, int8(9), q.Values[0])
	})
}

func TestMisusePanics(t *testing.T) {
	r, err := NewRows(Quant(4, 32), 2, 64)
	require.NoError(t, err)
	q, err := NewQ8(Quant(4, 32), 1, 64)
	require.NoError(t, err)
	q16, err := NewQ8(Quant(4, 16), 1, 64)
	require.NoError(t, err)
	cases := map[string]struct {
		fn   func()
		want string
	}{
		"Dot x": {func() { Dot(make([]float32, 2), r, make([]float32, 63)) },
			"lowbit: Dot needs len(x) a positive multiple of 64 columns, got 63"},
		"Dot out": {func() { Dot(make([]float32, 3), r, make([]float32, 128)) },
			"lowbit: Dot of 2 rows and 2 queries needs len(out) = 4, got 3"},
		"Dot rows": {func() {
			Dot(make([]float32, 2), Rows{Format: r.Format, Cols: 64, Data: r.Data, Scales: r.Scales[:3], Mins: r.Mins}, make([]float32, 64))
		},
			"lowbit: Dot: lowbit: 2 rows of q4g32 need 4 scales, have 3"},
		"Dot format": {func() { Dot(make([]float32, 2), Rows{Format: Quant(4, 12), Cols: 24}, make([]float32, 24)) },
			"lowbit: Dot: lowbit: invalid format: group 12 of 4-bit codes is not a positive multiple of 8"},
		"DotQ8 group": {func() { DotQ8(make([]float32, 2), r, q16) },
			"lowbit: DotQ8 of q4g32 rows of 64 values with a Q8 of 64 values in groups of 16 (want 32)"},
		"DotQ8 out": {func() { DotQ8(make([]float32, 1), r, q) },
			"lowbit: DotQ8 of 2 rows and 1 queries needs len(out) = 2, got 1"},
		"AddWeighted w": {func() { AddWeighted(make([]float32, 64), r, make([]float32, 3)) },
			"lowbit: AddWeighted of 2 rows needs len(w) a positive multiple of 2, got 3"},
		"AddWeighted y": {func() { AddWeighted(make([]float32, 65), r, make([]float32, 2)) },
			"lowbit: AddWeighted of 1 weight rows of 64 values needs len(y) = 64, got 65"},
		"Quantize x": {func() { _ = Quantize(r, make([]float32, 127)) },
			"lowbit: Quantize into 2 rows of 64 values from len(x) = 127"},
		"Dequantize dst": {func() { Dequantize(make([]float32, 127), r) },
			"lowbit: Dequantize of 2 rows of 64 values needs len(dst) = 128, got 127"},
		"QuantizeQ8 x": {func() { _ = QuantizeQ8(q, make([]float32, 65)) },
			"lowbit: QuantizeQ8 into a Q8 of 64 values from len(x) = 65"},
	}
	for name, c := range cases {
		assert.PanicsWithValue(t, c.want, c.fn, name)
	}
}

func TestKernelsDoNotAllocate(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(17, 18))
		for _, fc := range []struct {
			f    Format
			cols int
		}{{Quant(4, 64), 128}, {SymQuant(6, 32), 128}, {Quant(4, 8), 128}, {SymQuant(2, 16), 128}, {Quant(3, 40), 120}, {Quant(4, 80), 240}, {Quant(4, 128), 128}, {F16, 128}, {F32, 128},
			{SymQuant(3, 8), 8}, {Quant(4, 8), 8}, // rows of 8 (9 rows: a padded last batch)
			{Quant(2, 64), 64}, {SymQuant(4, 32), 256}, // four query rows: DotQ8's four-query kernels and their padded last block
			{Quant(2, 8), 80}, {SymQuant(2, 8), 96}, // one query row: the 2-bit row kernels of groups of 8 and their padded block
			{Quant(2, 16), 80}, {SymQuant(2, 16), 96}, // four query rows: the 2-bit kernels of rows in lanes and their padded block
			{Quant(2, 64), 128}, {SymQuant(2, 32), 128}, {SymQuant(4, 64), 128}, {Quant(2, 128), 256}, {SymQuant(4, 32), 64}} { // AddWeightedQ8's kernels (a partial block of rows)
			f, cols := fc.f, fc.cols
			for _, nq := range []int{1, 2, 4} {
				r, x := quantizedRows(t, rng, f, 9, cols)
				q, err := NewQ8(f, nq, cols)
				require.NoError(t, err)
				xq := randomValues(rng, nq*cols)
				out := make([]float32, nq*9)
				y := make([]float32, nq*cols)
				allocs := testing.AllocsPerRun(5, func() {
					im.Dot(out, r, xq)
					_ = im.QuantizeQ8(q, xq)
					im.DotQ8(out, r, q)
					im.AddWeighted(y, r, out)
					im.AddWeightedQ8(y, r, out)
					_ = im.Quantize(r, x)
					im.Dequantize(x, r)
					im.Softmax(out)
					im.Hadamard(y, 8)
					im.Hadamard(xq, cols&-cols)
				})
				assert.Zero(t, allocs, "%s, %d query rows", f, nq)
			}
		}
	})
}

func TestImplementations(t *testing.T) {
	impls := Implementations()
	require.NotEmpty(t, impls)
	assert.Equal(t, "generic", impls[0].Name())
	assert.Same(t, Generic(), impls[0])
	assert.Same(t, impls[len(impls)-1], chooseActive(""))
	for _, im := range impls {
		assert.Same(t, im, Lookup(im.Name()))
		assert.Same(t, im, chooseActive(im.Name()))
	}
	assert.Nil(t, Lookup("no such"))
	assert.PanicsWithValue(t, fmt.Sprintf("lowbit: LOWBIT_IMPL=%q, but this CPU runs only %s", "z80", names(impls)), func() { chooseActive("z80") })
	for _, k := range Kernels() {
		assert.False(t, Generic().Accelerated(k, Quant(4, 32)), "generic is never accelerated")
		assert.NotContains(t, k.String(), "Kernel(")
	}
}

func names(impls []*Implementation) string {
	s := ""
	for i, im := range impls {
		if i > 0 {
			s += ", "
		}
		s += im.Name()
	}
	return s
}

// TestQuantizeQ8TinyBlocks: a block below 2^-120 (where 127/max|x| would
// overflow) is stored as zeros with scale 0 by every implementation; one
// just above it keeps its values.
func TestQuantizeQ8TinyBlocks(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		q, err := NewQ8(Quant(4, 32), 1, 64)
		require.NoError(t, err)
		x := make([]float32, 64)
		for i := range 32 {
			x[i] = float32(i-16) * 0x1p-126    // max 2^-122: flushed
			x[32+i] = float32(i-16) * 0x1p-124 // max 2^-120: kept
		}
		x[5] = 0
		require.NoError(t, im.QuantizeQ8(q, x))
		assert.Equal(t, make([]int8, 32), q.Values[:32])
		assert.Equal(t, []float32{0, 0x1p-120 / 127}, q.Scales)
		assert.Equal(t, float32(0), q.Sums[0])
		assert.Equal(t, int8(-127), q.Values[32])
		assert.Equal(t, int8(0), q.Values[48])
	})
}
