//go:build gc && !purego

package lowbit

import (
	"unsafe"
)

// dequantizeNEON is Dequantize: codes through the unpack and
// neonDequantizeCodes (groups of 8 and 16: neonDequantizeCodesG8, G16),
// fp16 and float32 through dequantizeFloatNEON.
func dequantizeNEON(dst []float32, r Rows) {
	pick(r.Format, neonCodes, dequantizeFloatNEON, dequantizeCodesNEON, dequantizeGeneric)(dst, r)
}

// dequantizeFloatNEON is Dequantize for fp16 rows (FCVTL) and float32 rows
// (copied): the asm takes the first len(dst)&^3 values, Go the rest.
func dequantizeFloatNEON(dst []float32, r Rows) {
	n := len(dst) &^ 3
	if n > 0 && r.Format.Bits == 16 {
		neonDequantizeF16(&dst[0], (*uint16)(unsafe.Pointer(&r.Data[0])), n)
	} else if n > 0 {
		neonCopyF32(&dst[0], (*float32)(unsafe.Pointer(&r.Data[0])), n)
	}
	for k := n; k < len(dst); k++ {
		dst[k] = floatAt(r, k)
	}
}

// dequantizeCodesNEON is Dequantize of the code formats the neon kernels
// serve.
func dequantizeCodesNEON(dst []float32, r Rows) {
	f := r.Format
	cols, G, groups := r.Cols, f.Group, f.Groups(r.Cols)
	var stack neonBuf
	buf := neonCodeBuf(&stack, f)
	codeChunks(f, r.Len(), cols, len(buf)-neonSlack, groups, func(int, int) {}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(buf, r, i0, i1, g0, g1)
		gi := i0*groups + g0
		if neonLane(G) {
			neonCallDequantizeCodes(G, &dst[i0*cols+g0*G], &buf[0], i1-i0, (g1-g0)*G, &r.Scales[gi], minsOf(r, gi), 4*cols, symOffset(f))
			return
		}
		dequantizeFoldNEON(&dst[i0*cols+g0*G], &buf[0], i1-i0, g1-g0, G, &r.Scales[gi], minsOf(r, gi), 2*groups, 4*cols, symOffset(f))
	})
}

// dequantizeFoldNEON runs neonDequantizeCodes, or neonDequantizeCodesTail on groups that are not
// a multiple of 16: a direct call each, so that the caller's buffers stay on
// its stack (a call through a function value would move them to the heap).
func dequantizeFoldNEON(dst *float32, codes *byte, rows, groups, group int, scales, mins *uint16, sstride, dstride int, off float32) {
	if group%16 != 0 {
		neonDequantizeCodesTail(dst, codes, rows, groups, group, scales, mins, sstride, dstride, off)
		return
	}
	neonDequantizeCodes(dst, codes, rows, groups, group, scales, mins, sstride, dstride, off)
}
