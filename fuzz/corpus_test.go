package fuzz

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updateSeeds rewrites the generated seed files of the corpus:
//
//	go test ./fuzz -run TestSeedCorpus -update-seeds
var updateSeeds = flag.Bool("update-seeds", false, "rewrite the generated seed corpus in testdata/fuzz")

// Style bytes (see Source.Style).
const (
	sUnit      = 0
	sHuge      = 1
	sTiny      = 2
	sMixed     = 3
	sZeros     = 4
	sConstant  = 8
	sNonFinite = 16
)

// rowHeader returns the first bytes of a rowCase input.
func rowHeader(f lowbit.Format, cols, rows, queries int, mode, rowStyle, opStyle byte) []byte {
	b0, b1, b2 := byte(slices.Index(formatBits[:], f.Bits)), byte(0), byte(cols-1)
	if f.Quantized() {
		b1, b2 = byte(f.Group/8-1), byte(cols/f.Group-1)
		if f.Symmetric {
			b0 |= 16
		}
	}
	return []byte{b0, b1, b2, byte(rows), byte(queries - 1), mode, rowStyle, opStyle}
}

// specialBytes returns the bytes that make Source.Values draw v, one of
// specials or (in a NonFinite style) of nonFinite.
func specialBytes(v float32) []byte {
	for j, s := range nonFinite {
		if math.Float32bits(s) == math.Float32bits(v) || v != v && s != s {
			return []byte{0, byte(8 * j)}
		}
	}
	for i, s := range specials {
		if math.Float32bits(s) == math.Float32bits(v) {
			for k := i; k < 256; k += len(specials) {
				if k%8 != 0 {
					return []byte{0, byte(k)}
				}
			}
		}
	}
	panic(fmt.Sprintf("%v is not a special value", v))
}

// valueBytes returns the bytes that make Source.Values draw vs.
func valueBytes(vs ...float32) []byte {
	var b []byte
	for _, v := range vs {
		b = append(b, specialBytes(v)...)
	}
	return b
}

// allFormats lists every format with a group that varies from format to
// format (small, partial and full last blocks).
func allFormats() []lowbit.Format {
	groups := []int{8, 16, 24, 32, 40, 64, 96, 256, 56, 128, 72, 48, 160, 200}
	fs := []lowbit.Format{lowbit.F32, lowbit.F16}
	i := 0
	for bits := 2; bits <= 8; bits++ {
		fs = append(fs, lowbit.Quant(bits, groups[i%len(groups)]), lowbit.SymQuant(bits, groups[(i+1)%len(groups)]))
		i += 2
	}
	return fs
}

// styleCycle is the order in which seeds go through the value styles.
var styleCycle = []byte{sUnit, sUnit | sZeros, sTiny, sHuge, sMixed, sUnit | sConstant, sUnit | sNonFinite, sMixed | sZeros | sConstant, sTiny | sZeros}

// floatLengths are the row lengths around every vector and block boundary.
var floatLengths = []int{1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256}

// rowSeeds returns the seeds of a rowCase target: every format in every
// style, raw and quantized rows, fp16 and float32 rows of every block
// boundary length, the largest shapes, and every misuse.
func rowSeeds() map[string][]byte {
	seeds := map[string][]byte{}
	for i, f := range allFormats() {
		cols := 40
		if f.Quantized() {
			cols = f.Group * (1 + i%3)
		}
		for k := 0; k < 2; k++ {
			st := styleCycle[(2*i+k)%len(styleCycle)]
			mode := byte(k * 3) // quantized rows, guard after; raw codes, guard before
			name := fmt.Sprintf("%s-%s-%d", f, Style{Class: Magnitude(st & 3), Zeros: st&4 != 0, Constant: st&8 != 0, NonFinite: st&16 != 0}, k)
			seeds[name] = rowHeader(f, cols, 1+(i+k)%3, 1+(i+k)%3, mode, st, styleCycle[(2*i+k+4)%len(styleCycle)])
		}
	}
	for i, n := range floatLengths {
		if i%2 == 0 {
			seeds[fmt.Sprintf("f32-len%d", n)] = rowHeader(lowbit.F32, n, 2, 1, byte(n%2*2), sUnit|sZeros, sUnit)
		} else {
			seeds[fmt.Sprintf("f16-len%d", n)] = rowHeader(lowbit.F16, n, 1, 2, byte(n%2*2), sMixed, sUnit)
		}
	}
	seeds["q4g8-40groups-9queries"] = rowHeader(lowbit.Quant(4, 8), 320, 2, 9, 0, sUnit, sUnit)
	seeds["q5sg256-maxcols"] = rowHeader(lowbit.SymQuant(5, 256), MaxCols, 2, 2, 1, sMixed, sUnit)
	seeds["q3g24-maxcols-9rows"] = rowHeader(lowbit.Quant(3, 24), 42*24, 9, 1, 0, sUnit|sConstant, sUnit)
	seeds["q4g32-0rows"] = rowHeader(lowbit.Quant(4, 32), 64, 0, 3, 0, sUnit, sUnit)
	seeds["f32-0rows"] = rowHeader(lowbit.F32, 5, 0, 1, 0, sUnit, sUnit)
	seeds["q2g16-all-nonfinite"] = rowHeader(lowbit.Quant(2, 16), 48, 3, 2, 1, sMixed|sNonFinite, sMixed|sNonFinite)
	seeds["f16-nonfinite-rows"] = rowHeader(lowbit.F16, 33, 3, 2, 0, sUnit|sNonFinite, sUnit)
	// Raw codes with an infinite scale and a NaN min, then a -Inf scale.
	seeds["q4g8-inf-scale-nan-min"] = append(rowHeader(lowbit.Quant(4, 8), 8, 1, 1, 1, sNonFinite, sUnit), append([]byte{1, 2, 3, 4}, valueBytes(float32(math.Inf(1)), float32(math.NaN()))...)...)
	seeds["q3sg8-minus-inf-scale"] = append(rowHeader(lowbit.SymQuant(3, 8), 16, 1, 1, 1, sNonFinite, sUnit), append([]byte{1, 2, 3, 4, 5, 6}, valueBytes(float32(math.Inf(-1)), 1)...)...)
	seeds["q8sg32-tiny-operands"] = rowHeader(lowbit.SymQuant(8, 32), 96, 2, 2, 0, sUnit, sTiny)
	seeds["q6g64-huge-operands"] = rowHeader(lowbit.Quant(6, 64), 128, 2, 2, 0, sHuge, sHuge)
	// Negative scales (and mins), as rows imported from ggml carry: every
	// code format, the ggml formats with several rows and queries, and the
	// shapes that amd64 runs through row kernels (128 values in groups
	// of 64).
	for i, f := range allFormats()[2:] {
		mode := byte(4 | 8*(i%2)) // negated scales; every other format its mins too
		seeds[fmt.Sprintf("%s-negative-scales", f)] = rowHeader(f, f.Group*(1+i%3), 1+i%4, 1+i%5, mode, styleCycle[i%len(styleCycle)]&^sNonFinite, sUnit)
	}
	for i, f := range []lowbit.Format{lowbit.Quant(4, 16), lowbit.SymQuant(4, 16), lowbit.SymQuant(4, 32), lowbit.Quant(4, 32), lowbit.SymQuant(5, 32), lowbit.Quant(5, 32), lowbit.SymQuant(8, 32),
		lowbit.Quant(4, 64), lowbit.SymQuant(4, 64), lowbit.Quant(2, 64), lowbit.SymQuant(2, 64), lowbit.Quant(8, 64),
		lowbit.Quant(2, 32), lowbit.SymQuant(2, 32), lowbit.Quant(8, 32), lowbit.Quant(2, 16), lowbit.SymQuant(2, 16), lowbit.Quant(4, 8), lowbit.SymQuant(4, 8),
		lowbit.Quant(2, 8), lowbit.SymQuant(2, 8)} {
		seeds[fmt.Sprintf("%s-128cols-negative-scales", f)] = rowHeader(f, 128, 5+i%5, 1+i%9, 4|8*byte(i%2), sUnit, sUnit)
	}
	// The row kernels on rows of 64 (2- and 4-bit codes in one group, two
	// of 32, four of 16 or eight of 8).
	for i, f := range []lowbit.Format{lowbit.Quant(4, 64), lowbit.SymQuant(4, 64), lowbit.Quant(4, 32), lowbit.SymQuant(4, 32), lowbit.Quant(2, 64), lowbit.SymQuant(2, 32),
		lowbit.Quant(4, 16), lowbit.SymQuant(2, 16), lowbit.Quant(2, 16), lowbit.SymQuant(4, 16), lowbit.Quant(4, 8), lowbit.SymQuant(4, 8), lowbit.Quant(2, 8), lowbit.SymQuant(2, 8)} {
		seeds[fmt.Sprintf("%s-64cols-negative-scales", f)] = rowHeader(f, 64, 5+i%5, 1+2*i, 4|8*byte(i%2), sUnit, sUnit)
	}
	// The row kernels on rows of 256 (2- and 4-bit codes in groups of 16 to
	// 256 and in groups of 8; DotQ8 also 3- and 8-bit codes).
	for i, f := range []lowbit.Format{lowbit.Quant(4, 32), lowbit.SymQuant(4, 64), lowbit.Quant(4, 128), lowbit.SymQuant(4, 256),
		lowbit.Quant(2, 32), lowbit.SymQuant(2, 64), lowbit.Quant(2, 128), lowbit.Quant(2, 256),
		lowbit.SymQuant(3, 64), lowbit.Quant(8, 32), lowbit.SymQuant(8, 256), lowbit.Quant(2, 16), lowbit.SymQuant(4, 16),
		lowbit.Quant(4, 16), lowbit.SymQuant(2, 16), lowbit.Quant(4, 8), lowbit.SymQuant(4, 8), lowbit.Quant(2, 8), lowbit.SymQuant(2, 8)} {
		seeds[fmt.Sprintf("%s-256cols-negative-scales", f)] = rowHeader(f, 256, 5+i%5, 1+2*i, 4|8*byte(i%2), sUnit, sUnit)
	}
	// The row kernels on rows of 96 (2- and 4-bit codes in groups of 8, 16,
	// 32 and 96).
	for i, f := range []lowbit.Format{lowbit.Quant(4, 32), lowbit.SymQuant(4, 32), lowbit.Quant(4, 96), lowbit.SymQuant(4, 96),
		lowbit.Quant(2, 32), lowbit.SymQuant(2, 96), lowbit.Quant(4, 16), lowbit.Quant(2, 16), lowbit.SymQuant(2, 16), lowbit.SymQuant(4, 16), lowbit.Quant(4, 8), lowbit.SymQuant(4, 8),
		lowbit.Quant(2, 8), lowbit.SymQuant(2, 8)} {
		seeds[fmt.Sprintf("%s-96cols-negative-scales", f)] = rowHeader(f, 96, 5+i%5, 1+2*i, 4|8*byte(i%2), sUnit, sUnit)
	}
	// The row kernels on rows of 80 (2- and 4-bit codes in groups of 8, 16
	// and 80): a block of eight (sixteen) rows and a padded last block.
	for i, f := range []lowbit.Format{lowbit.Quant(4, 16), lowbit.SymQuant(4, 16), lowbit.Quant(4, 80), lowbit.SymQuant(4, 80),
		lowbit.Quant(2, 16), lowbit.SymQuant(2, 16), lowbit.Quant(2, 80), lowbit.SymQuant(2, 80), lowbit.Quant(4, 8), lowbit.SymQuant(4, 8),
		lowbit.Quant(2, 8), lowbit.SymQuant(2, 8)} {
		seeds[fmt.Sprintf("%s-80cols-negative-scales", f)] = rowHeader(f, 80, 9+2*i, 1+i%4, 4|8*byte(i%2), sUnit, sUnit)
	}
	// Whole blocks of eight and sixteen rows (the row and stream kernels)
	// and a partial one after them.
	for i, fc := range []struct {
		f          lowbit.Format
		cols, rows int
	}{{lowbit.Quant(2, 16), 80, 33}, {lowbit.Quant(4, 8), 80, 17}, {lowbit.SymQuant(2, 16), 96, 35}, {lowbit.Quant(4, 8), 96, 21},
		{lowbit.Quant(4, 16), 128, 34}, {lowbit.Quant(2, 8), 128, 21}, {lowbit.SymQuant(4, 8), 256, 19}, {lowbit.Quant(4, 16), 64, 37},
		{lowbit.SymQuant(2, 8), 64, 35}, {lowbit.SymQuant(2, 8), 80, 18}, {lowbit.Quant(2, 8), 256, 17}, {lowbit.SymQuant(4, 8), 128, 33},
		{lowbit.Quant(8, 80), 80, 33}, {lowbit.SymQuant(8, 80), 80, 19}, {lowbit.SymQuant(4, 80), 80, 17}, {lowbit.Quant(2, 80), 80, 34},
		{lowbit.Quant(4, 32), 96, 33}, {lowbit.SymQuant(4, 96), 96, 17}, {lowbit.SymQuant(2, 32), 96, 18}, {lowbit.Quant(2, 96), 96, 34},
		{lowbit.SymQuant(8, 32), 96, 16}, {lowbit.Quant(8, 96), 96, 19}} {
		seeds[fmt.Sprintf("%s-%dcols-%drows", fc.f, fc.cols, fc.rows)] = rowHeader(fc.f, fc.cols, fc.rows, 1+i%4, 8*byte(i%2), sUnit, sUnit)
	}
	// One query row on 2-bit rows of 80 and 96 in groups of 8 (the avx512
	// row kernels of sixteen rows): a partial block alone, whole blocks,
	// and whole blocks and a partial one, plain, with negative scales and
	// mins, and with non-finite values.
	for i, fc := range []struct {
		f          lowbit.Format
		cols, rows int
	}{{lowbit.Quant(2, 8), 80, 7}, {lowbit.SymQuant(2, 8), 80, 16}, {lowbit.Quant(2, 8), 80, 33}, {lowbit.SymQuant(2, 8), 80, 40},
		{lowbit.SymQuant(2, 8), 96, 9}, {lowbit.Quant(2, 8), 96, 32}, {lowbit.SymQuant(2, 8), 96, 35}, {lowbit.Quant(2, 8), 96, 40}} {
		seeds[fmt.Sprintf("%s-%dcols-%drows-x1", fc.f, fc.cols, fc.rows)] = rowHeader(fc.f, fc.cols, fc.rows, 1, 4*byte(i%2)|8*byte(i/2%2), sUnit, sUnit)
		seeds[fmt.Sprintf("%s-%dcols-%drows-x1-nonfinite", fc.f, fc.cols, fc.rows)] = rowHeader(fc.f, fc.cols, fc.rows, 1, 0, sUnit|sNonFinite, sUnit)
	}
	// The avx512 Dot pair kernels (2-bit rows of 256 in groups of 32 to
	// 256, of 128 in groups of 32 to 128, and of 64 in groups of 32 and
	// 64, sixteen rows at a time): a partial block alone, whole blocks,
	// and whole blocks and a partial one, with one to five query rows
	// (passes of one, two and four), plain, with negative scales and mins,
	// and with non-finite values.
	for i, fc := range []struct {
		f              lowbit.Format
		cols, rows, nq int
	}{{lowbit.Quant(2, 64), 128, 15, 1}, {lowbit.SymQuant(2, 64), 128, 16, 4}, {lowbit.Quant(2, 32), 128, 33, 5}, {lowbit.SymQuant(2, 32), 128, 32, 1},
		{lowbit.Quant(2, 128), 128, 48, 4}, {lowbit.SymQuant(2, 128), 128, 7, 5}, {lowbit.Quant(2, 64), 128, 50, 4}, {lowbit.Quant(2, 32), 128, 17, 4},
		{lowbit.Quant(2, 128), 128, 20, 1}, {lowbit.Quant(2, 32), 64, 15, 1}, {lowbit.SymQuant(2, 32), 64, 16, 4}, {lowbit.Quant(2, 64), 64, 33, 5},
		{lowbit.SymQuant(2, 64), 64, 32, 1}, {lowbit.Quant(2, 32), 64, 36, 1}, {lowbit.Quant(2, 64), 64, 20, 4},
		{lowbit.Quant(2, 64), 128, 21, 2}, {lowbit.SymQuant(2, 32), 128, 18, 3}, {lowbit.Quant(2, 128), 128, 16, 2},
		{lowbit.Quant(2, 32), 64, 19, 2}, {lowbit.SymQuant(2, 64), 64, 33, 3}, {lowbit.Quant(2, 32), 128, 40, 2},
		{lowbit.Quant(2, 64), 256, 20, 4}, {lowbit.SymQuant(2, 32), 256, 17, 2}, {lowbit.Quant(2, 256), 256, 33, 1}, {lowbit.Quant(2, 128), 256, 16, 5},
		{lowbit.Quant(2, 32), 256, 9, 4}, {lowbit.SymQuant(2, 256), 256, 18, 3}} {
		seeds[fmt.Sprintf("%s-%dcols-%drows-x%d-pairs", fc.f, fc.cols, fc.rows, fc.nq)] = rowHeader(fc.f, fc.cols, fc.rows, fc.nq, 4*byte(i%2)|8*byte(i/2%2), sUnit, sUnit)
		seeds[fmt.Sprintf("%s-%dcols-%drows-x%d-pairs-nonfinite", fc.f, fc.cols, fc.rows, fc.nq)] = rowHeader(fc.f, fc.cols, fc.rows, fc.nq, 0, sUnit|sNonFinite, sUnit)
	}
	// Four and eight weight (query) rows over blocks of sixteen rows and a
	// partial one (the avx512 AddWeighted span kernels and the DotQ8 row
	// kernels of four query rows: rows of 64, 128 and 256).
	for i, fc := range []struct {
		f              lowbit.Format
		cols, rows, nq int
	}{{lowbit.Quant(2, 64), 128, 35, 4}, {lowbit.SymQuant(4, 64), 256, 19, 8}, {lowbit.Quant(8, 128), 128, 33, 4}, {lowbit.F16, 64, 40, 4}, {lowbit.SymQuant(2, 64), 64, 16, 8}, {lowbit.Quant(2, 32), 128, 37, 3}, {lowbit.SymQuant(2, 32), 64, 20, 4}, {lowbit.Quant(4, 32), 128, 33, 4}, {lowbit.SymQuant(8, 32), 64, 18, 2}, {lowbit.Quant(4, 64), 64, 37, 4}, {lowbit.SymQuant(8, 256), 256, 21, 4}, {lowbit.Quant(2, 128), 256, 17, 5}} {
		seeds[fmt.Sprintf("%s-%dcols-%drows-x%d", fc.f, fc.cols, fc.rows, fc.nq)] = rowHeader(fc.f, fc.cols, fc.rows, fc.nq, 8*byte(i%2), sUnit, sUnit)
	}
	// AddWeightedQ8's avx512 kernels (2- and 4-bit rows of 64, 128 and 256
	// in one, two or four groups): several blocks of 64 rows and a partial one with a partial
	// quad, one to five weight rows, and non-finite and huge weights.
	for i, fc := range []struct {
		f              lowbit.Format
		cols, rows, nq int
	}{{lowbit.Quant(2, 64), 128, 131, 4}, {lowbit.SymQuant(2, 64), 128, 70, 5}, {lowbit.Quant(2, 32), 128, 193, 3}, {lowbit.SymQuant(2, 128), 128, 66, 1}, {lowbit.Quant(4, 64), 128, 131, 4}, {lowbit.SymQuant(4, 32), 128, 67, 2},
		{lowbit.Quant(2, 32), 64, 70, 4}, {lowbit.SymQuant(4, 64), 64, 129, 3}, {lowbit.Quant(2, 64), 256, 66, 4}, {lowbit.Quant(4, 256), 256, 65, 5}} {
		seeds[fmt.Sprintf("%s-%dcols-%drows-x%d-blocks", fc.f, fc.cols, fc.rows, fc.nq)] = rowHeader(fc.f, fc.cols, fc.rows, fc.nq, 8*byte(i%2), sUnit, sMixed)
		seeds[fmt.Sprintf("%s-%dcols-%drows-x%d-blocks-nonfinite", fc.f, fc.cols, fc.rows, fc.nq)] = rowHeader(fc.f, fc.cols, fc.rows, fc.nq, 0, sUnit, sMixed|sNonFinite)
	}
	// The four-query avx512 Dot kernels of 4-bit rows of 64 (groups of 16,
	// 32 and 64: eight rows per iteration), 80 (groups of 16 and 80, and
	// 2-bit groups of 16: rows in lanes) and 96 (groups of 16, and 2-bit
	// groups of 16 in lanes): blocks of eight, four (sixteen) rows and a
	// partial one, plain and with non-finite values.
	for i, fc := range []struct {
		f          lowbit.Format
		cols, rows int
	}{{lowbit.Quant(4, 16), 64, 21}, {lowbit.SymQuant(4, 32), 64, 19}, {lowbit.Quant(4, 64), 64, 27}, {lowbit.SymQuant(4, 16), 80, 23}, {lowbit.Quant(4, 80), 80, 17},
		{lowbit.Quant(4, 16), 96, 21}, {lowbit.SymQuant(4, 16), 96, 9}, {lowbit.Quant(2, 16), 80, 35}, {lowbit.SymQuant(2, 16), 80, 16},
		{lowbit.Quant(2, 16), 96, 33}, {lowbit.SymQuant(2, 16), 96, 16}} {
		seeds[fmt.Sprintf("%s-%dcols-%drows-x4", fc.f, fc.cols, fc.rows)] = rowHeader(fc.f, fc.cols, fc.rows, 4, 4|8*byte(i%2), sUnit, sUnit)
		seeds[fmt.Sprintf("%s-%dcols-%drows-x4-nonfinite", fc.f, fc.cols, fc.rows)] = rowHeader(fc.f, fc.cols, fc.rows, 4, 8*byte(i%2), sUnit|sNonFinite, sUnit)
	}
	// The avx2 field kernels on rows of 128 (2- and 4-bit codes in groups
	// of 16 to 128, two to four query rows, and tiny query values that
	// send a pass to the other kernels).
	for i, f := range []lowbit.Format{lowbit.Quant(4, 128), lowbit.SymQuant(4, 128), lowbit.Quant(2, 128), lowbit.SymQuant(2, 128)} {
		seeds[fmt.Sprintf("%s-128cols-field-kernels", f)] = rowHeader(f, 128, 3+2*i, 2+i%3, 4|8*byte(i%2), sUnit, sUnit)
		seeds[fmt.Sprintf("%s-128cols-tiny-queries", f)] = rowHeader(f, 128, 2+i, 2+i%3, 0, sUnit, sTiny)
	}
	// Model row widths (heads of 64, 80, 96, 128 and 256 values, and odd
	// multiples of 8) in groups of 8 to 96, every width, with one to nine
	// rows and one to five query rows: the amd64 lane, tail and row-group
	// kernels, and the rows of 2 and 4 groups that they take several at a
	// time. Quantized and raw codes alternate.
	for i, sh := range shapeSeeds() {
		f := sh.f
		mode := byte(i % 2)
		st := styleCycle[i%len(styleCycle)] &^ sNonFinite
		seeds[fmt.Sprintf("shape-%s-%dcols", f, sh.cols)] = rowHeader(f, sh.cols, 1+i%9, 1+i%5, mode, st, sUnit)
	}
	for k, name := range misuseKinds {
		f := allFormats()[(3*k+1)%16]
		cols := 24
		if f.Quantized() {
			cols = 2 * f.Group
		}
		seeds[fmt.Sprintf("misuse%d-%s", k, strings.ReplaceAll(name, " ", "-"))] = append(rowHeader(f, cols, 2, 2, 0xf0, sUnit, sUnit), byte(k))
	}
	return seeds
}

// shapeSeed is a format and a row width of the model-shape seeds.
type shapeSeed struct {
	f    lowbit.Format
	cols int
}

// shapeSeeds returns the model shapes of rowSeeds: every group of 8, 16,
// 24, 32, 40, 48, 64, 80 and 96 with the row widths 8, 24, 40, 64, 80, 96,
// 128, 200 and 256 that it divides (at most 40 groups), the code width
// rotating through 2 to 8, symmetric every other shape.
func shapeSeeds() []shapeSeed {
	var ss []shapeSeed
	i := 0
	for _, g := range []int{8, 16, 24, 32, 40, 48, 64, 80, 96} {
		for _, cols := range []int{8, 24, 40, 64, 80, 96, 128, 200, 256} {
			if cols%g != 0 || cols/g > 40 {
				continue
			}
			ss = append(ss, shapeSeed{lowbit.Format{Bits: 2 + i%7, Group: g, Symmetric: i%2 == 1}, cols})
			i++
		}
	}
	return ss
}

// softmaxSeeds covers every length around a vector boundary, every style,
// and the special inputs: NaN, +Inf, -Inf entries, all -Inf, one-hot
// (huge spread), uniform (equal values) and signed zeros.
func softmaxSeeds() map[string][]byte {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	negZero := float32(math.Copysign(0, -1))
	seeds := map[string][]byte{}
	for i, n := range []int{0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511} {
		st := styleCycle[i%len(styleCycle)] &^ sNonFinite
		seeds[fmt.Sprintf("len%d", n)] = []byte{byte(n), byte(n >> 8), st, byte(i % 8), byte(i % 2)}
	}
	for i, st := range styleCycle {
		seeds[fmt.Sprintf("style%d", i)] = []byte{100, 0, st, 3, 0}
	}
	seeds["nan"] = append([]byte{9, 0, sNonFinite, 0, 0}, valueBytes(1, 0.5, nan)...)
	seeds["plus-inf"] = append([]byte{17, 0, sNonFinite, 0, 1}, valueBytes(-1, inf, 1)...)
	seeds["minus-inf"] = append([]byte{20, 0, sNonFinite, 0, 0}, valueBytes(-1, -inf, 0.5, -inf, 1)...)
	seeds["all-minus-inf"] = append([]byte{3, 0, sNonFinite, 0, 0}, valueBytes(-inf, -inf, -inf)...)
	seeds["one-hot"] = append([]byte{33, 0, sUnit, 0, 0}, valueBytes(math.MaxFloat32, -math.MaxFloat32, 1e30)...)
	seeds["uniform"] = append([]byte{softmaxRun, 0, sUnit | sConstant, 0, 0, 0}, valueBytes(0.5)...)
	seeds["signed-zeros"] = append([]byte{16, 0, sZeros, 0, 0}, valueBytes(0, negZero, 0, negZero, 0x1p-126, math.SmallestNonzeroFloat32)...)
	return seeds
}

// hadamardSeeds covers every block of 1 to 1024 values with one to four
// blocks, every style, the special inputs (NaN, ±Inf, huge values whose
// sums overflow, signed zeros and subnormals) and lengths that are not a
// whole number of blocks.
func hadamardSeeds() map[string][]byte {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	negZero := float32(math.Copysign(0, -1))
	seeds := map[string][]byte{}
	for lg := 0; lg <= 10; lg++ {
		for k, blocks := range []int{1, 2, 3, 4} {
			if (lg+k)%2 == 0 || lg >= 9 && blocks > 2 {
				continue
			}
			st := styleCycle[(lg+k)%len(styleCycle)]
			seeds[fmt.Sprintf("n%d-b%d", 1<<lg, blocks)] = []byte{byte(lg), byte(blocks - 1), st, byte(lg + k)}
		}
	}
	for i, st := range styleCycle {
		seeds[fmt.Sprintf("style%d", i)] = []byte{byte(3 + i%5), 2, st, byte(i)}
	}
	seeds["nan"] = append([]byte{5, 0, sNonFinite, 0}, valueBytes(1, 0.5, nan)...)
	seeds["inf"] = append([]byte{4, 1, sNonFinite, 1}, valueBytes(-1, inf, 1, -inf)...)
	seeds["overflow"] = append([]byte{6, 1, sHuge, 0}, valueBytes(math.MaxFloat32, math.MaxFloat32, -math.MaxFloat32, 1e30, -math.MaxFloat32)...)
	seeds["signed-zeros"] = append([]byte{3, 0, sZeros, 1}, valueBytes(0, negZero, negZero, 0, negZero, 0x1p-126, math.SmallestNonzeroFloat32, -0x1.fffffcp-127)...)
	seeds["fp16-top"] = append([]byte{7, 0, sUnit, 0}, valueBytes(lowbit.MaxF16, -lowbit.MaxF16, 65519)...)
	seeds["constant-block"] = []byte{4, 0, sUnit | sConstant, 0, 0}
	for _, lg := range []int{1, 3, 6, 7} {
		seeds[fmt.Sprintf("misuse-n%d", 1<<lg)] = []byte{0x80 | byte(lg), byte(lg), sUnit, byte(lg)}
	}
	return seeds
}

// attentionSeeds covers prompts around the tiles of 64 and 128 keys and
// the blocks, head dimensions around the strips of 16 and the vector
// widths, every group up to 6, each variant (window, soft cap, sinks,
// stride, calls) alone and together, and every value style.
func attentionSeeds() map[string][]byte {
	seeds := map[string][]byte{}
	header := func(n, d, g int, flags, window, capIdx, scale, qs, kvs byte) []byte {
		return []byte{byte(n - 1), byte(d - 1), byte(g - 1), flags, window, capIdx, scale, qs, kvs}
	}
	for i, n := range []int{1, 2, 15, 16, 17, 63, 64, 65, 127, 128, 129, 200} {
		d := []int{1, 4, 8, 15, 16, 17, 31, 32, 33, 64, 100, 128}[i]
		g := 1 + i%6
		if n*d*g > 30000 { // cheaper under emulation
			g = 1 + i%2
		}
		seeds[fmt.Sprintf("n%d-d%d-g%d", n, d, g)] = header(n, d, g, byte(i%4)<<4|byte(i%2)<<6, 0, 0, 0, styleCycle[i%len(styleCycle)]&^sNonFinite, sUnit)
	}
	for i, d := range []int{144, 80, 48, 7} {
		seeds[fmt.Sprintf("d%d-n150", d)] = header(150, d, 1+i, 0x30, 0, 0, byte(i), sUnit, styleCycle[(i+2)%len(styleCycle)]&^sNonFinite)
	}
	seeds["window1"] = header(40, 16, 2, 1, 0, 0, 0, sUnit, sUnit)
	seeds["window7-calls"] = header(130, 24, 3, 1|0x30, 6, 0, 0, sUnit, sUnit)
	seeds["window100"] = header(200, 64, 4, 1|0x10, 99, 0, 0, sUnit, sUnit)
	for i := range attnCaps {
		seeds[fmt.Sprintf("softcap%d", i)] = header(70, 32, 2, 2, 0, byte(i), byte(i%3), sHuge, sUnit)
	}
	seeds["sinks"] = header(90, 16, 5, 4, 0, 0, 0, sUnit, sUnit)
	seeds["stride"] = header(50, 20, 3, 8, 0, 0, 5, sUnit, sMixed)
	seeds["everything"] = header(170, 40, 4, 1|2|4|8|0x30|0x40, 33, 3, 2, sMixed|sZeros, sUnit|sConstant)
	seeds["huge-scores"] = header(100, 64, 2, 0, 0, 0, 0, sHuge, sHuge)
	seeds["tiny"] = header(100, 64, 2, 0x20, 0, 0, 0, sTiny, sTiny|sZeros)
	seeds["constant-keys"] = header(129, 16, 1, 0, 0, 0, 0, sUnit, sUnit|sConstant)
	return seeds
}

// packSeeds covers every width with groups of one, several and partial
// blocks, and every bad call.
func packSeeds() map[string][]byte {
	seeds := map[string][]byte{}
	for bits := 2; bits <= 8; bits++ {
		for i, n := range []int{8, 16, 24, 32, 40, 64, 96, 320} {
			if (bits+i)%2 == 0 {
				seeds[fmt.Sprintf("b%d-n%d", bits, n)] = []byte{byte(bits - 2), byte(n/8 - 1), byte(16*i + 2*bits + 1)}
			}
		}
	}
	for k := 0; k < 6; k++ {
		data := []byte{byte(k), byte(k + 3), 0}
		n := 8 * (1 + int(data[1])%40)
		data = append(data, bytes.Repeat([]byte{0xff}, n+n*(2+k)/8)...) // all bits set
		seeds[fmt.Sprintf("badcall%d", k)] = append(data, byte(k))
	}
	return seeds
}

// f16Seeds are the fp16 conversion's edge cases: zeros, the ends of the
// range and of the subnormals, halfway points, NaN payloads.
func f16Seeds() map[string][2]uint32 {
	f := func(v float32) uint32 { return math.Float32bits(v) }
	return map[string][2]uint32{
		"zeros":            {f(float32(math.Copysign(0, -1))), 0x0000},
		"max":              {f(65504), 0x7bff},
		"below-overflow":   {f(65519.996), 0xfbff},
		"overflow":         {f(65520), 0x7c00},
		"inf":              {f(float32(math.Inf(-1))), 0xfc00},
		"smallest-sub":     {f(0x1p-24), 0x0001},
		"half-smallest":    {f(0x1p-25), 0x8001},
		"above-half":       {f(0x1.000002p-25), 0x0002},
		"sub-tie":          {f(0x1.8p-24), 0x03ff},
		"smallest-normal":  {f(0x1p-14), 0x0400},
		"largest-sub-tie":  {f(0x1.ffcp-15), 0x83ff},
		"normal-tie-even":  {f(1 + 0x1p-11), 0x3c00},
		"normal-tie-odd":   {f(1 + 0x3p-11), 0x3c01},
		"nan-payload":      {0x7fa01234, 0x7c01},
		"neg-nan":          {0xffc00001, 0xfe00},
		"float32-max":      {f(math.MaxFloat32), 0x7e01},
		"float32-smallest": {1, 0x8000},
	}
}

// corpusFile returns a corpus file's contents for the given arguments.
func corpusFile(args ...any) []byte {
	var b bytes.Buffer
	b.WriteString("go test fuzz v1\n")
	for _, a := range args {
		switch v := a.(type) {
		case []byte:
			fmt.Fprintf(&b, "[]byte(%q)\n", v)
		case uint32:
			fmt.Fprintf(&b, "uint32(%d)\n", v)
		case uint16:
			fmt.Fprintf(&b, "uint16(%d)\n", v)
		}
	}
	return b.Bytes()
}

// generatedCorpus returns every generated seed file, by path below
// testdata/fuzz.
func generatedCorpus() map[string][]byte {
	files := map[string][]byte{}
	for _, target := range []string{"FuzzDot", "FuzzDotQ8", "FuzzAddWeighted", "FuzzAddWeightedQ8", "FuzzQuantize", "FuzzDequantize"} {
		for name, data := range rowSeeds() {
			files[filepath.Join(target, name)] = corpusFile(data)
		}
	}
	for name, data := range softmaxSeeds() {
		files[filepath.Join("FuzzSoftmax", name)] = corpusFile(data)
	}
	for name, data := range packSeeds() {
		files[filepath.Join("FuzzPack", name)] = corpusFile(data)
	}
	for name, data := range hadamardSeeds() {
		files[filepath.Join("FuzzHadamard", name)] = corpusFile(data)
	}
	for name, data := range attentionSeeds() {
		files[filepath.Join("FuzzAttention", name)] = corpusFile(data)
	}
	for name, a := range f16Seeds() {
		files[filepath.Join("FuzzF16", name)] = corpusFile(a[0], uint16(a[1]))
	}
	return files
}

// TestSeedCorpus checks that every generated seed is in testdata/fuzz as
// generated (with -update-seeds it writes them). Inputs the fuzzer found
// may sit beside them.
func TestSeedCorpus(t *testing.T) {
	for path, want := range generatedCorpus() {
		full := filepath.Join("testdata", "fuzz", path)
		if *updateSeeds {
			require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
			require.NoError(t, os.WriteFile(full, want, 0o644))
			continue
		}
		got, err := os.ReadFile(full)
		if assert.NoError(t, err, "run: go test ./fuzz -run TestSeedCorpus -update-seeds") {
			assert.Equal(t, string(want), string(got), "%s differs from its generator", full)
		}
	}
}
