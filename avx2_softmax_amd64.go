//go:build gc && !purego

package lowbit

// softmaxAVX2 is Softmax (len(x) > 0): exp32's steps in eight lanes.
func softmaxAVX2(x []float32) {
	if !avx2Softmax(&x[0], len(x)) {
		fillNaN(x)
	}
}
