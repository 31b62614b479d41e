package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// magnitudes returns n largest magnitudes spread evenly in log scale from
// 1e-9 (below the smallest fp16 subnormal) to MaxF16.
func magnitudes(n int) []float64 {
	out := make([]float64, n)
	lo, hi := math.Log(1e-9), math.Log(MaxF16)
	for i := range out {
		out[i] = math.Exp(lo + (hi-lo)*float64(i)/float64(n-1))
	}
	out[n-1] = MaxF16
	return out
}

// propertyGroup returns group values whose largest magnitude is at most
// mag: zero-centred (uniform in [-mag, mag]) when offset is 0, otherwise
// centred on offset × spread with a spread (half-width) such that the
// largest value is mag.
func propertyGroup(rng *rand.Rand, n int, mag, offset float64) []float32 {
	spread := mag / (1 + offset)
	x := make([]float32, n)
	for i := range x {
		v := float32(offset*spread + spread*(2*rng.Float64()-1))
		x[i] = min(max(v, -float32(mag)), float32(mag))
	}
	return x
}

// relL2 returns ||got - x|| / ||x|| in float64 (0 when both are 0).
func relL2(got []float64, x []float32) float64 {
	var num, den float64
	for i, v := range x {
		d := got[i] - float64(v)
		num += d * d
		den += float64(v) * float64(v)
	}
	if den == 0 {
		return math.Sqrt(num)
	}
	return math.Sqrt(num / den)
}

// TestQuantizeNeverWorseThanTheMean is the property the scale rule of
// quantizeGeneric exists for: whatever its magnitude (from below the
// smallest fp16 subnormal to MaxF16), a group is stored at least as well
// (relative L2 error) as by its mean rounded to fp16. Groups are
// zero-centred or offset by half or a whole spread, in every format and on
// every implementation.
//
// Symmetric 2-bit codes are the exception, by construction: they store
// only -2s, -s, 0 and s with s = max|x|, so a group whose values sit
// between 0 and s (offset data, or a few values near ±s/2) can be stored
// worse than by its mean at any magnitude. What they guarantee is that no
// value is stored worse than by 0 (0 is a level, and every value is
// within the clamp range), so for them the test asserts a relative error
// of at most 1. Their scale rule cannot lose a group either: a scale below
// 2^-25 means every |x| is below half a step of 2^-24, where every code
// is 0 under either rule.
func TestQuantizeNeverWorseThanTheMean(t *testing.T) {
	const tolerance = 1e-6 // relative L2 error
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(21, 22))
		for _, f := range testFormats() {
			if f.Quantized() && !slices.Contains(coreGroups, f.Group) {
				continue // the property is the scale rule's; the core groups have every width
			}
			cols := 64
			if f.Quantized() {
				cols = 2 * f.Group
			}
			for _, mag := range magnitudes(37) {
				for _, offset := range []float64{0, 0.5, 1} {
					const n = 3
					x := make([]float32, 0, n*cols)
					for range n {
						x = append(x, propertyGroup(rng, cols, mag, offset)...)
					}
					r, err := NewRows(f, n, cols)
					require.NoError(t, err)
					require.NoError(t, im.Quantize(r, x))
					got := make([]float32, len(x))
					im.Dequantize(got, r)
					group := cols
					if f.Quantized() {
						group = f.Group
					}
					for g := 0; g < len(x)/group; g++ {
						xg, dg := x[g*group:(g+1)*group], got[g*group:(g+1)*group]
						var sum float64
						for _, v := range xg {
							sum += float64(v)
						}
						mean := float64(F16ToFloat32(F16FromFloat32(float32(sum / float64(group)))))
						stored, byMean := make([]float64, group), make([]float64, group)
						for i := range dg {
							stored[i], byMean[i] = float64(dg[i]), mean
						}
						e, em := relL2(stored, xg), relL2(byMean, xg)
						if f.Bits == 2 && f.Symmetric {
							em = 1 // as good as storing zeros (see above)
						}
						require.LessOrEqual(t, e, em+tolerance, "%s, magnitude %.3g, offset %v, group %d: relative L2 error %.4g, the mean's %.4g (%s)",
							f, mag, offset, g, e, em, describeGroup(r, g))
					}
				}
			}
		}
	})
}

// describeGroup returns group g's stored scale and min, for failures.
func describeGroup(r Rows, g int) string {
	if !r.Format.Quantized() {
		return "no scale"
	}
	s := fmt.Sprintf("scale %#04x = %g", r.Scales[g], F16ToFloat32(r.Scales[g]))
	if r.Format.HasMins() {
		s += fmt.Sprintf(", min %#04x = %g", r.Mins[g], F16ToFloat32(r.Mins[g]))
	}
	return s
}

// TestQuantizeTinyRange: the case. Values of ±3e-6 in 8-bit
// groups have a scale of about 2.4e-8, which fp16 rounds to 0: every
// value came back as the group's min (relative L2 error 1.98 in q8g64).
// Here every width gets values whose float32 scale is 0.4 × 2^-24 (for
// 8 bits, about ±3e-6): the stored scale is the smallest fp16 subnormal,
// the same bytes on every implementation, and the values come back within
// half a step of 2^-24. A group whose range is 0 keeps a zero scale.
func TestQuantizeTinyRange(t *testing.T) {
	for _, f := range []Format{Quant(8, 64), SymQuant(8, 64), Quant(8, 8), SymQuant(7, 32), Quant(6, 32), Quant(4, 64), SymQuant(3, 64), Quant(2, 32)} {
		div := float64(int(1)<<f.Bits - 1) // the scale is the range over div
		amp := 0.2 * div * 0x1p-24
		if f.Symmetric {
			div = float64(int(1)<<(f.Bits-1) - 1) // the scale is max|x| over div
			amp = 0.4 * div * 0x1p-24
		}
		x := make([]float32, 128)
		for i := range x {
			x[i] = float32(amp * math.Sin(float64(i)*0.7))
		}
		x[3], x[70] = float32(amp), -float32(amp)
		flat := make([]float32, 64) // symmetric: zeros; asymmetric: a constant
		if !f.Symmetric {
			for i := range flat {
				flat[i] = 1e-3
			}
		}
		want, err := NewRows(f, 2, 64)
		require.NoError(t, err)
		require.NoError(t, Generic().Quantize(want, x))
		forEachImpl(t, func(t *testing.T, im *Implementation) {
			r, err := NewRows(f, 2, 64)
			require.NoError(t, err)
			require.NoError(t, im.Quantize(r, x))
			require.Equal(t, want, r, "%s: the bytes differ from generic's", f)
			for _, s := range r.Scales {
				require.Equal(t, uint16(0x0001), s, "%s: the scale is the smallest subnormal", f)
			}
			got := make([]float32, len(x))
			im.Dequantize(got, r)
			stored := make([]float64, len(x))
			for i, v := range got {
				stored[i] = float64(v)
				require.InDelta(t, x[i], v, 0x1p-25*1.01, "%s: value %d", f, i)
			}
			if f.Bits == 8 {
				require.Less(t, relL2(stored, x), 0.02, "%s", f)
			}

			c, err := NewRows(f, 1, 64)
			require.NoError(t, err)
			require.NoError(t, im.Quantize(c, flat))
			for _, s := range c.Scales {
				require.Equal(t, uint16(0), s, "%s: a group whose range is 0 has scale 0", f)
			}
		})
	}
}
