//go:build gc && !purego

package lowbit

import (
	"math/bits"
	"unsafe"

	"github.com/klauspost/cpuid/v2"
)

// avx512VBMI reports whether the CPU has VPERMT2B (AVX-512 VBMI), which the
// AddWeightedQ8 kernel needs beside VNNI.
var avx512VBMI = cpuid.CPU.Supports(cpuid.AVX512VBMI)

// avx512AddWeightedQ8Format reports whether AddWeightedQ8 on format f runs
// avx512 code (on rows that avx512AddWeightedQ8Rows takes; other rows run
// the generic code): floats (AddWeighted) always, codes when they are 2-
// or 4-bit in groups of 32, 64, 128 or 256 and the CPU has VNNI and VBMI.
func avx512AddWeightedQ8Format(f Format) bool {
	if !f.Quantized() {
		return true
	}
	return (f.Bits == 2 || f.Bits == 4) && (f.Group == 32 || f.Group == 64 || f.Group == 128 || f.Group == 256) && avx512VNNI && avx512VBMI
}

// avx512AddWeightedQ8Rows reports whether the kernels take rows of cols
// values of f (avx512AddWeightedQ8Format): rows of 64, 128 or 256 values
// in one, two or four groups.
func avx512AddWeightedQ8Rows(f Format, cols int) bool {
	return (cols == 64 || cols == 128 || cols == 256) && cols%f.Group == 0 && cols/f.Group <= 4 && avx512AddWeightedQ8Format(f)
}

// avx512AddWeightedQ8Args is the argument block of avx512AddWeightedQ8Prep
// and avx512AddWeightedQ8RowsW2/W4 (offsets through go_asm.h).
type avx512AddWeightedQ8Args struct {
	data     unsafe.Pointer // codes of the first row (rowBytes a row)
	scales   unsafe.Pointer // its fp16 scales (groups a row)
	mins     unsafe.Pointer // its fp16 mins (the scales when symmetric: read, not used)
	w        unsafe.Pointer // weight row 0's weight of the first row
	y        unsafe.Pointer // output row 0
	u        unsafe.Pointer // rounded weights, [block][group][4][64] int8
	a        unsafe.Pointer // scales [block][group][4] float32, shift terms 1024 bytes on
	wordIdx  unsafe.Pointer // VPERMT2W index of group 0 of 16 rows' scales
	n        int            // rows (the kernel)
	blocks   int            // whole blocks of 64 rows (Prep)
	wStride  int            // bytes between weight rows
	yStride  int            // bytes between output rows
	nq       int            // weight rows: 1 to 4
	groups   int            // groups a row: 1, 2 or 4
	gShift   int            // log2(group/32)
	kScale1  uint64         // word mask of the first 64 bytes of 16 rows' scales
	kScale2  uint64         // and of the next 64
	symOff   int            // 2^(Bits-1) when symmetric, else 0
	rowBytes int            // bytes of codes a row
	passes   int            // passes of 64 columns: cols/64
}

// avx512Q8wChunk is the most rows of one call of the kernels: 16 blocks,
// whose rounded weights, scales and shifts fit avx512AddWeightedQ8Scratch.
const avx512Q8wChunk = 16 * AddWeightedQ8Rows

// avx512AddWeightedQ8Scratch is one call's memory: the rounded weights and
// scales of a chunk, and the last partial block's scales, mins and
// weights, padded with zeros to 64 rows.
type avx512AddWeightedQ8Scratch struct {
	u      [16 * 4 * 4 * AddWeightedQ8Rows]int8
	a      [2 * 16 * 4 * 4]float32
	scales [4 * AddWeightedQ8Rows]uint16
	mins   [4 * AddWeightedQ8Rows]uint16
	w      [4 * AddWeightedQ8Rows]float32
}

// avx512Q8wWordIdx[k] is word l·2^k of 16 rows' scales in lane l: the
// VPERMT2W index of group 0 of rows of 2^k groups.
var avx512Q8wWordIdx = func() (t [3][32]uint16) {
	for k := range t {
		for l := range 16 {
			t[k][l] = uint16(l << k)
		}
	}
	return t
}()

// addWeightedQ8AVX512 is AddWeightedQ8 for avx512: the assembly on 2- and
// 4-bit rows of 64, 128 or 256 values (avx512AddWeightedQ8Rows), four
// weight rows and 1024 rows at a time; other code rows run the generic
// code.
func addWeightedQ8AVX512(y []float32, r Rows, w []float32) {
	f := r.Format
	if !avx512AddWeightedQ8Rows(f, r.Cols) {
		addWeightedQ8Generic(y, r, w)
		return
	}
	n := r.Len()
	cols := r.Cols
	nq, groups := len(w)/n, cols/f.Group
	var s avx512AddWeightedQ8Scratch
	k := bits.TrailingZeros(uint(groups))
	a := avx512AddWeightedQ8Args{
		wordIdx:  unsafe.Pointer(&avx512Q8wWordIdx[k][0]),
		wStride:  4 * n,
		yStride:  4 * cols,
		groups:   groups,
		gShift:   bits.TrailingZeros(uint(f.Group / 32)),
		rowBytes: f.RowBytes(cols),
		passes:   cols / 64,
		kScale1:  1<<(16*min(groups, 2)) - 1,
	}
	if groups == 4 {
		a.kScale1, a.kScale2 = 1<<32-1, 1<<32-1
	}
	if f.Symmetric {
		a.symOff = 1 << (f.Bits - 1)
	}
	for j0 := 0; j0 < nq; j0 += 4 {
		a.nq = min(4, nq-j0)
		for c0 := 0; c0 < n; c0 += avx512Q8wChunk {
			c1 := min(n, c0+avx512Q8wChunk)
			a.u, a.a = unsafe.Pointer(&s.u[0]), unsafe.Pointer(&s.a[0])
			a.scales = unsafe.Pointer(&r.Scales[c0*groups])
			a.mins = a.scales
			if !f.Symmetric {
				a.mins = unsafe.Pointer(&r.Mins[c0*groups])
			}
			a.w = unsafe.Pointer(&w[j0*n+c0])
			a.blocks = (c1 - c0) / AddWeightedQ8Rows
			if a.blocks > 0 {
				avx512AddWeightedQ8Prep(&a)
			}
			if b0 := c0 + a.blocks*AddWeightedQ8Rows; b0 < c1 {
				avx512AddWeightedQ8PrepLast(&s, a, r, w, n, j0, b0, c1)
			}
			a.data = unsafe.Pointer(&r.Data[c0*a.rowBytes])
			a.y = unsafe.Pointer(&y[j0*cols])
			a.n = c1 - c0
			if f.Bits == 2 {
				avx512AddWeightedQ8RowsW2(&a)
			} else {
				avx512AddWeightedQ8RowsW4(&a)
			}
		}
	}
}

// avx512AddWeightedQ8PrepLast rounds the weights of the chunk's last,
// partial block (rows [b0, c1) of r, weight rows j0…j0+a.nq−1 of w, n
// weights a row), from copies padded with zeros to 64 rows; a is the
// chunk's argument block, by value, whose a.blocks whole blocks precede it.
func avx512AddWeightedQ8PrepLast(s *avx512AddWeightedQ8Scratch, a avx512AddWeightedQ8Args, r Rows, w []float32, n, j0, b0, c1 int) {
	g, m := a.groups, c1-b0
	clear(s.scales[:])
	clear(s.mins[:])
	clear(s.w[:])
	copy(s.scales[:], r.Scales[b0*g:c1*g])
	a.scales, a.mins = unsafe.Pointer(&s.scales[0]), unsafe.Pointer(&s.scales[0])
	if r.Mins != nil {
		copy(s.mins[:], r.Mins[b0*g:c1*g])
		a.mins = unsafe.Pointer(&s.mins[0])
	}
	for i := range a.nq {
		copy(s.w[i*AddWeightedQ8Rows:i*AddWeightedQ8Rows+m], w[(j0+i)*n+b0:])
	}
	a.w, a.wStride = unsafe.Pointer(&s.w[0]), 4*AddWeightedQ8Rows
	a.u = unsafe.Pointer(&s.u[a.blocks*g*4*AddWeightedQ8Rows])
	a.a = unsafe.Pointer(&s.a[a.blocks*g*4])
	a.blocks = 1
	avx512AddWeightedQ8Prep(&a)
}
