//go:build gc && !purego

package lowbit

import "github.com/klauspost/cpuid/v2"

// archImplementations returns the arm64 assembly sets this CPU can run, in
// increasing order of preference:
//
//	neon:    ASIMD (every arm64 CPU); FCVTL/FCVTN for fp16
//	neondot: neon plus SDOT/UDOT (the dotprod extension, ASIMDDP) for DotQ8
//
// cpuid reads the features from the kernel's HWCAP, which qemu-user sets
// per -cpu: "max" has dotprod, "cortex-a72" does not.
func archImplementations() []*Implementation {
	if !cpuid.CPU.Supports(cpuid.ASIMD) {
		return nil
	}
	impls := []*Implementation{neonImpl}
	if cpuid.CPU.Supports(cpuid.ASIMDDP) {
		impls = append(impls, neonDotImpl)
	}
	return impls
}
