//go:build gc && !purego

package lowbit

import "unsafe"

// avx512DotRow256 runs the 4-bit Dot row kernel on rows of 256 values in
// groups of 8, 16, 32, 64, 128 or 256 (four rows at a time, each half of a row
// as a row of 128 values) for pass query rows x; a last 1-3 rows are
// copied to a padded block of four. Like avx512DotRow it returns false,
// having written nothing, when a query value scaled by 16^-k is a nonzero
// float32 subnormal (query values below 2^-98), and the general kernels
// serve them.
func avx512DotRow256(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf [2*avx512Row256Half + 16]float32
		sgBuf   [2*4*16 + 16]float32
	)
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	f := r.Format
	for h := range 2 {
		tables := recs[h*avx512Row256Half:]
		cols := &avx512RowCols4[0][0]
		switch f.Group {
		case 16:
			cols = &avx512RowCols4G16[0][0]
		case 8:
			cols = &avx512RowCols4G8[0][0]
		}
		for j := range pass {
			if avx512DotRowXTables(&tables[j*8*16], &x[j*256+h*128], cols, &avx512RowScales4[0], 8, 1) {
				return false
			}
		}
		if pass == 4 {
			// The four-query kernel reads the nibble masks after the tables.
			copy(tables[4*8*16:], avx512RowMasks4[:])
		}
	}
	avx512Row256Sums(sg, f, x, pass)
	mins, _ := shiftSource(r)
	avx512DotRowRun(out, r, mins, recs, sg, pass)
	return true
}

// avx512Row256Codes reports whether the AddWeighted row kernels and Dot's
// row kernels (2-bit codes: its pair kernels) of rows of 256 values take
// codes of format f: 2- and 4-bit codes in groups of 32, 64, 128 or 256
// (groups of 16: avx512Row256G16).
func avx512Row256Codes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4) && (f.Group == 32 || f.Group == 64 || f.Group == 128 || f.Group == 256)
}

// avx512Row256G16 reports whether rows of 256 values in groups of 16 of
// format f have Dot and AddWeighted row kernels: 2- and 4-bit codes.
func avx512Row256G16(f Format) bool {
	return f.Group == 16 && (f.Bits == 2 || f.Bits == 4)
}

// avx512Row256Half is the floats of one half's tables of the rows-of-256
// kernels: four query rows' eight x tables, then the nibble masks.
const avx512Row256Half = 4*8*16 + 8*16

// avx512Row256Sums writes the shift-term sums of the rows-of-256 Dot
// kernels: for half h and query row j, lane 4L+r of sg[64h+16j:] holds the
// query's sum over the half's L-th group (times -2^(Bits-1) when
// symmetric) for L below the half's groups, else 0.
func avx512Row256Sums(sg []float32, f Format, x []float32, pass int) {
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	perHalf := max(128/f.Group, 1)
	for h := range 2 {
		for j := range pass {
			xh := x[j*256+h*128:][:128]
			if f.Group == 8 {
				// Lane l: the half's group l.
				for l := range 16 {
					sg[64*h+16*j+l] = mul * sumFloats(xh[8*l:][:8])
				}
				continue
			}
			if f.Group == 16 {
				// Lane 4L+q (row q/2 of a pair): the half's group 2L+q%2.
				for l := range 16 {
					sg[64*h+16*j+l] = mul * sumFloats(xh[16*(2*(l/4)+l%2):][:16])
				}
				continue
			}
			for l := range 16 {
				sg[64*h+16*j+l] = 0
			}
			if f.Group == 256 {
				if h == 0 {
					s := mul * (sumFloats(xh) + sumFloats(x[j*256+128:][:128]))
					for r := range 4 {
						sg[16*j+r] = s
					}
				}
				continue
			}
			for L := range perHalf {
				s := mul * sumFloats(xh[L*f.Group:][:f.Group])
				for r := range 4 {
					sg[64*h+16*j+4*L+r] = s
				}
			}
		}
	}
}

// avx512Row256Idx are the VPERMPS (VPERMI2PS) indexes of the rows-of-256
// Dot kernels, per group (index 0-3 for 1, 2, 4 and 8 groups a row, 256
// bytes each), half (128 bytes) and scales or mins (64 bytes): lane 4L+r
// of a half's scales takes row r's scale of the group of the half's
// columns 32L to 32L+31; of its mins, row r's min of the half's L-th
// group, in the lanes that have one (0 in the others, which the kernels
// mask). The quad's G fp16 scales of row r are entries G*r to G*r+G-1.
var avx512Row256Idx [4][2][2][16]int32

// avx512Row256G16Idx are the VPERMI2PS indexes of the rows-of-256 kernels
// in groups of 16, per half h: lane 4L+q takes row q/2's (of a pair, 16
// scales each) group 8h+2L+q%2.
var avx512Row256G16Idx [2][16]int32

func init() {
	for h := range 2 {
		for l := range 16 {
			L, q := l/4, l%4
			avx512Row256G16Idx[h][l] = int32(16*(q/2) + 8*h + 2*L + q%2)
		}
	}
	for gi, groups := range []int{1, 2, 4, 8} {
		perHalf := max(groups/2, 1)
		for h := range 2 {
			for l := range 16 {
				L, r := l/4, l%4
				avx512Row256Idx[gi][h][0][l] = int32(groups*r + (128*h+32*L)*groups/256)
				if L < perHalf && (groups > 1 || h == 0) {
					avx512Row256Idx[gi][h][1][l] = int32(groups*r + groups/2*h + L)
				}
			}
		}
	}
}

// avx512DotRow256W2 is Dot on 2-bit rows of 256 values in groups of 16
// (groups of 8: one query row) for pass query rows x by the 2-bit row
// kernels of rows of 128 (the pair kernels take the groups of 32 to 256):
// a 2-bit row of 256 is 64 code bytes, one vector, which those kernels
// take as two rows of 128 (lanes 0-7 and 8-15). So the rows' halves run as
// twice as many rows of 128, with x tables whose lanes 8-15 hold the
// query's second half (avx512Row256Cols2G16, avx512Row256Cols2G8) and
// shift sums per half, and the kernels add each row's two half sums as
// they store them. An odd last row is copied beside a zero row. Like
// avx512DotRow it returns false, having written nothing, when a query
// value scaled by 4^-k is a nonzero float32 subnormal.
func avx512DotRow256W2(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf    [4*16*16 + 16]float32
		sgBuf      [4*32 + 16]float32
		scratchBuf [4*4*16 + 16]float32
	)
	recs, sg, scratch := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:]), avx512AlignFloats(scratchBuf[:])
	f := r.Format
	for j := range pass {
		cols := &avx512Row256Cols2G16[0][0]
		if f.Group == 8 {
			cols = &avx512Row256Cols2G8[0][0]
		}
		if avx512DotRowXTables(&recs[j*16*16], &x[j*256], cols, &avx512RowScales2[0], 16, 1) {
			return false
		}
	}
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	for j := range pass {
		xj, s := x[j*256:][:256], sg[16*j:][:16]
		if f.Group == 8 {
			// 32 floats a query row: lane l of the first 16 (the
			// second), half l/8's group 2(l%8) (2(l%8)+1).
			s = sg[32*j:][:32]
			for l := range 16 {
				s[l] = mul * sumFloats(xj[128*(l/8)+16*(l%8):][:8])
				s[16+l] = mul * sumFloats(xj[128*(l/8)+16*(l%8)+8:][:8])
			}
			continue
		}
		// Groups of 16: lane l, half l/8, its group l%8.
		for l := range s {
			s[l] = mul * sumFloats(xj[128*(l/8)+16*(l%8):][:16])
		}
	}
	n := r.Len()
	n2 := n &^ 1
	a := avx512RowArgs{
		recs:      unsafe.Pointer(&recs[0]),
		sg:        unsafe.Pointer(&sg[0]),
		scratch:   unsafe.Pointer(&scratch[0]),
		outStride: 4 * n,
	}
	mins, _ := shiftSource(r)
	if n2 > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), 2*n2
		avx512CallDotRow256W2Of(f, pass, &a)
	}
	if n2 < n {
		var (
			data          [2 * 64]byte
			scales, mins2 [2 * 32]uint16 // two rows in groups of 8 at most
			tail          [4 * 4]float32
		)
		g, rb := f.Groups(256), f.RowBytes(256)
		copy(data[:], r.Data[n2*rb:])
		copy(scales[:], r.Scales[g*n2:])
		copy(mins2[:], mins[g*n2:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins2[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 4, 16
		avx512CallDotRow256W2Of(f, pass, &a)
		for j := range pass {
			out[j*n+n2] = tail[4*j]
		}
	}
	return true
}

// avx512Row256Cols2G16 and avx512Row256Cols2G8 are the columns of the x
// tables of 2-bit rows of 256 in groups of 16 and 8 (one row per vector,
// its halves in lanes 0-7 and 8-15): those of rows of 128
// (avx512RowCols2G16, avx512RowCols2G8), plus 128 in lanes 8-15.
var avx512Row256Cols2G16, avx512Row256Cols2G8 [16][16]int32

func init() {
	for k := range 16 {
		for l := range 16 {
			avx512Row256Cols2G16[k][l] = int32(16*(l%8)+k/4+4*(k%4)) + 128*int32(l/8)
			avx512Row256Cols2G8[k][l] = avx512RowCols2G8[k][l] + 128*int32(l/8)
		}
	}
}

// avx512CallDotRow256W2Of runs the 2-bit Dot row kernel of rows of 256 in
// format f: groups of 8 (one query row) or 16.
func avx512CallDotRow256W2Of(f Format, pass int, a *avx512RowArgs) {
	if f.Group == 8 {
		avx512W2G8One(pass)
		avx512DotRow256W2G8X1(a)
		return
	}
	avx512NoRowKernel(f, 256)
	avx512CallDotRow256W2G16(pass, a)
}
