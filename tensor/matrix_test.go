package tensor

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lowbit-ml/lowbit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func formats() []lowbit.Format {
	fs := []lowbit.Format{lowbit.F32, lowbit.F16}
	for bits := 2; bits <= 8; bits++ {
		fs = append(fs, lowbit.Quant(bits, 32), lowbit.SymQuant(bits, 16), lowbit.Quant(bits, 8))
	}
	return fs
}

func values(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64() * math.Exp(rng.NormFloat64()))
	}
	return x
}

// bound returns how far the stored value of row[c] may be from it: half a
// step, plus what the fp16 rounding of the group's scale and min adds, plus
// float32 rounding.
func bound(f lowbit.Format, row []float32, c int) float64 {
	switch f.Bits {
	case 32:
		return 0
	case 16:
		return math.Abs(float64(row[c])) * 0x1p-11
	}
	g := c / f.Group * f.Group
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range row[g : g+f.Group] {
		lo, hi = math.Min(lo, float64(v)), math.Max(hi, float64(v))
	}
	rt := func(v float64) float64 { return float64(lowbit.F16ToFloat32(lowbit.F16FromFloat32(float32(v)))) }
	var s, m float64
	if f.Symmetric {
		s = math.Max(-lo, hi) / float64(int(1)<<(f.Bits-1)-1)
	} else {
		s, m = (hi-lo)/float64(int(1)<<f.Bits-1), lo
	}
	levels := float64(int(1) << f.Bits)
	return rt(s)/2 + math.Abs(s-rt(s))*levels + math.Abs(m-rt(m)) + 1e-6*(math.Abs(float64(row[c]))+s*levels)
}

// TestQuantizeErrorBound is the property test: every dequantized value is
// within scale/2 of its input, plus the fp16 rounding of scale and min.
func TestQuantizeErrorBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, f := range formats() {
		for trial := 0; trial < 20; trial++ {
			cols := 64
			x := values(rng, 7*cols)
			m, err := FromFloat32(f, cols, x)
			require.NoError(t, err)
			got := make([]float32, len(x))
			require.NoError(t, m.Dequantize(got))
			for i := range x {
				r := i / cols * cols
				require.InDelta(t, x[i], got[i], bound(f, x[r:r+cols], i-r), "%s value %d", f, i)
			}
		}
	}
}

func TestMatVecAndAddWeightedMatchFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, f := range formats() {
		rows, cols := 9, 96
		m, err := FromFloat32(f, cols, values(rng, rows*cols))
		require.NoError(t, err)
		deq := make([]float32, rows*cols)
		require.NoError(t, m.Dequantize(deq))

		x := values(rng, 3*cols)
		out := make([]float32, 3*rows)
		require.NoError(t, m.MatVec(out, x))
		for j := 0; j < 3; j++ {
			for i := 0; i < rows; i++ {
				var want, mag float64
				for c := 0; c < cols; c++ {
					p := float64(deq[i*cols+c]) * float64(x[j*cols+c])
					want += p
					mag += math.Abs(p)
				}
				assert.InDelta(t, want, out[j*rows+i], 1e-4*(mag+1e-3), "%s MatVec[%d,%d]", f, j, i)
			}
		}

		w := values(rng, 2*rows)
		y := values(rng, 2*cols)
		want := make([]float64, len(y))
		for k, v := range y {
			want[k] = float64(v)
		}
		for j := 0; j < 2; j++ {
			for i := 0; i < rows; i++ {
				for c := 0; c < cols; c++ {
					want[j*cols+c] += float64(w[j*rows+i]) * float64(deq[i*cols+c])
				}
			}
		}
		require.NoError(t, m.AddWeighted(y, w))
		for k := range y {
			assert.InDelta(t, want[k], y[k], 1e-4*(math.Abs(want[k])+1), "%s AddWeighted[%d]", f, k)
		}
	}
}

func TestAppendRowsInPiecesEqualsAllAtOnce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, f := range formats() {
		x := values(rng, 11*32)
		whole, err := FromFloat32(f, 32, x)
		require.NoError(t, err)
		pieces, err := New(f, 32)
		require.NoError(t, err)
		for _, n := range []int{1, 0, 3, 2, 5} {
			require.NoError(t, pieces.AppendRows(x[:n*32]))
			x = x[n*32:]
		}
		assert.Equal(t, whole.rows, pieces.rows, "%s", f)
		assert.Equal(t, 11, pieces.Rows())
	}
}

func TestRow(t *testing.T) {
	x := []float32{1, 2, 3, 4, 5, 6, 7, 8, -8, -7, -6, -5, -4, -3, -2, -1}
	m, err := FromFloat32(lowbit.F32, 8, x)
	require.NoError(t, err)
	row := make([]float32, 8)
	require.NoError(t, m.Row(1, row))
	assert.Equal(t, x[8:], row)
	assert.ErrorIs(t, m.Row(2, row), ErrShape)
	assert.ErrorIs(t, m.Row(-1, row), ErrShape)
	assert.ErrorIs(t, m.Row(0, row[:7]), ErrShape)
}

func TestBytesAreExact(t *testing.T) {
	for _, c := range []struct {
		f    lowbit.Format
		want Bytes
	}{
		{lowbit.Quant(4, 64), Bytes{Codes: 10 * 64, Scales: 10 * 2 * 2, Mins: 10 * 2 * 2}},
		{lowbit.SymQuant(4, 64), Bytes{Codes: 10 * 64, Scales: 10 * 2 * 2}},
		{lowbit.Quant(3, 32), Bytes{Codes: 10 * 48, Scales: 10 * 4 * 2, Mins: 10 * 4 * 2}},
		{lowbit.Quant(7, 128), Bytes{Codes: 10 * 112, Scales: 10 * 2, Mins: 10 * 2}},
		{lowbit.F16, Bytes{Codes: 10 * 256}},
		{lowbit.F32, Bytes{Codes: 10 * 512}},
	} {
		m, err := FromFloat32(c.f, 128, make([]float32, 10*128))
		require.NoError(t, err)
		assert.Equal(t, c.want, m.Bytes(), "%s", c.f)
		assert.InDelta(t, c.f.BitsPerValue()*10*128/8, float64(m.Bytes().Total()), 1e-9, "%s", c.f)
	}
}

func TestErrorsLeaveTheMatrixUnchanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, f := range formats() {
		m, err := FromFloat32(f, 32, values(rng, 3*32))
		require.NoError(t, err)
		before := m.snapshot(t)
		for name, x := range map[string][]float32{
			"NaN":          append(values(rng, 63), float32(math.NaN())),
			"+Inf":         append([]float32{float32(math.Inf(1))}, values(rng, 31)...),
			"partial row":  values(rng, 33),
			"out of range": append(values(rng, 31), 1e6),
		} {
			if name == "out of range" && f.Bits == 32 {
				continue
			}
			assert.Error(t, m.AppendRows(x), "%s: %s", f, name)
			assert.Equal(t, before, m.snapshot(t), "%s: %s changed the matrix", f, name)
		}
		assert.ErrorIs(t, m.MatVec(make([]float32, 3), make([]float32, 31)), ErrShape)
		assert.ErrorIs(t, m.MatVec(make([]float32, 4), make([]float32, 32)), ErrShape)
		assert.ErrorIs(t, m.AddWeighted(make([]float32, 32), make([]float32, 4)), ErrShape)
		assert.ErrorIs(t, m.AddWeighted(make([]float32, 31), make([]float32, 3)), ErrShape)
		assert.ErrorIs(t, m.Dequantize(make([]float32, 95)), ErrShape)
		_, err = m.View(2, 4)
		assert.ErrorIs(t, err, ErrShape)
		assert.Equal(t, before, m.snapshot(t))
	}
}

type snapshot struct {
	rows   int
	bytes  Bytes
	values []float32
}

func (m *Matrix) snapshot(t *testing.T) snapshot {
	v := make([]float32, m.Rows()*m.Cols())
	require.NoError(t, m.Dequantize(v))
	return snapshot{m.Rows(), m.Bytes(), v}
}

func TestBadFormats(t *testing.T) {
	for _, f := range []lowbit.Format{{Bits: 1, Group: 8}, {Bits: 9, Group: 8}, lowbit.Quant(4, 12), lowbit.Quant(4, 0), {Bits: 16, Group: 8}} {
		_, err := New(f, 24)
		assert.ErrorIs(t, err, lowbit.ErrFormat, "%v", f)
	}
	_, err := New(lowbit.Quant(4, 16), 24)
	assert.ErrorIs(t, err, lowbit.ErrFormat, "24 columns in groups of 16")
	_, err = New(lowbit.F16, 0)
	assert.ErrorIs(t, err, lowbit.ErrFormat)
}

// TestAbsurdColumns: a row beyond lowbit.MaxAlloc bytes is an error when
// the matrix is made, not a matrix no row fits in.
func TestAbsurdColumns(t *testing.T) {
	for _, c := range []struct {
		f    lowbit.Format
		cols int
	}{{lowbit.F32, math.MaxInt}, {lowbit.F16, math.MaxInt / 2}, {lowbit.Quant(4, 64), math.MaxInt / 64 * 64}} {
		_, err := New(c.f, c.cols)
		assert.ErrorIs(t, err, lowbit.ErrTooLarge, "%s, %d columns", c.f, c.cols)
	}
}

func TestEmptyMatrix(t *testing.T) {
	m, err := New(lowbit.Quant(2, 8), 8)
	require.NoError(t, err)
	assert.Equal(t, 0, m.Rows())
	require.NoError(t, m.MatVec(nil, make([]float32, 8)))
	require.NoError(t, m.AddWeighted(make([]float32, 8), nil))
	require.NoError(t, m.Dequantize(nil))
	assert.Equal(t, Bytes{}, m.Bytes())
}
