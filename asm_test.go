package lowbit

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// RequireAsmEnv names the implementations that must be present, comma
// separated (for example "avx2,avx512" or "neon,neondot"). CI sets it so
// that a build or emulator that silently falls back to generic fails.
const RequireAsmEnv = "LOWBIT_REQUIRE_ASM"

// asmCovered reports whether an assembly implementation is expected to run
// its own code for kernel k on format f: every kernel on fp16, float32 and
// every code format whose group is a multiple of 32 (smaller groups may
// fall back to generic, as their doc comments say), and Attention (float32
// only, the format is ignored) always.
func asmCovered(k Kernel, f Format) bool {
	return k == KernelAttention || !f.Quantized() || f.Group%32 == 0
}

func TestRequiredAsm(t *testing.T) {
	want := os.Getenv(RequireAsmEnv)
	if want == "" {
		t.Skipf("%s is not set", RequireAsmEnv)
	}
	for _, name := range strings.Split(want, ",") {
		im := Lookup(name)
		require.NotNil(t, im, "%s=%s: this CPU (or emulator) does not run %q; it runs %s", RequireAsmEnv, want, name, names(Implementations()))
		for _, k := range Kernels() {
			for _, f := range testFormats() {
				if asmCovered(k, f) {
					assert.True(t, im.Accelerated(k, f), "%s falls back to generic for %s on %s", name, k, f)
				}
			}
		}
	}
	assert.NotEqual(t, "generic", Active().Name(), "the package-level functions run generic code")
}
