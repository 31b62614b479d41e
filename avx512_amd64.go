//go:build !purego

package lowbit

// avx512Impl is the AVX-512 (F, BW, VL; VNNI where present) kernel set.
//
// Not yet in assembly: every kernel runs the generic code, and Accelerated
// reports false for all of them.
var avx512Impl = &Implementation{name: "avx512", k: genericKernels}
