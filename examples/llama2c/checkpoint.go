package llama2c

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// Config is the header of a llama2.c checkpoint.
type Config struct {
	Dim     int // model width
	Hidden  int // feed-forward width
	Layers  int
	Heads   int // query heads
	KVHeads int // key/value heads (GQA when fewer than Heads)
	Vocab   int
	SeqLen  int // the context the model was trained for
	// SharedClassifier: the output classifier is the token embedding (a
	// positive vocabulary size in the header).
	SharedClassifier bool
}

// HeadDim returns the dimension of one attention head.
func (c Config) HeadDim() int { return c.Dim / c.Heads }

// KVDim returns the width of the keys (and values) of one token: KVHeads ×
// HeadDim.
func (c Config) KVDim() int { return c.KVHeads * c.HeadDim() }

// ErrCheckpoint is wrapped by every error about a malformed checkpoint.
var ErrCheckpoint = errors.New("llama2c: bad checkpoint")

// maxParams bounds the parameters Read accepts, so that a corrupt header
// cannot ask for an absurd allocation.
const maxParams = 1 << 31

// validate checks that the header describes a model the forward pass can
// run.
func (c Config) validate() error {
	switch {
	case c.Dim <= 0 || c.Hidden <= 0 || c.Layers <= 0 || c.Heads <= 0 || c.KVHeads <= 0 || c.Vocab <= 0 || c.SeqLen <= 0:
		return fmt.Errorf("%w: header %+v has a non-positive field", ErrCheckpoint, c)
	case c.Dim%c.Heads != 0:
		return fmt.Errorf("%w: dim %d is not a multiple of %d heads", ErrCheckpoint, c.Dim, c.Heads)
	case c.Heads%c.KVHeads != 0:
		return fmt.Errorf("%w: %d heads are not a multiple of %d KV heads", ErrCheckpoint, c.Heads, c.KVHeads)
	case c.HeadDim()%2 != 0:
		return fmt.Errorf("%w: head dimension %d is odd (RoPE rotates pairs)", ErrCheckpoint, c.HeadDim())
	case c.params() > maxParams:
		return fmt.Errorf("%w: header %+v asks for %d parameters", ErrCheckpoint, c, c.params())
	}
	return nil
}

// params returns the number of float32 values after the header.
func (c Config) params() int64 {
	d, h, l, kv := int64(c.Dim), int64(c.Hidden), int64(c.Layers), int64(c.KVDim())
	n := int64(c.Vocab)*d + // token embedding
		l*d + // rms_att
		l*d*d + 2*l*d*kv + l*d*d + // wq, wk, wv, wo
		l*d + // rms_ffn
		3*l*d*h + // w1, w2, w3
		d + // rms_final
		int64(c.SeqLen)*int64(c.HeadDim()) // freq_cis_real and _imag, unused
	if !c.SharedClassifier {
		n += int64(c.Vocab) * d
	}
	return n
}

// Weights are a checkpoint's parameters in float32, each matrix row-major
// with one row per output (y = W·x reads row i for y[i]).
type Weights struct {
	Config
	TokenEmbedding []float32   // Vocab × Dim
	RMSAtt         [][]float32 // per layer: Dim
	WQ, WK, WV, WO [][]float32 // per layer: Dim×Dim, KVDim×Dim, KVDim×Dim, Dim×Dim
	RMSFFN         [][]float32 // per layer: Dim
	W1, W2, W3     [][]float32 // per layer: Hidden×Dim, Dim×Hidden, Hidden×Dim
	RMSFinal       []float32   // Dim
	Classifier     []float32   // Vocab × Dim (the token embedding when shared)
}

// Load reads a checkpoint file; see Read.
func Load(path string) (*Weights, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	w, err := Read(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if want := 7*4 + 4*w.params(); st.Size() != want {
		return nil, fmt.Errorf("%s: %w: %d bytes, the header %+v implies %d", path, ErrCheckpoint, st.Size(), w.Config, want)
	}
	return w, nil
}

// Read reads a checkpoint in the legacy llama2.c format: seven
// little-endian int32 (dim, hidden_dim, n_layers, n_heads, n_kv_heads,
// vocab_size, seq_len; a negative vocab_size means the classifier is stored
// after the other weights rather than shared with the token embedding),
// then float32 weights in the order token_embedding, rms_att, wq, wk, wv,
// wo, rms_ffn, w1, w2, w3, rms_final, freq_cis_real, freq_cis_imag
// (skipped: RoPE is computed on the fly), and the classifier if not shared.
// NaN or ±Inf weights are an error.
func Read(r io.Reader) (*Weights, error) {
	var h [7]int32
	if err := binary.Read(r, binary.LittleEndian, &h); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrCheckpoint, err)
	}
	c := Config{Dim: int(h[0]), Hidden: int(h[1]), Layers: int(h[2]), Heads: int(h[3]), KVHeads: int(h[4]), Vocab: int(h[5]), SeqLen: int(h[6])}
	c.SharedClassifier = c.Vocab > 0
	if c.Vocab < 0 {
		c.Vocab = -c.Vocab
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	rd := &floatReader{r: r}
	w := &Weights{Config: c}
	d, kv, hid, l := c.Dim, c.KVDim(), c.Hidden, c.Layers
	w.TokenEmbedding = rd.read(c.Vocab * d)
	w.RMSAtt = rd.perLayer(l, d)
	w.WQ = rd.perLayer(l, d*d)
	w.WK = rd.perLayer(l, kv*d)
	w.WV = rd.perLayer(l, kv*d)
	w.WO = rd.perLayer(l, d*d)
	w.RMSFFN = rd.perLayer(l, d)
	w.W1 = rd.perLayer(l, hid*d)
	w.W2 = rd.perLayer(l, d*hid)
	w.W3 = rd.perLayer(l, hid*d)
	w.RMSFinal = rd.read(d)
	rd.read(c.SeqLen * c.HeadDim()) // freq_cis_real and freq_cis_imag
	if c.SharedClassifier {
		w.Classifier = w.TokenEmbedding
	} else {
		w.Classifier = rd.read(c.Vocab * d)
	}
	if rd.err != nil {
		return nil, fmt.Errorf("%w: weights: %v", ErrCheckpoint, rd.err)
	}
	return w, nil
}

// floatReader reads little-endian float32 arrays and keeps the first error.
type floatReader struct {
	r   io.Reader
	err error
	off int64 // values read so far
	buf []byte
}

func (fr *floatReader) read(n int) []float32 {
	if fr.err != nil {
		return nil
	}
	if cap(fr.buf) < 4*n {
		fr.buf = make([]byte, 4*n)
	}
	b := fr.buf[:4*n]
	if _, err := io.ReadFull(fr.r, b); err != nil {
		fr.err = fmt.Errorf("after %d values: %w", fr.off, err)
		return nil
	}
	x := make([]float32, n)
	for i := range x {
		x[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		if math.IsNaN(float64(x[i])) || math.IsInf(float64(x[i]), 0) {
			fr.err = fmt.Errorf("value %d is %v", fr.off+int64(i), x[i])
			return nil
		}
	}
	fr.off += int64(n)
	return x
}

func (fr *floatReader) perLayer(layers, n int) [][]float32 {
	out := make([][]float32, layers)
	for l := range out {
		out[l] = fr.read(n)
	}
	return out
}
