//go:build gc && !purego

package lowbit

import "unsafe"

// avx512Group8Args are the arguments of the avx512 Dot kernels on rows of
// several groups of 8 codes, avx512DotG8W<bits>X<nq>
// (avx512_group8_amd64.s).
type avx512Group8Args struct {
	codes      unsafe.Pointer                 // the codes of the first row
	scales     unsafe.Pointer                 // fp16 scales, one per group, row by row
	shifts     unsafe.Pointer                 // fp16 shifts: the mins, or the scales when symmetric
	out        unsafe.Pointer                 // Dot: out of query row 0 at the first row (the kernel stores); AddWeighted: y of the weight row
	w          unsafe.Pointer                 // AddWeighted: the weights of the rows
	outStride  uintptr                        // Dot: bytes between query rows of out
	n          int                            // rows
	groups     int                            // groups of 8 per row
	rowBytes   int                            // code bytes per row
	groupBytes int                            // code bytes per group (the width)
	alignBytes int                            // 4 − groupBytes: how far before a group its dword starts
	symmetric  int                            // 1: the shifts are the scales (not gathered again)
	left       int                            // AddWeighted, the kernel's: groups left
	mult       float32                        // AddWeighted: the shift multiplier (shiftSource)
	perm       [8]int32                       // AddWeighted: the code position of each column of a group
	perm16     [16]int32                      // AddWeighted of groups of 16: likewise
	mx         [4][avx512Group8Max]float32    // Dot: mult × Σx over each group of each query row
	xs         [avx512Group8Max][4][8]float32 // Dot: the pass's query rows, group by group

}

// avx512Group8Max is the most groups of 8 per row the kernels take (rows
// of 256 values).
const avx512Group8Max = 32

// avx512Group8 reports whether the group-of-8 kernels take r: 2-, 3- or
// 4-bit codes in groups of 8, rows of 2 to avx512Group8Max groups.
func avx512Group8(r Rows) bool {
	f := r.Format
	g := r.Cols / 8
	return f.Group == 8 && f.Bits >= 2 && f.Bits <= 4 && g >= 2 && g <= avx512Group8Max
}

// dotGroup8AVX512 is Dot on rows that avx512Group8 takes: the query rows
// four at a time, each pass one kernel call over all rows (sixteen at a
// time, the last batch masked).
func dotGroup8AVX512(out []float32, r Rows, x []float32) {
	f, cols := r.Format, r.Cols
	n, nq := r.Len(), len(x)/cols
	if n == 0 {
		return
	}
	shifts, mult := shiftSource(r)
	a := avx512Group8Args{
		codes: unsafe.Pointer(&r.Data[0]), scales: unsafe.Pointer(&r.Scales[0]), shifts: unsafe.Pointer(&shifts[0]),
		outStride: uintptr(4 * n), n: n, groups: cols / 8, rowBytes: f.RowBytes(cols),
		groupBytes: f.Bits, alignBytes: 4 - f.Bits,
	}
	if f.Symmetric {
		a.symmetric = 1
	}
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = min(4, nq-j0)
		for j := range pass {
			xj := x[(j0+j)*cols:][:cols]
			for g := range a.groups {
				a.xs[g][j] = [8]float32(xj[8*g:])
				a.mx[j][g] = mult * sumFloats(xj[8*g:][:8])
			}
		}
		a.out = unsafe.Pointer(&out[j0*n])
		avx512CallDotG8(f.Bits, pass, &a)
	}
}

// avx512Group8Chunk returns the rows of one AddWeighted kernel call on
// rows of f of cols values: the kernel walks its rows once per group, so
// their codes, scales and mins should stay in L1: about 24 KiB of them,
// in whole batches of 16, at most 256 rows.
func avx512Group8Chunk(f Format, cols int) int {
	perRow := f.RowBytes(cols) + 2*f.Groups(cols)
	if f.HasMins() {
		perRow += 2 * f.Groups(cols)
	}
	return min(256, max(16, 24<<10/perRow&^15))
}

// addWeightedGroup8AVX512 is AddWeighted on rows that avx512Group8 takes:
// per weight row, one kernel call per chunk of rows (avx512Group8Chunk),
// each adding the chunk's weighted rows to y group by group. (Several
// weight rows run the avx2 lane kernels, which decode each code once for
// four: see addWeightedAVX512.)
func addWeightedGroup8AVX512(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	n := r.Len()
	if n == 0 {
		return
	}
	nq := len(w) / n
	shifts, mult := shiftSource(r)
	g, rb := cols/8, f.RowBytes(cols)
	a := avx512Group8Args{
		groups: g, rowBytes: rb, groupBytes: f.Bits, alignBytes: 4 - f.Bits, mult: mult,
	}
	if f.Symmetric {
		a.symmetric = 1
	}
	for k, c := range avx2Row8Cols[f.Bits] {
		a.perm[c] = int32(k)
	}
	chunk := avx512Group8Chunk(f, cols)
	for j := range nq {
		a.out = unsafe.Pointer(&y[j*cols])
		for i0 := 0; i0 < n; i0 += chunk {
			i1 := min(n, i0+chunk)
			a.codes, a.scales, a.shifts = unsafe.Pointer(&r.Data[i0*rb]), unsafe.Pointer(&r.Scales[i0*g]), unsafe.Pointer(&shifts[i0*g])
			a.w, a.n = unsafe.Pointer(&w[j*n+i0]), i1-i0
			avx512CallAddWeightedG8(f.Bits, &a)
		}
	}
}

// avx512Group16 reports whether the group-of-16 Dot kernels take r: 2- or
// 4-bit codes in groups of 16, rows of 2 to 16 groups.
func avx512Group16(r Rows) bool {
	f := r.Format
	g := r.Cols / 16
	return f.Group == 16 && (f.Bits == 2 || f.Bits == 4) && g >= 2 && g <= 16
}

// dotGroup16AVX512 is Dot on rows that avx512Group16 takes, as
// dotGroup8AVX512 on rows of groups of 8 (avx512DotG16W<bits>X<nq>).
func dotGroup16AVX512(out []float32, r Rows, x []float32) {
	f, cols := r.Format, r.Cols
	n, nq := r.Len(), len(x)/cols
	if n == 0 {
		return
	}
	shifts, mult := shiftSource(r)
	a := avx512Group8Args{
		codes: unsafe.Pointer(&r.Data[0]), scales: unsafe.Pointer(&r.Scales[0]), shifts: unsafe.Pointer(&shifts[0]),
		outStride: uintptr(4 * n), n: n, groups: cols / 16, rowBytes: f.RowBytes(cols), groupBytes: 2 * f.Bits,
	}
	if f.Symmetric {
		a.symmetric = 1
	}
	xs := (*[avx512Group8Max / 2][4][16]float32)(unsafe.Pointer(&a.xs))
	for j0, pass := 0, 0; j0 < nq; j0 += pass {
		pass = min(4, nq-j0)
		for j := range pass {
			xj := x[(j0+j)*cols:][:cols]
			for g := range a.groups {
				xs[g][j] = [16]float32(xj[16*g:])
				a.mx[j][g] = mult * sumFloats(xj[16*g:][:16])
			}
		}
		a.out = unsafe.Pointer(&out[j0*n])
		avx512CallDotG16(f.Bits, pass, &a)
	}
}

// avx512Group16Cols is the column of code position k of the group-of-16
// kernels, per code width (avx512_group8_amd64.s).
var avx512Group16Cols = [5][16]int{
	2: {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15},
	4: {0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15},
}

// addWeightedGroup16AVX512 is AddWeighted on rows that avx512Group16
// takes, as addWeightedGroup8AVX512 on rows of groups of 8
// (avx512AddWeightedG16W<bits>X1).
func addWeightedGroup16AVX512(y []float32, r Rows, w []float32) {
	f, cols := r.Format, r.Cols
	n := r.Len()
	if n == 0 {
		return
	}
	nq := len(w) / n
	shifts, mult := shiftSource(r)
	g, rb := cols/16, f.RowBytes(cols)
	a := avx512Group8Args{groups: g, rowBytes: rb, groupBytes: 2 * f.Bits, mult: mult}
	if f.Symmetric {
		a.symmetric = 1
	}
	for k, c := range avx512Group16Cols[f.Bits] {
		a.perm16[c] = int32(k)
	}
	chunk := avx512Group8Chunk(f, cols)
	for j := range nq {
		a.out = unsafe.Pointer(&y[j*cols])
		for i0 := 0; i0 < n; i0 += chunk {
			i1 := min(n, i0+chunk)
			a.codes, a.scales, a.shifts = unsafe.Pointer(&r.Data[i0*rb]), unsafe.Pointer(&r.Scales[i0*g]), unsafe.Pointer(&shifts[i0*g])
			a.w, a.n = unsafe.Pointer(&w[j*n+i0]), i1-i0
			avx512CallAddWeightedG16(f.Bits, &a)
		}
	}
}
