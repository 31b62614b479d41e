package main

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/examples/llama2c"
	"github.com/lowbit-ml/lowbit/mikv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkpoint writes a small random llama2.c checkpoint (head dimension 8,
// a context of 24 tokens) and returns its path.
func checkpoint(t *testing.T) string {
	h := []int32{16, 32, 2, 2, 1, 16, 24} // dim, hidden, layers, heads, KV heads, vocab, context
	n := 16*16 + 2*(16+16*16+2*8*16+16*16+16+3*16*32) + 16 + 24*8
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, h)
	rng := rand.New(rand.NewPCG(3, 4))
	for range n {
		binary.Write(&b, binary.LittleEndian, float32(rng.NormFloat64()*0.3))
	}
	path := filepath.Join(t.TempDir(), "tiny.bin")
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

func TestFlags(t *testing.T) {
	o, err := parseFlags([]string{"-n", "7", "-cache", "mikv"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, 7, o.n)
	assert.Equal(t, defaultRatio, o.ratio)
	assert.Equal(t, "normalized", o.selection)
	for _, args := range [][]string{{"-n", "-3"}, {"-n", "-1"}, {"extra"}, {"-r", "x"}} {
		_, err := parseFlags(args, io.Discard)
		assert.Error(t, err, "%q", args)
	}
	// .ci/run's invocation.
	_, err = parseFlags([]string{"-q", "-n", "128", "-cache", "mikv", "-important", "q8g8", "-retained", "q3g8"}, io.Discard)
	require.NoError(t, err)
}

// TestDefaultMiKV: the documented default (q4s over q3s, r = 0.59,
// normalized) for head dimension 8 is the configuration bench -tune
// recommends for stories260K, 34.9% of fp16; other head dimensions get a
// group that divides them, and every default is a valid mikv config.
func TestDefaultMiKV(t *testing.T) {
	for hd, g := range map[int]int{8: 8, 16: 16, 24: 24, 32: 32, 48: 24, 64: 32, 128: 32, 80: 16} {
		c := llama2c.Config{Dim: 2 * hd, Hidden: 8, Layers: 3, Heads: 2, KVHeads: 1, Vocab: 4, SeqLen: 8}
		cfg, err := defaultMiKV(c)
		require.NoError(t, err, "head dim %d", hd)
		require.NoError(t, cfg.Validate(), "head dim %d", hd)
		assert.Equal(t, mikv.Tier{Key: lowbit.SymQuant(4, g), Value: lowbit.SymQuant(4, g)}, cfg.Important, "head dim %d", hd)
		assert.Equal(t, mikv.Tier{Key: lowbit.SymQuant(3, g), Value: lowbit.SymQuant(3, g)}, cfg.Retained, "head dim %d", hd)
		assert.Equal(t, 0.59, cfg.Ratio)
		assert.Equal(t, mikv.Normalized, cfg.Selection)
		assert.Equal(t, []int{3, 1, 2, hd}, []int{cfg.Layers, cfg.KVHeads, cfg.QueryHeads, cfg.HeadDim})
	}
	c8 := llama2c.Config{Dim: 16, Hidden: 8, Layers: 1, Heads: 2, KVHeads: 1, Vocab: 4, SeqLen: 8}
	cfg, err := defaultMiKV(c8)
	require.NoError(t, err)
	assert.InDelta(t, 0.349, cfg.ShareOfF16(), 0.001)

	_, err = defaultMiKV(llama2c.Config{Dim: 12, Hidden: 8, Layers: 1, Heads: 2, KVHeads: 1, Vocab: 4, SeqLen: 8})
	assert.Error(t, err, "head dimension 6 takes no code format")
	o, err := parseFlags([]string{"-important", "f16", "-retained", "f32"}, io.Discard)
	require.NoError(t, err)
	cfg, err = cacheConfig(o, llama2c.Config{Dim: 12, Hidden: 8, Layers: 1, Heads: 2, KVHeads: 1, Vocab: 4, SeqLen: 8})
	require.NoError(t, err, "explicit float tiers work at any head dimension")
	assert.NoError(t, cfg.Validate())
	o.selection = "nope"
	_, err = cacheConfig(o, c8)
	assert.Error(t, err)
}

func TestSpeed(t *testing.T) {
	assert.Equal(t, "1 token in 412µs: 2427 tokens/s (412 µs/token)", speed(1, 412*time.Microsecond))
	assert.Equal(t, "256 tokens in 31.2ms: 8205 tokens/s (122 µs/token)", speed(256, 31200*time.Microsecond))
	assert.Equal(t, "2 tokens in under a microsecond", speed(2, 0))
}

// TestGenerateCounts: -n tokens are generated and reported after BOS (-n
// 256 reported 255), -n 0 is the whole context, more is an error.
func TestGenerateCounts(t *testing.T) {
	path := checkpoint(t)
	for _, cache := range []string{"exact", "mikv"} {
		for n, want := range map[int]int{1: 1, 5: 5, 24: 24, 0: 24} {
			o, err := parseFlags([]string{"-model", path, "-cache", cache, "-n", strconv.Itoa(n)}, io.Discard)
			require.NoError(t, err)
			var out bytes.Buffer
			require.NoError(t, run(o, &out))
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			require.Len(t, lines, 2, out.String())
			assert.Len(t, strings.Fields(lines[0]), want, "%s -n %d", cache, n)
			unit := " tokens in "
			if want == 1 {
				unit = " token in "
			}
			assert.True(t, strings.HasPrefix(lines[1], strconv.Itoa(want)+unit), lines[1])
			assert.NotContains(t, lines[1], " 0 tokens/s")
			if cache == "mikv" {
				assert.Contains(t, lines[1], "q4sg8/q4sg8 over q3sg8/q3sg8 r=0.59")
				assert.Contains(t, lines[1], "of fp16 (measured)")
			}
		}
		o, err := parseFlags([]string{"-model", path, "-cache", cache, "-n", "25"}, io.Discard)
		require.NoError(t, err)
		assert.Error(t, run(o, io.Discard), "beyond the context")
	}
}

// TestDefaultOnStories260K (LOWBIT_MODEL): the default mikv cache gives
// sensible greedy output on stories260K, with float32 and 8-bit weights:
// no token repeated for a long stretch (under 48 times) and at least one
// distinct token per 8, like exact attention (longest run 24, 116
// distinct in 512 with float32 weights), where the paper's fp16/int2
// setting repeated one token 474 times with 8-bit weights (9 distinct in
// 512). The measured share of fp16 is the documented 34.9% at the full
// context.
func TestDefaultOnStories260K(t *testing.T) {
	path := os.Getenv("LOWBIT_MODEL")
	if path == "" {
		t.Skip("LOWBIT_MODEL is not set: no checkpoint to test with")
	}
	n := "0" // the whole context
	if testing.Short() {
		n = "256"
	}
	for _, weights := range []string{"f32", "q8g32"} {
		o, err := parseFlags([]string{"-model", path, "-weights", weights, "-cache", "mikv", "-n", n}, io.Discard)
		require.NoError(t, err)
		w, err := llama2c.Load(path)
		require.NoError(t, err)
		f, err := lowbit.ParseFormat(weights)
		require.NoError(t, err)
		m, err := llama2c.NewModel(w, f)
		require.NoError(t, err)
		g, err := generate(o, m)
		require.NoError(t, err)
		longest, run, distinct := 1, 1, map[int]bool{}
		for i, tok := range g.tokens {
			distinct[tok] = true
			if i > 0 && tok == g.tokens[i-1] {
				run++
				longest = max(longest, run)
			} else {
				run = 1
			}
		}
		t.Logf("%s weights: %d tokens, %d distinct, longest run %d, %.1f%% of fp16", weights, len(g.tokens), len(distinct), longest, 100*g.cache.Stats().ShareOfF16)
		assert.Less(t, longest, 48, "%s weights: one token repeated %d times", weights, longest)
		assert.GreaterOrEqual(t, len(distinct), len(g.tokens)/8, "%s weights", weights)
		if n == "0" {
			assert.InDelta(t, 0.349, g.cache.Stats().ShareOfF16, 0.002)
		}
	}
}

// BenchmarkGenerate times the runner's greedy generation of the model's
// whole context from BOS on the checkpoint LOWBIT_MODEL names, with the
// exact cache and with the default mikv cache (the configuration bench
// -tune recommends for stories260K), and reports tokens/s and tokens per
// CPU-second of the process: the figures to compare, side by side in one
// run.
func BenchmarkGenerate(b *testing.B) {
	path := os.Getenv("LOWBIT_MODEL")
	if path == "" {
		b.Skip("LOWBIT_MODEL is not set: no checkpoint")
	}
	w, err := llama2c.Load(path)
	require.NoError(b, err)
	m, err := llama2c.NewModel(w, lowbit.F32)
	require.NoError(b, err)
	for _, cache := range []string{"exact", "mikv"} {
		b.Run(cache, func(b *testing.B) {
			o := options{cache: cache, ratio: defaultRatio, selection: defaultSelection.String()}
			tokens := 0
			cpu0, cpuOK := processCPU()
			for b.Loop() {
				g, err := generate(o, m)
				require.NoError(b, err)
				tokens += len(g.tokens)
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
			if cpu1, _ := processCPU(); cpuOK && cpu1 > cpu0 {
				b.ReportMetric(float64(tokens)/(float64(cpu1-cpu0)/1e9), "tokens/cpu-s")
			}
		})
	}
}
