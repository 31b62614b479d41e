//go:build gc && !purego

package lowbit

import "unsafe"

// avx512DotRow64 runs the 4-bit or 2-bit Dot row kernel on rows of 64
// values in one group of 64 or two of 32 (four rows at a time, two per
// vector for 4-bit codes, four for 2-bit; the query's sums over the rows'
// two blocks of 32 serve either group) for pass query rows x; a last 1-3
// rows are copied to a padded block of four. Like avx512DotRow it returns
// false, having written nothing, when a query value scaled by 16^-k (4^-k)
// is a nonzero float32 subnormal (query values below 2^-98, or 2^-96),
// and the general kernels serve them.
func avx512DotRow64(out []float32, r Rows, x []float32, pass int) bool {
	var (
		xBuf       [4 * 128]float32
		recsBuf    [4*16*16 + 16]float32
		sgBuf      [4*16 + 16]float32
		scratchBuf [4*4*16 + 16]float32
	)
	// The x tables' gather reads query rows 128 values apart.
	for j := range pass {
		copy(xBuf[128*j:128*j+64], x[64*j:64*(j+1)])
	}
	recs, sg, scratch := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	f := r.Format
	cols, scales, fields := &avx512Row64Cols4[0][0], &avx512RowScales4[0], 8
	if f.Bits == 2 {
		cols, scales, fields = &avx512Row64Cols2[0][0], &avx512RowScales2[0], 16
	}
	if f.Group == 16 {
		cols = &avx512Row64Cols4G16[0][0]
		if f.Bits == 2 {
			cols = &avx512Row64Cols2G16[0][0]
		}
	}
	if avx512DotRowXTables(&recs[0], &xBuf[0], cols, scales, fields, pass) {
		return false
	}
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	for j := range pass {
		if f.Group == 16 {
			// 4-bit: lane l (row l/8 of a pair) takes group (l%8)/2's
			// sum; 2-bit: lane 4r+d, group d's.
			for l := range 16 {
				g := l % 8 / 2
				if f.Bits == 2 {
					g = l % 4
				}
				sg[j*16+l] = mul * sumFloats(x[64*j+16*g:][:16])
			}
			continue
		}
		var s0, s1 float32
		for c := range 32 {
			s0 += x[64*j+c]
			s1 += x[64*j+32+c]
		}
		if f.Bits == 2 {
			// Lane 4r+d: block d/2's sum in d = 0 and 2, 0 in the
			// others (sgBuf starts zeroed), so that each block's shift
			// term is added once.
			for r := range 4 {
				sg[j*16+4*r], sg[j*16+4*r+2] = mul*s0, mul*s1
			}
			continue
		}
		for l := range 4 {
			sg[j*16+8+l], sg[j*16+12+l] = mul*s0, mul*s1
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
		avx512CallDotRow64(f.Bits, f.Group, pass, &a)
	}
	if n4 < n {
		var (
			data          [4 * 32]byte
			scales, mins4 [16]uint16
			tail          [4 * 4]float32
		)
		g, rb := f.Groups(64), f.RowBytes(64)
		copy(data[:], r.Data[n4*rb:])
		copy(scales[:], r.Scales[g*n4:])
		copy(mins4[:], mins[g*n4:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 4, 16
		avx512CallDotRow64(f.Bits, f.Group, pass, &a)
		for j := 0; j < pass; j++ {
			copy(out[j*n+n4:(j+1)*n], tail[4*j:])
		}
	}
	return true
}

// avx512Row64Cols4 are the columns of the 4-bit Dot row kernels' x tables
// on rows of 64 values: nibble k of dword lane l holds column
// avx512RowCols4[k][l%8] (two rows per vector, one in lanes 0-7, one in
// 8-15).
//
// avx512Row64Cols2 are those of the 2-bit kernels (four rows per vector,
// row r in lanes 4r to 4r+3): field k of lane l holds column
// avx512RowCols2[k][l%4].
//
// avx512Row64Cols4G16 and avx512Row64Cols2G16 are those of groups of 16
// (avx512RowCols4G16, avx512RowCols2G16).
var (
	avx512Row64Cols4, avx512Row64Cols4G16 [8][16]int32
	avx512Row64Cols2, avx512Row64Cols2G16 [16][16]int32
)

func init() {
	for k := range 8 {
		for l := range 16 {
			avx512Row64Cols4[k][l] = avx512RowCols4[k][l%8]
			avx512Row64Cols4G16[k][l] = avx512RowCols4G16[k][l%8]
		}
	}
	for k := range 16 {
		for l := range 16 {
			avx512Row64Cols2[k][l] = avx512RowCols2[k][l%4]
			avx512Row64Cols2G16[k][l] = avx512RowCols2G16[k][l%4]
		}
	}
}

// avx512Row64Codes reports whether the Dot and AddWeighted row kernels of
// rows of 64 values take codes of format f: 2- and 4-bit codes in groups
// of 16, 32 or 64.
func avx512Row64Codes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4) && (f.Group == 16 || f.Group == 32 || f.Group == 64)
}
