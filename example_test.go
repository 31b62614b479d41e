package lowbit_test

import (
	"fmt"

	"github.com/lowbit-ml/lowbit"
)

func Example() {
	// Three keys of 8 values, stored as 4-bit codes with one scale and min
	// per group of 8.
	keys := []float32{
		1, 2, 3, 4, 5, 6, 7, 8,
		-1, -1, -1, -1, 1, 1, 1, 1,
		0, 0.5, 0, 0.5, 0, 0.5, 0, 0.5,
	}
	rows, err := lowbit.NewRows(lowbit.Quant(4, 8), 3, 8)
	if err != nil {
		panic(err)
	}
	if err := lowbit.Quantize(rows, keys); err != nil {
		panic(err)
	}

	// Scores of one query against every key, then attention weights.
	query := []float32{0, 0, 0, 0, 1, 0, 0, 0}
	scores := make([]float32, 3)
	lowbit.Dot(scores, rows, query)
	fmt.Printf("scores %.2f\n", scores)
	lowbit.Softmax(scores)
	fmt.Printf("weights %.3f\n", scores)
	// The first key's 5 comes back as 5.20: 4-bit codes over [1, 8] step by
	// 7/15.
	// Output:
	// scores [5.20 1.00 0.00]
	// weights [0.980 0.015 0.005]
}
