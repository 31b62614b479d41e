package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/lowbit-ml/lowbit"
)

// options are the command-line flags.
type options struct {
	jsonFile      string
	compare       bool
	quick         bool
	kernels       string
	formats       string
	impls         string
	sizes         string
	cols          int
	group         int
	l2KiB         int
	dramMiB       int
	fallbacks     bool
	shapes        bool
	shapeCols     string
	mikv          bool
	contexts      string
	caches        string
	decodeWorkers int
	quality       bool
	tune          bool
	model         string
	budget        float64
	seqs          int
	length        int
	prefill       int
	workers       int
}

func parseFlags(args []string, stderr io.Writer) (*options, []string, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.StringVar(&o.jsonFile, "json", "", "also write the results as JSON to this `file`")
	fs.BoolVar(&o.compare, "compare", false, "print two JSON results (arguments a.json b.json) side by side as ratios b/a")
	fs.BoolVar(&o.quick, "quick", false, "a short smoke run: fewer formats and samples, smaller DRAM input and contexts")
	fs.StringVar(&o.kernels, "kernels", "", "comma-separated kernel `names` to measure (default all: "+strings.Join(caseNames(), ",")+"; \"none\" skips the kernel table)")
	fs.StringVar(&o.formats, "formats", "", "comma-separated `formats` (as q4g64, q4sg64, f16, f32; default every width 2-8, symmetric 2/4/8, f16, f32 in groups of -group)")
	fs.StringVar(&o.impls, "impls", "", "comma-separated implementation `names` (default every one this CPU runs; generic is always timed for the speed-ups)")
	fs.StringVar(&o.sizes, "sizes", "l2,dram", "input `sizes` to measure: l2, dram or both")
	fs.IntVar(&o.cols, "cols", 128, "values per row")
	fs.IntVar(&o.group, "group", 64, "group of the default formats")
	fs.IntVar(&o.l2KiB, "l2", 0, "bytes moved per call at the L2 size, in `KiB` (default half the L2 cache)")
	fs.IntVar(&o.dramMiB, "dram", 0, "bytes moved per call at the DRAM size, in `MiB` (default the larger of 256 MiB and 8x the L3 cache; -quick 32)")
	fs.BoolVar(&o.fallbacks, "fallbacks", false, "time implementations also where they fall back to the generic code")
	fs.BoolVar(&o.shapes, "shapes", true, "measure the attention kernels on 4- and 2-bit codes over every row length of -shape-cols and group (8, 16, 32, 64 and the whole row)")
	fs.StringVar(&o.shapeCols, "shape-cols", "", "row `lengths` of the shape table, comma-separated (default 64,80,96,128,256; -quick 64,128)")
	fs.BoolVar(&o.mikv, "mikv", true, "measure MiKV decode attention")
	fs.StringVar(&o.caches, "caches", "", "MiKV: comma-separated `words`; only the caches whose name contains one of them (case-insensitive) are measured (default all)")
	fs.StringVar(&o.contexts, "contexts", "", "MiKV context `lengths`, comma-separated (default 1024,4096,32768; -quick 1024)")
	fs.IntVar(&o.decodeWorkers, "decode-workers", runtime.NumCPU(), "MiKV: Config.Workers of the second timing of each row (1: one goroutine only)")
	fs.BoolVar(&o.quality, "quality", false, "cache fidelity on the checkpoint given by -model, instead of speed")
	fs.BoolVar(&o.tune, "tune", false, "search cache configurations on the checkpoint given by -model, instead of speed")
	fs.StringVar(&o.model, "model", os.Getenv("LOWBIT_MODEL"), "llama2.c checkpoint `file` for -quality and -tune (default $LOWBIT_MODEL)")
	fs.Float64Var(&o.budget, "budget", 0.35, "-tune: cache memory budget as a `share` of the fp16 cache")
	fs.IntVar(&o.seqs, "seqs", 0, "-quality, -tune: sequences to evaluate on (default 8; -quick 3)")
	fs.IntVar(&o.length, "len", 0, "-quality, -tune: tokens per sequence (default the model's context)")
	fs.IntVar(&o.prefill, "prefill", 64, "-quality, -tune: prompt tokens passed to Prefill; the rest is decoded token by token")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "-quality, -tune: sequences evaluated in parallel")
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	return o, fs.Args(), nil
}

func main() {
	o, args, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		os.Exit(2)
	}
	if err := run(o, args, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// run executes the mode the options pick.
func run(o *options, args []string, stdout, stderr io.Writer) error {
	if o.compare {
		if len(args) != 2 {
			return fmt.Errorf("-compare takes two JSON files, got %d arguments", len(args))
		}
		a, err := readReport(args[0])
		if err != nil {
			return err
		}
		b, err := readReport(args[1])
		if err != nil {
			return err
		}
		compareReports(stdout, a, b, args[0], args[1])
		return nil
	}
	if len(args) > 0 {
		return fmt.Errorf("unexpected arguments %q", args)
	}
	rep := newReport()
	var err error
	switch {
	case o.quality:
		err = runQuality(o, rep, stdout, stderr)
	case o.tune:
		err = runTune(o, rep, stdout, stderr)
	default:
		err = runSpeed(o, rep, stdout, stderr)
	}
	if err != nil {
		return err
	}
	if o.jsonFile != "" {
		if err := rep.write(o.jsonFile); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "bench: wrote %s\n", o.jsonFile)
	}
	return nil
}

// runSpeed is the default mode: CPU, bandwidth and FMA peak, kernel
// table, MiKV table.
func runSpeed(o *options, rep *Report, w, progress io.Writer) error {
	start := time.Now()
	kr, dram, err := o.kernelRun(rep.CPU)
	if err != nil {
		return err
	}
	var ms *mikvRun
	if o.mikv {
		if ms, err = o.mikvRun(); err != nil {
			return err
		}
	}
	printHeader(w, rep)

	fmt.Fprintf(progress, "bench: measuring the streaming read bandwidth\n")
	fmt.Fprintf(w, "\nStreaming read bandwidth, one goroutine: the best of Go's vectorized read-only\nscans (bytes.IndexByte, bytes.Count, bytes.Equal), median of several passes:\n")
	sizes := kr.sizes
	if ms != nil && !slices.ContainsFunc(sizes, func(s *sizeSpec) bool { return s.Name == "DRAM" }) {
		sizes = append(slices.Clip(sizes), dram) // the MiKV ceilings need it
	}
	for _, s := range sizes {
		s.bw = measureBandwidth(s.Traffic, s.t)
		s.bw.Size = s.Name
		rep.Bandwidth = append(rep.Bandwidth, s.bw)
		fmt.Fprintf(w, "  %-4s %9s: %6.1f GB/s  (%s)\n", s.Name, byteSize(s.bw.Bytes), s.bw.GBs, s.bw.Method)
		if s.Name == "DRAM" && ms != nil {
			ms.bw = s.bw
			if ms.workers > 1 { // the ceiling of the Workers timings
				ms.bwWorkers = measureBandwidthOn(s.Traffic, s.t, ms.workers, s.bw.Method)
				ms.bwWorkers.Size = s.Name
				rep.Bandwidth = append(rep.Bandwidth, ms.bwWorkers)
				fmt.Fprintf(w, "  %-4s %9s: %6.1f GB/s  (%s on %d goroutines, each its own part: %.2fx one)\n", s.Name, byteSize(ms.bwWorkers.Bytes), ms.bwWorkers.GBs, s.bw.Method, ms.workers, ms.bwWorkers.GBs/s.bw.GBs)
			}
		}
	}
	fmt.Fprintf(progress, "bench: measuring the FMA peak\n")
	rep.FMAPeak = measureFMAPeak(rep.Active)
	if p := rep.FMAPeak; p.LanesPerNs > 0 {
		fmt.Fprintf(w, "FMA peak of %s, one goroutine: %.1f float32 FMA lanes per ns (%s registers, best of 7)\n", rep.Active, p.LanesPerNs, p.Vector)
	} else {
		fmt.Fprintf(w, "FMA peak of %s: no probe for this implementation\n", rep.Active)
	}

	if len(kr.cases) > 0 {
		fmt.Fprintf(w, "\nKernels on rows of %d values. Per call, about", kr.cols)
		for i, s := range kr.sizes {
			if i > 0 {
				fmt.Fprint(w, " and")
			}
			fmt.Fprintf(w, " %s (%s)", byteSize(s.Traffic), s.Name)
		}
		fmt.Fprintf(w, ` of memory traffic:
the packed rows plus the float32 inputs and outputs a call must read or write.
v/ns: values of the packed rows (or float32 values) per ns; GB/s: that traffic
per second; ×gen: speed-up over generic; %%bw: share of the read bandwidth at
that size, read by the probe above in turns with the kernels (so that a drift
of the machine's bandwidth moves both alike; from a buffer of the size's
traffic, half of it for DRAM); writes count as traffic, so it can exceed what
reads alone reach.
Dot×%d: %d query rows (a GQA group) per pass. impl*: falls back to generic.
`, gqaHeads, gqaHeads)
		rep.Cols = kr.cols
		rep.Kernels = kr.run(w, progress)
		// The same probe again: if it moved, the machine's load changed
		// during the run, and the shares above are off by as much.
		fmt.Fprintf(progress, "bench: measuring the read bandwidth again\n")
		fmt.Fprintf(w, "\nRead bandwidth again after the table (the %%bw columns use the reads in turns with each row):")
		for _, s := range kr.sizes {
			bw := measureBandwidth(s.Traffic, s.t)
			bw.Size = s.Name
			rep.BandwidthEnd = append(rep.BandwidthEnd, bw)
			fmt.Fprintf(w, " %s %.1f GB/s (%+.0f%%)", s.Name, bw.GBs, 100*(bw.GBs/s.bw.GBs-1))
		}
		fmt.Fprintln(w)
	}
	if o.shapes {
		sr, err := o.shapeRun(kr)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "\nShapes: the attention kernels on rows of every length and group, %s (%s) per call.\n", byteSize(sr.size.Traffic), sr.size.Name)
		fmt.Fprintf(w, "v/ns as above; ×ref: share of the same kernel's figure on rows of %s (its own implementation).\n", refShape)
		rep.Shapes = sr.run(w, progress)
	}
	if ms != nil {
		ms.fma, ms.l3 = rep.FMAPeak, int64(rep.CPU.L3)
		rep.MiKV = ms.run(w, progress)
	}
	fmt.Fprintf(progress, "bench: done in %.0f s\n", time.Since(start).Seconds())
	return nil
}

// printHeader prints the run's description: CPU and implementations.
func printHeader(w io.Writer, rep *Report) {
	fmt.Fprintf(w, "lowbit bench, %s, %s\n", rep.Date, rep.GoVersion)
	fmt.Fprintf(w, "CPU: %s\n", rep.CPU)
	fmt.Fprintf(w, "Caches: %s\n", rep.CPU.Caches())
	fmt.Fprintf(w, "Features: %s\n", strings.Join(rep.CPU.KernelFeatures(), " "))
	fmt.Fprintf(w, "Implementations:")
	for i, im := range rep.Implementations {
		if i > 0 {
			fmt.Fprint(w, ",")
		}
		if im.Name == "generic" {
			fmt.Fprintf(w, " generic")
			continue
		}
		fmt.Fprintf(w, " %s (%d of %d kernel/format pairs in assembly)", im.Name, im.Accelerated, im.Pairs)
	}
	fmt.Fprintf(w, "; active: %s\n", lowbit.Active().Name())
}

// kernelRun turns the flags into what the kernel table measures, and
// returns the DRAM size's settings too (the MiKV table's ceilings need its
// bandwidth even when the kernel table does not measure that size).
func (o *options) kernelRun(cpu CPU) (*kernelRun, *sizeSpec, error) {
	kr := &kernelRun{cols: o.cols, fallbacks: o.fallbacks}
	switch {
	case o.kernels == "none":
	case o.kernels == "":
		kr.cases = kernelCases
	default:
		for _, name := range splitList(o.kernels) {
			c, ok := findCase(name)
			if !ok {
				return nil, nil, fmt.Errorf("-kernels: no kernel %q (have %s)", name, strings.Join(caseNames(), ", "))
			}
			kr.cases = append(kr.cases, c)
		}
	}
	if o.formats == "" {
		kr.formats = defaultFormats(o.group, o.quick)
	} else {
		for _, s := range splitList(o.formats) {
			f, err := lowbit.ParseFormat(s)
			if err != nil {
				return nil, nil, fmt.Errorf("-formats: %w", err)
			}
			kr.formats = append(kr.formats, f)
		}
	}
	for _, f := range kr.formats {
		if err := f.ValidateCols(o.cols); err != nil {
			return nil, nil, fmt.Errorf("-formats %s with -cols %d: %w", f, o.cols, err)
		}
	}
	if o.impls == "" {
		kr.impls = lowbit.Implementations()
	} else {
		kr.impls = []*lowbit.Implementation{lowbit.Generic()}
		for _, name := range splitList(o.impls) {
			im := lowbit.Lookup(name)
			if im == nil {
				return nil, nil, fmt.Errorf("-impls: this CPU cannot run %q (it runs %s)", name, strings.Join(implNames(lowbit.Implementations()), ", "))
			}
			if im.Name() != "generic" {
				kr.impls = append(kr.impls, im)
			}
		}
	}
	l2, dram := defaultSizes(cpu)
	if o.l2KiB > 0 {
		l2 = int64(o.l2KiB) << 10
	}
	if o.dramMiB > 0 {
		dram = int64(o.dramMiB) << 20
	} else if o.quick {
		dram = min(dram, 32<<20)
	}
	l2t := timing{minSample: 2 * time.Millisecond, samples: 7, budget: 150 * time.Millisecond}
	dramt := timing{minSample: 5 * time.Millisecond, samples: 5, budget: 350 * time.Millisecond}
	if o.quick {
		l2t = timing{minSample: time.Millisecond, samples: 3, budget: 30 * time.Millisecond}
		dramt = timing{minSample: 2 * time.Millisecond, samples: 3, budget: 60 * time.Millisecond}
	}
	dramSpec := &sizeSpec{Name: "DRAM", Traffic: dram, t: dramt}
	for _, s := range splitList(o.sizes) {
		switch strings.ToLower(s) {
		case "l2":
			kr.sizes = append(kr.sizes, &sizeSpec{Name: "L2", Traffic: l2, t: l2t})
		case "dram":
			kr.sizes = append(kr.sizes, dramSpec)
		default:
			return nil, nil, fmt.Errorf("-sizes: no size %q (want l2, dram)", s)
		}
	}
	if len(kr.sizes) == 0 {
		return nil, nil, fmt.Errorf("-sizes: none given")
	}
	return kr, dramSpec, nil
}

// shapeRun turns the flags into what the shape table measures: the
// kernel table's implementations, at its L2 size (or the first size it
// has, if it has no L2 one).
func (o *options) shapeRun(kr *kernelRun) (*shapeRun, error) {
	cols := []int{64, 80, 96, 128, 256}
	if o.quick {
		cols = []int{64, 128}
	}
	if o.shapeCols != "" {
		cols = nil
		for _, s := range splitList(o.shapeCols) {
			var c int
			if _, err := fmt.Sscan(s, &c); err != nil || c <= 0 || c%8 != 0 {
				return nil, fmt.Errorf("-shape-cols: %q is not a positive multiple of 8", s)
			}
			cols = append(cols, c)
		}
	}
	size := kr.sizes[0]
	for _, s := range kr.sizes {
		if s.Name == "L2" {
			size = s
		}
	}
	return newShapeRun(cols, kr.impls, size, kr.fallbacks, o.quick), nil
}

// defaultSizes returns the bytes moved per call at the L2 size (half the L2
// cache, so the input stays resident) and at the DRAM size: the larger of
// 256 MiB and 8× the L3 cache (a virtual machine may not report its L3,
// and a "DRAM" input that part of the L3 serves reads too fast), at most
// 4 GiB.
func defaultSizes(cpu CPU) (l2, dram int64) {
	l2 = 256 << 10
	if cpu.L2 > 0 {
		l2 = int64(cpu.L2) / 2
	}
	dram = 256 << 20
	if cpu.L3 > 0 {
		dram = max(dram, 8*int64(cpu.L3))
	}
	return l2, min(dram, 4<<30)
}

// defaultFormats returns every code width 2-8 asymmetric, the symmetric
// primary widths 2, 4 and 8, fp16 and float32 (quick: fewer).
func defaultFormats(group int, quick bool) []lowbit.Format {
	if quick {
		return []lowbit.Format{lowbit.Quant(2, group), lowbit.Quant(4, group), lowbit.SymQuant(4, group), lowbit.Quant(8, group), lowbit.F16}
	}
	var fs []lowbit.Format
	for b := 2; b <= 8; b++ {
		fs = append(fs, lowbit.Quant(b, group))
	}
	for _, b := range []int{2, 4, 8} {
		fs = append(fs, lowbit.SymQuant(b, group))
	}
	return append(fs, lowbit.F16, lowbit.F32)
}

func findCase(name string) (kernelCase, bool) {
	for _, c := range kernelCases {
		if strings.EqualFold(c.name, name) || strings.EqualFold(strings.ReplaceAll(c.name, "×", "x"), name) {
			return c, true
		}
	}
	return kernelCase{}, false
}

func caseNames() []string {
	names := make([]string, len(kernelCases))
	for i, c := range kernelCases {
		names[i] = strings.ReplaceAll(c.name, "×", "x")
	}
	return names
}

func implNames(ims []*lowbit.Implementation) []string {
	names := make([]string, len(ims))
	for i, im := range ims {
		names[i] = im.Name()
	}
	return names
}

// splitList splits a comma-separated flag value, dropping empty entries.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// baseName is a file's name without its directory (reports never carry
// paths of the machine they ran on).
func baseName(path string) string { return filepath.Base(path) }
