package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/lowbit-ml/lowbit"
)

// The shape table: the kernels attention runs (Dot, Dot×4, DotQ8, DotQ8×4,
// AddWeighted) on 4- and 2-bit codes over the row lengths and groups real
// models have (head dimensions 64 to 256, groups of 8 values to a whole
// row), each as values per ns and as a share of the same kernel's figure
// on rows of 128 in groups of 64, the shape the kernels were first made
// fast for. A user finds their model's shape there, and sees what it costs
// against the best one.

// ShapeResult is one kernel, format, row shape and implementation of the
// shape table.
type ShapeResult struct {
	Kernel      string `json:"kernel"`
	Format      string `json:"format"` // as lowbit.ParseFormat reads it: q4g64, q2sg8
	Cols        int    `json:"cols"`
	Group       int    `json:"group"`
	Impl        string `json:"impl"`
	Accelerated bool   `json:"accelerated"`
	// Timed is false for an implementation that falls back to the generic
	// code here and was not timed (the figures below are then zero).
	Timed       bool    `json:"timed"`
	Rows        int     `json:"rows"`
	NsPerCall   float64 `json:"ns_per_call"` // median
	ValuesPerNs float64 `json:"values_per_ns"`
	// VsRef is ValuesPerNs over the same kernel's, format family's and
	// implementation's on rows of 128 in groups of 64 (0 when that one was
	// not timed).
	VsRef float64 `json:"vs_128x64"`
}

// shape is a row length and a group.
type shape struct{ cols, group int }

// refShape is the shape the table's ratios are taken against.
var refShape = shape{128, 64}

func (s shape) String() string { return fmt.Sprintf("%d×%d", s.cols, s.group) }

// shapeFamily is a code width, symmetric or not: the formats of the table
// are its instances in every group.
type shapeFamily struct {
	bits int
	sym  bool
}

func (fm shapeFamily) format(group int) lowbit.Format {
	if fm.sym {
		return lowbit.SymQuant(fm.bits, group)
	}
	return lowbit.Quant(fm.bits, group)
}

// String names the family as its formats are named, without the group:
// q4, q4s.
func (fm shapeFamily) String() string {
	if fm.sym {
		return fmt.Sprintf("q%ds", fm.bits)
	}
	return fmt.Sprintf("q%d", fm.bits)
}

// shapeGroups are the groups the table tries in every row length, besides
// the whole row.
var shapeGroups = []int{8, 16, 32, 64}

// shapeList returns, for every row length in cols (in order), the groups of
// shapeGroups that divide it and the whole row, smallest first, with
// refShape added if it is not among them.
func shapeList(cols []int) []shape {
	var out []shape
	for _, c := range cols {
		var gs []int
		for _, g := range shapeGroups {
			if c%g == 0 {
				gs = append(gs, g)
			}
		}
		if !slices.Contains(gs, c) {
			gs = append(gs, c)
		}
		for _, g := range gs {
			s := shape{c, g}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	if !slices.Contains(out, refShape) {
		out = append(out, refShape)
	}
	return out
}

// shapeCaseNames are the kernel cases of the table, as kernelCases names
// them.
var shapeCaseNames = []string{"Dot", fmt.Sprintf("Dot×%d", gqaHeads), "DotQ8", fmt.Sprintf("DotQ8×%d", gqaHeads), "AddWeighted"}

// shapeRun says what the shape table measures.
type shapeRun struct {
	cases     []kernelCase
	families  []shapeFamily
	shapes    []shape
	impls     []*lowbit.Implementation
	size      *sizeSpec // L2
	fallbacks bool
}

// newShapeRun returns the table for the row lengths cols: every kernel
// case of shapeCaseNames on q4, q4s, q2 and q2s (quick: q4 and q2 on
// fewer shapes).
func newShapeRun(cols []int, impls []*lowbit.Implementation, size *sizeSpec, fallbacks, quick bool) *shapeRun {
	sr := &shapeRun{impls: impls, size: size, fallbacks: fallbacks, shapes: shapeList(cols)}
	for _, name := range shapeCaseNames {
		c, ok := findCase(name)
		if !ok {
			panic("bench: no kernel case " + name)
		}
		sr.cases = append(sr.cases, c)
	}
	sr.families = []shapeFamily{{4, false}, {4, true}, {2, false}, {2, true}}
	if quick {
		sr.families = []shapeFamily{{4, false}, {2, false}}
	}
	return sr
}

// run measures every kernel, family and shape, implementations side by
// side, and prints the table to w.
func (sr *shapeRun) run(w, progress io.Writer) []ShapeResult {
	var results []ShapeResult
	done, total := 0, len(sr.families)*len(sr.shapes)
	for _, fm := range sr.families {
		for _, s := range sr.shapes {
			done++
			f := fm.format(s.group)
			fmt.Fprintf(progress, "bench: shapes [%d/%d] %s on rows of %d\n", done, total, f, s.cols)
			in := newInput(f, s.cols, sr.size.Traffic, nil, rand.New(rand.NewPCG(3, uint64(s.cols*1000+s.group))))
			for _, c := range sr.cases {
				results = append(results, sr.measure(c, f, s, in)...)
			}
		}
	}
	setShapeRatios(results)
	sortShapeResults(results, sr.cases, sr.families, sr.shapes)
	printShapeTable(w, results, sr.implNames())
	return results
}

// sortShapeResults orders the results for reading: by kernel, then format
// family, then shape (in the orders given), then implementation (stable).
func sortShapeResults(rs []ShapeResult, cases []kernelCase, families []shapeFamily, shapes []shape) {
	rank := func(r ShapeResult) [3]int {
		var k [3]int
		k[0] = slices.IndexFunc(cases, func(c kernelCase) bool { return c.name == r.Kernel })
		k[1] = slices.IndexFunc(families, func(fm shapeFamily) bool { return fm.format(r.Group).String() == r.Format })
		k[2] = slices.Index(shapes, shape{r.Cols, r.Group})
		return k
	}
	slices.SortStableFunc(rs, func(a, b ShapeResult) int {
		ka, kb := rank(a), rank(b)
		for i := range ka {
			if ka[i] != kb[i] {
				return ka[i] - kb[i]
			}
		}
		return 0
	})
}

// measure times kernel case c on input in of format f and shape s on every
// implementation that runs its own code there (and generic).
func (sr *shapeRun) measure(c kernelCase, f lowbit.Format, s shape, in *input) []ShapeResult {
	var timed []*lowbit.Implementation
	var out []ShapeResult
	for _, im := range sr.impls {
		r := ShapeResult{Kernel: c.name, Format: f.String(), Cols: s.cols, Group: s.group, Impl: im.Name(), Accelerated: im.Accelerated(c.kernel, f)}
		if im.Name() == "generic" || r.Accelerated || sr.fallbacks {
			timed = append(timed, im)
		}
		out = append(out, r)
	}
	ops := make([]func(), len(timed))
	for i, im := range timed {
		ops[i] = c.op(im, in)
	}
	nss := sr.size.t.measureAll(ops)
	n := c.rows(in)
	for i, im := range timed {
		for k := range out {
			if out[k].Impl == im.Name() {
				out[k].Timed, out[k].Rows, out[k].NsPerCall = true, n, nss[i]
				out[k].ValuesPerNs = float64(n) * float64(s.cols) / nss[i]
			}
		}
	}
	return out
}

func (sr *shapeRun) implNames() []string { return implNames(sr.impls) }

// setShapeRatios sets VsRef of every timed result from the result of the
// same kernel, format family and implementation on refShape.
func setShapeRatios(rs []ShapeResult) {
	type key struct{ kernel, family, impl string }
	ref := map[key]float64{}
	family := func(r ShapeResult) string { return strings.TrimSuffix(r.Format, fmt.Sprintf("g%d", r.Group)) }
	for _, r := range rs {
		if r.Timed && r.Cols == refShape.cols && r.Group == refShape.group {
			ref[key{r.Kernel, family(r), r.Impl}] = r.ValuesPerNs
		}
	}
	for i, r := range rs {
		if v := ref[key{r.Kernel, family(r), r.Impl}]; r.Timed && v > 0 {
			rs[i].VsRef = r.ValuesPerNs / v
		}
	}
}

// printShapeTable prints the results: a line per kernel, format and shape,
// a column of values/ns and share of 128×64 per implementation ("generic
// code" where an implementation falls back to it and was not timed).
func printShapeTable(w io.Writer, rs []ShapeResult, impls []string) {
	fmt.Fprintf(w, "%-12s %-7s %-8s", "kernel", "format", "shape")
	for _, name := range impls {
		fmt.Fprintf(w, " | %-15s", name+" v/ns ×ref")
	}
	fmt.Fprintln(w)
	for i := 0; i < len(rs); i += len(impls) {
		r := rs[i]
		fmt.Fprintf(w, "%-12s %-7s %-8s", r.Kernel, strings.TrimSuffix(r.Format, fmt.Sprintf("g%d", r.Group)), shape{r.Cols, r.Group})
		for _, x := range rs[i : i+len(impls)] {
			fmt.Fprintf(w, " | %-15s", fmtShapeCell(x))
		}
		fmt.Fprintln(w)
	}
}

// fmtShapeCell prints a result's values/ns and its share of 128×64.
func fmtShapeCell(r ShapeResult) string {
	if !r.Timed {
		return "generic code"
	}
	ratio := "-"
	if r.VsRef > 0 {
		ratio = fmt.Sprintf("%.2f", r.VsRef)
	}
	return fmt.Sprintf("%7s %5s", fmtValue(r.ValuesPerNs), ratio)
}
