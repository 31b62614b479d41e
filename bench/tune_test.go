package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFrontier(t *testing.T) {
	pt := func(share, kl float64) TunePoint {
		return TunePoint{PolicyScore: PolicyScore{Share: share, MeanKL: kl}}
	}
	ps := []TunePoint{pt(0.5, 0.1), pt(0.25, 2), pt(0.3, 2.5), pt(0.3, 1), pt(0.6, 0.2), pt(0.25, 3)}
	assert.Equal(t, []int{1, 3, 0}, frontier(ps))
}

func TestPairedDiff(t *testing.T) {
	d, se := pairedDiff([]float64{1, 2, 3}, []float64{2, 3, 4.3})
	assert.InDelta(t, 1.1, d, 1e-12)
	assert.Greater(t, se, 0.0)
	d, se = pairedDiff([]float64{1, 2}, []float64{2, 3})
	assert.InDelta(t, 1, d, 1e-12)
	assert.InDelta(t, 0, se, 1e-12, "a constant difference has no error")
}

func TestTuneFormatsAreOrderedByCost(t *testing.T) {
	fs := tuneFormats(8)
	require.Len(t, fs, 14)
	for i := 1; i < len(fs); i++ {
		assert.LessOrEqual(t, fs[i-1].BitsPerValue(), fs[i].BitsPerValue())
	}
	assert.Equal(t, lowbit.SymQuant(2, 8), fs[0])
	assert.Equal(t, lowbit.Quant(8, 8), fs[len(fs)-1])
	assert.Equal(t, lowbit.Quant(8, 8), widen(lowbit.Quant(7, 8), 3))
}

// TestConfigLiteralIsGo: the recommendation parses as a Go composite
// literal of mikv.Config with every field it sets.
func TestConfigLiteralIsGo(t *testing.T) {
	c := mikv.DefaultConfig(5, 4, 8, 8)
	c.Important = mikv.Tier{Key: lowbit.SymQuant(6, 8), Value: lowbit.Quant(5, 8)}
	c.Retained = mikv.Tier{Key: lowbit.SymQuant(4, 8), Value: lowbit.SymQuant(3, 8)}
	c.Ratio, c.Selection, c.Sinks, c.Int8Queries = 0.27, mikv.Normalized, 2, true
	lit := configLiteral(c)
	expr, err := parser.ParseExpr(lit)
	require.NoError(t, err, lit)
	cl, ok := expr.(*ast.CompositeLit)
	require.True(t, ok)
	fields := map[string]bool{}
	for _, e := range cl.Elts {
		fields[e.(*ast.KeyValueExpr).Key.(*ast.Ident).Name] = true
	}
	for _, f := range []string{"Layers", "KVHeads", "QueryHeads", "HeadDim", "Important", "Retained", "Ratio", "RecentShare", "Sinks", "Selection", "Balancer", "Int8Queries", "PageSize"} {
		assert.True(t, fields[f], f)
	}
	assert.False(t, fields["Evict"], "zero fields are left out")
	for _, want := range []string{"lowbit.SymQuant(6, 8)", "lowbit.Quant(5, 8)", "Ratio:       0.27,", "mikv.Normalized"} {
		assert.Contains(t, lit, want)
	}
	c.Selection = mikv.Accumulated
	assert.Contains(t, configLiteral(c), "Selection:   mikv.Accumulated,", "the zero selection is named too")
	c.Rotation = mikv.Rotation{Kind: mikv.HadamardRotation, Values: true}
	lit = configLiteral(c)
	_, err = parser.ParseExpr(lit)
	require.NoError(t, err, lit)
	assert.Contains(t, lit, "mikv.Rotation{Kind: mikv.HadamardRotation, Values: true, Seed: 0}")
}

func TestTuneChecks(t *testing.T) {
	cfg := mikv.DefaultConfig(1, 1, 1, 8)
	uni := cfg
	uni.Ratio = 0
	two := cfg
	two.Ratio = 0.3
	rnd := two
	rnd.Selection = mikv.Random
	pt := func(name, kind string, c mikv.Config, share float64, seq ...float64) TunePoint {
		return TunePoint{PolicyScore: PolicyScore{Name: name, Share: share, MeanKL: mean(seq), SeqKL: seq}, Kind: kind, cfg: c}
	}
	ps := []TunePoint{
		pt("uniform", "uniform", uni, 0.3, 2, 2.2, 1.8),
		pt("two-tier", "two-tier", two, 0.31, 1, 1.1, 0.9),
		pt("random", "selection", rnd, 0.31, 1.5, 1.6, 1.4),
	}
	checks := tuneChecks(ps, frontier(ps))
	require.Len(t, checks, 2)
	assert.Equal(t, "two-tier", checks[0].A)
	assert.Equal(t, "uniform", checks[0].B)
	assert.InDelta(t, 1, checks[0].Diff, 1e-12)
	assert.True(t, checks[0].Satisfied)
	assert.Equal(t, "random", checks[1].B)
	assert.InDelta(t, 0.5, checks[1].Diff, 1e-12)
}

// TestTuneRuns runs a tiny sweep end to end.
func TestTuneRuns(t *testing.T) {
	path := modelPath(t)
	file := t.TempDir() + "/tune.json"
	o, args, err := parseFlags([]string{"-tune", "-quick", "-model", path, "-seqs", "2", "-len", "24", "-prefill", "8", "-budget", "0.4", "-json", file}, os.Stderr)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(o, args, &out, io.Discard))
	text := out.String()
	assert.Contains(t, text, "Pareto frontier")
	assert.Contains(t, text, "mikv.Config{")
	rep, err := readReport(file)
	require.NoError(t, err)
	require.NotNil(t, rep.Tune)
	tr := rep.Tune
	require.GreaterOrEqual(t, tr.Best, 0)
	assert.LessOrEqual(t, tr.Points[tr.Best].Share, 0.4)
	assert.True(t, strings.HasPrefix(tr.Config, "mikv.Config{"))
	for i := 1; i < len(tr.Frontier); i++ {
		a, b := tr.Points[tr.Frontier[i-1]], tr.Points[tr.Frontier[i]]
		assert.Less(t, a.Share, b.Share+1e-12)
		assert.Greater(t, a.MeanKL, b.MeanKL)
	}
	// Stage 4 sweeps rotation × balancer; the frontier without rotation
	// holds no rotated point, and the checks compare rotated with plain.
	assert.Contains(t, text, "Pareto frontier without rotation")
	assert.Contains(t, text, "hadamard+v")
	assert.Contains(t, text, "rotated (a) vs not (b)")
	require.NotEmpty(t, tr.FrontierNoRotation)
	for _, i := range tr.FrontierNoRotation {
		assert.NotContains(t, tr.Points[i].Name, "hadamard")
	}
}

// TestTuneChecksVariants: the balancer-off and sinks variants that stage 3
// measures are compared with their base configuration (they were measured
// and printed nowhere), and long names do not break the table's columns.
func TestTuneChecksVariants(t *testing.T) {
	base := mikv.DefaultConfig(1, 1, 1, 8)
	base.Important = mikv.Tier{Key: lowbit.SymQuant(4, 8), Value: lowbit.SymQuant(4, 8)}
	base.Retained = mikv.Tier{Key: lowbit.SymQuant(3, 8), Value: lowbit.SymQuant(3, 8)}
	base.Ratio, base.Selection = 0.59, mikv.Normalized
	off := base
	off.Balancer = false
	sinks := base
	sinks.Sinks = 4
	pt := func(c mikv.Config, seq ...float64) TunePoint {
		return TunePoint{PolicyScore: PolicyScore{Name: describe(c), Share: 0.349, MeanKL: mean(seq), SeqKL: seq}, Kind: "two-tier", cfg: c}
	}
	ps := []TunePoint{pt(base, 0.8, 0.82, 0.78), pt(off, 0.9, 0.93, 0.87), pt(sinks, 0.84, 0.85, 0.83)}
	checks := tuneChecks(ps, []int{0})
	var variants []TuneCheck
	for _, c := range checks {
		if strings.Contains(c.What, "balancer off") {
			variants = append(variants, c)
		}
	}
	require.Len(t, variants, 2)
	assert.Equal(t, describe(base), variants[0].A)
	assert.Equal(t, describe(off), variants[0].B)
	assert.Contains(t, variants[0].B, "no balancer")
	assert.InDelta(t, 0.1, variants[0].Diff, 1e-12)
	assert.Equal(t, describe(sinks), variants[1].B)
	assert.Contains(t, variants[1].B, "sinks=4")

	long := variants[1]
	long.B = describe(sinks) + " and a name far longer than any column of fixed width"
	rows := append(variants, long)
	var out bytes.Buffer
	printChecks(&out, append(checks, long))
	lines := strings.Split(out.String(), "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "balancer off or attention sinks") })
	require.GreaterOrEqual(t, i, 0, out.String())
	col := strings.Index(lines[i+1], " b ") + 1 // the b column of the header
	for k, c := range rows {
		row := lines[i+2+k]
		assert.True(t, strings.HasPrefix(row, "  "+c.A+" "), "row %q", row)
		assert.True(t, strings.HasPrefix(row[col:], c.B+" "), "b at the header's column %d: %q", col, row)
	}
}
