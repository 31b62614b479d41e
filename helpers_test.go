package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit/pack"
	"github.com/stretchr/testify/require"
)

// testFormats lists every format with a spread of groups: each code width,
// asymmetric and symmetric, groups with full and partial last blocks, and
// fp16 and float32.
func testFormats() []Format {
	fs := []Format{F32, F16}
	for bits := 2; bits <= 8; bits++ {
		for _, g := range []int{8, 16, 24, 32, 40, 64, 128} {
			fs = append(fs, Quant(bits, g), SymQuant(bits, g))
		}
	}
	return fs
}

// colsFor returns column counts to test with format f: one group, two
// groups, and several.
func colsFor(f Format) []int {
	if !f.Quantized() {
		return []int{1, 7, 32, 40, 128}
	}
	return []int{f.Group, 2 * f.Group, 5 * f.Group}
}

// forEachImpl runs fn for every implementation this CPU can run.
func forEachImpl(t *testing.T, fn func(t *testing.T, im *Implementation)) {
	for _, im := range Implementations() {
		t.Run(im.Name(), func(t *testing.T) { fn(t, im) })
	}
}

// randomValues returns n values shaped like activations: mostly normal,
// with a few large outliers and the odd constant run.
func randomValues(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
		switch rng.IntN(50) {
		case 0:
			x[i] *= 30
		case 1:
			x[i] = 0
		}
	}
	if n >= 16 && rng.IntN(4) == 0 { // a constant stretch
		c := float32(rng.NormFloat64())
		for i := 0; i < 16; i++ {
			x[i] = c
		}
	}
	return x
}

// quantizedRows quantizes n random rows into f with the generic kernel.
func quantizedRows(t testing.TB, rng *rand.Rand, f Format, n, cols int) (Rows, []float32) {
	r, err := NewRows(f, n, cols)
	require.NoError(t, err)
	x := randomValues(rng, n*cols)
	require.NoError(t, Generic().Quantize(r, x))
	return r, x
}

// refRow returns row i of r dequantized in float64 straight from the
// definition, using only pack.Unpack and the fp16 conversion, and the
// magnitude of each term (|scale*q| + |min|, or scale*q + scale*2^(Bits-1)
// when symmetric) for error bounds.
func refRow(r Rows, i int) (vals, mag []float64) {
	f, cols := r.Format, r.Cols
	vals, mag = make([]float64, cols), make([]float64, cols)
	switch f.Bits {
	case 32:
		for c := range vals {
			vals[c] = float64(math.Float32frombits(le32(r.Data[4*(i*cols+c):])))
			mag[c] = math.Abs(vals[c])
		}
		return vals, mag
	case 16:
		for c := range vals {
			vals[c] = float64(F16ToFloat32(uint16(r.Data[2*(i*cols+c)]) | uint16(r.Data[2*(i*cols+c)+1])<<8))
			mag[c] = math.Abs(vals[c])
		}
		return vals, mag
	}
	rb, gb, groups := f.RowBytes(cols), f.Group*f.Bits/8, f.Groups(cols)
	codes := make([]byte, f.Group)
	for g := 0; g < groups; g++ {
		pack.Unpack(codes, r.Data[i*rb+g*gb:i*rb+(g+1)*gb], f.Bits)
		s := float64(F16ToFloat32(r.Scales[i*groups+g]))
		for k, q := range codes {
			var v, m float64
			if f.Symmetric {
				off := math.Exp2(float64(f.Bits - 1))
				v = s * (float64(q) - off)
				m = s*float64(q) + s*off // kernels may sum scale*q and scale*offset apart
			} else {
				mn := float64(F16ToFloat32(r.Mins[i*groups+g]))
				v = s*float64(q) + mn
				m = math.Abs(s*float64(q)) + math.Abs(mn)
			}
			vals[g*f.Group+k], mag[g*f.Group+k] = v, m
		}
	}
	return vals, mag
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// sumTolerance bounds the error of a float32 sum of cols terms whose
// magnitudes sum to mag: eps32 times the longest chain of additions the
// generic kernels use (cols/2 with two accumulators, plus the combination of
// block and group partial sums).
func sumTolerance(mag float64, cols int) float64 {
	const eps32 = 0x1p-24
	return eps32*float64(cols/2+40)*mag + 1e-30
}

// requireDots requires out[j*n+i] to be Σ_c deq(r[i,c]) * x[j*Cols+c] for
// every row i < n of r and query row j of x (float64: the query values, or
// a Q8's dequantized ones, dequantizeQ8), within sumTolerance of the sum of
// the terms' magnitudes. msg and args name the case in a failure.
func requireDots(t *testing.T, r Rows, x []float64, out []float32, msg string, args ...any) {
	t.Helper()
	n, cols := r.Len(), r.Cols
	for i := 0; i < n; i++ {
		vals, mag := refRow(r, i)
		for j := 0; j < len(x)/cols; j++ {
			var want, m float64
			for c, v := range vals {
				want += v * x[j*cols+c]
				m += mag[c] * math.Abs(x[j*cols+c])
			}
			if tol := sumTolerance(m, cols); math.Abs(want-float64(out[j*n+i])) > tol || out[j*n+i] != out[j*n+i] {
				require.InDelta(t, want, out[j*n+i], tol, fmt.Sprintf(msg, args...)+fmt.Sprintf(": row %d query %d", i, j))
			}
		}
	}
}

// requireAddWeighted runs im.AddWeighted(y, r, w) and requires y to be
// addWeightedWant's float64 result within sumTolerance. msg and args name
// the case in a failure.
func requireAddWeighted(t *testing.T, im *Implementation, y []float32, r Rows, w []float32, msg string, args ...any) {
	t.Helper()
	want, mag := addWeightedWant(r, w, y)
	im.AddWeighted(y, r, w)
	for k := range y {
		if tol := sumTolerance(mag[k], 2*r.Len()); math.Abs(want[k]-float64(y[k])) > tol || y[k] != y[k] {
			require.InDelta(t, want[k], y[k], tol, fmt.Sprintf(msg, args...)+fmt.Sprintf(": y[%d]", k))
		}
	}
}

// float64s returns x in float64.
func float64s(x []float32) []float64 {
	v := make([]float64, len(x))
	for i, f := range x {
		v[i] = float64(f)
	}
	return v
}

// addWeightedWant returns what AddWeighted(y, r, w) should leave in y,
// from the definition in float64 (y plus, for each weight row j, Σ_i
// w[j*n+i]·row i), and the magnitude of each result's terms, for
// sumTolerance.
func addWeightedWant(r Rows, w, y []float32) (want, mag []float64) {
	n, cols := r.Len(), r.Cols
	want, mag = make([]float64, len(y)), make([]float64, len(y))
	for k, v := range y {
		want[k], mag[k] = float64(v), math.Abs(float64(v))
	}
	for i := 0; i < n; i++ {
		vals, vm := refRow(r, i)
		for j := 0; j < len(w)/n; j++ {
			for c, v := range vals {
				want[j*cols+c] += float64(w[j*n+i]) * v
				mag[j*cols+c] += math.Abs(float64(w[j*n+i])) * vm[c]
			}
		}
	}
	return want, mag
}
