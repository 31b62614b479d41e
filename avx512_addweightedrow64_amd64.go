//go:build gc && !purego

package lowbit

import "unsafe"

// avx512AddWeightedRow64 runs the 4-bit AddWeighted row kernel on rows of
// 64 values in one group of 64 or two of 32 (two rows per vector, one
// weight row w), adding to y[0:64]; an odd last row runs in a pair with a
// zero row of weight 0. Like avx512AddWeightedRow it returns false, having
// added nothing, when a lane's sum is not finite (a product may then have
// met 0*Inf in another row's lane), and the general kernels serve.
func avx512AddWeightedRow64(y []float32, r Rows, w []float32) bool {
	f := r.Format
	g := f.Groups(64)
	var lanesBuf [2*128 + 16]float32
	lanes := avx512AlignFloats(lanesBuf[:])
	even, odd := (*[128]float32)(lanes[:128]), (*[128]float32)(lanes[128:256])
	mins, mul := shiftSource(r)
	n := r.Len()
	a := avx512RowArgs{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&even[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
	}
	if a.n = n &^ 1; a.n > 0 {
		avx512CallAddWeightedRow64(g, &a)
		if !avx512Finite(even[:]) {
			return false
		}
	}
	if n%2 == 1 {
		var (
			data          [64]byte
			scales, mins2 [4]uint16
			w2            [2]float32
		)
		copy(data[:32], r.Data[(n-1)*32:])
		copy(scales[:g], r.Scales[g*(n-1):])
		copy(mins2[:g], mins[g*(n-1):])
		w2[0] = w[n-1]
		a.data, a.scales, a.mins, a.sg, a.n = unsafe.Pointer(&data[0]), unsafe.Pointer(&scales[0]), unsafe.Pointer(&mins2[0]), unsafe.Pointer(&w2[0]), 2
		a.out = unsafe.Pointer(&odd[0])
		avx512CallAddWeightedRow64(g, &a)
		if !avx512Finite(odd[:]) {
			return false
		}
	}
	yy := (*[64]float32)(y)
	if n >= 2 {
		for i, v := range even {
			yy[avx512W4Cols[i]&63] += v
		}
	}
	if n%2 == 1 {
		for i, v := range odd {
			yy[avx512W4Cols[i]&63] += v
		}
	}
	return true
}

// avx512CallAddWeightedRow64 runs the kernel of rows of 64 in g groups (1:
// one group of 64, 2: two of 32).
func avx512CallAddWeightedRow64(g int, a *avx512RowArgs) {
	if g == 2 {
		avx512AddWeightedRow64W4G32X1(a)
	} else {
		avx512AddWeightedRow64W4G64X1(a)
	}
}
