package llama2c

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadModel reads the checkpoint LOWBIT_MODEL points to, or skips.
func loadModel(t testing.TB) *Weights {
	path := os.Getenv("LOWBIT_MODEL")
	if path == "" {
		t.Skip("LOWBIT_MODEL is not set: no checkpoint to test with")
	}
	w, err := Load(path)
	require.NoError(t, err)
	return w
}

// reference is a plain float64 llama2.c forward pass, written from the
// definition with nothing shared with the package but the weights.
type reference struct {
	w    *Weights
	k, v [][]float64 // per layer: pos × KVDim
	pos  int
}

func (r *reference) step(token int) []float64 {
	c := r.w.Config
	d, hd, kvd := c.Dim, c.HeadDim(), c.KVDim()
	if r.k == nil {
		r.k, r.v = make([][]float64, c.Layers), make([][]float64, c.Layers)
	}
	matvec := func(w []float32, x []float64) []float64 {
		n := len(x)
		y := make([]float64, len(w)/n)
		for i := range y {
			for j := 0; j < n; j++ {
				y[i] += float64(w[i*n+j]) * x[j]
			}
		}
		return y
	}
	norm := func(x []float64, w []float32) []float64 {
		var ss float64
		for _, v := range x {
			ss += v * v
		}
		inv := 1 / math.Sqrt(ss/float64(len(x))+1e-5)
		y := make([]float64, len(x))
		for i := range x {
			y[i] = float64(w[i]) * x[i] * inv
		}
		return y
	}
	rope := func(vec []float64) {
		for i := 0; i < len(vec); i += 2 {
			theta := float64(r.pos) / math.Pow(10000, float64(i%hd)/float64(hd))
			c, s := math.Cos(theta), math.Sin(theta)
			vec[i], vec[i+1] = vec[i]*c-vec[i+1]*s, vec[i]*s+vec[i+1]*c
		}
	}
	x := make([]float64, d)
	for i := range x {
		x[i] = float64(r.w.TokenEmbedding[token*d+i])
	}
	for l := 0; l < c.Layers; l++ {
		xb := norm(x, r.w.RMSAtt[l])
		q, k, v := matvec(r.w.WQ[l], xb), matvec(r.w.WK[l], xb), matvec(r.w.WV[l], xb)
		rope(q)
		rope(k)
		r.k[l] = append(r.k[l], k...)
		r.v[l] = append(r.v[l], v...)
		att := make([]float64, d)
		for h := 0; h < c.Heads; h++ {
			g := h / (c.Heads / c.KVHeads)
			scores := make([]float64, r.pos+1)
			m := math.Inf(-1)
			for t := range scores {
				for i := 0; i < hd; i++ {
					scores[t] += q[h*hd+i] * r.k[l][t*kvd+g*hd+i]
				}
				scores[t] /= math.Sqrt(float64(hd))
				m = math.Max(m, scores[t])
			}
			var sum float64
			for t := range scores {
				scores[t] = math.Exp(scores[t] - m)
				sum += scores[t]
			}
			for t := range scores {
				for i := 0; i < hd; i++ {
					att[h*hd+i] += scores[t] / sum * r.v[l][t*kvd+g*hd+i]
				}
			}
		}
		o := matvec(r.w.WO[l], att)
		for i := range x {
			x[i] += o[i]
		}
		xb = norm(x, r.w.RMSFFN[l])
		h1, h3 := matvec(r.w.W1[l], xb), matvec(r.w.W3[l], xb)
		for i := range h1 {
			h1[i] = h1[i] / (1 + math.Exp(-h1[i])) * h3[i]
		}
		o = matvec(r.w.W2[l], h1)
		for i := range x {
			x[i] += o[i]
		}
	}
	r.pos++
	return matvec(r.w.Classifier, norm(x, r.w.RMSFinal))
}

// checkAgainstReference runs tokens through an exact float32 session
// (prefilling the first prefill tokens in one call, with logits for each,
// then decoding) and returns the largest logit difference from the float64
// reference.
func checkAgainstReference(t *testing.T, w *Weights, tokens []int, prefill int, att []Attention) float64 {
	m, err := NewModel(w, lowbit.F32)
	require.NoError(t, err)
	s, err := m.NewSession(att)
	require.NoError(t, err)
	logits := make([]float32, len(tokens)*w.Vocab)
	require.NoError(t, s.Prefill(tokens[:prefill], logits[:prefill*w.Vocab]))
	for i := prefill; i < len(tokens); i++ {
		require.NoError(t, s.Decode(tokens[i], logits[i*w.Vocab:(i+1)*w.Vocab]))
	}
	assert.Equal(t, len(tokens), s.Pos())
	ref := &reference{w: w}
	worst := 0.0
	for i, tok := range tokens {
		want := ref.step(tok)
		for j, v := range want {
			worst = math.Max(worst, math.Abs(float64(logits[i*w.Vocab+j])-v))
		}
	}
	return worst
}

// TestExactPathMatchesFloat64Reference: the full-precision path (float32
// weights, exact attention) gives the reference's logits within 1e-4 at
// every position of a full-context sequence of the model's own samples
// (-short: the first 128 positions, for runs under emulation).
func TestExactPathMatchesFloat64Reference(t *testing.T) {
	w := loadModel(t)
	m, err := NewModel(w, lowbit.F32)
	require.NoError(t, err)
	n := w.SeqLen
	if testing.Short() {
		n = min(n, 128)
	}
	tokens, err := Sample(m, 1, n)
	require.NoError(t, err)
	worst := checkAgainstReference(t, w, tokens, n/5, Exact(w.Config))
	t.Logf("exact attention, %d positions: largest |logit - float64 reference| = %.2g", len(tokens), worst)
	assert.Less(t, worst, 1e-4)

	// The same through a mikv cache at full precision (Ratio 1, float32
	// tiers): the path every cache policy is compared with.
	cfg := mikv.DefaultConfig(w.Layers, w.KVHeads, w.Heads, w.HeadDim())
	cfg.Ratio = 1
	cfg.Important = mikv.Tier{Key: lowbit.F32, Value: lowbit.F32}
	cache, err := mikv.New(cfg)
	require.NoError(t, err)
	worst = checkAgainstReference(t, w, tokens, n/5, MiKV(cache))
	t.Logf("mikv at full precision, %d positions: largest |logit - float64 reference| = %.2g", len(tokens), worst)
	assert.Less(t, worst, 1e-4)
}

// TestSamplesLookLikeTheModel: the model's mean negative log-likelihood of
// its own samples is what its README says (2.6-2.9 nats per token), a
// check of the forward pass that does not rest on the reference above.
func TestSamplesLookLikeTheModel(t *testing.T) {
	w := loadModel(t)
	m, err := NewModel(w, lowbit.F32)
	require.NoError(t, err)
	var nll float64
	count := 0
	seqs, tol := uint64(2), 0.4
	if testing.Short() {
		seqs, tol = 1, 0.6
	}
	for seed := uint64(1); seed <= seqs; seed++ {
		tokens, err := Sample(m, seed, 256)
		require.NoError(t, err)
		require.Equal(t, BOS, tokens[0])
		s, err := m.NewSession(Exact(m.Config))
		require.NoError(t, err)
		logits := make([]float32, len(tokens)*w.Vocab)
		require.NoError(t, s.Prefill(tokens, logits))
		logp := make([]float64, w.Vocab)
		for i := 0; i+1 < len(tokens); i++ {
			LogSoftmax(logp, logits[i*w.Vocab:(i+1)*w.Vocab])
			nll -= logp[tokens[i+1]]
			count++
		}
	}
	nll /= float64(count)
	t.Logf("mean NLL of the model's samples: %.3f nats per token", nll)
	assert.InDelta(t, 2.75, nll, tol)
}

// TestQuantizedWeights: int8 weights stay close to float32, int4 less so.
func TestQuantizedWeights(t *testing.T) {
	w := loadModel(t)
	exact, err := NewModel(w, lowbit.F32)
	require.NoError(t, err)
	tokens, err := Sample(exact, 3, 128)
	require.NoError(t, err)
	run := func(m *Model) []float32 {
		s, err := m.NewSession(Exact(m.Config))
		require.NoError(t, err)
		logits := make([]float32, len(tokens)*w.Vocab)
		require.NoError(t, s.Prefill(tokens, logits))
		return logits
	}
	want := run(exact)
	var kls []float64
	for _, f := range []lowbit.Format{lowbit.Quant(8, 32), lowbit.Quant(4, 32)} {
		m, err := NewModel(w, f)
		require.NoError(t, err)
		kl, agree := compareLogits(want, run(m), w.Vocab)
		t.Logf("weights %s: %d bytes (float32: %d), mean KL %.4g nats, top-1 agreement %.3f", f, m.WeightBytes(), exact.WeightBytes(), kl, agree)
		assert.Less(t, m.WeightBytes(), exact.WeightBytes()*f.Bits/16)
		kls = append(kls, kl)
	}
	assert.Less(t, kls[0], 0.05, "int8 weights")
	assert.Less(t, kls[0], kls[1], "int8 beats int4")
}

// compareLogits returns the mean KL(p||q) and top-1 agreement of rows of
// logits.
func compareLogits(p, q []float32, vocab int) (kl, agree float64) {
	lp, lq := make([]float64, vocab), make([]float64, vocab)
	n := len(p) / vocab
	for i := 0; i < n; i++ {
		LogSoftmax(lp, p[i*vocab:(i+1)*vocab])
		LogSoftmax(lq, q[i*vocab:(i+1)*vocab])
		for j := range lp {
			kl += math.Exp(lp[j]) * (lp[j] - lq[j])
		}
		if Argmax(p[i*vocab:(i+1)*vocab]) == Argmax(q[i*vocab:(i+1)*vocab]) {
			agree++
		}
	}
	return kl / float64(n), agree / float64(n)
}

// syntheticCheckpoint writes a small random checkpoint: GQA, a hidden
// width that is not a multiple of 8, and a shared or separate classifier.
func syntheticCheckpoint(shared bool) []byte {
	c := Config{Dim: 16, Hidden: 20, Layers: 2, Heads: 4, KVHeads: 2, Vocab: 11, SeqLen: 24, SharedClassifier: shared}
	var b bytes.Buffer
	vocab := int32(c.Vocab)
	if !shared {
		vocab = -vocab
	}
	binary.Write(&b, binary.LittleEndian, []int32{int32(c.Dim), int32(c.Hidden), int32(c.Layers), int32(c.Heads), int32(c.KVHeads), vocab, int32(c.SeqLen)})
	rng := rand.New(rand.NewPCG(7, 7))
	n, _ := c.params()
	for range n {
		binary.Write(&b, binary.LittleEndian, float32(rng.NormFloat64()*0.5))
	}
	return b.Bytes()
}

// TestSyntheticMatchesReference runs the reference comparison on small
// random models, so that it runs without LOWBIT_MODEL too.
func TestSyntheticMatchesReference(t *testing.T) {
	for _, shared := range []bool{true, false} {
		w, err := Read(bytes.NewReader(syntheticCheckpoint(shared)))
		require.NoError(t, err)
		assert.Equal(t, shared, w.SharedClassifier)
		assert.Equal(t, 8, w.KVDim())
		rng := rand.New(rand.NewPCG(1, 2))
		tokens := []int{BOS}
		for len(tokens) < w.SeqLen {
			tokens = append(tokens, rng.IntN(w.Vocab))
		}
		for _, prefill := range []int{1, 5, w.SeqLen} {
			worst := checkAgainstReference(t, w, tokens, prefill, Exact(w.Config))
			assert.Less(t, worst, 1e-4, "shared %v, prefill %d", shared, prefill)
		}
	}
}

func TestQuantizedModelPadsColumns(t *testing.T) {
	w, err := Read(bytes.NewReader(syntheticCheckpoint(true)))
	require.NoError(t, err)
	m, err := NewModel(w, lowbit.Quant(8, 16)) // hidden 20: padded to 32 columns
	require.NoError(t, err)
	assert.Equal(t, 32, m.layers[0].w2.cols)
	exact, err := NewModel(w, lowbit.F32)
	require.NoError(t, err)
	out := func(m *Model) []float32 {
		s, err := m.NewSession(Exact(m.Config))
		require.NoError(t, err)
		logits := make([]float32, 3*w.Vocab)
		require.NoError(t, s.Prefill([]int{BOS, 4, 7}, logits))
		return logits
	}
	assert.InDeltaSlice(t, out(exact), out(m), 0.1)
}

func TestBadCheckpoints(t *testing.T) {
	good := syntheticCheckpoint(true)
	for name, b := range map[string][]byte{
		"empty":     nil,
		"header":    good[:20],
		"truncated": good[:len(good)-4],
		"zero dim":  append([]byte{0, 0, 0, 0}, good[4:]...),
		"odd heads": append(append([]byte{}, good[:12]...), append([]byte{3, 0, 0, 0}, good[16:]...)...),
	} {
		_, err := Read(bytes.NewReader(b))
		assert.ErrorIs(t, err, ErrCheckpoint, name)
	}
	nan := append([]byte{}, good...)
	binary.LittleEndian.PutUint32(nan[28+8:], math.Float32bits(float32(math.NaN())))
	_, err := Read(bytes.NewReader(nan))
	assert.ErrorIs(t, err, ErrCheckpoint)
}

// exactSession returns an empty session of the float32 model of w through
// exact attention.
func exactSession(t *testing.T, w *Weights) *Session {
	m, err := NewModel(w, lowbit.F32)
	require.NoError(t, err)
	s, err := m.NewSession(Exact(m.Config))
	require.NoError(t, err)
	return s
}

// syntheticWeights reads syntheticCheckpoint(true).
func syntheticWeights(t *testing.T) *Weights {
	w, err := Read(bytes.NewReader(syntheticCheckpoint(true)))
	require.NoError(t, err)
	return w
}

func TestSessionErrors(t *testing.T) {
	w := syntheticWeights(t)
	s := exactSession(t, w)
	assert.Error(t, s.Prefill(nil, nil))
	assert.Error(t, s.Decode(w.Vocab, nil))
	assert.Error(t, s.Decode(-1, nil))
	assert.Error(t, s.Decode(BOS, make([]float32, 3)))
	assert.Error(t, s.Prefill(make([]int, w.SeqLen+1), nil))
	assert.Equal(t, 0, s.Pos(), "rejected calls change nothing")
	require.NoError(t, s.Decode(BOS, nil))
	assert.Equal(t, 1, s.Pos())
}
