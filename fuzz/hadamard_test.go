package fuzz

import (
	"fmt"
	"math"
	mbits "math/bits"
	"testing"
)

// FuzzHadamard compares Hadamard of every implementation with generic, bit
// for bit (two NaNs match whatever their payloads), and generic with the
// product by the Sylvester matrix in float64, within Tolerance; blocks of
// 1 to 1024 values, one to four blocks, values of every magnitude. A
// result that overflowed (or an input that is not finite) must leave a
// non-finite value. A length that is not a whole number of blocks must
// panic with generic's message and leave x alone.
//
// Input: a byte whose low four bits give log2 of the block (mod 11) and
// whose bit 7 cuts the last value off (a misuse when the block is longer
// than 1); a byte of blocks (1 + b%4); a Style byte; a guard byte (x
// begins at a guard page if odd); then the values.
func FuzzHadamard(f *testing.F) { f.Fuzz(fuzzHadamard) }

func fuzzHadamard(t *testing.T, data []byte) {
	x, n, atStart, name := hadamardInput(data)
	var want []float32
	var wantPanic any
	for _, im := range implementations() {
		y := guarded(t, x, atStart)
		p := catch(func() { im.Hadamard(y, n) })
		if want == nil {
			want, wantPanic = append([]float32{}, y...), p
		}
		fail(t, text(name), "", samePanic(im, wantPanic, p))
		if p != nil {
			fail(t, text(name), "", unchanged(im, "x", x, y))
			continue
		}
		if err := sameBits(y, want); err != nil {
			t.Fatalf("%s %s: %v (generic's bits)", im, name, err)
		}
	}
	if wantPanic == nil {
		checkSylvester(t, x, want, n, name)
	}
}

// hadamardInput decodes a FuzzHadamard input: the values, the block, where
// the guard page goes, and a description.
func hadamardInput(data []byte) (x []float32, n int, atStart bool, name string) {
	s := NewSource(data)
	b := s.Byte()
	n = 1 << (int(b&15) % 11)
	length := n * (1 + int(s.Byte())%4)
	if b&0x80 != 0 {
		length-- // not a whole number of blocks unless n = 1
	}
	st := s.Style(math.MaxFloat32)
	atStart = s.Byte()&1 != 0
	x = make([]float32, length)
	s.Values(x, st, n)
	return x, n, atStart, fmt.Sprintf("Hadamard of %d values in blocks of %d, style %v", length, n, st)
}

// checkSylvester compares got, Hadamard of x in blocks of n, with
// Σ_j (-1)^popcount(i&j) x_j / √n in float64. Each term reaches a result
// through log2(n) additions and the product by float32(1/√n) (itself a
// rounding): Tolerance with n terms and 2 roundings bounds the error of
// every finite result (every value of the block flows into every result,
// so a finite result saw no overflow on its way). A result that is not
// finite needs a reason: NaN or ±Inf in the block, or values large enough
// (Σ|x| near the float32 range) that a sum could overflow.
func checkSylvester(t *testing.T, x, got []float32, n int, name string) {
	s := 1 / math.Sqrt(float64(n))
	for b := 0; b < len(x); b += n {
		blk, out := x[b:b+n], got[b:b+n]
		var sumAbs float64
		finiteIn := true
		for _, v := range blk {
			sumAbs += math.Abs(float64(v))
			finiteIn = finiteIn && !math.IsInf(float64(v), 0) && v == v
		}
		for i := range n {
			if o := float64(out[i]); math.IsInf(o, 0) || o != o {
				if finiteIn && sumAbs*(1+0x1p-10) < math.MaxFloat32 {
					t.Fatalf("%s: block %d [%d] = %v from finite values with Σ|x| = %g", name, b/n, i, out[i], sumAbs)
				}
				continue
			}
			var sum float64
			for j, v := range blk {
				if mbits.OnesCount(uint(i&j))%2 == 1 {
					sum -= float64(v)
				} else {
					sum += float64(v)
				}
			}
			exact := sum * s
			tol := Tolerance(sumAbs*s, n, 2, 1)
			if d := math.Abs(float64(out[i]) - exact); !(d <= tol) {
				t.Fatalf("%s: block %d [%d] = %.9g, want %.9g ± %.3g: off by %.1f × tolerance", name, b/n, i, out[i], exact, tol, d/tol)
			}
		}
	}
}
