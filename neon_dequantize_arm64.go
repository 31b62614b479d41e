//go:build gc && !purego

package lowbit

import (
	"unsafe"
)

func dequantizeNEON(dst []float32, r Rows) {
	f := r.Format
	switch {
	case f.Bits == 32:
		n := len(dst) &^ 3
		if n > 0 {
			neonCopyF32(&dst[0], (*float32)(unsafe.Pointer(&r.Data[0])), n)
		}
		for k := n; k < len(dst); k++ {
			dst[k] = f32At(r.Data, k)
		}
		return
	case f.Bits == 16:
		n := len(dst) &^ 3
		if n > 0 {
			neonDequantizeF16(&dst[0], (*uint16)(unsafe.Pointer(&r.Data[0])), n)
		}
		for k := n; k < len(dst); k++ {
			dst[k] = f16At(r.Data, k)
		}
		return
	case !neonCodes(f):
		dequantizeGeneric(dst, r)
		return
	}
	cols, G, groups := r.Cols, f.Group, f.Groups(r.Cols)
	var buf [neonChunk]byte
	codeChunks(f, r.Len(), cols, groups, func(int, int) {}, func(i0, i1, g0, g1 int) {
		unpackCodesNEON(&buf, r, i0, i1, g0, g1)
		gi := i0*groups + g0
		neonDequantizeCodes(&dst[i0*cols+g0*G], &buf[0], i1-i0, g1-g0, G, &r.Scales[gi], minsOf(r, gi), 2*groups, 4*cols, symOffset(f))
	})
}
