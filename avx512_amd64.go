//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/klauspost/cpuid/v2"
)

// avx512Impl is the AVX-512 (F, BW, VL, with BMI2; VNNI where present)
// kernel set. Its own kernels serve fp16, float32 and code formats whose
// group is a multiple of 32. Code formats in other groups (8, 16, 24, 40,
// …) run the avx2 kernels, for every kernel family (an AVX-512 CPU has
// AVX2, FMA and F16C): Dot and AddWeighted the avx2 lane kernels, DotQ8,
// Quantize and Dequantize the avx2 block kernels with a short last block
// (see avx2Impl). DotQ8 on codes also runs the avx2 kernels on a CPU
// without AVX-512 VNNI, and so do a few short-row shapes on which they
// measured faster (avx512DotQ8ByAVX2, dotCodesAVX512,
// addWeightedFloatAVX512). Accelerated reports which kernels and formats run
// assembly (of either tier). Attention runs its own kernels (attnAVX512).
// Hadamard runs the avx2 kernel: there is no AVX-512 one yet, because none
// could be tested or measured where it was written (a machine without
// AVX-512).
var avx512Impl = &Implementation{
	name: "avx512",
	k: kernels{
		dot:           dotAVX512,
		dotQ8:         dotQ8AVX512,
		quantizeQ8:    quantizeQ8AVX512,
		addWeighted:   addWeightedAVX512,
		addWeightedQ8: addWeightedQ8AVX512,
		quantize:      quantizeAVX512,
		dequantize:    dequantizeAVX512,
		softmax:       softmaxAVX512,
		attention:     attnAVX512,
		hadamard:      hadamardAVX2,
	},
	accelerated: avx512Accelerated,
}

// avx512VNNI reports whether the CPU has VPDPBUSD (AVX-512 VNNI), which the
// DotQ8 kernels need.
var avx512VNNI = cpuid.CPU.Supports(cpuid.AVX512VNNI)

// avx512Codes reports whether the code kernels run format f: its groups
// are whole blocks of 32 codes.
func avx512Codes(f Format) bool { return f.Group%32 == 0 }

// avx512Accelerated reports which kernels run assembly: see avx512Impl.
func avx512Accelerated(k Kernel, f Format) bool {
	switch {
	case k == KernelQuantizeQ8 || k == KernelSoftmax || k == KernelAttention || k == KernelHadamard || !f.Quantized():
		return true
	case k == KernelAddWeightedQ8:
		return avx512AddWeightedQ8Format(f)
	case k == KernelDotQ8 && !avx512VNNI, !avx512Codes(f):
		return avx2Impl.Accelerated(k, f) // the avx2 kernels run
	}
	return true
}

// avx512DotArgs is the argument block of the Dot kernels; the kernels read
// the first fields and use the last five as their state, through the
// offsets go_asm.h defines (avx512DotArgs_data, …).
type avx512DotArgs struct {
	data    unsafe.Pointer // row 0's codes (or values)
	scales  unsafe.Pointer // row 0's fp16 scales
	mins    unsafe.Pointer // row 0's fp16 mins, or avx512ZeroF16 (symmetric)
	x       unsafe.Pointer // the pass's first query row
	out     unsafe.Pointer // out of the pass's first query row
	scratch unsafe.Pointer // 16 rows × 64 bytes per query row

	n             int // rows
	rowBytes      int // bytes of codes (or values) per row
	rowScaleBytes int // bytes of scales per row
	rowMinBytes   int // bytes of mins per row (0 when symmetric)
	groups        int // groups per row
	blockLimit    int // 4 × blocks per group
	groupBytes    int // bytes of codes per group
	off2, off1    int // offsets of the 2-bit and 1-bit planes in a group
	xStride       int // bytes between query rows of x
	outStride     int // bytes between query rows of out
	minStride     int // bytes between the mins of two groups (0 when symmetric)
	negOff        int // when symmetric: float32 bits of -2^(Bits-1) (Dot, AddWeighted), 2^(Bits-1) (Dequantize); else 0
	cols          int // float rows: values per row (of the chunk)
	tailMask      int // float rows: mask of the last cols%16 values
	steps         int // float rows: cols/16
	accMask       int // float rows: 0xffff to add to out, 0 to store

	// Kernel state.
	rowsLeft, r, outCur, rowScales, rowMins uintptr
}

// avx512RowArgs is the argument block of the row kernels: DotQ8 and Dot on
// rows of 128 values in groups of 64 (and fp16 and float32 rows of 128),
// and AddWeighted on such rows. Each kernel's comment says what it reads
// from recs, sg and scratch. The assembly reads the fields through the
// offsets go_asm.h defines (avx512RowArgs_data, …).
type avx512RowArgs struct {
	data    unsafe.Pointer // row 0's codes (or values)
	scales  unsafe.Pointer // row 0's fp16 scales
	mins    unsafe.Pointer // row 0's fp16 mins (the scales for symmetric formats)
	out     unsafe.Pointer // out of the pass's first query row, row 0
	recs    unsafe.Pointer // the query tables (x8 and block scales, or x tables)
	sg      unsafe.Pointer // the shift sums (or AddWeighted's weights)
	scratch unsafe.Pointer // the reduction area (or AddWeighted's min factor)

	n         int // rows (a multiple of 4, or of 2 for the 2-bit AddWeighted)
	outStride int // bytes between the query rows of out
	accMask   int // DotQ8 row kernel: 0xffff to add to out, 0 to store
}

// avx512AlignBytes returns b from its first 64-byte aligned byte on: a
// 512-bit load that crosses a cache line runs at half speed. Kernels take
// their tables from stack arrays with 64 bytes to spare; a goroutine's stack
// only moves by multiples of its 2 KB or larger size, so the alignment
// holds.
func avx512AlignBytes(b []byte) []byte {
	return b[-uintptr(unsafe.Pointer(&b[0]))&63:]
}

// avx512AlignFloats is avx512AlignBytes for float32 (16 to spare).
func avx512AlignFloats(b []float32) []float32 {
	return b[(-uintptr(unsafe.Pointer(&b[0]))&63)/4:]
}
