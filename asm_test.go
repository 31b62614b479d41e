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

// asmCovered reports whether the assembly implementation im is expected to
// run its own code for kernel k on format f: every kernel on fp16, float32
// and every code format whose group is a multiple of 32; on amd64 (avx2,
// avx512) every group (a multiple of 8; DotQ8 on such groups up to 4096);
// on arm64 (neon, neondot) every group, whatever its length. Other tiers
// may fall back to generic on other groups, as their doc comments say.
// Attention and Hadamard (float32 only, the format is ignored) are covered
// everywhere. AddWeightedQ8 on codes is assembly only on avx512, for 2-
// and 4-bit codes in groups of 32, 64, 128 and 256 (on rows of 64, 128
// and 256).
func asmCovered(im string, k Kernel, f Format) bool {
	switch {
	case k == KernelAddWeightedQ8 && f.Quantized():
		return im == "avx512" && (f.Bits == 2 || f.Bits == 4) && (f.Group == 32 || f.Group == 64 || f.Group == 128 || f.Group == 256)
	case k == KernelAttention || k == KernelHadamard || !f.Quantized() || f.Group%32 == 0:
		return true
	case im == "avx2" || im == "avx512":
		return f.Group <= 4096 || k != KernelDotQ8
	case im == "neon" || im == "neondot":
		return true
	}
	return false
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
				if asmCovered(name, k, f) {
					assert.True(t, im.Accelerated(k, f), "%s falls back to generic for %s on %s", name, k, f)
				}
			}
		}
	}
	assert.NotEqual(t, "generic", Active().Name(), "the package-level functions run generic code")
}
