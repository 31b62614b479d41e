package lowbit

import (
	"math"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocated returns the bytes fn allocates (runtime.MemStats.TotalAlloc).
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestAbsurdSizesAreErrors: sizes whose bytes overflow an int, or exceed
// MaxAlloc, are an error wrapping ErrTooLarge, and nothing is allocated
// (the NewRows(q4g64, 1<<62, 128) returned Len 0 and no error,
// 1<<58 panicked in makeslice, 1<<40 was a fatal out-of-memory).
func TestAbsurdSizesAreErrors(t *testing.T) {
	q4 := Quant(4, 64)
	for _, c64 := range []struct {
		f       Format
		n, cols int64 // cases beyond an int are left out where it is 32 bits
		only32  bool  // within MaxAlloc, but beyond a 32-bit int
	}{
		{q4, 1 << 62, 128, false}, {q4, 1 << 58, 128, false}, {q4, 1 << 40, 128, false}, {q4, math.MaxInt, 128, false},
		{q4, 1 << 34, 128, false}, // 2^40 bytes of codes alone, plus scales and mins
		{F32, 1, 1 << 62, false}, {F32, 0, 1 << 61, false}, {F16, 1 << 20, 1 << 20, false}, {SymQuant(8, 8), 3, math.MaxInt - 7, false},
		{q4, 1 << 26, 1 << 10, true}, {F32, 1 << 20, 1 << 10, true},
	} {
		if c64.n > math.MaxInt || c64.cols > math.MaxInt || c64.only32 && math.MaxInt > math.MaxInt32 {
			continue
		}
		c := struct {
			f       Format
			n, cols int
		}{c64.f, int(c64.n), int(c64.cols)}
		var err error
		var q8err error
		bytes := allocated(func() {
			_, err = NewRows(c.f, c.n, c.cols)
			if c.n > 0 {
				_, q8err = NewQ8(c.f, c.n, c.cols)
			} else {
				q8err = ErrTooLarge
			}
		})
		require.ErrorIs(t, err, ErrTooLarge, "NewRows(%s, %d, %d)", c.f, c.n, c.cols)
		require.ErrorIs(t, q8err, ErrTooLarge, "NewQ8(%s, %d, %d)", c.f, c.n, c.cols)
		assert.Less(t, bytes, uint64(16<<10), "NewRows(%s, %d, %d) allocated %d bytes", c.f, c.n, c.cols, bytes)
	}
}

// TestAllocLimitBoundary: the largest row count within MaxAlloc is
// accepted by the size check, one more is not.
func TestAllocLimitBoundary(t *testing.T) {
	for _, f := range []Format{Quant(4, 64), SymQuant(2, 8), F16, F32} {
		row := rowBytes(f, 128)
		n := int(maxAlloc / row)
		got, err := allocBytes("rows", n, 128, func(c int64) int64 { return rowBytes(f, c) })
		require.NoError(t, err, "%s", f)
		assert.LessOrEqual(t, got, MaxAlloc)
		_, err = allocBytes("rows", n+1, 128, func(c int64) int64 { return rowBytes(f, c) })
		assert.ErrorIs(t, err, ErrTooLarge, "%s", f)
	}
	r, err := NewRows(Quant(4, 64), 3, 128)
	require.NoError(t, err)
	assert.Equal(t, 3, r.Len())
	assert.Equal(t, int64(64+2*2+2*2), rowBytes(Quant(4, 64), 128))
}
