package lowbit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// attnCase is one prompt for the attention tests: its parameters, queries
// (token stride p.Stride, or Group×Dim), keys and values.
type attnCase struct {
	p       AttentionParams
	q, k, v []float32
	want    []attnWant // the reference of every row (token, then head), once computed
}

func (c *attnCase) stride() int {
	if c.p.Stride != 0 {
		return c.p.Stride
	}
	return c.p.Group * c.p.Dim
}

func (c *attnCase) scale() float64 {
	if c.p.Scale != 0 {
		return float64(c.p.Scale)
	}
	return float64(float32(1 / math.Sqrt(float64(c.p.Dim))))
}

// newAttnCase draws a prompt: unit-normal keys and values with outliers
// (randomValues), and queries spread so that the softmax ranges from flat
// to peaked.
func newAttnCase(rng *rand.Rand, p AttentionParams) *attnCase {
	c := &attnCase{p: p}
	n, d := p.Len, p.Dim
	c.q = randomValues(rng, (n-1)*c.stride()+p.Group*d)
	for i := range c.q {
		c.q[i] *= 2
	}
	c.k, c.v = randomValues(rng, n*d), randomValues(rng, n*d)
	return c
}

// attnWant is the float64 reference of one query row, and what the
// tolerances need.
type attnWant struct {
	out      []float64 // Dim
	mag      []float64 // Σ_k p_k |v_k[c]|
	p        []float64 // per key (0 outside the row's view)
	keys     int       // the keys the row sees
	scoreErr float64   // a bound on the error of the float32 scores
	maxV     float64   // max |v| over the keys the row sees
}

// reference returns the exact attention of query row (t, h): the scores
// from the float32 scaled query as the kernels form it, in float64; the
// soft cap, softmax (with the sink) and output in float64.
func (c *attnCase) reference(t, h int) attnWant {
	p := c.p
	d := p.Dim
	scale := float32(c.scale())
	qr := c.q[t*c.stride()+h*d:][:d]
	lo := 0
	if p.Window > 0 {
		lo = max(0, t-p.Window+1)
	}
	w := attnWant{out: make([]float64, d), mag: make([]float64, d), p: make([]float64, p.Len), keys: t + 1 - lo}
	s := make([]float64, t+1)
	mx := math.Inf(-1)
	for k := lo; k <= t; k++ {
		var dot, abs float64
		for ch := range d {
			x := float64(qr[ch] * scale)
			dot += x * float64(c.k[k*d+ch])
			abs += math.Abs(x * float64(c.k[k*d+ch]))
		}
		w.scoreErr = max(w.scoreErr, float64(d+2)*0x1p-24*abs)
		if cp := float64(p.SoftCap); cp > 0 {
			dot = cp * math.Tanh(dot/cp)
		}
		s[k] = dot
		mx = max(mx, dot)
	}
	if p.SoftCap > 0 {
		w.scoreErr += 8 * 0x1p-24 * float64(p.SoftCap)
	}
	var sink float64
	if p.Sinks != nil {
		mx = max(mx, float64(p.Sinks[h]))
		sink = math.Exp(float64(p.Sinks[h]) - mx)
	}
	sum := sink
	for k := lo; k <= t; k++ {
		sum += math.Exp(s[k] - mx)
	}
	for k := lo; k <= t; k++ {
		pk := math.Exp(s[k]-mx) / sum
		w.p[k] = pk
		for ch := range d {
			v := float64(c.v[k*d+ch])
			w.out[ch] += pk * v
			w.mag[ch] += pk * math.Abs(v)
			w.maxV = max(w.maxV, math.Abs(v))
		}
	}
	return w
}

// relTol returns the relative error allowed on a probability of a row:
// the scores' error, twice (numerator and sum), and float32 roundings:
// exp32, the sum over the keys, the rescalings and the products.
func (w attnWant) relTol(extra int) float64 {
	return 2*w.scoreErr + float64(w.keys+extra+30)*0x1p-24
}

// underflow is the absolute error that exp32's flush of results below
// 2^-126 to zero (and subnormal products) may cause in a sum of the row's
// probabilities times values of magnitude up to scale.
func (w attnWant) underflow(scale float64) float64 {
	return float64(w.keys+4) * 0x1p-125 * scale
}

// check runs im's attention on c over the token ranges of splits (the
// calls [splits[i], splits[i+1])) and requires every output within the
// float64 reference's tolerance, the importance sums too, and maxAbsQ and
// maxAbsK exact. It returns the outputs.
func (c *attnCase) check(t *testing.T, im *Implementation, splits []int) []float32 {
	t.Helper()
	p := c.p
	n, d, g := p.Len, p.Dim, p.Group
	a, err := NewAttentionKV(p)
	require.NoError(t, err)
	maxK := make([]float32, d)
	a.Set(c.k, c.v, maxK)
	out := make([]float32, len(c.q))
	cs := make([]float32, n)
	maxQ := make([]float32, d)
	s := a.NewScratch()
	for i := 0; i+1 < len(splits); i++ {
		im.Attention(a, s, out, c.q, splits[i], splits[i+1], cs, maxQ)
	}

	wantQ, wantK := make([]float32, d), make([]float32, d)
	for tk := range n {
		maxAbsFold(wantK, c.k[tk*d:(tk+1)*d])
		for h := range g {
			maxAbsFold(wantQ, c.q[tk*c.stride()+h*d:][:d])
		}
	}
	require.Equal(t, wantK, maxK, "maxAbsK")
	require.Equal(t, wantQ, maxQ, "maxAbsQ")

	imp, impTol := make([]float64, n), make([]float64, n)
	rows := g * min(n, a.BlockTokens())
	if c.want == nil {
		for tk := range n {
			for h := range g {
				c.want = append(c.want, c.reference(tk, h))
			}
		}
	}
	for tk := range n {
		for h := range g {
			w := c.want[tk*g+h]
			tol := w.relTol(0)
			for ch := range d {
				got := float64(out[tk*c.stride()+h*d+ch])
				if lim := tol*w.mag[ch] + w.underflow(w.maxV); !(math.Abs(got-w.out[ch]) <= lim) {
					require.InDelta(t, w.out[ch], got, lim, "%s: token %d head %d channel %d (score error %.3g)", im, tk, h, ch, w.scoreErr)
				}
			}
			for k, pk := range w.p {
				imp[k] += pk
				impTol[k] += pk*w.relTol(rows) + w.underflow(1)
			}
		}
	}
	for k := range n {
		if lim := impTol[k]; !(math.Abs(float64(cs[k])-imp[k]) <= lim) {
			require.InDelta(t, imp[k], cs[k], lim, "%s: importance of key %d", im, k)
		}
	}
	return out
}

// attnParams lists the shapes and variants the tests run: head dimensions
// around the strips of 16 and the vector widths, groups that do and do not
// fill passes of 6 rows, prompts shorter and longer than a tile of 64 keys
// and a block, windows, soft caps, sinks and a stride wider than a group.
//
// With -short (as under emulation) it lists fewer shapes.
func attnParams() []AttentionParams {
	var ps []AttentionParams
	dims, groups, lens := []int{1, 8, 16, 17, 40, 64, 128}, []int{1, 3, 4}, []int{1, 5, 64, 97, 300}
	if testing.Short() {
		dims, groups, lens = []int{1, 17, 64}, []int{1, 4}, []int{5, 97}
	}
	for _, d := range dims {
		for _, g := range groups {
			for _, n := range lens {
				ps = append(ps, AttentionParams{Len: n, Dim: d, Group: g})
			}
		}
	}
	sinks := []float32{0.5, -1, 3, 2}
	for _, v := range []AttentionParams{
		{Window: 1}, {Window: 7}, {Window: 100}, {SoftCap: 5}, {SoftCap: 30},
		{Sinks: sinks}, {Scale: 0.5}, {Stride: 4*64 + 24},
		{Window: 50, SoftCap: 20, Sinks: sinks, Stride: 4*64 + 8},
	} {
		for _, n := range []int{70, 301} {
			if n > 100 && testing.Short() {
				continue
			}
			v.Len, v.Dim, v.Group = n, 64, 4
			ps = append(ps, v)
		}
	}
	return ps
}

// attnName names a case.
func attnName(p AttentionParams) string {
	return fmt.Sprintf("n%d-d%d-g%d-s%d-w%d-cap%g-sinks%v-scale%g", p.Len, p.Dim, p.Group, p.Stride, p.Window, p.SoftCap, p.Sinks != nil, p.Scale)
}

// TestAttention compares every implementation's attention with the float64
// reference, in one call over the prompt and in uneven calls, and requires
// the outputs of the two to be the same bits (a row's output does not
// depend on the block it was computed in).
func TestAttention(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, p := range attnParams() {
		c := newAttnCase(rng, p)
		forEachImpl(t, func(t *testing.T, im *Implementation) {
			whole := c.check(t, im, []int{0, p.Len})
			cuts := []int{0}
			for cut := 1; cut < p.Len; cut += 1 + cut*2 {
				cuts = append(cuts, cut)
			}
			split := c.check(t, im, append(cuts, p.Len))
			for i := range whole {
				if whole[i] != split[i] {
					t.Fatalf("%s %s: outputs depend on the split: out[%d] = %v in one call, %v in calls %v", im, attnName(p), i, whole[i], split[i], cuts)
				}
			}
		})
	}
}

// TestAttentionLongRows runs a prompt long enough for blocks smaller than
// attnBlockTokens, with rows that peak sharply late (the running max grows
// tile after tile, so every rescaling runs).
func TestAttentionLongRows(t *testing.T) {
	if testing.Short() {
		t.Skip("long prompt")
	}
	rng := rand.New(rand.NewPCG(33, 34))
	p := AttentionParams{Len: 1500, Dim: 32, Group: 2}
	c := newAttnCase(rng, p)
	for tk := range p.Len {
		for ch := range p.Dim {
			c.k[tk*p.Dim+ch] *= float32(1 + 3*tk/p.Len)
		}
	}
	a, err := NewAttentionKV(p)
	require.NoError(t, err)
	forEachImpl(t, func(t *testing.T, im *Implementation) {
		c.check(t, im, []int{0, 700, p.Len})
	})
	assert.Less(t, a.BlockTokens(), attnBlockTokens+1)
}

// TestAttentionBlock checks the block sizes: whole passes of rows, within
// the scratch budget, never more tokens than the prompt rounded to a pass.
func TestAttentionBlock(t *testing.T) {
	for _, n := range []int{1, 5, 64, 1000, 1 << 15, 1 << 20} {
		for _, g := range []int{1, 2, 3, 4, 5, 6, 8, 16} {
			b := attnBlock(n, g)
			assert.Zero(t, b*g%attnRows, "n %d g %d: block %d", n, g, b)
			assert.LessOrEqual(t, b, max(attnBlockTokens, attnRows))
			assert.LessOrEqual(t, b, roundUp(n, attnRows))
			if unit := attnRows / gcd(g, attnRows); b > unit {
				assert.LessOrEqual(t, b*g*attnPStride(n), attnBlockValues, "n %d g %d", n, g)
			}
		}
	}
}

// TestAttentionMisuse: bad parameters are errors, bad calls panic with a
// message and write nothing.
func TestAttentionMisuse(t *testing.T) {
	for _, p := range []AttentionParams{
		{Len: 0, Dim: 8, Group: 1}, {Len: 4, Dim: 0, Group: 1}, {Len: 4, Dim: 8, Group: 0},
		{Len: 4, Dim: 8, Group: 2, Stride: 15}, {Len: 4, Dim: 8, Group: 1, Window: -1},
		{Len: 4, Dim: 8, Group: 1, Scale: float32(math.NaN())}, {Len: 4, Dim: 8, Group: 1, SoftCap: -1},
		{Len: 4, Dim: 8, Group: 2, Sinks: []float32{1}}, {Len: 4, Dim: 8, Group: 1, Sinks: []float32{float32(math.Inf(1))}},
		{Len: 1 << 40, Dim: 1 << 10, Group: 1},
	} {
		_, err := NewAttentionKV(p)
		assert.Error(t, err, "%+v", p)
	}
	p := AttentionParams{Len: 10, Dim: 8, Group: 2}
	a, err := NewAttentionKV(p)
	require.NoError(t, err)
	other, err := NewAttentionKV(p)
	require.NoError(t, err)
	q, out := make([]float32, 10*16), make([]float32, 10*16)
	s := a.NewScratch()
	assert.PanicsWithValue(t, "lowbit: Attention before AttentionKV.Set", func() { Attention(a, s, out, q, 0, 10, nil, nil) })
	kv := make([]float32, 80)
	assert.Panics(t, func() { a.Set(kv[1:], kv, nil) })
	assert.Panics(t, func() { a.Set(kv, kv, make([]float32, 7)) })
	a.Set(kv, kv, nil)
	for _, call := range []func(){
		func() { Attention(a, other.NewScratch(), out, q, 0, 10, nil, nil) },
		func() { Attention(a, s, out, q, 3, 2, nil, nil) },
		func() { Attention(a, s, out, q, 0, 11, nil, nil) },
		func() { Attention(a, s, out[:159], q, 0, 10, nil, nil) },
		func() { Attention(a, s, out, q[:150], 5, 10, nil, nil) },
		func() { Attention(a, s, out, q, 0, 10, make([]float32, 9), nil) },
		func() { Attention(a, s, out, q, 0, 10, nil, make([]float32, 9)) },
	} {
		assert.Panics(t, call)
		assert.Equal(t, make([]float32, 160), out, "a refused call wrote its output")
	}
	Attention(a, s, out, q, 4, 4, nil, nil) // no tokens: nothing to do
}
