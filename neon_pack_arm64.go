//go:build gc && !purego

package lowbit

import "github.com/lowbit-ml/lowbit/pack"

// unpackCodesNEON unpacks rows [i0, i1) over groups [g0, g1) of r into buf.
func unpackCodesNEON(buf *[neonChunk]byte, r Rows, i0, i1, g0, g1 int) {
	f := r.Format
	rb, gb, groups := f.RowBytes(r.Cols), f.Group*f.Bits/8, f.Groups(r.Cols)
	p2, p1 := pack.PlaneOffsets(f.Bits, f.Group)
	ng := g1 - g0
	if ng == groups {
		ng *= i1 - i0 // whole rows: consecutive groups
	}
	neonUnpack(&buf[0], &r.Data[i0*rb+g0*gb], ng, f.Group, f.Bits, p2, p1)
}
