//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx2DotRowArgs are the arguments of the Dot field kernels on rows of 128
// values (avx2_dotrow128_amd64.s).
type avx2DotRowArgs struct {
	data      unsafe.Pointer // codes of the first row
	scales    unsafe.Pointer // its fp16 scales
	shifts    unsafe.Pointer // its fp16 mins, or the scales again (symmetric)
	xt        unsafe.Pointer // x tables: 128 float32 per query row, by field
	gx        unsafe.Pointer // group sums times the shift multiplier: 8 per query row
	idx       unsafe.Pointer // the two accumulators' lane groups, VPERMPS indexes
	masks     unsafe.Pointer // field masks, 32 bytes each
	out       unsafe.Pointer // out of query row 0 at the first row (the kernels store)
	outStride uintptr        // bytes between query rows of out
	n         int            // rows (> 0)
}

// avx2Row128Tables are a pass's x tables and group sums. The kernels read
// them by 32-byte loads; the tables start at a 64-byte boundary
// (avx2Row128Align), so that none of those crosses a cache line.
type avx2Row128Tables struct {
	xt [4 * 128]float32
	gx [4 * 8]float32
}

// avx2Row128Buf holds an avx2Row128Tables at any 64-byte boundary.
type avx2Row128Buf [unsafe.Sizeof(avx2Row128Tables{}) + 64]byte

// avx2Row128Align returns the tables at b's first 64-byte boundary.
func avx2Row128Align(b *avx2Row128Buf) *avx2Row128Tables {
	return (*avx2Row128Tables)(unsafe.Pointer(&b[-uintptr(unsafe.Pointer(b))&63]))
}

// The layouts of the field kernels, by width (0: 4-bit, 1: 2-bit) and
// group (avx2Row128Group): the column of each x table entry, its field's
// scale (2^-(w*k) for field k of the four a mask takes, the codes being
// shifted down after each four), the VPERMPS indexes of the accumulators'
// lanes, and the four field masks followed by 2^23 (as float32 bits).
var (
	avx2Row128Cols   [2][4][128]int32
	avx2Row128Scale  [2][128]float32
	avx2Row128Idx    [2][4][2][8]int32
	avx2Row128Masks4 [5][8]uint32
	avx2Row128Masks2 [5][8]uint32
)

// avx2Row128Group is the index of group g in the layout tables, or -1.
func avx2Row128Group(g int) int {
	switch g {
	case 16:
		return 0
	case 32:
		return 1
	case 64:
		return 2
	case 128:
		return 3
	}
	return -1
}

func init() {
	for wi, w := range []int{4, 2} {
		for gi, g := range []int{16, 32, 64, 128} {
			for e := range 128 {
				// Entry e: field k, lane l of accumulator vector u.
				u, k, l := e/64, e/8%8, e%8
				if w == 2 {
					u, k = 0, e/8
				}
				d := 8*u + l
				pos := 32*d/w + k // the code's place in the row's plane
				avx2Row128Cols[wi][gi][e] = int32(pos/g*g + pack.PlaneColumn(w, g, pos%g))
				if gi == 0 {
					// The kernels shift the codes down by 16 (4-bit) or 8
					// (2-bit) after every 4 fields.
					avx2Row128Scale[wi][e] = float32(math.Ldexp(1, -w*(k%4)))
				}
			}
			gb := g * w / 8 // bytes per group
			for a := range 2 {
				for l := range 8 {
					d := l
					if w == 4 {
						d = 8*a + l
					}
					avx2Row128Idx[wi][gi][a][l] = int32(4 * d / gb)
				}
			}
		}
	}
	for k := range avx2Row128Masks4 {
		for l := range 8 {
			avx2Row128Masks4[k][l] = 0xf << (4 * k)
			if k == 4 {
				avx2Row128Masks4[k][l] = 0x4b000000
			}
		}
	}
	for k := range avx2Row128Masks2 {
		for l := range 8 {
			avx2Row128Masks2[k][l] = 3 << (2 * k)
			if k == 4 {
				avx2Row128Masks2[k][l] = 0x4b000000
			}
		}
	}
}

// avx2DotRow128Codes reports whether Dot on rows of cols values of f runs
// the field kernels (for two or more query rows): 2- and 4-bit codes, rows
// of 128, groups of 16 to 128.
func avx2DotRow128Codes(f Format, cols int) bool {
	return cols == 128 && (f.Bits == 2 || f.Bits == 4) && avx2Row128Group(f.Group) >= 0
}

// dotRow128AVX2 is Dot on the field kernels' shapes (avx2DotRow128Codes),
// by passes of up to 4 query rows. A pass of one query row, and one whose
// x tables would lose bits (a query value below 2^-114 in magnitude), runs
// dotBlocksAVX2 instead.
func dotRow128AVX2(out []float32, r Rows, x []float32) {
	n := r.Len()
	if n == 0 {
		return
	}
	f := r.Format
	wi, gi := 0, avx2Row128Group(f.Group)
	masks := unsafe.Pointer(&avx2Row128Masks4[0][0])
	if f.Bits == 2 {
		wi, masks = 1, unsafe.Pointer(&avx2Row128Masks2[0][0])
	}
	shifts, mult := shiftSource(r)
	nq := len(x) / 128
	var buf avx2Row128Buf
	t := avx2Row128Align(&buf)
	for j0 := 0; j0 < nq; j0 += 4 {
		qn := min(4, nq-j0)
		o, xp := out[j0*n:(j0+qn)*n], x[j0*128:(j0+qn)*128]
		if qn == 1 || !avx2Row128XTables(t, xp, wi, gi, f.Group, mult) {
			dotBlocksAVX2(o, r, xp)
			continue
		}
		a := avx2DotRowArgs{
			data:      unsafe.Pointer(unsafe.SliceData(r.Data)),
			scales:    unsafe.Pointer(unsafe.SliceData(r.Scales)),
			shifts:    unsafe.Pointer(unsafe.SliceData(shifts)),
			xt:        unsafe.Pointer(&t.xt[0]),
			gx:        unsafe.Pointer(&t.gx[0]),
			idx:       unsafe.Pointer(&avx2Row128Idx[wi][gi][0][0]),
			masks:     masks,
			out:       unsafe.Pointer(&o[0]),
			outStride: uintptr(4 * n),
			n:         n,
		}
		avx2CallDotRow128(f.Bits, f.Group, qn, &a)
	}
}

// avx2Row128XTables writes the x tables and group sums of the query rows
// x (128 values each) and reports whether the scaling keeps every value's
// bits: it does unless a value is below 2^-114 in magnitude (and not 0),
// which a scale of 2^-12 would make subnormal.
func avx2Row128XTables(t *avx2Row128Tables, x []float32, wi, gi, group int, mult float32) bool {
	pass := len(x) / 128
	least := avx2Row128Gather(&t.xt[0], &x[0], &avx2Row128Cols[wi][gi][0], &avx2Row128Scale[wi][0], pass)
	for j := range pass {
		xj := x[j*128 : (j+1)*128]
		gx := (*[8]float32)(t.gx[j*8:])
		*gx = [8]float32{}
		for g := range 128 / group {
			gx[g] = mult * sumFloats(xj[g*group:][:group])
		}
	}
	return least >= (127-114)<<23-1
}

// avx2Row128Gather writes the x tables of pass query rows and returns the
// least of |x|-1 over them, as integers (avx2_dotrow128_amd64.s).
//
//go:noescape
func avx2Row128Gather(dst, x *float32, cols *int32, scales *float32, pass int) (least uint32)
