package fuzz

import "github.com/lowbit-ml/lowbit"

// misuseKinds names the invalid calls a misuse case makes. Every
// implementation must panic with generic's message (or, where generic does
// not panic, not panic either) and leave its outputs as they were.
var misuseKinds = []string{
	"output one longer",
	"output one shorter",
	"operand one longer",
	"operand one shorter",
	"data not a whole number of rows",
	"one scale too many or too few",
	"mins where there are none, or none where there are",
	"invalid format",
	"columns not a multiple of the group",
	"empty operand, or a Q8 of another format",
}

// The misuse kinds that concern the rows.
const (
	misuseOutLonger = iota
	misuseOutShorter
	misuseOpLonger
	misuseOpShorter
	misuseData
	misuseScales
	misuseMins
	misuseFormat
	misuseCols
	misuseOther
)

// resize returns the length n adjusted by the misuse kind for an output
// (out) or an operand (op).
func resize(kind, n int, op bool) int {
	longer, shorter := misuseOutLonger, misuseOutShorter
	if op {
		longer, shorter = misuseOpLonger, misuseOpShorter
	}
	switch {
	case kind == longer, kind == shorter && n == 0:
		return n + 1
	case kind == shorter:
		return n - 1
	}
	return n
}

// misusedRows returns c's rows made inconsistent as the misuse kind says
// (the slices are shared with c.rows; only their headers change).
func (c *rowCase) misusedRows() lowbit.Rows {
	r := c.rows
	switch c.misuse {
	case misuseData:
		if len(r.Data) > 0 {
			r.Data = r.Data[:len(r.Data)-1]
		} else {
			r.Data = make([]byte, 1)
		}
	case misuseScales:
		if len(r.Scales) > 0 {
			r.Scales = r.Scales[:len(r.Scales)-1]
		} else {
			r.Scales = make([]uint16, 1)
		}
	case misuseMins:
		if len(r.Mins) > 0 {
			r.Mins = nil
		} else {
			r.Mins = make([]uint16, max(1, len(r.Scales)))
		}
	case misuseFormat:
		switch c.cols % 4 {
		case 0:
			r.Format.Group = 12
		case 1:
			r.Format.Bits = 9
		case 2:
			r.Format.Bits = 1
		default:
			r.Format.Group, r.Format.Symmetric = 0, true
		}
	case misuseCols:
		if r.Format.Quantized() && r.Cols > 8 {
			r.Cols -= 8
		} else {
			r.Cols = -r.Cols
		}
	}
	return r
}

// resized returns a copy of v with n elements (cut, or padded with zeros).
func resized[T any](v []T, n int) []T {
	out := make([]T, n)
	copy(out, v)
	return out
}
