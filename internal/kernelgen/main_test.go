package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedFilesAreCurrent fails when a generated file in the root
// package differs from what the tables generate: after editing the tables
// (or the generated file), run go generate in the repository root.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	for _, f := range files {
		want, err := generate(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "..", f.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate in the repository root", f.name)
		}
	}
}

// TestNames checks the naming scheme on the tables: every function starts
// with its tier, has a unique name, and a Q in a name only ever stands in
// Q8 (the int8 query path); query rows are counted with X.
func TestNames(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range files {
		for _, tr := range f.tiers {
			for _, s := range tr.sets {
				for _, k := range s.kernels(tr) {
					if !strings.HasPrefix(k.name, tr.name) {
						t.Errorf("%s does not start with its tier %s", k.name, tr.name)
					}
					if seen[k.name] {
						t.Errorf("%s is declared twice", k.name)
					}
					seen[k.name] = true
					if n := strings.ReplaceAll(k.name, "Quantize", ""); strings.Count(n, "Q") != strings.Count(n, "Q8") {
						t.Errorf("%s: Q stands for something other than Q8", k.name)
					}
				}
			}
		}
	}
}

// TestSwitchKeys checks that the keys of every switch are distinct, so
// that each shape calls its own kernel.
func TestSwitchKeys(t *testing.T) {
	for _, f := range files {
		for _, tr := range f.tiers {
			for _, s := range tr.sets {
				sel := s.selectors()
				if s.call == "" || len(sel) == 0 {
					continue
				}
				shifts := keyShifts(s, sel)
				keys := map[int]string{}
				for _, k := range s.kernels(tr) {
					key := 0
					for i, a := range sel {
						key |= k.vals[a] << shifts[i]
					}
					if other, ok := keys[key]; ok {
						t.Errorf("%s: %s and %s have the same key", s.call, other, k.name)
					}
					keys[key] = k.name
				}
			}
		}
	}
}
