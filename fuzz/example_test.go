package fuzz_test

import (
	"fmt"
	"math"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/fuzz"
)

// A Source turns fuzz bytes into a case; the first three pick the format
// and the row length.
func ExampleSource() {
	s := fuzz.NewSource([]byte{2, 7, 1}) // 4 bits, groups of 8*(1+7), 1+1 groups
	f, cols := s.Format()
	fmt.Println(f, cols)
	// Output: q4g64 128
}

// Tolerance bounds the error of a float32 sum: here a Dot of one float32
// row of 64 values, whose terms are the 64 products v·x.
func ExampleTolerance() {
	v, x := make([]float32, 64), make([]float32, 64)
	for i := range v {
		v[i], x[i] = 1/float32(i+1), float32(i%7)-3
	}
	r, err := lowbit.NewRows(lowbit.F32, 1, 64)
	if err != nil {
		panic(err)
	}
	if err := lowbit.Quantize(r, v); err != nil {
		panic(err)
	}
	var exact, sumAbs float64
	for i := range v {
		exact += float64(v[i]) * float64(x[i])
		sumAbs += math.Abs(float64(v[i]) * float64(x[i]))
	}
	tol := fuzz.Tolerance(sumAbs, len(v), 1, 1) // 64 terms, one product each
	fmt.Printf("tolerance: %.0f units of roundoff times Σ|terms|\n", tol/0x1p-24/sumAbs)
	ok := true
	for _, im := range lowbit.Implementations() {
		out := make([]float32, 1)
		im.Dot(out, r, x)
		ok = ok && math.Abs(float64(out[0])-exact) <= tol
	}
	fmt.Println("every implementation within it:", ok)
	// Output:
	// tolerance: 64 units of roundoff times Σ|terms|
	// every implementation within it: true
}
