//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512DotRow80 runs the 2- or 4-bit Dot row kernel on rows of 80 values
// in groups of 16 or 80, or 4-bit rows in groups of 8 (sixteen 2-bit or eight 4-bit rows, five vectors,
// at a time; each dword lane with its own x tables, or for four query rows
// on 4-bit codes in groups of 16 and 80 and 2-bit codes in groups of 16
// the rows in lanes, see
// avx512_dotrow80_amd64.s) for pass query rows x; a last partial block is
// copied to a padded one. Like avx512DotRow it returns false, having
// written nothing, when a query value scaled by 16^-k (4^-k) is a nonzero
// float32 subnormal (query values below 2^-98), and other kernels serve
// them.
func avx512DotRow80(out []float32, r Rows, x []float32, pass int) bool {
	var (
		recsBuf [4*80*16 + 16]float32
		sgBuf   [4*80 + 16]float32
	)
	recs, sg := avx512AlignFloats(recsBuf[:]), avx512AlignFloats(sgBuf[:])
	f := r.Format
	cols, scales, fields, block := &avx512Row80Cols[0][0], &avx512Row80Scales[0], 40, 8
	if f.Bits == 2 {
		cols, scales, fields, block = &avx512Row80Cols2[0][0], &avx512Row80Scales2[0], 80, 16
	}
	if f.Group == 16 {
		cols = &avx512Row80ColsG16[0][0]
		if f.Bits == 2 {
			cols = &avx512Row80Cols2G16[0][0]
		}
	}
	if f.Group == 8 {
		cols = &avx512Row80ColsG8[0][0]
	}
	lanes := avx512Row80Lanes(f, pass)
	if lanes {
		cols = &avx512Row80LanesCols[0][0]
		if f.Group == 16 {
			cols = &avx512Row80LanesColsG16[0][0]
		}
	}
	lanes2 := pass == 4 && f.Bits == 2 && f.Group == 16
	mins, mul := shiftSource(r)
	sgLen := 3 * 16 // 4-bit: qwords 0-47; 2-bit, and 4-bit in groups of 8: dwords 0-79
	if f.Bits == 2 || f.Group == 8 {
		sgLen = 5 * 16
	}
	for j := range pass {
		xj := x[j*80:][:80]
		if lanes2 {
			// One value per field and group, 80 per query row; group
			// u's sum at 16j+u.
			if !avx512W2LanesX(recs[80*j:][:80], xj) {
				return false
			}
			for u := range 5 {
				sg[16*j+u] = mul * sumFloats(xj[16*u:][:16])
			}
			continue
		}
		if avx512DotRowXTables(&recs[j*fields*16], &xj[0], cols, scales, fields, 1) {
			return false
		}
		if lanes {
			// Per pair of query rows p = j/2 and group u (one in groups
			// of 80): lanes 0-7 the first's group sum, 8-15 the
			// second's.
			ng := 80 / f.Group
			for u := range ng {
				s := mul * sumFloats(xj[f.Group*u:][:f.Group])
				for l := range 8 {
					sg[(j/2)*ng*16+16*u+8*(j%2)+l] = s
				}
			}
			continue
		}
		s := sg[j*sgLen:][:sgLen]
		if f.Group == 80 {
			for l := range 16 {
				s[l] = mul * sumFloats(xj)
			}
			continue
		}
		if f.Group == 8 {
			// Entry i of a block (a dword): row i/10, group i%10.
			for i := range 80 {
				s[i] = mul * sumFloats(xj[8*(i%10):][:8])
			}
			continue
		}
		// Entry i of a block (a qword of 4-bit codes, a dword of 2-bit
		// ones): row i/5, group i%5.
		for i := range 5 * block {
			s[i] = mul * sumFloats(xj[16*(i%5):][:16])
		}
		clear(s[5*block:])
	}
	n := len(out) / pass
	nb := n - n%block
	a := avx512RowArgs{recs: unsafe.Pointer(&recs[0]), sg: unsafe.Pointer(&sg[0]), scratch: unsafe.Pointer(&avx512Row80Tables[0]), outStride: 4 * n}
	if nb > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), nb
		avx512CallDotRow80Of(f, pass, &a)
	}
	if nb < n {
		var (
			data           [320]byte      // a block: eight 4-bit or sixteen 2-bit rows
			scales, mins16 [16 * 5]uint16 // (eight rows of ten groups of 8)
			tail           [4 * 16]float32
		)
		g, rb := f.Groups(80), f.RowBytes(80)
		copy(data[:], r.Data[nb*rb:])
		copy(scales[:], r.Scales[g*nb:])
		copy(mins16[:], mins[g*nb:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins16[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), block, 4*block
		avx512CallDotRow80Of(f, pass, &a)
		for j := range pass {
			copy(out[j*n+nb:(j+1)*n], tail[block*j:])
		}
	}
	return true
}

// avx512CallDotRow80Of runs the Dot kernel of rows of 80 of f's width
// and group.
func avx512CallDotRow80Of(f Format, pass int, a *avx512RowArgs) {
	if f.Group == 8 {
		avx512CallDotRow80G8(pass, a)
		return
	}
	avx512CallDotRow80(f.Bits, f.Group, pass, a)
}

// avx512Row80Lanes reports whether the Dot kernel of rows of 80 in format
// f for pass query rows permutes the codes to rows in lanes
// (avx512DotRow80W4G16X4, avx512DotRow80W4G80X4): four query rows on
// 4-bit codes in groups of 16 or 80.
func avx512Row80Lanes(f Format, pass int) bool {
	return pass == 4 && f.Bits == 4 && (f.Group == 16 || f.Group == 80)
}

// avx512Row80Codes reports whether the Dot row kernels of rows of 80 take
// codes of format f: 2- and 4-bit codes in groups of 16 or 80 (4-bit
// codes in groups of 8: avx512DotRowCodes).
func avx512Row80Codes(f Format) bool {
	return (f.Bits == 2 || f.Bits == 4) && (f.Group == 16 || f.Group == 80)
}

// The tables of the rows-of-80 kernels. avx512Row80Cols (one group of 80),
// avx512Row80ColsG16 and avx512Row80ColsG8 (groups of 16 and 8): table 8v+k (vector v of a block
// of eight rows, nibble k of a dword) holds in lane l the column of that
// nibble of dword 16v+l of the block (row (16v+l)/10, the row's dword
// (16v+l)%10), by pack.PlaneColumn; avx512Row80Scales[8v+k] = 16^-k.
// avx512Row80Pairs: the even, then the odd, lanes of two vectors (the
// dword pairs of the qwords). avx512Row80Gather: for k = 0-4, lane r takes
// qword 5r+k of the first 32 (VPERMI2PS of two vectors of qwords), then
// for k = 0-4 the lanes whose qword is 32 or more take 5r+k-32 from the
// third (a masked VPERMPS). The 2-bit tables: avx512Row80Cols2 and
// avx512Row80Cols2G16, table 16v+k (field k of a dword) with lane l the
// column of that field of dword 16v+l of a block of sixteen rows (row
// (16v+l)/5, the row's dword (16v+l)%5), avx512Row80Scales2[16v+k] = 4^-k;
// avx512Row80Gather2: for k = 0-4, lane r takes dword 5r+k of the first
// two vectors, then of the next two (minus 32), then of the last (minus
// 64), each where that is the one holding it.
var (
	avx512Row80Cols, avx512Row80ColsG16   [40][16]int32
	avx512Row80ColsG8                     [40][16]int32
	avx512Row80Scales                     [40]float32
	avx512Row80Pairs                      [2][16]int32
	avx512Row80Gather                     [10][16]int32
	avx512Row80Cols2, avx512Row80Cols2G16 [80][16]int32
	avx512Row80Scales2                    [80]float32
	avx512Row80Gather2                    [15][16]int32

	// The four-query kernels of 4-bit rows of 80 in groups of 16 and 80
	// permute a block's codes to rows in lanes: vector u's lanes 2r and
	// 2r+1 hold row r's dwords 2u and 2u+1 (its qword u, dword 10r+2u+l%2
	// of the block). avx512Row80LanesCols and avx512Row80LanesColsG16:
	// table 8u+k holds in lane l the column of nibble k of that dword.
	// avx512Row80LanesPerm: per u, the VPERMI2PS indexes of the lanes'
	// dwords among the block's first 32, then the next 32, then (VPERMPS)
	// the last 16. avx512Row80LanesScaleIdx (avx512Row80LanesMinIdx): per
	// u, the VPERMI2W indexes (16-bit, two per entry) of the fp16 scale
	// (min) of lane l among the block's 40, row l/2's (l%8's) group u;
	// avx512Row80LanesOrder: lane d takes lane 4(d%8/2)+d%2+2(d/8) (rows
	// in order, two query rows); avx512Row80LanesRow: lane l takes l/2,
	// avx512Row80LanesRow8: l%8.
	avx512Row80LanesCols, avx512Row80LanesColsG16                    [40][16]int32
	avx512Row80LanesPerm                                             [15][16]int32
	avx512Row80LanesScaleIdx, avx512Row80LanesMinIdx                 [5][16]int32
	avx512Row80LanesOrder, avx512Row80LanesRow, avx512Row80LanesRow8 [16]int32
)

func init() {
	for v := range 5 {
		for k := range 8 {
			avx512Row80Scales[8*v+k] = float32(math.Ldexp(1, -4*k))
			for l := range 16 {
				w := (16*v + l) % 10 // the row's dword
				avx512Row80Cols[8*v+k][l] = int32(pack.PlaneColumn(4, 80, 8*w+k))
				avx512Row80ColsG16[8*v+k][l] = int32(16*(w/2) + pack.PlaneColumn(4, 16, 8*(w%2)+k))
				avx512Row80ColsG8[8*v+k][l] = int32(8*w + pack.PlaneColumn(4, 8, k))
			}
		}
	}
	for v := range 5 {
		for k := range 16 {
			avx512Row80Scales2[16*v+k] = float32(math.Ldexp(1, -2*k))
			for l := range 16 {
				w := (16*v + l) % 5 // the row's dword: group w of 16
				avx512Row80Cols2[16*v+k][l] = int32(pack.PlaneColumn(2, 80, 16*w+k))
				avx512Row80Cols2G16[16*v+k][l] = int32(16*w + pack.PlaneColumn(2, 16, k))
			}
		}
	}
	for k := range 5 {
		for r := range 16 {
			d := 5*r + k
			avx512Row80Gather2[5*(d/32)+k][r] = int32(d % 32)
		}
	}
	for l := range 16 {
		avx512Row80Pairs[0][l], avx512Row80Pairs[1][l] = int32(2*l), int32(2*l+1)
	}
	for u := range 5 {
		for l := range 16 {
			w := 2*u + l%2 // the row's dword
			for k := range 8 {
				avx512Row80LanesCols[8*u+k][l] = int32(pack.PlaneColumn(4, 80, 8*w+k))
				avx512Row80LanesColsG16[8*u+k][l] = int32(16*u + pack.PlaneColumn(4, 16, 8*(w%2)+k))
			}
			d := 10*(l/2) + w // the block's dword
			avx512Row80LanesPerm[3*u+d/32][l] = int32(d % 32)
		}
		for l := range 8 {
			// entries 2l and 2l+1 (lanes 0-15 of 32 words)
			s0, s1 := 5*(2*l/2)+u, 5*((2*l+1)/2)+u
			avx512Row80LanesScaleIdx[u][l] = int32(s0 | s1<<16)
			m0, m1 := 5*(2*l%8)+u, 5*((2*l+1)%8)+u
			avx512Row80LanesMinIdx[u][l] = int32(m0 | m1<<16)
		}
	}
	for d := range 16 {
		avx512Row80LanesOrder[d] = int32(4*(d%8/2) + d%2 + 2*(d/8))
		avx512Row80LanesRow[d], avx512Row80LanesRow8[d] = int32(d/2), int32(d%8)
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

// avx512Row80Tables holds avx512Row80Pairs, avx512Row80Gather and
// avx512Row80Gather2 one after the other (at byte 0, 128 and 768), then
// from byte 1728 avx512Row80LanesPerm, avx512Row80LanesScaleIdx,
// avx512Row80LanesMinIdx, avx512Row80LanesOrder, avx512Row80LanesRow and
// avx512Row80LanesRow8, in
// 64-byte aligned memory, where the kernels read them (R12): a Go or asm
// table is aligned to 32 bytes at most, and its 64-byte loads split cache
// lines when it lands at 32 mod 64.
// The init below runs after the one above, which fills the tables.
var avx512Row80Tables []int32

func init() {
	buf := make([]int32, 16*(2+10+15+28)+16)
	t := buf[(-uintptr(unsafe.Pointer(&buf[0]))&63)/4:][:16*(2+10+15+28)]
	for i, tab := range [][16]int32{avx512Row80Pairs[0], avx512Row80Pairs[1]} {
		copy(t[16*i:], tab[:])
	}
	for i, tab := range avx512Row80Gather {
		copy(t[32+16*i:], tab[:])
	}
	for i, tab := range avx512Row80Gather2 {
		copy(t[192+16*i:], tab[:])
	}
	lanes := append(avx512Row80LanesPerm[:], avx512Row80LanesScaleIdx[:]...)
	lanes = append(lanes, avx512Row80LanesMinIdx[:]...)
	lanes = append(lanes, avx512Row80LanesOrder, avx512Row80LanesRow, avx512Row80LanesRow8)
	for i, tab := range lanes {
		copy(t[432+16*i:], tab[:])
	}
	avx512Row80Tables = t
}
