// Package lowbit stores and computes with low-bit quantized tensors in pure
// Go: 2- to 8-bit codes with fp16 scales (and mins), fp16 and float32 rows,
// and the fused kernels that use them without unpacking to memory first.
//
// # Formats and rows
//
// A Format says how a row is stored (see Format for the formulas); Rows is
// a view of consecutive rows in one Format, structure-of-arrays: all codes,
// then all scales, then all mins. Package pack owns the bit layout of the
// codes; package tensor wraps Rows in a checked matrix type, and package
// mikv builds the MiKV mixed-precision KV cache on these kernels.
//
// # Kernels
//
// Every kernel works on many rows per call (a KV page, a weight matrix):
//
//	Dot          out[j*n+i] = Σ_c deq(R[i,c]) * x[j][c]   (several query rows per pass: GQA)
//	DotQ8        the same with x quantized to int8 blocks (QuantizeQ8), the integer dot-product path
//	AddWeighted  y[j][c] += Σ_i w[j][i] * deq(R[i,c])      (attention output Σ p_i v_i)
//	Quantize     float32 rows -> Format (error on NaN, Inf, or beyond fp16 range)
//	Dequantize   Format -> float32 rows
//	Softmax      in place, max-subtracted
//
// # Implementations
//
// Each set of kernels is an Implementation: "generic" (the Go reference,
// always present and the only one under the purego build tag), and the
// assembly sets this CPU can run ("avx2", "avx512" on amd64; "neon",
// "neondot" on arm64). The package-level functions use the fastest, unless
// the LOWBIT_IMPL environment variable names another. Implementations lists
// them so that tests, fuzzers and benchmarks can run each side by side, and
// Implementation.Accelerated tells which kernels and formats run an
// implementation's own code rather than falling back to generic.
//
// Kernels check the lengths of their arguments once per call and panic
// with a message that names the mismatch, as slice indexing does; data
// errors (NaN or Inf to be quantized) are returned as errors and leave the
// destination unchanged. Kernels never allocate.
//
// # Sizes
//
// NewRows and NewQ8 allocate the package's storage. They compute the
// bytes a size needs without overflow and refuse more than MaxAlloc (1
// TiB) with an error wrapping ErrTooLarge, before allocating anything.
package lowbit
