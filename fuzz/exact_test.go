package fuzz

import (
	"encoding/binary"
	"fmt"
	"math"
)

// exactSum accumulates the terms of one float32 kernel result in float64:
// their exact sum, Σ|t|, a bound on every partial result any evaluation
// order can form (to tell when float32 may overflow), and whether a NaN or
// an infinity is among the factors.
type exactSum struct {
	exact, sumAbs, partial float64
	terms                  int
	nan, inf               bool
}

// add adds the term that is the product of factors.
func (s *exactSum) add(factors ...float64) {
	s.terms++
	p, big, largest := 1.0, 1.0, 0.0
	for _, f := range factors {
		switch {
		case math.IsNaN(f):
			s.nan = true
		case math.IsInf(f, 0):
			s.inf = true
		}
		a := math.Abs(f)
		p *= f
		if a > 1 {
			big *= a
		}
		largest = max(largest, a)
	}
	s.exact += p
	s.sumAbs += math.Abs(p)
	// The largest product of any subset of the factors: of all factors
	// above 1, or the largest factor if none is.
	s.partial += max(big, largest)
}

// mayReach widens the bound on partial results by the largest product of
// any subset of factors: for intermediates that a kernel may form in
// another decomposition than the terms', such as codes made signed by
// subtracting 2^(b-1), whose products with x can be larger than q·x.
func (s *exactSum) mayReach(factors ...float64) {
	big, largest := 1.0, 0.0
	for _, f := range factors {
		a := math.Abs(f)
		if a > 1 {
			big *= a
		}
		largest = max(largest, a)
	}
	s.partial += max(big, largest)
}

// check reports whether got is an acceptable float32 value of the sum:
//   - NaN among the factors: got is NaN;
//   - ±Inf among them: got is not finite (NaN or ±Inf: which one depends on
//     whether an Inf met a zero factor or an Inf of the other sign);
//   - otherwise got is within Tolerance(sumAbs, terms, roundings, amp) of the
//     exact sum, or not finite where a partial result may overflow: where
//     the sum of the largest partial products of the terms (and of what
//     mayReach adds) is within rounding of the largest float32.
func (s *exactSum) check(got float32, roundings int, amp float64) error {
	g := float64(got)
	finite := !math.IsNaN(g) && !math.IsInf(g, 0)
	switch {
	case s.nan:
		if !math.IsNaN(g) {
			return fmt.Errorf("got %v, want NaN (a NaN among the inputs)", got)
		}
		return nil
	case s.inf:
		if finite {
			return fmt.Errorf("got %v, want NaN or ±Inf (an infinity among the inputs)", got)
		}
		return nil
	}
	tol := Tolerance(s.sumAbs, s.terms, roundings, amp)
	if !finite {
		if s.partial*(1+tol/max(s.sumAbs, 1e-300)) >= math.MaxFloat32 || math.Abs(s.exact)+tol >= math.MaxFloat32 {
			return nil // a partial sum may overflow in some order
		}
		return fmt.Errorf("got %v, want %.9g ± %.3g (no partial result can overflow)", got, s.exact, tol)
	}
	if d := math.Abs(g - s.exact); !(d <= tol) {
		return fmt.Errorf("got %.9g, want %.9g ± %.3g: off by %.3g = %.1f × tolerance (Σ|terms| %.3g over %d terms)",
			got, s.exact, tol, d, d/tol, s.sumAbs, s.terms)
	}
	return nil
}

// f32Bytes returns x as little-endian float32 bytes.
func f32Bytes(x []float32) []byte {
	b := make([]byte, 4*len(x))
	for i, v := range x {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
	}
	return b
}

// sameFloat reports whether a and b have the same bits, any NaN matching
// any NaN (payloads depend on operand order and on the conversion
// instruction, and no kernel promises them).
func sameFloat(a, b float32) bool {
	if a != a && b != b {
		return true
	}
	return math.Float32bits(a) == math.Float32bits(b)
}
