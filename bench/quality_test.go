package main

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modelPath returns LOWBIT_MODEL, or skips.
func modelPath(t *testing.T) string {
	p := os.Getenv("LOWBIT_MODEL")
	if p == "" {
		t.Skip("LOWBIT_MODEL is not set: no checkpoint to test with")
	}
	return p
}

// TestMiKVBeatsH2OAtEqualMemory: on the model's own samples, a MiKV cache
// has a lower mean KL than H2O eviction at the same memory (50% of fp16);
// 3 sequences of the full context (-short: 2 of 192 tokens, for runs under
// emulation).
// The MiKV configuration asserted is int8 over int3 at r = 0.2; the paper's
// own setting (fp16 over int2 at r = 0.2, also 50% at head dimension 8) is
// measured and logged, not asserted: on this model it loses to H2O (its
// 2-bit tier costs 6 bits per value at group 8, and 2-bit keys are too
// coarse for a head of 8 values).
func TestMiKVBeatsH2OAtEqualMemory(t *testing.T) {
	seqs, length := 3, 0
	if testing.Short() {
		seqs, length = 2, 192
	}
	e, err := newEvalSet(modelPath(t), seqs, length, 64, runtime.NumCPU(), io.Discard)
	require.NoError(t, err)
	d := e.m.HeadDim()
	both := func(f lowbit.Format) mikv.Tier { return mikv.Tier{Key: f, Value: f} }
	base := mikv.DefaultConfig(1, 1, 1, d)
	h2o := base
	h2o.Evict, h2o.Ratio = true, 0.5
	mikv83 := base
	mikv83.Important, mikv83.Retained = both(lowbit.Quant(8, d)), both(lowbit.Quant(3, d))
	paper := base
	paper.Retained = both(lowbit.Quant(2, d))
	full := base
	full.Ratio, full.Important = 1, both(lowbit.F32)
	scores, err := e.evaluate([]string{"H2O r=0.5", "MiKV int8/int3 r=0.2", "MiKV f16/int2 r=0.2 (paper)", "full f32"},
		[]mikv.Config{h2o, mikv83, paper, full}, io.Discard)
	require.NoError(t, err)
	for _, s := range scores {
		t.Logf("%-28s share %5.1f%%  mean KL %.4f ± %.4f  p95 %.4f  top-1 %.3f", s.Name, 100*s.Share, s.MeanKL, s.KLStdErr, s.P95KL, s.Top1)
	}
	h, m, p, f := scores[0], scores[1], scores[2], scores[3]
	assert.InDelta(t, h.Share, m.Share, 0.01, "equal memory")
	assert.InDelta(t, h.Share, p.Share, 0.01, "equal memory")
	assert.Less(t, m.MeanKL, h.MeanKL, "MiKV beats H2O at equal memory")
	assert.Less(t, f.MeanKL, 1e-6, "a float32 mikv cache is the exact cache")
	assert.InDelta(t, 1, f.Top1, 0.01)
}

func TestQualityTableRuns(t *testing.T) {
	path := modelPath(t)
	o, args, err := parseFlags([]string{"-quality", "-model", path, "-seqs", "2", "-len", "24", "-prefill", "8"}, os.Stderr)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(o, args, &out, io.Discard))
	for _, want := range []string{"budget ~50% of fp16", "H2O f16 r=0.5", "MiKV f16/int2 r=0.2 no balancer", "uniform int4", "full fp16", "uniform int2 hadamard no balancer", "MiKV f16/int2 r=0.2 random"} {
		assert.Contains(t, out.String(), want)
	}
}

func TestBudgetClass(t *testing.T) {
	assert.Equal(t, 0.5, budgetClass(0.49))
	assert.Equal(t, 1.0/3, budgetClass(0.312))
	assert.Equal(t, 0.25, budgetClass(0.25))
	assert.Equal(t, 0.0, budgetClass(0.6))
}

func TestStats(t *testing.T) {
	assert.Equal(t, 2.0, mean([]float64{1, 2, 3}))
	assert.InDelta(t, 1/1.7320508075688772, stdErr([]float64{1, 2, 3}), 1e-12) // sd 1, 3 values
	assert.Equal(t, 5.0, quantile([]float64{5, 1, 2, 3, 4}, 0.95))
	assert.Equal(t, 1.0, quantile([]float64{5, 1, 2, 3, 4}, 0.1))
}
