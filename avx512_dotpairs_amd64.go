//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512PairsLanes and avx512Pairs64Lanes are the rows the lanes of the
// Dot pair kernels' transposed vectors hold, on rows of 128 and of 64 (π
// in avx512_dotpairs_amd64.s).
var (
	avx512PairsLanes   = [16]int{0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15}
	avx512Pairs64Lanes = [16]int{0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15}
)

// The constants of the Dot pair kernels (avx512_dotpairs_amd64.s):
//   - avx512PairsLo, avx512PairsHi: the codes a and b of the pair i = a | b<<2
//     in lane i;
//   - avx512PairsCols: the column a of pair p = 8w + k (bits 4k to 4k+3 of
//     code dword w: codes of columns a and a+8);
//   - avx512PairsRowOrder: the lane of row r;
//   - avx512PairsWords: the VPERMW (VPERMT2W) indexes that take the scale
//     words of sixteen rows (row-major, g per row) to the lanes' rows, group
//     by group: for g = 1, [0] (16 words); for 2, [1] (group 0's, then
//     1's); for 4, [2] (groups 0 and 1) and [3] (2 and 3);
//   - avx512Pairs64RowOrder, avx512Pairs64Words: the same for rows of 64
//     (one or two groups);
//   - avx512Pairs256Words: for eight groups a row (rows of 256), the
//     VPERMT2W indexes of groups 2k and 2k+1 ([k]) into the scale words of
//     rows 0-7 (and alike of rows 8-15: the lanes' rows modulo 8).
var (
	avx512PairsLo         [16]float32
	avx512PairsHi         [16]float32
	avx512PairsCols       [64]uint8
	avx512PairsRowOrder   [16]int32
	avx512PairsWords      [4][32]uint16
	avx512Pairs64RowOrder [16]int32
	avx512Pairs64Words    [2][32]uint16
	avx512Pairs256Words   [4][32]uint16
)

func init() {
	for i := range 16 {
		avx512PairsLo[i], avx512PairsHi[i] = float32(i&3), float32(i>>2)
	}
	for p := range avx512PairsCols {
		// Pair p is the 2-bit plane's positions 2p and 2p+1 (bits 4p to
		// 4p+3 of a row of 128 in groups that are whole blocks); the table
		// builder reads the second's value 8 columns after the first's.
		a, b := pack.PlaneColumn(2, 128, 2*p), pack.PlaneColumn(2, 128, 2*p+1)
		if b != a+8 {
			panic("lowbit: the Dot pair kernels need the 2-bit plane's paired columns 8 apart")
		}
		avx512PairsCols[p] = uint8(a)
	}
	for l, r := range avx512PairsLanes {
		avx512PairsRowOrder[r] = int32(l)
		avx512PairsWords[0][l] = uint16(r)
		avx512PairsWords[1][l], avx512PairsWords[1][16+l] = uint16(2*r), uint16(2*r+1)
		avx512PairsWords[2][l], avx512PairsWords[2][16+l] = uint16(4*r), uint16(4*r+1)
		avx512PairsWords[3][l], avx512PairsWords[3][16+l] = uint16(4*r+2), uint16(4*r+3)
		for k := range avx512Pairs256Words {
			avx512Pairs256Words[k][l], avx512Pairs256Words[k][16+l] = uint16(8*(r%8)+2*k), uint16(8*(r%8)+2*k+1)
		}
	}
	for l, r := range avx512Pairs64Lanes {
		avx512Pairs64RowOrder[r] = int32(l)
		avx512Pairs64Words[0][l] = uint16(r)
		avx512Pairs64Words[1][l], avx512Pairs64Words[1][16+l] = uint16(2*r), uint16(2*r+1)
	}
}

// avx512DotPairsServe reports whether the Dot pair kernels take rows of
// cols values of format f: 2-bit rows of 256 in groups of 32 to 256, rows
// of 128 in groups of 32 to 128 and rows of 64 in groups of 32 or 64, in
// passes of 1, 2 or 4 query rows.
// Intel Xeon family 6 model 167, bench -kernels Dot,Dot×4 -sizes l2, two
// interleaved runs, values/ns, row kernels against pair kernels: one query
// row q2g64 33.3-33.7 → 49.2-51.8, q2g32 32.7-33.9 → 45.4-47.3, q2g128
// 33.2-34.8 → 53.8-55.5; four q2g64 12.4-13.9 → 18.8-19.9, q2g32
// 12.9-13.5 → 18.4-19.0, q2g128 12.9-13.5 → 19.7-21.0.
func avx512DotPairsServe(f Format, cols int) bool {
	if f.Bits != 2 || f.Group%32 != 0 {
		return false
	}
	return (cols == 64 || cols == 128 || cols == 256) && f.Group <= cols
}

// avx512DotRowPairs is Dot on 2-bit rows of 64, 128 or 256 values
// (avx512DotPairsServe) for pass (1, 2 or 4) query rows x by the pair
// kernels, on a stack buffer for the tables as large as the call needs
// (Go zeroes it at every call: 4 KiB per query row and half of a row of
// 256, up to 32 KiB).
func avx512DotRowPairs(out []float32, r Rows, x []float32, pass int) {
	switch avx512PairsTableFloats(r.Cols, pass) {
	case 1024:
		var buf [1024 + 16]float32
		avx512DotRowPairsIn(buf[:], out, r, x, pass)
	case 2 * 1024, 4 * 1024:
		var buf [4*1024 + 16]float32
		avx512DotRowPairsIn(buf[:], out, r, x, pass)
	default:
		var buf [8*1024 + 16]float32
		avx512DotRowPairsIn(buf[:], out, r, x, pass)
	}
}

// avx512PairsTableFloats returns the floats of the pair tables of pass
// query rows on rows of cols values: 1024 (64 tables) per query row and
// row of 128 or half of one of 256 (rows of 64 use half of theirs).
func avx512PairsTableFloats(cols, pass int) int {
	return 1024 * pass * max(cols, 128) / 128
}

// avx512DotRowPairsIn is avx512DotRowPairs with the tables in buf (64
// bytes more than avx512PairsTableFloats, for the alignment): the call
// writes each query row's pair tables (query row j, half h of a row of 256
// at 1024*(h*pass + j)) and group sums, the kernel runs on whole blocks of
// sixteen rows, and a last partial block is copied to a padded one.
func avx512DotRowPairsIn(buf, out []float32, r Rows, x []float32, pass int) {
	tab := avx512AlignFloats(buf)
	f, cols := r.Format, r.Cols
	g := f.Groups(cols)
	mins, mul := shiftSource(r)
	var sg [4 * 8]float32 // query row j, group k: sg[8j+k]
	for j := range pass {
		xj := x[j*cols : (j+1)*cols]
		for h := 0; h < cols; h += 128 {
			avx512DotPairTables(&tab[1024*(h/128*pass+j)], &xj[h], &avx512PairsCols[0], min(cols, 128)/2)
		}
		for k := range g {
			sg[8*j+k] = mul * sumFloats(xj[k*f.Group:][:f.Group])
		}
	}
	rb := cols / 4
	n := len(out) / pass
	nb := n &^ 15
	a := avx512RowArgs{recs: unsafe.Pointer(&tab[0]), sg: unsafe.Pointer(&sg[0]), outStride: 4 * n}
	if cols == 256 {
		a.scratch = unsafe.Pointer(&tab[1024*pass]) // the second half's tables
	}
	if nb > 0 {
		a.data, a.scales, a.mins = unsafe.Pointer(&r.Data[0]), unsafe.Pointer(&r.Scales[0]), unsafe.Pointer(&mins[0])
		a.out, a.n = unsafe.Pointer(&out[0]), nb
		avx512CallDotPairsOf(cols, f.Group, pass, &a)
	}
	if nb < n {
		var (
			data          [16 * 64]byte
			scales, mins4 [16 * 8]uint16
			tail          [4 * 16]float32
		)
		copy(data[:], r.Data[nb*rb:])
		copy(scales[:], r.Scales[g*nb:])
		copy(mins4[:], mins[g*nb:])
		a.data, a.scales, a.mins = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins4[0])
		a.out, a.n, a.outStride = unsafe.Pointer(&tail[0]), 16, 64
		avx512CallDotPairsOf(cols, f.Group, pass, &a)
		for j := range pass {
			copy(out[j*n+nb:(j+1)*n], tail[16*j:])
		}
	}
}

// avx512CallDotPairsOf calls the Dot pair kernel of rows of cols values
// (a direct call, so that the caller's tables stay on its stack).
func avx512CallDotPairsOf(cols, group, pass int, a *avx512RowArgs) {
	switch cols {
	case 64:
		avx512CallDotRow64Pairs(group, pass, a)
	case 128:
		avx512CallDotRowPairs(group, pass, a)
	default:
		avx512CallDotRow256Pairs(group, pass, a)
	}
}
