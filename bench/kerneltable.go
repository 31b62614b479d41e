package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"

	"github.com/lowbit-ml/lowbit"
)

// KernelResult is one kernel, format, implementation and size.
type KernelResult struct {
	Kernel      string `json:"kernel"`
	Format      string `json:"format"` // "-" for kernels on float32 alone
	Impl        string `json:"impl"`
	Accelerated bool   `json:"accelerated"` // the implementation's own code ran, not the generic fallback
	Size        string `json:"size"`        // "L2" or "DRAM"
	Rows        int    `json:"rows"`
	Cols        int    `json:"cols"`
	Values      int64  `json:"values"`        // values per call
	Traffic     int64  `json:"traffic_bytes"` // bytes read and written per call, at least
	// Timed is false for an implementation that falls back to the generic
	// code here and was not timed (the figures below are then zero).
	Timed       bool    `json:"timed"`
	NsPerCall   float64 `json:"ns_per_call"` // median
	ValuesPerNs float64 `json:"values_per_ns"`
	GBs         float64 `json:"gb_per_s"`           // traffic per second, 1e9 bytes
	Speedup     float64 `json:"speedup_vs_generic"` // 0 when generic was not timed
	// BWShare is GBs over BWGBs, the streaming read bandwidth at this
	// size, read by the run's best probe timed in turns with the
	// implementations (sizeSpec.probeOp); 0 when not measured.
	BWShare float64 `json:"bandwidth_share"`
	BWGBs   float64 `json:"bandwidth_gb_per_s,omitempty"`
}

// sizeSpec is one input size of the kernel table.
type sizeSpec struct {
	Name    string
	Traffic int64 // bytes per call, about
	t       timing
	bw      Bandwidth
	probe   []byte // the buffer probeOp reads, made at its first call
}

// kernelRun says what the kernel table measures.
type kernelRun struct {
	cases     []kernelCase
	formats   []lowbit.Format
	impls     []*lowbit.Implementation
	sizes     []*sizeSpec
	cols      int
	fallbacks bool // time implementations where they fall back to generic, too
}

// implsTimed returns the implementations to time for kernel k and format
// f: every one that runs its own code, and generic.
func (kr *kernelRun) implsTimed(k lowbit.Kernel, f lowbit.Format) (timed, fallback []*lowbit.Implementation) {
	for _, im := range kr.impls {
		if im.Name() == "generic" || kr.fallbacks || im.Accelerated(k, f) {
			timed = append(timed, im)
		} else {
			fallback = append(fallback, im)
		}
	}
	return timed, fallback
}

// run measures every case and prints the table to w as it goes, with
// progress on progress.
func (kr *kernelRun) run(w, progress io.Writer) []KernelResult {
	var results []KernelResult
	fmt.Fprintf(w, "\n%-12s %-7s %-8s", "kernel", "format", "impl")
	for _, s := range kr.sizes {
		fmt.Fprintf(w, " | %-4s %7s %7s %6s %5s", s.Name, "v/ns", "GB/s", "×gen", "%bw")
	}
	fmt.Fprintln(w)

	type group struct {
		f     lowbit.Format
		label string
		cases []kernelCase
	}
	var groups []group
	for _, f := range kr.formats {
		var cs []kernelCase
		for _, c := range kr.cases {
			if c.perFormat {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			groups = append(groups, group{f, f.String(), cs})
		}
	}
	var floats []kernelCase
	for _, c := range kr.cases {
		if !c.perFormat {
			floats = append(floats, c)
		}
	}
	if len(floats) > 0 {
		groups = append(groups, group{lowbit.F32, "-", floats})
	}

	total := 0
	for _, g := range groups {
		total += len(g.cases)
	}
	done := 0
	for _, g := range groups {
		rng := rand.New(rand.NewPCG(1, uint64(g.f.Bits)))
		inputs := make([]*input, len(kr.sizes))
		for si, s := range kr.sizes {
			var base *input
			if si > 0 {
				base = inputs[0]
			}
			if g.label == "-" {
				inputs[si] = newFloatInput(kr.cols, s.Traffic, base, rng)
			} else {
				inputs[si] = newInput(g.f, kr.cols, s.Traffic, base, rng)
			}
		}
		for _, c := range g.cases {
			done++
			fmt.Fprintf(progress, "bench: [%d/%d] %s %s\n", done, total, c.name, g.label)
			timed, fallback := kr.implsTimed(c.kernel, g.f)
			rs := make([][]KernelResult, len(timed)) // [impl][size]
			for i := range rs {
				rs[i] = make([]KernelResult, len(kr.sizes))
			}
			for si, s := range kr.sizes {
				in := inputs[si]
				n := c.rows(in)
				ops := make([]func(), len(timed), len(timed)+1)
				for ii, im := range timed {
					ops[ii] = c.op(im, in)
				}
				probe, probeBytes := s.probeOp()
				ops = append(ops, probe)
				nss := s.t.measureAll(ops)
				bw := float64(probeBytes) / nss[len(timed)]
				genNs := 0.0
				for ii, im := range timed {
					ns := nss[ii]
					r := KernelResult{
						Kernel: c.name, Format: g.label, Impl: im.Name(), Accelerated: im.Accelerated(c.kernel, g.f),
						Size: s.Name, Rows: n, Cols: kr.cols, Values: int64(n) * int64(kr.cols),
						Traffic: c.traffic(g.f, n, kr.cols), Timed: true, NsPerCall: ns,
					}
					r.ValuesPerNs = float64(r.Values) / ns
					r.GBs = float64(r.Traffic) / ns
					r.BWGBs = bw
					r.BWShare = r.GBs / bw
					if im.Name() == "generic" {
						genNs = ns
					}
					rs[ii][si] = r
				}
				for ii := range timed {
					if genNs > 0 {
						rs[ii][si].Speedup = genNs / rs[ii][si].NsPerCall
					}
				}
			}
			for ii, im := range timed {
				fmt.Fprintf(w, "%-12s %-7s %-8s", c.name, g.label, implLabel(im, c.kernel, g.f))
				for si := range kr.sizes {
					r := rs[ii][si]
					results = append(results, r)
					sp := "-"
					if r.Speedup > 0 {
						sp = fmt.Sprintf("%.2f", r.Speedup)
					}
					fmt.Fprintf(w, " | %-4s %7s %7s %6s %5s", "", fmtValue(r.ValuesPerNs), fmtValue(r.GBs), sp, fmtShare(r.BWShare))
				}
				fmt.Fprintln(w)
			}
			if len(fallback) > 0 {
				names := make([]string, len(fallback))
				for i, im := range fallback {
					names[i] = im.Name()
					for _, s := range kr.sizes {
						results = append(results, KernelResult{Kernel: c.name, Format: g.label, Impl: im.Name(), Size: s.Name, Cols: kr.cols})
					}
				}
				fmt.Fprintf(w, "%-12s %-7s %s: generic code (not timed)\n", c.name, g.label, strings.Join(names, ", "))
			}
		}
		inputs = nil
		runtime.GC() // DRAM-sized inputs of one format are garbage now
	}
	for _, s := range kr.sizes {
		s.probe = nil // the MiKV table has its own
	}
	return results
}

// implLabel is the implementation's name, starred when it falls back to the
// generic code for this kernel and format.
func implLabel(im *lowbit.Implementation, k lowbit.Kernel, f lowbit.Format) string {
	if im.Name() != "generic" && !im.Accelerated(k, f) {
		return im.Name() + "*"
	}
	return im.Name()
}

// fmtValue prints a rate with three significant digits.
func fmtValue(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3f", v)
}

// fmtShare prints a share as a percentage, with a decimal below 10%.
func fmtShare(s float64) string {
	if s < 0.1 {
		return fmt.Sprintf("%.1f%%", 100*s)
	}
	return fmt.Sprintf("%.0f%%", 100*s)
}

// probeSink takes the probes' results, so that no read can be left out.
var probeSink int

// probeBytes is the size of the buffer that probeOp reads: the size's
// traffic, but at most half of it and 2 GiB for DRAM sizes (which are at
// least 256 MiB and 8 times a reported L3, so half still exceeds every
// cache level), held while the table runs beside the inputs.
func (s *sizeSpec) probeBytes() int64 {
	if s.Name == "DRAM" {
		return min(s.Traffic/2, 2<<30)
	}
	return s.Traffic
}

// probeOp returns a read of the size's probe buffer by the probe that
// measured the size's bandwidth (s.bw.Method), and the bytes it reads: the
// yardstick of a kernel row's %bw, timed in turns with the kernels, so
// that a machine whose bandwidth drifts during the table moves both alike.
// (A read of the kernel's own input cannot serve: only bytes.Count scans
// arbitrary bytes whole, and it reads 24-29% slower than bytes.Equal from
// DRAM on one Intel VM and about half as fast in L2.)
func (s *sizeSpec) probeOp() (func(), int) {
	if s.probe == nil {
		s.probe = newProbeBuffer(s.probeBytes())
	}
	buf, scan := s.probe, probeScan(s.bw.Method)
	n := len(buf) / 2
	return func() { probeSink += scan(buf[:n], buf[n:]) }, len(buf)
}
