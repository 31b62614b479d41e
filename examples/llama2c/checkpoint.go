package llama2c

import (
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

// Limits of the headers Read accepts, so that a corrupt or hostile header
// cannot ask for an absurd allocation.
const (
	maxParams = 1 << 31 // float32 values after the header (8 GiB)
	maxLayers = 1 << 12 // layers: their bookkeeping is part of ReadSlack
)

// headerBytes is the size of a checkpoint's header: seven int32.
const headerBytes = 7 * 4

// ReadSlack bounds what Load and Read allocate beyond the weights they
// return: Load allocates at most the file's size plus ReadSlack bytes, and
// Read at most twice the bytes it reads plus ReadSlack (it cannot know the
// input's size, so it allocates each large matrix in pieces as its bytes
// arrive and joins them at the end). A header that fails validation, or a
// file whose size does not match its header, costs no allocation beyond
// the error. The slack covers the read buffer (at most 512 KiB allocated
// while it grows to 256 KiB), per-layer bookkeeping (at most 4096 layers)
// and the list of pieces.
const ReadSlack = 4 << 20

// readChunk is the most bytes read in one call, and the size of the
// pieces Read allocates a matrix in when it cannot know the input's size.
const readChunk = 256 << 10

// validate checks that the header describes a model the forward pass can
// run, within maxParams and maxLayers.
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
	case c.Layers > maxLayers:
		return fmt.Errorf("%w: header %+v has more than %d layers", ErrCheckpoint, c, maxLayers)
	}
	if _, ok := c.params(); !ok {
		return fmt.Errorf("%w: header %+v asks for more than %d parameters", ErrCheckpoint, c, int64(maxParams))
	}
	return nil
}

// params returns the number of float32 values after the header, and false
// if they exceed maxParams. Every product is checked before it is formed,
// so no header overflows the count.
func (c Config) params() (int64, bool) {
	d, h, l, kv := int64(c.Dim), int64(c.Hidden), int64(c.Layers), int64(c.KVDim())
	var n int64
	ok := true
	add := func(factors ...int64) {
		p := int64(1)
		for _, f := range factors {
			if f < 0 || f > 0 && p > maxParams/f {
				ok = false
				return
			}
			p *= f
		}
		if n += p; n > maxParams {
			ok = false
		}
	}
	add(int64(c.Vocab), d)                   // token embedding
	add(l, d)                                // rms_att
	add(2, l, d, d)                          // wq, wo
	add(2, l, d, kv)                         // wk, wv
	add(l, d)                                // rms_ffn
	add(3, l, d, h)                          // w1, w2, w3
	add(d)                                   // rms_final
	add(int64(c.SeqLen), int64(c.HeadDim())) // freq_cis_real and _imag, unused
	if !c.SharedClassifier {
		add(int64(c.Vocab), d)
	}
	if !ok {
		return 0, false
	}
	return n, true
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

// Load reads a checkpoint file; see Read. It reads and validates the
// header, and checks that the file's size is what the header implies,
// before it allocates anything for the weights: it allocates at most the
// file's size plus ReadSlack bytes.
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
	c, err := readHeader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	n, _ := c.params()
	if want := headerBytes + 4*n; st.Size() != want {
		return nil, fmt.Errorf("%s: %w: %d bytes, the header %+v implies %d", path, ErrCheckpoint, st.Size(), c, want)
	}
	w, err := readWeights(f, c, true)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
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
// NaN or ±Inf weights are an error, and so is a header beyond 2^31
// parameters or 4096 layers. Read allocates at most twice the bytes it
// reads plus ReadSlack (see ReadSlack); Load, which knows the file's size,
// needs less.
func Read(r io.Reader) (*Weights, error) {
	c, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	return readWeights(r, c, false)
}

// readHeader reads and validates a checkpoint's header.
func readHeader(r io.Reader) (Config, error) {
	var b [headerBytes]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return Config{}, fmt.Errorf("%w: header: %v", ErrCheckpoint, err)
	}
	var h [7]int32
	for i := range h {
		h[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	c := Config{Dim: int(h[0]), Hidden: int(h[1]), Layers: int(h[2]), Heads: int(h[3]), KVHeads: int(h[4]), Vocab: int(h[5]), SeqLen: int(h[6])}
	c.SharedClassifier = c.Vocab > 0
	if c.Vocab < 0 {
		c.Vocab = -c.Vocab
	}
	if err := c.validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// readWeights reads the weights of a validated header c. sized says that
// the input is known to hold them all (Load checked the file's size), so
// each matrix is allocated at once; otherwise in pieces as its bytes
// arrive.
func readWeights(r io.Reader, c Config, sized bool) (*Weights, error) {
	rd := &floatReader{r: r, sized: sized}
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
	rd.skip(c.SeqLen * c.HeadDim()) // freq_cis_real and freq_cis_imag
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

// floatReader reads little-endian float32 arrays and keeps the first
// error. It reads through one buffer of at most readChunk bytes.
type floatReader struct {
	r     io.Reader
	sized bool // the input holds every value asked for: allocate each array at once
	err   error
	off   int64 // values read so far
	buf   []byte
}

// read returns the next n values, or nil after an error.
func (fr *floatReader) read(n int) []float32 {
	if fr.err != nil {
		return nil
	}
	if fr.sized || 4*n <= readChunk {
		x := make([]float32, n)
		if !fr.fill(x) {
			return nil
		}
		return x
	}
	// Pieces of readChunk bytes, each allocated once its bytes are there
	// to fill it, then joined: at most twice the bytes read.
	var pieces [][]float32
	for left := n; left > 0; {
		p := make([]float32, min(left, readChunk/4))
		if !fr.fill(p) {
			return nil
		}
		pieces = append(pieces, p)
		left -= len(p)
	}
	x := make([]float32, 0, n)
	for _, p := range pieces {
		x = append(x, p...)
	}
	return x
}

// fill reads len(x) values into x and reports whether it could.
func (fr *floatReader) fill(x []float32) bool {
	for len(x) > 0 {
		k := min(len(x), readChunk/4)
		b := fr.buffer(4 * k)
		if _, err := io.ReadFull(fr.r, b); err != nil {
			fr.err = fmt.Errorf("after %d values: %w", fr.off, err)
			return false
		}
		for i := range k {
			v := math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				fr.err = fmt.Errorf("value %d is %v", fr.off+int64(i), v)
				return false
			}
			x[i] = v
		}
		fr.off += int64(k)
		x = x[k:]
	}
	return true
}

// skip reads and drops n values.
func (fr *floatReader) skip(n int) {
	for n > 0 && fr.err == nil {
		k := min(n, readChunk/4)
		if _, err := io.ReadFull(fr.r, fr.buffer(4*k)); err != nil {
			fr.err = fmt.Errorf("after %d values: %w", fr.off, err)
			return
		}
		fr.off += int64(k)
		n -= k
	}
}

// buffer returns n bytes of the read buffer (n ≤ readChunk), growing it
// to at most readChunk bytes.
func (fr *floatReader) buffer(n int) []byte {
	if cap(fr.buf) < n {
		fr.buf = make([]byte, min(readChunk, max(n, 2*cap(fr.buf))))
	}
	return fr.buf[:n]
}

// perLayer reads layers arrays of n values.
func (fr *floatReader) perLayer(layers, n int) [][]float32 {
	out := make([][]float32, layers)
	for l := range out {
		out[l] = fr.read(n)
	}
	return out
}
