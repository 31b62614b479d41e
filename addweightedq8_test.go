package lowbit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit/pack"
	"github.com/stretchr/testify/require"
)

// addWeightedQ8Want returns what AddWeightedQ8(y, r, w) should leave in y,
// from its definition: the rounded weights computed in float32 exactly as
// specified, the sums in float64; and each result's magnitude, for
// sumTolerance. Float rows give addWeightedWant's.
func addWeightedQ8Want(r Rows, w, y []float32) (want, mag []float64) {
	f, n, cols := r.Format, r.Len(), r.Cols
	if !f.Quantized() {
		return addWeightedWant(r, w, y)
	}
	want, mag = make([]float64, len(y)), make([]float64, len(y))
	for k, v := range y {
		want[k], mag[k] = float64(v), math.Abs(float64(v))
	}
	groups := f.Groups(cols)
	codes := make([]byte, f.Group)
	for j := 0; j < len(w)/n; j++ {
		for b0 := 0; b0 < n; b0 += AddWeightedQ8Rows {
			b1 := min(n, b0+AddWeightedQ8Rows)
			for g := range groups {
				p := make([]float32, b1-b0)
				var amax float32
				for i := b0; i < b1; i++ {
					p[i-b0] = w[j*n+i] * F16ToFloat32(r.Scales[i*groups+g])
					amax = max(amax, float32(math.Abs(float64(p[i-b0]))))
				}
				if amax < 0x1p-120 {
					amax = 0
				}
				var inv float32
				if amax != 0 {
					inv = 127 / amax
				}
				a := float64(amax / 127)
				for i := b0; i < b1; i++ {
					u := float64(int32(math.RoundToEven(float64(p[i-b0] * inv))))
					pack.Unpack(codes, r.Data[i*f.RowBytes(cols)+g*f.Group*f.Bits/8:][:f.Group*f.Bits/8], f.Bits)
					var shift, smag float64
					if f.Symmetric {
						shift = -a * u * math.Exp2(float64(f.Bits-1))
						smag = math.Abs(shift)
					} else {
						shift = float64(w[j*n+i]) * float64(F16ToFloat32(r.Mins[i*groups+g]))
						smag = math.Abs(shift)
					}
					for c, q := range codes {
						k := j*cols + g*f.Group + c
						want[k] += a*u*float64(q) + shift
						mag[k] += math.Abs(a*u*float64(q)) + smag
					}
				}
			}
		}
	}
	return want, mag
}

// requireAddWeightedQ8 runs im.AddWeightedQ8(y, r, w) and requires y to be
// addWeightedQ8Want's result within sumTolerance.
func requireAddWeightedQ8(t *testing.T, im *Implementation, y []float32, r Rows, w []float32, msg string, args ...any) {
	t.Helper()
	want, mag := addWeightedQ8Want(r, w, y)
	im.AddWeightedQ8(y, r, w)
	requireWeightedSums(t, y, want, mag, r.Len(), msg, args...)
}

// TestAddWeightedQ8 runs every implementation on the shapes the avx512
// kernels take (2- and 4-bit rows of 64, 128 and 256 in one, two or four
// groups, symmetric or not, 1 to 2100 rows: partial blocks, partial quads, several chunks; 1 to
// 9 weight rows) and on others (the generic code, float rows), against the
// definition.
func TestAddWeightedQ8(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	formats := []Format{Quant(2, 64), SymQuant(2, 64), Quant(2, 32), SymQuant(2, 32), Quant(2, 128), SymQuant(2, 128),
		Quant(4, 64), SymQuant(4, 64), Quant(4, 32), SymQuant(4, 128), Quant(2, 256), SymQuant(4, 256), SymQuant(3, 32), Quant(2, 16), Quant(8, 64), F16, F32}
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		for _, f := range formats {
			for _, cols := range []int{128, 64, 256} {
				if f.Quantized() && cols%f.Group != 0 {
					continue
				}
				for _, n := range []int{1, 3, 4, 5, 63, 64, 65, 130, 1023, 1024, 1025, 2100} {
					for _, nq := range []int{1, 2, 3, 4, 5, 9} {
						if n > 200 && nq != 4 && nq != 5 || cols != 128 && n > 1100 {
							continue
						}
						r, _ := quantizedRows(t, rng, f, n, cols)
						w := randomValues(rng, nq*n)
						if rng.IntN(2) == 0 { // softmax-like: positive, mostly small
							for i := range w {
								w[i] = float32(math.Exp(rng.NormFloat64()*3)) / float32(n)
							}
						}
						y := randomValues(rng, nq*cols)
						requireAddWeightedQ8(t, im, y, r, w, "%s %s cols %d n %d nq %d", im, f, cols, n, nq)
					}
				}
			}
		}
	})
}

// TestAddWeightedQ8Rounding checks the rounding against exact weights:
// every output within half a step of its block's weights (a/2 per row,
// times |code| and the offset) of AddWeighted's exact result, and a block
// whose weights are all below 2^-120 (times the scale) adds nothing but
// its shifts.
func TestAddWeightedQ8Rounding(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 2))
	for _, f := range []Format{Quant(2, 64), SymQuant(2, 64), Quant(4, 32)} {
		n, cols, nq := 200, 128, 3
		r, _ := quantizedRows(t, rng, f, n, cols)
		w := randomValues(rng, nq*n)
		for i := 64; i < 128; i++ {
			w[i] = 0x1p-140 // a block of weights too small to round
		}
		exact, _ := addWeightedWant(r, w, make([]float32, nq*cols))
		got, _ := addWeightedQ8Want(r, w, make([]float32, nq*cols))
		groups := f.Groups(cols)
		for j := range nq {
			for c := range cols {
				g := c / f.Group
				var bound float64
				for b0 := 0; b0 < n; b0 += AddWeightedQ8Rows {
					var amax float64
					for i := b0; i < min(n, b0+AddWeightedQ8Rows); i++ {
						amax = max(amax, math.Abs(float64(w[j*n+i])*float64(F16ToFloat32(r.Scales[i*groups+g]))))
					}
					for i := b0; i < min(n, b0+AddWeightedQ8Rows); i++ {
						bound += amax / 254 * (math.Exp2(float64(f.Bits)) + 1)
					}
				}
				require.InDelta(t, exact[j*cols+c], got[j*cols+c], bound+1e-6, "%s weight row %d column %d", f, j, c)
			}
		}
	}
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		r, _ := quantizedRows(t, rng, Quant(2, 64), 64, 128)
		w := make([]float32, 64)
		for i := range w {
			w[i] = 0x1p-140
		}
		y := make([]float32, 128)
		im.AddWeightedQ8(y, r, w)
		for c, v := range y {
			var want float32
			for i := range 64 {
				want += w[i] * F16ToFloat32(r.Mins[i*2+c/64])
			}
			require.InDelta(t, want, v, 1e-40, "%s column %d", im, c)
		}
	})
}

// TestAddWeightedQ8Misuse: mismatched lengths panic with a message.
func TestAddWeightedQ8Misuse(t *testing.T) {
	r, _ := quantizedRows(t, rand.New(rand.NewPCG(8, 3)), Quant(2, 64), 4, 128)
	require.PanicsWithValue(t, "lowbit: AddWeightedQ8 of 4 rows needs len(w) a positive multiple of 4, got 3", func() {
		AddWeightedQ8(make([]float32, 128), r, make([]float32, 3))
	})
	require.PanicsWithValue(t, "lowbit: AddWeightedQ8 of 1 weight rows of 128 values needs len(y) = 128, got 64", func() {
		AddWeightedQ8(make([]float32, 64), r, make([]float32, 4))
	})
}

// TestAddWeightedQ8Unroundable: weights beyond 2^64, NaN or ±Inf, and
// float rows, make AddWeightedQ8 run the implementation's AddWeighted: the
// same bits.
func TestAddWeightedQ8Unroundable(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(8, 4))
		r, _ := quantizedRows(t, rng, Quant(2, 64), 70, 128)
		for _, bad := range []float32{0x1p65, float32(math.Inf(-1)), float32(math.NaN())} {
			w := randomValues(rng, 2*70)
			w[77] = bad
			y0 := randomValues(rng, 2*128)
			want, got := append([]float32(nil), y0...), append([]float32(nil), y0...)
			im.AddWeighted(want, r, w)
			im.AddWeightedQ8(got, r, w)
			for k := range want {
				require.Equal(t, math.Float32bits(want[k]), math.Float32bits(got[k]), "%s weight %v: y[%d]", im, bad, k)
			}
		}
		for _, f := range []Format{F16, F32} {
			for _, cols := range []int{64, 128} {
				r, _ := quantizedRows(t, rng, f, 70, cols)
				w := randomValues(rng, 4*70)
				y0 := randomValues(rng, 4*cols)
				want, got := append([]float32(nil), y0...), append([]float32(nil), y0...)
				im.AddWeighted(want, r, w)
				im.AddWeightedQ8(got, r, w)
				for k := range want {
					require.Equal(t, math.Float32bits(want[k]), math.Float32bits(got[k]), "%s %s rows of %d: y[%d]", im, f, cols, k)
				}
			}
		}
	})
}
