//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512DotRow96 runs the 4-bit Dot row kernel on rows of 96 values in
// groups of 8, 16, 32 or 96 (four rows, three vectors, at a time, or eight
// for four query rows in groups of 16; each vector's 128-bit lanes are
// blocks of different rows, with their own x tables) for pass query rows
// x; a last partial block is copied to a padded one.
// Like avx512DotRow it returns false, having written nothing, when a query
// value scaled by 16^-k is a nonzero float32 subnormal (query values below
// 2^-98), and the general kernels serve them.
func avx512DotRow96(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf [4*24*16 + 16]float32
		sgBuf   [4*48 + 16]float32
	)
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	f := r.Format
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	cols := &avx512Row96Cols[0][0]
	switch f.Group {
	case 16:
		cols = &avx512Row96Cols4G16[0][0]
	case 8:
		cols = &avx512Row96Cols4G8[0][0]
	}
	for j := range pass {
		xj := x[j*96:][:96]
		if avx512DotRowXTables(&recs[j*24*16], &xj[0], cols, &avx512Row96Scales[0], 24, 1) {
			return false
		}
		if f.Group == 8 {
			// Vector v's lane l: group (16v+l)%12's sum; 48 floats per
			// query row.
			for i := range 48 {
				sg[j*48+i] = mul * sumFloats(xj[8*(i%12):][:8])
			}
			continue
		}
		if f.Group == 16 {
			// Lane 4L+q of the pairs: vector 2p+q/2's block c (its 128-bit
			// lane L: block 4v+L, the row's block c%3), group half q%2;
			// 32 floats per query row (vectors 0-1, then 2 and none).
			gs := avx512GroupSums16(xj, mul)
			for p := range 2 {
				for l := range 16 {
					L, q := l/4, l%4
					v := 2*p + q/2
					sg[j*32+16*p+l] = 0
					if v < 3 {
						sg[j*32+16*p+l] = gs[2*((4*v+L)%3)+q%2]
					}
				}
			}
			continue
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
	mins, _ := shiftSource(r)
	avx512DotRowRun(out, r, mins, recs, sg, pass)
	return true
}

// avx512CallDotRow96Of runs the 4-bit Dot kernel of rows of 96 of f's
// group.
func avx512CallDotRow96Of(f Format, pass int, a *avx512RowArgs) {
	if f.Group == 8 {
		avx512CallDotRowG8(96, pass, a)
		return
	}
	if f.Group == 16 {
		avx512CallDotRow96G16(pass, a)
		return
	}
	avx512CallDotRow96(4, f.Group, pass, a)
}

// avx512Row96Codes reports whether the Dot row kernels of rows of 96 take
// codes of format f: 2- and 4-bit codes in groups of 16, 32 or 96.
func avx512Row96Codes(f Format) bool {
	return (f.Bits == 4 || f.Bits == 2) && (f.Group == 16 || f.Group == 32 || f.Group == 96)
}

// The x tables of the rows-of-96 kernels: table 8v+k (vector v of a quad,
// nibble k) holds in dword lane l the query's column
// avx512Row96Cols[8v+k][l], block (4v+l/4)%3's column of nibble k in rows
// of 128 (avx512RowCols4), scaled by avx512Row96Scales[8v+k] = 16^-k;
// avx512Row96Cols4G16 and avx512Row96Cols4G8 those of groups of 16 and 8
// (avx512RowCols4G16, avx512RowCols4G8).
//
// avx512Row96Idx are the kernels' permutations: the scales of groups of
// 32 into K's lanes (lane 4L+v: entry 4v+L, the quad's block 4v+L; 0 in
// the zero accumulator's lanes), of groups of 96 (entry (4v+L)/3, the
// block's row), and F into REDUCE4's layout (lane 4i+r: K's lane of row
// r's block i, c = 3r+i at lane 4(c%4)+c/4; lanes 12-15 are masked).
var (
	avx512Row96Cols, avx512Row96Cols4G16, avx512Row96Cols4G8 [24][16]int32
	avx512Row96Scales                                        [24]float32
	avx512Row96Idx                                           [3][16]int32

	// avx512R96G16Idx: the scales of rows of 96 in groups of 16 (24 a
	// quad, row-major) into the lanes of the combined pairs of vectors
	// (lane 4L+q: vector v = 2p+q/2, block c = 4v+L, group 2(c%3)+q%2 of
	// row c/3), p = 0 then 1 (lanes of v = 3 take entry 0).
	avx512R96G16Idx [2][16]int32
)

func init() {
	for v := range 3 {
		for k := range 8 {
			avx512Row96Scales[8*v+k] = float32(math.Ldexp(1, -4*k))
			for l := range 16 {
				b := (4*v + l/4) % 3
				avx512Row96Cols[8*v+k][l] = int32(32*b) + avx512RowCols4[k][l] - int32(32*(l/4))
				avx512Row96Cols4G16[8*v+k][l] = int32(32*b) + avx512RowCols4G16[k][l] - int32(32*(l/4))
				avx512Row96Cols4G8[8*v+k][l] = int32(32*b) + avx512RowCols4G8[k][l] - int32(32*(l/4))
			}
		}
	}
	for p := range 2 {
		for l := range 16 {
			L, q := l/4, l%4
			if v := 2*p + q/2; v < 3 {
				c := 4*v + L
				avx512R96G16Idx[p][l] = int32(6*(c/3) + 2*(c%3) + q%2)
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

// avx512DotRow96W2 runs the 2-bit Dot row kernel on rows of 96 values in
// groups of 16, 32 or 96 (eight rows, three vectors, at a time; each dword
// pair is a block of 32 of some row, with its own x tables; four query
// rows in groups of 16: avx512DotRow96W2G16Lanes) for pass query rows x; a
// last 1-7 rows are copied to a padded block of eight. Like
// avx512DotRow it returns false, having written nothing, when a query
// value scaled by 4^-k is a nonzero float32 subnormal.
func avx512DotRow96W2(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf [4*48*16 + 16]float32
		sgBuf   [4*48 + 16]float32
	)
	f := r.Format
	if f.Group == 16 && pass == 4 {
		return avx512DotRow96W2G16Lanes(out, r, x)
	}
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	mul := float32(1)
	if f.Symmetric {
		mul = -float32(int(1) << (f.Bits - 1))
	}
	cols := &avx512Row96Cols2
	if f.Group == 16 {
		cols = &avx512Row96Cols2G16
	}
	for j := range pass {
		xj := x[j*96:][:96]
		if avx512DotRowXTables(&recs[j*48*16], &xj[0], &cols[0][0], &avx512Row96Scales2[0], 48, 1) {
			return false
		}
		if f.Group == 16 {
			// Lane l of vector v: dword 16v+l, group (16v+l)%6 of its row.
			gs := avx512GroupSums16(xj, mul)
			for l := range 48 {
				sg[j*48+l] = gs[l%6]
			}
			continue
		}
		var bs [3]float32
		for b := range bs {
			bs[b] = mul * sumFloats(xj[32*b:][:32])
		}
		// K01's lanes (block 8(q/2)+2L+q%2), then K2's (block 16+2L+q%2
		// for q < 2, else none).
		for l := range 16 {
			L, q := l/4, l%4
			sg[j*32+l] = bs[(8*(q/2)+2*L+q%2)%3]
			sg[j*32+16+l] = 0
			if q < 2 {
				sg[j*32+16+l] = bs[(16+2*L+q%2)%3]
			}
		}
	}
	mins, _ := shiftSource(r)
	avx512DotRowRun(out, r, mins, recs, sg, pass)
	return true
}

// The tables of the 2-bit rows-of-96 kernels. avx512Row96Cols2[16v+k][l]:
// the query column of field k of dword l of vector v (block c = 8v + l/2,
// the row's block c%3), avx512Row96Cols2G16 the same in groups of 16 (a
// dword is a group: byte j holds values j, j+4, j+8 and j+12);
// avx512Row96Scales2: 4^-k.
//
// avx512W2R96Idx: the scales' permutations into K01's lanes (lane 4L+q:
// block 8(q/2)+2L+q%2) and K2's (block 16+2L+q%2 for q < 2), entries c
// for groups of 32 (the eight rows' 24 scales row-major are the blocks')
// and c/3 for groups of 96; then, for i = 0, 1, 2, lane r's position of
// block 3r+i in K01 (0-15) or K2 (16-31).
var (
	avx512Row96Cols2, avx512Row96Cols2G16 [48][16]int32
	avx512Row96Scales2                    [48]float32
	avx512W2R96Idx                        [7][16]int32
)

func init() {
	for v := range 3 {
		for k := range 16 {
			avx512Row96Scales2[16*v+k] = float32(math.Ldexp(1, -2*k))
			for l := range 16 {
				c := 8*v + l/2
				avx512Row96Cols2[16*v+k][l] = int32(32*(c%3) + 4*(l%2) + k/4 + 8*(k%4))
				avx512Row96Cols2G16[16*v+k][l] = int32(16*(2*(c%3)+l%2) + k/4 + 4*(k%4))
			}
		}
	}
	pos := func(c int) int32 {
		if c < 16 {
			return int32(4*(c%8/2) + 2*(c/8) + c%2)
		}
		return int32(16 + 4*((c-16)/2) + c%2)
	}
	for l := range 16 {
		L, q := l/4, l%4
		c := 8*(q/2) + 2*L + q%2
		avx512W2R96Idx[0][l] = int32(c)
		avx512W2R96Idx[2][l] = int32(c / 3)
		if q < 2 {
			c2 := 16 + 2*L + q%2
			avx512W2R96Idx[1][l] = int32(c2)
			avx512W2R96Idx[3][l] = int32(c2 / 3)
		}
		if l < 8 {
			for i := range 3 {
				avx512W2R96Idx[4+i][l] = pos(3*l + i)
			}
		}
	}
}

// avx512GroupSums16 returns the sums of a query row of 96 values in its
// six groups of 16, times mul (the shift factor of the format).
func avx512GroupSums16(x []float32, mul float32) (gs [6]float32) {
	for g := range gs {
		gs[g] = mul * sumFloats(x[16*g:][:16])
	}
	return gs
}

// avx512DotRow96W2G16Lanes runs the four-query Dot kernel of 2-bit rows of
// 96 values in groups of 16, avx512DotRow96LanesW2G16X4 (sixteen rows at a
// time, permuted to rows in lanes), on the four query rows x; a last
// partial block is copied to a padded one. Its x tables are one value per
// query row, group u and field k: x[16u + the field's column] times 4^-k
// (the kernel converts the field in place, as q*4^k). Like avx512DotRow
// it returns false, having written nothing, when such a value is a
// nonzero float32 subnormal (query values below 2^-96), which may have
// lost bits.
func avx512DotRow96W2G16Lanes(out []float32, r Rows, x []float32) bool {
	var (
		xsBuf [4*96 + 16]float32
		sgBuf [4*16 + 16]float32
	)
	xs, sg := avx512AlignFloats(xsBuf[:]), avx512AlignFloats(sgBuf[:])
	f := r.Format
	mins, mul := shiftSource(r)
	for j := range 4 {
		xj := x[96*j:][:96]
		if !avx512W2LanesX(xs[96*j:][:96], xj) {
			return false
		}
		for u := range 6 {
			// Per query row 16 floats: group u's sum at u.
			sg[16*j+u] = mul * sumFloats(xj[16*u:][:16])
		}
	}
	n := len(out) / 4
	nb := n &^ 15
	a := avx512RowArgs{recs: unsafe.Pointer(&xs[0]), sg: unsafe.Pointer(&sg[0]), scratch: unsafe.Pointer(&avx512Row96LanesW2Tables[0]), outStride: 4 * n}
	if nb > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), nb
		avx512DotRow96LanesW2G16X4(&a)
	}
	if nb < n {
		var (
			data          [16 * 24]byte // a block: sixteen rows of 96 2-bit codes
			scales, mins6 [16 * 6]uint16
			tail          [4 * 16]float32
		)
		g, rb := f.Groups(96), f.RowBytes(96)
		copy(data[:], r.Data[nb*rb:])
		copy(scales[:], r.Scales[g*nb:])
		copy(mins6[:], mins[g*nb:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins6[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 16, 64
		avx512DotRow96LanesW2G16X4(&a)
		for j := range 4 {
			copy(out[j*n+nb:(j+1)*n], tail[16*j:][:16])
		}
	}
	return true
}

// avx512W2LanesX writes the x values of the 2-bit Dot kernels of rows in
// lanes in groups of 16 for the query row x: dst[16u+k] is the query value
// of field k of group u (column 16u + its column in a group of 16) times
// 4^-k. It reports false, having stopped there, if such a value is a
// nonzero float32 subnormal, which may have lost bits of x.
func avx512W2LanesX(dst, x []float32) bool {
	for u := range len(x) / 16 {
		for k := range 16 {
			v := x[16*u+pack.PlaneColumn(2, 16, k)] * avx512Row96Scales2[k]
			if b := math.Float32bits(v) &^ (1 << 31); b != 0 && b < 1<<23 {
				return false
			}
			dst[16*u+k] = v
		}
	}
	return true
}

// avx512Row96LanesW2Tables holds, 64-byte aligned, the index vectors of
// avx512DotRow96LanesW2G16X4's permutation of a block's six vectors of
// dwords to rows in lanes: for u = 0-5 at 64u, lane r takes dword 6r+u
// where it is among the first 32 (VPERMI2PS of the first pair); at
// 384+64u, where it is among the next 32 (minus 32); at 768+64u, among
// the last 32 (minus 64).
var avx512Row96LanesW2Tables []int32

func init() {
	const n = 16 * 18
	buf := make([]int32, n+16)
	t := buf[(-uintptr(unsafe.Pointer(&buf[0]))&63)/4:][:n]
	for u := range 6 {
		for r := range 16 {
			d := 6*r + u
			t[16*(6*(d/32)+u)+r] = int32(d % 32)
		}
	}
	avx512Row96LanesW2Tables = t
}
