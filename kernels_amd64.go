//go:build gc && !purego

package lowbit

import "github.com/klauspost/cpuid/v2"

// archImplementations returns the amd64 assembly sets this CPU (and its
// operating system) can run, in increasing order of preference:
//
//	avx2:   AVX2, FMA and F16C
//	avx512: AVX-512 F, BW and VL, and BMI2, on top of avx2 (VNNI is used where present)
func archImplementations() []*Implementation {
	var impls []*Implementation
	if !cpuid.CPU.Supports(cpuid.AVX2, cpuid.FMA3, cpuid.F16C) {
		return nil
	}
	impls = append(impls, avx2Impl)
	if cpuid.CPU.Supports(cpuid.AVX512F, cpuid.AVX512BW, cpuid.AVX512VL, cpuid.BMI2) {
		impls = append(impls, avx512Impl)
	}
	return impls
}
