//go:build gc && !purego

package lowbit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit/pack"
	"github.com/stretchr/testify/require"
)

// avx2Row128Formats are the field kernels' formats: 2- and 4-bit codes,
// plain and symmetric, in groups of 16 to 128.
func avx2Row128Formats() []Format {
	var fs []Format
	for _, bits := range []int{2, 4} {
		for _, g := range []int{16, 32, 64, 128} {
			fs = append(fs, Quant(bits, g), SymQuant(bits, g))
		}
	}
	return fs
}

// TestAVX2DotRow128Shapes runs the field kernels (two to four query rows
// per pass, and passes of one next to them) on 1 to 130 rows against the
// float64 sums; out starts as NaN, so a row left unwritten fails.
func TestAVX2DotRow128Shapes(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(91, 92))
	for _, f := range avx2Row128Formats() {
		require.True(t, avx2DotRow128Codes(f, 128), "%s", f)
		for _, n := range []int{1, 2, 3, 7, 64, 130} {
			for _, nq := range []int{2, 3, 4, 5, 8, 9} {
				r, _ := quantizedRows(t, rng, f, n, 128)
				x := randomValues(rng, nq*128)
				out := make([]float32, nq*n)
				for k := range out {
					out[k] = float32(math.NaN())
				}
				im.Dot(out, r, x)
				requireDots(t, r, float64s(x), out, "%s rows %d queries %d", f, n, nq)
			}
		}
	}
}

// TestAVX2DotRow128RowsAlone: a row's sums do not depend on where it sits
// in a call or on the rows beside it (mikv splits pages anywhere and
// relies on that), bit for bit.
func TestAVX2DotRow128RowsAlone(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(93, 94))
	for _, f := range avx2Row128Formats() {
		const n = 37
		r, _ := quantizedRows(t, rng, f, n, 128)
		for _, nq := range []int{2, 3, 4} {
			x := randomValues(rng, nq*128)
			all := make([]float32, nq*n)
			im.Dot(all, r, x)
			for i0 := 0; i0 < n; i0 += 1 + i0%5 {
				i1 := min(n, i0+1+rng.IntN(9))
				part := make([]float32, nq*(i1-i0))
				im.Dot(part, r.Slice(i0, i1), x)
				for j := range nq {
					for i := i0; i < i1; i++ {
						require.Equal(t, math.Float32bits(all[j*n+i]), math.Float32bits(part[j*(i1-i0)+i-i0]), "%s, %d queries: row %d of rows %d-%d, query %d", f, nq, i, i0, i1, j)
					}
				}
			}
		}
	}
}

// TestAVX2DotRow128KeepRowsApart: a row whose scale or min is ±Inf or NaN
// leaves every other row's sums finite and right (the loads of a row's
// scales and mins zero the lanes past its groups).
func TestAVX2DotRow128KeepRowsApart(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(95, 96))
	for _, f := range avx2Row128Formats() {
		requireRowsKeptApart(t, im, rng, f, 128, []int{2, 5, 9}, []int{2, 3, 4})
	}
}

// TestAVX2DotRow128TinyQueries: query values that the x tables' scaling
// (down to 2^-12) would make subnormal send their pass to the other
// kernels, and the sums stay right; values at the bound stay on the field
// kernels.
func TestAVX2DotRow128TinyQueries(t *testing.T) {
	im := avx2Or(t)
	rng := rand.New(rand.NewPCG(97, 98))
	for _, f := range []Format{Quant(4, 64), SymQuant(2, 32), Quant(2, 16), SymQuant(4, 128)} {
		r, _ := quantizedRows(t, rng, f, 9, 128)
		for _, tiny := range []float32{0x1p-114, 0x1p-115, 0x1p-126, 0x1p-140, -0x1p-149} {
			x := randomValues(rng, 3*128)
			x[128+rng.IntN(128)] = tiny
			var tb avx2Row128Buf
			wi := 0
			if f.Bits == 2 {
				wi = 1
			}
			lossless := avx2Row128XTables(avx2Row128Align(&tb), x, wi, avx2Row128Group(f.Group), f.Group, 1)
			require.Equal(t, math.Abs(float64(tiny)) >= 0x1p-114, lossless, "%s, %g", f, tiny)
			if lossless {
				for k, v := range avx2Row128Align(&tb).xt[:3*128] {
					require.False(t, isSubnormal(v), "%s, %g: entry %d", f, tiny, k)
				}
			}
			out := make([]float32, 3*9)
			im.Dot(out, r, x)
			requireDots(t, r, float64s(x), out, "%s, a query value %g", f, tiny)
		}
	}
}

// isSubnormal reports whether v is a nonzero subnormal.
func isSubnormal(v float32) bool {
	b := math.Float32bits(v) & 0x7fffffff
	return b != 0 && b < 0x00800000
}

// TestAVX2Row128Gather checks the tables' gather against the layout
// tables entry by entry, and its least magnitude against a plain scan,
// for every width and group and one to four query rows.
func TestAVX2Row128Gather(t *testing.T) {
	avx2Or(t)
	rng := rand.New(rand.NewPCG(99, 100))
	for wi := range 2 {
		for gi := range 4 {
			for pass := 1; pass <= 4; pass++ {
				x := randomValues(rng, pass*128)
				x[rng.IntN(len(x))] = float32(rng.NormFloat64()) * 0x1p-120
				var tb avx2Row128Buf
				tab := avx2Row128Align(&tb)
				least := avx2Row128Gather(&tab.xt[0], &x[0], &avx2Row128Cols[wi][gi][0], &avx2Row128Scale[wi][0], pass)
				want := uint32(math.MaxUint32)
				for _, v := range x {
					want = min(want, math.Float32bits(v)&0x7fffffff-1)
				}
				require.Equal(t, want, least, "width %d, group %d, pass %d", wi, gi, pass)
				for j := range pass {
					for e := range 128 {
						c := avx2Row128Cols[wi][gi][e]
						require.Equal(t, x[j*128+int(c)]*avx2Row128Scale[wi][e], tab.xt[j*128+e], "width %d, group %d, query %d, entry %d", wi, gi, j, e)
					}
				}
			}
		}
	}
}

// TestAVX2Row128Layout checks the layout tables against pack: every
// column appears once per table, and field k of dword d of a row holds the
// value whose column the table gives.
func TestAVX2Row128Layout(t *testing.T) {
	rng := rand.New(rand.NewPCG(101, 102))
	for wi, bits := range []int{4, 2} {
		for gi, g := range []int{16, 32, 64, 128} {
			r, err := NewRows(Quant(bits, g), 1, 128)
			require.NoError(t, err)
			codes := make([]byte, 128)
			for c := range codes {
				codes[c] = byte(rng.IntN(1 << bits))
			}
			pack.PackGroups(r.Data, codes, bits, g)
			seen := map[int32]bool{}
			for e, c := range avx2Row128Cols[wi][gi] {
				require.False(t, seen[c], "width %d group %d: column %d twice", bits, g, c)
				seen[c] = true
				u, k, l := e/64, e/8%8, e%8
				if bits == 2 {
					u, k = 0, e/8
				}
				d := 8*u + l
				dword := uint32(r.Data[4*d]) | uint32(r.Data[4*d+1])<<8 | uint32(r.Data[4*d+2])<<16 | uint32(r.Data[4*d+3])<<24
				q := dword >> (bits * k) & (1<<bits - 1)
				require.Equal(t, uint32(codes[c]), q, "width %d group %d: entry %d", bits, g, e)
			}
		}
	}
}
