package main

import (
	"fmt"
	"io"
	"strings"
)

// compareReports prints runs a and b side by side: the machines, then every
// figure both measured, with the ratio b/a (above 1: b is faster).
func compareReports(w io.Writer, a, b *Report, nameA, nameB string) {
	for _, run := range []struct {
		label, name string
		r           *Report
	}{{"a", nameA, a}, {"b", nameB, b}} {
		fmt.Fprintf(w, "%s: %s\n   CPU: %s, %s, %s\n   %s\n", run.label, run.name, run.r.CPU, run.r.GoVersion, run.r.Date, implsLine(run.r))
	}
	fmt.Fprintf(w, "Ratios are b/a: above 1 means b is faster. Kernel rows compare generic with generic and each run's fastest implementation (named per row); MiKV rows ran on each run's active implementation.\n")
	if a.Active != b.Active {
		fmt.Fprintf(w, "Note: the runs' active implementations differ (a %s, b %s): the MiKV rows compare them, not only the machines or versions.\n", a.Active, b.Active)
	}

	if len(a.Bandwidth) > 0 && len(b.Bandwidth) > 0 {
		fmt.Fprintf(w, "\nstreaming read bandwidth   a GB/s   b GB/s   b/a\n")
		for _, ba := range a.Bandwidth {
			for _, bb := range b.Bandwidth {
				if ba.Size == bb.Size {
					fmt.Fprintf(w, "  %-4s (%9s/%9s) %8.1f %8.1f %5.2f\n", ba.Size, byteSize(ba.Bytes), byteSize(bb.Bytes), ba.GBs, bb.GBs, bb.GBs/ba.GBs)
				}
			}
		}
	}
	compareKernels(w, a, b)
	compareShapes(w, a, b)
	compareMiKV(w, a, b)
}

// implsLine describes the implementations a run measured and the one its
// package functions used: "implementations: generic, avx2 (84 of 84
// kernel/format pairs in assembly); active: avx2".
func implsLine(r *Report) string {
	var parts []string
	for _, im := range r.Implementations {
		if im.Name == "generic" {
			parts = append(parts, im.Name)
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (%d of %d kernel/format pairs in assembly)", im.Name, im.Accelerated, im.Pairs))
	}
	if len(parts) == 0 {
		parts = []string{"not recorded"}
	}
	active := r.Active
	if active == "" {
		active = "not recorded"
	}
	return "implementations: " + strings.Join(parts, ", ") + "; active: " + active
}

// compareMiKV prints the MiKV rows both runs measured.
func compareMiKV(w io.Writer, a, b *Report) {
	header := false
	for _, x := range a.MiKV {
		for _, y := range b.MiKV {
			if x.Context != y.Context || x.Config != y.Config {
				continue
			}
			if !header {
				fmt.Fprintf(w, "\n%-7s %-22s | %-22s | %s\n", "context", "cache", "K+V values/ns: a  b  b/a", "rel. error: a  b")
				header = true
			}
			fmt.Fprintf(w, "%-7d %-22s | %7s %7s %6.2f | %8.2g %8.2g\n", x.Context, x.Config, fmtValue(x.KVValuesPerNs), fmtValue(y.KVValuesPerNs), y.KVValuesPerNs/x.KVValuesPerNs, x.RelError, y.RelError)
		}
	}
}

// kernelKey identifies one cell of the kernel table across runs.
type kernelKey struct{ kernel, format, size string }

// bestOf returns, for every kernel/format/size of r, the generic result and
// the fastest timed result.
func bestOf(r *Report) (keys []kernelKey, generic, best map[kernelKey]KernelResult) {
	generic, best = map[kernelKey]KernelResult{}, map[kernelKey]KernelResult{}
	for _, k := range r.Kernels {
		if !k.Timed {
			continue
		}
		key := kernelKey{k.Kernel, k.Format, k.Size}
		if _, seen := best[key]; !seen {
			keys = append(keys, key)
		}
		if k.Impl == "generic" {
			generic[key] = k
		}
		if cur, ok := best[key]; !ok || k.ValuesPerNs > cur.ValuesPerNs {
			best[key] = k
		}
	}
	return keys, generic, best
}

// compareKernels prints the kernel cells both runs timed: generic against
// generic, and the fastest implementation of each run against each other
// (which may differ: avx512 on one CPU, neondot on another).
func compareKernels(w io.Writer, a, b *Report) {
	keys, genA, bestA := bestOf(a)
	_, genB, bestB := bestOf(b)
	header := false
	for _, key := range keys {
		xb, ok := bestB[key]
		if !ok {
			continue
		}
		xa := bestA[key]
		if !header {
			fmt.Fprintf(w, "\n%-12s %-7s %-4s | %-24s | %s\n", "kernel", "format", "size", "generic v/ns: a  b  b/a", "fastest v/ns: a (impl)  b (impl)  b/a")
			header = true
		}
		gen := strings.Repeat(" ", 24)
		if ga, ok := genA[key]; ok {
			if gb, ok := genB[key]; ok {
				gen = fmt.Sprintf("%7s %7s %6.2f  ", fmtValue(ga.ValuesPerNs), fmtValue(gb.ValuesPerNs), gb.ValuesPerNs/ga.ValuesPerNs)
			}
		}
		fmt.Fprintf(w, "%-12s %-7s %-4s | %s | %7s %-8s %7s %-8s %6.2f\n", key.kernel, key.format, key.size, gen,
			fmtValue(xa.ValuesPerNs), "("+xa.Impl+")", fmtValue(xb.ValuesPerNs), "("+xb.Impl+")", xb.ValuesPerNs/xa.ValuesPerNs)
	}
	if !header {
		fmt.Fprintf(w, "\nThe two runs timed no kernel in common.\n")
	}
}

// shapeKey identifies one cell of the shape table across runs.
type shapeKey struct {
	kernel, format string
	cols           int
}

// compareShapes prints the shape-table cells both runs timed, as
// compareKernels does: generic against generic, fastest against fastest.
func compareShapes(w io.Writer, a, b *Report) {
	best := func(r *Report) (keys []shapeKey, generic, fastest map[shapeKey]ShapeResult) {
		generic, fastest = map[shapeKey]ShapeResult{}, map[shapeKey]ShapeResult{}
		for _, s := range r.Shapes {
			if !s.Timed {
				continue
			}
			key := shapeKey{s.Kernel, s.Format, s.Cols}
			if _, seen := fastest[key]; !seen {
				keys = append(keys, key)
			}
			if s.Impl == "generic" {
				generic[key] = s
			}
			if cur, ok := fastest[key]; !ok || s.ValuesPerNs > cur.ValuesPerNs {
				fastest[key] = s
			}
		}
		return keys, generic, fastest
	}
	keys, genA, bestA := best(a)
	_, genB, bestB := best(b)
	header := false
	for _, key := range keys {
		xb, ok := bestB[key]
		if !ok {
			continue
		}
		xa := bestA[key]
		if !header {
			fmt.Fprintf(w, "\n%-12s %-7s %-4s | %-24s | %s\n", "shapes", "format", "cols", "generic v/ns: a  b  b/a", "fastest v/ns: a (impl)  b (impl)  b/a")
			header = true
		}
		gen := strings.Repeat(" ", 24)
		if ga, ok := genA[key]; ok {
			if gb, ok := genB[key]; ok {
				gen = fmt.Sprintf("%7s %7s %6.2f  ", fmtValue(ga.ValuesPerNs), fmtValue(gb.ValuesPerNs), gb.ValuesPerNs/ga.ValuesPerNs)
			}
		}
		fmt.Fprintf(w, "%-12s %-7s %-4d | %s | %7s %-8s %7s %-8s %6.2f\n", key.kernel, key.format, key.cols, gen,
			fmtValue(xa.ValuesPerNs), "("+xa.Impl+")", fmtValue(xb.ValuesPerNs), "("+xb.Impl+")", xb.ValuesPerNs/xa.ValuesPerNs)
	}
}
