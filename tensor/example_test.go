package tensor_test

import (
	"fmt"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/tensor"
)

func Example() {
	// A 2×8 weight matrix in 8-bit codes, one scale and min per 8 values.
	w, err := tensor.FromFloat32(lowbit.Quant(8, 8), 8, []float32{
		1, 0, 0, 0, 0, 0, 0, -1,
		0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5,
	})
	if err != nil {
		panic(err)
	}
	out := make([]float32, 2)
	if err := w.MatVec(out, []float32{1, 1, 1, 1, 1, 1, 1, 1}); err != nil {
		panic(err)
	}
	fmt.Printf("%.2f, %d bytes\n", out, w.Bytes().Total())

	if err := w.AppendRows([]float32{1, 2, 3}); err != nil {
		fmt.Println(err)
	}
	// The first row's six zeros come back as 0.004 each: 8-bit steps of
	// 2/255 over [-1, 1] miss 0 by half a step.
	// Output:
	// [0.02 4.00], 24 bytes
	// tensor: shape mismatch: 3 values are not a whole number of rows of 8
}

// MatVec multiplies the matrix by one vector, or by several at once
// (during a prompt, every token's vector in one call over the weights).
func ExampleMatrix_MatVec() {
	// A 3×8 matrix in 8-bit codes, one scale and min per row of 8: rows
	// spanning 0 to 255 store their integers exactly.
	w, err := tensor.FromFloat32(lowbit.Quant(8, 8), 8, []float32{
		0, 1, 2, 3, 4, 5, 6, 255,
		255, 0, 0, 0, 0, 0, 0, 0,
		0, 20, 30, 40, 50, 60, 70, 255,
	})
	if err != nil {
		panic(err)
	}
	x := []float32{
		1, 1, 1, 1, 1, 1, 1, 0, // first vector: the sum of the first 7 columns
		0, 0, 0, 0, 0, 0, 0, 1, // second vector: the last column
	}
	out := make([]float32, 2*3) // w·x for each vector, one after the other
	if err := w.MatVec(out, x); err != nil {
		panic(err)
	}
	fmt.Println(out[:3], out[3:])
	// Output:
	// [21 255 270] [255 0 255]
}
