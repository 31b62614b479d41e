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
