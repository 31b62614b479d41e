package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/internal/fmapeak"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMedian(t *testing.T) {
	assert.Equal(t, 2.0, median([]float64{3, 1, 2}))
	assert.Equal(t, 2.5, median([]float64{4, 1, 3, 2}))
	assert.True(t, median(nil) != median(nil), "median of nothing is NaN")
}

func TestMeasureAllRepeatsShortOperations(t *testing.T) {
	calls := make([]int, 2)
	tm := timing{minSample: 200 * time.Microsecond, samples: 3}
	ns := tm.measureAll([]func(){
		func() { calls[0]++ },
		func() { calls[1]++; time.Sleep(300 * time.Microsecond) },
	})
	require.Len(t, ns, 2)
	assert.Greater(t, calls[0], warmUpRuns+3, "a fast operation is repeated within a sample")
	assert.Equal(t, 1+3, calls[1], "a slow one runs once per sample, after one warm-up run")
	assert.Greater(t, ns[1], 250e3)
	assert.Less(t, ns[0], ns[1])
}

func TestRowCountsMatchTheTraffic(t *testing.T) {
	for _, f := range defaultFormats(64, false) {
		const traffic = 1 << 20
		n, nf := rowCounts(f, 128, traffic)
		for _, c := range kernelCases {
			if !c.perFormat || strings.Contains(c.name, "×") { // the ×4 cases write 4 outputs per row: more than the size
				continue
			}
			rows := n
			if c.name == "Quantize" || c.name == "Dequantize" {
				rows = nf
			}
			got := c.traffic(f, rows, 128)
			assert.InDelta(t, traffic, got, 0.05*traffic, "%s %s", c.name, f)
		}
	}
}

// The DRAM size is at least 256 MiB, and 8× a reported L3 beyond that (at
// most 4 GiB).
func TestDefaultSizes(t *testing.T) {
	l2, dram := defaultSizes(CPU{L2: 2 << 20, L3: 64 << 20})
	assert.Equal(t, int64(1<<20), l2)
	assert.Equal(t, int64(512<<20), dram)
	l2, dram = defaultSizes(CPU{L2: -1, L3: -1})
	assert.Equal(t, int64(256<<10), l2)
	assert.Equal(t, int64(256<<20), dram)
	_, dram = defaultSizes(CPU{L3: 16 << 20})
	assert.Equal(t, int64(256<<20), dram)
	_, dram = defaultSizes(CPU{L3: 1 << 30})
	assert.Equal(t, int64(4<<30), dram)
}

func TestTileRepeats(t *testing.T) {
	dst := make([]int, 7)
	tile(dst, []int{1, 2, 3})
	assert.Equal(t, []int{1, 2, 3, 1, 2, 3, 1}, dst)
}

func TestInputsAreConsistent(t *testing.T) {
	for _, f := range []lowbit.Format{lowbit.Quant(3, 64), lowbit.SymQuant(4, 32), lowbit.F16, lowbit.F32} {
		base := newInput(f, 128, 64<<10, nil, rand.New(rand.NewPCG(1, 2)))
		big := newInput(f, 128, 256<<10, base, rand.New(rand.NewPCG(1, 2)))
		for _, in := range []*input{base, big} {
			require.NoError(t, in.rows.Check())
			assert.LessOrEqual(t, in.nf, in.n)
			assert.Len(t, in.x, in.nf*128)
		}
		// The big input repeats the base rows.
		assert.Equal(t, base.rows.Data, big.rows.Data[:len(base.rows.Data)], "%s", f)
	}
}

// TestSmallRunAndCompare runs the whole speed mode on tiny sizes, writes
// JSON, and compares the file with itself.
func TestSmallRunAndCompare(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "run.json")
	o, args, err := parseFlags([]string{"-kernels", "dot,quantize,softmax", "-formats", "q4g64,f16", "-l2", "16", "-dram", "1", "-quick", "-contexts", "128", "-json", file}, os.Stderr)
	require.NoError(t, err)
	var out, progress bytes.Buffer
	require.NoError(t, run(o, args, &out, &progress))
	text := out.String()
	assert.Contains(t, text, "CPU: ")
	assert.Contains(t, text, "Streaming read bandwidth")
	for _, want := range []string{"Dot          q4g64   generic", "Quantize     f16     generic", "Softmax      -       generic"} {
		assert.Contains(t, text, want)
	}
	assert.Contains(t, progress.String(), "[5/5] Softmax")

	rep, err := readReport(file)
	require.NoError(t, err)
	assert.Equal(t, describeCPU().Brand, rep.CPU.Brand)
	// L2 and DRAM on one goroutine, then DRAM on the MiKV table's Workers.
	require.Len(t, rep.Bandwidth, 3)
	for _, b := range rep.Bandwidth {
		assert.Greater(t, b.GBs, 0.0)
	}
	assert.Equal(t, "DRAM", rep.Bandwidth[2].Size)
	assert.Equal(t, 2, rep.Bandwidth[2].Goroutines)
	assert.Equal(t, rep.Bandwidth[1].Method, rep.Bandwidth[2].Method)
	assert.Contains(t, text, "on 2 goroutines")
	timed := 0
	for _, k := range rep.Kernels {
		if !k.Timed {
			continue
		}
		timed++
		assert.Greater(t, k.ValuesPerNs, 0.0, "%+v", k)
		assert.InDelta(t, float64(k.Values)/k.NsPerCall, k.ValuesPerNs, 1e-9)
		assert.Greater(t, k.BWGBs, 0.0, "%+v", k)
		assert.InDelta(t, k.GBs/k.BWGBs, k.BWShare, 1e-9)
		if k.Impl == "generic" {
			assert.Equal(t, 1.0, k.Speedup)
		}
	}
	assert.GreaterOrEqual(t, timed, 2*5) // 5 cells, 2 sizes, generic at least

	var cmp bytes.Buffer
	o, args, err = parseFlags([]string{"-compare", file, file}, os.Stderr)
	require.NoError(t, err)
	require.NoError(t, run(o, args, &cmp, &progress))
	lines := strings.Split(cmp.String(), "\n")
	rows := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "Dot          q4g64   L2") {
			rows++
			assert.True(t, strings.HasSuffix(strings.TrimSpace(l), "1.00"), l)
		}
	}
	assert.Equal(t, 1, rows, cmp.String())
	// Each bandwidth beside its own: one DRAM line per number of goroutines.
	assert.Equal(t, 1, strings.Count(cmp.String(), "  DRAM ×2 "), cmp.String())
	assert.Equal(t, 1, strings.Count(cmp.String(), "  DRAM    "), cmp.String())
	assert.Contains(t, cmp.String(), "128     MiKV f16/int2 r=0.2")

	assert.Contains(t, text, "Shapes: the attention kernels")
	assert.Contains(t, text, "Dot          q4      128×64   |")
	require.NotEmpty(t, rep.Shapes)
	for _, s := range rep.Shapes {
		if s.Timed && s.Cols == 128 && s.Group == 64 {
			assert.Equal(t, 1.0, s.VsRef, "%+v", s)
		}
	}
	assert.Contains(t, cmp.String(), "shapes       format  cols")

	require.Len(t, rep.MiKV, len(mikvCases()))
	_, probe := fmapeak.For(rep.Active)
	for _, m := range rep.MiKV {
		assert.Equal(t, 128, m.Context)
		assert.Greater(t, m.KVValuesPerNs, 0.0)
		assert.Greater(t, m.ReadValuesPerNs, 0.0)
		assert.LessOrEqual(t, m.ReadValuesPerNs, m.KVValuesPerNs*(1+1e-9))
		assert.Greater(t, m.BytesPerToken, 0.0)
		assert.Greater(t, m.MemoryCeiling, 0.0, "every step reads its cache from DRAM (evict)")
		assert.InDelta(t, m.ReadValuesPerNs/m.MemoryCeiling, m.DRAMShare, 1e-9)
		assert.Zero(t, m.RowGBs, "-quick's eviction reads fit a cache: the ceilings take the probe")
		if probe {
			c := min(m.MemoryCeiling, m.ComputeCeiling)
			assert.Equal(t, map[bool]string{true: "DRAM", false: "FMA"}[c == m.MemoryCeiling], m.Bound)
			assert.InDelta(t, m.ReadValuesPerNs/c, m.Share, 1e-9)
		}
		if m.Workers > 1 {
			assert.Greater(t, m.NsPerStepWorkers, 0.0)
		}
	}
	if probe {
		assert.Greater(t, rep.FMAPeak.LanesPerNs, 0.0)
	}
}

// The ceiling of a decode row is the lower of the DRAM one (every step
// reads its cache from DRAM, see evict; of the row's own bandwidth when it
// has one) and the FMA one, and the share is taken of it.
func TestMiKVCeilings(t *testing.T) {
	ms := &mikvRun{bw: Bandwidth{GBs: 40}, fma: FMAPeak{LanesPerNs: 48}, l3: 32 << 20}
	r := MiKVResult{QueryRows: 4, CacheBytes: 64 << 20, ReadValuesPerNs: 6}
	ms.ceilings(&r, 2) // fp16: 2 bytes a value
	assert.Equal(t, 20.0, r.MemoryCeiling)
	assert.Equal(t, 12.0, r.ComputeCeiling)
	assert.Equal(t, "FMA", r.Bound)
	assert.Equal(t, 0.5, r.Share)
	assert.Equal(t, 0.3, r.DRAMShare)

	r = MiKVResult{QueryRows: 4, CacheBytes: 64 << 20, ReadValuesPerNs: 6}
	ms.ceilings(&r, 4) // float32
	assert.Equal(t, "DRAM", r.Bound)
	assert.Equal(t, 0.6, r.Share)

	r = MiKVResult{QueryRows: 4, CacheBytes: 16 << 20, ReadValuesPerNs: 6}
	ms.ceilings(&r, 4) // a cache that fits the L3 is read from DRAM too (evict)
	assert.Equal(t, 10.0, r.MemoryCeiling)
	assert.Equal(t, "DRAM", r.Bound)
	assert.Equal(t, 0.6, r.DRAMShare)

	r = MiKVResult{QueryRows: 4, CacheBytes: 16 << 20, ReadValuesPerNs: 6, RowGBs: 30}
	ms.ceilings(&r, 2) // the row's own bandwidth, not the run's probe
	assert.Equal(t, 15.0, r.MemoryCeiling)
	assert.Equal(t, "FMA", r.Bound)
	assert.Equal(t, 0.4, r.DRAMShare)

	r = MiKVResult{QueryRows: 4, CacheBytes: 16 << 20, ReadValuesPerNs: 6}
	(&mikvRun{}).ceilings(&r, 4) // no probe, no bandwidth
	assert.Empty(t, r.Bound)
	assert.Zero(t, r.Share)
}

// TestMiKVCacheFilter: -caches keeps the caches whose name contains one of
// its words, in the table's order, whatever their case.
func TestMiKVCacheFilter(t *testing.T) {
	o, _, err := parseFlags([]string{"-caches", "INT4,full fp16"}, os.Stderr)
	require.NoError(t, err)
	ms, err := o.mikvRun()
	require.NoError(t, err)
	var names []string
	for _, c := range ms.cases {
		names = append(names, c.name)
	}
	assert.Equal(t, []string{"uniform int4", "uniform int4 int8q", "full fp16"}, names)
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-kernels", "nope"},
		{"-formats", "q9g64"},
		{"-formats", "q4g64", "-cols", "96"},
		{"-impls", "vax"},
		{"-sizes", "l3"},
		{"extra"},
		{"-compare", "one.json"},
		{"-shape-cols", "60", "-kernels", "none", "-mikv=false"},
		{"-caches", "nope", "-kernels", "none"},
	} {
		o, rest, err := parseFlags(args, os.Stderr)
		require.NoError(t, err)
		assert.Error(t, run(o, rest, &bytes.Buffer{}, &bytes.Buffer{}), "%q", args)
	}
}

// TestCompareHeader: -compare names each run's CPU, implementations and
// active implementation, and says so when the active ones differ (a 0.6×
// MiKV row then has a visible cause).
func TestCompareHeader(t *testing.T) {
	a := &Report{CPU: CPU{Brand: "Zen 5 test CPU", Vendor: "AuthenticAMD", GOOS: "linux", GOARCH: "amd64", LogicalCPUs: 2}, GoVersion: "go1.26", Active: "avx512",
		Implementations: []ImplInfo{{Name: "generic", Pairs: 84}, {Name: "avx2", Accelerated: 84, Pairs: 84}, {Name: "avx512", Accelerated: 84, Pairs: 84}}}
	b := &Report{CPU: CPU{Brand: "Graviton test CPU", Vendor: "ARM", GOOS: "linux", GOARCH: "arm64", LogicalCPUs: 4}, GoVersion: "go1.26", Active: "neondot",
		Implementations: []ImplInfo{{Name: "generic", Pairs: 84}, {Name: "neon", Accelerated: 80, Pairs: 84}, {Name: "neondot", Accelerated: 82, Pairs: 84}}}
	var out bytes.Buffer
	compareReports(&out, a, b, "a.json", "b.json")
	text := out.String()
	for _, want := range []string{
		"a: a.json\n   CPU: Zen 5 test CPU (AuthenticAMD",
		"implementations: generic, avx2 (84 of 84 kernel/format pairs in assembly), avx512 (84 of 84 kernel/format pairs in assembly); active: avx512\n",
		"b: b.json\n   CPU: Graviton test CPU (ARM",
		"neondot (82 of 84 kernel/format pairs in assembly); active: neondot\n",
		"Note: the runs' active implementations differ (a avx512, b neondot)",
	} {
		assert.Contains(t, text, want)
	}
	out.Reset()
	compareReports(&out, a, a, "a.json", "a.json")
	assert.NotContains(t, out.String(), "Note:")
}

// TestShapeList: every row length with the groups of 8 to 64 that divide
// it and the whole row, smallest first, and 128×64 (the reference) always.
func TestShapeList(t *testing.T) {
	got := shapeList([]int{64, 80, 96, 128, 256})
	want := []shape{
		{64, 8}, {64, 16}, {64, 32}, {64, 64},
		{80, 8}, {80, 16}, {80, 80},
		{96, 8}, {96, 16}, {96, 32}, {96, 96},
		{128, 8}, {128, 16}, {128, 32}, {128, 64}, {128, 128},
		{256, 8}, {256, 16}, {256, 32}, {256, 64}, {256, 256},
	}
	assert.Equal(t, want, got)
	assert.Equal(t, []shape{{48, 8}, {48, 16}, {48, 48}, {128, 64}}, shapeList([]int{48}), "the reference shape is added")
	assert.Equal(t, []shape{{64, 8}, {64, 16}, {64, 32}, {64, 64}, {128, 64}}, shapeList([]int{64, 64}), "no shape twice")
	assert.Equal(t, "96×32", shape{96, 32}.String())
}

// TestShapeTableFormat: ratios against the same kernel, family and
// implementation on 128×64, results sorted by kernel, family and shape,
// and one line per cell with every implementation's column.
func TestShapeTableFormat(t *testing.T) {
	res := func(kernel, format string, cols, group int, impl string, vns float64) ShapeResult {
		return ShapeResult{Kernel: kernel, Format: format, Cols: cols, Group: group, Impl: impl, Timed: vns > 0, ValuesPerNs: vns}
	}
	rs := []ShapeResult{
		res("Dot", "q4g8", 64, 8, "generic", 2), res("Dot", "q4g8", 64, 8, "avx2", 0),
		res("Dot", "q4g64", 128, 64, "generic", 2.5), res("Dot", "q4g64", 128, 64, "avx2", 20),
		res("Dot", "q2sg64", 128, 64, "generic", 4), res("Dot", "q2sg64", 128, 64, "avx2", 16),
		res("Dot", "q2sg32", 96, 32, "generic", 3), res("Dot", "q2sg32", 96, 32, "avx2", 12),
	}
	setShapeRatios(rs)
	assert.InDelta(t, 0.8, rs[0].VsRef, 1e-9, "q4 64×8 against q4 128×64")
	assert.Zero(t, rs[1].VsRef, "not timed")
	assert.InDelta(t, 0.75, rs[7].VsRef, 1e-9, "q2s 96×32 avx2 against q2s 128×64 avx2")

	dot, _ := findCase("Dot")
	sortShapeResults(rs, []kernelCase{dot}, []shapeFamily{{4, false}, {2, true}}, shapeList([]int{64, 96, 128}))
	var order []string
	for _, r := range rs {
		order = append(order, r.Format+"/"+r.Impl)
	}
	assert.Equal(t, []string{"q4g8/generic", "q4g8/avx2", "q4g64/generic", "q4g64/avx2", "q2sg32/generic", "q2sg32/avx2", "q2sg64/generic", "q2sg64/avx2"}, order)

	var out bytes.Buffer
	printShapeTable(&out, rs, []string{"generic", "avx2"})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 5)
	assert.Equal(t, "kernel       format  shape    | generic v/ns ×ref | avx2 v/ns ×ref", strings.TrimRight(lines[0], " "))
	assert.Equal(t, "Dot          q4      64×8     |    2.00  0.80   | generic code", strings.TrimRight(lines[1], " "))
	assert.Equal(t, "Dot          q2s     96×32    |    3.00  0.75   |    12.0  0.75", strings.TrimRight(lines[3], " "))
	assert.Equal(t, "Dot          q2s     128×64   |    4.00  1.00   |    16.0  1.00", strings.TrimRight(lines[4], " "))
}

// TestShapeRunQuick: -quick measures q4 and q2 on rows of 64 and 128, and
// every kernel of the table.
func TestShapeRunQuick(t *testing.T) {
	o, _, err := parseFlags([]string{"-quick", "-impls", "generic", "-l2", "16"}, os.Stderr)
	require.NoError(t, err)
	kr, _, err := o.kernelRun(describeCPU())
	require.NoError(t, err)
	sr, err := o.shapeRun(kr)
	require.NoError(t, err)
	assert.Equal(t, []shapeFamily{{4, false}, {2, false}}, sr.families)
	assert.Equal(t, shapeList([]int{64, 128}), sr.shapes)
	var names []string
	for _, c := range sr.cases {
		names = append(names, c.name)
	}
	assert.Equal(t, []string{"Dot", "Dot×4", "DotQ8", "DotQ8×4", "AddWeighted"}, names)
	assert.Equal(t, "L2", sr.size.Name)

	o, _, err = parseFlags([]string{"-shape-cols", "48,72"}, os.Stderr)
	require.NoError(t, err)
	kr, _, err = o.kernelRun(describeCPU())
	require.NoError(t, err)
	sr, err = o.shapeRun(kr)
	require.NoError(t, err)
	assert.Equal(t, shapeList([]int{48, 72}), sr.shapes)
	assert.Len(t, sr.families, 4)
}

// evict reads its whole buffer and returns the read's speed.
func TestEvictSpeed(t *testing.T) {
	ms := &mikvRun{quick: true, bw: Bandwidth{Method: "bytes.Count"}}
	gbs := ms.evict()
	assert.Len(t, ms.evictBuf, int(ms.evictBytes()))
	assert.Greater(t, gbs, 0.0)
	assert.Less(t, gbs, 1e4, "GB/s: bytes over ns")
	assert.Zero(t, ms.evicted, "the buffer holds no zero byte")
}

// probeOp reads the size's probe buffer whole with the size's best probe:
// the traffic's bytes in L2, half of them for DRAM.
func TestProbeOp(t *testing.T) {
	l2 := &sizeSpec{Name: "L2", Traffic: 1 << 20, bw: Bandwidth{Method: "bytes.Count"}}
	probe, n := l2.probeOp()
	assert.Equal(t, 1<<20, n)
	before := probeSink
	probe()
	assert.Equal(t, before+bytes.Count(l2.probe, []byte{0}), probeSink)
	assert.Equal(t, before, probeSink, "a probe buffer holds no zero byte")

	dram := &sizeSpec{Name: "DRAM", Traffic: 1 << 20, bw: Bandwidth{Method: "bytes.Equal"}}
	probe, n = dram.probeOp()
	assert.Equal(t, 1<<19, n)
	before = probeSink
	probe()
	assert.Equal(t, before+1, probeSink, "bytes.Equal compared the two halves whole: equal")
	assert.Equal(t, int64(2<<30), (&sizeSpec{Name: "DRAM", Traffic: 8 << 30}).probeBytes())
}

// Every read probe scans a probe buffer whole, and probeScan finds each by
// name (the first for an unknown name).
func TestProbeScan(t *testing.T) {
	buf := newProbeBuffer(1001)
	require.Len(t, buf, 1000)
	a, b := buf[:500], buf[500:]
	assert.Equal(t, -2, probeScan("bytes.IndexByte")(a, b), "no zero byte")
	assert.Equal(t, 0, probeScan("bytes.Count")(a, b))
	assert.Equal(t, 1, probeScan("bytes.Equal")(a, b), "equal halves")
	assert.Equal(t, -2, probeScan("")(a, b))
}
