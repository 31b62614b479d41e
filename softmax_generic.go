package lowbit

import "math"

// softmaxGeneric is the reference Softmax: max, exp(x - max) by exp32, sum,
// then a multiply by 1/sum.
func softmaxGeneric(x []float32) {
	m, nan := maxScan(float32(math.Inf(-1)), false, x)
	if softmaxNaN(x, m, nan) {
		return
	}
	var sum float32
	for k, v := range x {
		e := exp32(v - m)
		x[k] = e
		sum += e
	}
	inv := 1 / sum
	for k := range x {
		x[k] *= inv
	}
}

// maxScan returns the max of m and the values of x, and whether nan or x
// holds a NaN.
func maxScan(m float32, nan bool, x []float32) (float32, bool) {
	for _, v := range x {
		m = max(m, v)
		nan = nan || v != v
	}
	return m, nan
}

// softmaxNaN handles the special cases of Softmax, given the max m of x and
// whether x holds a NaN: if it does, or m is +Inf, or every value is -Inf,
// it sets every value of x to NaN and returns true.
func softmaxNaN(x []float32, m float32, nan bool) bool {
	if !nan && !math.IsInf(float64(m), 0) {
		return false
	}
	fillNaN(x)
	return true
}

// fillNaN sets every value of x to NaN.
func fillNaN(x []float32) {
	for k := range x {
		x[k] = float32(math.NaN())
	}
}

// exp32 constants: Cody–Waite split of ln 2 and the minimax polynomial of
// Cephes' expf (relative error below 2 ulp on float32).
const (
	expLog2e = 1.44269504088896341
	expLn2Hi = 0.693359375
	expLn2Lo = -2.12194440e-4
	expMinX  = -87.3365447505 // below: result under the smallest normal, flushed to 0
	expMaxX  = 88.3762626647
	expP0    = 1.9875691500e-4
	expP1    = 1.3981999507e-3
	expP2    = 8.3334519073e-3
	expP3    = 4.1665795894e-2
	expP4    = 1.6666665459e-1
	expP5    = 5.0000001201e-1
)

// exp32 returns e^x in float32: n = roundEven(x*log2 e), r = x - n*ln 2 (in
// two steps), e^r by a degree-7 polynomial, times 2^n by exponent bits. It
// returns 0 below expMinX (where e^x is under the smallest normal float32)
// and +Inf above expMaxX. The vector kernels follow the same steps.
func exp32(x float32) float32 {
	if x < expMinX {
		return 0
	}
	if x > expMaxX {
		return float32(math.Inf(1))
	}
	n := roundEven(x * expLog2e)
	r := x - n*expLn2Hi
	r = r - n*expLn2Lo
	p := float32(expP0)
	p = p*r + expP1
	p = p*r + expP2
	p = p*r + expP3
	p = p*r + expP4
	p = p*r + expP5
	p = p*r*r + r + 1
	// 2^n in two steps so that n = 128 (x near expMaxX) does not overflow
	// the exponent field.
	h := int32(n) / 2
	return p * math.Float32frombits(uint32(h+127)<<23) * math.Float32frombits(uint32(int32(n)-h+127)<<23)
}
