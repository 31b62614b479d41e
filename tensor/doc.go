// Package tensor provides Matrix, a checked quantized matrix over lowbit's
// kernels: rows × cols values in one lowbit.Format, built by quantizing
// float32 rows and grown by appending rows, with MatVec (lowbit.Dot),
// AddWeighted, Dequantize, Row and exact byte accounting.
//
// Unlike the kernels, which panic on misuse, every Matrix method returns an
// error for a bad shape, a bad format or a value the format cannot store
// (NaN, ±Inf, beyond the fp16 range), and a failed call leaves the matrix
// exactly as it was.
package tensor
