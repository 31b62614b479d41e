// Command kernelgen writes the Go side of lowbit's assembly kernels: per
// architecture one file, kernels_decl_<arch>.go in the root package, that
// declares every assembly function (//go:noescape) and, for each set of
// kernels that differ only in their shape (code width, query rows per
// pass, row length, group, ...), the switch that calls the kernel of a
// shape. The tables in tables.go are the source of truth; the assembly
// defines the functions they name (the build fails when one is missing,
// and go vet when one has no declaration).
//
// Run it in the repository's root directory, where doc.go has the
// go:generate line:
//
//	go generate
//
// or go run ./internal/kernelgen [-dir DIR]. The test in this directory
// fails when a checked-in file differs from what the tables generate.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"log"
	"os"
	"path/filepath"
	"strings"
)

// An axis is one dimension of a set of kernels: its values, the part of a
// kernel's name that each value gives, and the parameter of the set's
// switch that selects a value (for axes of more than one value).
type axis struct {
	param  string
	values []int
	token  func(v int) string
	label  string // how the pattern in the doc comments writes the token
}

// fixed is a part of the name shared by every kernel of a set.
func fixed(token string) axis {
	return axis{values: []int{0}, token: func(int) string { return token }, label: token}
}

// widths are code widths: W2 … W8.
func widths(lo, hi int) axis {
	var v []int
	for b := lo; b <= hi; b++ {
		v = append(v, b)
	}
	return axis{param: "bits", values: v, token: func(b int) string { return fmt.Sprintf("W%d", b) }, label: "W<bits>"}
}

// someWidths are the listed code widths.
func someWidths(bits ...int) axis {
	a := widths(0, -1)
	a.values = bits
	return a
}

// floats are fp16 and float32 rows, selected by their bits: F16, F32.
func floats() axis {
	return axis{param: "bits", values: []int{16, 32}, token: func(b int) string { return fmt.Sprintf("F%d", b) }, label: "F<bits>"}
}

// codesAndF16 are the listed code widths and fp16 rows, selected by their
// bits: W2 … W8, F16.
func codesAndF16(bits ...int) axis {
	return axis{param: "bits", values: append(bits, 16), token: func(b int) string {
		if b == 16 {
			return "F16"
		}
		return fmt.Sprintf("W%d", b)
	}, label: "W<bits>"}
}

// passes are the numbers of query (or weight) rows of one pass: X1, X2, …
func passes(n ...int) axis {
	return axis{param: "nq", values: n, token: func(n int) string { return fmt.Sprintf("X%d", n) }, label: "X<nq>"}
}

// rowLens are the row lengths of kernels made for one: Row128, …
func rowLens(n ...int) axis {
	return axis{param: "cols", values: n, token: func(n int) string { return fmt.Sprintf("Row%d", n) }, label: "Row<cols>"}
}

// groups are the groups of kernels made for one: G64, …
func groups(n ...int) axis {
	return axis{param: "group", values: n, token: func(n int) string { return fmt.Sprintf("G%d", n) }, label: "G<group>"}
}

// tails are the lengths of the last block of a group that is not a
// multiple of 32 (8, 16 or 24 values): T8, …
func tails(n ...int) axis {
	return axis{param: "tail", values: n, token: func(n int) string { return fmt.Sprintf("T%d", n) }, label: "T<tail>"}
}

// halves are the halves of a block that a half-strip kernel is made for:
// H0, H1.
func halves() axis {
	return axis{param: "half", values: []int{0, 1}, token: func(h int) string { return fmt.Sprintf("H%d", h) }, label: "H<half>"}
}

// units are the values a DotQ8 kernel takes per step: U64, U32.
func units(n ...int) axis {
	return axis{param: "unit", values: n, token: func(n int) string { return fmt.Sprintf("U%d", n) }, label: "U<unit>"}
}

// A set is a family of kernels with one signature, one per combination of
// the values of its axes: tier + family + the axes' tokens, in order.
type set struct {
	family string // the kernel family (a Kernel's name), or the function's name after the tier
	axes   []axis
	sig    string // parameters and results, as in a func declaration
	call   string // the switch over the axes of several values ("": none)
	doc    string // what the kernels compute, and where
}

// A tier is one instruction set: the prefix of its functions, and its sets.
type tier struct {
	name string
	sets []set
}

// A file is one generated file: the tiers of an architecture.
type file struct {
	name  string
	arch  string
	tiers []tier
}

// kernel is one function of a set.
type kernel struct {
	name string
	vals []int // the value of each axis
}

func (s set) kernels(t tier) []kernel {
	ks := []kernel{{name: t.name + s.family}}
	for _, a := range s.axes {
		var next []kernel
		for _, k := range ks {
			for _, v := range a.values {
				next = append(next, kernel{name: k.name + a.token(v), vals: append(append([]int(nil), k.vals...), v)})
			}
		}
		ks = next
	}
	return ks
}

// pattern is the kernels' name with the axes written as <param>.
func (s set) pattern(t tier) string {
	p := t.name + s.family
	for _, a := range s.axes {
		p += a.label
	}
	return p
}

// selectors are the axes of more than one value, which the switch takes.
func (s set) selectors() []int {
	var sel []int
	for i, a := range s.axes {
		if len(a.values) > 1 {
			sel = append(sel, i)
		}
	}
	return sel
}

// params returns the names of a signature's parameters and whether it has
// results.
func params(sig string) (names []string, results bool) {
	fn, err := parser.ParseExpr("func" + sig + " {}")
	if err != nil {
		log.Fatalf("signature %q: %v", sig, err)
	}
	ft := fn.(*ast.FuncLit).Type
	for _, f := range ft.Params.List {
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	return names, ft.Results != nil
}

// keyShifts returns, per selector, how far its value is shifted in the
// switch's key: whole hex digits, enough for the largest value.
func keyShifts(s set, sel []int) []int {
	shifts := make([]int, len(sel))
	total := 0
	for i := len(sel) - 1; i >= 0; i-- {
		shifts[i] = total
		m := 0
		for _, v := range s.axes[sel[i]].values {
			m = max(m, v)
		}
		digits := 1
		for m >= 1<<(4*digits) {
			digits++
		}
		total += 4 * digits
	}
	return shifts
}

func keyExpr(parts []string, shifts []int) string {
	var terms []string
	for i, p := range parts {
		if shifts[i] == 0 {
			terms = append(terms, p)
		} else {
			terms = append(terms, fmt.Sprintf("%s<<%d", p, shifts[i]))
		}
	}
	return strings.Join(terms, " | ")
}

func generate(f file) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ./internal/kernelgen; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "//go:build gc && !purego\n\npackage lowbit\n\n")
	fmt.Fprintf(&b, "// The %s assembly functions, and the switches that call a kernel by its\n", f.arch)
	fmt.Fprintf(&b, "// shape. The tables of internal/kernelgen list them. A switch of direct\n")
	fmt.Fprintf(&b, "// calls, not a table of func values: escape analysis cannot see through\n")
	fmt.Fprintf(&b, "// an indirect call, so the arguments would escape to the heap.\n")
	seen := map[string]bool{}
	for _, t := range f.tiers {
		for _, s := range t.sets {
			ks := s.kernels(t)
			fmt.Fprintf(&b, "\n// %s\n", strings.ReplaceAll(strings.TrimSpace(s.doc), "\n", "\n// "))
			if len(ks) > 1 {
				fmt.Fprintf(&b, "//\n// %s\n", s.pattern(t))
			}
			for i, k := range ks {
				if seen[k.name] {
					return nil, fmt.Errorf("%s: declared twice", k.name)
				}
				seen[k.name] = true
				if i > 0 {
					b.WriteString("\n")
				}
				if i == 0 {
					b.WriteString("//\n")
				}
				fmt.Fprintf(&b, "//go:noescape\nfunc %s%s\n", k.name, s.sig)
			}
			sel := s.selectors()
			if s.call == "" {
				continue
			}
			if len(sel) == 0 {
				return nil, fmt.Errorf("%s: a switch over no axis", s.call)
			}
			names, results := params(s.sig)
			var sp []string
			for _, i := range sel {
				sp = append(sp, s.axes[i].param)
			}
			sig := strings.TrimPrefix(s.sig, "(")
			if !strings.HasPrefix(sig, ")") {
				sig = ", " + sig
			}
			fmt.Fprintf(&b, "\n// %s calls %s.\nfunc %s(%s int%s {\n", s.call, s.pattern(t), s.call, strings.Join(sp, ", "), sig)
			shifts := keyShifts(s, sel)
			var kp []string
			for _, i := range sel {
				kp = append(kp, s.axes[i].param)
			}
			fmt.Fprintf(&b, "\tswitch %s {\n", keyExpr(kp, shifts))
			ret := ""
			if results {
				ret = "return "
			}
			for _, k := range ks {
				var vp []string
				for _, i := range sel {
					vp = append(vp, fmt.Sprint(k.vals[i]))
				}
				fmt.Fprintf(&b, "\tcase %s:\n\t\t%s%s(%s)\n", keyExpr(vp, shifts), ret, k.name, strings.Join(names, ", "))
			}
			fmt.Fprintf(&b, "\tdefault:\n\t\tpanic(\"lowbit: no %s kernel of that shape\")\n\t}\n}\n", s.pattern(t))
		}
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", f.name, err, b.Bytes())
	}
	return src, nil
}

func main() {
	dir := flag.String("dir", ".", "the root package's directory")
	flag.Parse()
	for _, f := range files {
		src, err := generate(f)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*dir, f.name), src, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
