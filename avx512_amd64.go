//go:build gc && !purego

package lowbit

import "github.com/klauspost/cpuid/v2"

// avx512Impl is the AVX-512 (F, BW, VL, with BMI2; VNNI where present)
// kernel set. Code formats whose group is not a multiple of 32 fall back to
// the generic kernels, and DotQ8 on codes runs the avx2 kernels on a CPU
// without AVX-512 VNNI; Accelerated reports which kernels and formats run
// assembly.
var avx512Impl = &Implementation{
	name: "avx512",
	k: kernels{
		dot:         dotAVX512,
		dotQ8:       dotQ8AVX512,
		quantizeQ8:  quantizeQ8AVX512,
		addWeighted: addWeightedAVX512,
		quantize:    quantizeAVX512,
		dequantize:  dequantizeAVX512,
		softmax:     softmaxAVX512,
	},
	accelerated: avx512Accelerated,
}

// avx512VNNI reports whether the CPU has VPDPBUSD (AVX-512 VNNI), which the
// DotQ8 kernels need.
var avx512VNNI = cpuid.CPU.Supports(cpuid.AVX512VNNI)

// avx512Accelerated reports which kernels run assembly: see avx512Impl.
func avx512Accelerated(k Kernel, f Format) bool {
	codes := f.Quantized() && f.Group%32 == 0
	floats := !f.Quantized()
	switch k {
	case KernelQuantizeQ8, KernelSoftmax:
		return true
	case KernelDot:
		return codes || floats
	case KernelDotQ8:
		if !avx512VNNI && f.Quantized() {
			return avx2Impl.Accelerated(k, f)
		}
		return codes || floats
	case KernelAddWeighted, KernelDequantize, KernelQuantize:
		return codes || floats
	}
	return false
}
