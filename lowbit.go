package lowbit

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

// ImplEnv is the environment variable that pins the implementation the
// package-level functions use, by name (see Implementations). An unknown
// name, or one this CPU cannot run, panics at init with the list of names
// that would work: a pin that silently did nothing would defeat its purpose
// (reproducing a bug report on one code path).
const ImplEnv = "LOWBIT_IMPL"

// generic is the reference implementation, on every CPU.
var generic = &Implementation{name: "generic", k: genericKernels}

// implementations lists what this CPU can run: generic first, then the
// assembly sets in increasing order of preference.
var implementations = append([]*Implementation{generic}, archImplementations()...)

// active serves the package-level functions.
var active = chooseActive(os.Getenv(ImplEnv))

func chooseActive(pin string) *Implementation {
	if pin == "" {
		return implementations[len(implementations)-1]
	}
	if im := Lookup(pin); im != nil {
		return im
	}
	names := make([]string, len(implementations))
	for i, im := range implementations {
		names[i] = im.name
	}
	panic(fmt.Sprintf("lowbit: %s=%q, but this CPU runs only %s", ImplEnv, pin, strings.Join(names, ", ")))
}

// Implementations lists the implementations this CPU can run: "generic"
// first, then the assembly sets in increasing order of preference.
func Implementations() []*Implementation { return slices.Clone(implementations) }

// Lookup returns the implementation of that name if this CPU can run it,
// or nil.
func Lookup(name string) *Implementation {
	for _, im := range implementations {
		if im.name == name {
			return im
		}
	}
	return nil
}

// Generic returns the generic (pure Go reference) implementation.
func Generic() *Implementation { return generic }

// Active returns the implementation that the package-level functions use:
// the fastest this CPU can run, unless pinned by the LOWBIT_IMPL
// environment variable.
func Active() *Implementation { return active }

// Dot sets out[j*n+i] = Σ_c deq(r[i,c]) * x[j*Cols+c] for every row i < n
// of r and every query row j of x; see Implementation.Dot.
func Dot(out []float32, r Rows, x []float32) { active.Dot(out, r, x) }

// DotQ8 is Dot with int8-quantized query rows; see Implementation.DotQ8.
func DotQ8(out []float32, r Rows, q *Q8) { active.DotQ8(out, r, q) }

// QuantizeQ8 quantizes query rows to int8 for DotQ8; see
// Implementation.QuantizeQ8.
func QuantizeQ8(q *Q8, x []float32) error { return active.QuantizeQ8(q, x) }

// AddWeighted adds Σ_i w[j*n+i] * row_i to y[j*Cols:]; see
// Implementation.AddWeighted.
func AddWeighted(y []float32, r Rows, w []float32) { active.AddWeighted(y, r, w) }

// AddWeightedQ8 is AddWeighted with the weights rounded to 8 bits per block
// of rows; see Implementation.AddWeightedQ8.
func AddWeightedQ8(y []float32, r Rows, w []float32) { active.AddWeightedQ8(y, r, w) }

// Quantize stores float32 rows into dst; see Implementation.Quantize.
func Quantize(dst Rows, x []float32) error { return active.Quantize(dst, x) }

// Dequantize writes the values of r into dst; see
// Implementation.Dequantize.
func Dequantize(dst []float32, r Rows) { active.Dequantize(dst, r) }

// Softmax normalizes x in place; see Implementation.Softmax.
func Softmax(x []float32) { active.Softmax(x) }

// Hadamard replaces every consecutive block of n values of x by its
// orthonormal Walsh–Hadamard transform H_n·block/√n, in place: H_1 = [1],
// H_2m = [[H_m, H_m], [H_m, -H_m]] (Sylvester's natural order). The
// transform is its own inverse and keeps dot products: Hadamard of a query
// and of a key leaves q·k unchanged up to rounding. n must be a power of
// two and len(x) a multiple of n; it panics otherwise.
//
// It computes the butterflies stage by stage (h = 1, 2, 4, …, n/2: a, b →
// a+b, a-b) and then multiplies by float32(1/√n), so every implementation
// gives the same bits (a NaN may carry another payload).
func Hadamard(x []float32, n int) { active.Hadamard(x, n) }
