//go:build unix

package lowbit

import (
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// guardedBytes returns n bytes that end exactly where an unreadable page
// begins, so a kernel that reads past the end of its input faults.
func guardedBytes(t testing.TB, n int) []byte {
	page := unix.Getpagesize()
	size := (n+page-1)/page*page + page
	mem, err := unix.Mmap(-1, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	require.NoError(t, err)
	require.NoError(t, unix.Mprotect(mem[size-page:], unix.PROT_NONE))
	t.Cleanup(func() { _ = unix.Munmap(mem) })
	return mem[size-page-n : size-page : size-page]
}

// guardedCopy returns a copy of src that ends exactly where an unreadable
// page begins.
func guardedCopy[T any](t testing.TB, src []T) []T {
	var zero T
	sz := int(unsafe.Sizeof(zero))
	b := guardedBytes(t, len(src)*sz)
	if len(src) == 0 {
		return nil
	}
	dst := unsafe.Slice((*T)(unsafe.Pointer(&b[0])), len(src))
	copy(dst, src)
	return dst
}

// guardedAfter returns a copy of src that begins exactly where an
// unreadable page ends, so a kernel that reads or writes before its input
// faults.
func guardedAfter[T any](t testing.TB, src []T) []T {
	var zero T
	n := len(src) * int(unsafe.Sizeof(zero))
	page := unix.Getpagesize()
	size := page + (n+page-1)/page*page
	mem, err := unix.Mmap(-1, 0, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	require.NoError(t, err)
	require.NoError(t, unix.Mprotect(mem[:page], unix.PROT_NONE))
	t.Cleanup(func() { _ = unix.Munmap(mem) })
	if len(src) == 0 {
		return nil
	}
	dst := unsafe.Slice((*T)(unsafe.Pointer(&mem[page])), len(src))
	copy(dst, src)
	return dst
}

// guardedRows copies r so that its data, scales and mins each end at a
// guard page.
func guardedRows(t testing.TB, r Rows) Rows {
	g := r
	g.Data = guardedCopy(t, r.Data)
	g.Scales = guardedCopy(t, r.Scales)
	g.Mins = guardedCopy(t, r.Mins)
	return g
}

// TestGuardPages runs every kernel of every implementation with each input
// ending at an unreadable page: any over-read crashes the test binary. The
// cases are the shared ones (testCases); a subtest per format releases its
// mappings when it ends.
func TestGuardPages(t *testing.T) {
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(21, 22))
		cases := testCases()
		for i := 0; i < len(cases); {
			f := cases[i].f
			j := i
			for j < len(cases) && cases[j].f == f {
				j++
			}
			t.Run(f.String(), func(t *testing.T) {
				for _, c := range cases[i:j] {
					guardedCase(t, im, rng, c.f, c.n, c.cols, c.nq)
				}
			})
			i = j
		}
	})
}

// guardedCase runs every kernel of im once on n rows of cols values of f
// and nq query (weight) rows, each input and output ending at a guard page.
func guardedCase(t *testing.T, im *Implementation, rng *rand.Rand, f Format, n, cols, nq int) {
	r0, x0 := quantizedRows(t, rng, f, n, cols)
	r := guardedRows(t, r0)
	x := guardedCopy(t, randomValues(rng, nq*cols))
	out := guardedCopy(t, make([]float32, nq*n))
	im.Dot(out, r, x)

	q0, err := NewQ8(f, nq, cols)
	require.NoError(t, err)
	q := &Q8{Group: q0.Group, Cols: q0.Cols, Values: guardedCopy(t, q0.Values), Scales: guardedCopy(t, q0.Scales), Sums: guardedCopy(t, q0.Sums)}
	require.NoError(t, im.QuantizeQ8(q, x))
	im.DotQ8(out, r, q)

	w := guardedCopy(t, randomValues(rng, nq*n))
	y := guardedCopy(t, make([]float32, nq*cols))
	im.AddWeighted(y, r, w)
	im.AddWeightedQ8(y, r, w)

	xs := guardedCopy(t, x0)
	require.NoError(t, im.Quantize(r, xs))
	dst := guardedCopy(t, make([]float32, n*cols))
	im.Dequantize(dst, r)
	im.Softmax(out)
}

// TestGuardPagesRowShapes runs every kernel on the shapes that the amd64
// row kernels take with masked, strided, gathered or half-row loads (rows of 64, 80,
// 96, 128 and 256 in groups of 8, 16, 32, 64, 96 and the whole row), each input
// ending at a guard page, and the rows also beginning right after one (a
// masked load's address may lie before its first byte; its masked-off
// lanes must not be read).
func TestGuardPagesRowShapes(t *testing.T) {
	cases := []struct {
		f    Format
		cols int
	}{
		{Quant(2, 32), 96}, {SymQuant(2, 96), 96}, {Quant(4, 32), 96}, {SymQuant(4, 96), 96}, {Quant(4, 16), 96},
		{Quant(4, 16), 128}, {SymQuant(2, 16), 128}, {Quant(4, 16), 64}, {Quant(2, 16), 64}, {SymQuant(2, 32), 64},
		{Quant(4, 32), 256}, {SymQuant(4, 16), 256}, {Quant(2, 16), 256}, {Quant(4, 256), 256}, {SymQuant(2, 256), 256},
		{Quant(2, 128), 256}, {Quant(8, 64), 256}, {SymQuant(3, 64), 256}, {Quant(8, 256), 256},
		{Quant(5, 64), 64}, {SymQuant(8, 32), 64}, {Quant(4, 64), 64}, {SymQuant(4, 32), 64}, {Quant(4, 80), 80},
		{Quant(4, 16), 80}, {SymQuant(4, 80), 80}, {SymQuant(2, 16), 80}, {Quant(2, 80), 80}, {SymQuant(2, 16), 96},
		{Quant(4, 64), 128}, {SymQuant(4, 128), 128}, {Quant(2, 128), 128}, {SymQuant(2, 64), 128}, {Quant(4, 32), 128},
		{Quant(4, 8), 128}, {SymQuant(4, 8), 64}, {Quant(4, 8), 256}, {SymQuant(4, 8), 96}, {Quant(4, 8), 80},
		{Quant(2, 8), 64}, {SymQuant(2, 8), 80}, {Quant(2, 8), 96}, {Quant(2, 8), 80}, {SymQuant(2, 8), 96}, {SymQuant(2, 8), 128}, {Quant(2, 8), 256}, {SymQuant(4, 8), 128},
		{Quant(8, 80), 80}, {SymQuant(8, 80), 80}, {Quant(8, 32), 96}, {SymQuant(8, 96), 96},
		{F16, 128}, {F16, 64}, {F32, 64}, {SymQuant(8, 128), 128}, {Quant(2, 64), 256}, {Quant(2, 32), 128}, {SymQuant(4, 32), 128}, {Quant(8, 32), 64},
		{Quant(2, 64), 128}, {SymQuant(2, 64), 128}, {SymQuant(2, 128), 128}, {Quant(4, 64), 128}, {SymQuant(4, 128), 128}, // AddWeightedQ8's kernels
		{SymQuant(2, 32), 64}, {Quant(4, 64), 64}, {Quant(2, 64), 256}, {SymQuant(4, 256), 256}, // and on rows of 64 and 256
	}
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		rng := rand.New(rand.NewPCG(23, 24))
		for _, c := range cases {
			for _, n := range []int{1, 3, 7, 8, 9, 16, 17, 19, 47, 130} { // 16: a whole block of the stream kernels, the last row at the guard page; 19, 47: four weight rows (the span kernels) over blocks of 16 and a partial last one; 130: the 2-bit split kernels' least
				nq := 1 + n%4
				guardedCase(t, im, rng, c.f, n, c.cols, nq)
				r0, _ := quantizedRows(t, rng, c.f, n, c.cols)
				r := r0
				r.Data, r.Scales, r.Mins = guardedAfter(t, r0.Data), guardedAfter(t, r0.Scales), guardedAfter(t, r0.Mins)
				x := guardedAfter(t, randomValues(rng, nq*c.cols))
				out := make([]float32, nq*n)
				im.Dot(out, r, x)
				y := make([]float32, nq*c.cols)
				w := guardedAfter(t, randomValues(rng, nq*n))
				im.AddWeighted(y, r, w)
				im.AddWeightedQ8(y, r, w)
			}
		}
	})
}
