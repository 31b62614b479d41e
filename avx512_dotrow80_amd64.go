//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512DotRow80 runs the 4-bit Dot row kernel on rows of 80 values in
// groups of 16 or 80 (eight rows, five vectors, at a time; each dword
// lane with its own x tables, see avx512_dotrow80_amd64.s) for pass query
// rows x; a last 1-7 rows are copied to a padded block of eight. Like
// avx512DotRow it returns false, having written nothing, when a query
// value scaled by 16^-k is a nonzero float32 subnormal (query values below
// 2^-98), and other kernels serve them.
func avx512DotRow80(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf [4*40*16 + 16]float32
		sgBuf   [4*48 + 16]float32
	)
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	f := r.Format
	cols := &avx512Row80Cols[0][0]
	if f.Group == 16 {
		cols = &avx512Row80ColsG16[0][0]
	}
	mins, mul := shiftSource(r)
	for j := range pass {
		xj := x[j*80:][:80]
		if avx512DotRowXTables(&recs[j*40*16], &xj[0], cols, &avx512Row80Scales[0], 40, 1) {
			return false
		}
		s := sg[j*48:][:48]
		if f.Group == 80 {
			for l := range 16 {
				s[l] = mul * sumFloats(xj)
			}
			continue
		}
		// Qword i of a block of eight rows: row i/5, group i%5.
		for i := range 40 {
			s[i] = mul * sumFloats(xj[16*(i%5):][:16])
		}
		clear(s[40:])
	}
	n := len(out) / pass
	nb := n - n%8
	a := avx512RowArgs{recs: unsafe.Pointer(&recs[0]), sg: unsafe.Pointer(&sg[0]), outStride: 4 * n}
	if nb > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), nb
		avx512CallDotRow80(f.Group, pass, &a)
	}
	if nb < n {
		var (
			data          [8 * 40]byte
			scales, mins8 [8 * 5]uint16
			tail          [4 * 8]float32
		)
		g, rb := f.Groups(80), f.RowBytes(80)
		copy(data[:], r.Data[nb*rb:])
		copy(scales[:], r.Scales[g*nb:])
		copy(mins8[:], mins[g*nb:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins8[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 8, 4*8
		avx512CallDotRow80(f.Group, pass, &a)
		for j := range pass {
			copy(out[j*n+nb:(j+1)*n], tail[8*j:])
		}
	}
	return true
}

// avx512Row80Codes reports whether the Dot row kernels of rows of 80 take
// codes of format f: 4-bit codes in groups of 16 or 80.
func avx512Row80Codes(f Format) bool {
	return f.Bits == 4 && (f.Group == 16 || f.Group == 80)
}

// The tables of the rows-of-80 kernels. avx512Row80Cols (one group of 80)
// and avx512Row80ColsG16 (groups of 16): table 8v+k (vector v of a block
// of eight rows, nibble k of a dword) holds in lane l the column of that
// nibble of dword 16v+l of the block (row (16v+l)/10, the row's dword
// (16v+l)%10), by pack.PlaneColumn; avx512Row80Scales[8v+k] = 16^-k.
// avx512Row80Pairs: the even, then the odd, lanes of two vectors (the
// dword pairs of the qwords). avx512Row80Gather: for k = 0-4, lane r takes
// qword 5r+k of the first 32 (VPERMI2PS of two vectors of qwords), then
// for k = 0-4 the lanes whose qword is 32 or more take 5r+k-32 from the
// third (a masked VPERMPS).
var (
	avx512Row80Cols, avx512Row80ColsG16 [40][16]int32
	avx512Row80Scales                   [40]float32
	avx512Row80Pairs                    [2][16]int32
	avx512Row80Gather                   [10][16]int32
)

func init() {
	for v := range 5 {
		for k := range 8 {
			avx512Row80Scales[8*v+k] = float32(math.Ldexp(1, -4*k))
			for l := range 16 {
				w := (16*v + l) % 10 // the row's dword
				avx512Row80Cols[8*v+k][l] = int32(pack.PlaneColumn(4, 80, 8*w+k))
				avx512Row80ColsG16[8*v+k][l] = int32(16*(w/2) + pack.PlaneColumn(4, 16, 8*(w%2)+k))
			}
		}
	}
	for l := range 16 {
		avx512Row80Pairs[0][l], avx512Row80Pairs[1][l] = int32(2*l), int32(2*l+1)
	}
	for k := range 5 {
		for r := range 8 {
			if q := 5*r + k; q < 32 {
				avx512Row80Gather[k][r] = int32(q)
			} else {
				avx512Row80Gather[5+k][r] = int32(q - 32)
			}
		}
	}
}
