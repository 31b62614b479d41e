//go:build !purego

package lowbit

// avx2Impl is the AVX2 (+FMA, F16C) kernel set.
//
// Not yet in assembly: every kernel runs the generic code, and Accelerated
// reports false for all of them.
var avx2Impl = &Implementation{name: "avx2", k: genericKernels}
