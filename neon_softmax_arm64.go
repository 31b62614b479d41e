//go:build gc && !purego

package lowbit

import (
	"math"
)

// softmaxNEON is Softmax: the max, exp and scale passes in asm over
// the first len(x)&^3 values, the rest in Go.
func softmaxNEON(x []float32) {
	n4 := len(x) &^ 3
	m := float32(math.Inf(-1))
	if n4 > 0 {
		m = neonSoftmaxMax(&x[0], n4)
	}
	m, nan := maxScan(m, m != m, x[n4:])
	if softmaxNaN(x, m, nan) {
		return
	}
	var sum float32
	if n4 > 0 {
		sum = neonSoftmaxExp(&x[0], n4, m)
	}
	for k := n4; k < len(x); k++ {
		x[k] = exp32(x[k] - m)
		sum += x[k]
	}
	inv := 1 / sum
	if n4 > 0 {
		neonSoftmaxScale(&x[0], n4, inv)
	}
	for k := n4; k < len(x); k++ {
		x[k] *= inv
	}
}
