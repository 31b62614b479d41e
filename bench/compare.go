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
				if ba.Size == bb.Size && max(1, ba.Goroutines) == max(1, bb.Goroutines) {
					name := ba.Size
					if ba.Goroutines > 1 {
						name = fmt.Sprintf("%s ×%d", ba.Size, ba.Goroutines)
					}
					fmt.Fprintf(w, "  %-7s (%9s/%9s) %8.1f %8.1f %5.2f\n", name, byteSize(ba.Bytes), byteSize(bb.Bytes), ba.GBs, bb.GBs, bb.GBs/ba.GBs)
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

// cell is one timed figure of a report's table: the row it belongs to
// (key, printed as label), the implementation and its values/ns.
type cell struct {
	key, label, impl string
	vns              float64
}

// kernelCells returns the timed cells of r's kernel table.
func kernelCells(r *Report) []cell {
	var cs []cell
	for _, k := range r.Kernels {
		if k.Timed {
			label := fmt.Sprintf("%-12s %-7s %-4s", k.Kernel, k.Format, k.Size)
			cs = append(cs, cell{label, label, k.Impl, k.ValuesPerNs})
		}
	}
	return cs
}

// shapeCells returns the timed cells of r's shape table.
func shapeCells(r *Report) []cell {
	var cs []cell
	for _, s := range r.Shapes {
		if s.Timed {
			label := fmt.Sprintf("%-12s %-7s %-4d", s.Kernel, s.Format, s.Cols)
			cs = append(cs, cell{label, label, s.Impl, s.ValuesPerNs})
		}
	}
	return cs
}

// bestOf returns the rows of cs in order, and per row the generic cell
// and the fastest one.
func bestOf(cs []cell) (keys []string, generic, best map[string]cell) {
	generic, best = map[string]cell{}, map[string]cell{}
	for _, c := range cs {
		if _, seen := best[c.key]; !seen {
			keys = append(keys, c.key)
		}
		if c.impl == "generic" {
			generic[c.key] = c
		}
		if cur, ok := best[c.key]; !ok || c.vns > cur.vns {
			best[c.key] = c
		}
	}
	return keys, generic, best
}

// compareKernels prints the kernel cells both runs timed: generic against
// generic, and the fastest implementation of each run against each other
// (which may differ: avx512 on one CPU, neondot on another).
func compareKernels(w io.Writer, a, b *Report) {
	if !compareCells(w, fmt.Sprintf("%-12s %-7s %-4s", "kernel", "format", "size"), kernelCells(a), kernelCells(b)) {
		fmt.Fprintf(w, "\nThe two runs timed no kernel in common.\n")
	}
}

// compareShapes prints the shape-table cells both runs timed, as
// compareKernels does.
func compareShapes(w io.Writer, a, b *Report) {
	compareCells(w, fmt.Sprintf("%-12s %-7s %-4s", "shapes", "format", "cols"), shapeCells(a), shapeCells(b))
}

// compareCells prints, under a header whose first columns are head, the
// rows of cells both runs timed: generic against generic, fastest against
// fastest. It reports whether there was any.
func compareCells(w io.Writer, head string, ca, cb []cell) bool {
	keys, genA, bestA := bestOf(ca)
	_, genB, bestB := bestOf(cb)
	header := false
	for _, key := range keys {
		xb, ok := bestB[key]
		if !ok {
			continue
		}
		xa := bestA[key]
		if !header {
			fmt.Fprintf(w, "\n%s | %-24s | %s\n", head, "generic v/ns: a  b  b/a", "fastest v/ns: a (impl)  b (impl)  b/a")
			header = true
		}
		gen := strings.Repeat(" ", 24)
		if ga, ok := genA[key]; ok {
			if gb, ok := genB[key]; ok {
				gen = fmt.Sprintf("%7s %7s %6.2f  ", fmtValue(ga.vns), fmtValue(gb.vns), gb.vns/ga.vns)
			}
		}
		fmt.Fprintf(w, "%s | %s | %7s %-8s %7s %-8s %6.2f\n", xa.label, gen,
			fmtValue(xa.vns), "("+xa.impl+")", fmtValue(xb.vns), "("+xb.impl+")", xb.vns/xa.vns)
	}
	return header
}
