//go:build gc && !purego

package lowbit

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// avx512SplitCases are the split kernels' shapes as formats (plain; the
// tests add symmetric) and row lengths: 4-bit, then 2-bit.
func avx512SplitCases() (fs []Format, cols []int) {
	for _, s := range avx512SplitShapes {
		fs, cols = append(fs, Quant(4, s.group)), append(cols, s.cols)
	}
	for _, s := range avx512SplitW2Shapes {
		fs, cols = append(fs, Quant(2, s.group)), append(cols, s.cols)
	}
	for _, s := range avx512Tri80Shapes {
		fs, cols = append(fs, Quant(2, s.group)), append(cols, 80)
	}
	return fs, cols
}

// TestAVX512AddWeightedSplit runs the split kernels (and the 2-bit
// kernels of rows of 80) directly on every shape, plain and symmetric,
// over counts of rows around their steps (8 rows of 80, 4 or 8 of 96, 6
// of 80 for 2-bit codes: whole steps, a partial last step alone and
// after whole ones; and for 2-bit codes more rows than a chunk of the two
// halves), against float64 sums.
func TestAVX512AddWeightedSplit(t *testing.T) {
	avx512ForTest(t)
	rng := rand.New(rand.NewPCG(81, 96))
	fs, cols := avx512SplitCases()
	for i, f := range fs {
		ns := []int{1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 23, 24, 25, 31, 32, 33, 100}
		if f.Bits == 2 {
			ns = append(ns, avx512SplitW2Chunk+21)
		}
		for _, sym := range []bool{false, true} {
			f.Symmetric = sym
			for _, n := range ns {
				r, _ := quantizedRows(t, rng, f, n, cols[i])
				w := randomValues(rng, n)
				y := randomValues(rng, cols[i])
				want, mag := addWeightedWant(r, w, y)
				require.True(t, avx512AddWeightedSplitAny(y, r, w))
				for k := range y {
					require.InDelta(t, want[k], y[k], sumTolerance(mag[k], 2*n), "%s, %d rows of %d: y[%d]", f, n, cols[i], k)
				}
			}
		}
	}
}

// TestAVX512AddWeightedSplitTables checks the split shapes' tables
// against their definition: every column of a row is covered once per
// row of a step by the head and tail sums (a head sum covers every row,
// a tail sum four), and
// each lane's spread index names its own row's entry of its column's
// group, within the one, two or three entries vectors the kernel permutes.
func TestAVX512AddWeightedSplitTables(t *testing.T) {
	for _, s := range avx512SplitShapes {
		tail, g := s.cols/8-8, s.cols/s.group
		count := make([]int, s.cols)
		for i, c := range s.lanes {
			if i < 64 {
				count[c] += s.step // a head sum: lanes l and l+8 of every pair vector
			} else {
				count[c] += 4 // a tail sum: lanes l, l+4, l+8 and l+12
			}
		}
		for c, n := range count {
			require.Equal(t, s.step, n, "rows of %d in groups of %d: column %d", s.cols, s.group, c)
		}
		pairs := s.step / 2
		for v := range pairs + 1 {
			for l := range 16 {
				row, d := 2*v+l/8, l%8
				if v == pairs {
					row, d = l/tail, 8+l%tail
				}
				e := g*row + 8*d/s.group
				got := int(s.idx[16*(3+v)+l])
				require.Equal(t, 0, (e-got)%16, "rows of %d in groups of %d: vector %d lane %d: entry %d, index %d", s.cols, s.group, v, l, e, got)
				require.Less(t, got, 48) // three vectors only for the tail of rows of 80 in groups of 16
			}
		}
		for e := range 48 {
			want := int32(15)
			if e < s.entries {
				want = int32(e / g)
			}
			require.Equal(t, want, s.idx[e], "rows of %d in groups of %d: weight of entry %d", s.cols, s.group, e)
		}
	}
}

// TestAVX512AddWeightedSplitW2Tables: the 2-bit shapes' two halves cover
// every column once per row of a step (a head sum covers every row, a
// tail sum four), and each group's w*min is taken from the lanes of one
// dword per row.
func TestAVX512AddWeightedSplitW2Tables(t *testing.T) {
	for _, s := range avx512SplitW2Shapes {
		count := make([]int, s.cols)
		for h := range 2 {
			for i, c := range s.lanes[h] {
				if i < 32 {
					count[c] += s.step
				} else {
					count[c] += 4
				}
			}
		}
		for c, n := range count {
			require.Equal(t, s.step, n, "rows of %d in groups of %d: column %d", s.cols, s.group, c)
		}
		perGroup := make([]int, s.cols/s.group)
		for l, j := range s.mins {
			if j == 255 {
				continue
			}
			if l < 16 {
				perGroup[j] += s.step / 4 // a head lane: one row per head vector
			} else {
				perGroup[j]++ // a tail lane: one row
			}
		}
		for j, n := range perGroup {
			require.Equal(t, s.step, n, "rows of %d in groups of %d: group %d", s.cols, s.group, j)
		}
	}
}

// TestAVX512AddWeightedSplitOverflow: the kernels' field sums are 16^k
// (4^k) times what they stand for, so a large finite result overflows
// them; the split kernels must then leave y alone and report false.
func TestAVX512AddWeightedSplitOverflow(t *testing.T) {
	avx512ForTest(t)
	rng := rand.New(rand.NewPCG(5, 6))
	formats, cols := avx512SplitCases()
	for i, f := range formats {
		vals := make([]float32, 9*cols[i])
		for k := range vals {
			vals[k] = 60000 * float32(rng.IntN(3)-1)
		}
		r, err := NewRows(f, 9, cols[i])
		require.NoError(t, err)
		require.NoError(t, Generic().Quantize(r, vals))
		w := make([]float32, 9)
		for k := range w {
			w[k] = 1e34
		}
		y := randomValues(rng, cols[i])
		before := append([]float32(nil), y...)
		require.False(t, avx512AddWeightedSplitAny(y, r, w), "%s, rows of %d", f, cols[i])
		require.Equal(t, before, y)
	}
}

// TestAVX512AddWeightedTri80Tables: the 2-bit kernels of rows of 80 sum
// every column once (field k of dword d), each group's w*min is taken
// once per row, and the weight indexes give lane l of a step's vector v
// row 3v + l/5, lane 15 none.
func TestAVX512AddWeightedTri80Tables(t *testing.T) {
	for _, s := range avx512Tri80Shapes {
		count := make([]int, 80)
		for _, c := range s.cols {
			count[c]++
		}
		for c, n := range count {
			require.Equal(t, 1, n, "groups of %d: column %d", s.group, c)
		}
		perGroup := make([]int, 80/s.group)
		for l, j := range s.mins {
			if j != 255 {
				perGroup[j]++
				require.Less(t, l, 15, "groups of %d: mins lane %d", s.group, l)
			}
		}
		for j, n := range perGroup {
			want := avx512Tri80Step // one group: a lane per row of the step
			if s.group == 16 {
				want = 3 // a lane per row of a vector
			}
			require.Equal(t, want, n, "groups of %d: group %d", s.group, j)
		}
		for v := range 2 {
			for l := range 16 {
				want := int32(3*v + l/5)
				if l == 15 {
					want = 15
				}
				require.Equal(t, want, s.idx[16+16*v+l], "groups of %d: vector %d lane %d", s.group, v, l)
			}
		}
		for k := range 16 {
			require.Equal(t, int32(3)<<(2*k), s.idx[k])
		}
	}
}
