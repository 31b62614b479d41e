package llama2c

import (
	"fmt"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/tensor"
)

// Model is a checkpoint ready to run: its matrices in one lowbit format
// (float32 for the exact path, or 8-/4-bit codes), with the query, key and
// value projections fused into one matrix, and the two gate projections of
// the feed-forward block into another, so that each is one kernel call.
// A Model is read-only once built: any number of Sessions, in any number of
// goroutines, can share it.
type Model struct {
	Config
	format     lowbit.Format
	embedding  []float32 // Vocab × Dim, float32 for the token lookup
	layers     []layer
	rmsFinal   []float32
	classifier *linear
}

type layer struct {
	rmsAtt, rmsFFN []float32
	qkv            *linear // (Dim + 2·KVDim) × Dim: WQ, WK, WV
	wo             *linear // Dim × Dim
	w13            *linear // 2·Hidden × Dim: W1, W3
	w2             *linear // Dim × Hidden
}

// NewModel builds a model from checkpoint weights with every matrix stored
// in format f: lowbit.F32 for the exact path, lowbit.F16, or codes such as
// lowbit.Quant(8, 32) or lowbit.SymQuant(4, 32). A matrix whose input width
// is not a multiple of f's group gets zero columns appended (and its input
// zeros), which leaves the product unchanged.
//
// The weights must match their Config (as Load and Read return them): nil
// weights, a missing matrix or one of the wrong size is an error wrapping
// ErrCheckpoint.
func NewModel(w *Weights, f lowbit.Format) (*Model, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if err := w.check(); err != nil {
		return nil, err
	}
	c := w.Config
	m := &Model{Config: c, format: f, embedding: w.TokenEmbedding, rmsFinal: w.RMSFinal}
	var err error
	if m.classifier, err = newLinear(f, c.Dim, w.Classifier); err != nil {
		return nil, fmt.Errorf("llama2c: classifier: %w", err)
	}
	for l := 0; l < c.Layers; l++ {
		ly := layer{rmsAtt: w.RMSAtt[l], rmsFFN: w.RMSFFN[l]}
		if ly.qkv, err = newLinear(f, c.Dim, w.WQ[l], w.WK[l], w.WV[l]); err == nil {
			if ly.wo, err = newLinear(f, c.Dim, w.WO[l]); err == nil {
				if ly.w13, err = newLinear(f, c.Dim, w.W1[l], w.W3[l]); err == nil {
					ly.w2, err = newLinear(f, c.Hidden, w.W2[l])
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("llama2c: layer %d: %w", l, err)
		}
		m.layers = append(m.layers, ly)
	}
	return m, nil
}

// check reports whether w holds every matrix its Config implies, each of
// the right size.
func (w *Weights) check() error {
	if w == nil {
		return fmt.Errorf("%w: no weights (nil)", ErrCheckpoint)
	}
	c := w.Config
	if err := c.validate(); err != nil {
		return err
	}
	d, kv, hid, l := c.Dim, c.KVDim(), c.Hidden, c.Layers
	one := func(name string, x []float32, n int) error {
		if len(x) != n {
			return fmt.Errorf("%w: %s holds %d values, want %d", ErrCheckpoint, name, len(x), n)
		}
		return nil
	}
	perLayer := func(name string, xs [][]float32, n int) error {
		if len(xs) != l {
			return fmt.Errorf("%w: %s holds %d matrices, want one per layer (%d)", ErrCheckpoint, name, len(xs), l)
		}
		for i, x := range xs {
			if err := one(fmt.Sprintf("%s[%d]", name, i), x, n); err != nil {
				return err
			}
		}
		return nil
	}
	for _, err := range []error{
		one("TokenEmbedding", w.TokenEmbedding, c.Vocab*d),
		perLayer("RMSAtt", w.RMSAtt, d),
		perLayer("WQ", w.WQ, d*d),
		perLayer("WK", w.WK, kv*d),
		perLayer("WV", w.WV, kv*d),
		perLayer("WO", w.WO, d*d),
		perLayer("RMSFFN", w.RMSFFN, d),
		perLayer("W1", w.W1, hid*d),
		perLayer("W2", w.W2, d*hid),
		perLayer("W3", w.W3, hid*d),
		one("RMSFinal", w.RMSFinal, d),
		one("Classifier", w.Classifier, c.Vocab*d),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// Format returns the format of the model's matrices.
func (m *Model) Format() lowbit.Format { return m.format }

// WeightBytes returns the bytes of the model's matrices (codes, scales and
// mins; the float32 embedding table and norms are not counted).
func (m *Model) WeightBytes() int {
	n := m.classifier.m.Bytes().Total()
	for _, ly := range m.layers {
		for _, l := range []*linear{ly.qkv, ly.wo, ly.w13, ly.w2} {
			n += l.m.Bytes().Total()
		}
	}
	return n
}

// linear is y = W·x for a matrix W stored in a tensor.Matrix, whose columns
// may be padded with zeros to a whole number of groups.
type linear struct {
	m       *tensor.Matrix
	in, out int // input width and rows
	cols    int // the matrix's columns: in rounded up to the format's group
}

// newLinear stacks the row-major matrices parts (each with in columns) and
// stores them in format f.
func newLinear(f lowbit.Format, in int, parts ...[]float32) (*linear, error) {
	cols := in
	if f.Quantized() {
		cols = (in + f.Group - 1) / f.Group * f.Group
	}
	var all []float32
	for _, p := range parts {
		if len(p)%in != 0 {
			return nil, fmt.Errorf("a matrix of %d values is not a whole number of rows of %d", len(p), in)
		}
		for r := 0; r < len(p)/in; r++ {
			all = append(all, p[r*in:(r+1)*in]...)
			for range cols - in {
				all = append(all, 0)
			}
		}
	}
	m, err := tensor.FromFloat32(f, cols, all)
	if err != nil {
		return nil, err
	}
	return &linear{m: m, in: in, out: m.Rows(), cols: cols}, nil
}

// apply sets y (n × out) = W·x for the n input rows x (n × in). pad is
// scratch of at least n × cols values, used when the columns are padded.
func (l *linear) apply(y, x []float32, n int, pad []float32) {
	if l.cols != l.in {
		p := pad[:n*l.cols]
		clear(p)
		for t := 0; t < n; t++ {
			copy(p[t*l.cols:], x[t*l.in:(t+1)*l.in])
		}
		x = p
	}
	if err := l.m.MatVec(y[:n*l.out], x[:n*l.cols]); err != nil {
		panic(err) // the session sizes every buffer: a mismatch is a bug here
	}
}
