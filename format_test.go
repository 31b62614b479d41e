package lowbit

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatValidate(t *testing.T) {
	for _, f := range testFormats() {
		require.NoError(t, f.Validate(), "%v", f)
	}
	for _, f := range []Format{{}, {Bits: 1, Group: 8}, {Bits: 9, Group: 8}, {Bits: 4}, {Bits: 4, Group: 12}, {Bits: 4, Group: -8},
		{Bits: 16, Group: 8}, {Bits: 32, Symmetric: true}, {Bits: 24}} {
		assert.ErrorIs(t, f.Validate(), ErrFormat, "%v", f)
	}
	assert.NoError(t, Quant(4, 32).ValidateCols(96))
	assert.ErrorIs(t, Quant(4, 32).ValidateCols(80), ErrFormat)
	assert.ErrorIs(t, F16.ValidateCols(0), ErrFormat)
	assert.NoError(t, F16.ValidateCols(7))
}

func TestFormatStringParses(t *testing.T) {
	for _, f := range testFormats() {
		g, err := ParseFormat(f.String())
		require.NoError(t, err, "%s", f)
		assert.Equal(t, f, g)
	}
	assert.Equal(t, "q4g64", Quant(4, 64).String())
	assert.Equal(t, "q2sg32", SymQuant(2, 32).String())
	for _, s := range []string{"", "q", "q4", "q4g", "qg64", "q9g64", "q1g8", "q4g12", "f8", "int4", "q4sg", "q4xg64"} {
		_, err := ParseFormat(s)
		assert.ErrorIs(t, err, ErrFormat, "%q", s)
	}
}

func TestFormatSizes(t *testing.T) {
	assert.Equal(t, 2.5, Quant(2, 64).BitsPerValue()) // the paper's INT2 at groups of 64
	assert.Equal(t, 4.5, Quant(4, 64).BitsPerValue())
	assert.Equal(t, 4.25, SymQuant(4, 64).BitsPerValue())
	assert.Equal(t, 6.0, Quant(2, 8).BitsPerValue()) // head dim 8: scale and min cost 4 bits
	assert.Equal(t, 16.0, F16.BitsPerValue())
	assert.Equal(t, 56, Quant(7, 64).RowBytes(64))
	assert.Equal(t, 2, Quant(7, 64).Groups(128))
	assert.Equal(t, 0, F16.Groups(128))
	assert.Equal(t, 256, F16.RowBytes(128))
	assert.True(t, Quant(3, 8).HasMins())
	assert.False(t, SymQuant(3, 8).HasMins())
	assert.False(t, F32.HasMins())
}

func TestRowsCheckAndSlice(t *testing.T) {
	r, err := NewRows(Quant(4, 32), 5, 64)
	require.NoError(t, err)
	require.NoError(t, r.Check())
	assert.Equal(t, 5, r.Len())
	s := r.Slice(1, 3)
	assert.Equal(t, 2, s.Len())
	require.NoError(t, s.Check())
	assert.Len(t, s.Scales, 4)
	bad := r
	bad.Data = bad.Data[:len(bad.Data)-1]
	assert.ErrorContains(t, bad.Check(), "not a whole number")
	bad = r
	bad.Mins = nil
	assert.ErrorContains(t, bad.Check(), "need 10 mins, have 0")
	_, err = NewRows(Quant(4, 32), -1, 64)
	assert.Error(t, err)
	_, err = NewRows(Quant(4, 32), 1, 48)
	assert.ErrorIs(t, err, ErrFormat)
}

// TestRowsCheckFastPath: Check's fast path (consistentCodes) accepts only
// what the full rules accept, on rows of every kind with each length
// perturbed, formats and columns that are invalid, and symmetric and
// asymmetric codes in one or several groups per row.
func TestRowsCheckFastPath(t *testing.T) {
	formats := []Format{Quant(4, 8), SymQuant(3, 8), Quant(2, 32), SymQuant(4, 64), Quant(8, 16), F16, F32,
		{Bits: 4, Group: 12}, {Bits: 9, Group: 8}, {Bits: 4, Group: 0}, {Bits: 16, Group: 8}}
	for _, f := range formats {
		for _, cols := range []int{0, -8, 8, 16, 24, 64, 96, 128} {
			for _, n := range []int{0, 1, 3} {
				// The lengths n whole rows would have, then each one off by a
				// row's worth or by one.
				rb, g := max(0, cols*f.Bits/8), 0
				if f.Quantized() && f.Group > 0 {
					g = max(0, cols/f.Group)
				}
				base := [3]int{n * rb, n * g, 0}
				if f.HasMins() {
					base[2] = n * g
				}
				for k := range 3 {
					for _, d := range []int{0, -1, 1, g, -g} {
						l := base
						if l[k] += d; l[k] < 0 {
							continue
						}
						r := Rows{Format: f, Cols: cols, Data: make([]byte, l[0]), Scales: make([]uint16, l[1]), Mins: make([]uint16, l[2])}
						if l[2] == 0 {
							r.Mins = nil
						}
						if r.consistentCodes() && rowsCheckFull(r) != nil {
							t.Fatalf("%v, %d cols, lengths %v: the fast path accepts what the full check rejects (%v)", f, cols, l, rowsCheckFull(r))
						}
						if (r.Check() == nil) != (rowsCheckFull(r) == nil) {
							t.Fatalf("%v, %d cols, lengths %v: Check %v, full rules %v", f, cols, l, r.Check(), rowsCheckFull(r))
						}
					}
				}
			}
		}
	}
}

// rowsCheckFull is Check's rules written out again, without the fast path.
func rowsCheckFull(r Rows) error {
	if err := r.Format.ValidateCols(r.Cols); err != nil {
		return err
	}
	rb := r.Format.RowBytes(r.Cols)
	if len(r.Data)%rb != 0 {
		return errors.New("data")
	}
	g := len(r.Data) / rb * r.Format.Groups(r.Cols)
	if len(r.Scales) != g {
		return errors.New("scales")
	}
	wantMins := 0
	if r.Format.HasMins() {
		wantMins = g
	}
	if len(r.Mins) != wantMins {
		return errors.New("mins")
	}
	return nil
}
