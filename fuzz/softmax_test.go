package fuzz

import (
	"fmt"
	"math"
	"testing"
)

// FuzzSoftmax compares Softmax of every implementation with the exact
// softmax of the same max-subtracted arguments, for lengths 0 to 511 (every
// vector width and unrolled tail) and values of every magnitude. NaN or
// +Inf in x, or x all -Inf, must turn every entry into NaN.
//
// Input: two bytes of length (n = b0 + 256*(b1&1)), a Style byte, a scale
// byte (values times 2^(b%8), so that arguments reach exp's underflow),
// then the values.
func FuzzSoftmax(f *testing.F) { f.Fuzz(fuzzSoftmax) }

func fuzzSoftmax(t *testing.T, data []byte) {
	x, atStart, name := softmaxInput(data)
	n := len(x)
	want, allNaN := softmaxExact(x)
	var generic []float32
	for _, im := range implementations() {
		y := guarded(t, x, atStart)
		fail(t, text(name), "", samePanic(im, nil, catch(func() { im.Softmax(y) })))
		if generic == nil {
			generic = append([]float32(nil), y...)
		}
		for i, v := range y {
			if allNaN {
				if v == v {
					t.Fatalf("%s %s: [%d] = %v, want NaN (x holds NaN or +Inf, or only -Inf)", im, name, i, v)
				}
				continue
			}
			tol := Tolerance(want[i], n, softmaxRoundings, softmaxAmp)
			if d := math.Abs(float64(v) - want[i]); !(d <= tol) {
				t.Fatalf("%s %s: [%d] = %.9g, want %.9g ± %.3g: off by %.1f × tolerance (x[%d] = %v; generic gives %v)",
					im, name, i, v, want[i], tol, d/tol, i, x[i], generic[i])
			}
		}
	}
}

// softmaxInput decodes a FuzzSoftmax input: the values, where the guard
// page goes, and a description.
func softmaxInput(data []byte) (x []float32, atStart bool, name string) {
	s := NewSource(data)
	n := int(s.Byte()) + 256*int(s.Byte()&1)
	st := s.Style(math.MaxFloat32)
	scale := float32(int(1) << (s.Byte() % 8))
	atStart = s.Byte()&1 != 0
	x = make([]float32, n)
	s.Values(x, st, softmaxRun)
	for i, v := range x {
		if !math.IsInf(float64(v), 0) {
			x[i] = clamp(v*scale, math.MaxFloat32) // scaled, but as finite as drawn
		}
	}
	return x, atStart, fmt.Sprintf("Softmax of %d values in style %v times %v", n, st, scale)
}

// softmaxRun is the length of the constant runs of a Constant style.
const softmaxRun = 16

// softmaxExact returns exp(d_i) / Σ exp(d_j) in float64 for d_i = x_i - max
// x rounded to float32 (the one subtraction every implementation makes the
// same way), or allNaN when Softmax must return NaN everywhere.
func softmaxExact(x []float32) (p []float64, allNaN bool) {
	m := float32(math.Inf(-1))
	for _, v := range x {
		if v != v || math.IsInf(float64(v), 1) {
			return nil, true
		}
		m = max(m, v)
	}
	if len(x) > 0 && math.IsInf(float64(m), -1) {
		return nil, true
	}
	p = make([]float64, len(x))
	var sum float64
	for i, v := range x {
		p[i] = math.Exp(float64(v - m))
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p, false
}
