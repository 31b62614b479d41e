//go:build gc && !purego

package lowbit

import "unsafe"

// avx512AddWeightedRow64 runs the 4-bit or 2-bit AddWeighted row kernel on
// rows of 64 values in one group of 64 or two of 32, or groups of 16 (4-bit
// codes also 8) (two rows per vector
// for 4-bit codes, four for 2-bit, one weight row w), adding to y[0:64];
// a last partial step of rows runs padded with zero rows of weight 0.
// Like avx512AddWeightedRow it returns false, having added nothing, when
// a lane's sum is not finite (a product may then have met 0*Inf), and the
// general kernels serve.
func avx512AddWeightedRow64(y []float32, r Rows, w []float32) bool {
	f := r.Format
	step, nl := 2, 128 // rows per kernel step, entries of its lanes table
	if f.Bits == 2 {
		step, nl = 4, 256
	}
	var lanesBuf [2*256 + 16]float32
	lanes := avx512AlignFloats(lanesBuf[:])
	whole, tail := lanes[:nl], lanes[256:256+nl]
	mins, mul := shiftSource(r)
	a := avx512RowArgs{
		data:    unsafe.Pointer(&r.Data[0]),
		scales:  unsafe.Pointer(&r.Scales[0]),
		mins:    unsafe.Pointer(&mins[0]),
		out:     unsafe.Pointer(&whole[0]),
		recs:    unsafe.Pointer(&avx512W2Masks[0]),
		sg:      unsafe.Pointer(&w[0]),
		scratch: unsafe.Pointer(&mul),
	}
	nw, ok := avx512AddWeightedSteps(&a, r, mins, w, step, whole, tail)
	if !ok {
		return false
	}
	yy := (*[64]float32)(y)
	if nw > 0 {
		avx512AddLanesRow64(yy, whole, f)
	}
	if nw < r.Len() {
		avx512AddLanesRow64(yy, tail, f)
	}
	return true
}

// avx512AddLanesRow64 adds the lanes table of a rows-of-64 kernel to y:
// 4-bit, entry 16k+l holds column avx512W4Cols[16k+l] mod 64 (lanes 8-15
// the second row's); 2-bit, entry 16k+l holds field k of row l/4's dword
// l%4, whose column avx512W2Cols gives for dword l%4 (for groups of 16,
// avx512W4ColsG16 and avx512W2ColsG16; for groups of 8, avx512W4ColsG8).
func avx512AddLanesRow64(y *[64]float32, lanes []float32, f Format) {
	if f.Bits == 4 {
		cols := &avx512W4Cols
		switch f.Group {
		case 16:
			cols = &avx512W4ColsG16
		case 8:
			cols = &avx512W4ColsG8
		}
		for i, v := range lanes[:128] {
			y[cols[i]&63] += v
		}
		return
	}
	cols := &avx512W2Cols
	switch f.Group {
	case 16:
		cols = &avx512W2ColsG16
	case 8:
		cols = &avx512W2ColsG8
	}
	for k := range 16 {
		l := lanes[16*k : 16*k+16]
		for d := range 4 {
			y[cols[8*k+d]&63] += (l[d] + l[4+d]) + (l[8+d] + l[12+d])
		}
	}
}

// avx512CallAddWeightedRow64 runs the kernel of rows of 64 of a code width
// (4 or 2) in g groups (1: one group of 64, 2: two of 32, 4: four of 16,
// 8: eight of 8).
func avx512CallAddWeightedRow64(bits, g int, a *avx512RowArgs) {
	switch {
	case bits == 4 && g == 8:
		avx512CallAddWeightedRowG8(64, a)
	case g == 8:
		avx512AddWeightedRow64W2G8X1(a)
	case bits == 4 && g == 4:
		avx512AddWeightedRow64W4G16X1(a)
	case g == 4:
		avx512AddWeightedRow64W2G16X1(a)
	case bits == 4 && g == 2:
		avx512AddWeightedRow64W4G32X1(a)
	case bits == 4:
		avx512AddWeightedRow64W4G64X1(a)
	case g == 2:
		avx512AddWeightedRow64W2G32X1(a)
	default:
		avx512AddWeightedRow64W2G64X1(a)
	}
}
