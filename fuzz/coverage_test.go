package fuzz

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readCorpus returns the inputs of a fuzz target's corpus, by file name:
// each a list of arguments ([]byte, uint32 or uint16).
func readCorpus(t *testing.T, target string) map[string][]any {
	dir := filepath.Join("testdata", "fuzz", target)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	inputs := map[string][]any{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		require.Equal(t, "go test fuzz v1", lines[0], "%s/%s", target, e.Name())
		var args []any
		for _, l := range lines[1:] {
			typ, lit, ok := strings.Cut(strings.TrimSuffix(l, ")"), "(")
			require.True(t, ok, "%s/%s: %q", target, e.Name(), l)
			switch typ {
			case "[]byte":
				s, err := strconv.Unquote(lit)
				require.NoError(t, err, "%s/%s", target, e.Name())
				args = append(args, []byte(s))
			case "uint32", "uint16":
				v, err := strconv.ParseUint(lit, 0, 32)
				require.NoError(t, err, "%s/%s", target, e.Name())
				args = append(args, v)
			}
		}
		inputs[e.Name()] = args
	}
	return inputs
}

// features collects what a corpus covers.
type features map[string]bool

func (fs features) missing(want []string) []string {
	var m []string
	for _, w := range want {
		if !fs[w] {
			m = append(m, w)
		}
	}
	return m
}

// scan records the value features of x: NaN, infinities, float32 or fp16
// subnormals, huge magnitudes, both signed zeros.
func (fs features) scan(x []float32) {
	var pos, neg bool
	for _, v := range x {
		a := math.Abs(float64(v))
		switch {
		case v != v:
			fs["NaN"] = true
		case math.IsInf(a, 0):
			fs["Inf"] = true
		case a > 0 && a < 0x1p-14:
			fs["subnormal"] = true // of fp16 (and below: of float32)
		case a >= 1e4:
			fs["huge"] = true
		case v == 0 && math.Signbit(float64(v)):
			neg = true
		case v == 0:
			pos = true
		}
	}
	fs["±0"] = fs["±0"] || pos && neg
}

// scanRuns records a run of run equal values starting at a multiple of run.
func (fs features) scanRuns(x []float32, run int) {
	for s := 0; s+run <= len(x) && run >= 8; s += run {
		same := true
		for _, v := range x[s : s+run] {
			same = same && v == x[s]
		}
		fs["constant group"] = fs["constant group"] || same
	}
}

// rowFeatures decodes a rowCase input as target does and records its
// format, shape and values.
func rowFeatures(t *testing.T, target string, data []byte, fs features) {
	c := decodeRowCase(t, data, math.MaxFloat32)
	f := c.f
	fs[strings.SplitN(f.String(), "g", 2)[0]] = true
	if f.Quantized() {
		fs["group < 32"] = fs["group < 32"] || f.Group < 32
		fs["group not a multiple of 32"] = fs["group not a multiple of 32"] || f.Group%32 != 0
		fs["group 256"] = fs["group 256"] || f.Group == 256
		fs["more than 32 groups"] = fs["more than 32 groups"] || c.cols/f.Group > 32
		fs["raw codes"] = fs["raw codes"] || c.raw
		fs["negated scales"] = fs["negated scales"] || !c.raw && c.negScales
		fs["negated mins"] = fs["negated mins"] || !c.raw && c.negMins && f.HasMins()
	} else {
		fs[fmt.Sprintf("float cols %d", c.cols)] = true
	}
	fs["cols near MaxCols"] = fs["cols near MaxCols"] || c.cols > MaxCols-32
	fs[fmt.Sprintf("rows %d", c.n)] = true
	fs[fmt.Sprintf("queries %d", c.nq)] = true
	fs["guard before"] = fs["guard before"] || c.atStart
	if c.misuse >= 0 {
		fs[fmt.Sprintf("misuse %d", c.misuse)] = true
		return
	}
	fs.scan(c.rowValues)
	fs.scanRuns(c.rowValues, max(f.Group, 8))
	for i := 0; i < c.n; i++ {
		p := decodeRow(c.rows, i)
		for g, s := range p.scale {
			fs.scan([]float32{float32(s), float32(p.shift[g])})
			fs["constant group"] = fs["constant group"] || s == 0
		}
	}
	var ops [][]float32
	switch target {
	case "FuzzDot", "FuzzDotQ8":
		ops = append(ops, dotOperand(t, c))
	case "FuzzAddWeighted":
		w, y := addWeightedOperands(t, c)
		ops = append(ops, w, y)
	case "FuzzQuantize":
		ops = append(ops, quantizeInput(c))
	}
	for _, x := range ops {
		fs.scan(x)
		fs.scanRuns(x, max(f.Group, 8))
	}
}

// TestCorpusCoverage decodes every corpus input and requires that together
// they cover every format, the shapes around every block and chunk
// boundary, every kind of special value and every misuse: so that plain
// go test ./fuzz (which runs the corpus) is a meaningful regression test.
func TestCorpusCoverage(t *testing.T) {
	var rowWant []string
	for bits := 2; bits <= 8; bits++ {
		rowWant = append(rowWant, fmt.Sprintf("q%d", bits), fmt.Sprintf("q%ds", bits))
	}
	rowWant = append(rowWant, "f16", "f32", "group < 32", "group not a multiple of 32", "group 256", "more than 32 groups",
		"raw codes", "negated scales", "negated mins", "cols near MaxCols", "rows 0", "rows 9", "guard before", "NaN", "Inf", "subnormal", "huge", "±0", "constant group")
	for _, n := range floatLengths {
		rowWant = append(rowWant, fmt.Sprintf("float cols %d", n))
	}
	for k := range misuseKinds {
		rowWant = append(rowWant, fmt.Sprintf("misuse %d", k))
	}
	for _, target := range []string{"FuzzDot", "FuzzDotQ8", "FuzzAddWeighted", "FuzzQuantize", "FuzzDequantize"} {
		fs := features{}
		for _, args := range readCorpus(t, target) {
			rowFeatures(t, target, args[0].([]byte), fs)
		}
		want := rowWant
		if target != "FuzzQuantize" && target != "FuzzDequantize" {
			want = append(want, "queries 9")
		}
		assert.Empty(t, fs.missing(want), "%s's corpus misses these", target)
	}

	fs := features{}
	for _, args := range readCorpus(t, "FuzzSoftmax") {
		x, _, _ := softmaxInput(args[0].([]byte))
		fs[fmt.Sprintf("len %d", len(x))] = true
		fs.scan(x)
		fs.scanRuns(x, softmaxRun)
		if _, allNaN := softmaxExact(x); allNaN && len(x) > 0 {
			fs["all NaN"] = true
		}
	}
	softWant := []string{"NaN", "Inf", "subnormal", "huge", "±0", "constant group", "all NaN"}
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511} {
		softWant = append(softWant, fmt.Sprintf("len %d", n))
	}
	assert.Empty(t, fs.missing(softWant), "FuzzSoftmax's corpus misses these")

	fs = features{}
	for _, args := range readCorpus(t, "FuzzHadamard") {
		x, n, _, _ := hadamardInput(args[0].([]byte))
		if len(x)%n != 0 {
			fs[fmt.Sprintf("misuse n %d", n)] = true
			continue
		}
		fs[fmt.Sprintf("n %d", n)] = true
		fs[fmt.Sprintf("blocks %d", len(x)/n)] = true
		fs.scan(x)
		fs.scanRuns(x, n)
		for _, v := range x {
			fs["overflow"] = fs["overflow"] || math.Abs(float64(v)) >= 1e38
		}
	}
	hadWant := []string{"NaN", "Inf", "subnormal", "huge", "overflow", "±0", "constant group", "blocks 1", "blocks 2", "blocks 3", "blocks 4", "misuse n 8", "misuse n 128"}
	for n := 1; n <= 1024; n *= 2 {
		hadWant = append(hadWant, fmt.Sprintf("n %d", n))
	}
	assert.Empty(t, fs.missing(hadWant), "FuzzHadamard's corpus misses these")

	fs = features{}
	for _, args := range readCorpus(t, "FuzzPack") {
		b := args[0].([]byte)
		bits, n := 2+int(b[0]%7), 8*(1+int(b[1]%40))
		fs[fmt.Sprintf("%d bits", bits)] = true
		fs["n < 32"] = fs["n < 32"] || n < 32
		fs["n not a multiple of 32"] = fs["n not a multiple of 32"] || n%32 != 0
		fs["several blocks"] = fs["several blocks"] || n >= 64
		s := NewSource(b)
		for range 3 + n + n*bits/8 {
			s.Byte()
		}
		fs[fmt.Sprintf("bad call %d", s.Byte()%6)] = true
	}
	packWant := []string{"n < 32", "n not a multiple of 32", "several blocks"}
	for k := 0; k < 6; k++ {
		packWant = append(packWant, fmt.Sprintf("bad call %d", k))
	}
	for bits := 2; bits <= 8; bits++ {
		packWant = append(packWant, fmt.Sprintf("%d bits", bits))
	}
	assert.Empty(t, fs.missing(packWant), "FuzzPack's corpus misses these")

	fs = features{}
	for _, args := range readCorpus(t, "FuzzF16") {
		v := math.Float32frombits(uint32(args[0].(uint64)))
		fs.scan([]float32{v, lowbit.F16ToFloat32(uint16(args[1].(uint64)))})
		if a := math.Abs(float64(v)); a >= 65504 && a < math.Inf(1) {
			fs["at or over the top"] = true
		}
	}
	assert.Empty(t, fs.missing([]string{"NaN", "Inf", "subnormal", "huge", "at or over the top"}), "FuzzF16's corpus misses these")
}
