package fuzz

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestToleranceIsSound runs the generic Dot on the input that makes a
// one-accumulator float32 sum worst (a row of equal values: every rounding
// errs the same way) and checks that its error stays within Tolerance, and
// that a correct kernel that sums each group in one chain (as a SIMD lane
// sums its share) errs there by more than 2·u·log2(n)·Σ|t|: such a bound
// would call correct code wrong.
func TestToleranceIsSound(t *testing.T) {
	const cols = MaxCols
	for _, f := range []lowbit.Format{lowbit.Quant(8, 256), lowbit.Quant(4, 32), lowbit.F32} {
		r, err := lowbit.NewRows(f, 1, cols)
		require.NoError(t, err)
		row, x := make([]float32, cols), make([]float32, cols)
		for c := range row {
			row[c], x[c] = 0.7, 0.1
		}
		require.NoError(t, lowbit.Generic().Quantize(r, row))
		out := make([]float32, 1)
		lowbit.Generic().Dot(out, r, x)
		want := dotSums(r, x, 1)[0]
		roundings := dotFloatRoundings
		if f.Quantized() {
			roundings = dotCodeRoundings
		}
		errU := math.Abs(float64(out[0])-want.exact) / (u * want.sumAbs)
		t.Logf("%s: generic Dot of %d equal products errs by %.1f u·Σ|t| (2·log2(terms) = %.0f, Tolerance = %.0f)",
			f, cols, errU, 2*math.Log2(float64(want.terms)), Tolerance(want.sumAbs, want.terms, roundings, 1)/(u*want.sumAbs))
		assert.NoError(t, want.check(out[0], roundings, 1), "%s", f)
		if f.Quantized() && f.Group == 256 {
			chain := chainDot(r, x)
			chainU := math.Abs(float64(chain)-want.exact) / (u * want.sumAbs)
			t.Logf("%s: one chain per group errs by %.1f u·Σ|t|", f, chainU)
			assert.NoError(t, want.check(chain, roundings, 1), "%s: one chain per group", f)
			assert.Greater(t, chainU, 2*math.Log2(float64(want.terms)), "%s: the example no longer shows why the bound is linear", f)
		}
	}
}

// chainDot is Dot of row 0 of r (8-bit codes) with x as a correct kernel
// may evaluate it: per group, Σ q·x and Σ x each in one float32 chain, then
// scale·Σq·x + min·Σx.
func chainDot(r lowbit.Rows, x []float32) float32 {
	var out float32
	for g := range r.Format.Groups(r.Cols) {
		var d, s float32
		for c := g * r.Format.Group; c < (g+1)*r.Format.Group; c++ {
			d += float32(r.Data[c]) * x[c]
			s += x[c]
		}
		out += lowbit.F16ToFloat32(r.Scales[g])*d + lowbit.F16ToFloat32(r.Mins[g])*s
	}
	return out
}

// typical returns n values shaped like activations: normal, with the odd
// outlier.
func typical(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
		if rng.IntN(64) == 0 {
			x[i] *= 8
		}
	}
	return x
}

// wrongDot computes Dot in float32 the way a kernel would, block by block,
// with one deliberate bug; it returns false if the bug does not apply to
// the format.
type wrongDot struct {
	name string
	// code returns, for value c of group g, which code to use (the column
	// index), the scale's group and whether to add the group's min term.
	bug func(f lowbit.Format, cols, g, c int) (codeCol, scaleGroup int, dropMin bool)
}

// wrongDots are the bugs a block-wise Dot kernel makes: a wrong block
// order, a dropped block, a dropped min, the scales of the wrong group.
var wrongDots = []wrongDot{
	{"blocks 0 and 1 of each group swapped", func(f lowbit.Format, cols, g, c int) (int, int, bool) {
		k, tail := c%f.Group, f.Group-32
		switch {
		case tail <= 0:
			return c, g, false
		case k < min(32, tail):
			return c + 32, g, false
		case k >= 32 && k-32 < 32:
			return c - 32, g, false
		}
		return c, g, false
	}},
	{"last block of the row dropped", func(f lowbit.Format, cols, g, c int) (int, int, bool) {
		last := cols - f.Group + (f.Group-1)/32*32
		if c >= last {
			return -1, g, false
		}
		return c, g, false
	}},
	{"min term of the last group dropped", func(f lowbit.Format, cols, g, c int) (int, int, bool) {
		return c, g, g == cols/f.Group-1
	}},
	{"scales of the last two groups swapped", func(f lowbit.Format, cols, g, c int) (int, int, bool) {
		switch n := cols / f.Group; {
		case n < 2:
			return c, g, false
		case g == n-1:
			return c, g - 1, false
		case g == n-2:
			return c, g + 1, false
		}
		return c, g, false
	}},
}

// dotWith computes out[i] = Σ_g scale·Σ q·x + shift·Σ x in float32 with the
// bug.
func (w wrongDot) dot(r lowbit.Rows, x []float32) []float32 {
	f, cols := r.Format, r.Cols
	out := make([]float32, r.Len())
	for i := range out {
		p := decodeRow(r, i)
		for g := 0; g < cols/f.Group; g++ {
			var d, xs float32
			var dropMin bool
			sg := g
			for c := g * f.Group; c < (g+1)*f.Group; c++ {
				var cc int
				cc, sg, dropMin = w.bug(f, cols, g, c)
				if cc >= 0 {
					d += float32(p.codes[cc]) * x[c]
				}
				xs += x[c]
			}
			shift := float32(p.shift[sg])
			if dropMin {
				shift = 0
			}
			out[i] += float32(p.scale[sg])*d + shift*xs
		}
	}
	return out
}

// The shapes the wrong kernels are tried on: formats with one, several and
// partial blocks per group, rows up to MaxCols.
var tightFormats = []lowbit.Format{
	lowbit.Quant(4, 32), lowbit.Quant(4, 64), lowbit.SymQuant(4, 128), lowbit.Quant(2, 64),
	lowbit.Quant(3, 40), lowbit.SymQuant(5, 96), lowbit.Quant(6, 256), lowbit.Quant(8, 32), lowbit.SymQuant(8, 64),
	lowbit.Quant(7, 24),
}

// TestToleranceCatchesWrongKernels runs deliberately wrong Dot, DotQ8,
// AddWeighted and Softmax kernels on typical inputs through the fuzz
// targets' own checks: every wrong result must be rejected. This is what
// keeps the tolerance tight enough to matter.
func TestToleranceCatchesWrongKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	const rows = 8
	for _, w := range wrongDots {
		worst := math.Inf(1)
		for _, f := range tightFormats {
			for _, cols := range []int{2 * f.Group, MaxCols / f.Group * f.Group} {
				r, err := lowbit.NewRows(f, rows, cols)
				require.NoError(t, err)
				require.NoError(t, lowbit.Generic().Quantize(r, typical(rng, rows*cols)))
				x := typical(rng, cols)
				out := w.dot(r, x)
				right := w
				right.bug = func(f lowbit.Format, cols, g, c int) (int, int, bool) { return c, g, false }
				if same(out, right.dot(r, x)) {
					continue // the bug does not apply to this format
				}
				ratio := worstRatio(dotSums(r, x, 1), out, dotCodeRoundings, codeAmp)
				worst = min(worst, ratio)
				assert.Greater(t, ratio, 1.0, "Dot with %s, %s, %d cols: not caught", w.name, f, cols)
				rightRatio := worstRatio(dotSums(r, x, 1), right.dot(r, x), dotCodeRoundings, codeAmp)
				assert.LessOrEqual(t, rightRatio, 1.0, "the bug-free float32 Dot, %s, %d cols", f, cols)
			}
		}
		t.Logf("Dot with %s: caught, the least of the worst errors is %.0f × tolerance", w.name, worst)
	}
	t.Run("DotQ8", func(t *testing.T) { testWrongDotQ8(t, rng) })
	t.Run("AddWeighted", func(t *testing.T) { testWrongAddWeighted(t, rng) })
	t.Run("Softmax", func(t *testing.T) { testWrongSoftmax(t, rng) })
}

// worstRatio returns the largest error of got against the exact sums, in
// units of the tolerance.
func worstRatio(want []exactSum, got []float32, roundings int, amp float64) float64 {
	worst := 0.0
	for k := range want {
		tol := Tolerance(want[k].sumAbs, want[k].terms, roundings, amp)
		worst = max(worst, math.Abs(float64(got[k])-want[k].exact)/tol)
	}
	return worst
}

func same(a, b []float32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// testWrongDotQ8 runs DotQ8 with wrong block sums: a block's min term
// taken from its neighbour's Sums, a block's integer sum left out, and the
// int8 blocks swapped.
func testWrongDotQ8(t *testing.T, rng *rand.Rand) {
	bugs := []string{"Sums of the last block taken from the one before", "integer sum of the last block dropped", "int8 blocks 0 and 1 swapped"}
	for b, name := range bugs {
		worst := math.Inf(1)
		for _, f := range tightFormats {
			cols := MaxCols / f.Group * f.Group
			r, err := lowbit.NewRows(f, rows8, cols)
			require.NoError(t, err)
			require.NoError(t, lowbit.Generic().Quantize(r, typical(rng, rows8*cols)))
			q, err := lowbit.NewQ8(f, 1, cols)
			require.NoError(t, err)
			require.NoError(t, lowbit.Generic().QuantizeQ8(q, typical(rng, cols)))
			bad := cloneQ8(q)
			nb := len(q.Scales)
			switch b {
			case 0:
				bad.Sums[nb-1] = bad.Sums[nb-2]
			case 1:
				// Drop the block's integer sum but keep its min term: zero
				// the int8 values and recompute nothing else.
				last := (nb - 1) / ((f.Group + 31) / 32) * f.Group
				last += ((nb - 1) % ((f.Group + 31) / 32)) * 32
				for c := last; c < min(cols, last+32); c++ {
					bad.Values[c] = 0
				}
			case 2:
				if f.Group < 64 {
					continue
				}
				for c := 0; c < cols; c += f.Group {
					for k := 0; k < 32; k++ {
						bad.Values[c+k], bad.Values[c+32+k] = bad.Values[c+32+k], bad.Values[c+k]
					}
				}
			}
			out := make([]float32, rows8)
			lowbit.Generic().DotQ8(out, r, bad)
			want, maxIsum := dotQ8Sums(r, q)
			ratio := worstRatio(want, out, dotQ8CodeRoundings, dotQ8CodeAmp(maxIsum, maxF16(r.Scales)))
			worst = min(worst, ratio)
			assert.Greater(t, ratio, 1.0, "DotQ8 with %s, %s: not caught", name, f)
		}
		t.Logf("DotQ8 with %s: caught, the least of the worst errors is %.0f × tolerance", name, worst)
	}
}

const rows8 = 8

// testWrongAddWeighted runs AddWeighted with a row left out, a wrong
// weight row, and swapped code blocks.
func testWrongAddWeighted(t *testing.T, rng *rand.Rand) {
	bugs := []string{"last row left out", "blocks 0 and 1 of each group swapped", "min term of the last group dropped"}
	for b, name := range bugs {
		worst := math.Inf(1)
		for _, f := range tightFormats {
			cols := MaxCols / f.Group * f.Group
			r, err := lowbit.NewRows(f, rows8, cols)
			require.NoError(t, err)
			require.NoError(t, lowbit.Generic().Quantize(r, typical(rng, rows8*cols)))
			w := make([]float32, rows8)
			for i := range w {
				w[i] = float32(rng.Float64()) // attention probabilities
			}
			y0 := typical(rng, cols)
			bad, wb := cloneRows(r), append([]float32(nil), w...)
			switch b {
			case 0:
				wb[rows8-1] = 0
			case 1:
				if f.Group < 64 {
					continue
				}
				bad.Data = swapCodeBlocks(r)
			case 2:
				if f.Symmetric {
					continue
				}
				for i := 0; i < rows8; i++ {
					bad.Mins[(i+1)*(cols/f.Group)-1] = 0
				}
			}
			y := append([]float32(nil), y0...)
			lowbit.Generic().AddWeighted(y, bad, wb)
			ratio := worstRatio(addWeightedSums(r, w, y0), y, addWeightedCodeRoundings, codeAmp)
			worst = min(worst, ratio)
			assert.Greater(t, ratio, 1.0, "AddWeighted with %s, %s: not caught", name, f)
		}
		t.Logf("AddWeighted with %s: caught, the least of the worst errors is %.0f × tolerance", name, worst)
	}
}

// swapCodeBlocks returns r's codes with blocks 0 and 1 of every group
// swapped (groups of at least 64).
func swapCodeBlocks(r lowbit.Rows) []byte {
	f := r.Format
	gb := f.Group * f.Bits / 8
	data := append([]byte(nil), r.Data...)
	for o := 0; o < len(data); o += gb {
		codes := refUnpack(data[o:o+gb], f.Bits, f.Group)
		for k := 0; k < 32; k++ {
			codes[k], codes[32+k] = codes[32+k], codes[k]
		}
		copy(data[o:], refPack(codes, f.Bits))
	}
	return data
}

// testWrongSoftmax runs Softmax with elements left out of the sum (tail
// bugs) on attention scores: the last element for lengths up to 128 (scores
// of unit spread, as q·k/sqrt(d) has; an element far below the rest has too
// little weight to notice, at any tolerance), the last vector of 16 for
// lengths up to 511 (spread 2).
func testWrongSoftmax(t *testing.T, rng *rand.Rand) {
	for _, bug := range []struct {
		name    string
		maxN    int
		spread  float64
		dropped func(n int) int
	}{
		{"the last element left out of the sum", 128, 1, func(n int) int { return 1 }},
		{"the last 16 elements left out of the sum", 511, 2, func(n int) int { return min(16, n-1) }},
	} {
		worst := math.Inf(1)
		for n := 2; n <= bug.maxN; n++ {
			x := make([]float32, n)
			for i := range x {
				x[i] = float32(rng.NormFloat64() * bug.spread)
			}
			want, _ := softmaxExact(x)
			// The wrong kernel: max and sum over x[:n-k], every element
			// divided by that sum.
			k := bug.dropped(n)
			m := float32(math.Inf(-1))
			for _, v := range x[:n-k] {
				m = max(m, v)
			}
			var sum float32
			for _, v := range x[:n-k] {
				sum += float32(math.Exp(float64(v - m)))
			}
			ratio := 0.0
			for i, v := range x {
				y := float32(math.Exp(float64(v-m))) / sum
				ratio = max(ratio, math.Abs(float64(y)-want[i])/Tolerance(want[i], n, softmaxRoundings, softmaxAmp))
			}
			worst = min(worst, ratio)
			assert.Greater(t, ratio, 1.0, "Softmax of %d values with %s: not caught", n, bug.name)
		}
		t.Logf("Softmax with %s: caught, the least of the worst errors is %.0f × tolerance", bug.name, worst)
	}
}
