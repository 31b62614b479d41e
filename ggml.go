package lowbit

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// GGMLType is a ggml tensor type, numbered as ggml's enum ggml_type and
// as GGUF files store it.
type GGMLType uint32

// The ggml types that FromGGML and AppendGGML convert.
const (
	GGMLF32  GGMLType = 0
	GGMLF16  GGMLType = 1
	GGMLQ4_0 GGMLType = 2
	GGMLQ4_1 GGMLType = 3
	GGMLQ5_0 GGMLType = 6
	GGMLQ5_1 GGMLType = 7
	GGMLQ8_0 GGMLType = 8
)

// ggmlNames holds ggml's names of its types (ggml_type_name), for String.
var ggmlNames = map[GGMLType]string{
	0: "f32", 1: "f16", 2: "q4_0", 3: "q4_1", 6: "q5_0", 7: "q5_1", 8: "q8_0", 9: "q8_1",
	10: "q2_K", 11: "q3_K", 12: "q4_K", 13: "q5_K", 14: "q6_K", 15: "q8_K",
	16: "iq2_xxs", 17: "iq2_xs", 18: "iq3_xxs", 19: "iq1_s", 20: "iq4_nl", 21: "iq3_s", 22: "iq2_s", 23: "iq4_xs",
	24: "i8", 25: "i16", 26: "i32", 27: "i64", 28: "f64", 29: "iq1_m", 30: "bf16", 34: "tq1_0", 35: "tq2_0", 39: "mxfp4",
}

// String returns ggml's name of the type, such as "q4_0", or
// "GGMLType(n)" for a number ggml does not name.
func (t GGMLType) String() string {
	if s, ok := ggmlNames[t]; ok {
		return s
	}
	return fmt.Sprintf("GGMLType(%d)", uint32(t))
}

// Format returns the lowbit format that holds t's values exactly (the
// format of FromGGML's rows), or an error wrapping ErrGGMLType.
func (t GGMLType) Format() (Format, error) {
	l, err := t.layout()
	return l.format, err
}

// ErrGGMLType is wrapped by the errors for a ggml type that FromGGML and
// AppendGGML do not convert: one whose values lowbit cannot hold without
// rounding (the k-quants), or has no format for (bf16, the i-quants, the
// integer types).
var ErrGGMLType = errors.New("lowbit: unsupported ggml type")

// layout returns t's block layout, or an error that says why lowbit has
// none.
func (t GGMLType) layout() (ggmlLayout, error) {
	if l, ok := ggmlLayouts[t]; ok {
		return l, nil
	}
	why := "lowbit converts f32, f16, q4_0, q4_1, q5_0, q5_1 and q8_0"
	if t >= 10 && t <= 14 { // q2_K … q6_K
		why = "the scale of a sub-block, d times a small integer, is not an fp16 value in general, and lowbit's scales are fp16 (see FromGGML)"
	}
	return ggmlLayout{}, fmt.Errorf("%w %v: %s", ErrGGMLType, t, why)
}

// maxGGMLCols bounds the columns FromGGML and AppendGGML accept, so that
// every byte count of a row (up to 4 bytes a value, 34 bytes a block of
// 32) fits an int.
const maxGGMLCols = math.MaxInt / 32

// ggmlBytes returns the bytes of rows × cols values of t in ggml's
// layout: rows × cols/32 blocks (cols blocks of one value for f16 and
// f32), or an error if the shape is invalid or the count overflows.
func ggmlBytes(t GGMLType, l ggmlLayout, rows, cols int) (int, error) {
	switch {
	case rows < 0 || cols <= 0:
		return 0, ggmlShapeError(t, rows, cols, "rows must be at least 0 and columns at least 1")
	case cols%l.values != 0:
		return 0, ggmlShapeError(t, rows, cols, fmt.Sprintf("the columns are not whole blocks of %d values", l.values))
	case cols > maxGGMLCols:
		return 0, ggmlShapeError(t, rows, cols, fmt.Sprintf("more than %d columns", maxGGMLCols))
	}
	rowBytes := cols / l.values * l.size
	if rows > 0 && rowBytes > math.MaxInt/rows {
		return 0, ggmlShapeError(t, rows, cols, "its size in bytes overflows an int")
	}
	return rows * rowBytes, nil
}

// ggmlShapeError returns the error about a tensor's shape.
func ggmlShapeError(t GGMLType, rows, cols int, why string) error {
	return fmt.Errorf("lowbit: %v tensor of %d × %d values: %s", t, rows, cols, why)
}

// FromGGML converts a ggml tensor of rows × cols values (cols ggml's ne[0],
// the values of a row, contiguous; rows the product of its other
// dimensions) from the blocks raw holds, as they are stored in a GGUF
// file or in ggml's memory, into new Rows of the format that holds the
// same values:
//
//	ggml   lowbit   values
//	q4_0   q4sg32   d·(q − 8)
//	q4_1   q4g32    d·q + m
//	q5_0   q5sg32   d·(q − 16)
//	q5_1   q5g32    d·q + m
//	q8_0   q8sg32   d·q, the int8 q stored as the code q + 128
//	f16    f16
//	f32    f32
//
// No value is requantized: ggml's fp16 d and m become the group's scale
// and min, and the codes are ggml's bits in lowbit's layout (see
// GGMLType.Format for the format alone). Dequantize of the result gives,
// bit for bit, the float32 values of ggml's reference dequantization
// (dequantize_row_q4_0 and its siblings): in both, d·q is exact in
// float32 and only the addition of m rounds. d may be negative, and
// often is (ggml's q4_0 and q5_0 quantizers set d = max/-8 and max/-16,
// max the value of largest magnitude): every kernel accepts negative
// scales and mins. cols must be a multiple of 32 for
// the quantized types; len(raw) must be the tensor's size exactly, and a
// NaN or ±Inf (in a d, an m, or an f16 or f32 value) is an error, as in
// ggml's ggml_validate_row_data. The result shares no memory with raw,
// and its allocation is exactly the rows' size.
//
// The k-quants are not converted. q4_K scales a sub-block of 32 by d·sc
// (and shifts it by dmin·m), with d and dmin fp16 and sc and m 6-bit
// integers; q6_K scales a sub-block of 16 by d·sc with an 8-bit sc. Such a
// product has up to 17 (18) significant bits and an fp16 holds 11: for
// uniformly spread d and sc, fewer than one product in five (one in eight)
// is an fp16 value, so a converter that returned an error unless every
// product of a tensor is exact would fail on nearly every real tensor
// (all 16 products of one q4_K super-block are exact with probability
// about 3·10⁻¹²), and one that rounded them would requantize. Other types
// (q8_1, the other k-quants, the i-quants, bf16) return an error wrapping
// ErrGGMLType too.
func FromGGML(typ GGMLType, raw []byte, rows, cols int) (Rows, error) {
	l, err := typ.layout()
	if err != nil {
		return Rows{}, err
	}
	size, err := ggmlBytes(typ, l, rows, cols)
	if err != nil {
		return Rows{}, err
	}
	if len(raw) != size {
		return Rows{}, fmt.Errorf("lowbit: %v tensor of %d × %d values takes %d bytes, raw has %d", typ, rows, cols, size, len(raw))
	}
	if k := l.firstNonFinite(raw); k >= 0 {
		perRow, unit := cols/l.values, "block"
		if l.values == 1 {
			unit = "value"
		}
		return Rows{}, fmt.Errorf("lowbit: %v row %d, %s %d holds a NaN or an infinity", typ, k/perRow, unit, k%perRow)
	}
	r, err := NewRows(l.format, rows, cols)
	if err != nil {
		return Rows{}, err
	}
	l.importBlocks(r, raw)
	return r, nil
}

// AppendGGML appends the rows of r to dst as ggml blocks of type typ and
// returns the extended slice: the inverse of FromGGML, lossless, so
// FromGGML of what it appends gives r's bytes back (unless r holds a NaN
// or an infinity, which AppendGGML writes as they are and FromGGML
// refuses). r must be in the format of typ (GGMLType.Format: q4sg32 for
// q4_0, and so on); rows in any other format are an error, as is a type
// lowbit does not convert, and then dst is returned unchanged.
func AppendGGML(dst []byte, typ GGMLType, r Rows) ([]byte, error) {
	l, err := typ.layout()
	if err != nil {
		return dst, err
	}
	if r.Format != l.format {
		return dst, fmt.Errorf("lowbit: %v blocks hold %s rows, not %s", typ, l.format, r.Format)
	}
	if err := r.Check(); err != nil {
		return dst, err
	}
	size, err := ggmlBytes(typ, l, r.Len(), r.Cols)
	if err != nil {
		return dst, err
	}
	if size > math.MaxInt-len(dst) {
		return dst, fmt.Errorf("lowbit: %d bytes of %v blocks do not fit after %d bytes", size, typ, len(dst))
	}
	n := len(dst)
	dst = slices.Grow(dst, size)[:n+size]
	l.exportBlocks(dst[n:], r)
	return dst, nil
}
