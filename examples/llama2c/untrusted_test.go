package llama2c

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocated returns the bytes fn allocates (runtime.MemStats.TotalAlloc).
func allocated(fn func()) int64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}

// header returns a checkpoint header: dim, hidden, layers, heads, KV
// heads, vocab (negative: separate classifier), context.
func header(h ...int32) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, h)
	return b.Bytes()
}

// writeFile writes b to a new file and returns its path.
func writeFile(t *testing.T, b []byte) string {
	path := filepath.Join(t.TempDir(), "model.bin")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	return path
}

// smallAlloc bounds what a rejected header may cost: the error and the
// file's bookkeeping, nothing for the weights.
const smallAlloc = 64 << 10

// TestHeadersThatOverflow: 28-byte files whose parameter count overflows
// int64 (dim 2147483646, heads = KV heads = 1073741823, head dimension
// 2): with vocab 1 Load used to allocate 8 GiB before failing, with vocab
// 8 the process died (fatal error: out of memory). Now the header is an
// error, and neither Load nor Read allocates for weights.
func TestHeadersThatOverflow(t *testing.T) {
	for _, vocab := range []int32{1, 8, -8} {
		b := header(2147483646, 1, 1, 1073741823, 1073741823, vocab, 1)
		require.Len(t, b, 28)
		path := writeFile(t, b)
		var errLoad, errRead error
		a := allocated(func() { _, errLoad = Load(path) })
		assert.ErrorIs(t, errLoad, ErrCheckpoint, "vocab %d", vocab)
		assert.Less(t, a, int64(smallAlloc), "Load, vocab %d: %d bytes", vocab, a)
		a = allocated(func() { _, errRead = Read(bytes.NewReader(b)) })
		assert.ErrorIs(t, errRead, ErrCheckpoint, "vocab %d", vocab)
		assert.Less(t, a, int64(smallAlloc), "Read, vocab %d: %d bytes", vocab, a)
		assert.Contains(t, errRead.Error(), "more than 2147483648 parameters")
	}
	// Every field at its largest: each product is checked before it is formed.
	c := Config{Dim: math.MaxInt32 - 1, Hidden: math.MaxInt32, Layers: maxLayers, Heads: 1, KVHeads: 1, Vocab: math.MaxInt32, SeqLen: math.MaxInt32}
	_, ok := c.params()
	assert.False(t, ok)
	c = Config{Dim: 16, Hidden: 20, Layers: 2, Heads: 4, KVHeads: 2, Vocab: 11, SeqLen: 24, SharedClassifier: true}
	n, ok := c.params()
	assert.True(t, ok)
	assert.Equal(t, int64(11*16+2*(16+16*16+2*16*8+16*16+16+3*16*20)+16+24*4), n)
}

// TestOneBillionHeader: a 28-byte file with the header of a 1B-class
// model (1.1 billion parameters, within the limit) allocated 251 MiB
// before the size check failed. Load now checks the file's size first;
// Read, which cannot, allocates in proportion to the bytes it gets.
func TestOneBillionHeader(t *testing.T) {
	h := header(2048, 5632, 22, 32, 4, 32000, 2048)
	path := writeFile(t, h)
	var err error
	a := allocated(func() { _, err = Load(path) })
	require.ErrorIs(t, err, ErrCheckpoint)
	assert.Contains(t, err.Error(), "28 bytes, the header")
	assert.Less(t, a, int64(smallAlloc), "Load: %d bytes", a)

	for _, size := range []int{0, 100, 1 << 20, 5 << 20} {
		b := append(append([]byte{}, h...), make([]byte, size)...)
		a = allocated(func() { _, err = Read(bytes.NewReader(b)) })
		require.ErrorIs(t, err, ErrCheckpoint)
		assert.LessOrEqual(t, a, int64(2*size+ReadSlack), "Read of %d bytes of weights: %d bytes", size, a)
	}
}

// TestLimitsOfHeaders: more layers than maxLayers, or parameters beyond
// maxParams, are errors before any allocation.
func TestLimitsOfHeaders(t *testing.T) {
	for name, b := range map[string][]byte{
		"layers":     header(8, 8, maxLayers+1, 2, 2, 4, 4),
		"parameters": header(32768, 32768, 1, 2, 2, 4, 4), // 2 × 3 × 2^30 in the feed-forward block
		"vocab":      header(8, 8, 1, 2, 2, math.MaxInt32, 4),
	} {
		var err error
		a := allocated(func() { _, err = Read(bytes.NewReader(b)) })
		assert.ErrorIs(t, err, ErrCheckpoint, name)
		assert.Less(t, a, int64(smallAlloc), name)
	}
}

// TestLoadAllocatesWhatItReads: on a valid checkpoint, Load allocates at
// most the file's size plus ReadSlack and Read twice the input plus
// ReadSlack; both read the same weights.
func TestLoadAllocatesWhatItReads(t *testing.T) {
	for _, shared := range []bool{true, false} {
		b := syntheticCheckpoint(shared)
		// A larger model too, with matrices beyond one read chunk.
		big := bigCheckpoint()
		for _, b := range [][]byte{b, big} {
			path := writeFile(t, b)
			var wl, wr *Weights
			var err error
			a := allocated(func() { wl, err = Load(path) })
			require.NoError(t, err)
			assert.LessOrEqual(t, a, int64(len(b)+ReadSlack), "Load of %d bytes", len(b))
			a = allocated(func() { wr, err = Read(bytes.NewReader(b)) })
			require.NoError(t, err)
			assert.LessOrEqual(t, a, int64(2*len(b)+ReadSlack), "Read of %d bytes", len(b))
			assert.Equal(t, wl, wr)
		}
	}
}

// bigCheckpoint is a checkpoint of about 6 MiB of zeros and ones whose
// embedding and feed-forward matrices each exceed readChunk.
func bigCheckpoint() []byte {
	c := Config{Dim: 256, Hidden: 640, Layers: 2, Heads: 4, KVHeads: 2, Vocab: 512, SeqLen: 64, SharedClassifier: true}
	n, _ := c.params()
	b := header(int32(c.Dim), int32(c.Hidden), int32(c.Layers), int32(c.Heads), int32(c.KVHeads), int32(c.Vocab), int32(c.SeqLen))
	w := make([]byte, 4*n)
	for i := 0; i < len(w); i += 4 * 7 {
		binary.LittleEndian.PutUint32(w[i:], math.Float32bits(1))
	}
	return append(b, w...)
}

// TestNewModelRejectsBadWeights: nil weights, missing matrices and
// matrices of the wrong size are errors wrapping ErrCheckpoint, not
// panics (2 of 5 WQ matrices used to panic with an index error).
func TestNewModelRejectsBadWeights(t *testing.T) {
	_, err := NewModel(nil, lowbit.F32)
	require.ErrorIs(t, err, ErrCheckpoint)
	assert.Contains(t, err.Error(), "nil")

	good, err := Read(bytes.NewReader(syntheticCheckpoint(false)))
	require.NoError(t, err)
	_, err = NewModel(good, lowbit.F32)
	require.NoError(t, err)
	for name, spoil := range map[string]func(w *Weights){
		"WQ of 1 of 2 layers": func(w *Weights) { w.WQ = w.WQ[:1] },
		"short W2":            func(w *Weights) { w.W2[1] = w.W2[1][:7] },
		"nil RMSFinal":        func(w *Weights) { w.RMSFinal = nil },
		"no classifier":       func(w *Weights) { w.Classifier = nil },
		"no embedding":        func(w *Weights) { w.TokenEmbedding = w.TokenEmbedding[:0] },
		"no layers":           func(w *Weights) { w.RMSAtt, w.WK = nil, nil },
		"bad config":          func(w *Weights) { w.Heads = 3 },
		"more layers":         func(w *Weights) { w.Layers = 5 },
	} {
		w := *good
		w.WQ, w.W2 = append([][]float32{}, good.WQ...), append([][]float32{}, good.W2...)
		spoil(&w)
		assert.NotPanics(t, func() { _, err = NewModel(&w, lowbit.F32) }, name)
		assert.ErrorIs(t, err, ErrCheckpoint, name)
	}
}

// TestSampleLength: n from 1 (BOS alone) to SeqLen+1; others are errors
// (n ≤ 0 used to return [BOS] and no error).
func TestSampleLength(t *testing.T) {
	w := syntheticWeights(t)
	m, err := NewModel(w, lowbit.F32)
	require.NoError(t, err)
	for _, n := range []int{0, -3, w.SeqLen + 2} {
		_, err := Sample(m, 1, n)
		assert.Error(t, err, "n = %d", n)
	}
	for _, n := range []int{1, 2, w.SeqLen + 1} {
		tokens, err := Sample(m, 1, n)
		require.NoError(t, err)
		assert.Len(t, tokens, n)
		assert.Equal(t, BOS, tokens[0])
	}
}

// TestErrorTexts: a one-token logits error names one length (not "want
// 11 or 11"), and an attention error names the package once ("llama2c:
// layer 0: llama2c: attention input ..." before).
func TestErrorTexts(t *testing.T) {
	w := syntheticWeights(t)
	s := exactSession(t, w)
	err := s.Decode(BOS, make([]float32, 3))
	require.Error(t, err)
	assert.Equal(t, "llama2c: logits of 3 values for 1 token (want 11)", err.Error())
	err = s.Prefill([]int{BOS, 2}, make([]float32, 3))
	assert.Equal(t, "llama2c: logits of 3 values for 2 tokens (want 11 or 22)", err.Error())

	// Weights of 3e38 overflow the query projection: the exact attention
	// rejects its +Inf input.
	huge := *w
	huge.WQ = [][]float32{make([]float32, len(w.WQ[0])), w.WQ[1]}
	for i := range huge.WQ[0] {
		huge.WQ[0][i] = 3e38
	}
	err = exactSession(t, &huge).Decode(BOS, nil)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "llama2c: layer 0: attention input value"), err.Error())
	assert.Equal(t, 1, strings.Count(err.Error(), "llama2c:"), err.Error())
}
