//go:build gc && !purego

package lowbit

import (
	"unsafe"

	"github.com/lowbit-ml/lowbit/pack"
)

// avx512AddWeightedRow80 runs the 4-bit AddWeighted row kernel on rows of
// 80 values in groups of 16 or 80, one weight row: each row is ten dwords
// of a vector, the rest masked off, so its table has the lanes of rows of
// 128, of which those of dwords 10-15 are dropped (avx512AwRow80Cols). As
// for avx512AddWeightedRow, it returns false, having left y alone, when a
// sum is not finite.
func avx512AddWeightedRow80(y []float32, r Rows, w []float32) bool {
	var lanesBuf [128 + 16]float32
	lanes := (*[128]float32)(avx512AlignFloats(lanesBuf[:]))
	mins, mul := shiftSource(r)
	a := avx512RowArgs{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&lanes[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
		n:       r.Len(),
	}
	avx512CallAddWeightedRow80(r.Format.Group, &a)
	if !avx512Finite(lanes[:]) {
		return false
	}
	cols := &avx512AwRow80Cols
	if r.Format.Group == 16 {
		cols = &avx512AwRow80ColsG16
	}
	yy := (*[80]float32)(y)
	for i, v := range lanes {
		if c := cols[i]; c < 80 {
			yy[c] += v
		}
	}
	return true
}

// avx512AwRow80Cols and avx512AwRow80ColsG16 map the lanes table of the
// 4-bit AddWeighted kernels of rows of 80 (one group, groups of 16) to
// columns: field k of dword lane l (entry 16k+l) holds the sum of the
// column of the row's nibble 8l+k (pack.PlaneColumn); lanes 10-15 map to
// 255 (dropped). avx512AwIdxR80G16 spreads the converted scales (words
// 0-4) and mins (8-12) of a row in groups of 16: lane l takes group
// l/2's scale, then its min.
var (
	avx512AwRow80Cols, avx512AwRow80ColsG16 [128]uint8
	avx512AwIdxR80G16                       [2][16]int32
)

func init() {
	for k := range 8 {
		for l := range 16 {
			c, c16 := 255, 255
			if l < 10 {
				c = pack.PlaneColumn(4, 80, 8*l+k)
				c16 = 16*(l/2) + pack.PlaneColumn(4, 16, 8*(l%2)+k)
			}
			avx512AwRow80Cols[16*k+l], avx512AwRow80ColsG16[16*k+l] = uint8(c), uint8(c16)
		}
	}
	for l := range 16 {
		g := min(l/2, 4)
		avx512AwIdxR80G16[0][l], avx512AwIdxR80G16[1][l] = int32(g), int32(8+g)
	}
}
