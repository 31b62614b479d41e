package lowbit

import "fmt"

// Q8 holds query rows quantized to int8 for DotQ8, in blocks that line up
// with the blocks of the format they will be multiplied with: each group of
// Group values is cut into blocks of 32 (the last may be 8, 16 or 24), and
// each block has its own scale. For fp16 and float32 rows the whole row is
// one group.
//
// Block b holds x[c] ≈ Scales[b]*Values[c] for its values c, and Sums[b] =
// Scales[b] * Σ Values[c], which folds the min (or the symmetric offset) of
// the codes out of the integer dot product. Build one with NewQ8 and fill
// it with QuantizeQ8; reuse it across calls (kernels never allocate).
type Q8 struct {
	Group  int       // values per group the blocks line up with
	Cols   int       // values per row
	Values []int8    // rows × Cols
	Scales []float32 // one per block
	Sums   []float32 // one per block: Scales[b] * Σ Values in block b
}

// q8Group returns the group that Q8 blocks for rows of f must line up with.
func q8Group(f Format, cols int) int {
	if f.Quantized() {
		return f.Group
	}
	return cols
}

// q8Blocks returns the number of int8 blocks in a row of cols values cut
// into groups of group values.
func q8Blocks(group, cols int) int { return cols / group * ((group + 31) / 32) }

// NewQ8 allocates a Q8 for n query rows of cols values, lined up with the
// blocks of format f. More than MaxAlloc bytes in all (values, block
// scales and sums) is an error wrapping ErrTooLarge.
func NewQ8(f Format, n, cols int) (*Q8, error) {
	if err := f.ValidateCols(cols); err != nil {
		return nil, err
	}
	if n <= 0 {
		return nil, fmt.Errorf("lowbit: Q8 of %d rows", n)
	}
	g := q8Group(f, cols)
	perRow := func(c int64) int64 { // an int8 per value, a float32 scale and sum per block
		return c + 8*(c/int64(g))*int64((g+31)/32)
	}
	if _, err := allocBytes("Q8 rows for "+f.String(), n, cols, perRow); err != nil {
		return nil, err
	}
	nb := n * q8Blocks(g, cols)
	return &Q8{Group: g, Cols: cols, Values: make([]int8, n*cols), Scales: make([]float32, nb), Sums: make([]float32, nb)}, nil
}

// Len returns the number of query rows.
func (q *Q8) Len() int {
	if q.Cols == 0 {
		return 0
	}
	return len(q.Values) / q.Cols
}

// check reports whether q's slices fit its shape.
func (q *Q8) check() error {
	if q.Cols <= 0 || q.Group <= 0 || q.Cols%q.Group != 0 {
		return fmt.Errorf("lowbit: Q8 with %d columns in groups of %d", q.Cols, q.Group)
	}
	n := len(q.Values) / q.Cols
	if n == 0 || len(q.Values) != n*q.Cols {
		return fmt.Errorf("lowbit: Q8 holds %d values, not a positive multiple of %d columns", len(q.Values), q.Cols)
	}
	nb := n * q8Blocks(q.Group, q.Cols)
	if len(q.Scales) != nb || len(q.Sums) != nb {
		return fmt.Errorf("lowbit: Q8 of %d rows needs %d block scales and sums, has %d and %d", n, nb, len(q.Scales), len(q.Sums))
	}
	return nil
}
