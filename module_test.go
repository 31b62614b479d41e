package lowbit

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLicense: the module carries the MIT licence, and the README says so.
func TestLicense(t *testing.T) {
	b, err := os.ReadFile("LICENSE")
	require.NoError(t, err, "the module needs a LICENSE file")
	text := string(b)
	assert.True(t, strings.HasPrefix(text, "MIT License\n"))
	assert.Contains(t, text, "Copyright (c) 2026 The lowbit Authors")
	assert.Contains(t, text, "Permission is hereby granted, free of charge")
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), "MIT licence")
	assert.Contains(t, string(readme), "[LICENSE](LICENSE)")
}

// moduleDeps are the modules outside the standard library that the
// module's code may import: at run time only cpuid (the README says so),
// in tests also testify and x/sys.
var (
	runtimeDeps = []string{"github.com/klauspost/cpuid/v2"}
	testDeps    = []string{"github.com/klauspost/cpuid/v2", "github.com/stretchr/testify", "golang.org/x/sys"}
)

// TestDependencies: every package's non-test imports outside the
// standard library and the module are cpuid alone, its test imports
// cpuid, testify and x/sys, on every platform lowbit has code for; the
// README names them as such and go.mod requires exactly these three.
func TestDependencies(t *testing.T) {
	module := "github.com/lowbit-ml/lowbit"
	external := func(path string) string { // the module of an import outside std and this module, or ""
		first, _, _ := strings.Cut(path, "/")
		if !strings.Contains(first, ".") || strings.HasPrefix(path, module) {
			return ""
		}
		for _, m := range testDeps {
			if path == m || strings.HasPrefix(path, m+"/") {
				return m
			}
		}
		return path
	}
	for _, p := range []struct{ goos, goarch string }{{"linux", "amd64"}, {"linux", "arm64"}, {"darwin", "arm64"}, {"windows", "amd64"}} {
		ctx := build.Default
		ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = p.goos, p.goarch, false
		err := filepath.WalkDir(".", func(dir string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if dir != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			pkg, err := ctx.ImportDir(dir, 0)
			if _, none := err.(*build.NoGoError); none {
				return nil
			}
			require.NoError(t, err, dir)
			for _, imp := range pkg.Imports {
				if m := external(imp); m != "" {
					assert.Contains(t, runtimeDeps, m, "%s/%s: %s imports %s", p.goos, p.goarch, dir, imp)
				}
			}
			for _, imp := range append(pkg.TestImports, pkg.XTestImports...) {
				if m := external(imp); m != "" {
					assert.Contains(t, testDeps, m, "%s/%s: the tests of %s import %s", p.goos, p.goarch, dir, imp)
				}
			}
			return nil
		})
		require.NoError(t, err)
	}
	gomod, err := os.ReadFile("go.mod")
	require.NoError(t, err)
	var direct []string
	for _, line := range strings.Split(string(gomod), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && strings.Contains(f[0], ".") && !strings.HasPrefix(line, "module") {
			direct = append(direct, f[0])
		}
	}
	slices.Sort(direct)
	assert.Equal(t, testDeps, direct, "go.mod's direct requirements")
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	for _, want := range []string{
		"Runtime dependency: `github.com/klauspost/cpuid/v2`",
		"Test-only: `github.com/stretchr/testify`",
		"`golang.org/x/sys`",
	} {
		assert.Contains(t, string(readme), want)
	}
}
