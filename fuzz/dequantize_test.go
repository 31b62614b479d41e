package fuzz

import (
	"testing"

	"github.com/lowbit-ml/lowbit"
)

// FuzzDequantize dequantizes rows of every format, quantized or raw (any
// codes, any fp16 scale and min: negative, subnormal, NaN, ±Inf), with
// every implementation: the floats must have generic's bits (any NaN
// matching any NaN; see signlessZeros for the one sign left open), and
// generic's the documented formula's.
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
		if err := sameBits(signlessZeros(c.rows, dst), signlessZeros(c.rows, generic)); err != nil {
			t.Fatalf("%s Dequantize, %s: dst%v (against generic)", im, c, err)
		}
		fail(t, c, "", c.checkRowsUnchanged(im))
	}
}

// signlessZeros returns a copy of the dequantized rows r with the zeros
// that come from a negative or zero scale of a symmetric format made +0:
// scale*(q - 2^(b-1)) is -0 there, and an implementation that forms
// scale*q - scale*2^(b-1) gets +0. Quantize never writes such scales, so
// the sign of these zeros is left open (reported to the owners of the
// implementations that differ); every other bit must match.
func signlessZeros(r lowbit.Rows, dst []float32) []float32 {
	out := append([]float32(nil), dst...)
	if !r.Format.Quantized() || !r.Format.Symmetric {
		return out
	}
	for k, v := range out {
		if s := r.Scales[k/r.Format.Group]; v == 0 && (s&0x8000 != 0 || s == 0) {
			out[k] = 0
		}
	}
	return out
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
