package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The attention kernels (attnKernels) of every implementation against
// generic's, one call at a time, on the shapes a block can hand them and
// the edges of their microkernels: rows in passes of 6 (one pass and
// several), every number of strips of a tile (1 to 8: whole passes of
// four strips and the 1 to 3 left), head dimensions and key counts that
// do not fill a loop of four, rescalings 0, 1 and others. Each output is
// compared within a bound of its float32 rounding, and what a kernel must
// not write (the rest of a row's stride, the columns past its width) is
// checked untouched.

// attnSentinel fills what a kernel must leave alone.
var attnSentinel = float32(math.NaN())

// attnSums returns a bound on the float32 rounding error of a sum of n
// terms whose magnitudes add up to mag (and of the products forming them).
func attnSums(n int, mag float64) float64 { return float64(n+2) * 0x1p-24 * mag }

// TestAttentionKernelScores checks the scores kernels on every strip count
// of a tile, rows in one pass of 6 and several, and dimensions around the
// loop of four values.
func TestAttentionKernelScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for _, d := range []int{1, 3, 4, 16, 17, 64, 128} {
		for _, rows := range []int{6, 12, 30} {
			for strips := 1; strips <= attnTile/attnStrip; strips++ {
				q := randomValues(rng, rows*d)
				kt := randomValues(rng, strips*attnStrip*d)
				forEachImpl(t, func(t *testing.T, im *Implementation) {
					name := fmt.Sprintf("d %d, rows %d, strips %d", d, rows, strips)
					s := make([]float32, rows*attnTileStride)
					for i := range s {
						s[i] = attnSentinel
					}
					im.k.attention.scores(s, attnTileStride, q, d, rows, kt, strips)
					for r := range rows {
						for k := range attnTileStride {
							got := s[r*attnTileStride+k]
							if k >= strips*attnStrip {
								require.True(t, math.IsNaN(float64(got)), "%s: %s wrote row %d's score %d past the strips", name, im, r, k)
								continue
							}
							var want, mag float64
							for c := range d {
								x := float64(q[r*d+c]) * float64(kt[k/attnStrip*attnStrip*d+c*attnStrip+k%attnStrip])
								want += x
								mag += math.Abs(x)
							}
							require.InDelta(t, want, got, attnSums(d, mag), "%s: %s row %d key %d", name, im, r, k)
						}
					}
				})
			}
		}
	}
}

// TestAttentionKernelValues checks the values kernels on 1 to 9 strips of
// columns (whole passes of four and the strips left), key counts around
// the loop of four, and rescalings 1, 0 and others.
func TestAttentionKernelValues(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	for _, dv := range []int{16, 32, 48, 64, 80, 128, 144} {
		for _, rows := range []int{6, 18} {
			for _, keys := range []int{1, 3, 4, 5, 64, 127, 128} {
				vStrip := keys*attnStrip + 48 // strips apart, not adjacent
				v := randomValues(rng, (dv/attnStrip-1)*vStrip+keys*attnStrip)
				p := randomValues(rng, rows*attnTileStride)
				o0 := randomValues(rng, rows*dv)
				beta := randomValues(rng, rows)
				beta[0] = 1
				beta[len(beta)-1] = 0
				forEachImpl(t, func(t *testing.T, im *Implementation) {
					name := fmt.Sprintf("dv %d, rows %d, keys %d", dv, rows, keys)
					o := append([]float32(nil), o0...)
					im.k.attention.values(o, dv, p, attnTileStride, rows, v, vStrip, keys, beta)
					for r := range rows {
						for c := range dv {
							b := float64(beta[r]) * float64(o0[r*dv+c])
							want, mag := b, math.Abs(b)
							for k := range keys {
								x := float64(p[r*attnTileStride+k]) * float64(v[c/attnStrip*vStrip+k*attnStrip+c%attnStrip])
								want += x
								mag += math.Abs(x)
							}
							require.InDelta(t, want, o[r*dv+c], attnSums(keys+1, mag), "%s: %s row %d column %d", name, im, r, c)
						}
					}
				})
			}
		}
	}
}

// attnSoftmaxState is the per-row state of one softmax call.
type attnSoftmaxState struct {
	s, p           []float32
	m, l, beta, mt []float32
}

// TestAttentionKernelSoftmax checks the softmax kernels against generic's
// on whole, partial and empty ranges, running maxima of -Inf, with and
// without a soft cap, on row counts around the vectors of the state pass.
func TestAttentionKernelSoftmax(t *testing.T) {
	rng := rand.New(rand.NewPCG(45, 46))
	const pStride = 2*attnTile + attnStrip
	for _, rows := range []int{1, 6, 15, 17, 33} {
		for _, width := range []int{16, 48, 128} {
			for _, softCap := range []float32{0, 5} {
				s0 := randomValues(rng, rows*attnTileStride)
				for i := range s0 {
					s0[i] *= 4
				}
				ranges := make([]int32, 2*rows)
				m0, l0 := make([]float32, rows), make([]float32, rows)
				for r := range rows {
					a, b := rng.IntN(width+1), rng.IntN(width+1)
					switch r % 4 {
					case 0: // the whole tile
						a, b = 0, width
					case 1: // none of it (as generic's driver passes it)
						a, b = 0, 0
					}
					ranges[2*r], ranges[2*r+1] = int32(a), int32(b)
					m0[r], l0[r] = float32(rng.NormFloat64()*8), float32(rng.Float64()*10)
					if r%3 == 2 {
						m0[r], l0[r] = float32(math.Inf(-1)), 0
					}
				}
				run := func(im *Implementation) attnSoftmaxState {
					// The per-row arrays have a vector of sentinels past their
					// end.
					st := attnSoftmaxState{
						s: append([]float32(nil), s0...), p: aligned64(rows * pStride),
						m: attnPadded(m0), l: attnPadded(l0), beta: attnPadded(make([]float32, rows)), mt: attnPadded(make([]float32, rows)),
					}
					for i := range st.p {
						st.p[i] = attnSentinel
					}
					im.k.attention.softmax(st.s, attnTileStride, rows, width, ranges, st.m, st.l, st.beta, st.mt, softCap, st.p, pStride)
					return st
				}
				want := run(Generic())
				forEachImpl(t, func(t *testing.T, im *Implementation) {
					name := fmt.Sprintf("rows %d, width %d, cap %v", rows, width, softCap)
					got := run(im)
					for r := range rows {
						attnClose(t, want.mt[r], got.mt[r], 8, "%s: %s mt of row %d", name, im, r)
						attnClose(t, want.m[r], got.m[r], 8, "%s: %s m of row %d", name, im, r)
						attnClose(t, want.beta[r], got.beta[r], 4+int(16*softCap), "%s: %s beta of row %d", name, im, r)
						attnClose(t, want.l[r], got.l[r], width+8+int(16*softCap), "%s: %s l of row %d", name, im, r)
						for k := range attnTileStride {
							w, g := want.s[r*attnTileStride+k], got.s[r*attnTileStride+k]
							if k >= width {
								require.Equal(t, math.Float32bits(s0[r*attnTileStride+k]), math.Float32bits(g), "%s: %s wrote row %d past the width", name, im, r)
								continue
							}
							// A capped score may differ by a few ulp of the cap,
							// its exponential by as many relatively.
							attnClose(t, w, g, 16+int(16*softCap), "%s: %s row %d entry %d", name, im, r, k)
							require.Equal(t, g, got.p[r*pStride+k], "%s: %s copy of row %d entry %d", name, im, r, k)
						}
						for _, x := range [][]float32{got.m, got.l, got.beta, got.mt} {
							for _, y := range x[rows:cap(x)] {
								require.Equal(t, float32(attnPad), y, "%s: %s wrote past the rows' state", name, im)
							}
						}
						for k := width; k < pStride; k++ {
							require.True(t, math.IsNaN(float64(got.p[r*pStride+k])), "%s: %s wrote row %d's copy past the width", name, im, r)
						}
					}
				})
			}
		}
	}
}

// attnPadded returns a copy of x followed, within its capacity, by 16
// copies of attnPad (finite, so that a masked computation on them would
// change them).
func attnPadded(x []float32) []float32 {
	y := make([]float32, len(x)+16)
	copy(y, x)
	for i := len(x); i < len(y); i++ {
		y[i] = attnPad
	}
	return y[:len(x)]
}

// attnPad is the sentinel of attnPadded.
const attnPad = 1234.5

// attnClose requires got within ulps units of the last place of want
// (relative to max(|want|, 2^-126)), or both -Inf.
func attnClose(t *testing.T, want, got float32, ulps int, msg string, args ...any) {
	t.Helper()
	if want == got {
		return
	}
	tol := float64(ulps) * 0x1p-24 * max(math.Abs(float64(want)), 0x1p-126)
	require.InDelta(t, want, got, tol, fmt.Sprintf(msg, args...))
}

// TestAttentionKernelColSums checks the importance sums on one and three
// tiles, a last tile of 16 to 128 keys, row counts around the passes of
// eight, and a tile whose max is -Inf.
func TestAttentionKernelColSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 48))
	for _, rows := range []int{1, 5, 6, 17} {
		for _, tiles := range []int{1, 3} {
			for _, tail := range []int{16, 48, attnTile} {
				width := (tiles-1)*attnTile + tail
				pStride := tiles*attnTile + attnStrip
				p := randomValues(rng, rows*pStride)
				for i := range p {
					p[i] = float32(math.Abs(float64(p[i])))
				}
				mt := make([]float32, tiles*rows)
				m, invL := make([]float32, rows), make([]float32, rows)
				for r := range rows {
					m[r], invL[r] = float32(rng.NormFloat64()), float32(rng.Float64())
					for tl := range tiles {
						mt[tl*rows+r] = m[r] - float32(rng.Float64()*5)
					}
				}
				mt[0] = float32(math.Inf(-1))
				forEachImpl(t, func(t *testing.T, im *Implementation) {
					name := fmt.Sprintf("rows %d, width %d", rows, width)
					cs := make([]float32, width+attnStrip)
					for i := range cs {
						cs[i] = attnSentinel
					}
					alpha := make([]float32, tiles*rows)
					im.k.attention.colSums(cs, p, pStride, rows, width, tiles, mt, rows, m, invL, alpha)
					for k := range cs {
						if k >= width {
							require.True(t, math.IsNaN(float64(cs[k])), "%s: %s wrote sum %d past the width", name, im, k)
							continue
						}
						var want, mag float64
						for r := range rows {
							a := math.Exp(float64(mt[k/attnTile*rows+r])-float64(m[r])) * float64(invL[r])
							want += a * float64(p[r*pStride+k])
							mag += math.Abs(a * float64(p[r*pStride+k]))
						}
						require.InDelta(t, want, cs[k], attnSums(rows+8, mag), "%s: %s sum %d", name, im, k)
					}
				})
			}
		}
	}
}

// TestAttentionKernelScaleTo checks the optional scaling and max|q| kernels
// (attnKernels.scaleTo and maxAbs) against the Go loops they replace, bit
// for bit, on 1-70 values (whole vectors and every tail) with zeros of
// both signs, and for maxAbs a NaN (any NaN), negative values and -0
// already in m: what is past n must stay untouched.
func TestAttentionKernelScaleTo(t *testing.T) {
	rng := rand.New(rand.NewPCG(49, 50))
	negZero := float32(math.Copysign(0, -1))
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		k := &im.k.attention
		if k.scaleTo == nil && k.maxAbs == nil {
			t.Skip("no scaleTo or maxAbs kernel")
		}
		for n := 1; n <= 70; n++ {
			src := randomValues(rng, n)
			src[rng.IntN(n)] = 0
			src[rng.IntN(n)] = negZero
			if k.scaleTo != nil {
				for _, sz := range [][2]float32{{0.125, negZero}, {0.37, 0}, {-3, 0}, {1, negZero}} {
					dst := make([]float32, n+16)
					for i := range dst {
						dst[i] = attnSentinel
					}
					k.scaleTo(dst[:n], src, sz[0], sz[1])
					for i := range n {
						want := src[i]*sz[0] + sz[1]
						require.Equal(t, math.Float32bits(want), math.Float32bits(dst[i]), "n %d, s %v, z %v: value %d", n, sz[0], sz[1], i)
					}
					for _, x := range dst[n:] {
						require.True(t, math.IsNaN(float64(x)), "n %d: wrote past n", n)
					}
				}
			}
			if k.maxAbs != nil {
				m0 := randomValues(rng, n+16)
				for i := range m0 {
					switch i % 5 {
					case 0:
						m0[i] = float32(math.NaN())
					case 1:
						m0[i] = negZero
					case 2:
						m0[i] = 0
					}
				}
				want, got := append([]float32(nil), m0...), append([]float32(nil), m0...)
				maxAbsFold(want[:n], src)
				k.maxAbs(got[:n], src)
				for i := range got {
					// A NaN stays a NaN (Go's max leaves no payload to match).
					if math.IsNaN(float64(want[i])) && math.IsNaN(float64(got[i])) {
						continue
					}
					require.Equal(t, math.Float32bits(want[i]), math.Float32bits(got[i]), "n %d: m[%d] (m0 %v, x %v)", n, i, m0[i], src[min(i, n-1)])
				}
			}
		}
	})
}
