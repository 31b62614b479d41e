package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/lowbit-ml/lowbit"
)

// kernelCase is one kernel family as bench measures it.
type kernelCase struct {
	name   string        // as printed and as the -kernels flag names it
	kernel lowbit.Kernel // for Implementation.Accelerated
	// perFormat: measured for every format (false: Softmax, QuantizeQ8,
	// Hadamard, which work on float32 alone).
	perFormat bool
	// traffic returns the bytes one call reads and writes at least, for n
	// rows of cols values in format f (f unused when !perFormat).
	traffic func(f lowbit.Format, n, cols int) int64
	// rows returns how many rows the call covers in in (the packed
	// kernels use all of in's rows, Quantize and Dequantize fewer, since
	// their float side costs 4 bytes per value).
	rows func(in *input) int
	// op returns the call to time.
	op func(im *lowbit.Implementation, in *input) func()
}

// packedBytes returns the bytes of n rows of cols values in f: codes,
// scales and mins.
func packedBytes(f lowbit.Format, n, cols int) int64 {
	per := f.RowBytes(cols) + 2*f.Groups(cols)
	if f.HasMins() {
		per += 2 * f.Groups(cols)
	}
	return int64(n) * int64(per)
}

// gqaHeads is the number of query rows of the "Dot×4" case: the heads of a
// GQA group served by one pass over the keys.
const gqaHeads = 4

func packedRows(in *input) int { return in.n }
func floatRows(in *input) int  { return in.nf }

// kernelCases lists every kernel family, in the order of the report.
var kernelCases = []kernelCase{
	{
		name: "Dot", kernel: lowbit.KernelDot, perFormat: true, rows: packedRows,
		traffic: func(f lowbit.Format, n, cols int) int64 { return packedBytes(f, n, cols) + 4*int64(n) + 4*int64(cols) },
		op: func(im *lowbit.Implementation, in *input) func() {
			out, x := in.out[:in.n], in.query[:in.cols]
			return func() { im.Dot(out, in.rows, x) }
		},
	},
	{
		name: fmt.Sprintf("Dot×%d", gqaHeads), kernel: lowbit.KernelDot, perFormat: true, rows: packedRows,
		traffic: func(f lowbit.Format, n, cols int) int64 {
			return packedBytes(f, n, cols) + gqaHeads*(4*int64(n)+4*int64(cols))
		},
		op: func(im *lowbit.Implementation, in *input) func() {
			return func() { im.Dot(in.out, in.rows, in.query) }
		},
	},
	{
		name: "DotQ8", kernel: lowbit.KernelDotQ8, perFormat: true, rows: packedRows,
		traffic: func(f lowbit.Format, n, cols int) int64 { return packedBytes(f, n, cols) + 4*int64(n) + int64(cols) },
		op: func(im *lowbit.Implementation, in *input) func() {
			out := in.out[:in.n]
			return func() { im.DotQ8(out, in.rows, in.q8) }
		},
	},
	{
		name: fmt.Sprintf("DotQ8×%d", gqaHeads), kernel: lowbit.KernelDotQ8, perFormat: true, rows: packedRows,
		traffic: func(f lowbit.Format, n, cols int) int64 {
			return packedBytes(f, n, cols) + gqaHeads*(4*int64(n)+int64(cols))
		},
		op: func(im *lowbit.Implementation, in *input) func() {
			return func() { im.DotQ8(in.out, in.rows, in.q8x4) }
		},
	},
	{
		name: "AddWeighted", kernel: lowbit.KernelAddWeighted, perFormat: true, rows: packedRows,
		traffic: func(f lowbit.Format, n, cols int) int64 { return packedBytes(f, n, cols) + 4*int64(n) + 8*int64(cols) },
		op: func(im *lowbit.Implementation, in *input) func() {
			return func() { im.AddWeighted(in.y, in.rows, in.w) }
		},
	},
	{
		name: fmt.Sprintf("AddWeighted×%d", gqaHeads), kernel: lowbit.KernelAddWeighted, perFormat: true, rows: packedRows,
		traffic: func(f lowbit.Format, n, cols int) int64 {
			return packedBytes(f, n, cols) + gqaHeads*(4*int64(n)+8*int64(cols))
		},
		op: func(im *lowbit.Implementation, in *input) func() {
			return func() { im.AddWeighted(in.y4, in.rows, in.out) }
		},
	},
	{
		name: fmt.Sprintf("AddWeightedQ8×%d", gqaHeads), kernel: lowbit.KernelAddWeightedQ8, perFormat: true, rows: packedRows,
		traffic: func(f lowbit.Format, n, cols int) int64 {
			return packedBytes(f, n, cols) + gqaHeads*(4*int64(n)+8*int64(cols))
		},
		op: func(im *lowbit.Implementation, in *input) func() {
			return func() { im.AddWeightedQ8(in.y4, in.rows, in.out) }
		},
	},
	{
		name: "Quantize", kernel: lowbit.KernelQuantize, perFormat: true, rows: floatRows,
		traffic: func(f lowbit.Format, n, cols int) int64 { return packedBytes(f, n, cols) + 4*int64(n)*int64(cols) },
		op: func(im *lowbit.Implementation, in *input) func() {
			dst, x := in.rows.Slice(0, in.nf), in.x[:in.nf*in.cols]
			return func() {
				if err := im.Quantize(dst, x); err != nil {
					panic(err)
				}
			}
		},
	},
	{
		name: "Dequantize", kernel: lowbit.KernelDequantize, perFormat: true, rows: floatRows,
		traffic: func(f lowbit.Format, n, cols int) int64 { return packedBytes(f, n, cols) + 4*int64(n)*int64(cols) },
		op: func(im *lowbit.Implementation, in *input) func() {
			src, x := in.rows.Slice(0, in.nf), in.x[:in.nf*in.cols]
			return func() { im.Dequantize(x, src) }
		},
	},
	{
		name: "QuantizeQ8", kernel: lowbit.KernelQuantizeQ8, rows: floatRows,
		traffic: func(_ lowbit.Format, n, cols int) int64 {
			return 5*int64(n)*int64(cols) + 8*int64(n)*int64(cols/32) // float in, int8 out, scale+sum per block of 32
		},
		op: func(im *lowbit.Implementation, in *input) func() {
			q, err := lowbit.NewQ8(lowbit.Quant(8, q8BenchGroup), in.nf, in.cols)
			if err != nil {
				panic(err)
			}
			x := in.x[:in.nf*in.cols]
			return func() {
				if err := im.QuantizeQ8(q, x); err != nil {
					panic(err)
				}
			}
		},
	},
	{
		name: "Softmax", kernel: lowbit.KernelSoftmax, rows: floatRows,
		traffic: func(_ lowbit.Format, n, cols int) int64 { return 8 * int64(n) * int64(cols) }, // read and write each value once
		op: func(im *lowbit.Implementation, in *input) func() {
			x := in.x[:in.nf*in.cols]
			return func() { im.Softmax(x) }
		},
	},
	{
		// Blocks of hadamardBenchBlock values, as MiKV rotates the heads.
		name: "Hadamard", kernel: lowbit.KernelHadamard, rows: floatRows,
		traffic: func(_ lowbit.Format, n, cols int) int64 { return 8 * int64(n) * int64(cols) }, // read and write each value once
		op: func(im *lowbit.Implementation, in *input) func() {
			x := in.x[:in.nf*in.cols/hadamardBenchBlock*hadamardBenchBlock]
			if len(x) == 0 {
				x = make([]float32, hadamardBenchBlock)
			}
			return func() { im.Hadamard(x, hadamardBenchBlock) }
		},
	},
}

// hadamardBenchBlock is the block of the Hadamard case: a head of 128.
const hadamardBenchBlock = 128

// q8BenchGroup is the group the QuantizeQ8 case lines its blocks up with.
const q8BenchGroup = 64

// input holds the operands of every kernel case for one format and size.
type input struct {
	f     lowbit.Format
	cols  int
	n     int         // rows of packed kernels
	nf    int         // rows of kernels with a float32 side (nf <= n)
	rows  lowbit.Rows // n rows
	x     []float32   // nf rows of float32 values (rows' source values)
	query []float32   // gqaHeads query rows
	q8    *lowbit.Q8  // query row 0, quantized
	q8x4  *lowbit.Q8  // the gqaHeads query rows, quantized
	out   []float32   // gqaHeads*n
	w     []float32   // n weights
	y     []float32   // cols
	y4    []float32   // gqaHeads*cols
}

// rowCounts returns the rows of the packed kernels and of the kernels with
// a float32 side so that one call moves about traffic bytes.
func rowCounts(f lowbit.Format, cols int, traffic int64) (n, nf int) {
	n = int(max(1, traffic/(packedBytes(f, 1, cols)+4)))
	nf = int(max(1, traffic/(packedBytes(f, 1, cols)+4*int64(cols))))
	return n, min(n, nf)
}

// newInput builds the operands for format f: rows of activations-like
// values (normal, with a few large outliers), quantized with the generic
// kernel. When base is not nil its rows are repeated instead of drawing
// new values, which makes DRAM-sized inputs cheap to build.
func newInput(f lowbit.Format, cols int, traffic int64, base *input, rng *rand.Rand) *input {
	n, nf := rowCounts(f, cols, traffic)
	in := &input{f: f, cols: cols, n: n, nf: nf}
	var err error
	if in.rows, err = lowbit.NewRows(f, n, cols); err != nil {
		panic(err)
	}
	in.x = make([]float32, nf*cols)
	if base == nil {
		for i := range in.x {
			in.x[i] = activation(rng)
		}
		quantizeTiled(in.rows, in.x)
	} else {
		tile(in.x, base.x)
		tile(in.rows.Data, base.rows.Data)
		tile(in.rows.Scales, base.rows.Scales)
		tile(in.rows.Mins, base.rows.Mins)
	}
	in.query = make([]float32, gqaHeads*cols)
	for i := range in.query {
		in.query[i] = activation(rng)
	}
	if in.q8, err = lowbit.NewQ8(f, 1, cols); err != nil {
		panic(err)
	}
	if err := lowbit.Generic().QuantizeQ8(in.q8, in.query[:cols]); err != nil {
		panic(err)
	}
	if in.q8x4, err = lowbit.NewQ8(f, gqaHeads, cols); err != nil {
		panic(err)
	}
	if err := lowbit.Generic().QuantizeQ8(in.q8x4, in.query); err != nil {
		panic(err)
	}
	in.out = make([]float32, gqaHeads*n) // also the weights of the ×4 AddWeighted cases
	for i := range in.out {
		in.out[i] = rng.Float32() / float32(n)
	}
	in.w = make([]float32, n)
	for i := range in.w {
		in.w[i] = rng.Float32() / float32(n)
	}
	in.y = make([]float32, cols)
	in.y4 = make([]float32, gqaHeads*cols)
	return in
}

// newFloatInput builds the operands of the kernels that work on float32
// alone (QuantizeQ8, Softmax): rows of values whose reading and writing
// moves about traffic bytes.
func newFloatInput(cols int, traffic int64, base *input, rng *rand.Rand) *input {
	nf := int(max(1, traffic/(8*int64(cols))))
	in := &input{f: lowbit.F32, cols: cols, nf: nf, x: make([]float32, nf*cols)}
	if base == nil {
		for i := range in.x {
			in.x[i] = activation(rng)
		}
	} else {
		tile(in.x, base.x)
	}
	return in
}

// quantizeTiled fills all of r from the nf rows of x: it quantizes them
// once and repeats the result (r has at least as many rows as x).
func quantizeTiled(r lowbit.Rows, x []float32) {
	nf := len(x) / r.Cols
	if err := lowbit.Generic().Quantize(r.Slice(0, nf), x); err != nil {
		panic(err)
	}
	pb := r.Format.RowBytes(r.Cols) * nf
	g := r.Format.Groups(r.Cols) * nf
	tile(r.Data[pb:], r.Data[:pb])
	if g > 0 {
		tile(r.Scales[g:], r.Scales[:g])
		if r.Format.HasMins() {
			tile(r.Mins[g:], r.Mins[:g])
		}
	}
}

// tile fills dst with repeated copies of src.
func tile[T any](dst, src []T) {
	if len(src) == 0 {
		return
	}
	for i := 0; i < len(dst); i += len(src) {
		copy(dst[i:], src)
	}
}

// activation draws a value shaped like a transformer activation: normal,
// with one value in fifty an outlier thirty times larger.
func activation(rng *rand.Rand) float32 {
	v := float32(rng.NormFloat64())
	if rng.IntN(50) == 0 {
		v *= 30
	}
	return v
}
