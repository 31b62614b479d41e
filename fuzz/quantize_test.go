package fuzz

import (
	"fmt"
	"math"
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzQuantize quantizes rows of floats with every implementation: codes,
// scales and mins must be the same bytes as generic's, and generic's the
// bytes of the documented float32 steps. Values a format cannot store
// (NaN, ±Inf, beyond the fp16 range) must be the same error everywhere and
// leave the destination as it was.
//
// The input is a rowCase (its rows are the destination's old contents);
// the values are drawn in the rows' style. When the operand style has its
// non-finite bit, one value at a drawn position is replaced by one the
// format cannot store.
func FuzzQuantize(f *testing.F) { f.Fuzz(fuzzQuantize) }

// unstorable are values beyond the fp16 range (and non-finite ones).
var unstorable = []float32{65504.004, -65504.004, 65520, 1e6, -3e38, float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))}

func fuzzQuantize(t *testing.T, data []byte) {
	c := decodeRowCase(t, data, math.MaxFloat32)
	x := guarded(t, quantizeInput(c), c.atStart)
	if c.misuse >= 0 {
		misuseQuantize(t, c, x)
		return
	}
	wantErr := storableError(c.f, x)
	var generic lowbit.Rows
	var genericErr error
	for k, im := range implementations() {
		dst := c.guardedCopy(t)
		var err error
		fail(t, c, "", samePanic(im, nil, catch(func() { err = im.Quantize(dst, x) })))
		if k == 0 {
			generic, genericErr = dst, err
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Fatalf("generic Quantize, %s: returned %v, want %v", c, err, wantErr)
			}
			if err == nil {
				if ref := refQuantize(c.f, c.n, c.cols, x); !sameRows(dst, ref) {
					t.Fatalf("generic Quantize, %s: %s", c, rowsDiff(dst, ref))
				}
			}
		}
		fail(t, c, "", sameError(im, genericErr, err))
		if err != nil {
			if !sameRows(dst, c.rowsBefore) {
				t.Fatalf("%s Quantize, %s: a failed call changed the destination: %s", im, c, rowsDiff(dst, c.rowsBefore))
			}
		} else if !sameRows(dst, generic) {
			t.Fatalf("%s Quantize, %s: %s (got, generic)", im, c, rowsDiff(dst, generic))
		}
	}
}

// quantizeInput draws the values of a Quantize case.
func quantizeInput(c *rowCase) []float32 {
	x := c.values(c.n*c.cols, c.rowStyle, c.f.Group)
	if c.opStyle.NonFinite && len(x) > 0 {
		k, v := int(c.s.Uint16())%len(x), unstorable[int(c.s.Byte())%len(unstorable)]
		if c.f.Bits == 32 && !math.IsNaN(float64(v)) && !math.IsInf(float64(v), 0) {
			v = float32(math.Inf(int(c.s.Byte()&1)*2 - 1))
		}
		x[k] = v
	}
	return x
}

// storableError returns the error Quantize documents for x in format f:
// one naming the first NaN, ±Inf or (except for float32) magnitude above
// MaxF16, or nil.
func storableError(f lowbit.Format, x []float32) error {
	limit := float32(math.MaxFloat32)
	if f.Bits != 32 {
		limit = lowbit.MaxF16
	}
	for i, v := range x {
		if math.IsNaN(float64(v)) || v > limit || v < -limit {
			return fmt.Errorf("lowbit: Quantize to %s: x[%d] = %v cannot be stored", f, i, v)
		}
	}
	return nil
}

// guardedCopy returns a copy of c's rows (their state before any kernel)
// in guarded memory.
func (c *rowCase) guardedCopy(t *testing.T) lowbit.Rows {
	r := c.rowsBefore
	r.Data = guarded(t, r.Data, c.atStart)
	r.Scales = guarded(t, r.Scales, c.atStart)
	r.Mins = guarded(t, r.Mins, c.atStart)
	return r
}

// rowsDiff says where the bytes of a and b first differ.
func rowsDiff(a, b lowbit.Rows) string {
	for i := range a.Data {
		if a.Data[i] != b.Data[i] {
			return fmt.Sprintf("Data[%d] = %#02x, want %#02x", i, a.Data[i], b.Data[i])
		}
	}
	for i := range a.Scales {
		if a.Scales[i] != b.Scales[i] {
			return fmt.Sprintf("Scales[%d] = %#04x, want %#04x", i, a.Scales[i], b.Scales[i])
		}
	}
	for i := range a.Mins {
		if a.Mins[i] != b.Mins[i] {
			return fmt.Sprintf("Mins[%d] = %#04x, want %#04x", i, a.Mins[i], b.Mins[i])
		}
	}
	return "same bytes"
}

// misuseQuantize makes the invalid Quantize call that c.misuse names with
// every implementation: each must panic as generic does and leave the
// destination alone.
func misuseQuantize(t *testing.T, c *rowCase, x []float32) {
	r := c.misusedRows()
	switch c.misuse {
	case misuseOutLonger, misuseOpLonger:
		x = resized(x, len(x)+1)
	case misuseOutShorter, misuseOpShorter:
		x = resized(x, max(len(x), 1)-1)
		if len(x) == 0 && c.n == 0 {
			x = make([]float32, 1)
		}
	case misuseOther:
		x = nil
	}
	var generic any
	for k, im := range implementations() {
		dst := cloneRows(r)
		p := catch(func() { _ = im.Quantize(dst, x) })
		if k == 0 {
			generic = p
		}
		fail(t, c, "", samePanic(im, generic, p))
		if p != nil && !sameRows(dst, r) {
			t.Fatalf("%s Quantize, %s: a call that panicked changed the destination: %s", im, c, rowsDiff(dst, r))
		}
	}
}
