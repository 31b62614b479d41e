package lowbit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGenericPaths runs the generic kernels on the shapes that pick each
// of their paths, against the float64 reference: calls of few rows (nibble
// tables) and of many (byte tables, from byteTableRows rows on), rows
// longer than one chunk of tables, groups too long for the tables (the
// unpacking kernels) and longer than one chunk of Dequantize, small groups
// (the unrolled loops), and 8-bit codes (no tables), with one and several
// query rows.
func TestGenericPaths(t *testing.T) {
	im := Generic()
	rng := rand.New(rand.NewPCG(11, 12))
	cases := []struct {
		f    Format
		cols int
	}{
		{Quant(4, 8), 8}, {Quant(4, 8), 512}, {SymQuant(4, 16), 80}, {Quant(2, 8), 1024},
		{Quant(3, 8), 96}, {Quant(5, 24), 72}, {Quant(7, 40), 80}, {Quant(6, 64), 256},
		{Quant(4, 64), 128}, {Quant(2, 128), 256}, {SymQuant(8, 8), 64}, {Quant(8, 32), 64},
		{Quant(8, 512), 1024}, {Quant(4, 512), 512}, {Quant(4, 1024), 2048}, {SymQuant(3, 768), 768},
		// The unrolled loops of groups of 4 and 8 code bytes (dot_fused_generic.go),
		// with a partial chunk after the whole ones (96 4-bit columns).
		{Quant(4, 16), 128}, {SymQuant(4, 16), 64}, {SymQuant(4, 8), 96}, {Quant(2, 32), 64},
		{SymQuant(2, 16), 256}, {Quant(2, 16), 128},
	}
	for _, c := range cases {
		for _, n := range []int{5, byteTableRows + 3} {
			r, _ := quantizedRows(t, rng, c.f, n, c.cols)
			requireDequantized(t, im, r, "Dequantize %s cols %d rows %d", c.f, c.cols, n)
			for _, nq := range []int{1, 3} {
				x := randomValues(rng, nq*c.cols)
				out := make([]float32, nq*n)
				im.Dot(out, r, x)
				requireDots(t, r, float64s(x), out, "Dot %s cols %d rows %d queries %d", c.f, c.cols, n, nq)

				q, err := NewQ8(c.f, nq, c.cols)
				require.NoError(t, err)
				require.NoError(t, im.QuantizeQ8(q, x))
				im.DotQ8(out, r, q)
				requireDots(t, r, dequantizeQ8(q), out, "DotQ8 %s cols %d rows %d queries %d", c.f, c.cols, n, nq)

				w := randomValues(rng, nq*n)
				y := randomValues(rng, nq*c.cols)
				requireAddWeighted(t, im, y, r, w, "AddWeighted %s cols %d rows %d queries %d", c.f, c.cols, n, nq)
			}
		}
	}
}

// requireDequantized checks im.Dequantize of r against refRow: each value
// within float32 rounding (two roundings of at most 2^-24 of its
// magnitude) of the definition.
func requireDequantized(t *testing.T, im *Implementation, r Rows, msg string, args ...any) {
	t.Helper()
	cols := r.Cols
	got := make([]float32, r.Len()*cols)
	im.Dequantize(got, r)
	for i := 0; i < r.Len(); i++ {
		vals, mag := refRow(r, i)
		for c, v := range vals {
			if d := math.Abs(float64(got[i*cols+c]) - v); d > 0x1p-23*mag[c] {
				require.Failf(t, "Dequantize differs from the definition", "row %d col %d: got %v, want %v; "+msg,
					append([]any{i, c, got[i*cols+c], v}, args...)...)
			}
		}
	}
}

// TestMinMax checks both ways minMax finds a group's bounds (branches for
// long groups, integer keys for short ones) against plain comparisons, on
// values of both signs, zeros, subnormals and extremes.
func TestMinMax(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	special := []float32{0, float32(math.Copysign(0, -1)), 1e-45, -1e-45, 1e-38, -3.4e38, 3.4e38, 1, -1}
	for _, n := range []int{1, 2, 3, 8, 31, 32, 33, 64} {
		for range 200 {
			x := make([]float32, n)
			for i := range x {
				if rng.IntN(4) == 0 {
					x[i] = special[rng.IntN(len(special))]
				} else {
					x[i] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(9)-4)))
				}
			}
			lo, hi := x[0], x[0]
			for _, v := range x {
				if v < lo {
					lo = v
				}
				if v > hi {
					hi = v
				}
			}
			glo, ghi := minMax(x)
			// Bounds equal as numbers: a zero bound may come back as -0
			// or +0, which Quantize stores as +0 either way.
			require.True(t, glo == lo && ghi == hi, "n %d: minMax = %v, %v, want %v, %v (%v)", n, glo, ghi, lo, hi, x)
			require.Equal(t, math.Float32bits(glo+0), math.Float32bits(lo+0))
			require.Equal(t, math.Float32bits(ghi+0), math.Float32bits(hi+0))
		}
	}
}

// TestGenericUnrolledScales runs the unrolled loops of small groups
// (dot_fused_generic.go) on rows whose scales and mins hold the extremes
// of fp16 (the largest finite values, subnormals, zeros of both signs) and,
// in some rows, an Inf or NaN: each row with finite ones matches its
// float64 sum, and each with an Inf or NaN gets a non-finite one (the row
// takes the general loop, which keeps the Inf or NaN).
func TestGenericUnrolledScales(t *testing.T) {
	im := Generic()
	rng := rand.New(rand.NewPCG(15, 16))
	finite := []uint16{0x7bff, 0xfbff, 0x0001, 0x8001, 0x03ff, 0x0000, 0x8000, 0x0400}
	special := []uint16{0x7c00, 0xfc00, 0x7e00, 0xfd01}
	for _, c := range []struct {
		f    Format
		cols int
	}{{Quant(4, 8), 128}, {SymQuant(4, 8), 64}, {Quant(4, 16), 128}, {SymQuant(4, 16), 128}, {Quant(2, 16), 64}, {SymQuant(2, 32), 128}} {
		n := byteTableRows + 5
		r, _ := quantizedRows(t, rng, c.f, n, c.cols)
		g := c.f.Groups(c.cols)
		params := [][]uint16{r.Scales}
		if !c.f.Symmetric {
			params = append(params, r.Mins)
		}
		for i := range n / 3 {
			p := params[rng.IntN(len(params))]
			p[g*rng.IntN(n)+rng.IntN(g)] = finite[i%len(finite)]
		}
		bad := map[int]bool{}
		for range 6 {
			row := rng.IntN(n)
			p := params[rng.IntN(len(params))]
			p[g*row+rng.IntN(g)] = special[rng.IntN(len(special))]
			bad[row] = true
		}
		x := randomValues(rng, c.cols)
		out := make([]float32, n)
		im.Dot(out, r, x)
		for i := range n {
			if bad[i] {
				require.False(t, isFinite32(out[i]), "Dot %s cols %d: row %d has an Inf or NaN scale or min, got %v", c.f, c.cols, i, out[i])
				continue
			}
			vals, mag := refRow(r, i)
			var want, m float64
			for k, v := range vals {
				want += v * float64(x[k])
				m += mag[k] * math.Abs(float64(x[k]))
			}
			require.InDelta(t, want, out[i], sumTolerance(m, c.cols), "Dot %s cols %d: row %d", c.f, c.cols, i)
		}
	}
}

// isFinite32 reports whether v is neither an Inf nor a NaN.
func isFinite32(v float32) bool {
	return !math.IsInf(float64(v), 0) && !math.IsNaN(float64(v))
}
