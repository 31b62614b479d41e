//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"
)

// avx512DotRow96 runs the 4-bit Dot row kernel on rows of 96 values in
// groups of 32 or 96 (four rows, three vectors, at a time; each vector's
// 128-bit lanes are blocks of different rows, with their own x tables) for
// pass query rows x; a last 1-3 rows are copied to a padded block of four.
// Like avx512DotRow it returns false, having written nothing, when a query
// value scaled by 16^-k is a nonzero float32 subnormal (query values below
// 2^-98), and the general kernels serve them.
func avx512DotRow96(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf    [4*24*16 + 16]float32
		sgBuf      [4*16 + 16]float32
		scratchBuf [4*4*16 + 16]float32
	)
	recs, sg, scratch := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	f := r.Format
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	for j := range pass {
		xj := x[j*96:][:96]
		if avx512DotRowXTables(&recs[j*24*16], &xj[0], &avx512Row96Cols[0][0], &avx512Row96Scales[0], 24, 1) {
			return false
		}
		// Lane 4L+v: block (4v+L)%3's sum (v < 3; the zero accumulator's
		// lanes get 0).
		var bs [3]float32
		for b := range bs {
			bs[b] = mul * sumFloats(xj[32*b:][:32])
		}
		for l := range 16 {
			L, v := l/4, l%4
			sg[j*16+l] = 0
			if v < 3 {
				sg[j*16+l] = bs[(4*v+L)%3]
			}
		}
	}
	n := len(out) / pass
	n4 := n &^ 3
	a := avx512RowArgs{
		recs:      unsafe.Pointer(&recs[0]),
		sg:        unsafe.Pointer(&sg[0]),
		scratch:   unsafe.Pointer(&scratch[0]),
		outStride: 4 * n,
	}
	mins, _ := shiftSource(r)
	if n4 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), n4
		avx512CallDotRow96(f.Group, pass, &a)
	}
	if n4 < n {
		var (
			data          [4 * 48]byte
			scales, mins4 [4 * 3]uint16
			tail          [4 * 4]float32
		)
		g, rb := f.Groups(96), f.RowBytes(96)
		copy(data[:], r.Data[n4*rb:])
		copy(scales[:], r.Scales[g*n4:])
		copy(mins4[:], mins[g*n4:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 4, 16
		avx512CallDotRow96(f.Group, pass, &a)
		for j := 0; j < pass; j++ {
			copy(out[j*n+n4:(j+1)*n], tail[4*j:])
		}
	}
	return true
}

// avx512Row96Codes reports whether the Dot row kernels of rows of 96 take
// codes of format f: 4-bit codes in groups of 32 or 96.
func avx512Row96Codes(f Format) bool {
	return f.Bits == 4 && (f.Group == 32 || f.Group == 96)
}

// The x tables of the rows-of-96 kernels: table 8v+k (vector v of a quad,
// nibble k) holds in dword lane l the query's column
// avx512Row96Cols[8v+k][l], block (4v+l/4)%3's column of nibble k in rows
// of 128 (avx512RowCols4), scaled by avx512Row96Scales[8v+k] = 16^-k.
//
// avx512Row96Idx are the kernels' permutations: the scales of groups of
// 32 into K's lanes (lane 4L+v: entry 4v+L, the quad's block 4v+L; 0 in
// the zero accumulator's lanes), of groups of 96 (entry (4v+L)/3, the
// block's row), and F into REDUCE4's layout (lane 4i+r: K's lane of row
// r's block i, c = 3r+i at lane 4(c%4)+c/4; lanes 12-15 are masked).
var (
	avx512Row96Cols   [24][16]int32
	avx512Row96Scales [24]float32
	avx512Row96Idx    [3][16]int32
)

func init() {
	for v := range 3 {
		for k := range 8 {
			avx512Row96Scales[8*v+k] = float32(math.Ldexp(1, -4*k))
			for l := range 16 {
				b := (4*v + l/4) % 3
				avx512Row96Cols[8*v+k][l] = int32(32*b) + avx512RowCols4[k][l] - int32(32*(l/4))
			}
		}
	}
	for l := range 16 {
		L, v := l/4, l%4
		if v < 3 {
			avx512Row96Idx[0][l] = int32(4*v + L)
			avx512Row96Idx[1][l] = int32((4*v + L) / 3)
		}
		if i, r := l/4, l%4; i < 3 {
			c := 3*r + i
			avx512Row96Idx[2][l] = int32(4*(c%4) + c/4)
		}
	}
}
