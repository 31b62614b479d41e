package lowbit

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var minus0 = float32(math.Copysign(0, -1))

// ggmlKnownAnswers are blocks written out byte by byte from ggml's block
// structs, and the values that ggml's definitions give them, worked out
// by hand (the formula beside each). fp16: 0xB800 = -0.5, 0x3400 = 0.25,
// 0xBC00 = -1, 0x0400 = 2^-14, 0x69DC = 3000, 0x4000 = 2, 0x3800 = 0.5,
// 0x4900 = 10, 0xB000 = -0.125.
var ggmlKnownAnswers = []struct {
	typ        GGMLType
	rows, cols int
	raw        []byte
	want       []float32
}{{
	// d = -0.5 (negative), qs[j] = j | (15-j)<<4: x_j = -0.5·(j-8),
	// x_(16+j) = -0.5·(7-j); q = 8 gives -0.
	typ: GGMLQ4_0, rows: 1, cols: 32,
	raw: []byte{0x00, 0xb8,
		0xf0, 0xe1, 0xd2, 0xc3, 0xb4, 0xa5, 0x96, 0x87, 0x78, 0x69, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x0f},
	want: []float32{4, 3.5, 3, 2.5, 2, 1.5, 1, 0.5, minus0, -0.5, -1, -1.5, -2, -2.5, -3, -3.5,
		-3.5, -3, -2.5, -2, -1.5, -1, -0.5, minus0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4},
}, {
	// Block 0: d = 0.25, m = -1, qs[j] = j | ((j+8)%16)<<4: x = 0.25·q - 1.
	// Block 1: d = 2^-14, m = 3000, qs[j] = j | (15-j)<<4: 3000 + q·2^-14
	// rounds to a multiple of 2^-12 (ties to even: q = 2 and 6 go down
	// and up to even multiples).
	typ: GGMLQ4_1, rows: 1, cols: 64,
	raw: []byte{0x00, 0x34, 0x00, 0xbc,
		0x80, 0x91, 0xa2, 0xb3, 0xc4, 0xd5, 0xe6, 0xf7, 0x08, 0x19, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f,
		0x00, 0x04, 0xdc, 0x69,
		0xf0, 0xe1, 0xd2, 0xc3, 0xb4, 0xa5, 0x96, 0x87, 0x78, 0x69, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x0f},
	want: []float32{-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75,
		1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75,
		3000, 3000, 3000, 3000 + 0x1p-12, 3000 + 0x1p-12, 3000 + 0x1p-12, 3000 + 0x2p-12, 3000 + 0x2p-12,
		3000 + 0x2p-12, 3000 + 0x2p-12, 3000 + 0x2p-12, 3000 + 0x3p-12, 3000 + 0x3p-12, 3000 + 0x3p-12, 3000 + 0x4p-12, 3000 + 0x4p-12,
		3000 + 0x4p-12, 3000 + 0x4p-12, 3000 + 0x3p-12, 3000 + 0x3p-12, 3000 + 0x3p-12, 3000 + 0x2p-12, 3000 + 0x2p-12, 3000 + 0x2p-12,
		3000 + 0x2p-12, 3000 + 0x2p-12, 3000 + 0x1p-12, 3000 + 0x1p-12, 3000 + 0x1p-12, 3000, 3000, 3000},
}, {
	// d = 2, qh = 01 00 f0 80 (bits 0, 20-23 and 31: the fifth bit of those
	// values), qs[j] = j | (15-j)<<4: x = 2·(q-16).
	typ: GGMLQ5_0, rows: 1, cols: 32,
	raw: []byte{0x00, 0x40, 0x01, 0x00, 0xf0, 0x80,
		0xf0, 0xe1, 0xd2, 0xc3, 0xb4, 0xa5, 0x96, 0x87, 0x78, 0x69, 0x5a, 0x4b, 0x3c, 0x2d, 0x1e, 0x0f},
	want: []float32{0, -30, -28, -26, -24, -22, -20, -18, -16, -14, -12, -10, -8, -6, -4, -2,
		-2, -4, -6, -8, 22, 20, 18, 16, -18, -20, -22, -24, -26, -28, -30, 0},
}, {
	// d = 0.5, m = 10, qh = ff 00 00 01 (bits 0-7 and 24), qs[j] =
	// (15-j) | j<<4: x = 0.5·q + 10.
	typ: GGMLQ5_1, rows: 1, cols: 32,
	raw: []byte{0x00, 0x38, 0x00, 0x49, 0xff, 0x00, 0x00, 0x01,
		0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78, 0x87, 0x96, 0xa5, 0xb4, 0xc3, 0xd2, 0xe1, 0xf0},
	want: []float32{25.5, 25, 24.5, 24, 23.5, 23, 22.5, 22, 13.5, 13, 12.5, 12, 11.5, 11, 10.5, 10,
		10, 10.5, 11, 11.5, 12, 12.5, 13, 13.5, 22, 14.5, 15, 15.5, 16, 16.5, 17, 17.5},
}, {
	// d = -0.125, int8 qs -128, -127, -100, -64, -2, -1, 0, 1, 2, 3, 50,
	// 64, 100, 126, 127, then -1, 0, 1, …, 15: x = -0.125·q.
	typ: GGMLQ8_0, rows: 1, cols: 32,
	raw: []byte{0x00, 0xb0,
		0x80, 0x81, 0x9c, 0xc0, 0xfe, 0xff, 0x00, 0x01, 0x02, 0x03, 0x32, 0x40, 0x64, 0x7e, 0x7f,
		0xff, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f},
	want: []float32{16, 15.875, 12.5, 8, 0.25, 0.125, minus0, -0.125, -0.25, -0.375, -6.25, -8, -12.5, -15.75, -15.875,
		0.125, minus0, -0.125, -0.25, -0.375, -0.5, -0.625, -0.75, -0.875, -1, -1.125, -1.25, -1.375, -1.5, -1.625, -1.75, -1.875},
}, {
	// Two rows of three fp16 values: 1, -2, 2^-24; 65504, -0, 0x3555.
	typ: GGMLF16, rows: 2, cols: 3,
	raw:  []byte{0x00, 0x3c, 0x00, 0xc0, 0x01, 0x00, 0xff, 0x7b, 0x00, 0x80, 0x55, 0x35},
	want: []float32{1, -2, 0x1p-24, 65504, minus0, 0x1.554p-2},
}, {
	// float32 1.5, -0, the smallest subnormal, -MaxFloat32.
	typ: GGMLF32, rows: 1, cols: 4,
	raw:  []byte{0x00, 0x00, 0xc0, 0x3f, 0x00, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0x7f, 0xff},
	want: []float32{1.5, minus0, 0x1p-149, -math.MaxFloat32},
}}

// requireGGMLBits requires got and want to be the same float32 bits.
func requireGGMLBits(t *testing.T, want, got []float32, msg string, args ...any) {
	t.Helper()
	what := fmt.Sprintf(msg, args...)
	require.Len(t, got, len(want), what)
	for i := range want {
		require.Equal(t, math.Float32bits(want[i]), math.Float32bits(got[i]), "%s: value %d: got %v, want %v", what, i, got[i], want[i])
	}
}

func TestFromGGMLKnownAnswers(t *testing.T) {
	for _, c := range ggmlKnownAnswers {
		r, err := FromGGML(c.typ, c.raw, c.rows, c.cols)
		require.NoError(t, err, "%v", c.typ)
		f, err := c.typ.Format()
		require.NoError(t, err)
		require.Equal(t, f, r.Format, "%v", c.typ)
		require.Equal(t, c.rows, r.Len(), "%v", c.typ)
		ref := refGGML(c.typ, c.raw, c.rows*c.cols)
		for i, v := range ref {
			require.Equal(t, math.Float32bits(c.want[i]), math.Float32bits(v.f32), "%v value %d: the reference gives %v, worked out %v", c.typ, i, v.f32, c.want[i])
		}
		for _, im := range Implementations() {
			dst := make([]float32, c.rows*c.cols)
			im.Dequantize(dst, r)
			requireGGMLBits(t, c.want, dst, "%s Dequantize of %v", im, c.typ)
		}
	}
}

// ggmlTypes lists every type FromGGML converts.
var ggmlTypes = []GGMLType{GGMLQ4_0, GGMLQ4_1, GGMLQ5_0, GGMLQ5_1, GGMLQ8_0, GGMLF16, GGMLF32}

// ggmlBlockBytes is each type's block: bytes per block, values per block.
var ggmlBlockBytes = map[GGMLType][2]int{
	GGMLQ4_0: {18, 32}, GGMLQ4_1: {20, 32}, GGMLQ5_0: {22, 32}, GGMLQ5_1: {24, 32},
	GGMLQ8_0: {34, 32}, GGMLF16: {2, 1}, GGMLF32: {4, 1},
}

// randomGGMLF16 returns finite fp16 bits of either sign: with wide, any
// finite value (zeros, subnormals, up to 65504), else a normal value
// between 2^-10 and 32 in magnitude.
func randomGGMLF16(rng *rand.Rand, wide bool) uint16 {
	sign := uint16(rng.IntN(2)) << 15
	if wide {
		return sign | uint16(rng.IntN(0x7c00))
	}
	return sign | uint16(5+rng.IntN(16))<<10 | uint16(rng.IntN(1024))
}

// randomGGML returns a random tensor of rows × cols values of type t as
// ggml lays it out: random codes, and fp16 d and m (or fp16 and float32
// values) of either sign, wide-ranging with wide.
func randomGGML(rng *rand.Rand, t GGMLType, rows, cols int, wide bool) []byte {
	bb := ggmlBlockBytes[t]
	raw := make([]byte, rows*cols/bb[1]*bb[0])
	for i := range raw {
		raw[i] = byte(rng.Uint32())
	}
	for b := 0; b < len(raw); b += bb[0] {
		switch t {
		case GGMLF32:
			v := math.Float32bits(float32(rng.NormFloat64()))
			if wide {
				v = rng.Uint32() // any bits but NaN and ±Inf: subnormals to MaxFloat32
				if v&0x7f800000 == 0x7f800000 {
					v &^= 1 << 23
				}
			}
			binary.LittleEndian.PutUint32(raw[b:], v)
		case GGMLF16, GGMLQ4_0, GGMLQ5_0, GGMLQ8_0:
			binary.LittleEndian.PutUint16(raw[b:], randomGGMLF16(rng, wide))
		default: // d and m
			binary.LittleEndian.PutUint16(raw[b:], randomGGMLF16(rng, wide))
			binary.LittleEndian.PutUint16(raw[b+2:], randomGGMLF16(rng, wide))
		}
	}
	return raw
}

// ggmlShapes are the tensor shapes the ggml tests use: one block, rows of
// several blocks, rows of 128 values, and enough rows for every
// kernel's multi-row steps and tails.
func ggmlShapes(t GGMLType) [][2]int {
	if ggmlBlockBytes[t][1] == 1 {
		return [][2]int{{1, 1}, {3, 7}, {5, 32}, {17, 128}, {4, 40}}
	}
	return [][2]int{{1, 32}, {3, 64}, {5, 128}, {17, 128}, {4, 256}, {9, 96}}
}

func TestFromGGMLDequantizesAsGGML(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 2))
	for _, typ := range ggmlTypes {
		for _, shape := range ggmlShapes(typ) {
			rows, cols := shape[0], shape[1]
			for _, wide := range []bool{false, true} {
				raw := randomGGML(rng, typ, rows, cols, wide)
				r, err := FromGGML(typ, raw, rows, cols)
				require.NoError(t, err)
				ref := refGGML(typ, raw, rows*cols)
				want := make([]float32, len(ref))
				for i, v := range ref {
					want[i] = v.f32
				}
				for _, im := range Implementations() {
					dst := make([]float32, rows*cols)
					im.Dequantize(dst, r)
					requireGGMLBits(t, want, dst, "%s Dequantize of %v, %d × %d (wide %t)", im, typ, rows, cols, wide)
				}
			}
		}
	}
}

// TestGGMLRowsInEveryKernel runs Dot, DotQ8 and AddWeighted of every
// implementation on imported rows, negative scales and mins included,
// against float64 sums of ggml's exact values.
func TestGGMLRowsInEveryKernel(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 3))
	for _, typ := range ggmlTypes {
		for _, shape := range ggmlShapes(typ) {
			n, cols := shape[0], shape[1]
			raw := randomGGML(rng, typ, n, cols, false)
			r, err := FromGGML(typ, raw, n, cols)
			require.NoError(t, err)
			ref := refGGML(typ, raw, n*cols)
			for _, nq := range []int{1, 2, 4, 5} {
				x := make([]float32, nq*cols)
				for i := range x {
					x[i] = float32(rng.NormFloat64())
				}
				w := make([]float32, nq*n)
				for i := range w {
					w[i] = float32(rng.NormFloat64())
				}
				y0 := make([]float32, nq*cols)
				for i := range y0 {
					y0[i] = float32(rng.NormFloat64())
				}
				for _, im := range Implementations() {
					what := fmt.Sprintf("%s on %v, %d × %d, %d queries", im, typ, n, cols, nq)
					out := make([]float32, nq*n)
					im.Dot(out, r, x)
					query := make([]float64, len(x))
					for i, v := range x {
						query[i] = float64(v)
					}
					checkGGMLScores(t, ref, query, out, cols, "Dot "+what)

					q, err := NewQ8(r.Format, nq, cols)
					require.NoError(t, err)
					require.NoError(t, im.QuantizeQ8(q, x))
					im.DotQ8(out, r, q)
					checkGGMLScores(t, ref, dequantizeQ8(q), out, cols, "DotQ8 "+what)

					checkGGMLAddWeighted(t, im, r, ref, w, y0, what)
				}
			}
		}
	}
}

// checkGGMLScores compares out[j*n+i] of a Dot or DotQ8 with Σ_c
// ref[i*cols+c]·query[j*cols+c], query the values the kernel multiplies.
func checkGGMLScores(t *testing.T, ref []ggmlRefValue, query []float64, out []float32, cols int, what string) {
	t.Helper()
	n := len(ref) / cols
	for j := 0; j < len(query)/cols; j++ {
		for i := 0; i < n; i++ {
			var want, mag float64
			for c := 0; c < cols; c++ {
				v, xc := ref[i*cols+c], query[j*cols+c]
				want += v.exact * xc
				mag += v.mag * math.Abs(xc)
			}
			require.InDelta(t, want, out[j*n+i], sumTolerance(mag, cols), "%s: row %d, query %d", what, i, j)
		}
	}
}

func checkGGMLAddWeighted(t *testing.T, im *Implementation, r Rows, ref []ggmlRefValue, w, y0 []float32, what string) {
	n, cols := r.Len(), r.Cols
	nq := len(w) / n
	y := append([]float32(nil), y0...)
	im.AddWeighted(y, r, w)
	for j := 0; j < nq; j++ {
		for c := 0; c < cols; c++ {
			want, mag := float64(y0[j*cols+c]), math.Abs(float64(y0[j*cols+c]))
			for i := 0; i < n; i++ {
				v, wi := ref[i*cols+c], float64(w[j*n+i])
				want += wi * v.exact
				mag += math.Abs(wi) * v.mag
			}
			require.InDelta(t, want, y[j*cols+c], sumTolerance(mag, 2*n), "AddWeighted %s: weight row %d, column %d", what, j, c)
		}
	}
}

func TestGGMLRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 4))
	for _, typ := range ggmlTypes {
		f, err := typ.Format()
		require.NoError(t, err)
		for _, shape := range ggmlShapes(typ) {
			rows, cols := shape[0], shape[1]
			// ggml → lowbit → ggml gives the same bytes, after what dst held.
			raw := randomGGML(rng, typ, rows, cols, true)
			r, err := FromGGML(typ, raw, rows, cols)
			require.NoError(t, err)
			prefix := []byte("GGUF")
			got, err := AppendGGML(prefix, typ, r)
			require.NoError(t, err)
			assert.Equal(t, "GGUF", string(got[:4]))
			assert.Equal(t, raw, got[4:], "%v %d × %d", typ, rows, cols)

			// lowbit → ggml → lowbit gives the same rows, for rows Quantize
			// made.
			x := make([]float32, rows*cols)
			for i := range x {
				x[i] = float32(rng.NormFloat64())
			}
			q, err := NewRows(f, rows, cols)
			require.NoError(t, err)
			require.NoError(t, Quantize(q, x))
			blocks, err := AppendGGML(nil, typ, q)
			require.NoError(t, err)
			back, err := FromGGML(typ, blocks, rows, cols)
			require.NoError(t, err)
			assert.Equal(t, q, back, "%v %d × %d", typ, rows, cols)
		}
		// No rows: no bytes.
		r, err := FromGGML(typ, nil, 0, 64)
		require.NoError(t, err)
		assert.Equal(t, 0, r.Len())
		got, err := AppendGGML(nil, typ, r)
		require.NoError(t, err)
		assert.Empty(t, got)
	}
}

func TestGGMLTypes(t *testing.T) {
	formats := map[GGMLType]string{GGMLQ4_0: "q4sg32", GGMLQ4_1: "q4g32", GGMLQ5_0: "q5sg32",
		GGMLQ5_1: "q5g32", GGMLQ8_0: "q8sg32", GGMLF16: "f16", GGMLF32: "f32"}
	ids := map[GGMLType]uint32{GGMLF32: 0, GGMLF16: 1, GGMLQ4_0: 2, GGMLQ4_1: 3,
		GGMLQ5_0: 6, GGMLQ5_1: 7, GGMLQ8_0: 8}
	for typ, want := range formats {
		f, err := typ.Format()
		require.NoError(t, err)
		assert.Equal(t, want, f.String(), "%v", typ)
		assert.Equal(t, ids[typ], uint32(typ), "ggml's number of %v", typ)
	}
	assert.Equal(t, "q4_0", GGMLQ4_0.String())
	assert.Equal(t, "q6_K", GGMLType(14).String())
	assert.Equal(t, "GGMLType(99)", GGMLType(99).String())
	for _, typ := range []GGMLType{9, 10, 11, 12, 13, 14, 15, 30, 4, 99} {
		_, err := typ.Format()
		require.ErrorIs(t, err, ErrGGMLType, "%v", typ)
		_, err = FromGGML(typ, make([]byte, 144), 1, 256)
		require.ErrorIs(t, err, ErrGGMLType, "%v", typ)
		r, err := NewRows(Quant(4, 32), 1, 256)
		require.NoError(t, err)
		_, err = AppendGGML(nil, typ, r)
		require.ErrorIs(t, err, ErrGGMLType, "%v", typ)
	}
	_, err := GGMLType(12).Format()
	assert.ErrorContains(t, err, "not an fp16 value in general")
}

func TestFromGGMLErrors(t *testing.T) {
	q40 := func(blocks int) []byte { return make([]byte, 18*blocks) }
	bad := []struct {
		name       string
		typ        GGMLType
		raw        []byte
		rows, cols int
		msg        string
	}{
		{"one byte short", GGMLQ4_0, q40(2)[1:], 1, 64, "q4_0 tensor of 1 × 64 values takes 36 bytes, raw has 35"},
		{"one byte over", GGMLQ4_0, append(q40(2), 0), 1, 64, "takes 36 bytes, raw has 37"},
		{"a block short", GGMLQ8_0, make([]byte, 34), 2, 32, "takes 68 bytes"},
		{"cols not whole blocks", GGMLQ4_0, q40(1), 1, 16, "not whole blocks of 32"},
		{"cols 48", GGMLQ5_1, make([]byte, 48), 1, 48, "not whole blocks of 32"},
		{"no cols", GGMLF16, nil, 1, 0, "f16 tensor of 1 × 0 values"},
		{"negative rows", GGMLQ4_0, nil, -1, 32, "-1 × 32"},
		{"negative cols", GGMLF32, nil, 1, -4, "1 × -4"},
		{"rows × cols overflow", GGMLQ8_0, q40(1), math.MaxInt / 2, 64, "overflow"},
		{"rows × cols overflow, f32", GGMLF32, nil, 17, math.MaxInt / 64, "overflow"},
		{"cols beyond any row", GGMLF16, nil, 0, math.MaxInt / 16, "more than"},
		{"claims far more than raw holds", GGMLQ4_0, q40(1), math.MaxInt / 64, 32, "raw has 18"},
	}
	for _, c := range bad {
		_, err := FromGGML(c.typ, c.raw, c.rows, c.cols)
		require.Error(t, err, c.name)
		assert.ErrorContains(t, err, c.msg, c.name)
		assert.NotErrorIs(t, err, ErrGGMLType, c.name)
	}

	// NaN and ±Inf in d, in m, and among f16 and f32 values: an error that
	// names the row and block, as ggml's row validation refuses them.
	nonFinite := []struct {
		typ  GGMLType
		cols int
		at   int    // byte offset of the value in the second row
		bits uint32 // the non-finite value's bits (fp16 but for f32)
		want string
	}{
		{GGMLQ4_0, 64, 18, 0x7c00, "q4_0 row 1, block 1"}, // d of the second block
		{GGMLQ4_1, 64, 2, 0xfc00, "q4_1 row 1, block 0"},  // m
		{GGMLQ5_1, 32, 0, 0x7e00, "q5_1 row 1, block 0"},  // d
		{GGMLQ8_0, 96, 68, 0xfd01, "q8_0 row 1, block 2"}, // d of the third block, a negative NaN
		{GGMLF16, 5, 6, 0x7c00, "f16 row 1, value 3"},     // +Inf
		{GGMLF32, 3, 4, 0xff800000, "f32 row 1, value 1"}, // -Inf
		{GGMLF32, 3, 8, 0x7fc00000, "f32 row 1, value 2"}, // NaN
	}
	for _, c := range nonFinite {
		raw := randomGGML(rand.New(rand.NewPCG(1, 2)), c.typ, 2, c.cols, false)
		rowBytes := len(raw) / 2
		if c.typ == GGMLF32 {
			binary.LittleEndian.PutUint32(raw[rowBytes+c.at:], c.bits)
		} else {
			binary.LittleEndian.PutUint16(raw[rowBytes+c.at:], uint16(c.bits))
		}
		_, err := FromGGML(c.typ, raw, 2, c.cols)
		require.Error(t, err, c.want)
		assert.ErrorContains(t, err, c.want)
		assert.ErrorContains(t, err, "NaN or an infinity")
	}
}

// TestFromGGMLAllocatesOnlyTheOutput checks that FromGGML allocates the
// rows it returns and nothing of note besides (the slack is for the
// error message and the race detector), and that a shape that claims
// more than raw holds allocates nothing big before its error.
func TestFromGGMLAllocatesOnlyTheOutput(t *testing.T) {
	allocated := func(fn func()) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		fn()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	rng := rand.New(rand.NewPCG(18, 5))
	const rows, cols = 256, 1024
	for _, typ := range []GGMLType{GGMLQ4_1, GGMLQ8_0} {
		raw := randomGGML(rng, typ, rows, cols, false)
		var r Rows
		got := allocated(func() {
			var err error
			r, err = FromGGML(typ, raw, rows, cols)
			require.NoError(t, err)
		})
		out := uint64(len(r.Data) + 2*len(r.Scales) + 2*len(r.Mins))
		assert.LessOrEqual(t, got, out+64<<10, "%v: allocated %d bytes for %d bytes of rows", typ, got, out)
	}
	got := allocated(func() {
		_, err := FromGGML(GGMLQ4_0, make([]byte, 18), math.MaxInt/64, 32)
		require.Error(t, err)
	})
	assert.Less(t, got, uint64(64<<10), "a bad size allocated %d bytes", got)
}

func TestAppendGGMLErrors(t *testing.T) {
	dst := []byte("keep")
	r, err := NewRows(Quant(4, 64), 2, 128)
	require.NoError(t, err)
	got, err := AppendGGML(dst, GGMLQ4_1, r)
	assert.ErrorContains(t, err, "q4_1 blocks hold q4g32 rows, not q4g64")
	assert.Equal(t, "keep", string(got))

	r, err = NewRows(SymQuant(8, 32), 2, 64)
	require.NoError(t, err)
	r.Scales = r.Scales[1:] // inconsistent rows
	got, err = AppendGGML(dst, GGMLQ8_0, r)
	assert.ErrorContains(t, err, "need 4 scales, have 3")
	assert.Equal(t, "keep", string(got))

	r, err = NewRows(Quant(4, 32), 2, 64)
	require.NoError(t, err)
	got, err = AppendGGML(dst, GGMLQ4_0, r) // asymmetric rows for a symmetric type
	assert.ErrorContains(t, err, "q4_0 blocks hold q4sg32 rows, not q4g32")
	assert.Equal(t, "keep", string(got))
}
