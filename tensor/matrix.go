package tensor

import (
	"errors"
	"fmt"

	"github.com/lowbit-ml/lowbit"
)

// ErrShape is wrapped by every error about mismatched lengths or indices.
var ErrShape = errors.New("tensor: shape mismatch")

// Matrix is a rows × cols matrix stored in one lowbit.Format. The zero value
// is not usable: build one with New or FromFloat32.
type Matrix struct {
	rows lowbit.Rows // all rows; rows.Len() is the row count
}

// New returns an empty matrix of cols columns in format f, ready for
// AppendRows. A row of more than lowbit.MaxAlloc bytes is an error
// wrapping lowbit.ErrTooLarge.
func New(f lowbit.Format, cols int) (*Matrix, error) {
	if _, err := lowbit.NewRows(f, 0, cols); err != nil {
		return nil, err
	}
	return &Matrix{rows: lowbit.Rows{Format: f, Cols: cols}}, nil
}

// FromFloat32 quantizes the row-major values x (a whole number of rows of
// cols values) into a new matrix in format f.
func FromFloat32(f lowbit.Format, cols int, x []float32) (*Matrix, error) {
	m, err := New(f, cols)
	if err != nil {
		return nil, err
	}
	if err := m.AppendRows(x); err != nil {
		return nil, err
	}
	return m, nil
}

// Format returns the matrix's storage format.
func (m *Matrix) Format() lowbit.Format { return m.rows.Format }

// Rows returns the number of rows.
func (m *Matrix) Rows() int { return m.rows.Len() }

// Cols returns the number of columns.
func (m *Matrix) Cols() int { return m.rows.Cols }

// View returns the kernel view of rows [i, j), sharing the matrix's memory:
// the input of every lowbit kernel. It is valid until the next AppendRows.
func (m *Matrix) View(i, j int) (lowbit.Rows, error) {
	if i < 0 || j < i || j > m.Rows() {
		return lowbit.Rows{}, fmt.Errorf("%w: rows [%d, %d) of a %d-row matrix", ErrShape, i, j, m.Rows())
	}
	return m.rows.Slice(i, j), nil
}

// AppendRows quantizes the row-major values x, a whole number of rows, and
// appends them. On error (a partial row, NaN, ±Inf, or a value the format
// cannot store) the matrix is unchanged.
func (m *Matrix) AppendRows(x []float32) error {
	cols := m.rows.Cols
	if len(x)%cols != 0 {
		return fmt.Errorf("%w: %d values are not a whole number of rows of %d", ErrShape, len(x), cols)
	}
	n := len(x) / cols
	if n == 0 {
		return nil
	}
	f := m.rows.Format
	old := m.rows
	grown := lowbit.Rows{
		Format: f,
		Cols:   cols,
		Data:   grow(old.Data, n*f.RowBytes(cols)),
		Scales: grow(old.Scales, n*f.Groups(cols)),
	}
	if f.HasMins() {
		grown.Mins = grow(old.Mins, n*f.Groups(cols))
	}
	tail := grown.Slice(old.Len(), old.Len()+n)
	if err := lowbit.Quantize(tail, x); err != nil {
		return err // m.rows still describes the old rows
	}
	m.rows = grown
	return nil
}

// grow returns s extended by n elements, reusing its spare capacity when it
// has enough. The elements of s are not touched.
func grow[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s[:len(s)+n]
	}
	g := make([]T, len(s)+n, 2*len(s)+n)
	copy(g, s)
	return g
}

// Dequantize writes every row into dst (Rows × Cols values).
func (m *Matrix) Dequantize(dst []float32) error {
	if want := m.Rows() * m.Cols(); len(dst) != want {
		return fmt.Errorf("%w: Dequantize of %d×%d needs %d values, got %d", ErrShape, m.Rows(), m.Cols(), want, len(dst))
	}
	if len(dst) > 0 {
		lowbit.Dequantize(dst, m.rows)
	}
	return nil
}

// Row writes row i into dst (Cols values).
func (m *Matrix) Row(i int, dst []float32) error {
	if i < 0 || i >= m.Rows() {
		return fmt.Errorf("%w: row %d of a %d-row matrix", ErrShape, i, m.Rows())
	}
	if len(dst) != m.Cols() {
		return fmt.Errorf("%w: a row has %d values, dst has %d", ErrShape, m.Cols(), len(dst))
	}
	lowbit.Dequantize(dst, m.rows.Slice(i, i+1))
	return nil
}

// MatVec sets out = M·x. x may hold several vectors of Cols values one after
// the other; out then holds the results one after the other, Rows values
// each (out[j*Rows+i] = row i · vector j).
func (m *Matrix) MatVec(out, x []float32) error {
	cols, rows := m.Cols(), m.Rows()
	if len(x) == 0 || len(x)%cols != 0 {
		return fmt.Errorf("%w: MatVec needs vectors of %d values, got %d values", ErrShape, cols, len(x))
	}
	if want := len(x) / cols * rows; len(out) != want {
		return fmt.Errorf("%w: MatVec of %d×%d with %d vectors needs %d outputs, got %d", ErrShape, rows, cols, len(x)/cols, want, len(out))
	}
	if rows > 0 {
		lowbit.Dot(out, m.rows, x)
	}
	return nil
}

// AddWeighted adds Σ_i w[i] * row_i to y. w may hold several weight vectors
// of Rows values one after the other; y then holds as many sums of Cols
// values (y[j*Cols+c] += Σ_i w[j*Rows+i] * M[i,c]).
func (m *Matrix) AddWeighted(y, w []float32) error {
	cols, rows := m.Cols(), m.Rows()
	if rows == 0 {
		if len(w) != 0 {
			return fmt.Errorf("%w: AddWeighted over 0 rows with %d weights", ErrShape, len(w))
		}
		return nil
	}
	if len(w) == 0 || len(w)%rows != 0 {
		return fmt.Errorf("%w: AddWeighted needs weight vectors of %d values, got %d values", ErrShape, rows, len(w))
	}
	if want := len(w) / rows * cols; len(y) != want {
		return fmt.Errorf("%w: AddWeighted with %d weight vectors needs %d outputs, got %d", ErrShape, len(w)/rows, want, len(y))
	}
	lowbit.AddWeighted(y, m.rows, w)
	return nil
}

// Bytes is a matrix's memory, exactly: the bytes of its codes (or fp16 /
// float32 values), of its fp16 scales and of its fp16 mins.
type Bytes struct {
	Codes, Scales, Mins int
}

// Total returns Codes + Scales + Mins.
func (b Bytes) Total() int { return b.Codes + b.Scales + b.Mins }

// Bytes returns the memory the matrix's values use (spare capacity kept for
// appending is not counted).
func (m *Matrix) Bytes() Bytes {
	return Bytes{Codes: len(m.rows.Data), Scales: 2 * len(m.rows.Scales), Mins: 2 * len(m.rows.Mins)}
}
