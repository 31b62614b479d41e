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
	// The first key's 5 comes back as 5.20: 4-bit codes over [1, 8] step by
	// 7/15.
	fmt.Printf("weights %.3f\n", scores)
	// Output:
	// scores [5.20 1.00 0.00]
	// weights [0.980 0.015 0.005]
}

// Dot scores query rows against every row: here two query heads (grouped
// query attention) against three keys stored as 4-bit codes, in one pass
// over the keys. Values that the codes store exactly give exact scores on
// every implementation.
func ExampleDot() {
	keys, err := lowbit.NewRows(lowbit.Quant(4, 8), 3, 8)
	if err != nil {
		panic(err)
	}
	// Each key is one group spanning 0 to 15: scale 1 and min 0, so the
	// integers are stored exactly.
	if err := lowbit.Quantize(keys, []float32{
		0, 1, 2, 3, 4, 5, 6, 15,
		15, 15, 15, 15, 0, 0, 0, 0,
		8, 0, 8, 0, 8, 0, 8, 15,
	}); err != nil {
		panic(err)
	}
	queries := []float32{
		0, 0, 0, 1, 0, 0, 0, 1, // query head 0
		0, 0, 0, 0, 1, 1, 1, 1, // query head 1
	}
	scores := make([]float32, 2*3) // one row of scores per query head
	lowbit.Dot(scores, keys, queries)
	fmt.Println(scores[:3])
	fmt.Println(scores[3:])
	// Output:
	// [18 15 15]
	// [30 0 31]
}

// Quantize stores each group of 8 values as 4-bit codes with an fp16
// scale (the range over 15) and min; Dequantize reads them back. The bytes
// and the values read back are the same on every implementation.
func ExampleQuantize() {
	x := []float32{-1, -0.3, 0, 0.2, 0.5, 1, 1.7, 2}
	r, err := lowbit.NewRows(lowbit.Quant(4, 8), 1, 8)
	if err != nil {
		panic(err)
	}
	if err := lowbit.Quantize(r, x); err != nil {
		panic(err)
	}
	fmt.Printf("scale %.6f, min %g\n", lowbit.F16ToFloat32(r.Scales[0]), lowbit.F16ToFloat32(r.Mins[0]))
	back := make([]float32, 8)
	lowbit.Dequantize(back, r)
	fmt.Printf("%.3f\n", back)

	// Steps of 0.2 from -1: 0 comes back as -0.0002, 1.7 as 1.799 (the fp16
	// scale is a little under 0.2). A value fp16 cannot hold is an error,
	// and the rows are unchanged.
	fmt.Println(lowbit.Quantize(r, []float32{0, 1, 2, 3, 4, 5, 6, 1e6}))
	// Output:
	// scale 0.199951, min -1
	// [-1.000 -0.200 -0.000 0.200 0.600 1.000 1.799 1.999]
	// lowbit: Quantize to q4g8: x[7] = 1e+06 cannot be stored
}

// ParseFormat reads the names Format.String writes: f32, f16, q<bits>g<group>
// (asymmetric codes) and q<bits>sg<group> (symmetric).
func ExampleParseFormat() {
	for _, name := range []string{"q4g64", "q3sg32", "f16", "q9g8", "q4g12"} {
		f, err := lowbit.ParseFormat(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %d bits, group %d, symmetric %t, %.2f bits per value\n", f, f.Bits, f.Group, f.Symmetric, f.BitsPerValue())
	}
	// Output:
	// q4g64: 4 bits, group 64, symmetric false, 4.50 bits per value
	// q3sg32: 3 bits, group 32, symmetric true, 3.50 bits per value
	// f16: 16 bits, group 0, symmetric false, 16.00 bits per value
	// lowbit: invalid format: "q9g8" has 9-bit codes (want 2…8)
	// lowbit: invalid format: group 12 of 4-bit codes is not a positive multiple of 8
}

// Attention computes exact causal attention over a prompt for the query
// heads that share one KV head, with the attention each key received
// (H2O's importance) and the largest |q| and |k| per channel.
func ExampleAttention() {
	// A prompt of three tokens, one query head, head dimension 2.
	q := []float32{1, 0, 0, 1, 1, 1}
	k := []float32{1, 0, 0, 1, 2, 0}
	v := []float32{1, 0, 0, 1, 1, 1}
	kv, err := lowbit.NewAttentionKV(lowbit.AttentionParams{Len: 3, Dim: 2, Group: 1, Scale: 1})
	if err != nil {
		panic(err)
	}
	maxK := make([]float32, 2)
	kv.Set(k, v, maxK)
	out, importance, maxQ := make([]float32, 6), make([]float32, 3), make([]float32, 2)
	// One goroutine, every token; the token range can be split into
	// blocks of BlockTokens among goroutines, each with its own scratch.
	lowbit.Attention(kv, kv.NewScratch(), out, q, 0, 3, importance, maxQ)
	fmt.Printf("out %.3f\n", out)
	fmt.Printf("importance %.3f\n", importance)
	// Token 2 scores 1, 1 and 2: weights 0.212, 0.212 and 0.576.
	fmt.Println("max|q|", maxQ, "max|k|", maxK)
	// Output:
	// out [1.000 0.000 0.269 0.731 0.788 0.788]
	// importance [1.481 0.943 0.576]
	// max|q| [1 1] max|k| [2 1]
}
