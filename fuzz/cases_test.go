package fuzz

import (
	"encoding/binary"
	"fmt"
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// rowCase is a decoded case for the kernels over rows (Dot, DotQ8,
// AddWeighted, Dequantize): a format, a shape, rows in guarded memory, and
// the Source left to draw the kernel's own operands from.
//
// Its input starts with Source.Format's three bytes, then
//
//	byte 3: rows, b%10 (0 rows included)
//	byte 4: query (weight) rows, 1 + b%9 (the generic Dot handles 8 at a time)
//	byte 5: mode: bit 0 rows from raw bytes (any codes, and scales and mins
//	        drawn in the rows' style, NaN, negative and subnormal included)
//	        instead of quantized from floats; bit 1 guard pages before the
//	        operands instead of after them; bits 2 and 3 (quantized rows)
//	        negate every scale, every min: Quantize makes scales of either
//	        sign of zero only, but rows imported from ggml (FromGGML) carry
//	        negative ones; high nibble 15: a misuse case, whose kind is the
//	        next byte (see misuseKinds)
//	byte 6: the rows' Style (values for Quantize, scales and mins when raw)
//	byte 7: the operands' Style (x, w, y)
type rowCase struct {
	s          *Source
	f          lowbit.Format
	cols, n    int
	nq         int
	raw        bool
	atStart    bool
	negScales  bool // quantized rows: every scale's sign flipped
	negMins    bool // quantized rows: every min's sign flipped
	misuse     int  // -1, or a misuse kind
	rowStyle   Style
	opStyle    Style
	rowValues  []float32   // the floats the rows were made from (nil for raw codes)
	rows       lowbit.Rows // guarded
	rowsBefore lowbit.Rows // a copy, to tell that no kernel wrote to them
}

// limitFor returns the largest magnitude format f stores.
func limitFor(f lowbit.Format) float32 {
	if f.Bits == 32 {
		return math.MaxFloat32
	}
	return lowbit.MaxF16
}

// decodeRowCase reads a rowCase from data. Operands may take any float32
// (Dot's x is not stored through fp16), up to opLimit.
func decodeRowCase(t *testing.T, data []byte, opLimit float32) *rowCase {
	s := NewSource(data)
	c := &rowCase{s: s, misuse: -1}
	c.f, c.cols = s.Format()
	c.n = int(s.Byte() % 41) // up to 40 rows: the row kernels' blocks of 8 and 16 rows, two of them, and a partial one
	c.nq = 1 + int(s.Byte()%9)
	mode := s.Byte()
	c.raw, c.atStart = mode&1 != 0, mode&2 != 0
	c.negScales, c.negMins = mode&4 != 0, mode&8 != 0
	c.rowStyle = s.Style(limitFor(c.f))
	c.opStyle = s.Style(opLimit)
	if mode>>4 == 15 {
		c.misuse = int(s.Byte()) % len(misuseKinds)
	}
	c.rows = c.makeRows(t)
	c.rowsBefore = cloneRows(c.rows)
	return c
}

// makeRows builds c.n rows of c.f in guarded memory: raw codes with drawn
// scales and mins, or floats quantized by the generic Quantize.
func (c *rowCase) makeRows(t *testing.T) lowbit.Rows {
	r, err := lowbit.NewRows(c.f, c.n, c.cols)
	if err != nil {
		t.Fatalf("NewRows(%s, %d, %d): %v", c.f, c.n, c.cols, err)
	}
	switch {
	case c.raw && c.f.Quantized():
		for i := range r.Data {
			r.Data[i] = c.s.Byte()
		}
		st := c.rowStyle
		st.Limit = lowbit.MaxF16
		v := make([]float32, len(r.Scales)+len(r.Mins))
		c.s.Values(v, st, 0)
		for i := range r.Scales {
			r.Scales[i] = lowbit.F16FromFloat32(v[i])
		}
		for i := range r.Mins {
			r.Mins[i] = lowbit.F16FromFloat32(v[len(r.Scales)+i])
		}
	case c.f.Quantized():
		st := c.rowStyle
		st.NonFinite = false // Quantize refuses NaN and ±Inf
		c.rowValues = c.values(c.n*c.cols, st, c.f.Group)
		if err := lowbit.Generic().Quantize(r, c.rowValues); err != nil {
			t.Fatalf("generic Quantize of the case's rows: %v", err)
		}
		c.negate(r)
	default:
		// fp16 and float32 rows hold the values as drawn, NaN and ±Inf
		// too (Quantize would refuse those).
		c.rowValues = c.values(c.n*c.cols, c.rowStyle, 0)
		for k, v := range c.rowValues {
			if c.f.Bits == 16 {
				binary.LittleEndian.PutUint16(r.Data[2*k:], lowbit.F16FromFloat32(v))
			} else {
				binary.LittleEndian.PutUint32(r.Data[4*k:], math.Float32bits(v))
			}
		}
	}
	return lowbit.Rows{Format: r.Format, Cols: r.Cols,
		Data:   guarded(t, r.Data, c.atStart),
		Scales: guarded(t, r.Scales, c.atStart),
		Mins:   guarded(t, r.Mins, c.atStart)}
}

// negate flips the sign bit of every fp16 scale (and min) of r where the
// case says so, and then forgets the floats the rows were made from: the
// rows no longer hold them.
func (c *rowCase) negate(r lowbit.Rows) {
	if c.negScales {
		for i := range r.Scales {
			r.Scales[i] ^= 0x8000
		}
	}
	if c.negMins {
		for i := range r.Mins {
			r.Mins[i] ^= 0x8000
		}
	}
	if c.negScales || c.negMins {
		c.rowValues = nil
	}
}

// values draws n values in style st, in runs of run for constant groups.
func (c *rowCase) values(n int, st Style, run int) []float32 {
	x := make([]float32, n)
	c.s.Values(x, st, run)
	return x
}

// operand draws n operand values (x, w, y) into guarded memory.
func (c *rowCase) operand(t *testing.T, n int) []float32 {
	return guarded(t, c.values(n, c.opStyle, c.f.Group), c.atStart)
}

// checkRowsUnchanged reports whether an implementation wrote to the rows.
func (c *rowCase) checkRowsUnchanged(im *lowbit.Implementation) error {
	if !sameRows(c.rows, c.rowsBefore) {
		return fmt.Errorf("%s wrote to its input rows", im)
	}
	return nil
}

// String describes the case for failure messages.
func (c *rowCase) String() string {
	how := "quantized"
	switch {
	case c.raw && c.f.Quantized():
		how = "raw codes"
	case c.f.Quantized() && c.negScales && c.negMins:
		how = "quantized with negated scales and mins"
	case c.f.Quantized() && c.negScales:
		how = "quantized with negated scales"
	case c.f.Quantized() && c.negMins:
		how = "quantized with negated mins"
	}
	s := fmt.Sprintf("%s, %d rows of %d, %d queries, %s rows in style %v, operands in style %v", c.f, c.n, c.cols, c.nq, how, c.rowStyle, c.opStyle)
	if c.misuse >= 0 {
		s += ", misuse: " + misuseKinds[c.misuse]
	}
	return s
}

// canary is what outputs hold before a kernel that must set them runs.
const canary = -12345.678

// canaries returns n canary values.
func canaries(n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = canary
	}
	return v
}
