package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/lowbit-ml/lowbit/pack"
	"github.com/stretchr/testify/require"
)

// The shapes every kernel test runs (the shared tests here and the tiers'
// own tests): testFormats and colsFor. Every group that is a multiple of 8
// up to 256 appears; coreGroups, the groups models and ggml use and those
// whose last block of 32 is partial, with every code width, symmetric and
// not; the other groups with two formats each, the widths rotating from
// group to group. Row widths are one, two and five groups, and the row
// widths of modelCols that the group divides, two per format, rotating.
// -short (the runs under qemu) keeps the core groups and one model width
// per format.
var (
	coreGroups = []int{8, 16, 24, 32, 40, 48, 64, 80, 96, 128, 256}
	modelCols  = []int{8, 24, 40, 64, 80, 96, 128, 200, 256}
)

// testFormats lists the formats of the shared test shapes: fp16, float32
// and the code formats described above.
func testFormats() []Format {
	fs := []Format{F32, F16}
	for g := 8; g <= 256; g += 8 {
		core := slices.Contains(coreGroups, g)
		if !core && testing.Short() {
			continue
		}
		for c := 0; c < 14; c++ {
			// combination c: width 2 + c/2, symmetric when c is odd; a
			// group outside the core takes combinations g/8*3 and 7 more
			// (mod 14), so that the widths rotate.
			if k := g / 8 * 3 % 14; !core && c != k && c != (k+7)%14 {
				continue
			}
			fs = append(fs, Format{Bits: 2 + c/2, Group: g, Symmetric: c%2 == 1})
		}
	}
	return fs
}

// colsFor returns the row widths to test format f with: for codes one
// group, two groups, five groups and up to two of modelCols that the group
// divides (one with -short), chosen by the format's width so that every one
// is tested with every group; for fp16 and float32 widths around the
// vector lengths.
func colsFor(f Format) []int {
	if !f.Quantized() {
		return []int{1, 7, 32, 40, 128}
	}
	cols := []int{f.Group, 2 * f.Group, 5 * f.Group}
	var model []int
	for _, c := range modelCols {
		if c%f.Group == 0 && !slices.Contains(cols, c) {
			model = append(model, c)
		}
	}
	picks := 2
	if testing.Short() {
		picks = 1
	}
	k := 2*f.Bits + boolInt(f.Symmetric)
	for i := 0; i < min(picks, len(model)); i++ {
		cols = append(cols, model[(k+i*len(model)/2)%len(model)])
	}
	return cols
}

// testCase is one case of the shared kernel tests: n rows of cols values
// in format f, against nq query (or weight) rows.
type testCase struct {
	f           Format
	cols, n, nq int
}

func (c testCase) String() string {
	return fmt.Sprintf("%s cols %d rows %d queries %d", c.f, c.cols, c.n, c.nq)
}

// testCases returns the shared cases: every shape of testFormats and
// colsFor with one row, three rows and 17 rows (more than a batch of 8,
// with a tail), each with 1 to 5 query rows, the count rotating from shape
// to shape so that every count meets every row count, width and group.
func testCases() []testCase {
	var cs []testCase
	s := 0
	for _, f := range testFormats() {
		for _, cols := range colsFor(f) {
			for k, n := range []int{1, 3, 17} {
				cs = append(cs, testCase{f, cols, n, 1 + (s+2*k)%5})
			}
			s++
		}
	}
	return cs
}

// boolInt returns 1 for true, 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
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
				m = math.Abs(s) * (float64(q) + off) // kernels may sum scale*q and scale*offset apart
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
	requireWeightedSums(t, y, want, mag, r.Len(), msg, args...)
}

// requireWeightedSums requires each y[k] to be want[k] within sumTolerance
// of mag[k] over the sums of n rows (and not NaN). msg and args name the
// case in a failure.
func requireWeightedSums(t *testing.T, y []float32, want, mag []float64, n int, msg string, args ...any) {
	t.Helper()
	for k := range y {
		if tol := sumTolerance(mag[k], 2*n); math.Abs(want[k]-float64(y[k])) > tol || y[k] != y[k] {
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

// requireKernels runs Dot, DotQ8 and AddWeighted of im on c (random rows
// and operands from rng) against the float64 references: Dot and DotQ8
// into outputs filled with NaN (they must overwrite), AddWeighted added to
// random y.
func requireKernels(t *testing.T, im *Implementation, rng *rand.Rand, c testCase) {
	t.Helper()
	r, _ := quantizedRows(t, rng, c.f, c.n, c.cols)
	x := randomValues(rng, c.nq*c.cols)
	out := make([]float32, c.nq*c.n)
	nans := func() {
		for k := range out {
			out[k] = float32(math.NaN())
		}
	}
	nans()
	im.Dot(out, r, x)
	requireDots(t, r, float64s(x), out, "%s Dot %s", im, c)

	q, err := NewQ8(c.f, c.nq, c.cols)
	require.NoError(t, err)
	require.NoError(t, im.QuantizeQ8(q, x))
	nans()
	im.DotQ8(out, r, q)
	requireDots(t, r, dequantizeQ8(q), out, "%s DotQ8 %s", im, c)

	w := randomValues(rng, c.nq*c.n)
	y := randomValues(rng, c.nq*c.cols)
	requireAddWeighted(t, im, y, r, w, "%s AddWeighted %s", im, c)
}
