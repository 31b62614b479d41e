package lowbit_test

import (
	"bytes"
	"fmt"

	"github.com/lowbit-ml/lowbit"
)

func ExampleFromGGML() {
	// One row of 32 weights as a GGUF file stores a q4_0 tensor: a block of
	// an fp16 d (here -0.25, bytes 00 b4) and 16 bytes of 4-bit codes q,
	// each value d·(q-8). Byte j holds value j's code in its low nibble,
	// value j+16's in its high one.
	block := []byte{0x00, 0xb4,
		0x80, 0x91, 0xa2, 0xb3, 0xc4, 0xd5, 0xe6, 0xf7, 0x08, 0x19, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f}
	rows, err := lowbit.FromGGML(lowbit.GGMLQ4_0, block, 1, 32)
	if err != nil {
		panic(err)
	}
	fmt.Println("format", rows.Format) // the same codes and scale: nothing requantized

	values := make([]float32, 32)
	lowbit.Dequantize(values, rows)
	fmt.Println(values[:8], values[16:24])

	// The kernels take the imported rows as they are.
	x := make([]float32, 32)
	x[0], x[16] = 1, 1
	score := make([]float32, 1)
	lowbit.Dot(score, rows, x)
	fmt.Println("score", score[0])

	// And back to the same bytes.
	again, err := lowbit.AppendGGML(nil, lowbit.GGMLQ4_0, rows)
	if err != nil {
		panic(err)
	}
	fmt.Println("same bytes:", bytes.Equal(again, block))
	// Output:
	// format q4sg32
	// [2 1.75 1.5 1.25 1 0.75 0.5 0.25] [-0 -0.25 -0.5 -0.75 -1 -1.25 -1.5 -1.75]
	// score 2
	// same bytes: true
}
