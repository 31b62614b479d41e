//go:build gc && !purego

package lowbit

// avx512DotRow64 runs the Dot row kernel on rows of 64 values: 4-bit
// codes in one group of 64, two of 32, or groups of 16 or 8; 2-bit codes
// in groups of 16 or 8 (the pair kernels take the groups of 32 and 64).
// Four rows at a time, two per vector for 4-bit codes, four for 2-bit
// (for one group of 64 the query's sums over the rows' two blocks of 32
// serve as the two groups'); eight rows at a time for four query rows on
// 4-bit codes in groups of 16 to 64 (avx512Row64Octets); for pass query
// rows x, a last partial block copied to a padded one. Like avx512DotRow
// it returns false, having written nothing, when a query value scaled by
// 16^-k (4^-k) is a nonzero float32 subnormal (query values below 2^-98,
// or 2^-96), and the gather or general kernels serve them.
func avx512DotRow64(out []float32, r Rows, x []float32, pass int) bool {
	var (
		xBuf    [4 * 128]float32
		recsBuf [4*16*16 + 16]float32
		sgBuf   [4*32 + 16]float32
	)
	// The x tables' gather reads query rows 128 values apart.
	for j := range pass {
		copy(xBuf[128*j:128*j+64], x[64*j:64*(j+1)])
	}
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	f := r.Format
	cols, scales, fields := &avx512Row64Cols4[0][0], &avx512RowScales4[0], 8
	if f.Bits == 2 {
		// Groups of 16 or 8, which set cols below.
		scales, fields = &avx512RowScales2[0], 16
	}
	if f.Group == 16 {
		cols = &avx512Row64Cols4G16[0][0]
		if f.Bits == 2 {
			cols = &avx512Row64Cols2G16[0][0]
		}
	}
	if f.Group == 8 {
		cols = &avx512Row64Cols4G8[0][0]
		if f.Bits == 2 {
			cols = &avx512Row64Cols2G8[0][0]
		}
	}
	if avx512DotRowXTables(&recs[0], &xBuf[0], cols, scales, fields, pass) {
		return false
	}
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	if avx512Row64Octets(f, pass) {
		// The eight-row kernels read the nibble masks after the x tables,
		// as the four-query kernels of rows of 128 do, and take the shift
		// terms in lane 4L+r (row 2r+L/2, block L%2): group L%2's sum for
		// groups of 32; the row's sum in lanes 0-3 and 8-11 for one group
		// (the others stay 0); for groups of 16 lane 4L+i takes group
		// 2(L%2)+i%2's.
		copy(recs[4*8*16:], avx512RowMasks4[:])
		for j := range pass {
			s0, s1 := sumFloats(x[64*j:][:32]), sumFloats(x[64*j+32:][:32])
			for l := range 16 {
				switch {
				case f.Group == 16:
					sg[j*16+l] = mul * sumFloats(x[64*j+16*(2*(l/4%2)+l%2):][:16])
				case f.Group == 32 && l/4%2 == 0:
					sg[j*16+l] = mul * s0
				case f.Group == 32:
					sg[j*16+l] = mul * s1
				case l/4%2 == 0:
					sg[j*16+l] = mul * (s0 + s1)
				}
			}
		}
		mins, _ := shiftSource(r)
		avx512DotRowRun(out, r, mins, recs, sg, pass)
		return true
	}
	for j := range pass {
		if f.Group == 8 && f.Bits == 2 {
			// 32 floats a query row: lane l of the first 16 (the
			// second), row l/4's group 2(l%4) (2(l%4)+1).
			s := sg[32*j:][:32]
			for l := range 16 {
				s[l] = mul * sumFloats(x[64*j+16*(l%4):][:8])
				s[16+l] = mul * sumFloats(x[64*j+16*(l%4)+8:][:8])
			}
			continue
		}
		if f.Group == 8 {
			// Lane l (row l/8 of a pair): group l%8's sum.
			for l := range 16 {
				sg[j*16+l] = mul * sumFloats(x[64*j+8*(l%8):][:8])
			}
			continue
		}
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
		for l := range 4 {
			sg[j*16+8+l], sg[j*16+12+l] = mul*s0, mul*s1
		}
	}
	mins, _ := shiftSource(r)
	avx512DotRowRun(out, r, mins, recs, sg, pass)
	return true
}

// avx512Row64Cols4 are the columns of the 4-bit Dot row kernels' x tables
// on rows of 64 values: nibble k of dword lane l holds column
// avx512RowCols4[k][l%8] (two rows per vector, one in lanes 0-7, one in
// 8-15).
//
// avx512Row64Cols4G16 and avx512Row64Cols4G8 are those of groups of 16
// and 8 (avx512RowCols4G16, avx512RowCols4G8).
//
// avx512Row64Cols2G16 and avx512Row64Cols2G8 are those of the 2-bit
// kernels in groups of 16 and 8 (four rows per vector, row r in lanes 4r
// to 4r+3): field k of lane l holds column avx512RowCols2G16[k][l%4]
// (avx512RowCols2G8[k][l%4]).
var (
	avx512Row64Cols4, avx512Row64Cols4G16, avx512Row64Cols4G8 [8][16]int32
	avx512Row64Cols2G16, avx512Row64Cols2G8                   [16][16]int32
)

func init() {
	for k := range 8 {
		for l := range 16 {
			avx512Row64Cols4[k][l] = avx512RowCols4[k][l%8]
			avx512Row64Cols4G16[k][l] = avx512RowCols4G16[k][l%8]
			avx512Row64Cols4G8[k][l] = avx512RowCols4G8[k][l%8]
		}
	}
	for k := range 16 {
		for l := range 16 {
			avx512Row64Cols2G16[k][l] = avx512RowCols2G16[k][l%4]
			avx512Row64Cols2G8[k][l] = avx512RowCols2G8[k][l%4]
		}
	}
}

// avx512Row64Octets reports whether the Dot row kernel of rows of 64
// values in format f for pass query rows runs eight rows per iteration
// (avx512_dot_row64x8_amd64.h): four query rows on 4-bit codes in groups
// of 16, 32 or 64.
func avx512Row64Octets(f Format, pass int) bool {
	return pass == 4 && f.Bits == 4 && (f.Group == 16 || f.Group == 32 || f.Group == 64)
}

// avx512Row64Codes reports whether the AddWeighted row kernels and Dot's
// row kernels (2-bit codes in groups of 32 and 64: its pair kernels) of
// rows of 64 values take codes of format f: 2- and 4-bit codes in groups
// of 16, 32 or 64.
func avx512Row64Codes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4) && (f.Group == 16 || f.Group == 32 || f.Group == 64)
}
