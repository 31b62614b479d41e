//go:build gc && !purego

package lowbit

import "math"

// avx2Softmax runs Softmax on n values at x and reports false, leaving x
// unchanged, if x holds a NaN or +Inf or every entry is -Inf.
//
//go:noescape
func avx2Softmax(x *float32, n int) bool

// softmaxAVX2 is Softmax (len(x) > 0): exp32's steps in eight lanes.
func softmaxAVX2(x []float32) {
	if !avx2Softmax(&x[0], len(x)) {
		for k := range x {
			x[k] = float32(math.NaN())
		}
	}
}
