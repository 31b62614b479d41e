package lowbit

import (
	"fmt"
	"math"
)

// Kernel names a kernel family.
type Kernel int

// The kernel families. Every implementation provides all of them for every
// Format; Implementation.Accelerated tells which run the implementation's
// own code rather than the generic fallback.
const (
	KernelDot Kernel = iota
	KernelDotQ8
	KernelQuantizeQ8
	KernelAddWeighted
	KernelQuantize
	KernelDequantize
	KernelSoftmax
	KernelAttention
	KernelHadamard
	KernelAddWeightedQ8
	numKernels
)

// Kernels lists every kernel family.
func Kernels() []Kernel {
	k := make([]Kernel, numKernels)
	for i := range k {
		k[i] = Kernel(i)
	}
	return k
}

var kernelNames = [numKernels]string{"Dot", "DotQ8", "QuantizeQ8", "AddWeighted", "Quantize", "Dequantize", "Softmax", "Attention", "Hadamard", "AddWeightedQ8"}

// String returns the kernel's name, as in the package-level function.
func (k Kernel) String() string {
	if k < 0 || k >= numKernels {
		return fmt.Sprintf("Kernel(%d)", int(k))
	}
	return kernelNames[k]
}

// kernels is one implementation's table. Its functions trust their inputs:
// the Implementation methods validate them once per call.
type kernels struct {
	dot         func(out []float32, r Rows, x []float32)
	dotQ8       func(out []float32, r Rows, q *Q8)
	quantizeQ8  func(q *Q8, x []float32)
	addWeighted func(y []float32, r Rows, w []float32)
	// addWeightedQ8 is AddWeighted with weights rounded to 8 bits, on
	// code rows and roundable weights (the method sends the rest to
	// addWeighted)
	addWeightedQ8 func(y []float32, r Rows, w []float32)
	quantize      func(dst Rows, x []float32)
	dequantize    func(dst []float32, r Rows)
	softmax       func(x []float32)
	attention     attnKernels
	hadamard      func(x []float32, n int)
}

// Implementation is one set of kernels: "generic" (the Go reference, on
// every CPU) or an assembly set such as "avx2", "avx512", "neon" or
// "neondot". Its methods are the package-level functions bound to it, so
// tests and benchmarks can run each implementation side by side.
type Implementation struct {
	name string
	k    kernels
	// accelerated reports whether kernel k on format f runs this
	// implementation's own code (nil: never, as for generic).
	accelerated func(k Kernel, f Format) bool
}

// Name returns the implementation's name.
func (im *Implementation) Name() string { return im.name }

// String returns the implementation's name.
func (im *Implementation) String() string { return im.name }

// Accelerated reports whether im runs its own (assembly) code for kernel k
// on rows of format f, as opposed to falling back to the generic code. It
// is always false for the generic implementation. For Softmax, QuantizeQ8,
// Attention and Hadamard (float32 only) the format is ignored.
func (im *Implementation) Accelerated(k Kernel, f Format) bool {
	return im.accelerated != nil && im.accelerated(k, f)
}

// Dot sets out[j*n+i] = Σ_c deq(r[i,c]) * x[j*Cols+c] for every row i < n
// of r and every query row j of x. x holds one or more query rows of
// r.Cols values (the heads of a GQA group): the rows of r are unpacked once
// for all of them. It panics if the lengths do not fit.
func (im *Implementation) Dot(out []float32, r Rows, x []float32) {
	nq := checkQueries("Dot", r, len(x), "x")
	if len(out) != nq*r.Len() {
		panic(fmt.Sprintf("lowbit: Dot of %d rows and %d queries needs len(out) = %d, got %d", r.Len(), nq, nq*r.Len(), len(out)))
	}
	im.k.dot(out, r, x)
}

// DotQ8 is Dot with the query rows quantized to int8 by QuantizeQ8 (the
// integer dot-product path: VNNI, VPMADDUBSW, SDOT). q's blocks must line up
// with r's format (NewQ8 with the same format and columns).
func (im *Implementation) DotQ8(out []float32, r Rows, q *Q8) {
	checkRows("DotQ8", r)
	if err := q.check(); err != nil {
		panic(err.Error())
	}
	if q.Cols != r.Cols || q.Group != q8Group(r.Format, r.Cols) {
		panic(fmt.Sprintf("lowbit: DotQ8 of %s rows of %d values with a Q8 of %d values in groups of %d (want %d)", r.Format, r.Cols, q.Cols, q.Group, q8Group(r.Format, r.Cols)))
	}
	if len(out) != q.Len()*r.Len() {
		panic(fmt.Sprintf("lowbit: DotQ8 of %d rows and %d queries needs len(out) = %d, got %d", r.Len(), q.Len(), q.Len()*r.Len(), len(out)))
	}
	im.k.dotQ8(out, r, q)
}

// QuantizeQ8 quantizes the query rows x into q: per block, scale =
// max|x|/127 and Values = round-to-nearest-even(x*127/max|x|); a block whose
// values are all below 2^-120 in magnitude (where 127/max|x| overflows) is
// stored as zeros with scale 0. It returns an error, and leaves q unchanged,
// if x holds NaN or ±Inf.
func (im *Implementation) QuantizeQ8(q *Q8, x []float32) error {
	if err := q.check(); err != nil {
		panic(err.Error())
	}
	if len(x) != len(q.Values) {
		panic(fmt.Sprintf("lowbit: QuantizeQ8 into a Q8 of %d values from len(x) = %d", len(q.Values), len(x)))
	}
	if i := firstNonFinite(x); i >= 0 {
		return fmt.Errorf("lowbit: QuantizeQ8: x[%d] = %v", i, x[i])
	}
	im.k.quantizeQ8(q, x)
	return nil
}

// AddWeighted adds to y[j*Cols+c] the sum Σ_i w[j*n+i] * deq(r[i,c]) over
// every row i < n of r, for every weight row j of w: the attention output
// Σ p_i v_i for one or more query heads at once. It panics if the lengths
// do not fit.
func (im *Implementation) AddWeighted(y []float32, r Rows, w []float32) {
	if !checkWeighted("AddWeighted", y, r, w) {
		return
	}
	im.k.addWeighted(y, r, w)
}

// AddWeightedQ8 is AddWeighted with the weights rounded to 8 bits, for the
// integer dot-product path (VNNI): per weight row, per group of r and per
// block of AddWeightedQ8Rows consecutive rows, each weight times its row's
// group scale, P_i = w_i·scale_i, is rounded to an integer
// u_i = round-to-nearest-even(P_i·127/max|P|), and the group's columns gain
// (max|P|/127)·Σ_i u_i·q_i (summed exactly in integers) plus the rows'
// shifts: Σ_i w_i·min_i, or for symmetric formats the offset times the
// rounded weights. So each weight's error is at most 1/254 of the largest
// weight×scale of its block: small beside the error of 2- to 4-bit values
// when a block's weights are of a size, not when one weight dwarfs the
// others (a heavy hitter among attention weights). Float rows (fp16,
// float32) run the implementation's AddWeighted unchanged. The generic
// implementation defines the rounding; assembly implementations give the
// same integers and differ only by float32 rounding. Weights that hold a
// magnitude above 2^64 (no attention weight comes near), NaN or ±Inf run
// AddWeighted instead, whose sums carry them. Rows whose scales or mins
// are ±Inf or NaN (which Quantize never stores) give unspecified sums.
// It panics as AddWeighted does.
//
// avx512 runs assembly for 2- and 4-bit rows of 64, 128 or 256 values in
// one, two or four groups (of 32, 64, 128 or 256) on CPUs with AVX-512
// VNNI and VBMI; every other case runs the generic code, which is slower
// than AddWeighted.
func (im *Implementation) AddWeightedQ8(y []float32, r Rows, w []float32) {
	if !checkWeighted("AddWeightedQ8", y, r, w) {
		return
	}
	if !r.Format.Quantized() || absBitsMax(w) > maxQ8WeightBits {
		im.k.addWeighted(y, r, w) // the implementation's own AddWeighted
		return
	}
	im.k.addWeightedQ8(y, r, w)
}

// maxQ8WeightBits are the float32 bits of 2^64, the largest weight
// AddWeightedQ8 rounds: a weight times an fp16 scale (below 2^16) stays
// finite.
const maxQ8WeightBits = 0x5f800000

// Quantize stores the rows x (dst.Len() rows of dst.Cols values) into dst,
// per group round-to-nearest as Format describes, with fp16 scales and mins.
// It returns an error, and leaves dst unchanged, if x holds NaN, ±Inf, or
// (for every format but float32) a magnitude above MaxF16.
func (im *Implementation) Quantize(dst Rows, x []float32) error {
	checkRows("Quantize", dst)
	if len(x) != dst.Len()*dst.Cols {
		panic(fmt.Sprintf("lowbit: Quantize into %d rows of %d values from len(x) = %d", dst.Len(), dst.Cols, len(x)))
	}
	if err := checkStorable(x, dst.Format); err != nil {
		return err
	}
	im.k.quantize(dst, x)
	return nil
}

// Dequantize writes the values of every row of r into dst (r.Len() rows of
// r.Cols values): for codes, scale*q + min (asymmetric) or
// scale*(q-2^(Bits-1)) (symmetric), each product and sum rounded to
// float32 separately, so every implementation gives the same bits.
func (im *Implementation) Dequantize(dst []float32, r Rows) {
	checkRows("Dequantize", r)
	if len(dst) != r.Len()*r.Cols {
		panic(fmt.Sprintf("lowbit: Dequantize of %d rows of %d values needs len(dst) = %d, got %d", r.Len(), r.Cols, r.Len()*r.Cols, len(dst)))
	}
	im.k.dequantize(dst, r)
}

// Softmax replaces x by exp(x - max x) / Σ exp(x - max x), in place. -Inf
// entries become 0. If x holds NaN or +Inf, or every entry is -Inf, every
// entry becomes NaN.
func (im *Implementation) Softmax(x []float32) {
	if len(x) > 0 {
		im.k.softmax(x)
	}
}

// Hadamard replaces every consecutive block of n values of x by its
// orthonormal Walsh–Hadamard transform H_n·block/√n, in place (see the
// package-level Hadamard). Every implementation gives the generic bits
// (a NaN may carry another payload). n must be a power of two and len(x)
// a multiple of n; it panics otherwise, before writing anything.
func (im *Implementation) Hadamard(x []float32, n int) {
	checkHadamard(len(x), n)
	if len(x) > 0 {
		im.k.hadamard(x, n)
	}
}

// checkHadamard panics unless n is a power of two dividing length.
func checkHadamard(length, n int) {
	if n <= 0 || n&(n-1) != 0 {
		panic(fmt.Sprintf("lowbit: Hadamard block of %d values: not a power of two", n))
	}
	if length%n != 0 {
		panic(fmt.Sprintf("lowbit: Hadamard of %d values in blocks of %d: not a whole number of blocks", length, n))
	}
}

// pick returns the path of an assembly tier that serves rows of format f:
// floats for fp16 and float32 rows, codes for the code formats the tier's
// kernels take (codes(f)), generic for the others.
func pick[K any](f Format, codes func(Format) bool, floats, code, generic K) K {
	switch {
	case !f.Quantized():
		return floats
	case codes(f):
		return code
	}
	return generic
}

// checkRows panics with a message naming the kernel if r is inconsistent.
func checkRows(kernel string, r Rows) {
	if err := r.Check(); err != nil {
		panic(fmt.Sprintf("lowbit: %s: %v", kernel, err))
	}
}

// checkWeighted checks r and the lengths of AddWeighted's (or
// AddWeightedQ8's) weights w and output y, panicking with the kernel's
// name if they do not fit; false when r has no rows (and w is empty), so
// there is nothing to add.
func checkWeighted(kernel string, y []float32, r Rows, w []float32) bool {
	checkRows(kernel, r)
	n := r.Len()
	if n == 0 {
		if len(w) != 0 {
			panic(fmt.Sprintf("lowbit: %s of 0 rows with len(w) = %d", kernel, len(w)))
		}
		return false
	}
	if len(w) == 0 || len(w)%n != 0 {
		panic(fmt.Sprintf("lowbit: %s of %d rows needs len(w) a positive multiple of %d, got %d", kernel, n, n, len(w)))
	}
	if nq := len(w) / n; len(y) != nq*r.Cols {
		panic(fmt.Sprintf("lowbit: %s of %d weight rows of %d values needs len(y) = %d, got %d", kernel, nq, r.Cols, nq*r.Cols, len(y)))
	}
	return true
}

// checkQueries checks r and that a length of query values is a positive
// multiple of r.Cols, and returns the number of query rows.
func checkQueries(kernel string, r Rows, n int, name string) int {
	checkRows(kernel, r)
	if n == 0 || n%r.Cols != 0 {
		panic(fmt.Sprintf("lowbit: %s needs len(%s) a positive multiple of %d columns, got %d", kernel, name, r.Cols, n))
	}
	return n / r.Cols
}

// firstNonFinite returns the index of the first NaN or ±Inf in x, or -1.
func firstNonFinite(x []float32) int {
	if absBitsMax(x) < 0x7f800000 {
		return -1
	}
	for i, v := range x {
		if math.Float32bits(v)&0x7f800000 == 0x7f800000 {
			return i
		}
	}
	return -1
}

// WithinLimit reports whether every value of x is a number within ±limit
// (limit >= 0, +Inf allowed): no NaN, no value beyond it. It is the scan
// that validates the kernels' inputs (vectorized on amd64 and arm64), for
// callers that check their own inputs the same way.
func WithinLimit(x []float32, limit float32) bool {
	return absBitsMax(x) <= math.Float32bits(limit)
}

// checkStorable reports an error for the first value of x that format f
// cannot store: NaN, ±Inf, or beyond the fp16 range for all but float32.
func checkStorable(x []float32, f Format) error {
	limit := float32(math.MaxFloat32)
	if f.Bits != 32 {
		limit = MaxF16
	}
	if WithinLimit(x, limit) {
		return nil
	}
	for i, v := range x {
		if !(v >= -limit && v <= limit) {
			return fmt.Errorf("lowbit: Quantize to %s: x[%d] = %v cannot be stored", f, i, v)
		}
	}
	return nil
}

// absBitsMax returns the largest float32 bits of |v| over x (a NaN compares
// above +Inf, +Inf above every finite value), or 0 if x is empty: one pass
// that tells whether the slower loops above need to look for the value at
// fault. Scanning is the whole cost of validating an input, so an
// architecture may replace it by a vector scan (absBitsMaxAVX2 on amd64).
var absBitsMax = absBitsMaxGeneric

func absBitsMaxGeneric(x []float32) uint32 {
	var m0, m1, m2, m3 uint32
	for ; len(x) >= 4; x = x[4:] {
		m0 = max(m0, math.Float32bits(x[0])&0x7fffffff)
		m1 = max(m1, math.Float32bits(x[1])&0x7fffffff)
		m2 = max(m2, math.Float32bits(x[2])&0x7fffffff)
		m3 = max(m3, math.Float32bits(x[3])&0x7fffffff)
	}
	for _, v := range x {
		m0 = max(m0, math.Float32bits(v)&0x7fffffff)
	}
	return max(max(m0, m1), max(m2, m3))
}
