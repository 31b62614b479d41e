package mikv

import (
	"fmt"
	"math"
	"sync"

	"github.com/lowbit-ml/lowbit"
)

// RotationKind selects the orthonormal transform Config.Rotation applies
// before quantization.
type RotationKind int

const (
	// NoRotation stores keys and values as they are (after the balancer).
	// The default.
	NoRotation RotationKind = iota
	// HadamardRotation applies the orthonormal Walsh–Hadamard transform
	// (lowbit.Hadamard) in blocks of the largest power of two that divides
	// HeadDim: 128 for 128, 64 for 64, 32 for 96, 16 for 80. It spreads an
	// outlier channel over its block; it costs O(d log d) per row and needs
	// no memory.
	HadamardRotation
	// RandomRotation applies a HeadDim×HeadDim orthogonal matrix drawn from
	// Rotation.Seed (see randomOrthogonal): it mixes every channel with
	// every other whatever HeadDim is (80 and 96 included), at O(d²) per
	// row and 2·d² float32 values of memory (the matrix and its transpose:
	// 128 KiB at d = 128), built once per head dimension and seed and kept
	// for the life of the process, shared by every cache that uses them;
	// Stats does not count them. HeadDim must be at most
	// MaxRandomRotationDim.
	RandomRotation
	numRotationKinds
)

// MaxRandomRotationDim is the largest HeadDim RandomRotation accepts: the
// matrix is built in O(d³) when the first cache that uses it is made (Zen
// 3: 4 ms at d = 128, 35 ms at 256, 2.3 s at 1024).
const MaxRandomRotationDim = 1024

var rotationNames = [numRotationKinds]string{"none", "hadamard", "random"}

// String returns the kind's name as ParseRotationKind reads it.
func (k RotationKind) String() string {
	if k < 0 || k >= numRotationKinds {
		return fmt.Sprintf("RotationKind(%d)", int(k))
	}
	return rotationNames[k]
}

// ParseRotationKind reads a name written by RotationKind.String.
func ParseRotationKind(name string) (RotationKind, error) {
	for k, n := range rotationNames {
		if n == name {
			return RotationKind(k), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown rotation %q (want none, hadamard or random)", ErrConfig, name)
}

// Rotation is rotation before quantization (QuaRot, ik_llama.cpp's and
// llama.cpp's Hadamard-rotated caches): an orthonormal transform R
// applied to the keys, and optionally the values, of every tier stored in
// 2 to 8 bits, so that an outlier channel is spread over many channels
// before the per-group quantization sees it. fp16 and float32 tiers store
// their rows as they are. With the balancer, balancing comes first: such a
// tier stores Quant(R(k ⊙ b)) and scores it with R(q ⊘ b), computed once
// per step (q·k is unchanged under an orthonormal R). With Values, it
// stores Quant(R v), and the part of the output that comes from such
// tiers is rotated back (Rᵀ) once per step before it is added to the part
// from the other tiers.
//
// Rotation is one setting for the whole cache (not per layer). A rotated
// tier stores at most ±65504/√B per input value (B: the Hadamard block,
// or HeadDim for RandomRotation), since a rotation can concentrate a
// row's mass in one channel; larger inputs are refused with ErrInput.
type Rotation struct {
	Kind RotationKind
	// Values rotates the values of the quantized tiers too (keys only
	// without it).
	Values bool
	// Seed draws RandomRotation's matrix; it is ignored by the other kinds.
	Seed uint64
}

// String returns the rotation as "none", "hadamard", "hadamard+v",
// "random(7)" or "random(7)+v".
func (r Rotation) String() string {
	s := r.Kind.String()
	if r.Kind == RandomRotation {
		s += fmt.Sprintf("(%d)", r.Seed)
	}
	if r.Values && r.Kind != NoRotation {
		s += "+v"
	}
	return s
}

// validate reports a problem with r for head dimension dim.
func (r Rotation) validate(dim int) error {
	switch {
	case r.Kind < 0 || r.Kind >= numRotationKinds:
		return fmt.Errorf("%w: unknown rotation kind %d", ErrConfig, int(r.Kind))
	case r.Kind == RandomRotation && dim > MaxRandomRotationDim:
		return fmt.Errorf("%w: random rotation of head dimension %d (at most %d)", ErrConfig, dim, MaxRandomRotationDim)
	}
	return nil
}

// hadamardBlock returns the largest power of two that divides dim.
func hadamardBlock(dim int) int { return dim & -dim }

// rotator applies one cache's rotation to rows of dim values. It is
// immutable once built and shared by the heads of every cache with the
// same kind, dimension (and seed).
type rotator struct {
	kind  RotationKind
	dim   int
	block int         // Hadamard block; dim for a random matrix
	m, mt lowbit.Rows // the random matrix M and Mᵀ, float32 rows
	limit float32     // the largest |input| a rotated row may hold: lowbit.MaxF16/√block
}

type rotatorKey struct {
	kind RotationKind
	dim  int
	seed uint64
}

// rotators memoizes the rotators built, so that a cache's layers and
// heads, and its clones and restored copies, share one matrix.
var rotators sync.Map // rotatorKey → *rotator

// rotatorFor returns the rotator of c's Rotation (validated), or nil for
// NoRotation.
func rotatorFor(c *Config) *rotator {
	r := c.Rotation
	if r.Kind == NoRotation {
		return nil
	}
	key := rotatorKey{kind: r.Kind, dim: c.HeadDim}
	if r.Kind == RandomRotation {
		key.seed = r.Seed
	}
	if v, ok := rotators.Load(key); ok {
		return v.(*rotator)
	}
	ro := newRotator(r.Kind, c.HeadDim, r.Seed)
	v, _ := rotators.LoadOrStore(key, ro)
	return v.(*rotator)
}

// newRotator builds the rotator of a kind for rows of dim values.
func newRotator(kind RotationKind, dim int, seed uint64) *rotator {
	ro := &rotator{kind: kind, dim: dim, block: hadamardBlock(dim)}
	if kind == RandomRotation {
		ro.block = dim
		q := randomOrthogonal(dim, seed)
		qt := make([]float32, dim*dim)
		for i := range dim {
			for j := range dim {
				qt[j*dim+i] = q[i*dim+j]
			}
		}
		ro.m, ro.mt = f32Rows(q, dim), f32Rows(qt, dim)
	}
	ro.limit = rotationLimit(ro.block)
	return ro
}

// rotationLimit returns the largest |x| a rotated row of blocks of b may
// hold so that no rotated value exceeds lowbit.MaxF16: |(Rx)_i| <= √b ·
// max|x| for an orthonormal R mixing b values (in float32, the rounding of
// the product is clamped away by the caller).
func rotationLimit(b int) float32 {
	return float32(float64(lowbit.MaxF16) / math.Sqrt(float64(b)))
}

// f32Rows returns x (dim rows of dim values) as float32 lowbit.Rows.
func f32Rows(x []float32, dim int) lowbit.Rows {
	r, err := lowbit.NewRows(lowbit.F32, dim, dim)
	if err == nil {
		err = lowbit.Quantize(r, x)
	}
	if err != nil {
		panic(fmt.Sprintf("mikv: %v", err))
	}
	return r
}

// forward replaces each row of x (a multiple of dim values) by R·row.
// tmp is scratch of len(x) values (unused by Hadamard).
func (ro *rotator) forward(x, tmp []float32) { ro.apply(x, tmp, ro.m) }

// inverse replaces each row of x by Rᵀ·row.
func (ro *rotator) inverse(x, tmp []float32) { ro.apply(x, tmp, ro.mt) }

func (ro *rotator) apply(x, tmp []float32, m lowbit.Rows) {
	if len(x) == 0 {
		return
	}
	if ro.kind == HadamardRotation {
		lowbit.Hadamard(x, ro.block) // symmetric: its own inverse
		return
	}
	lowbit.Dot(tmp[:len(x)], m, x) // tmp[j*d+i] = Σ_c m[i,c]·x[j*d+c]
	copy(x, tmp[:len(x)])
}

// randomOrthogonal returns a dim×dim orthogonal matrix, row major, fixed
// by seed and the same on every platform: the Q factor of the Householder
// QR decomposition of a matrix of uniform entries in [−1, 1) (SplitMix64,
// 53 bits each), its columns' signs set so that R has a positive
// diagonal, computed in float64 and rounded to float32. Every operation is
// an IEEE add, multiply, divide or square root, each rounded on its own
// (explicit conversions keep the compiler from fusing multiply-adds), so
// the bits do not depend on the CPU. The matrix is orthogonal up to
// float32 rounding (|QᵀQ − I| about 1e-7 per entry); it is not exactly
// Haar-distributed (that needs Gaussian entries), which does not matter
// here: any orthogonal matrix keeps q·k, and a dense one spreads every
// channel over all of them.
func randomOrthogonal(dim int, seed uint64) []float32 {
	n := dim
	a := make([]float64, n*n) // column major: a[j*n+i] is row i, column j
	s := seed
	for i := range a {
		s += 0x9E3779B97F4A7C15
		z := s
		z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		z ^= z >> 31
		a[i] = float64(z>>11)/(1<<52) - 1
	}
	// Householder: for each column k, v = x − α e_k with α = −sign(x_0)‖x‖,
	// H = I − 2vvᵀ/(vᵀv); Q = H_0 H_1 … H_{n−1}.
	vs := make([][]float64, n)
	diag := make([]float64, n)
	for k := range n {
		col := a[k*n+k : (k+1)*n]
		var norm float64
		for _, x := range col {
			norm = float64(norm + float64(x*x))
		}
		norm = math.Sqrt(norm)
		alpha := -norm
		if col[0] < 0 {
			alpha = norm
		}
		diag[k] = alpha
		v := append([]float64(nil), col...)
		v[0] = float64(v[0] - alpha)
		var vv float64
		for _, x := range v {
			vv = float64(vv + float64(x*x))
		}
		vs[k] = v
		if vv == 0 {
			continue
		}
		for j := k; j < n; j++ { // A[k:, j] = H_k A[k:, j]
			householder(a[j*n+k:(j+1)*n], v, vv)
		}
	}
	// Q = H_0 … H_{n−1} I: apply the reflections to I from the last.
	q := make([]float64, n*n) // column major
	for i := range n {
		q[i*n+i] = 1
	}
	for k := n - 1; k >= 0; k-- {
		v := vs[k]
		var vv float64
		for _, x := range v {
			vv = float64(vv + float64(x*x))
		}
		if vv == 0 {
			continue
		}
		for j := range n {
			householder(q[j*n+k:(j+1)*n], v, vv)
		}
	}
	out := make([]float32, n*n)
	for j := range n {
		sign := 1.0
		if diag[j] < 0 {
			sign = -1
		}
		for i := range n {
			out[i*n+j] = float32(sign * q[j*n+i])
		}
	}
	return out
}

// householder applies the Householder reflection I − 2vvᵀ/vv to c (c −= (2
// v·c / vv) v), every product rounded on its own (no fused multiply-add:
// the same bits on every platform).
func householder(c, v []float64, vv float64) {
	c = c[:len(v)]
	var dot float64
	for i, x := range v {
		dot = float64(dot + float64(x*c[i]))
	}
	f := float64(2*dot) / vv
	for i, x := range v {
		c[i] = float64(c[i] - float64(f*x))
	}
}
