package fuzz

import "testing"

// FuzzDequantize dequantizes rows of every format, quantized or raw (any
// codes, any fp16 scale and min: negative, subnormal, NaN, ±Inf), with
// every implementation: the floats must have generic's bits (any NaN
// matching any NaN; zeros keep their sign), and generic's the documented
// formula's.
func FuzzDequantize(f *testing.F) { f.Fuzz(fuzzDequantize) }

func fuzzDequantize(t *testing.T, data []byte) {
	c := decodeRowCase(t, data, 0)
	if c.misuse >= 0 {
		misuseDequantize(t, c)
		return
	}
	var generic []float32
	for k, im := range implementations() {
		dst := guarded(t, canaries(c.n*c.cols), c.atStart)
		fail(t, c, "", samePanic(im, nil, catch(func() { im.Dequantize(dst, c.rows) })))
		if k == 0 {
			generic = append([]float32(nil), dst...)
			if err := sameBits(dst, refDequantize(c.rows)); err != nil {
				t.Fatalf("generic Dequantize, %s: against the documented formula: dst%v", c, err)
			}
		}
		if err := sameBits(dst, generic); err != nil {
			t.Fatalf("%s Dequantize, %s: dst%v (against generic)", im, c, err)
		}
		fail(t, c, "", c.checkRowsUnchanged(im))
	}
}

// misuseDequantize makes the invalid Dequantize call that c.misuse names
// with every implementation: each must panic as generic does and leave dst
// alone.
func misuseDequantize(t *testing.T, c *rowCase) {
	r := c.misusedRows()
	n := c.n * c.cols
	switch c.misuse {
	case misuseOpLonger, misuseOutLonger:
		n++
	case misuseOpShorter, misuseOutShorter, misuseOther:
		n--
	}
	dst0 := canaries(max(n, 0))
	var generic any
	for k, im := range implementations() {
		dst := append([]float32(nil), dst0...)
		p := catch(func() { im.Dequantize(dst, r) })
		if k == 0 {
			generic = p
		}
		fail(t, c, "", samePanic(im, generic, p))
		if p != nil {
			fail(t, c, "dst after a panic", unchanged(im, "dst", dst0, dst))
		}
	}
}
