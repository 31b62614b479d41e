package main

import (
	"go/ast"
	"go/parser"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFrameOffsetsInMacros checks the argument references (name+off(FP))
// that the assembly makes through macros, which go vet does not see: for
// every function a .s file defines with a TEXT line, each macro its body
// uses (directly or through other macros) must name the function's
// arguments at their offsets, as the tables declare them.
func TestFrameOffsetsInMacros(t *testing.T) {
	checked := 0
	for _, f := range files {
		sigs := map[string]string{}
		for _, tr := range f.tiers {
			for _, s := range tr.sets {
				for _, k := range s.kernels(tr) {
					sigs[k.name] = s.sig
				}
			}
		}
		srcs, err := filepath.Glob(filepath.Join("..", "..", "*_"+f.arch+".[sh]"))
		if err != nil {
			t.Fatal(err)
		}
		macros := map[string]string{}
		bodies := map[string][]string{} // function: the lines of its body
		for _, src := range srcs {
			b, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\n")
			fn := ""
			for i := 0; i < len(lines); i++ {
				l := lines[i]
				if m := defineRE.FindStringSubmatch(l); m != nil {
					body := l
					for strings.HasSuffix(strings.TrimSpace(lines[i]), `\`) && i+1 < len(lines) {
						i++
						body += "\n" + lines[i]
					}
					macros[m[1]] = body[len(m[0]):]
					continue
				}
				if m := textRE.FindStringSubmatch(l); m != nil {
					fn = m[1]
					continue
				}
				if l != "" && !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "//") && !labelRE.MatchString(l) {
					fn = "" // a function's body is its indented lines and labels
				}
				if fn != "" {
					bodies[fn] = append(bodies[fn], l)
				}
			}
		}
		for fn, body := range bodies {
			sig, ok := sigs[fn]
			if !ok {
				continue
			}
			offs := frameOffsets(t, sig)
			for _, ref := range macroFrameRefs(strings.Join(body, "\n"), macros, map[string]bool{}) {
				off, ok := offs[ref.name]
				switch {
				case !ok:
					t.Errorf("%s (%s): a macro reads %s+%d(FP), and %s has no argument %s", fn, f.arch, ref.name, ref.off, fn, ref.name)
				case off != ref.off:
					t.Errorf("%s (%s): a macro reads %s+%d(FP), but %s is at %d", fn, f.arch, ref.name, ref.off, ref.name, off)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no argument reference in a macro was checked: the test reads no assembly")
	}
}

var (
	defineRE = regexp.MustCompile(`^#define\s+(\w+)(\([^)]*\))?`)
	textRE   = regexp.MustCompile(`^TEXT\s+·(\w+)\(SB\)`)
	labelRE  = regexp.MustCompile(`^\w+:`)
	identRE  = regexp.MustCompile(`[A-Za-z_]\w*`)
	fpRE     = regexp.MustCompile(`(\w+)\+(\d+)\(FP\)`)
)

type frameRef struct {
	name string
	off  int
}

// macroFrameRefs returns the FP references of the macros that text uses,
// following macros into macros.
func macroFrameRefs(text string, macros map[string]string, seen map[string]bool) []frameRef {
	var refs []frameRef
	for _, id := range identRE.FindAllString(text, -1) {
		body, ok := macros[id]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		for _, m := range fpRE.FindAllStringSubmatch(body, -1) {
			off := 0
			for _, c := range m[2] {
				off = 10*off + int(c-'0')
			}
			refs = append(refs, frameRef{m[1], off})
		}
		refs = append(refs, macroFrameRefs(body, macros, seen)...)
	}
	return refs
}

// frameOffsets returns the offset of each argument and result of a
// signature in the frame of an assembly function on amd64 and arm64
// (8-byte words, each value at its own alignment, results from the next
// word on).
func frameOffsets(t *testing.T, sig string) map[string]int {
	fn, err := parser.ParseExpr("func" + sig + " {}")
	if err != nil {
		t.Fatalf("%s: %v", sig, err)
	}
	ft := fn.(*ast.FuncLit).Type
	offs := map[string]int{}
	off := 0
	place := func(fields *ast.FieldList) {
		if fields == nil {
			return
		}
		for _, fld := range fields.List {
			size := 8
			if id, ok := fld.Type.(*ast.Ident); ok {
				switch id.Name {
				case "float32", "int32", "uint32":
					size = 4
				case "uint16", "int16":
					size = 2
				case "bool", "int8", "uint8", "byte":
					size = 1
				}
			}
			for _, n := range fld.Names {
				off = (off + size - 1) &^ (size - 1)
				offs[n.Name] = off
				off += size
			}
		}
	}
	place(ft.Params)
	off = (off + 7) &^ 7
	place(ft.Results)
	return offs
}
