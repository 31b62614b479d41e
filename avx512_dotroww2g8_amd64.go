//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512DotRowW2G8 runs the 2-bit Dot row kernel of rows of 80 or 96
// values in groups of 8 (avx512DotRow80W2G8X1, avx512DotRow96W2G8X1:
// sixteen rows, five or six vectors, at a time; each code dword, two
// groups of some row, with its own x tables, see
// avx512_dotroww2g8_amd64.s) for one query row x; a last partial block is
// copied to a padded one. It returns false, having written nothing, for
// more than one query row (the gathers serve those) and, like
// avx512DotRow, when a query value scaled by 4^-k is a nonzero float32
// subnormal (query values below 2^-96).
func avx512DotRowW2G8(out []float32, r Rows, x []float32, pass int) bool {
	if pass != 1 {
		return false
	}
	var (
		recsBuf [6*16*16 + 16]float32
		sgBuf   [2*6*16 + 16]float32
	)
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	f, cols := r.Format, r.Cols
	nv := cols / 16 // vectors per block of sixteen rows; dwords per row
	tabs := &avx512RowW2G8Cols80[0][0]
	if cols == 96 {
		tabs = &avx512RowW2G8Cols96[0][0]
	}
	if avx512DotRowXTables(&recs[0], &x[0], tabs, &avx512RowW2G8Scales[0], 16*nv, 1) {
		return false
	}
	mins, mul := shiftSource(r)
	// Vector v of a block: lane l is dword 16v+l, the row's dword w =
	// (16v+l)%nv, groups 2w (its fields 0-7) and 2w+1 (8-15); the sums of
	// x in those groups, the even group's then the odd group's vector.
	var gs [12]float32
	for g := range 2 * nv {
		gs[g] = mul * sumFloats(x[8*g:][:8])
	}
	for v := range nv {
		for l := range 16 {
			w := (16*v + l) % nv
			sg[32*v+l], sg[32*v+16+l] = gs[2*w], gs[2*w+1]
		}
	}
	n := len(out)
	nb := n &^ 15
	a := avx512RowArgs{recs: unsafe.Pointer(&recs[0]), sg: unsafe.Pointer(&sg[0]), scratch: unsafe.Pointer(&avx512RowW2G8Tables[0]), outStride: 4 * n}
	if nb > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), nb
		avx512CallDotRowW2G8(cols, &a)
	}
	if nb < n {
		var (
			data           [16 * 24]byte   // a block: sixteen rows of 96 2-bit codes at most
			scales, mins16 [16 * 12]uint16 // (in twelve groups of 8)
			tail           [16]float32
		)
		g, rb := f.Groups(cols), f.RowBytes(cols)
		copy(data[:], r.Data[nb*rb:])
		copy(scales[:], r.Scales[g*nb:])
		copy(mins16[:], mins[g*nb:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins16[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 16, 64
		avx512CallDotRowW2G8(cols, &a)
		copy(out[nb:], tail[:])
	}
	return true
}

// The tables of the 2-bit kernels of rows of 80 and 96 in groups of 8.
// avx512RowW2G8Cols80 (Cols96): table 16v+k (vector v of a block of
// sixteen rows, field k of a code dword) holds in lane l the query column
// of that field of dword 16v+l of the block (the row's dword w =
// (16v+l)%5, or %6; fields 0-7 are group 2w's, by pack.PlaneColumn, 8-15
// group 2w+1's); avx512RowW2G8Scales[16v+k] = 4^-k.
//
// avx512RowW2G8Tables, 64-byte aligned (R12 of the kernels), holds the
// VPERMI2PS / VPERMT2PS indexes of the even and the odd entries of two
// vectors (bytes 0 and 64: a dword's two groups' scales or mins out of 32
// consecutive fp16 values, and the pairs of dwords of rows of 96); then
// at 128 the gather of rows of 80 (as avx512Row80Gather2, 15 vectors: for
// k = 0-4, lane r takes dword 5r+k of the first two vectors, then of the
// next two minus 32, then of the last minus 64); then at 1088 that of
// rows of 96, whose 48 dword pairs are three vectors (for k = 0-2, lane r
// takes pair 3r+k of the first two, then the lanes whose pair is 32 or
// more take 3r+k-32 of the third).
var (
	avx512RowW2G8Cols80 [80][16]int32
	avx512RowW2G8Cols96 [96][16]int32
	avx512RowW2G8Scales [96]float32
	avx512RowW2G8Tables []int32
)

func init() {
	for v := range 6 {
		for k := range 16 {
			avx512RowW2G8Scales[16*v+k] = float32(math.Ldexp(1, -2*k))
			for l := range 16 {
				col := func(w int) int32 { return int32(8*(2*w+k/8) + pack.PlaneColumn(2, 8, k%8)) }
				if v < 5 {
					avx512RowW2G8Cols80[16*v+k][l] = col((16*v + l) % 5)
				}
				avx512RowW2G8Cols96[16*v+k][l] = col((16*v + l) % 6)
			}
		}
	}
	const n = 16 * (2 + 15 + 6)
	buf := make([]int32, n+16)
	t := buf[(-uintptr(unsafe.Pointer(&buf[0]))&63)/4:][:n]
	for l := range 16 {
		t[l], t[16+l] = int32(2*l), int32(2*l+1)
	}
	for k := range 5 {
		for r := range 16 {
			d := 5*r + k
			t[32+16*(5*(d/32)+k)+r] = int32(d % 32)
		}
	}
	for k := range 3 {
		for r := range 16 {
			if p := 3*r + k; p < 32 {
				t[272+16*k+r] = int32(p)
			} else {
				t[272+48+16*k+r] = int32(p - 32)
			}
		}
	}
	avx512RowW2G8Tables = t
}
