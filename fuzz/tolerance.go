package fuzz

// This file is the one place that says how far a float32 kernel result may
// be from the exact value. The fuzz targets compute the exact value of each
// result in float64 from the kernel's own decomposition into terms, and
// accept a result within Tolerance of it.
//
// # The bound
//
// Evaluate s = Σ t_k, each term t_k a product of float32 factors, in
// float32: whatever the order and grouping of the additions (one
// accumulator, eight SIMD lanes and a horizontal sum, a tree), and whether
// or not products are fused into the adds, each term reaches the result
// through at most R roundings: at most terms-1 additions on its path
// through the addition tree, and its multiplications. Each rounding is a
// factor (1+δ) with |δ| ≤ u = 2^-24, so (Higham, Accuracy and Stability of
// Numerical Algorithms, §3.1 and §4.2)
//
//	|fl(s) - s| ≤ γ_R · Σ|t_k|,  γ_R = R·u / (1 - R·u),  R = terms - 1 + roundings.
//
// A fused multiply-add rounds once where a multiply and an add round
// twice, so it only tightens this. The float64 reference adds its own
// error, at most terms·2^-53·Σ|t_k|.
//
// |t_k| must be the magnitudes of the terms as the kernels form them, not of
// a simplified sum: Dot adds scale*Σq·x and min*Σx apart, so its terms are
// scale·q_k·x_k and min·x_k (for symmetric formats scale·q_k·x_k and
// scale·2^(b-1)·x_k), and cancellation between them does not shrink the
// bound. An implementation that dequantizes first, (scale·q + min)·x, has
// terms no larger than these, so one bound covers both.
//
// Underflow: a product that lands among the float32 subnormals is rounded
// to a multiple of 2^-149, an absolute error of up to 2^-150 that relative
// bounds miss, and a later factor of at most amp (a scale, a code) can
// magnify it. Sums of subnormals are exact. So terms·roundings·amp·2^-150
// is added.
//
// # Why linear in the number of terms, not log2
//
// A log2(n) factor holds only for pairwise (tree) summation. The kernels
// do not sum that way: the generic reference sums Σx over a group in one
// accumulator, and a SIMD kernel keeps 8 or 16 lane accumulators, each a
// chain of n/8 or n/16 additions. On inputs the fuzzers do generate, such
// as a group of 256 equal values, a chain's rounding errors all point the
// same way and the error of correct code grows with n, past any small
// multiple of log2(n) (TestToleranceIsSound shows one). A tolerance that
// correct code can exceed makes a fuzzer report noise.
//
// The linear bound is still tight where it matters: the error of a wrong
// kernel grows with the terms it gets wrong (a block of 32 swapped,
// dropped, or given the wrong scale or min), and at the row lengths the
// fuzzers use (at most MaxCols values) that is one to three orders of
// magnitude above the bound; TestToleranceCatchesWrongKernels runs such
// wrong kernels through the same checks and requires that every one fails.
//
// # Softmax
//
// Softmax(x)_i = e_i / Σ e_j with e_j = exp32(x_j - max): the one
// subtraction is the same in every implementation, so the reference takes
// it as given. exp32's relative error is at most 1.41u over every float32
// argument in [-87.34, 0] (measured for the generic steps, with and
// without fused multiply-adds); counting it as 4 roundings leaves room. The
// sum of n positive terms adds n-1 roundings (and the exp errors of its
// terms, 4 more), the reciprocal and the multiply 2: with terms = n,
// roundings = 4 + 4 + 2 and Σ|t| the exact result, Tolerance bounds the
// result's error. exp32 flushes results below 2^-126 to 0, which amp =
// 2^24 covers.

// u is the unit roundoff of float32.
const u = 0x1p-24

// Tolerance returns the most that a correct float32 evaluation of a sum of
// terms products may differ from its exact value: γ_R·sumAbs + the
// reference's own error + the underflow allowance, with R = terms-1 +
// roundings (see the comment above). sumAbs is Σ|t_k| over the kernel's
// own terms, roundings the multiplications (and other roundings) on one
// term's path outside the addition tree, and amp the largest factor that
// can multiply a product after it underflowed (at least 1).
func Tolerance(sumAbs float64, terms, roundings int, amp float64) float64 {
	r := float64(max(terms-1, 0) + roundings)
	gamma := r * u / (1 - r*u)
	return (gamma+float64(terms)*0x1p-53)*sumAbs + float64(terms*roundings)*amp*0x1p-150
}

// The kernels' decompositions, as Tolerance counts them: the roundings on
// one term's path outside the addition tree (its multiplications), and amp.
const (
	// Dot on codes: terms scale·q·x (two products, in either order) and
	// min·x. A product can underflow before a code multiplies it
	// ((x·scale)·q), so amp is the largest code.
	dotCodeRoundings = 2
	codeAmp          = 256

	// Dot on fp16 and float32: terms v·x, nothing multiplies them after.
	dotFloatRoundings = 1

	// DotQ8 on codes: terms scale·d·isum (two products; isum, the block's
	// integer sum, is exact) and min·Sums; one more rounding for a kernel
	// that forms the min term as min·d·Σx8 instead of reading Sums. amp
	// is the larger of |isum| and the scales (dotQ8CodeAmp).
	dotQ8CodeRoundings = 3

	// DotQ8 on fp16 and float32: terms v·x8·d; an int8 can multiply
	// v·d after it underflowed.
	dotQ8FloatRoundings = 2
	dotQ8FloatAmp       = 128

	// AddWeighted: the old y, and per row w·scale·q and w·min (codes) or
	// w·v (fp16, float32).
	addWeightedCodeRoundings  = 2
	addWeightedFloatRoundings = 1

	// Softmax: see above.
	softmaxRoundings = 10
	softmaxAmp       = 0x1p24
)

// dotQ8CodeAmp returns amp for DotQ8 on codes: an underflowed scale·d can
// be multiplied by an integer block sum, an underflowed d·isum by a scale.
func dotQ8CodeAmp(maxIsum, maxScale float64) float64 { return max(codeAmp, maxIsum, maxScale) }
