package lowbit

import (
	"errors"
	"fmt"
	"math"
)

// Rows is a view of consecutive rows of Cols values stored in one Format:
// the input of every kernel. It owns no memory; tensor.Matrix and the mikv
// pages build Rows over their storage.
//
// Storage is structure-of-arrays. Data holds every row's codes (layout of
// package pack, rows one after the other, Format.RowBytes(Cols) bytes each);
// for fp16 and float32 it holds the little-endian values. Scales holds one
// fp16 scale per group, row by row; Mins one fp16 min per group (empty for
// symmetric formats, fp16 and float32).
type Rows struct {
	Format Format
	Cols   int
	Data   []byte
	Scales []uint16
	Mins   []uint16

	// A trailing zero-size field pads Rows to 14 words, so that the
	// compiler copies a Rows with non-overlapping 16-byte moves: a copy of
	// 13 words ends with a move that overlaps the one before, and the next
	// copy's load of those bytes then cannot be forwarded from the stores
	// and stalls. Those loads were the hottest Go instructions of a
	// one-row Quantize; with the padding (and the argument blocks built in
	// place) Quantize of one row of 8 values took 114 ns instead of 140
	// (Intel Xeon family 6 model 207, medians of 5 interleaved runs).
	// Rows literals must be keyed.
	_ struct{}
}

// MaxAlloc is the most memory, in bytes, that NewRows and NewQ8 allocate
// in one call: 1 TiB (or what an int holds, if less). Larger sizes, and
// sizes whose byte count would overflow, are an error wrapping
// ErrTooLarge, returned before anything is allocated, so that a corrupt
// or hostile size cannot ask for an absurd allocation. (Below the limit,
// memory the machine does not have is the Go runtime's fatal error, as
// for any make.)
const MaxAlloc int64 = 1 << 40

// ErrTooLarge is wrapped by every error about a size beyond MaxAlloc.
var ErrTooLarge = errors.New("lowbit: size beyond MaxAlloc")

// maxAlloc is MaxAlloc, or math.MaxInt where an int is smaller.
const maxAlloc = min(MaxAlloc, math.MaxInt)

// allocBytes returns n × perRow(cols), the bytes of n rows of cols values
// of which one row takes perRow bytes, or an error wrapping ErrTooLarge if
// one row or all of them exceed maxAlloc. perRow is given cols ≤ maxAlloc,
// so it cannot overflow an int64.
func allocBytes(what string, n, cols int, perRow func(cols int64) int64) (int64, error) {
	if int64(cols) > maxAlloc {
		return 0, fmt.Errorf("%w: %s of %d columns", ErrTooLarge, what, cols)
	}
	row := perRow(int64(cols))
	if row > maxAlloc || n > 0 && int64(n) > maxAlloc/row {
		return 0, fmt.Errorf("%w: %d %s of %d columns (%d bytes each) exceed %d bytes", ErrTooLarge, n, what, cols, row, maxAlloc)
	}
	return int64(n) * row, nil
}

// rowBytes returns the bytes one row of cols values takes in f: codes (or
// values), scales and mins.
func rowBytes(f Format, cols int64) int64 {
	b := cols * int64(f.Bits) / 8
	if f.Quantized() {
		g := cols / int64(f.Group)
		b += 2 * g
		if f.HasMins() {
			b += 2 * g
		}
	}
	return b
}

// NewRows allocates n zero rows of cols values in f. More than MaxAlloc
// bytes in all (codes, scales and mins) is an error wrapping ErrTooLarge;
// so is one row of more, even when n is 0.
func NewRows(f Format, n, cols int) (Rows, error) {
	if err := f.ValidateCols(cols); err != nil {
		return Rows{}, err
	}
	if n < 0 {
		return Rows{}, fmt.Errorf("lowbit: %d rows", n)
	}
	if _, err := allocBytes("rows of "+f.String(), n, cols, func(c int64) int64 { return rowBytes(f, c) }); err != nil {
		return Rows{}, err
	}
	r := Rows{Format: f, Cols: cols, Data: make([]byte, n*f.RowBytes(cols))}
	if g := n * f.Groups(cols); g > 0 {
		r.Scales = make([]uint16, g)
		if f.HasMins() {
			r.Mins = make([]uint16, g)
		}
	}
	return r, nil
}

// Len returns the number of rows: len(Data) / Format.RowBytes(Cols).
func (r Rows) Len() int {
	rb := r.Format.RowBytes(r.Cols)
	if rb == 0 {
		return 0
	}
	return quotient(len(r.Data), rb)
}

// Slice returns the view of rows [i, j).
func (r Rows) Slice(i, j int) (s Rows) {
	// Fields are set in the result one by one (a local value copied to the
	// result would be read back by wide loads that stall on the narrow
	// stores, see the padding of Rows).
	rb, g := r.Format.RowBytes(r.Cols), r.Format.Groups(r.Cols)
	s.Format, s.Cols, s.Data = r.Format, r.Cols, r.Data[i*rb:j*rb]
	if g > 0 {
		s.Scales = r.Scales[i*g : j*g]
		if r.Format.HasMins() {
			s.Mins = r.Mins[i*g : j*g]
		}
	}
	return s
}

// Check reports whether r is consistent: a valid format for Cols, Data a
// whole number of rows, and Scales and Mins of the right lengths.
func (r Rows) Check() error {
	if r.consistentCodes() {
		return nil
	}
	if err := r.Format.ValidateCols(r.Cols); err != nil {
		return err
	}
	rb := r.Format.RowBytes(r.Cols)
	if len(r.Data)%rb != 0 {
		return fmt.Errorf("lowbit: %d data bytes are not a whole number of %s rows of %d values (%d bytes each)", len(r.Data), r.Format, r.Cols, rb)
	}
	n := len(r.Data) / rb
	g := n * r.Format.Groups(r.Cols)
	if len(r.Scales) != g {
		return fmt.Errorf("lowbit: %d rows of %s need %d scales, have %d", n, r.Format, g, len(r.Scales))
	}
	wantMins := 0
	if r.Format.HasMins() {
		wantMins = g
	}
	if len(r.Mins) != wantMins {
		return fmt.Errorf("lowbit: %d rows of %s need %d mins, have %d", n, r.Format, wantMins, len(r.Mins))
	}
	return nil
}

// consistentCodes is Check's fast path, for the kernels' per-call checks
// of short rows: it reports true only for consistent code rows (valid
// format and Cols, Data, Scales and Mins of one number of rows) and
// divides at most twice (not at all when a row is one group); Check's
// full path then answers the other cases and writes the error.
func (r Rows) consistentCodes() bool {
	f, cols := r.Format, r.Cols
	if !f.Quantized() || f.Group <= 0 || f.Group%8 != 0 || cols <= 0 || cols > maxFastCols {
		return false
	}
	g := 1
	if cols != f.Group {
		if g = quotient(cols, f.Group); g*f.Group != cols {
			return false
		}
	}
	n := len(r.Scales)
	if g > 1 {
		if n = quotient(n, g); n*g != len(r.Scales) {
			return false
		}
	}
	mins := 0
	if !f.Symmetric {
		mins = len(r.Scales)
	}
	return len(r.Data) == n*(cols*f.Bits/8) && len(r.Mins) == mins
}

// maxFastCols bounds the row lengths of Check's fast path, so that its
// products of lengths cannot overflow.
const maxFastCols = 1 << 24
