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
	out        unsafe.Pointer                 // out of query row 0 at the first row (the kernel stores)
	outStride  uintptr                        // bytes between query rows of out
	n          int                            // rows
	groups     int                            // groups of 8 per row
	rowBytes   int                            // code bytes per row
	groupBytes int                            // code bytes per group (the width)
	alignBytes int                            // 4 − groupBytes: how far before a group its dword starts
	symmetric  int                            // 1: the shifts are the scales (not gathered again)
	mx         [4][avx512Group8Max]float32    // mult × Σx over each group of each query row
	xs         [avx512Group8Max][4][8]float32 // the pass's query rows, group by group
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
