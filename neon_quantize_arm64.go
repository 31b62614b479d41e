//go:build gc && !purego

package lowbit

import (
	"math"
	"unsafe"
)

// quantizeNEON is Quantize: codes through neonQuantizeCodes (groups of 8
// and 16: neonQuantizeCodesG8, G16, 4 groups at a time) and the pack, fp16
// and float32 through quantizeFloatNEON.
func quantizeNEON(dst Rows, x []float32) {
	pick(dst.Format, neonCodes, quantizeFloatNEON, quantizeCodesNEON, quantizeGeneric)(dst, x)
}

// quantizeFloatNEON is Quantize for fp16 rows (FCVTN) and float32 rows
// (copied): the asm takes the first len(x)&^3 values, Go the rest.
func quantizeFloatNEON(dst Rows, x []float32) {
	n := len(x) &^ 3
	if n > 0 && dst.Format.Bits == 16 {
		neonQuantizeF16((*uint16)(unsafe.Pointer(&dst.Data[0])), &x[0], n)
	} else if n > 0 {
		neonCopyF32((*float32)(unsafe.Pointer(&dst.Data[0])), &x[0], n)
	}
	for k := n; k < len(x); k++ {
		if dst.Format.Bits == 16 {
			putF16(dst.Data, k, F16FromFloat32(x[k]))
		} else {
			putF32(dst.Data, k, x[k])
		}
	}
}

// quantizeCodesNEON is Quantize to the code formats the neon kernels serve.
func quantizeCodesNEON(dst Rows, x []float32) {
	f := dst.Format
	cols, G := dst.Cols, f.Group
	rb, gb, groups := f.RowBytes(cols), G*f.Bits/8, f.Groups(cols)
	qlo, qhi, div, off := float32(0), float32(int(1)<<f.Bits-1), float32(int(1)<<f.Bits-1), 0
	if f.Symmetric {
		o := int(1) << (f.Bits - 1)
		qlo, qhi, div, off = -float32(o), float32(o-1), float32(o-1), o
	}
	var stack neonBuf
	buf := neonCodeBuf(&stack, f)
	codeChunks(f, dst.Len(), cols, len(buf)-neonSlack, groups, func(int, int) {}, func(i0, i1, g0, g1 int) {
		ng := g1 - g0
		if ng == groups {
			ng *= i1 - i0
		}
		gi := i0*groups + g0
		done := 0
		if neonLane(G) { // 4 groups at a time, the rest one by one
			done = ng &^ 3
			if done > 0 {
				neonCallQuantizeCodes(G, &buf[0], &x[i0*cols+g0*G], done/4, &dst.Scales[gi], minsOf(dst, gi), qlo, qhi, div, off)
			}
		}
		if done < ng {
			quantizeFoldNEON(&buf[done*G], &x[i0*cols+(g0+done)*G], ng-done, G, &dst.Scales[gi+done], minsOf(dst, gi+done), qlo, qhi, div, off)
		}
		neonPackGroups(dst.Data, i0*rb+g0*gb, buf, ng, f)
	})
}

func putF32(b []byte, k int, v float32) {
	u := math.Float32bits(v)
	b[4*k], b[4*k+1], b[4*k+2], b[4*k+3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
}

func putF16(b []byte, k int, h uint16) { b[2*k], b[2*k+1] = byte(h), byte(h>>8) }

// quantizeFoldNEON runs neonQuantizeCodes, or neonQuantizeCodesTail on groups that are not
// a multiple of 16: a direct call each, so that the caller's buffers stay on
// its stack (a call through a function value would move them to the heap).
func quantizeFoldNEON(dst *byte, x *float32, groups, group int, scales, mins *uint16, qlo, qhi, div float32, off int) {
	if group%16 != 0 {
		neonQuantizeCodesTail(dst, x, groups, group, scales, mins, qlo, qhi, div, off)
		return
	}
	neonQuantizeCodes(dst, x, groups, group, scales, mins, qlo, qhi, div, off)
}
